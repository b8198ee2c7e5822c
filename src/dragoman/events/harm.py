"""One act of force per sentence where one clause tells the harm and another the deed: "84 people
were killed when a man ploughed a truck into the crowd" is one attack, by the man, on the people
(the clause of its time names who did it, agents.doer_of_harm), not a second one on the crowd;
"rebels stormed the office, killing four guards and wounding nine civilians" is one attack on
the office, the guards and the civilians, not three."""

from __future__ import annotations

from ..plover import MATERIAL_CONFLICT
from .agents import TIME_LINKS


def deed_of_told_harm(head, heads) -> bool:
    """Whether the trigger `head` is the clause of time ("when ...", "as ...") of another
    trigger among `heads`: the deed whose harm that other trigger tells."""
    return (
        head.dep_ == "advcl"
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in TIME_LINKS for c in head.children)
        and any(h.i == head.head.i for h in heads)
    )


def without_told_deeds(found: list) -> list:
    """`found` is (candidate, event) pairs of one sentence; drop an act of force that is the
    time clause of another act of force by the same actor (the harm it did keeps its victims)."""
    harms = [(c, e) for c, e in found if e.event in MATERIAL_CONFLICT]
    out = []
    for cand, event in found:
        told = event.event in MATERIAL_CONFLICT and deed_of_told_harm(
            cand.head, [c.head for c, e in harms if e is not event and _same_side(e.actor, event.actor)]
        )
        if not told:
            out.append((cand, event))
    return out


def _same_side(a: list, b: list) -> bool:
    names = lambda side: {(e.name, e.country) for e in side}  # noqa: E731
    return bool(a) and names(a) == names(b)


def with_harm_folded(found: list) -> list:
    """`found` is (candidate, event) pairs of one sentence; an act of force told by a participle
    hanging from another of the same type by the same actor ("stormed the office, killing four
    guards") is the harm that act did: its victims join that act's recipients, and it makes no
    event of its own."""
    out = []
    for cand, event in found:
        deed = _deed_harmed_by(cand, event, found)
        if deed is None:
            out.append((cand, event))
            continue
        for victim in event.recipient:
            if all((victim.name, victim.country) != (r.name, r.country) for r in deed.recipient):
                deed.recipient.append(victim)
    return out


def _deed_harmed_by(cand, event, found):
    """The event whose act the participle `cand` tells the harm of, if any."""
    if event.event not in MATERIAL_CONFLICT:
        return None
    clause = cand.head
    while clause.dep_ == "conj":  # "killing four and wounding nine"
        clause = clause.head
    if (
        clause.dep_ != "advcl"
        or clause.tag_ != "VBG"
        or any(c.dep_ in ("mark", "nsubj") for c in clause.children)
    ):
        return None  # "after killing", "when ...", a clause with a subject of its own
    return next(
        (
            e
            for c, e in found
            if e is not event
            and c.head.i == clause.head.i
            and e.event == event.event
            and _same_side(e.actor, event.actor)
        ),
        None,
    )
