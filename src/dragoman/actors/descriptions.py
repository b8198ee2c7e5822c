"""Definite descriptions of a country: "the Asian country", "the reclusive nation", "the
communist regime", "the North".

Such a phrase names no country but refers back to one: the most salient country named in the
last sentences (the nearer sentence first, its subjects first) that fits what the phrase says
of it (a region adjective: "Asian", "Gulf", "Balkan"; "the North": a name that begins so), and
that is not the subject of the phrase's own clause ("Trump threatened to destroy the Asian
country": not the United States).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..words import words

COUNTRY_NOUNS = words("country_nouns")
COMPASS_WORDS = words("compass_words")
DEFINITE = ("the", "this", "that")
DESCRIPTION_WINDOW = 5  # sentences looked back for the country described
MAX_REGION_WORDS = 3    # "Horn of Africa"


@dataclass(frozen=True)
class Description:
    within: frozenset[str] | None = None  # the countries its region adjectives allow
    compass: str | None = None            # "north": a country whose name starts "North "

    def fits(self, iso3: str, name: str) -> bool:
        if self.within is not None and iso3 not in self.within:
            return False
        return self.compass is None or name.lower().startswith(self.compass + " ")


def country_description(root, regions: dict[str, frozenset[str]]) -> Description | None:
    """Whether the head token of a phrase with no country of its own describes a country."""
    det = next((c for c in root.children if c.dep_ == "det" and c.lower_ in DEFINITE), None)
    if det is None:
        return None
    if root.lower_ in COMPASS_WORDS and root.text[:1].isupper():  # "the North's leader"
        return Description(compass=root.lower_)
    if root.lemma_.lower() not in COUNTRY_NOUNS or root.tag_ in ("NNS", "NNPS") \
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):  # "the state of Texas"
        return None
    return Description(within=_region(root.doc[det.i + 1: root.i], regions))


def _region(modifiers, regions: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """The countries the region adjectives among a head's modifiers allow ("the oil-rich Gulf")."""
    within = None
    words_ = [t.text.lower() for t in modifiers]
    i = 0
    while i < len(words_):
        for n in range(min(MAX_REGION_WORDS, len(words_) - i), 0, -1):
            found = regions.get(" ".join(words_[i:i + n]))
            if found is not None:
                within = found if within is None else within & found
                i += n
                break
        else:
            i += 1
    return within
