"""Schema migrations: ordered, each applied exactly once, recorded in schema_migrations.

A migration is portable SQL with {type} placeholders filled in by the dialect
(dialect.py), plus optional statements for one engine only (full-text search differs).
Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cluster_schema import (
    CLUSTER_COUNTS,
    CLUSTER_KEYS,
    CLUSTER_REPORTS,
    CLUSTER_REPORTS_FILL,
    CLUSTER_TERM_COUNTS,
    CLUSTER_TERM_COUNTS_FILL,
    CLUSTERS,
    CLUSTERS_FILL,
)
from .count_schema import count_table, term_count_table
from .dialect import POSTGRES, SQLITE, SQLITE_PERIODS, Dialect
from .entities import TABLE as RECORD_ENTITIES
from .entities import TABLE_SUFFIX as RECORD_ENTITIES_SUFFIX

SCHEMA_MIGRATIONS = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version {int} PRIMARY KEY,
    name {text} NOT NULL,
    applied_at {timestamp} NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    only: dict[str, tuple[str, ...]] = field(default_factory=dict)  # dialect name -> SQL
    then: str | None = None  # "module.function" of the store package, given the store, run after the SQL

    def sql(self, dialect: Dialect) -> list[str]:
        common = [dialect.render(s) for s in self.statements]
        return common + list(self.only.get(dialect.name, ()))


INITIAL = (
    """CREATE TABLE documents (
        id {text} PRIMARY KEY,
        content_hash {text} NOT NULL,
        text {text} NOT NULL,
        date {date},
        date_source {text},
        url {text},
        title {text},
        source {text},
        language {text},
        origin {text},
        warnings {json} NOT NULL,
        ingested_at {timestamp} NOT NULL
    )""",
    "CREATE INDEX documents_date ON documents (date)",
    """CREATE TABLE passages (
        doc_id {text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx {int} NOT NULL,
        start_char {int} NOT NULL,
        end_char {int} NOT NULL,
        lang {text},
        boilerplate {bool} NOT NULL,
        PRIMARY KEY (doc_id, idx)
    )""",
    """CREATE TABLE sentences (
        doc_id {text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx {int} NOT NULL,
        start_char {int} NOT NULL,
        end_char {int} NOT NULL,
        text {text} NOT NULL,
        PRIMARY KEY (doc_id, idx)
    )""",
    """CREATE TABLE actors (
        id {text} PRIMARY KEY,
        name {text} NOT NULL,
        name_key {text} NOT NULL,
        kind {text},
        country {text},
        sector {text},
        org {text},
        title {text},
        mention_count {int} NOT NULL DEFAULT 0,
        event_count {int} NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX actors_country ON actors (country, event_count)",
    "CREATE INDEX actors_event_count ON actors (event_count, name)",
    """CREATE TABLE mentions (
        doc_id {text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx {int} NOT NULL,
        actor_id {text},
        name {text} NOT NULL,
        text {text} NOT NULL,
        start_char {int} NOT NULL,
        end_char {int} NOT NULL,
        kind {text},
        country {text},
        sector {text},
        org {text},
        title {text},
        PRIMARY KEY (doc_id, idx)
    )""",
    "CREATE INDEX mentions_actor ON mentions (actor_id)",
    """CREATE TABLE events (
        seq {seq},
        id {text} NOT NULL UNIQUE,
        doc_id {text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        event {text} NOT NULL,
        quad {text} NOT NULL,
        cameo {text},
        mode {text},
        date {date},
        modality {text},
        location_name {text},
        location_country {text},
        lat {real},
        lon {real},
        text {text} NOT NULL,
        confidence {real},
        record {json} NOT NULL
    )""",
    "CREATE INDEX events_date ON events (date, seq)",
    "CREATE INDEX events_type ON events (event, date, seq)",
    "CREATE INDEX events_quad ON events (quad, date, seq)",
    "CREATE INDEX events_doc ON events (doc_id)",
    # One row per (event, entity, role); the entity's country and name are copied here
    # so that actor and country filters never need to open the JSON record.
    """CREATE TABLE event_actors (
        event_id {text} NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        role {text} NOT NULL,
        actor_id {text},
        name {text} NOT NULL,
        name_key {text} NOT NULL,
        country {text}
    )""",
    "CREATE INDEX event_actors_actor ON event_actors (actor_id, event_id)",
    "CREATE INDEX event_actors_country ON event_actors (country, event_id)",
    "CREATE INDEX event_actors_event ON event_actors (event_id)",
    # Entities without a resolved id are found by name; keep that scan small.
    "CREATE INDEX event_actors_unresolved ON event_actors (name_key) WHERE actor_id IS NULL",
)

# Full-text search over event sentences. SQLite: an external-content FTS5 table keyed by
# events.seq, so sentence text is stored once. PostgreSQL: a generated tsvector column.
# The tokenizer is named once: the per-term counts below tokenize with the same one.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
FTS_SQLITE = (
    "CREATE VIRTUAL TABLE events_fts USING fts5("
    f"text, content='events', content_rowid='seq', tokenize='{FTS_TOKENIZE}')",
)
# PostgreSQL's parser keeps "COVID-19" as 'covid' '-19' and "3.5" as one number; these
# separators become spaces first so that words split as SQLite's unicode61 splits them.
FTS_POSTGRES = (
    "ALTER TABLE events ADD COLUMN text_tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple', translate(text, '-./+@:', '      '))) STORED",
    "CREATE INDEX events_fts ON events USING GIN (text_tsv)",
)

# Event counts per (date, type), kept up to date by ingest, so that an unfiltered (or
# type/quad/date filtered) timeline over millions of events reads thousands of rows.
DAILY_COUNTS = count_table("event_counts")[:1]

# Indexes a query can answer from without reading event rows (each holds the rest of
# what it is asked for): a timeline reads event_counts through an index only, already
# in the order it groups by (per quad or per type: no sort of 58,000 rows); an
# actor or country filter checks each linked event's type, quad and date in
# events_id_cover; walking the type, quad or date index in date order finds each
# event's id there (to probe its actors or countries) without opening the row.
COVERING_INDEXES = (
    *count_table("event_counts")[1:],
    "CREATE INDEX events_id_cover ON events (id, date, quad, event)",
    "DROP INDEX events_date",
    "CREATE INDEX events_date ON events (date, seq, id)",
    "DROP INDEX events_type",
    "CREATE INDEX events_type ON events (event, date, seq, id)",
    "DROP INDEX events_quad",
    "CREATE INDEX events_quad ON events (quad, date, seq, id)",
)

# Event counts per (actor, date, type) and (country, date, type), kept up to date by
# ingest like event_counts, so that the timeline of one actor or one country reads its
# own count rows instead of every event row it is on. An event counts once per actor
# (or country) however many of its sides that actor is on. The backfill reads links
# first (CROSS JOIN fixes that order in SQLite): from the link index to events_id_cover,
# no table row is read; SQLite's own choice walked the date index and read every event.
ACTOR_COUNTS = (
    count_table("actor_counts", "actor_id")[0],
    count_table("country_counts", "country")[0],
    """INSERT INTO actor_counts (actor_id, date, event, quad, n)
       SELECT l.actor_id, e.date, e.event, e.quad, COUNT(DISTINCT e.id)
       FROM event_actors l CROSS JOIN events e
       WHERE e.id = l.event_id AND l.actor_id IS NOT NULL AND e.date IS NOT NULL
       GROUP BY l.actor_id, e.date, e.event, e.quad""",
    """INSERT INTO country_counts (country, date, event, quad, n)
       SELECT l.country, e.date, e.event, e.quad, COUNT(DISTINCT e.id)
       FROM event_actors l CROSS JOIN events e
       WHERE e.id = l.event_id AND l.country IS NOT NULL AND e.date IS NOT NULL
       GROUP BY l.country, e.date, e.event, e.quad""",
    # As for event_counts: a timeline reads them through an index, in its own order.
    *count_table("actor_counts", "actor_id")[1:],
    *count_table("country_counts", "country")[1:],
)

# Event counts per (full-text term, date, type), kept up to date by ingest like the other
# count tables, so that the timeline of a one-word search (q=border, on 100,000 events)
# reads its count rows instead of looking up every matching event. The terms are the
# full-text index's own: SQLite's read back from the FTS5 index (fts5vocab), PostgreSQL's
# from each event's tsvector; an event counts once per term however often it holds it.
# (The table's keys: count_schema.term_count_table.)
TERM_COUNTS_SQLITE = term_count_table("term_counts")["sqlite"]
TERM_COUNTS_FILL_SQLITE = (
    "CREATE VIRTUAL TABLE temp.events_fts_terms USING fts5vocab(main, events_fts, instance)",
    # Links first (CROSS JOIN): the index is read term by term, each event looked up once
    # per term it holds.
    # (Only the text column's terms: migration 8 gives the index a second column.)
    """INSERT INTO term_counts (term, date, event, quad, n)
       SELECT v.term, e.date, e.event, e.quad, COUNT(DISTINCT e.seq)
       FROM temp.events_fts_terms v CROSS JOIN events e
       WHERE e.seq = v.doc AND v.col = 'text' AND e.date IS NOT NULL
       GROUP BY v.term, e.date, e.event, e.quad""",
    "DROP TABLE temp.events_fts_terms",
)
TERM_COUNTS_POSTGRES = term_count_table("term_counts")["postgresql"]
TERM_COUNTS_FILL_POSTGRES = (
    """INSERT INTO term_counts (term, date, event, quad, n)
       SELECT t.term, e.date, e.event, e.quad, COUNT(*)
       FROM events e CROSS JOIN LATERAL unnest(tsvector_to_array(e.text_tsv)) AS t(term)
       WHERE e.date IS NOT NULL
       GROUP BY t.term, e.date, e.event, e.quad""",
)


# SQLite: the full-text index gets a second column, the countries on each event's links,
# so that a search with a country is one full-text query: FTS5 intersects the word's
# and the country's lists of events itself (collecting 100,000 matches of a common word
# to look up 50,000 links of a common country took 100-350 ms). Only plain codes
# (A-Z, 0-9) go in: their one lower-case term each stands for exactly that code. The
# index reads its content from a view over events and their links (external content:
# nothing is stored twice); searches name the text column, so a country is never a word.
FTS_COUNTRIES_SQLITE = (
    "DROP TABLE events_fts",
    """CREATE VIEW events_fts_content AS
       SELECT e.seq, e.doc_id, e.text,
              (SELECT group_concat(l.country, ' ') FROM event_actors l
               WHERE l.event_id = e.id AND l.country GLOB '[A-Z0-9]*'
                 AND NOT l.country GLOB '*[^A-Z0-9]*') AS countries
       FROM events e""",
    (
        "CREATE VIRTUAL TABLE events_fts USING fts5(text, countries, "
        f"content='events_fts_content', content_rowid='seq', tokenize='{FTS_TOKENIZE}')"
    ),
    "INSERT INTO events_fts (events_fts) VALUES ('rebuild')",
    # What a timeline or count needs of each event the index finds, by its seq: reading
    # 5,000 event rows (each with its record) from a cold cache took 100-800 ms.
    "CREATE INDEX events_seq_cover ON events (seq, date, event, quad)",
)


def _period_indexes(
    tables: tuple[str, ...] = ("event_counts", "actor_counts", "country_counts", "term_counts"),
) -> tuple[str, ...]:
    """SQLite: each count table in weekly and monthly order, on the very expressions of a
    timeline's query (dialect.SQLITE_PERIODS): per week (or month), then type, so that
    SUM(n) per period and type streams along the index with no sort of the day rows
    (sorting 58,000 rows of a whole-store timeline took 60-130 ms). The quad, n and the
    date itself come along: the index answers by quad and date filters alone too.
    (PostgreSQL groups such rows in a hash table: it needs none of these.)"""
    keys = {"actor_counts": "actor_id, ", "country_counts": "country, ", "term_counts": "term, "}
    keys |= {"cluster_actor_counts": "actor_id, ", "cluster_country_counts": "country, "}
    keys |= {"cluster_term_counts": "term, "}
    keys |= {"lang_counts": "lang, "}
    return tuple(
        f"CREATE INDEX {table}_by_{interval} ON {table} "
        f"({keys.get(table, '')}{expression.format('date')}, event, quad, n, date)"
        for table in tables
        for interval, expression in SQLITE_PERIODS.items()
    )


# Each event's language (issue 12: `lang`, "en" or "ru") as a column, so that a language
# filter reads no JSON record; its index walks one language's events in date order. A
# stored event's language comes from its record, else from the passage its sentence
# starts in (records made before Russian was coded carry none), else English; the record
# gets it too, as the record contract now has it. Event counts per (language, date,
# type), kept by ingest like country_counts, answer a language's totals and timelines
# (counting the English events of 200,000 for a monthly timeline took 320 ms).
EVENT_LANG_SQLITE = (
    "ALTER TABLE events ADD COLUMN lang TEXT",
    """UPDATE events SET lang = COALESCE(
           json_extract(record, '$.lang'),
           (SELECT p.lang FROM passages p WHERE p.doc_id = events.doc_id
              AND p.start_char <= json_extract(events.record, '$.span[0]')
              AND json_extract(events.record, '$.span[0]') < p.end_char),
           'en')""",
    """UPDATE events SET record = json_set(record, '$.lang', lang)
       WHERE json_extract(record, '$.lang') IS NULL""",
)
EVENT_LANG_POSTGRES = (
    "ALTER TABLE events ADD COLUMN lang TEXT",
    """UPDATE events e SET lang = COALESCE(
           e.record::jsonb ->> 'lang',
           (SELECT p.lang FROM passages p WHERE p.doc_id = e.doc_id
              AND p.start_char <= (e.record::jsonb -> 'span' ->> 0)::bigint
              AND (e.record::jsonb -> 'span' ->> 0)::bigint < p.end_char),
           'en')""",
    """UPDATE events SET record = jsonb_set(record::jsonb, '{lang}', to_jsonb(lang))::text
       WHERE record::jsonb ->> 'lang' IS NULL""",
)
LANG_COUNTS = (
    "CREATE INDEX events_lang ON events (lang, date, seq, id)",
    count_table("lang_counts", "lang")[0],
    """INSERT INTO lang_counts (lang, date, event, quad, n)
       SELECT lang, date, event, quad, COUNT(*) FROM events
       WHERE date IS NOT NULL GROUP BY lang, date, event, quad""",
    *count_table("lang_counts", "lang")[1:],
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", INITIAL),
    Migration(
        2,
        "full-text search over event sentences",
        (),
        only={"sqlite": FTS_SQLITE, "postgresql": FTS_POSTGRES},
    ),
    Migration(3, "event counts per date and type", DAILY_COUNTS),
    Migration(4, "covering indexes for filtered queries and timelines", COVERING_INDEXES),
    Migration(5, "event counts per actor and per country", ACTOR_COUNTS),
    Migration(
        6,
        "event counts per full-text term",
        (),
        only={
            "sqlite": TERM_COUNTS_SQLITE + TERM_COUNTS_FILL_SQLITE,
            "postgresql": TERM_COUNTS_POSTGRES + TERM_COUNTS_FILL_POSTGRES,
        },
    ),
    Migration(7, "count tables in weekly and monthly order", (), only={"sqlite": _period_indexes()}),
    Migration(8, "countries in the full-text index", (), only={"sqlite": FTS_COUNTRIES_SQLITE}),
    Migration(9, "event clusters", CLUSTERS + CLUSTERS_FILL, only=CLUSTER_KEYS),
    Migration(
        10,
        "the language of each event, and event counts per language",
        (),
        only={
            "sqlite": EVENT_LANG_SQLITE
            + tuple(SQLITE.render(s) for s in LANG_COUNTS)
            + _period_indexes(("lang_counts",)),
            "postgresql": EVENT_LANG_POSTGRES + tuple(POSTGRES.render(s) for s in LANG_COUNTS),
        },
    ),
    Migration(
        11,
        "clusters per date and type",
        CLUSTER_COUNTS,
        only={
            "sqlite": _period_indexes(("cluster_counts", "cluster_actor_counts", "cluster_country_counts"))
        },
    ),
    # Blocking keys on pairs of weak keys where one shared country was a key (issue 13: at
    # 1M events a country found ~30 stored reports per report): every report indexed again.
    Migration(12, "blocking keys on pairs of weak keys", (), then="clusters.rekey"),
    # Each cluster's types, quads, countries and actor ids in one column (store/cluster_tags.py):
    # a listing that walks the clusters skips, on the row it reads, those without them.
    Migration(
        13,
        "the tags of each cluster",
        ("ALTER TABLE clusters ADD COLUMN tags {text}",),
        then="cluster_tags.retag",
    ),
    # Clusters found by a search, and counted per full-text term (store/cluster_schema.py):
    # a timeline of count=clusters with a search read every match's cluster (4.7-7.2 s at
    # 1M events for a word on 100,000 of them).
    Migration(
        14,
        "clusters found by searches",
        CLUSTER_REPORTS + CLUSTER_REPORTS_FILL,
        only={
            "sqlite": CLUSTER_TERM_COUNTS["sqlite"]
            + CLUSTER_TERM_COUNTS_FILL["sqlite"]
            + _period_indexes(("cluster_term_counts",)),
            "postgresql": CLUSTER_TERM_COUNTS["postgresql"] + CLUSTER_TERM_COUNTS_FILL["postgresql"],
        },
    ),
    # Each event's actors and recipients as rows (store/entities.py): the actor network
    # read them from every record's JSON (120-140 ms of the newest 1,000 at 1M events).
    Migration(
        15,
        "the entities of each event record",
        (),
        only={
            name: (dialect.render(RECORD_ENTITIES) + RECORD_ENTITIES_SUFFIX[name],)
            for name, dialect in (("sqlite", SQLITE), ("postgresql", POSTGRES))
        },
        then="entities.fill",
    ),
)

LATEST = MIGRATIONS[-1].version
# Fills an empty term_counts from the events and the full-text index (after bulk loads).
TERM_COUNTS_FILL = {"sqlite": TERM_COUNTS_FILL_SQLITE, "postgresql": TERM_COUNTS_FILL_POSTGRES}
