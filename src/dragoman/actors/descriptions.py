"""Definite descriptions of a country: "the Asian country", "the reclusive nation", "the
communist regime", "the North".

Such a phrase names no country but refers back to one: the most salient country named in the
last sentences (ranked as for plural references: pairs.ranked) that fits what the phrase says
of it (a region adjective: "Asian", "Gulf", "Balkan"; "the North": a name that begins so), and
that is not the subject of a clause the phrase is said in ("Trump threatened to destroy the
Asian country": not the United States).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..words import words

COUNTRY_NOUNS = words("country_nouns")
COMPASS_WORDS = words("compass_words")
DEFINITE = ("the", "this", "that")
DESCRIPTION_WINDOW = 5  # sentences looked back for the country described
MAX_REGION_WORDS = 3  # "Horn of Africa"


@dataclass(frozen=True)
class Description:
    within: frozenset[str] | None = None  # the countries its region adjectives allow
    compass: str | None = None  # "north": a country whose name starts "North "

    def fits(self, iso3: str, name: str) -> bool:
        if self.within is not None and iso3 not in self.within:
            return False
        return self.compass is None or name.lower().startswith(self.compass + " ")

    def only_fit(self) -> str | None:
        """The one country an epithet fits ("the hermit state"), if it fits only one."""
        return next(iter(self.within)) if self.within is not None and len(self.within) == 1 else None


def country_description(root, regions: dict[str, frozenset[str]]) -> Description | None:
    """Whether the head token of a phrase with no country of its own describes a country."""
    det = next((c for c in root.children if c.dep_ == "det" and c.lower_ in DEFINITE), None)
    if det is None:
        return None
    if root.lower_ in COMPASS_WORDS and root.text[:1].isupper():  # "the North's leader"
        return Description(compass=root.lower_)
    if (
        root.lemma_.lower() not in COUNTRY_NOUNS
        or root.tag_ in ("NNS", "NNPS")
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    ):  # "the state of Texas"
        return None
    return Description(within=_region(root.doc[det.i + 1 : root.i], regions))


def _region(modifiers, regions: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """The countries the region adjectives among a head's modifiers allow ("the oil-rich Gulf")."""
    within = None
    words_ = [t.text.lower() for t in modifiers]
    i = 0
    while i < len(words_):
        for n in range(min(MAX_REGION_WORDS, len(words_) - i), 0, -1):
            found = regions.get(" ".join(words_[i : i + n]))
            if found is not None:
                within = found if within is None else within & found
                i += n
                break
        else:
            i += 1
    return within


# ---------------------------------------------------------------- what a text says of a name


def described_names(mentions: list, doc) -> None:
    """A name with an apposition or a "who is" clause takes what the description says of it:
    "Suga, who is the Japanese government's top spokesman", "Hua, a spokeswoman for the Chinese
    Foreign Ministry" are people, spokespeople, of Japan, of China. Mentions are changed in place."""
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        _name_the_title(m, at, doc)
        _whose_title(m, at, doc)
        if m.role or m.org or m.country or m.known or m.countries:
            continue  # only a bare name
        root = doc[m.start : m.end].root
        head = description_of(root)
        desc = at.get(head.i) if head is not None else None
        if (
            desc is None
            or desc is m
            or desc.role is None
            or desc.role.kind != "person"
            or desc.person
            or desc.known
            or desc.plural
        ):
            continue
        whose = [at.get(t.i) for t in _whose(head)]
        m.role = desc.role
        m.country = desc.country or next((w.country for w in whose if w is not None and w.country), None)
        m.org = desc.org or next((w.org for w in whose if w is not None and w.org), None)
        m.person = m.person or " ".join(t.text for t in m.tokens if t.lower_ != "the")


def _whose_title(m, at: dict, doc) -> None:
    """ "a spokesperson for AU Commission chairperson Faki", "the chairman of Germany's police
    union": a title held for a body or a person takes its organisation and country."""
    if m.role is None or m.role.kind != "person" or m.plural or m.person or m.known or m.country or m.org:
        return
    whose = [w for t in _whose(doc[m.start : m.end].root) if (w := at.get(t.i)) is not None and w is not m]
    m.country = next((w.country for w in whose if w.country), None)
    m.org = next((w.org for w in whose if w.org), None)


def _name_the_title(m, at: dict, doc) -> None:
    """ "The chief cabinet secretary, Yoshihide Suga, said": the title is the person named after it."""
    if m.role is None or m.role.kind != "person" or m.person or m.known or m.plural:
        return
    name = next((at.get(c.i) for c in doc[m.start : m.end].root.children if c.dep_ == "appos"), None)
    if name is not None and name is not m and (name.known or name.person):  # (a "former journalist X" too)
        m.known, m.person = name.known, name.known.name if name.known else name.person


def description_of(root):
    """The head of what is said of a name: its apposition ("Sugawara, the top spokesman") or the
    complement of a relative "who is" ("Suga, who is the top spokesman")."""
    for c in root.children:
        if c.dep_ == "appos":
            return c
        if (
            c.dep_ == "relcl"
            and c.lemma_ == "be"
            and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
        ):
            return next((a for a in c.children if a.dep_ == "attr"), None)
    return None


def _whose(head) -> list:
    """Who a title is held for: "the government's spokesman", "a spokeswoman for the ministry"."""
    out = [c for c in head.children if c.dep_ == "poss"]
    return out + [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in ("for", "of", "at")
        for o in p.children
        if o.dep_ == "pobj"
    ]
