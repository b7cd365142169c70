"""Statements → a networkx graph → an interactive, self-contained HTML page (vis-network),
or a GraphML / GEXF / JSON file for Gephi and Cytoscape.

The page works offline: vis-network's script and stylesheet (shipped inside the pyvis
package) are inlined, and the template is ours (``kg/templates/graph.html``) rather than
pyvis's, whose stock page fetches bootstrap from a CDN and switches tooltips to
``innerHTML``.  Article text only reaches the page as script-safe JSON and is put on
screen with ``textContent``.

Statements between the same two entities are grouped twice: a *link* holds those with
the same predicate lemma, polarity and modality ("struck ×3"); a *bundle* holds the links
of one direction and one kind (asserted, negated, hedged) and is drawn as one edge
("struck … ×5") until it is expanded.  Clicking an entity or an edge lists the sentences
behind it.

Graphs above :data:`PHYSICS_MAX_NODES` entities get positions computed here and no
physics in the browser, so the page is usable at once; smaller ones stabilise in the
browser for a bounded number of iterations.

Big inputs are read in two passes (:func:`view_graph`): the first keeps a few counts per
entity, enough to choose what to show; the second keeps only the statements among the
chosen entities.  Without ``--top`` the page shows the :data:`PAGE_ENTITIES` most central
entities, and at most :data:`LINK_STATEMENTS` statements per link; its header says so.
The statement records are let go once the page's data is made, and the page is written
a part at a time (:func:`page_parts`), never held whole.
"""
from __future__ import annotations

import difflib
import json
import logging
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import IO, Any

import networkx as nx
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from .errors import InputError, KGError
from .files import atomic_output
from .types import statement_kind

__all__ = [
    "EXPORT_FORMATS",
    "EntitySummary",
    "centrality",
    "choose_entities",
    "ego_subgraph",
    "find_entity",
    "graph_from_statements",
    "select_subgraph",
    "summarise_statements",
    "top_subgraph",
    "used_documents",
    "view_graph",
    "write_export",
    "write_html",
    "write_view",
]

log = logging.getLogger(__name__)

# Above this many entities the layout is computed in Python and physics stays off:
# vis-network needs seconds to stabilise a few hundred nodes in a browser (bench/view.py).
PHYSICS_MAX_NODES = 300
# Browser-side stabilisation for small graphs stops after this many iterations (fewer for
# bigger graphs, where each iteration costs more: see stabilization_iterations).
STABILIZATION_ITERATIONS = 600
# The panel lists at most this many statements at once; the count says how many.
EVIDENCE_LIMIT = 200
# Without --top the page shows at most this many entities, the most central: a 5,000-entity
# page took 2.7 s to become interactive (bench/view.py), and a 40 MB corpus has 40,000.
PAGE_ENTITIES = 2000
# The page keeps at most this many statements per link (see page_data); the note says how
# many others there were.  Exports keep them all.
LINK_STATEMENTS = 20
# And at most about this many statements in all (each carries its sentence): the page of a
# 40 MB corpus would otherwise hold a hundred thousand and weigh 80 MB.  The most central
# entities share most statements, so the budget is kept by taking at most k statements
# per pair of entities (k as large as fits) and, if one per pair is still too many, fewer
# entities, the least central dropped first (see fit_budget).
PAGE_STATEMENTS = 20_000
# The first pass over the statements keeps at most this many texts per entity for --focus.
SUMMARY_ALIASES = 20
# Formats `kg view --format` writes besides the page, with networkx's writers.
EXPORT_FORMATS = ("graphml", "gexf", "json")

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

VIS_ASSETS = "templates/lib/vis-9.1.2"


# ---------------------------------------------------------------------------------------
# The graph


