"""Gold files: one document a line, with the events a careful coder found in it.

    {"doc_id": "...", "events": [{"event": "CONSULT", "alt": ["COOPERATE"],
                                  "actor": ["SCO", "Norov"], "recipient": ["CHN"],
                                  "date": "2021-06-02", "location": {"name": "Wuhan", "country": "CHN"},
                                  "optional": false, "evidence": "met with the Hubei Province secretary"}]}

`actor` and `recipient` keys are alternatives (a country or organisation code, or words of a
name): one matching key is enough. `alt` lists other accepted types; an optional event is
neither rewarded nor punished. `date` and `location` may be lists of accepted answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import UsageError

FORMAT_HELP = (
    'one JSON object per line: {"doc_id": "...", "events": [{"event": "CONSULT", '
    '"actor": [...], "recipient": [...], "evidence": "..."}]} (`dragoman eval --help` '
    "describes every field)"
)


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
        raise UsageError(f"{path}:{lineno}: not JSON ({exc.msg}); a gold file has {FORMAT_HELP}.") from exc
    if not isinstance(doc, dict) or "doc_id" not in doc or not isinstance(doc.get("events"), list):
        raise UsageError(
            f'{path}:{lineno}: a gold line needs "doc_id" and a list of "events": '
            f"a gold file has {FORMAT_HELP}."
        )
    return doc


def required_events(gold_docs: list[dict]) -> Iterable[tuple[str, dict]]:
    """(document id, gold event) for every event that is not optional."""
    for doc in gold_docs:
        for g in doc["events"]:
            if not g.get("optional"):
                yield str(doc["doc_id"]), g
