"""kg.clauses: helpers over a clause's dependency structure (model-free rows, then the model)."""
from __future__ import annotations

import pytest
from conftest import parsed

from kg.clauses import noun_read_as_verb

# (compact parse, index of the token asked about, is it a noun the parse read as a verb?)
NOUN_AS_VERB_ROWS = [
    pytest.param(
        # a "verb" standing as a subject: "England lock Danny Grewcock needs rest"
        "England|PROPN|compound|1 lock|VERB|nsubj|3|lock|VBP Grewcock|PROPN|appos|1 needs|VERB|ROOT|3|need|VBZ "
        "rest|NOUN|dobj|3",
        1, True, id="verb-as-subject"),
    pytest.param(
        # right after a possessive, numbers between: "Clapton's 1991 hit Tears"
        "Elton|PROPN|nsubj|1 recorded|VERB|ROOT|1|record|VBD Clapton|PROPN|poss|4 's|PART|case|2 1991|NUM|nummod|5 "
        "hit|VERB|conj|1|hit|VBD Tears|PROPN|dobj|5",
        5, True, id="after-possessive"),
    pytest.param(
        # right after a determiner of its own: "they loved the hit"
        "They|PRON|nsubj|1 loved|VERB|ROOT|1|love|VBD the|DET|det|3 hit|VERB|conj|1|hit|VBD",
        3, True, id="after-determiner"),
    pytest.param(
        # a name with its "'s" as the subject is no possessive: "Moody's cited the sale"
        "Moody|PROPN|nsubj|2 's|PART|case|0 cited|VERB|ROOT|2|cite|VBD the|DET|det|4 sale|NOUN|dobj|2",
        2, False, id="name-with-s-subject"),
    pytest.param(
        "Russia|PROPN|nsubj|1 hit|VERB|ROOT|1|hit|VBD Syria|PROPN|dobj|1",
        1, False, id="plain-verb"),
    pytest.param(
        # a pronoun "that" as the subject: "That hit the market"
        "That|DET|nsubj|1 hit|VERB|ROOT|1|hit|VBD the|DET|det|3 market|NOUN|dobj|1",
        1, False, id="determiner-pronoun-subject"),
    pytest.param(
        # a gerund is a noun phrase already: "Smoking kills"
        "Smoking|VERB|nsubj|1|smoke|VBG kills|VERB|ROOT|1|kill|VBZ",
        0, False, id="gerund-subject"),
    pytest.param(
        # a participle is an adjective: "the reported assessment said"
        "the|DET|det|2 reported|VERB|amod|2|report|VBN assessment|NOUN|nsubj|3 said|VERB|ROOT|3|say|VBD",
        1, False, id="participle-adjective"),
]


@pytest.mark.parametrize("spec, index, expected", NOUN_AS_VERB_ROWS)
def test_noun_read_as_verb(blank_nlp, spec, index, expected):
    assert noun_read_as_verb(parsed(blank_nlp, spec)[index]) is expected


@pytest.mark.parametrize("sentence, verb", [
    ("Wales coach Mike Ruddock says England lock Danny Grewcock needs to review his actions.", "lock"),
    ("Sir Elton has also teamed up with Phil Collins to record a version of Eric Clapton's 1991 hit Tears In Heaven.", "hit"),
])
def test_no_statement_from_a_noun_read_as_a_verb(nlp_model, sentence, verb):
    from kg.extraction import extract

    assert [s for s in extract(sentence) if s.predicate.lemma.split()[0] == verb] == []
