"""The actor network the page draws (/api/stats/network), worked out by the database.

The newest matching events' actors and recipients are read from record_entities (one row
per entity of each record's lists, with its node key: entities.py) and counted by the
database (per node, per actor-recipient pair and quad), so that only the busiest nodes and
the edges between them come back, not a thousand events' actors decoded and counted in
Python (api/summaries.network, the straightforward computation this gives the same answer
as: tests/test_store_network.py).
"""

from __future__ import annotations

from collections import defaultdict

from .query import ORDERS, QueryError
from .timeline import COUNTS

# An entity's n, its place in the order summaries.network meets them (newest event first,
# actors before recipients, in list order): (pos * 2 + role) * _SPAN + its index (no list of
# an event holds as many entities).
_SPAN = 100_000


def network(store, filters: dict, limit: int, max_nodes: int, count: str) -> dict:
    """As summaries.network(store.network_events(limit, **filters), max_nodes, count)."""
    if count not in COUNTS:
        raise QueryError(f"unknown count {count!r}; use one of {', '.join(COUNTS)}")
    sql, params = network_sql(store, filters, limit, count)
    return network_of(store._fetch_tuples(sql, params + [max_nodes]), count)


def network_of(rows, count: str) -> dict:
    """The network from network_sql's rows."""
    nodes, edges, sampled = {}, defaultdict(dict), 0
    for tag, a, b, c, d, e, n, first in rows:
        if tag == "node":
            nodes[a] = {"id": a, "actor_id": b, "name": c, "country": d, "kind": e, "events": n}
        elif tag == "edge":
            edges[a, b][c] = (first, n)  # (first: the pair's first event with this quad)
        else:
            sampled = n
    return {
        "count": count,
        "nodes": [nodes[key] for key in sorted(nodes)],
        "edges": [_edge(source, target, quads) for (source, target), quads in sorted(edges.items())],
        "sampled": sampled,
    }


def _edge(source: str, target: str, found: dict[str, tuple[int, int]]) -> dict:
    # (its quads in the order their first events are met, as summaries.network adds them)
    quads = {quad: n for quad, (_, n) in sorted(found.items(), key=lambda item: item[1][0])}
    return {"source": source, "target": target, "quads": quads, "count": sum(quads.values())}


def network_sql(store, filters: dict, limit: int, count: str) -> tuple[str, list]:
    """One statement (the page of events found once) whose rows are the kept nodes
    ('node', key, actor id, name, country, kind, count, n of its first entity), the edges
    between them ('edge', source, target, quad, -, -, count, first event) and the page's size
    ('page', ..., events, 0); the last parameter is the number of nodes kept."""
    page, params = store._page_sql(
        f"e.seq, e.id, e.quad, ROW_NUMBER() OVER (ORDER BY {ORDERS['-date']}) AS pos",
        limit,
        0,
        "-date",
        filters,
        seq_first=True,
    )
    # Counting clusters, each node and edge counts the clusters of its events once each
    # (an event outside any cluster is its own unit).
    degree = "COUNT(DISTINCT w.unit)" if count == "clusters" else "COUNT(*)"
    pairs = "COUNT(DISTINCT a.unit)" if count == "clusters" else "COUNT(*)"
    return (
        # (each event's cluster from cluster_reports, kept with cluster_members: by seq)
        "WITH page AS MATERIALIZED (SELECT p.seq, p.pos, p.quad, COALESCE(k.cluster_id, p.id) AS unit "
        f" FROM ({page}) p LEFT JOIN cluster_reports k ON k.seq = p.seq), "
        # (an entity's name, country and kind are read for the kept nodes' first only)
        f"who AS MATERIALIZED (SELECT p.pos, p.quad, p.unit, r.seq, r.role, r.idx, "
        f"(p.pos * 2 + r.role) * {_SPAN} + r.idx AS n, r.node "
        "FROM page p JOIN record_entities r ON r.seq = p.seq), "
        "kept AS MATERIALIZED (SELECT w.node, "
        f"{degree} AS degree, MIN(w.n) AS first FROM who w "
        "GROUP BY w.node ORDER BY degree DESC, first LIMIT ?) "
        "SELECT 'node' AS tag, k.node, r.actor_id, r.name, r.country, r.kind, k.degree, k.first "
        # (kept first: SQLite otherwise read every entity of the page's row to find 40)
        "FROM kept k CROSS JOIN who w CROSS JOIN record_entities r "
        "WHERE w.n = k.first AND r.seq = w.seq AND r.role = w.role AND r.idx = w.idx "
        # (each actor's recipients by the table's key, not from `who`: PostgreSQL, whose
        # estimate of a fresh store's page can be 40 events, joined `who` with itself in a
        # nested loop, 1,000 x 1,000 rows: 1 s)
        f"UNION ALL SELECT 'edge', a.node, r.node, a.quad, NULL, NULL, {pairs}, MIN(a.pos) "
        "FROM who a JOIN record_entities r ON r.seq = a.seq AND r.role = 1 "
        "WHERE a.role = 0 AND a.node <> r.node AND a.node IN (SELECT node FROM kept) "
        "AND r.node IN (SELECT node FROM kept) GROUP BY a.node, r.node, a.quad "
        "UNION ALL SELECT 'page', NULL, NULL, NULL, NULL, NULL, (SELECT COUNT(*) FROM page), 0",
        params,
    )
