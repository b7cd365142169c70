"""Consecutive items in lists: the batches both the parser (:mod:`kg.nlp`) and the worker
pool (:mod:`kg.workers`) cut a stream of documents into.  A module of its own so that
neither of those imports the other (the worker pool never imports spaCy).
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int, *, weight: Callable[[T], int] | None = None, limit: int = 0) -> Iterator[list[T]]:
    """Lists of at most ``size`` consecutive items (the last one shorter); with ``weight``,
    a list also ends once its items weigh ``limit`` or more together."""
    if weight is None:
        items = iter(items)
        while batch := list(itertools.islice(items, size)):
            yield batch
        return
    batch, total = [], 0
    for item in items:
        batch.append(item)
        total += weight(item)
        if len(batch) >= size or total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch
