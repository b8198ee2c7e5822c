"""Timelines and the actor network counting clusters (happenings) instead of records
(issue 13), on SQLite and PostgreSQL (tests/pg_cluster.py), with articles written for them
(test_clusters.py's): a meeting reported four times by three articles (three CONSULTs and an
AGREE, one cluster) and an unrelated accusation."""

from __future__ import annotations

import dataclasses
import warnings
from collections import Counter

import pytest
from conftest import SHARED
from test_clusters import accusation, location, meeting_a, meeting_b, wire_copy  # noqa: F401

from dragoman.api.summaries import network
from dragoman.read import iter_documents
from dragoman.store import QueryError, cluster_counts, open_store
from dragoman.store.query import EventFilter


def month(*counts: tuple[str, int]) -> list[dict]:
    return [{"period": "2024-05", "key": key, "count": n} for key, n in counts]


COUNTED = {"cluster_counts": None, "cluster_actor_counts": "actor_id", "cluster_country_counts": "country"}


def stored_counts(store) -> dict:
    return {table: sorted(map(tuple, store._fetch_tuples(f"SELECT * FROM {table}"))) for table in COUNTED}


def counted_again(store) -> dict:
    """The count tables as they should be: each cluster at its representative's date and
    type, in all, and once per actor id and country any of its reports is linked to."""
    out = {}
    for table, column in COUNTED.items():
        key = f"l.{column}, " if column else ""
        links = "JOIN event_actors l ON l.event_id = m.event_id" if column else ""
        rows = store._fetch_tuples(
            f"SELECT {key}e.date, e.event, e.quad, COUNT(DISTINCT c.id) FROM clusters c "
            "JOIN events e ON e.id = c.representative JOIN cluster_members m ON m.cluster_id = c.id "
            f"{links} WHERE e.date IS NOT NULL {f'AND l.{column} IS NOT NULL' if column else ''} "
            f"GROUP BY {key}e.date, e.event, e.quad"
        )
        out[table] = sorted(map(tuple, rows))
    return out


def by_hand(store, interval: str = "month", by: str = "type", **filters) -> list[dict]:
    """A timeline of clusters worked out from the events that match: the type, quad and
    date filters on each cluster's representative, the others on any of its reports."""
    own = {k: filters.pop(k) for k in ("type", "quad", "since", "until") if k in filters}
    matching = {e["id"] for e in store.events(limit=1000, **filters)}
    members = store._fetch(
        "SELECT m.event_id, c.id, e.date, e.event, e.quad FROM cluster_members m "
        "JOIN clusters c ON c.id = m.cluster_id JOIN events e ON e.id = c.representative"
    )
    counts = Counter()
    for _, date, event, quad in {tuple(m.values())[1:] for m in members if m["event_id"] in matching}:
        if (
            own.get("type", event) != event
            or own.get("quad", quad) != quad
            or date < own.get("since", "")
            or date > own.get("until", "~") + "~"
            or len(date) < (10 if interval == "day" else 7)
        ):
            continue
        counts[(date if interval == "day" else date[:7], event if by == "type" else quad)] += 1
    return [{"period": p, "key": k, "count": n} for (p, k), n in sorted(counts.items())]


FILTERS = [
    {},
    {"country": "FRA"},
    {"country": "nld"},
    {"actor": "p-piet-lund"},
    {"actor": "p-maria-arden"},
    {"actor": "Arden", "country": "NLD"},
    {"q": "talks"},
    {"doc": "b"},
    {"country": "NLD", "type": "ACCUSE"},
    # Searches: one word (cluster_term_counts), with the representative's type or date,
    # with a country or an actor, two words, a prefix, nothing searchable (cluster_reports).
    {"q": "Lund"},
    {"q": "netherlands"},
    {"q": "Netherlands", "type": "ACCUSE"},
    {"q": "Netherlands", "quad": "verbal_cooperation"},
    {"q": "France", "since": "2024-05-10"},
    {"q": "France", "until": "2024-05-10"},
    {"q": "Netherlands", "country": "NLD"},
    {"q": "Lund", "actor": "p-maria-arden"},
    {"q": "river trade"},
    {"q": "river trade", "type": "CONSULT"},
    {"q": "Neth*"},
    {"q": "the"},
    {"q": "?!"},
    {"q": "dumping", "doc": "d"},
]


