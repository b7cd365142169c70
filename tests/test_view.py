"""kg.view: the graph built from statements, what the page draws, the page itself, exports.

What the page does in a browser (clicks, filters, console, network) is in test_browser.py.
"""
from __future__ import annotations

import doctest
import gc
import json
import os
import re
import shutil
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from jinja2 import DictLoader, Environment

from kg import files, view
from kg.cli import main
from kg.errors import InputError, KGError, StoreError
from kg.view import (
    centrality,
    find_entity,
    graph_from_statements,
    page_data,
    script_safe_json,
    spread_layout,
    summarise_statements,
    used_documents,
    view_graph,
    write_export,
    write_html,
)
import kg.view.export, kg.view.graph, kg.view.html, kg.view.layout, kg.view.page, kg.view.selection  # noqa: E401
from view_reference import ego_subgraph, select_subgraph, top_subgraph

FIXTURE = Path(__file__).parent / "data" / "statements_view.jsonl"

DOCUMENTS = [
    {"id": "wire-001", "title": "Kharkiv shelled as Kyiv presses allies", "source": "Example Wire",
     "date": "2024-05-14", "sha256": "0" * 64, "chars": 400},
    {"id": "wire-002", "title": "Moscow denies targeting homes", "source": "Example Wire",
     "date": "2024-05-15", "sha256": "1" * 64, "chars": 300},
    {"id": "hostile-<1>", "title": "<script>window.kgPwned=4</script> <a href=\"https://evil.example\">x</a>",
     "source": "<b>x</b>", "date": None, "sha256": "2" * 64, "chars": 122},
]

PAYLOADS = ["<script>window.kgPwned", "</script><script>", "<img src=x onerror", "kgPwned=4</script>",
            '<a href="javascript:', '<a href="https://evil']


def load_statements() -> list[dict]:
    with FIXTURE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture
def statements() -> list[dict]:
    return load_statements()


@pytest.fixture
def graph(statements) -> nx.MultiDiGraph:
    return graph_from_statements(statements)


@pytest.fixture
def page(tmp_path: Path, statements: list[dict]) -> str:
    path = write_html(statements, tmp_path / "graph.html", documents=DOCUMENTS, title="Fixture <graph>")
    return path.read_text(encoding="utf-8")


def data_block(html: str) -> str:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "page has no data block"
    return match.group(1)


def embedded_data(html: str) -> dict:
    return json.loads(data_block(html))


def bundle(data: dict, source: str, target: str, kind: str) -> dict:
    found = [b for b in data["bundles"] if (b["from"], b["to"], b["kind"]) == (source, target, kind)]
    assert len(found) == 1, (source, target, kind, found)
    return found[0]


@pytest.mark.parametrize("module", [view, view.graph, view.selection, view.page, view.layout, view.html, view.export])
def test_docstring_examples(module):
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


# ----- the graph


def test_graph_nodes_and_edges(graph, statements):
    assert graph.number_of_nodes() == 17
    assert graph.number_of_edges() == len(statements) == 22
    russia = graph.nodes["Russia"]
    assert (russia["label"], russia["type"], russia["code"]) == ("Russia", "Country", "RUS")
    assert {"Moscow", "Russian forces", "Artillery units of Russia", "Russia"} <= russia["aliases"]
    # Speakers are evidence, not nodes, unless they are also a subject or object.
    assert "regional officials" not in graph


@pytest.mark.parametrize("text, label, seen_as", [
    ("Moscow", "Russia", True),                     # a metonym
    ("Russian forces", "Russia", True),             # the state's forces
    ("Artillery units of Russia", "Russia", True),  # "of": Russia's own units
    ("Russia", "Russia", True),
    ("new sanctions on Russia", "Russia", False),   # the sanctions, with Russia inside ("could impose … on")
    ("talks with Turkey", "Turkey", False),
    ("a complaint against the Kremlin", "Kremlin", False),
    ("", "Russia", False),
])
def test_a_node_is_seen_as_the_texts_that_name_it(text, label, seen_as):
    from kg.view.graph import names_node
    assert names_node({"text": text, "label": label, "id": label}) is seen_as


def test_graph_edge_carries_its_record(graph, statements):
    first = statements[0]
    data = graph.edges["Russia", "Kharkiv", first["id"]]
    assert data["record"] is first
    assert (data["predicate"], data["lemma"], data["event"], data["negated"], data["modality"]) == (
        "struck", "strike", "ATTACK", False, None)


def test_graph_same_statement_twice_is_one_edge(statements):
    assert graph_from_statements(statements + statements[:3]).number_of_edges() == 22


def test_graph_holds_an_event_without_object_as_a_loop_on_its_subject(statements):
    intransitive = {**statements[0], "id": "loop", "object": None}
    graph = graph_from_statements([intransitive])
    subject = intransitive["subject"]["id"]
    assert list(graph.nodes) == [subject]
    assert [(u, v, k) for u, v, k in graph.edges(keys=True)] == [(subject, subject, "loop")]


