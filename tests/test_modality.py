"""Each polarity and modality rule on hand-built parses (no model), one row per construction,
plus a few sentences through the real model."""
from __future__ import annotations

import pytest

import kg
from conftest import parsed
from kg.modality import noun_hedge, polarity_and_modality

ROWS = [
    pytest.param(
        # what has yet to be done is not done, and no duty: "the White House has yet to cooperate"
        "The|DET|det|2 White|PROPN|compound|2 House|PROPN|nsubj|3 has|VERB|ROOT|3|have yet|ADV|advmod|3 to|PART|aux|6 "
        "cooperate|VERB|xcomp|3 .|PUNCT|punct|3",
        6, (True, None), id="yet-to"),
    pytest.param(
        # ... while "has to" is a duty: "the White House has to cooperate"
        "The|DET|det|2 White|PROPN|compound|2 House|PROPN|nsubj|3 has|VERB|ROOT|3|have to|PART|aux|5 cooperate|VERB|xcomp|3 "
        ".|PUNCT|punct|3",
        5, (False, "obligated"), id="have-to"),
    pytest.param(
        # a negated verb of belief is its complement negated, and only believed (neg-raising):
        # "I don't believe I've ever met him"
        "I|PRON|nsubj|3 do|AUX|aux|3 n't|PART|neg|3 believe|VERB|ROOT|3 I|PRON|nsubj|7 've|AUX|aux|7 ever|ADV|advmod|7 "
        "met|VERB|ccomp|3|meet him|PRON|dobj|7 .|PUNCT|punct|3",
        7, (True, "possible"), id="negated-belief"),
    pytest.param(
        # a double negation under it is an affirmation believed: "He doesn't think Iran didn't attack"
        "He|PRON|nsubj|3 does|AUX|aux|3 not|PART|neg|3 think|VERB|ROOT|3 Iran|PROPN|nsubj|7 did|AUX|aux|7 "
        "n't|PART|neg|7 attack|VERB|ccomp|3 .|PUNCT|punct|3",
        7, (False, "possible"), id="negated-belief-double"),
    pytest.param(
        # an affirmed belief stays a report, not a hedge: "I believe I met him"
        "I|PRON|nsubj|1 believe|VERB|ROOT|1 I|PRON|nsubj|3 met|VERB|ccomp|1|meet him|PRON|dobj|3 .|PUNCT|punct|1",
        3, (False, None), id="affirmed-belief"),
    pytest.param(
        # a certainty toned down: "I'm pretty sure I didn't meet him"
        "I|PRON|nsubj|1 'm|AUX|ROOT|1|be pretty|ADV|advmod|3 sure|ADJ|acomp|1 I|PRON|nsubj|7 did|AUX|aux|7 "
        "n't|PART|neg|7 meet|VERB|ccomp|3 him|PRON|dobj|7 .|PUNCT|punct|1",
        7, (True, "possible"), id="hedged-certainty"),
    pytest.param(
        # a plain certainty is no hedge: "I'm sure I didn't meet him"
        "I|PRON|nsubj|1 'm|AUX|ROOT|1|be sure|ADJ|acomp|1 I|PRON|nsubj|6 did|AUX|aux|6 "
        "n't|PART|neg|6 meet|VERB|ccomp|2 him|PRON|dobj|6 .|PUNCT|punct|1",
        6, (True, None), id="plain-certainty"),
    pytest.param(
        # "no longer" negates: "The ACLU will no longer defend armed protests"
        "ACLU|PROPN|nsubj|4 will|AUX|aux|4 no|ADV|advmod|3 longer|ADV|advmod|4 defend|VERB|ROOT|4 protests|NOUN|dobj|4|protest "
        ".|PUNCT|punct|4",
        4, (True, "future"), id="no-longer"),
    pytest.param(
        # plain assertion
        "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1",
        1, (False, None), id="plain"),
    pytest.param(
        # hedging adverb: "The attacks apparently required cooperation"
        "The|DET|det|1 attacks|NOUN|nsubj|3|attack apparently|ADV|advmod|3 required|VERB|ROOT|3|require "
        "cooperation|NOUN|dobj|3 .|PUNCT|punct|3",
        3, (False, "possible"), id="adverb-apparently"),
    pytest.param(
        # hedging adverb of hearsay: "Iran reportedly attacked Iraq"
        "Iran|PROPN|nsubj|2 reportedly|ADV|advmod|2 attacked|VERB|ROOT|2|attack Iraq|PROPN|dobj|2 .|PUNCT|punct|2",
        2, (False, "claimed"), id="adverb-reportedly"),
    pytest.param(
        # the hedge reaches a coordinated verb sharing the clause: "allegedly exposing himself … and kissing her"
        "Brown|PROPN|nsubj|2 allegedly|ADV|advmod|2 exposed|VERB|ROOT|2|expose himself|PRON|dobj|2 and|CCONJ|cc|2 "
        "kissed|VERB|conj|2|kiss her|PRON|dobj|5 .|PUNCT|punct|2",
        5, (False, "claimed"), id="adverb-shared-by-conjunct"),
    pytest.param(
        # a hedge outweighs the future: "Russia will probably strike Syria"
        "Russia|PROPN|nsubj|3 will|AUX|aux|3 probably|ADV|advmod|3 strike|VERB|ROOT|3 Syria|PROPN|dobj|3 .|PUNCT|punct|3",
        3, (False, "possible"), id="adverb-over-future"),
    pytest.param(
        # a direct question asks, it neither asserts nor obliges: "Should the party ask Trump to step down?"
        "Should|AUX|aux|3|should|MD the|DET|det|2 party|NOUN|nsubj|3 ask|VERB|ROOT|3 Trump|PROPN|dobj|3 to|PART|aux|6 "
        "step|VERB|xcomp|3 down|ADP|prt|6 ?|PUNCT|punct|3",
        3, (False, "possible"), id="question"),
    pytest.param(
        # a quoted question inside a statement: "“Why would we attack Iran?” he asked."
        "“|PUNCT|punct|8 Why|SCONJ|advmod|4 would|AUX|aux|4 we|PRON|nsubj|4 attack|VERB|ccomp|8 Iran|PROPN|dobj|4 "
        "?|PUNCT|punct|4 ”|PUNCT|punct|8 asked|VERB|ROOT|8|ask .|PUNCT|punct|8",
        4, (False, "possible"), id="quoted-question"),
    pytest.param(
        # the clause quoting a question is no question: "Holder asked reporters, “Will you cower?”"
        "Holder|PROPN|nsubj|1 asked|VERB|ROOT|1|ask reporters|NOUN|dobj|1|reporter ,|PUNCT|punct|1 “|PUNCT|punct|7 "
        "Will|AUX|aux|7|will you|PRON|nsubj|7 cower|VERB|ccomp|1 ?|PUNCT|punct|7 ”|PUNCT|punct|1",
        1, (False, None), id="quoting-a-question"),
    pytest.param(
        # … while the quoted question is asked
        "Holder|PROPN|nsubj|1 asked|VERB|ROOT|1|ask reporters|NOUN|dobj|1|reporter ,|PUNCT|punct|1 “|PUNCT|punct|7 "
        "Will|AUX|aux|7|will you|PRON|nsubj|7 cower|VERB|ccomp|1 ?|PUNCT|punct|7 ”|PUNCT|punct|1",
        7, (False, "possible"), id="quoted-question-asked"),
    pytest.param(
        # the condition itself: "If GATT accepted China, it would be hard …"
        "If|SCONJ|mark|2 GATT|PROPN|nsubj|2 accepted|VERB|advcl|6|accept China|PROPN|dobj|2 ,|PUNCT|punct|6 it|PRON|nsubj|6 "
        "would|AUX|aux|6 be|AUX|ROOT|6 hard|ADJ|acomp|6 .|PUNCT|punct|6",
        2, (False, "conditional"), id="if-clause"),
    pytest.param(
        # "unless" is a condition too: "Iran will strike unless Iraq withdraws"
        "Iran|PROPN|nsubj|2 will|AUX|aux|2 strike|VERB|ROOT|2 unless|SCONJ|mark|5 Iraq|PROPN|nsubj|5 "
        "withdraws|VERB|advcl|2|withdraw .|PUNCT|punct|2",
        5, (False, "conditional"), id="unless-clause"),
    pytest.param(
        # the consequence of a condition: "Iran will strike unless Iraq withdraws" — only if
        "Iran|PROPN|nsubj|2 will|AUX|aux|2 strike|VERB|ROOT|2 unless|SCONJ|mark|5 Iraq|PROPN|nsubj|5 "
        "withdraws|VERB|advcl|2|withdraw .|PUNCT|punct|2",
        2, (False, "conditional"), id="consequence"),
    pytest.param(
        # a concession is no condition of its main clause: "Even if that is resolved, Washington has done little"
        "Even|ADV|advmod|3 if|SCONJ|mark|3 that|PRON|nsubjpass|3 resolved|VERB|advcl|7|resolve ,|PUNCT|punct|7 "
        "Washington|PROPN|nsubj|7 has|AUX|aux|7|have done|VERB|ROOT|7|do|VBN little|ADJ|dobj|7 .|PUNCT|punct|7",
        7, (False, None), id="even-if"),
    pytest.param(
        # a past fact beside an if-clause is no consequence: "He called the reports a blot if they leaked"
        "He|PRON|nsubj|1 called|VERB|ROOT|1|call|VBD reports|NOUN|dobj|1|report a|DET|det|4 blot|NOUN|oprd|1 "
        "if|SCONJ|mark|7 they|PRON|nsubj|7 leaked|VERB|advcl|1|leak .|PUNCT|punct|1",
        1, (False, None), id="past-beside-if"),
    pytest.param(
        # a past speech verb reports "will" as "would": "Japan said it would halt aid"
        "Japan|PROPN|nsubj|1 said|VERB|ROOT|1|say|VBD it|PRON|nsubj|4 would|AUX|aux|4 halt|VERB|ccomp|1 aid|NOUN|dobj|4 .|PUNCT|punct|1",
        4, (False, "future"), id="reported-would"),
    pytest.param(
        # reported speech is attributed, not hedged: "Carter said Iran attacked Iraq"
        "Carter|PROPN|nsubj|1 said|VERB|ROOT|1|say|VBD Iran|PROPN|nsubj|3 attacked|VERB|ccomp|1|attack Iraq|PROPN|dobj|3 .|PUNCT|punct|1",
        3, (False, None), id="reported-plain"),
    pytest.param(
        # "ought" heads its infinitive in the model's parse: "The Fed ought to hold the applications"
        "The|DET|det|1 Fed|PROPN|nsubj|2 ought|AUX|ROOT|2|ought|MD to|PART|aux|4 hold|VERB|xcomp|2 "
        "applications|NOUN|dobj|4|application .|PUNCT|punct|2",
        4, (False, "obligated"), id="ought-to"),
    pytest.param(
        # content clause of a request noun: "the League's request that he disavow Duke"
        "Tapper|PROPN|nsubj|1 cited|VERB|ROOT|1|cite the|DET|det|3 League|PROPN|poss|5 's|PART|case|3 request|NOUN|dobj|1 "
        "that|SCONJ|mark|8 he|PRON|nsubj|8 disavow|VERB|acl|5 Duke|PROPN|dobj|8 .|PUNCT|punct|1",
        8, (False, "requested"), id="request-that"),
    pytest.param(
        # content clause of a rumour: "there were rumours that Indonesia had issued licences"
        "there|PRON|expl|1 were|VERB|ROOT|1|be rumours|NOUN|attr|1|rumour that|PRON|mark|6|that|WDT Indonesia|PROPN|nsubj|6 "
        "had|AUX|aux|6|have issued|VERB|relcl|2|issue licences|NOUN|dobj|6|licence .|PUNCT|punct|1",
        6, (False, "claimed"), id="rumours-that"),
    pytest.param(
        # a relative clause on the same noun is no content clause: "the report that came from Iran"
        "the|DET|det|1 report|NOUN|nsubj|5 that|PRON|nsubj|3|that|WDT came|VERB|relcl|1|come from|ADP|prep|3 "
        "surprised|VERB|ROOT|5|surprise Iran|PROPN|dobj|5 .|PUNCT|punct|5",
        3, (False, None), id="relative-clause-is-no-content"),
    pytest.param(
        # "no" on the object negates the fact: "Mueller found no collusion"
        "Mueller|PROPN|nsubj|1 found|VERB|ROOT|1|find no|DET|det|3 collusion|NOUN|dobj|1 .|PUNCT|punct|1",
        1, (True, None), id="no-object"),
    pytest.param(
        # … and on the subject: "No country attacked Syria"
        "No|DET|det|1 country|NOUN|nsubj|2 attacked|VERB|ROOT|2|attack Syria|PROPN|dobj|2 .|PUNCT|punct|2",
        2, (True, None), id="no-subject"),
    pytest.param(
        # a bare relative on such a noun is no content clause either: "the plan Iraq had proposed failed"
        "the|DET|det|1 plan|NOUN|nsubj|5 Iraq|PROPN|nsubj|4 had|AUX|aux|4|have proposed|VERB|relcl|1|propose "
        "failed|VERB|ROOT|5|fail .|PUNCT|punct|5",
        4, (False, None), id="bare-relative-is-no-content"),
    pytest.param(
        # passive hearsay with an infinitive: "Fields is said to have harboured sympathies"
        "Fields|PROPN|nsubjpass|2 is|AUX|auxpass|2|be said|VERB|ROOT|2|say to|PART|aux|5 have|AUX|aux|5 "
        "harboured|VERB|xcomp|2|harbour sympathies|NOUN|dobj|5|sympathy .|PUNCT|punct|2",
        5, (False, "claimed"), id="passive-hearsay"),
    pytest.param(
        # hearsay with an expletive: "it was reported that Russia struck Aleppo"
        "it|PRON|nsubjpass|2 was|AUX|auxpass|2|be reported|VERB|ROOT|2|report that|SCONJ|mark|5 Russia|PROPN|nsubj|5 "
        "struck|VERB|ccomp|2|strike Aleppo|PROPN|dobj|5 .|PUNCT|punct|2",
        5, (False, "claimed"), id="it-was-reported-that"),
    pytest.param(
        # an allegation: "Taylor alleged that Brown assaulted her"
        "Taylor|PROPN|nsubj|1 alleged|VERB|ROOT|1|allege that|SCONJ|mark|4 Brown|PROPN|nsubj|4 assaulted|VERB|ccomp|1|assault "
        "her|PRON|dobj|4 .|PUNCT|punct|1",
        4, (False, "claimed"), id="alleged-that"),
    pytest.param(
        # a denial: "Moscow denied that its jets struck the hospital"
        "Moscow|PROPN|nsubj|1 denied|VERB|ROOT|1|deny that|SCONJ|mark|5 its|PRON|poss|4 jets|NOUN|nsubj|5|jet "
        "struck|VERB|ccomp|1|strike the|DET|det|7 hospital|NOUN|dobj|5 .|PUNCT|punct|1",
        5, (True, None), id="denied-that"),
    pytest.param(
        # an indirect question: "Carter did not say whether Russia would strike"
        "Carter|PROPN|nsubj|3 did|AUX|aux|3|do not|PART|neg|3 say|VERB|ROOT|3 whether|SCONJ|mark|7 Russia|PROPN|nsubj|7 "
        "would|AUX|aux|7 strike|VERB|ccomp|3 .|PUNCT|punct|3",
        7, (False, "possible"), id="indirect-question"),
    pytest.param(
        # a "whether" clause anywhere asks: "looking into whether Russia identified its targets"
        "Investigators|NOUN|nsubj|1|investigator looking|VERB|ROOT|1|look into|ADP|prep|1 whether|SCONJ|mark|5 "
        "Russia|PROPN|nsubj|5 identified|VERB|pcomp|2|identify targets|NOUN|dobj|5|target .|PUNCT|punct|1",
        5, (False, "possible"), id="whether-clause"),
    pytest.param(
        # striving is intending: "Trump will work to repeal the rules"
        "Trump|PROPN|nsubj|1 worked|VERB|ROOT|1|work to|PART|aux|3 repeal|VERB|xcomp|1 rules|NOUN|dobj|3|rule .|PUNCT|punct|1",
        3, (False, "intended"), id="work-to"),
    pytest.param(
        # a hedging predicate of a copula: "Pyongyang was likely behind the attacks"
        "Pyongyang|PROPN|nsubj|1 was|AUX|ROOT|1|be likely|ADV|acomp|1 behind|ADP|prep|1 the|DET|det|5 attacks|NOUN|pobj|3|attack "
        ".|PUNCT|punct|1",
        1, (False, "possible"), id="copula-likely"),
    pytest.param(
        # "likely to" is a guess, not a schedule: "The bank is likely to extend credit"
        "The|DET|det|1 bank|NOUN|nsubj|2 is|AUX|ROOT|2|be likely|ADJ|acomp|2 to|PART|aux|5 extend|VERB|xcomp|3 "
        "credit|NOUN|dobj|5 .|PUNCT|punct|2",
        5, (False, "possible"), id="likely-to"),
    pytest.param(
        # a bare infinitive parsed as a conjunct of the governing verb (whose lemma the model gets
        # wrong, "hopes" → "hop"): "he hopes to remain MP and start a family"
        "he|PRON|nsubj|1 hopes|VERB|ROOT|1|hop|VBZ to|PART|aux|3 remain|VERB|xcomp|1|remain|VB MP|PROPN|attr|3 and|CCONJ|cc|1 "
        "start|VERB|conj|1|start|VB a|DET|det|8 family|NOUN|dobj|6 .|PUNCT|punct|1",
        6, (False, "intended"), id="misattached-infinitive"),
    pytest.param(
        # two negations cancel: "it would be hard not to accept the Soviet Union" (likely accepted, if …)
        "it|PRON|nsubj|2 would|AUX|aux|2 be|AUX|ROOT|2 hard|ADJ|acomp|2 not|PART|neg|6 to|PART|aux|6 accept|VERB|xcomp|3 "
        "Union|PROPN|dobj|6 .|PUNCT|punct|2",
        6, (False, "conditional"), id="hard-not-to"),
    pytest.param(
        # "hard to" puts it in doubt: "it is hard to accept the plan"
        "it|PRON|nsubj|1 is|AUX|ROOT|1|be hard|ADJ|acomp|1 to|PART|aux|4 accept|VERB|xcomp|2 plan|NOUN|dobj|4 .|PUNCT|punct|1",
        4, (False, "possible"), id="hard-to"),
    pytest.param(
        # what is avoided is not done: "Paul avoided looking down"
        "Paul|PROPN|nsubj|1 avoided|VERB|ROOT|1|avoid looking|VERB|xcomp|1|look|VBG down|ADP|prt|2 .|PUNCT|punct|1",
        2, (True, None), id="avoided"),
    pytest.param(
        # nor what one is unwilling to do: "the US was unwilling to give Russia a role"
        "US|PROPN|nsubj|1 was|AUX|ROOT|1|be unwilling|ADJ|acomp|1 to|PART|aux|4 give|VERB|xcomp|2 Russia|PROPN|dative|4 "
        "role|NOUN|dobj|4 .|PUNCT|punct|1",
        4, (True, None), id="unwilling"),
    pytest.param(
        # a gerund of means takes its governor's auxiliaries, not its meaning: "could try to force
        # his hand by holding up nominees" is possible ("could" on the trying), not forced (obligated)
        "Republicans|PROPN|nsubj|2 could|AUX|aux|2 try|VERB|ROOT|2 to|PART|aux|4 force|VERB|xcomp|2 his|PRON|poss|6 "
        "hand|NOUN|dobj|4 by|ADP|prep|4 holding|VERB|pcomp|7|hold|VBG up|ADP|prt|8 nominees|NOUN|dobj|8|nominee",
        8, (False, "possible"), id="means-gerund"),
    pytest.param(
        # what a criticism is about is no less done when the criticism is refused:
        # "Meadows declined to criticize Trump for blaming the US"
        "Meadows|PROPN|nsubj|1 declined|VERB|ROOT|1|decline to|PART|aux|3 criticize|VERB|xcomp|1 Trump|PROPN|dobj|3 "
        "for|ADP|prep|3 blaming|VERB|pcomp|5|blame|VBG US|PROPN|dobj|6",
        6, (False, None), id="reason-gerund"),
    pytest.param(
        # … while an accusation's gerund is the accuser's claim: "accused media of stealing content"
        "publishers|NOUN|nsubj|1|publisher accused|VERB|ROOT|1|accuse media|NOUN|dobj|1 of|ADP|prep|1 "
        "destroying|VERB|pcomp|3|destroy|VBG models|NOUN|dobj|4|model and|CCONJ|cc|4 stealing|VERB|conj|4|steal|VBG "
        "content|NOUN|dobj|7",
        7, (False, "claimed"), id="accusation-gerund-conjunct"),
    pytest.param(
        # an order asks: "the administration orders its chaplains to put their Bibles away"
        "administration|NOUN|nsubj|1 orders|VERB|ROOT|1|order chaplains|NOUN|dobj|1|chaplain to|PART|aux|4 put|VERB|xcomp|1 "
        "Bibles|PROPN|dobj|4",
        4, (False, "requested"), id="order"),
    pytest.param(
        # what one struggles to do is tried, not done: "the senator struggled to communicate his stance"
        "senator|NOUN|nsubj|1 struggled|VERB|ROOT|1|struggle to|PART|aux|3 communicate|VERB|xcomp|1 stance|NOUN|dobj|3",
        3, (False, "intended"), id="struggled-to"),
    pytest.param(
        # what is considered is not done: "Kuwait considered having Soviet escorts"
        "Kuwait|PROPN|nsubj|1 considered|VERB|ROOT|1|consider having|VERB|xcomp|1|have|VBG escorts|NOUN|dobj|2|escort",
        2, (False, "possible"), id="considered"),
    pytest.param(
        # what one is unable to do is not done: "the president was unable to attend"
        "president|NOUN|nsubj|1 was|AUX|ROOT|1|be unable|ADJ|acomp|1 to|PART|aux|4 attend|VERB|xcomp|2 .|PUNCT|punct|1",
        4, (True, None), id="unable"),
    pytest.param(
        # a correlative negation ("neither" hung on the subject, as the model does): "he neither
        # wanted a rise nor a fall"
        "He|PRON|nsubj|2 neither|CCONJ|appos|0 wanted|VERB|ROOT|2|want a|DET|det|4 rise|NOUN|dobj|2 nor|CCONJ|cc|4 "
        "a|DET|det|7 fall|NOUN|conj|4",
        2, (True, None), id="neither-nor"),
    pytest.param(
        # ... and "nor" on the second verb: "Iran attacked Syria nor Iraq" is no negation, but
        # "will not partner nor sanction …" reaches "sanction" through "nor"
        "party|NOUN|nsubj|1 partnered|VERB|ROOT|1|partner nor|CCONJ|cc|1 sanctioned|VERB|conj|1|sanction "
        "debates|NOUN|dobj|3|debate",
        3, (True, None), id="nor-conjunct"),
    pytest.param(
        # an adjective that predicts: "the pledge was sure to face opposition"
        "pledge|NOUN|nsubj|1 was|AUX|ROOT|1|be sure|ADJ|acomp|1 to|PART|aux|4 face|VERB|xcomp|2 opposition|NOUN|dobj|4",
        4, (False, "future"), id="sure-to"),
    pytest.param(
        # an extraposed "for … to" clause is the adjective's subject, not a purpose: "it remains
        # possible for the judge to overturn the plea"
        "It|PRON|nsubj|1 remains|VERB|ROOT|1|remain possible|ADJ|acomp|1 for|SCONJ|mark|7 the|DET|det|5 "
        "judge|NOUN|nsubj|7 to|PART|aux|7 overturn|VERB|advcl|1 plea|NOUN|dobj|7",
        7, (False, "possible"), id="extraposed-for-to"),
    pytest.param(
        # ... while "for X to" after a verb is a purpose: "He saved money for his son to attend college"
        "He|PRON|nsubj|1 saved|VERB|ROOT|1|save money|NOUN|dobj|1 for|SCONJ|mark|7 his|PRON|poss|5 son|NOUN|nsubj|7 "
        "to|PART|aux|7 attend|VERB|advcl|1 college|NOUN|dobj|7",
        7, (False, "intended"), id="purpose-for-to"),
    pytest.param(
        # a denied plan denies its content: "Graham has no plans to bring Mueller"
        "Graham|PROPN|nsubj|1 has|VERB|ROOT|1|have no|DET|det|3 plans|NOUN|dobj|1|plan to|PART|aux|5 bring|VERB|acl|3 "
        "Mueller|PROPN|dobj|5",
        5, (True, "intended"), id="no-plans-to"),
    pytest.param(
        # ... also when "have" is negated: "Graham does not have any plans to bring Mueller"
        "Graham|PROPN|nsubj|3 does|AUX|aux|3|do not|PART|neg|3 have|VERB|ROOT|3 any|DET|det|5 plans|NOUN|dobj|3|plan "
        "to|PART|aux|7 bring|VERB|acl|5 Mueller|PROPN|dobj|7",
        7, (True, "intended"), id="not-have-plans-to"),
    pytest.param(
        # ... but a plan with no denial is only intended: "Graham has plans to bring Mueller"
        "Graham|PROPN|nsubj|1 has|VERB|ROOT|1|have plans|NOUN|dobj|1|plan to|PART|aux|4 bring|VERB|acl|2 "
        "Mueller|PROPN|dobj|4",
        4, (False, "intended"), id="plans-to"),
    pytest.param(
        # a condition over the governing clause: "if the rebels plan to attack the city, …"
        "If|SCONJ|mark|3 the|DET|det|2 rebels|NOUN|nsubj|3|rebel plan|VERB|advcl|10 to|PART|aux|5 attack|VERB|xcomp|3 "
        "city|NOUN|dobj|5 ,|PUNCT|punct|10 army|NOUN|nsubj|10 will|AUX|aux|10 respond|VERB|ROOT|10",
        5, (False, "conditional"), id="condition-over-plan"),
    pytest.param(
        # a step toward an end not yet reached: "South Korea moved to steady the markets"
        "Korea|PROPN|nsubj|1 moved|VERB|ROOT|1|move to|PART|aux|3 steady|VERB|xcomp|1 markets|NOUN|dobj|3|market",
        3, (False, "intended"), id="moved-to"),
    pytest.param(
        # what is ruled out is not done: "Russia ruled out attacking Ukraine"
        "Russia|PROPN|nsubj|1 ruled|VERB|ROOT|1|rule out|ADP|prt|1 attacking|VERB|xcomp|1|attack|VBG Ukraine|PROPN|dobj|3",
        3, (True, None), id="ruled-out"),
    pytest.param(
        # ... and what is not ruled out may be done: "Russia has not ruled out attacking Ukraine"
        "Russia|PROPN|nsubj|3 has|AUX|aux|3|have not|PART|neg|3 ruled|VERB|ROOT|3|rule out|ADP|prt|3 "
        "attacking|VERB|xcomp|3|attack|VBG Ukraine|PROPN|dobj|5",
        5, (False, "possible"), id="not-ruled-out"),
    pytest.param(
        # a refusal covers coordinated complements: "refused to share or cooperate" (both not done)
        "Turkey|PROPN|nsubj|1 refused|VERB|ROOT|1|refuse to|PART|aux|3 share|VERB|xcomp|1 or|CCONJ|cc|3 "
        "cooperate|VERB|conj|3 .|PUNCT|punct|1",
        5, (False, None), id="refusal-shared"),
]


