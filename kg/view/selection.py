"""Choosing what to show, read in two passes over the statements.

A 40 MB corpus gives some 230,000 statements about 40,000 entities: a graph holding
every record is hundreds of MB, and a page drawing all of it is unusable.  The first
pass keeps per-entity counts (:class:`EntitySummary`), enough to apply --focus/--hops/--top;
the second builds the graph of the chosen entities (:func:`view_graph`).  This is the one
entity selection of kg: the page and the exports both go through it.
"""
from __future__ import annotations

import difflib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import networkx as nx

from ..errors import InputError
from .graph import _arguments, _edge_attributes, edge_kind, names_node

# Without --top the page shows at most this many entities (past it, this many actors and the
# concepts they name most), the most central: a 5,000-entity page took 2.7 s to become
# interactive (bench/view.py), a 40 MB corpus has 40,000, and a thousand actors with their
# names is already more than a reader takes in at once (the 300-article page of issue 19).
PAGE_ENTITIES = 1000
# The page keeps at most this many statements per link (see page_data); the note says how
# many others there were.  Exports keep them all.
LINK_STATEMENTS = 20
# And at most about this many statements in all (each carries its sentence): the page of a
# 40 MB corpus would otherwise hold a hundred thousand and weigh 80 MB.  The most central
# entities share most statements, so the budget is kept by taking at most k statements
# per pair of entities (k as large as fits) and, if one per pair is still too many, fewer
# entities, the least central dropped first (see fit_budget).
PAGE_STATEMENTS = 20_000
# Past PAGE_ENTITIES, each actor on the page brings at most this many of its concepts.
CONCEPTS_PER_ACTOR = 5
# The first pass over the statements keeps at most this many texts per entity for --focus.
SUMMARY_ALIASES = 20

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
        self.documents: set[Any] = set()  # the documents with statements

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
        if names_node(argument) and len(aliases) < self.alias_limit and text not in aliases:
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
        summary.documents.add(record.get("doc"))
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
    """The ``count`` most central of ``members`` (all entities if None), ranked by centrality.

    Ranked by degree centrality, then number of statements, then id, so the choice is
    stable; centrality, statements and ties are counted on the graph of ``members`` alone.  Every
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
    """The entity numbers to show, in first-seen order, and notes on what was kept.

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
        if top is None and focus is None:
            # The page's own limit keeps actors: the most central actors, and the concepts
            # they name most, at most CONCEPTS_PER_ACTOR each (the page shows those as the
            # objects of the selected actor).  "report", "share" and "stake" are linked to
            # everything and would otherwise crowd out the people and states.
            actors = {one for one in range(len(summary)) if summary.types[one] != "Concept"}
            members = set(_most_central(summary, actors, count))
            members |= _named_concepts(summary, members)
            notes.append(f"the {count} most central actors and the concepts they name most")
        else:
            members = set(_most_central(summary, members, count))
            notes.append(f"the {count} most central")
    return (list(range(len(summary))) if members is None else sorted(members)), notes


def _named_concepts(summary: EntitySummary, actors: set[int]) -> set[int]:
    """The concepts each of ``actors`` shares most statements with, at most :data:`CONCEPTS_PER_ACTOR` each."""
    concepts: set[int] = set()
    for one in actors:
        linked = [(-shared, str(summary.ids[other]), other) for other, shared in summary.neighbours[one].items()
                  if summary.types[other] == "Concept"]
        concepts.update(other for _, _, other in sorted(linked)[:CONCEPTS_PER_ACTOR])
    return concepts


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
            if node in aliases and names_node(argument):
                aliases[node].add(held.setdefault(argument["text"], argument["text"]))
        if source not in aliases or target not in aliases:
            continue
        key, attributes = _edge_attributes(record, number)
        if (link_limit is not None or pair_limit is not None) and not graph.has_edge(source, target, key):
            modality = attributes["modality"]
            link = (source, target, edge_kind(attributes["negated"], modality), attributes["lemma"], modality)
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

    ``focus``/``hops`` keep the neighbourhood of one entity and ``top`` the most central
    entities (tests/view_reference.py does the same on a whole networkx graph, as the
    tests' reference), read in two passes so that only the chosen entities' statements
    are ever held: ``statements`` is a zero-argument callable returning a fresh iterable each time
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
            notes = [note for note in notes if "most central" not in note]
            notes.append(f"the {len(chosen)} most central")
    nodes = [(summary.ids[one], {"label": summary.labels[one], "type": summary.types[one],
                                 "code": summary.codes[one], "aliases": set()}) for one in chosen]
    total, with_statements = len(summary), len(summary.documents - {None})
    del summary  # the second pass needs only the chosen entities
    graph, left_out = _graph_of_entities(statements(), nodes, link_limit=LINK_STATEMENTS if page else None,
                                         pair_limit=pair_limit)
    graph.graph["documents"] = with_statements  # all the documents with statements, shown or not
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
    as in :func:`page_data`.  How many documents were read in all (with statements or
    not) goes to ``graph.graph["read"]``, for the page's header.
    """
    used = {data["record"].get("doc") for _, _, data in graph.edges(data=True)}
    kept: dict[Any, dict[str, Any]] = {}
    read: set[Any] = set()
    for document in documents() if callable(documents) else documents:
        doc = document.get("id")
        read.add(doc)
        if doc and doc in used:
            kept[doc] = {"id": doc, "title": document.get("title"), "source": document.get("source"),
                         "date": document.get("date")}
    if read:
        graph.graph["read"] = len(read)
    return list(kept.values())




def find_entity(graph: nx.MultiDiGraph | EntitySummary, query: str) -> str:
    """The node ``query`` names: its id, its label or an alias (any case), or a unique part of one.

    ``graph`` may also be the :class:`EntitySummary` of the statements, which keeps up to
    :data:`SUMMARY_ALIASES` aliases per entity.

    >>> s = summarise_statements([{"subject": {"id": "Russia", "text": "Moscow"},
    ...                            "object": {"id": "Islamic State", "text": "IS"}}])
    >>> find_entity(s, "moscow"), find_entity(s, "islamic")
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
