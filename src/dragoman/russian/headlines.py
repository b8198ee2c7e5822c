"""A Russian headline restates the lead: its events are the body's.

Agency reports open with a headline ("МИД Азербайджана вызвал посла России ...") that the
body then tells in full. An event of the headline is dropped when the body reports an event
of the same type with the same sides (by country, organisation or actor); the body's record
carries the date, place and names. Only Russian headlines are dropped here; an English
headline's events fold into the body's in mentions.py (`headline` finds it for both).
"""

from __future__ import annotations

import re

MAX_HEADLINE_WORDS = 25
SENTENCE_END = re.compile(r"[.!?…]\W*$")


def headline(doc):
    """The first passage when it reads as a headline (short, no closing full stop, text after it)."""
    passages = [p for p in doc.passages if doc.text[p.start : p.end].strip()]
    if len(passages) < 2:
        return None
    first = passages[0]
    text = doc.text[first.start : first.end].strip()
    if len(text.split()) > MAX_HEADLINE_WORDS or SENTENCE_END.search(text):
        return None
    return first


def drop_headline_repeats(doc, found: list, lang: str = "ru") -> list:
    """`found`: (event, sentence) pairs in document order; those of a headline in `lang` that the
    body repeats are left out."""
    head = headline(doc)
    if head is None or head.lang != lang:
        return found
    body = [e for e, s in found if s.start >= head.end]
    return [
        (e, s)
        for e, s in found
        if not (head.start <= s.start < head.end and any(_same_act(e, b) for b in body))
    ]


def _same_act(a, b) -> bool:
    return (
        a.event == b.event
        and _sides(a.actor) == _sides(b.actor)
        and (_sides(a.recipient) == _sides(b.recipient) or not a.recipient or not b.recipient)
    )


def _sides(entities) -> frozenset:
    return frozenset(e.country or e.org or e.id or e.name for e in entities)
