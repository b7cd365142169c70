"""The stages wired together, streaming: documents → nlp → entities → statements → RDF → store / view."""
from __future__ import annotations

import collections
import functools
import shutil
import hashlib
import itertools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph
from tqdm import tqdm

from kg import __version__, rdf, store, view
from kg.documents import count_documents, input_bytes, iter_documents
from kg.errors import KGError, StoreError
from kg.gate import read_shown
from kg.files import atomic_output, native_path
from kg.gazetteer import Curation, read_curation
from kg.merge import merged_across_documents
from kg.ontology import document_iri
from kg.outputs import RDF_FORMATS, STATEMENTS, BuildFolder, build_lock  # noqa: F401 — build_lock: kept importable from here
from kg.types import Document, read_jsonl
from kg.workers import extract_in_processes, extract_lines, run_in_process

if TYPE_CHECKING:
    from kg.cluster import Cluster

log = logging.getLogger(__name__)

MERGE_SPOOL = ".extracted.pickle"  # the build's statements before the cross-document merge (kg.merge)
# From this size of statements.jsonl on (about 2 MB of articles), the page is drawn in a
# process of its own: its peak (reading the statements twice, the layout, the page text)
# then does not add to the store's memory in this one, and goes back to the system at once.
PAGE_PROCESS_BYTES = 8 * 2**20


@dataclass
class BuildReport:
    out: Path
    documents: int = 0
    statements: int = 0
    reused: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        text = f"built {self.documents} document(s), {self.statements} statement(s) into {self.out}"
        if self.reused:
            text += f" ({self.reused} unchanged document(s) reused)"
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(f"{where} ({why})" for where, why in self.skipped[:5])
            if len(self.skipped) > 5:
                text += f"; and {len(self.skipped) - 5} more"
        return text


def _extract_lines(documents: Iterable[Document], *, workers: int, separate: bool,
                   curation: Curation | None = None, cluster: Cluster | None = None) -> Iterator[tuple[Document, list[str]]]:
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return  # nothing to parse: no model, no worker process
    documents = itertools.chain([first], documents)
    extract = functools.partial(extract_lines, curation=curation) if curation else extract_lines
    if cluster is not None:
        yield from cluster.extract_lines(documents, extract)
    elif workers > 1 or separate:
        yield from extract_in_processes(documents, extract, workers=workers)
    else:
        yield from extract(documents)


# From this much input on, even one worker parses in a process of its own, so that this
# process writes the outputs of the documents already parsed (RDF, store) on another core
# meanwhile: the build is then as fast as the parse.  Below it, starting the process and
# loading the model there costs more than it saves.
SEPARATE_PROCESS_BYTES = 1 << 20


