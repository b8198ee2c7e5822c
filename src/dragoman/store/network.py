"""The actor network the page draws (/api/stats/network), worked out by the database.

The newest matching events' actors and recipients are read from their records' JSON by
the database and counted there (per node, per actor-recipient pair and quad), so that only
the busiest nodes and the edges between them come back, not a thousand events' actors
decoded and counted in Python (api/summaries.network, the straightforward computation this
gives the same answer as, is what the server falls back to: see network()).
"""

from __future__ import annotations

from collections import defaultdict

from .query import ORDERS, QueryError
from .timeline import COUNTS

# An entity's n, its place in the order summaries.network meets them (newest event first,
# actors before recipients, in list order): (pos * 2 + role) * _SPAN + its index (no list of
# an event holds as many entities).
_SPAN = 100_000


def network(store, filters: dict, limit: int, max_nodes: int, count: str) -> dict | None:
    """As summaries.network(store.network_events(limit, **filters), max_nodes, count), or
    None when the database cannot tell names apart as Python does (a PostgreSQL store
    with unresolved names that are not ASCII: lower() is not str.casefold)."""
    if count not in COUNTS:
        raise QueryError(f"unknown count {count!r}; use one of {', '.join(COUNTS)}")
    sql, params = network_sql(store, filters, limit, count)
    nodes, edges, sampled, inexact = {}, defaultdict(dict), 0, 0
    for tag, a, b, c, d, e, n, first in store._fetch_tuples(sql, params + [max_nodes]):
        if tag == "node":
            nodes[a] = {"id": a, "actor_id": b, "name": c, "country": d, "kind": e, "events": n}
        elif tag == "edge":
            edges[a, b][c] = (first, n)  # (first: the pair's first event with this quad)
        else:
            sampled, inexact = n, first
    if inexact:
        return None
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
    ('page', ..., events, unresolved names not case-folded as Python does); the last
    parameter is the number of nodes kept."""
    d = store.dialect
    page, params = store._page_sql(
        f"e.seq, e.id, e.quad, e.record, ROW_NUMBER() OVER (ORDER BY {ORDERS['-date']}) AS pos",
        limit,
        0,
        "-date",
        filters,
        seq_first=True,
    )
    sides = []
    for role, key in ((0, "actor"), (1, "recipient")):
        item, idx, value = d.json_elements("p.record", key, "j")
        sides.append(
            f"SELECT p.pos, p.quad, p.unit, {role} AS role, (p.pos * 2 + {role}) * {_SPAN} + {idx} AS n, "
            f"{value} AS entity FROM page p, {item}"
        )

    def field(key: str) -> str:
        return d.json_text("w.entity", key)

    # summaries.node_key: resolved actors by id, the others by their case-folded name (an
    # entity's fields are read from its JSON only where needed: each reading costs)
    name = "COALESCE(" + field("name") + ", '')"
    node = f"COALESCE(NULLIF({field('id')}, ''), 'name:' || {d.casefold(name)})"
    # Counting clusters, each node and edge counts the clusters of its events once each
    # (an event outside any cluster is its own unit).
    degree = "COUNT(DISTINCT w.unit)" if count == "clusters" else "COUNT(*)"
    pairs = "COUNT(DISTINCT a.unit)" if count == "clusters" else "COUNT(*)"
    return (
        # (each event's cluster from cluster_reports, kept with cluster_members: by seq)
        f"WITH page AS MATERIALIZED (SELECT p.pos, p.quad, p.record, COALESCE(k.cluster_id, p.id) AS unit "
        f" FROM ({page}) p LEFT JOIN cluster_reports k ON k.seq = p.seq), "
        f"who AS MATERIALIZED (SELECT w.*, {node} AS node "
        f"FROM ({' UNION ALL '.join(sides)}) w), "
        f"kept AS MATERIALIZED (SELECT w.node, {degree} AS degree, MIN(w.n) AS first FROM who w "
        "GROUP BY w.node ORDER BY degree DESC, first LIMIT ?) "
        f"SELECT 'node' AS tag, w.node, {', '.join(map(field, ('id', 'name', 'country', 'kind')))}, "
        "k.degree, k.first "
        "FROM kept k JOIN who w ON w.n = k.first "
        f"UNION ALL SELECT 'edge', a.node, r.node, a.quad, NULL, NULL, {pairs}, MIN(a.pos) "
        "FROM who a JOIN who r ON r.pos = a.pos AND r.role = 1 "
        "WHERE a.role = 0 AND a.node <> r.node AND a.node IN (SELECT node FROM kept) "
        "AND r.node IN (SELECT node FROM kept) GROUP BY a.node, r.node, a.quad "
        "UNION ALL SELECT 'page', NULL, NULL, NULL, NULL, NULL, (SELECT COUNT(*) FROM page), "
        # (a resolved id that begins so is checked for nothing: the check only calls for Python)
        f"(SELECT COUNT(*) FROM who w WHERE w.node LIKE 'name:%' AND {d.not_casefolded(field('name'))})",
        params,
    )
