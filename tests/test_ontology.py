"""ontology/kg.ttl, the KG namespace, the IRI scheme and the SHACL shapes."""
from __future__ import annotations

import doctest

import pyoxigraph
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.collection import Collection

import kg.ontology
from kg.ontology import (
    ENTITY_CLASSES,
    EVENT_NS,
    EVENT_TYPES,
    KG,
    KG_NS,
    ONTOLOGY_PATH,
    SHAPES_PATH,
    document_iri,
    entity_iri,
    event_iri,
    iri_segment,
    modality_iri,
    ontology_quads,
    relation_iri,
    shorten_iri,
    statement_iri,
)
from kg.rdf import quads
from kg.types import GATE_REASONS, MODALITIES
from conftest import AWKWARD, sample_documents, sample_statements

pyshacl = pytest.importorskip("pyshacl")

DOCUMENTS = sample_documents()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


# --- kg.ttl and the KG namespace ------------------------------------------------------


def test_kg_ttl_parses_in_pyoxigraph_too(ontology):
    triples = list(pyoxigraph.parse(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(ontology) > 100


def test_namespace_terms_and_kg_ttl_terms_are_the_same_set(ontology):
    in_file = {term for term in ontology.all_nodes() if isinstance(term, URIRef) and term.startswith(KG_NS)}
    in_python = set(dir(KG))
    assert in_python == in_file, f"only in kg.ttl: {in_file - in_python}; only in KG: {in_python - in_file}"


def test_every_term_is_declared_with_a_label(ontology):
    for term in dir(KG):
        assert (term, RDF.type, None) in ontology, term
        assert (term, RDFS.label, None) in ontology, term


def test_mistyped_term_is_an_error():
    with pytest.raises(AttributeError):
        KG.Statment  # noqa: B018


def test_entity_classes_are_subclasses_of_entity(ontology):
    for name, cls in ENTITY_CLASSES.items():
        assert (cls, RDFS.subClassOf, KG.Entity) in ontology, name
    assert (KG.Country, RDFS.subClassOf, URIRef("https://schema.org/Country")) in ontology
    assert (KG.Person, RDFS.subClassOf, URIRef("https://schema.org/Person")) in ontology
    assert (KG.Location, RDFS.subClassOf, URIRef("https://schema.org/Place")) in ontology
    assert (KG.Statement, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in ontology
    assert (KG.Document, RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Document")) in ontology


def test_modality_is_the_closed_set_from_types(ontology):
    members = Collection(ontology, ontology.value(KG.Modality, OWL.oneOf))
    assert [str(member) for member in members] == [KG_NS + name for name in MODALITIES]
    for name in MODALITIES:
        assert ontology.value(KG[name], RDFS.comment), name


def test_event_types_are_the_concepts_of_the_scheme(ontology):
    in_scheme = {str(s) for s in ontology.subjects(SKOS.inScheme, KG.EventTypeScheme)}
    assert in_scheme == {EVENT_NS + name for name in EVENT_TYPES}
    for concept in in_scheme:
        assert (URIRef(concept), RDF.type, SKOS.Concept) in ontology


def test_ontology_quads_are_in_the_ontology_graph(ontology):
    loaded = ontology_quads()
    assert len(loaded) == len(ontology)
    assert {quad.graph_name.value for quad in loaded} == {"https://w3id.org/kg-news/ontology"}


def test_module_doctests():
    assert doctest.testmod(kg.ontology).failed == 0


# --- IRIs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "text", "expected"),
    [
        (entity_iri, "Russia", "https://w3id.org/kg-news/entity/Russia"),
        (entity_iri, "Islamic State", "https://w3id.org/kg-news/entity/Islamic_State"),
        (entity_iri, AWKWARD,
         "https://w3id.org/kg-news/entity/Café_%22Zoë%22_%3COps%3E_%26_%27Friends%27_%7D_%F0%9F%9A%80"),
        (entity_iri, "a/b#c?d%e", "https://w3id.org/kg-news/entity/a%2Fb%23c%3Fd%25e"),
        (entity_iri, "tab\tnew\nline\x00", "https://w3id.org/kg-news/entity/tab%09new%0Aline%00"),
        (entity_iri, "Kyi\u0308v", "https://w3id.org/kg-news/entity/Kyïv"),  # NFC: ï one character
        (entity_iri, "\U000E0100", "https://w3id.org/kg-news/entity/%F3%A0%84%80"),  # a mark outside ucschar
        (entity_iri, "\ue000\ufdd0", "https://w3id.org/kg-news/entity/%EE%80%80%EF%B7%90"),  # private use, non-character
        (statement_iri, "3f2a9c0d1e2b3a4c", "https://w3id.org/kg-news/statement/3f2a9c0d1e2b3a4c"),
        (document_iri, "reuters/2024 03 05", "https://w3id.org/kg-news/document/reuters%2F2024_03_05"),
        (relation_iri, "call  for", "https://w3id.org/kg-news/relation/call_for"),
        (relation_iri, "strike", "https://w3id.org/kg-news/relation/strike"),
        (event_iri, "ASSAULT", "https://w3id.org/kg-news/event/ASSAULT"),
    ],
)
def test_iri_scheme(make, text, expected):
    assert make(text) == expected
    assert make(text) == make(text)
    _assert_valid_iri(expected)


@pytest.mark.parametrize("bad", ["", None, 42])
def test_iri_needs_a_non_empty_string(bad):
    with pytest.raises(ValueError):
        entity_iri(bad)


def test_modality_iri_is_closed():
    assert modality_iri("possible") == KG_NS + "possible"
    with pytest.raises(ValueError, match="unknown modality"):
        modality_iri("Entity")


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        ("https://w3id.org/kg-news/entity/Russia", "ent:Russia"),
        ("https://w3id.org/kg-news/ontology#Statement", "kg:Statement"),
        ("http://example.org/x", "<http://example.org/x>"),
        ("https://w3id.org/kg-news/entity/", "<https://w3id.org/kg-news/entity/>"),
    ],
)
def test_shorten_iri(iri, short):
    assert shorten_iri(iri) == short


def _assert_valid_iri(iri: str) -> None:
    node = pyoxigraph.NamedNode(iri)  # raises ValueError on an invalid IRI
    line = f"<{iri}> <http://example.org/p> <{iri}> .\n"
    assert [t.subject for t in pyoxigraph.parse(line, format=pyoxigraph.RdfFormat.N_TRIPLES)] == [node]
    assert {str(s) for s in Graph().parse(data=line, format="nt").subjects()} == {iri}
    assert rdflib.term._is_valid_uri(iri)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1))
