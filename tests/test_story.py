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
    # Published on Saturday 2023-03-11; the lead dates the attack to Friday and says of no day
    # when anything was said: the condemnation was made on the day of the paper.
    text = (
        "Militants attack police station in Kabul\n\n"
        "Militants attacked a police station in Kabul late on Friday, officials said.\n"
        "The government condemned the militants."
    )
    events = _events(pipeline, text, "2023-03-11")
    assert {e.date for e in events if e.event == "ASSAULT"} == {"2023-03-10"}
    assert {e.date for e in events if e.event == "ACCUSE"} == {"2023-03-11"}


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


def test_a_city_where_the_lead_says_something_does_not_sharpen_an_act_placed_in_a_country(pipeline):
    # The summons was in Baku; the court's sentence is placed only in the country: the city of
    # a saying is no evidence of where an act happened (a statement still takes it).
    text = (
        "Azerbaijan protests to Russia\n\n"
        "The foreign ministry of Azerbaijan summoned the Russian ambassador in Baku on Friday.\n"
        "The ministry accused Moscow of interfering in its affairs.\n"
        "On Thursday, a former rebel leader was sentenced to life in prison in Azerbaijan."
    )
    places = {e.trigger["text"]: e.location.name for e in _events(pipeline, text, "2026-02-06") if e.location}
    assert places["sentenced"] == "Azerbaijan"
    assert places["accused"] == "Baku"


def test_the_lead_date_is_the_day_of_its_main_verb_not_a_photo_or_a_year(pipeline):
    # Published on Wednesday 2023-03-15; the caption's day is the photo's, 2019 is history.
    text = (
        "Council welcomes prisoner release\n\n"
        "In this Friday, March 10, 2023 file photo, prisoners leave a jail near Aden.\n"
        "The Security Council welcomed the release of prisoners held since 2019, "
        "a spokesman said on Tuesday.\n"
        "He urged both parties to free all remaining detainees."
    )
    urged = [e for e in _events(pipeline, text, "2023-03-15") if e.event == "REQUEST"]
    assert urged and urged[0].date == "2023-03-14"


def test_an_undated_act_takes_the_lead_day_of_an_act_and_a_statement_the_day_it_was_told(pipeline):
    # Published on Friday 2021-06-04: told on Friday, the attack was on Thursday.
    text = (
        "Gunman kills five on bus in Kano\n\n"
        "Five people were killed when a gunman opened fire on a bus in Kano, police said on Friday.\n"
        "The gunman attacked the bus near the central market late on Thursday.\n"
        "Police arrested the gunman.\n"
        "The governor condemned the attack."
    )
    events = {e.event: e.date for e in _events(pipeline, text, "2021-06-04")}
    assert events["COERCE"] == "2021-06-03"
    assert events["ACCUSE"] == "2021-06-04"


def test_a_threat_is_dated_when_made_and_a_future_refusal_when_it_will_be(pipeline):
    threat = _events(pipeline, "Hamas said on Monday it was ready to attack Israel next month.", "2021-06-02")
    assert [(e.event, e.date) for e in threat] == [("THREATEN", "2021-05-31")]
    refusal = _events(
        pipeline, "Iran will reject the European Union's proposal at the talks next month.", "2021-06-02"
    )
    assert [(e.event, e.date) for e in refusal] == [("REJECT", "2021-07")]
