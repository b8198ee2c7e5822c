"""The actors of one document: each sentence's mentions, resolved in order to entities."""

from __future__ import annotations

from dataclasses import replace

from ..knowledge import ROLE
from ..model import Document, Entity
from ..words import words
from .coreference import Coreference
from .descriptions import country_description, described_names
from .entities import (
    copy_at,
    group_entity,
    looks_like_person,
    ner_label,
    only_place_noun,
    org_entity,
    org_headed,
    place_entity,
    same_title,
    state_entity,
    strip_det,
    unknown_name_entity,
)
from .mentions import Mention, find_mentions, is_dateline
from .pairs import clause_head, pair_reading, participants


STATE_BODY_WORDS = words("state_body_words")
INDEFINITE = ("a", "an", "any", "another", "other", "every", "each", "some")
DEFINITE = ("the", "these", "those")


class DocumentActors(Coreference):
    """Mentions of one document in order, with what they resolve to. `places` (a Gazetteer, or
    None) places the groups and offices a mention names in their country."""

    def __init__(
        self, doc: Document, kb, places=None, finders: dict | None = None, words: dict | None = None
    ):
        super().__init__(doc, kb)
        self.gazetteer = places
        self.finders = finders or {}  # language → its mention finder (dragoman.russian)
        self.words = words or {}  # another language's pronoun → the English one
        self.mentions: list[Mention] = []
        self.sentence_mentions: list[Mention] = []  # those of the sentence being read
        self.places: list[tuple[int, str, str]] = []  # (offset, feature, country) of the places named

    def add_sentence(self, sent) -> None:
        self.sent_index += 1
        self.spans.append(sent.span)
        self._note_places(sent)
        self.sentence_mentions = [m for m in self._find_mentions(sent) if not is_dateline(m, sent.span)]
        described_names(self.sentence_mentions, sent.span.doc)
        for m in self.sentence_mentions:
            m.entity = self._resolve(m, sent)
            self.mentions.append(m)
            for i in range(m.start, m.end):
                self.by_token[(id(sent.span.doc), i)] = m
            if m.entity is not None:
                self.doc.entities.append(m.entity)
                self.note_seen(m, _root(m, sent))
        self.note_pair(sent)
        self.find_speaker(sent)

    def _resolve(self, m: Mention, sent) -> Entity | None:
        start = sent.offset + m.tokens[0].idx
        end = sent.offset + m.tokens[-1].idx + len(m.tokens[-1])
        text, span = self.doc.text[start:end], (start, end)
        if m.countries:
            return self._shared_head(m, text, span, sent)
        if not (m.country or m.org or m.person or m.known):
            found = self._anaphor(m, text, span, sent)
            if found:  # ("The court indicted her ... It extended her remand": the court)
                return (
                    found
                    if found.stands_for_members or found.kind == "person"
                    else self._remembered(found, m)
                )
        if m.place_noun and only_place_noun(m):
            country = self._last_place(m.place_noun, start)  # "the province": the last one named
            return group_entity(m, text, span, country=country, kind="state") if country else None
        place = self._place_in(m, sent)
        country = (
            m.country
            or (place.country_code if place else None)
            or self._located_in(m)
            or self._described_possessor(m, sent)
        )
        if country is None and m.place_noun:  # "the government of the province"
            country = self._last_place(m.place_noun, start)
        if country is None and m.org is None and m.known is None and _state_body(m, sent):
            country = self._body_country(m, sent)
        if _body_of_named(m):  # "the Trump administration", "the Abe government"
            known = m.known.country if m.known else None
            return self._remembered(
                group_entity(m, text, span, country=country or known or self._person_country(m)), m
            )
        if m.person or (m.role and m.role.kind == "person" and not m.plural and not org_headed(m)):
            if country is None and m.org is not None and m.org.country not in (None, "IGO", "NGO"):
                country = m.org.country  # "CPC Committee Secretary Ying Yong" is Chinese
            self._name_by_owner(m, sent)
            return self.person_entity(m, text, span, country, self._other_states(m, sent))
        label = ner_label(m)
        if _bare_person_name(m, place, label) or self._named_surname(m):
            m.person = strip_det(text)
            return self.person_entity(m, text, span, None)
        return self._remembered(self._group(m, text, span, country, place, label), m)

    def _remembered(self, e: Entity | None, m: Mention) -> Entity | None:
        if e is not None:
            self.remember_group(e, plural=m.plural)
        return e

    def _possessor_country(self, m: Mention, sent) -> str | None:
        """ "Abe told reporters that his government ...": the country of the one it is of."""
        poss = next((c for c in _root(m, sent).children if c.dep_ == "poss"), None)
        found = self.entity_for_token(poss) if poss is not None and poss.i < m.start else None
        return found.country if found is not None and found.country not in (None, "IGO", "NGO") else None

    def _name_by_owner(self, m: Mention, sent) -> None:
        """ "a visit by its CEO", "the company's chief executive": an unnamed title of an
        organisation (its possessor) is the holder of that office there, not the last holder of
        the title named, who may be another's; unless one of that organisation was named, it is
        named by the organisation ("Acme CEO")."""
        if m.person or m.known or not self._titled_head(m):
            return
        poss = next((c for c in _root(m, sent).children if c.dep_ == "poss"), None)
        owner = self.entity_for_token(poss) if poss is not None and poss.i < m.start else None
        if owner is None or owner.kind != "organization" or not owner.name[:1].isupper():
            return  # (not "the company's": a name is needed to name the office)
        if owner.org and any(
            p.org == owner.org and same_title(p.title or "", m.role.name) for p in self.persons
        ):
            return
        m.person = (
            f"{owner.name} {' '.join(t.text for t in m.tokens if t.dep_ not in ('poss', 'det', 'case'))}"
        )

    def _titled_head(self, m: Mention) -> bool:
        """ "its chief executive" ends on a title ("its troop presence" does not)."""
        words = [t.text for t in m.tokens]
        return any(i.category == ROLE for k in range(len(words)) for i in self.kb.lookup(words[k:]))

    def _person_country(self, m: Mention) -> str | None:
        """The country of the person named before with the name a mention holds."""
        last = (m.person or "").split()[-1:]
        return next((p.country for p in reversed(self.persons) if last and p.name.split()[-1:] == last), None)

    def _find_mentions(self, sent) -> list[Mention]:
        finder = self.finders.get(getattr(sent, "lang", "en"))
        return finder(sent.span) if finder is not None else find_mentions(self.kb, sent.span)

    def _anaphor(self, m: Mention, text: str, span, sent) -> Entity | None:
        """What a mention with no name of its own refers back to, if anything."""
        root = _root(m, sent)
        reading = pair_reading(root, m.role)
        found = reading and self.pair_for(root, reading, text, span)
        if found:  # "both countries", "the two leaders", "the ministers"
            return found
        desc = country_description(root, self.kb.regions)
        if m.place_noun and only_place_noun(m) and (desc is None or desc.within is None):
            desc = (
                None  # "the country": the last named; "the Asian country", "the hermit state": as described
            )
        found = desc and self.described_country(root, desc, text, span)
        if found:  # "the Asian country", "the communist regime", "the North"
            return found
        # "British diplomats ... the diplomats", "the Chinese Foreign Ministry ... the ministry"
        return self._same_group_before(m, root, text, span, sent)

    def _body_country(self, m: Mention, sent) -> str | None:
        """The country of a body of a state named with no country: "his government", the
        possessor's; "the Foreign Ministry", "Defence Ministry spokesman Ren", of the state the
        text is about."""
        return self._possessor_country(m, sent) or self.home_country(self._other_states(m, sent))

    def _same_group_before(self, m: Mention, root, text: str, span, sent) -> Entity | None:
        """A definite office, body or group with no country of its own is the last one named
        with that title and a country or organisation, unless that is the clause's other party;
        a body of a state ("the government") only one of the state the text is about."""
        if (
            m.role is None
            or (m.role.kind == "person" and not m.plural)
            or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in root.children)
        ):
            return None
        others = self._other_states(m, sent)
        home = self.home_country(others) if _state_body(m, sent) else None
        for _, e in reversed(self.groups):
            if (
                e.title
                and same_title(e.title, m.role.name)
                and (e.country or e.org)
                and not e.stands_for_members
                and e.country not in others
                and e.country == (home or e.country)
            ):
                return copy_at(e, text, span)
        return None

    def _named_surname(self, m: Mention) -> bool:
        """ "Suga" after "Yoshihide Suga", whatever spaCy's label: the surname of a person named."""
        if m.org or m.role or m.country or len(m.tokens) != 1 or m.tokens[0].pos_ != "PROPN":
            return False
        word = m.tokens[0].text
        return any(p.name.split()[-1] == word for p in self.persons if len(p.name.split()) > 1)

    def _described_possessor(self, m: Mention, sent) -> str | None:
        """ "the North's leader", "the Asian nation's foreign ministry": the country described."""
        for tok in m.tokens:
            if tok.dep_ == "poss" and any(c.dep_ == "case" for c in tok.children):
                desc = country_description(tok, self.kb.regions)
                found = desc and self.described_country(tok, desc, tok.text, (0, 0))
                if found:
                    return found.country
        return None

    def _other_states(self, m: Mention, sent) -> frozenset:
        """The countries of the states and governments the clause of a mention names beside it."""
        verb, _ = clause_head(_root(m, sent))
        if verb is None:
            return frozenset()
        parts = participants(verb)
        return frozenset(
            o.country
            for o in self.sentence_mentions
            if o is not m
            and o.country
            and _root(o, sent).i in parts
            and not (o.person or o.known)
            and (o.role is None or o.role.kind == "organization")
        )

    def _shared_head(self, m: Mention, text: str, span, sent) -> Entity:
        """ "Chinese and Russian officials": a group that stands for one group per country."""
        members = []
        head = "".join(t.text_with_ws for t in m.tokens if t.i >= (m.demonym_end or m.end)).strip()
        for iso3, demonym in m.countries:
            one = replace(m, country=iso3, countries=[])
            e = self._resolve(one, sent)
            if e is not None:
                e = copy_at(e, text, span)
                if e.kind != "person":  # "Chinese officials", "Russian officials"
                    e.name = f"{demonym} {head}".strip()
                    e.id = group_entity(one, e.name, span, country=iso3).id
                members.append(e)
        group = group_entity(m, text, span, country=None)
        group.members, group.stands_for_members = members, True
        return group

    def _group(self, m: Mention, text: str, span, country, place, label) -> Entity | None:
        """An organisation, a state, a group or office, a place for its people, or an unknown name."""
        if m.org is not None and not m.role:
            return org_entity(m.org, text, span)
        if m.country and not m.role and not m.org:
            return (
                group_entity(m, text, span, country=m.country, kind="group")
                if m.demonym
                else self._state(m.country, text, span)
            )
        if m.role or m.org:
            e = group_entity(m, text, span, country=country)
            self._add_members(e, m)
            return e
        if place is not None:  # a place standing for its people or government: "aid to Wuhan"
            return place_entity(place, text, span)
        if label is not None or any(t.pos_ == "PROPN" for t in m.tokens):
            return unknown_name_entity(label, text, span)
        return None

    def _state(self, iso3: str, text: str, span) -> Entity:
        return state_entity(iso3, self.kb.countries.get(iso3, iso3), text, span)

    def _add_members(self, e: Entity, m: Mention) -> None:
        """ "SCO member states" are the SCO's members."""
        if m.role is not None and m.role.code == "member states" and m.org is not None and m.org.members:
            e.members = [self._state(c, e.text, e.span) for c in m.org.members]

    # -- places
    def _place_in(self, m: Mention, sent):
        """A place named inside a mention: "Hubei Province CPC Committee", "the city of Wuhan"."""
        if self.gazetteer is None:
            return None
        for ent in sent.span.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and m.start <= ent.start and ent.end <= m.end:
                place = self.gazetteer.lookup(ent.text)
                if place is not None and place.country_code:
                    return place
        return None

    def _located_in(self, m: Mention) -> str | None:
        """ "protesters in Hong Kong", "authorities in Pakistan": a group takes the country it is in."""
        if self.gazetteer is None or m.person or not m.role or m.role.kind == "person":
            return None
        head = m.tokens[-1]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC"):
                        ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                        place = self.gazetteer.lookup(ent.text if ent else obj.text)
                        if place is not None and place.country_code:
                            return place.country_code
        return None

    def _note_places(self, sent) -> None:
        """Remember the last place of each kind, for "the province", "the city", "the country"."""
        if self.gazetteer is None:
            return
        for ent in sent.span.ents:
            if ent.label_ in ("GPE", "LOC"):
                place = self.gazetteer.lookup(ent.text)
                if place is not None and place.country_code:
                    self.places.append((sent.offset + ent[0].idx, place.feature, place.country_code))

    def _last_place(self, feature: str, before: int) -> str | None:
        """The country of the last place of a kind named before an offset: "Canada hosted the
        summit. The country then threatened Peru": Canada, not Peru, named after the reference."""
        return next((c for at, f, c in reversed(self.places) if f == feature and at < before), None)


