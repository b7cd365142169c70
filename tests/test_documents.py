"""Reading articles: titles, paragraphs, formats, encodings and what gets skipped."""
from __future__ import annotations

import codecs
import gzip
import json
import os
import stat
import tracemalloc
import zipfile

import pytest

import kg.documents
from kg.documents import MAX_DOCUMENT_CHARS, MAX_FILE_BYTES, clean, decode, file_ids, headline, html_to_text, iter_documents, paragraphs
from kg.errors import InputError
from kg.ontology import document_iri
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
    assert reasons == ["binary file (PNG), not text", "empty document", "no 'text' field", "not JSON (Expecting property name enclosed in double quotes at column 2)"]


def test_missing_path_is_skipped_and_the_others_read(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    skipped = []
    documents = list(iter_documents([tmp_path / "nope.txt", tmp_path / "a.txt"], on_skip=lambda *skip: skipped.append(skip)))
    assert [d.id for d in documents] == ["a"]
    assert skipped == [(str(tmp_path / "nope.txt"), "no such file or folder")]


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [d.id for d in iter_documents([tmp_path])] == ["a"]


# --- dirty input: each bad file is skipped with a one-line reason, the good one still read ---


def _zip_bytes(tmp_path) -> bytes:
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as archive:
        archive.writestr("a.txt", "Body.")
    return (tmp_path / "z.zip").read_bytes()


BAD_FILES = [  # (file name, content or a function of tmp_path giving it, start of the reason)
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b"  \n\t\r\n \x0c\n", "empty document"),
    ("controls.txt", b"\x01\x02\x1b\x08\x7f", "empty document"),  # nothing left once control characters go
    ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF), not text"),
    ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG), not text"),
    ("archive.txt", _zip_bytes, "binary file (zip), not text"),
    ("archive.jsonl", _zip_bytes, "binary file (zip), not text"),
    ("page.html", b"\x1f\x8b\x08\x00compressed", "binary file (gzip), not text"),
    ("nul.txt", b"text\x00with\x00nul\x00bytes", "binary file, not text"),
    ("scripts.html", b"<html><head><script>alert(1)</script><style>p{}</style></head><body></body></html>", "empty document"),
    ("broken.jsonl", b'{"text": "unterminated\n', "not JSON (Unterminated string"),
    ("array.jsonl", b'["text", "a list"]\n', "no 'text' field"),
    ("number.jsonl", b"12\n", "no 'text' field"),
    ("notext.jsonl", b'{"title": "no body"}\n', "no 'text' field"),
    ("nontext.jsonl", b'{"text": 42}\n', "no 'text' field"),
    ("emptytext.jsonl", b'{"text": "  "}\n', "empty document"),
    ("bigint.jsonl", b'{"text": "x", "n": 1' + b"0" * 5000 + b"}\n", "not JSON (a number too long to read)"),
]


