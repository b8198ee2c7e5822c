"""Timelines: event counts per day, week or month, by quad or by type.

Read from a count table where one answers the filters (plan.py), along the indexes that
hold its rows in timeline order (migration 7); the database writes the JSON itself.
"""

from __future__ import annotations

import json

from .plan import Planner
from .query import EventFilter, QueryError

INTERVALS = ("day", "week", "month")
# What a timeline counts: event records, or clusters (the reports of one happening, each
# counted once, at the date and type of its representative report: see
# Planner._cluster_count_source).
COUNTS = ("events", "clusters")
TIMELINE_KEYS = {"quad": "quad", "type": "event"}


class Timelines(Planner):
    def timeline(
        self, interval: str = "day", by: str = "quad", count: str = "events", **filters
    ) -> list[dict]:
        """Event counts per period and quad (or type): [{"period", "key", "count"}];
        with count="clusters", counts of clusters (see COUNTS).

        Events dated less precisely than the interval (a bare year in a daily
        timeline) and undated events are left out.
        """
        return json.loads(self.timeline_json(interval, by, count, **filters))

    def timeline_json(self, interval: str = "day", by: str = "quad", count: str = "events", **filters) -> str:
        """timeline() as the JSON text of its list, written by the database itself: a
        daily timeline over a big store has tens of thousands of rows, and making a
        Python object of each (to encode them again) took longer than counting them."""
        if interval not in INTERVALS:
            raise QueryError(f"unknown interval {interval!r}; use one of {', '.join(INTERVALS)}")
        if by not in TIMELINE_KEYS:
            raise QueryError(f"unknown timeline key {by!r}; use one of {', '.join(TIMELINE_KEYS)}")
        if count not in COUNTS:
            raise QueryError(f"unknown count {count!r}; use one of {', '.join(COUNTS)}")
        flt = self._planned(EventFilter(**filters))
        sql, params = self._timeline_sql(interval, by, flt, count)
        sql = self.dialect.json_rows(sql, ("period", "key", "count"), "c0, c1")
        return self._fetch_tuples(sql, params)[0][0]

    def _timeline_sql(
        self, interval: str, by: str, flt: EventFilter, count: str = "events"
    ) -> tuple[str, list]:
        """The timeline's rows (c0: period, c1: key, c2: count), in that order."""
        if count == "clusters":
            source, alias, n, where, params = self._cluster_count_source(flt)
        else:
            source, alias, n, where, params = self._count_source(flt, terms=True)
        where = f"{where} AND" if where else " WHERE"
        if interval == "day":
            return self._daily_sql(by, source, alias, n, where), params
        return self._periodic_sql(interval, by, source, alias, n, where), params

    def _daily_sql(self, by: str, source: str, alias: str, n: str, where: str) -> str:
        where += f" length({alias}.date) = 10"
        if by == "type" and alias == "c":
            # One count row per date and type already: read in the order of its index.
            return (
                f"SELECT {alias}.date AS c0, {alias}.event AS c1, {n} AS c2 FROM {source}"
                f"{where} ORDER BY {alias}.date, {alias}.event"
            )
        # The count tables' indexes hold (date, key) in order: no sort.
        key = f"{alias}.{TIMELINE_KEYS[by]}"
        return (
            f"SELECT {alias}.date AS c0, {key} AS c1, SUM({n}) AS c2 FROM {source}"
            f"{where} GROUP BY {alias}.date, {key} ORDER BY {alias}.date, {key}"
        )

    def _periodic_sql(self, interval: str, by: str, source: str, alias: str, n: str, where: str) -> str:
        period = self.dialect.period(interval, f"{alias}.date")
        where += f" {period} IS NOT NULL"
        key = f"{alias}.{TIMELINE_KEYS[by]}"
        if alias != "c" or by == "type":
            return (
                f"SELECT {period} AS c0, {key} AS c1, SUM({n}) AS c2 FROM {source}"
                f"{where} GROUP BY {period}, {key} ORDER BY {period}, {key}"
            )
        # Per period and type first, along the count table's period index (migration 7),
        # then per quad: a sort of at most a quarter as many rows as by type.
        return (
            f"SELECT c0, c1, SUM(c2) AS c2 FROM (SELECT {period} AS c0, {alias}.quad AS c1, "
            f"SUM({n}) AS c2 FROM {source}{where} GROUP BY {period}, {alias}.event, "
            f"{alias}.quad) t GROUP BY c0, c1 ORDER BY c0, c1"
        )
