"""The page itself: our template, vis-network inlined, the data as script-safe JSON, written in parts."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..errors import KGError
from ..files import atomic_output
from .page import page_data
from .selection import Records, used_documents, view_graph

log = logging.getLogger(__name__)

VIS_ASSETS = "templates/lib/vis-9.1.2"


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
            "read": data["articles"]["read"],
            "with_statements": data["articles"]["withStatements"],
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
    entities (see :func:`~kg.view.selection.view_graph`); without ``top`` the page shows at most
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