def test_any_text_gives_a_valid_iri(text):
    _assert_valid_iri(entity_iri(text))
    _assert_valid_iri(relation_iri(text))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1), st.text(min_size=1))
def test_different_names_give_different_iris(first, second):
    import unicodedata

    if unicodedata.normalize("NFC", first) != unicodedata.normalize("NFC", second):
        assert iri_segment(first) != iri_segment(second)


# --- SHACL ----------------------------------------------------------------------------


def _union_graph(quad_list) -> Graph:
    nquads = pyoxigraph.serialize(quad_list, format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = rdflib.Dataset()
    dataset.parse(data=nquads, format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _validate(graph: Graph, ontology: Graph) -> tuple[bool, str]:
    # The ontology goes into the data graph itself: it supplies the subclass hierarchy
    # (sh:class kg:Entity) and the skos:Concept typing of the event types.
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, _, text = pyshacl.validate(graph + ontology, shacl_graph=shapes, inference="none")
    return conforms, text


def test_fixture_output_conforms_to_the_shapes(ontology):
    conforms, report = _validate(_union_graph(list(quads(DOCUMENTS, sample_statements()))), ontology)
    assert conforms, report


def test_each_document_graph_conforms_on_its_own(ontology):
    by_graph: dict[str, list] = {}
    for quad in quads(DOCUMENTS, sample_statements()):
        by_graph.setdefault(quad.graph_name.value, []).append(quad)
    assert len(by_graph) == 2
    for name, graph_quads in by_graph.items():
        conforms, report = _validate(_union_graph(graph_quads), ontology)
        assert conforms, f"{name}: {report}"


def test_gated_statements_conform_and_the_reasons_are_the_closed_set(ontology):
    statements = [dict(record, gated=reason, id=f"{record['id']}-{reason}")
                  for record in sample_statements()[:1] for reason in GATE_REASONS]
    conforms, report = _validate(_union_graph(list(quads(DOCUMENTS, statements))), ontology)
    assert conforms, report
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    [listed] = [shapes.value(prop, SH["in"]) for prop in shapes.subjects(SH.path, KG.gated)]
    assert [str(item) for item in Collection(shapes, listed)] == list(GATE_REASONS)


def test_an_unknown_gate_reason_fails_validation(ontology):
    graph = _union_graph(list(quads(DOCUMENTS, [dict(sample_statements()[0], gated="fragment")])))
    statement = URIRef(statement_iri(sample_statements()[0]["id"]))
    graph.set((statement, KG.gated, rdflib.Literal("boring")))
    conforms, report = _validate(graph, ontology)
    assert not conforms and "InConstraintComponent" in report


def test_statement_without_subject_fails_validation(ontology):
    graph = _union_graph(list(quads(DOCUMENTS, sample_statements())))
    statement = URIRef(statement_iri(sample_statements()[0]["id"]))
    graph.remove((statement, KG.subject, None))
    conforms, report = _validate(graph, ontology)
    assert not conforms
    assert "MinCountConstraintComponent" in report and "kg:subject" in report


@pytest.mark.parametrize(
    ("change", "expected_in_report"),
    [
        (lambda r: r.update(confidence=1.5), "MaxInclusiveConstraintComponent"),
        (lambda r: r["subject"].update(type="Spaceship"), "QualifiedMinCountConstraintComponent"),
        (lambda r: r.update(start=500, end=10), "LessThanOrEqualsConstraintComponent"),
    ],
)
def test_bad_values_fail_validation(ontology, change, expected_in_report):
    statements = sample_statements()[:1]
    change(statements[0])
    conforms, report = _validate(_union_graph(list(quads(DOCUMENTS, statements))), ontology)
    assert not conforms
    assert expected_in_report in report


def test_every_class_we_emit_has_a_shape(ontology):
    from datetime import datetime, timezone

    from kg.rdf import build_quads

    emitted = {
        URIRef(quad.object.value)
        for quad in [*quads(DOCUMENTS, sample_statements()), *build_quads(DOCUMENTS, ended=datetime.now(timezone.utc))]
        if quad.predicate.value == str(RDF.type)
    }
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    uncovered = {cls for cls in emitted if cls not in targets and not any((cls, RDFS.subClassOf, t) in ontology for t in targets)}
    assert len(emitted) >= 8 and not uncovered, uncovered


def test_an_event_without_object_conforms_and_has_no_object_or_direct_triple(ontology):
    """"Workers demonstrated": a statement with no kg:object, no kg:objectText, no triple."""
    record = {**sample_statements()[0], "id": "intransitive", "object": None, "negated": False, "modality": None,
              "predicate": {"text": "demonstrated", "lemma": "demonstrate", "event": "PROTEST"}}
    graph = _union_graph(list(quads(DOCUMENTS[:1], [{**record, "doc": DOCUMENTS[0]["id"]}])))
    statement = URIRef(statement_iri("intransitive"))
    assert (statement, KG.eventType, None) in graph
    assert not list(graph.objects(statement, KG.object)) and not list(graph.objects(statement, KG.objectText))
    assert not [t for t in graph if str(t[1]).endswith("/demonstrate")]
    conforms, report = _validate(graph, ontology)
    assert conforms, report


def test_an_object_without_its_text_fails_validation(ontology):
    graph = _union_graph(list(quads(DOCUMENTS, sample_statements())))
    statement = URIRef(statement_iri(sample_statements()[0]["id"]))
    graph.remove((statement, KG.objectText, None))
    conforms, report = _validate(graph, ontology)
    assert not conforms and "kg:objectText" in report
