"""The one way to run the pipeline over inputs: run(items, settings, workers, skip_stored).

Every entry point goes through it: `dragoman extract` and `ingest`, `dragoman eval`, the
API's POST /api/documents, the Ray engine's actors. It chooses where the work is done (this
process, or a pool of worker processes when the batch is worth starting them), leaves out
documents already stored with the same text (skip_stored: a rerun of an interrupted batch
parses only the rest), loads the model only when there is a document to parse, and counts
what it did in a RunStats:

    results = run(read_inputs(["news/"]), workers=2)
    for result in results:        # in input order: a Document with its events, or an InputError
        ...
    print(results.stats.documents, results.stats.events, results.stats.failed)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice

from .errors import InputError
from .model import Document
from .pipeline import Pipeline, Result
from .resume import skip_stored as unstored
from .scale.pool import PoolStats, WorkerPool
from .settings import Settings

SMALL_BATCH = 16  # up to this many inputs, --workers runs in one process

__all__ = ["Result", "Run", "RunStats", "read_inputs", "run"]


@dataclass
class RunStats:
    """What a run did, filled in as its results are taken."""

    documents: int = 0  # inputs that became Documents with their events
    events: int = 0
    failed: int = 0  # inputs that could not be read or processed (each an InputError)
    skipped: int = 0  # documents left out: stored before with the same text
    load_seconds: float | None = None  # loading the model in this process, when this run did
    pool: PoolStats | None = None  # the worker processes, when a pool did the work

    def count(self, result: Result) -> None:
        if isinstance(result, InputError):
            self.failed += 1
        else:
            self.documents += 1
            self.events += len(result.events)


class Run(Iterator[Result]):
    """The results of run(), in input order, and its `stats` (complete once they are all taken)."""

    def __init__(self, results: Iterator[Result], stats: RunStats):
        self._results, self.stats = results, stats

    def __next__(self) -> Result:
        result = next(self._results)
        self.stats.count(result)
        return result

    def documents(self, failed: Callable[[InputError], object]) -> Iterator[Document]:
        """The Documents alone, in order; each InputError is given to `failed` as it comes."""
        for result in self:
            if isinstance(result, InputError):
                failed(result)
            else:
                yield result

    def close(self) -> None:
        """Stop early: worker processes, if any, are shut down."""
        self._results.close()


def run(
    items: Iterable[Result],
    settings: Settings | None = None,
    workers: int = 1,
    skip_stored=None,
    *,
    pipeline=None,
) -> Run:
    """Documents (and read errors, passed through in place) in; a Run of results out, in order.

    workers: processes to use (0: one per core); a batch of SMALL_BATCH inputs or fewer
        runs in this process, since it is done before workers could load their models.
    skip_stored: a store; documents it holds with the same text are left out (counted in
        stats.skipped) before anything is parsed.
    pipeline: something already loaded to run on, instead of loading a model here: a
        Pipeline (a server, tests) or a started WorkerPool (a benchmark).
    """
    stats = RunStats()
    fresh = None
    if skip_stored is not None:
        fresh = unstored(items, skip_stored)
        items = fresh
    return Run(_results(iter(items), settings, workers, pipeline, stats, fresh), stats)


def _results(
    items: Iterator[Result], settings, workers: int, engine, stats: RunStats, fresh
) -> Iterator[Result]:
    try:
        if engine is not None:
            if isinstance(engine, WorkerPool):
                stats.pool = engine.stats
            yield from engine.run_many(items)
        else:
            yield from _load_and_run(items, settings, workers, stats)
    finally:
        if fresh is not None:
            stats.skipped = fresh.skipped


def _load_and_run(items: Iterator[Result], settings, workers: int, stats: RunStats) -> Iterator[Result]:
    settings = settings or Settings.load()
    if workers != 1:
        first = list(islice(items, SMALL_BATCH + 1))
        items = chain(first, items)
        if len(first) > SMALL_BATCH:
            with WorkerPool(partial(Pipeline, settings), workers) as pool:
                stats.pool = pool.stats
                yield from pool.run_many(items)
            return
    first = list(islice(items, 1))
    if first:  # the model is loaded only when there is something to parse
        start = time.perf_counter()
        pipeline = Pipeline(settings)
        stats.load_seconds = round(time.perf_counter() - start, 2)
        yield from pipeline.run_many(chain(first, items))


def read_inputs(
    paths: Iterable[str], settings: Settings | None = None, default_date: str | None = None
) -> Iterator[Result]:
    """The files, folders and "-" (standard input) read as Documents, or InputErrors saying why
    not, in order. Documents whose input gave no date take `default_date` (the --date option)."""
    from .read import iter_documents

    for item in iter_documents([str(p) for p in paths], settings or Settings.load()):
        if default_date and isinstance(item, Document) and not item.date:
            item.date, item.date_source = default_date, "option"
        yield item
