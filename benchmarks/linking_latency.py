"""Linking one new article into a big store, and listing clusters there: latency.

    PYTHONPATH=src .venv/bin/python benchmarks/linking_latency.py --events 1000000 --db /tmp/bench.db [--new 200]

Fills an SQLite store with synthetic articles and their clusters (synthetic.py: about 700,000
clusters for 1,000,000 events; an existing --db with enough events is reused, so
serve_latency.py's store serves both), then times the ingest of `--new` more articles one at
a time (each deleted after, so that the store stays as it was), and the linking within it
(store/clusters.py). Each new article is dated on a random day of the store's ten years and
reports, like the stored ones, about a third of its events again from the happenings stored
over its last two days: linking finds them through the blocking keys and joins their
clusters. Then times listing 50 clusters with a mix of filters. Prints p50/p95 of each, with
the machine's load average. Targets (issue 13): linking p95 <= 50 ms, listing p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

from synthetic import DAYS, FIRST_DAY, SEED, Articles, fill, load, said, summary

from dragoman.store import clusters, open_store

LISTINGS = [
    {},
    {"country": "USA"},
    {"type": "ASSAULT"},
    {"since": "2020-03"},
    {"country": "FRA", "type": "CONSULT"},
    {"order": "-date"},
    {"actor": "b-00007"},
    {"q": "ceasefire"},
]


def new_articles(store, n: int):
    """`n` new articles, each on a random day, reporting some happenings stored then."""
    articles, rng = Articles(SEED + 2), random.Random(SEED + 3)
    for i in range(n):
        day = FIRST_DAY + 2 + rng.randrange(DAYS - 2)
        stored = store._fetch(
            "SELECT record FROM events WHERE date BETWEEN ? AND ? ORDER BY seq LIMIT 300",
            [date.fromordinal(day - 2).isoformat(), date.fromordinal(day).isoformat()],
        )
        articles.recall(day, [json.loads(r["record"]) for r in stored])
        yield articles.article(10_000_000 + i, day)[0]


def time_linking(store, n: int) -> tuple[list[float], list[float], list[float], list[int]]:
    """(ms per ingest, ms of linking within it, CPU ms of that linking, stored reports each
    new article joined). On a shared machine the wall time waits for the CPU; the CPU time
    (this process's, system calls included) says what linking itself costs."""
    ingested, linked, cpu, joined = [], [], [], []
    link = clusters.link_document

    def timed(store_, doc, *args):
        start, started = time.perf_counter(), time.process_time()
        link(store_, doc, *args)
        linked.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.process_time() - started))

    clusters.link_document = timed
    try:
        for doc in new_articles(store, n):
            start = time.perf_counter()
            store.ingest(doc)
            ingested.append(1000 * (time.perf_counter() - start))
            joined.append(
                store._fetch(
                    "SELECT COUNT(*) AS n FROM cluster_members m JOIN cluster_members o "
                    "ON o.cluster_id = m.cluster_id AND o.doc_id <> m.doc_id WHERE m.doc_id = ?",
                    [doc.id],
                )[0]["n"]
            )
            store.delete(doc.id)
    finally:
        clusters.link_document = link
    return ingested, linked, cpu, joined


def time_listing(store, runs: int) -> list[float]:
    listed = []
    for i in range(runs):
        start = time.perf_counter()
        store.clusters(**LISTINGS[i % len(LISTINGS)], limit=50)
        listed.append(1000 * (time.perf_counter() - start))
    return listed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/dragoman-bench.db")
    parser.add_argument("--new", type=int, default=200)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    with open_store(args.db) as store:
        have = store.stats()["events"]
        if have == 0:
            print(f"filling {args.db} with {args.events:,} synthetic events", file=sys.stderr)
            fill(store, args.events)
        elif have < args.events:
            raise SystemExit(f"{args.db} holds {have:,} events, fewer than --events: use another --db")
        have = store.stats()["events"]
        before = load()
        ingested, linked, cpu, joined = time_linking(store, args.new)
        listed = time_listing(store, 10 * len(LISTINGS))
        after = load()
    print(f"{have:,} events ({before}; after: {after})")
    print(f"ingesting one new article of 10 events: {said(ingested)}")
    print(f"  of which linking it: {said(linked)}")
    print(f"  CPU time of that linking: {said(cpu)}")
    print(f"  stored reports in the clusters each new article joined: mean {sum(joined) / len(joined):.1f}")
    print(f"listing 50 clusters (a mix of filters): {said(listed)}")
    if args.json:
        figures = {
            "events_in_store": have,
            "load": [before, after],
            "ingest": summary(ingested),
            "linking": summary(linked),
            "linking_cpu": summary(cpu),
            "listing": summary(listed),
        }
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
