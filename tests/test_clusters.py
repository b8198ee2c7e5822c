"""Event clusters in the store: linked at ingest, counted, split on delete, the same
whatever the order or batching of ingests, consistent under concurrent ingests; on a
real SQLite file (and PostgreSQL when a server can be started: tests/pg_cluster.py)."""

from __future__ import annotations

import json
import sqlite3
import threading

import pg_cluster
import pytest

from dragoman.model import Document, Entity, Event, Place, Sentence
from dragoman.store import cluster_reads, cluster_tags, open_store


def state(code: str, name: str) -> Entity:
    return Entity(name=name, text=name, span=(0, 1), kind="state", country=code, sector="GOV", id=code)


def person(name: str, country: str, sector: str = "GOV") -> Entity:
    return Entity(
        name=name,
        text=name,
        span=(0, 1),
        kind="person",
        country=country,
        sector=sector,
        id="p-" + name.lower().replace(" ", "-"),
    )


ARDEN = person("Maria Arden", "FRA")
LUND = person("Piet Lund", "NLD")
FRANCE, NETHERLANDS = state("FRA", "France"), state("NLD", "Netherlands")
ROUEN = Place("Rouen", "Rouen", 2982652, 49.44, 1.1, "FRA", None, "city")


def article(doc_id: str, date: str, source: str, *reports: tuple, text: str | None = None) -> Document:
    """A document whose sentences each report one event: (sentence, type, actors,
    recipients, event date)."""
    body = text or " ".join(s for s, *_ in reports) + f" (filed by {doc_id})"
    events, sentences = [], []
    for sentence, type_, actors, recipients, day in reports:
        start = body.index(sentence)
        span = (start, start + len(sentence))
        sentences.append(Sentence(*span, sentence))
        word = sentence.split()[1]
        at = body.index(word, start)
        events.append(
            Event(
                doc_id=doc_id,
                event=type_,
                text=sentence,
                span=span,
                trigger={"text": word, "span": [at, at + len(word)]},
                actor=list(actors),
                recipient=list(recipients),
                date=day,
                date_precision="day" if day and len(day) == 10 else None,
            )
        )
    return Document(
        id=doc_id,
        text=body,
        date=date,
        date_source="metadata",
        source=source,
        url=f"https://{source}/{doc_id}",
        title=doc_id,
        sentences=sentences,
        events=events,
    )


# Two happenings: a meeting in Rouen on 3 May (reported by three outlets, one a wire copy
# of another) and an unrelated accusation on 20 May.
WIRE = (
    "Maria Arden met Piet Lund in Rouen on Friday. The two ministers agreed to hold "
    "yearly talks on river trade, according to officials who attended the meeting and "
    "spoke about its results afterwards to reporters waiting outside the old town hall."
)


def meeting_a() -> Document:
    return article(
        "a",
        "2024-05-03",
        "paper-a.example",
        ("Maria Arden met Piet Lund in Rouen on Friday.", "CONSULT", [ARDEN], [LUND], "2024-05-03"),
        text=WIRE,
    )


def meeting_b() -> Document:  # the same meeting, told the other way round, next day
    return article(
        "b",
        "2024-05-04",
        "paper-b.example",
        ("Lund held talks with the French minister.", "CONSULT", [LUND], [ARDEN], "2024-05-03"),
        (
            "France agreed with the Netherlands on river trade.",
            "AGREE",
            [FRANCE],
            [NETHERLANDS],
            "2024-05-03",
        ),
    )


def wire_copy() -> Document:  # paper-a's story re-posted word for word by another site
    return article(
        "c",
        "2024-05-05",
        "aggregator.example",
        ("Maria Arden met Piet Lund in Rouen on Friday.", "CONSULT", [ARDEN], [LUND], "2024-05-03"),
        text="Posted 9:14. " + WIRE + " More on this story soon.",
    )


