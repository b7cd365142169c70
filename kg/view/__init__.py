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

The package, one module per concern: ``graph`` (statements → networkx), ``selection``
(the one way entities are chosen, in two passes), ``page`` (the JSON the page draws),
``layout`` (positions for big graphs), ``html`` (the page file), ``export`` (files for
other tools).
"""
from __future__ import annotations

from pathlib import Path

from .export import EXPORT_FORMATS, export_graph, write_export
from .graph import centrality, graph_from_statements
from .html import page_parts, script_safe_json, script_safe_json_parts, write_html
from .layout import spread_layout
from .page import page_data
from .selection import (
    EntitySummary,
    Records,
    choose_entities,
    find_entity,
    fit_budget,
    summarise_statements,
    used_documents,
    view_graph,
)

__all__ = [
    "EXPORT_FORMATS",
    "EntitySummary",
    "centrality",
    "choose_entities",
    "export_graph",
    "find_entity",
    "fit_budget",
    "graph_from_statements",
    "page_data",
    "page_parts",
    "script_safe_json",
    "script_safe_json_parts",
    "spread_layout",
    "summarise_statements",
    "used_documents",
    "view_graph",
    "write_export",
    "write_html",
    "write_view",
]


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
