"""Clusters counted per day and type, as timelines with count=clusters read them.

Each cluster counts once, at the date, type and quad of its representative report (the
record /api/clusters shows for it): in cluster_counts; and once per actor id and per country
any of its reports is linked to, in cluster_actor_counts and cluster_country_counts (so
that a timeline of one actor's or one country's happenings reads a few rows per day, as
the event count tables serve event timelines: migration 11), and once per full-text term
any of its reports' sentences holds, in cluster_term_counts (migration 14, for a search).
cluster_reports gives each clustered event (by seq) its cluster and that cluster's date,
type and quad, for the searches no count table answers.

store/clusters.py reads what the clusters a change touches count before it changes them
(their members or their representative: counted()) and, after, has change() write only the
difference: a new report that joins a cluster mostly leaves its rows as they were, and each
row written costs an update of the table and of its indexes.
"""

from __future__ import annotations

from collections import Counter

from .backend import chunks, marks
from .cluster_schema import (
    CLUSTER_COUNTS,
    CLUSTER_REPORTS_INSERT,
    CLUSTER_TERM_COUNTS_FILL,
)

# Each table with the column that keys it besides (date, event).
TABLES = {"cluster_counts": None, "cluster_actor_counts": "actor_id", "cluster_country_counts": "country"}
TERMS = "cluster_term_counts"


def counted(store, cluster_ids, split: dict | None = None, joining: str | None = None) -> dict:
    """What these clusters count in each table, as they stand: {table: {(*key, date,
    event, quad): clusters}}; under "ids" the clusters themselves, under "reports" their
    cluster_reports rows ({seq: (cluster, date, event, quad)}), and under "split" the full-text terms of their reports'
    sentences ({seq: terms}: `split`, filled with those not split yet), which change()
    reuses: a report that joins a cluster is the only one whose sentence it splits again.
    `joining`: the document whose reports are about to join them, split along (in one
    statement with these clusters' reports)."""
    ids = sorted(set(cluster_ids))
    split = {} if split is None else split
    members = _members(store, ids)
    reports = {seq: (cid, *c[0]) for cid, c in members.items() for seq in c[3]}
    dated = {cid: c for cid, c in members.items() if c[0][0] is not None}
    # (an undated cluster is counted nowhere)
    unsplit = {seq for c in dated.values() for seq in c[3]}
    if joining is not None:
        unsplit.update(
            seq for (seq,) in store._fetch_tuples("SELECT seq FROM events WHERE doc_id = ?", [joining])
        )
    _split(store, sorted(unsplit - split.keys()), split)
    out = {"ids": ids, "split": split, "reports": reports, **{table: Counter() for table in (*TABLES, TERMS)}}
    for key, actors, countries, seqs in dated.values():
        out["cluster_counts"][key] += 1
        for actor in actors:
            out["cluster_actor_counts"][(actor, *key)] += 1
        for country in countries:
            out["cluster_country_counts"][(country, *key)] += 1
        for term in set().union(*(split[seq] for seq in seqs)):
            out[TERMS][(term, *key)] += 1
    return out


def _members(store, ids: list[str]) -> dict[str, tuple]:
    """{cluster id: ((date, event, quad), actor ids, countries, seqs of its reports)}."""
    clusters: dict[str, tuple] = {}
    for chunk in chunks(ids):
        for cid, seq, date, event, quad, actor, country in store._fetch_tuples(
            _MEMBERS.format(marks(chunk)), chunk
        ):
            found = clusters.get(cid)
            if found is None:
                found = clusters[cid] = ((date, event, quad), set(), set(), set())
            found[3].add(seq)
            if actor is not None:
                found[1].add(actor)
            if country is not None:
                found[2].add(country)
    return clusters


def _split(store, seqs: list[int], split: dict) -> None:
    """The terms of these events' sentences into `split` ({seq: terms})."""
    if seqs:
        found: dict[int, set[str]] = {seq: set() for seq in seqs}
        for seq, term in store._event_terms(seqs):
            found[seq].add(term)
        split.update(found)


# Each member of the clusters (its seq, for the terms of its sentence) with its cluster's
# date, type and quad (its representative's: what the cluster counts at) and the actor
# ids and countries it is linked to: one row per link (or one with none).
_MEMBERS = (
    "SELECT m.cluster_id, e.seq, r.date, r.event, r.quad, l.actor_id, l.country FROM clusters c "
    "JOIN events r ON r.id = c.representative JOIN cluster_members m ON m.cluster_id = c.id "
    "JOIN events e ON e.id = m.event_id LEFT JOIN event_actors l ON l.event_id = m.event_id "
    "WHERE c.id IN ({})"
)


def change(store, before: dict, cluster_ids) -> None:
    """Count these clusters, as they stand now, instead of `before` (counted() before the
    change): only the rows whose count differs, and only the cluster_reports rows that
    differ (a report that joins a cluster of fifty leaves the fifty rows as they were)."""
    after = counted(store, cluster_ids, before.get("split"))
    _replace_reports(store, before.get("reports", {}), after["reports"])
    for table, column in {**TABLES, TERMS: "term"}.items():
        old, new = before.get(table, Counter()), after[table]
        delta = {key: new[key] - old[key] for key in old.keys() | new.keys() if new[key] != old[key]}
        if delta:
            _write(store, table, column, delta)


def _replace_reports(store, old: dict, new: dict) -> None:
    """The cluster_reports rows of the reports before a change that are gone out, those
    that are new or changed in."""
    gone = sorted((seq,) for seq in old.keys() - new.keys())
    if gone:
        store._executemany("DELETE FROM cluster_reports WHERE seq = ?", gone)
    changed = sorted((seq, *row) for seq, row in new.items() if old.get(seq) != row)
    columns = ("cluster_id", "date", "event", "quad")
    if changed:
        store._executemany(
            f"INSERT INTO cluster_reports (seq, {', '.join(columns)}) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (seq) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in columns),
            changed,
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