def accusation() -> Document:
    return article(
        "d",
        "2024-05-20",
        "paper-a.example",
        ("France accused the Netherlands of dumping.", "ACCUSE", [FRANCE], [NETHERLANDS], "2024-05-20"),
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "dragoman.db")
    return pg_cluster.database_or_skip()


def partition(store) -> set[frozenset]:
    """The clusters as sets of event ids, checking that every event is in exactly one
    cluster and every cluster holds at least one event and counts what it holds."""
    members = store._fetch("SELECT event_id, cluster_id, doc_id FROM cluster_members")
    events = {r["id"] for r in store._fetch("SELECT id FROM events")}
    assert sorted(m["event_id"] for m in members) == sorted(events)
    clusters = {r["id"]: r for r in store._fetch("SELECT * FROM clusters")}
    groups: dict[str, set] = {}
    for m in members:
        groups.setdefault(m["cluster_id"], set()).add(m["event_id"])
    assert set(groups) == set(clusters), "orphan or duplicate clusters"
    for cid, ids in groups.items():
        assert clusters[cid]["mentions"] == len(ids)
    return {frozenset(ids) for ids in groups.values()}


def event_ids(*docs: Document) -> frozenset:
    return frozenset(ev.id for d in docs for ev in d.events)


def test_reports_of_one_meeting_share_a_cluster_with_its_counts(location):
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), accusation()):
            s.ingest(doc)
        assert partition(s) == {event_ids(meeting_a(), meeting_b()), event_ids(accusation())}
        record = s.events(doc="a")[0]
        assert record["cluster"] == {
            "id": record["cluster"]["id"],
            "articles": 2,
            "sources": 2,
            "mentions": 3,
            "first_reported": "2024-05-03",
            "last_reported": "2024-05-04",
        }
        detail = s.cluster(record["cluster"]["id"])
        assert [r["article"]["source"] for r in detail["reports"]] == [
            "paper-a.example",
            "paper-b.example",
            "paper-b.example",
        ]
        why = {r["record"]["text"]: r["why"] for r in detail["reports"]}
        assert "the same actor, Piet Lund" in why["Lund held talks with the French minister."]


def test_a_wire_copy_is_another_article_but_not_another_source(location):
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy()):
            s.ingest(doc)
        cluster = s.events(doc="c")[0]["cluster"]
        assert (cluster["articles"], cluster["sources"]) == (3, 2)
        copy = s._fetch("SELECT origin, copies FROM cluster_docs WHERE doc_id = 'c'")[0]
        assert copy["origin"] == "paper-a.example" and '"a"' in copy["copies"]


def test_reingesting_an_unchanged_document_changes_nothing(location):
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), accusation()):
            s.ingest(doc)
        tables = ("clusters", "cluster_members", "cluster_docs", "cluster_keys", "cluster_doc_keys")
        before = {t: sorted(map(repr, s._fetch(f"SELECT * FROM {t}"))) for t in tables}
        assert not s.ingest(meeting_b())
        assert {t: sorted(map(repr, s._fetch(f"SELECT * FROM {t}"))) for t in tables} == before


def test_deleting_the_article_that_held_a_cluster_together_splits_it(location):
    bridge = article(
        "e",
        "2024-05-03",
        "paper-e.example",
        ("Arden and Lund met in Rouen.", "CONSULT", [ARDEN], [LUND], "2024-05-03"),
    )
    only_arden = article(
        "f",
        "2024-05-03",
        "paper-f.example",
        ("Arden held talks in Rouen.", "CONSULT", [ARDEN], [], "2024-05-03"),
    )
    only_lund = article(
        "g",
        "2024-05-03",
        "paper-g.example",
        ("Lund held talks in Rouen.", "CONSULT", [LUND], [], "2024-05-03"),
    )
    with open_store(location) as s:
        for doc in (only_arden, only_lund, bridge):
            s.ingest(doc)
        assert partition(s) == {event_ids(only_arden, only_lund, bridge)}
        kept = s.events(doc="f")[0]["cluster"]["id"]
        s.delete("e")
        assert partition(s) == {event_ids(only_arden), event_ids(only_lund)}
        assert kept in {s.events(doc=d)[0]["cluster"]["id"] for d in "fg"}
        assert (
            s._fetch(
                "SELECT COUNT(*) AS n FROM cluster_keys WHERE event_id IN "
                "(SELECT id FROM events WHERE doc_id = 'e')"
            )[0]["n"]
            == 0
        )


