"""The graph page in a real headless Chromium, offline, from file:// URLs.

Driven over the DevTools protocol on a pipe (tests/browser_check.py): real mouse clicks
and key presses, with every console message and every request the page makes recorded.
Skipped only where /usr/bin/chromium is missing (`bash .ci/system-deps` installs it).
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.types import statement_kind

from browser_check import (
    Browser,
    BrowserError,
    chromium_available,
    edge_position,
    node_position,
    open_graph,
    panel_text,
    synthetic_statements,
)
from kg import view
from kg.view import write_html
from test_view import DOCUMENTS, load_statements

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "output" / "browser-check"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="needs /usr/bin/chromium (bash .ci/system-deps installs it)"),
]

COUNTS = "[network.body.nodeIndices.length, network.body.edgeIndices.length]"
PWNED = "window.kgPwned === undefined"


@pytest.fixture(scope="module")
def browser():
    with Browser() as running:
        yield running


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("page")
    return write_html(load_statements(), folder / "graph.html", documents=DOCUMENTS, title="Fixture")


@pytest.fixture
def page(browser):
    tab = browser.new_page()
    yield tab
    tab.close()


@pytest.fixture
def fixture_tab(page, fixture_page):
    open_graph(page, fixture_page)
    yield page
    assert page.errors == []
    assert page.remote_requests == []
    assert page.evaluate(PWNED)


def edge_id(page, source: str, target: str, kind: str) -> str:
    """The id of the edge drawn now between two entities, for one kind of statement."""
    return page.evaluate(
        "kg.visible().edges.find(id => {"
        " const item = id[0] === 'b' ? kgData.bundles[+id.slice(1)] : kgData.links[+id.slice(1)];"
        " return item.from === %s && item.to === %s && item.kind === %s; })"
        % (json.dumps(source), json.dumps(target), json.dumps(kind)))


def edge_label(page, source: str, target: str, kind: str) -> str:
    return page.evaluate("network.body.edges[%s].options.label" % json.dumps(edge_id(page, source, target, kind)))


# ----- the helper itself: a check that cannot fail is no check


def test_helper_reports_errors_and_requests(page, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<img src="http://kg-test.invalid/x.png"><script>console.error("boom");'
                   'document.body.dataset.ready = "true"; setTimeout(() => { throw new Error("late") }, 0)</script>',
                   encoding="utf-8")
    open_graph(page, bad)
    page.wait_for("performance.now() > 300")
    assert page.remote_requests == ["http://kg-test.invalid/x.png"]
    assert "boom" in page.errors and any("late" in e for e in page.errors)
    assert any("ERR_NAME_NOT_RESOLVED" in e for e in page.errors)  # and the request went nowhere


def test_helper_times_out_clearly(page, tmp_path):
    never = tmp_path / "never.html"
    never.write_text("<p>no graph here</p>", encoding="utf-8")
    with pytest.raises(BrowserError, match="timed out"):
        open_graph(page, never, timeout=1)


# ----- the seed build


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, seeds):
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    build([seeds], out=out, quiet=True)
    return out


@pytest.mark.model
def test_seed_page_draws_what_the_build_holds(page, seed_build):
    every = [json.loads(line) for line in (seed_build / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    statements = [s for s in every if not s.get("gated")]  # the precision gate keeps the others off the page
    assert len(statements) < len(every)
    # an event without an object ("X resigned") is no edge: its entity has a dashed ring
    target = {id(s): (s["object"] or s["subject"])["id"] for s in statements}
    entities = {s["subject"]["id"] for s in statements} | set(target.values())
    # One edge per direction and kind of statement: negated and hedged ones stay apart.
    kinds = {(s["subject"]["id"], target[id(s)], statement_kind(s)) for s in statements if s["object"]}
    alone = {s["subject"]["id"] for s in statements if not s["object"]}
    assert len(entities) >= 10 and len(kinds) >= 10 and alone

    open_graph(page, seed_build / "graph.html")
    assert page.evaluate("typeof vis === 'object' && window.network instanceof vis.Network")
    assert page.evaluate(COUNTS) == [len(entities), len(kinds)]
    assert page.evaluate("kgData.statements.length") == len(statements)
    assert page.evaluate("Object.values(network.body.edges).filter(e => e.fromId === e.toId).length") == 0
    assert set(page.evaluate("Object.values(network.body.nodes).filter(n => n.options.shapeProperties"
                             " && n.options.shapeProperties.borderDashes).map(n => n.id)")) == alone

    # Clicking the most connected entity shows one of its sentences, where it came from, and who said it.
    hub = page.evaluate("kgData.nodes.reduce((a, b) => (b.value > a.value ? b : a)).id")
    page.click(*node_position(page, hub))
    page.wait_for("document.querySelector('#kg-evidence h2')")
    text = panel_text(page)
    theirs = [s for s in statements if hub in (s["subject"]["id"], target[id(s)])]
    assert text.startswith(page.evaluate(f"kgData.nodes.find(n => n.id === {hub!r}).label"))
    assert all(s["sentence"] in text for s in theirs)
    titles = json.loads((seed_build / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    from_text = [s for s in theirs if not s.get("from_title")]
    assert f"characters {from_text[0]['start']}\u2013{from_text[0]['end']}" in text
    # a statement read from the headline says so, not character offsets
    assert ("from the headline" in text) == any(s.get("from_title") for s in theirs)
    assert titles["title"] in text or titles["id"] in text
    said = [s for s in theirs if s["attributed_to"]]
    if said:
        assert "said by " + said[0]["attributed_to"]["label"] in text

    shot = page.screenshot(SCREENSHOTS / "seed-graph.png")
    assert shot.stat().st_size > 20_000
    assert page.errors == [] and page.remote_requests == []

    # the sentences of an event without an object are listed with its entity
    one = sorted(alone)[0]
    open_graph(page, seed_build / "graph.html", fragment="entity=" + quote(one))
    text = panel_text(page)
    assert all(s["sentence"] in text for s in statements if not s["object"] and s["subject"]["id"] == one)
    assert page.errors == []


# ----- the fixture page: evidence, escaping, aggregation, filters, search


def test_page_reports_counts_and_timings(fixture_tab):
    assert fixture_tab.evaluate(COUNTS) == [17, 18]
    assert fixture_tab.evaluate("document.body.dataset.nodes + '/' + document.body.dataset.edges") == "17/18"
    timings = fixture_tab.evaluate("window.kgTimings")
    assert 0 < timings["start"] <= timings["drawn"] <= timings["ready"]


def test_clicking_a_node_shows_its_evidence_as_text(fixture_tab):
    fixture_tab.click(*node_position(fixture_tab, "refugees"))
    fixture_tab.wait_for("document.querySelector('#kg-evidence h2')")
    text = panel_text(fixture_tab)
    assert text.startswith("refugees")
    # The article text is shown as it is written: the markup is text, not elements.
    assert "</script><script>window.kgPwned=1</script> near <img src=x onerror=window.kgPwned=2>" in text
    assert "<script>window.kgPwned=4</script>" in text  # the document title
    assert fixture_tab.evaluate("document.querySelectorAll('#kg-evidence img, #kg-evidence script, #kg-evidence a').length") == 0
    assert "characters 0\u2013138" in text


def test_tooltip_shows_aliases_as_text(fixture_tab):
    fixture_tab.hover(*node_position(fixture_tab, "Wagner Group"))
    tooltip = fixture_tab.wait_for(
        "(() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility !== 'hidden' && t.textContent.includes('Wagner') && t.textContent; })()")
    assert 'seen as: Wagner <a href="javascript:window.kgPwned=3">mercenaries</a>' in tooltip
    assert "type: ArmedGroup" in tooltip and "degree: 1 (linked entities), 1 statement" in tooltip
    # innerText turns line breaks into <br>; nothing else may become an element.
    assert fixture_tab.evaluate("document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0


def test_hash_opens_an_entity(page, fixture_page):
    open_graph(page, fixture_page, fragment="entity=Volodymyr%20Zelensky")
    assert panel_text(page).startswith("Volodymyr Zelensky")
    assert "may also request" in panel_text(page)
    assert page.evaluate("network.getSelectedNodes()") == ["Volodymyr Zelensky"]


@pytest.mark.parametrize(
    "source, target, kind, label",
    [
        ("Russia", "Kharkiv", "asserted", "struck \u2026 \u00d74"),   # struck ×3 and shelled, in one edge
        ("Russia", "Kharkiv", "negated", "did not strike"),
        ("Israel", "Gaza", "asserted", "struck \u00d72"),
        ("Volodymyr Zelensky", "United States", "hedged", "may also request"),
        ("NATO", "Ukraine", "hedged", "will increase support for"),
        ("Wagner Group", "refugees", "asserted", "threatened"),
    ],
)
def test_edge_labels(fixture_tab, source, target, kind, label):
    assert edge_label(fixture_tab, source, target, kind) == label


def test_negated_hedged_and_attributed_edges_look_different(fixture_tab):
    looks = fixture_tab.evaluate(
        "['%s', '%s', '%s'].map(id => { const e = network.body.edges[id].options;"
        " return [e.color.color, JSON.stringify(e.dashes), e.arrows.from.enabled]; })"
        % (edge_id(fixture_tab, "Israel", "Gaza", "asserted"), edge_id(fixture_tab, "Russia", "Kharkiv", "negated"),
           edge_id(fixture_tab, "Ukraine", "NATO", "hedged")))
    asserted, negated, hedged = looks
    assert len({a[0] for a in looks}) == 3 and len({a[1] for a in looks}) == 3
    assert asserted[1] == "false"
    # "… regional officials said" / "Moscow said …": a circle at the tail.
    assert (asserted[2], negated[2], hedged[2]) == (False, True, True)


def test_clicking_an_edge_lists_its_statements_and_expands_it(fixture_tab):
    bundle = edge_id(fixture_tab, "Russia", "Kharkiv", "asserted")
    fixture_tab.click(*edge_position(fixture_tab, bundle))
    fixture_tab.wait_for("document.querySelector('#kg-toggle-bundle')")
    text = panel_text(fixture_tab)
    assert text.startswith("Russia \u2192 Kharkiv")
    for sentence in ("Russian forces struck Kharkiv overnight, regional officials said.", "Russia struck Kharkiv again on Tuesday.",
                     "Moscow struck Kharkiv with glide bombs.", "Artillery units of Russia shelled Kharkiv's northern districts."):
        assert sentence in text
    assert "did not strike" not in text  # the negated statement is another edge
    assert "said by regional officials" in text and "Attributed\n1 of 4" in text

    fixture_tab.click_element("#kg-toggle-bundle")
    fixture_tab.wait_for(f"{COUNTS}[1] === 19")
    assert edge_label(fixture_tab, "Russia", "Kharkiv", "asserted") in ("struck \u00d73", "shelled")
    drawn = "kg.visible().edges.map(id => network.body.edges[id]).filter(e => e.fromId === 'Russia' && e.toId === 'Kharkiv')"
    labels = fixture_tab.evaluate(f"{drawn}.map(e => e.options.label)")
    assert sorted(labels) == ["did not strike", "shelled", "struck \u00d73"]
    # The two links of the expanded bundle bend apart from each other and from the negated edge.
    curves = fixture_tab.evaluate(f"{drawn}.map(e => JSON.stringify(e.options.smooth))")
    assert len(set(curves)) == 3


def test_double_click_expands_and_combines(fixture_tab):
    bundle = edge_id(fixture_tab, "Russia", "Kharkiv", "asserted")
    fixture_tab.double_click(*edge_position(fixture_tab, bundle))
    fixture_tab.wait_for(f"{COUNTS}[1] === 19")
    link = edge_id(fixture_tab, "Russia", "Kharkiv", "asserted")
    fixture_tab.double_click(*edge_position(fixture_tab, link))
    fixture_tab.wait_for(f"{COUNTS}[1] === 18")


def test_labels_by_event_type(fixture_tab):
    fixture_tab.evaluate("(() => { const s = document.getElementById('kg-label-mode'); s.value = 'event';"
                         " s.dispatchEvent(new Event('change')); })()")
    assert edge_label(fixture_tab, "Russia", "Kharkiv", "asserted") == "ATTACK \u00d74"
    assert edge_label(fixture_tab, "United Nations", "Israel", "asserted") == "DISAPPROVE"
    assert edge_label(fixture_tab, "civilians", "Gaza", "asserted") == "were fleeing"  # no event type: the predicate


def test_combining_can_be_switched_off(fixture_tab):
    fixture_tab.click_element("#kg-combine")
    fixture_tab.wait_for(f"{COUNTS}[1] === 19")


# Counts worked out by hand from tests/data/statements_view.jsonl.
@pytest.mark.parametrize(
    "action, counts",
    [
        # Untick negated and hedged: only asserted statements, and the entities they link.
        ("click:#kg-legend input[data-kind=negated]|click:#kg-legend input[data-kind=hedged]", [14, 11]),
        ("select:#kg-document=wire-002", [4, 4]),
        ("click:#kg-legend input[data-type=Country]", [6, 3]),
        ("value:#kg-min-degree=2", [7, 7]),
        ("click:#kg-events input[data-event=ATTACK]", [13, 10]),
        ("click:#kg-legend input[data-type=Country]|click:#kg-reset", [17, 18]),
    ],
)
def test_filters(fixture_tab, action, counts):
    for step in action.split("|"):
        verb, _, rest = step.partition(":")
        if verb == "click":
            fixture_tab.click_element(rest)
        else:
            selector, _, value = rest.partition("=")
            fixture_tab.evaluate("(() => { const e = document.querySelector(%s); e.value = %s;"
                                 " e.dispatchEvent(new Event(%s)); })()"
                                 % (json.dumps(selector), json.dumps(value), json.dumps("change" if verb == "select" else "input")))
    fixture_tab.wait_for(f"JSON.stringify({COUNTS}) === {json.dumps(json.dumps(counts, separators=(',', ':')))}", timeout=5)


def test_filtered_evidence_says_what_is_hidden(fixture_tab):
    fixture_tab.click_element("#kg-legend input[data-kind=negated]")
    fixture_tab.evaluate("kg.showEntity('Russia')")
    text = panel_text(fixture_tab)
    assert "did not strike" not in text and "struck" in text
    assert "2 more statements hidden by the filters." in text


def test_search_finds_and_focuses_by_alias(fixture_tab):
    fixture_tab.click_element("#kg-search")
    fixture_tab.type_text("the kremlin")
    fixture_tab.press("Enter", key_code=13)
    fixture_tab.wait_for("network.getSelectedNodes()[0] === 'Russia'")
    assert panel_text(fixture_tab).startswith("Russia")
    assert fixture_tab.evaluate("location.hash") == "#entity=Russia"


def test_search_reports_no_match(fixture_tab):
    fixture_tab.click_element("#kg-search")
    fixture_tab.type_text("Atlantis")
    fixture_tab.press("Enter", key_code=13)
    fixture_tab.wait_for("document.getElementById('kg-search-status').textContent === 'no match'")


def test_search_resets_filters_that_hide_the_entity(fixture_tab):
    fixture_tab.click_element("#kg-legend input[data-type=Country]")
    fixture_tab.wait_for(f"{COUNTS}[0] === 6")
    fixture_tab.evaluate("kg.focusEntity('Russia')")
    assert fixture_tab.evaluate(COUNTS) == [17, 18]
    assert fixture_tab.evaluate("document.getElementById('kg-search-status').textContent") == "filters reset"


def test_empty_page_says_so(page, tmp_path):
    open_graph(page, write_html([], tmp_path / "empty.html"))
    assert page.evaluate(COUNTS) == [0, 0]
    assert panel_text(page) == "There are no statements to draw."
    assert page.errors == [] and page.remote_requests == []


# ----- big graphs


def test_big_graph_page_draws_without_physics(page, tmp_path, monkeypatch):
    monkeypatch.setattr(view.page, "PHYSICS_MAX_NODES", 5)
    path = write_html(load_statements(), tmp_path / "graph.html")
    open_graph(page, path)
    assert page.evaluate(COUNTS) == [17, 18]
    assert page.evaluate("network.physics.options.enabled") is False
    assert page.errors == []


def test_five_thousand_entities_become_interactive(page, tmp_path):
    # How fast is measured in bench/view.py; here only that it gets there, with room to spare.
    statements = synthetic_statements(5000)
    path = write_html(statements, tmp_path / "big.html", top=5000)  # above the default page limit on purpose
    open_graph(page, path, timeout=180)
    page.wait_for("window.kgTimings.frame", timeout=60)
    assert page.evaluate("kgData.nodes.length") == 5000
    # actors first: concepts and isolated actors wait off the canvas until asked for
    assert page.evaluate(COUNTS)[0] == page.evaluate("kgData.nodes.filter(n => n.place === 'main').length") > 3000
    hub = page.evaluate("kgData.nodes.reduce((a, b) => (b.value > a.value ? b : a)).id")
    page.evaluate(f"network.moveTo({{position: network.getPosition({hub!r}), scale: 1}})")
    page.click(*node_position(page, hub))
    page.wait_for("document.querySelector('#kg-evidence h2')", timeout=30)
    assert page.errors == [] and page.remote_requests == []
    page.screenshot(SCREENSHOTS / "big-graph.png")


# ----- a page the size of 300 real articles


def overlapping(one: list[float], other: list[float]) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def test_a_300_article_page_names_its_top_actors_apart_and_starts_fast(page, tmp_path):
    """300 corpus articles gave 3,655 entities and 5,771 statements: a synthetic graph of
    that size (a seventh of it concepts) must open with its 20 most central actors named,
    no two names overlapping, ready within 5 s."""
    statements = synthetic_statements(3650, per_entity=1.6)
    assert 5000 < len(statements) < 7000
    path = write_html(statements, tmp_path / "graph.html")
    open_graph(page, path)
    page.wait_for("window.kgTimings.frame && window.kgLabels")
    assert page.evaluate("window.kgTimings.ready") < 5000  # ms from navigation to a drawn, usable page
    top = page.evaluate("kgData.top")
    assert len(top) == 20 and page.evaluate("kgData.actorsFirst") is True
    labels = page.evaluate("window.kgLabels")
    boxes = {label["id"]: label["box"] for label in labels}
    assert set(top) <= set(boxes), f"unnamed: {sorted(set(top) - set(boxes))}"
    width, height = page.evaluate("[document.getElementById('kg-network').clientWidth, document.getElementById('kg-network').clientHeight]")
    for box in (boxes[node] for node in top):  # on screen
        assert 0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height
    clashes = [(a["id"], b["id"]) for n, a in enumerate(labels) for b in labels[n + 1:] if overlapping(a["box"], b["box"])]
    assert clashes == []
    # concepts wait until their actor is selected: none drawn at the start
    concepts = set(page.evaluate("kgData.nodes.filter(n => n.place === 'concept').map(n => n.id)"))
    assert concepts and not concepts & set(page.evaluate("network.body.nodeIndices"))
    assert page.errors == [] and page.remote_requests == []


def test_selecting_an_actor_shows_the_concepts_it_names(page, tmp_path):
    statements = synthetic_statements(400)
    path = write_html(statements, tmp_path / "graph.html")
    open_graph(page, path)
    actor = page.evaluate("""kgData.links.find(l => kgData.nodes.find(n => n.id === l.to).place === 'concept'
                                               && kgData.nodes.find(n => n.id === l.from).place === 'main').from""")
    named = set(page.evaluate(f"kgData.links.filter(l => l.from === {actor!r}).map(l => l.to)"
                              ".filter(id => kgData.nodes.find(n => n.id === id).place === 'concept')"))
    drawn = set(page.evaluate("network.body.nodeIndices"))
    assert named and not named & drawn
    page.evaluate(f"kg.focusEntity({actor!r})")
    drawn = set(page.evaluate("network.body.nodeIndices"))
    assert named <= drawn
    assert {label["id"] for label in page.evaluate("window.kgLabels")} >= {actor}
    page.evaluate("kg.reveal(null)")
    assert not named & set(page.evaluate("network.body.nodeIndices"))
    assert page.errors == []
