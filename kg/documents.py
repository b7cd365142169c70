"""Reading articles (.txt, .md, .html, .jsonl) into :class:`~kg.types.Document` records.

A plain-text article's first line is its title when a blank line follows it.  Paragraphs
are separated by blank lines and are the unit handed to the parser, so a headline can
never merge with the first sentence of the body.

Real corpora are dirty: anything that cannot be read as an article (binary, empty, too
large, undecodable, a broken JSON line, an unreadable file, a duplicate id) is reported to
``on_skip(where, why)`` and the other documents are still read.

Document ids are the file name without its suffix (``x`` for ``news/x.txt``).  When two
files would get the same id, both get their path relative to the folder given, without
suffix (``a/x`` and ``b/x``), then with it (``x.txt``, ``x.md``), then the path as given.
So ids are stable: a file's id only changes when another file with its name comes or goes.
A ``.jsonl`` line's id is its ``id`` field, else the file's id and the line number.

A path may also be a URL that fsspec reads (``s3://bucket/news/*.jsonl``, ``gs://…``,
``file:///…``), a file, a folder or a glob, where fsspec and the package for its scheme
(s3fs, gcsfs…) are installed; ``kg[cluster]`` brings fsspec.
"""
from __future__ import annotations

import bz2
import codecs
import gzip
import io
import json
import logging
import lzma
import os
import re
import stat
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import IO, Any

from kg.errors import InputError
from kg.types import Document

log = logging.getLogger(__name__)

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
# Corpora ship compressed: a .jsonl.gz (.bz2, .xz) is read as a stream, line by line, like a .jsonl.
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Binary files that slipped in under a text suffix, by their first bytes.
BINARY_MAGIC = {
    b"%PDF": "PDF", b"\x89PNG": "PNG", b"GIF8": "GIF", b"\xff\xd8\xff": "JPEG", b"PK\x03\x04": "zip",
    b"\x1f\x8b": "gzip", b"BZh": "bzip2", b"\xfd7zXZ": "xz", b"7z\xbc\xaf": "7z", b"\x7fELF": "ELF",
    b"\xd0\xcf\x11\xe0": "MS Office",
}
BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Memory stays bounded: bigger files are not read at all, longer texts are not parsed.  A
# news article is a few thousand characters; one million (spaCy's own default limit, a
# long book) is already about a minute of parsing and, parsed as one batch, ~3 GB at the
# peak (measured: 2.8 KB per character in flight).  A corpus in one file belongs in
# .jsonl, one article per line.
MAX_FILE_BYTES = 32 * 2**20
MAX_DOCUMENT_CHARS = 1_000_000
# C0 and C1 control characters except tab and newline; lone surrogates (from JSON escapes
# such as "\ud800") cannot be written as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte of a file name that is not UTF-8 (surrogateescape)
_LINE_BREAK = re.compile("[\n\t\u2028\u2029]")

SkipHandler = Callable[[str, str], None]
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
GLOB = re.compile(r"[*?\[]")


def _log_skip(where: str, reason: str) -> None:
    log.warning("skipped %s: %s", where, reason)


def iter_documents(paths: Iterable[str | os.PathLike], *, on_skip: SkipHandler = _log_skip) -> Iterator[Document]:
    """Yield every readable article under ``paths`` (files or folders, walked in sorted order).

    What cannot be read — a path that does not exist, a binary or empty file, a broken
    .jsonl line, a second document with an id already used — is reported to
    ``on_skip(where, reason)`` and the others are still read.
    """
    files: list[tuple[Path, Path]] = []
    inodes: dict[Any, Path] = {}
    systems: list[Any] = []  # per file: its fsspec file system, None for a local file
    for path in paths:
        if is_url(path):
            for given, file, fs in _remote_files(str(path), on_skip):
                key = fs.unstrip_protocol(str(file))
                if key in inodes:
                    on_skip(key, f"same file as {inodes[key]}")
                    continue
                inodes[key] = key
                files.append((given, file))
                systems.append(fs)
            continue
        for given, file, inode in _files(Path(path), on_skip):
            if inode in inodes:  # given twice, or reached again through a symlink
                on_skip(path_text(file), f"same file as {path_text(inodes[inode])}")
                continue
            inodes[inode] = file
            files.append((given, file))
            systems.append(None)
    used: dict[str, str] = {}  # NFC id → where it was first used: ids name RDF graphs
    for (_, file), file_id, fs in zip(files, file_ids(files), systems):
        try:
            for where, document in read_file(file, on_skip=on_skip, doc_id=file_id, fs=fs):
                key = unicodedata.normalize("NFC", document.id)
                if key in used:
                    on_skip(where, f"duplicate document id {document.id!r} (already used by {used[key]})")
                    continue
                used[key] = where
                yield document
        except InputError as error:
            on_skip(path_text(file), str(error))


