"""Each dependency rule on hand-built parses: no model, one row per construction."""
from __future__ import annotations

import pytest

from conftest import parsed, sentence_statements
from kg.entities import EntityResolver
from kg import relations
from kg.relations import statements_from_sentence
from kg.types import Argument, Entity


extract = sentence_statements


def facts(statements):
    return {
        (s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None, s.negated, s.modality,
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
        # (and the actor inside the object: Russia is asked of too)
        (), {("Iraq", "request", "strike", False, "possible", None), ("Iraq", "request", "Russia", False, "possible", None)},
        id="modal-possible"),
    pytest.param(
        # prepositional object after a direct object: "launched rockets at IS" → object IS
        "Russia|PROPN|nsubj|1 launched|VERB|ROOT|1|launch rockets|NOUN|dobj|1|rocket at|ADP|prep|1 IS|PROPN|pobj|3 .|PUNCT|punct|1",
        (), {("Russia", "launch", "rocket", False, None, None), ("Russia", "launch at", "Islamic State", False, None, None)}, id="prep-object"),
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
        (), {("Iraq", "want", "Russia", False, None, None), ("Russia", "attack", "Syria", False, "intended", None)}, id="xcomp-intended"),
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
        (), {("United States", "refusal", "share intelligence", False, None, None), ("refusal", "anger", "Russia", False, None, None)},
        id="nominal-refusal"),
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
        (), {("Russia", "strike on", "Islamic State", False, "requested", None), ("Iraq", "request", "strike", False, "possible", None),
             ("Iraq", "request", "Russia", False, "possible", None), ("Iraq", "request on", "Islamic State", False, "possible", None)},
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
        # a recipient the parser calls a dative: "provided weapons to Iraq" → Iraq
        "Iran|PROPN|nsubj|1 provided|VERB|ROOT|1|provide weapons|NOUN|dobj|1|weapon to|ADP|dative|1 Iraq|PROPN|pobj|3 .|PUNCT|punct|1",
        (), {("Iran", "provide", "weapon", False, None, None), ("Iran", "provide to", "Iraq", False, None, None)}, id="dative-to"),
    pytest.param(
        # … a dative noun is the direct recipient already: "gave Iraq weapons"
        "Iran|PROPN|nsubj|1 gave|VERB|ROOT|1|give Iraq|PROPN|dative|1 weapons|NOUN|dobj|1|weapon .|PUNCT|punct|1",
        (), {("Iran", "give", "Iraq", False, None, None), ("Iran", "give", "weapon", False, None, None)}, id="dative-noun"),
    pytest.param(
        # an actor inside a thing an act is aimed at: "imposed sanctions on Iraqi oil" → Iraq
        "Iran|PROPN|nsubj|1 imposed|VERB|ROOT|1|impose sanctions|NOUN|dobj|1|sanction on|ADP|prep|2 Iraqi|ADJ|amod|5 "
        "oil|NOUN|pobj|3 .|PUNCT|punct|1",
        [(4, 5, "NORP")], {("Iran", "impose", "sanction", False, None, None), ("Iran", "impose on", "Iraq", False, None, None)},
        id="nested-owner-of-thing"),
    pytest.param(
        # … or aimed against: "imposed restrictions against Iraqi goods" → Iraq
        "Iran|PROPN|nsubj|1 imposed|VERB|ROOT|1|impose restrictions|NOUN|dobj|1|restriction against|ADP|prep|2 Iraqi|ADJ|amod|5 "
        "goods|NOUN|pobj|3|good .|PUNCT|punct|1",
        [(4, 5, "NORP")], {("Iran", "impose", "restriction", False, None, None), ("Iran", "impose against", "Iraq", False, None, None)},
        id="nested-owner-against"),
    pytest.param(
        # … but in a thing that names no act, a thing of a country says where from: no Iraq
        "Iran|PROPN|nsubj|1 bought|VERB|ROOT|1|buy shares|NOUN|dobj|1|share of|ADP|prep|2 Iraqi|ADJ|amod|5 "
        "firms|NOUN|pobj|3|firm .|PUNCT|punct|1",
        [(4, 5, "NORP")], {("Iran", "buy", "share", False, None, None)},
        id="nested-owner-not-of-a-thing"),
    pytest.param(
        # an actor inside the object as its modifier: "rejected a US request" → United States
        "Yemen|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject a|DET|det|4 US|PROPN|compound|4 request|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("Yemen", "reject", "request", False, None, None), ("Yemen", "reject", "United States", False, None, None)}, id="nested-modifier"),
    pytest.param(
        # the subject of a demanded clause is whom the demand is made of
        "Washington|PROPN|nsubj|1 demanded|VERB|ROOT|1|demand that|SCONJ|mark|4 Hamas|PROPN|nsubj|4 renounce|VERB|ccomp|1 "
        "violence|NOUN|dobj|4 .|PUNCT|punct|1",
        (), {("United States", "demand", "Hamas", False, None, None), ("Hamas", "renounce", "violence", False, "requested", None)},
        id="raised-demand"),
    pytest.param(
        # "allowed X to run": X is the one allowed
        "Egypt|PROPN|nsubj|1 allowed|VERB|ROOT|1|allow Hamas|PROPN|nsubj|4 to|PART|aux|4 meet|VERB|ccomp|1 Israel|PROPN|dobj|4 .|PUNCT|punct|1",
        # (what is allowed is permitted, not asserted done: kg.modality GOVERNOR_MODALITY)
        (), {("Egypt", "allow", "Hamas", False, None, None), ("Hamas", "meet", "Israel", False, "possible", None)}, id="raised-allow"),
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
        (), {("France", "send", "troop", False, "obligated", None), ("France", "send to", "Mali", False, "obligated", None)},
        id="adjective-governor-modal"),
    pytest.param(
        # negation on the copula of "ready": "is not ready to meet"
        "Iran|PROPN|nsubj|1 is|AUX|ROOT|1|be not|PART|neg|1 ready|ADJ|acomp|1 to|PART|aux|5 meet|VERB|xcomp|3 with|ADP|prep|5 "
        "Israel|PROPN|pobj|6 .|PUNCT|punct|1",
        (), {("Iran", "meet with", "Israel", True, "intended", None)}, id="adjective-governor-negated"),
    pytest.param(
        # "would" in a clause reported in the past is the reported "will", not a condition
        "Japan|PROPN|nsubj|1 said|VERB|ROOT|1|say|VBD it|PRON|nsubj|4|it would|AUX|aux|4 halt|VERB|ccomp|1 aid|NOUN|dobj|4 to|ADP|prep|4 "
        "Serbia|PROPN|pobj|6 .|PUNCT|punct|1",
        (), {("Japan", "halt", "aid", False, "future", "Japan"), ("Japan", "halt to", "Serbia", False, "future", "Japan")}, id="reported-would"),
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
        (), {("Russia", "launch", "rocket", False, None, None), ("rocket", "hit", "Islamic State", False, None, None)}, id="relative-clause"),
    pytest.param(
        # conjoined objects are split: "condemned Turkey and Iraq"
        "Iran|PROPN|nsubj|1 condemned|VERB|ROOT|1|condemn Turkey|PROPN|dobj|1 and|CCONJ|cc|2 Iraq|PROPN|conj|2 .|PUNCT|punct|1",
        (), {("Iran", "condemn", "Turkey", False, None, None), ("Iran", "condemn", "Iraq", False, None, None)}, id="conjoined-objects"),
    pytest.param(
        # "have not received": negation with a perfect auxiliary, object after "from"
        "Turkey|PROPN|nsubj|3 has|AUX|aux|3|have not|PART|neg|3 received|VERB|ROOT|3|receive aid|NOUN|dobj|3 from|ADP|prep|3 "
        "Russia|PROPN|pobj|5 .|PUNCT|punct|3",
        (), {("Turkey", "receive", "aid", True, None, None), ("Turkey", "receive from", "Russia", True, None, None)}, id="negated-perfect"),
    pytest.param(
        # a partitive subject stands for its "of" noun: "a group of Moroccan diplomats"
        "A|DET|det|1 group|NOUN|nsubj|5 of|ADP|prep|1 Moroccan|ADJ|amod|4 diplomats|NOUN|pobj|2|diplomat met|VERB|ROOT|5|meet "
        "Obama|PROPN|dobj|5 .|PUNCT|punct|5",
        (), {("Morocco", "meet", "Barack Obama", False, None, None)}, id="partitive"),
    pytest.param(
        # metonymy through a preposition: "soldiers in Syria"; through a pronoun: "its warships"
        "Soldiers|NOUN|nsubj|3|soldier in|ADP|prep|0 Syria|PROPN|pobj|1 attacked|VERB|ROOT|3|attack Turkey|PROPN|dobj|3 .|PUNCT|punct|3",
        (), {("Syria", "attack", "Turkey", False, None, None)}, id="metonymy-prep"),
    pytest.param(
        # rebels act on their own account: a group of the place, with the place's code
        "Rebels|NOUN|nsubj|3|rebel in|ADP|prep|0 Syria|PROPN|pobj|1 attacked|VERB|ROOT|3|attack Turkey|PROPN|dobj|3 .|PUNCT|punct|3",
        (), {("rebel (Syria)", "attack", "Turkey", False, None, None)}, id="group-of-place"),
    pytest.param(
        "Russia|PROPN|nsubj|1 said|VERB|ROOT|1|say its|PRON|poss|3|its warships|NOUN|nsubj|4|warship shelled|VERB|ccomp|1|shell "
        "Syria|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("Russia", "shell", "Syria", False, None, "Russia")}, id="metonymy-pronoun"),
    pytest.param(
        # the model's lemmatizer gives "stag" for "staged": repaired to a known verb
        "Farmers|NOUN|nsubj|1|farmer staged|VERB|ROOT|1|stag|VBD protests|NOUN|dobj|1|protest against|ADP|prep|1 France|PROPN|pobj|3 "
        ".|PUNCT|punct|1",
        (), {("farmer", "stage", "protest", False, None, None), ("farmer", "stage against", "France", False, None, None)}, id="lemma-repair"),
    pytest.param(
        # "I think …, X told Reuters": the quote is X's, not the pronoun's
        "I|PRON|nsubj|1|I think|VERB|ccomp|7 Iraq|PROPN|nsubj|3 attacked|VERB|ccomp|1|attack Syria|PROPN|dobj|3 ,|PUNCT|punct|7 "
        "Putin|PROPN|nsubj|7 told|VERB|ROOT|7|tell Reuters|PROPN|dobj|7 .|PUNCT|punct|7",
        (), {("Iraq", "attack", "Syria", False, None, "Vladimir Putin")}, id="attribution-first-person"),
]


# One table per construction of kg.relations: each row is a sentence and the WHOLE set of
# statements it must give (an empty set: nothing at all).

PASSIVE_ROWS = [
    pytest.param(
        # the agent acts: "Syria had been urged by Russia" → Russia – urge – Syria, never reversed
        "Syria|PROPN|nsubjpass|3 had|AUX|aux|3|have been|AUX|auxpass|3|be urged|VERB|ROOT|3|urge by|ADP|agent|3 Russia|PROPN|pobj|4 "
        ".|PUNCT|punct|3",
        (), {("Russia", "urge", "Syria", False, None, None)}, id="passive-perfect"),
    pytest.param(
        # reduced relative: "the plan approved by Iraq" → Iraq – approve – plan
        "Iran|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject the|DET|det|3 plan|NOUN|dobj|1 approved|VERB|acl|3|approve|VBN by|ADP|agent|4 "
        "Iraq|PROPN|pobj|5 .|PUNCT|punct|1",
        (), {("Iran", "reject", "plan", False, None, None), ("Iraq", "approve", "plan", False, None, None)}, id="reduced-relative"),
    pytest.param(
        # a relative pronoun stands for its noun: "the plan which was approved by Iraq"
        "Iran|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject the|DET|det|3 plan|NOUN|dobj|1 which|PRON|nsubjpass|6|which|WDT "
        "was|AUX|auxpass|6|be approved|VERB|relcl|3|approve by|ADP|agent|6 Iraq|PROPN|pobj|7 .|PUNCT|punct|1",
        (), {("Iran", "reject", "plan", False, None, None), ("Iraq", "approve", "plan", False, None, None)}, id="relative-passive"),
    pytest.param(
        # a tie in the passive, in a relative clause: "Iran, who is aligned with Iraq, has accused Syria"
        "Iran|PROPN|nsubj|9 ,|PUNCT|punct|0 who|PRON|nsubjpass|4|who|WP is|AUX|auxpass|4|be aligned|VERB|relcl|0|align with|ADP|prep|4 "
        "Iraq|PROPN|pobj|5 ,|PUNCT|punct|0 has|AUX|aux|9|have accused|VERB|ROOT|9|accuse Syria|PROPN|dobj|9 .|PUNCT|punct|9",
        (), {("Iran", "align with", "Iraq", False, None, None), ("Iran", "accuse", "Syria", False, None, None)}, id="relative-tie"),
]