class Progress:
    """The progress bar of a build on a terminal: documents done of those counted up front
    (when counting is cheap: files and .jsonl lines), rate and time left; then the
    finishing stages (store, page), which take the last seconds of a big build."""

    REFRESH = 0.5  # seconds between redraws at most (tqdm's mininterval)

    def __init__(self, paths: list, *, quiet: bool) -> None:
        self.bar = None
        if quiet or not sys.stderr.isatty():
            return
        self.bar = tqdm(total=count_documents(paths), unit="doc", desc="building", file=sys.stderr, mininterval=self.REFRESH)

    def documents(self, iterable: Iterable, what: str = "building", *, then: str | None = None) -> Iterator:
        """Each item of ``iterable``, counted on the bar; a second pass over the documents
        (writing the outputs, after the merge across documents) starts the bar again.
        ``then``: the stage shown once the items are done."""
        first = True
        for item in iterable:
            if first and self.bar is not None and self.bar.n:
                self.bar.reset(total=self.bar.n)
                self.bar.set_description_str(what)
            first = False
            yield item
            if self.bar is not None:
                self.bar.update()
        if then:
            self.stage(then)

    def stage(self, name: str) -> None:
        """A finishing stage begins: shown at once (the bar does not move meanwhile)."""
        if self.bar is not None:
            if self.bar.total is not None and self.bar.n != self.bar.total:
                self.bar.total = self.bar.n  # blank or skipped lines were counted: all documents are done
            self.bar.set_description_str(f"finishing: {name}", refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def build(paths: Iterable[str | os.PathLike], *, out: str | os.PathLike = "output", formats: Iterable[str] = ("ttl",), quiet: bool = False, html: bool = True, strict: bool = False, workers: int = 1,
          aliases: str | os.PathLike | None = None, stop: str | os.PathLike | None = None, keep_gated: bool = False,
          cluster: str | None = None) -> BuildReport:
    """Read articles under ``paths`` and write statements, RDF, the store and the page into ``out``.

    Everything is written into a new build folder and published at the end with one
    atomic rename, so an interrupted or killed build leaves the previous output as it was.
    Documents whose text is unchanged since the previous build in ``out`` (same id, same
    SHA-256, same extractor) are not parsed again: their statements are reused.  What cannot
    be read is listed in ``report.skipped``; with ``strict`` any skip is an error instead,
    and nothing is published.  ``aliases`` and ``stop`` are a user's curation files
    (:func:`kg.gazetteer.read_curation`), applied before the shipped gazetteer.  Statements
    the precision gate keeps back (``"gated"`` in statements.jsonl, see kg/gate.py) are no
    direct triples and are not drawn, unless ``keep_gated`` (``kg build --all``).  With ``cluster``
    (``local:N`` or ``tcp://HOST:PORT``) the documents to parse are extracted on a Dask
    cluster (kg/cluster.py): the same output.
    """
    paths, formats = list(paths), tuple(dict.fromkeys(formats))
    curation = read_curation(aliases, stop)
    for fmt in formats:
        if fmt not in RDF_FORMATS:
            raise KGError(f"unknown RDF format {fmt!r}; choose from {', '.join(RDF_FORMATS)}")
    if cluster is not None:
        from kg.cluster import Cluster

        cluster = Cluster(cluster, quiet=quiet)  # a bad address or no Dask: an error before anything is written
    separate = cluster is None and workers == 1 and (os.cpu_count() or 1) > 1 and \
        input_bytes(paths, enough=SEPARATE_PROCESS_BYTES) >= SEPARATE_PROCESS_BYTES
    if workers == 1 and not separate and cluster is None:
        # Parsing in this process: spaCy is imported before the build starts, not midway.
        # A Ctrl-C that lands inside some modules' import makes CPython exit by SIGINT
        # at the end whatever the CLI does, instead of with its exit code 130.
        import kg.extraction  # noqa: F401
    folder = BuildFolder(out)
    folder.create()
    with folder.lock():
        folder.remove_leftovers()
        report = BuildReport(out=folder.path)
        with folder.staging() as staging:
            previous, outputs = PreviousBuild(folder, curation=curation, keep_gated=keep_gated), None
            progress = Progress(paths, quiet=quiet)
            try:
                documents = iter_documents(paths, on_skip=functools.partial(_skip, report, strict=strict))
                outputs = Outputs(staging, formats=formats, previous=previous, extractor=extractor_fingerprint(curation),
                                  keep_gated=keep_gated)
                extracted = progress.documents(previous.extract(documents, workers=workers, separate=separate, curation=curation,
                                                                cluster=cluster),
                                               then="merging across documents")
                # one node per actor across the build (kg.merge): a reused document whose ids a
                # merge changes is written anew (its RDF block and its graph in the store)
                for document, lines, unchanged in progress.documents(merged_across_documents(extracted, staging / MERGE_SPOOL), "writing"):
                    reused = document.id in previous.reused and unchanged
                    outputs.add(document, lines, reused=reused)
                    report.documents += 1
                    report.statements += len(lines)
                    report.reused += reused
                if report.documents == 0:
                    raise KGError("no documents to build: " + ("; ".join(f"{w} ({r})" for w, r in report.skipped[:3]) or "no .txt, .md, .html or .jsonl files found"))
                outputs.finish(html=html, stage=progress.stage)
                outputs = None
                progress.stage("publishing")
                report.files = folder.publish(staging)
            except OSError as error:
                raise StoreError(f"cannot write to {folder.path}: {error.strerror or error}") from None
            finally:
                progress.close()
                if outputs is not None:
                    outputs.discard()
                previous.close()
                if cluster is not None:
                    cluster.close()
    return report


def _skip(report: BuildReport, where: str, why: str, *, strict: bool = False) -> None:
    if strict:  # a KGError, not an InputError: documents.py must not catch it as one more skip
        raise KGError(f"{where}: {why} (--strict: any skipped input is an error; nothing was built)")
    log.info("skipped %s: %s", where, why)
    report.skipped.append((where, why))


# The modules whose code decides what statements a document gives (not the RDF, store or page),
# and those that decide what the RDF and the store hold for given statements.
EXTRACTION_MODULES = ("documents.py", "cleaning.py", "nlp.py", "extraction.py", "entities.py", "gazetteer.py", "clauses.py",
                      "relations.py", "modality.py", "attribution.py", "quotes.py", "events.py", "gate.py", "learned_gate.py",
                      "force_gate.py", "types.py", "merge.py", "dates.py", "headlines.py")
OUTPUT_MODULES = ("rdf.py", "ontology.py", "store.py")


def _fingerprint(modules: Iterable[str], data: Iterable[Path] = ()) -> str:
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*(package / name for name in modules), *data]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def extractor_fingerprint(curation: Curation | None = None) -> str:
    """A hash of the code and data that decide what is extracted, and of the user's
    ``--aliases`` and ``--stop`` files: a change invalidates reuse."""
    data = Path(__file__).resolve().parent / "data"
    # the learned gates' weights decide which statements are gated and which keep a force class, as their code does
    base = _fingerprint(EXTRACTION_MODULES, [*data.glob("*.tsv"), data / "learned_gate.json", data / "force_gate.json"])
    return base if curation is None else hashlib.sha256(f"{base}:{curation.digest}".encode()).hexdigest()[:16]


