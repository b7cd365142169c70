"""kg.sparql: query parameters (`kg query --param NAME=VALUE`)."""
from __future__ import annotations

import doctest
from pathlib import Path

import pyoxigraph
import pytest

from kg import sparql
from kg.errors import InputError
from kg.ontology import entity_iri
from kg.sparql import bind_parameters, parameters, parse_assignments

QUERIES = Path(__file__).resolve().parent.parent / "queries"
TEMPLATE = "# @param who entity Russia\n# @param from date 0001-01-01\nSELECT * { ?s kg:subject $who ; kg:date ?d FILTER(?d >= $from) }"


def test_docstring_examples():
    assert doctest.testmod(sparql).failed == 0


def test_defaults_and_given_values():
    assert bind_parameters(TEMPLATE).splitlines()[2] == (
        'SELECT * { ?s kg:subject <https://w3id.org/kg-news/entity/Russia> ; kg:date ?d '
        'FILTER(?d >= "0001-01-01"^^<http://www.w3.org/2001/XMLSchema#date>) }')
    bound = bind_parameters(TEMPLATE, {"who": "Islamic State", "from": "2015-10-01"})
    assert "<https://w3id.org/kg-news/entity/Islamic_State>" in bound and '"2015-10-01"^^' in bound
    assert "$" not in bound.splitlines()[2]
    assert bound.splitlines()[:2] == TEMPLATE.splitlines()[:2]  # declarations stay as they are


@pytest.mark.parametrize("values, message", [
    ({"from": "October"}, "not a date"),
    ({"from": "2015-02-30"}, "not a date"),
    ({"whom": "x"}, "no parameter whom"),
    ({"who": " "}, "needs an entity id"),
])
def test_bad_values_are_one_line_errors(values, message):
    with pytest.raises(InputError, match=message):
        bind_parameters(TEMPLATE, values)


@pytest.mark.parametrize("value", ['x" } DROP ALL #', "x> . ?s ?p ?o", "\\u003e", "Café \"Zoë\" <Ops> & 🚀 }"])
def test_a_value_is_always_one_term(value):
    """Whatever the value, the query finds exactly the one string or the one entity it names."""
    store = pyoxigraph.Store()
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:s"), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal(value)))
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(entity_iri(value)), pyoxigraph.NamedNode("urn:p"), pyoxigraph.NamedNode("urn:o")))
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:x"), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal("x")))
    bound = bind_parameters("# @param q string x\n# @param e entity x\nSELECT ?s ?o { ?s ?p $q . $e ?p ?o }", {"q": value, "e": value})
    assert [(row["s"].value, row["o"].value) for row in store.query(bound)] == [("urn:s", "urn:o")]


def test_assignments():
    assert parse_assignments(["entity=Russia", "from=2015-10-01", "q=a=b"]) == {"entity": "Russia", "from": "2015-10-01", "q": "a=b"}
    with pytest.raises(InputError, match="NAME=VALUE"):
        parse_assignments(["entity"])


@pytest.mark.parametrize("name, expected", [
    ("entity_timeline", {"entity", "from"}), ("between", {"a", "b", "from", "to"}), ("hedged", set()),
])
def test_shipped_queries_declare_their_parameters(name, expected):
    text = (QUERIES / f"{name}.rq").read_text("utf-8")
    assert set(parameters(text)) == expected
    body = "\n".join(line for line in bind_parameters(text).splitlines() if not line.lstrip().startswith("#"))
    assert "$" not in body


# Entity ids a `name` parameter is matched against, as the between query does: the id's IRI
# segment, lowercased, between two "_".
NAMED = ["Russia", "Islamic State", "Islamic State of Iraq", "Donald Trump", "Trump Organization", "Russian Federation",
         "United States", "US Army", "Café \"Zoë\"", "Belarus"]


@pytest.mark.parametrize("value, found", [
    ("Russia", {"Russia"}),
    ("russia", {"Russia"}),                       # any case
    ("islamic state", {"Islamic State", "Islamic State of Iraq"}),
    ("  Islamic   State ", {"Islamic State", "Islamic State of Iraq"}),  # spaces as in an id
    ("trump", {"Donald Trump", "Trump Organization"}),
    ("US", {"US Army"}),                          # whole words: not "Belarus", not "Russia"
    ("Russ", set()),                              # part of a word finds nothing
    ("café \"zoë\"", {"Café \"Zoë\""}),
    ("x\" } DROP ALL #", set()),                  # still one string
])
def test_a_name_finds_the_ids_holding_its_words(value, found):
    store = pyoxigraph.Store()
    for entity in NAMED:
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(entity_iri(entity)), pyoxigraph.NamedNode("urn:p"), pyoxigraph.Literal(entity)))
    bound = bind_parameters('# @param n name x\nSELECT ?label { ?e ?p ?label '
                            'FILTER (CONTAINS(CONCAT("_", LCASE(STRAFTER(STR(?e), "/entity/")), "_"), COALESCE($n, "_"))) }',
                            {"n": value})
    assert {row["label"].value for row in store.query(bound)} == found


def test_an_empty_name_is_an_error():
    with pytest.raises(InputError, match="needs a name"):
        bind_parameters("# @param n name x\nSELECT * { ?s ?p $n }", {"n": "  "})
