"""The actor network counted by the database from record_entities (store/network.py) gives
the answer of the straightforward computation (api/summaries.network over network_events)
and of the database's computation from the records' JSON it replaced
(tests/network_reference.py), on a real SQLite file and PostgreSQL (tests/pg_cluster.py):
counting events and clusters, with the nodes cut short (ties kept in the order the events
are met), unresolved names told apart by their case-folded form, groups, an entity on both
sides, repeated entities, and any filter. record_entities holds what ingest wrote, after a
document is replaced or deleted, and what migration 15 fills from the records."""

from __future__ import annotations

import pytest
from network_reference import network_from_records
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
from dragoman.store import QueryError, entities, open_store


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


def same_network(store, may_refuse: bool = False) -> int:
    """Checks the three computations agree under every filter; returns how many networks
    the JSON reference drew (`may_refuse`: it may refuse names PostgreSQL cannot fold)."""
    drawn = 0
    for filters in FILTERS:
        for limit in (1000, 3):
            # (the page itself: the events store.events lists, newest first)
            page = [e["id"] for e in store.network_events(limit=limit, **filters)]
            assert page == [e["id"] for e in store.events(limit=limit, order="-date", **filters)], filters
            for nodes in (40, 3, 2):
                for count in ("events", "clusters"):
                    slow = network(store.network_events(limit=limit, **filters), nodes, count)
                    fast = store.actor_network(limit=limit, nodes=nodes, count=count, **filters)
                    assert fast == slow, (filters, limit, nodes, count)
                    # (the same to the order of each edge's quads, as the page gets them)
                    assert [list(e["quads"]) for e in fast["edges"]] == [
                        list(e["quads"]) for e in slow["edges"]
                    ]
                    old = network_from_records(store, filters, limit, nodes, count)
                    if old is None and may_refuse:
                        continue
                    assert old == fast, (filters, limit, nodes, count)
                    assert [list(e["quads"]) for e in old["edges"]] == [
                        list(e["quads"]) for e in fast["edges"]
                    ]
                    drawn += 1
    return drawn


def test_the_database_draws_the_network_python_did(location):  # noqa: F811
    with open_store(location) as s:
        for doc in (meeting_a(), meeting_b(), wire_copy(), accusation(), *street_news()):
            s.ingest(doc)
        assert same_network(s) == len(FILTERS) * 2 * 3 * 2
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
        graph = s.actor_network()
        assert {n["id"]: n["events"] for n in graph["nodes"]} == {
            "name:strasse demonstranten": 2,
            "name:протестующие": 2,
            ARDEN.id: 3,
        }
        assert graph == network(s.network_events(), 40, "events")
        # (the JSON reference on PostgreSQL: lower() is not casefold(), so it refused these)
        refused = network_from_records(s, {}, 1000, 40, "events") is None
        assert refused == (s.dialect.name == "postgresql")
        same_network(s, may_refuse=refused)


def entity_rows(store) -> list[tuple]:
    """record_entities with each event's id for its seq, in the events' and lists' order."""
    return store._fetch_tuples(
        "SELECT e.id, r.role, r.idx, r.node, r.actor_id, r.name, r.country, r.kind "
        "FROM record_entities r JOIN events e ON e.seq = r.seq ORDER BY e.id, r.role, r.idx"
    )


def test_each_record_s_entities_are_rows_kept_by_ingest_and_filled_by_the_migration(location):  # noqa: F811
    with open_store(location) as s:
        for doc in (meeting_a(), *street_news()):
            s.ingest(doc)
        rows = entity_rows(s)
        by_event = {}
        for row in rows:
            by_event.setdefault(row[0], []).append(row[1:])
        answered = [e for e in s.events(limit=100) if e["text"].startswith("Arden answered")][0]
        # (in list order, the repeated actor twice, the name case-folded into the node only)
        assert by_event[answered["id"]] == [
            (0, 0, ARDEN.id, ARDEN.id, ARDEN.name, ARDEN.country, ARDEN.kind),
            (0, 1, ARDEN.id, ARDEN.id, ARDEN.name, ARDEN.country, ARDEN.kind),
            (1, 0, "name:protesters", None, "PROTESTERS", None, "group"),
        ]
        warned = [e for e in s.events(limit=100) if e["text"].startswith("France and")][0]
        # (a group is one entity of its list, as the network draws it: no row per member)
        assert [r[:3] for r in by_event[warned["id"]]] == [
            (0, 0, "name:france and the netherlands"),
            (1, 0, LUND.id),
        ]
        assert len(rows) == sum(len(e["actor"]) + len(e["recipient"]) for e in s.events(limit=100))
        # Deleted with their events; written again when a document is stored again.
        s.delete("s1")
        assert not [row for row in entity_rows(s) if row[0] == answered["id"]]
        assert len(entity_rows(s)) == sum(len(e["actor"]) + len(e["recipient"]) for e in s.events(limit=100))
        s.ingest(street_news()[0])
        s.ingest(street_news()[0], replace=True)
        assert entity_rows(s) == rows
        with s._transaction():  # (filled a few events at a time: the same rows)
            s._execute("DELETE FROM record_entities")
            entities.fill(s, batch=2)
        assert entity_rows(s) == rows
        # A store made before migration 15: the table filled from the records.
        with s._transaction():
            s._execute("DROP TABLE record_entities")
            s._execute("DELETE FROM schema_migrations WHERE version = 15")
    with open_store(location) as s:
        assert entity_rows(s) == rows
        assert same_network(s) == len(FILTERS) * 2 * 3 * 2
