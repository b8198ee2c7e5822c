"""Fitting the event classifier (classify.py) on annotated sentences: `dragoman train`.

The examples (data/training/events.jsonl) are news-style sentences with their events:

    {"text": "...", "events": [{"event": "ACCUSE", "trigger": "condemned", "actor": "...",
                                "recipient": "..." | null, "mode": "..." | null}]}

Every verb of a sentence, and every noun object of a light verb, is a training candidate: the
annotated triggers carry their type, the others are NONE. The model is a multinomial logistic
regression fitted by full-batch Adam from zero weights, so the same examples give the same file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from .classify import (
    LABELS,
    NONE,
    EventClassifier,
    anchor_token,
    default_model_path,
    save_model,
    sparse_features,
)
from .errors import DragomanError

EPOCHS = 300
LEARNING_RATE = 0.05
L2 = 1e-4
FOLDS = 5


class TrainingDataError(DragomanError, ValueError):
    """The training examples cannot be used as they are."""

    def __init__(self, problem: str):
        super().__init__(f"{problem}. Fix the example and run `dragoman train` again.")


@dataclass
class Sample:
    sentence: int  # index of the example it comes from (folds split by sentence)
    label: int
    features: list[str]


def default_examples_path() -> Path:
    return Path(str(resources.files("dragoman") / "data" / "training" / "events.jsonl"))


def read_examples(path: str | Path) -> list[dict]:
    """The examples, sorted by text so the model does not depend on the file's order."""
    examples = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                example = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TrainingDataError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            _check_example(example, f"{path}:{n}")
            examples.append(example)
    return sorted(examples, key=lambda e: e["text"])


def _check_example(example: dict, where: str) -> None:
    if not isinstance(example.get("text"), str):
        raise TrainingDataError(f"{where}: an example needs a \"text\" string")
    for event in example.get("events", []):
        if event.get("event") not in LABELS[:-1]:
            raise TrainingDataError(f"{where}: unknown PLOVER type {event.get('event')!r}")
        if event.get("trigger", "") not in example["text"] or not event.get("trigger"):
            raise TrainingDataError(f"{where}: trigger {event.get('trigger')!r} is not in the text")


# ------------------------------------------------------------------ candidates and labels


def trigger_anchor(doc, trigger: str):
    """The token the classifier sees for an annotated trigger: the root of the trigger's words,
    or the object noun when the root is a light verb."""
    start = doc.text.find(trigger)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    if span is None:
        return None
    return anchor_token(span.root)


def labelled_candidates(doc, events: list[dict]) -> dict[int, str]:
    """token index → label, for every candidate of the sentence."""
    labels: dict[int, str] = {}
    for tok in doc:
        if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound", "aux", "auxpass"):
            labels[anchor_token(tok).i] = NONE
    for event in events:
        anchor = trigger_anchor(doc, event["trigger"])
        if anchor is not None:
            labels[anchor.i] = event["event"]
    return labels


def build_samples(examples: list[dict], nlp) -> list[Sample]:
    samples = []
    docs = nlp.pipe((e["text"] for e in examples), batch_size=64)
    for n, (example, doc) in enumerate(zip(examples, docs)):
        for i, label in sorted(labelled_candidates(doc, example.get("events", [])).items()):
            samples.append(Sample(n, LABELS.index(label), sparse_features(doc[i])))
    return samples


# ------------------------------------------------------------------ the regression


def feature_index(samples: list[Sample]) -> list[str]:
    return sorted({f for s in samples for f in s.features})


@dataclass
class Matrix:
    """Binary samples in CSR form (indptr, indices). Products go through index arithmetic, not
    BLAS: exact, single-threaded, so reproducible and quick on a busy machine."""

    indptr: np.ndarray
    indices: np.ndarray
    rows: np.ndarray  # the sample of each entry of indices
    n_features: int

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.add.reduceat(w[self.indices], self.indptr[:-1], axis=0)

    def tdot(self, err: np.ndarray) -> np.ndarray:
        grad = np.zeros((self.n_features, err.shape[1]), dtype=np.float32)
        np.add.at(grad, self.indices, err[self.rows])
        return grad


def design_matrix(samples: list[Sample], features: dict[str, int]) -> Matrix:
    # A sample with no known feature keeps column 0 so every row has an entry for reduceat;
    # column 0 is the alphabetically first feature, a weak and common one.
    cols = [sorted({features[f] for f in s.features if f in features}) or [0] for s in samples]
    sizes = [len(c) for c in cols]
    return Matrix(
        np.cumsum([0] + sizes),
        np.array([i for c in cols for i in c], dtype=np.int64),
        np.repeat(np.arange(len(cols)), sizes),
        len(features),
    )


