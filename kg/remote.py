"""SPARQL servers over HTTP: queries (SPARQL 1.1 Protocol) and loading a build into a
server (SPARQL 1.1 Graph Store HTTP Protocol, or SPARQL Update where a server has no
Graph Store endpoint), with bounded retries, timeouts and Basic or Digest authentication.

Loading replaces each graph atomically: the data goes into a temporary graph first (PUT,
then POST for further chunks) and one SPARQL Update ``MOVE`` puts it in place of the
target graph.  A load that fails part-way leaves the server's previous graph as it was,
and running it again is safe: every step replaces rather than appends.

Credentials are kept in memory only: never logged, never in an error message.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import logging
import os
import re
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from kg import parts
from kg.errors import EXIT_OUTPUT, KGError, QueryError, one_line
from kg.ontology import BASE, DOCUMENT_NS, KG_NS, PREFIXES
from kg.files import native_path
from kg.outputs import BuildFolder
from kg.store import Results, open_store, render, rows

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

TIMEOUT = 60.0  # seconds per HTTP request
RETRIES = 3  # further attempts after a network error or a busy server (backoff 0.5, 1, 2 s)
CHUNK_BYTES = 4 << 20  # N-Triples per request; larger graphs go as PUT then POSTs
UPDATE_CHUNK_BYTES = 256 << 10  # INSERT DATA text per request (SPARQL Update fallback)
RETRY_STATUS = {408, 429, 502, 503, 504}  # worth another try; other errors are final
LOADING_NS = BASE + "loading/"  # temporary graphs, one per target graph

_SELECT_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8"
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_RESULTS_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,  # N-Triples' type before RDF 1.1
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/trig": RdfFormat.TRIG,
}


class RemoteError(KGError):
    """A server could not be reached, or refused a request."""

    exit_code = EXIT_OUTPUT  # like a store that cannot be written

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class AuthError(RemoteError):
    """The server wants credentials we do not have, or refused the ones we sent."""


# --- URLs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Services:
    """Where a server takes graph uploads, updates and queries."""

    graph_store: str
    update: str
    query: str


# Known layouts, by the last path segment of the URL given: (graph store, update, query).
_LAYOUTS = {
    "sparql-graph-crud-auth": ("sparql-graph-crud-auth", "sparql-auth", "sparql-auth"),  # Virtuoso
    "sparql-graph-crud": ("sparql-graph-crud", "sparql", "sparql"),  # Virtuoso, no auth
    "store": ("store", "update", "query"),  # Oxigraph
    "data": ("data", "update", "query"),  # Fuseki dataset
    "": ("store", "update", "query"),  # a bare Oxigraph address, as `kg serve` prints it
}


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """``http://u:p@host/x`` → (``http://host/x``, u, p); so no message ever shows them."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KGError(f"not an http(s) URL: {redact(url)!r}")
    if parts.username is None and parts.password is None:
        return url, None, None
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    unquote = urllib.parse.unquote
    return clean, unquote(parts.username or ""), None if parts.password is None else unquote(parts.password)


