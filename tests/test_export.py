"""`dragoman export`, on a real SQLite store filled by the real pipeline from examples/."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import dragoman.export as export_module
from dragoman.cli import main
from dragoman.export import GDELT_COLUMNS, ExportError, export_events, gdelt_row, goldstein, parquet_schema
from dragoman.output import CSV_FIELDS, flat_record
from dragoman.store import open_store
from test_store import make_doc


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, seed_docs):
    path = tmp_path_factory.mktemp("export") / "seed.db"
    with open_store(path) as store:
        store.ingest_many(seed_docs.values())
    return path


@pytest.fixture
def store(seed_db):
    with open_store(seed_db) as s:
        yield s


@pytest.fixture
def records(store):
    every = list(store.iter_events())
    assert len(every) == store.count_events() > 5
    return every


def test_jsonl_is_the_stored_records(store, records, seed_docs):
    out = io.StringIO()
    assert export_events(store, "jsonl", out) == len(records)
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    assert exported == records
    assert {r["id"] for r in exported} == {e.id for d in seed_docs.values() for e in d.events}


def test_csv_is_the_flat_format_of_extract(store, records, tmp_path):
    path = tmp_path / "events.csv"
    export_events(store, "csv", path)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        f.seek(0)
        assert next(csv.reader(f)) == CSV_FIELDS
    expected = [{k: "" if v is None else str(v) for k, v in flat_record(r).items()} for r in records]
    assert rows == expected


def test_parquet_keeps_the_nested_record(store, records, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export_events(store, "parquet", path) == len(records)
    table = pq.read_table(path)
    assert table.schema == parquet_schema()
    assert table.to_pylist() == records


def test_filters_select_the_same_events_as_the_events_query(store):
    out = io.StringIO()
    n = export_events(store, "jsonl", out, country="CHN", type="SUPPORT")
    wanted = store.events(country="CHN", type="SUPPORT", limit=10_000)
    assert n == len(wanted) > 0
    assert sorted(json.loads(x)["id"] for x in out.getvalue().splitlines()) == sorted(r["id"] for r in wanted)
    with pytest.raises(ExportError, match="unknown filter"):
        export_events(store, "jsonl", io.StringIO(), colour="red")
    with pytest.raises(ExportError, match="unknown export format"):
        export_events(store, "xlsx", io.StringIO())


def test_export_streams_a_page_at_a_time(store, records, monkeypatch):
    monkeypatch.setattr(export_module, "PAGE", 4)
    monkeypatch.setattr(store, "events", None)  # the all-at-once query is not used
    biggest = []
    fetch = store._fetch

    def counting(sql, params=()):
        found = fetch(sql, params)
        biggest.append(len(found))
        return found

    monkeypatch.setattr(store, "_fetch", counting)
    assert export_events(store, "jsonl", io.StringIO()) == len(records)
    assert max(biggest) <= 4 and len(biggest) >= len(records) // 4


# ---- GDELT ---------------------------------------------------------------------------------


def gdelt_rows(store) -> list[dict]:
    out = io.StringIO()
    export_events(store, "gdelt", out)
    lines = out.getvalue().splitlines()
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) == 61 for line in lines)
    return [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines]


def test_gdelt_rows_map_the_record(store, records):
    rows = {r["GLOBALEVENTID"]: r for r in gdelt_rows(store)}
    asserted = [r for r in records if r["modality"] == "asserted"]
    assert len(rows) == len(asserted)
    quads = {
        "verbal_cooperation": "1",
        "material_cooperation": "2",
        "verbal_conflict": "3",
        "material_conflict": "4",
    }
    for record in asserted:
        row = rows[str(int(record["id"][:15], 16))]
        if record["date"]:  # a month or a year is dated to its first day
            assert row["SQLDATE"] == (record["date"].replace("-", "") + "0101")[:8]
        assert row["EventCode"] == record["cameo"]
        assert row["EventRootCode"] == record["cameo"][:2]
        assert row["QuadClass"] == quads[record["quad"]]
        assert float(row["GoldsteinScale"]) == goldstein(record["cameo"])
        assert row["Actor1Name"] == record["actor"][0]["name"].upper()
        assert row["SOURCEURL"].endswith(record["doc_id"] + ".txt") and len(row["DATEADDED"]) == 14
        cluster = record["cluster"]  # (the reports of one happening: store/clusters.py)
        assert (row["NumMentions"], row["NumSources"], row["NumArticles"], row["AvgTone"]) == (
            str(cluster["mentions"]),
            str(cluster["sources"]),
            str(cluster["articles"]),
            "0",
        )
    assert {r["IsRootEvent"] for r in rows.values()} == {"0", "1"}


def test_gdelt_codes_actors_and_places_as_gdelt_does(store, records):
    placed = next(r for r in records if (r["location"] or {}).get("name") == "Beijing")
    row = gdelt_row(placed, store.document_info(placed["doc_id"]))
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == (
        4,
        "CH",
        "CH22",
    )  # FIPS codes: China is CH, Beijing its province 22
    assert row["ActionGeo_FullName"] == "Beijing, China"
    assert row["ActionGeo_FeatureID"] == 1816670 and row["Actor1Geo_Type"] == 0
    sco = next(r for r in records if r["actor"][0].get("id") == "SCO")
    row = gdelt_row(sco, None)
    assert (
        row["Actor1Code"],
        row["Actor1CountryCode"],
        row["Actor1KnownGroupCode"],
        row["Actor1Type1Code"],
    ) == ("IGOSCOGOV", "", "SCO", "GOV")


def test_gdelt_leaves_out_events_that_did_not_happen(tmp_path):
    doc = make_doc()
    doc.events[0].modality = "future"
    with open_store(tmp_path / "x.db") as s:
        s.ingest(doc)
        rows = gdelt_rows(s)
    assert sorted(r["EventCode"] for r in rows) == ["051", "173"]
    coerce = next(r for r in rows if r["EventCode"] == "173")
    # A month-precise date is dated to the month's first day, as GDELT dates every event.
    assert (coerce["SQLDATE"], coerce["MonthYear"], coerce["Year"]) == ("20210501", "202105", "2021")
    assert coerce["SOURCEURL"] == "https://example.org/a"


def test_goldstein_by_longest_known_code():
    assert (goldstein("051"), goldstein("1823"), goldstein("19"), goldstein("")) == (3.5, -9.0, -10.0, "")


# ---- the command ---------------------------------------------------------------------------


def test_cli_exports_to_a_file(seed_db, records, tmp_path):
    out = tmp_path / "e.tsv"
    done = CliRunner().invoke(
        main, ["export", "--db", str(seed_db), "--format", "gdelt", "-o", str(out), "--country", "chn"]
    )
    assert done.exit_code == 0, done.output
    n = len(out.read_text().splitlines())
    assert n > 0 and f"exported {n} events to {out}" in done.output


def test_cli_writes_jsonl_to_standard_output(seed_db, records):
    done = CliRunner().invoke(main, ["export", "--db", str(seed_db)])
    assert done.exit_code == 0
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    assert [json.loads(ln) for ln in lines] == records


def test_cli_refuses_binary_parquet_on_the_terminal_and_a_missing_store(seed_db, tmp_path):
    done = CliRunner().invoke(main, ["export", "--db", str(seed_db), "--format", "parquet"])
    assert done.exit_code == 2 and "-o events.parquet" in done.output
    done = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "none.db")])
    assert done.exit_code == 2 and "dragoman ingest" in done.output