def is_url(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a URL for fsspec (``s3://…``) rather than a local path."""
    return isinstance(path, str) and URL.match(path) is not None


def _remote_files(url: str, on_skip: SkipHandler) -> Iterator[tuple[PurePosixPath, PurePosixPath, Any]]:
    """(the path given, a file under it, its fsspec file system) for a URL: a file, a folder
    (walked in sorted order) or a glob."""
    try:
        import fsspec

        fs, root = fsspec.core.url_to_fs(url)
    except ImportError as error:  # fsspec itself, or the package of the URL's scheme (s3fs…)
        on_skip(url, f"cannot read this URL: {error}" if "fsspec" not in str(error) else "reading URLs needs fsspec: pip install fsspec")
        return
    except ValueError as error:
        on_skip(url, f"cannot read this URL: {error}")
        return
    try:
        if GLOB.search(root):
            given = PurePosixPath(GLOB.split(root, 1)[0].rsplit("/", 1)[0] or "/")
            names = [name for name in fs.glob(root) if fs.isfile(name)]
        elif fs.isdir(root):
            given = PurePosixPath(root)
            names = fs.find(root)
        elif fs.isfile(root):
            given, names = PurePosixPath(root), [root]
        else:
            on_skip(url, "no such file or folder")
            return
    except OSError as error:
        on_skip(url, error.strerror or str(error))
        return
    for file in sorted(map(PurePosixPath, names), key=lambda file: _walk_order(file, given)):
        hidden = any(part.startswith(".") for part in file.relative_to(given).parts) if given != file else False
        if article_suffix(file) in SUFFIXES and not hidden:
            yield given, file, fs


def _walk_order(file: PurePosixPath, given: PurePosixPath) -> list[tuple[int, str]]:
    """Sorts files as :func:`_files` walks a local folder: a folder's own files, then its subfolders'."""
    parts = file.relative_to(given).parts if given != file else (file.name,)
    return [(1, part) for part in parts[:-1]] + [(0, parts[-1])]


def input_bytes(paths: Iterable[str | os.PathLike], *, enough: int | None = None) -> int:
    """The size of the local files :func:`iter_documents` would read (stops counting past ``enough``)."""
    total = 0
    for path in paths:
        if is_url(path):
            continue
        for _, file, _ in _files(Path(path), lambda where, why: None):
            try:
                total += file.stat().st_size
            except OSError:
                continue
            if enough is not None and total > enough:
                return total
    return total


def count_documents(paths: Iterable[str | os.PathLike], *, seconds: float = 5.0) -> int | None:
    """About how many documents :func:`iter_documents` will give: one per file, one per
    line of a .jsonl (compressed or not; blank and broken lines counted too).  For the
    progress bar's total and ETA; None if counting takes longer than ``seconds``."""
    started = time.monotonic()
    total = 0
    for path in paths:
        if is_url(path):
            return None  # not read twice
        for _, file, _ in _files(Path(path), lambda where, why: None):
            if article_suffix(file) != ".jsonl":
                total += 1
                continue
            compression = _compression(file)
            try:
                with (COMPRESSED[compression](file, "rb") if compression else open(file, "rb")) as f:
                    last = b"\n"
                    while chunk := f.read(1 << 20):
                        total += chunk.count(b"\n")
                        last = chunk[-1:]
                        if time.monotonic() - started > seconds:
                            return None
                    total += last != b"\n"  # a last line without its newline
            except (OSError, EOFError, lzma.LZMAError):
                continue  # read again, and reported, by iter_documents
    return total


def _files(path: Path, on_skip: SkipHandler) -> Iterator[tuple[Path, Path, tuple[int, int]]]:
    """(the path given, a regular file to read under it, its inode), folders walked in sorted order."""
    if not path.exists():
        on_skip(path_text(path), "broken symbolic link" if path.is_symlink() else "no such file or folder")
        return
    if not path.is_dir():
        inode = _regular_file(path, on_skip)
        if inode:
            yield path, path, inode
        return
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(path, followlinks=True, onerror=lambda e: on_skip(path_text(str(e.filename)), e.strerror or str(e))):
        try:
            status = os.stat(root)
        except OSError as error:
            on_skip(path_text(root), error.strerror or str(error))
            dirs.clear()
            continue
        if (status.st_dev, status.st_ino) in seen:  # a symlink loop: each folder is walked once
            dirs.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            file = Path(root, name)
            if name.startswith(".") or article_suffix(file) not in SUFFIXES:
                continue
            inode = _regular_file(file, on_skip)
            if inode:
                yield path, file, inode


def _regular_file(file: Path, on_skip: SkipHandler) -> tuple[int, int] | None:
    """The file's (device, inode), or None after reporting why it cannot be read.

    A FIFO named x.txt would block the read forever, a device would never end.
    """
    try:
        status = file.stat()
    except OSError as error:
        on_skip(path_text(file), "broken symbolic link" if file.is_symlink() else error.strerror or str(error))
        return None
    if not stat.S_ISREG(status.st_mode):
        on_skip(path_text(file), "not a regular file or folder")
        return None
    return status.st_dev, status.st_ino


def file_ids(files: list[tuple[Path, Path]]) -> list[str]:
    """A unique id per (path given, file): the stem, else longer names where stems collide.

    >>> file_ids([(Path("a"), Path("a/x.txt")), (Path("b"), Path("b/x.txt")), (Path("b"), Path("b/y.md"))])
    ['a/x', 'b/x', 'y']
    """
    def candidates(given: Path, file: Path) -> list[str]:
        relative = file.relative_to(given) if given != file else Path(file.name)
        return [path_text(name) for name in (_without_suffix(file.name), _without_suffix(relative.as_posix()), relative.as_posix(),
                                             _without_suffix(file.as_posix()), file.as_posix())]

    names = [candidates(given, file) for given, file in files]
    ids: list[str | None] = [None] * len(files)
    taken: set[str] = set()
    for level in range(len(names[0]) if names else 0):
        pending = [i for i, found in enumerate(ids) if found is None]
        counts = Counter(unicodedata.normalize("NFC", names[i][level]) for i in pending)
        for i in pending:
            name = unicodedata.normalize("NFC", names[i][level])
            if counts[name] == 1 and name not in taken:
                ids[i] = names[i][level]
                taken.add(name)
    for i, found in enumerate(ids):  # every name taken (odd paths such as "a.txt" and "a.txt.txt"): number it
        if found is None:
            number = 2
            while f"{names[i][-1]}~{number}" in taken:
                number += 1
            ids[i] = f"{names[i][-1]}~{number}"
            taken.add(ids[i])
    return ids  # type: ignore[return-value]


def read_file(path: Path | PurePosixPath, *, on_skip: SkipHandler = _log_skip, doc_id: str | None = None,
              fs: Any = None) -> Iterator[tuple[str, Document]]:
    """(where, document) for each document in one file: one for text formats, one per line for .jsonl.

    With ``fs`` (an fsspec file system), ``path`` is a file of it.  Raises
    :class:`InputError` when the whole file cannot be read; a bad .jsonl line goes to
    ``on_skip`` instead.
    """
    doc_id = doc_id or path_text(_without_suffix(path.name))
    suffix = article_suffix(path)
    name = fs.unstrip_protocol(str(path)) if fs is not None else path_text(path)
    if suffix == ".jsonl":
        yield from _read_jsonl(path, on_skip, doc_id, fs=fs, name=name)
        return
    text = decode(_read_bytes(path, fs), name)
    if suffix in (".html", ".htm"):
        title, text = html_to_text(text)
        yield name, _document(doc_id, text, source=name, title=title)
    else:
        yield name, _document(doc_id, text, source=name, markdown=suffix in (".md", ".markdown"))


def article_suffix(path: Path) -> str:
    """The suffix that says how to read ``path``: ``.jsonl`` for ``news.jsonl.gz`` too."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] in COMPRESSED and suffixes[-2] == ".jsonl":
        return ".jsonl"
    return path.suffix.lower()


def _compression(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return suffix if suffix in COMPRESSED and article_suffix(path) == ".jsonl" else None


def _without_suffix(name: str) -> str:
    """A file name or path without the suffix that says how to read it (``news.jsonl.gz`` → ``news``)."""
    path = Path(name)
    if _compression(path):
        path = path.with_suffix("")
    return path.with_suffix("").as_posix()


def _open_binary(path: Path | PurePosixPath, fs: Any) -> IO[bytes]:
    if fs is None:
        return open(path, "rb")
    f = fs.open(str(path), "rb")
    # fsspec's buffered files have no readline(limit), which a long .jsonl line needs
    return f if isinstance(f, (io.BufferedReader, io.BytesIO)) else io.BufferedReader(f)


def _read_bytes(path: Path | PurePosixPath, fs: Any = None) -> bytes:
    try:
        with _open_binary(path, fs) as f:
            size = os.fstat(f.fileno()).st_size if fs is None else fs.size(str(path))
            if size > MAX_FILE_BYTES:
                raise InputError(f"too large ({size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB): "
                                 "split it into articles, one per file or per .jsonl line")
            return f.read()  # not read(limit): that allocates the limit up front
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def _binary_kind(head: bytes) -> str | None:
    """'PDF', 'PNG'… for a binary file, None for text (UTF-16/32 text has NULs but a BOM)."""
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"\x00" in head[:4096] and not head.startswith(tuple(bom for bom, _ in BOMS)):
        return "binary"
    return None


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else Latin-1 as a last resort."""
    kind = _binary_kind(data)
    if kind:
        raise InputError("binary file, not text" if kind == "binary" else f"binary file ({kind}), not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.info("%s is not UTF-8; reading it as Latin-1", where)
        return data.decode("latin-1")


def _jsonl_lines(path: Path | PurePosixPath, fs: Any = None) -> Iterator[str | None]:
    """The lines of a .jsonl file, decoded one at a time: a big corpus file is never held whole.

    A line over :data:`MAX_FILE_BYTES` is read piece by piece, dropped, and given as None.
    """
    compression = _compression(path)
    try:
        if fs is not None:  # read through fsspec: a compressed file is decompressed from its stream
            f = _open_binary(path, fs)
            f = COMPRESSED[compression](f, "rb") if compression else f
        else:
            f = COMPRESSED[compression](path, "rb") if compression else open(path, "rb")  # noqa: SIM115 — closed below
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    number = 0
    try:
        with f:
            for number, line in enumerate(_lines(f, path), start=1):  # noqa: B007 — number: where damage starts
                yield line
    except (OSError, EOFError, lzma.LZMAError) as error:  # damaged or truncated compressed data
        if not compression:
            raise InputError(error.strerror or str(error)) from None
        raise InputError(f"damaged {compression[1:]} data after line {number}: {error}") from None


def _lines(f: IO[bytes], path: Path) -> Iterator[str | None]:
    """The lines of an open .jsonl stream, decoded one at a time (see :func:`_jsonl_lines`)."""
    head = f.read(4096)
    kind = _binary_kind(head)
    if kind:
        raise InputError("binary file, not text" if kind == "binary" else f"binary file ({kind}), not text")
    f.seek(0)
    encoding = next((encoding for bom, encoding in BOMS if head.startswith(bom)), None)
    if encoding:
        # Only "\n" ends a record: JSON strings may hold U+2028 and other line breaks raw.
        yield from io.TextIOWrapper(f, encoding=encoding, errors="replace", newline="\n")
        return
    warned = False
    while line := f.readline(MAX_FILE_BYTES + 1):
        if len(line) > MAX_FILE_BYTES:
            while line and not line.endswith(b"\n"):  # skip the rest of the line, piece by piece
                line = f.readline(MAX_FILE_BYTES)
            yield None
            continue
        try:
            yield line.decode("utf-8-sig")
        except UnicodeDecodeError:
            if not warned:
                log.info("%s has lines that are not UTF-8; reading them as Latin-1", path_text(path))
                warned = True
            yield line.decode("latin-1")


def _read_jsonl(path: Path | PurePosixPath, on_skip: SkipHandler, file_id: str, *, fs: Any = None,
                name: str | None = None) -> Iterator[tuple[str, Document]]:
    for number, line in enumerate(_jsonl_lines(path, fs), start=1):
        where = f"{name or path_text(path)}:{number}"
        if line is None:
            on_skip(where, f"line too long (over {MAX_FILE_BYTES // 2**20} MB)")
            continue
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            on_skip(where, f"not JSON ({error.msg} at column {error.colno})")
            continue
        except ValueError:  # Python refuses integers of over 4,300 digits
            on_skip(where, "not JSON (a number too long to read)")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            on_skip(where, "no 'text' field")
            continue
        given_id = record.get("id")
        doc_id = _field_line(str(given_id)).strip() if isinstance(given_id, (str, int, float)) and not isinstance(given_id, bool) else ""
        title, date = (_field_line(record[key]) if isinstance(record.get(key), str) else None for key in ("title", "date"))
        source = record.get("url") or record.get("source")
        source = _field_line(source) if isinstance(source, str) else where
        try:
            yield where, _document(doc_id or f"{file_id}-{number}", record["text"], source=source, title=title or None, date=date or None)
        except InputError as error:
            on_skip(where, str(error))


def _document(doc_id: str, text: str, *, source: str, title: str | None = None, date: str | None = None,
              markdown: bool = False) -> Document:
    text = clean(text)
    if not text.strip():
        raise InputError("empty document")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"too long ({len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,}): "
                         "split it into articles, one per file or per .jsonl line")
    if title is None:
        title = headline(text, markdown=markdown)
    return Document(id=doc_id, text=text, title=title, source=source, date=date)


def clean(text: str) -> str:
    """Normalise line endings, blank out control characters, mend lone surrogates and drop
    soft hyphens (an invisible hint where a word may break: the parser would read
    "re\u00adject\u00aded" as an unknown word, and a whole article wrongly).

    Offsets stay meaningful: every character but ``\\r\\n`` and the soft hyphen maps to
    exactly one character.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that any output takes (UTF-8, JSON, an IRI, the page), on one line.

    A file name may hold any bytes; Python keeps those that are not UTF-8 as lone
    surrogates (``surrogateescape``), which no UTF-8 writer accepts.  Each is read as the
    Latin-1 character of its byte, as old archives meant it (``caf\\xe9.txt`` → ``café.txt``).

    >>> path_text(os.fsdecode(b"news/caf\\xe9.txt"))
    'news/café.txt'
    """
    return _field_line(_ESCAPED_BYTE.sub(lambda byte: chr(ord(byte[0]) - 0xDC00), os.fspath(path)))


def _field_line(text: str) -> str:
    """Ids, titles and sources are shown on one line: no control characters, no line breaks.
    Unlike :func:`kg.errors.one_line` (messages), spaces are kept as they are: ids stay stable."""
    return _LINE_BREAK.sub(" ", clean(text))


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
            yield strip_span(text, start, match.start())
        start = match.end()
    if text[start:].strip():
        yield strip_span(text, start, len(text))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
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

    def parse_html_declaration(self, i: int) -> int:
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # "<![" or "<!doctype" with no name after it: not markup, read on
            return i + 2

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
