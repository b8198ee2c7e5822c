"""The store interface and everything about it that does not depend on the engine.

A backend (sqlite.py, later postgres.py) supplies a connection, its Dialect and five
primitives (_fetch, _execute, _executemany, _transaction, close), plus hooks for
engines whose full-text index must be maintained by hand. Queries here use `?`
placeholders and SQL both engines understand; dialect.py holds the differences.
"""
from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from typing import Iterable, Iterator

from ..errors import StoreError
from ..model import Document
from . import cluster_reads, clusters
from . import rows as R
from .dialect import Dialect
from .migrations import LATEST, MIGRATIONS, SCHEMA_MIGRATIONS, TERM_COUNTS_FILL
from .query import (EventFilter, QueryError, actor_params, check_order, like_escape,
                    single_term)

INTERVALS = ("day", "week", "month")
TIMELINE_KEYS = {"quad": "quad", "type": "event"}
_ID_CHUNK = 500  # stay far below SQLite's bound-parameter limit
_COMMON = 5000  # events from which an actor or country counts as common (see EventFilter)
_COMMON_SEARCH = 20_000  # and a full-text search, when with a common country
# The tables of per-day counts that ingest keeps, with the columns that key them
# besides (date, event): one row per date and type, per actor, per country.
COUNT_TABLES = {"event_counts": (), "actor_counts": ("actor_id",),
                "country_counts": ("country",)}


