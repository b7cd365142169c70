"""A parts folder: a build's N-Quads as one gzip file per partition, written by cluster workers.

`kg build --cluster ADDRESS --format nq --parts DIR` is for outputs too big to gather on
one machine: each worker writes its partition's document graphs to
``DIR/part-NNNNN.nq.gz`` itself, and the build process writes only ``DIR/manifest.json``
(which files, how many documents and statements in each) and ``DIR/documents.jsonl`` (each
document's id, hash and part).  Every document is its own named graph, so the files are
disjoint and their union is the ``kg.nq`` of a one-machine build of the same input, with
the same entity ids: the cross-document merge (kg/merge.py) is a reduce over entity keys.

1. **Extract** (:func:`extract_part`, on the workers): each partition's statement lines,
   before the merge, go to ``DIR/statements/part-NNNNN.jsonl.gz`` (each document's
   documents.jsonl record followed by its statements.jsonl lines), and the worker sends back
   the partition's entity keys (:class:`kg.merge.KeyIndex`), not its statements.
2. **Reduce** (the build process): the keys of all partitions, in order, give the build's
   merges, as one index over all statement lines would (:meth:`kg.merge.KeyIndex.update`).
3. **Write** (:func:`write_part`, on the workers): the replacements of the merge are sent to
   every worker once; each part's statements are read back, rewritten and written as N-Quads.

A rebuild into the same DIR (same extractor, same RDF code) sends only new and changed
documents to the cluster: the statements of the others are in their parts already.  A part
none of whose documents changed, to which the new merges apply as before, is kept as it is
(its files linked into the new folder); one that lost documents (changed or gone) is written
again from its statements, without them, and its changed documents go to new parts.

Bulk loaders take the folder as it is (Virtuoso ``ld_dir``, QLever, pyoxigraph
``bulk_load``: ``part-*.nq.gz``; the statements subfolder is not RDF); ``kg load DIR``
sends its graphs to a server, and ``kg serve DIR`` / ``kg query --out DIR`` use a store
made from it on first use.

The folder appears whole or not at all: it is written beside DIR and swapped in at the end.
"""
from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import StoreError
from kg.files import swap_folder
from kg.types import Document, read_jsonl

MANIFEST = "manifest.json"
DOCUMENTS = "documents.jsonl"  # id, sha256, part, statements of each document: what a rebuild keeps
STATEMENTS = "statements"  # each part's statement lines before the merge: the merge is redone without a parse
STORE = "store"
STORE_OF = ".store-of"  # the manifest id the store in the folder was made from
GZIP_LEVEL = 6


def part_name(index: int) -> str:
    return f"part-{index:05d}.nq.gz"


def statements_name(index: int) -> str:
    return f"{STATEMENTS}/part-{index:05d}.jsonl.gz"


@contextlib.contextmanager
def _gzip_output(target: Path) -> Iterator[Any]:
    """A gzip file written under a temporary name and renamed when complete, so that a
    partition redone after its worker died never leaves half a file behind."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(3)}.tmp")
    try:
        with open(temporary, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as out:
            yield out
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def read_statements(path: Path) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """(document record, its statement lines) for each document of a part's statements file."""
    with gzip.open(path, "rb") as data:
        lines = (raw.decode("utf-8") for raw in data)
        for header in lines:
            record = json.loads(header)
            statements = [next(lines) for _ in range(record["statements"])]
            yield record, statements


def record_digest(record: dict[str, Any]) -> str:
    """A hash of a document's record (title, source, date…): a document whose text is the
    same but not its record is not parsed again, but its part is written again."""
    fields = {key: value for key, value in record.items() if key != "statements"}
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _listing(record: dict[str, Any]) -> list:
    return [record["id"], record["sha256"], record["statements"], record_digest(record)]


def _with_records(documents: Iterable[tuple[dict[str, Any], list[str]]], drop: frozenset[str],
                  records: dict[str, dict[str, Any]]) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """A part's documents but those in ``drop``, each with its new record where ``records`` has one."""
    for record, lines in documents:
        if record["id"] in drop:
            continue
        if record["id"] in records:
            record = {**records[record["id"]], "statements": record["statements"]}
        yield record, lines


def extract_part(documents: list[Document], folder: str, index: int, extract: Any = None) -> tuple[list[list], Any]:
    """Run on a worker: extract ``documents`` and write their statement lines, before the
    merge, to ``folder/statements/part-INDEX.jsonl.gz``.  Returns each document's
    ``[id, sha256, statements, record digest]`` and the partition's entity keys
    (:class:`kg.merge.KeyIndex`): keys cross the network, statements stay on shared storage."""
    from kg.cluster import count_extracted
    from kg.merge import KeyIndex
    from kg.workers import extract_lines

    extract = extract or extract_lines  # or a partial of it, with the user's curation
    keys, listed = KeyIndex(), []
    with _gzip_output(Path(folder) / statements_name(index)) as out:
        for document, lines in extract(documents):
            record = document.to_record()
            record["statements"] = len(lines)  # the record kg build makes its document graph from
            out.write((json.dumps(record, ensure_ascii=False) + "\n" + "".join(lines)).encode("utf-8"))
            for line in lines:
                keys.add_line(line)
            listed.append(_listing(record))
    if len(listed) != len(documents):
        raise RuntimeError(f"the extraction gave {len(listed)} results for {len(documents)} documents")
    count_extracted(len(documents))
    return listed, keys


