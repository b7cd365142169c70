"""One measurement in its own process, printed as one JSON line (bench/run.py starts these).

    python bench/probe.py raw --input slice.jsonl --unit paragraphs
    python bench/probe.py build --input slice.jsonl --out DIR --workers 1
    python bench/probe.py rdf --build DIR --scratch DIR
    python bench/probe.py query --build DIR --file queries/attacks.rq

Times are wall seconds (``wall``) and CPU seconds of this process, all threads (``cpu``).
Run in a fresh process each, so peak memory (taken by the parent with ``wait4``) is the
measurement's own.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

STARTED = time.perf_counter(), time.process_time()


class Clock:
    """Wall and CPU seconds accumulated over any number of intervals."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.process_time() - cpu

    def timed(self, items: Iterable) -> Iterator:
        """The items of ``items``, the time spent producing each added to this clock."""
        items = iter(items)
        while True:
            with self.running():
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item

    def record(self) -> dict[str, float]:
        return {"wall": round(self.wall, 3), "cpu": round(self.cpu, 3)}


class RssSampler(threading.Thread):
    """This process's resident memory, sampled every 0.1 s; the peak per named phase.

    Samples can miss a short spike, so each phase also records the process's exact peak
    so far (``ru_maxrss``) when it ends: where that jumps, the phase set a new peak.  The
    sum over this process and its worker processes, alive at the same moment, is sampled
    too (``tree_peak``): what the build asks of the machine at once, and each child
    process's own peak with its role (``children``).
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.phase = "start"
        self.peaks: dict[str, int] = {}
        self.peak_so_far: dict[str, int] = {}
        self.tree_peak = 0
        self.children: dict[str, dict] = {}
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.stopped = threading.Event()

    def rss(self, pid: int | str = "self") -> int:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * self.page

    def tree_rss(self) -> int:
        """Resident memory of this process and all its descendants, summed."""
        total, pending = 0, ["self"]
        while pending:
            pid = pending.pop()
            try:
                rss = self.rss(pid)
                total += rss
                if pid != "self":
                    if pid not in self.children:
                        self.children[pid] = {"role": self.role(pid), "peak": 0}
                    self.children[pid]["peak"] = max(self.children[pid]["peak"], rss)
                for task in Path(f"/proc/{pid}/task").iterdir():
                    pending += (task / "children").read_text().split()
            except OSError:  # the process ended meanwhile
                continue
        return total

    def role(self, pid: str) -> str:
        """What a child process is: multiprocessing's resource tracker, else a worker
        (started while extracting) or the page's process."""
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            if b"resource_tracker" in f.read():
                return "resource tracker"
        return {"extract": "worker", "page": "page"}.get(self.phase, self.phase)

    def sample(self) -> None:
        self.peaks[self.phase] = max(self.peaks.get(self.phase, 0), self.rss())
        self.tree_peak = max(self.tree_peak, self.tree_rss())

    def run(self) -> None:
        while not self.stopped.wait(0.1):
            self.sample()

    def enter(self, phase: str) -> None:
        self.sample()
        self.peak_so_far[self.phase] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        self.phase = phase
        self.sample()

    def record(self) -> dict[str, dict[str, float]]:
        self.enter("end")
        return {phase: {"sampled": round(peak / 2**20, 1), "peak_so_far": round(self.peak_so_far.get(phase, 0) / 2**20, 1)}
                for phase, peak in self.peaks.items() if phase != "end"}


def words_of(text: str) -> int:
    """Words as the corpus README counts them."""
    return len(text.split())


