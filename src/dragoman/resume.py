"""Resumable ingest: leave out documents already stored, before any NLP runs on them.

An interrupted `dragoman ingest` of a large collection, run again, reads every input
but parses only what the store does not hold yet (or holds with another text). The
runner does it when given the store:

    results = run(read_inputs(paths), settings, skip_stored=store)
    for doc, outcome in store.ingest_batches(results):   # (committed several at a time)
        ...
    print(results.stats.skipped, "already stored")
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from .batching import batched
from .clean import normalise_text
from .model import Document

BATCH = 256  # documents looked up per query


def stored_hash(doc: Document) -> str:
    """The content hash the store records for this document once it is processed.

    The clean stage normalises the text before anything is stored, and the stored
    hash is that of the normalised text; normalising is cheap, parsing is not.
    """
    return dataclasses.replace(doc, text=normalise_text(doc.text)).content_hash


class SkipStored:
    """The items, without the documents stored with the same text; counts those.

    Read errors (and anything that is not a Document) pass through untouched, in order.
    """

    def __init__(self, items: Iterable, store, batch: int = BATCH):
        self.items, self.store, self.batch = items, store, batch
        self.skipped = 0

    def __iter__(self) -> Iterator:
        for chunk in batched(self.items, self.batch):
            known = self.store.known_documents(item.id for item in chunk if isinstance(item, Document))
            for item in chunk:
                if isinstance(item, Document) and known.get(item.id) == stored_hash(item):
                    self.skipped += 1
                    continue
                yield item


def skip_stored(items: Iterable, store, batch: int = BATCH) -> SkipStored:
    """Iterate over this to get only documents not yet stored; .skipped counts the rest."""
    return SkipStored(items, store, batch)
