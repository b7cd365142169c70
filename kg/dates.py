"""When a statement happened: the date its sentence states, resolved against the article's
date, or else the article's date.

Dates in the text are spaCy's DATE entities ("on Wednesday", "last month", "in 2014",
"March 16"); dateparser turns each into a calendar date relative to the article's date
(we do not write our own date grammar).  A date belongs to the verb it modifies: the
statement whose predicate is that verb takes it, and a date on the main verb of the
sentence ("Russia said on Wednesday it had struck ...") covers every statement of the
sentence.  A statement without such a date takes the article's.

Each date keeps its precision as the first day of its period: "in 2014" is 2014-01-01,
"last month" the first of that month, "last week" the day dateparser gives.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

__all__ = ["StatedDate", "article_date", "resolve_date", "sentence_dates", "statement_date"]

# Which date a statement carries (the ``date_source`` of a record, kg:dateSource in RDF).
ARTICLE, TEXT = "article", "text"

# Words that make a DATE entity a point or period in time rather than a length of time
# ("two years", "60 years old", "decades") or a vague span ("recent weeks").
_POINT = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|ago|last|next|this|(?:1[89]|20)\d\d)\b", re.I)
# "the past three years", "for 10 days", "60 years old", "a year earlier": lengths of time.
_LENGTH = re.compile(r"\b(?:old|past|earlier|later|previous|coming|recent|since|until|through|to|-)\b|\d+\s*-\s*\d+", re.I)
_PART = re.compile(r"^(?:the\s+)?(?:early|mid|middle of|late|end of|start of|beginning of)[\s-]+", re.I)
_WEEKDAY = re.compile(r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class StatedDate:
    """A date the text states: the day (first day of its period) and the words."""

    day: date
    text: str


def article_date(value: Any) -> date | None:
    """The article's date from a document's ``date`` ("2015-10-07", "2015-10-07T12:00:00Z").

    >>> article_date("2015-10-07T09:30:00Z"), article_date("n/a"), article_date(None)
    (datetime.date(2015, 10, 7), None, None)
    """
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


@functools.lru_cache(maxsize=64)
def _parser(base: date | None, ahead: bool = False) -> Any:
    """A dateparser for English read against ``base`` (articles come in runs of one date)."""
    from dateparser.date import DateDataParser  # imported on use: 50 ms and its tables

    settings = {"PREFER_DATES_FROM": "future" if ahead else "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def resolve_date(text: str, base: date | None, *, ahead: bool = False) -> date | None:
    """The day ``text`` (a DATE entity's words) names, read against the article's date ``base``.

    Lengths of time and vague spans give None.  Without ``base``, only absolute dates
    ("March 16, 1987", "2014") resolve.  A weekday is the last one up to ``base`` (news
    reports what happened), or with ``ahead`` (a statement about the future: "will sign
    on Friday", "will begin testing in June") the next one from it; so are month names.

    >>> base = date(2015, 10, 7)  # a Wednesday
    >>> [str(resolve_date(t, base)) for t in ("Wednesday", "Monday", "last month", "2014", "two years", "March 16")]
    ['2015-10-07', '2015-10-05', '2015-09-01', '2014-01-01', 'None', '2015-03-16']
    """
    # "early March", "mid-2014", "late last year": the period itself, at its precision
    words = _PART.sub("", " ".join(text.split()))
    if not _POINT.search(words) or _LENGTH.search(words):
        return None
    weekday = _WEEKDAY.match(words)
    if weekday and base is not None:
        # "on Wednesday" in a Wednesday's paper is that day; otherwise the last one before it
        # (news reports what happened; dateparser would give a week back for the same day).
        named = _WEEKDAYS.index(weekday.group(1).lower())
        if ahead:
            return base + timedelta(days=(named - base.weekday()) % 7)
        return base - timedelta(days=(base.weekday() - named) % 7)
    if base is None and not re.search(r"\b(?:1[89]|20)\d\d\b", words):
        return None  # relative, and nothing to resolve it against
    try:
        found = _parser(base, ahead).get_date_data(words)
    except (ValueError, OverflowError, TypeError):
        return None
    if found is None or found.date_obj is None:
        return None
    day = found.date_obj.date()
    if found.period == "year":
        day = day.replace(month=1, day=1)
    elif found.period == "month":
        day = day.replace(day=1)
    return day


# Prepositions that make a date the edge of a span, not when something happened:
# "the weakest levels since 1983", "until March", "for 2015", "by the end of June".
_SPAN_PREPOSITIONS = {"since", "until", "till", "through", "throughout", "for", "by", "before", "after", "from", "to"}


# Dependencies of a verb's participants: a DATE entity in one of them is a name or a thing
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "poss", "appos", "agent"}

# The words of an amount ("35,081", "3 mln dlrs", "5.9 pct") and those that introduce a
# comparison's baseline ("from", "against", "compared with"), see _is_baseline.
_AMOUNT_ENTITIES = {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
_AMOUNT_WORDS = {"pct", "percent", "per", "cent", "mln", "bln", "billion", "million", "thousand", "dlrs", "dlr",
                 "dollars", "stg", "yen", "marks", "francs", "tonnes", "tons", "barrels", "bpd", "units", "points",
                 "shares", "$", "%", "none", "nil", "zero", "nothing"}
_BASELINE_WORDS = {"from", "against", "versus", "vs", "vs."}
_COMPARED = {"compared", "compares", "comparing", "comparison"}


def _is_baseline(entity: Any) -> bool:
    """A comparison's baseline: "rose to 40,131 from 35,081 a year ago", "5.9 pct compared
    with 47,592 a year earlier", "fell from a year ago".  The date is when the amount it
    is compared with was measured, not when anything in the sentence happened."""
    doc, i, amounts = entity.doc, entity.start - 1, 0
    start = entity.sent.start
    while i >= start and (doc[i].like_num or doc[i].pos_ == "NUM" or doc[i].ent_type_ in _AMOUNT_ENTITIES
                          or doc[i].lower_ in _AMOUNT_WORDS):
        i, amounts = i - 1, amounts + 1
    if i < start:
        return False
    word = doc[i].lower_
    if word in _BASELINE_WORDS:
        return True
    if word == "with" and i > start and doc[i - 1].lower_ in _COMPARED:
        return True
    return word == "over" and amounts > 0  # "up 5 pct over 3 mln a year earlier", not "over the weekend"


def _dated_verb(entity: Any) -> Any | None:
    """The verb a DATE entity says when of, or None when it says when of something else.

    Its root hangs from the verb ("struck Wednesday", npadvmod) or through a preposition
    ("struck on Wednesday", prep → pobj).  A date inside a noun phrase ("the 2020
    nomination", "Clinton's 2008 campaign", "a win next week") dates the noun, not a
    statement; a date after "since", "until", "for" is the edge of a span; the date of a
    comparison's baseline ("from 35,081 a year ago") is when that amount was measured.
    """
    if _is_baseline(entity):
        return None
    root = entity.root
    head = root.head
    if head.i == root.i:
        return None
    if root.dep_ in ARGUMENT_DEPS:
        return None  # a participant, not a time: "May said …" (Theresa May), "won the May vote"
    if root.dep_ == "pobj":
        if head.lower_ in _SPAN_PREPOSITIONS:
            return None
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        return head
    return None


def sentence_dates(sentence: Any, base: date | None) -> dict[int, StatedDate]:
    """The dates ``sentence`` (a spaCy Span) states, by the index of the verb each modifies.

    The first date on a verb wins ("on Monday, March 16": one date).  A weekday keeps
    its words: when it falls (last or next) depends on the statement (:func:`statement_date`).
    """
    dates: dict[int, StatedDate] = {}
    for entity in sentence.ents:
        if entity.label_ != "DATE":
            continue
        verb = _dated_verb(entity)
        if verb is None or verb.i in dates:
            continue
        day = resolve_date(entity.text, base)
        if day is not None:
            dates[verb.i] = StatedDate(day, entity.text)
    return dates


# Adverbs of the present: "is now tied", "currently holds" (the article's day).
_PRESENT = {"now", "currently", "presently"}


def _nearest_date(sentence: Any, dates: dict[int, StatedDate], words: set[str]) -> StatedDate | None:
    """The date of the clause nearest the predicate: on one of its verbs, else on the first
    verb above it ("he revived the claim in 2012 even as he was endorsing Romney": 2012
    for the endorsing), else on the sentence's main verb.  A verb in the present by an
    adverb ("has been climbing this year and is now tied") takes none from above."""
    verbs = [token for token in sentence if token.text in words and token.pos_ in ("VERB", "AUX")]
    for token in verbs:
        if token.i in dates:
            return dates[token.i]
    if any(child.dep_ == "advmod" and child.lower_ in _PRESENT for token in verbs for child in token.children):
        return None
    for token in verbs:
        while token.head.i != token.i:
            token = token.head
            if token.i in dates:
                return dates[token.i]
    return dates.get(sentence.root.i)


# Auxiliaries of the future: "will", "shall", "'ll", and "wo" of "won't" as spaCy splits it.
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _future_condition(verb: Any) -> bool:
    """A verb in a condition on a future clause, whose weekday is the next one although the
    verb is in the present: "the strike will go ahead if talks fail on Friday", "it will be
    him so long as Trump doesn't dominate on Tuesday", "talks will resume unless rebels attack"."""
    if verb.dep_ != "advcl":
        return False
    marks = [child for child in verb.children if child.dep_ == "mark"]
    if not any(mark.lower_ in ("if", "unless") or (mark.lower_ == "as" and mark.i > 0 and mark.doc[mark.i - 1].lower_ == "long")
               for mark in marks):
        return False
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "so long as" may hang the clause from "long" or a noun
    return any(child.dep_ == "aux" and child.lower_ in _FUTURE_AUX for child in head.children)


def statement_date(sentence: Any, dates: dict[int, StatedDate], predicate_text: str,
                   base: date | None, *, ahead: bool = False) -> tuple[str | None, str | None, str | None]:
    """(date, source, words) of a statement of ``sentence`` whose predicate reads ``predicate_text``.

    The date of the nearest clause (:func:`_nearest_date`); else the article's date
    (source ``article``); else no date at all.  ``ahead``: the statement is about the
    future, so a weekday or a month is the next one (:func:`resolve_date`); so is one of a
    condition on a future clause (:func:`_future_condition`).
    """
    if dates:
        words = set(predicate_text.split())
        stated = _nearest_date(sentence, dates, words)
        if stated is not None:
            ahead = ahead or any(_future_condition(token) for token in sentence
                                 if token.text in words and token.pos_ in ("VERB", "AUX"))
            day = resolve_date(stated.text, base, ahead=True) if ahead else None
            return (day or stated.day).isoformat(), TEXT, stated.text
    if base is not None:
        return base.isoformat(), ARTICLE, None
    return None, None, None
