"""The open-class English word lists of data/events/words.toml, read once.

Each list is defined once in the file and named for what the rules use it for; modules take
it as a constant (`BLOCKING_VERBS = words("blocking_verbs")`), so that the rules read as
before and the words are edited in one place.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class PlaceNoun:
    word: str
    heads: bool  # heads a place name or phrase: "the city of Wuhan"
    ground: bool  # taking one is a seizure of ground: "captured three cities"
    refers_to: str  # the kind of place it refers back to ("the province"), or ""


@lru_cache(maxsize=1)
def word_file() -> dict:
    text = (resources.files("dragoman") / "data" / "events" / "words.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def words(name: str) -> frozenset[str]:
    """A word list of words.toml by name."""
    try:
        return frozenset(word_file()[name])
    except KeyError:
        raise KeyError(f"no word list {name!r} in data/events/words.toml") from None


@lru_cache(maxsize=1)
def place_nouns() -> tuple[PlaceNoun, ...]:
    return tuple(PlaceNoun(word, **fields) for word, fields in word_file()["place_nouns"].items())