@functools.cache
def output_fingerprint(keep_gated: bool = False) -> str:
    """A hash of the code that turns statements into RDF and the store, and of whether gated
    statements are asserted too (``--all``): a change means a new store."""
    return _fingerprint(OUTPUT_MODULES) + ("+all" if keep_gated else "")


class PreviousBuild:
    """The last build in a folder: statements of documents whose text has not changed, and
    its store, which a new build starts from when the same code wrote it.

    Nothing is held in memory but an index: one file offset per document, found by one
    pass over the previous statements.jsonl the first time a document can be reused.
    """

    def __init__(self, out: BuildFolder, *, curation: Curation | None = None, keep_gated: bool = False) -> None:
        self.out = out
        self.fingerprint = output_fingerprint(keep_gated)
        self.reused: set[str] = set()
        self.known: dict[tuple[str, str], int] = {}
        self.output = None
        self._offsets: dict[str, int] | None = None
        self._file = None
        self._blocks: dict[str, dict[str, tuple[int, int]]] | None = None  # file → document → (offset, length)
        self._block_files: dict[str, Any] = {}
        try:
            manifest = json.loads(out.manifest.read_text(encoding="utf-8"))
            if manifest.get("extractor") != extractor_fingerprint(curation):
                return
            self.output = manifest.get("output")
            self.known = {(r["id"], _unchanged_key(r["sha256"], r.get("title"))): r["statements"] for r in read_jsonl(out.documents)}
            if any(not isinstance(n, int) or n < 0 for n in self.known.values()):
                self.known = {}
        except (OSError, ValueError, KeyError, TypeError):
            self.known = {}

    @property
    def ids(self) -> set[str]:
        return {doc_id for doc_id, _ in self.known}

    def store(self) -> Path | None:
        """The previous store, if this build can start from it."""
        folder = self.out.store
        if self.known and self.output == self.fingerprint and (folder / "CURRENT").is_file():
            return folder
        return None

    def _index(self) -> None:
        """Where each document's lines start in the previous statements.jsonl (they are contiguous)."""
        if self._offsets is not None:
            return
        self._offsets = {}
        try:
            self._file = open(self.out.statements, "rb")  # noqa: SIM115 — closed by close()
            for (doc_id, _), count in self.known.items():
                self._offsets[doc_id] = self._file.tell()
                for _ in range(count):
                    if not self._file.readline().endswith(b"\n"):
                        raise ValueError("statements.jsonl is shorter than documents.jsonl says")
        except (OSError, ValueError):
            self.known, self._offsets = {}, {}  # missing or damaged: parse everything

    def lines(self, document: Document) -> list[str] | None:
        """The previous statement lines of ``document`` if its text and title are unchanged, else None."""
        key = (document.id, _unchanged_key(document.sha256, document.title))
        if key not in self.known or document.id in self.reused:
            return None
        self._index()
        if document.id not in self._offsets:
            return None
        try:
            self._file.seek(self._offsets[document.id])
            lines = [self._file.readline().decode("utf-8") for _ in range(self.known[key])]
        except (OSError, ValueError):
            return None
        self.reused.add(document.id)
        return lines

    def block(self, name: str, doc_id: str) -> bytes | None:
        """The block of a reused document in the previous RDF file ``name`` (kg.ttl, …), if
        the same code wrote it."""
        if self._blocks is None:
            self._blocks = self._read_blocks()
        where = self._blocks.get(name, {}).get(doc_id)
        if where is None:
            return None
        try:
            if name not in self._block_files:
                self._block_files[name] = open(self.out / name, "rb")  # noqa: SIM115 — closed by close()
            handle = self._block_files[name]
            handle.seek(where[0])
            block = handle.read(where[1])
        except OSError:
            return None
        return block if len(block) == where[1] else None

    def _read_blocks(self) -> dict[str, dict[str, tuple[int, int]]]:
        if not self.known or self.output != self.fingerprint:
            return {}
        offsets: dict[str, int] = {}
        blocks: dict[str, dict[str, tuple[int, int]]] = {}
        try:
            for record in read_jsonl(self.out.blocks):
                doc_id = record.pop("id")
                for name, length in record.items():
                    if name not in offsets:
                        offsets[name] = rdf.BlockFile.start(name.rsplit(".", 1)[-1])
                        blocks[name] = {}
                    blocks[name][doc_id] = (offsets[name], length)
                    offsets[name] += length
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}
        # a file whose size does not add up was not written by that index: never copy from it
        return {name: found for name, found in blocks.items() if _size(self.out / name) == offsets[name]}

    def extract(self, documents: Iterable[Document], *, workers: int = 1, separate: bool = False,
                curation: Curation | None = None, cluster: Cluster | None = None) -> Iterator[tuple[Document, list[str]]]:
        """(document, statement lines) in input order, parsing only new or changed documents."""
        queue: collections.deque[list] = collections.deque()  # [document, lines or None]

        def changed() -> Iterator[Document]:
            for document in documents:
                lines = self.lines(document)
                queue.append([document, lines])
                if lines is None:
                    yield document

        for document, lines in _extract_lines(changed(), workers=workers, separate=separate, curation=curation,
                                              cluster=cluster):
            for item in queue:
                if item[1] is None:
                    item[1] = lines
                    break
            while queue and queue[0][1] is not None:
                yield tuple(queue.popleft())
        while queue:
            yield tuple(queue.popleft())

    def close(self) -> None:
        for handle in [self._file, *self._block_files.values()]:
            if handle is not None:
                handle.close()


