"""Statements → an interactive, self-contained HTML page (vis-network).

The page works offline: vis-network's script and stylesheet (shipped inside the pyvis
package) are inlined, and the template is ours (``kg/templates/graph.html``) rather than
pyvis's, whose stock page fetches bootstrap from a CDN and switches tooltips to
``innerHTML``.  Article text only reaches the page as script-safe JSON and is put on
screen with ``textContent``.

Parallel statements between the same subject and object, with the same predicate lemma,
polarity and modality, become one edge labelled with a count ("struck ×3"); clicking an
entity or an edge lists the sentences behind it.

Graphs above :data:`PHYSICS_MAX_NODES` entities get positions computed here and no
physics in the browser, so the page is usable at once; smaller ones stabilise in the
browser for a bounded number of iterations.
"""
from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from .errors import InputError, KGError, StoreError

__all__ = ["graph_from_statements", "write_html"]

log = logging.getLogger(__name__)

# Above this many entities the layout is computed in Python and physics stays off:
# vis-network needs tens of seconds to stabilise a few hundred nodes in a browser.
PHYSICS_MAX_NODES = 300
# Browser-side stabilisation for small graphs stops after this many iterations.
STABILIZATION_ITERATIONS = 200
# The panel lists at most this many statements for one entity; the count says how many.
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
    "hedged": {"color": "#A3A3A3", "dashes": [2, 4]},
}

VIS_ASSETS = "templates/lib/vis-9.1.2"


# ---------------------------------------------------------------------------------------
# The graph


