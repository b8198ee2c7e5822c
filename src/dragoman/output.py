"""Writing event records: JSON lines (the contract), CSV (flat), and a readable table."""
from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import IO

FORMATS = ("jsonl", "csv", "table")
CSV_FIELDS = ["id", "doc_id", "date", "event", "mode", "quad", "cameo", "actor", "actor_country",
              "actor_id", "recipient", "recipient_country", "recipient_id", "location",
              "location_country", "lat", "lon", "modality", "confidence", "context", "trigger",
              "date_text", "date_precision", "date_end", "span", "text"]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def names(entities: list[dict]) -> str:
    return "; ".join(e.get("name") or "" for e in entities)


def codes(entities: list[dict]) -> str:
    return "; ".join(e.get("country") or e.get("org") or "" for e in entities)


def spreadsheet_safe(value):
    """A text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)", "-2+3"),
    prefixed with an apostrophe as OWASP recommends, so it shows as the text it is. Numbers
    (confidence, a negative longitude) are not text: they stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def flat_record(r: dict) -> dict:
    loc = r.get("location") or {}
    return {
        **{k: r.get(k) for k in ("id", "doc_id", "date", "event", "mode", "quad", "cameo",
                                 "modality", "confidence", "date_text", "date_precision", "date_end",
                                 "text")},
        "actor": names(r["actor"]), "actor_country": codes(r["actor"]),
        "actor_id": "; ".join(e.get("id") or "" for e in r["actor"]),
        "recipient": names(r["recipient"]), "recipient_country": codes(r["recipient"]),
        "recipient_id": "; ".join(e.get("id") or "" for e in r["recipient"]),
        "location": loc.get("name"), "location_country": loc.get("country_code"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "context": "; ".join(r.get("context") or []),
        "trigger": (r.get("trigger") or {}).get("text"), "span": "-".join(map(str, r.get("span") or [])),
    }


class RecordWriter:
    """Streams records to `out` in one of FORMATS; the table is drawn when closed."""

    def __init__(self, out: IO[str], fmt: str = "jsonl"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        self.out, self.fmt, self.rows = out, fmt, []
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
            self.csv.writeheader()

    def write(self, record: dict) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            self.csv.writerow({k: spreadsheet_safe(v) for k, v in flat_record(record).items()})
        else:
            self.rows.append(record)

    def write_all(self, records: Iterable[dict]) -> None:
        for r in records:
            self.write(r)

    def close(self) -> None:
        if self.fmt == "table":
            self.out.write(table(self.rows))
        self.out.flush()


def table(records: list[dict], width: int | None = None) -> str:
    """date, type, actor, recipient, place, and the sentence, wrapped to the terminal."""
    width = width or max(100, shutil.get_terminal_size((140, 20)).columns)
    head = ["date", "event", "actor", "recipient", "place", "sentence"]
    widths = [10, 9, 24, 24, 12]
    rest = max(30, width - sum(widths) - 2 * len(widths))
    lines = [row(head, widths, rest), row(["-" * w for w in widths] + ["-" * rest], widths, rest)]
    for r in records:
        loc = r.get("location") or {}
        event = r["event"] + ("" if r.get("modality") == "asserted" else f" ({r['modality']})")
        cells = [r.get("date") or "", event, _who(r["actor"]), _who(r["recipient"]), loc.get("name") or "",
                 r.get("text") or ""]
        lines.append(row(cells, widths, rest))
    lines.append(f"{len(records)} event{'s' if len(records) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _who(entities: list[dict]) -> str:
    parts = []
    for e in entities:
        code = e.get("org") if e.get("country") in ("IGO", "NGO") else e.get("country")
        parts.append(f"{e.get('name')} ({code})" if code and code != e.get("name") else str(e.get("name")))
    return "; ".join(parts)


def row(cells: list[str], widths: list[int], rest: int) -> str:
    """One table row: each cell wrapped to its column's width, the last one to `rest`."""
    cols = [textwrap.wrap(str(c), w) or [""] for c, w in zip(cells, widths + [rest])]
    height = max(len(c) for c in cols)
    out = []
    for i in range(height):
        out.append("  ".join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cols, widths + [rest])).rstrip())
    return "\n".join(out)