def redact(url: str) -> str:
    """The URL with any ``user:password@`` removed."""
    return re.sub(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", r"\1", url)


def services(endpoint: str, *, update: str | None = None) -> Services:
    """The Graph Store, Update and query URLs for ``endpoint`` (the Graph Store URL, or a
    server's bare address).

    >>> services("http://127.0.0.1:8890/sparql-graph-crud-auth")
    Services(graph_store='http://127.0.0.1:8890/sparql-graph-crud-auth', update='http://127.0.0.1:8890/sparql-auth', query='http://127.0.0.1:8890/sparql-auth')
    >>> services("http://127.0.0.1:7878").update
    'http://127.0.0.1:7878/update'
    """
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    layout = _LAYOUTS.get(last)
    if layout is None:  # one URL for everything (GraphDB, Blazegraph, …)
        return Services(endpoint, update or endpoint, endpoint)

    def at(segment: str) -> str:
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/{segment}", query="", fragment=""))

    graph_store, update_path, query_path = layout
    return Services(at(graph_store), update or at(update_path), at(query_path))


def query_url(endpoint: str) -> str:
    """A bare server address means Oxigraph's ``/query``; any other URL is used as given."""
    parts = urllib.parse.urlsplit(endpoint)
    return endpoint if parts.path.strip("/") else urllib.parse.urlunsplit(parts._replace(path="/query"))


def _with_params(url: str, **params: str) -> str:
    separator = "&" if urllib.parse.urlsplit(url).query else "?"
    return url + separator + urllib.parse.urlencode(params)


# --- authentication -------------------------------------------------------------------

_AUTH_ITEM = re.compile(
    r"""\s*(?:
        (?P<name>[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?P<value>"(?:[^"\\]|\\.)*"|[^\s,]*)
      | (?P<scheme>[!#$%&'*+.^_`|~0-9A-Za-z-]+=*)
      | ,
    )""",
    re.VERBOSE,
)


def parse_challenges(headers: Iterable[str]) -> list[tuple[str, dict[str, str]]]:
    """``WWW-Authenticate`` values → [(scheme, params)], schemes lower-cased: which
    scheme a server asks for, and whether it says its Digest nonce went stale.

    >>> parse_challenges(['Digest realm="SPARQL", nonce="ab,c", qop="auth", Basic realm="x"'])
    [('digest', {'realm': 'SPARQL', 'nonce': 'ab,c', 'qop': 'auth'}), ('basic', {'realm': 'x'})]
    """
    challenges: list[tuple[str, dict[str, str]]] = []
    for header in headers:
        position = 0
        while position < len(header):
            match = _AUTH_ITEM.match(header, position)
            if not match or match.end() == position:
                break
            position = match.end()
            if match["scheme"] and not match["scheme"].endswith("="):
                challenges.append((match["scheme"].lower(), {}))
            elif match["name"] and challenges:
                value = match["value"]
                if value.startswith('"'):
                    value = re.sub(r"\\(.)", r"\1", value[1:-1])
                challenges[-1][1][match["name"].lower()] = value
    return challenges


def _challenges(response: httpx.Response | Response) -> dict[str, dict[str, str]]:
    return dict(parse_challenges(response.headers.get_list("WWW-Authenticate")))


def _drive(flow: Iterator[httpx.Request], answered: httpx.Response | None = None):
    """Run one of httpx's authentication flows from inside ours, and give back its last
    response.  ``answered``: the 401 its first request (sent without credentials) has
    already had, so that it is not sent twice."""
    request = next(flow)
    response = answered
    try:
        if answered is not None:
            request = flow.send(answered)
        while True:
            response = yield request
            request = flow.send(response)
    except StopIteration:
        return response


class ServerAuth(httpx.Auth):
    """Basic or Digest authentication (httpx's), whichever a server asks for — Digest
    first, as it never sends the password — answered on the server's first challenge,
    then sent up front to that server; a Digest nonce the server calls stale is renewed.
    A 401 that gets through means the credentials were refused (or the scheme is one kg
    does not speak): :class:`Client` says which."""

    def __init__(self, user: str, password: str | None) -> None:
        self._user, self._password = user, password or ""
        self._chosen: dict[tuple[str, str, int | None], httpx.Auth] = {}  # server → what it asked for

    def __repr__(self) -> str:
        return f"ServerAuth(user={self._user!r})"

    def auth_flow(self, request: httpx.Request):
        server = (request.url.scheme, request.url.host, request.url.port)
        if server in self._chosen:
            response = yield from _drive(self._chosen[server].auth_flow(request))
        else:
            response = yield request
        for _ in range(3):  # the first challenge, then at most two stale nonces
            if response is None or response.status_code != 401:
                return
            challenges = _challenges(response)
            stale = challenges.get("digest", {}).get("stale", "").lower() == "true"
            if "Authorization" in request.headers and not stale:
                return  # refused
            if "digest" in challenges:
                self._chosen[server] = httpx.DigestAuth(self._user, self._password)
                response = yield from _drive(self._chosen[server].auth_flow(request), answered=response)
            elif "basic" in challenges:
                self._chosen[server] = httpx.BasicAuth(self._user, self._password)
                response = yield from _drive(self._chosen[server].auth_flow(request))
            else:
                return


# --- HTTP -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    status: int
    headers: Any  # httpx.Headers (or any mapping with .get)
    body: bytes

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        charset = re.search(r"""(?i)charset\s*=\s*"?([\w.:-]+)""", self.headers.get("Content-Type") or "")
        try:
            return self.body.decode(charset[1] if charset else "utf-8", errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def server_message(response: Response, limit: int = 300) -> str:
    """What the server said about an error, on one line: tags and echoed queries dropped."""
    text = response.text
    if "html" in response.content_type or re.search(r"(?i)<(?:!doctype|html)\b", text[:200]):
        preformatted = re.findall(r"(?is)<(xmp|pre)>(.*?)</\1>", text)
        if preformatted:
            text = " ".join(body for _, body in preformatted)
        else:
            text = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", text)
            text = html.unescape(re.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^>]*)?/?>", " ", text))
    text = re.split(r"\n\s*SPARQL (?:query|update):", text, maxsplit=1)[0]  # Virtuoso repeats the query
    return one_line(text, limit) or "no message"


def _is_loopback(host: str | None) -> bool:
    return host in ("localhost", "127.0.0.1", "::1") or bool(host and host.startswith("127."))


class Client:
    """HTTP requests to one or more SPARQL servers (httpx): timeouts, bounded retries —
    of connections by the transport, of busy servers (429, 502–504) and broken answers
    here, with exponential backoff — and Basic or Digest authentication
    (:class:`ServerAuth`)."""

    def __init__(
        self,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = TIMEOUT,
        retries: int = RETRIES,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user = user
        self.timeout, self.retries, self.backoff, self._sleep = timeout, retries, backoff, sleep
        self._auth = ServerAuth(user, password) if user is not None else None
        self._clients: dict[bool, httpx.Client] = {}  # loopback or not

    def __repr__(self) -> str:
        return f"Client(user={self.user!r}, timeout={self.timeout}, retries={self.retries})"

    def _http(self, url: str) -> httpx.Client:
        # Proxies from the environment, except for this machine (tests, `kg serve`).
        loopback = _is_loopback(urllib.parse.urlsplit(url).hostname)
        if loopback not in self._clients:
            self._clients[loopback] = httpx.Client(
                transport=httpx.HTTPTransport(retries=self.retries), timeout=self.timeout,
                trust_env=not loopback, follow_redirects=True)
        return self._clients[loopback]

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def request(self, method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None) -> Response:
        """Send one request; return a 2xx/3xx response, or raise :class:`RemoteError`."""
        attempt = 0
        while True:
            try:
                answer = self._http(url).request(method, url, content=body, headers=headers, auth=self._auth)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError) as error:  # no use trying again
                raise RemoteError(f"cannot use {_address(url)}: {error}") from None
            except httpx.TransportError as error:
                # Connections were retried by the transport already; a broken answer or a
                # read timeout is tried again here.
                if isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout)) or attempt >= self.retries:
                    raise RemoteError(f"cannot reach {_address(url)}: {_reason_text(error)}") from None
                logger.info("%s %s: %s; trying again", method, _address(url), _reason_text(error))
                self._sleep(self.backoff * 2**attempt)
                attempt += 1
                continue
            except httpx.HTTPError as error:  # a challenge httpx cannot answer (malformed, qop=auth-int)
                raise AuthError(f"{_address(url)}: cannot answer its authentication challenge: {error}", status=401) from None
            response = Response(answer.status_code, answer.headers, answer.content)
            if response.status == 401:
                raise self._refusal(url, answer)
            if response.status in RETRY_STATUS and attempt < self.retries:
                wait = _retry_after(response) or self.backoff * 2**attempt
                logger.info("%s %s: HTTP %s; trying again in %.1f s", method, _address(url), response.status, wait)
                self._sleep(wait)
                attempt += 1
                continue
            if response.status >= 400:
                raise RemoteError(f"{method} {_address(url)}: HTTP {response.status}: {server_message(response)}",
                                  status=response.status)
            return response

    def _refusal(self, url: str, answer: httpx.Response) -> AuthError:
        """Why a request ended in 401: no credentials, a scheme kg does not speak, or refused."""
        if self.user is None:
            return AuthError(f"{_address(url)} asks for a user and password: give --user and --password "
                             "(or set KG_USER and KG_PASSWORD)", status=401)
        offered = _challenges(answer)
        if not {"digest", "basic"} & offered.keys() and "Authorization" not in answer.request.headers:
            return AuthError(f"{_address(url)} asks for authentication kg does not support "
                             f"({', '.join(offered) or 'no scheme'})", status=401)
        return AuthError(f"authentication failed for {self.user} at {_address(url)}", status=401)


