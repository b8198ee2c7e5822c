"""The web page `dragoman serve` shows: static HTML, CSS, JS and the world outline."""

from __future__ import annotations

from importlib import resources


def static_dir():
    """The folder of the page's files (served under /static, index.html at /)."""
    return resources.files("dragoman.web").joinpath("static")
