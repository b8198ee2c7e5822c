"""What the learned classifier adds to the rules, on the shared gold sets.

    .venv/bin/python benchmarks/learned.py [--shared ../shared] [--threshold 0.6]

Runs the pipeline twice over the seeds (exhaustive gold: precision, recall, F1) and plv_dev
(recall only): (a) the rules as they are, (b) the rules plus the classifier, which looks at
verbs and light-verb nouns outside the lexicon (classify.open_candidates) and turns those it
types with enough probability into triggers (classify.learned_candidates). Prints both, with
extraction time, and the gain.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dragoman.classify import NONE, THRESHOLD, anchor_token, learned_candidates, load_classifier
from dragoman.evaluation import evaluate
from dragoman.events import EventExtractor, dedupe
from dragoman.pipeline import Pipeline
from dragoman.plover import DEFAULT_CAMEO

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"


class LearnedExtractor(EventExtractor):
    """The rules, then the classifier's events for the words the rules did not use."""

    def __init__(self, classifier, threshold: float = THRESHOLD, retype: float | None = None):
        super().__init__()
        self.classifier = classifier
        self.threshold = threshold
        self.retype = retype

    def extract(self, sent, actors, doc_id: str):
        events = super().extract(sent, actors, doc_id)
        if self.retype is not None:
            for event in events:
                retype(event, sent, self.classifier, self.retype)
        taken = trigger_tokens(sent, events)
        for cand in learned_candidates(sent.span, self.classifier, taken, self.threshold):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
        return dedupe(events)


def retype(event, sent, classifier, threshold: float) -> None:
    """Give a rules event the classifier's type when it is sure the lexicon's type is wrong."""
    toks = [
        t for t in sent.span if event.trigger["span"][0] <= sent.offset + t.idx < event.trigger["span"][1]
    ]
    if not toks:
        return
    root = min(toks, key=lambda t: sum(1 for _ in t.ancestors))
    label, prob = classifier.predict(anchor_token(root))
    if label not in (NONE, event.event) and prob >= threshold:
        event.event, event.mode, event.cameo = label, None, DEFAULT_CAMEO[label]


def trigger_tokens(sent, events) -> set[int]:
    """Indices of the tokens inside the triggers of the events found so far."""
    spans = [e.trigger["span"] for e in events]
    return {t.i for t in sent.span for s, e in spans if s <= sent.offset + t.idx < e}


def gold_sets(shared: Path):
    ev = shared / "eval"
    return [
        ("seeds", ev / "seeds.gold.jsonl", shared / "seeds", False),
        ("plv_dev", ev / "plv_dev.gold.jsonl", ev / "plv_dev.input.jsonl", True),
    ]


def run(pipeline: Pipeline, shared: Path) -> dict:
    out = {}
    for name, gold, inputs, recall_only in gold_sets(shared):
        result = evaluate(gold, [str(inputs)], recall_only, pipeline=pipeline)
        # extraction time only (parse + rules [+ classifier]), not loading or scoring
        out[name] = {**result["score"], "seconds": result["speed"]["run_s"], "per_type": result["per_type"]}
    return out


def row(label: str, figures: dict) -> str:
    s, p = figures["seeds"], figures["plv_dev"]
    return (
        f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['seconds']} | "
        f"{p['matched']}/{p['gold']} | {p['recall']:.3f} | {p['predicted']} | {p['seconds']} |"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="classifier probability needed")
    ap.add_argument(
        "--retype",
        type=float,
        default=None,
        help="also retype rules events when the classifier gives another type this probability",
    )
    args = ap.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no gold sets under {args.shared / 'eval'}: pass --shared DIR")
    pipeline = Pipeline()
    rules = run(pipeline, args.shared)
    pipeline.extractor = LearnedExtractor(load_classifier(), args.threshold, args.retype)
    learned = run(pipeline, args.shared)
    print(
        "| extractor | seeds P | seeds R | seeds F1 | seeds extraction s | plv_dev matched | plv_dev recall | "
        "plv_dev predicted | plv_dev extraction s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print(row("rules", rules))
    retyped = f", retype p >= {args.retype}" if args.retype is not None else ""
    print(row(f"rules + classifier (p >= {args.threshold}{retyped})", learned))
    print("\nplv_dev recall per gold type (rules -> rules + classifier):")
    for t, r in sorted(rules["plv_dev"]["per_type"].items()):
        after = learned["plv_dev"]["per_type"].get(t, {})
        if r.get("gold"):
            print(f"  {t:10} {r['matched']:4}/{r['gold']:<4} -> {after.get('matched', 0):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
