"""The actors stage: find actor mentions, code them, resolve them within and across documents.

    mentions.py     runs of name-like tokens, coded from the knowledge files
    entities.py     entities built from coded mentions, with ids stable across documents
    coreference.py  what surnames, titles, pronouns and "we" in a quote stand for
    document.py     DocumentActors: a document's mentions resolved in order

A mention ("SCO Secretary-General Vladimir Norov", "the Chinese government") is coded from
what the knowledge files recognise inside it: a person's name, a role, an organisation, a
country. Actor ids are stable across documents: a country's ISO code, an organisation's code,
and for a person a hash of their affiliation and surname, so "Norov" of the SCO is one actor
in every document.
"""

from __future__ import annotations

from ..knowledge import load_knowledge
from ..model import Document
from .document import DocumentActors
from .entities import is_place, place_entity
from .mentions import Mention, find_mentions, match_knowledge

__all__ = [
    "ActorResolver",
    "DocumentActors",
    "Mention",
    "find_mentions",
    "is_place",
    "match_knowledge",
    "place_entity",
]


class ActorResolver:
    """Holds the knowledge; `new_document(doc)` gives the state that resolves its sentences."""

    def __init__(self, nlp, places=None, extra_dirs: tuple[str, ...] = ()):
        self.kb = load_knowledge(_Tokenizer(nlp), extra_dirs)
        self.places = places
        # Other languages plug in here (dragoman.russian): a mention finder per language, and
        # their pronouns as the English ones coreference reads ("он" → "he").
        self.finders: dict[str, object] = {}
        self.words: dict[str, str] = {}

    def new_document(self, doc: Document) -> DocumentActors:
        """State for one document; feed it sentences in order with add_sentence."""
        return DocumentActors(doc, self.kb, self.places, self.finders, self.words)


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
