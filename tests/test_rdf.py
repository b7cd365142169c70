"""Statement records → quads, and quads → files in each format."""
from __future__ import annotations

import copy
import re
import doctest
import json
from datetime import datetime
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

import kg.rdf
from kg.errors import InputError, KGError
from kg.ontology import (
    ENTITY_NS,
    KG,
    RELATION_NS,
    document_iri,
    entity_iri,
    event_iri,
    relation_iri,
    statement_iri,
)
from kg.rdf import FORMATS, quads, union_triples, write
from conftest import AWKWARD, sample_documents, sample_statements

DOC1, DOC2 = (d["id"] for d in sample_documents())
DOCUMENTS = [
    *sample_documents(),
    {"id": "no statements", "title": "Quiet day", "source": None, "date": "2024-02-30",
     "sha256": "c" * 64, "chars": 10},
]
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def kg_term(name: str) -> NamedNode:
    return NamedNode(str(KG[name]))


@pytest.fixture(scope="module")
def sample_quads() -> list[Quad]:
    return list(quads(DOCUMENTS, sample_statements()))


def direct_triples(quad_list) -> set[tuple[str, str, str]]:
    return {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in quad_list
        if q.predicate.value.startswith(RELATION_NS)
    }


def test_fixture_has_the_cases_the_tests_rely_on():
    statements = sample_statements()
    assert len(statements) == 9
    assert any(s["negated"] for s in statements)
    assert any(s["modality"] for s in statements)
    assert any(s["subject"]["id"] == AWKWARD for s in statements)


def test_one_statement_node_per_record(sample_quads):
    nodes = {q.subject.value for q in sample_quads if q.predicate == RDF_TYPE and q.object == kg_term("Statement")}
    assert nodes == {statement_iri(s["id"]) for s in sample_statements()}


def test_statement_quads_are_in_their_document_graph(sample_quads):
    for statement in sample_statements():
        graphs = {q.graph_name.value for q in sample_quads if q.subject.value == statement_iri(statement["id"])}
        assert graphs == {document_iri(statement["doc"])}, statement["id"]


def test_direct_triples_only_for_asserted_statements(sample_quads):
    rel = relation_iri
    assert direct_triples(sample_quads) == {
        (entity_iri("Russia"), rel("strike"), entity_iri("Kharkiv")),
        (entity_iri("Ukraine"), rel("reject"), entity_iri("ceasefire proposal")),
        (entity_iri("Ukraine"), rel("thank"), entity_iri("Poland")),
        (entity_iri("Islamic State"), rel("clash with"), entity_iri("Kurdish forces")),
        (entity_iri(AWKWARD), rel("back"), entity_iri("Ukraine")),
    }


@pytest.mark.parametrize(
    "statement", [s for s in sample_statements() if s["negated"] or s["modality"]], ids=lambda s: s["sentence"][:30]
)
def test_negated_and_hedged_statements_have_no_direct_triple(sample_quads, statement):
    subject, obj = entity_iri(statement["subject"]["id"]), entity_iri(statement["object"]["id"])
    assert not [q for q in sample_quads if q.subject.value == subject and q.object.value == obj
                and q.predicate.value.startswith(RELATION_NS)]
    node = statement_iri(statement["id"])
    assert Quad(NamedNode(node), kg_term("negated"), Literal(statement["negated"]),
                NamedNode(document_iri(statement["doc"]))) in sample_quads


def test_statement_node_keeps_modality_attribution_and_evidence(sample_quads):
    hedged = next(s for s in sample_statements() if s["modality"] == "possible")
    about = {(q.predicate.value, q.object) for q in sample_quads if q.subject.value == statement_iri(hedged["id"])}
    assert (str(KG.modality), kg_term("possible")) in about
    assert (str(KG.attributedTo), NamedNode(entity_iri("Yevgeny Prigozhin"))) in about
    assert (str(KG.attributedToText), Literal("the head of the Wagner group")) in about
    assert (str(KG.predicateText), Literal("may also request")) in about
    assert (str(KG.subjectText), Literal("Moscow")) in about
    assert (str(KG.eventType), NamedNode(event_iri("REQUEST"))) in about
    assert (str(KG.sentence), Literal(hedged["sentence"])) in about
    assert (str(KG.start), Literal(144)) in about
    assert (str(KG.confidence), Literal("0.6", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))) in about
    assert ("http://www.w3.org/ns/prov#wasDerivedFrom", NamedNode(document_iri(DOC1))) in about


