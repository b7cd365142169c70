"""Each attribution rule on hand-built parses (no model), plus quotations through the real model."""
from __future__ import annotations

import pytest

import kg
from conftest import parsed
from kg.attribution import (
    ClaimDenials, QuoteSpeakers, according_to_quote, block_quote_source, credit_line, denied_claim, is_allegation_source, named_survey, outer_source,
    ends_open, outside_the_quotation, own_account, pronoun_speaker, quote_speaker, respondents, speech_subject,
    survey_of,
)
from kg.entities import EntityResolver
from kg.relations import statements_from_sentence

SPEAKER_ROWS = [
    pytest.param(
        # trailing speech verb: "Iran attacked Iraq, Carter said"
        "Iran|PROPN|nsubj|1 attacked|VERB|ccomp|5|attack Iraq|PROPN|dobj|1 ,|PUNCT|punct|5 Carter|PROPN|nsubj|5 said|VERB|ROOT|5|say .|PUNCT|punct|5",
        1, "Carter", id="trailing-said"),
    pytest.param(
        # a lawyer's statement is the lawyer's: "Cohen would not accept a pardon, his attorney said"
        "Cohen|PROPN|nsubj|3 would|AUX|aux|3 not|PART|neg|3 accept|VERB|ccomp|9 a|DET|det|5 pardon|NOUN|dobj|3 ,|PUNCT|punct|9 "
        "his|PRON|poss|8 attorney|NOUN|nsubj|9 said|VERB|ROOT|9|say .|PUNCT|punct|9",
        3, "attorney", id="attorney-said"),
    pytest.param(
        # "according to X" on the clause
        "According|VERB|prep|5|accord to|ADP|prep|0 officials|NOUN|pobj|1|official ,|PUNCT|punct|5 Russia|PROPN|nsubj|5 "
        "bombed|VERB|ROOT|5|bomb Syria|PROPN|dobj|5 .|PUNCT|punct|5",
        5, "officials", id="according-to"),
    pytest.param(
        # "according to X" after coordinated clauses covers all of them:
        # "Brown cornered Taylor, forced her down and raped her, according to the suit"
        "Brown|PROPN|nsubj|1 cornered|VERB|ROOT|1|corner Taylor|PROPN|dobj|1 ,|PUNCT|punct|1 forced|VERB|conj|1|force her|PRON|dobj|4 "
        "and|CCONJ|cc|4 raped|VERB|conj|4|rape her|PRON|dobj|7 ,|PUNCT|punct|7 according|VERB|prep|7|accord to|ADP|prep|10 "
        "the|DET|det|13 suit|NOUN|pobj|11 .|PUNCT|punct|1",
        1, "suit", id="according-to-covers-conjuncts"),
    pytest.param(
        # a parenthetical speech verb before the clause: "In the past, she says, teachers called her"
        "In|ADP|prep|6 past|NOUN|pobj|0 ,|PUNCT|punct|4 she|PRON|nsubj|4 says|VERB|parataxis|6|say ,|PUNCT|punct|4 "
        "teachers|NOUN|nsubj|6|teacher called|VERB|ROOT|6|call her|PRON|dobj|6 .|PUNCT|punct|6",
        6, "she", id="parenthetical-says"),
    pytest.param(
        # a second speech verb sharing the subject: "Vernes said he agreed, but said his company had no plans"
        "Vernes|PROPN|nsubj|1 said|VERB|ROOT|1|say he|PRON|nsubj|3 agreed|VERB|ccomp|1|agree ,|PUNCT|punct|1 but|CCONJ|cc|1 "
        "said|VERB|conj|1|say his|PRON|poss|8 company|NOUN|nsubj|9 had|VERB|ccomp|6|have plans|NOUN|dobj|9|plan .|PUNCT|punct|1",
        9, "Vernes", id="shared-speech-subject"),
    pytest.param(
        # a reporting participle sharing the subject: "Lamneck said so, estimating that the group would lose money"
        "Lamneck|PROPN|nsubj|1 said|VERB|ROOT|1|say so|ADV|advmod|1 ,|PUNCT|punct|1 estimating|VERB|advcl|1|estimate|VBG "
        "that|SCONJ|mark|9 the|DET|det|7 group|NOUN|nsubj|9 would|AUX|aux|9 lose|VERB|ccomp|4 money|NOUN|dobj|9 .|PUNCT|punct|1",
        9, "Lamneck", id="reporting-participle"),
    pytest.param(
        # a relative pronoun speaks for its antecedent: "Taylor, who says she met Brown"
        "Taylor|PROPN|ROOT|0 ,|PUNCT|punct|0 who|PRON|nsubj|3|who|WP says|VERB|relcl|0|say she|PRON|nsubj|5 met|VERB|ccomp|3|meet "
        "Brown|PROPN|dobj|5",
        5, "Taylor", id="relative-speaker"),
    pytest.param(
        # "quoting X as saying …": X's words
        "a|DET|det|1 report|NOUN|ROOT|1 quoting|VERB|acl|1|quote a|DET|det|4 spokesman|NOUN|dobj|2 as|ADP|prep|2 "
        "saying|VERB|pcomp|5|say Indonesia|PROPN|nsubj|10 had|AUX|aux|10|have not|PART|neg|10 issued|VERB|ccomp|6|issue "
        "licences|NOUN|dobj|10|licence",
        10, "spokesman", id="quoting-as-saying"),
    pytest.param(
        # an "as" clause of saying: "As the Financial Times reported, Russia struck Syria"
        "As|SCONJ|mark|4 the|DET|det|3 Financial|PROPN|compound|3 Times|PROPN|nsubj|4 reported|VERB|advcl|7|report ,|PUNCT|punct|7 "
        "Russia|PROPN|nsubj|7 struck|VERB|ROOT|7|strike Syria|PROPN|dobj|7 .|PUNCT|punct|7",
        7, "Times", id="as-clause"),
    pytest.param(
        # whose request a content clause is: "the League's request that he disavow Duke"
        "Tapper|PROPN|nsubj|1 cited|VERB|ROOT|1|cite the|DET|det|3 League|PROPN|poss|5 's|PART|case|3 request|NOUN|dobj|1 "
        "that|SCONJ|mark|8 he|PRON|nsubj|8 disavow|VERB|acl|5 Duke|PROPN|dobj|8 .|PUNCT|punct|1",
        8, "League", id="noun-source"),
    pytest.param(
        # a reporting verb beyond "say": "Trump has hinted he would repeal the rules"
        "Trump|PROPN|nsubj|2 has|AUX|aux|2|have hinted|VERB|ROOT|2|hint he|PRON|nsubj|5 would|AUX|aux|5 "
        "repeal|VERB|ccomp|2 the|DET|det|7 rules|NOUN|dobj|5|rule .|PUNCT|punct|2",
        5, "Trump", id="hinted"),
    pytest.param(
        # an account whose object holds the clause: "The suit details incidents where Brown kissed Taylor"
        "The|DET|det|1 suit|NOUN|nsubj|2 details|VERB|ROOT|2|detail incidents|NOUN|dobj|2|incident where|SCONJ|advmod|6 "
        "Brown|PROPN|nsubj|6 kissed|VERB|relcl|3|kiss Taylor|PROPN|dobj|6 .|PUNCT|punct|2",
        6, "suit", id="account-verb"),
    pytest.param(
        # a passive "quote": "Kuwait may register ships, officials were quoted as saying"
        "Kuwait|PROPN|nsubj|2 may|AUX|aux|2 register|VERB|ccomp|7 ships|NOUN|dobj|2|ship ,|PUNCT|punct|7 "
        "officials|NOUN|nsubjpass|7|official were|AUX|auxpass|7|be quoted|VERB|ROOT|7|quote as|ADP|prep|7 "
        "saying|VERB|pcomp|8|say .|PUNCT|punct|7",
        2, "officials", id="passive-quoted"),
    pytest.param(
        # the owner of a statement noun: "Trump repeated his comment that Obama compares to Putin"
        "Trump|PROPN|nsubj|1 repeated|VERB|ROOT|1|repeat his|PRON|poss|3 comment|NOUN|dobj|1 that|SCONJ|mark|6 "
        "Obama|PROPN|nsubj|6 compares|VERB|acl|3|compare to|ADP|prep|6 Putin|PROPN|pobj|7",
        6, "his", id="statement-noun"),
    pytest.param(
        # unowned hearsay is its own source: "there were rumours that Indonesia had issued licences"
        "there|PRON|expl|1 were|VERB|ROOT|1|be rumours|NOUN|attr|1|rumour that|SCONJ|mark|6 Indonesia|PROPN|nsubj|6 "
        "had|AUX|aux|6|have issued|VERB|acl|2|issue licences|NOUN|dobj|6|licence",
        6, "rumours", id="hearsay-noun"),
    pytest.param(
        # a belief reported: "many Democrats worry the Republican Party has found a stronghold"
        "Democrats|PROPN|nsubj|1 worry|VERB|ROOT|1 Party|PROPN|nsubj|4 has|AUX|aux|4|have found|VERB|ccomp|1|find "
        "stronghold|NOUN|dobj|4",
        4, "Democrats", id="worry"),
    pytest.param(
        # a survey's finding: "The poll shows that Sanders leads Biden"
        "The|DET|det|1 poll|NOUN|nsubj|2 shows|VERB|ROOT|2|show that|SCONJ|mark|5 Sanders|PROPN|nsubj|5 leads|VERB|ccomp|2|lead "
        "Biden|PROPN|dobj|5 .|PUNCT|punct|2",
        5, "poll", id="survey-finding"),
    pytest.param(
        # … but a video showing something is no source: "The video shows that troops crossed the border"
        "The|DET|det|1 video|NOUN|nsubj|2 shows|VERB|ROOT|2|show that|SCONJ|mark|5 troops|NOUN|nsubj|5|troop crossed|VERB|ccomp|2|cross "
        "border|NOUN|dobj|5 .|PUNCT|punct|2",
        5, None, id="video-shows"),
    pytest.param(
        # no speaker: the article's own
        "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1",
        1, None, id="none"),
    pytest.param(
        # a relative clause set off after a name is the writer's identification, not the speaker's:
        # "India, which received loans, will increase borrowing, an official said"
        "India|PROPN|nsubj|7 ,|PUNCT|punct|0 which|PRON|nsubj|3 received|VERB|relcl|0|receive loans|NOUN|dobj|3 "
        ",|PUNCT|punct|0 will|AUX|aux|7 increase|VERB|ccomp|11 borrowing|NOUN|dobj|7 ,|PUNCT|punct|11 "
        "official|NOUN|nsubj|11 said|VERB|ROOT|11|say",
        3, None, id="relative-after-a-name"),
    pytest.param(
        # … one about a thing is the report's: "Imports rose in goods, which rose most, the department said"
        "Imports|NOUN|nsubj|1|import rose|VERB|ccomp|9|rise in|ADP|prep|1 goods|NOUN|pobj|2 ,|PUNCT|punct|3 "
        "which|PRON|nsubj|6 rose|VERB|relcl|3|rise ,|PUNCT|punct|9 department|NOUN|nsubj|9 said|VERB|ROOT|9|say",
        6, "department", id="relative-about-a-thing"),
    pytest.param(
        # an office speaks for its holder: "Talks will resume, Haniyeh's office said"
        "Talks|NOUN|nsubj|2|talk will|AUX|aux|2 resume|VERB|ccomp|7 ,|PUNCT|punct|7 Haniyeh|PROPN|poss|6 's|PART|case|4 "
        "office|NOUN|nsubj|7 said|VERB|ROOT|7|say",
        2, "Haniyeh", id="holders-office"),
    pytest.param(
        # … a team is a source of its own: "Talks will resume, the Trump transition team said"
        "Talks|NOUN|nsubj|2|talk will|AUX|aux|2 resume|VERB|ccomp|8 ,|PUNCT|punct|8 the|DET|det|7 Trump|PROPN|compound|7 "
        "transition|NOUN|compound|7 team|NOUN|nsubj|8 said|VERB|ROOT|8|say",
        2, "team", id="team-its-own-source"),
    pytest.param(
        # a second verb of saying hung under the reported clause: "Houston said programs kept pace,
        # but conceded that danger increased" (Houston's concession, not the programs')
        "Houston|PROPN|nsubj|1 said|VERB|ROOT|1|say programs|NOUN|nsubj|3|program kept|VERB|ccomp|1|keep pace|NOUN|dobj|3 "
        ",|PUNCT|punct|3 but|CCONJ|cc|3 conceded|VERB|conj|3|concede that|SCONJ|mark|10 danger|NOUN|nsubj|10 "
        "increased|VERB|ccomp|7|increase",
        10, "Houston", id="said-but-conceded"),
    pytest.param(
        # … but a coordinated clause with its own subject keeps it: "Russia said Iran lied and Iraq admitted it"
        "Russia|PROPN|nsubj|1 said|VERB|ROOT|1|say Iran|PROPN|nsubj|3 lied|VERB|ccomp|1|lie and|CCONJ|cc|3 "
        "Iraq|PROPN|nsubj|6 admitted|VERB|conj|3|admit it|PRON|dobj|8 happened|VERB|ccomp|6|happen",
        8, "Iraq", id="coordinated-own-subject"),
]

