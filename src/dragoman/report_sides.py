"""Whether two reports of one article name the same parties, however differently they put it.

A headline says "Militants attack consulate", the lead "a Taliban suicide bomber rammed the
German consulate in Mazar-i-Sharif", a quote "the attack on the consulate". Within one article
these name one actor and one target: a generic description ("militants", "police") stands for
the named actor of the same kind, a group stands for its member ("Taliban" and "Taliban
suicide bomber"), a state for its organs ("Israel" and "an Israeli military court"), and the
city where it happened for the target in it. Across articles such matches would be too loose
(linking/rules.py asks for more); within one story they are how a writer varies the words.
"""

from __future__ import annotations

import os
import re

from .actors.entities import is_place
from .linking.rules import country_names
from .model import Entity, Event, Place
from .words import words

AUTHORITY_SECTORS = words("authority_sectors")
ARMED_SECTORS = words("armed_sectors")
ANAPHORIC = words("anaphoric_determiners")

# How specific a party is, for choosing the clearest report: a name, then a description tied
# to a country ("Israeli troops"), then a place, then a bare description ("gunmen").
NAMED, DESCRIBED, PLACE, GENERIC = 3, 2, 1, 0


def key(e: Entity) -> str:
    return e.id or e.name.lower()


def is_generic(e: Entity) -> bool:
    """A description with nothing to tell one such actor from another: "gunmen", "police",
    "the crowd", "a man" (no country, no organisation, no proper name)."""
    if e.country or e.org:
        return False
    return e.name.islower() or bool(e.title and e.name.lower() == e.title.lower())


def is_state(e: Entity) -> bool:
    return bool(e.country) and e.id == e.country


def specificity(e: Entity) -> int:
    if is_generic(e):
        return GENERIC
    if is_place(e) and not is_state(e):
        return PLACE
    if e.kind == "group" or e.title:
        return DESCRIBED
    return NAMED


def target_specificity(e: Entity) -> int:
    """As a recipient, a place is the least clear: it stands in for the target in it."""
    level = specificity(e)
    return -1 if level == PLACE else level


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.lower()))


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _countries_clash(x: Entity, y: Entity) -> bool:
    return bool(x.country and y.country and x.country != y.country)


STRONG, WEAK, NONE = 2, 1, 0


def same_party(x: Entity, y: Entity, same_word: bool = False) -> int:
    """Whether two entities of one article may be the same actor: STRONG when a name or a role
    says so, WEAK when only a generic description of the same armed kind does ("militants" and
    "gunmen"), NONE otherwise. `same_word`: the two reports name the act with one word."""
    if is_generic(x) and is_generic(y):  # "civilians" and "civilians": any civilians
        same = key(x) == key(y) or (x.sector in ARMED_SECTORS and x.sector == y.sector)
        return WEAK if same else NONE
    if _city(x) and _city(y):  # many things happen in one city on one day
        return WEAK if key(x) == key(y) or x.name == y.name else NONE
    if key(x) == key(y) or x.name.lower() == y.name.lower():
        return STRONG
    if _countries_clash(x, y) or is_place(x) != is_place(y):
        return NONE
    wx, wy = _words(x.name), _words(y.name)
    if (_within(wx, wy) and not is_state(x)) or (_within(wy, wx) and not is_state(y)):
        return STRONG  # "Taliban" and "Taliban suicide bomber"; a state's organs: below
    for one, other in ((x, y), (y, x)):
        if same_word and is_state(one) and _organ_of(other, one):
            # "Israel indicts ..." and "an Israeli military court indicted ...". Told with other
            # words they may be two acts: "Tunisia condemned the attack" and "the president
            # called it barbarous" are two statements; an arrest and a court's remand two acts.
            return STRONG
        if is_generic(one) and _role_of(one, other):
            return STRONG  # "police" and the city's police department, "the embassy" and Norway's
        if is_generic(one) and one.sector in ARMED_SECTORS and one.sector == other.sector:
            return WEAK  # "militants" and the Taliban
        if _nationality(one) and other.kind == "person" and not is_generic(other):
            return STRONG  # "a Palestinian girl" and the girl's name
        if same_word and _members_of_country(one) and other.kind == "person" and other.country == one.country:
            return WEAK  # "some Israeli politicians welcomed the vote" and one of them who did
    return NONE


def _city(e: Entity) -> bool:
    """A place below a country standing as a side ("attacked Mazar-i-Sharif"). A country so
    named stands for its people ("aid to Somalia"), a side of its own."""
    return is_place(e) and not is_state(e) and e.name.lower() not in country_names()


