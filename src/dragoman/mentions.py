"""One record per real-world event per article: repeated reports of one event become mentions.

A news article names its main event in the headline, again in the lead, and often once more
further down ("the attack", "Friday's raid"). Coders write it down once, at its clearest
mention. Two events of one document are the same happening when they have the same type and
modality, share an actor, do not disagree on the recipient, and their dates agree. The record
kept is the clearest (an explicit date, a place, named actors); the others become its
`mentions` ({"text", "span"} of their sentences), and what they add (a date said in words, a
place) fills what the kept record lacks.
"""

from __future__ import annotations

from .model import Event


def merge_mentions(events: list[Event]) -> list[Event]:
    """The events of one document with repeats folded into their clearest mention, in order."""
    groups: list[list[Event]] = []
    for event in events:  # the same happening as every report in a group: a coarse date ("in
        # 2017") that agrees with two different days does not make them one
        group = next((g for g in groups if all(same_happening(event, other) for other in g)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    kept = [_fold(group) for group in groups]
    return sorted(kept, key=lambda e: (e.span[0], e.trigger.get("span") or [0]))


def same_happening(a: Event, b: Event) -> bool:
    """Whether two events of one document report the same happening."""
    if a.event != b.event or a.modality != b.modality or a.span == b.span:
        return False
    return _share_actor(a.actor, b.actor) and _agree(a.recipient, b.recipient) and _dates_agree(a, b)


def _keys(entities) -> set[str]:
    return {e.id or e.name.lower() for e in entities}


def _share_actor(one, other) -> bool:
    return bool(_keys(one) & _keys(other))


def _agree(one, other) -> bool:
    """Recipients agree when one side names none, or both name a common one."""
    return not one or not other or bool(_keys(one) & _keys(other))


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
    named = sum(1 for e in event.actor + event.recipient if e.id)
    return (
        event.date_text is not None,
        event.location is not None,
        bool(event.recipient),
        named,
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
    seen = set()
    kept.mentions = []
    for other in sorted(others, key=lambda e: e.span[0]):
        if tuple(other.span) not in seen:
            seen.add(tuple(other.span))
            kept.mentions.append({"text": other.text, "span": list(other.span)})
    return kept
