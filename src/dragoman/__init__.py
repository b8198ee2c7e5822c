"""dragoman: who did what to whom, when and where, from news text (PLOVER event data)."""

from __future__ import annotations

__version__ = "0.1.0"

from .model import Document, Entity, Event, Place  # noqa: E402

__all__ = ["Document", "Entity", "Event", "Place", "__version__"]
