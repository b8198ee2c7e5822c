"""Access to the app's shared Service from a request (kept apart to avoid an import cycle)."""
from __future__ import annotations

from fastapi import Request


def service_of(request: Request):
    return request.app.state.service
