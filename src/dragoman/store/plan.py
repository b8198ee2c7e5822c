"""Query planning: what the store knows about a filter before it is turned into SQL.

An EventFilter (query.py) says what a user asked for; `_planned` adds how many events
its actor, country and search are on (the flags country_is_common, links_are_few,
actor_id, actor_is_common, country_in_fts), which decide the shape of the WHERE clause.
The table a count or timeline reads (a count table, or the events) is chosen here too.
"""

from __future__ import annotations

from .backend import Backend
from .query import EventFilter, actor_params, check_lang, check_search, single_term

COMMON = 5000  # events from which an actor or country counts as common (see EventFilter)
COMMON_SEARCH = 20_000  # and a full-text search, when with a common country


class Planner(Backend):
    def _planned(self, flt: EventFilter) -> EventFilter:
        """The filter with what the store knows about how many events it matches."""
        if flt.q is not None:
            check_search(flt.q)  # (before any full-text query runs)
        self._plan_country(flt)
        estimate = 0
        if flt.actor:
            flt.actor_id, estimate = self._resolve_actor(flt.actor)
            flt.actor_is_common = estimate >= COMMON
            flt.actor_drives = bool(flt.actor_id) and flt.q is not None and not (flt.doc or flt.lang)
            flt.actor_is_common = flt.actor_is_common and not flt.actor_drives
        if flt.type or flt.quad or flt.since or flt.until or flt.lang or flt.q is not None:
            if flt.actor:
                flt.links_are_few = estimate < COMMON
            elif flt.country and not flt.country_in_fts:
                flt.links_are_few = not flt.country_is_common
        return flt

    def _plan_country(self, flt: EventFilter) -> None:
        # A search with a country: one full-text query finds its events where the index
        # holds countries (SQLite), whatever the number of either.
        flt.country_in_fts = (
            bool(flt.country) and flt.q is not None and self.dialect.countries_in_fts(flt.country.upper())
        )
        if flt.country and not flt.country_in_fts:
            flt.country_is_common = self._is_common_country(flt.country)
        if flt.country_is_common and flt.q is not None and self._is_common_search(flt.q):
            # Both on many events: the country's links drive, and the search's matches
            # are collected once and looked up (not each match probed for the country).
            flt.country_is_common = False

    def _is_common_country(self, country: str) -> bool:
        found = self._fetch(
            "SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM event_actors WHERE country = ? LIMIT ?) t",
            [country.upper(), COMMON],
        )
        return found[0]["n"] >= COMMON

    def _is_common_search(self, q: str) -> bool:
        query = self.dialect.fts_query(q)
        if query is None:
            return False
        found = self._fetch(
            f"SELECT COUNT(*) AS n FROM ({self.dialect.fts_matches()} LIMIT ?) t", [query, COMMON_SEARCH]
        )
        return found[0]["n"] >= COMMON_SEARCH

    def _resolve_actor(self, actor: str) -> tuple[str | None, int]:
        """(the id of the one resolved actor an actor filter matches, or None when it
        matches several or names without an id; about how many events it matches, an
        upper bound from the counts kept on actors, up to COMMON unresolved links)."""
        ident, pattern, _ = actor_params(actor)
        found = self._fetch(
            "SELECT COUNT(*) AS k, MIN(id) AS id, "
            "COALESCE(SUM(event_count), 0) AS n FROM actors "
            "WHERE id = ? OR name_key LIKE ? ESCAPE '\\'",
            [ident, pattern],
        )[0]
        unresolved = self._fetch(
            "SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM event_actors "
            "WHERE actor_id IS NULL AND name_key LIKE ? ESCAPE '\\' "
            "LIMIT ?) t",
            [pattern, COMMON],
        )[0]["n"]
        only = found["id"] if found["k"] == 1 and not unresolved else None
        return only, int(found["n"]) + unresolved

    # ---- where counts and timelines read from --------------------------------------------
    def _count_source(self, flt: EventFilter, terms: bool = False) -> tuple[str, str, str, str, list]:
        """Where a count or timeline counts from: (`table alias`, alias, count expression,
        WHERE, params).

        A count table when one answers the filters (type, quad and dates, with at most
        one country, one resolved actor, one language or, with `terms`, one full-text
        word), else the events themselves. `flt` must come from _planned (which resolves the actor).
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

    def _cluster_count_source(self, flt: EventFilter) -> tuple[str, str, str, str, list]:
        """_count_source for counting clusters, each once, at the date and type of its
        representative report (as /api/clusters lists it): the type, quad and date
        filters select by those; the actor, country, search and document filters select
        the clusters with a report that matches them (as /api/clusters does). A cluster
        count table (cluster_counts.py) answers all but documents, a search that is not
        one plain word or comes with an actor or a country, an actor filter that is not
        one resolved actor, and an actor with a country; the others read the matching
        reports' clusters from cluster_reports (one row per report, by seq)."""
        own = EventFilter(type=flt.type, quad=flt.quad, since=flt.since, until=flt.until)
        table = self._cluster_table_for(flt)
        if table:
            where, params = own.where(self.dialect, "c")
            if table[1]:
                where = f" WHERE c.{table[1]} = ?" + where.replace(" WHERE ", " AND ", 1)
                params = [table[2]] + params
            return f"{table[0]} c", "c", "c.n", where, params
        reports = self._planned(EventFilter(actor=flt.actor, country=flt.country, q=flt.q, doc=flt.doc))
        events = self._events_table(reports, "r")
        # (a search the full-text index answers alone gives seqs: no event is read)
        alone = events == self.dialect.events_found_by_fts("r") != "events r"
        inner, inner_params = reports.where(self.dialect, "k" if alone else "r")
        mine, own_params = own.where(self.dialect, "k")
        clauses = [c.removeprefix(" WHERE ") for c in (inner, mine) if c]
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        # Each matching report's cluster, with its date, type and quad, once per cluster
        # (those columns are the cluster's: DISTINCT keeps one row per cluster).
        joined = "cluster_reports k" if alone else f"{events} JOIN cluster_reports k ON k.seq = r.seq"
        source = f"(SELECT DISTINCT k.cluster_id, k.date, k.event, k.quad FROM {joined}{where}) e"
        return source, "e", "1", "", inner_params + own_params

    def _cluster_table_for(self, flt: EventFilter) -> tuple[str, str | None, str | None] | None:
        """The cluster count table that answers the filters: (table, key column, key value)."""
        if flt.doc:
            return None
        if flt.q is not None:
            term = single_term(flt.q)
            if term is None or flt.actor or flt.country:
                return None
            return "cluster_term_counts", "term", term
        if flt.actor and (flt.country or not flt.actor_id):
            return None
        if flt.country:
            return "cluster_country_counts", "country", flt.country.upper()
        if flt.actor:
            return "cluster_actor_counts", "actor_id", flt.actor_id
        return "cluster_counts", None, None

    def _events_table(self, flt: EventFilter, alias: str = "e") -> str:
        """`events e`, as counts, timelines and pages read it: a search with at most a
        type, quad, dates and a country the full-text query holds reads only its matches'
        date, type and quad (or seq), which the filters need too (the newest 1,000 of a
        word's matches since a year took 1.3-1.9 s reading their rows)."""
        searched = flt.q is not None and self.dialect.fts_query(flt.q) is not None
        others = (flt.actor, flt.doc, flt.lang)
        if searched and not any(others) and (not flt.country or flt.country_in_fts):
            return self.dialect.events_found_by_fts(alias)
        if searched and flt.actor_drives:
            return self.dialect.events_found_by_id(alias)
        return f"events {alias}"

    def _count_table_for(self, flt: EventFilter, terms: bool = False) -> tuple[str, str | None, str] | None:
        """The count table that answers the filters: (table, key column, key value).

        The term counts answer a search for one plain word (terms=True: timelines only;
        a total would still have to find the search's undated events one by one); a
        phrase, several words or a prefix search is answered from the events.
        """
        if flt.q is not None:
            term = single_term(flt.q) if terms else None
            if term is None or flt.doc or flt.actor or flt.country or flt.lang:
                return None
            return "term_counts", "term", term
        if flt.doc or sum(1 for key in (flt.actor, flt.country, flt.lang) if key) > 1:
            return None  # (each count table is keyed by one of them)
        if flt.lang:
            return "lang_counts", "lang", check_lang(flt.lang)
        if flt.country:
            return "country_counts", "country", flt.country.upper()
        if flt.actor:  # (several actors: their events must be read and deduplicated)
            return ("actor_counts", "actor_id", flt.actor_id) if flt.actor_id else None
        return "event_counts", None, None
