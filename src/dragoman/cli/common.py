"""What the commands share: the group that turns library errors into a message and an exit
code (once, for every command), the settings, a run's results read with a progress bar and
problems on stderr, the database option, and the event filters as options."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from ..errors import DragomanError, InputError
from ..filters import FILTER_FIELDS
from ..model import Document
from ..run import Run, RunStats
from ..settings import Settings

DATE = click.DateTime(formats=["%Y-%m-%d"])


class Commands(click.Group):
    """The dragoman command group. A library error ends any command here: its message on
    stderr and its exit code (1; 2 for a usage error)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DragomanError as exc:
            click.echo(f"dragoman: error: {exc}", err=True)
            ctx.exit(exc.exit_code)


def settings_of(ctx: click.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings.load()


def iso(value) -> str | None:
    """A --date option's value as YYYY-MM-DD."""
    return value.strftime("%Y-%m-%d") if value else None


# ---------------------------------------------------------------- runs of the pipeline


def documents(results: Run) -> Iterator[Document]:
    """The documents of a run, with a progress bar on a terminal; each input that failed and
    each warning goes to stderr as it comes."""
    for doc in _progress(results.documents(_skipped)):
        for warning in doc.warnings:
            click.echo(f"dragoman: warning: {doc.origin or doc.id}: {warning}", err=True)
        yield doc


def _skipped(error: InputError) -> None:
    click.echo(f"dragoman: skipped {error.source}: {error.reason}", err=True)


def _progress(items):
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    # delay: short runs of a few documents finish before a bar would appear.
    return tqdm(items, unit="doc", file=sys.stderr, delay=2.0, leave=False)


def finish(
    ctx: click.Context, verb: str, stats: RunStats, unchanged: int = 0, events: int | None = None
) -> None:
    """The run's summary on stderr, and the exit code: 1 when an input failed, else 0.

    unchanged: documents parsed again that the store already held as they are; documents
    left out before parsing (stats.skipped) are counted with them. events: the events to
    report, when not all those found (ingest counts those of the documents it stored).
    """
    events = stats.events if events is None else events
    if stats.pool is not None and stats.pool.processes:
        from ..scale.pool import describe

        click.echo(describe(stats.pool), err=True)
    n = stats.documents - unchanged
    unchanged += stats.skipped
    extra = f" ({unchanged} already stored, unchanged)" if unchanged else ""
    click.echo(
        f"dragoman: {verb} {n} document{'s' if n != 1 else ''}{extra}, "
        f"{events} event{'s' if events != 1 else ''}, {stats.failed} failed",
        err=True,
    )
    ctx.exit(1 if stats.failed else 0)


# ---------------------------------------------------------------- the store


def workers_option(help: str, default: int = 0):
    """--workers: how many processes run the pipeline (0: one per core)."""
    return click.option("--workers", type=click.IntRange(0), default=default, show_default=True, help=help)


def db_option(help: str = "Database (default ./dragoman.db)."):
    return click.option("--db", default=None, help=help)


def existing_db(ctx: click.Context, db: str | None) -> str:
    """The database to read: --db, else the settings' one; it must exist (a URL is not checked)."""
    from pathlib import Path

    location = db or settings_of(ctx).get("store", "db")
    if "://" not in location and not Path(location).exists():
        raise click.UsageError(f"no database at {location}: run `dragoman ingest PATH --db {location}` first")
    return location


def filter_options(command):
    """The event filters (dragoman.filters.FILTER_FIELDS) as options, in their order."""
    for field in reversed(FILTER_FIELDS):
        kind = click.Choice(field.choices, case_sensitive=not field.upper) if field.choices else None
        check = _checked_value if field.name in ("since", "until", "lang") else None
        command = click.option(f"--{field.name}", field.name, type=kind, help=field.help, callback=check)(
            command
        )
    return command


def _checked_value(ctx, param, value):
    """--since/--until (a date of the calendar), --lang (a language code): the value the
    store takes, or a usage error (exit 2) saying the form."""
    from ..store.query import QueryError, check_date, check_lang

    if value is None:
        return None
    try:
        return check_lang(value) if param.name == "lang" else check_date(param.name, value)
    except QueryError as exc:
        raise click.BadParameter(str(exc)) from exc
