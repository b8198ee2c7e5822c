"""Shared fixtures and helpers: the real pipeline (spaCy loaded once per test session),
the processed seeds and a store holding them, free loopback ports, paths."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


def free_port() -> int:
    """A loopback port nothing listens on (for a test server; the OS may hand it out
    again, but not while the caller binds it right away)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_one(pipeline, doc):
    """One document through the pipeline (an InputError is raised, for the test to see)."""
    from dragoman.errors import InputError

    [result] = pipeline.run_many([doc])
    if isinstance(result, InputError):
        raise result
    return result


@pytest.fixture(scope="session")
def pipeline():
    from dragoman.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def negating_pipeline(pipeline):
    """The pipeline writing also events said not to have happened ([events] negated)."""
    from dragoman.pipeline import Pipeline
    from dragoman.settings import Settings

    return Pipeline(Settings.load().with_value("events", "negated", True), nlp_model=pipeline.nlp)


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The pipeline's spaCy model, for tests of one stage on a parsed sentence."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def seed_docs(pipeline):
    """The two seed documents (examples/), processed once."""
    from dragoman.read import iter_documents

    return {d.id: d for d in pipeline.run_many(iter_documents([str(EXAMPLES)]))}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seed_docs) -> str:
    """A new SQLite store holding the processed seeds, one per test module (its tests
    may write to it)."""
    from dragoman.model import Document
    from dragoman.store import open_store

    assert all(isinstance(doc, Document) for doc in seed_docs.values()), seed_docs
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(db) as store:
        assert store.ingest_many(seed_docs.values()) == (len(seed_docs), 0)
    return str(db)


def bland_text(sentences: int) -> str:
    """Text with no word that may be a trigger: the pipeline stores it quickly (no parse)."""
    return " ".join(f"The weather in valley number {i} was mild and dry." for i in range(sentences))


@pytest.fixture()
def small_disk(tmp_path):
    """A 1 MB tmpfs mounted at a temporary folder (needs root; skipped where not allowed)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        unmount(disk)


def unmount(disk: Path) -> None:
    # A file the test's server or store had open may be closed a moment later: try again,
    # then detach it lazily (it goes once nothing uses it).
    for _ in range(20):
        if (
            not os.path.ismount(disk)
            or subprocess.run(["umount", str(disk)], capture_output=True).returncode == 0
        ):
            return
        time.sleep(0.1)
    subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Take all but about `leave` bytes of the disk with a file."""
    filler = disk / "filler"
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    filler.write_bytes(b"\0" * max(0, free - leave))
    return filler
