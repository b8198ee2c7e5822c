"""The PLOVER event types: quad class, default CAMEO code, the recipient's prepositions and what
the event rules know of each type, from data/events/types.tsv (one row per type, in PLOVER's
order). EVENT_TYPES and QUADS keep that order everywhere (CLI choices, filters, the store).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

TRAITS = frozenset(
    {
        "reciprocal",
        "undirected",
        "concession",
        "theme_noun",
        "implicit_state",
        "punitive",
        "patient_possessor",
        "force",
        "judges_acts",
        "about_acts",
        "addressed",
    }
)
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    cameo: str  # CAMEO code when the trigger gives none
    preps: tuple[str, ...]  # prepositions whose object is the recipient
    intent_cameo: str | None  # a stated intent to cooperate ("will meet": 036)
    threat_cameo: str | None  # a stated intent to use force or pressure ("will attack": 138)
    traits: frozenset[str]  # see types.tsv


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(v for v in (cell or "").split("|") if v)


def read_types(text: str) -> dict[str, EventType]:
    """The types of a types.tsv text, checked: a wrong quad or trait fails at import."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    types = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        traits = frozenset(_split(row["traits"]))
        if row["quad"] not in QUAD_NAMES or traits - TRAITS:
            raise ValueError(f"types.tsv: {row['type']}: unknown quad or trait in {row}")
        types[row["type"]] = EventType(
            row["type"],
            row["quad"],
            row["cameo"],
            _split(row["preps"]),
            row["intent_cameo"] or None,
            row["threat_cameo"] or None,
            traits,
        )
    return types


TYPES: dict[str, EventType] = read_types(
    (resources.files("dragoman") / "data" / "events" / "types.tsv").read_text(encoding="utf-8")
)
EVENT_TYPES: tuple[str, ...] = tuple(TYPES)
QUADS: dict[str, str] = {name: t.quad for name, t in TYPES.items()}
DEFAULT_CAMEO: dict[str, str] = {name: t.cameo for name, t in TYPES.items()}
DEFAULT_PREPS: dict[str, tuple[str, ...]] = {name: t.preps for name, t in TYPES.items()}
COOPERATIVE = frozenset(name for name, quad in QUADS.items() if quad.endswith("_cooperation"))
MATERIAL_CONFLICT = frozenset(name for name, quad in QUADS.items() if quad == "material_conflict")
# The codes of what an actor says it will do ("will cooperate": 031, "will attack": 138): the
# saying is the event, made when it was said (not the type's own code: "will agree" is to come).
STATED_INTENT_CAMEOS = frozenset(
    c for t in TYPES.values() for c in (t.intent_cameo, t.threat_cameo) if c and c != t.cameo
)


def having(trait: str) -> frozenset[str]:
    """The types with a trait of types.tsv."""
    if trait not in TRAITS:
        raise KeyError(f"no trait {trait!r} in types.tsv; traits: {', '.join(sorted(TRAITS))}")
    return frozenset(name for name, t in TYPES.items() if trait in t.traits)


# Both sides act on each other: a scorer matches actor and recipient either way round.
SYMMETRIC_TYPES = having("reciprocal")
