"""The knowledge files (data/actors/, data/events/) parse, hold valid codes, and say what the
parser relies on."""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from pathlib import Path

import pycountry
import pytest
from dragoman.knowledge import SECTORS

ACTORS = Path(__file__).resolve().parents[1] / "src/dragoman/data/actors"
HEADERS = {
    "countries.tsv": ["iso3", "name", "aliases", "demonyms", "capitals"],
    "organizations.tsv": ["code", "name", "aliases", "type", "sector", "country", "members"],
    "roles.tsv": ["phrase", "sector", "kind", "aliases"],
    "people.tsv": ["name", "aliases", "country", "org", "title"],
    "regions.tsv": ["region", "adjectives", "countries"],
    "nonactors.tsv": ["phrase", "aliases", "means"],
}
PRIMARY_KEYS = {
    "countries.tsv": "iso3",
    "organizations.tsv": "code",
    "roles.tsv": "phrase",
    "people.tsv": "name",
    "regions.tsv": "region",
    "nonactors.tsv": "phrase",
}
MINIMUM_ROWS = {
    "countries.tsv": 249,
    "organizations.tsv": 150,
    "roles.tsv": 150,
    "people.tsv": 120,
    "regions.tsv": 20,
}
ISO3 = {country.alpha_3 for country in pycountry.countries}
NON_STATE = {"IGO", "NGO", "MNC", "XKX"}
ORG_TYPES = {"IGO", "NGO"} | SECTORS
KINDS = {"person", "group", "organization"}


# Files generated from third-party dictionaries (scripts/import_petrarch.py): people_petrarch.tsv
# has the columns of people.tsv, and so on; they pass the same checks.
GENERATED = sorted(p.name for p in ACTORS.glob("*_*.tsv"))
EVENTS = ACTORS.parent / "events"
TRIGGER_COLUMNS = ["trigger", "pos", "event", "mode", "cameo", "preps", "needs"]
TRIGGER_POS = {"V", "N", "LV", "VP"}


def kind_of(name: str) -> str:
    """The hand-written file whose columns a file has: people_petrarch.tsv -> people.tsv."""
    return name.split("_")[0].removesuffix(".tsv") + ".tsv"


def read_rows(name: str, folder: Path = ACTORS) -> list[dict[str, str]]:
    """Read a knowledge file the documented way: '#' lines are comments, the first other line is the header."""
    text = (folder / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == HEADERS[kind_of(name)], f"{name}: header is {lines[0]!r}"
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader)


def values(cell: str | None) -> list[str]:
    return [value for value in (cell or "").split("|") if value]


@pytest.fixture(scope="module", params=sorted(HEADERS) + GENERATED)
def table(request):
    return request.param, read_rows(request.param)


def by_key(name: str) -> dict[str, dict[str, str]]:
    return {row[PRIMARY_KEYS[name]]: row for row in read_rows(name)}


def test_every_row_has_exactly_the_header_columns(table):
    name, rows = table
    for row in rows:
        assert None not in row and None not in row.values(), f"{name}: wrong cell count in {row}"


def test_primary_keys_are_present_and_unique(table):
    name, rows = table
    keys = Counter(row[PRIMARY_KEYS[kind_of(name)]] for row in rows)
    assert "" not in keys
    assert [key for key, count in keys.items() if count > 1] == []


def test_files_hold_at_least_the_promised_rows(table):
    name, rows = table
    assert len(rows) >= MINIMUM_ROWS.get(name, 1)


def test_no_cell_has_stray_spaces_or_empty_values(table):
    name, rows = table
    for row in rows:
        for column, cell in row.items():
            assert cell == cell.strip(), f"{name}: {column} {cell!r}"
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), (
                f"{name}: {cell!r}"
            )


def test_every_iso_3166_country_is_present():
    countries = by_key("countries.tsv")
    assert ISO3 - set(countries) == set()
    assert set(countries) - ISO3 <= NON_STATE