# "As a mark of interest, Fauci, who heads NIAID, said the government will test AL721", parsed
# with Fauci in apposition to "mark" and "said" without a subject.
DETACHED = ("As|ADP|prep|9 a|DET|det|2 mark|NOUN|pobj|0 ,|PUNCT|punct|2 Fauci|PROPN|appos|2 ,|PUNCT|punct|4 "
            "who|PRON|nsubj|7|who|WP heads|VERB|relcl|4|head NIAID|PROPN|dobj|7 said|VERB|ROOT|9|say the|DET|det|11 "
            "government|NOUN|nsubj|13 will|AUX|aux|13 test|VERB|ccomp|9 AL721|PROPN|dobj|13 .|PUNCT|punct|9")


@pytest.mark.parametrize("ents, speaker", [([(4, 5, "PERSON")], "Fauci"), ([], None)])
def test_detached_speaker(blank_nlp, ents, speaker):
    # the name set off before a subjectless "said" speaks; without a name, nobody does
    doc = parsed(blank_nlp, DETACHED, ents)
    [sentence] = doc.sents
    found = speech_subject(sentence, doc[13])
    assert (found.text if found is not None else None) == speaker


# "“Christie announced that he was dropping the fight,” the Star-Ledger writes."
SELF_REPORT = ("“|PUNCT|punct|11 Christie|PROPN|nsubj|2 announced|VERB|ccomp|11|announce that|SCONJ|mark|6 "
               "he|PRON|nsubj|6 was|AUX|aux|6|be dropping|VERB|ccomp|2|drop fight|NOUN|dobj|6 ,|PUNCT|punct|11 "
               "”|PUNCT|punct|11 Ledger|PROPN|nsubj|11 writes|VERB|ROOT|11|write .|PUNCT|punct|11")


def test_outer_source_of_a_self_report(blank_nlp):
    # Christie's word on his own act is the Star-Ledger's report; with no outer reporter, none
    [sentence] = parsed(blank_nlp, SELF_REPORT).sents
    speaker = speech_subject(sentence, sentence[6])
    assert speaker.text == "Christie"
    assert outer_source(sentence, speaker).text == "Ledger"
    [alone] = parsed(blank_nlp, "Christie|PROPN|nsubj|1 announced|VERB|ROOT|1|announce he|PRON|nsubj|4 "
                                "was|AUX|aux|4|be dropping|VERB|ccomp|1|drop fight|NOUN|dobj|4 .|PUNCT|punct|1").sents
    assert outer_source(alone, alone[0]) is None


FROM_REPORT = "From|ADP|ROOT|0 the|DET|det|3 Politico|PROPN|compound|3 report|NOUN|pobj|0 :|PUNCT|punct|0"


@pytest.mark.parametrize("spec, source", [
    pytest.param(FROM_REPORT, "Politico", id="from-the-report"),
    pytest.param("The|DET|det|1 decision|NOUN|nsubj|2 is|AUX|ROOT|2|be nothing|PRON|attr|2 as|SCONJ|mark|6 "
                 "PolitiFact|PROPN|nsubj|6 documented|VERB|advcl|2|document :|PUNCT|punct|2", "PolitiFact", id="as-documented"),
    pytest.param("he|PRON|nsubj|1 adds|VERB|ROOT|1|add an|DET|det|4 important|ADJ|amod|4 caveat|NOUN|dobj|1 :|PUNCT|punct|1",
                 "he", id="adds-a-caveat"),
    pytest.param("Carter|PROPN|nsubj|1 said|VERB|ROOT|1|say so|ADV|advmod|1 .|PUNCT|punct|1", None, id="no-colon"),
    pytest.param("I|PRON|nsubj|2 particularly|ADV|advmod|2 liked|VERB|ROOT|2|like how|SCONJ|advmod|5 Ginsburg|PROPN|nsubj|5 "
                 "traced|VERB|ccomp|2|trace it|PRON|dobj|5 :|PUNCT|punct|2", None, id="no-source-named"),
])
def test_block_quote_source(blank_nlp, spec, source):
    [sentence] = parsed(blank_nlp, spec).sents
    found = block_quote_source(sentence)
    assert (found.text if found is not None else None) == source


@pytest.mark.parametrize("spec, index, speaker", SPEAKER_ROWS)
def test_speech_subject(blank_nlp, spec, index, speaker):
    doc = parsed(blank_nlp, spec)
    [sentence] = doc.sents
    found = speech_subject(sentence, doc[index])
    assert (found.text if found is not None else None) == speaker


