"""Scale-out in miniature: kg's extraction on a Dask cluster, one N-Quads file per partition.

    python bench/scale_out.py                       # 0.5 MB of the corpus, 2 local workers
    python bench/scale_out.py --mb 2 --workers 2 --partitions 8 --check

The same shape runs on a real cluster (bench/SCALING.md): each worker process loads the
model once and turns a partition of JSON lines into an N-Quads file; every document is its
own named graph, so the partition files are disjoint and can be bulk-loaded side by side
(Virtuoso's loader, QLever's index builder, or here pyoxigraph's ``bulk_load``).  With
``--check`` the union of the partition files is compared with `kg build --format nq` of the
same slice, quad for quad.

Needs the ``bench`` extra (``pip install -e '.[bench]'``, which brings dask.distributed).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"


def corpus_prefix(corpus: Path, mb: float) -> list[str]:
    """The first JSON lines of the corpus, up to ``mb`` MB of article text (as bench/run.py slices)."""
    lines, size = [], 0
    with gzip.open(corpus, "rt", encoding="utf-8") as source:
        for line in source:
            if size >= mb * 1_000_000:
                break
            size += len(json.loads(line)["text"].encode("utf-8"))
            lines.append(line)
    return lines


def extract_partition(lines: list[str], out: str, index: int) -> dict:
    """Run on a worker: JSON lines → documents → statements → ``out/part-INDEX.nq``."""
    from kg import rdf
    from kg.documents import clean
    from kg.extraction import extract_documents
    from kg.types import Document

    start = time.perf_counter()
    documents = []
    for line in lines:
        record = json.loads(line)
        documents.append(Document(id=str(record["id"]), text=clean(record["text"]), title=record.get("title"),
                                  source=record.get("source"), date=record.get("date")))
    target = Path(out) / f"part-{index:05d}.nq"
    file, count = rdf.BlockFile(target, "nq"), 0  # written a document at a time, as kg build does
    for document, statements in extract_documents(documents):
        file.add(rdf.encode(rdf.document_nquads(document.id, document.to_record(), statements)))
        count += len(statements)
    file.close()
    return {"partition": index, "documents": len(documents), "statements": count,
            "worker_pid": os.getpid(), "seconds": round(time.perf_counter() - start, 1), "file": str(target)}


def run(args: argparse.Namespace) -> int:
    from dask.distributed import Client, LocalCluster
    import pyoxigraph

    lines = corpus_prefix(args.corpus, args.mb)
    partitions = [lines[i::args.partitions] for i in range(args.partitions)]  # round robin: similar sizes
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    print(f"{len(lines)} documents, {words:,} words, {args.partitions} partitions, {args.workers} workers")
    with tempfile.TemporaryDirectory(prefix="kg-scale-out-") as scratch:
        out = Path(scratch) / "parts"
        out.mkdir()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            start = time.perf_counter()
            futures = [client.submit(extract_partition, part, str(out), i, pure=False) for i, part in enumerate(partitions)]
            results = client.gather(futures)
            wall = time.perf_counter() - start
        busy = sum(r["seconds"] for r in results)
        for r in results:
            print(f"  partition {r['partition']}: {r['documents']} documents, {r['statements']} statements, "
                  f"{r['seconds']} s in worker pid {r['worker_pid']}")
        pids = {r["worker_pid"] for r in results}
        print(f"extraction: {wall:.0f} s wall, {busy:.0f} s of work in {len(pids)} worker processes "
              f"(parallelism {busy / wall:.2f}); {words / wall:,.0f} words/s")

        # Bulk-load the partition files side by side into one store, as a big store's loader would.
        start = time.perf_counter()
        store = pyoxigraph.Store(str(Path(scratch) / "store"))
        for r in results:
            store.bulk_load(path=r["file"], format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        loaded = len(store)
        statements = next(iter(store.query(
            "SELECT (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/kg-news/ontology#Statement> } }")))[0].value
        print(f"bulk load: {loaded:,} quads from {len(results)} files in {time.perf_counter() - start:.1f} s; "
              f"{statements} kg:Statement nodes")
        assert int(statements) == sum(r["statements"] for r in results)

        if args.check:
            slice_path = Path(scratch) / "slice.jsonl"
            slice_path.write_text("".join(lines), encoding="utf-8")
            single = Path(scratch) / "single"
            subprocess.run([sys.executable, "-m", "kg", "build", str(slice_path), "--out", str(single), "--format", "nq", "-q"],
                           check=True, cwd=scratch)
            whole = set(pyoxigraph.parse(path=str(single / "kg.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
            parts = set()
            for r in results:
                parts.update(pyoxigraph.parse(path=r["file"], format=pyoxigraph.RdfFormat.N_QUADS))
            if whole != parts:
                print(f"MISMATCH: {len(whole - parts)} quads only in the single build, {len(parts - whole)} only in the partitions")
                return 1
            print(f"check: the partition files hold exactly the quads of `kg build --format nq` ({len(whole):,})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=0.5, help="MB of article text to process (default 0.5)")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes (default 2)")
    parser.add_argument("--partitions", type=int, default=4, help="partitions of the input (default 4)")
    parser.add_argument("--check", action="store_true", help="compare with a single-process `kg build --format nq`")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus} (see --corpus)")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
