"""Property tests: any input in, a clean result or a KGError out; any output valid RDF.

Example counts are modest (the suite stays fast); the model is loaded once per session.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.documents import SUFFIXES, clean, html_to_text, iter_documents
from kg.errors import KGError
from kg.rdf import quads, write

from validity import assert_one_build, assert_valid_rdf

# Pieces that make statements likely, mixed with the characters that break naive code.
FRAGMENTS = [
    "Russia struck", "Islamic State targets in Syria.", "Turkey did not attack Greece.", "The United States",
    "may sanction Iran,", "officials said.", "\"Al <Nusra> & Sons\"", "O'Brien", "}]}>", "<script>alert(1)</script>",
    "\u202eevil\u202c", "zero\u200bwidth", "🚀", "👩‍👩‍👧", "\x00", "\x1b[31m", "\ud800", "\r\n", "\n\n", "\t",
    "x" * 300, "Zoë of Kyïv", "%2F%00", "_:b0", "\\u0022", "مصر", "中国",
]
SUBJECTS = ["Russia", "The Islamic State", "Turkey", "\"Al <Nusra> & Sons\"", "O'Brien & Co }", "Zoë <Kyïv>", "中国", "The \u202eevil\u202c group"]
VERBS = ["struck", "did not attack", "may sanction", "will not cooperate with", "accused", "wants to meet"]
OBJECTS = ["Syria", "Greece", "the <b>rebels</b>", "\"targets\" }{ in Iraq", "Mali's army", "🚀 launchers", "Ash\u200bCarter"]
noise = st.one_of(st.just(""), st.sampled_from(FRAGMENTS), st.text(max_size=15))
sentences = st.builds("{}{} {} {}{}.".format, noise, st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(OBJECTS), noise)
texts = st.lists(st.one_of(sentences, sentences, st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=12).map(" ".join)
model_settings = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _documents_and_statements(text: str, doc_id: str = "doc") -> tuple[list[dict], list[dict]]:
    statements = [s.to_record() for s in kg.extract(text, doc_id=doc_id)]
    document = {"id": doc_id, "title": text[:60] or None, "source": text[-30:] or None, "date": None, "sha256": "0" * 64, "chars": len(text)}
    return [document], statements


# --- model-free: reading never crashes ---


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(sorted(SUFFIXES)))
def test_any_bytes_are_read_or_skipped(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"x{suffix}").write_bytes(data)
        skipped = []
        documents = list(iter_documents([folder], on_skip=lambda where, why: skipped.append(why)))
    for document in documents:
        record = json.dumps(document.to_record(), ensure_ascii=False).encode("utf-8")  # no lone surrogates
        assert document.id and document.text.strip() and document.sha256 in record.decode("utf-8")
    assert all(why and "\n" not in why for why in skipped)
    assert documents or skipped or suffix == ".jsonl"  # a .jsonl of blank lines holds nothing to skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="<!-[]>/ \x01aD?'\"=&#;xp", max_size=30)))  # markup-heavy soup
def test_any_html_gives_text(html):
    title, text = html_to_text(html)
    assert "\n\n\n" not in text and (title is None or "\n" not in title)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "date", "url"]),
                                st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.integers(), max_size=2))),
                max_size=6))
def test_any_jsonl_records_are_read_or_skipped_with_unique_ids(records):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        skipped = []
        documents = list(iter_documents([folder], on_skip=lambda where, why: skipped.append(why)))
    assert len({d.id for d in documents}) == len(documents)
    readable = [r for r in records if isinstance(r.get("text"), str) and clean(r["text"]).strip()]
    assert len(documents) + sum("duplicate" in why for why in skipped) == len(readable)


# --- with the model: any text in, statements or a KGError out, valid RDF ---


@pytest.mark.model
@model_settings
@given(texts)
def test_any_text_extracts_or_fails_cleanly_and_gives_valid_rdf(text):
    try:
        documents, statements = _documents_and_statements(text)
    except KGError:
        return
    for record in statements:
        assert record["doc"] == "doc" and 0 <= record["start"] < record["end"]
    all_quads = list(quads(documents, statements))
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("nq", "ttl"):
            assert_valid_rdf(write(Path(folder) / f"kg.{fmt}", all_quads, fmt).read_bytes(), fmt)


@pytest.mark.model
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.fixed_dictionaries({"text": texts}, optional={
    "id": st.text(min_size=1, max_size=20), "title": st.text(max_size=20), "date": st.text(max_size=12),
    "url": st.text(max_size=20)}), min_size=1, max_size=3))
def test_any_articles_build_into_a_valid_consistent_output(tmp_path_factory, records):
    base = tmp_path_factory.mktemp("property-build")
    (base / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    try:
        report = kg.build([base / "feed.jsonl"], out=base / "out", formats=("nq",))
    except KGError:
        assert not (base / "out" / "statements.jsonl").exists()
        return
    assert report.documents + len(report.skipped) == len(records)
    assert len(assert_one_build(base / "out")) == report.documents
    assert_valid_rdf((base / "out" / "kg.nq").read_bytes(), "nq")
