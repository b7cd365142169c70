"""kg: an offline knowledge-graph builder for news.

>>> import kg
>>> report = kg.build(["examples/"], out="output")          # doctest: +SKIP
>>> kg.extract("Russia struck Islamic State targets in Syria.")  # doctest: +SKIP
>>> print(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", out="output"))  # doctest: +SKIP
"""
from __future__ import annotations

import logging
import os

__version__ = "0.1.0"
__all__ = ["build", "extract", "query", "KGError", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

from kg.errors import KGError  # noqa: E402


def build(paths, *, out: str | os.PathLike = "output", formats=("ttl",), quiet: bool = True, strict: bool = False, workers: int = 1,
          aliases: str | os.PathLike | None = None, stop: str | os.PathLike | None = None,
          cluster: str | None = None, parts: str | os.PathLike | None = None):
    """Build statements, RDF, the embedded store and the page from articles; see ``kg build``
    (``aliases`` and ``stop`` are its ``--aliases`` and ``--stop`` files).

    ``cluster="local:4"`` or ``"tcp://HOST:8786"`` parses on a Dask cluster (``kg[cluster]``);
    with it, ``parts=DIR`` has the workers write gzip N-Quads part files into DIR instead of ``out``.
    """
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    if parts is not None:
        if cluster is None:
            raise KGError("parts= needs cluster=: the part files are written by the cluster's workers")
        from kg.cluster import build_parts

        return build_parts(paths, parts=parts, cluster=cluster, quiet=quiet, strict=strict, aliases=aliases, stop=stop)
    from kg.pipeline import build as _build

    return _build(paths, out=out, formats=formats, quiet=quiet, strict=strict, workers=workers, aliases=aliases, stop=stop,
                  cluster=cluster)


def extract(text: str, *, doc_id: str = "text"):
    """The statements of one text, as :class:`kg.types.Statement` records; no store."""
    from kg.extraction import extract as _extract

    return _extract(text, doc_id=doc_id)


def query(sparql: str, *, out: str | os.PathLike = "output", format: str = "table",
          params: dict[str, str] | None = None) -> str:
    """Run SPARQL against the embedded store of a build and return the formatted result.

    ``params`` gives values to the parameters the query declares (see :mod:`kg.sparql`).
    """
    from kg.outputs import BuildFolder
    from kg.sparql import bind_parameters
    from kg.store import query as _query

    return _query(bind_parameters(sparql, params), store=BuildFolder(out).require().store, format=format)
