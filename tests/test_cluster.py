"""kg build --cluster (kg/cluster.py) on a LocalCluster of two worker processes on 127.0.0.1:
the same output as a one-machine build, a worker killed mid-build, incremental rebuilds,
part files; and the one-line errors without Dask or with a bad address."""
from __future__ import annotations

import gzip
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import cluster as kg_cluster, parts
from kg.cli import main
from kg.errors import KGError
from kg.ontology import DOCUMENT_NS
from kg.pipeline import BuildReport, build

ROOT = Path(__file__).resolve().parent.parent
COMPARED = ("statements.jsonl", "documents.jsonl", "kg.nq", "kg.ttl")


# -- model-free: addresses and a missing Dask -----------------------------------------------

@pytest.mark.parametrize(("address", "expected"), [
    ("local:2", ("local", 2)),
    ("tcp://10.0.0.5:8786", ("scheduler", "tcp://10.0.0.5:8786")),
    ("tls://scheduler.example:8786/", ("scheduler", "tls://scheduler.example:8786")),
    ("10.0.0.5:8786", ("scheduler", "tcp://10.0.0.5:8786")),
])
def test_an_address_names_a_local_cluster_or_a_scheduler(address, expected):
    assert kg_cluster.parse_address(address) == expected


@pytest.mark.parametrize("address", ["local:0", "local", "local:two", "http://10.0.0.5:8786", "tcp://host", "", "10.0.0.5"])
def test_a_bad_address_is_a_clear_error(address):
    with pytest.raises(KGError, match="--cluster"):
        kg_cluster.parse_address(address)


def test_without_dask_cluster_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    article = tmp_path / "a.txt"
    article.write_text("Russia struck targets in Syria.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(article), "--out", str(tmp_path / "out"), "--cluster", "local:2"])
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == ["kg: error: --cluster needs Dask's distributed scheduler, "
                                                  "which is not installed: pip install 'kg[cluster]'"]
    assert not (tmp_path / "out" / "statements.jsonl").exists()


@pytest.mark.parametrize(("options", "message"), [
    (["--parts", "P", "--format", "nq"], "--parts needs --cluster and --format nq"),
    (["--parts", "P", "--cluster", "local:2"], "--parts needs --cluster and --format nq"),
    (["--cluster", "local:2", "--workers", "2"], "--workers is for parsing on this machine"),
])
def test_options_that_do_not_go_together_are_refused(options, message, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Russia struck targets in Syria.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(article), "--out", str(tmp_path / "out"), *options])
    assert result.exit_code == 2 and len(result.output.splitlines()) == 1
    assert result.output.startswith(f"kg: error: {message}")
    assert not (tmp_path / "out").exists() and not (tmp_path / "P").exists()


# -- on a LocalCluster of two worker processes -------------------------------------------------

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def dask_cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as local, distributed.Client(local) as client:
        yield local, client


@pytest.fixture(autouse=True)
def small_partitions(monkeypatch):
    # several partitions per worker even on a small input, so that order and retries matter
    monkeypatch.setattr(kg_cluster, "PARTITION_DOCUMENTS", 3)


