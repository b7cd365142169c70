"""The cross-document merge pass over entity keys (kg/merge.py): one row per rule."""
from __future__ import annotations

import json

import pytest

from kg.merge import KeyIndex, merged_across_documents


def line(doc, subject, object_=None):
    """A statement line: each part is (text, id, type) or (text, id, type, code)."""
    def part(p):
        record = {"text": p[0], "id": p[1], "label": p[1], "type": p[2]}
        if len(p) > 3:
            record["code"] = p[3]
        return record
    record = {"doc": doc, "sentence": f"Then {subject[0]} met them.", "subject": part(subject), "predicate": {"text": "met", "lemma": "meet"},
              "object": part(object_ or ("talks", "talks", "Concept")), "attributed_to": None}
    return json.dumps(record) + "\n"


# (lines of the build, expected merges)
MERGES = [
    pytest.param([line("a", ("Bernie Sanders", "Bernie Sanders", "Person")), line("b", ("Sanders", "Sanders", "Person"))],
                 {"Sanders": "Bernie Sanders"}, id="surname-typed-person"),
    pytest.param([line("a", ("Trump", "Donald Trump", "Person")), line("b", ("Trump", "Trump", "Organization"))],
                 {"Trump": "Donald Trump"}, id="surname-used-for-the-person-elsewhere"),
    pytest.param([line("a", ("Michael Bloomberg", "Michael Bloomberg", "Person")),
                  line("b", ("Bloomberg", "Bloomberg", "Organization"))],
                 {}, id="organisation-never-used-as-the-surname-stays"),
    pytest.param([line("a", ("John Smith", "John Smith", "Person")), line("b", ("Mary Smith", "Mary Smith", "Person")),
                  line("c", ("Smith", "Smith", "Person"))], {}, id="ambiguous-surname-stays"),
    pytest.param([line("a", ("Donald Trump", "Donald Trump", "Person"))] * 10 + [
                  line("b", ("Donald Trump Jr", "Donald Trump Jr", "Person")), line("c", ("Mrs Trump", "Mrs Trump", "Person")),
                  line("d", ("Trump", "Trump", "Person"))], {"Trump": "Donald Trump"}, id="dominant-owner-suffix-honorific"),
    pytest.param([line("a", ("Donald Trump", "Donald Trump", "Person"))] * 9 + [
                  line("b", ("Donald Trump Jr", "Donald Trump Jr", "Person")),
                  line("d", ("Trump", "Trump", "Person"))], {}, id="no-dominant-owner"),
    pytest.param([line("a", ("Donald J. Trump", "Donald J. Trump", "Person")), line("b", ("Donald Trump", "Donald Trump", "Person")),
                  line("c", ("Donald Trump", "Donald Trump", "Person"))],
                 {"Donald J. Trump": "Donald Trump"}, id="compatible-full-names-commonest"),
    pytest.param([line("a", ("Jordan", "Jordan", "Country", "JOR")), line("b", ("Michael Jordan", "Michael Jordan", "Person")),
                  line("c", ("Jordan", "Jordan", "Country", "JOR"))], {}, id="gazetteer-entity-not-a-surname"),
    pytest.param([line("a", ("Trump", "Donald Trump", "Person")), line("b", ("Trump", "trump", "Concept")),
                  line("c", ("trump", "trump", "Concept"))], {"trump": "Donald Trump"}, id="surname-ner-missed"),
    pytest.param([line("a", ("Donald Trump", "Donald Trump", "Person")), line("b", ("the trump card", "trump card", "Concept")),
                  line("c", ("trump", "trump", "Concept"))], {}, id="lower-case-concept-stays"),
    pytest.param([line("a", ("Tom Price", "Tom Price", "Person")),
                  json.dumps({"doc": "b", "sentence": "Price rose.", "subject": {"text": "Price", "id": "price", "label": "price",
                              "type": "Concept"}, "object": None}) + "\n"], {}, id="sentence-initial-concept-stays"),
    pytest.param([line("a", ("Trump", "Donald Trump", "Person")),
                  json.dumps({"doc": "b", "sentence": "“Go back,” Trump tweeted.", "subject": {"text": "Trump", "id": "trump",
                              "label": "trump", "type": "Concept"}, "object": None}) + "\n"], {"trump": "Donald Trump"},
                 id="concept-after-a-closing-quote-is-a-surname"),
    pytest.param([line("a", ("Mike Pence", "Mike Pence", "Person")), line("b", ("Vice President Pence", "Pence", "Organization"))],
                 {"Pence": "Mike Pence"}, id="titled-surname"),
    pytest.param([line("a", ("ObamaCare", "ObamaCare", "Organization")), line("b", ("Obamacare", "Obamacare", "Organization")),
                  line("c", ("Obamacare", "Obamacare", "Organization"))], {"ObamaCare": "Obamacare"}, id="case-commonest"),
    pytest.param([line("a", ("Co", "Co", "Organization"))] + [line("b", ("Co", "co", "Concept"))] * 3,
                 {"co": "Co"}, id="case-an-actor-is-the-home-of-a-concept"),
    pytest.param([line("a", ("Sanders", "Sanders", "Person")), line("b", ("Bernie Sanders", "Bernie Sanders", "Person")),
                  line("c", ("SANDERS", "SANDERS", "Person"))],
                 {"Sanders": "Bernie Sanders", "SANDERS": "Bernie Sanders"}, id="no-chains"),
]


