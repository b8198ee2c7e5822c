"""Coreference within a document: the actors named so far, and what later words stand for.

Surnames, "Mr X" and titles ("the SCO secretary general") join the person named before;
pronouns, "the organisation" and the speaker of a quote ("we") stand for the actor they refer
back to. A person is a cluster: every mention of them takes what the document finally knows.
"""

from __future__ import annotations

from bisect import bisect_left

from ..knowledge import ROLE, Info, Knowledge
from ..model import Document, Entity
from ..syntax import FIRST_PERSON_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from ..words import words
from .entities import (
    NON_STATE,
    compatible,
    copy_at,
    is_place,
    person_id,
    same_title,
    sector_of,
    short_hash,
    state_entity,
    strip_det,
    upgrade,
)
from .chains import earlier_of_chain
from .descriptions import DESCRIPTION_WINDOW, Description
from .mentions import Mention
from .posts import signature_surname
from .pairs import (
    STATES,
    Reading,
    Seen,
    clause_head,
    clause_subject,
    find_pair,
    governing_subjects,
    holds_title,
    keys_of,
    pair_reading,
    participants,
    ranked,
    salience,
    state_key,
    subject_misparsed,
)

ORG_ANAPHORS = words("organization_anaphors")
SPEECH_VERBS = words("speech_verbs")
QUOTE_CHARS = '"'
ACTOR_KINDS = ("organization", "state", "group")
UNTITLED_WINDOW = 2  # a title joins a person named with no title only that many sentences after
PRIVATE_SECTORS = ("BUS", "MED")  # a company's or a media outlet's people are no government
COUNTERPART = "counterpart"  # the roles.tsv phrase of "his Jordanian counterpart"


