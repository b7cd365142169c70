"""The embedded store: building atomically, SPARQL in every format, the shipped queries."""
from __future__ import annotations

import csv
import doctest
import io
import json
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

import kg.store
from kg.sparql import bind_parameters
from kg.errors import QueryError, StoreError
from kg.ontology import entity_iri, relation_iri
from kg.rdf import quads
from kg.store import build_store, open_store, query, query_rows, render_table
from conftest import AWKWARD, sample_documents, sample_statements

QUERIES = Path(__file__).parent.parent / "queries"
DOCUMENTS = sample_documents()
DOC1, DOC2 = (d["id"] for d in DOCUMENTS)
FACTS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o . ?p a kg:Relation } ORDER BY ?s ?p ?o"


def sample_quads():
    return quads(DOCUMENTS, sample_statements())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("output") / "store", sample_quads())


def read_query(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text("utf-8")


# --- building and opening -------------------------------------------------------------


def test_build_store_loads_every_quad(store):
    opened = open_store(store)
    names = {graph.value for graph in opened.named_graphs()}
    assert len(names) == 2
    in_graphs = sum(1 for q in opened if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))
    assert in_graphs == len(set(sample_quads()))


def test_store_is_read_only_by_default(store):
    opened = open_store(store)
    with pytest.raises(RuntimeError, match="read-write"):
        opened.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match=r"no store at .*nowhere: run `kg build` first"):
        open_store(tmp_path / "nowhere")
    with pytest.raises(StoreError, match="run `kg build` first"):
        query("ASK {}", store=tmp_path / "nowhere")


def test_failed_rebuild_leaves_the_old_store_intact(tmp_path):
    path = build_store(tmp_path / "store", sample_quads())
    before = query(FACTS, store=path, format="csv")

    def failing():
        for number, quad in enumerate(quads([], sample_statements()[:2])):
            if number == 20:
                raise RuntimeError("extraction crashed")
            yield quad

    with pytest.raises(RuntimeError, match="extraction crashed"):
        build_store(path, failing())
    assert query(FACTS, store=path, format="csv") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no temporary folders left


