"""Synthetic stores for the latency benchmarks (serve_latency.py, linking_latency.py), and
their timing helpers.

Filling a store through the pipeline runs at about a thousand events a second, so the
benchmarks fill it with synthetic articles instead: model Documents built here, whose rows
(documents, events, actor links, per-day counts, full-text index) are made by the store's own
row functions and written with executemany, as ingest writes them.

The articles report *happenings*: each event of an article either reports a new happening
(a type, an actor, a recipient, a day, sometimes a city) or, with REPORTED_AGAIN chance, one
that another article reported within the last two days (the same type, parties, date and
place, in a sentence of its own). Every happening is one cluster, written with what linking
keeps of each report (store/clusters.py: the report, its blocking keys, its article's
profile and keys, the cluster's counts), made by the linking package's own functions; the
clusters are those of the construction, not recomputed by linking (which would link more of
the unrelated happenings that share a country, a type and a day). Articles come in date
order, 10 events each, over ten years; 1,000,000 events make about 700,000 clusters.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from collections import deque
from dataclasses import replace
from functools import cached_property
from datetime import date

from dragoman.linking.articles import article_keys, article_of, article_setting
from dragoman.linking.blocking import index_rows
from dragoman.linking.clustering import article_json, report_json, span_of
from dragoman.linking.rules import compare, day_ordinal, report_of, sentence_key
from dragoman.model import QUADS, Document, Entity, Event, Place
from dragoman.store import cluster_counts, cluster_tags, entities
from dragoman.store import rows as R

SEED = 20261123
EVENTS_PER_DOC = 10
ACTORS = 3000
SOURCES = 50
REPORTED_AGAIN = 0.35  # chance that an event reports a happening another article reported
FIRST_DAY = date(2015, 1, 1).toordinal()
DAYS = 3650
# fmt: off
COUNTRIES = [
    "USA", "CHN", "RUS", "IND", "PAK", "IRN", "ISR", "UKR", "TUR", "FRA", "DEU", "GBR", "JPN",
    "KOR", "PRK", "BRA", "MEX", "NGA", "ETH", "SDN", "SYR", "IRQ", "AFG", "EGY", "SAU", "ZAF",
    "KEN", "COL", "VEN", "IDN", "PHL", "MMR", "UZB", "KAZ", "TJK", "AZE", "ARM", "GEO", "POL",
    "ITA",
]
WORDS = [
    "border", "talks", "ceasefire", "sanctions", "election", "protest", "trade", "pipeline",
    "refugees", "drought", "vaccine", "summit", "troops", "court", "oil", "harbour",
    "university", "strike", "embassy", "corruption",
]
# fmt: on
SECTORS = ["GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "MED", "BUS", "CVL"]
TYPES = list(QUADS)
WEIGHTS = [12, 20, 10, 3, 8, 4, 2, 6, 8, 4, 3, 6, 3, 2, 4, 5]


# ---- timing -------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(ms: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "max_ms": round(max(ms), 1),
        "runs": len(ms),
    }


def said(ms: list[float]) -> str:
    s = summary(ms)
    return f"p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, max {s['max_ms']} ms ({s['runs']} runs)"


def load() -> str:
    """The machine's load average (1, 5, 15 minutes): the figures depend on it."""
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


# ---- actors and happenings ----------------------------------------------------------------


def make_actors(rng: random.Random) -> list[dict]:
    actors = []
    for i in range(ACTORS):
        country = rng.choice(COUNTRIES)
        name = (
            f"{rng.choice(['Minister', 'General', 'Party', 'Union', 'Court', 'Council'])} "
            f"{country.title()} {i}"
        )
        actors.append(
            {
                "id": f"b-{i:05d}",
                "name": name,
                "name_key": R.name_key(name),
                "kind": "organization",
                "country": country,
                "sector": rng.choice(SECTORS),
                "org": None,
                "title": None,
            }
        )
    return actors


def entity(actor: dict) -> Entity:
    return Entity(
        name=actor["name"],
        text=actor["name"],
        span=(0, len(actor["name"])),
        kind=actor["kind"],
        country=actor["country"],
        sector=actor["sector"],
        id=actor["id"],
    )


class _Event(Event):
    """An Event whose id (a hash of its fields) is computed once: ingest asks for it five
    times per event, which took a fifth of the time of a bulk fill."""

    id = cached_property(Event.id.fget)


class _Place(Place):
    """A Place whose dict is made once (dataclasses.asdict is slow)."""

    @cached_property
    def _dict(self) -> dict:
        return super().to_dict()

    def to_dict(self) -> dict:
        return dict(self._dict)


