"""The actors stage: find actor mentions, code them, resolve them within and across documents.

A mention is a run of name-like tokens ("SCO Secretary-General Vladimir Norov", "Ambassador of
Tajikistan Saidzoda Zohir Ozod", "the Chinese government"). It is coded compositionally from
what the knowledge files recognise inside it: a person's name, a role (title, office, sector
noun), an organisation, a country (name, demonym, capital used as metonym, or a place in it).
Coreference links surnames, "Mr X", titles ("the SCO secretary general"), pronouns, "the
organisation" and the speaker of a quote ("we") to the actor they stand for. Actor ids are
stable across documents: a country's ISO code, an organisation's code, and for a person a hash
of their affiliation and surname, so "Norov" of the SCO is one actor in every document.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import knowledge as K
from .model import Document, Entity

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
CONNECTORS = {"of", "'s", "-", "for", "the", "de", "al", "bin", "van", "von", "la"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "president"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
DATELINE_DASHES = {"-", "--", "—", "–", ":"}
FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
ORG_ANAPHORS = {"organization", "organisation", "alliance", "bloc", "group", "agency", "body"}
QUOTE_CHARS = '"'
SPEECH_VERBS = {"say", "tell", "add", "note", "stress", "emphasize", "emphasise", "specify",
                "state", "declare", "explain", "point", "remark", "announce", "write", "claim",
                "insist", "underline", "underscore", "reiterate", "recall", "continue", "conclude"}
# Capitalised words that are parts of organisation names, never of a person's name.
ORG_WORDS = {"office", "committee", "club", "council", "ministry", "department", "agency",
             "organization", "organisation", "union", "party", "secretariat", "bureau", "centre",
             "center", "commission", "court", "assembly", "parliament", "bank", "fund", "group",
             "forces", "army", "university", "institute", "foundation", "association", "regional",
             "national", "international", "federal", "state", "province", "city", "republic"}


@dataclass
class Mention:
    start: int                 # token indices in the spaCy Doc, end exclusive
    end: int
    tokens: list = field(repr=False)
    person: str | None = None  # a person's name as written
    role: K.Info | None = None
    org: K.Info | None = None
    country: str | None = None
    place_noun: str | None = None
    known: K.Info | None = None  # a known person
    demonym: bool = False        # the country came from an adjective: "Bosnian Serb units"
    plural: bool = False
    entity: Entity | None = None

    @property
    def text(self) -> str:
        return "".join(t.text_with_ws for t in self.tokens).strip()


class ActorResolver:
    """Holds knowledge; `resolve(doc)` adds entities to a Document with sentences parsed."""

    def __init__(self, nlp, places=None, extra_dirs: tuple[str, ...] = ()):
        tokenize = _Tokenizer(nlp)
        self.kb = K.load_knowledge(tokenize, extra_dirs)
        self.places = places
        # Other languages plug in here (dragoman.russian): a mention finder per language, and
        # their pronouns as the English ones coreference reads ("он" → "he").
        self.finders: dict[str, object] = {}
        self.words: dict[str, str] = {}

    def mentions(self, sent) -> list[Mention]:
        finder = self.finders.get(sent.lang)
        return finder(sent.span) if finder is not None else find_mentions(self.kb, sent.span)

    def new_document(self, doc: Document) -> DocumentActors:
        """State for one document; feed it sentences in order with add_sentence."""
        return DocumentActors(self, doc)


class _Tokenizer:
    """Hashable wrapper so that knowledge built with one tokenizer is cached."""

    def __init__(self, nlp):
        self.nlp = nlp

    def __call__(self, text: str) -> list[str]:
        return [t.text for t in self.nlp.tokenizer(text)]

    def __hash__(self):
        return id(self.nlp)

    def __eq__(self, other):
        return isinstance(other, _Tokenizer) and other.nlp is self.nlp


# ---------------------------------------------------------------- matching knowledge in a sentence

def match_knowledge(kb: K.Knowledge, tokens) -> dict[int, tuple[int, list[K.Info]]]:
    """Longest phrase matches: start token index → (end index, infos)."""
    out, i, toks = {}, 0, list(tokens)
    while i < len(toks):
        longest = kb.longest_from(toks[i].text, toks[i].lemma_)
        for n in range(min(longest, len(toks) - i), 0, -1):
            span = toks[i:i + n]
            infos = [x for x in kb.lookup([t.text for t in span]) if _case_ok(x, span)]
            if not infos and span[-1].tag_ in ("NNS", "NNPS"):  # "soldiers" → "soldier"
                words = [t.text for t in span[:-1]] + [span[-1].lemma_]
                infos = [x for x in kb.lookup(words) if x.category == K.ROLE]
            if infos:
                out[toks[i].i] = (toks[i].i + n, infos)
                i += n
                break
        else:
            i += 1
    return out


def _case_ok(info: K.Info, span) -> bool:
    if info.category in (K.ROLE, K.PLACE_NOUN):
        return True
    first = span[1].text if len(span) > 1 and span[0].lower_ == "the" else span[0].text
    return first[:1].isupper() or first[:1].isdigit()  # "the Guardian" as well as "The Guardian"


# ---------------------------------------------------------------- mentions in one sentence

def find_mentions(kb: K.Knowledge, sent) -> list[Mention]:
    matches = match_knowledge(kb, sent)
    covered = {}
    for start, (end, infos) in matches.items():
        for i in range(start, end):
            covered[i] = (start, end, infos)
    namey = [_is_namey(t, covered) for t in sent]
    runs, i, n = [], 0, len(sent)
    while i < n:
        if not namey[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if namey[j]:
                j += 1
                continue
            k = _bridge(sent, j, namey)
            if k is None:
                break
            j = k
        runs.append((i, j))
        i = j
    return [_code_mention(kb, sent[a:b], matches) for a, b in runs]


def _is_namey(tok, covered) -> bool:
    if tok.i in covered:
        return True
    if tok.ent_type_ in NOT_NAMES or tok.is_punct or tok.is_space:
        return False
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return True
    return tok.ent_type_ in NAME_ENTS and tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.text[:1].isupper()


def _bridge(sent, j: int, namey: list[bool]) -> int | None:
    """Connector words joining two name-like tokens ("Ambassador of Tajikistan", "the WHO's
    Regional Office"): the index of the name-like token after them, or None."""
    k = j
    while k < len(sent) and sent[k].lower_ in CONNECTORS and not namey[k]:
        k += 1
    if k == j or k >= len(sent) or not namey[k] or not namey[j - 1] or sent[j].lower_ == "the":
        return None  # "told the Sydney Morning Herald the Kurdish authorities": two names
    words = [t.lower_ for t in sent[j:k]]
    if "for" in words:  # only inside names: "Regional Office for Europe"
        return k if sent[j - 1].pos_ == "PROPN" and sent[k].pos_ == "PROPN" else None
    if "'s" in words:   # "China's fight" stops; "the WHO's Regional Office", "Russia's army" go on
        return k if sent[k].text[:1].isupper() or sent[k].pos_ in ("NOUN", "ADJ") else None
    return k


def _code_mention(kb: K.Knowledge, span, matches) -> Mention:
    m = Mention(span.start, span.end, list(span))
    known_idx = set()
    of_i = next((t.i for t in span if t.lower_ == "of"), None)
    for start, (end, infos) in sorted(matches.items()):
        if start < span.start or end > span.end:
            continue
        known_idx.update(range(start, end))
        # "opponents of the government" are opponents: a role after "of" describes the complement
        keep_role = m.role is not None and of_i is not None and start > of_i
        _apply_infos(m, infos, span.doc[start:end], keep_role)
    if m.known is not None:
        m.person = m.known.name
    elif m.person is None:
        titled = m.role is not None and m.role.kind == "person"
        m.person = _person_name(span, known_idx, titled)
    head = span.root
    m.plural = head.tag_ in ("NNS", "NNPS") and m.person is None
    return m


def _apply_infos(m: Mention, infos: list[K.Info], toks, keep_role: bool = False) -> None:
    cats = {i.category: i for i in infos}
    if K.PERSON in cats:
        m.known = cats[K.PERSON]
    if K.ORG in cats and m.org is None:
        m.org = cats[K.ORG]
    for cat in (K.COUNTRY, K.CAPITAL, K.DEMONYM):
        if cat in cats and m.country is None:
            m.country = cats[cat].code
            m.demonym = cat == K.DEMONYM
    if K.ROLE in cats and not keep_role:
        m.role = cats[K.ROLE]  # the last role wins: "CPC Committee Secretary"
    if K.PLACE_NOUN in cats and len(toks) == 1:
        m.place_noun = cats[K.PLACE_NOUN].code


def _person_name(span, known_idx: set[int], titled: bool) -> str | None:
    """The trailing run of unknown capitalised words: "Ambassador of Tajikistan Saidzoda Zohir Ozod"."""
    persons = [t for t in span if t.ent_type_ == "PERSON" and t.i not in known_idx]
    if not persons:
        if not titled:
            return None
        tail = []
        for t in reversed(span):
            if t.i in known_idx or t.pos_ != "PROPN" or t.lower_ in ORG_WORDS:
                break
            tail.insert(0, t)
        # Without NER support, only a name after a title counts ("President Emomali Rahmon").
        if not tail or tail[0].i == span.start:
            return None
        return " ".join(t.text for t in tail)
    last = persons[-1]
    toks = [last]
    for t in reversed(span[: last.i - span.start]):
        if t.i in known_idx or t.pos_ != "PROPN" or t.lower_ in ORG_WORDS or t.is_punct \
                or t.lower_ in HONORIFICS or t.ent_type_ in ("GPE", "LOC", "NORP"):
            break
        toks.insert(0, t)
    while toks and toks[0].lower_ in HONORIFICS:
        toks.pop(0)
    name = " ".join(t.text for t in toks)
    return name if any(c.isalpha() for c in name) else None


# ---------------------------------------------------------------- document state and coreference

class DocumentActors:
    """Mentions of one document in order, with what they resolve to."""

    def __init__(self, resolver: ActorResolver, doc: Document):
        self.r, self.kb, self.doc = resolver, resolver.kb, doc
        self.mentions: list[Mention] = []
        self.by_token: dict[tuple[int, int], Mention] = {}  # (id of spaCy doc, token i) → mention
        self.persons: list[Entity] = []       # person actors (clusters), most recent last
        self.person_mentions: list[tuple[int, Entity]] = []  # (document offset, cluster)
        self.person_entities: list[tuple[Entity, Entity]] = []  # (mention entity, its cluster)
        self.groups: list[tuple[int, Entity]] = []  # (document offset, organisation/state/group)
        self.places: dict[str, str] = {}      # feature → country of the last place of that kind
        self.speakers: dict[int, Entity] = {}  # id of spaCy doc (a passage) → quote speaker
        self.last_pair: list[Entity] = []      # the last "X and Y", for "the two sides"

    # -- building
    def add_sentence(self, sent) -> None:
        self._note_places(sent)
        for m in self.r.mentions(sent):
            if _dateline(m, sent.span):
                continue
            m.entity = self._resolve(m, sent)
            self.mentions.append(m)
            for i in range(m.start, m.end):
                self.by_token[(id(sent.span.doc), i)] = m
            if m.entity is not None:
                self.doc.entities.append(m.entity)
        self._note_pair(sent)
        self._find_speaker(sent)

    def _resolve(self, m: Mention, sent) -> Entity | None:
        start = sent.offset + m.tokens[0].idx
        end = sent.offset + m.tokens[-1].idx + len(m.tokens[-1])
        text, span = self.doc.text[start:end], (start, end)
        if m.place_noun and _only_place_noun(m):
            country = self.places.get(m.place_noun)  # "the province": the last one named
            return self._group_entity(m, text, span, country=country, kind="state") if country else None
        place = self._place_in(m, sent)
        country = m.country or (place.country_code if place else None) or self._located_in(m)
        if country is None and m.place_noun:  # "the government of the province"
            country = self.places.get(m.place_noun)
        if m.person or (m.role and m.role.kind == "person" and not m.plural and not _org_headed(m)):
            if country is None and m.org is not None and m.org.country not in (None, "IGO", "NGO"):
                country = m.org.country  # "CPC Committee Secretary Ying Yong" is Chinese
            return self._person(m, text, span, country)
        label = _ner_label(m)
        if m.org is not None and not m.role:
            e = self._org_entity(m.org, text, span)
        elif m.country and not m.role and not m.org:
            e = (self._group_entity(m, text, span, country=m.country, kind="group") if m.demonym
                 else self._state_entity(m.country, text, span))
        elif m.role or m.org:
            e = self._group_entity(m, text, span, country=country)
            self._add_members(e, m)
        elif place is not None:  # a place standing for its people or government: "aid to Wuhan"
            e = place_entity(place, text, span)
        elif label == "PERSON" or (label is None and _looks_like_person(m)):
            m.person = _strip_det(text)
            return self._person(m, text, span, None)
        elif label is not None or any(t.pos_ == "PROPN" for t in m.tokens):
            # A name the knowledge files do not know: an actor all the same, without codes.
            kind = {"NORP": "group", "GPE": "state", "LOC": "state"}.get(label, "organization")
            name = _strip_det(text)
            e = Entity(name=name, text=text, span=span, kind=kind,
                       id="g-" + _short_hash(f"{kind}|{name.lower()}"))
        else:
            return None
        self._remember_group(e)
        return e

    def _add_members(self, e: Entity, m: Mention) -> None:
        """ "SCO member states" are the SCO's members; "the two sides" the pair just named."""
        if m.role is None:
            return
        if m.role.code == "member states" and m.org is not None and m.org.members:
            e.members = [self._state_entity(c, e.text, e.span) for c in m.org.members]
        elif m.role.code == "two sides" and self.last_pair:
            e.members = [_copy_at(p, e.text, e.span) for p in self.last_pair]
            e.stands_for_members = True

    def _note_pair(self, sent) -> None:
        """The last two actors joined by "and": "China and Russia ... the two sides"."""
        for tok in sent.span:
            if tok.dep_ != "conj":
                continue
            a, b = self.by_token.get((id(tok.doc), tok.head.i)), self.by_token.get((id(tok.doc), tok.i))
            if a and b and a.entity and b.entity and a is not b and a.entity.kind in ("state", "person", "organization"):
                self.last_pair = [a.entity, b.entity]

    def _place_in(self, m: Mention, sent):
        """A place named inside a mention: "Hubei Province CPC Committee", "the city of Wuhan"."""
        if self.r.places is None:
            return None
        for ent in sent.span.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and m.start <= ent.start and ent.end <= m.end:
                place = self.r.places.lookup(ent.text)
                if place is not None and place.country_code:
                    return place
        return None

    def _located_in(self, m: Mention) -> str | None:
        """ "protesters in Hong Kong", "authorities in Pakistan": a group takes the country it is in."""
        if self.r.places is None or m.person or not m.role or m.role.kind == "person":
            return None
        head = m.tokens[-1]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC"):
                        ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                        place = self.r.places.lookup(ent.text if ent else obj.text)
                        if place is not None and place.country_code:
                            return place.country_code
        return None

    def _note_places(self, sent) -> None:
        """Remember the last place of each kind, for "the province", "the city", "the country"."""
        if self.r.places is None:
            return
        for ent in sent.span.ents:
            if ent.label_ in ("GPE", "LOC"):
                place = self.r.places.lookup(ent.text)
                if place is not None and place.country_code:
                    self.places[place.feature] = place.country_code

    # -- entities
    def _org_entity(self, org: K.Info, text: str, span) -> Entity:
        return Entity(name=org.name, text=text, span=span, kind="organization",
                      country=org.country, sector=org.sector, org=org.code if org.org_type in
                      ("IGO", "NGO") or org.country in ("IGO", "NGO") else org.code, id=org.code)

    def _state_entity(self, iso3: str, text: str, span) -> Entity:
        name = self.kb.countries.get(iso3, iso3)
        return Entity(name=name, text=text, span=span, kind="state", country=iso3, sector="GOV", id=iso3)

    def _group_entity(self, m: Mention, text: str, span, country=None, kind=None) -> Entity:
        org = m.org
        country = country or (org.country if org else None)
        sector = (m.role.sector if m.role else None) or (org.sector if org else None)
        kind = kind or ("group" if m.plural or (m.role and m.role.kind == "group") else "organization")
        name = _strip_det(text)
        key = "|".join([country or "", org.code if org else "", sector or "",
                        m.role.code if m.role else name.lower()])
        return Entity(name=name, text=text, span=span, kind=kind, country=country, sector=sector,
                      org=org.code if org else None, title=m.role.name if m.role else None,
                      id="g-" + _short_hash(key))

    def _person(self, m: Mention, text: str, span, country: str | None) -> Entity:
        prior = self._find_person(m)
        org = m.org.code if m.org else None
        if m.known is not None:
            org = org or m.known.org
            country = country or m.known.country
        if prior is not None:
            e = Entity(name=prior.name, text=text, span=span, kind="person",
                       country=prior.country or country, sector=prior.sector or _sector(m),
                       org=prior.org or org, title=prior.title or (m.role.name if m.role else None))
            if m.person and len(m.person.split()) > len(prior.name.split()):
                e.name = m.person
            _upgrade(prior, e)
        else:
            name = m.person or text
            if org and self.kb.orgs.get(org) and self.kb.orgs[org].country in ("IGO", "NGO"):
                country = self.kb.orgs[org].country
            e = Entity(name=_strip_det(name), text=text, span=span, kind="person", country=country,
                       sector=_sector(m), org=org, title=m.role.name if m.role else None)
            self.persons.append(e)
            prior = e
        e.id = prior.id = _person_id(prior)
        self._touch(prior)
        self.person_mentions.append((span[0], prior))
        self.person_entities.append((e, prior))
        return e

    def _find_person(self, m: Mention) -> Entity | None:
        if m.person:
            last = m.person.split()[-1].lower()
            for p in reversed(self.persons):
                names = p.name.lower().split()
                if names and (names[-1] == last or m.person.lower() in p.name.lower()
                              or p.name.lower() in m.person.lower()):
                    return p
            return None
        # A title alone: the last person with that title, else the last untitled person.
        if m.role is None:
            return None
        for p in reversed(self.persons):
            if p.title and _same_title(p.title, m.role.name) and _compatible(p, m):
                return p
        for p in reversed(self.persons):
            if not p.title and _compatible(p, m):
                return p
        return None

    def _touch(self, person: Entity) -> None:
        self.persons.remove(person)
        self.persons.append(person)

    def _remember_group(self, e: Entity) -> None:
        self.groups.append((e.span[0], e))

    def _last_group_before(self, tok, kinds) -> Entity | None:
        """The last organisation, state or group named before the token: "it", "they", "the organisation"."""
        offset = self._offset(tok)
        # (a city standing for its people is no antecedent of "it": "the Istanbul meeting ... it")
        before = [e for at, e in self.groups if at < offset and e.kind in kinds and not is_place(e)]
        return before[-1] if before else None

    # -- pronouns, anaphora, speakers
    def entity_for_token(self, tok, avoid: frozenset = frozenset()) -> Entity | None:
        """The actor a token stands for; a pronoun never stands for an actor id in `avoid` (the
        subject of its own clause: in "Kiir pardoned him", "him" is not Kiir)."""
        m = self.by_token.get((id(tok.doc), tok.i))
        if m is not None:
            return m.entity
        low = self.r.words.get(tok.lower_, tok.lower_)
        if low in PERSON_PRONOUNS:
            return self._clone_person(self._last_person_before(tok, avoid), tok)
        if low in FIRST_PERSON and self._inside_quote(tok):
            speaker = self.speakers.get(id(tok.doc))
            if speaker is not None and speaker.kind == "person":
                return self._clone_person(self._cluster_of(speaker), tok)
            return self._clone(speaker, tok)
        if low in PLURAL_PRONOUNS:
            return self._clone(self._last_group_before(tok, ("organization", "state", "group")), tok)
        if low in THING_PRONOUNS:  # "the Indian military said it had launched": the last body named
            return self._clone(self._last_group_before(tok, ("organization", "state", "group")), tok)
        if tok.lemma_.lower() in ORG_ANAPHORS and _definite(tok):
            return self._clone(self._last_group_before(tok, ("organization",)), tok)
        return None

    def _last_person_before(self, tok, avoid: frozenset = frozenset()) -> Entity | None:
        offset = self._offset(tok)
        before = [p for at, p in self.person_mentions if at < offset and _person_id(p) not in avoid]
        return before[-1] if before else None

    def _offset(self, tok) -> int:
        sent = next((s for s in self.doc.sentences if s.span is not None and s.span.doc is tok.doc
                     and s.span.start <= tok.i < s.span.end), None)
        return (sent.offset if sent else 0) + tok.idx

    def finalize(self) -> None:
        """Give every mention of a person what the document finally knows of them."""
        for e, cluster in self.person_entities:
            for attr in ("name", "country", "sector", "org", "title"):
                setattr(e, attr, getattr(cluster, attr))
            e.id = cluster.id = _person_id(cluster)

    def _cluster_of(self, e: Entity) -> Entity:
        return next((c for m, c in self.person_entities if m is e), e)

    def _clone_person(self, cluster: Entity | None, tok) -> Entity | None:
        e = self._clone(cluster, tok)
        if e is not None:
            self.person_entities.append((e, cluster))
        return e

    def _clone(self, e: Entity | None, tok) -> Entity | None:
        """The actor a pronoun stands for, written as its antecedent when that is in the same
        sentence ("The Israeli military said it launched airstrikes": "The Israeli military"),
        else as the pronoun."""
        if e is None:
            return None
        start = self._offset(tok)
        sent_start = start - tok.idx + tok.sent.start_char
        if sent_start <= e.span[0] and e.span[1] <= start:
            return _copy_at(e, e.text, tuple(e.span))
        return _copy_at(e, tok.text, (start, start + len(tok)))

    def as_phrase(self, e: Entity, phrase) -> Entity:
        """The actor as the phrase of a role names it: in "blamed Netanyahu's hardline policies"
        the recipient is Netanyahu, written "Netanyahu's hardline policies". Only an actor named
        inside the phrase: in "a visit to Washington" Washington is written "Washington"."""
        start = self._offset(phrase[0])
        end = self._offset(phrase[-1]) + len(phrase[-1])
        if not (start <= e.span[0] and e.span[1] <= end) or (start, end) == tuple(e.span):
            return e  # named after the phrase ("a visit to Washington"), or the phrase itself
        copy = _copy_at(e, self.doc.text[start:end], (start, end))
        if e.kind == "person":  # named as the document finally knows the person
            self.person_entities.append((copy, self._cluster_of(e)))
        return copy

    def _inside_quote(self, tok) -> bool:
        return _inside_quote_only(tok) or id(tok.doc) in self.speakers

    def _find_speaker(self, sent) -> None:
        """`"...," Norov told TASS` / `he specified`: the subject of a speech verb outside quotes."""
        span = sent.span
        if QUOTE_CHARS not in span.doc.text:
            return
        for tok in span:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB" and not _inside_quote_only(tok):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    ent = self.entity_for_token(subj)
                    if ent is not None:
                        self.speakers[id(span.doc)] = ent
                        return




# ---------------------------------------------------------------- helpers

def _inside_quote_only(tok) -> bool:
    """Whether an odd number of quotation marks stands before the token in its passage."""
    marks = tok.doc.user_data.get("dragoman_quotes")
    if marks is None:  # offsets of the passage's quotation marks, found once
        marks = tok.doc.user_data["dragoman_quotes"] = [
            i for i, c in enumerate(tok.doc.text) if c == QUOTE_CHARS]
    return bisect_left(marks, tok.idx) % 2 == 1


def place_entity(place, text: str, span) -> Entity:
    """A place standing for its people or government ("aid to Wuhan", "a ceasefire in Idlib"),
    coded with its country as PETRARCH codes it."""
    return Entity(name=place.name, text=text, span=span, kind="state", country=place.country_code,
                  id="g-" + _short_hash(f"place|{place.country_code}|{place.name}"))


def is_place(e: Entity) -> bool:
    """An entity made by place_entity: a place for its people, not a government or a group."""
    return e.kind == "state" and e.sector is None


def _copy_at(e: Entity, text: str, span) -> Entity:
    return Entity(name=e.name, text=text, span=span, kind=e.kind, country=e.country, sector=e.sector,
                  org=e.org, title=e.title, id=e.id)


def _strip_det(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I).strip()


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _person_id(p: Entity) -> str:
    surname = (p.name.split() or [""])[-1].lower()
    return "p-" + _short_hash(f"{p.org or p.country or ''}|{surname}")


def _sector(m: Mention) -> str | None:
    return m.role.sector if m.role else ("GOV" if m.known else None)


def _same_title(a: str, b: str) -> bool:
    wa, wb = set(re.split(r"[\s-]+", a.lower())), set(re.split(r"[\s-]+", b.lower()))
    return bool(wa & wb)


def _compatible(p: Entity, m: Mention) -> bool:
    if m.org and p.org and m.org.code != p.org:
        return False
    if m.country and p.country and m.country != p.country and p.country not in ("IGO", "NGO"):
        return False
    return True


def _upgrade(prior: Entity, new: Entity) -> None:
    """What a later mention says of a person (title, organisation) holds for the whole document."""
    for attr in ("org", "title", "sector"):
        if getattr(prior, attr) is None and getattr(new, attr) is not None:
            setattr(prior, attr, getattr(new, attr))
    if prior.country is None or (new.org and prior.org == new.org and new.country in ("IGO", "NGO")):
        prior.country = new.country
    if len(new.name.split()) > len(prior.name.split()):
        prior.name = new.name


def _dateline(m: Mention, sent) -> bool:
    """ "CAIRO -- An Egyptian court ...": the place an article was filed from, not an actor."""
    if m.start != sent.start or not m.text.isupper():
        return False
    nxt = sent.doc[m.end] if m.end < len(sent.doc) else None
    return nxt is not None and (nxt.text in DATELINE_DASHES or nxt.text == ",")


def _ner_label(m: Mention) -> str | None:
    """The entity label spaCy gave most of the mention's tokens, if any."""
    labels = [t.ent_type_ for t in m.tokens if t.ent_type_]
    return max(set(labels), key=labels.count) if labels else None


def _looks_like_person(m: Mention) -> bool:
    """Two or three capitalised words, none an organisation word: "Britta Nielsen"."""
    toks = [t for t in m.tokens if t.lower_ not in ("the",)]
    return 2 <= len(toks) <= 3 and all(t.pos_ == "PROPN" and t.lower_ not in ORG_WORDS for t in toks)


def _org_headed(m: Mention) -> bool:
    """ "SCO Ambassadors Club", "Regional Office": a body, though a title is inside."""
    return m.tokens[-1].lower_ in ORG_WORDS


def _only_place_noun(m: Mention) -> bool:
    return not (m.person or m.org or m.role or m.country) and all(
        t.lower_ in ("the", "this", "that") or t.lower_ == m.tokens[-1].lower_ for t in m.tokens)


def _definite(tok) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in tok.children)
