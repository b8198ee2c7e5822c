"""Modality: whether an event is said to have happened, not to have happened, or to be to come.

asserted | negated | future | intended | hypothetical, read from the clause of the trigger:
its negation and auxiliaries, and the verbs of intent or refusal it hangs from ("plans to
meet", "refused to meet").
"""

from __future__ import annotations

from ..plover import having
from ..syntax import FUTURE_AUX, HYPOTHETICAL_AUX, NEGATIONS
from ..words import words

INTENT_HEADS = words("intent_heads")
REFUSAL_HEADS = words("refusal_heads")
ATTEMPT_HEADS = words("attempt_heads")
DELIBERATION_HEADS = words("deliberation_heads")
OPINION_HEADS = words("opinion_heads")
CONCESSIONS = having("concession")
CLAUSE_DEPS = ("xcomp", "acl", "ccomp", "advcl")
NO_ONE = frozenset({"no", "neither"})  # determiners of a subject that deny the act
MAX_CLAUSES = 3  # how many clauses up a verb of intent or refusal still governs the trigger


def modality_of(head) -> str:
    """asserted | negated | future | intended | hypothetical, from the trigger's clause."""
    children = list(head.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("neg", "det", "advmod") for c in children):
        return "negated"
    if any(_no_one(c) for c in children if c.dep_ in ("nsubj", "nsubjpass")):
        return "negated"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
        return "hypothetical"
    if aux & FUTURE_AUX:
        return "future"
    return _governed_modality(head)


def _no_one(subject) -> bool:
    """ "Neither Washington nor Moscow has tested a bomb", "no country has sent troops": a subject
    that names no one who did it."""
    return any(c.dep_ in ("det", "preconj") and c.lower_ in NO_ONE for c in subject.children)


def _governed_modality(head) -> str:
    """What the clauses above the trigger say of it: "refused to meet", "plans to meet"."""
    node = head
    for _ in range(MAX_CLAUSES):
        if node.dep_ not in (*CLAUSE_DEPS, "pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in REFUSAL_HEADS and node.i == head.head.i and head.dep_ == "xcomp":
            return "negated"
        if node.lemma_.lower() in INTENT_HEADS:
            return "intended"
        if any(c.dep_ == "neg" for c in node.children) and node.dep_ != "ROOT":
            return "negated"
    return "asserted"


def attempted(head) -> bool:
    """ "tried to storm the base", "attempts to strike": the nearest verb or noun of intent above
    the trigger is one of trying."""
    node = intent_above(head)
    return node is not None and node.lemma_.lower() in ATTEMPT_HEADS


def intent_above(head):
    """The nearest verb or noun of intent above the trigger (up to MAX_CLAUSES), or None."""
    node = head
    for _ in range(MAX_CLAUSES):
        if node.dep_ not in (*CLAUSE_DEPS, "pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in INTENT_HEADS:
            return node
    return None


def deliberated(head) -> bool:
    """ "discussed deploying more warships", "considered sending troops", "encouraged them to hold
    talks", "reserves the right to conduct drills": an act only weighed is none done."""
    return _under_clause_head(head, DELIBERATION_HEADS)


def _under_clause_head(head, lemmas) -> bool:
    """Whether one of the clauses the trigger's clause depends on (up to MAX_CLAUSES) is headed
    by one of these lemmas."""
    node = head
    for _ in range(MAX_CLAUSES):
        if node.dep_ not in CLAUSE_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in lemmas:
            return True
    return False


def predicted(head) -> bool:
    """ "analysts believe the US will continue to pressure Pyongyang", "he expects that threats
    against Iran would only harden it": what someone believes will happen has not happened, and
    is no statement of intent of whoever would do it."""
    node, to_come = head, False
    for _ in range(MAX_CLAUSES + 1):
        to_come = to_come or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in node.children
        )
        if node.dep_ not in (*CLAUSE_DEPS, "nsubj", "nsubjpass", "dobj") or node.head.i == node.i:
            return False
        clause = node.dep_
        node = node.head
        if clause == "ccomp" and node.lemma_.lower() in OPINION_HEADS:
            return to_come
    return False


def refused(head) -> bool:
    """ "failed to reach a deal", "declined to meet": a cooperation that was turned down."""
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in REFUSAL_HEADS


def prospective(head) -> bool:
    """Will, would, shall, or under a verb of intent or refusal ("plans to", "ready to")."""
    if {c.lower_ for c in head.children if c.dep_ == "aux"} & FUTURE_AUX:
        return True
    return _under_clause_head(head, INTENT_HEADS)


def declined(cand) -> bool:
    """ "will not end the strike", "refused to lift the embargo": declining to yield is a
    REJECT (CAMEO 124) even where the text names no one it is addressed to."""
    return (
        cand.trigger.event in CONCESSIONS
        and not cand.bare_noun
        and modality_of(cand.head) == "negated"
        and (prospective(cand.head) or refused(cand.head))
    )