@pytest.mark.parametrize("lemma, modality", [("promise", "intended"), ("pledge", "intended"), ("refuse", None), ("agree", None)])
def test_governing_event_modality(blank_nlp, lemma, modality):
    # "Iran promised to attack Syria": the promise is the predicate, the attack only intended;
    # a refusal is read from its predicate, an agreement is made
    doc = parsed(blank_nlp, f"Iran|PROPN|nsubj|1 {lemma}d|VERB|ROOT|1|{lemma} to|PART|aux|3 attack|VERB|xcomp|1 Syria|PROPN|dobj|3")
    negated, found, governing = polarity_and_modality(doc[3])
    assert (negated, found, governing) == (False, modality, doc[1])


@pytest.mark.parametrize("spec, index, expected", ROWS)
def test_polarity_and_modality(blank_nlp, spec, index, expected):
    doc = parsed(blank_nlp, spec)
    negated, modality, _ = polarity_and_modality(doc[index])
    assert (negated, modality) == expected


def test_refusal_governs_coordinated_complement(blank_nlp):
    doc = parsed(blank_nlp, ROWS[-1].values[0])
    assert polarity_and_modality(doc[5])[2] == doc[1]


@pytest.mark.parametrize("answer, refused", [("declined", True), ("refused", True), ("agreed", False)])
def test_asked_and_declined(blank_nlp, answer, refused):
    # "Trump was asked to disavow Duke and declined": the refusal governs what was asked
    doc = parsed(blank_nlp, f"Trump|PROPN|nsubjpass|2 was|AUX|auxpass|2|be asked|VERB|ROOT|2|ask to|PART|aux|4 "
                            f"disavow|VERB|xcomp|2 Duke|PROPN|dobj|4 and|CCONJ|cc|2 {answer}|VERB|conj|2|{answer[:-1]}")
    negated, modality, governing = polarity_and_modality(doc[4])
    assert (negated, modality, governing) == ((False, None, doc[7]) if refused else (False, "requested", None))


