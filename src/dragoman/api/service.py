"""What the routes share: the store, the write token, and the pipeline, loaded on first use."""

from __future__ import annotations

import asyncio
import threading

from fastapi import Request

from ..errors import UsageError
from ..settings import Settings
from ..store import open_store


class Service:
    """One per app (app.state.service): the store it serves and how it accepts writes."""

    def __init__(
        self, db: str, token: str | None, max_body_bytes: int, settings: Settings | None, pipeline=None
    ):
        self.db = db
        self.settings = settings or Settings.load()
        self.limits = self.settings.limits()  # the [input] limits, as the CLI applies them
        timeout = query_timeout(self.settings)
        self.store = open_store(db)
        # Each request's reads on a connection of their own, each statement time-limited.
        self.store.serve_reads(timeout)
        self.token = token or None
        self.max_body_bytes = max_body_bytes
        self._pipeline = pipeline
        # spaCy and the resolvers are not meant for concurrent use; ingestion is rare.
        self._pipeline_lock = threading.Lock()
        # POSTs wait their turn here, in the event loop, not in a worker thread each: 50
        # waiting POSTs would otherwise take every thread the GETs need.
        self.writing = asyncio.Lock()

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
        from ..run import run

        with self._pipeline_lock:  # through the one runner, on the pipeline loaded once
            return list(run(items, pipeline=self.pipeline()))


def query_timeout(settings: Settings) -> float:
    value = settings.get("server", "query_timeout")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise UsageError(
            f"[server] query_timeout = {value!r} in the settings is not a "
            "positive number of seconds; fix it in your --config file"
        )
    return float(value)


def service_of(request: Request) -> Service:
    return request.app.state.service
