"""The store's tables of event clusters (issue 13), as the migrations create them
(store/migrations.py): the clusters and their members, the articles and the blocking keys,
and the count tables of clusters per day and type."""

from __future__ import annotations

from .count_schema import count_table, term_count_table

# Event clusters (issue 13; kept by store/clusters.py): every event in exactly one cluster
# of the records that report the same happening. clusters: one row per happening, its
# counts and representative record, with indexes for listing by size, date and recency.
# cluster_members: each event's cluster, the days it pins the cluster to (when dated to the
# day), the report it was linked to and why, and what linking reads of it (report, JSON; NULL until `dragoman clusters --relink` for events
# stored before this migration, which start as clusters of one). cluster_docs: each
# article's date, the independent source it counts as (a copy counts as its original's),
# its copies, story profile and MinHash signature. The two key tables are the blocking
# indexes: (key, day) -> event or article.
CLUSTERS = (
    """CREATE TABLE clusters (
        id {text} PRIMARY KEY,
        event {text} NOT NULL,
        representative {text} NOT NULL,
        date {date},
        first_day {int},
        last_day {int},
        articles {int} NOT NULL,
        sources {int} NOT NULL,
        mentions {int} NOT NULL,
        first_reported {date},
        last_reported {date}
    )""",
    "CREATE INDEX clusters_by_articles ON clusters (articles, mentions, id)",
    "CREATE INDEX clusters_by_date ON clusters (date, id)",
    "CREATE INDEX clusters_by_reported ON clusters (last_reported, id)",
    """CREATE TABLE cluster_members (
        event_id {text} PRIMARY KEY,
        cluster_id {text} NOT NULL,
        doc_id {text} NOT NULL,
        first_day {int},
        last_day {int},
        linked_to {text},
        why {json},
        report {json}
    )""",
    "CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id, event_id)",
    "CREATE INDEX cluster_members_doc ON cluster_members (doc_id)",
    """CREATE TABLE cluster_docs (
        doc_id {text} PRIMARY KEY,
        reported {date},
        origin {text} NOT NULL,
        copies {json} NOT NULL,
        article {json},
        signature {json}
    )""",
)
# Stores made before clusters (and bulk loads, as benchmarks/serve_latency.py's): each
# event a cluster of its own, until relinked.
CLUSTERS_FILL = (
    """INSERT INTO cluster_docs (doc_id, reported, origin, copies)
       SELECT id, COALESCE(date, substr(ingested_at, 1, 10)), COALESCE(source, url, id), '[]'
       FROM documents""",
    "INSERT INTO cluster_members (event_id, cluster_id, doc_id) SELECT id, id, doc_id FROM events",
    """INSERT INTO clusters (id, event, representative, date, articles, sources, mentions,
                            first_reported, last_reported)
       SELECT e.id, e.event, e.id, e.date, 1, 1, 1, d.reported, d.reported
       FROM events e JOIN cluster_docs d ON d.doc_id = e.doc_id""",
)
_CLUSTER_KEYS = (
    """CREATE TABLE cluster_keys (
        key TEXT NOT NULL,
        day {int} NOT NULL,
        event_id TEXT NOT NULL,
        PRIMARY KEY (key, day, event_id)
    ){without_rowid}""",
    """CREATE TABLE cluster_doc_keys (
        key TEXT NOT NULL,
        day {int} NOT NULL,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (key, day, doc_id)
    ){without_rowid}""",
)
CLUSTER_KEYS = {
    name: tuple(s.format(int=kind, without_rowid=suffix) for s in _CLUSTER_KEYS)
    for name, kind, suffix in (("sqlite", "INTEGER", " WITHOUT ROWID"), ("postgresql", "BIGINT", ""))
}