def test_successful_rebuild_replaces_the_store(tmp_path):
    path = build_store(tmp_path / "store", sample_quads())
    build_store(path, quads([], sample_statements()[:1]))
    assert query_rows(FACTS, store=path) == [
        {"s": entity_iri("Russia"), "p": relation_iri("strike"), "o": entity_iri("Kharkiv")}
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_build_refuses_to_replace_a_folder_that_is_not_a_store(tmp_path):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    with pytest.raises(StoreError, match="not a kg store"):
        build_store(precious, sample_quads())
    assert (precious / "thesis.txt").read_text() == "years of work"


# --- the default graph is the union of the document graphs ----------------------------


def test_prefixes_are_declared_and_graph_is_not_needed(store):
    rows = query_rows("SELECT ?o WHERE { ent:Russia rel:strike ?o }", store=store)
    assert rows == [{"o": entity_iri("Kharkiv")}]


def test_union_counts_a_triple_in_two_documents_once(store):
    # Russia is described in both document graphs; the default graph is a set.
    assert query_rows("SELECT (COUNT(*) AS ?n) WHERE { ent:Russia rdfs:label ?l }", store=store) == [{"n": 1}]
    per_graph = query_rows("SELECT ?g WHERE { GRAPH ?g { ent:Russia rdfs:label ?l } }", store=store)
    assert len(per_graph) == 2
    assert query_rows(
        "SELECT (COUNT(?s) AS ?n) WHERE { ?s kg:subject ent:Russia }", store=store
    ) == [{"n": 4}]


def test_query_rows_gives_python_values(store):
    rows = query_rows(
        "SELECT ?negated ?confidence ?start ?modality ?nothing WHERE {"
        " ?s kg:predicateText 'did not attack' ; kg:negated ?negated ; kg:confidence ?confidence ;"
        " kg:start ?start . OPTIONAL { ?s kg:modality ?modality } }",
        store=store,
    )
    assert rows == [{"negated": True, "confidence": 0.7, "start": 75, "modality": None, "nothing": None}]
    assert query_rows("ASK { ent:Russia rel:attack ent:Poland }", store=store) is False
    construct = query_rows("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . ?p a kg:Relation }", store=store)
    assert (entity_iri("Russia"), relation_iri("strike"), entity_iri("Kharkiv")) in construct


def test_query_accepts_an_open_store(store):
    assert query("ASK { ent:Russia rel:strike ent:Kharkiv }", store=open_store(store)) == "true\n"


# --- formats --------------------------------------------------------------------------

SELECT = "SELECT ?s ?label WHERE { ?s a kg:Country ; rdfs:label ?label } ORDER BY ?label"


def test_select_table_is_aligned_with_short_iris(store):
    lines = query(SELECT, store=store).splitlines()
    assert lines[0].split(" | ")[0].strip() == "s"
    assert lines[1].startswith("-") and "+" in lines[1]
    assert [line.split("|")[0].strip() for line in lines[2:-1]] == ["ent:Poland", "ent:Russia", "ent:Ukraine"]
    assert len({line.index("|") for line in lines[:-1] if "|" in line}) == 1  # one column edge
    assert lines[-1] == "(3 rows)"


def test_table_cells_stay_on_one_line_and_are_cut(store):
    text = query("SELECT ?sentence WHERE { ?s kg:sentence ?sentence }", store=store)
    assert "\t" not in text and len(text.splitlines()) == 2 + 9 + 1
    long_cell = render_table(["x"], [[pyoxigraph.Literal("y" * 200)]]).splitlines()[2]
    assert len(long_cell) == kg.store.MAX_CELL and long_cell.endswith("…")


def test_table_aligns_wide_characters(store):
    text = query("SELECT ?label ?x WHERE { ?e rdfs:label ?label . FILTER(CONTAINS(?label, 'Zoë')) BIND(1 AS ?x) }",
                 store=store)
    header, _, row = text.splitlines()[:3]
    assert kg.store.display_width(row.split(" | ")[0]) == kg.store.display_width(header.split(" | ")[0])


def test_select_csv_and_tsv(store):
    rows = list(csv.reader(io.StringIO(query(SELECT, store=store, format="csv"))))
    assert rows[0] == ["s", "label"]
    assert rows[1] == [entity_iri("Poland"), "Poland"]
    tsv = query(SELECT, store=store, format="tsv").splitlines()
    assert tsv[0] == "?s\t?label"
    assert tsv[1] == f'<{entity_iri("Poland")}>\t"Poland"'


def test_select_json_is_sparql_results_json(store):
    results = json.loads(query(SELECT, store=store, format="json"))
    assert results["head"]["vars"] == ["s", "label"]
    assert [b["label"]["value"] for b in results["results"]["bindings"]] == ["Poland", "Russia", "Ukraine"]


def test_awkward_values_survive_json(store):
    results = json.loads(query("SELECT ?e ?l WHERE { ?e a kg:Group ; rdfs:label ?l }", store=store, format="json"))
    [binding] = results["results"]["bindings"]
    assert binding["l"]["value"] == AWKWARD
    assert binding["e"]["value"] == entity_iri(AWKWARD)


@pytest.mark.parametrize(
    ("format", "yes", "no"),
    [("table", "true\n", "false\n"), ("csv", "true", "false"), ("tsv", "true", "false")],
)
def test_ask_in_text_formats(store, format, yes, no):
    assert query("ASK { ent:Russia rel:strike ent:Kharkiv }", store=store, format=format) == yes
    assert query("ASK { ent:Russia rel:attack ent:Poland }", store=store, format=format) == no


def test_ask_json(store):
    assert json.loads(query("ASK { ent:Russia rel:attack ent:Poland }", store=store, format="json")) == {
        "head": {}, "boolean": False}


CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . ?p a kg:Relation }"


