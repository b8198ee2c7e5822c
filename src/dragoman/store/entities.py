"""Each event's actors and recipients as rows (record_entities), for the actor network.

The network of the newest 1,000 matching events read each record's JSON lists of actors
and recipients and keyed every entity in SQL: at 1M events most of its 120-140 ms. Ingest
now writes one row per entity of a record's lists (rows.entity_rows: in order, repeats
kept, members not apart, the node key worked out in Python as summaries.network keys it),
keyed by the event's seq, so that the network reads a page's entities along that key
(network.py). Migration 15 fills it for a store made before.
"""

from __future__ import annotations

import json

from .rows import entity_rows

# (SQLite: WITHOUT ROWID, so that a page's entities lie together in the key's order; each
# event's are read in one step of that index, not through a rowid each.)
TABLE = """CREATE TABLE record_entities (
    seq {int} NOT NULL,
    role {int} NOT NULL,
    idx {int} NOT NULL,
    node {text} NOT NULL,
    actor_id {text},
    name {text},
    country {text},
    kind {text},
    PRIMARY KEY (seq, role, idx)
)"""
TABLE_SUFFIX = {"sqlite": " WITHOUT ROWID", "postgresql": ""}
_COLUMNS = "seq, role, idx, node, actor_id, name, country, kind"
_INSERT = f"INSERT INTO record_entities ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


def add(store, doc_id: str, records: list[dict]) -> None:
    """The entities of a document's events, just inserted (their seqs read back)."""
    seqs = dict(store._fetch_tuples("SELECT id, seq FROM events WHERE doc_id = ?", [doc_id]))
    rows = [row for r in records for row in entity_rows(seqs[r["id"]], r["actor"], r["recipient"])]
    if rows:
        store._executemany(_INSERT, rows)


def remove(store, doc_id: str) -> None:
    """The entities of a document's events, before the events are deleted."""
    store._execute(
        "DELETE FROM record_entities WHERE seq IN (SELECT seq FROM events WHERE doc_id = ?)", [doc_id]
    )


def fill(store, batch: int = 20_000) -> None:
    """Every stored event's entities, from its record (migration 15; after bulk loads into
    an empty table), `batch` events at a time in seq order."""
    lists = ", ".join(store.dialect.json_field("record", key) for key in ("actor", "recipient"))
    last = -1
    while True:
        found = store._fetch_tuples(
            f"SELECT seq, {lists} FROM events WHERE seq > ? ORDER BY seq LIMIT ?", [last, batch]
        )
        if not found:
            return
        rows = [
            row
            for seq, actor, recipient in found
            for row in entity_rows(seq, json.loads(actor), json.loads(recipient))
        ]
        if rows:
            store._executemany(_INSERT, rows)
        last = found[-1][0]