class Store:
    dialect: Dialect

    # ---- primitives a backend implements -------------------------------------------
    def _fetch(self, sql: str, params: Iterable = ()) -> list[dict]:
        raise NotImplementedError

    def _execute(self, sql: str, params: Iterable = ()) -> None:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list) -> None:
        raise NotImplementedError

    def _fetch_tuples(self, sql: str, params: Iterable = ()) -> list[tuple]:
        """As _fetch, rows as plain tuples: for results of tens of thousands of rows."""
        raise NotImplementedError

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        """Begin, and commit or roll back, one real transaction (the backend's dialect)."""
        raise NotImplementedError
        yield

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction at a time per connection; nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                with self._outer_transaction():
                    yield
            finally:
                self._depth = 0

    _conn = None  # the backend's open connection, None once closed
    _depth = 0    # how deep in nested _transaction calls the connection is

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _cursor(self):
        if self._conn is None:
            raise StoreError("the store is closed; open it again with open_store()")
        return self._conn

    def _index_text(self, doc_id: str) -> None:
        """Add a document's event sentences to the full-text index (if done by hand)."""

    def _unindex_text(self, doc_id: str) -> None:
        """Remove them, before the events are deleted."""

    def _term_counts_of(self, doc_id: str) -> list[tuple]:
        """The document's dated events counted per full-text term, as the full-text index
        splits their sentences: [(term, date, event, quad, n)]."""
        raise NotImplementedError

    # ---- context manager ---------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- migrations --------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._transaction():
            self._execute(self.dialect.render(SCHEMA_MIGRATIONS))
        for migration in MIGRATIONS:
            self._apply(migration)
        self._check_not_newer()

    def _apply(self, migration) -> None:
        with self._transaction():
            # Checked inside the write transaction: two processes opening a new store
            # at the same moment apply each migration once.
            if self._fetch("SELECT 1 AS x FROM schema_migrations WHERE version = ?",
                           [migration.version]):
                return
            for statement in migration.sql(self.dialect):
                self._execute(statement)
            self._execute("INSERT INTO schema_migrations (version, name, applied_at) "
                          "VALUES (?, ?, ?)", [migration.version, migration.name, R.now()])

    def _check_not_newer(self) -> None:
        newest = self._fetch("SELECT MAX(version) AS v FROM schema_migrations")[0]["v"]
        if newest and newest > LATEST:
            raise StoreError(f"this store has schema version {newest}, newer than this "
                             f"dragoman knows ({LATEST}); upgrade dragoman to open it")

    def migrations(self) -> list[dict]:
        return self._fetch("SELECT version, name, applied_at FROM schema_migrations "
                           "ORDER BY version")

    # ---- writing -----------------------------------------------------------------------
    def ingest(self, doc: Document, replace: bool = False) -> bool:
        """Store a processed document with everything found in it, in one transaction.

        Returns False, changing nothing, when the same id with the same text is already
        stored (unless replace=True, e.g. after a better pipeline); a document whose
        text changed replaces the stored one.
        """
        with self._transaction():
            stored = self._fetch("SELECT content_hash FROM documents WHERE id = ?", [doc.id])
            if stored and stored[0]["content_hash"] == doc.content_hash and not replace:
                return False
            touched = self._delete_rows(doc.id) if stored else set()
            touched |= self._insert_rows(doc)
            if self.link_clusters:
                clusters.link_document(self, doc)
            self._refresh_actors(touched)
        return True

    def ingest_many(self, docs: Iterable[Document]) -> tuple[int, int]:
        """Ingest each document; returns (new or replaced, unchanged)."""
        counts = Counter(self.ingest(doc) for doc in docs)
        return counts[True], counts[False]

    def delete(self, doc_id: str) -> bool:
        """Remove a document and everything found in it. False if it was not stored."""
        with self._transaction():
            if not self._fetch("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]):
                return False
            self._refresh_actors(self._delete_rows(doc_id))
        return True

    def _insert(self, table: str, rows: list[dict]) -> None:
        if rows:
            cols = list(rows[0])
            sql = (f"INSERT INTO {table} ({', '.join(cols)}) "
                   f"VALUES ({', '.join('?' for _ in cols)})")
            self._executemany(sql, [tuple(r[c] for c in cols) for r in rows])

    def _insert_rows(self, doc: Document) -> set[str]:
        """Insert the document's rows; returns the ids of the actors it involves."""
        self._insert("documents", [R.document_row(doc)])
        self._insert("passages", R.passage_rows(doc))
        self._insert("sentences", R.sentence_rows(doc))
        self._insert("mentions", R.mention_rows(doc))
        actors = R.actor_rows(doc)
        self._upsert_actors(actors)
        events = R.unique_events(doc)
        records = [ev.to_record() for ev in events]
        links = [link for ev in events for link in R.link_rows(ev)]
        self._insert("events", [R.event_row(r) for r in records])
        self._insert("event_actors", links)
        self._add_counts(records, links)
        self._index_text(doc.id)
        self._add_term_counts(doc.id)
        return {a["id"] for a in actors}

    def _upsert_actors(self, actors: list[dict]) -> None:
        if not actors:
            return
        keep = ", ".join(f"{c} = COALESCE(excluded.{c}, actors.{c})"
                         for c in ("kind", "country", "sector", "org", "title"))
        self._executemany(
            "INSERT INTO actors (id, name, name_key, kind, country, sector, org, title) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            f"name = excluded.name, name_key = excluded.name_key, {keep}",
            [(a["id"], a["name"], a["name_key"], a["kind"], a["country"], a["sector"],
              a["org"], a["title"]) for a in actors])

    def _add_counts(self, records: list[dict], links: list[dict]) -> None:
        """Add events (records and their link rows) to the per-day count tables."""
        for table, counts in R.daily_counts(records, links, COUNT_TABLES).items():
            if not counts:
                continue
            keys = ", ".join(COUNT_TABLES[table] + ("date", "event"))
            marks = ", ".join("?" for _ in range(len(COUNT_TABLES[table]) + 4))
            self._executemany(
                f"INSERT INTO {table} ({keys}, quad, n) VALUES ({marks}) "
                f"ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + excluded.n",
                [key + (n,) for key, n in counts.items()])

    def _delete_rows(self, doc_id: str) -> set[str]:
        """Delete a document's rows; returns the ids of the actors it involved."""
        clusters.unlink_document(self, doc_id)
        touched = self._actor_ids_of(doc_id)
        self._subtract_counts(doc_id)
        self._subtract_term_counts(doc_id)
        self._unindex_text(doc_id)
        self._execute("DELETE FROM event_actors WHERE event_id IN "
                      "(SELECT id FROM events WHERE doc_id = ?)", [doc_id])
        for table in ("events", "mentions", "sentences", "passages"):
            self._execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self._execute("DELETE FROM documents WHERE id = ?", [doc_id])
        return touched

    def _actor_ids_of(self, doc_id: str) -> set[str]:
        found = self._fetch(
            "SELECT actor_id FROM mentions WHERE doc_id = ? AND actor_id IS NOT NULL "
            "UNION SELECT l.actor_id FROM event_actors l JOIN events e ON e.id = l.event_id "
            "WHERE e.doc_id = ? AND l.actor_id IS NOT NULL", [doc_id, doc_id])
        return {r["actor_id"] for r in found}

    def _subtract_counts(self, doc_id: str) -> None:
        for table, extra in COUNT_TABLES.items():
            keys = [f"l.{c}" for c in extra] + ["e.date", "e.event"]
            joined = (" JOIN event_actors l ON l.event_id = e.id AND "
                      f"l.{extra[0]} IS NOT NULL") if extra else ""
            old = self._fetch(f"SELECT {', '.join(keys)}, COUNT(DISTINCT e.id) AS n "
                              f"FROM events e{joined} WHERE e.doc_id = ? AND e.date IS NOT NULL "
                              f"GROUP BY {', '.join(keys)}", [doc_id])
            if not old:
                continue
            match = " AND ".join(f"{c} = ?" for c in extra + ("date", "event"))
            rows = [tuple(r[c] for c in extra + ("date", "event")) for r in old]
            self._executemany(f"UPDATE {table} SET n = n - ? WHERE {match}",
                              [(r["n"],) + key for r, key in zip(old, rows)])
            # Only the rows just lowered: a scan of a big count table per delete would not do.
            self._executemany(f"DELETE FROM {table} WHERE {match} AND n <= 0", rows)

    def _add_term_counts(self, doc_id: str) -> None:
        rows = self._term_counts_of(doc_id)
        if rows:
            self._executemany(
                "INSERT INTO term_counts (term, date, event, quad, n) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (term, date, event) DO UPDATE SET n = term_counts.n + excluded.n",
                rows)

    def _subtract_term_counts(self, doc_id: str) -> None:
        rows = self._term_counts_of(doc_id)
        if not rows:
            return
        match = "term = ? AND date = ? AND event = ?"
        self._executemany(f"UPDATE term_counts SET n = n - ? WHERE {match}",
                          [(r[4],) + tuple(r[:3]) for r in rows])
        self._executemany(f"DELETE FROM term_counts WHERE {match} AND n <= 0",
                          [tuple(r[:3]) for r in rows])

    def _recount_terms(self) -> None:
        """Count every event's terms again, from scratch (after a bulk load that wrote
        events and the full-text index directly, as benchmarks/serve_latency.py does)."""
        with self._transaction():
            self._execute("DELETE FROM term_counts")
            for statement in TERM_COUNTS_FILL[self.dialect.name]:
                self._execute(statement)

    def _refresh_actors(self, ids: set[str]) -> None:
        """Recount mentions and events of these actors; drop those nothing refers to."""
        ids = sorted(ids)
        for i in range(0, len(ids), _ID_CHUNK):
            chunk = ids[i:i + _ID_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            self._execute(
                "UPDATE actors SET "
                "mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = actors.id), "
                "event_count = (SELECT COUNT(DISTINCT l.event_id) FROM event_actors l "
                f"WHERE l.actor_id = actors.id) WHERE id IN ({marks})", chunk)
            self._execute("DELETE FROM actors WHERE mention_count = 0 AND event_count = 0 "
                          f"AND id IN ({marks})", chunk)

    # ---- events ------------------------------------------------------------------------
    def events(self, actor=None, country=None, type=None, quad=None, since=None,
               until=None, q=None, doc=None, limit: int = 100, offset: int = 0,
               order: str = "date") -> list[dict]:
        """Event records (Event.to_record() dicts) matching every filter given."""
        flt = self._planned(EventFilter(actor, country, type, quad, since, until, q, doc))
        where, params = flt.where(self.dialect)
        params += [_count("limit", limit), _count("offset", offset)]
        by = check_order(order)
        events = self._events_table(flt)
        if events != "events e" and order in ("date", "-date"):
            # A search's page is found in the small index of dates by seq first: the
            # records of only that page are read, not of every match to sort them.
            found = self._fetch(f"SELECT e.record FROM events e WHERE e.seq IN (SELECT e.seq "
                                f"FROM {events}{where} ORDER BY {by} LIMIT ? OFFSET ?) "
                                f"ORDER BY {by}", params)
        else:
            found = self._fetch(f"SELECT e.record FROM events e{where} ORDER BY {by} "
                                "LIMIT ? OFFSET ?", params)
        return cluster_reads.attach(self, [json.loads(r["record"]) for r in found])

    def iter_events(self, actor=None, country=None, type=None, quad=None, since=None,
                    until=None, q=None, doc=None, page: int = 1000) -> Iterator[dict]:
        """Every matching event record, in storage order, read `page` at a time.

        For exports of any size: memory stays at one page, and each page is found
        through the primary key (no OFFSET scans), whatever the number of events.
        """
        flt = self._planned(EventFilter(actor, country, type, quad, since, until, q, doc))
        where, params = flt.where(self.dialect)
        where = f"{where} AND e.seq > ?" if where else " WHERE e.seq > ?"
        if not isinstance(page, int) or page < 1:
            raise QueryError(f"page must be a whole number >= 1, not {page!r}")
        last = -1
        while True:
            found = self._fetch(f"SELECT e.seq, e.record FROM events e{where} "
                                "ORDER BY e.seq LIMIT ?", params + [last, page])
            yield from cluster_reads.attach(self, [json.loads(row["record"]) for row in found])
            if len(found) < page:
                return
            last = found[-1]["seq"]

    def _is_common_country(self, country: str) -> bool:
        found = self._fetch("SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM event_actors "
                            "WHERE country = ? LIMIT ?) t", [country.upper(), _COMMON])
        return found[0]["n"] >= _COMMON

    def _is_common_search(self, q: str) -> bool:
        query = self.dialect.fts_query(q)
        if query is None:
            return False
        found = self._fetch(f"SELECT COUNT(*) AS n FROM ({self.dialect.fts_matches()} "
                            "LIMIT ?) t", [query, _COMMON_SEARCH])
        return found[0]["n"] >= _COMMON_SEARCH

    def _planned(self, flt: EventFilter) -> EventFilter:
        """The filter with what the store knows about how many events it matches."""
        # A search with a country: one full-text query finds its events where the index
        # holds countries (SQLite), whatever the number of either.
        flt.country_in_fts = bool(flt.country) and flt.q is not None and \
            self.dialect.countries_in_fts(flt.country.upper())
        if flt.country and not flt.country_in_fts:
            flt.country_is_common = self._is_common_country(flt.country)
        if flt.country_is_common and flt.q is not None and self._is_common_search(flt.q):
            # Both on many events: the country's links drive, and the search's matches
            # are collected once and looked up (not each match probed for the country).
            flt.country_is_common = False
        estimate = 0
        if flt.actor:
            flt.actor_id, estimate = self._resolve_actor(flt.actor)
            flt.actor_is_common = estimate >= _COMMON
        if flt.type or flt.quad or flt.since or flt.until or flt.q is not None:
            if flt.actor:
                flt.links_are_few = estimate < _COMMON
            elif flt.country and not flt.country_in_fts:
                flt.links_are_few = not flt.country_is_common
        return flt

    def _resolve_actor(self, actor: str) -> tuple[str | None, int]:
        """(the id of the one resolved actor an actor filter matches, or None when it
        matches several or names without an id; about how many events it matches, an
        upper bound from the counts kept on actors, up to _COMMON unresolved links)."""
        ident, pattern, _ = actor_params(actor)
        found = self._fetch("SELECT COUNT(*) AS k, MIN(id) AS id, "
                            "COALESCE(SUM(event_count), 0) AS n FROM actors "
                            "WHERE id = ? OR name_key LIKE ? ESCAPE '\\'", [ident, pattern])[0]
        unresolved = self._fetch("SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM event_actors "
                                 "WHERE actor_id IS NULL AND name_key LIKE ? ESCAPE '\\' "
                                 "LIMIT ?) t", [pattern, _COMMON])[0]["n"]
        only = found["id"] if found["k"] == 1 and not unresolved else None
        return only, int(found["n"]) + unresolved

    def count_events(self, actor=None, country=None, type=None, quad=None, since=None,
                     until=None, q=None, doc=None, cap: int | None = None) -> int:
        """How many events match every filter given; with a cap, counting stops there
        (the answer is then at most cap: a lower bound when it equals cap)."""
        flt = self._planned(EventFilter(actor, country, type, quad, since, until, q, doc))
        if self._count_table_for(flt):
            total = self._counted_total(flt, cap)
            return total if cap is None else min(total, cap)
        where, params = flt.where(self.dialect)
        events = self._events_table(flt)
        if cap is None:
            return self._fetch(f"SELECT COUNT(*) AS n FROM {events}{where}", params)[0]["n"]
        return self._fetch(f"SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM {events}{where} "
                           "LIMIT ?) t", params + [_count("cap", cap)])[0]["n"]

    def _counted_total(self, flt: EventFilter, cap: int | None) -> int:
        """A count from the per-day count tables (dated events), plus the undated events
        when no date filter leaves them out (counted up to cap)."""
        source, _, n, where, params = self._timeline_source(flt)
        total = self._fetch(f"SELECT COALESCE(SUM({n}), 0) AS n FROM {source}{where}",
                            params)[0]["n"]
        if flt.since or flt.until:
            return int(total)
        where, params = flt.where(self.dialect)
        where = f"{where} AND e.date IS NULL" if where else " WHERE e.date IS NULL"
        limit = "" if cap is None else " LIMIT ?"
        undated = self._fetch(f"SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM events e{where}"
                              f"{limit}) t", params + ([] if cap is None else [_count("cap", cap)]))
        return int(total) + undated[0]["n"]

    def event(self, event_id: str) -> dict | None:
        found = self._fetch("SELECT record FROM events WHERE id = ?", [event_id])
        return cluster_reads.attach(self, [json.loads(found[0]["record"])])[0] if found else None

    # ---- event clusters (store/clusters.py writes them, store/cluster_reads.py reads) --
    link_clusters = True  # (off only to measure what linking costs: benchmarks/linking.py)

    def clusters(self, **filters) -> list[dict]:
        """Clusters of reports of one happening matching event filters (see list_clusters)."""
        return cluster_reads.list_clusters(self, **filters)

    def cluster(self, cluster_id: str) -> dict | None:
        """One cluster with each of its reports, their articles, and why they were linked."""
        return cluster_reads.cluster_detail(self, cluster_id)

    def relink(self) -> int:
        """Link the events of a store made before clusters existed (migration 9)."""
        return clusters.relink(self)

    # ---- documents ---------------------------------------------------------------------
    def document(self, doc_id: str) -> dict | None:
        """A stored document: text, metadata, passages, sentences, entities, events."""
        found = self._fetch("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not found:
            return None
        doc = found[0]
        doc["warnings"] = json.loads(doc["warnings"])
        doc["passages"] = self._passages(doc_id)
        doc["sentences"] = self._fetch(
            "SELECT start_char AS start, end_char AS end, text FROM sentences "
            "WHERE doc_id = ? ORDER BY idx", [doc_id])
        doc["entities"] = self._mentions(doc_id)
        doc["events"] = self.events(doc=doc_id, limit=1_000_000, order="date")
        return doc

    def document_info(self, doc_id: str) -> dict | None:
        """A stored document's metadata, without its text or what was found in it.

        lead_end: where its first paragraph (first passage not boilerplate) ends.
        """
        found = self._fetch("SELECT id, content_hash, date, date_source, url, title, source, "
                            "language, origin, ingested_at FROM documents WHERE id = ?", [doc_id])
        if not found:
            return None
        lead = self._fetch("SELECT MIN(end_char) AS e FROM passages WHERE doc_id = ? AND idx = "
                           "(SELECT MIN(idx) FROM passages WHERE doc_id = ? AND boilerplate = ?)",
                           [doc_id, doc_id, False])
        return {**found[0], "lead_end": lead[0]["e"]}

    def known_documents(self, ids: Iterable[str]) -> dict[str, str]:
        """The content hash of each of these documents that is stored: {id: hash}.

        Lets a re-run skip documents already stored before running the NLP on them.
        """
        ids = sorted(set(ids))
        known = {}
        for i in range(0, len(ids), _ID_CHUNK):
            chunk = ids[i:i + _ID_CHUNK]
            found = self._fetch("SELECT id, content_hash FROM documents WHERE id IN "
                                f"({', '.join('?' for _ in chunk)})", chunk)
            known.update((r["id"], r["content_hash"]) for r in found)
        return known

    def has_document(self, doc_id: str, content_hash: str | None = None) -> bool:
        """True if the document is stored (with this content hash, when one is given)."""
        stored = self.known_documents([doc_id]).get(doc_id)
        return stored is not None and content_hash in (None, stored)

    def _passages(self, doc_id: str) -> list[dict]:
        found = self._fetch("SELECT start_char AS start, end_char AS end, lang, boilerplate "
                            "FROM passages WHERE doc_id = ? ORDER BY idx", [doc_id])
        return [{**p, "boilerplate": bool(p["boilerplate"])} for p in found]

    def _mentions(self, doc_id: str) -> list[dict]:
        found = self._fetch("SELECT name, text, start_char, end_char, kind, country, sector, "
                            "org, title, actor_id FROM mentions WHERE doc_id = ? ORDER BY idx",
                            [doc_id])
        return [{"name": m["name"], "text": m["text"], "span": [m["start_char"], m["end_char"]],
                 "kind": m["kind"], "country": m["country"], "sector": m["sector"],
                 "org": m["org"], "title": m["title"], "id": m["actor_id"]} for m in found]

    # ---- actors ------------------------------------------------------------------------
    _ACTOR_COLUMNS = ("id, name, kind, country, sector, org, title, "
                      "mention_count AS mentions, event_count AS events")

    def actors(self, q: str | None = None, country: str | None = None,
               limit: int = 100, offset: int = 0) -> list[dict]:
        """Resolved actors, most events first; q matches the id or part of the name."""
        clauses, params = [], []
        if q:
            clauses.append("(id = ? OR name_key LIKE ? ESCAPE '\\')")
            params += [q, "%" + like_escape(R.name_key(q)) + "%"]
        if country:
            clauses.append("country = ?")
            params.append(country.upper())
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return self._fetch(f"SELECT {self._ACTOR_COLUMNS} FROM actors{where} "
                           "ORDER BY event_count DESC, name, id LIMIT ? OFFSET ?",
                           params + [_count("limit", limit), _count("offset", offset)])

    def actor(self, actor_id: str, limit: int = 100) -> dict | None:
        """An actor with its events (as actor, as recipient) and its counterparts."""
        found = self._fetch(f"SELECT {self._ACTOR_COLUMNS} FROM actors WHERE id = ?",
                            [actor_id])
        if not found:
            return None
        actor = found[0]
        for role in ("actor", "recipient"):
            actor[f"as_{role}"] = self._events_in_role(actor_id, role, limit)
        actor["counterparts"] = self._counterparts(actor_id, limit)
        return actor

    def _events_in_role(self, actor_id: str, role: str, limit: int) -> list[dict]:
        found = self._fetch(
            "SELECT e.record FROM events e WHERE e.id IN (SELECT event_id FROM event_actors "
            "WHERE actor_id = ? AND role = ?) ORDER BY e.date DESC NULLS LAST, e.seq DESC "
            "LIMIT ?", [actor_id, role, limit])
        return [json.loads(r["record"]) for r in found]

    def _counterparts(self, actor_id: str, limit: int) -> list[dict]:
        # Anyone on an event with this actor, grouped by resolved id (or by name when
        # unresolved), most shared events first.
        return self._fetch(
            "SELECT MIN(o.actor_id) AS id, MIN(o.name) AS name, MIN(o.country) AS country, "
            "COUNT(DISTINCT o.event_id) AS count "
            "FROM event_actors s JOIN event_actors o ON o.event_id = s.event_id "
            "WHERE s.actor_id = ? AND (o.actor_id IS NULL OR o.actor_id <> ?) "
            "GROUP BY COALESCE(o.actor_id, o.name_key) "
            "ORDER BY count DESC, name LIMIT ?", [actor_id, actor_id, limit])

    # ---- aggregates --------------------------------------------------------------------
    def timeline(self, interval: str = "day", by: str = "quad", **filters) -> list[dict]:
        """Event counts per period and quad (or type): [{"period", "key", "count"}].

        Events dated less precisely than the interval (a bare year in a daily
        timeline) and undated events are left out.
        """
        return json.loads(self.timeline_json(interval, by, **filters))

    def timeline_json(self, interval: str = "day", by: str = "quad", **filters) -> str:
        """timeline() as the JSON text of its list, written by the database itself: a
        daily timeline over a big store has tens of thousands of rows, and making a
        Python object of each (to encode them again) took longer than counting them."""
        if interval not in INTERVALS:
            raise QueryError(f"unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")
        if by not in TIMELINE_KEYS:
            raise QueryError(f"unknown timeline key {by!r}; use one of {', '.join(TIMELINE_KEYS)}")
        flt = self._planned(EventFilter(**filters))
        sql, params = self._timeline_sql(interval, by, flt)
        sql = self.dialect.json_rows(sql, ("period", "key", "count"), "c0, c1")
        return self._fetch_tuples(sql, params)[0][0]

    def _timeline_sql(self, interval: str, by: str, flt: EventFilter) -> tuple[str, list]:
        """The timeline's rows (c0: period, c1: key, c2: count), in that order."""
        source, a, n, where, params = self._timeline_source(flt, terms=True)
        key, counted = TIMELINE_KEYS[by], a == "c"
        if interval == "day":
            where = f"{where} AND" if where else " WHERE"
            where += f" length({a}.date) = 10"
            if by == "type" and counted:
                # One count row per date and type already: read in the order of its index.
                return (f"SELECT {a}.date AS c0, {a}.event AS c1, {n} AS c2 FROM {source}"
                        f"{where} ORDER BY {a}.date, {a}.event"), params
            # The count tables' indexes hold (date, key) in order: no sort.
            return (f"SELECT {a}.date AS c0, {a}.{key} AS c1, SUM({n}) AS c2 FROM {source}"
                    f"{where} GROUP BY {a}.date, {a}.{key} ORDER BY {a}.date, {a}.{key}"), params
        period = self.dialect.period(interval, f"{a}.date")
        where = f"{where} AND" if where else " WHERE"
        where += f" {period} IS NOT NULL"
        if not counted or by == "type":
            return (f"SELECT {period} AS c0, {a}.{key} AS c1, SUM({n}) AS c2 FROM {source}"
                    f"{where} GROUP BY {period}, {a}.{key} ORDER BY {period}, {a}.{key}"), params
        # Per period and type first, along the count table's period index (migration 7),
        # then per quad: a sort of at most a quarter as many rows as by type.
        return (f"SELECT c0, c1, SUM(c2) AS c2 FROM (SELECT {period} AS c0, {a}.quad AS c1, "
                f"SUM({n}) AS c2 FROM {source}{where} GROUP BY {period}, {a}.event, "
                f"{a}.quad) t GROUP BY c0, c1 ORDER BY c0, c1"), params

    def _timeline_source(self, flt: EventFilter,
                         terms: bool = False) -> tuple[str, str, str, str, list]:
        """Where a timeline counts from: (`table alias`, alias, count expression, WHERE,
        params).

        A count table when one answers the filters (type, quad and dates, with at most
        one country, one resolved actor or, with `terms`, one full-text word), else the
        events themselves. `flt` must come from _planned (which resolves the actor).
        """
        counted = self._count_table_for(flt, terms)
        if counted is None:
            return (self._events_table(flt), "e", "1") + flt.where(self.dialect, "e")
        table, column, value = counted
        rest = EventFilter(type=flt.type, quad=flt.quad, since=flt.since, until=flt.until)
        where, params = rest.where(self.dialect, "c")
        if column:
            where = f" WHERE c.{column} = ?" + (where.replace(" WHERE ", " AND ", 1))
            params = [value] + params
        return f"{table} c", "c", "c.n", where, params

    def _events_table(self, flt: EventFilter) -> str:
        """`events e`, as counts and timelines read it: a search alone (or with a country
        the full-text query holds) reads only its matches' date, type and quad."""
        searched = flt.q is not None and self.dialect.fts_query(flt.q) is not None
        others = (flt.actor, flt.doc, flt.type, flt.quad, flt.since, flt.until)
        if searched and not any(others) and (not flt.country or flt.country_in_fts):
            return self.dialect.events_found_by_fts("e")
        return "events e"

    def _count_table_for(self, flt: EventFilter,
                         terms: bool = False) -> tuple[str, str | None, str] | None:
        """The count table that answers the filters: (table, key column, key value).

        The term counts answer a search for one plain word (terms=True: timelines only;
        a total would still have to find the search's undated events one by one); a
        phrase, several words or a prefix search is answered from the events.
        """
        if flt.q is not None:
            term = single_term(flt.q) if terms else None
            if term is None or flt.doc or flt.actor or flt.country:
                return None
            return "term_counts", "term", term
        if flt.doc or (flt.actor and flt.country):
            return None
        if flt.country:
            return "country_counts", "country", flt.country.upper()
        if flt.actor:  # (several actors: their events must be read and deduplicated)
            return ("actor_counts", "actor_id", flt.actor_id) if flt.actor_id else None
        return "event_counts", None, None

    def stats(self) -> dict:
        counts = {table: self._fetch(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
                  for table in ("documents", "events", "actors", "mentions", "sentences")}
        counts["schema_version"] = self._fetch(
            "SELECT MAX(version) AS v FROM schema_migrations")[0]["v"]
        return counts


def _count(name: str, value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise QueryError(f"{name} must be a whole number >= 0, not {value!r}")
    return value

