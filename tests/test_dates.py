"""kg.dates: the date a statement carries (stated in its sentence, or the article's)."""
from __future__ import annotations

import doctest
from datetime import date

import pytest

from conftest import parsed
from kg import dates
from kg.dates import article_date, resolve_date, sentence_dates, statement_date

WEDNESDAY = date(2015, 10, 7)


def test_docstring_examples():
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize("text, base, expected", [
    # a weekday: that day in the week up to the article's date
    ("Wednesday", WEDNESDAY, date(2015, 10, 7)),
    ("on Monday", WEDNESDAY, date(2015, 10, 5)),
    ("Thursday", WEDNESDAY, date(2015, 10, 1)),
    # relative periods, as their first day
    ("last month", WEDNESDAY, date(2015, 9, 1)),
    ("this year", WEDNESDAY, date(2015, 1, 1)),
    ("yesterday", WEDNESDAY, date(2015, 10, 6)),
    ("three days ago", WEDNESDAY, date(2015, 10, 4)),
    # absolute: a year, a month, a day of the article's year (or the one before: news looks back)
    ("2014", WEDNESDAY, date(2014, 1, 1)),
    ("October 2014", WEDNESDAY, date(2014, 10, 1)),
    ("March 16", WEDNESDAY, date(2015, 3, 16)),
    ("March 16, 1987", None, date(1987, 3, 16)),
    # part of a period: the period
    ("early March", WEDNESDAY, date(2015, 3, 1)),
    ("mid-2014", WEDNESDAY, date(2014, 1, 1)),
    # lengths of time, ages and vague spans are not dates
    ("two years", WEDNESDAY, None),
    ("the past three years", WEDNESDAY, None),
    ("60 years old", WEDNESDAY, None),
    ("recent weeks", WEDNESDAY, None),
    ("1990-1995", WEDNESDAY, None),
    # relative words without an article date resolve to nothing
    ("last month", None, None),
])
def test_resolve_date(text, base, expected):
    assert resolve_date(text, base) == expected


@pytest.mark.parametrize("value, expected", [
    ("2015-10-07", date(2015, 10, 7)), ("2015-10-07T23:59:00+02:00", date(2015, 10, 7)),
    ("", None), ("yesterday", None), (None, None), (20151007, None), ("2015-02-30", None),
])
def test_article_date(value, expected):
    assert article_date(value) == expected


# "Russia struck targets on Wednesday , officials said ." : the date modifies "struck"
STRUCK = ("Russia|PROPN|nsubj|1 struck|VERB|ccomp|7 targets|NOUN|dobj|1 on|ADP|prep|1 Wednesday|PROPN|pobj|3 "
          ",|PUNCT|punct|7 officials|NOUN|nsubj|7 said|VERB|ROOT|7 .|PUNCT|punct|7")
# "Russia , which annexed Crimea in 2014 , struck targets ." : the date is the annexation's
ANNEXED = ("Russia|PROPN|nsubj|8 ,|PUNCT|punct|0 which|PRON|nsubj|3 annexed|VERB|relcl|0 Crimea|PROPN|dobj|3 "
           "in|ADP|prep|3 2014|NUM|pobj|5 ,|PUNCT|punct|0 struck|VERB|ROOT|8 targets|NOUN|dobj|8 .|PUNCT|punct|8")
# "Officials said on Monday that Russia struck targets ." : a date on the main verb covers the sentence
SAID = ("Officials|NOUN|nsubj|1 said|VERB|ROOT|1 on|ADP|prep|1 Monday|PROPN|pobj|2 that|SCONJ|mark|6 "
        "Russia|PROPN|nsubj|6 struck|VERB|ccomp|1 targets|NOUN|dobj|6 .|PUNCT|punct|1")

