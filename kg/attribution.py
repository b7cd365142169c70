"""Who says it: the source a statement is attributed to, when the article reports it rather
than asserting it itself.

One function per English construction: a speech verb governing the clause ("…, Carter said",
"his attorney said"), "according to X", a quotation whose speaker is named in another sentence
of the same quote or paragraph (:class:`QuoteSpeakers`), and sources whose word is an
allegation ("according to the suit" → claimed).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from spacy.tokens import Span, Token

from kg.clauses import own_subjects
from kg.modality import SPEECH_VERBS

FIRST_PERSON = {"i", "we"}
# Sources whose account is an accusation, not a finding: "according to the suit, Brown …".
ALLEGATION_SOURCES = {"suit", "lawsuit", "complaint", "indictment", "allegation", "accusation", "accuser",
                      "affidavit", "prosecutor", "prosecution", "plaintiff", "petition", "filing"}
# Quotation marks: curly ones say which way they face, straight ones only count.
OPENING_QUOTES = {"“", "‘‘", "``", "«"}
CLOSING_QUOTES = {"”", "''", "»"}
STRAIGHT_QUOTES = {'"'}
QUOTES = OPENING_QUOTES | CLOSING_QUOTES | STRAIGHT_QUOTES
# Clause links the walk from a clause up to its speech verb passes through.
UPWARD = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "acomp"}

Speaker = TypeVar("Speaker")


def according_to(node: Token) -> Token | None:
    """ "according to Russian officials": the source of the clause of ``node`` or of any clause
    coordinated with it ("“Brown cornered her, … and raped her,” according to the suit")."""
    for clause in (node, *node.conjuncts):
        for child in clause.children:
            if child.lower_ == "according" and child.dep_ in ("prep", "advcl", "advmod"):
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def trailing_speech_verb(node: Token, token: Token) -> Token | None:
    """ "X launched …, the ministry said" parsed with "said" below the main verb, also when the
    clause between is the speech verb's own ("X refused, and Y may ask …, a diplomat said":
    both are the diplomat's), but not "… and Carter said the issues will …", a second
    statement of its own after the speech verb."""
    for child in node.children:
        if (child.dep_ in ("parataxis", "conj", "advcl") and child.lemma_ in SPEECH_VERBS and child.i > token.i
                and not any(c.dep_ == "ccomp" and c.i > child.i for c in child.children)):
            speakers = own_subjects(child)
            if speakers and speakers[0].i > token.i:
                return speakers[0]
    return None


def speech_subject(sentence: Span, token: Token) -> Token | None:
    """Who the sentence attributes the clause of ``token`` to ("…, Carter said"; "according to X")."""
    node = token
    for _ in range(8):
        source = according_to(node) or trailing_speech_verb(node, token)
        if source is not None:
            return source
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in SPEECH_VERBS:
            speakers = own_subjects(node.head)
            if speakers and speakers[0].lower_ in FIRST_PERSON:
                node = node.head  # "I think X …, Y told Reuters": the quote is Y's
                continue
            return speakers[0] if speakers else None
        if node.head is node or node.dep_ not in UPWARD:
            return None
        node = node.head
    return None


def is_allegation_source(speaker: Token | None) -> bool:
    """A source whose word is an allegation: "according to the suit", "prosecutors said"."""
    return speaker is not None and speaker.lemma_.lower() in ALLEGATION_SOURCES


# -- quotations across sentences ----------------------------------------------------------


def quote_marks(sentence: Span) -> list[Token]:
    return [t for t in sentence if t.text in QUOTES]


def inside_quotes(token: Token, marks: list[Token]) -> bool:
    """Whether ``token`` stands between quotation marks of its sentence (an unclosed opening
    mark counts, a closing mark with no opening one means the sentence began inside)."""
    depth = 0
    for mark in marks:
        if mark.i > token.i:
            return depth > 0 or mark.text in CLOSING_QUOTES and depth == 0
        if mark.text in OPENING_QUOTES:
            depth += 1
        elif mark.text in CLOSING_QUOTES:
            depth = max(0, depth - 1)
        else:
            depth = 1 - depth if depth <= 1 else depth - 1
    return depth > 0


def quote_speaker(sentence: Span) -> Token | None:
    """The speaker a sentence names for its quotation: the subject, outside the quotes, of a
    speech verb outside the quotes ("“We will fight,” he said"; "Carter said: “…”")."""
    marks = quote_marks(sentence)
    if not marks:
        return None
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in SPEECH_VERBS and not inside_quotes(token, marks):
            speakers = [s for s in own_subjects(token) if not inside_quotes(s, marks)]
            if speakers and speakers[0].lower_ not in FIRST_PERSON:
                return speakers[0]
    return None


def ends_open(sentence: Span, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence (news quotes run on across
    sentences and paragraphs)."""
    state = was_open
    for mark in quote_marks(sentence):
        if mark.text in OPENING_QUOTES:
            state = True
        elif mark.text in CLOSING_QUOTES:
            state = False
        else:
            state = not state
    return state