def _organ_of(other: Entity, state: Entity) -> bool:
    """One of the state's authorities (a court, the army, the president)."""
    return other.country == state.country and other.sector in AUTHORITY_SECTORS


def _role_of(generic: Entity, other: Entity) -> bool:
    """A generic description names the other by its role noun ("the embassy", "Norway's
    embassy"). A shared sector is not enough: "the ambassadors" are not the secretary-general,
    though both are officials."""
    role = _words(generic.title or generic.name)
    return bool(role) and (_within(role, _words(other.name)) or role == _words(other.title or ""))


def _members_of_country(e: Entity) -> bool:
    """Unnamed people of a country ("Israeli politicians", "Chilean officials")."""
    return e.kind == "group" and bool(e.country) and not e.org and not is_place(e)


def _nationality(e: Entity) -> bool:
    """A person described only by nationality ("a Palestinian girl" as "Palestinian")."""
    return e.kind == "group" and bool(e.country) and not e.sector and not e.title and not is_place(e)


def sides_agree(
    xs: list[Entity], ys: list[Entity], where=(None, None), same_word: bool = False
) -> int | None:
    """How well two sides agree: STRONG or WEAK when they share a party, None when one side is
    unsaid (nothing either way), NONE when they name different parties. A recipient given as a
    place agrees with a target located there: the city attacked and the consulate in it."""
    if not xs or not ys:
        return None
    best = max(same_party(x, y, same_word) for x in xs for y in ys)
    if best:
        return best
    for sides, others, place in ((xs, ys, where[1]), (ys, xs, where[0])):
        # a target there, neither another place nor anyone ("civilians" are in every city)
        targets = [e for e in others if not is_place(e) and not is_generic(e)]
        if targets and all(_city(e) for e in sides) and any(_located(e, place) for e in sides):
            return STRONG
    return NONE


def _located(e: Entity, place: Place | None) -> bool:
    return place is not None and e.name == place.name and e.country == place.country_code


def parties_agree(a: Event, b: Event) -> bool:
    """The actors and the recipients agree, and one side is shared by name or role: generic
    descriptions alone ("gunmen attacked civilians", "militants killed people") may be two
    incidents."""
    word = same_act_word(a, b)
    actors = sides_agree(a.actor, b.actor, same_word=word)
    recipients = sides_agree(a.recipient, b.recipient, (a.location, b.location), word)
    if actors == NONE or recipients == NONE:
        return False
    return STRONG in (actors, recipients)


def same_act_word(a: Event, b: Event) -> bool:
    """Whether the two triggers begin with one word, inflections aside ("ram", "rammed"), or
    one names the act as one already told ("Russia expelled 23 diplomats ... The expulsion was
    announced by the foreign ministry")."""
    if told_before(a) or told_before(b):
        return True
    x, y = _words(a.trigger.get("text") or ""), _words(b.trigger.get("text") or "")
    if not x or not y:
        return False
    short, long = sorted((x[0], y[0]), key=len)
    common = len(os.path.commonprefix([short, long]))
    return common >= min(len(short), 5)


def told_before(event: Event) -> bool:
    """The trigger is a noun pointing back to an act: "the expulsion", "Monday's attack"."""
    start = (event.trigger.get("span") or [None])[0]
    if start is None or not event.text:
        return False
    before = event.text[: max(0, start - event.span[0])].split()
    return bool(before) and (before[-1].lower() in ANAPHORIC or before[-1].endswith(("'s", "’s")))


def stands_in(a: Event, b: Event) -> bool:
    """In one sentence ("insurgents struck the consulate in X, killing two and wounding
    dozens"), a report whose only recipient is the city where it happened (the wounded not
    named) repeats the act on the target the sentence names there."""
    if a.event != b.event or a.modality != b.modality or not a.recipient:
        return False
    if not all(_city(e) and _located(e, b.location) for e in a.recipient):
        return False
    same_actor = {key(e) for e in a.actor} == {key(e) for e in b.actor}  # the sentence's subject
    return any(not is_place(e) for e in b.recipient) and bool(a.actor) and same_actor


def named_for(side: list[Entity], other: list[Entity]) -> list[Entity]:
    """The kept record's side, with a generic description ("police", "gunmen") replaced by the
    actor another report of the act names ("the Springfield Police Department"), unnamed people
    of a country by the one named ("Israeli politicians" by the minister), and an unsaid side
    said."""
    if not side:
        return list(other)
    out = []
    for e in side:
        better = [o for o in other if is_generic(e) and specificity(o) > GENERIC and same_party(e, o)]
        better += [
            o for o in other if _members_of_country(e) and o.kind == "person" and o.country == e.country
        ]
        out.append(better[0] if better and better[0] not in out else e)
    return out
