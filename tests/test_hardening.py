"""Issue 10, at the readers, the annotation and the limits: each test holds the input that broke
dragoman (a RecursionError, spaCy's E088, a stored object, a 76 s zip bomb, a silent skip)
and checks that it is now one InputError, or a Document, and that its neighbours are read."""

from __future__ import annotations
from conftest import process_one

import csv
import gzip
import io
import json
import os
import time

import pytest

from dragoman.clean import clean
from dragoman.errors import InputError, UsageError
from dragoman.export import export_events
from dragoman.model import Document
from dragoman.nlp import annotate
from dragoman.output import RecordWriter
from dragoman.read import INTERNAL, iter_documents
from dragoman.records import document_from_json, loads
from dragoman.settings import Limits, Settings
from dragoman.store import open_store
from dragoman.store.query import QueryError, check_date

GOOD = "Russian and Chinese diplomats met in Beijing on Monday."
DEEP = "[" * 100_000  # the input of the issue


def read_all(*paths, settings=None, stdin=None) -> list[Document | InputError]:
    return list(iter_documents([str(p) for p in paths], settings, stdin=stdin))


def with_input(**values) -> Settings:
    settings = Settings()
    settings.values["input"].update(values)
    return settings


def kinds(items) -> list[str]:
    return [type(item).__name__ for item in items]


def assert_no_internal_error(items):
    assert not [i for i in items if isinstance(i, InputError) and INTERNAL in i.reason]


# ---------------------------------------------------------------- deeply nested JSON


def test_deeply_nested_json_file_is_one_error_and_the_directory_is_read(tmp_path):
    for name in ("a.txt", "b.txt", "d.txt"):
        (tmp_path / name).write_text(GOOD)
    (tmp_path / "c.json").write_text(DEEP)
    items = read_all(tmp_path)
    assert kinds(items) == ["Document", "Document", "InputError", "Document"]
    assert items[2].source.endswith("c.json")
    assert "nested more than 64 levels" in items[2].reason
    assert "max_json_depth" in items[2].reason


def test_deeply_nested_jsonl_line_is_one_error_and_the_other_lines_are_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"text": GOOD}) + "\n" + DEEP + "\n" + json.dumps({"text": GOOD, "id": "last"}) + "\n"
    )
    items = read_all(path)
    assert kinds(items) == ["Document", "InputError", "Document"]
    assert items[1].source == f"{path}:2" and "nested more than" in items[1].reason
    assert items[2].id == "last"


@pytest.mark.parametrize("text", [DEEP, '{"text": ' + DEEP + "\n"])
def test_deeply_nested_json_on_standard_input_is_an_error(text):
    items = read_all("-", stdin=io.StringIO(text))
    assert kinds(items) == ["InputError"]
    assert "nested more than" in items[0].reason or "invalid JSON" in items[0].reason


def test_json_depth_is_a_setting(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text(json.dumps({"text": GOOD, "extra": {"a": {"b": [1]}}}))  # 4 levels
    (error,) = read_all(path, settings=with_input(max_json_depth=3))
    assert "nested more than 3 levels" in error.reason
    (doc,) = read_all(path, settings=with_input(max_json_depth=4))
    assert doc.text == GOOD


def test_json_brackets_inside_strings_do_not_count_as_depth(tmp_path):
    path = tmp_path / "brackets.json"
    path.write_text(json.dumps({"text": GOOD + " [[[[{{{{" * 50, "title": '\\"[[[['}))
    (doc,) = read_all(path)
    assert doc.title == '\\"[[[['


def test_an_integer_python_cannot_convert_is_invalid_json(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "%s", "id": %s}\n{"text": "%s"}\n' % (GOOD, "9" * 5000, GOOD))
    items = read_all(path)
    assert kinds(items) == ["InputError", "Document"]
    assert "invalid JSON" in items[0].reason


# ---------------------------------------------------------------- field types

FIELD_KEYS = ["id", "dId", "url", "title", "source", "source_domain", "language", "date", "date_publish"]


@pytest.mark.parametrize("key", FIELD_KEYS)
@pytest.mark.parametrize("value", [{"x": 1}, [1, 2], True])
def test_a_field_that_is_not_a_string_is_an_error_naming_it(tmp_path, key, value):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"text": GOOD}, {"text": GOOD, key: value}, {"text": GOOD}]))
    items = read_all(path)
    assert kinds(items) == ["Document", "InputError", "Document"]
    assert items[1].source == f"{path}[2]"
    assert f"field '{key}' must be a string" in items[1].reason


