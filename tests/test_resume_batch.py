"""A batch killed part-way and run again stores every document exactly once, losing nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

DRAGOMAN = [sys.executable, "-m", "dragoman.cli"]
DOCS = 160

# Written for this test: each document names two countries and reports two events.
SENTENCES = [
    "The foreign minister of {a} accused {b} of violating the ceasefire on {day} May 2022.",
    "Police in {city} arrested dozens of protesters on {day} May 2022.",
    "{a} and {b} signed a trade agreement in {city}.",
    "{a} imposed sanctions on {b} after the missile test.",
]
PLACES = [
    ("France", "Germany", "Paris"),
    ("Kenya", "Somalia", "Nairobi"),
    ("India", "Pakistan", "Islamabad"),
    ("Chile", "Peru", "Lima"),
]


def document(i: int) -> dict:
    a, b, city = PLACES[i % len(PLACES)]
    text = " ".join(
        SENTENCES[(i + k) % len(SENTENCES)].format(a=a, b=b, city=city, day=1 + (i + k) % 28)
        for k in range(2)
    )
    return {"id": f"story-{i:04d}", "text": text, "date": "2022-05-30"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for part in range(4):  # several files, so a restart also crosses file boundaries
        rows = [document(i) for i in range(part, DOCS, 4)]
        (folder / f"part{part}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def stored(db: Path, sql: str) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as con:
        try:
            return con.execute(sql).fetchall()
        except sqlite3.OperationalError:  # tables not created yet
            return []


def count_documents(db: Path) -> int:
    rows = stored(db, "SELECT COUNT(*) FROM documents")
    return rows[0][0] if rows else 0


def ingest(corpus: Path, db: Path, *extra: str) -> subprocess.Popen:
    # Its own process group, so the kill reaches pool workers too.
    return subprocess.Popen(
        DRAGOMAN + ["ingest", str(corpus), "--db", str(db), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def kill_part_way(proc: subprocess.Popen, db: Path) -> int:
    """SIGKILL the batch once some, not all, documents are stored; returns how many were."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        n = count_documents(db)
        if n >= 20:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return n
        time.sleep(0.02)
    proc.kill()
    out, err = proc.communicate()
    pytest.fail(f"the batch ended before it could be killed part-way: {err[-2000:]}")


def snapshot(db: Path) -> dict:
    return {
        "documents": sorted(stored(db, "SELECT id, content_hash FROM documents")),
        "sentences": sorted(stored(db, "SELECT doc_id, start_char, end_char FROM sentences")),
        "events": sorted(stored(db, "SELECT id, doc_id, event FROM events")),
        "counts": sorted(stored(db, "SELECT date, event, n FROM event_counts")),
    }


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    run = ingest(corpus, db)
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    return snapshot(db)


def test_reference_run_stores_every_document(reference):
    assert len(reference["documents"]) == DOCS
    assert len(reference["events"]) > DOCS  # two events a document, most of them found
    # event_counts is kept by hand: it must match the events themselves.
    assert sum(n for _, _, n in reference["counts"]) == len(reference["events"])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_batch_resumes_to_the_same_store(corpus, reference, tmp_path, workers):
    db = tmp_path / "batch.db"
    first = kill_part_way(ingest(corpus, db, "--workers", workers), db)
    assert 20 <= first < DOCS
    survived = count_documents(db)
    assert survived >= first  # nothing committed was lost to the kill

    second = ingest(corpus, db, "--workers", workers)
    _, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert snapshot(db) == reference
