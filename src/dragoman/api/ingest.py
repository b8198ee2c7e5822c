"""POST /api/documents: who may write, how much, and turning JSON into stored events.

A request is all-or-nothing per document, never for the whole: each posted document ends
`stored`, `unchanged` or `error` (with the error's status and message) in a result of its
own, at its index, whatever its neighbours hold. Only a body that is not a document at all
(not JSON, nested too deep, not an object or a list of them) is refused whole, with a 400.
The same limits as the CLI's readers apply (records.document_from_json, [input]).
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from fastapi import Request

from ..errors import InputError, StoreError, TooLarge
from ..model import Document
from ..records import document_from_json, loads
from ..settings import Limits
from .errors import ApiError, error_body

MAX_DOCUMENTS = 1000
BODY_HINT = "send a JSON object with a 'text' field, a list of them, or {\"documents\": [...]}"
log = logging.getLogger("dragoman.api")


def check_token(service, request: Request) -> None:
    if not service.writable:
        raise ApiError(
            403,
            "this server is read-only: restart it with --token TOKEN (or DRAGOMAN_TOKEN) to accept documents",
        )
    given = _token_of(request)
    if given is None:
        raise ApiError(
            401,
            "writing needs the server's token: send the header 'Authorization: Bearer TOKEN'",
            headers={"www-authenticate": "Bearer"},
        )
    if not hmac.compare_digest(
        given.encode("utf-8", "surrogateescape"), service.token.encode("utf-8", "surrogateescape")
    ):
        raise ApiError(
            403, "wrong token: use the token the server was started with (--token or DRAGOMAN_TOKEN)"
        )


def _token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-dragoman-token") or None


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with a 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        f"request body larger than {limit:,} bytes; send fewer or smaller "
        "documents per request (or start the server with a larger "
        "--max-body)",
    )


# ---------------------------------------------------------------- the body


def records_in(body: bytes, limits: Limits) -> list:
    """The posted records, one per document; an ApiError (400, 413) when the body as a
    whole cannot be read as documents."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"the body is not UTF-8 ({exc}); {BODY_HINT}") from exc
    try:
        # The depth is checked on the text before parsing: Python's parser would meet
        # 100,000 brackets with a RecursionError.
        payload = loads(text, limits.json_depth, "the body", BODY_HINT)
    except InputError as exc:
        raise ApiError(400, f"the body is not JSON that can be read: {exc.reason}") from exc
    records = payload
    if isinstance(payload, dict):
        records = payload["documents"] if "documents" in payload else [payload]
    if not isinstance(records, list) or not records:
        raise ApiError(400, f"expected documents: {BODY_HINT}")
    if len(records) > MAX_DOCUMENTS:
        raise ApiError(
            413, f"{len(records):,} documents in one request; send at most {MAX_DOCUMENTS:,} per request"
        )
    return records


def documents_in(records: list, limits: Limits) -> list[Document | InputError]:
    """A Document, or the InputError saying why not, per record, under the [input] limits."""
    return [
        document_from_json(record, limits, _default_id(record), f"request[{i}]")
        for i, record in enumerate(records)
    ]


def _default_id(record) -> str:
    # A document posted without an id gets one from its text, so posting it twice stores
    # it once. (The text may hold a lone surrogate, "\ud800", which strict UTF-8 refuses.)
    text = record.get("text") or record.get("maintext") if isinstance(record, dict) else None
    return "api-" + hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


# ---------------------------------------------------------------- processing and storing


def ingest_documents(service, items: list[Document | InputError]) -> dict:
    """Run the pipeline, store each document in a transaction of its own, and report
    each one at its index: stored, unchanged, or the error that stopped it."""
    results = [_stored(service, i, item) for i, item in enumerate(_processed(service, items))]
    counts = {
        status: sum(r["status"] == status for r in results) for status in ("stored", "unchanged", "error")
    }
    return {
        "results": results,
        "stored": counts["stored"],
        "unchanged": counts["unchanged"],
        "failed": counts["error"],
        "events": sum(len(r.get("events", ())) for r in results),
    }


def _processed(service, items: list) -> list:
    """The pipeline's answer per item (InputErrors pass through). Should it fail outside
    its own per-document guard, each document is run again alone: only the one that
    breaks it fails."""
    try:
        return service.process(items)
    except Exception as exc:
        if len(items) == 1:
            if isinstance(items[0], InputError):
                return items
            log.exception("processing %s failed", items[0].origin)
            return [
                InputError(
                    items[0].origin,
                    f"could not be processed ({type(exc).__name__}: "
                    f"{exc}); the other documents were processed. Please report "
                    "this with the document",
                )
            ]
        return [_processed(service, [item])[0] for item in items]


def _stored(service, index: int, item: Document | InputError) -> dict:
    if isinstance(item, InputError):
        return _error(index, 413 if isinstance(item, TooLarge) else 422, item.reason, item.source)
    try:
        stored = service.store.ingest(item)
    except StoreError as exc:  # a full disk, a lock: the document was rolled back
        return _error(index, 503, f"not stored: {exc}", item.origin, item.id)
    except Exception as exc:  # a bug: this document is not stored, the others are
        log.exception("storing %s failed", item.origin)
        return _error(
            index,
            500,
            f"not stored ({type(exc).__name__}); the server log has "
            "the details, please report it with the document",
            item.origin,
            item.id,
        )
    return {
        "index": index,
        "status": "stored" if stored else "unchanged",
        "id": item.id,
        "warnings": item.warnings,
        "events": item.records(),
    }


def _error(index: int, status: int, message: str, source: str, doc_id: str | None = None) -> dict:
    found = {"index": index, "status": "error", "source": source, **error_body(status, message)}
    return found if doc_id is None else {**found, "id": doc_id}
