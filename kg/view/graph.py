"""Statements → a networkx graph: one node per entity, one edge per statement."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from ..errors import InputError
from ..types import statement_kind


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
    documents = set()
    for number, record in enumerate(statements, 1):
        subject, obj = _arguments(record, number)
        for argument in (subject, obj):
            _add_entity(graph, argument)
        key, attributes = _edge_attributes(record, number)
        graph.add_edge(subject["id"], obj["id"], key=key, **attributes)
        documents.add(record.get("doc"))
    graph.graph["documents"] = len(documents - {None})  # the documents with statements
    return graph


def _arguments(record: Mapping[str, Any], number: int) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """The subject and object of statement ``number`` (counting from 1), each with an id.

    An event without an object ("workers demonstrated") is held as a loop on its subject
    (in exports too); the page draws it as a property of the entity, not as a loop."""
    try:
        subject = record["subject"]
        obj = record["object"] if record["object"] is not None else subject
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
    if names_node(argument):
        attributes["aliases"].add(argument["text"])


# Prepositions after which a node's name is only part of a phrase about something else ("of"
# is not one: "artillery units of Russia" are Russia's forces, seen as Russia).
PHRASE_PREPOSITIONS = {"on", "against", "with", "to", "for", "by", "from", "in", "at", "over", "into", "about"}


def names_node(argument: Mapping[str, Any]) -> bool:
    """Whether an argument's text is a name of its node, to be shown among the texts it was
    seen as: "Moscow", "Russian forces" and "the Kremlin" are Russia's, but "new sanctions on
    Russia" (the object of "could impose … on") names the sanctions, with Russia inside it.

    >>> names_node({"text": "new sanctions on Russia", "label": "Russia"}), names_node({"text": "Moscow", "label": "Russia"})
    (False, True)
    """
    text, label = str(argument.get("text") or ""), str(argument.get("label") or argument.get("id") or "")
    where = text.casefold().find(label.casefold()) if label else -1
    before = [word.casefold() for word in text[:where].split()] if where > 0 else []
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    return bool(text) and not (before and before[-1] in PHRASE_PREPOSITIONS)


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


def edge_kind(negated: bool, modality: str | None) -> str:
    """How the page draws a statement: ``negated``, ``hedged`` (any modality) or ``asserted``
    (one definition for the page and the RDF: :func:`kg.types.statement_kind`)."""
    return statement_kind({"negated": negated, "modality": modality})


def statement_count(graph: nx.MultiDiGraph, node: str) -> int:
    # A statement whose subject and object are the same entity counts once, not twice.
    return graph.out_degree(node) + graph.in_degree(node) - graph.number_of_edges(node, node)