def starts_quoted(sentence: Span, was_open: bool) -> bool:
    """A sentence that is (the start or the rest of) a quotation: it opens with a quotation
    mark, or one opened before it is still open."""
    first = next((t for t in sentence if not t.is_space), None)
    marks = quote_marks(sentence)
    # a sentence whose first mark closes a quotation began inside it: "We will win,” he said."
    return was_open or first is not None and first.text in QUOTES - CLOSING_QUOTES or bool(marks) and marks[0].text in CLOSING_QUOTES


class QuoteSpeakers(Generic[Speaker]):
    """Who speaks the quoted sentences of one document that name no speaker themselves:
    "“We will fight,” he said. “We will never surrender.”" — the second sentence is his too.

    A quotation's speaker covers the other quoted sentences of its quote (before or after the
    one naming it) and of its paragraph; a paragraph that opens with a quotation after one
    whose last sentence was a quote goes on with that speaker (the news convention for a
    quote running over paragraphs).  Feed paragraphs in reading order.
    """

    def __init__(self) -> None:
        self.last: Speaker | None = None  # the speaker of the last quoted sentence
        self.open = False  # a quotation left open by the last paragraph
        self.ended_quoted = False  # the last paragraph ended with a quotation

    def paragraph(self, sentences: list[Span], resolve: Callable[[Token], Speaker | None]) -> list[Speaker | None]:
        """The carried speaker of each sentence of the next paragraph (None where there is none,
        or where the sentence names its own)."""
        quoted, named = [], []
        was_open = self.open
        for sentence in sentences:
            quoted.append(starts_quoted(sentence, was_open))
            token = quote_speaker(sentence)
            named.append(resolve(token) if token is not None else None)
            was_open = ends_open(sentence, was_open)
        opens_with_quote = bool(sentences) and starts_quoted(sentences[0], self.open)
        current = self.last if opens_with_quote and (self.open or self.ended_quoted) else None
        result: list[Speaker | None] = []
        for i, sentence in enumerate(sentences):
            if named[i] is not None:
                current = named[i]
                result.append(None)
                continue
            if not quoted[i]:
                result.append(None)
                continue
            result.append(current if current is not None else self._ahead(named, quoted, i))
        self.last = current if current is not None else next((n for n in reversed(named) if n is not None), None)
        self.open = was_open
        self.ended_quoted = bool(quoted) and (quoted[-1] or named[-1] is not None)
        return result

    @staticmethod
    def _ahead(named: list, quoted: list[bool], i: int):
        """The speaker named later in the same run of quoted sentences: "“We will fight. We will
        win,” he said." (the first sentence is his)."""
        for j in range(i + 1, len(named)):
            if named[j] is not None:
                return named[j]
            if not quoted[j]:
                return None
        return None
