"""Articles that tell one story, and where an article's events are: what linking reads
of a whole article besides its records (see rules.py).

Reports of one happening spread over an article: a headline names the city, the third
paragraph the minister, the fifth the police. Two articles published within a few days
of each other that name the same people and places, about the same countries, tell one
story; within them, two compatible reports of the same day are linked even when they
share little themselves ("police shot the driver" in both).
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import (
    NON_STATE,
    Spot,
    Verdict,
    country_names,
    day_ordinal,
    is_place,
    party_level,
    spot_of,
    with_members,
)

STORY_WINDOW = 3  # days between two articles' dates that tell one story


@dataclass(frozen=True)
class Article:
    """What an article's records name, for telling whether two articles tell one story."""

    doc_id: str
    day: int | None  # its date (ordinal)
    names: frozenset[str]  # the persons, named organisations and cities it names
    countries: tuple[str, ...]  # the (at most two) countries it names most
    labels: tuple[tuple[str, str], ...] = ()  # (key, name) for the reasons


def article_of(doc_id: str, records: list[dict], reported: str | None) -> Article:
    names, counts = {}, {}
    for record in records:
        for e in with_members((record.get("actor") or []) + (record.get("recipient") or [])):
            if is_place(e) and e["name"].lower() not in country_names():
                names.setdefault(f"p:{e['name']}", e["name"])
            elif party_level(e) == 2 and e.get("id"):
                names.setdefault(f"a:{e['id']}", e["name"])
            country = e.get("country")
            if country and country not in NON_STATE:
                counts[country] = counts.get(country, 0) + 1
        spot = spot_of(record.get("location"))
        if spot and spot.city:
            names.setdefault(f"p:{spot.name}", spot.name)
    top = sorted(counts, key=lambda c: -counts[c])[:2]
    return Article(doc_id, day_ordinal(reported), frozenset(names), tuple(top), tuple(sorted(names.items())))


def compare_articles(a: Article, b: Article) -> Verdict:
    """Two articles tell one story when they appeared within STORY_WINDOW days of each
    other and share two names (people, organisations, cities) and one of their two main
    countries, or both main countries."""
    if a.day is None or b.day is None or abs(a.day - b.day) > STORY_WINDOW:
        return Verdict(False, ("articles far apart in time",))
    shared = a.names & b.names
    names = sorted(dict(a.labels)[k] for k in shared)
    countries = [c for c in a.countries if c in b.countries]
    if not (len(names) >= 2 and countries) and len(countries) < 2:
        return Verdict(False, ("articles with too little in common",))
    said = [f"both name {', '.join(names[:3])}"] if names else []
    said.append(f"both mostly about {' and '.join(countries)}")
    said.append(f"{abs(a.day - b.day)} days apart")
    return Verdict(True, (f"their articles tell one story ({'; '.join(said)})",), len(names) + len(countries))


def article_keys(a: Article) -> list[str]:
    """Keys any article that may tell the same story shares with this one."""
    return sorted(a.names | {f"c:{c}" for c in a.countries})


def article_setting(records: list[dict]) -> Spot | None:
    """Where an article's events are: the city its records name most often (as their
    location or as a place standing for its people), if any names one twice."""
    counts: dict[Spot, int] = {}
    for record in records:
        spots = {spot_of(record.get("location"))} | {
            Spot(e["name"], e.get("country"), e["name"].lower() not in country_names())
            for e in with_members((record.get("actor") or []) + (record.get("recipient") or []))
            if is_place(e)
        }
        for spot in spots:
            if spot and spot.city:
                counts[spot] = counts.get(spot, 0) + 1
    if not counts:
        return None
    spot, n = max(counts.items(), key=lambda kv: (kv[1], -list(counts).index(kv[0])))
    return spot if n >= 2 else None
