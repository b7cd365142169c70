"""Dirty corpora and hostile environments through `kg build`: what is skipped and why,
`--strict`, output folders that cannot be written, hostile text, exit codes."""
from __future__ import annotations

import codecs
import html.parser
import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
import spacy
from click.testing import CliRunner

import kg
import kg.pipeline
from kg.cli import main
from kg.documents import MAX_FILE_BYTES
from kg.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, KGError, StoreError
from kg.nlp import MAX_CHUNK, parse
from kg.outputs import build_lock
from kg.types import Document

from validity import assert_one_build, assert_valid_rdf, read_jsonl

pytestmark = pytest.mark.model  # most builds here parse with the model

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Grain talks resume\n\nTurkey and Greece agreed to resume talks on Monday.\n\nRussia struck targets in Syria, officials said.\n"
# Article text that would run as script or break out of markup, strings or IRIs if any
# stage pasted it in unescaped.
HOSTILE = (
    "<script>alert(\"title\")</script> & \"Zoë's\" }{ <img src=x onerror=alert(1)>\n\n"
    "Russia struck \"Al <Nusra> & Sons\" }]}> in Syria, said O'Brien</script><script>alert(2)</script>.\n\n"
    "The Islamic State attacked Iraq with 🚀 rockets near the \u202eevil\u202c border\u200bzero, officials said.\n"
)


def write_dirty_corpus(folder: Path) -> dict[str, str]:
    """Two good articles and one of each kind of bad input; returns bad file → reason."""
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "nested").mkdir()
    (folder / "nested" / "good.txt").write_text(GOOD.replace("Monday", "Monday in Zoë's café"), encoding="latin-1")
    (folder / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (folder / "nested" / "loop").symlink_to(folder)
    bad = {
        "empty.txt": (b"", "empty document"),
        "blank.md": (b" \n\n\t\n", "empty document"),
        "report.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "binary file (PDF), not text"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG), not text"),
        "bundle.txt": (b"PK\x03\x04\x14\x00\x00\x00", "binary file (zip), not text"),
        "page.html": (b"<html><script>var a = '<p>x</p>';</script><style>p{}</style></html>", "empty document"),
    }
    for name, (content, _) in bad.items():
        (folder / name).write_bytes(content)
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "feed-ok", "text": "Iran did not attack Iraq, a spokesman said."}) + "\n{broken\n"
        + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "France sent aid to Mali.".encode("utf-16-le"))
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    reasons = {str(folder / name): why for name, (_, why) in bad.items()}
    reasons[f"{folder / 'feed.jsonl'}:2"] = "not JSON (Expecting property name enclosed in double quotes at column 2)"
    reasons[f"{folder / 'feed.jsonl'}:3"] = "no 'text' field"
    reasons[str(folder / "dangling.txt")] = "broken symbolic link"
    return reasons


@pytest.fixture(scope="module")
def dirty(tmp_path_factory):
    """A dirty corpus built once through the CLI; (corpus, out, reasons, CLI result)."""
    base = tmp_path_factory.mktemp("dirty")
    reasons = write_dirty_corpus(base / "corpus")
    result = CliRunner().invoke(main, ["build", str(base / "corpus"), "str-missing", "--out", str(base / "out"),
                                       "--format", "ttl", "--format", "nq"])
    return base / "corpus", base / "out", reasons, result



def test_dirty_corpus_builds_the_good_documents_and_says_what_was_skipped(dirty):
    corpus, out, reasons, result = dirty
    assert result.exit_code == EXIT_OK, result.output
    documents = read_jsonl(out / "documents.jsonl")
    assert sorted(d["id"] for d in documents) == ["feed-ok", "good", "nested/good", "utf16"]
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("built 4 document(s)") and f"; skipped {len(reasons) + 1}: " in summary
    report = kg.build([corpus, "str-missing"], out=out, formats=("ttl", "nq"))  # the library call lists every skip
    assert dict(report.skipped) == {**reasons, "str-missing": "no such file or folder"}
    assert report.reused == 4


def test_dirty_build_is_consistent_and_its_rdf_valid(dirty):
    _, out, _, _ = dirty
    assert_one_build(out)
    assert_valid_rdf((out / "kg.ttl").read_bytes(), "ttl")
    assert_valid_rdf((out / "kg.nq").read_bytes(), "nq")


