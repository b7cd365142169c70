"""Open a kg graph page in headless Chromium: a screenshot and what the page reports.

The page records on ``<body>`` what its vis-network holds (``data-nodes``,
``data-edges``), ``data-ready`` once drawn and stabilised, and ``data-error`` if a
script failed; ``--dump-dom`` after a virtual-time budget shows those attributes.
Host names resolve nowhere, so a page that needs the network shows it.

    python tests/browser_check.py output/graph.html output/graph.png
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

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
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


@dataclass
class PageCheck:
    has_network: bool
    ready: bool
    nodes: int
    edges: int
    error: str | None
    dom: str
    screenshot: Path | None


class _BodyAttributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and self.attributes is None:
            self.attributes = dict(attrs)


def chromium_available() -> bool:
    return CHROMIUM.exists()


def _run(arguments: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        return subprocess.run(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def check_page(
    page: str | Path,
    screenshot: str | Path | None = None,
    *,
    fragment: str = "",
    window: tuple[int, int] = (1400, 900),
    budget_ms: int = 15000,
    timeout: float = 120,
) -> PageCheck:
    """Load ``page`` (optionally with ``#fragment``) and report what it drew."""
    url = Path(page).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    size = f"--window-size={window[0]},{window[1]}"
    dumped = _run([size, f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout)
    parser = _BodyAttributes()
    parser.feed(dumped.stdout)
    body = parser.attributes or {}
    shot = None
    if screenshot is not None:
        shot = Path(screenshot).resolve()
        shot.parent.mkdir(parents=True, exist_ok=True)
        _run([size, f"--virtual-time-budget={budget_ms}", f"--screenshot={shot}", url], timeout)
        if not shot.exists():
            shot = None
    return PageCheck(
        has_network="data-nodes" in body,
        ready=body.get("data-ready") == "true",
        nodes=int(body.get("data-nodes") or 0),
        edges=int(body.get("data-edges") or 0),
        error=body.get("data-error"),
        dom=dumped.stdout,
        screenshot=shot,
    )


if __name__ == "__main__":
    if not chromium_available() or shutil.which(str(CHROMIUM)) is None:
        sys.exit(f"{CHROMIUM} not found")
    result = check_page(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    print(f"network={result.has_network} ready={result.ready} nodes={result.nodes} "
          f"edges={result.edges} error={result.error} screenshot={result.screenshot}")
