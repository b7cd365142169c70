"""`kg validate`: every build validates against ontology/shapes.ttl, and violations are
reported one per line (focus node, path, message) with exit code 1."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.rdf import build_quads, quads, write, write_build_record
from kg.store import build_store
from kg.validate import data_graph, validate
from conftest import sample_documents, sample_statements

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
DOCUMENTS = sample_documents()


def sample_output(folder: Path, statements: list[dict] | None = None, documents: list[dict] = DOCUMENTS) -> Path:
    """An output folder as `kg build` leaves it, from the sample records: store and build record."""
    statements = sample_statements() if statements is None else statements
    build_store(folder / "store", quads(documents, statements))
    write_build_record(folder / "build.trig", documents)
    return folder


def validate_cli(path: Path):
    return CliRunner().invoke(main, ["validate", str(path)])


# --- builds validate ------------------------------------------------------------------


@pytest.fixture(scope="module", params=["seeds", "examples"])
def real_build(request, tmp_path_factory, seeds) -> Path:
    source = seeds if request.param == "seeds" else ROOT / "examples"
    out = tmp_path_factory.mktemp(f"build-{request.param}")
    kg.build([source], out=out, formats=FORMATS)
    return out


@pytest.mark.model
def test_real_builds_conform(real_build):
    report = validate(real_build)
    assert report.conforms, "\n".join(report.lines())
    assert report.triples > 300


@pytest.mark.model
@pytest.mark.parametrize("name", [*(f"kg.{fmt}" for fmt in FORMATS), "build.trig"])
def test_every_file_of_a_real_build_conforms(real_build, name):
    report = validate(real_build / name)
    assert report.conforms, "\n".join(report.lines())


@pytest.mark.model
def test_cli_on_a_real_build_exits_0(real_build):
    result = validate_cli(real_build)
    assert result.exit_code == 0, result.output
    assert result.output == f"{real_build}: conforms ({validate(real_build).triples} triples checked against shapes.ttl)\n"


def test_sample_output_conforms(tmp_path):
    report = validate(sample_output(tmp_path))
    assert report.conforms, report.lines()
    assert report.violations == [] and report.lines() == []


def test_folder_holds_the_store_and_the_build_record(tmp_path):
    graph = data_graph(sample_output(tmp_path))
    predicates = {str(p) for p in graph.predicates()}
    assert "http://www.w3.org/ns/prov#endedAtTime" in predicates
    assert "https://w3id.org/kg-news/ontology#sentence" in predicates


# --- violations -----------------------------------------------------------------------


def first(update):
    """A change to the first sample statement."""
    return lambda statements: update(statements[0])


def retype(entity: str, kind: str):
    """Every mention of ``entity`` typed ``kind`` (changing one would leave the others' type)."""
    def change(statements: list[dict]) -> None:
        for record in statements:
            for role in ("subject", "object", "attributed_to"):
                if record.get(role) and record[role]["id"] == entity:
                    record[role]["type"] = kind

    return change


@pytest.mark.parametrize(
    ("change", "focus", "path", "message"),
    [
        (first(lambda r: r.update(confidence=1.5)), "stmt", "kg:confidence", 'MaxInclusive: Value is not <= 1 (value "1.5")'),
        (first(lambda r: r.update(start=500, end=10)), "stmt", "kg:start", "LessThanOrEquals:"),
        (retype("Russia", "Spaceship"), "ent:Russia", "rdf:type", "QualifiedMinCount:"),
    ],
)
def test_violation_is_one_readable_line(tmp_path, change, focus, path, message):
    statements = sample_statements()
    change(statements)
    sample_output(tmp_path, statements)
    report = validate(tmp_path)
    assert not report.conforms
    focus = f"stmt:{statements[0]['id']}" if focus == "stmt" else focus
    matching = [line for line in report.lines() if line.startswith(f"{focus}  {path}  ")]
    assert matching and message in matching[0], report.lines()
    assert all(line.count("  ") >= 2 and "\n" not in line for line in report.lines())


def test_missing_property_in_a_file(tmp_path):
    path = write(tmp_path / "kg.nt", quads(DOCUMENTS, sample_statements()))
    first = sample_statements()[0]["id"]
    lines = [line for line in path.read_text("utf-8").splitlines(keepends=True)
             if not (line.startswith(f"<https://w3id.org/kg-news/statement/{first}>") and "#subject>" in line)]
    path.write_text("".join(lines), encoding="utf-8")
    assert validate(path).lines() == [f"stmt:{first}  kg:subject  MinCount: Less than 1 values"]


def test_bad_document_hash(tmp_path):
    documents = [dict(DOCUMENTS[0], sha256="not a hash"), DOCUMENTS[1]]
    sample_output(tmp_path, documents=documents)
    [line] = validate(tmp_path).lines()
    assert line.startswith("doc:kyiv-2024-03-01  kg:sha256  Pattern: Value does not match pattern")


def test_build_record_shapes(tmp_path):
    ended = datetime(2024, 3, 1, tzinfo=timezone.utc)
    started = datetime(2024, 3, 2, tzinfo=timezone.utc)  # after it ended
    write(tmp_path / "build.trig", build_quads(DOCUMENTS, ended=ended, started=started, version="1.0"), "trig")
    [line] = validate(tmp_path / "build.trig").lines()
    assert line.startswith("<https://w3id.org/kg-news/build/20240301T000000Z>  prov:startedAtTime  LessThanOrEquals")


def test_cli_lists_violations_and_exits_1(tmp_path):
    statements = sample_statements()
    first(lambda r: r.update(confidence=2))(statements)
    sample_output(tmp_path, statements)
    result = validate_cli(tmp_path)
    assert result.exit_code == 1
    *lines, summary = result.output.splitlines()
    assert lines == validate(tmp_path).lines() and len(lines) == 1
    assert summary == f"kg: error: {tmp_path}: 1 violation(s) of shapes.ttl in {validate(tmp_path).triples} triples"


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda p: p / "nowhere", 3, "no build in {p}/nowhere (no such folder)"),  # the same as every command's
        (lambda p: p, 3, "no build in {p} (no store)"),  # an empty folder: nothing built
        (lambda p: p / "gone.ttl", 1, "no such file: {p}/gone.ttl"),
        (lambda p: (p / "notes.txt").write_text("hi") and p / "notes.txt", 1, "not an RDF file kg reads"),
        (lambda p: (p / "bad.ttl").write_text("<a> <b> .") and p / "bad.ttl", 1, "not valid Turtle"),
    ],
)
def test_what_cannot_be_validated_is_one_line(tmp_path, make, code, message):
    result = validate_cli(make(tmp_path))
    assert result.exit_code == code, result.output
    assert result.output.startswith("kg: error:") and message.format(p=tmp_path) in result.output
    assert result.output.count("\n") == 1
