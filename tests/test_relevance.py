"""Political relevance: sports, entertainment, products and markets yield no event unless
political actors act in them; political news keeps its events. Texts written for these tests."""

from __future__ import annotations
from conftest import process_one

import pytest

from dragoman.model import Entity, Event
from dragoman.pipeline import Pipeline
from dragoman.read import read_text_document
from dragoman.relevance import RelevanceFilter, load_model, load_rules, political_actor, political_event
from dragoman.settings import Settings

SPORTS = """The Cleveland Indians beat the Chicago Cubs 8-7 in ten innings on Wednesday night to win the World Series for the first time since 1948.
The Indians attacked the Cubs' bullpen early, and their manager praised his players after the game.
Thousands of fans celebrated in the streets of Cleveland until the early hours, and the team thanked them on social media.
The Cubs' pitcher apologised to the fans for the loss, and the club said it would return stronger next season."""

PRODUCT = """Sony released a new firmware update for its PlayStation 4 consoles on Tuesday, adding a setting that lets parents limit playing time.
The company said the update also improves the performance of its streaming app and fixes several bugs reported by users.
Microsoft responded by cutting the price of its Xbox console, and analysts expect both companies to announce new devices next year.
Shares of Sony rose 2 percent in Tokyo after the announcement."""

CELEBRITY = """The actress accused the film producer of pushing her down in a hotel room in London in 1994, in an interview published on Saturday.
The producer denied her account through a spokeswoman, and the director of the film apologised to her for the car crash on set.
The singer, her friend, thanked her for speaking out, and the couple announced their engagement on Instagram later that day.
Her new film opens in cinemas next month, and critics praised the trailer."""

CONDEMNATION = """The Brazilian government condemned the killing of an environmental activist in the Amazon on Monday and promised a full investigation.
The foreign ministry said the attack on the activist was an attack on Brazil's democracy, and the police arrested two suspects in the state of Para.
Opposition lawmakers accused the president of ignoring threats against activists, and the United Nations urged Brazil to protect them."""

PROTEST = """Police arrested dozens of protesters in Minsk on Sunday as thousands marched against the re-election of the president.
Riot police beat demonstrators with batons and detained several journalists, witnesses said.
The European Union condemned the arrests and called on the government to release the protesters, and Lithuania offered shelter to opposition leaders."""

FINE_IN_MARKETS_NEWS = """Shares of Alphabet fell 2 percent in early trading on Wednesday after the European Commission fined Google 2.4 billion euros.
Analysts said the fine would barely dent the company's quarterly earnings, and investors expect revenue from advertising to keep growing.
The stock has gained 20 percent this year, outperforming the market, and the company plans to launch a new phone in October."""

LEADERS_AT_A_MATCH = """Brazil beat Germany 7-1 in the World Cup semi-final in Belo Horizonte on Tuesday.
German Chancellor Angela Merkel met Brazilian President Dilma Rousseff in the stadium before the World Cup match, and the two leaders agreed to expand trade between their countries.
Police arrested 20 fans after the game."""


@pytest.fixture(scope="module")
def without_filter(pipeline):
    settings = Settings()
    settings.values["relevance"]["enabled"] = False
    return Pipeline(settings, nlp_model=pipeline.nlp)


def events(pipe, text: str) -> list[Event]:
    return process_one(pipe, read_text_document(text, "test")).events


def dyads(found: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.event, a.name, r.name) for e in found for a in e.actor for r in e.recipient}


@pytest.mark.parametrize(
    "text", [SPORTS, PRODUCT, CELEBRITY], ids=["sports result", "product launch", "celebrity"]
)
def test_non_political_articles_yield_nothing(pipeline, without_filter, text):
    assert events(without_filter, text), "the rules alone find events here: the filter must remove them"
    assert events(pipeline, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (CONDEMNATION, ("ACCUSE", "Brazilian government", "activist")),
        (PROTEST, ("COERCE", "Police", "protesters")),
    ],
    ids=["government condemns", "police arrest protesters"],
)
def test_political_articles_keep_their_events(pipeline, without_filter, text, expected):
    kept = events(pipeline, text)
    assert expected in dyads(kept)
    assert dyads(kept) == dyads(events(without_filter, text))


