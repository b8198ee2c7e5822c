"""scripts/import_petrarch.py on a small fixture in PETRARCH-2's formats (tests/fixtures/petrarch,
written for these tests): what it imports, what it leaves out, and that its files pass the
checks of the shipped knowledge files (test_knowledge_files.py)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from test_knowledge_files import (
    ACTORS,
    GENERATED,
    check_actor_file,
    check_trigger_file,
    hand_forms,
    kind_of,
    read_rows,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "petrarch"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "import_petrarch.py"),
            "--lexicons",
            str(FIXTURE),
            "--out",
            str(out),
            "--classes",
            "*",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def triggers(out: Path) -> dict[tuple[str, str], dict]:
    lines = [
        ln
        for ln in (out / "events" / "triggers_petrarch.tsv").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return {
        (r["trigger"], r["pos"]): r for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    }


def test_generated_trigger_file_passes_the_checks(generated):
    check_trigger_file(generated / "events" / "triggers_petrarch.tsv")


def test_generated_actor_files_pass_the_checks(generated):
    files = sorted((generated / "actors").glob("*_petrarch.tsv"))
    assert {kind_of(p.name) for p in files} == {
        "people.tsv",
        "organizations.tsv",
        "roles.tsv",
        "countries.tsv",
    }
    org_codes = {
        r["code"]
        for n in ["organizations.tsv", *GENERATED]
        if kind_of(n) == "organizations.tsv"
        for r in read_rows(n, ACTORS)
    }
    org_codes |= {r["code"] for r in read_rows("organizations_petrarch.tsv", generated / "actors")}
    for path in files:
        check_actor_file(path, org_codes, hand_forms())


def test_patterns_become_verbs_light_verbs_and_particle_verbs_in_plover(generated):
    rows = triggers(generated)
    got = {k: (r["event"], r["mode"], r["cameo"]) for k, r in rows.items()}
    assert got[("colloque", "V")] == ("CONSULT", "", "040")  # the block's code
    assert got[("colloque with", "VP")] == ("CONSULT", "", "046")  # `* (WITH)`
    assert got[("colloque parley", "LV")] == ("CONSULT", "", "046")  # a synonym set, expanded
    assert got[("colloque overture", "LV")] == ("AGREE", "", "036")  # a noun phrase's head
    assert got[("quarantine", "V")] == ("COERCE", "restrict", "163")  # 163 is COERCE, not SANCTION
    assert got[("quarantine tariff", "LV")] == ("COERCE", "restrict", "163")  # "tariffs": the lemma
    assert got[("swat down", "VP")] == ("COERCE", "curfew", "1723")
    assert got[("belabour rocket", "LV")] == ("ASSAULT", "heavy-weapons", "194")


def test_what_cannot_be_represented_or_is_no_event_is_left_out(generated):
    keys = set(triggers(generated))
    assert ("colloque criticism", "LV") not in keys  # [:111]: the subject is acted upon
    assert ("colloque nonsense", "LV") not in keys  # [---]: no event
    assert ("colloque telephone", "LV") not in keys  # (BY ...): a preposition the light verbs do not read
    assert ("belabour suspect", "LV") not in keys  # two phrases
    assert ("quarantine exercise", "LV") not in keys  # a condition on the subject
    assert ("belabour convoy", "LV") not in keys  # two types, as many lines each: ambiguous


def test_hand_written_triggers_win(generated):
    rows = triggers(generated)
    assert ("confer", "V") not in rows and ("meet", "V") not in rows
    # triggers.tsv reads "meet" as CONSULT: a light verb of it is kept only with that type
    assert rows[("meet delegation", "LV")]["event"] == "CONSULT"
    assert ("meet resistance", "LV") not in rows


def test_each_trigger_records_its_source_line(generated):
    text = (generated / "events" / "triggers_petrarch.tsv").read_text(encoding="utf-8")
    before = text.split("\ncolloque with\tVP", 1)[0].splitlines()[-1]
    assert before.startswith("# CAMEO.2.0.txt:") and "(WITH)" in before


def test_office_holders_keep_their_country_title_and_organisation(generated):
    people = {r["name"]: r for r in read_rows("people_petrarch.tsv", generated / "actors")}
    assert people["Odalric Vantongeren"] == {
        "name": "Odalric Vantongeren",
        "aliases": "Vantongeren",
        "country": "UZB",
        "org": "",
        "title": "Foreign Minister",
    }
    assert people["Isolde Farnsworth"]["org"] == "SCO"  # IGOSCO, named as the hand-written SCO is
    assert "Vladimir Putin" not in people  # people.tsv has him: the hand-written row wins
    assert people["Marguerite Oosterhuizen"]["aliases"] == ""  # "Shell" alone is an English word


def test_organisations_groups_roles_and_country_names(generated):
    orgs = {r["name"]: r for r in read_rows("organizations_petrarch.tsv", generated / "actors")}
    assert (orgs["Kazakh Frontier Rangers"]["country"], orgs["Kazakh Frontier Rangers"]["sector"]) == (
        "KAZ",
        "MIL",
    )
    assert "KFR" in orgs["Kazakh Frontier Rangers"]["aliases"].split("|")  # an acronym kept in capitals
    assert (orgs["Brotherhood Of The Red Dune"]["type"], orgs["Brotherhood Of The Red Dune"]["country"]) == (
        "REB",
        "KAZ",
    )
    assert (orgs["Steppe Water Commission"]["type"], orgs["Steppe Water Commission"]["country"]) == (
        "IGO",
        "IGO",
    )
    assert (orgs["Grundwald Holdings"]["sector"], orgs["Grundwald Holdings"]["country"]) == ("BUS", "DEU")
    assert "Shanghai Cooperation Organisation" not in orgs  # organizations.tsv has it
    roles = {r["phrase"]: r for r in read_rows("roles_petrarch.tsv", generated / "actors")}
    assert (roles["frontierman"]["sector"], roles["frontierman"]["kind"]) == ("MIL", "person")
    assert (roles["customs inspectorate"]["sector"], roles["customs inspectorate"]["kind"]) == (
        "GOV",
        "organization",
    )
    assert "police" not in roles and "astrologer" not in roles  # roles.tsv has it; no sector for ~XYZ
    countries = {r["iso3"]: r for r in read_rows("countries_petrarch.tsv", generated / "actors")}
    assert countries["UZB"]["aliases"] == "Zembla|Zemblan Republic"  # not "Tashkent", countries.tsv's capital
    assert "RUR" not in countries  # no ISO 3166 country


def test_the_licence_notice_is_kept_in_the_script():
    head = (REPO / "scripts" / "import_petrarch.py").read_text(encoding="utf-8")[:2000]
    assert "MIT License" in head and "Open Event Data Alliance" in head


def test_shipped_files_are_what_the_import_writes(tmp_path):
    """After an edit of triggers.tsv or of the actor files (which the import never repeats), or
    of the script, run scripts/import_petrarch.py again: this test says when that was forgotten."""
    lexicons = [p / "shared" / "lexicons" / "petrarch2" for p in (REPO.parent, REPO.parent.parent)]
    if not any(p.is_dir() for p in lexicons):
        pytest.skip("PETRARCH-2's dictionaries (../shared/lexicons/petrarch2) are not on this machine")
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "import_petrarch.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    data = REPO / "src" / "dragoman" / "data"
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*_petrarch.tsv"))
    shipped = sorted(p.relative_to(data) for p in data.rglob("*_petrarch.tsv"))
    assert written == shipped
    for rel in written:
        assert (tmp_path / rel).read_text(encoding="utf-8") == (data / rel).read_text(encoding="utf-8"), rel
