"""Statement records → RDF quads, and quads → files.

One named graph per document (named by the document IRI) holds everything read from it:
the document's metadata, a ``kg:Statement`` node per statement, the descriptions of the
entities and relations it uses, and — for asserted statements only (not negated, no
modality, not kept back by the precision gate: :func:`kg.types.is_asserted`) — the direct
triple ``<subject> <relation> <object>``.  So ``?s ?p ?o`` over relations never returns a
refusal, a maybe or a fragment, and dropping a document graph removes the document cleanly.
A gated statement's node carries ``kg:gated`` with the reason.

Records are the JSON form of :class:`kg.types.Statement` and ``Document.to_record()``.

The build itself — when it ran and which version of kg ran it — is kept out of the
document graphs, so that the same input gives byte-identical files on every run:
:func:`build_quads` describes it in a small graph of its own (``build.trig``).
"""
from __future__ import annotations

import functools
import logging
import math
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from kg import __version__
from kg.errors import InputError, KGError
from kg.files import AtomicFile, atomic_output
from kg.types import GATE_REASONS, is_asserted
from kg.ontology import (
    BUILD_GRAPH,
    BUILD_NS,
    ENTITY_CLASSES,
    KG,
    KG_NS,
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


def text_literal(text: Any) -> Literal:
    """An xsd:string; lone surrogates (possible after ``json.loads``) become U+FFFD."""
    clean = str(text).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return Literal(clean)


# Quads are written as N-Quads text, one document block at a time: formatting strings is
# several times faster than building pyoxigraph terms in Python, and the text is what the
# store, the files and the cache of an incremental build all take.  :func:`quads` parses
# it back into pyoxigraph terms for callers who want objects.  Every IRI comes from
# :mod:`kg.ontology`, whose segments are percent-encoded, so none needs escaping here.

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_OWL_SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
_PROV_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
_DCT_TITLE = "<http://purl.org/dc/terms/title>"
_DCT_SOURCE = "<http://purl.org/dc/terms/source>"
_DCT_DATE = "<http://purl.org/dc/terms/date>"
_INTEGER = f"^^<{XSD}integer>"
_DECIMAL = f"^^<{XSD}decimal>"
_TRUE, _FALSE = f'"true"^^<{XSD}boolean>', f'"false"^^<{XSD}boolean>'
_ENTITY_CLASSES = {name: f"<{iri}>" for name, iri in ENTITY_CLASSES.items()}
_ENTITY = f"<{KG.Entity}>"
_KG = {term: f"<{KG_NS}{term}>" for term in (
    "Document", "Statement", "Relation", "sha256", "chars", "actorCode", "role", "affiliation", "eventType",
    "subject", "relation", "object", "subjectText", "predicateText", "predicateLemma", "objectText", "negated",
    "modality", "attributedTo", "attributedToText", "confidence", "sentence", "start", "end", "gated",
    "date", "dateSource", "dateText", "articleDate", "textDate", "fromTitle",
)}
# A record's date_source → the kg:DateSource individual.
DATE_SOURCES = {"article": "articleDate", "text": "textDate"}
_CACHE = 1 << 16  # IRIs of entities and relations seen lately: percent-encoding is slow


@functools.lru_cache(maxsize=_CACHE)
def _entity(entity_id: str) -> str:
    return f"<{entity_iri(entity_id)}>"


@functools.lru_cache(maxsize=_CACHE)
def _relation(lemma: str) -> str:
    return f"<{relation_iri(lemma)}>"


@functools.lru_cache(maxsize=1024)
def _event(event: str) -> str:
    return f"<{event_iri(event)}>"


def _string(text: Any) -> str:
    """An N-Quads string literal (xsd:string)."""
    text = str(text)
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"'


def _decimal(value: Any) -> str:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"confidence must be a finite number, got {value!r}")
    return f'"{format(Decimal(repr(number)), "f")}"{_DECIMAL}'


