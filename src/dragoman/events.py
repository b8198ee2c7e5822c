"""The events stage: triggers from the lexicon, roles from the dependency parse.

For each sentence: find triggers (verbs, light-verb + noun pairs such as "held talks",
nouns with actors of their own such as "support of the SCO member states"), fill their roles
(subject or passive agent → actor; object, passive subject or the trigger's preposition →
recipient; a missing subject is inherited from the clause the trigger hangs from), resolve the
role fillers to actors, and decide modality (negated, future, intended, hypothetical).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .actors import is_place, place_entity
from .model import QUADS, Entity, Event
from .places import PLACE_NOUNS, event_places

DEFAULT_PREPS = {
    "AGREE": ("with",), "CONSULT": ("with",), "SUPPORT": ("for", "to"), "CONCEDE": ("to",),
    "COOPERATE": ("with",), "AID": ("to", "for"), "RETREAT": ("from",), "REQUEST": ("to", "from"),
    "ACCUSE": ("against", "of"), "REJECT": (), "THREATEN": ("against", "with"),
    "PROTEST": ("against",), "SANCTION": ("on", "against"), "MOBILIZE": ("to", "against"),
    "COERCE": ("against", "on"), "ASSAULT": ("on", "against", "at"),
}
DEFAULT_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080",
                 "COOPERATE": "060", "AID": "070", "RETREAT": "087", "REQUEST": "100",
                 "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
                 "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190"}
# Events that may have no recipient: gatherings, protests, troop movements, resignations.
UNDIRECTED_OK = {"CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "AGREE"}
SUBJECT_DEPS = ("nsubj", "csubj")
OCCURRENCE_VERBS = {"take", "hold", "be", "open", "begin", "start", "happen", "occur", "convene",
                    "conclude", "end", "close", "continue", "resume", "schedule", "plan"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must"}
INTENT_HEADS = {"plan", "intend", "want", "seek", "hope", "aim", "ready", "readiness",
                "prepare", "expect", "wish", "willing", "willingness", "try", "attempt", "offer",
                "propose", "promise", "pledge", "vow", "threaten", "agree"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
REFUSAL_HEADS = {"fail", "refuse", "decline", "reject", "resist"}
NEGATIONS = {"not", "n't", "never", "no"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj", "attr", "oprd", "acomp"}
MAX_CLIMB = 6
# Verbs whose object noun is not an event of their subject: "survived an attack", "discussed
# sanctions", "condemned the strike" (a trigger of its own).
BLOCKING_VERBS = {"survive", "suffer", "face", "fear", "prevent", "avoid", "escape", "repel", "discuss",
                  "debate", "consider", "study", "report", "deny", "receive", "win", "get", "need",
                  "want", "await", "expect", "predict", "anticipate", "end", "stop", "halt", "cancel",
                  "postpone", "delay", "blame", "see", "watch", "witness", "cover", "mark", "commemorate",
                  "remember", "recall", "describe", "call", "label", "investigate", "probe", "document",
                  "claim", "attend", "join", "host", "organize", "organise", "violate", "break"}
RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE"}
MEETING_NOUNS = {"summit", "talks", "talk", "meeting", "negotiation", "negotiations", "dialogue"}
# "X faced criticism from Y", "X's initiative met with the support of Y": X is acted upon.
RECEIVING_VERBS = {"meet", "receive", "win", "gain", "enjoy", "get", "face", "draw", "attract", "earn",
                   "come"}
# Nouns whose "of" names what is moved, not who is acted upon: "the deployment of 230 troops".
THEME_NOUN_TYPES = {"MOBILIZE", "AID"}
# "went on strike", "remained on alert", "put its forces on alert"
ON_VERBS = {"go", "remain", "stay", "be", "put", "place", "keep"}
# Passive events whose unnamed agent is the state where they happen.
IMPLICIT_STATE_TYPES = {"COERCE", "SANCTION", "RETREAT"}
ORDERING_VERBS = {"order", "authorize", "authorise", "approve", "decree", "command", "sanction",
                  # "promised its support for", "announced sanctions on": the noun is the event
                  "promise", "pledge", "vow", "reaffirm", "reiterate", "voice", "express", "declare",
                  "announce", "convey", "extend", "renew"}
DEMAND_VERBS = {"demand", "urge", "insist", "ask", "request", "order", "require"}
COMPLEMENT_PREPS = ("with", "to", "on", "against", "for", "into", "at", "from")
# Prepositions whose object a light verb governs: "agreed to the plan", "designated two companies
# under its sanctions programme"
LIGHT_PREPS = ("to", "on", "upon", "as", "for", "under")
# "called for sanctions against Moscow", "demanded an investigation into X": a call to punish X
# is an accusation of X (what the PLOVER annotations code), not a request made of anyone.
PUNITIVE_TYPES = {"COERCE", "SANCTION", "ACCUSE"}
# "launched a scathing attack on the spy chiefs": words, not force.
VERBAL_ATTACK = {"scathing", "verbal", "blistering", "stinging", "withering", "extraordinary", "bitter",
                 "personal", "rhetorical", "harsh", "vitriolic", "sharp", "fierce", "furious", "unprecedented"}
ARMED_SECTORS = {"MIL", "REB"}
# Nominalised acts done to someone: "X's release", "X's arrest", "X's extradition"
PATIENT_POSSESSOR_TYPES = {"RETREAT", "CONCEDE", "COERCE", "ACCUSE", "ASSAULT"}
SAYING_VERBS = {"say", "tell", "insist", "stress", "add", "note", "argue", "declare", "state", "write",
                "warn", "emphasize", "emphasise", "believe", "think", "maintain", "reiterate", "demand"}
OBLIGATION_AUX = {"must", "should"}
BLAME_WORDS = {"responsible", "guilty", "culpable"}
DISPUTE_NOUNS = {"rift", "dispute", "conflict", "confrontation", "tension", "tensions", "war", "feud",
                 "standoff", "row", "crisis", "differences", "fighting", "hostilities", "clashes"}
HELPERS = {"observer", "monitor", "inspector", "doctor", "medic", "nurse", "expert", "rescuer",
           "engineer", "adviser", "advisor", "trainer", "volunteer", "worker", "team"}
HELPING_VERBS = {"help", "assist", "support", "aid", "protect", "train", "rebuild", "relieve"}
LOCATIVE_PREPS = ("in", "into", "at", "along", "near", "across", "inside", "to")
# "protesters clashed with police": a violent protest (CAMEO 145), not an armed attack
RIOT_VERBS = {"clash", "scuffle", "riot"}
UNARMED_SECTORS = {"CVL", "OPP", "LAB", "EDU", "REF", "REL", "PTY"}
# An authority ordering people, the press or companies about imposes on them (CAMEO 172);
# ordering a state or one's own forces is a demand or a command, not coercion.
COMMAND_VERBS = {"order", "force", "compel", "instruct"}
AUTHORITY_SECTORS = {"GOV", "JUD", "COP", "MIL", "LEG"}
SUBJECT_SECTORS = {None, "MED", "BUS", "CVL", "EDU", "REL", "LAB", "REF", "OPP", "PTY"}
# "fight the disease", "combat the outbreak", "battle the wildfire": force used against what
# these contexts name (contexts.tsv) is not used against anyone.
NON_HOSTILE_CONTEXTS = {"health", "disasters", "environment"}
FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    event: str
    mode: str | None
    cameo: str | None
    preps: tuple[str, ...]
    needs_recipient: bool = False
    object_is_theme: bool = False  # "deployed troops to X": the troops are not acted upon
    mutual: bool = False  # "Jordan and Britain signed a deal": each side acts on the other
    context: str | None = None  # fires only in a sentence with this context ("peacekeepers arrived")


OBLIGATION = Trigger("must", "V", "REQUEST", None, "100", ())
BLAME = Trigger("responsible", "V", "ACCUSE", "disapprove", "112", ())


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    light: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    particles: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    contexts: dict[str, str] = field(default_factory=dict)

    def types(self) -> set[str]:
        tables = [self.verbs, self.nouns, self.light, self.particles]
        return {t.event for table in tables for ts in table.values() for t in ts}


def _data_rows(name: str):
    text = (resources.files("dragoman") / "data" / "events" / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _trigger_files() -> list[str]:
    """triggers.tsv, written by hand, then the generated triggers_*.tsv (scripts/import_petrarch.py):
    a word's first reading is the one used, so the hand-written one wins."""
    folder = resources.files("dragoman") / "data" / "events"
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("triggers") and p.name.endswith(".tsv"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in _data_rows("contexts.tsv"):
        lex.contexts[row["word"].lower()] = row["context"]
    context_names = set(lex.contexts.values())
    for row in (r for name in _trigger_files() for r in _data_rows(name)):
        event = row["event"].strip()
        if event not in QUADS:
            raise ValueError(f"triggers.tsv: unknown PLOVER type {event!r} for {row['trigger']!r}")
        preps = tuple(p for p in (row.get("preps") or "").split("|") if p) or DEFAULT_PREPS[event]
        needs = set((row.get("needs") or "").split("|"))
        trig = Trigger(row["trigger"], row["pos"], event, row.get("mode") or None,
                       row.get("cameo") or None, preps, "recipient" in needs, "theme" in needs,
                       row["event"] in RECIPROCAL or "mutual" in needs,
                       next((n for n in needs if n in context_names), None))
        words = row["trigger"].split()
        table, key = {"V": (lex.verbs, words[0]), "N": (lex.nouns, row["trigger"]),
                      "LV": (lex.light, (words[0], words[-1])),
                      "VP": (lex.particles, (words[0], words[-1]))}[row["pos"]]
        table.setdefault(key, []).append(trig)
    return lex


@dataclass
class Candidate:
    trigger: Trigger
    tokens: list          # trigger tokens (verb, or verb + noun, or noun)
    head: object          # the token whose clause carries roles and modality
    noun: object = None   # the object noun of a light verb, or a noun trigger
    light: bool = False   # a noun trigger that is the object of another verb
    occurrence: bool = False  # a noun trigger that is the subject of "take place", "be held"
    obliged: object = None  # "X said Y must withdraw": the verb of what Y must do


class EventExtractor:
    def __init__(self, lexicon: Lexicon | None = None, political_only: bool = True,
                 classifier=None, threshold: float = 0.6):
        self.lex = lexicon or load_lexicon()
        self.political_only = political_only
        # The learned classifier (dragoman train) types words the lexicon does not know.
        self.classifier, self.threshold = classifier, threshold

    # ---------------------------------------------------------------- triggers
    def verb_candidates(self, sent) -> list[Candidate]:
        found: list[Candidate] = []
        used: set[int] = set()
        for tok in sent:
            if tok.i in used:
                continue
            cand = self._light_verb(tok) or self._ordered_noun(tok) or self._particle_verb(tok) \
                or self._verb(tok)
            if cand is not None:
                found.append(cand)
                used.update(t.i for t in cand.tokens)
        return found

    def noun_candidates(self, sent, taken: set[int]) -> list[Candidate]:
        """Nouns not inside the phrase of a trigger that made an event ("during a visit to Geneva")."""
        found = []
        for tok in sent:
            if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            trigs = _fitting(self.lex.nouns.get(_noun_key(tok)), tok)
            if not trigs:
                continue
            first = _first_conjunct(tok)
            if first.i != tok.i and first.dep_ == "dobj" and (
                    first.i in taken or first.head.lemma_.lower() in ORDERING_VERBS):
                # "expressed its rejection and condemnation of X": the verb expresses both
                found.append(Candidate(trigs[0], _hyphenated(tok), first.head, tok, light=True))
                continue
            if any(a.i in taken for a in tok.ancestors):
                continue
            words = _hyphenated(tok)
            noun = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
            verb = noun.head
            if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ in ON_VERBS:
                # "went on strike", "remained on alert": the subject of "go" or "remain" acts.
                protest = [t for t in self.lex.nouns.get(tok.lemma_.lower(), []) if t.event == "PROTEST"]
                found.append(Candidate((protest or trigs)[0], words, noun.head.head, noun, light=True))
                continue
            if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in BLOCKING_VERBS \
                    and verb.lemma_.lower() not in self.lex.verbs:  # "welcomed the deal" is not a deal
                # "declared its support for", "launched a mediation effort": the verb's subject acts.
                found.append(Candidate(trigs[0], words, verb, noun, light=True))
            else:
                found.append(Candidate(trigs[0], words, tok, tok))
        return found

    def obligation_candidates(self, sent) -> list[Candidate]:
        """ "X said Y must withdraw", "X insists Y should pay": what a speaker says another must
        do is a REQUEST of the speaker to them (reported speech)."""
        found = []
        for tok in sent:
            if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SAYING_VERBS:
                continue
            must = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX]
            blame = [c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in BLAME_WORDS]
            if must:
                found.append(Candidate(OBLIGATION, [must[0], tok], tok.head, obliged=tok))
            elif blame:  # "the government said Taliban militants were responsible": an accusation
                found.append(Candidate(BLAME, [blame[0]], tok.head, obliged=tok))
        return found

    def _light_verb(self, tok) -> Candidate | None:
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        # "agreed to the plan", "declared a state of siege in X to begin at midnight"
        small = [c for c in tok.children if c.dep_ in ("ccomp", "acomp") and c.pos_ == "ADJ"]  # "found X guilty"
        for obj in _objects(tok) + _raised_objects(tok) + _pobjs(tok, LIGHT_PREPS) + small:
            # the noun, its conjuncts, and the noun it is named by: "ended mediation efforts"
            nouns = [_through_quantity(n) for n in (obj, *_conjuncts(obj))]
            nouns += [c for c in obj.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
            for noun in nouns:
                trigs = _fitting(self.lex.light.get((tok.lemma_.lower(), noun.lemma_.lower())), noun, tok)
                if trigs:  # (a compound stands in its phrase: "a loan guarantee to Ukraine")
                    head = obj if noun.dep_ == "compound" and noun.head.i == obj.i else noun
                    return Candidate(trigs[0], [tok, noun, head] if head.i != noun.i else [tok, noun], tok, head)
        return None

    def _ordered_noun(self, tok) -> Candidate | None:
        """ "ordered the arrest of X", "approved the release of Y": the event ordered is the
        event of the one who orders it."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ORDERING_VERBS:
            return None
        for obj in _objects(tok):
            trigs = self.lex.nouns.get(obj.lemma_.lower())
            if trigs:
                return Candidate(trigs[0], [obj], tok, obj, light=True)
        return None

    def _particle_verb(self, tok) -> Candidate | None:
        if tok.pos_ != "VERB":
            return None
        for child in tok.children:
            # a preposition right after the verb ("called on Iran"), not one after its object
            # ("called the king on Saturday")
            if child.dep_ == "prt" and child.i > tok.i or child.dep_ == "prep" and child.i == tok.i + 1:
                trigs = self.lex.particles.get((tok.lemma_.lower(), child.lower_))
                if trigs:
                    # "called for sanctions against Moscow": what is called for carries the target
                    obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                    return Candidate(trigs[0], [tok, child], tok, obj)
        return None

    def _verb(self, tok) -> Candidate | None:
        if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            return None
        trigs = [t for t in self.lex.verbs.get(tok.lemma_.lower(), [])
                 if t.context is None or t.context in self.contexts(tok.sent)]
        if not trigs or any(c.dep_ == "oprd" for c in tok.children):
            return None  # "he calls it The Boring Company": naming, not calling
        return Candidate(trigs[0], [tok], tok)

    # ---------------------------------------------------------------- roles
    def extract(self, sent, actors, doc_id: str) -> list[Event]:
        events, taken = [], set()
        for cand in self.verb_candidates(sent.span):
            taken.update(t.i for t in cand.tokens)
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
            else:
                taken.difference_update(t.i for t in cand.tokens)
        for cand in self.obligation_candidates(sent.span):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
        for cand in self.noun_candidates(sent.span, taken):
            event = self._event(cand, sent, actors, doc_id)
            if event is not None:
                events.append(event)
                taken.update(t.i for t in cand.tokens)
        if self.classifier is not None:
            from .classify import learned_candidates

            for cand in learned_candidates(sent.span, self.classifier, taken, self.threshold):
                event = self._event(cand, sent, actors, doc_id)
                if event is not None:
                    events.append(event)
        return _dedupe(events)

    def _event(self, cand: Candidate, sent, actors, doc_id: str) -> Event | None:
        if cand.obliged is not None:  # the speaker acts on whoever must do what is said
            actor_toks = [c for c in cand.head.children if c.dep_ in SUBJECT_DEPS] or _inherited_subject(cand.head)
            obj_toks = [c for c in cand.obliged.children if c.dep_ in ("nsubj", "nsubjpass")]
            prep_toks = []
        elif cand.trigger.pos == "N" and not cand.light:
            actor_toks, obj_toks, prep_toks = *self._noun_roles(cand), []
        else:
            actor_toks, obj_toks, prep_toks = self._verb_roles(cand)
            if actor_toks is None:
                return None
        if cand.trigger.event in FORCE_TYPES and any(self._non_hostile(t) for t in obj_toks + prep_toks):
            return None
        actor = _entities(actor_toks, actors, role="actor")
        avoid = frozenset(a.id for a in actor if a.id)
        from_prep = _entities(prep_toks, actors, avoid=avoid)
        named = _entities(obj_toks, actors, avoid=avoid) + from_prep
        if cand.noun is not None and cand.trigger.pos == "LV" and not named:
            # "expelled the American diplomat", "summoned the ambassador": the noun is acted upon
            # unless the phrase names someone else ("halt talks with President Mugabe")
            named = _entities([cand.noun], actors, avoid=avoid)
        recipient = []
        for r in named:
            recipient += _others([r], actor + recipient)
        # "cooperation between X and Y": a noun trigger whose parties are its actors
        mutual = cand.trigger.mutual and len(actor) > 1 and cand.noun is not None and cand.noun.i == cand.head.i
        if not actor or (named and not recipient and not mutual):  # no actor, or acting on itself
            return None
        if any(t.head.lower_ == "with" for t in prep_toks) and not named \
                and cand.trigger.event in ("CONSULT", "AGREE", "COOPERATE"):
            return None  # "met with a positive response": not a meeting with an actor
        if not recipient:  # "agreed to allow access of UN aid workers", "refused to meet with X"
            recipient = _others(_entities(_complement_objects(cand.head), actors), actor)
        if cand.trigger.mutual and len(actor) > 1 and any(_political(a) for a in actor) \
                and not cand.trigger.needs_recipient:
            recipient = list(actor) + recipient  # "Jordan and Britain agreed": each with the other
        if not recipient:  # "launched a mediation effort to resolve the rift between Qatar and the UAE"
            recipient = _others(_entities(_parties_between(cand.head), actors), actor)
        if not any(r.country or r.org for r in recipient):
            # "imposed a curfew in X", "announced a ceasefire in Idlib"; and beside people and
            # bodies of no known country: "killed 48 people in Afghanistan"
            recipient += _others(self._place_recipients(cand, sent, actors), actor + recipient)
        if self.political_only and not any(_political(e) for e in actor + recipient):
            return None  # "the Cardinals praised Palmer": sports and celebrity news are not event data
        if cand.trigger.event == "CONSULT" and recipient and all(r.sector == "MED" for r in recipient):
            return None  # "spoke to the Guardian": an interview is not a consultation
        bare_noun = cand.trigger.pos == "N" and not cand.light and not cand.occurrence
        if not recipient and (cand.trigger.event not in UNDIRECTED_OK or cand.trigger.needs_recipient
                              or bare_noun) and not self._declined(cand):
            return None
        return self._build(cand, sent, actor, recipient, doc_id)

    def _declined(self, cand: Candidate) -> bool:
        """ "will not end the strike", "refused to lift the embargo": declining to yield is a
        REJECT (CAMEO 124) even where the text names no one it is addressed to."""
        return cand.trigger.event in ("CONCEDE", "RETREAT") and not (cand.trigger.pos == "N" and not cand.light) \
            and modality_of(cand.head) == "negated" and (_prospective(cand.head) or _refused(cand.head))

    def _punitive(self, noun) -> bool:
        return any(t.event in PUNITIVE_TYPES for t in self.lex.nouns.get(noun.lemma_.lower(), []))

    def _non_hostile(self, tok) -> bool:
        return self.lex.contexts.get(tok.lemma_.lower()) in NON_HOSTILE_CONTEXTS

    def _place_recipients(self, cand: Candidate, sent, actors) -> list[Entity]:
        """Where no actor is acted upon, the place of the event stands for its people or its
        government, as PETRARCH and PLOVER's annotators code it: "attacks in Afghanistan" (AFG),
        "troops remained on alert in Manila" (PHL). Only the closest place phrase."""
        found = event_places(sent.span, cand.head.i, offset=sent.offset)
        if found:
            return [place_entity(p, p.text, p.span) for p in found[:1] if p.country_code]
        # "remained on alert in Bosnian Serb territory", "mobilised its men to the area"
        holders = [cand.head] + ([cand.noun] if cand.noun is not None else [])
        tok = next((o for h in holders for o in _pobjs(h, LOCATIVE_PREPS)
                    if o.lemma_.lower() in PLACE_NOUNS), None)
        if tok is None:
            return []
        phrase = _head_phrase(tok)
        inside = _entity_for(tok, actors)
        country = inside.country if inside is not None and inside.country != "IGO" else None
        start = sent.offset + phrase[0].idx
        return [Entity(name=phrase.text, text=phrase.text, span=(start, start + len(phrase.text)),
                       kind="state", country=country)]

    def _verb_roles(self, cand: Candidate):
        """(actor tokens, object tokens, tokens after the trigger's prepositions)."""
        verb = cand.head
        trig = cand.trigger
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        themes = []
        if passive:
            subj = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
        else:
            subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")] if cand.noun is None \
                else [c for c in verb.children if c.dep_ == "dative"  # "gave Sudan aid"
                      or c.dep_ == "dobj" and cand.noun.dep_ == "pobj"]  # "used civilians as shields"
            if cand.noun is None and not any(c.dep_ == "dobj" for c in verb.children):
                objs += _raised_objects(verb)
            elif cand.noun is not None and cand.noun.pos_ == "ADJ":  # "found X guilty"
                objs += [c for c in cand.noun.children if c.dep_ == "nsubj"]
            elif trig.pos == "VP" and cand.noun is not None:  # "called on Serbia", "called for the release of X"
                objs.append(cand.noun)
            if trig.object_is_theme:  # "sent troops to Mali": Mali, not the troops; "gave Egypt aid": Egypt
                themes = [c for c in objs if c.dep_ == "dobj"]
                objs = [c for c in objs if c.dep_ == "dative"]
        if verb.dep_ == "relcl" and not passive and (not subj or subj[0].lower_ in RELATIVE_PRONOUNS):
            subj = [verb.head]  # "Jakab, who praised China": the relative pronoun's antecedent
        if verb.dep_ == "relcl" and passive and objs and objs[0].lower_ in RELATIVE_PRONOUNS:
            objs = [verb.head]  # "activists who were detained by police": the activists
        if not subj and not passive:
            subj = _inherited_subject(verb)
        if not subj and passive and trig.event in IMPLICIT_STATE_TYPES:
            # "was arrested in Niger", "were expelled from North Korea": by that state's authorities
            subj = _pobjs(verb, ("in",)) or [o for o in _pobjs(verb, ("from",)) if o.ent_type_ in ("GPE", "LOC")]
        subj = _past_dateline(subj)
        if not subj:
            return None, [], []
        # "held talks with X", "hosted talks with X": the object noun's prepositions count too.
        holders = [verb, *([cand.noun] if cand.noun is not None else []), *objs, *themes]
        allowed = set(trig.preps) | set(DEFAULT_PREPS[trig.event])  # "a suspension of aid to Egypt"
        if cand.noun is not None:  # "sanctions against Moscow": the noun's own prepositions
            allowed |= {p for t in self.lex.nouns.get(cand.noun.lemma_.lower(), []) for p in t.preps}
        light = cand.noun is not None  # "opened investigations against X": the noun's event decides
        preps = [p for h in holders for p in h.children
                 if p.dep_ in ("prep", "dative") and p.lower_ in (allowed if light else trig.preps)]
        if cand.noun is not None and trig.event not in THEME_NOUN_TYPES:  # "ordered the arrest of X"
            preps += [p for p in cand.noun.children if p.dep_ == "prep" and p.lower_ == "of"]
            if cand.light and trig.event in PATIENT_POSSESSOR_TYPES:  # "ordered the tanker's release"
                objs += [c for c in cand.noun.children if c.dep_ == "poss"]
        return subj, objs, [o for p in preps for o in p.children if o.dep_ == "pobj"]

    def _noun_roles(self, cand: Candidate):
        noun, trig = cand.noun, cand.trigger
        actor = [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
        actor += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "by", "from")
                  and not (p.lower_ == "of" and "of" in trig.preps)  # "the bombing of a mosque": its target
                  for o in p.children if o.dep_ == "pobj"]
        if trig.mutual:  # "cooperation between the Philippines and the United States"
            actor += [x for o in _pobjs(noun, ("between",)) for x in (o, *_conjuncts(o))]
        # "the cartel was responsible for mass killings", "X claimed responsibility for the bombing"
        actor = _responsible_party(noun) or actor
        recip = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in trig.preps
                 for o in p.children if o.dep_ == "pobj"]
        head = noun.head
        # "X's initiative met with ... support of Y": Y supports X.
        while head.dep_ in ("conj", "pobj", "prep") and head.head.i != head.i:
            head = head.head
        if not recip and head.pos_ == "VERB" and head.lemma_ in RECEIVING_VERBS:
            recip = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not recip:  # "its demand that the US ease sanctions": the clause's subject
            recip = [o for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
                     for o in c.children if o.dep_ in ("nsubj", "nsubjpass") and o.lower_ not in RELATIVE_PRONOUNS]
        # "the summit will take place in X": the summit is the event, its modifiers the actors.
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in OCCURRENCE_VERBS:
            cand.head = noun.head
            cand.occurrence = True
        return actor, recip

    # ---------------------------------------------------------------- event record
    def _build(self, cand: Candidate, sent, actor, recipient, doc_id: str) -> Event:
        trig = cand.trigger
        offset = sent.offset
        toks = sorted(cand.tokens, key=lambda t: t.i)
        t_start = offset + toks[0].idx
        t_end = offset + toks[-1].idx + len(toks[-1])
        modality = modality_of(cand.head)
        event, mode, cameo = trig.event, trig.mode, trig.cameo or DEFAULT_CAMEO[trig.event]
        if trig.mode == "seize" and any(r.kind == "state" for r in recipient) and _has_place_object(cand.head):
            event, mode, cameo = "ASSAULT", None, "192"  # "captured three cities": a military seizure
        if event == "COERCE" and trig.mode == "seize" \
                and any(a.sector in ARMED_SECTORS for a in actor):
            event, mode, cameo = "ASSAULT", None, "190"  # armed forces seizing or blockading: force
        if event == "ASSAULT" and trig.lemma in RIOT_VERBS and actor and all(
                a.sector in UNARMED_SECTORS for a in actor):
            event, mode, cameo = "PROTEST", "riot", "145"
        if event == "REQUEST" and trig.lemma in COMMAND_VERBS and _commands(actor, recipient):
            event, mode, cameo = "COERCE", "restrict", "172"  # "ordered the newspaper to suspend publication"
        if event == "MOBILIZE" and (any(t.lemma_.lower().startswith("peacekeep") for t in sent.span)
                                    or _sends_help(cand)):
            event, mode, cameo = "AID", None, "074"  # troops sent to keep the peace: CAMEO 074
        if event == "REQUEST" and cand.noun is not None and self._punitive(cand.noun):
            event, mode, cameo = "ACCUSE", None, "112"
        if event == "ASSAULT" and cand.noun is not None and any(
                c.dep_ == "amod" and c.lower_ in VERBAL_ATTACK for c in cand.noun.children):
            event, mode, cameo = "ACCUSE", None, "111"
        if not (trig.pos == "N" and not cand.light):  # an actor's statement of what it will do
            event, mode, cameo, modality = recode_intent(event, mode, cameo, modality, cand.head)
        confidence = 0.55 + 0.15 * bool(recipient) + 0.1 * (trig.pos != "N") \
            + 0.1 * any(e.country or e.org for e in actor)
        return Event(
            doc_id=doc_id, event=event, mode=mode, cameo=cameo,
            text=sent.text, span=(sent.start, sent.end),
            trigger={"text": sent.span.doc.text[toks[0].idx: toks[-1].idx + len(toks[-1])],
                     "span": [t_start, t_end]},
            actor=actor, recipient=recipient, modality=modality,
            context=self.contexts(sent.span), confidence=min(confidence, 0.95))

    def contexts(self, span) -> list[str]:
        found = []
        for tok in span:
            ctx = self.lex.contexts.get(tok.lemma_.lower()) or self.lex.contexts.get(tok.lower_)
            if ctx and ctx not in found:
                found.append(ctx)
        return found


