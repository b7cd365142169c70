"""The JSON the page draws: entities, statements grouped into links and bundles, legend, counts."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from .graph import _simple, centrality, edge_kind, statement_count
from .layout import communities, region_layout, spread_layout

# Above this many entities the layout is computed in Python and physics stays off:
# vis-network needs seconds to stabilise a few hundred nodes in a browser (bench/view.py),
# and the actors-first page (ACTORS_FIRST_MIN) lays communities out as regions.
PHYSICS_MAX_NODES = 60
# Browser-side stabilisation for small graphs stops after this many iterations (fewer for
# bigger graphs, where each iteration costs more: see stabilization_iterations).
STABILIZATION_ITERATIONS = 600
# The panel lists at most this many statements at once; the count says how many.
EVIDENCE_LIMIT = 200
# Pages with more entities than this put actors first: concepts (type Concept) are shown
# only as the objects of the selected entity (or when asked for), actors linked to at most
# one other actor wait off the main canvas, and communities are laid out as regions.
ACTORS_FIRST_MIN = 60
# The most central actors, whose names are always written (and the starting view fits).
TOP_ACTORS = 20
# Community colours (Okabe–Ito and Tol's muted): regions told apart, not types.
COMMUNITY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#882255",
                     "#117733", "#999933", "#AA4499", "#44AA99", "#332288")

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
    arrangement = arrange(simple, nodes, scores, physics=len(nodes) <= PHYSICS_MAX_NODES)
    # Made after the layout, and once the simple graph is gone, the statements' dicts
    # are held beside neither.
    del simple, scores
    statements, sentences, links, bundles, alone = _page_statements(graph)
    for node in nodes:
        _mark_events_alone(node, alone.get(node["id"], ()), statements)

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
        # articles read (None when the documents were not given) and those with statements,
        # shown on the page or not: an article can be read and give none
        "articles": {"read": graph.graph.get("read"), "withStatements": graph.graph.get("documents", len(used_documents))},
        **arrangement,
        "physics": len(nodes) <= PHYSICS_MAX_NODES,
        "stabilizationIterations": stabilization_iterations(len(nodes)),
        "evidenceLimit": EVIDENCE_LIMIT,
    }


def arrange(simple: nx.Graph, nodes: list[dict[str, Any]], scores: Mapping[Any, float], *,
            physics: bool) -> dict[str, Any]:
    """Where each entity goes and how the page starts; sets keys of ``nodes`` in place.

    Every node gets ``actor`` (not a Concept), ``rank`` (0 for the most central actor;
    None for concepts), ``community`` (its group among the main actors, None off the main
    canvas) and ``place``: ``main``, ``concept`` (shown with its actor) or ``isolated``
    (an actor linked to at most one other actor, off the main canvas).  Positions are
    computed unless ``physics``.  Returns the page data's ``actorsFirst``, ``top`` (the
    ids of the :data:`TOP_ACTORS` most central actors) and ``communities``.
    """
    actors_first = len(nodes) > ACTORS_FIRST_MIN
    by_id = {node["id"]: node for node in nodes}
    actors = [node["id"] for node in nodes if node["group"] != "Concept"]
    ranked = sorted(actors, key=lambda node: (-scores[node], -by_id[node]["statements"], str(node)))
    for node in nodes:
        node["actor"], node["rank"], node["community"], node["place"] = node["group"] != "Concept", None, None, "main"
    for rank, node in enumerate(ranked):
        by_id[node]["rank"] = rank
    actor_graph = simple.subgraph(actors)
    main = [node for component in nx.connected_components(actor_graph) if len(component) > 2 for node in component]
    if actors_first and len(main) >= 10:
        isolated = sorted(set(actors) - set(main), key=str)
    else:
        main, isolated = actors, []
    groups = communities(actor_graph.subgraph(main)) if main else []
    for number, group in enumerate(groups):
        for node in group:
            by_id[node]["community"] = number
    for node in isolated:
        by_id[node]["place"] = "isolated"
    concepts = [node["id"] for node in nodes if not node["actor"]]
    if actors_first:
        for node in concepts:
            by_id[node]["place"] = "concept"
    if not physics:
        positions = region_layout(simple, groups) if actors_first else spread_layout(simple.subgraph(main or actors))
        if isolated:  # a strip below the main canvas, shown on demand
            below = max((y for _, y in positions.values()), default=0) + 600
            for node, (x, y) in spread_layout(simple.subgraph(isolated)).items():
                positions[node] = (x, y + below)
        positions.update(_concept_positions(simple, concepts, positions, by_id))
        if actors_first:
            _room_for_names(positions, ranked[:TOP_ACTORS], by_id)
        for node in nodes:
            node["x"], node["y"] = positions.get(node["id"], (0, 0))
    return {
        "actorsFirst": actors_first,
        "top": ranked[:TOP_ACTORS],
        "communities": [
            {"id": number, "size": len(group), "color": COMMUNITY_COLOURS[number % len(COMMUNITY_COLOURS)],
             "names": [by_id[node]["label"] for node in sorted(group, key=lambda node: by_id[node]["rank"])[:3]]}
            for number, group in enumerate(groups)
        ],
    }


# The page starts fitted on the top actors, in about this many pixels (the canvas beside
# the panel, less a margin), and writes their names 13 px high, about 7.5 px a character.
_START_VIEW = (850.0, 650.0)
_NAME_PX = (7.6, 22.0)
# vis-network draws a dot's radius from its value between these (canvas units), see the page.
_DOT_SIZES = (8.0, 60.0)


def _room_for_names(positions: dict[Any, tuple[int, int]], top: list[Any], by_id: Mapping[Any, dict[str, Any]],
                    *, rounds: int = 60) -> None:
    """Move the most central actors apart until their names, written under their dots in
    the starting view, do not overlap: hubs of one community can sit closer than a name
    is long.  Each round measures the starting view's scale again (it fits the top
    actors) and moves the less central of each clashing pair the shorter way out."""
    if len(top) < 2:
        return
    values = [node["value"] for node in by_id.values()]
    low, high = min(values), max(values)

    def radius(node: Any) -> float:
        share = (by_id[node]["value"] - low) / (high - low) if high > low else 0.5
        return _DOT_SIZES[0] + share * (_DOT_SIZES[1] - _DOT_SIZES[0])

    for _ in range(rounds):
        xs = [positions[node][0] for node in top]
        ys = [positions[node][1] for node in top]
        scale = min(_START_VIEW[0] / max(max(xs) - min(xs), 1.0), _START_VIEW[1] / max(max(ys) - min(ys), 1.0)) * 0.85
        boxes = {}
        for node in top:
            x, y = positions[node]
            w, h = (len(by_id[node]["label"]) * _NAME_PX[0] + 8) / scale, _NAME_PX[1] / scale
            top_edge = y + radius(node)
            boxes[node] = (x - w / 2, top_edge, x + w / 2, top_edge + h)
        moved = False
        for n, one in enumerate(top):
            for other in top[n + 1:]:
                a, b = boxes[one], boxes[other]
                if not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]):
                    continue
                x, y = positions[other]
                right, left = a[2] - b[0], b[2] - a[0]
                down, up = a[3] - b[1], b[3] - a[1]
                shift = min((right, (1, 0)), (left, (-1, 0)), (down, (0, 1)), (up, (0, -1)))
                step = shift[0] + 2 / scale
                positions[other] = (round(x + shift[1][0] * step), round(y + shift[1][1] * step))
                moved = True
        if not moved:
            return


def _concept_positions(simple: nx.Graph, concepts: list[Any], positions: Mapping[Any, tuple[int, int]],
                       by_id: Mapping[Any, dict[str, Any]]) -> dict[Any, tuple[int, int]]:
    """Each concept on a ring around the most central actor it is linked to (where it
    appears when that actor is selected); unlinked ones at the origin."""
    placed: dict[Any, tuple[int, int]] = {}
    around: Counter = Counter()
    for concept in concepts:
        anchors = [other for other in simple[concept] if other in positions]
        if not anchors:
            continue
        anchor = min(anchors, key=lambda other: (by_id[other]["rank"] if by_id[other]["rank"] is not None else 1 << 30, str(other)))
        k = around[anchor]
        around[anchor] += 1
        angle, radius = k * 2.399963, 90 + 14 * math.sqrt(k)
        x, y = positions[anchor]
        placed[concept] = (round(x + radius * math.cos(angle)), round(y + radius * math.sin(angle)))
    return placed


def _page_statements(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[str], list[dict[str, Any]],
                                                      list[dict[str, Any]], dict[Any, list[int]]]:
    """The ``statements``, ``sentences``, ``links`` and ``bundles`` of :func:`page_data`,
    and the statements without an object by entity.

    An event without an object ("protesters rallied") is no link: the graph holds it as a
    loop on its subject, the page as a property of the entity (see :func:`_mark_events_alone`).
    A subject, object or source named alike in many statements is one dict in all of
    them: the page holds tens of thousands of statements about a few thousand entities.
    """
    alone: dict[Any, list[int]] = defaultdict(list)
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
        if record.get("object") is None:
            alone[source].append(len(statements) - 1)
            continue
        kind = edge_kind(data["negated"], data["modality"])
        link_members[(source, target, kind, data["lemma"], data["modality"])].append(len(statements) - 1)

    links: list[dict[str, Any]] = []
    bundle_links: dict[tuple, list[int]] = defaultdict(list)
    for (source, target, kind, _, _), members in link_members.items():
        bundle_links[(source, target, kind)].append(len(links))
        links.append({"from": source, "to": target, "kind": kind, "statements": members})
    bundles = [{"from": source, "to": target, "kind": kind, "links": members}
               for (source, target, kind), members in bundle_links.items()]
    return statements, sentences, links, bundles, dict(alone)


def _mark_events_alone(node: dict[str, Any], members: Iterable[int], statements: list[dict[str, Any]]) -> None:
    """``node["alone"]``: its statements without an object (an intransitive event:
    "protesters rallied", "the minister resigned"), listed with the entity and named in its
    tooltip; the page draws such an entity with a dashed ring, never with a loop."""
    node["alone"] = list(members)
    if not node["alone"]:
        return
    predicates = Counter(statements[i]["predicate"] for i in node["alone"])
    shown = ", ".join(f"{text} ×{count}" if count > 1 else text for text, count in predicates.most_common(5))
    more = len(predicates) - 5
    node["tooltip"] += (f"\n{len(node['alone'])} without an object: {shown}"
                        + (f", … (+{more})" if more > 0 else ""))


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
        "date": record.get("date") if isinstance(record.get("date"), str) else None,
        "dateSource": record.get("date_source"),
        **({"fromTitle": True} if record.get("from_title") is True else {}),  # read from the headline
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
