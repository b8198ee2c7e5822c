"""The dragoman command: thin commands over library functions, one module per kind of work.

    extract.py  extract, ingest          the pipeline over files (dragoman.run)
    store.py    events, actors, export   what the store holds
    clusters.py clusters                 the reports of one happening, grouped
    serve.py    serve                    the API and the page
    eval.py     eval                     quality against a gold set
    train.py    train                    the event classifier
    ray.py      ray-extract              the pipeline on a Ray cluster
    common.py   what they share: errors to exit codes, settings, progress, filters

Exit codes: 0 when every input succeeded, 1 when some failed (each reported on stderr
with its reason), 2 for usage errors. A library error is turned into its message and exit
code once, by the group (common.Commands), for every command.
"""

from __future__ import annotations

import click

from .. import __version__
from ..settings import Settings
from .clusters import clusters
from .common import Commands
from .eval import eval_command
from .extract import extract, ingest
from .ray import ray_extract
from .serve import serve
from .store import actors, events, export
from .train import train

__all__ = ["main"]


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dragoman")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    envvar="DRAGOMAN_CONFIG",
    help="A settings file (TOML) overriding the defaults in dragoman/data/settings.toml.",
)
@click.pass_context
def main(ctx, config):
    """dragoman: who did what to whom, when and where, from news text.

    Reads news documents and writes PLOVER event records (with CAMEO codes), each pointing
    to the sentence it came from. Runs offline; nothing is downloaded.
    """
    ctx.obj = Settings.load(config)


for command in (extract, ingest, events, actors, export, clusters, serve, eval_command, train, ray_extract):
    main.add_command(command)
