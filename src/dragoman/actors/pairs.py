"""Plural references to a pair: "the two", "both sides", "the ministers", "both countries".

Such a phrase stands for the two most recent distinct actors of its kind: two states for
"both countries" and "the two governments", two people with that title for "the ministers"
and "the two leaders", the two sides just joined by "and" for "the sides" and "both parties",
and for "the two" and "both" alone that pair, else two people, else two states. Recency counts
by sentence: in the reference's own sentence the last named first, in the sentences before it
the subjects first (what a sentence is about), then the others, the last named first. An actor
named as the place of something ("in Astana") is no candidate, nor the subject of the
reference's own clause ("He called on both countries": not his).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity
from ..syntax import LOCATIVE_PREPS, conjuncts_deep, first_conjunct, inherited_subject
from ..words import words
from .entities import NON_STATE, same_title

PAIR_STATE_NOUNS = words("pair_state_nouns")
PAIR_SIDE_NOUNS = words("pair_side_nouns")
PAIR_WORDS = words("pair_words")
PAIR_PERSON_NOUNS = words("pair_person_nouns")
# The titles a plural reference of this title stands for, by their words: "the leaders" are
# presidents, prime ministers and kings; "the diplomats" foreign ministers and ambassadors.
TITLE_FAMILIES = {
    "leader": words("leader_title_words"),
    "diplomat": words("diplomat_title_words"),
    "ambassador": words("diplomat_title_words"),
}
PAIR_WINDOW = 2  # the pair is looked for in the reference's sentence and the two before it
TITLED_WINDOW = 5  # people with the title a reference names ("the foreign ministers"), further back
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr")
PLURAL_TAGS = ("NNS", "NNPS")
FINITE_TAGS = ("VBZ", "VBD", "VBP", "MD")

PAIRED_DETS = frozenset({"both", "two"})  # "both sides", "the two governments"
DEFINITE_DETS = frozenset({"the", "these"})  # "the sides"
# Languages without articles, where a bare plural ("стороны обсудили") reads as "the sides" does:
# none in English; dragoman.russian adds "ru" (data/ru/word_classes.tsv).
ARTICLELESS_LANGS: frozenset[str] = frozenset()

STATES, SIDES, ANY, PEOPLE = "states", "sides", "any", "people"


@dataclass(frozen=True)
class Reading:
    """How a phrase refers to a pair: the kind of its members, the title people must hold,
    and whether the phrase only may refer to a pair ("foreign ministers" with no determiner)."""

    kind: str
    title: str | None = None
    weak: bool = False


@dataclass
class Seen:
    """An actor named in the document, and what makes it salient."""

    sent: int  # index of its sentence in the document
    offset: int  # where it is named in the document text
    subject: bool
    entity: Entity  # for a person, the cluster


def salience(root, last=None) -> tuple[bool, bool]:
    """(subject, located) of a mention with this head token (and last token): "China and Russia
    agreed" are subjects; "met in Astana" names a place, not an actor of the sentence."""
    tok = first_conjunct(root)
    subject = tok.dep_ in ("nsubj", "nsubjpass") or subject_misparsed(last or root)
    located = tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS
    return subject, located


