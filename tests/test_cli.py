"""The installed `dragoman` command, run for real: formats, bad input, exit codes."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

DRAGOMAN = [str(Path(sys.executable).parent / "dragoman")]


def run(*args, stdin: str | None = None, cwd=None):
    return subprocess.run(DRAGOMAN + [str(a) for a in args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.txt").write_text("date 2021-03-01\nFrance condemned Russia on Monday.\n")
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("Germany praised Brazil’s café policy.".encode("cp1252"))
    (d / "lines.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Japan criticized China.", "date": "2020-01-02"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "ok-2", "text": "Egypt hosted talks with Israel."}) + "\n")
    (d / "notext.json").write_text(json.dumps({"id": "x", "title": "No body"}))
    with open(d / "huge.txt", "wb") as f:  # 20 MB, sparse: refused before it is read
        f.truncate(20 * 1024 * 1024)
    return d


def test_help_and_version():
    out = run("--help")
    assert out.returncode == 0
    for cmd in ("extract", "ingest", "events", "actors"):
        assert cmd in out.stdout
    version = run("--version")
    assert version.returncode == 0 and "dragoman, version" in version.stdout


def test_usage_error_exits_2():
    assert run("extract").returncode == 2
    assert run("extract", EXAMPLES, "--format", "xml").returncode == 2


def test_extract_seeds_as_jsonl_csv_and_table(tmp_path):
    out = run("extract", EXAMPLES, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) >= 12 and {r["doc_id"] for r in records} == {
        "000_46aeba82567c844a", "004_ec87686fdf2f6654"}
    csv_out = tmp_path / "events.csv"
    assert run("extract", EXAMPLES, "--format", "csv", "-o", csv_out).returncode == 0
    assert csv_out.read_text().splitlines()[0].startswith("id,doc_id,date,event")
    table = run("extract", EXAMPLES, "--format", "table").stdout
    assert "Vladimir Norov" in table and "Dushanbe" in table


def test_stdin_and_gzip_and_date_option(tmp_path):
    piped = run("extract", "-", "--date", "2022-05-04", stdin="Kenya praised Ethiopia for the deal.")
    assert piped.returncode == 0, piped.stderr
    (rec,) = [json.loads(line) for line in piped.stdout.splitlines()]
    assert rec["event"] == "SUPPORT" and rec["date"] == "2022-05-04"
    gz = tmp_path / "doc.txt.gz"
    gz.write_bytes(gzip.compress(b"Chile condemned Peru on Friday."))
    out = run("extract", gz, "--date", "2022-05-04")
    assert out.returncode == 0 and json.loads(out.stdout)["date"] == "2022-04-29"


def test_bad_inputs_are_reported_and_the_rest_processed(bad_inputs, tmp_path):
    missing = bad_inputs / "does-not-exist.txt"
    out = run("extract", bad_inputs, missing)
    assert out.returncode == 1
    docs = {json.loads(line)["doc_id"] for line in out.stdout.splitlines()}
    assert {"good", "ok-1", "ok-2", "latin1"} <= docs
    err = out.stderr
    assert "empty.txt: empty file" in err
    assert "binary.txt" in err and "binary" in err
    assert "lines.jsonl:2" in err
    assert "notext.json" in err and "'text'" in err
    assert "huge.txt" in err and "max_document_bytes" in err
    assert "does-not-exist.txt" in err and "no such file" in err
    assert "latin1.txt" in err and "UTF-8" in err  # decoded with replacement, and reported
    assert "6 failed" in err


def test_all_good_inputs_exit_0(bad_inputs):
    assert run("extract", bad_inputs / "good.txt").returncode == 0


def test_ingest_is_idempotent_and_queryable(tmp_path):
    db = tmp_path / "store.db"
    first = run("ingest", EXAMPLES, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "stored 2 documents" in first.stderr
    again = run("ingest", EXAMPLES, "--db", db)
    assert again.returncode == 0 and "2 already stored" in again.stderr
    events = run("events", "--db", db, "--actor", "Norov", "--format", "jsonl")
    records = [json.loads(line) for line in events.stdout.splitlines()]
    assert records and all("Norov" in json.dumps(r) for r in records)
    by_country = run("events", "--db", db, "--country", "tjk", "--format", "jsonl").stdout
    assert "Saidzoda" in by_country
    since = run("events", "--db", db, "--since", "2021", "--type", "CONSULT", "--format", "jsonl").stdout
    assert {json.loads(line)["date"][:4] for line in since.splitlines()} == {"2021"}
    actors = run("actors", "--db", db)
    assert actors.returncode == 0 and "Vladimir Norov" in actors.stdout


def test_default_database_is_dragoman_db_in_cwd(tmp_path):
    assert run("ingest", EXAMPLES / "000_46aeba82567c844a.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "dragoman.db").exists()
    assert run("events", cwd=tmp_path).returncode == 0


def test_events_without_a_database_says_what_to_do(tmp_path):
    out = run("events", "--db", tmp_path / "none.db")
    assert out.returncode == 2 and "dragoman ingest" in out.stderr
