"""Finding triggers: the words of a sentence that may express an event, read against the lexicon.

A candidate is a verb ("condemned"), a light verb and its object noun ("held talks"), a verb
and its particle ("called on"), a noun ordered or announced ("ordered the arrest of"), or a
noun with actors of its own ("support of the SCO member states"); what a speaker says of
another ("X said Y must withdraw") is found in speech.py. Roles are filled later (roles.py); the learned classifier
(classify.py) makes candidates of the same types for words the lexicon does not know. A
Candidate carries the Trigger (a reading of the lexicon, lexicon.py) it was found by.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..plover import MATERIAL_CONFLICT
from ..syntax import conjuncts, first_conjunct, hyphenated, objects, pobjs, raised_objects
from ..words import words
from .lexicon import Lexicon, Trigger

__all__ = [
    "Candidate",
    "Trigger",
    "TriggerFinder",
    "by_agents",
    "fitting",
    "noun_key",
    "noun_readings",
    "through_quantity",
    "travelled_for",
    "readied_for",
    "asked_by",
]

BLOCKING_VERBS = words("blocking_verbs")
ORDERING_VERBS = words("ordering_verbs")
ON_VERBS = words("on_verbs")
QUANTITY_NOUNS = words("quantity_nouns")
TRAVEL_VERBS = words("travel_verbs")
READINESS_ADJECTIVES = words("readiness_adjectives")
# "agreed to the plan", "called for sanctions", "placed under arrest", "taken into custody",
# "engaged in scuffles": a light verb's noun after these.
LIGHT_PREPS = ("to", "on", "upon", "as", "for", "under", "into", "in")
# The noun of a small clause, whose subject is the verb's object: "declared X persona non grata".
SMALL_CLAUSE_DEPS = ("ccomp", "xcomp", "oprd")


@dataclass(frozen=True)
class Candidate:
    trigger: Trigger
    tokens: list  # trigger tokens (verb, or verb + noun, or noun)
    head: object  # the token whose clause carries roles and modality
    noun: object = None  # the object noun of a light verb, or a noun trigger
    light: bool = False  # a noun trigger that is the object of another verb
    occurrence: bool = False  # a noun trigger that is the subject of "take place", "be held"
    # What a speaker says of another (speech.py): the clause whose subject is spoken of ("X said
    # Y must withdraw": withdraw), or the one spoken of ("disappointed with Y": Y)
    obliged: object = None

    @property
    def bare_noun(self) -> bool:
        """A noun trigger standing alone: "Russia's strike on Kyiv", not "launched a strike"."""
        return self.trigger.pos == "N" and not self.light


def fitting(trigs: list[Trigger] | None, tok, *extra) -> list[Trigger]:
    """Of a word's readings, those its phrase allows: "the strike on Kyiv" (with a target) is an
    attack, "the strike" alone is a labour strike."""
    if not trigs:
        return []
    preps = {c.lower_ for t in (tok, *extra) for c in t.children if c.dep_ == "prep"}
    found = [t for t in trigs if not t.needs_recipient or preps & set(t.preps)]
    return sorted(found, key=lambda t: not t.needs_recipient)  # the reading with a target first


def noun_key(tok) -> str:
    """A noun's lexicon key; a hyphenated word counts whole: "cease-fire" → "ceasefire"."""
    parts = hyphenated(tok)
    return (parts[0].lower_ if len(parts) > 1 else "") + tok.lemma_.lower()


def noun_readings(lex: Lexicon, tok) -> tuple[list[Trigger], list]:
    """A noun's readings and the tokens that carry them. A reading of the noun with one of its
    modifiers comes first: "missile launch", "nuclear test" (not a product launch, an exam)."""
    for mod in tok.children:
        if mod.dep_ in ("compound", "amod") and mod.i < tok.i:
            found = lex.nouns.get(f"{mod.lemma_.lower()} {noun_key(tok)}")
            if found:
                return found, [mod, *hyphenated(tok)]
    return lex.nouns.get(noun_key(tok), []), hyphenated(tok)


def by_agents(noun) -> list:
    """The "by" phrase of a noun, or of the phrase after it, where the parser hangs it: "the
    release of the girls by X", "the attack on the embassy by X"."""
    found = pobjs(noun, ("by",))
    for p in (c for c in noun.children if c.dep_ == "prep" and c.lower_ != "by"):
        found += [a for o in p.children if o.dep_ == "pobj" for a in pobjs(o, ("by",))]
    return found


def travelled_for(noun) -> bool:
    """ "left for Washington on a state visit", "flew to Moscow for talks": the noun is what a
    verb of travel is done for."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("on", "for")
        and noun.head.head.pos_ == "VERB"
        and noun.head.head.lemma_.lower() in TRAVEL_VERBS
    )


def asked_by(noun) -> bool:
    """ "met at the request of Japan", "visited Beijing at the invitation of Xi": an act of its
    own ("of" names who asks) by someone other than the one acting, within that act's clause."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "at"
        and noun.head.head.pos_ in ("VERB", "AUX")
        and bool(pobjs(noun, ("of",)))
    )