@pytest.mark.parametrize("spec, ents, index, speaker", [
    # a speaker named in apposition to a partitive: "One of them, Jo Dougall, said Iran won"
    ("One|NUM|nsubj|7 of|ADP|prep|0 them|PRON|pobj|1 ,|PUNCT|punct|0 Jo|PROPN|compound|5 Dougall|PROPN|appos|0 ,|PUNCT|punct|0 "
     "said|VERB|ROOT|7|say Iran|PROPN|nsubj|9 won|VERB|ccomp|7|win .|PUNCT|punct|7", [(4, 6, "PERSON"), (8, 9, "GPE")], 9, "Dougall"),
    # … a name after a noun stays the noun's apposition: "A spokesman, Jo Dougall, said" keeps the spokesman
    ("A|DET|det|1 spokesman|NOUN|nsubj|6 ,|PUNCT|punct|1 Jo|PROPN|compound|4 Dougall|PROPN|appos|1 ,|PUNCT|punct|1 "
     "said|VERB|ROOT|6|say Iran|PROPN|nsubj|8 won|VERB|ccomp|6|win .|PUNCT|punct|6", [(3, 5, "PERSON"), (7, 8, "GPE")], 8, "spokesman"),
    # an "as" clause after the verb with a pronoun for the clause's own person is what he did:
    # "Jo Fauci touted Iran as he insisted …" (no source), unlike "As Jo Beinart points out, Iran won"
    ("Jo|PROPN|compound|1 Fauci|PROPN|nsubj|2 touted|VERB|ROOT|2|tout Iran|PROPN|dobj|2 as|SCONJ|mark|6 he|PRON|nsubj|6 "
     "insisted|VERB|advcl|2|insist Iraq|PROPN|nsubj|8 won|VERB|ccomp|6|win .|PUNCT|punct|2", [(0, 2, "PERSON"), (3, 4, "GPE"), (7, 8, "GPE")],
     2, None),
    ("As|SCONJ|mark|3 Jo|PROPN|compound|2 Beinart|PROPN|nsubj|3 says|VERB|advcl|6|say ,|PUNCT|punct|6 Iran|PROPN|nsubj|6 "
     "won|VERB|ROOT|6|win .|PUNCT|punct|6", [(1, 3, "PERSON"), (5, 6, "GPE")], 6, "Beinart"),
    # another's report the writer places in time: "Smith said Iran won after Iraq said Kuwait lost" — Kuwait lost is
    # Iraq's word, and the subject of "said" is no word of Smith's
    ("Smith|PROPN|nsubj|1 said|VERB|ROOT|1|say Iran|PROPN|nsubj|3 won|VERB|ccomp|1|win after|SCONJ|mark|6 Iraq|PROPN|nsubj|6 "
     "said|VERB|advcl|3|say Kuwait|PROPN|nsubj|8 lost|VERB|ccomp|6|lose .|PUNCT|punct|1",
     [(0, 1, "PERSON"), (2, 3, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")], 8, "Iraq"),
    ("Smith|PROPN|nsubj|1 said|VERB|ROOT|1|say Iran|PROPN|nsubj|3 won|VERB|ccomp|1|win after|SCONJ|mark|6 Iraq|PROPN|nsubj|6 "
     "said|VERB|advcl|3|say Kuwait|PROPN|nsubj|8 lost|VERB|ccomp|6|lose .|PUNCT|punct|1",
     [(0, 1, "PERSON"), (2, 3, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")], 6, None),
])
def test_speaker_of_a_named_clause(blank_nlp, spec, ents, index, speaker):
    doc = parsed(blank_nlp, spec, ents)
    [sentence] = doc.sents
    found = speech_subject(sentence, doc[index])
    assert (found.text if found is not None else None) == speaker


def test_allegation_source_makes_a_claim(blank_nlp):
    # "according to the suit, Brown raped her": attributed to the suit, and an allegation
    doc = parsed(blank_nlp, SPEAKER_ROWS[3].values[0], [(0, 1, "PERSON"), (2, 3, "PERSON")])
    resolver = EntityResolver(blank_nlp)
    resolver.annotate(doc)
    [sentence] = doc.sents
    statements = list(statements_from_sentence(sentence, resolver, doc_id="t"))
    assert statements
    assert {(s.modality, s.attributed_to.text) for s in statements} == {("claimed", "the suit")}
    assert is_allegation_source(doc[13]) and not is_allegation_source(doc[0])


@pytest.mark.parametrize("speaker, subject, obj, expected", [
    ("Taylor", "Brown", "Taylor", True),    # "Taylor says Brown overpowered her": her allegation
    ("Russia", "Ukraine", "Russia", True),  # "Russia says Ukraine shelled its troops"
    ("Carter", "Carter", "Putin", False),   # "Carter says he met Putin": his own act, no accusation
    ("Carter", "Iran", "Iraq", False),      # "Carter says Iran attacked Iraq": a report about others
    (None, "Iran", "Iraq", False),          # the article's own
])
def test_own_account_is_an_allegation(speaker, subject, obj, expected):
    assert own_account(speaker, subject, obj, lambda a, b: a == b) is expected


# -- quotations across sentences --------------------------------------------------------------

SAID = "“|PUNCT|punct|3 We|PRON|nsubj|3 will|AUX|aux|3 fight|VERB|ccomp|7 ,|PUNCT|punct|3 ”|PUNCT|punct|7 he|PRON|nsubj|7 said|VERB|ROOT|7|say .|PUNCT|punct|7"
QUOTED = "“|PUNCT|punct|3 We|PRON|nsubj|3 will|AUX|aux|3 win|VERB|ROOT|3 .|PUNCT|punct|3 ”|PUNCT|punct|3"
OPEN = "“|PUNCT|punct|3 We|PRON|nsubj|3 will|AUX|aux|3 win|VERB|ROOT|3 .|PUNCT|punct|3"
PLAIN = "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1"
LEAD_IN = "Carter|PROPN|nsubj|1 said|VERB|ROOT|1|say :|PUNCT|punct|1 “|PUNCT|punct|4 We|PRON|nsubj|1 ..|PUNCT|punct|1"
SCARE = "Trump|PROPN|nsubj|1 called|VERB|ROOT|1|call it|PRON|dobj|1 “|PUNCT|punct|4 fake|ADJ|oprd|1 ”|PUNCT|punct|4 .|PUNCT|punct|1"
TAG = "Smith|PROPN|nsubj|1 asked|VERB|ROOT|1|ask .|PUNCT|punct|1"
CLOSE_SAID = "We|PRON|nsubj|2 will|AUX|aux|2 win|VERB|ccomp|6 ,|PUNCT|punct|2 ”|PUNCT|punct|6 Carter|PROPN|nsubj|6 said|VERB|ROOT|6|say .|PUNCT|punct|6"


def _speakers(nlp, paragraphs: list[list[str]]) -> list[list[str | None]]:
    quotes: QuoteSpeakers[str] = QuoteSpeakers()
    found = []
    for sentences in paragraphs:
        spans = [next(iter(parsed(nlp, spec).sents)) for spec in sentences]
        found.append(quotes.paragraph(spans, lambda token: token.text))
    return found


QUOTE_ROWS = [
    # the next quoted sentence of the paragraph is the same speaker's
    pytest.param([[SAID, QUOTED]], [[None, "he"]], id="same-paragraph"),
    # a quoted sentence before the one naming the speaker in the same quote: “We will win. We will fight,” he said.
    pytest.param([[OPEN, SAID.replace("“|PUNCT|punct|3 ", "").replace("|3", "|2").replace("|7", "|6")]], [["he", None]],
                 id="named-later-in-the-quote"),
    # a paragraph opening with a quote after a paragraph ending with one goes on with its speaker
    pytest.param([[SAID], [QUOTED]], [[None], ["he"]], id="next-paragraph"),
    # a plain sentence is the article's own
    pytest.param([[SAID, PLAIN]], [[None, None]], id="plain-after-quote"),
    # a quotation opened and left open runs on: Carter said: “We … / We will win,” Carter said.
    pytest.param([[LEAD_IN], [OPEN]], [[None], ["Carter"]], id="open-quote-runs-on"),
    # scare quotes are no quotation of a speaker
    pytest.param([[SAID, SCARE]], [[None, None]], id="scare-quotes"),
    # a paragraph after a plain one starts with no speaker
    pytest.param([[SAID, PLAIN], [PLAIN], [QUOTED]], [[None, None], [None], [None]], id="no-carry-over-plain-paragraphs"),
    # a quote paragraph after a paragraph of reported speech is the reported speaker's:
    # "Russia attacked Syria, Carter said." / "“We will win.”"
    pytest.param([[CLOSE_SAID.replace("”|PUNCT|punct|6 ", "").replace("|6", "|5")], [QUOTED]], [[None], ["Carter"]],
                 id="reported-speaker-then-quote"),
    # the last speaker named is the one that carries
    pytest.param([[SAID, QUOTED, CLOSE_SAID], [QUOTED]], [[None, "he", None], ["Carter"]], id="latest-speaker"),
    # a block quotation after "From the Politico report:" is Politico's, the paragraph after it no more
    pytest.param([[FROM_REPORT], [PLAIN, PLAIN], [PLAIN]], [[None], ["Politico", "Politico"], [None]], id="block-quote"),
    # … but a sentence of it naming its own speaker keeps that one
    pytest.param([[FROM_REPORT], [PLAIN, SAID]], [[None], ["Politico", None]], id="block-quote-own-speaker"),
    # a speaker's tag the sentence splitter cut off after a quoted question names its speaker:
    # “We will fight,” he said. “Will we win?” / Smith asked.
    pytest.param([[SAID, QUOTED, TAG]], [[None, "Smith", None]], id="cut-off-tag"),
    # … and a sentence that says something is no tag: “We will win.” / Smith said Russia …
    pytest.param([[SAID, QUOTED, "Smith|PROPN|nsubj|1 said|VERB|ROOT|1|say Russia|PROPN|nsubj|3 won|VERB|ccomp|1|win .|PUNCT|punct|1"]],
                 [[None, "he", None]], id="a-report-is-no-tag"),
]


@pytest.mark.parametrize("paragraphs, expected", QUOTE_ROWS)
def test_quote_speakers(blank_nlp, paragraphs, expected):
    assert _speakers(blank_nlp, paragraphs) == expected


def test_open_quote_ends_with_its_paragraph(blank_nlp):
    # Carter said: “We … / Russia attacked Syria. — a quotation left open (its closing mark lost)
    # does not run into a paragraph that opens without a quotation mark; a piece of the same
    # paragraph (a long paragraph cut) goes on with it
    assert _speakers(blank_nlp, [[LEAD_IN], [PLAIN]]) == [[None], [None]]
    quotes: QuoteSpeakers[str] = QuoteSpeakers()
    first, piece = ([next(iter(parsed(blank_nlp, spec).sents))] for spec in (LEAD_IN, PLAIN))
    quotes.paragraph(first, lambda token: token.text)
    assert quotes.paragraph(piece, lambda token: token.text, new_paragraph=False) == ["Carter"]


@pytest.mark.parametrize("text, index, faces", [
    pytest.param('with a statement reading: "The board', 5, "open", id="after-a-space-before-a-word"),
    pytest.param('made in due course."', 5, "close", id="after-a-word-at-the-end"),
    pytest.param('a Secret Service "hard pass," last week', 3, "open", id="scare-open"),
    pytest.param('a Secret Service "hard pass," last week', 7, "close", id="scare-close-before-a-space"),
    pytest.param('proposals". Then', 1, "close", id="close-before-punctuation"),
    pytest.param('a " b', 1, None, id="spaces-on-both-sides"),
])
def test_straight_quote_faces(blank_nlp, text, index, faces):
    from kg.quotes import straight_quote_faces
    doc = blank_nlp(text)
    assert doc[index].text == '"'
    assert straight_quote_faces(doc[index]) == faces


@pytest.mark.parametrize("text, was_open, expected", [
    # "… reading: "The board can confirm …" / "A further announcement …" (the first never closed):
    # the second opens again and closes, so the quotation ends with it
    pytest.param('"A further announcement will be made in due course."', True, False, id="reopened-and-closed"),
    pytest.param('Now the board has confirmed it, with a statement reading: "The board can confirm it.', False, True,
                 id="left-open"),
    pytest.param('He called it "fake news" on Sunday.', False, False, id="scare-quotes"),
    pytest.param('We will win," Carter said.', True, False, id="closed-after-a-running-quote"),
])
def test_ends_open_with_straight_quotes(blank_nlp, text, was_open, expected):
    assert ends_open(blank_nlp(text)[:], was_open) is expected


NARRATIVE_AFTER = "”|PUNCT|punct|3 Carusone|PROPN|nsubj|3 also|ADV|advmod|3 chided|VERB|ROOT|3|chide police|NOUN|dobj|3 .|PUNCT|punct|3"


@pytest.mark.parametrize("spec, index, expected", [
    # "[sic]” Carusone also chided police": the writer's narrative after the quotation closed
    pytest.param(NARRATIVE_AFTER, 3, True, id="after-the-close"),
    # “We will win.” — the quotation itself
    pytest.param(QUOTED, 3, False, id="inside-the-marks"),
    # Trump called it “fake”. — a writer's sentence with scare quotes, carrying nothing anyway
    pytest.param(SCARE, 1, False, id="scare-quotes"),
    # a sentence without marks (inside a running quotation, or plain)
    pytest.param(PLAIN, 1, False, id="no-marks"),
])
def test_outside_the_quotation(blank_nlp, spec, index, expected):
    doc = parsed(blank_nlp, spec)
    assert outside_the_quotation(doc[:], doc[index]) is expected


def test_last_speaker_before_each_sentence(blank_nlp):
    # "“We will fight,” he said. Russia attacked Syria." / "We will win, Carter said." / "Russia attacked Syria."
    quotes: QuoteSpeakers[str] = QuoteSpeakers()
    found = []
    for sentences in ([SAID, PLAIN], [CLOSE_SAID.replace("”|PUNCT|punct|6 ", "").replace("|6", "|5")], [PLAIN]):
        spans = [next(iter(parsed(blank_nlp, spec).sents)) for spec in sentences]
        quotes.paragraph(spans, lambda token: token.text)
        found.append(list(quotes.previous))
    assert found == [[None, "he"], ["he"], ["Carter"]]


@pytest.mark.parametrize("word, expected", [("He", "last"), ("she", "last"), ("I", "quoted"), ("We", "quoted"), ("Carter", None)])
def test_pronoun_speaker(blank_nlp, word, expected):
    # "He said the bank …" with no antecedent found: the last one who spoke; "I" in a quote: its speaker
    doc = parsed(blank_nlp, f"{word}|{'PROPN' if word == 'Carter' else 'PRON'}|nsubj|1 said|VERB|ROOT|1|say")
    assert pronoun_speaker(doc[0], "quoted", "last") == expected


def test_quote_speaker_quoted_as_saying(blank_nlp):
    # “Parties must act,” Xi was quoted as saying.
    spec = ("“|PUNCT|punct|8 Parties|NOUN|nsubj|3|party must|AUX|aux|3 act|VERB|ccomp|8 ,|PUNCT|punct|8 ”|PUNCT|punct|8 "
            "Xi|PROPN|nsubjpass|8 was|AUX|auxpass|8|be quoted|VERB|ROOT|8|quote|VBN as|ADP|prep|8 "
            "saying|VERB|pcomp|9|say|VBG .|PUNCT|punct|8")
    [sentence] = parsed(blank_nlp, spec).sents
    assert quote_speaker(sentence).text == "Xi"


def test_quote_speaker_is_outside_the_quotes(blank_nlp):
    # “I said no,” Carter added: the "I" inside the quote is not the one the sentence names
    spec = ("“|PUNCT|punct|2 I|PRON|nsubj|2 said|VERB|ccomp|7|say no|INTJ|dobj|2 ,|PUNCT|punct|7 ”|PUNCT|punct|7 "
            "Carter|PROPN|nsubj|7 added|VERB|ROOT|7|add .|PUNCT|punct|7")
    [sentence] = parsed(blank_nlp, spec).sents
    assert quote_speaker(sentence).text == "Carter"


# -- surveys -------------------------------------------------------------------------------------

POLL_PARAGRAPH = ("Sanders|PROPN|nsubj|1 leads|VERB|ROOT|1|lead ,|PUNCT|punct|1 according|VERB|prep|1|accord to|ADP|prep|3 "
                  "a|DET|det|8 Reuters|PROPN|compound|8 national|ADJ|amod|8 poll|NOUN|pobj|4 .|PUNCT|punct|1")
RESPONDENTS = ("12|NUM|nummod|1 %|NOUN|nsubj|2 said|VERB|ROOT|2|say they|PRON|nsubj|5 would|AUX|aux|5 vote|VERB|ccomp|2 "
               "for|ADP|prep|5 Warren|PROPN|pobj|6 .|PUNCT|punct|2")


@pytest.mark.parametrize("spec, ents, index, expected", [
    pytest.param(RESPONDENTS, [(0, 2, "PERCENT")], 1, True, id="percent"),
    pytest.param("a|DET|det|1 majority|NOUN|nsubj|2 said|VERB|ROOT|2|say no|INTJ|dobj|2", [], 1, True, id="majority"),
    pytest.param("Carter|PROPN|nsubj|1 said|VERB|ROOT|1|say no|INTJ|dobj|1", [(0, 1, "PERSON")], 0, False, id="a-person"),
])
def test_respondents(blank_nlp, spec, ents, index, expected):
    assert respondents(parsed(blank_nlp, spec, ents)[index]) is expected


def test_survey_carries_to_the_respondents(blank_nlp):
    # "… according to a Reuters national poll." / "The poll shows …" / "12% said they would vote for Warren."
    quotes: QuoteSpeakers[str] = QuoteSpeakers()
    the_poll = "The|DET|det|1 poll|NOUN|nsubj|2 shows|VERB|ROOT|2|show it|PRON|dobj|2 .|PUNCT|punct|2"
    found = []
    for sentences in ([POLL_PARAGRAPH], [the_poll, RESPONDENTS], [PLAIN]):
        spans = [next(iter(parsed(blank_nlp, spec).sents)) for spec in sentences]
        quotes.paragraph(spans, lambda token: token.text)
        found.append(list(quotes.surveys))
    # the unnamed "the poll" is the named one
    assert found == [["poll"], ["poll", "poll"], ["poll"]]
    assert named_survey(parsed(blank_nlp, POLL_PARAGRAPH)[8]) and not named_survey(parsed(blank_nlp, the_poll)[1])


def test_survey_in_the_sentence(blank_nlp):
    # "The poll shows that 20% said they would back Sanders": the poll's finding
    doc = parsed(blank_nlp, "The|DET|det|1 poll|NOUN|nsubj|2 shows|VERB|ROOT|2|show that|SCONJ|mark|6 20|NUM|nummod|5 "
                            "%|NOUN|nsubj|6 said|VERB|ccomp|2|say they|PRON|nsubj|9 would|AUX|aux|9 back|VERB|ccomp|6 "
                            "Sanders|PROPN|dobj|9", [(4, 6, "PERCENT")])
    assert survey_of(doc[5]).text == "poll"


@pytest.mark.parametrize("spec, expected", [
    # "Ilya Somin has an analysis, and he adds a caveat:" – he is Somin
    pytest.param("Somin|PROPN|nsubj|1 has|VERB|ROOT|1|have analysis|NOUN|dobj|1 ,|PUNCT|punct|1 and|CCONJ|cc|1 "
                 "he|PRON|nsubj|6 adds|VERB|conj|1|add caveat|NOUN|dobj|6 :|PUNCT|punct|6", "Somin", id="conjunct-clause"),
    pytest.param("he|PRON|nsubj|1 adds|VERB|ROOT|1|add caveat|NOUN|dobj|1 :|PUNCT|punct|1", "he", id="no-antecedent-in-sentence"),
])
def test_block_quote_source_of_a_coordinated_pronoun(blank_nlp, spec, expected):
    [sentence] = parsed(blank_nlp, spec).sents
    assert block_quote_source(sentence).text == expected


# -- denials of a claim made before --------------------------------------------------------------

@pytest.mark.parametrize("spec, expected", [
    pytest.param("Moscow|PROPN|nsubj|1 denied|VERB|ROOT|1|deny the|DET|det|3 allegations|NOUN|dobj|1|allegation|NNS .|PUNCT|punct|1",
                 ("Moscow", "denied", True), id="all-allegations"),
    pytest.param("Moscow|PROPN|nsubj|1 denied|VERB|ROOT|1|deny that|DET|det|3 claim|NOUN|dobj|1|claim|NN .|PUNCT|punct|1",
                 ("Moscow", "denied", False), id="that-claim"),
    pytest.param("he|PRON|nsubj|1 denies|VERB|ROOT|1|deny each|DET|det|3 allegation|NOUN|dobj|1|allegation|NN",
                 ("he", "denies", True), id="each-allegation"),
    # the claim's own clause is read with it: "Russia denied the claim that its jets struck the hospital"
    pytest.param("Russia|PROPN|nsubj|1 denied|VERB|ROOT|1|deny the|DET|det|3 claim|NOUN|dobj|1 that|SCONJ|mark|7 "
                 "its|PRON|poss|6 jets|NOUN|nsubj|7|jet struck|VERB|acl|3|strike hospital|NOUN|dobj|7", None, id="content-clause"),
    # the words when the parse is lost: "Sanders disputes that claim" with "disputes" a noun and "claim" a verb
    pytest.param("Sanders|NOUN|compound|1|sander disputes|NOUN|ROOT|1|dispute that|PRON|nsubj|3 claim|VERB|relcl|1 .|PUNCT|punct|1",
                 ("Sanders", "disputes", False), id="lost-parse"),
    pytest.param("Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1", None, id="no-denial"),
])
def test_denied_claim(blank_nlp, spec, expected):
    [sentence] = parsed(blank_nlp, spec).sents
    found = denied_claim(sentence)
    assert (tuple(t.text if hasattr(t, "text") else t for t in found) if found is not None else None) == expected


def test_claim_denials_cover_the_last_or_every_claim():
    from kg.types import Argument, Entity, Predicate, Statement
    actor = lambda name: Argument(name, Entity(name, name, "Person"))  # noqa: E731

    def claim(subject, verb, modality="claimed"):
        return Statement("d", "s", 0, 1, actor(subject), Predicate(verb, verb), actor("Taylor"), modality=modality)

    denials: ClaimDenials = ClaimDenials()
    denials.add([claim("Brown", "kiss"), claim("Brown", "meet", None)])   # a plain fact is no claim
    denials.add([claim("Brown", "assault"), claim("Smith", "hire")])
    same = lambda a, b: a.entity.id == b.entity.id  # noqa: E731
    assert [s.predicate.lemma for s in denials.denials(actor("Brown"), False, same)] == ["assault"]
    assert [s.predicate.lemma for s in denials.denials(actor("Brown"), True, same)] == ["kiss", "assault"]
    assert denials.denials(actor("Jones"), True, same) == []


# -- the real model ---------------------------------------------------------------------------


@pytest.mark.model
def test_model_denial_of_an_earlier_claim():
    text = ("Elizabeth Warren has accused Bernie Sanders of telling her that a woman could not win. "
            "Sanders disputes that claim.")
    statements = kg.extract(text)
    denied = [s for s in statements if s.predicate.lemma == "tell" and s.negated]
    assert [(s.subject.entity.id, s.object.entity.id, s.modality, s.attributed_to.entity.id) for s in denied] == [
        ("Bernie Sanders", "Elizabeth Warren", None, "Bernie Sanders")]


@pytest.mark.model
def test_model_block_quote_after_a_colon():
    # (a first line of its own is the text's headline: the lead-in comes after one)
    text = ("The networks ignored the reversal.\n\nFrom the Politico report:\n\n"
            "The Office of Management and Budget will release a new rule on Wednesday.")
    release = [s for s in kg.extract(text) if s.predicate.lemma == "release"]
    assert release and all(s.attributed_to is not None and s.attributed_to.entity.label == "Politico" for s in release)


@pytest.mark.model
def test_model_quote_speaker_carries_over():
    text = "“Russia will never attack Ukraine,” Putin said. “Russia respects Ukraine.”"
    statements = kg.extract(text)
    respects = [s for s in statements if s.predicate.lemma == "respect"]
    assert respects and all(s.attributed_to is not None and s.attributed_to.entity.id == "Vladimir Putin" for s in respects)


@pytest.mark.model
def test_model_lost_closing_mark_does_not_run_on():
    # a statement quoted with straight marks whose closing mark is lost, then a second quoted
    # sentence: the paragraph after it, opening without a mark, is the writer's own
    text = ("Glazer back with new offer\n\n"
            'Now the board has confirmed that Glazer is back, with a statement reading: "The board can confirm it '
            'has now received a detailed proposal. "A further announcement will be made in due course."\n\n'
            "The Glazer family reacted with anger. The Manchester United fans have opposed Glazer since 2003.")
    opposed = [s for s in kg.extract(text) if s.predicate.lemma == "oppose"]
    assert opposed and all(s.attributed_to is None for s in opposed)


@pytest.mark.model
def test_model_narrative_after_a_closed_quote():
    # the quotation is Smith's, what the writer says of him after the closing mark is not
    text = ("Smith attacks police\n\n"
            "“Russia will never win,” Smith said. “Ukraine has won the war,” and Smith blamed the police for the arrests.")
    found = {(s.predicate.lemma, s.object.entity.id): s.attributed_to for s in kg.extract(text)}
    assert found[("win", "war")] is not None and found[("win", "war")].entity.id == "Smith"
    assert ("blame", "police") in found and found[("blame", "police")] is None


@pytest.mark.model
def test_model_spokesman_is_the_source():
    statements = kg.extract("Russia did not strike the hospital, a Defense Ministry spokesman said on Tuesday.")
    assert statements
    assert all(s.attributed_to is not None and "spokesman" in s.attributed_to.text for s in statements)


# -- turns of a transcript and first-person speech -----------------------------------------------

from kg.attribution import first_person_voice, speaker_body, speaks_on, turn_speaker_name  # noqa: E402
from kg.types import Argument, Entity  # noqa: E402


@pytest.mark.parametrize("label, name", [
    ("Trump", "Trump"), ("KASICH", "Kasich"), ("Mr. Tapper", "Tapper"), ("JAKE TAPPER", "Jake Tapper"),
    ("PRESIDENT BARACK OBAMA", "Barack Obama"), ("HOUSE SPEAKER NANCY PELOSI", "Nancy Pelosi"), ("Q", None), ("A", None),
])
def test_turn_speaker_name(label, name):
    assert turn_speaker_name(label) == name


# "I met Putin." with and without quotation marks
MET = "I|PRON|nsubj|1 met|VERB|ROOT|1|meet Putin|PROPN|dobj|1 .|PUNCT|punct|1"
QUOTED_MET = ("“|PUNCT|punct|2 I|PRON|nsubj|2 met|VERB|ccomp|7|meet Putin|PROPN|dobj|2 ,|PUNCT|punct|7 ”|PUNCT|punct|7 "
              "Smith|PROPN|nsubj|7 said|VERB|ROOT|7|say .|PUNCT|punct|7")


@pytest.mark.parametrize("spec, index, in_turn, expected", [
    pytest.param(MET, 0, True, "turn", id="in-a-turn"),
    pytest.param(MET, 0, False, None, id="the-writer"),
    pytest.param(QUOTED_MET, 1, False, "quote", id="in-quotes"),
    pytest.param(QUOTED_MET, 1, True, "quote", id="in-quotes-in-a-turn"),
    pytest.param("He|PRON|nsubj|1 met|VERB|ROOT|1|meet me|PRON|dobj|1", 2, True, "turn", id="object-me"),
    pytest.param("We|PRON|nsubj|1 met|VERB|ROOT|1|meet Putin|PROPN|dobj|1", 0, True, "turn", id="we-in-a-turn"),
    pytest.param("We|PRON|nsubj|1 met|VERB|ROOT|1|meet Putin|PROPN|dobj|1", 0, False, None, id="we-of-the-writer"),
    pytest.param("They|PRON|nsubj|1 met|VERB|ROOT|1|meet Putin|PROPN|dobj|1", 0, True, None, id="they"),
    pytest.param(QUOTED_MET, 5, False, None, id="a-name"),
])
def test_first_person_voice(blank_nlp, spec, index, in_turn, expected):
    doc = parsed(blank_nlp, spec)
    assert first_person_voice(doc[index], doc[:], in_turn) is expected


@pytest.mark.parametrize("spec, expected", [
    # "I don't know where he'll be tonight": the speaker goes on
    pytest.param("I|PRON|nsubj|1 know|VERB|ROOT|1 where|SCONJ|advmod|4 he|PRON|nsubj|4 'll|AUX|ccomp|1|will", True, id="first-person"),
    pytest.param("you|PRON|nsubj|1 go|VERB|ROOT|1 home|ADV|advmod|1", True, id="second-person"),
    # "Cruz is right, I think": the speaker named in the third person is the writer again
    pytest.param("Cruz|PROPN|nsubj|1 is|AUX|ROOT|1|be right|ADJ|acomp|1 ,|PUNCT|punct|1 I|PRON|nsubj|5 think|VERB|parataxis|1",
                 False, id="names-the-speaker"),
    pytest.param("Prices|NOUN|nsubj|1 rose|VERB|ROOT|1|rise .|PUNCT|punct|1", False, id="third-person"),
    # "“I will win,” Rubio said": a quotation inside it is someone else's voice
    pytest.param("“|PUNCT|punct|3 I|PRON|nsubj|3 will|AUX|aux|3 win|VERB|ccomp|7 ,|PUNCT|punct|7 ”|PUNCT|punct|7 "
                 "Rubio|PROPN|nsubj|7 said|VERB|ROOT|7|say", False, id="quoted-first-person"),
])
def test_speaks_on(blank_nlp, spec, expected):
    assert speaks_on(list(parsed(blank_nlp, spec).sents), "cruz") is expected


TRUMP = Argument("Trump", Entity(id="Donald Trump", label="Donald Trump", type="Person"))
LAVROV = Argument("Lavrov", Entity(id="Sergei Lavrov", label="Sergei Lavrov", type="Person", role="Foreign Minister",
                                   affiliation="Russia"))
RUSSIA = Entity(id="Russia", label="Russia", type="Country")


@pytest.mark.parametrize("speaker, body", [
    pytest.param(LAVROV.entity, RUSSIA, id="a-minister-speaks-for-his-state"),
    pytest.param(Entity(id="Acme", label="Acme", type="Organization"), Entity(id="Acme", label="Acme", type="Organization"), id="a-company"),
    pytest.param(TRUMP.entity, None, id="a-person-tied-to-nobody"),
    # a community leader's or an economist's "we" is their community or trade, whatever their country
    pytest.param(Entity(id="Ann Roe", label="Ann Roe", type="Person", role="community leader", affiliation="Russia"), None,
                 id="a-leader-of-no-state"),
    pytest.param(Entity(id="Ann Roe", label="Ann Roe", type="Person", role="economist", affiliation="Russia"), None,
                 id="an-economist"),
    pytest.param(Entity(id="vote", label="vote", type="Concept"), None, id="a-thing"),
    pytest.param(None, None, id="nobody"),
])
def test_speaker_body(speaker, body):
    assert speaker_body(speaker, {"Russia": RUSSIA}.get) == body


@pytest.mark.parametrize("spec, turn, expected", [
    # "Trump: I met Putin." — the turn's "I" is Trump, and so is the account
    pytest.param(MET, TRUMP, [("Donald Trump", "met", "Vladimir Putin", "Donald Trump")], id="turn"),
    # "I met Putin." in the writer's voice: no actor for "I"
    pytest.param(MET, None, [], id="writer"),
    # "“I met Putin,” Smith said.": Smith's "I"
    pytest.param(QUOTED_MET, None, [("Smith", "met", "Vladimir Putin", "Smith")], id="quote"),
    # "Lavrov: We struck Ukraine." — a minister's "we" is his state
    pytest.param("We|PRON|nsubj|1 struck|VERB|ROOT|1|strike Ukraine|PROPN|dobj|1 .|PUNCT|punct|1", LAVROV,
                 [("Russia", "struck", "Ukraine", "Sergei Lavrov")], id="we-of-a-minister"),
    # "Trump: We struck Ukraine." — a person tied to no body: no actor for "we"
    pytest.param("We|PRON|nsubj|1 struck|VERB|ROOT|1|strike Ukraine|PROPN|dobj|1 .|PUNCT|punct|1", TRUMP, [], id="we-of-anyone"),
    # "Trump: Trump met Putin. He …": a speaker is no "he" of his own turn
    pytest.param("Trump|PROPN|nsubj|1 met|VERB|ROOT|1|meet Putin|PROPN|dobj|1 .|PUNCT|punct|1 "
                 "He|PRON|nsubj|5 met|VERB|ROOT|5|meet Putin|PROPN|dobj|5 .|PUNCT|punct|5",
                 Argument("Trump", Entity(id="Trump", label="Trump", type="Person")),
                 [("Trump", "met", "Vladimir Putin", "Trump")], id="he-is-not-the-speaker"),
])
def test_first_person_statements(blank_nlp, spec, turn, expected):
    doc = parsed(blank_nlp, spec, [(i, i + 1, "PERSON") for i, t in enumerate(spec.split()) if t.startswith(("Putin", "Smith", "Trump"))]
                 + [(i, i + 1, "GPE") for i, t in enumerate(spec.split()) if t.startswith("Ukraine")])
    resolver = EntityResolver(blank_nlp)
    resolver.annotate(doc)
    resolver.settle()
    found = [(s.subject.entity.id, s.predicate.text, s.object.entity.id, s.attributed_to.entity.id if s.attributed_to else None)
             for sentence in doc.sents
             for s in statements_from_sentence(sentence, resolver, doc_id="t", quoted_by=turn, turn=turn)]
    assert found == expected


@pytest.mark.parametrize("quoted_by, expected", [
    # "Trump met Putin. “He met Putin.”" carried as Trump's quotation: "he" is not Trump himself
    (Argument("Trump", Entity(id="Trump", label="Trump", type="Person")), [("Trump", "met", "Vladimir Putin", None)]),
    # … the same sentences in the writer's voice keep the pronoun's reading
    (None, [("Trump", "met", "Vladimir Putin", None), ("Trump", "met", "Vladimir Putin", None)]),
])
def test_a_quotation_is_no_he_of_its_speaker(blank_nlp, quoted_by, expected):
    spec = ("Trump|PROPN|nsubj|1 met|VERB|ROOT|1|meet Putin|PROPN|dobj|1 .|PUNCT|punct|1 "
            "“|PUNCT|punct|6 He|PRON|nsubj|6 met|VERB|ROOT|6|meet Putin|PROPN|dobj|6 .|PUNCT|punct|6 ”|PUNCT|punct|6")
    doc = parsed(blank_nlp, spec, [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "PERSON")])
    resolver = EntityResolver(blank_nlp)
    resolver.annotate(doc)
    resolver.settle()
    sentences = list(doc.sents)
    found = [(s.subject.entity.id, s.predicate.text, s.object.entity.id, s.attributed_to.entity.id if s.attributed_to else None)
             for i, sentence in enumerate(sentences)
             for s in statements_from_sentence(sentence, resolver, doc_id="t", quoted_by=quoted_by if i else None)]
    assert found == expected


@pytest.mark.model
def test_model_a_quotation_is_no_he_of_its_speaker():
    text = ("Airstrikes debated\n\nRobert Turner defended the strikes. Turner said that Obama can order airstrikes against ISIS."
            "\n\n\"He is coming to the defense of Iraq. He supports Iraq.\"")
    assert not [s for s in kg.extract(text) if s.subject.entity.id == "Robert Turner" and s.predicate.lemma in ("support", "come to")]


def test_transcript_through_the_model():
    text = ("Senator John Smith was asked about Russia on Sunday. Here is their exchange:\n\n"
            "Jones: Have you met the Russian president?\n\n"
            "Smith: Honestly, I don't know Vladimir Putin. I don't believe I've ever met him.\n\n"
            "This is the kind of answer that Smith gives often. I think he met Putin.")
    found = {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None, s.negated, s.modality,
              s.attributed_to.entity.id if s.attributed_to else None) for s in kg.extract(text)}
    assert ("John Smith", "know", "Vladimir Putin", True, None, "John Smith") in found
    assert ("John Smith", "meet", "Vladimir Putin", True, "possible", "John Smith") in found
    # the label is not parsed, the question is not Smith's, and the writer's "I think" is no one's
    assert not any(s[5] == "John Smith" and s[0] != "John Smith" for s in found)
    assert not any(s[1] == "meet" and not s[3] for s in found if s[5] == "John Smith")


def test_transcript_initials_and_a_turn_over_paragraphs():
    text = ("Radio host Hugh Hewitt spoke with Reince Priebus on Monday.\n\n"
            "HUGH HEWITT: Did the senator ever meet Vladimir Putin?\n\n"
            "RP: I never met Vladimir Putin.\n\n"
            "Now I want to add something. You know, I have met Angela Merkel.\n\n"
            "Priebus later praised Merkel.")
    found = {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None, s.negated,
              s.attributed_to.entity.id if s.attributed_to else None) for s in kg.extract(text)}
    # "RP" is Reince Priebus by his initials; his turn goes on in the next paragraph ("I")
    assert ("Reince Priebus", "meet", "Vladimir Putin", True, "Reince Priebus") in found
    assert ("Reince Priebus", "meet", "Angela Merkel", False, "Reince Priebus") in found
    # the paragraph naming him is the writer's again
    assert ("Reince Priebus", "praise", "Angela Merkel", False, None) in found


@pytest.mark.parametrize("word, kind, expected", [
    pytest.param("they", "ArmedGroup", None, id="they-resolved-to-one-body"),
    pytest.param("they", "Group", "X", id="they-a-group"),
    pytest.param("he", "Person", "X", id="he-a-person"),
])
def test_quote_speaker_resolver(blank_nlp, word, kind, expected):
    # "…," they wrote — after "Ansar al-Sharia attacked …": the lawmakers, not the armed group
    from kg.extraction import quote_speaker_resolver

    class OneEntity:
        def argument(self, token, offset):
            return Argument(token.text, Entity(id="X", label="X", type=kind))

    token = parsed(blank_nlp, f"{word}|PRON|nsubj|1|{word} wrote|VERB|ROOT|1|write")[0]
    found = quote_speaker_resolver(OneEntity(), 0)(token)
    assert (found.entity.id if found is not None else None) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, fact, speaker", [
    # an inverted verb of saying set off before the clause it reports
    ("Then, says Mr Hallworth, the ministry found out.", None, "Hallworth"),
    ("Then, says Mr Jones, the Senate passed the bill.", ("Senate", "pass", "bill"), "Jones"),
    ("In March, said Tom Ford, Iran attacked Iraq.", ("Iran", "attack", "Iraq"), "Tom Ford"),
])
def test_model_inverted_speech_verb(text, fact, speaker):
    statements = kg.extract(text)
    # the speaker is never an argument of what he says
    assert not [s for s in statements if speaker in (s.subject.entity.id, s.object.entity.id if s.object else None)]
    if fact is not None:
        found = {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None):
                 s.attributed_to.entity.id if s.attributed_to else None for s in statements}
        assert found.get(fact) == speaker


