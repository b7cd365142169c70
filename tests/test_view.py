"""kg.view: the graph built from statements, and the self-contained HTML page."""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from browser_check import check_page, chromium_available
from kg import view
from kg.errors import InputError, StoreError
from kg.view import graph_from_statements, page_data, script_safe_json, spread_layout, write_html

FIXTURE = Path(__file__).parent / "data" / "statements_view.jsonl"

DOCUMENTS = [
    {"id": "wire-001", "title": "Kharkiv shelled as Kyiv presses allies", "source": "Example Wire",
     "date": "2024-05-14", "sha256": "0" * 64, "chars": 400},
    {"id": "wire-002", "title": "Moscow denies targeting homes", "source": "Example Wire",
     "date": "2024-05-15", "sha256": "1" * 64, "chars": 300},
    {"id": "hostile-<1>", "title": "<script>alert('title')</script> <a href=\"https://evil.example\">x</a>",
     "source": "<b>x</b>", "date": None, "sha256": "2" * 64, "chars": 122},
]

PAYLOADS = ["<script>alert", "</script><script>", "<img src=x onerror", "alert('title')</script>",
            '<a href="javascript:', '<a href="https://evil']


def load_statements() -> list[dict]:
    with FIXTURE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture
def statements() -> list[dict]:
    return load_statements()


@pytest.fixture
def page(tmp_path: Path, statements: list[dict]) -> str:
    path = write_html(statements, tmp_path / "graph.html", documents=DOCUMENTS, title="Fixture <graph>")
    return path.read_text(encoding="utf-8")


def embedded_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "page has no data block"
    return json.loads(match.group(1))


def edge(data: dict, source: str, target: str, kind: str) -> dict:
    found = [e for e in data["edges"] if (e["from"], e["to"], e["kind"]) == (source, target, kind)]
    assert len(found) == 1, (source, target, kind, found)
    return found[0]


# ----- the graph


def test_graph_nodes_and_edges(statements):
    graph = graph_from_statements(statements)
    assert graph.number_of_nodes() == 17
    assert graph.number_of_edges() == len(statements) == 21
    russia = graph.nodes["Russia"]
    assert (russia["label"], russia["type"], russia["code"]) == ("Russia", "Country", "RUS")
    assert {"Moscow", "Russian forces", "The Kremlin", "Russia"} <= russia["aliases"]
    # Speakers are evidence, not nodes, unless they are also a subject or object.
    assert "regional officials" not in graph


def test_graph_edge_carries_its_record(statements):
    graph = graph_from_statements(statements)
    first = statements[0]
    data = graph.edges["Russia", "Kharkiv", first["id"]]
    assert data["record"] is first
    assert (data["predicate"], data["negated"], data["modality"]) == ("struck", False, None)


def test_graph_same_statement_twice_is_one_edge(statements):
    graph = graph_from_statements(statements + statements[:3])
    assert graph.number_of_edges() == 21


def test_graph_rejects_statement_without_object(statements):
    broken = dict(statements[0])
    del broken["object"]
    with pytest.raises(InputError, match="statement 2"):
        graph_from_statements([statements[1], broken])


# ----- aggregation and edge styles

@pytest.mark.parametrize(
    "source, target, kind, label, count, attributed",
    [
        ("Russia", "Kharkiv", "asserted", "struck ×3", 3, 1),
        ("Russia", "Kharkiv", "negated", "did not strike", 1, 1),
        ("Israel", "Gaza", "asserted", "struck ×2", 2, 0),
        ("Volodymyr Zelensky", "United States", "hedged", "may also request", 1, 0),
        ("Ukraine", "NATO", "hedged", "could join", 1, 1),
        ("NATO", "Ukraine", "hedged", "will increase support for", 1, 0),
        ("Russia", "Zaporizhzhia nuclear plant", "negated", "did not attack", 1, 1),
        ("Ukraine", "Zaporizhzhia nuclear plant", "negated", "did not attack", 1, 1),
        ("Wagner Group", "refugees", "asserted", "threatened", 1, 0),
    ],
)
def test_parallel_statements_aggregate(statements, source, target, kind, label, count, attributed):
    data = page_data(graph_from_statements(statements))
    found = edge(data, source, target, kind)
    assert (found["label"], found["count"], found["attributed"]) == (label, count, attributed)
    assert len(found["statements"]) == count


