"""kg.quotes: the quotation marks of a sentence, scanned once per Doc (hand-built Docs, no model)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.quotes import document_quote_marks, inside_quotes, quote_marks


def sentences(nlp, *words: list[str]) -> Doc:
    """A Doc of the given sentences, one list of words each."""
    flat = [w for sentence in words for w in sentence]
    starts = [k == 0 for sentence in words for k in range(len(sentence))]
    return Doc(nlp.vocab, words=flat, sent_starts=starts)


@pytest.mark.parametrize("words, marks", [
    # curly, straight, and the parser's `` and '' pairs; one single mark alone is no quotation mark
    pytest.param([["“", "We", "will", "fight", ",", "”", "he", "said", "."], ["He", "left", "."]],
                 [["“", "”"], []], id="curly-then-none"),
    pytest.param([["He", "left", "."], ["He", "called", "it", '"', "fake", '"', "."]],
                 [[], ['"', '"']], id="none-then-straight"),
    pytest.param([["``", "No", ",", "''", "she", "said", "."], ["‘", "Never", "’", "."], ["«", "Non", "»", "."]],
                 [["``", "''"], [], ["«", "»"]], id="parser-marks-single-marks-guillemets"),
    pytest.param([["Carter", "said", ":", "“", "We", "will", "win", "."], ["We", "always", "do", ".", "”"]],
                 [["“"], ["”"]], id="quotation-across-sentences"),
])
def test_quote_marks_of_each_sentence(blank_nlp, words, marks):
    doc = sentences(blank_nlp, *words)
    found = [quote_marks(sentence) for sentence in doc.sents]
    assert [[m.text for m in sentence_marks] for sentence_marks in found] == marks
    assert all(m.doc is doc and m.sent == sentence for sentence, sentence_marks in zip(doc.sents, found) for m in sentence_marks)


def test_marks_are_scanned_once_per_doc(blank_nlp):
    doc = sentences(blank_nlp, ["“", "Go", ",", "”", "he", "said", "."], ["She", "stayed", "."])
    first = document_quote_marks(doc)
    assert first == [0, 3]
    assert document_quote_marks(doc) is first  # kept on the Doc, not scanned again
    other = sentences(blank_nlp, ["No", "marks", "."])
    assert document_quote_marks(other) == [] and quote_marks(next(other.sents)) == []


@pytest.mark.parametrize("index, inside", [(1, True), (5, False), (8, False), (11, True)])
def test_inside_quotes_with_the_marks_of_the_second_sentence(blank_nlp, index, inside):
    # the marks of a sentence are its own: the first sentence's closed quotation does not reach the second
    doc = sentences(blank_nlp, ["“", "Go", ",", "”", "he", "said", "."], ["He", "added", ":", "“", "Stay", ".", "”"])
    token = doc[index]
    assert inside_quotes(token, quote_marks(token.sent)) is inside
