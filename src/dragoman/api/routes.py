"""The API's routes: thin views over the store's public methods.

The event filters are dragoman.filters' (parameters.py declares them); the store checks
their values and raises QueryError, which the API answers with a 400. The app (app.py)
includes this router; nothing here imports the app.
"""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response

from ..web import static_dir
from . import ingest, schemas
from .errors import ApiError
from .paging import decode_cursor, encode_cursor
from .parameters import (
    MAX_OFFSET,
    ClusterOrder,
    Count,
    Filters,
    Interval,
    Limit,
    Offset,
    Order,
    TimelineKey,
)
from .service import service_of
from .summaries import places


def errors(*statuses: int) -> dict:
    """The OpenAPI `responses` of these error statuses: each the one error shape."""
    return {status: {"model": schemas.ErrorBody, "description": ERRORS[status]} for status in statuses}


ERRORS = {
    400: "a parameter value the store cannot use (the message names the values to use), "
    "a malformed cursor, a Host the server does not answer to",
    401: "no token (POST needs `Authorization: Bearer TOKEN`)",
    403: "a wrong token, or a read-only server",
    404: "no such item",
    413: "a body over --max-body, or over 1,000 documents",
    422: "a parameter out of its range or of the wrong type",
    503: "the query ran past the server's time limit, or the store failed",
}
# Every route may answer these: a refused Host (400), a store that fails (503).
router = APIRouter(responses=errors(400, 422, 503))
# Counting every match of a broad filter in a big store takes seconds; past this many
# (beyond the current page) the total is reported as a lower bound.
TOTAL_CAP = 10_000


class FastJSON(JSONResponse):
    """JSON written by orjson directly: the store's records are plain dicts already, and
    FastAPI's generic encoder walking 1,000 of them costs more than the query (the json
    module takes 80 ms over the 58,000 rows of a daily timeline by type; orjson 6 ms).
    (A JSONResponse, so that the OpenAPI document gives the route's response model.)"""

    def render(self, content) -> bytes:
        return orjson.dumps(content)


def item_route(path: str, tag: str, model):
    """The decorator of a route that answers one item by its id, or a 404."""
    return router.get(path, tags=[tag], response_class=FastJSON, response_model=model, responses=errors(404))


def found_or_404(found: dict | None, missing: str) -> FastJSON:
    """The item looked up, or the 404 error (whose message says where to find items)."""
    if found is None:
        raise ApiError(404, missing)
    return FastJSON(found)


@router.get("/healthz", tags=["service"], response_model=schemas.Health)
def healthz(request: Request) -> dict:
    service = service_of(request)
    return {"status": "ok", "writable": service.writable, **service.store.stats()}


@router.get("/", include_in_schema=False)
def page() -> FileResponse:
    return FileResponse(str(static_dir().joinpath("index.html")), media_type="text/html")


@router.get("/api/events", tags=["events"], response_class=FastJSON, response_model=schemas.EventPage)
def list_events(
    request: Request,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
    cursor: Annotated[str | None, Query(description="the `next` of a previous page; replaces offset")] = None,
    order: Order = "date",
) -> FastJSON:
    """Events matching every filter given, as contract records, with the total count.

    The count stops past 10,000 matches (or past the next page, deep in a listing):
    `total_is_lower_bound` is then true and `total` is how many were counted.
    """
    store = service_of(request).store
    if cursor:
        offset = decode_cursor(cursor, filters, order, MAX_OFFSET)
    events = store.events(**filters, limit=limit, offset=offset, order=order)
    cap = max(TOTAL_CAP, offset + len(events) + 1)  # so that `next` is known on every page
    total = store.count_events(**filters, cap=cap)
    more = offset + len(events) < total
    after = encode_cursor(offset + len(events), filters, order) if more else None
    return FastJSON(
        {
            "events": events,
            "total": total,
            "total_is_lower_bound": total >= cap,
            "limit": limit,
            "offset": offset,
            "next": after,
        }
    )


@item_route("/api/events/{event_id}", "events", schemas.EventRecord)
def get_event(request: Request, event_id: str) -> FastJSON:
    return found_or_404(
        service_of(request).store.event(event_id), f"no event {event_id!r}; list events at /api/events"
    )


@router.get("/api/clusters", tags=["clusters"], response_class=FastJSON, response_model=schemas.ClusterPage)
def list_clusters(
    request: Request,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
    order: ClusterOrder = "-articles",
) -> FastJSON:
    """Clusters (the reports of one happening) with at least one event matching every
    filter given: each with its counts of articles, independent sources and mentions, the
    dates it was first and last reported, and its representative record. `next` is the
    offset of the next page, when this one is full."""
    clusters = service_of(request).store.clusters(**filters, limit=limit, offset=offset, order=order)
    after = offset + len(clusters) if len(clusters) == limit else None
    return FastJSON({"clusters": clusters, "limit": limit, "offset": offset, "next": after})


