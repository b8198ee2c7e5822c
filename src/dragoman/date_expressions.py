"""One date expression, as written ("on Thursday", "in February 2021", "three weeks ago"),
resolved against an anchor date to "YYYY-MM-DD" | "YYYY-MM" | "YYYY" with its precision.

Explicit dates and the common relative words are resolved by rules here (fast, predictable);
vague phrases and non-dates are lexical rules in data/dates/expressions.toml; dateparser is the
fallback for anything else, called only on a candidate expression and cached.

Durations ("over the last 13 months") get precision "duration": date is the start of the
stretch at the unit's precision ("2020-05" for 13 months before 2021-06-02), end the anchor.
Week expressions ("last week") are ranges: date = that Monday, end = that Sunday.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a": 1,
    "an": 1,
    "several": 3,
    "few": 3,
    "couple": 2,
}
MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DASH = r"\s*(?:-|–|—|to|and)\s*"
PATTERNS = {  # order matters: ranges before single dates, days before months
    "range_dmy": rf"\b(?P<day>\d{{1,2}}){DASH}(?P<day2>\d{{1,2}})\s+{MONTH_RE}\s*,?\s+(?P<year>\d{{4}})\b",
    "range_mdy": rf"\b{MONTH_RE}\s+(?P<day>\d{{1,2}}){DASH}(?P<day2>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b",
    "iso": r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
    "dmy": rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\s*,?\s+(?P<year>\d{{4}})\b",
    "mdy": rf"\b{MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,\s*(?P<year>\d{{4}})\b",
    "md": rf"\b{MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})",
    "dm": rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\b(?!\s*,?\s*\d{{4}})",
    "my": rf"\b{MONTH_RE}\s+(?:of\s+)?(?P<year>\d{{4}})\b",
    "m_rel": rf"\b{MONTH_RE}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",  # "July last year"
    "m": rf"^(?:this\s+|last\s+|next\s+)?{MONTH_RE}$",
    "y": r"\b(?P<year>(?:1[89]|20)\d{2})\b",
}
COMPILED = {key: re.compile(rx, re.I) for key, rx in PATTERNS.items()}
FULL_DATE_KEYS = ("iso", "dmy", "mdy")


@dataclass
class DateResult:
    date: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    date_text: str  # the words it came from
    precision: str  # day | month | year | range | duration
    end: str | None = None  # last day of a range or duration


@lru_cache(maxsize=1)
def expressions() -> dict:
    """The lexical rules of data/dates/expressions.toml, compiled once."""
    raw = tomllib.loads(resources.files("dragoman.data").joinpath("dates/expressions.toml").read_text())
    return {
        "non_dates": [re.compile(rx, re.I) for rx in raw["non_dates"]],
        "durations": [re.compile(rx, re.I) for rx in raw["duration_patterns"]],
        "qualifiers": sorted(raw["qualifiers"], key=len, reverse=True),
        "prepositions": set(raw["prepositions"]),
        "captions": [re.compile(rx, re.I) for rx in raw["caption_markers"]],
        "post_signatures": [re.compile(rx) for rx in raw["post_signatures"]],
        "zone_ahead": raw["zone_ahead_markers"],
        "holidays": raw["fixed_holidays"],
    }


def _full_date(m: re.Match) -> date | None:
    month = _month_number(m.group("month"))
    try:
        return date(int(m.group("year")), month, int(m.group("day")))
    except (TypeError, ValueError):
        return None


def _month_number(token: str) -> int | None:
    return int(token) if token.isdigit() else MONTHS.get(token.lower().rstrip("."))


# --- resolving one expression ------------------------------------------------------------


def resolve(text: str, anchor: str | None, future: bool = False) -> DateResult | None:
    """Resolve one date expression (as written) against the anchor date "YYYY-MM-DD".

    Each event and mention of a sentence asks for its dates again, so answers are cached; the
    caller gets its own copy, free to change."""
    result = _resolve(text, anchor, future)
    return replace(result) if result is not None else None


@lru_cache(maxsize=4096)
def _resolve(text: str, anchor: str | None, future: bool) -> DateResult | None:
    base = date.fromisoformat(anchor) if anchor else None
    rules = expressions()
    for rx in rules["durations"]:
        m = rx.search(text)
        if m and base:
            return _duration(text, m, base)
    if any(rx.search(text) for rx in rules["non_dates"]):
        return None
    stretch = IN_STRETCH.match(text)
    if stretch and base:
        return _in_stretch(text, stretch, base, future)
    core = _core(text)
    for resolver in (_explicit, _relative):
        result = resolver(core, base, future)
        if result:
            return DateResult(result[0], text.strip(), result[1], result[2] if len(result) > 2 else None)
    return _dateparser(core, anchor, text.strip()) if base else None


IN_STRETCH = re.compile(r"^\s*in\s+(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?\s*$", re.I)


def _in_stretch(text: str, m: re.Match, base: date, future: bool) -> DateResult | None:
    """ "in four days": that far ahead in a future clause ("will meet in two weeks"); else how
    long something took or the window it fell in ("the second launch in four days", "never paid
    tax in 30 years"), which says not when it happened (dateparser read it as four days ago)."""
    n = _number(m.group("n").lower())
    if not future or n is None:
        return None
    day, precision = _shifted(base, n, m.group("unit").lower())
    return DateResult(day, text.strip(), precision)


def _core(text: str) -> str:
    """The expression without leading prepositions and vague qualifiers."""
    core = text.strip().lower().replace("’", "'")
    rules = expressions()
    changed = True
    while changed:
        changed = False
        for word in rules["qualifiers"] + sorted(rules["prepositions"], key=len, reverse=True):
            if core.startswith(word + " ") or (word.endswith("-") and core.startswith(word)):
                core, changed = core[len(word) :].strip(), True
    return re.sub(r"^the\s+", "", core)


DECADE = re.compile(r"\b(?:the\s+)?(?:early\s+|late\s+|mid-?\s*)?((?:1[89]|20)\d)0s\b")


def _explicit(core: str, base: date | None, future: bool):
    decade = DECADE.search(core)
    if decade:  # "in the 1990s": the ten years, as a range of years
        return f"{decade.group(1)}0", "range", f"{decade.group(1)}9"
    for key, rx in COMPILED.items():
        m = rx.search(core)
        if m:
            result = _from_match(key, m, base, future)
            if result:
                return result
    return None


def _from_match(key: str, m: re.Match, base: date | None, future: bool):
    if key.startswith("range"):
        first = _full_date(m)
        last = _safe_date(first.year, first.month, int(m.group("day2"))) if first else None
        return (first.isoformat(), "range", last.isoformat()) if last else None
    if key in FULL_DATE_KEYS:
        day = _full_date(m)
        return (day.isoformat(), "day") if day else None
    if key in ("md", "dm"):
        return _day_without_year(_month_number(m.group("month")), int(m.group("day")), base, future)
    if key == "my":
        return f"{int(m.group('year')):04d}-{_month_number(m.group('month')):02d}", "month"
    if key == "m_rel" and base:  # the month of the year the words name, not the year alone
        year = base.year + {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
        return f"{year:04d}-{_month_number(m.group('month')):02d}", "month"
    if key == "m" and base:
        return _month_without_year(_month_number(m.group("month")), base, future)
    if key == "y":
        return m.group("year"), "year"
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_without_year(month: int, day: int, base: date | None, future: bool):
    """ "March 28": the anchor's year, unless that would put a past event after the anchor."""
    if not base:
        return None
    when = _safe_date(base.year, month, day)
    if when and when > base and not future:
        when = _safe_date(base.year - 1, month, day)
    elif when and when < base and future:
        when = _safe_date(base.year + 1, month, day)
    return (when.isoformat(), "day") if when else None


def _month_without_year(month: int, base: date, future: bool):
    year = base.year
    if month > base.month and not future:
        year -= 1
    elif month < base.month and future:
        year += 1
    return f"{year:04d}-{month:02d}", "month"


def _relative(core: str, base: date | None, future: bool):
    if not base:
        return None
    for resolver in (_deictic_day, _holiday, _weekend, _weekday, _unit_relative, _ago):
        result = resolver(core, base, future)
        if result:
            return result
    return None


def _deictic_day(core: str, base: date, future: bool):
    shifts = {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    for words, shift in shifts.items():
        if re.search(rf"\b{words}\b", core):
            return (base + timedelta(days=shift)).isoformat(), "day"
    return None


def _holiday(core: str, base: date, future: bool):
    """ "on Bastille Day", "New Year's Day": the last such day up to the anchor, the next one in
    a future clause. (The next one may be meant in a paper of the day before, in a time zone
    ahead: local_day.py reads that from the article.)"""
    name = next((h for h in expressions()["holidays"] if re.search(rf"^{re.escape(h)}(?:\W|$)", core)), None)
    if name is None:
        return None
    month, day = (int(x) for x in expressions()["holidays"][name].split("-"))
    when = _safe_date(base.year, month, day)
    if when is not None and when > base and not future:
        when = _safe_date(base.year - 1, month, day)
    elif when is not None and when < base and future:
        when = _safe_date(base.year + 1, month, day)
    return (when.isoformat(), "day") if when else None


def _weekday(core: str, base: date, future: bool):
    m = re.search(
        r"\b(?:(last|next|this|past|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        core,
    )
    if not m:
        return None
    forward = m.group(1) in ("next", "coming") or (future and m.group(1) not in ("last", "past"))
    target = WEEKDAYS[m.group(2)]
    if "local time" in core and target == (base.weekday() + 1) % 7 and m.group(1) is None:
        # the day after the dateline's: it is already that day where it happened (time zones)
        return (base + timedelta(days=1)).isoformat(), "day"
    if forward:
        delta = (target - base.weekday()) % 7 or 7
    elif m.group(1) in ("last", "past") or target != base.weekday():
        # reports speak of the most recent such day before the report
        delta = -((base.weekday() - target) % 7 or 7)
    else:  # "on Tuesday" in a paper of Tuesday: the day of the report itself
        delta = 0
    return (base + timedelta(days=delta)).isoformat(), "day"


def _weekend(core: str, base: date, future: bool):
    """ "over the weekend", "last weekend": the Saturday and Sunday up to the anchor (a Monday
    paper's weekend is the one just gone); "next weekend" or a future clause: the coming one."""
    m = re.search(r"\b(?:(last|this|next|coming|past)\s+)?(?:past\s+)?weekend\b", core)
    if not m:
        return None
    if m.group(1) == "this" and base.weekday() >= 5:  # said at the weekend: this one
        saturday = base - timedelta(days=base.weekday() - 5)
    elif m.group(1) in ("next", "coming") or (future and m.group(1) not in ("last", "past")):
        saturday = base + timedelta(days=(5 - base.weekday()) % 7 or 7)
    else:
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        if m.group(1) == "last" and base.weekday() >= 5:
            saturday -= timedelta(weeks=1)  # "last weekend" said at the weekend: the one before
    return saturday.isoformat(), "range", (saturday + timedelta(days=1)).isoformat()


def _unit_relative(core: str, base: date, future: bool):
    m = re.search(
        r"\b(earlier|later)?\s*(this|last|next|past|previous|current|coming)\s+(week|month|year)\b", core
    )
    if not m:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(2), 0)
    unit = m.group(3)
    if unit == "year":
        return str(base.year + step), "year"
    if unit == "month":
        return _month_string(_add_months(base, step)), "month"
    if m.group(2) == "past":  # "the past week": the seven days up to the anchor
        return (base - timedelta(days=7)).isoformat(), "range", (base - timedelta(days=1)).isoformat()
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
    if m.group(1) == "earlier" and step == 0:
        return monday.isoformat(), "range", max(monday, base - timedelta(days=1)).isoformat()
    return monday.isoformat(), "range", (monday + timedelta(days=6)).isoformat()


def _ago(core: str, base: date, future: bool):
    m = re.search(r"\b(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago\b", core)
    if not m:
        return None
    n = _number(m.group(1))
    if n is None:
        return None
    return _shifted(base, -n, m.group(2))


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)


def _shifted(base: date, n: int, unit: str):
    """The date n units from base, at the unit's precision."""
    if unit == "day":
        return (base + timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (base + timedelta(weeks=n)).isoformat(), "day"
    if unit == "month":
        return _month_string(_add_months(base, n)), "month"
    return str(base.year + n), "year"


def _add_months(base: date, n: int) -> date:
    months = base.year * 12 + base.month - 1 + n
    return date(months // 12, months % 12 + 1, 1)


def _month_string(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _duration(text: str, m: re.Match, base: date) -> DateResult | None:
    n = _number(m.group("n"))
    if n is None:
        return None
    start, _ = _shifted(base, -n, m.group("unit"))
    return DateResult(start, text.strip(), "duration", base.isoformat())


@lru_cache(maxsize=4096)
def _dateparser(core: str, anchor: str, words: str) -> DateResult | None:
    """Last resort for expressions the rules do not know; cached since news repeats itself."""
    parsed = _parser(anchor).get_date_data(core)
    if not parsed or not parsed.date_obj:
        return None
    day = parsed.date_obj.date()
    years = re.findall(r"\b(?:1[89]|20)\d{2}\b", core)
    if years and str(day.year) not in years:  # it read past the year the words name
        return None
    if parsed.period == "year":
        return DateResult(str(day.year), words, "year")
    if parsed.period == "month":
        return DateResult(_month_string(day), words, "month")
    return DateResult(day.isoformat(), words, "day")


@lru_cache(maxsize=64)
def _parser(anchor: str):
    from dateparser.date import DateDataParser  # imported late: it costs ~0.3 s

    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": datetime.fromisoformat(anchor), "PREFER_DATES_FROM": "past"},
    )
