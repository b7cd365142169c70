"""The HTTP client for SPARQL servers, against a small scripted server on 127.0.0.1:
retries, timeouts, Basic and Digest authentication, error messages, query forms, chunking.
Real servers (Oxigraph, Virtuoso) are in test_servers.py."""
from __future__ import annotations

import base64
import doctest
import hashlib
import json
import re
import socket
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.ontology
import kg.remote
from kg.errors import QueryError
from kg.remote import (
    AuthError,
    Client,
    Loader,
    RemoteError,
    Services,
    chunks,
    parse_challenges,
    query_form,
    query_rows,
    redact,
    services,
    split_credentials,
    with_prefixes,
)

PASSWORD = "s3cret-Pa55"


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Script:
    """What the scripted server answers: ``answer(seen) -> (status, headers, body)``."""

    answer: Callable[[Seen], tuple[int, dict[str, str], bytes]]
    seen: list[Seen] = field(default_factory=list)


@pytest.fixture
def server():
    script = Script(answer=lambda seen: (200, {}, b""))

    class Handler(BaseHTTPRequestHandler):
        def _any(self):
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(self.command, self.path, dict(self.headers), self.rfile.read(length))
            script.seen.append(seen)
            status, headers, body = script.answer(seen)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _any

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    script.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield script
    httpd.shutdown()
    httpd.server_close()


def no_sleep(seconds: float) -> None:
    pass


def client(**options) -> Client:
    return Client(sleep=no_sleep, **options)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- retries and errors ---------------------------------------------------------------


def test_busy_server_is_retried_with_backoff(server):
    answers = iter([(503, {}, b"busy"), (502, {}, b"gateway"), (200, {}, b"ok")])
    server.answer = lambda seen: next(answers)
    waits = []
    response = Client(sleep=waits.append, backoff=0.5).request("GET", server.url + "/x")
    assert response.body == b"ok"
    assert waits == [0.5, 1.0]


def test_retry_after_is_honoured_but_bounded(server):
    answers = iter([(429, {"Retry-After": "2"}, b""), (429, {"Retry-After": "3600"}, b""), (200, {}, b"")])
    server.answer = lambda seen: next(answers)
    waits = []
    Client(sleep=waits.append).request("GET", server.url)
    assert waits == [2.0, 30.0]


def test_retries_are_bounded(server):
    server.answer = lambda seen: (503, {}, b"still busy")
    with pytest.raises(RemoteError, match=r"HTTP 503: still busy") as raised:
        client(retries=2).request("GET", server.url + "/x")
    assert len(server.seen) == 3 and raised.value.status == 503


@pytest.mark.parametrize("status", [400, 404, 415, 500])
def test_client_errors_and_server_failures_are_not_retried(server, status):
    server.answer = lambda seen: (status, {"Content-Type": "text/plain"}, b"Parser error at line 1")
    with pytest.raises(RemoteError) as raised:
        client().request("PUT", server.url + "/store?graph=urn%3Ax", body=b"x")
    assert len(server.seen) == 1
    assert str(raised.value) == f"PUT {server.url}/store: HTTP {status}: Parser error at line 1"
    assert raised.value.exit_code == 3


def test_unreachable_server_is_one_clear_line():
    url = f"http://127.0.0.1:{closed_port()}/store"
    with pytest.raises(RemoteError) as raised:
        client(retries=1).request("GET", url + "?graph=x")
    assert str(raised.value) == f"cannot reach {url}: connection refused (is the server running?)"


