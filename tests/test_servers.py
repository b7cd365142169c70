"""Integration: the seed build loaded into real triple stores started here on 127.0.0.1 —
the Oxigraph server (PyPI package ``oxigraph``) and Virtuoso open source (Debian package
``virtuoso-opensource``, Digest authentication) — then queried back over HTTP.

`.ci/system-deps` installs Virtuoso (CI runs it as root).  Elsewhere the Virtuoso tests
skip with the reason when it is not installed; with ``CI`` set they fail instead.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from click.testing import CliRunner

import kg
from kg import remote
from kg.cli import main
from kg.ontology import BUILD_GRAPH, document_iri, entity_iri
from kg.rdf import quads
from kg.remote import LOADING_NS, Client, Loader, RemoteError
from kg.sparql import bind_parameters
from kg.store import build_store, open_store, query_rows

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
KG_GRAPHS = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg-news/"))'
GRAPH_COUNTS = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {KG_GRAPHS} }} GROUP BY ?g"
VIRTUOSO_PASSWORD = "dba"  # a fresh Virtuoso database has dba/dba


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"server not up after {seconds} s: {log.read_text(errors='replace')[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Server:
    name: str
    graph_store: str  # `kg load --endpoint`
    query: str  # `kg query --endpoint`
    user: str | None = None
    password: str | None = None

    def client(self) -> Client:
        return Client(user=self.user, password=self.password, timeout=30, retries=1)

    def rows(self, sparql: str):
        return remote.query_rows(sparql, endpoint=self.query, client=self.client())

    def update(self, text: str) -> None:
        Loader(self.client(), remote.services(self.graph_store)).update(text)

    def env(self) -> dict[str, str]:
        return {"KG_USER": self.user, "KG_PASSWORD": self.password} if self.user else {}

    def graph_counts(self) -> dict[str, int]:
        return {row["g"]: row["n"] for row in self.rows(GRAPH_COUNTS)}

    def graph(self, name: str) -> set:
        return {(t.subject, t.predicate, t.object)
                for t in remote.remote_results(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}",
                                               endpoint=self.query, client=self.client())}


def start_oxigraph(folder: Path, *options: str):
    from kg.store import oxigraph_server

    port = free_port()
    log = folder / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen([oxigraph_server(), "serve", "--location", str(folder / "data"),
                                    "--bind", f"127.0.0.1:{port}", *options],
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process, log)
        yield Server("oxigraph", f"http://127.0.0.1:{port}/store", f"http://127.0.0.1:{port}/query")
    finally:
        stop(process)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    # the union default graph, as the embedded store and Virtuoso have it
    yield from start_oxigraph(tmp_path_factory.mktemp("oxigraph"), "--union-default-graph")


@pytest.fixture(scope="module")
def oxigraph_plain(tmp_path_factory):
    # Oxigraph's own default: the default graph is empty, only the named graphs hold data
    yield from start_oxigraph(tmp_path_factory.mktemp("oxigraph-plain"))


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
DirsAllowed = ., {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if shutil.which("virtuoso-t") is None:
        reason = "virtuoso-t not installed: run `bash .ci/system-deps` as root (Debian package virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                                   cwd=folder, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", process, log)
        server = Server("virtuoso", f"http://127.0.0.1:{http_port}/sparql-graph-crud-auth",
                        f"http://127.0.0.1:{http_port}/sparql-auth", user="dba", password=VIRTUOSO_PASSWORD)
        server.sql_port, server.folder = sql_port, folder
        yield server
    finally:
        stop(process)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request) -> Server:
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def seed_build(seeds, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    kg.build([seeds], out=out, formats=FORMATS)
    return out


def local_graph_counts(out: Path) -> dict[str, int]:
    counts = {row["g"]: row["n"] for row in query_rows(GRAPH_COUNTS, store=out / "store")}
    record = list(pyoxigraph.parse(path=str(out / "build.trig"), format=pyoxigraph.RdfFormat.TRIG))
    counts[BUILD_GRAPH] = len(record)
    return counts


def local_graph(out: Path, name: str) -> set:
    store = open_store(out / "store")
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(name))}


def leftover_temporary_graphs(server: Server) -> list[str]:
    rows = server.rows(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{LOADING_NS}")) }}')
    return [row["g"] for row in rows]


def cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


# --- loading and querying the card facts ----------------------------------------------


@pytest.mark.server
@pytest.mark.model
def test_load_then_query_the_card_facts_and_reload(server, seed_build):
    result = cli("load", str(seed_build), "--endpoint", server.graph_store, env=server.env())
    assert result.exit_code == 0, result.output
    assert result.output.startswith("loaded 3 graph(s),")
    expected = local_graph_counts(seed_build)
    assert server.graph_counts() == expected

    # Russia struck Islamic State: a direct triple whose relation is an ASSAULT or FIGHT event
    assert server.rows("ASK { ent:Russia ?r ent:Islamic_State . ?r kg:eventType ?e . "
                       "FILTER(?e IN (ev:ASSAULT, ev:FIGHT)) }") is True
    # the United States refused to cooperate: a negated statement, never a direct triple
    refusals = server.rows("SELECT ?negated WHERE { ?st kg:subject ent:United_States ; kg:predicateLemma ?lemma ; "
                           "kg:negated ?negated . FILTER(STRSTARTS(?lemma, 'cooperate')) }")
    assert refusals and all(row["negated"] is True for row in refusals)
    assert server.rows("ASK { ent:United_States ?r ?o . ?r kg:eventType ev:COOPERATE }") is False
    # Iraq may request strikes: modality possible
    requests = server.rows("SELECT ?m WHERE { ?st kg:subject ent:Iraq ; kg:predicateLemma 'request' ; kg:modality ?m }")
    assert requests and {row["m"] for row in requests} == {"https://w3id.org/kg-news/ontology#possible"}

    result = cli("load", str(seed_build), "--endpoint", server.graph_store, "-q", env=server.env())
    assert result.exit_code == 0 and result.output == ""
    assert server.graph_counts() == expected
    assert leftover_temporary_graphs(server) == []


@pytest.mark.server
@pytest.mark.model
def test_server_graphs_hold_exactly_the_build(server, seed_build):
    remote.load(seed_build, endpoint=server.graph_store, client=server.client())
    for name in local_graph_counts(seed_build):
        if name != BUILD_GRAPH:
            assert server.graph(name) == local_graph(seed_build, name), name
    record = {(q.subject, q.predicate, q.object)
              for q in pyoxigraph.parse(path=str(seed_build / "build.trig"), format=pyoxigraph.RdfFormat.TRIG)}
    assert server.graph(BUILD_GRAPH) == record


@pytest.mark.server
@pytest.mark.model
def test_sparql_update_fallback_loads_the_same(server, seed_build):
    expected = local_graph_counts(seed_build)
    for name in expected:
        server.update(f"DROP SILENT GRAPH <{name}>")
    report = remote.load(seed_build, endpoint=server.graph_store, client=server.client(),
                         loader=lambda c, w: Loader(c, w, graph_store=False, update_chunk_bytes=8192))
    assert report.protocol == "SPARQL Update"
    assert server.graph_counts() == expected
    name = next(iter(expected))
    assert server.graph(name) == local_graph(seed_build, name)


@pytest.mark.server
@pytest.mark.model
def test_whole_build_into_one_graph(server, seed_build):
    target = "urn:kg-test:everything"
    result = cli("load", str(seed_build), "--endpoint", server.graph_store, "--graph", target, env=server.env())
    assert result.exit_code == 0, result.output
    union = query_rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", store=seed_build / "store")[0]["n"]
    record = len(list(pyoxigraph.parse(path=str(seed_build / "build.trig"), format=pyoxigraph.RdfFormat.TRIG)))
    assert server.rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{target}> {{ ?s ?p ?o }} }}") == [{"n": union + record}]
    server.update(f"DROP SILENT GRAPH <{target}>")


@pytest.mark.server
@pytest.mark.model
def test_prune_drops_only_graphs_of_documents_no_longer_in_the_build(server, seed_build, tmp_path):
    documents = [json.loads(line) for line in (seed_build / "documents.jsonl").read_text("utf-8").splitlines()]
    statements = [json.loads(line) for line in (seed_build / "statements.jsonl").read_text("utf-8").splitlines()]
    gone = document_iri(documents[0]["id"])
    smaller = tmp_path / "smaller"  # the seed build after its first document was deleted
    build_store(smaller / "store", quads(documents[1:], [s for s in statements if s["doc"] != documents[0]["id"]]))
    other = "urn:kg-test:not-a-document"
    server.update(f"INSERT DATA {{ GRAPH <{other}> {{ <urn:a> <urn:b> <urn:c> }} }}")
    try:
        remote.load(seed_build, endpoint=server.graph_store, client=server.client())
        kept = remote.load(smaller, endpoint=server.graph_store, client=server.client())
        assert kept.removed == [] and gone in server.graph_counts()  # without --prune, nothing is dropped

        result = cli("load", str(smaller), "--endpoint", server.graph_store, "--prune", env=server.env())
        assert result.exit_code == 0, result.output
        assert "removed 1 graph(s) of documents no longer in the build" in result.output
        counts = server.graph_counts()
        assert gone not in counts
        expected = {name: n for name, n in local_graph_counts(seed_build).items() if name != gone}
        assert {name: n for name, n in counts.items() if name != BUILD_GRAPH} == \
               {name: n for name, n in expected.items() if name != BUILD_GRAPH}
        assert server.rows(f"ASK {{ GRAPH <{other}> {{ <urn:a> <urn:b> <urn:c> }} }}") is True
    finally:
        server.update(f"DROP SILENT GRAPH <{other}>")
        remote.load(seed_build, endpoint=server.graph_store, client=server.client())  # as the other tests expect


# --- a failed load leaves the previous graphs -----------------------------------------


def changed_build(seed_build: Path, folder: Path) -> Path:
    """The seed build with every other statement of each document dropped."""
    documents = [json.loads(line) for line in (seed_build / "documents.jsonl").read_text("utf-8").splitlines()]
    statements = [json.loads(line) for line in (seed_build / "statements.jsonl").read_text("utf-8").splitlines()]
    build_store(folder / "store", quads(documents, statements[::2]))
    return folder


class FailingLoader(Loader):
    """Fails like a server going away, at ``step`` of the second graph."""

    def __init__(self, *args, step: str, **options) -> None:
        super().__init__(*args, chunk_bytes=4096, update_chunk_bytes=4096, **options)
        self.step, self.graphs, self.requests = step, 0, 0

    def replace(self, target: str, ntriples: bytes) -> None:
        self.graphs += 1
        super().replace(target, ntriples)

    def _upload(self, temporary: str, ntriples: bytes) -> None:
        if self.step == "upload" and self.graphs == 2:
            original = self.client.request

            def failing(method, url, **kwargs):
                self.requests += 1
                if self.requests == 3:  # PUT and one POST went through
                    raise RemoteError(f"{method} {url}: HTTP 503: injected", status=503)
                return original(method, url, **kwargs)

            self.client.request = failing
            try:
                return super()._upload(temporary, ntriples)
            finally:
                self.client.request = original
        return super()._upload(temporary, ntriples)

    def update(self, text: str) -> None:
        if self.step == "move" and self.graphs == 2 and text.startswith("MOVE"):
            raise RemoteError("POST update: HTTP 503: injected", status=503)
        super().update(text)


@pytest.mark.server
@pytest.mark.model
@pytest.mark.parametrize("step", ["upload", "move"])
def test_failed_load_leaves_the_previous_graph_and_retrying_is_safe(server, seed_build, tmp_path, step):
    remote.load(seed_build, endpoint=server.graph_store, client=server.client())
    changed = changed_build(seed_build, tmp_path / "changed")
    first, second = sorted(name for name in local_graph_counts(seed_build) if name != BUILD_GRAPH)
    assert local_graph(changed, second) != local_graph(seed_build, second)

    with pytest.raises(RemoteError, match=f"loading <{second}> failed, the server's copy is unchanged"):
        remote.load(changed, endpoint=server.graph_store, client=server.client(),
                    loader=lambda c, w: FailingLoader(c, w, step=step))
    assert server.graph(first) == local_graph(changed, first)  # replaced before the failure
    assert server.graph(second) == local_graph(seed_build, second)  # whole, as before
    assert leftover_temporary_graphs(server) == []

    remote.load(changed, endpoint=server.graph_store, client=server.client())
    assert server.graph(second) == local_graph(changed, second)
    remote.load(changed, endpoint=server.graph_store, client=server.client())  # again: same result
    assert server.graph(second) == local_graph(changed, second)


# --- authentication (Virtuoso: Digest) ------------------------------------------------


@pytest.mark.server
@pytest.mark.model
def test_wrong_password_is_one_line_and_never_shown(virtuoso, seed_build):
    secret = "not-the-Password-42"
    result = cli("load", str(seed_build), "--endpoint", virtuoso.graph_store, env={"KG_USER": "dba", "KG_PASSWORD": secret})
    assert result.exit_code == 3
    assert result.output == f"kg: error: authentication failed for dba at {virtuoso.graph_store}\n"
    result = cli("-v", "query", "ASK {}", "--endpoint", virtuoso.query, "--user", "dba", "--password", secret)
    assert result.exit_code == 3 and secret not in result.output


@pytest.mark.server
@pytest.mark.model
def test_no_credentials_for_virtuoso_says_what_to_give(virtuoso, seed_build):
    result = cli("load", str(seed_build), "--endpoint", virtuoso.graph_store, env={"KG_USER": None, "KG_PASSWORD": None})
    assert result.exit_code == 3
    assert "asks for a user and password: give --user and --password" in result.output
    assert result.output.count("\n") == 1


@pytest.mark.server
@pytest.mark.model
def test_credentials_in_the_url_work_and_are_not_printed(virtuoso, seed_build):
    with_credentials = virtuoso.graph_store.replace("http://", f"http://dba:{VIRTUOSO_PASSWORD}@")
    result = cli("load", str(seed_build), "--endpoint", with_credentials, env={"KG_USER": None, "KG_PASSWORD": None})
    assert result.exit_code == 0, result.output
    assert f"dba:{VIRTUOSO_PASSWORD}@" not in result.output and virtuoso.graph_store in result.output


def test_unreachable_server_is_one_line(seed_build_or_sample):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/store"
    result = cli("load", str(seed_build_or_sample), "--endpoint", url, "--retries", "0")
    assert result.exit_code == 3
    assert result.output == f"kg: error: cannot reach {url}: connection refused (is the server running?)\n"


@pytest.fixture
def seed_build_or_sample(tmp_path) -> Path:
    """A small build without the model: the sample statements of tests/data."""
    lines = (ROOT / "tests" / "data" / "statements_sample.jsonl").read_text("utf-8").splitlines()
    build_store(tmp_path / "store", quads([], [json.loads(line) for line in lines]))
    return tmp_path


def test_load_without_a_build_is_a_store_error(tmp_path):
    result = cli("load", str(tmp_path), "--endpoint", "http://127.0.0.1:9/store")
    assert result.exit_code == 3 and result.output == f"kg: error: no build in {tmp_path} (no store); run `kg build ARTICLES --out {tmp_path}` first\n"


# --- the shipped queries and the query command ----------------------------------------


def query_names() -> list[str]:
    return sorted(path.stem for path in QUERIES.glob("*.rq"))


def as_set(rows) -> set:
    """Rows as a set; a GROUP_CONCAT of claims (by_source) as a set too: SPARQL leaves its order open."""
    def cell(name, value):
        return frozenset(value.split(" | ")) if name == "claims" else value

    return {tuple(sorted((name, cell(name, value)) for name, value in row.items())) for row in rows}


@pytest.fixture(scope="module")
def examples_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("examples-build")
    kg.build([ROOT / "examples"], out=out)
    return out


# Parameters the shipped queries are also run with (besides their defaults).
QUERY_PARAMETERS = {
    "entity_timeline": [{"entity": "Russia", "from": "2015-10-01"}],
    "between": [{"a": "Russia", "b": "Islamic State", "from": "2015-10-01", "to": "2015-10-31"},
                {"a": "islamic", "b": "russia"}],  # names: whole words in any case
}


@pytest.mark.server
@pytest.mark.model
@pytest.mark.parametrize("store", ["oxigraph", "oxigraph_plain", "virtuoso"])
@pytest.mark.parametrize("build", ["seed_build", "examples_build"])
def test_shipped_queries_give_the_same_rows_on_every_store(request, store, build):
    """Every file in queries/ gives the embedded store's rows on each server: the same set
    of rows, and as many (a union default graph that repeats a label in every article's
    graph must not multiply them), whatever the server's default graph is."""
    server, out = request.getfixturevalue(store), request.getfixturevalue(build)
    remote.load(out, endpoint=server.graph_store, client=server.client(), prune=True)  # exactly this build
    try:
        found = 0
        for name in query_names():
            text = (QUERIES / f"{name}.rq").read_text("utf-8")
            for values in ({}, *QUERY_PARAMETERS.get(name, ())):
                sparql = bind_parameters(text, values)
                local = query_rows(sparql, store=out / "store")
                remote_rows = server.rows(sparql)
                assert as_set(remote_rows) == as_set(local), (name, values)
                assert len(remote_rows) == len(local), (name, values)
                found += bool(local)
        assert found >= 4, f"only {found} of the shipped queries find anything in {build}"
    finally:  # the servers are shared by the module's tests: leave them holding the seed build
        seeds = request.getfixturevalue("seed_build")
        remote.load(seeds, endpoint=server.graph_store, client=server.client(), prune=True)


