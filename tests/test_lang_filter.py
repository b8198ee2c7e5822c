"""The language filter (issue 12: `lang`), end to end: the store on SQLite and PostgreSQL,
the migration that gives an older store the column, `dragoman events/export/clusters
--lang`, and the API on a real `dragoman serve`. Documents written for these tests, one
mixing an English and a Russian passage, coded by the real pipeline."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

import pg_cluster
from dragoman.model import Document
from dragoman.store import QueryError, open_store

MIXED = Document(
    id="mixed",
    date="2025-03-04",
    text=(
        "Vladimir Norov met Ying Yong in Wuhan on 2 June 2021.\n"
        "Министр иностранных дел России Сергей Лавров встретился в Москве "
        "с министром иностранных дел Китая Ван И."
    ),
)
ENGLISH = Document(id="english", date="2025-03-04", text="China condemned the decision of Japan on Monday.")
RUSSIAN_TRIGGER = "встретился"


@pytest.fixture(scope="module")
def docs(pipeline):
    done = pipeline.process([MIXED, ENGLISH])
    langs = {e.lang for d in done for e in d.events}
    assert langs == {"en", "ru"}, "the documents hold events in both languages"
    return done


def by_lang(docs) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"en": set(), "ru": set()}
    for doc in docs:
        for event in doc.events:
            out[event.lang].add(event.id)
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    return str(tmp_path / "lang.db") if request.param == "sqlite" else pg_cluster.database_or_skip()


@pytest.fixture
def store(location, docs):
    with open_store(location) as s:
        s.ingest_many(docs)
        yield s


def ids(records) -> set[str]:
    return {r["id"] for r in records}


# ---- the store -------------------------------------------------------------------------


def test_events_counts_and_exports_keep_only_the_language_asked_for(store, docs):
    expected = by_lang(docs)
    for lang in ("en", "ru"):
        assert ids(store.events(lang=lang)) == expected[lang]
        assert ids(store.iter_events(lang=lang)) == expected[lang]
        assert store.count_events(lang=lang) == len(expected[lang])
        assert all(r["lang"] == lang for r in store.events(lang=lang))
    assert ids(store.events(lang="RU")) == expected["ru"]  # any case
    assert store.events(lang="de") == [] and store.count_events(lang="de") == 0


def test_the_language_combines_with_the_other_filters(store):
    [russian] = store.events(lang="ru")
    assert russian["trigger"]["text"] == RUSSIAN_TRIGGER
    assert ids(store.events(lang="ru", type="CONSULT", country="RUS")) == {russian["id"]}
    assert ids(store.events(lang="ru", actor="Lavrov", since="2025")) == {russian["id"]}
    assert store.events(lang="en", actor="Lavrov") == []
    assert store.count_events(lang="ru", country="CHN", type="CONSULT") == 1


def test_timelines_and_clusters_count_one_language(store):
    [russian] = store.events(lang="ru")
    assert store.timeline(interval="month", lang="ru") == [
        {"period": russian["date"][:7], "key": russian["quad"], "count": 1}
    ]
    every = sum(row["count"] for row in store.timeline(interval="month"))
    english = sum(row["count"] for row in store.timeline(interval="month", lang="en"))
    assert english == every - 1
    clustered = store.clusters(lang="ru")
    assert [c["representative"]["lang"] for c in clustered] == ["ru"]


RECOUNT = (
    "SELECT lang, date, event, quad, COUNT(*) AS n FROM events WHERE date IS NOT NULL "
    "GROUP BY lang, date, event, quad ORDER BY lang, date, event"
)
COUNTED = "SELECT lang, date, event, quad, n FROM lang_counts ORDER BY lang, date, event"


def test_a_languages_totals_and_timelines_are_read_from_its_count_rows(store, docs):
    from dragoman.store.query import EventFilter

    assert store._count_table_for(store._planned(EventFilter(lang="RU", type="CONSULT"))) == (
        "lang_counts",
        "lang",
        "ru",
    )
    assert store._count_table_for(store._planned(EventFilter(lang="ru", country="CHN"))) is None
    assert store._fetch(COUNTED) == store._fetch(RECOUNT) != []
    store.ingest(docs[0], replace=True)
    store.delete(docs[1].id)
    assert store._fetch(COUNTED) == store._fetch(RECOUNT)
    store.delete(docs[0].id)
    assert store._fetch(COUNTED) == [] and store.timeline(lang="ru") == []


def test_a_malformed_language_code_says_what_to_use(store):
    for bad in ("xx1", "rus", "r", "р у"):
        with pytest.raises(QueryError, match="ISO 639-1 code such as en or ru"):
            store.events(lang=bad)


def test_the_language_is_a_column_with_an_index(store):
    found = store._fetch("SELECT lang, COUNT(*) AS n FROM events GROUP BY lang ORDER BY lang")
    assert [row["lang"] for row in found] == ["en", "ru"]
    if store.dialect.name == "sqlite":
        plan = store._fetch(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE lang = ? ORDER BY date, seq", ["ru"]
        )
        assert any("events_lang" in row["detail"] for row in plan), plan


def test_an_older_store_gets_each_events_language_from_what_it_holds(location, docs):
    """A store made before the column (migration 10), whose records carry no `lang` (as
    before Russian was coded): each event's language comes from its sentence's passage."""
    with open_store(location) as s:
        s.ingest_many(docs)
        expected = {r["id"]: r["lang"] for r in s.iter_events()}
        counted = s._fetch(COUNTED)
        if s.dialect.name == "sqlite":
            forget = (
                "DROP INDEX events_lang",
                "ALTER TABLE events DROP COLUMN lang",
                "UPDATE events SET record = json_remove(record, '$.lang')",
                "DROP TABLE lang_counts",
            )
        else:
            forget = (
                "ALTER TABLE events DROP COLUMN lang",
                "UPDATE events SET record = (record::jsonb - 'lang')::text",
                "DROP TABLE lang_counts",
            )
        with s._transaction():
            for statement in forget:
                s._execute(statement)
            s._execute("DELETE FROM schema_migrations WHERE version = 10")
        assert all("lang" not in json.loads(r["record"]) for r in s._fetch("SELECT record FROM events"))
    with open_store(location) as s:
        assert 10 in [m["version"] for m in s.migrations()]
        assert s._fetch(COUNTED) == counted
        assert {r["id"]: r["lang"] for r in s.iter_events()} == expected
        assert ids(s.events(lang="ru")) == by_lang(docs)["ru"]
        assert s.count_events(lang="en") == len(by_lang(docs)["en"])


# ---- the command line ---------------------------------------------------------------------


@pytest.fixture
def db(tmp_path, docs) -> str:
    path = str(tmp_path / "cli.db")
    with open_store(path) as s:
        s.ingest_many(docs)
    return path


def run(*args):
    from click.testing import CliRunner

    from dragoman.cli import main

    return CliRunner(mix_stderr=False).invoke(main, [str(a) for a in args])


def test_events_export_and_clusters_take_lang(db, docs):
    expected = by_lang(docs)
    listed = run("events", "--db", db, "--lang", "ru", "--format", "jsonl")
    assert listed.exit_code == 0, listed.stderr
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert ids(records) == expected["ru"]
    assert records[0]["text"].startswith("Министр") and records[0]["lang"] == "ru"
    exported = run("export", "--db", db, "--lang", "EN", "--format", "csv")
    assert exported.exit_code == 0, exported.stderr
    assert {row["id"] for row in csv.DictReader(io.StringIO(exported.stdout))} == expected["en"]
    clustered = run("clusters", "--db", db, "--lang", "ru", "--format", "jsonl")
    assert clustered.exit_code == 0, clustered.stderr
    [cluster] = [json.loads(line) for line in clustered.stdout.splitlines()]
    assert cluster["representative"]["lang"] == "ru"


def test_a_bad_lang_option_is_a_usage_error_that_says_the_form(db):
    for command in ("events", "export", "clusters"):
        done = run(command, "--db", db, "--lang", "xx1")
        assert done.exit_code == 2
        assert "Invalid value for '--lang'" in done.stderr
        assert "ISO 639-1 code such as en or ru" in done.stderr


# ---- the API, on a real server -------------------------------------------------------------


@pytest.fixture
def served(db):
    from test_api import dragoman_serve

    with dragoman_serve(db) as (url, _):
        yield url


def test_every_route_with_event_filters_takes_lang(served, docs):
    expected = by_lang(docs)
    page = httpx.get(served + "/api/events", params={"lang": "ru"}).json()
    assert ids(page["events"]) == expected["ru"] and page["total"] == len(expected["ru"])
    assert ids(httpx.get(served + "/api/events", params={"lang": "EN"}).json()["events"]) == expected["en"]
    timeline = httpx.get(served + "/api/stats/timeline", params={"lang": "ru", "interval": "month"}).json()
    assert sum(row["count"] for row in timeline["counts"]) == len(expected["ru"])
    network = httpx.get(served + "/api/stats/network", params={"lang": "ru"}).json()
    assert {n["name"] for n in network["nodes"]} == {"Sergei Lavrov", "Wang Yi"}
    places = httpx.get(served + "/api/stats/places", params={"lang": "ru"}).json()
    assert [p["name"] for p in places["places"]] == ["Moscow"]
    clusters = httpx.get(served + "/api/clusters", params={"lang": "ru"}).json()
    assert [c["representative"]["lang"] for c in clusters["clusters"]] == ["ru"]


def test_a_bad_lang_is_a_400_in_the_one_error_shape(served):
    for path in ("/api/events", "/api/stats/timeline", "/api/clusters"):
        response = httpx.get(served + path, params={"lang": "xx1"})
        assert response.status_code == 400, response.text
        assert response.json() == {
            "error": {
                "status": 400,
                "message": "lang='xx1' is not a language code; use an ISO 639-1 code such as en or ru",
            }
        }
    # A value of the declared form but no language an event has: no events, no error.
    assert httpx.get(served + "/api/events", params={"lang": "de"}).json()["total"] == 0


def test_the_openapi_document_declares_lang_like_the_other_filters(served):
    paths = httpx.get(served + "/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/stats/timeline", "/api/clusters"):
        [lang] = [p for p in paths[path]["get"]["parameters"] if p["name"] == "lang"]
        assert (lang["in"], lang["required"]) == ("query", False)
        assert "ISO 639-1" in lang["description"]
        assert lang["schema"]["pattern"] == "^([A-Za-z]{2})?$"  # (as since's and until's)
