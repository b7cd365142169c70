"""The embedded on-disk store (pyoxigraph/RocksDB), SPARQL over it, and serving it
read-only with the Oxigraph server (``kg serve``).  Servers over HTTP: :mod:`kg.remote`.

Queries see the union of the document graphs as their default graph, and the prefixes in
:data:`kg.ontology.PREFIXES` are declared, so this works without PREFIX or GRAPH lines::

    SELECT ?target WHERE { ent:Russia rel:strike ?target }

The union is materialised: :func:`build_store` and :class:`StoreWriter` also write every
triple once into the store's default graph.  pyoxigraph 0.5's ``use_default_graph_as_union`` has bag semantics
(a triple in two document graphs — an entity's label — matches twice, doubling rows and
COUNTs; oxigraph issue #1919, fixed after 0.5), whereas a single graph is a set.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from kg.errors import QueryError, StoreError, one_line
from kg.files import native_path, swap_folder
from kg.ontology import PREFIXES, shorten_iri
from kg.rdf import drop_graphs

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

StoreLike = str | os.PathLike[str] | Store

SELECT_FORMATS: dict[str, QueryResultsFormat | None] = {
    "table": None,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}
GRAPH_FORMATS: dict[str, RdfFormat | None] = {
    "table": None,
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}
MAX_CELL = 80  # table cells are cut here; csv/tsv/json give full values
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}
_FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}


# --- building and opening -------------------------------------------------------------


def _is_store(folder: Path) -> bool:
    # RocksDB always writes CURRENT; an empty folder is fine to replace too.
    return folder.is_dir() and ((folder / "CURRENT").is_file() or not any(folder.iterdir()))


def with_union_graph(quads: Iterable[Quad]) -> Iterator[Quad]:
    """Each quad, and its triple in the default graph (where the store keeps it once)."""
    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, DefaultGraph):
            yield Quad(quad.subject, quad.predicate, quad.object, DefaultGraph())


def build_store(path: str | os.PathLike[str], quads: Iterable[Quad]) -> Path:
    """Create the store at ``path`` from ``quads``, replacing any old store only on success.

    The store is bulk-loaded in a sibling temporary folder and swapped in at the end, so
    a failure part-way (bad input, full disk, Ctrl-C) leaves the previous store intact.
    """
    target = Path(path)
    if target.exists() and not _is_store(target):
        raise StoreError(f"{target} exists and is not a kg store: refusing to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.building-"))
    try:
        store = Store(native_path(building))
        try:
            store.bulk_extend(with_union_graph(quads))
            store.flush()
            store.optimize()
        finally:
            del store  # close RocksDB now, not when a traceback frame is freed
        swap_folder(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    logger.info("built store at %s", target)
    return target


class StoreWriter:
    """Fills a new store at ``path`` document graph by document graph, in bounded memory.

    N-Quads blocks (as :func:`kg.rdf.document_nquads` writes them: every line names a
    graph) are buffered and bulk-loaded in chunks of about :attr:`CHUNK` bytes, each line
    also into the default graph, which holds the union.  With ``base`` (an earlier store)
    the new store starts as a checkpoint of it — hard links to its immutable files, so
    instantly and without copying — and :meth:`remove_graph` takes out the graphs of
    documents that changed or disappeared, keeping the union right.  ``base`` itself is
    only read.
    """

    CHUNK = 8 << 20  # bulk_load holds about 15× its input while it sorts: +135 MB at 8 MB, +460 MB at 32 MB

    def __init__(self, path: str | os.PathLike[str], *, base: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path)
        if self.path.exists():
            raise StoreError(f"{self.path} exists: a store is written into a new folder")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if base is not None:
            source = open_store(base)
            try:
                source.backup(native_path(self.path))
            except OSError as error:
                raise StoreError(f"cannot copy the store at {base}: {_short_message(str(error))}") from error
            finally:
                del source
        self.store: Store | None = Store(native_path(self.path))
        self.based = base is not None
        self._buffer: list[bytes] = []
        self._buffered = 0

    def add(self, nquads: bytes) -> None:
        """One document's quads (UTF-8 N-Quads, every line in a named graph)."""
        self._buffer.append(nquads)
        self._buffered += len(nquads)
        if self._buffered >= self.CHUNK:
            self._load()

    def remove_graph(self, graph_iri: str) -> None:
        """Drop a document graph, and its triples from the union unless another graph has them."""
        self._load()
        graph = NamedNode(graph_iri)
        triples = [quad.triple for quad in self.store.quads_for_pattern(None, None, None, graph)]
        self.store.remove_graph(graph)
        for triple in triples:
            if not any(not isinstance(quad.graph_name, DefaultGraph)
                       for quad in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object)):
                self.store.remove(Quad(triple.subject, triple.predicate, triple.object, DefaultGraph()))

    def _load(self) -> None:
        if not self._buffer:
            return
        data = b"".join(self._buffer)
        self._buffer, self._buffered = [], 0
        self.store.bulk_load(data + drop_graphs(data), format=RdfFormat.N_QUADS)

    def close(self, *, optimize: bool = True) -> Path:
        """Load what is buffered, flush, compact (``optimize``) and close the store."""
        self._load()
        self.store.flush()
        if optimize:
            self.store.optimize()
        self.store = None  # closes RocksDB
        return self.path

    def discard(self) -> None:
        self.store = None
        shutil.rmtree(self.path, ignore_errors=True)


