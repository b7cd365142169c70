"""The commands as a user runs them: output, exit codes, one-line errors."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-build")
    result = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "--out", str(out), "--format", "ttl", "--format", "nt"])
    assert result.exit_code == 0, result.output
    return out, result


@pytest.fixture(scope="module")
def built(build_run):
    return build_run[0]


@pytest.mark.model
def test_build_summary_and_outputs(build_run):
    built, result = build_run
    documents = [json.loads(line) for line in (built / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    statements = (built / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(d["id"] for d in documents) == ["ceasefire-talks", "grain-corridor", "sahel-aid"]
    assert sum(d["statements"] for d in documents) == len(statements) > 0
    assert result.stdout == ""  # the summary goes to stderr
    assert result.stderr == f"built 3 document(s), {len(statements)} statement(s) into {built}\n"
    assert sorted(p.name for p in built.iterdir() if not p.name.startswith(".")) == sorted(
        ["build.trig", "documents.jsonl", "graph.html", "kg.nt", "kg.ttl", "manifest.json", "statements.jsonl", "store"])


ENTITY_COUNTS = "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type . FILTER(STRSTARTS(STR(?type), STR(kg:))) } GROUP BY ?type ORDER BY ?type"


@pytest.fixture(scope="module")
def entity_counts(built):
    from kg.store import query_rows

    rows = query_rows(ENTITY_COUNTS.replace("kg:", "<https://w3id.org/kg-news/ontology#>"), store=built / "store")
    assert len(rows) > 3
    return [(row["type"], row["n"]) for row in rows]


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "tsv", "table", "json"])
def test_query_formats_give_every_row(built, entity_counts, fmt):
    """Every row in every format, not only the first line."""
    result = CliRunner().invoke(main, ["query", ENTITY_COUNTS, "--out", str(built), "--format", fmt])
    assert result.exit_code == 0, result.output
    short = [(iri.replace("https://w3id.org/kg-news/ontology#", "kg:"), n) for iri, n in entity_counts]
    lines = result.output.splitlines()
    if fmt == "csv":
        assert lines == ["type,n", *(f"{iri},{n}" for iri, n in entity_counts)]
    elif fmt == "tsv":
        assert lines == ["?type\t?n", *(f"<{iri}>\t{n}" for iri, n in entity_counts)]
    elif fmt == "table":
        assert lines[-1] == f"({len(entity_counts)} rows)"
        assert [line.split() for line in lines[2:-1]] == [[iri, "|", str(n)] for iri, n in short]
    else:
        bindings = json.loads(result.output)["results"]["bindings"]
        assert [(b["type"]["value"], int(b["n"]["value"])) for b in bindings] == entity_counts


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


# Each command, run where there is no build: the folder missing, or empty.  One convention
# (README, "Errors and exit codes"): one line, exit code 3, whatever the command.
NO_BUILD_COMMANDS = {
    "query": ["query", "ASK {}", "--out", "{folder}"],
    "view": ["view", "--out", "{folder}"],
    "view --from (old spelling)": ["view", "--from", "{folder}"],
    "load": ["load", "{folder}", "--endpoint", "http://127.0.0.1:9/store", "--retries", "0"],
    "load --out": ["load", "--out", "{folder}", "--endpoint", "http://127.0.0.1:9/store", "--retries", "0"],
    "serve": ["serve", "{folder}", "--bind", "127.0.0.1:9"],
    "serve --out": ["serve", "--out", "{folder}", "--bind", "127.0.0.1:9"],
    "validate": ["validate", "{folder}"],
    "validate --out": ["validate", "--out", "{folder}"],
}


@pytest.mark.parametrize("command", sorted(NO_BUILD_COMMANDS))
@pytest.mark.parametrize("where, missing", [("nowhere", "no such folder"), ("empty", None)])
def test_no_build_is_one_line_exit_3_from_every_command(tmp_path, command, where, missing):
    folder = tmp_path / where
    if where == "empty":
        folder.mkdir()
        missing = "no statements.jsonl" if command.startswith("view") else "no store"
    result = CliRunner().invoke(main, [a.replace("{folder}", str(folder)) for a in NO_BUILD_COMMANDS[command]])
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert result.stderr == f"kg: error: no build in {folder} ({missing}); run `kg build ARTICLES --out {folder}` first\n"


# Usage mistakes: click's four-line block was printed instead of one line.
USAGE_MISTAKES = [
    (["build", "examples", "--format", "xml"],
     "invalid value for '--format': 'xml' is not one of 'ttl', 'nt', 'nq', 'trig', 'jsonld' (see kg build --help)"),
    (["build"], "missing argument 'PATHS...'"),
    (["build", "examples", "--workers", "0"], "invalid value for '--workers'"),
    (["frobnicate"], "no such command 'frobnicate'"),
    (["query", "--file", "{tmp}/missing.rq"], "invalid value for '--file': File '{tmp}/missing.rq' does not exist"),
    (["query", "ASK {}", "--format", "yaml"], "invalid value for '--format'"),
    (["query"], "give a SPARQL query or --file"),
    (["query", "--file"], "option '--file' requires an argument"),
    (["load", "output"], "missing option '--endpoint'"),
    (["load", "--endpoint", "http://127.0.0.1:9/store", "--retries", "11"], "invalid value for '--retries'"),
    (["view", "--hops", "2"], "--hops needs --focus"),
    (["view", "--format", "png"], "invalid value for '--format'"),
    (["serve", "--nope"], "no such option '--nope' (see kg serve --help)"),
    (["validate", "a", "b"], "got unexpected extra argument (b)"),
    (["extract", "--format", "xml"], "invalid value for '--format'"),
]


@pytest.mark.parametrize("args, message", USAGE_MISTAKES, ids=[" ".join(a) for a, _ in USAGE_MISTAKES])
def test_usage_mistakes_are_one_line_exit_2(tmp_path, args, message):
    result = CliRunner().invoke(main, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("kg: error: " + message.replace("{tmp}", str(tmp_path))), result.stderr
    assert result.stderr.count("\n") == 1 and "Usage:" not in result.stderr


def test_help_and_version_still_exit_0():
    for args in (["--help"], ["build", "--help"], ["view", "-h"], ["--version"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and result.stdout, args


def test_build_missing_path_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
    assert not (tmp_path / "out" / "statements.jsonl").exists()


@pytest.fixture
def build_copy(built, tmp_path):
    copy = tmp_path / "build"
    shutil.copytree(built, copy, symlinks=True)
    return copy


@pytest.mark.model
@pytest.mark.parametrize("args, written", [
    (["--out", "{build}"], "{build}/graph.html"),  # --out: the build folder, as in every command
    (["--out", "{build}", "--to", "{tmp}/page.html"], "{tmp}/page.html"),
    (["--out", "{build}", "--format", "gexf"], "{build}/graph.gexf"),
    (["--from", "{build}", "--out", "{tmp}/page.html"], "{tmp}/page.html"),  # the old spelling still works
    (["--out", "{tmp}/page.html", "--from", "{build}"], "{tmp}/page.html"),
])
def test_view_options(build_copy, tmp_path, args, written):
    (build_copy / "graph.html").unlink()
    result = CliRunner().invoke(main, ["view", *(a.format(build=build_copy, tmp=tmp_path) for a in args)])
    assert result.exit_code == 0, result.output
    written = Path(written.format(build=build_copy, tmp=tmp_path))
    assert result.stderr == f"wrote {written}\n"
    assert sorted(p for p in [*tmp_path.iterdir(), *build_copy.iterdir()] if p.suffix in (".html", ".gexf")) == [written]
    text = written.read_text(encoding="utf-8")
    assert ("vis.Network" in text) if written.suffix == ".html" else text.startswith("<?xml")


@pytest.mark.model
@pytest.mark.parametrize("command", [["query", "ASK { ?s ?p ?o }"], ["validate"]])
def test_out_names_the_build_folder_in_every_command(built, command):
    result = CliRunner().invoke(main, [*command, "--out", str(built)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("true\n" if command[0] == "query" else "")


@pytest.mark.model
def test_extract_from_stdin_as_a_subprocess():
    text = "Turkey and Greece agreed to resume talks.\n\nGreece did not accept a Turkish proposal, a diplomat said."
    run = subprocess.run([sys.executable, "-m", "kg", "extract"], input=text, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    accept = [r for r in records if r["predicate"]["lemma"] == "accept"]
    assert accept and all(r["negated"] for r in accept)
    assert accept[0]["attributed_to"]["text"] == "a diplomat"
