"""The dragoman command: thin commands over library functions.

Exit codes: 0 when every input succeeded, 1 when some failed (each reported on stderr
with its reason), 2 for usage errors.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from . import __version__
from .errors import DragomanError, InputError
from .model import EVENT_TYPES, Document
from .output import FORMATS, RecordWriter
from .settings import Settings

DATE = click.DateTime(formats=["%Y-%m-%d"])
QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]


class Report:
    """Counts of a batch run, and the problems reported on stderr as they happen."""

    def __init__(self):
        self.documents = self.events = self.failed = self.unchanged = 0

    def problem(self, err: InputError) -> None:
        self.failed += 1
        click.echo(f"dragoman: skipped {err.source}: {err.reason}", err=True)

    def warnings(self, doc: Document) -> None:
        for w in doc.warnings:
            click.echo(f"dragoman: warning: {doc.origin or doc.id}: {w}", err=True)

    def summary(self, verb: str) -> str:
        n = self.documents - self.unchanged
        extra = f" ({self.unchanged} already stored, unchanged)" if self.unchanged else ""
        return (f"dragoman: {verb} {n} document{'s' if n != 1 else ''}{extra}, "
                f"{self.events} event{'s' if self.events != 1 else ''}, {self.failed} failed")

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def processed(items, report: Report) -> Iterator[Document]:
    """Documents out of the pipeline, with a progress bar; problems go to the report."""
    for item in _progress(items):
        if isinstance(item, InputError):
            report.problem(item)
            continue
        report.warnings(item)
        report.documents += 1
        report.events += len(item.events)
        yield item


def _progress(items):
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    # delay: short runs of a few documents finish before a bar would appear.
    return tqdm(items, unit="doc", file=sys.stderr, delay=2.0, leave=False)


def _settings(ctx) -> Settings:
    return ctx.obj or Settings.load()


def _run(fn):
    """Translate library errors into a message and an exit code at the edge."""
    try:
        return fn()
    except DragomanError as exc:
        click.echo(f"dragoman: error: {exc}", err=True)
        sys.exit(exc.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dragoman")
@click.option("--config", type=click.Path(dir_okay=False), envvar="DRAGOMAN_CONFIG",
              help="A settings file (TOML) overriding the defaults in dragoman/data/settings.toml.")
@click.pass_context
def main(ctx, config):
    """dragoman: who did what to whom, when and where, from news text.

    Reads news documents and writes PLOVER event records (with CAMEO codes), each pointing
    to the sentence it came from. Runs offline; nothing is downloaded.
    """
    ctx.obj = _run(lambda: Settings.load(config))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one event record per line (the contract); csv: flat; table: readable.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
@click.option("--date", type=DATE, help="Date (YYYY-MM-DD) of documents whose input gives none.")
@click.option("--workers", type=int, default=0, show_default=True,
              help="Processes to run the pipeline in (0: one per core); output is in input order.")
@click.pass_context
def extract(ctx, paths, fmt, output, date, workers):
    """Extract events from files, directories or - (standard input).

    Formats: .txt/.md (a leading `date YYYY-MM-DD` line is metadata), .html, .json, .jsonl
    (news-please fields too), and any of them gzipped (.gz).
    """
    settings = _settings(ctx)
    report = Report()

    def run():
        from .pipeline import process_paths

        writer = RecordWriter(output, fmt)
        for doc in processed(process_paths(list(paths), settings, _iso(date), workers, stats=stats), report):
            writer.write_all(doc.records())
        writer.close()

    stats: dict = {}
    _run(run)
    _report_workers(stats)
    click.echo(report.summary("read"), err=True)
    sys.exit(report.exit_code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="Database: an SQLite file (default ./dragoman.db) or postgresql://...")
@click.option("--date", type=DATE, help="Date (YYYY-MM-DD) of documents whose input gives none.")
@click.option("--workers", type=int, default=0, show_default=True,
              help="Processes to run the pipeline in (0: one per core).")
@click.pass_context
def ingest(ctx, paths, db, date, workers):
    """Store documents, sentences, entities, actors and events in the database.

    Ingesting the same document twice changes nothing; a changed document replaces the old one.
    Documents already stored with the same text are not parsed again, so a batch that was
    interrupted finishes the rest when run again.
    """
    from .store import open_store

    settings = _settings(ctx)
    report = Report()

    def run():
        from .resume import process_unstored

        with open_store(db or settings.get("store", "db")) as store:
            items, fresh = process_unstored(list(paths), store, settings, _iso(date), workers, stats=stats)
            for doc in processed(items, report):
                if not store.ingest(doc):
                    report.unchanged += 1
            # Stored before with the same text: not parsed again (a rerun resumes a batch).
            report.unchanged += fresh.skipped
            report.documents += fresh.skipped

    stats: dict = {}
    _run(run)
    _report_workers(stats)
    click.echo(report.summary("stored"), err=True)
    sys.exit(report.exit_code)


def _filters(f):
    f = click.option("--actor", help="Actor id, or part of a name, on either side.")(f)
    f = click.option("--country", help="ISO 3166 alpha-3 code (or IGO, NGO) on either side.")(f)
    f = click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False),
                     help="PLOVER event type.")(f)
    f = click.option("--quad", type=click.Choice(QUADS), help="PLOVER quad class.")(f)
    f = click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")(f)
    f = click.option("--until", help="Latest event date (YYYY, YYYY-MM or YYYY-MM-DD).")(f)
    f = click.option("--q", "q", help="Full-text search in the source sentences.")(f)
    f = click.option("--doc", help="Only events of this document id.")(f)
    return f


@main.command()
@click.option("--db", default=None, help="Database (default ./dragoman.db).")
@_filters
@click.option("--limit", type=int, default=1000, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--grouped", is_flag=True,
              help="One line per cluster (the reports of one happening), as `dragoman clusters`.")
@click.pass_context
def events(ctx, db, actor, country, type_, quad, since, until, q, doc, limit, offset, fmt, grouped):
    """Query stored events."""
    from .store import open_store

    def run():
        with open_store(_existing_db(db, ctx)) as store:
            if grouped:  # (cluster_cli.py)
                from .cluster_cli import write_clusters
                rows = store.clusters(actor=actor, country=country and country.upper(),
                                      type=type_ and type_.upper(), quad=quad, since=since,
                                      until=until, q=q, doc=doc, limit=limit, offset=offset)
                return write_clusters(rows, "jsonl" if fmt == "jsonl" else "table", sys.stdout)
            records = store.events(actor=actor, country=country and country.upper(),
                                   type=type_ and type_.upper(), quad=quad, since=since, until=until,
                                   q=q, doc=doc, limit=limit, offset=offset)
            writer = RecordWriter(sys.stdout, fmt)
            writer.write_all(records)
            writer.close()

    _run(run)


@main.command()
@click.option("--db", default=None, help="Database (default ./dragoman.db).")
@click.option("--q", "q", help="Part of an actor's name.")
@click.option("--country", help="ISO 3166 alpha-3 code (or IGO, NGO).")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def actors(ctx, db, q, country, limit, fmt):
    """List resolved actors with their mention and event counts."""
    import json

    from .store import open_store

    def run():
        with open_store(_existing_db(db, ctx)) as store:
            rows = store.actors(q=q, country=country and country.upper(), limit=limit)
        if fmt == "jsonl":
            for r in rows:
                click.echo(json.dumps(r, ensure_ascii=False))
            return
        click.echo(f"{'id':16}  {'name':34}  {'kind':12}  {'country':7}  {'org':6}  {'sector':6}  mentions  events")
        for r in rows:
            click.echo(f"{str(r['id'])[:16]:16}  {str(r['name'])[:34]:34}  {r['kind'] or '':12}  "
                       f"{r['country'] or '':7}  {r['org'] or '':6}  {r['sector'] or '':6}  "
                       f"{r['mentions']:8}  {r['events']:6}")

    _run(run)


def _existing_db(db: str | None, ctx) -> str:
    from pathlib import Path

    location = db or _settings(ctx).get("store", "db")
    if "://" not in location and not Path(location).exists():
        raise click.UsageError(f"no database at {location}: run `dragoman ingest PATH --db {location}` first")
    return location


def _report_workers(stats: dict) -> None:
    """With --workers, each worker's documents and peak memory on stderr."""
    if stats.get("peak_rss"):
        from .scale.pool import describe

        click.echo(describe(stats), err=True)


def _iso(value) -> str | None:
    return value.strftime("%Y-%m-%d") if value else None


# Commands defined next to the library they drive (one line each).
from .api.cli import serve; main.add_command(serve)  # noqa: E402
from .eval_cli import eval_command; main.add_command(eval_command)  # noqa: E402
from .train import train_command; main.add_command(train_command)  # noqa: E402
from .export import export; main.add_command(export)  # noqa: E402
from .cluster_cli import clusters_command; main.add_command(clusters_command)  # noqa: E402
from .scale.ray_engine import ray_extract; main.add_command(ray_extract)  # noqa: E402


if __name__ == "__main__":
    main()