def test_strict_makes_a_skip_an_error_and_publishes_nothing(dirty, tmp_path):
    corpus, out, _, _ = dirty
    before = {name: (out / name).read_bytes() for name in ("statements.jsonl", "documents.jsonl", "kg.ttl")}
    current = os.readlink(out / ".current")
    (corpus / "new.txt").write_text("Chad closed its border with Sudan.", encoding="utf-8")
    try:
        result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--strict"])
    finally:
        (corpus / "new.txt").unlink()
    assert result.exit_code == EXIT_INPUT
    assert result.output.startswith("kg: error: ") and result.output.count("\n") == 1
    assert "--strict" in result.output and "Traceback" not in result.output
    assert os.readlink(out / ".current") == current
    assert {name: (out / name).read_bytes() for name in before} == before
    assert [p.name for p in out.glob(".build-*")] == [current]


def test_strict_passes_a_clean_corpus(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == EXIT_OK, result.output
    assert "skipped" not in result.output


def test_stems_that_collide_get_separate_graphs(tmp_path):
    for folder, country in (("2015", "Turkey"), ("2016", "Greece")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "talks.txt").write_text(f"{country} closed its border with Syria.", encoding="utf-8")
    kg.build([tmp_path / "in"], out=tmp_path / "out")
    ids = assert_one_build(tmp_path / "out")
    assert ids == {"2015/talks", "2016/talks"}
    by_doc = {s["doc"]: s["subject"]["id"] for s in read_jsonl(tmp_path / "out" / "statements.jsonl")}
    assert by_doc == {"2015/talks": "Turkey", "2016/talks": "Greece"}


# --- hostile text: escaped in the page, valid in RDF ---


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.data: dict[str, str] = {}
        self._script_id: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._script_id = dict(attrs).get("id") if tag == "script" else None

    def handle_data(self, data):
        if self._script_id:
            self.data[self._script_id] = self.data.get(self._script_id, "") + data


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "in").mkdir()
    (base / "in" / "evil <script>'&\" }.txt").write_text(HOSTILE, encoding="utf-8")
    (base / "in" / "feed.jsonl").write_text(json.dumps({
        "id": "<b>id</b> \"}\" & 'x' > <", "title": "</script><script>alert(3)</script>", "url": "javascript:alert(4)",
        "text": "Turkey accused \"Greece <& Co>\" of an attack. </script><!-- <script>alert(5)</script>"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(base / "in"), "--out", str(base / "out"), "--format", "ttl", "--format", "nq"])
    assert result.exit_code == 0, result.output
    return base / "out"


def test_hostile_text_is_inert_in_the_page(hostile_build):
    page = (hostile_build / "graph.html").read_text(encoding="utf-8")
    template = (ROOT / "kg" / "templates" / "graph.html").read_text(encoding="utf-8")
    for needle in ("<img src=x onerror", "<script>alert(", "</script><script>alert", "<Nusra>", "<!-- <script>", "<b>id</b>"):
        assert needle not in page, needle
    parsed = _Elements()
    parsed.feed(page)
    # The article text created no element: no img, no extra script, no event handler attribute.
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "iframe", "object", "embed")]
    assert sum(tag == "script" for tag, _ in parsed.tags) == template.count("<script")
    assert not [(tag, name) for tag, attrs in parsed.tags for name, _ in attrs if name.startswith("on")]
    data_text = parsed.data["kg-data"]
    assert not set("<>&") & set(data_text)  # escaped as \u003c \u003e \u0026 inside the JSON
    data = json.dumps(json.loads(data_text), ensure_ascii=False)
    for needle in ("</script><script>alert(2)</script>", "\"Al <Nusra> & Sons\"", "\u202eevil\u202c", "🚀"):
        assert json.dumps(needle, ensure_ascii=False)[1:-1] in data, needle


def test_hostile_text_gives_valid_rdf_with_escaped_literals_and_iris(hostile_build):
    union = assert_valid_rdf((hostile_build / "kg.ttl").read_bytes(), "ttl")
    assert_valid_rdf((hostile_build / "kg.nq").read_bytes(), "nq")
    literals = {str(o) for o in union.objects()}
    assert any("</script><script>alert(2)</script>" in text for text in literals)
    iris = {str(term) for triple in union for term in triple if isinstance(term, rdflib.URIRef)}
    assert not [iri for iri in iris if re.search(r"[\s<>\"{}|\\^`]", iri)]
    assert_one_build(hostile_build)


# --- output folders that cannot be written ---


