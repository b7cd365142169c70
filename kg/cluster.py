"""`kg build --cluster`: the extraction on a Dask cluster, the outputs written here as always.

The build's own process (the Dask *client*) reads the input, keeps what the previous build
already has, and sends the texts of new and changed documents to the cluster in
partitions of whole documents.  Each worker process loads the model once (a worker
plugin, :class:`LoadModel`, also run on a worker that replaces a dead one) and runs
:func:`kg.extraction.extract_lines` on each partition it is given; only statements.jsonl
lines come back.  Partitions are collected in input order, a few per worker thread in
flight, so memory stays flat and the outputs (statements, RDF, store, page) are written
by the same code, in the same order, as a one-machine build: byte for byte the same.

The client reads the input, not the workers, because an incremental build needs every
document's hash before deciding what to send; text is cheap to ship next to the parse
(one core parses about 30 KB of text a second, so even a thousand cores take 30 MB/s).

A partition whose worker dies (killed, out of memory) is run again on another worker:
Dask allows :data:`ALLOWED_FAILURES` deaths per partition before giving up with
``KilledWorker``, which becomes a one-line error.  An exception raised by the extraction
itself is a bug in kg, the same on any worker: it is raised here, not retried.

``address`` is ``local:N`` (a ``LocalCluster`` of N worker processes on 127.0.0.1) or a
scheduler address (``tcp://HOST:8786``).  Needs ``dask[distributed]``: ``pip install 'kg[cluster]'``.
"""
from __future__ import annotations

import collections
import logging
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any


from kg.errors import KGError
from kg.types import Document
from kg import workers as kg_workers
from kg.workers import batched

log = logging.getLogger(__name__)

INSTALL = "pip install 'kg[cluster]'"
# A partition is at most this many documents or characters: a few seconds of one core's
# parsing, so that a lost partition costs little to redo and the last ones finish together.
PARTITION_DOCUMENTS = 64
PARTITION_CHARACTERS = 50_000  # as kg.workers.WORKER_CHARACTERS: at 100,000 the last one left a core idle ~3 s
PARTITIONS_IN_FLIGHT = 4  # per worker thread: the next ones queued while the client collects in order
# How many times a partition may lose its worker before the build gives up (Dask's
# distributed.scheduler.allowed-failures; set for local:N, a remote scheduler uses its own, default 3).
ALLOWED_FAILURES = 3
CONNECT_SECONDS = 60  # to reach the scheduler, and for the first worker to join it
# Dask settings for local:N (its workers get them from their nanny).  A worker's statistical
# profiler samples the running task's stack 100 times a second, deep in spaCy: off.  The
# event loops' tick, the memory and system monitors wake every process many times a second:
# slower.  And the nanny's environment for its worker without MALLOC_TRIM_THRESHOLD_, which
# Dask sets to 64 KB: glibc then gives every freed block back to the system and maps it
# again for the next batch (measured: 19x the page faults, sys CPU 5 % -> 15 % of the parse);
# :func:`restore_malloc` undoes it on workers started elsewhere.
# bench/SCALING.md gives the same as environment variables for workers started by hand.
LOCAL_CONFIG = {
    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}
THREADS_SECONDS = 5.0

try:  # the plugin's base class; without Dask, Cluster() says what to install before any use
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover — the `cluster` extra is not installed
    WorkerPlugin = object

_extracted = 0  # documents this worker process has extracted (read by the tests through client.run)


def extracted() -> int:
    """Documents extracted in this process by :func:`extract_partition` (and
    :func:`kg.parts.extract_part`) so far."""
    return _extracted


def count_extracted(documents: int) -> None:
    global _extracted
    _extracted += documents


def extract_partition(documents: list[Document], extract: Callable[[Iterable[Document]], Iterable[tuple[Document, list[str]]]]) -> list[list[str]]:
    """Run on a worker: the statements.jsonl lines of each document of one partition, in
    order, from ``extract`` (:func:`kg.workers.extract_lines`, or a partial of it)."""
    results = [lines for _, lines in extract(documents)]
    if len(results) != len(documents):
        raise RuntimeError(f"the extraction gave {len(results)} results for {len(documents)} documents")
    count_extracted(len(documents))
    return results


