"""Cutting a stream into lists, for whoever works a batch at a time (the pipeline's spaCy
batches, the worker pool's tasks, the store's look-ups, Parquet row groups)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items in order, the last one shorter; nothing for no items.

    Lazy: a batch is read from `items` only when it is asked for, so a stream of any length
    is cut with the memory of one batch.
    """
    if size < 1:
        raise ValueError(f"batch size {size}: give 1 or more")
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def timed_batches(items: Iterable[T], size: int, seconds: float, clock=None) -> Iterator[list[T]]:
    """As batched(), but a batch also ends once `seconds` have passed since its first item
    arrived (checked as each item arrives): a slow stream is not held back for long.
    """
    if size < 1:
        raise ValueError(f"batch size {size}: give 1 or more")
    clock = clock or time.monotonic
    batch: list[T] = []
    started = 0.0
    for item in items:
        if not batch:
            started = clock()
        batch.append(item)
        if len(batch) >= size or clock() - started >= seconds:
            yield batch
            batch = []
    if batch:
        yield batch
