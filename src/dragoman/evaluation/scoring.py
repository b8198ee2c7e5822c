"""Quality of the pipeline against a gold set: the library behind `dragoman eval`.

evaluate(GOLD, INPUTS) runs the real pipeline over the inputs and scores its records with
the project's scorer: ../shared/eval/score.py, imported from the gold file's directory
when it is there, so the figures are the ones everybody quotes. Without it (a gold set
of your own elsewhere), the scorer below applies the same documented matching rules:

- matching is one-to-one per document, best evidence overlap first; a prediction matches
  a gold event when its type is the gold type (or an "alt" type, or a newer name of a
  legacy type), and each non-empty gold side has a key matching an entity on that side
  (CONSULT, COOPERATE and AGREE may have their sides swapped);
- a key matches an entity when it is a code (2-5 capitals) equal to the entity's country
  or org, or naming it (data/scoring/codes.tsv); or when, case-folded, it appears as whole
  words in the entity's name, text, org or title, or one of those appears in it;
- optional gold events count neither for nor against; dates match when equal or when the
  gold date is coarser; places when the country and a name agree.

Beyond the scorer's figures it reports per-type recall and precision, the event types
confused on dyads that were found, the event-type accuracy on those dyads, and speed.
Every function returns plain dicts, ready for JSON.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import InputError, UsageError

SCORER_FILE = "score.py"
FIGURES = ("gold", "predicted", "matched", "precision", "recall", "f1", "date_acc", "place_acc")
# Evidence and predicted sentence are "the same sentence" when they share this share of the
# shorter one's words: gold evidence is often a fragment, and a one-line input may be split.
SAME_SENTENCE = 0.5


# --- Our own scorer: the rules of ../shared/eval/score.py, for gold sets kept elsewhere ---

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Older PLOVER names some gold sets still use, and the types they became.
LEGACY = {"YIELD": {"CONCEDE", "RETREAT"}, "DEMAND": {"REQUEST"}, "DISAPPROVE": {"ACCUSE"},
          "INVESTIGATE": {"ACCUSE"}, "FIGHT": {"ASSAULT"}}
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
    return (gold["event"] in SYMMETRIC and side_matches(gold.get("actor"), recipient)
            and side_matches(gold.get("recipient"), actor))


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


def match_document(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best evidence overlap first."""
    candidates = sorted(((-overlap(g, p), gi, pi) for gi, g in enumerate(gold)
                         for pi, p in enumerate(pred) if compatible(g, p)))
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
    by_doc = _by_doc(preds)
    tally, per_type, missed = _Tally(), Counter(), []
    for doc in gold_docs:
        gold, pred = doc["events"], by_doc.pop(str(doc["doc_id"]), [])
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
        missed += [_describe_missed(doc["doc_id"], g) for gi, g in enumerate(gold)
                   if gi not in found and not g.get("optional")]
    return _figures(tally, per_type, missed, sum(map(len, by_doc.values())), recall_only)


def _figures(t: _Tally, per_type: Counter, missed: list, stray: int, recall_only: bool) -> dict:
    recall = t.matched / t.gold if t.gold else 0.0
    judged = t.predicted - t.optional_hits
    precision = t.matched / judged if judged > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {"gold": t.gold, "predicted": t.predicted, "matched": t.matched, "recall": round(recall, 3),
           "date_acc": round(t.dates_ok / t.dates, 3) if t.dates else None,
           "place_acc": round(t.places_ok / t.places, 3) if t.places else None,
           "matched_by_type": dict(per_type), "preds_for_unknown_docs": stray, "missed": missed}
    if not recall_only:
        out.update(precision=round(precision, 3), f1=round(f1, 3))
    return out


def _describe_missed(doc_id, g: dict) -> str:
    return f'{doc_id}: {g["event"]} {g.get("actor")}->{g.get("recipient")} "{g.get("evidence", "")[:70]}"'


def _by_doc(preds: Iterable[dict]) -> dict[str, list[dict]]:
    by_doc = defaultdict(list)
    for p in preds:
        by_doc[str(p.get("doc_id"))].append(p)
    return by_doc


# --- Which scorer ---

@dataclass(frozen=True)
class Scorer:
    """The scoring functions in use, and where they come from (a score.py path, or ours)."""
    source: str
    score: Callable[..., dict]
    side_matches: Callable[[list, list], bool]
    type_matches: Callable[[dict, str], bool]
    norm: Callable[[str], str]
    symmetric: frozenset


def own_scorer() -> Scorer:
    return Scorer("dragoman.evaluate", score, side_matches, type_matches, norm, SYMMETRIC)


def load_scorer(gold_path: str | Path) -> Scorer:
    """score.py next to the gold file when there is one (the figures everybody quotes), else ours."""
    path = Path(gold_path).resolve().parent / SCORER_FILE
    if not path.is_file():
        return own_scorer()
    spec = importlib.util.spec_from_file_location("_dragoman_gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        return Scorer(str(path), module.score, module.side_matches, module.type_matches,
                      module.norm, frozenset(module.SYMMETRIC))
    except Exception as exc:  # a broken or older scorer: say which file, and the way out
        raise UsageError(f"cannot use the scorer {path}: {type(exc).__name__}: {exc}. "
                         "Fix it, or move the gold file elsewhere to use dragoman's own scorer.") from exc


