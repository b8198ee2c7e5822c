"""Who did what to whom in English: the sides (actor and recipient) an event is given."""

from __future__ import annotations

from dragoman.model import Document


def run(pipeline, text):
    (doc,) = pipeline.run_many([Document(id="s", text=text, date="2024-05-06")])
    return doc


def sectors(actors):
    return {a.sector for a in actors}


def test_a_party_under_a_modifier_that_makes_it_a_gathering_is_no_political_party(pipeline):
    doc = run(pipeline, "Armed men opened fire on a birthday party in a village near Herat.")
    (attack,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert "PTY" not in sectors(attack.recipient)
    assert "CVL" in sectors(attack.recipient)
    doc = run(pipeline, "The ruling party attacked the opposition over the budget.")
    assert any("PTY" in sectors(e.actor) for e in doc.events)


def test_a_phrase_on_a_role_word_that_names_no_actor_is_not_coded(pipeline):
    doc = run(pipeline, "The minister accused the rebels of poisoning a journalist with a nerve agent.")
    assert not [e for e in doc.entities if "agent" in e.text]
    doc = run(pipeline, "The minister accused the rebels of paying an agent to poison a journalist.")
    assert [e.sector for e in doc.entities if "agent" in e.text] == ["SPY"]


def test_a_place_in_what_is_discussed_is_neither_a_party_nor_where_the_talks_were(pipeline):
    doc = run(
        pipeline, "The foreign ministers of Chile and Peru discussed the situation in Bolivia on Monday."
    )
    (talks,) = [e for e in doc.events if e.event == "CONSULT"]
    assert {r.country for r in talks.recipient} == {"CHL", "PER"}
    assert talks.location is None or talks.location.country_code != "BOL"
    doc = run(pipeline, "Egypt's president held talks on the war in Sudan with the Kenyan leader.")
    (talks,) = [e for e in doc.events if e.event == "CONSULT"]
    assert [r.country for r in talks.recipient] == ["KEN"]
    assert talks.location is None or talks.location.country_code != "SDN"


def test_a_place_of_the_meeting_at_which_something_is_discussed_is_where_the_talks_were(pipeline):
    doc = run(pipeline, "The foreign ministers of Chile and Peru discussed trade at a meeting in Lima.")
    (talks,) = [e for e in doc.events if e.event == "CONSULT"]
    assert talks.location is not None and talks.location.name == "Lima"


def test_force_attempted_is_force_used_not_a_threat(pipeline):
    # CAMEO codes an attempted assassination as an assault (185), not as a threat (138)
    doc = run(pipeline, "Insurgents tried to storm an army base near Kunduz on Sunday.")
    assert [(e.event, e.modality) for e in doc.events] == [("ASSAULT", "asserted")]
    assert "REB" in sectors(doc.events[0].actor)
    doc = run(pipeline, "Insurgents made two attempts to attack the army base near Kunduz.")
    assert [e.event for e in doc.events] == ["ASSAULT"]
    doc = run(pipeline, "A gunman tried to assassinate the Nigerian interior minister in Lagos.")
    assert [(e.event, e.cameo) for e in doc.events] == [("ASSAULT", "185")]


def test_force_only_planned_is_still_a_threat(pipeline):
    doc = run(pipeline, "The rebel commander said his fighters want to attack the army base near Kunduz.")
    assert "ASSAULT" not in [e.event for e in doc.events]


def test_an_unnamed_office_of_a_company_is_not_the_last_holder_of_that_title_elsewhere(pipeline):
    doc = run(
        pipeline,
        "Nokia rejected the offer, with CEO Rajeev Suri saying there was no value in it. "
        "Siemens made a new offer on Monday after a visit by its CEO to the White House.",
    )
    (visit,) = [e for e in doc.events if e.event == "CONSULT"]
    assert [a.name for a in visit.actor] == ["Siemens CEO"]
    assert visit.location is not None and visit.location.name == "White House"


def test_a_seat_of_government_is_an_actor_where_it_acts(pipeline):
    doc = run(pipeline, "The Kremlin accused Washington of meddling in the election.")
    (accusation,) = doc.events
    assert accusation.actor[0].country == "RUS" and accusation.location is None
