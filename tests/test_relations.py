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
        # "… and Carter said …" with a reported clause of its own is a second statement, not attribution
        "Iran|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Iraq|PROPN|dobj|1 and|CCONJ|cc|1 Ash|PROPN|compound|5 Carter|PROPN|nsubj|6 "
        "said|VERB|conj|1|say Syria|PROPN|nsubj|8 helped|VERB|ccomp|6|help Turkey|PROPN|dobj|8 .|PUNCT|punct|1",
        [(4, 6, "PERSON")], {("Iran", "attack", "Iraq", False, None, None), ("Syria", "help", "Turkey", False, None, "Ashton Carter")},
        id="coordinated-speech-is-no-attribution"),
    pytest.param(
        # "A, and B, X told reporters" parsed with "told" a conjunct of A and B its clause: both are X's
        "Greece|PROPN|nsubj|2 not|PART|neg|2 accepted|VERB|ROOT|2|accept Turkey|PROPN|dobj|2 ,|PUNCT|punct|2 and|CCONJ|cc|2 "
        "Athens|PROPN|nsubj|7 asked|VERB|ccomp|12|ask Brussels|PROPN|dobj|7 ,|PUNCT|punct|12 Ash|PROPN|compound|11 Carter|PROPN|nsubj|12 "
        "told|VERB|conj|2|tell reporters|NOUN|dobj|12 .|PUNCT|punct|2",
        [(10, 12, "PERSON")], {("Greece", "accept", "Turkey", True, None, "Ashton Carter"), ("Greece", "ask", "Belgium", False, None, "Ashton Carter")},
        id="trailing-speech-conjunct-covers-both-clauses"),
    pytest.param(
        # "…, the RIA source said": the source speaks for its agency, a canonical entity
        "Russia|PROPN|nsubj|1 bombed|VERB|ccomp|7|bomb Syria|PROPN|dobj|1 ,|PUNCT|punct|7 the|DET|det|6 RIA|PROPN|compound|6 "
        "source|NOUN|nsubj|7 said|VERB|ROOT|7|say .|PUNCT|punct|7",
        (), {("Russia", "bomb", "Syria", False, None, "RIA Novosti")}, id="attribution-agency-source"),
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
    pytest.param(
        # … they are a requested event of their own
        "Iraq|PROPN|nsubj|2 may|AUX|aux|2 request|VERB|ROOT|2 Russian|ADJ|amod|4 strikes|NOUN|dobj|2|strike on|ADP|prep|4 "
        "IS|PROPN|pobj|5 .|PUNCT|punct|2",
        (), {("Russia", "strike on", "Islamic State", False, "requested", None), ("Iraq", "request", "strike", False, "possible", None)},
        id="nominal-requested"),
    pytest.param(
        # copular: "Turkey is an ally" → Turkey – be – ally
        "Turkey|PROPN|nsubj|1 is|AUX|ROOT|1|be an|DET|det|3 ally|NOUN|attr|1 .|PUNCT|punct|1",
        (), {("Turkey", "be", "ally", False, None, None)}, id="copula"),
    pytest.param(
        # an actor inside the object, after a preposition: "imposed sanctions on Iraq" → Iraq
        "Iran|PROPN|nsubj|1 imposed|VERB|ROOT|1|impose sanctions|NOUN|dobj|1|sanction on|ADP|prep|2 Iraq|PROPN|pobj|3 .|PUNCT|punct|1",
        (), {("Iran", "impose", "sanction", False, None, None), ("Iran", "impose on", "Iraq", False, None, None)}, id="nested-prep"),
    pytest.param(
        # an actor inside the object as its modifier: "rejected a US request" → United States
        "Yemen|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject a|DET|det|4 US|PROPN|compound|4 request|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("Yemen", "reject", "United States", False, None, None)}, id="nested-modifier"),
    pytest.param(
        # the subject of a demanded clause is whom the demand is made of
        "Washington|PROPN|nsubj|1 demanded|VERB|ROOT|1|demand that|SCONJ|mark|4 Hamas|PROPN|nsubj|4 renounce|VERB|ccomp|1 "
        "violence|NOUN|dobj|4 .|PUNCT|punct|1",
        (), {("United States", "demand", "Hamas", False, None, None), ("Hamas", "renounce", "violence", False, "requested", None)},
        id="raised-demand"),
    pytest.param(
        # "allowed X to run": X is the one allowed
        "Egypt|PROPN|nsubj|1 allowed|VERB|ROOT|1|allow Hamas|PROPN|nsubj|4 to|PART|aux|4 meet|VERB|ccomp|1 Israel|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("Egypt", "allow", "Hamas", False, None, None)}, id="raised-allow"),
    pytest.param(
        # a threat governs its complement: the threat is the predicate
        "Iran|PROPN|nsubj|1 threatened|VERB|ROOT|1|threaten to|PART|aux|3 attack|VERB|xcomp|1 Iraq|PROPN|dobj|3 .|PUNCT|punct|1",
        (), {("Iran", "threaten", "Iraq", False, None, None)}, id="threat"),
    pytest.param(
        # what was agreed to is not done yet; the agreement is
        "Jordan|PROPN|nsubj|2 has|AUX|aux|2 agreed|VERB|ROOT|2|agree to|PART|aux|4 host|VERB|xcomp|2 talks|NOUN|dobj|4|talk .|PUNCT|punct|2",
        (), {("Jordan", "agree", "talk", False, None, None)}, id="agreement"),
    pytest.param(
        # "is ready to" hedges as intended; "must be ready to" takes the copula's auxiliary
        "France|PROPN|nsubj|2 must|AUX|aux|2 be|AUX|ROOT|2 ready|ADJ|acomp|2 to|PART|aux|5 send|VERB|xcomp|3 troops|NOUN|dobj|5|troop "
        "to|ADP|prep|5 Mali|PROPN|pobj|7 .|PUNCT|punct|2",
        (), {("France", "send to", "Mali", False, "obligated", None)}, id="adjective-governor-modal"),
    pytest.param(
        # negation on the copula of "ready": "is not ready to meet"
        "Iran|PROPN|nsubj|1 is|AUX|ROOT|1|be not|PART|neg|1 ready|ADJ|acomp|1 to|PART|aux|5 meet|VERB|xcomp|3 with|ADP|prep|5 "
        "Israel|PROPN|pobj|6 .|PUNCT|punct|1",
        (), {("Iran", "meet with", "Israel", True, "intended", None)}, id="adjective-governor-negated"),
    pytest.param(
        # "would" in a clause reported in the past is the reported "will", not a condition
        "Japan|PROPN|nsubj|1 said|VERB|ROOT|1|say|VBD it|PRON|nsubj|4|it would|AUX|aux|4 halt|VERB|ccomp|1 aid|NOUN|dobj|4 to|ADP|prep|4 "
        "Serbia|PROPN|pobj|6 .|PUNCT|punct|1",
        (), {("Japan", "halt to", "Serbia", False, "future", "Japan")}, id="reported-would"),
    pytest.param(
        # a purpose clause shares its subject and is what was meant: "… to protest the arrests"
        "Kurds|PROPN|nsubj|1 began|VERB|ROOT|1|begin a|DET|det|4 hunger|NOUN|compound|4 strike|NOUN|dobj|1 to|PART|aux|6 "
        "protest|VERB|advcl|1 against|ADP|prep|6 Turkey|PROPN|pobj|7 .|PUNCT|punct|1",
        (), {("Kurds", "begin", "hunger strike", False, None, None), ("Kurds", "protest against", "Turkey", False, "intended", None)},
        id="purpose-clause"),
    pytest.param(
        # a stance in the passive: "Israel is opposed to French mediation"
        "Israel|PROPN|nsubjpass|2 is|AUX|auxpass|2|be opposed|VERB|ROOT|2|oppose to|ADP|prep|2 French|ADJ|amod|5 mediation|NOUN|pobj|3 "
        ".|PUNCT|punct|2",
        (), {("Israel", "oppose to", "mediation", False, None, None)}, id="stance-passive"),
    pytest.param(
        # a predicative adjective with its object: "US officials were critical of Russia"
        "US|PROPN|compound|1 officials|NOUN|nsubj|2|official were|AUX|ROOT|2|be critical|ADJ|acomp|2 of|ADP|prep|3 Russia|PROPN|pobj|4 "
        ".|PUNCT|punct|2",
        (), {("United States", "critical of", "Russia", False, None, None)}, id="predicative-adjective"),
    pytest.param(
        # a passive without agent but with the event that did it: "were killed in a bombing"
        "Iraqi|ADJ|amod|1 soldiers|NOUN|nsubjpass|3|soldier were|AUX|auxpass|3|be killed|VERB|ROOT|3|kill in|ADP|prep|3 a|DET|det|6 "
        "bombing|NOUN|pobj|4 .|PUNCT|punct|3",
        (), {("bombing", "kill", "Iraq", False, None, None)}, id="passive-cause"),
    pytest.param(
        # the complement of a passive control verb: "Iraq was forced to ask Russia" → Iraq asks
        "Iraq|PROPN|nsubjpass|2 was|AUX|auxpass|2|be forced|VERB|ROOT|2|force to|PART|aux|4 ask|VERB|xcomp|2 Russia|PROPN|dobj|4 "
        ".|PUNCT|punct|2",
        (), {("Iraq", "ask", "Russia", False, "obligated", None)}, id="passive-control"),
    pytest.param(
        # relative clause: "rockets which hit IS" → rocket – hit – Islamic State
        "Russia|PROPN|nsubj|1 launched|VERB|ROOT|1|launch rockets|NOUN|dobj|1|rocket which|PRON|nsubj|4|which|WDT hit|VERB|relcl|2 "
        "IS|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("rocket", "hit", "Islamic State", False, None, None)}, id="relative-clause"),
    pytest.param(
        # conjoined objects are split: "condemned Turkey and Iraq"
        "Iran|PROPN|nsubj|1 condemned|VERB|ROOT|1|condemn Turkey|PROPN|dobj|1 and|CCONJ|cc|2 Iraq|PROPN|conj|2 .|PUNCT|punct|1",
        (), {("Iran", "condemn", "Turkey", False, None, None), ("Iran", "condemn", "Iraq", False, None, None)}, id="conjoined-objects"),
    pytest.param(
        # "have not received": negation with a perfect auxiliary, object after "from"
        "Turkey|PROPN|nsubj|3 has|AUX|aux|3|have not|PART|neg|3 received|VERB|ROOT|3|receive aid|NOUN|dobj|3 from|ADP|prep|3 "
        "Russia|PROPN|pobj|5 .|PUNCT|punct|3",
        (), {("Turkey", "receive from", "Russia", True, None, None)}, id="negated-perfect"),
    pytest.param(
        # a partitive subject stands for its "of" noun: "a group of Moroccan diplomats"
        "A|DET|det|1 group|NOUN|nsubj|5 of|ADP|prep|1 Moroccan|ADJ|amod|4 diplomats|NOUN|pobj|2|diplomat met|VERB|ROOT|5|meet "
        "Obama|PROPN|dobj|5 .|PUNCT|punct|5",
        (), {("Morocco", "meet", "Barack Obama", False, None, None)}, id="partitive"),
    pytest.param(
        # metonymy through a preposition: "rebels in Syria"; through a pronoun: "its warships"
        "Rebels|NOUN|nsubj|3|rebel in|ADP|prep|0 Syria|PROPN|pobj|1 attacked|VERB|ROOT|3|attack Turkey|PROPN|dobj|3 .|PUNCT|punct|3",
        (), {("Syria", "attack", "Turkey", False, None, None)}, id="metonymy-prep"),
    pytest.param(
        "Russia|PROPN|nsubj|1 said|VERB|ROOT|1|say its|PRON|poss|3|its warships|NOUN|nsubj|4|warship shelled|VERB|ccomp|1|shell "
        "Syria|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("Russia", "shell", "Syria", False, None, "Russia")}, id="metonymy-pronoun"),
    pytest.param(
        # the model's lemmatizer gives "stag" for "staged": repaired to a known verb
        "Farmers|NOUN|nsubj|1|farmer staged|VERB|ROOT|1|stag|VBD protests|NOUN|dobj|1|protest against|ADP|prep|1 France|PROPN|pobj|3 "
        ".|PUNCT|punct|1",
        (), {("farmer", "stage against", "France", False, None, None)}, id="lemma-repair"),
    pytest.param(
        # "I think …, X told Reuters": the quote is X's, not the pronoun's
        "I|PRON|nsubj|1|I think|VERB|ccomp|7 Iraq|PROPN|nsubj|3 attacked|VERB|ccomp|1|attack Syria|PROPN|dobj|3 ,|PUNCT|punct|7 "
        "Putin|PROPN|nsubj|7 told|VERB|ROOT|7|tell Reuters|PROPN|dobj|7 .|PUNCT|punct|7",
        (), {("Iraq", "attack", "Syria", False, None, "Vladimir Putin")}, id="attribution-first-person"),
]

# Statements that must not come out: a threatened or refused act is not done.
ABSENT = [
    pytest.param(
        # an event noun that is asked for is not an event that happened
        "Iraq|PROPN|nsubj|2 may|AUX|aux|2 request|VERB|ROOT|2 Russian|ADJ|amod|4 strikes|NOUN|dobj|2|strike on|ADP|prep|4 "
        "IS|PROPN|pobj|5 .|PUNCT|punct|2",
        (), {("Russia", "strike on", "Islamic State", False, None, None)}, id="requested-strikes-are-not-done"),
    pytest.param(
        "Iran|PROPN|nsubj|1 threatened|VERB|ROOT|1|threaten to|PART|aux|3 attack|VERB|xcomp|1 Iraq|PROPN|dobj|3 .|PUNCT|punct|1",
        (), {("Iran", "attack", "Iraq", False, None, None)}, id="threat-is-no-attack"),
    pytest.param(
        "Turkey|PROPN|nsubj|1 refused|VERB|ROOT|1|refuse to|PART|aux|3 help|VERB|xcomp|1 Syria|PROPN|dobj|3 .|PUNCT|punct|1",
        (), {("Turkey", "help", "Syria", False, None, None)}, id="refusal-is-no-help"),
    pytest.param(
        # "its forces" and the subject are one actor: no self-relation between the same words
        "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Russia|PROPN|dobj|1 .|PUNCT|punct|1",
        (), {("Russia", "attack", "Russia", False, None, None)}, id="no-self-relation"),
    pytest.param(
        # "by" after an active verb gives the means, not a participant
        "Russia|PROPN|nsubj|1 helped|VERB|ROOT|1|help Syria|PROPN|dobj|1 by|ADP|prep|1 Tuesday|PROPN|pobj|3 .|PUNCT|punct|1",
        (), {("Russia", "help by", "Tuesday", False, None, None)}, id="by-is-no-participant"),
]


@pytest.mark.parametrize("spec, ents, expected", ROWS)
def test_rule(blank_nlp, spec, ents, expected):
    found = facts(extract(blank_nlp, spec, ents))
    assert expected <= found, f"missing {expected - found}; got {found}"


@pytest.mark.parametrize("spec, ents, absent", ABSENT)
def test_rule_leaves_out(blank_nlp, spec, ents, absent):
    found = facts(extract(blank_nlp, spec, ents))
    assert not absent & found, f"unexpected {absent & found}"


def test_conditional_clause_is_hedged(blank_nlp):
    # "If Turkey attacks Syria, Iran will respond": the attack is conditional, and so is the
    # response that depends on it
    spec = ("If|SCONJ|mark|2 Turkey|PROPN|nsubj|2 attacks|VERB|advcl|7|attack Syria|PROPN|dobj|2 ,|PUNCT|punct|7 Iran|PROPN|nsubj|7 "
            "will|AUX|aux|7 respond|VERB|ROOT|7 to|ADP|prep|7 Turkey|PROPN|pobj|8 .|PUNCT|punct|7")
    found = facts(extract(blank_nlp, spec))
    assert found == {("Turkey", "attack", "Syria", False, "conditional", None), ("Iran", "respond to", "Turkey", False, "conditional", None)}


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