@pytest.mark.server
@pytest.mark.model
@pytest.mark.parametrize("name", query_names())
def test_shipped_queries_find_something_in_the_seed_build(seed_build, name):
    sparql = (QUERIES / f"{name}.rq").read_text("utf-8")
    assert query_rows(bind_parameters(sparql), store=seed_build / "store"), \
        f"{name} finds nothing in the seed build"


@pytest.mark.model
def test_shipped_queries_find_the_card_facts_in_the_seed_build(seed_build):
    def run(name, **values):
        return query_rows(bind_parameters((QUERIES / f"{name}.rq").read_text("utf-8"), values), store=seed_build / "store")

    assert ("Russia", "Islamic State") in {(r["attacker"], r["target"]) for r in run("attacks")}
    refusals = [r for r in run("refusals") if r["subject"] == "United States" and "cooperate" in r["predicate"]]
    assert refusals and all(r["negated"] for r in refusals)
    assert ("Iraq", "possible") in {(r["subject"], r["modality"]) for r in run("hedged")}
    assert "Ashton Carter" in {r["speaker"] for r in run("by_source")}
    assert {r["role"] for r in run("entity_timeline")} >= {"subject", "object"}
    assert ("Russia", "Islamic State") in {(r["subject"], r["object"]) for r in run("all_facts")}
    assert not any(r["subject"] == "United States" and r["event"] == "COOPERATE" for r in run("all_facts"))
    # the timeline is Russia's alone, and `from` cuts it
    timeline = run("entity_timeline")
    assert timeline and all("Russia" in (r["subject"], r.get("object")) or r["role"] == "speaker" for r in timeline)
    assert run("entity_timeline", entity="Iraq") != timeline
    assert run("entity_timeline", **{"from": "2999-01-01"}) == []  # the seeds have no dates: none is after it
    between = run("between")
    assert between and {(r["subject"], r["object"]) for r in between} <= {("Russia", "Islamic State"), ("Islamic State", "Russia")}
    assert run("between", to="1900-01-01") == []


