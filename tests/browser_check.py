"""Drive headless Chromium over the DevTools protocol, on a pipe: no driver, no port.

Chromium started with ``--remote-debugging-pipe`` reads protocol messages (JSON, each
ended by a NUL byte) on file descriptor 3 and writes its replies and events on 4.
That is all a test needs to load a page, read what it reports, click at a point on its
canvas, collect console errors and every request it makes, and take a screenshot, with
nothing listening on a network port.  Host names resolve nowhere, so a page that tries
to reach the network fails visibly, and the request is recorded.

    python tests/browser_check.py output/graph.html output/graph.png [--select Russia] [--size 1500x950]

Also used by ``bench/view.py``, with :func:`synthetic_statements` for big graphs.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import random
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
]

# Schemes a request may use without leaving the machine.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


class BrowserError(Exception):
    """Chromium failed to start, answered with an error, or a wait timed out."""


def chromium_available() -> bool:
    return CHROMIUM.exists()


def _child_pipes(to_browser: int, from_browser: int) -> None:
    """In the child: put the two pipe ends where Chromium looks for them (fds 3 and 4)."""
    # Move both out of the way first, in case either already sits on 3 or 4.
    reading = fcntl.fcntl(to_browser, fcntl.F_DUPFD, 10)
    writing = fcntl.fcntl(from_browser, fcntl.F_DUPFD, 10)
    os.dup2(reading, 3)
    os.dup2(writing, 4)


@dataclass
class Page:
    """One tab, attached with a flat session: commands carry its ``sessionId``."""

    browser: Browser
    session: str
    target: str
    console: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    request_urls: dict[str, str] = field(default_factory=dict)

    def send(self, method: str, params: dict[str, Any] | None = None, *, timeout: float | None = None) -> dict:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
        self.browser._pages.pop(self.session, None)

    @property
    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads, one line each."""
        return [entry["text"] for entry in self.console if entry["level"] == "error"]

    @property
    def remote_requests(self) -> list[str]:
        """Requests that would have left the machine."""
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]

    def goto(self, url: str, *, timeout: float = 60) -> None:
        reply = self.send("Page.navigate", {"url": url}, timeout=timeout)
        if reply.get("errorText"):
            raise BrowserError(f"cannot open {url}: {reply['errorText']}")
        self.wait_for("document.readyState === 'complete'", timeout=timeout)

    def evaluate(self, expression: str, *, timeout: float | None = None) -> Any:
        """The value of a JavaScript expression (promises are awaited), as JSON."""
        return self._evaluate(expression, timeout=timeout).get("value")

    def _evaluate(self, expression: str, *, timeout: float | None = None) -> dict:
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"{expression[:80]!r} failed: {text}")
        return reply["result"]

    def wait_for(self, expression: str, *, timeout: float = 30, interval: float = 0.05) -> Any:
        """Poll ``expression`` until it is truthy (an element counts); return its value."""
        deadline = time.monotonic() + timeout
        while True:
            result = self._evaluate(expression, timeout=max(1.0, deadline - time.monotonic()))
            if result.get("value") or (result.get("type") in ("object", "function") and result.get("subtype") != "null"):
                return result.get("value", True)
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out after {timeout:g} s waiting for {expression!r}")
            time.sleep(interval)

    def click(self, x: float, y: float) -> None:
        """A real left click at page coordinates: mouse moved, pressed, released."""
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1})

    def double_click(self, x: float, y: float) -> None:
        """Two clicks in quick succession, as a person double-clicks."""
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        for count in (1, 2):
            for kind in ("mousePressed", "mouseReleased"):
                self.send("Input.dispatchMouseEvent",
                          {"type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": count})

    def hover(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    def center_of(self, selector: str) -> tuple[float, float]:
        """The middle of the first element matching ``selector``, in page coordinates."""
        found = self.evaluate("(() => { const e = document.querySelector(%s); if (!e) return null;"
                              " e.scrollIntoView({block: 'nearest'}); const r = e.getBoundingClientRect();"
                              " return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(selector))
        if not found:
            raise BrowserError(f"no element matches {selector!r}")
        return tuple(found)

    def click_element(self, selector: str) -> None:
        self.click(*self.center_of(selector))

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", {"text": text})

    def press(self, key: str, code: str | None = None, key_code: int = 0) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": key, "code": code or key,
                                                 "windowsVirtualKeyCode": key_code})

    def screenshot(self, path: str | Path) -> Path:
        """A PNG of the viewport, written atomically."""
        data = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        return path