def _unchanged_key(sha256: str, title: str | None) -> str:
    """What must be the same for a document's statements to be reused: its text, and its title,
    which is read too (kg/headlines.py)."""
    return f"{sha256}\x1f{title or ''}"


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


class Outputs:
    """The files of one build, written a document at a time as documents arrive.

    statements.jsonl and documents.jsonl, one block per document in each RDF file, and
    the document's graph in the store; :meth:`finish` closes them and writes what needs
    the whole build (the page, the JSON-LD file, the build record).  Memory stays flat
    however many documents pass.  The store starts from the previous build's when the
    same code wrote it: only the graphs of new, changed and removed documents change.
    """

    def __init__(self, folder: BuildFolder, *, formats: Iterable[str], previous: PreviousBuild, extractor: str | None = None,
                 keep_gated: bool = False) -> None:
        self.folder, self.formats, self.keep_gated = folder, tuple(formats), keep_gated
        self.extractor = extractor or extractor_fingerprint()
        self.statements = open(folder.statements, "w", encoding="utf-8")  # noqa: SIM115 — closed by finish()/discard()
        self.documents = open(folder.documents, "w", encoding="utf-8")  # noqa: SIM115
        blocks = [fmt for fmt in self.formats if fmt in rdf.BlockFile.FORMATS]
        self.files = [rdf.BlockFile(folder.rdf(fmt), fmt) for fmt in blocks]
        if "jsonld" in self.formats and "nq" not in blocks:  # JSON-LD is one document: made from N-Quads at the end
            self.files.append(rdf.BlockFile(folder / ".kg.jsonld.nq", "nq"))
        self.blocks = open(folder.blocks, "w", encoding="utf-8")  # noqa: SIM115
        self.previous = previous
        base = previous.store()
        self.store = store.StoreWriter(folder.store, base=base)
        self.stale = previous.ids if base else set()  # graphs in the store not yet replaced or kept

    def add(self, document: Document, lines: list[str], *, reused: bool = False) -> None:
        record = document.to_record()
        record["statements"] = len(lines)
        self.documents.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.statements.writelines(lines)
        # An unchanged document's RDF is what the previous build wrote: copied, not made again.
        copies = {file.path.name: self.previous.block(file.path.name, document.id) for file in self.files} if reused else {}
        in_store = reused and document.id in self.stale
        data = None
        if not in_store or any(block is None for block in copies.values()) or len(copies) < len(self.files):
            data = rdf.encode(rdf.document_nquads(document.id, record, map(json.loads, lines), keep_gated=self.keep_gated))
        lengths = {}
        for file in self.files:
            block = copies.get(file.path.name)
            lengths[file.path.name] = file.copy(block) if block is not None else file.add(data)
        self.blocks.write(json.dumps({"id": document.id, **lengths}, ensure_ascii=False) + "\n")
        if in_store:
            self.stale.discard(document.id)  # the same statements: its graph stays as it is
            return
        if document.id in self.stale:
            self.stale.discard(document.id)
            self.store.remove_graph(document_iri(document.id))
        self.store.add(data)

    def finish(self, *, html: bool = True, stage: Callable[[str], None] = lambda name: None) -> None:
        """Close the files; write what needs the whole build.  ``stage(name)`` is called as
        each stage begins (store, RDF files, page), for the progress bar."""
        stage("store")
        for doc_id in sorted(self.stale):  # documents gone since the previous build
            self.store.remove_graph(document_iri(doc_id))
        self.statements.close()
        self.documents.close()
        self.blocks.close()
        for file in self.files:
            file.close()
        self.store.close(optimize=not self.store.based)  # a patched store is compacted by RocksDB as it goes
        stage("RDF files")
        if "jsonld" in self.formats:
            nquads = self.folder.rdf("nq") if "nq" in self.formats else self.folder / ".kg.jsonld.nq"
            rdf.write(self.folder.rdf("jsonld"), pyoxigraph.parse(path=native_path(nquads), format=pyoxigraph.RdfFormat.N_QUADS), "jsonld")
            if nquads.name.startswith("."):
                nquads.unlink()
        with atomic_output(self.folder.manifest) as manifest:
            manifest.write((json.dumps({"kg": __version__, "extractor": self.extractor,
                                        "output": output_fingerprint(self.keep_gated)}, indent=1) + "\n").encode())
        rdf.write_build_record(self.folder.build_record, read_jsonl(self.folder.documents))  # time and version: kept out of the graphs above
        if html:
            stage("page")
            self.draw_page()

    def draw_page(self) -> None:
        """graph.html from the statements and documents just written; a big build's in a
        process of its own (:data:`PAGE_PROCESS_BYTES`)."""
        # functools.partial, not lambdas: in a process of its own they must be pickled
        draw = functools.partial(view.write_html, functools.partial(read_shown, self.folder.statements, keep_gated=self.keep_gated),
                                 self.folder.page, documents=functools.partial(read_jsonl, self.folder.documents))
        if self.folder.statements.stat().st_size >= PAGE_PROCESS_BYTES:
            run_in_process(draw, what="drawing the page")
        else:
            draw()

    def discard(self) -> None:
        self.statements.close()
        self.documents.close()
        self.blocks.close()
        for file in self.files:
            file.discard()
        self.store.discard()


