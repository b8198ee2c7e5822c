"""The pipeline over a pool of processes: `dragoman extract/ingest --workers N`.

Each worker process builds ONE Pipeline (one spaCy model) when it starts and then takes
documents in chunks. Results come back in input order, so `--workers 2` writes the same
bytes as `--workers 1`. Read errors never travel to a worker: they wait in their place.

Only a bounded number of chunks is in flight, so a corpus of millions of documents is
read as fast as it is processed, not into memory first.
"""
from __future__ import annotations

import os
import resource
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from ..errors import DragomanError, InputError, UsageError
from ..model import Document
from ..settings import Settings

Item = Document | InputError

CHUNK_SIZE = 16          # documents per task: enough for spaCy batches, small for ordering
CHUNKS_PER_WORKER = 2    # in flight per worker: one being parsed, one waiting


class WorkerError(DragomanError):
    """A worker process died (killed, out of memory): its documents have no result."""


def worker_count(workers: int) -> int:
    """--workers N as a number of processes: 0 means one per usable core."""
    if workers < 0:
        raise UsageError(f"--workers {workers}: give 0 (one per core) or a positive number")
    if workers == 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return workers


def run_pool(items: Iterable[Item], settings: Settings | None = None, workers: int = 0,
             stats: dict | None = None, chunk_size: int = CHUNK_SIZE) -> Iterator[Item]:
    """Documents (and read errors) in; processed Documents and InputErrors out, in input order.

    `stats`, if given, is filled with per-worker figures keyed by process id:
    stats["peak_rss"][pid] (bytes), stats["documents"][pid] and stats["cpu"][pid] (CPU
    seconds the process has used, start-up included), and stats["workers"].
    """
    with WorkerPool(settings, workers, chunk_size) as pool:
        yield from pool.run(items, stats)


class WorkerPool:
    """Worker processes that each hold a Pipeline, for several runs (a server, a benchmark)."""

    def __init__(self, settings: Settings | None = None, workers: int = 0,
                 chunk_size: int = CHUNK_SIZE):
        self.settings = settings or Settings.load()
        self.workers = worker_count(workers)
        self.chunk_size = chunk_size
        # spawn, not fork: a parent that already holds a model or threads (a web server, a
        # notebook, tqdm's monitor) is not copied half-initialised into the children.
        self.executor = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                            initializer=_start_worker, initargs=(self.settings,))

    def warm(self) -> dict[int, float]:
        """Wait until every worker has loaded its model; returns each one's CPU seconds so far.

        For timings that leave start-up out.
        """
        ready: dict[int, float] = {}
        while len(ready) < self.workers:
            futures = [self.executor.submit(_ready) for _ in range(self.workers)]
            ready.update(_result(f)[::2] for f in futures)
        return ready

    def run(self, items: Iterable[Item], stats: dict | None = None) -> Iterator[Item]:
        if stats is not None:
            for key in ("peak_rss", "documents", "cpu"):
                stats.setdefault(key, {})
            stats["workers"] = self.workers
        chunks = _chunks(items, self.chunk_size)
        yield from _ordered(self.executor, chunks, self.workers * CHUNKS_PER_WORKER, stats)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(pool: ProcessPoolExecutor, chunks: Iterator[list[Item]], in_flight: int,
             stats: dict | None) -> Iterator[Item]:
    """Submit chunks while fewer than `in_flight` wait; yield results oldest first."""
    pending: deque[tuple[list[Item], Future]] = deque()
    for chunk in chunks:
        pending.append((chunk, _submit(pool, chunk)))
        while len(pending) >= in_flight:
            yield from _collect(*pending.popleft(), stats)
    while pending:
        yield from _collect(*pending.popleft(), stats)


def _submit(pool: ProcessPoolExecutor, chunk: list[Item]) -> Future:
    docs = [item for item in chunk if isinstance(item, Document)]
    return pool.submit(_process_chunk, docs)


def _collect(chunk: list[Item], future: Future, stats: dict | None) -> Iterator[Item]:
    """The chunk's items in order: read errors where they were, documents as processed."""
    results, pid, peak, cpu = _result(future)
    if stats is not None:
        stats["peak_rss"][pid] = max(peak, stats["peak_rss"].get(pid, 0))
        stats["cpu"][pid] = max(cpu, stats["cpu"].get(pid, 0.0))
        stats["documents"][pid] = stats["documents"].get(pid, 0) + len(results)
    done = iter(results)
    for item in chunk:
        yield item if isinstance(item, InputError) else _decode(next(done))


def _result(future: Future):
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError("a worker process died (killed, or out of memory?) and its documents "
                          "have no result; run again with fewer --workers, or --workers 1") from exc


# ---------------------------------------------------------------- in the worker process

_pipeline = None
_startup_error: Exception | None = None


def _start_worker(settings: Settings) -> None:
    global _pipeline, _startup_error
    from ..pipeline import Pipeline

    try:
        _pipeline = Pipeline(settings)
    except Exception as exc:
        # Raised with the first chunk, so the parent sees "model not installed", not
        # a bare "process pool broken".
        _startup_error = exc


def _ready() -> tuple[int, int, float]:
    if _startup_error is not None:
        raise _startup_error
    return os.getpid(), peak_rss(), cpu_seconds()


def _process_chunk(docs: list[Document]) -> tuple[list, int, int, float]:
    if _startup_error is not None:
        raise _startup_error
    results = [_encode(item) for item in _pipeline.run_many(docs, chunk_size=len(docs) or 1)]
    return results, os.getpid(), peak_rss(), cpu_seconds()


def _encode(item: Item):
    """Something picklable: spaCy spans are dropped, an InputError becomes its two fields."""
    if isinstance(item, InputError):
        # InputError(source, reason) cannot be rebuilt from its pickled args (one message).
        return ("error", item.source, item.reason)
    for sent in item.sentences:
        sent.span = None
    return item


def _decode(result) -> Item:
    if isinstance(result, tuple):
        return InputError(result[1], result[2])
    return result


def peak_rss() -> int:
    """This process's peak resident memory in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def describe(stats: dict) -> str:
    """One line for stderr: workers, documents and peak memory of each."""
    parts = [f"{stats['documents'].get(pid, 0)} docs, {rss / 2**20:.0f} MiB peak"
             for pid, rss in sorted(stats.get("peak_rss", {}).items())]
    return f"dragoman: {stats.get('workers', len(parts))} workers: " + "; ".join(parts)
