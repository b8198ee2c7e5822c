"""The PostgreSQL backend on a real server (tests/pg_cluster.py), and concurrent ingests.

The behaviour every backend shares is tested in test_store.py, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import subprocess
import sys
from pathlib import Path

import pytest

import pg_cluster
from dragoman.errors import StoreError
from dragoman.store import open_store
from dragoman.store.migrations import LATEST
from test_store import make_doc

REPO = Path(__file__).resolve().parents[1]
DRAGOMAN = Path(sys.executable).parent / "dragoman"


@pytest.fixture
def pg():
    return pg_cluster.database_or_skip()


# ---- opening -------------------------------------------------------------------------------


def test_open_migrates_once_and_keeps_data(pg):
    with open_store(pg) as s:
        first = s.migrations()
        s.ingest(make_doc())
    with open_store(pg.replace("postgresql://", "postgres://")) as s:
        assert s.migrations() == first
        assert s.stats()["events"] == 3
    assert [m["version"] for m in first] == list(range(1, LATEST + 1))


def test_unreachable_server_says_what_to_do():
    with pytest.raises(StoreError, match="cannot reach PostgreSQL.*server is running") as err:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/nothing")
    assert "s3cret" not in str(err.value) and "someone:***@" in str(err.value)


def test_missing_database_says_what_to_do(pg):
    with pytest.raises(StoreError, match="create it first"):
        open_store(pg.rsplit("/", 1)[0] + "/no_such_database")


def test_closed_store_refuses_politely(pg):
    s = open_store(pg)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.stats()


def test_lost_connection_says_what_to_do(pg):
    import psycopg

    with open_store(pg) as s:
        pid = s._fetch("SELECT pg_backend_pid() AS pid")[0]["pid"]
        with psycopg.connect(pg, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        with pytest.raises(StoreError, match="failed.*run the command again"):
            s.stats()


def test_failed_write_rolls_back_and_the_store_stays_usable(pg):
    with open_store(pg) as s:
        broken = make_doc()
        broken.events[0].event = "NOT_A_TYPE"
        with pytest.raises(KeyError):
            s.ingest(broken)
        assert s.stats()["documents"] == 0
        assert s.ingest(make_doc()) and s.stats()["documents"] == 1


# ---- several processes at once -------------------------------------------------------------


def _open_and_count(location: str, start, out) -> None:
    start.wait()
    with open_store(location) as s:
        out.put(len(s.migrations()))


def test_processes_opening_a_new_database_together_migrate_it_once(pg):
    pg = pg_cluster.new_database()  # empty: no schema yet
    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_open_and_count, args=(pg, start, out)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0] * 4
    assert sorted(out.get() for _ in procs) == [LATEST] * 4


def _ingest(location: str, ids: list[str], start, out) -> None:
    docs = [make_doc(i) for i in ids]
    start.wait()  # everyone writes at the same moment
    with open_store(location) as s:
        out.put(s.ingest_many(docs))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_ingests_neither_duplicate_nor_lose_documents(backend, tmp_path):
    location = str(tmp_path / "shared.db") if backend == "sqlite" else pg_cluster.database_or_skip()
    open_store(location).close()  # migrated; the race under test is the ingest
    workers, per_worker, step = 4, 24, 8  # worker k ingests docs 8k .. 8k+23: overlapping
    plans = []
    for k in range(workers):
        ids = [f"doc-{n}" for n in range(k * step, k * step + per_worker)]
        random.Random(k).shuffle(ids)
        plans.append(ids)
    unique = {i for ids in plans for i in ids}

    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Barrier(workers), ctx.Queue()
    procs = [ctx.Process(target=_ingest, args=(location, ids, start, out)) for ids in plans]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0] * workers  # a failed write exits 1
    results = [out.get(timeout=5) for _ in procs]

    new, unchanged = map(sum, zip(*results))
    assert (new, unchanged) == (len(unique), workers * per_worker - len(unique))
    n = len(unique)
    with open_store(location) as s:
        stats = s.stats()
        assert (stats["documents"], stats["events"], stats["mentions"], stats["actors"]) == (
            n,
            3 * n,
            5 * n,
            3,
        )
        assert s.count_events() == len({r["id"] for r in s.iter_events()}) == 3 * n
        ying = s.actor("act-ying")
        assert (ying["events"], ying["mentions"]) == (2 * n, n)
        assert s.timeline(interval="month") == [
            {"period": "2021-05", "key": "material_conflict", "count": n},
            {"period": "2021-06", "key": "verbal_cooperation", "count": 2 * n},
        ]


# ---- the command line on PostgreSQL --------------------------------------------------------


def test_cli_ingest_events_actors_on_postgres(pg):
    def run(*args):
        done = subprocess.run([str(DRAGOMAN), *args], capture_output=True, text=True, cwd=REPO, timeout=300)
        assert done.returncode == 0, done.stderr
        return done

    assert "stored 2 documents" in run("ingest", "examples/", "--db", pg).stderr
    records = [
        json.loads(line) for line in run("events", "--db", pg, "--format", "jsonl").stdout.splitlines()
    ]
    assert records and {r["doc_id"] for r in records} == {p.stem for p in (REPO / "examples").glob("*.txt")}
    with open_store(pg) as s:
        assert s.count_events() == len(records)
    actors = [json.loads(line) for line in run("actors", "--db", pg, "--format", "jsonl").stdout.splitlines()]
    assert any(a["id"] == "CHN" for a in actors)
