"""Reading event clusters: what each record says of its cluster, lists of clusters,
and one cluster with each of its reports side by side and why they were linked.

    attach(store, records)          adds "cluster" to event records (the record contract)
    list_clusters(store, filter)    clusters matching an EventFilter, with counts
    cluster_detail(store, id)       one cluster: its reports, their articles, the reasons
"""

from __future__ import annotations

import json

from .cluster_tags import tag_clause
from .query import EventFilter, QueryError

_CHUNK = 500
_FEW = 5000  # matching events under which a listing starts from them, not from the clusters
CLUSTER_FIELDS = ("id", "articles", "sources", "mentions", "first_reported", "last_reported")
# Each the order of an index of clusters (migration 9), walked forwards or backwards.
CLUSTER_ORDERS = {
    "-articles": "c.articles DESC, c.mentions DESC, c.id DESC",
    "articles": "c.articles, c.mentions, c.id",
    "-date": "c.date DESC, c.id DESC",
    "date": "c.date, c.id",
    "-reported": "c.last_reported DESC, c.id DESC",
}


def attach(store, records: list[dict]) -> list[dict]:
    """Each record with its "cluster": {id, articles, sources, mentions, first_reported,
    last_reported} (None for an event no cluster holds, which the store never leaves)."""
    ids = [r["id"] for r in records]
    found = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        for row in store._fetch(
            "SELECT m.event_id, c.id, c.articles, c.sources, c.mentions, c.first_reported, "
            "c.last_reported FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id "
            f"WHERE m.event_id IN ({', '.join('?' for _ in chunk)})",
            chunk,
        ):
            found[row["event_id"]] = {f: row[f] for f in CLUSTER_FIELDS}
    for r in records:
        r["cluster"] = found.get(r["id"])
    return records


def list_clusters(
    store, flt: EventFilter, limit: int = 100, offset: int = 0, order: str = "-articles"
) -> list[dict]:
    """Clusters with at least one report matching every filter given (as for events),
    most reported first: each with its counts and its representative record."""
    if order not in CLUSTER_ORDERS:
        raise QueryError(f"unknown order {order!r}; use one of {', '.join(CLUSTER_ORDERS)}")
    for name, value in (("limit", limit), ("offset", offset)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise QueryError(f"{name} must be a whole number >= 0, not {value!r}")
    filters = flt.given()
    if filters:
        store._planned(flt)
        if store.count_events(**filters, cap=_FEW) < _FEW:
            # Few matching events: their clusters, then sorted.
            where, params = flt.where(store.dialect)
            matching = (
                # (from the matching events to their clusters: CROSS JOIN fixes that order
                # in SQLite, which else walked every member and probed its event)
                "c.id IN (SELECT m.cluster_id FROM events e CROSS JOIN cluster_members m "
                f"WHERE m.event_id = e.id{where.replace(' WHERE ', ' AND ', 1)})"
            )
        else:
            # Many: the clusters in the listing's order, each probed for one matching event
            # (its members first: CROSS JOIN fixes that order in SQLite), until the page
            # is full; those whose tags (cluster_tags.py) lack a filter's are skipped
            # unprobed, and a search looks each event up in the full-text index (reading
            # every match of a common word to find its cluster took 3-4 s at 1M events;
            # the IN form, correlated, ran the full-text query again for each cluster).
            where, params = flt.where(store.dialect, probed=True)
            tagged, tag_params = tag_clause(flt)
            matching = (f"{tagged} AND " if tagged else "") + (
                "EXISTS (SELECT 1 FROM cluster_members m CROSS JOIN events e "
                f"WHERE m.cluster_id = c.id AND e.id = m.event_id{where.replace(' WHERE ', ' AND ', 1)})"
            )
            params = tag_params + params
        rows = store._fetch(
            f"SELECT c.* FROM clusters c WHERE {matching} ORDER BY {CLUSTER_ORDERS[order]} LIMIT ? OFFSET ?",
            params + [limit, offset],
        )
    else:
        rows = store._fetch(
            f"SELECT c.* FROM clusters c ORDER BY {CLUSTER_ORDERS[order]} LIMIT ? OFFSET ?", [limit, offset]
        )
    return _with_representatives(store, rows)


def _with_representatives(store, rows: list[dict]) -> list[dict]:
    ids = [r["representative"] for r in rows]
    records = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        records.update(
            (r["id"], json.loads(r["record"]))
            for r in store._fetch(
                f"SELECT id, record FROM events WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
        )
    return [
        {
            "id": r["id"],
            "event": r["event"],
            "date": r["date"],
            "articles": r["articles"],
            "sources": r["sources"],
            "mentions": r["mentions"],
            "first_reported": r["first_reported"],
            "last_reported": r["last_reported"],
            "representative": records.get(r["representative"]),
        }
        for r in rows
    ]


def cluster_detail(store, cluster_id: str) -> dict | None:
    """A cluster with every report of it: the record, its article (source, date, title,
    url) and what it was linked to and why; earliest article first."""
    found = store._fetch("SELECT * FROM clusters WHERE id = ?", [cluster_id])
    if not found:
        return None
    cluster = _with_representatives(store, found)[0]
    members = store._fetch(
        "SELECT e.record, m.linked_to, m.why, d.reported, d.origin, doc.title, doc.url, "
        "doc.source FROM cluster_members m JOIN events e ON e.id = m.event_id "
        "JOIN cluster_docs d ON d.doc_id = m.doc_id JOIN documents doc ON doc.id = m.doc_id "
        "WHERE m.cluster_id = ? ORDER BY d.reported, m.doc_id, e.seq",
        [cluster_id],
    )
    cluster["reports"] = [
        {
            "record": json.loads(m["record"]),
            "linked_to": m["linked_to"],
            "why": json.loads(m["why"]) if m["why"] else [],
            "article": {
                "reported": m["reported"],
                "source": m["source"],
                "counted_as": m["origin"],
                "title": m["title"],
                "url": m["url"],
            },
        }
        for m in members
    ]
    return cluster