def test_every_inhabited_big_country_has_a_demonym_and_capital():
    countries = by_key("countries.tsv")
    missing = [
        code
        for code, row in countries.items()
        if pycountry.countries.get(alpha_3=code)
        and code not in {"ATA", "ATF", "BVT", "HMD", "SGS", "UMI"}
        and not row["demonyms"]
        and code not in {"BES", "BLM", "CCK", "COG", "GGY", "MAF", "SJM", "SPM", "SXM", "VAT", "DMA"}
    ]
    assert missing == []
    assert all(
        countries[code]["capitals"] for code in ("CHN", "RUS", "USA", "UZB", "TJK", "KAZ", "IND", "PAK")
    )


def test_demonyms_and_capitals_point_to_one_country_each():
    # One owner per form keeps resolution deterministic ("East Jerusalem" is PSE, "Jerusalem" ISR).
    for column in ("demonyms", "capitals"):
        owners = Counter(
            value.casefold() for row in read_rows("countries.tsv") for value in values(row[column])
        )
        assert [value for value, count in owners.items() if count > 1] == [], column


def lookup(column: str, value: str) -> list[str]:
    return [row["iso3"] for row in read_rows("countries.tsv") if value in values(row[column]) + [row["name"]]]


@pytest.mark.parametrize(
    "column, value, iso3",
    [
        ("demonyms", "Chinese", "CHN"),
        ("demonyms", "Uzbek", "UZB"),
        ("demonyms", "Briton", "GBR"),
        ("demonyms", "Emirati", "ARE"),
        ("demonyms", "Filipino", "PHL"),
        ("demonyms", "Kosovar", "XKX"),
        ("capitals", "Beijing", "CHN"),
        ("capitals", "Kyiv", "UKR"),
        ("capitals", "Naypyidaw", "MMR"),
        ("capitals", "Washington", "USA"),
        ("capitals", "Astana", "KAZ"),
        ("capitals", "Tel Aviv", "ISR"),
        ("aliases", "DRC", "COD"),
        ("aliases", "Congo-Brazzaville", "COG"),
        ("aliases", "Burma", "MMR"),
        ("aliases", "Türkiye", "TUR"),
        ("aliases", "U.S.", "USA"),
        ("aliases", "Ivory Coast", "CIV"),
    ],
)
def test_country_spot_checks(column, value, iso3):
    assert lookup(column, value) == [iso3]


def test_organization_codes_types_and_sectors_are_valid():
    for row in read_rows("organizations.tsv"):
        assert row["type"] in ORG_TYPES, row
        assert row["sector"] in SECTORS, row
        assert row["country"] in ISO3 | NON_STATE | {""}, row
        assert set(values(row["members"])) <= ISO3 | NON_STATE, row


def test_there_are_at_least_100_international_organisations():
    international = [row for row in read_rows("organizations.tsv") if row["country"] in {"IGO", "NGO"}]
    assert len(international) >= 100


@pytest.mark.parametrize(
    "code, size", [("EU", 27), ("NATO", 32), ("G7", 7), ("GCC", 6), ("CSTO", 6), ("SCO", 10)]
)
def test_membership_lists_have_the_known_size(code, size):
    assert len(set(values(by_key("organizations.tsv")[code]["members"]))) == size


def test_sco_row_says_what_the_parser_needs():
    sco = by_key("organizations.tsv")["SCO"]
    assert {"Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"} <= {
        sco["name"],
        *values(sco["aliases"]),
    }
    assert {"CHN", "RUS", "UZB", "TJK", "KAZ", "KGZ", "IND", "PAK", "IRN", "BLR"} == set(
        values(sco["members"])
    )


