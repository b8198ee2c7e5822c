"""SQL dialect differences between the SQLite and PostgreSQL backends, in one place.

Everything else (schema templates, queries) is written in the SQL both engines share:
`?` placeholders, `INSERT ... ON CONFLICT`, `LIKE ... ESCAPE`, `substr`, `COALESCE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Word tokens of a user's full-text query; a trailing * asks for a prefix match.
FTS_TOKEN = re.compile(r"\w+\*?", re.UNICODE)
# The country codes SQLite's full-text index holds (migration 8), each as one term.
_PLAIN_CODE = re.compile(r"[A-Z0-9]+")

# The week or month of a date column as one expression, NULL for a date less precise than
# the interval: SQLite's indexes on exactly these expressions (migration 7) hold the count
# rows in timeline order, so weekly and monthly counts stream along an index unsorted.
# (A query must spell the expression the same way for SQLite to use the index.)
SQLITE_PERIODS = {
    # 'weekday 0' moves to the next Sunday (or stays on one); 6 days back is Monday.
    "week": "(CASE WHEN length({0}) = 10 THEN date({0}, 'weekday 0', '-6 days') END)",
    "month": "(CASE WHEN length({0}) >= 7 THEN substr({0}, 1, 7) END)",
}


@dataclass(frozen=True)
class Dialect:
    name: str
    # Column types substituted into the schema templates of migrations.py.
    types: dict = field(default_factory=dict)

    def render(self, template: str) -> str:
        return template.format(**self.types)

    def period(self, interval: str, column: str) -> str:
        """SQL for the week (its Monday) or month of a date column, NULL when the date is
        less precise than that."""
        raise NotImplementedError

    def json_rows(self, select: str, names: tuple[str, ...], order: str) -> str:
        """A SELECT of one JSON array (text): one object per row of `select` (columns
        named c0, c1...), in its order (ORDER BY `order`, which it must end with), with
        its columns under these names."""
        raise NotImplementedError

    def json_field(self, column: str, key: str) -> str:
        """The JSON text of one top-level field of a JSON object held as text."""
        raise NotImplementedError

    def fts_clause(self, alias: str) -> str:
        """A WHERE clause restricting events `alias` to a full-text match of one parameter."""
        raise NotImplementedError

    def fts_probe(self, alias: str) -> str:
        """As fts_clause, for one event at a time: looks it up in the index."""
        return self.fts_clause(alias)

    def events_found_by_fts(self, alias: str) -> str:
        """`events {alias}` for a count or timeline of a full-text search alone (with at
        most a country), which reads each match's date, type and quad."""
        return f"events {alias}"

    def events_in_date_order(self, alias: str, index: str) -> str:
        """`events {alias}` read along its index by date ("date"), by type and date ("type")
        or by quad and date ("quad")."""
        return f"events {alias}"

    def events_found_by_id(self, alias: str) -> str:
        """`events {alias}` for a count, timeline or page whose events are found by id
        (a resolved actor's links, with a search), which reads each one's seq, date,
        type and quad."""
        return f"events {alias}"

    def fts_query(self, text: str, country: str | None = None) -> str | None:
        """The parameter for fts_clause, built so that user input is never query syntax;
        with a country (only where countries_in_fts), its events only."""
        raise NotImplementedError

    def countries_in_fts(self, country: str) -> bool:
        """Whether fts_query can restrict a search to this (upper-case) country."""
        return False

    def fts_matches(self) -> str:
        """A SELECT of the events matching fts_query's parameter, from the index alone."""
        raise NotImplementedError


