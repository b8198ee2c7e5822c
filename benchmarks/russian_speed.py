"""Russian words per second next to English, for the parse and for the whole pipeline.

    .venv/bin/python benchmarks/russian_speed.py [--ru FILE] [--en FILE] [--repeat N]

Reads the texts of ../shared/eval/ru_dev.input.jsonl (Russian) and news_dev.input.jsonl
(English) and times, after the models are loaded:

  parse-en    spaCy (en_core_web_sm) over the English texts
  parse-ru    natasha + the spaCy Docs built from it (dragoman.russian.annotate.parse_many,
              a document's lines together)
  pipeline-en, pipeline-ru   dragoman's whole pipeline (actors, events, dates, places)

Words are whitespace-separated words of the texts. CPU seconds (user + system) are printed
next to wall time: on a machine shared with other jobs they say more.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"


def texts(path: Path) -> list[str]:
    return [
        json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(name: str, words: int, run) -> dict:
    wall, start = time.perf_counter(), cpu()
    run()
    wall, used = time.perf_counter() - wall, cpu() - start
    row = {
        "mode": name,
        "words": words,
        "wall_s": round(wall, 2),
        "cpu_s": round(used, 2),
        "words_per_cpu_s": round(words / used) if used else None,
    }
    print(json.dumps(row))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ru", type=Path, default=EVAL / "ru_dev.input.jsonl")
    ap.add_argument("--en", type=Path, default=EVAL / "news_dev.input.jsonl")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    ru, en = texts(args.ru) * args.repeat, texts(args.en) * args.repeat
    ru_words, en_words = sum(len(t.split()) for t in ru), sum(len(t.split()) for t in en)

    from dragoman.model import Document
    from dragoman.pipeline import Pipeline
    from dragoman.russian.annotate import load, parse, parse_many

    pipeline = Pipeline()
    models = load()
    parse("Прогрев моделей.", models)
    timed("parse-en", en_words, lambda: list(pipeline.nlp.pipe(en, batch_size=64)))
    # a document's passages (its lines) are parsed together, as the pipeline does
    timed(
        "parse-ru",
        ru_words,
        lambda: [parse_many([ln for ln in t.split("\n") if ln.strip()], models) for t in ru],
    )

    def run(batch):
        docs = [Document(id=str(i), text=t, date="2024-01-01") for i, t in enumerate(batch)]
        list(pipeline.run_many(docs))

    run(ru[:1])  # Russian knowledge and place names, built on the first Russian sentence
    timed("pipeline-en", en_words, lambda: run(en))
    timed("pipeline-ru", ru_words, lambda: run(ru))


if __name__ == "__main__":
    main()