def test_articles_dated_to_a_month_or_not_at_all_are_linked_too(tmp_path):
    monthly = article(
        "m",
        "2024-05",
        "monthly.example",
        ("Arden met Lund in Rouen.", "CONSULT", [ARDEN], [LUND], "2024-05-03"),
    )
    undated = article(
        "u", None, "undated.example", ("Arden met Lund again.", "CONSULT", [ARDEN], [LUND], None)
    )
    with open_store(tmp_path / "d.db") as s:
        for doc in (meeting_a(), monthly, undated):
            s.ingest(doc)
        assert event_ids(meeting_a(), monthly) in partition(s)
        assert (
            s.events(doc="u")[0]["cluster"]["first_reported"]
            == s._fetch("SELECT substr(ingested_at, 1, 10) AS d FROM documents WHERE id = 'u'")[0]["d"]
        )
        s.delete("m")
        s.delete("u")
        assert partition(s) == {event_ids(meeting_a())}


def test_the_clusters_do_not_depend_on_ingest_order_or_batches(tmp_path):
    docs = [meeting_a, meeting_b, wire_copy, accusation]
    results = []
    for name, order in (("one", [0, 1, 2, 3]), ("two", [3, 2]), ("three", [2, 0, 3, 1])):
        with open_store(tmp_path / f"{name}.db") as s:
            for i in order:
                s.ingest(docs[i]())
            if name == "two":  # a second batch, in a second session
                s.close()
                s = open_store(tmp_path / f"{name}.db")
                for i in (1, 0):
                    s.ingest(docs[i]())
            results.append(partition(s))
    assert results[0] == results[1] == results[2]


def one_meeting_reported(n: int) -> list:
    """n outlets' articles reporting the same meeting (one cluster once all are in)."""
    return [
        article(
            f"n{i}",
            "2024-05-03",
            f"outlet-{i}.example",
            (f"Arden met Lund in Rouen, outlet {i} said.", "CONSULT", [ARDEN], [LUND], "2024-05-03"),
        )
        for i in range(n)
    ]


