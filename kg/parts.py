"""A parts folder: a build's N-Quads as one gzip file per partition, written by cluster workers.

`kg build --cluster ADDRESS --format nq --parts DIR` is for outputs too big to gather on
one machine: each worker writes its partition's document graphs to
``DIR/part-NNNNN.nq.gz`` itself, and the build process writes only ``DIR/manifest.json``
(which files, how many documents and statements in each).  Every document is its own named
graph, so the files are disjoint and their concatenation, in order, is the ``kg.nq`` of a
one-machine build of the same input, except that entity ids are each document's own: the
merge across documents (kg/merge.py) needs all statements in one place.  Bulk loaders take the folder as it is
(Virtuoso ``ld_dir``, QLever, pyoxigraph ``bulk_load``); ``kg load DIR`` sends its graphs to
a server, and ``kg serve DIR`` / ``kg query --out DIR`` use a store made from it on first use.

The folder appears whole or not at all: it is written beside DIR and swapped in at the end.
"""
from __future__ import annotations

import gzip
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import StoreError
from kg.files import swap_folder
from kg.types import Document

MANIFEST = "manifest.json"
STORE = "store"
STORE_OF = ".store-of"  # the manifest id the store in the folder was made from
GZIP_LEVEL = 6


def part_name(index: int) -> str:
    return f"part-{index:05d}.nq.gz"


def write_part(documents: list[Document], folder: str, index: int, extract: Any = None, keep_gated: bool = False) -> dict[str, Any]:
    """Run on a worker: extract ``documents`` and write their graphs to ``folder/part-INDEX.nq.gz``.

    The file is written under a temporary name and renamed, so a partition redone after its
    worker died never leaves half a file behind.  Returns the partition's manifest entry.
    """
    from kg import rdf
    from kg.workers import extract_lines

    extract = extract or extract_lines  # or a partial of it, with the user's curation

    target = Path(folder) / part_name(index)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(3)}.tmp")
    entry = {"file": target.name, "documents": 0, "statements": 0, "first": documents[0].id, "last": documents[-1].id}
    try:
        with open(temporary, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as out:
            for document, lines in extract(documents):
                record = document.to_record()
                record["statements"] = len(lines)  # the record kg build makes its document graph from
                out.write(rdf.encode(rdf.document_nquads(document.id, record, map(json.loads, lines), keep_gated=keep_gated)))
                entry["documents"] += 1
                entry["statements"] += len(lines)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    entry["bytes"] = target.stat().st_size
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
    return staging


def publish(staging: Path, folder: Path, found: dict[str, Any]) -> None:
    """Write the manifest into ``staging`` and put it in the place of ``folder``."""
    for leftover in staging.glob(".part-*.tmp"):  # a worker killed while writing: its partition was redone
        leftover.unlink()
    (staging / MANIFEST).write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    swap_folder(staging, folder)


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