@pytest.mark.model
def test_model_cut_off_tag_names_the_speaker():
    text = ("Hearing on the war\n\n"
            "\"Russia attacked Ukraine,\" Cohen said when Smith asked about the war. "
            "\"And should the United States punish Russia?\" Smith asked.")
    found = {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None):
             s.attributed_to.entity.id if s.attributed_to else None for s in kg.extract(text)}
    assert found[("United States", "punish", "Russia")] == "Smith"
    assert found[("Russia", "attack", "Ukraine")] == "Cohen"


@pytest.mark.model
def test_model_speakers_named_in_apposition_and_own_narrative():
    found = {(s.subject.entity.id, s.predicate.lemma): s.attributed_to.entity.id if s.attributed_to else None for s in kg.extract(
        "Two Republicans criticised Romney. One of them, State Auditor John Dougall, told BuzzFeed News that party "
        "activists have been encouraging him to challenge Romney.")}
    assert found[("John Dougall", "challenge")] == "John Dougall"
    found = {(s.subject.entity.id, s.predicate.lemma): s.attributed_to for s in kg.extract(
        "Dr. Anthony Fauci touted the drug as he insisted that Gilead deserves praise.")}
    assert found[("Anthony Fauci", "tout")] is None


@pytest.mark.model
def test_model_a_report_placed_in_time_is_not_the_outer_speakers():
    text = ("Talks\n\nThe White House said any talks with North Korea must lead to an end to its nuclear program after "
            "senior officials from Pyongyang said on Sunday their government was open to talks with the United States.")
    found = [(s.subject.entity.id, s.attributed_to.entity.id if s.attributed_to else None) for s in kg.extract(text)
             if s.predicate.lemma.startswith("open")]
    assert found and all(speaker == "North Korea" for _, speaker in found)


