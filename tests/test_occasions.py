"""The day and place an occasion sentence ("The ceremony took place on Tuesday in Khujand") gives
the act before it (occasions.py)."""

import pytest

from conftest import process_one
from dragoman.model import Document


def _dates(pipeline, text, date="2021-10-28"):
    """Event type -> (date, the words that date it)."""
    events = process_one(pipeline, Document(id="t", text=text, date=date)).events
    return {e.event: (e.date, e.date_text) for e in events}


def test_the_ceremony_after_an_act_dates_it(pipeline):
    # published on Thursday 2021-10-28; the handover was at Tuesday's ceremony
    text = (
        "Diplomats of Russia handed humanitarian aid to the authorities of Tajikistan.\n"
        "The ceremony took place on Tuesday in Dushanbe."
    )
    assert _dates(pipeline, text)["AID"] == ("2021-10-26", "on Tuesday")


def test_a_ceremony_that_is_not_the_subject_of_a_happening_dates_nothing(pipeline):
    text = (
        "Diplomats of Russia handed humanitarian aid to the authorities of Tajikistan.\n"
        "Officials praised the ceremony on Tuesday."
    )
    assert _dates(pipeline, text)["AID"][1] is None  # (dated as the story, not by the ceremony)


def test_a_russian_ceremony_dates_the_act_before_it(pipeline):
    pytest.importorskip("natasha")
    text = (
        "Российские дипломаты передали властям Киргизии гуманитарную помощь.\n"
        "Церемония состоялась во вторник, 26 октября, в Бишкеке."
    )
    assert _dates(pipeline, text)["AID"][0] == "2021-10-26"


def test_the_ceremony_after_an_act_places_it(pipeline):
    text = (
        "Diplomats of Russia handed humanitarian aid to the authorities of Tajikistan.\n"
        "The ceremony took place on Tuesday in Khujand."
    )
    events = process_one(pipeline, Document(id="t", text=text, date="2021-10-28")).events
    assert [e.location.name for e in events if e.event == "AID"] == ["Khujand"]