def _date(text: str) -> str:
    """xsd:date or xsd:dateTime when ``text`` is one, else a plain string."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and date.fromisoformat(text):
            return f'"{text}"^^<{XSD}date>'
        if _XSD_DATETIME.fullmatch(text) and datetime.fromisoformat(text):
            return f'"{text}"^^<{XSD}dateTime>'
    except ValueError:
        pass  # looks like a date but is not one (2024-02-30): keep the text
    return _string(text)


def _document_lines(record: dict[str, Any], graph: str) -> list[str]:
    """The kg:Document node, in its own graph."""
    lines = [f"{graph} {_RDF_TYPE} {_KG['Document']} {graph} .\n"]
    for key, predicate in (("title", _DCT_TITLE), ("source", _DCT_SOURCE)):
        if record.get(key):
            lines.append(f"{graph} {predicate} {_string(record[key])} {graph} .\n")
    if record.get("date"):
        lines.append(f"{graph} {_DCT_DATE} {_date(str(record['date']))} {graph} .\n")
    if record.get("sha256"):
        lines.append(f"{graph} {_KG['sha256']} {_string(record['sha256'])} {graph} .\n")
    if record.get("chars") is not None:
        lines.append(f'{graph} {_KG["chars"]} "{int(record["chars"])}"{_INTEGER} {graph} .\n')
    return lines


def _entity_lines(argument: dict[str, Any], graph: str) -> Iterator[str]:
    """Type, label, actor code, role, affiliation and Wikidata link of the entity an argument denotes."""
    node = _entity(argument["id"])
    yield f"{node} {_RDF_TYPE} {_ENTITY_CLASSES.get(argument.get('type'), _ENTITY)} {graph} .\n"
    yield f"{node} {_RDFS_LABEL} {_string(argument.get('label') or argument['id'])} {graph} .\n"
    if argument.get("code"):
        yield f"{node} {_KG['actorCode']} {_string(argument['code'])} {graph} .\n"
    if argument.get("role"):
        yield f"{node} {_KG['role']} {_string(argument['role'])} {graph} .\n"
    if argument.get("affiliation"):
        yield f"{node} {_KG['affiliation']} {_entity(argument['affiliation'])} {graph} .\n"
    wikidata = argument.get("wikidata")
    if wikidata:
        match = _WIKIDATA_ID.fullmatch(str(wikidata))
        if match:
            yield f"{node} {_OWL_SAME_AS} <{WIKIDATA}{match.group(1)}> {graph} .\n"
        else:
            logger.warning("ignoring wikidata %r of %r: not a Q-id", wikidata, argument["id"])


def _relation_lines(predicate: dict[str, Any], graph: str) -> Iterator[str]:
    """The kg:Relation named after the lemma, with its event type."""
    node = _relation(predicate["lemma"])
    yield f"{node} {_RDF_TYPE} {_KG['Relation']} {graph} .\n"
    yield f"{node} {_RDFS_LABEL} {_string(predicate['lemma'])} {graph} .\n"
    if predicate.get("event"):
        yield f"{node} {_KG['eventType']} {_event(predicate['event'])} {graph} .\n"


def _statement_lines(record: dict[str, Any], graph: str) -> list[str]:
    """The kg:Statement node: what was said, how it was hedged, who said it, and where."""
    node = f"<{statement_iri(record['id'])}>"
    predicate, subject, obj = record["predicate"], record["subject"], record.get("object")
    negated = record.get("negated", False)
    if not isinstance(negated, bool):
        raise ValueError(f"negated must be true or false, got {negated!r}")
    values = [
        ("subject", _entity(subject["id"])),
        ("relation", _relation(predicate["lemma"])),
        ("subjectText", _string(subject["text"])),
        ("predicateText", _string(predicate["text"])),
        ("predicateLemma", _string(predicate["lemma"])),
    ]
    if obj is not None:  # an event without an object ("workers demonstrated") has neither
        values[2:2] = [("object", _entity(obj["id"]))]
        values.append(("objectText", _string(obj["text"])))
    if predicate.get("event"):
        values.append(("eventType", _event(predicate["event"])))
    values.append(("negated", _TRUE if negated else _FALSE))
    if record.get("modality") is not None:
        values.append(("modality", f"<{modality_iri(record['modality'])}>"))
    if record.get("gated") is not None:
        if record["gated"] not in GATE_REASONS:
            raise ValueError(f"unknown gate reason {record['gated']!r}")
        values.append(("gated", _string(record["gated"])))
    speaker = record.get("attributed_to")
    if speaker:
        values.append(("attributedTo", _entity(speaker["id"])))
        values.append(("attributedToText", _string(speaker["text"])))
    day = record.get("date")
    if day:
        if not (isinstance(day, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)):
            raise ValueError(f"date must be YYYY-MM-DD, got {day!r}")
        date.fromisoformat(day)
        values.append(("date", f'"{day}"^^<{XSD}date>'))
        source = record.get("date_source")
        if source not in DATE_SOURCES:
            raise ValueError(f"date_source must be one of {', '.join(DATE_SOURCES)}, got {source!r}")
        values.append(("dateSource", _KG[DATE_SOURCES[source]]))
        if record.get("date_text"):
            values.append(("dateText", _string(record["date_text"])))
    values += [
        ("confidence", _decimal(record.get("confidence", 0.5))),
        ("sentence", _string(record["sentence"])),
        ("start", f'"{int(record["start"])}"{_INTEGER}'),
        ("end", f'"{int(record["end"])}"{_INTEGER}'),
    ]
    if record.get("from_title"):
        values.append(("fromTitle", _TRUE))  # read from the headline (kg/headlines.py)
    return [
        f"{node} {_RDF_TYPE} {_KG['Statement']} {graph} .\n",
        *(f"{node} {_KG[term]} {value} {graph} .\n" for term, value in values),
        f"{node} {_PROV_DERIVED} {graph} {graph} .\n",
    ]


def _described_lines(record: dict[str, Any], graph: str, *, keep_gated: bool = False) -> list[str]:
    """What a statement uses and may share with others: entities, relation, the direct triple
    (for a gated statement only with ``keep_gated``; never for an event without an object)."""
    obj = record.get("object")
    asserted = is_asserted(record, gated_too=keep_gated)
    # the relation's event type is the one a plain assertion performs ("will not accept" is a
    # REJECT on its statement, not a type of the relation "accept")
    lines = [*_entity_lines(record["subject"], graph), *(_entity_lines(obj, graph) if obj is not None else ()),
             *_relation_lines(record["predicate"] if is_asserted(record, gated_too=True) else {**record["predicate"], "event": None}, graph)]
    if record.get("attributed_to"):
        lines += _entity_lines(record["attributed_to"], graph)
    if asserted and obj is not None:
        lines.append(f"{_entity(record['subject']['id'])} {_relation(record['predicate']['lemma'])} "
                     f"{_entity(record['object']['id'])} {graph} .\n")
    return lines


def _as_record(item: Any) -> dict[str, Any]:
    return item.to_record() if hasattr(item, "to_record") else item


def document_nquads(doc_id: str, document: dict[str, Any] | None, statements: Iterable[Any], *,
                    keep_gated: bool = False) -> str:
    """The N-Quads of one document's graph: its node (``document``, the record of
    ``Document.to_record()``; a bare ``kg:Document`` without one) and its statements.
    ``keep_gated`` (``kg build --all``) writes the direct triples of gated statements too.

    Descriptions repeated within the document (an entity used twice) are written once.
    A bad statement raises :class:`~kg.errors.InputError` naming it.
    """
    graph = f"<{document_iri(doc_id)}>"
    lines = _document_lines(document, graph) if document is not None else [f"{graph} {_RDF_TYPE} {_KG['Document']} {graph} .\n"]
    seen: set[str] = set()
    for item in statements:
        record = _as_record(item)
        try:
            own, described = _statement_lines(record, graph), _described_lines(record, graph, keep_gated=keep_gated)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            where = record.get("id", "?") if isinstance(record, dict) else "?"
            raise InputError(f"statement {where}: bad record ({type(error).__name__}: {error})") from error
        for line in described:
            if line not in seen:
                seen.add(line)
                lines.append(line)
        lines += own
    return "".join(lines)


def nquads_blocks(documents: Iterable[Any], statements: Iterable[Any], *, keep_gated: bool = False) -> Iterator[tuple[str, str]]:
    """(document id, its N-Quads) per run of statements of one document, then the
    documents that have no statements; see :func:`quads`."""
    pending = {record["id"]: record for record in map(_as_record, documents)}
    run: list[dict[str, Any]] = []
    for item in statements:
        record = _as_record(item)
        if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
            where = record.get("id", "?") if isinstance(record, dict) else "?"
            raise InputError(f"statement {where}: bad record (no document id)")
        if run and record["doc"] != run[0]["doc"]:
            yield run[0]["doc"], document_nquads(run[0]["doc"], pending.pop(run[0]["doc"], None), run, keep_gated=keep_gated)
            run = []
        run.append(record)
    if run:
        yield run[0]["doc"], document_nquads(run[0]["doc"], pending.pop(run[0]["doc"], None), run, keep_gated=keep_gated)
    for doc_id, record in pending.items():
        yield doc_id, document_nquads(doc_id, record, ())


def quads(documents: Iterable[Any], statements: Iterable[Any], *, keep_gated: bool = False) -> Iterator[Quad]:
    """All quads for the documents and statements (records, or objects with ``to_record``).

    One named graph per document: its quads come just before its first statement, so
    statements grouped by document give one contiguous block per graph.  A statement
    whose document is not in ``documents`` still gets a bare ``kg:Document`` node.
    Repeated descriptions (an entity used twice in one document) are written once per graph.

    >>> statement = {"id": "1", "doc": "d", "sentence": "A hit B.", "start": 0, "end": 8,
    ...     "subject": {"text": "A", "id": "A", "label": "A", "type": "Country"},
    ...     "predicate": {"text": "hit", "lemma": "hit", "event": "ASSAULT"},
    ...     "object": {"text": "B", "id": "B", "label": "B", "type": "Country"},
    ...     "negated": False, "modality": None, "attributed_to": None, "confidence": 0.8}
    >>> len(list(quads([], [statement])))
    24
    """
    for _, text in nquads_blocks(documents, statements, keep_gated=keep_gated):
        yield from parse(encode(text), format=RdfFormat.N_QUADS)


def encode(text: str) -> bytes:
    """UTF-8; lone surrogates (possible after ``json.loads``) become U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace").encode("utf-8")


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

    # a name never spans lines: only the few lines with a backslash are searched
    return b"\n".join(_ESCAPED_NAME.sub(plain, line) if b"\\" in line else line for line in text.split(b"\n"))


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


