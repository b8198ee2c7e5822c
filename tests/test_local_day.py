"""News told in the time of a place ahead of the paper's (local_day.py)."""

from conftest import process_one
from dragoman.model import Document

MONDAY = "2023-03-13"  # the paper's date; the Tuesday before is 2023-03-07, the next one 2023-03-14


def _events(pipeline, text):
    return process_one(pipeline, Document(id="t", text=text, date=MONDAY)).events


def test_a_weekday_told_early_in_its_day_may_be_the_day_after_the_paper(pipeline):
    text = (
        "North Korea fires rocket over Japan\n\n"
        "North Korea fired a ballistic missile over Japan early Tuesday, Japanese officials said.\n"
        "The North also fired artillery shells into the sea on Tuesday, the South's army said."
    )
    dated = {e.event: e.date for e in _events(pipeline, text)}
    assert dated == {"MOBILIZE": "2023-03-14", "ASSAULT": "2023-03-14"}  # the same Tuesday further down


def test_a_plain_weekday_is_the_one_of_the_week_gone_by(pipeline):
    text = "North Korea fires missile\n\nNorth Korea fired a ballistic missile over Japan on Tuesday, officials said."
    assert {e.date for e in _events(pipeline, text) if e.event == "MOBILIZE"} == {"2023-03-07"}


def test_what_the_news_countries_said_is_of_their_day_the_papers_side_keeps_its_own(pipeline):
    text = (
        "North Korea fires rocket over Japan\n\n"
        "North Korea fired a ballistic missile over Japan early Tuesday morning, officials in Tokyo said.\n"
        "Japan's prime minister Fumio Kishida condemned North Korea.\n"
        "Canada's foreign minister condemned North Korea."
    )
    accused = {e.actor[0].country: e.date for e in _events(pipeline, text) if e.event == "ACCUSE"}
    assert accused == {"JPN": "2023-03-14", "CAN": MONDAY}


def test_zone_ahead_markers_name_the_day_and_compile():
    import re

    from dragoman.date_expressions import expressions

    for rx in expressions()["zone_ahead"]:
        assert "{day}" in rx
        re.compile(rx.replace("{day}", "Tuesday"))
    for name, day in expressions()["holidays"].items():
        assert name == name.lower() and re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", day)


def test_a_holiday_is_the_last_one_or_the_next_day_where_it_already_is():
    from dragoman.dates import resolve

    assert resolve("on Bastille Day", "2021-08-02").date == "2021-07-14"
    assert resolve("on New Year's Day", "2021-06-02").date == "2021-01-01"
    assert resolve("on Christmas Day", "2021-12-20", future=True).date == "2021-12-25"
    assert resolve("on New Year's Day", "2021-12-31").date == "2021-01-01"  # the next: local_day.py


def test_a_holiday_the_day_after_the_paper_dates_the_news_of_its_countries(pipeline):
    text = (
        "Kim offers talks with Seoul\n\n"
        "Officials in Seoul said they were still studying Kim's New Year's Day speech. "
        "Kim Jong Un urged South Korea to respond to overtures from the North. "
        "Canada's foreign minister condemned North Korea."
    )
    events = process_one(pipeline, Document(id="t", text=text, date="2021-12-31")).events
    dated = {(e.event, e.actor[0].country): e.date for e in events}
    assert dated[("REQUEST", "PRK")] == "2022-01-01"
    assert dated[("ACCUSE", "CAN")] == "2021-12-31"


def test_an_act_mentioned_again_on_a_holiday_takes_its_day(pipeline):
    text = (
        "Death toll rises\n\n"
        "A man drove a truck into crowds in the port city, killing dozens. "
        "Five people were killed in the attack that occurred during the Bastille Day celebrations. "
        "A militant group claimed responsibility for the attack."
    )
    events = process_one(pipeline, Document(id="t", text=text, date="2021-08-02")).events
    assert {e.date for e in events if e.event == "ASSAULT"} == {"2021-07-14"}


def test_a_holiday_to_come_does_not_move_the_news(pipeline):
    text = (
        "Police plan safe zone for party\n\n"
        "A German police union criticized organizers of Berlin's New Year's Eve party. "
        "Berlin's mayor rejected the criticism."
    )
    events = process_one(pipeline, Document(id="t", text=text, date="2021-12-30")).events
    assert {e.date for e in events if e.event in ("ACCUSE", "REJECT")} == {"2021-12-30"}


def test_last_month_counts_from_the_day_ahead_where_the_news_already_is(pipeline):
    # a paper of 31 December reports a New Year's Day speech: it is written in the new year, so
    # "last month" is December, and "last year" the year just ended
    text = (
        "Kim offers talks with Seoul\n\n"
        "Officials in Seoul said they were still studying Kim's New Year's Day speech. "
        "South Korea's president proposed last month that Seoul and Washington postpone military drills. "
        "North Korea tested a long-range missile last year."
    )
    events = process_one(pipeline, Document(id="t", text=text, date="2021-12-31")).events
    dated = {e.event: e.date for e in events}
    assert dated["REQUEST"] == "2021-12"
    assert dated["MOBILIZE"] == "2021"
