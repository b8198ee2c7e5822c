"""Linking one new article into a big store, and listing clusters there: latency.

    PYTHONPATH=src .venv/bin/python benchmarks/linking_latency.py --events 50000 --db /tmp/link-bench.db [--new 200]

Fills an SQLite store with synthetic articles of 10 events each (3,000 actors of 40
countries drawn with a long tail, 16 types, 200 cities, dates over ten years) through
Store.ingest, linking included (an existing --db with enough events is reused), then
times the ingest of `--new` more articles one at a time, and the linking within it
(store/clusters.py), and listing clusters with a mix of filters. Prints p50/p95 of each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date

from dragoman.model import QUADS, Document, Entity, Event, Place
from dragoman.store import clusters, open_store

SEED = 20261205
TYPES = sorted(QUADS)
COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "IND",
    "PAK",
    "IRN",
    "ISR",
    "UKR",
    "TUR",
    "FRA",
    "DEU",
    "GBR",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "MEX",
    "NGA",
    "ETH",
    "SDN",
    "SYR",
    "IRQ",
    "AFG",
    "EGY",
    "SAU",
    "ZAF",
    "KEN",
    "COL",
    "VEN",
    "IDN",
    "PHL",
    "MMR",
    "UZB",
    "KAZ",
    "TJK",
    "AZE",
    "ARM",
    "GEO",
    "POL",
    "ITA",
]
FIRST_DAY = date(2015, 1, 1).toordinal()
WORDS = ["border", "talks", "ceasefire", "sanctions", "election", "protest", "trade", "oil"]


def actors(rng: random.Random) -> list[dict]:
    out = []
    for i in range(3000):
        country = COUNTRIES[int(rng.paretovariate(1.1)) % len(COUNTRIES)]
        kind = rng.choice(["person", "person", "group", "state"])
        if kind == "state":
            out.append({"name": country, "kind": "state", "country": country, "sector": "GOV", "id": country})
        else:
            out.append(
                {
                    "name": f"actor {i}",
                    "kind": kind,
                    "country": country,
                    "sector": rng.choice(["GOV", "MIL", "REB", "CVL"]),
                    "id": f"b-{i:05d}",
                }
            )
    return out


def article(rng: random.Random, n: int, people: list[dict]) -> Document:
    """A synthetic article of 10 events, one sentence each."""
    doc_id = f"syn-{n:07d}"
    day = FIRST_DAY + rng.randrange(3650)
    sentences = [f"Synthetic sentence {i} of {doc_id} about {rng.choice(WORDS)}." for i in range(10)]
    text = " ".join(sentences)
    events, at = [], 0
    for i, sentence in enumerate(sentences):
        span = (at, at + len(sentence))
        at = span[1] + 1
        city = rng.randrange(200)
        place = (
            Place(f"city {city}", f"city {city}", None, None, None, COUNTRIES[city % 40], None, "city")
            if rng.random() < 0.3
            else None
        )
        when = date.fromordinal(day - rng.choice([0, 0, 0, 1, 2])).isoformat()
        events.append(
            Event(
                doc_id=doc_id,
                event=rng.choice(TYPES),
                text=sentence,
                span=span,
                trigger={"text": "Synthetic", "span": [span[0], span[0] + 9]},
                actor=[_entity(rng.choice(people))],
                recipient=[_entity(rng.choice(people))],
                date=when,
                date_precision="day",
                location=place,
            )
        )
    return Document(
        id=doc_id,
        text=text,
        date=date.fromordinal(day).isoformat(),
        source=f"source-{n % 50}.example",
        events=events,
    )


def _entity(a: dict) -> Entity:
    return Entity(
        name=a["name"],
        text=a["name"],
        span=(0, 1),
        kind=a["kind"],
        country=a["country"],
        sector=a["sector"],
        id=a["id"],
    )


def fill(store, total: int, rng: random.Random, people: list[dict]) -> int:
    have = store._fetch("SELECT COUNT(*) AS n FROM documents")[0]["n"]
    started, first = time.monotonic(), have
    while have * 10 < total:
        with store._transaction():
            for n in range(have, min(have + 100, total // 10)):
                store.ingest(article(rng, n, people))
        have = min(have + 100, total // 10)
        rate = (have - first) * 10 / max(time.monotonic() - started, 1e-9)
        print(f"\r  {have * 10:,} events ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return have


def percentiles(ms: list[float]) -> str:
    ms = sorted(ms)
    return (
        f"p50 {statistics.median(ms):.1f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, "
        f"max {ms[-1]:.1f} ms ({len(ms)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/dragoman-link-bench.db")
    parser.add_argument("--new", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(SEED)
    people = actors(rng)
    with open_store(args.db) as store:
        have = fill(store, args.events, rng, people)
        ingested, linked = [], []
        link = clusters.link_document

        def timed(store_, doc):
            start = time.perf_counter()
            link(store_, doc)
            linked.append(1000 * (time.perf_counter() - start))

        clusters.link_document = timed
        for n in range(10_000_000, 10_000_000 + args.new):
            doc = article(rng, n, people)
            start = time.perf_counter()
            store.ingest(doc)
            ingested.append(1000 * (time.perf_counter() - start))
            store.delete(doc.id)  # (the store stays as it was for the next one)
        clusters.link_document = link
        print(f"{have * 10:,} events; ingesting one new article of 10 events: {percentiles(ingested)}")
        print(f"  of which linking it: {percentiles(linked)}")
        listed = []
        filters = [
            {},
            {"country": "USA"},
            {"type": "ASSAULT"},
            {"since": "2020-03"},
            {"country": "FRA", "type": "CONSULT"},
            {"order": "-date"},
        ]
        for i in range(60):
            start = time.perf_counter()
            store.clusters(**filters[i % len(filters)], limit=50)
            listed.append(1000 * (time.perf_counter() - start))
        print(f"listing 50 clusters (a mix of filters): {percentiles(listed)}")


if __name__ == "__main__":
    main()
