"""The build folder: what ``kg build`` writes into ``--out`` and every other command reads.

One object, :class:`BuildFolder`, knows the layout (the output names), and owns the
filesystem transaction of a build: the lock, the staging folder, publishing, and clearing
what killed builds left.  :func:`kg.pipeline.build` writes through it; ``kg query``,
``view``, ``load``, ``serve`` and ``validate`` read through it, so a missing build is the
same error (:meth:`BuildFolder.require`, exit code 3) from every command.

Layout: each build is written into its own folder ``OUT/.build-*``; the symlink
``OUT/.current`` names the one published, and every output name in ``OUT`` is a fixed
symlink through it (``statements.jsonl`` → ``.current/statements.jsonl``).  Publishing is
one atomic rename of ``.current``, so readers see all files of one build or all of the
other, whenever a build is killed.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from kg.errors import StoreError

STATEMENTS = "statements.jsonl"
DOCUMENTS = "documents.jsonl"
GRAPH_HTML = "graph.html"
STORE = "store"
MANIFEST = "manifest.json"
BUILD_RECORD = "build.trig"
BLOCKS = ".blocks.jsonl"  # per document, the length of its block in each RDF file: reused by the next build
LOCK = ".lock"
CURRENT = ".current"
BUILD_PREFIX = ".build-"
RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
OUTPUTS = (STATEMENTS, DOCUMENTS, GRAPH_HTML, STORE, MANIFEST, BUILD_RECORD, *(f"kg.{fmt}" for fmt in RDF_FORMATS))
# Names earlier versions used for what killed builds left behind.
_LEFTOVER_PATTERNS = (BUILD_PREFIX + "*", ".staging-*", ".old-*", ".link-*")


def _cannot_write(out: Path, error: OSError) -> StoreError:
    return StoreError(f"cannot write to {out}: {error.strerror or error}")


class BuildFolder:
    """A build folder (``OUT``), or the staging folder of one build inside it: the paths
    of its outputs.  Nothing is touched on disk until a method says so.

    >>> BuildFolder("output").store
    PosixPath('output/store')
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"BuildFolder({str(self.path)!r})"

    def __truediv__(self, name: str) -> Path:
        return self.path / name

    # -- the layout ----------------------------------------------------------------------

    @property
    def statements(self) -> Path:
        return self.path / STATEMENTS

    @property
    def documents(self) -> Path:
        return self.path / DOCUMENTS

    @property
    def store(self) -> Path:
        return self.path / STORE

    @property
    def page(self) -> Path:
        return self.path / GRAPH_HTML

    @property
    def manifest(self) -> Path:
        return self.path / MANIFEST

    @property
    def build_record(self) -> Path:
        return self.path / BUILD_RECORD

    @property
    def blocks(self) -> Path:
        """Inside a build folder itself, not linked from ``OUT``: read through ``.current``."""
        return self.path / (BLOCKS if self.path.name.startswith(BUILD_PREFIX) else f"{CURRENT}/{BLOCKS}")

    def rdf(self, fmt: str) -> Path:
        return self.path / f"kg.{fmt}"

    def require(self, output: str = STORE) -> BuildFolder:
        """This folder, if it holds ``output`` of a build; else the error every command
        gives for a missing build (exit code 3)."""
        path = self.path / output
        present = (path / "CURRENT").is_file() if output == STORE else path.is_file()
        if not present:
            why = "no such folder" if not self.path.is_dir() else f"no {output}"
            raise StoreError(f"no build in {self.path} ({why}); run `kg build ARTICLES --out {self.path}` first")
        return self

    # -- the transaction of a build --------------------------------------------------------

    def create(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _cannot_write(self.path, error) from None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time per folder: a second one refuses at once, clearly."""
        try:
            handle = open(self.path / LOCK, "a+", encoding="utf-8")
        except OSError as error:
            raise _cannot_write(self.path, error) from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise StoreError(f"another kg build ({holder}) is writing to {self.path}; "
                                 "wait for it to finish or use another --out") from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)
                fcntl.flock(handle, fcntl.LOCK_UN)

    def published(self) -> str | None:
        """The name of the build folder ``OUT/.current`` points to, if any."""
        try:
            return os.readlink(self.path / CURRENT)
        except OSError:
            return None

    def remove_leftovers(self) -> None:
        """What killed builds left (SIGKILL leaves no chance to clean up): all but the published build."""
        current = self.published()
        for pattern in _LEFTOVER_PATTERNS:
            for leftover in self.path.glob(pattern):
                if leftover.name != current:
                    if leftover.is_dir() and not leftover.is_symlink():
                        shutil.rmtree(leftover, ignore_errors=True)
                    else:
                        leftover.unlink(missing_ok=True)
        for link in self.path.iterdir():  # links to outputs the published build does not have
            if link.is_symlink() and os.readlink(link).startswith(f"{CURRENT}/") and not link.exists():
                link.unlink()

    @contextlib.contextmanager
    def staging(self) -> Iterator[BuildFolder]:
        """A new, empty build folder inside this one, removed on the way out unless it was
        published meanwhile (:meth:`publish`).  Call under :meth:`lock`."""
        try:
            folder = self.path / f"{BUILD_PREFIX}{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
            folder.mkdir()  # not mkdtemp: its 0700 would hide the outputs from other users
        except OSError as error:
            raise _cannot_write(self.path, error) from None
        try:
            yield BuildFolder(folder)
        finally:
            if self.published() != folder.name:
                shutil.rmtree(folder, ignore_errors=True)

    def publish(self, build: BuildFolder | Path) -> list[Path]:
        """Make ``build`` (a staging folder) the published build: flip ``OUT/.current`` to it
        in one rename.

        Before the flip, links for outputs that did not exist yet are added (they point
        nowhere until the flip); after it, plain files left by older versions or `kg view`
        are replaced by links, outputs this build does not have are removed, and so is the
        previous build folder.
        """
        build = build.path if isinstance(build, BuildFolder) else Path(build)
        out = self.path
        names = sorted(entry.name for entry in build.iterdir() if not entry.name.startswith("."))  # .blocks.jsonl stays inside
        _sync(build)
        for name in names:
            if not os.path.lexists(out / name):
                _link(out, name)
        previous = self.published()
        stale = set(OUTPUTS) | _names(out / previous if previous else None)
        _replace_with_symlink(out / CURRENT, build.name)
        _sync_folder(out)
        for name in names:
            _link(out, name)
        for name in sorted(stale - set(names)):
            if os.path.lexists(out / name):
                _remove(out / name)
        if previous and previous != build.name and previous.startswith(BUILD_PREFIX):
            shutil.rmtree(out / previous, ignore_errors=True)
        return [out / name for name in names]


def _names(folder: Path | None) -> set[str]:
    try:
        return {entry.name for entry in folder.iterdir()} if folder else set()
    except OSError:
        return set()


def _link(out: Path, name: str) -> None:
    """OUT/name → .current/name, replacing whatever is there in one rename (a folder in two)."""
    target = f"{CURRENT}/{name}"
    path = out / name
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():  # a store from before builds were folders
        old = out / f".old-{name}-{os.getpid()}"
        os.replace(path, old)
        _replace_with_symlink(path, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        _replace_with_symlink(path, target)


def _replace_with_symlink(path: Path, target: str) -> None:
    temporary = path.with_name(f".link-{path.name}-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _sync(folder: Path) -> None:
    """Flush a build to disk before publishing it, so a crash cannot publish half-written files."""
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                os.fsync(f.fileno())
        _sync_folder(Path(root))


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def build_lock(out: str | os.PathLike[str]) -> contextlib.AbstractContextManager[None]:
    """``BuildFolder(out).lock()``: what a build holds while it writes ``out``."""
    return BuildFolder(out).lock()
