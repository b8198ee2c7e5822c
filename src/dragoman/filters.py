"""The event filters users can set, described once.

The CLI options (`dragoman events`, `dragoman export`, `dragoman clusters`), the API's query parameters and the
store's `EventFilter` are all derived from `FILTER_FIELDS`, so a filter is added or
explained in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import EVENT_TYPES, QUADS

QUAD_CLASSES = tuple(dict.fromkeys(QUADS.values()))  # in PLOVER's order

DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"


@dataclass(frozen=True)
class FilterField:
    name: str  # EventFilter attribute, API parameter, CLI option
    help: str
    choices: tuple[str, ...] | None = None  # the allowed values, where the set is closed
    upper: bool = False  # values are codes written in capitals (CHN, CONSULT)
    lower: bool = False  # values are codes written in small letters (en, ru)


FILTER_FIELDS: tuple[FilterField, ...] = (
    FilterField("actor", "Actor id, or part of a name, on either side."),
    FilterField("country", "ISO 3166 alpha-3 code (or IGO, NGO) on either side.", upper=True),
    FilterField("type", "PLOVER event type, e.g. CONSULT.", tuple(EVENT_TYPES), upper=True),
    FilterField("quad", "PLOVER quad class.", QUAD_CLASSES),
    FilterField("since", f"Earliest event date ({DATE_HELP})."),
    FilterField("until", f"Latest event date ({DATE_HELP}), inclusive."),
    FilterField("q", "Full-text search in the source sentences."),
    FilterField("doc", "Only events of this document id."),
    FilterField("lang", "Language of the event's sentence: ISO 639-1 code, e.g. en or ru.", lower=True),
)


def normalised(values: dict) -> dict:
    """The set filters of `values` (names of FILTER_FIELDS), codes in capitals, unset ones left out."""
    out = {}
    for field in FILTER_FIELDS:
        value = values.get(field.name)
        if value is None or value == "":
            continue
        out[field.name] = value.upper() if field.upper else value.lower() if field.lower else value
    return out