@pytest.mark.parametrize(
    "code, country, sector",
    [
        ("HAMAS", "PSE", "REB"),
        ("HEZBOLLAH", "LBN", "REB"),
        ("KREMLIN", "RUS", "GOV"),
        ("XINHUA", "CHN", "MED"),
        ("ICJ", "IGO", "JUD"),
        ("ISIS", "", "REB"),
        ("MSF", "NGO", "NGO"),
    ],
)
def test_organization_spot_checks(code, country, sector):
    row = by_key("organizations.tsv")[code]
    assert (row["country"], row["sector"]) == (country, sector)


def test_role_sectors_and_kinds_are_valid():
    for row in read_rows("roles.tsv"):
        assert row["sector"] in SECTORS and row["kind"] in KINDS, row


def test_each_role_phrase_or_alias_names_one_role():
    phrases = Counter(
        form.casefold() for row in read_rows("roles.tsv") for form in [row["phrase"], *values(row["aliases"])]
    )
    assert [form for form, count in phrases.items() if count > 1] == []


def role_for(phrase: str) -> tuple[str, str]:
    for row in read_rows("roles.tsv"):
        if phrase in [row["phrase"], *values(row["aliases"])]:
            return row["sector"], row["kind"]
    raise AssertionError(f"no role for {phrase!r}")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("foreign minister", ("GOV", "person")),
        ("top diplomat", ("GOV", "person")),
        ("police", ("COP", "organization")),
        ("rebels", ("REB", "group")),
        ("secretary-general", ("GOV", "person")),
        ("defence minister", ("MIL", "person")),
        ("protesters", ("CVL", "group")),
        ("refugees", ("REF", "group")),
        ("journalist", ("MED", "person")),
        ("judge", ("JUD", "person")),
        ("lawmaker", ("LEG", "person")),
    ],
)
def test_role_spot_checks(phrase, expected):
    assert role_for(phrase) == expected


def test_each_non_actor_phrase_holds_a_role_word_and_is_no_role():
    # nonactors.tsv exists to keep a role word from being coded inside these phrases
    roles = {
        form.casefold()
        for name in ("roles.tsv", *[g for g in GENERATED if kind_of(g) == "roles.tsv"])
        for row in read_rows(name)
        for form in [row["phrase"], *values(row["aliases"])]
    }
    for row in read_rows("nonactors.tsv"):
        for form in [row["phrase"], *values(row["aliases"])]:
            words = form.casefold().split()
            assert form.casefold() not in roles, form
            assert any(w in roles or w.removesuffix("s") in roles for w in words), form


def test_people_point_to_known_countries_and_organisations():
    org_codes = set(by_key("organizations.tsv"))
    for row in read_rows("people.tsv"):
        assert row["country"] in ISO3 | NON_STATE, row
        assert row["org"] in org_codes | {""}, row


def test_no_two_people_share_an_alias():
    forms = Counter(
        form.casefold() for row in read_rows("people.tsv") for form in [row["name"], *values(row["aliases"])]
    )
    assert [form for form, count in forms.items() if count > 1] == []


def test_sco_secretaries_general_are_known():
    people = by_key("people.tsv")
    assert people["Vladimir Norov"]["country"] == "UZB"
    assert {people[name]["org"] for name in ("Vladimir Norov", "Zhang Ming", "Rashid Alimov")} == {"SCO"}
    assert "Norov" in values(people["Vladimir Norov"]["aliases"])


# ---------------------------------------------------------------- relevance (data/relevance/)

RELEVANCE = ACTORS.parent / "relevance"


def relevance_rules() -> dict:
    import tomllib

    return tomllib.loads((RELEVANCE / "rules.toml").read_text(encoding="utf-8"))


def test_relevance_rules_name_valid_sectors_and_known_roles():
    rules = relevance_rules()
    assert set(rules["political_sectors"]) <= SECTORS and set(rules["business_sectors"]) <= SECTORS
    assert not set(rules["political_sectors"]) & set(rules["business_sectors"])
    assert "CVL" not in rules["political_sectors"]  # ordinary people are acted upon, not political actors
    assert set(rules["political_roles"]) <= set(by_key("roles.tsv"))


