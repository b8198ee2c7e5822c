"""Acts named by a noun: "Japan condemned the test" judges whoever did the test.

A verbal act that judges (types with the trait `judges_acts`: condemning, rejecting,
welcoming) may take an act as its object: "condemned North Korea's launch", "rejected the
decision", "welcomed the release of the hostages". It is addressed to the act's doer, not to
the act's target or theme: the doer named in the noun's phrase ("North Korea's launch", "the
raid by police", "the Israeli strike", "the test that Pyongyang conducted"), else whoever did
such an act last in the document. The second is known only once the document is read: the
event carries an ActReference (Event.awaiting) that document.py resolves.

Act nouns are the nouns of the trigger files (an "attack" is an ASSAULT) and those of
words.toml's act_nouns, each with the verbs that do such an act and the types it is coded as.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import COUNTRY, DEMONYM, ORG, load_knowledge
from ..places import get_gazetteer
from ..plover import DEFAULT_PREPS, MATERIAL_CONFLICT, having
from ..syntax import RELATIVE_PRONOUNS, agent_nouns, pobjs
from ..words import word_file, words
from .lexicon import Lexicon

JUDGING_TYPES = having("judges_acts")
DENIAL_VERBS = words("denial_verbs")
CLAIM_NOUN = "accusation"
CONSEQUENCE_NOUNS = words("consequence_nouns")
THREAT_IDIOM_SUBJECTS = frozenset(
    word_file()["threat_idioms"]
)  # what a denial answers (its verbs and types: words.toml act_nouns)
# Whose possessor is acted upon ("X's release", "X's arrest"), or whose "of" is the thing moved
# ("the deployment of troops"): the possessor and the "of" are no doers. A judgement's possessor
# judges: "Washington's accusations".
PATIENT_TYPES = (having("patient_possessor") - JUDGING_TYPES) | having("theme_noun")
FORCE_TYPES = having("force")
MODIFIER_DEPS = ("compound", "nmod", "amod")
# Named entities that, as the possessor of an act done to someone, did it: "Israel's strike",
# "the ministry's arrest of X"; a person possessor is the one it was done to ("Tamimi's arrest").
POSSESSOR_BODIES = ("GPE", "ORG", "NORP")


@dataclass(frozen=True)
class ActNoun:
    verbs: frozenset[str]  # verbs that do such an act ("test": test, fire, launch)
    types: frozenset[str]  # the PLOVER types such an act is coded as


@dataclass(frozen=True)
class ActReference:
    """An act named by a noun whose phrase does not say who did it: "condemned the test"."""

    noun: str
    act: ActNoun
    offset: int  # where the noun stands in the document
    earlier: bool = False  # only an act told of before (what a threat answers)


@lru_cache(maxsize=1)
def act_nouns() -> dict[str, ActNoun]:
    return {
        noun: ActNoun(frozenset(row.get("verbs", ())), frozenset(row.get("types", ())))
        for noun, row in word_file()["act_nouns"].items()
    }


def act_noun(tok, lex: Lexicon) -> ActNoun | None:
    """What act a noun names, if it names one: the verbs that do it and the types it is coded as."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = tok.lemma_.lower()
    listed, readings = act_nouns().get(lemma), lex.nouns.get(lemma, ())
    if listed is None and not readings:
        return None
    verbs = (listed.verbs if listed else frozenset()) | {lemma}
    types = (listed.types if listed else frozenset()) | {t.event for t in readings}
    return ActNoun(verbs, types)


