"""When an event is coded otherwise than its trigger says, as named tables of (condition,
result): RECODES for what the roles show ("protesters clashed with police" is a riot, not an
armed attack), STATED_INTENT for what an actor says it will or will not do ("X will attack Y"
is a threat). Recoding rules apply in order, each to the coding the earlier ones left; what
each produces (type, mode, CAMEO code) is data, in data/events/rules.toml. (When a candidate
makes no event at all: drops.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..actors import is_place
from ..plover import COOPERATIVE, MATERIAL_CONFLICT, TYPES, having
from ..words import place_nouns, words
from ..syntax import pobjs
from .candidates import readied_for
from .modality import attempted, prospective, refused
from .roles import Case

PUNITIVE_TYPES = having("punitive")
CONCESSIONS = having("concession")
RIOT_VERBS = words("riot_verbs")
COMMAND_VERBS = words("command_verbs")
HANDING_OVER_VERBS = words("handing_over_verbs")
HOSTING_VERBS = words("hosting_verbs")
PLACE_ENTITY_TYPES = ("GPE", "FAC", "LOC")
HELPER_NOUNS = words("helper_nouns")
HELPING_VERBS = words("helping_verbs")
VERBAL_ATTACK = words("verbal_attack_adjectives")
ARMED_SECTORS = words("armed_sectors")
UNARMED_SECTORS = words("unarmed_sectors")
AUTHORITY_SECTORS = words("authority_sectors")
COMMANDED_SECTORS = words("commanded_sectors")
GROUND_NOUNS = frozenset(p.word for p in place_nouns() if p.ground)
STRIKE_WEAPONS = words("strike_weapons")


@dataclass(frozen=True)
class Coding:
    event: str
    mode: str | None
    cameo: str
    modality: str


@dataclass(frozen=True)
class Recode:
    """When `holds(coding, case)`, the event is coded as rules.toml's table `name` says, or as
    `result(coding, case)` computes."""

    name: str
    holds: Callable[[Coding, Case], bool]
    result: Callable[[Coding, Case], Coding] | None = None


def recode(rules: tuple[Recode, ...], coding: Coding, case: Case) -> Coding:
    for rule in rules:
        if rule.holds(coding, case):
            coding = rule.result(coding, case) if rule.result else _from_data(rule.name, coding, case)
    return coding


def _from_data(name: str, coding: Coding, case: Case) -> Coding:
    row = case.lex.recodes[name]
    return Coding(row["event"], row.get("mode"), row["cameo"], row.get("modality", coding.modality))


# ---------------------------------------------------------------- recoding by what the roles show


def _seizes_ground(coding: Coding, case: Case) -> bool:
    """ "captured three cities" from a state."""
    return (
        case.cand.trigger.mode == "seize"
        and any(r.kind == "state" for r in case.recipient)
        and any(
            c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in GROUND_NOUNS)
            for c in case.cand.head.children
        )
    )


def _armed_strike(coding: Coding, case: Case) -> bool:
    """ "US aircraft carried out strikes", "Taliban fighters launched a strike": an attack."""
    return (
        coding.event == "PROTEST"
        and case.cand.trigger.mode == "strike"
        and (
            any(a.sector in ARMED_SECTORS for a in case.actor)
            or any(t.lemma_.lower() in STRIKE_WEAPONS for t in case.sent.span)
        )
    )


def _armed_seizure(coding: Coding, case: Case) -> bool:
    return (
        coding.event == "COERCE"
        and case.cand.trigger.mode == "seize"
        and any(a.sector in ARMED_SECTORS for a in case.actor)
    )


def _riot(coding: Coding, case: Case) -> bool:
    return (
        coding.event == "ASSAULT"
        and case.cand.trigger.lemma in RIOT_VERBS
        and bool(case.actor)
        and all(a.sector in UNARMED_SECTORS for a in case.actor)
    )


def _command(coding: Coding, case: Case) -> bool:
    """An authority ordering people, the press or companies about; ordering a state or one's own
    forces, or anyone to hand something over, is a demand or a command, not coercion."""
    if coding.event != "REQUEST" or case.cand.trigger.lemma not in COMMAND_VERBS:
        return False
    if any(
        c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in HANDING_OVER_VERBS
        for c in case.cand.head.children
    ):  # "ordered the bank to provide its records": a demand for them
        return False
    ordered = [r for r in case.recipient if not is_place(r)]
    return (
        bool(ordered)
        and any(a.sector in AUTHORITY_SECTORS or a.kind == "state" for a in case.actor)
        and all(r.kind != "state" and (r.sector is None or r.sector in COMMANDED_SECTORS) for r in ordered)
    )


def _peacekeeping(coding: Coding, case: Case) -> bool:
    return coding.event == "MOBILIZE" and (
        any(t.lemma_.lower().startswith("peacekeep") for t in case.sent.span) or _sends_help(case)
    )


def _sends_help(case: Case) -> bool:
    """ "deployed election observers in Zimbabwe", "sent troops to help the Philippine army":
    people sent to help or to watch are aid (CAMEO 07), not a show of force."""
    verb = case.cand.head
    sent = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if case.cand.noun is not None:
        sent.append(case.cand.noun)
    if any(
        t.lemma_.lower() in HELPER_NOUNS
        or any(c.lemma_.lower() in HELPER_NOUNS for c in t.children if c.dep_ == "compound")
        for t in sent
    ):
        return True
    return any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in HELPING_VERBS for c in verb.children)


def _call_for_punishment(coding: Coding, case: Case) -> bool:
    """ "called for sanctions against Moscow", "demanded an investigation into X"."""
    noun = case.cand.noun
    return (
        coding.event == "REQUEST"
        and noun is not None
        and any(t.event in PUNITIVE_TYPES for t in case.lex.nouns.get(noun.lemma_.lower(), []))
    )


def _verbal_attack(coding: Coding, case: Case) -> bool:
    noun = case.cand.noun
    return (
        coding.event == "ASSAULT"
        and noun is not None
        and any(c.dep_ == "amod" and c.lower_ in VERBAL_ATTACK for c in noun.children)
    )


def _instrument_hits(coding: Coding, case: Case) -> bool:
    """ "sanctions that target Iran's oil exports", "a resolution that hits its banks": a text
    that hits a state is a sanction of those who made it, not an attack."""
    return coding.event == "ASSAULT" and case.tokens.instrument is not None


def _hosting(coding: Coding, case: Case) -> bool:
    """ "welcomed the Indian prime minister to the Elysee Palace", "greeted X in Beijing": a host
    receiving a visitor, not praise."""
    verb = case.cand.head
    return (
        coding.event == "SUPPORT"
        and case.cand.trigger.lemma in HOSTING_VERBS
        and any(r.kind == "person" for r in case.recipient)
        and any(
            o.ent_type_ in PLACE_ENTITY_TYPES or o.pos_ == "PROPN" for o in pobjs(verb, ("to", "in", "at"))
        )
    )


RECODES = (
    Recode("instrument_hits", _instrument_hits),
    Recode("seizure_of_ground", _seizes_ground),
    Recode("armed_strike", _armed_strike),
    Recode("armed_seizure", _armed_seizure),
    Recode("riot", _riot),
    Recode("command", _command),
    Recode("peacekeeping", _peacekeeping),
    Recode("call_for_punishment", _call_for_punishment),
    Recode("verbal_attack", _verbal_attack),
    Recode("hosting", _hosting),
)


# ---------------------------------------------------------------- recoding what an actor says it will do


def _declined_concession(coding: Coding, case: Case) -> bool:
    """ "did not lift the ban": not yielding is a refusal."""
    return coding.modality == "negated" and coding.event in CONCESSIONS


def _declined_cooperation(coding: Coding, case: Case) -> bool:
    """ "will not meet", "failed to reach a deal"."""
    head = case.cand.head
    return (
        coding.modality == "negated" and coding.event in COOPERATIVE and (prospective(head) or refused(head))
    )


def _intends_cooperation(coding: Coding, case: Case) -> bool:
    return (
        coding.modality in ("future", "intended") and coding.event in COOPERATIVE and coding.event != "AGREE"
    )


def _attempted_force(coding: Coding, case: Case) -> bool:
    """ "tried to storm the base", "made attempts to strike the convoy": force attempted."""
    return coding.modality == "intended" and coding.event in MATERIAL_CONFLICT and attempted(case.cand.head)


def _as_done(coding: Coding, case: Case) -> Coding:
    row = case.lex.recodes["attempted_force"]
    cameo = case.lex.attempt_cameo.get(coding.cameo, coding.cameo)  # "tried to kill": 185, not 186
    return replace(coding, modality=row["modality"], cameo=cameo)


def _threatens(coding: Coding, case: Case) -> bool:
    return coding.modality in ("future", "intended") and coding.event in MATERIAL_CONFLICT


def _intent_coding(coding: Coding, case: Case) -> Coding:
    row = case.lex.recodes["intent_to_cooperate"]
    return replace(coding, event=row["event"], mode=None, cameo=TYPES[coding.event].intent_cameo)


def _threat_coding(coding: Coding, case: Case) -> Coding:
    row = case.lex.recodes["threat"]
    cameo = case.lex.threat_cameo.get(coding.cameo) or TYPES[coding.event].threat_cameo
    return replace(coding, event=row["event"], mode=None, cameo=cameo)


def _ready_for_talks(coding: Coding, case: Case) -> bool:
    """ "Kim is open to dialogue with Seoul", "ready for talks": not yet a meeting."""
    noun = case.cand.noun
    return (
        coding.event == "CONSULT"
        and coding.modality != "negated"  # ("is not open to talks": no intent)
        and noun is not None
        and case.cand.light
        and readied_for(noun)
    )


# PLOVER and CAMEO code what an actor says it will do as the saying: "X will meet Y" is an
# AGREE (intent to meet), "X will attack Y" a THREATEN, "X will not lift the embargo" a REJECT.
STATED_INTENT = (
    Recode("ready_for_talks", _ready_for_talks),
    Recode("declined_concession", _declined_concession),
    Recode("declined_cooperation", _declined_cooperation),
    Recode("intent_to_cooperate", _intends_cooperation, _intent_coding),
    Recode("attempted_force", _attempted_force, _as_done),
    Recode("threat", _threatens, _threat_coding),
)
