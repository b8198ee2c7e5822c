"""Linking one new article into a big store, and listing clusters there: latency.

    PYTHONPATH=src .venv/bin/python benchmarks/linking_latency.py --events 50000 --db /tmp/link-bench.db [--new 200]

Fills an SQLite store with synthetic articles of 10 events each (3,000 actors of 40
countries drawn with a long tail, 16 types, 200 cities, dates over ten years) linked as
ingest links them (an existing --db with enough events is reused), then times linking
`--new` more articles one at a time (each in its own write transaction, as at ingest:
its document and event rows, then the lookups, comparisons and writes of
store/clusters.py; the full-text index and count tables are left out) and listing clusters
with a mix of filters. Prints p50/p95 of each.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date

from dragoman.model import QUADS
from dragoman.store import open_store
from dragoman.store import rows as R
from dragoman.store.clusters import link_records, unlink_document

SEED = 20261205
TYPES = sorted(QUADS)
COUNTRIES = ["USA", "CHN", "RUS", "IND", "PAK", "IRN", "ISR", "UKR", "TUR", "FRA", "DEU",
             "GBR", "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ETH", "SDN", "SYR", "IRQ",
             "AFG", "EGY", "SAU", "ZAF", "KEN", "COL", "VEN", "IDN", "PHL", "MMR", "UZB",
             "KAZ", "TJK", "AZE", "ARM", "GEO", "POL", "ITA"]
FIRST_DAY = date(2015, 1, 1).toordinal()


def actors(rng: random.Random) -> list[dict]:
    out = []
    for i in range(3000):
        country = COUNTRIES[int(rng.paretovariate(1.1)) % len(COUNTRIES)]
        kind = rng.choice(["person", "person", "group", "state"])
        if kind == "state":
            out.append({"name": country, "kind": "state", "country": country, "sector": "GOV",
                        "id": country})
        else:
            out.append({"name": f"actor {i}", "kind": kind, "country": country,
                        "sector": rng.choice(["GOV", "MIL", "REB", "CVL"]), "id": f"b-{i:05d}"})
    return out


def article(rng: random.Random, n: int, people: list[dict]) -> tuple[str, str, list[dict]]:
    doc_id = f"syn-{n:07d}"
    day = FIRST_DAY + rng.randrange(3650)
    records = []
    for i in range(10):
        when = date.fromordinal(day - rng.choice([0, 0, 0, 1, 2])).isoformat()
        city = rng.randrange(200)
        records.append({
            "id": f"{doc_id}-{i}", "doc_id": doc_id, "event": rng.choice(TYPES),
            "actor": [rng.choice(people)], "recipient": [rng.choice(people)],
            "date": when, "date_precision": "day", "date_end": None, "modality": "asserted",
            "location": {"name": f"city {city}", "country_code": COUNTRIES[city % 40],
                         "feature": "city"} if rng.random() < 0.3 else None,
            "text": f"Synthetic sentence {i} of {doc_id}."})
    return doc_id, date.fromordinal(day).isoformat(), records


def store_article(store, doc_id: str, day: str, records: list[dict]) -> None:
    store._execute("INSERT INTO documents (id, content_hash, text, date, warnings, ingested_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)", [doc_id, doc_id, doc_id, day, "[]", R.now()])
    store._insert("events", [R.event_row({**r, "quad": QUADS[r["event"]], "cameo": None,
                                          "mode": None, "confidence": 0.5}) for r in records])
    text = " ".join(r["text"] for r in records)
    link_records(store, doc_id, records, text, day, f"source-{doc_id[-2:]}")


def fill(store, total: int, rng: random.Random, people: list[dict]) -> int:
    have = store._fetch("SELECT COUNT(*) AS n FROM documents")[0]["n"]
    started = time.monotonic()
    while have * 10 < total:
        with store._transaction():
            for n in range(have, min(have + 100, total // 10)):
                store_article(store, *article(rng, n, people))
        have = min(have + 100, total // 10)
        rate = have * 10 / max(time.monotonic() - started, 1e-9)
        print(f"\r  {have * 10:,} events ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return have


def percentiles(ms: list[float]) -> str:
    ms = sorted(ms)
    return (f"p50 {statistics.median(ms):.1f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, "
            f"max {ms[-1]:.1f} ms ({len(ms)} runs)")


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
        linked = []
        for n in range(have + 10_000_000, have + 10_000_000 + args.new):
            doc = article(rng, n, people)
            start = time.perf_counter()
            with store._transaction():
                store_article(store, *doc)
            linked.append(1000 * (time.perf_counter() - start))
            with store._transaction():  # (the store stays as it was for the next one)
                unlink_document(store, doc[0])
                store._execute("DELETE FROM events WHERE doc_id = ?", [doc[0]])
                store._execute("DELETE FROM documents WHERE id = ?", [doc[0]])
        print(f"{have * 10:,} events; storing and linking one new article of 10 events: "
              f"{percentiles(linked)}")
        listed = []
        filters = [{}, {"country": "USA"}, {"type": "ASSAULT"}, {"since": "2020-03"},
                   {"country": "FRA", "type": "CONSULT"}, {"order": "-date"}]
        for i in range(60):
            start = time.perf_counter()
            store.clusters(**filters[i % len(filters)], limit=50)
            listed.append(1000 * (time.perf_counter() - start))
        print(f"listing 50 clusters (a mix of filters): {percentiles(listed)}")


if __name__ == "__main__":
    main()
