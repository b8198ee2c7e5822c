"""A bounded load run against a real `dragoman serve` on loopback (issue 10): 2,000 GETs at 20
concurrent while 50 POSTs of one new document each arrive at once, then a check that every
posted document is stored.

    .venv/bin/python benchmarks/load.py [--db STORE] [--gets 2000] [--concurrency 20]
                                        [--posts 50] [--max-seconds 600]

Prints the 5xx count (must be 0), requests that got no answer (must be 0), the documents
lost (posted and not in the store: must be 0), and p50/p95 of the GETs that ran while writes were in flight and of those after.
Exits 1 if any of these counts is not 0. The server listens on 127.0.0.1 only; the run stops after
--max-seconds whatever happens. Without --db, a new store in a temporary folder is used, and
the seed articles (examples/) are posted first, which also loads the model before timing.
--db copies nothing: give a copy of a store you care about (the run adds its documents).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
TOKEN = "load-benchmark"
SEED = 20261205
PEOPLE = [
    "Vladimir Norov",
    "Ying Yong",
    "Antony Blinken",
    "Wang Yi",
    "Sergei Lavrov",
    "Annalena Baerbock",
    "Olaf Scholz",
    "Emmanuel Macron",
    "Narendra Modi",
]
COUNTRIES = ["China", "Russia", "France", "Germany", "India", "Japan", "Brazil", "Iran"]
CITIES = ["Beijing", "Moscow", "Paris", "Berlin", "New Delhi", "Tokyo", "Wuhan", "Geneva"]
VERBS = [
    "held talks with",
    "met",
    "criticised",
    "signed an agreement with",
    "accused",
    "promised aid to",
    "threatened",
    "praised",
]
# What a page asks for: listings with and without filters, a search, counts and charts.
GETS = [
    "/api/events?limit=50",
    "/api/events?limit=1",
    "/api/events?country=CHN&limit=50",
    "/api/events?type=CONSULT",
    "/api/events?q=talks",
    "/api/events?actor=Norov",
    "/api/events?order=-date&since=2021",
    "/api/stats/timeline",
    "/api/stats/timeline?interval=month&by=type",
    "/api/stats/network",
    "/api/stats/places",
    "/api/actors",
    "/healthz",
]


def article(rng: random.Random, i: int) -> dict:
    sentences = []
    for _ in range(6):
        who, whom = rng.sample(PEOPLE, 2)
        sentences.append(
            f"{who} {rng.choice(VERBS)} {whom} in {rng.choice(CITIES)} on {rng.randint(1, 28)} May 2022."
        )
        sentences.append(f"{rng.choice(COUNTRIES)} condemned the decision of {rng.choice(COUNTRIES)}.")
    return {"id": f"load-{SEED}-{i}", "date": "2022-05-30", "text": " ".join(sentences)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log) -> subprocess.Popen:
    env = {**os.environ, "DRAGOMAN_TOKEN": TOKEN}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dragoman.cli",
            "serve",
            "--db",
            db,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stderr=log,
    )


async def wait_until_up(client: httpx.AsyncClient, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit("dragoman serve exited before answering")
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("dragoman serve did not answer within 60 s")


class Run:
    def __init__(self):
        self.writing = 0  # POSTs in flight
        self.gets: list[tuple[float, bool]] = []  # (seconds, a write was in flight)
        self.server_errors: list[str] = []
        self.dropped: list[str] = []  # requests that got no answer (a closed connection)
        self.posted: list[str] = []  # ids whose POST was answered 200

    def note(self, response: httpx.Response, what: str) -> None:
        if response.status_code >= 500:
            self.server_errors.append(f"{response.status_code} {what}")


async def one_get(client: httpx.AsyncClient, run: Run, path: str) -> None:
    writing = run.writing > 0
    started = time.perf_counter()
    try:
        response = await client.get(path)
    except httpx.TransportError as exc:
        run.dropped.append(f"GET {path}: {type(exc).__name__}")
        return
    run.gets.append((time.perf_counter() - started, writing or run.writing > 0))
    run.note(response, f"GET {path}")


async def gets(client: httpx.AsyncClient, run: Run, count: int, concurrency: int, rng: random.Random) -> None:
    queue = [rng.choice(GETS) for _ in range(count)]

    async def worker():
        while queue:
            await one_get(client, run, queue.pop())

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def one_post(client: httpx.AsyncClient, run: Run, doc: dict) -> None:
    run.writing += 1
    try:
        response = await client.post("/api/documents", json=doc, headers={"authorization": f"Bearer {TOKEN}"})
    except httpx.TransportError as exc:
        run.dropped.append(f"POST {doc['id']}: {type(exc).__name__}")
        return
    finally:
        run.writing -= 1
    run.note(response, f"POST {doc['id']}")
    if response.status_code == 200:
        run.posted.append(doc["id"])


async def lost(client: httpx.AsyncClient, ids: list[str]) -> list[str]:
    answers = [await client.get(f"/api/documents/{doc_id}") for doc_id in ids]
    return [doc_id for doc_id, r in zip(ids, answers) if r.status_code != 200]


async def seed(client: httpx.AsyncClient) -> None:
    """The seed articles, posted once: the server loads its model on the first POST."""
    docs = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        for path in sorted((REPO / "examples").glob("*.txt"))
    ]
    response = await client.post(
        "/api/documents", json=docs, timeout=300, headers={"authorization": f"Bearer {TOKEN}"}
    )
    response.raise_for_status()


def quantiles(values: list[float]) -> str:
    if len(values) < 2:
        return f"n={len(values)}"
    cuts = statistics.quantiles(values, n=100)
    return (
        f"n={len(values):5}  p50 {cuts[49] * 1000:7.1f} ms  p95 {cuts[94] * 1000:7.1f} ms  "
        f"max {max(values) * 1000:7.1f} ms"
    )


async def main_async(args) -> int:
    rng = random.Random(SEED)
    port = free_port()
    server = start_server(args.db, port, args.log)
    # Idle connections closed before uvicorn's 5 s keep-alive runs out: reusing one the server
    # is closing at that moment gets no answer (a race of HTTP keep-alive, not of dragoman).
    limits = httpx.Limits(max_connections=args.concurrency + args.posts + 5, keepalive_expiry=2.0)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=120, limits=limits
        ) as client:
            await wait_until_up(client, server)
            await seed(client)
            run = Run()
            docs = [article(rng, i) for i in range(args.posts)]
            started = time.perf_counter()
            posts = [asyncio.create_task(one_post(client, run, d)) for d in docs]
            await asyncio.sleep(0.05)  # the POSTs are in first: the GETs run while they wait
            await gets(client, run, args.gets, args.concurrency, rng)
            await asyncio.gather(*posts)
            elapsed = time.perf_counter() - started
            missing = await lost(client, run.posted) + [d["id"] for d in docs if d["id"] not in run.posted]
    finally:
        server.terminate()
        server.wait(10)
    during = [s for s, writing in run.gets if writing]
    after = [s for s, writing in run.gets if not writing]
    print(
        f"{len(run.gets)} GETs at {args.concurrency} concurrent and {args.posts} concurrent "
        f"POSTs in {elapsed:.1f} s against dragoman serve on 127.0.0.1"
    )
    print(f"  5xx answers:     {len(run.server_errors)}  {run.server_errors[:5]}")
    print(f"  no answer:       {len(run.dropped)}  {run.dropped[:5]}")
    print(f"  documents lost:  {len(missing)} of {args.posts}  {missing[:5]}")
    print(f"  GETs while writes ran: {quantiles(during)}")
    print(f"  GETs after:            {quantiles(after)}")
    print(f"  all GETs:              {quantiles([s for s, _ in run.gets])}")
    return 1 if run.server_errors or missing or run.dropped else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a store to serve (default: a new one, seeded)")
    parser.add_argument("--gets", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("--server-log", help="where the server's messages go (default: none)")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="dragoman-load-") as folder,
        open(args.server_log or os.devnull, "w") as args.log,
    ):
        args.db = args.db or str(Path(folder) / "load.db")
        try:
            return asyncio.run(asyncio.wait_for(main_async(args), args.max_seconds))
        except TimeoutError:
            print(f"stopped after {args.max_seconds:g} s", file=sys.stderr)
            return 2


if __name__ == "__main__":
    sys.exit(main())
