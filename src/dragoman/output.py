"""Writing event records: JSON lines (the contract), CSV (flat), and a readable table."""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import IO

FORMATS = ("jsonl", "csv", "table")
CSV_FIELDS = [
    "id",
    "doc_id",
    "date",
    "event",
    "mode",
    "quad",
    "cameo",
    "actor",
    "actor_country",
    "actor_id",
    "recipient",
    "recipient_country",
    "recipient_id",
    "location",
    "location_country",
    "lat",
    "lon",
    "modality",
    "confidence",
    "context",
    "trigger",
    "date_text",
    "date_precision",
    "date_end",
    "span",
    "text",
]
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
    """A record as one CSV row: its sides, place, context, trigger and span as text; every
    other column of CSV_FIELDS as the record has it."""
    loc = r.get("location") or {}
    flattened = {
        "actor": names(r["actor"]),
        "actor_country": codes(r["actor"]),
        "actor_id": "; ".join(e.get("id") or "" for e in r["actor"]),
        "recipient": names(r["recipient"]),
        "recipient_country": codes(r["recipient"]),
        "recipient_id": "; ".join(e.get("id") or "" for e in r["recipient"]),
        "location": loc.get("name"),
        "location_country": loc.get("country_code"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "context": "; ".join(r.get("context") or []),
        "trigger": (r.get("trigger") or {}).get("text"),
        "span": "-".join(map(str, r.get("span") or [])),
    }
    return {k: flattened[k] if k in flattened else r.get(k) for k in CSV_FIELDS}


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
        cells = [
            r.get("date") or "",
            event,
            _who(r["actor"]),
            _who(r["recipient"]),
            loc.get("name") or "",
            r.get("text") or "",
        ]
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
        out.append(
            "  ".join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cols, widths + [rest])).rstrip()
        )
    return "\n".join(out)


# ---- event clusters: the reports of one happening (store/cluster_reads.py) ----------------


def write_clusters(rows: list[dict], fmt: str, out: IO[str]) -> None:
    """Clusters as JSON lines, or as a table of one line each (`fmt` "table")."""
    if fmt == "jsonl":
        for cluster in rows:
            out.write(json.dumps(cluster, ensure_ascii=False) + "\n")
    else:
        out.write(cluster_table(rows))
    out.flush()


def cluster_table(rows: list[dict], width: int | None = None) -> str:
    """One line per cluster: its id, type, date, counts, and its representative sentence."""
    width = width or max(100, shutil.get_terminal_size((140, 20)).columns)
    head = (
        f"{'cluster':16}  {'event':9}  {'date':10}  {'articles':>8}  {'sources':>7}  "
        f"{'mentions':>8}  {'reported':21}  sentence"
    )
    rest = max(30, width - len(head) + len("sentence"))
    lines = [head, "-" * min(width, len(head) + rest - len("sentence"))]
    for c in rows:
        reported = c["first_reported"] or ""
        if c["last_reported"] and c["last_reported"] != c["first_reported"]:
            reported += f" to {c['last_reported'][5:]}"
        text = (c["representative"] or {}).get("text") or ""
        lines.append(
            f"{c['id']:16}  {c['event']:9}  {c['date'] or '':10}  {c['articles']:8}  "
            f"{c['sources']:7}  {c['mentions']:8}  {reported:21}  "
            f"{textwrap.shorten(text, rest, placeholder=' ...')}"
        )
    lines.append(f"{len(rows)} cluster{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines) + "\n"


def cluster_text(cluster: dict) -> str:
    """One cluster (Store.cluster) for reading: each report with its source and date, its
    sentence, and what it was linked to and why."""
    lines = [
        (
            f"cluster {cluster['id']}: {cluster['event']} {cluster['date'] or ''}, "
            f"{reported_by(cluster)} ({cluster['mentions']} sentences)"
        )
    ]
    for report in cluster["reports"]:
        article, record = report["article"], report["record"]
        source = article["source"] or article["counted_as"]
        lines += [
            "",
            f"  {article['reported'] or ''}  {source}  {record['event']}  "
            f"{record.get('date') or ''}".rstrip(),
            textwrap.fill(record["text"], 100, initial_indent="    ", subsequent_indent="    "),
        ]
        if report["why"]:
            lines.append(f"    linked to {report['linked_to']}: {'; '.join(report['why'])}")
    return "\n".join(lines) + "\n"


def reported_by(cluster: dict) -> str:
    """ "reported by 3 articles from 2 sources" (a wire copy is an article, not a source)."""
    articles, sources = cluster["articles"], cluster["sources"]
    return (
        f"reported by {articles} article{'s' if articles != 1 else ''} from "
        f"{sources} source{'s' if sources != 1 else ''}"
    )
