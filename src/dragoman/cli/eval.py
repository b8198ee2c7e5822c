"""`dragoman eval`: the pipeline's quality against a gold set (library: dragoman.evaluation)."""

from __future__ import annotations

import json

import click

from .common import workers_option


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--recall-only",
    is_flag=True,
    help="The gold set is not exhaustive (one labelled event per sentence, say): "
    "report recall, not precision.",
)
@click.option(
    "--by-doc",
    is_flag=True,
    help="List, document by document, every gold event missed and every prediction "
    "matching no gold event (type, actor, recipient, date, place, sentence), the "
    "extra ones in a missed event's sentence next to it. For article gold sets; "
    "with --recall-only only the missed events are listed.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print every figure (and every missed event; with --by-doc, each document's "
    "missed and extra events) as JSON, for scripts.",
)
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    help="Also write the predicted event records here (JSON lines).",
)
@workers_option("Processes to run the pipeline in (0: one per core).", default=1)
@click.pass_context
def eval_command(ctx, gold, inputs, recall_only, by_doc, as_json, out, workers):
    """Run the pipeline over INPUTS and score it against the GOLD file.

    GOLD has one JSON object per line, a document and the events coded in it:

    \b
      {"doc_id": "...", "events": [{"event": "CONSULT", "alt": ["COOPERATE"],
        "actor": ["SCO", "Norov"], "recipient": ["CHN"], "date": "2021-06-02",
        "location": {"name": "Wuhan", "country": "CHN"}, "optional": false,
        "evidence": "words of the sentence that reports it"}]}

    doc_id is the id dragoman gives the input document (a file's name without its suffix, or
    a JSON input's "id"). actor and recipient keys are alternatives (a country or organisation
    code, or words of a name); alt lists other accepted types; an optional event counts
    neither for nor against. A score.py in GOLD's folder, if there is one, does the scoring
    (the gold set's own rules); else dragoman's scorer does, with the same rules.

    Prints precision, recall, F1, date and place accuracy, figures per event type, the types
    confused on dyads that were found, and speed.

    \b
        dragoman eval gold.jsonl articles/
        dragoman eval --by-doc gold.jsonl articles.jsonl
        dragoman eval --recall-only sentences.gold.jsonl sentences.jsonl
    """
    from ..evaluation import evaluate, format_report, public_result

    result = evaluate(gold, list(inputs), recall_only, settings=ctx.obj, workers=workers, by_doc=by_doc)
    if out:
        for record in result["records"]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    click.echo(json.dumps(public_result(result), indent=2) if as_json else format_report(result))
    for failure in result["failures"]:
        click.echo(f"dragoman: skipped {failure}", err=True)
    ctx.exit(1 if result["failures"] else 0)
