"""Checking a build against ``ontology/shapes.ttl`` (SHACL, with pyshacl).

``kg validate output/`` checks what the build holds — the document graphs of its store
and its build record (``build.trig``) — and ``kg validate output/kg.ttl`` checks one RDF
file.  Each violation is one line: focus node, property path, message.  The ontology is
merged into the data first: it supplies the subclass hierarchy behind ``sh:class
kg:Entity`` and the typing of the event-type concepts.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.errors import InputError, KGError, one_line
from kg.ontology import ONTOLOGY_PATH, SHAPES_PATH, shorten_iri
from kg.files import native_path
from kg.outputs import BuildFolder
from kg.rdf import FORMATS
from kg.store import open_store

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

SH = Namespace("http://www.w3.org/ns/shacl#")
RDF_SUFFIXES = {f".{name}": rdf_format for name, rdf_format in FORMATS.items()} | {
    ".turtle": RdfFormat.TURTLE, ".json": RdfFormat.JSON_LD, ".rdf": RdfFormat.RDF_XML, ".owl": RdfFormat.RDF_XML,
}


class ValidationFailed(KGError):
    """The data does not conform to the shapes (exit code 1; the violations are printed)."""


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    message: str

    def line(self) -> str:
        return f"{self.focus}  {self.path}  {self.message}"


@dataclass
class ValidationReport:
    source: Path
    triples: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations

    def lines(self) -> list[str]:
        return [violation.line() for violation in self.violations]

    def summary(self) -> str:
        if self.conforms:
            return f"{self.source}: conforms ({self.triples} triples checked against {SHAPES_PATH.name})"
        return f"{self.source}: {len(self.violations)} violation(s) of {SHAPES_PATH.name} in {self.triples} triples"


# --- reading the data -----------------------------------------------------------------


def _ntriples_of_file(path: Path) -> bytes:
    rdf_format = RDF_SUFFIXES.get(path.suffix.lower())
    if rdf_format is None:
        raise InputError(f"{path}: not an RDF file kg reads ({', '.join(sorted(RDF_SUFFIXES))})")
    try:
        # One in-memory store: the union of a dataset's graphs, each triple once.
        store = Store()
        store.bulk_load(path=native_path(path), format=rdf_format, to_graph=DefaultGraph())
        if rdf_format.supports_datasets:
            store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    except (SyntaxError, ValueError) as error:
        raise InputError(f"{path}: not valid {rdf_format.name}: {one_line(str(error), 300)}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None


def _ntriples_of_build(folder: Path) -> bytes:
    # The store's default graph is the union of its document graphs (see kg.store).
    build = BuildFolder(folder).require()
    data = open_store(build.store).dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    record = build.build_record
    if record.is_file():
        data += _ntriples_of_file(record)
    return data


def data_graph(path: str | os.PathLike[str]) -> Graph:
    """The triples to check: an output folder's store and build record, or one RDF file."""
    source = Path(path)
    if source.is_file():
        data = _ntriples_of_file(source)
    elif source.suffix.lower() in RDF_SUFFIXES:
        raise InputError(f"no such file: {source}")
    else:  # a build folder, or where one should be: the same error as every command's (exit 3)
        data = _ntriples_of_build(source)
    graph = Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


# --- checking -------------------------------------------------------------------------


def _short(node: Node | None) -> str:
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        return shorten_iri(str(node))
    if isinstance(node, Literal):
        text = " ".join(str(node).split())
        return '"' + (text if len(text) <= 60 else text[:59] + "…") + '"'
    return f"_:{node}"


def _message(results: Graph, result: Node) -> str:
    """pyshacl's message, with its long IRIs and ``Literal(...)`` spelled short."""
    message = str(results.value(result, SH.resultMessage) or "")
    message = re.sub(r"<(https?://[^>\s]+)>", lambda m: shorten_iri(m[1]), message)
    message = re.sub(r"\b(https?://[^\s,)>]+)", lambda m: shorten_iri(m[1]).strip("<>"), message)
    message = re.sub(r' on \S+->\S+$', "", message)  # the focus node and path, said already
    message = re.sub(r'Literal\("((?:[^"\\]|\\.)*)"(?:, [^()]*)?\)', r"\1", message)
    component = results.value(result, SH.sourceConstraintComponent)
    name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent") if component else "Shape"
    value = results.value(result, SH.value)
    if value is not None and _short(value) not in message:
        message += f" (value {_short(value)})"
    return f"{name}: {' '.join(message.split())}"


def violations(data: Graph, *, shapes: str | os.PathLike[str] = SHAPES_PATH,
               ontology: str | os.PathLike[str] = ONTOLOGY_PATH) -> list[Violation]:
    """The SHACL violations of ``data`` (merged with the ontology in place), sorted."""
    try:
        import pyshacl
    except ImportError:
        raise KGError("kg validate needs pyshacl: pip install pyshacl") from None
    for needed in (shapes, ontology):
        if not Path(needed).is_file():
            raise KGError(f"{needed} is missing: kg validate runs from a source checkout")
    data.parse(ontology, format="turtle")
    shapes_graph = Graph().parse(shapes, format="turtle")
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", allow_warnings=True)
    found = {
        Violation(_short(results.value(result, SH.focusNode)), _short(results.value(result, SH.resultPath)),
                  _message(results, result))
        for result in results.subjects(RDF.type, SH.ValidationResult)
    }
    return sorted(found)


def validate(path: str | os.PathLike[str] = "output") -> ValidationReport:
    """Check an output folder of ``kg build`` (or one RDF file) against the SHACL shapes.

    >>> report = validate("output")  # doctest: +SKIP
    >>> report.conforms, report.lines()  # doctest: +SKIP
    (True, [])
    """
    data = data_graph(path)
    triples = len(data)
    report = ValidationReport(source=Path(path), triples=triples, violations=violations(data))
    logger.info("%s", report.summary())
    return report
