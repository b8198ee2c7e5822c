"""Repeated reports of one event in one article are one record with mentions."""

from conftest import process_one
from dragoman.mentions import merge_mentions, same_happening
from dragoman.model import Document, Entity, Event, Place

RUS = Entity("Russia", "Russia", (0, 6), "state", "RUS", "GOV", id="RUS")
PRK = Entity("North Korea", "North Korea", (0, 11), "state", "PRK", "GOV", id="PRK")
JPN = Entity("Japan", "Japan", (0, 5), "state", "JPN", "GOV", id="JPN")


def _event(start, date=None, date_text=None, recipient=(PRK,), location=None, event="ACCUSE"):
    return Event(
        "d",
        event,
        f"sentence at {start}",
        (start, start + 10),
        {"text": "x", "span": [start, start + 1]},
        actor=[RUS],
        recipient=list(recipient),
        date=date,
        date_text=date_text,
        location=location,
    )


def test_the_clearest_mention_is_kept_and_the_others_become_mentions():
    headline = _event(0, "2017-09-15")
    lead = _event(40, "2017-09-15", "on Friday", location=Place("Moscow", "MOSCOW", country_code="RUS"))
    [kept] = merge_mentions([headline, lead])
    assert kept is lead and kept.mentions == [{"text": "sentence at 0", "span": [0, 10]}]
    assert kept.to_record()["mentions"] == kept.mentions


def test_a_place_said_only_in_a_repeat_fills_the_kept_record():
    first = _event(0, "2017-09-15", "on Friday")
    again = _event(40, "2017-09-15", location=Place("Moscow", "Moscow", country_code="RUS"))
    [kept] = merge_mentions([first, again])
    assert kept is first and kept.location.name == "Moscow"


def test_different_days_types_recipients_or_modalities_are_different_events():
    assert not same_happening(_event(0, "2017-09-15", "Friday"), _event(40, "2017-08-29", "August 29"))
    assert not same_happening(_event(0), _event(40, event="CONSULT"))  # types no reader calls one act
    assert not same_happening(_event(0), _event(40, recipient=(JPN,)))
    hypothetical = _event(40)
    hypothetical.modality = "hypothetical"
    assert not same_happening(_event(0), hypothetical)
    assert same_happening(_event(0), _event(40, recipient=()))  # a side left unsaid does not disagree


def test_two_events_of_one_sentence_are_never_merged():
    assert not same_happening(_event(0), _event(0))


def test_an_article_codes_its_event_once(pipeline):
    text = (
        "Russia condemns North Korea over missile launch\n\n"
        "MOSCOW -- Russia strongly condemned North Korea on Friday over its latest missile launch."
    )
    doc = process_one(pipeline, Document(id="t", text=text, date="2017-09-16"))
    accusations = [e for e in doc.events if e.event == "ACCUSE"]
    assert len(accusations) == 1
    assert accusations[0].date == "2017-09-15" and len(accusations[0].mentions) == 1


def test_a_coarse_date_does_not_chain_two_different_days_into_one_event():
    # "in September" agrees with either day, but the two days are two happenings
    first, month, second = (
        _event(0, "2017-09-15", "Friday"),
        _event(40, "2017-09"),
        _event(80, "2017-09-03", "Sept. 3"),
    )
    kept = merge_mentions([first, month, second])
    assert len(kept) == 2 and second in kept


def test_a_report_dated_only_by_its_year_is_not_a_report_of_a_day():
    # "the first launch after it tested its most powerful bomb this year" and the day's launch
    assert not same_happening(_event(0, "2017-09-15", "Friday"), _event(40, "2017"))
    assert same_happening(_event(0, "2017-09-15", "Friday"), _event(40, "2017-09"))