@pytest.mark.parametrize("name, content, reason", BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_file_is_skipped_with_a_reason_and_others_still_read(tmp_path, name, content, reason):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\nGood body.", encoding="utf-8")
    (folder / name).write_bytes(content(tmp_path) if callable(content) else content)
    skipped = []
    documents = list(iter_documents([folder], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.id for d in documents] == ["good"]
    assert len(skipped) == 1, skipped
    where, why = skipped[0]
    assert where.startswith(str(folder / name))
    assert why.startswith(reason), why
    assert "\n" not in why


ENCODINGS = [  # (bytes, the text read from them)
    ("Zoë in Kyïv".encode("utf-8"), "Zoë in Kyïv"),
    (codecs.BOM_UTF8 + "Zoë".encode("utf-8"), "Zoë"),
    ("Zoë".encode("latin-1"), "Zoë"),
    (b"caf\xe9 \xff\xfe ok", "café ÿþ ok"),  # invalid UTF-8: every byte still becomes a character
    ("Zoë 🚀".encode("utf-16"), "Zoë 🚀"),  # with its BOM (little-endian here)
    (codecs.BOM_UTF16_BE + "Zoë".encode("utf-16-be"), "Zoë"),
    ("Zoë".encode("utf-32"), "Zoë"),
    (codecs.BOM_UTF16_LE + b"A\x00\x00\xd8B\x00", "A\ufffdB"),  # a lone surrogate
    (codecs.BOM_UTF16_LE + b"A\x00B", "A\ufffd"),  # odd length: cut in the middle of a character
]


@pytest.mark.parametrize("data, text", ENCODINGS)
def test_decode_never_fails_on_text(data, text):
    assert decode(data, "x") == text


@pytest.mark.parametrize("text, cleaned", [
    ("a\x00b\x07c\x1bd", "a b c d"),
    ("line\r\nnext\rlast", "line\nnext\nlast"),
    ("keep\ttab\nand newline", "keep\ttab\nand newline"),
    ("c1\x85\x9fend", "c1  end"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("The Sen\u00adate re\u00adject\u00aded it", "The Senate rejected it"),  # soft hyphens: hints, not letters
    ("RTL \u202eevil\u202c, zero\u200bwidth, emoji 👩‍👩‍👧", "RTL \u202eevil\u202c, zero\u200bwidth, emoji 👩‍👩‍👧"),
])
def test_clean_keeps_offsets_and_text(text, cleaned):
    assert clean(text) == cleaned


def test_utf16_article_is_read_with_its_title(tmp_path):
    (tmp_path / "u.txt").write_bytes("Titre\n\nL'armée française.".encode("utf-16"))
    (document,) = iter_documents([tmp_path])
    assert (document.title, document.text) == ("Titre", "Titre\n\nL'armée française.")


def test_jsonl_lines_are_read_one_by_one_with_their_numbers(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "First.\u2028Still the first record."}, ensure_ascii=False),  # U+2028 is not a line end
        "",
        "{not json",
        json.dumps({"text": "No id: file id and line number."}),
        json.dumps({"id": "a", "text": "Same id again."}),
        json.dumps({"id": "bad\nid\t", "text": "Control characters in the id.", "title": "T\u2029x", "date": 20151007}),
        json.dumps({"id": "lone \ud800", "text": "Lone surrogate \ud800 in text.", "url": "http://x/\udfff"}),
        "caf\xe9".join(['{"id": "latin", "text": "', '"}']),
    ]
    (tmp_path / "news.jsonl").write_bytes(b"\n".join(line.encode("utf-8") for line in lines[:-1]) + b"\n" + lines[-1].encode("latin-1"))
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.id for d in documents] == ["a", "news-4", "bad id", "lone \ufffd", "latin"]
    assert documents[0].text == "First.\u2028Still the first record."
    assert documents[2].title == "T x" and documents[2].date is None
    assert documents[3].text == "Lone surrogate \ufffd in text." and documents[3].source == "http://x/\ufffd"
    assert documents[4].text == "café"
    where = str(tmp_path / "news.jsonl")
    assert skipped == [(f"{where}:3", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
                       (f"{where}:5", f"duplicate document id 'a' (already used by {where}:1)")]
    for document in documents:  # everything can be written as UTF-8 JSON
        json.dumps(document.to_record(), ensure_ascii=False).encode("utf-8")


def test_jsonl_in_utf16_with_bom(tmp_path):
    text = json.dumps({"id": "u", "text": "Zoë said so."}, ensure_ascii=False) + "\r\n"
    (tmp_path / "u.jsonl").write_bytes(text.encode("utf-16"))
    assert [(d.id, d.text) for d in iter_documents([tmp_path])] == [("u", "Zoë said so.")]


def test_jsonl_line_too_long_is_skipped_and_numbering_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.documents, "MAX_FILE_BYTES", 100)
    lines = [json.dumps({"text": "x" * 300}), json.dumps({"text": "Short."})]
    (tmp_path / "n.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.id for d in documents] == ["n-2"]
    assert skipped == [(f"{tmp_path / 'n.jsonl'}:1", "line too long (over 0 MB)")]


# --- size: memory stays bounded ---


def test_huge_file_is_skipped_without_being_read(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # sparse: 50 MB long, nothing on disk
        f.truncate(50 * 2**20)
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    skipped = []
    tracemalloc.start()
    try:
        documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [d.id for d in documents] == ["ok"]
    assert skipped == [(str(big), f"too large (50 MB; the limit is {MAX_FILE_BYTES // 2**20} MB): split it into articles, one per file or per .jsonl line")]
    assert peak < 2**20  # never read into memory


def test_long_single_line_over_the_character_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.documents, "MAX_DOCUMENT_CHARS", 1000)
    (tmp_path / "line.txt").write_text("word " * 300, encoding="utf-8")
    (tmp_path / "fits.txt").write_text("word " * 100, encoding="utf-8")
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.id for d in documents] == ["fits"]
    assert skipped == [(str(tmp_path / "line.txt"), "too long (1,500 characters; the limit is 1,000): split it into articles, one per file or per .jsonl line")]


