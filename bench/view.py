"""How fast the graph page becomes usable, in headless Chromium (the DevTools pipe helper
of ``tests/browser_check.py``), offline, from a file:// URL.

For each graph size: the Python time to write the page (graph, centrality, layout, HTML),
then, over several loads of that page in one browser,

* ``ready``  — ms from navigation start until the page says it is drawn and settled
  (``window.kgTimings.ready``: physics stabilised and switched off, or positions given);
* ``stable`` — ms until the first animation frame after that (the drawing is on screen
  and the main thread is free: the *time-to-stable* figure);
* ``click``  — ms for a real click on the biggest hub until the evidence panel shows it.

Small graphs are measured twice, side by side: with browser physics (what the page does
up to ``kg.view.page.PHYSICS_MAX_NODES`` entities) and with positions computed in Python, to
show where the threshold belongs.

    python bench/view.py                   # 5,000 entities, plus the threshold table
    python bench/view.py --sizes 5000 --runs 5
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_check import Browser, chromium_available, node_position, open_graph, panel_text, synthetic_statements  # noqa: E402

from kg import view  # noqa: E402


def write_page(statements: list[dict], path: Path, *, physics_max: int) -> float:
    """Write the page with the given physics threshold; return the seconds it took."""
    saved = view.page.PHYSICS_MAX_NODES
    view.page.PHYSICS_MAX_NODES = physics_max
    try:
        started = time.perf_counter()
        view.write_html(statements, path, top=len(statements) * 2)  # every entity, above the default page limit
        return time.perf_counter() - started
    finally:
        view.page.PHYSICS_MAX_NODES = saved


def load(browser: Browser, path: Path) -> dict[str, float]:
    """One fresh tab: load, wait for ready, time a click on the biggest hub."""
    page = browser.new_page()
    open_graph(page, path, timeout=300)
    page.wait_for("window.kgTimings && window.kgTimings.frame", timeout=60)
    timings = page.evaluate("window.kgTimings")
    hub = page.evaluate("kgData.nodes.reduce((a, b) => (b.value > a.value ? b : a)).id")
    x, y = node_position(page, hub)
    started = time.perf_counter()
    page.click(x, y)
    # In a dense core a smaller node may be drawn over the hub: any entity shown counts.
    page.wait_for("document.querySelector('#kg-evidence h2')", timeout=60)
    click = (time.perf_counter() - started) * 1000
    if page.errors or page.remote_requests:
        raise SystemExit(f"{path}: errors {page.errors} requests {page.remote_requests}")
    assert panel_text(page)
    page.close()
    return {"ready": timings["ready"], "stable": timings["frame"], "click": click}


def measure(browser: Browser, path: Path, runs: int) -> dict[str, float]:
    loads = [load(browser, path) for _ in range(runs)]
    return {key: statistics.median(run[key] for run in loads) for key in ("ready", "stable", "click")} | {
        "stable_max": max(run["stable"] for run in loads)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000])
    parser.add_argument("--threshold-sizes", type=int, nargs="*", default=[100, 300, 600])
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    if not chromium_available():
        raise SystemExit("needs /usr/bin/chromium (bash .ci/system-deps)")

    with tempfile.TemporaryDirectory(prefix="kg-bench-view-") as folder, Browser() as browser:
        print("## Big graphs (positions computed in Python, no physics)\n")
        print("| entities | statements | page MB | Python s | ready ms | time-to-stable ms (median / max) | click ms |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for size in arguments.sizes:
            statements = synthetic_statements(size)
            path = Path(folder) / f"big-{size}.html"
            seconds = write_page(statements, path, physics_max=0)
            result = measure(browser, path, arguments.runs)
            print(f"| {size:,} | {len(statements):,} | {path.stat().st_size / 1e6:.1f} | {seconds:.1f} | "
                  f"{result['ready']:.0f} | {result['stable']:.0f} / {result['stable_max']:.0f} | {result['click']:.0f} |",
                  flush=True)

        if arguments.threshold_sizes:
            print("\n## Where physics stops paying (same graph, side by side)\n")
            print("| entities | browser physics: stable ms | Python layout: Python s | Python layout: stable ms |")
            print("|---:|---:|---:|---:|")
            for size in arguments.threshold_sizes:
                statements = synthetic_statements(size)
                physics, fixed = Path(folder) / f"physics-{size}.html", Path(folder) / f"fixed-{size}.html"
                write_page(statements, physics, physics_max=10**9)
                seconds = write_page(statements, fixed, physics_max=0)
                with_physics, with_layout = measure(browser, physics, arguments.runs), measure(browser, fixed, arguments.runs)
                print(f"| {size:,} | {with_physics['stable']:.0f} | {seconds:.2f} | {with_layout['stable']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