def read_slice(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# -- raw spaCy --------------------------------------------------------------------------


def part_of(records: list[dict], part: str) -> list[dict]:
    """Part ``i/n`` of the records: each record goes to the part with the fewest words so far."""
    index, count = map(int, part.split("/"))
    words = [0] * count
    chosen = []
    for record in records:
        lightest = words.index(min(words))
        words[lightest] += words_of(record["text"])
        if lightest == index:
            chosen.append(record)
    return chosen



def raw(args: argparse.Namespace) -> dict:
    """``nlp.pipe`` alone over the slice's texts, with the model and components kg uses."""
    from kg.documents import clean
    from kg.nlp import BATCH_SIZE, load_model, paragraph_texts
    from kg.types import Document

    load = Clock()
    with load.running():
        nlp = load_model()
    records = part_of(read_slice(args.input), args.part)
    words = sum(words_of(r["text"]) for r in records)
    if args.unit == "paragraphs":  # exactly the texts kg build hands to the parser
        texts = [text for r in records for _, text in paragraph_texts(Document(id=r["id"], text=clean(r["text"])))]
        options = {"batch_size": BATCH_SIZE}
    else:  # whole articles, spaCy's default batching: what a user would write first
        texts = [r["text"] for r in records]
        options = {}
    pipe = Clock()
    tokens = 0
    with pipe.running():
        for doc in nlp.pipe(texts, **options):
            tokens += len(doc)
    return {"unit": args.unit, "texts": len(texts), "words": words, "tokens": tokens, "load": load.record(), **pipe.record()}


# -- kg build, phase by phase -------------------------------------------------------------


def build(args: argparse.Namespace) -> dict:
    """`kg build` as the CLI runs it, with clocks around its stages (nothing else changed)."""
    import kg.pipeline
    from kg import rdf, store
    from kg.cli import main

    imports = time.perf_counter() - STARTED[0], time.process_time() - STARTED[1]
    sampler = RssSampler()
    sampler.start()
    clocks = {name: Clock() for name in ("setup", "read", "parse", "extract", "add", "nquads", "files", "store", "finish", "page")}

    setup = clocks["setup"]
    # One worker parses in this process only for small inputs (kg.pipeline.SEPARATE_PROCESS_BYTES).
    inline = args.workers == 1 and not ((os.cpu_count() or 1) > 1 and kg.pipeline.input_bytes(
        [args.input], enough=kg.pipeline.SEPARATE_PROCESS_BYTES) >= kg.pipeline.SEPARATE_PROCESS_BYTES)
    if inline:
        # The one-time costs, paid first so they are not mixed into the per-document ones.
        from kg.entities import EntityResolver
        from kg.nlp import load_model

        sampler.enter("setup")
        with setup.running():
            EntityResolver(load_model())

    def wrap_generator(function: Callable, clock: Clock, *, inner: str | None = None, phase: str | None = None) -> Callable:
        def wrapper(documents, *a, **k):
            if inner:
                documents = clocks[inner].timed(documents)
            if phase:
                sampler.enter(phase)
            return clock.timed(function(documents, *a, **k))

        return wrapper

    def wrap_call(function: Callable, clock: Clock, phase: str | None = None) -> Callable:
        def wrapper(*a, **k):
            if phase:
                sampler.enter(phase)
            with clock.running():
                return function(*a, **k)

        return wrapper

    # The time in parse() includes reading the documents it pulls, the time in
    # extract_documents() includes parse(): the differences are taken below.  Output work
    # happens a document at a time between extractions (Outputs.add), then once (finish).
    if inline:  # with worker processes, the parsing happens in them, out of reach of these clocks
        import kg.extraction

        kg.extraction.parse = wrap_generator(kg.extraction.parse, clocks["parse"], inner="read")
        kg.extraction.extract_documents = wrap_generator(kg.extraction.extract_documents, clocks["extract"], phase="extract")
    else:
        sampler.enter("extract")
    outputs = kg.pipeline.Outputs
    outputs.add = wrap_call(outputs.add, clocks["add"])
    outputs.finish = wrap_call(outputs.finish, clocks["finish"], "finish: store, files")
    rdf.document_nquads = wrap_call(rdf.document_nquads, clocks["nquads"])
    for name in ("add", "close"):
        setattr(rdf.BlockFile, name, wrap_call(getattr(rdf.BlockFile, name), clocks["files"]))
    for name in ("__init__", "add", "remove_graph", "close"):
        setattr(store.StoreWriter, name, wrap_call(getattr(store.StoreWriter, name), clocks["store"]))
    outputs.draw_page = wrap_call(outputs.draw_page, clocks["page"], "page")  # a big build's page: in a process of its own

    total = Clock()
    command = ["build", str(args.input), "--out", str(args.out), "-q", "--workers", str(args.workers), *args.extra]
    with total.running():
        try:
            main(command, standalone_mode=False)
        except SystemExit as stop:
            if stop.code:
                raise
    sampler.stopped.set()
    out = Path(args.out)
    documents = sum(1 for _ in open(out / "documents.jsonl", encoding="utf-8"))
    statements = sum(1 for _ in open(out / "statements.jsonl", encoding="utf-8"))
    c = {name: clock.record() for name, clock in clocks.items()}

    def minus(a: dict, *others: dict) -> dict:
        return {k: round(a[k] - sum(o[k] for o in others), 3) for k in ("wall", "cpu")}

    output = {k: c["add"][k] + c["finish"][k] for k in ("wall", "cpu")}
    extraction_phase = minus(total.record(), output)  # everything but the output work
    phases = {
        "imports": {"wall": round(imports[0], 3), "cpu": round(imports[1], 3)},
        "setup (model, gazetteer, matcher)": c["setup"],
    }
    if inline:
        phases |= {
            "read documents": c["read"],
            "spaCy parse": minus(c["parse"], c["read"]),
            "entities and relations": minus(c["extract"], c["parse"]),
            "progress, reuse, CLI": minus(extraction_phase, c["extract"]),
        }
    else:
        phases |= {"extraction in worker processes (as this one waits for it)": extraction_phase}
    phases |= {
        "RDF as N-Quads text": c["nquads"],
        "RDF files": c["files"],
        "store": c["store"],
        "graph page": c["page"],
        "statements.jsonl, documents.jsonl, build record": minus(output, c["nquads"], c["files"], c["store"], c["page"]),
    }
    return {
        "workers": args.workers,
        "inline": inline,
        "documents": documents,
        "statements": statements,
        **total.record(),
        "extraction": extraction_phase,
        "phases": phases,
        "rss_peak_mb": sampler.record(),
        "rss_tree_peak_mb": round(sampler.tree_peak / 2**20, 1),
        "rss_children_peak_mb": [
            {"role": child["role"], "peak": round(child["peak"] / 2**20, 1)}
            for _, child in sorted(sampler.children.items(), key=lambda item: int(item[0]))
        ],
    }


# -- RDF: our serialisation and loading vs pyoxigraph's own parser ------------------------


def rdf_rates(args: argparse.Namespace) -> dict:
    import pyoxigraph

    from kg import rdf, store
    from kg.types import read_jsonl

    folder = Path(args.build)
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)

    def blocks():
        """What a build does per document: records → N-Quads text, UTF-8."""
        for _, text in rdf.nquads_blocks(read_jsonl(folder / "documents.jsonl"), read_jsonl(folder / "statements.jsonl")):
            yield rdf.encode(text)

    statements = sum(1 for _ in open(folder / "statements.jsonl", encoding="utf-8"))
    result: dict = {"statements": statements}
    nq = scratch / "kg.nq"

    clock = Clock()
    with clock.running():
        file = rdf.BlockFile(nq, "nq")
        for data in blocks():
            file.add(data)
        file.close()
    result["ours: records to N-Quads file"] = clock.record()
    result["nq_mb"] = round(nq.stat().st_size / 1e6, 1)
    count = sum(1 for _ in open(nq, "rb"))
    result["quads"] = count
    clock = Clock()
    with clock.running():
        writer = store.StoreWriter(scratch / "store")
        for data in blocks():
            writer.add(data)
        writer.close()
    result["ours: records to store"] = clock.record()

    clock = Clock()
    with clock.running():
        parsed = sum(1 for _ in pyoxigraph.parse(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS))
    assert parsed == count, (parsed, count)
    result["pyoxigraph: parse N-Quads"] = clock.record()
    clock = Clock()
    with clock.running():
        target = pyoxigraph.Store(str(scratch / "bulk"))
        target.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
        target.flush()
        target.optimize()
        del target
    result["pyoxigraph: bulk_load N-Quads file"] = clock.record()
    if args.rdflib:
        import rdflib

        clock = Clock()
        with clock.running():
            dataset = rdflib.Dataset()
            dataset.parse(nq, format="nquads")
        result["rdflib: parse N-Quads"] = clock.record()
    return result


