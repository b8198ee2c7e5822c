"""What linking reports into clusters costs at ingest, on the news-clusters corpus.

    PYTHONPATH=src .venv/bin/python benchmarks/linking_cost.py [--workers 2] [--rounds 2] [--json OUT]
        [--batch N] [--docs CACHE.pkl]

In one run: the corpus (../shared/corpus/news-clusters/data, 383 articles) goes through
the pipeline once (timed: the NLP); what `dragoman ingest` adds to it for linking, each
article's text profile (`[store] profile_texts`, computed in the pipeline's workers), is timed
here in this process and counted at its share per worker; then the same documents are stored
into fresh SQLite stores with linking off and on, alternately, `--rounds` times each (timed:
the store's share), through the call `dragoman ingest` makes (`Writer.ingest_batches`: `[store]
batch_documents` per transaction, or `--batch N`; 1 is one transaction per article, as before
2026-12-05). `--docs FILE` keeps the pipeline's documents (and its time) in FILE, made on the
first run and read on the next ones, to time the store alone again and again (delete it after
changing the pipeline). Printed: the store's time per article each way (wall, and the CPU time
of this process, which other jobs on a shared machine disturb less), and the throughput of the
whole ingest (pipeline + profiles + store) with linking as a share of that without it
(target: at least 0.9). (Timing the pipeline once per mode instead buries a second of
difference under run-to-run changes of several seconds.)
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dragoman.model import Document
from dragoman.run import read_inputs, run
from dragoman.linking.articles import text_profile
from dragoman.settings import Settings
from dragoman.store import open_store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/news-clusters/data"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/news-clusters/data")


def store_time(docs: list[Document], link: bool, batch: int) -> tuple[float, float, set]:
    """Seconds to store the documents as `dragoman ingest` does, `batch` per transaction
    (wall, and CPU of this process: the writer's own work, which other jobs on the machine
    disturb less), and the pairs of articles the store linked."""
    seconds = Settings.load().store_batch()[1]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        store.link_clusters = link
        start, cpu = time.perf_counter(), time.process_time()
        failed = [o for _, o in store.ingest_batches(docs, batch, seconds) if isinstance(o, Exception)]
        assert not failed, failed
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        clusters: dict[str, set] = {}
        for row in store._fetch("SELECT cluster_id, doc_id FROM cluster_members"):
            clusters.setdefault(row["cluster_id"], set()).add(row["doc_id"])
        return (
            seconds,
            cpu,
            {p for docs in clusters.values() for p in itertools.combinations(sorted(docs), 2)},
        )


def pipeline(workers: int, cache: Path | None) -> tuple[list[Document], float]:
    """The corpus's documents and the seconds the pipeline took (read from `cache` if it
    exists, kept there otherwise)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    start = time.perf_counter()
    docs = [d for d in run(read_inputs([str(CORPUS)]), workers=workers) if isinstance(d, Document)]
    done = docs, time.perf_counter() - start
    if cache is not None:
        cache.write_bytes(pickle.dumps(done))
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--batch", type=int, help="articles per transaction ([store] batch_documents)")
    parser.add_argument("--docs", type=Path, help="keep (or read) the pipeline's documents here")
    args = parser.parse_args()
    batch = args.batch or Settings.load().store_batch()[0]
    docs, nlp = pipeline(args.workers, args.docs)
    start = time.perf_counter()
    for doc in docs:
        doc.profile = text_profile(doc.text)
    profiles = (time.perf_counter() - start) / max(args.workers or os.cpu_count() or 1, 1)
    times, cpus, pairs = {False: [], True: []}, {False: [], True: []}, set()
    for _ in range(args.rounds):
        for link in (False, True):
            seconds, cpu, linked = store_time(docs, link, batch)
            times[link].append(seconds)
            cpus[link].append(cpu)
            if link:
                pairs = linked
    off, on = statistics.median(times[False]), statistics.median(times[True])
    n = len(docs)
    out = {
        "articles": n,
        "events": sum(len(d.events) for d in docs),
        "pipeline_s": round(nlp, 2),
        "profiles_s_per_worker": round(profiles, 3),
        "store_s_without": round(off, 3),
        "store_s_with": round(on, 3),
        "store_cpu_s_without": round(statistics.median(cpus[False]), 3),
        "store_cpu_s_with": round(statistics.median(cpus[True]), 3),
        "rounds": times,
        "batch": batch,
        "throughput_ratio": round((nlp + off) / (nlp + profiles + on), 3),
    }
    print(
        f"{n} articles, {out['events']} events; pipeline {nlp:.1f} s ({args.workers} workers); "
        f"text profiles {profiles:.2f} s per worker"
    )
    print(
        f"store, without linking: {off:.2f} s ({1000 * off / n:.1f} ms/article); "
        f"with linking: {on:.2f} s ({1000 * on / n:.1f} ms/article); "
        f"median of {args.rounds} rounds each, {batch} per transaction; load {os.getloadavg()[0]:.1f}"
    )
    cpu_off, cpu_on = out["store_cpu_s_without"], out["store_cpu_s_with"]
    print(
        f"the store's CPU time: without linking {1000 * cpu_off / n:.1f} ms/article, with "
        f"{1000 * cpu_on / n:.1f} ms/article (linking's share {1000 * (cpu_on - cpu_off) / n:.1f} ms)"
    )
    print(
        f"ingest throughput with linking: {out['throughput_ratio']:.3f} of without "
        f"({n / (nlp + profiles + on):.2f} vs {n / (nlp + off):.2f} articles/s)"
    )
    # The store's clusters, scored as benchmarks/linking.py scores its in-memory ones.
    sys.path.insert(0, str(Path(__file__).parent))
    from linking import load_articles, scores

    articles = load_articles()
    for name, ids in (
        ("world", [d for d, a in articles.items() if a["category"] == "world"]),
        ("all", list(articles)),
    ):
        s = scores(pairs, articles, ids)
        out[f"store_{name}"] = s
        print(
            f"the store's clusters, {name}: pair precision {s['pair_precision']:.3f}, "
            f"recall {s['pair_recall']:.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    sys.exit(main())
