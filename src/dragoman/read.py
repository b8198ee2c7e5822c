"""Read stage: files, directories and standard input become Documents.

Every input ends as a Document or an InputError that says why and what to do next;
nothing is dropped silently and a bad input never stops the others (DESIGN.md "Input").

Formats: .txt/.md (one document; a leading `date YYYY-MM-DD` is metadata), .html/.htm
(article text via trafilatura), .json (an object or a list of objects), .jsonl (one object
a line), any of these gzipped (.gz), a directory (recursively), and "-" for standard input.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
import zlib
from pathlib import Path
from typing import IO, Iterator

from .errors import InputError
from .model import Document
from .settings import Settings

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
FORMATS_READ = (".txt and .md (text), .html and .htm, .json, .jsonl, "
                "the same gzipped (.gz), a directory, or - for standard input")
EMPTY = "empty file: nothing to extract"
NO_TEXT = "no 'text' (or 'maintext') field: add the article text under 'text'"
READ_CHUNK = 1 << 20
# A share of undecodable characters above which "text with a few bad bytes" becomes "binary".
MAX_BAD_BYTE_SHARE = 0.1
# `date 2020-03-11` (optionally `date:` and a time) at the very start is metadata, not text;
# the text may continue on the same line, as in the first seed.
METADATA_DATE = re.compile(
    r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?[ \t]*\n?",
    re.IGNORECASE)
ISO_DATE = re.compile(r"\A\s*(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T ]|\b)")


def iter_documents(paths: list[str], settings: Settings | None = None,
                   stdin: IO | None = None) -> Iterator[Document | InputError]:
    """Yield a Document or an InputError for every input, in input order."""
    limit = _max_bytes(settings)
    for path in paths:
        if path == "-":
            yield from _guard("-", _read_stdin(stdin if stdin is not None else sys.stdin, limit))
        else:
            yield from _read_path(Path(path), limit)


def read_text_document(text: str, doc_id: str, date: str | None = None) -> Document:
    """A Document from a string, for library users and the API (a leading date line is metadata)."""
    doc = _text_document(text, doc_id, origin=doc_id)
    if date:
        _set_date(doc, date)
    return doc


# ---------------------------------------------------------------- paths and directories

def _read_path(path: Path, limit: int) -> Iterator[Document | InputError]:
    if path.is_dir():
        for file in _files_under(path):
            yield from _guard(str(file), _read_file(file, limit))
    elif path.exists():
        yield from _guard(str(path), _read_file(path, limit))
    else:
        yield InputError(str(path), "no such file or directory: check the path")


def _files_under(root: Path) -> list[Path]:
    # Hidden files and folders (.git, .DS_Store) are never news articles.
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not any(part.startswith(".")
                                             for part in p.relative_to(root).parts))


def _guard(source: str, items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    """Turn a problem that ends one input into a yielded InputError."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}; "
                         "check the file's permissions")


def _read_file(path: Path, limit: int) -> Iterator[Document | InputError]:
    suffix, stem = _format_of(path)
    origin = str(path)
    if suffix == ".jsonl":
        with _open_binary(path) as stream:
            yield from _jsonl_documents(stream, stem, origin, limit)
        return
    if path.suffix.lower() != ".gz" and path.stat().st_size > limit:
        raise InputError(origin, _too_large(limit, path.stat().st_size))
    with _open_binary(path) as stream:
        raw = _read_capped(stream, limit, origin)
    yield from _documents_from_bytes(raw, suffix, stem, origin)


