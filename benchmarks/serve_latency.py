"""Latency of `dragoman serve` over a big store: p50/p95 of filtered /api/events queries and
of the timeline, through the real API (a `dragoman serve` process on a loopback port).

    .venv/bin/python benchmarks/serve_latency.py --events 1000000 --db /tmp/bench.db

Filling a store through the pipeline runs at about a thousand events a second, so the
store is filled with synthetic events instead: contract records built here and written
with the store's own row functions and executemany (the bulk helper below), in the same
tables, indexes, counts and full-text index that ingest maintains. An existing --db with
at least --events events is reused. Target: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from dragoman.model import QUADS
from dragoman.store import open_store
from dragoman.store import rows as R
from dragoman.store.migrations import CLUSTERS_FILL

SEED = 20261123
EVENTS_PER_DOC = 10
ACTORS = 3000
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
SECTORS = ["GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "MED", "BUS", "CVL"]
WORDS = [
    "border",
    "talks",
    "ceasefire",
    "sanctions",
    "election",
    "protest",
    "trade",
    "pipeline",
    "refugees",
    "drought",
    "vaccine",
    "summit",
    "troops",
    "court",
    "oil",
    "harbour",
    "university",
    "strike",
    "embassy",
    "corruption",
]
TYPES = list(QUADS)
WEIGHTS = [12, 20, 10, 3, 8, 4, 2, 6, 8, 4, 3, 6, 3, 2, 4, 5]


# ---- a synthetic store --------------------------------------------------------------------


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


def entity(actor: dict) -> dict:
    return {
        "name": actor["name"],
        "text": actor["name"],
        "span": [0, len(actor["name"])],
        "kind": actor["kind"],
        "country": actor["country"],
        "sector": actor["sector"],
        "org": None,
        "title": None,
        "id": actor["id"],
    }


def make_event(rng: random.Random, doc_id: str, i: int, actors: list[dict]) -> dict:
    # Skewed choice: a few actors are on many events, as in news.
    who = actors[int(rng.paretovariate(1.2) * 7) % len(actors)]
    whom = actors[rng.randrange(len(actors))]
    kind = rng.choices(TYPES, WEIGHTS)[0]
    day = 3650 * rng.random()
    date = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
    text = (
        f"{who['name']} and {whom['name']} discussed the {rng.choice(WORDS)} and the "
        f"{rng.choice(WORDS)} on {date}."
    )
    record = {
        "id": f"{doc_id}-{i}",
        "doc_id": doc_id,
        "event": kind,
        "mode": None,
        "context": [],
        "quad": QUADS[kind],
        "cameo": None,
        "actor": [entity(who)],
        "recipient": [entity(whom)],
        "date": date,
        "date_text": date,
        "location": None,
        "modality": "asserted",
        "text": text,
        "span": [0, len(text)],
        "trigger": {"text": "discussed", "span": [0, 9]},
        "confidence": round(rng.random(), 3),
    }
    return record


def links(record: dict) -> list[dict]:
    """The event_actors rows of a record, as R.link_rows makes them for an Event."""
    return [
        {
            "event_id": record["id"],
            "role": role,
            "actor_id": e["id"],
            "name": e["name"],
            "name_key": R.name_key(e["name"]),
            "country": e["country"],
        }
        for role in ("actor", "recipient")
        for e in record[role]
    ]


def fill(store, total: int) -> None:
    """Write `total` synthetic events, in batches of documents, then rebuild the indexes."""
    rng = random.Random(SEED)
    actors = make_actors(rng)
    store._upsert_actors(actors)
    started, written = time.monotonic(), 0
    while written < total:
        n_docs = min(2000, (total - written + EVENTS_PER_DOC - 1) // EVENTS_PER_DOC)
        written += write_batch(store, rng, actors, written // EVENTS_PER_DOC, n_docs, total - written)
        rate = written / (time.monotonic() - started)
        print(f"\r  {written:,} events ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with store._transaction():
        store._execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
        store._refresh_actors({a["id"] for a in actors})
        for statement in CLUSTERS_FILL:  # each synthetic event a cluster of its own
            store._execute(statement)
    store._recount_terms()
    store.optimize()


def write_batch(store, rng, actors, first_doc: int, n_docs: int, left: int) -> int:
    docs, records = [], []
    for d in range(first_doc, first_doc + n_docs):
        doc_id = f"bench-{d:07d}"
        docs.append((doc_id, doc_id, "synthetic", "2020-01-01", "[]", R.now()))
        for i in range(min(EVENTS_PER_DOC, left - len(records))):
            records.append(make_event(rng, doc_id, i, actors))
    with store._transaction():
        store._executemany(
            "INSERT INTO documents (id, content_hash, text, date, warnings, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?)",
            docs,
        )
        linked = [link for r in records for link in links(r)]
        store._insert("events", [R.event_row(r) for r in records])
        store._insert("event_actors", linked)
        store._add_counts(records, linked)
    return len(records)


# ---- the queries ---------------------------------------------------------------------------


def event_queries(rng: random.Random, n: int) -> list[tuple[str, dict]]:
    actors = make_actors(random.Random(SEED))  # the same actors fill() wrote
    makers = [
        lambda: {"actor": f"b-{int(rng.paretovariate(1.2) * 7) % ACTORS:05d}"},
        lambda: {"actor": rng.choice(actors)["name"].split(" ", 1)[1]},  # part of a name
        lambda: {"country": rng.choice(COUNTRIES)},
        lambda: {"type": rng.choice(TYPES)},
        lambda: {"quad": rng.choice(sorted(set(QUADS.values())))},
        lambda: {
            "since": f"{rng.randrange(2015, 2025)}-{rng.randrange(1, 13):02d}",
            "until": f"{rng.randrange(2015, 2025)}",
        },
        lambda: {"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}"},
        lambda: {
            "country": rng.choice(COUNTRIES),
            "type": rng.choice(TYPES),
            "since": str(rng.randrange(2015, 2025)),
        },
        lambda: {"actor": f"b-{rng.randrange(ACTORS):05d}", "quad": "verbal_cooperation"},
        lambda: {},
    ]
    return [
        ("/api/events", {**makers[i % len(makers)](), "limit": 50, "order": rng.choice(["date", "-date"])})
        for i in range(n)
    ]


def timeline_queries(rng: random.Random, n: int) -> list[tuple[str, dict]]:
    """What the web page asks for as filters are set one at a time (each maker once in
    turn): the whole store, one filter, a brushed date range, and searches (a word on
    ~100,000 events, two words, a word with a type, a date range, a country or an actor)."""

    def year():
        return rng.randrange(2015, 2025)

    makers = [
        lambda: {},
        lambda: {"type": rng.choice(TYPES)},
        lambda: {"since": str(year())},
        lambda: {"since": f"{year()}-{rng.randrange(1, 13):02d}", "until": str(year())},
        lambda: {"country": rng.choice(COUNTRIES)},
        lambda: {"actor": f"b-{int(rng.paretovariate(1.2) * 7) % ACTORS:05d}"},
        lambda: {"q": rng.choice(WORDS)},
        lambda: {"q": " ".join(rng.sample(WORDS, 2))},
        lambda: {"q": rng.choice(WORDS), "type": rng.choice(TYPES)},
        lambda: {"q": rng.choice(WORDS), "since": str(year())},
        lambda: {"q": rng.choice(WORDS), "country": rng.choice(COUNTRIES)},
        lambda: {"q": rng.choice(WORDS), "actor": f"b-{rng.randrange(ACTORS):05d}"},
    ]
    return [
        (
            "/api/stats/timeline",
            {
                **makers[i % len(makers)](),
                "interval": rng.choice(["day", "week", "month"]),
                "by": rng.choice(["quad", "type"]),
            },
        )
        for i in range(n)
    ]


def measure(client: httpx.Client, queries) -> dict[str, list[float]]:
    """Milliseconds per query, grouped by the filters it used."""
    times: dict[str, list[float]] = {}
    for path, params in queries:
        started = time.perf_counter()
        response = client.get(path, params=params)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path} {params}: {response.status_code} {response.text}")
        key = (
            path.rsplit("/", 1)[-1]
            + ":"
            + "+".join(
                k + ("(2 words)" if k == "q" and " " in params[k] else "")
                for k in sorted(params)
                if k not in ("limit", "order", "interval", "by")
            )
            or "-"
        )
        times.setdefault(key, []).append(elapsed)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(title: str, times: dict[str, list[float]]) -> dict:
    every = [t for ts in times.values() for t in ts]
    print(
        f"\n{title}: {len(every)} requests, p50 {statistics.median(every):.1f} ms, "
        f"p95 {percentile(every, 95):.1f} ms, max {max(every):.1f} ms"
    )
    for key, ts in sorted(times.items()):
        print(f"  {key:40} n={len(ts):3}  p50 {statistics.median(ts):7.1f}  p95 {percentile(ts, 95):7.1f} ms")
    return {
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(percentile(every, 95), 1),
        "requests": len(every),
    }


# ---- running ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dragoman.cli", "serve", "--db", db, "--port", str(port)], env={**os.environ}
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(url + "/healthz", timeout=2)
            return server, url
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("dragoman serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/dragoman-bench.db")
    parser.add_argument("--queries", type=int, default=300, help="per kind (events, timeline)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    with open_store(args.db) as store:
        have = store.stats()["events"]
        if have < args.events:
            print(f"filling {args.db} with {args.events - have:,} synthetic events", file=sys.stderr)
            started = time.monotonic()
            fill(store, args.events - have)
            print(f"  filled in {time.monotonic() - started:.0f} s", file=sys.stderr)
        have = store.stats()["events"]
    server, url = start_server(args.db)
    try:
        rng = random.Random(SEED + 1)
        with httpx.Client(base_url=url, timeout=60) as client:
            measure(client, event_queries(rng, 20) + timeline_queries(rng, 12))  # warm the cache
            results = {
                "events_in_store": have,
                "events": report(
                    "filtered /api/events (limit 50, with total)",
                    measure(client, event_queries(rng, args.queries)),
                ),
                "timeline": report(
                    "/api/stats/timeline", measure(client, timeline_queries(rng, args.queries))
                ),
            }
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