def test_a_company_fined_by_a_regulator_is_an_event_even_in_markets_news(pipeline):
    assert not pipeline.relevance.political_document(read_text_document(FINE_IN_MARKETS_NEWS, "t"))
    assert ("COERCE", "European Commission", "Google") in dyads(events(pipeline, FINE_IN_MARKETS_NEWS))


def test_leaders_meeting_at_a_match_is_an_event_and_the_result_is_not(pipeline, without_filter):
    assert ("ASSAULT", "Brazil", "Germany") in dyads(events(without_filter, LEADERS_AT_A_MATCH))
    kept = dyads(events(pipeline, LEADERS_AT_A_MATCH))
    assert ("CONSULT", "Angela Merkel", "Dilma Rousseff") in kept
    assert not [d for d in kept if d[0] == "ASSAULT"]
    assert not [d for d in kept if "fans" in d[2]]  # fans are no political actor


@pytest.mark.parametrize(
    "sentence",
    [
        "Brazil beat Germany 7-1 in the World Cup semi-final on Tuesday.",
        "The Cubs beat the Indians 8-7 in the tenth inning to win the World Series.",
        "President Obama congratulated the Cubs on their World Series win.",
    ],
)
def test_a_sentence_about_a_sport_yields_nothing_between_teams(pipeline, without_filter, sentence):
    assert events(without_filter, sentence)
    assert events(pipeline, sentence) == []


def test_states_dealing_with_each_other_over_a_sport_stay_political(pipeline):
    found = events(
        pipeline,
        "The United States and Russia agreed on Monday to share security information before the World Cup.",
    )
    assert ("AGREE", "United States", "Russia") in dyads(found)


def test_the_word_model_tells_political_news_from_the_rest():
    model = load_model()
    for text in (CONDEMNATION, PROTEST):
        assert model.probability(text) > 0.9
    for text in (SPORTS, PRODUCT, CELEBRITY):
        assert model.probability(text) < 0.4


def test_a_sentence_or_two_is_not_judged_by_its_words(pipeline):
    short = read_text_document("The team thanked its fans after the game.", "t")
    assert load_model().probability(short.text) < pipeline.relevance.threshold
    assert pipeline.relevance.political_document(short)


def test_the_setting_turns_the_filter_off(without_filter):
    assert without_filter.relevance is None
    assert RelevanceFilter.from_settings(Settings()) is not None


def _entity(name, kind="organization", country=None, sector=None, title=None):
    return Entity(
        name=name, text=name, span=(0, len(name)), kind=kind, country=country, sector=sector, title=title
    )


def test_political_actors():
    rules = load_rules()
    assert political_actor(_entity("Kenya", "state", "KEN", "GOV"), rules)
    assert political_actor(_entity("UN", country="IGO", sector="GOV"), rules)
    assert political_actor(_entity("protesters", "group", sector="CVL", title="protesters"), rules)
    assert not political_actor(_entity("Arizona", "state", "USA"), rules)  # a place for its people
    assert not political_actor(_entity("officials", "group", sector="GOV"), rules)  # of no known state
    assert not political_actor(_entity("Apple", country="USA", sector="BUS"), rules)


def test_a_company_is_political_only_towards_a_political_actor():
    rules = load_rules()
    company, regulator = (
        _entity("Apple", country="USA", sector="BUS"),
        _entity("EU", country="IGO", sector="GOV"),
    )
    rival = _entity("Samsung", country="KOR", sector="BUS")

    def event(actor, recipient):
        return Event(
            doc_id="t", event="COERCE", text="", span=(0, 0), trigger={}, actor=[actor], recipient=[recipient]
        )

    assert political_event(event(regulator, company), rules)
    assert political_event(event(company, regulator), rules)
    assert not political_event(event(company, rival), rules)
