# Reads the Phoenix actor and agent dictionaries of PETRARCH-2 into candidate rows of dragoman's
# actor files (data/actors/*.tsv columns). Used by import_petrarch.py.
#
# The dictionaries are third-party data under the MIT License: Copyright (c) 2014 Open Event
# Data Alliance (Phoenix dictionaries, built from CountryInfo and the TABARI dictionaries of the
# Computational Event Data System Project; github.com/openeventdata/petrarch2). The licence text
# travels with every generated file (see import_petrarch.LICENCE).
"""Phoenix actors and agents as candidate rows of people, organisations, roles and countries.

An actor entry is a name line (`SERGEY_LAVROV_  # CountryInfo.txt`), `+ALIAS` lines and CAMEO
actor codes with date ranges (`[RUSGOV >20040309]`: country RUS, sector GOV, from 2004-03-09).
An agent line is a noun and its sector (`POLICE_CHIEF [~COP]`). Each entry becomes one row of
a class (the unit the import keeps or drops), with its source line:

  people:current   office holders of a country with a code still open, or closing after 2011
  people:former    the other office holders and elites of a country
  people:undated   undated entries of the country file named like people ("Hashim Thaci")
  people:igo       officials of international organisations (dated codes in the international file)
  groups:national  national bodies of the country file (ministries, congresses, forces)
  groups:armed     armed non-state groups (the MilNonState file)
  orgs:igo / orgs:ngo / orgs:mnc   the international file's organisations, by type
  countries:names  other names of countries (variants, old names; not their cities)
  agents:SECTOR    agent nouns by the sector dragoman gives them
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from dragoman.knowledge import SECTORS

# Phoenix's codes for states that are not ISO's, and CAMEO role codes -> dragoman sectors.
COUNTRY_ALIASES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "GAB": "GAB"}
SECTOR_OF = {
    "INS": "REB",
    "SEP": "REB",
    "UAF": "REB",
    "MUS": "REL",
    "CHR": "REL",
    "CTH": "REL",
    "HIN": "REL",
    "JEW": "REL",
    "BUD": "REL",
    "HRI": "NGO",
    "PPL": "CVL",
    "MNC": "BUS",
}
# A national body coded GOV and a branch keeps the branch ("USAGOVLEG" Congress is LEG).
BRANCHES = {"MIL", "LEG", "JUD", "COP", "SPY"}
RECENT = 20120101  # an office held after 2011 is "current" for news of the 2010s and 2020s
ORG_WORDS = {
    "ministry",
    "police",
    "force",
    "forces",
    "army",
    "navy",
    "department",
    "agency",
    "office",
    "council",
    "court",
    "party",
    "government",
    "administration",
    "guard",
    "union",
    "company",
    "business",
    "industry",
    "committee",
    "commission",
    "parliament",
    "assembly",
    "bank",
    "association",
    "organization",
    "organisation",
    "service",
    "services",
    "corps",
    "unit",
    "airline",
    "media",
    "press",
    "church",
    "militia",
    "group",
    "movement",
    "front",
}


@dataclass
class Code:
    code: str
    start: int | None = None  # yyyymmdd
    end: int | None = None
    note: str = ""  # the comment after the code ("Foreign Minister")


@dataclass
class Entry:
    name: str
    aliases: list[str]
    codes: list[Code]
    comment: str
    source: str


@dataclass
class Candidate:
    cls: str
    file: str  # people.tsv, organizations.tsv, roles.tsv, countries.tsv
    cells: dict
    forms: list[str]  # name first, then aliases (as written in the row)
    sources: list[str] = field(default_factory=list)


def _date(text: str) -> int | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        return (2000 + year if year <= 30 else 1900 + year) * 10000 + int(digits[2:])
    return int(digits) if len(digits) == 8 else None


def _code(text: str, note: str = "") -> Code | None:
    parts = text.split()
    if not parts or parts[0].startswith("~") or parts[0] == "---":
        return None
    code, start, end = parts[0], None, None
    for p in parts[1:]:
        if p.startswith(">"):
            start = _date(p)
        elif p.startswith("<"):
            end = _date(p)
        elif "-" in p:
            a, _, b = p.partition("-")
            start, end = _date(a), _date(b)
    return Code(code, start, end, note)


def parse_actors(text: str, fname: str) -> list[Entry]:
    """The entries of a Phoenix .actors file, in the TABARI format read by PETRARCH."""
    entries, cur = [], None
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        body, _, note = line.partition("#")
        codes = [c for c in (_code(x, note.strip()) for x in re.findall(r"\[([^\]]*)\]", body)) if c]
        words = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", body).strip()
        if line[0] in " \t" and not words:
            if cur:
                cur.codes += codes
        elif words.startswith("+"):
            if cur:
                cur.aliases.append(words[1:].strip())
                cur.codes += codes
        else:
            cur = Entry(words, [], codes, note.strip(), f"{fname}:{n}: {line.strip()}")
            entries.append(cur)
    return entries


def country_of(code: str, iso3: set[str]) -> str | None:
    head = COUNTRY_ALIASES.get(code[:3], code[:3])
    if head in ("IGO", "NGO", "MNC"):
        return head
    return head if head in iso3 else None


def sector_of(code: str, skip: int = 3) -> str | None:
    """The sector of a code after its country or organisation part: GOV then a branch gives the
    branch ("USAGOVLEG" LEG), otherwise the first role dragoman knows."""
    chunks = [code[i : i + 3] for i in range(skip, len(code), 3)]
    found = [SECTOR_OF.get(c, c) for c in chunks if SECTOR_OF.get(c, c) in SECTORS]
    if len(found) > 1 and found[0] == "GOV" and found[1] in BRANCHES:
        return found[1]
    return found[0] if found else None


def form(raw: str, acronym_ok=lambda w: False) -> str:
    """`SERGEY_V._LAVROV_` -> `Sergey V. Lavrov`; an acronym stays in capitals (`ANSF`)."""
    text = re.sub(r"\([^)]*\)", " ", raw.replace("_", " ")).strip(" -,")
    words = text.split()
    if len(words) == 1 and acronym_ok(words[0]):
        return words[0]
    return " ".join(w.capitalize() if not re.search(r"[a-z]", w) else w for w in words)


def acronyms_in(raw: str) -> list[str]:
    """`ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_` names its acronym in brackets."""
    return [a for a in re.findall(r"\(([A-Z]{2,6})\)", raw)]


def _latest(codes: list[Code]) -> Code | None:
    dated = [c for c in codes if "ELI" not in c.code[3:6]]
    if not dated:
        return codes[-1] if codes else None
    return max(dated, key=lambda c: (c.end is None and c.start is not None, c.end or 0, c.start or 0))


def _current(codes: list[Code]) -> bool:
    return any("ELI" not in c.code and ((c.start and not c.end) or (c.end or 0) >= RECENT) for c in codes)


def country_candidates(entries: list[Entry], iso3: set[str], igo_orgs: dict[str, str], roles: set[str]):
    """The country file: countries' other names, office holders, national bodies."""
    out = []
    for e in entries:
        codes = [c for c in e.codes if country_of(c.code, iso3)]
        if not codes:
            continue
        latest = _latest(codes)
        country = country_of(latest.code, iso3)
        if all(len(c.code) == 3 for c in codes):
            out.append(
                Candidate(
                    "countries:names",
                    "countries.tsv",
                    {"iso3": country},
                    [form(a) for a in [e.name, *e.aliases]],
                    [e.source],
                )
            )
        elif "CountryInfo" in e.comment or any(c.start or c.end for c in codes):
            cls = "people:current" if _current(codes) else "people:former"
            out.append(_person(e, cls, country, "", latest, roles))
        elif _looks_like_person(e):
            out.append(_person(e, "people:undated", country, "", latest, roles))
        else:
            sector = sector_of(latest.code) or "GOV"
            out.append(_org(e, "groups:national", sector, sector, country))
    return out


