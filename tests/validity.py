"""Checks shared by the robustness and property tests: built RDF parses everywhere and
conforms to the SHACL shapes; a build folder is one consistent build."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pyoxigraph
import rdflib

from kg.ontology import ONTOLOGY_PATH, SHAPES_PATH, document_iri
from kg.store import query_rows


@functools.cache
def _shapes_and_ontology() -> tuple[rdflib.Graph, rdflib.Graph]:
    return rdflib.Graph().parse(SHAPES_PATH, format="turtle"), rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")


def assert_valid_rdf(text: str | bytes, fmt: str) -> rdflib.Graph:
    """Parse a serialisation with rdflib and pyoxigraph (same triples), then validate it
    with the SHACL shapes.  Returns the union graph."""
    import pyshacl

    data = text.encode("utf-8") if isinstance(text, str) else text
    rdflib_format, oxigraph_format = {
        "ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
        "nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
        "nq": ("nquads", pyoxigraph.RdfFormat.N_QUADS),
        "trig": ("trig", pyoxigraph.RdfFormat.TRIG),
    }[fmt]
    oxigraph_quads = list(pyoxigraph.parse(data, format=oxigraph_format))
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=rdflib_format)
    union = rdflib.Graph()
    for s, p, o, *_ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert len(union) == len({(q.subject, q.predicate, q.object) for q in oxigraph_quads}) > 0
    shapes, ontology = _shapes_and_ontology()
    conforms, _, report = pyshacl.validate(union + ontology, shacl_graph=shapes, inference="none")
    assert conforms, report
    return union


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_one_build(out: Path) -> set[str]:
    """statements.jsonl, documents.jsonl, the manifest and the store all come from the same
    build.  Returns the document ids."""
    documents = read_jsonl(out / "documents.jsonl")
    statements = read_jsonl(out / "statements.jsonl")
    ids = {d["id"] for d in documents}
    assert len(ids) == len(documents)
    assert {s["doc"] for s in statements} <= ids
    assert sum(d["statements"] for d in documents) == len(statements)
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["extractor"]
    store = out / "store"
    graphs = {row["g"] for row in query_rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } }", store=store)}
    assert graphs == {document_iri(i) for i in ids}
    count = query_rows("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement }", store=store)[0]["n"]
    assert count == len({s["id"] for s in statements})
    return ids
