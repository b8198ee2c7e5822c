"""Which event records report the same happening, and why: the pure rules of linking.

Two records, from one article or from two, report one happening when every rule agrees:

  type     the same type, or two types a reader would call the same act
           (data/linking/types.tsv: an attack reported as ASSAULT here and COERCE there)
  date     their dates meet within a window that follows their precision: a day's date
           within a day of the other's, a month's anywhere in that month; a record
           without a date of its own stands for the day its article (or its lead) gave
           the news, and its reasons say so ("undated, reported 2024-03-05")
  parties  no side names only other countries than the other report's same side (a city
           or province standing for its people says where rather than who: see
           side_countries), and the two share enough: the same actor (a person, a named
           organisation) counts 2; the same country and sector (a minister and his
           government), the same organisation (its secretary-general and its ambassadors),
           a state or a place standing for its people 1; generic groups ("police",
           "people") and people known only by a role ("a man") count nothing
  place    not two different places (two cities under NEAR_KM apart are not: a district
           or an airport and its city), and the same location counts 2 (a city) or 1 (a
           country); an article's main city stands in for a report without a location
  negation a report that something did not happen links only to others like it

A link needs a strength of 2 (3 when a date is only a month or a year), or, between two
articles that tell one story (articles.py), no more than compatible types and dates and
no conflict. Copies of one article (near-duplicates, see neardup.py) link their
identical sentences outright.
Every verdict carries its reasons, in words: the page says why two reports were linked.
Linking reads only types, actor ids, countries, sectors, dates and places, so reports in
any language link once they are coded.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

DAY_WINDOW = 1  # days between two day-precise dates of one happening (time zones, "overnight")
LINK_STRENGTH = 2  # shared evidence a link needs
IMPRECISE_STRENGTH = 3  # ... when either date is only a month or a year
STORY_DAYS = 2  # days from its article's date a month-dated report of a story may link on the story alone
NON_STATE = {"IGO", "NGO", "MNC"}  # actor codes that are not a country to compare
NEAR_KM = 40  # two cities closer than this may be one place: a district, suburb or airport and its city


@dataclass(frozen=True)
class Party:
    """An entity as linking compares it. level: what sharing it is worth (2, 1 or 0)."""

    id: str | None
    name: str
    country: str | None
    sector: str | None
    level: int
    org: str | None = None  # the organisation it is or belongs to (SCO, UN, ...)
    place: bool = False  # a place within a country standing for its people: where as much as who


@dataclass(frozen=True)
class Spot:
    """Where a report places its event."""

    name: str
    country: str | None
    city: bool  # a city or province, not a whole country or region
    # Where it is, when the gazetteer says (not compared: the same place named by an
    # actor, without coordinates, is the same Spot).
    lat: float | None = field(default=None, compare=False)
    lon: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Report:
    """One event record as linking sees it, with the article that reported it."""

    id: str
    doc_id: str
    event: str
    actor: tuple[Party, ...]
    recipient: tuple[Party, ...]
    lo: int | None  # the event's dates: first and last possible day (ordinals)
    hi: int | None
    precision: str  # day | range | month | year | report (the article's date)
    places: tuple[Spot, ...] = ()
    location: Spot | None = None
    negated: bool = False
    sentence: str = ""  # a hash of the sentence text: copies of an article share it
    reported: int | None = None  # the article's date (ordinal)
    setting: Spot | None = None  # where the article's events mostly are
    near: frozenset = field(default_factory=frozenset)  # ids of this article's copies

    @property
    def precise(self) -> bool:
        return self.precision in ("day", "range", "report")


@dataclass(frozen=True)
class Verdict:
    linked: bool
    reasons: tuple[str, ...]
    strength: int = 0


# ---------------------------------------------------------------- knowledge


@dataclass(frozen=True)
class TypePair:
    either: bool  # actor and recipient may be named the other way round
    why: str


@lru_cache(maxsize=1)
def type_pairs() -> dict[tuple[str, str], TypePair]:
    """data/linking/types.tsv, both orders."""
    text = resources.files("dragoman.data").joinpath("linking/types.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    pairs = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        pair = TypePair(row["roles"] == "either", row["why"])
        pairs[(row["type_a"], row["type_b"])] = pairs[(row["type_b"], row["type_a"])] = pair
    return pairs


@lru_cache(maxsize=32)
def compatible_types(event: str) -> tuple[str, ...]:
    """The types a report of this type may link to (itself first)."""
    return (event,) + tuple(sorted({b for (a, b) in type_pairs() if a == event and b != event}))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every name of a country (data/actors/countries.tsv), lower-cased: a place entity
    named so stands for a whole country, not a city."""
    text = resources.files("dragoman.data").joinpath("actors/countries.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    names = set()
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        names.update(n.lower() for n in [row["name"]] + (row["aliases"] or "").split("|") if n)
    return frozenset(names)


# ---------------------------------------------------------------- records to reports


def report_of(
    record: dict, reported: str | None = None, near: frozenset = frozenset(), setting: Spot | None = None
) -> Report:
    """A record (Event.to_record()) as linking sees it; `reported` is its article's date,
    `near` the ids of its copies, `setting` its article's place (article_setting())."""
    lo, hi, precision = date_interval(record, reported)
    sides = [
        tuple(_party(e) for e in with_members(record.get(role) or [])) for role in ("actor", "recipient")
    ]
    location = spot_of(record.get("location"))
    places = {p for p in [location] if p}
    places |= {
        Spot(e["name"], e.get("country"), e["name"].lower() not in country_names())
        for e in with_members((record.get("actor") or []) + (record.get("recipient") or []))
        if is_place(e)
    }
    return Report(
        id=record["id"],
        doc_id=record["doc_id"],
        event=record["event"],
        actor=sides[0],
        recipient=sides[1],
        lo=lo,
        hi=hi,
        precision=precision,
        places=tuple(sorted(places, key=lambda s: (s.name, s.country or ""))),
        location=location,
        negated=record.get("modality") == "negated",
        sentence=sentence_key(record.get("text") or ""),
        reported=day_ordinal(reported),
        near=near,
        setting=setting,
    )


def sentence_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()[:16]


def with_members(entities: list[dict]) -> list[dict]:
    out = []
    for e in entities:
        out.append(e)
        out.extend(with_members(e.get("members") or []))
    return out


def is_place(e: dict) -> bool:
    # A place standing for its people (actors.place_entity): a state without a sector,
    # whose id is not the country code itself.
    return e.get("kind") == "state" and not e.get("sector") and e.get("id") != e.get("country")


def _party(e: dict) -> Party:
    country = e.get("country") if e.get("country") not in NON_STATE else None
    ident = e.get("id") or ""
    org = e.get("org") or (
        ident
        if e.get("kind") == "organization"
        and ident
        and not ident.startswith("g-")
        and ident != e.get("country")
        else None
    )
    return Party(e.get("id"), e.get("name") or "", country, e.get("sector"), party_level(e), org, _within(e))


def _within(e: dict) -> bool:
    # A place within a country standing for its people (a city, a province: "Xville"): a
    # country named as a place ("aid to Venezuela") stands for its state and people still.
    return is_place(e) and (e.get("name") or "").lower() not in country_names()


def party_level(e: dict) -> int:
    """What sharing this entity says about two reports: 2 a person, a named organisation
    or a city; 1 a state, a group of one country, a name nothing else is known of; 0 a
    generic group ("police", "people"), which every story has, or a person known only by
    a role ("a man", "the suspect", "a police chief"): two reports' "man" is no one person."""
    ident = e.get("id") or ""
    if e.get("kind") == "person" and not named(e):
        return 0
    if e.get("kind") == "person" or (ident and not ident.startswith("g-") and ident != e.get("country")):
        return 2
    if is_place(e):
        return 1  # (where an event happened counts as its location: see compare_places)
    if ident == e.get("country") or e.get("country"):
        return 1
    if not e.get("sector") and not e.get("title") and e.get("kind") in ("organization", "state"):
        return 1  # an unresolved proper name
    return 0


def named(e: dict) -> bool:
    """Whether a person has a name, not only a role: a name in lower case, or the same as
    the person's title, is a role noun."""
    name = e.get("name") or ""
    title = (e.get("title") or "").lower()
    return bool(name) and not name[0].islower() and name.lower() != title


def spot_of(place: dict | None) -> Spot | None:
    if not place or not place.get("name"):
        return None
    return Spot(
        place["name"],
        place.get("country_code"),
        place.get("feature") in ("city", "admin1"),
        place.get("lat"),
        place.get("lon"),
    )


def date_interval(record: dict, reported: str | None) -> tuple[int | None, int | None, str]:
    """The first and last day (ordinals) the record's date allows, and its precision."""
    value = record.get("date")
    if not value or (not record.get("date_text") and len(value) == 10 and not record.get("date_end")):
        # No date of its own: the day the article (or its lead) gives the news stands for it.
        # (Letting it be the day before too links a few more reports of one story, and as
        # many of others; benchmarks/RESULTS.md, 2026-12-05.)
        day = day_ordinal(value or reported)
        return day, day, "report"
    try:
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal(), "year"
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return (date(year, month, 1).toordinal(), date(year, month, last).toordinal(), "month")
        lo = date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None, None, "none"
    hi = day_ordinal(record.get("date_end")) or lo
    return lo, max(lo, hi), "range" if hi > lo else "day"


def day_ordinal(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value and len(value) >= 10 else None
    except ValueError:
        return None


# ---------------------------------------------------------------- the rules


def compare(a: Report, b: Report, story: Verdict | None = None) -> Verdict:
    """Whether two reports are of one happening, and why (or why not). Within articles
    that tell one story (`story`, from compare_articles), compatible reports link
    whatever they share."""
    if _copies(a, b) and a.sentence == b.sentence and a.event == b.event:
        return Verdict(True, ("the same sentence in a copy of the same article",), 9)
    pair = a.event == b.event or (a.event, b.event) in type_pairs()
    if not pair:
        return Verdict(False, (f"different acts: {a.event} and {b.event}",))
    if a.negated != b.negated:
        return Verdict(False, ("one report says it did not happen",))
    when = compare_dates(a, b)
    if not when.linked:
        return when
    where = compare_places(a, b)
    if not where.linked:
        return where
    who = compare_parties(a, b, roles_either(a.event, b.event))
    if not who.linked:
        return who
    strength = who.strength + where.strength
    if where.strength and any(
        r.startswith("the same ") and r.endswith(f", {_place_name(a)}") for r in who.reasons
    ):
        strength -= 1  # a place named as a side and as the location is one fact, not two
    needed = LINK_STRENGTH if a.precise and b.precise else IMPRECISE_STRENGTH
    reasons = (_type_reason(a.event, b.event),) + when.reasons + who.reasons + where.reasons
    if strength < needed and story is not None and story.linked and _told_near(a, b) and _told_near(b, a):
        # On the story alone no conflict is all a link asks: a place on a side conflicts
        # there as any party does (setting it aside needs evidence of the link's own).
        strict = compare_parties(a, b, roles_either(a.event, b.event), places_aside=False)
        return Verdict(True, reasons + story.reasons, strength) if strict.linked else strict
    if strength < needed:
        return Verdict(False, reasons + (f"too little in common ({strength} < {needed})",), strength)
    return Verdict(True, reasons, strength)


def _told_near(a: Report, b: Report) -> bool:
    # A story's month or year date says little of which day: such a report links on the
    # story alone to reports of days near its article's (STORY_DAYS), not to any day of
    # the month. Else it bridges two happenings a week apart into one chain that the
    # chain bound must cut, and which report came first decides where (issue 13).
    if a.precise or a.reported is None or b.lo is None:
        return True
    return b.lo - STORY_DAYS <= a.reported <= b.hi + STORY_DAYS


def _place_name(r: Report) -> str:
    return (r.location or r.setting).name if (r.location or r.setting) else "\0"


def _copies(a: Report, b: Report) -> bool:
    return b.doc_id in a.near or a.doc_id in b.near


def _type_reason(x: str, y: str) -> str:
    if x == y:
        return f"both {x}"
    return f"{x} and {y}: {type_pairs()[(x, y)].why}"


def roles_either(x: str, y: str) -> bool:
    pair = type_pairs().get((x, y))
    return bool(pair and pair.either)


def compare_dates(a: Report, b: Report) -> Verdict:
    if a.lo is None or b.lo is None:
        return Verdict(False, ("a report has no date, nor its article",))
    if (a.precision == "year") != (b.precision == "year") and (a.precise or b.precise):
        return Verdict(False, ("a year is too vague to say which day it was",))
    window = DAY_WINDOW if a.precise and b.precise else 0
    gap = max(a.lo - b.hi, b.lo - a.hi, 0)
    if gap > window:
        return Verdict(False, (f"dates {gap} days apart",))
    what = (
        "the same day"
        if gap == 0 and a.lo == a.hi == b.lo == b.hi
        else ("overlapping dates" if gap == 0 else f"dates {gap} day apart")
    )
    return Verdict(True, (f"{what} ({_date_text(a)}; {_date_text(b)})",))


def _date_text(r: Report) -> str:
    lo = date.fromordinal(r.lo).isoformat()
    if r.precision == "year":
        return lo[:4]
    if r.precision == "month":
        return lo[:7]
    if r.precision == "report":
        return f"undated, reported {date.fromordinal(r.hi).isoformat()}"
    return lo if r.hi == r.lo else f"{lo} to {date.fromordinal(r.hi).isoformat()}"


def compare_places(a: Report, b: Report) -> Verdict:
    """Where the events happened: a conflict when the two locations differ; a shared
    location counts 2 (a city) or 1 (a country); an article's setting stands in for a
    report without a location of its own, and sharing one counts 1. Two cities less than
    NEAR_KM apart are no conflict (a launch site in a capital's district, an airport, a
    suburb: reports name either), but count nothing either."""
    x, y = a.location or a.setting, b.location or b.setting
    near = ()
    if x and y:
        if x.country and y.country and x.country != y.country:
            return Verdict(False, (f"different places: {x.name} and {y.name}",))
        if x.city and y.city and x.name != y.name:
            km = distance_km(x, y)
            if km is None or km >= NEAR_KM:
                return Verdict(False, (f"different places: {x.name} and {y.name}",))
            near = (f"nearby places, {x.name} and {y.name} ({km:.0f} km apart)",)
    if a.location and a.location == b.location:
        return Verdict(True, (f"the same place, {a.location.name}",), 2 if a.location.city else 1)
    if x and x == y and x.city:
        return Verdict(True, (f"both set in {x.name}",), 1)
    return Verdict(True, near)


def distance_km(x: Spot, y: Spot) -> float | None:
    """The great-circle distance between two places, when both have coordinates."""
    if None in (x.lat, x.lon, y.lat, y.lon):
        return None
    rad = math.pi / 180
    h = (
        math.sin((y.lat - x.lat) * rad / 2) ** 2
        + math.cos(x.lat * rad) * math.cos(y.lat * rad) * math.sin((y.lon - x.lon) * rad / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def compare_parties(a: Report, b: Report, either: bool, places_aside: bool = True) -> Verdict:
    """Who acted and who was acted upon: the same way round, or (for acts done together)
    either way round; a side that names only other countries is a conflict (`places_aside`:
    less the places side_countries sets aside)."""
    ways = [(a.actor, b.actor, a.recipient, b.recipient)]
    if either:
        ways.append((a.actor, b.recipient, a.recipient, b.actor))
    best = None
    for actor_a, actor_b, recipient_a, recipient_b in ways:
        sides = [
            compare_side(actor_a, actor_b, "actor", (recipient_a, recipient_b) if places_aside else None),
            compare_side(recipient_a, recipient_b, "recipient", (actor_a, actor_b) if places_aside else None),
        ]
        if any(not s.linked for s in sides):
            verdict = next(s for s in sides if not s.linked)
        else:
            verdict = Verdict(True, sum((s.reasons for s in sides), ()), sum(s.strength for s in sides))
        if best is None or (verdict.linked, verdict.strength) > (best.linked, best.strength):
            best = verdict
    return best


def compare_side(
    xs: tuple[Party, ...],
    ys: tuple[Party, ...],
    role: str,
    others: tuple[tuple[Party, ...], ...] | None = None,
) -> Verdict:
    """`others`: each report's other side (xs's, then ys's), which a place is checked
    against (see side_countries); None: no place is set aside."""
    best = (0, "")
    for x in xs:
        for y in ys:
            found = _shared(x, y, role)
            if found[0] > best[0]:
                best = found
    if best[0]:
        return Verdict(True, (best[1],), best[0])
    if others is None:
        left, right = {x.country for x in xs if x.country}, {y.country for y in ys if y.country}
    else:
        left, right = side_countries(xs, others[1]), side_countries(ys, others[0])
    if left and right and not left & right:
        return Verdict(False, (f"different {role}s: {_names(xs)} and {_names(ys)}",))
    return Verdict(True, ())


def side_countries(parties: tuple[Party, ...], facing: tuple[Party, ...]) -> set[str]:
    """The countries a side names, as a conflict reads them. A place within a country
    standing for its people ("shelling hit Xville", "a crash killed ten in Guanacaste")
    says where the event was as much as who was in it, and where is compare_places' to judge: its
    country is left out, unless the other report names that country on its other side
    (then the two may tell one act the other way round: Xville's fighters fired at
    Ruritania, Ruritania shelled Xville). Only for a link with evidence of its own: see
    compare()."""
    across = {p.country for p in facing}
    return {p.country for p in parties if p.country and not (p.place and p.country not in across)}


def _shared(x: Party, y: Party, role: str) -> tuple[int, str]:
    if x.id and x.id == y.id:
        return min(x.level, y.level), f"the same {role}, {x.name}"
    if x.country and x.country == y.country and (x.sector == y.sector or not x.sector or not y.sector):
        sector = f" {x.sector or y.sector}" if x.sector or y.sector else ""
        return 1, f"{role}s of one country and sector, {x.country}{sector} ({x.name}; {y.name})"
    if x.org and x.org == y.org:
        return 1, f"{role}s of one organisation, {x.org} ({x.name}; {y.name})"
    return 0, ""


def _names(parties: tuple[Party, ...]) -> str:
    return ", ".join(p.name for p in parties)
