"""The stages, and the Pipeline that runs them over a batch of documents.

    read → clean → annotate → actors → events → time → place → store / write

Each stage is a callable that declares what it needs on the Document (`requires`) and what
it adds (`assigns`). `Pipeline.stages` is what runs, in that order, and it is checked when
the Pipeline is built: a stage placed before what it needs fails at start-up, not half-way
through a batch. Reading comes before the pipeline (dragoman.read), writing and storing after
it; dragoman.run is the one way to run it over inputs.

A document that fails inside a stage becomes an InputError naming the stage and the reason:
one broken document never stops the others.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from . import clean as clean_stage
from . import dates, nlp, places
from .actors import ActorResolver, DocumentActors
from .actors.entities import is_place
from .batching import batched
from .errors import InputError
from .events import DocumentActs, EventExtractor, answer_responses
from .local_people import of_their_place
from .mentions import merge_mentions
from .russian.headlines import headline
from .linking.articles import text_profile
from .model import Document, Event, Sentence
from .relevance import RelevanceFilter
from .russian import RussianSupport
from .date_shifts import day_shift, shifted, shifted_day
from .local_day import in_local_time
from .occasions import occasion_verb
from .mention_dates import date_of_kind, date_of_saying, kind_dates, saying_dates, told_date
from .mention_places import home_place, kind_places, local_force_place, place_of_kind
from .story import Story, read_story, sharpen_lead_places
from .settings import Settings
from .plover import STATED_INTENT_CAMEOS

Result = Document | InputError  # what the pipeline gives for each input, in input order

READ = ("text", "date")  # what dragoman.read gives every Document
MEETINGS = frozenset({"CONSULT"})  # happen at a time like acts do, unlike what is said
BATCH = 32  # documents a batch: spaCy parses their passages together


@dataclass
class Work:
    """A document on its way through the stages, with what passes between stages but is not
    part of the Document: the actor resolver's state of the document (events ask it who "he"
    is) and the sentence of each event (time and place read around its trigger)."""

    doc: Document
    actors: DocumentActors | None = None
    found: list[tuple[Event, Sentence]] = field(default_factory=list)
    acts: DocumentActs | None = None  # "Japan condemned the test": whose test, once all are read
    story: Story | None = None  # what the lead says of when and where (set by the time stage)
    error: InputError | None = None


@dataclass(frozen=True)
class Stage:
    """One step: its name, what it needs on the Document, what it adds, and what does it.

    `scope` says what `run` is called with: "batch" (the batch's documents at once: spaCy
    parses across documents), "document" (one Work), or "sentence" (one Work and one of its
    sentences). Adjacent sentence stages run together, sentence after sentence in document
    order, with `start` before a document's first sentence and `finish` after its last:
    coreference needs the order ("He" is the person named before).
    """

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable
    scope: str = "document"
    start: Callable[[Work], None] | None = None
    finish: Callable[[Work], None] | None = None


def check_stages(stages: Iterable[Stage], given: Iterable[str] = READ) -> None:
    """Every stage's requirements come from the input or an earlier stage."""
    have = set(given)
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise RuntimeError(f"stage {stage.name!r} needs {missing} from an earlier stage")
        have.update(stage.assigns)


def steps(stages: Iterable[Stage]) -> list[tuple[Stage, ...]]:
    """The stages as they are run: one at a time, but adjacent sentence stages together."""
    out: list[tuple[Stage, ...]] = []
    for stage in stages:
        if stage.scope == "sentence" and out and out[-1][-1].scope == "sentence":
            out[-1] += (stage,)
        else:
            out.append((stage,))
    return out