# -------------------------------------------------------------------- parse helpers

def _complement_objects(verb, depth: int = 2):
    """Objects of the clause a trigger governs: "agreed to allow access of X" → access."""
    out = []
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            out += [o for o in c.children if o.dep_ in ("dobj", "dative", "nsubj")]
            out += _pobjs(c, COMPLEMENT_PREPS)
            if depth > 1 and not out:
                out += _complement_objects(c, depth - 1)
        elif c.dep_ == "ccomp" and verb.lemma_.lower() in DEMAND_VERBS:
            out += [o for o in c.children if o.dep_ in ("nsubj", "nsubjpass")]  # "demanded that X step down"
        elif c.dep_ == "advcl" and any(m.lower_ in ("until", "unless", "till", "before") for m in c.children
                                       if m.dep_ == "mark"):
            # "will not end the strike until the government ...", "... until their demands are met
            # by the authorities", "... before the management is sacked"
            agents = [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            out += agents or [o for o in c.children if o.dep_ in ("nsubj", "nsubjpass")]
    return out


def _raised_objects(verb) -> list:
    """ "convicted the bank to pay", "allowed two airlines to land": spaCy parses the object of
    the trigger as the subject of the infinitive that follows it."""
    return [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
            and (any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or c.pos_ == "ADJ"
                 or c.tag_ == "VBG")  # "accept refugees fleeing the war"
            for s in c.children if s.dep_ == "nsubj"]  # (or "found X guilty")


def _hyphenated(tok) -> list:
    """The tokens of a hyphenated word spaCy split ("cease", "-", "fire"), else [tok]."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].idx + len(doc[tok.i - 2]) == doc[tok.i - 1].idx:
        return [doc[tok.i - 2], doc[tok.i - 1], tok]
    return [tok]


def _noun_key(tok) -> str:
    """A noun's lexicon key; a hyphenated word counts whole: "cease-fire" → "ceasefire"."""
    words = _hyphenated(tok)
    return (words[0].lower_ if len(words) > 1 else "") + tok.lemma_.lower()


def _fitting(trigs: list[Trigger] | None, tok, *extra) -> list[Trigger]:
    """Of a word's readings, those its phrase allows: "the strike on Kyiv" (with a target) is an
    attack, "the strike" alone is a labour strike."""
    if not trigs:
        return []
    preps = {c.lower_ for t in (tok, *extra) for c in t.children if c.dep_ == "prep"}
    fitting = [t for t in trigs if not t.needs_recipient or preps & set(t.preps)]
    return sorted(fitting, key=lambda t: not t.needs_recipient)  # the reading with a target first


def _has_place_object(verb) -> bool:
    return any(c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "LOC", "FAC") or
                                      c.lemma_.lower() in ("city", "town", "village", "territory", "area"))
               for c in verb.children)