def test_output_path_that_is_a_file_is_exit_3(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out" / "sub")])
    assert result.exit_code == EXIT_OUTPUT
    assert result.output.startswith(f"kg: error: cannot write to {tmp_path / 'out' / 'sub'}") and result.output.count("\n") == 1


def _cannot_write_as_this_user(folder: Path) -> bool:
    folder.chmod(0o500)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return True
    (folder / "probe").unlink()
    return False


def test_unwritable_output_folder_is_exit_3(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").mkdir()
    try:
        if not _cannot_write_as_this_user(tmp_path / "out"):
            pytest.skip("root writes whatever the mode; test_full_disk_* covers failing writes as root")
        result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    finally:
        (tmp_path / "out").chmod(0o700)
    assert result.exit_code == EXIT_OUTPUT
    assert result.output == f"kg: error: cannot write to {tmp_path / 'out'}: Permission denied\n"


def test_full_disk_while_writing_keeps_the_previous_output(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    kg.build([tmp_path / "in"], out=out)
    before = (out / "statements.jsonl").read_bytes()
    (tmp_path / "in" / "b.txt").write_text("Chad closed its border with Sudan.", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.pipeline.store.StoreWriter, "add", full)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == EXIT_OUTPUT
    assert result.output == f"kg: error: cannot write to {out}: No space left on device\n"
    assert (out / "statements.jsonl").read_bytes() == before
    assert len(list(out.glob(".build-*"))) == 1
    assert_one_build(out)


def test_full_disk_in_a_real_process_keeps_the_previous_output(tmp_path):
    """The kernel refuses writes past RLIMIT_FSIZE (EFBIG), like a disk filling up mid-build."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    kg.build([tmp_path / "in"], out=out)
    before = os.readlink(out / ".current")
    for n in range(30):
        (tmp_path / "in" / f"more-{n}.txt").write_text(GOOD.replace("Monday", f"day {n}"), encoding="utf-8")

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    run = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "in"), "--out", str(out)],
                         capture_output=True, text=True, timeout=300, preexec_fn=small_files)
    assert run.returncode == EXIT_OUTPUT, run.stderr
    assert run.stderr.startswith(f"kg: error: cannot write to {out}: ")  # from Python's writes or RocksDB's
    assert run.stderr.count("\n") == 1 and "File too large" in run.stderr
    assert os.readlink(out / ".current") == before
    assert [p.name for p in out.glob(".build-*")] == [before]
    assert assert_one_build(out) == {"a"}


# --- memory: huge inputs ---


def test_50_mb_single_line_file_is_refused_without_being_read(tmp_path):
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "dump.txt", "w", encoding="utf-8") as f:
        line = "Russia struck targets in Syria " * 1000
        while f.tell() < 50 * 2**20:
            f.write(line)
    code = ("import sys, tracemalloc\nimport kg.pipeline\nfrom kg.cli import main\ntracemalloc.start()\n"
            "try:\n    main(sys.argv[1:])\nfinally:\n"
            "    print('peak', tracemalloc.get_traced_memory()[1], file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code, "build", str(tmp_path / "in"), "--out", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == EXIT_INPUT, run.stderr
    assert run.stderr.startswith(f"kg: error: no documents to build: {tmp_path / 'in' / 'dump.txt'} "
                                 f"(too large (50 MB; the limit is {MAX_FILE_BYTES // 2**20} MB): split it into articles")
    peak_mb = int(re.search(r"peak (\d+)", run.stderr).group(1)) / 2**20
    assert peak_mb < 20, peak_mb  # reading the file would take 50 MB at once


@pytest.mark.parametrize("text", [
    "word " * 300_000,  # one 1.5-million-character line, no sentence end
    "x" * 250_000 + " tail.",  # one 250,000-character token
    ("A sentence. " * 20_000 + "\n\n") * 3,  # long paragraphs
])
def test_long_text_is_parsed_in_chunks_spacy_accepts(text):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHUNK  # spaCy raises on anything longer
    (parsed,) = parse([Document(id="d", text=text)], nlp=nlp)
    assert all(len(doc.text) <= MAX_CHUNK for _, doc in parsed.parts)
    for offset, doc in parsed.parts:
        assert text[offset : offset + len(doc.text)].replace("\n", " ") == doc.text
    assert "".join("".join(doc.text.split()) for _, doc in parsed.parts) == "".join(text.split())  # nothing lost


# --- exit codes: one line, the documented code ---


@pytest.mark.parametrize("args, code, message", [
    (["build", "{tmp}/nope", "--out", "{tmp}/out"], EXIT_INPUT, "kg: error: no documents to build: {tmp}/nope (no such file or folder)"),
    (["build", "{tmp}/empty", "--out", "{tmp}/out"], EXIT_INPUT, "kg: error: no documents to build: no .txt, .md, .html or .jsonl files found"),
    (["build", "{tmp}/empty", "--format", "xml"], EXIT_USAGE, "kg: error: invalid value for '--format': 'xml' is not one of"),
    (["build"], EXIT_USAGE, "kg: error: missing argument 'PATHS...' (see kg build --help)"),
    (["frobnicate"], EXIT_USAGE, "kg: error: no such command 'frobnicate' (see kg --help)"),
    (["query", "SELECT ?s WHERE { ?s ?p }", "--out", "{tmp}/built"], EXIT_USAGE, "kg: error: bad SPARQL"),
    (["query", "ASK {}", "--out", "{tmp}/empty"], EXIT_OUTPUT, "kg: error: no build in {tmp}/empty (no store); run `kg build ARTICLES --out {tmp}/empty` first"),
    (["view", "--from", "{tmp}/empty"], EXIT_OUTPUT, "kg: error: no build in {tmp}/empty (no statements.jsonl); run `kg build ARTICLES --out {tmp}/empty` first"),
    (["build", "{tmp}/in", "--out", "{tmp}/locked"], EXIT_OUTPUT, "kg: error: another kg build (pid "),
])
def test_exit_codes(tmp_path, built_once, args, code, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    shutil.copytree(built_once, tmp_path / "built", symlinks=True)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    with build_lock(tmp_path / "locked"):
        result = CliRunner().invoke(main, args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    if message:
        assert result.output.startswith(message.replace("{tmp}", str(tmp_path))), result.output
        assert result.output.count("\n") == 1


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    base = tmp_path_factory.mktemp("built-once")
    (base / "in").mkdir()
    (base / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    kg.build([base / "in"], out=base / "out")
    return base / "out"


def test_copied_output_folder_still_works(built_once, tmp_path):
    """The outputs are relative symlinks: a copy (cp -r, shutil.copytree) is a working build."""
    for symlinks in (True, False):
        copy = tmp_path / f"copy-{symlinks}"
        shutil.copytree(built_once, copy, symlinks=symlinks)
        assert assert_one_build(copy) == {"a"}


def test_error_classes_and_exit_codes_are_the_documented_ones():
    assert (EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERRUPTED) == (0, 1, 2, 3, 130)
    assert KGError("x").exit_code == EXIT_INPUT and StoreError("x").exit_code == EXIT_OUTPUT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Errors and exit codes"):]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    assert [int(code) for code in re.findall(r"^\| `(\d+)` \|", section, flags=re.M)] == [0, 1, 2, 3, 130]


# --- SPARQL injection: user values never change what a query or update does ---


@pytest.mark.parametrize("sparql", [
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "ASK {} } ; CLEAR DEFAULT ; SELECT * { ",
])
def test_kg_query_runs_no_updates(built_once, tmp_path, sparql):
    out = tmp_path / "out"
    shutil.copytree(built_once, out, symlinks=True)
    before = assert_one_build(out)
    result = CliRunner().invoke(main, ["query", sparql, "--out", str(out)])
    assert result.exit_code == EXIT_USAGE and result.output.startswith("kg: error: bad SPARQL")
    assert assert_one_build(out) == before


HOSTILE_VALUES = [
    "} } ; DROP ALL ; INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> } } #",
    '""" ) } ; CLEAR ALL ; "',
    "back\\slash \\\" quote\nnew line\r\ttab \u0000 nul",
    "> <urn:evil> . <urn:x",
    "🚀 \u202eevil\u202c zero\u200bwidth",
]