def test_limits_fit_each_other():
    assert MAX_DOCUMENT_CHARS <= MAX_FILE_BYTES  # a text that fits in characters is never refused for bytes


# --- ids: unique and stable ---


@pytest.mark.parametrize("files, ids", [
    (["x.txt", "y.md"], ["x", "y"]),
    (["a/x.txt", "b/x.txt", "b/y.md"], ["a/x", "b/x", "y"]),
    (["x.md", "x.txt"], ["x.md", "x.txt"]),
    (["a/b/x.txt", "c/x.html", "x.jsonl"], ["a/b/x", "c/x", "x"]),
    (["Cafe\u0301.txt", "a/Café.txt"], ["Cafe\u0301", "a/Café"]),  # the same name in NFD and NFC
])
def test_file_ids_are_unique(tmp_path, files, ids):
    paths = [(tmp_path, tmp_path / name) for name in files]
    assert file_ids(paths) == ids


def test_same_relative_paths_under_two_folders_get_the_folder_names(tmp_path):
    first, second = tmp_path / "2015", tmp_path / "2016"
    for folder in (first, second):
        (folder / "sub").mkdir(parents=True)
        (folder / "sub" / "x.txt").write_text(f"In {folder.name}.", encoding="utf-8")
    documents = list(iter_documents([first, second]))
    assert [d.id for d in documents] == [(first / "sub" / "x").as_posix(), (second / "sub" / "x").as_posix()]


def test_colliding_stems_become_relative_paths_and_each_has_its_graph(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"Article {folder}.", encoding="utf-8")
    (tmp_path / "b" / "other.txt").write_text("Other.", encoding="utf-8")
    documents = list(iter_documents([tmp_path]))
    assert [(d.id, d.text) for d in documents] == [("a/x", "Article a."), ("other", "Other."), ("b/x", "Article b.")]
    assert len({document_iri(d.id) for d in documents}) == 3


