"""Clusters counted per day and type, as timelines with count=clusters read them.

Each cluster counts once, at the date, type and quad of its representative report (the
record /api/clusters shows for it): in cluster_counts; and once per actor id and per country
any of its reports is linked to, in cluster_actor_counts and cluster_country_counts (so
that a timeline of one actor's or one country's happenings reads a few rows per day, as
the event count tables serve event timelines: migration 11), and once per full-text term
any of its reports' sentences holds, in cluster_term_counts (migration 14, for a search).
cluster_reports gives each clustered event (by seq) its cluster and that cluster's date,
type and quad, for the searches no count table answers. store/clusters.py takes the
clusters a change touches out of these tables before it changes them (their members or
their representative) and puts them back after.
"""

from __future__ import annotations

from collections import Counter

from .backend import chunks, marks
from .cluster_schema import (
    CLUSTER_COUNTS,
    CLUSTER_REPORT_ROWS,
    CLUSTER_REPORTS_INSERT,
    CLUSTER_TERM_COUNTS_FILL,
)

# Each table with the event_actors column that keys it besides (date, event).
TABLES = {"cluster_counts": None, "cluster_actor_counts": "actor_id", "cluster_country_counts": "country"}


def change(store, cluster_ids, sign: int) -> None:
    """Add (sign +1) or take away (-1) these clusters in the count tables."""
    ids = sorted(set(cluster_ids))
    if sign > 0:
        _put_reports(store, ids)
    for table, column in TABLES.items():
        counts = Counter()
        for chunk in chunks(ids):
            for row in store._fetch_tuples(_counted(column, len(chunk)), chunk):
                counts[tuple(row[:-1])] += sign * row[-1]
        if counts:
            _write(store, table, column, counts, sign)
    _count_terms(store, ids, sign)
    if sign < 0:
        for chunk in chunks(ids):
            store._execute(f"DELETE FROM cluster_reports WHERE cluster_id IN ({marks(chunk)})", chunk)


def _count_terms(store, ids: list[str], sign: int) -> None:
    """cluster_term_counts, for these clusters (as cluster_reports holds them). The rows
    taken away (-1) are held until the clusters are put back (+1, in the same
    transaction), which writes only the difference: a cluster that gains a report keeps
    most of its terms, and writing all of them twice cost ~30 ms per article at 1M events."""
    terms = Counter()
    for chunk in chunks(ids):
        for row in store._cluster_term_counts_of(chunk):
            terms[tuple(row[:-1])] += row[-1]
    if sign < 0:
        store._cluster_terms_before = terms
        return
    before, store._cluster_terms_before = getattr(store, "_cluster_terms_before", None) or Counter(), None
    terms.subtract(before)
    delta = Counter({key: n for key, n in terms.items() if n})
    if delta:
        _write(store, "cluster_term_counts", "term", delta, -1 if min(delta.values()) < 0 else +1)


def _put_reports(store, ids: list[str]) -> None:
    """The cluster_reports rows of these clusters, as they stand."""
    columns = ("cluster_id", "date", "event", "quad")
    for chunk in chunks(ids):
        store._execute(
            f"INSERT INTO cluster_reports (seq, {', '.join(columns)}) {CLUSTER_REPORT_ROWS} "
            f"WHERE c.id IN ({marks(chunk)}) ON CONFLICT (seq) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in columns),
            chunk,
        )


def _counted(column: str | None, n: int) -> str:
    """The rows (*key, date, event, quad, clusters) of n clusters, as they stand."""
    head = "SELECT e.date, e.event, e.quad, COUNT(*) FROM clusters c JOIN events e ON e.id = c.representative"
    where = f" WHERE e.date IS NOT NULL AND c.id IN ({marks(range(n))})"
    if column is None:
        return f"{head}{where} GROUP BY e.date, e.event, e.quad"
    return (
        f"SELECT l.{column}, e.date, e.event, e.quad, COUNT(DISTINCT c.id) FROM clusters c "
        "JOIN events e ON e.id = c.representative JOIN cluster_members m ON m.cluster_id = c.id "
        f"JOIN event_actors l ON l.event_id = m.event_id{where} AND l.{column} IS NOT NULL "
        f"GROUP BY l.{column}, e.date, e.event, e.quad"
    )


def _write(store, table: str, column: str | None, counts: Counter, sign: int) -> None:
    keys = ([column] if column else []) + ["date", "event"]
    store._executemany(
        f"INSERT INTO {table} ({', '.join(keys)}, quad, n) VALUES ({marks(range(len(keys) + 2))}) "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET n = {table}.n + excluded.n",
        [(*key, n) for key, n in sorted(counts.items())],
    )
    if sign < 0:
        match = " AND ".join(f"{k} = ?" for k in keys)
        store._executemany(
            f"DELETE FROM {table} WHERE {match} AND n <= 0", [key[: len(keys)] for key in sorted(counts)]
        )


def refill(store) -> None:
    """Count every cluster again, from scratch (after a bulk load that wrote clusters
    directly, as benchmarks/synthetic.py does)."""
    for table in (*TABLES, "cluster_term_counts", "cluster_reports"):
        store._execute(f"DELETE FROM {table}")
    store._execute(CLUSTER_REPORTS_INSERT)
    for statement in CLUSTER_COUNTS:
        if statement.startswith("INSERT"):
            store._execute(store.dialect.render(statement))
    for statement in CLUSTER_TERM_COUNTS_FILL[store.dialect.name]:
        store._execute(statement)
