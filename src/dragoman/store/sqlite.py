"""The embedded backend: one SQLite file, WAL mode, FTS5 full-text search."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import QueryTimeout, StoreError, StoreFault
from .backend import chunks, marks, timed_out
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
# A server's read connections (serve_reads): reads only, and a smaller page cache each.
READER_PRAGMAS = ("PRAGMA query_only = ON", "PRAGMA cache_size = -16384")
# How often (in SQLite virtual machine steps) a read checks its time limit: every ~50 ms of
# a full-text search (FTS5 reads its index through statements of its own, which count).
# Each check takes the GIL: every 1,000 steps, 20 busy server threads waited on it.
PROGRESS_STEPS = 10_000


class SQLiteStore(Store):
    dialect = SQLITE

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.RLock()  # the write connection, shared by a server's threads
        self._conn = None
        try:
            self._conn = self._connect()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise explain(self.path, exc) from exc
        except BaseException:
            self.close()
            raise

    def _connect(self, pragmas=PRAGMAS, factory=sqlite3.Connection) -> sqlite3.Connection:
        if self.path != ":memory:" and not Path(self.path).parent.is_dir():
            raise StoreError(
                f"cannot create the store {self.path}: the folder "
                f"{Path(self.path).parent} does not exist; create it first"
            )
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, factory=factory)
        conn.row_factory = sqlite3.Row
        for pragma in pragmas:
            conn.execute(pragma)
        return conn

    # ---- primitives --------------------------------------------------------------------
    def _fetch(self, sql: str, params: Iterable = ()) -> list[dict]:
        return [dict(r) for r in self._read(sql, params, sqlite3.Row)]

    def _fetch_tuples(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self._read(sql, params, None)

    def _read(self, sql: str, params: Iterable, row_factory) -> list:
        with self._reading() as reader:
            if reader is not None:  # a server's: a connection of its own, a time limit
                reader.deadline = time.monotonic() + (self.read_timeout or float("inf"))
                with self._errors(reading=True):
                    return _rows(reader, sql, params, row_factory)
        with self._lock, self._errors():
            return _rows(self._cursor(), sql, params, row_factory)

    def _execute(self, sql: str, params: Iterable = ()) -> None:
        with self._lock, self._errors():
            self._cursor().execute(sql, tuple(params))

    def _executemany(self, sql: str, rows: list) -> None:
        with self._lock, self._errors():
            self._cursor().executemany(sql, rows)

    @contextmanager
    def _errors(self, reading: bool = False) -> Iterator[None]:
        """SQLite's errors of the machine (disk full, locked, read-only, a read stopped at
        its time limit) as StoreErrors that say what to do; bugs (a wrong statement, a
        constraint broken) stay as they are."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if type(exc) not in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise
            if reading and "interrupted" in str(exc):
                raise QueryTimeout(timed_out(self.read_timeout)) from exc
            raise explain(self.path, exc) from exc

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers queue (busy_timeout)
        # instead of failing when a reader would upgrade.
        conn = self._cursor()
        with self._errors():
            conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            with self._errors():
                conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            self._has_split = self._has_scratch = False  # (made in it, then gone)
            raise

    def _roll_back_savepoint(self) -> None:
        super()._roll_back_savepoint()
        # The temp tables the rolled-back writes may have made are gone with them.
        self._has_split = self._has_scratch = False

    def serve_reads(self, timeout: float | None = None) -> None:
        if self.path != ":memory:":  # (another connection would open another database)
            super().serve_reads(timeout)

    def _open_reader(self) -> ReadConnection:
        try:
            conn = self._connect(PRAGMAS + READER_PRAGMAS, ReadConnection)
        except sqlite3.DatabaseError as exc:
            raise explain(self.path, exc) from exc
        conn.set_progress_handler(conn.past_deadline, PROGRESS_STEPS)
        return conn

    # ---- full-text index (external content: kept in step with events by hand) ----------
    # (The index's content view reads each event's countries from its links: they are
    # written before the text is indexed, and deleted after it is taken out.)
    def _index_text(self, doc_id: str) -> None:
        self._execute(
            "INSERT INTO events_fts (rowid, text, countries) "
            "SELECT seq, text, countries FROM events_fts_content WHERE doc_id = ?",
            [doc_id],
        )

    def _unindex_text(self, doc_id: str) -> None:
        self._execute(
            "INSERT INTO events_fts (events_fts, rowid, text, countries) "
            "SELECT 'delete', seq, text, countries FROM events_fts_content "
            "WHERE doc_id = ?",
            [doc_id],
        )

    def _term_counts_of(self, doc_id: str) -> list[tuple]:
        # The sentences go through a scratch FTS5 index with the same tokenizer, whose
        # terms fts5vocab reads back: the very terms events_fts holds for them.
        self._scratch_index()
        self._execute(
            "INSERT INTO temp.term_scratch (rowid, text) SELECT seq, text "
            "FROM events WHERE doc_id = ? AND date IS NOT NULL",
            [doc_id],
        )
        try:
            return self._fetch_tuples(
                "SELECT v.term, e.date, e.event, e.quad, COUNT(DISTINCT e.seq) "
                "FROM temp.term_scratch_terms v CROSS JOIN events e WHERE e.seq = v.doc "
                "GROUP BY v.term, e.date, e.event, e.quad"
            )
        finally:
            self._execute("DELETE FROM temp.term_scratch")

    def _event_terms(self, seqs: list[int]) -> list[tuple]:
        # Through a contentless scratch FTS5 index with the same tokenizer (emptied at once
        # by 'delete-all': it keeps no text to read back), whose terms fts5vocab reads.
        self._split_index()
        for chunk in chunks(seqs):
            self._execute(
                f"INSERT INTO temp.term_split (rowid, text) SELECT seq, text FROM events WHERE seq IN ({marks(chunk)})",
                chunk,
            )
        try:
            return self._fetch_tuples("SELECT DISTINCT doc, term FROM temp.term_split_terms")
        finally:
            self._execute("INSERT INTO temp.term_split (term_split) VALUES ('delete-all')")

    def _split_index(self) -> None:
        if self._has_split:
            return
        self._execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_split USING "
            f"fts5(text, content='', tokenize='{FTS_TOKENIZE}')"
        )
        self._execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_split_terms USING fts5vocab(temp, term_split, instance)"
        )
        self._has_split = True

    _has_split = False

    def _scratch_index(self) -> None:
        if self._has_scratch:
            return
        self._execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_scratch USING "
            f"fts5(text, tokenize='{FTS_TOKENIZE}')"
        )
        self._execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.term_scratch_terms USING "
            "fts5vocab(temp, term_scratch, instance)"
        )
        self._has_scratch = True

    _has_scratch = False  # (created in the first write transaction that needs it)

    def optimize(self) -> None:
        """Merge full-text index segments and refresh planner statistics (after big loads)."""
        self._execute("INSERT INTO events_fts (events_fts) VALUES ('optimize')")
        self._execute("PRAGMA optimize")


