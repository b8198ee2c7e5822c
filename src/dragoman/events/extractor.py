"""The events stage over one sentence: candidates, roles, the policy rules, the event record."""
from __future__ import annotations

from ..model import Event
from ..plover import DEFAULT_CAMEO
from .candidates import Candidate, TriggerFinder
from .lexicon import Lexicon, load_lexicon
from .modality import modality_of
from .recode import DROPS, DROPS_ON_NAMED, DROPS_ON_TOKENS, RECODES, STATED_INTENT, Coding, first_holding, recode
from .roles import Case, complete_recipients, resolve_roles, role_tokens
from .speech import SpeechFinder


class EventExtractor:
    """`extract(sentence, actors, doc_id)` → the events of a parsed sentence.

    `classifier` (optional) is anything with `candidates(span, taken, threshold)` giving
    Candidates for words the lexicon does not know: the learned classifier of classify.py.
    `threshold=None` leaves the classifier its own default (settings.toml).
    """

    def __init__(self, lexicon: Lexicon | None = None, political_only: bool = True,
                 classifier=None, threshold: float | None = None):
        self.lex = lexicon or load_lexicon()
        self.finder = TriggerFinder(self.lex)
        self.speech = SpeechFinder(self.lex)
        self.political_only = political_only
        self.classifier, self.threshold = classifier, threshold

    def extract(self, sent, actors, doc_id: str) -> list[Event]:
        events, taken = [], set()
        for cand in self.finder.verb_candidates(sent.span):
            taken.update(t.i for t in cand.tokens)
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
            else:
                taken.difference_update(t.i for t in cand.tokens)
        for cand in self.speech.candidates(sent.span):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
        for cand in self.finder.noun_candidates(sent.span, taken):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
                taken.update(t.i for t in cand.tokens)
        if self.classifier is not None:
            for cand in self.classifier.candidates(sent.span, taken, self.threshold):
                event = self._event(cand, sent, actors, doc_id)
                if event is not None:
                    events.append(event)
        return dedupe(events)

    def _event(self, cand: Candidate, sent, actors, doc_id: str) -> Event | None:
        tokens = role_tokens(cand, self.lex)
        if tokens is None:
            return None
        case = Case(tokens.cand, sent, self.lex, tokens, self.political_only)
        if first_holding(DROPS_ON_TOKENS, case):
            return None
        resolve_roles(case, actors)
        if first_holding(DROPS_ON_NAMED, case):
            return None
        complete_recipients(case, actors)
        if first_holding(DROPS, case):
            return None
        return self._build(case, doc_id)

    def _build(self, case: Case, doc_id: str) -> Event:
        cand, sent = case.cand, case.sent
        trig = cand.trigger
        toks = sorted(cand.tokens, key=lambda t: t.i)
        t_start = sent.offset + toks[0].idx
        t_end = sent.offset + toks[-1].idx + len(toks[-1])
        coding = Coding(trig.event, trig.mode, trig.cameo or DEFAULT_CAMEO[trig.event], modality_of(cand.head))
        coding = recode(RECODES, coding, case)
        if not cand.bare_noun:  # an actor's statement of what it will do
            coding = recode(STATED_INTENT, coding, case)
        confidence = 0.55 + 0.15 * bool(case.recipient or case.awaiting) + 0.1 * (trig.pos != "N") \
            + 0.1 * any(e.country or e.org for e in case.actor)
        return Event(
            doc_id=doc_id, event=coding.event, mode=coding.mode, cameo=coding.cameo,
            text=sent.text, span=(sent.start, sent.end),
            trigger={"text": sent.span.doc.text[toks[0].idx: toks[-1].idx + len(toks[-1])],
                     "span": [t_start, t_end]},
            actor=case.actor, recipient=case.recipient, modality=coding.modality,
            context=self.contexts(sent.span), confidence=min(confidence, 0.95), awaiting=case.awaiting)

    def contexts(self, span) -> list[str]:
        return self.lex.contexts_of(span)


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, trigger): the same words found twice are one event."""
    seen, out = set(), []
    for e in events:
        key = (e.event, tuple(e.trigger["span"]))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
