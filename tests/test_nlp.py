"""kg/nlp.py: component selection, memory zones, and the worker pool.

Model-free tests use ``spacy.blank("en")``; tests with the pinned model are marked
``model``.  Speed is measured in bench/, never here.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy

from conftest import default_sigint
from kg.entities import EntityResolver
from kg.errors import KGError
import kg.nlp
import kg.workers
from kg.extraction import extract_documents, statements_from_parsed
from kg.nlp import COMPONENTS, load_model, model_components, parse
from kg.batching import batched
from kg.workers import extract_in_processes
from kg.types import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "data" / "seeds"


def article(n: int, word: str = "") -> Document:
    """A small article: a title and two paragraphs, ``word`` in the second one."""
    return Document(id=f"d{n}", text=f"Title {n}\n\nThe first paragraph of {n}.\n\nThen {word or 'nothing'} happened.")


def shape(parsed) -> tuple:
    """What a parse gave, as plain values: ids, paragraph offsets and token texts."""
    return tuple((p.document.id, tuple((offset, tuple(t.text for t in doc)) for offset, doc in p.parts)) for p in parsed)


# -- batching -----------------------------------------------------------------------------


@pytest.mark.parametrize("items, size, expected", [
    ([], 3, []),
    ([1, 2, 3], 3, [[1, 2, 3]]),
    ([1, 2, 3, 4], 3, [[1, 2, 3], [4]]),
    ([1, 2], 1, [[1], [2]]),
])
def test_batched(items, size, expected):
    assert list(batched(iter(items), size)) == expected


@pytest.mark.parametrize("items, expected", [
    ([], []),
    (["aaaa", "b", "c"], [["aaaa"], ["b", "c"]]),          # one heavy item fills a batch alone
    (["a", "b", "c", "d", "e"], [["a", "b", "c"], ["d", "e"]]),  # the count still bounds light ones
    (["aa", "a", "aaaaa", "a"], [["aa", "a"], ["aaaaa"], ["a"]]),
])
def test_batched_by_weight(items, expected):
    assert list(batched(iter(items), 3, weight=len, limit=3)) == expected


# -- parsing in memory zones (no model) ---------------------------------------------------


@pytest.mark.parametrize("zone_documents", [1, 2, 3, 100])
def test_zones_give_the_same_parse_in_the_same_order(zone_documents):
    nlp = spacy.blank("en")
    documents = [article(n) for n in range(7)]
    documents.insert(3, Document(id="blank", text="\n\n  \n"))  # no paragraph at all: still yielded, in place
    zoned = shape(parse(documents, nlp=nlp, zone_documents=zone_documents))
    plain = shape(parse(documents, nlp=nlp, memory_zone=False))
    assert zoned == plain
    assert [item[0] for item in zoned] == [d.id for d in documents]
    assert dict(zoned)["blank"] == ()


@pytest.mark.parametrize("memory_zone", [True, False])
def test_zones_free_the_words_a_corpus_adds(memory_zone):
    nlp = spacy.blank("en")
    documents = [article(0)] + [article(n, word=f"zorblaxed{n}") for n in range(1, 30)]
    seen = [doc[-3].text for parsed in parse(documents, nlp=nlp, zone_documents=4, memory_zone=memory_zone)
            for _, doc in parsed.parts[-1:]]
    assert seen[1:] == [f"zorblaxed{n}" for n in range(1, 30)]  # valid while the consumer holds it
    kept = [n for n in range(1, 30) if f"zorblaxed{n}" in nlp.vocab.strings]
    assert kept == ([] if memory_zone else list(range(1, 30)))


def test_the_first_document_is_parsed_outside_a_zone():
    # What a consumer builds on first sight (a PhraseMatcher) must not be made of transient strings.
    nlp = spacy.blank("en")
    for parsed in parse([article(0, word="firstword"), article(1, word="secondword")], nlp=nlp, zone_documents=1):
        nlp.vocab.strings.add(f"built-while-parsing-{parsed.document.id}")
    assert "firstword" in nlp.vocab.strings and "built-while-parsing-d0" in nlp.vocab.strings
    assert "secondword" not in nlp.vocab.strings and "built-while-parsing-d1" not in nlp.vocab.strings


def test_a_batch_ends_once_it_holds_batch_characters(monkeypatch):
    # The parser's memory follows the words in a batch: a long paragraph closes its batch.
    nlp = spacy.blank("en")
    batches = []
    pipe = nlp.pipe

    def recording(tasks, **kwargs):
        if kwargs.get("as_tuples"):  # not spaCy's own call on the texts alone
            batches.append([len(text) for text, _ in tasks])
        return pipe(tasks, **kwargs)

    documents = [Document(id=f"d{n}", text=f"Short one {n}.\n\n" + ("long " * 40 if n == 2 else "Another short one."))
                 for n in range(6)]
    plain = shape(parse(documents, nlp=nlp, batch_size=4))
    monkeypatch.setattr(nlp, "pipe", recording)
    monkeypatch.setattr(kg.nlp, "BATCH_CHARACTERS", 100)
    assert shape(parse(documents, nlp=nlp, batch_size=4)) == plain
    # At most 4 paragraphs, and a batch ends at the long one (by count alone: 12, 199, 12, 18).
    assert batches == [[12, 18, 12, 18], [12, 199], [12, 18, 12, 18], [12, 18]]


def test_no_zone_inside_a_callers_zone():
    nlp = spacy.blank("en")
    list(parse([article(0)], nlp=nlp))
    with nlp.memory_zone():  # spaCy zones must not nest: parse uses the caller's
        assert shape(parse([article(1), article(2)], nlp=nlp, zone_documents=1)) == shape(
            parse([article(1), article(2)], nlp=nlp, memory_zone=False))


# -- the worker pool (no model) -----------------------------------------------------------


def text_lengths(documents):
    """A stand-in for extract_documents: module level, so workers can import it by name."""
    for document in documents:
        if document.id == "bad":
            raise KGError("bad document")
        yield document, (os.getpid(), len(document.text))


def test_pool_keeps_input_order_and_uses_every_worker():
    documents = [Document(id=f"d{n}", text="x" * n) for n in range(40)]
    results = list(extract_in_processes(iter(documents), text_lengths, workers=2, batch_documents=3))
    assert [d.id for d, _ in results] == [d.id for d in documents]
    assert [length for _, (_, length) in results] == list(range(40))
    assert os.getpid() not in {pid for _, (pid, _) in results}


def test_pool_reraises_a_workers_error_and_stops():
    documents = [Document(id=f"d{n}", text="x") for n in range(10)] + [Document(id="bad", text="x")]
    with pytest.raises(KGError, match="bad document"):
        list(extract_in_processes(documents, text_lengths, workers=2, batch_documents=2))


def test_pool_streams_reading_only_as_far_as_batches_in_flight():
    read = []

    def endless():
        n = 0
        while True:
            read.append(n)
            yield Document(id=f"d{n}", text="x")
            n += 1

    results = extract_in_processes(endless(), text_lengths, workers=2, batch_documents=2)
    first = [next(results) for _ in range(3)]
    results.close()  # an early stop does not wait for queued batches
    assert [d.id for d, _ in first] == ["d0", "d1", "d2"]
    assert len(read) <= 2 * kg.workers.BATCHES_IN_FLIGHT * 2 + 2  # workers × batches in flight × batch size, plus one batch


def test_pool_refuses_no_workers():
    with pytest.raises(KGError, match="at least 1"):
        list(extract_in_processes([article(0)], text_lengths, workers=0))


# -- with the pinned model ----------------------------------------------------------------


def corpus() -> list[Document]:
    from kg.documents import iter_documents

    paths = [ROOT / "examples"] + ([SEEDS] if SEEDS.is_dir() else [])
    return list(iter_documents(paths))


def records(pairs) -> list[tuple[str, list[dict]]]:
    return [(document.id, [s.to_record() for s in statements]) for document, statements in pairs]


@pytest.fixture(scope="module")
def one_process():
    return records(extract_documents(corpus()))


@pytest.mark.model
def test_model_loads_only_the_components_we_use():
    nlp = load_model()
    assert tuple(nlp.pipe_names) == COMPONENTS
    excluded = set(model_components()) - set(COMPONENTS)
    assert excluded and not excluded & set(nlp.component_names)  # not loaded at all, not merely disabled


@pytest.mark.model
def test_memory_zones_do_not_change_the_statements(one_process):
    nlp = load_model()

    def extract(**options):
        return [(p.document.id, [s.to_record() for s in statements_from_parsed(p, EntityResolver(nlp))])
                for p in parse(corpus(), nlp=nlp, **options)]

    assert one_process and sum(len(s) for _, s in one_process) > 10
    assert extract(zone_documents=1) == extract(memory_zone=False) == one_process


@pytest.mark.model
def test_two_workers_give_the_same_statements_in_the_same_order(one_process):
    # One document per batch, so the two workers interleave; `kg build --workers 2` is run below.
    assert records(extract_in_processes(corpus(), extract_documents, workers=2, batch_documents=1)) == one_process


@pytest.mark.model
def test_ctrl_c_stops_a_parallel_build_with_one_line(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    body = (ROOT / "examples" / "grain-corridor.txt").read_text(encoding="utf-8")
    for n in range(60):
        (source / f"a{n:03d}.txt").write_text(f"Round {n}\n\nTurkey and Greece agreed to talk on day {n}.\n\n{body}", encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(source), "--out", str(tmp_path / "out"), "--workers", "2", "-q"],
                             stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=default_sigint)
    deadline = time.monotonic() + 120
    while not list((tmp_path / "out").glob(".build-*/statements.jsonl")) or not (next((tmp_path / "out").glob(".build-*/statements.jsonl")).stat().st_size):
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it could be interrupted"
        time.sleep(0.2)
    os.killpg(build.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130
    assert stderr.strip().splitlines() == ["kg: interrupted; the previous output is left as it was"]
