"""The learned force gate: whether a FIGHT/ASSAULT/COERCE reading of a statement is likely wrong.

The rules of :func:`kg.events.force_event` keep a force class only where the words can mean force,
but on unseen news about half of what they keep was judged wrong: verbs of force used for words,
politics, business or sport ("Sanders shot back", "the FDA imposed restrictions"), acts that did
not happen, a doer or a target resolved to another actor.  The senses are many and each is rare,
so this gate learns them from the statements judged by hand instead: a logistic regression of
P(the force reading is wrong) over the record's features (:func:`features`: the class, the verb and
the head nouns of its arguments, their kinds, modality, attribution, how the arguments' words name
their nodes, and the words of the sentence).  When P is above the threshold (the one at which the
kept force statements were right 80 % of the time out of fold), the statement keeps
its place but loses the class: ``predicate.event`` becomes None and ``predicate.gated_event`` keeps
the class held back (statements.jsonl shows both; RDF, the page and the queries see no force).

Weights and threshold are in ``kg/data/force_gate.json``, written by ``bench/train_force_gate.py``
from ``bench/events_force_judged*.tsv`` (labels keyed by article id and offsets, never the text);
bench/README.md reports its held-out figures.  Scoring is plain Python: a dot product and a logistic.
"""
from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import events
from kg.learned_gate import probability
from kg.types import Statement

WEIGHTS = Path(__file__).resolve().parent / "data" / "force_gate.json"

# Argument kinds by entity type (a record knows no head token; kg.relations.argument_kind is finer).
KINDS = {"Person": "person", "Country": "state", "Organization": "body", "Group": "people", "ArmedGroup": "armed",
         "Location": "place", "Concept": "thing"}
# CAMEO sectors of government (those of armed agents: kg.events.ARMED_SECTORS).
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
# Words too common to say anything about a sentence's sense.
FUNCTION_WORDS = frozenset("a an and are as at be been by for from had has have he her his i in is it its of on or "
                           "our she said says that the their them they this to was we were which who will with".split())
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


def _head(argument: Mapping[str, Any]) -> str:
    """The head noun of a concept's node ("pro-Western rebel" → rebel), "" for a named actor."""
    words = (argument.get("id") or "").lower().split()
    return events.singular(words[-1]) if argument.get("type") == "Concept" and words else ""


def force_class(record: Mapping[str, Any]) -> str | None:
    """The force class the rules gave the statement, whether or not this gate held it back."""
    predicate = record["predicate"]
    return predicate.get("gated_event") or predicate.get("event")


def features(record: Mapping[str, Any]) -> dict[str, float]:
    """The named features of a statement record (the form written to statements.jsonl).

    >>> record = {"sentence": "Troops attacked the town.", "subject": {"text": "Troops", "id": "troop", "type": "Concept"},
    ...           "predicate": {"text": "attacked", "lemma": "attack", "event": "FIGHT"},
    ...           "object": {"text": "the town", "id": "town", "type": "Concept"}}
    >>> sorted(name for name in features(record) if name.startswith(("pair", "cue", "event", "verb=", "word=")))
    ['cue:war', 'event=FIGHT', 'pair=thing>thing', 'verb=attack', 'word=attacked', 'word=town', 'word=troops']
    """
    predicate, subject, obj = record["predicate"], record["subject"], record.get("object")
    lemma = (predicate.get("lemma") or "").split()
    verb = lemma[0] if lemma else ""
    sentence = set(_words(record.get("sentence") or ""))
    subject_kind = KINDS.get(subject.get("type"), "other")
    object_kind = KINDS.get(obj.get("type"), "other") if obj else "none"
    code = subject.get("code") or ""
    out: dict[str, float] = {
        "bias": 1.0,
        "confidence": float(record.get("confidence", 0.5)),
        f"event={force_class(record) or 'none'}": 1.0,
        f"modality={record.get('modality') or 'none'}": 1.0,
        f"gated={record.get('gated') or 'none'}": 1.0,
        "attributed": float(record.get("attributed_to") is not None),
        "from_title": float(bool(record.get("from_title"))),
        f"pair={subject_kind}>{object_kind}": 1.0,
        f"subject={subject_kind}": 1.0,
        f"object={object_kind}": 1.0,
        "subject:pronoun": float(" ".join(_words(subject.get("text") or "")) in PRONOUNS),
        "subject:armed_code": float(code[3:6] in events.ARMED_SECTORS),
        "subject:government_code": float(code[3:6] in GOVERNMENT_SECTORS),
        "subject:act_noun": float(events.noun_event_type(subject.get("id") or "") in events.FORCE_EVENTS),
        "sentence:first_person": float(bool({"i", "we", "my", "our"} & sentence)),
        "sentence:question": float("?" in (record.get("sentence") or "")),
        "sentence:long": float(len(_words(record.get("sentence") or "")) > 35),
        # the words themselves: the verb, its phrase ("blow up" and "tear into" differ, so no
        # feature for phrasal verbs as such), the head nouns, the sentence's words
        f"verb={verb}": 1.0,
        **({f"lemma={' '.join(lemma)}": 1.0} if len(lemma) > 1 else {}),
        # the preposition that takes the object ("strike in", "fight on", "fire at"): whether the
        # object is the target or only where the act took place
        **({f"preposition={lemma[-1]}": 1.0, f"preposition={lemma[-1]}>{object_kind}": 1.0} if len(lemma) > 1 else {}),
        **({f"subject_head={_head(subject)}": 1.0} if _head(subject) else {}),
        **{f"word={word}": 0.5 for word in sentence - FUNCTION_WORDS},
    }
    out.update(_naming("subject", subject))
    for name, verbs in VERB_CLASSES:
        out[f"verb:{name}"] = float(verb in verbs)
    if obj:
        out.update({"object:pronoun": float(" ".join(_words(obj.get("text") or "")) in PRONOUNS),
                    "object:act_noun": float(events.noun_event_type(obj.get("id") or "") in events.FORCE_EVENTS),
                    "object:weapon": float(events.is_weapon(obj.get("id") or "")),
                    "object:physical": float(_head(obj) in events.PHYSICAL_TARGETS),
                    f"object_head={_head(obj) or obj.get('type')}": 1.0})
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
    return probability(features(record), model()["weights"] if weights is None else weights)


def checked(statement: Statement) -> Statement:
    """``statement`` as it is, or without its force class (held in ``gated_event``) when the
    reading is likely wrong."""
    if statement.predicate.event not in events.FORCE_EVENTS:
        return statement
    if probability_wrong(statement.to_record()) <= model()["threshold"]:
        return statement
    predicate = dataclasses.replace(statement.predicate, event=None, gated_event=statement.predicate.event)
    return dataclasses.replace(statement, predicate=predicate)
