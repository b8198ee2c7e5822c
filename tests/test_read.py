"""The read stage: every input becomes a Document or an InputError with its reason."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from dragoman.errors import InputError
from dragoman.model import Document
from dragoman.read import iter_documents, normalise_date, read_text_document
from dragoman.settings import Settings

REPO = Path(__file__).parents[1]
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "read"
CORPUS = REPO.parent / "shared" / "corpus" / "news-clusters" / "data"
SEED_WITH_DATE = EXAMPLES / "000_46aeba82567c844a.txt"


def read_all(*paths, **kwargs) -> list[Document | InputError]:
    return list(iter_documents([str(p) for p in paths], **kwargs))


def read_one(path, **kwargs) -> Document | InputError:
    (item,) = read_all(path, **kwargs)
    return item


def small_limit(limit: int) -> Settings:
    settings = Settings()
    settings.values["input"]["max_document_bytes"] = limit
    return settings


# ---------------------------------------------------------------- text


def test_leading_date_line_is_metadata_not_text():
    doc = read_one(SEED_WITH_DATE)
    assert doc.id == "000_46aeba82567c844a"
    assert (doc.date, doc.date_source) == ("2020-03-11", "metadata")
    assert doc.text.startswith('"We highly appreciate')
    assert "date 2020" not in doc.text
    assert doc.origin == str(SEED_WITH_DATE)


def test_text_without_date_line_is_kept_whole(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("The date of the summit is not known yet.\n")
    doc = read_one(path)
    assert doc.id == "note"
    assert doc.text == "The date of the summit is not known yet.\n"
    assert doc.date is None and doc.date_source is None


def test_read_text_document_for_library_users():
    doc = read_text_document("date 2021-06-02\nThe talks ended.", "talks")
    assert (doc.id, doc.text, doc.date) == ("talks", "The talks ended.", "2021-06-02")
    doc = read_text_document("The talks ended.", "talks", date="2021-06-02T10:00:00")
    assert (doc.date, doc.date_source) == ("2021-06-02", "metadata")


def test_unknown_extension_that_decodes_is_read_as_text(tmp_path):
    path = tmp_path / "article.story"
    path.write_text("Rebels seized the airport.")
    doc = read_one(path)
    assert (doc.id, doc.text) == ("article", "Rebels seized the airport.")


# ---------------------------------------------------------------- HTML


def test_html_article_text_and_metadata():
    doc = read_one(FIXTURES / "article.html")
    assert doc.id == "article"
    assert "signed an agreement on Thursday" in doc.text
    assert "Sport" not in doc.text  # the navigation menu is not article text
    assert doc.title == "Ministers agree on river treaty"
    assert doc.url == "https://gazette.example.org/2021/06/river-treaty"
    assert (doc.date, doc.date_source) == ("2021-06-03", "metadata")


def test_html_without_article_is_reported(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a;</script></body></html>")
    error = read_one(path)
    assert isinstance(error, InputError)
    assert "no article text" in error.reason


# ---------------------------------------------------------------- JSON and JSON Lines


def test_jsonl_fields_ids_origins_and_a_malformed_line():
    path = FIXTURES / "docs.jsonl"
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "InputError", "Document"]
    first, second, bad, news_please = items
    assert (first.id, first.url, first.title, first.source, first.language) == (
        "a1",
        "https://example.org/a1",
        "Bridge opens",
        "example.org",
        "en",
    )
    assert first.origin == f"{path}:1"
    assert (second.id, second.date) == ("docs-2", "2021-06-02")  # no id: stem-line
    assert bad.source == f"{path}:3" and "invalid JSON" in bad.reason
    assert (news_please.id, news_please.text, news_please.date, news_please.source) == (
        "a5",
        "Farmers blocked the motorway with tractors.",
        "2021-06-04",
        "news.example.com",
    )
    assert news_please.origin == f"{path}:5"  # the blank line 4 is skipped, numbering is not


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "many.json").write_text(
        json.dumps([{"id": "x", "text": "Troops withdrew."}, {"text": "Talks resumed."}])
    )
    (tmp_path / "one.json").write_text(json.dumps({"text": "Talks resumed.", "date": "2020-01-02"}))
    many_x, many_2, one = read_all(tmp_path)
    assert (many_x.id, many_2.id, one.id, one.date) == ("x", "many-2", "one", "2020-01-02")


def test_json_without_text_is_reported(tmp_path):
    path = tmp_path / "notext.json"
    path.write_text(json.dumps({"id": "n", "title": "Only a title"}))
    error = read_one(path)
    assert isinstance(error, InputError)
    assert error.reason == "no 'text' (or 'maintext') field: add the article text under 'text'"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
def test_news_please_corpus_file_uses_did_and_date_publish():
    path = sorted(CORPUS.glob("*.json"))[0]
    record = json.loads(path.read_text())
    doc = read_one(path)
    assert doc.id == record["dId"]
    assert doc.text == record["text"]
    assert doc.date == record["date_publish"][:10]
    assert doc.source == record["source_domain"] and doc.url == record["url"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not present")
def test_whole_corpus_directory_reads_without_errors():
    items = read_all(CORPUS)
    assert len(items) == len(list(CORPUS.glob("*.json")))
    assert all(isinstance(i, Document) and i.text for i in items)


# ---------------------------------------------------------------- gzip, directories, stdin


def test_gzipped_text_and_jsonl(tmp_path):
    with gzip.open(tmp_path / "story.txt.gz", "wt") as out:
        out.write(" date 2019-05-05 Protesters marched in the capital.")
    with gzip.open(tmp_path / "batch.jsonl.gz", "wt") as out:
        out.write('{"text": "Talks failed."}\n{"text": "Talks resumed."}\n')
    batch_1, batch_2, story = read_all(tmp_path)
    assert (story.id, story.date, story.text) == ("story", "2019-05-05", "Protesters marched in the capital.")
    assert (batch_1.id, batch_2.id) == ("batch-1", "batch-2")
    assert batch_2.origin == f"{tmp_path / 'batch.jsonl.gz'}:2"


def test_corrupt_gzip_is_reported(tmp_path):
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(b"this is not gzip at all")
    error = read_one(path)
    assert isinstance(error, InputError) and "not a valid gzip file" in error.reason


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("Not news.")
    assert [d.text for d in read_all(tmp_path)] == ["First.", "Second."]


def test_stdin_text_jsonl_and_json_object():
    (text,) = read_all("-", stdin=io.StringIO("Rebels attacked a convoy."))
    assert (text.id, text.text, text.origin) == ("stdin", "Rebels attacked a convoy.", "-")
    lines = io.BytesIO(b'{"id": "s1", "text": "One."}\n{"text": "Two."}\n')
    one, two = read_all("-", stdin=lines)
    assert (one.id, two.id, two.origin) == ("s1", "stdin-2", "-:2")
    pretty = io.BytesIO(json.dumps({"id": "p", "text": "Pretty."}, indent=2).encode())
    assert [d.id for d in read_all("-", stdin=pretty)] == ["p"]


def test_inputs_keep_their_order_and_errors_do_not_stop_the_run(tmp_path):
    (tmp_path / "ok.txt").write_text("Fine.")
    items = read_all(tmp_path / "missing.txt", tmp_path / "ok.txt")
    assert isinstance(items[0], InputError) and items[1].text == "Fine."


# ---------------------------------------------------------------- bad input


def test_missing_path(tmp_path):
    error = read_one(tmp_path / "nope.txt")
    assert isinstance(error, InputError)
    assert error.source == str(tmp_path / "nope.txt")
    assert error.reason.startswith("no such file or directory")


def test_empty_file(tmp_path):
    for name, content in [("empty.txt", ""), ("blank.md", "  \n\n"), ("empty.jsonl", "\n")]:
        (tmp_path / name).write_text(content)
        error = read_one(tmp_path / name)
        assert isinstance(error, InputError), name
        assert error.reason == "empty file: nothing to extract"


def test_binary_file_is_refused_with_the_formats_read(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02" + bytes(range(256)) * 4)
    error = read_one(path)
    assert isinstance(error, InputError)
    assert "binary file" in error.reason and ".jsonl" in error.reason and ".html" in error.reason


def test_invalid_utf8_is_replaced_and_reported(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("The café in Zürich closed.".encode("latin-1"))
    doc = read_one(path)
    assert doc.text == "The caf\ufffd in Z\ufffdrich closed."
    assert doc.warnings == ["invalid UTF-8 at byte 7 decoded with U+FFFD; re-save the file as UTF-8"]


def test_invalid_utf8_in_one_jsonl_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "Caf\xe9 bombed."}\n{"text": "Fine."}\n')
    bad, good = read_all(path)
    assert bad.text == "Caf\ufffd bombed." and "invalid UTF-8" in bad.warnings[0]
    assert good.warnings == []


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:  # a sparse 20 MB file
        out.truncate(20_000_000)
    tracemalloc.start()
    error = read_one(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(error, InputError)
    assert "5,000,000" in error.reason and "max_document_bytes" in error.reason
    assert "--config" in error.reason
    assert peak < 1_000_000


def test_too_large_gzip_stream_is_refused_after_the_cap(tmp_path):
    path = tmp_path / "huge.txt.gz"
    with gzip.open(path, "wb") as out:
        out.write(b"word " * 4_000_000)  # 20 MB of text, a few KB compressed
    tracemalloc.start()
    error = read_one(path, settings=small_limit(1_000_000))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(error, InputError) and "more than 1,000,000 bytes" in error.reason
    assert peak < 5_000_000  # read up to the 1 MB cap, never the 20 MB


def test_too_large_stdin_and_jsonl_line(tmp_path):
    settings = small_limit(100)
    (error,) = read_all("-", stdin=io.BytesIO(b"x" * 500), settings=settings)
    assert isinstance(error, InputError) and error.source == "-"
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": "y" * 300}) + "\n" + json.dumps({"text": "short"}) + "\n")
    long_line, short = read_all(path, settings=settings)
    assert isinstance(long_line, InputError) and long_line.source == f"{path}:1"
    assert short.text == "short" and short.origin == f"{path}:2"


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2017-09-15", "2017-09-15"),
        ("2017-09-15T00:00:00", "2017-09-15"),
        ("2017-09-15 10:00:00", "2017-09-15"),
        ("2017/09/15", "2017-09-15"),
        ("2017-02-30", None),
        ("15 September 2017", None),
        ("None", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_unreadable_date_is_a_warning_not_an_error(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"text": "Talks.", "date": "last Tuesday"}))
    doc = read_one(path)
    assert doc.date is None and "not understood" in doc.warnings[0]
