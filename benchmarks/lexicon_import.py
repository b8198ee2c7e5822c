"""What each class of the PETRARCH-2 import does to the gold sets (scripts/import_petrarch.py).

    PYTHONPATH=src .venv/bin/python benchmarks/lexicon_import.py [--shared ../shared]
        [--each 'verb:*,object:*'] [--set PATTERNS ...] [--greedy] [--out results.jsonl]

Parses the seeds, plv_dev and news_dev once (every sentence: no prefilter, so that no class
is judged on sentences another lexicon would have skipped), then for each variant writes the
generated data files with the variant's classes, reloads the lexicons and runs the stages
after parsing (actors, events, time, place) again, scoring with ../shared/eval/score.py:

- the baseline: the hand-written files alone;
- `--each`: every class matching the patterns, added alone;
- `--set`: the classes matching each given pattern list, together;
- `--greedy`: the classes that helped alone (seeds F1 kept, plv_dev recall and news_dev F1 not
  lower, no more events in the 230 news-clusters articles that are not world news, more gold
  events found), added one at a time, most helpful first, each kept only if the set stays as
  good by the same test.

The generated files are left as the last variant wrote them: run scripts/import_petrarch.py
afterwards to write the kept classes. Prints one line per variant; --out keeps them as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import import_petrarch as imp  # noqa: E402

from dragoman import events as events_mod  # noqa: E402
from dragoman import knowledge, nlp  # noqa: E402
from dragoman.actors import ActorResolver  # noqa: E402
from dragoman.clean import clean  # noqa: E402
from dragoman.errors import InputError  # noqa: E402
from dragoman.evaluate import load_gold, load_scorer  # noqa: E402
from dragoman.pipeline import Pipeline  # noqa: E402
from dragoman.read import iter_documents  # noqa: E402
from dragoman.settings import Settings  # noqa: E402

SETS = {
    "seeds": ("seeds.gold.jsonl", "../seeds", False),
    "plv_dev": ("plv_dev.gold.jsonl", "plv_dev.input.jsonl", True),
    "news_dev": ("news_dev.gold.jsonl", "news_dev.input.jsonl", False),
}


class Bench:
    def __init__(self, shared: Path, lexicons: Path):
        settings = Settings()
        settings.values["model"]["prefilter"] = False
        self.pipeline = Pipeline(settings)
        self.lexicons = lexicons
        self.lemmas = imp.Lemmas()
        self.candidates = imp.trigger_candidates(lexicons, self.lemmas)
        self.actor_candidates = imp.actor_candidates(lexicons, imp.DATA)
        self.data = {}
        for name, (gold, inputs, recall_only) in SETS.items():
            eval_dir = shared / "eval"
            docs = [
                d
                for d in iter_documents([str((eval_dir / inputs).resolve())], settings)
                if not isinstance(d, InputError)
            ]
            docs = list(nlp.annotate_many([clean(d, settings) for d in docs], self.pipeline.nlp))
            self.data[name] = (docs, load_gold(eval_dir / gold), load_scorer(eval_dir / gold), recall_only)

        # Articles of news-clusters filed under sports, technology, entertainment, science or
        # business: political event data should find (next to) nothing in them (issue 11).
        corpus = shared / "corpus" / "news-clusters" / "data"
        paths = sorted(
            str(p)
            for p in corpus.glob("*.json")
            if json.loads(p.read_text(encoding="utf-8")).get("newsCluster", {}).get("Category") != "world"
        )
        docs = [d for d in iter_documents(paths, settings) if not isinstance(d, InputError)] if paths else []
        self.offtopic = list(nlp.annotate_many([clean(d, settings) for d in docs], self.pipeline.nlp))

    def classes(self) -> list[str]:
        return sorted({r.cls for r in self.candidates} | {c.cls for c in self.actor_candidates})

    def measure(self, patterns: tuple[str, ...]) -> dict:
        chosen = imp.selector(patterns)
        rows = imp.resolve_triggers(self.candidates, imp.DATA / "events" / "triggers.tsv", chosen)
        imp.write_triggers(rows, imp.DATA)
        actor_rows = imp.write_actors(self.actor_candidates, chosen, imp.DATA, imp.DATA, self.lemmas.english)
        events_mod.load_lexicon.cache_clear()
        knowledge.load_knowledge.cache_clear()
        p = self.pipeline
        p.extractor = events_mod.EventExtractor(political_only=True)
        p.actors = ActorResolver(p.nlp, p.gazetteer, ())
        out = {"classes": list(patterns), "triggers": len(rows), "actors": actor_rows}
        start = time.perf_counter()
        for name, (docs, gold, scorer, recall_only) in self.data.items():
            records = []
            for d in docs:
                fresh = dataclasses.replace(d, entities=[], events=[], warnings=list(d.warnings))
                records += p.analyse(fresh).records()
            res = scorer.score(gold, records, recall_only)
            out[name] = {k: res[k] for k in ("matched", "predicted", "precision", "recall", "f1") if k in res}
        found = sum(
            len(p.analyse(dataclasses.replace(d, entities=[], events=[])).events) for d in self.offtopic
        )
        out["offtopic"] = {
            "articles": len(self.offtopic),
            "events": found,
            "per_article": round(found / max(len(self.offtopic), 1), 3),
        }
        out["seconds"] = round(time.perf_counter() - start, 1)
        return out


def better(new: dict, base: dict) -> bool:
    """Seeds F1 kept, plv_dev recall and news_dev F1 not lower, no more events in the articles
    that are not political news, more gold events found."""
    found = new["plv_dev"]["matched"] + new["news_dev"]["matched"]
    return (
        new["seeds"]["f1"] >= base["seeds"]["f1"]
        and new["plv_dev"]["recall"] >= base["plv_dev"]["recall"]
        and new["news_dev"]["f1"] >= base["news_dev"]["f1"]
        and new["offtopic"]["events"] <= base["offtopic"]["events"]
        and found > base["plv_dev"]["matched"] + base["news_dev"]["matched"]
    )


def gain(new: dict, base: dict) -> tuple:
    return (
        new["news_dev"]["f1"] - base["news_dev"]["f1"],
        new["plv_dev"]["recall"] - base["plv_dev"]["recall"],
    )


def line(r: dict) -> str:
    s, p, n = r["seeds"], r["plv_dev"], r["news_dev"]
    return (
        f"{','.join(r['classes']) or '(hand-written only)':40} trig={r['triggers']:5} seeds_f1={s['f1']:.2f} "
        f"plv_R={p['recall']:.3f} ({p['matched']}) news P/R/F1={n['precision']:.3f}/{n['recall']:.3f}/"
        f"{n['f1']:.3f} ({n['matched']}/{n['predicted']}) offtopic={r['offtopic']['events']} {r['seconds']}s"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=imp.LEXICONS.parents[1])
    ap.add_argument("--each", default="", help="comma-separated class patterns to try one by one")
    ap.add_argument(
        "--set", action="append", default=[], help="comma-separated class patterns to try together"
    )
    ap.add_argument("--greedy", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    bench = Bench(args.shared, imp.LEXICONS)
    results = []

    def run(patterns: tuple[str, ...]) -> dict:
        r = bench.measure(patterns)
        results.append(r)
        print(line(r), flush=True)
        if args.out:
            with args.out.open("a", encoding="utf-8") as f:
                f.write(json.dumps(r) + "\n")
        return r

    base = run(())
    wanted = imp.selector(tuple(p for p in args.each.split(",") if p))
    alone = {c: run((c,)) for c in bench.classes() if args.each and wanted(c)}
    for patterns in args.set:
        run(tuple(p for p in patterns.split(",") if p))
    if args.greedy:
        helpful = sorted(
            (c for c, r in alone.items() if better(r, base)), key=lambda c: gain(alone[c], base), reverse=True
        )
        kept, current = [], base
        for c in helpful:
            r = run(tuple(kept + [c]))
            if better(r, current):
                kept, current = kept + [c], r
        print("KEPT", ",".join(kept))
    return 0


if __name__ == "__main__":
    sys.exit(main())