def test_sports_terms_are_lower_case_unique_and_not_political_words():
    terms = [t for group in relevance_rules()["sports_terms"].values() for t in group]
    assert all(t == t.lower().strip() and t for t in terms)
    assert [t for t, n in Counter(terms).items() if n > 1] == []
    # words news also uses for politics would make political sentences "about a sport"
    assert not set(terms) & {"match", "race", "coach", "season", "game", "striker", "defender", "olympics"}


def test_relevance_model_file_is_a_word_weight_table():
    from spacy.lang.en.stop_words import STOP_WORDS

    from dragoman.relevance import BIAS, WORD

    lines = [
        ln
        for ln in (RELEVANCE / "model.tsv").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    assert lines[0] == "feature\tweight"
    rows = [ln.split("\t") for ln in lines[1:]]
    assert rows[0][0] == BIAS and all(len(r) == 2 for r in rows)
    words = [w for w, _ in rows[1:]]
    assert len(words) == len(set(words)) > 1000
    assert all(WORD.fullmatch(w) and w not in STOP_WORDS for w in words)  # what features() can produce
    weights = dict((w, float(v)) for w, v in rows[1:])
    assert weights["government"] > 0 > weights["game"]


# ---------------------------------------------------------------- event knowledge (data/events/)

EVENTS = ACTORS.parent / "events"
PLOVER_ORDER = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
TYPE_HEADER = ["type", "quad", "cameo", "preps", "intent_cameo", "threat_cameo", "traits"]
TRIGGER_HEADER = ["trigger", "pos", "event", "mode", "cameo", "preps", "needs"]
CAMEO = r"\d{3,4}"
LEMMA = r"[a-z][a-z.'-]*"  # a lower-case word: "mr.", "'ll" aside, letters


def event_rows(name: str, header: list[str], trailing_cells_optional: bool = False) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in (EVENTS / name).read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert lines[0].split("\t") == header, f"{name}: header is {lines[0]!r}"
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        assert None not in row, f"{name}: more cells than the header in {row}"
        assert trailing_cells_optional or None not in row.values(), (
            f"{name}: fewer cells than the header in {row}"
        )
    return [{key: cell or "" for key, cell in row.items()} for row in rows]


def toml_file(name: str) -> dict:
    return tomllib.loads((EVENTS / name).read_text(encoding="utf-8"))


def test_types_file_has_one_row_per_plover_type_in_plover_order():
    rows = event_rows("types.tsv", TYPE_HEADER)
    assert [row["type"] for row in rows] == PLOVER_ORDER


def test_types_file_codes_quads_and_traits_are_valid():
    from dragoman.plover import QUAD_NAMES, TRAITS

    for row in event_rows("types.tsv", TYPE_HEADER):
        assert row["quad"] in QUAD_NAMES and re.fullmatch(CAMEO, row["cameo"]), row
        assert set(values(row["traits"])) <= TRAITS and all(
            re.fullmatch(LEMMA, p) for p in values(row["preps"])
        ), row
        # what a stated intent is coded as: an intent to cooperate, or a threat of conflict
        cooperation = row["quad"].endswith("_cooperation")
        assert bool(row["intent_cameo"]) == cooperation, row
        assert bool(row["threat_cameo"]) == (row["quad"] == "material_conflict"), row
        for code in (row["intent_cameo"], row["threat_cameo"]):
            assert code == "" or re.fullmatch(CAMEO, code), row


def test_every_trait_is_held_by_some_type():
    from dragoman.plover import TRAITS

    held = {trait for row in event_rows("types.tsv", TYPE_HEADER) for trait in values(row["traits"])}
    assert held == TRAITS


def test_trigger_files_share_the_header_and_name_known_types_and_contexts():
    contexts = {row["context"] for row in event_rows("contexts.tsv", ["word", "context"])}
    files = sorted(EVENTS.glob("triggers*.tsv"))
    assert files and files[0].name == "triggers.tsv"
    for path in files:
        for row in event_rows(path.name, TRIGGER_HEADER, trailing_cells_optional=True):
            assert row["event"] in PLOVER_ORDER and row["pos"] in {"V", "N", "LV", "VP"}, row
            assert row["cameo"] == "" or re.fullmatch(CAMEO, row["cameo"]), row
            assert (
                set(values(row["needs"])) <= {"recipient", "theme", "mutual", "undirected", "pair"} | contexts
            ), row


def word_lists() -> dict[str, list[str]]:
    return {name: value for name, value in toml_file("words.toml").items() if isinstance(value, list)}


def test_word_lists_are_lower_case_words_each_listed_once():
    lists = word_lists()
    assert len(lists) >= 25
    for name, words in lists.items():
        assert words and len(words) == len(set(words)), name
        if not name.endswith(("_sectors", "_contexts")):
            assert all(re.fullmatch(LEMMA, w) for w in words), name


def test_no_two_word_lists_are_the_same_list():
    # one purpose, one list: a list written twice under two names would drift apart
    lists = [frozenset(words) for words in word_lists().values()]
    assert len(lists) == len(set(lists))


def test_word_lists_of_codes_hold_known_codes():
    lists = word_lists()
    contexts = {row["context"] for row in event_rows("contexts.tsv", ["word", "context"])}
    for name in (
        "armed_sectors",
        "unarmed_sectors",
        "authority_sectors",
        "commanded_sectors",
        "civilian_sectors",
    ):
        assert set(lists[name]) <= SECTORS, name
    assert set(lists["non_hostile_contexts"]) <= contexts


def test_place_nouns_say_each_use():
    nouns = toml_file("words.toml")["place_nouns"]
    assert len(nouns) >= 15
    for word, uses in nouns.items():
        assert re.fullmatch(LEMMA, word) and set(uses) == {"heads", "ground", "refers_to"}, word
        assert uses["refers_to"] in {"", "city", "admin1", "region", "country"}, word
        assert not uses["ground"] or uses["heads"], word  # ground is a place a phrase names
    assert {w for w, uses in nouns.items() if uses["refers_to"]} >= {"province", "city", "country"}


def test_every_coded_rule_has_its_result_in_rules_file_and_back():
    from dragoman.events.recode import RECODES, STATED_INTENT

    rules = toml_file("rules.toml")
    assert [r.name for r in RECODES + STATED_INTENT] == list(rules["recode"])
    assert set(rules["speech"]) == {"obligation", "blame", "judgement", "denial", "disapproval", "warning"}


def test_rules_file_codes_are_valid():
    rules = toml_file("rules.toml")
    for name, row in [*rules["recode"].items(), *rules["speech"].items()]:
        assert row.get("event") in PLOVER_ORDER or set(row) == {"modality"}, name  # (a modality alone)
        assert set(row) <= {"event", "mode", "cameo", "modality", "word"}, name
        assert "cameo" not in row or re.fullmatch(CAMEO, row["cameo"]), name
        assert row.get("modality", "asserted") in {
            "asserted",
            "negated",
            "future",
            "intended",
            "hypothetical",
        }
    for table in ("threat_cameo", "attempt_cameo"):
        assert all(re.fullmatch(CAMEO, k) and re.fullmatch(CAMEO, v) for k, v in rules[table].items())


def test_regions_name_known_countries_and_their_adjectives_once():
    from dragoman.knowledge import load_knowledge

    rows = read_rows("regions.tsv")
    for row in rows:
        assert values(row["adjectives"]) and set(values(row["countries"])) <= ISO3 | NON_STATE, row["region"]
    adjectives = Counter(a.casefold() for row in rows for a in values(row["adjectives"]))
    assert [a for a, n in adjectives.items() if n > 1] == []
    regions = load_knowledge().regions
    assert {"PRK", "JPN", "KAZ"} <= regions["asian"] and "DEU" not in regions["asian"]
    assert regions["gulf"] >= {"QAT", "SAU"} and regions["balkan"] >= {"SRB", "XKX"}


# ---------------------------------------------------------------- generated files


def hand_forms() -> set[str]:
    """Names, aliases, demonyms, capitals, codes and role phrases of the hand-written files."""
    return {
        form.casefold()
        for name in HEADERS
        for row in read_rows(name)
        for column, cell in row.items()
        if column in ("iso3", "code", "name", "phrase", "aliases", "demonyms", "capitals")
        for form in values(cell)
    }


def check_actor_file(path: Path, org_codes: set[str], known: set[str]) -> None:
    """What a generated actor file must be: the columns of its hand-written kind, full rows,
    unique keys, valid codes, each form once, and no form the hand-written files already have
    (the hand-written row wins); the MIT notice of its source and a source line per row."""
    kind, rows = kind_of(path.name), read_rows(path.name, path.parent)
    text = path.read_text(encoding="utf-8")
    assert "The MIT License" in text and "Open Event Data Alliance" in text
    lines = text.splitlines()
    data = [i for i, line in enumerate(lines) if line and not line.startswith("#")][1:]
    assert all(lines[i - 1].startswith("# ") for i in data), f"{path.name}: a row without its source line"
    assert rows and all(None not in row and None not in row.values() for row in rows)
    keys = Counter(row[PRIMARY_KEYS[kind]] for row in rows)
    assert "" not in keys and [k for k, n in keys.items() if n > 1] == []
    for row in rows:
        for cell in row.values():
            assert (
                cell == cell.strip()
                and "||" not in cell
                and not cell.startswith("|")
                and not cell.endswith("|")
            )
    form_columns = {
        "people.tsv": ("name", "aliases"),
        "organizations.tsv": ("code", "name", "aliases"),
        "roles.tsv": ("phrase", "aliases"),
        "countries.tsv": ("aliases",),
    }[kind]
    forms = Counter(f.casefold() for row in rows for c in form_columns for f in values(row[c]))
    assert [f for f, n in forms.items() if n > 1] == [], path.name
    assert set(forms) & known == set(), path.name
    for row in rows:
        if kind == "people.tsv":
            assert row["country"] in ISO3 | NON_STATE and row["org"] in org_codes | {""}, row
        elif kind == "organizations.tsv":
            assert row["type"] in ORG_TYPES and row["sector"] in SECTORS, row
            assert row["country"] in ISO3 | NON_STATE | {""}, row
        elif kind == "roles.tsv":
            assert row["sector"] in SECTORS and row["kind"] in KINDS, row
        else:
            assert row["iso3"] in ISO3 | NON_STATE, row


def check_trigger_file(path: Path) -> None:
    """A generated trigger file: the columns of triggers.tsv, PLOVER types, known kinds, nothing
    triggers.tsv already has (written by hand, it wins), the MIT notice and a source per row."""
    from dragoman.model import EVENT_TYPES

    def rows(p: Path) -> list[dict]:
        lines = [
            ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
        ]
        assert lines[0].split("\t") == TRIGGER_COLUMNS, f"{p.name}: header is {lines[0]!r}"
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))

    text = path.read_text(encoding="utf-8")
    assert "The MIT License" in text and "Open Event Data Alliance" in text
    lines = text.splitlines()
    data = [i for i, line in enumerate(lines) if line and not line.startswith("#")][1:]
    assert all(lines[i - 1].startswith("# ") for i in data), f"{path.name}: a row without its source line"
    hand = {(r["trigger"], r["pos"]) for r in rows(EVENTS / "triggers.tsv")}
    keys = Counter((r["trigger"], r["pos"]) for r in rows(path))
    assert [k for k, n in keys.items() if n > 1] == [] and set(keys) & hand == set()
    for r in rows(path):
        assert None not in r and None not in r.values(), r
        assert r["event"] in EVENT_TYPES and r["pos"] in TRIGGER_POS and r["cameo"].isdigit(), r
        assert len(r["trigger"].split()) == (1 if r["pos"] in ("V", "N") else 2), r


