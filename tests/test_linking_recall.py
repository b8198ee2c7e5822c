"""Linking rules that raise recall (issue 13): nearby places are no conflict, a
statement that condemns and warns or demands is one act, a place named as a side says
where rather than who. Each rule on records written for it."""

from __future__ import annotations

from dragoman.linking.blocking import index_queries, index_rows
from dragoman.linking.clustering import report_from_json, report_json
from dragoman.linking.rules import compare, distance_km, report_of, spot_of

from test_linking import city, group, linked, person, place, record, state


def located(name: str, country: str, lat: float, lon: float) -> dict:
    """A location as the places stage writes one, with the gazetteer's coordinates."""
    return {"name": name, "text": name, "country_code": country, "feature": "city", "lat": lat, "lon": lon}


LYON = located("Lyon", "FRA", 45.748, 4.847)
VILLEURBANNE = located("Villeurbanne", "FRA", 45.766, 4.879)  # a suburb, 3 km from Lyon
GRENOBLE = located("Grenoble", "FRA", 45.171, 5.726)  # another city, 95 km away


def test_a_city_and_its_suburb_are_no_conflict_and_the_reasons_say_how_near():
    a = record("ASSAULT", [group_of_gunmen()], [person("Anna Vidal", "FRA")], location=LYON)
    b = record("ASSAULT", [group_of_gunmen()], [person("Anna Vidal", "FRA")], location=VILLEURBANNE)
    ok, reasons = linked(a, b)
    assert ok
    assert "nearby places, Lyon and Villeurbanne (3 km apart)" in reasons


def test_two_cities_far_apart_still_conflict():
    a = record("ASSAULT", [], [person("Anna Vidal", "FRA")], location=LYON)
    b = record("ASSAULT", [], [person("Anna Vidal", "FRA")], location=GRENOBLE)
    ok, reasons = linked(a, b)
    assert not ok and reasons == ("different places: Lyon and Grenoble",)


def test_cities_without_coordinates_conflict_as_before():
    bare = {k: v for k, v in VILLEURBANNE.items() if k not in ("lat", "lon")}
    a = record("ASSAULT", [], [person("Anna Vidal", "FRA")], location=LYON)
    b = record("ASSAULT", [], [person("Anna Vidal", "FRA")], location=bare)
    assert not linked(a, b)[0]


def test_nearby_places_count_nothing_on_their_own():
    # No conflict is not evidence: two attacks a suburb apart that share no party do not link.
    a = record("ASSAULT", [state("FRA")], [], location=LYON)
    b = record("ASSAULT", [], [], location=VILLEURBANNE)
    ok, reasons = linked(a, b)
    assert not ok and reasons[-1] == "too little in common (0 < 2)"


def test_distance_is_great_circle_and_unknown_without_coordinates():
    lyon, grenoble = spot_of(LYON), spot_of(GRENOBLE)
    assert 90 < distance_km(lyon, grenoble) < 100
    assert distance_km(lyon, spot_of({"name": "Lyon", "country_code": "FRA"})) is None
    # coordinates are not part of a place's identity: Lyon named without them is Lyon
    assert spot_of({"name": "Lyon", "country_code": "FRA", "feature": "city"}) == lyon


def test_a_place_s_coordinates_are_stored_and_read_back():
    r = report_of(record("ASSAULT", [], [], location=VILLEURBANNE), "2024-03-05")
    back = report_from_json(report_json(r))
    assert (back.location.lat, back.location.lon) == (45.766, 4.879)


def test_the_index_finds_a_report_in_a_nearby_place_that_links():
    a = record("ASSAULT", [], [person("Anna Vidal", "FRA")], location=LYON)
    b = record("ASSAULT", [], [person("Anna Vidal", "FRA")], location=VILLEURBANNE)
    ra, rb = report_of(a, "2024-03-05"), report_of(b, "2024-03-05")
    assert compare(ra, rb).linked
    rows = set(index_rows(rb))
    assert any(key == k and lo <= day <= hi for key, lo, hi in index_queries(ra) for k, day in rows)


def test_a_condemnation_and_a_warning_by_one_side_to_another_are_one_statement():
    # "Ruritania condemned the test" / "Ruritania warned Borduria of consequences", one day
    a = record("ACCUSE", [person("Olga Brandt", "RUR")], [state("BOR")])
    b = record("THREATEN", [state("RUR")], [state("BOR")])
    ok, reasons = linked(a, b)
    assert ok and reasons[0].startswith("ACCUSE and THREATEN: a stern statement")
    # ... but not the warning the other side sent back
    assert not linked(a, record("THREATEN", [state("BOR")], [state("RUR")]))[0]


