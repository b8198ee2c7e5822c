"""Event clusters in the store, kept up to date as articles come and go.

Every stored event is in exactly one cluster of the records that report the same
happening (linking/clustering.py decides; linking/rules.py says why). An ingested
article's reports are linked at ingest, inside its write transaction: the blocking indexes
(migration 9) find the stored reports and articles they may link to by key and day, so nothing else
in the store is read or recomputed. Both backends run write transactions one at a time
(SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two articles about one
happening ingested at once cannot each found a cluster of their own.

A deleted (or replaced) article leaves its clusters, which split where it held them
together; the biggest part keeps the cluster's id.

    link_document(store, doc)      after the document's rows are written (Store.ingest)
    unlink_document(store, doc_id) before they are deleted (Store.ingest, Store.delete)
    relink(store)                  links the events of a store made before migration 9
    rekey(store)                   indexes every stored report again (new blocking keys)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from ..linking.articles import (
    STORY_NAMES,
    STORY_WINDOW,
    Article,
    article_keys,
    article_of,
    article_setting,
    compare_articles,
    TextProfile,
    text_profile,
)
from ..linking.blocking import index_queries, index_rows
from ..linking.clustering import (
    Linker,
    Plan,
    Stored,
    article_from_json,
    article_json,
    plan_links,
    report_from_json,
    report_json,
    span_of,
)
from ..linking.neardup import bands, copies
from ..linking.rules import Report, report_of
from ..model import Document
from . import cluster_counts, cluster_tags
from .rows import now, unique_events

_CHUNK = 300  # lookups per query: far below SQLite's bound-parameter limit


# ---------------------------------------------------------------- ingest


def link_document(store, doc: Document, records: list[dict] | None = None) -> None:
    """Link a document's (just inserted) events into the clusters (`records`: their
    records, if the caller made them already)."""
    if records is None:
        records = [ev.to_record() for ev in unique_events(doc)]
    link_records(store, doc.id, records, doc.text, doc.date, _source(doc.source, doc.url), doc.profile)


def link_records(
    store,
    doc_id: str,
    records: list[dict],
    text: str,
    date: str | None,
    source: str | None,
    profile: TextProfile | None = None,
) -> Plan:
    """`profile`: what linking reads of the text, if the pipeline computed it (else here)."""
    reported = date or now()[:10]
    profile = profile or text_profile(text or "")
    sig = list(profile.signature) if profile.signature is not None else None
    sig_bands = bands(sig) if sig is not None else []
    near = _copies(store, sig, sig_bands, doc_id)
    article = article_of(doc_id, records, reported, terms=profile.names)
    setting = article_setting(records)
    reports = [report_of(r, reported, frozenset(near), setting) for r in records]
    stories = _stories(store, article)
    found, found_for = _found(store, reports, stories)
    plan = plan_links(reports, found, stories, found_for, lambda ids: _cluster_info(store, ids))
    origin = _origin(store, near) or source or doc_id
    _save_document(store, doc_id, reported, origin, near, article, sig, sig_bands)
    _apply(store, reports, plan)
    return plan


def _source(source: str | None, url: str | None) -> str | None:
    return source or (urlsplit(url).hostname if url else None)


def _copies(store, sig: list[int] | None, sig_bands: list[str], doc_id: str) -> dict[str, float]:
    if sig is None:
        return {}
    docs = _keyed(store, "cluster_doc_keys", "doc_id", [(f"b:{b}", 0, 0) for b in sig_bands])
    docs.discard(doc_id)
    found = _rows_in(
        store,
        "SELECT doc_id, signature FROM cluster_docs WHERE signature IS NOT NULL AND doc_id IN ({})",
        sorted(docs),
    )
    return copies(sig, {r["doc_id"]: json.loads(r["signature"]) for r in found})


def _origin(store, near: dict[str, float]) -> str | None:
    """A copy counts as the source of its closest original."""
    if not near:
        return None
    closest = max(near, key=lambda d: (near[d], d))
    found = store._fetch("SELECT origin FROM cluster_docs WHERE doc_id = ?", [closest])
    return found[0]["origin"] if found else None


def may_tell_one_story(shared: set[str]) -> bool:
    """Whether two articles that share these keys (articles.article_keys, over the story
    window) may tell one story: compare_articles needs two names and a country, two
    countries, or STORY_NAMES of their texts' names at least. At 1M events the key of a
    country alone finds every article of the five days (~140), and a frequent actor's most;
    only those that pass are read and compared (tests/test_linking.py checks the bound)."""
    countries = sum(key.startswith("c:") for key in shared)
    terms = sum(key.startswith("t:") for key in shared)
    names = len(shared) - countries - terms
    return (names >= 2 and countries >= 1) or countries >= 2 or terms >= STORY_NAMES


def _stories(store, article: Article) -> dict:
    if article.day is None:
        return {}
    queries = [(key, article.day - STORY_WINDOW, article.day + STORY_WINDOW) for key in article_keys(article)]
    docs = _keyed(store, "cluster_doc_keys", "doc_id", queries, may_tell_one_story)
    docs.discard(article.doc_id)
    found = _rows_in(
        store, "SELECT article FROM cluster_docs WHERE article IS NOT NULL AND doc_id IN ({})", sorted(docs)
    )
    verdicts = {}
    for row in found:
        other = article_from_json(row["article"])
        verdict = compare_articles(article, other)
        if verdict.linked:
            verdicts[other.doc_id] = verdict
    return verdicts


def _found(store, reports: list[Report], stories: dict) -> tuple[list[Stored], dict[str, set[str]]]:
    """The stored reports the new ones may link to, and which each new report's own
    lookups found."""
    asked = {r.id: index_queries(r) for r in reports}
    hits = _keyed_by_query(
        store, "cluster_keys", "event_id", sorted({q for qs in asked.values() for q in qs})
    )
    found_for = {r.id: {e for q in asked[r.id] for e in hits.get(q, ())} for r in reports}
    ids = {e for found in hits.values() for e in found}
    read = (
        "SELECT event_id, cluster_id, report FROM cluster_members WHERE report IS NOT NULL AND {} IN ({{}})"
    )
    found = _rows_in(store, read.format("doc_id"), sorted(stories))  # (their reports all)
    ids -= {r["event_id"] for r in found}
    found = sorted(found + _rows_in(store, read.format("event_id"), sorted(ids)), key=lambda r: r["event_id"])
    return [Stored(report_from_json(r["report"]), r["cluster_id"]) for r in found], found_for


def _cluster_info(store, cluster_ids: set[str]) -> dict[str, tuple[int, tuple[int, int] | None]]:
    """The size and span of these clusters (plan_links asks for those it links to only)."""
    return {
        r["id"]: (r["mentions"], (r["first_day"], r["last_day"]) if r["first_day"] is not None else None)
        for r in _rows_in(
            store,
            "SELECT id, mentions, first_day, last_day FROM clusters WHERE id IN ({})",
            sorted(cluster_ids),
        )
    }


def _keyed_by_query(store, table: str, column: str, queries: list[tuple[str, int, int]]) -> dict:
    """What an index table holds under each of these (key, first day, last day). The
    queries of one range of days go in one statement (an article's story keys all share
    theirs, its bands too, a report's by date class): one index walk per key, and no
    table of the queries to build and join."""
    out: dict[tuple, set[str]] = {}
    ranges: dict[tuple[int, int], list[str]] = {}
    for key, lo, hi in queries:
        ranges.setdefault((lo, hi), []).append(key)
    for (lo, hi), keys in ranges.items():
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            found = store._fetch_tuples(
                f"SELECT key, {column} FROM {table} WHERE key IN ({', '.join('?' for _ in chunk)}) "
                "AND day BETWEEN ? AND ?",
                [*chunk, lo, hi],
            )
            for key, value in found:
                out.setdefault((key, lo, hi), set()).add(value)
    return out


def _keyed(
    store, table: str, column: str, queries: list[tuple[str, int, int]], keep: Callable | None = None
) -> set[str]:
    """What an index table holds under any of these (key, first day, last day); only what
    `keep` says yes to, given the keys it was found under, when given."""
    hits: dict[str, set[str]] = {}
    for (key, _, _), values in _keyed_by_query(store, table, column, queries).items():
        for value in values:
            hits.setdefault(value, set()).add(key)
    return {value for value, keys in hits.items() if keep is None or keep(keys)}


def _rows_in(store, sql: str, ids: list[str]) -> list[dict]:
    out = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        out += store._fetch(sql.format(", ".join("?" for _ in chunk)), chunk)
    return out


def _save_document(
    store,
    doc_id: str,
    reported: str,
    origin: str,
    near: dict,
    article: Article,
    sig: list[int] | None,
    sig_bands: list[str],
) -> None:
    store._execute("DELETE FROM cluster_docs WHERE doc_id = ?", [doc_id])
    store._insert(
        "cluster_docs",
        [
            {
                "doc_id": doc_id,
                "reported": reported,
                "origin": origin,
                "copies": json.dumps(sorted(near)),
                "article": article_json(article),
                "signature": json.dumps(sig) if sig is not None else None,
            }
        ],
    )
    keys = [(key, article.day, doc_id) for key in article_keys(article) if article.day is not None]
    keys += [(f"b:{b}", 0, doc_id) for b in sig_bands]
    _insert_keys(store, "cluster_doc_keys", "doc_id", keys)


def _insert_keys(store, table: str, column: str, rows: list[tuple]) -> None:
    if rows:
        store._executemany(
            f"INSERT INTO {table} (key, day, {column}) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            sorted(set(rows)),
        )


def _apply(store, reports: list[Report], plan: Plan) -> None:
    counted = cluster_counts.counted(  # (as they were)
        store, set(plan.merged) | set(plan.clusters.values()), joining=reports[0].doc_id if reports else None
    )
    for absorbed, survivor in sorted(plan.merged.items()):
        store._execute("UPDATE cluster_members SET cluster_id = ? WHERE cluster_id = ?", [survivor, absorbed])
        store._execute("DELETE FROM clusters WHERE id = ?", [absorbed])
    store._executemany("DELETE FROM cluster_members WHERE event_id = ?", [(r.id,) for r in reports])
    store._insert(
        "cluster_members",
        [
            {
                "event_id": r.id,
                "cluster_id": plan.clusters[r.id],
                "doc_id": r.doc_id,
                **dict(zip(("first_day", "last_day"), span_of(r) or (None, None))),
                "linked_to": plan.links.get(r.id, (None,))[0],
                "why": json.dumps(list(plan.links[r.id][1])) if r.id in plan.links else None,
                "report": report_json(r),
            }
            for r in reports
        ],
    )
    _insert_keys(
        store, "cluster_keys", "event_id", [(key, day, r.id) for r in reports for key, day in index_rows(r)]
    )
    recount(store, set(plan.clusters.values()))
    cluster_counts.change(store, counted, set(plan.clusters.values()))


def rekey(store, batch: int = 5000) -> None:
    """Index every stored report again under the blocking keys (migration 12, or after
    linking/blocking.py changes its keys): the old keys go, each report's are made from
    its stored form."""
    store._execute("DELETE FROM cluster_keys")
    last = ""
    while True:
        rows = store._fetch(
            "SELECT event_id, report FROM cluster_members WHERE event_id > ? AND report IS NOT NULL "
            "ORDER BY event_id LIMIT ?",
            [last, batch],
        )
        if not rows:
            return
        keys = [
            (key, day, r["event_id"]) for r in rows for key, day in index_rows(report_from_json(r["report"]))
        ]
        _insert_keys(store, "cluster_keys", "event_id", keys)
        last = rows[-1]["event_id"]


# ---------------------------------------------------------------- counts


def recount(store, cluster_ids: Iterable[str]) -> None:
    """Count each cluster's articles, sources, mentions and dates again, choose its
    representative (the first report of its earliest article), and drop it if empty."""
    ids = sorted(set(cluster_ids))
    counts = {
        r["cluster_id"]: r
        for r in _rows_in(
            store,
            "SELECT m.cluster_id, COUNT(*) AS mentions, COUNT(DISTINCT m.doc_id) AS articles, "
            "COUNT(DISTINCT d.origin) AS sources, MIN(d.reported) AS first_reported, "
            "MAX(d.reported) AS last_reported, MIN(m.first_day) AS first_day, "
            "MAX(m.last_day) AS last_day FROM cluster_members m JOIN cluster_docs d "
            "ON d.doc_id = m.doc_id WHERE m.cluster_id IN ({}) GROUP BY m.cluster_id",
            ids,
        )
    }
    store._executemany("DELETE FROM clusters WHERE id = ?", [(cid,) for cid in ids if cid not in counts])
    tags = cluster_tags.tags_of(store, counts)
    rows = []
    for cid, c in counts.items():
        first = store._fetch(
            "SELECT e.id, e.event, e.date FROM cluster_members m JOIN cluster_docs d ON "
            "d.doc_id = m.doc_id JOIN events e ON e.id = m.event_id WHERE m.cluster_id = ? "
            "ORDER BY d.reported, m.doc_id, e.seq LIMIT 1",
            [cid],
        )[0]
        rows.append(
            (
                cid,
                first["event"],
                first["id"],
                first["date"],
                c["first_day"],
                c["last_day"],
                c["articles"],
                c["sources"],
                c["mentions"],
                c["first_reported"],
                c["last_reported"],
                tags.get(cid),
            )
        )
    if rows:
        cols = (
            "id",
            "event",
            "representative",
            "date",
            "first_day",
            "last_day",
            "articles",
            "sources",
            "mentions",
            "first_reported",
            "last_reported",
            "tags",
        )
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        store._executemany(
            f"INSERT INTO clusters ({', '.join(cols)}) VALUES "
            f"({', '.join('?' for _ in cols)}) ON CONFLICT (id) DO UPDATE "
            f"SET {updates}",
            rows,
        )


# ---------------------------------------------------------------- delete


def unlink_document(store, doc_id: str) -> None:
    """Take a document's events out of their clusters (before its rows are deleted);
    clusters it alone held together split."""
    members = store._fetch(
        "SELECT event_id, cluster_id, report FROM cluster_members WHERE doc_id = ?", [doc_id]
    )
    counted = cluster_counts.counted(store, {m["cluster_id"] for m in members})  # (as they were)
    keys = [
        (key, day, m["event_id"])
        for m in members
        if m["report"]
        for key, day in index_rows(report_from_json(m["report"]))
    ]
    store._executemany("DELETE FROM cluster_keys WHERE key = ? AND day = ? AND event_id = ?", keys)
    store._execute("DELETE FROM cluster_members WHERE doc_id = ?", [doc_id])
    found = store._fetch("SELECT article, signature FROM cluster_docs WHERE doc_id = ?", [doc_id])
    if found:
        doc_keys = (
            [(f"b:{b}", 0) for b in bands(json.loads(found[0]["signature"]))] if found[0]["signature"] else []
        )
        article = article_from_json(found[0]["article"]) if found[0]["article"] else None
        if article and article.day is not None:
            doc_keys += [(key, article.day) for key in article_keys(article)]
        store._executemany(
            "DELETE FROM cluster_doc_keys WHERE key = ? AND day = ? AND doc_id = ?",
            [(k, d, doc_id) for k, d in doc_keys],
        )
        store._execute("DELETE FROM cluster_docs WHERE doc_id = ?", [doc_id])
    made = resplit(store, {m["cluster_id"] for m in members})
    cluster_counts.change(store, counted, made)


def resplit(store, cluster_ids: set[str]) -> set[str]:
    """Cluster the remaining members of these clusters again, from their reports alone
    (as if their articles arrived anew); the biggest part keeps the id. Returns the ids
    of the clusters they now make."""
    made = set()
    for cid in sorted(cluster_ids):
        members = store._fetch(
            "SELECT m.event_id, m.doc_id, m.report, d.article FROM "
            "cluster_members m JOIN cluster_docs d ON d.doc_id = m.doc_id "
            "WHERE m.cluster_id = ? ORDER BY d.reported, m.event_id",
            [cid],
        )
        linker = Linker()
        for doc_members in _by_document(members):
            article = doc_members[0]["article"]
            linker.add(
                [report_from_json(m["report"]) for m in doc_members if m["report"]],
                article_from_json(article) if article else None,
            )
        parts = sorted(linker.members.values(), key=lambda ids: (-len(ids), min(ids)))
        for i, ids in enumerate(parts):
            new_id = cid if i == 0 else min(ids)
            store._executemany(
                "UPDATE cluster_members SET cluster_id = ?, linked_to = ?, why = ? WHERE event_id = ?",
                [(new_id, *_why(linker, rid), rid) for rid in sorted(ids)],
            )
        recount(store, {cid} | {min(ids) for ids in parts[1:]})
        made |= {cid} | {min(ids) for ids in parts[1:]}
    return made


def _by_document(members: list[dict]) -> list[list[dict]]:
    docs: dict[str, list[dict]] = {}
    for m in members:
        docs.setdefault(m["doc_id"], []).append(m)
    return list(docs.values())


def _why(linker: Linker, rid: str) -> tuple[str | None, str | None]:
    found = linker.why.get(rid)
    return (found[0], json.dumps(list(found[1]))) if found else (None, None)


# ---------------------------------------------------------------- stores made before clusters


def relink(store) -> int:
    """Link the events that are not linked yet (a store made before migration 9): their
    articles one at a time, earliest first, as if ingested anew. Returns their number."""
    docs = store._fetch("SELECT doc_id FROM cluster_docs WHERE article IS NULL ORDER BY reported, doc_id")
    for row in docs:
        with store._transaction():
            info = store._fetch(
                "SELECT text, date, source, url, ingested_at FROM documents WHERE id = ?", [row["doc_id"]]
            )[0]
            records = [
                json.loads(r["record"])
                for r in store._fetch(
                    "SELECT record FROM events WHERE doc_id = ? ORDER BY seq", [row["doc_id"]]
                )
            ]
            unlink_document(store, row["doc_id"])
            link_records(
                store,
                row["doc_id"],
                records,
                info["text"],
                info["date"] or info["ingested_at"][:10],
                _source(info["source"], info["url"]),
            )
    return len(docs)
