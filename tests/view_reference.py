"""The reference selection for tests: --focus/--hops/--top on a whole networkx graph.

kg.view.selection chooses entities in two passes without holding the graph; this is the
plain statement of what it must choose, kept here so that tests can compare the two.
"""
from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from kg.errors import InputError
from kg.view import centrality, find_entity


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

