"""Articles that tell one story, and where an article's events are: what linking reads
of a whole article besides its records (see rules.py).

Reports of one happening spread over an article: a headline names the city, the third
paragraph the minister, the fifth the police. Two articles published within a few days
of each other that name the same people and places, about the same countries, tell one
story; within them, two compatible reports of the same day are linked even when they
share little themselves ("police shot the driver" in both).

Their records alone often say too little to tell (one article's records name the police
and the driver, another's the mayor and the tram company), so an article's text gives its
names too: the words it always writes with a capital inside a sentence (Croydon,
Sandilands, Tramlink). Two articles of the same days whose names overlap by
STORY_SIMILARITY (Jaccard), and STORY_NAMES at least, tell one story: articles about other happenings in the same
country share its common names (Israel, West Bank, Jerusalem) but not the story's own.
A brief beside a long report of the same story shares few of the long one's names, but
most of its own: when STORY_CONTAINED of the shorter one's names (and STORY_CONTAINED_NAMES
at least) are in the other, the two tell one story too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from .neardup import signature
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

STORY_WINDOW = 2  # days between two articles' dates that tell one story (3 adds wrong stories only)
STORY_SIMILARITY = 0.10  # overlap (Jaccard) of two articles' names that tells one story
STORY_NAMES = 3  # ... and how many names at least (two short texts naming one city do not)
STORY_CONTAINED = 0.5  # share of the shorter article's names the longer one has that tells one story
STORY_CONTAINED_NAMES = 4  # ... and how many names at least
TITLE_CASE = 0.75  # share of a line's words capitalised that makes it a headline
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[.!?:;]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Article:
    """What an article's records name, for telling whether two articles tell one story."""

    doc_id: str
    day: int | None  # its date (ordinal)
    names: frozenset[str]  # the persons, named organisations and cities it names
    countries: tuple[str, ...]  # the (at most two) countries it names most
    labels: tuple[tuple[str, str], ...] = ()  # (key, name) for the reasons
    terms: frozenset[str] = frozenset()  # the names its text uses (text_names)


@dataclass(frozen=True)
class TextProfile:
    """What linking reads of an article's text, whatever its records: its MinHash signature
    (neardup.py) and its names (text_names). The pipeline's workers compute it when the
    documents go to a store (Document.profile), so that the store's single writer does not."""

    signature: tuple[int, ...] | None
    names: frozenset[str]


def text_profile(text: str) -> TextProfile:
    sig = signature(text)
    return TextProfile(tuple(sig) if sig is not None else None, text_names(text))


def article_of(
    doc_id: str,
    records: list[dict],
    reported: str | None,
    text: str = "",
    terms: frozenset[str] | None = None,
) -> Article:
    """`terms`: the text's names when already known (TextProfile.names), else read from `text`."""
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
    return Article(
        doc_id,
        day_ordinal(reported),
        frozenset(names),
        tuple(top),
        tuple(sorted(names.items())),
        text_names(text) if terms is None else terms,
    )


def text_names(text: str) -> frozenset[str]:
    """The names a text uses, lower-cased: words it writes with a capital inside a sentence
    and never in lower case, less stop words and data/linking/common_names.txt (months,
    titles, bylines). A line in Title Case (a headline) says nothing of which words are
    names, and is passed over."""
    capital, lower = set(), set()
    for line in text.splitlines():
        words = _WORD.findall(line)
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE * len(words):
            continue
        first = True
        for token in _TOKEN.findall(line):
            if len(token) == 1 and not token.isalpha():
                first = True  # a sentence ends: its next word is capitalised anyway
                continue
            if token[0].isupper():
                if not first and len(token) > 1:
                    capital.add(token.lower())
            else:
                lower.add(token)
            first = False
    return frozenset(w for w in capital - lower if w not in STOP_WORDS and w not in common_names())


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    text = resources.files("dragoman.data").joinpath("linking/common_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def name_overlap(a: Article, b: Article) -> float:
    """The Jaccard overlap of two articles' text names (0 when either has none)."""
    if not a.terms or not b.terms:
        return 0.0
    return len(a.terms & b.terms) / len(a.terms | b.terms)


def contained(a: Article, b: Article) -> float:
    """The share of the shorter article's text names that the other uses too (0 when
    either has none)."""
    if not a.terms or not b.terms:
        return 0.0
    return len(a.terms & b.terms) / min(len(a.terms), len(b.terms))


def compare_articles(a: Article, b: Article) -> Verdict:
    """Two articles tell one story when they appeared within STORY_WINDOW days of each
    other and their records share two names (people, organisations, cities) and one of
    their two main countries, or both main countries; or their texts share
    STORY_SIMILARITY of their names, or the longer has STORY_CONTAINED of the shorter's."""
    if a.day is None or b.day is None or abs(a.day - b.day) > STORY_WINDOW:
        return Verdict(False, ("articles far apart in time",))
    shared = a.names & b.names
    names = sorted(dict(a.labels)[k] for k in shared)
    countries = [c for c in a.countries if c in b.countries]
    if not (len(names) >= 2 and countries) and len(countries) < 2:
        return _by_text(a, b)
    said = [f"both name {', '.join(names[:3])}"] if names else []
    said.append(f"both mostly about {' and '.join(countries)}")
    said.append(f"{abs(a.day - b.day)} days apart")
    return Verdict(True, (f"their articles tell one story ({'; '.join(said)})",), len(names) + len(countries))


def _by_text(a: Article, b: Article) -> Verdict:
    overlap, shared = name_overlap(a, b), a.terms & b.terms
    some = sorted(shared, key=lambda w: (-len(w), w))[:4]  # the longest: the most telling
    if overlap >= STORY_SIMILARITY and len(shared) >= STORY_NAMES:
        said = f"their texts share {overlap:.0%} of their names: {', '.join(some)}"
    elif contained(a, b) >= STORY_CONTAINED and len(shared) >= STORY_CONTAINED_NAMES:
        said = f"the shorter text has {contained(a, b):.0%} of its names in the other: {', '.join(some)}"
    else:
        return Verdict(False, ("articles with too little in common",))
    return Verdict(
        True, (f"their articles tell one story ({said}; {abs(a.day - b.day)} days apart)",), len(shared)
    )


def article_keys(a: Article) -> list[str]:
    """Keys any article that may tell the same story shares with this one."""
    return sorted(a.names | {f"c:{c}" for c in a.countries} | {f"t:{w}" for w in a.terms})


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
