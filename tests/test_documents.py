"""Reading articles: titles, paragraphs, formats, encodings and what gets skipped."""
from __future__ import annotations

import json

import pytest

from kg.documents import decode, headline, html_to_text, iter_documents, paragraphs
from kg.errors import InputError
from kg.nlp import chunks, paragraph_texts
from kg.types import Document


@pytest.mark.parametrize(
    "text, title",
    [
        ("Russia strikes IS\n\nFour warships launched rockets.", "Russia strikes IS"),
        ("Russia strikes IS\n   \nBody.", "Russia strikes IS"),
        ("One paragraph only, no title.", None),
        ("Line one\nline two of the same paragraph\n\nNext.", None),
        ("\n\nLate title\n\nBody.", "Late title"),
    ],
)
def test_headline(text, title):
    assert headline(text) == title


def test_markdown_heading_is_title():
    assert headline("# France sends aid\n\nBody.", markdown=True) == "France sends aid"


def test_paragraphs_are_spans_of_the_text():
    text = "Title\n\nFirst para\nstill first.\n\n\n  Second para.  \n"
    spans = list(paragraphs(text))
    assert [text[s:e] for s, e in spans] == ["Title", "First para\nstill first.", "Second para."]


def test_headline_never_merges_with_first_sentence():
    document = Document(id="d", text="Russian warships launch rockets\n\nThe United States will not cooperate.")
    texts = [t for _, t in paragraph_texts(document)]
    assert texts == ["Russian warships launch rockets", "The United States will not cooperate."]


def test_paragraph_newlines_become_spaces_with_offsets_kept():
    document = Document(id="d", text="A hard-wrapped\nline.\n\nNext.")
    for offset, text in paragraph_texts(document):
        assert len(text) == len(document.text[offset : offset + len(text)])
        assert "\n" not in text


def test_long_paragraph_is_chunked_within_limit():
    text = ("Word " * 50 + ". ") * 100
    pieces = list(chunks(text, 0, len(text), limit=1000))
    assert all(end - start <= 1000 for start, end in pieces)
    assert " ".join(text[s:e] for s, e in pieces).split() == text.split()


def test_html_drops_scripts_and_keeps_blocks():
    title, text = html_to_text("<html><head><title>T &amp; U</title><script>alert(1)</script></head>"
                               "<body><h1>Head</h1><p>First <b>para</b>.</p><style>p{}</style><p>Second.</p></body></html>")
    assert title == "T & U"
    assert text == "Head\n\nFirst para.\n\nSecond."
    assert "alert" not in text


def test_decode_encodings():
    assert decode("Zoë".encode("utf-8"), "x") == "Zoë"
    assert decode("\ufeffZoë".encode("utf-8"), "x") == "Zoë"
    assert decode("Zoë".encode("utf-16"), "x") == "Zoë"
    assert decode("Zoë".encode("latin-1"), "x") == "Zoë"
    with pytest.raises(InputError):
        decode(b"%PDF-1.4 binary", "x")


def test_folder_walk_reads_formats_and_reports_skips(tmp_path):
    (tmp_path / "a.txt").write_text("Title A\n\nBody of A.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title B\n\nBody of B.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<title>C</title><p>Body of C.</p>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "d1", "title": "D1", "text": "Body one.", "date": "2015-10-07"}) + "\n"
        + "{broken\n" + json.dumps({"id": "d3"}) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "fake.txt").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.id for d in documents] == ["a", "b", "c", "d1"]
    assert [d.title for d in documents] == ["Title A", "Title B", "C", "D1"]
    assert documents[3].date == "2015-10-07"
    reasons = sorted(why for _, why in skipped)
    assert reasons == ["binary file, not text", "empty document", "no 'text' field", "not JSON (Expecting property name enclosed in double quotes)"]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_documents([tmp_path / "nope.txt"]))


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [d.id for d in iter_documents([tmp_path])] == ["a"]
