"""The ASGI application: the JSON API and the page, over one store.

    from dragoman.api import create_app
    app = create_app("dragoman.db", token="s3cret")   # serve with uvicorn, or test with httpx

Reading needs nothing; writing (POST /api/documents) needs the token the server was
started with. Without a token the server is read-only and says so.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from ..store import open_store
from .errors import install_error_handlers
from .cluster_views import router as cluster_router
from .views import router

DEFAULT_MAX_BODY_BYTES = 10_000_000
# The page loads only what dragoman serves; news text can never bring in a script,
# even if a rendering bug let markup through (the page escapes it in the first place).
SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


class Service:
    """What the views share: the store, the write token, and the pipeline, loaded on first use."""

    def __init__(self, db: str, token: str | None, max_body_bytes: int,
                 settings: Settings | None, pipeline=None):
        self.db = db
        self.store = open_store(db)
        self.token = token or None
        self.max_body_bytes = max_body_bytes
        self.settings = settings
        self._pipeline = pipeline
        # spaCy and the resolvers are not meant for concurrent use; ingestion is rare.
        self._pipeline_lock = threading.Lock()

    @property
    def writable(self) -> bool:
        return self.token is not None

    def pipeline(self):
        if self._pipeline is None:
            from ..pipeline import Pipeline
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def process(self, items: list) -> list:
        """Run the pipeline over Documents (InputErrors pass through), one batch at a time."""
        with self._pipeline_lock:
            return list(self.pipeline().run_many(items))


def create_app(db: str, token: str | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
               settings: Settings | None = None, pipeline=None) -> FastAPI:
    """The app over the store at `db` (a path or URL, as open_store takes).

    pipeline: an already loaded dragoman.pipeline.Pipeline to share (tests), else one
    is loaded on the first POST /api/documents.
    """
    service = Service(db, token, max_body_bytes, settings, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        service.store.close()

    app = FastAPI(title="dragoman", version=__version__, lifespan=lifespan,
                  description="Event data (PLOVER) extracted from news: events, actors, "
                              "documents and timelines. Errors always have the shape "
                              '{"error": {"status": N, "message": "..."}}.',
                  # The interactive docs pages load their scripts from a CDN: off, since
                  # dragoman works offline. The schema itself is at /openapi.json.
                  docs_url=None, redoc_url=None)
    app.state.service = service
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(cluster_router)  # /api/clusters (api/cluster_views.py)
    app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def static_dir():
    return resources.files("dragoman.web").joinpath("static")