def test_relation_is_described_with_label_and_event_type(sample_quads):
    graph = NamedNode(document_iri(DOC1))
    strike = NamedNode(relation_iri("strike"))
    assert Quad(strike, RDF_TYPE, kg_term("Relation"), graph) in sample_quads
    assert Quad(strike, RDFS_LABEL, Literal("strike"), graph) in sample_quads
    assert Quad(strike, kg_term("eventType"), NamedNode(event_iri("ASSAULT")), graph) in sample_quads
    thank = NamedNode(relation_iri("thank"))
    assert not [q for q in sample_quads if q.subject == thank and q.predicate == kg_term("eventType")]


def test_entities_are_described_once_in_each_graph_that_uses_them(sample_quads):
    russia = NamedNode(entity_iri("Russia"))
    labels = [q for q in sample_quads if q.subject == russia and q.predicate == RDFS_LABEL]
    assert sorted(q.graph_name.value for q in labels) == sorted([document_iri(DOC1), document_iri(DOC2)])
    assert Quad(russia, RDF_TYPE, kg_term("Country"), NamedNode(document_iri(DOC1))) in sample_quads
    assert Quad(russia, kg_term("actorCode"), Literal("RUS"), NamedNode(document_iri(DOC1))) in sample_quads
    same_as = [q.object.value for q in sample_quads if q.subject == russia and "sameAs" in q.predicate.value]
    assert same_as == ["http://www.wikidata.org/entity/Q159"]
    assert len(sample_quads) == len(set(sample_quads))


def test_dropping_a_document_graph_removes_it_cleanly(sample_quads):
    store = pyoxigraph.Store()
    store.extend(sample_quads)
    store.remove_graph(NamedNode(document_iri(DOC1)))
    remaining = list(store)
    mentioned = {term.value for q in remaining for term in (q.subject, q.object) if isinstance(term, NamedNode)}
    assert entity_iri("Dmitry Peskov") not in mentioned  # only doc 1 quoted him
    assert entity_iri("Kharkiv") not in mentioned
    assert document_iri(DOC1) not in mentioned
    assert entity_iri("Russia") in mentioned  # doc 2 still talks about Russia


def test_document_metadata(sample_quads):
    def values(doc_id: str) -> dict[str, Literal]:
        node = document_iri(doc_id)
        return {q.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]: q.object
                for q in sample_quads if q.subject.value == node and q.predicate != RDF_TYPE}

    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert values(DOC1)["date"] == Literal("2024-03-01", datatype=NamedNode(xsd + "date"))
    assert values(DOC2)["date"] == Literal("2024-03-05T10:00:00Z", datatype=NamedNode(xsd + "dateTime"))
    quiet = values("no statements")  # kept, though nothing was extracted from it
    assert quiet["date"] == Literal("2024-02-30")  # not a real date: kept as text
    assert quiet["chars"] == Literal(10)
    assert "source" not in quiet
    assert values(DOC1)["title"] == Literal("Strikes on Kharkiv")


def test_statement_of_unknown_document_gets_a_bare_document_node():
    produced = list(quads([], sample_statements()[:1]))
    graph = NamedNode(document_iri(DOC1))
    assert Quad(graph, RDF_TYPE, kg_term("Document"), graph) in produced


def test_iris_and_order_are_stable_across_runs():
    first = pyoxigraph.serialize(quads(DOCUMENTS, sample_statements()), format=RdfFormat.N_QUADS)
    second = pyoxigraph.serialize(quads(copy.deepcopy(DOCUMENTS), sample_statements()), format=RdfFormat.N_QUADS)
    assert first == second
    assert entity_iri(AWKWARD).encode() in first


def test_awkward_entity_iri_is_valid(sample_quads):
    iri = entity_iri(AWKWARD)
    assert NamedNode(iri).value == iri
    assert rdflib.term._is_valid_uri(iri)
    assert not set(iri) & set(" \"<>{}|\\^`'&")
    label = [q.object.value for q in sample_quads if q.subject.value == iri and q.predicate == RDFS_LABEL]
    assert label == [AWKWARD, AWKWARD][: len(label)] and label


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.pop("subject"), "subject"),
        (lambda r: r.update(modality="perhaps"), "unknown modality"),
        (lambda r: r.update(negated="no"), "negated"),
        (lambda r: r.update(confidence=float("nan")), "confidence"),
        (lambda r: r["object"].update(id=""), "non-empty"),
    ],
)
def test_bad_record_is_an_input_error_naming_the_statement(change, message):
    record = sample_statements()[0]
    change(record)
    with pytest.raises(InputError, match=message) as raised:
        list(quads([], [record]))
    assert record["id"] in str(raised.value)


