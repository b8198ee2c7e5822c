"""The policy rules of the events stage, as named tables of (condition, result).

DROPS_* say when a candidate makes no event, at each step of role filling: a rule holds, the
candidate is dropped. RECODES and STATED_INTENT say when an event is coded otherwise than its
trigger says: the first table for what the roles show ("protesters clashed with police" is a
riot, not an armed attack), the second for what an actor says it will or will not do ("X will
attack Y" is a threat). Recoding rules apply in order, each to the coding the earlier ones
left; what each produces (type, mode, CAMEO code) is data, in data/events/rules.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..actors import is_place
from ..plover import COOPERATIVE, MATERIAL_CONFLICT, QUADS, TYPES, having
from ..words import place_nouns, words
from ..syntax import objects, pobjs
from .candidates import readied_for, through_quantity
from .modality import declined, deliberated, predicted, prospective, refused
from .responses import act_acted_upon
from .roles import Case, political, responsible_party, same_actor

FORCE_TYPES = having("force")
PUNITIVE_TYPES = having("punitive")
PUNISHMENTS = PUNITIVE_TYPES & MATERIAL_CONFLICT  # sanctions, arrests: not accusations
UNDIRECTED_TYPES = having("undirected")
RECIPROCAL_TYPES = having("reciprocal")
CONCESSIONS = having("concession")
NON_HOSTILE_CONTEXTS = words("non_hostile_contexts")
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
CIVILIAN_SECTORS = words("civilian_sectors")
VERBAL_TYPES = frozenset(t for t, quad in QUADS.items() if quad.startswith("verbal"))
GROUND_NOUNS = frozenset(p.word for p in place_nouns() if p.ground)
FIGURATIVE_OBJECTS = words("figurative_objects")
STRIKE_WEAPONS = words("strike_weapons")
ANSWERING_VERBS = words("answering_verbs")
MESSAGE_NOUNS = words("message_nouns")
OBJECT_FREE_VERBS = words("object_free_verbs")
KIN_NOUNS = words("kin_nouns")
SPEAKING_VERBS = words("speaking_verbs")
OCCASION_LABELS = ("EVENT", "DATE")  # spaCy's labels of days and occasions: "the Olympic Games"
OCCASION_NOUNS = words("occasion_nouns")


@dataclass(frozen=True)
class Rule:
    """A named condition on a Case; the table it is in says what follows when it holds."""

    name: str
    holds: Callable[[Case], bool]


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


def first_holding(rules: tuple[Rule, ...], case: Case) -> Rule | None:
    return next((rule for rule in rules if rule.holds(case)), None)


def recode(rules: tuple[Recode, ...], coding: Coding, case: Case) -> Coding:
    for rule in rules:
        if rule.holds(coding, case):
            coding = rule.result(coding, case) if rule.result else _from_data(rule.name, coding, case)
    return coding


def _from_data(name: str, coding: Coding, case: Case) -> Coding:
    row = case.lex.recodes[name]
    return Coding(row["event"], row.get("mode"), row["cameo"], row.get("modality", coding.modality))


# ---------------------------------------------------------------- when a candidate makes no event


def _force_against_nature(case: Case) -> bool:
    """ "fight the disease", "combat the outbreak", "battle the wildfire"."""
    toks = case.tokens.objects + case.tokens.preps
    return case.cand.trigger.event in FORCE_TYPES and any(
        case.lex.contexts.get(t.lemma_.lower()) in NON_HOSTILE_CONTEXTS for t in toks
    )


def _met_with_no_one(case: Case) -> bool:
    """ "met with a positive response": "with" names no actor, so no partner is met."""
    return (
        any(t.head.lower_ == "with" for t in case.tokens.preps)
        and not case.named
        and case.cand.trigger.event in RECIPROCAL_TYPES
    )


def _acts_on_no_one(case: Case) -> bool:
    """No one is acted upon, and the type or its trigger needs someone to be."""
    trig = case.cand.trigger
    bare_noun = case.cand.bare_noun and not case.cand.occurrence
    # (a call addressed to no one is made by its own subject: "He called for ...", not "the UN
    # condemned X, calling for ...", "a number for families to call for information")
    own_call = (
        trig.undirected
        and any(c.dep_ == "nsubj" for c in case.cand.head.children)
        and case.cand.head.dep_ not in ("acl", "relcl", "advcl")
    )
    undirected = (trig.event in UNDIRECTED_TYPES or own_call) and not trig.needs_recipient
    return (
        not case.recipient
        and case.awaiting is None
        and (not undirected or bare_noun)
        and not declined(case.cand)
        and not (
            trig.event in MATERIAL_CONFLICT
            and act_acted_upon(case.cand.head, frozenset(t.i for t in case.cand.tokens)) is not None
        )
        and not _claimed(case)
    )
    # ("the attack was repelled": whoever attacked, found in the article by responses.py)


def _claimed(case: Case) -> bool:
    """ "IS claimed responsibility for the attack": on whom the article's attack was is found
    in the article (responses.py)."""
    cand = case.cand
    return cand.bare_noun and cand.trigger.event in MATERIAL_CONFLICT and bool(responsible_party(cand.noun))


def _punishing(tok, lex) -> bool:
    """A word whose reading in the lexicon is a sanction or coercion ("sanctions", "imposed")."""
    table = lex.verbs if tok.pos_ == "VERB" else lex.nouns
    return any(t.event in PUNISHMENTS for t in table.get(tok.lemma_.lower(), []))


def _details_a_punishment(case: Case) -> bool:
    """ "approved a new round of sanctions against Iran, targeting its oil exports": the
    participle says what the sanctions hit; it is no attack of its own."""
    head = case.cand.head
    if (
        case.cand.trigger.event != "ASSAULT"
        or case.tokens.instrument is not None
        or head.dep_ not in ("advcl", "acl", "relcl")
        or head.tag_ != "VBG"
        and head.dep_ != "relcl"
    ):
        return False
    ruling = head.head
    return _punishing(ruling, case.lex) or any(
        _punishing(through_quantity(o), case.lex) for o in objects(ruling)
    )


def _figure_of_speech(case: Case) -> bool:
    """ "struck a conciliatory note", "captured photos", "amassed wealth": no force against anyone."""
    return (
        case.cand.trigger.event in FORCE_TYPES
        and case.cand.trigger.pos == "V"
        and any(o.lemma_.lower() in FIGURATIVE_OBJECTS for o in case.cand.head.children if o.dep_ == "dobj")
    )


def _trigger_words(case: Case) -> list:
    cand = case.cand
    return [cand.head, *([cand.noun] if cand.noun is not None else []), *cand.tokens]


def _refuses_to_answer(case: Case) -> bool:
    """ "troops who refused to respond", "declined to comment": a refusal to answer addressed to
    no one is no rejection ("refused to respond to the ultimatum" is one)."""
    head = case.cand.head
    if case.cand.trigger.event != "REJECT" or any(c.dep_ == "dobj" for c in head.children):
        return False  # "rejected the envoy to speak at the summit" rejects the envoy
    return any(
        c.dep_ in ("xcomp", "acl")
        and c.lemma_.lower() in ANSWERING_VERBS
        and not any(p.dep_ in ("prep", "dative") and p.lower_ in ("to", "with") for p in c.children)
        for t in _trigger_words(case)
        for c in t.children
    )


def _returns_a_message(case: Case) -> bool:
    """ "did not return calls seeking comment": a message returned is no release, and one not
    returned no refusal to yield."""
    return case.cand.trigger.event in CONCESSIONS and any(
        c.dep_ in ("dobj", "nsubjpass") and through_quantity(c).lemma_.lower() in MESSAGE_NOUNS
        for c in case.cand.head.children
    )


def _object_changes_sense(case: Case) -> bool:
    """ "applied for membership" asks; "applied Israeli law to the area" asks no one anything;
    "demonstrated restraint", "the restraint they have demonstrated" is no demonstration."""
    head = case.cand.head
    if case.cand.trigger.pos != "V" or head.lemma_.lower() not in OBJECT_FREE_VERBS:
        return False
    deps = [c.dep_ for c in head.children]
    # a relative clause with a subject of its own and no object has the noun it hangs from as
    # object; so has a clause the parser gives two subjects ("the restraint they demonstrated")
    return (
        bool({"dobj", "nsubjpass"} & set(deps))
        or head.dep_ == "relcl"
        and "nsubj" in deps
        or deps.count("nsubj") > 1
    )


def _private_life(case: Case) -> bool:
    """ "was visiting her daughter", "thanked his wife": one's own family is not event data."""
    return case.cand.trigger.event not in MATERIAL_CONFLICT and any(
        t.lemma_.lower() in KIN_NOUNS and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children)
        for t in case.tokens.objects + case.tokens.preps
    )


