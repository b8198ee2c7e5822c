"""When the article dates a happening it names again: the date an undated act takes from a
later (or earlier) definite mention of it.

News tells its main act first and says when only further down, naming the act again by a noun:
"North Korea said on Wednesday it had conducted a missile test ... Tuesday's test flew over
Japan"; "South Korea has seized a vessel ... The seizure took place in November". Such a noun
refers back to an act the article already reported: it is definite ("the seizure", "this
attack") or owned by its day ("Tuesday's test"), and it is dated in its own phrase ("the attack
on July 14", "the May launch") or as the subject of a verb of happening ("took place in
November", "occurred on Sunday"). A material act reported without a date of its own took place
on the date of the nearest such mention of its kind: a noun the trigger lexicon gives the same
event type ("seized" ... "the seizure"), or the trigger's own noun ("conducted a test" ...
"Tuesday's test").

Not a mention of the act: a noun that dates something else ("a year after the attack"), one in
a sentence that is not asserted, one dated only by a year (too coarse to name one act) or after
the date of the report.

The same for what is said: the lead tells what an actor said ("Beijing has denied the
report"), a later paragraph when ("On Thursday, China insisted it complied"). A statement
reported without a date was made on the day of the nearest dated saying of the same actor
(the signature line of an embedded post, "— Jane Doe (@janedoe) 3 May 2021", is one).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import dates
from .date_expressions import DateResult, expressions, resolve
from .events.modality import modality_of
from .mention_places import MATERIAL, event_kinds
from .words import words

DEFINITE = frozenset({"the", "this", "that"})
HAPPENING_VERBS = words("happening_verbs")  # "the raid happened on Sunday"
TIME_REFERENCES = words("time_reference_preps")


@dataclass(frozen=True)
class KindDate:
    sentence: int  # index in the document's sentences
    lemma: str  # the mention's noun
    kinds: frozenset[str]  # PLOVER types the noun names by the trigger lexicon
    found: DateResult


def kind_dates(sentences, lexicon, anchor: str | None) -> list[KindDate]:
    """Each definite act noun of the document that says when the act happened, in order."""
    found = []
    for index, sent in enumerate(sentences):
        if sent.span is None or sent.lang != "en" or dates.is_caption(sent.text):
            continue
        for tok in sent.span:
            if tok.pos_ != "NOUN" or not _definite(tok) or _dates_another(tok):
                continue
            if modality_of(tok) != "asserted":
                continue
            kinds = frozenset(event_kinds(tok, lexicon))
            day = _own_date(sent.span, tok, anchor)
            if day is not None:
                found.append(KindDate(index, tok.lemma_.lower(), kinds, day))
    return found


def date_of_kind(event, sentence: int, trigger_lemmas: set[str], found: list[KindDate]) -> DateResult | None:
    """The date of the nearest mention of the same act (an earlier one on a tie), for an
    asserted material event that has no date of its own."""
    if event.event not in MATERIAL or event.modality != "asserted":
        return None
    same = [k for k in found if event.event in k.kinds or k.lemma in trigger_lemmas]
    if not same:
        return None
    return min(same, key=lambda k: (abs(k.sentence - sentence), k.sentence > sentence)).found


@dataclass(frozen=True)
class SayingDate:
    sentence: int
    speaker: object  # the actor's key (see _key)
    found: DateResult


def saying_dates(sentences, entities, anchor: str | None) -> list[SayingDate]:
    """Each verb of saying of the document whose subject is an actor and whose own phrase
    gives a day ("China insisted on Thursday", "On Friday, the ministry said")."""
    found = []
    for index, sent in enumerate(sentences):
        if sent.span is None or sent.lang != "en" or dates.is_caption(sent.text):
            continue
        posted = _post_signature(sent, entities, anchor)
        if posted is not None:
            found.append(SayingDate(index, _key(posted[0]), posted[1]))
        for tok in sent.span:
            if not dates._is_saying(tok):
                continue
            speakers = [_speaker(c, entities, sent.offset) for c in tok.children if c.dep_ == "nsubj"]
            speaker = next((s for s in speakers if s is not None), None)
            if speaker is None:
                continue
            for _, _, day, _, verb in sorted(
                dates.sentence_dates(sent.span, anchor, tok.i), key=lambda s: s[:2]
            ):
                if verb is not None and verb.i == tok.i and _news_day(day, anchor):
                    found.append(SayingDate(index, _key(speaker), day))
                    break
    return found


def date_of_saying(event, sentence: int, found: list[SayingDate]) -> DateResult | None:
    """The day of the nearest dated saying of the statement's actor (an earlier one on a tie),
    for an asserted verbal event that has no date of its own."""
    if not event.quad.startswith("verbal") or event.modality != "asserted":
        return None
    speakers = {_key(e) for e in event.actor}
    same = [s for s in found if s.speaker in speakers]
    if not same:
        return None
    return min(same, key=lambda s: (abs(s.sentence - sentence), s.sentence > sentence)).found


def _post_signature(sent, entities, anchor: str | None):
    """(author, day) of the signature line of an embedded post ("— Jane Doe (@janedoe) 3 May
    2021"), if the sentence is one and its author is an actor of the document."""
    for rx in expressions()["post_signatures"]:
        m = rx.match(sent.text)
        day = resolve(m.group("date"), anchor) if m else None
        if day is None or not _news_day(day, anchor):
            continue
        at = sent.start + m.start("name")
        author = next((e for e in entities if e.span[0] <= at < e.span[1]), None)
        if author is not None:
            return author, day
    return None


def _speaker(tok, entities, offset: int):
    """The actor mention the subject's head word belongs to ("China", "the foreign ministry")."""
    at = tok.idx + offset
    return next((e for e in entities if e.span[0] <= at < e.span[1]), None)


def _key(entity):
    return entity.id or (entity.name, entity.country)


def _news_day(day: DateResult, anchor: str | None) -> bool:
    return day.precision == "day" and not (anchor and day.date > anchor)


def _definite(tok) -> bool:
    """ "the seizure", "this attack", "Tuesday's test", "the group's attack"."""
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in tok.children)