# "Labour won the 2014 election ." / "Sales rose most since 1983 ."
NOUN_DATE = "Labour|PROPN|nsubj|1 won|VERB|ROOT|1 the|DET|det|4 2014|NUM|compound|4 election|NOUN|dobj|1 .|PUNCT|punct|1"
SINCE = "Sales|NOUN|nsubj|1 rose|VERB|ROOT|1 most|ADV|advmod|1 since|ADP|prep|1 1983|NUM|pobj|3 .|PUNCT|punct|1"
# "May resisted the call ." : the DATE entity the model makes of Theresa May is the subject
MAY = "May|PROPN|nsubj|1 resisted|VERB|ROOT|1 the|DET|det|3 call|NOUN|dobj|1 .|PUNCT|punct|1"


# "Sales rose to 40,131 from 35,081 a year ago ." : the date is the baseline's
FROM_AGO = ("Sales|NOUN|nsubj|1 rose|VERB|ROOT|1 to|ADP|prep|1 40,131|NUM|pobj|2 from|ADP|prep|1 35,081|NUM|pobj|4 "
            "a|DET|det|7 year|NOUN|npadvmod|8 ago|ADV|advmod|1 .|PUNCT|punct|1")
# "Sales rose 5.9 pct compared with 47,592 a year ago ."
COMPARED_AGO = ("Sales|NOUN|nsubj|1 rose|VERB|ROOT|1 5.9|NUM|nummod|3 pct|NOUN|npadvmod|1 compared|VERB|prep|1 "
                "with|ADP|prep|4 47,592|NUM|pobj|5 a|DET|det|8 year|NOUN|npadvmod|9 ago|ADV|advmod|1 .|PUNCT|punct|1")
# "Toyota sold 500 cars compared with none a year ago ."
NONE_AGO = ("Toyota|PROPN|nsubj|1 sold|VERB|ROOT|1 500|NUM|nummod|3 cars|NOUN|dobj|1 compared|VERB|prep|1 "
            "with|ADP|prep|4 none|NOUN|pobj|5 a|DET|det|8 year|NOUN|npadvmod|9 ago|ADV|advmod|1 .|PUNCT|punct|1")
# "Profits rose to 5 mln dlrs from 3 mln dlrs a year earlier ."
FROM_EARLIER = ("Profits|NOUN|nsubj|1 rose|VERB|ROOT|1 to|ADP|prep|1 5|NUM|nummod|5 mln|NOUN|amod|5 dlrs|NOUN|pobj|2 "
                "from|ADP|prep|1 3|NUM|nummod|9 mln|NOUN|amod|9 dlrs|NOUN|pobj|6 a|DET|det|11 year|NOUN|npadvmod|12 "
                "earlier|ADV|advmod|9 .|PUNCT|punct|1")
# "Sales rose 5 pct a year ago ." : no baseline, the rise is dated
PLAIN_AGO = ("Sales|NOUN|nsubj|1 rose|VERB|ROOT|1 5|NUM|nummod|3 pct|NOUN|npadvmod|1 a|DET|det|5 year|NOUN|npadvmod|6 "
             "ago|ADV|advmod|1 .|PUNCT|punct|1")
# "Exports rose over March ." : "over" with no amount before the date is when, not a baseline
OVER_MONTH = "Exports|NOUN|nsubj|1 rose|VERB|ROOT|1 over|ADP|prep|1 March|PROPN|pobj|2 .|PUNCT|punct|1"
# "Sanders has been climbing this year and is now tied with Biden ." : "now" is the article's day
NOW_TIED = ("Sanders|PROPN|nsubj|3 has|AUX|aux|3 been|AUX|aux|3 climbing|VERB|ROOT|3 this|DET|det|5 year|NOUN|npadvmod|3 "
            "and|CCONJ|cc|3 is|AUX|auxpass|9 now|ADV|advmod|9 tied|VERB|conj|3 with|ADP|prep|9 Biden|PROPN|pobj|10 "
            ".|PUNCT|punct|3")
