"""Precision on whole articles (issue 11, round 3): one attack told with the harm it did is one
event, ... Sentences written for these tests."""

from __future__ import annotations


def extract(pipeline, text, date="2024-05-08"):
    from dragoman.model import Document

    (doc,) = pipeline.run_many([Document(id="t", text=text, date=date)])
    return doc.events


def recipients(event):
    return [r.name for r in event.recipient]


def test_the_harm_an_attack_did_is_no_second_attack(pipeline):
    text = "Rebels stormed a police station in Kandahar on Tuesday, killing four guards and wounding nine civilians."
    (event,) = extract(pipeline, text)
    assert event.event == "ASSAULT" and event.trigger["text"] == "stormed"
    assert {"guards", "civilians"} <= set(recipients(event))


def test_a_participle_with_its_own_link_word_is_another_act(pipeline):
    # "after killing": an earlier act told in passing, not the harm of this one
    text = "Rebels stormed a police station in Kandahar on Tuesday, after killing two policemen."
    assert [e.trigger["text"] for e in extract(pipeline, text) if e.event == "ASSAULT"] == [
        "stormed",
        "killing",
    ]


def _report(start, recipient, date="2024-05-07"):
    from dragoman.model import Entity, Event

    un = Entity("United Nations", "United Nations", (0, 14), "organization", "IGO", "GOV", id="UN")
    return Event(
        "d",
        "SUPPORT",
        f"sentence at {start}",
        (start, start + 20),
        {"text": "welcomes", "span": [start, start + 8]},
        actor=[un],
        recipient=[recipient],
        date=date,
    )


def test_a_headline_names_the_body_event_by_another_party_of_the_same_country():
    from dragoman.mentions import merge_mentions
    from dragoman.model import Entity

    rebels = Entity("Ruvu Front", "Ruvu Front", (0, 10), "organization", "TZA", "REB", id="RUVU")
    sailors = Entity("Tanzanian sailors", "Tanzanian sailors", (0, 17), "group", "TZA", "CVL")
    kenyans = Entity("Kenyan sailors", "Kenyan sailors", (0, 14), "group", "KEN", "CVL")
    # "UN welcomes release of sailors by the Ruvu Front" / "... welcomes the release of 12 Tanzanian sailors"
    assert len(merge_mentions([_report(0, rebels), _report(40, sailors)], headline=(0, 30))) == 1
    # outside a headline two targets are two statements; so are targets of two countries
    assert len(merge_mentions([_report(0, rebels), _report(40, sailors)])) == 2
    assert len(merge_mentions([_report(0, rebels), _report(40, kenyans)], headline=(0, 30))) == 2
    # nor is the headline's act one the body dates to other days
    assert (
        len(merge_mentions([_report(0, rebels), _report(40, sailors, "2024-04-02")], headline=(0, 30))) == 2
    )
