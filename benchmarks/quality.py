"""Quality of dragoman on the shared gold sets, as markdown tables for the README.

    .venv/bin/python benchmarks/quality.py [--shared ../shared]

Runs `dragoman eval` (the library behind it) on the seeds (exhaustive gold: precision,
recall, F1) and on plv_dev (one labelled dyad per sentence: recall only), then prints
the figures, the recall per event type and the command that produced them.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from dragoman import __version__
from dragoman.evaluation import evaluate
from dragoman.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
COLUMNS = [
    "gold set",
    "documents",
    "gold events",
    "predicted",
    "matched",
    "precision",
    "recall",
    "F1",
    "date acc.",
    "place acc.",
    "type acc. on found dyads",
    "words/s",
]


def gold_sets(shared: Path) -> list[tuple[str, Path, Path, bool]]:
    """(name, gold file, input, recall only) for each gold set."""
    ev = shared / "eval"
    return [
        ("seeds", ev / "seeds.gold.jsonl", shared / "seeds", False),
        ("plv_dev (recall only)", ev / "plv_dev.gold.jsonl", ev / "plv_dev.input.jsonl", True),
    ]


def figures_row(name: str, result: dict) -> list[str]:
    s, sp = result["score"], result["speed"]
    return [
        name,
        str(sp["documents"]),
        str(s["gold"]),
        str(s["predicted"]),
        str(s["matched"]),
        _cell(s.get("precision")),
        _cell(s["recall"]),
        _cell(s.get("f1")),
        _cell(s["date_acc"]),
        _cell(s["place_acc"]),
        _cell(result["dyads"]["accuracy"]),
        str(sp["words_per_s"]),
    ]


def per_type_rows(results: dict[str, dict]) -> tuple[list[str], list[list[str]]]:
    """Recall per gold event type, one column per gold set ("matched/gold recall")."""
    types = sorted({t for r in results.values() for t, row in r["per_type"].items() if row["gold"]})
    header = ["type"] + list(results)
    rows = [[t] + [_recall_cell(r["per_type"].get(t)) for r in results.values()] for t in types]
    return header, rows


def markdown(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def _cell(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def _recall_cell(row: dict | None) -> str:
    if not row or not row["gold"]:
        return "–"
    return f"{row['matched']}/{row['gold']} ({row['recall']:.2f})"


def command_line(shared: Path) -> list[str]:
    lines = []
    for _, gold, inputs, recall_only in gold_sets(shared):
        flag = "--recall-only " if recall_only else ""
        lines.append(f"dragoman eval {flag}{_shown(gold)} {_shown(inputs)}")
    return lines


def _shown(path: Path) -> str:
    try:
        return str(Path("..") / path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    args = ap.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no gold sets under {args.shared / 'eval'}: pass --shared DIR")
    pipeline = Pipeline()  # loaded once for both gold sets
    results = {
        name: evaluate(gold, [str(inputs)], recall_only, pipeline=pipeline)
        for name, gold, inputs, recall_only in gold_sets(args.shared)
    }
    print(
        f"dragoman {__version__}, {datetime.date.today()}, `.venv/bin/python benchmarks/quality.py`, i.e.\n"
    )
    print("\n".join(f"    {c}" for c in command_line(args.shared)) + "\n")
    print(markdown(COLUMNS, [figures_row(n, r) for n, r in results.items()]) + "\n")
    print("Recall per gold event type (matched/gold):\n")
    print(markdown(*per_type_rows(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
