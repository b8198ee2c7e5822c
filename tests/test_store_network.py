"""The actor network counted by the database (store/network.py) gives the answer of the
straightforward computation (api/summaries.network over network_events), on a real SQLite
file and PostgreSQL (tests/pg_cluster.py): counting events and clusters, with the nodes cut
short (ties kept in the order the events are met), unresolved names told apart by their
case-folded form, groups, an entity on both sides, repeated entities, and any filter."""

from __future__ import annotations

import pytest
from test_clusters import (  # noqa: F401
    ARDEN,
    FRANCE,
    LUND,
    NETHERLANDS,
    accusation,
    article,
    location,
    meeting_a,
    meeting_b,
    wire_copy,
)

from dragoman.api.summaries import network
from dragoman.model import Entity
from dragoman.store import QueryError, open_store


def crowd(name: str, country: str | None = None, **more) -> Entity:
    """An unresolved entity (no actor id): a node by its name, whatever its case."""
    return Entity(name=name, text=name, span=(0, 1), kind="group", country=country, **more)


PROTESTERS, SHOUTING = crowd("Protesters", "FRA"), crowd("PROTESTERS")
BOTH = crowd("France and the Netherlands", members=[FRANCE, NETHERLANDS])


def street_news() -> list:
    return [
        article(
            "s1",
            "2024-06-01",
            "paper-s.example",
            ("Protesters accused Maria Arden of lying.", "ACCUSE", [PROTESTERS], [ARDEN], "2024-06-01"),
            ("Arden answered the protesters calmly.", "CONSULT", [ARDEN, ARDEN], [SHOUTING], "2024-06-01"),
            ("Lund praised himself and Arden.", "SUPPORT", [LUND], [LUND, ARDEN], "2024-06-01"),
        ),
        article(
            "s2",
            "2024-06-02",
            "paper-t.example",
            ("France and the Netherlands warned Lund.", "THREATEN", [BOTH], [LUND], "2024-06-02"),
            ("Lund met protesters in Utrecht.", "CONSULT", [LUND], [PROTESTERS, FRANCE], None),
        ),
    ]


FILTERS = [
    {},
    {"country": "FRA"},
    {"actor": ARDEN.id},
    {"type": "CONSULT"},
    {"q": "Arden"},
    {"q": "Lund", "since": "2024-05-04"},
    {"quad": "verbal_conflict"},
]


def same_network(store, may_refuse: bool = False) -> None:
    for filters in FILTERS:
        for limit in (1000, 3):
            # (the page itself: the events store.events lists, newest first)
            page = [e["id"] for e in store.network_events(limit=limit, **filters)]
            assert page == [e["id"] for e in store.events(limit=limit, order="-date", **filters)], filters
            for nodes in (40, 3, 2):
                for count in ("events", "clusters"):
                    slow = network(store.network_events(limit=limit, **filters), nodes, count)
                    fast = store.actor_network(limit=limit, nodes=nodes, count=count, **filters)
                    if fast is None and may_refuse:  # (the server then counts as `slow` does)
                        continue
                    assert fast == slow, (filters, limit, nodes, count)
                    # (the same to the order of each edge's quads, as the page gets them)
                    assert [list(e["quads"]) for e in fast["edges"]] == [
                        list(e["quads"]) for e in slow["edges"]
                    ]


def test_the_database_draws_the_network_python_did(location):  # noqa: F811
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation(), *street_news()):
            s.ingest(doc)
        same_network(s)
        whole = s.actor_network(count="clusters")
        # (the three reports of the meeting are one cluster: Arden and Lund count it once)
        assert {n["name"]: n["events"] for n in whole["nodes"]}["Piet Lund"] == 4
        assert {n["id"] for n in whole["nodes"]} >= {"name:protesters", "name:france and the netherlands"}
        assert whole["sampled"] == 10
        with pytest.raises(QueryError):
            s.actor_network(count="people")


def test_names_python_folds_other_than_the_database_lower_are_still_one_node(location):  # noqa: F811
    # 'Straße' and 'STRASSE' are one name case-folded, not lower-cased; Cyrillic names fold too.
    street = [crowd("Straße Demonstranten"), crowd("STRASSE DEMONSTRANTEN"), crowd("Протестующие")]
    with open_store(location) as s:
        s.ingest(
            article(
                "r1",
                "2024-07-01",
                "paper-r.example",
                ("Demonstranten accused Arden.", "ACCUSE", street[:1], [ARDEN], "2024-07-01"),
                ("STRASSE people accused Arden again.", "ACCUSE", street[1:2], [ARDEN], "2024-07-01"),
                ("Протестующие обвинили Арден.", "ACCUSE", [street[2], crowd("ПРОТЕСТУЮЩИЕ")], [ARDEN], None),
            )
        )
        graph = s.actor_network() or network(s.network_events(), 40, "events")
        assert {n["id"]: n["events"] for n in graph["nodes"]} == {
            "name:strasse demonstranten": 2,
            "name:протестующие": 2,
            ARDEN.id: 3,
        }
        if s.dialect.name == "sqlite":  # (given Python's casefold: counted by the database)
            assert s.actor_network() == graph
        same_network(s, may_refuse=s.dialect.name == "postgresql")