def test_a_condemnation_and_a_demand_in_one_statement_link():
    # "The council condemned the launch, demanding that Borduria halt its programme"
    a = record("ACCUSE", [person("Olga Brandt", "RUR")], [state("BOR")])
    b = record("REQUEST", [person("Olga Brandt", "RUR")], [state("BOR")])
    ok, reasons = linked(a, b)
    assert ok and reasons[0].startswith("ACCUSE and REQUEST: a statement that condemns and demands")
    # a demand and a protest are not one act
    assert not linked(b, record("PROTEST", [person("Olga Brandt", "RUR")], [state("BOR")]))[0]


def group_of_gunmen() -> dict:
    return {
        "name": "gunmen",
        "kind": "group",
        "country": None,
        "sector": "REB",
        "title": "gunmen",
        "id": "g-gunmen",
    }


# ---------------------------------------------------------------- a brief beside a long report

BRIEF = (
    "A tram came off the rails at Sandilands in Croydon on Wednesday. The driver was held by "
    "British Transport Police, and Tramlink closed the line."
)
# A long report of the same crash: the brief's names and sixty others (witnesses, streets).
LONG = (
    "A tram overturned at the Sandilands junction in Croydon on Wednesday, and British Transport "
    "Police held the driver; Tramlink said the line would stay closed. "
    + " ".join(
        f"Witnesses on the street told Vel{chr(97 + i // 26)}{chr(97 + i % 26)}ane what they saw."
        for i in range(60)
    )
)


def test_a_brief_whose_names_are_mostly_in_a_long_report_tells_its_story():
    from dragoman.linking.articles import article_of, compare_articles, contained, name_overlap

    brief = article_of("a", [], "2024-11-09", BRIEF)
    long = article_of("b", [], "2024-11-09", LONG)
    assert name_overlap(brief, long) < 0.10  # the long report's other names swamp the overlap
    assert contained(brief, long) >= 0.5
    story = compare_articles(brief, long)
    assert story.linked
    assert "the shorter text has" in story.reasons[0] and "sandilands" in story.reasons[0]


def test_a_brief_sharing_three_names_with_a_long_report_is_not_enough():
    from dragoman.linking.articles import article_of, compare_articles, contained

    other = "Flooding closed a road by Sandilands in Croydon, and British engineers said Thames Water would mend it."
    a, b = article_of("a", [], "2024-11-09", other), article_of("b", [], "2024-11-09", LONG)
    assert contained(a, b) >= 0.5 and len(a.terms & b.terms) == 3
    assert not compare_articles(a, b).linked


def test_a_charge_and_its_denial_link_whichever_way_round():
    # "Ruritania accused Borduria of selling oil" / "Borduria denied Ruritania's charge", one day
    a = record("ACCUSE", [person("Olga Brandt", "RUR")], [state("BOR")])
    b = record("REJECT", [state("BOR")], [person("Olga Brandt", "RUR")])
    ok, reasons = linked(a, b)
    assert ok and reasons[0].startswith("ACCUSE and REJECT: a dispute")
    # a third country's denial is another act
    assert not linked(a, record("REJECT", [state("SYL")], [person("Olga Brandt", "RUR")]))[0]


# ---------------------------------------------------------------- a place named as a side


def test_a_place_named_as_a_side_is_no_conflict_with_the_people_in_it():
    # "Gunmen attacked Xville" / "gunmen killed Borduran tourists" (in Xville, Ruritania):
    # the place says where it was, the tourists who was hit.
    xville = city("Xville", "RUR")
    a = record("ASSAULT", [group("gunmen", "REB")], [place("Xville", "RUR")], location=xville)
    b = record("ASSAULT", [group("gunmen", "REB")], [group("tourists", "CVL", "BOR")], location=xville)
    ok, reasons = linked(a, b)
    assert ok and "the same place, Xville" in reasons
    # ... while a people of one country and a people of another still conflict
    c = record("ASSAULT", [group("gunmen", "REB")], [group("villagers", "CVL", "RUR")], location=xville)
    ok, reasons = linked(c, b)
    assert not ok and reasons[-1].startswith("different recipients")


