"""Shared fixtures: hand-built spaCy docs (no model) and the real model for integration tests."""
from __future__ import annotations

import importlib
import json
import signal
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "data" / "seeds"
DATA = Path(__file__).parent / "data"
# The awkward entity name of the sample statements: every character an IRI or literal must escape.
AWKWARD = "Café \"Zoë\" <Ops> & 'Friends' } 🚀"


def bench_module(name: str):
    """A script of bench/ imported as a module (bench/ on the path while it imports its siblings)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def sample_documents() -> list[dict]:
    """The two hand-written documents the sample statements come from."""
    return read_jsonl(DATA / "documents_sample.jsonl")


def sample_statements() -> list[dict]:
    """Hand-written statements: asserted, negated, hedged, attributed, and an awkward name."""
    return read_jsonl(DATA / "statements_sample.jsonl")


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


def parsed(nlp, spec: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from a compact parse: space-separated ``word|POS|dep|head[|lemma[|tag]]`` tokens.

    ``head`` is the index of the head token (a ROOT points to itself).  ``ents`` are
    (start, end, label) token spans, as spaCy's NER would give them.
    """
    words, pos, deps, heads, lemmas, tags = [], [], [], [], [], []
    for item in spec.split():
        word, p, dep, head, *rest = item.split("|")
        words.append(word)
        pos.append(p)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(rest[0] if rest and rest[0] else word.lower())
        tags.append(rest[1] if len(rest) > 1 else "")
    doc = Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas, tags=tags or None)
    if ents:
        doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for s, e, label in ents]
    return doc


@pytest.fixture(scope="session")
def nlp_model():
    from kg.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


def sentence_statements(nlp, spec: str, ents: list[tuple[int, int, str]] = ()) -> list:
    """The statements :func:`kg.relations.statements_from_sentence` reads from a compact parse
    (see :func:`parsed`), sentence by sentence, without the model."""
    from kg.entities import EntityResolver
    from kg.relations import statements_from_sentence

    doc = parsed(nlp, spec, ents)
    resolver = EntityResolver(nlp)
    resolver.annotate(doc)
    return [s for sentence in doc.sents for s in statements_from_sentence(sentence, resolver, doc_id="t")]


def default_sigint() -> None:
    """A subprocess ``preexec_fn``: Ctrl-C does in the child what it does at a terminal, even when
    the tests run as a background job, which a shell starts with SIGINT ignored (and Python then
    keeps ignoring it, so a test of Ctrl-C would see the build run to its end)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