# -- issue 15, branch attrib2: credit lines, voiced attitudes, names in a reported clause ----------

QUOTE_CREDITED = ("“|PUNCT|punct|3 We|PRON|nsubj|3 will|AUX|aux|3 win|VERB|ROOT|3 .|PUNCT|punct|3 ”|PUNCT|punct|3 "
                  "—|PUNCT|punct|8 Hunter|PROPN|compound|8 Walker|PROPN|npadvmod|3 ,|PUNCT|punct|8 Yahoo|PROPN|compound|11 "
                  "News|PROPN|appos|8")
CREDIT_ALONE = "—|PUNCT|punct|2 Hunter|PROPN|compound|2 Walker|PROPN|ROOT|2 ,|PUNCT|punct|2 Yahoo|PROPN|compound|5 News|PROPN|appos|2"


@pytest.mark.parametrize("spec, ents, source", [
    pytest.param(QUOTE_CREDITED, [(7, 9, "PERSON"), (10, 12, "ORG")], "Walker", id="dash-after-the-closing-mark"),
    pytest.param(CREDIT_ALONE, [(1, 3, "PERSON"), (4, 6, "ORG")], "Walker", id="credit-line-of-its-own"),
    pytest.param("—|PUNCT|punct|2 Joint|ADJ|amod|2 statement|NOUN|ROOT|2 by|ADP|prep|2 John|PROPN|compound|5 Lewis|PROPN|pobj|3 "
                 "and|CCONJ|cc|5 Bennie|PROPN|compound|8 Thompson|PROPN|conj|5",
                 [(4, 6, "PERSON"), (7, 9, "PERSON")], "Lewis", id="statement-by-the-first-named"),
    # a dash after a word, not after a quotation, sets off the writer's own aside
    pytest.param("Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 —|PUNCT|punct|1 Carter|PROPN|appos|2",
                 [(4, 5, "PERSON")], None, id="dash-after-a-word"),
    # a clause after the dash is a sentence, not a credit
    pytest.param("“|PUNCT|punct|3 We|PRON|nsubj|3 will|AUX|aux|3 win|VERB|ccomp|7 ”|PUNCT|punct|3 —|PUNCT|punct|7 "
                 "Carter|PROPN|nsubj|7 said|VERB|ROOT|7|say", [(6, 7, "PERSON")], None, id="a-verb-after-the-dash"),
])
def test_credit_line(blank_nlp, spec, ents, source):
    [sentence] = parsed(blank_nlp, spec, ents).sents
    found = credit_line(sentence)
    assert (found.text if found is not None else None) == source


