"""The actor network as the database worked it out before record_entities (migration 15):
from each page event's record, its JSON lists of actors and recipients unpacked and keyed
in SQL. Kept only as a reference: tests/test_store_network.py checks that store/network.py
gives the same network, as summaries.network does."""

from __future__ import annotations

from dragoman.store.network import _SPAN, network_of
from dragoman.store.query import ORDERS

# Per engine: (a FROM item of one row per element of a record's list under a key, its
# index, its value), a field of such a value as text, a case-folded text, and a condition
# true where the case-folding may differ from Python's str.casefold.
_JSON = {
    "sqlite": (
        lambda column, key, alias: (
            f"json_each({column}, '$.{key}') {alias}",
            f"{alias}.key",
            f"{alias}.value",
        ),
        lambda value, key: f"json_extract({value}, '$.{key}')",
        lambda expr: f"casefold({expr})",
        lambda expr: "0 = 1",
    ),
    "postgresql": (
        lambda column, key, alias: (
            f"json_array_elements(({column})::json -> '{key}') WITH ORDINALITY AS {alias} (value, idx)",
            f"{alias}.idx",
            f"{alias}.value",
        ),
        lambda value, key: f"({value} ->> '{key}')",
        lambda expr: f"lower({expr})",
        # lower() and casefold() agree on ASCII text (one byte per character) only.
        lambda expr: f"octet_length({expr}) <> char_length({expr})",
    ),
}


def network_from_records(store, filters: dict, limit: int, max_nodes: int, count: str) -> dict | None:
    """The network of the newest `limit` events matching the filters, read from their
    records; None where the database cannot case-fold a name as Python does (PostgreSQL's
    lower() on a name that is not ASCII)."""
    if store.dialect.name == "sqlite":  # (Python's casefold, for this connection only)
        store._conn.create_function("casefold", 1, lambda t: None if t is None else str(t).casefold())
    sql, params = _sql(store, filters, limit, count)
    rows = store._fetch_tuples(sql, params + [max_nodes])
    if any(row[0] == "page" and row[-1] for row in rows):
        return None
    return network_of(rows, count)


def _sql(store, filters: dict, limit: int, count: str) -> tuple[str, list]:
    elements, text, casefold, not_casefolded = _JSON[store.dialect.name]
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
        item, idx, value = elements("p.record", key, "j")
        sides.append(
            f"SELECT p.pos, p.quad, p.unit, {role} AS role, (p.pos * 2 + {role}) * {_SPAN} + {idx} AS n, "
            f"{value} AS entity FROM page p, {item}"
        )

    def field(key: str) -> str:
        return text("w.entity", key)

    name = "COALESCE(" + field("name") + ", '')"
    node = f"COALESCE(NULLIF({field('id')}, ''), 'name:' || {casefold(name)})"
    degree = "COUNT(DISTINCT w.unit)" if count == "clusters" else "COUNT(*)"
    pairs = "COUNT(DISTINCT a.unit)" if count == "clusters" else "COUNT(*)"
    return (
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
        f"(SELECT COUNT(*) FROM who w WHERE w.node LIKE 'name:%' AND {not_casefolded(field('name'))})",
        params,
    )