def international_candidates(entries: list[Entry], iso3: set[str], igo_orgs: dict[str, str], roles: set[str]):
    out = []
    for e in entries:
        if not e.codes:
            continue
        latest = _latest(e.codes)
        kind = country_of(latest.code, iso3)
        if any(c.start or c.end for c in e.codes):
            org = org_code(latest.code, igo_orgs) if kind in ("IGO", "NGO") else ""
            out.append(_person(e, "people:igo", kind or "IGO", org, latest, roles))
        elif kind in ("IGO", "NGO"):
            out.append(
                _org(
                    e,
                    f"orgs:{kind.lower()}",
                    kind,
                    sector_of(latest.code, 6) or ("NGO" if kind == "NGO" else "GOV"),
                    kind,
                )
            )
        elif kind == "MNC":
            home = country_of(latest.code[3:6], iso3) if len(latest.code) >= 6 else None
            out.append(_org(e, "orgs:mnc", "BUS", "BUS", home if home not in ("IGO", "NGO", "MNC") else ""))
    return out


def armed_candidates(entries: list[Entry], iso3: set[str]):
    out = []
    for e in entries:
        if e.codes:
            country = country_of(e.codes[0].code, iso3)
            out.append(
                _org(e, "groups:armed", "REB", "REB", country if country not in ("IGO", "NGO", "MNC") else "")
            )
    return out


