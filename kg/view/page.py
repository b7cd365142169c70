"""The JSON the page draws: entities, statements grouped into links and bundles, legend, counts."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .graph import _simple, centrality, edge_kind, statement_count
from .layout import spread_layout

# Above this many entities the layout is computed in Python and physics stays off:
# vis-network needs seconds to stabilise a few hundred nodes in a browser (bench/view.py).
PHYSICS_MAX_NODES = 300
# Browser-side stabilisation for small graphs stops after this many iterations (fewer for
# bigger graphs, where each iteration costs more: see stabilization_iterations).
STABILIZATION_ITERATIONS = 600
# The panel lists at most this many statements at once; the count says how many.
EVIDENCE_LIMIT = 200

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
ENTITY_COLOURS: dict[str, str] = {
    "Country": "#0072B2",
    "Organization": "#E69F00",
    "ArmedGroup": "#D55E00",
    "Person": "#009E73",
    "Location": "#56B4E9",
    "Group": "#CC79A7",
    "Concept": "#8C8C8C",
}
OTHER_COLOUR = "#C9B800"

EDGE_STYLES: dict[str, dict[str, Any]] = {
    "asserted": {"color": "#56606B", "dashes": False},
    "negated": {"color": "#D62728", "dashes": [7, 5]},
    "hedged": {"color": "#8A8F96", "dashes": [2, 4]},
}
KINDS = tuple(EDGE_STYLES)


def stabilization_iterations(nodes: int) -> int:
    """Physics iterations in the browser: many for a small graph, at least 150 for any.

    >>> stabilization_iterations(20), stabilization_iterations(100), stabilization_iterations(300)
    (600, 300, 150)
    """
    return max(150, min(STABILIZATION_ITERATIONS, 30_000 // max(nodes, 1)))


def page_data(graph: nx.MultiDiGraph, documents: Iterable[Mapping[str, Any]] = (), *,
              note: str | None = None) -> dict[str, Any]:
    """The JSON the page draws.

    ``statements`` are compact statement records that refer to ``sentences``
    (deduplicated) and ``documents`` by index / id; ``links`` and ``bundles`` group them
    (see the module docstring) and refer to them by index; ``nodes`` are entities.
    """
    documents_by_id = {d["id"]: d for d in documents if d.get("id")}
    simple = _simple(graph)
    scores = centrality(simple)
    nodes = [_vis_node(graph, node, scores[node]) for node in graph.nodes]
    if len(nodes) > PHYSICS_MAX_NODES:
        positions = spread_layout(simple)
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]
    # Made after the layout, and once the simple graph is gone, the statements' dicts
    # are held beside neither.
    del simple, scores
    statements, sentences, links, bundles = _page_statements(graph)

    used_documents = Counter(s["doc"] for s in statements)
    types = Counter(node["group"] for node in nodes)
    events = Counter(s["event"] for s in statements)
    return {
        "nodes": nodes,
        "links": links,
        "bundles": bundles,
        "statements": statements,
        "sentences": sentences,
        "documents": {
            str(doc): {
                "title": documents_by_id.get(doc, {}).get("title"),
                "source": documents_by_id.get(doc, {}).get("source"),
                "date": documents_by_id.get(doc, {}).get("date"),
                "count": count,
            }
            for doc, count in sorted(used_documents.items(), key=lambda item: str(item[0]))
        },
        "legend": [
            {"type": name, "color": _type_colour(name), "border": _darker(_type_colour(name)), "count": types[name]}
            for name in [*ENTITY_COLOURS, *sorted(set(types) - set(ENTITY_COLOURS))]
            if types[name]
        ],
        "events": [{"name": name, "count": count}
                   for name, count in sorted(events.items(), key=lambda item: (item[0] is None, -item[1], str(item[0])))],
        "kinds": {kind: {"count": sum(1 for s in statements if edge_kind(s["negated"], s["modality"]) == kind),
                         **EDGE_STYLES[kind]} for kind in KINDS},
        "note": note,
        "physics": len(nodes) <= PHYSICS_MAX_NODES,
        "stabilizationIterations": stabilization_iterations(len(nodes)),
        "evidenceLimit": EVIDENCE_LIMIT,
    }


def _page_statements(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[str], list[dict[str, Any]],
                                                      list[dict[str, Any]]]:
    """The ``statements``, ``sentences``, ``links`` and ``bundles`` of :func:`page_data`.

    A subject, object or source named alike in many statements is one dict in all of
    them: the page holds tens of thousands of statements about a few thousand entities.
    """
    statements: list[dict[str, Any]] = []
    sentences: list[str] = []
    sentence_index: dict[tuple, int] = {}
    arguments: dict[tuple, dict[str, Any]] = {}
    link_members: dict[tuple, list[int]] = defaultdict(list)

    for source, target, data in graph.edges(data=True):
        record = data["record"]
        sentence_key = (record.get("doc"), record.get("start"), record.get("end"), record.get("sentence"))
        if sentence_key not in sentence_index:
            sentence_index[sentence_key] = len(sentences)
            sentences.append(record.get("sentence") or "")
        statements.append(_compact_statement(record, sentence_index[sentence_key], arguments))
        kind = edge_kind(data["negated"], data["modality"])
        link_members[(source, target, kind, data["lemma"], data["modality"])].append(len(statements) - 1)

    links: list[dict[str, Any]] = []
    bundle_links: dict[tuple, list[int]] = defaultdict(list)
    for (source, target, kind, _, _), members in link_members.items():
        bundle_links[(source, target, kind)].append(len(links))
        links.append({"from": source, "to": target, "kind": kind, "statements": members})
    bundles = [{"from": source, "to": target, "kind": kind, "links": members}
               for (source, target, kind), members in bundle_links.items()]
    return statements, sentences, links, bundles


def _compact_statement(record: Mapping[str, Any], sentence: int,
                       arguments: dict[tuple, dict[str, Any]]) -> dict[str, Any]:
    """The page's form of ``record``; ``arguments`` holds the argument dicts made so far, to reuse."""
    def argument(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if not value:
            return None
        text, node = value.get("text"), value.get("id")
        label = value.get("label") or node or text
        # With the types: 1 == True, but not in JSON.
        key = (text, node, label, type(text), type(node), type(label))
        if key not in arguments:
            arguments[key] = {"text": text, "id": node, "label": label}
        return arguments[key]

    predicate = record.get("predicate") or {}
    confidence = record.get("confidence")
    return {
        "id": record.get("id"),
        "doc": record.get("doc"),
        "start": record.get("start"),
        "end": record.get("end"),
        "sentence": sentence,
        "subject": argument(record.get("subject")),
        "predicate": predicate.get("text") or predicate.get("lemma") or "",
        "event": predicate.get("event"),
        "object": argument(record.get("object")),
        "negated": bool(record.get("negated")),
        "modality": record.get("modality"),
        "attributedTo": argument(record.get("attributed_to")),
        "confidence": confidence if isinstance(confidence, (int, float)) and math.isfinite(confidence) else None,
    }


def _type_colour(entity_type: str) -> str:
    return ENTITY_COLOURS.get(entity_type, OTHER_COLOUR)


def _darker(colour: str, factor: float = 0.7) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(channel * factor):02x}" for channel in (red, green, blue))


def _vis_node(graph: nx.MultiDiGraph, node: str, score: float) -> dict[str, Any]:
    attributes = graph.nodes[node]
    statements = statement_count(graph, node)
    neighbours = len((set(graph.predecessors(node)) | set(graph.successors(node))) - {node})
    aliases = sorted(attributes["aliases"], key=lambda alias: (alias.casefold(), alias))
    lines = [attributes["label"], f"type: {attributes['type']}"]
    if attributes.get("code"):
        lines.append(f"actor code: {attributes['code']}")
    if aliases:
        shown = ", ".join(aliases[:12]) + (f", … (+{len(aliases) - 12})" if len(aliases) > 12 else "")
        lines.append(f"seen as: {shown}")
    lines.append(f"degree: {neighbours} (linked entities), {statements} statement{'s' * (statements != 1)}")
    lines.append(f"degree centrality: {score:.3f}")
    return {
        "id": node,
        "label": attributes["label"],
        "group": attributes["type"],
        "code": attributes.get("code"),
        "aliases": aliases,
        "value": round(score, 5),
        "degree": neighbours,
        "statements": statements,
        "tooltip": "\n".join(lines),
    }
