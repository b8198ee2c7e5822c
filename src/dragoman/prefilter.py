"""Parse only what can hold an event: a cheap trigger test ahead of the spaCy pipeline.

Every event starts from a trigger word of the event lexicon (data/events/triggers.tsv) or a
word of condemnation (words.toml), so a sentence with no word that could be a form of one
cannot give an event; the verbs that do acts nouns name later are kept too (events/acts.py). The
test splits a passage into sentences with a regular expression, looks each word up under
its possible lemmas (suffix rules plus the model's own irregular forms: "met" → "meet"),
and returns the runs of sentences that pass as narrower Passages, with `context` sentences
before each run so that "He" still finds the person named just before.

It errs towards parsing: a word that might be a trigger keeps its sentence. What is lost
is what the skipped sentences would have added without an event: their mentions of actors
(stored by `ingest`) and the places and dates they would have lent to nearby sentences.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from .model import Document, Passage
from .words import word_file, words

# A sentence ends at . ! ? (and a closing quote or bracket) before a capital, digit or quote.
SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
# Abbreviations after which a full stop does not end the sentence ("Mr. Putin", "U.S. Army").
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|Rev|"
    r"Prof|Jr|Sr|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Inc|Corp|Co|"
    r"vs|etc)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """The words whose presence a trigger needs: verbs, particle verbs' verbs, nouns."""
    words = set()
    for row in _trigger_rows():
        parts = (row.get("trigger") or "").lower().split()
        if not parts:
            continue
        # V and VP need their verb; N and LV ("hold talk") need their noun.
        words.add(parts[0] if row.get("pos") in ("V", "VP") else parts[-1])
    return frozenset(words) | speech_and_act_words()


def speech_and_act_words() -> frozenset[str]:
    """Words with no trigger that still make or name an event: what condemns in reported speech
    ("said the launch was unacceptable", "disappointed that") and the verbs that do an act a later noun names ("the
    committee voted ...", "the vote"), verbs of saying left out (they are in most sentences);
    the nouns of a ceremony that dates the act before it ("The ceremony took place on
    Tuesday", occasions.py)."""
    acts = word_file()["act_nouns"]
    verbs = {v for row in acts.values() for v in row.get("verbs", ())} - words("speech_verbs")
    return (
        words("condemning_words")
        | words("disapproval_words")
        | words("reacting_verbs")
        | frozenset(acts)
        | frozenset(verbs)
        | words("ceremony_nouns")
    )


def _trigger_rows():
    """The rows of every trigger file, as the events stage reads them: triggers.tsv and the
    generated triggers_*.tsv."""
    folder = resources.files("dragoman").joinpath("data/events")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith("triggers") and path.name.endswith(".tsv"):
            lines = [
                ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")
            ]
            yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def irregular_forms(nlp) -> dict[str, set[str]]:
    """form → lemmas from the model's lemmatizer exceptions ("met" → meet, "fought" → fight)."""
    forms: dict[str, set[str]] = {}
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    except (KeyError, ValueError):
        return forms
    for pos in ("verb", "noun"):
        for form, lemmas in (table.get(pos) or {}).items():
            forms.setdefault(form, set()).update(lemmas)
    return forms


def candidate_lemmas(word: str, irregular: dict[str, set[str]]) -> set[str]:
    """Every lemma the word might have, by the regular English endings and the exceptions."""
    w = word.lower()
    out = {w, *irregular.get(w, ())}
    for suffix, repl in (
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            out.add(stem)
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2]:  # stopped → stop
                out.add(stem[:-1])
    return out


class Prefilter:
    """Keeps the sentences that could hold an event; `context` sentences before each run."""

    def __init__(self, nlp, context: int = 1):
        self.lemmas = trigger_lemmas()
        self.irregular = irregular_forms(nlp)
        self.context = context
        self.seen: dict[str, bool] = {}
        self.sentences = self.kept = 0  # counts, for reports

    def could_hold_event(self, sentence: str) -> bool:
        return any(self._is_trigger(m.group()) for m in WORD.finditer(sentence))

    def _is_trigger(self, word: str) -> bool:
        hit = self.seen.get(word)
        if hit is None:
            # "cease-fire": the parser splits it, and either part or the whole may be the trigger
            forms = {word, word.replace("-", ""), *word.split("-")} if "-" in word else {word}
            hit = any(not self.lemmas.isdisjoint(candidate_lemmas(f, self.irregular)) for f in forms)
            if len(self.seen) > 200_000:  # bounded over a long batch
                self.seen.clear()
            self.seen[word] = hit
        return hit

    def passages(self, doc: Document, passages: list[Passage]) -> list[Passage]:
        """The parts of these passages to parse, as Passages in document offsets."""
        out = []
        for p in passages:
            out.extend(self._runs(doc.text, p))
        return out

    def _runs(self, text: str, passage: Passage) -> list[Passage]:
        bounds = split_sentences(text, passage.start, passage.end)
        keep = [self.could_hold_event(text[s:e]) for s, e in bounds]
        self.sentences += len(bounds)
        self.kept += sum(keep)
        wanted = [any(keep[i : i + self.context + 1]) for i in range(len(bounds))]
        runs, start, last_end = [], None, passage.start
        for (s, e), want in zip(bounds + [(passage.end, passage.end)], wanted + [False]):
            if want and start is None:
                start = s
            elif not want and start is not None:
                runs.append(Passage(start, last_end, passage.lang, passage.boilerplate))
                start = None
            last_end = e
        return runs


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of text[start:end], cheaply and roughly."""
    bounds, s = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if ABBREVIATION.search(text, max(s, m.start() - 12), m.start() + 1):
            continue
        bounds.append((s, m.start() + len(m.group().rstrip())))
        s = m.end()
    if text[s:end].strip():
        bounds.append((s, end))
    return bounds