def _credited_speakers(nlp, paragraphs):
    quotes: QuoteSpeakers[str] = QuoteSpeakers()
    ents = {QUOTE_CREDITED: [(7, 9, "PERSON")], CREDIT_ALONE: [(1, 3, "PERSON")]}
    return [quotes.paragraph([next(iter(parsed(nlp, spec, ents.get(spec, ())).sents)) for spec in sentences],
                             lambda token: token.text) for sentences in paragraphs]


@pytest.mark.parametrize("paragraphs, expected", [
    pytest.param([[QUOTE_CREDITED]], [["Walker"]], id="credit-in-the-sentence"),
    pytest.param([[QUOTED, CREDIT_ALONE]], [["Walker", None]], id="credit-line-after-the-quote"),
    # the credit covers the whole quotation it ends, over a speaker carried from the paragraph before
    pytest.param([[SAID], [QUOTED, QUOTE_CREDITED]], [[None], ["Walker", "Walker"]], id="credit-over-a-carried-speaker"),
    pytest.param([[SAID], [QUOTED]], [[None], ["he"]], id="no-credit-carries-as-before"),
])
def test_credit_line_names_the_quotation_source(blank_nlp, paragraphs, expected):
    assert _credited_speakers(blank_nlp, paragraphs) == expected


@pytest.mark.parametrize("spec, index, speaker", [
    pytest.param("he|PRON|nsubj|1 expressed|VERB|ROOT|1|express optimism|NOUN|dobj|1 that|SCONJ|mark|6 Tokyo|PROPN|nsubj|6 "
                 "could|AUX|aux|6 reach|VERB|acl|2 a|DET|det|8 compromise|NOUN|dobj|6", 6, "he", id="expressed-optimism-that"),
    pytest.param("Smith|PROPN|nsubj|1 voiced|VERB|ROOT|1|voice concern|NOUN|dobj|1 that|SCONJ|mark|5 Russia|PROPN|nsubj|5 "
                 "attacked|VERB|acl|2|attack Syria|PROPN|dobj|5", 5, "Smith", id="voiced-concern-that"),
    # an attitude one lost or a fact one reports on is not voiced by the subject
    pytest.param("he|PRON|nsubj|1 lost|VERB|ROOT|1|lose hope|NOUN|dobj|1 that|SCONJ|mark|6 Tokyo|PROPN|nsubj|6 "
                 "could|AUX|aux|6 reach|VERB|acl|2 a|DET|det|8 compromise|NOUN|dobj|6", 6, None, id="lost-hope"),
    pytest.param("he|PRON|nsubj|1 dismissed|VERB|ROOT|1|dismiss reports|NOUN|dobj|1|report that|SCONJ|mark|5 "
                 "Russia|PROPN|nsubj|5 attacked|VERB|acl|2|attack Syria|PROPN|dobj|5", 5, None, id="not-an-attitude"),
])
def test_voiced_attitude(blank_nlp, spec, index, speaker):
    doc = parsed(blank_nlp, spec)
    [sentence] = doc.sents
    found = speech_subject(sentence, doc[index])
    assert (found.text if found is not None else None) == speaker


