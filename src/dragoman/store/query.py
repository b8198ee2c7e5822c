"""Event filters as SQL: one WHERE clause for events, counts and timelines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import StoreError
from ..model import EVENT_TYPES, QUADS
from .dialect import FTS_TOKEN, Dialect
from .rows import name_key

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LANG = re.compile(r"[A-Za-z]{2}")  # an ISO 639-1 code, as events carry it (lang)
# What one search (q) may cost: each word is one more full-text lookup (a prefix* one
# over every indexed word it begins), and all must match. 5,000 "a*" took seconds and
# held up every other reader (issue 10); a sentence is found by a few of its words.
MAX_SEARCH_CHARS = 500
MAX_SEARCH_TERMS = 32
MAX_COUNT = 2**63 - 1  # a limit, offset or cap: SQLite's and PostgreSQL's largest integer
# Sorts after every character a date holds, so "2021-06" + it is the end of June 2021.
_DATE_END = "~"
ORDERS = {
    "date": "e.date ASC NULLS LAST, e.seq ASC",
    "-date": "e.date DESC NULLS LAST, e.seq DESC",
    "confidence": "e.confidence ASC, e.seq ASC",
    "-confidence": "e.confidence DESC, e.seq DESC",
}


FILTER_NAMES = ("actor", "country", "type", "quad", "since", "until", "q", "doc", "lang")


class QueryError(StoreError, ValueError):
    """A filter value the store cannot use (an unknown type, a malformed date)."""


@dataclass
class EventFilter:
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    quad: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    doc: str | None = None
    lang: str | None = None
    # The fields below are set by the planner (plan.py), from what the store holds.
    # The country is on many events: then walking the date index and probing each
    # event beats collecting every event of the country and sorting.
    country_is_common: bool = False
    # The actor or country filter is on few events: then those events drive the query,
    # and the type, quad and date indexes must not (walking one and probing each event
    # against the actor's list reads millions of index entries).
    links_are_few: bool = False
    # The actor filter stands for one resolved actor (an id, or a name part only one
    # actor has): its links are then found by id alone, and probed one event at a time
    # (like a common country) when it is on many events.
    actor_id: str | None = None
    actor_is_common: bool = False
    # The search's full-text query restricts it to the country itself (SQLite, whose
    # index holds each event's countries): no link is read.
    country_in_fts: bool = False
    # One resolved actor with a search: the actor's links drive, each event looked up in
    # the index of events by id that holds its seq, date, type and quad (probing each of a
    # common word's 100,000 matches, its row read, for a common actor took 4-6 s).
    actor_drives: bool = False

    def given(self) -> dict:
        """The filters a user set (the planner's fields left out): {name: value}."""
        return {f: getattr(self, f) for f in FILTER_NAMES if getattr(self, f) is not None}

    def where(self, dialect: Dialect, alias: str = "e", probed: bool = False) -> tuple[str, list]:
        """`probed`: for a query that tests events one at a time (a search then looks
        each up in the full-text index instead of reading all its matches)."""
        clauses, params = [], []
        for clause, values in self._clauses(dialect, alias, probed):
            clauses.append(clause)
            params.extend(values)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _clauses(self, dialect: Dialect, alias: str, probed: bool = False):
        yield from self._link_clauses(alias)
        # A unary plus keeps SQLite from using that column's index (PostgreSQL plans
        # from its statistics, which know how many events an actor or country is on).
        unindexed = "+" if self.links_are_few and dialect.name == "sqlite" else ""
        yield from self._column_clauses(dialect, alias, unindexed, probed)

    def _link_clauses(self, alias: str):
        """The actor's and the country's clauses, as planned (see the flags above)."""
        if self.actor and self.actor_id and self.actor_is_common:
            yield (
                f"EXISTS (SELECT 1 FROM event_actors l WHERE l.actor_id = ? AND l.event_id = {alias}.id)",
                [self.actor_id],
            )
        elif self.actor and self.actor_id:
            yield f"{alias}.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)", [self.actor_id]
        elif self.actor:
            yield actor_clause(alias), actor_params(self.actor)
        if self.country and self.country_in_fts:
            pass  # (with the search, in _column_clauses)
        elif self.country and self.country_is_common:
            yield (
                f"EXISTS (SELECT 1 FROM event_actors l WHERE l.country = ? AND l.event_id = {alias}.id)",
                [self.country.upper()],
            )
        elif self.country:
            yield f"{alias}.id IN ({COUNTRY_EVENTS})", [self.country.upper()]

    def _column_clauses(self, dialect: Dialect, alias: str, unindexed: str, probed: bool = False):
        """The clauses on the events' own columns (`unindexed`: "+" in front of those
        whose index must not drive the query, else "")."""
        column_of = unindexed + alias
        if self.type:
            yield f"{column_of}.event = ?", [check_type(self.type)]
        if self.quad:
            yield f"{column_of}.quad = ?", [check_quad(self.quad)]
        if self.since:
            yield f"{column_of}.date >= ?", [check_date("since", self.since)]
        if self.until:
            yield f"{column_of}.date <= ?", [check_date("until", self.until) + _DATE_END]
        if self.doc:
            yield f"{alias}.doc_id = ?", [self.doc]
        if self.lang:
            yield f"{column_of}.lang = ?", [check_lang(self.lang)]
        if self.q is not None:  # (a search matching more events than the links: probed)
            country = self.country.upper() if self.country_in_fts else None
            yield from fts_clauses(dialect, column_of, self.q, country, probed)


# The events an actor filter matches (parameters: actor_params). Three index-friendly
# branches: the id itself, resolved actors whose canonical name matches, and
# unresolved entities (no id) whose name matches.
ACTOR_EVENTS = (
    "SELECT event_id FROM event_actors WHERE actor_id = ? "
    "UNION SELECT l.event_id FROM actors r JOIN event_actors l ON l.actor_id = r.id "
    "WHERE r.name_key LIKE ? ESCAPE '\\' "
    "UNION SELECT event_id FROM event_actors "
    "WHERE actor_id IS NULL AND name_key LIKE ? ESCAPE '\\'"
)
COUNTRY_EVENTS = "SELECT event_id FROM event_actors WHERE country = ?"


def actor_clause(alias: str) -> str:
    return f"{alias}.id IN ({ACTOR_EVENTS})"


def actor_params(actor: str) -> list:
    pattern = "%" + like_escape(name_key(actor)) + "%"
    return [actor, pattern, pattern]


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_clauses(dialect: Dialect, alias: str, q: str, country: str | None = None, probed: bool = False):
    query = dialect.fts_query(q, country)
    if query is None:  # nothing searchable in the input (only punctuation): no match
        yield "1 = 0", []
    else:
        yield (dialect.fts_probe(alias) if probed else dialect.fts_clause(alias)), [query]


# One word of ASCII letters and digits: both full-text indexes (SQLite's unicode61, with
# or without diacritics removal, and PostgreSQL's 'simple' parser) keep it as one term,
# its lower case. Any other search (several words, a prefix*, accents) is not one term.
_ONE_TERM = re.compile(r"\s*([A-Za-z0-9]+)\s*")


def single_term(q: str) -> str | None:
    """The full-text term a search is exactly, or None when it is not one plain word."""
    found = _ONE_TERM.fullmatch(q or "")
    return found.group(1).lower() if found else None


def check_type(value: str) -> str:
    upper = value.upper()
    if upper not in EVENT_TYPES:
        raise QueryError(f"unknown event type {value!r}; use one of {', '.join(EVENT_TYPES)}")
    return upper


def check_quad(value: str) -> str:
    quads = sorted(set(QUADS.values()))
    normal = value.lower().replace(" ", "_")
    if normal not in quads:
        raise QueryError(f"unknown quad {value!r}; use one of {', '.join(quads)}")
    return normal


def check_lang(value: str) -> str:
    """An ISO 639-1 language code (two letters, either case), in small letters."""
    if not _LANG.fullmatch(value):
        raise QueryError(f"lang={value!r} is not a language code; use an ISO 639-1 code such as en or ru")
    return value.lower()


def check_date(name: str, value: str) -> str:
    """A year, month or day of the calendar ("2021-02-30" and "2021-13" are not)."""
    if not _DATE.match(value) or not _on_calendar(value):
        raise QueryError(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _on_calendar(value: str) -> bool:
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def check_search(q: str) -> str:
    """A search (q) within MAX_SEARCH_CHARS characters and MAX_SEARCH_TERMS words."""
    if len(q) > MAX_SEARCH_CHARS:
        raise QueryError(
            f"the search (q) is {len(q):,} characters long; use at most "
            f"{MAX_SEARCH_CHARS}: a few words of the sentence find it"
        )
    terms = len(FTS_TOKEN.findall(q))
    if terms > MAX_SEARCH_TERMS:
        raise QueryError(
            f"the search (q) has {terms:,} words; use at most {MAX_SEARCH_TERMS} "
            "(every word must be in the sentence): a few words find it"
        )
    return q


def check_count(name: str, value) -> int:
    """A limit, offset or cap: a whole number from 0 to the largest both databases take
    (a 64-bit integer: above it SQLite raised an OverflowError)."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
        shown = "a larger number" if isinstance(value, int) and value > 0 else repr(value)
        raise QueryError(f"{name} must be a whole number from 0 to {MAX_COUNT}, not {shown}")
    return value


def check_order(order: str) -> str:
    if order not in ORDERS:
        raise QueryError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    return ORDERS[order]
