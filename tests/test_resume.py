"""Resumable ingest: stored documents are left out before the NLP runs."""

from __future__ import annotations

import shutil

from conftest import EXAMPLES
from dragoman.errors import InputError
from dragoman.read import iter_documents
from dragoman.resume import skip_stored, stored_hash
from dragoman.run import read_inputs, run
from dragoman.store import open_store


def test_stored_hash_is_the_hash_the_store_records(seed_docs):
    for raw in iter_documents([str(EXAMPLES)]):
        assert stored_hash(raw) == seed_docs[raw.id].content_hash


def test_rerun_skips_stored_documents_and_keeps_new_and_changed(tmp_path, seed_docs):
    inputs = tmp_path / "in"
    shutil.copytree(EXAMPLES, inputs)
    first, second = sorted(inputs.glob("*.txt"))
    with open_store(tmp_path / "x.db") as store:
        store.ingest(seed_docs[first.stem])
        store.ingest(seed_docs[second.stem])
        second.write_text(second.read_text() + "\nChina sent aid to Italy.\n")
        (inputs / "new.txt").write_text("Brazil condemned the attack on Monday.\n")
        fresh = skip_stored(iter_documents([str(inputs)]), store, batch=2)
        assert sorted(d.id for d in fresh) == sorted([second.stem, "new"])
        assert fresh.skipped == 1


def test_read_errors_pass_through_in_order(tmp_path, seed_docs):
    doc = seed_docs[sorted(seed_docs)[0]]
    error = InputError("broken.html", "not readable")
    with open_store(tmp_path / "x.db") as store:
        store.ingest(doc)
        fresh = skip_stored([error, doc, error], store)
        assert list(fresh) == [error, error] and fresh.skipped == 1


def test_the_runner_parses_nothing_on_a_full_rerun(tmp_path, pipeline):
    with open_store(tmp_path / "x.db") as store:
        results = run(read_inputs([EXAMPLES]), skip_stored=store, pipeline=pipeline)
        docs = list(results)
        assert len(docs) == 2 and all(d.events for d in docs) and results.stats.skipped == 0
        store.ingest_many(docs)
        again = run(read_inputs([EXAMPLES]), skip_stored=store, pipeline=pipeline)
        assert list(again) == [] and again.stats.skipped == 2 and again.stats.documents == 0


def test_nothing_to_parse_loads_no_model(tmp_path, seed_docs, monkeypatch):
    import dragoman.run

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(dragoman.run, "Pipeline", refuse)
    with open_store(tmp_path / "x.db") as store:
        store.ingest_many(seed_docs.values())
        results = run(read_inputs([EXAMPLES]), skip_stored=store)
        assert list(results) == [] and results.stats.skipped == 2
