"""Building actor entities from coded mentions, with ids stable across documents.

A country's id is its ISO code, an organisation's its code, a group's a hash of its country,
organisation, sector and role, and a person's a hash of their affiliation and surname, so
"Norov" of the SCO is one actor in every document.
"""

from __future__ import annotations

import hashlib
import re

from ..knowledge import Info
from ..model import Entity
from .mentions import ORG_WORDS, Mention

NON_STATE = ("IGO", "NGO")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I).strip()


def person_id(p: Entity) -> str:
    surname = (p.name.split() or [""])[-1].lower()
    return "p-" + short_hash(f"{p.org or p.country or ''}|{surname}")


def org_entity(org: Info, text: str, span) -> Entity:
    return Entity(
        name=org.name,
        text=text,
        span=span,
        kind="organization",
        country=org.country,
        sector=org.sector,
        org=org.code,
        id=org.code,
    )


def state_entity(iso3: str, name: str, text: str, span) -> Entity:
    return Entity(name=name, text=text, span=span, kind="state", country=iso3, sector="GOV", id=iso3)


def group_entity(m: Mention, text: str, span, country=None, kind=None) -> Entity:
    """An office, a force or a social group: "the Chinese government", "Bosnian Serb units"."""
    org = m.org
    country = country or (org.country if org else None)
    sector = (m.role.sector if m.role else None) or (org.sector if org else None)
    kind = kind or ("group" if m.plural or (m.role and m.role.kind == "group") else "organization")
    name = strip_det(text)
    key = "|".join(
        [country or "", org.code if org else "", sector or "", m.role.code if m.role else name.lower()]
    )
    return Entity(
        name=name,
        text=text,
        span=span,
        kind=kind,
        country=country,
        sector=sector,
        org=org.code if org else None,
        title=m.role.name if m.role else None,
        id="g-" + short_hash(key),
    )


def unknown_name_entity(label: str | None, text: str, span) -> Entity:
    """A name the knowledge files do not know: an actor all the same, without codes."""
    kind = {"NORP": "group", "GPE": "state", "LOC": "state"}.get(label, "organization")
    name = strip_det(text)
    return Entity(name=name, text=text, span=span, kind=kind, id="g-" + short_hash(f"{kind}|{name.lower()}"))


def place_entity(place, text: str, span) -> Entity:
    """A place standing for its people or government ("aid to Wuhan", "a ceasefire in Idlib"),
    coded with its country as PETRARCH codes it."""
    return Entity(
        name=place.name,
        text=text,
        span=span,
        kind="state",
        country=place.country_code,
        id="g-" + short_hash(f"place|{place.country_code}|{place.name}"),
    )


def is_place(e: Entity) -> bool:
    """An entity made by place_entity: a place for its people, not a government or a group."""
    return e.kind == "state" and e.sector is None


def copy_at(e: Entity, text: str, span) -> Entity:
    return Entity(
        name=e.name,
        text=text,
        span=span,
        kind=e.kind,
        country=e.country,
        sector=e.sector,
        org=e.org,
        title=e.title,
        id=e.id,
    )


def sector_of(m: Mention) -> str | None:
    return m.role.sector if m.role else ("GOV" if m.known else None)


def same_title(a: str, b: str) -> bool:
    wa, wb = set(re.split(r"[\s-]+", a.lower())), set(re.split(r"[\s-]+", b.lower()))
    return bool(wa & wb)


def compatible(p: Entity, m: Mention) -> bool:
    """Whether a titled mention may be the person: no other organisation or country."""
    if m.org and p.org and m.org.code != p.org:
        return False
    if m.country and p.country and m.country != p.country and p.country not in NON_STATE:
        return False
    return True


def upgrade(prior: Entity, new: Entity) -> None:
    """What a later mention says of a person (title, organisation) holds for the whole document."""
    for attr in ("org", "title", "sector"):
        if getattr(prior, attr) is None and getattr(new, attr) is not None:
            setattr(prior, attr, getattr(new, attr))
    if prior.country is None or (new.org and prior.org == new.org and new.country in NON_STATE):
        prior.country = new.country
    if len(new.name.split()) > len(prior.name.split()):
        prior.name = new.name


def ner_label(m: Mention) -> str | None:
    """The entity label spaCy gave most of the mention's tokens, if any; of labels given as
    often, the first in the mention (a set's order would change from run to run)."""
    labels = [t.ent_type_ for t in m.tokens if t.ent_type_]
    return max(dict.fromkeys(labels), key=labels.count) if labels else None


def looks_like_person(m: Mention) -> bool:
    """Two or three capitalised words, none an organisation word: "Britta Nielsen"."""
    toks = [t for t in m.tokens if t.lower_ not in ("the",)]
    return 2 <= len(toks) <= 3 and all(t.pos_ == "PROPN" and t.lower_ not in ORG_WORDS for t in toks)


def org_headed(m: Mention) -> bool:
    """ "SCO Ambassadors Club", "Regional Office": a body, though a title is inside."""
    return m.tokens[-1].lower_ in ORG_WORDS


def only_place_noun(m: Mention) -> bool:
    return not (m.person or m.org or m.role or m.country) and all(
        t.lower_ in ("the", "this", "that") or t.lower_ == m.tokens[-1].lower_ for t in m.tokens
    )