def graph_from_statements(statements: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """One node per entity id, one edge per statement (keyed by statement id).

    Nodes carry ``label``, ``type``, ``code`` and ``aliases`` (the set of texts seen for
    the entity); edges carry the statement's ``predicate`` text, ``negated``,
    ``modality`` and the whole ``record``.  A statement seen twice (same id) is one edge.

    >>> g = graph_from_statements([{
    ...     "id": "s1", "doc": "d", "sentence": "Moscow struck Kharkiv.", "start": 0, "end": 22,
    ...     "subject": {"text": "Moscow", "id": "Russia", "label": "Russia", "type": "Country"},
    ...     "predicate": {"text": "struck", "lemma": "strike", "event": "ATTACK"},
    ...     "object": {"text": "Kharkiv", "id": "Kharkiv", "label": "Kharkiv", "type": "Location"},
    ...     "negated": False, "modality": None, "attributed_to": None, "confidence": 0.9}])
    >>> sorted(g.nodes["Russia"]["aliases"]), g.number_of_edges()
    (['Moscow'], 1)
    """
    graph = nx.MultiDiGraph()
    for number, record in enumerate(statements, 1):
        try:
            subject, obj = record["subject"], record["object"]
            source, target = subject["id"], obj["id"]
        except (KeyError, TypeError) as error:
            raise InputError(f"statement {number} has no subject or object id: {error}") from error
        for argument in (subject, obj):
            _add_entity(graph, argument)
        predicate = record.get("predicate") or {}
        graph.add_edge(
            source,
            target,
            key=record.get("id") or f"statement-{number}",
            predicate=predicate.get("text") or predicate.get("lemma") or "",
            negated=bool(record.get("negated")),
            modality=record.get("modality"),
            record=record,
        )
    return graph


def _add_entity(graph: nx.MultiDiGraph, argument: Mapping[str, Any]) -> None:
    node = argument["id"]
    if node not in graph:
        graph.add_node(
            node,
            label=argument.get("label") or node,
            type=argument.get("type") or "Other",
            code=argument.get("code"),
            aliases=set(),
        )
    attributes = graph.nodes[node]
    if not attributes.get("code") and argument.get("code"):
        attributes["code"] = argument["code"]
    if argument.get("text"):
        attributes["aliases"].add(argument["text"])


# ---------------------------------------------------------------------------------------
# The page data


def _edge_kind(negated: bool, modality: str | None) -> str:
    if negated:
        return "negated"
    return "hedged" if modality else "asserted"


def page_data(graph: nx.MultiDiGraph, documents: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The JSON the page draws: ``nodes``/``edges`` in vis-network's shape plus evidence.

    ``statements`` is a list of compact statement records; edges refer to them by index,
    and statements refer to ``sentences`` (deduplicated) and ``documents`` by index / id.
    """
    documents_by_id = {d["id"]: d for d in documents if d.get("id")}
    statements: list[dict[str, Any]] = []
    sentences: list[str] = []
    sentence_index: dict[tuple, int] = {}
    groups: dict[tuple, list[int]] = defaultdict(list)

    for source, target, data in graph.edges(data=True):
        record = data["record"]
        sentence_key = (record.get("doc"), record.get("start"), record.get("end"), record.get("sentence"))
        if sentence_key not in sentence_index:
            sentence_index[sentence_key] = len(sentences)
            sentences.append(record.get("sentence") or "")
        predicate = record.get("predicate") or {}
        statements.append(_compact_statement(record, sentence_index[sentence_key]))
        lemma = (predicate.get("lemma") or data["predicate"]).casefold()
        groups[(source, target, lemma, data["negated"], data["modality"])].append(len(statements) - 1)

    edges = [
        _vis_edge(f"e{number}", source, target, negated, modality, members, statements)
        for number, ((source, target, _, negated, modality), members) in enumerate(groups.items())
    ]
    _separate_parallel_edges(edges)

    nodes = [_vis_node(graph, node) for node in graph.nodes]
    if len(nodes) > PHYSICS_MAX_NODES:
        positions = spread_layout(graph)
        for node in nodes:
            node["x"], node["y"] = positions[node["id"]]

    used_documents = {s["doc"] for s in statements}
    types = Counter(node["group"] for node in nodes)
    return {
        "nodes": nodes,
        "edges": edges,
        "statements": statements,
        "sentences": sentences,
        "documents": {
            doc: {key: documents_by_id[doc].get(key) for key in ("title", "source", "date")}
            for doc in sorted(used_documents, key=str)
            if doc in documents_by_id
        },
        "legend": [
            {"type": name, "color": _type_colour(name), "border": _darker(_type_colour(name)),
             "count": types[name]}
            for name in [*ENTITY_COLOURS, *sorted(set(types) - set(ENTITY_COLOURS))]
            if types[name]
        ],
        "physics": len(nodes) <= PHYSICS_MAX_NODES,
        "stabilizationIterations": STABILIZATION_ITERATIONS,
        "evidenceLimit": EVIDENCE_LIMIT,
    }


def _compact_statement(record: Mapping[str, Any], sentence: int) -> dict[str, Any]:
    def argument(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if not value:
            return None
        return {
            "text": value.get("text"),
            "id": value.get("id"),
            "label": value.get("label") or value.get("id") or value.get("text"),
            "type": value.get("type"),
        }

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


def _vis_node(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    attributes = graph.nodes[node]
    degree = graph.degree(node)
    neighbours = len(set(graph.predecessors(node)) | set(graph.successors(node)))
    aliases = sorted(attributes["aliases"], key=str.casefold)
    lines = [attributes["label"], f"type: {attributes['type']}"]
    if attributes.get("code"):
        lines.append(f"code: {attributes['code']}")
    if aliases:
        shown = ", ".join(aliases[:12]) + (f", … (+{len(aliases) - 12})" if len(aliases) > 12 else "")
        lines.append(f"seen as: {shown}")
    lines.append(f"degree: {degree} statement{'s' * (degree != 1)}, "
                 f"{neighbours} neighbour{'s' * (neighbours != 1)}")
    return {
        "id": node,
        "label": attributes["label"],
        "group": attributes["type"],
        "code": attributes.get("code"),
        "aliases": aliases,
        "value": degree,
        "tooltip": "\n".join(lines),
    }


def _vis_edge(
    edge_id: str,
    source: str,
    target: str,
    negated: bool,
    modality: str | None,
    members: list[int],
    statements: list[dict[str, Any]],
) -> dict[str, Any]:
    kind = _edge_kind(negated, modality)
    count = len(members)
    text = Counter(statements[i]["predicate"] for i in members).most_common(1)[0][0]
    attributed = sum(1 for i in members if statements[i]["attributedTo"])
    lines = [f"{statements[members[0]]['subject']['label']} → {statements[members[0]]['object']['label']}",
             f"{text}: {count} statement{'s' * (count != 1)}"]
    if negated:
        lines.append("negated")
    if modality:
        lines.append(f"modality: {modality}")
    if attributed:
        lines.append(f"attributed to a source: {attributed} of {count}")
    arrows: dict[str, Any] = {"to": {"enabled": True, "scaleFactor": 0.6}}
    if attributed:
        arrows["from"] = {"enabled": True, "type": "circle", "scaleFactor": 0.45}
    style = EDGE_STYLES[kind]
    return {
        "id": edge_id,
        "from": source,
        "to": target,
        "label": text if count == 1 else f"{text} ×{count}",
        "kind": kind,
        "modality": modality,
        "count": count,
        "attributed": attributed,
        "statements": members,
        "color": {"color": style["color"], "highlight": style["color"], "hover": style["color"]},
        "dashes": style["dashes"],
        "arrows": arrows,
        "width": round(1 + min(math.log2(count), 4), 2),
        "tooltip": "\n".join(lines),
    }


def _separate_parallel_edges(edges: list[dict[str, Any]]) -> None:
    """Curve edges that share a pair of nodes so they do not draw over one another.

    ``curvedCW`` bends relative to the edge's direction, so sides are chosen for the
    pair's canonical direction and swapped for edges that run the other way; edges
    alternate sides with growing roundness.
    """
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        by_pair[tuple(sorted((edge["from"], edge["to"]), key=str))].append(edge)
    for (first, _), group in by_pair.items():
        if len(group) < 2 or group[0]["from"] == group[0]["to"]:
            continue
        for number, edge in enumerate(group):
            clockwise = (number % 2 == 0) == (edge["from"] == first)
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.25 + 0.2 * (number // 2), 2),
            }


# ---------------------------------------------------------------------------------------
# Layout for big graphs


def spread_layout(graph: nx.Graph, *, seed: int = 7, edge_length: float = 110.0) -> dict[str, tuple[int, int]]:
    """Pixel positions: a force layout per connected component, components packed in rows.

    networkx's ``spring_layout`` needs scipy above 500 nodes and is quadratic in memory
    without it; this is the same Fruchterman–Reingold model in numpy, with repulsion
    computed in blocks and, for very big components, against a random sample of nodes.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    components = sorted(
        (sorted(component, key=str) for component in nx.connected_components(simple)),
        key=lambda nodes: (-len(nodes), str(nodes[0])),
    )
    placed: list[tuple[list[str], Any]] = []
    for nodes in components:
        coordinates = _component_layout(simple, nodes, rng)
        coordinates -= coordinates.min(axis=0)
        placed.append((nodes, coordinates * edge_length))
    return _pack_rows(placed, margin=edge_length)


def _component_layout(graph: nx.Graph, nodes: list[str], rng: Any) -> Any:
    """Unit-length Fruchterman–Reingold positions for one connected component."""
    import numpy as np

    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[a], index[b]) for a, b in graph.subgraph(nodes).edges()], dtype=np.int64)
    source, target = pairs[:, 0], pairs[:, 1]
    iterations = 50 if n > 30 else 30
    side = math.sqrt(n)
    positions = rng.uniform(0.0, side, (n, 2))
    for step in range(iterations):
        temperature = side / 10 * (1 - step / iterations) + 0.05
        displacement = _repulsion(positions, rng)
        delta = positions[source] - positions[target]
        pull = delta * np.sqrt((delta * delta).sum(axis=1))[:, None]  # attraction d²/k with k = 1
        for axis in (0, 1):
            displacement[:, axis] += np.bincount(target, weights=pull[:, axis], minlength=n)
            displacement[:, axis] -= np.bincount(source, weights=pull[:, axis], minlength=n)
        length = np.sqrt((displacement * displacement).sum(axis=1)) + 1e-9
        positions += displacement * (np.minimum(length, temperature) / length)[:, None]
    # FR's equilibrium edge length grows with the graph; bring the median edge back to 1.
    delta = positions[source] - positions[target]
    median = float(np.median(np.sqrt((delta * delta).sum(axis=1))))
    return positions / max(median, 1e-6)


