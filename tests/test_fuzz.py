"""Fuzzing the readers and the JSON-record parser (issue 10) with hypothesis: whatever the
bytes of a file, a line of standard input or a posted record, the answer is a Document or an
InputError with a reason, never another exception (nor the readers' own last-resort error).

Bounded so that `make test` spends a few seconds here. Under CI (CI=true) the examples are
derandomized, so a run is reproducible; elsewhere each run explores new inputs, and a failing
one is kept in .hypothesis/ and replayed first.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman import read
from dragoman.clean import split_span
from dragoman.errors import InputError
from dragoman.model import Document
from dragoman.records import _depth_over, document_from_json, loads, nests_deeper
from dragoman.settings import Settings

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
KEYS = [
    "text",
    "maintext",
    "id",
    "dId",
    "url",
    "title",
    "source",
    "source_domain",
    "language",
    "date",
    "date_publish",
]
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".json.gz", ".jsonl.gz", ".txt.gz", ".data"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["", "None", "2021-02-30", "\ud800"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=8,
)
records = st.dictionaries(st.sampled_from(KEYS), values, max_size=5)


@st.composite
def contents(draw) -> bytes:
    """What a file might hold: JSON records (whole, in lines, cut short), text, bytes."""
    kind = draw(st.sampled_from(["record", "list", "lines", "text", "bytes", "deep"]))
    if kind == "record":
        data = json.dumps(draw(records)).encode()
    elif kind == "list":
        data = json.dumps(draw(st.lists(records | values, max_size=4))).encode()
    elif kind == "lines":
        lines = draw(
            st.lists(
                records.map(json.dumps) | st.text(max_size=20) | st.sampled_from(["", " ", "\r", "[" * 200]),
                max_size=4,
            )
        )
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
    elif kind == "text":
        data = draw(st.text(max_size=100)).encode("utf-8", "surrogatepass")
    elif kind == "deep":
        data = draw(st.sampled_from([b"[", b"{\"a\":", b"[{\"text\":"])) * draw(st.integers(1, 3000))
    else:
        data = draw(st.binary(max_size=100))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


limits = st.fixed_dictionaries(
    {
        "max_document_bytes": st.sampled_from([5_000_000, 200, 50]),
        "max_decompressed_bytes": st.sampled_from([1_000_000_000, 300, 40]),
        "max_json_depth": st.sampled_from([64, 3, 1]),
    }
)


def settings_with(values: dict) -> Settings:
    out = Settings()
    out.values["input"].update(values)
    return out


def check(items: list) -> None:
    assert items, "every input gives at least one item"
    for item in items:
        assert isinstance(item, (Document, InputError)), item
        if isinstance(item, InputError):
            assert item.reason and read.INTERNAL not in item.reason, item.reason
        else:
            assert isinstance(item.text, str) and item.text.strip()
            for value in (item.text, item.id, item.url, item.title, item.source, item.date):
                assert value is None or isinstance(value, str) and value.encode("utf-8")


@FUZZ
@given(data=contents(), suffix=st.sampled_from(SUFFIXES), gzipped=st.booleans(), limit=limits)
def test_any_file_gives_documents_or_input_errors(data, suffix, gzipped, limit):
    if suffix.endswith(".gz") and gzipped:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        check(list(read.iter_documents([str(path)], settings_with(limit))))


@FUZZ
@given(data=contents(), limit=limits)
def test_any_standard_input_gives_documents_or_input_errors(data, limit):
    stdin = type("Stdin", (), {"buffer": io.BytesIO(data)})()
    check(list(read.iter_documents(["-"], settings_with(limit), stdin=stdin)))


@FUZZ
@given(record=records | values, limit=limits)
def test_any_posted_record_gives_a_document_or_an_input_error(record, limit):
    check([document_from_json(record, settings_with(limit), default_id="api-1")])


@FUZZ
@given(value=values, depth=st.integers(1, 6))
def test_the_text_depth_check_agrees_with_the_parsed_depth(value, depth):
    text = json.dumps(value)
    assert nests_deeper(text, depth) == _depth_over(value, depth)
    try:
        assert json.dumps(loads(text, depth, "-", "")) == text
    except InputError:
        assert _depth_over(value, depth)


@FUZZ
@given(text=st.text(max_size=200))
def test_loads_gives_a_value_or_an_input_error(text):
    try:
        loads(text, 64, "-", "")
    except InputError:
        pass


@FUZZ
@given(
    lines=st.lists(st.sampled_from(["", " ", "\t", "\r", "a", "{}", "x" * 9, "  b "]), max_size=30),
    chunk=st.integers(1, 8),
    limit=st.integers(1, 12),
)
def test_jsonl_lines_read_in_chunks_are_the_file_lines(lines, chunk, limit):
    data = "\n".join(lines).encode()
    expected = [
        (n, line if len(line) <= limit else None)
        for n, line in enumerate(io.BytesIO(data).readlines(), 1)
        if line.strip()
    ]
    saved, read.READ_CHUNK = read.READ_CHUNK, chunk
    try:
        assert list(read._capped_lines(io.BytesIO(data), limit)) == expected
    finally:
        read.READ_CHUNK = saved


@FUZZ
@given(text=st.text(st.sampled_from("ab. !?\"')"), max_size=300), limit=st.integers(1, 40))
def test_a_split_passage_keeps_every_character_but_the_spaces_cut_at(text, limit):
    pieces = split_span(text, 0, len(text), limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end - start <= limit for start, end in pieces)
    for (_, end), (start, _) in zip(pieces, pieces[1:]):
        assert end <= start and not text[end:start].strip(" ")
