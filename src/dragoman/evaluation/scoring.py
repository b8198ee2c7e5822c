"""Scoring predicted event records against gold events: dragoman's own scorer, and which
scorer a gold set uses.

A gold set may come with its own scorer: a file score.py in the gold file's folder, used
when it is there so that the figures are the ones quoted with that gold set. It must define
score, side_matches, type_matches, compatible, overlap, norm and SYMMETRIC, as this module
does. Without one, the rules below apply:

- matching is one-to-one per document, best evidence overlap first; a prediction matches
  a gold event when its type is the gold type (or an "alt" type, or a newer name of a
  legacy type), and each non-empty gold side has a key matching an entity on that side
  (CONSULT, COOPERATE and AGREE may have their sides swapped);
- a key matches an entity when it is a code (2-5 capitals) equal to the entity's country
  or org, or naming it (data/scoring/codes.tsv); or when, case-folded, it appears as whole
  words in the entity's name, text, org or title, or one of those appears in it;
- optional gold events count neither for nor against; dates match when equal or when the
  gold date is coarser; places when the country and a name agree.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import UsageError

SCORER_FILE = "score.py"

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # sides may be swapped
# Older PLOVER names some gold sets still use, and the types they became.
LEGACY = {
    "YIELD": {"CONCEDE", "RETREAT"},
    "DEMAND": {"REQUEST"},
    "DISAPPROVE": {"ACCUSE"},
    "INVESTIGATE": {"ACCUSE"},
    "FIGHT": {"ASSAULT"},
}
CODE = re.compile(r"^[A-Z]{2,5}$")
ARTICLES = re.compile(r"\b(?:the|a|an)\b")
NOT_WORD = re.compile(r"[^\w' ]+")


def _load_codes() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Names of organisation codes, and the country code of short forms such as US."""
    text = resources.files("dragoman.data").joinpath("scoring/codes.tsv").read_text("utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    names, countries = {}, {}
    for row in rows:
        names[row["code"]] = [n for n in row["names"].split("|") if n]
        if row.get("country"):
            countries[row["code"]] = row["country"]
    return names, countries


CODE_NAMES, CODE_COUNTRY = _load_codes()


def norm(text) -> str:
    """Case-folded words without punctuation or articles, single-spaced."""
    text = (text or "").casefold().replace("\u2019", "'")
    return " ".join(ARTICLES.sub(" ", NOT_WORD.sub(" ", text)).split())


def has_words(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def _entity_strings(entity: dict) -> list[str]:
    values = [entity.get(f) for f in ("name", "text", "org", "title")]
    values += list(entity.get("aliases") or [])
    return [norm(v) for v in values if isinstance(v, str) and v]


def key_matches(key: str, entity: dict) -> bool:
    strings = _entity_strings(entity)
    if CODE.match(key):
        codes = {key, CODE_COUNTRY.get(key)} - {None}
        if codes & {entity.get("country"), entity.get("org")}:
            return True
        return any(has_words(s, n) for s in strings for n in [norm(key), *CODE_NAMES.get(key, [])])
    k = norm(key)
    return any(has_words(s, k) or has_words(k, s) for s in strings)


def side_matches(keys: list, entities: list) -> bool:
    if not keys:
        return True
    return any(key_matches(k, e) for k in keys for e in entities or [] if isinstance(e, dict))


def type_matches(gold: dict, pred_type: str) -> bool:
    allowed: set[str] = set()
    for name in [gold["event"], *(gold.get("alt") or [])]:
        allowed |= LEGACY.get(name, {name})
    return pred_type in allowed


def sides_match(gold: dict, pred: dict) -> bool:
    """Actor and recipient keys found on the prediction's sides (swapped for symmetric types)."""
    actor, recipient = pred.get("actor") or [], pred.get("recipient") or []
    if side_matches(gold.get("actor"), actor) and side_matches(gold.get("recipient"), recipient):
        return True
    return (
        gold["event"] in SYMMETRIC
        and side_matches(gold.get("actor"), recipient)
        and side_matches(gold.get("recipient"), actor)
    )


def compatible(gold: dict, pred: dict) -> bool:
    return type_matches(gold, pred.get("event")) and sides_match(gold, pred)


def overlap(gold: dict, pred: dict) -> float:
    """Share of the gold evidence's words found in the predicted sentence."""
    evidence = set(norm(gold.get("evidence")).split())
    return len(evidence & set(norm(pred.get("text")).split())) / (len(evidence) or 1)


def date_ok(gold, pred) -> bool:
    golds = gold if isinstance(gold, list) else [gold]
    return isinstance(pred, str) and any(pred == g or pred.startswith(g + "-") for g in golds)


def place_ok(gold, pred) -> bool:
    if not isinstance(pred, dict):
        return False
    names = {norm(pred.get(f)) for f in ("name", "admin1", "text", "city", "province")} - {""}
    golds = gold if isinstance(gold, list) else [gold]
    return any(pred.get("country_code") == g["country"] and norm(g["name"]) in names for g in golds)


def match_document(
    gold: list[dict],
    pred: list[dict],
    compatible: Callable[[dict, dict], bool] = compatible,
    overlap: Callable[[dict, dict], float] = overlap,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best evidence overlap first."""
    candidates = sorted(
        (
            (-overlap(g, p), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if compatible(g, p)
        )
    )
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi), used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    optional_hits: int = 0
    dates: int = 0
    dates_ok: int = 0
    places: int = 0
    places_ok: int = 0

    def add_pair(self, g: dict, p: dict) -> None:
        self.matched += 1
        if g.get("date"):
            self.dates += 1
            self.dates_ok += date_ok(g["date"], p.get("date"))
        if g.get("location"):
            self.places += 1
            self.places_ok += place_ok(g["location"], p.get("location"))


def score(gold_docs: list, preds: list, recall_only: bool = False) -> dict:
    """The scorer's figures: gold, predicted, matched, recall (precision, f1), date/place accuracy."""
    preds_of = by_doc(preds)
    tally, per_type, missed = _Tally(), Counter(), []
    for doc in gold_docs:
        gold, pred = doc["events"], preds_of.pop(str(doc["doc_id"]), [])
        pairs = match_document(gold, pred)
        for gi, pi in pairs:
            if gold[gi].get("optional"):
                tally.optional_hits += 1
            else:
                tally.add_pair(gold[gi], pred[pi])
                per_type[gold[gi]["event"]] += 1
        tally.gold += sum(1 for g in gold if not g.get("optional"))
        tally.predicted += len(pred)
        found = {gi for gi, _ in pairs}
        missed += [
            _describe_missed(doc["doc_id"], g)
            for gi, g in enumerate(gold)
            if gi not in found and not g.get("optional")
        ]
    return _figures(tally, per_type, missed, sum(map(len, preds_of.values())), recall_only)


def _figures(t: _Tally, per_type: Counter, missed: list, stray: int, recall_only: bool) -> dict:
    recall = t.matched / t.gold if t.gold else 0.0
    judged = t.predicted - t.optional_hits
    precision = t.matched / judged if judged > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {
        "gold": t.gold,
        "predicted": t.predicted,
        "matched": t.matched,
        "recall": round(recall, 3),
        "date_acc": round(t.dates_ok / t.dates, 3) if t.dates else None,
        "place_acc": round(t.places_ok / t.places, 3) if t.places else None,
        "matched_by_type": dict(per_type),
        "preds_for_unknown_docs": stray,
        "missed": missed,
    }
    if not recall_only:
        out.update(precision=round(precision, 3), f1=round(f1, 3))
    return out


def _describe_missed(doc_id, g: dict) -> str:
    return f'{doc_id}: {g["event"]} {g.get("actor")}->{g.get("recipient")} "{g.get("evidence", "")[:70]}"'


def by_doc(preds: Iterable[dict]) -> dict[str, list[dict]]:
    """The predictions of each document id."""
    out = defaultdict(list)
    for p in preds:
        out[str(p.get("doc_id"))].append(p)
    return out


# --- Which scorer ---


@dataclass(frozen=True)
class Scorer:
    """The scoring functions in use, and where they come from (a score.py path, or ours)."""

    source: str
    score: Callable[..., dict]
    side_matches: Callable[[list, list], bool]
    type_matches: Callable[[dict, str], bool]
    compatible: Callable[[dict, dict], bool]
    overlap: Callable[[dict, dict], float]
    norm: Callable[[str], str]
    symmetric: frozenset


def own_scorer() -> Scorer:
    return Scorer(
        "dragoman.evaluation", score, side_matches, type_matches, compatible, overlap, norm, SYMMETRIC
    )


def load_scorer(gold_path: str | Path) -> Scorer:
    """score.py next to the gold file when there is one (the figures quoted with it), else ours."""
    path = Path(gold_path).resolve().parent / SCORER_FILE
    if not path.is_file():
        return own_scorer()
    spec = importlib.util.spec_from_file_location("_dragoman_gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        return Scorer(
            str(path),
            module.score,
            module.side_matches,
            module.type_matches,
            module.compatible,
            module.overlap,
            module.norm,
            frozenset(module.SYMMETRIC),
        )
    except Exception as exc:  # a broken or older scorer: say which file, and the way out
        raise UsageError(
            f"cannot use the scorer {path}: {type(exc).__name__}: {exc}. "
            "Fix it, or move the gold file to a folder without a score.py to use "
            "dragoman's own scorer."
        ) from exc
