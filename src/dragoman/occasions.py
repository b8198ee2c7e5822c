"""The day and place an occasion sentence gives the act told just before it.

News tells an act, then the ceremony it was done at: "Russian diplomats handed the aid to the
authorities of Tajikistan. The ceremony took place on 26 October in Dushanbe." ("Торжественная
церемония состоялась накануне, 26 октября"). A sentence whose subject is a ceremony noun
(data/events/words.toml, ceremony_nouns) and whose verb is a verb of occurrence ("took
place", "was held", "состоялась") dates and places the acts of the sentence before it that
no words of their own date or place.
"""

from __future__ import annotations

from .events import roles
from .words import words

CEREMONY_NOUNS = words("ceremony_nouns")


def occasion_verb(following):
    """The verb of occurrence of the ceremony `following` (the next Sentence, or None) tells
    of, if it tells of one: "took" in "The ceremony took place on Tuesday"."""
    if following is None or following.span is None:
        return None
    for tok in following.span:
        if (
            tok.lemma_.lower() in CEREMONY_NOUNS
            and tok.dep_ in ("nsubj", "nsubjpass")
            and tok.head.lemma_.lower() in roles.OCCURRENCE_VERBS  # read late: Russian extends it
        ):
            return tok.head
    return None
