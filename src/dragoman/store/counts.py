"""The count tables kept in step with the events, so that totals and timelines are read
from a few rows per day instead of counting events.

Per day and type: every dated event (event_counts), those of each resolved actor
(actor_counts), each country (country_counts) and each language (lang_counts), and those
whose sentence holds each full-text term (term_counts). Ingest adds a document's events
to them, replacement and delete take them away; only the rows touched are written.
"""

from __future__ import annotations

from .backend import Backend
from .migrations import TERM_COUNTS_FILL
from .rows import EVENT_KEYS, daily_counts

# The tables of per-day counts, with the columns that key them besides (date, event):
# one row per date and type, per actor, per country (columns of the links), per language
# (a column of the events: rows.EVENT_KEYS).
COUNT_TABLES = {
    "event_counts": (),
    "actor_counts": ("actor_id",),
    "country_counts": ("country",),
    "lang_counts": ("lang",),
}


class CountKeeper(Backend):
    def _add_counts(self, records: list[dict], links: list[dict]) -> None:
        """Add events (records and their link rows) to the per-day count tables."""
        for table, counts in daily_counts(records, links, COUNT_TABLES).items():
            if not counts:
                continue
            keys = ", ".join(COUNT_TABLES[table] + ("date", "event"))
            placeholders = ", ".join("?" for _ in range(len(COUNT_TABLES[table]) + 4))
            self._executemany(
                f"INSERT INTO {table} ({keys}, quad, n) VALUES ({placeholders}) "
                f"ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + excluded.n",
                [key + (n,) for key, n in counts.items()],
            )

    def _subtract_counts(self, doc_id: str) -> None:
        """Take a document's events out of the per-day count tables (before deleting them)."""
        for table, extra in COUNT_TABLES.items():
            on_links = extra and extra[0] not in EVENT_KEYS
            keys = [f"{'l' if on_links else 'e'}.{c}" for c in extra] + ["e.date", "e.event"]
            joined = (
                f" JOIN event_actors l ON l.event_id = e.id AND l.{extra[0]} IS NOT NULL" if on_links else ""
            )
            old = self._fetch(
                f"SELECT {', '.join(keys)}, COUNT(DISTINCT e.id) AS n "
                f"FROM events e{joined} WHERE e.doc_id = ? AND e.date IS NOT NULL "
                f"GROUP BY {', '.join(keys)}",
                [doc_id],
            )
            if not old:
                continue
            match = " AND ".join(f"{c} = ?" for c in extra + ("date", "event"))
            rows = [tuple(r[c] for c in extra + ("date", "event")) for r in old]
            self._executemany(
                f"UPDATE {table} SET n = n - ? WHERE {match}", [(r["n"],) + key for r, key in zip(old, rows)]
            )
            # Only the rows just lowered: a scan of a big count table per delete would not do.
            self._executemany(f"DELETE FROM {table} WHERE {match} AND n <= 0", rows)

    def _add_term_counts(self, doc_id: str) -> None:
        rows = self._term_counts_of(doc_id)
        if rows:
            self._executemany(
                "INSERT INTO term_counts (term, date, event, quad, n) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (term, date, event) DO UPDATE SET n = term_counts.n + excluded.n",
                rows,
            )

    def _subtract_term_counts(self, doc_id: str) -> None:
        rows = self._term_counts_of(doc_id)
        if not rows:
            return
        match = "term = ? AND date = ? AND event = ?"
        self._executemany(
            f"UPDATE term_counts SET n = n - ? WHERE {match}", [(r[4],) + tuple(r[:3]) for r in rows]
        )
        self._executemany(f"DELETE FROM term_counts WHERE {match} AND n <= 0", [tuple(r[:3]) for r in rows])

    def _recount_terms(self) -> None:
        """Count every event's terms again, from scratch (after a bulk load that wrote
        events and the full-text index directly, as benchmarks/serve_latency.py does)."""
        with self._transaction():
            self._execute("DELETE FROM term_counts")
            for statement in TERM_COUNTS_FILL[self.dialect.name]:
                self._execute(statement)