def test_accepts_objects_with_to_record():
    from kg.types import Argument, Document, Entity, Predicate, Statement

    russia, kyiv = Entity("Russia", "Russia", "Country", "RUS"), Entity("Kyiv", "Kyiv", "Location")
    statement = Statement("d", "Russia shelled Kyiv.", 0, 20, Argument("Russia", russia),
                          Predicate("shelled", "shell", "ASSAULT"), Argument("Kyiv", kyiv))
    produced = list(quads([Document("d", "Russia shelled Kyiv.")], [statement]))
    assert direct_triples(produced) == {(entity_iri("Russia"), relation_iri("shell"), entity_iri("Kyiv"))}


def test_module_doctests():
    assert doctest.testmod(kg.rdf).failed == 0


# --- serializations -------------------------------------------------------------------

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def value(term) -> object:
    """Comparable form of a term from either library; rdflib's JSON-LD parser rewrites
    2024-03-05T10:00:00Z as …+00:00, the same instant, so dateTimes compare as values."""
    if isinstance(term, rdflib.term.Node):
        lexical, datatype = str(term), str(getattr(term, "datatype", None))
    else:
        lexical, datatype = term.value, str(getattr(getattr(term, "datatype", None), "value", None))
    return datetime.fromisoformat(lexical) if datatype == XSD_DATETIME else lexical


def parse_rdflib(path: Path, name: str) -> set[tuple]:
    """(s, p, o, graph) for dataset formats, (s, p, o, None) for triple formats."""
    if FORMATS[name].supports_datasets:
        dataset = rdflib.Dataset()
        dataset.parse(path, format=RDFLIB_FORMATS[name])
        return {(str(s), str(p), value(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None))}
    graph = rdflib.Graph().parse(path, format=RDFLIB_FORMATS[name])
    return {(str(s), str(p), value(o), None) for s, p, o in graph}


def parse_pyoxigraph(path: Path, name: str) -> set[tuple]:
    parsed = pyoxigraph.parse(path=str(path), format=FORMATS[name])
    dataset = FORMATS[name].supports_datasets
    return {(q.subject.value, q.predicate.value, value(q.object), q.graph_name.value if dataset else None)
            for q in parsed}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_parses_back_in_rdflib_and_pyoxigraph(tmp_path, sample_quads, name):
    path = write(tmp_path / f"graph.{name}", iter(sample_quads))
    if FORMATS[name].supports_datasets:
        expected = {(q.subject.value, q.predicate.value, value(q.object), q.graph_name.value) for q in sample_quads}
    else:
        expected = {(t.subject.value, t.predicate.value, value(t.object), None) for t in union_triples(sample_quads)}
    assert parse_pyoxigraph(path, name) == expected
    assert parse_rdflib(path, name) == expected
    sentence = next(s["sentence"] for s in sample_statements() if s["subject"]["id"] == AWKWARD)
    assert any(row[2] == sentence for row in expected)  # quotes, braces, tab, backslash survive


def test_triple_formats_hold_each_triple_of_the_union_once(tmp_path, sample_quads):
    path = write(tmp_path / "graph.nt", sample_quads)
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(union_triples(sample_quads)) < len(sample_quads)


def test_turtle_declares_the_short_prefixes(tmp_path, sample_quads):
    text = write(tmp_path / "graph.ttl", sample_quads).read_text("utf-8")
    assert f"@prefix ent: <{ENTITY_NS}>" in text
    assert "ent:Russia rel:strike ent:Kharkiv" in text


def test_format_can_be_given_explicitly(tmp_path, sample_quads):
    path = write(tmp_path / "graph.data", sample_quads, format="nq")
    assert len(path.read_text("utf-8").splitlines()) == len(sample_quads)