class _UpdateServer:
    """Stands for a SPARQL server: runs each SPARQL Update it is sent on an in-memory store."""

    def __init__(self) -> None:
        import pyoxigraph

        self.store = pyoxigraph.Store()
        self.requests: list[tuple[str, str]] = []

    def request(self, method, url, *, body=None, headers=None):
        import urllib.parse

        self.requests.append((method, url))
        (update,) = urllib.parse.parse_qs(body.decode("utf-8"))["update"]
        self.store.update(update)


def test_loading_hostile_values_over_sparql_update_keeps_them_data():
    from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, serialize

    from kg.ontology import entity_iri
    from kg.remote import Loader, services

    server = _UpdateServer()
    kept = Quad(NamedNode("urn:kept:s"), NamedNode("urn:kept:p"), Literal("kept"), NamedNode("urn:kept:g"))
    server.store.add(kept)
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    triples = [(NamedNode(entity_iri(value)), label, Literal(value)) for value in HOSTILE_VALUES]
    ntriples = serialize([Triple(*t) for t in triples], format=RdfFormat.N_TRIPLES)
    loader = Loader(server, services("http://127.0.0.1:1/update"), graph_store=False, update_chunk_bytes=200)
    target = "https://w3id.org/kg-news/document/" + "evil%3E%20%7D"
    loader.replace(target, ntriples)
    graphs = {q.graph_name.value for q in server.store}
    assert graphs == {"urn:kept:g", target}
    assert {(q.subject, q.predicate, q.object) for q in server.store.quads_for_pattern(None, None, None, NamedNode(target))} == set(triples)
    assert kept in server.store


