"""Document by document: the gold events that were missed and the predictions that match no
gold event, as the same six fields (type, actor, recipient, date, place, sentence), so that a
missed event and the extra one dragoman found in its place can be read side by side.

Matching is the scorer's (its `compatible` and `overlap`, one-to-one, best overlap first), so
a document's matched count here is the one the scorer counts.
"""

from __future__ import annotations

from .figures import same_sentence
from .scoring import Scorer, by_doc, match_document


def by_document(
    gold_docs: list[dict], preds: list[dict], scorer: Scorer, recall_only: bool = False
) -> list[dict]:
    """For each gold document: its counts, the required gold events not found ("missed") and,
    unless the gold set is not exhaustive (recall_only), the predictions that match no gold
    event, required or optional ("extra"). An extra prediction made in the sentence of a
    missed event names it (`same_sentence_as`: its index in "missed")."""
    preds_of = by_doc(preds)
    return [_document(doc, preds_of.get(str(doc["doc_id"]), []), scorer, recall_only) for doc in gold_docs]


def _document(doc: dict, pred: list[dict], scorer: Scorer, recall_only: bool) -> dict:
    gold = doc["events"]
    pairs = match_document(gold, pred, scorer.compatible, scorer.overlap)
    found_gold, found_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    missed = [g for gi, g in enumerate(gold) if gi not in found_gold and not g.get("optional")]
    extra = [] if recall_only else [p for pi, p in enumerate(pred) if pi not in found_pred]
    return {
        "doc_id": str(doc["doc_id"]),
        "gold": sum(1 for g in gold if not g.get("optional")),
        "predicted": len(pred),
        "matched": sum(1 for gi, _ in pairs if not gold[gi].get("optional")),
        "missed": [gold_row(g) for g in missed],
        "extra": [{**predicted_row(p), "same_sentence_as": _sentence_of(p, missed, scorer)} for p in extra],
    }


def _sentence_of(pred: dict, missed: list[dict], scorer: Scorer) -> int | None:
    return next((i for i, g in enumerate(missed) if same_sentence(g, pred, scorer.norm)), None)


def gold_row(g: dict) -> dict:
    return {
        "event": g["event"],
        "actor": list(g.get("actor") or []),
        "recipient": list(g.get("recipient") or []),
        "date": _alternatives(g.get("date")),
        "place": _alternatives([_gold_place(p) for p in _listed(g.get("location"))]),
        "sentence": g.get("evidence") or "",
    }


def predicted_row(p: dict) -> dict:
    place = p.get("location") or {}
    return {
        "id": p.get("id"),
        "event": p.get("event"),
        "actor": _names(p.get("actor")),
        "recipient": _names(p.get("recipient")),
        "date": p.get("date"),
        "place": _place(place.get("name"), place.get("country_code")),
        "sentence": p.get("text") or "",
    }


def _names(entities) -> list[str]:
    out = []
    for e in entities or []:
        code = e.get("org") if e.get("country") in ("IGO", "NGO") else e.get("country")
        name = e.get("name") or e.get("text") or ""
        out.append(f"{name} ({code})" if code and code != name else name)
    return out


def _gold_place(place) -> str | None:
    return _place(place.get("name"), place.get("country")) if isinstance(place, dict) else None


def _place(name, country) -> str | None:
    if not name:
        return None
    return f"{name} ({country})" if country else name


def _listed(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _alternatives(value) -> str | None:
    """A gold answer, or its accepted alternatives as one string ("2021-06 | 2021-07")."""
    shown = [str(v) for v in _listed(value) if v]
    return " | ".join(shown) or None