def _address(url: str) -> str:
    """The URL without its query: graph parameters are long and said elsewhere."""
    return url.split("?", 1)[0]


def _reason_text(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    text = str(error) or type(error).__name__
    if isinstance(error, httpx.ConnectError) and "refused" in text.lower():
        return "connection refused (is the server running?)"
    return re.sub(r"^\[Errno -?\d+\] ", "", text)


def _retry_after(response: Response) -> float | None:
    value = (response.headers.get("Retry-After") or "").strip()
    return min(float(value), 30.0) if value.isdigit() else None


# --- queries --------------------------------------------------------------------------

_PROLOGUE_ITEM = re.compile(
    r"\s+|\#[^\n]*|(?i:PREFIX)\s+(?P<prefix>[A-Za-z][\w.-]*)?:\s*<[^<>]*>|(?i:BASE)\s*<[^<>]*>"
)


def _prologue(sparql: str) -> tuple[int, set[str]]:
    """Where the prologue (comments, PREFIX and BASE) ends, and the prefixes it declares."""
    position, declared = 0, set()
    while match := _PROLOGUE_ITEM.match(sparql, position):
        if match.end() == position:
            break
        if match.group(0)[:1].upper() == "P":
            declared.add(match["prefix"] or "")
        position = match.end()
    return position, declared


def query_form(sparql: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: decides what to ask the server for.

    >>> query_form("PREFIX ex: <http://example.org/#> # a comment\\n ask { ?s ?p ?o }")
    'ASK'
    """
    position, _ = _prologue(sparql)
    word = re.match(r"[A-Za-z]+", sparql[position:])
    form = word.group(0).upper() if word else ""
    if form not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE after the prefixes")
    return form


def with_prefixes(sparql: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """The query with the kg prefixes it does not declare itself, as ``kg query`` has them."""
    _, declared = _prologue(sparql)
    missing = [f"PREFIX {name}: <{iri}> " for name, iri in prefixes.items() if name not in declared]
    return "".join(missing) + sparql  # on the first line: the server's line numbers stay right


# Where servers say a syntax error is on the first line: Oxigraph "at 1:26", Jena "line 1, column 26".
_FIRST_LINE_COLUMN = re.compile(r"\b(at 1:|line 1, column )(\d+)")


def columns_of_the_query(message: str, added: int) -> str:
    """The server's message with first-line columns counted in the user's query, not in
    the one sent, whose first line starts with ``added`` characters of prefixes.

    >>> columns_of_the_query("error at 1:126: expected '}'", 100)
    "error at 1:26: expected '}'"
    """
    def shifted(match: re.Match) -> str:
        column = int(match[2])
        return f"{match[1]}{column - added}" if column > added else match[0]

    return _FIRST_LINE_COLUMN.sub(shifted, message) if added else message


def _boolean(value: bool) -> QueryBoolean:
    return parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if value else b"false"), format=QueryResultsFormat.JSON)


def parse_answer(response: Response, form: str) -> Results:
    """The server's answer as the pyoxigraph types the embedded store returns."""
    kind = response.content_type
    try:
        if form in ("SELECT", "ASK"):
            if kind not in _RESULTS_TYPES:
                raise RemoteError(f"the server answered {kind or 'without a type'}, not SPARQL results")
            def results() -> Results:
                return parse_query_results(response.body, format=_RESULTS_TYPES[kind])

            result = results()
            if isinstance(result, QuerySolutions):
                list(result)  # rows are read lazily: meet a bad one here, not while printing
                result = results()
            if form == "ASK" and isinstance(result, QuerySolutions):
                # Virtuoso 7 answers ASK as one row of ?__ASK_RETVAL 1, or no row for false
                solutions = list(result)
                cell = solutions[0][0] if solutions else None
                return _boolean(cell is not None and cell.value in ("1", "true"))
            return result
        if kind not in _GRAPH_TYPES:
            raise RemoteError(f"the server answered {kind or 'without a type'}, not RDF")
        return [quad.triple for quad in parse(response.body, format=_GRAPH_TYPES[kind])]
    except (SyntaxError, ValueError) as error:
        raise RemoteError(f"cannot read the server's answer ({kind}): {error}") from None


def remote_results(sparql: str, *, endpoint: str, client: Client | None = None) -> Results:
    """Run a query on a server; ``endpoint`` is its SPARQL query URL."""
    endpoint, user, password = split_credentials(endpoint)
    client = client or Client(user=user, password=password)
    form = query_form(sparql)
    url = query_url(endpoint)
    sent = with_prefixes(sparql)
    body = urllib.parse.urlencode({"query": sent}).encode("utf-8")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": _SELECT_ACCEPT if form in ("SELECT", "ASK") else _GRAPH_ACCEPT,
    }
    try:
        response = client.request("POST", url, body=body, headers=headers)
    except RemoteError as error:
        if error.status == 400:  # the server's parser said no
            message = columns_of_the_query(str(error).split(": HTTP 400: ", 1)[-1], len(sent) - len(sparql))
            raise QueryError(f"the server rejected the query: {message}") from None
        raise
    return parse_answer(response, form)


def query(sparql: str, *, endpoint: str, format: str = "table", client: Client | None = None) -> str:
    """Like :func:`kg.store.query`, against a SPARQL endpoint over HTTP."""
    return render(remote_results(sparql, endpoint=endpoint, client=client), format)


def query_rows(sparql: str, *, endpoint: str, client: Client | None = None) -> list[dict[str, Any]] | bool | list[tuple]:
    """Like :func:`kg.store.query_rows`, against a SPARQL endpoint over HTTP."""
    return rows(remote_results(sparql, endpoint=endpoint, client=client))


# --- loading --------------------------------------------------------------------------


def temporary_graph(target: str) -> str:
    """The staging graph for ``target``: the same on every run, so a retry overwrites it."""
    return LOADING_NS + hashlib.sha256(target.encode("utf-8")).hexdigest()[:24]


def chunks(ntriples: bytes, size: int) -> Iterator[bytes]:
    """N-Triples cut at line ends into pieces of about ``size`` bytes (one piece if it has
    blank nodes: their labels only hold within one request).

    >>> list(chunks(b"<a> <b> <c> .\\n<d> <e> <f> .\\n", 16))
    [b'<a> <b> <c> .\\n', b'<d> <e> <f> .\\n']
    """
    if len(ntriples) <= size or re.search(rb"(?:^|\s)_:", ntriples):
        yield ntriples
        return
    start = 0
    while start < len(ntriples):
        end = len(ntriples)
        if start + size < end:
            end = ntriples.rfind(b"\n", start, start + size) + 1  # the last line that fits
            if end <= start:  # one line longer than size
                end = ntriples.find(b"\n", start + size) + 1 or len(ntriples)
        yield ntriples[start:end]
        start = end


@dataclass
class LoadReport:
    endpoint: str
    protocol: str = "Graph Store Protocol"
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    seconds: float = 0.0
    names: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"loaded {self.graphs} graph(s), {self.triples} triple(s) into {self.endpoint} "
                f"({self.protocol}) in {self.seconds:.1f} s")
        if self.removed:
            text += f"; removed {len(self.removed)} graph(s) of documents no longer in the build"
        return text