class Coreference:
    """The document's memory of the actors named in it, in order."""

    def __init__(self, doc: Document, kb: Knowledge):
        self.doc, self.kb = doc, kb
        self.words: dict[str, str] = {}  # another language's pronoun → the English one ("он" → "he")
        self.by_token: dict[tuple[int, int], Mention] = {}  # (id of spaCy doc, token i) → mention
        self.persons: list[Entity] = []  # person actors (clusters), most recent last
        self.plural_persons: set[int] = set()  # ids of the clusters named in the plural ("oligarchs")
        self.person_mentions: list[tuple[int, Entity]] = []  # (document offset, cluster)
        self.person_entities: list[tuple[Entity, Entity]] = []  # (mention entity, its cluster)
        self.groups: list[tuple[int, Entity]] = []  # (document offset, organisation/state/group)
        self.plural_groups: set[int] = set()  # ids of the groups named in the plural
        self.located: set[int] = set()  # ids of the actors named as a place ("in Israel")
        self.speakers: dict[int, Entity] = {}  # id of spaCy doc (a passage) → quote speaker
        self.sent_index = -1  # the sentence being read
        self.spans: list = []  # the spans of the sentences read, in order
        self.seen: list[Seen] = []  # actors named so far, for plural references
        self.pairs: list[tuple[int, int, list[Entity]]] = []  # (sentence, offset, "X and Y")
        self.last_seen: dict[int, int] = {}  # id of a person cluster → the last sentence naming it
        self.weights: dict[str, tuple[int, int]] = {}  # country → (how much it is named, last offset)

    # -- people
    def person_entity(
        self, m: Mention, text: str, span, country: str | None, others: frozenset = frozenset()
    ) -> Entity:
        """The entity of a mention of a person, joined to the person named before if any. A title
        alone never joins a person of a country the clause names as its other party (`others`):
        in "The minister thanked China", the minister is not the Chinese one."""
        self._counterpart_title(m)
        prior = self._find_person(m, others)
        org = m.org.code if m.org else None
        if m.known is not None:
            org = org or m.known.org
            country = country or m.known.country
        if prior is not None:
            e = Entity(
                name=prior.name,
                text=text,
                span=span,
                kind="person",
                country=prior.country or country,
                sector=prior.sector or sector_of(m),
                org=prior.org or org,
                title=prior.title or (m.role.name if m.role else None),
            )
            if m.person and len(m.person.split()) > len(prior.name.split()):
                e.name = m.person
            upgrade(prior, e)
        else:
            name = m.person or text
            if org and self.kb.orgs.get(org) and self.kb.orgs[org].country in NON_STATE:
                country = self.kb.orgs[org].country
            title = m.role.name if m.role else self._office(m.known)
            e = Entity(
                name=strip_det(name),
                text=text,
                span=span,
                kind="person",
                country=country,
                sector=self._known_sector(m, org),
                org=org,
                title=title,
            )
            self.persons.append(e)
            if m.plural:  # no antecedent of "he": "the oligarchs ... He imprisoned X"
                self.plural_persons.add(id(e))
            prior = e
        e.id = prior.id = person_id(prior)
        self.last_seen[id(prior)] = self.sent_index
        self._touch(prior)
        self.person_mentions.append((span[0], prior))
        self.person_entities.append((e, prior))
        return e

    def _office(self, known) -> str | None:
        """A known person's title, as the role it is ("Chairperson": chairman), for titles later."""
        if known is None or not known.title:
            return None
        return self.kb.offices.get(known.title.lower(), known.title.lower())

    def _counterpart_title(self, m: Mention) -> None:
        """ "Armenian Foreign Minister A and his Georgian counterpart B": B holds A's office, in
        the country the demonym names. The other is the person named last before."""
        if m.role is None or m.role.code != COUNTERPART or not self.person_mentions:
            return
        other = self.person_mentions[-1][1]
        if other.title and not same_title(other.title, COUNTERPART):
            m.role = Info(
                ROLE, other.title.lower(), other.title, sector=other.sector, kind="person", title=other.title
            )

    def _known_sector(self, m, org: str | None) -> str | None:
        """A known person heading a company or a media outlet (people.tsv: Elon Musk, Tesla) is
        no government actor; other known people are."""
        org_info = self.kb.orgs.get(org) if org and m.known is not None and not m.role else None
        if org_info is not None and org_info.sector in PRIVATE_SECTORS:
            return org_info.sector
        return sector_of(m)

    def _find_person(self, m: Mention, others: frozenset = frozenset()) -> Entity | None:
        if m.person:
            last = m.person.split()[-1].lower()
            for p in reversed(self.persons):
                names = p.name.lower().split()
                # whole words: "a man drove ... Peter Hattermann died" are two people
                if names and (names[-1] == last or _within(m.person, p.name) or _within(p.name, m.person)):
                    return p
            return None
        # A title alone: the last person with that title, else the last untitled person, else the
        # last with a title of its family ("the diplomat": an ambassador).
        if m.role is None:
            return None
        fits = [p for p in reversed(self.persons) if compatible(p, m) and p.country not in others]
        return (
            next((p for p in fits if p.title and same_title(p.title, m.role.name)), None)
            or next(
                (
                    p
                    for p in fits
                    if not p.title  # ("Norov arrived. The secretary-general said": of late only)
                    and self.sent_index - self.last_seen.get(id(p), -99) <= UNTITLED_WINDOW
                ),
                None,
            )
            or next((p for p in fits if p.title and holds_title(p, m.role.name)), None)
        )

    def _touch(self, person: Entity) -> None:
        self.persons.remove(person)
        self.persons.append(person)

    def finalize(self) -> None:
        """Give every mention of a person what the document finally knows of them."""
        for e, cluster in self.person_entities:
            for attr in ("name", "country", "sector", "org", "title"):
                setattr(e, attr, getattr(cluster, attr))
            e.id = cluster.id = person_id(cluster)

    # -- organisations, states, groups
    def remember_group(self, e: Entity, plural: bool = False) -> None:
        self.groups.append((e.span[0], e))
        if plural:  # "the rebels": no antecedent of "it"
            self.plural_groups.add(id(e))

    def note_pair(self, sent) -> None:
        """Two actors joined by "and": "China and Russia ... the two sides"."""
        for tok in sent.span:
            if tok.dep_ != "conj":
                continue
            a, b = self.by_token.get((id(tok.doc), tok.head.i)), self.by_token.get((id(tok.doc), tok.i))
            # (not "gas from Russia and Finland sells timber": Finland is the subject of a clause)
            if (
                a
                and b
                and a.entity
                and b.entity
                and a is not b
                and not salience(tok)[1]
                and not subject_misparsed(b.tokens[-1])
                and not (is_place(a.entity) or is_place(b.entity))
            ):
                pair = [self._cluster_of(a.entity), self._cluster_of(b.entity)]
                self.pairs.append((self.sent_index, a.entity.span[0], pair))

    def note_seen(self, m: Mention, root) -> None:
        """Remember an actor named, and how salient it is, for the plural references after it."""
        e = m.entity
        subject, located = salience(root, m.tokens[-1])
        if e is not None and located:  # "In Israel, the footage ...": no antecedent of "it" either
            self.located.add(id(e))
        if e is None or located or is_place(e):
            return
        if e.stands_for_members and len(e.members) == 2:  # "Chinese and Russian officials"
            self.pairs.append((self.sent_index, e.span[0], list(e.members)))
        for one in e.members if e.stands_for_members else [e]:
            self.seen.append(Seen(self.sent_index, e.span[0], subject, self._cluster_of(one)))
            if one.country and one.country not in NON_STATE:
                weight = self.weights.get(one.country, (0, 0))[0]
                self.weights[one.country] = (weight + (2 if subject else 1), e.span[0])

    def home_country(self, others: frozenset = frozenset()) -> str | None:
        """The country the document is about so far: the one it names most, subjects counting
        twice, the last named first of equals; not one of `others`."""
        found = [(w, at, c) for c, (w, at) in self.weights.items() if c not in others]
        return max(found)[2] if found else None

    # -- plural references to a pair
    def pair_for(self, tok, reading: Reading, text: str, span) -> Entity | None:
        """The group a plural reference stands for ("both countries"), whose members are the pair."""
        avoid: set[str] = set()
        for subj in clause_subject(tok):
            if subj.i < tok.i:
                avoid |= keys_of(self.entity_for_token(subj))
        found = find_pair(reading, self.seen, self.pairs, self.sent_index, self._offset(tok), avoid)
        if not found:
            return None
        members = [self._pair_member(e, reading, text, span) for e in found]
        key = "pair|" + "|".join(sorted(m.id or m.name for m in members))
        return Entity(
            name=strip_det(text),
            text=text,
            span=span,
            kind="group",
            members=members,
            stands_for_members=True,
            id="g-" + short_hash(key),
        )

    # -- definite descriptions of a country
    def described_country(self, tok, desc: Description, text: str, span) -> Entity | None:
        """The state "the Asian country" stands for: the most salient that fits, not the subject
        of its own clause."""
        avoid: set[str] = set()
        for subj in governing_subjects(tok):
            if subj.i < tok.i:
                avoid |= keys_of(self.entity_for_token(subj))
        for seen in ranked(self.seen, self.sent_index, self._offset(tok), DESCRIPTION_WINDOW):
            iso3 = state_key(seen.entity)
            if iso3 and iso3 not in avoid and desc.fits(iso3, self.kb.countries.get(iso3, "")):
                return state_entity(iso3, self.kb.countries.get(iso3, iso3), text, span)
        only = desc.only_fit()  # "the hermit state": the one country that fits, named or not
        return state_entity(only, self.kb.countries.get(only, only), text, span) if only else None

    def _pair_member(self, e: Entity, reading: Reading, text: str, span) -> Entity:
        if reading.kind == STATES and e.kind != "state":  # "both countries": the states
            return state_entity(e.country, self.kb.countries.get(e.country, e.country), text, span)
        copy = copy_at(e, text, span)
        if e.kind == "person":
            self.person_entities.append((copy, e))
        return copy

    def _last_group_before(self, tok, kinds, singular: bool = False) -> Entity | None:
        """The last organisation, state or group named before the token, not as a place: "it",
        "they", "the organisation"; for a `singular` one ("it"), not one named in the plural."""
        offset = self._offset(tok)
        # (a city standing for its people is no antecedent of "it": "the Istanbul meeting ... it")
        before = [
            e
            for at, e in self.groups
            if at < offset
            and e.kind in kinds
            and not is_place(e)
            and id(e) not in self.located
            and not (singular and id(e) in self.plural_groups)
        ]
        return before[-1] if before else None

    # -- what a token stands for
    def entity_for_token(self, tok, avoid: frozenset = frozenset()) -> Entity | None:
        """The actor a token stands for; a pronoun never stands for an actor id in `avoid` (the
        subject of its own clause: in "Kiir pardoned him", "him" is not Kiir)."""
        m = self.by_token.get((id(tok.doc), tok.i))
        if m is not None:
            return m.entity
        reading = pair_reading(tok)
        if reading is not None:  # "the two discussed trade", "both sides agreed"
            phrase = tok.doc[tok.left_edge.i : tok.i + 1]
            start = self._offset(phrase[0])
            return self.pair_for(tok, reading, phrase.text, (start, start + len(phrase.text)))
        low = self.words.get(tok.lower_, tok.lower_)
        if low in PERSON_PRONOUNS:
            at = earlier_of_chain(tok) or tok  # "his talks with Kim ahead of his visit": the first "his"'s
            return self._clone_person(self._last_person_before(at, avoid, self._clause_states(at)), tok)
        if low in FIRST_PERSON_PRONOUNS and (author := self._post_author(tok)) is not None:
            return (
                self._clone_person(self._cluster_of(author), tok)
                if author.kind == "person"
                else self._clone(author, tok)
            )
        if low in FIRST_PERSON_PRONOUNS and self._inside_quote(tok):
            speaker = self.speakers.get(id(tok.doc))
            if speaker is not None and speaker.kind == "person":
                return self._clone_person(self._cluster_of(speaker), tok)
            return self._clone(speaker, tok)
        if low in PLURAL_PRONOUNS:
            return self._clone(self._last_group_before(tok, ACTOR_KINDS), tok)
        if low in THING_PRONOUNS:  # "the Indian military said it had launched": the last body named
            earlier = self._subject_it_before(tok)  # (or the subject "it" before goes on)
            if earlier is not None:
                return self.entity_for_token(earlier, avoid)
            return self._clone(self._last_group_before(tok, ACTOR_KINDS, singular=True), tok)
        if tok.lemma_.lower() in ORG_ANAPHORS and _definite(tok):
            return self._clone(self._last_group_before(tok, ("organization",)), tok)
        return None

    def _subject_it_before(self, tok):
        """A subject "it" goes on with the subject "it" before it, in its sentence or the one
        before, when no body is named as a main clause's subject between them: in "Tunisia
        condemned the attack. It said the attacker had acted alone and expressed solidarity with
        France. It also said it was opening an inquiry", each "it" is Tunisia, not France."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        k = next(
            (k for k in range(len(self.spans) - 1, -1, -1) if _holds(self.spans[k], tok)),
            None,
        )
        if k is None:
            return None
        before = [t for t in self.spans[k] if t.i < tok.i]
        if k > 0:
            before = list(self.spans[k - 1]) + before
        for t in reversed(before):
            if t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if t.lower_ in THING_PRONOUNS:
                return t
            m = self.by_token.get((id(t.doc), t.i))
            if (
                m is not None
                and m.entity is not None
                and m.entity.kind in ACTOR_KINDS
                and t.head.dep_ == "ROOT"
            ):
                return None
        return None

    def _last_person_before(self, tok, avoid: frozenset = frozenset(), others: frozenset = frozenset()):
        """The person a pronoun stands for: the last named, not one in `avoid`, nor one of a
        country in `others` ("He thanked China": not the Chinese minister)."""
        offset = self._offset(tok)
        before = [
            p
            for at, p in self.person_mentions
            if at < offset and person_id(p) not in avoid and id(p) not in self.plural_persons
        ]
        fitting = [p for p in before if p.country not in others]
        return (fitting or before)[-1] if before else None

    def _clause_states(self, tok) -> frozenset:
        """The countries of the states and governments named as the other parties of a clause."""
        verb, _ = clause_head(tok)
        if verb is None:
            return frozenset()
        found = (self.by_token.get((id(tok.doc), i)) for i in participants(verb) if i != tok.i)
        return frozenset(
            m.entity.country
            for m in found
            if m is not None
            and m.entity is not None
            and m.entity.country
            and m.entity.kind in ("state", "organization")
            and m.entity.sector in ("GOV", None)
            and not is_place(m.entity)
        )

    def _offset(self, tok) -> int:
        sent = next(
            (
                s
                for s in self.doc.sentences
                if s.span is not None and s.span.doc is tok.doc and s.span.start <= tok.i < s.span.end
            ),
            None,
        )
        return (sent.offset if sent else 0) + tok.idx

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
            return copy_at(e, e.text, tuple(e.span))
        return copy_at(e, tok.text, (start, start + len(tok)))

    def as_phrase(self, e: Entity, phrase) -> Entity:
        """The actor as the phrase of a role names it: in "blamed Netanyahu's hardline policies"
        the recipient is Netanyahu, written "Netanyahu's hardline policies". Only an actor named
        inside the phrase: in "a visit to Washington" Washington is written "Washington"."""
        start = self._offset(phrase[0])
        end = self._offset(phrase[-1]) + len(phrase[-1])
        if not (start <= e.span[0] and e.span[1] <= end) or (start, end) == tuple(e.span):
            return e  # named after the phrase ("a visit to Washington"), or the phrase itself
        copy = copy_at(e, self.doc.text[start:end], (start, end))
        if e.kind == "person":  # named as the document finally knows the person
            self.person_entities.append((copy, self._cluster_of(e)))
        return copy

    # -- quotations
    def _post_author(self, tok) -> Entity | None:
        """The author of a post an article embeds ("I" in it), a person the article named before
        the signature that ends the post's line (posts.py)."""
        surname = signature_surname(tok)
        if surname is None:
            return None
        offset = self._offset(tok)
        named = [p for at, p in self.person_mentions if at < offset and surname in p.name.split()]
        return named[-1] if named else None

    def _inside_quote(self, tok) -> bool:
        return inside_quote_only(tok) or id(tok.doc) in self.speakers

    def find_speaker(self, sent) -> None:
        """`"...," Norov told TASS` / `he specified`: the subject of a speech verb outside quotes."""
        span = sent.span
        if QUOTE_CHARS not in span.doc.text:
            return
        for tok in span:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB" and not inside_quote_only(tok):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    ent = self.entity_for_token(subj)
                    if ent is not None:
                        self.speakers[id(span.doc)] = ent
                        return


def inside_quote_only(tok) -> bool:
    """Whether an odd number of quotation marks stands before the token in its passage."""
    marks = tok.doc.user_data.get("dragoman_quotes")
    if marks is None:  # offsets of the passage's quotation marks, found once
        marks = tok.doc.user_data["dragoman_quotes"] = [
            i for i, c in enumerate(tok.doc.text) if c == QUOTE_CHARS
        ]
    return bisect_left(marks, tok.idx) % 2 == 1


def _holds(span, tok) -> bool:
    return span.doc is tok.doc and span.start <= tok.i < span.end


def _within(part: str, name: str) -> bool:
    """Whether a name's words run inside another's ("Tan" in "Hock Tan", not "man" in "Hattermann")."""
    return f" {' '.join(part.lower().split())} " in f" {' '.join(name.lower().split())} "


def _definite(tok) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in tok.children)
