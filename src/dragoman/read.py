"""Read stage: files, directories and standard input become Documents.

Every input ends as a Document or an InputError that says why and what to do next;
nothing is dropped silently and a bad input never stops the others (DESIGN.md "Input").

Formats: .txt/.md (one document; a leading `date YYYY-MM-DD` is metadata), .html/.htm
(article text via trafilatura), .json (an object or a list of objects), .jsonl (one object
a line), any of these gzipped (.gz), a directory (recursively), and "-" for standard input.

Inside a directory, hidden files and folders are left out; a symbolic link to a file is
read; a broken or looping link, a link to a folder (not followed: links may loop) and
anything that is not a regular file (a named pipe, a device) are reported, never skipped
without a word. The limits of the [input] settings (dragoman.settings.Limits) bound what
one input may cost: bytes of a document, decompressed bytes of a .gz, JSON depth.
"""

from __future__ import annotations

import errno
import gzip
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import InputError
from .model import Document

# document_from_record, document_from_json and normalise_date: imported from here by callers
from .records import (  # noqa: F401
    document_from_json,
    document_from_record,
    loads,
    normalise_date,
    set_date,
    too_large,
)
from .settings import Limits, Settings

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
FORMATS_READ = (
    ".txt and .md (text), .html and .htm, .json, .jsonl, "
    "the same gzipped (.gz), a directory, or - for standard input"
)
EMPTY = "empty file: nothing to extract"
READ_CHUNK = 1 << 20
# A run of blank lines in a JSON Lines chunk, skipped in one step (10^8 of them fit in 97 KB
# of gzip).
BLANK_LINES = re.compile(rb"[ \t\r\f\v\n]*\n")
# A share of undecodable characters above which "text with a few bad bytes" becomes "binary".
MAX_BAD_BYTE_SHARE = 0.1
# `date 2020-03-11` (optionally `date:` and a time) at the very start is metadata, not text;
# the text may continue on the same line, as in the first seed.
METADATA_DATE = re.compile(
    r"\A\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?[ \t]*\n?", re.IGNORECASE
)
JSON_HINT = "fix the file, or use .jsonl with one object a line"
JSONL_HINT = "fix or remove this line (the other lines are read)"


def iter_documents(
    paths: list[str], settings: Settings | None = None, stdin: IO | None = None
) -> Iterator[Document | InputError]:
    """Yield a Document or an InputError for every input, in input order."""
    limits = (settings or Settings()).limits()
    for path in paths:
        if path == "-":
            yield from _guard("-", _read_stdin(stdin if stdin is not None else sys.stdin, limits))
        else:
            yield from _read_path(Path(path), limits)


def read_text_document(text: str, doc_id: str, date: str | None = None) -> Document:
    """A Document from a string, for library users and the API (a leading date line is metadata)."""
    doc = _text_document(text, doc_id, origin=doc_id)
    if date:
        set_date(doc, date)
    return doc


# ---------------------------------------------------------------- paths and directories


def _read_path(path: Path, limits: Limits) -> Iterator[Document | InputError]:
    if path.is_dir():
        for file, problem in _entries_under(path):
            if problem:
                yield InputError(str(file), problem)
            else:
                yield from _guard(str(file), _read_file(file, limits))
    elif path.exists():
        yield from _guard(str(path), _read_file(path, limits))
    else:
        yield InputError(
            str(path),
            _link_problem(path) if path.is_symlink() else "no such file or directory: check the path",
        )


