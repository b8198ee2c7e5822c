"""The one data model that flows through the pipeline.

read → clean → annotate → actors → events → time → place → store/write

Each stage takes a Document and adds to it:
- read:     id, text, date (metadata), url, title, source, origin, warnings
- clean:    text normalised, passages (language, boilerplate)
- annotate: sentences (with their spaCy spans, transient)
- actors:   entities (mentions, resolved to actors with stable ids)
- events:   events (type, roles, modality, trigger)
- time:     date (from the text when metadata had none), event dates
- place:    event locations

Records written by `dragoman extract`, stored and served all come from
Event.to_record(): the record contract, docs/records.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .plover import EVENT_TYPES, QUADS  # noqa: F401  (imported from here by the CLI, filters, the store)

MODALITIES = ("asserted", "negated", "future", "intended", "hypothetical")


@dataclass
class Passage:
    """A line or paragraph of the text, with its language."""

    start: int
    end: int
    lang: str = "en"
    boilerplate: bool = False

    @property
    def english(self) -> bool:
        return self.lang == "en"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    span: Any = field(default=None, repr=False, compare=False)  # spaCy Span; transient
    offset: int = 0  # document offset of the spaCy doc the span belongs to
    lang: str = "en"  # the passage's language: which knowledge and rules read it


@dataclass
class Entity:
    """A mention of an actor, resolved to that actor's canonical name and codes."""

    name: str
    text: str
    span: tuple[int, int]
    kind: str = "organization"  # person | organization | state | group
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    title: str | None = None
    id: str | None = None
    members: list[Entity] = field(default_factory=list, repr=False)  # a group's resolved members
    # "the two sides": the group is only a way of naming its members, who act in its place
    stands_for_members: bool = field(default=False, repr=False)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "text": self.text,
            "span": list(self.span),
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "org": self.org,
            "title": self.title,
            "id": self.id,
        }


@dataclass
class Place:
    name: str
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str = "city"  # city | admin1 | country | region
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("span")
        return d


@dataclass
class Event:
    doc_id: str
    event: str
    text: str
    span: tuple[int, int]
    trigger: dict
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None  # day | month | year | range | duration
    date_end: str | None = None  # last day of a range ("16-17 September") or duration
    location: Place | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    mentions: list[dict] = field(default_factory=list)  # other sentences reporting the same event
    # An act named by a noun whose doer the document names elsewhere ("Japan condemned the
    # test"): the recipient, until events/document.py resolves it. Transient, never written.
    awaiting: Any = field(default=None, repr=False, compare=False)
    # Said to be an act besides others ("also thanked", "также поблагодарил"): no repeat of an
    # earlier report (mentions.py). Transient, never written.
    further: bool = field(default=False, repr=False, compare=False)
    lang: str = "en"  # language of the sentence (ISO 639-1)

    @property
    def quad(self) -> str:
        return QUADS[self.event]

    @property
    def id(self) -> str:
        key = [
            self.doc_id,
            list(self.span),
            self.event,
            list(self.trigger.get("span") or []),
            sorted(e.id or e.name for e in self.actor),
            sorted(e.id or e.name for e in self.recipient),
        ]
        return hashlib.sha1(json.dumps(key).encode()).hexdigest()[:16]

    def to_record(self) -> dict:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "quad": self.quad,
            "cameo": self.cameo,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "date_end": self.date_end,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "text": self.text,
            "span": list(self.span),
            "trigger": self.trigger,
            "confidence": round(self.confidence, 3),
            "mentions": [dict(m) for m in self.mentions],
            "lang": self.lang,
        }


@dataclass
class Document:
    id: str
    text: str
    date: str | None = None  # "YYYY-MM-DD": metadata, else found in the text
    date_source: str | None = None  # "metadata" | "text" | None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str | None = None  # declared by the input, if any
    origin: str = ""  # where it came from: path, path:line, "-"
    passages: list[Passage] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # What linking reads of the text (linking.articles.TextProfile), when the pipeline's workers
    # computed it for a store; not part of any output.
    profile: object | None = field(default=None, compare=False, repr=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8", "replace")).hexdigest()

    def passage_at(self, offset: int) -> Passage | None:
        for p in self.passages:
            if p.start <= offset < p.end:
                return p
        return None

    def records(self) -> list[dict]:
        return [e.to_record() for e in self.events]