def _speakers_of(text: str) -> dict:
    return {(s.subject.entity.id, s.predicate.lemma): s.attributed_to.entity.id if s.attributed_to else None
            for s in kg.extract(text)}


@pytest.mark.model
def test_model_credit_line_after_a_quotation():
    found = _speakers_of("Museum\n\nPresident Trump visited the museum on Saturday.\n\n“We urge all Americans to visit "
                         "this museum after the president leaves.” — Joint statement by Reps. John Lewis and Bennie Thompson")
    assert found[("United States", "visit")] == "John Lewis"
    assert found[("Trump", "visit")] is None


@pytest.mark.model
def test_model_voiced_optimism_is_the_speakers():
    found = _speakers_of("Trade talks\n\nMark Eyskens spoke in Brussels on Friday. He expressed optimism that "
                         "Washington and Tokyo could reach a compromise.")
    assert found[("Japan", "reach")] == "Mark Eyskens"
    assert found[("Mark Eyskens", "express")] is None


@pytest.mark.model
def test_model_a_name_in_the_reported_clause_is_not_the_tags_he():
    found = _speakers_of("Trade talks\n\nMark Eyskens spoke in Brussels on Friday. Besides James Baker's remarks, trade "
                         "tensions between the U.S. and Japan had also hurt the dollar, he said.")
    assert found[("remark", "hurt")] == "Mark Eyskens"


# "According to the Times, the talks failed “after a long meeting." (the quotation is the Times's)
ACCORDING_QUOTE = ("According|VERB|prep|5|accord to|ADP|prep|0 Times|PROPN|pobj|1 ,|PUNCT|punct|5 talks|NOUN|nsubj|5|talk "
                   "failed|VERB|ROOT|5|fail “|PUNCT|punct|5 after|ADP|prep|5 a|DET|det|9 meeting|NOUN|pobj|7 .|PUNCT|punct|5")
# "Smith believes that Russia attacked Syria."
BELIEVES = ("Smith|PROPN|nsubj|1 believes|VERB|ROOT|1|believe that|SCONJ|mark|4 Russia|PROPN|nsubj|4 "
            "attacked|VERB|ccomp|1|attack Syria|PROPN|dobj|4 .|PUNCT|punct|1")


@pytest.mark.parametrize("spec, source", [
    pytest.param(ACCORDING_QUOTE, "Times", id="according-to-outside-the-quote"),
    # "according to" inside the quotation is the quoted one's word, and no quotation names no source
    pytest.param("“|PUNCT|punct|6 According|VERB|prep|6|accord to|ADP|prep|1 Times|PROPN|pobj|2 ,|PUNCT|punct|6 "
                 "talks|NOUN|nsubj|6|talk failed|VERB|ROOT|6|fail .|PUNCT|punct|6 ”|PUNCT|punct|6", None, id="inside-the-quote"),
    pytest.param(ACCORDING_QUOTE.replace("“|PUNCT|punct|5 ", "").replace("|9 ", "|8 ").replace("|7 ", "|6 ").replace("|5 .", "|5 ."),
                 None, id="no-quotation"),
])
def test_according_to_quote(blank_nlp, spec, source):
    [sentence] = parsed(blank_nlp, spec).sents
    found = according_to_quote(sentence)
    assert (found.text if found is not None else None) == source


@pytest.mark.parametrize("paragraphs, expected", [
    # the quotation "according to" opened runs on into the next sentence of the paragraph
    pytest.param([[ACCORDING_QUOTE, PLAIN]], [[None, "Times"]], id="according-to-runs-on"),
    # a quotation after a sentence reporting someone's words or belief goes on with that one
    pytest.param([[BELIEVES, QUOTED]], [[None, "Smith"]], id="reported-then-quoted"),
    # … unless the quotation names its own speaker later in its run
    pytest.param([[BELIEVES, OPEN, CLOSE_SAID]], [[None, "Carter", None]], id="reported-then-quote-tagged-later"),
    # a plain sentence of the writer between them breaks it
    pytest.param([[BELIEVES, PLAIN, QUOTED]], [[None, None, None]], id="plain-in-between"),
])
def test_quotation_after_its_source_in_the_paragraph(blank_nlp, paragraphs, expected):
    assert _speakers(blank_nlp, paragraphs) == expected


@pytest.mark.model
def test_model_quotation_after_a_reported_belief_and_according_to():
    found = _speakers_of("Guns\n\nHabeeb believes that liberal journalists dislike the story. \"Journalists can't blame "
                         "the deaths on assault rifles.\"")
    assert found[("journalist", "blame")] == "Habeeb"
    found = _speakers_of("Reactor\n\nAccording to the Los Angeles Times, the decision came \"after a rare meeting of the "
                         "party. At the meeting, Kim described the nuclear program as the nation's treasure.\"")
    assert found[("Kim", "describe")] == "Los Angeles Times"


@pytest.mark.parametrize("spec, index, speaker", [
    # "Gove said he would run after concluding that Johnson failed": the gerund's subject is the clause's ("he")
    pytest.param("Gove|PROPN|nsubj|1 said|VERB|ROOT|1|say he|PRON|nsubj|4 would|AUX|aux|4 run|VERB|ccomp|1 "
                 "after|ADP|prep|4 concluding|VERB|pcomp|5|conclude|VBG that|SCONJ|mark|9 Johnson|PROPN|nsubj|9 "
                 "failed|VERB|ccomp|6|fail", 9, "he", id="after-concluding-that"),
    # "Gove answered by saying that Johnson failed"
    pytest.param("Gove|PROPN|nsubj|1 answered|VERB|ROOT|1|answer by|ADP|prep|1 saying|VERB|pcomp|2|say|VBG "
                 "that|SCONJ|mark|6 Johnson|PROPN|nsubj|6 failed|VERB|ccomp|3|fail", 6, "Gove", id="by-saying-that"),
    # a gerund under a preposition of a noun has no clause subject to take
    pytest.param("the|DET|det|1 talk|NOUN|nsubj|5 after|ADP|prep|1 saying|VERB|pcomp|2|say|VBG that|SCONJ|mark|7 "
                 "ended|VERB|ROOT|5|end Johnson|PROPN|nsubj|7 failed|VERB|ccomp|3|fail", 7, None, id="under-a-noun"),
])
def test_speaker_of_a_prepositional_gerund(blank_nlp, spec, index, speaker):
    doc = parsed(blank_nlp, spec)
    found = speech_subject(doc[:], doc[index])
    assert (found.text if found is not None else None) == speaker


