"""Who an act can be done to: open water (an ocean, a sea) stands for no people and no government,
so it is where an act is done or aimed, never the party it is done to: "drills with the Pacific
as the target", "fired missiles into the Black Sea" name no one acted upon. (Other places with
no country found are kept: a district, a town, a disputed territory stand for their people.)"""

from __future__ import annotations

from ..actors import is_place
from ..words import words

OPEN_WATER_WORDS = words("open_water_words")
HOSTED_THINGS = words("hosted_things") | words("message_nouns")
HOSTING_A_VISIT = ("receive", "host")


def open_water(entity) -> bool:
    return (
        is_place(entity)
        and not entity.country
        and any(w in OPEN_WATER_WORDS for w in entity.name.lower().split())
    )


def without_open_water(case) -> None:
    """Take open water out of the sides a case names (the place stage still finds it)."""
    case.named = [e for e in case.named if not open_water(e)]
    case.recipient = [e for e in case.recipient if not open_water(e)]


def hosts_a_thing(case) -> bool:
    """ "receiving emails from strangers", "received a letter from the minister", "hosted a
    concert": a verb of hosting a visit whose object is a thing, not a visitor, is no meeting."""
    head = case.cand.head
    return (
        case.cand.trigger.pos == "V"
        and case.cand.trigger.event == "CONSULT"
        and head.lemma_.lower() in HOSTING_A_VISIT
        and any(c.dep_ == "dobj" and c.lemma_.lower() in HOSTED_THINGS for c in head.children)
    )
