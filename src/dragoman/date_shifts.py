"""Acts dated by their distance from another: "the day after police arrested him".

In "protesters marched on Sunday, the day after police arrested the leader" the arrest
happened the day before the march: a clause brought in by "after" or "before" with a measure
("the day", "one day", "two days", "a week") lies that many days before or after the act of
the clause it hangs on. Its own date, if it has one ("the day after police arrested him on
Saturday"), still rules; a date it takes from the rest of the sentence or the story is moved
by the measure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from .date_expressions import DateResult, NUMBER_WORDS

UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
DIRECTION = {"after": -1, "before": 1}  # X after which the act came lies before it


def day_shift(trigger) -> tuple[int, object, object] | None:
    """(days from the date of the clause it hangs on, the clause's verb, the measure's head) for
    an act told in a clause "N days after/before ...", else None. `trigger` is a spaCy token."""
    verb = governing_verb(trigger)
    return _clause_shift(verb) if verb is not None else None


def measured_clauses(trigger) -> list[tuple[int, object, object]]:
    """The clauses "N days after/before ..." that hang on the trigger's verb, as day_shift gives
    them: "arrested him a day before protesters marched on Sunday" dates the arrest Saturday."""
    verb = governing_verb(trigger)
    if verb is None:
        return []
    found = [_clause_shift(c) for c in verb.children if c.dep_ == "advcl"]
    return [f for f in found if f is not None]


def governing_verb(token):
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _clause_shift(verb) -> tuple[int, object, object] | None:
    if verb.dep_ != "advcl":
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in DIRECTION), None)
    if mark is None:
        return None
    # "the day" hangs on the clause's verb, on the "after", or on the verb above it right before
    measures = [c for c in list(verb.children) + list(mark.children) if c.dep_ == "npadvmod"]
    measures += [c for c in verb.head.children if c.dep_ == "npadvmod" and c.right_edge.i + 1 == mark.i]
    measure = next((c for c in measures if c.lower_ in UNIT_DAYS), None)
    if measure is None:
        return None
    count = next((c for c in measure.children if c.dep_ in ("nummod", "det")), None)
    if count is None and measure.lower_.endswith("s"):
        return None  # "just days after": no telling how many
    n = 1 if count is None or count.lower_ == "the" else _count(count.lower_)
    if n is None:
        return None
    return DIRECTION[mark.lower_] * n * UNIT_DAYS[measure.lower_], verb, measure


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def inside(token, start: int) -> bool:
    """Whether token index `start` lies in the phrase `token` heads."""
    return token.left_edge.i <= start <= token.right_edge.i


def shifted(found: DateResult | None, days: int) -> DateResult | None:
    """The day `days` from a found day; coarser dates (a month, a year) stay as they are."""
    if found is None or found.precision != "day" or len(found.date) != 10:
        return found
    return replace(found, date=(date.fromisoformat(found.date) + timedelta(days=days)).isoformat())


def shifted_day(day: str, days: int) -> str:
    if len(day) != 10:
        return day
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
