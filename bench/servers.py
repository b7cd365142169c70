"""Store building and loading into servers, side by side in one run.

    .venv/bin/python bench/servers.py                  # 300 synthetic documents
    .venv/bin/python bench/servers.py --documents 1000 --runs 3

1. Building the embedded store: `kg.store.build_store` (named graphs plus the union
   materialised in the default graph, both through `bulk_extend`) against two ways that
   hand pyoxigraph N-Quads bytes instead of Python quads, and against the named graphs
   alone (the cost of the union).
2. `kg load` of the same build into an Oxigraph server and into Virtuoso (when installed),
   Graph Store Protocol against the SPARQL Update fallback.

Synthetic documents: the sample statements of tests/data, renamed per document.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as px  # noqa: E402

from kg import remote  # noqa: E402
from kg.rdf import quads, write_build_record  # noqa: E402
from kg.store import build_store, oxigraph_server, with_union_graph  # noqa: E402


def synthetic(documents: int) -> tuple[list[dict], list[dict]]:
    sample = [json.loads(line) for line in (ROOT / "tests" / "data" / "statements_sample.jsonl").read_text().splitlines()]
    docs, statements = [], []
    for number in range(documents):
        doc = f"doc-{number}"
        docs.append({"id": doc, "title": f"Article {number}", "sha256": "a" * 64, "chars": 1000})
        for record in sample:
            statements.append(dict(record, doc=doc, id=f"{number}-{record['id']}"))
    return docs, statements


def strategy_bulk_extend_union(store: px.Store, data: list[px.Quad]) -> None:
    store.bulk_extend(with_union_graph(data))


def strategy_named_only(store: px.Store, data: list[px.Quad]) -> None:
    store.bulk_extend(data)


def strategy_nquads_bytes(store: px.Store, data: list[px.Quad]) -> None:
    nquads = px.serialize(data, format=px.RdfFormat.N_QUADS)
    store.bulk_load(nquads, format=px.RdfFormat.N_QUADS)
    store.bulk_load(re.sub(rb" <[^<>\"]*> \.\n", b" .\n", nquads), format=px.RdfFormat.N_TRIPLES)


def strategy_dump_per_graph(store: px.Store, data: list[px.Quad]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        nquads, union = Path(scratch) / "data.nq", Path(scratch) / "union.nt"
        with open(nquads, "wb") as output:
            px.serialize(data, output, format=px.RdfFormat.N_QUADS)
        store.bulk_load(path=str(nquads), format=px.RdfFormat.N_QUADS)
        with open(union, "wb") as output:
            for graph in store.named_graphs():
                store.dump(output, format=px.RdfFormat.N_TRIPLES, from_graph=graph)
        store.bulk_load(path=str(union), format=px.RdfFormat.N_TRIPLES)


STRATEGIES = {
    "build_store: bulk_extend + union (used)": strategy_bulk_extend_union,
    "N-Quads bytes + graph names cut": strategy_nquads_bytes,
    "N-Quads file + dump per graph": strategy_dump_per_graph,
    "named graphs only (no union)": strategy_named_only,
}


def bench_store(data: list[px.Quad], runs: int) -> None:
    times: dict[str, list[float]] = {name: [] for name in STRATEGIES}
    for _ in range(runs):
        for name, strategy in STRATEGIES.items():
            folder = tempfile.mkdtemp()
            started = time.perf_counter()
            store = px.Store(folder)
            strategy(store, data)
            store.flush()
            store.optimize()
            del store
            times[name].append(time.perf_counter() - started)
            shutil.rmtree(folder)
    base = min(times["build_store: bulk_extend + union (used)"])
    print(f"\nstore build, {len(data):,} quads, best of {runs}:")
    for name, values in times.items():
        print(f"  {name:42s} {min(values):6.2f} s  ×{min(values) / base:.2f}")


def wait(url: str, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} not up")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_servers(scratch: Path) -> list[tuple[str, str, dict, subprocess.Popen]]:
    servers = []
    port = free_port()
    process = subprocess.Popen([oxigraph_server(), "serve", "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
    servers.append(("oxigraph", f"http://127.0.0.1:{port}/store", {}, process))
    if shutil.which("virtuoso-t"):
        from tests.test_servers import VIRTUOSO_INI

        folder = scratch / "virtuoso"
        folder.mkdir()
        sql_port, http_port = free_port(), free_port()
        (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
        started = time.perf_counter()
        process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                   cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D")
        print(f"Virtuoso up in {time.perf_counter() - started:.1f} s (new database)")
        servers.append(("virtuoso", f"http://127.0.0.1:{http_port}/sparql-graph-crud-auth",
                        {"user": "dba", "password": "dba"}, process))
    else:
        print("virtuoso-t not installed: Oxigraph only (bash .ci/system-deps installs it)")
    return servers


def bench_load(out: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        servers = start_servers(Path(scratch))
        try:
            print(f"\nkg load, best of {runs}:")
            for name, endpoint, credentials, _ in servers:
                for protocol, graph_store in (("Graph Store Protocol", True), ("SPARQL Update", False)):
                    best, report = float("inf"), None
                    for _ in range(runs):
                        started = time.perf_counter()
                        report = remote.load(out, endpoint=endpoint, client=remote.Client(**credentials),
                                             loader=lambda c, w, g=graph_store: remote.Loader(c, w, graph_store=g))
                        best = min(best, time.perf_counter() - started)
                    print(f"  {name:9s} {protocol:21s} {report.graphs:5d} graphs {report.triples:9,d} triples "
                          f"{best:6.2f} s  {report.triples / best:9,.0f} triples/s")
        finally:
            for *_, process in servers:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    documents, statements = synthetic(options.documents)
    started = time.perf_counter()
    data = list(quads(documents, statements))
    print(f"{options.documents} documents, {len(statements):,} statements → {len(data):,} quads "
          f"in {time.perf_counter() - started:.2f} s (kg.rdf.quads, Python)")
    bench_store(data, options.runs)
    with tempfile.TemporaryDirectory() as out:
        build_store(Path(out) / "store", data)
        write_build_record(Path(out) / "build.trig", documents)
        bench_load(Path(out), options.runs)


if __name__ == "__main__":
    main()
