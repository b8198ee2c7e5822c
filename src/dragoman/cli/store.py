"""`dragoman events`, `actors` and `export`: reading what the store holds (clusters.py:
`dragoman clusters`, which `events --grouped` shares its lines with)."""

from __future__ import annotations

import json
import sys

import click

from ..export import FORMATS as EXPORT_FORMATS
from ..filters import normalised
from ..output import FORMATS, RecordWriter, write_clusters
from .common import db_option, existing_db, filter_options


@click.command()
@db_option()
@filter_options
@click.option("--limit", type=int, default=1000, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--grouped",
    is_flag=True,
    help="One line per cluster (the reports of one happening), as `dragoman clusters`.",
)
@click.pass_context
def events(ctx, db, limit, offset, fmt, grouped, **filters):
    """Query stored events."""
    from ..store import open_store

    with open_store(existing_db(ctx, db)) as store:
        if grouped:
            rows = store.clusters(**normalised(filters), limit=limit, offset=offset)
            write_clusters(rows, "jsonl" if fmt == "jsonl" else "table", sys.stdout)
            return
        records = store.events(**normalised(filters), limit=limit, offset=offset)
        writer = RecordWriter(sys.stdout, fmt)
        writer.write_all(records)
        writer.close()


@click.command()
@db_option()
@click.option("--q", "q", help="Part of an actor's name.")
@click.option("--country", help="ISO 3166 alpha-3 code (or IGO, NGO).")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def actors(ctx, db, q, country, limit, fmt):
    """List resolved actors with their mention and event counts."""
    from ..store import open_store

    with open_store(existing_db(ctx, db)) as store:
        rows = store.actors(q=q, country=country and country.upper(), limit=limit)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    click.echo(
        f"{'id':16}  {'name':34}  {'kind':12}  {'country':7}  {'org':6}  {'sector':6}  mentions  events"
    )
    for r in rows:
        click.echo(
            f"{str(r['id'])[:16]:16}  {str(r['name'])[:34]:34}  {r['kind'] or '':12}  "
            f"{r['country'] or '':7}  {r['org'] or '':6}  {r['sector'] or '':6}  "
            f"{r['mentions']:8}  {r['events']:6}"
        )


@click.command()
@db_option("Database: an SQLite file (default ./dragoman.db) or postgresql://...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: the event records; csv: flat; parquet: nested columns; "
    "gdelt: GDELT 2.0 event table (tab-separated).",
)
@click.option("-o", "--output", default="-", help="File to write (default: standard output).")
@filter_options
@click.pass_context
def export(ctx, db, fmt, output, **filters):
    """Export stored events (all, or those matching the filters) to a file.

    Streams: any number of events is written with the memory of a thousand.
    """
    from ..export import export_events
    from ..store import open_store

    if fmt == "parquet" and output == "-":
        raise click.UsageError("Parquet is a binary format: give a file, e.g. -o events.parquet")
    with open_store(existing_db(ctx, db)) as store:
        n = export_events(store, fmt, sys.stdout if output == "-" else output, **normalised(filters))
    where = "" if output == "-" else f" to {output}"
    click.echo(f"dragoman: exported {n} event{'s' if n != 1 else ''}{where}", err=True)
