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
