"""`dragoman train`: fit the event classifier and print its cross-validated quality."""

from __future__ import annotations

import click

from ..train import FOLDS, metrics_table
from ..train import train as fit


@click.command("train")
@click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, dir_okay=False),
    help="annotated examples (JSONL); default: the examples shipped with dragoman",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False),
    help="where to write the model; default: the package's data/model/events.npz",
)
@click.option("--folds", default=FOLDS, show_default=True, help="cross-validation folds (0: none)")
def train(data_path, out_path, folds):
    """Train the event classifier and print its cross-validated quality per event type."""
    metrics = fit(data_path, out_path, folds=folds)
    click.echo(
        f"trained on {metrics['samples']} candidates from {metrics['examples']} sentences "
        f"-> {metrics['model']}"
    )
    if metrics.get("per_type"):
        click.echo(metrics_table(metrics))
