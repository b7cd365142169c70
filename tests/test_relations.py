"""Each dependency rule on hand-built parses: no model, one row per construction."""
from __future__ import annotations

import pytest

from conftest import parsed
from kg.entities import EntityResolver
from kg.relations import statements_from_sentence


def extract(nlp, spec, ents=()):
    doc = parsed(nlp, spec, ents)
    resolver = EntityResolver(nlp)
    resolver.annotate(doc)
    return [s for sentence in doc.sents for s in statements_from_sentence(sentence, resolver, doc_id="t")]


def facts(statements):
    return {
        (s.subject.entity.id, s.predicate.lemma, s.object.entity.id, s.negated, s.modality,
         s.attributed_to.entity.id if s.attributed_to else None)
        for s in statements
    }


ROWS = [
    pytest.param(
        # active with a direct object
        "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1",
        (), {("Russia", "attack", "Syria", False, None, None)}, id="active"),
    pytest.param(
        # passive: "Syria was attacked by Russia" → Russia – attack – Syria
        "Syria|PROPN|nsubjpass|2 was|AUX|auxpass|2|be attacked|VERB|ROOT|2|attack by|ADP|agent|2 Russia|PROPN|pobj|3 .|PUNCT|punct|2",
        (), {("Russia", "attack", "Syria", False, None, None)}, id="passive"),
    pytest.param(
        # negation with a future auxiliary and a prepositional object
        "The|DET|det|2 United|PROPN|compound|2 States|PROPN|nsubj|5 will|AUX|aux|5 not|PART|neg|5 cooperate|VERB|ROOT|5 "
        "with|ADP|prep|5 Russia|PROPN|pobj|6 .|PUNCT|punct|5",
        (), {("United States", "cooperate with", "Russia", True, "future", None)}, id="negated-future-prep"),
    pytest.param(
        # modal auxiliary: "Iraq may also request Russian strikes"
        "Iraq|PROPN|nsubj|3 may|AUX|aux|3 also|ADV|advmod|3 request|VERB|ROOT|3 Russian|ADJ|amod|5 strikes|NOUN|dobj|3|strike .|PUNCT|punct|3",
        (), {("Iraq", "request", "strike", False, "possible", None)}, id="modal-possible"),
    pytest.param(
        # prepositional object after a direct object: "launched rockets at IS" → object IS
        "Russia|PROPN|nsubj|1 launched|VERB|ROOT|1|launch rockets|NOUN|dobj|1|rocket at|ADP|prep|1 IS|PROPN|pobj|3 .|PUNCT|punct|1",
        (), {("Russia", "launch at", "Islamic State", False, None, None)}, id="prep-object"),
    pytest.param(
        # conjoined subjects are split: "Iran and Iraq condemned Turkey"
        "Iran|PROPN|nsubj|3 and|CCONJ|cc|0 Iraq|PROPN|conj|0 condemned|VERB|ROOT|3|condemn Turkey|PROPN|dobj|3 .|PUNCT|punct|3",
        (), {("Iran", "condemn", "Turkey", False, None, None), ("Iraq", "condemn", "Turkey", False, None, None)}, id="conjoined-subjects"),
    pytest.param(
        # conjoined verbs share the subject; negation stays with its own verb
        "Russia|PROPN|nsubj|1 struck|VERB|ROOT|1|strike Syria|PROPN|dobj|1 and|CCONJ|cc|1 did|AUX|aux|6|do not|PART|neg|6 "
        "attack|VERB|conj|1 Iraq|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("Russia", "strike", "Syria", False, None, None), ("Russia", "attack", "Iraq", True, None, None)}, id="conjoined-verbs"),
    pytest.param(
        # xcomp with "wants": the complement is intended, not done
        "Iraq|PROPN|nsubj|1 wants|VERB|ROOT|1|want Moscow|PROPN|dobj|1 to|PART|aux|4 attack|VERB|xcomp|1 Syria|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("Russia", "attack", "Syria", False, "intended", None)}, id="xcomp-intended"),
    pytest.param(
        # a refusal governs its complement: reported as a refusal, never as the act
        "Turkey|PROPN|nsubj|1 refused|VERB|ROOT|1|refuse to|PART|aux|3 help|VERB|xcomp|1 Syria|PROPN|dobj|3 .|PUNCT|punct|1",
        (), {("Turkey", "refuse", "Syria", False, None, None)}, id="refusal"),
    pytest.param(
        # attribution: "…, Carter said" makes Carter the source of the claim
        "Iran|PROPN|nsubj|1 attacked|VERB|ccomp|6|attack Iraq|PROPN|dobj|1 ,|PUNCT|punct|6 Ash|PROPN|compound|5 Carter|PROPN|nsubj|6 "
        "said|VERB|ROOT|6|say .|PUNCT|punct|6",
        [(4, 6, "PERSON")], {("Iran", "attack", "Iraq", False, None, "Ashton Carter")}, id="attribution-said"),
    pytest.param(
        # "according to" attribution
        "Russia|PROPN|nsubj|1 bombed|VERB|ROOT|1|bomb Syria|PROPN|dobj|1 ,|PUNCT|punct|1 according|VERB|prep|1 to|ADP|prep|4 "
        "Iraqi|ADJ|amod|7 officials|NOUN|pobj|5|official .|PUNCT|punct|1",
        (), {("Russia", "bomb", "Syria", False, None, "Iraq")}, id="attribution-according-to"),
    pytest.param(
        # metonymy: "Russian warships" act for Russia
        "Russian|ADJ|amod|1 warships|NOUN|nsubj|2|warship shelled|VERB|ROOT|2|shell Syria|PROPN|dobj|2 .|PUNCT|punct|2",
        (), {("Russia", "shell", "Syria", False, None, None)}, id="metonymy-agent"),
    pytest.param(
        # nominal event: "Washington's refusal to share intelligence"
        "Washington|PROPN|poss|2 's|PART|case|0 refusal|NOUN|nsubj|6 to|PART|aux|4 share|VERB|acl|2 intelligence|NOUN|dobj|4 "
        "angered|VERB|ROOT|6|anger Russia|PROPN|dobj|6 .|PUNCT|punct|6",
        (), {("United States", "refusal", "share intelligence", False, None, None)}, id="nominal-refusal"),
    pytest.param(
        # nominal event with a prepositional target: "Russian strikes on IS"
        "Russian|ADJ|amod|1 strikes|NOUN|nsubj|5|strike on|ADP|prep|1 IS|PROPN|pobj|2 have|AUX|aux|5 continued|VERB|ROOT|5|continue .|PUNCT|punct|5",
        (), {("Russia", "strike on", "Islamic State", False, None, None)}, id="nominal-strike"),
    pytest.param(
        # requested complement: "asked Russia to launch strikes"
        "Iraq|PROPN|nsubj|1 asked|VERB|ROOT|1|ask Russia|PROPN|dobj|1 to|PART|aux|4 launch|VERB|xcomp|1 strikes|NOUN|dobj|4|strike .|PUNCT|punct|1",
        (), {("Iraq", "ask", "Russia", False, None, None), ("Russia", "launch", "strike", False, "requested", None)}, id="xcomp-requested"),
]


@pytest.mark.parametrize("spec, ents, expected", ROWS)
def test_rule(blank_nlp, spec, ents, expected):
    found = facts(extract(blank_nlp, spec, ents))
    assert expected <= found, f"missing {expected - found}; got {found}"


def test_conditional_clause_is_hedged(blank_nlp):
    # "If Turkey attacks Syria, Iran will respond": the attack is conditional
    spec = ("If|SCONJ|mark|2 Turkey|PROPN|nsubj|2 attacks|VERB|advcl|7|attack Syria|PROPN|dobj|2 ,|PUNCT|punct|7 Iran|PROPN|nsubj|7 "
            "will|AUX|aux|7 respond|VERB|ROOT|7 to|ADP|prep|7 Turkey|PROPN|pobj|8 .|PUNCT|punct|7")
    found = facts(extract(blank_nlp, spec))
    assert ("Turkey", "attack", "Syria", False, "conditional", None) in found
    assert ("Iran", "respond to", "Turkey", False, "future", None) in found


def test_negated_or_hedged_is_never_plain(blank_nlp):
    spec = ("The|DET|det|2 United|PROPN|compound|2 States|PROPN|nsubj|5 will|AUX|aux|5 not|PART|neg|5 cooperate|VERB|ROOT|5 "
            "with|ADP|prep|5 Russia|PROPN|pobj|6 .|PUNCT|punct|5")
    for statement in extract(blank_nlp, spec):
        assert not statement.asserted


def test_pronoun_resolves_to_last_person(blank_nlp):
    spec = ("Ash|PROPN|compound|1 Carter|PROPN|nsubj|2 visited|VERB|ROOT|2|visit Iraq|PROPN|dobj|2 .|PUNCT|punct|2 "
            "He|PRON|nsubj|6|he criticized|VERB|ROOT|6|criticize Russia|PROPN|dobj|6 .|PUNCT|punct|6")
    found = facts(extract(blank_nlp, spec, [(0, 2, "PERSON")]))
    assert ("Ashton Carter", "criticize", "Russia", False, None, None) in found


def test_offsets_index_the_document(blank_nlp):
    doc = parsed(blank_nlp, "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1")
    resolver = EntityResolver(blank_nlp)
    resolver.annotate(doc, offset=100)
    [statement] = [s for sent in doc.sents for s in statements_from_sentence(sent, resolver, doc_id="t", offset=100)]
    assert (statement.start, statement.end) == (100, 100 + len(doc.text.rstrip()))
