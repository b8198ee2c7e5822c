"""The people of a place: unnamed inhabitants of where an event happened are of its country.

"More than 20 people were killed when US aircraft struck a village near Kandahar", "villagers
have protested weekly in the West Bank": the people killed, the villagers protesting, are the
place's people, and coders give them its country (AFG, PSE). A name, a nationality or an
organisation said in the text always wins; only a collective description of ordinary people
with none of these ("people", "civilians", "residents", "crowds": data/events/words.toml
`local_people`) takes the country of the event's place, and only on that event's record.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Entity, Event
from .words import words

LOCAL_PEOPLE = words("local_people")
ORDINARY_SECTORS = (None, "CVL")


def of_their_place(events: list[Event]) -> list[Event]:
    """The events, each side's unnamed local people given the country where the event happened."""
    for event in events:
        country = event.location.country_code if event.location is not None else None
        if country:
            event.actor = [_of(e, country) for e in event.actor]
            event.recipient = [_of(e, country) for e in event.recipient]
    return events


def _of(entity: Entity, country: str) -> Entity:
    return replace(entity, country=country) if is_local_people(entity) else entity


def is_local_people(entity: Entity) -> bool:
    """A collective description of ordinary people, of no country or organisation said."""
    if entity.country or entity.org or entity.kind != "group" or entity.sector not in ORDINARY_SECTORS:
        return False
    name = re.findall(r"[\w-]+", entity.name)
    return bool(name) and entity.name.islower() and name[-1] in LOCAL_PEOPLE
