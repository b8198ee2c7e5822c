"""Several documents per write transaction (Writer.ingest_batches), on SQLite and PostgreSQL:
a document that fails to store is rolled back alone and reported, the others kept, and the
rows stored are those one transaction per document would store."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from dragoman.batching import timed_batches
from dragoman.errors import UsageError
from dragoman.settings import Settings
from dragoman.store import open_store
from test_clusters import event_ids, one_meeting_reported, partition
from test_store import TABLES, TEXT, make_doc

import pg_cluster


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "dragoman.db")
    return pg_cluster.database_or_skip()


def with_unstorable_sentence(doc):
    """The document with a sentence without text: the store refuses that row (NOT NULL)
    after its document and passage rows were written, a failure of the database itself."""
    doc.sentences[1] = dataclasses.replace(doc.sentences[1], text=None)
    return doc


def with_unknown_type(doc):
    """The document with an event of no PLOVER type: its record cannot be made (KeyError)."""
    doc.events[0].event = "NOT_A_TYPE"
    return doc


def rows(store) -> dict:
    """Every row of every table, without the times of writing (they differ run to run)."""
    out = {}
    for table in TABLES:
        if table == "schema_migrations":
            continue
        found = store._fetch(f"SELECT * FROM {table}")
        out[table] = sorted(repr({k: v for k, v in r.items() if not k.endswith("_at")}) for r in found)
    return out


def test_a_failing_document_in_the_middle_of_a_batch_loses_nothing_else(location):
    with open_store(location) as store:
        assert store.ingest(make_doc("kept"))  # (stored before: its failed replacement must not lose it)
        docs = [
            make_doc("first"),
            with_unstorable_sentence(make_doc("broken-row")),
            make_doc("second", help="aid"),
            with_unknown_type(make_doc("kept", tail=" more")),  # a replacement that fails
            make_doc("first"),  # unchanged: stored earlier in this very transaction
            make_doc("third", help="support"),
        ]
        outcomes = list(store.ingest_batches(docs, size=10, seconds=60))

        assert [d.id for d, _ in outcomes] == [d.id for d in docs]
        results = [o if isinstance(o, bool) else type(o).__name__ for _, o in outcomes]
        assert results[0] is True and results[2] is True and results[5] is True
        assert results[4] is False
        assert results[3] == "KeyError" and results[1] not in (True, False)
        stored = {r["id"] for r in store._fetch("SELECT id FROM documents")}
        assert stored == {"kept", "first", "second", "third"}
        assert store.document("kept")["text"] == TEXT  # the old text, its rows all there
        assert store.count_events() == 4 * 3
        assert not store._fetch("SELECT 1 AS x FROM sentences WHERE doc_id = 'broken-row'")
        assert not store._fetch("SELECT 1 AS x FROM passages WHERE doc_id = 'broken-row'")
        partition(store)  # every event in exactly one cluster, no cluster without events
        # The store goes on: the failed document, mended, is stored in a later batch.
        assert store.ingest_many([make_doc("broken-row")]) == (1, 0)


def test_batched_rows_equal_those_of_one_document_transactions(location, tmp_path):
    docs = [
        make_doc("a"),
        make_doc("b", help="aid"),
        make_doc("a"),  # unchanged
        make_doc("c", help="support"),
        make_doc("b", help="aid", tail=" Later."),  # replaced, in the same batch
        make_doc("d", help="assistance"),
    ]
    other = str(tmp_path / "one-by-one.db") if location.endswith(".db") else None
    if other is None:
        other = pg_cluster.new_database()
    with open_store(location) as batched, open_store(other) as single:
        assert [single.ingest(d) for d in docs] == [True, True, False, True, True, True]
        assert [o for _, o in batched.ingest_batches(docs, size=4, seconds=60)] == [
            True,
            True,
            False,
            True,
            True,
            True,
        ]
        assert rows(batched) == rows(single)


def test_ingest_many_raises_a_failed_document_after_storing_the_others(location):
    with open_store(location) as store:
        with pytest.raises(KeyError):
            store.ingest_many([make_doc("a"), with_unknown_type(make_doc("b")), make_doc("c")], size=3)
        assert {r["id"] for r in store._fetch("SELECT id FROM documents")} == {"a", "c"}


def test_concurrent_batched_ingests_leave_no_duplicate_or_orphan_cluster(location):
    docs = one_meeting_reported(12)
    errors, outcomes = [], []

    def ingest(batch):
        try:
            with open_store(location) as s:
                outcomes.extend(o for _, o in s.ingest_batches(batch, size=2, seconds=60))
        except Exception as exc:  # noqa: BLE001 (a thread's exception is otherwise lost)
            errors.append(exc)

    with open_store(location):
        pass  # (created and migrated once, before the writers start)
    # Three writers, each document given to two of them: one stores it, the other finds it.
    plans = [docs[0:8], docs[4:12], docs[8:12] + docs[0:4]]
    threads = [threading.Thread(target=ingest, args=(plan,)) for plan in plans]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(outcomes) == [False] * 12 + [True] * 12
    with open_store(location) as s:
        assert partition(s) == {event_ids(*docs)}
        assert s.events(doc="n0")[0]["cluster"]["articles"] == 12


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_batch_ends_at_its_size_or_once_its_seconds_have_passed():
    assert list(timed_batches(range(7), 3, 60)) == [[0, 1, 2], [3, 4, 5], [6]]
    clock = Clock()

    def slow(n):
        for i in range(n):
            yield i
            clock.now += 1.0  # one second between items

    assert list(timed_batches(slow(7), 10, 2.5, clock)) == [[0, 1, 2, 3], [4, 5, 6]]
    assert list(timed_batches([], 3, 1)) == []


def test_batch_settings_are_checked():
    settings = Settings.load()
    assert settings.store_batch() == (32, 2.0)
    with pytest.raises(UsageError, match=r"\[store\] batch_documents"):
        settings.with_value("store", "batch_documents", 0).store_batch()
    with pytest.raises(UsageError, match=r"\[store\] batch_seconds"):
        settings.with_value("store", "batch_seconds", "soon").store_batch()