def index_part(folder: str, index: int, drop: frozenset[str] = frozenset(),
               records: dict[str, dict[str, Any]] | None = None) -> tuple[list[list], Any]:
    """Run on a worker: the entity keys of a previous build's part, but for the documents in
    ``drop`` (changed or gone since), read from its statements file: no parse.  ``records``:
    the new records of documents whose text is the same but not their title, source or date."""
    from kg.merge import KeyIndex

    keys, listed = KeyIndex(), []
    for record, lines in _with_records(read_statements(Path(folder) / statements_name(index)), drop, records or {}):
        for line in lines:
            keys.add_line(line)
        listed.append(_listing(record))
    return listed, keys


def _merged_records(lines: list[str], replacements: dict[str, dict[str, str]], applied: dict[str, Any]) -> Iterator[dict]:
    """The statement records of ``lines`` with the build's merges, as kg.merge.rewrite makes
    them; the replacements used are added to ``applied``."""
    from kg.merge import ROLES, rewrite

    for line in lines:
        record = json.loads(line)
        used = [part["id"] for part in (record.get(role) for role in ROLES) if part and part.get("id") in replacements]
        if used:
            applied.update((old, replacements[old]) for old in used)
            record = json.loads(rewrite(line, replacements))
        yield record


def _digest(applied: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(applied, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _link(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)  # linked by a worker that died before the end of its task
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links there
        shutil.copyfile(source, target)


def write_part(source: str, folder: str, index: int, replacements: dict[str, dict[str, str]], drop: frozenset[str] = frozenset(),
               keep_gated: bool = False, previous: dict[str, Any] | None = None,
               records: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run on a worker: part INDEX's document graphs, from its statements in ``source`` (this
    build's folder, or the previous build's for a part kept from it) with the build's merges
    (``replacements``: :meth:`kg.merge.KeyIndex.replacements`), into ``folder/part-INDEX.nq.gz``;
    the documents in ``drop`` left out, those in ``records`` with that record.  A part of the previous build (``previous``: its
    manifest entry) that loses no document and takes the same replacements as then is linked,
    not written again.  Returns the part's manifest entry."""
    from kg import rdf

    source_path, folder_path = Path(source), Path(folder)
    statements = source_path / statements_name(index)
    records = records or {}
    if previous is not None and not drop and not records:
        applied: dict[str, Any] = {}
        for _, lines in read_statements(statements):
            for _ in _merged_records(lines, replacements, applied):
                pass
        if _digest(applied) == previous.get("merges"):
            for name in (part_name(index), statements_name(index)):
                _link(source_path / name, folder_path / name)
            return {**previous, "kept": True}
    applied = {}
    entry = {"file": part_name(index), "part": index, "documents": 0, "statements": 0}
    kept: list[tuple[dict, list[str]]] = []
    rewrite_statements = source_path != folder_path and bool(drop or records)
    with _gzip_output(folder_path / part_name(index)) as out:
        for record, lines in _with_records(read_statements(statements), drop, records):
            out.write(rdf.encode(rdf.document_nquads(record["id"], record, _merged_records(lines, replacements, applied),
                                                     keep_gated=keep_gated)))
            entry.setdefault("first", record["id"])
            entry["last"] = record["id"]
            entry["documents"] += 1
            entry["statements"] += len(lines)
            if rewrite_statements:
                kept.append((record, lines))
    if source_path != folder_path:  # a previous part: its statements come along, without those dropped
        if rewrite_statements:
            with _gzip_output(folder_path / statements_name(index)) as out:
                for record, lines in kept:
                    out.write((json.dumps(record, ensure_ascii=False) + "\n" + "".join(lines)).encode("utf-8"))
        else:
            _link(statements, folder_path / statements_name(index))
    entry["bytes"] = (folder_path / part_name(index)).stat().st_size
    entry["merges"] = _digest(applied)
    return entry


def manifest(folder: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The manifest of a parts folder, or None if ``folder`` is not one."""
    try:
        found = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and isinstance(found.get("parts"), list) else None


def is_parts_folder(folder: str | os.PathLike[str]) -> bool:
    return manifest(folder) is not None


def part_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The part files a manifest lists, in order; an error if one is missing."""
    found = manifest(folder)
    if found is None:
        raise StoreError(f"{folder} is not a parts folder (no {MANIFEST} listing parts)")
    files = [Path(folder) / str(entry["file"]) for entry in found["parts"]]
    for file in files:
        if not file.is_file():
            raise StoreError(f"{file} is listed in {Path(folder) / MANIFEST} but missing")
    return files


def staging_folder(folder: Path) -> Path:
    """A new folder beside ``folder`` to write a parts build into (workers must see it too)."""
    if folder.exists() and not (folder.is_dir() and (is_parts_folder(folder) or not any(folder.iterdir()))):
        raise StoreError(f"{folder} exists and is not a parts folder: refusing to replace it")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.with_name(f".{folder.name}.building-{secrets.token_hex(4)}")
    staging.mkdir()
    (staging / STATEMENTS).mkdir()
    return staging


def publish(staging: Path, folder: Path, found: dict[str, Any]) -> None:
    """Write the manifest into ``staging`` and put it in the place of ``folder``."""
    for leftover in [*staging.glob(".part-*.tmp"), *staging.glob(f"{STATEMENTS}/.part-*.tmp")]:
        leftover.unlink()  # a worker killed while writing: its partition was redone
    (staging / MANIFEST).write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    swap_folder(staging, folder)


class PreviousParts:
    """The parts folder a rebuild replaces, when the same extractor and RDF code wrote it:
    which part holds each unchanged document, and the parts' manifest entries."""

    def __init__(self, folder: Path, *, extractor: str, output: str) -> None:
        self.folder = folder
        self.known: dict[tuple[str, str], tuple[int, str]] = {}  # (id, sha256) → part, record_digest
        self.documents: dict[int, list[str]] = {}  # part → its document ids
        self.entries: dict[int, dict[str, Any]] = {}
        found = manifest(folder)
        if found is None or found.get("extractor") != extractor or found.get("output") != output:
            return
        try:
            entries = {int(entry["part"]): entry for entry in found["parts"]}
            for index in entries:
                if not ((folder / part_name(index)).is_file() and (folder / statements_name(index)).is_file()):
                    return
            for record in read_jsonl(folder / DOCUMENTS):
                self.known[(record["id"], record["sha256"])] = (int(record["part"]), record["record"])
                self.documents.setdefault(int(record["part"]), []).append(record["id"])
        except (OSError, ValueError, KeyError, TypeError):
            self.known, self.documents = {}, {}
            return
        if set(self.documents) != set(entries):
            self.known, self.documents = {}, {}
            return
        self.entries = entries

    def part_of(self, document: Document) -> int | None:
        """The part that holds the statements of ``document`` as it is now, if any."""
        found = self.known.get((document.id, document.sha256))
        return None if found is None else found[0]

    def record_changed(self, document: Document) -> bool:
        """Whether the record of an unchanged text (title, source, date) is not the one in its part."""
        return self.known[(document.id, document.sha256)][1] != record_digest(document.to_record())

    def next_index(self) -> int:
        return max(self.entries, default=-1) + 1


def quads(folder: str | os.PathLike[str]) -> Iterator[Any]:
    """Every quad of the parts folder, file by file, streaming."""
    import pyoxigraph

    for file in part_files(folder):
        with gzip.open(file, "rb") as data:
            yield from pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS)


def graphs(folder: str | os.PathLike[str], *, graph: str | None = None) -> Iterator[tuple[str, bytes]]:
    """(graph IRI, N-Triples) for each document graph in the folder (a document's quads are
    contiguous), or everything as the one graph ``graph``: what `kg load` sends."""
    import pyoxigraph

    def ntriples(triples: Iterable[Any]) -> bytes:
        return pyoxigraph.serialize(list(triples), format=pyoxigraph.RdfFormat.N_TRIPLES)

    if graph is not None:
        yield graph, ntriples(quad.triple for quad in quads(folder))
        return
    name, triples = None, []
    for quad in quads(folder):
        if quad.graph_name.value != name:  # a default-graph quad has no value: never in a part
            if triples:
                yield name, ntriples(triples)
            name, triples = quad.graph_name.value, []
        triples.append(quad.triple)
    if triples:
        yield name, ntriples(triples)


def ensure_store(folder: str | os.PathLike[str]) -> Path:
    """``folder/store``, made from the part files (bulk-loaded, with the union graph as
    `kg build` makes it) unless it is there already for this manifest."""
    from kg.store import build_store

    folder = Path(folder)
    found = manifest(folder)
    if found is None:
        raise StoreError(f"{folder} is not a parts folder (no {MANIFEST} listing parts)")
    marker = folder / STORE_OF
    try:
        if marker.read_text(encoding="utf-8") == found.get("id") and (folder / STORE / "CURRENT").is_file():
            return folder / STORE
    except OSError:
        pass
    try:
        build_store(folder / STORE, quads(folder))
        marker.write_text(str(found.get("id")), encoding="utf-8")
    except OSError as error:
        raise StoreError(f"cannot make the store of {folder}: {error.strerror or error}") from None
    return folder / STORE