def fit(x: Matrix, y: np.ndarray, n_labels: int) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression with L2, full-batch Adam from zeros: deterministic."""
    w = np.zeros((x.n_features, n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    onehot = np.eye(n_labels, dtype=np.float32)[y]
    state = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    for step in range(1, EPOCHS + 1):
        z = x.dot(w) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        err = ((p - onehot) / len(y)).astype(np.float32)
        _adam(w, x.tdot(err) + L2 * w, state[0], state[1], step)
        _adam(b, err.sum(axis=0), state[2], state[3], step)
    return w, b


def _adam(param, grad, m, v, step, beta1=0.9, beta2=0.999, eps=1e-8) -> None:
    m *= beta1
    m += (1 - beta1) * grad
    v *= beta2
    v += (1 - beta2) * grad * grad
    m_hat = m / (1 - beta1**step)
    v_hat = v / (1 - beta2**step)
    param -= LEARNING_RATE * m_hat / (np.sqrt(v_hat) + eps)


def fit_samples(samples: list[Sample], names: list[str]) -> EventClassifier:
    features = {f: i for i, f in enumerate(names)}
    w, b = fit(design_matrix(samples, features), np.array([s.label for s in samples]), len(LABELS))
    return EventClassifier(LABELS, features, w, b)


# ------------------------------------------------------------------ evaluation


def cross_validate(samples: list[Sample], folds: int = FOLDS) -> dict:
    """Per-type precision, recall and F1 of held-out predictions (folds split by sentence)."""
    names = feature_index(samples)
    gold, pred = [], []
    for k in range(folds):
        test = [s for s in samples if s.sentence % folds == k]
        model = fit_samples([s for s in samples if s.sentence % folds != k], names)
        x = design_matrix(test, model.features)
        pred += list(np.argmax(x.dot(model.weights) + model.bias, axis=1))
        gold += [s.label for s in test]
    return scores(gold, pred)


def scores(gold: list[int], pred: list[int]) -> dict:
    per_type = {}
    for i, label in enumerate(LABELS):
        tp = sum(g == i and p == i for g, p in zip(gold, pred))
        n_pred, n_gold = sum(p == i for p in pred), sum(g == i for g in gold)
        per_type[label] = _prf(tp, n_pred, n_gold)
    none = LABELS.index(NONE)
    tp = sum(g == p != none for g, p in zip(gold, pred))  # right type on a real event
    events = _prf(tp, sum(p != none for p in pred), sum(g != none for g in gold))
    macro = float(np.mean([per_type[t]["f1"] for t in LABELS if t != NONE]))
    return {
        "per_type": per_type,
        "events": events,
        "macro_f1": round(macro, 3),
        "accuracy": round(float(np.mean(np.array(gold) == np.array(pred))), 3),
    }


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(float(p), 3),
        "recall": round(float(r), 3),
        "f1": round(float(f), 3),
        "support": int(n_gold),
    }


# ------------------------------------------------------------------ library entry point


def train(
    examples_path: str | Path | None = None, out_path: str | Path | None = None, nlp=None, folds: int = FOLDS
) -> dict:
    """Train the classifier on the examples, write it to out_path, and return the
    cross-validated metrics (per type and over all events)."""
    from .nlp import load_model

    examples = read_examples(examples_path or default_examples_path())
    samples = build_samples(examples, nlp or load_model())
    names = feature_index(samples)
    model = fit_samples(samples, names)
    out = Path(out_path) if out_path else default_model_path()
    save_model(
        out,
        names,
        model.weights,
        model.bias,
        {"examples": len(examples), "samples": len(samples), "epochs": EPOCHS, "l2": L2},
    )
    metrics = cross_validate(samples, folds) if folds > 1 else {}
    return {**metrics, "examples": len(examples), "samples": len(samples), "model": str(out)}


def metrics_table(metrics: dict) -> str:
    lines = [f"{'type':10} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}"]
    for label, row in metrics["per_type"].items():
        lines.append(
            f"{label:10} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} {row['support']:5}"
        )
    ev = metrics["events"]
    lines.append(
        f"{'events':10} {ev['precision']:6.3f} {ev['recall']:6.3f} {ev['f1']:6.3f} {ev['support']:5}"
    )
    lines.append(f"macro F1 over event types {metrics['macro_f1']:.3f}, accuracy {metrics['accuracy']:.3f}")
    return "\n".join(lines)
