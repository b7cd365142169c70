"""The commands as a user runs them: output, exit codes, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-build")
    result = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "--out", str(out), "--format", "ttl", "--format", "nt"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.model
def test_build_summary_and_outputs(built):
    for name in ("statements.jsonl", "documents.jsonl", "kg.ttl", "kg.nt", "graph.html"):
        assert (built / name).exists()
    assert len((built / "documents.jsonl").read_text().splitlines()) == 3


@pytest.mark.model
@pytest.mark.parametrize("fmt, check", [
    ("table", lambda text: text.splitlines()[1].startswith("-") and text.rstrip().endswith("(1 row)")),
    ("csv", lambda text: text.splitlines()[0] == "n"),
    ("tsv", lambda text: text.splitlines()[0] == "?n"),
    ("json", lambda text: "results" in json.loads(text)),
])
def test_query_formats(built, fmt, check):
    result = CliRunner().invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }", "--out", str(built), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert check(result.output), result.output


@pytest.mark.model
def test_query_file(built):
    result = CliRunner().invoke(main, ["query", "--file", str(ROOT / "queries" / "hedged.rq"), "--out", str(built), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "possible" in result.output


@pytest.mark.model
def test_bad_sparql_is_one_line_exit_2(built):
    result = CliRunner().invoke(main, ["query", "SELECT ?s WHERE { ?s ?p }", "--out", str(built)])
    assert result.exit_code == 2
    assert result.output.startswith("kg: error:") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_query_without_build_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["query", "ASK {}", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "kg build" in result.output and "Traceback" not in result.output


def test_build_missing_path_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert not (tmp_path / "out" / "statements.jsonl").exists()


@pytest.mark.model
def test_view_regenerates_page(built, tmp_path):
    page = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["view", "--from", str(built), "--out", str(page)])
    assert result.exit_code == 0, result.output
    assert "vis.Network" in page.read_text(encoding="utf-8")


@pytest.mark.model
def test_extract_from_stdin_as_a_subprocess():
    text = "Turkey and Greece agreed to resume talks.\n\nGreece did not accept a Turkish proposal, a diplomat said."
    run = subprocess.run([sys.executable, "-m", "kg", "extract"], input=text, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    accept = [r for r in records if r["predicate"]["lemma"] == "accept"]
    assert accept and all(r["negated"] for r in accept)
    assert accept[0]["attributed_to"]["text"] == "a diplomat"
