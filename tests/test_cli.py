"""The `dragoman` command: formats, bad input, exit codes, the store commands.

In-process with click's CliRunner (the model loads once per test session); the installed
console script runs for real where the process itself is what is tested: its entry point,
a pipe on standard input, exit codes.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from dragoman.cli import main

DRAGOMAN = [str(Path(sys.executable).parent / "dragoman")]


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def run(*args, stdin: str | None = None) -> Done:
    """The command in this process, as the console script would run it."""
    result = CliRunner(mix_stderr=False).invoke(main, [str(a) for a in args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Done(result.exit_code, result.stdout, result.stderr)


def run_installed(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The installed console script, in a process of its own."""
    return subprocess.run(
        DRAGOMAN + [str(a) for a in args], input=stdin, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.txt").write_text("date 2021-03-01\nFrance condemned Russia on Monday.\n")
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("Germany praised Brazil’s café policy.".encode("cp1252"))
    (d / "lines.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Japan criticized China.", "date": "2020-01-02"})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "ok-2", "text": "Egypt hosted talks with Israel."})
        + "\n"
    )
    (d / "notext.json").write_text(json.dumps({"id": "x", "title": "No body"}))
    with open(d / "huge.txt", "wb") as f:  # 20 MB, sparse: refused before it is read
        f.truncate(20 * 1024 * 1024)
    return d


def test_the_installed_command_has_help_and_version():
    out = run_installed("--help")
    assert out.returncode == 0
    for cmd in ("extract", "ingest", "events", "actors", "export", "eval", "serve"):
        assert cmd in out.stdout
    version = run_installed("--version")
    assert version.returncode == 0 and "dragoman, version" in version.stdout


def test_usage_error_exits_2(tmp_path):
    assert run("extract").returncode == 2
    assert run("extract", EXAMPLES, "--format", "xml").returncode == 2
    bad_config = run("--config", tmp_path / "none.toml", "extract", EXAMPLES)
    assert bad_config.returncode == 2 and "cannot read settings file" in bad_config.stderr


def test_extract_seeds_as_jsonl_csv_and_table(tmp_path):
    out = run("extract", EXAMPLES, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) >= 12 and {r["doc_id"] for r in records} == {
        "000_46aeba82567c844a",
        "004_ec87686fdf2f6654",
    }
    csv_out = tmp_path / "events.csv"
    assert run("extract", EXAMPLES, "--format", "csv", "-o", csv_out).returncode == 0
    assert csv_out.read_text().splitlines()[0].startswith("id,doc_id,date,event")
    table = run("extract", EXAMPLES, "--format", "table").stdout
    assert "Vladimir Norov" in table and "Dushanbe" in table


def test_a_pipe_on_standard_input_and_the_date_option():
    piped = run_installed(
        "extract", "-", "--date", "2022-05-04", stdin="Kenya praised Ethiopia for the deal."
    )
    assert piped.returncode == 0, piped.stderr
    (rec,) = [json.loads(line) for line in piped.stdout.splitlines()]
    assert rec["event"] == "SUPPORT" and rec["date"] == "2022-05-04"
    assert piped.stderr.strip() == "dragoman: read 1 document, 1 event, 0 failed"


def test_stdin_and_gzip_and_date_option(tmp_path):
    piped = run(
        "extract", "-", "--date", "2022-05-04", stdin='{"id": "k", "text": "Kenya praised Ethiopia."}'
    )
    assert piped.returncode == 0, piped.stderr
    (rec,) = [json.loads(line) for line in piped.stdout.splitlines()]
    assert rec["event"] == "SUPPORT" and rec["date"] == "2022-05-04" and rec["doc_id"] == "k"
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
    since = run("events", "--db", db, "--since", "2021", "--type", "consult", "--format", "jsonl").stdout
    assert {(r["date"][:4], r["event"]) for r in map(json.loads, since.splitlines())} == {("2021", "CONSULT")}
    quad = run("events", "--db", db, "--quad", "material_cooperation", "--format", "jsonl").stdout
    assert quad and {json.loads(line)["quad"] for line in quad.splitlines()} == {"material_cooperation"}
    assert run("events", "--db", db, "--quad", "cooperation").returncode == 2  # not a quad class
    actors = run("actors", "--db", db)
    assert actors.returncode == 0 and "Vladimir Norov" in actors.stdout


