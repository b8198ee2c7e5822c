"""`dragoman eval`: the pipeline's quality against a gold set (library: dragoman.evaluate)."""
from __future__ import annotations

import json
import sys

import click

from .errors import DragomanError
from .evaluate import evaluate, format_report, public_result


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--recall-only", is_flag=True,
              help="The gold set is not exhaustive (e.g. plv_dev): report recall, not precision.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure (and every missed event) as JSON.")
@click.option("--out", type=click.File("w", encoding="utf-8"),
              help="Also write the predicted event records here (JSON lines).")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Processes to run the pipeline in (0: one per core).")
@click.pass_context
def eval_command(ctx, gold, inputs, recall_only, as_json, out, workers):
    """Run the pipeline over INPUTS and score it against the GOLD file.

    Uses score.py next to GOLD when there is one (../shared/eval/score.py), else dragoman's
    own scorer with the same rules. Prints precision, recall, F1, date and place accuracy,
    figures per event type, the types confused on dyads that were found, and speed.

        dragoman eval ../shared/eval/seeds.gold.jsonl ../shared/seeds/
        dragoman eval --recall-only ../shared/eval/plv_dev.gold.jsonl ../shared/eval/plv_dev.input.jsonl
    """
    try:
        result = evaluate(gold, list(inputs), recall_only, settings=ctx.obj, workers=workers)
    except DragomanError as exc:
        click.echo(f"dragoman: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if out:
        for record in result["records"]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    click.echo(json.dumps(public_result(result), indent=2) if as_json else format_report(result))
    for failure in result["failures"]:
        click.echo(f"dragoman: skipped {failure}", err=True)
    sys.exit(1 if result["failures"] else 0)
