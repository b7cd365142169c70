"""kg/learned_gate.py: the features of a statement record, the logistic score, the gate's
decision inside kg.gate, and the shipped weights as bench/train_gate.py writes them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import bench_module

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
    # an actor reached through its possessor: "Trump's lieutenants" → Donald Trump, "his chamber" → Bill Cassidy
    (record(subject=("Trump\u2019s lieutenants", "Donald Trump", "Person"),
            sentence="Trump\u2019s lieutenants struck Ukraine."),
     {"subject:possessor_node"}, {"subject:actor_unnamed", "object:possessor_node"}),
    (record(obj=("his chamber", "Bill Cassidy", "Person")), {"object:possessor_node"}, {"subject:possessor_node"}),
    # … but not a possessive phrase whose head names the node: "Russia's president Putin" → Vladimir Putin
    (record(subject=("Russia's president Putin", "Vladimir Putin", "Person")), set(), {"subject:possessor_node"}),
    # "it" resolved to an actor (an expletive "It seems …" may be meant); a concept "it" is not
    (record(subject=("It", "NBC News", "Organization"), predicate=("seems", "seem", None)),
     {"subject:it_actor", "subject:pronoun"}, {"object:it_actor"}),
    (record(subject=("it", "plan", "Concept")), {"subject:pronoun"}, {"subject:it_actor"}),
])
def test_features(rec, present, absent):
    found = learned_gate.features(rec, None)
    assert present <= set(found)
    assert not absent & set(found)
    assert all(value != 0 for value in found.values())


@pytest.mark.parametrize("rec, clues, present, absent", [
    # a complement clause ("… said Russia struck Ukraine") credited to no one
    (record(), {"verb:dep=ccomp": 1.0}, {"unattributed_complement", "parse:verb:dep=ccomp"}, set()),
    # … credited to its speaker
    (record(attributed_to={"id": "Barack Obama", "type": "Person"}), {"verb:dep=ccomp": 1.0}, {"attributed"},
     {"unattributed_complement"}),
    # a main clause
    (record(), {"verb:dep=ROOT": 1.0}, {"parse:verb:dep=ROOT"}, {"unattributed_complement"}),
    # a statement made with no parse clues (a quotation's frame read as a demand)
    (record(), {}, set(), {"unattributed_complement"}),
])
def test_features_of_the_record_and_its_clues(rec, clues, present, absent):
    found = learned_gate.features(rec, None, clues)
    assert present <= set(found)
    assert not absent & set(found)


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
    train_gate = train_gate_module()
    shipped = json.loads((ROOT / "kg" / "data" / "learned_gate.json").read_text(encoding="utf-8"))
    trained = train_gate.fit(train_gate.read_rows(), verbose=False)
    assert trained["threshold"] == shipped["threshold"] and trained["penalty"] == shipped["penalty"]
    assert trained["labels"] == shipped["labels"]
    assert trained["weights"].keys() == shipped["weights"].keys()
    assert all(abs(trained["weights"][name] - shipped["weights"][name]) < 1e-5 for name in shipped["weights"])


def train_gate_module():
    return bench_module("train_gate")


def test_the_gate_never_trains_on_a_blind_set():
    """The sets that measure the gate blind are not among those it is trained on."""
    trained = {part for name, listing, labels in train_gate_module().SETS for part in (name, listing, labels)}
    assert not {part.split("/")[0] for part in trained} & {"fresh", "third", "fourth", "fifth", "sixth"}


def test_the_shipped_model_scores_every_feature_it_uses():
    """Every feature the training script weighs that a plain record shows has its weight, and no other."""
    shipped = learned_gate.model()
    used = train_gate_module().used
    assert 0 < shipped["threshold"] < 1
    assert {name for name in learned_gate.features(record(), None) if used(name)} <= set(shipped["weights"])
    assert all(used(name) for name in shipped["weights"])
    assert any(name.startswith("parse:") for name in shipped["weights"])


# -- the features of the parse (kg.learned_gate.parse_features), on a hand-built parse --------

# "Obama said he would meet regional leaders in Paris ."
SAID = ("Obama|PROPN|nsubj|1 said|VERB|ROOT|1 he|PRON|nsubj|4 would|AUX|aux|4 meet|VERB|ccomp|1 "
        "regional|ADJ|amod|6 leaders|NOUN|dobj|4 in|ADP|prep|4 Paris|PROPN|pobj|7 .|PUNCT|punct|1")
OBAMA = Argument("he", Entity("Barack Obama", "Barack Obama", "Person"))
THING = Argument("leaders", Entity("leader", "leader", "Concept"))


@pytest.fixture(scope="module")
def said(blank_nlp):
    from conftest import parsed
    import kg.entities  # noqa: F401  (registers Token._.kg_mention)
    return parsed(blank_nlp, SAID)


def candidate(doc, subject=2, obj=6, verb=4, kind="direct", inherited=False):
    from types import SimpleNamespace
    return SimpleNamespace(kind=kind, inherited_subject=inherited, subject_entity=None, verb=doc[verb],
                           subject=doc[subject], object=None if obj is None else doc[obj])


@pytest.mark.parametrize("a, b, arcs", [(2, 4, 1), (2, 8, 3), (0, 8, 4), (5, 6, 1), (1, 1, 0)])
def test_tree_distance_counts_the_arcs_between_two_tokens(said, a, b, arcs):
    assert learned_gate.tree_distance(said[a], said[b]) == arcs


@pytest.mark.parametrize("spec, speaker, quoted, present, absent", [
    # "he" the verb's own subject, "leaders" its direct object, the speaker named in the sentence
    (dict(), 0, False,
     {"kind=direct": 1, "verb:dep=ccomp": 1, "verb:depth": 1 / 6, "subject:dep=nsubj": 1, "subject:own_clause": 1,
      "subject:arcs": 1 / 8, "object:dep=dobj": 1, "object:own_clause": 1, "object:arcs": 1 / 8,
      "voice:speaker_in_sentence": 1, "sentence:clauses": 2 / 8},
     {"subject:inherited", "subject:after_verb", "subject:far", "object:modifier", "object:preposition",
      "object:before_verb", "voice:carried", "voice:speaker_pronoun", "sentence:tokens>40"}),
    # a modifier taken as the object: "meet regional (leaders)"
    (dict(obj=5), None, False, {"object:dep=other": 1, "object:modifier": 1, "object:arcs": 2 / 8},
     {"object:own_clause", "object:preposition", "voice:speaker_in_sentence"}),
    # a preposition's object, in the words of a speaker carried from a quotation before
    (dict(obj=8, kind="prep"), None, True, {"kind=prep": 1, "object:dep=pobj": 1, "object:preposition": 1, "voice:carried": 1},
     {"object:own_clause", "kind=direct"}),
    # a subject inherited from the governing clause (two arcs away), a pronoun the speaker
    (dict(subject=0, inherited=True), 2, False, {"subject:inherited": 1, "subject:arcs": 2 / 8, "voice:speaker_pronoun": 1},
     {"subject:own_clause", "subject:relative"}),
    # the subject found after the verb, the object before it
    (dict(subject=8, obj=0, verb=1), None, False,
     {"subject:after_verb": 1, "object:before_verb": 1, "verb:dep=ROOT": 1, "subject:arcs": 3 / 8},
     {"verb:depth", "subject:own_clause"}),
])
def test_parse_features(said, spec, speaker, quoted, present, absent):
    found = learned_gate.parse_features(candidate(said, **spec), said[:], None, None,
                                        speaker=None if speaker is None else said[speaker], quoted_by=OBAMA if quoted else None)
    assert {name: found.get(name) for name in present} == pytest.approx(present)
    assert not absent & set(found)


def _dashed(blank_nlp, words, spaces, spec):
    from spacy.tokens import Doc
    import kg.entities  # noqa: F401  (registers Token._.kg_mention)
    heads, deps, pos = zip(*spec)
    return Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=list(heads), deps=list(deps), pos=list(pos))


@pytest.mark.parametrize("words, spaces, subject, obj, verb, present, absent", [
    # "Austin — caused an uproar": a subject taken across a dash (an aside's last conjunct)
    (["Austin", "\u2014", "caused", "an", "uproar"], [True] * 5, 0, 4, 2,
     {"subject:across_dash"}, {"object:across_dash"}),
    # "caused uproar ( Austin )": an object across a bracket
    (["uproar", "caused", "(", "Austin", ")"], [True] * 5, 0, 3, 1, {"object:across_dash"}, {"subject:across_dash"}),
    # "clearer - Trump calls …": a spaced hyphen cuts the sentence
    (["clearer", "-", "Trump", "calls", "us"], [True] * 5, 0, 4, 3, {"subject:across_dash"}, {"object:across_dash"}),
    # "anti-war groups rallied": a hyphen inside a word does not
    (["anti", "-", "war", "groups", "rallied"], [False, False, True, True, True], 0, None, 4, set(),
     {"subject:across_dash"}),
])
def test_an_argument_taken_across_a_dash_or_a_bracket(blank_nlp, words, spaces, subject, obj, verb, present, absent):
    spec = [(verb, "nsubj", "NOUN") if i == subject else (verb, "dobj", "NOUN") if i == obj else
            (verb, "ROOT", "VERB") if i == verb else (verb, "punct", "PUNCT") for i in range(len(words))]
    doc = _dashed(blank_nlp, words, spaces, spec)
    found = learned_gate.parse_features(candidate(doc, subject=subject, obj=obj, verb=verb), doc[:], None, None)
    assert present <= set(found)
    assert not absent & set(found)


class Resolver:
    """A stand-in for kg.entities.EntityResolver: the antecedent it reports."""

    def __init__(self, back, rivals, was_subject, topic):
        self.answer = (back, rivals, was_subject, topic)

    def antecedent_distance(self, head, entity, offset=0):
        return self.answer


@pytest.mark.parametrize("resolver, present, absent", [
    # last named three sentences back, a man of the same agreement named since, more often than Obama
    (Resolver(3, 1, True, False), {"pronoun": 1, "pronoun_far": 1, "pronoun_rival": 1, "pronoun_rivals": 1 / 3,
                                   "pronoun_after_subject": 1, "pronoun_not_topic": 1},
     {"pronoun_new", "pronoun_same_sentence"}),
    # named earlier in its own sentence, no one else to mean
    (Resolver(0, 0, False, True), {"pronoun": 1, "pronoun_same_sentence": 1},
     {"pronoun_far", "pronoun_rival", "pronoun_not_topic", "pronoun_new", "pronoun_after_subject"}),
    # never named before it
    (Resolver(-1, 2, False, True), {"pronoun_new": 1, "pronoun_rivals": 2 / 3}, {"pronoun_not_topic", "pronoun_far"}),
])
def test_how_a_pronouns_node_was_found(said, resolver, present, absent):
    found = learned_gate.how_found(said[2], OBAMA, resolver, 0)
    assert {name: found.get(name) for name in present} == pytest.approx(present)
    assert not absent & set(found)


def test_how_a_named_or_concept_argument_was_found(said):
    assert learned_gate.how_found(said[6], THING, Resolver(3, 1, True, False), 0) == {"concept": 1.0}
    assert learned_gate.how_found(said[2], None, None, 0) == {}


def test_the_first_person_is_its_speaker_not_an_antecedent(blank_nlp):
    from conftest import parsed
    import kg.entities  # noqa: F401
    i = parsed(blank_nlp, "I|PRON|ROOT|0")[0]
    assert learned_gate.how_found(i, OBAMA, Resolver(3, 1, True, False), 0) == {"first_person": 1.0}


def test_the_parse_features_reach_the_model_prefixed():
    found = learned_gate.features(record(), None, {"subject:pronoun_far": 1.0})
    assert found["parse:subject:pronoun_far"] == 1.0
    weights = {"bias": -2.0, "parse:subject:pronoun_far": 4.0}
    assert learned_gate.probability_wrong(record(), None, weights, {"subject:pronoun_far": 1.0}) == pytest.approx(0.8808, abs=1e-4)
    assert learned_gate.probability_wrong(record(), None, weights) == pytest.approx(0.1192, abs=1e-4)


def test_the_gate_reads_a_statements_clues(monkeypatch):
    from dataclasses import replace
    monkeypatch.setattr(learned_gate, "model", lambda: {"threshold": 0.5, "weights": {"bias": -2.0, "parse:subject:pronoun_far": 4.0}})
    assert gate.gate_reason(STRIKE) is None
    clued = replace(STRIKE, clues=(("subject:pronoun_far", 1.0),))
    assert gate.gate_reason(clued) == "learned"
    assert clued == STRIKE and clued.id == STRIKE.id and "clues" not in clued.to_record()


# -- how far back a word's node was named (kg.entities.EntityResolver.antecedent_distance) ---

def test_antecedent_distance(blank_nlp):
    from conftest import parsed
    from kg.entities import EntityResolver
    obama, biden = Entity("Barack Obama", "Barack Obama", "Person"), Entity("Joe Biden", "Joe Biden", "Person")
    pelosi = Entity("Nancy Pelosi", "Nancy Pelosi", "Person")
    resolver = EntityResolver(blank_nlp)
    resolver.sentence_starts = [0, 30, 60, 90]
    resolver.history = [(5, obama), (35, biden), (62, pelosi), (70, obama)]
    resolver.subjects = {5}
    resolver.genders = {"Nancy Pelosi": "f"}
    resolver.mention_counts.update({"Barack Obama": 3, "Joe Biden": 1, "Nancy Pelosi": 5})
    he = parsed(blank_nlp, "he|PRON|ROOT|0")[0]
    # "he" in the fourth sentence: Obama last named in the third (at 70, no subject), Biden a man named since
    # the second; Pelosi is no "he"
    assert resolver.antecedent_distance(he, obama, offset=95) == (1, 1, False, True)
    # before the mention at 70: Obama three sentences back, as a subject
    assert resolver.antecedent_distance(he, obama, offset=65) == (2, 1, True, True)
    # a description of a person: any other person counts, and Pelosi is named more often
    the_leader = parsed(blank_nlp, "leader|NOUN|ROOT|0")[0]
    assert resolver.antecedent_distance(the_leader, obama, offset=95) == (1, 2, False, False)
    # never named before
    assert resolver.antecedent_distance(he, obama, offset=2)[0] == -1


def test_an_extracted_statement_carries_its_parse_clues(nlp_model):
    """With the model: the extractor keeps what it saw on the statement, for the gate, not in the record."""
    from kg.extraction import extract
    found = [s for s in extract("Russia struck Ukraine on Sunday. It said it would strike again.") if s.predicate.lemma == "strike"]
    assert found
    clues = dict(found[0].clues)
    assert clues["kind=direct"] == 1.0 and clues["subject:named"] == 1.0 and clues["subject:own_clause"] == 1.0
    assert "clues" not in found[0].to_record()