def test_edge_count_after_aggregation(statements):
    assert len(page_data(graph_from_statements(statements))["edges"]) == 18


def test_negated_and_hedged_edges_have_distinct_styles(statements):
    data = page_data(graph_from_statements(statements))
    asserted = edge(data, "Russia", "Kharkiv", "asserted")
    negated = edge(data, "Russia", "Kharkiv", "negated")
    hedged = edge(data, "Ukraine", "NATO", "hedged")
    assert asserted["dashes"] is False
    assert negated["dashes"] and hedged["dashes"] and negated["dashes"] != hedged["dashes"]
    colours = {e["color"]["color"] for e in (asserted, negated, hedged)}
    assert len(colours) == 3
    assert negated["color"]["color"] == view.EDGE_STYLES["negated"]["color"]


def test_attributed_edges_are_marked(statements):
    data = page_data(graph_from_statements(statements))
    assert edge(data, "Russia", "Kharkiv", "asserted")["arrows"]["from"]["type"] == "circle"
    assert "from" not in edge(data, "Israel", "Gaza", "asserted")["arrows"]


def test_parallel_edges_curve_apart(statements):
    data = page_data(graph_from_statements(statements))
    there, back = edge(data, "Russia", "Ukraine", "asserted"), edge(data, "Ukraine", "Russia", "asserted")
    # curvedCW is relative to direction: opposite edges with the same type bend apart.
    assert there["smooth"]["type"] == back["smooth"]["type"]
    same_pair = [edge(data, "Russia", "Kharkiv", k)["smooth"] for k in ("asserted", "negated")]
    assert same_pair[0]["type"] != same_pair[1]["type"]
    assert "smooth" not in edge(data, "Israel", "Gaza", "asserted")


def test_nodes_sized_by_degree_and_described_in_plain_text(statements):
    data = page_data(graph_from_statements(statements))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["Russia"]["value"] == 7 and nodes["Hamas"]["value"] == 1
    assert nodes["Russia"]["group"] == "Country"
    tooltip = nodes["Russia"]["tooltip"]
    assert "type: Country" in tooltip and "code: RUS" in tooltip and "Moscow" in tooltip
    assert "degree: 7 statements, 3 neighbours" in tooltip
    assert {item["type"] for item in data["legend"]} == set(view.ENTITY_COLOURS)


def test_small_graph_uses_bounded_physics(statements):
    data = page_data(graph_from_statements(statements))
    assert data["physics"] is True
    assert data["stabilizationIterations"] == view.STABILIZATION_ITERATIONS
    assert all("x" not in node for node in data["nodes"])


def test_big_graph_gets_fixed_positions(statements, monkeypatch):
    monkeypatch.setattr(view, "PHYSICS_MAX_NODES", 5)
    first = page_data(graph_from_statements(statements))
    again = page_data(graph_from_statements(statements))
    assert first["physics"] is False
    positions = [(n["x"], n["y"]) for n in first["nodes"]]
    assert positions == [(n["x"], n["y"]) for n in again["nodes"]]  # fixed seed
    assert len(set(positions)) == len(positions)


def test_spread_layout_places_every_component():
    import networkx as nx

    graph = nx.union_all([nx.path_graph(40), nx.star_graph(range(100, 110)),
                          nx.Graph([(200, 201)]), nx.Graph([(300, 300)])])
    positions = spread_layout(graph)
    assert set(positions) == set(graph)
    assert len(set(positions.values())) == len(graph)


# ----- the page


