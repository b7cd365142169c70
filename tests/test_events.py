"""Predicate → event type: one row per predicate, then the table and its generator."""
from __future__ import annotations

import functools
import importlib.util
import sys
import time
from pathlib import Path

import pytest

from kg import events
from kg.events import EVENT_TYPES, event_type, noun_event_type

ROOT = Path(__file__).resolve().parent.parent
CAMEO = ROOT.parent / "shared" / "data" / "actors" / "raw" / "CAMEO.2.0.txt"

# (lemma, particle, object lemma, expected type)
VERB_ROWS = [
    # conventional force is CAMEO 19/20 → FIGHT; unconventional violence is 18 → ASSAULT
    ("strike", None, None, "FIGHT"),
    ("attack", None, None, "FIGHT"),
    ("bomb", None, None, "FIGHT"),
    ("shell", None, None, "FIGHT"),
    ("clash", None, None, "FIGHT"),
    ("launch", None, "rocket", "FIGHT"),
    ("launch", None, "attack", "FIGHT"),
    ("carry", "out", "airstrike", "FIGHT"),
    ("carry", "out", "bombing", "ASSAULT"),
    ("kidnap", None, None, "ASSAULT"),
    ("assassinate", None, None, "ASSAULT"),
    # diplomacy
    ("meet", None, None, "CONSULT"),
    ("meet", "with", None, "CONSULT"),
    ("visit", None, None, "CONSULT"),
    ("discuss", None, None, "CONSULT"),
    ("hold", None, "talks", "CONSULT"),
    ("agree", None, None, "AGREE"),
    ("sign", None, None, "AGREE"),
    ("sign", None, "treaty", "AGREE"),
    ("reach", None, "agreement", "AGREE"),
    ("cooperate", None, None, "COOPERATE"),
    ("collaborate", None, None, "COOPERATE"),
    ("support", None, None, "SUPPORT"),
    ("praise", None, None, "SUPPORT"),
    ("endorse", None, None, "SUPPORT"),
    ("aid", None, None, "AID"),
    ("help", None, None, "AID"),
    ("provide", None, None, "AID"),
    # requests, demands, refusals
    ("request", None, None, "REQUEST"),
    ("ask", None, None, "REQUEST"),
    ("urge", None, None, "REQUEST"),
    ("call", "for", None, "REQUEST"),
    ("call", "for", "ceasefire", "REQUEST"),
    ("demand", None, None, "DEMAND"),
    ("refuse", None, None, "REJECT"),
    ("reject", None, "proposal", "REJECT"),
    ("deny", None, None, "REJECT"),
    ("decline", None, None, "REJECT"),
    ("turn", "down", None, "REJECT"),
    ("condemn", None, None, "DISAPPROVE"),
    ("criticize", None, None, "DISAPPROVE"),
    ("criticise", None, None, "DISAPPROVE"),
    ("accuse", None, None, "DISAPPROVE"),
    ("threaten", None, None, "THREATEN"),
    ("warn", None, None, "THREATEN"),
    # pressure and force
    ("protest", None, None, "PROTEST"),
    ("demonstrate", None, None, "PROTEST"),
    ("sanction", None, None, "SANCTION"),
    ("embargo", None, None, "SANCTION"),
    ("impose", None, "sanctions", "SANCTION"),
    ("cut", None, "ties", "SANCTION"),
    ("expel", None, None, "COERCE"),  # CAMEO 174, expel or deport individuals
    ("expel", None, "diplomats", "SANCTION"),
    ("arrest", None, None, "COERCE"),
    ("detain", None, None, "COERCE"),
    ("mobilize", None, None, "MOBILIZE"),
    ("investigate", None, None, "INVESTIGATE"),
    ("probe", None, None, "INVESTIGATE"),
    ("launch", None, "investigation", "INVESTIGATE"),
    # yielding
    ("withdraw", None, None, "RETREAT"),
    ("withdraw", None, "troops", "RETREAT"),
    ("retreat", None, None, "RETREAT"),
    ("pull", "out", None, "RETREAT"),
    ("pull", "out", "troops", "RETREAT"),
    ("lift", None, "sanctions", "RETREAT"),  # CAMEO 085, ease economic sanctions
    ("concede", None, None, "CONCEDE"),
    ("ease", None, None, "CONCEDE"),
    # no event: speech verbs, copulas, verbs too general to code alone, unknown words
    ("say", None, None, None),
    ("tell", None, None, None),
    ("announce", None, "withdrawal", None),
    ("claim", None, "responsibility", None),
    ("be", None, None, None),
    ("have", None, None, None),
    ("accord", "to", None, None),  # "according to"
    ("go", None, None, None),
    ("want", None, None, None),
    ("sing", None, None, None),
    ("", None, None, None),
    # the dictionary's DELAY block: "table a motion" is postponing it (CAMEO 120)
    ("table", None, None, "REJECT"),
]