# A quad line's graph term, as :func:`document_nquads` writes it: the last IRI before " .".
# IRIs hold no spaces or quotes, and literals no raw newline, so nothing else can match.
_GRAPH_TERM = re.compile(rb' <[^>\s"]*> \.\n')


def drop_graphs(nquads: bytes) -> bytes:
    """N-Triples from N-Quads whose every line names a graph (as ours do)."""
    return _GRAPH_TERM.sub(b" .\n", nquads)


@functools.cache
def _prefix_header(rdf_format: RdfFormat) -> bytes:
    """What pyoxigraph writes before the first triple when given :data:`PREFIXES`."""
    dummy = Quad(NamedNode("http://example.org/s"), RDF_TYPE, RDFS_LABEL, NamedNode("http://example.org/g"))
    text = serialize([dummy if rdf_format.supports_datasets else dummy.triple], format=rdf_format, prefixes=PREFIXES)
    return text[: text.index(b"<http://example.org/")]


class BlockFile:
    """An RDF file written one document block at a time, in constant memory.

    ``nq`` and ``trig`` keep one named graph per document; ``nt`` and ``ttl`` drop the
    graph names, and a triple two documents share (an entity's label) is written in both
    blocks — the same graph to any RDF reader, and each block depends on its document only.
    The file appears at ``path`` on :meth:`close`, never half-written; :meth:`discard`
    drops it.
    """

    FORMATS = ("nq", "nt", "ttl", "trig")

    def __init__(self, path: str | os.PathLike[str], format: str) -> None:
        if format not in self.FORMATS:
            raise KGError(f"{format} files are not written block by block; use one of {', '.join(self.FORMATS)}")
        self.path, self.format = Path(path), FORMATS[format]
        self._atomic = AtomicFile(self.path)
        self._output = self._atomic.file
        if self.format in (RdfFormat.TURTLE, RdfFormat.TRIG):
            self._output.write(_prefix_header(self.format))

    def add(self, nquads: bytes) -> int:
        """One document's block, from N-Quads as :func:`document_nquads` gives them
        (UTF-8); returns its length in the file, for :meth:`copy` in a later build."""
        if self.format == RdfFormat.N_QUADS:
            block = nquads
        elif self.format == RdfFormat.N_TRIPLES:
            block = drop_graphs(nquads)
        else:
            parsed = parse(nquads, format=RdfFormat.N_QUADS)
            data = parsed if self.format == RdfFormat.TRIG else (quad.triple for quad in parsed)
            text = serialize(data, format=self.format, prefixes=PREFIXES)
            block = b"\n" + plain_prefixed_names(text[len(_prefix_header(self.format)):])
        return self.copy(block)

    def copy(self, block: bytes) -> int:
        """A block as :meth:`add` wrote it into an earlier file of the same format."""
        self._output.write(block)
        return len(block)

    @staticmethod
    def start(format: str) -> int:
        """Where the first block begins in a file of ``format`` (after the prefixes)."""
        rdf_format = FORMATS[format]
        return len(_prefix_header(rdf_format)) if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else 0

    def close(self) -> Path:
        return self._atomic.commit()

    def discard(self) -> None:
        self._atomic.discard()
