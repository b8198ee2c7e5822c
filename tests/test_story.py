"""The story of an article: the lead's date and dateline as fallbacks for its events."""

from conftest import process_one
from dragoman.model import Document
from dragoman.places import get_gazetteer
from dragoman.story import dateline_place


def _events(pipeline, text, date):
    return process_one(pipeline, Document(id="t", text=text, date=date)).events


def test_datelines_give_their_place():
    gaz = get_gazetteer()
    assert dateline_place("KABUL, Afghanistan — Police arrested two men.", gaz).name == "Kabul"
    assert dateline_place("MOSCOW -- Russia condemned the launch.", gaz).country_code == "RUS"
    assert dateline_place("Moscow condemned the launch.", gaz) is None  # a subject, not a dateline
    assert dateline_place("PARIS, Texas — The mayor resigned.", gaz).country_code == "USA"
    # the agency between the place and the dash
    assert dateline_place("KABUL, Afghanistan (Reuters) - Police arrested two men.", gaz).name == "Kabul"
    assert dateline_place("NAIROBI (AP) — Police arrested two men.", gaz).name == "Nairobi"


def test_an_undated_event_took_place_on_the_day_the_lead_gives(pipeline):
    # Published on Saturday 2023-03-11; the lead dates the news to Friday.
    text = (
        "Militants attack police station in Kabul\n\n"
        "Militants attacked a police station in Kabul late on Friday, officials said.\n"
        "The government condemned the militants."
    )
    events = _events(pipeline, text, "2023-03-11")
    assert events and all(e.date == "2023-03-10" for e in events)


def test_an_old_date_in_the_lead_is_history_not_the_story(pipeline):
    text = (
        "The rebels, who seized the town in March 2019, attacked a police station.\n"
        "The government condemned the rebels."
    )
    condemned = [e for e in _events(pipeline, text, "2023-03-11") if e.event == "ACCUSE"]
    assert condemned and condemned[0].date == "2023-03-11"


def test_an_event_of_the_dateline_sentence_happened_at_the_dateline(pipeline):
    text = "MOSCOW -- Russia strongly condemned North Korea on Friday."
    events = _events(pipeline, text, "2023-03-11")
    assert events and events[0].location.name == "Moscow"


def test_the_lead_city_sharpens_a_country_and_places_the_story_country(pipeline):
    text = (
        "Taliban attack German consulate in Afghanistan\n\n"
        "Taliban fighters attacked the German consulate in the northern city of Mazar-i-Sharif on Thursday.\n"
        "Afghan police fought the attackers for hours."
    )
    events = _events(pipeline, text, "2016-11-11")
    assert {e.location.text for e in events if e.location} == {"Mazar-i-Sharif"}
    assert len([e for e in events if e.location]) >= 2