# glibc's mallopt parameters: at these sizes a parsing process keeps what it freed for its
# next batch (glibc's own default adapts the mmap threshold up to 32 MB; setting
# MALLOC_TRIM_THRESHOLD_ in the environment, as Dask's nanny does, turns that off).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD_BYTES = 32 * 2**20
TRIM_THRESHOLD_BYTES = 128 * 2**20


def restore_malloc() -> bool:
    """Undo a small MALLOC_TRIM_THRESHOLD_ in this process (a Dask nanny sets 64 KB for its
    worker): spaCy frees and allocates large arrays every batch, and with that setting each
    one goes back to the system and is faulted in again.  True if it was set and undone (glibc only)."""
    import os

    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
    except (OSError, AttributeError):  # not glibc: nothing to undo
        return False


class LoadModel(WorkerPlugin):
    """Sets up a worker when it starts (or joins, or replaces a dead one), not in its first
    task: glibc's allocator as a parse wants it (:func:`restore_malloc`), then the model."""

    name = "kg-load-model"

    def setup(self, worker: Any) -> None:
        from kg.nlp import load_model

        restore_malloc()
        load_model()


def parse_address(address: str) -> tuple[str, Any]:
    """``("local", N)`` for ``local:N``, ``("scheduler", URL)`` for a scheduler address.

    >>> parse_address("local:2"), parse_address("tcp://10.0.0.5:8786"), parse_address("10.0.0.5:8786")
    (('local', 2), ('scheduler', 'tcp://10.0.0.5:8786'), ('scheduler', 'tcp://10.0.0.5:8786'))
    """
    address = address.strip()
    if match := re.fullmatch(r"local:(\d+)", address):
        workers = int(match[1])
        if not 1 <= workers <= 1024:
            raise KGError(f"--cluster local:N takes 1 to 1024 worker processes, got {workers}")
        return "local", workers
    if re.fullmatch(r"(tcp|tls|ucx|ws|wss)://[^\s/]+:\d{1,5}/?", address):
        return "scheduler", address.rstrip("/")
    if re.fullmatch(r"[A-Za-z0-9.-]+:\d{1,5}", address):
        return "scheduler", f"tcp://{address}"
    raise KGError(f"--cluster takes local:N or a Dask scheduler address such as tcp://HOST:8786, got {address!r}")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise KGError(f"--cluster needs Dask's distributed scheduler, which is not installed: {INSTALL}") from None
    return distributed


