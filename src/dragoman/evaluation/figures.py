"""Figures beyond the scorer's: recall and precision per event type, how well types are
chosen on the actor pairs that were found, and which types are confused for which."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from .gold import required_events
from .scoring import Scorer, by_doc, norm

FIGURES = ("gold", "predicted", "matched", "precision", "recall", "f1", "date_acc", "place_acc")
# Evidence and predicted sentence are "the same sentence" when they share this share of the
# shorter one's words: gold evidence is often a fragment, and a one-line input may be split.
SAME_SENTENCE = 0.5


def per_type(
    gold_docs: list[dict],
    preds: list[dict],
    scorer: Scorer,
    recall_only: bool = False,
    matched_by_type: dict | None = None,
) -> dict:
    """Per gold type: gold count, matched, recall; per predicted type: predicted, precision.

    Recall counts the matches of the full scoring (keyed by gold type). Precision of a type
    scores that type's predictions alone: the share of them that match some gold event.
    """
    if matched_by_type is None:
        matched_by_type = scorer.score(gold_docs, preds, recall_only)["matched_by_type"]
    gold_count = Counter(g["event"] for _, g in required_events(gold_docs))
    rows = {t: _recall_row(n, matched_by_type.get(t, 0)) for t, n in gold_count.items()}
    if not recall_only:
        for t in sorted({p.get("event") for p in preds} - {None}):
            rows.setdefault(t, _recall_row(0, 0)).update(_precision_row(gold_docs, preds, scorer, t))
    return dict(sorted(rows.items(), key=lambda kv: (-kv[1]["gold"], kv[0])))


def _recall_row(gold: int, matched: int) -> dict:
    return {"gold": gold, "matched": matched, "recall": round(matched / gold, 3) if gold else None}


def _precision_row(gold_docs, preds, scorer: Scorer, event_type: str) -> dict:
    of_type = [p for p in preds if p.get("event") == event_type]
    result = scorer.score(gold_docs, of_type, False)
    return {"predicted": len(of_type), "precision": result["precision"]}


def dyad_found(gold: dict, pred: dict, scorer: Scorer) -> bool:
    """The prediction's sides match the gold actor and recipient keys, whatever its type."""
    actor, recipient = pred.get("actor") or [], pred.get("recipient") or []
    if scorer.side_matches(gold.get("actor"), actor) and scorer.side_matches(
        gold.get("recipient"), recipient
    ):
        return True
    return (
        gold["event"] in scorer.symmetric
        and scorer.side_matches(gold.get("actor"), recipient)
        and scorer.side_matches(gold.get("recipient"), actor)
    )


def dyad_type_accuracy(gold_docs: list[dict], preds: list[dict], scorer: Scorer) -> dict:
    """Among required gold events whose dyad some prediction in the document has, the share
    for which one of those predictions also has the right type: how well types are chosen,
    apart from finding the actors."""
    preds_of = by_doc(preds)
    found = correct = 0
    for doc_id, g in required_events(gold_docs):
        on_dyad = [p for p in preds_of.get(doc_id, []) if dyad_found(g, p, scorer)]
        if on_dyad:
            found += 1
            correct += any(scorer.type_matches(g, p.get("event")) for p in on_dyad)
    return {
        "dyads_found": found,
        "type_correct": correct,
        "accuracy": round(correct / found, 3) if found else None,
    }


def same_sentence(gold: dict, pred: dict, norm: Callable[[str], str] = norm) -> bool:
    evidence = set(norm(gold.get("evidence")).split())
    sentence = set(norm(pred.get("text")).split())
    shorter = min(len(evidence), len(sentence))
    return shorter > 0 and len(evidence & sentence) >= SAME_SENTENCE * shorter


def type_confusion(gold_docs: list[dict], preds: list[dict], scorer: Scorer) -> dict:
    """Gold type × predicted type, for required gold events whose dyad a prediction in the
    same sentence has but with none of the accepted types (the closest such prediction)."""
    preds_of = by_doc(preds)
    table: dict[str, Counter] = defaultdict(Counter)
    found = correct = 0
    for doc_id, g in required_events(gold_docs):
        near = [
            p
            for p in preds_of.get(doc_id, [])
            if dyad_found(g, p, scorer) and same_sentence(g, p, scorer.norm)
        ]
        if not near:
            continue
        found += 1
        if any(scorer.type_matches(g, p.get("event")) for p in near):
            correct += 1
            continue
        closest = max(near, key=lambda p: _word_overlap(g, p, scorer.norm))
        table[g["event"]][closest.get("event")] += 1
    return {
        "dyads_found": found,
        "type_correct": correct,
        "table": {gt: dict(row.most_common()) for gt, row in sorted(table.items())},
    }


def _word_overlap(gold: dict, pred: dict, norm: Callable[[str], str]) -> int:
    return len(set(norm(gold.get("evidence")).split()) & set(norm(pred.get("text")).split()))


def evaluate_records(
    gold_docs: list[dict], preds: list[dict], scorer: Scorer, recall_only: bool = False
) -> dict:
    """Every figure for these predictions against these gold documents."""
    figures = scorer.score(gold_docs, preds, recall_only)
    return {
        "scorer": scorer.source,
        "recall_only": recall_only,
        "score": {k: figures[k] for k in FIGURES if k in figures},
        "per_type": per_type(gold_docs, preds, scorer, recall_only, figures["matched_by_type"]),
        "dyads": dyad_type_accuracy(gold_docs, preds, scorer),
        "confusion": type_confusion(gold_docs, preds, scorer),
        "missed": figures["missed"],
        "preds_for_unknown_docs": figures.get("preds_for_unknown_docs", 0),
    }