class Pipeline:
    """Loads the model and the knowledge once; turns Documents into Documents with events."""

    def __init__(self, settings: Settings | None = None, nlp_model=None):
        self.settings = settings or Settings.load()
        self.nlp = nlp_model or nlp.load_model(self.settings.get("model", "spacy_model"))
        self.gazetteer = places.get_gazetteer()
        self.actors = ActorResolver(
            self.nlp, self.gazetteer, tuple(self.settings.get("knowledge", "actor_dirs"))
        )
        self.extractor = EventExtractor(
            political_only=self.settings.get("events", "political_only"),
            classifier=_classifier(self.settings),
            threshold=self.settings.get("events", "learned_threshold"),
        )
        # Russian passages: natasha, Russian knowledge and lexicon, loaded on the first one
        self.russian = RussianSupport(
            self.actors,
            self.gazetteer,
            self.settings.get("events", "political_only"),
            tuple(self.settings.get("knowledge", "actor_dirs")),
        )
        self.batch_size = self.settings.get("model", "batch_size")
        self.prefilter = None
        if self.settings.get("model", "prefilter"):
            from .prefilter import Prefilter

            self.prefilter = Prefilter(self.nlp, context=1)
        self.min_confidence = self.settings.get("events", "min_confidence")
        self.negated = self.settings.get("events", "negated")
        self.relevance = RelevanceFilter.from_settings(self.settings)  # None when turned off
        self.stages = (
            Stage("clean", ("text",), ("passages",), self._clean),
            Stage("annotate", ("passages",), ("sentences",), self._annotate, scope="batch"),
            Stage(
                "actors",
                ("sentences",),
                ("entities",),
                self._add_sentence,
                scope="sentence",
                start=self._start_actors,
                finish=self._finish_actors,
            ),
            Stage(
                "events",
                ("sentences", "entities"),
                ("events",),
                self._extract,
                scope="sentence",
                finish=self._finish_events,
            ),
            Stage("time", ("text", "events"), ("date", "events.date"), self._date),
            Stage("place", ("entities", "events"), ("events.location",), self._place),
            Stage("relevance", ("events",), ("events",), self._relevance),
            Stage("mentions", ("events", "events.date", "events.location"), ("events",), self._mentions),
        )
        if self.settings.get("store", "profile_texts"):
            self.stages += (Stage("profile", ("text",), ("profile",), self._profile),)
        check_stages(self.stages)

    def run_many(self, items: Iterable[Result], batch_size: int = BATCH) -> Iterator[Result]:
        """Documents (and read errors, passed through) in, in the same order out."""
        for batch in batched(items, batch_size):
            yield from self.process(batch)

    def process(self, batch: list[Result]) -> list[Result]:
        """Every stage over one batch; a Document or an InputError for each item, in order."""
        works = {i: Work(item) for i, item in enumerate(batch) if isinstance(item, Document)}
        for step in steps(self.stages):
            live = [w for w in works.values() if w.error is None]
            if step[0].scope == "batch":
                step[0].run(live)
            elif step[0].scope == "sentence":
                for work in live:
                    _sentence_by_sentence(step, work)
            else:
                for work in live:
                    _each(step[0], work)
        return [_result(works[i]) if i in works else item for i, item in enumerate(batch)]

    # -- the stages
    def _clean(self, work: Work) -> None:
        work.doc = clean_stage.clean(work.doc, self.settings)

    def _annotate(self, works: list[Work]) -> None:
        annotated = nlp.annotate_many([w.doc for w in works], self.nlp, self.batch_size, self.prefilter)
        for work, doc in zip(works, annotated):
            work.doc = self.russian.annotate(doc)  # Russian passages: natasha (dragoman.russian)

    def _start_actors(self, work: Work) -> None:
        work.actors = self.actors.new_document(work.doc)
        work.acts = DocumentActs(self.extractor.lex, self.extractor.political_only)

    def _add_sentence(self, work: Work, sent: Sentence) -> None:
        work.actors.add_sentence(sent)

    def _finish_actors(self, work: Work) -> None:
        work.actors.finalize()

    def _extract(self, work: Work, sent: Sentence) -> None:
        extractor = self.russian.extractor if sent.lang == "ru" else self.extractor
        events = extractor.extract(sent, work.actors, work.doc.id)
        for event in events:
            event.lang = sent.lang
        work.acts.note(sent, events, work.actors)
        work.found += [(event, sent) for event in events if self._written(event)]

    def _written(self, event: Event) -> bool:
        """Confident enough, and (unless [events] negated) said to have happened or to come."""
        return event.confidence >= self.min_confidence and (self.negated or event.modality != "negated")

    def _finish_events(self, work: Work) -> None:
        found = answer_responses(work.acts.resolve(work.found), work.doc.entities)  # at the launcher
        work.found = self.russian.drop_headline_repeats(work.doc, found)
        work.doc.events = [event for event, _ in work.found]

    def _date(self, work: Work) -> None:
        doc = work.doc
        if not doc.date:
            in_text = dates.document_date_from_text(doc.text)
            if in_text:
                doc.date, doc.date_source = in_text[0], "text"
        near = frozenset(e.country for e in doc.entities if e.country and len(e.country) == 3)
        work.story = read_story(doc, self.gazetteer, near)
        index = {id(s): i for i, s in enumerate(doc.sentences)}
        kinds = kind_dates(doc.sentences, self.extractor.lex, doc.date)
        sayings = saying_dates(doc.sentences, doc.entities, doc.date)
        for event, sent in work.found:
            act = event.quad.startswith("material")
            i = index[id(sent)]
            shift = None  # "the day after police arrested him": a day before the story's day
            if sent.lang == "ru":
                found = self.russian.event_date(sent.span, doc.date, _trigger_token(event, sent))
            else:
                # a demand, accusation, refusal or threat made by the time of the report
                statement = event.quad == "verbal_conflict" and event.modality != "future"
                trigger_i = _trigger_token(event, sent)
                shift = day_shift(sent.span.doc[trigger_i])
                found = dates.event_date(sent.span, doc.date, trigger_i, act, statement)
                if found is None:  # "... conducted a test. Tuesday's test flew over Japan."
                    found = date_of_kind(event, i, _trigger_lemmas(event, sent), kinds)
                if found is None:  # "Beijing denied it. ... On Thursday, China insisted ..."
                    found = date_of_saying(event, i, sayings)
                if found is None and (act or event.event in MEETINGS) and event.modality == "asserted":
                    # the sentence right after an act told with its day goes on with that story:
                    # "On July 14, a man drove a truck into crowds. Police shot dead the driver."
                    found = told_date(doc.sentences[i - 1], doc.date) if i else None
                    found = shifted(found, shift[0]) if shift else found
                found = in_local_time(found, work.story.ahead)  # "early Tuesday" in Asia, local_day.py
            occasion = _occasion(doc, i) if found is None and event.modality == "asserted" else None
            if occasion is not None:  # "... The ceremony took place on Tuesday."
                following, verb = occasion
                found = self._date_reader(following.lang, doc.date)(following.span, verb.i)
            if found is not None:
                event.date, event.date_text = found.date, found.date_text
                event.date_precision, event.date_end = found.precision, found.end
            elif doc.date and (
                event.modality in ("asserted", "negated") or event.cameo in STATED_INTENT_CAMEOS
            ):
                # Reported as news: an act happened on the day the lead gives an act (else its
                # news); a statement was made on the day the lead says something was said, else
                # on the day of the document (story.py).
                day = (work.story.act_date or work.story.date) if act else work.story.said_date
                day = day or doc.date
                if (
                    not act
                    and work.story.ahead
                    and any(e.country in work.story.ahead_countries for e in event.actor)
                ):
                    day = work.story.ahead  # said where the lead's news happened, in its time
                day = shifted_day(day, shift[0]) if shift else day
                event.date, event.date_precision = day, _precision(day)

    def _date_reader(self, lang: str, anchor: str | None):
        """The date attached to a token of a sentence, read by the rules of its language."""
        if lang == "ru":
            return lambda span, i: self.russian.event_date(span, anchor, i)
        return lambda span, i: dates.event_date(span, anchor, i)

    def _place_reader(self, sent, near):
        """The place attached to a token of a sentence, read by the rules of its language."""
        if sent.lang == "ru":
            return lambda i: self.russian.event_place(sent.span, i, near, sent.offset)
        return lambda i: places.event_place(sent.span, i, self.gazetteer, near, sent.offset)

    def _place(self, work: Work) -> None:
        doc = work.doc
        # the countries of the document's actors; not of places standing for their people,
        # whose country is the gazetteer's guess ("freed in the town of Banki": not India's)
        near = frozenset(
            e.country for e in doc.entities if e.country and len(e.country) == 3 and not is_place(e)
        )
        carried = places.document_places([s.span for s in doc.sentences], self.gazetteer, near)
        visits = {id(s): p for s, p in zip(doc.sentences, carried) if p is not None}
        visits.update(self.russian.story_places(doc, near))
        story = work.story or Story()
        dateline = story.dateline_sentence
        index = {id(s): i for i, s in enumerate(doc.sentences)}
        kinds = kind_places(doc.sentences, self.extractor.lex, self.gazetteer, near, doc.date)
        home = _story_country(doc, story)
        for event, sent in work.found:
            place = self._event_place(event, sent, near)
            if place is None and sent.lang == "en":  # "in the capital": of the story's country
                place = places.bare_capital_place(
                    sent.span, _trigger_token(event, sent), self.gazetteer, home, sent.offset
                )
            occasion = (
                _occasion(doc, index[id(sent)]) if place is None and event.modality == "asserted" else None
            )
            if occasion is not None:  # "... The ceremony took place in Dushanbe."
                following, verb = occasion
                place = self._place_reader(following, near)(verb.i)
            event.location = place or visits.get(id(sent)) or local_force_place(event, self.gazetteer, near)
            if event.location is None and dateline is not None and sent is doc.sentences[dateline]:
                event.location = story.dateline
        sharpen_lead_places([(event, index[id(sent)]) for event, sent in work.found], story, doc.date)
        for event, sent in work.found:
            if event.location is None:  # where the document places this kind of happening
                event.location = place_of_kind(event, index[id(sent)], kinds, doc.date)
            if event.location is None:  # two sides of one country: in that country
                event.location = home_place(event, self.gazetteer)

    def _event_place(self, event, sent, near):
        trigger_i = _trigger_token(event, sent)
        if sent.lang == "ru":
            return self.russian.event_place(sent.span, trigger_i, near, sent.offset)
        return places.event_place(sent.span, trigger_i, self.gazetteer, near, sent.offset)

    def _relevance(self, work: Work) -> None:
        if self.relevance is not None:  # sports, entertainment, products, markets: not event data
            self.relevance.drop_irrelevant(work.doc)

    def _profile(self, work: Work) -> None:
        work.doc.profile = text_profile(work.doc.text)

    def _mentions(self, work: Work) -> None:
        head = headline(work.doc)
        events = merge_mentions(work.doc.events, head and (head.start, head.end))
        work.doc.events = of_their_place(events)  # (after merging: a country makes no one generic)