@pytest.mark.parametrize("alone, predicates", [
    (["rallied"], "rallied"),
    (["rallied", "rallied", "resigned"], "rallied ×2, resigned"),
])
def test_page_shows_events_without_object_on_their_entity_not_as_loops(statements, alone, predicates):
    intransitive = [{**statements[0], "id": f"alone-{n}", "object": None,
                     "predicate": {"text": text, "lemma": text, "event": None}} for n, text in enumerate(alone)]
    data = page_data(graph_from_statements([*statements, *intransitive]))
    subject = statements[0]["subject"]["id"]
    indices = [i for i, s in enumerate(data["statements"]) if s["object"] is None]
    assert len(indices) == len(alone)
    # no link or bundle from an entity to itself, and every other statement still in a link
    assert not [link for link in data["links"] if link["from"] == link["to"]]
    assert not [b for b in data["bundles"] if b["from"] == b["to"]]
    linked = sorted(i for link in data["links"] for i in link["statements"])
    assert linked == [i for i in range(len(data["statements"])) if i not in indices]
    node = next(n for n in data["nodes"] if n["id"] == subject)
    assert sorted(node["alone"]) == indices
    assert node["tooltip"].endswith(f"{len(alone)} without an object: {predicates}")
    assert all(n["alone"] == [] for n in data["nodes"] if n["id"] != subject)


def test_page_header_counts_articles_read_and_those_with_statements(tmp_path, statements):
    read = [*DOCUMENTS, {"id": "quiet-1", "title": "Nothing happened"}, {"id": "quiet-2", "title": "Still nothing"}]
    with_statements = len({s["doc"] for s in statements})
    html = write_html(statements, tmp_path / "graph.html", documents=read).read_text(encoding="utf-8")
    header = re.search(r'<span class="kg-summary"[^>]*>(.*?)</span>', html).group(1)
    assert header == (f"17 entities · 22 statements · {len(read)} articles read, "
                      f"{with_statements} with statements")
    assert embedded_data(html)["articles"] == {"read": len(read), "withStatements": with_statements}
    # without the documents, the page cannot say how many were read
    html = write_html(statements, tmp_path / "bare.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="kg-summary"[^>]*>(.*?)</span>', html).group(1) == (
        f"17 entities · 22 statements · {with_statements} with statements")
    # a page cut to the top entities still counts every article with statements
    html = write_html(statements, tmp_path / "top.html", documents=read, top=2).read_text(encoding="utf-8")
    assert embedded_data(html)["articles"] == {"read": len(read), "withStatements": with_statements}


def test_graph_rejects_statement_without_object(statements):
    broken = dict(statements[0])
    del broken["object"]
    with pytest.raises(InputError, match="statement 2"):
        graph_from_statements([statements[1], broken])


# ----- centrality and choosing what to show


@pytest.mark.parametrize("entity, linked", [("Ukraine", 4), ("Israel", 4), ("Russia", 3), ("Kharkiv", 1), ("NATO", 1)])
def test_centrality_is_share_of_entities_linked(graph, entity, linked):
    # Russia has 8 statements but only 3 distinct partners; both directions count once.
    assert centrality(graph)[entity] == pytest.approx(linked / 16)


@pytest.mark.parametrize(
    "query, entity",
    [
        ("Russia", "Russia"),             # id
        ("russia", "Russia"),             # label, any case
        ("Moscow", "Russia"),             # an alias seen in the text
        ("the kremlin", "Russia"),
        ("Zaporizhzhia", "Zaporizhzhia nuclear plant"),  # a unique part of a name
        ("guterres", "Antonio Guterres"),
    ],
)
@pytest.mark.parametrize("where", ["graph", "summary"])
def test_find_entity(graph, statements, where, query, entity):
    found_in = graph if where == "graph" else summarise_statements(statements)
    assert find_entity(found_in, query) == entity


@pytest.mark.parametrize(
    "query, message",
    [
        ("Rusia", "no entity named 'Rusia' in the graph; did you mean Russia?"),
        ("Atlantis", "no entity named 'Atlantis' in the graph$"),
        ("ra", "names \\d+ entities"),
        ("  ", "needs an entity name"),
    ],
)
@pytest.mark.parametrize("where", ["graph", "summary"])
def test_find_entity_errors(graph, statements, where, query, message):
    found_in = graph if where == "graph" else summarise_statements(statements)
    with pytest.raises(InputError, match=message):
        find_entity(found_in, query)


@pytest.mark.parametrize(
    "entity, hops, expected",
    [
        ("Russia", 0, {"Russia"}),
        ("Russia", 1, {"Russia", "Kharkiv", "Zaporizhzhia nuclear plant", "Ukraine"}),
        ("Russia", 2, {"Russia", "Kharkiv", "Zaporizhzhia nuclear plant", "Ukraine", "United States", "NATO"}),
        ("Gaza", 1, {"Gaza", "Israel", "civilians"}),   # links count in either direction
    ],
)
def test_ego_subgraph(graph, entity, hops, expected):
    sub = ego_subgraph(graph, entity, hops)
    assert set(sub) == expected
    # Every statement among the kept entities is kept, with its record.
    assert sub.number_of_edges() == sum(1 for u, v in graph.edges() if u in expected and v in expected)


def test_top_subgraph_keeps_most_central(graph):
    sub = top_subgraph(graph, 4)
    # Ukraine and Israel link to 4 entities; Russia and the United States to 3, Russia with more statements.
    assert set(sub) == {"Ukraine", "Israel", "Russia", "United States"}
    assert sorted((u, v) for u, v in sub.edges()) == [
        ("Russia", "Ukraine"), ("Ukraine", "Russia"), ("Ukraine", "United States")]


@pytest.mark.parametrize("kwargs, nodes, note", [
    ({}, 17, None),
    ({"top": 100}, 17, None),
    ({"top": 4}, 4, "Showing 4 of 17 entities: the 4 most central."),
    ({"focus": "moscow"}, 4, "Showing 4 of 17 entities: within 1 link of Russia."),
    ({"focus": "Russia", "hops": 2, "top": 3}, 3, "Showing 3 of 17 entities: within 2 links of Russia, the 3 most central."),
])
def test_select_subgraph(graph, kwargs, nodes, note):
    sub, text = select_subgraph(graph, **kwargs)
    assert (sub.number_of_nodes(), text) == (nodes, note)


