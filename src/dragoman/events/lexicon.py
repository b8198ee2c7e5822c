"""The event lexicon: trigger words (data/events/triggers*.tsv), context words (contexts.tsv)
and what the rules written in code produce (rules.toml).

Every file named triggers*.tsv is read, triggers.tsv first and the others by name, all with
the same columns: a word's first reading is the one the rules use, so the hand-written file
decides where another file (one derived from PETRARCH's dictionaries, say) reads a word
differently. The PLOVER types are in plover.py (types.tsv), the open-class word lists in
words.py (words.toml).
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..plover import DEFAULT_PREPS, QUADS, having

TRIGGER_FILES = "triggers*.tsv"
MAIN_TRIGGER_FILE = "triggers.tsv"
RULES_FILE = "rules.toml"
RECIPROCAL = having("reciprocal")


@dataclass(frozen=True)
class Trigger:
    """One reading of a trigger word: the event it expresses and what its phrase must hold."""

    lemma: str
    pos: str
    event: str
    mode: str | None
    cameo: str | None
    preps: tuple[str, ...]
    needs_recipient: bool = False
    object_is_theme: bool = False  # "deployed troops to X": the troops are not acted upon
    mutual: bool = False  # "Jordan and Britain signed a deal": each side acts on the other
    context: str | None = None  # fires only in a sentence with this context ("peacekeepers arrived")
    undirected: bool = False  # may be addressed to no one: "called for more counter-terrorism efforts"
    # the recipient it needs may be the other of conjoined actors: "X and his counterpart Y spoke by phone"
    pair: bool = False


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    light: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    particles: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    contexts: dict[str, str] = field(default_factory=dict)
    speech: dict[str, Trigger] = field(default_factory=dict)  # reported speech ("X said Y must")
    recodes: dict[str, dict] = field(default_factory=dict)  # rule name → event, mode, cameo, modality
    threat_cameo: dict[str, str] = field(default_factory=dict)  # a trigger's CAMEO code → its threat's
    attempt_cameo: dict[str, str] = field(default_factory=dict)  # a trigger's CAMEO code → its attempt's

    def types(self) -> set[str]:
        tables = [self.verbs, self.nouns, self.light, self.particles]
        return {t.event for table in tables for ts in table.values() for t in ts}

    def contexts_of(self, span) -> list[str]:
        """The PLOVER contexts the words of a sentence give, in order of first mention."""
        found = []
        for tok in span:
            ctx = self.contexts.get(tok.lemma_.lower()) or self.contexts.get(tok.lower_)
            if ctx and ctx not in found:
                found.append(ctx)
        return found

    def add(self, trig: Trigger) -> None:
        words = trig.lemma.split()
        table, key = {
            "V": (self.verbs, words[0]),
            "N": (self.nouns, trig.lemma),
            "LV": (self.light, (words[0], words[-1])),
            "VP": (self.particles, (words[0], words[-1])),
        }[trig.pos]
        table.setdefault(key, []).append(trig)


def data_dir():
    return resources.files("dragoman") / "data" / "events"


def trigger_files(directory) -> list:
    """The trigger files of a directory: triggers.tsv first, then the other triggers*.tsv by name."""
    found = [p for p in directory.iterdir() if Path(p.name).match(TRIGGER_FILES)]
    return sorted(found, key=lambda p: (p.name != MAIN_TRIGGER_FILE, p.name))


def data_rows(path) -> csv.DictReader:
    """The rows of a tab-separated data file: '#' lines are comments, the first other line the header."""
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_trigger(row: dict, context_names: set[str], source: str = MAIN_TRIGGER_FILE) -> Trigger:
    event = row["event"].strip()
    if event not in QUADS:
        raise ValueError(f"{source}: unknown PLOVER type {event!r} for {row['trigger']!r}")
    preps = tuple(p for p in (row.get("preps") or "").split("|") if p) or DEFAULT_PREPS[event]
    needs = set((row.get("needs") or "").split("|"))
    return Trigger(
        row["trigger"],
        row["pos"],
        event,
        row.get("mode") or None,
        row.get("cameo") or None,
        preps,
        "recipient" in needs,
        "theme" in needs,
        row["event"] in RECIPROCAL or "mutual" in needs,
        next((n for n in needs if n in context_names), None),
        "undirected" in needs,
        "pair" in needs,
    )


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """The lexicon of the shipped data (or of another directory laid out like data/events/)."""
    folder = Path(directory) if directory else data_dir()
    lex = Lexicon()
    for row in data_rows(folder / "contexts.tsv"):
        lex.contexts[row["word"].lower()] = row["context"]
    context_names = set(lex.contexts.values())
    for path in trigger_files(folder):
        for row in data_rows(path):
            lex.add(read_trigger(row, context_names, path.name))
    rules = tomllib.loads((folder / RULES_FILE).read_text(encoding="utf-8"))
    lex.speech = {
        name: Trigger(r["word"], "V", r["event"], r.get("mode"), r["cameo"], ())
        for name, r in rules["speech"].items()
    }
    lex.recodes, lex.threat_cameo = rules["recode"], rules["threat_cameo"]
    lex.attempt_cameo = rules.get("attempt_cameo", {})
    return lex
