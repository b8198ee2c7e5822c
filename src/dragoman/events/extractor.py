"""The events stage over one sentence: candidates, roles, the policy rules, the event record."""

from __future__ import annotations

from ..actors import is_place
from ..model import Event
from ..plover import DEFAULT_CAMEO, having
from ..syntax import in_complement
from .candidates import Candidate, TriggerFinder
from .harm import with_harm_folded, without_told_deeds
from .lexicon import Lexicon, load_lexicon
from .partners import hosts_a_thing, without_open_water
from .modality import modality_of
from .drops import DROPS, DROPS_ON_NAMED, DROPS_ON_TOKENS, first_holding
from .recode import RECODES, STATED_INTENT, Coding, recode
from .fillers import complete_recipients, resolve_roles
from .roles import Case, role_tokens
from .speech import DISAPPROVAL_WORDS, SpeechFinder
from ..words import words

ADDITIVE_ADVERBS = words("additive_adverbs")


# Verbal acts about another act: what they are about is no event of its own (types.tsv).
CONTENT_TYPES = having("about_acts")


class EventExtractor:
    """`extract(sentence, actors, doc_id)` → the events of a parsed sentence.

    `classifier` (optional) is anything with `candidates(span, taken, threshold)` giving
    Candidates for words the lexicon does not know: the learned classifier of classify.py.
    `threshold=None` leaves the classifier its own default (settings.toml).
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        political_only: bool = True,
        classifier=None,
        threshold: float | None = None,
    ):
        self.lex = lexicon or load_lexicon()
        self.finder = TriggerFinder(self.lex)
        self.speech = SpeechFinder(self.lex)
        self.political_only = political_only
        self.classifier, self.threshold = classifier, threshold

    def extract(self, sent, actors, doc_id: str) -> list[Event]:
        found, taken, unsaid = [], set(), []  # (candidate, event); verbal acts making no event
        for cand in self.finder.verb_candidates(sent.span):
            taken.update(t.i for t in cand.tokens)
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                found.append((cand, event))
            else:
                taken.difference_update(t.i for t in cand.tokens)
                unsaid.append(cand)
        for cand in self.speech.candidates(sent.span):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                found.append((cand, event))
            else:
                unsaid.append(cand)
        for cand in self.finder.noun_candidates(sent.span, taken):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                found.append((cand, event))
                taken.update(t.i for t in cand.tokens)
        if self.classifier is not None:
            for cand in self.classifier.candidates(sent.span, taken, self.threshold):
                event = self._event(cand, sent, actors, doc_id)
                if event is not None:
                    found.append((cand, event))
        feelings = [t for t in sent.span if t.lower_ in DISAPPROVAL_WORDS]
        found = [(c, e) for c, e in found if not _content_of_unsaid(c, e, unsaid, feelings)]
        return dedupe(self._without_contents(with_harm_folded(without_told_deeds(_without_purposes(found)))))

    def _without_contents(self, found: list[tuple[Candidate, Event]]) -> list[Event]:
        """What a verbal act is about is no event of its own: "urged Serbia to withdraw",
        "accused Russia of shelling Kharkiv", "denied supplying arms" give the request, the
        accusation, the denial. What it is about, recoded as the same act (a refusal to yield,
        a threat to strike), lends it whom it is addressed to where that is clearer: "refused
        to send troops to Iraq" (REJECT to Iraq, CAMEO 124). (Blame is not about whether the
        act happened: "said militants were responsible for the attack".)"""
        dropped = set()
        for i, (c, e) in enumerate(found):
            if (
                c.trigger.event not in CONTENT_TYPES
                or e.event not in CONTENT_TYPES
                or c.trigger is self.lex.speech["blame"]
            ):
                continue
            inside = [j for j, (c2, _) in enumerate(found) if j != i and _about(c2.head, c)]
            dropped.update(inside)
            same = [found[j][1] for j in inside if found[j][1].event == e.event != found[j][0].trigger.event]
            clearer = [e2 for e2 in same if _named(e2.recipient) > _named(e.recipient)]
            if clearer:
                e.recipient, e.cameo = clearer[0].recipient, clearer[0].cameo
        return [e for i, (_, e) in enumerate(found) if i not in dropped]

    def _event(self, cand: Candidate, sent, actors, doc_id: str) -> Event | None:
        tokens = self.role_tokens(cand)
        if tokens is None:
            return None
        case = Case(tokens.cand, sent, self.lex, tokens, self.political_only)
        if first_holding(DROPS_ON_TOKENS, case) or hosts_a_thing(case):
            return None
        resolve_roles(case, actors)
        if first_holding(DROPS_ON_NAMED, case):
            return None
        complete_recipients(case, actors)
        without_open_water(case)
        if first_holding(DROPS, case):
            return None
        return self._build(case, doc_id)

    def _build(self, case: Case, doc_id: str) -> Event:
        cand, sent = case.cand, case.sent
        trig = cand.trigger
        toks = sorted(cand.tokens, key=lambda t: t.i)
        t_start = sent.offset + toks[0].idx
        t_end = sent.offset + toks[-1].idx + len(toks[-1])
        coding = Coding(
            trig.event, trig.mode, trig.cameo or DEFAULT_CAMEO[trig.event], modality_of(cand.head)
        )
        coding = recode(RECODES, coding, case)
        if not cand.bare_noun:  # an actor's statement of what it will do
            coding = recode(STATED_INTENT, coding, case)
        confidence = (
            0.55
            + 0.15 * bool(case.recipient or case.awaiting)
            + 0.1 * (trig.pos != "N")
            + 0.1 * any(e.country or e.org for e in case.actor)
        )
        return Event(
            doc_id=doc_id,
            event=coding.event,
            mode=coding.mode,
            cameo=coding.cameo,
            text=sent.text,
            span=(sent.start, sent.end),
            trigger={
                "text": sent.span.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1])],
                "span": [t_start, t_end],
            },
            actor=case.actor,
            recipient=case.recipient,
            modality=coding.modality,
            context=self.contexts(sent.span),
            confidence=min(confidence, 0.95),
            awaiting=case.awaiting,
            further=any(
                c.dep_ == "advmod" and c.lemma_.lower() in ADDITIVE_ADVERBS for c in cand.head.children
            ),
        )

    def role_tokens(self, cand: Candidate):
        """The tokens of each role (roles.py); another language's extractor adds its own readings."""
        return role_tokens(cand, self.lex)

    def contexts(self, span) -> list[str]:
        return self.lex.contexts_of(span)


