"""The ASGI application: the JSON API and the page, over one store.

    from dragoman.api import create_app
    app = create_app("dragoman.db", token="s3cret")   # serve with uvicorn, or test with httpx

Reading needs nothing; writing (POST /api/documents) needs the token the server was
started with. Without a token the server is read-only and says so.
"""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from ..web import static_dir
from .errors import install_error_handlers
from .hosts import AllowedHosts
from .routes import router
from .service import Service

DEFAULT_MAX_BODY_BYTES = 10_000_000
# The page loads only what dragoman serves; news text can never bring in a script,
# even if a rendering bug let markup through (the page escapes it in the first place).
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def create_app(
    db: str,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    settings: Settings | None = None,
    pipeline=None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app over the store at `db` (a path or URL, as open_store takes).

    pipeline: an already loaded dragoman.pipeline.Pipeline to share (tests), else one
    is loaded on the first POST /api/documents.
    allowed_hosts: the Host names it answers (any other: 400; see hosts.py); None: any
    (`dragoman serve` always gives them).
    """
    service = Service(db, token, max_body_bytes, settings, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.store.close()

    app = FastAPI(
        title="dragoman",
        version=__version__,
        lifespan=lifespan,
        # One schema per model: a field with a default may be left out.
        separate_input_output_schemas=False,
        description="Event data (PLOVER) extracted from news: events, actors, "
        "documents and timelines. Errors always have the shape "
        '{"error": {"status": N, "message": "..."}}.',
        # The interactive docs pages load their scripts from a CDN: off, since
        # dragoman works offline. The schema itself is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    install_error_handlers(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    if allowed_hosts is not None:  # (added last: the outermost, before anything runs)
        app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    return app
