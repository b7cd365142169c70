"""Cleaning before parsing: each kind of boilerplate on made-up lines of the real shapes, and
the spans it keeps, which must index the original text exactly."""
from __future__ import annotations

import pytest

import kg
from kg.cleaning import article_spans, dateline_length, is_boilerplate_line, turn_labels

DATELINES = [
    # (paragraph start, the dateline it begins with, "" when none)
    ("WASHINGTON, March 12 - U.S. retail sales rose.", "WASHINGTON, March 12 - "),
    ("CAIRO, June 3 - Egypt said on Monday it would act.", "CAIRO, June 3 - "),
    ("LONDON (Reuters) - Police arrested a man on Thursday.", "LONDON (Reuters) - "),
    ("WASHINGTON/NEW YORK (Reuters) - The president said so.", "WASHINGTON/NEW YORK (Reuters) - "),
    ("PORTLAND, Ore. (AP) — Both sides declared victory.", "PORTLAND, Ore. (AP) — "),
    ("OSAKA, Japan, April 27 - India expects to borrow more.", "OSAKA, Japan, April 27 - "),
    ("KANSAS CITY, Mo., March 9 - The utility said it agreed.", "KANSAS CITY, Mo., March 9 - "),
    ("Washington (CNN) When the president named his choice, it caught people out.", "Washington (CNN) "),
    ("(CNN) Up to 85 million people are in the path of a storm.", "(CNN) "),
    ("MIAMI — Only hours before the hurricane, officials met.", "MIAMI — "),
    # no dateline: a name and a dash, a sentence, capitals with nothing after them
    ("Obama - who never liked it - said no.", ""),
    ("The IFC is planning to help companies.", ""),
    ("NATO said it would send troops.", ""),
    ("U.S. retail sales - a big worry - fell.", ""),
    ("WASHINGTON —", ""),
]


@pytest.mark.parametrize("text, dateline", DATELINES)
def test_dateline(text, dateline):
    assert text[: dateline_length(text)] == dateline


LINES = [
    # captions and credits
    ("Media playback is unsupported on your device Media caption The senator spoke to reporters", True),
    ("Image copyright Getty Images Image caption Protesters gathered outside the court", True),
    ("Enlarge this image toggle caption Jane Doe/AP Jane Doe/AP", True),
    ("Facebook Twitter Pinterest Supporters rally in the capital. Photograph: Jane Doe/Reuters", True),
    ("The senator speaks at a rally in Ohio, May 4, 2019. (Jane Doe/Reuters)", True),
    ("The senator before a game in Arizona on Aug. 15. Jane Doe/Getty Images", True),
    # a wire credit with a space after the slash: its name is no antecedent of the next "he"
    ("The candidate waits to speak at a rally in Dayton, Ohio, U.S. May 4, 2019. REUTERS/ Jane Doe", True),
    ("Slideshow (12 Images)", True),
    ("FILE - In this March 26, 2020, file photo the senator speaks.", True),
    ('[caption id="attachment_1" width="620"] Soldiers burning books in 1973 (Credit: Archive)[/caption]', True),
    ("[pullquote]The senator said it twice.[/pullquote]", True),
    # links to other articles
    ("Related: What the budget means for you", True),
    ("READ MORE:", True),
    ("( Also on POLITICO: The week in review)", True),
    ("Read or Share this story: https://example.com/story/1", True),
    ("CLICK HERE TO GET THE NEWS APP", True),
    ("More: The senators who changed their minds", True),
    # subscriptions, advertisements, copyright
    ("Sign up for Daily Newsletters Manage Newsletters", True),
    ("Get all the latest news on the economy delivered daily to your inbox. Sign up here.", True),
    ("Advertisement", True),
    ("Copyright © 2019 The Daily Paper, LLC. Click here for reprint permission.", True),
    ("- Follow the Ticker on Twitter: @ticker", True),
    # bylines and sign-offs
    ("By JOHN SMITH ( @jsmith )", True),
    ("By Jane Doe and John Smith", True),
    ("— Jane Doe", True),
    ("The Associated Press contributed to this report.", True),
    ("(Reporting by Jane Doe; Editing by John Smith)", True),
    ("The views expressed in this commentary are the author's own.", True),
    # separators
    ("___", True),
    ("• • •", True),
    # news that looks a little like boilerplate
    ("By Friday, the optics were terrible as workers missed a second paycheck.", False),
    ("By Monday, Trump had left.", False),
    ("Reporting by the paper showed that most of the money went to the party.", False),
    ("Advertisements for the drug ran on television for months.", False),
    ("More than 200 people were killed, officials said.", False),
    ("Follow-up talks are planned for next week.", False),
    ("The ratio fell to 3/4 of its level, the ministry said.", False),
    ("Copyright holders sued the company on Monday.", False),
    ("Russia struck targets in Syria.", False),
]


