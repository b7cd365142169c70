"""`kg build --cluster local:2` against `kg build --workers 2` on the same slice, in one run,
and the part files' load rate into Oxigraph and Virtuoso.

    python bench/cluster.py                # 4 MB slice of the corpus (lines < 25,000), parts of 1 MB; slow
    python bench/cluster.py --mb 1 --parts-mb 0.5 --no-virtuoso

1. `kg build SLICE --format nq --workers 2` and `kg build SLICE --format nq --cluster local:2`,
   each in its own process, wall time from start to exit (the cluster's start-up, the
   model loaded in each worker, the outputs written: all of it).  Their statements.jsonl
   and kg.nq must be the same bytes.
2. `kg build SLICE --cluster local:2 --format nq --parts DIR` on a smaller slice (``--parts-mb``):
   the workers write the part files, which must hold the bytes of that slice's kg.nq.
3. The part files bulk-loaded into an Oxigraph store (pyoxigraph ``bulk_load``, the engine of
   `oxigraph load` and `kg serve`) and into Virtuoso (``ld_dir`` + ``rdf_loader_run``, when
   virtuoso-t is installed): quads per second.

Needs the ``cluster`` extra (``pip install -e '.[cluster]'``).  The corpus is for research use
only: the slice is written to a temporary folder and deleted afterwards.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from run import DEFAULT_CORPUS, write_slice  # noqa: E402

KG = [sys.executable, "-m", "kg"]
CORPUS_LINES_ALLOWED = 25_000  # lines past this one are held out
TARGET = 0.9  # --cluster local:2 speed ÷ --workers 2 speed


def timed_build(arguments: list[str], scratch: Path) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the build and every process it waited for (its
    workers): the CPU figure does not depend on what else runs on the machine."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*KG, "build", *arguments, "--quiet"], check=True, cwd=scratch, env=environment)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def part_files(folder: Path) -> list[Path]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [folder / entry["file"] for entry in manifest["parts"]]


def merged_ids(folder: Path) -> int:
    """How many entity ids the cross-document merge renamed in the parts (from the statements
    the workers wrote before it): with none, `concatenated = kg.nq` would not test it."""
    from kg.merge import KeyIndex
    from kg.parts import STATEMENTS, read_statements

    keys = KeyIndex()
    for file in sorted((folder / STATEMENTS).iterdir()):
        for _, lines in read_statements(file):
            for line in lines:
                keys.add_line(line)
    return len(keys.merges())


def load_oxigraph(folder: Path, scratch: Path) -> tuple[int, float]:
    import pyoxigraph

    store_folder = scratch / "oxigraph"
    started = time.perf_counter()
    store = pyoxigraph.Store(str(store_folder))
    for file in part_files(folder):
        with gzip.open(file, "rb") as data:
            store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    count = len(store)
    del store
    return count, seconds


def isql(port: int, command: str) -> str:
    done = subprocess.run(["isql-vt", f"127.0.0.1:{port}", "dba", "dba", f"exec={command}"],
                          capture_output=True, text=True, timeout=3600)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise SystemExit(f"isql: {command}: {done.stdout[-500:]} {done.stderr[-500:]}")
    return done.stdout


def load_virtuoso(folder: Path, scratch: Path) -> tuple[int, float] | None:
    if not (shutil.which("virtuoso-t") and shutil.which("isql-vt")):
        print("virtuoso-t / isql-vt not installed: Oxigraph only (bash .ci/system-deps installs them)")
        return None
    from servers import free_port, wait
    from tests.test_servers import VIRTUOSO_INI

    home = scratch / "virtuoso"
    home.mkdir()
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.format(dir=home, sql_port=sql_port, http_port=http_port).replace(
        f"DirsAllowed = ., {home}", f"DirsAllowed = ., {home}, {folder}")
    (home / "virtuoso.ini").write_text(ini)
    process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(home / "virtuoso.ini")],
                               cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", 120)
        started = time.perf_counter()
        isql(sql_port, f"ld_dir('{folder}', '*.nq.gz', 'urn:kg:unused'); rdf_loader_run(); checkpoint;")
        seconds = time.perf_counter() - started
        errors = isql(sql_port, "SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if "0 Rows" not in errors:
            raise SystemExit(f"Virtuoso's loader reported errors:\n{errors}")
        answer = isql(sql_port, "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } "
                                "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-news/document/')) };")
        count = int(next(line for line in answer.split("\n") if line.strip().isdigit()).strip())
        return count, seconds
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=4.0, help="MB of article text (default 4)")
    parser.add_argument("--parts-mb", type=float, default=1.0, help="MB of article text for the --parts build (default 1)")
    parser.add_argument("--no-virtuoso", action="store_true", help="skip the Virtuoso load")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus} (see --corpus)")
    with tempfile.TemporaryDirectory(prefix="kg-bench-cluster-") as name:
        scratch = Path(name)
        slice_path = scratch / "slice.jsonl"
        info = write_slice(args.corpus, args.mb, slice_path)
        assert info["documents"] < CORPUS_LINES_ALLOWED, "the slice reaches held-out corpus lines"
        words = info["words"]
        print(f"slice: {args.mb:g} MB, {info['documents']:,} documents, {words:,} words; "
              f"{os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M')}", flush=True)
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        workers, workers_cpu = timed_build([str(slice_path), "--out", "workers", "--format", "nq", "--workers", "2"], scratch)
        print(f"--workers 2:       {workers:6.1f} s  {words / workers:6,.0f} words/s  CPU {workers_cpu:6.1f} s", flush=True)
        cluster, cluster_cpu = timed_build([str(slice_path), "--out", "cluster", "--format", "nq", "--cluster", "local:2"], scratch)
        print(f"--cluster local:2: {cluster:6.1f} s  {words / cluster:6,.0f} words/s  CPU {cluster_cpu:6.1f} s; "
              f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
        same = all((scratch / "workers" / f).read_bytes() == (scratch / "cluster" / f).read_bytes()
                   for f in ("statements.jsonl", "documents.jsonl", "kg.nq"))
        ratio = workers / cluster
        print(f"cluster ÷ workers speed: {ratio:.2f} (target ≥ {TARGET}: {'met' if ratio >= TARGET else 'NOT met'}); "
              f"CPU: {workers_cpu / cluster_cpu:.2f}; outputs {'identical' if same else 'DIFFERENT'}", flush=True)
        small = scratch / "small.jsonl"
        small_info = write_slice(args.corpus, args.parts_mb, small)
        timed_build([str(small), "--out", "small", "--format", "nq", "--workers", "2"], scratch)
        parts, _ = timed_build([str(small), "--format", "nq", "--cluster", "local:2", "--parts", "parts"], scratch)
        files = part_files(scratch / "parts")
        size = sum(f.stat().st_size for f in files)
        joined = b"".join(gzip.decompress(f.read_bytes()) for f in files)
        parts_same = joined == (scratch / "small" / "kg.nq").read_bytes()
        merged = merged_ids(scratch / "parts")
        print(f"parts slice: {args.parts_mb:g} MB, {small_info['documents']:,} documents, {small_info['words']:,} words", flush=True)
        print(f"--parts: {parts:6.1f} s, {len(files)} part file(s), {size / 2**20:.1f} MB gzip "
              f"({len(joined) / 2**20:.1f} MB N-Quads); concatenated = kg.nq: {parts_same}; "
              f"ids merged across articles: {merged}", flush=True)
        quads, seconds = load_oxigraph(scratch / "parts", scratch)
        print(f"Oxigraph bulk_load of the parts: {quads:,} quads in {seconds:.1f} s, {quads / seconds:,.0f} quads/s", flush=True)
        if not args.no_virtuoso:
            loaded = load_virtuoso(scratch / "parts", scratch)
            if loaded:
                print(f"Virtuoso ld_dir + rdf_loader_run: {loaded[0]:,} quads in {loaded[1]:.1f} s, "
                      f"{loaded[0] / loaded[1]:,.0f} quads/s", flush=True)
    return 0 if same and parts_same else 1


if __name__ == "__main__":
    sys.exit(main())