def test_timeout_is_one_clear_line():
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(RemoteError, match=r"^cannot reach .*/query: timed out$"):
            client(timeout=0.2, retries=0).request("GET", url)


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        # Virtuoso: the message is in <xmp>, and holds an IRI in angle brackets
        ("text/html", b"<!DOCTYPE HTML><html><head><title>SPARQL Graph Protocol request failed</title></head>"
                      b"<body><h1>HTTP/1.1 500 Request Failed</h1><h3>Error 22023</h3><xmp>The PUT request for "
                      b"graph <urn:x> is rejected</xmp></body></html>",
         "The PUT request for graph <urn:x> is rejected"),
        ("text/html", b"<html><head><title>t</title></head><body><p>Bad &amp; wrong</p></body></html>", "Bad & wrong"),
        # Virtuoso repeats the whole query after the error
        ("text/plain", b"Virtuoso 37000 Error SP030: syntax error at 'x'\n\nSPARQL query:\nSELECT x\nWHERE",
         "Virtuoso 37000 Error SP030: syntax error at 'x'"),
        ("text/plain", b"line one\n  line two\n", "line one line two"),
    ],
)
def test_server_message_is_one_line(content_type, body, expected):
    from email.message import Message

    headers = Message()
    headers["Content-Type"] = content_type
    assert kg.remote.server_message(kg.remote.Response(500, headers, body)) == expected


# --- authentication -------------------------------------------------------------------


def digest_server(user: str, password: str, *, realm: str = "SPARQL", stale_first: bool = False):
    """Checks Digest answers (MD5, qop=auth) with its own arithmetic, independent of kg's."""
    nonces = iter(f"nonce{n}" for n in range(100))
    current = {"nonce": next(nonces)}

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    def answer(seen: Seen):
        challenge = {"WWW-Authenticate": f'Digest realm="{realm}", nonce="{current["nonce"]}", qop="auth", '
                                         f'algorithm="MD5", opaque="op"'}
        header = seen.headers.get("Authorization", "")
        if not header.startswith("Digest "):
            return 401, challenge, b""
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[7:]))
        expected = md5(":".join([md5(f"{user}:{realm}:{password}"), fields["nonce"], fields["nc"], fields["cnonce"],
                                 "auth", md5(f"{seen.method}:{fields['uri']}")]))
        if stale_first and fields["nonce"] == "nonce0":
            current["nonce"] = next(nonces)
            return 401, {"WWW-Authenticate": challenge["WWW-Authenticate"].replace("nonce0", current["nonce"]) + ", stale=true"}, b""
        if fields["response"] != expected or fields["uri"] != seen.path or fields["opaque"] != "op":
            return 401, challenge, b""
        return 200, {}, f"hello {fields['username']} nc={fields['nc']}".encode()

    return answer


def test_digest_authentication_is_answered_and_reused(server):
    server.answer = digest_server("dba", PASSWORD)
    user = client(user="dba", password=PASSWORD)
    assert user.request("PUT", server.url + "/crud?graph=a", body=b"x").body == b"hello dba nc=00000001"
    assert user.request("POST", server.url + "/update", body=b"y").body == b"hello dba nc=00000002"
    # the first request met the challenge; the second was authorised up front
    assert [("Authorization" in s.headers) for s in server.seen] == [False, True, True]


def test_stale_nonce_is_renewed(server):
    server.answer = digest_server("dba", PASSWORD, stale_first=True)
    assert client(user="dba", password=PASSWORD).request("GET", server.url + "/q").body.startswith(b"hello")


def test_wrong_password_is_authentication_failed_without_the_password(server, caplog):
    server.answer = digest_server("dba", "right")
    with caplog.at_level("DEBUG"), pytest.raises(AuthError) as raised:
        client(user="dba", password=PASSWORD).request("GET", server.url + "/crud?graph=x")
    assert str(raised.value) == f"authentication failed for dba at {server.url}/crud"
    assert len(server.seen) == 2  # one try with the challenge, then a clear refusal
    assert PASSWORD not in caplog.text and PASSWORD not in repr(raised.value)


def test_no_credentials_for_a_server_that_asks(server):
    server.answer = digest_server("dba", "x")
    with pytest.raises(AuthError, match=r"asks for a user and password: give --user and --password \(or set KG_USER"):
        client().request("GET", server.url + "/crud")


def test_basic_authentication(server):
    expected = "Basic " + base64.b64encode(f"ann:{PASSWORD}".encode()).decode()
    server.answer = lambda seen: ((200, {}, b"in") if seen.headers.get("Authorization") == expected
                                  else (401, {"WWW-Authenticate": 'Basic realm="x"'}, b""))
    assert client(user="ann", password=PASSWORD).request("GET", server.url).body == b"in"


