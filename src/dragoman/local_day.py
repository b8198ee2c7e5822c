"""News told in the time of a place ahead of the paper's.

A US paper dated Monday reports a launch in Asia "early Tuesday": it is already Tuesday there.
A weekday named in an article is normally within the week up to its date, so "Tuesday" in a
Monday paper is the Tuesday before; but when the lead names it with the hours of a day just
begun ("early Tuesday", "Tuesday morning", "before dawn on Tuesday", "Tuesday local time":
data/dates/expressions.toml, zone_ahead_markers), it is the day after the dateline's. Then the
same weekday elsewhere in the article is that day too ("Tuesday's launch"), and what the people
of the lead's countries said without a day of its own was said on that day, while a reaction
from the paper's side of the world keeps the paper's day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from .date_expressions import DateResult, expressions

RELATIVE = re.compile(r"\b(last|past|next|this|coming|previous)\b", re.I)


def reads_ahead(sentence_text: str, found: DateResult, published: date, resolved: bool = False) -> bool:
    """Whether a weekday of the lead, resolved to the one six days before the paper's date (or,
    `resolved`, already to the day after it), is by its words the day after it, in the time of
    a place ahead."""
    ahead = published + timedelta(days=1)
    expected = ahead if resolved else ahead - timedelta(days=7)
    if found.precision != "day" or found.date != expected.isoformat():
        return False
    if not _names_weekday(found.date_text, ahead):
        return False
    return any(rx.search(sentence_text) for rx in _markers(calendar.day_name[ahead.weekday()]))


def in_local_time(found: DateResult | None, ahead: str | None) -> DateResult | None:
    """The same weekday elsewhere in the article, read as the lead's day ahead."""
    if found is None or ahead is None or found.precision != "day":
        return found
    day = date.fromisoformat(ahead)
    if found.date == (day - timedelta(days=7)).isoformat() and _names_weekday(found.date_text, day):
        return replace(found, date=ahead)
    return found


def names_holiday(words: str) -> bool:
    """ "on New Year's Day": a holiday the resolver reads as the paper's next day was already
    that day where the news happened (date_expressions._holiday)."""
    words = words.lower().replace("’", "'")
    return any(h in words for h in expressions()["holidays"])


def _names_weekday(words: str, day: date) -> bool:
    """ "Tuesday", "on Tuesday", "early Tuesday", "Tuesday's": not "last Tuesday"."""
    name = calendar.day_name[day.weekday()].lower()
    return name in words.lower() and not RELATIVE.search(words)


@lru_cache(maxsize=7)
def _markers(day_name: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rx.replace("{day}", day_name), re.I) for rx in expressions()["zone_ahead"])
