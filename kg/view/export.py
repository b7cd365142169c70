"""Files for other tools: GraphML, GEXF and node-link JSON with networkx's writers."""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ..errors import KGError
from ..files import atomic_output
from .graph import centrality, edge_kind, statement_count
from .selection import Records, used_documents, view_graph

log = logging.getLogger(__name__)

# Formats `kg view --format` writes besides the page, with networkx's writers.
EXPORT_FORMATS = ("graphml", "gexf", "json")


def export_graph(graph: nx.MultiDiGraph, documents: Iterable[Mapping[str, Any]] = (), *,
                 lists: bool = False) -> nx.MultiDiGraph:
    """A copy of ``graph`` with only plain values as attributes, as GraphML and GEXF require.

    Entities keep label, type, actor code, aliases, degree and centrality, and the predicates
    of their events without an object ("workers demonstrated": ``without_object``, never a
    loop); each edge is one statement with its predicate, event type, polarity, modality,
    attribution, document and offsets, and evidence sentence.  ``lists`` keeps aliases as a list
    (for JSON) instead of one ``"; "``-joined string.  Missing values are left out.
    """
    titles = {d["id"]: d.get("title") for d in documents if d.get("id")}
    scores = centrality(graph)
    alone = _without_object(graph)
    plain = nx.MultiDiGraph()
    for node, attributes in graph.nodes(data=True):
        aliases = sorted(attributes["aliases"], key=lambda alias: (alias.casefold(), alias))
        events = alone.get(node, [])
        values = {
            "label": attributes["label"],
            "type": attributes["type"],
            "code": attributes.get("code"),
            "aliases": aliases if lists else "; ".join(aliases),
            "statements": statement_count(graph, node),
            "degree_centrality": round(scores[node], 6),
            "without_object": (events if lists else "; ".join(events)) or None,
        }
        plain.add_node(str(node), **{k: v for k, v in values.items() if v is not None})
    for source, target, key, data in graph.edges(keys=True, data=True):
        record = data["record"]
        if record.get("object") is None:
            continue  # an event without an object is the entity's, not a loop (``without_object``)
        said = record.get("attributed_to") or {}
        confidence = record.get("confidence")
        values = {
            "id": str(key),
            "label": data["predicate"],
            "lemma": data["lemma"],
            "event": data["event"],
            "kind": edge_kind(data["negated"], data["modality"]),
            "negated": data["negated"],
            "modality": data["modality"],
            "attributed_to": said.get("label") or said.get("id") or said.get("text"),
            "doc": record.get("doc"),
            "doc_title": titles.get(record.get("doc")),
            "start": record.get("start"),
            "end": record.get("end"),
            "sentence": record.get("sentence"),
            "confidence": float(confidence) if isinstance(confidence, (int, float)) and math.isfinite(confidence) else None,
        }
        plain.add_edge(str(source), str(target), key=str(key), **{k: v for k, v in values.items() if v is not None})
    return plain


def _without_object(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Each entity's events without an object, their predicates in reading order, once each."""
    alone: dict[str, list[str]] = {}
    for source, _, data in graph.edges(data=True):
        if data["record"].get("object") is None and data["predicate"] not in alone.setdefault(source, []):
            alone[source].append(data["predicate"])
    return alone


def _write_json(graph: nx.MultiDiGraph, handle: IO[bytes]) -> None:
    data = nx.node_link_data(graph, edges="links")
    handle.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    handle.write(b"\n")


_WRITERS: dict[str, Callable[[nx.MultiDiGraph, IO[bytes]], None]] = {
    "graphml": lambda graph, handle: nx.write_graphml(graph, handle),
    "gexf": lambda graph, handle: nx.write_gexf(graph, handle),
    "json": _write_json,
}


def write_export(
    statements: Records,
    path: str | Path,
    format: str,
    *,
    documents: Records = (),
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
) -> Path:
    """Write the graph as GraphML, GEXF or node-link JSON (networkx's writers) to ``path``.

    As :func:`write_html`, but with every entity (unless ``top`` or ``focus`` say
    otherwise) and every statement among them.
    """
    if format not in _WRITERS:
        raise KGError(f"unknown graph format {format!r}; choose from {', '.join(EXPORT_FORMATS)}")
    graph, _ = view_graph(statements, top=top, focus=focus, hops=hops, page=False)
    plain = export_graph(graph, used_documents(documents, graph), lists=format == "json")
    with atomic_output(path) as handle:
        _WRITERS[format](plain, handle)
    log.info("wrote %s: %d entities, %d statements", path, plain.number_of_nodes(), plain.number_of_edges())
    return Path(path)