def _about(head, cand: Candidate) -> bool:
    """Whether a trigger's clause is what a candidate is about: inside its complement ("urged X
    to withdraw"), its words' ("disappointed that ..."), or the clause a speaker says of another
    ("X said Y must withdraw"; not the other clauses said: "the court ordered her release, but
    she must stay in the country, her lawyer said")."""
    if cand.obliged is not None:
        return (
            head.i == cand.obliged.i
            or in_complement(head, cand.obliged)
            or any(in_complement(head, t) for t in cand.tokens if t.i != cand.head.i)
        )
    return head.i != cand.head.i and any(in_complement(head, t) for t in (cand.head, *cand.tokens))


def _content_of_unsaid(cand: Candidate, event: Event, unsaid: list[Candidate], feelings: list) -> bool:
    """What a verbal act is about stays no event of its own when that act makes no event (no one
    said who did it): "it was demanded that Serbia withdraw" is no retreat, and a quoted tweet
    "very disappointed that Iraq is allowing arms into Syria" (a feeling of disapproval) is a
    complaint's content, whoever wrote it, not a concession. Content coded as the act itself
    is that act: "refused to allow airlines to land" (REJECT), "threatened that it would sever
    ties" (THREATEN)."""
    if any(in_complement(cand.head, word) for word in feelings):
        return True
    return any(
        other.trigger.event in CONTENT_TYPES
        and other.trigger.event != event.event
        and other.head.i != cand.head.i
        and _about(cand.head, other)
        for other in unsaid
    )


def _named(entities) -> int:
    """How clearly a side is named: an actor of a known state or organisation, the place where it
    happens (standing for its people), a person, or neither."""
    if any((e.country or e.org) and not is_place(e) for e in entities):
        return 3
    if any(e.country for e in entities):
        return 2
    return int(any(e.kind == "person" for e in entities))


def _without_purposes(found: list[tuple[Candidate, Event]]) -> list[tuple[Candidate, Event]]:
    """ "met in Beijing to discuss trade", "held talks to negotiate a truce": an act whose
    purpose clause is an act of the same type between the same sides is one event, told by
    its main verb."""

    def sides(e: Event) -> tuple:
        return (sorted(a.id or a.name for a in e.actor), sorted(r.id or r.name for r in e.recipient))

    def purpose_of(c2: Candidate, c1: Candidate) -> bool:
        head = c2.head
        return head.i != c1.head.i and head.head.i == c1.head.i and head.dep_ in ("xcomp", "advcl")

    return [
        (c2, e2)
        for c2, e2 in found
        if not any(e1.event == e2.event and sides(e1) == sides(e2) and purpose_of(c2, c1) for c1, e1 in found)
    ]


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, trigger): the same words found twice are one event."""
    seen, out = set(), []
    for e in events:
        key = (e.event, tuple(e.trigger["span"]))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