@item_route("/api/clusters/{cluster_id}", "clusters", schemas.ClusterDetail)
def get_cluster(request: Request, cluster_id: str) -> FastJSON:
    """A cluster with each of its reports: the record (sentence, trigger and actors with
    their spans), its article (source, date, title, url, the source it counts as) and
    the report it was linked to, with the reasons."""
    return found_or_404(
        service_of(request).store.cluster(cluster_id),
        f"no cluster {cluster_id!r}; list clusters at /api/clusters",
    )


@router.get("/api/actors", tags=["actors"], response_class=FastJSON, response_model=schemas.ActorPage)
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(description="an actor id or part of a name")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> FastJSON:
    """Resolved actors with their mention and event counts, most events first."""
    actors = service_of(request).store.actors(
        q=q or None, country=country or None, limit=limit, offset=offset
    )
    return FastJSON({"actors": actors, "limit": limit, "offset": offset})


@item_route("/api/actors/{actor_id}", "actors", schemas.ActorDetail)
def get_actor(request: Request, actor_id: str, limit: Limit = 100) -> FastJSON:
    """An actor, its events as actor and as recipient, and its counterparts."""
    return found_or_404(
        service_of(request).store.actor(actor_id, limit=limit),
        f"no actor {actor_id!r}; find actor ids at /api/actors?q=NAME",
    )


@item_route("/api/documents/{doc_id}", "documents", schemas.StoredDocument)
def get_document(request: Request, doc_id: str) -> FastJSON:
    """A stored document: text, passages with their language, entities with spans, events."""
    return found_or_404(
        service_of(request).store.document(doc_id),
        f"no document {doc_id!r}; documents are named in each event's doc_id (see /api/events)",
    )


@router.post(
    "/api/documents",
    tags=["documents"],
    status_code=200,
    response_class=FastJSON,
    response_model=schemas.IngestResult,
    responses=errors(401, 403, 413),
    openapi_extra={"requestBody": schemas.documents_body()},
)
async def post_documents(request: Request) -> FastJSON:
    """Ingest documents (a JSON object, a list of them, or {"documents": [...]}, with the
    fields of the .json input: id, text, date, url, title, source, language).

    Needs the server's token: `Authorization: Bearer TOKEN` (or `X-Dragoman-Token`).
    Each document is stored, or not at all, on its own: the answer has one result per
    document, at its index (`stored`, `unchanged`, or `error` with the error's status and
    message: 422 unusable, 413 too large, 503 the store failed). A body that is not JSON,
    nests deeper than [input] max_json_depth or holds no document is a 400.
    """
    service = service_of(request)
    ingest.check_token(service, request)
    body = await ingest.read_body(request, service.max_body_bytes)
    records = await run_in_threadpool(ingest.records_in, body, service.limits)
    items = await run_in_threadpool(ingest.documents_in, records, service.limits)
    async with service.writing:
        return FastJSON(await run_in_threadpool(ingest.ingest_documents, service, items))


@router.get("/api/stats/timeline", tags=["stats"], response_class=FastJSON, response_model=schemas.Timeline)
def timeline(
    request: Request,
    filters: Filters,
    interval: Interval = "day",
    by: TimelineKey = "quad",
    count: Count = "events",
) -> FastJSON:
    """Event counts per period and quad (or type), for charts; undated events left out.
    count=clusters counts happenings instead: each cluster once, at the date and type of
    its representative report (the record /api/clusters shows), which the type, quad and
    date filters select by; the other filters select clusters with a matching report."""
    counts = service_of(request).store.timeline_json(interval=interval, by=by, count=count, **filters)
    # The counts arrive as JSON text from the database (tens of thousands of rows for a
    # daily timeline): sent as they are, inside the same object as ever.
    head = orjson.dumps({"interval": interval, "by": by, "count": count})[:-1]
    return Response(head + b',"counts":' + counts.encode() + b"}", media_type="application/json")


@router.get("/api/stats/network", tags=["stats"], response_class=FastJSON, response_model=schemas.Network)
def actor_network(
    request: Request,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=5000, description="events to draw from, newest first")] = 1000,
    nodes: Annotated[int, Query(ge=2, le=200)] = 40,
    count: Count = "events",
) -> FastJSON:
    """Actors as nodes and events between them as edges (per quad), from matching events;
    count=clusters counts, on each node and edge, the clusters (happenings) of those
    events, each once, instead of the events."""
    store = service_of(request).store
    return FastJSON(store.actor_network(limit=limit, nodes=nodes, count=count, **filters))


@router.get("/api/stats/places", tags=["stats"], response_class=FastJSON, response_model=schemas.Places)
def event_places(
    request: Request, filters: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 1000
) -> FastJSON:
    """Where matching events happened: one point per place with its event count."""
    events = service_of(request).store.events(**filters, limit=limit, order="-date")
    return FastJSON({"places": places(events), "sampled": len(events)})
