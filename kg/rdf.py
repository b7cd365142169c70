"""Statement records → RDF quads, and quads → files.

One named graph per document (named by the document IRI) holds everything read from it:
the document's metadata, a ``kg:Statement`` node per statement, the descriptions of the
entities and relations it uses, and — for asserted statements only (not negated, no
modality) — the direct triple ``<subject> <relation> <object>``.  So ``?s ?p ?o`` over
relations never returns a refusal or a maybe, and dropping a document graph removes the
document cleanly.

Records are the JSON form of :class:`kg.types.Statement` and ``Document.to_record()``.

The build itself — when it ran and which version of kg ran it — is kept out of the
document graphs, so that the same input gives byte-identical files on every run:
:func:`build_quads` describes it in a small graph of its own (``build.trig``).
"""
from __future__ import annotations

import logging
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg import __version__
from kg.errors import InputError, KGError
from kg.ontology import (
    BUILD_GRAPH,
    BUILD_NS,
    ENTITY_CLASSES,
    KG,
    PREFIXES,
    SOFTWARE_NS,
    document_iri,
    entity_iri,
    event_iri,
    iri_segment,
    modality_iri,
    relation_iri,
    statement_iri,
)

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
PROV = "http://www.w3.org/ns/prov#"
PROV_DERIVED = NamedNode(PROV + "wasDerivedFrom")
SCHEMA_VERSION = NamedNode("https://schema.org/softwareVersion")
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")
DCT_SOURCE = NamedNode("http://purl.org/dc/terms/source")
DCT_DATE = NamedNode("http://purl.org/dc/terms/date")
XSD = "http://www.w3.org/2001/XMLSchema#"
WIKIDATA = "http://www.wikidata.org/entity/"

BUILD_RECORD = "build.trig"  # the build record beside the outputs (see build_quads)

# file extension → pyoxigraph format; ttl and nt hold the union of the document graphs.
FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
}

_WIKIDATA_ID = re.compile(r"(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)")
_XSD_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?"
)


def _node(iri: str) -> NamedNode:
    return NamedNode(iri)


def _kg(term: str) -> NamedNode:
    return NamedNode(str(KG[term]))


def text_literal(text: Any) -> Literal:
    """An xsd:string; lone surrogates (possible after ``json.loads``) become U+FFFD."""
    clean = str(text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return Literal(clean)


def decimal_literal(value: Any) -> Literal:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"confidence must be a finite number, got {value!r}")
    return Literal(format(Decimal(repr(number)), "f"), datatype=NamedNode(XSD + "decimal"))