class Cluster:
    """A connection to a Dask cluster for one build, made on first use and closed by :meth:`close`.

    Nothing is started until a document needs parsing: a rebuild with nothing new
    starts no cluster at all.
    """

    def __init__(self, address: str, *, quiet: bool = True) -> None:
        self.kind, self.target = parse_address(address)
        _distributed()
        self.address = address
        self.quiet = quiet
        self.client: Any = None
        self._local: Any = None
        self.dashboard: str | None = None
        self.partitions = 0  # sent to the cluster
        self.sent = 0  # documents sent to the cluster
        self._threads, self._asked = 1, -float("inf")

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def connect(self) -> Any:
        if self.client is not None:
            return self.client
        distributed = _distributed()
        import dask

        # Dask logs each worker's start and stop at INFO, and its own retries and restarts as
        # warnings and errors: shown with `kg -v`; otherwise what matters reaches the build as an error.
        verbose = logging.getLogger("kg").getEffectiveLevel() <= logging.INFO
        logging.getLogger("distributed").setLevel(logging.WARNING if verbose else logging.CRITICAL)
        try:
            if self.kind == "local":
                with dask.config.set(LOCAL_CONFIG):
                    self._local = distributed.LocalCluster(
                        n_workers=self.target, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address="127.0.0.1:0",
                        # a worker still beating when the scheduler has closed logs an ERROR with its traceback
                        silence_logs=logging.WARNING if verbose else logging.CRITICAL)
                self.client = distributed.Client(self._local, timeout=CONNECT_SECONDS)
            else:
                self.client = distributed.Client(self.target, timeout=CONNECT_SECONDS)
            self.client.register_plugin(LoadModel(), name=LoadModel.name)
            self.client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as error:
            self.close()
            raise KGError(f"cannot use the Dask cluster at {self.address}: {_one_line(error)}") from None
        services = self.client.scheduler_info().get("services", {})
        if "dashboard" in services and _has_dashboard():
            self.dashboard = self.client.dashboard_link
        if not self.quiet:
            where = f"; dashboard {self.dashboard}" if self.dashboard else ""
            from tqdm import tqdm  # above the progress bar, not through it

            tqdm.write(f"kg: cluster {self.address}: {self.threads()} worker thread(s){where}", file=sys.stderr)
        return self.client

    def threads(self) -> int:
        """Worker threads on the cluster now (asked again every few seconds: workers come and go)."""
        if self.client is None:
            return 0
        if time.monotonic() - self._asked > THREADS_SECONDS:
            self._threads = max(1, sum(self.client.nthreads().values()))
            self._asked = time.monotonic()
        return self._threads

    def extract_lines(self, documents: Iterable[Document], extract: Callable[..., Any] = kg_workers.extract_lines,
                      ) -> Iterator[tuple[Document, list[str]]]:
        """(document, its statements.jsonl lines) for each document, extracted on the cluster
        by ``extract`` (sent to the workers by name: a module-level function or a partial of
        one), streaming, in input order: the contract of :func:`kg.workers.extract_lines`."""
        partitions = batched(documents, PARTITION_DOCUMENTS, weight=lambda document: len(document.text),
                             limit=PARTITION_CHARACTERS)
        for (batch, _), results in self.run_in_order(extract_partition, ((batch, extract) for batch in partitions),
                                                     in_flight=PARTITIONS_IN_FLIGHT):
            if len(results) != len(batch):
                raise RuntimeError(f"the cluster returned {len(results)} results for {len(batch)} documents")
            yield from zip(batch, results)

    def run_in_order(self, function: Callable[..., Any], calls: Iterable[tuple], *, in_flight: int,
                     ) -> Iterator[tuple[tuple, Any]]:
        """(arguments, ``function(*arguments)``) for each tuple of ``calls``, run on the cluster,
        in order; at most ``in_flight`` calls per worker thread sent ahead.  A first argument
        that is a list of documents is a partition: counted in :attr:`sent`."""
        distributed = _distributed()
        build = uuid.uuid4().hex[:8]
        queue: collections.deque[tuple[int, tuple, Any]] = collections.deque()
        client = None  # connected on the first call: none, no cluster
        try:
            for number, arguments in enumerate(calls):
                client = client or self.connect()
                if isinstance(arguments[0], list):
                    self.partitions += 1
                    self.sent += len(arguments[0])
                key = f"kg-{function.__name__.replace('_', '-')}-{build}-{number:06d}"
                queue.append((number, arguments, client.submit(function, *arguments, key=key, pure=False)))
                if len(queue) >= self.threads() * in_flight:
                    yield _collect(*queue.popleft(), distributed=distributed)
            while queue:
                yield _collect(*queue.popleft(), distributed=distributed)
        finally:
            if queue and client is not None:  # an error or Ctrl-C: the calls still queued are not wanted
                client.cancel([future for _, _, future in queue])

    def broadcast(self, value: Any) -> Any:
        """``value`` sent to every worker once (a future to pass to :meth:`run_in_order`'s calls)."""
        return self.connect().scatter([value], broadcast=True, hash=False)[0]  # in a list: a dict would be many

    def close(self) -> None:
        client, local = self.client, self._local
        self.client = self._local = None
        if client is not None:
            client.close()
        if local is not None:
            local.close()


def _collect(number: int, arguments: tuple, future: Any, *, distributed: Any) -> tuple[tuple, Any]:
    try:
        return arguments, future.result()
    except distributed.KilledWorker:
        first = arguments[0]
        what = f" (documents {first[0].id!r} to {first[-1].id!r})" if isinstance(first, list) and first else ""
        raise KGError(f"partition {number}{what} lost its worker {ALLOWED_FAILURES + 1} times (out of memory?); "
                      "nothing was built") from None
    except distributed.client.FutureCancelledError:
        raise KGError(f"partition {number} was cancelled on the cluster (scheduler gone?); nothing was built") from None


def _has_dashboard() -> bool:
    try:
        import bokeh  # noqa: F401 — Dask's dashboard needs it
    except ImportError:
        return False
    return True


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


# -- a parts folder (kg/parts.py): the workers write the N-Quads themselves -------------------

# A part file is at most this many documents or characters of text: a few minutes of one
# core's parsing, a file of a few MB for the bulk loader.  Two partitions per worker
# thread in flight: parts are big, and the client holds their texts until they are done.
PART_DOCUMENTS = 10_000
PART_CHARACTERS = 8_000_000
PARTS_IN_FLIGHT = 2