def _pobjs(head, preps):
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def _objects(verb):
    return [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass", "oprd")]


def _first_conjunct(tok):
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _conjuncts(tok):
    return [c for c in tok.children if c.dep_ == "conj"]


def _inherited_subject(verb):
    """A verb with no subject takes the subject of the clause it depends on."""
    node = verb
    for _ in range(MAX_CLIMB):
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ != "dobj" and verb.dep_ == "acl" and node is verb.head:
            return [node]
        subj = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subj and node.pos_ in ("VERB", "AUX"):
            return subj
    return []


def _entities(tokens, actors, role: str = "recipient", avoid: frozenset = frozenset()) -> list[Entity]:
    out: list[Entity] = []
    for tok in [p for t in tokens for p in (_between(t) or _plural_of(t) or [t])]:
        for t in [tok, *_conjuncts_deep(tok)]:
            ent = _entity_for(t, actors, role, avoid=avoid)
            if ent is not None and not ent.stands_for_members:
                ent = actors.as_phrase(ent, _head_phrase(t))
            for e in (ent.members if ent is not None and ent.stands_for_members else [ent]):
                if e is not None and not any(_same_actor(e, o) for o in out):
                    out.append(e)
    return out


def _between(tok) -> list:
    """ "the summit between the EU and Turkey failed": the parties stand for the meeting."""
    if tok.lemma_.lower() not in MEETING_NOUNS:
        return []
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj"]


QUANTITY_NOUNS = {"round", "wave", "series", "spate", "string", "number", "set", "flurry", "barrage"}


def _through_quantity(noun):
    """ "began a new round of joint exercises", "launched a wave of strikes": the exercises."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        for o in _pobjs(noun, ("of",)):
            return o
    return noun


DATELINE_DASHES = {"-", "--", "—", "–"}


def _dateline_end(sent) -> int:
    """The first token after a dateline ("MOGADISHU, Somalia --", "Tehran, March 15, IRNA -"):
    names, numbers and punctuation before a dash at the start of a sentence."""
    for tok in sent[:16]:
        if tok.text in DATELINE_DASHES and tok.i > sent.start:
            before = sent.doc[sent.start: tok.i]
            if all(t.pos_ in ("PROPN", "NUM") or t.is_punct or t.lower_ == "the" for t in before):
                return tok.i + 1
            break
    return sent.start


def _past_dateline(subjects: list) -> list:
    """spaCy makes the dateline the subject and the real one its apposition: take the latter."""
    out = []
    for s in subjects:
        end = _dateline_end(s.sent)
        if s.i >= end:
            out.append(s)
        else:
            out += [c for c in s.subtree if c.dep_ == "appos" and c.i >= end][:1]
    return out


def _responsible_party(noun) -> list:
    """Who is said to be responsible for an act, or claims it, is its actor."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    word = prep.head
    if word.lemma_.lower() == "responsible":  # "X has been responsible for", "X, responsible for"
        clause = word.head
        return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if word.lemma_.lower() in ("responsibility", "credit") and word.dep_ == "dobj":  # "claimed responsibility for"
        return [c for c in word.head.children if c.dep_ == "nsubj"]
    return []


def _parties_between(head) -> list:
    """The parties of a dispute named in the clause of a trigger: "... between X and Y"."""
    out = []
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "between" and tok.head.lemma_.lower() in DISPUTE_NOUNS:
            out += [x for o in tok.children if o.dep_ == "pobj" for x in (o, *_conjuncts(o))]
    return out


def _plural_of(tok) -> list:
    """ "the armies of Brazil and Argentina", "the leaders of China and Russia": each party."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            objs = [o for o in p.children if o.dep_ == "pobj"]
            if objs and _conjuncts(objs[0]):
                return [objs[0], *_conjuncts(objs[0])]
    return []


def _head_phrase(tok):
    """A noun and what comes before it in its phrase: "the FAA's approval" of "the FAA's approval
    of the aircraft"; what follows (prepositions, clauses) may name other actors."""
    before = [c for c in tok.children if c.i < tok.i and c.dep_ not in ("punct", "cc", "prep", "relcl", "acl")]
    start = min((c.left_edge.i for c in before), default=tok.i)
    return tok.doc[start: tok.i + 1]


def _conjuncts_deep(tok):
    out, todo = [], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return out


ACTOR_PREPS = ("of", "by")
RECIPIENT_PREPS = ("of", "from", "with", "for", "against", "to", "on", "by")


def _entity_for(tok, actors, role: str = "recipient", depth: int = 0,
                avoid: frozenset = frozenset()) -> Entity | None:
    """The actor a role filler stands for. A common noun stands for the actor named inside it:
    "SCO member states", "Bosnian Serb units", "the heads of UN bodies", "a bombing by the
    Islamic State", and for recipients "China's fight", "a request from the prime minister",
    "measures that the Chinese government has taken". An actor is a possessor only of a body
    or office ("Japan PM's office"), never of a thing: "Xi Jinping's initiative met with ..."
    is not a meeting of Xi Jinping."""
    ent = actors.entity_for_token(tok, avoid)
    if ent is not None or depth > 2:
        return ent
    owner_ok = role == "recipient" or tok.lower_ in _BODY_WORDS
    # Modifiers first: "his Jordanian counterpart" is Jordanian before it is "his".
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod", "npadvmod")]
    for child in modifiers:  # inside one noun phrase: "SCO member states", "the Iranian attack"
        found = _entity_for(child, actors, role, depth + 1, avoid)
        if found is not None:
            return found
    for child in tok.children:
        if child.dep_ == "poss" and owner_ok:
            found = _entity_for(child, actors, role, depth + 1, avoid)
            if found is not None:
                return found
    preps = RECIPIENT_PREPS if role == "recipient" else ACTOR_PREPS
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = _entity_for(obj, actors, role, depth + 1, avoid)
                    if found is not None:
                        return found
        if child.dep_ == "acl" and role == "recipient":  # "the sanctions imposed on India"
            agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            for obj in _pobjs(child, ("on", "against", "to")) + agents:  # "proposals laid out by X"
                found = _entity_for(obj, actors, role, depth + 1, avoid)
                if found is not None:
                    return found
        if child.dep_ == "relcl" and role == "recipient":
            for subj in child.children:
                if subj.dep_ == "nsubj" and subj.lower_ not in RELATIVE_PRONOUNS:
                    found = _entity_for(subj, actors, role, depth + 1, avoid)
                    if found is not None:
                        return found
    return None


_BODY_WORDS = {"office", "government", "administration", "army", "military", "forces", "ministry",
               "spokesman", "spokeswoman", "spokesperson", "leader", "leadership", "police", "troops",
               "president", "envoy", "embassy", "delegation", "representative", "officials", "cabinet"}


def _political(e: Entity) -> bool:
    """An actor of political event data: a state, an organisation in the knowledge files, an office,
    a force or a social group with a sector (protesters, workers, students), or a person whose
    country or organisation is known. Unknown names alone ("the Cardinals", "Palmer") are not."""
    return bool(e.country or e.org or e.sector)


def _sends_help(cand: Candidate) -> bool:
    """ "deployed election observers in Zimbabwe", "sent troops to help the Philippine army":
    people sent to help or to watch are aid (CAMEO 07), not a show of force."""
    verb = cand.head
    sent = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if cand.noun is not None:
        sent.append(cand.noun)
    if any(t.lemma_.lower() in HELPERS or any(c.lemma_.lower() in HELPERS for c in t.children
                                                if c.dep_ == "compound") for t in sent):
        return True
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in HELPING_VERBS for c in verb.children)


