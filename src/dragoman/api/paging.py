"""Cursors for /api/events: an opaque `next` token a client passes back as `cursor`.

The cursor carries the position and a fingerprint of the filters and order it was made
for, so a cursor reused with other filters is refused instead of paging wrongly.
"""

from __future__ import annotations

import base64
import hashlib
import json

from .errors import ApiError

# A cursor is ~40 characters; anything much longer was not made here (5,000 nested
# brackets raised a RecursionError in the JSON parser).
MAX_CURSOR_CHARS = 200


def _fingerprint(filters: dict, order: str) -> str:
    key = json.dumps([sorted(filters.items()), order], ensure_ascii=False)
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def encode_cursor(offset: int, filters: dict, order: str) -> str:
    raw = json.dumps({"o": offset, "f": _fingerprint(filters, order)})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, filters: dict, order: str, max_offset: int) -> int:
    """The offset a cursor holds; a 400 for anything encode_cursor did not make (Infinity,
    1e400, an offset past max_offset, deep nesting, another shape)."""
    try:
        if len(cursor) > MAX_CURSOR_CHARS:
            raise ValueError("too long")
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()), parse_constant=_refuse)
        offset, fingerprint = data["o"], data["f"]
        if type(offset) is not int or not 0 <= offset <= max_offset:
            raise ValueError("not an offset")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise ApiError(
            400, "malformed cursor; pass the `next` value of a previous page unchanged, or use offset"
        ) from exc
    if fingerprint != _fingerprint(filters, order):
        raise ApiError(
            400, "this cursor belongs to other filters or another order; start again without a cursor"
        )
    return offset


def _refuse(constant: str):
    raise ValueError(f"{constant} is not a number a cursor holds")