def test_a_whole_number_id_and_a_numeric_date_are_still_read(tmp_path):
    path = tmp_path / "numbers.json"
    path.write_text(json.dumps({"text": GOOD, "id": 42, "date": 20210301}))
    (doc,) = read_all(path)
    assert doc.id == "42"
    assert doc.date is None and "not understood" in doc.warnings[0]


def test_lone_surrogates_are_replaced_and_reported(tmp_path):
    path = tmp_path / "surrogate.json"
    path.write_text('{"text": "%s \\ud800", "title": "A \\udfff title"}' % GOOD)
    (doc,) = read_all(path)
    assert doc.text == GOOD + " \ufffd" and doc.title == "A \ufffd title"
    doc.text.encode("utf-8")  # SQLite stores UTF-8: this raised for the lone surrogate
    assert "text, title" in doc.warnings[0]


# ---------------------------------------------------------------- the API's parser


def test_document_from_json_gives_a_document_or_the_reason(tmp_path):
    doc = document_from_json({"text": GOOD, "url": "https://example.org/a"}, default_id="a")
    assert (doc.id, doc.url, doc.origin) == ("a", "https://example.org/a", "request")
    error = document_from_json({"text": GOOD, "url": {"x": 1}}, origin="request[1]")
    assert isinstance(error, InputError) and error.source == "request[1]"
    assert "field 'url' must be a string" in error.reason
    assert "got a list" in document_from_json([GOOD]).reason
    assert "'title' must be a string" in document_from_json({"text": GOOD, "title": [1, 2]}).reason