def subject_misparsed(last) -> bool:
    """ "China supplies oil and Russia employs workers": spaCy may hang "Russia" on "oil"; a name
    right before a finite verb that has no subject of its own is that verb's subject."""
    doc, i = last.doc, last.i + 1
    while i < len(doc) and doc[i].is_punct:
        i += 1
    if i >= len(doc) or doc[i].tag_ not in FINITE_TAGS or doc[i].sent.start != last.sent.start:
        return False
    verb = doc[i].head if doc[i].dep_ in ("aux", "auxpass") else doc[i]  # "Ankara would continue"
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def pair_reading(tok, role=None) -> Reading | None:
    """Whether the head token of a phrase refers to a pair, and how. `role` is the role the
    knowledge files gave its mention, if any."""
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod", "preconj")}
    paired = bool(dets & PAIRED_DETS)
    definite = bool(dets & DEFINITE_DETS) or (not dets and tok.doc.lang_ in ARTICLELESS_LANGS)
    low = tok.lower_
    if low in PAIR_WORDS and tok.dep_ in NOMINAL_DEPS and not _has_noun_after(tok):
        if low == "both" or "the" in dets:  # "both agreed", "the two discussed", "the pair"
            return Reading(ANY)
        return None
    if tok.tag_ not in PLURAL_TAGS or _qualified(tok):
        return None
    lemma = tok.lemma_.lower()
    if lemma in PAIR_PERSON_NOUNS and (paired or definite):  # "the two men": any two people
        return Reading(PEOPLE)
    if lemma in PAIR_STATE_NOUNS and paired:
        return Reading(STATES)
    if lemma in PAIR_SIDE_NOUNS and (paired or definite):
        return Reading(SIDES)
    if role is not None and role.kind == "person":
        if paired or definite:
            return Reading(PEOPLE, role.name)
        if not any(c.dep_ == "det" or c.dep_ == "nummod" for c in tok.children):
            return Reading(PEOPLE, role.name, weak=True)  # "foreign ministers discussed trade"
    return None


def _has_noun_after(tok) -> bool:
    """ "the two countries": "two" modifies a noun; "the two agreed": it stands alone."""
    return tok.dep_ in ("det", "nummod", "predet", "preconj", "quantmod")


def _qualified(tok) -> bool:
    """ "the ministers of the SCO", "the parties to the conflict", "ministers who ...": a phrase
    that says who it means is no reference back."""
    return any(
        (c.dep_ in ("relcl", "acl") and not _after_comma(c))
        or (c.dep_ == "prep" and c.lower_ in ("of", "to", "from", "in"))
        for c in tok.children
    )


def _after_comma(clause) -> bool:
    """ "the two countries, which are divided by ...": a clause that only adds to what is meant."""
    first = clause.left_edge
    return first.i > 0 and first.doc[first.i - 1].text == ","


def clause_head(tok):
    """The verb of the clause a phrase is part of (None if there is none), and whether the phrase
    is (in) the subject."""
    node = tok
    in_subject = False
    for _ in range(8):
        in_subject = in_subject or node.dep_ in ("nsubj", "nsubjpass", "csubj")
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return (node, in_subject) if node.pos_ in ("VERB", "AUX") else (None, in_subject)


def clause_subject(tok) -> list:
    """The subject of the clause a phrase is part of, if the phrase is not (in) it: "He called on
    both countries" (a pair may hold the subject of a clause above: "he said the two leaders
    had agreed")."""
    verb, in_subject = clause_head(tok)
    if verb is None or in_subject:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or inherited_subject(verb)


def governing_subjects(tok) -> list:
    """The subjects of the clauses a phrase is part of, its own and those above it, that it is not
    in: a description is not the subject of a clause it is said in ("the Trump administration
    insists the regime must give up": the regime is not the administration's country)."""
    out, node = [], tok
    for _ in range(12):
        parent = node.head
        # not past an adverbial clause with a subject of its own: in "Pyongyang threatened Guam
        # after Trump said the North would face fire", the North may be Pyongyang
        if parent.i == node.i or (
            node.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            break
        if parent.pos_ in ("VERB", "AUX"):
            out += [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != node.i]
        node = parent
    return out


def participants(verb) -> set[int]:
    """The token indices of who takes part in a clause: its subject, objects and the objects of
    its prepositions but those of place ("thanked China for its support": the subject and China),
    with their conjuncts."""
    direct = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "attr")]
    direct += [
        o
        for p in verb.children
        if p.dep_ in ("prep", "agent") and p.lower_ not in LOCATIVE_PREPS
        for o in p.children
        if o.dep_ == "pobj"
    ]  # not where: "met officials in Astana"
    return {t.i for d in direct for t in (d, *conjuncts_deep(d))}