def date_literal(text: str) -> Literal:
    """xsd:date or xsd:dateTime when ``text`` is one, else a plain string."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and date.fromisoformat(text):
            return Literal(text, datatype=NamedNode(XSD + "date"))
        if _XSD_DATETIME.fullmatch(text) and datetime.fromisoformat(text):
            return Literal(text, datatype=NamedNode(XSD + "dateTime"))
    except ValueError:
        pass  # looks like a date but is not one (2024-02-30): keep the text
    return text_literal(text)


def document_quads(record: dict[str, Any]) -> Iterator[Quad]:
    """The kg:Document node, in its own graph."""
    node = _node(document_iri(record["id"]))
    yield Quad(node, RDF_TYPE, _kg("Document"), node)
    for key, predicate in (("title", DCT_TITLE), ("source", DCT_SOURCE)):
        if record.get(key):
            yield Quad(node, predicate, text_literal(record[key]), node)
    if record.get("date"):
        yield Quad(node, DCT_DATE, date_literal(str(record["date"])), node)
    if record.get("sha256"):
        yield Quad(node, _kg("sha256"), text_literal(record["sha256"]), node)
    if record.get("chars") is not None:
        yield Quad(node, _kg("chars"), Literal(int(record["chars"])), node)


def entity_quads(argument: dict[str, Any], graph: NamedNode) -> Iterator[Quad]:
    """Type, label, actor code, role, affiliation and Wikidata link of the entity an argument denotes."""
    node = _node(entity_iri(argument["id"]))
    yield Quad(node, RDF_TYPE, _node(str(ENTITY_CLASSES.get(argument.get("type"), KG.Entity))), graph)
    yield Quad(node, RDFS_LABEL, text_literal(argument.get("label") or argument["id"]), graph)
    if argument.get("code"):
        yield Quad(node, _kg("actorCode"), text_literal(argument["code"]), graph)
    if argument.get("role"):
        yield Quad(node, _kg("role"), text_literal(argument["role"]), graph)
    if argument.get("affiliation"):
        yield Quad(node, _kg("affiliation"), _node(entity_iri(argument["affiliation"])), graph)
    wikidata = _WIKIDATA_ID.fullmatch(str(argument.get("wikidata") or ""))
    if wikidata:
        yield Quad(node, OWL_SAME_AS, _node(WIKIDATA + wikidata.group(1)), graph)
    elif argument.get("wikidata"):
        logger.warning("ignoring wikidata %r of %r: not a Q-id", argument["wikidata"], argument["id"])


def relation_quads(predicate: dict[str, Any], graph: NamedNode) -> Iterator[Quad]:
    """The kg:Relation named after the lemma, with its event type."""
    node = _node(relation_iri(predicate["lemma"]))
    yield Quad(node, RDF_TYPE, _kg("Relation"), graph)
    yield Quad(node, RDFS_LABEL, text_literal(predicate["lemma"]), graph)
    if predicate.get("event"):
        yield Quad(node, _kg("eventType"), _node(event_iri(predicate["event"])), graph)


def is_asserted(record: dict[str, Any]) -> bool:
    """A plain positive fact: the only kind of statement that becomes a direct triple."""
    return not record.get("negated", False) and record.get("modality") is None


def direct_quad(record: dict[str, Any], graph: NamedNode) -> Quad:
    return Quad(
        _node(entity_iri(record["subject"]["id"])),
        _node(relation_iri(record["predicate"]["lemma"])),
        _node(entity_iri(record["object"]["id"])),
        graph,
    )


def statement_quads(record: dict[str, Any], graph: NamedNode) -> Iterator[Quad]:
    """The kg:Statement node: what was said, how it was hedged, who said it, and where."""
    node = _node(statement_iri(record["id"]))
    predicate = record["predicate"]
    negated = record.get("negated", False)
    if not isinstance(negated, bool):
        raise ValueError(f"negated must be true or false, got {negated!r}")

    def quad(term: str, value: NamedNode | Literal) -> Quad:
        return Quad(node, _kg(term), value, graph)

    yield Quad(node, RDF_TYPE, _kg("Statement"), graph)
    yield quad("subject", _node(entity_iri(record["subject"]["id"])))
    yield quad("relation", _node(relation_iri(predicate["lemma"])))
    yield quad("object", _node(entity_iri(record["object"]["id"])))
    yield quad("subjectText", text_literal(record["subject"]["text"]))
    yield quad("predicateText", text_literal(predicate["text"]))
    yield quad("predicateLemma", text_literal(predicate["lemma"]))
    yield quad("objectText", text_literal(record["object"]["text"]))
    if predicate.get("event"):
        yield quad("eventType", _node(event_iri(predicate["event"])))
    yield quad("negated", Literal(negated))
    if record.get("modality") is not None:
        yield quad("modality", _node(modality_iri(record["modality"])))
    speaker = record.get("attributed_to")
    if speaker:
        yield quad("attributedTo", _node(entity_iri(speaker["id"])))
        yield quad("attributedToText", text_literal(speaker["text"]))
    yield quad("confidence", decimal_literal(record.get("confidence", 0.5)))
    yield quad("sentence", text_literal(record["sentence"]))
    yield quad("start", Literal(int(record["start"])))
    yield quad("end", Literal(int(record["end"])))
    yield Quad(node, PROV_DERIVED, graph, graph)


def _statement_all_quads(record: dict[str, Any], graph: NamedNode) -> tuple[list[Quad], list[Quad]]:
    """(statement quads, description quads that may repeat across statements)."""
    described = [
        *entity_quads(record["subject"], graph),
        *entity_quads(record["object"], graph),
        *relation_quads(record["predicate"], graph),
    ]
    if record.get("attributed_to"):
        described += entity_quads(record["attributed_to"], graph)
    if is_asserted(record):
        described.append(direct_quad(record, graph))
    return list(statement_quads(record, graph)), described


def _as_record(item: Any) -> dict[str, Any]:
    return item.to_record() if hasattr(item, "to_record") else item


def quads(documents: Iterable[Any], statements: Iterable[Any]) -> Iterator[Quad]:
    """All quads for the documents and statements (records, or objects with ``to_record``).

    Each document's quads come just before its first statement, so statements grouped by
    document give one contiguous block per graph.  A statement whose document is not in
    ``documents`` still gets a bare ``kg:Document`` node.  Repeated descriptions (an
    entity used twice in one document) are written once per graph.

    >>> statement = {"id": "1", "doc": "d", "sentence": "A hit B.", "start": 0, "end": 8,
    ...     "subject": {"text": "A", "id": "A", "label": "A", "type": "Country"},
    ...     "predicate": {"text": "hit", "lemma": "hit", "event": "ASSAULT"},
    ...     "object": {"text": "B", "id": "B", "label": "B", "type": "Country"},
    ...     "negated": False, "modality": None, "attributed_to": None, "confidence": 0.8}
    >>> len(list(quads([], [statement])))
    24
    """
    pending = {record["id"]: record for record in map(_as_record, documents)}
    started: set[str] = set()
    seen: set[Quad] = set()
    for item in statements:
        record = _as_record(item)
        try:
            graph = _node(document_iri(record["doc"]))
            own, described = _statement_all_quads(record, graph)
        except (KeyError, TypeError, ValueError) as error:
            where = record.get("id", "?") if isinstance(record, dict) else "?"
            raise InputError(f"statement {where}: bad record ({type(error).__name__}: {error})") from error
        if record["doc"] not in started:
            started.add(record["doc"])
            if record["doc"] in pending:
                yield from document_quads(pending.pop(record["doc"]))
            else:
                yield Quad(graph, RDF_TYPE, _kg("Document"), graph)
        for quad in described:
            if quad not in seen:
                seen.add(quad)
                yield quad
        yield from own
    for record in pending.values():
        yield from document_quads(record)


# --- the build record -------------------------------------------------------------------


def build_time() -> datetime:
    """Now (UTC, whole seconds), or ``SOURCE_DATE_EPOCH`` when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise KGError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, got {epoch!r}") from None
    return datetime.now(timezone.utc).replace(microsecond=0)


