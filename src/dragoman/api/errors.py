"""One JSON error shape for every error the API returns.

    {"error": {"status": 404, "message": "no event 'abc'; list events at /api/events"}}

Every message says what went wrong and what to do next. Handlers here turn each kind
of failure (an unknown route, a bad filter value, a failed validation, a missing token,
a body too large, a bug) into that shape, so clients parse exactly one thing.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DragomanError, QueryTimeout, StoreError
from ..store import QueryError

log = logging.getLogger("dragoman.api")

# Starlette's defaults say what happened; these add what to do next.
_DEFAULT_MESSAGES = {
    404: "not found; the API lives under /api (see /openapi.json) and the page at /",
    405: "method not allowed on this path; see /openapi.json for the methods each path takes",
}


class ApiError(Exception):
    """An error with an HTTP status, raised by routes and turned into the error shape."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_body(status: int, message: str) -> dict:
    return {"error": {"status": status, "message": message}}


def error_response(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(QueryTimeout, _timeout_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(DragomanError, _query_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.message, exc.headers)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code in _DEFAULT_MESSAGES and message in ("Not Found", "Method Not Allowed"):
        message = _DEFAULT_MESSAGES[exc.status_code]
    return error_response(exc.status_code, message, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(
        422,
        "invalid request: "
        + "; ".join(_describe(e) for e in exc.errors())
        + "; see /openapi.json for the parameters",
    )


def _describe(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
    return f"{where or 'request'}: {error.get('msg', 'invalid')}"


async def _query_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, str(exc))


async def _timeout_error(request: Request, exc: QueryTimeout) -> JSONResponse:
    return error_response(503, str(exc))


async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
    return error_response(503, f"the store failed: {exc}")


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(
        500,
        "internal error; the server log has the details, please report it with the request that caused it",
    )
