"""Builds as a user repeats them: reuse of unchanged documents, removal, locking, stale files."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

import kg
import kg.pipeline
from kg.errors import StoreError
from kg.outputs import build_lock
from kg.store import query_rows

pytestmark = pytest.mark.model

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "examples", folder)
    return folder


def graphs(out):
    rows = query_rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", store=out / "store")
    return {str(row["g"]).rsplit("/", 1)[-1] for row in rows}


def count(out):
    return query_rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", store=out / "store")[0]["n"]


def test_rebuild_reuses_unchanged_documents_and_is_identical(articles, tmp_path):
    out = tmp_path / "out"
    first = kg.build([articles], out=out, formats=("ttl", "nq"))
    statements, quads, nq = (out / "statements.jsonl").read_bytes(), count(out), (out / "kg.nq").read_bytes()
    second = kg.build([articles], out=out, formats=("ttl", "nq"))
    assert first.reused == 0 and second.reused == 3
    assert (out / "statements.jsonl").read_bytes() == statements
    assert (out / "kg.nq").read_bytes() == nq
    assert count(out) == quads


def test_changed_document_is_reparsed_and_removed_one_dropped(articles, tmp_path):
    out = tmp_path / "out"
    kg.build([articles], out=out)
    assert graphs(out) == {"ceasefire-talks", "grain-corridor", "sahel-aid"}
    (articles / "grain-corridor.txt").write_text("Grain talks\n\nTurkey did not attack Greece.", encoding="utf-8")
    (articles / "sahel-aid.md").unlink()
    report = kg.build([articles], out=out)
    assert report.reused == 1 and report.documents == 2
    assert graphs(out) == {"ceasefire-talks", "grain-corridor"}
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    grain = [r for r in records if r["doc"] == "grain-corridor"]
    assert [(r["subject"]["id"], r["predicate"]["lemma"], r["object"]["id"], r["negated"]) for r in grain] == [("Turkey", "attack", "Greece", True)]
    assert not any(r["doc"] == "sahel-aid" for r in records)


def test_a_changed_title_alone_is_read_again(tmp_path):
    # the headline is read too (kg/headlines.py): a .jsonl record whose title changes is parsed anew
    source, out = tmp_path / "in.jsonl", tmp_path / "out"
    record = {"id": "a", "title": "Russia Attacks Syria", "text": "The weather was fine in Moscow on Monday."}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    kg.build([source], out=out)
    source.write_text(json.dumps({**record, "title": "Russia Attacks Iraq"}) + "\n", encoding="utf-8")
    report = kg.build([source], out=out)
    assert report.reused == 0
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["subject"]["id"], r["object"]["id"], r.get("from_title")) for r in records] == [("Russia", "Iraq", True)]
    report = kg.build([source], out=out)
    assert report.reused == 1  # unchanged: reused


def test_second_build_on_the_same_folder_refuses(articles, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with build_lock(out):
        with pytest.raises(StoreError, match="another kg build"):
            kg.build([articles], out=out)
    assert not (out / "statements.jsonl").exists()


def test_formats_not_asked_for_are_removed_and_leftovers_cleaned(articles, tmp_path):
    out = tmp_path / "out"
    kg.build([articles], out=out, formats=("ttl", "nt"))
    (out / ".staging-killed").mkdir()
    kg.build([articles], out=out, formats=("ttl",))
    assert (out / "kg.ttl").exists() and not (out / "kg.nt").exists()
    assert not list(out.glob(".staging-*"))


def store_quads(out):
    """Every quad of the store, named graphs and the union default graph, as comparable text."""
    from kg.store import open_store

    return {str(quad) for quad in open_store(out / "store")}


def test_incremental_store_equals_a_fresh_build(articles, tmp_path):
    """The store a rebuild patches (changed graph replaced, removed one dropped, union kept
    right) holds exactly what a build from nothing of the same input holds."""
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    kg.build([articles], out=out)
    before = (out / ".current").resolve()
    (articles / "grain-corridor.txt").write_text("Grain talks\n\nTurkey did not attack Greece.", encoding="utf-8")
    (articles / "sahel-aid.md").unlink()
    (articles / "new.txt").write_text("Chad closed its border with Sudan.", encoding="utf-8")
    report = kg.build([articles], out=out)
    assert report.reused == 1
    kg.build([articles], out=fresh)
    assert store_quads(out) == store_quads(fresh)
    assert not before.exists()  # the previous build folder is gone; the new store's hard links keep its data
    union = query_rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", store=out / "store")[0]["n"]
    assert union == query_rows("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
                               store=out / "store")[0]["n"]


def test_store_starts_afresh_when_the_output_code_changed(articles, tmp_path, monkeypatch):
    out = tmp_path / "out"
    kg.build([articles], out=out)
    monkeypatch.setattr(kg.pipeline, "output_fingerprint", lambda keep_gated=False: "changed")
    based = []
    original = kg.store.StoreWriter.__init__

    def spy(self, path, *, base=None):
        based.append(base)
        original(self, path, base=base)

    monkeypatch.setattr(kg.store.StoreWriter, "__init__", spy)
    report = kg.build([articles], out=out)
    assert report.reused == 3 and based == [None]
    assert graphs(out) == {"ceasefire-talks", "grain-corridor", "sahel-aid"}


def test_damaged_previous_statements_mean_a_full_parse(articles, tmp_path):
    out = tmp_path / "out"
    kg.build([articles], out=out)
    statements = (out / "statements.jsonl").read_bytes()
    path = (out / "statements.jsonl").resolve()
    path.write_bytes(statements[: len(statements) // 2])  # cut short: the index cannot be trusted
    report = kg.build([articles], out=out)
    assert report.reused == 0
    assert (out / "statements.jsonl").read_bytes() == statements


def test_rebuild_copies_unchanged_blocks_and_equals_a_fresh_build(articles, tmp_path, monkeypatch):
    """RDF files of a rebuild: blocks of unchanged documents are copied from the previous
    files, the changed one is made again, and the result is byte for byte a fresh build's."""
    formats = ("ttl", "nt", "nq", "trig", "jsonld")
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    kg.build([articles], out=out, formats=formats)
    (articles / "grain-corridor.txt").write_text("Grain talks\n\nTurkey did not attack Greece.", encoding="utf-8")
    made = []
    original = kg.rdf.document_nquads
    monkeypatch.setattr(kg.rdf, "document_nquads", lambda doc_id, *a, **k: made.append(doc_id) or original(doc_id, *a, **k))
    kg.build([articles], out=out, formats=formats)
    assert made == ["grain-corridor"]
    monkeypatch.undo()
    kg.build([articles], out=fresh, formats=formats)
    for name in (*(f"kg.{fmt}" for fmt in formats), "statements.jsonl"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_a_damaged_previous_file_is_not_copied_from(articles, tmp_path):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    kg.build([articles], out=out, formats=("ttl",))
    ttl = (out / "kg.ttl").resolve()
    ttl.write_bytes(ttl.read_bytes() + b"# appended by hand\n")
    kg.build([articles], out=out, formats=("ttl",))
    kg.build([articles], out=fresh, formats=("ttl",))
    assert (out / "kg.ttl").read_bytes() == (fresh / "kg.ttl").read_bytes()


def test_a_large_build_parses_in_a_separate_process_with_the_same_result(articles, tmp_path, monkeypatch):
    """From SEPARATE_PROCESS_BYTES of input on, one worker parses in a child process while
    this one writes the outputs: same files as parsing here."""
    here, there = tmp_path / "here", tmp_path / "there"
    kg.build([articles], out=here, formats=("ttl", "nq"))
    pools = []
    original = kg.pipeline.extract_in_processes

    def spy(documents, extract, *, workers, **options):
        pools.append(workers)
        return original(documents, extract, workers=workers, **options)

    monkeypatch.setattr(kg.pipeline, "extract_in_processes", spy)
    monkeypatch.setattr(kg.pipeline, "SEPARATE_PROCESS_BYTES", 1)
    monkeypatch.setattr(kg.pipeline.os, "cpu_count", lambda: 2)
    kg.build([articles], out=there, formats=("ttl", "nq"))
    assert pools == [1]
    for name in ("statements.jsonl", "kg.ttl", "kg.nq"):
        assert (here / name).read_bytes() == (there / name).read_bytes(), name


BUILD_IMPORTS = """
import os, sys
import kg.pipeline
kg.pipeline.SEPARATE_PROCESS_BYTES = 1
kg.pipeline.PAGE_PROCESS_BYTES = 1
os.cpu_count = lambda: 2
if __name__ == "__main__":
    kg.build([sys.argv[1]], out=sys.argv[2])
    print("spacy" in sys.modules, "networkx" in sys.modules)
"""


def test_a_build_whose_worker_parses_never_imports_spacy_itself(articles, tmp_path):
    # spaCy costs a second and 60 MB; the worker process parses, the page process draws
    script = tmp_path / "build.py"
    script.write_text(BUILD_IMPORTS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(articles), str(tmp_path / "out")],
                          capture_output=True, text=True, check=True, timeout=300)
    assert done.stdout.split() == ["False", "True"], done.stderr
    assert (tmp_path / "out" / "graph.html").stat().st_size > 0