def _body_of_named(m: Mention) -> bool:
    """ "the Trump administration", "the Netanyahu government": a body headed by the person named
    in it is the body, not the person."""
    return bool(
        (m.known or m.person)
        and m.role is not None
        and m.role.kind == "organization"
        and m.tokens[-1].lemma_.lower() in m.role.code.split()
    )


def _state_body(m: Mention, sent) -> bool:
    """A body of a state named with no country, or a person's title in one: "the ministry",
    "Foreign Ministry spokeswoman" (not "a government", not "governments")."""
    body = m.body or (m.role if m.role is not None and m.role.kind == "organization" else None)
    if body is None or m.plural or not set(body.code.split()) & STATE_BODY_WORDS:
        return False
    root = _root(m, sent)  # (not the adjective of "military exercises")
    return root.pos_ != "ADJ" and not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in root.children)


def _root(m: Mention, sent):
    """The head token of a mention."""
    return sent.span.doc[m.start : m.end].root


def _bare_person_name(m: Mention, place, label: str | None) -> bool:
    """A name with nothing the knowledge files know inside it that spaCy, or its form of two or
    three capitalised words, says is a person's ("Britta Nielsen")."""
    if m.org or m.role or m.country or place is not None:
        return False
    return label == "PERSON" or (label is None and looks_like_person(m))