# -- queries --------------------------------------------------------------------------


def queries(args: argparse.Namespace) -> dict:
    """One query: its row count (first run, which also warms the store) and run times."""
    from kg.store import open_store, query

    opened = open_store(Path(args.build) / "store")
    sparql = Path(args.file).read_text(encoding="utf-8")
    start = time.perf_counter()
    rows = query(sparql, store=opened, format="csv").count("\n") - 1
    first = time.perf_counter() - start
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        query(sparql, store=opened, format="table")
        times.append(time.perf_counter() - start)
    return {"rows": rows, "first_ms": round(1000 * first, 1),
            "median_ms": round(1000 * statistics.median(times), 1), "max_ms": round(1000 * max(times), 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("raw")
    p.add_argument("--input", type=Path, required=True)
    p.add_argument("--unit", choices=("paragraphs", "articles"), default="paragraphs")
    p.add_argument("--part", default="0/1", help="only part I of N of the documents, balanced by words")
    p.set_defaults(run=raw)
    p = commands.add_parser("build")
    p.add_argument("--input", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("extra", nargs="*", help="more `kg build` options, after --")
    p.set_defaults(run=build)
    p = commands.add_parser("rdf")
    p.add_argument("--build", required=True)
    p.add_argument("--scratch", required=True)
    p.add_argument("--rdflib", action="store_true", help="also time rdflib's N-Quads parser")
    p.set_defaults(run=rdf_rates)
    p = commands.add_parser("query")
    p.add_argument("--build", required=True)
    p.add_argument("--file", required=True, help="a .rq file")
    p.add_argument("--repeat", type=int, default=5)
    p.set_defaults(run=queries)
    args = parser.parse_args(argv)
    result = args.run(args)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
