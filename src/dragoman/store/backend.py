"""What every part of the store stands on: the primitives a backend implements, nested
transactions, closing, and applying the schema migrations.

A backend (sqlite.py, postgres.py) sets `dialect` (dialect.py holds the SQL that differs
between engines), opens `_conn` and `_lock`, and implements _fetch, _fetch_tuples,
_execute, _executemany and _outer_transaction, plus _term_counts_of and, where the
full-text index is kept by hand (SQLite), _index_text and _unindex_text. The store's
SQL uses `?` placeholders and the SQL both engines understand.
"""
from __future__ import annotations

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
    _depth = 0    # how deep in nested _transaction calls the connection is

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

    def _index_text(self, doc_id: str) -> None:
        """Add a document's event sentences to the full-text index (if done by hand)."""

    def _unindex_text(self, doc_id: str) -> None:
        """Remove them, before the events are deleted."""

    def _term_counts_of(self, doc_id: str) -> list[tuple]:
        """The document's dated events counted per full-text term, as the full-text index
        splits their sentences: [(term, date, event, quad, n)]."""
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
            self._depth = 1
            try:
                with self._outer_transaction():
                    yield
            finally:
                self._depth = 0

    def close(self) -> None:
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
            if self._fetch("SELECT 1 AS x FROM schema_migrations WHERE version = ?",
                           [migration.version]):
                return
            for statement in migration.sql(self.dialect):
                self._execute(statement)
            self._execute("INSERT INTO schema_migrations (version, name, applied_at) "
                          "VALUES (?, ?, ?)", [migration.version, migration.name, now()])

    def _check_not_newer(self) -> None:
        newest = self._fetch("SELECT MAX(version) AS v FROM schema_migrations")[0]["v"]
        if newest and newest > LATEST:
            raise StoreError(f"this store has schema version {newest}, newer than this "
                             f"dragoman knows ({LATEST}); upgrade dragoman to open it")

    def migrations(self) -> list[dict]:
        return self._fetch("SELECT version, name, applied_at FROM schema_migrations "
                           "ORDER BY version")


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """The distinct ids, sorted, ID_CHUNK at a time."""
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), ID_CHUNK):
        yield ordered[i:i + ID_CHUNK]


def marks(values) -> str:
    """`?, ?, ?`: one placeholder per value."""
    return ", ".join("?" for _ in values)
