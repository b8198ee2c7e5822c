"""Victims of no known country, located once the event has its place.

A sentence's own place phrase already stands beside people of no known country ("killed 48
people in Afghanistan": the people and Afghanistan, fillers.place_recipients). But the place
of an act of force is often said away from its verb ("More than 30 people were killed last
week when US aircraft carried out strikes ... threatening Kunduz"), and the event gets it only
from the place stage. There, the same rule applies: civilians harmed where the event happened
are that place's people, so the place stands beside them as a recipient, coded with its country
as PETRARCH codes a place.
"""

from __future__ import annotations

from ..actors import place_entity
from ..model import Event
from ..plover import MATERIAL_CONFLICT
from ..words import words

CIVILIAN_SECTORS = words("civilian_sectors")


def locate_victims(event: Event) -> None:
    """Add the event's place as a recipient beside civilians of no known country, for a
    material conflict (an attack, a raid, an arrest) whose recipients name no country."""
    place = event.location
    if (
        event.event not in MATERIAL_CONFLICT
        or place is None
        or not place.country_code
        or not event.recipient
        or any(e.country or e.org for e in event.recipient)
        or not any(e.sector in CIVILIAN_SECTORS and e.kind != "person" for e in event.recipient)
    ):
        return
    span = place.span or event.span
    event.recipient = [*event.recipient, place_entity(place, place.text or place.name, tuple(span))]
