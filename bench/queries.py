"""The shipped queries (queries/*.rq) on a real build: the embedded store and an Oxigraph
server (loaded with `kg load`, started with and without --union-default-graph), timed.

    kg build /tmp/slices/c3000.jsonl --out /tmp/b3000 --quiet
    python bench/queries.py /tmp/b3000 [--timeout 60] [--old-queries DIR]

For each query and store: rows, distinct rows, wall seconds and CPU seconds (embedded: this
process; a server: the server process, read from /proc before and after).  A server's answer
must be the embedded store's (same rows as sets, as many rows); a query that times out is
reported as such.  ``--old-queries`` times another folder of .rq files the same way (the
queries before a change), for a before → after table.  ``--runs N`` keeps the fastest of N
(by CPU); ``--only attacks,all_facts`` times those queries only.  The machine's load average
is printed first and last: on a shared machine wall time is noisy, CPU time much less so.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import remote  # noqa: E402
from kg.sparql import bind_parameters  # noqa: E402
from kg.store import oxigraph_server, query_rows  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(folder: Path, union: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [oxigraph_server(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command + (["--union-default-graph"] if union else []),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("oxigraph server did not start")


def key(row: dict) -> str:
    return json.dumps(sorted((name, str(value)) for name, value in row.items()))


def process_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) of process ``pid``, or of this process when None."""
    if pid is None:
        return time.process_time()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(run, pid: int | None = None, runs: int = 1) -> tuple[list | None, float, float, str | None]:
    """(rows, wall s, CPU s, error) of the run with the least CPU time among ``runs``."""
    best = None
    for _ in range(runs):
        started, cpu = time.perf_counter(), process_cpu(pid)
        try:
            rows = run()
        except Exception as error:  # a timeout or a server that fell over: reported, not fatal
            return None, time.perf_counter() - started, process_cpu(pid) - cpu, f"{type(error).__name__}: {str(error)[:80]}"
        result = (rows, time.perf_counter() - started, process_cpu(pid) - cpu, None)
        if best is None or result[2] < best[2]:
            best = result
    return best


def load() -> str:
    return "load average " + " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--old-queries", type=Path, help="also time the .rq files of this folder")
    parser.add_argument("--runs", type=int, default=1, help="keep the fastest of N runs (by CPU time)")
    parser.add_argument("--only", default="", help="comma-separated query names (file stems) to time")
    parser.add_argument("--serve", action="store_true",
                        help="serve BUILD/store read-only (the README's oxigraph serve-read-only route) instead of loading servers")
    arguments = parser.parse_args()
    sets = [("now", ROOT / "queries")]
    if arguments.old_queries:
        sets.insert(0, ("before", arguments.old_queries))
    with tempfile.TemporaryDirectory() as scratch:
        servers = []
        if arguments.serve:
            port = free_port()
            process = subprocess.Popen([oxigraph_server(), "serve-read-only", "--location", str(arguments.build / "store"),
                                        "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            servers.append(("oxigraph served", process, url, remote.Client(timeout=arguments.timeout, retries=0)))
        for union in (() if arguments.serve else (True, False)):
            process, url = start(Path(scratch) / f"oxigraph-{union}", union)
            client = remote.Client(timeout=arguments.timeout, retries=0)
            started = time.perf_counter()
            remote.load(arguments.build, endpoint=f"{url}/store", client=client)
            print(f"loaded into oxigraph {'--union-default-graph' if union else '(default graph empty)'} "
                  f"in {time.perf_counter() - started:.1f} s", flush=True)
            servers.append((f"oxigraph{' union' if union else ''}", process, url, client))
        try:
            only = {name for name in arguments.only.split(",") if name}
            print(load(), flush=True)
            print(f"{'queries':7} {'query':16} {'store':16} {'rows':>8} {'distinct':>8} {'wall s':>8} {'CPU s':>7}  same as embedded")
            for label, folder in sets:
                for path in sorted(folder.glob("*.rq")):
                    if only and path.stem not in only:
                        continue
                    sparql = bind_parameters(path.read_text("utf-8"))
                    local, seconds, cpu, error = timed(lambda: query_rows(sparql, store=arguments.build / "store"),
                                                       runs=arguments.runs)
                    print(f"{label:7} {path.stem:16} {'embedded':16} {len(local) if local is not None else '-':>8} "
                          f"{len({key(r) for r in local}) if local is not None else '-':>8} {seconds:8.2f} {cpu:7.2f}  {error or ''}",
                          flush=True)
                    for name, process, url, client in servers:
                        rows, seconds, cpu, error = timed(lambda: remote.query_rows(sparql, endpoint=f"{url}/query", client=client),
                                                          pid=process.pid, runs=arguments.runs)
                        same = "" if rows is None or local is None else (
                            "yes" if {key(r) for r in rows} == {key(r) for r in local} and len(rows) == len(local)
                            else "sets equal, counts differ" if {key(r) for r in rows} == {key(r) for r in local} else "NO")
                        print(f"{label:7} {path.stem:16} {name:16} {len(rows) if rows is not None else '-':>8} "
                              f"{len({key(r) for r in rows}) if rows is not None else '-':>8} {seconds:8.2f} {cpu:7.2f}  {error or same}",
                              flush=True)
            print(load(), flush=True)
        finally:
            for _, process, _, _ in servers:
                process.kill()
                process.wait()


if __name__ == "__main__":
    main()
