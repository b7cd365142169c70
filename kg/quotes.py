"""Quotation marks: which way a mark faces and whether a word stands between marks, for the
attribution of quotations (:mod:`kg.attribution`) and the speakers pronouns stand for
(:mod:`kg.entities`)."""
from __future__ import annotations

import bisect

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

# Quotation marks: curly ones say which way they face, straight ones only count.
OPENING_QUOTES = {"“", "‘‘", "``", "«"}
CLOSING_QUOTES = {"”", "''", "»"}
STRAIGHT_QUOTES = {'"'}
QUOTES = OPENING_QUOTES | CLOSING_QUOTES | STRAIGHT_QUOTES
# Every single character that marks a quotation, single marks too: a word set off on its own
# between them is held at a distance ("illegal immigrants who “invade” the U.S.", ‘invade’).
QUOTE_CHARACTERS = frozenset('"\u201c\u201d\u2018\u2019\'\u00ab\u00bb')


# The token indices of a Doc's quotation marks are scanned once per Doc (its words never change
# after the parse) and kept in its user_data under this key, for every rule that asks for a
# sentence's marks (user_data, not a ``doc._`` extension: each ``doc._`` costs more than the scan).
MARKS_KEY = ("kg.quotes", "marks")
_QUOTE_IDS = frozenset(get_string_id(mark) for mark in QUOTES)


def document_quote_marks(doc: Doc) -> list[int]:
    """The token indices of the quotation marks of ``doc``, in order (kept on the Doc)."""
    marks = doc.user_data.get(MARKS_KEY)
    if marks is None:
        # by the words' ids, without making a Token of each word
        marks = doc.user_data[MARKS_KEY] = [i for i, word in enumerate(doc.to_array(ORTH).tolist()) if word in _QUOTE_IDS]
    return marks


def quote_marks(sentence: Span) -> list[Token]:
    """The quotation marks of a sentence, in order."""
    doc = sentence.doc
    marks = document_quote_marks(doc)
    first, last = bisect.bisect_left(marks, sentence.start), bisect.bisect_left(marks, sentence.end)
    return [doc[i] for i in marks[first:last]]


def straight_quote_faces(mark: Token) -> str | None:
    """Which way a straight quotation mark faces, told by the spaces around it as a reader tells
    it: after a space (or at the start) and against the next word it opens (`reading: "The
    board`), against the word before and followed by a space, punctuation or the end it closes
    (`in due course."`); None when the spacing tells nothing (spaces on both sides or none)."""
    doc = mark.doc
    spaced_before = mark.i == 0 or bool(doc[mark.i - 1].whitespace_)
    after = doc[mark.i + 1] if mark.i + 1 < len(doc) else None
    spaced_after = after is None or bool(mark.whitespace_) or (after.is_punct and after.text not in QUOTES)
    if spaced_before and not spaced_after:
        return "open"
    if spaced_after and not spaced_before:
        return "close"
    return None


def mark_faces(mark: Token) -> str | None:
    """ "open", "close", or None (a straight mark that only toggles) for a quotation mark."""
    if mark.text in OPENING_QUOTES:
        return "open"
    if mark.text in CLOSING_QUOTES:
        return "close"
    return straight_quote_faces(mark)


def inside_quotes(token: Token, marks: list[Token]) -> bool:
    """Whether ``token`` stands between quotation marks of its sentence (an unclosed opening
    mark counts, a closing mark with no opening one means the sentence began inside)."""
    depth = 0
    for mark in marks:
        faces = mark_faces(mark)
        if mark.i > token.i:
            return depth > 0 or faces == "close" and depth == 0
        if mark.text in OPENING_QUOTES:
            depth += 1
        elif faces == "open":
            depth = max(depth, 1)  # straight marks do not nest
        elif faces == "close":
            depth = max(0, depth - 1)
        else:
            depth = 1 - depth if depth <= 1 else depth - 1
    return depth > 0