def _repulsion(positions: Any, rng: Any, *, exact_max: int = 3000, sample: int = 1500) -> Any:
    """Sum over j of (x_i − x_j)/|x_i − x_j|² (k = 1), by matrix products in row blocks."""
    import numpy as np

    n = len(positions)
    if n > exact_max:
        others, scale = positions[rng.choice(n, sample, replace=False)], n / sample
    else:
        others, scale = positions, 1.0
    squared_others = (others * others).sum(axis=1)
    result = np.empty_like(positions)
    block = max(1, 2_000_000 // len(others))
    for start in range(0, n, block):
        rows = positions[start:start + block]
        distance2 = (rows * rows).sum(axis=1)[:, None] + squared_others[None, :] - 2.0 * (rows @ others.T)
        weights = np.reciprocal(np.maximum(distance2, 1e-3, out=distance2), out=distance2)
        result[start:start + block] = (rows * weights.sum(axis=1)[:, None] - weights @ others) * scale
    return result


def _pack_rows(placed: list[tuple[list[str], Any]], *, margin: float) -> dict[str, tuple[int, int]]:
    """Shelf packing, biggest component first, into a roughly square area."""
    area = sum((c[:, 0].max() + margin) * (c[:, 1].max() + margin) for _, c in placed)
    width = max(math.sqrt(area) * 1.1, max(c[:, 0].max() for _, c in placed) + margin)
    positions: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for nodes, coordinates in placed:
        w, h = coordinates[:, 0].max() + margin, coordinates[:, 1].max() + margin
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (cx, cy) in zip(nodes, coordinates):
            positions[node] = (round(x + cx), round(y + cy))
        x += w
        row_height = max(row_height, h)
    return positions


# ---------------------------------------------------------------------------------------
# The HTML


def script_safe_json(value: Any) -> str:
    """JSON that can sit inside ``<script>``: no ``<``, ``>``, ``&`` or line separators.

    >>> script_safe_json({"t": "</script>&\\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped in the installed pyvis package."""
    folder = resources.files("pyvis").joinpath(VIS_ASSETS)
    try:
        script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    except OSError as error:
        raise KGError(f"vis-network is missing from the pyvis package ({error}); reinstall pyvis==0.3.2") from error
    # Inlined code must not close its own element early.
    if "</script" in script.lower() or "<!--" in script:
        script = script.replace("</", "<\\/").replace("<!--", "<\\!--")
    if "</style" in style.lower():
        raise KGError("vis-network.css contains '</style'; refusing to inline it")
    return script, style


_environment = Environment(loader=PackageLoader("kg", "templates"), autoescape=True)


def render_html(graph: nx.MultiDiGraph, *, documents: Iterable[Mapping[str, Any]] = (),
                title: str = "Knowledge graph") -> str:
    """The whole page as a string (see :func:`write_html`)."""
    data = page_data(graph, documents)
    script, style = _vis_assets()
    return _environment.get_template("graph.html").render(
        title=title,
        data_json=Markup(script_safe_json(data)),
        vis_script=Markup(script),
        vis_style=Markup(style),
        legend=data["legend"],
        edge_styles=EDGE_STYLES,
        counts={
            "entities": len(data["nodes"]),
            "edges": len(data["edges"]),
            "statements": len(data["statements"]),
            "documents": len({s["doc"] for s in data["statements"]}),
        },
    )


def write_html(
    statements: Iterable[Mapping[str, Any]],
    path: str | Path,
    *,
    documents: Iterable[Mapping[str, Any]] = (),
    title: str = "Knowledge graph",
) -> Path:
    """Write the interactive graph page for ``statements`` to ``path``; return the path.

    The page is complete before anything is written, and it replaces ``path`` in one
    step, so a failure leaves any previous page intact.
    """
    path = Path(path)
    graph = graph_from_statements(statements)
    page = render_html(graph, documents=documents, title=title)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise StoreError(f"cannot write {path}: {error}") from error
    try:
        with handle:
            handle.write(page)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)  # mkstemp's 0600 would make the page private
        os.replace(handle.name, path)
    except BaseException as error:
        Path(handle.name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StoreError(f"cannot write {path}: {error}") from error
        raise
    log.info("wrote %s: %d entities, %d statements", path, graph.number_of_nodes(), graph.number_of_edges())
    return path
