"""kg.headlines: an article's headline as a sentence the parser can read (model-free rows),
and headline statements through the whole pipeline (integration, real model)."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from kg.headlines import (
    body_case,
    copula_dropped,
    gazetteer_names,
    headline_case,
    headline_sentence,
    infinitive_as_future,
    is_ticker,
    participle_as_passive,
    past_tense,
    present_as_past,
    reading_span,
    repaired_headline,
    repeats_body,
    role_before_name,
    speaker_for_pronoun,
    title_span,
    unglued,
    verb_stem,
)
from conftest import parsed

# A small English lexicon and gazetteer, so that the rows need no model.
ENGLISH = {"board", "merger", "approve", "central", "banker", "criticise", "policy", "plan", "lead", "third", "world",
           "capital", "market", "court", "strike", "blow", "civil", "liberty", "unanimous", "good", "news", "network",
           "ignore", "house", "white", "ban", "lobbyist", "reverse", "big", "three", "back", "joy", "tear", "begin",
           "marriage", "climb", "sign", "order", "executive", "drug", "test", "wide", "go", "tool", "say", "carry",
           "push", "drop", "visit", "establishment", "democratic", "thanks", "sale", "car", "early", "same", "sex",
           "growth", "german", "cut", "deficit", "issue", "franc", "bond", "endorse", "rep", "talk", "ally", "meet", "form",
           "bank", "mob", "dm", "say", "sprinter", "quit", "athletics", "open", "unit", "win", "contract", "two",
           "ship", "hit"}
VERBS = {"approve", "criticise", "plan", "lead", "strike", "ignore", "reverse", "ban", "climb", "sign", "test", "go", "say",
         "carry", "push", "drop", "visit", "begin", "back", "network"}
NAMES = {"Zambian": "Country", "IMF": "Organization", "White House": "Country", "New Jersey": "Location", "Joy": "Person",
         "Begin": "Person", "Supreme Court": "Organization", "NATO": "Organization", "Council Of Europe": "Organization"}


def known(word: str) -> bool:
    return word in ENGLISH


def known_verb(word: str) -> bool:
    return word in VERBS


is_name = gazetteer_names(lambda phrase: SimpleNamespace(type=NAMES[phrase]) if phrase in NAMES else None, known,
                          lambda given: "m" if given in ("Brad", "Joe") else None)


@pytest.mark.parametrize("title, kind", [
    ("ZAMBIAN CENTRAL BANKER CRITICISES IMF POLICIES", "upper"),
    ("U.S. EARLY MARCH CAR SALES OFF 2.2 PCT", "upper"),
    ("Thanks to the Democratic Establishment, Biden Is Back", "title"),
    ("Tears Of Joy As Same-Sex Marriages Begin In New Jersey", "title"),
    ("Donald Trump declines to disavow David Duke and the KKK", "sentence"),
    ("Cars pull down US retail figures", "sentence"),
    ("IMF", "sentence"),  # one word: nothing to tell
])
def test_headline_case(title, kind):
    assert headline_case(title) == kind


@pytest.mark.parametrize("title, body, sentence", [
    # the body's own case wins: "board", "merger" in lower case, "Hughes Tool" a name; "HT" a ticker
    ("HUGHES TOOL HT BOARD APPROVES MERGER", "Hughes Tool Co said its board will approve the merger.",
     "Hughes Tool board approves merger"),
    # an English word the body does not use is lower case; a gazetteer name and an acronym are not
    ("ZAMBIAN CENTRAL BANKER CRITICISES IMF POLICIES", "The bank said the IMF had erred.",
     "Zambian central banker criticises IMF policies"),
    # "PLANS" is no ticker: English knows "plan" (a verb's -s form)
    ("IFC PLANS TO LEAD THIRD WORLD TO CAPITAL MARKETS", "The IFC said it would help.",
     "IFC plans to lead third world to capital markets"),
    # Title Case: closed-class and English words lower case, a name of several words kept
    ("Tears Of Joy As Same-Sex Marriages Begin In New Jersey", "Couples married in New Jersey.",
     "Tears of joy as same-sex marriages begin in New Jersey"),
    # a kicker before a colon is left out; a Title Case acronym stays in capitals
    ("Good News: A Unanimous Supreme Court Strikes a Blow for Civil Liberties", "The court ruled on Monday.",
     "A unanimous Supreme Court strikes a blow for civil liberties"),
    # the body writes a word in lower case though it looks like a name in the headline
    ("‘Big Three’ Networks Ignore White House Reversing Lobbyist Ban", "none of the “big three” networks covered it.",
     "‘big three’ networks ignore White House reversing lobbyist ban"),
    # a word neither English nor in the body is a name
    ("Thanks to the Democratic Establishment, Biden Is Back", "In 2016, the Democratic Party lost.",
     "Thanks to the Democratic establishment, Biden is back"),
    # a source tag after a colon or a dash is the speaker; sentence case is left as it is
    ("Sanders climbs, now tied with Biden among voters: Reuters poll", "", "Sanders climbs, now tied with Biden among voters, Reuters poll said"),
    ("GERMAN GROWTH WILL NOT CUT U.S. DEFICIT -BANGEMANN", "Economics Minister Martin Bangemann said growth was slow.",
     "German growth will not cut U.S. deficit, Bangemann said"),
    # a name of several words keeps its particles in lower case
    ("COUNCIL OF EUROPE ISSUES FRANC BOND", "The council said it issued bonds.", "Council of Europe issues franc bond"),
    # a census given name before a word that is no English word is a person's name
    ("Rep. Brad Schneider Endorses Joe Biden", "The congressman said he endorsed Biden.", "Rep. Brad Schneider endorses Joe Biden"),
    ("Donald Trump declines to disavow David Duke", "", "Donald Trump declines to disavow David Duke"),
    # a hyphenated name the body writes is a name in each part; its ticker is left out
    ("WATKINS-JOHNSON WJ WINS CONTRACT", "It said Watkins-Johnson Co won it.", "Watkins-Johnson wins contract"),
    # a reported headline's pronoun is its speaker
    ("IRAQ SAYS IT HIT TWO SHIPS", "The spokesman said the ships were hit.", "Iraq says Iraq hit two ships"),
    # a role noun before a name the body writes is left in lower case, and so is the headline's first letter
    ("Sprinter Walker quits athletics", "The champion Dougie Walker is to retire.", "sprinter Walker quits athletics"),
    ("", "", None),
    ("2.2 -- 3.4", "", None),
    ("Russia attacks Syria. " * 40, "", None),  # a whole text in the title field
])
def test_headline_sentence(title, body, sentence):
    assert headline_sentence(title, body, known, is_name) == sentence


@pytest.mark.parametrize("words, index, body, ticker", [
    (["HUGHES", "TOOL", "HT", "BOARD"], 2, "Hughes Tool Co said", True),
    (["PRAXIS", "PRAX", "AIDS", "DRUG"], 1, "Praxis Pharmaceuticals Inc said its AIDS drug", True),
    (["PRAXIS", "PRAX", "AIDS", "DRUG"], 2, "Praxis Pharmaceuticals Inc said its AIDS drug", False),  # the body uses it
    (["HUGHES", "TOOL", "BOARD"], 2, "Hughes Tool Co said", False),  # an English word
    (["STEWART", "SERVICES", "SSSS", "QTR"], 2, "Stewart said", True),  # after an English word too
    (["TALKS", "WITH", "QXZ"], 2, "", False),  # after a closed-class word
    (["ALLIES", "NATO", "MEET"], 1, "", False),  # an acronym the gazetteer knows
    (["IBM", "IBM", "FORMS"], 1, "IBM said", True),  # a word written twice
    (["CHRYSLER", "C", "HAS"], 1, "Chrysler said", True),  # a single letter
    (["DEPOSIT", "GUARANTY", "DEPS.O", "ADDS"], 2, "", True),  # a Reuters instrument code
    (["HT", "BOARD"], 0, "Hughes said", False),  # first word
    # an English word right after a name the body writes, that the body never uses: a ticker
    (["MCDONNELL", "DM", "OPENS"], 1, "It said McDonnell Douglas will open an office.", True),
    (["MOBIL", "MOB", "UNIT"], 1, "It said Mobil Corp's unit will produce packaging.", True),
    (["MOBIL", "MOB", "UNIT"], 1, "It said Mobil's mob of lawyers met.", False),  # the body uses the word
    (["SWISS", "SAY", "THEY"], 1, "The central bank of the Swiss intervened.", False),  # a verb
    (["ANZ", "BANK", "TO"], 1, "It said ANZ would cut its rate.", False),  # a word of company names
    (["MCDONNELL", "DM"], 1, "It said McDonnell Douglas will open an office.", False),  # last: no predicate after it
    (["MCDONNELL", "DM", "AND"], 1, "It said McDonnell Douglas will open an office.", False),  # a closed-class word after it
    (["SAYS", "DM", "OPENS"], 1, "It said that the office opens.", False),  # after a word the body does not write as a name
])
def test_is_ticker(words, index, body, ticker):
    assert is_ticker(words, index, body_case(body), known, kind="upper", is_name=is_name) is ticker


@pytest.mark.parametrize("word, body, stem", [
    ("BOEINGBA", "It said Boeing Co will deliver the jets.", "BOEING"),  # a ticker glued to the name
    ("GM'SGM", "It said GM's sales fell and GM cut output.", "GM'S"),  # … after a possessive
    ("GM'SGM", "It said the unit won the contract.", "GM'S"),  # … a possessive whose ticker repeats the name
    ("BOEINGBA", "It said the jets were delivered.", "BOEINGBA"),  # the body does not write the name
    ("BOARD", "It said Bo will approve it.", "BOARD"),  # an English word
    ("BOEING", "It said Boeing Co will deliver the jets.", "BOEING"),  # the body writes it whole
])
def test_unglued(word, body, stem):
    assert unglued(word, body_case(body), known) == stem


@pytest.mark.parametrize("text, spoken", [
    ("Iraq says it hit two ships in Gulf", "Iraq says Iraq hit two ships in Gulf"),  # the pronoun is the speaker
    ("Swiss say they intervened with Bundesbank", "Swiss say Swiss intervened with Bundesbank"),
    ("EC says U.S. broke trade rules", "EC says U.S. broke trade rules"),  # a name: nothing to replace
    ("Trump tells him to leave", "Trump tells him to leave"),  # an addressee is no speaker
    ("it says it will pay", "it says it will pay"),  # no named speaker
])
def test_speaker_for_pronoun(text, spoken):
    assert speaker_for_pronoun(text) == spoken


@pytest.mark.parametrize("text, body, read", [
    # a role noun glued before a name the body writes: lower case, out of the name
    ("Sprinter Walker quits athletics", "Former champion Dougie Walker is to retire.", "sprinter Walker quits athletics"),
    ("Board Walker quits athletics", "Former champion Dougie Walker is to retire.", "board Walker quits athletics"),
    # the body writes the word capitalised: part of a name ("Senate Democrats")
    ("Senate Democrats block bill", "The vote in the Senate failed and Democrats left.", "Senate Democrats block bill"),
    # the second word is no name of the body
    ("Sprinter Walker quits athletics", "The champion is to retire.", "Sprinter Walker quits athletics"),
    # the first word is no English word: a given name
    ("Dougie Walker quits athletics", "Former champion Dougie Walker is to retire.", "Dougie Walker quits athletics"),
])
def test_role_before_name(text, body, read):
    assert role_before_name(text, body_case(body), known, is_name) == read


def test_body_case_ignores_headings():
    case = body_case("Tears Of Joy As Marriages Begin\n\nThe couples wept with joy.")
    assert case.usual("joy") == "lower" and case.usual("begin") is None and case.seen("begin")


def test_body_case_ignores_sentence_starts_and_counts_inside():
    case = body_case("Board members met. The board said the Board of Trade and IMF agreed.\nMerger talks")
    assert case.usual("board") in ("lower", "title")  # one of each inside a sentence, the first not counted
    assert case.usual("imf") == "upper"
    assert case.usual("merger") is None and case.seen("merger")  # a line start says nothing of its case
    assert case.usual("members") == "lower"


@pytest.mark.parametrize("title, span", [
    ("Good News: A Unanimous Supreme Court Strikes a Blow", (11, 51)),
    ("Sanders climbs, now tied with Biden: Reuters poll", (0, 35)),
    ("Meet the Trump Truthers: Media figures insist he was a plant", (25, 60)),
    ("Analysis: why it matters", (0, 24)),  # too short after the colon to be the statement
    ("Obama makes first visit to Utah: ‘It’s about time’ say the locals", (0, 31)),  # a quotation after it
    ("No colon here", (0, 13)),
])
def test_reading_span(title, span):
    assert reading_span(title) == span


@pytest.mark.parametrize("text, title, span", [
    ("Biden Is Back\n\nJoe Biden won.", "Biden Is Back", (0, 13)),
    ("  Biden Is Back  \n\nJoe Biden won.", "Biden Is Back", (2, 15)),
    ("Joe Biden won.", "Biden Is Back", None),  # a .jsonl title the text does not hold
    ("Biden Is Back again.", "Biden Is Back", None),  # the text goes on: not the title's line
    ("Biden Is Back", None, None),
])
def test_title_span(text, title, span):
    assert title_span(text, title) == span


@pytest.mark.parametrize("word, stem", [
    ("criticises", "criticise"), ("carries", "carry"), ("pushes", "push"), ("climbs", "climb"), ("says", "say"),
    ("networks", "network"), ("boards", None), ("bus", None), ("press", None), ("climbed", None),
])
def test_verb_stem(word, stem):
    assert verb_stem(word, known_verb) == stem


@pytest.mark.parametrize("stem, past", [
    ("criticise", "criticised"), ("carry", "carried"), ("push", "pushed"), ("plan", "planned"), ("drop", "dropped"),
    ("say", "said"), ("visit", "visited"), ("play", "played"), ("strike", "struck"),
])
def test_past_tense(stem, past):
    assert past_tense(stem) == past


# Compact parses (word|POS|dep|head|lemma|tag) as the small model gives them for headlines.
CRITICISES = ("Zambian|ADJ|amod|2||JJ central|ADJ|amod|2||JJ banker|NOUN|nsubj|3||NN criticises|NOUN|ROOT|3||NNS "
              "IMF|PROPN|compound|5||NNP policies|NOUN|dobj|3||NNS")
NETWORKS = "Networks|NOUN|nsubj|1||NNS ignore|VERB|ROOT|1||VBP the|DET|det|3||DT ban|NOUN|dobj|1||NN"
TRUMP_TO = ("Trump|VERB|ROOT|0||VB to|PART|aux|3||TO immediately|ADV|advmod|3||RB sign|VERB|xcomp|0||VB "
            "orders|NOUN|dobj|3||NNS")
PLANS_TO = "IFC|PROPN|nsubj|1||NNP plans|VERB|ROOT|1||VBZ to|PART|aux|3||TO lead|VERB|xcomp|1||VB markets|NOUN|dobj|3||NNS"
ACCUSED = ("Brown|PROPN|nsubj|1||NNP accused|VERB|ROOT|1||VBD of|ADP|prep|1||IN assault|NOUN|pobj|2||NN by|ADP|prep|1||IN "
           "trainer|NOUN|pobj|4||NN")
NOMINATED = ("Lawyer|NOUN|nsubj|1||NN nominated|VERB|ROOT|1|nominate|VBD Claims|PROPN|compound|4||NNP Court|PROPN|compound|4||NNP "
             "judge|NOUN|dobj|1||NN")
OFFERED = ("Students|NOUN|nsubj|1||NNS offered|VERB|ROOT|1|offer|VBD free|ADJ|amod|3||JJ cookies|NOUN|dobj|1||NNS")
REFUSED = ("Court|PROPN|nsubj|1||NNP refused|VERB|ROOT|1|refuse|VBD to|PART|aux|3||TO reinstate|VERB|xcomp|1||VB "
           "ban|NOUN|dobj|3||NN")
IMPORTED = "Indonesia|PROPN|nsubj|2||NNP has|AUX|aux|2||VBZ imported|VERB|ROOT|2||VBN oil|NOUN|dobj|2||NN"


LIKELY_TO = "China|PROPN|nsubj|1||NNP likely|ADJ|ROOT|1||JJ to|PART|aux|3||TO join|VERB|xcomp|1||VB GATT|PROPN|dobj|3||NNP"
SLOW_TO = "Germans|PROPN|nsubj|1||NNPS slow|ADJ|ROOT|1||JJ to|PART|aux|3||TO accept|VERB|xcomp|1||VB euro|NOUN|dobj|3||NN"
SLOW_TO_VERB = "Germans|PROPN|nsubj|1||NNPS slow|VERB|ROOT|1||VBP to|PART|aux|3||TO accept|VERB|xcomp|1||VB euro|NOUN|dobj|3||NN"
SLOW_GROWTH = "Germans|PROPN|nsubj|1||NNPS slow|VERB|ROOT|1||VBP growth|NOUN|dobj|1||NN"
BACK = "Biden|PROPN|ROOT|0||NNP back|ADV|advmod|0||RB"
SAYS_LIKELY = ("China|PROPN|nsubj|1||NNP likely|ADJ|ccomp|6||JJ to|PART|aux|3||TO join|VERB|xcomp|1||VB GATT|PROPN|dobj|3||NNP "
               ",|PUNCT|punct|6||, diplomats|NOUN|nsubj|6||NNS say|VERB|ROOT|6||VBP")
LIKELY_NOUN = "likely|ADJ|amod|1||JJ winner|NOUN|ROOT|1||NN to|PART|aux|3||TO join|VERB|relcl|1||VB"
ADJECTIVE_NOUN = "Tough|ADJ|amod|1||JJ talks|NOUN|ROOT|1||NNS"
SALES_UP = "sales|NOUN|ROOT|0||NNS up|ADV|advmod|0||RB seven|NUM|nummod|3||CD pct|NOUN|npadvmod|1||NN"
SALE_UP_VERB = "sales|NOUN|nsubj|1||NNS rose|VERB|ROOT|1||VBD up|ADV|advmod|1||RB seven|NUM|nummod|4||CD pct|NOUN|npadvmod|1||NN"
ELECTIONS_TO = ("Elections|NOUN|nsubj|4||NNS to|PART|aux|2||TO replace|VERB|relcl|0||VB picks|NOUN|dobj|2||NNS "
                "looking|VERB|ROOT|4||VBG tighter|ADJ|acomp|4||JJR")


@pytest.mark.parametrize("spec, repaired", [
    (SALES_UP, "sales are up seven pct"),  # … and before the adverb of a change by an amount
    (SALE_UP_VERB, None),  # a verb is written
    (SLOW_GROWTH, None),  # a verb with its object: "Germans slow growth"
    (LIKELY_TO, "China is likely to join GATT"),  # a headline drops "is" before an adjective
    (SLOW_TO, "Germans are slow to accept euro"),  # … "are" after a plural
    (SLOW_TO_VERB, "Germans are slow to accept euro"),  # … an adjective of the kind the tagger took for a verb
    (BACK, "Biden is back"),  # … and before an adverb of place
    (SAYS_LIKELY, "China is likely to join GATT , diplomats say"),  # a speaker after it has its own verb
    (ADJECTIVE_NOUN, None),
    (ELECTIONS_TO, None),  # a noun phrase with an infinitive before its own predicate is no future
    (CRITICISES, "Zambian central banker criticised IMF policies"),  # headline present → past, parsed again
    (NETWORKS, None),  # a finite verb already: nothing to repair
    (TRUMP_TO, "Trump will immediately sign orders"),  # "X to do" → "X will do"
    (PLANS_TO, None),  # "plans to lead": a verb governs the infinitive
    (ACCUSED, "Brown was accused of assault by trainer"),  # a participle with its agent → passive
    (NOMINATED, "Lawyer was nominated Claims Court judge"),  # a naming verb's object is its complement
    (OFFERED, "Students were offered free cookies"),  # … and a giving verb's object the thing given
    (REFUSED, None),  # a verb that governs a clause is active: "Why the Circuit Refused to Reinstate …"
    (IMPORTED, None),  # an auxiliary: the tense is written out
])
def test_repaired_headline(blank_nlp, spec, repaired):
    assert repaired_headline(parsed(blank_nlp, spec), known_verb) == repaired


def test_each_repair_is_its_own_rule(blank_nlp):
    assert present_as_past(parsed(blank_nlp, CRITICISES), known_verb) == {3: "criticised"}
    assert infinitive_as_future(parsed(blank_nlp, TRUMP_TO)) == {1: "will"}
    assert participle_as_passive(parsed(blank_nlp, ACCUSED)) == {1: "was accused"}
    assert infinitive_as_future(parsed(blank_nlp, PLANS_TO)) == {}
    assert copula_dropped(parsed(blank_nlp, LIKELY_TO)) == {1: "is likely"}
    assert copula_dropped(parsed(blank_nlp, TRUMP_TO)) == {}
    assert copula_dropped(parsed(blank_nlp, LIKELY_NOUN)) == {}  # an adjective before a noun is no predicate
    assert infinitive_as_future(parsed(blank_nlp, ELECTIONS_TO)) == {}


def _statement(subject, lemma, obj=None, negated=False, modality=None):
    entity = lambda name: SimpleNamespace(entity=SimpleNamespace(id=name))  # noqa: E731
    return SimpleNamespace(subject=entity(subject), predicate=SimpleNamespace(lemma=lemma),
                           object=entity(obj) if obj else None, negated=negated, modality=modality)


@pytest.mark.parametrize("headline, body, repeated", [
    (_statement("Trump", "sign", "order", modality="future"), [_statement("Trump", "sign", "order", modality="future")], True),
    (_statement("Trump", "sign", "order", modality="future"), [_statement("Trump", "sign", "order")], False),  # another modality
    (_statement("Trump", "sign", "order"), [_statement("Trump", "sign", "bill")], False),
    (_statement("Biden", "be back"), [_statement("Biden", "be back")], True),  # no object on either side
    (_statement("Biden", "be back"), [], False),
])
def test_repeats_body(headline, body, repeated):
    assert repeats_body(headline, body) is repeated


def test_gazetteer_names_keep_places_and_unknown_words_not_common_words():
    assert is_name("Zambian") and is_name("White House") and is_name("IMF")
    assert not is_name("Joy") and not is_name("Begin")  # a person's name that is an English word
    assert not is_name("Banker")  # not in the gazetteer


def _argument(text, entity_id, kind="Concept"):
    from kg.types import Argument, Entity

    return Argument(text, Entity(id=entity_id, label=entity_id, type=kind))


@pytest.mark.parametrize("text, entity_id, kind, replaced", [
    ("Zambian central banker", "banker", "Concept", True),  # a role noun for one person
    ("MSNBC host", "host", "Concept", True),
    ("10th black congressman", "congressman", "Concept", True),
    ("Zambian central bankers", "banker", "Concept", False),  # several people
    ("A unanimous Supreme Court", "supreme court", "Concept", False),  # a body, written as a name
    ("loan losses", "loan loss", "Concept", False),  # a thing
    ("Donald Trump", "Donald Trump", "Person", False),  # already someone
])
def test_headline_subject_stands_for_the_lede_person(text, entity_id, kind, replaced):
    from kg.extraction import headline_subject
    from kg.types import Entity

    mwape = Entity(id="Michael Mwape", label="Michael Mwape", type="Person")
    subject = _argument(text, entity_id, kind)
    found = headline_subject(subject, mwape)
    assert (found.entity is mwape) is replaced and found.text == text
    assert headline_subject(subject, None) is subject  # no person in the lede: as it was


# -- integration: the real model --------------------------------------------------------------


ARTICLE = {"id": "wire-1", "title": "ZAMBIAN CENTRAL BANKER CRITICISES IMF POLICIES",
           "text": "LUSAKA, April 2 - Bank of Zambia general manager Michael Mwape said the economy grew.\n\n"
                   "Mwape said the reforms had caused unrest."}
REPEATED = {"id": "lede-1", "title": "Trump To Sign 200 Executive Orders",
            "text": "President-elect Donald Trump will sign 200 executive orders, Fox News reported."}


def _build(tmp_path, records):
    from kg.pipeline import build

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    build([source], out=tmp_path / "out", quiet=True)
    lines = (tmp_path / "out" / "statements.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines], tmp_path / "out"


def test_headline_statements_are_marked_and_valid(tmp_path):
    from validity import assert_valid_rdf

    records, out = _build(tmp_path, [ARTICLE, REPEATED])
    titled = [r for r in records if r.get("from_title")]
    # the banker of the headline is the person the lede names
    assert [(r["subject"]["id"], r["predicate"]["text"], r["object"]["id"]) for r in titled] == [
        ("Michael Mwape", "criticised policies of", "International Monetary Fund")]
    (one,) = titled
    assert one["sentence"] == ARTICLE["title"] and (one["start"], one["end"]) == (0, 0)
    assert all("from_title" not in r for r in records if r not in titled)
    # the headline that repeats its lede gives no second statement of the fact
    assert [r["predicate"]["lemma"] for r in records if r["doc"] == "lede-1" and r["subject"]["id"] == "Donald Trump"] == ["sign"]
    graph = assert_valid_rdf((out / "kg.ttl").read_bytes(), "ttl")
    flagged = list(graph.query("PREFIX kg: <https://w3id.org/kg-news/ontology#> "
                               "SELECT ?s WHERE { ?s kg:fromTitle true }"))
    assert len(flagged) == 1


def test_a_text_title_line_is_read_once_as_the_headline(nlp_model):
    from kg import extract

    statements = extract("Russia Attacks Syria\n\nThe weather was fine in Moscow on Monday.")
    assert [(s.subject.entity.id, s.predicate.lemma, s.object.entity.id, s.from_title, s.start, s.end) for s in statements] == [
        ("Russia", "attack", "Syria", True, 0, 20)]


# Made-up articles, one per construction of the headline (title, body) → its statements
# (subject, lemma, object, negated, modality, speaker).
HEADLINE_ARTICLES = [
    pytest.param("Elton plays Paris charity concert",
                 "Sir Elton John sang at a charity concert in Paris on Sunday. Sir Elton said he was delighted by the crowd.",
                 [("Elton John", "play", "charity concert", False, None, None)], id="given-name-and-capital-as-place"),
    pytest.param("IRAQ SAYS IT HIT TWO SHIPS IN GULF",
                 "BAGHDAD, May 3 - Iraqi warplanes attacked two vessels near the Iranian coast, a military spokesman said.",
                 [("Iraq", "hit", "ship", False, None, "Iraq")], id="reported-headline-keeps-its-speaker"),
    pytest.param("MCDONNELL DM OPENS REGIONAL OFFICE",
                 "ST LOUIS, March 6 - McDonnell Douglas said it will open an office in Denver. McDonnell said the move cuts costs.",
                 [("McDonnell Douglas", "open", "office", False, None, None)], id="english-ticker-and-first-word"),
    pytest.param("Sprinter Walker quits athletics",
                 "Former champion Dougie Walker is to retire from the sport after injuries. Walker had hoped to race again.",
                 [("Dougie Walker", "quit", "athletic", False, None, None)], id="role-noun-before-name"),
    pytest.param("CHINA LIKELY TO JOIN GATT, DIPLOMATS SAY",
                 "GENEVA, April 9 - Western diplomats expect the application from Beijing to succeed this year, they said.",
                 [("China", "join", "gatt", False, "possible", "diplomat")], id="dropped-copula-likely"),
    pytest.param("SALES UP SEVEN PCT", "DETROIT, April 8 - The company said its sales for the month rose to 200 mln dlrs.",
                 [("sale", "be up", "seven pct", False, None, None)], id="dropped-copula-change"),
    pytest.param("Biden back", "The former vice president Joe Biden won three states on Tuesday, his aides said.",
                 [("Joe Biden", "be back", None, False, None, None)], id="dropped-copula-back"),
    # a giving verb's -ed form with its object is a passive: the students were offered the cookies
    pytest.param("Harvard University students offered 'Pizza & Puzzles' for exam stress",
                 "Students at Harvard can now take a break with pizza and puzzles, the college said on Monday.",
                 [], id="giving-participle-passive"),
]


@pytest.mark.parametrize("title, body, expected", HEADLINE_ARTICLES)
def test_headline_constructions_on_the_model(nlp_model, title, body, expected):
    from kg.extraction import extract_documents
    from kg.types import Document

    [(_, statements)] = list(extract_documents([Document(id="a", text=body, title=title)]))
    assert [(s.subject.entity.id, s.predicate.lemma, s.object.entity.id if s.object else None, s.negated, s.modality,
             s.attributed_to.entity.id if s.attributed_to else None) for s in statements if s.from_title] == expected
