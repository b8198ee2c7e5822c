"""Finding the stored reports a new one may link to, among millions: index keys.

Every link needs dates that meet and a strength of 2 (rules.compare): one thing worth 2
(the same person or organisation, the same city as location), or two worth 1 each from two
of the actor side, the recipient side and the place; or the very sentence in a copy of the
article. So a report is indexed under each such key, or pair of keys, with its day, and a
new report looks up its own keys, for each type it may link to, over its window of days
(stories, which link on less, are found by their articles: articles.article_keys). The
lookups return a superset of the reports it links to (tests/test_linking.py checks that
none is missed); rules.compare decides. Changing the keys needs the stored reports indexed
again (store/clusters.rekey; migration 12 did it for these).
"""

from __future__ import annotations

from datetime import date

from .rules import DAY_WINDOW, Report, compatible_types, roles_either

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
    dates = date_queries(r)
    queries = [
        (f"{cls}|{event}|{key}", lo, hi)
        for event in compatible_types(r.event)
        for key in _query_keys(r, roles_either(r.event, event))
        for cls, lo, hi in dates
    ]
    return queries + [(f"t|{r.event}|{r.sentence}", 0, 0)]


def _query_keys(r: Report, either: bool) -> list[str]:
    # (Reports of acts done together may name their parties either way round.)
    return sorted(set(_keys(r)) | set(_keys(r, swapped=True))) if either else _keys(r)


def _keys(r: Report, swapped: bool = False) -> list[str]:
    # A link needs a strength of 2 (rules.compare): either one thing worth 2 on its own
    # (the same person or organisation, the same city as location: a single key), or two
    # things worth 1 each, from two of the actor side, the recipient side and the place
    # (the same country, organisation or actor id on a side; the same location or
    # setting): a pair key. A country alone is shared by hundreds of reports a day; a
    # pair of them, or a country with a place, by few. `swapped`: its actor's keys where
    # a recipient's go, and the other way round.
    actor, recipient = _side(r.actor), _side(r.recipient)
    if swapped:
        actor, recipient = recipient, actor
    place = r.location or r.setting
    where = [f"s:{place.name}|{place.country or ''}"] if place else []
    keys = {f"a:{p.id}" for p in r.actor + r.recipient if p.id and p.level >= 2}
    if r.location and r.location.city:
        keys.add(f"l:{r.location.name}|{r.location.country or ''}")
    keys |= {f"ar:{x}&{y}" for x in actor for y in recipient}
    keys |= {f"ap:{x}&{y}" for x in actor for y in where}
    keys |= {f"rp:{x}&{y}" for x in recipient for y in where}
    return sorted(keys)


def _side(parties) -> set[str]:
    """What a side may share with the other report's same side for a point
    (rules._shared): a country, an organisation, an actor id (ids and organisations
    written alike: a collision only finds more)."""
    out = {f"c:{p.country}" for p in parties if p.country}
    out |= {f"n:{p.org}" for p in parties if p.org}
    return out | {f"n:{p.id}" for p in parties if p.id and p.level}


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