def doer_tokens(noun, lex: Lexicon) -> list:
    """The tokens of the act's phrase that may name who did it: "North Korea's launch", "the
    Israeli strike", "the raid by police", "the decision of the committee", "the attack carried
    out by X", "the test that Pyongyang conducted". Not its target ("the attack on Kabul") nor,
    for an act done to someone, its patient ("the release of the girls", "Tamimi's arrest")."""
    readings = lex.nouns.get(noun.lemma_.lower(), ())
    patient = any(t.event in PATIENT_TYPES for t in readings)
    # "the bombing of a mosque", "charges of Chinese ships sending oil": its target
    target_of = any("of" in t.preps or "of" in DEFAULT_PREPS[t.event] for t in readings)
    force = any(t.event in FORCE_TYPES for t in readings)  # "the Nice attack": where, not who
    out = [c for c in noun.children if c.dep_ in MODIFIER_DEPS and not (force and town_modifier(c))]
    of = pobjs(noun, ("of",))
    # "Israel's strike", "Iran's release of the sailors", not "Tamimi's arrest"
    out += [
        c
        for c in noun.children
        if c.dep_ == "poss" and (not patient or of or c.ent_type_ in POSSESSOR_BODIES)
    ]
    out += pobjs(noun, ("by",))
    if not patient and not target_of:
        out += of
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl"):  # "the attack carried out by X", "the test Pyongyang conducted"
            out += agent_nouns(clause)
            out += [s for s in clause.children if s.dep_ == "nsubj" and s.lower_ not in RELATIVE_PRONOUNS]
    return out


def names_doer(e, act) -> bool:
    """Whether an actor found in an act's phrase names who did it, or only describes the act:
    "the terrorist attack", "jihadist attacks" say what kind of act it was; who did it is for
    the document to say ("the Taliban attack", "Israel's strike" name the doer)."""
    return bool(e.country or e.org or e.kind == "person" and e.name != e.text) or not any(
        t.dep_ in ("amod", "compound") and e.text == t.text for t in act.children
    )


def town_modifier(tok) -> bool:
    """ "the Nice attack", "the Brussels bombings": a town or a capital that modifies an act says
    where it was, not who did it ("the US strike", "a Hamas attack" do)."""
    if tok.dep_ not in ("compound", "amod", "nmod") or not tok.text[:1].isupper():
        return False
    span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    names = [t.text for t in (span if span is not None else [tok]) if t.dep_ != "det"]
    # (spaCy may call a city an ORG or a PERSON: "the Lyon attack"; the gazetteer knows it)
    if tok.ent_type_ not in ("GPE", "LOC", "FAC") and not get_gazetteer().is_primary_name(" ".join(names)):
        return False
    return not any(i.category in (COUNTRY, DEMONYM, ORG) for i in load_knowledge().lookup(names))


def reference(tok, sent_offset: int, act: ActNoun) -> ActReference:
    return ActReference(tok.lemma_.lower(), act, sent_offset + tok.idx)


HOSTILE_ACT = ActNoun(frozenset(), MATERIAL_CONFLICT | {"THREATEN"})  # what a threat answers


def hostile_act_answered(cand, sent_offset: int) -> ActReference | None:
    """ "All options are on the table, Trump said", "Pyongyang warned of retaliation": a threat
    of consequences that names no one answers the last hostile act the document tells of (force,
    coercion, sanctions, threats) by someone else. ("Lawmakers have warned that ..." is no threat
    of anything.)"""
    if cand.trigger.event != "THREATEN":
        return None
    # the consequence said, or the object of the verb or its preposition: "warned of retaliation"
    said = [
        *cand.tokens,
        *(o for c in cand.head.children for o in (c, *(g for g in c.children if g.dep_ == "pobj"))),
    ]
    if not any(t.lemma_.lower() in CONSEQUENCE_NOUNS | THREAT_IDIOM_SUBJECTS for t in said):
        return None
    return ActReference("hostile act", HOSTILE_ACT, sent_offset + cand.head.idx, earlier=True)


def claim_answered(trigger, verb, sent_offset: int) -> ActReference | None:
    """ "Beijing denied making illegal shipments", "denied any involvement": a denial answers
    the claim made against who denies, by whoever made it in the document."""
    if trigger.lemma not in DENIAL_VERBS or any(
        c.dep_ in ("neg", "nsubjpass", "auxpass") for c in verb.children
    ):
        return None  # not "cannot deny that", "rights are denied by fanatics"
    noun = CLAIM_NOUN
    return ActReference(
        noun, act_nouns().get(noun) or ActNoun(frozenset(), frozenset()), sent_offset + verb.idx
    )