def test_a_library_error_is_its_message_and_exit_code(tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", EXAMPLES / "000_46aeba82567c844a.txt", "--db", db).returncode == 0
    out = run("export", "--db", db, "--format", "csv", "-o", tmp_path / "no-such-folder" / "x.csv")
    assert out.returncode == 2  # ExportError is a usage error
    assert out.stderr.startswith("dragoman: error: cannot write ") and "give another path (-o)" in out.stderr


def test_default_database_is_dragoman_db_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("ingest", EXAMPLES / "000_46aeba82567c844a.txt").returncode == 0
    assert (tmp_path / "dragoman.db").exists()
    assert run("events").returncode == 0


def test_events_without_a_database_says_what_to_do(tmp_path):
    out = run("events", "--db", tmp_path / "none.db")
    assert out.returncode == 2 and "dragoman ingest" in out.stderr


def test_usage_errors_exit_2_whatever_the_number_of_inputs(tmp_path):
    """Issue 10 item 10: `--since notadate` exited 1, `--workers -1` 0 or 2 by input count."""
    from click.testing import CliRunner

    from dragoman.cli import main

    runner = CliRunner()
    db = str(tmp_path / "x.db")
    for args in (
        ["events", "--db", db, "--since", "notadate"],
        ["events", "--db", db, "--until", "2021-02-30"],
        ["export", "--db", db, "--since", "2021-13"],
        ["extract", "--workers", "-1", str(EXAMPLES)],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)


def test_the_ingest_summary_counts_only_the_events_it_stored(tmp_path):
    """Issue 10 item 10: the events of a document found unchanged were counted as stored."""
    import re

    from click.testing import CliRunner

    from dragoman.cli import main

    seed = next(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")
    db = str(tmp_path / "s.db")
    runner = CliRunner(mix_stderr=False)
    first = runner.invoke(main, ["ingest", "--db", db, str(seed)])
    stored = int(re.search(r"(\d+) events?", first.stderr).group(1))
    assert first.exit_code == 0 and stored > 0
    # the same file twice in one batch: the second copy is parsed, found unchanged, adds nothing
    again = runner.invoke(main, ["ingest", "--db", str(tmp_path / "t.db"), str(seed), str(seed)])
    assert again.exit_code == 0, again.stderr
    assert f"{stored} event" in again.stderr and "1 already stored" in again.stderr


def test_ingest_stores_several_documents_per_transaction_as_it_would_one_by_one(tmp_path):
    """[store] batch_documents: the summary and the rows are those of one transaction each."""
    from click.testing import CliRunner

    from dragoman.cli import main
    from dragoman.store import open_store

    runner = CliRunner(mix_stderr=False)
    summaries, stored = [], []
    for size in (1, 3):
        config = tmp_path / f"batch{size}.toml"
        config.write_text(f"[store]\nbatch_documents = {size}\n")
        db = str(tmp_path / f"b{size}.db")
        # The examples, then one of them again (unchanged, in the same transaction when size 3).
        files = [*map(str, sorted(EXAMPLES.iterdir())), str(next(EXAMPLES.iterdir()))]
        result = runner.invoke(main, ["--config", str(config), "ingest", "--db", db, *files])
        assert result.exit_code == 0, result.stderr
        summaries.append(result.stderr.strip().splitlines()[-1])
        with open_store(db) as s:
            stored.append((s.stats(), sorted(r["id"] for r in s.iter_events())))
    assert "1 already stored" in summaries[0]
    assert summaries[0] == summaries[1] and stored[0] == stored[1]
    bad = tmp_path / "bad.toml"
    bad.write_text("[store]\nbatch_documents = 0\n")
    refused = runner.invoke(main, ["--config", str(bad), "ingest", "--db", str(tmp_path / "x.db"), *files])
    assert refused.exit_code == 2 and "batch_documents" in refused.stderr
