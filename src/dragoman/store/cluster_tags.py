"""What a cluster's reports are, in one column: the tags a listing's walk reads.

Listing clusters under a filter that many events match walks the clusters in the
listing's order and probes each for a matching report (cluster_reads.py): at 1M events a
country and a type that 1 cluster in 100 matches cost ~5,000 probes of three index
look-ups each. Each cluster keeps `tags`, " t:CONSULT q:VC c:FRA a:b-00007 ... ": the
types, quads, countries and actor ids of its reports, so the walk skips, on the row it
reads anyway, the clusters no report of which has them; the probe then checks that one
report has them all (a cluster may have a French report and a CONSULT one that is not
French). Kept by clusters.recount with the clusters' counts (migration 13 fills it).
"""

from __future__ import annotations

from .backend import chunks, marks
from .query import EventFilter, check_quad, check_type, like_escape


def tags_of(store, cluster_ids) -> dict[str, str]:
    """Each cluster's tags, as stored: space-separated, with a space at each end."""
    tags: dict[str, set[str]] = {}
    for chunk in chunks(sorted(set(cluster_ids))):
        for cid, event, quad, actor_id, country in store._fetch_tuples(
            "SELECT m.cluster_id, e.event, e.quad, l.actor_id, l.country FROM cluster_members m "
            "JOIN events e ON e.id = m.event_id LEFT JOIN event_actors l ON l.event_id = m.event_id "
            f"WHERE m.cluster_id IN ({marks(chunk)})",
            chunk,
        ):
            found = tags.setdefault(cid, set())
            found |= {f"t:{event}", f"q:{quad}"}
            found |= {f"a:{actor_id}"} if actor_id else set()
            found |= {f"c:{country}"} if country else set()
    return {cid: " " + " ".join(sorted(found)) + " " for cid, found in tags.items()}


def retag(store, batch: int = 5000) -> None:
    """Tag every cluster (migration 13)."""
    last = ""
    while True:
        ids = [
            r[0]
            for r in store._fetch_tuples(
                "SELECT id FROM clusters WHERE id > ? ORDER BY id LIMIT ?", [last, batch]
            )
        ]
        if not ids:
            return
        tags = tags_of(store, ids)
        store._executemany(
            "UPDATE clusters SET tags = ? WHERE id = ?", [(t, cid) for cid, t in sorted(tags.items())]
        )
        last = ids[-1]


def tag_clause(flt: EventFilter, alias: str = "c") -> tuple[str, list]:
    """A clause that the clusters with a report matching this (planned) filter meet:
    "" when no filter it has is tagged."""
    wanted = []
    if flt.type:
        wanted.append(f"t:{check_type(flt.type)}")
    if flt.quad:
        wanted.append(f"q:{check_quad(flt.quad)}")
    if flt.country:
        wanted.append(f"c:{flt.country.upper()}")
    if flt.actor and flt.actor_id:
        wanted.append(f"a:{flt.actor_id}")
    clauses = [f"{alias}.tags LIKE ? ESCAPE '\\'" for _ in wanted]
    return " AND ".join(clauses), [f"% {like_escape(tag)} %" for tag in wanted]
