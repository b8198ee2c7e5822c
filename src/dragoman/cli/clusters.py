"""`dragoman clusters`: the reports of one happening, one line per cluster (the library:
store/cluster_reads.py; the lines: output.py). `dragoman events --grouped` prints the same.

    dragoman clusters --country FRA --since 2024-05
    dragoman clusters --show CLUSTER_ID      each report side by side, and why it was linked
    dragoman clusters --relink               once, for a store made before clusters existed
"""

from __future__ import annotations

import json
import sys

import click

from ..filters import normalised
from ..output import cluster_text, write_clusters
from ..store.cluster_reads import CLUSTER_ORDERS
from .common import db_option, existing_db, filter_options


@click.command()
@db_option()
@filter_options
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option(
    "--order",
    type=click.Choice(list(CLUSTER_ORDERS)),
    default="-articles",
    show_default=True,
    help="-articles: most reported first.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option(
    "--show", metavar="ID", help="One cluster: each report with its source and date, and why it was linked."
)
@click.option(
    "--relink",
    is_flag=True,
    help="Link the events of a store made before clusters existed (once, after upgrading).",
)
@click.pass_context
def clusters(ctx, db, limit, offset, order, fmt, show, relink, **filters):
    """List clusters: the reports of one happening across articles, with how many
    articles, independent sources and sentences reported it, and when."""
    from ..store import open_store

    with open_store(existing_db(ctx, db)) as store:
        if relink:
            n = store.relink()
            click.echo(f"dragoman: linked the events of {n} document{'s' if n != 1 else ''}", err=True)
        elif show:
            _show(store, show, fmt)
        else:
            rows = store.clusters(**normalised(filters), limit=limit, offset=offset, order=order)
            write_clusters(rows, fmt, sys.stdout)


def _show(store, cluster_id: str, fmt: str) -> None:
    found = store.cluster(cluster_id)
    if found is None:
        raise click.UsageError(f"no cluster {cluster_id!r}; list them with `dragoman clusters`")
    click.echo(
        json.dumps(found, ensure_ascii=False) if fmt == "jsonl" else cluster_text(found), nl=fmt == "jsonl"
    )
