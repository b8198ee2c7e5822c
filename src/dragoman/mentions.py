"""One record per real-world event per article: repeated reports of one event become mentions.

A news article names its main event in the headline, again in the lead, and often once more
further down ("the attack", "Friday's raid"). Coders write it down once, at its clearest
mention. Two events of one document are the same happening when they have the same type (or
kindred types, data/linking/types.tsv, told with one act word) and modality, their parties
agree (report_sides.py: "militants" and the Taliban, the city attacked and the consulate in
it, a state and its court), their dates agree and they are not set in two different places.
The record kept is the clearest (an explicit date, a place, a named target rather than a
city, a named actor); the others become its `mentions` ({"text", "span"} of their
sentences), and what they add (a date said in words, a place) fills what the kept record
lacks.

A headline is the article's summary of its news, not a report of its own: it names its parties
shortly ("UN welcomes release of Nigerian girls by Boko Haram"). An event of the headline is the
body's event of the same type, actor and days even when the body names another party of the
same country as its target ("the release of 82 Nigerian schoolgirls").
"""

from __future__ import annotations

from .model import Event, Place
from .linking.rules import type_pairs
from .report_sides import STRONG, NONE, key, named_for, parties_agree, same_act_word, sides_agree, stands_in
from .report_sides import specificity, target_specificity


# The documents signed or approved at one meeting are one agreement, however many are named
# ("signed the declaration ... also approved the statute"): coders write the package once.
PACKAGED_TYPES = {"AGREE"}


def merge_mentions(events: list[Event], headline: tuple[int, int] | None = None) -> list[Event]:
    """The events of one document with repeats folded into their clearest mention, in order.
    `headline`: the (start, end) offsets of the article's headline, if it has one."""
    groups: list[list[Event]] = []
    for event in events:  # the same happening as every report in a group: a coarse date ("in
        # 2017") that agrees with two different days does not make them one
        group = next((g for g in groups if all(same_happening(event, other, headline) for other in g)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    kept = [_fold(group) for group in groups]
    return sorted(kept, key=lambda e: (e.span[0], e.trigger.get("span") or [0]))


def same_happening(a: Event, b: Event, headline: tuple[int, int] | None = None) -> bool:
    """Whether two events of one document report the same happening."""
    if a.span == b.span:
        return stands_in(a, b) or stands_in(b, a) or _one_visit(a, b)
    if a.modality != b.modality:
        return False
    if (a.further or b.further) and a.event not in PACKAGED_TYPES:
        return False  # "He also thanked the Chinese leader": another act, not the support reported
    if a.quad.startswith("verbal") and a.mode and b.mode and a.mode != b.mode:
        return False  # what is said in two ways is two sayings: a condemnation and an inquiry
    if a.event != b.event and not (same_act_word(a, b) and (a.event, b.event) in type_pairs()):
        return False  # one act word coded as two kindred types ("the attack": ASSAULT, COERCE)
    if parties_agree(a, b) and _dates_agree(a, b) and _places_agree(a.location, b.location):
        return True
    in_headline = [_within(e, headline) for e in (a, b)]
    if in_headline.count(True) != 1:
        return False
    head, body = (a, b) if in_headline[0] else (b, a)
    return _summarises(head, body) and _places_agree(a.location, b.location)


def _one_visit(a: Event, b: Event) -> bool:
    """In one sentence, a visit to a country and the talks held there with its leader ("visited
    Paris, where he met Macron", "travelled to Beijing and held talks with Xi") are one meeting:
    the same visitor, hosts of one country."""
    if not (a.event == b.event == "CONSULT" and a.modality == b.modality and a.actor):
        return False
    if {key(e) for e in a.actor} != {key(e) for e in b.actor}:
        return False
    hosts = [{e.country for e in side if e.country} for side in (a.recipient, b.recipient)]
    return bool(hosts[0] & hosts[1]) and _dates_agree(a, b)


def _within(event: Event, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= event.span[0] < span[1]


def _summarises(head: Event, body: Event) -> bool:
    """A headline's event names the body's act: the same actor and days, and a target that is
    the body's or of the same country. (A headline's "Another missile over Japan" is not the
    launch of last month the body recalls: the days tell them apart.)"""
    if not _dates_agree(head, body):
        return False
    word = same_act_word(head, body)
    if sides_agree(head.actor, body.actor, same_word=word) != STRONG:
        return False
    if sides_agree(head.recipient, body.recipient, (head.location, body.location), word) != NONE:
        return True
    countries = [{e.country for e in side if e.country} for side in (head.recipient, body.recipient)]
    return bool(countries[0] & countries[1])


def _places_agree(x: Place | None, y: Place | None) -> bool:
    """Two different cities are two incidents ("militants attacked a checkpoint in Kandahar ...
    in Herat, militants attacked a checkpoint"). Countries are not compared: a statement's
    place is often given as the country it is about."""
    if x is None or y is None:
        return True
    return not (x.feature == y.feature == "city" and x.name != y.name)


def _dates_agree(a: Event, b: Event) -> bool:
    """Equal, or one a coarser form of the other ("2021-06" and "2021-06-02"). An event without
    a date of its own carries the story's date, so it joins only a report of the same days."""
    if a.date is None or b.date is None:
        return True
    if (len(a.date) == 4) != (len(b.date) == 4):  # "this year" is too coarse to be that day's report
        return False
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _clarity(event: Event) -> tuple:
    """Higher is clearer: a date in words, a place, named actors on both sides, then earlier."""
    return (
        event.date_text is not None,
        event.location is not None,
        bool(event.recipient),
        max((target_specificity(e) for e in event.recipient), default=-2),
        max((specificity(e) for e in event.actor), default=-1),
        -event.span[0],
    )


def _fold(group: list[Event]) -> Event:
    kept = max(group, key=_clarity)
    others = [e for e in group if e is not kept]
    for other in sorted(others, key=_clarity, reverse=True):
        if kept.date_text is None and other.date_text is not None:
            kept.date, kept.date_text = other.date, other.date_text
            kept.date_precision, kept.date_end = other.date_precision, other.date_end
        if kept.location is None and other.location is not None:
            kept.location = other.location
        kept.actor = named_for(kept.actor, other.actor)
        kept.recipient = named_for(kept.recipient, other.recipient)
    seen = {tuple(kept.span)}  # a report of its own sentence is no other mention
    kept.mentions = []
    for other in sorted(others, key=lambda e: e.span[0]):
        if tuple(other.span) not in seen:
            seen.add(tuple(other.span))
            kept.mentions.append({"text": other.text, "span": list(other.span)})
    return kept