def _commands(actor: list[Entity], recipient: list[Entity]) -> bool:
    ordered = [r for r in recipient if not is_place(r)]
    return bool(ordered) and any(a.sector in AUTHORITY_SECTORS or a.kind == "state" for a in actor) \
        and all(r.kind != "state" and r.sector in SUBJECT_SECTORS for r in ordered)


def _others(entities: list[Entity], taken: list[Entity]) -> list[Entity]:
    """The entities that are none of the actors already taken."""
    return [e for e in entities if not any(_same_actor(e, t) for t in taken)]


def _same_actor(a: Entity, b: Entity) -> bool:
    if a.id and b.id and a.id == b.id:
        return True
    if a.kind == b.kind == "state" and a.country and a.country == b.country:
        return True  # "North Korea" and "the country"
    if a.org and a.org == b.org and a.kind != "person" and b.kind != "person":
        return True  # "the SCO" and "SCO member states"
    return a.kind == b.kind and a.name == b.name


COOPERATIVE = {"CONSULT", "AID", "COOPERATE", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"}
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032",
                "CONCEDE": "035", "RETREAT": "035", "AGREE": "030"}
THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "MOBILIZE": "138", "PROTEST": "133",
                "163": "1312"}  # (by the trigger's own code first: "will impose sanctions")


