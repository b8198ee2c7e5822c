"""POST /api/documents: who may write, how much, and turning JSON into stored events."""
from __future__ import annotations

import hashlib
import hmac
import json
import threading

from fastapi import Request

from ..errors import InputError
from ..read import document_from_record
from ..run import Result, run
from .errors import ApiError

MAX_DOCUMENTS = 1000
# One request at a time through the pipeline: spaCy and the resolvers are not meant for
# concurrent use, and every pipeline of the process shares the loaded spaCy model.
_ONE_AT_A_TIME = threading.Lock()


def check_token(service, request: Request) -> None:
    if not service.writable:
        raise ApiError(403, "this server is read-only: restart it with --token TOKEN "
                            "(or DRAGOMAN_TOKEN) to accept documents")
    given = _token_of(request)
    if given is None:
        raise ApiError(401, "writing needs the server's token: send the header "
                            "'Authorization: Bearer TOKEN'",
                       headers={"www-authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), service.token.encode()):
        raise ApiError(403, "wrong token: use the token the server was started with "
                            "(--token or DRAGOMAN_TOKEN)")


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
    return ApiError(413, f"request body larger than {limit:,} bytes; send fewer or smaller "
                         "documents per request (or start the server with a larger "
                         "--max-body)")


def parse_json(body: bytes):
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, f"the body is not JSON ({exc}); send a JSON object with a "
                            "'text' field, or a list of them") from exc


def documents_in(payload) -> list[Result]:
    """Documents (or the reason each record is unusable) from the posted JSON."""
    records = payload.get("documents") if isinstance(payload, dict) and \
        "documents" in payload else payload
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not records:
        raise ApiError(400, "expected a JSON object with a 'text' field, a non-empty list "
                            "of them, or {\"documents\": [...]}")
    if len(records) > MAX_DOCUMENTS:
        raise ApiError(413, f"{len(records)} documents in one request; send at most "
                            f"{MAX_DOCUMENTS} per request")
    return [_document(record, i) for i, record in enumerate(records)]


def _document(record, index: int) -> Result:
    origin = f"request[{index}]"
    try:
        return document_from_record(record, _default_id(record), origin)
    except InputError as exc:
        return exc


def _default_id(record) -> str:
    # A document posted without an id gets one from its text, so posting it twice
    # stores it once.
    text = record.get("text") or record.get("maintext") if isinstance(record, dict) else None
    return "api-" + hashlib.sha1(str(text).encode()).hexdigest()[:16]


def process(service, items: list[Result]) -> list[Result]:
    """The posted items through the one runner, on the service's pipeline (loaded once)."""
    with _ONE_AT_A_TIME:
        return list(run(items, pipeline=service.pipeline()))


def ingest_items(service, items: list[Result]) -> dict:
    """Run the pipeline, store each document, and report per document."""
    processed = process(service, items)
    documents, errors = [], []
    for i, item in enumerate(processed):
        if isinstance(item, InputError):
            errors.append({"index": i, "source": item.source, "reason": item.reason})
            continue
        stored = service.store.ingest(item)
        documents.append({"id": item.id, "stored": stored, "warnings": item.warnings,
                          "events": item.records()})
    return {"documents": documents, "errors": errors,
            "events": sum(len(d["events"]) for d in documents)}
