"""kg/learned_gate.py: the features of a statement record, the logistic score, the gate's
decision inside kg.gate, and the shipped weights as bench/train_gate.py writes them."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kg import gate, learned_gate
from kg.types import GATE_REASONS, Argument, Entity, Predicate, Statement

ROOT = Path(__file__).resolve().parent.parent


def record(subject=("Russia", "Russia", "Country"), predicate=("struck", "strike", "ASSAULT"),
           obj=("Ukraine", "Ukraine", "Country"), sentence="Russia struck Ukraine on Sunday.", **more) -> dict:
    """A statement record as in statements.jsonl; each argument (text, node id, type)."""
    def argument(spec):
        return None if spec is None else {"text": spec[0], "id": spec[1], "label": spec[1], "type": spec[2]}
    return {"doc": "d", "sentence": sentence, "start": 0, "end": len(sentence), "subject": argument(subject),
            "predicate": {"text": predicate[0], "lemma": predicate[1], "event": predicate[2]}, "object": argument(obj),
            "negated": False, "modality": None, "attributed_to": None, "confidence": 0.6, **more}


@pytest.mark.parametrize("rec, present, absent", [
    # a plain fact between two named actors: nothing suspicious
    (record(), {"bias", "subject:type=Country", "object:type=Country", "predicate:event", "rule=pass", "order:subject_first"},
     {"subject:pronoun", "subject:actor_unnamed", "sentence:question"}),
    # "He said …" with "he" resolved to someone the sentence does not name, and another name in it
    (record(subject=("he", "Barack Obama", "Person"), sentence="Mr. Zhou said he conducted one study."),
     {"subject:pronoun", "subject:pronoun_actor_far", "subject:pronoun_other_name"}, {"subject:actor_unnamed"}),
    # a name resolved to a node its words do not name: "Piedmont" → Italy
    (record(subject=("Piedmont", "Italy", "Country"), sentence="Piedmont struck Ukraine."),
     {"subject:actor_unnamed"}, {"subject:pronoun"}),
    # an acronym or a clipped name names its node: "the Fed", "ADB"
    (record(subject=("The Fed", "Federal Reserve Board", "Organization"), sentence="The Fed struck Ukraine."),
     set(), {"subject:actor_unnamed", "subject:description_actor"}),
    (record(subject=("ADB", "Asian Development Bank", "Organization"), sentence="ADB struck Ukraine."),
     set(), {"subject:actor_unnamed"}),
    # a description that stands for an actor it does not name: "the two" → Natasha Stoynoff
    (record(subject=("the two", "Natasha Stoynoff", "Person"), sentence="She said the two struck Ukraine."),
     {"subject:description_actor", "subject:actor_unnamed", "subject:lowercase"}, set()),
    # the copula, a question, a negation the predicate's words do not show, no object
    (record(predicate=("is", "be", None), obj=None, sentence="Is Russia ready?", negated=True),
     {"predicate:copula", "sentence:question", "negated", "negated_unmarked", "object:none"}, {"predicate:event"}),
    # "would" read as a condition with no "if"; the rules' reason is a feature
    (record(modality="conditional", sentence="Russia would strike Ukraine."),
     {"modality=conditional", "conditional_without_if"}, {"modality=none"}),
])
def test_features(rec, present, absent):
    found = learned_gate.features(rec, None)
    assert present <= set(found)
    assert not absent & set(found)
    assert all(value != 0 for value in found.values())


def test_the_rules_reason_is_a_feature():
    assert "rule=low-confidence" in learned_gate.features(record(), "low-confidence")
    assert "rule=pass" not in learned_gate.features(record(), "low-confidence")


@pytest.mark.parametrize("weights, expected", [
    ({}, 0.5),                                  # no evidence either way
    ({"bias": 2.0}, 0.8808),                    # logistic(2)
    ({"bias": -1.0, "subject:pronoun": 3.0}, 0.2689),  # a feature the record lacks adds nothing
])
def test_probability_is_the_logistic_of_the_weighted_features(weights, expected):
    assert learned_gate.probability_wrong(record(), None, weights) == pytest.approx(expected, abs=1e-4)


STRIKE = Statement(doc="d", sentence="Russia struck Ukraine on Sunday.", start=0, end=32,
                   subject=Argument("Russia", Entity("Russia", "Russia", "Country")),
                   predicate=Predicate("struck", "strike", "ASSAULT"),
                   object=Argument("Ukraine", Entity("Ukraine", "Ukraine", "Country")), confidence=0.6)
HE = Statement(doc="d", sentence="Mr. Zhou said he struck Ukraine.", start=0, end=32,
               subject=Argument("he", Entity("Barack Obama", "Barack Obama", "Person")),
               predicate=Predicate("struck", "strike", "ASSAULT"),
               object=Argument("Ukraine", Entity("Ukraine", "Ukraine", "Country")), confidence=0.6)
# a model that finds a pronoun resolved far away likely wrong, and nothing else
PRONOUN_MODEL = {"threshold": 0.5, "weights": {"bias": -2.0, "subject:pronoun_actor_far": 4.0}}


@pytest.mark.parametrize("statement, confidence, expected", [
    (STRIKE, 0.6, None),           # passes the rules and the model
    (HE, 0.6, "learned"),          # passes the rules, the model finds it likely wrong
    (HE, 0.1, "low-confidence"),   # a rule holds first: the rule's reason is recorded
])
def test_the_learned_gate_asks_only_about_what_the_rules_pass(monkeypatch, statement, confidence, expected):
    monkeypatch.setattr(learned_gate, "model", lambda: PRONOUN_MODEL)
    from dataclasses import replace
    found = gate.gate_reason(replace(statement, confidence=confidence))
    assert found == expected
    assert found is None or found in GATE_REASONS


def test_a_learned_gated_statement_is_kept_but_not_asserted(monkeypatch):
    monkeypatch.setattr(learned_gate, "model", lambda: PRONOUN_MODEL)
    marked = gate.gated(HE)
    assert marked.gated == "learned" and marked.id == HE.id
    assert marked.to_record()["gated"] == "learned"
    assert not marked.asserted
    assert gate.gated(STRIKE) is STRIKE


def test_the_shipped_model_is_what_the_training_script_writes():
    """kg/data/learned_gate.json is bench/train_gate.py's output on bench/judged/gate_features.jsonl."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import train_gate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    shipped = json.loads((ROOT / "kg" / "data" / "learned_gate.json").read_text(encoding="utf-8"))
    trained = train_gate.fit(train_gate.read_rows(), verbose=False)
    assert trained["threshold"] == shipped["threshold"] and trained["penalty"] == shipped["penalty"]
    assert trained["labels"] == shipped["labels"]
    assert trained["weights"].keys() == shipped["weights"].keys()
    assert all(abs(trained["weights"][name] - shipped["weights"][name]) < 1e-5 for name in shipped["weights"])


def test_the_shipped_model_scores_every_feature_it_knows():
    shipped = learned_gate.model()
    assert 0 < shipped["threshold"] < 1
    assert set(learned_gate.features(record(), None)) <= set(shipped["weights"])