@pytest.mark.parametrize("adjective, expected", [
    ("alleged", "claimed"), ("possible", "possible"), ("planned", "intended"), ("proposed", "requested"), ("heavy", None)])
def test_hedging_adjective_on_an_event_noun(blank_nlp, adjective, expected):
    # "the alleged attack", "possible strikes"
    doc = parsed(blank_nlp, f"the|DET|det|2 {adjective}|ADJ|amod|2 attack|NOUN|ROOT|2")
    assert noun_hedge(doc[2]) == expected


# -- the real model ---------------------------------------------------------------------------

GOVERNED_ROWS = [
    # (sentence, lemma of the statement's predicate, negated, modality)
    ("The senator has no plans to invite the minister to the hearing.", "invite", True, "intended"),
    ("The president, who was unable to attend, sent a letter.", "attend", True, None),
    ("Neither Russia nor China attacked the ship.", "attack", True, None),
    ("The pledge was sure to face opposition from Republicans.", "face", False, "future"),
    ("It remains possible for the court to overturn the ruling.", "overturn", False, "possible"),
    ("If the rebels plan to attack the city, the army will respond.", "attack", False, "conditional"),
    ("South Korea moved to steady the financial markets.", "steady", False, "intended"),
    ("Russia has not ruled out attacking Ukraine.", "attack", False, "possible"),
    ("The company anticipates using the proceeds for acquisitions.", "use", False, "future"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, lemma, negated, modality", GOVERNED_ROWS)
def test_model_governed_polarity_and_modality(text, lemma, negated, modality):
    found = {(s.negated, s.modality) for s in kg.extract(text) if s.predicate.lemma.split()[0] == lemma}
    assert found == {(negated, modality)}


MODEL_ROWS = [
    # the seed sentence that was asserted twice (issue 18)
    ("The attacks apparently required cooperation from Iran and Iraq.", "possible"),
    ("Brown allegedly exposed himself to Taylor.", "claimed"),
    ("Should the party ask Trump to step down?", "possible"),
    ("If Iran attacks Iraq, the United States will respond.", "conditional"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, modality", MODEL_ROWS)
def test_model_hedges(text, modality):
    statements = kg.extract(text)
    assert statements
    assert {s.modality for s in statements} == {modality}
    assert not any(s.asserted for s in statements)


# -- governed acts read from real news (branch modal): one row per construction ---------------

GOVERNED_NEWS_ROWS = [
    pytest.param(
        # a verb of ceasing governs its "-ing" clause: "Trump should stop using Twitter" (not "uses Twitter")
        "Trump|PROPN|nsubj|2 should|AUX|aux|2 stop|VERB|ROOT|2 using|VERB|xcomp|2|use|VBG Twitter|PROPN|dobj|3",
        3, (False, "obligated", 2), id="stop-using"),
    pytest.param(
        # ... and its negation is the act going on: "the GOP will never stop beating them"
        "GOP|PROPN|nsubj|3 will|AUX|aux|3 never|ADV|neg|3 stop|VERB|ROOT|3 beating|VERB|xcomp|3|beat|VBG them|PRON|dobj|4",
        4, (True, "future", 3), id="never-stop"),
    pytest.param(
        # an infinitive after "stop" is no act that stops (the model reads it as a purpose or a
        # complement): "He stopped to talk to Iran"
        "He|PRON|nsubj|1 stopped|VERB|ROOT|1|stop|VBD to|PART|aux|3 talk|VERB|xcomp|1|talk|VB to|ADP|prep|3 Iran|PROPN|pobj|4",
        3, (False, None, None), id="stop-to-infinitive"),
    pytest.param(
        # a refusal over a verb of ceasing governs both: "Iran refused to stop enriching uranium"
        "Iran|PROPN|nsubj|1 refused|VERB|ROOT|1|refuse to|PART|aux|3 stop|VERB|xcomp|1 enriching|VERB|xcomp|3|enrich|VBG "
        "uranium|NOUN|dobj|4",
        4, (False, None, 1), id="refused-to-stop"),
    pytest.param(
        # a verb joined by "and" to "try" is what is tried: "The rebels will try and seize the airport"
        "rebels|NOUN|nsubj|2|rebel will|AUX|aux|2 try|VERB|ROOT|2 and|CCONJ|cc|2 seize|VERB|conj|2 airport|NOUN|dobj|4",
        4, (False, "intended", None), id="try-and"),
    pytest.param(
        # ... not a verb joined to another: "The rebels will attack and seize the airport"
        "rebels|NOUN|nsubj|2|rebel will|AUX|aux|2 attack|VERB|ROOT|2 and|CCONJ|cc|2 seize|VERB|conj|2 airport|NOUN|dobj|4",
        4, (False, "future", None), id="attack-and"),
    pytest.param(
        # a plea: "Cynthia begged Louie to go"
        "Cynthia|PROPN|nsubj|1 begged|VERB|ROOT|1|beg Louie|PROPN|dobj|1 to|PART|aux|4 go|VERB|xcomp|1",
        4, (False, "requested", None), id="begged-to"),
    pytest.param(
        # what is scheduled: "Cohen was scheduled to be released"
        "Cohen|PROPN|nsubjpass|2 was|AUX|auxpass|2|be scheduled|VERB|ROOT|2|schedule to|PART|aux|5 be|AUX|auxpass|5 "
        "released|VERB|xcomp|2|release|VBN",
        5, (False, "future", None), id="scheduled-to"),
    pytest.param(
        # a reported "would" under a perfect: "Israel has long said it would target transfers"
        "Israel|PROPN|nsubj|3 has|AUX|aux|3|have long|ADV|advmod|3 said|VERB|ROOT|3|say|VBN it|PRON|nsubj|6 "
        "would|AUX|aux|6|would|MD target|VERB|ccomp|3 transfers|NOUN|dobj|6|transfer",
        6, (False, "future", None), id="reported-would-perfect"),
    pytest.param(
        # ... under a participle of a past clause, and a verb of foretelling: "polls proved off base,
        # predicting Clinton would win races"
        "polls|NOUN|nsubj|1|poll proved|VERB|ROOT|1|prove|VBD off|ADP|prep|1 ,|PUNCT|punct|1 "
        "predicting|VERB|advcl|1|predict|VBG Clinton|PROPN|nsubj|7 would|AUX|aux|7|would|MD win|VERB|ccomp|4 "
        "races|NOUN|dobj|7|race",
        7, (False, "future", None), id="reported-would-predicting"),
    pytest.param(
        # ... and in a coordinated clause: "He said he would try and would strive for a tax break"
        "He|PRON|nsubj|1 said|VERB|ROOT|1|say|VBD he|PRON|nsubj|4 would|AUX|aux|4|would|MD renegotiate|VERB|ccomp|1 "
        "deals|NOUN|dobj|4|deal and|CCONJ|cc|4 would|AUX|aux|8|would|MD strive|VERB|conj|4 for|ADP|prep|8 "
        "break|NOUN|pobj|9",
        8, (False, "future", None), id="reported-would-conjunct"),
    pytest.param(
        # "be" with an infinitive, an arrangement: "The US is to send troops"
        "US|PROPN|nsubj|1 is|AUX|ROOT|1|be to|PART|aux|3 send|VERB|xcomp|1 troops|NOUN|dobj|3|troop",
        3, (False, "future", None), id="is-to"),
    pytest.param(
        # ... an aim's: "The goal is to cut costs"
        "goal|NOUN|nsubj|1 is|AUX|ROOT|1|be to|PART|aux|3 cut|VERB|xcomp|1 costs|NOUN|dobj|3|cost",
        3, (False, "intended", None), id="goal-is-to"),
    pytest.param(
        # ... a body's, an arrangement: "The government is to sell its stake"
        "government|NOUN|nsubj|1 is|AUX|ROOT|1|be to|PART|aux|3 sell|VERB|xcomp|1 stake|NOUN|dobj|3",
        3, (False, "future", None), id="body-is-to"),
    pytest.param(
        # ... another thing's, what it is: "The rule is to wait"
        "rule|NOUN|nsubj|1 is|AUX|ROOT|1|be to|PART|aux|3 wait|VERB|xcomp|1",
        3, (False, None, None), id="thing-is-to"),
    pytest.param(
        # a hedged governor hedges: "Republicans might try to block tariffs"
        "Republicans|PROPN|nsubj|2 might|AUX|aux|2|might|MD try|VERB|ROOT|2 to|PART|aux|4 block|VERB|xcomp|2 "
        "tariffs|NOUN|dobj|4|tariff",
        4, (False, "possible", None), id="might-try"),
    pytest.param(
        # ... but a hedged request stays a request: "Athens may ask the EU to mediate"
        "Athens|PROPN|nsubj|2 may|AUX|aux|2|may|MD ask|VERB|ROOT|2 EU|PROPN|dobj|2 to|PART|aux|5 mediate|VERB|xcomp|2",
        5, (False, "requested", None), id="may-ask"),
    pytest.param(
        # "whether or not" leaves the clause open, not negated
        "Republicans|PROPN|nsubj|2 would|AUX|aux|2|would|MD pursue|VERB|ROOT|2 law|NOUN|dobj|2 whether|SCONJ|mark|8 "
        "or|CCONJ|cc|8 not|PART|neg|8 Court|PROPN|nsubj|8 upholds|VERB|ccomp|2|uphold|VBZ it|PRON|dobj|8",
        8, (False, "possible", None), id="whether-or-not"),
    pytest.param(
        # "without" an "-ing" clause: "Americans can buy homes without HUD helping them"
        "Americans|PROPN|nsubj|2 can|AUX|aux|2|can|MD buy|VERB|ROOT|2 homes|NOUN|dobj|2|home without|ADP|prep|2 "
        "HUD|PROPN|nsubj|6 helping|VERB|pcomp|4|help|VBG them|PRON|dobj|6",
        6, (True, None, None), id="without-ing"),
    pytest.param(
        # a question mark inside a quotation the clause is outside of: 'Gold reacted, wondering if he
        # would "apologize?"'
        "Gold|PROPN|nsubj|1 reacted|VERB|ROOT|1|react|VBD ,|PUNCT|punct|1 wondering|VERB|advcl|1|wonder|VBG "
        "if|SCONJ|mark|7 he|PRON|nsubj|7 would|AUX|aux|7|would|MD apologize|VERB|ccomp|3 “|PUNCT|punct|7 "
        "?|PUNCT|punct|7 ”|PUNCT|punct|7",
        1, (False, None, None), id="quoted-question-mark"),
    pytest.param(
        # an inverted condition after its main clause: "Beck will own the judges should Trump lose"
        "Beck|PROPN|nsubj|2 will|AUX|aux|2 own|VERB|ROOT|2 judges|NOUN|dobj|2|judge should|AUX|aux|6|should|MD "
        "Trump|PROPN|nsubj|6 lose|VERB|advcl|2",
        6, (False, "conditional", None), id="inverted-condition-after"),
    pytest.param(
        # coordinated infinitives, each with "to": "a pledge to take down Republicans and to drive McConnell"
        "pledge|NOUN|ROOT|0 to|PART|aux|2 take|VERB|acl|0 Republicans|PROPN|dobj|2 and|CCONJ|cc|2 to|PART|aux|6 "
        "drive|VERB|conj|2 McConnell|PROPN|dobj|6",
        6, (False, "intended", None), id="coordinated-infinitive"),
    pytest.param(
        # a "that" clause of knowing is a fact, its negation no denial: "He did not know that Russia attacked"
        "He|PRON|nsubj|3 did|AUX|aux|3 not|PART|neg|3 know|VERB|ROOT|3 that|SCONJ|mark|6 Russia|PROPN|nsubj|6 "
        "attacked|VERB|ccomp|3|attack|VBD Ukraine|PROPN|dobj|6",
        6, (False, None, None), id="know-that"),
    pytest.param(
        # ... one of hearing, a claim: "I don't want to hear that cartels run Mexico"
        "I|PRON|nsubj|3 do|AUX|aux|3 n't|PART|neg|3 want|VERB|ROOT|3 to|PART|aux|5 hear|VERB|xcomp|3 that|SCONJ|mark|8 "
        "cartels|NOUN|nsubj|8|cartel run|VERB|ccomp|5|run|VBP Mexico|PROPN|dobj|8",
        8, (False, "claimed", None), id="hear-that"),
    pytest.param(
        # a "wh-" clause of asking is no request: "asked how her views differed from Obama's"
        "asked|VERB|advcl|5|ask|VBN how|SCONJ|advmod|3|how|WRB views|NOUN|nsubj|3|view differed|VERB|ccomp|0|differ|VBD "
        "she|PRON|nsubj|5 was|AUX|ROOT|5|be clear|ADJ|acomp|5",
        3, (False, None, None), id="asked-how"),
    pytest.param(
        # a finite verb cannot share a modal: "he could understand it and took a jab at Congress"
        "he|PRON|nsubj|2 could|AUX|aux|2|could|MD understand|VERB|ROOT|2|understand|VB it|PRON|dobj|2 and|CCONJ|cc|2 "
        "took|VERB|conj|2|take|VBD jab|NOUN|dobj|5",
        5, (False, None, None), id="tense-break"),
    pytest.param(
        # ... but a participle tagged as a past tense, with no phrase of its own, shares it: "partners
        # would feel frustrated and misled"
        "partners|NOUN|nsubj|2|partner would|AUX|aux|2|would|MD feel|VERB|ROOT|2|feel|VB frustrated|ADJ|acomp|2 "
        "and|CCONJ|cc|2 misled|VERB|conj|2|mislead|VBD",
        5, (False, "conditional", None), id="no-tense-break-participle"),
    pytest.param(
        # ... though a past-tagged form under an infinitive's "to" shares it: "forcing them to slash
        # spending and lay off workers"
        "forcing|VERB|ROOT|0|force|VBG exporters|NOUN|dobj|0|exporter to|PART|aux|3 slash|VERB|xcomp|0|slash|VB "
        "spending|NOUN|dobj|3 and|CCONJ|cc|3 lay|VERB|conj|3|lay|VBD off|ADP|prt|6 workers|NOUN|dobj|6|worker",
        6, (False, "obligated", None), id="no-tense-break-under-to"),
    pytest.param(
        # an infinitive with "to" hung on a relative clause inside the first one's object: "a pledge
        # to take down Republicans who are not behind Trump and to drive McConnell out"
        "pledge|NOUN|ROOT|0 to|PART|aux|2 take|VERB|acl|0 Republicans|PROPN|dobj|2 who|PRON|nsubj|5 "
        "are|AUX|relcl|3|be not|PART|neg|5 behind|ADP|prep|5 Trump|PROPN|pobj|7 and|CCONJ|cc|5 to|PART|aux|11 "
        "drive|VERB|conj|5 McConnell|PROPN|dobj|11",
        11, (False, "intended", None), id="infinitive-partner"),
    pytest.param(
        # a complement set against a negated one: "He wasn't trying to embarrass him, only responding"
        "He|PRON|nsubj|3 was|AUX|aux|3|be n't|PART|neg|3 trying|VERB|ROOT|3|try|VBG to|PART|aux|5 "
        "embarrass|VERB|xcomp|3 him|PRON|dobj|5 ,|PUNCT|punct|3 only|ADV|advmod|9 responding|VERB|xcomp|3|respond|VBG",
        9, (False, None, None), id="only-responding"),
    pytest.param(
        # ... while the negated one stays negated and tried
        "He|PRON|nsubj|3 was|AUX|aux|3|be n't|PART|neg|3 trying|VERB|ROOT|3|try|VBG to|PART|aux|5 "
        "embarrass|VERB|xcomp|3 him|PRON|dobj|5 ,|PUNCT|punct|3 only|ADV|advmod|9 responding|VERB|xcomp|3|respond|VBG",
        5, (True, "intended", None), id="not-trying"),
    pytest.param(
        # "but" sets a conjunct against a negated verb: "The union does not want a strike but hopes to
        # reach a deal" (the hope is real, the deal hoped for)
        "union|NOUN|nsubj|3 does|AUX|aux|3|do not|PART|neg|3 want|VERB|ROOT|3|want|VB strike|NOUN|dobj|3 but|CCONJ|cc|3 "
        "hopes|VERB|conj|3|hope|VBZ to|PART|aux|8 reach|VERB|xcomp|6 deal|NOUN|dobj|8",
        8, (False, "intended", None), id="but-hopes-after-not-want"),
    pytest.param(
        # ... also when the parse hangs the conjunct on the negated verb's infinitive: "do not want to
        # take away guns but hope to promote gun laws"
        "they|PRON|nsubj|3 do|AUX|aux|3|do not|PART|neg|3 want|VERB|ROOT|3|want|VB to|PART|aux|5 take|VERB|xcomp|3 "
        "guns|NOUN|dobj|5 but|CCONJ|cc|5 hope|VERB|conj|5|hope|VBP to|PART|aux|10 promote|VERB|xcomp|8 laws|NOUN|dobj|10",
        10, (False, "intended", None), id="but-hope-after-not-want-to"),
    pytest.param(
        # ... while the negated one stays negated, and "or" shares the negation: "will not cooperate or share"
        "they|PRON|nsubj|3 do|AUX|aux|3|do not|PART|neg|3 want|VERB|ROOT|3|want|VB to|PART|aux|5 take|VERB|xcomp|3 "
        "guns|NOUN|dobj|5 but|CCONJ|cc|5 hope|VERB|conj|5|hope|VBP to|PART|aux|10 promote|VERB|xcomp|8 laws|NOUN|dobj|10",
        5, (True, "intended", None), id="not-want-to-take"),
    pytest.param(
        "Iran|PROPN|nsubj|3 will|AUX|aux|3|will|MD not|PART|neg|3 cooperate|VERB|ROOT|3 or|CCONJ|cc|3 share|VERB|conj|3 "
        "data|NOUN|dobj|5",
        5, (True, "future", None), id="or-shares-the-negation"),
    pytest.param(
        # "instead" sets a complement against an avoided one: "should avoid eating in bars and to
        # instead use delivery" (the use is due, not avoided)
        "Americans|PROPN|nsubj|2 should|AUX|aux|2|should|MD avoid|VERB|ROOT|2 eating|VERB|xcomp|2|eat|VBG "
        "and|CCONJ|cc|3 to|PART|aux|7 instead|ADV|advmod|7 use|VERB|xcomp|2 delivery|NOUN|dobj|7",
        7, (False, "obligated", None), id="instead-of-avoided"),
    pytest.param(
        # no evidence for a clause leaves it unproven, not denied: "there is no evidence that Trump set the policies"
        "there|PRON|expl|1 is|VERB|ROOT|1|be no|DET|det|3 evidence|NOUN|attr|1 that|SCONJ|mark|6 Trump|PROPN|nsubj|6 "
        "set|VERB|acl|3|set|VBD policies|NOUN|dobj|6|policy",
        6, (False, "possible", None), id="no-evidence-that"),
    pytest.param(
        # ... while evidence for it leaves it as it is: "there is evidence that Russia attacked the ship"
        "there|PRON|expl|1 is|VERB|ROOT|1|be evidence|NOUN|attr|1 that|SCONJ|mark|5 Russia|PROPN|nsubj|5 "
        "attacked|VERB|acl|2|attack|VBD ship|NOUN|dobj|5",
        5, (False, None, None), id="evidence-that"),
    pytest.param(
        # a precaution's condition: "The army stockpiled food in case the rebels attack the city"
        "army|NOUN|nsubj|1 stockpiled|VERB|ROOT|1|stockpile|VBD food|NOUN|dobj|1 in|ADP|prep|1 case|NOUN|pobj|3 "
        "rebels|NOUN|nsubj|6|rebel attack|VERB|ccomp|1|attack|VBP city|NOUN|dobj|6",
        6, (False, "conditional", None), id="in-case"),
    pytest.param(
        # ... "case" folded into the subject: "backup plans in case coronavirus cases don't drop"
        "schools|NOUN|nsubj|1|school develop|VERB|ROOT|1 plans|NOUN|dobj|1|plan in|ADP|prep|1 case|NOUN|compound|5 "
        "cases|NOUN|nsubj|8|case do|AUX|aux|8 n't|PART|neg|8 drop|VERB|conj|1",
        8, (True, "conditional", None), id="in-case-folded"),
    pytest.param(
        # ... not a clause after another "case": "Iran won the case and attacked Iraq"
        "Iran|PROPN|nsubj|1 won|VERB|ROOT|1|win|VBD case|NOUN|dobj|1 and|CCONJ|cc|1 attacked|VERB|conj|1|attack|VBD "
        "Iraq|PROPN|dobj|4",
        4, (False, None, None), id="not-in-case"),
    pytest.param(
        # the curly "’d" is "would": "He’d urge Trump to stop"
        "He|PRON|nsubj|2 ’d|AUX|aux|2|’d|MD urge|VERB|ROOT|2 Trump|PROPN|dobj|2",
        2, (False, "conditional", None), id="curly-would"),
    pytest.param(
        # ... but "'d" of a perfect is "had": "He'd gone to Paris"
        "He|PRON|nsubj|2 'd|AUX|aux|2|have|VBD gone|VERB|ROOT|2|go|VBN to|ADP|prep|2 Paris|PROPN|pobj|3",
        2, (False, None, None), id="had-not-would"),
    pytest.param(
        # a "wh-" clause of what is not known: "It wasn't clear how much Trump would enjoy"
        "It|PRON|nsubj|1 was|AUX|ROOT|1|be n't|PART|neg|1 clear|ADJ|acomp|1 how|SCONJ|advmod|5|how|WRB "
        "much|ADJ|dobj|8 Trump|PROPN|nsubj|8 would|AUX|aux|8|would|MD enjoy|VERB|ccomp|3",
        8, (False, "possible", None), id="unclear-how"),
    pytest.param(
        # ... not one of what is known: "He knows who attacked the ship"
        "He|PRON|nsubj|1 knows|VERB|ROOT|1|know who|PRON|nsubj|3|who|WP attacked|VERB|ccomp|1|attack|VBD ship|NOUN|dobj|3",
        3, (False, None, None), id="knows-who"),
    pytest.param(
        # an inverted condition: "Should Moore make it to the Senate, Democrats will expel Franken"
        "Should|AUX|aux|2|should|MD Moore|PROPN|nsubj|2 make|VERB|advcl|7 it|PRON|dobj|2 ,|PUNCT|punct|7 "
        "Democrats|PROPN|nsubj|7 will|AUX|aux|7 expel|VERB|ROOT|7 Franken|PROPN|dobj|7",
        2, (False, "conditional", None), id="inverted-condition"),
    pytest.param(
        # ... which conditions its main clause too
        "Should|AUX|aux|2|should|MD Moore|PROPN|nsubj|2 make|VERB|advcl|7 it|PRON|dobj|2 ,|PUNCT|punct|7 "
        "Democrats|PROPN|nsubj|7 will|AUX|aux|7 expel|VERB|ROOT|7 Franken|PROPN|dobj|7",
        7, (False, "conditional", None), id="inverted-condition-consequence"),
    pytest.param(
        # a question takes its clause of time for granted: "How can they remain profitable when wages are rising?"
        "How|SCONJ|advmod|3 can|AUX|aux|3 they|PRON|nsubj|3 remain|VERB|ROOT|3 profitable|ADJ|acomp|3 when|SCONJ|advmod|8 "
        "wages|NOUN|nsubj|8|wage are|AUX|aux|8|be rising|VERB|advcl|3|rise|VBG ?|PUNCT|punct|3",
        8, (False, None, None), id="question-when-clause"),
    pytest.param(
        # ... while its own clause is asked
        "How|SCONJ|advmod|3 can|AUX|aux|3 they|PRON|nsubj|3 remain|VERB|ROOT|3 profitable|ADJ|acomp|3 when|SCONJ|advmod|8 "
        "wages|NOUN|nsubj|8|wage are|AUX|aux|8|be rising|VERB|advcl|3|rise|VBG ?|PUNCT|punct|3",
        3, (False, "possible", None), id="question-main-clause"),
    pytest.param(
        # "now that": "What is there to say now that he apologized?"
        "What|PRON|attr|1 is|AUX|ROOT|1|be there|ADV|expl|1 to|PART|aux|4 say|VERB|advcl|1 now|ADV|advmod|4 that|SCONJ|mark|8 "
        "he|PRON|nsubj|8 apologized|VERB|ccomp|4|apologize|VBD ?|PUNCT|punct|1",
        8, (False, None, None), id="question-now-that"),
    pytest.param(
        # what is allowed is not done: "The law allows the chairmen to request information"
        "law|NOUN|nsubj|1 allows|VERB|ROOT|1|allow chairmen|NOUN|nsubj|4|chairman to|PART|aux|4 request|VERB|ccomp|1 "
        "information|NOUN|dobj|4",
        4, (False, "possible", None), id="allowed-to"),
    pytest.param(
        # a proposal: "I propose deepening our dialogue"
        "I|PRON|nsubj|1 propose|VERB|ROOT|1 deepening|VERB|xcomp|1|deepen|VBG dialogue|NOUN|dobj|2",
        2, (False, "requested", None), id="propose"),
    pytest.param(
        # what is about to happen: "Chrysler is about to enter the market"
        "Chrysler|PROPN|nsubj|1 is|AUX|ROOT|1|be about|ADJ|acomp|1 to|PART|aux|4 enter|VERB|xcomp|2 market|NOUN|dobj|4",
        4, (False, "future", None), id="about-to"),
    pytest.param(
        # a campaign's end is not reached: "groups started a campaign to persuade Neal to ask for the returns"
        "groups|NOUN|nsubj|1|group started|VERB|ROOT|1|start campaign|NOUN|dobj|1 to|PART|aux|4 persuade|VERB|acl|2 "
        "Neal|PROPN|dobj|4 to|PART|aux|7 ask|VERB|xcomp|4",
        7, (False, "intended", None), id="campaign-to"),
    pytest.param(
        # an abandoned plan is no longer intended: "The Conservatives have shelved plans to privatise industry"
        "Conservatives|PROPN|nsubj|2 have|AUX|aux|2 shelved|VERB|ROOT|2|shelve plans|NOUN|dobj|2|plan to|PART|aux|5 "
        "privatise|VERB|acl|3 industry|NOUN|dobj|5",
        5, (True, "intended", None), id="shelved-plans"),
    pytest.param(
        # ... unless the abandoning is denied: "have not shelved plans to privatise industry"
        "Conservatives|PROPN|nsubj|3 have|AUX|aux|3 not|PART|neg|3 shelved|VERB|ROOT|3|shelve plans|NOUN|dobj|3|plan "
        "to|PART|aux|6 privatise|VERB|acl|4 industry|NOUN|dobj|6",
        6, (False, "intended", None), id="not-shelved-plans"),
    pytest.param(
        # a reported "would" is the speaker's "will" in the past progressive too: "were saying they would tolerate it"
        "Democrats|PROPN|nsubj|2 were|AUX|aux|2|be saying|VERB|ROOT|2|say|VBG they|PRON|nsubj|5 would|AUX|aux|5|would|MD "
        "tolerate|VERB|ccomp|2 it|PRON|dobj|5",
        5, (False, "future", None), id="reported-would-progressive"),
    pytest.param(
        # a condition after a later conjunct is that conjunct's: "he will analyze it and respond if required"
        "he|PRON|nsubj|2 will|AUX|aux|2 analyze|VERB|ROOT|2 request|NOUN|dobj|2 and|CCONJ|cc|2 respond|VERB|conj|2 "
        "if|SCONJ|mark|7 required|VERB|advcl|2|require|VBN",
        2, (False, "future", None), id="condition-of-later-conjunct"),
    pytest.param(
        # ... while with no conjunct between, the condition is the verb's: "he will analyze it if required"
        "he|PRON|nsubj|2 will|AUX|aux|2 analyze|VERB|ROOT|2 request|NOUN|dobj|2 if|SCONJ|mark|5 required|VERB|advcl|2|require|VBN",
        2, (False, "conditional", None), id="condition-of-verb"),
    pytest.param(
        # a bare infinitive tagged VBP after the governing verb's infinitive: "needs to get votes, find a way"
        "Barrett|PROPN|nsubj|1 needs|VERB|ROOT|1|need|VBZ to|PART|aux|3 get|VERB|xcomp|1|get|VB votes|NOUN|dobj|3|vote "
        ",|PUNCT|punct|1 find|VERB|conj|1|find|VBP way|NOUN|dobj|6",
        6, (False, "obligated", None), id="misattached-infinitive-vbp"),
    pytest.param(
        # an "-ing" clause with its own subject after a verb of predicting: "foresee the situation improving"
        "Officials|NOUN|nsubj|1|official foresee|VERB|ROOT|1 situation|NOUN|nsubj|3 improving|VERB|ccomp|1|improve|VBG",
        3, (False, "future", None), id="foresee-ing"),
]


@pytest.mark.parametrize("spec, index, expected", GOVERNED_NEWS_ROWS)
def test_governed_acts_of_news(blank_nlp, spec, index, expected):
    doc = parsed(blank_nlp, spec)
    negated, modality, governing = polarity_and_modality(doc[index])
    negated_, modality_, at = expected
    assert (negated, modality, governing) == (negated_, modality_, None if at is None else doc[at])


NEWS_MODEL_ROWS = [
    # (sentence, the statement's predicate text, negated, modality): made-up sentences of the shapes met
    ("Analysts think the minister should stop using the old airport.", "should stop using", False, "obligated"),
    ("The rebels will never stop attacking the convoys.", "will never stop attacking", True, "future"),
    ("Should the talks fail, the army will attack the rebels.", "will attack", False, "conditional"),
    ("The treaty allows Iran to inspect the sites.", "to inspect", False, "possible"),
    ("The Conservatives have shelved plans to sell the state railway.", "to sell", True, "intended"),
    ("The carmaker is about to enter the Chinese market.", "to enter", False, "future"),
    # a refusal over a verb of ceasing: the whole chain is the predicate
    ("Iran refused to stop enriching uranium.", "refused to stop enriching", False, None),
    ("The minister has said the government would sell the airline.", "would sell", False, "future"),
    ("The army is to withdraw its troops from the border.", "to withdraw", False, "future"),
    ("The rebels might try to seize the airport.", "to seize", False, "possible"),
    ("The governor begged the president to send troops.", "to send", False, "requested"),
    ("The talks could fall apart.", "could fall apart", False, "possible"),
    ("The two men pleaded not guilty on Monday.", "pleaded not guilty", False, None),
    ("The union will strike whether or not the company raises wages.", "raises", False, "possible"),
    ("The exporters were scheduled to meet the minister.", "to meet", False, "future"),
    # "try and": what is tried, and "try" takes no object of its own
    ("The rebels will try and seize the airport.", "seize", False, "intended"),
    # the preposition "to" before an "-ing" verb is the governing verb's, not the act's
    ("The senator confessed to secretly recording the meeting.", "secretly recording", False, None),
]


@pytest.mark.model
@pytest.mark.parametrize("text, predicate, negated, modality", NEWS_MODEL_ROWS)
def test_model_governed_acts_of_news(text, predicate, negated, modality):
    found = {(s.negated, s.modality) for s in kg.extract(text) if s.predicate.text == predicate}
    assert found == {(negated, modality)}


@pytest.mark.parametrize("complement, modality", [("to|PART|aux|3 buy|VERB|xcomp|1|buy|VB", "intended"),
                                                   ("buying|VERB|xcomp|1|buy|VBG", "requested")])
def test_proposed(blank_nlp, complement, modality):
    # "USAIR proposed to buy the shares" (it means to); "USAIR proposed buying the shares" (a proposal)
    doc = parsed(blank_nlp, f"USAIR|PROPN|nsubj|1 proposed|VERB|ROOT|1|propose {complement} shares|NOUN|dobj|{len(complement.split())+1}")
    verb = next(t for t in doc if t.lemma_ == "buy")
    assert polarity_and_modality(verb)[:2] == (False, modality)


@pytest.mark.model
@pytest.mark.parametrize("text, verb", [
    ("The union does not want a strike but hopes to reach a deal with Ford.", "reach"),
    ("Greenpeace said its members do not want to block the port but hope to meet Shell.", "meet"),
    ("Fiji does not want to close its embassy but hopes to meet Australia soon.", "meet"),
])
def test_model_but_sets_a_conjunct_against_a_negated_verb(text, verb):
    import kg
    acts = [s for s in kg.extract(text) if s.predicate.lemma.split()[0] == verb]
    assert acts and not any(s.negated for s in acts)


# -- denying governors, means, sequels and clauses of time (branch attrib3): one row per construction --

DENYING_ROWS = [
    pytest.param(
        # "unlikely to": probably not done
        "Germany|PROPN|nsubj|1 is|AUX|ROOT|1|be unlikely|ADJ|acomp|1 to|PART|aux|4 approve|VERB|xcomp|2 merger|NOUN|dobj|4",
        4, (True, "possible"), id="unlikely-to"),
    pytest.param(
        # ... and its clause: "it is unlikely Congress will approve the treaty"
        "It|PRON|nsubj|1 is|AUX|ROOT|1|be unlikely|ADJ|acomp|1 Congress|PROPN|nsubj|5 will|AUX|aux|5 approve|VERB|ccomp|2 "
        "treaty|NOUN|dobj|5",
        5, (True, "possible"), id="it-is-unlikely"),
    pytest.param(
        # ... hung on the copula beside the adjective
        "It|PRON|nsubj|1 is|AUX|ROOT|1|be unlikely|ADJ|acomp|1 Congress|PROPN|nsubj|5 will|AUX|aux|5 approve|VERB|ccomp|1 "
        "treaty|NOUN|dobj|5",
        5, (True, "possible"), id="it-is-unlikely-on-copula"),
    pytest.param(
        # ... but "likely to" only hedges
        "Germany|PROPN|nsubj|1 is|AUX|ROOT|1|be likely|ADJ|acomp|1 to|PART|aux|4 approve|VERB|xcomp|2 merger|NOUN|dobj|4",
        4, (False, "possible"), id="likely-to"),
    pytest.param(
        # "too ADJ to": cannot be done
        "Republicans|PROPN|nsubj|1 are|AUX|ROOT|1|be too|ADV|advmod|3 divided|VERB|acomp|1|divide|VBN to|PART|aux|5 "
        "pass|VERB|xcomp|3 budget|NOUN|dobj|5",
        5, (True, "possible"), id="too-to"),
    pytest.param(
        # ... but "too" after the verb is "also": "Obama wants to go too"
        "Obama|PROPN|nsubj|1 wants|VERB|ROOT|1|want to|PART|aux|3 go|VERB|xcomp|1 too|ADV|advmod|1",
        3, (False, "intended"), id="too-also"),
    pytest.param(
        # "does nothing to": not brought about
        "treaty|NOUN|nsubj|1 does|VERB|ROOT|1|do nothing|PRON|dobj|1 to|PART|aux|4 help|VERB|relcl|2 Ukraine|PROPN|dobj|4",
        4, (True, None), id="does-nothing-to"),
    pytest.param(
        # ... "did not do anything to"
        "treaty|NOUN|nsubj|3 did|AUX|aux|3|do not|PART|neg|3 do|VERB|ROOT|3 anything|PRON|dobj|3 to|PART|aux|6 "
        "help|VERB|relcl|4 Ukraine|PROPN|dobj|6",
        6, (True, None), id="did-not-do-anything-to"),
    pytest.param(
        # ... but "did a little to help" did something
        "treaty|NOUN|nsubj|1 did|VERB|ROOT|1|do a|DET|det|3 little|ADJ|dobj|1 to|PART|aux|5 help|VERB|relcl|3 "
        "Ukraine|PROPN|dobj|5",
        5, (False, None), id="did-a-little-to"),
    pytest.param(
        # a means to act: "gave its offices more power to devote resources" (it may)
        "he|PRON|nsubj|1 gave|VERB|ROOT|1|give offices|NOUN|dative|1|office more|ADJ|amod|4 power|NOUN|dobj|1 to|PART|aux|6 "
        "devote|VERB|acl|4 resources|NOUN|dobj|6|resource",
        6, (False, "possible"), id="power-to"),
    pytest.param(
        # ... lacked: "the Senate lacks the votes to block him" (the parse hangs the infinitive on "lacks")
        "Senate|PROPN|nsubj|1 lacks|VERB|ROOT|1|lack the|DET|det|3 votes|NOUN|dobj|1|vote to|PART|aux|5 block|VERB|advcl|1 "
        "him|PRON|dobj|5",
        5, (True, "possible"), id="lacks-votes-to"),
    pytest.param(
        # ... or on its object: "the council lacks the power to block the project"
        "council|NOUN|nsubj|1 lacks|VERB|ROOT|1|lack the|DET|det|3 power|NOUN|dobj|1 to|PART|aux|5 block|VERB|acl|3 "
        "project|NOUN|dobj|5",
        5, (True, "possible"), id="lacks-power-to"),
    pytest.param(
        # a present clause of time under a future: "will open after the settlement is approved"
        "process|NOUN|nsubj|2 will|AUX|aux|2 open|VERB|ROOT|2 after|SCONJ|mark|6 settlement|NOUN|nsubjpass|6 is|AUX|auxpass|6|be|VBZ "
        "approved|VERB|advcl|2|approve|VBN",
        6, (False, "future"), id="after-under-future"),
    pytest.param(
        # ... a past one is done: "opened after the settlement was approved"
        "process|NOUN|nsubj|1 opened|VERB|ROOT|1|open|VBD after|SCONJ|mark|5 settlement|NOUN|nsubjpass|5 was|AUX|auxpass|5|be|VBD "
        "approved|VERB|advcl|1|approve|VBN",
        5, (False, None), id="after-under-past"),
    pytest.param(
        # the second alternative of an indirect question: "could not say whether X had treated her … or had used her"
        "he|PRON|nsubj|3 could|AUX|aux|3 not|PART|neg|3 say|VERB|ROOT|3 whether|SCONJ|mark|7 Blunkett|PROPN|nsubj|7 "
        "had|AUX|aux|7 treated|VERB|ccomp|3|treat her|PRON|dobj|7 or|CCONJ|cc|7 had|AUX|aux|11 used|VERB|conj|7|use "
        "her|PRON|dobj|11",
        11, (False, "possible"), id="whether-or"),
    pytest.param(
        # going on to a next act is doing it: "Trump went on to accuse the department"
        "Trump|PROPN|nsubj|1 went|VERB|ROOT|1|go on|ADP|prt|1 to|PART|aux|4 accuse|VERB|xcomp|1 department|NOUN|dobj|4",
        4, (False, None), id="went-on-to"),
    pytest.param(
        # ... also as the parse's infinitive of purpose
        "Trump|PROPN|nsubj|1 went|VERB|ROOT|1|go on|ADP|prt|1 to|PART|aux|4 accuse|VERB|advcl|1 department|NOUN|dobj|4",
        4, (False, None), id="went-on-to-advcl"),
    pytest.param(
        # ... while "going to" is still the future
        "Trump|PROPN|nsubj|2 is|AUX|aux|2|be going|VERB|ROOT|2|go to|PART|aux|4 accuse|VERB|xcomp|2 department|NOUN|dobj|4",
        4, (False, "future"), id="going-to"),
    pytest.param(
        # ... but a means put to use is used for its end: "is exercising his authority to extend the clock"
        "McConnell|PROPN|nsubj|2 is|AUX|aux|2|be exercising|VERB|ROOT|2|exercise his|PRON|poss|4 authority|NOUN|dobj|2 "
        "to|PART|aux|6 extend|VERB|acl|4 clock|NOUN|dobj|6",
        6, (False, "intended"), id="exercised-authority-to"),
    pytest.param(
        # a past refusal: "Reid would not agree to the condition" (he did not)
        "Reid|PROPN|nsubj|3 would|AUX|aux|3|would|MD not|PART|neg|3 agree|VERB|ROOT|3 to|ADP|prep|3 condition|NOUN|pobj|4",
        3, (True, None), id="would-not-agree"),
    pytest.param(
        # ... but with a condition, a condition: "Iran would not accept it if Obama signed it"
        "Iran|PROPN|nsubj|3 would|AUX|aux|3|would|MD not|PART|neg|3 accept|VERB|ROOT|3 it|PRON|dobj|3 if|SCONJ|mark|7 "
        "Obama|PROPN|nsubj|7 signed|VERB|advcl|3|sign|VBD it|PRON|dobj|7",
        3, (True, "conditional"), id="would-not-accept-if"),
    pytest.param(
        # ... and another act is no refusal: "the deal would not help Iran"
        "deal|NOUN|nsubj|3 would|AUX|aux|3|would|MD not|PART|neg|3 help|VERB|ROOT|3 Iran|PROPN|dobj|3",
        3, (True, "conditional"), id="would-not-help"),
    pytest.param(
        # a clause of time in reported speech, its tense shifted back: "said the US would drop the
        # tariffs once Japan began fulfilling the agreement"
        "Yeutter|PROPN|nsubj|1 said|VERB|ROOT|1|say|VBD US|PROPN|nsubj|4 would|AUX|aux|4|would|MD drop|VERB|ccomp|1|drop|VB "
        "tariffs|NOUN|dobj|4|tariff once|SCONJ|mark|8 Japan|PROPN|nsubj|8 began|VERB|advcl|4|begin|VBD",
        8, (False, "future"), id="once-in-reported-past"),
]


@pytest.mark.parametrize("spec, index, expected", DENYING_ROWS)
def test_denying_governors_means_and_sequels(blank_nlp, spec, index, expected):
    doc = parsed(blank_nlp, spec)
    assert polarity_and_modality(doc[index])[:2] == expected


DENYING_MODEL_ROWS = [
    # (made-up sentence, predicate text, negated, modality)
    ("Hungary is unlikely to join the new alliance with Poland.", "to join", True, "possible"),
    ("It is unlikely the Senate will confirm Johnson before the summer.", "will confirm", True, "possible"),
    ("Russia was too weak to defeat Ukraine.", "to defeat", True, "possible"),
    ("The Pentagon has the authority to punish Boeing for the delays.", "to punish", False, "possible"),
    ("The Senate lacks the votes to block Obama.", "to block", True, "possible"),
    ("The ferry service will resume after Greece lifts the strike.", "lifts", False, "future"),
    ("The senator went on to accuse Google of hiding the report.", "to accuse", False, None),
    ("Officials would not say whether Iran had armed the rebels or had trained Hezbollah.", "had trained", False, "possible"),
    ("The senator would not even acknowledge Trump's victory in Ohio.", "would not even acknowledge", True, None),
    ("Merkel said Germany would lift the sanctions once Russia withdrew its troops from Ukraine.", "withdrew its troops from", False, "future"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, predicate, negated, modality", DENYING_MODEL_ROWS)
def test_model_denying_governors_means_and_sequels(text, predicate, negated, modality):
    found = {(s.negated, s.modality) for s in kg.extract(text) if s.predicate.text == predicate}
    assert found == {(negated, modality)}