@pytest.mark.parametrize("line, boilerplate", LINES)
def test_boilerplate_line(line, boilerplate):
    assert is_boilerplate_line(line) is boilerplate


ARTICLE = (
    "Senate passes the budget\n\n"
    "WASHINGTON, March 12 - The Senate passed the budget on Tuesday.\n\n"
    "Media playback is unsupported on your device Media caption The vote\n\n"
    "The House will vote next.\nREAD MORE:\nRelated: What the budget means\n"
    "Democrats opposed it. (RELATED: The fight over the budget) Republicans backed it.\n\n"
    "Advertisement\n\n"
    "“We will win,” he said.\n\n"
    "(Reporting by Jane Doe; Editing by John Smith)"
)


def test_article_spans_keep_only_news_and_index_the_text():
    kept = [ARTICLE[start:end] for start, end in article_spans(ARTICLE)]
    assert kept == [
        "Senate passes the budget",
        "The Senate passed the budget on Tuesday.",
        "The House will vote next.",
        "Democrats opposed it.",
        "Republicans backed it.",
        "“We will win,” he said.",
    ]


def test_wrapped_paragraph_stays_whole():
    # a paragraph wrapped with single newlines is one piece, not one per line
    text = "Russia struck targets\nin Syria on Tuesday, the\nministry said."
    assert list(article_spans(text)) == [(0, len(text))]


@pytest.mark.model
def test_model_dateline_is_never_the_speaker_and_offsets_stay_exact():
    text = ("CAIRO, June 3 - Egypt will not join the talks, a foreign ministry spokesman said.\n\n"
            "Image copyright Reuters Image caption Russia struck Syria in 2015\n\n"
            "Related: Russia attacks Turkey")
    statements = kg.extract(text)
    assert statements
    for s in statements:
        assert text[s.start:s.end] == s.sentence
        assert "CAIRO" not in s.sentence and "caption" not in s.sentence and "Related" not in s.sentence
        assert s.attributed_to is not None and "spokesman" in s.attributed_to.text


TURNS = [
    # (paragraph, the labels that open turns in it, each with the words its speech starts with)
    ("Trump: I have to look at the group.", [("Trump", "I have")]),
    ("So give me a list. Tapper: Ok. I'm just asking, but — Trump: Honestly, I don't know him.",
     [("Tapper", "Ok."), ("Trump", "Honestly,")]),
    ("TAPPER: ... Donald Trump has won a third of the vote.", [("TAPPER", "... Donald")]),
    ("Mr. Henry: Do you agree? Mrs. Clinton: I do.", [("Mr. Henry", "Do you"), ("Mrs. Clinton", "I do.")]),
    ("Q: What happened? A: We left early.", [("Q", "What happened?"), ("A", "We left")]),
    ("JAKE TAPPER: Are you running?", [("JAKE TAPPER", "Are you")]),
    ("TRUMP: well, because at the time it did not.", [("TRUMP", "well,")]),
    ("HOUSE SPEAKER NANCY PELOSI: “The light may be a train.”", [("HOUSE SPEAKER NANCY PELOSI", "“The light")]),
    # a section about a person names them in its first sentence: no turn
    ("KASICH: Banking on a win in Ohio, Kasich delivered a consistent tone.", []),
    # headings, lists and links are no speakers
    ("UPDATE: The senator resigned on Monday.", []),
    ("Pros: It is cheap and it works.", []),
    ("Bottom Line: The bill is dead.", []),
    ("Related: What the budget means for you", []),
    # a time, a name inside a sentence, a colon before a lower-case word
    ("The meeting starts at 10:30 Monday.", []),
    ("He put it to Jake Tapper: No deal.", []),
    ("Smith: the man who knew too much", []),
]


@pytest.mark.parametrize("paragraph, turns", TURNS)
def test_turn_labels(paragraph, turns):
    found = turn_labels(paragraph, 0, len(paragraph))
    assert [label for _, _, label in found] == [label for label, _ in turns]
    assert [paragraph[speech:] for _, speech, _ in found] == [paragraph[paragraph.index(words):] for _, words in turns]
    for label_start, speech, label in found:
        assert paragraph[label_start:speech].rstrip() == label + ":"


def test_turns_are_parsed_without_their_labels():
    text = "Here is their exchange:\n\nTrump: I don't know him. Tapper: Ok. — Trump: Honestly, no.\n\nThe end came fast."
    pieces = [text[start:end] for start, end in article_spans(text)]
    assert pieces == ["Here is their exchange:", "I don't know him.", "Ok. —", "Honestly, no.", "The end came fast."]
    labels = {speech: label for _, speech, label in turn_labels(text, 0, len(text))}
    assert [labels.get(start) for start, _ in article_spans(text)] == [None, "Trump", "Tapper", "Trump", None]
