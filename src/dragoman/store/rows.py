"""A processed Document as table rows: pure functions, shared by every backend."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone

from ..model import Document, Entity, Event


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def name_key(name: str) -> str:
    """The form names are matched in: case-folded, so substring search ignores case."""
    return (name or "").casefold()


def document_row(doc: Document) -> dict:
    return {
        "id": doc.id,
        "content_hash": doc.content_hash,
        "text": doc.text,
        "date": doc.date,
        "date_source": doc.date_source,
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "language": doc.language,
        "origin": doc.origin,
        "warnings": json.dumps(list(doc.warnings)),
        "ingested_at": now(),
    }


def passage_rows(doc: Document) -> list[dict]:
    return [
        {
            "doc_id": doc.id,
            "idx": i,
            "start_char": p.start,
            "end_char": p.end,
            "lang": p.lang,
            "boilerplate": bool(p.boilerplate),
        }
        for i, p in enumerate(doc.passages)
    ]


def sentence_rows(doc: Document) -> list[dict]:
    return [
        {"doc_id": doc.id, "idx": i, "start_char": s.start, "end_char": s.end, "text": s.text}
        for i, s in enumerate(doc.sentences)
    ]


def mention_rows(doc: Document) -> list[dict]:
    return [
        {
            "doc_id": doc.id,
            "idx": i,
            "actor_id": e.id,
            "name": e.name,
            "text": e.text,
            "start_char": e.span[0],
            "end_char": e.span[1],
            "kind": e.kind,
            "country": e.country,
            "sector": e.sector,
            "org": e.org,
            "title": e.title,
        }
        for i, e in enumerate(doc.entities)
    ]


def _with_members(entities: list[Entity]) -> list[Entity]:
    # A group ("China and Russia") stands for its members too: a country or actor
    # filter must find the event through any of them.
    out = []
    for entity in entities:
        out.append(entity)
        out.extend(_with_members(entity.members))
    return out


def _event_entities(doc: Document) -> list[Entity]:
    return [e for ev in doc.events for e in _with_members(ev.actor + ev.recipient)]


def actor_rows(doc: Document) -> list[dict]:
    """One row per resolved actor (entity with an id) in the document; last one wins."""
    actors = {}
    for e in _with_members(doc.entities) + _event_entities(doc):
        if e.id:
            actors[e.id] = {
                "id": e.id,
                "name": e.name,
                "name_key": name_key(e.name),
                "kind": e.kind,
                "country": e.country,
                "sector": e.sector,
                "org": e.org,
                "title": e.title,
            }
    return list(actors.values())


def unique_events(doc: Document) -> list[Event]:
    """The document's events, without repeats of the same id (the id is the identity)."""
    seen, out = set(), []
    for ev in doc.events:
        if ev.id not in seen:
            seen.add(ev.id)
            out.append(ev)
    return out


def event_row(record: dict) -> dict:
    loc = record.get("location") or {}
    return {
        "id": record["id"],
        "doc_id": record["doc_id"],
        "event": record["event"],
        "quad": record["quad"],
        "cameo": record["cameo"],
        "mode": record["mode"],
        "date": record["date"],
        "modality": record["modality"],
        "location_name": loc.get("name"),
        "location_country": loc.get("country_code"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "text": record["text"],
        "confidence": record["confidence"],
        "lang": event_lang(record),
        "record": json.dumps(record, ensure_ascii=False),
    }


def event_lang(record: dict) -> str:
    """The record's language (records made without one, as benchmarks/serve_latency.py's,
    are English)."""
    return record.get("lang") or "en"


# The event columns a count table may be keyed by (the others key by a link column).
EVENT_KEYS = {"lang": event_lang}


def link_rows(event: Event) -> list[dict]:
    rows, seen = [], set()
    for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
        for e in _with_members(entities):
            key = (role, e.id or name_key(e.name), e.country)
            if key not in seen:
                seen.add(key)
                rows.append(
                    {
                        "event_id": event.id,
                        "role": role,
                        "actor_id": e.id,
                        "name": e.name,
                        "name_key": name_key(e.name),
                        "country": e.country,
                    }
                )
    return rows


def node_key(entity: dict) -> str:
    """The actor network's node of a record's entity: resolved actors by id, the others by
    their case-folded name, so "protesters" is one node."""
    return entity.get("id") or "name:" + name_key(entity.get("name"))


def entity_rows(seq: int, actor: list[dict], recipient: list[dict]) -> list[tuple]:
    """record_entities rows of a stored event (its seq, its record's actor and recipient
    lists): (seq, role, idx, node, actor_id, name, country, kind) per entity as the record
    lists it, role 0 for an actor, 1 for a recipient; members not apart, repeats kept (the
    network counts what the record says)."""
    return [
        (seq, role, idx, node_key(e), e.get("id"), e.get("name"), e.get("country"), e.get("kind"))
        for role, entities in enumerate((actor, recipient))
        for idx, e in enumerate(entities)
    ]


def daily_counts(
    records: list[dict], links: list[dict], tables: dict[str, tuple[str, ...]]
) -> dict[str, Counter]:
    """Dated events counted per count table's key: (*extra, date, event, quad) -> n.

    A table with no extra column counts each event once, as does one keyed by a column of
    the event itself (EVENT_KEYS: lang); one keyed by a link column (actor_id, country)
    counts each event once per distinct value on its links.
    """
    dated = {r["id"]: (r["date"], r["event"], r["quad"]) for r in records if r["date"]}
    out = {}
    for table, extra in tables.items():
        if not extra:
            out[table] = Counter(dated.values())
            continue
        if all(c in EVENT_KEYS for c in extra):
            out[table] = Counter(
                tuple(EVENT_KEYS[c](r) for c in extra) + dated[r["id"]] for r in records if r["id"] in dated
            )
            continue
        pairs = {
            (tuple(link[c] for c in extra), link["event_id"])
            for link in links
            if link["event_id"] in dated and all(link[c] for c in extra)
        }
        out[table] = Counter(key + dated[event_id] for key, event_id in pairs)
    return out