@pytest.mark.parametrize("name", GENERATED)
def test_generated_actor_files_pass_the_checks(name):
    org_codes = {
        row["code"]
        for n in ["organizations.tsv", *GENERATED]
        if kind_of(n) == "organizations.tsv"
        for row in read_rows(n)
    }
    check_actor_file(ACTORS / name, org_codes, hand_forms())


@pytest.mark.parametrize("name", sorted(p.name for p in EVENTS.glob("triggers_*.tsv")))
def test_generated_trigger_files_pass_the_checks(name):
    check_trigger_file(EVENTS / name)


# ---------------------------------------------------------------- Russian (data/ru/)

RU = ACTORS.parent / "ru"
RU_HEADERS = {
    "countries.tsv": ["iso3", "aliases", "demonyms"],
    "organizations.tsv": ["code", "aliases"],
    "roles.tsv": ["phrase", "role"],
    "people.tsv": ["name", "aliases"],
    "places.tsv": ["name", "place", "country"],
    "triggers.tsv": ["trigger", "pos", "event", "mode", "cameo", "preps", "needs"],
    "contexts.tsv": ["word", "context"],
}


def read_ru(name: str) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in (RU / name).read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert lines[0].split("\t") == RU_HEADERS[name], f"ru/{name}: header is {lines[0]!r}"
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(None not in row for row in rows), f"ru/{name}: a row with more columns than the header"
    return rows


