"""Where the article places a kind of happening: the place an unplaced event takes from the
document's other mentions of its kind.

A news article reports its main happening several times and says where in only one of them:
"North Korea fires another missile over Japan" (headline), "the missile was launched from Sunan"
(a later paragraph); "police shot dead the driver" after "a man ploughed a truck into crowds in
Nice". A material event reported without a place of its own took place where the document
places its kind of event: a word of the same event type (a trigger verb or noun, or a light
verb's phrase turned noun: "the launch of a missile", "the missile launch") with a place in its
own clause ("in", "at", "from Sunan" after a launch) or a place name modifying it ("the Nice
attack"). The nearest such mention wins, an earlier one on a tie; a mention its own words
date to another time than the event ("moved from Sousse, where 38 people were massacred last
year") tells of another happening.

Only material events: what is said is said wherever the speaker is, which the article seldom
gives with its story.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date as Date

from .dates import OTHER_CLAUSE, is_caption, sentence_dates
from .events.modality import modality_of
from .model import QUADS, Place
from .places import event_places
from .story import LEAD_SENTENCES
from .words import words

MATERIAL = frozenset(t for t, quad in QUADS.items() if quad.startswith("material"))
MENTION_DISTANCE = 9  # a mention's place hangs in its own clause (see dates.attachment_distance)
NEARBY = 3  # sentences: a mention of the story's kind this close continues the same report
TIME_REFERENCES = words("time_reference_preps")
HISTORY_DAYS = 31  # a mention dated to a time over this long before the article is history


@dataclass(frozen=True)
class KindPlace:
    sentence: int  # index in the document's sentences
    event: str  # PLOVER type of the mention
    place: Place
    date: str | None = None  # the day, month or year the mention's own words give it


def kind_places(
    sentences, lexicon, gazetteer, near=frozenset(), anchor: str | None = None
) -> list[KindPlace]:
    """Each material event word of the document that names where it happened, in order, with
    the date its clause gives it (resolved against `anchor`, the document's date)."""
    found = []
    for index, sent in enumerate(sentences):
        if sent.span is None or sent.lang != "en":
            continue
        for tok in sent.span:
            kinds = event_kinds(tok, lexicon) & MATERIAL
            if not kinds or modality_of(tok) != "asserted" or _dates_another(tok):
                continue  # "threatened to fire", "after the Paris attacks": not the story's
            places = event_places(
                sent.span, tok.i, gazetteer, near, sent.offset, max_distance=MENTION_DISTANCE
            )
            places = [p for p in places if _own_phrase(tok, p, sent.offset)]
            if places:
                when = _own_date(sent, tok, anchor)
                found += [KindPlace(index, kind, places[0], when) for kind in sorted(kinds)]
    return found


def _own_date(sent, tok, anchor: str | None) -> str | None:
    """The date a mention's own clause gives it ("massacred on a beach last year"); not one of
    another clause of the sentence, nor a photo caption's (the day of the picture)."""
    if is_caption(sent.text):
        return None
    own = [d for d in sentence_dates(sent.span, anchor, tok.i) if d[0] < OTHER_CLAUSE]
    return min(own, key=lambda d: (d[0], d[1]))[2].date if own else None


def _dates_another(tok) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in TIME_REFERENCES


def _own_phrase(tok, place, offset: int) -> bool:
    """A noun that is the subject of a verb does not take the verb's places: "the launch
    triggered an alert in Japan" is an alert in Japan. Its own phrase, or the verb of which it
    is the object ("the drill was conducted from Pyongyang"), says where it happened."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "csubj"):
        return True
    subtree = list(tok.subtree)
    start, end = subtree[0].idx + offset, subtree[-1].idx + len(subtree[-1]) + offset
    return start <= place.span[0] and place.span[1] <= end


def event_kinds(tok, lexicon) -> set[str]:
    """The event types a verb or noun can express by the trigger lexicon."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        kinds = {t.event for t in lexicon.verbs.get(lemma, [])}
        for child in tok.children:  # "launched a missile", "the missile was launched"
            if child.dep_ in ("dobj", "nsubjpass"):
                kinds |= {t.event for t in lexicon.light.get((lemma, child.lemma_.lower()), [])}
        return kinds
    if tok.pos_ == "NOUN":
        kinds = {t.event for t in lexicon.nouns.get(lemma, [])}
        for obj in _nominal_objects(tok):  # "the launch of a missile", "the missile launch"
            kinds |= {t.event for t in lexicon.light.get((lemma, obj.lemma_.lower()), [])}
        return kinds
    return set()


def _nominal_objects(noun) -> list:
    out = []
    for child in noun.children:
        if child.dep_ == "compound":
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def place_of_kind(event, sentence: int, found: list[KindPlace], published: str | None = None) -> Place | None:
    """The place of the nearest mention of the same kind of event, an earlier one on a tie: one
    in the lead (the story's), in the next few sentences, or in the country of the event's
    actor, at any distance; one in the country of its actor first ("North Korea fired a missile over Japan": the launch from
    Sunan, not the alert it set off in Japan). Not a mention of another time (_same_time),
    nor, when the country of every party of the event is known, one in a country of none of
    them ("South Korea fired a missile in reply" was not fired in Japan, which the North's
    missile flew over). `published`: the document's date."""
    if event.event not in MATERIAL or event.modality != "asserted":
        return None
    doers = {e.country for e in event.actor if e.country}
    parties = event.actor + event.recipient
    known = {e.country for e in parties} if all(e.country for e in parties) else None
    same = [
        k
        for k in found
        if k.event == event.event
        and _same_time(k.date, event, published)
        and (known is None or k.place.country_code in known)
        and (
            k.place.country_code in doers
            or k.sentence < LEAD_SENTENCES
            or abs(k.sentence - sentence) <= NEARBY
        )
    ]
    if not same:
        return None
    nearest = min(
        same,
        key=lambda k: (
            k.place.country_code not in doers,
            abs(k.sentence - sentence),
            k.sentence > sentence,
        ),
    )
    return replace(nearest.place)  # a copy: each event owns its place


def _same_time(mention: str | None, event, published: str | None) -> bool:
    """Whether a mention's own date can be the event's: the event undated, the mention
    undated (of the story, so not for an event of history), one within the other ("2016-07-14" within "2016-07"), or both of the days of the story. A mention of
    history (dated to a time over more than a month before the document, `published`, came
    out: "last year", "in April 2014") is another happening than an event of the story, and
    the other way round; two dates of history must agree."""
    if not event.date:
        return True
    if not mention:  # the story's own mention: not of an event of history ("in 2015, ...")
        return not (published and _history(event.date, published))
    if mention.startswith(event.date) or event.date.startswith(mention):
        return True
    if not published:
        return False
    return not (_history(mention, published) or _history(event.date, published))


def _history(iso: str, published: str) -> bool:
    return (_day(published) - _last_day(iso)).days > HISTORY_DAYS


def _day(iso: str) -> Date:
    return Date.fromisoformat(iso[:10])


def _last_day(iso: str) -> Date:
    """The last day of a date of any precision: "2015" -> 2015-12-31, "2017-12" -> 2017-12-31."""
    if len(iso) == 4:
        return Date(int(iso), 12, 31)
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:7])
        return Date(year, month, monthrange(year, month)[1])
    return _day(iso)


