"""Acts done in response to another: the one responded to is acted upon.

"South Korea announced a missile drill in response to the missile launch": the drill is aimed
at whoever launched the missile. Where the response's own phrase names that actor ("in
retaliation for Nato airstrikes", "in response to North Korea's launch") it is the recipient;
where it only names the act ("the missile launch"), the actor of the last such act the article
reported before is. A document-level step, run on the events of an article in order.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Entity, Event, Sentence
from ..plover import MATERIAL_CONFLICT
from ..syntax import pobjs
from ..words import words
from .candidates import noun_readings
from .lexicon import load_lexicon

RESPONSE_NOUNS = words("response_nouns")
MAX_CLIMB = 3  # how far above the trigger the response phrase may hang ("announced a drill in response")


def answer_responses(found: list[tuple[Event, Sentence]], entities: list[Entity]) -> None:
    """Give each conflict event with no recipient that is a response the actor it responds to."""
    for i, (event, sent) in enumerate(found):
        if event.recipient or event.event not in MATERIAL_CONFLICT:
            continue
        target = _responded_to(_trigger_token(event, sent))
        if target is None:
            continue
        named = _named_in(target, sent, entities)
        earlier = named or _actor_of_last(target, [e for e, _ in found[:i]], event)
        event.recipient = [replace(a) for a in earlier if not any(a.id and a.id == b.id for b in event.actor)]


def _trigger_token(event: Event, sent: Sentence):
    start = event.trigger["span"][0] - sent.offset
    return next((t for t in sent.span if t.idx >= start), sent.span.root)


def _responded_to(tok):
    """The noun of "in response to X", "in retaliation for X" above the trigger, if any."""
    node = tok
    for _ in range(MAX_CLIMB + 1):
        for response in pobjs(node, ("in", "as")):
            if response.lemma_.lower() in RESPONSE_NOUNS:
                found = pobjs(response, ("to", "for", "against"))
                if found:
                    return found[0]
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _named_in(target, sent: Sentence, entities: list[Entity]) -> list[Entity]:
    """The actors the responded-to phrase names: its possessor or modifiers ("North Korea's
    launch", "Nato airstrikes")."""
    starts = {sent.offset + t.idx for t in target.subtree if t.i != target.i and t.dep_ in ("poss", "compound", "amod", "nmod", "pobj")}
    return [e for e in entities if e.span[0] in starts and (e.country or e.org)]


def _actor_of_last(target, earlier: list[Event], event: Event) -> list[Entity]:
    """The actor of the last act of the kind the phrase names ("the missile launch": a
    MOBILIZE of weapons; "the attack": an ASSAULT) that the article reported before."""
    readings, _ = noun_readings(load_lexicon(), target)
    kinds = {(t.event, t.mode) for t in readings if t.event in MATERIAL_CONFLICT}
    for prior in reversed(earlier):
        if prior.actor and any(prior.event == kind and (mode is None or prior.mode == mode) for kind, mode in kinds):
            return prior.actor
    return []