def test_a_large_build_draws_its_page_in_a_process_of_its_own_with_the_same_result(articles, tmp_path, monkeypatch):
    here, there = tmp_path / "here", tmp_path / "there"
    kg.build([articles], out=here)
    processes = []
    original = kg.pipeline.run_in_process

    def spy(function, *args, what):
        processes.append(what)
        return original(function, *args, what=what)

    monkeypatch.setattr(kg.pipeline, "run_in_process", spy)
    monkeypatch.setattr(kg.pipeline, "PAGE_PROCESS_BYTES", 1)
    kg.build([articles], out=there)
    assert processes == ["drawing the page"]
    assert (here / "graph.html").read_bytes() == (there / "graph.html").read_bytes()


def test_input_bytes_counts_what_would_be_read_and_stops_early(tmp_path):
    from kg.documents import input_bytes

    (tmp_path / "a.txt").write_text("x" * 100, encoding="utf-8")
    (tmp_path / "b.md").write_text("y" * 50, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"z" * 1000)  # not an article format
    (tmp_path / ".hidden.txt").write_text("w" * 1000, encoding="utf-8")
    assert input_bytes([tmp_path]) == 150
    assert input_bytes([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 100
    assert input_bytes([tmp_path], enough=10) == 100  # the first file already passes it


def test_file_name_that_is_not_utf8_builds_into_every_output(tmp_path):
    """A Latin-1 byte in a file name (b"caf\\xe9.txt") stopped the build with a traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    with open(bytes(folder) + b"/caf\xe9.txt", "w", encoding="utf-8") as f:
        f.write("Port attack\n\nRussian forces struck the port of Izmail on Tuesday.")
    out = tmp_path / "out"
    report = kg.build([folder], out=out, formats=("ttl", "nq", "jsonld"))
    assert report.documents == 1 and report.statements >= 1 and not report.skipped
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {"café"}
    assert json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))["source"].endswith("/café.txt")
    assert graphs(out) == {"café"}
    assert "café" in (out / "graph.html").read_text(encoding="utf-8")
    for name in ("kg.ttl", "kg.nq", "kg.jsonld", "build.trig"):
        (out / name).read_text(encoding="utf-8")


class Terminal(__import__("io").StringIO):
    def isatty(self):
        return True


def test_progress_shows_total_time_left_and_the_finishing_stages(articles, tmp_path, monkeypatch):
    """The bar showed documents and rate, but no total and no time left, and nothing in
    the last seconds (store, page)."""
    (articles / "more.jsonl").write_text('{"text": "Turkey did not attack Syria."}\n\n{"text": "Iraq may request strikes."}\n',
                                         encoding="utf-8")  # a blank line: counted, not built
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(kg.pipeline.Progress, "REFRESH", 0)  # every step drawn: no dependence on the machine's speed
    report = kg.pipeline.build([articles], out=tmp_path / "out", quiet=False)
    assert report.documents == 5
    shown = terminal.getvalue().replace("\r", "\n")
    assert "building:   0%|" in shown and "0/6 [00:00<?, ?doc/s]" in shown  # counted up front: 3 files and 3 lines
    assert any(line.startswith("building:") and "/6 [" in line and "<00:" in line for line in shown.splitlines())  # time left
    stages = [line.split(":")[1].split()[0] for line in shown.splitlines() if line.startswith("finishing:")]
    assert list(dict.fromkeys(stages)) == ["merging", "store", "RDF", "page", "publishing"]
    assert "5/5" in shown.splitlines()[-1]  # the end: every document done


def test_count_documents_counts_files_and_jsonl_lines(tmp_path):
    from kg.documents import count_documents

    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.md").write_text("B.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "1"}\n{"text": "2"}')  # no newline at the end
    (tmp_path / "d.jsonl.gz").write_bytes(__import__("gzip").compress(b'{"text": "1"}\n' * 1000))
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    assert count_documents([tmp_path]) == 2 + 2 + 1000
    assert count_documents([tmp_path / "a.txt", tmp_path / "nope"]) == 1
    assert count_documents([tmp_path], seconds=-1) is None  # too slow to count: no total


def test_build_folder_whose_name_is_not_utf8_is_built_read_and_rebuilt(tmp_path):
    """RocksDB takes only UTF-8 paths: "The DB path is not valid UTF-8" stopped such builds."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / os.fsdecode(b"caf\xe9-out")
    report = kg.build([ROOT / "examples"], out=out, formats=("ttl", "jsonld"))
    assert report.documents == 3
    assert graphs(out) == {"ceasefire-talks", "grain-corridor", "sahel-aid"}
    again = kg.build([ROOT / "examples"], out=out)
    assert again.reused == 3 and graphs(out) == {"ceasefire-talks", "grain-corridor", "sahel-aid"}  # from the previous store
    for args in (["query", "ASK { ?s a kg:Statement }", "--out", str(out)], ["validate", str(out)], ["view", "--out", str(out)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
    assert kg.query("ASK { ?s a kg:Statement }", out=out) == "true\n"


def test_native_path_reaches_a_folder_whose_name_is_not_utf8(tmp_path):
    from kg.files import native_path

    folder = tmp_path / os.fsdecode(b"\xff\xfe") / "inner"
    folder.mkdir(parents=True)
    (folder / "x").write_text("hi", encoding="utf-8")
    name = native_path(folder / "x")
    name.encode("utf-8")
    assert name.startswith("/proc/self/fd/") and open(name, encoding="utf-8").read() == "hi"
    assert native_path(tmp_path / "plain") == str(tmp_path / "plain")


def test_the_extractor_fingerprint_covers_every_module_the_extraction_imports():
    """A module the extraction reads (kg.quotes was missed) must be in the fingerprint, or a build
    reusing its documents keeps statements the changed code would no longer make."""
    import ast
    from pathlib import Path

    from kg.pipeline import EXTRACTION_MODULES
    package = Path(kg.pipeline.__file__).resolve().parent
    not_deciding = {"errors.py", "batching.py", "__init__.py"}  # messages, batch sizes, the version string

    def imported(module: str) -> set[str]:
        names = set()
        for node in ast.walk(ast.parse((package / module).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "kg":
                names |= {f"{alias.name}.py" for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kg."):
                names.add(node.module.split(".")[1] + ".py")
        return {name for name in names if (package / name).exists()} - not_deciding

    missing = {name for module in EXTRACTION_MODULES for name in imported(module)} - set(EXTRACTION_MODULES)
    assert not missing
