"""The DDL of a count table, as the migrations create each (store/migrations.py: events per
day and type, per actor, country, language and full-text term; store/cluster_schema.py:
clusters)."""

from __future__ import annotations


def count_table(name: str, key: str = "") -> tuple[str, ...]:
    """A table of counts per (key, date, type), with its indexes by quad and by type: a
    timeline reads the counts through one of them, already in the order it groups by.
    Shipped migrations run exactly these statements: a count table of another shape needs
    a function of its own, not a change here."""
    column = f"{key} {{text}} NOT NULL,\n        " if key else ""
    first = f"{key}, " if key else ""
    cover = "cover" if not key else "by_quad"
    return (
        f"""CREATE TABLE {name} (
        {column}date {{date}} NOT NULL,
        event {{text}} NOT NULL,
        quad {{text}} NOT NULL,
        n {{int}} NOT NULL,
        PRIMARY KEY ({first}date, event)
    )""",
        f"CREATE INDEX {name}_{cover} ON {name} ({first}date, quad, event, n)",
        f"CREATE INDEX {name}_by_type ON {name} ({first}date, event, quad, n)",
    )


def term_count_table(name: str) -> dict[str, tuple[str, ...]]:
    """A table of counts per (full-text term, date, type), per dialect, keyed in the order a
    timeline reads it (term, then dates): SQLite keeps the rows in the primary key itself
    (WITHOUT ROWID), PostgreSQL carries quad and n in the key's index. Shipped migrations
    run exactly these statements."""
    return {
        "sqlite": (
            f"""CREATE TABLE {name} (
        term TEXT NOT NULL,
        date TEXT NOT NULL,
        event TEXT NOT NULL,
        quad TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (term, date, event)
    ) WITHOUT ROWID""",
        ),
        "postgresql": (
            f"""CREATE TABLE {name} (
        term TEXT NOT NULL,
        date TEXT COLLATE "C" NOT NULL,
        event TEXT NOT NULL,
        quad TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (term, date, event) INCLUDE (quad, n)
    )""",
        ),
    }