def recode_intent(event: str, mode, cameo: str, modality: str, head):
    """PLOVER and CAMEO code what an actor says it will do as the saying: "X will meet Y" is an
    AGREE (intent to meet), "X will attack Y" a THREATEN, "X will not lift the embargo" a REJECT.
    Returns (event, mode, cameo, modality)."""
    if modality == "negated" and (event in COOPERATIVE and (_prospective(head) or _refused(head))
                                  or event in ("CONCEDE", "RETREAT")):  # "did not lift the ban"
        return "REJECT", None, "124" if event in ("CONCEDE", "RETREAT") else "120", "asserted"
    if modality in ("future", "intended") and event in COOPERATIVE and event != "AGREE":
        return "AGREE", None, INTENT_CAMEO[event], modality
    if modality in ("future", "intended") and event in MATERIAL_CONFLICT:
        return "THREATEN", None, THREAT_CAMEO.get(cameo) or THREAT_CAMEO[event], modality
    return event, mode, cameo, modality


def _refused(head) -> bool:
    """ "failed to reach a deal", "declined to meet": a cooperation that was turned down."""
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in REFUSAL_HEADS


def _prospective(head) -> bool:
    """Will, would, shall, or under a verb of intent or refusal ("plans to", "ready to")."""
    if {c.lower_ for c in head.children if c.dep_ == "aux"} & FUTURE_AUX:
        return True
    node = head
    for _ in range(3):
        if node.dep_ not in ("xcomp", "acl", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in INTENT_HEADS:
            return True
    return False


def modality_of(head) -> str:
    """asserted | negated | future | intended | hypothetical, from the trigger's clause."""
    children = list(head.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("neg", "det", "advmod") for c in children):
        return "negated"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
        return "hypothetical"
    if aux & FUTURE_AUX or ({"going"} & aux):
        return "future"
    node = head
    for _ in range(3):
        if node.dep_ not in ("xcomp", "acl", "ccomp", "advcl", "pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in REFUSAL_HEADS and node.i == head.head.i and head.dep_ == "xcomp":
            return "negated"
        if node.lemma_.lower() in INTENT_HEADS:
            return "intended"
        if any(c.dep_ == "neg" for c in node.children) and node.dep_ != "ROOT":
            return "negated"
    return "asserted"


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, trigger): the same words found twice are one event."""
    seen, out = set(), []
    for e in events:
        key = (e.event, tuple(e.trigger["span"]))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