INSTITUTIONS = ORG_WORDS | {
    "council",
    "bureau",
    "directorate",
    "palace",
    "house",
    "intelligence",
    "rifles",
    "declaration",
    "community",
    "federal",
    "national",
    "state",
    "republic",
    "royal",
    "islands",
    "antilles",
    "strip",
    "city",
    "yard",
    "headquarters",
    "security",
}


def _looks_like_person(e: Entry) -> bool:
    """An undated entry of the country file named like a person: two to four words, none of
    them institutional, and no acronym among its names."""
    words = form(e.name).lower().split()
    acronym = any(re.fullmatch(r"[A-Z]{2,5}_?", a) for a in e.aliases)
    return 2 <= len(words) <= 4 and not set(words) & INSTITUTIONS and "of" not in words and not acronym


def _person(e: Entry, cls: str, country: str, org: str, latest: Code, roles: set[str]) -> Candidate:
    note = latest.note.lower() if latest else ""
    title = latest.note if note and len(note) < 40 and set(note.split()) & roles else ""
    names = [form(a) for a in [e.name, *e.aliases]]
    return Candidate(cls, "people.tsv", {"country": country, "org": org, "title": title}, names, [e.source])


def _org(e: Entry, cls: str, org_type: str, sector: str, country: str | None) -> Candidate:
    names = [form(a, lambda w: len(w.replace(".", "")) <= 5) for a in [e.name, *e.aliases]]
    names += [a for raw in [e.name, *e.aliases] for a in acronyms_in(raw)]
    return Candidate(
        cls,
        "organizations.tsv",
        {"type": org_type, "sector": sector, "country": country or "", "members": ""},
        names,
        [e.source],
    )


def org_code(code: str, igo_orgs: dict[str, str]) -> str:
    """dragoman's code for a Phoenix IGO/NGO code, trying shorter prefixes: IGOUNOKID -> IGOUNO -> UN."""
    for n in range(len(code), 5, -3):
        if code[:n] in igo_orgs:
            return igo_orgs[code[:n]]
    return ""


def igo_code_map(entries: list[Entry], hand_orgs: list[dict]) -> dict[str, str]:
    """Phoenix IGO/NGO code -> dragoman organisation code, where the entries coded with it are
    named as one hand-written organisation is (IGOUNOIAE: "International Atomic Energy Agency")."""
    names = {}
    for row in hand_orgs:
        for f in [row["code"], row["name"], *(row.get("aliases") or "").split("|")]:
            if f:
                names[f.casefold()] = row["code"]
    votes: dict[str, Counter] = defaultdict(Counter)
    for e in entries:
        for c in e.codes:
            if c.code[:3] in ("IGO", "NGO") and not (c.start or c.end):
                for f in [e.name, *e.aliases]:
                    hit = names.get(form(f).casefold()) or names.get(form(f, lambda w: True).casefold())
                    if hit:
                        votes[c.code][hit] += 1
    return {code: v.most_common(1)[0][0] for code, v in votes.items() if len(v) == 1}


BODY_WORDS = ORG_WORDS | {
    "ministry",
    "military",
    "industry",
    "treasury",
    "judiciary",
    "infantry",
    "cavalry",
    "artillery",
    "registry",
    "presidency",
    "squad",
    "corp",
    "chamber",
    "gendarmerie",
    "police",
    "cabinet",
    "junta",
    "regime",
    "faction",
    "brigade",
    "battalion",
    "regiment",
}


def _body(word: str) -> bool:
    """An agent noun naming a body, not a person: "ministry", "inspectorate", "squad"."""
    return word in BODY_WORDS or word.endswith(("ion", "ment", "ship", "hood", "dom", "ity", "orate", "erie"))