@pytest.mark.parametrize("kwargs, message", [({"top": 0}, "--top"), ({"focus": "Russia", "hops": -1}, "--hops")])
def test_select_subgraph_rejects_bad_numbers(graph, kwargs, message):
    with pytest.raises(InputError, match=message):
        select_subgraph(graph, **kwargs)


# ----- links and bundles


@pytest.mark.parametrize(
    "source, target, kind, link_sizes",
    [
        ("Russia", "Kharkiv", "asserted", [3, 1]),   # struck ×3 and shelled: one bundle, two links
        ("Russia", "Kharkiv", "negated", [1]),
        ("Israel", "Gaza", "asserted", [2]),
        ("Volodymyr Zelensky", "United States", "hedged", [1]),
        ("Ukraine", "NATO", "hedged", [1]),
        ("NATO", "Ukraine", "hedged", [1]),
        ("Russia", "Zaporizhzhia nuclear plant", "negated", [1]),
        ("Ukraine", "Zaporizhzhia nuclear plant", "negated", [1]),
        ("Wagner Group", "refugees", "asserted", [1]),
    ],
)
def test_statements_grouped_into_links_and_bundles(graph, source, target, kind, link_sizes):
    data = page_data(graph)
    found = bundle(data, source, target, kind)
    links = [data["links"][i] for i in found["links"]]
    assert [len(link["statements"]) for link in links] == link_sizes
    for link in links:
        assert (link["from"], link["to"], link["kind"]) == (source, target, kind)
        lemmas = {graph.edges[source, target, data["statements"][i]["id"]]["lemma"] for i in link["statements"]}
        assert len(lemmas) == 1


def test_every_statement_in_exactly_one_link(graph):
    data = page_data(graph)
    members = sorted(i for link in data["links"] for i in link["statements"])
    assert members == list(range(22))
    assert (len(data["links"]), len(data["bundles"])) == (19, 18)
    assert sorted(i for b in data["bundles"] for i in b["links"]) == list(range(19))


def test_kinds_events_and_documents_are_counted(graph):
    data = page_data(graph, DOCUMENTS)
    assert {k: v["count"] for k, v in data["kinds"].items()} == {"asserted": 15, "negated": 4, "hedged": 3}
    styles = [(v["color"], str(v["dashes"])) for v in data["kinds"].values()]
    assert len(set(styles)) == 3 and data["kinds"]["asserted"]["dashes"] is False
    assert data["events"][0] == {"name": "ATTACK", "count": 12}
    assert data["events"][-1] == {"name": None, "count": 1}  # statements without an event type come last
    assert data["documents"]["wire-001"] == {"title": "Kharkiv shelled as Kyiv presses allies",
                                             "source": "Example Wire", "date": "2024-05-14", "count": 4}
    assert data["documents"]["gaza-010"]["title"] is None  # unknown documents still listed
    assert sum(d["count"] for d in data["documents"].values()) == 22


def test_nodes_sized_by_centrality_and_described_in_plain_text(graph):
    data = page_data(graph)
    nodes = {n["id"]: n for n in data["nodes"]}
    russia = nodes["Russia"]
    assert russia["value"] == pytest.approx(3 / 16, abs=1e-4)
    assert (russia["degree"], russia["statements"], russia["group"], russia["code"]) == (3, 8, "Country", "RUS")
    assert nodes["Ukraine"]["value"] > russia["value"] > nodes["Kharkiv"]["value"]
    tooltip = russia["tooltip"]
    for part in ("type: Country", "actor code: RUS", "seen as: Artillery units of Russia, it, Moscow",
                 "degree: 3 (linked entities), 8 statements", "degree centrality: 0.188"):
        assert part in tooltip, part
    assert {item["type"] for item in data["legend"]} == set(view.page.ENTITY_COLOURS)


def test_self_statement_counts_once():
    record = {"subject": {"id": "a"}, "object": {"id": "a"}, "predicate": {"text": "reformed"}}
    node = page_data(graph_from_statements([record]))["nodes"][0]
    assert (node["statements"], node["degree"]) == (1, 0)


def test_small_graph_uses_bounded_physics(graph):
    data = page_data(graph)
    assert data["physics"] is True
    assert data["stabilizationIterations"] == view.page.STABILIZATION_ITERATIONS == 600
    assert all("x" not in node for node in data["nodes"])


def test_big_graph_gets_fixed_positions(graph, monkeypatch):
    monkeypatch.setattr(view.page, "PHYSICS_MAX_NODES", 5)
    first, again = page_data(graph), page_data(graph)
    assert first["physics"] is False
    positions = [(n["x"], n["y"]) for n in first["nodes"]]
    assert positions == [(n["x"], n["y"]) for n in again["nodes"]]  # fixed seed
    assert len(set(positions)) == len(positions)


def test_spread_layout_places_every_component():
    graph = nx.union_all([nx.path_graph(40), nx.star_graph(range(100, 110)),
                          nx.Graph([(200, 201)]), nx.Graph([(300, 300)])])
    positions = spread_layout(graph)
    assert set(positions) == set(graph)
    assert len(set(positions.values())) == len(graph)


def test_spread_layout_leaves_room_for_labels():
    import numpy as np

    # A hub with 300 leaves: one edge length apart from the hub, the leaves would touch.
    positions = spread_layout(nx.star_graph(300), spacing=50)
    points = np.array(list(positions.values()), dtype=float)
    distance = np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(distance, np.inf)
    assert np.median(distance.min(axis=1)) >= 45


# ----- the page