@pytest.mark.server
@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml"])
def test_query_command_formats_server_results_like_local_ones(server, seed_build, fmt):
    remote.load(seed_build, endpoint=server.graph_store, client=server.client())
    query_file = str(QUERIES / "all_facts.rq")  # DISTINCT and ORDER BY: the same rows in the same order
    local = cli("query", "--file", query_file, "--out", str(seed_build), "--format", fmt)
    served = cli("query", "--file", query_file, "--endpoint", server.query, "--format", fmt, env=server.env())
    assert local.exit_code == 0 and served.exit_code == 0, served.output
    assert served.output == local.output


@pytest.mark.server
@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "nt", "ttl", "jsonld"])
def test_query_command_describes_and_constructs_on_a_server(server, seed_build, fmt):
    remote.load(seed_build, endpoint=server.graph_store, client=server.client())
    sparql = "CONSTRUCT { ent:Iraq ?p ?o } WHERE { ent:Iraq ?p ?o }"
    local = cli("query", sparql, "--out", str(seed_build), "--format", fmt)
    served = cli("query", sparql, "--endpoint", server.query, "--format", fmt, env=server.env())
    assert served.exit_code == 0, served.output
    if fmt == "table":
        assert sorted(served.output.splitlines()[2:-1]) == sorted(local.output.splitlines()[2:-1])
    else:
        parse_as = {"nt": "nt", "ttl": "turtle", "jsonld": "json-ld"}[fmt]
        assert rdflib.Graph().parse(data=served.output, format=parse_as).isomorphic(
            rdflib.Graph().parse(data=local.output, format=parse_as))
    described = cli("query", "DESCRIBE ent:Iraq", "--endpoint", server.query, "--format", "nt", env=server.env())
    assert described.exit_code == 0 and f"<{entity_iri('Iraq')}>" in described.output