# Clusters per day and type (issue 13: timelines that count happenings, not reports): each
# cluster counted once, at the date, type and quad of its representative report, in all;
# per actor id and per country any of its reports is linked to (store/cluster_counts.py
# keeps them in step). And clusters by their representative, for timelines whose filters
# no count table answers.
_TABLES = (
    ("cluster_counts", ""),
    ("cluster_actor_counts", "actor_id"),
    ("cluster_country_counts", "country"),
)
CLUSTER_COUNTS = (
    *(s for name, key in _TABLES for s in count_table(name, key)[:1]),
    *(s for name, key in _TABLES for s in count_table(name, key)[1:]),
    "CREATE INDEX clusters_by_representative ON clusters (representative)",
    """INSERT INTO cluster_counts (date, event, quad, n)
       SELECT e.date, e.event, e.quad, COUNT(*) FROM clusters c
       JOIN events e ON e.id = c.representative WHERE e.date IS NOT NULL
       GROUP BY e.date, e.event, e.quad""",
) + tuple(
    f"""INSERT INTO cluster_{table}_counts ({column}, date, event, quad, n)
       SELECT l.{column}, e.date, e.event, e.quad, COUNT(DISTINCT c.id) FROM clusters c
       JOIN events e ON e.id = c.representative JOIN cluster_members m ON m.cluster_id = c.id
       JOIN event_actors l ON l.event_id = m.event_id
       WHERE e.date IS NOT NULL AND l.{column} IS NOT NULL
       GROUP BY l.{column}, e.date, e.event, e.quad"""
    for table, column in (("actor", "actor_id"), ("country", "country"))
)


# Clusters found by a search (issue 13: a timeline of count=clusters with a search took
# 4.7-7.2 s at 1M events: each match's event, member row, cluster and representative were
# read). cluster_reports: each clustered event by its seq (what the full-text index
# returns) with its cluster and the cluster's date, type and quad (its representative's),
# so that a search's matches find their clusters in one look-up each.
# cluster_term_counts: the clusters per full-text term, date and type (as term_counts
# counts events): those with a report whose sentence holds the term, each once, at its
# representative's date and type. store/cluster_counts.py keeps both with the other
# cluster count tables.
CLUSTER_REPORTS = (
    """CREATE TABLE cluster_reports (
        seq {int} PRIMARY KEY,
        cluster_id {text} NOT NULL,
        date {date},
        event {text} NOT NULL,
        quad {text} NOT NULL
    )""",
)
# The rows of cluster_reports for the clusters a WHERE clause on `c` selects.
CLUSTER_REPORT_ROWS = (
    "SELECT e.seq, c.id, r.date, r.event, r.quad FROM clusters c "
    "JOIN cluster_members m ON m.cluster_id = c.id JOIN events e ON e.id = m.event_id "
    "JOIN events r ON r.id = c.representative"
)
CLUSTER_REPORTS_INSERT = (
    f"INSERT INTO cluster_reports (seq, cluster_id, date, event, quad) {CLUSTER_REPORT_ROWS}"
)
CLUSTER_REPORTS_FILL = (
    CLUSTER_REPORTS_INSERT,
    "CREATE INDEX cluster_reports_cluster ON cluster_reports (cluster_id)",
)
CLUSTER_TERM_COUNTS = term_count_table("cluster_term_counts")
# Filling it from the whole store (the migration, and after bulk loads): the terms of
# each report as the full-text index splits its sentence (SQLite: the index's own
# vocabulary, text column only; PostgreSQL: the lexemes of its tsvector).
CLUSTER_TERM_COUNTS_FILL = {
    "sqlite": (
        "CREATE VIRTUAL TABLE temp.cluster_fts_terms USING fts5vocab(main, events_fts, instance)",
        """INSERT INTO cluster_term_counts (term, date, event, quad, n)
       SELECT v.term, k.date, k.event, k.quad, COUNT(DISTINCT k.cluster_id)
       FROM temp.cluster_fts_terms v CROSS JOIN cluster_reports k
       WHERE k.seq = v.doc AND v.col = 'text' AND k.date IS NOT NULL
       GROUP BY v.term, k.date, k.event, k.quad""",
        "DROP TABLE temp.cluster_fts_terms",
    ),
    "postgresql": (
        """INSERT INTO cluster_term_counts (term, date, event, quad, n)
       SELECT t.term, k.date, k.event, k.quad, COUNT(DISTINCT k.cluster_id)
       FROM cluster_reports k JOIN events e ON e.seq = k.seq
       CROSS JOIN LATERAL unnest(tsvector_to_array(e.text_tsv)) AS t(term)
       WHERE k.date IS NOT NULL
       GROUP BY t.term, k.date, k.event, k.quad""",
    ),
}
