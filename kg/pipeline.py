"""The stages wired together, streaming: documents → nlp → entities → statements → RDF → store / view."""
from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from kg import rdf, store, view
from kg.documents import iter_documents
from kg.entities import EntityResolver
from kg.errors import KGError, StoreError
from kg.nlp import ParsedDocument, load_model, parse
from kg.relations import statements_from_sentence
from kg.types import Document, Statement

log = logging.getLogger(__name__)

STATEMENTS = "statements.jsonl"
DOCUMENTS = "documents.jsonl"
GRAPH_HTML = "graph.html"
STORE = "store"
RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")


@dataclass
class BuildReport:
    out: Path
    documents: int = 0
    statements: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        text = f"built {self.documents} document(s), {self.statements} statement(s) into {self.out}"
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(f"{where} ({why})" for where, why in self.skipped[:5])
            if len(self.skipped) > 5:
                text += f"; and {len(self.skipped) - 5} more"
        return text


def statements_from_parsed(parsed: ParsedDocument, resolver: EntityResolver) -> Iterator[Statement]:
    """All statements of one parsed document, paragraphs and sentences in reading order."""
    for offset, doc in parsed.parts:
        resolver.annotate(doc, offset)
        for sentence in doc.sents:
            yield from statements_from_sentence(sentence, resolver, doc_id=parsed.document.id, offset=offset)


def extract_documents(documents: Iterable[Document]) -> Iterator[tuple[Document, list[Statement]]]:
    """(document, its statements) for each document, streaming."""
    nlp = load_model()
    for parsed in parse(documents, nlp=nlp):
        resolver = EntityResolver(nlp)
        yield parsed.document, list(statements_from_parsed(parsed, resolver))


def extract(text: str, *, doc_id: str = "text") -> list[Statement]:
    """The statements of one text, e.g. ``kg.extract("Russia struck IS targets in Syria.")``."""
    if not isinstance(text, str):
        raise KGError("extract() takes a string of text")
    from kg.documents import clean, headline

    text = clean(text)
    if not text.strip():
        return []
    document = Document(id=doc_id, text=text, title=headline(text))
    return [s for _, statements in extract_documents([document]) for s in statements]


def _progress(iterable: Iterable, *, quiet: bool) -> Iterable:
    if quiet or not sys.stderr.isatty():
        return iterable
    return tqdm(iterable, unit="doc", desc="building", file=sys.stderr, mininterval=0.5)


def build(paths: Iterable[str | os.PathLike], *, out: str | os.PathLike = "output", formats: Iterable[str] = ("ttl",), quiet: bool = False, html: bool = True) -> BuildReport:
    """Read articles under ``paths`` and write statements, RDF, the store and the page into ``out``.

    Everything is written into a staging folder first and moved into place at the end,
    so an interrupted build leaves the previous output as it was.
    """
    formats = tuple(dict.fromkeys(formats))
    for fmt in formats:
        if fmt not in RDF_FORMATS:
            raise KGError(f"unknown RDF format {fmt!r}; choose from {', '.join(RDF_FORMATS)}")
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    except OSError as error:
        raise StoreError(f"cannot write to {out}: {error.strerror or error}") from None
    report = BuildReport(out=out)
    try:
        documents = iter_documents(paths, on_skip=lambda where, why: report.skipped.append((where, why)))
        with open(staging / STATEMENTS, "w", encoding="utf-8") as statements_file, open(staging / DOCUMENTS, "w", encoding="utf-8") as documents_file:
            for document, statements in _progress(extract_documents(documents), quiet=quiet):
                documents_file.write(json.dumps(document.to_record(), ensure_ascii=False) + "\n")
                for statement in statements:
                    statements_file.write(json.dumps(statement.to_record(), ensure_ascii=False) + "\n")
                report.documents += 1
                report.statements += len(statements)
        if report.documents == 0:
            raise KGError("no documents to build: " + ("; ".join(f"{w} ({r})" for w, r in report.skipped[:3]) or "no .txt, .md, .html or .jsonl files found"))
        write_outputs(staging, formats=formats, html=html)
        report.files = _publish(staging, out)
    except OSError as error:
        raise StoreError(f"cannot write to {out}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_outputs(folder: Path, *, formats: Iterable[str] = ("ttl",), html: bool = True) -> None:
    """RDF files, the store and the page, from the statements and documents in ``folder``."""
    def quads():
        return rdf.quads(read_jsonl(folder / DOCUMENTS), read_jsonl(folder / STATEMENTS))

    for fmt in formats:
        rdf.write(folder / f"kg.{fmt}", quads(), fmt)
    store.build_store(folder / STORE, quads())
    if html:
        view.write_html(read_jsonl(folder / STATEMENTS), folder / GRAPH_HTML, documents=read_jsonl(folder / DOCUMENTS))


def _publish(staging: Path, out: Path) -> list[Path]:
    """Move the staged outputs over the previous ones, one rename each."""
    published = []
    for entry in sorted(staging.iterdir()):
        target = out / entry.name
        if entry.is_dir():
            old = None
            if target.exists():
                old = out / f".old-{entry.name}-{os.getpid()}"
                os.replace(target, old)
            os.replace(entry, target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(entry, target)
        published.append(target)
    return published


def view_page(*, out: str | os.PathLike = "output", html: str | os.PathLike | None = None) -> Path:
    """Regenerate the page from ``out/statements.jsonl``."""
    out = Path(out)
    statements = out / STATEMENTS
    if not statements.exists():
        raise StoreError(f"no {STATEMENTS} in {out}: run `kg build` first")
    target = Path(html) if html else out / GRAPH_HTML
    documents = read_jsonl(out / DOCUMENTS) if (out / DOCUMENTS).exists() else ()
    return view.write_html(read_jsonl(statements), target, documents=documents)