@pytest.mark.server
def test_bad_query_on_a_server_is_exit_2(server):
    result = cli("query", "SELECT ?s WHERE { ?s ?p", "--endpoint", server.query, env=server.env())
    assert result.exit_code == 2, result.output
    assert result.output.startswith("kg: error: the server rejected the query:") and result.output.count("\n") == 1


# --- every serialization we write -----------------------------------------------------

MEDIA_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
               "trig": "application/trig", "jsonld": "application/ld+json"}


def file_quads(path: Path, fmt: str) -> Counter:
    parsed = pyoxigraph.parse(path=str(path), format=kg.rdf.FORMATS[fmt])
    return Counter((q.graph_name.value if isinstance(q.graph_name, pyoxigraph.NamedNode) else None)
                   for q in parsed)


@pytest.mark.model
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_serialization_parses_in_rdflib_and_pyoxigraph(seed_build, fmt):
    path = seed_build / f"kg.{fmt}"
    expected = {(q.subject.value, q.predicate.value, q.object.value) for q in pyoxigraph.parse(path=str(seed_build / "kg.nq"))}
    parsed = {(q.subject.value, q.predicate.value, q.object.value) for q in pyoxigraph.parse(path=str(path))}
    assert parsed == expected
    if kg.rdf.FORMATS[fmt].supports_datasets:
        dataset = rdflib.Dataset()
        dataset.parse(path, format={"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt])
        graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
        assert graphs == set(file_quads(seed_build / "kg.nq", "nq"))
        assert sum(len(g) for g in dataset.graphs()) == sum(file_quads(seed_build / "kg.nq", "nq").values())
    else:
        graph = rdflib.Graph().parse(path, format={"ttl": "turtle", "nt": "nt"}[fmt])
        assert {(str(s), str(p), str(o)) for s, p, o in graph} == expected


def virtuoso_bulk_load(server: Server, path: Path) -> None:
    """Virtuoso's own loader for N-Quads and TriG (its Graph Store endpoint takes triples)."""
    sql = (f"ld_dir('{path.parent}', '{path.name}', 'urn:kg-test:default'); rdf_loader_run(); "
           f"select ll_error from DB.DBA.LOAD_LIST where ll_file = '{path}';")
    done = subprocess.run(["isql-vt", f"127.0.0.1:{server.sql_port}", "dba", VIRTUOSO_PASSWORD, f"exec={sql}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "NULL" in done.stdout, done.stdout + done.stderr


# Virtuoso 7.2 has no JSON-LD reader (its loader reads kg.jsonld as Turtle and fails).
SERIALIZATIONS = [(name, fmt) for name in ("oxigraph", "virtuoso") for fmt in FORMATS
                  if (name, fmt) != ("virtuoso", "jsonld")]


@pytest.mark.server
@pytest.mark.model
@pytest.mark.parametrize(("name", "fmt"), SERIALIZATIONS)
def test_every_serialization_loads_into_the_servers(request, seed_build, tmp_path, name, fmt):
    server = request.getfixturevalue(name)
    path = tmp_path / f"kg-{fmt}.{fmt}"
    shutil.copy(seed_build / f"kg.{fmt}", path)
    expected = file_quads(path, fmt)
    client = server.client()
    if kg.rdf.FORMATS[fmt].supports_datasets:
        for graph in expected:
            server.update(f"DROP SILENT GRAPH <{graph}>")
        if name == "virtuoso":
            virtuoso_bulk_load(server, path)
        else:
            client.request("POST", server.graph_store, body=path.read_bytes(), headers={"Content-Type": MEDIA_TYPES[fmt]})
        assert {g: n for g, n in server.graph_counts().items() if g in expected} == dict(expected)
        mangled = 'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), "\\\\")) }'
        assert server.rows(mangled) == [{"n": 0}]  # no backslash kept from doc:000\%5F… in TriG
        for graph in expected:
            assert server.graph(graph) == local_graph(seed_build, graph)
    else:
        graph = f"urn:kg-test:{fmt}"
        client.request("PUT", remote._with_params(server.graph_store, graph=graph), body=path.read_bytes(),
                       headers={"Content-Type": MEDIA_TYPES[fmt]})
        triples = {(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(path=str(path), format=kg.rdf.FORMATS[fmt])}
        assert server.graph(graph) == triples  # e.g. no backslash kept in doc:000%5F… IRIs
        server.update(f"DROP SILENT GRAPH <{graph}>")


# --- kg serve -------------------------------------------------------------------------


@pytest.mark.server
@pytest.mark.model
def test_kg_serve_answers_sparql_over_the_embedded_store(seed_build):
    port = free_port()
    log = seed_build.parent / "serve.log"
    kg_command = [sys.executable, "-m", "kg", "serve", str(seed_build), "--bind", f"127.0.0.1:{port}"]
    with open(log, "wb") as output:
        process = subprocess.Popen(kg_command, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process, log)
        result = cli("query", "--file", str(QUERIES / "all_facts.rq"), "--endpoint", f"http://127.0.0.1:{port}", "--format", "csv")
        assert result.exit_code == 0, result.output
        assert result.output == cli("query", "--file", str(QUERIES / "all_facts.rq"), "--out", str(seed_build), "--format", "csv").output
        served = remote.query_rows("SELECT (COUNT(*) AS ?n) WHERE { ent:Russia rdfs:label ?l }", endpoint=f"http://127.0.0.1:{port}/query")
        assert served == [{"n": 1}]  # the store's union default graph, each triple once
        with pytest.raises(RemoteError, match="HTTP 4"):  # read-only
            remote.Client(retries=0).request("POST", f"http://127.0.0.1:{port}/update", body=b"update=CLEAR+ALL",
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert served == [{"n": 1}]
    finally:
        stop(process)
    assert f"serving {seed_build / 'store'} read-only at http://127.0.0.1:{port}/query" in log.read_text()


def test_kg_serve_without_a_store_is_one_line(tmp_path):
    result = cli("serve", str(tmp_path))
    assert result.exit_code == 3
    assert result.output == f"kg: error: no build in {tmp_path} (no store); run `kg build ARTICLES --out {tmp_path}` first\n"


@pytest.mark.parametrize("bind", ["7878", "127.0.0.1", "host:port", "a b:1"])
def test_kg_serve_bad_bind(seed_build_or_sample, bind):
    result = cli("serve", str(seed_build_or_sample), "--bind", bind)
    assert result.exit_code == 3 and "--bind takes HOST:PORT" in result.output


@pytest.mark.model
def test_the_readme_first_query_finds_rows_in_the_sample_build(examples_build):
    """The first `kg query` of the README, on what `make run` builds (it used rel:launch_at, which gave 0 rows)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    first = next(line for line in readme.splitlines() if line.startswith("kg query '"))
    sparql = first[len("kg query '"):first.rindex("'")]
    result = cli("query", sparql, "--out", str(examples_build))
    assert result.exit_code == 0, result.output
    assert "(0 rows)" not in result.output and "Turkey" in result.output
