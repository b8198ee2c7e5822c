"""The DDL of a count table, as the migrations create each (store/migrations.py: events per
day and type, per actor, country and language; store/cluster_schema.py: clusters)."""

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
