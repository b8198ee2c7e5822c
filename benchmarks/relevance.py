"""Political relevance on whole articles: events per article on news-clusters' non-political and
world articles, and how well the relevance decision tells the two apart.

    .venv/bin/python benchmarks/relevance.py [--shared ../shared] [--events FILE] [--off] [--json OUT]

1. Events per article, by the category news-clusters gives each of its 383 articles: world
   (153) against sports, entertainment, technology, science and business (230). The articles
   are extracted with two workers (about 2.5 minutes), or the records of an earlier
   `dragoman extract ../shared/corpus/news-clusters/data --format jsonl` are read (--events).
   Targets (issue 11): <= 0.15 per non-political article, >= 2 per world article.
2. The document decision (dragoman.relevance, as the pipeline makes it: read, clean, judge):
   precision and recall of "political" against the world category, and per category. The
   category is only a proxy: world holds accidents (a gorilla shot at a zoo, a tram crash) and
   business holds police stings. PETRARCH-2's story-level discards alone are shown beside it.
3. news_dev: events predicted on its articles with no required gold event (5 of 33: sports,
   technology, entertainment, science).

--off runs the same with the [relevance] setting turned off: the figures before the filter.
The relevance model never saw news-clusters (scripts/train_relevance.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from dragoman import clean
from dragoman.run import read_inputs, run
from dragoman.read import iter_documents
from dragoman.relevance import RelevanceFilter, content_words
from dragoman.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
WORLD = "world"


def categories(data: Path) -> dict[str, str]:
    """news-clusters' category of each article, by its id."""
    found = {}
    for path in sorted(data.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        found[record["dId"]] = record["newsCluster"]["Category"]
    return found


def events_per_doc(paths: list[str], settings: Settings, workers: int) -> Counter:
    counts: Counter = Counter()
    for doc in run(read_inputs(paths, settings), settings, workers=workers):
        if not isinstance(doc, Exception):
            counts[doc.id] += len(doc.events)
    return counts


def events_from_file(path: Path) -> Counter:
    with path.open(encoding="utf-8") as lines:
        return Counter(json.loads(line)["doc_id"] for line in lines if line.strip())


def per_article(cats: dict[str, str], counts: Counter) -> dict:
    docs, evs = Counter(cats.values()), Counter()
    for doc_id, cat in cats.items():
        evs[cat] += counts.get(doc_id, 0)
    rows = {
        cat: {"articles": docs[cat], "events": evs[cat], "per_article": evs[cat] / docs[cat]}
        for cat in sorted(docs)
    }
    other = [c for c in docs if c != WORLD]
    n_other, e_other = sum(docs[c] for c in other), sum(evs[c] for c in other)
    rows["non-political"] = {"articles": n_other, "events": e_other, "per_article": e_other / n_other}
    return rows


def decisions(data: Path, settings: Settings) -> tuple[dict[str, bool], dict[str, bool], int]:
    """The document decision on each article, read and cleaned as the pipeline does: the
    pipeline's (a text too short to judge counts as political), the word model's alone, and
    how many texts were too short."""
    judge = RelevanceFilter.from_settings(_on(settings))  # measured even when --off
    pipeline, model, short = {}, {}, 0
    for doc in iter_documents([str(data)], settings):
        if not isinstance(doc, Exception):
            doc = clean.clean(doc, settings)
            pipeline[doc.id] = judge.political_document(doc)
            model[doc.id] = judge.model.probability(doc.text) >= judge.threshold
            short += content_words(doc.text) < judge.min_words
    return pipeline, model, short


def story_discards(shared: Path) -> list[re.Pattern]:
    """PETRARCH-2's story-level discards (lines starting with '+'): a story with one is not coded."""
    path = shared / "lexicons" / "petrarch2" / "Phoenix.discards.txt"
    phrases = [
        ln.split("#")[0].strip()[1:].strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.startswith("+")
    ]
    return [re.compile(r"\b" + r"\s+".join(map(re.escape, p.split())) + r"\b", re.I) for p in phrases if p]


def discard_decisions(data: Path, shared: Path) -> dict[str, bool]:
    patterns = story_discards(shared)
    found = {}
    for path in sorted(data.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
        found[record["dId"]] = not any(p.search(text) for p in patterns)
    return found


def scores(cats: dict[str, str], said: dict[str, bool]) -> dict:
    tp = sum(1 for d, c in cats.items() if said.get(d) and c == WORLD)
    fp = sum(1 for d, c in cats.items() if said.get(d) and c != WORLD)
    fn = sum(1 for d, c in cats.items() if not said.get(d) and c == WORLD)
    per_cat = Counter(c for d, c in cats.items() if said.get(d))
    return {
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "judged_political": {c: per_cat[c] for c in sorted(set(cats.values()))},
    }


def news_dev_unrequired(shared: Path, settings: Settings) -> dict:
    gold = [
        json.loads(ln)
        for ln in (shared / "eval" / "news_dev.gold.jsonl").read_text().splitlines()
        if ln.strip()
    ]
    empty = {g["doc_id"] for g in gold if not [e for e in g["events"] if not e.get("optional")]}
    counts = events_per_doc([str(shared / "eval" / "news_dev.input.jsonl")], settings, workers=1)
    return {"articles": len(empty), "events": sum(counts.get(d, 0) for d in empty)}


def _on(settings: Settings) -> Settings:
    values = json.loads(json.dumps(settings.values))
    values["relevance"]["enabled"] = True
    return Settings(values)


def report(result: dict) -> str:
    lines = [
        f"[relevance] enabled = {result['enabled']}",
        "",
        "events per article (news-clusters):",
        f"  {'category':15} {'articles':>8} {'events':>7} {'per article':>12}",
    ]
    for cat, row in result["per_article"].items():
        lines.append(f"  {cat:15} {row['articles']:8d} {row['events']:7d} {row['per_article']:12.2f}")
    lines += ["", "document decision, political = world category (precision / recall of political):"]
    for name in ("relevance", "word_model_alone", "petrarch_story_discards"):
        s = result[name]
        per = ", ".join(f"{c} {n}" for c, n in s["judged_political"].items())
        lines.append(
            f"  {name:24} precision {s['precision']:.3f}  recall {s['recall']:.3f}  (judged political: {per})"
        )
    lines.append(
        f"  ({result['too_short']} articles too short to judge: the pipeline keeps them for the actor rules)"
    )
    nd = result["news_dev"]
    lines += [
        "",
        f"news_dev: {nd['events']} events predicted on its {nd['articles']} articles with no required event",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    ap.add_argument("--events", type=Path, help="records of an earlier extract of news-clusters (jsonl)")
    ap.add_argument(
        "--off", action="store_true", help="turn the relevance filter off (the figures before it)"
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    settings = Settings()
    settings.values["relevance"]["enabled"] = not args.off
    data = args.shared / "corpus" / "news-clusters" / "data"
    cats = categories(data)
    counts = (
        events_from_file(args.events) if args.events else events_per_doc([str(data)], settings, args.workers)
    )
    pipeline_said, model_said, short = decisions(data, settings)
    result = {
        "enabled": not args.off,
        "per_article": per_article(cats, counts),
        "relevance": scores(cats, pipeline_said),
        "word_model_alone": scores(cats, model_said),
        "too_short": short,
        "petrarch_story_discards": scores(cats, discard_decisions(data, args.shared)),
        "news_dev": news_dev_unrequired(args.shared, settings),
    }
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
