"""The evaluation as text for a terminal, and as JSON for scripts."""

from __future__ import annotations

import shutil

from ..output import row as table_row
from .figures import FIGURES

DOC_COLUMNS = ["", "type", "actor", "recipient", "date", "place", "sentence"]
DOC_WIDTHS = [6, 9, 22, 22, 10, 16]


def format_report(result: dict, show_missed: int = 20, width: int | None = None) -> str:
    """The evaluation as text: what was missed (document by document when the result has
    them), then the figures, per type, the confused types and the speed."""
    missed = (
        _format_documents(result, width) if "documents" in result else _format_missed(result, show_missed)
    )
    parts = [
        missed,
        _format_figures(result),
        _format_per_type(result),
        _format_confusion(result),
        _format_speed(result),
    ]
    return "\n\n".join(p for p in parts if p)


def _format_missed(result: dict, limit: int) -> str:
    missed = result["missed"]
    lines = [f"missed {m}" for m in missed[:limit]]
    if len(missed) > limit:
        lines.append(f"... and {len(missed) - limit} more (--json lists them all)")
    return "\n".join(lines)


def _format_figures(result: dict) -> str:
    s, d = result["score"], result["dyads"]
    lines = [
        f"scorer: {result['scorer']}"
        + ("  (recall only: the gold set is not exhaustive)" if result["recall_only"] else ""),
        "  ".join(f"{k}={s[k]}" for k in FIGURES if k in s),
        f"event-type accuracy on the dyads dragoman finds: {d['accuracy']} "
        f"({d['type_correct']} of {d['dyads_found']} gold events whose actor and recipient were found)",
    ]
    return "\n".join(lines)


def _format_per_type(result: dict) -> str:
    show_precision = not result["recall_only"]
    head = f"{'type':12} {'gold':>5} {'matched':>7} {'recall':>6}"
    head += f" {'predicted':>9} {'precision':>9}" if show_precision else ""
    lines = ["per type:", head]
    for t, row in result["per_type"].items():
        line = f"{t:12} {row['gold']:5} {row['matched']:7} {_num(row['recall']):>6}"
        if show_precision:
            line += f" {row.get('predicted', 0):9} {_num(row.get('precision')):>9}"
        lines.append(line)
    return "\n".join(lines)


def _format_confusion(result: dict) -> str:
    c = result["confusion"]
    lines = [
        f"event types on dyads found in the same sentence: {c['type_correct']} of "
        f"{c['dyads_found']} right; the others, gold type -> predicted type:"
    ]
    for gold_type, row in c["table"].items():
        lines.append(f"  {gold_type:12} " + ", ".join(f"{p} {n}" for p, n in row.items()))
    if not c["table"]:
        lines.append("  (none)")
    return "\n".join(lines)


def _format_speed(result: dict) -> str:
    sp = result.get("speed")
    if not sp:
        return ""
    failed = len(result.get("failures") or [])
    load = f", after loading the model in {sp['load_s']} s" if sp.get("load_s") is not None else ""
    return (
        f"speed: {sp['documents']} documents, {sp['words']} words in {sp['run_s']} s{load}: "
        f"{sp['docs_per_s']} documents/s, {sp['words_per_s']} words/s; wall time {sp['wall_s']} s"
        + (f"; {failed} inputs failed" if failed else "")
    )


def _num(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def _format_documents(result: dict, width: int | None) -> str:
    """Per document with something missed or extra: a missed gold event, then the extra
    predictions in its sentence, then the other extra predictions."""
    width = width or max(100, shutil.get_terminal_size((140, 20)).columns)
    rest = max(30, width - sum(DOC_WIDTHS) - 2 * len(DOC_WIDTHS))
    extra_note = (
        "extra predictions are not listed: the gold set is not exhaustive"
        if result["recall_only"]
        else "extra: predictions that match no gold event"
    )
    lines = [
        f"by document (missed: required gold events not found; {extra_note}):",
        table_row(DOC_COLUMNS, DOC_WIDTHS, rest),
    ]
    clean = 0
    for doc in result["documents"]:
        if not doc["missed"] and not doc["extra"]:
            clean += 1
            continue
        lines += [
            "",
            f"{doc['doc_id']}: {doc['gold']} gold, {doc['predicted']} predicted, {doc['matched']} matched",
        ]
        lines += [table_row(cells, DOC_WIDTHS, rest) for cells in _document_rows(doc)]
    lines += ["", f"{clean} of {len(result['documents'])} documents with nothing missed or extra"]
    return "\n".join(lines)


def _document_rows(doc: dict) -> list[list[str]]:
    rows = []
    for i, gold in enumerate(doc["missed"]):
        rows.append(_cells("missed", gold))
        rows += [_cells("extra", p) for p in doc["extra"] if p["same_sentence_as"] == i]
    rows += [_cells("extra", p) for p in doc["extra"] if p["same_sentence_as"] is None]
    return rows


def _cells(side: str, event: dict) -> list[str]:
    return [
        side,
        event["event"] or "",
        "; ".join(event["actor"]),
        "; ".join(event["recipient"]),
        event["date"] or "",
        event["place"] or "",
        event["sentence"],
    ]


def public_result(result: dict) -> dict:
    """The result without the records themselves (for --json)."""
    return {k: v for k, v in result.items() if k != "records"}