def test_a_timeline_counts_each_happening_once(location):  # noqa: F811
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
        assert s.timeline(interval="month", by="type") == month(("ACCUSE", 1), ("AGREE", 1), ("CONSULT", 3))
        assert s.timeline(interval="month", by="type", count="clusters") == month(
            ("ACCUSE", 1), ("CONSULT", 1)
        )
        assert s.timeline(interval="day", by="type", count="clusters") == [
            {"period": "2024-05-03", "key": "CONSULT", "count": 1},
            {"period": "2024-05-20", "key": "ACCUSE", "count": 1},
        ]
        assert s.timeline(interval="month", count="clusters") == month(
            ("verbal_conflict", 1), ("verbal_cooperation", 1)
        )
        # A cluster's type and date are its representative's (paper-a's CONSULT) ...
        assert s.timeline(interval="month", by="type", count="clusters", type="AGREE") == []
        assert s.timeline(interval="month", by="type", count="clusters", since="2024-05-10") == month(
            ("ACCUSE", 1)
        )
        # ... the other filters select the clusters with any report matching them.
        for filters in (
            {"q": "talks"},
            {"actor": "p-piet-lund"},
            {"doc": "b"},
            {"actor": "Lund", "type": "CONSULT"},
        ):
            assert s.timeline(interval="month", by="type", count="clusters", **filters) == month(
                ("CONSULT", 1)
            )
        assert s.timeline(interval="week", by="type", count="clusters", country="NLD") == [
            {"period": "2024-04-29", "key": "CONSULT", "count": 1},
            {"period": "2024-05-20", "key": "ACCUSE", "count": 1},
        ]
        with pytest.raises(QueryError, match="unknown count 'articles'; use one of events, clusters"):
            s.timeline(count="articles")


def test_the_cluster_counts_follow_merges_splits_and_deletes(location):  # noqa: F811
    with open_store(location) as s:
        steps = [
            lambda: s.ingest(meeting_b()),
            lambda: s.ingest(accusation()),
            lambda: s.ingest(meeting_a()),  # joins b's cluster, and becomes its representative
            lambda: s.ingest(wire_copy()),
            lambda: s.delete("a"),  # the representative's article goes
            lambda: s.delete("d"),
        ]
        for i, step in enumerate(steps):
            step()
            assert stored_counts(s) == counted_again(s), f"after step {i}"
            assert searched_counts(s) == searched_again(s), f"after step {i}"
            for filters in FILTERS:  # (from the count tables, or from the events)
                for shape in ({"interval": "month", "by": "type"}, {"interval": "day", "by": "quad"}):
                    got = s.timeline(**shape, count="clusters", **filters)
                    assert got == by_hand(s, **shape, **filters), (i, shape, filters)
        assert s.timeline(interval="month", by="type", count="clusters") == month(("CONSULT", 1))


def searched_counts(store) -> dict:
    return {
        table: sorted(map(tuple, store._fetch_tuples(f"SELECT * FROM {table}")))
        for table in ("cluster_reports", "cluster_term_counts")
    }


def searched_again(store) -> dict:
    """cluster_reports and cluster_term_counts as counted afresh from the whole store (the
    migration's statements), where change() keeps them one cluster at a time."""
    with store._transaction():
        cluster_counts.refill(store)
    return searched_counts(store)


def test_search_counts_are_those_of_the_migration(location):  # noqa: F811
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
        kept = searched_counts(s)
        terms = {row[0]: row[-1] for row in kept["cluster_term_counts"]}
        # "france": the meeting's AGREE and the accusation, each counted once at its
        # cluster's date and type; "lund": three reports of one meeting, one cluster.
        assert terms["lund"] == 1 and terms["rouen"] == 1 and "posted" not in terms
        assert sorted(r[1:] for r in kept["cluster_term_counts"] if r[0] == "france") == [
            ("2024-05-03", "CONSULT", "verbal_cooperation", 1),
            ("2024-05-20", "ACCUSE", "verbal_conflict", 1),
        ]
        assert len(kept["cluster_reports"]) == 5 and len({r[1] for r in kept["cluster_reports"]}) == 2
        with s._transaction():
            for table in ("cluster_reports", "cluster_term_counts"):
                s._execute(f"DROP TABLE {table}")
            s._execute("DELETE FROM schema_migrations WHERE version = 14")
    with open_store(location) as s:
        assert searched_counts(s) == kept


def test_searches_count_clusters_from_the_tables_made_for_them(tmp_path):
    # What makes them fast at 1M events: one plain word is read from its count rows, other
    # searches find their matches' clusters in cluster_reports (not through each match's
    # member row, cluster and representative).
    with open_store(tmp_path / "plan.db") as s:
        s.ingest(meeting_a())

        def source(**filters) -> str:
            return s._timeline_sql("day", "quad", s._planned(EventFilter(**filters)), "clusters")[0]

        for filters in ({"q": "Lund"}, {"q": "Lund", "type": "CONSULT", "since": "2024"}):
            assert "FROM cluster_term_counts c WHERE c.term = ?" in source(**filters)
        for filters in ({"q": "Lund Arden"}, {"q": "Lund", "country": "NLD"}, {"q": "Lu*"}):
            # (SQLite: the full-text index alone answers these: its seqs go straight there)
            assert "FROM cluster_reports k WHERE k.seq IN (SELECT rowid FROM events_fts" in source(**filters)
        for filters in ({"q": "Lund", "actor": "p-maria-arden"}, {"q": "Lund", "doc": "a"}):
            assert "JOIN cluster_reports k ON k.seq = r.seq" in source(**filters)
        for filters in (
            {"q": "Lund Arden"},
            {"q": "Lund", "actor": "p-maria-arden"},
            {"q": "Lund", "doc": "a"},
        ):
            assert "cluster_members" not in source(**filters)


