"""SQL dialect differences between the SQLite and PostgreSQL backends, in one place.

Everything else (schema templates, queries) is written in the SQL both engines share:
`?` placeholders, `INSERT ... ON CONFLICT`, `LIKE ... ESCAPE`, `substr`, `COALESCE`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Word tokens of a user's full-text query; a trailing * asks for a prefix match.
_FTS_TOKEN = re.compile(r"\w+\*?", re.UNICODE)


@dataclass(frozen=True)
class Dialect:
    name: str
    # Column types substituted into the schema templates of migrations.py.
    types: dict = field(default_factory=dict)

    def render(self, template: str) -> str:
        return template.format(**self.types)

    def week_start(self, column: str) -> str:
        """SQL for the Monday ("YYYY-MM-DD") of the week of a "YYYY-MM-DD" column."""
        raise NotImplementedError

    def fts_clause(self, alias: str) -> str:
        """A WHERE clause restricting events `alias` to a full-text match of one parameter."""
        raise NotImplementedError

    def fts_query(self, text: str) -> str | None:
        """The parameter for fts_clause, built so that user input is never query syntax."""
        raise NotImplementedError

    def fts_matches(self) -> str:
        """A SELECT of the events matching fts_query's parameter, from the index alone."""
        raise NotImplementedError


class SQLiteDialect(Dialect):
    def week_start(self, column: str) -> str:
        # 'weekday 0' moves to the next Sunday (or stays on one); 6 days back is Monday.
        return f"date({column}, 'weekday 0', '-6 days')"

    def fts_clause(self, alias: str) -> str:
        return f"{alias}.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"

    def fts_matches(self) -> str:
        return "SELECT rowid FROM events_fts WHERE events_fts MATCH ?"

    def fts_query(self, text: str) -> str | None:
        # Each word becomes a quoted FTS5 string, so quotes, AND/OR/NOT, NEAR, column
        # filters and parentheses typed by a user are searched as words, never parsed.
        terms = []
        for token in _FTS_TOKEN.findall(text or ""):
            word, star = token.rstrip("*"), token.endswith("*")
            terms.append(f'"{word}"' + ("*" if star else ""))
        return " ".join(terms) or None


class PostgresDialect(Dialect):
    def week_start(self, column: str) -> str:
        return f"to_char(date_trunc('week', {column}::date), 'YYYY-MM-DD')"

    def fts_clause(self, alias: str) -> str:
        return f"{alias}.text_tsv @@ to_tsquery('simple', ?)"

    def fts_matches(self) -> str:
        return "SELECT seq FROM events WHERE text_tsv @@ to_tsquery('simple', ?)"

    def fts_query(self, text: str) -> str | None:
        terms = []
        for token in _FTS_TOKEN.findall(text or ""):
            word, star = token.rstrip("*"), token.endswith("*")
            terms.append(word + (":*" if star else ""))
        return " & ".join(terms) or None


SQLITE = SQLiteDialect("sqlite", types={
    "seq": "INTEGER PRIMARY KEY",  # rowid alias: the FTS5 index refers to it
    "text": "TEXT", "date": "TEXT", "int": "INTEGER", "real": "REAL", "bool": "INTEGER",
    "json": "TEXT", "timestamp": "TEXT",
})

POSTGRES = PostgresDialect("postgresql", types={
    "seq": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    # "C" collation: date prefixes must compare bytewise, as they do in SQLite.
    "text": "TEXT", "date": 'TEXT COLLATE "C"', "int": "BIGINT", "real": "DOUBLE PRECISION",
    "bool": "BOOLEAN", "json": "TEXT", "timestamp": "TEXT",
})