def test_page_is_self_contained(page):
    assert not re.search(r'(src|href)\s*=\s*["\']?\s*(https?:)?//', page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    vis_js = resources.files("pyvis").joinpath(view.VIS_ASSETS, "vis-network.min.js").read_text(encoding="utf-8")
    assert vis_js[-2000:] in page and "vis-network" in page
    assert "window.network = network" in page and "window.kgData = data" in page


def test_page_keeps_hostile_text_inert(page, statements):
    for payload in PAYLOADS:
        assert payload not in page, payload
    assert "\u2028" not in page and "\u2029" not in page
    # ...yet the data block carries the text exactly.
    data = embedded_data(page)
    assert statements[-1]["sentence"] in data["sentences"]
    assert data["documents"]["hostile-<1>"]["title"] == DOCUMENTS[2]["title"]
    assert "<title>Fixture &lt;graph&gt;</title>" in page


def test_page_script_never_uses_innerhtml():
    template = resources.files("kg").joinpath("templates", "graph.html").read_text(encoding="utf-8")
    assert "innerHTML" not in template and "insertAdjacentHTML" not in template
    assert "document.write" not in template


@pytest.mark.parametrize(
    "value, expected",
    [
        ("</script>", "\\u003c/script\\u003e"),
        ("a & b", "a \\u0026 b"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("<!--", "\\u003c!--"),
    ],
)
def test_script_safe_json(value, expected):
    text = script_safe_json({"v": value})
    assert text == '{"v":"' + expected + '"}'
    assert json.loads(text) == {"v": value}


def test_empty_graph_page(tmp_path):
    html = write_html([], tmp_path / "empty.html").read_text(encoding="utf-8")
    assert embedded_data(html)["nodes"] == []


# ----- atomic writes


def test_failed_serialisation_keeps_old_page(tmp_path, statements, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old page", encoding="utf-8")

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(view.json, "dumps", broken)
    with pytest.raises(ValueError, match="boom"):
        write_html(statements, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_failed_replace_leaves_no_temporary_file(tmp_path, statements, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old page", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(view.os, "replace", broken)
    with pytest.raises(StoreError, match="disk full"):
        write_html(statements, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_creates_folder_and_returns_path(tmp_path, statements):
    path = write_html(statements, str(tmp_path / "new" / "graph.html"))
    assert path == tmp_path / "new" / "graph.html" and path.stat().st_mode & 0o777 == 0o644


# ----- in a browser

browser = pytest.mark.skipif(not chromium_available(), reason="needs /usr/bin/chromium")


@browser
@pytest.mark.browser
def test_page_draws_in_chromium(tmp_path, statements):
    path = write_html(statements, tmp_path / "graph.html", documents=DOCUMENTS)
    result = check_page(path, tmp_path / "graph.png")
    assert result.error is None
    assert result.has_network and result.ready
    assert (result.nodes, result.edges) == (17, 18)
    assert result.screenshot is not None and result.screenshot.stat().st_size > 20_000


@browser
@pytest.mark.browser
def test_evidence_panel_shows_hostile_text_as_text(tmp_path, statements):
    path = write_html(statements, tmp_path / "graph.html", documents=DOCUMENTS)
    result = check_page(path, fragment="entity=refugees")
    assert result.error is None and result.ready
    panel = result.dom[result.dom.index('id="kg-evidence"'):result.dom.index("</aside>")]
    assert "&lt;img src=x onerror=alert(1)&gt;" in panel
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "<img" not in panel and "<script" not in panel and "<a " not in panel


@browser
@pytest.mark.browser
def test_big_graph_page_draws_without_physics(tmp_path, statements, monkeypatch):
    monkeypatch.setattr(view, "PHYSICS_MAX_NODES", 5)
    path = write_html(statements, tmp_path / "graph.html")
    result = check_page(path)
    assert result.error is None and result.ready
    assert (result.nodes, result.edges) == (17, 18)
