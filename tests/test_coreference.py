"""Document-level reading of actors: shared head nouns, plural references to a pair, titles and
definite descriptions that refer back to the actors a document has named."""
from __future__ import annotations

from dragoman.model import Document


def run(pipeline, text):
    return pipeline.run_one(Document(id="c", text=text, date="2024-03-01"))


def events_of(pipeline, text, event):
    return [e for e in run(pipeline, text).events if e.event == event]


def countries(side):
    return sorted(e.country for e in side)


def test_conjoined_demonyms_sharing_a_head_noun_are_one_group_per_country(pipeline):
    (met,) = events_of(pipeline, "The Canadian envoy met Peruvian and Chilean officials in Lima.", "CONSULT")
    assert countries(met.recipient) == ["CHL", "PER"]
    assert sorted(r.name for r in met.recipient) == ["Chilean officials", "Peruvian officials"]
    (blamed,) = events_of(pipeline, "Swedish, Danish and Finnish diplomats condemned Belarus.", "ACCUSE")
    assert countries(blamed.actor) == ["DNK", "FIN", "SWE"]