def _format_of(path: Path) -> tuple[str, str]:
    """The format suffix (".txt", ".jsonl" ...) and the stem, looking through a .gz."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    inner = Path(name)
    return inner.suffix.lower(), inner.stem if inner.suffix else name


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return _GzipReader(path)
    return open(path, "rb")


class _GzipReader:
    """gzip.open whose corrupt-data errors become InputErrors naming the file."""

    def __init__(self, path: Path):
        self.path = path
        self.stream = gzip.open(path, "rb")

    def read(self, size: int = -1) -> bytes:
        return self._checked(self.stream.read, size)

    def readline(self, size: int = -1) -> bytes:
        return self._checked(self.stream.readline, size)

    def _checked(self, method, size):
        try:
            return method(size)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(str(self.path), f"not a valid gzip file ({exc}); "
                             "re-compress it with gzip or give the uncompressed file") from exc

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stream.close()


# ---------------------------------------------------------------- size limits

def _max_bytes(settings: Settings | None) -> int:
    return int((settings or Settings()).get("input", "max_document_bytes"))


def _read_capped(stream: IO[bytes], limit: int, origin: str) -> bytes:
    """Read at most limit bytes; refuse (without reading on) when there is more."""
    chunks, size = [], 0
    # In chunks: gzip's read(n) would hold several copies of n bytes at once.
    while size <= limit and (chunk := stream.read(min(READ_CHUNK, limit + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputError(origin, _too_large(limit))
    return b"".join(chunks)


def _too_large(limit: int, size: int | None = None) -> str:
    what = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return (f"document too large: {what}, the limit is {limit:,} bytes; split it, or raise the "
            f"limit with a --config file containing [input] max_document_bytes = {limit * 4}")


# ---------------------------------------------------------------- decoding

def _decode(raw: bytes, origin: str) -> tuple[str, list[str]]:
    """Text and warnings; binary input is refused, invalid UTF-8 is replaced and reported."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), []
    if b"\x00" in raw:
        raise InputError(origin, _binary_reason("contains NUL bytes"))
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8-sig", errors="replace")
        if text.count("\ufffd") > MAX_BAD_BYTE_SHARE * max(len(text), 1):
            raise InputError(origin, _binary_reason("is not UTF-8 text")) from exc
        return text, [f"invalid UTF-8 at byte {exc.start} decoded with U+FFFD; "
                      "re-save the file as UTF-8"]


def _binary_reason(why: str) -> str:
    return f"binary file ({why}): dragoman reads {FORMATS_READ}; convert it to one of these"


def _documents_from_bytes(raw: bytes, suffix: str, stem: str,
                          origin: str) -> Iterator[Document | InputError]:
    text, warnings = _decode(raw, origin)
    if not text.strip():
        raise InputError(origin, EMPTY)
    if suffix == ".json":
        docs = _json_documents(text, stem, origin)
    elif suffix in HTML_SUFFIXES:
        docs = iter([_html_document(text, stem, origin)])
    else:  # .txt, .md, and anything else that decodes as text
        docs = iter([_text_document(text, stem, origin)])
    for doc in docs:
        if isinstance(doc, Document):
            doc.warnings[:0] = warnings
        yield doc


# ---------------------------------------------------------------- text and HTML

def _text_document(text: str, doc_id: str, origin: str) -> Document:
    match = METADATA_DATE.match(text)
    doc = Document(id=doc_id, text=text[match.end():] if match else text, origin=origin)
    if match:
        _set_date(doc, match.group(1))
    return doc


def _html_document(html: str, doc_id: str, origin: str) -> Document:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise InputError(origin, "no article text found in the HTML page; "
                         "save the article text as .txt or check that the page has content")
    doc = Document(id=doc_id, text=found.text, url=found.url, title=found.title, origin=origin)
    if found.date:
        _set_date(doc, found.date)
    return doc


# ---------------------------------------------------------------- JSON and JSON Lines

def _json_documents(text: str, stem: str, origin: str) -> Iterator[Document | InputError]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"invalid JSON: {exc}; fix the file, or use .jsonl "
                         "with one object a line") from exc
    if isinstance(value, list):
        for index, record in enumerate(value, start=1):
            yield _guarded_record(record, f"{stem}-{index}", f"{origin}[{index}]")
    else:
        yield document_from_record(value, stem, origin)


def _jsonl_documents(lines, stem: str, origin: str, limit: int) -> Iterator[Document | InputError]:
    seen_any = False
    for lineno, raw in _capped_lines(lines, limit):
        source = f"{origin}:{lineno}"
        if raw is None:
            yield InputError(source, _too_large(limit))
            seen_any = True
            continue
        if not raw.strip():
            continue
        seen_any = True
        yield _jsonl_line(raw, stem, lineno, source)
    if not seen_any:
        yield InputError(origin, EMPTY)


