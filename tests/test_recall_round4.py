"""Missed events, fourth round: agentless force, participles misattached to a place, stances
joined to a clause said, pronouns freed. (Victims of the place where they were struck are in
test_precision_round4.) Sentences written for these tests."""

from __future__ import annotations

from test_events import extract


def sides(event):
    return [a.name for a in event.actor], [r.name for r in event.recipient]


def test_force_with_a_weapon_of_crowd_control_is_by_the_authorities(pipeline):
    # a passive that names no agent, done with rubber bullets or tear gas: by the state's forces,
    # the ones named before, else those of the state where it happened
    (e,) = extract(pipeline, "Three students were hit by rubber bullets outside the university in Santiago.")
    assert (e.event, [a.country for a in e.actor], e.recipient[0].name) == ("ASSAULT", ["CHL"], "students")
    found = extract(
        pipeline,
        "Israeli troops raided the village at dawn. A boy had been shot with a rubber bullet in Hebron.",
    )
    assert [(e.trigger["text"], [a.country for a in e.actor]) for e in found if e.event == "ASSAULT"][-1] == (
        "shot",
        ["ISR"],
    )
    # with no weapon of crowd control, a passive shooting names no one who did it
    assert extract(pipeline, "Two students were shot outside the university in Santiago.") == []


def test_a_participle_hung_from_a_place_is_done_by_who_is_there(pipeline):
    # the parser hangs "dislodging" from "the area": the soldiers operating there dislodge
    found = extract(
        pipeline,
        "Kenya has made progress, with its soldiers operating in the area dislodging al-Shabaab fighters.",
    )
    assert [(e.event, sides(e)[0], [r.country for r in e.recipient]) for e in found] == [
        ("ASSAULT", ["soldiers"], ["SOM"])
    ]
    # a participle of a noun that is no place is done by that noun
    found = extract(pipeline, "Thousands of students demanding his resignation clashed with police in Lima.")
    assert [sides(e)[0] for e in found if e.event == "PROTEST"] == [["students"]]


def test_a_stance_joined_to_a_clause_said_is_the_speakers(pipeline):
    # the parser joins "expressed solidarity" to what the ministry said of the bomber
    found = extract(
        pipeline,
        "The ministry said the bomber had carried out a cowardly act and expressed solidarity with Belgium.",
    )
    assert [(e.event, sides(e)) for e in found] == [("SUPPORT", (["ministry"], ["Belgium"]))]
    # an act of force joined to the clause said stays its subject's
    found = extract(
        pipeline, "Police said the gunman had fired on the crowd and killed four people in Dallas."
    )
    assert {sides(e)[0][0] for e in found if e.event == "ASSAULT"} == {"gunman"}


def test_an_undirected_act_on_the_actors_own_things_is_an_event(pipeline):
    # "their arms" names only the rebels themselves: no one else is acted upon, yet they disarm
    found = extract(pipeline, "The rebels laid down their arms on Sunday.")
    assert [(e.event, e.mode, sides(e)) for e in found] == [("RETREAT", "disarm", (["rebels"], []))]
    # an act that needs someone acted upon still does: attacking their own base is no attack
    assert extract(pipeline, "The rebels attacked their own base on Sunday.") == []


def test_forces_a_passive_says_were_moved_mobilize(pipeline):
    # no one named moved them: the forces of a state move, for that state
    (e,) = extract(pipeline, "About 3,000 US troops were deployed to Poland on Friday.")
    assert (e.event, [(a.country, a.sector) for a in e.actor], [r.country for r in e.recipient]) == (
        "MOBILIZE",
        [("USA", "MIL")],
        ["POL"],
    )
    # how things stand is no move; forces of no named state, or things, are no actor
    assert extract(pipeline, "About 28,000 US troops are stationed in Japan.") == []
    assert extract(pipeline, "More troops will be sent to the region, the minister said.") == []
    assert extract(pipeline, "Food was sent to Gaza on Monday.") == []


def test_a_pronoun_freed_is_not_of_the_captors_kind(pipeline):
    # "They" read as the militants just named would have the captors free their own kind
    found = extract(
        pipeline,
        "Nigeria is fighting Islamist militants in the northeast. They were freed from Boko Haram's camps last year.",
    )
    assert [e.event for e in found] == ["ASSAULT"]
    # the freed named outright stay freed
    found = extract(pipeline, "Ten of the hostages held by al-Shabaab were freed on Friday.")
    assert [(e.event, sides(e)[1]) for e in found] == [("RETREAT", ["hostages"])]
