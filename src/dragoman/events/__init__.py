"""The events stage: triggers from the lexicon, roles from the dependency parse.

For each sentence: find triggers (verbs, light-verb + noun pairs such as "held talks",
nouns with actors of their own such as "support of the SCO member states"), fill their roles
(subject or passive agent → actor; object, passive subject or the trigger's preposition →
recipient; a missing subject is inherited from the clause the trigger hangs from), resolve the
role fillers to actors, and decide modality (negated, future, intended, hypothetical).

    lexicon.py     trigger and context words (data/events/), what the coded rules produce
    candidates.py  finding triggers: the public Trigger and Candidate types
    speech.py      what a speaker says of another ("X said Y must withdraw", "called the vote crazy")
    roles.py       which tokens fill each role (subject, object, prepositions, possessor)
    fillers.py     resolving role tokens to actors; who counts as a political actor
    agents.py      who acts when the words do not name an actor: the maker of a text that acts,
                   the authorities behind a passive arrest, the captors behind a release
    modality.py    asserted, negated, future, intended, hypothetical
    drops.py       the policy rules on when a candidate makes no event
    recode.py      the policy rules on when an event is coded otherwise than its trigger says
    acts.py        acts named by a noun ("condemned the test") and who did them
    extractor.py   EventExtractor, which runs them over a sentence
    document.py    DocumentActs: what needs the whole document (who did the test)
    responses.py   a document-level step: an act in response to another is aimed at its actor
"""

from __future__ import annotations

from .candidates import Candidate, Trigger
from .document import DocumentActs
from .extractor import EventExtractor, dedupe
from .lexicon import Lexicon, load_lexicon
from .modality import modality_of
from .responses import answer_responses

__all__ = [
    "Candidate",
    "DocumentActs",
    "EventExtractor",
    "Lexicon",
    "Trigger",
    "answer_responses",
    "dedupe",
    "load_lexicon",
    "modality_of",
]
