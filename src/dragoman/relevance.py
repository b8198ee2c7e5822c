"""Political relevance: PLOVER codes political interaction, so a document about sports,
entertainment, products or markets yields no event unless political actors act in it.

Two decisions, each measured in benchmarks/relevance.py:

- The document. A logistic regression over the lower-case words of its text (the model in
  data/relevance/model.tsv, trained by scripts/train_relevance.py on texts that are not the
  measuring set) gives the probability that it is political news.
- The event. In a document below the threshold, and in a sentence about a sport in any
  document, an event stays only if both its sides are political actors (`political_actor`:
  states, governments and their officials, IGOs, NGOs, armed groups, parties, courts, police),
  or one is and the other is a company or business people dealing with it. In a sports
  result ("Brazil beat Germany 7-1"), a nation or city stands for its team, not its state.

The pipeline calls `RelevanceFilter.drop_irrelevant(doc)` once a document's events are found.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from .model import Document, Entity, Event

DATA = "relevance"
MODEL_FILE = "model.tsv"
RULES_FILE = "rules.toml"
BIAS = "(bias)"
# Lower-case words only: names (Syria, Apple, the Cubs) say who, not what kind of news it is,
# and a model of common words carries over to places and people it was not trained on.
WORD = re.compile(r"\b[a-z][a-z'-]*[a-z]\b")
SPORT_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
FORCE_EVENTS = ("ASSAULT",)  # acts of force a crime is told with
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")


def content_words(text: str) -> int:
    return sum(1 for w in WORD.findall(text) if w not in STOP_WORDS)


def features(text: str) -> dict[str, float]:
    """Sublinear counts of the text's lower-case content words, scaled to unit length, so a
    short article and a long one are scored on the same footing."""
    counts = Counter(w for w in WORD.findall(text) if w not in STOP_WORDS)
    values = {w: 1.0 + math.log(n) for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {w: v / norm for w, v in values.items()}


@dataclass(frozen=True)
class RelevanceModel:
    weights: dict[str, float]
    bias: float

    def probability(self, text: str) -> float:
        """How likely the text is political news (0..1)."""
        z = self.bias + sum(self.weights.get(w, 0.0) * v for w, v in features(text).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> RelevanceModel:
    text = resources.files("dragoman.data").joinpath(DATA).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
            continue
        word, weight = line.split("\t")
        weights[word] = float(weight)
    return RelevanceModel(weights, weights.pop(BIAS, 0.0))


@dataclass(frozen=True)
class Rules:
    political_sectors: frozenset[str]
    business_sectors: frozenset[str]
    political_roles: frozenset[str]
    sports_terms: tuple[str, ...]
    terror_terms: tuple[str, ...] = ()
    mass_violence_terms: tuple[str, ...] = ()

    def terror_told(self, text: str) -> bool:
        low = f" {' '.join(SPORT_WORD.findall(text.lower()))} "
        return any(f" {term} " in low for term in self.terror_terms + self.mass_violence_terms)

    def mass_violence_told(self, text: str) -> bool:
        low = f" {' '.join(SPORT_WORD.findall(text.lower()))} "
        return any(f" {term} " in low for term in self.mass_violence_terms)

    def sports_passage(self, text: str) -> bool:
        low = f" {' '.join(SPORT_WORD.findall(text.lower()))} "
        return any(f" {term} " in low for term in self.sports_terms)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = tomllib.loads(
        resources.files("dragoman.data").joinpath(DATA).joinpath(RULES_FILE).read_text(encoding="utf-8")
    )
    terms = sorted({t.lower() for group in raw["sports_terms"].values() for t in group})
    return Rules(
        frozenset(raw["political_sectors"]),
        frozenset(raw["business_sectors"]),
        frozenset(raw["political_roles"]),
        tuple(terms),
        tuple(sorted({" ".join(SPORT_WORD.findall(t.lower())) for t in raw.get("terror_terms", ())})),
        tuple(sorted({" ".join(SPORT_WORD.findall(t.lower())) for t in raw.get("mass_violence_terms", ())})),
    )


def political_actor(e: Entity, rules: Rules) -> bool:
    """A state, a government body or official, an IGO or NGO, an armed group, a party, a court,
    the police (with a known country or organisation, so that a title alone, "the president" of
    a company or "officials" of no known state, is not enough); and protesters."""
    if e.kind == "state" and e.sector is None:
        return False  # a place standing for its people ("a rally in Arizona")
    if e.country in ("IGO", "NGO") or e.title in rules.political_roles:
        return True
    return e.sector in rules.political_sectors and bool(e.country or e.org)


def team_named(e: Entity) -> bool:
    """ "Brazil", "the Indians", "Cleveland" in a sports result: a team named after a nation or
    a city, written as the bare name (no "government", "police", "troops")."""
    if e.kind not in ("state", "group") or not e.country:
        return False
    words = re.sub(r"^(the|a|an)\s+", "", e.text.strip(), flags=re.I).split()
    return bool(words) and all(w[:1].isupper() for w in words)


def political_event(event: Event, rules: Rules, sports_result: bool = False) -> bool:
    """Both sides political actors, or one political and the other a company or business people
    (a company fined by a regulator, a chief executive received by a president). An event with
    no recipient needs a political actor."""

    def sides(entities: list[Entity]) -> list[Entity]:
        return [e for e in entities if not (sports_result and team_named(e))]

    actor, recipient = sides(event.actor), sides(event.recipient)
    political = [any(political_actor(e, rules) for e in side) for side in (actor, recipient)]
    business = [any(e.sector in rules.business_sectors for e in side) for side in (actor, recipient)]
    if not event.recipient:
        return political[0]
    return (political[0] or business[0]) and (political[1] or business[1]) and (political[0] or political[1])


def crime(event: Event, rules: Rules) -> bool:
    """An act of force between ordinary people: no side names a state, an official, a force, an
    armed group or an organisation ("a man stabbed his neighbour in Leeds": the place is where)."""
    if event.event not in FORCE_EVENTS:
        return False
    return not any(
        e.org or e.sector in rules.political_sectors or e.country and not place_for_people(e)
        for e in event.actor + event.recipient
    )


def place_for_people(e: Entity) -> bool:
    return e.kind == "state" and e.sector is None


@dataclass
class RelevanceFilter:
    model: RelevanceModel
    rules: Rules
    threshold: float
    min_words: int = 0

    @classmethod
    def from_settings(cls, settings) -> RelevanceFilter | None:
        if not settings.get("relevance", "enabled"):
            return None
        return cls(
            load_model(),
            load_rules(),
            settings.get("relevance", "threshold"),
            settings.get("relevance", "min_words"),
        )

    def political_document(self, doc: Document) -> bool:
        """Judged by its words when it has enough of them; a sentence or two says too little
        about what a document is about, and is left to the actor rules."""
        if content_words(doc.text) < self.min_words:
            return True
        return self.model.probability(doc.text) >= self.threshold

    def drop_irrelevant(self, doc: Document) -> None:
        """Keep the events a careful coder would: all of a political document's, except those in
        a sentence about a sport between actors that are not both political; of any other
        document, only those between political actors, and the force of a document that tells
        of a mass shooting (whatever its other words: a festival, a casino, a hotel)."""
        political_doc = self.political_document(doc)
        violence = self.rules.mass_violence_told(doc.text)
        doc.events = [
            e
            for e in doc.events
            if self.keeps(e, political_doc)
            or violence
            and e.event in FORCE_EVENTS
            and not self.rules.sports_passage(e.text)
        ]
        if any(crime(e, self.rules) for e in doc.events) and not self.rules.terror_told(doc.text):
            doc.events = [e for e in doc.events if not crime(e, self.rules)]

    def keeps(self, event: Event, political_doc: bool) -> bool:
        sports = self.rules.sports_passage(event.text)
        if political_doc and not sports:
            return True
        return political_event(event, self.rules, sports_result=sports and bool(SCORE.search(event.text)))