# --- Gold and predictions ---

def load_gold(path: str | Path) -> list[dict]:
    """Gold documents, one JSON object per line: {"doc_id", "events": [...]}."""
    docs = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read gold file {path}: {exc.strerror}. Check the path.") from exc
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            docs.append(_gold_line(line, path, lineno))
    return docs


def _gold_line(line: str, path, lineno: int) -> dict:
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{lineno}: not JSON ({exc.msg}); a gold file has one document "
                         "per line, see ../shared/eval/README.md.") from exc
    if not isinstance(doc, dict) or "doc_id" not in doc or not isinstance(doc.get("events"), list):
        raise UsageError(f'{path}:{lineno}: a gold line needs "doc_id" and a list of "events" '
                         "(see ../shared/eval/README.md).")
    return doc


def required_events(gold_docs: list[dict]) -> Iterable[tuple[str, dict]]:
    for doc in gold_docs:
        for g in doc["events"]:
            if not g.get("optional"):
                yield str(doc["doc_id"]), g


def run_pipeline(paths: list[str], settings=None, workers: int = 1, pipeline=None) -> dict:
    """Event records of the real pipeline over `paths`, with the run's counts and speed.

    Speed is measured after the model has loaded (load_s, reported apart), so documents/s
    and words/s describe extraction, not start-up, even for a run of two documents.
    A loaded `pipeline` (dragoman.pipeline.Pipeline) is reused, so that several runs load
    the model once.
    """
    start = time.perf_counter()
    items, load_s = _pipeline_items(paths, settings, workers, pipeline)
    run_start = time.perf_counter()
    records, failures, documents, words = [], [], 0, 0
    for item in items:
        if isinstance(item, InputError):
            failures.append(f"{item.source}: {item.reason}")
            continue
        documents += 1
        words += len(item.text.split())
        records += item.records()
    end = time.perf_counter()
    speed = _speed(documents, words, end - run_start) | {"load_s": load_s, "wall_s": round(end - start, 2)}
    return {"records": records, "failures": failures, "speed": speed}


def _pipeline_items(paths, settings, workers: int, pipeline=None):
    """Processed items, and the seconds the model took to load (None when not loaded here)."""
    from .pipeline import Pipeline, process_paths, with_default_date
    from .read import iter_documents
    from .settings import Settings

    if workers != 1 and pipeline is None:
        return process_paths(list(paths), settings, workers=workers), None
    # process_paths does the same for one worker; building the Pipeline here lets us time the load.
    if pipeline is not None:  # loaded before: no load time to report
        return pipeline.run_many(with_default_date(iter_documents(list(paths), pipeline.settings), None)), None
    settings = settings or Settings.load()
    start = time.perf_counter()
    pipeline = Pipeline(settings)
    load_s = round(time.perf_counter() - start, 2)
    return pipeline.run_many(with_default_date(iter_documents(list(paths), settings), None)), load_s


def _speed(documents: int, words: int, seconds: float) -> dict:
    return {"documents": documents, "words": words, "run_s": round(seconds, 2),
            "docs_per_s": round(documents / seconds, 1) if seconds else None,
            "words_per_s": round(words / seconds) if seconds else None}


# --- Figures beyond the scorer's ---

def per_type(gold_docs: list[dict], preds: list[dict], scorer: Scorer, recall_only: bool = False,
             matched_by_type: dict | None = None) -> dict:
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
    if scorer.side_matches(gold.get("actor"), actor) and scorer.side_matches(gold.get("recipient"), recipient):
        return True
    return (gold["event"] in scorer.symmetric and scorer.side_matches(gold.get("actor"), recipient)
            and scorer.side_matches(gold.get("recipient"), actor))


def dyad_type_accuracy(gold_docs: list[dict], preds: list[dict], scorer: Scorer) -> dict:
    """Among required gold events whose dyad some prediction in the document has, the share
    for which one of those predictions also has the right type: how well types are chosen,
    apart from finding the actors."""
    by_doc = _by_doc(preds)
    found = correct = 0
    for doc_id, g in required_events(gold_docs):
        on_dyad = [p for p in by_doc.get(doc_id, []) if dyad_found(g, p, scorer)]
        if on_dyad:
            found += 1
            correct += any(scorer.type_matches(g, p.get("event")) for p in on_dyad)
    return {"dyads_found": found, "type_correct": correct,
            "accuracy": round(correct / found, 3) if found else None}


def same_sentence(gold: dict, pred: dict, norm: Callable[[str], str] = norm) -> bool:
    evidence = set(norm(gold.get("evidence")).split())
    sentence = set(norm(pred.get("text")).split())
    shorter = min(len(evidence), len(sentence))
    return shorter > 0 and len(evidence & sentence) >= SAME_SENTENCE * shorter


