"""The process pool: same output as one process, in input order, read errors in place."""

from __future__ import annotations

import json
import pickle
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.errors import InputError, ModelError, UsageError
from dragoman.model import Document
from dragoman.pipeline import Pipeline
from dragoman.read import iter_documents
from dragoman.run import read_inputs, run
from dragoman.scale.pool import WorkerPool, describe, worker_count
from dragoman.settings import Settings

ROOT = Path(__file__).parents[1]
EXAMPLES = ROOT / "examples"
NEWS = ROOT.parent / "shared" / "corpus" / "news-clusters" / "data"

# Written for these tests: short reports with actors, events, dates and places.
STORIES = [
    "On {day} March 2021 the foreign minister of {a} accused {b} of violating the ceasefire.",
    "Police in {city} arrested dozens of protesters on {day} March 2021, witnesses said.",
    "{a} and {b} signed an agreement on trade in {city} on {day} March 2021.",
    "The president of {a} met the prime minister of {b} in {city} to discuss security.",
    "{a} imposed sanctions on {b} on {day} March 2021 after the missile test.",
]
PARTIES = [
    ("France", "Germany", "Paris"),
    ("Russia", "Ukraine", "Kyiv"),
    ("China", "Japan", "Tokyo"),
    ("Kenya", "Somalia", "Nairobi"),
    ("Brazil", "Argentina", "Buenos Aires"),
    ("India", "Pakistan", "Islamabad"),
]


def story(i: int) -> str:
    a, b, city = PARTIES[i % len(PARTIES)]
    first = STORIES[i % len(STORIES)].format(a=a, b=b, city=city, day=1 + i % 28)
    second = STORIES[(i + 2) % len(STORIES)].format(a=b, b=a, city=city, day=1 + (i + 3) % 28)
    return f"{first} {second}"