def build_graphs(out: str | os.PathLike[str] = "output", *, graph: str | None = None) -> Iterator[tuple[str, bytes]]:
    """(graph IRI, N-Triples) for each document graph of the build in ``out`` and for its
    build record; with ``graph``, everything as that one graph.  Serialised by pyoxigraph.
    A parts folder (`kg build --parts`) gives its part files' graphs."""
    if parts.is_parts_folder(out):
        yield from parts.graphs(out, graph=graph)
        return
    folder = BuildFolder(out).require()
    store = open_store(folder.store)
    record: list[Any] = []
    if folder.build_record.is_file():
        try:
            record = list(parse(path=native_path(folder.build_record), format=RdfFormat.TRIG))
        except (SyntaxError, ValueError, OSError) as error:
            raise KGError(f"cannot read {folder.build_record}: {error}") from None
    if graph is not None:
        union = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
        extra = serialize([quad.triple for quad in record], format=RdfFormat.N_TRIPLES) if record else b""
        yield graph, union + extra
        return
    for name in sorted(g.value for g in store.named_graphs() if isinstance(g, NamedNode)):
        yield name, store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(name))
    by_graph: dict[str, list[Triple]] = {}
    for quad in record:
        if isinstance(quad.graph_name, NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
    for name, triples in sorted(by_graph.items()):
        yield name, serialize(triples, format=RdfFormat.N_TRIPLES)


class Loader:
    """Replaces graphs on one server, each through a temporary graph and a ``MOVE``."""

    def __init__(self, client: Client, where: Services, *, chunk_bytes: int = CHUNK_BYTES,
                 update_chunk_bytes: int = UPDATE_CHUNK_BYTES, graph_store: bool = True) -> None:
        self.client, self.where = client, where
        self.chunk_bytes, self.update_chunk_bytes = chunk_bytes, update_chunk_bytes
        self.graph_store = graph_store  # False: SPARQL Update only (INSERT DATA)
        self._decided = not graph_store

    def check(self) -> None:
        """Reach the server and get through its authentication before sending any data."""
        probe = _with_params(self.where.graph_store if self.graph_store else self.where.query,
                             graph=LOADING_NS + "probe")
        try:
            self.client.request("GET", probe, headers={"Accept": "application/n-triples"})
        except AuthError:
            raise
        except RemoteError as error:
            if error.status is None:  # unreachable
                raise

    def document_graphs(self) -> set[str]:
        """The kg document graphs on the server: those holding their own kg:Document node."""
        answer = rows(remote_results(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}Document> }} }}",
                                     endpoint=self.where.query, client=self.client))
        return {row["g"] for row in answer if isinstance(row.get("g"), str) and row["g"].startswith(DOCUMENT_NS)}

    def update(self, text: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        self.client.request("POST", self.where.update, body=body,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})

    def _upload(self, temporary: str, ntriples: bytes) -> None:
        url = _with_params(self.where.graph_store, graph=temporary)
        headers = {"Content-Type": "application/n-triples"}
        for number, piece in enumerate(chunks(ntriples, self.chunk_bytes)):
            self.client.request("PUT" if number == 0 else "POST", url, body=piece, headers=headers)

    def _insert(self, temporary: str, ntriples: bytes) -> None:
        self.update(f"DROP SILENT GRAPH <{temporary}>")
        for piece in chunks(ntriples, self.update_chunk_bytes):
            self.update(f"INSERT DATA {{ GRAPH <{temporary}> {{\n{piece.decode('utf-8')}\n}} }}")

    def replace(self, target: str, ntriples: bytes) -> None:
        """Make graph ``target`` hold exactly ``ntriples``; untouched if anything fails."""
        NamedNode(target)  # ValueError for an invalid IRI, before anything is sent
        if not ntriples.strip():
            self.update(f"DROP SILENT GRAPH <{target}>")
            return
        temporary = temporary_graph(target)
        try:
            if self.graph_store:
                try:
                    self._upload(temporary, ntriples)
                    self._decided = True
                except RemoteError as error:
                    if self._decided or error.status not in (404, 405, 501):
                        raise
                    logger.warning("no Graph Store Protocol at %s (HTTP %s); loading with SPARQL Update",
                                   self.where.graph_store, error.status)
                    self.graph_store, self._decided = False, True
                    self._insert(temporary, ntriples)
            else:
                self._insert(temporary, ntriples)
            # One update: the old graph stays whole until the new one replaces it.
            self.update(f"MOVE SILENT <{temporary}> TO <{target}>")
        except RemoteError as error:
            try:
                self.update(f"DROP SILENT GRAPH <{temporary}>")
            except KGError:
                pass  # the next run overwrites it anyway
            if isinstance(error, AuthError) or error.status is None:
                raise
            raise RemoteError(f"loading <{target}> failed, the server's copy is unchanged: {error}",
                              status=error.status) from None


