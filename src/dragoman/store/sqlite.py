"""The embedded backend: one SQLite file, WAL mode, FTS5 full-text search."""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import StoreError
from .base import Store
from .dialect import SQLITE
from .migrations import FTS_TOKENIZE

# Per connection. WAL lets the web page read while a batch writes; NORMAL sync is
# durable across application crashes (a power cut can lose the last transactions).
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA cache_size = -65536",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA mmap_size = 268435456",
)


class SQLiteStore(Store):
    dialect = SQLITE

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.RLock()  # one connection, shared by a server's threads
        self._conn = None
        try:
            self._conn = self._connect()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise explain(self.path, exc) from exc

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:" and not Path(self.path).parent.is_dir():
            raise StoreError(f"cannot create the store {self.path}: the folder "
                             f"{Path(self.path).parent} does not exist; create it first")
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            conn.execute(pragma)
        return conn

    # ---- primitives --------------------------------------------------------------------
    def _fetch(self, sql: str, params: Iterable = ()) -> list[dict]:
        with self._lock:
            return [dict(r) for r in self._cursor().execute(sql, tuple(params))]

    def _execute(self, sql: str, params: Iterable = ()) -> None:
        with self._lock:
            self._cursor().execute(sql, tuple(params))

    def _executemany(self, sql: str, rows: list) -> None:
        with self._lock:
            self._cursor().executemany(sql, rows)

    def _fetch_tuples(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._lock:
            cursor = self._cursor().cursor()
            cursor.row_factory = None
            return cursor.execute(sql, tuple(params)).fetchall()

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers queue (busy_timeout)
        # instead of failing when a reader would upgrade.
        conn = self._cursor()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # ---- full-text index (external content: kept in step with events by hand) ----------
    # (The index's content view reads each event's countries from its links: they are
    # written before the text is indexed, and deleted after it is taken out.)
    def _index_text(self, doc_id: str) -> None:
        self._execute("INSERT INTO events_fts (rowid, text, countries) "
                      "SELECT seq, text, countries FROM events_fts_content WHERE doc_id = ?",
                      [doc_id])

    def _unindex_text(self, doc_id: str) -> None:
        self._execute("INSERT INTO events_fts (events_fts, rowid, text, countries) "
                      "SELECT 'delete', seq, text, countries FROM events_fts_content "
                      "WHERE doc_id = ?", [doc_id])

    def _term_counts_of(self, doc_id: str) -> list[tuple]:
        # The sentences go through a scratch FTS5 index with the same tokenizer, whose
        # terms fts5vocab reads back: the very terms events_fts holds for them.
        self._scratch_index()
        self._execute("INSERT INTO temp.term_scratch (rowid, text) SELECT seq, text "
                      "FROM events WHERE doc_id = ? AND date IS NOT NULL", [doc_id])
        try:
            return self._fetch_tuples(
                "SELECT v.term, e.date, e.event, e.quad, COUNT(DISTINCT e.seq) "
                "FROM temp.term_scratch_terms v CROSS JOIN events e WHERE e.seq = v.doc "
                "GROUP BY v.term, e.date, e.event, e.quad")
        finally:
            self._execute("DELETE FROM temp.term_scratch")

    def _scratch_index(self) -> None:
        if self._has_scratch:
            return
        self._execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_scratch USING "
                      f"fts5(text, tokenize='{FTS_TOKENIZE}')")
        self._execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_scratch_terms USING "
                      "fts5vocab(temp, term_scratch, instance)")
        self._has_scratch = True

    _has_scratch = False  # (created in the first write transaction that needs it)

    def optimize(self) -> None:
        """Merge full-text index segments and refresh planner statistics (after big loads)."""
        self._execute("INSERT INTO events_fts (events_fts) VALUES ('optimize')")
        self._execute("PRAGMA optimize")


def explain(path: str, exc: sqlite3.DatabaseError) -> StoreError:
    """Turn SQLite's terse errors into a message that says what to do."""
    message = str(exc).lower()
    if "not a database" in message or "malformed" in message:
        return StoreError(f"{path} is not a dragoman store (not an SQLite database, or "
                          "damaged); give another path (--db) or move that file away")
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return StoreError(f"cannot write the store {path} ({exc}); check the file and "
                          "folder permissions or give a writable path (--db)")
    if "locked" in message or "busy" in message:
        return StoreError(f"the store {path} is locked by another process ({exc}); "
                          "wait for it to finish and try again")
    return StoreError(f"store {path}: {exc}")