def test_page_is_self_contained(page):
    assert not re.search(r'(src|href)\s*=\s*["\']?\s*(https?:)?//', page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    vis_js = resources.files("pyvis").joinpath(view.html.VIS_ASSETS, "vis-network.min.js").read_text(encoding="utf-8")
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
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in template, sink


def test_page_header_says_what_was_kept(tmp_path, statements):
    html = write_html(statements, tmp_path / "g.html", focus="Kharkiv").read_text(encoding="utf-8")
    assert '<span class="kg-scope">Showing 2 of 17 entities: within 1 link of Kharkiv.</span>' in html
    assert {n["id"] for n in embedded_data(html)["nodes"]} == {"Kharkiv", "Russia"}


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


@pytest.mark.parametrize("value", [
    {"nodes": [{"id": "a", "aliases": ["</script>", "x\u2028"]}] * 7, "links": [], "note": None, "kinds": {}},
    {"list": list(range(10)), "nested": {"a": [1, {"b": "<!--"}], "c": "&"}, "empty": {}},
    {1: "a key that is not a text", "b": [True, None, 0.5]},
    [[1, 2], [], "x"],
    "<b>",
])
@pytest.mark.parametrize("batch", [1, 3, 100])
def test_script_safe_json_parts_join_to_the_whole(value, batch):
    assert "".join(view.script_safe_json_parts(value, batch=batch)) == script_safe_json(value)


def test_script_safe_json_parts_take_long_lists_a_batch_at_a_time():
    parts = list(view.script_safe_json_parts({"statements": [{"id": n} for n in range(10)]}, batch=4))
    assert [part.count('"id"') for part in parts if '"id"' in part] == [4, 4, 2]


def test_page_data_block_is_the_data_as_one_json_text(tmp_path, statements):
    html = write_html(statements, tmp_path / "graph.html", documents=DOCUMENTS, title="<!--kg-data-->").read_text(
        encoding="utf-8")
    graph, note = view_graph(statements)
    expected = script_safe_json(page_data(graph, used_documents(DOCUMENTS, graph), note=note))
    assert data_block(html) == expected
    # A title cannot stand in for the place the data goes: it is escaped.
    assert "<title>&lt;!--kg-data--&gt;</title>" in html


@pytest.mark.parametrize("template", ["<p>{{ title }}</p>", "{{ data_json }}{{ data_json }}"])
def test_page_template_needs_one_place_for_the_data(tmp_path, statements, monkeypatch, template):
    monkeypatch.setattr(view.html, "_environment", Environment(loader=DictLoader({"graph.html": template}), autoescape=True))
    with pytest.raises(KGError, match="once, where the data goes"):
        write_html(statements, tmp_path / "graph.html")
    assert list(tmp_path.iterdir()) == []


def test_empty_graph_page(tmp_path):
    html = write_html([], tmp_path / "empty.html").read_text(encoding="utf-8")
    assert embedded_data(html)["nodes"] == []


# ----- big inputs: two passes, a capped page


def in_statement_order(graph: nx.MultiDiGraph, full: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` rebuilt with nodes in first-seen and edges in statement order.

    ``select_subgraph`` orders a cut graph's nodes as a Python set does, which varies
    between processes; the two-pass graph is always in this order.
    """
    first_seen = {node: i for i, node in enumerate(full)}
    position = {key: i for i, (_, _, key) in enumerate(full.edges(keys=True))}
    ordered = nx.MultiDiGraph(**graph.graph)
    ordered.add_nodes_from(sorted(graph.nodes(data=True), key=lambda item: first_seen[item[0]]))
    ordered.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda edge: position[edge[2]]))
    return ordered


def busier(statements: list[dict]) -> list[dict]:
    """The fixture with more statements per link, a statement about itself, and 400 more entities."""
    from browser_check import synthetic_statements

    again = [dict(record, id=record["id"] + "-again") for record in statements[::2]]
    itself = dict(statements[4], id="itself", object=statements[4]["subject"])
    return statements + again + [itself] + synthetic_statements(400)


FIXTURE_SELECTIONS = [{}, {"top": 1}, {"top": 4}, {"top": 30}, {"focus": "Russia", "hops": 0}, {"focus": "moscow"},
                      {"focus": "Russia", "hops": 2, "top": 3}, {"focus": "Israel", "hops": 3}]
SYNTHETIC_SELECTIONS = [{"focus": "E00003", "hops": 2}, {"focus": "E00003", "hops": 2, "top": 25},
                        {"focus": "E00000", "hops": 1, "top": 7}, {"top": 350}]


@pytest.mark.parametrize("data, kwargs", [("fixture", kwargs) for kwargs in FIXTURE_SELECTIONS]
                         + [("busier", kwargs) for kwargs in FIXTURE_SELECTIONS + SYNTHETIC_SELECTIONS])
def test_two_passes_give_the_one_pass_graph(statements, data, kwargs, monkeypatch):
    # No page limits here: what is compared is the choice of entities and statements.
    monkeypatch.setattr(view.selection, "PAGE_ENTITIES", 10**6)
    monkeypatch.setattr(view.selection, "LINK_STATEMENTS", 10**6)
    records = statements if data == "fixture" else busier(statements)
    full = graph_from_statements(records)
    old, old_note = select_subgraph(full, **kwargs)
    old = in_statement_order(old, full)
    new, new_note = view_graph(lambda: iter(records), **kwargs)
    assert new_note == old_note
    assert list(new.nodes(data=True)) == list(old.nodes(data=True))
    assert list(new.edges(keys=True, data=True)) == list(old.edges(keys=True, data=True))
    assert page_data(new, DOCUMENTS) == page_data(old, DOCUMENTS)


@pytest.mark.parametrize("focus", [None, "h"])
def test_statement_about_itself_counts_twice_in_ties(focus):
    # a and b each link to h alone; b also has a statement about itself, which wins the tie,
    # as MultiDiGraph.degree counts it (twice) in top_subgraph.
    records = [{"id": f"s{n}", "subject": {"id": s}, "object": {"id": o}}
               for n, (s, o) in enumerate([("h", "a"), ("h", "b"), ("b", "b")])]
    kwargs = {"top": 2, "focus": focus}
    assert set(view_graph(records, **kwargs)[0]) == set(select_subgraph(graph_from_statements(records), **kwargs)[0]) == {"h", "b"}


def test_busier_data_crosses_the_layout_threshold(statements):
    # So that the comparison above also covers positions computed in Python.
    assert view_graph(busier(statements), page=False)[0].number_of_nodes() > view.page.PHYSICS_MAX_NODES


@pytest.mark.parametrize("kwargs, nodes, note", [
    # the page's own limit keeps actors, and the concepts they name ("Israel did not agree to a ceasefire")
    ({}, {"Ukraine", "Israel", "Russia", "ceasefire"},
     "Showing 4 of 17 entities: the 3 most central actors and the concepts they name most."),
    ({"top": 4}, {"Ukraine", "Israel", "Russia", "United States"}, "Showing 4 of 17 entities: the 4 most central."),
    # Centrality within the neighbourhood: there the United States links to Ukraine alone.
    ({"focus": "Russia", "hops": 2}, {"Ukraine", "Russia", "Zaporizhzhia nuclear plant"},
     "Showing 3 of 17 entities: within 2 links of Russia, the 3 most central."),
    ({"focus": "Kharkiv"}, {"Kharkiv", "Russia"}, "Showing 2 of 17 entities: within 1 link of Kharkiv."),
])
def test_page_shows_the_most_central_entities_by_default(tmp_path, statements, monkeypatch, kwargs, nodes, note):
    monkeypatch.setattr(view.selection, "PAGE_ENTITIES", 3)
    html = write_html(statements, tmp_path / "graph.html", **kwargs).read_text(encoding="utf-8")
    assert {node["id"] for node in embedded_data(html)["nodes"]} == nodes
    assert f'<span class="kg-scope">{note}</span>' in html


def test_page_limit_leaves_exports_alone(tmp_path, statements, monkeypatch):
    monkeypatch.setattr(view.selection, "PAGE_ENTITIES", 3)
    path = write_export(statements, tmp_path / "graph.json", "json")
    assert len(json.loads(path.read_text(encoding="utf-8"))["nodes"]) == 17


def more_strikes(statements: list[dict]) -> list[dict]:
    """The fixture with "Russia struck Kharkiv" five times (two new ids) and one record repeated."""
    strikes = [dict(statements[0], id=f"strike-{n}", sentence=f"Russia struck Kharkiv, report {n}.") for n in (1, 2)]
    return statements + strikes + [statements[0]]


def test_page_keeps_a_few_statements_per_link(tmp_path, statements, monkeypatch):
    monkeypatch.setattr(view.selection, "LINK_STATEMENTS", 2)
    html = write_html(more_strikes(statements), tmp_path / "graph.html").read_text(encoding="utf-8")
    data = embedded_data(html)
    struck = bundle(data, "Russia", "Kharkiv", "asserted")
    links = [data["links"][i] for i in struck["links"]]
    # struck ×5 keeps its first two; shelled (one statement) and Israel struck Gaza (two) are whole.
    assert [[data["statements"][i]["id"] for i in link["statements"]] for link in links] == [
        [statements[0]["id"], statements[1]["id"]], [statements[20]["id"]]]
    gaza = bundle(data, "Israel", "Gaza", "asserted")
    assert [len(data["links"][i]["statements"]) for i in gaza["links"]] == [2]
    # The record given twice is one statement, not one more left out.
    assert len(data["statements"]) == 22 + 2 - 3
    note = "Showing 17 of 17 entities: at most 2 statements per link (3 statements not shown)."
    assert f'<span class="kg-scope">{note}</span>' in html


def test_both_page_limits_in_one_note(statements, monkeypatch):
    monkeypatch.setattr(view.selection, "PAGE_ENTITIES", 3)
    monkeypatch.setattr(view.selection, "LINK_STATEMENTS", 2)
    ukraine_struck_russia = statements[12]
    again = [dict(ukraine_struck_russia, id=f"again-{n}") for n in range(3)]
    graph, note = view_graph(statements + again)
    assert note == ("Showing 4 of 17 entities: the 3 most central actors and the concepts they name most, "
                    "at most 2 statements per link (2 statements not shown).")
    assert list(graph.edges(keys=True)) == [("Russia", "Ukraine", statements[11]["id"]),
                                            ("Ukraine", "Russia", ukraine_struck_russia["id"]),
                                            ("Ukraine", "Russia", "again-0"),
                                            ("Israel", "ceasefire", statements[19]["id"])]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_keep_every_statement_per_link(tmp_path, statements, monkeypatch, fmt):
    monkeypatch.setattr(view.selection, "LINK_STATEMENTS", 2)
    graph = read_back(write_export(more_strikes(statements), tmp_path / f"graph.{fmt}", fmt), fmt)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (17, 24)
    assert sum(1 for u, v, data in graph.edges(data=True)
               if (u, v, data["lemma"], data["kind"]) == ("Russia", "Kharkiv", "strike", "asserted")) == 5


def test_callable_list_and_generator_give_the_same_page(tmp_path, statements):
    pages = [
        write_html(source, tmp_path / f"{name}.html", documents=DOCUMENTS, top=6).read_text(encoding="utf-8")
        for name, source in [("list", statements), ("callable", lambda: iter(statements)),
                             ("generator", (record for record in statements))]
    ]
    assert pages[0] == pages[1] == pages[2]
    assert len(embedded_data(pages[0])["nodes"]) == 6


def test_callable_documents(tmp_path, statements):
    html = write_html(statements, tmp_path / "graph.html", documents=lambda: iter(DOCUMENTS)).read_text(encoding="utf-8")
    assert embedded_data(html)["documents"]["wire-002"]["title"] == "Moscow denies targeting homes"


def records_alive(besides: list[dict]) -> list[str]:
    """The ids of the records like those in ``besides`` alive now (copies), not counting ``besides``.

    Only records with one of their ids count: objects other tests left alive are not ours.
    """
    gc.collect()
    known = {id(record) for record in besides}
    ids = {record["id"] for record in besides}
    return sorted(thing["id"] for thing in gc.get_objects()
                  if type(thing) is dict and isinstance(thing.get("predicate"), dict)
                  and thing.get("id") in ids and id(thing) not in known)


def test_passes_hold_only_the_statements_shown(tmp_path, statements, monkeypatch):
    # Each read hands out new records, as reading the file does.  At the end of a read, the
    # records alive are those kept so far (and the last one read, still in the reader's
    # hands): none in the first pass, and in the second copies of the statements drawn.
    # None is left while the page is written: it needs only its data.
    monkeypatch.setattr(view.selection, "LINK_STATEMENTS", 2)
    records = more_strikes(statements)
    alive: list[list[str]] = []

    def read():
        for record in records:
            yield json.loads(json.dumps(record))
        alive.append(records_alive(besides=records + statements))

    def page_parts(*args, **kwargs):
        alive.append(records_alive(besides=records + statements))
        return original_page_parts(*args, **kwargs)

    original_page_parts = view.html.page_parts
    monkeypatch.setattr(view.html, "page_parts", page_parts)
    path = write_html(read, tmp_path / "graph.html", focus="Kharkiv")
    # Russia–Kharkiv: struck ×5 capped at 2 (the repeated record, read last, replaces its
    # first copy), denied, shelled.
    drawn = sorted(statements[i]["id"] for i in (0, 1, 3, 20))
    last = records[-1]["id"]
    assert alive == [[last], sorted([*drawn, last]), []]
    assert sorted(s["id"] for s in embedded_data(path.read_text(encoding="utf-8"))["statements"]) == drawn


def test_graph_holds_copies_with_recurring_values_shared(statements):
    before = json.loads(json.dumps(statements))
    parts = [[id(part) for part in record.values()] for record in statements]
    graph, _ = view_graph(statements, page=False)
    records = {key: data["record"] for _, _, key, data in graph.edges(keys=True, data=True)}
    assert records == {record["id"]: record for record in statements}
    assert all(records[record["id"]] is not record for record in statements)
    # The statements given are left as they were, down to the objects they hold.
    assert statements == before and [[id(part) for part in record.values()] for record in statements] == parts
    # "Russia struck Kharkiv" twice: one subject, object and predicate dict in both copies.
    first, second = records[statements[0]["id"]], records[statements[1]["id"]]
    assert (statements[0]["object"], statements[0]["predicate"]) == (statements[1]["object"], statements[1]["predicate"])
    assert first["object"] is second["object"] and first["predicate"] is second["predicate"]


def test_shared_values_keep_their_types():
    # 1 == True == 1.0 in Python, but not in JSON: only texts are merged.
    values = ["1", 1, True, 1.0]
    records = [{"id": f"s{n}", "subject": {"id": "a", "text": "x", "label": value, "code": value},
                "object": {"id": "b"}} for n, value in enumerate(values)]
    graph, _ = view_graph(records)
    assert [data["record"]["subject"]["code"] for _, _, data in graph.edges(data=True)] == values
    assert [type(data["record"]["subject"]["code"]) for _, _, data in graph.edges(data=True)] == [str, int, bool, float]
    labels = [statement["subject"]["label"] for statement in page_data(graph)["statements"]]
    assert [type(label) for label in labels] == [str, int, bool, float]


def test_used_documents_keep_only_what_the_page_shows(statements):
    graph, _ = view_graph(statements, focus="Gaza")
    documents = [*DOCUMENTS, {"id": "gaza-011", "title": "Old title", "text": "x" * 1000},
                 {"id": "gaza-011", "title": "Strikes on Gaza", "source": "Wire", "date": "2024-06-01",
                  "text": "x" * 1000, "sha256": "3" * 64}]
    assert used_documents(iter(documents), graph) == used_documents(lambda: iter(documents), graph) == [
        {"id": "gaza-011", "title": "Strikes on Gaza", "source": "Wire", "date": "2024-06-01"}]


def test_summary_counts_without_records(statements):
    summary = summarise_statements(more_strikes(statements))
    russia = summary.index["Russia"]
    # As MultiDiGraph.degree counts, but the record given twice (same id) counts twice here: ids are not kept.
    assert summary.statements[russia] == graph_from_statements(more_strikes(statements)).degree("Russia") + 1
    linked = {summary.ids[other]: shared for other, shared in summary.neighbours[russia].items()}
    assert linked == {"Kharkiv": 8, "Zaporizhzhia nuclear plant": 1, "Ukraine": 2}
    assert (summary.labels[russia], summary.types[russia], summary.codes[russia]) == ("Russia", "Country", "RUS")


def test_page_aliases_are_complete_though_the_summary_keeps_few(statements, monkeypatch):
    monkeypatch.setattr(view.selection, "SUMMARY_ALIASES", 1)
    assert len(summarise_statements(statements).aliases[0]) == 1
    assert not any(summarise_statements(statements, aliases=0).aliases)
    graph, _ = view_graph(statements, focus="Russia", hops=0)
    assert graph.nodes["Russia"]["aliases"] == graph_from_statements(statements).nodes["Russia"]["aliases"]


@pytest.mark.parametrize("kwargs, message", [
    ({"top": 0}, "--top must be 1 or more"),
    ({"focus": "Russia", "hops": -1}, "--hops must be 0 or more"),
    ({"focus": "Rusia"}, "did you mean Russia"),
])
def test_two_passes_reject_what_one_pass_rejects(statements, kwargs, message):
    with pytest.raises(InputError, match=message):
        view_graph(statements, **kwargs)


def test_two_passes_name_a_broken_statement(statements):
    broken = dict(statements[0])
    del broken["object"]
    with pytest.raises(InputError, match="statement 2"):
        view_graph([statements[1], broken])


# ----- atomic writes


def test_failed_serialisation_keeps_old_page(tmp_path, statements, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old page", encoding="utf-8")

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(view.html.json, "dumps", broken)
    with pytest.raises(ValueError, match="boom"):
        write_html(statements, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


@pytest.mark.parametrize("fmt", ["html", "graphml", "json"])
def test_failed_replace_leaves_no_temporary_file(tmp_path, statements, monkeypatch, fmt):
    target = tmp_path / f"graph.{fmt}"
    target.write_text("old file", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(StoreError, match="disk full"):
        view.write_view(statements, target, format=fmt)
    assert target.read_text(encoding="utf-8") == "old file"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_write_creates_folder_and_returns_path(tmp_path, statements):
    umask = os.umask(0o022)  # what a new file's mode comes from
    try:
        path = write_html(statements, str(tmp_path / "new" / "graph.html"))
    finally:
        os.umask(umask)
    assert path == tmp_path / "new" / "graph.html" and path.stat().st_mode & 0o777 == 0o644


def test_a_rewritten_file_keeps_its_mode(tmp_path, statements):
    target = tmp_path / "graph.html"
    target.write_text("old page", encoding="utf-8")
    target.chmod(0o640)
    write_html(statements, target)
    assert target.stat().st_mode & 0o777 == 0o640 and "old page" not in target.read_text(encoding="utf-8")


# ----- files for Gephi and Cytoscape


def read_back(path: Path, fmt: str) -> nx.MultiDiGraph:
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if fmt == "gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_round_trips(tmp_path, statements, fmt):
    path = write_export(statements, tmp_path / f"graph.{fmt}", fmt, documents=DOCUMENTS)
    graph = read_back(path, fmt)
    assert graph.is_directed() and graph.is_multigraph()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (17, 22)
    russia = graph.nodes["Russia"]
    assert (russia["label"], russia["type"], russia["code"], russia["statements"]) == ("Russia", "Country", "RUS", 8)
    assert float(russia["degree_centrality"]) == pytest.approx(3 / 16, abs=1e-5)
    aliases = russia["aliases"] if fmt == "json" else russia["aliases"].split("; ")
    assert "Moscow" in aliases
    hostile = [data for _, _, data in graph.edges(data=True) if data.get("doc") == "hostile-<1>"]
    assert len(hostile) == 1 and hostile[0]["sentence"] == statements[-1]["sentence"]
    kinds = sorted(data["kind"] for _, _, data in graph.edges(data=True))
    assert (kinds.count("asserted"), kinds.count("negated"), kinds.count("hedged")) == (15, 4, 3)
    negated = [data for u, v, data in graph.edges(data=True) if (u, v) == ("Russia", "Kharkiv") and data["kind"] == "negated"]
    assert negated[0]["negated"] in (True, "true") and negated[0]["attributed_to"] == "Russia"
    titled = [data for _, _, data in graph.edges(data=True) if data.get("doc") == "wire-001"]
    assert titled and all(data["doc_title"] == "Kharkiv shelled as Kyiv presses allies" for data in titled)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_holds_an_event_without_object_on_its_entity(tmp_path, statements, fmt):
    rallied = dict(statements[0], id="rallied", predicate={"text": "rallied", "lemma": "rally", "event": "PROTEST"},
                   object=None)
    graph = read_back(write_export(statements + [rallied], tmp_path / f"graph.{fmt}", fmt), fmt)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (17, 22)  # no loop for it
    subject = rallied["subject"]["id"]
    assert not any(u == v for u, v in graph.edges())
    events = graph.nodes[subject]["without_object"]
    assert (events if fmt == "json" else events.split("; ")) == ["rallied"]
    assert "without_object" not in graph.nodes["Kharkiv"]


def test_export_leaves_out_missing_values(tmp_path, statements):
    path = write_export(statements, tmp_path / "graph.json", "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    kharkiv = next(node for node in data["nodes"] if node["id"] == "Kharkiv")
    assert "code" not in kharkiv
    assert all(value is not None for link in data["links"] for value in link.values())


def test_export_applies_focus(tmp_path, statements):
    path = write_export(statements, tmp_path / "graph.gexf", "gexf", focus="Israel")
    assert set(nx.read_gexf(path)) == {"Israel", "Gaza", "ceasefire", "Hamas", "United Nations"}


def test_export_rejects_unknown_format(tmp_path, statements):
    with pytest.raises(KGError, match="graphml, gexf, json"):
        write_export(statements, tmp_path / "graph.dot", "dot")


# ----- kg view


@pytest.fixture
def build_folder(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "statements.jsonl")
    (folder / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "arguments, written, check",
    [
        ([], "graph.html", lambda text: len(embedded_data(text)["nodes"]) == 17),
        (["--top", "4"], "graph.html", lambda text: len(embedded_data(text)["nodes"]) == 4),
        (["--focus", "Moscow", "--hops", "2"], "graph.html", lambda text: len(embedded_data(text)["nodes"]) == 6),
        (["--format", "graphml"], "graph.graphml", lambda text: "<graphml" in text),
        (["--format", "gexf", "--top", "2"], "graph.gexf", lambda text: text.count("<node ") == 2),
        (["--format", "json"], "graph.json", lambda text: len(json.loads(text)["links"]) == 22),
    ],
)
def test_cli_view(build_folder, arguments, written, check):
    result = CliRunner().invoke(main, ["view", "--from", str(build_folder), *arguments])
    assert result.exit_code == 0, result.output
    path = build_folder / written
    assert f"wrote {path}" in result.output
    assert check(path.read_text(encoding="utf-8"))


def test_cli_view_writes_where_told(build_folder, tmp_path):
    target = tmp_path / "elsewhere" / "russia.json"
    result = CliRunner().invoke(main, ["view", "--from", str(build_folder), "--format", "json", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["directed"] is True


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--focus", "Atlantis"], "kg: error: no entity named 'Atlantis' in the graph"),
        (["--hops", "2"], "--hops needs --focus"),
        (["--top", "0"], "0 is not in the range x>=1"),
        (["--format", "dot"], "'dot' is not one of"),
    ],
)
def test_cli_view_errors(build_folder, arguments, message):
    result = CliRunner().invoke(main, ["view", "--from", str(build_folder), *arguments])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_cli_view_without_build(tmp_path):
    result = CliRunner().invoke(main, ["view", "--from", str(tmp_path)])
    assert result.exit_code != 0 and f"no build in {tmp_path} (no statements.jsonl)" in result.output


# --- the page's statement budget ---


def star_records(spokes: dict[str, int]) -> list[dict]:
    """A hub linked to each spoke by that many statements, all with the same predicate."""
    records = []
    for spoke, count in spokes.items():
        for n in range(count):
            records.append({"id": f"{spoke}-{n}", "doc": "d", "sentence": f"Hub met {spoke} ({n}).", "start": 0, "end": 9,
                            "subject": {"id": "hub", "label": "Hub", "text": "Hub", "type": "Country"},
                            "predicate": {"text": "met", "lemma": "meet"},
                            "object": {"id": spoke, "label": spoke, "text": spoke, "type": "Person"},
                            "negated": False, "modality": None, "attributed_to": None, "confidence": 0.5})
    return records


def test_page_keeps_within_the_statement_budget_per_pair(monkeypatch):
    monkeypatch.setattr(view.selection, "PAGE_STATEMENTS", 7)
    records = star_records({"a": 5, "b": 1, "c": 3})  # 9 statements: k = 3 per pair keeps 3 + 1 + 3
    graph, note = view.view_graph(lambda: iter(records))
    kept = sorted(key for _, _, key in graph.edges(keys=True))
    assert kept == ["a-0", "a-1", "a-2", "b-0", "c-0", "c-1", "c-2"]
    assert note == ("Showing 4 of 4 entities: at most 20 statements per link and 3 per pair of entities, "
                    "to keep the page within 7 statements (2 statements not shown).")
    graph, note = view.view_graph(lambda: iter(records), page=False)  # exports keep everything
    assert graph.number_of_edges() == 9 and note is None


def test_page_drops_the_least_central_when_one_statement_per_pair_is_too_many(monkeypatch):
    monkeypatch.setattr(view.selection, "PAGE_STATEMENTS", 2)
    records = star_records({"a": 1, "b": 3, "c": 2})
    graph, note = view.view_graph(lambda: iter(records))
    assert sorted(graph) == ["b", "c", "hub"]  # a has the fewest statements with the hub
    assert graph.number_of_edges() == 2
    assert note.startswith("Showing 3 of 4 entities: the 3 most central, at most 20 statements per link and 1 per pair")
    # With --top the entities are the user's choice: only the per-pair limit applies.
    graph, _ = view.view_graph(lambda: iter(records), top=4)
    assert sorted(graph) == ["a", "b", "c", "hub"] and graph.number_of_edges() == 3


def test_the_page_is_the_same_whatever_the_hash_seed(tmp_path):
    # sets (networkx's undirected view, aliases that differ only in case) must not decide
    # the order of anything on the page: the same build gives the same page
    import subprocess
    import sys

    from browser_check import synthetic_statements

    statements = synthetic_statements(400)
    for number, alias in enumerate(["the Book", "the book", "a book", "The book"]):
        statements.append({**statements[0], "id": f"extra{number}", "subject": {"text": alias, "id": "book", "label": "book", "type": "Concept"},
                           "object": {"text": f"island {number}", "id": f"island{number}", "label": f"island {number}", "type": "Location"}})
    source = tmp_path / "statements.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in statements), encoding="utf-8")
    script = ("import functools, sys\nfrom pathlib import Path\nfrom kg.types import read_jsonl\nfrom kg.view import write_html\n"
              "write_html(functools.partial(read_jsonl, sys.argv[1]), Path(sys.argv[2]))\n")
    pages = []
    for seed in ("1", "2"):
        page = tmp_path / f"page-{seed}.html"
        subprocess.run([sys.executable, "-c", script, str(source), str(page)], check=True, timeout=300,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        pages.append(page.read_bytes())
    assert len({r["subject"]["id"] for r in statements}) > view.page.PHYSICS_MAX_NODES  # laid out in Python, not by the browser
    assert pages[0] == pages[1]