def write_corpus(folder: Path, n: int) -> Path:
    """n documents in one JSONL file, with a broken line and an empty file among them."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"doc-{i:04d}", "text": story(i)}) for i in range(n)]
    lines.insert(n // 2, "{not json")
    (folder / "stories.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_text("")
    return folder


def jsonl(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, InputError):
            out.append(f"error {item.source}: {item.reason}")
        else:
            out.extend(json.dumps(r, ensure_ascii=False) for r in item.records())
    return out


@pytest.fixture(scope="session")
def settings():
    return Settings.load()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"), 40)


def test_worker_count_zero_means_every_core():
    assert worker_count(0) >= 1
    assert worker_count(3) == 3
    with pytest.raises(UsageError, match="--workers -1"):
        worker_count(-1)


def pool(settings, workers: int, chunk_size: int = 16) -> WorkerPool:
    return WorkerPool(partial(Pipeline, settings), workers, chunk_size)


def test_pool_gives_the_same_items_in_input_order(corpus, settings, pipeline):
    items = list(iter_documents([str(corpus), str(EXAMPLES), "missing.txt"], settings))
    expected = list(
        run(iter_documents([str(corpus), str(EXAMPLES), "missing.txt"], settings), pipeline=pipeline)
    )
    # Small chunks: many tasks in flight, so an ordering bug would show.
    with pool(settings, 2, chunk_size=5) as workers:
        got = list(run(items, pipeline=workers))
    assert [type(i) for i in got] == [type(i) for i in expected]
    assert [getattr(i, "id", None) for i in got] == [getattr(i, "id", None) for i in expected]
    assert jsonl(got) == jsonl(expected)
    errors = [i for i in got if isinstance(i, InputError)]
    assert [Path(e.source).name for e in errors] == ["empty.txt", "stories.jsonl:21", "missing.txt"]
    assert sum(len(d.events) for d in got if isinstance(d, Document)) > 40


def test_the_runner_uses_the_pool_for_several_workers_and_reports_each(corpus, settings):
    results = run(read_inputs([str(corpus / "stories.jsonl")], settings), settings, workers=2)
    got = list(results)
    assert len(got) == 41 and isinstance(got[20], InputError)
    assert all(s.span is None for d in got if isinstance(d, Document) for s in d.sentences)
    stats = results.stats
    assert (stats.documents, stats.failed) == (40, 1)
    assert stats.events == sum(len(d.events) for d in got if isinstance(d, Document))
    assert stats.pool.workers == 2 and 1 <= len(stats.pool.processes) <= 2
    assert sum(w.documents for w in stats.pool.processes.values()) == 40
    # A worker holds a spaCy model: tens of MiB at the very least.
    assert all(w.peak_rss > 50 * 2**20 for w in stats.pool.processes.values())
    assert describe(stats.pool).startswith("dragoman: 2 workers: ") and "MiB peak" in describe(stats.pool)


def test_pool_documents_carry_no_spacy_objects_and_pickle(corpus, settings):
    docs = [d for d in iter_documents([str(corpus)], settings) if isinstance(d, Document)][:4]
    with pool(settings, 1) as workers:
        got = list(workers.run_many(docs))
    assert got[0].sentences and all(s.span is None for d in got for s in d.sentences)
    assert pickle.loads(pickle.dumps(got))[0].records() == got[0].records()


def test_a_missing_model_is_reported_not_a_broken_pool(corpus):
    settings = Settings.load()
    settings.values["model"]["spacy_model"] = "no_such_model_installed"
    docs = [Document(id="a", text="Police arrested protesters in Paris.")]
    with pytest.raises(ModelError, match="no_such_model_installed"), pool(settings, 1) as workers:
        list(workers.run_many(docs))


def test_cli_writes_the_same_bytes_with_two_workers(corpus, tmp_path):
    paths = [str(EXAMPLES), str(corpus)]
    if NEWS.is_dir():
        paths += [str(p) for p in sorted(NEWS.glob("*.json"))[:16]]
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}.jsonl"
        done = CliRunner().invoke(main, ["extract", *paths, "--workers", workers, "-o", str(out)])
        assert done.exit_code == 1, done.output  # the broken line and the empty file
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") > 60


def test_prefilter_keeps_sentences_that_can_hold_an_event(pipeline):
    from dragoman.model import Passage
    from dragoman.prefilter import Prefilter, split_sentences

    text = (
        "Mr. Putin met U.S. officials in Geneva. The weather was mild. It rained all day. "
        "He said nothing. Troops fired on protesters on Jan. 5."
    )
    sentences = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert sentences == [
        "Mr. Putin met U.S. officials in Geneva.",
        "The weather was mild.",
        "It rained all day.",
        "He said nothing.",
        "Troops fired on protesters on Jan. 5.",
    ]
    prefilter = Prefilter(pipeline.nlp, context=1)
    assert prefilter.could_hold_event("Troops fired on protesters.")  # "fired" → fire
    assert not prefilter.could_hold_event("The weather was mild.")
    doc = Document(id="p", text=text)
    runs = prefilter.passages(doc, [Passage(0, len(text))])
    # "met" (meet) keeps the first; the one before "fired" comes along as context.
    assert [text[p.start : p.end] for p in runs] == [
        "Mr. Putin met U.S. officials in Geneva.",
        "He said nothing. Troops fired on protesters on Jan. 5.",
    ]


def test_a_few_documents_need_no_worker_processes(settings):
    docs = [Document(id=f"d{i}", text="Police arrested protesters in Paris.") for i in range(3)]
    results = run(docs, settings, workers=2)
    got = list(results)
    assert [d.id for d in got] == ["d0", "d1", "d2"] and got[0].events
    assert results.stats.pool is None  # no pool was started
    assert results.stats.load_seconds is not None  # the model was loaded here


DYING_PARENT = '''
import sys, time
from dragoman.scale.pool import WorkerPool

class Echo:
    def process(self, docs):
        return docs

def factory():
    return Echo()

if __name__ == "__main__":
    pool = WorkerPool(factory, workers=2)
    pool.warm()
    print(" ".join(str(pid) for pid in pool.executor._processes), flush=True)
    time.sleep(120)
'''


def test_workers_die_with_their_parent_even_on_kill_9(tmp_path):
    """Issue 10 item 6: kill -9 of an ingest left its workers alive (~340 MB each)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(DYING_PARENT)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (dead, not yet reaped by init) counts as gone
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
