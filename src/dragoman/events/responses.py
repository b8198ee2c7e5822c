"""Acts done in response to another, or on another: its actor is acted upon; an act claimed
is done to whom the article's act was done.

"South Korea announced a missile drill in response to the missile launch": the drill is aimed
at whoever launched the missile; "the attack was repelled by Afghan forces": the forces fought
whoever attacked. Where the phrase names that actor ("in retaliation for Nato airstrikes", "in
response to North Korea's launch", "the Taliban attack") it is the recipient; where it only
names the act ("the missile launch", "the attack"), the actor of the last such act the article
reported before is. "IS claimed responsibility for the attack": the article's attack (its
first such act, the one it is about) was done to the crowd, so IS's attack is on the crowd;
where that act is already coded with the claimant, the claim adds nothing. A document-level
step, run on the events of an article in order.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors import is_place
from ..model import Entity, Event, Sentence
from ..plover import MATERIAL_CONFLICT, having
from ..syntax import pobjs
from ..words import words
from .candidates import noun_readings
from .lexicon import load_lexicon
from .fillers import same_actor
from .roles import responsible_party

RESPONSE_NOUNS = words("response_nouns")
RESPONSE_VERBS = words("response_verbs")
UNDIRECTED_TYPES = having("undirected")
MAX_CLIMB = 3  # how far above the trigger the response phrase may hang ("announced a drill in response")


def answer_responses(
    found: list[tuple[Event, Sentence]], entities: list[Entity]
) -> list[tuple[Event, Sentence]]:
    """Give each conflict event with no recipient that responds to an act, or acts on one, the
    actor of that act; an act on an act whose actor is not found is dropped (it needs one)."""
    kept = []
    claims = {i for i, (e, s) in enumerate(found) if _claimed(e, s)}
    for i, (event, sent) in enumerate(found):
        if event.recipient or event.event not in MATERIAL_CONFLICT:
            kept.append((event, sent))
            continue
        tok = _trigger_token(event, sent)
        if i in claims:
            # (an act that names a doer: not "the Nice attack", a place for its people)
            acts = [
                e
                for j, (e, _) in enumerate(found)
                if j not in claims and e.recipient and not all(is_place(a) for a in e.actor)
            ]
            claimed = _last_act(tok, acts)
            if claimed is not None and not any(same_actor(a, b) for a in claimed.actor for b in event.actor):
                event.recipient = [replace(r) for r in claimed.recipient]
                kept.append((event, sent))
            continue
        start, end = event.trigger["span"]
        on_act = act_acted_upon(tok, frozenset(t.i for t in sent.span if start <= sent.offset + t.idx < end))
        target = _responded_to(tok) or on_act
        if target is not None:
            named = _named_in(target, sent, entities)
            earlier = named or _actor_of_last(target, [e for e, _ in found[:i]], event)
            event.recipient = [replace(a) for a in earlier if not any(_same_side(a, b) for b in event.actor)]
        if event.recipient or on_act is None or event.event in UNDIRECTED_TYPES:
            kept.append((event, sent))
    return kept


def _trigger_token(event: Event, sent: Sentence):
    start = event.trigger["span"][0] - sent.offset
    return next((t for t in sent.span if t.idx >= start), sent.span.root)


def _responded_to(tok):
    """The noun of "in response to X", "in retaliation for X", "(a test) to counter X" above
    the trigger, if any."""
    node = tok
    for _ in range(MAX_CLIMB + 1):
        for response in pobjs(node, ("in", "as")):
            if response.lemma_.lower() in RESPONSE_NOUNS:
                found = pobjs(response, ("to", "for", "against"))
                if found:
                    return found[0]
        for purpose in (
            c
            for c in node.children
            if c.dep_ in ("advcl", "xcomp")
            and c.lemma_.lower() in RESPONSE_VERBS
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            found = [o for o in purpose.children if o.dep_ == "dobj"] + pobjs(purpose, ("against", "for"))
            if found:
                return found[0]
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def act_acted_upon(tok, trigger: frozenset = frozenset()):
    """ "the attack was repelled", "security forces suppressed the uprising": a conflict act as
    the object of a conflict act (not the trigger's own noun: "imposed sanctions")."""
    lex = load_lexicon()
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in trigger):
        readings, _ = noun_readings(lex, obj)
        if any(t.event in MATERIAL_CONFLICT for t in readings):
            return obj
    return None


def _named_in(target, sent: Sentence, entities: list[Entity]) -> list[Entity]:
    """The actors the responded-to phrase names: its possessor or modifiers ("North Korea's
    launch", "Nato airstrikes")."""
    starts = {
        sent.offset + t.idx
        for t in target.subtree
        if t.i != target.i and t.dep_ in ("poss", "compound", "amod", "nmod", "pobj")
    }
    return [e for e in entities if e.span[0] in starts and (e.country or e.org)]


def _claimed(event: Event, sent: Sentence) -> bool:
    """An act whose noun someone claims or is responsible for: "claimed responsibility for the attack"."""
    tok = _trigger_token(event, sent)
    return tok.pos_ in ("NOUN", "PROPN") and bool(responsible_party(tok))


def _actor_of_last(target, earlier: list[Event], event: Event) -> list[Entity]:
    """The actor of the last act the article reported before that the phrase names."""
    prior = _last_act(target, [e for e in reversed(earlier) if e.actor])
    return prior.actor if prior is not None else []


def _last_act(target, acts: list[Event]) -> Event | None:
    """The first of the acts (in the order given) that the phrase names: by its word ("the
    attack": one that "attacked"), else by its kind ("the missile launch": a MOBILIZE of
    weapons, "fired a missile")."""
    word = target.lemma_.lower()
    readings, _ = noun_readings(load_lexicon(), target)
    kinds = {(t.event, t.mode) for t in readings if t.event in MATERIAL_CONFLICT}
    acts = [e for e in acts if e.event in MATERIAL_CONFLICT]
    for prior in acts:
        if word in prior.trigger["text"].lower():
            return prior
    for prior in acts:
        if any(prior.event == kind and (mode is None or prior.mode == mode) for kind, mode in kinds):
            return prior
    return None


def _same_side(a: Entity, b: Entity) -> bool:
    """One does not respond to one's own side: the same actor, or the same state (its
    government, forces, leaders; not insurgents or protesters of that country)."""
    state = (None, "GOV", "MIL", "COP")
    return bool(a.id and a.id == b.id) or bool(
        a.country and a.country == b.country and a.sector in state and b.sector in state
    )