def _dates_another(tok) -> bool:
    """ "a year after the attack": the noun dates another happening."""
    return tok.dep_ == "pobj" and tok.head.lower_ in TIME_REFERENCES


def _own_date(span, tok, anchor: str | None) -> DateResult | None:
    """A day or month in the noun's own phrase ("Tuesday's test", "the attack on July 14"), or
    on the verb of happening whose subject it is ("the seizure took place in November")."""
    happening = tok.dep_ in ("nsubj", "nsubjpass") and _is_happening(tok.head)
    for _, start, day, _, verb in sorted(dates.sentence_dates(span, anchor, tok.i), key=lambda s: s[:2]):
        if day.precision not in ("day", "month") or (anchor and day.date[: len(anchor)] > anchor):
            continue
        first = span.doc[start]
        inside = tok in first.ancestors or first.head == tok
        if inside or (happening and verb is not None and verb.i == tok.head.i):
            return day
    return None


def _is_happening(verb) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "take":  # "took place"
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in HAPPENING_VERBS


def told_date(sent, anchor: str | None) -> DateResult | None:
    """The day or month a sentence gives its main verb in words, when that verb is no saying:
    "On July 14, a man drove a truck into crowds", "In May, a vigilante group found the girl"."""
    if sent.span is None or sent.lang != "en" or dates.is_caption(sent.text):
        return None
    root = sent.span.root
    if dates._is_saying(root):
        return None
    told = [
        s
        for s in dates.sentence_dates(sent.span, anchor, root.i)
        if s[0] < dates.OTHER_CLAUSE and not s[3] and s[2].precision in ("day", "month")
    ]
    told = [s for s in told if not (anchor and s[2].date[: len(anchor)] > anchor)]
    return min(told, key=lambda s: s[:2])[2] if told else None
