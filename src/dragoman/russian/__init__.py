"""Russian, coded natively: the same stages and records as English.

    annotate   natasha → a spaCy Doc in the English label scheme   (russian.annotate, .syntax)
    actors     mentions from Russian knowledge on lemmas, resolved by the shared resolver
               (russian.mentions, .knowledge, .translit)
    events     the shared EventExtractor with the Russian lexicon  (russian.lexicon)
    time/place Russian date expressions and locative phrases      (russian.dates, .places)

RussianSupport plugs these into a Pipeline; natasha and the Russian tables are loaded only when
the first Russian sentence arrives, so English-only runs cost nothing more.
"""

from __future__ import annotations

from functools import cached_property

from .annotate import LANG, annotate_russian, available

# Russian personal pronouns as the English ones the resolver knows ("Жапаров его поддержал").
PRONOUNS = {
    "он": "he",
    "его": "him",
    "ему": "him",
    "него": "him",
    "нему": "him",
    "ним": "him",
    "нем": "him",
    "нём": "him",
    "она": "she",
    "ее": "her",
    "её": "her",
    "ей": "her",
    "нее": "her",
    "неё": "her",
    "ней": "her",
    "они": "they",
    "их": "them",
    "им": "them",
    "ими": "them",
    "них": "them",
    "ними": "them",
    "оно": "it",
}

__all__ = ["LANG", "RussianSupport", "annotate_russian", "available"]


class RussianSupport:
    """The Russian parts of a Pipeline: registered with its actor resolver at start-up."""

    def __init__(self, resolver, gazetteer, political_only: bool = True, extra_dirs: tuple[str, ...] = ()):
        self.resolver, self.gazetteer = resolver, gazetteer
        self.political_only, self.extra_dirs = political_only, tuple(extra_dirs)
        resolver.finders[LANG] = self.mentions
        resolver.words.update(PRONOUNS)
        from .wordclasses import extend_word_classes

        extend_word_classes()

    def annotate(self, doc):
        return annotate_russian(doc)

    def mentions(self, span):
        return self._finder.find(span)

    @cached_property
    def _finder(self):
        from .knowledge import load_russian_knowledge
        from .mentions import RussianMentions

        rk = load_russian_knowledge(self.resolver.kb, self.extra_dirs)
        return RussianMentions(rk, self.resolver.kb, self.gazetteer)

    @cached_property
    def extractor(self):
        from .extractor import RussianExtractor
        from .lexicon import load_russian_lexicon

        return RussianExtractor(load_russian_lexicon(), political_only=self.political_only)

    def drop_headline_repeats(self, doc, found):
        """Events a Russian report repeats: its headline's (russian.headlines) and the later
        mentions of its meeting (russian.meetings)."""
        from .headlines import drop_headline_repeats
        from .meetings import drop_meeting_repeats

        return drop_meeting_repeats(drop_headline_repeats(doc, found))

    def story_places(self, doc, near) -> dict[int, object]:
        """id of a Russian sentence → the place its story is set in (russian.places)."""
        from .places import story_places

        sentences = [s for s in doc.sentences if s.lang == LANG]
        return story_places(sentences, self.gazetteer, near) if sentences else {}

    def event_date(self, span, anchor, trigger_i):
        from .dates import event_date

        return event_date(span, anchor, trigger_i)

    def event_place(self, span, trigger_i, near, offset):
        from .places import event_place

        return event_place(span, trigger_i, self.gazetteer, near, offset)
