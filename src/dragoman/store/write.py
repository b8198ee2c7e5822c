"""Writing: a processed document and everything found in it in, or out, in one transaction.

The rows come from rows.py; the count tables and the full-text index are kept in step
(counts.py, the backend's hooks), and so are the mention and event counts on actors and
the event clusters (clusters.py: a new document's reports are linked in the same
transaction, a deleted one's taken out). `dragoman ingest` stores several documents per
transaction (ingest_batches: one commit's pages written for all of them), each in a savepoint,
so that one that fails is undone alone.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator

from ..batching import timed_batches
from ..errors import StoreError
from ..model import Document
from . import clusters, entities
from .backend import chunks, marks
from .counts import CountKeeper
from .rows import (
    actor_rows,
    document_row,
    event_row,
    link_rows,
    mention_rows,
    passage_rows,
    sentence_rows,
    unique_events,
)

# Documents per write transaction, and seconds a batch may wait for more ([store] settings).
BATCH_DOCUMENTS = 32
BATCH_SECONDS = 2.0

# The actor fields a later document may add but never erase (it may not know them).
_KEPT_IF_UNKNOWN = ("kind", "country", "sector", "org", "title")


class Writer(CountKeeper):
    link_clusters = True  # (off only to measure what linking costs: benchmarks/linking_cost.py)

    def ingest(self, doc: Document, replace: bool = False) -> bool:
        """Store a processed document with everything found in it, in one transaction.

        Returns False, changing nothing, when the same id with the same text is already
        stored (unless replace=True, e.g. after a better pipeline); a document whose
        text changed replaces the stored one.
        """
        with self._transaction():
            stored = self._fetch("SELECT content_hash FROM documents WHERE id = ?", [doc.id])
            if stored and stored[0]["content_hash"] == doc.content_hash and not replace:
                return False
            touched = self._delete_rows(doc.id) if stored else set()
            events = unique_events(doc)
            records = [ev.to_record() for ev in events]  # (linking reads them too)
            touched |= self._insert_rows(doc, events, records)
            if self.link_clusters:
                clusters.link_document(self, doc, records)
            self._refresh_actors(touched)
        return True

    def ingest_batches(
        self, docs: Iterable[Document], size: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS
    ) -> Iterator[tuple[Document, bool | Exception]]:
        """Ingest the documents several per transaction: `size` of them, or those that
        arrived within `seconds` of the first (a transaction is opened only once its batch
        is read, so the store's write lock is never held while a document is parsed).

        Yields (document, outcome) in order, once the transaction that stored it has
        committed: True (stored), False (already stored, unchanged) or the exception that
        document raised, its writes rolled back alone (a savepoint each) and the others
        kept. A fault of the store itself (StoreError: disk full, connection lost) stops
        the batch, none of it committed, and is raised.
        """
        for batch in timed_batches(docs, size, seconds):
            yield from self._ingest_batch(batch)

    def _ingest_batch(self, batch: list[Document]) -> list[tuple[Document, bool | Exception]]:
        outcomes: list[bool | Exception] = []
        with self._transaction():
            for doc in batch:
                try:
                    with self._savepoint():
                        outcomes.append(self.ingest(doc))
                except StoreError:
                    raise
                except Exception as exc:  # (that document's alone: report it, keep the rest)
                    outcomes.append(exc)
        return list(zip(batch, outcomes))

    def ingest_many(
        self, docs: Iterable[Document], size: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS
    ) -> tuple[int, int]:
        """Ingest the documents (ingest_batches); returns (new or replaced, unchanged).
        A document that failed is raised once all the others are stored."""
        counts: Counter = Counter()
        failed: Exception | None = None
        for _, outcome in self.ingest_batches(docs, size, seconds):
            if isinstance(outcome, Exception):
                failed = failed or outcome
            else:
                counts[outcome] += 1
        if failed is not None:
            raise failed
        return counts[True], counts[False]

    def delete(self, doc_id: str) -> bool:
        """Remove a document and everything found in it. False if it was not stored."""
        with self._transaction():
            if not self._fetch("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]):
                return False
            self._refresh_actors(self._delete_rows(doc_id))
        return True

    def relink(self) -> int:
        """Link the events of a store made before clusters existed (migration 9), one
        document at a time; returns how many documents were linked."""
        return clusters.relink(self)

    def _insert(self, table: str, rows: list[dict]) -> None:
        if rows:
            cols = list(rows[0])
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks(cols)})"
            self._executemany(sql, [tuple(r[c] for c in cols) for r in rows])

    def _insert_rows(self, doc: Document, events: list, records: list[dict]) -> set[str]:
        """Insert the document's rows (`events`: its unique events, `records` theirs);
        returns the ids of the actors it involves."""
        self._insert("documents", [document_row(doc)])
        self._insert("passages", passage_rows(doc))
        self._insert("sentences", sentence_rows(doc))
        self._insert("mentions", mention_rows(doc))
        actors = actor_rows(doc)
        self._upsert_actors(actors)
        links = [link for ev in events for link in link_rows(ev)]
        self._insert("events", [event_row(r) for r in records])
        entities.add(self, doc.id, records)
        self._insert("event_actors", links)
        self._add_counts(records, links)
        self._index_text(doc.id)
        self._add_term_counts(doc.id)
        return {a["id"] for a in actors}

    def _upsert_actors(self, actors: list[dict]) -> None:
        if not actors:
            return
        keep = ", ".join(f"{c} = COALESCE(excluded.{c}, actors.{c})" for c in _KEPT_IF_UNKNOWN)
        self._executemany(
            "INSERT INTO actors (id, name, name_key, kind, country, sector, org, title) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            f"name = excluded.name, name_key = excluded.name_key, {keep}",
            [
                (
                    a["id"],
                    a["name"],
                    a["name_key"],
                    a["kind"],
                    a["country"],
                    a["sector"],
                    a["org"],
                    a["title"],
                )
                for a in actors
            ],
        )

    def _delete_rows(self, doc_id: str) -> set[str]:
        """Delete a document's rows; returns the ids of the actors it involved."""
        clusters.unlink_document(self, doc_id)
        touched = self._actor_ids_of(doc_id)
        self._subtract_counts(doc_id)
        self._subtract_term_counts(doc_id)
        self._unindex_text(doc_id)
        entities.remove(self, doc_id)
        self._execute(
            "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)", [doc_id]
        )
        for table in ("events", "mentions", "sentences", "passages"):
            self._execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self._execute("DELETE FROM documents WHERE id = ?", [doc_id])
        return touched

    def _actor_ids_of(self, doc_id: str) -> set[str]:
        found = self._fetch(
            "SELECT actor_id FROM mentions WHERE doc_id = ? AND actor_id IS NOT NULL "
            "UNION SELECT l.actor_id FROM event_actors l JOIN events e ON e.id = l.event_id "
            "WHERE e.doc_id = ? AND l.actor_id IS NOT NULL",
            [doc_id, doc_id],
        )
        return {r["actor_id"] for r in found}

    def _refresh_actors(self, ids: set[str]) -> None:
        """Recount mentions and events of these actors; drop those nothing refers to."""
        for chunk in chunks(ids):
            self._execute(
                "UPDATE actors SET "
                "mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = actors.id), "
                "event_count = (SELECT COUNT(DISTINCT l.event_id) FROM event_actors l "
                f"WHERE l.actor_id = actors.id) WHERE id IN ({marks(chunk)})",
                chunk,
            )
            self._execute(
                f"DELETE FROM actors WHERE mention_count = 0 AND event_count = 0 AND id IN ({marks(chunk)})",
                chunk,
            )
