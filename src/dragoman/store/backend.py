"""What every part of the store stands on: the primitives a backend implements, nested
transactions, closing, and applying the schema migrations.

A backend (sqlite.py, postgres.py) sets `dialect` (dialect.py holds the SQL that differs
between engines), opens `_conn` and `_lock`, and implements _fetch, _fetch_tuples,
_execute, _executemany, _outer_transaction and _open_reader, plus _term_counts_of, _event_terms and,
where the full-text index is kept by hand (SQLite), _index_text and _unindex_text. The
store's SQL uses `?` placeholders and the SQL both engines understand.

A server calls serve_reads(): each of its threads then reads on a connection of its own,
with a time limit per statement, so one slow search holds up no other reader.
"""

from __future__ import annotations

import importlib

import threading
from contextlib import contextmanager
from typing import Iterable, Iterator

from ..errors import StoreError
from .dialect import Dialect
from .migrations import LATEST, MIGRATIONS, SCHEMA_MIGRATIONS
from .rows import now

ID_CHUNK = 500  # ids per `IN (...)`: far below SQLite's bound-parameter limit


class Backend:
    dialect: Dialect
    _conn = None  # the backend's open connection, None once closed
    _depth = 0  # how deep in nested _transaction calls the connection is
    _writer: int | None = None  # the thread inside the open write transaction
    _serving = False  # reads on connections of their own (serve_reads)
    _read_connections: list | tuple = ()
    read_timeout: float | None = None  # seconds a read statement may run (serve_reads)

    # ---- primitives a backend implements -------------------------------------------
    def _fetch(self, sql: str, params: Iterable = ()) -> list[dict]:
        raise NotImplementedError

    def _execute(self, sql: str, params: Iterable = ()) -> None:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list) -> None:
        raise NotImplementedError

    def _fetch_tuples(self, sql: str, params: Iterable = ()) -> list[tuple]:
        """As _fetch, rows as plain tuples: for results of tens of thousands of rows."""
        raise NotImplementedError

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        """Begin, and commit or roll back, one real transaction (the backend's dialect)."""
        raise NotImplementedError
        yield

    def _open_reader(self):
        """A new connection for one thread's reads, its statements stopped after
        `read_timeout` seconds (QueryTimeout)."""
        raise NotImplementedError

    def _index_text(self, doc_id: str) -> None:
        """Add a document's event sentences to the full-text index (if done by hand)."""

    def _unindex_text(self, doc_id: str) -> None:
        """Remove them, before the events are deleted."""

    def _term_counts_of(self, doc_id: str) -> list[tuple]:
        """The document's dated events counted per full-text term, as the full-text index
        splits their sentences: [(term, date, event, quad, n)]."""
        raise NotImplementedError

    def _event_terms(self, seqs: list[int]) -> list[tuple]:
        """The full-text terms of these events' sentences, as the full-text index splits
        them: [(seq, term)], each pair once."""
        raise NotImplementedError

    # ---- transactions and the connection ---------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction at a time per connection; nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._depth, self._writer = 1, threading.get_ident()
            try:
                with self._outer_transaction():
                    yield
            finally:
                self._depth, self._writer = 0, None

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """Inside the open transaction: what the block writes is undone alone if it
        raises (one document of a batch), the transaction going on."""
        self._execute("SAVEPOINT one_document")
        try:
            yield
            self._settle()
        except BaseException as exc:
            try:
                self._roll_back_savepoint()
            except Exception:
                if not isinstance(exc, StoreError):
                    raise  # (then the document cannot be undone alone: the batch stops)
            raise
        self._execute("RELEASE SAVEPOINT one_document")

    def _settle(self) -> None:
        """Raise now any error of the statements sent so far (PostgreSQL's pipeline)."""

    def _roll_back_savepoint(self) -> None:
        self._execute("ROLLBACK TO SAVEPOINT one_document")
        self._execute("RELEASE SAVEPOINT one_document")

    # ---- reads on their own connections (a server) ---------------------------------------
    def serve_reads(self, timeout: float | None = None) -> None:
        """From now on, read on connections of their own, one per concurrent read, each
        statement stopped after `timeout` seconds with a QueryTimeout: for a server, where
        a slow search must neither block the other requests (they shared one connection)
        nor run forever. Writes keep the store's one connection, and read what they write
        on it."""
        self.read_timeout = timeout
        self._read_connections = []  # every read connection opened (closed with the store)
        self._idle_readers = []  # those no read is using
        self._serving = True

    @contextmanager
    def _reading(self) -> Iterator:
        """A read connection for one statement, taken from the idle ones or opened; None
        when reads share the write connection (no serve_reads, or this thread is inside
        a write transaction)."""
        if not self._serving or self._writer == threading.get_ident():
            yield None
            return
        try:
            reader = self._idle_readers.pop()
        except IndexError:
            self._cursor()  # (raises if the store is closed)
            reader = self._open_reader()
            self._read_connections.append(reader)
        try:
            yield reader
        finally:
            if self._serving:
                self._idle_readers.append(reader)

    def close(self) -> None:
        self._serving = False
        for conn in self._read_connections:
            conn.close()
        self._read_connections = []
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _cursor(self):
        if self._conn is None:
            raise StoreError("the store is closed; open it again with open_store()")
        return self._conn

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- migrations --------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._transaction():
            self._execute(self.dialect.render(SCHEMA_MIGRATIONS))
        for migration in MIGRATIONS:
            self._apply(migration)
        self._check_not_newer()

    def _apply(self, migration) -> None:
        with self._transaction():
            # Checked inside the write transaction: two processes opening a new store
            # at the same moment apply each migration once.
            if self._fetch("SELECT 1 AS x FROM schema_migrations WHERE version = ?", [migration.version]):
                return
            for statement in migration.sql(self.dialect):
                self._execute(statement)
            if migration.then:
                # (a step in Python, whose module imports this one)
                module, function = migration.then.rsplit(".", 1)
                getattr(importlib.import_module(f"{__package__}.{module}"), function)(self)
            self._execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [migration.version, migration.name, now()],
            )

    def _check_not_newer(self) -> None:
        newest = self._fetch("SELECT MAX(version) AS v FROM schema_migrations")[0]["v"]
        if newest and newest > LATEST:
            raise StoreError(
                f"this store has schema version {newest}, newer than this "
                f"dragoman knows ({LATEST}); upgrade dragoman to open it"
            )

    def migrations(self) -> list[dict]:
        return self._fetch("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")


def timed_out(seconds: float | None) -> str:
    """The message of a read stopped at its time limit (QueryTimeout)."""
    return (
        f"the query ran longer than {seconds or 0:g} s and was stopped; narrow it (fewer "
        "words or prefixes* in q, a date range, a type or a country) and try again"
    )


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """The distinct ids, sorted, ID_CHUNK at a time."""
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), ID_CHUNK):
        yield ordered[i : i + ID_CHUNK]


def marks(values) -> str:
    """`?, ?, ?`: one placeholder per value."""
    return ", ".join("?" for _ in values)