def graph_from_statements(statements: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """One node per entity id, one edge per statement (keyed by statement id).

    Nodes carry ``label``, ``type``, ``code`` and ``aliases`` (the set of texts seen for
    the entity); edges carry the statement's ``predicate`` text, ``lemma``, ``event``,
    ``negated``, ``modality`` and the whole ``record``.  A statement seen twice (same id)
    is one edge.

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
        subject, obj = _arguments(record, number)
        for argument in (subject, obj):
            _add_entity(graph, argument)
        key, attributes = _edge_attributes(record, number)
        graph.add_edge(subject["id"], obj["id"], key=key, **attributes)
    return graph


def _arguments(record: Mapping[str, Any], number: int) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """The subject and object of statement ``number`` (counting from 1), each with an id."""
    try:
        subject, obj = record["subject"], record["object"]
        subject["id"], obj["id"]
    except (KeyError, TypeError) as error:
        raise InputError(f"statement {number} has no subject or object id: {error}") from error
    return subject, obj


def _edge_attributes(record: Mapping[str, Any], number: int) -> tuple[str, dict[str, Any]]:
    """The edge key and attributes of statement ``number`` (see :func:`graph_from_statements`)."""
    predicate = record.get("predicate") or {}
    text = predicate.get("text") or predicate.get("lemma") or ""
    return record.get("id") or f"statement-{number}", {
        "predicate": text,
        "lemma": (predicate.get("lemma") or text).casefold(),
        "event": predicate.get("event"),
        "negated": bool(record.get("negated")),
        "modality": record.get("modality"),
        "record": record,
    }


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


def centrality(graph: nx.Graph) -> dict[str, float]:
    """Degree centrality: the share of the other entities each entity is linked to.

    Counted on the simple undirected graph, so ten statements between the same two
    entities make one link, and direction does not matter.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")])
    >>> centrality(g)
    {'a': 1.0, 'b': 0.5, 'c': 0.5}
    """
    return nx.degree_centrality(_simple(graph))


def _simple(graph: nx.Graph) -> nx.Graph:
    """The undirected graph without parallel edges or self-loops (``graph`` if it is one)."""
    if not graph.is_directed() and not graph.is_multigraph() and nx.number_of_selfloops(graph) == 0:
        return graph
    # Built from the edges in the graph's own order, not from graph.to_undirected(): its
    # view joins successors and predecessors as a set, whose order (and so the layout's
    # sums) would change with the hash seed.  Only the structure is kept.
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((a, b) for a, b in graph.edges() if a != b)
    return simple


# ---------------------------------------------------------------------------------------
# Choosing what to show: the most central entities, or the neighbourhood of one


def find_entity(graph: nx.MultiDiGraph | EntitySummary, query: str) -> str:
    """The node ``query`` names: its id, its label or an alias (any case), or a unique part of one.

    ``graph`` may also be the :class:`EntitySummary` of the statements, which keeps up to
    :data:`SUMMARY_ALIASES` aliases per entity.

    >>> g = graph_from_statements([{"subject": {"id": "Russia", "text": "Moscow"},
    ...                             "object": {"id": "Islamic State", "text": "IS"}}])
    >>> find_entity(g, "moscow"), find_entity(g, "islamic")
    ('Russia', 'Islamic State')
    """
    wanted = query.strip().casefold()
    if not wanted:
        raise InputError("--focus needs an entity name")
    if query in graph:
        return query
    if isinstance(graph, EntitySummary):
        entities = list(zip(graph.ids, graph.labels, graph.aliases))
    else:
        entities = [(node, attributes["label"], attributes["aliases"]) for node, attributes in graph.nodes(data=True)]

    for matches in (
        lambda name: name.casefold() == wanted,
        lambda name: wanted in name.casefold(),
    ):
        found = sorted(((node, label) for node, label, aliases in entities
                        if any(matches(name) for name in (str(node), label, *aliases))), key=lambda item: str(item[0]))
        if len(found) == 1:
            return found[0][0]
        if len(found) > 1:
            shown = ", ".join(label for _, label in found[:8])
            raise InputError(f"{query!r} names {len(found)} entities ({shown}); give one of them exactly")
    labels = {label: node for node, label, _ in entities}
    close = difflib.get_close_matches(query, list(labels), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"no entity named {query!r} in the graph{hint}")


def ego_subgraph(graph: nx.MultiDiGraph, entity: str, hops: int = 1) -> nx.MultiDiGraph:
    """``entity`` and everything within ``hops`` links of it, in either direction.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(ego_subgraph(g, "a", 2))
    ['a', 'b', 'c']
    """
    if hops < 0:
        raise InputError("--hops must be 0 or more")
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), entity, cutoff=hops)
    return graph.subgraph(reach).copy()


def top_subgraph(graph: nx.MultiDiGraph, count: int, scores: Mapping[str, float] | None = None) -> nx.MultiDiGraph:
    """The ``count`` most central entities and the statements among them.

    Ties are broken by the number of statements, then by id, so the choice is stable.

    >>> g = nx.MultiDiGraph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b")])
    >>> sorted(top_subgraph(g, 3))
    ['a', 'b', 'hub']
    """
    if count < 1:
        raise InputError("--top must be 1 or more")
    scores = centrality(graph) if scores is None else scores
    ranked = sorted(graph, key=lambda node: (-scores.get(node, 0.0), -graph.degree(node), str(node)))
    return graph.subgraph(ranked[:count]).copy()


def select_subgraph(graph: nx.MultiDiGraph, *, top: int | None = None, focus: str | None = None,
                    hops: int = 1) -> tuple[nx.MultiDiGraph, str | None]:
    """Apply ``--focus``/``--hops`` then ``--top``; return the graph and a note saying what was kept."""
    notes = []
    total = graph.number_of_nodes()
    if focus is not None:
        entity = find_entity(graph, focus)
        graph = ego_subgraph(graph, entity, hops)
        notes.append(f"within {hops} link{'s' * (hops != 1)} of {graph.nodes[entity]['label']}")
    if top is not None and top < graph.number_of_nodes():
        graph = top_subgraph(graph, top)
        notes.append(f"the {top} most central")
    if not notes:
        return graph, None
    return graph, f"Showing {graph.number_of_nodes():,} of {total:,} entities: " + ", ".join(notes) + "."


# ---------------------------------------------------------------------------------------
# Big inputs: two passes over the statements, keeping only what is shown
#
# A 40 MB corpus gives some 230,000 statements about 40,000 entities: a graph holding
# every record is hundreds of MB, and a page drawing all of it is unusable.  The first
# pass keeps per-entity counts (EntitySummary), enough to apply --focus/--hops/--top
# exactly as select_subgraph does; the second builds the graph of the chosen entities.

# Statement or document records, or a zero-argument callable returning them afresh.
Records = Iterable[Mapping[str, Any]] | Callable[[], Iterable[Mapping[str, Any]]]


class EntitySummary:
    """What the first pass over the statements keeps: no statement records.

    Entities are numbered in the order they are first seen.  Per entity: its id, label,
    type, actor code (the first given), up to ``aliases`` of the texts seen for it
    (:data:`SUMMARY_ALIASES` unless told), its number of statements (as
    ``MultiDiGraph.degree`` counts them: a statement about itself counts twice), and its
    ``neighbours``: each other entity it shares a statement with, in either direction,
    and how many statements they share.  That is the simple undirected graph
    :func:`centrality` works on.  Statement ids are not kept, so a statement given twice
    counts twice here (but is one edge in :func:`graph_from_statements`): that can only
    change which of two equally central entities ranks first.

    >>> summary = summarise_statements([{"subject": {"id": "a"}, "object": {"id": "b"}},
    ...                                 {"subject": {"id": "b"}, "object": {"id": "a"}},
    ...                                 {"subject": {"id": "b"}, "object": {"id": "b"}}])
    >>> summary.ids, summary.statements, summary.neighbours
    (['a', 'b'], [2, 4], [{1: 2}, {0: 2}])
    """

    def __init__(self, *, aliases: int | None = None) -> None:
        self.alias_limit = SUMMARY_ALIASES if aliases is None else aliases
        self.ids: list[Any] = []
        self.index: dict[Any, int] = {}
        self.labels: list[str] = []
        self.types: list[str] = []
        self.codes: list[str | None] = []
        self.aliases: list[list[str]] = []
        self.statements: list[int] = []
        self.loops: dict[int, int] = {}
        self.neighbours: list[dict[int, int]] = []

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, node: object) -> bool:
        try:
            return node in self.index
        except TypeError:
            return False

    def add_entity(self, argument: Mapping[str, Any]) -> int:
        """The number of the entity ``argument`` names, added if new, as :func:`graph_from_statements` adds nodes."""
        node = argument["id"]
        number = self.index.get(node)
        if number is None:
            number = self.index[node] = len(self.ids)
            label, kind = argument.get("label") or node, argument.get("type") or "Other"
            # The label is most often the id, and there are a few types: one string each.
            self.ids.append(node)
            self.labels.append(node if label == node else label)
            self.types.append(sys.intern(kind) if isinstance(kind, str) else kind)
            self.codes.append(argument.get("code"))
            self.aliases.append([])
            self.statements.append(0)
            self.neighbours.append({})
        elif not self.codes[number] and argument.get("code"):
            self.codes[number] = argument["code"]
        text, aliases = argument.get("text"), self.aliases[number]
        if text and len(aliases) < self.alias_limit and text not in aliases:
            aliases.append(text)
        return number

    def add_statement(self, subject: Mapping[str, Any], obj: Mapping[str, Any]) -> None:
        source, target = self.add_entity(subject), self.add_entity(obj)
        self.statements[source] += 1
        self.statements[target] += 1
        if source == target:
            self.loops[source] = self.loops.get(source, 0) + 1
        else:
            for one, other in ((source, target), (target, source)):
                shared = self.neighbours[one]
                shared[other] = shared.get(other, 0) + 1


def summarise_statements(statements: Iterable[Mapping[str, Any]], *, aliases: int | None = None) -> EntitySummary:
    """The first pass: read ``statements`` once into an :class:`EntitySummary`.

    ``aliases`` is how many texts to keep per entity, for :func:`find_entity`
    (:data:`SUMMARY_ALIASES` unless told).
    """
    summary = EntitySummary(aliases=aliases)
    for number, record in enumerate(statements, 1):
        summary.add_statement(*_arguments(record, number))
    return summary


def _within(summary: EntitySummary, start: int, hops: int) -> set[int]:
    """The entities within ``hops`` links of entity number ``start``, in either direction."""
    reached, frontier = {start}, [start]
    for _ in range(hops):
        next_frontier = []
        for one in frontier:
            for other in summary.neighbours[one]:
                if other not in reached:
                    reached.add(other)
                    next_frontier.append(other)
        if not next_frontier:
            break
        frontier = next_frontier
    return reached


def _most_central(summary: EntitySummary, members: set[int] | None, count: int) -> list[int]:
    """The ``count`` most central of ``members`` (all entities if None), ranked as :func:`top_subgraph` ranks.

    Centrality, statements and ties are counted on the graph of ``members`` alone.  Every
    entity's centrality is its number of linked entities times the same 1/(n − 1), so
    ranking by that number gives the same order.
    """
    if members is None:
        return sorted(range(len(summary)), key=lambda one: (
            -len(summary.neighbours[one]), -summary.statements[one], str(summary.ids[one])))[:count]

    def rank(one: int) -> tuple[int, int, str]:
        inside = [shared for other, shared in summary.neighbours[one].items() if other in members]
        return -len(inside), -(sum(inside) + 2 * summary.loops.get(one, 0)), str(summary.ids[one])

    return sorted(members, key=rank)[:count]


def choose_entities(summary: EntitySummary, *, top: int | None = None, focus: str | None = None, hops: int = 1,
                    limit: int | None = None) -> tuple[list[int], list[str]]:
    """The entity numbers to show, in first-seen order, and what :func:`select_subgraph` would say of them.

    ``limit`` stands in for ``top`` when that is None (the page's :data:`PAGE_ENTITIES`).
    """
    members: set[int] | None = None
    notes = []
    if focus is not None:
        entity = summary.index[find_entity(summary, focus)]
        if hops < 0:
            raise InputError("--hops must be 0 or more")
        members = _within(summary, entity, hops)
        notes.append(f"within {hops} link{'s' * (hops != 1)} of {summary.labels[entity]}")
    count = top if top is not None else limit
    if count is not None and count < (len(summary) if members is None else len(members)):
        if count < 1:
            raise InputError("--top must be 1 or more")
        members = set(_most_central(summary, members, count))
        notes.append(f"the {count} most central")
    return (list(range(len(summary))) if members is None else sorted(members)), notes


def fit_budget(summary: EntitySummary, chosen: list[int], budget: int, *,
               may_drop: bool = True) -> tuple[list[int], int | None]:
    """Entities and a per-pair limit that keep the statements among them within ``budget``.

    Returns ``chosen`` (or, with ``may_drop``, its most central part when even one
    statement per pair would exceed the budget) and the largest k such that keeping at
    most k statements per pair of entities stays within it; None when all fit.

    >>> summary = summarise_statements([{"subject": {"id": "hub"}, "object": {"id": x}} for x in "aabbbc"])
    >>> fit_budget(summary, [0, 1, 2, 3], 10), fit_budget(summary, [0, 1, 2, 3], 5), fit_budget(summary, [0, 1, 2, 3], 2)
    (([0, 1, 2, 3], None), ([0, 1, 2, 3], 2), ([0, 1, 2], 1))
    """
    members = set(chosen)

    def pair_counts(kept: set[int]) -> list[int]:
        counts = [shared for one in kept for other, shared in summary.neighbours[one].items()
                  if other in kept and one < other]
        counts += [summary.loops[one] for one in kept if one in summary.loops]
        return counts

    counts = pair_counts(members)
    if sum(counts) <= budget:
        return chosen, None
    if len(counts) > budget and may_drop:
        ranked = _most_central(summary, members, len(members))
        position = {one: rank for rank, one in enumerate(ranked)}
        pairs, keep = 0, 0
        for rank, one in enumerate(ranked):  # pairs among the `rank + 1` most central
            pairs += sum(1 for other in summary.neighbours[one] if position.get(other, rank) < rank) + (one in summary.loops)
            if pairs > budget:
                break
            keep = rank + 1
        members = set(ranked[:max(keep, 1)])
        chosen = [one for one in chosen if one in members]
        counts = pair_counts(members)
    low, high = 1, max(counts, default=1)  # the largest k with sum(min(c, k)) within budget
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(count, middle) for count in counts) <= budget:
            low = middle
        else:
            high = middle - 1
    return chosen, low


def _graph_of_entities(statements: Iterable[Mapping[str, Any]], nodes: list[tuple[Any, dict[str, Any]]], *,
                       link_limit: int | None = None, pair_limit: int | None = None) -> tuple[nx.MultiDiGraph, int]:
    """The second pass: the graph of ``nodes`` and the statements among them.

    Each node's aliases are collected here, from every statement, so they are complete.
    With ``link_limit``, a link (see :func:`page_data`) keeps its first ``link_limit``
    statements, and with ``pair_limit`` two entities keep their first ``pair_limit``
    statements, whichever the direction; return the graph and how many statements that
    left out.  Edges hold copies of the records, with recurring values held once
    (:func:`_shared`).
    """
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(nodes)
    aliases = {node: attributes["aliases"] for node, attributes in nodes}
    per_link: Counter = Counter()
    per_pair: Counter = Counter()
    left_out = 0
    held: dict[Any, Any] = {}
    for number, record in enumerate(statements, 1):
        subject, obj = _arguments(record, number)
        source, target = subject["id"], obj["id"]
        for node, argument in ((source, subject), (target, obj)):
            if node in aliases and argument.get("text"):
                aliases[node].add(held.setdefault(argument["text"], argument["text"]))
        if source not in aliases or target not in aliases:
            continue
        key, attributes = _edge_attributes(record, number)
        if (link_limit is not None or pair_limit is not None) and not graph.has_edge(source, target, key):
            modality = attributes["modality"]
            link = (source, target, _edge_kind(attributes["negated"], modality), attributes["lemma"], modality)
            pair = (source, target) if str(source) <= str(target) else (target, source)
            if (link_limit is not None and per_link[link] >= link_limit) or (pair_limit is not None and per_pair[pair] >= pair_limit):
                left_out += 1
                continue
            per_link[link] += 1
            per_pair[pair] += 1
        graph.add_edge(source, target, key=key, **_shared(attributes, held))
    return graph, left_out


def _shared(value: dict[str, Any], held: dict[Any, Any]) -> dict[str, Any]:
    """A copy of ``value`` and of the dicts in it, where equal texts, and equal dicts of texts
    only, are one object: the one in ``held``.

    The statements kept are about the chosen entities, and their ids, labels, types,
    documents, predicates, subjects and objects recur, as do many sentences: each read
    gives new copies, and one is enough.  Texts compare exactly (unlike ``1 == True``),
    so the copy reads the same as ``value``.

    >>> held = {}
    >>> one = _shared({"id": "s1", "subject": {"id": "Russia"}, "confidence": 0.5}, held)
    >>> two = _shared({"id": "s2", "subject": {"id": "Russia"}, "confidence": 0.5}, held)
    >>> one["subject"] is two["subject"], one["confidence"] is two["confidence"]
    (True, False)
    """
    copy, only_texts = {}, True
    for key, item in value.items():
        if isinstance(item, str):
            item = held.setdefault(item, item)
        elif isinstance(item, dict):
            item, only_texts = _shared(item, held), False
        elif item is not None:
            only_texts = False
        copy[key] = item
    return held.setdefault(tuple(copy.items()), copy) if only_texts else copy


def view_graph(statements: Records, *, top: int | None = None, focus: str | None = None, hops: int = 1,
               page: bool = True) -> tuple[nx.MultiDiGraph, str | None]:
    """The graph :func:`write_html` (``page``) or :func:`write_export` draws, and the note on what was kept.

    The entities, statements and note of ``select_subgraph(graph_from_statements(statements),
    ...)``, but read in two passes so that only the chosen entities' statements are ever
    held: ``statements`` is a zero-argument callable returning a fresh iterable each time
    (``lambda: read_jsonl(path)``), or statements that can be iterated twice (a one-shot
    iterator is read into a list first).  Entities come in the order first seen and
    statements in the order read; each edge holds a copy of its record, equal to it, in
    which recurring texts are shared (:func:`_shared`).  ``focus`` is matched against
    the summary's aliases (:class:`EntitySummary`).  For the page (``page=True``) two
    limits hold: without ``top``, at most :data:`PAGE_ENTITIES` entities, the most
    central; and at most :data:`LINK_STATEMENTS` statements per link, the first read.
    Exports have neither.

    >>> records = [{"id": f"s{i}", "subject": {"id": "a"}, "object": {"id": b}, "predicate": {"text": "met"}}
    ...            for i, b in enumerate("bbbc")]
    >>> graph, note = view_graph(lambda: iter(records), focus="a", hops=1)
    >>> sorted(graph), graph.number_of_edges(), note
    (['a', 'b', 'c'], 4, 'Showing 3 of 3 entities: within 1 link of a.')
    """
    statements = _rereadable(statements)
    # Only --focus looks entities up by their texts; a 40 MB corpus has some 125,000.
    summary = summarise_statements(statements(), aliases=None if focus is not None else 0)
    chosen, notes = choose_entities(summary, top=top, focus=focus, hops=hops,
                                    limit=PAGE_ENTITIES if page else None)
    pair_limit = None
    if page:
        before = len(chosen)
        chosen, pair_limit = fit_budget(summary, chosen, PAGE_STATEMENTS, may_drop=top is None)
        if len(chosen) < before:
            notes = [note for note in notes if not note.endswith("most central")]
            notes.append(f"the {len(chosen)} most central")
    nodes = [(summary.ids[one], {"label": summary.labels[one], "type": summary.types[one],
                                 "code": summary.codes[one], "aliases": set()}) for one in chosen]
    total = len(summary)
    del summary  # the second pass needs only the chosen entities
    graph, left_out = _graph_of_entities(statements(), nodes, link_limit=LINK_STATEMENTS if page else None,
                                         pair_limit=pair_limit)
    if left_out:
        limits = [f"{LINK_STATEMENTS} statements per link"]
        if pair_limit is not None:
            limits.append(f"{pair_limit} per pair of entities, to keep the page within {PAGE_STATEMENTS:,} statements")
        notes.append(f"at most {' and '.join(limits)} "
                     f"({left_out:,} statement{'s' * (left_out != 1)} not shown)")
    if not notes:
        return graph, None
    return graph, f"Showing {graph.number_of_nodes():,} of {total:,} entities: " + ", ".join(notes) + "."


def _rereadable(statements: Records) -> Callable[[], Iterable[Mapping[str, Any]]]:
    """A callable giving ``statements`` afresh each time it is called."""
    if callable(statements):
        return statements
    if iter(statements) is statements:  # a generator or an open file: it can only be read once
        statements = list(statements)
    return lambda: statements


def used_documents(documents: Records, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The id, title, source and date of the documents ``graph``'s statements come from.

    ``documents`` is read once, one record at a time; for an id given twice the last wins,
    as in :func:`page_data`.
    """
    used = {data["record"].get("doc") for _, _, data in graph.edges(data=True)}
    kept: dict[Any, dict[str, Any]] = {}
    for document in documents() if callable(documents) else documents:
        doc = document.get("id")
        if doc and doc in used:
            kept[doc] = {"id": doc, "title": document.get("title"), "source": document.get("source"),
                         "date": document.get("date")}
    return list(kept.values())


# ---------------------------------------------------------------------------------------
# The page data


def stabilization_iterations(nodes: int) -> int:
    """Physics iterations in the browser: many for a small graph, at least 150 for any.

    >>> stabilization_iterations(20), stabilization_iterations(100), stabilization_iterations(300)
    (600, 300, 150)
    """
    return max(150, min(STABILIZATION_ITERATIONS, 30_000 // max(nodes, 1)))


def _edge_kind(negated: bool, modality: str | None) -> str:
    return statement_kind({"negated": negated, "modality": modality})  # one definition: kg/types.py


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
        "kinds": {kind: {"count": sum(1 for s in statements if _edge_kind(s["negated"], s["modality"]) == kind),
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
        kind = _edge_kind(data["negated"], data["modality"])
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


def _statement_count(graph: nx.MultiDiGraph, node: str) -> int:
    # A statement whose subject and object are the same entity counts once, not twice.
    return graph.out_degree(node) + graph.in_degree(node) - graph.number_of_edges(node, node)


def _vis_node(graph: nx.MultiDiGraph, node: str, score: float) -> dict[str, Any]:
    attributes = graph.nodes[node]
    statements = _statement_count(graph, node)
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


# ---------------------------------------------------------------------------------------
# Layout for big graphs


def spread_layout(graph: nx.Graph, *, seed: int = 7, edge_length: float = 110.0,
                  spacing: float = 55.0) -> dict[str, tuple[int, int]]:
    """Pixel positions: a force layout per connected component, components packed in rows.

    networkx's ``spring_layout`` needs scipy above 500 nodes and is quadratic in memory
    without it; this is the same Fruchterman–Reingold model in numpy, with repulsion
    computed in blocks and, for big components, against a random sample of nodes.

    Each component is scaled so that the median edge is ``edge_length`` pixels and the
    median distance from a node to its nearest neighbour at least ``spacing``: around
    hubs the leaves crowd far closer than one edge length, and their labels need room.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    simple = _simple(graph)
    components = sorted(
        (sorted(component, key=str) for component in nx.connected_components(simple)),
        key=lambda nodes: (-len(nodes), str(nodes[0])),
    )
    placed: list[tuple[list[str], Any]] = []
    for nodes in components:
        coordinates = _component_layout(simple, nodes, rng)
        coordinates -= coordinates.min(axis=0)
        scale = max(edge_length, spacing / max(_median_nearest(coordinates, rng), 1e-6))
        placed.append((nodes, coordinates * scale))
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
    # graph.edges(nodes), not graph.subgraph(nodes).edges(): a subgraph walks its nodes in
    # set order, which changes with the hash seed, and so would the sums and the layout
    pairs = np.array([(index[a], index[b]) for a, b in graph.edges(nodes) if b in index], dtype=np.int64)
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


def _median_nearest(positions: Any, rng: Any, *, sample: int = 400) -> float:
    """The median distance from a node (of a random sample) to its nearest neighbour."""
    import numpy as np

    n = len(positions)
    if n < 3:
        return 1.0
    rows = rng.choice(n, min(n, sample), replace=False)
    delta = positions[rows][:, None, :] - positions[None, :, :]
    distance = np.sqrt((delta * delta).sum(axis=2))
    distance[np.arange(len(rows)), rows] = np.inf
    return float(np.median(distance.min(axis=1)))


def _repulsion(positions: Any, rng: Any, *, exact_max: int = 1000, sample: int = 500) -> Any:
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


def script_safe_json_parts(value: Any, *, depth: int = 2, batch: int = 100) -> Iterator[str]:
    """:func:`script_safe_json` of ``value`` in pieces that join to the same text.

    Dicts and lists down to ``depth`` levels are taken apart: a dict an item at a time, a
    list ``batch`` items at a time.

    >>> value = {"nodes": [1, 2, 3], "note": "<b>"}
    >>> list(script_safe_json_parts(value, batch=2))
    ['{', '"nodes":', '[', '1,2', ',3', ']', ',"note":', '"\\\\u003cb\\\\u003e"', '}']
    >>> "".join(script_safe_json_parts(value, batch=2)) == script_safe_json(value)
    True
    """
    if depth and isinstance(value, dict) and all(isinstance(key, str) for key in value):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("," if number else "") + script_safe_json(key) + ":"
            yield from script_safe_json_parts(item, depth=depth - 1, batch=batch)
        yield "}"
    elif depth and isinstance(value, list):
        yield "["
        for start in range(0, len(value), batch):
            items = script_safe_json(value[start:start + batch])[1:-1]  # without the slice's brackets
            yield ("," if start else "") + items
        yield "]"
    else:
        yield script_safe_json(value)


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
# Where the data goes in the rendered template: no escaped value can contain "<", and
# _vis_assets keeps "<!--" out of the inlined script.
_DATA_MARK = "<!--kg-data-->"


def page_parts(data: Mapping[str, Any], *, title: str = "Knowledge graph") -> Iterator[str]:
    """The page drawing ``data`` (see :func:`page_data`) in pieces, to be written one after another.

    The data is a few times bigger than the rest of the page, and bigger still as one
    Python string (two or four bytes a character once one is outside Latin-1): it is
    serialised a part at a time (:func:`script_safe_json_parts`) and never held whole.
    """
    script, style = _vis_assets()
    page = _environment.get_template("graph.html").render(
        title=title,
        note=data["note"],
        data_json=Markup(_DATA_MARK),
        vis_script=Markup(script),
        vis_style=Markup(style),
        legend=data["legend"],
        kinds=data["kinds"],
        counts={
            "entities": len(data["nodes"]),
            "statements": len(data["statements"]),
            "documents": len(data["documents"]),
        },
    )
    if page.count(_DATA_MARK) != 1:
        raise KGError(f"the page template must hold {_DATA_MARK} once, where the data goes")
    head, _, tail = page.partition(_DATA_MARK)
    yield head
    yield from script_safe_json_parts(data)
    yield tail


def write_html(
    statements: Records,
    path: str | Path,
    *,
    documents: Records = (),
    title: str = "Knowledge graph",
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
) -> Path:
    """Write the interactive graph page for ``statements`` to ``path``; return the path.

    ``statements`` are read twice: pass a callable returning a fresh iterable
    (``lambda: read_jsonl(path)``) for big inputs (see :func:`view_graph`).
    ``focus``/``hops`` keep the neighbourhood of one entity and ``top`` the most central
    entities (see :func:`select_subgraph`); without ``top`` the page shows at most
    :data:`PAGE_ENTITIES`, and at most :data:`LINK_STATEMENTS` statements per link.
    Only the title, source and date of the documents used are kept.  The page goes to a
    temporary file a part at a time (:func:`page_parts`), and that file replaces
    ``path`` in one step, so a failure leaves any previous page intact.
    """
    graph, note = view_graph(statements, top=top, focus=focus, hops=hops)
    data = page_data(graph, used_documents(documents, graph), note=note)
    del graph  # the statement records: the data has what the page shows of them
    parts = page_parts(data, title=title)
    with atomic_output(path) as handle:
        handle.writelines(part.encode("utf-8") for part in parts)
    log.info("wrote %s: %d entities, %d statements", path, len(data["nodes"]), len(data["statements"]))
    return Path(path)


# ---------------------------------------------------------------------------------------
# Files for other tools


def export_graph(graph: nx.MultiDiGraph, documents: Iterable[Mapping[str, Any]] = (), *,
                 lists: bool = False) -> nx.MultiDiGraph:
    """A copy of ``graph`` with only plain values as attributes, as GraphML and GEXF require.

    Entities keep label, type, actor code, aliases, degree and centrality; each edge is
    one statement with its predicate, event type, polarity, modality, attribution,
    document and offsets, and evidence sentence.  ``lists`` keeps aliases as a list
    (for JSON) instead of one ``"; "``-joined string.  Missing values are left out.
    """
    titles = {d["id"]: d.get("title") for d in documents if d.get("id")}
    scores = centrality(graph)
    plain = nx.MultiDiGraph()
    for node, attributes in graph.nodes(data=True):
        aliases = sorted(attributes["aliases"], key=lambda alias: (alias.casefold(), alias))
        values = {
            "label": attributes["label"],
            "type": attributes["type"],
            "code": attributes.get("code"),
            "aliases": aliases if lists else "; ".join(aliases),
            "statements": _statement_count(graph, node),
            "degree_centrality": round(scores[node], 6),
        }
        plain.add_node(str(node), **{k: v for k, v in values.items() if v is not None})
    for source, target, key, data in graph.edges(keys=True, data=True):
        record = data["record"]
        said = record.get("attributed_to") or {}
        confidence = record.get("confidence")
        values = {
            "id": str(key),
            "label": data["predicate"],
            "lemma": data["lemma"],
            "event": data["event"],
            "kind": _edge_kind(data["negated"], data["modality"]),
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


def write_view(
    statements: Records,
    path: str | Path,
    *,
    format: str = "html",
    documents: Records = (),
    top: int | None = None,
    focus: str | None = None,
    hops: int = 1,
) -> Path:
    """What ``kg view`` writes: the page (``format="html"``) or a file in :data:`EXPORT_FORMATS`."""
    if format == "html":
        return write_html(statements, path, documents=documents, top=top, focus=focus, hops=hops)
    return write_export(statements, path, format, documents=documents, top=top, focus=focus, hops=hops)
