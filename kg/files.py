"""Output files that appear whole or not at all: written beside their place, then moved in.

A failure (a full disk, an error in the code writing) leaves the previous file as it was
and no temporary file behind.
"""
from __future__ import annotations

import os
import tempfile
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


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` only if the block finishes without error.

    An ``OSError`` (no space, no permission) becomes a :class:`StoreError` naming ``path``.
    """
    target = Path(path)
    try:
        temporary = temporary_beside(target)
    except OSError as error:
        raise StoreError(f"cannot write {target}: {error}") from error
    try:
        with open(temporary, "wb") as output:
            yield output
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StoreError(f"cannot write {target}: {error}") from error
        raise