@pytest.mark.parametrize("target", [
    "http://x/a> } ; DROP ALL ; INSERT DATA { <http://y",
    "http://x/a b",
    "http://x/{g}",
    "urn:x\n",
])
def test_invalid_graph_names_are_refused_before_anything_is_sent(target):
    from kg.remote import Loader, services

    server = _UpdateServer()
    loader = Loader(server, services("http://127.0.0.1:1/update"), graph_store=False)
    with pytest.raises(ValueError):
        loader.replace(target, b"<urn:a> <urn:b> <urn:c> .\n")
    assert server.requests == []


# --- the CLI never shows a traceback for the environment's failures ---


def test_binary_input_to_extract_is_one_line_exit_1():
    result = CliRunner().invoke(main, ["extract"], input=b"%PDF-1.4\n\xe2\xe3\xcf\xd3\x00")
    assert result.exit_code == EXIT_INPUT
    assert result.output == "kg: error: the input is not UTF-8 text (invalid continuation byte at byte 9)\n"


def test_closed_output_pipe_is_no_traceback():
    """`kg query ... | head`: the reader goes away while kg is still writing."""
    code = ("import click\nfrom kg.cli import _clean_errors\n"
            "_clean_errors(lambda: [click.echo('row ' * 100) for _ in range(10_000)])()\n")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `head` exiting at once
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == EXIT_OUTPUT, stderr
    assert stderr == ""


def test_kg_view_over_a_build_then_rebuild_keeps_one_layout(built_once, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built_once, out, symlinks=True)
    result = CliRunner().invoke(main, ["view", "--from", str(out)])
    assert result.exit_code == 0, result.output
    assert not (out / "graph.html").is_symlink()  # the page was rewritten in place of its link
    kg.build([built_once.parent / "in"], out=out)
    assert (out / "graph.html").is_symlink() and (out / "graph.html").exists()
    assert assert_one_build(out) == {"a"}


def test_extract_refuses_a_text_over_the_limit_before_parsing():
    from kg.documents import MAX_DOCUMENT_CHARS

    result = CliRunner().invoke(main, ["extract"], input="word " * (MAX_DOCUMENT_CHARS // 5 + 1))
    assert result.exit_code == EXIT_INPUT
    assert result.output == (f"kg: error: text too long ({MAX_DOCUMENT_CHARS + 5:,} characters; "
                             f"the limit is {MAX_DOCUMENT_CHARS:,}): split it\n")


def test_a_document_the_rules_fail_on_loses_only_its_statements(tmp_path, monkeypatch, caplog):
    # a bug in one rule on one document (a RecursionError, an IndexError …) costs that
    # document's statements and a warning naming it, not the build
    import kg.extraction

    real = kg.extraction.statements_from_parsed

    def failing(parsed, resolver):
        if parsed.document.id == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        return real(parsed, resolver)

    monkeypatch.setattr(kg.extraction, "statements_from_parsed", failing)
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": doc_id, "text": GOOD}) + "\n" for doc_id in ("good", "bad")),
                      encoding="utf-8")
    with caplog.at_level("WARNING", logger="kg.extraction"):
        kg.build([corpus], out=tmp_path / "out", quiet=True)
    statements = read_jsonl(tmp_path / "out" / "statements.jsonl")
    assert statements and {s["doc"] for s in statements} == {"good"}
    assert "bad: no statements read: the extractor failed on it (RecursionError" in caplog.text