def _xsd_datetime(moment: datetime) -> Literal:
    moment = moment.astimezone(timezone.utc).replace(microsecond=0, tzinfo=None)
    return Literal(moment.isoformat() + "Z", datatype=NamedNode(XSD + "dateTime"))


def build_quads(
    documents: Iterable[Any], *, ended: datetime, started: datetime | None = None, version: str = __version__
) -> Iterator[Quad]:
    """The build as a ``prov:Activity`` in the graph :data:`kg.ontology.BUILD_GRAPH`.

    It ended at ``ended``, was run by the ``prov:SoftwareAgent`` kg at ``version`` and
    used each document.  The document graphs stay free of times, so they are identical
    across builds of the same input.

    >>> from datetime import datetime, timezone
    >>> [q.predicate.value.rsplit("#", 1)[-1] for q in build_quads(
    ...     [{"id": "a"}], ended=datetime(2024, 3, 1, tzinfo=timezone.utc), version="1.0")]
    ['type', 'label', 'endedAtTime', 'wasAssociatedWith', 'used', 'type', 'label', 'https://schema.org/softwareVersion']
    """
    graph = NamedNode(BUILD_GRAPH)
    stamp = ended.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    activity = NamedNode(BUILD_NS + stamp)
    agent = NamedNode(SOFTWARE_NS + iri_segment(version))
    yield Quad(activity, RDF_TYPE, NamedNode(PROV + "Activity"), graph)
    yield Quad(activity, RDFS_LABEL, text_literal(f"kg build {stamp}"), graph)
    if started is not None:
        yield Quad(activity, NamedNode(PROV + "startedAtTime"), _xsd_datetime(started), graph)
    yield Quad(activity, NamedNode(PROV + "endedAtTime"), _xsd_datetime(ended), graph)
    yield Quad(activity, NamedNode(PROV + "wasAssociatedWith"), agent, graph)
    for record in map(_as_record, documents):
        yield Quad(activity, NamedNode(PROV + "used"), _node(document_iri(record["id"])), graph)
    yield Quad(agent, RDF_TYPE, NamedNode(PROV + "SoftwareAgent"), graph)
    yield Quad(agent, RDFS_LABEL, text_literal(f"kg {version}"), graph)
    yield Quad(agent, SCHEMA_VERSION, text_literal(version), graph)


