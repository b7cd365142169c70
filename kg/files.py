"""Output files that appear whole or not at all: written beside their place, then moved in.

A failure (a full disk, an error in the code writing) leaves the previous file as it was
and no temporary file behind.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from kg.errors import StoreError


def temporary_beside(target: Path) -> Path:
    """A new empty file next to ``target``, to be moved onto it: with ``target``'s mode if
    it exists, else a new file's usual mode (not mkstemp's private 0600)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(descriptor)
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
    return Path(temporary)


# Folders kept open for native_path: the file descriptor is the folder's name in /proc/self/fd.
_OPEN_FOLDERS: dict[bytes, int] = {}


def native_path(path: str | os.PathLike[str], *, inheritable: bool = False) -> str:
    """``path`` as a name the Rust libraries (RocksDB in pyoxigraph) accept: UTF-8 text.

    A name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates); the
    folder that holds the last such byte is then opened once and reached as
    ``/proc/self/fd/N``, the rest of the path (kg's own names) after it; ``inheritable``
    keeps it open for a program this process becomes (``os.execv``).

    >>> native_path("output/store")
    'output/store'
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    parts = Path(os.path.abspath(text)).parts
    last = max(i for i, part in enumerate(parts) if not _is_utf8(part))
    folder, rest = os.fsencode(Path(*parts[: last + 1])), parts[last + 1 :]
    if folder not in _OPEN_FOLDERS:
        _OPEN_FOLDERS[folder] = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    if inheritable:
        os.set_inheritable(_OPEN_FOLDERS[folder], True)
    return "/".join([f"/proc/self/fd/{_OPEN_FOLDERS[folder]}", *rest])


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class AtomicFile:
    """A binary file written over time (``.file``) that appears at ``path`` whole on
    :meth:`commit`, or not at all on :meth:`discard`.  :func:`atomic_output` is the same
    for a file written in one block of code.

    An ``OSError`` (no space, no permission) becomes a :class:`StoreError` naming ``path``.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self._temporary = temporary_beside(self.path)
            self.file: IO[bytes] = open(self._temporary, "wb")  # noqa: SIM115 — closed by commit() or discard()
        except OSError as error:
            if hasattr(self, "_temporary"):
                self._temporary.unlink(missing_ok=True)
            raise StoreError(f"cannot write {self.path}: {error}") from error

    def commit(self) -> Path:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.replace(self._temporary, self.path)
        except OSError as error:
            self.discard()
            raise StoreError(f"cannot write {self.path}: {error}") from error
        return self.path

    def discard(self) -> None:
        self.file.close()
        self._temporary.unlink(missing_ok=True)


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` only if the block finishes without error.

    An ``OSError`` (no space, no permission) becomes a :class:`StoreError` naming ``path``.
    """
    output = AtomicFile(path)
    try:
        yield output.file
    except BaseException as error:
        output.discard()
        if isinstance(error, OSError):
            raise StoreError(f"cannot write {output.path}: {error}") from error
        raise
    output.commit()


def swap_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` in the place of ``target``.  A folder cannot be os.replace'd onto a
    non-empty one: the old one is moved aside, the new one moved in, then the old one deleted
    (put back if the second move fails)."""
    if not target.exists():
        os.rename(new, target)
        return
    old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
