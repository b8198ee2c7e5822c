"""Missed events, third round (issue 11, recall): parse shapes the roles did not read, words
the lexicon lacked. Sentences written for these tests."""

from __future__ import annotations

from test_events import extract


def sides(event):
    return [a.name for a in event.actor], [r.name for r in event.recipient]


def force(pipeline, text):
    return [sides(e) for e in extract(pipeline, text) if e.event == "ASSAULT"]


def test_a_verbless_sentence_of_force_is_a_main_clause_with_its_target(pipeline):
    # the parser reads the only verb as a participle of the noun ("a man (who was) fired ..."):
    # a participle naming whom it is aimed at is the sentence's verb
    assert force(pipeline, "A gunman fired from a rooftop onto the crowd of marchers in Lyon.") == [
        (["gunman"], ["crowd", "Lyon"])
    ]
    # a light verb's noun names whom it is aimed at: "engaged in scuffles with police"
    assert force(pipeline, "Hundreds of young men engaged in scuffles with police in Marseille.") == [
        (["men"], ["police", "Marseille"])
    ]
    # a headline's passive names its victims, not the doer: no one is the doer
    assert force(pipeline, "Two guards killed in an ambush near Gao.") == []
    assert force(pipeline, "A man wounded in the Lyon shooting died on Sunday.") == []


def test_a_partner_named_before_a_purpose_clause_is_the_recipient(pipeline):
    # the parser reads "with Chile, Peru and other neighbours to fight ..." as a clause the
    # preposition takes: its subject is whom the preposition names
    found = [
        (e.event, sides(e))
        for e in extract(
            pipeline,
            "The government will cooperate closely with Chile, Peru and other neighbours to respond to"
            " the floods, the minister said.",
        )
    ]
    assert found == [("AGREE", (["government"], ["Chile", "Peru"]))]


def test_a_stated_intent_is_dated_when_it_was_said(pipeline):
    # "will cooperate" is a promise made on the day of the report; "will agree" is yet to come
    (promise,) = extract(pipeline, "Norway will cooperate with Sweden on border controls.", date="2024-03-02")
    assert (promise.event, promise.cameo, promise.modality, promise.date) == (
        "AGREE",
        "031",
        "future",
        "2024-03-02",
    )
    events = extract(pipeline, "Norway will agree with Sweden on border controls.", date="2024-03-02")
    assert [(e.modality, e.date) for e in events] == [("future", None)]