def _occasion(doc, i: int):
    """The sentence after sentence `i` and the verb of the ceremony it tells of, if it tells of
    one (occasions.py)."""
    following = doc.sentences[i + 1] if i + 1 < len(doc.sentences) else None
    verb = occasion_verb(following)
    return (following, verb) if verb is not None else None


def _story_country(doc, story: Story) -> str | None:
    """The country an article is about: its dateline's, else the one its actors name most."""
    if story.dateline is not None and story.dateline.country_code:
        return story.dateline.country_code
    counts = Counter(e.country for e in doc.entities if e.country and len(e.country) == 3)
    return counts.most_common(1)[0][0] if counts else None


def _each(stage: Stage, work: Work) -> None:
    try:
        stage.run(work)
    except Exception as exc:  # a bug on one document must not stop the batch
        work.error = _failed(work.doc, stage.name, exc)


def _sentence_by_sentence(stages: tuple[Stage, ...], work: Work) -> None:
    stage = stages[0]
    try:
        for stage in stages:
            if stage.start:
                stage.start(work)
        for sent in work.doc.sentences:
            for stage in stages:
                stage.run(work, sent)
        for stage in stages:
            if stage.finish:
                stage.finish(work)
    except Exception as exc:  # a bug on one document must not stop the batch
        work.error = _failed(work.doc, stage.name, exc)


def _result(work: Work) -> Result:
    return work.error or work.doc


def _classifier(settings: Settings):
    if not settings.get("events", "learned"):
        return None
    from .classify import load_classifier

    return load_classifier()


def _precision(date: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def _trigger_lemmas(event: Event, sent: Sentence) -> set[str]:
    start, end = (i - sent.offset for i in event.trigger["span"])
    return {tok.lemma_.lower() for tok in sent.span if start <= tok.idx < end}


def _trigger_token(event: Event, sent: Sentence) -> int:
    start = event.trigger["span"][0] - sent.offset
    for tok in sent.span:
        if tok.idx >= start:
            return tok.i
    return sent.span.root.i


def _failed(doc: Document, stage: str, exc: Exception) -> InputError:
    return InputError(
        doc.origin or doc.id,
        f"could not be processed ({stage}: {type(exc).__name__}: "
        f"{exc}); the other documents were processed. Please report this with the input.",
    )
