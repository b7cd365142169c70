"""Positions computed in Python for graphs too big for the browser's physics."""
from __future__ import annotations

import math
from typing import Any

import networkx as nx

from .graph import _simple


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


def communities(graph: nx.Graph, *, seed: int = 7) -> list[list[Any]]:
    """Groups of entities more linked among themselves than to the rest (Louvain, networkx),
    biggest first, each sorted; the same for the same graph whatever the hash seed.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> communities(g)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    simple = _simple(graph)
    if simple.number_of_edges() == 0:
        return [[node] for node in sorted(simple, key=str)]
    # The algorithm visits nodes in graph order: a graph built in sorted order gives one answer.
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(simple, key=str))
    ordered.add_edges_from(sorted((tuple(sorted((a, b), key=str)) for a, b in simple.edges()), key=str))
    groups = nx.community.louvain_communities(ordered, seed=seed)
    return sorted((sorted(group, key=str) for group in groups), key=lambda nodes: (-len(nodes), str(nodes[0])))


def region_layout(graph: nx.Graph, groups: list[list[Any]], *, seed: int = 7, edge_length: float = 110.0,
                  spacing: float = 55.0, gap: float = 140.0) -> dict[Any, tuple[int, int]]:
    """Pixel positions with each group (a community) in a region of its own.

    Each group is laid out alone (the force layout of :func:`spread_layout`) and fits in a
    disc; the discs are placed by a force layout of the graph of groups (two groups
    attract as many times as they share links), then pushed apart until no two overlap,
    with ``gap`` pixels between them.  Linked groups end up side by side.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    simple = _simple(graph)
    shapes, radii = [], []
    for nodes in groups:
        coordinates = _component_layout(simple, nodes, rng)
        coordinates = coordinates - coordinates.mean(axis=0)
        scale = max(edge_length, spacing / max(_median_nearest(coordinates, rng), 1e-6)) if len(nodes) > 1 else 1.0
        coordinates = coordinates * scale
        shapes.append(coordinates)
        radii.append(float(np.sqrt((coordinates * coordinates).sum(axis=1)).max()) + spacing)
    radii_ = np.array(radii)
    group_of = {node: number for number, nodes in enumerate(groups) for node in nodes}
    weights: dict[tuple[int, int], int] = {}
    for a, b in simple.edges():
        one, other = group_of.get(a), group_of.get(b)
        if one is not None and other is not None and one != other:
            key = (min(one, other), max(one, other))
            weights[key] = weights.get(key, 0) + 1
    centres = _place_discs(radii_, weights, rng, gap=gap)
    positions: dict[Any, tuple[int, int]] = {}
    for nodes, coordinates, centre in zip(groups, shapes, centres):
        for node, (x, y) in zip(nodes, coordinates + centre):
            positions[node] = (round(float(x)), round(float(y)))
    return positions


def _place_discs(radii: Any, weights: dict[tuple[int, int], int], rng: Any, *, gap: float,
                 iterations: int = 300) -> Any:
    """Centres for discs of ``radii``: linked discs pulled together, all kept apart."""
    import numpy as np

    n = len(radii)
    if n == 0:
        return np.zeros((0, 2))
    # Start on a spiral, biggest in the middle: a compact, stable start.
    angle = np.arange(n) * 2.399963  # the golden angle
    distance = np.sqrt(np.cumsum(radii * radii)) * 1.2
    centres = np.stack([np.cos(angle) * distance, np.sin(angle) * distance], axis=1)
    centres[0] = 0.0
    pairs = np.array(sorted(weights), dtype=np.int64).reshape(-1, 2)
    strength = np.array([weights[tuple(p)] for p in pairs.tolist()], dtype=float)
    if len(strength):
        strength = strength / strength.max()
    reach = radii[:, None] + radii[None, :] + gap
    for step in range(iterations):
        cooling = 1 - step / iterations
        move = np.zeros_like(centres)
        if len(pairs):  # linked discs attract, up to touching
            delta = centres[pairs[:, 1]] - centres[pairs[:, 0]]
            length = np.sqrt((delta * delta).sum(axis=1)) + 1e-9
            slack = np.maximum(length - reach[pairs[:, 0], pairs[:, 1]], 0.0)
            pull = (delta / length[:, None]) * (slack * 0.1 * strength)[:, None]
            np.add.at(move, pairs[:, 0], pull)
            np.subtract.at(move, pairs[:, 1], pull)
        move -= centres * 0.01 * cooling  # a little gravity keeps the picture compact
        delta = centres[:, None, :] - centres[None, :, :]  # overlapping discs push apart
        length = np.sqrt((delta * delta).sum(axis=2)) + np.eye(n) * 1e9 + 1e-9
        overlap = np.maximum(reach - length, 0.0)
        np.fill_diagonal(overlap, 0.0)
        move += ((delta / length[:, :, None]) * (overlap * 0.5)[:, :, None]).sum(axis=1)
        centres += move
    for _ in range(200):  # finally, no overlap at all
        delta = centres[:, None, :] - centres[None, :, :]
        length = np.sqrt((delta * delta).sum(axis=2)) + np.eye(n) * 1e9 + 1e-9
        overlap = np.maximum(reach - length, 0.0)
        np.fill_diagonal(overlap, 0.0)
        if overlap.max() <= 1e-6:
            break
        centres += ((delta / length[:, :, None]) * (overlap * 0.51)[:, :, None]).sum(axis=1)
    return centres