def _jsonl_line(raw: bytes, stem: str, lineno: int, source: str) -> Document | InputError:
    try:
        text, warnings = _decode(raw, source)
        record = json.loads(text)
    except InputError as exc:
        return exc
    except json.JSONDecodeError as exc:
        return InputError(source, f"invalid JSON: {exc}; fix or remove this line "
                          "(the other lines are read)")
    doc = _guarded_record(record, f"{stem}-{lineno}", source)
    if isinstance(doc, Document):
        doc.warnings[:0] = warnings
    return doc


def _capped_lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over the limit, which is skipped unread."""
    lineno = 0
    while line := stream.readline(limit + 1):
        lineno += 1
        if len(line) > limit:
            _skip_rest_of_line(stream, line)
            yield lineno, None
        else:
            yield lineno, line


def _skip_rest_of_line(stream, line: bytes) -> None:
    while line and not line.endswith(b"\n"):
        line = stream.readline(1 << 20)


def _guarded_record(record, default_id: str, origin: str) -> Document | InputError:
    try:
        return document_from_record(record, default_id, origin)
    except InputError as exc:
        return exc


def document_from_record(record, default_id: str, origin: str) -> Document:
    """A Document from one JSON object (dragoman or news-please fields)."""
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object with a 'text' field, "
                         f"got {type(record).__name__}")
    text = _first(record, "text", "maintext")
    if text is None:
        raise InputError(origin, NO_TEXT)
    if not isinstance(text, str):
        raise InputError(origin, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(origin, "empty 'text' field: nothing to extract")
    doc = Document(id=str(_first(record, "id", "dId") or default_id), text=text,
                   url=_first(record, "url"), title=_first(record, "title"),
                   source=_first(record, "source", "source_domain"),
                   language=_first(record, "language"), origin=origin)
    date = _first(record, "date", "date_publish")
    if date:
        _set_date(doc, str(date))
    return doc


def _first(record: dict, *keys: str):
    """The first present, non-null, non-empty value among keys (news-please writes nulls)."""
    for key in keys:
        value = record.get(key)
        if value not in (None, "", "None"):
            return value
    return None


# ---------------------------------------------------------------- standard input

def _read_stdin(stdin: IO, limit: int) -> Iterator[Document | InputError]:
    stream = getattr(stdin, "buffer", stdin)
    first = stream.readline(limit + 1)
    if isinstance(first, str):  # a text stream without .buffer (io.StringIO in tests)
        stream, first = _BytesOf(stream), first.encode("utf-8")
    start = first.lstrip()[:1]
    if start == b"{" and len(first) <= limit and _is_json_object(first):
        yield from _jsonl_documents(_Prepended(first, stream), "stdin", "-", limit)
        return
    raw = first if len(first) > limit else first + _read_capped(stream, limit - len(first), "-")
    if len(raw) > limit:
        raise InputError("-", _too_large(limit))
    suffix = ".json" if start in (b"{", b"[") else ".txt"
    yield from _documents_from_bytes(raw, suffix, "stdin", "-")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


class _Prepended:
    """A stream that first gives back the line already read for sniffing."""

    def __init__(self, first: bytes, stream):
        self.first, self.stream = first, stream

    def readline(self, size: int = -1) -> bytes:
        if self.first:
            line, self.first = self.first, b""
            return line
        return self.stream.readline(size)


class _BytesOf:
    """Bytes out of a text stream."""

    def __init__(self, stream):
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        return self.stream.read(size).encode("utf-8")

    def readline(self, size: int = -1) -> bytes:
        return self.stream.readline(size).encode("utf-8")


# ---------------------------------------------------------------- dates

def normalise_date(value: str) -> str | None:
    """'YYYY-MM-DD' from ISO dates and datetimes ('2017-09-15T00:00:00'), else None."""
    match = ISO_DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def _set_date(doc: Document, value: str) -> None:
    date = normalise_date(value)
    if date:
        doc.date, doc.date_source = date, "metadata"
    else:
        doc.warnings.append(f"date {value!r} not understood (expected YYYY-MM-DD); "
                            "the date will be taken from the text")