def test_unknown_format_is_a_clear_error(tmp_path, sample_quads):
    with pytest.raises(KGError, match="unknown RDF format 'xml'"):
        write(tmp_path / "graph.xml", sample_quads)


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, sample_quads):
    path = write(tmp_path / "graph.nq", sample_quads)
    before = path.read_bytes()

    def failing():
        yield from sample_quads[:10]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write(path, failing())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


def test_written_file_has_a_normal_mode(tmp_path, sample_quads):
    path = write(tmp_path / "graph.nq", sample_quads)
    assert path.stat().st_mode & 0o044  # readable by others, unlike a bare mkstemp file


names = st.text(min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(entity=names, label=names, sentence=st.text(max_size=80), lemma=names, doc=names)
def test_any_text_gives_rdf_both_libraries_read(tmp_path_factory, entity, label, sentence, lemma, doc):
    record = sample_statements()[0]
    record.update(doc=doc, sentence=sentence)
    record["subject"].update(id=entity, label=label, text=label)
    record["predicate"].update(lemma=lemma)
    produced = list(quads([{"id": doc, "title": label}], [record]))
    path = write(tmp_path_factory.mktemp("any") / "graph.nq", produced)
    assert len(parse_pyoxigraph(path, "nq")) == len(set(produced))
    assert len(parse_rdflib(path, "nq")) == len(set(produced))


def test_lone_surrogate_from_json_becomes_a_replacement_character():
    record = sample_statements()[0]
    record["sentence"] = json.loads('"broken \\ud800 text"')
    sentences = [q.object.value for q in quads([], [record]) if q.predicate == kg_term("sentence")]
    assert sentences == ["broken \ufffd text"]


# --- Turtle and TriG that every parser reads the same way -----------------------------


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        (b"doc:000\\%5Fa a kg:Document .", b"doc:000%5Fa a kg:Document ."),  # %XX needs no escape
        (b"ent:Acme_Inc\\. rdfs:label \"x\" .", b"<https://w3id.org/kg-news/entity/Acme_Inc.> rdfs:label \"x\" ."),
        (b"ent:\\-x ent:a\\~b ent:\\.y .", b"<https://w3id.org/kg-news/entity/-x> <https://w3id.org/kg-news/entity/a~b> "
                                           b"<https://w3id.org/kg-news/entity/.y> ."),
        (b"ent:x\\%25y\\. ;", b"<https://w3id.org/kg-news/entity/x%25y.> ;"),
        (b"unknown:a\\.b .", b"unknown:a\\.b ."),  # no IRI to expand to: left as it is
        # literals double their backslashes: never touched
        (b"ent:a kg:sentence \"see ent:b\\\\. and doc:c\\\\%5F\" .", b"ent:a kg:sentence \"see ent:b\\\\. and doc:c\\\\%5F\" ."),
        (b"\tkg:subject ent:x\\%27s ,\n", b"\tkg:subject ent:x%27s ,\n"),
    ],
)
def test_plain_prefixed_names(written, plain):
    assert kg.rdf.plain_prefixed_names(written) == plain


