"""Actor knowledge from data files: countries, organisations, roles, known people, regions.

The files live in data/actors/ (see its README.md); a user directory given as
`extra_dirs` adds rows to the same files by name. Everything is matched as token
sequences so that "Secretary-General", "U.S." and "SCO Secretariat" match the way
spaCy tokenises them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .words import place_nouns

# Categories of a phrase in the lexicon.
COUNTRY, DEMONYM, CAPITAL, ORG, ROLE, PERSON, REGION, PLACE_NOUN, NON_ACTOR = (
    "country",
    "demonym",
    "capital",
    "org",
    "role",
    "person",
    "region",
    "place_noun",
    "non_actor",  # a phrase on a role word that names no actor: "a nerve agent" (nonactors.tsv)
)

# Words that refer back to a place, resolved to the last place of that kind in the document.
# The actor sectors of the record contract (docs/records.md), which the knowledge files use.
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PTY",
        "REB",
        "OPP",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CVL",
        "REL",
        "LAB",
        "REF",
        "NGO",
    }
)
PLACE_ANAPHORS = {p.word: p.refers_to for p in place_nouns() if p.refers_to}
# Continents and regions: places, never actors' countries.
REGIONS = [
    "Europe",
    "Asia",
    "Africa",
    "Eurasia",
    "Middle East",
    "Latin America",
    "North America",
    "South America",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Western Europe",
    "Eastern Europe",
    "Balkans",
    "Caucasus",
    "Gulf",
    "Sahel",
    "Arctic",
    "Pacific",
    "Atlantic",
    "Mediterranean",
    "Caribbean",
    "Horn of Africa",
    "Indo-Pacific",
]


@dataclass(frozen=True)
class Info:
    category: str
    code: str  # ISO3 for countries, acronym for organisations, canonical phrase for roles
    name: str  # canonical name
    sector: str | None = None
    kind: str | None = None  # person | group | organization | state
    country: str | None = None
    org: str | None = None
    org_type: str | None = None
    title: str | None = None
    members: tuple[str, ...] = ()


@dataclass
class Knowledge:
    phrases: dict[tuple[str, ...], list[Info]] = field(default_factory=dict)
    exact: dict[tuple[str, ...], list[Info]] = field(default_factory=dict)  # case-sensitive acronyms
    countries: dict[str, str] = field(default_factory=dict)  # iso3 → name
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "asian" → iso3 codes in Asia
    offices: dict[str, str] = field(default_factory=dict)  # a known person's title → its role ("chairman")
    orgs: dict[str, Info] = field(default_factory=dict)  # code → Info
    max_len: int = 1

    # The longest phrase starting with a given word: most words start none, and are skipped.
    starts: dict[str, int] = field(default_factory=dict)  # lower-cased first word → length
    exact_starts: dict[str, int] = field(default_factory=dict)  # first word as written → length

    def add(self, tokens: tuple[str, ...], info: Info, case_sensitive: bool = False) -> None:
        if not tokens:
            return
        table = self.exact if case_sensitive else self.phrases
        key = tokens if case_sensitive else tuple(t.lower() for t in tokens)
        entries = table.setdefault(key, [])
        if info not in entries:
            entries.append(info)
        starts = self.exact_starts if case_sensitive else self.starts
        starts[key[0]] = max(starts.get(key[0], 0), len(key))
        self.max_len = max(self.max_len, len(tokens))

    def longest_from(self, word: str, lemma: str) -> int:
        """How many words a phrase starting with this word may have (0: none starts with it)."""
        low = word.lower()
        return max(
            self.starts.get(low, 0),
            self.starts.get(lemma.lower(), 0),
            self.exact_starts.get(word, 0),
            self.exact_starts.get(lemma, 0),
        )

    def lookup(self, tokens: list[str]) -> list[Info]:
        return self.exact.get(tuple(tokens), []) + self.phrases.get(tuple(t.lower() for t in tokens), [])


def _rows(name: str, extra_dirs: tuple[str, ...]) -> list[dict]:
    folder = resources.files("dragoman") / "data" / "actors"
    # the hand-written file, then generated ones of its columns (people_petrarch.tsv), then the user's
    generated = sorted(
        p.name
        for p in folder.iterdir()
        if p.name.startswith(name.removesuffix(".tsv") + "_") and p.name.endswith(".tsv")
    )
    sources = [folder / name] + [folder / g for g in generated] + [Path(d) / name for d in extra_dirs]
    return tsv_rows(sources)


def tsv_rows(sources) -> list[dict]:
    """The rows of the knowledge files that exist among `sources`, in order: tab-separated with a
    header line; blank lines and lines starting with "#" are comments."""
    rows = []
    for src in sources:
        try:
            text = src.read_text(encoding="utf-8")
        except (FileNotFoundError, OSError):
            continue
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        rows.extend(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def split_cell(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 5


@lru_cache(maxsize=4)
def load_knowledge(tokenize=None, extra_dirs: tuple[str, ...] = ()) -> Knowledge:
    """Build the phrase tables once. `tokenize(text) -> list[str]` must match the parser's."""
    tokenize = tokenize or (lambda s: s.split())
    kb = Knowledge()

    def add(phrase: str, info: Info) -> None:
        toks = tuple(tokenize(phrase))
        kb.add(toks, info, case_sensitive=_is_acronym(phrase))

    for row in _rows("countries.tsv", extra_dirs):
        _add_country(row, add, kb)
    for row in _rows("organizations.tsv", extra_dirs):
        _add_org(row, add, kb)
    _add_roles(_rows("roles.tsv", extra_dirs), _rows("nonactors.tsv", extra_dirs), add)
    for row in _rows("people.tsv", extra_dirs):
        _add_person(row, add, kb)
        title = (row.get("title") or "").strip()
        roles = [i for i in kb.lookup(list(tokenize(title))) if i.category == ROLE] if title else []
        if roles:  # "Chairperson" is the role "chairman", as "the chairwoman" of a later sentence
            kb.offices[title.lower()] = roles[0].name
    for row in _rows("regions.tsv", extra_dirs):
        for adjective in split_cell(row.get("adjectives")):
            kb.regions[adjective.lower()] = kb.regions.get(adjective.lower(), frozenset()) | set(
                split_cell(row["countries"])
            )
    for region in REGIONS:
        add(region, Info(REGION, region, region))
    for noun, feature in PLACE_ANAPHORS.items():
        add(noun, Info(PLACE_NOUN, feature, noun))
    return kb