def readied_for(noun) -> bool:
    """ "open to dialogue", "ready for talks": the noun is what someone is ready for."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("to", "for")
        and noun.head.head.pos_ == "ADJ"
        and noun.head.head.lower_ in READINESS_ADJECTIVES
    )


def through_quantity(noun):
    """ "began a new round of joint exercises", "launched a wave of strikes": the exercises."""
    if noun.lemma_.lower() in QUANTITY_NOUNS:
        for o in pobjs(noun, ("of",)):
            return o
    return noun


class TriggerFinder:
    """The candidates of a sentence, by the lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def verb_candidates(self, sent) -> list[Candidate]:
        found: list[Candidate] = []
        used: set[int] = set()
        for tok in sent:
            if tok.i in used:
                continue
            cand = (
                self._light_verb(tok)
                or self._ordered_noun(tok)
                or self._particle_verb(tok)
                or self._verb(tok)
            )
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
            readings, parts = noun_readings(self.lex, tok)
            trigs = fitting(readings, tok)
            cand = self._noun(tok, trigs, taken, parts) if trigs else None
            if cand is not None:
                found.append(cand)
        return found

    def _noun(self, tok, trigs: list[Trigger], taken: set[int], parts: list) -> Candidate | None:
        first = first_conjunct(tok)
        if (
            first.i != tok.i
            and first.dep_ == "dobj"
            and (first.i in taken or first.head.lemma_.lower() in ORDERING_VERBS)
        ):
            # "expressed its rejection and condemnation of X": the verb expresses both
            return Candidate(trigs[0], parts, first.head, tok, light=True)
        # ("As I depart for Berlin on a visit, I welcome ...": the visit is the travel verb's)
        if any(a.i in taken for a in tok.ancestors) and not (
            by_agents(tok) or asked_by(tok) or travelled_for(tok)
        ):
            return None  # (but "welcomed the release of the girls by X" is X's release too)
        noun = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
        verb = noun.head
        visit = [t for t in trigs if t.event == "CONSULT"]
        if visit and noun.i == tok.i and travelled_for(noun):
            # "departed for Germany on an official visit", "arrived in Tokyo for talks": who
            # travels meets the host (roles.py: the destination)
            return Candidate(visit[0], parts, noun.head.head, noun, light=True)
        if visit and noun.i == tok.i and readied_for(noun) and noun.head.head.head.pos_ in ("VERB", "AUX"):
            # "Kim is open to dialogue with Seoul": the subject of "is" (recode.py: an intent)
            return Candidate(visit[0], parts, noun.head.head.head, noun, light=True)
        if (
            noun.i == tok.i
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "on"
            and noun.head.head.lemma_ in ON_VERBS
        ):
            # "went on strike", "remained on alert": the subject of "go" or "remain" acts (not
            # "are they on the sanctions list": the list is not a sanction of theirs)
            protest = [t for t in self.lex.nouns.get(tok.lemma_.lower(), []) if t.event == "PROTEST"]
            return Candidate((protest or trigs)[0], parts, noun.head.head, noun, light=True)
        if (
            noun.dep_ == "dobj"
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in BLOCKING_VERBS
            and verb.lemma_.lower() not in self.lex.verbs
            and not by_agents(noun)
        ):
            # "welcomed the deal" is not a deal; "confirmed a missile test by X" is X's test
            # "declared its support for", "launched a mediation effort": the verb's subject acts.
            return Candidate(trigs[0], parts, verb, noun, light=True)
        return Candidate(trigs[0], parts, tok, tok)

    def _light_verb(self, tok) -> Candidate | None:
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        # "agreed to the plan", "declared a state of siege in X to begin at midnight"
        # "found X guilty"; a small clause's noun: "declared two diplomats persona non grata"
        small = [
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "acomp")
            and c.pos_ == "ADJ"
            or c.dep_ in SMALL_CLAUSE_DEPS
            and any(s.dep_ == "nsubj" for s in c.children)
        ]
        # "placed six companies and their ships on its sanctions list", the list hung from an object
        listed = [
            o
            for obj in objects(tok)
            for o in obj.subtree
            if o.dep_ == "pobj"
            and o.head.lower_ in ("on", "to")
            and o.head.head.i != tok.i
            and any(c.dep_ == "compound" for c in o.children)
        ]
        for obj in objects(tok) + raised_objects(tok) + pobjs(tok, LIGHT_PREPS) + small + listed:
            # the noun, its conjuncts, and the noun it is named by: "ended mediation efforts"
            nouns = [through_quantity(n) for n in (obj, *conjuncts(obj))]
            nouns += [c for c in obj.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
            for noun in nouns:
                trigs = fitting(self.lex.light.get((tok.lemma_.lower(), noun.lemma_.lower())), noun, tok)
                if trigs:  # (a compound stands in its phrase: "a loan guarantee to Ukraine")
                    head = obj if noun.dep_ == "compound" and noun.head.i == obj.i else noun
                    return Candidate(
                        trigs[0], [tok, noun, head] if head.i != noun.i else [tok, noun], tok, head
                    )
        return None

    def _ordered_noun(self, tok) -> Candidate | None:
        """ "ordered the arrest of X", "approved the release of Y": the event ordered is the
        event of the one who orders it."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ORDERING_VERBS:
            return None
        for obj in map(through_quantity, objects(tok)):  # "approved a new round of sanctions"
            trigs, parts = noun_readings(self.lex, obj)
            if trigs:
                return Candidate(trigs[0], parts, tok, obj, light=True)
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
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        trigs = [
            t
            for t in self.lex.verbs.get(tok.lemma_.lower(), [])
            if (t.context is None or t.context in self.lex.contexts_of(tok.sent))
            and not (t.event == "ASSAULT" and t.object_is_theme and not preps & set(t.preps))
        ]
        # (force whose object is what is moved needs its preposition: "drove a truck into the
        # crowd", not "a truck driven through the city")
        # "he calls it The Boring Company": naming, not calling (but force that leaves its
        # object so is force: "shot the gunman dead")
        if not trigs or any(
            c.dep_ == "oprd" and not (c.pos_ == "ADJ" and trigs[0].event in MATERIAL_CONFLICT)
            for c in tok.children
        ):
            return None
        return Candidate(trigs[0], [tok], tok)
