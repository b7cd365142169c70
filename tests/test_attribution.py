"""Each attribution rule on hand-built parses (no model), plus quotations through the real model."""
from __future__ import annotations

import pytest

import kg
from conftest import parsed
from kg.attribution import QuoteSpeakers, is_allegation_source, own_account, pronoun_speaker, quote_speaker, speech_subject
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
        # no speaker: the article's own
        "Russia|PROPN|nsubj|1 attacked|VERB|ROOT|1|attack Syria|PROPN|dobj|1 .|PUNCT|punct|1",
        1, None, id="none"),
]


@pytest.mark.parametrize("spec, index, speaker", SPEAKER_ROWS)
def test_speech_subject(blank_nlp, spec, index, speaker):
    doc = parsed(blank_nlp, spec)
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
]


@pytest.mark.parametrize("paragraphs, expected", QUOTE_ROWS)
def test_quote_speakers(blank_nlp, paragraphs, expected):
    assert _speakers(blank_nlp, paragraphs) == expected


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


def test_quote_speaker_is_outside_the_quotes(blank_nlp):
    # “I said no,” Carter added: the "I" inside the quote is not the one the sentence names
    spec = ("“|PUNCT|punct|2 I|PRON|nsubj|2 said|VERB|ccomp|7|say no|INTJ|dobj|2 ,|PUNCT|punct|7 ”|PUNCT|punct|7 "
            "Carter|PROPN|nsubj|7 added|VERB|ROOT|7|add .|PUNCT|punct|7")
    [sentence] = parsed(blank_nlp, spec).sents
    assert quote_speaker(sentence).text == "Carter"


# -- the real model ---------------------------------------------------------------------------


@pytest.mark.model
def test_model_quote_speaker_carries_over():
    text = "“Russia will never attack Ukraine,” Putin said. “Russia respects Ukraine.”"
    statements = kg.extract(text)
    respects = [s for s in statements if s.predicate.lemma == "respect"]
    assert respects and all(s.attributed_to is not None and s.attributed_to.entity.id == "Vladimir Putin" for s in respects)


@pytest.mark.model
def test_model_spokesman_is_the_source():
    statements = kg.extract("Russia did not strike the hospital, a Defense Ministry spokesman said on Tuesday.")
    assert statements
    assert all(s.attributed_to is not None and "spokesman" in s.attributed_to.text for s in statements)