def test_concurrent_ingests_leave_no_duplicate_or_orphan_cluster(location):
    docs = one_meeting_reported(8)
    errors = []

    def ingest(batch):
        try:
            with open_store(location) as s:
                for doc in batch:
                    s.ingest(doc)
        except Exception as exc:  # noqa: BLE001 (a thread's exception is otherwise lost)
            errors.append(exc)

    with open_store(location):
        pass  # (created and migrated once, before the writers start)
    threads = [threading.Thread(target=ingest, args=(docs[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(location) as s:
        assert partition(s) == {event_ids(*docs)}
        assert s.events(doc="n0")[0]["cluster"]["articles"] == 8


def test_a_store_made_before_clusters_starts_with_one_cluster_per_event(tmp_path):
    db = tmp_path / "old.db"
    with open_store(db) as s:
        for doc in (meeting_a(), meeting_b()):
            s.ingest(doc)
    conn = sqlite3.connect(db)  # back to schema version 8
    conn.executescript(
        "DROP TABLE clusters; DROP TABLE cluster_members; DROP TABLE cluster_docs; "
        "DROP TABLE cluster_keys; DROP TABLE cluster_doc_keys; DROP TABLE cluster_counts; "
        "DROP TABLE cluster_actor_counts; DROP TABLE cluster_country_counts; "
        "DROP TABLE cluster_reports; DROP TABLE cluster_term_counts; "
        "DELETE FROM schema_migrations WHERE version IN (9, 11, 12, 13, 14);"
    )
    conn.close()
    with open_store(db) as s:
        assert partition(s) == {frozenset({ev.id}) for d in (meeting_a(), meeting_b()) for ev in d.events}
        assert s.relink() == 2
        assert partition(s) == {event_ids(meeting_a(), meeting_b())}
        assert s.relink() == 0


def test_a_store_indexed_under_older_blocking_keys_is_indexed_again(location):
    # (migration 12: pairs of weak keys where a shared country was a key of its own)
    with open_store(location) as s:
        s.ingest(meeting_a())
        keys = s._fetch("SELECT key, day, event_id FROM cluster_keys ORDER BY key, day, event_id")
        with s._transaction():
            s._execute("UPDATE cluster_keys SET key = 'old|' || key")
            s._execute("DELETE FROM schema_migrations WHERE version = 12")
    with open_store(location) as s:
        assert s._fetch("SELECT key, day, event_id FROM cluster_keys ORDER BY key, day, event_id") == keys
        s.ingest(meeting_b())
        assert partition(s) == {event_ids(meeting_a(), meeting_b())}


def test_clusters_are_listed_biggest_first_and_filtered_as_events_are(location):
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
        listed = s.clusters()
        assert [(c["articles"], c["event"]) for c in listed] == [(3, "CONSULT"), (1, "ACCUSE")]
        assert listed[0]["representative"]["doc_id"] == "a"
        assert [c["event"] for c in s.clusters(type="ACCUSE")] == ["ACCUSE"]
        assert [c["articles"] for c in s.clusters(since="2024-05-10")] == [1]
        assert [c["event"] for c in s.clusters(order="-date")] == ["ACCUSE", "CONSULT"]
        assert s.clusters(limit=1, offset=1)[0]["event"] == "ACCUSE"


@pytest.mark.parametrize("walk", [False, True])
def test_a_listing_finds_the_clusters_with_one_report_matching_every_filter(location, monkeypatch, walk):
    # Both ways a listing goes: from the matching events to their clusters (few), or
    # walking the clusters in order, skipping those whose tags lack a filter's (many).
    monkeypatch.setattr(cluster_reads, "_FEW", 0 if walk else 10**9)
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
        meeting, accused = (c["id"] for c in s.clusters())

        def listed(**filters) -> list[str]:
            return [c["id"] for c in s.clusters(**filters)]

        assert listed(country="FRA") == [meeting, accused]
        assert listed(type="AGREE") == listed(type="agree") == [meeting]
        assert listed(country="fra", type="ACCUSE") == [accused]
        assert listed(actor="p-maria-arden", quad="verbal cooperation") == [meeting]
        # the meeting has Arden's report and an AGREE, but no AGREE of hers
        assert listed(actor="p-maria-arden", type="AGREE") == []
        assert listed(q="dumping") == listed(q="dumping", country="NLD") == [accused]
        assert listed(q="talks", type="ACCUSE") == []
        assert listed(q="Rouen", since="2024-05-01", order="-date") == [meeting]


def test_each_cluster_keeps_the_tags_of_its_reports(location):
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
        s.delete("b")  # (the meeting's AGREE goes with it)
        kept = {r["id"]: r["tags"] for r in s._fetch("SELECT id, tags FROM clusters")}
        assert " t:AGREE " not in "".join(kept.values())
        assert all(" c:FRA " in tags and " c:NLD " in tags for tags in kept.values())
        cluster_tags.retag(s)
        assert {r["id"]: r["tags"] for r in s._fetch("SELECT id, tags FROM clusters")} == kept


# ---------------------------------------------------------------- CLI, API, export


@pytest.fixture
def stored(tmp_path) -> str:
    db = str(tmp_path / "clusters.db")
    with open_store(db) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
    return db


def test_the_clusters_command_lists_shows_and_groups_events(stored):
    from click.testing import CliRunner

    from dragoman.cli import main

    runner = CliRunner()
    listed = runner.invoke(main, ["clusters", "--db", stored])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert lines[2].split()[1:6] == ["CONSULT", "2024-05-03", "3", "2", "4"]
    assert "Maria Arden met Piet Lund" in lines[2] and lines[-1] == "2 clusters"
    rows = [
        json.loads(x)
        for x in runner.invoke(
            main, ["clusters", "--db", stored, "--country", "fra", "--type", "accuse", "--format", "jsonl"]
        ).output.splitlines()
    ]
    assert [r["event"] for r in rows] == ["ACCUSE"]
    shown = runner.invoke(main, ["clusters", "--db", stored, "--show", lines[2].split()[0]])
    assert "reported by 3 articles from 2 sources" in shown.output
    assert "the same actor, Piet Lund" in shown.output
    grouped = runner.invoke(main, ["events", "--db", stored, "--grouped"])
    assert grouped.output == listed.output
    missing = runner.invoke(main, ["clusters", "--db", stored, "--show", "nope"])
    assert missing.exit_code == 2 and "no cluster 'nope'" in missing.output


def test_the_api_lists_clusters_and_opens_one_with_its_reports(stored):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dragoman.api import create_app

    with TestClient(create_app(stored)) as client:
        body = client.get("/api/clusters", params={"limit": 1}).json()
        assert body["next"] == 1 and body["clusters"][0]["articles"] == 3
        cid = body["clusters"][0]["id"]
        assert client.get("/api/clusters", params={"offset": 1}).json()["next"] is None
        detail = client.get(f"/api/clusters/{cid}").json()
        assert [r["article"]["counted_as"] for r in detail["reports"]] == [
            "paper-a.example",
            "paper-b.example",
            "paper-b.example",
            "paper-a.example",
        ]
        assert client.get("/api/events", params={"doc": "c"}).json()["events"][0]["cluster"]["id"] == cid
        assert "/api/clusters" in client.get("/openapi.json").json()["paths"]
        for params, status in (({"order": "size"}, 400), ({"type": "PARTY"}, 400), ({"limit": 0}, 422)):
            response = client.get("/api/clusters", params=params)
            assert response.status_code == status and set(response.json()) == {"error"}
        assert client.get("/api/clusters/nope").status_code == 404


def test_gdelt_export_counts_the_reports_of_each_event(stored):
    import io

    from dragoman.export import GDELT_COLUMNS, export_events

    with open_store(stored) as s:
        out = io.StringIO()
        export_events(s, "gdelt", out, doc="b")
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.getvalue().splitlines()]
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows] == [("4", "2", "3")] * 2


def test_a_text_profile_from_the_pipeline_links_as_the_store_would_compute_it(tmp_path):
    # `dragoman ingest` has the workers compute what linking reads of each text (its
    # signature and names); the store then stores the same rows as when it computes them.
    from dragoman.linking.articles import text_names, text_profile
    from dragoman.linking.neardup import signature

    tables = ("clusters", "cluster_members", "cluster_docs", "cluster_keys", "cluster_doc_keys")
    rows = []
    for profiled in (False, True):
        with open_store(tmp_path / f"{profiled}.db") as s:
            for make in (meeting_a, meeting_b, wire_copy, accusation):
                doc = make()
                if profiled:
                    doc.profile = text_profile(doc.text)
                    assert list(doc.profile.signature) == signature(doc.text)
                    assert doc.profile.names == text_names(doc.text)
                s.ingest(doc)
            rows.append({t: sorted(map(repr, s._fetch(f"SELECT * FROM {t}"))) for t in tables})
    assert rows[0] == rows[1] and rows[0]["cluster_docs"]