class Browser:
    """Headless Chromium with a fresh profile, driven over the DevTools pipe.

    >>> with Browser() as browser:                        # doctest: +SKIP
    ...     page = browser.new_page()
    ...     page.goto("file:///tmp/graph.html")
    ...     page.evaluate("document.title")
    """

    def __init__(self, *, window: tuple[int, int] = (1400, 900), timeout: float = 60) -> None:
        self.window = window
        self.timeout = timeout
        self._profile: tempfile.TemporaryDirectory | None = None
        self._process: subprocess.Popen | None = None
        self._buffer = b""
        self._next_id = 0
        self._pages: dict[str, Page] = {}

    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> None:
        if not chromium_available():
            raise BrowserError(f"{CHROMIUM} not found")
        self._profile = tempfile.TemporaryDirectory(prefix="kg-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        arguments = [str(CHROMIUM), *FLAGS, f"--user-data-dir={self._profile.name}",
                     f"--window-size={self.window[0]},{self.window[1]}", "about:blank"]
        try:
            self._process = subprocess.Popen(
                arguments,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(3, 4),
                preexec_fn=lambda: _child_pipes(to_browser_read, from_browser_write),
            )
        finally:
            os.close(to_browser_read)
            os.close(from_browser_write)
        self.send("Target.setDiscoverTargets", {"discover": False})

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            try:
                self.send("Browser.close", timeout=5, _process=process)
            except (BrowserError, OSError):
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for fd in (self._to_browser, self._from_browser):
                try:
                    os.close(fd)
                except OSError:
                    pass
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    def new_page(self) -> Page:
        width, height = self.window
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page

    # ----- the protocol

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None,
             timeout: float | None = None, _process: subprocess.Popen | None = None) -> dict:
        if self._process is None and _process is None:
            raise BrowserError("the browser is not running")
        self._next_id += 1
        number = self._next_id
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._to_browser, data):]
        deadline = time.monotonic() + (timeout or self.timeout)
        for reply in self._messages(deadline, method):
            if reply.get("id") == number:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._event(reply)
        raise AssertionError("unreachable")

    def _messages(self, deadline: float, waiting_for: str) -> Iterator[dict]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"no answer to {waiting_for} in time")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise BrowserError(f"Chromium exited while waiting for {waiting_for}")
                self._buffer += chunk

    def _event(self, message: dict) -> None:
        page = self._pages.get(message.get("sessionId", ""))
        if page is None:
            return
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            page.requests.append(params["request"]["url"])
            page.request_urls[params.get("requestId", "")] = params["request"]["url"]
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            level = "error" if params.get("type") in ("error", "assert") else params.get("type", "log")
            page.console.append({"level": level, "text": text})
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "exception")
            page.console.append({"level": "error", "text": text})
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            page.console.append({"level": entry.get("level", "info"),
                                 "text": f"{entry.get('text', '')} {entry.get('url', '')}".strip()})
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            url = page.request_urls.get(params.get("requestId", ""), "?")
            page.console.append({"level": "error", "text": f"request failed: {params.get('errorText')} {url}"})


# ---------------------------------------------------------------------------------------
# The graph page


@dataclass
class PageCheck:
    ready: bool
    nodes: int
    edges: int
    errors: list[str]
    remote_requests: list[str]
    timings: dict[str, float]
    screenshot: Path | None


READY = "document.body.dataset.ready === 'true' || document.body.dataset.error"
COUNTS = "[window.network ? network.body.nodeIndices.length : -1, window.network ? network.body.edgeIndices.length : -1]"


def open_graph(page: Page, path: str | Path, *, fragment: str = "", timeout: float = 60) -> None:
    """Load a graph page and wait until it says it is ready (or failed)."""
    url = Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    page.goto(url, timeout=timeout)
    page.wait_for(READY, timeout=timeout)
    error = page.evaluate("document.body.dataset.error || null")
    if error:
        page.console.append({"level": "error", "text": f"page error: {error}"})


def node_position(page: Page, node_id: str) -> tuple[float, float]:
    """Where ``node_id`` is drawn, in page coordinates."""
    return tuple(page.evaluate(
        "(() => { const p = network.canvasToDOM(network.getPosition(%s));"
        " const r = document.getElementById('kg-network').getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()" % json.dumps(node_id)))


def edge_position(page: Page, edge_id: str) -> tuple[float, float]:
    """The middle of a drawn edge (where its label sits), in page coordinates."""
    return tuple(page.evaluate(
        "(() => { const e = network.body.edges[%s]; const m = e.edgeType.getPoint(0.5);"
        " const p = network.canvasToDOM(m);"
        " const r = document.getElementById('kg-network').getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()" % json.dumps(edge_id)))


def panel_text(page: Page) -> str:
    return page.evaluate("document.getElementById('kg-evidence').innerText")


