"""The pipeline over a pool of processes: `dragoman extract/ingest --workers N`.

Each worker process builds ONE pipeline (one spaCy model) when it starts, with the factory
it is given (dragoman.run gives `Pipeline` with the run's settings), and then takes documents
in chunks. Results come back in input order, so `--workers 2` writes the same bytes as
`--workers 1`. Read errors never travel to a worker: they wait in their place.

Only a bounded number of chunks is in flight, so a corpus of millions of documents is
read as fast as it is processed, not into memory first.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import TYPE_CHECKING

from ..batching import batched
from ..errors import DragomanError, InputError, UsageError
from ..model import Document

if TYPE_CHECKING:
    from ..pipeline import Result

CHUNK_SIZE = 16  # documents per task: enough for spaCy batches, small for ordering
CHUNKS_PER_WORKER = 2  # in flight per worker: one being parsed, one waiting
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


class WorkerError(DragomanError):
    """A worker process died (killed, out of memory): its documents have no result."""


@dataclass
class WorkerStats:
    """One worker process: documents it processed, its peak memory (bytes), its CPU seconds
    (start-up included)."""

    documents: int = 0
    peak_rss: int = 0
    cpu: float = 0.0


@dataclass
class PoolStats:
    workers: int
    processes: dict[int, WorkerStats] = field(default_factory=dict)  # by process id


def worker_count(workers: int) -> int:
    """--workers N as a number of processes: 0 means one per usable core."""
    if workers < 0:
        raise UsageError(f"--workers {workers}: give 0 (one per core) or a positive number")
    if workers == 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return workers


class WorkerPool:
    """Worker processes that each hold a pipeline, for one run or several (a benchmark).

    `factory` is called once in each worker to build its pipeline: any picklable callable
    whose result has `process(documents) -> results`, one result per document, in order.
    """

    def __init__(self, factory: Callable, workers: int = 0, chunk_size: int = CHUNK_SIZE):
        self.workers = worker_count(workers)
        self.chunk_size = chunk_size
        self.stats = PoolStats(self.workers)
        # spawn, not fork: a parent that already holds a model or threads (a web server, a
        # notebook, tqdm's monitor) is not copied half-initialised into the children.
        self.executor = ProcessPoolExecutor(
            self.workers,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(factory, os.getpid()),
        )

    def warm(self) -> dict[int, float]:
        """Wait until every worker has loaded its model; returns each one's CPU seconds so far.

        For timings that leave start-up out.
        """
        ready: dict[int, float] = {}
        while len(ready) < self.workers:
            futures = [self.executor.submit(_ready) for _ in range(self.workers)]
            ready.update(_result(f)[::2] for f in futures)
        return ready

    def run_many(self, items: Iterable[Result]) -> Iterator[Result]:
        """Documents (and read errors) in; processed Documents and InputErrors out, in input order."""
        chunks = batched(items, self.chunk_size)
        pending: deque[tuple[list[Result], Future]] = deque()
        for chunk in chunks:
            pending.append((chunk, _submit(self.executor, chunk)))
            while len(pending) >= self.workers * CHUNKS_PER_WORKER:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _collect(self, chunk: list[Result], future: Future) -> Iterator[Result]:
        """The chunk's items in order: read errors where they were, documents as processed."""
        results, pid, peak, cpu = _result(future)
        worker = self.stats.processes.setdefault(pid, WorkerStats())
        worker.peak_rss, worker.cpu = max(peak, worker.peak_rss), max(cpu, worker.cpu)
        worker.documents += len(results)
        done = iter(results)
        for item in chunk:
            yield item if isinstance(item, InputError) else _decode(next(done))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _submit(pool: ProcessPoolExecutor, chunk: list[Result]) -> Future:
    docs = [item for item in chunk if isinstance(item, Document)]
    return pool.submit(_process_chunk, docs)


def _result(future: Future):
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError(
            "a worker process died (killed, or out of memory?) and its documents "
            "have no result; run again with fewer --workers, or --workers 1"
        ) from exc


def describe(stats: PoolStats) -> str:
    """One line for stderr: workers, documents and peak memory of each."""
    parts = [
        f"{w.documents} docs, {w.peak_rss / 2**20:.0f} MiB peak" for _, w in sorted(stats.processes.items())
    ]
    return f"dragoman: {stats.workers} workers: " + "; ".join(parts)


# ---------------------------------------------------------------- in the worker process

_pipeline = None
_startup_error: Exception | None = None


def _start_worker(factory: Callable, parent: int | None = None) -> None:
    global _pipeline, _startup_error
    _die_with(parent)
    try:
        _pipeline = factory()
    except Exception as exc:
        # Raised with the first chunk, so the parent sees "model not installed", not
        # a bare "process pool broken".
        _startup_error = exc


def _die_with(parent: int | None) -> None:
    """A worker ends when its parent does, even by kill -9 (Linux's parent-death signal):
    an interrupted `dragoman ingest` leaves no model-sized processes behind."""
    if parent is None or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # no prctl: the pool's own shutdown still ends workers
        return
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _ready() -> tuple[int, int, float]:
    if _startup_error is not None:
        raise _startup_error
    return os.getpid(), peak_rss(), cpu_seconds()


def _process_chunk(docs: list[Document]) -> tuple[list, int, int, float]:
    if _startup_error is not None:
        raise _startup_error
    results = [_encode(item) for item in _pipeline.process(docs)]
    return results, os.getpid(), peak_rss(), cpu_seconds()


def _encode(item: Result):
    """Something picklable: spaCy spans are dropped, an InputError becomes its two fields."""
    if isinstance(item, InputError):
        # InputError(source, reason) cannot be rebuilt from its pickled args (one message).
        return ("error", item.source, item.reason)
    for sent in item.sentences:
        sent.span = None
    return item


def _decode(result) -> Result:
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
