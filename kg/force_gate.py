"""The learned force gate: whether a FIGHT/ASSAULT/COERCE reading of a statement is a use of force.

The rules of :func:`kg.events.force_event` read the verb, its phrase and its arguments; a force
reading that passes them can still be figurative, political, a plan or a misparse in ways no
one rule sees.  This gate scores each such statement with a logistic regression over features of
its record (:func:`features`: the verb's classes in :mod:`kg.events`, the kinds of subject and
object, modality, attribution, pronouns, a headline, and cue words of the sentence: war, sport,
elections, business, law, speech, plans, claims), and when the probability that the reading is
wrong is above a threshold the statement keeps no force class (it stays a statement).

The weights and the threshold are in ``kg/data/force_gate.json``, written by
``bench/train_force_gate.py`` from the force statements judged by hand
(``bench/events_force_judged*.tsv``, keyed by article id and offsets, never the text);
bench/README.md reports its leave-one-sample-out figures.  Scoring is plain Python: a dot
product and a logistic.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import events

WEIGHTS = Path(__file__).resolve().parent / "data" / "force_gate.json"

# Argument kinds by entity type (the record knows no head token; kg.relations.argument_kind is finer).
KINDS = {"Person": "person", "Country": "state", "Organization": "body", "Group": "body", "ArmedGroup": "armed",
         "Location": "place", "Concept": "thing"}
# CAMEO sectors of armed agents and of government.
ARMED_SECTORS = frozenset("COP INS MIL REB SPY UAF".split())
GOVERNMENT_SECTORS = frozenset("GOV JUD LEG".split())
PRONOUNS = frozenset("he him she her it they them we us i me who which that".split())
# Words of a sentence that say what it is about: one feature per kind, the share of up to three words.
CUES: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "sport": "game games match season team teams coach league player players win won victory score scored goal "
             "championship cup fans tournament",
    "election": "election elections campaign candidate candidates voters vote votes poll polls primary ballot nominee debate",
    "business": "company companies shares market markets stock investors deal deals profit revenue bank billion million "
                "sales firm trade tariff tariffs prices",
    "politics": "congress senate house republicans democrats lawmakers bill legislation impeachment party partisan policy",
    "speech": "said says told called criticized criticised accused denounced blasted statement interview tweet tweeted "
              "twitter wrote",
    "war": "troops military army forces soldiers militants rebels airstrike airstrikes strike strikes bomb bombing killed "
           "wounded attack attacks war fighting gunmen police",
    "plan": "plan plans planned would could might may will threat threatened threatens if unless whether considering proposed",
    "law": "court judge lawsuit ruling trial prosecutors charged charges indicted sentenced law",
    "claim": "allegedly alleged allegation allegations claims claimed accused accusation reportedly",
    "order": "ordered order orders authorized approved",
}.items()}
VERB_CLASSES = (("figurative_force", events.FIGURATIVE_FORCE), ("contest", events.CONTEST),
                ("figurative_harm", events.FIGURATIVE_HARM), ("bodily", events.BODILY_VIOLENCE),
                ("grave", events.GRAVE_VIOLENCE), ("seizure", events.SEIZURE_VERBS),
                ("administrative", events.ADMINISTRATIVE), ("destruction", events.DESTRUCTION_VERBS))
_WORD = re.compile(r"[a-z][a-z'-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def _naming(prefix: str, argument: Mapping[str, Any]) -> dict[str, float]:
    """How the argument's words name its node: by its head word ("the Houthi rebels" → Yemen does not;
    "President Trump" → Donald Trump does), or not at all (a pronoun, a description)."""
    words = _words(argument.get("text") or "")
    node = set(_words(argument.get("label") or argument.get("id") or ""))
    named = [w for w in words if w in node or any(len(w) > 3 and n.startswith(w[:4]) for n in node)]
    actor = argument.get("type") not in (None, "Concept")
    return {f"{prefix}:head_names_node": float(bool(words) and words[-1] in named),
            f"{prefix}:actor_unnamed": float(actor and not named),
            f"{prefix}:actor_by_modifier": float(actor and bool(named) and words[-1] not in named)}


def features(record: Mapping[str, Any]) -> dict[str, float]:
    """The named features of a statement record (the form written to statements.jsonl).

    >>> record = {"sentence": "Troops attacked the town.", "subject": {"text": "Troops", "id": "troop", "type": "Concept"},
    ...           "predicate": {"text": "attacked", "lemma": "attack", "event": "FIGHT"},
    ...           "object": {"text": "the town", "id": "town", "type": "Concept"}}
    >>> sorted(name for name in features(record) if name.startswith(("pair", "cue", "event")))
    ['cue:war', 'event=FIGHT', 'pair=thing>thing']
    """
    predicate, subject, obj = record["predicate"], record["subject"], record.get("object")
    lemma = (predicate.get("lemma") or "").split()
    verb = lemma[0] if lemma else ""
    sentence = set(_words(record.get("sentence") or ""))
    subject_kind = KINDS.get(subject.get("type"), "other")
    object_kind = KINDS.get(obj.get("type"), "other") if obj else "none"
    code = subject.get("code") or ""
    confidence = float(record.get("confidence", 0.5))
    out: dict[str, float] = {
        "bias": 1.0,
        "confidence": confidence,
        f"event={predicate.get('event') or 'none'}": 1.0,
        f"modality={record.get('modality') or 'none'}": 1.0,
        f"gated={record.get('gated') or 'none'}": 1.0,
        "attributed": float(record.get("attributed_to") is not None),
        "from_title": float(bool(record.get("from_title"))),
        "verb:phrasal": float(len(lemma) > 1),
        f"pair={subject_kind}>{object_kind}": 1.0,
        f"subject={subject_kind}": 1.0,
        f"object={object_kind}": 1.0,
        "subject:pronoun": float(" ".join(_words(subject.get("text") or "")) in PRONOUNS),
        "subject:armed_code": float(code[3:6] in ARMED_SECTORS),
        "subject:government_code": float(code[3:6] in GOVERNMENT_SECTORS),
        "subject:act_noun": float(events.noun_event_type(subject.get("id") or "") in events.FORCE_EVENTS),
        "sentence:first_person": float(bool({"i", "we", "my", "our"} & sentence)),
        "sentence:question": float("?" in (record.get("sentence") or "")),
        "sentence:long": float(len(_words(record.get("sentence") or "")) > 35),
    }
    out.update(_naming("subject", subject))
    for name, verbs in VERB_CLASSES:
        out[f"verb:{name}"] = float(verb in verbs)
    if obj:
        head = (obj.get("id") or "").lower().split()
        out.update({"object:pronoun": float(" ".join(_words(obj.get("text") or "")) in PRONOUNS),
                    "object:act_noun": float(events.noun_event_type(obj.get("id") or "") in events.FORCE_EVENTS),
                    "object:weapon": float(events.is_weapon(obj.get("id") or "")),
                    "object:physical": float(bool(head) and events.singular(head[-1]) in events.PHYSICAL_TARGETS)})
        out.update(_naming("object", obj))
    for name, cue in CUES.items():
        hits = len(cue & sentence)
        if hits:
            out[f"cue:{name}"] = min(hits, 3) / 3
    return {name: value for name, value in out.items() if value}


@lru_cache(maxsize=1)
def model() -> Mapping[str, Any]:
    """The shipped weights and threshold (kg/data/force_gate.json)."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def probability_wrong(record: Mapping[str, Any], weights: Mapping[str, float] | None = None) -> float:
    """P(the force reading is wrong) by the logistic model (``weights`` or the shipped ones)."""
    weights = model()["weights"] if weights is None else weights
    z = sum(weights.get(name, 0.0) * value for name, value in features(record).items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def rejects(record: Mapping[str, Any]) -> bool:
    """Whether the gate takes the force class off a statement record (P(wrong) above the threshold);
    statements of other classes pass."""
    if (record.get("predicate") or {}).get("event") not in events.FORCE_EVENTS:
        return False
    shipped = model()
    return probability_wrong(record, shipped["weights"]) > shipped["threshold"]
