"""The whole pipeline on the seed documents: events, actors, dates and places."""

from __future__ import annotations

import json

import dataclasses

import pytest

from conftest import EXAMPLES
from dragoman.errors import InputError
from dragoman.model import EVENT_TYPES, Document
from dragoman.pipeline import check_stages, steps

SEED1, SEED2 = "000_46aeba82567c844a", "004_ec87686fdf2f6654"


def events_of(doc, event_type):
    return [e for e in doc.events if e.event == event_type]


def test_stage_order_is_checked(pipeline):
    stages = pipeline.stages
    assert [s.name for s in stages] == [
        "clean",
        "annotate",
        "actors",
        "events",
        "time",
        "place",
        "relevance",
        "mentions",
    ]
    check_stages(stages)
    with pytest.raises(RuntimeError, match="'actors' needs"):
        check_stages((stages[0], stages[2], stages[1]))


def test_the_declared_stages_are_what_runs_in_their_order(pipeline, monkeypatch):
    calls = []

    def recording(stage):
        def run(*args):
            calls.append((stage.name, type(args[-1]).__name__))
            return stage.run(*args)

        return dataclasses.replace(stage, run=run)

    monkeypatch.setattr(pipeline, "stages", tuple(recording(s) for s in pipeline.stages))
    (doc,) = pipeline.process([Document(id="o", text="Chile praised Peru. Peru thanked Chile.")])
    assert len(doc.events) == 2
    # Document stages once each; actors then events for each sentence in turn (coreference
    # needs the order); time and place once the events are all found.
    assert calls == [
        ("clean", "Work"),
        ("annotate", "list"),
        ("actors", "Sentence"),
        ("events", "Sentence"),
        ("actors", "Sentence"),
        ("events", "Sentence"),
        ("time", "Work"),
        ("place", "Work"),
        ("relevance", "Work"),
        ("mentions", "Work"),
    ]
    assert [[s.name for s in step] for step in steps(pipeline.stages)] == [
        ["clean"],
        ["annotate"],
        ["actors", "events"],
        ["time"],
        ["place"],
        ["relevance"],
        ["mentions"],
    ]


def test_documents_for_a_store_carry_their_text_profile(pipeline):
    # `dragoman ingest` sets [store] profile_texts: the workers compute what linking reads of
    # each text, so that the store's single writer does not; other runs leave it out.
    from dragoman.linking.articles import text_profile
    from dragoman.pipeline import Pipeline

    text = "Chile praised Peru on Monday. Santiago thanked Lima."
    (plain,) = pipeline.process([Document(id="p", text=text)])
    assert plain.profile is None and "profile" not in [s.name for s in pipeline.stages]
    for_store = Pipeline(pipeline.settings.with_value("store", "profile_texts", True), nlp_model=pipeline.nlp)
    (doc,) = for_store.process([Document(id="p", text=text)])
    assert doc.profile == text_profile(doc.text) and doc.profile.signature
    assert doc.records() == plain.records()  # (the profile is in no output)


def test_records_follow_the_contract(seed_docs):
    keys = {
        "id",
        "doc_id",
        "event",
        "mode",
        "context",
        "quad",
        "cameo",
        "actor",
        "recipient",
        "date",
        "date_text",
        "date_precision",
        "date_end",
        "location",
        "modality",
        "text",
        "span",
        "trigger",
        "confidence",
        "mentions",
        "lang",
    }
    for doc in seed_docs.values():
        assert doc.events
        for rec in doc.records():
            assert set(rec) == keys
            assert rec["event"] in EVENT_TYPES
            start, end = rec["span"]
            assert doc.text[start:end] == rec["text"]
            t0, t1 = rec["trigger"]["span"]
            assert doc.text[t0:t1] == rec["trigger"]["text"]
            for ent in rec["actor"] + rec["recipient"]:
                s, e = ent["span"]
                assert doc.text[s:e] == ent["text"]
            for mention in rec["mentions"]:
                s, e = mention["span"]
                assert doc.text[s:e] == mention["text"]
            json.dumps(rec)


def test_russian_captions_are_coded_once_with_the_english_actor_ids(seed_docs):
    doc = seed_docs[SEED2]
    russian = [p for p in doc.passages if p.lang == "ru"]
    assert len(russian) == 3 and [p.boilerplate for p in russian] == [False, True, True]
    [caption] = [e for e in doc.events if e.lang == "ru"]
    assert caption.event == "CONSULT" and caption.text.startswith("Генеральный секретарь ШОС")
    [norov] = caption.actor
    english = {
        e.id
        for ev in doc.events
        if ev.lang == "en"
        for e in ev.actor + ev.recipient
        if e.name == "Vladimir Norov"
    }
    assert norov.name == "Vladimir Norov" and norov.id in english
    assert caption.recipient[0].country == "CHN"


