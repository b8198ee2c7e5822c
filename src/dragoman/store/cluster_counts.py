"""Clusters counted per day and type, as timelines with count=clusters read them.

Each cluster counts once, at the date, type and quad of its representative report (the
record /api/clusters shows for it): in cluster_counts; and once per actor id and per country
any of its reports is linked to, in cluster_actor_counts and cluster_country_counts (so
that a timeline of one actor's or one country's happenings reads a few rows per day, as
the event count tables serve event timelines: migration 11). store/clusters.py reads
what the clusters a change touches count before it changes them (their members or their
representative) and again after, and writes only the difference: a new report that joins a
cluster mostly leaves its rows as they were, and each row written costs an update of the
table and of its four indexes (by quad, by type, per week, per month).
"""

from __future__ import annotations

from collections import Counter

from .backend import chunks, marks

# Each table with the event_actors column that keys it besides (date, event).
TABLES = {"cluster_counts": None, "cluster_actor_counts": "actor_id", "cluster_country_counts": "country"}


def counted(store, cluster_ids) -> dict[str, Counter]:
    """What these clusters count in each table, as they stand: {table: {(*key, date,
    event, quad): clusters}}."""
    ids = sorted(set(cluster_ids))
    out = {}
    for table, column in TABLES.items():
        counts = out[table] = Counter()
        for chunk in chunks(ids):
            for row in store._fetch_tuples(_counted(column, len(chunk)), chunk):
                counts[tuple(row[:-1])] += row[-1]
    return out


def change(store, before: dict[str, Counter], after: dict[str, Counter]) -> None:
    """Count `after` (counted()) instead of `before` in the tables: only the rows whose
    count differs are written."""
    for table, column in TABLES.items():
        old, new = before.get(table, Counter()), after.get(table, Counter())
        delta = {key: new[key] - old[key] for key in old.keys() | new.keys() if new[key] != old[key]}
        if delta:
            _write(store, table, column, delta)


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


def _write(store, table: str, column: str | None, delta: dict) -> None:
    keys = ([column] if column else []) + ["date", "event"]
    store._executemany(
        f"INSERT INTO {table} ({', '.join(keys)}, quad, n) VALUES ({marks(range(len(keys) + 2))}) "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET n = {table}.n + excluded.n",
        [(*key, n) for key, n in sorted(delta.items())],
    )
    fewer = sorted(key[: len(keys)] for key, n in delta.items() if n < 0)
    if fewer:
        match = " AND ".join(f"{k} = ?" for k in keys)
        store._executemany(f"DELETE FROM {table} WHERE {match} AND n <= 0", fewer)
