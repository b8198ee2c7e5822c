"""The server backend: PostgreSQL through psycopg 3, for many writers and readers.

Writers queue as they do on SQLite: every write transaction first takes one
transaction-scoped advisory lock, so ingests from several processes run one at a
time (each lasts milliseconds; the NLP before it is what takes time) and the
counts kept on actors and dates stay exact. Readers never wait (MVCC).
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator

import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row, tuple_row

from ..errors import QueryTimeout, StoreError, StoreFault
from .backend import chunks, marks, timed_out
from .base import Store
from .dialect import POSTGRES

# Any fixed 64-bit number will do; it only has to differ from other applications' keys.
WRITE_LOCK = 0x647261676F6D616E  # "dragoman" in ASCII
# psycopg raises these when the server or the network goes away.
_CONNECTION_ERRORS = (psycopg.OperationalError, psycopg.InterfaceError)
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")
# The server's disk, locks or permissions refused a statement (not a bug in it).
_FULL = (psycopg.errors.InsufficientResources, psycopg.errors.DiskFull, psycopg.errors.OutOfMemory)
_FAULTS = _FULL + (
    psycopg.errors.LockNotAvailable,
    psycopg.errors.InsufficientPrivilege,
    psycopg.errors.ReadOnlySqlTransaction,
    psycopg.errors.DeadlockDetected,
)


class PostgresStore(Store):
    dialect = POSTGRES

    def __init__(self, url: str):
        self.url = url
        self._lock = threading.RLock()  # one connection, shared by a server's threads
        self._conn = None
        try:
            self._conn = psycopg.connect(_libpq_url(url), autocommit=True, row_factory=dict_row)
            self._migrate()
        except psycopg.Error as exc:
            self.close()
            raise explain(url, exc) from exc

    # ---- primitives --------------------------------------------------------------------
    def _fetch(self, sql: str, params: Iterable = ()) -> list[dict]:
        with self._reading() as reader:
            if reader is not None:  # a server's: a connection of its own, a time limit
                with self._errors():
                    return reader.execute(placeholders(sql), tuple(params)).fetchall()
        with self._lock, self._errors():
            return self._cursor().execute(placeholders(sql), tuple(params)).fetchall()

    def _execute(self, sql: str, params: Iterable = ()) -> None:
        with self._lock, self._errors():
            self._cursor().execute(placeholders(sql), tuple(params))

    def _executemany(self, sql: str, rows: list) -> None:
        with self._lock, self._errors():
            self._cursor().cursor().executemany(placeholders(sql), rows)

    def _fetch_tuples(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._reading() as reader:
            if reader is not None:
                with self._errors():
                    cursor = reader.cursor(row_factory=tuple_row)
                    return cursor.execute(placeholders(sql), tuple(params)).fetchall()
        with self._lock, self._errors():
            cursor = self._cursor().cursor(row_factory=tuple_row)
            return cursor.execute(placeholders(sql), tuple(params)).fetchall()

    def _open_reader(self) -> psycopg.Connection:
        try:
            conn = psycopg.connect(_libpq_url(self.url), autocommit=True, row_factory=dict_row)
            conn.execute("SET default_transaction_read_only = on")
            if self.read_timeout:
                conn.execute(
                    "SELECT set_config('statement_timeout', %s, false)",
                    [f"{max(1, round(self.read_timeout * 1000))}"],
                )
        except psycopg.Error as exc:
            raise explain(self.url, exc) from exc
        return conn

    def _term_counts_of(self, doc_id: str) -> list[tuple]:
        # The lexemes of each event's own tsvector, the column its searches match.
        return self._fetch_tuples(
            "SELECT t.term, e.date, e.event, e.quad, COUNT(*) FROM events e "
            "CROSS JOIN LATERAL unnest(tsvector_to_array(e.text_tsv)) AS t(term) "
            "WHERE e.doc_id = ? AND e.date IS NOT NULL "
            "GROUP BY t.term, e.date, e.event, e.quad",
            [doc_id],
        )

    def _event_terms(self, seqs: list[int]) -> list[tuple]:
        return [
            row
            for chunk in chunks(seqs)
            for row in self._fetch_tuples(
                "SELECT e.seq, t.term FROM events e "
                "CROSS JOIN LATERAL unnest(tsvector_to_array(e.text_tsv)) AS t(term) "
                f"WHERE e.seq IN ({marks(chunk)})",
                chunk,
            )
        ]

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.errors.QueryCanceled as exc:  # statement_timeout (serve_reads)
            raise QueryTimeout(timed_out(self.read_timeout)) from exc
        except _FAULTS as exc:
            raise fault(self.url, exc) from exc
        except _CONNECTION_ERRORS as exc:
            raise explain(self.url, exc, opening=False) from exc

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        try:
            # Pipeline mode: the statements of a write go to the server together and
            # only reads wait for an answer (a few round trips per ingest, not dozens).
            with self._errors(), self._cursor().pipeline() as pipeline:
                self._pipeline = pipeline
                self._execute("BEGIN")
                self._execute("SELECT pg_advisory_xact_lock(?)", [_signed(WRITE_LOCK)])
                yield
                self._execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        finally:
            self._pipeline = None

    _pipeline = None  # the open write transaction's

    def _settle(self) -> None:
        # A statement's error reaches the client at the next sync: make it this
        # document's, not the next one's.
        with self._lock, self._errors():
            self._pipeline.sync()

    def _roll_back_savepoint(self) -> None:
        try:
            self._pipeline.sync()  # (the pipeline, aborted by the error, resumes)
        except psycopg.Error:
            pass  # (the error being raised)
        super()._roll_back_savepoint()

    def _rollback(self) -> None:
        try:
            if (
                self._conn is not None
                and not self._conn.closed
                and self._conn.info.transaction_status != TransactionStatus.IDLE
            ):
                self._conn.execute("ROLLBACK")
        except psycopg.Error:
            pass  # the connection is gone, and the server rolls back on its own


@lru_cache(maxsize=512)
def placeholders(sql: str) -> str:
    """The store's `?` placeholders as psycopg's `%s` (a literal % doubled first).

    The store's SQL never holds a `?` inside a string literal; LIKE patterns and
    every user value travel as parameters.
    """
    return sql.replace("%", "%%").replace("?", "%s")


def _signed(n: int) -> int:
    return n - (1 << 64) if n >= 1 << 63 else n


def _libpq_url(url: str) -> str:
    # libpq knows postgresql:// and postgres://; SQLAlchemy-style driver suffixes it does not.
    scheme, sep, rest = url.partition("://")
    return "postgresql://" + rest if scheme.lower().startswith("postgres") else url


def redact(url: str) -> str:
    """The URL without its password, fit for messages and logs."""
    return _PASSWORD.sub(r"\1***@", url)


def fault(url: str, exc: psycopg.Error) -> StoreFault:
    """The server's disk, locks or permissions, as a message that says what to do."""
    where = redact(url)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, _FULL):
        return StoreFault(
            f"PostgreSQL at {where} is out of room ({message}): free disk "
            "space (or memory) on the database server and run the command "
            "again; the documents stored before are kept, and a rerun skips them"
        )
    if isinstance(exc, (psycopg.errors.InsufficientPrivilege, psycopg.errors.ReadOnlySqlTransaction)):
        return StoreFault(
            f"PostgreSQL at {where} refused to write ({message}): give the "
            "user in the URL the privileges on this database (GRANT ...), or "
            "connect to a server that is not read-only (a primary)"
        )
    return StoreFault(
        f"PostgreSQL at {where} could not take a lock ({message}): another "
        "session holds it; wait for it to finish and run the command again"
    )


def explain(url: str, exc: psycopg.Error, opening: bool = True) -> StoreError:
    """Turn psycopg's errors into a message that says what to do."""
    where = redact(url)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if not opening:
        return StoreError(
            f"PostgreSQL at {where} failed: {message}; if the server went "
            "away, start it and run the command again (stored documents are kept)"
        )
    if isinstance(exc, psycopg.OperationalError):
        lower = message.lower()
        if "does not exist" in lower and "database" in lower:
            return StoreError(
                f"cannot open {where}: {message}; create it first "
                "(createdb NAME) or name an existing database"
            )
        if "password" in lower or "authentication" in lower:
            return StoreError(
                f"cannot open {where}: {message}; check the user and "
                "password in the URL (postgresql://user:password@host/dbname)"
            )
        return StoreError(
            f"cannot reach PostgreSQL at {where}: {message}; check that the "
            "server is running and the host and port in the URL"
        )
    if isinstance(exc, psycopg.InterfaceError):
        return StoreError(f"lost the connection to {where}: {message}; open the store again")
    return StoreError(f"store {where}: {message}")