def _add_roles(roles: list[dict], nonactors: list[dict], add) -> None:
    for row in roles:
        info = Info(
            ROLE,
            row["phrase"].lower(),
            row["phrase"],
            sector=row.get("sector") or None,
            kind=row.get("kind") or "person",
            title=row["phrase"],
        )
        for phrase in [row["phrase"], *split_cell(row.get("aliases"))]:
            add(phrase, info)
    for row in nonactors:  # "nerve agent": taken whole, so that "agent" is no spy in it
        info = Info(NON_ACTOR, row["phrase"].lower(), row["phrase"])
        for phrase in [row["phrase"], *split_cell(row.get("aliases"))]:
            add(phrase, info)


def _add_country(row: dict, add, kb: Knowledge) -> None:
    iso3, name = row["iso3"].strip(), row["name"].strip()
    kb.countries[iso3] = name
    state = Info(COUNTRY, iso3, name, sector="GOV", kind="state", country=iso3)
    for phrase in [name, *split_cell(row.get("aliases"))]:
        add(phrase, state)
    for phrase in split_cell(row.get("demonyms")):
        add(phrase, Info(DEMONYM, iso3, name, kind="group", country=iso3))
    for phrase in split_cell(row.get("capitals")):
        add(phrase, Info(CAPITAL, iso3, name, sector="GOV", kind="state", country=iso3))


def _add_org(row: dict, add, kb: Knowledge) -> None:
    code, org_type = row["code"].strip(), (row.get("type") or "IGO").strip()
    national = (row.get("country") or "").strip()
    international = org_type in ("IGO", "NGO") and not national
    info = Info(
        ORG,
        code,
        row["name"].strip(),
        sector=(row.get("sector") or None),
        kind="organization",
        country=national or (org_type if international else None),
        org=code,
        org_type=org_type,
        members=tuple(split_cell(row.get("members"))),
    )
    kb.orgs[code] = info
    for phrase in [code, row["name"], *split_cell(row.get("aliases"))]:
        add(phrase, info)
        if bare := without_arabic_article(phrase):
            add(bare, info)


_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[- ](?=[A-Z])", re.IGNORECASE)


def without_arabic_article(phrase: str) -> str | None:
    """ "al-Shabaab" -> "Shabaab", "Al Jazeera" -> "Jazeera": the parser often leaves the
    Arabic article out of the name it tags, and the name is the organisation's all the same."""
    bare = _ARABIC_ARTICLE.sub("", phrase, count=1)
    return bare if bare != phrase and len(bare) >= 4 else None


def _add_person(row: dict, add, kb: Knowledge) -> None:
    info = Info(
        PERSON,
        row["name"].strip(),
        row["name"].strip(),
        kind="person",
        country=(row.get("country") or None),
        org=(row.get("org") or None),
        title=(row.get("title") or None),
    )
    for phrase in [row["name"], *split_cell(row.get("aliases"))]:
        add(phrase, info)