def test_the_network_reads_what_it_draws_from_as_it_did_from_records(location):  # noqa: F811
    # (network_events reads each event's id, quad, actors and cluster id, not its record)
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
        for filters in FILTERS + [{"since": "2024-05-04"}, {"type": "CONSULT", "q": "Lund"}]:
            for limit in (1000, 2):
                records = s.events(limit=limit, order="-date", **filters)
                slim = s.network_events(limit=limit, **filters)
                assert [e["id"] for e in slim] == [e["id"] for e in records], filters
                for count in ("events", "clusters"):
                    assert network(slim, 40, count) == network(records, 40, count), (filters, count)
        assert network(s.network_events(), 40, "clusters")["nodes"]


def test_the_api_switches_timeline_and_network_to_clusters(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dragoman.api import create_app

    db = str(tmp_path / "counts.db")
    with open_store(db) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation()):
            s.ingest(doc)
    with TestClient(create_app(db)) as client:
        params = {"interval": "month", "by": "type"}
        body = client.get("/api/stats/timeline", params=params).json()
        assert body["count"] == "events" and len(body["counts"]) == 3
        body = client.get("/api/stats/timeline", params={**params, "count": "clusters"}).json()
        assert body["count"] == "clusters" and body["counts"] == month(("ACCUSE", 1), ("CONSULT", 1))
        for path in ("/api/stats/timeline", "/api/stats/network"):
            wrong = client.get(path, params={"count": "articles"})
            assert (
                wrong.status_code == 400 and "use one of events, clusters" in wrong.json()["error"]["message"]
            )

        def graph(count: str) -> tuple[dict, dict]:
            body = client.get("/api/stats/network", params={"count": count}).json()
            assert body["count"] == count
            nodes = {n["id"]: n["events"] for n in body["nodes"]}
            edges = {(e["source"], e["target"]): e["count"] for e in body["edges"]}
            return nodes, edges

        # Arden is on three reports of one meeting (a, b, c), met Lund in two of them.
        nodes, edges = graph("events")
        assert nodes["p-maria-arden"] == 3 and edges[("p-maria-arden", "p-piet-lund")] == 2
        nodes, edges = graph("clusters")
        assert nodes["p-maria-arden"] == 1 and edges[("p-maria-arden", "p-piet-lund")] == 1
        assert nodes["FRA"] == 2  # the meeting's AGREE and the accusation: two happenings
        schema = client.get("/openapi.json").json()["paths"]
        for path in ("/api/stats/timeline", "/api/stats/network"):
            declared = {p["name"]: p for p in schema[path]["get"]["parameters"]}
            assert declared["count"]["schema"]["enum"] == ["events", "clusters"]


# Real news (../shared/corpus/news-clusters): nine articles about one happening, from 28
# December 2017 to 10 January 2018 (one cluster of 25 reports in the whole corpus), and
# three about another of the same days.
NEWS = SHARED / "corpus" / "news-clusters" / "data"
STORY = ("c461c0e8", "1a84923a", "cc3904fc", "bc9dbcc8", "441fe62f", "94067b38", "d0b630b2", "cd2cd4f8")
OTHER = ("4468c60d", "89085382", "c68eacdc")


@pytest.fixture(scope="module")
def real_articles(pipeline) -> list:
    if not NEWS.is_dir():
        pytest.skip("the news-clusters corpus is not there")
    files = [str(next(NEWS.glob(f"{prefix}*.json"))) for prefix in STORY + OTHER]
    return list(pipeline.run_many(iter_documents(files)))


def test_cluster_counts_on_real_articles_follow_every_change(location, real_articles):  # noqa: F811
    # The count tables are kept by difference, cluster by cluster, from each report's
    # terms split once (cluster_counts.counted): after every ingest (articles joining,
    # merging clusters, becoming their representative: the later ones come first),
    # delete and replacement, they hold what counting the whole store afresh gives, and
    # the count=clusters searches of the story's commonest words say what the events say.
    docs = {doc.id[:8]: doc for doc in real_articles}
    order = [docs[p] for p in (*STORY[::-1][:4], *OTHER, *STORY[::-1][4:])]
    with open_store(location) as s:
        steps = [*(lambda d=d: s.ingest(d) for d in order), lambda: s.delete(docs[STORY[1]].id)]
        changed = dataclasses.replace(docs[STORY[0]], text=docs[STORY[0]].text + " ")
        steps += [lambda: s.ingest(changed), lambda: s.ingest(docs[STORY[1]])]
        for i, step in enumerate(steps):
            step()
            assert stored_counts(s) == counted_again(s), f"after step {i}"
            assert searched_counts(s) == searched_again(s), f"after step {i}"
        sizes = s._fetch_tuples("SELECT articles FROM clusters ORDER BY articles DESC")
        assert sizes[0][0] >= 4, sizes  # (the story's articles do share a cluster)
        words = s._fetch_tuples(
            "SELECT term FROM cluster_term_counts GROUP BY term HAVING SUM(n) >= 2 ORDER BY SUM(n) DESC, term"
        )
        assert len(words) >= 5
        for (word,) in words[:5]:
            got = s.timeline(interval="day", by="type", count="clusters", q=word)
            assert got == by_hand(s, interval="day", by="type", q=word) and got, word
