"""`dragoman clusters`: reports of one happening, one line per cluster
(library: store/cluster_reads.py). `dragoman events --grouped` prints the same lines.

    dragoman clusters --country FRA --since 2024-05
    dragoman clusters --show CLUSTER_ID      each report side by side, and why it was linked
    dragoman clusters --relink               once, for a store made before clusters existed
"""
from __future__ import annotations

import json
import shutil
import sys
import textwrap

import click

from .filters import FILTER_FIELDS, normalised
from .store.cluster_reads import CLUSTER_ORDERS


def filter_options(f):
    """The event filters (filters.py) as options."""
    for field in reversed(FILTER_FIELDS):
        kind = click.Choice(field.choices, case_sensitive=False) if field.choices else None
        f = click.option(f"--{field.name}", field.name, type=kind, help=field.help)(f)
    return f


@click.command("clusters")
@click.option("--db", default=None, help="Database (default ./dragoman.db).")
@filter_options
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--order", type=click.Choice(list(CLUSTER_ORDERS)), default="-articles",
              show_default=True, help="-articles: most reported first.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--show", metavar="ID", help="One cluster: each report with its source and "
              "date, and why it was linked.")
@click.option("--relink", is_flag=True, help="Link the events of a store made before "
              "clusters existed (once, after upgrading).")
@click.pass_context
def clusters_command(ctx, db, limit, offset, order, fmt, show, relink, **filters):
    """List clusters: the reports of one happening across articles, with how many
    articles, independent sources and sentences reported it, and when."""
    from .cli import _existing_db, _run
    from .store import open_store

    def run():
        with open_store(_existing_db(db, ctx)) as store:
            if relink:
                n = store.relink()
                click.echo(f"dragoman: linked the events of {n} document"
                           f"{'s' if n != 1 else ''}", err=True)
                return
            if show:
                return _show(store, show, fmt)
            rows = store.clusters(**normalised(filters), limit=limit, offset=offset,
                                  order=order)
            write_clusters(rows, fmt, sys.stdout)

    _run(run)


def write_clusters(rows: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    out.write(cluster_table(rows))


def cluster_table(rows: list[dict], width: int | None = None) -> str:
    """One line per cluster: its id, type, date, counts, and its representative sentence."""
    width = width or max(100, shutil.get_terminal_size((140, 20)).columns)
    head = f"{'cluster':16}  {'event':9}  {'date':10}  {'articles':>8}  {'sources':>7}  " \
           f"{'mentions':>8}  {'reported':21}  sentence"
    rest = max(30, width - len(head) + len("sentence"))
    lines = [head, "-" * min(width, len(head) + rest - len("sentence"))]
    for c in rows:
        reported = c["first_reported"] or ""
        if c["last_reported"] and c["last_reported"] != c["first_reported"]:
            reported += f" to {c['last_reported'][5:]}"
        text = (c["representative"] or {}).get("text") or ""
        lines.append(f"{c['id']:16}  {c['event']:9}  {c['date'] or '':10}  {c['articles']:8}  "
                     f"{c['sources']:7}  {c['mentions']:8}  {reported:21}  "
                     f"{textwrap.shorten(text, rest, placeholder=' ...')}")
    lines.append(f"{len(rows)} cluster{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _show(store, cluster_id: str, fmt: str) -> None:
    found = store.cluster(cluster_id)
    if found is None:
        raise click.UsageError(f"no cluster {cluster_id!r}; list them with `dragoman clusters`")
    if fmt == "jsonl":
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    click.echo(f"cluster {found['id']}: {found['event']} {found['date'] or ''}, reported by "
               f"{found['articles']} article{'s' if found['articles'] != 1 else ''} from "
               f"{found['sources']} source{'s' if found['sources'] != 1 else ''} "
               f"({found['mentions']} sentences)")
    for report in found["reports"]:
        article, record = report["article"], report["record"]
        click.echo(f"\n  {article['reported'] or ''}  {article['source'] or article['counted_as']}"
                   f"  {record['event']}  {record.get('date') or ''}")
        click.echo(textwrap.fill(record["text"], 100, initial_indent="    ",
                                 subsequent_indent="    "))
        if report["why"]:
            click.echo(f"    linked to {report['linked_to']}: {'; '.join(report['why'])}")