def test_norov_is_one_actor_across_documents(seed_docs):
    def norov_ids(doc):
        return {e.id for ev in doc.events for e in ev.actor + ev.recipient if "Norov" in e.name}

    first, second = norov_ids(seed_docs[SEED1]), norov_ids(seed_docs[SEED2])
    assert len(first) == 1 and first == second


def test_coreference_he_and_titles_resolve_to_norov(seed_docs):
    doc = seed_docs[SEED1]
    met = [e for e in events_of(doc, "CONSULT") if e.trigger["text"] == "met"][0]
    assert met.actor[0].name == "Vladimir Norov" and met.actor[0].text == "He"
    talks = [e for e in events_of(doc, "CONSULT") if "talks" in e.trigger["text"]][0]
    assert talks.actor[0].name == "Vladimir Norov"
    assert talks.actor[0].org == "SCO"


def test_quote_speaker_is_the_actor(seed_docs):
    appreciate = [e for e in seed_docs[SEED1].events if e.trigger["text"] == "appreciate"][0]
    assert appreciate.event == "SUPPORT"
    assert appreciate.actor[0].name == "Vladimir Norov" and appreciate.actor[0].text == "We"
    assert appreciate.recipient[0].country == "CHN"


def test_titles_and_offices_are_coded(seed_docs):
    doc = seed_docs[SEED2]
    people = {e.name: e for e in doc.entities if e.kind == "person"}
    assert people["Ying Yong"].country == "CHN"
    assert people["Saidzoda Zohir Ozod"].country == "TJK"
    assert people["Vladimir Norov"].org == "SCO"


def test_dates_resolve_against_the_document_date(seed_docs):
    appreciate = [e for e in seed_docs[SEED1].events if e.trigger["text"] == "appreciate"][0]
    assert (appreciate.date, appreciate.date_text) == ("2020-03-05", "on Thursday")
    summit = [e for e in seed_docs[SEED2].events if e.trigger["text"] == "summit"][0]
    assert summit.date == "2021-09-16" and summit.modality == "future"
    assert (summit.date_precision, summit.date_end) == ("range", "2021-09-17")
    aid = events_of(seed_docs[SEED2], "AID")[0]
    assert (aid.date, aid.date_precision) == ("2020", "year")


def test_places_are_where_the_event_happened(seed_docs):
    meetings = [e for e in seed_docs[SEED1].events if "meetings" in e.trigger["text"]][0]
    assert (meetings.location.name, meetings.location.country_code) == ("Moscow", "RUS")
    summit = [e for e in seed_docs[SEED2].events if e.trigger["text"] == "summit"][0]
    assert summit.location.name == "Dushanbe" and summit.location.country_code == "TJK"
    assert summit.location.lat is not None


@pytest.mark.parametrize("stage", ["clean", "events", "place"])
def test_a_failing_document_does_not_stop_the_batch(pipeline, monkeypatch, stage):
    docs = [
        Document(id="a", text="Russia attacked Ukraine on Monday."),
        Document(id="boom", text="France praised Germany."),
        Document(id="c", text="Japan condemned North Korea."),
    ]

    def flaky(real):
        def run(work, *sentence):
            if work.doc.id == "boom":
                raise ValueError("simulated bug")
            return real(work, *sentence)

        return run

    monkeypatch.setattr(
        pipeline,
        "stages",
        tuple(dataclasses.replace(s, run=flaky(s.run)) if s.name == stage else s for s in pipeline.stages),
    )
    out = list(pipeline.run_many([InputError("unreadable.txt", "not readable"), *docs]))
    assert [type(x).__name__ for x in out] == ["InputError", "Document", "InputError", "Document"]
    assert f"({stage}: ValueError: simulated bug)" in out[2].reason
    assert out[1].events and out[3].events


def test_the_prefilter_changes_no_event_of_the_seeds(pipeline):
    from dragoman.pipeline import Pipeline
    from dragoman.read import iter_documents
    from dragoman.settings import Settings

    def run(prefilter: bool) -> dict:
        settings = Settings()
        settings.values["model"]["prefilter"] = prefilter
        filtered = Pipeline(settings, nlp_model=pipeline.nlp)
        return {
            d.id: (d.records(), len(d.sentences)) for d in filtered.run_many(iter_documents([str(EXAMPLES)]))
        }

    every, some = run(False), run(True)
    assert {k: v[0] for k, v in every.items()} == {k: v[0] for k, v in some.items()}
    assert sum(v[1] for v in some.values()) < sum(v[1] for v in every.values())  # it did skip some