ESCAPE_PRONE = st.text(alphabet=st.sampled_from(list("ab_.-~%'!&,;/?#@()*+=$ \\\"é")), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(entity=ESCAPE_PRONE, doc=ESCAPE_PRONE, label=ESCAPE_PRONE)
def test_turtle_and_trig_have_no_escaped_names_and_read_back_the_same(tmp_path_factory, entity, doc, label):
    record = sample_statements()[0]
    record.update(doc=doc, sentence=f"ent:{label}\\. doc:{label}\\%5F")
    record["subject"].update(id=entity, label=label, text=label)
    produced = list(quads([{"id": doc, "title": label}], [record]))
    folder = tmp_path_factory.mktemp("plain")
    expected = {"trig": parse_pyoxigraph(write(folder / "graph.nq", produced), "nq"),
                "ttl": parse_pyoxigraph(write(folder / "graph.nt", produced), "nt")}
    for name in ("ttl", "trig"):
        path = write(folder / f"graph.{name}", produced)
        assert parse_pyoxigraph(path, name) == expected[name]
        assert parse_rdflib(path, name) == expected[name]
        outside_strings = "".join(re.split(r'"(?:[^"\\]|\\.)*"', path.read_text("utf-8")))
        assert not re.search(r"(?<!\\)\\[-_~.!$&'()*+,;=/?#@%]", outside_strings)


def test_plain_names_survive_chunked_writes(tmp_path):
    """The writer sees pyoxigraph's output in 8 KiB pieces: a name cut in two must still be fixed."""
    records = []
    for number in range(400):
        record = sample_statements()[0]
        record.update(id=f"s{number}", doc=f"doc_{number}")
        record["subject"].update(id=f"Acme_{number} Inc.")
        records.append(record)
    path = write(tmp_path / "graph.ttl", quads([], records))
    outside_strings = "".join(re.split(r'"(?:[^"\\]|\\.)*"', path.read_text("utf-8")))
    assert len(outside_strings) > 8192 * 4 and "\\" not in outside_strings
    assert parse_pyoxigraph(path, "ttl") == parse_pyoxigraph(write(tmp_path / "graph.nt", quads([], records)), "nt")


# --- the build record -----------------------------------------------------------------


ENDED = datetime(2024, 3, 1, 12, 30, tzinfo=__import__("datetime").timezone.utc)


def test_build_record_is_a_prov_activity_of_a_software_agent():
    record = list(kg.rdf.build_quads(DOCUMENTS[:2], ended=ENDED, version="9.9"))
    assert {q.graph_name.value for q in record} == {"https://w3id.org/kg-news/build"}
    activity = NamedNode("https://w3id.org/kg-news/build/20240301T123000Z")
    agent = NamedNode("https://w3id.org/kg-news/software/kg/9.9")
    facts = {(q.subject, q.predicate.value.rsplit("/", 1)[-1], q.object) for q in record}
    assert (activity, "prov#endedAtTime", Literal("2024-03-01T12:30:00Z", datatype=NamedNode(XSD_DATETIME))) in facts
    assert (activity, "prov#wasAssociatedWith", agent) in facts
    assert (agent, "softwareVersion", Literal("9.9")) in facts
    assert {o for s, p, o in facts if p == "prov#used"} == {NamedNode(document_iri(d["id"])) for d in DOCUMENTS[:2]}


def test_build_record_is_the_only_place_with_a_time(sample_quads):
    assert not any(q.object.datatype.value == XSD_DATETIME for q in sample_quads
                   if isinstance(q.object, Literal) and q.predicate.value != "http://purl.org/dc/terms/date")


@pytest.mark.parametrize(("epoch", "stamp"), [("1700000000", "2023-11-14T22:13:20Z"), ("0", "1970-01-01T00:00:00Z")])
def test_source_date_epoch_makes_the_build_record_reproducible(tmp_path, monkeypatch, epoch, stamp):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    first = kg.rdf.write_build_record(tmp_path / "a.trig", DOCUMENTS).read_bytes()
    second = kg.rdf.write_build_record(tmp_path / "b.trig", DOCUMENTS).read_bytes()
    assert first == second and f'"{stamp}"^^xsd:dateTime'.encode() in first


def test_build_time_is_now_in_utc_without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(__import__("datetime").timezone.utc).replace(microsecond=0)
    assert before <= kg.rdf.build_time() <= datetime.now(__import__("datetime").timezone.utc)


def test_bad_source_date_epoch_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(KGError, match="SOURCE_DATE_EPOCH must be whole seconds since 1970, got 'yesterday'"):
        kg.rdf.build_time()


def test_person_role_and_affiliation_become_triples():
    statement = {
        "id": "0123456789abcdef", "doc": "d", "sentence": "Carter criticised Russia.", "start": 0, "end": 25,
        "subject": {"text": "U.S. Defense Secretary Ash Carter", "id": "Ashton Carter", "label": "Ashton Carter", "type": "Person",
                    "code": "USAGOVMIL", "role": "Defense Secretary", "affiliation": "United States"},
        "predicate": {"text": "criticised", "lemma": "criticise", "event": "DISAPPROVE"},
        "object": {"text": "Russia", "id": "Russia", "label": "Russia", "type": "Country"},
        "negated": False, "modality": None, "attributed_to": None, "confidence": 0.8,
    }
    found = {(q.subject, q.predicate, q.object) for q in quads(
        [{"id": "d", "title": None, "source": None, "date": None, "sha256": "0" * 64, "chars": 25}], [statement])}
    carter = NamedNode(entity_iri("Ashton Carter"))
    assert (carter, NamedNode(str(KG.role)), Literal("Defense Secretary")) in found
    assert (carter, NamedNode(str(KG.affiliation)), NamedNode(entity_iri("United States"))) in found
