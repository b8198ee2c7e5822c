"""Russian words added to the word classes the shared role rules read.

The extractor's rules name classes of words: verbs of intent ("plan to"), verbs of occurrence
("the summit took place"), relative pronouns, prepositions that lead to a recipient. For
Russian text to go through the same rules, data/ru/word_classes.tsv lists the Russian members
of each class by the name of its constant in dragoman.events or dragoman.actors; they are
added once, when Russian support starts. A class that no longer exists under its name is an
error that says which one (the test suite loads them all).
"""
from __future__ import annotations

import csv
from importlib import import_module, resources

_DONE = False


def rows() -> list[dict]:
    text = (resources.files("dragoman") / "data" / "ru" / "word_classes.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def extend_word_classes() -> None:
    """Add the Russian words to their classes (once per process)."""
    global _DONE
    if _DONE:
        return
    for row in rows():
        module = import_module(f"dragoman.{row['module']}")
        name, words = row["name"], [w for w in row["words"].split("|") if w]
        current = getattr(module, name, None)
        if isinstance(current, set):
            current.update(words)
        elif isinstance(current, tuple):  # read through the module's global at call time
            setattr(module, name, current + tuple(w for w in words if w not in current))
        else:
            raise ValueError(f"data/ru/word_classes.tsv: dragoman.{row['module']} has no word class {name!r}")
    _DONE = True