RELATIVE_GAP_ROWS = [
    pytest.param(
        # "X, not Y, who …": the relative clause is the one meant's, "It was Iran, not Iraq, who attacked Kuwait"
        "It|PRON|nsubj|1|it was|AUX|ROOT|1|be Iran|PROPN|attr|1 ,|PUNCT|punct|2 not|PART|neg|2 Iraq|PROPN|appos|2 ,|PUNCT|punct|5 "
        "who|PRON|nsubj|8|who|WP attacked|VERB|relcl|5|attack Kuwait|PROPN|dobj|8 .|PUNCT|punct|1",
        [(2, 3, "GPE"), (5, 6, "GPE"), (9, 10, "GPE")], {("Iran", "attack", "Kuwait", False, None, None)},
        id="relative-on-a-contrasted-name"),
    pytest.param(
        # a relative clause without pronoun: its noun is the object, "the bill Iraq had proposed"
        "Iran|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject the|DET|det|3 bill|NOUN|dobj|1 Iraq|PROPN|nsubj|6 had|AUX|aux|6|have "
        "proposed|VERB|relcl|3|propose .|PUNCT|punct|1",
        (), {("Iran", "reject", "bill", False, None, None), ("Iraq", "propose", "bill", False, None, None)}, id="relative-gap"),
    pytest.param(
        # … not when a preposition is left without its object: "the envoy Iraq spoke to"
        "Iran|PROPN|nsubj|1 met|VERB|ROOT|1|meet the|DET|det|3 envoy|NOUN|dobj|1 Iraq|PROPN|nsubj|5 spoke|VERB|relcl|3|speak "
        "to|ADP|prep|5 .|PUNCT|punct|1",
        (), {("Iran", "meet", "envoy", False, None, None)}, id="stranded-preposition"),
    pytest.param(
        # … nor on a noun of manner or time: "Iran praised the way Iraq governed"
        "Iran|PROPN|nsubj|1 praised|VERB|ROOT|1|praise the|DET|det|3 way|NOUN|dobj|1 Iraq|PROPN|nsubj|5 governed|VERB|relcl|3|govern "
        ".|PUNCT|punct|1",
        (), {("Iran", "praise", "way", False, None, None)}, id="manner-relative"),
    pytest.param(
        # an inverted verb of saying whose clause the parse hangs on the speaker: "Then, says
        # Jones, Iran withdrew" is Jones's report, not Iran withdrawing Jones
        "Then|ADV|advmod|2 ,|PUNCT|punct|2 says|VERB|ROOT|2|say Jones|PROPN|nsubj|2 ,|PUNCT|punct|3 Iran|PROPN|nsubj|6 "
        "withdrew|VERB|relcl|3|withdraw .|PUNCT|punct|2",
        [(3, 4, "PERSON"), (5, 6, "GPE")], {("Iran", "withdraw", None, False, None, "Jones")}, id="inverted-speech-verb-relative"),
    pytest.param(
        # … whose words they are: "Then, says Jones, Iran attacked Iraq"
        "Then|ADV|advmod|2 ,|PUNCT|punct|2 says|VERB|ROOT|2|say Jones|PROPN|nsubj|2 ,|PUNCT|punct|3 Iran|PROPN|nsubj|6 "
        "attacked|VERB|relcl|3|attack Iraq|PROPN|dobj|6 .|PUNCT|punct|2",
        [(3, 4, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE")], {("Iran", "attack", "Iraq", False, None, "Jones")},
        id="inverted-speech-verb-report"),
    pytest.param(
        # … and a true relative clause on the speaker keeps its pronoun: "…, says Jones, who Iran attacked"
        "Then|ADV|advmod|2 ,|PUNCT|punct|2 says|VERB|ROOT|2|say Jones|PROPN|nsubj|2 ,|PUNCT|punct|3 whom|PRON|dobj|7|whom|WP "
        "Iran|PROPN|nsubj|7 attacked|VERB|relcl|3|attack .|PUNCT|punct|2",
        [(3, 4, "PERSON"), (6, 7, "GPE")], {("Iran", "attack", "Jones", False, None, None)}, id="speaker-with-a-relative-pronoun"),
    pytest.param(
        # the same report parsed with both names as subjects of the reported verb: "Then, says
        # Jones, Iran attacked Iraq" (Jones is the speaker, not a second attacker)
        "Then|ADV|advmod|6 ,|PUNCT|punct|2 says|VERB|parataxis|6|say Jones|PROPN|nsubj|6 ,|PUNCT|punct|3 Iran|PROPN|nsubj|6 "
        "attacked|VERB|ROOT|6|attack Iraq|PROPN|dobj|6 .|PUNCT|punct|6",
        [(3, 4, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE")], {("Iran", "attack", "Iraq", False, None, "Jones")},
        id="inverted-speech-verb-subject"),
]

PURPOSE_ROWS = [
    pytest.param(
        # two titles of one person before the name: "Acme Chairman and CEO John Smith sued Iran"
        "Acme|PROPN|compound|1 Chairman|PROPN|nsubj|6 and|CCONJ|cc|1 CEO|PROPN|compound|5 John|PROPN|compound|5 "
        "Smith|PROPN|conj|1 sued|VERB|ROOT|6|sue Iran|PROPN|dobj|6 .|PUNCT|punct|6",
        [(0, 1, "ORG"), (4, 6, "PERSON"), (7, 8, "GPE")], {("John Smith", "sue", "Iran", False, None, None)},
        id="two-titles-of-one-name"),
    pytest.param(
        # a second verb of saying hung under the reported clause is the speaker's own act:
        # "Smith said Iran attacked Iraq and accused Russia" (Smith accused Russia, the writer says)
        "Smith|PROPN|nsubj|1 said|VERB|ROOT|1|say Iran|PROPN|nsubj|3 attacked|VERB|ccomp|1|attack Iraq|PROPN|dobj|3 "
        "and|CCONJ|cc|3 accused|VERB|conj|3|accuse Russia|PROPN|dobj|6 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "GPE"), (7, 8, "GPE")],
        {("Iran", "attack", "Iraq", False, None, "Smith"), ("Smith", "accuse", "Russia", False, None, None)},
        id="second-verb-of-saying-under-the-report"),
    pytest.param(
        # … but one with a subject of its own is a second report: "Smith said Iran attacked Iraq and that Russia warned Syria"
        "Smith|PROPN|nsubj|1 said|VERB|ROOT|1|say Iran|PROPN|nsubj|3 attacked|VERB|ccomp|1|attack Iraq|PROPN|dobj|3 "
        "and|CCONJ|cc|3 that|SCONJ|mark|8 Russia|PROPN|nsubj|8 warned|VERB|conj|3|warn Syria|PROPN|dobj|8 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "GPE"), (7, 8, "GPE"), (9, 10, "GPE")],
        {("Iran", "attack", "Iraq", False, None, "Smith"), ("Russia", "warn", "Syria", False, None, "Smith")},
        id="second-report-with-its-own-subject"),
    pytest.param(
        # a verb of using: the user's aim, whatever the tool ("Russia used Facebook to attack Ukraine")
        "Russia|PROPN|nsubj|1 used|VERB|ROOT|1|use Facebook|PROPN|dobj|1 to|PART|aux|4 attack|VERB|xcomp|1 Ukraine|PROPN|dobj|4 "
        ".|PUNCT|punct|1", [(0, 1, "GPE"), (2, 3, "ORG"), (5, 6, "GPE")],
        {("Russia", "use", "Facebook", False, None, None), ("Russia", "attack", "Ukraine", False, "intended", None)},
        id="purpose-of-a-verb-of-using"),
    pytest.param(
        # … but people used do it: "Russia used troops to attack Ukraine"
        "Russia|PROPN|nsubj|1 used|VERB|ROOT|1|use troops|NOUN|dobj|1|troop to|PART|aux|4 attack|VERB|xcomp|1 Ukraine|PROPN|dobj|4 "
        ".|PUNCT|punct|1", [(0, 1, "GPE"), (5, 6, "GPE")],
        {("Russia", "use", "troop", False, None, None), ("troop", "attack", "Ukraine", False, None, None)},
        id="people-used-act"),
    pytest.param(
        # object control through a preposition: "Iran called on Iraq to attack Syria" (Iraq is asked to)
        "Iran|PROPN|nsubj|1 called|VERB|ROOT|1|call on|ADP|prep|1 Iraq|PROPN|pobj|2 to|PART|aux|5 attack|VERB|xcomp|1 "
        "Syria|PROPN|dobj|5 .|PUNCT|punct|1", [(0, 1, "GPE"), (3, 4, "GPE"), (6, 7, "GPE")],
        {("Iran", "call on", "Iraq", False, None, None), ("Iraq", "attack", "Syria", False, "requested", None)},
        id="call-on-someone-to"),
    pytest.param(
        # control in the passive with an agent: "Syria was urged by Russia to attack Iraq" → Syria attacks
        "Syria|PROPN|nsubjpass|2 was|AUX|auxpass|2|be urged|VERB|ROOT|2|urge by|ADP|agent|2 Russia|PROPN|pobj|3 to|PART|aux|6 "
        "attack|VERB|xcomp|2 Iraq|PROPN|dobj|6 .|PUNCT|punct|2",
        (), {("Russia", "urge", "Syria", False, None, None), ("Syria", "attack", "Iraq", False, "requested", None)}, id="passive-control-agent"),
    pytest.param(
        # "pointed to bills passed by Iraq only to gather dust": the bills gather dust, not Iran
        "Iran|PROPN|nsubj|1 pointed|VERB|ROOT|1|point to|ADP|prep|1 bills|NOUN|pobj|2|bill passed|VERB|acl|3|pass|VBN by|ADP|agent|4 "
        "Iraq|PROPN|pobj|5 only|ADV|advmod|9 to|PART|aux|9 gather|VERB|advcl|4 dust|NOUN|dobj|9 .|PUNCT|punct|1",
        (), {("Iran", "point to", "bill", False, None, None), ("Iraq", "pass", "bill", False, None, None)}, id="purpose-of-participle"),
    pytest.param(
        # the same with the clause attached to the main verb: another clause lies between, so
        # whose purpose it is stays open, and no subject is guessed
        "Iran|PROPN|nsubj|1 pointed|VERB|ROOT|1|point to|ADP|prep|1 bills|NOUN|pobj|2|bill passed|VERB|acl|3|pass|VBN by|ADP|agent|4 "
        "Iraq|PROPN|pobj|5 only|ADV|advmod|9 to|PART|aux|9 gather|VERB|advcl|1 dust|NOUN|dobj|9 .|PUNCT|punct|1",
        (), {("Iran", "point to", "bill", False, None, None), ("Iraq", "pass", "bill", False, None, None)}, id="purpose-after-clause"),
    pytest.param(
        # control by the subject despite an object: "Iran promised Iraq to attack Syria"
        "Iran|PROPN|nsubj|1 promised|VERB|ROOT|1|promise Iraq|PROPN|dobj|1 to|PART|aux|4 attack|VERB|xcomp|1 Syria|PROPN|dobj|4 "
        ".|PUNCT|punct|1",
        # (the promise to Iraq is made; the attack on Syria only intended)
        (), {("Iran", "promise", "Iraq", False, None, None), ("Iran", "promise", "Syria", False, "intended", None)}, id="subject-control"),
    pytest.param(
        # an infinitive on the object is its holder's purpose: "Iran has an agreement to sell oil to Iraq"
        "Iran|PROPN|nsubj|1 has|VERB|ROOT|1|have an|DET|det|3 agreement|NOUN|dobj|1 to|PART|aux|5 sell|VERB|acl|3 oil|NOUN|dobj|5 "
        "to|ADP|prep|5 Iraq|PROPN|pobj|7 .|PUNCT|punct|1",
        (), {("Iran", "have", "agreement", False, None, None), ("Iran", "sell", "oil", False, "intended", None),
             ("Iran", "sell to", "Iraq", False, "intended", None)}, id="object-purpose"),
    pytest.param(
        # … unless the object has its owner: "Iran exposed Syria's plan to attack Iraq"
        "Iran|PROPN|nsubj|1 exposed|VERB|ROOT|1|expose Syria|PROPN|poss|4 's|PART|case|2 plan|NOUN|dobj|1 to|PART|aux|6 attack|VERB|acl|4 "
        "Iraq|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("Iran", "expose", "plan", False, None, None), ("Iran", "expose", "Syria", False, None, None),
             ("Syria", "attack", "Iraq", False, "intended", None)}, id="owned-object-purpose"),
    pytest.param(
        # … or the actor of its "of" phrase: "Iran backed the right of Syria to attack Iraq"
        "Iran|PROPN|nsubj|1 backed|VERB|ROOT|1|back the|DET|det|3 right|NOUN|dobj|1 of|ADP|prep|3 Syria|PROPN|pobj|4 to|PART|aux|7 "
        "attack|VERB|acl|3 Iraq|PROPN|dobj|7 .|PUNCT|punct|1",
        # (a right to act is a permission, only possible: kg.modality's nouns of means)
        (), {("Iran", "back of", "Syria", False, None, None), ("Syria", "attack", "Iraq", False, "possible", None)},
        id="object-purpose-of-holder"),
    pytest.param(
        # … or the recipient of a verb of giving: "Iran gave Syria a chance to attack Iraq"
        "Iran|PROPN|nsubj|1 gave|VERB|ROOT|1|give Syria|PROPN|dative|1 a|DET|det|4 chance|NOUN|dobj|1 to|PART|aux|6 "
        "attack|VERB|acl|4 Iraq|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("Iran", "give", "chance", False, None, None), ("Iran", "give", "Syria", False, None, None),
             ("Syria", "attack", "Iraq", False, "possible", None)}, id="object-purpose-of-recipient"),
]

OBJECT_ROWS = [
    pytest.param(
        # a modifier is never the object: "won Sunday's regional elections" → elections
        "Russia|PROPN|nsubj|1 won|VERB|ROOT|1|win Sunday|PROPN|poss|5 's|PART|case|2 regional|ADJ|amod|5 elections|NOUN|dobj|1|election "
        ".|PUNCT|punct|1",
        [(2, 3, "DATE")], {("Russia", "win", "election", False, None, None)}, id="modifiers-stay-in-object"),
    pytest.param(
        # … also when the parser makes the adjective the object
        "Russia|PROPN|nsubj|1 won|VERB|ROOT|1|win regional|ADJ|dobj|1 elections|NOUN|npadvmod|1|election .|PUNCT|punct|1",
        (), set(), id="stray-adjective-object"),
    pytest.param(
        # a bare copula relates nobody: "Argentina is under pressure from Chile"
        "Argentina|PROPN|nsubj|1 is|AUX|ROOT|1|be under|ADP|prep|1 pressure|NOUN|pobj|2 from|ADP|prep|3 Chile|PROPN|pobj|4 .|PUNCT|punct|1",
        (), set(), id="bare-copula"),
    pytest.param(
        # an indirect question states nothing: "debated which route to pursue via Iraq"
        "Iran|PROPN|nsubj|1 debated|VERB|ROOT|1|debate which|DET|det|3|which|WDT route|NOUN|dobj|5 to|PART|aux|5 pursue|VERB|xcomp|1 "
        "via|ADP|prep|5 Iraq|PROPN|pobj|6 .|PUNCT|punct|1",
        (), set(), id="indirect-question"),
    pytest.param(
        # a free relative names no object of its own: "what Iran called Syrian homes"
        "Iraq|PROPN|nsubj|1 shelled|VERB|ROOT|1|shell what|PRON|dobj|4|what|WP Iran|PROPN|nsubj|4 called|VERB|ccomp|1|call "
        "Syrian|ADJ|amod|6 homes|NOUN|oprd|4|home .|PUNCT|punct|1",
        (), set(), id="free-relative"),
    pytest.param(
        # what an object is called is no second object: "Iran called the talks a farce"
        "Iran|PROPN|nsubj|1 called|VERB|ROOT|1|call the|DET|det|3 talks|NOUN|dobj|1|talk a|DET|det|5 farce|NOUN|oprd|1 .|PUNCT|punct|1",
        (), {("Iran", "call", "talk", False, None, None)}, id="object-predicate"),
    pytest.param(
        # a time or manner after a preposition is no participant: "Iran met Iraq on a normal day"
        "Iran|PROPN|nsubj|1 met|VERB|ROOT|1|meet Iraq|PROPN|dobj|1 on|ADP|prep|1 a|DET|det|6 normal|ADJ|amod|6 day|NOUN|pobj|3 .|PUNCT|punct|1",
        (), {("Iran", "meet", "Iraq", False, None, None)}, id="time-phrase"),
    pytest.param(
        # a phrase in front sets the scene: "Under Iraq's rules, Iran attacked Syria" has no "attack under"
        "Under|ADP|prep|4 Iraq|PROPN|pobj|0 ,|PUNCT|punct|4 Iran|PROPN|nsubj|4 attacked|VERB|ROOT|4|attack Syria|PROPN|dobj|4 "
        ".|PUNCT|punct|4",
        (), {("Iran", "attack", "Syria", False, None, None)}, id="fronted-phrase"),
    pytest.param(
        # the curly contraction of "be" is the copula: "Iran’s an ally"
        "Iran|PROPN|nsubj|1 ’s|VERB|ROOT|1|’|VBZ an|DET|det|3 ally|NOUN|attr|1 .|PUNCT|punct|1",
        (), {("Iran", "be", "ally", False, None, None)}, id="contracted-copula"),
    pytest.param(
        # … and an expletive "it" before it relates nobody: "it’s possible Iraq …" parsed with an object
        "it|PRON|nsubj|1 ’s|VERB|ROOT|1|’|VBZ possible|ADJ|amod|3 Iraq|PROPN|dobj|1 .|PUNCT|punct|1",
        (), set(), id="expletive-contracted-copula"),
]

NESTED_ROWS = [
    pytest.param(
        # a state before a noun a possessive owns says where, not whose: "cut its U.S. exploration budget"
        "Exxon|PROPN|nsubj|1 cut|VERB|ROOT|1 its|PRON|poss|5 U.S.|PROPN|compound|5 exploration|NOUN|compound|5 "
        "budget|NOUN|dobj|1 .|PUNCT|punct|1",
        [(0, 1, "ORG"), (3, 4, "GPE")], {("Exxon", "cut", "exploration budget", False, None, None)}, id="name-beside-an-owner"),
    pytest.param(
        # … the owner itself is still named: "bought Exxon's U.S. plant" → Exxon, not the United States
        "Iran|PROPN|nsubj|1 bought|VERB|ROOT|1|buy Exxon|PROPN|poss|5 's|PART|case|2 U.S.|PROPN|compound|5 "
        "plant|NOUN|dobj|1 .|PUNCT|punct|1",
        [(2, 3, "ORG"), (4, 5, "GPE")], {("Iran", "buy", "plant", False, None, None), ("Iran", "buy", "Exxon", False, None, None)},
        id="owner-beside-a-place"),
    pytest.param(
        # a capital before a noun says where the thing is: "plays a Paris charity concert" is no act on France
        "Elton|PROPN|nsubj|1 plays|VERB|ROOT|1|play a|DET|det|5 Paris|PROPN|compound|5 charity|NOUN|compound|5 "
        "concert|NOUN|dobj|1 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (3, 4, "GPE")], {("Elton", "play", "charity concert", False, None, None)}, id="capital-as-place"),
    pytest.param(
        # … the state itself before a noun still names it: "backed a France charity" → France too
        "Elton|PROPN|nsubj|1 backed|VERB|ROOT|1|back a|DET|det|4 France|PROPN|compound|4 charity|NOUN|dobj|1 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (3, 4, "GPE")], {("Elton", "back", "charity", False, None, None), ("Elton", "back", "France", False, None, None)},
        id="state-modifier-kept"),
    pytest.param(
        # … and a capital that owns the thing is the state: "rejected Moscow's request"
        "Iran|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject Moscow|PROPN|poss|4 's|PART|case|2 request|NOUN|dobj|1 .|PUNCT|punct|1",
        [(2, 3, "GPE")], {("Iran", "reject", "request", False, None, None), ("Iran", "reject", "Russia", False, None, None)},
        id="capital-as-owner"),
    pytest.param(
        # an actor's adjective on the object names who acts: "backed the Syrian offensive" → Syria too
        "Iran|PROPN|nsubj|1 backed|VERB|ROOT|1|back the|DET|det|4 Syrian|ADJ|amod|4 offensive|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("Iran", "back", "offensive", False, None, None), ("Iran", "back", "Syria", False, None, None)}, id="modifier-of-object"),
    pytest.param(
        # on people or things an adjective says where they are from: "repressed Syrian communists"
        "Iran|PROPN|nsubj|1 repressed|VERB|ROOT|1|repress Syrian|ADJ|amod|3 communists|NOUN|dobj|1|communist .|PUNCT|punct|1",
        (), {("Iran", "repress", "communist", False, None, None)}, id="modifier-of-people"),
    pytest.param(
        # not inside a prepositional phrase: "tied for the Syrian nomination" says nothing of Syria
        "Iran|PROPN|nsubj|2 is|AUX|aux|2|be tied|VERB|ROOT|2|tie for|ADP|prep|2 the|DET|det|6 Syrian|ADJ|amod|6 nomination|NOUN|pobj|3 "
        ".|PUNCT|punct|2",
        (), {("Iran", "tie for", "nomination", False, None, None)}, id="modifier-in-prep-object"),
    pytest.param(
        # … where an owner still does: "met at Syria's request" → Syria
        "Iran|PROPN|nsubj|1 met|VERB|ROOT|1|meet at|ADP|prep|1 Syria|PROPN|poss|5 's|PART|case|3 request|NOUN|pobj|2 .|PUNCT|punct|1",
        (), {("Iran", "meet at", "request", False, None, None), ("Iran", "meet at", "Syria", False, None, None)}, id="owner-in-prep-object"),
    pytest.param(
        # "anti-" names what one is against, not who acts: "rebuked the anti-Iraq campaign"
        "Iran|PROPN|nsubj|1 rebuked|VERB|ROOT|1|rebuke the|DET|det|4 anti-Iraq|ADJ|amod|4 campaign|NOUN|dobj|1 .|PUNCT|punct|1",
        [(3, 4, "NORP")], {("Iran", "rebuke", "campaign", False, None, None)}, id="stance-prefix"),
]

CONJUNCTION_ROWS = [
    pytest.param(
        # coordinated verbs share the object that follows both: "attacked and destroyed Iraq"
        "Iran|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack and|CCONJ|cc|1 destroyed|VERB|conj|1|destroy Iraq|PROPN|dobj|3 .|PUNCT|punct|1",
        (), {("Iran", "attack", "Iraq", False, None, None), ("Iran", "destroy", "Iraq", False, None, None)}, id="shared-object"),
    pytest.param(
        # coordinated prepositional objects: "met with Iraq and Syria"
        "Iran|PROPN|nsubj|1 met|VERB|ROOT|1|meet with|ADP|prep|1 Iraq|PROPN|pobj|2 and|CCONJ|cc|3 Syria|PROPN|conj|3 .|PUNCT|punct|1",
        (), {("Iran", "meet with", "Iraq", False, None, None), ("Iran", "meet with", "Syria", False, None, None)}, id="prep-conjuncts"),
]

ONE_PER_FACT_ROWS = [
    pytest.param(
        # "struck the port of Syria": one fact, told by its actor (not also "strike port")
        "Russia|PROPN|nsubj|1 struck|VERB|ROOT|1|strike the|DET|det|3 port|NOUN|dobj|1 of|ADP|prep|3 Syria|PROPN|pobj|4 .|PUNCT|punct|1",
        (), {("Russia", "strike of", "Syria", False, None, None)}, id="object-inside-object"),
    pytest.param(
        # "launched rockets at Iraq": two roles of one verb, what and at whom, stay two facts
        "Iran|PROPN|nsubj|1 launched|VERB|ROOT|1|launch rockets|NOUN|dobj|1|rocket at|ADP|prep|1 Iraq|PROPN|pobj|3 .|PUNCT|punct|1",
        (), {("Iran", "launch", "rocket", False, None, None), ("Iran", "launch at", "Iraq", False, None, None)}, id="object-and-target"),
    pytest.param(
        # the same object twice (a direct object and its actor-free reading) is one statement
        "Iran|PROPN|nsubj|1 met|VERB|ROOT|1|meet Iraq|PROPN|dobj|1 and|CCONJ|cc|2 Iraq|PROPN|conj|2 .|PUNCT|punct|1",
        (), {("Iran", "meet", "Iraq", False, None, None)}, id="same-object-twice"),
    pytest.param(
        # no self-loop: "Russia attacked Russian positions" relates Russia to itself
        "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Russian|ADJ|amod|3 positions|NOUN|dobj|1|position .|PUNCT|punct|1",
        (), set(), id="no-self-loop"),
]

RETURN_ROWS = [
    pytest.param(
        # a return told with the copula: "Biden is back"
        "Biden|PROPN|nsubj|1 is|AUX|ROOT|1|be back|ADV|advmod|1 .|PUNCT|punct|1",
        [(0, 1, "PERSON")], {("Biden", "be back", None, False, None, None)}, id="copular-return"),
    pytest.param(
        "Biden|PROPN|nsubj|1 is|AUX|ROOT|1|be not|PART|neg|1 back|ADV|advmod|1 .|PUNCT|punct|1",
        [(0, 1, "PERSON")], {("Biden", "be back", None, True, None, None)}, id="copular-return-negated"),
]


MEASURED_ROWS = [
    pytest.param(
        # an indicator moved by an amount, attributed to its source
        "U.S.|PROPN|nmod|2 retail|ADJ|amod|2 sales|NOUN|nsubj|3|sale rose|VERB|ccomp|13|rise 4.77|NUM|compound|5 billion|NUM|nummod|6 "
        "dlrs|NOUN|dobj|3 in|ADP|prep|3 March|PROPN|pobj|7 ,|PUNCT|punct|13 the|DET|det|12 Commerce|PROPN|compound|12 "
        "Department|PROPN|nsubj|13 said|VERB|ROOT|13|say .|PUNCT|punct|13",
        [(10, 13, "ORG")], {("sale", "rise", "4.77 billion dlrs", False, None, "commerce department")}, id="measured-rise"),
    pytest.param(
        # by how much and to what: "Net income fell 12 pct to 3.4 mln dlrs"
        "Net|ADJ|amod|1 income|NOUN|nsubj|2 fell|VERB|ROOT|2|fall 12|NUM|nummod|4 pct|NOUN|npadvmod|2 to|ADP|prep|2 3.4|NUM|nummod|8 "
        "mln|ADJ|amod|8 dlrs|NOUN|pobj|5 .|PUNCT|punct|2",
        (), {("income", "fall", "12 pct", False, None, None), ("income", "fall to", "3.4 mln dlrs", False, None, None)}, id="measured-fall-to"),
    pytest.param(
        # a change without its amount is a fact of the indicator, with no object: "sales rose in March"
        "Sales|NOUN|nsubj|1|sale rose|VERB|ROOT|1|rise in|ADP|prep|1 March|PROPN|pobj|2 .|PUNCT|punct|1",
        (), {("sale", "rise", None, False, None, None)}, id="change-without-amount"),
    pytest.param(
        # … attributed to its source: "retail sales eased, the department said"
        "Retail|ADJ|amod|1 sales|NOUN|nsubj|2|sale eased|VERB|ccomp|6|ease ,|PUNCT|punct|6 the|DET|det|5 Commerce|PROPN|nsubj|6 "
        "said|VERB|ROOT|6|say .|PUNCT|punct|6",
        [(5, 6, "ORG")], {("sale", "ease", None, False, None, "Commerce")}, id="change-without-amount-said"),
    pytest.param(
        # coordinated subjects each changed: "Ford and Chrysler both gained"
        "Ford|PROPN|nsubj|4 and|CCONJ|cc|0 Chrysler|PROPN|conj|0 both|DET|appos|0 gained|VERB|ROOT|4|gain .|PUNCT|punct|4",
        [(0, 1, "ORG"), (2, 3, "ORG")], {("Ford", "gain", None, False, None, None), ("Chrysler", "gain", None, False, None, None)},
        id="change-coordinated-subjects"),
    pytest.param(
        # the copula of a change, with its amount: "GM's sales were down 10 pct"
        "GM|PROPN|poss|2 's|PART|case|0 sales|NOUN|nsubj|3|sale were|AUX|ROOT|3|be down|ADV|advmod|3 10|NUM|nummod|6 "
        "pct|NOUN|npadvmod|4 .|PUNCT|punct|3",
        [(0, 1, "ORG")], {("sale", "be down", "10 pct", False, None, None)}, id="copular-change-amount"),
    pytest.param(
        # … and without: "profits were up"
        "Profits|NOUN|nsubj|1|profit were|AUX|ROOT|1|be up|ADV|advmod|1 .|PUNCT|punct|1",
        (), {("profit", "be up", None, False, None, None)}, id="copular-change"),
    pytest.param(
        # a copula with another adverb is no change: "sales were there"
        "Sales|NOUN|nsubj|1|sale were|AUX|ROOT|1|be there|ADV|advmod|1 .|PUNCT|punct|1",
        (), set(), id="copula-no-change"),
    pytest.param(
        # a change named by a noun, with its amount: "the 3.3 % fall in car sales was expected"
        "The|DET|det|3 3.3|NUM|nummod|2 %|NOUN|compound|3 fall|NOUN|nsubjpass|9 in|ADP|prep|3 car|NOUN|compound|6 "
        "sales|NOUN|pobj|4|sale had|AUX|aux|9|have been|AUX|auxpass|9|be expected|VERB|ROOT|9|expect .|PUNCT|punct|9",
        (), {("car sale", "fall", "3.3 %", False, None, None)}, id="nominal-change"),
    pytest.param(
        # … not a place or time it happened in: "a rise in Iowa"
        "A|DET|det|1 rise|NOUN|nsubj|4 in|ADP|prep|1 Iowa|PROPN|pobj|2 was|AUX|ROOT|4|be seen|VERB|ROOT|4|see .|PUNCT|punct|4",
        [(3, 4, "GPE")], set(), id="nominal-change-place"),
    pytest.param(
        # a phrasal verb is its own event, no change: "Swalwell dropped out of the race"
        "Swalwell|PROPN|nsubj|1 dropped|VERB|ROOT|1|drop out|ADP|prt|1 of|ADP|prep|2 the|DET|det|5 race|NOUN|pobj|3 .|PUNCT|punct|1",
        [(0, 1, "PERSON")], {("Swalwell", "drop out", None, False, None, None)}, id="phrasal-verb-no-change"),
    pytest.param(
        # nor a verb of becoming: "attacks can fall flat"
        "Attacks|NOUN|nsubj|2|attack can|AUX|aux|2 fall|VERB|ROOT|2 flat|ADJ|acomp|2 .|PUNCT|punct|2",
        (), set(), id="becoming-no-change"),
    pytest.param(
        # what has not happened yet: "they will wait until the job market improves"
        "They|PRON|nsubj|2|they will|AUX|aux|2 wait|VERB|ROOT|2 until|SCONJ|mark|7 the|DET|det|6 job|NOUN|compound|6 "
        "market|NOUN|nsubj|7 improves|VERB|advcl|2|improve .|PUNCT|punct|2",
        (), set(), id="unrealised-change"),
    pytest.param(
        # "off" is a change only with its amount: "the gloves will be off"
        "The|DET|det|1 gloves|NOUN|nsubj|3|glove will|AUX|aux|3 be|AUX|ROOT|3 off|ADV|advmod|3 .|PUNCT|punct|3",
        (), set(), id="off-without-amount"),
    pytest.param(
        # … and "up for" is readiness: "the party is up for a fight"
        "Voters|NOUN|nsubj|1|voter are|AUX|ROOT|1|be up|ADV|advmod|1 for|ADP|prep|1 a|DET|det|5 fight|NOUN|pobj|3 .|PUNCT|punct|1",
        (), set(), id="up-for-no-change"),
    pytest.param(
        # an indefinite change noun with no amount is no fact: "a strategy against increases in prices"
        "It|PRON|nsubj|1|it is|AUX|ROOT|1|be a|DET|det|3 strategy|NOUN|attr|1 against|ADP|prep|3 increases|NOUN|pobj|4|increase "
        "in|ADP|prep|5 prices|NOUN|pobj|6|price .|PUNCT|punct|1",
        (), set(), id="indefinite-change-noun"),
    pytest.param(
        # … unless a verb reports it: "the sector showed a sharp rise in orders"
        "The|DET|det|1 sector|NOUN|nsubj|2 showed|VERB|ROOT|2|show a|DET|det|5 sharp|ADJ|amod|5 rise|NOUN|dobj|2 in|ADP|prep|5 "
        "orders|NOUN|pobj|6|order .|PUNCT|punct|2",
        (), {("order", "rise", None, False, None, None)}, id="reported-change-noun"),
    pytest.param(
        # a change reported by a light verb is the subject's: "Ford had gains"
        "Ford|PROPN|nsubj|1 had|VERB|ROOT|1|have gains|NOUN|dobj|1|gain .|PUNCT|punct|1",
        [(0, 1, "ORG")], {("Ford", "gain", None, False, None, None)}, id="reported-change"),
    pytest.param(
        # … with its amount: "Saab posted a 5 pct gain"
        "Saab|PROPN|nsubj|1 posted|VERB|ROOT|1|post a|DET|det|5 5|NUM|nummod|5 pct|NOUN|compound|5 gain|NOUN|dobj|1 .|PUNCT|punct|1",
        [(0, 1, "ORG")], {("Saab", "gain", "5 pct", False, None, None)}, id="reported-change-amount"),
    pytest.param(
        # the amount of an object is the object's: "the deal will increase reserves to 30 mln dlrs"
        "The|DET|det|1 deal|NOUN|nsubj|3 will|AUX|aux|3 increase|VERB|ROOT|3 reserves|NOUN|dobj|3|reserve to|ADP|prep|3 30|NUM|nummod|8 "
        "mln|NUM|compound|8 dlrs|NOUN|pobj|5 .|PUNCT|punct|3",
        (), set(), id="amount-of-the-object"),
]

OWNED_ROWS = [
    pytest.param(
        # a named actor's thing may act on a thing: "Iraq's board approved the merger"
        "Iraq|PROPN|poss|2 's|PART|case|0 board|NOUN|nsubj|3 approved|VERB|ROOT|3|approve the|DET|det|5 merger|NOUN|dobj|3 .|PUNCT|punct|3",
        (), {("board", "approve", "merger", False, None, None)}, id="owned-subject"),
    pytest.param(
        # two things with no actor are left to Open IE: "The board approved the merger"
        "The|DET|det|1 board|NOUN|nsubj|2 approved|VERB|ROOT|2|approve the|DET|det|4 merger|NOUN|dobj|2 .|PUNCT|punct|2",
        (), set(), id="things-only"),
    pytest.param(
        # a body referred to by a pronoun still speaks for its owner: "its board approved the merger"
        "its|PRON|poss|1|its board|NOUN|nsubj|2 approved|VERB|ROOT|2|approve the|DET|det|4 merger|NOUN|dobj|2 .|PUNCT|punct|2",
        (), {("board", "approve", "merger", False, None, None)}, id="pronoun-owned-body"),
    pytest.param(
        # … anything else of a pronoun does not: "their time investigating suspicions"
        "their|PRON|poss|1|their time|NOUN|nsubj|2 covered|VERB|ROOT|2|cover suspicions|NOUN|dobj|2|suspicion .|PUNCT|punct|2",
        (), set(), id="pronoun-owned-thing"),
    pytest.param(
        # a name no entity was found for still names who acts: "Praxis reported a net loss"
        "Praxis|PROPN|nsubj|1 reported|VERB|ROOT|1|report a|DET|det|4 net|ADJ|amod|4 loss|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("praxis", "report", "loss", False, None, None)}, id="unresolved-name"),
    pytest.param(
        # … and so does a noun of people acting: "private employers slashed jobs"
        "Private|ADJ|amod|1 employers|NOUN|nsubj|2|employer slashed|VERB|ROOT|2|slash jobs|NOUN|dobj|2|job .|PUNCT|punct|2",
        (), {("employer", "slash", "job", False, None, None)}, id="people-acting"),
]

# Facts of a thing, no act of an actor (issue 15, key facts): a forecast, a duty, a judgement,
# and an act denied of a whole group.
THING_FACT_ROWS = [
    pytest.param(
        # a forecast of a change, future, its source the speaker: "pork bellies are expected 0.50 cent lower, Levitt said"
        "Pork|NOUN|compound|1 bellies|NOUN|nsubjpass|3|belly are|AUX|auxpass|3|be expected|VERB|ccomp|9|expect|VBN 0.50|NUM|nummod|5 "
        "cent|NOUN|npadvmod|6 lower|ADJ|oprd|3|low ,|PUNCT|punct|9 Levitt|PROPN|nsubj|9 said|VERB|ROOT|9|say .|PUNCT|punct|9",
        [(8, 9, "PERSON")], {("pork belly", "expect lower", None, False, "future", "Levitt")}, id="forecast-change"),
    pytest.param(
        # … a range before the direction: "futures are called 0.20 to 0.50 cent lower"
        "Futures|NOUN|nsubjpass|2|future are|AUX|auxpass|2|be called|VERB|ROOT|2|call|VBN 0.20|NUM|oprd|2 to|ADP|prep|2 0.50|NUM|nummod|6 "
        "cent|NOUN|npadvmod|7 lower|ADJ|pobj|4|low .|PUNCT|punct|2",
        (), {("future", "call lower", None, False, "future", None)}, id="forecast-change-range"),
    pytest.param(
        # no direction, no forecast of a change: "he was called a liar"
        "He|PRON|nsubjpass|2|he was|AUX|auxpass|2|be called|VERB|ROOT|2|call|VBN a|DET|det|4 liar|NOUN|oprd|2 .|PUNCT|punct|2",
        (), set(), id="forecast-needs-direction"),
    pytest.param(
        # a passive of obligation with no agent: "serious problems have to be tackled during the talks"
        "But|CCONJ|cc|3 serious|ADJ|amod|2 problems|NOUN|nsubj|3|problem have|VERB|ROOT|3 to|PART|aux|6 be|AUX|auxpass|6 "
        "tackled|VERB|xcomp|3|tackle|VBN during|ADP|prep|6 the|DET|det|9 talks|NOUN|pobj|7|talk .|PUNCT|punct|3",
        (), {("problem", "tackle", None, False, "obligated", None)}, id="obligated-passive-have-to"),
    pytest.param(
        # … with a modal: "the law must be changed"
        "The|DET|det|1 law|NOUN|nsubjpass|4 must|AUX|aux|4 be|AUX|auxpass|4 changed|VERB|ROOT|4|change|VBN .|PUNCT|punct|4",
        (), {("law", "change", None, False, "obligated", None)}, id="obligated-passive-must"),
    pytest.param(
        # a passive that reports an act, no duty, says nothing without its doer: "the bridges were destroyed"
        "The|DET|det|1 bridges|NOUN|nsubjpass|3|bridge were|AUX|auxpass|3|be destroyed|VERB|ROOT|3|destroy|VBN .|PUNCT|punct|3",
        (), set(), id="passive-no-duty"),
    pytest.param(
        # a judgement told with the copula, attributed: "job losses of this scale are unprecedented, said Ahu Yildirmaz"
        "Job|NOUN|compound|1 losses|NOUN|nsubj|5|loss of|ADP|prep|1 this|DET|det|4 scale|NOUN|pobj|2 are|AUX|ccomp|8|be "
        "unprecedented|ADJ|acomp|5 ,|PUNCT|punct|8 said|VERB|ROOT|8|say Ahu|PROPN|compound|10 Yildirmaz|PROPN|nsubj|8 .|PUNCT|punct|8",
        [(9, 11, "PERSON")], {("job loss", "be unprecedented", None, False, None, "Ahu Yildirmaz")}, id="judgement"),
    pytest.param(
        # … with what it concerns: "the reduction should be friendly to the market"
        "The|DET|det|1 reduction|NOUN|nsubj|3 should|AUX|aux|3 be|AUX|ROOT|3 friendly|ADJ|acomp|3 to|ADP|prep|4 the|DET|det|7 "
        "market|NOUN|pobj|5 .|PUNCT|punct|3",
        (), {("reduction", "be friendly to", "market", False, "obligated", None)}, id="judgement-of"),
    pytest.param(
        # a pronoun's judgement points at what is not in the clause: "this was incorrect"
        "This|PRON|nsubj|1|this was|AUX|ROOT|1|be incorrect|ADJ|acomp|1 .|PUNCT|punct|1",
        (), set(), id="judgement-of-pronoun"),
    pytest.param(
        # an adjective of no judgement is no fact: "the talks were long"
        "The|DET|det|1 talks|NOUN|nsubj|2|talk were|AUX|ROOT|2|be long|ADJ|acomp|2 .|PUNCT|punct|2",
        (), set(), id="adjective-no-judgement"),
    pytest.param(
        # an act denied of a whole group: "none of the networks covered the story"
        "None|NOUN|nsubj|4|none of|ADP|prep|0 the|DET|det|3 networks|NOUN|pobj|1|network|NNS covered|VERB|ROOT|4|cover|VBD "
        "the|DET|det|6 story|NOUN|dobj|4 .|PUNCT|punct|4",
        (), {("network", "cover", "story", True, None, None)}, id="denied-of-group"),
    pytest.param(
        # … of actors: "neither of the two parties backed Obama"
        "Neither|DET|nsubj|5|neither of|ADP|prep|0 the|DET|det|4 two|NUM|nummod|4 parties|NOUN|pobj|1|party|NNS backed|VERB|ROOT|5|back "
        "Obama|PROPN|dobj|5 .|PUNCT|punct|5",
        [(6, 7, "PERSON")], {("party", "back", "Barack Obama", True, None, None)}, id="denied-of-group-actors"),
    pytest.param(
        # a stance named by a light verb's noun: "Iran has no position on Israel"
        "Iran|PROPN|nsubj|1 has|VERB|ROOT|1|have no|DET|det|3 position|NOUN|dobj|1 on|ADP|prep|3 Israel|PROPN|pobj|4 .|PUNCT|punct|1",
        [(0, 1, "GPE"), (5, 6, "GPE")],
        # (beside the light verb's own reading, which the gate keeps off the graph as an empty predicate)
        {("Iran", "have position on", "Israel", True, None, None), ("Iran", "have", "position", True, None, None)}, id="light-verb-stance"),
    pytest.param(
        # a noun of no stance is no predicate: "Iran had a clash on the border"
        "Iran|PROPN|nsubj|1 had|VERB|ROOT|1|have a|DET|det|3 clash|NOUN|dobj|1 on|ADP|prep|3 the|DET|det|6 border|NOUN|pobj|4 "
        ".|PUNCT|punct|1",
        [(0, 1, "GPE")], {("Iran", "have", "clash", False, None, None)}, id="light-verb-no-stance"),
    pytest.param(
        # the one helped is whom the help is for: "the IFC will help companies to borrow"
        "The|DET|det|1 IFC|PROPN|nsubj|3 will|AUX|aux|3 help|VERB|ROOT|3 companies|NOUN|nsubj|6|company to|PART|aux|6 "
        "borrow|VERB|ccomp|3 .|PUNCT|punct|3",
        [(1, 2, "ORG")], {("IFC", "help", "company", False, "future", None)}, id="help-raised"),
    pytest.param(
        # double object: the recipient with the thing given, "the bill gives the ITC jurisdiction"
        "The|DET|det|1 bill|NOUN|nsubj|2 gives|VERB|ROOT|2|give the|DET|det|4 ITC|PROPN|dative|2 jurisdiction|NOUN|dobj|2 "
        ".|PUNCT|punct|2",
        [(4, 5, "ORG")], {("bill", "give", "ITC", False, None, None)}, id="double-object"),
    pytest.param(
        # a city before the noun of a thing says where it is: "Xerox opens a regional Denver office"
        "Xerox|PROPN|nsubj|1 opens|VERB|ROOT|1|open a|DET|det|5 regional|ADJ|amod|5 Denver|PROPN|compound|5 office|NOUN|dobj|1 "
        ".|PUNCT|punct|1",
        [(0, 1, "ORG"), (4, 5, "GPE")], {("Xerox", "open", "office", False, None, None)}, id="place-before-thing"),
    pytest.param(
        # the result of a contest where it was held: "Kasich's win in Ohio surprised pollsters"
        "Kasich|PROPN|poss|2 's|PART|case|0|'s|POS win|NOUN|nsubj|5 in|ADP|prep|2 Ohio|PROPN|pobj|3 surprised|VERB|ROOT|5|surprise "
        "pollsters|NOUN|dobj|5|pollster .|PUNCT|punct|5",
        [(0, 1, "PERSON"), (4, 5, "GPE")],
        {("Kasich", "win in", "Ohio", False, None, None), ("win", "surprise", "pollster", False, None, None)}, id="contest-result"),
    pytest.param(
        # a recommended act, its object what is recommended: "the EU recommended that Greece cut its deficit"
        # (and Greece's cut is asked of it, not done)
        "The|DET|det|1 EU|PROPN|nsubj|2 recommended|VERB|ROOT|2|recommend that|SCONJ|mark|5 Greece|PROPN|nsubj|5 cut|VERB|ccomp|2 "
        "its|PRON|poss|7 deficit|NOUN|dobj|5 .|PUNCT|punct|2",
        [(1, 2, "ORG"), (4, 5, "GPE")],
        {("European Union", "recommend cut", "deficit", False, None, None), ("Greece", "cut", "deficit", False, "requested", None)},
        id="recommended-act"),
    pytest.param(
        # a forecast is no act put forward: "he suggested that prices would rise"
        "He|PRON|nsubj|1 suggested|VERB|ROOT|1|suggest that|SCONJ|mark|5 prices|NOUN|nsubj|5|price would|AUX|aux|5 rise|VERB|ccomp|1 "
        ".|PUNCT|punct|1",
        (), {("price", "rise", None, False, "conditional", None)}, id="suggested-forecast"),
    pytest.param(
        # a passive infinitive with its agent, its subject raised: "Iraq seems to have been struck by Iran"
        "Iraq|PROPN|nsubj|1 seems|VERB|ROOT|1|seem to|PART|aux|5 have|AUX|aux|5 been|AUX|auxpass|5|be struck|VERB|xcomp|1|strike|VBN "
        "by|ADP|agent|5 Iran|PROPN|pobj|6 .|PUNCT|punct|1",
        [(0, 1, "GPE"), (7, 8, "GPE")], {("Iran", "strike", "Iraq", False, "possible", None)}, id="raised-passive-agent"),
]


ROWS_BY_ID = {row.id: row.values[0] for row in ROWS}

# Statements that must not come out: a threatened or refused act is not done.
ABSENT = [
    pytest.param(
        # an embedded question asks about its subject, it does not ask it: "Russia asked how Iran attacked Iraq"
        "Russia|PROPN|nsubj|1 asked|VERB|ROOT|1|ask how|SCONJ|advmod|4 Iran|PROPN|nsubj|4 attacked|VERB|ccomp|1|attack "
        "Iraq|PROPN|dobj|4 .|PUNCT|punct|1", [(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "GPE")],
        {("Russia", "ask", "Iran", False, None, None)}, id="embedded-question"),
    pytest.param(
        # a state returns, or a trip ends: no actor's return
        "Biden|PROPN|nsubj|1 is|AUX|ROOT|1|be back|ADV|advmod|1 to|ADP|prep|2 normal|ADJ|pobj|3 .|PUNCT|punct|1",
        [(0, 1, "PERSON")], {("Biden", "be back", None, False, None, None)}, id="back-to-normal-is-no-return"),
    pytest.param(
        "Biden|PROPN|nsubj|1 is|AUX|ROOT|1|be back|ADV|advmod|1 from|ADP|prep|2 Iowa|PROPN|pobj|3 .|PUNCT|punct|1",
        [(0, 1, "PERSON")], {("Biden", "be back", None, False, None, None)}, id="back-from-a-trip-is-no-return"),
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


# Clauses whose subject is found elsewhere: an "-ing" clause after a preposition, the
# infinitive of an aim, a relative clause on a description (kg.relations.gerund_subjects,
# aim_subjects, relative_host).
RECALL_ROWS = [
    pytest.param(
        # "-ing" after "in" shares the (passive) subject: "Rangers have been involved in working with …"
        "Turkey|PROPN|nsubjpass|2 was|AUX|auxpass|2|be involved|VERB|ROOT|2|involve|VBN in|ADP|prep|2 "
        "talking|VERB|pcomp|3|talk|VBG with|ADP|prep|4 Iran|PROPN|pobj|5 .|PUNCT|punct|2",
        (), {("Turkey", "talk with", "Iran", False, None, None)}, id="gerund-shares-subject"),
    pytest.param(
        # "-ing" after "by" shares the subject and its modal: "could play a role by introducing them"
        "Russia|PROPN|nsubj|2 could|AUX|aux|2 help|VERB|ROOT|2|help|VB by|ADP|prep|2 attacking|VERB|pcomp|3|attack|VBG "
        "Syria|PROPN|dobj|4 .|PUNCT|punct|2",
        (), {("Russia", "attack", "Syria", False, "possible", None), ("Russia", "help", None, False, "possible", None)},
        id="gerund-by-means"),
    pytest.param(
        # "accused him of telling her": the accused did it, in the accuser's account
        "Iran|PROPN|nsubj|1 accused|VERB|ROOT|1|accuse|VBD Iraq|PROPN|dobj|1 of|ADP|prep|1 attacking|VERB|pcomp|3|attack|VBG "
        "Syria|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("Iran", "accuse", "Iraq", False, None, None), ("Iraq", "attack", "Syria", False, "claimed", "Iran")},
        id="gerund-accused-of"),
    pytest.param(
        # "refrained from attacking": not done, so no statement
        "Turkey|PROPN|nsubj|1 refrained|VERB|ROOT|1|refrain|VBD from|ADP|prep|1 attacking|VERB|pcomp|2|attack|VBG "
        "Syria|PROPN|dobj|3 .|PUNCT|punct|1",
        (), set(), id="gerund-from-not-done"),
    pytest.param(
        # "left without meeting Iran": not done either
        "Russia|PROPN|nsubj|1 left|VERB|ROOT|1|leave|VBD without|ADP|prep|1 meeting|VERB|pcomp|2|meet|VBG Iran|PROPN|dobj|3 "
        ".|PUNCT|punct|1",
        (), set(), id="gerund-without-not-done"),
    pytest.param(
        # a clause of means shares the governor's negation: "did not help by attacking Iraq"
        "Iran|PROPN|nsubj|3 did|AUX|aux|3|do not|PART|neg|3 help|VERB|ROOT|3|help|VB by|ADP|prep|3 "
        "attacking|VERB|pcomp|4|attack|VBG Iraq|PROPN|dobj|5 .|PUNCT|punct|3",
        (), {("Iran", "attack", "Iraq", True, None, None), ("Iran", "help", None, True, None, None)}, id="gerund-means-negated"),
    pytest.param(
        # … a clause of time does not: "did not check before publishing" still published
        "Iran|PROPN|nsubj|3 did|AUX|aux|3|do not|PART|neg|3 wait|VERB|ROOT|3|wait|VB before|ADP|prep|3 "
        "attacking|VERB|pcomp|4|attack|VBG Iraq|PROPN|dobj|5 .|PUNCT|punct|3",
        (), {("Iran", "attack", "Iraq", False, None, None)}, id="gerund-time-not-negated"),
    pytest.param(
        # a stance is no act: "believes in talking with Iran"
        "Turkey|PROPN|nsubj|1 believes|VERB|ROOT|1|believe|VBZ in|ADP|prep|1 talking|VERB|pcomp|2|talk|VBG with|ADP|prep|3 "
        "Iran|PROPN|pobj|4 .|PUNCT|punct|1",
        (), set(), id="gerund-stance-is-no-act"),
    pytest.param(
        # "in an effort to compete with Trump": the subject means to
        "Russia|PROPN|nsubj|1 acted|VERB|ROOT|1|act|VBD in|ADP|prep|1 an|DET|det|4 effort|NOUN|pobj|2 to|PART|aux|6 "
        "isolate|VERB|acl|4|isolate|VB Iran|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("Russia", "isolate", "Iran", False, "intended", None)}, id="aim-in-an-effort"),
    pytest.param(
        # "Obama's efforts to end …": the owner of the aim means to, and is no source of it
        "Iran|PROPN|poss|2 's|PART|case|0 efforts|NOUN|nsubj|6|effort to|PART|aux|4 isolate|VERB|acl|2|isolate|VB "
        "Iraq|PROPN|dobj|4 failed|VERB|ROOT|6|fail|VBD .|PUNCT|punct|6",
        (), {("Iran", "isolate", "Iraq", False, "intended", None)}, id="aim-possessive"),
    pytest.param(
        # "He was the only candidate who embraced …": the copula's subject did it
        "Russia|PROPN|nsubj|1 was|AUX|ROOT|1|be the|DET|det|4 only|ADJ|amod|4 culprit|NOUN|attr|1 that|PRON|nsubj|6||WDT "
        "attacked|VERB|relcl|4|attack|VBD Syria|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("Russia", "attack", "Syria", False, None, None), ("Russia", "be", "culprit", False, None, None)},
        id="relative-on-predicate-noun"),
    pytest.param(
        # … not when the copula is negated: "Russia was not the culprit that attacked Syria"
        "Russia|PROPN|nsubj|1 was|AUX|ROOT|1|be not|PART|neg|1 the|DET|det|4 culprit|NOUN|attr|1 that|PRON|nsubj|6||WDT "
        "attacked|VERB|relcl|4|attack|VBD Syria|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("Russia", "be", "culprit", True, None, None), ("culprit", "attack", "Syria", False, None, None)},
        id="relative-on-negated-predicate-noun"),
    pytest.param(
        # a cleft keeps its name: "It was Russia that attacked Syria"
        "It|PRON|nsubj|1|it was|AUX|ROOT|1|be Russia|PROPN|attr|1 that|PRON|nsubj|4||WDT attacked|VERB|relcl|2|attack|VBD "
        "Syria|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("Russia", "attack", "Syria", False, None, None)}, id="relative-in-cleft"),
    pytest.param(
        # a description in apposition: "Booker (a Democrat who won …)" → Booker won
        "Iran|PROPN|nsubj|8 (|PUNCT|punct|0 a|DET|det|3 country|NOUN|appos|0 that|PRON|nsubj|5||WDT "
        "attacked|VERB|relcl|3|attack|VBD Iraq|PROPN|dobj|5 )|PUNCT|punct|0 spoke|VERB|ROOT|8|speak|VBD .|PUNCT|punct|8",
        (), {("Iran", "attack", "Iraq", False, None, None)}, id="relative-on-apposed-description"),
    pytest.param(
        # a predicate noun relates its subject to someone: "Cruz was the only alternative to Trump"
        "Turkey|PROPN|nsubj|1 is|AUX|ROOT|1|be an|DET|det|3 ally|NOUN|attr|1 of|ADP|prep|3 Iran|PROPN|pobj|4 .|PUNCT|punct|1",
        (), {("Turkey", "be", "ally", False, None, None), ("Turkey", "be ally of", "Iran", False, None, None)},
        id="predicate-noun-relation"),
    pytest.param(
        # … not an expletive subject: "It is the end of Iran"
        "It|PRON|nsubj|1|it is|AUX|ROOT|1|be the|DET|det|3 end|NOUN|attr|1 of|ADP|prep|3 Iran|PROPN|pobj|4 .|PUNCT|punct|1",
        (), set(), id="predicate-noun-expletive"),
    pytest.param(
        # a possessive pronoun says whose the act is: "Carter visited Iraq. His meeting with Putin …"
        "Ash|PROPN|compound|1 Carter|PROPN|nsubj|2 visited|VERB|ROOT|2|visit Iraq|PROPN|dobj|2 .|PUNCT|punct|2 "
        "His|PRON|poss|6|his meeting|NOUN|nsubj|9 with|ADP|prep|6 Putin|PROPN|pobj|7 ended|VERB|ROOT|9|end .|PUNCT|punct|9",
        [(0, 2, "PERSON"), (8, 9, "PERSON")],
        {("Ashton Carter", "visit", "Iraq", False, None, None), ("Ashton Carter", "meeting with", "Vladimir Putin", False, None, None)},
        id="pronoun-owner-of-event-noun"),
]


# Constructions that linked two actors wrongly (issue 15's false edges), read right.
FALSE_EDGE_ROWS = [
    pytest.param(
        # the seat of an office is no participant: "Carter hopes to remain MP for Richmond" → the office
        "Carter|PROPN|nsubj|1 hopes|VERB|ROOT|1|hope|VBZ to|PART|aux|3 remain|VERB|xcomp|1|remain|VB MP|PROPN|attr|3 "
        "for|ADP|prep|3 Richmond|PROPN|pobj|5 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (6, 7, "GPE")], {("Carter", "remain", "mp for richmond", False, "intended", None)},
        id="office-seat"),
    pytest.param(
        # a state after the office is no seat but a participant: "Carter remained envoy for Russia"
        "Carter|PROPN|nsubj|1 remained|VERB|ROOT|1|remain envoy|NOUN|attr|1 for|ADP|prep|1 Russia|PROPN|pobj|3 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (4, 5, "GPE")],
        {("Carter", "remain", "envoy", False, None, None), ("Carter", "remain for", "Russia", False, None, None)},
        id="office-of-a-state"),
    pytest.param(
        # a wedding officiated: "Booker married Celeiro and Salerno" (to each other, not to him)
        "Booker|PROPN|nsubj|1 married|VERB|ROOT|1|marry Celeiro|PROPN|dobj|1 and|CCONJ|cc|2 Salerno|PROPN|conj|2 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "PERSON")], set(), id="officiated-wedding"),
    pytest.param(
        # … while one spouse is a marriage: "Booker married Celeiro"
        "Booker|PROPN|nsubj|1 married|VERB|ROOT|1|marry Celeiro|PROPN|dobj|1 .|PUNCT|punct|1",
        [(0, 1, "PERSON"), (2, 3, "PERSON")], {("Booker", "marry", "Celeiro", False, None, None)}, id="marriage"),
    pytest.param(
        # a place after a preposition left without its object is no subject: "in Lambertville, the
        # certificate allowed Schailey" parsed with Lambertville the subject
        "in|ADP|prep|5 Lambertville|PROPN|nsubj|5 ,|PUNCT|punct|1 the|DET|det|4 certificate|NOUN|appos|1 "
        "allowed|VERB|ROOT|5|allow Schailey|PROPN|dobj|5 .|PUNCT|punct|5",
        [(1, 2, "GPE"), (6, 7, "PERSON")], set(), id="stranded-preposition"),
    pytest.param(
        # a refusal answering the request it follows: "Trump was asked to disavow Duke and declined"
        "Trump|PROPN|nsubjpass|2 was|AUX|auxpass|2|be asked|VERB|ROOT|2|ask to|PART|aux|4 disavow|VERB|xcomp|2 "
        "Duke|PROPN|dobj|4 and|CCONJ|cc|2 declined|VERB|conj|2|decline .|PUNCT|punct|2",
        [(0, 1, "PERSON"), (5, 6, "PERSON")], {("Trump", "decline", "Duke", False, None, None)}, id="asked-and-declined"),
    pytest.param(
        # a cause is no participant: "Iran will withdraw due to Iraq" (no Iran – withdraw due to – Iraq)
        "Iran|PROPN|nsubj|2 will|AUX|aux|2 withdraw|VERB|ROOT|2 due|ADP|prep|2 to|ADP|pcomp|3 Iraq|PROPN|pobj|3 .|PUNCT|punct|2",
        [(0, 1, "GPE"), (5, 6, "GPE")], {("Iran", "withdraw", None, False, "future", None)}, id="due-to-is-a-cause"),
    pytest.param(
        # a companion in a phrase of the verb's preposition is no participant: "Republicans punished
        # Trump for his performance with Putin" (nothing was done to Putin)
        "Republicans|PROPN|nsubj|1 punished|VERB|ROOT|1|punish Trump|PROPN|dobj|1 for|ADP|prep|1 his|PRON|poss|5 "
        "performance|NOUN|pobj|3 with|ADP|prep|5 Putin|PROPN|pobj|6 .|PUNCT|punct|1",
        [(0, 1, "NORP"), (2, 3, "PERSON"), (7, 8, "PERSON")],
        {("Republicans", "punish", "Trump", False, None, None), ("Republicans", "punish for", "performance", False, None, None)},
        id="companion-in-a-prepositional-phrase"),
    pytest.param(
        # … unless the phrase names an act: "Russia met Iran for talks with Iraq"
        "Russia|PROPN|nsubj|1 met|VERB|ROOT|1|meet Iran|PROPN|dobj|1 for|ADP|prep|1 talks|NOUN|pobj|3|talk with|ADP|prep|4 "
        "Iraq|PROPN|pobj|5 .|PUNCT|punct|1",
        [(0, 1, "GPE"), (2, 3, "GPE"), (6, 7, "GPE")],
        {("Russia", "meet", "Iran", False, None, None), ("Russia", "meet for", "talk", False, None, None),
         ("Russia", "meet for with", "Iraq", False, None, None)},
        id="companion-of-an-act"),
]


def test_declined_request_reads_declined_to(blank_nlp):
    # the refusal comes after the request in the sentence, but reads first
    [row] = [row for row in FALSE_EDGE_ROWS if row.id == "asked-and-declined"]
    [statement] = extract(blank_nlp, row.values[0], row.values[1])
    assert (statement.predicate.text, statement.predicate.event) == ("declined to disavow", "REJECT")


@pytest.mark.parametrize("subject, obj, expected", [
    ("he", "him", True),     # "nobody has found him to interview him": which he is which?
    ("they", "them", True),
    ("he", "her", False),    # "he … her": agreement tells them apart
    ("Carter", "him", False),
    ("it", "them", False),
])
def test_same_kind_pronouns(blank_nlp, subject, obj, expected):
    pos = "PROPN" if subject[0].isupper() else "PRON"
    doc = parsed(blank_nlp, f"{subject}|{pos}|nsubj|1 saw|VERB|ROOT|1|see {obj}|PRON|dobj|1")
    assert relations.same_kind_pronouns(doc[0], doc[2]) is expected


def test_own_word_pronoun_costs_no_confidence(blank_nlp):
    # "Carter said he would attack Iraq": "he" is the speaker, the surest reading of a pronoun
    spec = ("Ash|PROPN|compound|1 Carter|PROPN|nsubj|2 said|VERB|ROOT|2|say he|PRON|nsubj|5 would|AUX|aux|5 "
            "attack|VERB|ccomp|2 Iraq|PROPN|dobj|5 .|PUNCT|punct|2")
    [attack] = [s for s in extract(blank_nlp, spec, [(0, 2, "PERSON"), (6, 7, "GPE")]) if s.predicate.lemma == "attack"]
    assert (attack.subject.entity.id, attack.attributed_to.entity.id, attack.confidence) == ("Ashton Carter", "Ashton Carter", 0.7)


@pytest.mark.parametrize("word, speaker_id, kind, expected", [
    ("he", "Carter", "Person", True),      # "Carter said he would …"
    ("he", "Obama", "Person", False),      # the pronoun is someone else than the speaker
    ("it", "Carter", "Country", False),    # a state's own word: left as it was
    ("Carter", "Carter", "Person", False),  # a name is no pronoun
])
def test_reported_by_antecedent(blank_nlp, word, speaker_id, kind, expected):
    doc = parsed(blank_nlp, f"X|PROPN|nsubj|1 said|VERB|ROOT|1|say {word}|{'PRON' if word.islower() else 'PROPN'}|nsubj|4 "
                            "would|AUX|aux|4 attack|VERB|ccomp|1")
    subject = Argument(word, Entity("Carter", "Carter", kind))
    assert relations.reported_by_antecedent(doc[2], doc[0], subject, Argument("X", Entity(speaker_id, speaker_id, kind))) is expected


@pytest.mark.parametrize("word, kind, expected", [
    ("they", "Organization", True),   # "…, they said" after "the New York Times quoted officials"
    ("they", "Group", False),         # "Democrats … they said"
    ("they", "Country", False),
    ("he", "Person", False),
    ("officials", "Organization", False),
])
def test_plural_for_body(blank_nlp, word, kind, expected):
    doc = parsed(blank_nlp, f"{word}|{'PRON' if word != 'officials' else 'NOUN'}|nsubj|1 said|VERB|ROOT|1|say")
    assert relations.plural_for_body(doc[0], Argument(word, Entity("X", "X", kind))) is expected


@pytest.mark.parametrize("spec, ents, expected", ROWS + PASSIVE_ROWS + PURPOSE_ROWS + OBJECT_ROWS + CONJUNCTION_ROWS
                         + ONE_PER_FACT_ROWS + MEASURED_ROWS + RETURN_ROWS + OWNED_ROWS + NESTED_ROWS
                         + RELATIVE_GAP_ROWS + RECALL_ROWS + FALSE_EDGE_ROWS + THING_FACT_ROWS)
def test_rule(blank_nlp, spec, ents, expected):
    found = facts(extract(blank_nlp, spec, ents))
    assert found == expected, f"missing {expected - found}; unexpected {found - expected}"


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


@pytest.mark.parametrize("spec, text", [
    # a passive predicate reads in the active voice, from agent to patient
    ("Syria|PROPN|nsubjpass|3 had|AUX|aux|3|have been|AUX|auxpass|3|be urged|VERB|ROOT|3|urge by|ADP|agent|3 Russia|PROPN|pobj|4 "
     ".|PUNCT|punct|3", "had urged"),
    ("Syria|PROPN|nsubjpass|3 will|AUX|aux|3 be|AUX|auxpass|3|be attacked|VERB|ROOT|3|attack by|ADP|agent|3 Russia|PROPN|pobj|4 "
     ".|PUNCT|punct|3", "will attack"),
    ("Syria|PROPN|nsubjpass|2 was|AUX|auxpass|2|be attacked|VERB|ROOT|2|attack by|ADP|agent|2 Russia|PROPN|pobj|3 .|PUNCT|punct|2",
     "attacked"),
])
def test_passive_reads_active(blank_nlp, spec, text):
    [statement] = extract(blank_nlp, spec)
    assert (statement.subject.entity.id, statement.predicate.text, statement.object.entity.id) == ("Russia", text, "Syria")


# Each construction on its own: the generator, a verb of the sentence, and the (subject,
# predicate lemma, object) candidates it must yield, all of them.
CONSTRUCTIONS = [
    (relations.passive_agent, PASSIVE_ROWS[0].values[0], 3, {("Russia", "urge", "Syria")}),
    (relations.passive_cause, ROWS_BY_ID["passive-cause"], 3, {("bombing", "kill", "soldiers")}),
    (relations.passive_stance, ROWS_BY_ID["stance-passive"], 2, {("Israel", "oppose to", "mediation")}),
    (relations.predicative_adjective, ROWS_BY_ID["predicative-adjective"], 2, {("officials", "critical of", "Russia")}),
    (relations.raised_subject, ROWS_BY_ID["raised-demand"], 1, {("Washington", "demand", "Hamas")}),
    (relations.direct_object, ROWS_BY_ID["active"], 1, {("Russia", "attack", "Syria")}),
    (relations.copula_attribute, ROWS_BY_ID["copula"], 1, {("Turkey", "be", "ally")}),
    (relations.prepositional_object, ROWS_BY_ID["prep-object"], 1, {("Russia", "launch at", "IS")}),
    (relations.measured_change, MEASURED_ROWS[1].values[0], 2, {("income", "fall", "pct"), ("income", "fall to", "dlrs")}),
    (relations.passive_agent, ROWS_BY_ID["active"], 1, set()),
    (relations.direct_object, ROWS_BY_ID["passive"], 2, set()),
    (relations.measured_change, ROWS_BY_ID["active"], 1, set()),
    (relations.forecast_change, THING_FACT_ROWS[0].values[0], 3, {("bellies", "expect lower", None)}),
    (relations.forecast_change, THING_FACT_ROWS[2].values[0], 2, set()),
    (relations.obligated_passive, THING_FACT_ROWS[3].values[0], 6, {("problems", "tackle", None)}),
    (relations.obligated_passive, THING_FACT_ROWS[5].values[0], 3, set()),
    (relations.judgement_adjective, THING_FACT_ROWS[6].values[0], 5, {("losses", "be unprecedented", None)}),
    (relations.judgement_adjective, THING_FACT_ROWS[7].values[0], 3, {("reduction", "be friendly to", "market")}),
    (relations.judgement_adjective, THING_FACT_ROWS[9].values[0], 2, set()),
    (relations.light_verb_noun, THING_FACT_ROWS[12].values[0], 1, {("Iran", "have position on", "Israel")}),
    (relations.light_verb_noun, THING_FACT_ROWS[13].values[0], 1, set()),
    (relations.double_object, THING_FACT_ROWS[15].values[0], 2, {("bill", "give", "ITC")}),
    (relations.direct_object, THING_FACT_ROWS[15].values[0], 2, {("bill", "give", "jurisdiction")}),
    (relations.recommended_act, THING_FACT_ROWS[18].values[0], 2, {("EU", "recommend cut", "deficit")}),
    (relations.recommended_act, THING_FACT_ROWS[19].values[0], 1, set()),
    (relations.raised_passive_agent, THING_FACT_ROWS[20].values[0], 5, {("Iran", "strike", "Iraq")}),
]


@pytest.mark.parametrize("construction, spec, verb, expected", CONSTRUCTIONS,
                         ids=[f"{c.__name__}-{i}" for i, (c, *_) in enumerate(CONSTRUCTIONS)])
def test_construction(blank_nlp, construction, spec, verb, expected):
    doc = parsed(blank_nlp, spec)
    EntityResolver(blank_nlp).annotate(doc)
    found = {(c.subject.text, c.lemma, c.object.text if c.object is not None else None) for c in construction(relations.clause_of(doc[verb]))}
    assert found == expected


@pytest.mark.parametrize("spec, index, expected", [
    # "the US announced it would prohibit aid": a decision reported
    ("US|PROPN|nsubj|1 announced|VERB|ROOT|1|announce it|PRON|nsubj|4 would|AUX|aux|4 prohibit|VERB|ccomp|1|prohibit", 4, True),
    ("Iraq|PROPN|nsubj|1 decided|VERB|ROOT|1|decide it|PRON|nsubj|4 will|AUX|aux|4 close|VERB|ccomp|1|close", 4, True),
    # "said it would prohibit": a warning, not a decision
    ("US|PROPN|nsubj|1 said|VERB|ROOT|1|say it|PRON|nsubj|4 would|AUX|aux|4 prohibit|VERB|ccomp|1|prohibit", 4, False),
    # the announcing verb itself is no reported decision
    ("US|PROPN|nsubj|1 announced|VERB|ROOT|1|announce sanctions|NOUN|dobj|1|sanction", 1, False),
])
def test_announced_decision(blank_nlp, spec, index, expected):
    assert relations.announced_decision(parsed(blank_nlp, spec)[index]) is expected


@pytest.mark.parametrize("entity, expected", [
    (Entity(id="Yoweri Museveni", label="Yoweri Museveni", type="Person", code="UGAGOV"), True),
    (Entity(id="A General", label="A General", type="Person", code="EGYMIL"), True),
    (Entity(id="An Activist", label="An Activist", type="Person", code="EGYHRI"), False),
    (Entity(id="Someone", label="Someone", type="Person"), False),
    (Entity(id="Uganda", label="Uganda", type="Country", code="UGAGOV"), False),  # a state is no person in office
])
def test_holds_office(entity, expected):
    assert relations.holds_office(Argument("x", entity)) is expected


# -- the real model ---------------------------------------------------------------------------

@pytest.mark.model
def test_model_office_seat_is_no_participant():
    # "MP for Richmond" is the office he keeps, not an edge to a place
    import kg
    statements = kg.extract("William Hague told the paper he hopes to remain MP for Richmond, North Yorks.")
    remain = [s for s in statements if s.predicate.lemma == "remain"]
    assert [(s.object.entity.type, s.object.text.startswith("MP for Richmond")) for s in remain] == [("Concept", True)]


@pytest.mark.model
def test_model_asked_and_declined():
    import kg
    statements = kg.extract("Donald Trump was asked to disavow David Duke and politely declined.")
    disavow = [s for s in statements if s.object is not None and s.object.entity.id == "David Duke"]
    assert [(s.predicate.text, s.predicate.event, s.modality) for s in disavow] == [("declined to disavow", "REJECT", None)]


# -- issue 15: statements between the actors a group word, a reciprocal or a cleft names -------


def article_statements(nlp, paragraphs):
    """The statements of an article of hand-built paragraphs (spec, ents), read after every
    paragraph is annotated and the article settled, as the pipeline does."""
    resolver, docs, offset = EntityResolver(nlp), [], 0
    for spec, ents in paragraphs:
        docs.append((parsed(nlp, spec, ents), offset))
        resolver.annotate(*docs[-1])
        offset += 1000
    resolver.settle()
    return [s for doc, at in docs for sentence in doc.sents
            for s in statements_from_sentence(sentence, resolver, doc_id="t", offset=at)]


def pairs(statements):
    return {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None) for s in statements}


WARREN_SANDERS = ("Warren|PROPN|nsubj|1 accused|VERB|ROOT|1|accuse Sanders|PROPN|dobj|1", [(0, 1, "PERSON"), (2, 3, "PERSON")])
# (paragraphs, the statements of the last paragraph)
GROUPS = [
    pytest.param([WARREN_SANDERS, ("the|DET|det|1 two|NUM|nsubj|2 sniped|VERB|ROOT|2|snipe at|ADP|prep|2 each|DET|det|5 "
                                   "other|ADJ|pobj|3", [(1, 2, "CARDINAL")])],
                 {("Warren", "snipe at", "Sanders"), ("Sanders", "snipe at", "Warren")}, id="the-two-reciprocal"),
    pytest.param([("Warren|PROPN|nsubj|3 and|CCONJ|cc|0 Sanders|PROPN|conj|0 attacked|VERB|ROOT|3|attack one|NUM|nummod|5 "
                   "another|DET|dobj|3", [(0, 1, "PERSON"), (2, 3, "PERSON")])],
                 {("Warren", "attack", "Sanders"), ("Sanders", "attack", "Warren")}, id="coordinated-subjects-reciprocal"),
    pytest.param([("Warren|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack each|DET|det|3 other|ADJ|dobj|1", [(0, 1, "PERSON")])],
                 set(), id="a-reciprocal-without-a-group-names-nobody"),
    pytest.param([WARREN_SANDERS, ("the|DET|det|1 two|NUM|nsubj|2 praised|VERB|ROOT|2|praise Biden|PROPN|dobj|2",
                                   [(1, 2, "CARDINAL"), (3, 4, "PERSON")])],
                 {("Warren", "praise", "Biden"), ("Sanders", "praise", "Biden")}, id="the-two-as-subject"),
    pytest.param([("Prices|NOUN|nsubj|1|price rose|VERB|ROOT|1|rise", ()),
                  ("the|DET|det|1 two|NUM|nsubj|2 praised|VERB|ROOT|2|praise Biden|PROPN|dobj|2", [(1, 2, "CARDINAL"), (3, 4, "PERSON")])],
                 set(), id="the-two-without-two-actors"),
    # it-cleft: "It was Ted Cruz who was the only alternative to Trump" (who … parsed as a complement)
    pytest.param([("It|PRON|nsubj|1|it was|AUX|ROOT|1|be Ted|PROPN|compound|3 Cruz|PROPN|attr|1 who|PRON|nsubj|5|who|WP "
                   "was|AUX|ccomp|1|be the|DET|det|7 alternative|NOUN|attr|5 to|ADP|prep|7 Putin|PROPN|pobj|8",
                   [(2, 4, "PERSON"), (9, 10, "PERSON")])],
                 {("Ted Cruz", "be alternative to", "Vladimir Putin"), ("Ted Cruz", "be", "alternative")}, id="it-cleft"),
]


@pytest.mark.parametrize("paragraphs, expected", GROUPS)
def test_group_reciprocal_and_cleft(blank_nlp, paragraphs, expected):
    statements = article_statements(blank_nlp, paragraphs)
    last = 1000 * (len(paragraphs) - 1)
    assert pairs(s for s in statements if s.start >= last) == expected


# an "-ing" clause with its own subject after a preposition: the subject is the participant
GERUND_CLAUSES = [
    pytest.param("Christie|PROPN|nsubj|1 disagrees|VERB|ROOT|1|disagree with|ADP|prep|1 Obama|PROPN|nsubj|4 "
                 "vetoing|VERB|pcomp|2|veto|VBG bills|NOUN|dobj|4|bill", [(0, 1, "PERSON"), (3, 4, "PERSON")],
                 {("Christie", "disagree with", "Barack Obama"), ("Barack Obama", "veto", "bill")}, id="with-subject"),
    pytest.param("Christie|PROPN|nsubj|1 disagrees|VERB|ROOT|1|disagree with|ADP|prep|1 "
                 "vetoing|VERB|pcomp|2|veto|VBG bills|NOUN|dobj|3|bill", [(0, 1, "PERSON")],
                 {("Christie", "disagree", None)}, id="without-subject"),
]


@pytest.mark.parametrize("spec, ents, expected", GERUND_CLAUSES)
def test_gerund_clause_subject(blank_nlp, spec, ents, expected):
    assert pairs(article_statements(blank_nlp, [(spec, ents)])) == expected


# a subject the parser hung on an opening participle: "In 1987 ending June India will borrow …"
STRANDED = [
    pytest.param("ending|VERB|ROOT|0|end|VBG June|PROPN|compound|2 India|PROPN|dobj|0 will|AUX|aux|4|will|MD "
                 "borrow|VERB|ROOT|4 from|ADP|prep|4 Japan|PROPN|pobj|5", [(2, 3, "GPE"), (6, 7, "GPE")],
                 set(), id="participle-not-a-clause"),
    pytest.param("In|ADP|prep|5 1987|NUM|pobj|0 ending|VERB|acl|1|end|VBG June|PROPN|compound|4 India|PROPN|dobj|2 "
                 "will|AUX|aux|6|will|MD borrow|VERB|ROOT|6 from|ADP|prep|6 Japan|PROPN|pobj|7", [(4, 5, "GPE"), (8, 9, "GPE")],
                 {("India", "borrow from", "Japan")}, id="stranded-subject"),
    pytest.param("In|ADP|prep|5 1987|NUM|pobj|0 ending|VERB|acl|1|end|VBG June|PROPN|compound|4 India|PROPN|dobj|2 "
                 "will|AUX|aux|6|will|MD borrow|VERB|ROOT|6 from|ADP|prep|6 Japan|PROPN|pobj|7 Iraq|PROPN|nsubj|6",
                 [(4, 5, "GPE"), (8, 9, "GPE"), (9, 10, "GPE")], {("Iraq", "borrow from", "Japan")}, id="a-subject-of-its-own"),
]


@pytest.mark.parametrize("spec, ents, expected", STRANDED)
def test_stranded_subject(blank_nlp, spec, ents, expected):
    assert pairs(article_statements(blank_nlp, [(spec, ents)])) == expected


# a noun of an actor's that ties it to another named actor: "his confrontation with Warren"
PARTY_NOUNS = [
    pytest.param("Obama|PROPN|poss|2 's|PART|case|0 relationship|NOUN|ROOT|2 with|ADP|prep|2 Netanyahu|PROPN|pobj|3",
                 [(0, 1, "PERSON"), (4, 5, "PERSON")], {("Barack Obama", "relationship with", "Benjamin Netanyahu")}, id="owner-name"),
    pytest.param("Obama|PROPN|poss|2 's|PART|case|0 relationship|NOUN|ROOT|2 with|ADP|prep|2 voters|NOUN|pobj|3|voter",
                 [(0, 1, "PERSON")], set(), id="the-other-party-unnamed"),
    pytest.param("the|DET|det|1 relationship|NOUN|ROOT|1 with|ADP|prep|1 Netanyahu|PROPN|pobj|2", [(3, 4, "PERSON")],
                 set(), id="no-owner"),
]


@pytest.mark.parametrize("spec, ents, expected", PARTY_NOUNS)
def test_party_noun(blank_nlp, spec, ents, expected):
    assert pairs(article_statements(blank_nlp, [(spec, ents)])) == expected


# -- the clause around a verb of force (relations.clause_places, relations.unrealised_infinitive) --

# "Trump escalated the offensive against Pelosi on social media"
ESCALATED = ("Trump|PROPN|nsubj|1 escalated|VERB|ROOT|1|escalate the|DET|det|3 offensive|NOUN|dobj|1 against|ADP|prep|3 "
             "Pelosi|PROPN|pobj|4 on|ADP|prep|5 social|ADJ|amod|8 media|NOUN|pobj|6|medium .|PUNCT|punct|1")
# "Authorities conspired to kill Jesus" / "Israel managed to kill civilians"
CONSPIRED = "Authorities|NOUN|nsubj|1|authority conspired|VERB|ROOT|1|conspire to|PART|aux|3 kill|VERB|xcomp|1 Jesus|PROPN|dobj|3"
MANAGED = "Israel|PROPN|nsubj|1 managed|VERB|ROOT|1|manage to|PART|aux|3 kill|VERB|xcomp|1 civilians|NOUN|dobj|3|civilian"


@pytest.mark.parametrize("spec, index, expected", [
    (ESCALATED, 1, ["pelosi", "medium"]),  # a phrase inside the object's phrase is the clause's too
    (CONSPIRED, 3, []),
])
def test_clause_places(blank_nlp, spec, index, expected):
    assert relations.clause_places(parsed(blank_nlp, spec)[index]) == expected


@pytest.mark.parametrize("spec, index, expected", [
    (CONSPIRED, 3, True),  # a plot, not a killing
    (MANAGED, 3, False),  # an implicative reports the act
    (ESCALATED, 1, False),  # no infinitive
])
def test_unrealised_infinitive(blank_nlp, spec, index, expected):
    assert relations.unrealised_infinitive(parsed(blank_nlp, spec)[index]) is expected


@pytest.mark.parametrize("governor, event", [("conspired|VERB|ROOT|1|conspire", None), ("managed|VERB|ROOT|1|manage", "ASSAULT")])
def test_conspired_to_kill_is_no_force(blank_nlp, governor, event):
    spec = f"Rebels|NOUN|nsubj|1|rebel {governor} to|PART|aux|3 kill|VERB|xcomp|1 Obama|PROPN|dobj|3 .|PUNCT|punct|1"
    found = {(s.predicate.lemma, s.object.text, s.predicate.event) for s in extract(blank_nlp, spec, [(4, 5, "PERSON")])}
    assert ("kill", "Obama", event) in found


def test_owner_of_an_act_done_by_someone_suffers_it(blank_nlp):
    # "Brown's killing by Wilson sparked outrage": Wilson killed Brown, not the reverse
    spec = ("Brown|PROPN|poss|2 's|PART|case|0 killing|NOUN|nsubj|5|killing by|ADP|prep|2 Wilson|PROPN|pobj|3 "
            "sparked|VERB|ROOT|5|spark outrage|NOUN|dobj|5 .|PUNCT|punct|5")
    found = {(s.subject.text, s.predicate.lemma, s.object.text) for s in extract(blank_nlp, spec, [(0, 1, "PERSON"), (4, 5, "PERSON")])
             if s.predicate.lemma.startswith("killing")}
    assert found == {("Wilson", "killing", "Brown")}


# -- issue 15: facts of a thing, read by the real model from made-up sentences --------------
MODEL_THING_FACTS = [
    ("Copper prices are expected 2 to 3 cents higher, the dealers said.",
     ("copper price", "are expected higher", None, False, "future")),
    ("Tariffs must be cut before the summit.", ("tariff", "must be cut", None, False, "obligated")),
    ("Layoffs on this scale are unprecedented, the union said.", ("layoff", "are unprecedented", None, False, None)),
    ("None of the newspapers reported the scandal.", ("newspaper", "reported", "scandal", True, None)),
    ("The bill gives the ITC jurisdiction over patent disputes.", ("bill", "gives jurisdiction to", "ITC", False, None)),
    ("Xerox opens a regional Denver office.", ("Xerox", "opens", "office", False, None)),
    ("Trump's win in Iowa surprised the pollsters.", ("Trump", "win in", "Iowa", False, None),
     ("win", "surprised", "pollster", False, None)),
]


@pytest.mark.parametrize("text, expected", [(t, set(e)) for t, *e in MODEL_THING_FACTS], ids=[t[:30] for t, *_ in MODEL_THING_FACTS])
def test_model_thing_facts(text, expected):
    import kg
    found = {(s.subject.entity.id, s.predicate.text, s.object.entity.id if s.object else None, s.negated, s.modality)
             for s in kg.extract(text)}
    assert found == expected


# -- issue 15, actor recall: an act on an owner's thing in the passive, a wanted clause's subject --

OWNED_AND_WANTED = [
    pytest.param("China|PROPN|poss|2 's|PART|case|0 bid|NOUN|nsubjpass|4 was|AUX|auxpass|4|be backed|VERB|ROOT|4|back|VBN "
                 "by|ADP|agent|4 Japan|PROPN|pobj|5 .|PUNCT|punct|4", [(0, 1, "GPE"), (6, 7, "GPE")],
                 {("Japan", "back", "China", False, None, None), ("Japan", "back", "bid", False, None, None)},
                 id="passive-on-an-owners-thing"),
    pytest.param("China|PROPN|poss|2 's|PART|case|0 prospects|NOUN|nsubj|3|prospect are|AUX|ROOT|3|be good|ADJ|acomp|3 "
                 ",|PUNCT|punct|3 with|ADP|prep|3 its|PRON|poss|8|its|PRP$ application|NOUN|pobj|6 supported|VERB|acl|8|support|VBN "
                 "by|ADP|agent|9 Japan|PROPN|pobj|10", [(0, 1, "GPE"), (11, 12, "GPE")],
                 {("Japan", "support", "China", False, None, None), ("Japan", "support", "application", False, None, None)},
                 id="reduced-passive-its-continues-an-owner"),
    pytest.param("a|DET|det|3 U.S.|PROPN|compound|3 peace|NOUN|compound|3 plan|NOUN|nsubjpass|5 was|AUX|auxpass|5|be "
                 "approved|VERB|ROOT|5|approve|VBN by|ADP|agent|5 Congress|PROPN|pobj|6", [(1, 2, "GPE"), (7, 8, "ORG")],
                 {("congress", "approve", "peace plan", False, None, None)}, id="passive-compound-is-no-owner"),
    pytest.param("Russia|PROPN|nsubj|1 wants|VERB|ROOT|1|want Ukraine|PROPN|nsubj|4 to|PART|aux|4 surrender|VERB|ccomp|1",
                 [(0, 1, "GPE"), (2, 3, "GPE")],
                 {("Russia", "want", "Ukraine", False, "requested", None), ("Ukraine", "surrender", None, False, "intended", None)},
                 id="wanted-clause-subject"),
    pytest.param("Trump|PROPN|nsubj|2 will|AUX|aux|2 need|VERB|ROOT|2 Congress|PROPN|nsubj|5 to|PART|aux|5 repeal|VERB|ccomp|2 "
                 "rules|NOUN|dobj|5|rule", [(0, 1, "PERSON"), (3, 4, "ORG")],
                 {("Trump", "need", "congress", False, "future", None), ("congress", "repeal", "rule", False, "obligated", None)},
                 id="needed-clause-subject-future"),
    pytest.param("Russia|PROPN|nsubj|1 wants|VERB|ROOT|1|want to|PART|aux|3 meet|VERB|xcomp|1 Ukraine|PROPN|dobj|3",
                 [(0, 1, "GPE"), (4, 5, "GPE")], {("Russia", "meet", "Ukraine", False, "intended", None)},
                 id="wanting-to-act-is-no-want-of-anyone"),
    pytest.param("Russia|PROPN|nsubj|1 said|VERB|ROOT|1|say Ukraine|PROPN|nsubj|4 must|AUX|aux|4 surrender|VERB|ccomp|1",
                 [(0, 1, "GPE"), (2, 3, "GPE")], set(), id="a-said-clause-is-no-want"),
]


@pytest.mark.parametrize("spec, ents, expected", OWNED_AND_WANTED)
def test_owned_and_wanted(blank_nlp, spec, ents, expected):
    assert facts(extract(blank_nlp, spec, ents)) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Diplomats said Brazil's chances were good, with its bid backed by Argentina and Chile.",
     {("Argentina", "backed bid of", "Brazil"), ("Chile", "backed bid of", "Brazil")}),
    ("The union wants Congress to pass the bill, its leader said.", set()),
    ("Germany wants France to raise its defence budget.", {("Germany", "wants", "France")}),
    ("As Smith wrote in The Times, Obama criticized Putin.", {("Barack Obama", "criticized", "Vladimir Putin")}),
    ("Barack Obama blamed the defeat on Mitt Romney's campaign.", {("Barack Obama", "blamed defeat on campaign of", "Mitt Romney")}),
    ("Russia's invasion of Ukraine shocked Europe.", {("Russia", "invasion of", "Ukraine")}),
])
def test_model_owned_and_wanted(text, expected):
    import kg
    found = {(s.subject.entity.id, s.predicate.text, s.object.entity.id) for s in kg.extract(text)
             if s.object is not None and s.object.entity.type != "Concept" and s.subject.entity.type != "Concept"}
    assert found == expected


# an opening "as" clause that swallowed the main clause's subject as a conjunct of its last noun
GLUED = "As|SCONJ|mark|2 Smith|PROPN|nsubj|2 wrote|VERB|advcl|8|write in|ADP|prep|2 The|DET|det|5 Times|PROPN|pobj|3 ,|PUNCT|punct|5 "
GLUED_ROWS = [
    pytest.param(GLUED + "Obama|PROPN|conj|5 criticized|VERB|ROOT|8|criticize Putin|PROPN|dobj|8",
                 [(1, 2, "PERSON"), (4, 6, "ORG"), (7, 8, "PERSON"), (9, 10, "PERSON")],
                 {("Barack Obama", "criticize", "Vladimir Putin", False, None, "Smith")}, id="as-clause-swallowed-the-subject"),
    pytest.param(GLUED + "Berlin|PROPN|conj|5 he|PRON|nsubj|9 criticized|VERB|ROOT|9|criticize Putin|PROPN|dobj|9",
                 [(1, 2, "PERSON"), (4, 6, "ORG"), (7, 8, "GPE"), (10, 11, "PERSON")],
                 {("Smith", "criticize", "Vladimir Putin", False, None, None)}, id="a-verb-with-its-own-subject-keeps-it"),
    pytest.param("Smith|PROPN|nsubj|1 wrote|VERB|advcl|7|write in|ADP|prep|1 The|DET|det|4 Times|PROPN|pobj|2 ,|PUNCT|punct|4 "
                 "Obama|PROPN|conj|4 criticized|VERB|ROOT|7|criticize Putin|PROPN|dobj|7",
                 [(0, 1, "PERSON"), (3, 5, "ORG"), (6, 7, "PERSON"), (8, 9, "PERSON")],
                 set(), id="only-a-clause-opened-by-its-conjunction"),
]


@pytest.mark.parametrize("spec, ents, expected", GLUED_ROWS)
def test_glued_subject(blank_nlp, spec, ents, expected):
    assert facts(extract(blank_nlp, spec, ents)) == expected


# blame laid "on" a thing falls on its owner ("blamed the issue on Clinton's campaign"), no other verb's "on"
BLAME_ON = "Obama|PROPN|nsubj|1 {} the|DET|det|4 entire|ADJ|amod|4 issue|NOUN|dobj|1 on|ADP|prep|4 Clinton|PROPN|poss|8 " \
           "'s|PART|case|6 campaign|NOUN|pobj|5"


@pytest.mark.parametrize("verb, expected", [
    ("blamed|VERB|ROOT|1|blame", {("Barack Obama", "blame on", "Clinton", False, None, None), ("Barack Obama", "blame", "issue", False, None, None)}),
    ("discussed|VERB|ROOT|1|discuss", {("Barack Obama", "discuss", "issue", False, None, None)}),
])
def test_blamed_on_an_owners_thing(blank_nlp, verb, expected):
    assert facts(extract(blank_nlp, BLAME_ON.format(verb), [(0, 1, "PERSON"), (6, 7, "PERSON")])) == expected


# the objective "of" after an event noun whose actor is named before it; none without that actor
OBJECTIVE_OF = [
    pytest.param("Russia|PROPN|poss|2 's|PART|case|0 invasion|NOUN|nsubj|5 of|ADP|prep|2 Ukraine|PROPN|pobj|3 "
                 "shocked|VERB|ROOT|5|shock Europe|PROPN|dobj|5", [(0, 1, "GPE"), (4, 5, "GPE"), (6, 7, "LOC")],
                 {("Russia", "invasion of", "Ukraine", False, None, None), ("invasion", "shock", "Europe", False, None, None)},
                 id="owner-then-objective-of"),
    pytest.param("the|DET|det|1 criticism|NOUN|nsubj|5 of|ADP|prep|1 the|DET|det|4 Kremlin|PROPN|pobj|2 grew|VERB|ROOT|5|grow",
                 [(4, 5, "ORG")], {("criticism", "grow", None, False, None, None)}, id="no-actor-before-no-of-reading"),
    pytest.param("its|PRON|poss|1|its|PRP$ invasion|NOUN|nsubj|4 of|ADP|prep|1 Ukraine|PROPN|pobj|2 shocked|VERB|ROOT|4|shock "
                 "Europe|PROPN|dobj|4", [(3, 4, "GPE"), (5, 6, "LOC")], {("invasion", "shock", "Europe", False, None, None)},
                 id="a-pronoun-owner-is-not-enough"),
]


@pytest.mark.parametrize("spec, ents, expected", OBJECTIVE_OF)
def test_objective_of(blank_nlp, spec, ents, expected):
    assert facts(extract(blank_nlp, spec, ents)) == expected


# a subject "it" continues the sentence before's definite singular thing subject, not a body
# named further back; "Elsinore said it …" with Elsinore unmarked is Elsinore Corp
NATO_THEN = "NATO|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Serbia|PROPN|dobj|1 .|PUNCT|punct|1 "
IT_REVIVED = ("it|PRON|nsubj|1|it|PRP revived|VERB|ROOT|1|revive Biden|PROPN|dobj|1", [(2, 3, "PERSON")])
IT_AFTER_A_THING = [
    pytest.param([(NATO_THEN + "The|DET|det|6 Democratic|ADJ|amod|6 establishment|NOUN|nsubj|7|establishment|NN "
                   "managed|VERB|ROOT|7|manage the|DET|det|9 impossible|ADJ|dobj|7", [(0, 1, "ORG"), (2, 3, "GPE")]), IT_REVIVED],
                 {("NATO", "attack", "Serbia")}, id="a-thing-subject-between-is-whom-it-continues"),
    pytest.param([(NATO_THEN + "Prices|NOUN|nsubj|5|price|NNS rose|VERB|ROOT|5|rise", [(0, 1, "ORG"), (2, 3, "GPE")]), IT_REVIVED],
                 {("NATO", "attack", "Serbia"), ("NATO", "revive", "Biden"), ("price", "rise", None)},
                 id="a-plural-subject-between-leaves-the-body"),
    pytest.param([("Elsinore|PROPN|compound|1 Corp|PROPN|nsubj|2 sold|VERB|ROOT|2|sell bonds|NOUN|dobj|2|bond", [(0, 2, "ORG")]),
                  ("The|DET|det|1 offering|NOUN|nsubj|2|offering|NN closed|VERB|ROOT|2|close", []),
                  ("Elsinore|PROPN|nsubj|1 said|VERB|ROOT|1|say it|PRON|nsubj|4|it|PRP has|AUX|aux|4|have "
                   "guaranteed|VERB|ccomp|1|guarantee the|DET|det|6 payment|NOUN|dobj|4", [])],
                 {("Elsinore Corp", "sell", "bond"), ("Elsinore Corp", "guarantee", "payment")}, id="an-unmarked-reporter-names-its-body"),
]


@pytest.mark.parametrize("paragraphs, expected", IT_AFTER_A_THING)
def test_it_after_a_thing_subject(blank_nlp, paragraphs, expected):
    assert pairs(article_statements(blank_nlp, paragraphs)) == expected


# an infinitive on a verb's object parsed as a relative clause, with an object of its own, is the
# purpose of whoever holds the noun; not under a denial, and not without its own object
INFINITIVE_RELATIVES = [
    pytest.param("Zambia|PROPN|nsubj|2 has|AUX|aux|2|have obtained|VERB|ROOT|2|obtain loans|NOUN|dobj|2|loan to|PART|aux|5 "
                 "pay|VERB|relcl|3 off|ADP|prt|5 its|PRON|poss|9|its|PRP$ IMF|PROPN|compound|9 arrears|NOUN|dobj|5|arrear",
                 [(0, 1, "GPE"), (8, 9, "ORG")],
                 {("Zambia", "obtain", "loan", False, None, None), ("Zambia", "pay off", "International Monetary Fund", False, "intended", None),
                  ("Zambia", "pay off", "arrear", False, "intended", None)}, id="loans-to-pay-off-arrears"),
    pytest.param("Zambia|PROPN|nsubj|1 got|VERB|ROOT|1|get no|DET|det|3 reason|NOUN|dobj|1 to|PART|aux|5 doubt|VERB|relcl|3 "
                 "Kenya|PROPN|dobj|5", [(0, 1, "GPE"), (6, 7, "GPE")], {("Zambia", "get", "reason", True, None, None)},
                 id="no-reason-to-doubt-is-no-purpose"),
    pytest.param("Zambia|PROPN|nsubj|1 got|VERB|ROOT|1|get a|DET|det|3 bill|NOUN|dobj|1 to|PART|aux|5 sign|VERB|relcl|3",
                 [(0, 1, "GPE")], {("Zambia", "get", "bill", False, None, None)}, id="a-bill-to-sign-has-no-object-of-its-own"),
]


@pytest.mark.parametrize("spec, ents, expected", INFINITIVE_RELATIVES)
def test_infinitive_relative(blank_nlp, spec, ents, expected):
    assert facts(extract(blank_nlp, spec, ents)) == expected


@pytest.mark.parametrize("spec, container, actor, words", [
    # an actor after a preposition inside the thing: "imposed new sanctions on Russia"
    ("EU|PROPN|nsubj|1 imposed|VERB|ROOT|1|impose new|ADJ|amod|3 sanctions|NOUN|dobj|1|sanction on|ADP|prep|3 "
     "Russia|PROPN|pobj|4 .|PUNCT|punct|1", 3, 5, "new sanctions on"),
    # ... a conjunct of it: "sanctions against the Taliban and Iran"
    ("EU|PROPN|nsubj|1 lifted|VERB|ROOT|1|lift sanctions|NOUN|dobj|1|sanction against|ADP|prep|2 the|DET|det|5 "
     "Taliban|PROPN|pobj|3 and|CCONJ|cc|5 Iran|PROPN|conj|5 .|PUNCT|punct|1", 2, 7, "sanctions against"),
    # an owner before the thing: "rejected Turkey's proposal" (the determiner and the owner go)
    ("Greece|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject Turkey|PROPN|poss|4 's|PART|case|2 proposal|NOUN|dobj|1 "
     ".|PUNCT|punct|1", 4, 2, "proposal of"),
    ("Iraq|PROPN|nsubj|1 rejected|VERB|ROOT|1|reject a|DET|det|4 U.S.|PROPN|compound|4 request|NOUN|dobj|1 "
     ".|PUNCT|punct|1", 4, 3, "request by"),  # the owner of an act is its doer
    # an owner inside the preposition's phrase: "favored an inquiry into Clinton's practices"
    ("Pence|PROPN|nsubj|1 favored|VERB|ROOT|1|favor an|DET|det|3 inquiry|NOUN|dobj|1 into|ADP|prep|3 Clinton|PROPN|poss|7 "
     "'s|PART|case|5 practices|NOUN|pobj|4|practice .|PUNCT|punct|1", 3, 5, "inquiry into practices of"),
])
def test_the_thing_an_actor_sits_in_goes_in_the_predicate(blank_nlp, spec, container, actor, words):
    doc = parsed(blank_nlp, spec)
    assert relations.thing_of_actor(doc[container], doc[actor]) == words


def test_an_adjective_actor_keeps_its_phrase(blank_nlp):
    # "condemned Russian strikes": the strikes are Russia's; the phrase stays the argument
    doc = parsed(blank_nlp, "Ukraine|PROPN|nsubj|1 condemned|VERB|ROOT|1|condemn Russian|ADJ|amod|3 strikes|NOUN|dobj|1|strike "
                            ".|PUNCT|punct|1")
    assert relations.thing_of_actor(doc[3], doc[2]) is None


def test_an_actor_deeper_inside_keeps_its_phrase(blank_nlp):
    # "resume talks on Aegean airspace": the airspace is talked about, not the Aegean
    doc = parsed(blank_nlp, "Greece|PROPN|nsubj|1 resumed|VERB|ROOT|1|resume talks|NOUN|dobj|1|talk on|ADP|prep|2 "
                            "Aegean|PROPN|compound|5 airspace|NOUN|pobj|3 .|PUNCT|punct|1")
    assert relations.thing_of_actor(doc[2], doc[4]) is None


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The European Union could impose new sanctions on Russia.", ("European Union", "could impose new sanctions on", "Russia", "Russia")),
    ("Greece rejected Turkey's proposal.", ("Greece", "rejected proposal of", "Turkey", "Turkey")),
])
def test_model_an_edge_to_an_actor_inside_a_thing_reads_as_the_sentence(text, expected):
    import kg
    subject, predicate, obj_text, obj_id = expected
    found = {(s.subject.entity.id, s.predicate.text, s.object.text, s.object.entity.id)
             for s in kg.extract(text) if s.object is not None and s.object.entity.id == obj_id}
    assert found == {expected}


@pytest.mark.model
@pytest.mark.parametrize("text, event", [
    ("Exports declined 5 pct in March, the ministry said.", None),     # an amount that changes: no act
    ("The budget deficit has declined sharply this year.", None),
    ("Japan declined to comment.", "REJECT"),                          # an actor's refusal stays one
])
def test_model_a_change_of_an_amount_is_no_act(text, event):
    import kg
    (statement,) = kg.extract(text)
    assert statement.predicate.event == event


@pytest.mark.parametrize("spec, changes", [
    ("exports|NOUN|nsubj|1|export declined|VERB|ROOT|1|decline .|PUNCT|punct|1", True),
    ("Japan|PROPN|nsubj|1 declined|VERB|ROOT|1|decline .|PUNCT|punct|1", False),       # an actor
    ("workers|NOUN|nsubj|1|worker declined|VERB|ROOT|1|decline .|PUNCT|punct|1", False),  # people
    ("exports|NOUN|nsubj|1|export doubled|VERB|ROOT|1|double .|PUNCT|punct|1", False),   # no verb of change in the list
])
def test_amount_changes(blank_nlp, spec, changes):
    from kg.types import Argument, Entity
    doc = parsed(blank_nlp, spec)
    kind = "Country" if doc[0].text == "Japan" else "Concept"
    subject = Argument(doc[0].text, Entity(id=doc[0].lemma_, label=doc[0].text, type=kind))
    assert relations.amount_changes(subject, doc[0], doc[1].lemma_) is changes


@pytest.mark.parametrize("text, right, wrong", [
    ("Trump has used Twitter to bolster his victory over Clinton.", ("Trump", "bolster"), "Twitter"),
    ("Hezbollah called on Lebanon to expel the Syrian envoy.", ("Lebanon", "expel"), "Hezbollah"),
])
def test_model_who_does_the_infinitive(text, right, wrong):
    from kg.extraction import extract as extract_text

    found = {(s.subject.entity.id, s.predicate.lemma.split()[0]) for s in extract_text(text)}
    assert right in found and (wrong, right[1]) not in found


def test_model_second_verb_of_saying_under_the_report():
    from kg.extraction import extract as extract_text

    found = {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None):
             s.attributed_to for s in extract_text(
        "Budget talks\n\nHouse Speaker John Boehner said Sunday that talks with the administration are going nowhere "
        "and accused President Obama of trying to ram through the plan.")}
    assert ("John Boehner", "accuse", "Barack Obama") in found and found[("John Boehner", "accuse", "Barack Obama")] is None


def test_model_a_second_act_announced_stays_reported():
    from kg.extraction import extract as extract_text

    found = [s for s in extract_text("Russia announced on Monday it would halt all aid to Syria and would deny entry to "
                                     "Iran's envoys.") if s.predicate.lemma.startswith("deny")]
    assert found and all(s.subject.entity.id == "Russia" and s.attributed_to is not None for s in found)
@pytest.mark.parametrize("first, objects", [("try", []), ("attack", ["airport"])])
def test_clause_objects_of_try_and(blank_nlp, first, objects):
    # "will try and seize the airport": the trying has no object; "attack and seize the airport"
    # shares it (right-node raising)
    from kg.relations import clause_objects

    doc = parsed(blank_nlp, f"rebels|NOUN|nsubj|2|rebel will|AUX|aux|2 {first}|VERB|ROOT|2 and|CCONJ|cc|2 seize|VERB|conj|2 "
                            "airport|NOUN|dobj|4")
    assert [t.text for t in clause_objects(doc[2])] == objects


@pytest.mark.parametrize("spec, index, aside", [
    # "Senator Smith, considered a moderate, voted against the bill": Smith is the one considered
    ("Senator|PROPN|compound|1 Smith|PROPN|nsubj|3 ,|PUNCT|punct|1 considered|VERB|ROOT|3|consider|VBD a|DET|det|5 "
     "moderate|ADJ|oprd|3 ,|PUNCT|punct|3 voted|VERB|conj|3|vote|VBD", 3, True),
    # a reporting aside between subject and verb is no such participle: "Iran, he said, considered the offer"
    ("Iran|PROPN|nsubj|5 ,|PUNCT|punct|0 he|PRON|nsubj|3 said|VERB|parataxis|5|say|VBD ,|PUNCT|punct|5 "
     "considered|VERB|ROOT|5|consider|VBD offer|NOUN|dobj|5", 5, False),
    # an active verb: "The minister considered the offer"
    ("minister|NOUN|nsubj|1 considered|VERB|ROOT|1|consider|VBD offer|NOUN|dobj|1", 1, False),
    # an active verb after an appositive: "Cohen, D-Tenn., considered the violence sad, retweeting a post"
    ("Cohen|PROPN|nsubj|4 ,|PUNCT|punct|0 D-Tenn.|PROPN|appos|0 ,|PUNCT|punct|0 considered|VERB|ROOT|4|consider|VBD "
     "violence|NOUN|dobj|4 sad|ADJ|oprd|4 ,|PUNCT|punct|4 retweeting|VERB|advcl|4|retweet|VBG post|NOUN|dobj|8", 4, False),
    # an active verb of another kind between commas is an act: "Smith, angered, attacked Iran"
    ("Smith|PROPN|nsubj|3 ,|PUNCT|punct|0 angered|VERB|advcl|3|anger|VBN ,|PUNCT|punct|3 attacked|VERB|ROOT|3|attack|VBD "
     "Iran|PROPN|dobj|3", 2, False),
])
def test_participle_aside(blank_nlp, spec, index, aside):
    from kg.relations import participle_aside

    assert participle_aside(parsed(blank_nlp, spec)[index]) is aside


@pytest.mark.parametrize("spec, expected", [
    # the preposition "to" before "-ing" is the governing verb's: "confessed to secretly recording it"
    ("He|PRON|nsubj|1 confessed|VERB|ROOT|1|confess to|PART|aux|4 secretly|ADV|advmod|4 recording|VERB|xcomp|1|record|VBG "
     "it|PRON|dobj|4", "secretly recording"),
    # the infinitive's "to" before a progressive stays: "appears to be keeping"
    ("He|PRON|nsubj|1 appears|VERB|ROOT|1|appear to|PART|aux|4 be|AUX|aux|4 keeping|VERB|xcomp|1|keep|VBG "
     "options|NOUN|dobj|4", "to be keeping"),
    # an adverb that makes one verb with it: "the talks could fall apart"
    ("talks|NOUN|nsubj|2|talk could|AUX|aux|2|could|MD falling|VERB|ROOT|2|fall|VBG apart|ADV|advmod|2", "could falling apart"),
    # a plea: "The two pleaded not guilty"
    ("two|NUM|nsubj|1 pleading|VERB|ROOT|1|plead|VBG not|PART|neg|3 guilty|ADJ|acomp|1", "pleading not guilty"),
    # the "not" of "whether or not" is no part of the predicate
    ("whether|SCONJ|mark|4 or|CCONJ|cc|4 not|PART|neg|4 Court|PROPN|nsubj|4 upholding|VERB|ROOT|4|uphold|VBG "
     "it|PRON|dobj|4", "upholding"),
])
def test_predicate_words_to_before_ing(blank_nlp, spec, expected):
    doc = parsed(blank_nlp, spec)
    verb = next(t for t in doc if t.tag_ == "VBG")
    assert " ".join(t.text for t in relations.predicate_words(verb)) == expected


def test_denying_no_is_the_negation_only(blank_nlp):
    # "Milbank poses no security threat to Trump": NOT poses | security threat (no double negative)
    found = sentence_statements(blank_nlp, "Milbank|PROPN|nsubj|1 poses|VERB|ROOT|1|pose no|DET|det|4 security|NOUN|compound|4 "
                                           "threat|NOUN|dobj|1 to|ADP|prep|1 Trump|PROPN|pobj|5 .|PUNCT|punct|1",
                                [(0, 1, "PERSON"), (6, 7, "PERSON")])
    shown = {(s.predicate.text, s.object.text, s.negated) for s in found}
    assert ("poses", "security threat", True) in shown
    assert not any("no " in f"{p} {o} " for p, o, _ in shown)


@pytest.mark.model
@pytest.mark.parametrize("text, holder, wrong_subject, verb", [
    # the infinitive on the object is its holder's, not the clause subject's
    ("The court upheld the right of the workers to strike against the company.", "workers", "court", "strike"),
    ("Judge Smith affirmed the right of reporters to shield their informants.", "reporters", "Smith", "shield"),
    ("Congress gave the states every right to try to block the rule.", None, "Congress", "block"),
])
def test_model_an_object_purpose_is_its_holders(text, holder, wrong_subject, verb):
    import kg
    acts = [s for s in kg.extract(text) if s.predicate.lemma.split()[0] == verb]
    assert not any(wrong_subject in s.subject.text for s in acts)
    assert [s.subject.text.split()[-1] for s in acts] == ([holder] if holder else [])


# Who does a clause: each construction on a hand-built parse, the verb's index, the subject
# heads :func:`kg.relations.subjects` must give (all of them; none when the sentence names nobody).
CLAUSE_SUBJECTS = [
    # an infinitive on a decided act its verb reacts to: the court does not cut the bond
    pytest.param("Court|PROPN|nsubj|1 overturned|VERB|ROOT|1|overturn a|DET|det|3 decision|NOUN|dobj|1 to|PART|aux|5 "
                 "cut|VERB|acl|3|cut|VB the|DET|det|7 bond|NOUN|dobj|5", [(0, 1, "ORG")], 5, [], id="reaction-to-an-act"),
    # … while the one who reaches an agreement means to do it
    pytest.param("Texaco|PROPN|nsubj|1 reached|VERB|ROOT|1|reach an|DET|det|3 agreement|NOUN|dobj|1 to|PART|aux|5 "
                 "sell|VERB|acl|3|sell|VB the|DET|det|7 unit|NOUN|dobj|5", [(0, 1, "ORG")], 5, ["Texaco"], id="own-agreement"),
    # the noun's "by" agent does it: "welcomed the decision by India to open a link"
    pytest.param("Britain|PROPN|nsubj|1 welcomed|VERB|ROOT|1|welcome the|DET|det|3 decision|NOUN|dobj|1 by|ADP|prep|3 "
                 "India|PROPN|pobj|4 to|PART|aux|7 open|VERB|acl|3|open|VB a|DET|det|9 link|NOUN|dobj|7",
                 [(0, 1, "GPE"), (5, 6, "GPE")], 7, ["India"], id="by-agent-of-the-act"),
    # "for X to VERB": X does it
    pytest.param("The|DET|det|1 plan|NOUN|nsubj|2 gives|VERB|ROOT|2|give subsidies|NOUN|dobj|2|subsidy for|ADP|prep|3 "
                 "developers|NOUN|pobj|4|developer to|PART|aux|7 build|VERB|advcl|2|build|VB roads|NOUN|dobj|7|road",
                 [], 7, ["developers"], id="for-subject"),
    # … not a stretch of time: the stayer rests
    pytest.param("Jones|PROPN|nsubj|1 stayed|VERB|ROOT|1|stay for|ADP|prep|1 a|DET|det|4 week|NOUN|pobj|2 to|PART|aux|6 "
                 "rest|VERB|advcl|1|rest|VB", [(0, 1, "PERSON")], 6, ["Jones"], id="for-a-time-is-no-subject"),
    # object control parsed as a purpose: the department is to remove him
    pytest.param("Republicans|PROPN|nsubj|1 pressured|VERB|ROOT|1|pressure the|DET|det|3 Department|PROPN|dobj|1 "
                 "on|ADP|prep|1 Monday|PROPN|pobj|4 to|PART|aux|7 remove|VERB|advcl|1|remove|VB him|PRON|dobj|7",
                 [(0, 1, "NORP"), (3, 4, "ORG")], 7, ["Department"], id="object-control-as-purpose"),
    # … not a thing paid: the payer services the debt
    pytest.param("Australia|PROPN|nsubj|1 pays|VERB|ROOT|1|pay something|PRON|dobj|1 to|PART|aux|4 service|VERB|advcl|1|service|VB "
                 "the|DET|det|6 debt|NOUN|dobj|4", [(0, 1, "GPE")], 4, ["Australia"], id="purpose-after-a-thing"),
    # a participle coordinated with a passive one is passive: they were searched, they searched nobody
    pytest.param("Asians|PROPN|nsubjpass|2 were|AUX|auxpass|2|be stopped|VERB|ROOT|2|stop|VBN and|CCONJ|cc|2 "
                 "searched|VERB|conj|2|search|VBN", [(0, 1, "NORP")], 4, [], id="passive-conjunct"),
    pytest.param("Police|NOUN|nsubj|1 stopped|VERB|ROOT|1|stop|VBD and|CCONJ|cc|1 searched|VERB|conj|1|search|VBD "
                 "them|PRON|dobj|3", [], 3, ["Police"], id="active-conjunct"),
    # … also when tagged as a past tense after a passive infinitive
    pytest.param("Asians|PROPN|nsubj|1 were|AUX|ROOT|1|be likely|ADJ|acomp|1 to|PART|aux|5 be|AUX|auxpass|5 "
                 "stopped|VERB|xcomp|2|stop|VBN and|CCONJ|cc|5 searched|VERB|conj|5|search|VBD", [(0, 1, "NORP")], 7, [],
                 id="passive-conjunct-tagged-past"),

    # a gerund hung on an infinitive is not one of its acts
    pytest.param("Firms|NOUN|nsubj|1 want|VERB|ROOT|1 to|PART|aux|3 build|VERB|xcomp|1|build|VB pipelines|NOUN|dobj|3|pipeline "
                 ",|PUNCT|punct|3 gutting|VERB|conj|3|gut|VBG laws|NOUN|dobj|6|law", [], 6, [], id="gerund-after-infinitive"),
    pytest.param("Firms|NOUN|nsubj|1 want|VERB|ROOT|1 to|PART|aux|3 build|VERB|xcomp|1|build|VB roads|NOUN|dobj|3|road "
                 "and|CCONJ|cc|3 widen|VERB|conj|3|widen|VB bridges|NOUN|dobj|6|bridge", [], 6, ["Firms"], id="infinitive-conjunct"),
    # a "that" clause after the object of a preposition on people is about that object
    pytest.param("senators|NOUN|nsubj|6|senator|NNS from|ADP|prep|0 states|NOUN|pobj|1|state|NNS that|PRON|nsubj|4|that|WDT "
                 "expanded|VERB|relcl|0|expand|VBD Medicaid|PROPN|dobj|4 want|VERB|ROOT|6", [(5, 6, "ORG")], 4, ["states"],
                 id="relative-on-the-noun-before"),
    # … not when the verb agrees with the head only
    pytest.param("members|NOUN|nsubj|6|member|NNS of|ADP|prep|0 the|DET|det|3 panel|NOUN|pobj|1|panel|NN that|PRON|nsubj|5|that|WDT "
                 "meet|VERB|relcl|0|meet|VBP vote|VERB|ROOT|6", [], 5, ["members"], id="relative-agrees-with-the-head"),
    # … nor on a thing: the sellout poisoned it
    pytest.param("a|DET|det|1 sellout|NOUN|nsubj|7 to|ADP|prep|1 supremacy|NOUN|pobj|2|supremacy|NN that|PRON|nsubj|5|that|WDT "
                 "poisoned|VERB|relcl|1|poison|VBD it|PRON|dobj|5 ended|VERB|ROOT|7|end", [], 5, ["sellout"], id="relative-on-a-thing"),
    # an act praised "in" doing it: the praised one did it, or nobody named
    pytest.param("Straw|PROPN|nsubj|1 praised|VERB|ROOT|1|praise the|DET|det|3 spirit|NOUN|dobj|1 in|ADP|prep|1 "
                 "achieving|VERB|pcomp|4|achieve|VBG the|DET|det|7 breakthrough|NOUN|dobj|5", [(0, 1, "PERSON")], 5, [],
                 id="praised-thing-in-doing"),
    pytest.param("Straw|PROPN|nsubj|1 praised|VERB|ROOT|1|praise India|PROPN|dobj|1 in|ADP|prep|1 "
                 "reaching|VERB|pcomp|3|reach|VBG the|DET|det|6 deal|NOUN|dobj|4", [(0, 1, "PERSON"), (2, 3, "GPE")], 4, ["India"],
                 id="praised-actor-in-doing"),
    # an aim equated with an infinitive: its owner does it, or nobody named
    pytest.param("Our|PRON|poss|1|our|PRP$ aim|NOUN|nsubj|2 is|AUX|ROOT|2|be to|PART|aux|4 ensure|VERB|xcomp|2|ensure|VB "
                 "it|PRON|dobj|4", [], 4, ["Our"], id="owner-of-a-copular-aim"),
    pytest.param("The|DET|det|1 plan|NOUN|nsubj|2 is|AUX|ROOT|2|be to|PART|aux|4 sell|VERB|xcomp|2|sell|VB "
                 "it|PRON|dobj|4", [], 4, [], id="copular-aim-of-nobody-named"),
    pytest.param("Iran|PROPN|nsubj|1 is|AUX|ROOT|1|be ready|ADJ|acomp|1 to|PART|aux|4 talk|VERB|xcomp|2|talk|VB",
                 [(0, 1, "GPE")], 4, ["Iran"], id="no-aim-keeps-the-subject"),
    # a clause set off by dashes keeps its own subject, not the outer one parsed as a second
    pytest.param("decision|NOUN|nsubj|3 —|PUNCT|punct|3 he|PRON|nsubj|3 speak|VERB|ROOT|3 in|ADP|prep|3 Denver|PROPN|pobj|4",
                 [(5, 6, "GPE")], 3, ["he"], id="subject-inside-the-dashes"),
    # … and the verb after the closing dash gets the subject before the opening one
    pytest.param("decision|NOUN|nsubj|3 —|PUNCT|punct|3 he|PRON|nsubj|3 speak|VERB|ccomp|9 in|ADP|prep|3 Denver|PROPN|pobj|4 "
                 "and|CCONJ|cc|5 Tampa|PROPN|nsubj|9 —|PUNCT|punct|7 angered|VERB|ROOT|9|anger Democrats|PROPN|dobj|9",
                 [(5, 6, "GPE"), (7, 8, "GPE"), (10, 11, "NORP")], 9, ["decision"], id="subject-before-the-dashes"),
    # … not a subject added between dashes with "and", nor one with no other subject before them
    pytest.param("duties|NOUN|nsubj|7 —|PUNCT|punct|7 and|CCONJ|cc|0 the|DET|det|4 limits|NOUN|nsubj|7|limit —|PUNCT|punct|4 "
                 "have|AUX|aux|7 left|VERB|ROOT|7|leave her|PRON|dobj|7", [], 7, ["duties", "limits"], id="subject-added-between-dashes"),
    pytest.param("Roe|PROPN|nsubj|1 closed|VERB|ROOT|1|close —|PUNCT|punct|1 and|CCONJ|cc|1 the|DET|det|5 limits|NOUN|nsubj|8|limit "
                 "—|PUNCT|punct|5 have|AUX|aux|8 hurt|VERB|conj|1|hurt her|PRON|dobj|8", [(0, 1, "PERSON")], 8, ["limits"],
                 id="subject-between-dashes-with-none-before"),
    pytest.param("Russia|PROPN|nsubj|6 —|PUNCT|punct|0 which|PRON|nsubj|3 backed|VERB|relcl|0|back Assad|PROPN|dobj|3 "
                 "—|PUNCT|punct|0 said|VERB|ROOT|6|say", [(0, 1, "GPE"), (4, 5, "PERSON")], 6, ["Russia"],
                 id="one-subject-across-dashes"),
]


@pytest.mark.parametrize("spec, ents, verb, expected", CLAUSE_SUBJECTS)
def test_clause_subjects(blank_nlp, spec, ents, verb, expected):
    doc = parsed(blank_nlp, spec, ents)
    EntityResolver(blank_nlp).annotate(doc)
    heads, _ = relations.subjects(doc[verb])
    assert [t.text for t in heads] == expected


@pytest.mark.parametrize("spec, passive", [
    # "to be stopped and searched": the tagger's past tense after a passive infinitive is a participle
    ("to|PART|aux|2 be|AUX|auxpass|2 stopped|VERB|ROOT|2|stop|VBN and|CCONJ|cc|2 searched|VERB|conj|2|search|VBD", True),
    # "was arrested and confessed": a finite verb after a finite passive is active
    ("Jones|PROPN|nsubjpass|2 was|AUX|auxpass|2|be arrested|VERB|ROOT|2|arrest|VBN and|CCONJ|cc|2 "
     "confessed|VERB|conj|2|confess|VBD", False),
])
def test_passive_conjunct(blank_nlp, spec, passive):
    doc = parsed(blank_nlp, spec)
    assert relations.passive_conjunct(doc[4]) is passive


@pytest.mark.parametrize("spec, aside", [
    # "Brennan, asked about the loans, said …": he was asked
    ("Brennan|PROPN|nsubj|2 ,|PUNCT|punct|2 asked|VERB|advcl|7|ask|VBD about|ADP|prep|2 the|DET|det|5 loans|NOUN|pobj|3|loan "
     ",|PUNCT|punct|7 said|VERB|ROOT|7|say|VBD", True),
    # an active "asked" with its own object is no aside
    ("Brennan|PROPN|nsubj|2 ,|PUNCT|punct|2 asked|VERB|advcl|7|ask|VBD him|PRON|dobj|2 about|ADP|prep|2 loans|NOUN|pobj|4|loan "
     ",|PUNCT|punct|7 said|VERB|ROOT|7|say|VBD", False),
])
def test_questioned_participle_aside(blank_nlp, spec, aside):
    doc = parsed(blank_nlp, spec)
    assert relations.participle_aside(doc[2]) is aside


@pytest.mark.model
@pytest.mark.parametrize("text, verb, right, wrong", [
    ("The appeals court struck down a plan to close the coal plant.", "close", [], "court"),
    ("Ministers welcomed the decision by Ghana and Togo to reopen the border.", "reopen", ["Ghana", "Togo"], "Ministers"),
    ("The bill sets aside money for local farmers to buy new tractors.", "buy", ["farmers"], "bill"),
    ("Environmental groups pressed Governor Smith on Friday to halt the drilling.", "halt", ["Smith"], "groups"),
    ("Young men were twice as likely to be arrested and jailed, the report found.", "jail", [], "men"),
    ("Lawmakers from parties that backed the treaty oppose the new rules.", "back", ["parties"], "Lawmakers"),
    ("The mayor praised the spirit of goodwill in settling the strike.", "settle", [], "mayor"),
])
def test_model_who_does_the_clause(text, verb, right, wrong):
    import kg
    acts = [s for s in kg.extract(text) if s.predicate.lemma.split()[0] == verb]
    assert not any(wrong in s.subject.text for s in acts)
    assert sorted({s.subject.text.split()[-1] for s in acts}) == right
