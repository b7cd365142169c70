"""Processes of a build besides its own: the extraction's worker pool, and one-off work
(the page) run in a process of its own.

* **The worker pool.**  :func:`extract_in_processes` runs the whole extraction (parse,
  entities, relations) in worker processes that each load the model once.  Only document
  texts go to a worker and only statements.jsonl lines come back; no ``Doc`` is pickled,
  which is what makes ``nlp.pipe(n_process=…)`` pay so little on a small model.
* **One-off work.**  :func:`run_in_process` runs a function in a new process, so that its
  peak memory goes back to the system when it is done instead of adding to this one's.

Nothing here imports spaCy: a build's own process never needs it when its workers parse,
and a process that only draws the page starts in a fraction of a second.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from kg.batching import batched
from kg.errors import KGError
from kg.types import Document

T = TypeVar("T")

# What is sent to a worker process at a time: at most this many documents or characters
# (a few seconds of parsing), so that the batches are even, a slow one holds nobody up for
# long and the last one leaves the other workers idle only briefly.  Batches in flight per
# worker: enough that every worker has the next batch queued while the parent collects
# results in input order, few enough to stream.
WORKER_DOCUMENTS = 64
WORKER_CHARACTERS = 50_000
BATCHES_IN_FLIGHT = 4


def start_worker() -> None:
    """Set up a worker process: Ctrl-C is the parent's to handle, and the worker leaves
    when its parent is gone."""
    # Ctrl-C reaches the whole process group: the parent alone handles it and stops its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A killed build (SIGKILL) cannot stop its workers: each leaves when its parent is gone
    # rather than work on for nobody.
    parent = os.getppid()

    def leave_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=leave_with_parent, name="kg-parent-watch", daemon=True).start()


def run_in_process(function: Callable[..., T], *args: Any, what: str) -> T:
    """``function(*args)`` run in a new process, its result returned and its exception
    raised here.  What the process allocated goes back to the system when it ends, so a
    stage with a high peak of its own does not add it to this process's.

    ``function`` must be importable by name from a module that does not import spaCy,
    or the new process pays for that import.  ``what`` names the work in errors.
    """
    context = multiprocessing.get_context("spawn")  # not fork: this process has threads (RocksDB's, the progress bar's)
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(send, function, args), name=f"kg {what}", daemon=True)
    process.start()
    send.close()
    try:
        try:
            succeeded, value = receive.recv()
        except EOFError:
            process.join()
            raise KGError(f"the process {what} stopped with exit code {process.exitcode} (out of memory?)") from None
        process.join()
    except BaseException:
        process.terminate()  # Ctrl-C or an error here: the work is not wanted any more
        process.join()
        raise
    finally:
        receive.close()
    if not succeeded:
        raise value
    return value


def _run(send: Connection, function: Callable[..., Any], args: tuple) -> None:
    start_worker()
    try:
        outcome = (True, function(*args))
    except Exception as error:  # noqa: BLE001 — raised again in the parent, with where it came from
        if not isinstance(error, KGError):
            error.add_note("in the worker process:\n" + traceback.format_exc().rstrip())
        outcome = (False, error)
    try:
        send.send(outcome)
    except Exception as error:  # noqa: BLE001 — a result or an exception that cannot be pickled
        send.send((False, KGError(f"{outcome[1]!r} (could not be sent back from the worker: {error})")))
    send.close()


# -- the extraction's worker pool --------------------------------------------------------


def extract_lines(documents: Iterable[Document], curation: Any = None) -> Iterator[tuple[Document, list[str]]]:
    """(document, its statements.jsonl lines), parsed in this process: what the pool's
    workers run, :func:`kg.extraction.extract_lines` imported on first use.  The pool
    sends it to a worker by name, so the worker imports this module, light, and spaCy,
    but not the build's RDF, store and page modules (19 MB it would never use).
    ``curation`` is the user's aliases and stop names (:class:`kg.gazetteer.Curation`)."""
    from kg import extraction

    return extraction.extract_lines(documents, curation=curation)


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
    :func:`extract_lines`.  Documents are read ahead only as far as the
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