@pytest.mark.parametrize(("format", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_construct_in_rdf_formats(store, format, rdflib_format):
    text = query(CONSTRUCT, store=store, format=format)
    graph = rdflib.Graph().parse(data=text, format=rdflib_format)
    assert len(graph) == 5
    assert (rdflib.URIRef(entity_iri(AWKWARD)), rdflib.URIRef(relation_iri("back")),
            rdflib.URIRef(entity_iri("Ukraine"))) in graph


def test_construct_table_and_describe(store):
    table = query(CONSTRUCT, store=store)
    assert table.splitlines()[0].split(" | ")[0].strip() == "subject"
    assert "ent:Russia" in table and "rel:strike" in table and table.endswith("(5 rows)\n")
    described = rdflib.Graph().parse(data=query("DESCRIBE ent:Kharkiv", store=store, format="ttl"), format="turtle")
    assert (rdflib.URIRef(entity_iri("Kharkiv")), rdflib.RDFS.label, rdflib.Literal("Kharkiv")) in described


@pytest.mark.parametrize(
    ("sparql", "format"),
    [(CONSTRUCT, "csv"), (SELECT, "ttl"), ("ASK {}", "nt"), (SELECT, "yaml")],
)
def test_format_that_does_not_fit_is_a_query_error(store, sparql, format):
    with pytest.raises(QueryError, match=f"format '{format}' does not fit"):
        query(sparql, store=store, format=format)


@pytest.mark.parametrize(
    "sparql",
    ["SELECT ?x WHERE { ?x", "SELEKT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s nope:p ?o }"],
)
def test_bad_sparql_is_a_one_line_query_error(store, sparql):
    with pytest.raises(QueryError) as raised:
        query(sparql, store=store)
    message = str(raised.value)
    assert message.startswith("bad SPARQL: error at 1:")
    assert "\n" not in message and len(message) < 320
    assert raised.value.exit_code == 2


def test_module_doctests():
    assert doctest.testmod(kg.store).failed == 0


# --- the shipped queries --------------------------------------------------------------


def test_every_shipped_query_is_tested():
    assert {p.stem for p in QUERIES.glob("*.rq")} == {
        "attacks", "refusals", "hedged", "by_source", "entity_timeline", "all_facts", "gated", "between"}


def test_gated_lists_what_the_gate_kept_back_and_all_facts_leaves_it_out(tmp_path):
    records = sample_statements()
    for record in records:
        if record["predicate"]["lemma"] == "thank":
            record["gated"] = "generic-actor"
    path = build_store(tmp_path / "store", quads(DOCUMENTS, records))
    rows = query_rows(read_query("gated"), store=path)
    assert [(r["reason"], r["subject"], r["predicate"], r["object"]) for r in rows] == [
        ("generic-actor", "Ukraine", "thanked", "Poland")]
    facts = query_rows(read_query("all_facts"), store=path)
    assert ("Ukraine", "thank", "Poland") not in {(r["subject"], r["relation"], r["object"]) for r in facts}
    assert len(facts) == 4


def test_all_facts(store):
    rows = query_rows(read_query("all_facts"), store=store)
    assert [(r["subject"], r["relation"], r["object"], r["event"]) for r in rows] == [
        (AWKWARD, "back", "Ukraine", "SUPPORT"),
        ("Islamic State", "clash with", "Kurdish forces", "FIGHT"),
        ("Russia", "strike", "Kharkiv", "ASSAULT"),
        ("Ukraine", "reject", "ceasefire proposal", "REJECT"),
        ("Ukraine", "thank", "Poland", None),  # no event type
    ]


def test_attacks_excludes_the_denied_attack(store):
    rows = query_rows(read_query("attacks"), store=store)
    assert [(r["attacker"], r["verb"], r["target"]) for r in rows] == [
        ("Russia", "strike", "Kharkiv"),
        ("Islamic State", "clash with", "Kurdish forces"),
    ]
    assert rows[0]["sentence"] == "Russia struck Kharkiv overnight."
    assert rows[0]["date"] == "2024-03-01"


def test_refusals(store):
    rows = query_rows(read_query("refusals"), store=store)
    assert [(r["subject"], r["predicate"], r["object"], r["negated"], r["speaker"]) for r in rows] == [
        ("Russia", "did not attack", "Poland", True, "Dmitry Peskov"),
        ("Ukraine", "rejected", "ceasefire proposal", False, None),
    ]
    assert rows[0]["sentence"].startswith("Russia did not attack Poland")


def test_hedged(store):
    rows = query_rows(read_query("hedged"), store=store)
    assert [(r["subject"], r["predicate"], r["object"], r["modality"]) for r in rows] == [
        ("NATO", "will send", "air defence", "future"),
        ("Russia", "may also request", "strike", "possible"),
        ("Russia", "to withdraw", "Kherson", "requested"),
    ]
    assert all(r["sentence"] for r in rows)


def test_by_source(store):
    rows = query_rows(read_query("by_source"), store=store)
    assert [(r["speaker"], r["statements"], r["claims"]) for r in rows] == [
        ("Dmitry Peskov", 1, "Russia did not attack Poland"),
        ("United Nations", 1, "Russia to withdraw Kherson"),
        ("Yevgeny Prigozhin", 1, "Moscow may also request Russian strikes"),
    ]


def test_entity_timeline_is_ordered_by_document_date(store):
    rows = query_rows(bind_parameters(read_query("entity_timeline")), store=store)  # Russia, by default
    assert [(r["date"], r["predicate"], r["modality"]) for r in rows] == [
        ("2024-03-01", "struck", None),
        ("2024-03-01", "did not attack", None),
        ("2024-03-01", "may also request", "possible"),
        ("2024-03-05T10:00:00Z", "to withdraw", "requested"),
    ]
    assert [r["negated"] for r in rows] == [False, True, False, False]


def test_between_two_actors_in_a_window(store):
    rows = query_rows(bind_parameters(read_query("between"), {"a": "Russia", "b": "Kharkiv"}), store=store)
    assert [(r["date"], r["subject"], r["predicate"], r["object"]) for r in rows] == [
        ("2024-03-01", "Russia", "struck", "Kharkiv")]
    assert query_rows(bind_parameters(read_query("between"), {"a": "Russia", "b": "Kharkiv", "from": "2024-03-02"}),
                      store=store) == []
    assert query_rows(bind_parameters(read_query("between"), {"a": "Kharkiv", "b": "Russia", "to": "2024-03-01"}),
                      store=store) == rows  # either way round, the window's ends included


@pytest.mark.parametrize("a, b", [("russia", "KHARKIV"), ("Kharkiv", "russia"), (" Russia ", "kharkiv")])
def test_between_takes_names_in_any_case(store, a, b):
    exact = query_rows(bind_parameters(read_query("between"), {"a": "Russia", "b": "Kharkiv"}), store=store)
    assert exact and query_rows(bind_parameters(read_query("between"), {"a": a, "b": b}), store=store) == exact


def test_between_a_part_of_a_word_finds_nothing(store):
    # whole words only: "Russ" is no name of Russia (and "US" must not find Russia or Belarus)
    assert query_rows(bind_parameters(read_query("between"), {"a": "Russ", "b": "Kharkiv"}), store=store) == []


def test_entity_timeline_for_another_entity_shows_its_roles(store):
    sparql = bind_parameters(read_query("entity_timeline"), {"entity": "Ukraine"})
    rows = query_rows(sparql, store=store)
    assert [(r["role"], r["predicate"]) for r in rows] == [
        ("subject", "rejected"), ("subject", "thanked"), ("object", "backs")]


@pytest.mark.parametrize("name", ["attacks", "refusals", "hedged", "by_source", "entity_timeline", "all_facts", "gated",
                                  "between"])
def test_shipped_queries_run_on_a_plain_store_with_their_own_prefixes(name):
    # Each .rq declares its prefixes, so it also runs outside `kg query` (no defaults, and
    # its parameters unbound: between lists every pair, entity_timeline every entity).
    plain = pyoxigraph.Store()
    gated = dict(sample_statements()[0], id="gated-1", gated="low-confidence")
    plain.extend(kg.store.with_union_graph(quads(DOCUMENTS, [*sample_statements(), gated])))
    assert list(plain.query(read_query(name)))


# --- serving --------------------------------------------------------------------------


def test_serve_command_runs_oxigraph_read_only_on_the_store(store):
    argv = kg.store.serve_command(store, bind="127.0.0.1:7999")
    assert Path(argv[0]).name == "oxigraph" and Path(argv[0]).is_file()
    assert argv[1:] == ["serve-read-only", "--location", str(store), "--bind", "127.0.0.1:7999"]


@pytest.mark.parametrize("bind", ["127.0.0.1:7878", "localhost:1", "[::1]:7878", "0.0.0.0:80"])
def test_serve_command_accepts_host_and_port(store, bind):
    assert kg.store.serve_command(store, bind=bind)[-1] == bind


def test_serve_command_needs_a_store(tmp_path):
    with pytest.raises(StoreError, match="no store at .*: run `kg build` first"):
        kg.store.serve_command(tmp_path / "store")


def test_missing_oxigraph_server_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(kg.store.sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(StoreError, match=r"pip install 'oxigraph"):
        kg.store.oxigraph_server()


# --- StoreWriter: filled block by block, patched from an earlier store ---


def _blocks(statements, documents=()):
    from kg.rdf import encode, nquads_blocks

    return [(doc, encode(text)) for doc, text in nquads_blocks(documents, statements)]


def _contents(path):
    return {str(quad) for quad in open_store(path)}


def test_store_writer_equals_build_store_with_small_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.store.StoreWriter, "CHUNK", 200)  # many bulk loads, each a few documents
    writer = kg.store.StoreWriter(tmp_path / "written")
    for _, data in _blocks(sample_statements(), sample_documents()):
        writer.add(data)
    writer.close()
    build_store(tmp_path / "reference", sample_quads())
    assert _contents(tmp_path / "written") == _contents(tmp_path / "reference")


def test_store_writer_removes_a_graph_and_only_its_own_union_triples(tmp_path):
    from kg.ontology import document_iri

    statements = sample_statements()
    docs = list(dict.fromkeys(s["doc"] for s in statements))
    assert len(docs) >= 2
    writer = kg.store.StoreWriter(tmp_path / "all")
    for _, data in _blocks(statements):
        writer.add(data)
    writer.close()
    patched = kg.store.StoreWriter(tmp_path / "patched", base=tmp_path / "all")
    patched.remove_graph(document_iri(docs[0]))
    patched.close(optimize=False)
    build_store(tmp_path / "reference", quads([], [s for s in statements if s["doc"] != docs[0]]))
    assert _contents(tmp_path / "patched") == _contents(tmp_path / "reference")
    assert len(_contents(tmp_path / "all")) > len(_contents(tmp_path / "patched"))  # the base is untouched


def test_store_writer_refuses_an_existing_folder(tmp_path):
    (tmp_path / "store").mkdir()
    with pytest.raises(StoreError, match="exists"):
        kg.store.StoreWriter(tmp_path / "store")