def paragraphs(folder: Path) -> list[str]:
    found = []
    for file in sorted(folder.iterdir()):
        if file.suffix in (".txt", ".md"):
            found += [p.strip() for p in file.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    return found


def write_corpus_slice(path: Path, sources: list[str], *, count: int = 24, changed: dict[int, str] | None = None) -> None:
    """A JSON Lines file shaped like the news corpus (id, title, date, url, text), its
    articles made of paragraphs of the seed and example articles in varying combinations,
    with the lines a real corpus has: a broken one, one without text, a duplicate id."""
    lines = []
    for number in range(count):
        body = [sources[(number * 7 + k) % len(sources)] for k in range(2 + number % 3)]
        text = (changed or {}).get(number) or "\n\n".join(body)
        lines.append(json.dumps({"id": f"news-{number:03d}", "title": f"Report {number}", "date": f"2026-11-{1 + number % 28:02d}",
                                 "url": f"https://news.example/{number}", "text": text}, ensure_ascii=False))
        if number == 5:
            lines += ['{"id": "broken", "text": "unterminated', json.dumps({"id": "no-text"}),
                      json.dumps({"id": "news-001", "text": "A duplicate id is skipped."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def corpus_slice(tmp_path_factory, seeds) -> Path:
    path = tmp_path_factory.mktemp("slice") / "news.jsonl"
    write_corpus_slice(path, paragraphs(seeds) + paragraphs(ROOT / "examples"))
    return path


@pytest.fixture(scope="module")
def local_builds(tmp_path_factory, seeds, corpus_slice) -> dict[str, BuildReport]:
    """One-machine builds (one worker) of the seeds and of the slice, to compare with."""
    return {which: build([source], out=tmp_path_factory.mktemp(f"local-{which}"), formats=("nq", "ttl"), quiet=True, workers=1)
            for which, source in (("seeds", seeds), ("slice", corpus_slice))}


def assert_same_outputs(built: Path, expected: Path) -> None:
    for name in COMPARED:
        assert (built / name).read_bytes() == (expected / name).read_bytes(), name


def workers_extracted(client) -> int:
    return sum(client.run(kg_cluster.extracted).values())


@pytest.mark.model
@pytest.mark.parametrize("which", ["seeds", "slice"])
def test_a_cluster_build_is_byte_for_byte_a_local_build(which, dask_cluster, seeds, corpus_slice, local_builds, tmp_path):
    local, client = dask_cluster
    source = seeds if which == "seeds" else corpus_slice
    before = workers_extracted(client)
    report = build([source], out=tmp_path / "cluster", formats=("nq", "ttl"), quiet=True, cluster=local.scheduler_address)
    assert_same_outputs(tmp_path / "cluster", local_builds[which].out)
    one_machine = local_builds[which]
    assert report.documents == one_machine.documents == (24 if which == "slice" else 2)
    assert report.statements == one_machine.statements > 0
    assert report.skipped == one_machine.skipped and len(report.skipped) == (3 if which == "slice" else 0)
    assert workers_extracted(client) - before == report.documents  # parsed there, not here


@pytest.mark.model
def test_an_incremental_rebuild_sends_only_new_and_changed_documents(dask_cluster, seeds, corpus_slice, tmp_path):
    local, client = dask_cluster
    sources = paragraphs(seeds) + paragraphs(ROOT / "examples")
    out = tmp_path / "cluster"
    build([corpus_slice], out=out, formats=("nq",), quiet=True, cluster=local.scheduler_address)
    edited = tmp_path / "news.jsonl"
    # article 3 rewritten, article 24 new, article 23 gone
    write_corpus_slice(edited, sources, count=23, changed={3: "Ukraine shot down drones over Kyiv, officials said."})
    with edited.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "news-024", "text": "Israel struck Hezbollah positions in Lebanon."}) + "\n")
    before = workers_extracted(client)
    report = build([edited], out=out, formats=("nq",), quiet=True, cluster=local.scheduler_address)
    assert workers_extracted(client) - before == 2
    assert report.reused == report.documents - 2
    build([edited], out=tmp_path / "local", formats=("nq",), quiet=True, workers=1)
    for name in ("statements.jsonl", "documents.jsonl", "kg.nq"):
        assert (out / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


@pytest.mark.model
def test_part_files_hold_the_local_builds_quads_and_load_and_serve(dask_cluster, corpus_slice, local_builds, tmp_path):
    local, _ = dask_cluster
    folder = tmp_path / "parts"
    report = kg_cluster.build_parts([corpus_slice], parts=folder, cluster=local.scheduler_address, quiet=True,
                                    part_documents=5, part_characters=10**9)
    manifest = parts.manifest(folder)
    files = [folder / entry["file"] for entry in manifest["parts"]]
    assert [f.name for f in files] == [f"part-{i:05d}.nq.gz" for i in range(len(files))] and len(files) == 5
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(f.name for f in files), "manifest.json"])
    # the same bytes as kg.nq: the slice gives the cross-document merge (which part files skip) nothing to do
    assert b"".join(gzip.decompress(f.read_bytes()) for f in files) == (local_builds["slice"].out / "kg.nq").read_bytes()
    assert manifest["documents"] == report.documents == 24 and manifest["statements"] == report.statements
    assert sum(entry["documents"] for entry in manifest["parts"]) == 24
    # what `kg load` sends: the local build's document graphs, the same triples in each
    from kg.remote import build_graphs

    def triples(graphs):
        return {name: sorted(data.decode().splitlines()) for name, data in graphs}

    expected = {name: lines for name, lines in triples(build_graphs(local_builds["slice"].out)).items() if name.startswith(DOCUMENT_NS)}
    assert triples(build_graphs(folder)) == expected and len(expected) == 24
    # what `kg serve` and `kg query` use: a store made from the parts on first use
    result = CliRunner().invoke(main, ["query", "--out", str(folder), "--format", "csv",
                                       "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg-news/ontology#Statement> }"])
    assert result.exit_code == 0 and result.output.split()[-1] == str(report.statements)


@pytest.mark.model
def test_a_worker_killed_mid_build_loses_nothing(dask_cluster, corpus_slice, local_builds, tmp_path, monkeypatch):
    local, client = dask_cluster
    monkeypatch.setattr(kg_cluster, "PARTITION_DOCUMENTS", 1)
    pids = client.run(os.getpid)
    before = workers_extracted(client)
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["report"] = build([corpus_slice], out=tmp_path / "cluster", formats=("nq", "ttl"), quiet=True,
                                      cluster=local.scheduler_address)
        except BaseException as error:  # noqa: BLE001 — reported by the test below
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and thread.is_alive() and time.monotonic() < deadline:
        busy = [address for address, keys in client.processing().items() if any("kg-extract" in str(k) for k in keys)]
        if busy and workers_extracted(client) - before >= 2:  # mid-build: some partitions done, some on a worker
            killed = pids[busy[0]]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.05)
    thread.join(timeout=300)
    assert killed is not None, "the build ended before a worker could be killed"
    assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
    assert_same_outputs(tmp_path / "cluster", local_builds["slice"].out)
    client.wait_for_workers(2, timeout=120)
    assert killed not in client.run(os.getpid).values()  # the nanny started a new worker process


@pytest.mark.model
def test_local_n_starts_a_cluster_of_its_own_on_127_0_0_1(seeds, local_builds, tmp_path, monkeypatch):
    started = []
    real = distributed.LocalCluster

    def recording(*args, **kwargs):
        cluster = real(*args, **kwargs)
        started.append([cluster.scheduler_address, *cluster.scheduler_info["workers"]])
        return cluster

    monkeypatch.setattr(distributed, "LocalCluster", recording)
    result = CliRunner().invoke(main, ["build", str(seeds), "--out", str(tmp_path / "out"), "--format", "nq",
                                       "--format", "ttl", "--cluster", "local:1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("kg: cluster local:1: 1 worker thread(s)")  # and the dashboard, with bokeh
    assert_same_outputs(tmp_path / "out", local_builds["seeds"].out)
    assert len(started) == 1 and len(started[0]) == 2
    assert all(address.startswith("tcp://127.0.0.1:") for address in started[0])
