"""What the events of one document need of the whole document: who did the acts named later.

"North Korea fired a missile over Japan on Friday. Japan condemned the test." The second
sentence alone does not say whose test it was; the document does. DocumentActs notes, sentence
by sentence, who did what (the events found, the verbs that do the acts nouns name: "the
committee voted ... the vote", and acts named with their doers: "a missile test by North
Korea"), and once the document is read gives each event that names an
act by a noun (Event.awaiting, see acts.py) the doer of that act: the last such act before the
noun, else (a headline before its story) the first after it, done by someone other than the
one who judges it. Where the document names no doer, the event keeps whom the act's phrase
names ("the raid on Gaza"), and with no one at all, or no political actor on either side, it
is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..model import Entity, Event
from ..syntax import agent_nouns, inherited_subject
from .acts import ActReference, act_noun, act_nouns, doer_tokens, names_doer
from .lexicon import Lexicon
from .fillers import entities, others, political


@dataclass
class Deed:
    """Someone doing something at a place in the document."""

    offset: int
    verbs: frozenset[str]  # the lemmas of its words ("fired a missile": fire, a, missile)
    event: str | None  # its PLOVER type, if it is an event
    doers: list[Entity] = field(default_factory=list)
    done_to: list[Entity] = field(default_factory=list)


def _matches(deed: Deed, ref: ActReference) -> bool:
    return bool(deed.verbs & ref.act.verbs) or deed.event in ref.act.types


class DocumentActs:
    """The deeds of one document, noted in order; then the doers of the acts events name."""

    def __init__(self, lex: Lexicon, political_only: bool = True):
        self.lex, self.political_only = lex, political_only
        self.deeds: list[Deed] = []

    @cached_property
    def act_verbs(self) -> frozenset[str]:
        """The verbs that do an act some noun names: "vote" (the vote), "attack" (the attack)."""
        return frozenset(v for a in act_nouns().values() for v in a.verbs) | frozenset(self.lex.nouns)

    def note(self, sent, events: list[Event], actors) -> None:
        """The deeds of a sentence: its events, and its verbs of acts with a named subject."""
        taken = set()
        for e in events:
            start, end = (o - sent.offset for o in e.trigger["span"])
            toks = [t for t in sent.span if start <= t.idx < end]
            taken.update(t.i for t in toks)
            self.deeds.append(
                Deed(
                    e.trigger["span"][0],
                    frozenset(t.lemma_.lower() for t in toks),
                    e.event,
                    list(e.actor),
                    list(e.recipient),
                )
            )
        for tok in sent.span:
            if tok.i in taken:
                continue
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.act_verbs:  # "the committee voted"
                doers = entities(_subject(tok), actors, role="actor")
            elif act_noun(tok, self.lex) is not None:  # "a missile test by North Korea"
                doers = entities(doer_tokens(tok, self.lex), actors, role="actor")
                doers = [d for d in doers if names_doer(d, tok)]  # (not "jihadist attacks")
            elif (verb := self._agent_verb(tok)) is not None:  # "the attacker, Ali Musa,": he attacked
                doers = entities(_named_agent(tok), actors, role="actor")
                if doers:
                    self.deeds.append(Deed(sent.offset + tok.idx, frozenset({verb}), None, doers))
                continue
            else:
                continue
            if doers:
                self.deeds.append(Deed(sent.offset + tok.idx, frozenset({tok.lemma_.lower()}), None, doers))

    def _agent_verb(self, tok) -> str | None:
        """The act an agent noun says its holder did: "attacker" (attack), "bomber", "shooter"."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or not lemma.endswith("er"):
            return None
        return next((v for v in (lemma[:-2], lemma[:-1]) if v in self.act_verbs), None)

    def resolve(self, found: list[tuple[Event, object]]) -> list[tuple[Event, object]]:
        """The (event, sentence) pairs with the doer of each act an event names as its
        recipient; where the document names none, whom the act's phrase names ("the raid on
        Gaza"), and with neither, the event is dropped."""
        out = []
        for event, sent in found:
            ref, event.awaiting = event.awaiting, None
            if ref is not None:
                event.recipient = self.doers(ref, event.actor) or event.recipient
                if (
                    not event.recipient
                    or self.political_only
                    and not any(political(e) for e in event.actor + event.recipient)
                ):
                    continue
            out.append((event, sent))
        return out

    def doers(self, ref: ActReference, judges: list[Entity]) -> list[Entity]:
        """Who did the act: the last such deed before the noun, else the first after it, by
        someone other than those who judge it; a deed done to them first ("China rejected the
        criticism": the criticism of China)."""
        deeds = [(d, _specific(others(d.doers, judges), d)) for d in self.deeds if _matches(d, ref)]
        deeds = [(d, who) for d, who in deeds if who]
        if any(_coded(who) for _, who in deeds):  # "the court indicted her": the court named before
            deeds = [(d, who) for d, who in deeds if _coded(who) or not _definite(who)]
        to_judges = [(d, who) for d, who in deeds if len(others(d.done_to, judges)) < len(d.done_to)]
        # an act done by its own verb before one only of its type: "X attacked ... Y smashed ...
        # the attack" is X's
        worded = [(d, who) for d, who in deeds if d.verbs & ref.act.verbs]
        before = [who for d, who in to_judges if d.offset < ref.offset]
        after = [who for d, who in to_judges if d.offset > ref.offset and not ref.earlier]
        if before or after:
            return before[-1] if before else after[0]
        for group in (worded, deeds):
            before = [who for d, who in group if d.offset < ref.offset]
            if before:
                return before[-1]
        for group in (worded, deeds):
            after = [who for d, who in group if d.offset > ref.offset and not ref.earlier]
            if after:
                return after[0]
        return []


def _specific(doers: list[Entity], deed: Deed) -> list[Entity]:
    """The doers that name someone: not an act's own description standing as its doer ("faced
    a series of jihadist attacks": "jihadist attacks" is what was done, not who did it)."""
    return [e for e in doers if e.country or e.org or not (e.span[0] <= deed.offset < e.span[1])]


def _coded(entities: list[Entity]) -> bool:
    return any(e.country or e.org for e in entities)


def _definite(entities: list[Entity]) -> bool:
    """Written as a definite description ("the court"): most likely one named in full before."""
    return all(e.text.lower().startswith(("the ", "this ", "that ")) for e in entities)


def _named_agent(noun) -> list:
    """Who an agent noun is: the name in apposition to it ("the attacker, Ali Musa") or that it
    is in apposition to ("Ali Musa, the attacker"), else the noun itself ("the gunman")."""
    named = [c for c in noun.children if c.dep_ == "appos"]
    if not named and noun.dep_ == "appos":
        named = [noun.head]
    doc = noun.doc
    if not named and noun.i + 2 < len(doc) and doc[noun.i + 1].text == ",":  # (the parser may miss it)
        after = next((e for e in doc.ents if e.start == noun.i + 2 and e.label_ == "PERSON"), None)
        named = [after[-1]] if after is not None else []
    return named or [noun]


def _subject(verb) -> list:
    """Who does what a verb says: its subject, the agent of a passive, else the clause's subject."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    subj += agent_nouns(verb)
    if subj or any(c.dep_ == "nsubjpass" for c in verb.children):
        return subj
    return inherited_subject(verb)