def type_confusion(gold_docs: list[dict], preds: list[dict], scorer: Scorer) -> dict:
    """Gold type × predicted type, for required gold events whose dyad a prediction in the
    same sentence has but with none of the accepted types (the closest such prediction)."""
    by_doc = _by_doc(preds)
    table: dict[str, Counter] = defaultdict(Counter)
    found = correct = 0
    for doc_id, g in required_events(gold_docs):
        near = [p for p in by_doc.get(doc_id, [])
                if dyad_found(g, p, scorer) and same_sentence(g, p, scorer.norm)]
        if not near:
            continue
        found += 1
        if any(scorer.type_matches(g, p.get("event")) for p in near):
            correct += 1
            continue
        closest = max(near, key=lambda p: _word_overlap(g, p, scorer.norm))
        table[g["event"]][closest.get("event")] += 1
    return {"dyads_found": found, "type_correct": correct,
            "table": {gt: dict(row.most_common()) for gt, row in sorted(table.items())}}


def _word_overlap(gold: dict, pred: dict, norm: Callable[[str], str]) -> int:
    return len(set(norm(gold.get("evidence")).split()) & set(norm(pred.get("text")).split()))


# --- The whole evaluation ---

def evaluate_records(gold_docs: list[dict], preds: list[dict], scorer: Scorer,
                     recall_only: bool = False) -> dict:
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


def evaluate(gold_path: str | Path, inputs: list[str], recall_only: bool = False, settings=None,
             workers: int = 1, scorer: Scorer | None = None, pipeline=None) -> dict:
    """Run the pipeline (a new one, or `pipeline`) over `inputs` and score it against the gold file."""
    gold_docs = load_gold(gold_path)
    scorer = scorer or load_scorer(gold_path)
    run = run_pipeline(inputs, settings, workers, pipeline)
    result = evaluate_records(gold_docs, run["records"], scorer, recall_only)
    result.update(gold_file=str(gold_path), inputs=[str(i) for i in inputs],
                  speed=run["speed"], failures=run["failures"], records=run["records"])
    return result


# --- Reading it ---

def format_report(result: dict, show_missed: int = 20) -> str:
    """The evaluation as text, for a terminal."""
    parts = [_format_missed(result, show_missed), _format_figures(result),
             _format_per_type(result), _format_confusion(result), _format_speed(result)]
    return "\n\n".join(p for p in parts if p)


def _format_missed(result: dict, limit: int) -> str:
    missed = result["missed"]
    lines = [f"missed {m}" for m in missed[:limit]]
    if len(missed) > limit:
        lines.append(f"... and {len(missed) - limit} more (--json lists them all)")
    return "\n".join(lines)


def _format_figures(result: dict) -> str:
    s, d = result["score"], result["dyads"]
    lines = [f"scorer: {result['scorer']}" + ("  (recall only: the gold set is not exhaustive)"
                                             if result["recall_only"] else ""),
             "  ".join(f"{k}={s[k]}" for k in FIGURES if k in s),
             f"event-type accuracy on the dyads dragoman finds: {d['accuracy']} "
             f"({d['type_correct']} of {d['dyads_found']} gold events whose actor and recipient were found)"]
    return "\n".join(lines)


def _format_per_type(result: dict) -> str:
    show_precision = not result["recall_only"]
    head = f"{'type':12} {'gold':>5} {'matched':>7} {'recall':>6}"
    head += f" {'predicted':>9} {'precision':>9}" if show_precision else ""
    lines = ["per type:", head]
    for t, row in result["per_type"].items():
        line = f"{t:12} {row['gold']:5} {row['matched']:7} {_num(row['recall']):>6}"
        if show_precision:
            line += f" {row.get('predicted', 0):9} {_num(row.get('precision')):>9}"
        lines.append(line)
    return "\n".join(lines)


def _format_confusion(result: dict) -> str:
    c = result["confusion"]
    lines = [f"event types on dyads found in the same sentence: {c['type_correct']} of "
             f"{c['dyads_found']} right; the others, gold type -> predicted type:"]
    for gold_type, row in c["table"].items():
        lines.append(f"  {gold_type:12} " + ", ".join(f"{p} {n}" for p, n in row.items()))
    if not c["table"]:
        lines.append("  (none)")
    return "\n".join(lines)


def _format_speed(result: dict) -> str:
    sp = result.get("speed")
    if not sp:
        return ""
    failed = len(result.get("failures") or [])
    load = f", after loading the model in {sp['load_s']} s" if sp.get("load_s") is not None else ""
    return (f"speed: {sp['documents']} documents, {sp['words']} words in {sp['run_s']} s{load}: "
            f"{sp['docs_per_s']} documents/s, {sp['words_per_s']} words/s; wall time {sp['wall_s']} s"
            + (f"; {failed} inputs failed" if failed else ""))


def _num(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def public_result(result: dict) -> dict:
    """The result without the records themselves (for --json)."""
    return {k: v for k, v in result.items() if k != "records"}