def agent_candidates(text: str, fname: str) -> list[Candidate]:
    """Agent nouns: `POLICE_CHIEF [~COP]`; `!PERSON!` and `!MINIST!` stand for word lists."""
    macros, out = {}, []
    for n, line in enumerate(text.splitlines(), 1):
        body = line.split("#")[0].strip()
        m = re.fullmatch(r"(!\w+!)\s*=\s*(.+)", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"(.+?)\s*(\{[^}]*\})?\s*\[~(\w+)\]", body)
        if not m:
            continue
        code = m.group(3)
        sector = SECTOR_OF.get(code[:3], code[:3])
        if sector not in SECTORS:
            continue
        phrases = [m.group(1)]
        for macro, words in macros.items():  # CATTLE!PERSON! -> cattleman, cattlemen, ...
            phrases = (
                [p.replace(macro, w) for p in phrases for w in words] if macro in m.group(1) else phrases
            )
        phrases += (m.group(2) or "").strip("{}").split()  # the plural forms given
        forms = [" ".join(p.replace("_", " ").lower().split()) for p in phrases]
        forms = [f for f in forms if re.fullmatch(r"[a-z][a-z' -]*", f)]
        if forms:
            kind = "organization" if _body(forms[0].split()[-1]) else "person"
            out.append(
                Candidate(
                    f"agents:{sector}",
                    "roles.tsv",
                    {"sector": sector, "kind": kind},
                    forms,
                    [f"{fname}:{n}: {line.strip()}"],
                )
            )
    return out


HEADERS = {
    "people.tsv": ["name", "aliases", "country", "org", "title"],
    "organizations.tsv": ["code", "name", "aliases", "type", "sector", "country", "members"],
    "roles.tsv": ["phrase", "sector", "kind", "aliases"],
    "countries.tsv": ["iso3", "name", "aliases", "demonyms", "capitals"],
}


def build_rows(
    cands: list[Candidate], hand_forms: set[str], english, role_words: set[str], country_names: dict[str, str]
) -> dict[str, list[tuple[list[str], list[str]]]]:
    """Rows per file, each (cells, source lines). A form (name or alias) the hand-written files
    know, or that two candidates share, is left out; so is an entry whose own name is left out
    (the hand-written row, or nobody, is meant by it)."""
    kept = [
        (c, [f for f in dict.fromkeys(c.forms) if _form_ok(f, c.file, english, role_words)]) for c in cands
    ]
    owners = Counter(f.casefold() for c, forms in kept if c.file != "countries.tsv" for f in set(forms))
    owners.update(f.casefold() for f in {f for c, forms in kept if c.file == "countries.tsv" for f in forms})
    out: dict[str, list] = {name: [] for name in HEADERS}
    by_country: dict[str, tuple[list[str], list[str]]] = {}
    codes: set[str] = set()
    for c, forms in kept:
        good = [f for f in forms if f.casefold() not in hand_forms and owners[f.casefold()] == 1]
        if c.file == "countries.tsv":
            aliases, sources = by_country.setdefault(c.cells["iso3"], ([], []))
            aliases += [f for f in good if f not in aliases]
            sources += c.sources
            continue
        if not forms or not good or good[0] != forms[0]:
            continue
        name, aliases = good[0], "|".join(good[1:])
        if c.file == "people.tsv":
            cells = [name, aliases, c.cells["country"], c.cells["org"], c.cells["title"]]
        elif c.file == "roles.tsv":
            cells = [name, c.cells["sector"], c.cells["kind"], aliases]
        else:
            code = _unique(_slug(name), codes)
            cells = [code, name, aliases, c.cells["type"], c.cells["sector"], c.cells["country"], ""]
        out[c.file].append((cells, c.sources))
    for iso3, (aliases, sources) in sorted(by_country.items()):
        if aliases and iso3 in country_names:
            out["countries.tsv"].append(([iso3, country_names[iso3], "|".join(aliases), "", ""], sources))
    return out


def _form_ok(f: str, file: str, english, role_words: set[str]) -> bool:
    """Not a common English word alone ("Senate", "Bush"), not a title inside a name (dragoman
    reads titles itself), no digits or stray signs."""
    words = f.split()
    if not words or re.search(r"[^\w' .&-]|\d", f) or "|" in f:
        return False
    if file == "roles.tsv":
        return True
    if len(words) == 1:
        w = words[0]
        acronym = w.replace(".", "").isupper() and file == "organizations.tsv"
        return len(w.replace(".", "")) >= (3 if acronym else 4) and (acronym or not english(w.lower()))
    return file != "people.tsv" or not {w.lower() for w in words} & role_words


def _slug(name: str) -> str:
    return "PX_" + re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")[:40]


def _unique(code: str, taken: set[str]) -> str:
    n, out = 2, code
    while out in taken:
        out, n = f"{code}_{n}", n + 1
    taken.add(out)
    return out
