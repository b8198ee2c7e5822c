"""Shared fixtures: the real pipeline (spaCy loaded once per test session), paths."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from dragoman.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_docs(pipeline):
    """The two seed documents (examples/), processed once."""
    from dragoman.read import iter_documents

    return {d.id: d for d in pipeline.run_many(iter_documents([str(EXAMPLES)]))}