def view_page(*, out: str | os.PathLike = "output", html: str | os.PathLike | None = None, format: str = "html",
              top: int | None = None, focus: str | None = None, hops: int = 1, keep_gated: bool = False) -> Path:
    """Regenerate the page (or a GraphML/GEXF/JSON file, ``format``) from ``out/statements.jsonl``;
    statements kept back by the precision gate only with ``keep_gated`` (``kg view --all``)."""
    folder = BuildFolder(out).require(STATEMENTS)
    target = Path(html) if html else (folder.page if format == "html" else folder / f"graph.{format}")
    documents = (lambda: read_jsonl(folder.documents)) if folder.documents.exists() else ()
    return view.write_view(lambda: read_shown(folder.statements, keep_gated=keep_gated), target, format=format, documents=documents,
                           top=top, focus=focus, hops=hops)


def build_parts(paths: Iterable[str | os.PathLike], *, parts: str | os.PathLike, cluster: str, quiet: bool = False,
                strict: bool = False, aliases: str | os.PathLike | None = None, stop: str | os.PathLike | None = None,
                keep_gated: bool = False, part_documents: int | None = None, part_characters: int | None = None) -> BuildReport:
    """Extract the documents under ``paths`` on ``cluster`` into a parts folder ``parts``:
    one gzip N-Quads file per partition, written by the workers (which must see ``parts``:
    shared storage), and a manifest (kg/parts.py).  Returns a :class:`kg.pipeline.BuildReport`.

    The entity ids are a one-machine build's: the workers send back each partition's
    entity keys, reduced here into the build's merges (kg/merge.py), which go back to the
    workers to write the parts with.  A rebuild into the same folder parses only new and
    changed documents and keeps the parts that did not change."""
    import uuid

    from kg import parts as partfiles
    from kg.batching import batched
    from kg.cluster import PART_CHARACTERS, PART_DOCUMENTS, PARTS_IN_FLIGHT, Cluster
    from kg.merge import KeyIndex

    part_documents = part_documents or PART_DOCUMENTS
    part_characters = part_characters or PART_CHARACTERS

    paths = list(paths)
    folder = Path(parts).absolute()
    curation = read_curation(aliases, stop)
    extract = functools.partial(extract_lines, curation=curation) if curation else extract_lines
    session = Cluster(cluster, quiet=quiet)
    report = BuildReport(out=folder)
    fingerprints = {"extractor": extractor_fingerprint(curation), "output": output_fingerprint(keep_gated)}
    staging = None
    try:
        previous = partfiles.PreviousParts(folder, **fingerprints)
        staging = partfiles.staging_folder(folder)
        documents = iter_documents(paths, on_skip=functools.partial(_skip, report, strict=strict))
        progress = Progress(paths, quiet=quiet)
        kept: set[str] = set()
        records: dict[int, dict[str, dict]] = {}  # part → the new records of its unchanged texts

        def changed() -> Iterator[Document]:
            for document in documents:
                part = previous.part_of(document)
                if part is None:
                    yield document
                    continue
                kept.add(document.id)
                if previous.record_changed(document):  # a new title, date or source: the part is written again
                    records.setdefault(part, {})[document.id] = document.to_record()
                if progress.bar is not None:
                    progress.bar.update()

        # 1. extract: the new and changed documents into new parts, their keys back here
        first = previous.next_index()
        new_keys, listings, new = KeyIndex(), {}, []
        try:
            partitions = batched(changed(), part_documents, weight=lambda document: len(document.text), limit=part_characters)
            calls = ((batch, str(staging), first + number, extract) for number, batch in enumerate(partitions))
            for (batch, _, index, _), (listed, keys) in session.run_in_order(partfiles.extract_part, calls, in_flight=PARTS_IN_FLIGHT):
                new_keys.update(keys)
                listings[index] = listed
                new.append(index)
                if progress.bar is not None:
                    progress.bar.update(len(batch))
        finally:
            progress.close()
        # the previous parts: without their changed and removed documents
        dropped = {index: frozenset(ids) - kept for index, ids in previous.documents.items()}
        old = [index for index in sorted(previous.entries) if len(dropped[index]) < len(previous.documents[index])]
        if previous.entries and not new and not any(dropped.values()) and not records:  # nothing new, changed or removed: the folder stays as it is
            report.documents = report.reused = sum(entry["documents"] for entry in previous.entries.values())
            report.statements = sum(entry["statements"] for entry in previous.entries.values())
            report.files = [folder / entry["file"] for entry in previous.entries.values()] + [folder / partfiles.MANIFEST]
            return report
        # 2. reduce: the keys of every part, in the parts' order, give the build's merges
        keys = KeyIndex()
        for (_, index, *_), (listed, found) in session.run_in_order(
                partfiles.index_part, ((str(folder), index, dropped[index], records.get(index)) for index in old), in_flight=PARTS_IN_FLIGHT):
            keys.update(found)
            listings[index] = listed
        keys.update(new_keys)
        replacements = session.broadcast(keys.replacements(keys.merges())) if keys.keys else {}
        # 3. write: every part's N-Quads with the merges, a kept part linked when they did not change it
        order = [*old, *new]
        calls = [(str(folder), str(staging), index, replacements, dropped[index], keep_gated, previous.entries[index], records.get(index))
                 if index in previous.entries else (str(staging), str(staging), index, replacements, frozenset(), keep_gated)
                 for index in order]
        entries = []
        for _, entry in session.run_in_order(partfiles.write_part, calls, in_flight=PARTS_IN_FLIGHT):
            entries.append(entry)
            report.documents += entry["documents"]
            report.statements += entry["statements"]
        report.reused = len(kept)
        if report.documents == 0:
            raise KGError("no documents to build: " + ("; ".join(f"{w} ({r})" for w, r in report.skipped[:3]) or "no .txt, .md, .html or .jsonl files found"))
        with open(staging / partfiles.DOCUMENTS, "w", encoding="utf-8") as index_file:
            for index in order:
                for doc_id, sha256, statements, record in listings[index]:
                    index_file.write(json.dumps({"id": doc_id, "sha256": sha256, "part": index, "statements": statements,
                                                 "record": record}, ensure_ascii=False) + "\n")
        partfiles.publish(staging, folder, {
            "kg": __version__, **fingerprints, "id": uuid.uuid4().hex, "format": "nq",
            "compression": "gzip", "documents": report.documents, "statements": report.statements,
            "parts": [{key: value for key, value in entry.items() if key != "kept"} for entry in entries]})
        staging = None
        report.files = [folder / entry["file"] for entry in entries] + [folder / partfiles.MANIFEST]
    except OSError as error:
        raise StoreError(f"cannot write to {folder}: {error.strerror or error}") from None
    finally:
        session.close()
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return report