def test_unsupported_scheme_is_named(server):
    server.answer = lambda seen: (401, {"WWW-Authenticate": 'Bearer realm="x"'}, b"")
    with pytest.raises(AuthError, match=r"asks for authentication kg does not support \(bearer\)"):
        client(user="a", password="b").request("GET", server.url)


@pytest.mark.parametrize(
    ("algorithm", "password", "response"),
    [  # RFC 7616, section 3.9.1
        ("MD5", "Circle of Life", "8ca523f5e9506fed4657c9700eebdbec"),
        ("SHA-256", "Circle of Life", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ],
)
def test_digest_matches_the_rfc_examples(server, monkeypatch, algorithm, password, response):
    """What the client sends to the RFC's challenge, with the RFC's client nonce."""
    challenge = ('Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=%s, '
                 'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"' % algorithm)
    server.answer = lambda seen: ((200, {}, b"in") if "Authorization" in seen.headers else (401, {"WWW-Authenticate": challenge}, b""))
    monkeypatch.setattr(httpx.DigestAuth, "_get_client_nonce", lambda self, count, nonce: b"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")
    assert client(user="Mufasa", password=password).request("GET", server.url + "/dir/index.html").body == b"in"
    header = server.seen[-1].headers["Authorization"]
    assert f'response="{response}"' in header
    assert 'uri="/dir/index.html"' in header and 'username="Mufasa"' in header
    assert re.search(r"qop=\"?auth\"?, nc=00000001", header)


def test_challenges_with_commas_and_several_schemes():
    assert parse_challenges(['Digest realm="a, b", nonce="n", stale=TRUE', 'Basic realm="c"']) == [
        ("digest", {"realm": "a, b", "nonce": "n", "stale": "TRUE"}), ("basic", {"realm": "c"})]


@pytest.mark.parametrize(
    ("url", "clean", "user", "password"),
    [
        ("http://dba:p%40ss@127.0.0.1:8890/sparql", "http://127.0.0.1:8890/sparql", "dba", "p@ss"),
        ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/store", None, None),
        ("https://ann@example.org/x", "https://example.org/x", "ann", None),
    ],
)
def test_credentials_in_the_url_are_taken_out(url, clean, user, password):
    assert split_credentials(url) == (clean, user, password)
    assert redact(url) == clean


def test_not_an_http_url():
    with pytest.raises(kg.remote.KGError, match="not an http"):
        split_credentials("ftp://u:secret@host/x")
    with pytest.raises(kg.remote.KGError) as raised:
        split_credentials("file://u:secret@/x")
    assert "secret" not in str(raised.value)


# --- URLs of the services -------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("http://h:8890/sparql-graph-crud-auth",
         Services("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-auth", "http://h:8890/sparql-auth")),
        ("http://h:7878/store", Services("http://h:7878/store", "http://h:7878/update", "http://h:7878/query")),
        ("http://h:7878", Services("http://h:7878/store", "http://h:7878/update", "http://h:7878/query")),
        ("http://h:3030/news/data", Services("http://h:3030/news/data", "http://h:3030/news/update", "http://h:3030/news/query")),
        ("http://h/repositories/kg/statements",
         Services("http://h/repositories/kg/statements", "http://h/repositories/kg/statements", "http://h/repositories/kg/statements")),
    ],
)
def test_services_of_known_servers(endpoint, expected):
    assert services(endpoint) == expected


def test_update_endpoint_can_be_given():
    assert services("http://h:7878/store", update="http://h:9/u").update == "http://h:9/u"


# --- queries --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sparql", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("  # who?\nPREFIX ex: <http://example.org/a#b>\nprefix : <urn:x#>\nBASE <http://b/>\nask {}", "ASK"),
        ("PREFIX kg: <https://w3id.org/kg-news/ontology#>\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe ent:Russia", "DESCRIBE"),
    ],
)
def test_query_form(sparql, form):
    assert query_form(sparql) == form


@pytest.mark.parametrize("sparql", ["INSERT DATA { <a> <b> <c> }", "", "# only a comment", "PREFIX x: <y> DROP ALL"])
def test_updates_and_empty_text_are_not_queries(sparql):
    with pytest.raises(QueryError, match="not a SPARQL query"):
        query_form(sparql)


