"""The story of an article: when and where its lead says the news happened.

News writing puts the when and where of its main event in the lead: a dateline
("KUNDUZ, Afghanistan —", "MOSCOW --") and a date ("late on Thursday"). dragoman uses them as
fallbacks, never over what a sentence says itself:
- an act reported without a date took place on the day the lead gives an act, not on the day
  the paper came out (a Friday paper reports Thursday's attack; "the blast" of a later sentence
  is the same Thursday); a statement reported without a date was made on the day the lead says
  something was said ("the minister told reporters on Tuesday"), else on the day of the paper
  (a Monday paper reports Sunday's vote and Monday's reactions to it);
- an event in the dateline's sentence that names no place of its own happened at the dateline;
- an event of the lead placed only in a country ("a raid in Afghanistan") happened in the city
  of that country the lead names for its news ("in the northern city of Mazar-i-Sharif").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from datetime import timedelta

from . import dates
from .local_day import holiday_speech, reads_ahead
from .model import Document, Place

LEAD_SENTENCES = 6  # the headline and the lead paragraph
STORY_WINDOW_DAYS = 7  # a lead date further back than this is history, not the news
# "KUNDUZ, Afghanistan —", "UNITED NATIONS --", "RAMALLAH, West Bank —", "KABUL (Reuters) -":
# capitals, an optional region or country after a comma, an optional agency, then a dash.
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'\- ]{1,40}?)\s*(?:,\s*(?P<region>[A-Z][\w.' ]{1,40}?))?"
    r"\s*(?:\([A-Za-z.\- ]{1,20}\))?\s*(?:--|—|–|-)\s+\S"
)


@dataclass
class Story:
    date: str | None = None  # "YYYY-MM-DD" of the lead's news, if the lead dates it
    dateline: Place | None = None  # where the article was filed from
    dateline_sentence: int | None = None  # index of the sentence that carries the dateline
    act_date: str | None = None  # the first day of the lead that dates an act, not a saying
    said_date: str | None = None  # the first day of the lead that dates a saying
    ahead: str | None = None  # the day after the paper's, when the lead tells its news in a time ahead
    ahead_countries: frozenset = frozenset()  # the countries named where the lead says so (local_day.py)


def read_story(doc: Document, gazetteer, near=frozenset()) -> Story:
    """What the lead of `doc` says of when and where (sentences must be parsed)."""
    first, act, said_day, ahead = _lead_dates(doc)
    story = Story(date=first, act_date=act, said_date=said_day)
    if ahead is not None:  # the countries of the news: named up to the sentence that says so
        sent = doc.sentences[ahead]
        story.ahead = (Date.fromisoformat(doc.date) + timedelta(days=1)).isoformat()
        story.ahead_countries = frozenset(
            e.country for e in doc.entities if e.country and e.span[0] < sent.offset + len(sent.text)
        )
    for i, sent in enumerate(doc.sentences[:LEAD_SENTENCES]):
        place = dateline_place(sent.text, gazetteer, near)
        if place is not None:
            story.dateline, story.dateline_sentence = place, i
            break
    return story


def dateline_place(text: str, gazetteer, near=frozenset()) -> Place | None:
    """The place of a dateline at the start of `text`, if it has one the gazetteer knows."""
    m = DATELINE.match(text)
    if not m or not any(c.isupper() for c in m.group("city")) or m.group("city") != m.group("city").upper():
        return None
    city = m.group("city").strip().title()
    region = gazetteer.lookup(m.group("region").strip()) if m.group("region") else None
    if region is not None and region.country_code:
        near = frozenset(near) | {region.country_code}
    place = gazetteer.lookup(city, near)
    if place is None or (
        region is not None and region.country_code and place.country_code != region.country_code
    ):
        return None
    place.text = m.group("city").strip()
    return place


def _lead_dates(doc: Document) -> tuple[str | None, str | None, str | None, int | None]:
    """The first day the lead names that lies in the week up to the document's date, the first
    such day that dates an act and the first that dates a saying ("officials said Friday" is
    when it was told; "the truck ploughed into the crowd on Thursday night" when it happened).

    In a sentence the day closest to its main verb comes first ("welcomes the release of girls
    kidnapped in 2014, a spokesman said on Monday": Monday); photo captions date the photo, not
    the news. A day told in local time may be the day after the document's date ("early
    Tuesday" in a Monday paper, local_day.py): the last value is the index of the sentence that
    tells it so."""
    if not doc.date or len(doc.date) != 10:
        return None, None, None, None
    published = Date.fromisoformat(doc.date)
    first = act = said_day = ahead = None
    # "Chile praised Peru on Monday": the day of a statement is a day things were said
    statements = {i for e in doc.events if e.quad.startswith("verbal") for i in range(*e.trigger["span"])}
    for index, sent in enumerate(doc.sentences[:LEAD_SENTENCES]):
        if sent.span is None or dates.is_caption(sent.text):
            continue
        found_dates = dates.sentence_dates(sent.span, doc.date, sent.span.root.i, own=False)
        for _, _, found, said, verb in sorted(found_dates, key=lambda f: f[:2]):
            if found.precision != "day" or len(found.date) != 10:
                continue
            next_day = (published + timedelta(days=1)).isoformat()
            if reads_ahead(sent.text, found, published) or holiday_speech(sent.text, found, published):
                found = replace(found, date=next_day)  # "early Tuesday", "Kim's New Year's Day speech"
            told_ahead = found.date == next_day and (
                "local time" in found.date_text.lower()
                or reads_ahead(sent.text, found, published, resolved=True)
                or holiday_speech(sent.text, found, published)
            )
            ahead = index if told_ahead and ahead is None else ahead
            days_before = (published - Date.fromisoformat(found.date)).days
            earliest = -1 if told_ahead else 0
            if not earliest <= days_before <= STORY_WINDOW_DAYS:
                continue
            first = first or found.date
            if said or (verb is not None and sent.offset + verb.idx in statements):
                said_day = said_day or found.date
            else:
                act = act or found.date
    return first, act, said_day, ahead


def sharpen_lead_places(placed: list[tuple[object, int]], story: Story, published: str | None = None) -> None:
    """Events of the lead placed in a country take the lead's city in that country; events of
    the story's country that name no place take that city too.

    Only a city where the lead sets an act sharpens an act placed in a country, and only a
    city of a saying a saying: "the ministry summoned the ambassador in Baku" does not move
    "was sentenced in Azerbaijan" (a court's act) to Baku.

    `placed`: (event, index of its sentence) in document order; `published`: the document's date."""
    lead = [(event, i) for event, i in placed if i < LEAD_SENTENCES]
    cities = [
        e
        for e, _ in lead
        if e.location is not None
        and e.location.feature == "city"
        and not _of_earlier_year(e, story.date or published)
    ]
    for event, _ in lead:
        where = event.location
        if where is None or where.feature != "country":
            continue
        city = next(
            (
                c.location
                for c in cities
                if c.location.country_code == where.country_code and _material(c) == _material(event)
            ),
            None,
        )
        if city is not None:
            event.location = city
    if not cities:
        return
    story_city = cities[0].location
    for event, _ in placed:
        if (
            event.location is None
            and event.modality == "asserted"
            and any(e.country == story_city.country_code for e in event.actor + event.recipient)
        ):
            event.location = story_city


def _of_earlier_year(event, story_date: str | None) -> bool:
    """ "In 2014 Boko Haram kidnapped schoolgirls in Chibok", in the lead of a story of 2016:
    history the lead recalls, whose place is not the story's."""
    return bool(story_date and event.date and event.date[:4] < story_date[:4])


def _material(event) -> bool:
    return event.quad.startswith("material")
