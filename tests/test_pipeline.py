"""Builds as a user repeats them: reuse of unchanged documents, removal, locking, stale files."""
from __future__ import annotations

import json
import shutil

import pytest

import kg
from kg.errors import StoreError
from kg.pipeline import build_lock
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