def test_a_place_does_not_hide_an_act_told_the_other_way_round():
    # "Ruritania shelled Xville" / "Xville's fighters fired on Ruritania": the place's
    # country stands on the other side of the other report, so the two conflict.
    xville = city("Xville", "BOR")
    a = record("ASSAULT", [state("RUR")], [place("Xville", "BOR")], location=xville)
    b = record("ASSAULT", [place("Xville", "BOR")], [state("RUR")], location=xville)
    assert not linked(a, b)[0]
    assert not linked(b, a)[0]


def test_within_one_story_a_place_on_a_side_conflicts_as_before():
    # Two attacks the same day in one story, "rebels shelled Xville" and "rebels ambushed
    # Borduran soldiers": on the story alone (no shared evidence) nothing is set aside.
    from dragoman.linking.rules import Verdict

    story = Verdict(True, ("their articles tell one story (test)",), 3)
    a = report_of(
        record("ASSAULT", [group("rebels", "REB")], [place("Xville", "RUR")], doc="a"), "2024-03-05"
    )
    b = report_of(
        record("ASSAULT", [group("rebels", "REB")], [group("soldiers", "MIL", "BOR")], doc="b"), "2024-03-05"
    )
    verdict = compare(a, b, story)
    assert not verdict.linked and verdict.reasons[-1].startswith("different recipients")
    # ... while with a shared city as their location, the place is set aside again
    xville = city("Xville", "RUR")
    a2 = report_of(
        record("ASSAULT", [group("rebels", "REB")], [place("Xville", "RUR")], location=xville), "2024-03-05"
    )
    b2 = report_of(
        record("ASSAULT", [group("rebels", "REB")], [group("soldiers", "MIL", "BOR")], location=xville),
        "2024-03-05",
    )
    assert compare(a2, b2, story).linked and compare(a2, b2).linked


def test_a_country_named_as_a_place_still_conflicts():
    # "France sent aid to Chile" (Chile as a place standing for its people) is not
    # "France sent aid to Peruvian towns": a country is who as much as where.
    a = record("AID", [state("FRA")], [place("Chile", "CHL")])
    b = record("AID", [state("FRA")], [group("towns", "CVL", "PER")])
    ok, reasons = linked(a, b)
    assert not ok and reasons[-1].startswith("different recipients")


def test_a_place_alone_on_a_side_links_only_on_what_is_shared():
    # No conflict is not evidence: the place sets nothing aside but its conflict.
    a = record("ASSAULT", [], [place("Xville", "RUR")])
    b = record("ASSAULT", [], [group("tourists", "CVL", "BOR")])
    ok, reasons = linked(a, b)
    assert not ok and reasons[-1] == "too little in common (0 < 2)"


def test_a_party_s_place_flag_is_stored_and_read_back():
    r = report_of(record("ASSAULT", [state("RUR")], [place("Xville", "RUR")]), "2024-03-05")
    back = report_from_json(report_json(r))
    assert [p.place for p in back.recipient] == [True] and [p.place for p in back.actor] == [False]
    # a report stored before parties said so reads its parties as no places
    import json

    old = json.loads(report_json(r))
    old["recipient"] = [p[:6] for p in old["recipient"]]
    assert [p.place for p in report_from_json(json.dumps(old)).recipient] == [False]


# ---------------------------------------------------------------- a person known only by a role


def role_only(title: str) -> dict:
    """A person the text names only by a role, as the actors stage writes one."""
    return {**person(title, None, "CVL"), "title": title}


def test_a_person_known_only_by_a_role_is_no_one_person():
    # "A man drove into the crowd" in Lyon and "a man stabbed a guard" in Lyon the same
    # day: the two men count nothing, as generic groups do; a named man counts 2.
    from dragoman.linking.rules import party_level

    assert party_level(role_only("man")) == 0
    assert party_level(role_only("police chief")) == 0
    assert party_level({**person("Karl Weiss", "DEU"), "title": "man"}) == 2
    a = record("ASSAULT", [role_only("man")], [group("crowd", "CVL")])
    b = record("ASSAULT", [role_only("man")], [group("guard", "CVL")])
    ok, reasons = linked(a, b)
    assert not ok and reasons[-1] == "too little in common (0 < 2)"


def test_articles_naming_a_man_each_do_not_share_a_name():
    from dragoman.linking.articles import article_of

    a = article_of("a", [record("ASSAULT", [role_only("man")], [])], "2024-03-05")
    b = article_of(
        "b", [record("ASSAULT", [{**person("Karl Weiss", "DEU"), "title": "man"}], [])], "2024-03-05"
    )
    assert not a.names and b.names == frozenset({"a:p-karl-weiss"})
