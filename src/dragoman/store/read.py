"""Reading: events (a page, every one, how many), event clusters, documents and actors.

Filters are planned first (plan.py), then turned into SQL (query.py); totals come from
the count tables where one answers the filters. Every event record read carries its
cluster (cluster_reads.py).
"""

from __future__ import annotations

import json
import math
from typing import Iterable, Iterator

from . import cluster_reads, network
from .backend import chunks, marks
from .plan import COMMON, Planner
from .query import EventFilter, QueryError, check_count, check_order, like_escape, single_term
from .rows import name_key

_ACTOR_COLUMNS = (
    "id, name, kind, country, sector, org, title, mention_count AS mentions, event_count AS events"
)
_TABLES_COUNTED = ("documents", "events", "actors", "mentions", "sentences")
# Events a page of a common word's matches may walk in date order (_date_walk) instead of
# looking up each match: each step is one entry of an index already in that order.
WALK_MAX = 50_000
PAGE = 50  # the page size for which COMMON (plan.py) was chosen


class Reader(Planner):
    # ---- events ------------------------------------------------------------------------
    def events(self, limit: int = 100, offset: int = 0, order: str = "date", **filters) -> list[dict]:
        """Event records (Event.to_record() dicts) matching every filter given (the
        fields of EventFilter: actor, country, type, quad, since, until, q, doc)."""
        found = self._event_page("e.record", limit, offset, order, filters)
        return cluster_reads.attach(self, [json.loads(r[0]) for r in found])

    def network_events(self, limit: int = 1000, **filters) -> list[dict]:
        """The newest events matching the filters, as much of each as the actor network
        reads (summaries.network): id, quad, actor, recipient and cluster id. Reading
        and decoding 1,000 whole records and their clusters' rows took 100-200 ms. (The
        straightforward computation actor_network is checked against: the tests.)"""
        columns = ", ".join(
            ["e.id", "e.quad"] + [self.dialect.json_field("e.record", key) for key in ("actor", "recipient")]
        )
        found = self._event_page(columns, limit, 0, "-date", filters, seq_first=True)
        clusters = {}
        for chunk in chunks(row[0] for row in found):
            clusters.update(
                self._fetch_tuples(
                    f"SELECT event_id, cluster_id FROM cluster_members WHERE event_id IN ({marks(chunk)})",
                    chunk,
                )
            )
        return [
            {
                "id": ident,
                "quad": quad,
                "actor": json.loads(actor),
                "recipient": json.loads(recipient),
                "cluster": {"id": clusters[ident]} if ident in clusters else None,
            }
            for ident, quad, actor, recipient in found
        ]

    def actor_network(self, limit: int = 1000, nodes: int = 40, count: str = "events", **filters) -> dict:
        """The actor network of the newest `limit` events matching the filters, counted by
        the database (network.py): api/summaries.network of network_events' answer."""
        return network.network(self, filters, limit, nodes, count)

    def _event_page(
        self, columns: str, limit: int, offset: int, order: str, filters: dict, seq_first: bool = False
    ) -> list[tuple]:
        """These columns of a page of the events matching the filters, in this order;
        `seq_first`: the page's seqs found first whatever the filters (for a long page:
        SQLite computes the columns of every candidate row before it sorts them)."""
        return self._fetch_tuples(*self._page_sql(columns, limit, offset, order, filters, seq_first))

    def _page_sql(
        self, columns: str, limit: int, offset: int, order: str, filters: dict, seq_first: bool = False
    ) -> tuple[str, list]:
        """The SELECT of _event_page, with its parameters."""
        flt = self._planned(EventFilter(**filters))
        if seq_first and flt.actor_is_common and limit > PAGE:
            # A long page walks, newest first, limit / share-of-the-actor's events, each
            # probed for a link: the actor's links are then fewer to look up (a page of
            # 1,000 of an actor on 6,000 events walked 170,000 events: 300 ms).
            _, estimate = self._resolve_actor(flt.actor)
            flt.actor_is_common = estimate >= COMMON * math.sqrt(limit / PAGE)
        where, params = flt.where(self.dialect)
        page = [check_count("limit", limit), check_count("offset", offset)]
        by = check_order(order)
        events = self._events_table(flt)
        if (events != "events e" or seq_first) and order in ("date", "-date"):
            walk = self._date_walk(flt, order, limit + offset)
            if walk:
                events, bound, cutoff = walk
                where, params = f"{where} AND {bound}", params + [cutoff]
            # A search's page is found in the small index of dates by seq first (or along
            # the dates, above): the records of only that page are read, not of every
            # match to sort them.
            return (
                f"SELECT {columns} FROM events e WHERE e.seq IN (SELECT e.seq "
                f"FROM {events}{where} ORDER BY {by} LIMIT ? OFFSET ?) "
                f"ORDER BY {by}",
                params + page,
            )
        return f"SELECT {columns} FROM events e{where} ORDER BY {by} LIMIT ? OFFSET ?", params + page

    def _date_walk(self, flt: EventFilter, order: str, wanted: int) -> tuple[str, str, str] | None:
        """For a page of a common plain word's matches (with at most a type or a quad, and
        dates): (the events along an index in date order, a bound on the date, its value)
        such that the page lies within the bound, when walking that few events beats
        looking up every match (the newest 1,000 of a word on 100,000 events took 0.5 s
        so). The bound comes from the word's counts per day (term_counts): the date by
        which `wanted` matches are found, newest (or oldest) first."""
        term = single_term(flt.q) if flt.q is not None else None
        if (
            term is None
            or (flt.type and flt.quad)
            or self._count_table_for(flt, terms=True) != ("term_counts", "term", term)
        ):
            return None
        rest = EventFilter(type=flt.type, quad=flt.quad, since=flt.since, until=flt.until)
        where, params = rest.where(self.dialect, "c")
        newest = order == "-date"
        cutoff = self._date_of_match(term, where.replace(" WHERE ", " AND ", 1), params, newest, wanted)
        if cutoff is None:  # (fewer dated matches: undated ones are on the page too)
            return None
        bound = "e.date >= ?" if newest else "e.date <= ?"
        walked = self._fetch_tuples(
            f"SELECT COALESCE(SUM(c.n), 0) FROM event_counts c WHERE {bound.replace('e.', 'c.')}"
            f"{where.replace(' WHERE ', ' AND ', 1)}",
            [cutoff] + params,
        )[0][0]
        if walked > WALK_MAX:
            return None
        index = "type" if flt.type else "quad" if flt.quad else "date"
        return self.dialect.events_in_date_order("e", index), bound, cutoff

    def _date_of_match(self, term: str, where: str, params: list, newest: bool, wanted: int) -> str | None:
        """The date of the `wanted`-th dated match of the word, newest (or oldest) first,
        from its counts per day, read a few days at a time; None if it has fewer."""
        found, last, days = 0, None, 64
        while True:
            after = "" if last is None else f" AND c.date {'<' if newest else '>'} ?"
            rows = self._fetch_tuples(
                f"SELECT c.date, SUM(c.n) FROM term_counts c WHERE c.term = ?{where}{after} "
                f"GROUP BY c.date ORDER BY c.date{' DESC' if newest else ''} LIMIT ?",
                [term] + params + ([] if last is None else [last]) + [days],
            )
            for date, n in rows:
                found += n
                if found >= wanted:
                    return date
            if len(rows) < days:
                return None
            last, days = rows[-1][0], days * 4

    def iter_events(self, page: int = 1000, **filters) -> Iterator[dict]:
        """Every matching event record, in storage order, read `page` at a time.

        For exports of any size: memory stays at one page, and each page is found
        through the primary key (no OFFSET scans), whatever the number of events.
        """
        flt = self._planned(EventFilter(**filters))
        where, params = flt.where(self.dialect)
        where = f"{where} AND e.seq > ?" if where else " WHERE e.seq > ?"
        if not isinstance(page, int) or page < 1:
            raise QueryError(f"page must be a whole number >= 1, not {page!r}")
        last = -1
        while True:
            found = self._fetch(
                f"SELECT e.seq, e.record FROM events e{where} ORDER BY e.seq LIMIT ?", params + [last, page]
            )
            yield from cluster_reads.attach(self, [json.loads(row["record"]) for row in found])
            if len(found) < page:
                return
            last = found[-1]["seq"]

    def count_events(self, cap: int | None = None, **filters) -> int:
        """How many events match every filter given; with a cap, counting stops there
        (the answer is then at most cap: a lower bound when it equals cap)."""
        flt = self._planned(EventFilter(**filters))
        if self._count_table_for(flt):
            total = self._counted_total(flt, cap)
            return total if cap is None else min(total, cap)
        where, params = flt.where(self.dialect)
        events = self._events_table(flt)
        if cap is None:
            return self._fetch(f"SELECT COUNT(*) AS n FROM {events}{where}", params)[0]["n"]
        return self._fetch(
            f"SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM {events}{where} LIMIT ?) t",
            params + [check_count("cap", cap)],
        )[0]["n"]

    def _counted_total(self, flt: EventFilter, cap: int | None) -> int:
        """A count from the per-day count tables (dated events), plus the undated events
        when no date filter leaves them out (counted up to cap)."""
        source, _, n, where, params = self._count_source(flt)
        total = self._fetch(f"SELECT COALESCE(SUM({n}), 0) AS n FROM {source}{where}", params)[0]["n"]
        if flt.since or flt.until:
            return int(total)
        where, params = flt.where(self.dialect)
        where = f"{where} AND e.date IS NULL" if where else " WHERE e.date IS NULL"
        limit = "" if cap is None else " LIMIT ?"
        undated = self._fetch(
            f"SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM events e{where}{limit}) t",
            params + ([] if cap is None else [check_count("cap", cap)]),
        )
        return int(total) + undated[0]["n"]

    def event(self, event_id: str) -> dict | None:
        found = self._fetch("SELECT record FROM events WHERE id = ?", [event_id])
        return cluster_reads.attach(self, [json.loads(found[0]["record"])])[0] if found else None

    # ---- event clusters (clusters.py keeps them, cluster_reads.py reads them) ----------
    def clusters(self, limit: int = 100, offset: int = 0, order: str = "-articles", **filters) -> list[dict]:
        """Clusters (the reports of one happening) with at least one event matching every
        filter given (those of events()), each with its counts and representative record."""
        return cluster_reads.list_clusters(
            self, EventFilter(**filters), limit=limit, offset=offset, order=order
        )

    def cluster(self, cluster_id: str) -> dict | None:
        """One cluster with each of its reports, their articles, and why they were linked."""
        return cluster_reads.cluster_detail(self, cluster_id)

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
            "SELECT start_char AS start, end_char AS end, text FROM sentences WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        )
        doc["entities"] = self._mentions(doc_id)
        doc["events"] = self.events(doc=doc_id, limit=1_000_000, order="date")
        return doc

    def document_info(self, doc_id: str) -> dict | None:
        """A stored document's metadata, without its text or what was found in it.

        lead_end: where its first paragraph (first passage not boilerplate) ends.
        """
        found = self._fetch(
            "SELECT id, content_hash, date, date_source, url, title, source, "
            "language, origin, ingested_at FROM documents WHERE id = ?",
            [doc_id],
        )
        if not found:
            return None
        lead = self._fetch(
            "SELECT MIN(end_char) AS e FROM passages WHERE doc_id = ? AND idx = "
            "(SELECT MIN(idx) FROM passages WHERE doc_id = ? AND boilerplate = ?)",
            [doc_id, doc_id, False],
        )
        return {**found[0], "lead_end": lead[0]["e"]}

    def known_documents(self, ids: Iterable[str]) -> dict[str, str]:
        """The content hash of each of these documents that is stored: {id: hash}.

        Lets a re-run skip documents already stored before running the NLP on them.
        """
        known = {}
        for chunk in chunks(ids):
            found = self._fetch(f"SELECT id, content_hash FROM documents WHERE id IN ({marks(chunk)})", chunk)
            known.update((r["id"], r["content_hash"]) for r in found)
        return known

    def has_document(self, doc_id: str, content_hash: str | None = None) -> bool:
        """True if the document is stored (with this content hash, when one is given)."""
        stored = self.known_documents([doc_id]).get(doc_id)
        return stored is not None and content_hash in (None, stored)

    def _passages(self, doc_id: str) -> list[dict]:
        found = self._fetch(
            "SELECT start_char AS start, end_char AS end, lang, boilerplate "
            "FROM passages WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        )
        return [{**p, "boilerplate": bool(p["boilerplate"])} for p in found]

    def _mentions(self, doc_id: str) -> list[dict]:
        found = self._fetch(
            "SELECT name, text, start_char, end_char, kind, country, sector, "
            "org, title, actor_id FROM mentions WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        )
        return [
            {
                "name": m["name"],
                "text": m["text"],
                "span": [m["start_char"], m["end_char"]],
                "kind": m["kind"],
                "country": m["country"],
                "sector": m["sector"],
                "org": m["org"],
                "title": m["title"],
                "id": m["actor_id"],
            }
            for m in found
        ]

    # ---- actors ------------------------------------------------------------------------
    def actors(
        self, q: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict]:
        """Resolved actors, most events first; q matches the id or part of the name."""
        clauses, params = [], []
        if q:
            clauses.append("(id = ? OR name_key LIKE ? ESCAPE '\\')")
            params += [q, "%" + like_escape(name_key(q)) + "%"]
        if country:
            clauses.append("country = ?")
            params.append(country.upper())
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return self._fetch(
            f"SELECT {_ACTOR_COLUMNS} FROM actors{where} "
            "ORDER BY event_count DESC, name, id LIMIT ? OFFSET ?",
            params + [check_count("limit", limit), check_count("offset", offset)],
        )

    def actor(self, actor_id: str, limit: int = 100) -> dict | None:
        """An actor with its events (as actor, as recipient) and its counterparts."""
        found = self._fetch(f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE id = ?", [actor_id])
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
            "LIMIT ?",
            [actor_id, role, limit],
        )
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
            "ORDER BY count DESC, name LIMIT ?",
            [actor_id, actor_id, limit],
        )

    # ---- the whole store -----------------------------------------------------------------
    def stats(self) -> dict:
        counts = {
            table: self._fetch(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] for table in _TABLES_COUNTED
        }
        counts["schema_version"] = self._fetch("SELECT MAX(version) AS v FROM schema_migrations")[0]["v"]
        return counts
