"""Quality of the pipeline against a gold set: the library behind `dragoman eval`.

evaluate(GOLD, INPUTS) runs the real pipeline over the inputs (through dragoman.run, as
`dragoman extract` does) and scores its records against the gold file, with the gold set's
own scorer when one lies beside it, else dragoman's (scoring.py). Beyond the scorer's figures
it reports per-type recall and precision, the event types confused on dyads that were found,
the event-type accuracy on those dyads (figures.py), speed, and on request what was missed
and found extra in each document (documents.py). Every function returns plain dicts, ready
for JSON; report.py turns them into text.

    gold.py       reading gold files
    scoring.py    matching predictions to gold events; which scorer
    figures.py    per type, dyads, confusions
    documents.py  missed and extra events, document by document
    report.py     text and JSON
"""

from __future__ import annotations

import time
from pathlib import Path

from ..run import read_inputs, run
from .documents import by_document
from .figures import (
    FIGURES,
    dyad_found,
    dyad_type_accuracy,
    evaluate_records,
    per_type,
    same_sentence,
    type_confusion,
)
from .gold import load_gold, required_events
from .report import format_report, public_result
from .scoring import Scorer, load_scorer, own_scorer

__all__ = [
    "FIGURES",
    "Scorer",
    "by_document",
    "dyad_found",
    "dyad_type_accuracy",
    "evaluate",
    "evaluate_records",
    "format_report",
    "load_gold",
    "load_scorer",
    "own_scorer",
    "per_type",
    "public_result",
    "required_events",
    "run_pipeline",
    "same_sentence",
    "type_confusion",
]


def evaluate(
    gold_path: str | Path,
    inputs: list[str],
    recall_only: bool = False,
    settings=None,
    workers: int = 1,
    scorer: Scorer | None = None,
    pipeline=None,
    by_doc: bool = False,
) -> dict:
    """Run the pipeline (a new one, or `pipeline`) over `inputs` and score it against the gold file.

    by_doc: also list, for each gold document, the events missed and the extra ones found.
    """
    gold_docs = load_gold(gold_path)
    scorer = scorer or load_scorer(gold_path)
    done = run_pipeline(inputs, settings, workers, pipeline)
    result = evaluate_records(gold_docs, done["records"], scorer, recall_only)
    if by_doc:
        result["documents"] = by_document(gold_docs, done["records"], scorer, recall_only)
    result.update(
        gold_file=str(gold_path),
        inputs=[str(i) for i in inputs],
        speed=done["speed"],
        failures=done["failures"],
        records=done["records"],
    )
    return result


def run_pipeline(paths: list[str], settings=None, workers: int = 1, pipeline=None) -> dict:
    """Event records of the real pipeline over `paths`, with the run's counts and speed.

    Speed leaves out loading the model (load_s, reported apart), so documents/s and words/s
    describe extraction, not start-up, even for a run of two documents. A loaded `pipeline`
    (dragoman.pipeline.Pipeline) is reused, so that several runs load the model once.
    """
    start = time.perf_counter()
    settings = pipeline.settings if pipeline is not None else settings
    results = run(read_inputs(paths, settings), settings, workers, pipeline=pipeline)
    records, failures, words = [], [], 0
    for doc in results.documents(lambda error: failures.append(str(error))):  # "source: reason"
        words += len(doc.text.split())
        records += doc.records()
    end = time.perf_counter()
    load_s = results.stats.load_seconds
    speed = _speed(results.stats.documents, words, end - start - (load_s or 0))
    return {
        "records": records,
        "failures": failures,
        "speed": speed | {"load_s": load_s, "wall_s": round(end - start, 2)},
    }


def _speed(documents: int, words: int, seconds: float) -> dict:
    return {
        "documents": documents,
        "words": words,
        "run_s": round(seconds, 2),
        "docs_per_s": round(documents / seconds, 1) if seconds else None,
        "words_per_s": round(words / seconds) if seconds else None,
    }
