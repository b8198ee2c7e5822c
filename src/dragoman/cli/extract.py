"""`dragoman extract` and `dragoman ingest`: the pipeline over files, to records or the store."""

from __future__ import annotations

import click

from ..output import FORMATS, RecordWriter
from ..run import read_inputs, run
from .common import DATE, db_option, documents, finish, iso, settings_of, workers_option

PATHS = click.argument("paths", nargs=-1, required=True)
DATE_OPTION = click.option("--date", type=DATE, help="Date (YYYY-MM-DD) of documents whose input gives none.")


@click.command()
@PATHS
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: one event record per line (the contract); csv: flat; table: readable.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of standard output.",
)
@DATE_OPTION
@workers_option("Processes to run the pipeline in (0: one per core); output is in input order.")
@click.pass_context
def extract(ctx, paths, fmt, output, date, workers):
    """Extract events from files, directories or - (standard input).

    Formats: .txt/.md (a leading `date YYYY-MM-DD` line is metadata), .html, .json, .jsonl
    (news-please fields too), and any of them gzipped (.gz).
    """
    settings = settings_of(ctx)
    results = run(read_inputs(paths, settings, iso(date)), settings, workers)
    writer = RecordWriter(output, fmt)
    for doc in documents(results):
        writer.write_all(doc.records())
    writer.close()
    finish(ctx, "read", results.stats)


@click.command()
@PATHS
@db_option("Database: an SQLite file (default ./dragoman.db) or postgresql://...")
@DATE_OPTION
@workers_option("Processes to run the pipeline in (0: one per core).")
@click.pass_context
def ingest(ctx, paths, db, date, workers):
    """Store documents, sentences, entities, actors and events in the database.

    Ingesting the same document twice changes nothing; a changed document replaces the old one.
    Documents already stored with the same text are not parsed again, so a batch that was
    interrupted finishes the rest when run again.
    """
    from ..store import open_store

    settings = settings_of(ctx).with_value(
        "store", "profile_texts", True
    )  # (linking's share: in the workers)
    size, seconds = settings.store_batch()
    unchanged = 0
    with open_store(db or settings.get("store", "db")) as store:
        results = run(read_inputs(paths, settings, iso(date)), settings, workers, skip_stored=store)
        stored_events = 0  # of the documents stored now: an unchanged one adds none
        # Several documents per transaction (one commit's pages written for all): each
        # outcome comes once its transaction committed, so what is printed is stored.
        for doc, outcome in store.ingest_batches(documents(results), size, seconds):
            if isinstance(outcome, Exception):
                results.stats.documents -= 1  # (counted as parsed: it is not stored)
                results.stats.failed += 1
                click.echo(
                    f"dragoman: could not store {doc.origin or doc.id} ({describe(outcome)}); "
                    "the other documents are stored: please report this with the document",
                    err=True,
                )
            elif outcome:
                stored_events += len(doc.events)
            else:
                unchanged += 1
    finish(ctx, "stored", results.stats, unchanged, events=stored_events)


def describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"