@pytest.mark.model
def test_model_after_concluding_that_is_the_speakers():
    found = _speakers_of("Race\n\nIn a statement, Gove said he would pursue the post after concluding that Johnson "
                         "\"cannot provide the leadership.\"")
    assert found[("Johnson", "provide")] == "Gove"


# -- infinitives of saying, findings, interrupted speakers, rejoinders (branch attrib3) -------

REPORTED_ROWS = [
    pytest.param(
        # a speech verb as an infinitive of purpose: "Brown took to Twitter to suggest that California could sue Exxon"
        "Brown|PROPN|nsubj|1 took|VERB|ROOT|1|take to|ADP|prep|1 Twitter|PROPN|pobj|2 to|PART|aux|5 suggest|VERB|advcl|1 "
        "that|SCONJ|mark|9 California|PROPN|nsubj|9 could|AUX|aux|9 sue|VERB|ccomp|5 Exxon|PROPN|dobj|9",
        9, "Brown", id="purpose-infinitive-of-saying"),
    pytest.param(
        # ... not one only asked for: "Merkel urged Obama to state that Russia attacked Ukraine"
        "Merkel|PROPN|nsubj|1 urged|VERB|ROOT|1|urge Obama|PROPN|dobj|1 to|PART|aux|4 state|VERB|xcomp|1 that|SCONJ|mark|7 "
        "Russia|PROPN|nsubj|7 attacked|VERB|ccomp|4|attack Ukraine|PROPN|dobj|7",
        7, None, id="asked-to-state"),
    pytest.param(
        # an accusation after "went on to": "Smith went on to accuse Google of hiding the report"
        "Smith|PROPN|nsubj|1 went|VERB|ROOT|1|go on|ADP|prt|1 to|PART|aux|4 accuse|VERB|xcomp|1 Google|PROPN|dobj|4 "
        "of|ADP|prep|4 hiding|VERB|pcomp|6|hide|VBG report|NOUN|dobj|7",
        7, "Smith", id="went-on-to-accuse"),
    pytest.param(
        # a finding of anyone: "The committee found the BBC had succeeded"
        "The|DET|det|1 committee|NOUN|nsubj|2 found|VERB|ROOT|2|find the|DET|det|4 BBC|PROPN|nsubj|6 had|AUX|aux|6 "
        "succeeded|VERB|ccomp|2|succeed",
        6, "committee", id="committee-found"),
    pytest.param(
        # ... a clause before "finds" with no comma tag is no finding of it (a timeline's run-on:
        # "Comey announces counsel Jury finds Libby guilty")
        "Comey|PROPN|nsubj|1 announces|VERB|ccomp|3|announce Jury|PROPN|nsubj|3 finds|VERB|ROOT|3|find Libby|PROPN|nsubj|5 "
        "guilty|ADJ|ccomp|3",
        1, None, id="clause-before-finds"),
    pytest.param(
        # ... not "found it hard to": no clause of its own
        "Germany|PROPN|nsubj|1 found|VERB|ROOT|1|find it|PRON|nsubj|3 hard|ADJ|ccomp|1 to|PART|aux|5 support|VERB|xcomp|3 "
        "France|PROPN|dobj|5",
        5, None, id="found-it-hard"),
    pytest.param(
        # a finding set off in the clause: "Reactions, the study also found, have increased"
        "Reactions|NOUN|nsubj|7|reaction ,|PUNCT|punct|0 the|DET|det|3 study|NOUN|nsubj|5 also|ADV|advmod|5 found|VERB|parataxis|7|find "
        ",|PUNCT|punct|5 increased|VERB|ROOT|7|increase",
        7, "study", id="parenthetical-found"),
    pytest.param(
        # a speaker interrupted by a participle: "Brennan, asked about the loans, said the bank has written them off"
        "Brennan|PROPN|nsubj|2 ,|PUNCT|punct|0 asked|VERB|ROOT|2|ask|VBD about|ADP|prep|2 loans|NOUN|pobj|3|loan ,|PUNCT|punct|6 "
        "said|VERB|parataxis|2|say|VBD bank|NOUN|nsubj|9 has|AUX|aux|9 written|VERB|ccomp|6|write|VBN off|ADP|prt|9",
        9, "Brennan", id="interrupted-speaker"),
    pytest.param(
        # an attitude toward a clause is its holder's: "Tveter is confident the firm can dent Sky"
        "Tveter|PROPN|nsubj|1 is|AUX|ROOT|1|be confident|ADJ|acomp|1 firm|NOUN|nsubj|5 can|AUX|aux|5 dent|VERB|ccomp|2 "
        "Sky|PROPN|dobj|5",
        5, "Tveter", id="confident-that"),
    pytest.param(
        # ... the clause hung on the copula: "analysts were sceptical that BMW could match its profits"
        "analysts|NOUN|nsubj|1|analyst were|AUX|ROOT|1|be sceptical|ADJ|acomp|1 that|SCONJ|mark|6 BMW|PROPN|nsubj|6 "
        "could|AUX|aux|6 match|VERB|ccomp|1 profits|NOUN|dobj|6|profit",
        6, "analysts", id="sceptical-that-on-copula"),
    pytest.param(
        # ... not an expletive "it": "it is certain that Iran attacked"
        "it|PRON|nsubj|1 is|AUX|ROOT|1|be doubtful|ADJ|acomp|1 that|SCONJ|mark|5 Iran|PROPN|nsubj|5 attacked|VERB|ccomp|2|attack",
        5, None, id="it-is-doubtful"),
    pytest.param(
        # ... nor a pronoun inside a report, whose reporter speaks: "officials said they were sceptical that …"
        "officials|NOUN|nsubj|1|official said|VERB|ROOT|1|say they|PRON|nsubj|3 were|AUX|ccomp|1|be sceptical|ADJ|acomp|3 "
        "that|SCONJ|mark|8 plan|NOUN|nsubj|8 would|AUX|aux|8 help|VERB|ccomp|4 Trump|PROPN|dobj|8",
        8, "officials", id="pronoun-sceptical-in-a-report"),
    pytest.param(
        # the one made to speak: "the scandal led Romero to declare that the group will leave"
        "scandal|NOUN|nsubj|1 led|VERB|ROOT|1|lead Romero|PROPN|dobj|1 to|PART|aux|4 declare|VERB|xcomp|1 that|SCONJ|mark|8 "
        "group|NOUN|nsubj|8 will|AUX|aux|8 leave|VERB|ccomp|4",
        8, "Romero", id="made-to-declare"),
    pytest.param(
        # a verb of finding with an object is no source's tag: "traders expected a fall but the market found support"
        "traders|NOUN|nsubj|1|trader expected|VERB|ROOT|1|expect fall|NOUN|dobj|1 but|CCONJ|cc|1 market|NOUN|nsubj|5 "
        "found|VERB|conj|1|find support|NOUN|dobj|5",
        1, None, id="found-with-object"),
    pytest.param(
        # a means is nobody's word: "the systems reflect Digital's ability to sustain its lead"
        "systems|NOUN|nsubj|1|system reflect|VERB|ROOT|1 Digital|PROPN|poss|3 ability|NOUN|dobj|1 to|PART|aux|5 "
        "sustain|VERB|acl|3 lead|NOUN|dobj|5",
        5, None, id="means-of-owner"),
]


@pytest.mark.parametrize("spec, index, speaker", REPORTED_ROWS)
def test_infinitives_findings_and_interrupted_speakers(blank_nlp, spec, index, speaker):
    doc = parsed(blank_nlp, spec)
    [sentence] = doc.sents
    found = speech_subject(sentence, doc[index])
    assert (found.text if found is not None else None) == speaker


def test_a_root_inside_the_quotation_reports_nothing(blank_nlp):
    # “A liberal thinks that power belongs to Washington,” Cassidy scoffed. — the parse makes the
    # quoted "thinks" the root: no report of the liberal for the next sentences
    from kg.attribution import reported_speaker
    doc = parsed(blank_nlp, "“|PUNCT|punct|3 A|DET|det|2 liberal|NOUN|nsubj|3 thinks|VERB|ROOT|3|think that|SCONJ|mark|6 "
                            "power|NOUN|nsubj|6 belongs|VERB|ccomp|3|belong ,|PUNCT|punct|3 ”|PUNCT|punct|3 "
                            "Cassidy|PROPN|nsubj|10 scoffed|VERB|parataxis|3|scoff .|PUNCT|punct|3")
    assert reported_speaker(doc[:]) is None


ATTRIBUTION_MODEL_ROWS = [
    # (made-up sentence, (subject id, predicate lemma, object id) of the fact, its speaker)
    ("Governor Jerry Brown took to Twitter to suggest that California could sue Exxon.", ("California", "sue", "Exxon"), "Jerry Brown"),
    ("The committee found that Microsoft had misled Congress.", ("Microsoft", "mislead", "congress"), "committee"),
    ("Smith, asked about whether the bank made money, said Barclays has sold the shares.", ("Barclays", "sell", "share"), "Smith"),
    ("Mr Tveter is confident the cable firm can dent Sky.", ("cable firm", "dent", "Sky"), "Tveter"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, fact, speaker", ATTRIBUTION_MODEL_ROWS)
def test_model_infinitives_findings_and_interrupted_speakers(text, fact, speaker):
    found = {(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None):
             s.attributed_to.entity.id if s.attributed_to else None for s in kg.extract(text)}
    assert found.get(fact, "missing") == speaker


@pytest.mark.model
def test_model_a_rejoinder_names_the_quotations_speaker():
    # the next quoted sentence is the one who countered, not the one quoted as thinking
    text = ("“A liberal thinks that power belongs to Washington,” Mr. Cassidy countered on Sunday. "
            "“If Texas wants a red law, Obama should let Texas pass it.”")
    speakers = {s.attributed_to.entity.id if s.attributed_to else None for s in kg.extract(text) if s.predicate.lemma == "let"}
    assert speakers == {"Cassidy"}