def open_store(path: str | os.PathLike[str], read_only: bool = True) -> Store:
    """Open the store built by :func:`build_store`; read-only by default."""
    folder = Path(path)
    if not (folder / "CURRENT").is_file():
        raise StoreError(f"no store at {path}: run `kg build` first")
    try:
        return Store.read_only(native_path(folder)) if read_only else Store(native_path(folder))
    except OSError as error:
        raise StoreError(f"cannot open store at {path}: {_short_message(str(error))}") from error


# --- serving --------------------------------------------------------------------------


def oxigraph_server() -> str:
    """The ``oxigraph`` server program (PyPI package ``oxigraph``), beside this Python first."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() and os.access(beside, os.X_OK) else shutil.which("oxigraph")
    if not found:
        raise StoreError("the Oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def serve_command(path: str | os.PathLike[str], *, bind: str = "127.0.0.1:7878") -> list[str]:
    """The command line serving the store at ``path`` read-only over the SPARQL protocol.

    Queries go to ``http://BIND/query``; the default graph is the union of the document
    graphs, as in ``kg query``.
    """
    folder = Path(path)
    if not (folder / "CURRENT").is_file():
        raise StoreError(f"no store at {folder}: run `kg build` first")
    if not re.fullmatch(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):[0-9]{1,5}", bind):
        raise StoreError(f"--bind takes HOST:PORT, e.g. 127.0.0.1:7878; got {bind!r}")
    return [oxigraph_server(), "serve-read-only", "--location", native_path(folder, inheritable=True), "--bind", bind]


# --- querying -------------------------------------------------------------------------


_CHAR_CLASS = re.compile(r"\[[^\[\]]*\\u\{[^\[\]]*\]")


def _short_message(message: str) -> str:
    # The parser lists Unicode ranges it would accept; name them instead of spelling out.
    return one_line(_CHAR_CLASS.sub("[name character]", message), 300)


@contextmanager
def _results(sparql: str, store: StoreLike) -> Iterator[QuerySolutions | QueryBoolean | QueryTriples]:
    """Run the query; the store stays open until the results have been read."""
    opened = store if isinstance(store, Store) else open_store(store)
    try:
        result = opened.query(sparql, prefixes=PREFIXES)
    except SyntaxError as error:
        raise QueryError(f"bad SPARQL: {_short_message(str(error))}") from error
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"query failed: {_short_message(str(error))}") from error
    try:
        yield result
    except (OSError, RuntimeError) as error:  # raised lazily while reading solutions
        raise QueryError(f"query failed: {_short_message(str(error))}") from error


def query(sparql: str, *, store: StoreLike, format: str = "table") -> str:
    """Run a SPARQL query and return the results as text.

    SELECT and ASK: ``table``, ``csv``, ``tsv``, ``json`` (SPARQL JSON results), ``xml``.
    CONSTRUCT and DESCRIBE: ``table``, ``ttl``, ``nt``, ``jsonld``.
    Raises :class:`QueryError` for malformed SPARQL or a format that does not fit.
    """
    with _results(sparql, store) as result:
        return render(result, format)


Results = QuerySolutions | QueryBoolean | QueryTriples | list[Triple]


def render(result: Results, format: str = "table") -> str:
    """Results as text in ``format``: the same for the embedded store and for a server
    (:mod:`kg.remote`), whose answers are parsed into the same pyoxigraph types."""
    if isinstance(result, (QueryTriples, list)):
        return _graph_text(result, format)
    if format not in SELECT_FORMATS:
        kind = "ASK" if isinstance(result, QueryBoolean) else "SELECT"
        raise QueryError(f"format {format!r} does not fit {kind} results; use one of {', '.join(SELECT_FORMATS)}")
    if format == "table":
        if isinstance(result, QueryBoolean):
            return "true\n" if bool(result) else "false\n"
        columns = [variable.value for variable in result.variables]
        return render_table(columns, [[solution[name] for name in columns] for solution in result])
    return result.serialize(format=SELECT_FORMATS[format]).decode("utf-8")


def _graph_text(result: Iterable[Triple], format: str) -> str:
    if format not in GRAPH_FORMATS:
        raise QueryError(f"format {format!r} does not fit CONSTRUCT/DESCRIBE results; use one of {', '.join(GRAPH_FORMATS)}")
    triples = list(result)
    if format == "table":
        return render_table(["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in triples])
    rdf_format = GRAPH_FORMATS[format]
    prefixes = PREFIXES if rdf_format == RdfFormat.TURTLE else None
    return serialize(triples, format=rdf_format, prefixes=prefixes).decode("utf-8")


def query_rows(sparql: str, *, store: StoreLike) -> list[dict[str, Any]] | bool | list[tuple[Any, Any, Any]]:
    """Results as Python values: SELECT → one dict per row (unbound → ``None``), ASK →
    ``bool``, CONSTRUCT/DESCRIBE → ``(subject, predicate, object)`` tuples.

    IRIs become ``str``; literals become ``int``/``float``/``bool`` for numeric and boolean
    datatypes and their text otherwise.
    """
    with _results(sparql, store) as result:
        return rows(result)


def rows(result: Results) -> list[dict[str, Any]] | bool | list[tuple[Any, Any, Any]]:
    """:func:`query_rows` for results already in hand (local or from a server)."""
    if isinstance(result, QueryBoolean):
        return bool(result)
    if isinstance(result, (QueryTriples, list)):
        return [(python_value(t.subject), python_value(t.predicate), python_value(t.object)) for t in result]
    columns = [variable.value for variable in result.variables]
    return [{name: python_value(solution[name]) for name in columns} for solution in result]


def python_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(term.value)
            if datatype in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value  # an ill-typed literal such as "abc"^^xsd:integer
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)  # an RDF-star quoted triple


# --- the text table -------------------------------------------------------------------


def display_width(text: str) -> int:
    """Terminal columns: wide East Asian characters and most emoji take two, marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def cell_text(term: Any, limit: int = MAX_CELL) -> str:
    """One table cell: ``ent:Russia`` for IRIs, the bare text of literals, on one line."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        text = shorten_iri(term.value)
    elif isinstance(term, BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, Literal):
        text = term.value
    else:
        text = str(term)
    text = " ".join(text.split()) if any(char in text for char in "\n\r\t") else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """An aligned plain-text table with a row count.

    >>> print(render_table(["s", "label"], [[NamedNode("https://w3id.org/kg-news/entity/Russia"), Literal("Russia")]]), end="")
    s          | label
    -----------+-------
    ent:Russia | Russia
    (1 row)
    """
    cells = [[cell_text(term) for term in row] for row in rows]
    widths = [
        max([display_width(name), *(display_width(row[index]) for row in cells)])
        for index, name in enumerate(columns)
    ]
    lines = [
        " | ".join(_pad(name, width) for name, width in zip(columns, widths)).rstrip(),
        "-+-".join("-" * width for width in widths),
        *(" | ".join(_pad(text, width) for text, width in zip(row, widths)).rstrip() for row in cells),
        f"({len(cells)} row{'' if len(cells) == 1 else 's'})",
    ]
    return "\n".join(lines) + "\n"