@pytest.mark.parametrize("lines, expected", MERGES)
def test_merges(lines, expected):
    index = KeyIndex()
    for text in lines:
        index.add_line(text)
    assert index.merges() == expected


@pytest.mark.parametrize("lines, expected", MERGES)
@pytest.mark.parametrize("size", [1, 2])
def test_indexes_of_partitions_reduced_in_order_merge_as_one_index(lines, expected, size):
    # kg build --cluster --parts: each partition's keys indexed on a worker, reduced here
    whole, reduced = KeyIndex(), KeyIndex()
    for text in lines:
        whole.add_line(text)
    for start in range(0, len(lines), size):
        part = KeyIndex()
        for text in lines[start:start + size]:
            part.add_line(text)
        reduced.update(part)
    assert reduced.merges() == whole.merges() == expected
    assert reduced.replacements(expected) == whole.replacements(expected)
    assert {i: (k.types, list(k.texts), k.known, k.titled, k.record) for i, k in reduced.keys.items()} == \
        {i: (k.types, list(k.texts), k.known, k.titled, k.record) for i, k in whole.keys.items()}


def test_a_reduced_index_keeps_an_actors_first_texts_as_one_index_does():
    lines = [line(f"d{n}", (f"W{n}", "Acme", "Organization")) for n in range(70)]
    whole, reduced = KeyIndex(), KeyIndex()
    for text in lines:
        whole.add_line(text)
    for start in (0, 30):
        part = KeyIndex()
        for text in lines[start:start + 30] if start == 0 else lines[30:]:
            part.add_line(text)
        reduced.update(part)
    assert list(reduced.keys["Acme"].texts) == list(whole.keys["Acme"].texts) == [f"W{n}" for n in range(50)]


def test_rewrite_takes_the_target_label_type_and_code():
    index = KeyIndex()
    for text in [line("a", ("Trump", "Donald Trump", "Person", "USAELI")), line("b", ("Trump", "Trump", "Organization"))]:
        index.add_line(text)
    merges = index.merges()
    record = json.loads(index.rewrite(line("b", ("Trump", "Trump", "Organization")), merges))
    assert record["subject"] == {"text": "Trump", "id": "Donald Trump", "label": "Donald Trump", "type": "Person", "code": "USAELI"}
    untouched = line("c", ("Russia", "Russia", "Country", "RUS"))
    assert index.rewrite(untouched, merges) is untouched


def test_merged_across_documents_rewrites_every_document_and_removes_its_spool(tmp_path):
    items = [("doc-a", [line("a", ("Bernie Sanders", "Bernie Sanders", "Person"))]),
             ("doc-b", [line("b", ("Sanders", "Sanders", "Person")), line("b", ("Russia", "Russia", "Country", "RUS"))]),
             ("doc-c", [])]
    spool = tmp_path / "spool"
    out = list(merged_across_documents(iter(items), spool))
    assert [(doc, unchanged) for doc, _, unchanged in out] == [("doc-a", True), ("doc-b", False), ("doc-c", True)]
    assert [json.loads(text)["subject"]["id"] for text in out[1][1]] == ["Bernie Sanders", "Russia"]
    assert not spool.exists()


@pytest.mark.model
def test_a_build_merges_across_articles_and_curation_files_invalidate_reuse(tmp_path):
    import kg

    articles = tmp_path / "news.jsonl"
    articles.write_text(
        json.dumps({"id": "one", "text": "Senator Bernie Sanders criticised Hillary Clinton on Monday."}) + "\n"
        + json.dumps({"id": "two", "text": "Sanders attacked Wall Street banks again."}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = kg.build([articles], out=out)
    ids = {r["subject"]["id"] for r in map(json.loads, (out / "statements.jsonl").read_text("utf-8").splitlines())}
    assert "Bernie Sanders" in ids and "Sanders" not in ids  # "Sanders" in the second article is Bernie Sanders
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Wall Street banks\tWall Street\tOrganization\n", encoding="utf-8")
    second = kg.build([articles], out=out)
    third = kg.build([articles], out=out, aliases=aliases)
    assert (first.reused, second.reused, third.reused) == (0, 2, 0)