def write_build_record(path: str | os.PathLike[str], documents: Iterable[Any], *, started: datetime | None = None) -> Path:
    """``build.trig``: :func:`build_quads` for a build ending now (see :func:`build_time`)."""
    return write(path, build_quads(documents, ended=build_time(), started=started), "trig")


# --- files ----------------------------------------------------------------------------


def union_triples(quads_: Iterable[Quad]) -> list:
    """The triples of all graphs, each once, in first-seen order."""
    return list(dict.fromkeys(quad.triple for quad in quads_))


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` only if the block finishes without error."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; give a normal file mode
        with os.fdopen(descriptor, "wb") as output:
            yield output
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# A backslash escape in a prefixed name (`doc:000\%5Fa`, `ent:Acme_Inc\.`) is valid Turtle,
# but Virtuoso 7 keeps the backslash in the IRI.  Outside prefixed names a single
# backslash before these characters cannot occur: string literals double theirs.
_LOCAL_CHAR = rb"(?:[^\s\\,;()\[\]{}<>\"']|\\[-_~.!$&'()*+,;=/?#@%])"
_ESCAPED_NAME = re.compile(
    rb"(?<![^\s,;(\[])([A-Za-z][A-Za-z0-9_.-]*)?:(" + _LOCAL_CHAR + rb"*\\[-_~.!$&'()*+,;=/?#@%]" + _LOCAL_CHAR + rb"*)"
)


def plain_prefixed_names(text: bytes, prefixes: dict[str, str] = PREFIXES) -> bytes:
    r"""Turtle/TriG without backslash escapes in prefixed names, for every parser.

    ``\%`` is dropped (``%5F`` is allowed as it is); a name with any other escape is
    written as a full IRI.

    >>> plain_prefixed_names(b'doc:000\\%5Fa ent:Acme\\. "x ent:y\\\\.z" .')
    b'doc:000%5Fa <https://w3id.org/kg-news/entity/Acme.> "x ent:y\\\\.z" .'
    """

    def plain(match: re.Match) -> bytes:
        prefix, local = (match[1] or b"").decode(), match[2].replace(b"\\%", b"%")
        if b"\\" not in local:
            return (match[1] or b"") + b":" + local
        if prefix not in prefixes:
            return match[0]
        return b"<" + prefixes[prefix].encode() + re.sub(rb"\\(.)", rb"\1", local) + b">"

    return _ESCAPED_NAME.sub(plain, text)


class _PlainPrefixedNames:
    """A binary writer applying :func:`plain_prefixed_names` line by line."""

    def __init__(self, output: IO[bytes], prefixes: dict[str, str]) -> None:
        self.output, self.prefixes, self.pending = output, prefixes, b""

    def write(self, data: bytes) -> int:
        self.pending += bytes(data)
        cut = self.pending.rfind(b"\n") + 1
        if cut:
            self.output.write(plain_prefixed_names(self.pending[:cut], self.prefixes))
            self.pending = self.pending[cut:]
        return len(data)

    def flush(self) -> None:
        pass  # lines are written whole; finish() writes the last one

    def finish(self) -> None:
        self.output.write(plain_prefixed_names(self.pending, self.prefixes))
        self.pending = b""


def write(path: str | os.PathLike[str], quads_: Iterable[Quad], format: str | None = None) -> Path:
    """Serialize quads to ``path`` atomically; ``format`` defaults to the file extension.

    ``ttl`` and ``nt`` hold the union of the document graphs (graph names dropped, each
    triple once); ``nq``, ``trig`` and ``jsonld`` keep one named graph per document.
    """
    target = Path(path)
    name = (format or target.suffix.lstrip(".")).lower()
    if name not in FORMATS:
        raise KGError(f"unknown RDF format {name!r}; use one of {', '.join(FORMATS)}")
    rdf_format = FORMATS[name]
    data = quads_ if rdf_format.supports_datasets else union_triples(quads_)
    with atomic_output(target) as output:
        if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG):
            writer = _PlainPrefixedNames(output, PREFIXES)
            serialize(data, writer, format=rdf_format, prefixes=PREFIXES)
            writer.finish()
        else:
            serialize(data, output, format=rdf_format)
    return target