def _entries_under(root: Path) -> list[tuple[Path, str | None]]:
    """The files under root, sorted, each with None or the reason it cannot be read."""
    found, folders = [], [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                entries = list(entries)
        except OSError as exc:
            found.append((folder, (f"cannot read this folder: {exc.strerror or exc}; check its permissions")))
            continue
        for entry in entries:
            if entry.name.startswith("."):  # .git, .DS_Store: never news articles
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            else:
                found.append((path, _entry_problem(path)))
    return sorted(found)


def _entry_problem(path: Path) -> str | None:
    """None for a regular file (or a link to one), else why it is not read."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return _link_problem(path) if path.is_symlink() else "vanished while being read"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return (
            f"symbolic link to the folder {os.path.realpath(path)}, not followed (links may "
            "loop): give that folder as an input to read it"
        )
    return "not a regular file (a named pipe, socket or device): not read; copy its content to a file"


def _link_problem(path: Path) -> str:
    """Why a symbolic link cannot be read: it loops, or its target does not exist."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself): fix or remove it"
        return (
            f"broken symbolic link: it points to {os.readlink(path)!r}, which does not "
            "exist; fix or remove the link"
        )
    return "cannot read this link: check it"


def _guard(source: str, items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    """Turn a problem that ends one input into a yielded InputError: whatever one input holds,
    the inputs after it are read."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}; check the file's permissions")
    except Exception as exc:  # a reader bug must cost one input, not the batch
        yield InputError(
            source,
            f"{INTERNAL}: {type(exc).__name__}: {exc}; the other inputs "
            "are read. Please report this with the input",
        )


INTERNAL = "could not be read (an error in dragoman)"


def _read_file(path: Path, limits: Limits) -> Iterator[Document | InputError]:
    suffix, stem = _format_of(path)
    origin, limit = str(path), limits.document_bytes
    if suffix == ".jsonl":
        with _open_binary(path, limits) as stream:
            yield from _jsonl_documents(stream, stem, origin, limits)
        return
    if path.suffix.lower() != ".gz" and path.stat().st_size > limit:
        raise InputError(origin, too_large(limit, path.stat().st_size))
    with _open_binary(path, limits) as stream:
        raw = _read_capped(stream, limit, origin)
    yield from _documents_from_bytes(raw, suffix, stem, origin, limits)


def _format_of(path: Path) -> tuple[str, str]:
    """The format suffix (".txt", ".jsonl" ...) and the stem, looking through a .gz."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    inner = Path(name)
    return inner.suffix.lower(), inner.stem if inner.suffix else name


def _open_binary(path: Path, limits: Limits) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return _GzipReader(path, limits.decompressed_bytes)
    return open(path, "rb")


class _GzipReader:
    """gzip.open that stops at `cap` decompressed bytes (what comes before is read), and
    whose corrupt-data errors become InputErrors naming the file."""

    def __init__(self, path: Path, cap: int):
        self.path, self.cap, self.size, self.over = path, cap, 0, False
        self.stream = gzip.open(path, "rb")

    def read(self, size: int = -1) -> bytes:
        return self._checked(self.stream.read, size)

    def read1(self, size: int = -1) -> bytes:
        return self._checked(self.stream.read1, size)

    def readline(self, size: int = -1) -> bytes:
        return self._checked(self.stream.readline, size)

    def _checked(self, method, size):
        if self.over:
            raise self._over_cap()
        try:
            data = method(size)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(
                str(self.path),
                f"not a valid gzip file ({exc}); re-compress it with gzip or give the uncompressed file",
            ) from exc
        if self.size + len(data) > self.cap:  # give what fits; the next read raises
            self.over, data = True, data[: self.cap - self.size]
            if not data:
                raise self._over_cap()
        self.size += len(data)
        return data

    def _over_cap(self) -> InputError:
        return InputError(
            str(self.path),
            (
                f"decompresses to more than {self.cap:,} bytes (the documents before this point "
                "were read); split the file, or raise the limit with a --config file containing "
                f"[input] max_decompressed_bytes = {self.cap * 4}"
            ),
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stream.close()


# ---------------------------------------------------------------- size limits


def _read_capped(stream: IO[bytes], limit: int, origin: str) -> bytes:
    """Read at most limit bytes; refuse (without reading on) when there is more."""
    chunks, size = [], 0
    # In chunks: gzip's read(n) would hold several copies of n bytes at once.
    while size <= limit and (chunk := stream.read(min(READ_CHUNK, limit + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputError(origin, too_large(limit))
    return b"".join(chunks)


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
        return text, [f"invalid UTF-8 at byte {exc.start} decoded with U+FFFD; re-save the file as UTF-8"]


def _binary_reason(why: str) -> str:
    return f"binary file ({why}): dragoman reads {FORMATS_READ}; convert it to one of these"


def _documents_from_bytes(
    raw: bytes, suffix: str, stem: str, origin: str, limits: Limits
) -> Iterator[Document | InputError]:
    text, warnings = _decode(raw, origin)
    if not text.strip():
        raise InputError(origin, EMPTY)
    if suffix == ".json":
        docs = _json_documents(text, stem, origin, limits)
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
    doc = Document(id=doc_id, text=text[match.end() :] if match else text, origin=origin)
    if match:
        set_date(doc, match.group(1))
    return doc


def _html_document(html: str, doc_id: str, origin: str) -> Document:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise InputError(
            origin,
            "no article text found in the HTML page; "
            "save the article text as .txt or check that the page has content",
        )
    doc = Document(id=doc_id, text=found.text, url=found.url, title=found.title, origin=origin)
    if found.date:
        set_date(doc, found.date)
    return doc


# ---------------------------------------------------------------- JSON and JSON Lines


def _json_documents(text: str, stem: str, origin: str, limits: Limits) -> Iterator[Document | InputError]:
    value = loads(text, limits.json_depth, origin, JSON_HINT)
    if value == []:
        raise InputError(origin, "an empty JSON list: nothing to extract")
    if isinstance(value, list):
        for index, record in enumerate(value, start=1):
            yield _guarded_record(record, f"{stem}-{index}", f"{origin}[{index}]")
    else:
        yield document_from_record(value, stem, origin)


def _jsonl_documents(stream, stem: str, origin: str, limits: Limits) -> Iterator[Document | InputError]:
    seen_any, limit = False, limits.document_bytes
    for lineno, raw in _capped_lines(stream, limit):
        source = f"{origin}:{lineno}"
        seen_any = True
        if raw is None:
            yield InputError(source, too_large(limit))
            continue
        yield _jsonl_line(raw, stem, lineno, source, limits)
    if not seen_any:
        yield InputError(origin, EMPTY)


def _jsonl_line(raw: bytes, stem: str, lineno: int, source: str, limits: Limits) -> Document | InputError:
    try:
        text, warnings = _decode(raw, source)
        record = loads(text, limits.json_depth, source, JSONL_HINT)
    except InputError as exc:
        return exc
    doc = _guarded_record(record, f"{stem}-{lineno}", source)
    if isinstance(doc, Document):
        doc.warnings[:0] = warnings
    return doc


def _capped_lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line that is not blank; None for a line over the limit, whose
    bytes past the limit are not kept. Read in chunks, so that a run of blank lines costs one
    step, not one per line."""
    read = getattr(stream, "read1", None) or stream.read  # read1: what a pipe has, no waiting
    lineno, parts, size, blank = 0, [], 0, True  # the line read so far: its length, blank?
    while chunk := read(READ_CHUNK):
        at = 0
        while at < len(chunk):
            if not size and (run := BLANK_LINES.match(chunk, at)):
                lineno += chunk.count(b"\n", at, run.end())
                at = run.end()
                continue
            newline = chunk.find(b"\n", at)
            end = len(chunk) if newline < 0 else newline + 1
            piece, at = chunk[at:end], end
            blank = blank and not piece.strip()
            if size <= limit:
                parts.append(piece)
            size += len(piece)
            if newline >= 0:
                lineno += 1
                if not blank:
                    yield lineno, b"".join(parts) if size <= limit else None
                parts, size, blank = [], 0, True
    if size and not blank:
        yield lineno + 1, b"".join(parts) if size <= limit else None


def _guarded_record(record, default_id: str, origin: str) -> Document | InputError:
    try:
        return document_from_record(record, default_id, origin)
    except InputError as exc:
        return exc


# ---------------------------------------------------------------- standard input


def _read_stdin(stdin: IO, limits: Limits) -> Iterator[Document | InputError]:
    stream, limit = getattr(stdin, "buffer", stdin), limits.document_bytes
    first = stream.readline(limit + 1)
    if isinstance(first, str):  # a text stream without .buffer (io.StringIO in tests)
        stream, first = _BytesOf(stream), first.encode("utf-8")
    start = first.lstrip()[:1]
    if start == b"{" and len(first) <= limit and _is_json_object(first, limits):
        yield from _jsonl_documents(_Prepended(first, stream), "stdin", "-", limits)
        return
    raw = first if len(first) > limit else first + _read_capped(stream, limit - len(first), "-")
    if len(raw) > limit:
        raise InputError("-", too_large(limit))
    suffix = ".json" if start in (b"{", b"[") else ".txt"
    yield from _documents_from_bytes(raw, suffix, "stdin", "-", limits)


def _is_json_object(line: bytes, limits: Limits) -> bool:
    try:
        return isinstance(loads(line.decode("utf-8"), limits.json_depth, "-", ""), dict)
    except (InputError, UnicodeDecodeError):
        return False


class _Prepended:
    """A stream that first gives back the line already read for sniffing."""

    def __init__(self, first: bytes, stream):
        self.first, self.stream = first, stream

    def read1(self, size: int = -1) -> bytes:
        if self.first:
            data, self.first = self.first, b""
            return data
        return getattr(self.stream, "read1", self.stream.read)(size)


class _BytesOf:
    """Bytes out of a text stream."""

    def __init__(self, stream):
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        return self.stream.read(size).encode("utf-8")

    def readline(self, size: int = -1) -> bytes:
        return self.stream.readline(size).encode("utf-8")