def test_with_prefixes_adds_only_missing_ones_on_the_first_line():
    text = with_prefixes("PREFIX ent: <urn:mine/>\nSELECT * WHERE { ent:x kg:p ?o }")
    assert "PREFIX ent: <urn:mine/>" in text and "PREFIX ent: <https://w3id.org/kg-news/entity/>" not in text
    assert "PREFIX kg: <https://w3id.org/kg-news/ontology#>" in text
    assert text.count("\n") == 1  # the server's line numbers still match the user's text


def json_answer(document: dict) -> Callable[[Seen], tuple[int, dict[str, str], bytes]]:
    return lambda seen: (200, {"Content-Type": "application/sparql-results+json"}, json.dumps(document).encode())


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"head": {}, "boolean": True}, True),
        # Virtuoso 7: ASK as a row of ?__ASK_RETVAL, or no row
        ({"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": [
            {"__ASK_RETVAL": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "1"}}]}}, True),
        ({"head": {"vars": ["__ASK_RETVAL"]}, "results": {"bindings": []}}, False),
    ],
)
def test_ask_answers(server, document, expected):
    server.answer = json_answer(document)
    assert query_rows("ASK { ?s ?p ?o }", endpoint=server.url + "/sparql") is expected
    [seen] = server.seen
    assert seen.method == "POST" and seen.path == "/sparql"
    assert seen.headers["Accept"].startswith("application/sparql-results+json")
    assert b"query=PREFIX+kg%3A" in seen.body


def test_select_rows_and_bare_address_means_oxigraph_query(server):
    server.answer = json_answer({"head": {"vars": ["s", "n"]}, "results": {"bindings": [
        {"s": {"type": "uri", "value": "https://w3id.org/kg-news/entity/Russia"},
         "n": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "3"}}]}})
    assert query_rows("SELECT ?s ?n {}", endpoint=server.url) == [{"s": "https://w3id.org/kg-news/entity/Russia", "n": 3}]
    assert server.seen[0].path == "/query"


def test_construct_asks_for_n_triples_and_renders_like_local(server):
    server.answer = lambda seen: (200, {"Content-Type": "application/n-triples"},
                                  b'<https://w3id.org/kg-news/entity/Russia> <http://www.w3.org/2000/01/rdf-schema#label> "Russia" .\n')
    table = kg.remote.query("CONSTRUCT WHERE { ?s ?p ?o }", endpoint=server.url + "/q")
    assert table.splitlines()[2].split() == ["ent:Russia", "|", "rdfs:label", "|", "Russia"]
    assert server.seen[0].headers["Accept"].startswith("application/n-triples")


def test_rejected_query_is_a_query_error(server):
    server.answer = lambda seen: (400, {"Content-Type": "text/plain"}, b"Parser error at 1:10: expected '}'")
    with pytest.raises(QueryError, match=r"^the server rejected the query: Parser error at 1:10: expected '}'$"):
        query_rows("SELECT * { ?s", endpoint=server.url + "/q")


@pytest.mark.parametrize("sparql", [
    "SELECT ?s WHERE { ?s ?p }",  # the error on the first line: the server counted the prefixes kg added
    "SELECT ?s\nWHERE { ?s ?p }",  # on the second: nothing to correct
    "PREFIX rel: <https://w3id.org/kg-news/relation/> SELECT ?s WHERE { ?s rel:x ?o ?p }",  # a prefix of its own
])
def test_rejected_query_points_at_the_column_of_the_users_query(server, sparql):
    """The server parses what it was sent; the error must name the place in what the user wrote."""
    def parse_as_oxigraph_does(seen):
        sent = urllib.parse.parse_qs(seen.body.decode("utf-8"))["query"][0]
        try:
            pyoxigraph.Store().query(sent)
        except SyntaxError as error:
            return 400, {"Content-Type": "text/plain"}, str(error).encode()
        return 200, {"Content-Type": "application/sparql-results+json"}, b'{"head":{},"boolean":true}'

    server.answer = parse_as_oxigraph_does
    with pytest.raises(QueryError) as remote:
        query_rows(sparql, endpoint=server.url + "/q")
    with pytest.raises(SyntaxError) as local:
        pyoxigraph.Store().query(sparql, prefixes=kg.ontology.PREFIXES)
    assert str(remote.value) == f"the server rejected the query: {local.value}"


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [("text/html", b"<html>login</html>", "answered text/html, not SPARQL results"),
     ("application/sparql-results+json", b"{not json", "cannot read the server's answer")],
)
def test_unreadable_answers(server, content_type, body, message):
    server.answer = lambda seen: (200, {"Content-Type": content_type}, body)
    with pytest.raises(RemoteError, match=re.escape(message)):
        query_rows("SELECT * {}", endpoint=server.url + "/q")