@pytest.mark.parametrize("name", sorted(RU_HEADERS))
def test_russian_files_have_their_header_columns(name):
    assert read_ru(name)


def test_russian_rows_point_at_english_countries_organisations_roles_and_people():
    assert {r["iso3"] for r in read_ru("countries.tsv")} <= set(by_key("countries.tsv"))
    assert {r["code"] for r in read_ru("organizations.tsv")} <= set(by_key("organizations.tsv"))
    assert {r["role"] for r in read_ru("roles.tsv")} <= set(by_key("roles.tsv"))
    assert {r["name"] for r in read_ru("people.tsv")} <= set(by_key("people.tsv"))
    assert {r["country"] for r in read_ru("places.tsv")} <= ISO3


def test_a_russian_form_belongs_to_one_row():
    for name, column in (
        ("roles.tsv", "phrase"),
        ("countries.tsv", "demonyms"),
        ("countries.tsv", "aliases"),
    ):
        forms = Counter(v.lower() for row in read_ru(name) for v in values(row[column]))
        assert not [f for f, n in forms.items() if n > 1], f"ru/{name} {column}: forms in two rows"


def test_the_russian_lexicon_loads_with_plover_types_and_russian_prepositions():
    from dragoman.russian.lexicon import load_russian_lexicon

    lex = load_russian_lexicon()
    assert {"CONSULT", "REQUEST", "ACCUSE", "AID", "AGREE", "SANCTION", "COERCE", "ASSAULT"} <= lex.types()
    preps = {
        p for table in (lex.verbs, lex.nouns, lex.light) for ts in table.values() for t in ts for p in t.preps
    }
    assert preps and all(not p.isascii() for p in preps)


def test_an_organisation_is_known_without_its_arabic_article():
    # the parser often tags "Shabaab" of "al-Shabaab", "Jazeera" of "Al Jazeera"
    from dragoman.knowledge import load_knowledge, without_arabic_article

    kb = load_knowledge()
    for bare, code in (["Shabaab"], "ALSHABAAB"), (["Qaeda"], "ALQAEDA"), (["Jazeera"], "ALJAZEERA"):
        assert [i.org for i in kb.lookup(bare)] == [code]
    assert without_arabic_article("Al-Arabiya") == "Arabiya"
    assert without_arabic_article("Alliance") is None and without_arabic_article("al-Ba") is None
