"""Reading articles (.txt, .md, .html, .jsonl) into :class:`~kg.types.Document` records.

A plain-text article's first line is its title when a blank line follows it.  Paragraphs
are separated by blank lines and are the unit handed to the parser, so a headline can
never merge with the first sentence of the body.
"""
from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.types import Document

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Binary files that slipped in under a text suffix: PDF, PNG, GIF, JPEG, ZIP, gzip.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")

SkipHandler = Callable[[str, str], None]


def _log_skip(where: str, reason: str) -> None:
    log.warning("skipped %s: %s", where, reason)


def iter_documents(paths: Iterable[str | os.PathLike], *, on_skip: SkipHandler = _log_skip) -> Iterator[Document]:
    """Yield every readable article under ``paths`` (files or folders, walked in sorted order).

    A path that does not exist raises :class:`InputError`; a file that cannot be read as an
    article is reported to ``on_skip(path, reason)`` and the others are still read.
    """
    for path in map(Path, paths):
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        for file in _files(path, on_skip):
            try:
                yield from read_file(file, on_skip=on_skip)
            except InputError as error:
                on_skip(str(file), str(error))


def _files(path: Path, on_skip: SkipHandler) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(path, followlinks=True, onerror=lambda e: on_skip(str(e.filename), e.strerror or str(e))):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop: each folder is walked once
            dirs.clear()
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root, name)
            if name.startswith(".") or file.suffix.lower() not in SUFFIXES:
                continue
            yield file


def read_file(path: Path, *, on_skip: SkipHandler = _log_skip) -> Iterator[Document]:
    """The documents in one file: one for text formats, one per line for .jsonl."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, on_skip)
        return
    text = decode(_read_bytes(path), str(path))
    if suffix in (".html", ".htm"):
        title, text = html_to_text(text)
        yield _document(path.stem, text, source=str(path), title=title)
    else:
        yield _document(path.stem, text, source=str(path), markdown=suffix in (".md", ".markdown"))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Latin-1 as a last resort."""
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.info("%s is not UTF-8; reading it as Latin-1", where)
        return data.decode("latin-1")


def _read_jsonl(path: Path, on_skip: SkipHandler) -> Iterator[Document]:
    text = decode(_read_bytes(path), str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            on_skip(where, f"not JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            on_skip(where, "no 'text' field")
            continue
        if not record["text"].strip():
            on_skip(where, "empty document")
            continue
        doc_id = str(record.get("id") or f"{path.stem}-{number}")
        title = record.get("title") if isinstance(record.get("title"), str) else None
        date = record.get("date") if isinstance(record.get("date"), str) else None
        source = record.get("url") or record.get("source") or where
        yield Document(id=doc_id, text=clean(record["text"]), title=title, source=str(source), date=date)


def _document(doc_id: str, text: str, *, source: str, title: str | None = None, markdown: bool = False) -> Document:
    text = clean(text)
    if not text.strip():
        raise InputError("empty document")
    if title is None:
        title = headline(text, markdown=markdown)
    return Document(id=doc_id, text=text, title=title, source=source)


def clean(text: str) -> str:
    """Normalise line endings and drop control characters, keeping the text otherwise as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c if c in "\n\t" or c >= " " and not "\x7f" <= c <= "\x9f" else " " for c in text)


def headline(text: str, *, markdown: bool = False) -> str | None:
    """The first line, when a blank line follows it (Markdown: a leading ``# Heading``)."""
    first, newline, rest = text.lstrip("\n").partition("\n")
    if markdown and first.startswith("#"):
        return first.lstrip("#").strip() or None
    if newline and re.match(r"[ \t]*\n", rest):
        return first.strip() or None
    return None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the blank-line separated paragraphs of ``text``, empty ones left out."""
    start = 0
    for match in BLANK_LINE.finditer(text):
        if text[start : match.start()].strip():
            yield _strip_span(text, start, match.start())
        start = match.end()
    if text[start:].strip():
        yield _strip_span(text, start, len(text))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, block elements becoming paragraphs; scripts and styles dropped."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "header", "footer"}
    HIDDEN = {"script", "style", "noscript", "template", "head", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.hidden = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page: paragraphs separated by blank lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    blocks = [" ".join(block.split()) for block in BLANK_LINE.split(raw)]
    text = "\n\n".join(block for block in blocks if block)
    title = " ".join("".join(parser.title).split()) or None
    return title, text
