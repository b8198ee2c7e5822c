"""News told in the time of a place ahead of the paper's.

A US paper dated Monday reports a launch in Asia "early Tuesday": it is already Tuesday there.
A weekday named in an article is normally within the week up to its date, so "Tuesday" in a
Monday paper is the Tuesday before; but when the lead names it with the hours of a day just
begun ("early Tuesday", "Tuesday morning", "before dawn on Tuesday", "Tuesday local time":
data/dates/expressions.toml, zone_ahead_markers), it is the day after the dateline's. Then the
same weekday elsewhere in the article is that day too ("Tuesday's launch"), a month or year
counted from the day of writing ("last month") is counted from that day, and what the people
of the lead's countries said without a day of its own was said on that day, while a reaction
from the paper's side of the world keeps the paper's day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from .date_expressions import DateResult, expressions, resolve
from .words import words

SPEECH_NOUNS = words("holiday_speech_nouns")

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
    """The same weekday or holiday elsewhere in the article, read as the lead's day ahead; a
    month or year told from the day of writing ("last month", "this year") counted from that
    day: in a paper of 31 December that reports a New Year's Day speech, "proposed last month"
    is December."""
    if found is None or ahead is None:
        return found
    if found.precision in ("month", "year") and RELATIVE.search(found.date_text):
        again = resolve(found.date_text, ahead)
        return again if again is not None and again.precision == found.precision else found
    if found.precision != "day":
        return found
    day = date.fromisoformat(ahead)
    if found.date == (day - timedelta(days=7)).isoformat() and _names_weekday(found.date_text, day):
        return replace(found, date=ahead)
    if found.date != ahead and found.date[5:] == ahead[5:] and _names_holiday(found.date_text, day):
        return replace(found, date=ahead)  # the holiday, a year back by the resolver
    return found


def holiday_speech(sentence_text: str, found: DateResult, published: date) -> bool:
    """ "still reviewing Kim's New Year's Day speech" in a paper of 31 December: a speech a
    holiday names was given on it, so when the holiday is the paper's next day, it was already
    that day where the speech was given. (Not any holiday: "New Year's Eve party" in a paper of
    30 December is the party to come.)"""
    if found.precision != "day" or not _names_holiday(found.date_text, published + timedelta(days=1)):
        return False
    at = sentence_text.find(found.date_text)
    after = re.match(r"\s+(\w+)", sentence_text[at + len(found.date_text) :]) if at >= 0 else None
    return after is not None and after.group(1).lower() in SPEECH_NOUNS


def _names_holiday(words: str, day: date) -> bool:
    """Whether the words name a holiday that falls on `day` ("New Year's Day", 1 January)."""
    words = words.lower().replace("’", "'")
    holidays = expressions()["holidays"]  # longer names first: "Christmas Eve" is no Christmas Day
    name = next((h for h in holidays if h in words), None)
    return name is not None and holidays[name] == day.strftime("%m-%d")


def _names_weekday(words: str, day: date) -> bool:
    """ "Tuesday", "on Tuesday", "early Tuesday", "Tuesday's": not "last Tuesday"."""
    name = calendar.day_name[day.weekday()].lower()
    return name in words.lower() and not RELATIVE.search(words)


@lru_cache(maxsize=7)
def _markers(day_name: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rx.replace("{day}", day_name), re.I) for rx in expressions()["zone_ahead"])
