"""kg/force_gate.py: the features of a force statement's record, the decision to hold its class
back, the record that shows it, and the shipped weights as bench/train_force_gate.py writes them."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bench_module

from kg import force_gate
from kg.types import Argument, Entity, Predicate, Statement

ROOT = Path(__file__).resolve().parent.parent


def record(subject=("Troops", "troop", "Concept"), predicate=("attacked", "attack", "FIGHT"), obj=("the town", "town", "Concept"),
           sentence="Troops attacked the town.", **more) -> dict:
    """A statement record as in statements.jsonl; each argument (text, node id, type)."""
    def argument(spec):
        return None if spec is None else {"text": spec[0], "id": spec[1], "label": spec[1], "type": spec[2]}
    text, lemma, event = predicate
    return {"doc": "d", "sentence": sentence, "start": 0, "end": len(sentence), "subject": argument(subject),
            "predicate": {"text": text, "lemma": lemma, "event": event}, "object": argument(obj),
            "negated": False, "modality": None, "attributed_to": None, "confidence": 0.6, **more}


@pytest.mark.parametrize("rec, present, absent", [
    # the words: verb, head nouns of concepts, the sentence's words but its function words
    (record(), {"verb=attack", "subject_head=troop", "object_head=town", "word=troops", "word=attacked", "word=town",
                "event=FIGHT", "pair=thing>thing", "cue:war", "object:physical"},
     {"word=the", "lemma=attack", "from_title", "attributed"}),
    # a phrasal verb is named whole, besides its verb; a named actor gives its type, not a head noun
    (record(subject=("Russia", "Russia", "Country"), predicate=("blew up", "blow up", "COERCE"),
            obj=("power lines", "power line", "Concept"), sentence="Russia blew up power lines."),
     {"verb=blow", "lemma=blow up", "subject=state", "object_head=line", "subject:head_names_node"},
     {"subject_head=russia", "verb:phrasal"}),
    (record(obj=("Obama", "Barack Obama", "Person"), sentence="Troops attacked Obama."),
     {"object_head=Person", "object=person", "object:head_names_node"}, {"object_head=barack obama", "object:physical"}),
    # a pronoun, a headline, a claim, an attribution
    (record(subject=("he", "Donald Trump", "Person"), sentence="He attacked the town.", from_title=True,
            modality="claimed", attributed_to={"text": "police", "id": "police", "label": "police", "type": "Concept"}),
     {"subject:pronoun", "subject:actor_unnamed", "from_title", "modality=claimed", "attributed"}, {"modality=none"}),
    # the class the rules gave is read from gated_event once the gate held it back
    (record(predicate=("attacked", "attack", None)) | {"predicate": {"text": "attacked", "lemma": "attack", "event": None,
                                                                      "gated_event": "FIGHT"}},
     {"event=FIGHT"}, {"event=none"}),
    # no object: no object features
    (record(obj=None, sentence="Troops attacked."), {"object=none", "pair=thing>none"}, {"object:physical", "object:pronoun"}),
    # words of sport, elections, speech
    (record(sentence="In the game, the team attacked the town, the coach said."), {"cue:sport", "cue:speech"}, set()),
])
def test_features(rec, present, absent):
    named = force_gate.features(rec)
    assert present <= set(named), present - set(named)
    assert not absent & set(named), absent & set(named)
    assert named["bias"] == 1.0 and all(value for value in named.values())


def test_force_class_is_the_class_before_the_gate():
    assert force_gate.force_class(record()) == "FIGHT"
    held = record()
    held["predicate"] = {"text": "attacked", "lemma": "attack", "event": None, "gated_event": "ASSAULT"}
    assert force_gate.force_class(held) == "ASSAULT"
    assert force_gate.force_class(record(predicate=("met", "meet", "CONSULT"))) == "CONSULT"


def statement(event: str | None, sentence: str = "Troops attacked the town.") -> Statement:
    return Statement("d", sentence, 0, len(sentence), Argument("Troops", Entity("troop", "troop", "Concept")),
                     Predicate("attacked", "attack", event), Argument("the town", Entity("town", "town", "Concept")))


@pytest.fixture
def hand_model(monkeypatch):
    """A model that finds a force reading wrong when the sentence speaks of a campaign."""
    model = {"threshold": 0.5, "weights": {"bias": -2.0, "word=campaign": 8.0}}
    monkeypatch.setattr(force_gate, "model", lambda: model)
    return model


@pytest.mark.parametrize("event, sentence, kept", [
    ("FIGHT", "Troops attacked the town.", "FIGHT"),                     # P low: the class stays
    ("FIGHT", "Troops attacked the town in the campaign.", None),        # P high: held back
    ("ASSAULT", "Troops attacked the town in the campaign.", None),
    ("CONSULT", "Troops attacked the town in the campaign.", "CONSULT"),  # not a force class: never touched
    (None, "Troops attacked the town in the campaign.", None),
])
def test_checked_holds_back_a_likely_wrong_force_class(hand_model, event, sentence, kept):
    before = statement(event, sentence)
    after = force_gate.checked(before)
    assert after.predicate.event == kept
    assert after.id == before.id and after.subject == before.subject and after.object == before.object
    held = event if event in ("FIGHT", "ASSAULT") and kept is None else None
    assert after.predicate.gated_event == held
    assert ("gated_event" in after.to_record()["predicate"]) == (held is not None)
    if held:
        assert after.to_record()["predicate"] == {"text": "attacked", "lemma": "attack", "event": None, "gated_event": held}
        assert not after.gated  # the statement itself stays on the graph, without the class


def test_a_statement_without_a_held_class_has_the_record_it_had():
    assert statement("FIGHT").to_record()["predicate"] == {"text": "attacked", "lemma": "attack", "event": "FIGHT"}


# -- the shipped model --------------------------------------------------------------------------


def train_force_gate():
    return bench_module("train_force_gate")


def test_the_shipped_model_is_the_scripts_output_on_its_features():
    """kg/data/force_gate.json is bench/train_force_gate.py's fit on bench/force_gate_features.jsonl
    (its penalty as shipped: the choice of penalty repeats many fits)."""
    script = train_force_gate()
    shipped = force_gate.model()
    rows = script.training(script.judged.read_jsonl(script.FEATURES))
    weights = script.train(rows, shipped["penalty"])
    assert shipped["threshold"] == script.threshold_for(rows, script.out_of_fold(rows, shipped["penalty"]))
    assert weights.keys() == shipped["weights"].keys()
    assert all(abs(weights[name] - shipped["weights"][name]) < 1e-5 for name in shipped["weights"])
    assert shipped["samples"] == sorted({row["sample"] for row in rows})


@pytest.mark.parametrize("rows, expected", [
    # (right, P(wrong)) of force rows: the largest threshold whose kept rows are 80 % right
    ([(1, 0.1), (1, 0.2), (1, 0.3), (1, 0.4), (0, 0.45)], 0.5),     # 4/5 kept right at 0.5 already
    ([(1, 0.1), (1, 0.2), (1, 0.3), (0, 0.4), (0, 0.45)], 0.39),    # 3/3 only below 0.4
    ([(0, 0.1), (1, 0.2), (1, 0.6)], 0.3),                          # never: the lowest threshold
])
def test_threshold_for(rows, expected):
    script = train_force_gate()
    force = [{"right": right, "force": True} for right, _ in rows] + [{"right": 0, "force": False}]
    assert script.threshold_for(force, [p for _, p in rows] + [0.0]) == expected


def test_the_gate_never_trains_on_a_blind_sample():
    script = train_force_gate()
    assert script.BLIND and not script.BLIND & set(force_gate.model()["samples"])
    rows = script.judged.read_jsonl(script.FEATURES)
    assert script.BLIND <= {row["sample"] for row in rows}  # scored, not trained on
    assert not script.BLIND & {row["sample"] for row in script.training(rows)}


def test_every_label_file_is_in_the_repository():
    script = train_force_gate()
    for name in script.LABELS.values():
        text = (ROOT / "bench" / name).read_text(encoding="utf-8")
        assert text.startswith("#") and "\ndoc\tstart\tend\tstatement\tevent\tright" in text


# -- with the real model: made-up sentences, the class as the shipped gate leaves it ---------------

@pytest.mark.parametrize("sentence, rules, kept", [
    # acts of force the gate lets through
    ("Russian jets bombed rebel positions near Aleppo.", "FIGHT", True),
    ("The militants kidnapped three aid workers in Mali.", "ASSAULT", True),
    ("Police arrested two men after the shooting in Dallas.", "COERCE", True),
    # words of force for politics and law, which the rules let through: the class is held back
    ("Washington politicians have hurt taxpayers for years.", "ASSAULT", False),
    ("Mueller indicted the former adviser last week.", "COERCE", False),
], ids=lambda value: value[:40] if isinstance(value, str) else None)
def test_the_shipped_gate_with_the_model(nlp_model, sentence, rules, kept):
    from kg.extraction import extract

    forced = [s for s in extract(sentence) if (s.predicate.gated_event or s.predicate.event) == rules]
    assert forced, sentence
    assert all((s.predicate.event == rules) == kept and (s.predicate.gated_event is None) == kept for s in forced), sentence
