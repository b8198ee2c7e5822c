"""One meeting is one record: a Russian report's later mentions of its meeting are no new events.

A report tells its meeting and then speaks of it again: "Встреча лидеров проходила во Дворце
нации", "Совещание министров в Нижнем Новгороде стало первой такой встречей". A meeting noun
whose participants the sentence names only by an uncoded title ("лидеров", "министров": no
country, organisation or known person) and who meets no one named refers back to the meeting
the document has already reported; it is left out. (Such a noun is not merged with the report
of the meeting: its parties, a bare title, cannot be told to agree with the named ones.)
"""

from __future__ import annotations

from ..actors import is_place

MEETING = "CONSULT"


def drop_meeting_repeats(found: list) -> list:
    """`found`: (event, sentence) pairs in document order, Russian and other."""
    out, met = [], False
    for event, sent in found:
        if (
            event.event == MEETING
            and met
            and getattr(sent, "lang", None) == "ru"
            and _vague_meeting_noun(event, sent)
        ):
            continue
        met = met or event.event == MEETING
        out.append((event, sent))
    return out


def _vague_meeting_noun(event, sent) -> bool:
    if any(a.country or a.org or a.kind == "person" for a in event.actor):
        return False
    if any(not is_place(r) for r in event.recipient):
        return False
    start = event.trigger["span"][0] - sent.offset
    trigger = next((t for t in sent.span if t.idx == start), None)
    return trigger is not None and trigger.pos_ in ("NOUN", "PROPN")
