"""`dragoman ray-extract`: the pipeline over shards on a Ray cluster (dragoman.scale.ray)."""

from __future__ import annotations

import click

from .common import settings_of


@click.command("ray-extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the event shards (one .events.parquet per input shard).",
)
@click.option(
    "--ray-address",
    default=None,
    help="Ray cluster to join (e.g. auto, ray://head:10001); default: start a local one.",
)
@click.option("--num-cpus", type=int, default=None, help="CPUs of the local cluster (default: all).")
@click.option(
    "--actors",
    type=int,
    default=None,
    help="Pipeline actors, one spaCy model each (default: one per CPU, at most one per shard).",
)
@click.pass_context
def ray_extract(ctx, inputs, output_dir, ray_address, num_cpus, actors):
    """Extract events from JSONL or Parquet shards on a Ray cluster, into Parquet shards.

    Shards whose output already exists are skipped: run the same command again to finish
    an interrupted run. Needs `pip install dragoman[ray]`.
    """
    from ..scale.ray import run_ray

    outcome = run_ray(list(inputs), output_dir, settings_of(ctx), ray_address, num_cpus, actors)
    failed = 0
    for row in outcome["done"]:
        for error in row["errors"]:
            click.echo(f"dragoman: skipped {error}", err=True)
        failed += row["failed"]
    docs = sum(r["documents"] for r in outcome["done"])
    events = sum(r["events"] for r in outcome["done"])
    click.echo(
        f"dragoman: {len(outcome['done'])} shards done ({len(outcome['skipped'])} already done, "
        f"skipped), {docs} documents, {events} events, {failed} failed",
        err=True,
    )
    ctx.exit(1 if failed else 0)
