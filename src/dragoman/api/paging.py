"""Cursors for /api/events: an opaque `next` token a client passes back as `cursor`.

The cursor carries the position and a fingerprint of the filters and order it was made
for, so a cursor reused with other filters is refused instead of paging wrongly.
"""
from __future__ import annotations

import base64
import hashlib
import json

from .errors import ApiError


def _fingerprint(filters: dict, order: str) -> str:
    key = json.dumps([sorted(filters.items()), order], ensure_ascii=False)
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def encode_cursor(offset: int, filters: dict, order: str) -> str:
    raw = json.dumps({"o": offset, "f": _fingerprint(filters, order)})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, filters: dict, order: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        offset, fingerprint = int(data["o"]), data["f"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ApiError(400, "malformed cursor; pass the `next` value of a previous "
                            "page unchanged, or use offset") from exc
    if offset < 0 or fingerprint != _fingerprint(filters, order):
        raise ApiError(400, "this cursor belongs to other filters or another order; "
                            "start again without a cursor")
    return offset
