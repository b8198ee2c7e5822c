"""JSON records become Documents: the one parser behind the .json and .jsonl readers, the
Ray engine's shards and the API's POST body, with the limits of dragoman.settings.Limits.

A record is a JSON object with dragoman's fields or news-please's (`maintext`,
`date_publish`, `source_domain`, `dId`). Whatever a record holds, the answer is a Document
or an InputError that names the field and what to do: never another exception, so one bad
record cannot stop the records around it.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from .errors import InputError, TooLarge
from .model import Document
from .settings import Limits, Settings

NO_TEXT = "no 'text' (or 'maintext') field: add the article text under 'text'"
# Document attribute -> the record keys that may give it, in order of preference.
FIELDS = {
    "id": ("id", "dId"),
    "url": ("url",),
    "title": ("title",),
    "source": ("source", "source_domain"),
    "language": ("language",),
    "date": ("date", "date_publish"),
}
# In JSON, "\ud800" is a lone half of a UTF-16 pair: Python keeps it, SQLite and UTF-8
# cannot store it.
SURROGATE = re.compile("[\ud800-\udfff]")
# For the depth check: JSON strings (brackets inside them do not nest), then all but brackets.
JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
NOT_BRACKET = re.compile(r"[^\[\]{}]+")
ISO_DATE = re.compile(r"\A\s*(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[T ]|\b)")


# ---------------------------------------------------------------- JSON text


def loads(text: str, max_depth: int, origin: str, hint: str):
    """The JSON value of text; an InputError (with `hint`, the next step) when it is not JSON
    or nests deeper than max_depth, which Python's parser would meet with a RecursionError."""
    if nests_deeper(text, max_depth):
        raise InputError(origin, _too_deep(max_depth))
    try:
        return json.loads(text)
    except RecursionError as exc:  # a max_json_depth set above what Python can parse
        raise InputError(origin, _too_deep(max_depth)) from exc
    except ValueError as exc:  # JSONDecodeError, and integers of over 4,300 digits
        raise InputError(origin, f"invalid JSON: {exc}; {hint}") from exc


def nests_deeper(text: str, limit: int) -> bool:
    """Do the arrays and objects of this JSON text nest more than `limit` levels deep?"""
    brackets = NOT_BRACKET.sub("", JSON_STRING.sub("", text))
    if brackets.count("[") + brackets.count("{") <= limit:
        return False
    depth = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _too_deep(limit: int) -> str:
    return (
        f"JSON nested more than {limit} levels deep; a news record needs 2 to 4: fix the "
        f"input, or raise the limit with a --config file containing "
        f"[input] max_json_depth = {limit * 2}"
    )


def too_large(limit: int, size: int | None = None) -> str:
    what = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return (
        f"document too large: {what}, the limit is {limit:,} bytes; split it, or raise the "
        f"limit with a --config file containing [input] max_document_bytes = {limit * 4}"
    )


# ---------------------------------------------------------------- one record


def document_from_json(
    record, settings: Settings | Limits | None = None, default_id: str = "", origin: str = "request"
) -> Document | InputError:
    """A Document, or the InputError saying why not, from one already-parsed JSON record,
    under the same limits as the CLI's readers: for the API's POST, one call per document."""
    limits = settings if isinstance(settings, Limits) else (settings or Settings()).limits()
    try:
        if _depth_over(record, limits.json_depth):
            raise InputError(origin, _too_deep(limits.json_depth))
        doc = document_from_record(record, default_id or "document", origin)
        size = sum(
            len(v.encode("utf-8"))
            for v in (doc.text, doc.id, doc.url, doc.title, doc.source, doc.language)
            if v
        )
        if size > limits.document_bytes:
            raise TooLarge(origin, too_large(limits.document_bytes, size))
        return doc
    except InputError as exc:
        return exc


def document_from_record(record, default_id: str, origin: str) -> Document:
    """A Document from one JSON object; an InputError names the field that cannot be used."""
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object with a 'text' field, got {_kind(record)}")
    text = _first(record, "text", "maintext")
    if text is None:
        raise InputError(origin, NO_TEXT)
    if not isinstance(text, str):
        raise InputError(origin, f"'text' must be a string, got {_kind(text)}")
    if not text.strip():
        raise InputError(origin, "empty 'text' field: nothing to extract")
    values = {name: _field(record, keys, origin) for name, keys in FIELDS.items()}
    date = values.pop("date")
    fields = {"text": text, **values, "id": values["id"] or default_id}
    repaired = sorted(
        name for name, value in fields.items() if isinstance(value, str) and SURROGATE.search(value)
    )
    fields.update({name: SURROGATE.sub("\ufffd", fields[name]) for name in repaired})
    doc = Document(**fields, origin=origin)
    if repaired:
        doc.warnings.append(
            f"lone UTF-16 surrogates (such as \\ud800) in {', '.join(repaired)} "
            "replaced with U+FFFD; re-export the input as valid UTF-8"
        )
    if date:
        set_date(doc, SURROGATE.sub("\ufffd", date))
    return doc


def _field(record: dict, keys: tuple[str, ...], origin: str) -> str | None:
    """The first present value among keys, as a string: `id` may be a whole number and
    `date` any number (reported as not understood); anything else must be a string."""
    value = _first(record, *keys)
    if value is None or isinstance(value, str):
        return value
    allowed = {"id": int, "date": (int, float)}.get(keys[0], ())
    if isinstance(value, allowed) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:  # an integer of over 4,300 digits
            pass
    key = next(k for k in keys if record.get(k) is value)
    raise InputError(
        origin,
        f"field {key!r} must be a string, got {_kind(value)}; fix the record (the other records are read)",
    )


def _first(record: dict, *keys: str):
    """The first present, non-null, non-empty value among keys (news-please writes nulls)."""
    for key in keys:
        value = record.get(key)
        if not (value is None or isinstance(value, str) and value in ("", "None")):
            return value
    return None


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {
        dict: "an object",
        list: "a list",
        int: "a number",
        float: "a number",
        str: "a string",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _depth_over(value, limit: int) -> bool:
    """Does a parsed value nest more than `limit` lists and objects deep? (No recursion.)"""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


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


def set_date(doc: Document, value: str) -> None:
    date = normalise_date(value)
    if date:
        doc.date, doc.date_source = date, "metadata"
    else:
        doc.warnings.append(
            f"date {value!r} not understood (expected YYYY-MM-DD); the date will be taken from the text"
        )