def _only_places_around(case: Case) -> bool:
    """All the recipients are places the trigger's own phrase does not name (roles.place_recipients)."""
    return bool(case.recipient) and all(
        is_place(r) and not any(same_actor(r, n) for n in case.named) for r in case.recipient
    )


def _praises_an_occasion(case: Case) -> bool:
    objs = case.tokens.objects + case.tokens.preps
    return (
        case.cand.trigger.event == "SUPPORT"
        and bool(objs)
        and all(o.ent_type_ in OCCASION_LABELS or o.lemma_.lower() in OCCASION_NOUNS for o in objs)
        and not any(political(r) or r.kind == "person" for r in case.recipient)
    )


# On the role tokens, before any actor is resolved.
DROPS_ON_TOKENS = (
    Rule("force against a disease, a disaster or nature", _force_against_nature),
    Rule("a figure of speech", _figure_of_speech),
    Rule("a detail of a punishment", _details_a_punishment),
    Rule("a refusal to answer", _refuses_to_answer),
    Rule("a message returned", _returns_a_message),
    Rule("a verb whose object changes its sense", _object_changes_sense),
    Rule("private life", _private_life),
    Rule("an act only weighed", lambda case: deliberated(case.cand.head)),
    Rule("a prediction", lambda case: predicted(case.cand.head)),
)
# On the actors and recipients the trigger's own phrase names.
DROPS_ON_NAMED = (
    Rule("no actor", lambda case: not case.actor),
    Rule("acts on itself", lambda case: bool(case.named) and not case.recipient and not case.mutual),
    Rule("met with no one", _met_with_no_one),
)
# On the final roles, recipients looked for further.
DROPS = (
    # "the Cardinals praised Palmer": sports and celebrity news are not event data (for an act
    # done by someone the document names elsewhere, decided once it is known: document.py)
    Rule(
        "no political actor",
        lambda case: (
            case.political_only
            and case.awaiting is None
            and not any(political(e) for e in case.actor + case.recipient)
        ),
    ),
    # "people paid tribute to the victims": what ordinary people say among themselves is not
    # event data
    Rule(
        "among civilians",
        lambda case: (
            case.cand.trigger.event in VERBAL_TYPES
            and all(
                not (e.country or e.org) and e.sector in CIVILIAN_SECTORS for e in case.actor + case.recipient
            )
        ),
    ),
    # "spoke to the Guardian": an interview is not a consultation
    Rule(
        "an interview",
        lambda case: (
            case.cand.trigger.event == "CONSULT"
            and bool(case.recipient)
            and all(r.sector == "MED" for r in case.recipient)
        ),
    ),
    # "asked by reporters about the summit": a journalist's question is no request
    Rule(
        "a question of the press",
        lambda case: (
            case.cand.trigger.event == "REQUEST"
            and bool(case.actor)
            and all(a.sector == "MED" for a in case.actor)
        ),
    ),
    # "a crowd celebrating Bastille Day", "fans hailed the World Cup": praise of a day or an
    # occasion praises no actor (praise of a deal or a plan is support of those who made it)
    Rule("praise of an occasion", _praises_an_occasion),
    # "speaking in Beijing, the minister said", "spoke at a news conference in Tokyo": the place
    # one speaks in is not spoken to (where one meets stands for its government, as PLOVER's
    # annotators code it: "held meetings in Baghdad", "attended a summit in the UK")
    Rule(
        "speaks only where it is",
        lambda case: (
            case.cand.trigger.event == "CONSULT"
            and case.cand.head.lemma_.lower() in SPEAKING_VERBS
            and _only_places_around(case)
        ),
    ),
    Rule("acts on no one", _acts_on_no_one),
)


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
    Recode("threat", _threatens, _threat_coding),
)