# --- loading --------------------------------------------------------------------------


def recording_loader(server, **options) -> Loader:
    return Loader(client(), services(server.url + "/store"), **options)


def test_replace_uploads_into_a_temporary_graph_then_moves(server):
    recording_loader(server, chunk_bytes=30).replace("urn:kg:g", b'<urn:a> <urn:b> "1" .\n<urn:a> <urn:b> "2" .\n')
    temporary = kg.remote.temporary_graph("urn:kg:g")
    assert [(s.method, s.path.split("?")[0]) for s in server.seen] == [("PUT", "/store"), ("POST", "/store"), ("POST", "/update")]
    assert all(f"graph={temporary.replace(':', '%3A').replace('/', '%2F')}" in s.path for s in server.seen[:2])
    assert server.seen[0].headers["Content-Type"] == "application/n-triples"
    assert server.seen[2].body.decode() == "update=" + __import__("urllib.parse").parse.quote_plus(
        f"MOVE SILENT <{temporary}> TO <urn:kg:g>")


def test_failed_upload_never_moves_and_drops_the_temporary_graph(server):
    server.answer = lambda seen: (400, {}, b"bad data") if seen.method == "POST" and seen.path.startswith("/store") else (204, {}, b"")
    with pytest.raises(RemoteError, match=r"loading <urn:kg:g> failed, the server's copy is unchanged: POST .*HTTP 400: bad data"):
        recording_loader(server, chunk_bytes=30).replace("urn:kg:g", b'<urn:a> <urn:b> "1" .\n<urn:a> <urn:b> "2" .\n')
    updates = [s.body for s in server.seen if s.path == "/update"]
    assert len(updates) == 1 and updates[0].startswith(b"update=DROP+SILENT+GRAPH")


def test_no_graph_store_falls_back_to_sparql_update(server):
    server.answer = lambda seen: (405, {}, b"") if seen.path.startswith("/store") else (204, {}, b"")
    loader = recording_loader(server, update_chunk_bytes=30)
    loader.replace("urn:kg:g", b'<urn:a> <urn:b> "1" .\n<urn:a> <urn:b> "2" .\n')
    updates = [__import__("urllib.parse").parse.parse_qs(s.body.decode())["update"][0] for s in server.seen if s.path == "/update"]
    assert [u.split()[0] for u in updates] == ["DROP", "INSERT", "INSERT", "MOVE"]
    assert '<urn:a> <urn:b> "2" .' in updates[2]
    assert loader.graph_store is False


def test_invalid_graph_iri_is_refused_before_sending(server):
    with pytest.raises(ValueError):
        recording_loader(server).replace("not an iri", b"<a> <b> <c> .\n")
    assert server.seen == []


def test_chunks_keep_blank_nodes_together():
    data = b"_:b <urn:p> <urn:o> .\n" * 10
    assert list(chunks(data, 30)) == [data]


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.integers(min_value=0, max_value=80), max_size=40), size=st.integers(min_value=1, max_value=300))
def test_chunks_cut_at_line_ends_and_lose_nothing(lines, size):
    data = b"".join(b"<urn:a> <urn:b> \"" + b"x" * n + b"\" .\n" for n in lines)
    pieces = list(chunks(data, size))
    assert b"".join(pieces) == data
    assert all(piece.endswith(b"\n") for piece in pieces if piece)
    assert all(len(piece) <= size or piece.count(b"\n") == 1 for piece in pieces)


def test_module_doctests():
    assert doctest.testmod(kg.remote).failed == 0
