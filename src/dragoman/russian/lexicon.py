"""The Russian event lexicon (data/ru/triggers.tsv, data/ru/contexts.tsv) as an events.Lexicon,
so the one EventExtractor codes Russian sentences with Russian triggers."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..events.lexicon import RECIPROCAL, Lexicon, Trigger, load_lexicon
from ..model import QUADS

TABLES = {"V": "verbs", "N": "nouns", "LV": "light", "VP": "particles"}


def _rows(name: str):
    text = (resources.files("dragoman") / "data" / "ru" / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


@lru_cache(maxsize=1)
def load_russian_lexicon() -> Lexicon:
    # the coded rules' results and reported speech are the language's-independent ones
    base = load_lexicon()
    lex = Lexicon(speech=base.speech, recodes=base.recodes, threat_cameo=base.threat_cameo)
    for row in _rows("contexts.tsv"):
        lex.contexts[row["word"].lower()] = row["context"]
    contexts = set(lex.contexts.values())
    for row in _rows("triggers.tsv"):
        event, pos = row["event"].strip(), row["pos"].strip()
        if event not in QUADS or pos not in TABLES:
            raise ValueError(
                f"data/ru/triggers.tsv: bad type {event!r} or pos {pos!r} for {row['trigger']!r}"
            )
        preps = tuple(p for p in (row.get("preps") or "").split("|") if p)
        needs = set((row.get("needs") or "").split("|"))
        trig = Trigger(
            row["trigger"],
            pos,
            event,
            row.get("mode") or None,
            row.get("cameo") or None,
            preps,
            "recipient" in needs,
            "theme" in needs,
            event in RECIPROCAL or "mutual" in needs,
            next((n for n in needs if n in contexts), None),
            "undirected" in needs,
            "pair" in needs,  # "X и Y обсудили ситуацию в Z": each with the other, not with Z
        )
        words = row["trigger"].split()
        key = {"V": words[0], "N": row["trigger"], "LV": (words[0], words[-1]), "VP": (words[0], words[-1])}[
            pos
        ]
        getattr(lex, TABLES[pos]).setdefault(key, []).append(trig)
    return lex
