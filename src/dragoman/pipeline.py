"""The ordered stages, and run_one / run_many over them.

    read → clean → annotate → actors → events → time → place → store / write

Each stage declares what it needs on the Document and what it adds; the order is checked
once when a Pipeline is built, so a reordered or missing stage fails at start-up, not
half-way through a batch. A document that fails inside a stage becomes an InputError with
its reason: one broken document never stops the others.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from . import clean as clean_stage
from . import dates, nlp, places
from .mentions import merge_mentions
from .story import read_story, sharpen_lead_places
from .actors import ActorResolver
from .errors import InputError
from .events import DocumentActs, EventExtractor
from .model import Document
from .relevance import RelevanceFilter
from .settings import Settings


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES = (
    Stage("read", (), ("text", "date")),
    Stage("clean", ("text",), ("passages",)),
    Stage("annotate", ("passages",), ("sentences",)),
    Stage("actors", ("sentences",), ("entities",)),
    Stage("events", ("sentences", "entities"), ("events",)),
    Stage("time", ("events", "date"), ("events.date",)),
    Stage("place", ("events", "entities"), ("events.location",)),
)


def check_stage_order(stages=STAGES) -> None:
    have: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise RuntimeError(f"stage {stage.name!r} needs {missing} from an earlier stage")
        have.update(stage.assigns)


Item = Document | InputError
SMALL_BATCH = 16  # up to this many inputs, --workers runs in one process


class Pipeline:
    """Loads the model and the knowledge once; turns Documents into Documents with events."""

    def __init__(self, settings: Settings | None = None, nlp_model=None):
        check_stage_order()
        self.settings = settings or Settings.load()
        self.nlp = nlp_model or nlp.load_model(self.settings.get("model", "spacy_model"))
        self.gazetteer = places.get_gazetteer()
        self.actors = ActorResolver(self.nlp, self.gazetteer,
                                    tuple(self.settings.get("knowledge", "actor_dirs")))
        self.extractor = EventExtractor(political_only=self.settings.get("events", "political_only"),
                                        classifier=_classifier(self.settings),
                                        threshold=self.settings.get("events", "learned_threshold"))
        self.batch_size = self.settings.get("model", "batch_size")
        self.prefilter = None
        if self.settings.get("model", "prefilter"):
            from .prefilter import Prefilter

            self.prefilter = Prefilter(self.nlp, context=1)
        self.min_confidence = self.settings.get("events", "min_confidence")
        self.relevance = RelevanceFilter.from_settings(self.settings)  # None when turned off

    def run_one(self, doc: Document) -> Document:
        for item in self.run_many([doc]):
            if isinstance(item, InputError):
                raise item
            return item
        raise RuntimeError("the pipeline returned nothing")

    def run_many(self, items: Iterable[Item], chunk_size: int = 32) -> Iterator[Item]:
        """Documents (and read errors, passed through) in, in the same order out."""
        chunk: list[Item] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= chunk_size:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[Item]) -> Iterator[Item]:
        results: dict[int, Item] = {}
        docs = []
        for i, item in enumerate(chunk):
            if isinstance(item, InputError):
                results[i] = item
                continue
            try:
                docs.append((i, clean_stage.clean(item, self.settings)))
            except Exception as exc:  # a bug on one document must not stop the batch
                results[i] = _failed(item, "clean", exc)
        annotated = nlp.annotate_many([d for _, d in docs], self.nlp, self.batch_size, self.prefilter)
        for (i, _), doc in zip(docs, annotated):
            try:
                results[i] = self.analyse(doc)
            except Exception as exc:
                results[i] = _failed(doc, "analyse", exc)
        for i in range(len(chunk)):
            yield results[i]

    def analyse(self, doc: Document) -> Document:
        """actors → events → time → place, sentence by sentence (coreference needs the order)."""
        if not doc.date:
            found = dates.document_date_from_text(doc.text)
            if found:
                doc.date, doc.date_source = found[0], "text"
        state = self.actors.new_document(doc)
        acts = DocumentActs(self.extractor.lex, self.extractor.political_only)  # "Japan condemned the test"
        found = []  # (event, the sentence it came from)
        for sent in doc.sentences:
            state.add_sentence(sent)
            events = self.extractor.extract(sent, state, doc.id)
            acts.note(sent, events, state)
            found += [(event, sent) for event in events if event.confidence >= self.min_confidence]
        found = acts.resolve(found)
        state.finalize()
        near = frozenset(e.country for e in doc.entities if e.country and len(e.country) == 3)
        visits = self._visit_places(doc, near)
        story = read_story(doc, self.gazetteer, near)
        index = {id(s): i for i, s in enumerate(doc.sentences)}
        for event, sent in found:
            trigger_i = _trigger_token(event, sent)
            self._date_event(event, sent, trigger_i, doc, story.date)
            self._place_event(event, sent, trigger_i, near, visits)
            if event.location is None and index[id(sent)] == story.dateline_sentence:
                event.location = story.dateline
            doc.events.append(event)
        sharpen_lead_places([(event, index[id(sent)]) for event, sent in found], story)
        if self.relevance is not None:  # sports, entertainment, products, markets: not event data
            self.relevance.drop_irrelevant(doc)
        doc.events = merge_mentions(doc.events)
        return doc

    def _date_event(self, event, sent, trigger_i: int, doc: Document, story_date: str | None) -> None:
        found = dates.event_date(sent.span, doc.date, trigger_i)
        if found is not None:
            event.date, event.date_text = found.date, found.date_text
            event.date_precision, event.date_end = found.precision, found.end
        elif doc.date and event.modality in ("asserted", "negated"):
            # Reported as news: it happened on the day the lead gives the news, else on the
            # day the document reports it.
            day = story_date or doc.date
            event.date, event.date_precision = day, _precision(day)

    def _place_event(self, event, sent, trigger_i: int, near, visits) -> None:
        place = places.event_place(sent.span, trigger_i, self.gazetteer, near, sent.offset)
        event.location = place or visits.get(id(sent))

    def _visit_places(self, doc: Document, near) -> dict[int, object]:
        spans = [s.span for s in doc.sentences]
        carried = places.document_places(spans, self.gazetteer, near)
        return {id(s): p for s, p in zip(doc.sentences, carried) if p is not None}


def _classifier(settings: Settings):
    if not settings.get("events", "learned"):
        return None
    from .classify import load_classifier

    return load_classifier()


def _precision(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def _trigger_token(event, sent) -> int:
    start = event.trigger["span"][0] - sent.offset
    for tok in sent.span:
        if tok.idx >= start:
            return tok.i
    return sent.span.root.i


def _failed(doc: Document, stage: str, exc: Exception) -> InputError:
    return InputError(doc.origin or doc.id, f"could not be processed ({stage}: {type(exc).__name__}: "
                      f"{exc}); the other documents were processed. Please report this with the input.")


def with_default_date(items: Iterable[Item], date: str | None) -> Iterator[Item]:
    """Documents whose input gave no date take `date` (the --date option)."""
    for item in items:
        if date and isinstance(item, Document) and not item.date:
            item.date, item.date_source = date, "option"
        yield item


def read_paths(paths: list[str], settings: Settings, default_date: str | None = None) -> Iterator[Item]:
    from .read import iter_documents

    return with_default_date(iter_documents(paths, settings), default_date)


def process_items(items: Iterable[Item], settings: Settings, workers: int = 1,
                  pipeline: Pipeline | None = None, stats: dict | None = None) -> Iterator[Item]:
    """Run the pipeline over read items, in order; the model is loaded only if there is a document.
    With several workers, `stats` receives each worker's documents and peak memory."""
    it = iter(items)
    if workers != 1 and pipeline is None:
        # A few documents are done before worker processes could load their models.
        first = list(islice(it, SMALL_BATCH + 1))
        if len(first) > SMALL_BATCH:
            from .scale.pool import run_pool

            yield from run_pool(chain(first, it), settings, workers, stats)
            return
        it = iter(first)
    first = list(islice(it, 1))
    if first:
        yield from (pipeline or Pipeline(settings)).run_many(chain(first, it))


def process_paths(paths: list[str], settings: Settings | None = None, default_date: str | None = None,
                  workers: int = 1, pipeline: Pipeline | None = None,
                  stats: dict | None = None) -> Iterator[Item]:
    """Read the inputs and run the pipeline: a Document with events or an InputError per input."""
    settings = settings or Settings.load()
    yield from process_items(read_paths(paths, settings, default_date), settings, workers, pipeline, stats)