def load(
    out: str | os.PathLike[str] = "output",
    *,
    endpoint: str,
    graph: str | None = None,
    update_endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = TIMEOUT,
    retries: int = RETRIES,
    client: Client | None = None,
    loader: Callable[[Client, Services], Loader] = Loader,
    prune: bool = False,
) -> LoadReport:
    """Load the build in ``out`` into the server whose Graph Store is at ``endpoint``,
    replacing each document graph (or the one graph ``graph``) and the build record.

    With ``prune``, document graphs on the server that the build does not have (documents
    removed since an earlier load, or loaded from another build) are dropped afterwards,
    so the server mirrors the build.

    >>> load("output", endpoint="http://127.0.0.1:7878/store")  # doctest: +SKIP
    """
    endpoint, url_user, url_password = split_credentials(endpoint)
    user, password = user or url_user, password if password is not None else url_password
    if graph is not None:
        try:
            NamedNode(graph)
        except ValueError:
            raise KGError(f"--graph must be an absolute IRI, got {graph!r}") from None
    where = services(endpoint, update=update_endpoint)
    client = client or Client(user=user, password=password, timeout=timeout, retries=retries)
    report = LoadReport(endpoint=endpoint)
    started = time.monotonic()
    graphs = build_graphs(out, graph=graph)
    first = next(graphs, None)  # opens the store: a missing build fails before the network
    replacing = loader(client, where)
    replacing.check()
    for name, ntriples in itertools.chain([first] if first else [], graphs):
        replacing.replace(name, ntriples)
        report.graphs += 1
        report.triples += ntriples.count(b"\n")
        report.bytes += len(ntriples)
        report.names.append(name)
        logger.info("loaded %s (%d bytes)", name, len(ntriples))
    if prune and graph is None:
        loaded = set(report.names)
        for name in sorted(replacing.document_graphs() - loaded):
            replacing.update(f"DROP SILENT GRAPH <{name}>")
            report.removed.append(name)
    report.protocol = "Graph Store Protocol" if replacing.graph_store else "SPARQL Update"
    report.seconds = time.monotonic() - started
    return report
