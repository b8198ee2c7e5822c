"""The store: the library every entry point (CLI, API, scale-out) reads and writes through.

    from dragoman.store import open_store
    with open_store("dragoman.db") as store:
        store.ingest(doc)
        store.events(country="CHN", since="2021-06")

Backends share one interface (base.Store): SQLite, embedded, for a path or
"sqlite:///path"; PostgreSQL for "postgresql://..." URLs.
"""

from __future__ import annotations

import os

from ..errors import StoreError
from .base import Store
from .query import QueryError

__all__ = ["open_store", "Store", "StoreError", "QueryError"]

_POSTGRES_SCHEMES = ("postgresql", "postgres")


def open_store(location: str | os.PathLike) -> Store:
    """Open (creating and migrating if needed) the store at a path or URL.

    "dragoman.db" or "sqlite:///dragoman.db" (relative), "sqlite:////abs/path.db"
    (absolute, as in SQLAlchemy), "sqlite://" (in memory), "postgresql://..." .
    """
    location = os.fspath(location)
    scheme, sep, rest = location.partition("://")
    if not sep:
        return _sqlite(location)
    scheme = scheme.lower()
    if scheme == "sqlite":
        return _sqlite(rest[1:] if rest.startswith("/") else (rest or ":memory:"))
    if scheme in _POSTGRES_SCHEMES:
        return _postgres(location)
    raise StoreError(
        f"unknown store address {location!r}: use a file path, "
        "sqlite:///path or postgresql://user@host/dbname"
    )


def _sqlite(path: str) -> Store:
    from .sqlite import SQLiteStore

    if not path:
        raise StoreError("no store path given; pass a file path such as dragoman.db")
    return SQLiteStore(path)


def _postgres(url: str) -> Store:
    try:
        from .postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(
            f"PostgreSQL stores are not available in this installation ({exc}); use an SQLite path for now"
        ) from exc
    return PostgresStore(url)
