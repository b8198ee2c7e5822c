"""The store interface: one class composed of a part per responsibility.

    backend.py   the primitives a backend implements, transactions, migrations
    write.py     ingest, replace and delete documents (counts.py: the count tables;
                 clusters.py: the event clusters, linked at ingest)
    plan.py      what the store knows about a filter before it becomes SQL
    read.py      events, clusters, documents and actors (cluster_reads.py: the clusters)
    timeline.py  event counts per period

A backend (sqlite.py, postgres.py) subclasses Store and implements the primitives; the
filters become SQL in query.py, and dialect.py holds the SQL that differs by engine.
"""

from __future__ import annotations

from .read import Reader
from .timeline import Timelines
from .write import Writer


class Store(Writer, Reader, Timelines):
    """A dragoman store, on any backend (see open_store)."""
