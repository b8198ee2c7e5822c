"""What the routes share: the store, the write token, and the pipeline, loaded on first use."""
from __future__ import annotations

import threading

from fastapi import Request

from ..settings import Settings
from ..store import open_store


class Service:
    """One per app (app.state.service): the store it serves and how it accepts writes."""

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


def service_of(request: Request) -> Service:
    return request.app.state.service
