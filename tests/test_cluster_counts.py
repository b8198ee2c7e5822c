"""Timelines and the actor network counting clusters (happenings) instead of records
(issue 13), on SQLite and PostgreSQL (tests/pg_cluster.py), with articles written for them
(test_clusters.py's): a meeting reported four times by three articles (three CONSULTs and an
AGREE, one cluster) and an unrelated accusation."""

from __future__ import annotations

import warnings
from collections import Counter

import pytest
from test_clusters import accusation, location, meeting_a, meeting_b, wire_copy  # noqa: F401

from dragoman.store import QueryError, open_store


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


def by_hand(store, **filters) -> list[dict]:
    """A monthly timeline by type of clusters, worked out from the events that match."""
    matching = {
        e["id"] for e in store.events(limit=1000, **{k: v for k, v in filters.items() if k != "type"})
    }
    members = store._fetch(
        "SELECT m.event_id, c.id, e.date, e.event FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id JOIN events e ON e.id = c.representative"
    )
    counts = Counter()
    for key in {(m["id"], m["date"][:7], m["event"]) for m in members if m["event_id"] in matching}:
        if filters.get("type") in (None, key[2]):
            counts[key[1:]] += 1
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
            for filters in FILTERS:  # (from the count tables, or from the events)
                got = s.timeline(interval="month", by="type", count="clusters", **filters)
                assert got == by_hand(s, **filters), (i, filters)
        assert s.timeline(interval="month", by="type", count="clusters") == month(("CONSULT", 1))


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