@pytest.mark.parametrize("lemma, particle, obj, expected", VERB_ROWS,
                         ids=[" ".join(filter(None, row[:3])) or "empty" for row in VERB_ROWS])
def test_event_type(lemma, particle, obj, expected):
    assert event_type(lemma, particle, obj) == expected


NOUN_ROWS = [
    ("strike", "FIGHT"),
    ("strikes", "FIGHT"),
    ("airstrike", "FIGHT"),
    ("attack", "FIGHT"),
    ("offensive", "FIGHT"),
    ("bombing", "ASSAULT"),
    ("refusal", "REJECT"),
    ("rejection", "REJECT"),
    ("request", "REQUEST"),
    ("appeal", "REQUEST"),
    ("talks", "CONSULT"),
    ("meeting", "CONSULT"),
    ("agreement", "AGREE"),
    ("deal", "AGREE"),
    ("sanctions", "SANCTION"),
    ("aid", "AID"),
    ("assistance", "AID"),
    ("cooperation", "COOPERATE"),
    ("protest", "PROTEST"),
    ("demonstration", "PROTEST"),
    ("investigation", "INVESTIGATE"),
    ("probe", "INVESTIGATE"),
    ("threat", "THREATEN"),
    ("withdrawal", "RETREAT"),
    ("retreat", "RETREAT"),
    ("Cooperation", "COOPERATE"),
    ("table", None),
    ("president", None),
    ("", None),
]


@pytest.mark.parametrize("lemma, expected", NOUN_ROWS, ids=[row[0] or "empty" for row in NOUN_ROWS])
def test_noun_event_type(lemma, expected):
    assert noun_event_type(lemma) == expected


def test_event_types_closed_and_sorted():
    assert list(EVENT_TYPES) == sorted(set(EVENT_TYPES))
    tables = events._tables()
    emitted = {e for table in (tables.verbs, tables.patterns) for e in table.values()} | set(tables.nouns.values())
    assert emitted - {None} <= set(EVENT_TYPES)


def test_inputs_are_case_and_space_insensitive():
    assert event_type(" Pull ", "OUT", "Troops") == event_type("pull", "out", "troop") == "RETREAT"


def test_shipped_table_is_small():
    assert events.TABLE_PATH.stat().st_size < 300_000


def test_lookup_is_fast():
    event_type("strike")  # load once
    start = time.perf_counter()
    for _ in range(10_000):
        event_type("carry", "out", "airstrikes")
    assert time.perf_counter() - start < 1.0


@functools.cache
def _make_verbs():
    """The generator script, loaded from its path (kg/data is not a package)."""
    spec = importlib.util.spec_from_file_location("make_verbs", ROOT / "kg" / "data" / "make_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("word", ["talks", "sanctions", "casualties", "crises", "marches", "boxes", "news", "aid"])
def test_runtime_singular_matches_generator(word):
    assert events._singular(word) == _make_verbs().singular(word)


@pytest.mark.skipif(not CAMEO.exists(), reason="needs the shared CAMEO dictionary")
def test_generator_reproduces_shipped_table(tmp_path):
    output = tmp_path / "verbs.tsv"
    assert _make_verbs().main([str(CAMEO), "--output", str(output)]) == 0
    assert output.read_bytes() == events.TABLE_PATH.read_bytes()