def test_ids_are_stable_when_unrelated_files_come_and_go(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    before = {d.text: d.id for d in iter_documents([tmp_path])}
    (tmp_path / "c.txt").write_text("C.", encoding="utf-8")
    after = {d.text: d.id for d in iter_documents([tmp_path])}
    assert {text: after[text] for text in before} == before


def test_explicit_jsonl_id_clashing_with_a_file_is_skipped(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "b", "text": "From the jsonl."}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("From the file.", encoding="utf-8")
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
    assert [(d.id, d.text) for d in documents] == [("b", "From the jsonl.")]
    assert skipped == [(str(tmp_path / "b.txt"), f"duplicate document id 'b' (already used by {tmp_path / 'a.jsonl'}:1)")]


def test_the_same_file_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")
    skipped = []
    documents = list(iter_documents([tmp_path, tmp_path / "a.txt"], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.id for d in documents] == ["a"]
    assert sorted(why for _, why in skipped) == [f"same file as {tmp_path / 'a.txt'}"] * 2


# --- folders: links, hidden files, special files, permissions ---


def test_hidden_files_and_folders_and_other_suffixes_are_ignored(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden folder.", encoding="utf-8")
    (tmp_path / ".x.txt").write_text("Hidden file.", encoding="utf-8")
    (tmp_path / "x.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Seen.", encoding="utf-8")
    skipped = []
    assert [d.id for d in iter_documents([tmp_path], on_skip=lambda *s: skipped.append(s))] == ["y"]
    assert skipped == []


def test_broken_symlinks_and_special_files_are_skipped(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    skipped = []
    documents = list(iter_documents([tmp_path, tmp_path / "dangling.txt", "/dev/null"], on_skip=lambda *s: skipped.append(s)))
    assert [d.id for d in documents] == ["ok"]
    assert sorted(skipped) == sorted([
        (str(tmp_path / "dangling.txt"), "broken symbolic link"),
        (str(tmp_path / "pipe.txt"), "not a regular file or folder"),
        (str(tmp_path / "dangling.txt"), "broken symbolic link"),
        ("/dev/null", "not a regular file or folder"),
    ])


def test_symlink_loop_deeper_down_is_walked_once(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Deep.", encoding="utf-8")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(".")
    assert [d.text for d in iter_documents([tmp_path])] == ["Deep."]


def _permissions_apply() -> bool:
    """False for root (CI runs as root): it reads files whatever their mode."""
    import tempfile

    with tempfile.NamedTemporaryFile() as probe:
        os.chmod(probe.name, 0)
        try:
            open(probe.name, "rb").close()
        except PermissionError:
            return True
        return False


needs_non_root = pytest.mark.skipif(not _permissions_apply(), reason="root reads files whatever their mode; "
                                    "test_unreadable_file_simulated covers the same code as root")


@needs_non_root
def test_unreadable_file_and_folder_are_skipped(tmp_path):
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Secret.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Locked.", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        skipped = []
        documents = list(iter_documents([tmp_path], on_skip=lambda *s: skipped.append(s)))
    finally:
        (tmp_path / "locked").chmod(stat.S_IRWXU)
    assert [d.id for d in documents] == ["ok"]
    assert sorted(skipped) == [(str(tmp_path / "locked"), "Permission denied"), (str(tmp_path / "secret.txt"), "Permission denied")]


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """What chmod 000 does for a non-root user, made to happen for root too."""
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Secret.", encoding="utf-8")
    original = open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return original(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda *s: skipped.append(s)))
    assert [d.id for d in documents] == ["ok"]
    assert skipped == [(str(tmp_path / "secret.txt"), "Permission denied")]


@pytest.mark.parametrize("html, text", [
    ("<p>a</p><script>document.write('<p>x</p>')</script><p>b</p>", "a\n\nb"),
    ("<p>a<!-- <p>comment</p> --></p><noscript>n</noscript><template><p>t</p></template>", "a"),
    ("<p>unclosed <b>tags <i>everywhere", "unclosed tags everywhere"),
    ("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x1F680; &bogus;</p>", "<script>alert(1)</script> & 🚀 &bogus;"),
    ("<svg><text>drawn</text></svg><p>seen</p><style>p::after{content:'x'}</style>", "seen"),
    ("<![\x01<p>x</p>", "[\x01\n\nx"),  # the standard parser raised AssertionError here
    ("<!doctype\x01><p>y</p>", "y"),
])
def test_html_text_and_nothing_executable(html, text):
    assert html_to_text(html)[1] == text


# --- file names that are not UTF-8 ---


@pytest.mark.parametrize("name, text", [
    (b"caf\xe9.txt", "café.txt"),  # Latin-1, as old archives have
    (b"caf\xc3\xa9.txt", "café.txt"),  # UTF-8
    (b"d\xc3\xa9j\xe0 vu.txt", "déjà vu.txt"),  # both in one name
    (b"line\nbreak.txt", "line break.txt"),  # file names may hold control characters too
])
def test_path_text_reads_any_bytes_of_a_file_name(name, text):
    assert kg.documents.path_text(os.fsdecode(name)) == text
    text.encode("utf-8")  # writable anywhere


def test_file_name_that_is_not_utf8_gives_ids_and_sources_any_output_takes(tmp_path):
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.txt", b"caf\xc3\xa9.md", b"ok.txt"):  # the first two read as the same name
        with open(folder + b"/" + name, "w", encoding="utf-8") as f:
            f.write("Title\n\nRussia attacked Ukraine.")
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda where, why: skipped.append((where, why))))
    assert skipped == []
    assert sorted(d.id for d in documents) == ["café.md", "café.txt", "ok"]
    for document in documents:
        json.dumps(document.to_record(), ensure_ascii=False).encode("utf-8")
        assert document.sha256 and document_iri(document.id).encode("utf-8")
        assert "\udce9" not in document.source and document.source.endswith((".txt", ".md"))


# --- compressed corpora ---

COMPRESSORS = {"gz": __import__("gzip").compress, "bz2": __import__("bz2").compress, "xz": __import__("lzma").compress}


def corpus_lines(count: int) -> bytes:
    return b"".join(json.dumps({"id": f"a{i}", "title": f"Story {i}", "text": f"Story {i}\n\nTurkey did not attack Syria on day {i}; ref {__import__('hashlib').sha256(bytes(i)).hexdigest()}."}).encode() + b"\n"
                    for i in range(count))


@pytest.mark.parametrize("compression", sorted(COMPRESSORS))
def test_compressed_jsonl_reads_as_the_jsonl_would(tmp_path, monkeypatch, compression):
    """A corpus as it ships (news.jsonl.gz) was refused as "too large": it is read as a stream."""
    monkeypatch.setattr(kg.documents, "MAX_FILE_BYTES", 2_000)  # the file is larger than this, each line is not
    data = corpus_lines(300)
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "news.jsonl").write_bytes(data)
    packed = tmp_path / "packed" / f"news.jsonl.{compression}"
    packed.parent.mkdir()
    packed.write_bytes(COMPRESSORS[compression](data))
    assert packed.stat().st_size > 2_000
    skipped = []
    given = list(iter_documents([packed], on_skip=lambda *s: skipped.append(s)))  # the file named
    walked = list(iter_documents([packed.parent], on_skip=lambda *s: skipped.append(s)))  # found in a folder
    plain = list(iter_documents([tmp_path / "plain"]))
    assert skipped == []
    assert len(plain) == 300 and [d.id for d in plain][:2] == ["a0", "a1"]
    for documents in (given, walked):
        assert [(d.id, d.title, d.text, d.date) for d in documents] == [(d.id, d.title, d.text, d.date) for d in plain]
        assert {d.source for d in documents} == {f"{packed}:{n}" for n in range(1, 301)}


def test_compressed_jsonl_without_ids_is_named_after_the_file(tmp_path):
    (tmp_path / "wire.jsonl.gz").write_bytes(COMPRESSORS["gz"](b'{"text": "Turkey did not attack Syria."}\n' * 2))
    assert [d.id for d in iter_documents([tmp_path])] == ["wire-1", "wire-2"]


def test_damaged_compressed_corpus_keeps_what_came_before_and_says_where(tmp_path):
    packed = COMPRESSORS["gz"](corpus_lines(2_000))
    (tmp_path / "news.jsonl.gz").write_bytes(packed[: len(packed) // 2])  # a download cut short
    skipped = []
    documents = list(iter_documents([tmp_path], on_skip=lambda *s: skipped.append(s)))
    assert 0 < len(documents) < 2_000 and [d.id for d in documents] == [f"a{i}" for i in range(len(documents))]
    (where, why), = skipped
    assert where == str(tmp_path / "news.jsonl.gz")
    assert why.startswith(f"damaged gz data after line {len(documents)}")


def test_a_url_is_read_through_fsspec_like_a_local_path(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    files = {"news/a.jsonl": b'{"id": "n1", "text": "Russia struck Syria.", "url": "https://x.example/1"}\n{"id": 2}\n{"text": "Hello there."}\n',
             "news/sub/b.txt": "Title\n\nBody with caf\u00e9.".encode(), "news/.hidden/c.txt": b"Hidden.", "news/notes.pdf": b"%PDF",
             "news/z.jsonl.gz": gzip.compress(b'{"id": "z1", "text": "Compressed, read as a stream."}\n')}
    memory = fsspec.filesystem("memory")
    for name, data in files.items():
        memory.pipe(f"/kg-test-{os.getpid()}/{name}", data)
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    root = f"memory:///kg-test-{os.getpid()}/news"
    try:
        remote_skips, local_skips = [], []
        remote = list(iter_documents([root], on_skip=lambda where, why: remote_skips.append((where, why))))
        local = list(iter_documents([tmp_path / "news"], on_skip=lambda where, why: local_skips.append((where, why))))
        # the same documents; where they came from is named by URL
        assert [(d.id, d.text, d.title) for d in remote] == [(d.id, d.text, d.title) for d in local]
        assert [d.source for d in remote] == ["https://x.example/1", f"{root}/a.jsonl:3", f"{root}/z.jsonl.gz:1", f"{root}/sub/b.txt"]
        assert remote_skips == [(f"{root}/a.jsonl:2", "no 'text' field")] and len(local_skips) == 1
        globbed = list(iter_documents([f"{root}/*.jsonl"]))
        assert [d.id for d in globbed] == ["n1", "a-3"]
        missing = []
        assert list(iter_documents([f"{root}/nothing"], on_skip=lambda where, why: missing.append(why))) == []
        assert missing == ["no such file or folder"]
        # lines of .jsonl (compressed too), the one without text included, and files
        assert kg.documents.count_documents([tmp_path / "news"]) == 5 and kg.documents.count_documents([root]) is None
    finally:
        memory.rm(f"/kg-test-{os.getpid()}", recursive=True)