# "Sanders has been climbing this year and is tied with Biden ." : without "now", the conjunct shares the date
TIED = ("Sanders|PROPN|nsubj|3 has|AUX|aux|3 been|AUX|aux|3 climbing|VERB|ROOT|3 this|DET|det|5 year|NOUN|npadvmod|3 "
        "and|CCONJ|cc|3 is|AUX|auxpass|8 tied|VERB|conj|3 with|ADP|prep|8 Biden|PROPN|pobj|9 .|PUNCT|punct|3")


@pytest.mark.parametrize("spec, ents, predicate, expected", [
    (STRUCK, [(4, 5, "DATE")], "struck", ("2015-10-07", "text", "Wednesday")),
    (ANNEXED, [(6, 7, "DATE")], "struck", ("2015-10-07", "article", None)),
    (ANNEXED, [(6, 7, "DATE")], "annexed", ("2014-01-01", "text", "2014")),
    (SAID, [(3, 4, "DATE")], "struck", ("2015-10-05", "text", "Monday")),
    (STRUCK, [], "struck", ("2015-10-07", "article", None)),
    # a date inside a noun phrase dates the noun: "the 2014 election"
    (NOUN_DATE, [(2, 3, "DATE")], "won", ("2015-10-07", "article", None)),
    # "since 1983": the edge of a span
    (SINCE, [(4, 5, "DATE")], "rose", ("2015-10-07", "article", None)),
    # a participant is no date: "May resisted the call" (a name the model took for the month)
    (MAY, [(0, 1, "DATE")], "resisted", ("2015-10-07", "article", None)),
    # a comparison's baseline dates the amount compared with, not the rise
    (FROM_AGO, [(3, 4, "CARDINAL"), (5, 6, "CARDINAL"), (6, 9, "DATE")], "rose", ("2015-10-07", "article", None)),
    (COMPARED_AGO, [(2, 3, "CARDINAL"), (6, 7, "CARDINAL"), (7, 10, "DATE")], "rose", ("2015-10-07", "article", None)),
    (FROM_EARLIER, [(3, 4, "CARDINAL"), (7, 8, "CARDINAL"), (10, 13, "DATE")], "rose", ("2015-10-07", "article", None)),
    (NONE_AGO, [(2, 3, "CARDINAL"), (7, 10, "DATE")], "sold", ("2015-10-07", "article", None)),
    (PLAIN_AGO, [(2, 3, "PERCENT"), (4, 7, "DATE")], "rose", ("2014-01-01", "text", "a year ago")),  # a year: its first day
    (OVER_MONTH, [(3, 4, "DATE")], "rose", ("2015-03-01", "text", "March")),
    # "is now tied": the present of the article, not the date of the clause it is joined to
    (NOW_TIED, [(4, 6, "DATE")], "is now tied with", ("2015-10-07", "article", None)),
    (NOW_TIED, [(4, 6, "DATE")], "has been climbing", ("2015-01-01", "text", "this year")),
    (TIED, [(4, 6, "DATE")], "is tied with", ("2015-01-01", "text", "this year")),
])
def test_statement_date(blank_nlp, spec, ents, predicate, expected):
    doc = parsed(blank_nlp, spec, ents)
    sentence = doc[:]
    assert statement_date(sentence, sentence_dates(sentence, WEDNESDAY), predicate, WEDNESDAY) == expected


def test_a_future_statement_takes_the_next_weekday(blank_nlp):
    # "Trump will sign orders on Friday" in a Wednesday's paper: that Friday, not the last one
    sentence = parsed(blank_nlp, "Trump|PROPN|nsubj|2 will|AUX|aux|2 sign|VERB|ROOT|2 orders|NOUN|dobj|2 "
                                 "on|ADP|prep|2 Friday|PROPN|pobj|4 .|PUNCT|punct|2", [(5, 6, "DATE")])[:]
    dates_ = sentence_dates(sentence, WEDNESDAY)
    assert statement_date(sentence, dates_, "will sign", WEDNESDAY, ahead=True)[0] == "2015-10-09"
    assert statement_date(sentence, dates_, "will sign", WEDNESDAY)[0] == "2015-10-02"