def home_place(event, gazetteer) -> Place | None:
    """A material event between sides of one country that nothing places ("Boko Haram kidnapped
    Nigerian schoolgirls") happened in that country: a coarse place, the country itself. Not
    when a side is foreign or unknown: a state acts abroad, and a group's country is its origin."""
    if event.event not in MATERIAL or not event.actor or not event.recipient:
        return None
    sides = [{e.country for e in side} for side in (event.actor, event.recipient)]
    if None in sides[0] | sides[1] or len(sides[0] | sides[1]) != 1:
        return None
    entry = gazetteer.country_entries().get(next(iter(sides[0])))
    return entry.place(entry.name) if entry else None


LOCAL_SECTORS = frozenset({"COP"})  # forces that act only where they are: "Kabul police"


def local_force_place(event, gazetteer, near=frozenset()) -> Place | None:
    """ "Kandahar police arrested three men": a local force named by its town or province acts
    there. The longest run of capitalised words before the force's noun that the gazetteer
    knows below a country ("Kandahar", "Los Angeles"); not a country ("Afghan police")."""
    if event.quad != "material_conflict":  # what a force does there, not whom it talks to
        return None
    for actor in event.actor:
        if actor.sector not in LOCAL_SECTORS:
            continue
        words = actor.text.split()[:-1]
        for size in range(min(3, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size])
                if not name[:1].isupper():
                    continue
                place = gazetteer.lookup(name, near)
                if place is not None and place.feature != "country":
                    return place
    return None
