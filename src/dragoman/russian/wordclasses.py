"""Russian words added to the word classes the shared role rules read.

The extractor's rules name classes of words: verbs of intent ("plan to"), verbs of occurrence
("the summit took place"), relative pronouns, prepositions that lead to a recipient. For
Russian text to go through the same rules, data/ru/word_classes.tsv lists the Russian members
of each class by the module that defines its constant and the constant's name (most are read
from data/events/words.toml by dragoman.words into a constant of the module that uses them;
the closed classes are in dragoman.syntax). They are added once, when Russian support starts.
The classes are frozensets and tuples, so the extended class is bound anew: in the module
named and in every loaded dragoman module that imported the same object by name ("from
..syntax import LOCATIVE_PREPS"). A class that no longer exists under its name is an error
that says which one (the test suite loads them all).
"""

from __future__ import annotations

import csv
import sys
from importlib import import_module, resources

_DONE = False


def rows() -> list[dict]:
    text = (resources.files("dragoman") / "data" / "ru" / "word_classes.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def resolve(row: dict):
    """The module and current value of a row's word class; ValueError if it is gone."""
    module = import_module(f"dragoman.{row['module']}")
    current = getattr(module, row["name"], None)
    if not isinstance(current, (set, frozenset, tuple)):
        raise ValueError(
            f"data/ru/word_classes.tsv: dragoman.{row['module']} has no word class {row['name']!r}"
        )
    return module, current


def extended(current, words: list[str]):
    if isinstance(current, tuple):
        return current + tuple(w for w in words if w not in current)
    return type(current)(current | set(words))


def extend_word_classes() -> None:
    """Add the Russian words to their classes (once per process)."""
    global _DONE
    if _DONE:
        return
    for module, name, current, words in grouped(rows()):
        _rebind(module, name, current, extended(current, words))
    _DONE = True


def grouped(table: list[dict]) -> list[tuple]:
    """(module, name, current value, words) of each class, its words from all its rows: a
    class listed on two rows is extended once, so the modules that imported it see both rows'
    words. All classes resolve before any changes."""
    classes: dict[tuple[str, str], tuple] = {}
    for row in table:
        key = (row["module"], row["name"])
        if key not in classes:
            classes[key] = (*resolve(row), [])
        words = classes[key][2]
        words += [w for w in row["words"].split("|") if w and w not in words]
    return [(module, key[1], current, words) for key, (module, current, words) in classes.items()]


def _rebind(module, name: str, old, new) -> None:
    """Bind the new class where the old object was bound under that name: its module and
    the modules that imported it from there."""
    setattr(module, name, new)
    for other in list(sys.modules.values()):
        if getattr(other, "__name__", "").startswith("dragoman.") and getattr(other, name, None) is old:
            setattr(other, name, new)