class Articles:
    """Synthetic articles in date order (see the module's docstring)."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.actors = make_actors(self.rng)
        self.recent: deque = deque()  # (day, happening) of the last days, oldest first

    def happening(self, day: int) -> tuple:
        rng = self.rng
        # Skewed choice: a few actors are on many events, as in news.
        who = self.actors[int(rng.paretovariate(1.2) * 7) % ACTORS]
        whom = self.actors[rng.randrange(ACTORS)]
        city = rng.randrange(200)
        place = (
            _Place(f"City {city}", f"City {city}", country_code=COUNTRIES[city % 40])
            if rng.random() < 0.3
            else None
        )
        when = date.fromordinal(day - rng.choice([0, 0, 0, 1])).isoformat()
        return (rng.choices(TYPES, WEIGHTS)[0], who, whom, when, place)

    def article(self, n: int, day: int) -> tuple[Document, list[tuple]]:
        """Article number n, published on `day`, and the happening each event reports."""
        rng = self.rng
        while self.recent and self.recent[0][0] < day - 2:
            self.recent.popleft()
        doc_id = f"bench-{n:07d}"
        told, new = [], []
        for _ in range(EVENTS_PER_DOC):
            if self.recent and rng.random() < REPORTED_AGAIN:
                told.append(self.recent[rng.randrange(len(self.recent))][1])
            else:
                told.append(self.happening(day))
                new.append(told[-1])
        sentences, events, at = [], [], 0
        for i, (kind, who, whom, when, place) in enumerate(told):
            text = (
                f"{who['name']} and {whom['name']} discussed the {rng.choice(WORDS)} and the "
                f"{rng.choice(WORDS)} on {when}."
            )
            span = (at, at + len(text))
            at = span[1] + 1
            sentences.append(text)
            events.append(
                _Event(
                    doc_id=doc_id,
                    event=kind,
                    text=text,
                    span=span,
                    trigger={"text": "discussed", "span": [span[0], span[0] + 9]},
                    actor=[entity(who)],
                    recipient=[entity(whom)],
                    date=when,
                    date_text=when,
                    date_precision="day",
                    location=place,
                    confidence=round(rng.random(), 3),
                )
            )
        self.recent.extend((day, h) for h in new)  # (reported again for two days at most)
        doc = Document(
            id=doc_id,
            text=" ".join(sentences),
            date=date.fromordinal(day).isoformat(),
            source=f"source-{n % SOURCES}.example",
            events=events,
        )
        return doc, told

    def recall(self, day: int, records: list[dict]) -> None:
        """Make these stored records the happenings that articles of `day` may report
        again (for articles written into a store filled before)."""
        by_id = {a["id"]: a for a in self.actors}
        self.recent.clear()
        for r in records:
            place = r["location"]
            self.recent.append(
                (
                    day,
                    (
                        r["event"],
                        by_id[r["actor"][0]["id"]],
                        by_id[r["recipient"][0]["id"]],
                        r["date"],
                        _Place(place["name"], place["text"], country_code=place["country_code"])
                        if place
                        else None,
                    ),
                )
            )

    def stream(self, total: int, first: int = 0):
        """(document, happenings) for `total` events' worth of articles, in date order,
        numbered from `first` (of the articles a store of `first`*10 events holds)."""
        docs = (total + EVENTS_PER_DOC - 1) // EVENTS_PER_DOC
        for n in range(first, first + docs):
            yield self.article(n, FIRST_DAY + (n - first) * DAYS // docs)


# ---- writing a store ------------------------------------------------------------------------


class Clusters:
    """The clusters of the happenings written so far: one per happening, named by its
    first report, with what store/clusters.py keeps of it."""

    def __init__(self):
        self.of: dict[int, dict] = {}  # id(happening) -> cluster

    def report(self, happening: tuple, record: dict, doc: Document, setting):
        """report_of(record): made anew for a happening's first report; the others differ
        from it only in what their own record and article say (as report_of would make them)."""
        c = self.of.get(id(happening))
        if c is None:
            return report_of(record, doc.date, frozenset(), setting)
        first = c["first"]
        return replace(
            first,
            id=record["id"],
            doc_id=record["doc_id"],
            sentence=sentence_key(record["text"]),
            reported=day_ordinal(doc.date),
            setting=setting,
        )

    def member(self, happening: tuple, report, doc: Document) -> dict:
        c = self.of.get(id(happening))
        linked = None
        if c is None:
            c = self.of[id(happening)] = {
                "id": report.id,
                "happening": happening,  # (keeps id(happening) unique while it is listed)
                "first": report,
                "event": report.event,
                "representative": report.id,
                "date": happening[3],
                "span": span_of(report),
                "docs": set(),
                "sources": set(),
                "mentions": 0,
                "first_reported": doc.date,
            }
        else:
            linked = c["first"]
        c["docs"].add(doc.id)
        c["sources"].add(doc.source)
        c["mentions"] += 1
        c["last_reported"] = doc.date
        return {
            "event_id": report.id,
            "cluster_id": c["id"],
            "doc_id": doc.id,
            **dict(zip(("first_day", "last_day"), span_of(report) or (None, None))),
            "linked_to": linked.id if linked else None,
            "why": self._why(c, report) if linked else None,
            "report": report_json(report),
        }

    @staticmethod
    def _why(c: dict, report) -> str:
        # The reasons say the same of every report of a happening but where its article
        # tells it: worked out once for the second report of each (compare() is slow).
        if "why" not in c:
            c["why"] = json.dumps(list(compare(report, c["first"]).reasons))
        return c["why"]

    def done_before(self, day: int | None) -> list[tuple]:
        """The rows of the clusters no article from `day` on reports again (all: None)."""
        out, cutoff = [], date.fromordinal(day - 3).isoformat() if day else None
        for key, c in list(self.of.items()):
            if cutoff is None or c["first_reported"] < cutoff:
                del self.of[key]
                span = c["span"] or (None, None)
                out.append(
                    (
                        c["id"],
                        c["event"],
                        c["representative"],
                        c["date"],
                        span[0],
                        span[1],
                        len(c["docs"]),
                        len(c["sources"]),
                        c["mentions"],
                        c["first_reported"],
                        c["last_reported"],
                    )
                )
        return out


def fill(store, total: int, batch: int = 2000) -> None:
    """Write `total` synthetic events (about 1,000,000 a few minutes) into an empty
    SQLite store, with their clusters, then rebuild the full-text index and counts."""
    articles = Articles()
    store._upsert_actors(articles.actors)
    store._execute("PRAGMA cache_size = -1000000")  # (a gigabyte: the key tables are big)
    kept, written, started, docs = Clusters(), 0, time.monotonic(), []
    for doc, told in articles.stream(total):
        docs.append((doc, told))
        if len(docs) == batch:
            written += _write(store, docs, kept, date.fromisoformat(docs[-1][0].date).toordinal())
            docs = []
            rate = written / (time.monotonic() - started)
            print(f"\r  {written:,} events ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    written += _write(store, docs, kept, None)
    print(f"\r  {written:,} events in {time.monotonic() - started:.0f} s", file=sys.stderr)
    with store._transaction():
        store._execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
        store._refresh_actors({a["id"] for a in articles.actors})
        cluster_tags.retag(store)
        entities.fill(store)  # (each record's actors and recipients as rows: migration 15)
        # (the clusters were written directly: their count tables, migrations 11 and 14)
        cluster_counts.refill(store)
    store._recount_terms()
    store.optimize()


def _write(store, docs: list[tuple], kept: Clusters, day: int | None) -> int:
    records, links, members, keys, doc_keys, doc_rows = [], [], [], [], [], []
    for doc, told in docs:
        events = R.unique_events(doc)
        mine = [ev.to_record() for ev in events]
        records += mine
        links += [link for ev in events for link in R.link_rows(ev)]
        article, setting = article_of(doc.id, mine, doc.date), article_setting(mine)
        doc_rows.append((doc.id, doc.date, doc.source, "[]", article_json(article)))
        doc_keys += [(key, article.day, doc.id) for key in article_keys(article)]
        for record, happening in zip(mine, told):
            report = kept.report(happening, record, doc, setting)
            members.append(kept.member(happening, report, doc))
            keys += [(key, d, report.id) for key, d in index_rows(report)]
    with store._transaction():
        store._insert("documents", [R.document_row(doc) for doc, _ in docs])
        store._insert("events", [R.event_row(r) for r in records])
        store._insert("event_actors", links)
        store._add_counts(records, links)
        store._executemany(
            "INSERT INTO cluster_docs (doc_id, reported, origin, copies, article) VALUES (?, ?, ?, ?, ?)",
            doc_rows,
        )
        store._insert("cluster_members", members)
        for table, column, rows in (
            ("cluster_keys", "event_id", keys),
            ("cluster_doc_keys", "doc_id", doc_keys),
        ):
            store._executemany(
                f"INSERT INTO {table} (key, day, {column}) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                sorted(set(rows)),
            )
        store._executemany(
            "INSERT INTO clusters (id, event, representative, date, first_day, last_day, articles, "
            "sources, mentions, first_reported, last_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            kept.done_before(day),
        )
    return len(records)