def test_document_from_json_applies_the_document_size_limit():
    text = "Diplomats met. " * (6_100_000 // 15)  # the 6.1 MB document the API stored
    error = document_from_json({"text": text})
    assert isinstance(error, InputError) and "max_document_bytes" in error.reason
    assert isinstance(document_from_json({"text": text}, with_input(max_document_bytes=7_000_000)), Document)


def test_document_from_json_applies_the_depth_limit_without_recursion():
    record: dict = {"text": GOOD}
    inner = record
    for _ in range(100_000):
        inner["x"] = {}
        inner = inner["x"]
    error = document_from_json(record)
    assert isinstance(error, InputError) and "nested more than 64" in error.reason
    limits = Limits(document_bytes=100, decompressed_bytes=100, json_depth=3, passage_chars=100)
    assert isinstance(document_from_json({"text": GOOD, "a": {"b": [1]}}, limits), Document)
    assert isinstance(document_from_json({"text": GOOD, "a": {"b": [[1]]}}, limits), InputError)


def test_document_from_json_repairs_lone_surrogates():
    doc = document_from_json({"text": "\ud800" + GOOD})
    assert doc.text == "\ufffd" + GOOD and doc.warnings


def test_loads_turns_a_deep_body_into_an_input_error():
    with pytest.raises(InputError, match="nested more than 64"):
        loads(DEEP, 64, "request", "send a JSON object")
    assert loads('{"text": "[[["}', 2, "request", "") == {"text": "[[["}


@pytest.mark.parametrize("value", [0, -1, "100", 1.5, True])
def test_limits_must_be_positive_whole_numbers(value):
    with pytest.raises(UsageError, match="max_json_depth"):
        with_input(max_json_depth=value).limits()


# ---------------------------------------------------------------- compressed input


def write_blank_lines_gz(path, lines: int) -> None:
    block = b"\n" * (1 << 20)
    with gzip.open(path, "wb") as f:
        while lines > 0:
            f.write(block[:lines])
            lines -= len(block)


def test_a_gzip_bomb_of_blank_lines_stops_at_the_decompressed_cap(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    write_blank_lines_gz(path, 10**8)  # 97 KB: the input of the issue
    started = time.monotonic()
    (error,) = read_all(path, settings=with_input(max_decompressed_bytes=1_000_000))
    assert time.monotonic() - started < 5
    assert "decompresses to more than 1,000,000 bytes" in error.reason
    assert "max_decompressed_bytes" in error.reason


def test_blank_lines_under_the_cap_are_skipped_in_bulk(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    write_blank_lines_gz(path, 10**8)
    started = time.monotonic()
    (error,) = read_all(path)  # 100 MB decompressed, under the default cap: read, quickly
    assert "empty file" in error.reason
    assert time.monotonic() - started < 30  # 76 s before: one Python step per line


def test_documents_before_the_decompressed_cap_are_read(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"text": GOOD, "id": "one"}) + "\n")
        f.write(json.dumps({"text": GOOD, "id": "two"}) + "\n")
        f.write(json.dumps({"text": "x" * 10_000}) + "\n")
    items = read_all(path, settings=with_input(max_decompressed_bytes=5_000))
    assert [getattr(i, "id", None) for i in items[:2]] == ["one", "two"]
    assert kinds(items) == ["Document", "Document", "InputError"]


def test_a_single_gzipped_document_obeys_the_decompressed_cap(tmp_path):
    path = tmp_path / "article.txt.gz"
    with gzip.open(path, "wt") as f:
        f.write(GOOD * 100)
    (error,) = read_all(path, settings=with_input(max_decompressed_bytes=1_000))
    assert "max_decompressed_bytes" in error.reason


# ---------------------------------------------------------------- symbolic links and others


def test_broken_looping_and_folder_links_are_reported_not_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "article.txt").write_text(GOOD)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "folder").symlink_to(tmp_path / "sub")
    (tmp_path / "linked.txt").symlink_to(tmp_path / "sub" / "article.txt")
    items = {
        os.path.basename(i.source if isinstance(i, InputError) else i.origin): i for i in read_all(tmp_path)
    }
    assert set(items) == {"dangling.txt", "loop1", "loop2", "folder", "linked.txt", "article.txt"}
    assert "broken symbolic link" in items["dangling.txt"].reason
    assert "nowhere.txt" in items["dangling.txt"].reason
    assert "symbolic link loop" in items["loop1"].reason
    assert "symbolic link loop" in items["loop2"].reason
    assert "not followed" in items["folder"].reason and str(tmp_path / "sub") in items["folder"].reason
    assert items["linked.txt"].text == items["article.txt"].text == GOOD


def test_a_broken_link_given_as_input_says_so(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (error,) = read_all(tmp_path / "gone.txt")
    assert "broken symbolic link" in error.reason


def test_a_named_pipe_in_a_folder_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "article.txt").write_text(GOOD)
    items = read_all(tmp_path)
    assert kinds(items) == ["Document", "InputError"]
    assert "not a regular file" in items[1].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_an_unreadable_folder_is_reported(tmp_path):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed").chmod(0)
    try:
        (error,) = read_all(tmp_path)
        assert "cannot read this folder" in error.reason
    finally:
        (tmp_path / "closed").chmod(0o755)


# ---------------------------------------------------------------- passages over spaCy's limit

LONG_LINE = (
    "The ministers of Russia and China met in Beijing on Tuesday to discuss "
    + "internationalisation " * 52_000
)  # 1.1M characters on one line: under 5 MB


def test_a_line_over_the_passage_limit_is_split_at_sentence_ends():
    text = " ".join(f"Sentence number {i} of a paragraph without line breaks." for i in range(40))
    doc = clean(Document(id="long", text=text), with_input(max_passage_chars=200))
    pieces = [text[p.start : p.end] for p in doc.passages]
    assert len(pieces) > 5
    assert all(len(piece) <= 200 and piece.endswith("breaks.") for piece in pieces)
    assert " ".join(pieces) == text  # nothing lost: the cuts are the spaces between sentences


