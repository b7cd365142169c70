"""Frozen records passed between the stages of the pipeline.

documents → nlp → entities → statements → rdf → store / view.  Every stage after
extraction reads :class:`Statement` records through their JSON form
(``statements.jsonl``), which is the stable contract of the tool.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article: ``text`` is the whole text, title line included, so offsets index it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "sha256": self.sha256,
            "chars": len(self.text),
        }


@dataclass(frozen=True)
class Entity:
    """A canonical node. ``id`` is stable and readable ("Russia", "Islamic State")."""

    id: str
    label: str
    type: str
    code: str | None = None
    wikidata: str | None = None
    role: str | None = None  # a person's office as written in the text ("Defense Secretary")
    affiliation: str | None = None  # id of the entity a person or body belongs to ("United States")


@dataclass(frozen=True)
class Argument:
    """A subject or object as written (``text``) and the node it denotes (``entity``)."""

    text: str
    entity: Entity

    def to_record(self) -> dict[str, Any]:
        record = {
            "text": self.text,
            "id": self.entity.id,
            "label": self.entity.label,
            "type": self.entity.type,
        }
        if self.entity.code:
            record["code"] = self.entity.code
        # optional keys, present only when known (additive to the statements.jsonl contract)
        for key in ("wikidata", "role", "affiliation"):
            value = getattr(self.entity, key)
            if value:
                record[key] = value
        return record


@dataclass(frozen=True)
class Predicate:
    text: str
    lemma: str
    event: str | None = None
    # a force class the learned force gate held back (kg/force_gate.py); ``event`` is then None
    gated_event: str | None = None

    def to_record(self) -> dict[str, Any]:
        record = {"text": self.text, "lemma": self.lemma, "event": self.event}
        if self.gated_event is not None:
            record["gated_event"] = self.gated_event  # present only when held back (additive to the contract)
        return record


# The closed set of modalities; None means a plain assertion.  Documented in ontology/README.md.
MODALITIES = ("possible", "future", "intended", "requested", "conditional", "obligated", "claimed")
# Why the precision gate keeps a statement off the graph (kg/gate.py, one rule each, and the
# learned gate of kg/learned_gate.py last);
# documented in README.md and ontology/README.md.
GATE_REASONS = ("self-loop", "fragment", "name-predicate", "pronoun", "empty-predicate", "circumstance", "located-actor", "people-for-person", "generic-actor", "low-confidence",
                "learned")


def statement_kind(record: Any) -> str:
    """What a statement says: ``negated`` (it did not happen), ``hedged`` (it may, will, was
    wanted or claimed…) or ``asserted`` (it happened).  Takes a statement record (or any
    mapping with ``negated`` and ``modality``) or a :class:`Statement`."""
    if isinstance(record, Mapping):
        negated, modality = record.get("negated", False), record.get("modality")
    else:
        negated, modality = record.negated, record.modality
    if negated:
        return "negated"
    return "hedged" if modality is not None else "asserted"


def is_asserted(record: Any, *, gated_too: bool = False) -> bool:
    """The one test of what becomes a direct triple and a plain edge: a positive, unhedged
    statement that passed the precision gate (``gated_too``, as ``--all`` asks, lets
    gated statements through as well)."""
    gate = record.get("gated") if isinstance(record, Mapping) else record.gated
    return statement_kind(record) == "asserted" and (gated_too or not gate)


@dataclass(frozen=True)
class Statement:
    doc: str
    sentence: str
    start: int
    end: int
    subject: Argument
    predicate: Predicate
    object: Argument | None  # None for an event without one: "workers demonstrated", "X resigned"
    negated: bool = False
    modality: str | None = None
    attributed_to: Argument | None = None
    confidence: float = 0.5
    # When it happened (kg.dates): the date the sentence states, or the article's date;
    # date_source says which ("text" or "article"), date_text gives the words stated.
    date: str | None = None
    date_source: str | None = None
    date_text: str | None = None
    id: str = field(default="")
    gated: str | None = None  # why the precision gate keeps it off the graph (kg/gate.py)
    # read from the article's headline (kg/headlines.py): ``sentence`` is the headline, and
    # ``start``/``end`` its place in the text, or 0 and 0 when the text does not hold it
    from_title: bool = False
    # What the extractor saw when it read the statement and a record does not keep (how the
    # subject was found, how far the verb is from its arguments, whose quotation it is:
    # kg.learned_gate.parse_features), for the learned gate; internal, never written out.
    clues: tuple[tuple[str, float], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.modality is not None and self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}")
        if self.gated is not None and self.gated not in GATE_REASONS:
            raise ValueError(f"unknown gate reason {self.gated!r}")
        if not self.id:
            object.__setattr__(self, "id", statement_id(self))

    @property
    def asserted(self) -> bool:
        """True for a plain positive fact that passed the gate: the kind that becomes a direct triple."""
        return is_asserted(self)

    def with_gate(self, reason: str) -> Statement:
        """The same statement (same id), marked as kept off the graph for ``reason``."""
        return replace(self, gated=reason)

    def to_record(self) -> dict[str, Any]:
        record = {
            "id": self.id,
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject.to_record(),
            "predicate": self.predicate.to_record(),
            "object": self.object.to_record() if self.object is not None else None,
            "negated": self.negated,
            "modality": self.modality,
            "attributed_to": self.attributed_to.to_record() if self.attributed_to else None,
            "confidence": round(self.confidence, 3),
            "date": self.date,
            "date_source": self.date_source,
            "date_text": self.date_text,
        }
        if self.gated is not None:
            record["gated"] = self.gated  # present only on gated statements (additive to the contract)
        if self.from_title:
            record["from_title"] = True  # present only on statements read from the headline (additive)
        return record


def statement_id(statement: Statement) -> str:
    """A hash of what the statement says and where, so ids are stable across runs."""
    key = "\x1f".join(
        [
            statement.doc,
            str(statement.start),
            statement.subject.text,
            statement.subject.entity.id,
            statement.predicate.text,
            statement.object.text if statement.object is not None else "",
            statement.object.entity.id if statement.object is not None else "",
            str(statement.negated),
            str(statement.modality),
            *(["title"] if statement.from_title else []),  # ids of other statements stay as they were
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """The records of a JSON-lines file a build wrote (statements.jsonl, documents.jsonl), streaming."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
