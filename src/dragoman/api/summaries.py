"""Aggregates the page draws, computed from event records (no SQL of their own)."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..store.query import QueryError
from ..store.rows import node_key
from ..store.timeline import COUNTS


def network(events: list[dict], max_nodes: int, count: str = "events") -> dict:
    """The busiest actors and the events between them, per quad; with count="clusters",
    each node and edge counts the clusters (happenings) of its events, each once."""
    if count not in COUNTS:
        raise QueryError(f"unknown count {count!r}; use one of {', '.join(COUNTS)}")
    nodes, degree = {}, Counter()
    edges: dict[tuple[str, str], Counter] = defaultdict(Counter)
    seen = set()

    def first(*key) -> bool:  # (counting events: every occurrence counts)
        if count != "clusters":
            return True
        if key in seen:
            return False
        seen.add(key)
        return True

    for ev in events:
        unit = (ev.get("cluster") or {}).get("id") or ev["id"]
        for who in ev["actor"] + ev["recipient"]:
            key = node_key(who)
            nodes.setdefault(
                key,
                {
                    "id": key,
                    "actor_id": who.get("id"),
                    "name": who["name"],
                    "country": who.get("country"),
                    "kind": who.get("kind"),
                },
            )
            if first("node", key, unit):
                degree[key] += 1
        for a in ev["actor"]:
            for r in ev["recipient"]:
                pair = (node_key(a), node_key(r))
                if pair[0] != pair[1] and first("edge", *pair, ev["quad"], unit):
                    edges[pair][ev["quad"]] += 1
    kept = {key for key, _ in degree.most_common(max_nodes)}
    return {
        "count": count,
        "nodes": [{**nodes[k], "events": degree[k]} for k in sorted(kept)],
        "edges": [
            {"source": s, "target": t, "quads": dict(c), "count": sum(c.values())}
            for (s, t), c in sorted(edges.items())
            if s in kept and t in kept
        ],
        "sampled": len(events),
    }


def places(events: list[dict]) -> list[dict]:
    """One point per located place, with how many of the events happened there."""
    found: dict[tuple, dict] = {}
    for ev in events:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        key = (loc.get("geonameid"), loc["name"], loc["lat"], loc["lon"])
        point = found.setdefault(
            key,
            {
                "name": loc["name"],
                "lat": loc["lat"],
                "lon": loc["lon"],
                "country": loc.get("country_code"),
                "feature": loc.get("feature"),
                "count": 0,
                "quads": Counter(),
            },
        )
        point["count"] += 1
        point["quads"][ev["quad"]] += 1
    return sorted(
        ({**p, "quads": dict(p["quads"])} for p in found.values()), key=lambda p: (-p["count"], p["name"])
    )