def test_a_line_without_sentence_ends_is_split_at_spaces_then_anywhere():
    doc = clean(Document(id="long", text=LONG_LINE))
    assert len(doc.passages) == 11
    assert all(p.end - p.start <= 100_000 for p in doc.passages)
    assert " ".join(doc.text[p.start : p.end] for p in doc.passages) == doc.text
    unbroken = clean(Document(id="word", text="x" * 250), with_input(max_passage_chars=100))
    assert [(p.start, p.end) for p in unbroken.passages] == [(0, 100), (100, 200), (200, 250)]


def test_a_text_file_of_over_a_million_characters_is_extracted(tmp_path, pipeline):
    path = tmp_path / "long.txt"
    path.write_text(LONG_LINE)
    (path.parent / "short.txt").write_text(GOOD)
    docs = list(pipeline.run_many(read_all(tmp_path)))
    assert kinds(docs) == ["Document", "Document"]
    (event,) = docs[0].events
    assert event.event == "CONSULT" and event.text.startswith("The ministers of Russia")
    assert docs[0].text[event.span[0] : event.span[1]] == event.text
    assert [e.event for e in docs[1].events] == ["CONSULT"]


def test_annotate_parses_a_passage_over_the_model_limit_in_pieces(pipeline):
    text = ("Sentence one is here. " * 30 + "The talks in Geneva ended on Friday. ") * 3
    doc = clean(Document(id="x", text=text.strip()), with_input(max_passage_chars=1_000_000))
    assert len(doc.passages) == 1
    nlp, saved = pipeline.nlp, pipeline.nlp.max_length
    nlp.max_length = 500  # as a passage of 1.1M characters against spaCy's 1,000,000
    try:
        annotate(doc, nlp)
    finally:
        nlp.max_length = saved
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
    assert sum(s.text == "The talks in Geneva ended on Friday." for s in doc.sentences) == 3
    assert all(s.span.text == s.text for s in doc.sentences)


# ---------------------------------------------------------------- dates in filters


@pytest.mark.parametrize("value", ["2021-13-45", "2021-02-30", "2021-13", "2021-00", "0000"])
def test_a_date_filter_must_be_on_the_calendar(value):
    with pytest.raises(QueryError, match="is not a date"):
        check_date("since", value)


@pytest.mark.parametrize("value", ["2021", "2021-02", "2021-02-28", "2020-02-29"])
def test_real_dates_are_accepted(value):
    assert check_date("since", value) == value


def test_the_store_refuses_an_impossible_since(tmp_path):
    with open_store(tmp_path / "events.db") as store:
        with pytest.raises(QueryError):
            store.events(since="2021-13-45")
        with pytest.raises(QueryError):
            store.count_events(until="2021-02-30")


# ---------------------------------------------------------------- CSV cells

HOSTILE = {
    "id": '=HYPERLINK("http://evil.example","click")',
    "url": "@SUM(1+1)*cmd|' /C calc'!A0",
    "date": "2021-03-01",
    "text": "Russian and American diplomats met in Washington on Monday.",
}


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(pipeline):
    doc = process_one(pipeline, document_from_json(HOSTILE))
    out = io.StringIO()
    writer = RecordWriter(out, "csv")
    for record in doc.records():
        writer.write({**record, "text": "-2+3 " + record["text"], "date_text": "+1"})
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["doc_id"] == "'" + HOSTILE["id"]
    assert row["text"].startswith("'-2+3 ") and row["date_text"] == "'+1"
    assert row["lon"] == "-77.0369"  # a number stays a number, negative or not
    assert row["event"] == "CONSULT"


def test_gdelt_export_quotes_a_formula_in_the_source_url(pipeline, tmp_path):
    doc = process_one(pipeline, document_from_json(HOSTILE))
    with open_store(tmp_path / "events.db") as store:
        store.ingest(doc)
        out = io.StringIO()
        assert export_events(store, "gdelt", out) == 1
    cells = out.getvalue().rstrip("\n").split("\t")
    assert cells[-1] == "'" + HOSTILE["url"]
    assert "-77.0369" in cells  # the action's longitude, unchanged
