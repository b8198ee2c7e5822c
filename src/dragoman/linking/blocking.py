"""Finding the stored reports a new one may link to, among millions: index keys.

Every link needs something shared (an actor id worth something, a country, a place, or
the very sentence in a copy of the article) and dates that meet; so a report is indexed
under each such key with its day, and a new report looks up its own keys, for each type
it may link to, over its window of days. The lookups return a superset of the reports
it links to (tests/test_linking.py checks that none is missed); rules.compare decides.
"""

from __future__ import annotations

from datetime import date

from .rules import DAY_WINDOW, Report, compatible_types

SHORT_SPAN = 7  # longest range (days) indexed day by day; longer ones by month


def index_rows(r: Report) -> list[tuple[str, int]]:
    """The rows an index of reports holds for this one: (key, day). Any report that may
    link to it shares a key with it (see index_queries)."""
    days = date_rows(r)
    rows = [(f"{cls}|{r.event}|{key}", day) for key in _keys(r) for cls, day in days]
    return rows + [(f"t|{r.event}|{r.sentence}", 0)]


def index_queries(r: Report) -> list[tuple[str, int, int]]:
    """Where in such an index the reports that may link to this one are: (key, first day,
    last day). A superset: compare() decides."""
    keys, dates = _keys(r), date_queries(r)
    queries = [
        (f"{cls}|{event}|{key}", lo, hi)
        for event in compatible_types(r.event)
        for key in keys
        for cls, lo, hi in dates
    ]
    return queries + [(f"t|{r.event}|{r.sentence}", 0, 0)]


def _keys(r: Report) -> list[str]:
    # What a link's strength can come from: an actor id worth something, a country, an
    # organisation, a place.
    parties = r.actor + r.recipient
    values = {f"a:{p.id}" for p in parties if p.id and p.level}
    values |= {f"c:{p.country}" for p in parties if p.country}
    values |= {f"o:{p.org}" for p in parties if p.org}
    values |= {f"p:{s.name}|{s.country or ''}" for s in r.places}
    return sorted(values)


def date_rows(r: Report) -> list[tuple[str, int]]:
    """Where a report's date puts it: (class, day). Class "d" holds day-precise reports
    (and ranges of a week at most) at each day they cover; "m" month dates and longer
    ranges at the first day of each month they touch; "y" years at their first day."""
    if r.lo is None:
        return []
    if r.precise and r.hi - r.lo <= SHORT_SPAN:
        return [("d", day) for day in range(r.lo, r.hi + 1)]
    if r.precise or r.precision == "month":
        return [("m", m) for m in _month_starts(r.lo, r.hi)]
    return [("y", _year_start(r.lo))]


def date_queries(r: Report) -> list[tuple[str, int, int]]:
    """The (class, first day, last day) ranges where reports dated compatibly are."""
    if r.lo is None:
        return []
    lo, hi = r.lo - DAY_WINDOW, r.hi + DAY_WINDOW
    months = _month_starts(lo, hi)
    queries = [("m", months[0], months[-1])]
    if r.precision != "year":  # (a year's date links to no day: see compare_dates)
        queries.insert(0, ("d", lo, hi))
    if not r.precise:
        queries.append(("y", _year_start(lo), _year_start(hi)))
    return queries


def _year_start(day: int) -> int:
    return date(date.fromordinal(day).year, 1, 1).toordinal()


def _month_starts(lo: int, hi: int) -> list[int]:
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    out, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1).toordinal())
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