class ReadConnection(sqlite3.Connection):
    """A server's read connection: its statement stops (SQLite's "interrupted") once the
    time passes its deadline, set before each statement."""

    deadline = float("inf")

    def past_deadline(self) -> bool:
        return time.monotonic() > self.deadline


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable, row_factory) -> list:
    cursor = conn.cursor()
    cursor.row_factory = row_factory
    return cursor.execute(sql, tuple(params)).fetchall()


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite has rolled back by itself after some errors (a full disk): a ROLLBACK then
    # fails, and must not hide the error that is being raised.
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


# Stored before the error: the next run skips the documents already stored.
_KEPT = "the documents stored before are kept, and running the command again skips them"


def explain(path: str, exc: sqlite3.DatabaseError) -> StoreError:
    """Turn SQLite's terse errors into a message that says what to do."""
    message = str(exc).lower()
    if "not a database" in message or "malformed" in message:
        return StoreError(
            f"{path} is not a dragoman store (not an SQLite database, or "
            "damaged); give another path (--db) or move that file away"
        )
    if "full" in message:  # "database or disk is full"
        return StoreFault(
            f"the disk holding the store {path} is full ({exc}): free some "
            f"space there, or give a store on another disk (--db); {_KEPT}"
        )
    if "disk i/o error" in message:
        return StoreFault(
            f"could not read or write the store {path} ({exc}): check the disk "
            f"(free space, a removed or failing drive) and run again; {_KEPT}"
        )
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return StoreFault(
            f"cannot write the store {path} ({exc}): the file or its folder is "
            "not writable for this user, or the disk is read-only; fix the "
            "permissions, or give a writable path (--db)"
        )
    if "locked" in message or "busy" in message:
        return StoreFault(
            f"the store {path} is locked by another process ({exc}): wait "
            "for it to finish, or stop it, and run the command again"
        )
    return StoreError(f"store {path}: {exc}")
