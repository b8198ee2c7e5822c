"""Precision on whole articles (round 4): the unnamed people of a place are of its country.
Sentences written for these tests."""

from __future__ import annotations


def extract(pipeline, text, date="2024-05-08"):
    from dragoman.model import Document

    (doc,) = pipeline.run_many([Document(id="t", text=text, date=date)])
    return doc.events


def sides(entities):
    return [(e.name, e.country) for e in entities]


def test_unnamed_victims_are_of_the_country_where_they_were_struck(pipeline):
    text = "At least 12 people were killed on Monday when Turkish jets bombed a village near Kirkuk."
    (event,) = [e for e in extract(pipeline, text) if e.event == "ASSAULT"]
    assert ("people", "IRQ") in sides(event.recipient)
    assert [country for _, country in sides(event.actor)] == ["TUR"]  # the jets keep theirs


def test_unnamed_protesters_are_of_the_country_where_they_protest(pipeline):
    text = "For months, residents have protested every Friday against Russian troops in Abkhazia."
    (event,) = [e for e in extract(pipeline, text) if e.event == "PROTEST"]
    assert sides(event.actor) == [("residents", "GEO")]


def test_a_single_person_or_a_named_nationality_keeps_its_own(pipeline):
    # one man may be a visitor; people whose nationality is said are of that nation
    text = "A man attacked French tourists in Cairo on Sunday."
    (event,) = [e for e in extract(pipeline, text) if e.event == "ASSAULT"]
    assert all(country != "EGY" for _, country in sides(event.actor) + sides(event.recipient))


def test_local_people_take_the_place_only_on_records_with_a_place():
    from dragoman.local_people import is_local_people, of_their_place
    from dragoman.model import Entity, Event, Place

    def people(name, **kw):
        return Entity(name=name, text=name, span=(0, 1), kind="group", sector="CVL", **kw)

    assert is_local_people(people("civilians")) and is_local_people(people("crowds"))
    assert not is_local_people(people("Chibok"))  # a name
    assert not is_local_people(people("civilians", country="SYR"))  # a nationality said
    assert not is_local_people(people("gunmen"))  # not ordinary people
    base = dict(doc_id="d", event="ASSAULT", text="t", span=(0, 1), trigger={"text": "t", "span": [0, 1]})
    kabul = Place(name="Kabul", text="Kabul", country_code="AFG")
    placed = Event(**base, actor=[], recipient=[people("civilians")], location=kabul)
    nowhere = Event(**base, actor=[], recipient=[people("civilians")])
    of_their_place([placed, nowhere])
    assert sides(placed.recipient) == [("civilians", "AFG")]
    assert sides(nowhere.recipient) == [("civilians", None)]
