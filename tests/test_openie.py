"""Open IE tuples: one hand-built parse per construction (no model), then a few real parses."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import parsed
from kg.errors import InputError
from kg.openie import OpenTuple, carb_lines, confidence, extractions, parse_tokenized, phrase


def tuples(nlp, spec, ents=()):
    return {(t.relation, t.args) for t in extractions(parsed(nlp, spec, ents))}


ROWS = [
    pytest.param(
        # direct object, then a time phrase as a further argument
        "Bob|PROPN|nsubj|1 ate|VERB|ROOT|1|eat fish|NOUN|dobj|1 in|ADP|prep|1 2000|NUM|pobj|3 .|PUNCT|punct|1",
        (), {("ate", ("Bob", "fish", "in 2000"))}, id="object-and-time"),
    pytest.param(
        # no object: the first preposition joins the relation, "taught at"
        "Rodan|PROPN|nsubj|1 taught|VERB|ROOT|1|teach at|ADP|prep|1 Yale|PROPN|pobj|2 .|PUNCT|punct|1",
        (), {("taught at", ("Rodan", "Yale"))}, id="preposition-in-relation"),
    pytest.param(
        # passive with agent: "is caused by"
        "Pressure|NOUN|nsubjpass|2 is|AUX|auxpass|2|be caused|VERB|ROOT|2|cause by|ADP|agent|2 expansion|NOUN|pobj|3 .|PUNCT|punct|2",
        (), {("is caused by", ("Pressure", "expansion"))}, id="passive"),
    pytest.param(
        # auxiliaries, negation and an adverb inside the verb group stay in the relation
        "Bob|PROPN|nsubj|4 has|AUX|aux|4|have not|PART|neg|4 often|ADV|advmod|4 eaten|VERB|ROOT|4|eat fish|NOUN|dobj|4 .|PUNCT|punct|4",
        (), {("has not often eaten", ("Bob", "fish"))}, id="verb-group"),
    pytest.param(
        "Bob|PROPN|nsubj|1 gave|VERB|ROOT|1|give up|ADP|prt|1 smoking|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("gave up", ("Bob", "smoking"))}, id="particle"),
    pytest.param(
        # coordinated subjects: one tuple each
        "Bob|PROPN|nsubj|3 and|CCONJ|cc|0 Ann|PROPN|conj|0 ate|VERB|ROOT|3|eat fish|NOUN|dobj|3 .|PUNCT|punct|3",
        (), {("ate", ("Bob", "fish")), ("ate", ("Ann", "fish"))}, id="split-subjects"),
    pytest.param(
        # coordinated verbs share the subject
        "Bob|PROPN|nsubj|1 ate|VERB|ROOT|1|eat fish|NOUN|dobj|1 and|CCONJ|cc|1 drank|VERB|conj|1|drink tea|NOUN|dobj|4 .|PUNCT|punct|1",
        (), {("ate", ("Bob", "fish")), ("drank", ("Bob", "tea"))}, id="shared-subject"),
    pytest.param(
        # control verb: one tuple "tried to woo", none for "tried" alone
        "Bob|PROPN|nsubj|1 tried|VERB|ROOT|1|try to|PART|aux|3 woo|VERB|xcomp|1 Ann|PROPN|dobj|3 .|PUNCT|punct|1",
        (), {("tried to woo", ("Bob", "Ann"))}, id="xcomp"),
    pytest.param(
        # relative clause: the antecedent is the subject; the clause is trimmed from the object
        "Bob|PROPN|nsubj|1 found|VERB|ROOT|1|find an|DET|det|3 opening|NOUN|dobj|1 that|PRON|nsubj|5||WDT "
        "led|VERB|relcl|3|lead to|ADP|prep|5 a|DET|det|8 mine|NOUN|pobj|6 .|PUNCT|punct|1",
        (), {("found", ("Bob", "an opening")), ("led to", ("an opening", "a mine"))}, id="relative-subject"),
    pytest.param(
        # object relative without a pronoun: "the match Bob lost"
        "Ann|PROPN|nsubj|1 won|VERB|ROOT|1|win the|DET|det|3 match|NOUN|dobj|1 Bob|PROPN|nsubj|5 lost|VERB|relcl|3|lose .|PUNCT|punct|1",
        (), {("won", ("Ann", "the match")), ("lost", ("Bob", "the match"))}, id="relative-object"),
    pytest.param(
        # object relative with a pronoun: "energy that he fires"
        "It|PRON|nsubj|1 is|AUX|ROOT|1|be energy|NOUN|attr|1 that|PRON|dobj|5||WDT he|PRON|nsubj|5 fires|VERB|relcl|2|fire .|PUNCT|punct|1",
        (), {("is", ("It", "energy")), ("fires", ("he", "energy"))}, id="relative-pronoun-object"),
    pytest.param(
        # "Bob is a footballer who plays for Leeds": the one who plays is Bob
        "Bob|PROPN|nsubj|1 is|AUX|ROOT|1|be a|DET|det|3 footballer|NOUN|attr|1 who|PRON|nsubj|5||WP "
        "plays|VERB|relcl|3|play for|ADP|prep|5 Leeds|PROPN|pobj|6 .|PUNCT|punct|1",
        (), {("is", ("Bob", "a footballer")), ("plays for", ("Bob", "Leeds"))}, id="relative-of-predicate-noun"),
    pytest.param(
        # past participle modifier: (damage; be caused by; fire); "be" matches any form of be in CaRB
        "Bob|PROPN|nsubj|1 saw|VERB|ROOT|1|see damage|NOUN|dobj|1 caused|VERB|acl|2|cause|VBN by|ADP|agent|3 fire|NOUN|pobj|4 .|PUNCT|punct|1",
        (), {("saw", ("Bob", "damage caused by fire")), ("be caused by", ("damage", "fire"))}, id="participle"),
    pytest.param(
        # reported clause: the complementizer joins the relation; the clause has its own tuple,
        # and its pronoun subject stands for the sentence's subject
        "Bob|PROPN|nsubj|1 said|VERB|ROOT|1|say that|SCONJ|mark|4 he|PRON|nsubj|4 left|VERB|ccomp|1|leave Leeds|PROPN|dobj|4 .|PUNCT|punct|1",
        (), {("said that", ("Bob", "he left Leeds")), ("left", ("Bob", "Leeds"))}, id="reported-clause"),
    pytest.param(
        # "Leeds , where they met Ann" → a place argument "in Leeds"; the separator goes with the clause
        "They|PRON|nsubj|1 reached|VERB|ROOT|1|reach Leeds|PROPN|dobj|1 ,|PUNCT|punct|2 where|SCONJ|advmod|6||WRB "
        "they|PRON|nsubj|6 met|VERB|relcl|2|meet Ann|PROPN|dobj|6 .|PUNCT|punct|1",
        (), {("reached", ("They", "Leeds")), ("met", ("they", "Ann", "in Leeds"))}, id="where"),
    pytest.param(
        # apposition: (Bob; be; a doctor), and the subject of "smiled" loses it with its commas
        "Bob|PROPN|nsubj|5 ,|PUNCT|punct|0 a|DET|det|3 doctor|NOUN|appos|0 ,|PUNCT|punct|0 smiled|VERB|ROOT|5|smile .|PUNCT|punct|5",
        (), {("smiled", ("Bob",)), ("be", ("Bob", "a doctor"))}, id="apposition"),
    pytest.param(
        # possessive: (Bob; has; base), tense from the main verb
        "Bob|PROPN|poss|2 's|PART|case|0||POS base|NOUN|nsubj|3 is|AUX|ROOT|3|be in|ADP|prep|3 Leeds|PROPN|pobj|4 .|PUNCT|punct|3",
        (), {("is in", ("Bob 's base", "Leeds")), ("has", ("Bob", "base"))}, id="possessive"),
    pytest.param(
        "Bob|PROPN|poss|2 's|PART|case|0||POS base|NOUN|nsubj|3 was|AUX|ROOT|3|be|VBD in|ADP|prep|3 Leeds|PROPN|pobj|4 .|PUNCT|punct|3",
        (), {("was in", ("Bob 's base", "Leeds")), ("had", ("Bob", "base"))}, id="possessive-past"),
    pytest.param(
        # a possessive pronoun stands for the subject: "King praised her grandmother"
        "King|PROPN|nsubj|1 praised|VERB|ROOT|1|praise her|PRON|poss|3 grandmother|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("praised", ("King", "her grandmother")), ("has", ("King", "grandmother"))}, id="possessive-pronoun"),
    pytest.param(
        # a noun's prepositional modifier: (the hall; be in; Glasgow)
        "Bob|PROPN|nsubj|1 visited|VERB|ROOT|1|visit the|DET|det|3 hall|NOUN|dobj|1 in|ADP|prep|3 Glasgow|PROPN|pobj|4 .|PUNCT|punct|1",
        (), {("visited", ("Bob", "the hall in Glasgow")), ("be in", ("the hall", "Glasgow"))}, id="noun-preposition"),
    pytest.param(
        "Bob|PROPN|nsubj|1 made|VERB|ROOT|1|make comical|ADJ|amod|3 remarks|NOUN|dobj|1 .|PUNCT|punct|1",
        (), {("made", ("Bob", "comical remarks")), ("be", ("remarks", "comical"))}, id="adjective"),
    pytest.param(
        # a title before a person's name: (Bush; be; President)
        "President|PROPN|compound|1 Bush|PROPN|nsubj|2 spoke|VERB|ROOT|2|speak .|PUNCT|punct|2",
        [(1, 2, "PERSON")], {("spoke", ("President Bush",)), ("be", ("Bush", "President"))}, id="title"),
    pytest.param(
        # quotes around a name stay, sentence-final punctuation goes
        "Bob|PROPN|nsubj|1 won|VERB|ROOT|1|win ``|PUNCT|punct|3 Velocity|PROPN|dobj|1 ''|PUNCT|punct|3 .|PUNCT|punct|1",
        (), {("won", ("Bob", "`` Velocity ''"))}, id="quotes"),
]


@pytest.mark.parametrize("spec, ents, expected", ROWS)
def test_constructions(blank_nlp, spec, ents, expected):
    assert tuples(blank_nlp, spec, ents) == expected


def test_phrase_drops_relative_clause_and_the_commas_beside_it(blank_nlp):
    doc = parsed(blank_nlp, "the|DET|det|1 house|NOUN|ROOT|1 ,|PUNCT|punct|1 which|PRON|nsubj|4||WDT burned|VERB|relcl|1|burn ,|PUNCT|punct|1 "
                            "in|ADP|prep|1 Leeds|PROPN|pobj|6")
    assert [t.text for t in phrase(doc[1])] == ["the", "house", "in", "Leeds"]
    assert [t.text for t in phrase(doc[1], skip=(doc[6],))] == ["the", "house"]


def test_confidence_is_a_score_between_zero_and_one(blank_nlp):
    doc = parsed(blank_nlp, ROWS[0].values[0])
    (item,) = extractions(doc)
    assert 0 < item.confidence < 1
    assert dict(item.features)["kind=verb"] == 1.0
    assert confidence({}) == confidence({"unknown feature": 1.0})


def test_carb_row():
    item = OpenTuple("taught at", ("Rodan", "Yale", "in 1970"), 0.81234, "verb")
    assert item.carb_row("Rodan taught at Yale in 1970 .") == "Rodan taught at Yale in 1970 .\t0.8123\ttaught at\tRodan\tYale\tin 1970"


def test_carb_lines_refuse_a_tab_inside_a_sentence(blank_nlp):
    with pytest.raises(InputError, match="line 2 holds a tab"):
        list(carb_lines(["\n", "Bob\tate .\n"], nlp=blank_nlp))


# -- the real model -----------------------------------------------------------------------

SENTENCES = [
    ("From 1970 to 1985 , Gideon Rodan taught at the University of Connecticut School of Dental Medicine until he switched over to Merck .",
     {("taught at", "Gideon Rodan"), ("switched over to", "Gideon Rodan")}),
    ("Tom Smith is an Australian footballer who plays for the Newcastle Jets .",
     {("is", "Tom Smith"), ("plays for", "Tom Smith")}),
    ("Sikorsky and Boeing say that budget cuts caused problems with the Comanche .",
     {("say that", "Sikorsky"), ("say that", "Boeing"), ("caused", "budget cuts")}),
    ("He was awarded the Queen 's Police Medal in the 1957 New Year Honours .", {("was awarded", "He")}),
]


@pytest.mark.model
@pytest.mark.parametrize("line, expected", SENTENCES)
def test_real_parses(nlp_model, line, expected):
    found = {(t.relation, t.args[0]) for t in extractions(parse_tokenized(line, nlp_model))}
    assert expected <= found


@pytest.mark.model
def test_parse_keeps_the_tokens_as_one_sentence(nlp_model):
    line = "Mr. Baker found an opening -LRB- under the house -RRB- . It led to a mine ."
    doc = parse_tokenized(line, nlp_model)
    assert [t.text for t in doc] == line.split(" ")
    assert len(list(doc.sents)) == 1


@pytest.mark.model
def test_carb_lines_print_the_input_sentence_and_its_tokens(nlp_model):
    line = "Mr. Baker found an opening under the house that led to a fume - filled coal mine . "
    rows = list(carb_lines([line + "\n", "\n"], nlp=nlp_model))
    assert rows
    words = set(line.split()) | {"be", "has", "had", "in"}
    for row in rows:
        sentence, score, relation, *args = row.split("\t")
        assert sentence == line
        assert 0 < float(score) < 1
        assert set(relation.split()) <= words and all(set(arg.split()) <= words for arg in args)


@pytest.mark.model
def test_cli_extract_carb(tmp_path):
    from kg.cli import main

    sentences = tmp_path / "sentences.txt"
    sentences.write_text("Tom Bradley joined the railway in 1941 .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "carb", str(sentences)])
    assert result.exit_code == 0, result.output
    assert "Tom Bradley joined the railway in 1941 .\t" in result.output
    assert any(line.split("\t")[2:5] == ["joined", "Tom Bradley", "the railway"] for line in result.output.splitlines())