class SQLiteDialect(Dialect):
    def period(self, interval: str, column: str) -> str:
        return SQLITE_PERIODS[interval].format(column)

    def json_rows(self, select: str, names: tuple[str, ...], order: str) -> str:
        # An aggregate over an ordered subquery takes its rows in that order (SQLite does
        # not flatten a subquery with ORDER BY into an aggregate query).
        pairs = ", ".join(f"'{name}', r.c{i}" for i, name in enumerate(names))
        return f"SELECT json_group_array(json_object({pairs})) FROM ({select}) r"

    def json_field(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def fts_clause(self, alias: str) -> str:
        return f"{alias}.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"

    def fts_probe(self, alias: str) -> str:
        return f"EXISTS (SELECT 1 FROM events_fts f WHERE f.events_fts MATCH ? AND f.rowid = {alias}.seq)"

    def events_found_by_fts(self, alias: str) -> str:
        # SQLite looks each match up by rowid, reading its row, unless told to use the
        # small index that holds what is needed (migration 8).
        return f"events {alias} INDEXED BY events_seq_cover"

    def events_found_by_id(self, alias: str) -> str:
        return f"events {alias} INDEXED BY events_id_cover"

    def events_in_date_order(self, alias: str, index: str) -> str:
        return f"events {alias} INDEXED BY events_{index}"

    def fts_matches(self) -> str:
        return "SELECT rowid FROM events_fts WHERE events_fts MATCH ?"

    def fts_query(self, text: str, country: str | None = None) -> str | None:
        # Each word becomes a quoted FTS5 string, so quotes, AND/OR/NOT, NEAR, column
        # filters and parentheses typed by a user are searched as words, never parsed.
        # The words are looked for in the text column only (migration 8).
        terms = []
        for token in FTS_TOKEN.findall(text or ""):
            word, star = token.rstrip("*"), token.endswith("*")
            terms.append(f'"{word}"' + ("*" if star else ""))
        if not terms:
            return None
        query = f"text : ({' '.join(terms)})"
        if country is not None:
            assert self.countries_in_fts(country), country
            query += f' AND countries : "{country.lower()}"'
        return query

    def countries_in_fts(self, country: str) -> bool:
        return _PLAIN_CODE.fullmatch(country) is not None


class PostgresDialect(Dialect):
    def period(self, interval: str, column: str) -> str:
        if interval == "month":
            return f"(CASE WHEN length({column}) >= 7 THEN substr({column}, 1, 7) END)"
        return (
            f"(CASE WHEN length({column}) = 10 THEN "
            f"to_char(date_trunc('week', {column}::date), 'YYYY-MM-DD') END)"
        )

    def json_rows(self, select: str, names: tuple[str, ...], order: str) -> str:
        pairs = ", ".join(f"'{name}', r.c{i}" for i, name in enumerate(names))
        by = ", ".join(f"r.{c.strip()}" for c in order.split(","))
        return (
            f"SELECT COALESCE(json_agg(json_build_object({pairs}) ORDER BY {by}), "
            f"'[]')::text FROM ({select}) r"
        )

    def json_field(self, column: str, key: str) -> str:
        return f"(({column})::json -> '{key}')::text"

    def fts_clause(self, alias: str) -> str:
        return f"{alias}.text_tsv @@ to_tsquery('simple', ?)"

    def fts_matches(self) -> str:
        return "SELECT seq FROM events WHERE text_tsv @@ to_tsquery('simple', ?)"

    def fts_query(self, text: str, country: str | None = None) -> str | None:
        if country is not None:
            raise ValueError("PostgreSQL's full-text index holds no countries")
        terms = []
        for token in FTS_TOKEN.findall(text or ""):
            word, star = token.rstrip("*"), token.endswith("*")
            terms.append(word + (":*" if star else ""))
        return " & ".join(terms) or None


SQLITE = SQLiteDialect(
    "sqlite",
    types={
        "seq": "INTEGER PRIMARY KEY",  # rowid alias: the FTS5 index refers to it
        "text": "TEXT",
        "date": "TEXT",
        "int": "INTEGER",
        "real": "REAL",
        "bool": "INTEGER",
        "json": "TEXT",
        "timestamp": "TEXT",
    },
)

POSTGRES = PostgresDialect(
    "postgresql",
    types={
        "seq": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        # "C" collation: date prefixes must compare bytewise, as they do in SQLite.
        "text": "TEXT",
        "date": 'TEXT COLLATE "C"',
        "int": "BIGINT",
        "real": "DOUBLE PRECISION",
        "bool": "BOOLEAN",
        "json": "TEXT",
        "timestamp": "TEXT",
    },
)
