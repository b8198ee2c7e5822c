"""Train the document relevance model: src/dragoman/data/relevance/model.tsv.

A logistic regression over dragoman.relevance.features (lower-case content words) that tells
political news from the rest. Its training texts are read from the shared folder at build
time (nothing from them is copied into the repository; only word weights are written):

- political: the 249 Guardian articles of ../shared/corpus/guardian-syria (conflict news);
  the pages of ../shared/corpus/article-extraction-benchmark labelled P in
  src/dragoman/data/training/relevance_labels.tsv (labelled by hand: elections, courts,
  police, diplomacy, protests, war); the project's own training sentences
  (src/dragoman/data/training/events.jsonl, written by the team), 8 to a pseudo-document;
- not political: the pages labelled N there (sports, entertainment, products, science,
  markets, lifestyle).

news-clusters, the measuring set of benchmarks/relevance.py, is not used. The two classes
weigh the same. Five-fold cross-validation prints the AUC and the accuracy at the threshold
set in data/settings.toml ([relevance] threshold).

    .venv/bin/python scripts/train_relevance.py [--shared ../shared] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import zipfile
from pathlib import Path

import numpy as np

from dragoman.relevance import BIAS, features
from dragoman.settings import Settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "dragoman" / "data"
OUT = DATA / "relevance" / "model.tsv"
SENTENCES_PER_DOC = 8
MIN_DOCS = 3  # a word must occur in this many training texts to be a feature
L2 = 1e-4  # weight decay per step; stronger decay blurred the two classes in CV
STEPS, RATE = 3000, 2.0
MIN_WEIGHT = 1e-3  # smaller weights are not written (they change no decision)


def guardian(shared: Path) -> list[tuple[str, int]]:
    zipped = zipfile.ZipFile(shared / "corpus" / "guardian-syria" / "Guardian_SDF_sample.csv.zip")
    name = next(n for n in zipped.namelist() if n.endswith(".csv"))
    csv.field_size_limit(1 << 30)
    rows = csv.DictReader(io.TextIOWrapper(zipped.open(name), encoding="utf-8"))
    return [(row["text"], 1) for row in rows if row["text"].strip()]


def labelled_pages(shared: Path) -> list[tuple[str, int]]:
    truth = json.loads((shared / "corpus" / "article-extraction-benchmark" / "ground-truth.json").read_text())
    lines = (DATA / "training" / "relevance_labels.tsv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader([ln for ln in lines if ln and not ln.startswith("#")], delimiter="\t")
    return [(truth[r["id"]]["articleBody"], int(r["label"] == "P")) for r in rows if r["label"] in ("P", "N")]


def team_sentences() -> list[tuple[str, int]]:
    lines = (DATA / "training" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    return [(" ".join(texts[i : i + SENTENCES_PER_DOC]), 1) for i in range(0, len(texts), SENTENCES_PER_DOC)]


def vocabulary(vectors: list[dict[str, float]]) -> list[str]:
    df: dict[str, int] = {}
    for v in vectors:
        for w in v:
            df[w] = df.get(w, 0) + 1
    return sorted(w for w, n in df.items() if n >= MIN_DOCS)


def matrix(vectors: list[dict[str, float]], vocab: list[str]) -> np.ndarray:
    index = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(vectors), len(vocab)))
    for row, v in enumerate(vectors):
        for w, value in v.items():
            if w in index:
                x[row, index[w]] = value
    return x


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Gradient descent on the class-balanced logistic loss with weight decay."""
    sample = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * sample
        w -= RATE * (x.T @ g / len(y) + L2 * w)
        b -= RATE * g.mean()
    return w, b


def train(vectors: list[dict[str, float]], y: np.ndarray) -> tuple[list[str], np.ndarray, float]:
    vocab = vocabulary(vectors)
    w, b = fit(matrix(vectors, vocab), y)
    return vocab, w, b


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores)] = np.arange(1, len(scores) + 1)
    pos = y == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum()))


def cross_validate(vectors, y, threshold: float, folds: int = 5) -> dict:
    order = np.random.default_rng(0).permutation(len(y))
    scores = np.zeros(len(y))
    for k in range(folds):
        test = order[k::folds]
        train_rows = np.setdiff1d(order, test)
        vocab, w, b = train([vectors[i] for i in train_rows], y[train_rows])
        scores[test] = 1 / (1 + np.exp(-(matrix([vectors[i] for i in test], vocab) @ w + b)))
    said = scores >= threshold
    return {
        "auc": auc(scores, y),
        "threshold": threshold,
        "political_recall": float(said[y == 1].mean()),
        "other_recall": float((~said)[y == 0].mean()),
    }


def write(path: Path, vocab, w, b, counts: dict, cv: dict) -> None:
    lines = [
        "# dragoman's document relevance model: a logistic regression over lower-case content words",
        "# (dragoman.relevance.features). Written by scripts/train_relevance.py; do not edit by hand.",
        f"# Trained {datetime.date.today()} on {counts['political']} political and {counts['other']} other texts:",
        "# guardian-syria articles, hand-labelled article-extraction-benchmark pages",
        "# (data/training/relevance_labels.tsv) and the team's training sentences; not on news-clusters.",
        f"# Five-fold cross-validation: AUC {cv['auc']:.3f}; at threshold {cv['threshold']}, "
        f"{cv['political_recall']:.2f} of political and {cv['other_recall']:.2f} of other texts decided right.",
        "feature\tweight",
        f"{BIAS}\t{b:.4f}",
    ]
    lines += [
        f"{word}\t{weight:.4f}"
        for word, weight in sorted(zip(vocab, w), key=lambda p: -abs(p[1]))
        if abs(weight) >= MIN_WEIGHT
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared data directory")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    texts = guardian(args.shared) + labelled_pages(args.shared) + team_sentences()
    vectors = [features(t) for t, _ in texts]
    y = np.array([label for _, label in texts], dtype=float)
    cv = cross_validate(vectors, y, Settings().get("relevance", "threshold"))
    print(f"{int(y.sum())} political and {int(len(y) - y.sum())} other texts; cross-validated {cv}")
    vocab, w, b = train(vectors, y)
    write(args.out, vocab, w, b, {"political": int(y.sum()), "other": int(len(y) - y.sum())}, cv)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
