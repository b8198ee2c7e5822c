"""What the API's answers hold, for the OpenAPI document (/openapi.json).

The routes send the store's dicts as they are (orjson, no validation on the way out); these
models only describe them, and schemathesis (tests/test_schemathesis.py) checks the answers
of a real server against them. Fields beyond those named here may appear (a later version
of the contract adds them); a field named here is always there, `null` where it says so.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

from ..model import EVENT_TYPES, MODALITIES, QUADS

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Quad = Literal[tuple(sorted(set(QUADS.values())))]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
Span = list[int]


# ---------------------------------------------------------------- the one error shape


class ErrorDetail(BaseModel):
    status: int = Field(description="the HTTP status, again")
    message: str = Field(description="what went wrong and what to do next")


class ErrorBody(BaseModel):
    """Every error the API answers, whatever its status."""

    error: ErrorDetail


# ---------------------------------------------------------------- the event record


class Entity(BaseModel):
    name: str = Field(description="canonical name")
    text: str = Field(description="as written")
    span: Span
    kind: Optional[str] = Field(description="person, organization, state or group")
    country: Optional[str]
    sector: Optional[str]
    org: Optional[str]
    title: Optional[str]
    id: Optional[str] = Field(description="the resolved actor's stable id, or null")


class Place(BaseModel):
    name: str
    text: Optional[str]
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country_code: Optional[str] = Field(description="ISO 3166 alpha-3")
    admin1: Optional[str]
    feature: Optional[str] = Field(description="city, admin1, country or region")


class Trigger(BaseModel):
    text: str
    span: Optional[Span] = None


class Mention(BaseModel):
    text: str
    span: Span


class EventRecord(BaseModel):
    """The event record of the contract (DESIGN.md), as `dragoman extract` writes it."""

    id: str
    doc_id: str
    event: EventType
    mode: Optional[str]
    context: list[str]
    quad: Quad
    cameo: Optional[str]
    actor: list[Entity]
    recipient: list[Entity]
    date: Optional[str] = Field(description="YYYY-MM-DD, YYYY-MM or YYYY: when it happened")
    date_text: Optional[str]
    date_precision: Optional[str] = None
    date_end: Optional[str] = None
    location: Optional[Place]
    modality: Modality
    text: str = Field(description="the sentence")
    span: Span
    trigger: Trigger
    confidence: float
    mentions: list[Mention] = Field(default=[], description="other sentences reporting it")


class EventPage(BaseModel):
    events: list[EventRecord]
    total: int
    total_is_lower_bound: bool
    limit: int
    offset: int
    next: Optional[str] = Field(description="pass as `cursor` for the next page; null at the end")


# ---------------------------------------------------------------- clusters


class ClusterCounts(BaseModel):
    id: str
    articles: int
    sources: int
    mentions: int
    first_reported: Optional[str]
    last_reported: Optional[str]


class ClusterSummary(ClusterCounts):
    """A cluster (the reports of one happening) with its representative record; the store may
    add fields (type, dates, countries)."""


class ClusterPage(BaseModel):
    clusters: list[ClusterSummary]
    limit: int
    offset: int
    next: Optional[int] = Field(description="the offset of the next page; null at the end")


class ClusterDetail(ClusterCounts):
    """A cluster with each of its reports (record, article, and why it was linked)."""

    reports: list[dict] = Field(default=[], description="each report with its record and article")


# ---------------------------------------------------------------- actors


class Actor(BaseModel):
    id: str
    name: str
    kind: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    org: Optional[str]
    title: Optional[str]
    mentions: int
    events: int


class ActorPage(BaseModel):
    actors: list[Actor]
    limit: int
    offset: int


class Counterpart(BaseModel):
    id: Optional[str]
    name: Optional[str]
    country: Optional[str]
    count: int


class ActorDetail(Actor):
    as_actor: list[EventRecord]
    as_recipient: list[EventRecord]
    counterparts: list[Counterpart]


# ---------------------------------------------------------------- documents


class Passage(BaseModel):
    start: int
    end: int
    lang: Optional[str]
    boilerplate: bool


class Sentence(BaseModel):
    start: int
    end: int
    text: str


class StoredDocument(BaseModel):
    id: str
    content_hash: str
    text: str
    date: Optional[str]
    date_source: Optional[str]
    url: Optional[str]
    title: Optional[str]
    source: Optional[str]
    language: Optional[str]
    origin: Optional[str]
    ingested_at: str
    warnings: list[str]
    passages: list[Passage]
    sentences: list[Sentence]
    entities: list[Entity]
    events: list[EventRecord]


class DocumentIn(BaseModel):
    """A document to ingest: the fields of the .json input (news-please's names too)."""

    text: Optional[str] = Field(None, description="the article text (or `maintext`)")
    maintext: Optional[str] = None
    id: Optional[str | int] = Field(None, description="default: a hash of the text")
    dId: Optional[str | int] = None
    date: Optional[str | float] = Field(None, description="YYYY-MM-DD; default: from the text")
    date_publish: Optional[str | float] = None
    url: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    source_domain: Optional[str] = None
    language: Optional[str] = None


def documents_body() -> dict:
    """The OpenAPI request body of POST /api/documents: one document, a list of them, or
    {"documents": [...]}. (The route reads the body itself: a document that cannot be used
    is an error of its own, not of the request.)"""
    document = DocumentIn.model_json_schema()
    document["anyOf"] = [{"required": ["text"]}, {"required": ["maintext"]}]
    listed = {"type": "array", "items": document, "minItems": 1, "maxItems": 1000}
    wrapped = {"type": "object", "properties": {"documents": listed}, "required": ["documents"]}
    return {
        "required": True,
        "content": {"application/json": {"schema": {"anyOf": [document, listed, wrapped]}}},
    }


class Stored(BaseModel):
    index: int = Field(description="its place in the request, from 0")
    status: Literal["stored", "unchanged"]
    id: str
    warnings: list[str]
    events: list[EventRecord]


class Failed(BaseModel):
    index: int
    status: Literal["error"]
    source: str = Field(description="request[INDEX]")
    id: Optional[str] = None
    error: ErrorDetail = Field(
        description="422: the document cannot be used (the message "
        "names the field); 413: over [input] "
        "max_document_bytes; 503: the store failed"
    )


class IngestResult(BaseModel):
    """One result per posted document, in order: each stored (or unchanged, the same text
    being stored already) in a transaction of its own, or not stored at all."""

    results: list[Stored | Failed]
    stored: int
    unchanged: int
    failed: int
    events: int = Field(description="events in the documents stored or unchanged")


# ---------------------------------------------------------------- statistics


class TimelineCount(BaseModel):
    period: str = Field(description="a day, a week's Monday or a month")
    key: str = Field(description="the quad or the event type")
    count: int


class Timeline(BaseModel):
    interval: Literal["day", "week", "month"]
    by: Literal["quad", "type"]
    count: Literal["events", "clusters"]  # what the counts count
    counts: list[TimelineCount]


class Node(BaseModel):
    id: str
    actor_id: Optional[str]
    name: str
    country: Optional[str]
    kind: Optional[str]
    events: int


class Edge(BaseModel):
    source: str
    target: str
    quads: dict[str, int]
    count: int


class Network(BaseModel):
    count: Literal["events", "clusters"]  # what nodes' `events` and edges' counts count
    nodes: list[Node]
    edges: list[Edge]
    sampled: int


class PlacePoint(BaseModel):
    name: str
    lat: float
    lon: float
    country: Optional[str]
    feature: Optional[str]
    count: int
    quads: dict[str, int]


class Places(BaseModel):
    places: list[PlacePoint]
    sampled: int


class Health(BaseModel):
    status: Literal["ok"]
    writable: bool
    documents: int
    events: int
    actors: int
    mentions: int
    sentences: int
    schema_version: Optional[int]
