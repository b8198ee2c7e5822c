"""Chains of one person's pronouns in a sentence: "following his talks with Kim ahead of his
visit to Asia": the one met in what "his" did is the other party, so the second "his" goes on
standing for what the first stands for, not for the person just named."""

from __future__ import annotations

FAMILIES = (frozenset({"he", "him", "his", "himself"}), frozenset({"she", "her", "hers", "herself"}))


def earlier_of_chain(tok):
    """The possessive pronoun of the same person earlier in the sentence whose noun's
    prepositional phrase holds every name between the two ("his talks with Kim ... his"), or None."""
    family = next((f for f in FAMILIES if tok.lower_ in f), None)
    if family is None:
        return None
    sent = tok.sent
    for t in reversed(tok.doc[sent.start : tok.i]):
        if t.lower_ not in family:
            continue
        if t.dep_ != "poss":
            return None  # the nearest pronoun of the family decides
        names = [n.i for n in tok.doc[t.i + 1 : tok.i] if n.pos_ == "PROPN"]
        inside = {
            i
            for p in t.head.children
            if p.dep_ == "prep" and not (p.left_edge.i <= tok.i <= p.right_edge.i)
            for i in range(p.left_edge.i, p.right_edge.i + 1)
        }
        return t if names and all(i in inside for i in names) else None
    return None
