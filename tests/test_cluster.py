"""kg build --cluster (kg/cluster.py) on a LocalCluster of two worker processes on 127.0.0.1:
the same output as a one-machine build, a worker killed mid-build, incremental rebuilds,
part files; and the one-line errors without Dask or with a bad address."""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.pipeline
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


FREE_AND_ALLOCATE = """
import resource, sys
from kg.cluster import restore_malloc
restored = restore_malloc() if sys.argv[1] == "restore" else None
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(100):
    block = b"x" * (4 * 2**20)  # every page written, then freed
    del block
print(restored, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_worker_keeps_the_memory_it_frees_whatever_the_nanny_sets(tmp_path):
    # a Dask nanny starts its worker with MALLOC_TRIM_THRESHOLD_=65536: each freed block goes
    # back to the system and is faulted in again; the worker plugin undoes it
    def run(how: str, environment: dict) -> tuple[str, int]:
        done = subprocess.run([sys.executable, "-c", FREE_AND_ALLOCATE, how], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT), **environment})
        restored, faults = done.stdout.split()
        return restored, int(faults)

    nanny = {"MALLOC_TRIM_THRESHOLD_": "65536"}
    plain, given, restored = run("none", {}), run("none", nanny), run("restore", nanny)
    assert given[1] > 50 * 1024 and plain[1] < 10 * 1024  # 1,024 pages a block: each one faulted in again
    assert restored == ("True", pytest.approx(plain[1], abs=2048))
    assert run("restore", {})[0] == "False"  # nothing set, nothing to undo


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


# Two articles whose people the cross-document merge makes one ("Sanders" is Bernie Sanders):
# part files must carry the merge too.
SANDERS = {"id": "sanders-2", "text": "On Tuesday, Sanders accused Amazon of exploiting workers."}
BERNIE = {"id": "sanders-1", "text": "Senator Bernie Sanders criticised Hillary Clinton on Monday. "
                                     "Sanders accused Amazon of exploiting workers."}


def with_articles(path: Path, source: Path, first: list[dict], last: list[dict] = ()) -> Path:
    lines = [json.dumps(article) + "\n" for article in first]
    path.write_text("".join(lines) + source.read_text(encoding="utf-8") + "".join(json.dumps(a) + "\n" for a in last),
                    encoding="utf-8")
    return path


def part_quads(folder: Path) -> list[bytes]:
    return [gzip.decompress((folder / entry["file"]).read_bytes()) for entry in parts.manifest(folder)["parts"]]


def subject_ids(lines) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for record in map(json.loads, lines):
        found.setdefault(record["doc"], set()).add(record["subject"]["id"])
    return found


def statements_before_the_merge(folder: Path) -> list[str]:
    return [line for file in sorted((folder / parts.STATEMENTS).iterdir())
            for _, lines in parts.read_statements(file) for line in lines]


@pytest.mark.model
def test_part_files_carry_the_merge_across_articles_and_load_and_serve(dask_cluster, corpus_slice, tmp_path):
    local, _ = dask_cluster
    source = with_articles(tmp_path / "news.jsonl", corpus_slice, [SANDERS], [BERNIE])
    one_machine = build([source], out=tmp_path / "local", formats=("nq",), quiet=True, workers=1)
    merged = subject_ids((one_machine.out / "statements.jsonl").read_text("utf-8").splitlines())
    assert "Bernie Sanders" in merged["sanders-2"] and "Sanders" not in merged["sanders-2"]  # the merge at work
    folder = tmp_path / "parts"
    report = kg.pipeline.build_parts([source], parts=folder, cluster=local.scheduler_address, quiet=True,
                                     part_documents=5, part_characters=10**9)
    manifest = parts.manifest(folder)
    files = [folder / entry["file"] for entry in manifest["parts"]]
    assert [f.name for f in files] == [f"part-{i:05d}.nq.gz" for i in range(len(files))] and len(files) == 6
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(f.name for f in files), "manifest.json", "documents.jsonl",
                                                               parts.STATEMENTS])
    # each worker parsed without the others' articles: "Sanders" alone, until the reduce over entity keys
    assert "Sanders" in subject_ids(statements_before_the_merge(folder))["sanders-2"]
    # in order, the bytes of kg.nq: the same ids, labels and statements in every document graph
    assert b"".join(part_quads(folder)) == (one_machine.out / "kg.nq").read_bytes()
    assert manifest["documents"] == report.documents == 26 and manifest["statements"] == report.statements
    assert sum(entry["documents"] for entry in manifest["parts"]) == 26
    # what `kg load` sends: the local build's document graphs, the same triples in each
    from kg.remote import build_graphs

    def triples(graphs):
        return {name: sorted(data.decode().splitlines()) for name, data in graphs}

    expected = {name: lines for name, lines in triples(build_graphs(one_machine.out)).items() if name.startswith(DOCUMENT_NS)}
    assert triples(build_graphs(folder)) == expected and len(expected) == 26
    # what `kg serve` and `kg query` use: a store made from the parts on first use
    result = CliRunner().invoke(main, ["query", "--out", str(folder), "--format", "csv",
                                       "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/kg-news/ontology#Statement> }"])
    assert result.exit_code == 0 and result.output.split()[-1] == str(report.statements)


@pytest.mark.model
def test_a_parts_rebuild_parses_only_new_and_changed_documents_and_keeps_unchanged_parts(dask_cluster, seeds, corpus_slice,
                                                                                          tmp_path):
    local, client = dask_cluster
    folder = tmp_path / "parts"
    first = with_articles(tmp_path / "first.jsonl", corpus_slice, [SANDERS])
    kg.pipeline.build_parts([first], parts=folder, cluster=local.scheduler_address, quiet=True, part_documents=3,
                            part_characters=10**9)
    before = {entry["file"]: (folder / entry["file"]).stat().st_ino for entry in parts.manifest(folder)["parts"]}
    where = {record["id"]: record["part"] for record in map(json.loads, (folder / parts.DOCUMENTS).read_text("utf-8").splitlines())}
    # news-003 rewritten, news-023 gone, Bernie Sanders new: "Sanders" in a part that did not change becomes him
    sources = paragraphs(seeds) + paragraphs(ROOT / "examples")
    edited = tmp_path / "edited-slice.jsonl"
    write_corpus_slice(edited, sources, count=23, changed={3: "Ukraine shot down drones over Kyiv, officials said."})
    edited = with_articles(first, edited, [SANDERS], [BERNIE])  # the same file: the same sources but news-003's
    extracted = workers_extracted(client)
    report = kg.pipeline.build_parts([edited], parts=folder, cluster=local.scheduler_address, quiet=True, part_documents=3,
                                     part_characters=10**9)
    assert workers_extracted(client) - extracted == 2  # news-003 and Bernie Sanders, nothing else parsed again
    assert report.documents == 25 and report.reused == 23
    after = {entry["file"]: (folder / entry["file"]).stat().st_ino for entry in parts.manifest(folder)["parts"]}
    rewritten = {parts.part_name(where[doc_id]) for doc_id in ("news-003", "sanders-2")}
    gone = {parts.part_name(where["news-023"])}  # its only document
    untouched = set(before) - rewritten - gone
    assert untouched and len(rewritten | gone) == 3
    assert {name: after[name] for name in untouched} == {name: before[name] for name in untouched}  # the same files, kept
    assert all(after[name] != before[name] for name in rewritten)  # written again, from their statements
    assert len(after) == len(before) and not gone & set(after)  # and one new part, of the new documents
    one_machine = build([edited], out=tmp_path / "local", formats=("nq",), quiet=True, workers=1)
    assert sorted(b"".join(part_quads(folder)).splitlines()) == sorted((one_machine.out / "kg.nq").read_bytes().splitlines())
    # a third build with nothing new: nothing sent, the folder as it was
    manifest = parts.manifest(folder)
    again = kg.pipeline.build_parts([edited], parts=folder, cluster=local.scheduler_address, quiet=True, part_documents=3,
                                    part_characters=10**9)
    assert workers_extracted(client) - extracted == 2 and again.reused == again.documents == 25
    assert parts.manifest(folder) == manifest
    # the same articles from another file: new sources in every record, no parse, every part written again
    moved = tmp_path / "moved.jsonl"
    moved.write_bytes(edited.read_bytes())
    kg.pipeline.build_parts([moved], parts=folder, cluster=local.scheduler_address, quiet=True, part_documents=3,
                            part_characters=10**9)
    assert workers_extracted(client) - extracted == 2
    one_machine = build([moved], out=tmp_path / "local-moved", formats=("nq",), quiet=True, workers=1)
    assert sorted(b"".join(part_quads(folder)).splitlines()) == sorted((one_machine.out / "kg.nq").read_bytes().splitlines())


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