def check_page(path: str | Path, screenshot: str | Path | None = None, *, fragment: str = "",
               window: tuple[int, int] = (1400, 900), timeout: float = 60) -> PageCheck:
    """Open a graph page in a fresh browser and report what it drew."""
    with Browser(window=window, timeout=timeout) as browser:
        page = browser.new_page()
        open_graph(page, path, fragment=fragment, timeout=timeout)
        nodes, edges = page.evaluate(COUNTS)
        shot = page.screenshot(screenshot) if screenshot else None
        return PageCheck(
            ready=page.evaluate("document.body.dataset.ready === 'true'"),
            nodes=nodes,
            edges=edges,
            errors=page.errors,
            remote_requests=page.remote_requests,
            timings=page.evaluate("window.kgTimings || {}"),
            screenshot=shot,
        )


# ---------------------------------------------------------------------------------------
# Synthetic graphs for the big-graph checks


TYPES = ["Country", "Organization", "ArmedGroup", "Person", "Location", "Group", "Concept"]
VERBS = [("struck", "strike", "FIGHT"), ("met", "meet", "CONSULT"), ("accused", "accuse", "ACCUSE"),
         ("supported", "support", "SUPPORT"), ("asked", "ask", "REQUEST"), ("threatened", "threaten", "THREATEN"),
         ("signed a deal with", "sign", "AGREE"), ("criticised", "criticise", None)]


def synthetic_statements(entities: int, *, per_entity: float = 2.0, seed: int = 11) -> list[dict[str, Any]]:
    """A scale-free graph of about ``entities`` entities in the statements.jsonl shape.

    Preferential attachment (new entities link to well-linked ones) gives the hubs and
    long tail of real news graphs; a few statements are negated, hedged or attributed.
    """
    rng = random.Random(seed)
    ids = [f"E{i:05d}" for i in range(entities)]
    kinds = {e: rng.choice(TYPES) for e in ids}
    attachment: list[str] = ids[:3]
    pairs: list[tuple[str, str]] = [(ids[0], ids[1]), (ids[1], ids[2])]
    for entity in ids[3:]:
        for _ in range(max(1, round(rng.expovariate(1 / per_entity)))):
            pairs.append((entity, rng.choice(attachment)) if rng.random() < 0.5 else (rng.choice(attachment), entity))
        attachment.extend([entity, pairs[-1][0], pairs[-1][1]])
    statements = []
    for number, (subject, obj) in enumerate(pairs):
        if subject == obj:
            continue
        text, lemma, event = rng.choice(VERBS)
        doc = f"doc-{number // 40:04d}"
        sentence = f"Entity {subject} {text} entity {obj} on day {number}."
        roll = rng.random()
        statements.append({
            "id": f"s{number}",
            "doc": doc,
            "sentence": sentence,
            "start": (number % 40) * 60,
            "end": (number % 40) * 60 + len(sentence),
            "subject": {"text": f"Entity {subject}", "id": subject, "label": f"Entity {subject}", "type": kinds[subject]},
            "predicate": {"text": text, "lemma": lemma, "event": event},
            "object": {"text": f"entity {obj}", "id": obj, "label": f"Entity {obj}", "type": kinds[obj]},
            "negated": roll < 0.05,
            "modality": "possible" if 0.05 <= roll < 0.12 else None,
            "attributed_to": {"text": "officials", "id": ids[0], "label": f"Entity {ids[0]}", "type": kinds[ids[0]]}
            if roll > 0.9 else None,
            "confidence": 0.7,
        })
    return statements


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Open a kg graph page in headless Chromium and report what it drew.")
    parser.add_argument("page", type=Path)
    parser.add_argument("screenshot", type=Path, nargs="?")
    parser.add_argument("--select", metavar="ENTITY", help="click this entity (id) before the screenshot")
    parser.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT [1400x900]")
    arguments = parser.parse_args()
    if not chromium_available():
        sys.exit(f"{CHROMIUM} not found")
    width, height = (int(value) for value in arguments.size.split("x"))
    with Browser(window=(width, height)) as browser:
        page = browser.new_page()
        open_graph(page, arguments.page)
        if arguments.select:
            page.click(*node_position(page, arguments.select))
            page.wait_for("document.querySelector('#kg-evidence h2')")
            page.hover(2, height - 2)  # move away, so no tooltip covers the picture
            time.sleep(0.4)
        nodes, edges = page.evaluate(COUNTS)
        if arguments.screenshot:
            page.screenshot(arguments.screenshot)
        print(f"nodes={nodes} edges={edges} errors={page.errors} remote={page.remote_requests} "
              f"timings={page.evaluate('window.kgTimings || {}')} screenshot={arguments.screenshot}")
        if page.errors or page.remote_requests:
            sys.exit(1)


if __name__ == "__main__":
    main()