def keys_of(e: Entity | None) -> set[str]:
    """What an actor excludes from a pair it is the other party of: itself and its country."""
    if e is None:
        return set()
    out = {k for k in (e.id, e.country) if k and k not in NON_STATE}
    for m in e.members if e.stands_for_members else []:
        out |= keys_of(m)
    return out


def ranked(seen: list[Seen], sent: int, offset: int, window: int) -> list[Seen]:
    """The actors named before `offset` in sentence `sent` and the `window` sentences before it,
    most salient first: the nearer sentence first; in the reference's own sentence the last named
    first, in those before the subjects first, then the others, the last named first."""
    found = [s for s in seen if s.sent >= sent - window and s.offset < offset]
    return sorted(found, key=lambda s: (-s.sent, s.sent < sent and not s.subject, -s.offset))


def find_pair(
    reading: Reading,
    seen: list[Seen],
    pairs: list[tuple[int, int, list[Entity]]],
    sent: int,
    offset: int,
    avoid: set[str],
) -> list[Entity]:
    """The two actors a reference made in sentence `sent` at `offset` stands for (or [])."""
    window = ranked(seen, sent, offset, PAIR_WINDOW)
    joined = [p for n, at, p in pairs if n >= sent - PAIR_WINDOW and at < offset]
    if joined and _fits(joined[-1], reading) and not any(keys_of(e) & avoid for e in joined[-1]):
        return list(
            joined[-1]
        )  # "China and Russia ... both countries", "the government and the rebels ... both sides"
    if reading.kind == ANY:
        people = _distinct([s for s in window if s.entity.kind == "person"], avoid, person_key)
        return people if len(people) == 2 else _states(window, avoid)
    if reading.kind in (STATES, SIDES):
        return _states(window, avoid)
    titled = [
        s
        for s in ranked(seen, sent, offset, TITLED_WINDOW)
        if s.entity.kind == "person" and holds_title(s.entity, reading.title)
    ]
    return _distinct(titled, avoid, person_key)


def _fits(pair: list[Entity], reading: Reading) -> bool:
    """Whether two actors joined by "and" are of the kind a reference names."""
    if reading.kind == STATES:
        return len({state_key(e) for e in pair} - {None}) == 2
    if reading.kind == PEOPLE:
        return all(e.kind == "person" and holds_title(e, reading.title) for e in pair)
    return True


def _states(window: list[Seen], avoid: set[str]) -> list[Entity]:
    """Two distinct countries, as the actors that carry them (states, their people, officials)."""
    return _distinct([s for s in window if s.entity.country], avoid, state_key)


def _distinct(found: list[Seen], avoid: set[str], key) -> list[Entity]:
    """The first two actors of distinct keys, none to avoid, in the order the text names them."""
    out, keys = [], set()
    for s in found:
        k = key(s.entity)
        if k is None or k in keys or k in avoid or (s.entity.id and s.entity.id in avoid):
            continue
        keys.add(k)
        out.append(s)
        if len(out) == 2:
            return [s.entity for s in sorted(out, key=lambda s: s.offset)]
    return []


def person_key(e: Entity) -> str | None:
    return e.id


def state_key(e: Entity) -> str | None:
    return e.country if e.country and e.country not in NON_STATE else None


def holds_title(person: Entity, title: str | None) -> bool:
    """Whether a person holds the title a reference names: "the ministers" are the foreign
    minister and the minister of defence; "the leaders" any heads of state or government; "the
    diplomat" an ambassador or a foreign minister; "the two men" anyone."""
    if title is None:  # "the two men"
        return True
    if person.title is None:
        return False
    family = TITLE_FAMILIES.get(title.lower())
    if family is not None:
        return bool(set(person.title.lower().replace("-", " ").split()) & family)
    return same_title(person.title, title)