# "The strike will go ahead if talks fail on Friday ."
IF_FUTURE = ("The|DET|det|1 strike|NOUN|nsubj|3 will|AUX|aux|3 go|VERB|ROOT|3 ahead|ADV|advmod|3 if|SCONJ|mark|7 "
             "talks|NOUN|nsubj|7 fail|VERB|advcl|3 on|ADP|prep|7 Friday|PROPN|pobj|8 .|PUNCT|punct|3")
# "The strike went ahead as talks failed on Friday ." : no future, the last Friday
AS_PAST = ("The|DET|det|1 strike|NOUN|nsubj|2 went|VERB|ROOT|2 ahead|ADV|advmod|2 as|SCONJ|mark|6 "
           "talks|NOUN|nsubj|6 failed|VERB|advcl|2 on|ADP|prep|6 Friday|PROPN|pobj|7 .|PUNCT|punct|2")
# "If talks failed on Friday , the strike went ahead ." : a condition on the past
IF_PAST = ("If|SCONJ|mark|2 talks|NOUN|nsubj|2 failed|VERB|advcl|8 on|ADP|prep|2 Friday|PROPN|pobj|3 ,|PUNCT|punct|8 "
           "the|DET|det|7 strike|NOUN|nsubj|8 went|VERB|ROOT|8 ahead|ADV|advmod|8 .|PUNCT|punct|8")
# "It will be him so long as Trump does n't dominate on Tuesday ." (the clause hangs from "long")
SO_LONG_AS = ("It|PRON|nsubj|2 will|AUX|aux|2 be|AUX|ROOT|2 him|PRON|attr|2 so|ADV|advmod|5 long|ADV|advmod|2 "
              "as|SCONJ|mark|10 Trump|PROPN|nsubj|10 does|AUX|aux|10 n't|PART|neg|10 dominate|VERB|advcl|5 "
              "on|ADP|prep|10 Tuesday|PROPN|pobj|11 .|PUNCT|punct|2")


@pytest.mark.parametrize("spec, ents, predicate, expected", [
    (IF_FUTURE, [(9, 10, "DATE")], "fail", "2015-10-09"),        # the next Friday
    (AS_PAST, [(8, 9, "DATE")], "failed", "2015-10-02"),         # the last one
    (IF_PAST, [(4, 5, "DATE")], "failed", "2015-10-02"),
    (SO_LONG_AS, [(12, 13, "DATE")], "does n't dominate", "2015-10-13"),
])
def test_a_condition_on_the_future_takes_the_next_weekday(blank_nlp, spec, ents, predicate, expected):
    sentence = parsed(blank_nlp, spec, ents)[:]
    assert statement_date(sentence, sentence_dates(sentence, WEDNESDAY), predicate, WEDNESDAY)[0] == expected


def test_no_article_date_and_no_stated_date_is_no_date(blank_nlp):
    sentence = parsed(blank_nlp, STRUCK)[:]
    assert statement_date(sentence, sentence_dates(sentence, None), "struck", None) == (None, None, None)


@pytest.mark.model
def test_extracted_statements_carry_dates():
    from kg.extraction import extract_documents
    from kg.types import Document

    text = ("Russia struck rebel positions near Aleppo on Tuesday, the defence ministry said.\n\n"
            "Turkey condemned the strikes.")
    [(_, statements)] = list(extract_documents([Document(id="d", text=text, date="2015-10-08")]))
    by_predicate = {s.predicate.lemma: (s.date, s.date_source) for s in statements}
    assert by_predicate["strike"] == ("2015-10-06", "text")
    assert by_predicate["condemn"] == ("2015-10-08", "article")
    assert all(s.to_record()["date"] == s.date for s in statements)
