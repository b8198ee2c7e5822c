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
