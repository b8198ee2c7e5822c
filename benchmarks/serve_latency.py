"""Latency of `dragoman serve` over a big store: p50/p95 of filtered /api/events queries, of
the timeline and of the actor network, through the real API (a `dragoman serve` process on a loopback port).

    .venv/bin/python benchmarks/serve_latency.py --events 1000000 --db /tmp/bench.db

The store is filled with synthetic articles and their clusters (synthetic.py, shared with
linking_latency.py): model Documents written with the store's own row functions and
executemany, in the same tables, indexes, counts and full-text index that ingest
maintains. An existing --db with at least --events events is reused. The timeline and the
actor network are timed counting events and counting clusters (count=clusters), under the
same filters and searches. Target: p95 under 100 ms.
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
from synthetic import ACTORS, COUNTRIES, SEED, TYPES, WORDS, fill, load, make_actors, percentile

from dragoman.model import QUADS
from dragoman.store import open_store
from dragoman.store.timeline import COUNTS

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


def stats_filters(rng: random.Random) -> list:
    """What the web page asks the timeline and the actor network for as filters are set
    one at a time (each maker once in turn): the whole store, one filter, a brushed date
    range, and searches (a word on ~100,000 events, two words, a word with a type, a date
    range, a country or an actor)."""

    def year():
        return rng.randrange(2015, 2025)

    return [
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


def timeline_queries(rng: random.Random, n: int, count: str = "events") -> list[tuple[str, dict]]:
    """The timeline under stats_filters, by day, week or month, by quad or type."""
    makers = stats_filters(rng)
    return [
        (
            "/api/stats/timeline",
            {
                **makers[i % len(makers)](),
                "interval": rng.choice(["day", "week", "month"]),
                "by": rng.choice(["quad", "type"]),
                "count": count,
            },
        )
        for i in range(n)
    ]


def network_queries(rng: random.Random, n: int, count: str = "events") -> list[tuple[str, dict]]:
    """The actor network under stats_filters, as the page asks for it (its defaults: the
    newest 1,000 matching events, 40 nodes)."""
    makers = stats_filters(rng)
    return [("/api/stats/network", {**makers[i % len(makers)](), "count": count}) for i in range(n)]


SLOWEST: list[tuple[float, str, dict]] = []  # every query of the kind being measured


def measure(client: httpx.Client, queries) -> dict[str, list[float]]:
    """Milliseconds per query, grouped by the filters it used. A query the server stops at
    its time limit (a 503 that says so) counts with the time it took, and is printed."""
    times: dict[str, list[float]] = {}
    for path, params in queries:
        started = time.perf_counter()
        response = client.get(path, params=params)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code == 503 and "ran longer than" in response.text:
            print(f"  stopped at the time limit after {elapsed:.0f} ms: {path} {params}", file=sys.stderr)
        elif response.status_code != 200:
            raise SystemExit(f"{path} {params}: {response.status_code} {response.text}")
        key = (
            path.rsplit("/", 1)[-1]
            + ":"
            + "+".join(
                k + ("(2 words)" if k == "q" and " " in params[k] else "")
                for k in sorted(params)
                if k not in ("limit", "order", "interval", "by", "count")
            )
            or "-"
        )
        times.setdefault(key, []).append(elapsed)
        SLOWEST.append((elapsed, path, params))
    return times


def report(title: str, times: dict[str, list[float]]) -> dict:
    every = [t for ts in times.values() for t in ts]
    print(
        f"\n{title}: {len(every)} requests, p50 {statistics.median(every):.1f} ms, "
        f"p95 {percentile(every, 95):.1f} ms, max {max(every):.1f} ms"
    )
    for key, ts in sorted(times.items()):
        print(f"  {key:40} n={len(ts):3}  p50 {statistics.median(ts):7.1f}  p95 {percentile(ts, 95):7.1f} ms")
    for elapsed, path, params in sorted(SLOWEST, key=lambda t: -t[0])[:3]:
        print(f"    slowest: {elapsed:7.1f} ms {path} {params}")
    SLOWEST.clear()
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
        if have == 0:
            print(f"filling {args.db} with {args.events:,} synthetic events", file=sys.stderr)
            started = time.monotonic()
            fill(store, args.events)
            print(f"  filled in {time.monotonic() - started:.0f} s", file=sys.stderr)
        elif have < args.events:
            raise SystemExit(f"{args.db} holds {have:,} events, fewer than --events: use another --db")
        have = store.stats()["events"]
    server, url = start_server(args.db)
    try:
        rng = random.Random(SEED + 1)
        with httpx.Client(base_url=url, timeout=60) as client:
            warm = event_queries(rng, 20) + [
                q for kind in (timeline_queries, network_queries) for c in COUNTS for q in kind(rng, 12, c)
            ]
            measure(client, warm)  # warm the cache
            SLOWEST.clear()
            results = {
                "events_in_store": have,
                "load_before": load(),
                "events": report(
                    "filtered /api/events (limit 50, with total)",
                    measure(client, event_queries(rng, args.queries)),
                ),
                "timeline": report(
                    "/api/stats/timeline", measure(client, timeline_queries(rng, args.queries))
                ),
                "timeline_clusters": report(
                    "/api/stats/timeline?count=clusters",
                    measure(client, timeline_queries(rng, args.queries, "clusters")),
                ),
                "network": report("/api/stats/network", measure(client, network_queries(rng, args.queries))),
                "network_clusters": report(
                    "/api/stats/network?count=clusters",
                    measure(client, network_queries(rng, args.queries, "clusters")),
                ),
                "load_after": load(),
            }
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
