"""`dragoman serve`: the JSON API (OpenAPI at /openapi.json) and the web page."""

from .app import create_app

__all__ = ["create_app"]
