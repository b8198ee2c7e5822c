"""Shared fixtures and helpers: the real pipeline (spaCy loaded once per test session),
the processed seeds and a store holding them, free loopback ports, paths."""
from __future__ import annotations

import socket
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
