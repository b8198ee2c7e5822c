"""Filling an event's roles from the dependency parse, and resolving them to actors.

Subject or passive agent → actor; object, passive subject or the trigger's preposition →
recipient; a missing subject is inherited from the clause the trigger hangs from. A noun
trigger takes its actor from its possessor or modifiers ("Russia's strike on Kyiv"). Where no
one is named as acted upon, the recipient is looked for in what the trigger governs ("agreed
to allow access of UN aid workers"), in the parties of a dispute, and last in the place of the
event, which stands for its people or government.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..actors import place_entity
from ..model import Entity, Sentence
from ..places import event_places
from ..plover import DEFAULT_PREPS, MATERIAL_CONFLICT, having
from ..syntax import (
    CONDITION_MARKS,
    LOCATIVE_PREPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    conjuncts,
    conjuncts_deep,
    inherited_subject,
    misread_clause_subject,
    past_dateline,
    pobjs,
    raised_objects,
)
from ..words import place_nouns, words
from .acts import (
    JUDGING_TYPES,
    ActReference,
    act_noun,
    claim_answered,
    doer_tokens,
    hostile_act_answered,
    reference,
)
from .agents import (
    INSTRUMENT_NOUNS,
    WEAPON_NOUNS,
    accused_doer,
    captors,
    carrier_actor,
    doer_of_harm,
    harmed_by_participle,
    depicted_doer,
    implicit_authority,
    instrument_author,
    place_of_force,
    victims_of,
    weapon_user,
    without_place_modifiers,
)
from .candidates import SMALL_CLAUSE_DEPS, Candidate, by_agents, travelled_for
from .lexicon import Lexicon

OCCURRENCE_VERBS = words("occurrence_verbs")
DOCUMENT_NOUNS = words("document_nouns")
RECEIVING_VERBS = words("receiving_verbs")
TRAVEL_PREPS = words("travel_preps")
LEGAL_ACCUSATION_VERBS = words("legal_accusation_verbs")
UNDERGOING_VERBS = words("undergoing_verbs")
MEETING_NOUNS = words("meeting_nouns")
DEMAND_VERBS = words("demand_verbs")
DISPUTE_NOUNS = words("dispute_nouns")
CLAIM_NOUNS = words("claim_nouns")
CLAIMING_VERBS = words("claiming_verbs")
BODY_NOUNS = words("body_nouns")
PLACE_HEADS = frozenset(p.word for p in place_nouns() if p.heads)
THEME_NOUN_TYPES = having("theme_noun")
IMPLICIT_STATE_TYPES = having("implicit_state")
AUTHORITY_MODES = words("authority_modes")
PATIENT_POSSESSOR_TYPES = having("patient_possessor")
ADDRESSED_TYPES = having("addressed")
# Named entities that are no actors unless the knowledge files code them: "celebrating
# National Day", "the 2016 Olympics", "Monday". (Not spaCy's PRODUCT or WORK_OF_ART: it gives
# them to unfamiliar names of people.)
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "EVENT", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})

ACTOR_PREPS = ("of", "by")
RECIPIENT_PREPS = ("of", "from", "with", "for", "against", "to", "on", "by")
COMPLEMENT_PREPS = ("with", "to", "on", "against", "for", "into", "at", "from")
# "mobilised its men to the area": a place phrase of an event includes where it goes.
PLACE_PREPS = LOCATIVE_PREPS | {"to"}
ACT_PRONOUNS = ("it", "this")
PERSON_RELATIVES = ("who", "whom", "whose")  # a relative clause of a person, not of a thing done
MAX_DEPTH = 2  # how deep inside a phrase its actor is looked for ("the heads of UN bodies")


@dataclass(frozen=True)
class RoleTokens:
    cand: Candidate  # a noun trigger that is the subject of "take place" has its head there
    actor: list
    objects: list
    preps: list  # objects of the trigger's prepositions
    instrument: object = None  # "sanctions that target Iran": the text the actor acts through
    implicit: bool = False  # "she was arrested": by authorities the sentence does not name


@dataclass
class Case:
    """A candidate and its roles, as they are filled: what the drop and recoding rules read."""

    cand: Candidate
    sent: Sentence
    lex: Lexicon
    tokens: RoleTokens
    political_only: bool = True
    actor: list[Entity] = field(default_factory=list)
    named: list[Entity] = field(default_factory=list)  # whom the object and prepositions name
    recipient: list[Entity] = field(default_factory=list)
    mutual: bool = False  # "cooperation between X and Y": the parties are the actors
    awaiting: ActReference | None = None  # "condemned the test": whoever did it, found later


# ---------------------------------------------------------------- tokens of each role


def role_tokens(cand: Candidate, lex: Lexicon) -> RoleTokens | None:
    """The tokens of the actor, the objects and the prepositions' objects; None: no actor."""
    if cand.obliged is not None:  # the speaker acts on whoever must do what is said
        subj = [c for c in cand.head.children if c.dep_ in (*SUBJECT_DEPS, "nsubjpass")] or inherited_subject(
            cand.head
        )
        spoken_of = cand.obliged
        if spoken_of.pos_ in ("VERB", "AUX"):  # the clause said: its subject
            return RoleTokens(
                cand, subj, [c for c in spoken_of.children if c.dep_ in ("nsubj", "nsubjpass")], []
            )
        return RoleTokens(cand, subj, [spoken_of], [])
    if cand.bare_noun:
        return noun_roles(cand)
    return verb_roles(cand, lex)


def verb_roles(cand: Candidate, lex: Lexicon) -> RoleTokens | None:
    verb = cand.head
    harmed = harmed_by_participle(verb, cand.trigger)  # "the people killed when X fired": them
    passive = bool(harmed) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    passive = passive or verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)  # "Asked by"
    subj, objs, themes = _passive_roles(verb) if passive else _active_roles(cand)
    objs = objs or harmed
    if passive and not subj and cand.trigger.event in MATERIAL_CONFLICT:  # "were killed when X fired"
        subj = doer_of_harm(verb, lex)
    if verb.dep_ == "relcl" and not passive and (not subj or subj[0].lower_ in RELATIVE_PRONOUNS):
        subj = [verb.head]  # "Jakab, who praised China": the relative pronoun's antecedent
    if verb.dep_ == "relcl" and passive and objs and objs[0].lower_ in RELATIVE_PRONOUNS:
        objs = [verb.head]  # "activists who were detained by police": the activists
    # "she was arrested at her home": by authorities the text leaves unsaid; not "a policy that
    # allows them to be arrested" (an infinitive reports no arrest)
    # (and "was charged with fraud", "is suspected of bribery": accused by the authorities)
    implicit = (
        passive
        and not subj
        and (
            cand.trigger.event in IMPLICIT_STATE_TYPES
            and cand.trigger.mode in AUTHORITY_MODES
            or cand.trigger.lemma in LEGAL_ACCUSATION_VERBS
        )
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
    undergone = cand.trigger.pos == "LV" and verb.lemma_.lower() in UNDERGOING_VERBS and not passive
    if undergone:  # "faces 12 counts of fraud": the subject is accused, by the authorities
        objs, subj, implicit = subj, [], True
    if implicit and cand.trigger.mode == "release":  # "girls abducted by X were released": by X
        subj = captors(verb)
        implicit = not subj
    subj = past_dateline(subj or ([] if undergone else _unnamed_subject(cand, lex, passive)))
    if not subj and not implicit:
        return None
    instrument = next((s for s in subj if s.lemma_.lower() in INSTRUMENT_NOUNS), None)
    if instrument is not None:  # "a resolution slashing Iran's imports": who passed it acts
        subj = instrument_author(instrument) or subj
    weapon = next((s for s in subj if s.lemma_.lower() in WEAPON_NOUNS), None)
    if weapon is not None and cand.trigger.event in MATERIAL_CONFLICT:  # "a car bomb driven by X rammed"
        subj = weapon_user(weapon) or subj
    preps = _prepositions(cand, lex, [verb, *([cand.noun] if cand.noun is not None else []), *objs, *themes])
    if cand.noun is not None and travelled_for(cand.noun):  # "left for Berlin on a visit": the host
        preps += [
            p for p in verb.children if p.dep_ == "prep" and p.lower_ in TRAVEL_PREPS and p not in preps
        ]
    if (
        cand.noun is not None
        and cand.light
        and cand.trigger.event in PATIENT_POSSESSOR_TYPES
        and cand.trigger.event not in THEME_NOUN_TYPES
    ):  # "ordered the tanker's release"
        objs = objs + [c for c in cand.noun.children if c.dep_ == "poss"]
    return RoleTokens(
        cand, subj, objs, [o for p in preps for o in p.children if o.dep_ == "pobj"], instrument, implicit
    )


def _passive_roles(verb) -> tuple[list, list, list]:
    subj = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not objs and verb.dep_ == "advcl":  # "Asked by reporters about X, the minister said": the minister
        objs = inherited_subject(verb)
    return subj, objs, []


def _active_roles(cand: Candidate) -> tuple[list, list, list]:
    verb, noun = cand.head, cand.noun
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if noun is None:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if not any(c.dep_ == "dobj" for c in verb.children):
            objs += raised_objects(verb)
    else:
        objs = [
            c
            for c in verb.children
            if c.dep_ == "dative"  # "gave Sudan aid"
            or c.dep_ == "dobj"
            and noun.dep_ == "pobj"
        ]  # "used civilians as shields"
        if (
            noun.pos_ == "ADJ" or noun.dep_ in SMALL_CLAUSE_DEPS
        ):  # "found X guilty", "declared X persona non grata"
            objs += [c for c in noun.children if c.dep_ == "nsubj"]
        elif cand.trigger.pos == "VP":  # "called on Serbia", "called for the release of X"
            objs.append(noun)
    if cand.trigger.object_is_theme and not pobjs(verb, ("with",)):
        # "sent troops to Mali": Mali, not the troops; "gave Egypt aid": Egypt (but "supplies
        # North Korea with oil": North Korea)
        return subj, [c for c in objs if c.dep_ == "dative"], [c for c in objs if c.dep_ == "dobj"]
    return subj, objs, []


def _unnamed_subject(cand: Candidate, lex: Lexicon, passive: bool) -> list:
    verb = cand.head
    if (
        not passive
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.lemma_.lower() not in DOCUMENT_NOUNS
    ):
        # "mass protests demanding his resignation": the protests, not who the clause says ousted
        # him ("a statement criticising X" is its authors')
        return [verb.head]
    if not passive:  # "she was filmed kicking X", "indicted X for attacking Y": she, X
        deed = (cand.trigger.event in MATERIAL_CONFLICT and depicted_doer(verb)) or accused_doer(verb, lex)
        # "A gunman killed at least 50 people": force, which no double-object verb does
        # ("a woman denied entry"), misread as a reduced relative
        misread = cand.trigger.event in MATERIAL_CONFLICT and misread_clause_subject(verb)
        return deed or misread or inherited_subject(verb)
    if cand.trigger.event in IMPLICIT_STATE_TYPES:
        # "was arrested in Niger", "were expelled from North Korea": by that state's authorities
        return pobjs(verb, ("in",)) or [o for o in pobjs(verb, ("from",)) if o.ent_type_ in ("GPE", "LOC")]
    return []


def _prepositions(cand: Candidate, lex: Lexicon, holders: list) -> list:
    """The trigger's prepositions on the verb, its noun and objects: "held talks with X"."""
    trig = cand.trigger
    allowed = set(trig.preps) | set(DEFAULT_PREPS[trig.event])  # "a suspension of aid to Egypt"
    if cand.noun is not None:  # "sanctions against Moscow": the noun's own prepositions
        allowed |= {p for t in lex.nouns.get(cand.noun.lemma_.lower(), []) for p in t.preps}
    light = cand.noun is not None  # "opened investigations against X": the noun's event decides
    preps = [
        p
        for h in holders
        for p in h.children
        if p.dep_ in ("prep", "dative") and p.lower_ in (allowed if light else trig.preps)
    ]
    if cand.noun is not None and trig.event not in THEME_NOUN_TYPES:  # "ordered the arrest of X"
        preps += [p for p in cand.noun.children if p.dep_ == "prep" and p.lower_ == "of"]
    return preps


def noun_roles(cand: Candidate) -> RoleTokens:
    noun, trig = cand.noun, cand.trigger
    own = {t.i for t in cand.tokens}  # "missile launch": "missile" is the trigger, not its actor
    actor = [
        c
        for c in noun.children
        if c.dep_ in ("poss", "compound", "nmod", "amod") and c.i not in own and not place_of_force(c, trig)
    ]
    actor += [
        o
        for p in noun.children
        if p.dep_ == "prep"
        and p.lower_ in ("of", "by", "from")
        and not (p.lower_ == "of" and "of" in trig.preps)  # "the bombing of a mosque": its target
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if trig.mutual:  # "cooperation between the Philippines and the United States"
        actor += [x for o in pobjs(noun, ("between",)) for x in (o, *conjuncts(o))]
    if not actor:  # "the attack on the embassy by X" (the parser hangs "by X" from the embassy)
        actor = [a for a in by_agents(noun) if a.head.head.i != noun.i]
    if not actor:  # "a Treasury announcement of sanctions on X", "the EU's new round of sanctions"
        actor = carrier_actor(noun)
    # "the cartel was responsible for mass killings", "X claimed responsibility for the bombing"
    actor = responsible_party(noun) or actor
    # "the summit will take place in X": the summit is the event, its modifiers the actors.
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ in OCCURRENCE_VERBS:
        cand = replace(cand, head=noun.head, occurrence=True)
    return RoleTokens(cand, actor, _noun_recipients(noun, trig), [])


def _noun_recipients(noun, trig) -> list:
    recip = pobjs(noun, trig.preps)
    head = noun.head
    # "X's initiative met with ... support of Y": Y supports X.
    while head.dep_ in ("conj", "pobj", "prep") and head.head.i != head.i:
        head = head.head
    if not recip and head.pos_ == "VERB" and head.lemma_ in RECEIVING_VERBS:
        recip = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not recip:  # "the bombing left 30 villagers dead", "30 were killed in an attack by X"
        recip = victims_of(noun, head)
    if not recip and noun.dep_ == "nsubj":  # "North Korea's missile launch was the first to fly over Japan"
        recip = [o for h in predicate_heads(noun.head) for o in pobjs(h, trig.preps)]
    if not recip:  # "its demand that the US ease sanctions": the clause's subject
        recip = [
            o
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
            for o in c.children
            if o.dep_ in ("nsubj", "nsubjpass") and o.lower_ not in RELATIVE_PRONOUNS
        ]
    return recip


def predicate_heads(verb) -> list:
    """What a clause says of its subject: the verb, its complement, and the verb of a clause that
    complement has: "the launch flew over X", "the launch was the first to fly over X"."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("attr", "acomp", "xcomp", "oprd")]
    return heads + [
        g for h in heads[1:] for g in h.children if g.dep_ in ("acl", "relcl", "xcomp") and g.pos_ == "VERB"
    ]


def responsible_party(noun) -> list:
    """Who is said to be responsible for an act, or claims it, is its actor."""
    prep = noun.head
    if noun.dep_ == "dobj" and prep.lemma_.lower() in CLAIMING_VERBS:  # "IS claimed the attack"
        return [c for c in prep.children if c.dep_ == "nsubj"]
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    word = prep.head
    if word.lemma_.lower() == "responsible":  # "X has been responsible for", "X, responsible for"
        clause = word.head
        return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if word.lemma_.lower() in CLAIM_NOUNS and word.dep_ == "dobj":  # "claimed responsibility for"
        return [c for c in word.head.children if c.dep_ == "nsubj"]
    return []


def complement_objects(verb, depth: int = 2) -> list:
    """Objects of the clause a trigger governs: "agreed to allow access of X" → access."""
    out = []
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            out += [o for o in c.children if o.dep_ in ("dobj", "dative", "nsubj")]
            out += pobjs(c, COMPLEMENT_PREPS)
            if depth > 1 and not out:
                out += complement_objects(c, depth - 1)
        elif c.dep_ == "ccomp" and verb.lemma_.lower() in DEMAND_VERBS:
            out += [o for o in c.children if o.dep_ in ("nsubj", "nsubjpass")]  # "demanded that X step down"
        elif c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark"):
            # "will not end the strike until the government ...", "... until their demands are met
            # by the authorities", "... before the management is sacked"
            agents = [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            out += agents or [o for o in c.children if o.dep_ in ("nsubj", "nsubjpass")]
    return out


def parties_between(head) -> list:
    """The parties of a dispute named in the clause of a trigger: "... between X and Y"."""
    out = []
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "between" and tok.head.lemma_.lower() in DISPUTE_NOUNS:
            out += [x for o in tok.children if o.dep_ == "pobj" for x in (o, *conjuncts(o))]
    return out


# ---------------------------------------------------------------- resolving tokens to actors


def resolve_roles(case: Case, actors) -> None:
    """The actors and recipients the role tokens name, each actor once."""
    cand, toks = case.cand, case.tokens
    case.actor = entities(without_place_modifiers(cand, toks.actor, actors, case.lex), actors, role="actor")
    if not case.actor and toks.implicit:  # "she was arrested at her home", "... in connection with"
        case.actor = implicit_authority(cand.head, case.sent, actors)
    avoid = frozenset(a.id for a in case.actor if a.id)
    objects, preps = toks.objects, toks.preps
    if cand.trigger.event in JUDGING_TYPES:  # "condemned the launch": whoever launched
        objects, preps = _judged_acts(case, objects, preps, actors, avoid)
    from_prep = entities(preps, actors, avoid=avoid)
    case.named = entities(objects, actors, avoid=avoid) + from_prep
    if (
        cand.noun is not None
        and cand.trigger.pos == "LV"
        and not case.named
        and case.awaiting is None
        and not cand.trigger.object_is_theme
    ):
        # "expelled the American diplomat", "summoned the ambassador": the noun is acted upon
        # unless the phrase names someone else ("halt talks with President Mugabe"); a theme
        # is not ("tested its new missile")
        case.named = entities([cand.noun], actors, avoid=avoid)
    for r in case.named:
        case.recipient += others([r], case.actor + case.recipient)
    case.mutual = (
        cand.trigger.mutual and len(case.actor) > 1 and cand.noun is not None and cand.noun.i == cand.head.i
    )


def _judged_acts(case: Case, objects: list, preps: list, actors, avoid: frozenset) -> tuple[list, list]:
    """The role tokens of a judgement, each act among them replaced by the doer its phrase
    names: "condemned North Korea's launch over Japan" is addressed to North Korea, not Japan.
    An act whose phrase names no doer stays, for whom its phrase names ("condemned the raid on
    Gaza"), and waits for the document to say who did it (case.awaiting), unless the judgement
    names someone of its own ("condemned Pyongyang for the test")."""
    objects = [_act_referred_to(t, case.lex) for t in objects]  # "opposed the decision, calling it ..."
    replaced, waiting, named = {}, None, False
    acts = {t.i: act_noun(t, case.lex) for t in objects + preps}
    for tok in objects + preps:
        own = case.cand.noun is not None and tok.i == case.cand.noun.i  # "agreed to the plan": the trigger
        act = None if own else acts[tok.i]
        if act is None:  # (not "the detention of the activist": the act's own phrase)
            if not acts.get(tok.head.head.i) or tok not in preps:
                named = named or bool(entities([tok], actors, avoid=avoid))
            continue
        doers = doer_tokens(tok, case.lex)
        if entities(doers, actors, avoid=avoid):
            replaced[tok.i] = doers
        elif waiting is None:
            waiting = reference(tok, case.sent.offset, act)
    case.awaiting = None if named or replaced else waiting
    objects = [d for t in objects for d in replaced.get(t.i, [t])]
    preps = [d for t in preps if t.head.head.i not in replaced for d in replaced.get(t.i, [t])]
    return objects, preps


def _act_referred_to(tok, lex: Lexicon):
    """ "voiced opposition to the decision, calling it a mistake": "it" is the act named before
    it in the sentence, if one is."""
    if tok.lower_ not in ACT_PRONOUNS:
        return tok
    before = (t for t in reversed(tok.sent[: tok.i - tok.sent.start]) if act_noun(t, lex))
    return next(before, tok)


def complete_recipients(case: Case, actors) -> None:
    """Where the trigger's own phrase names no one acted upon, look further, in this order."""
    cand, actor = case.cand, case.actor
    if not case.recipient and case.awaiting is None and not cand.bare_noun:
        case.awaiting = claim_answered(cand.trigger, cand.head, case.sent.offset)
        if case.awaiting is not None:
            return  # "denied making shipments": not the shipments' recipient, but the accuser
    if not case.recipient:  # "agreed to allow access of UN aid workers", "refused to meet with X"
        case.recipient = others(entities(complement_objects(cand.head), actors), actor)
    if (
        cand.trigger.mutual
        and len(actor) > 1
        and any(political(a) for a in actor)
        and (not cand.trigger.needs_recipient or cand.trigger.pair and not case.recipient)
    ):
        case.recipient = list(actor) + case.recipient  # "Jordan and Britain agreed": each with the other
    if not case.recipient:  # "launched a mediation effort to resolve the rift between Qatar and the UAE"
        case.recipient = others(entities(parties_between(cand.head), actors), actor)
    if not any(r.country or r.org for r in case.recipient) and cand.trigger.event not in ADDRESSED_TYPES:
        # "imposed a curfew in X", "announced a ceasefire in Idlib"; and beside people and
        # bodies of no known country: "killed 48 people in Afghanistan". (Praise is addressed to
        # someone, not to the place: "crowds celebrating in Nice".)
        case.recipient += others(place_recipients(cand, case.sent, actors), actor + case.recipient)
    if not case.recipient and case.awaiting is None:  # "all options are on the table": against whom
        case.awaiting = hostile_act_answered(cand, case.sent.offset)


def entities(tokens, actors, role: str = "recipient", avoid: frozenset = frozenset()) -> list[Entity]:
    out: list[Entity] = []
    for tok in [p for t in tokens for p in (_between(t) or _plural_of(t) or _shared_head(t) or [t])]:
        for t in [tok, *conjuncts_deep(tok)]:
            ent = entity_for(t, actors, role, avoid=avoid)
            if (
                ent is not None
                and t.ent_type_ in NON_ACTOR_LABELS
                and not (ent.country or ent.org or ent.sector or ent.stands_for_members)
            ):  # ("the two" is a CARDINAL to spaCy, and the pair just named)
                continue
            if ent is not None and not ent.stands_for_members:
                ent = actors.as_phrase(ent, head_phrase(t))
            for e in ent.members if ent is not None and ent.stands_for_members else [ent]:
                if e is not None and not any(same_actor(e, o) for o in out):
                    out.append(e)
    return out


def _between(tok) -> list:
    """ "the summit between the EU and Turkey failed": the parties stand for the meeting."""
    if tok.lemma_.lower() not in MEETING_NOUNS:
        return []
    return pobjs(tok, ("between",))


def _plural_of(tok) -> list:
    """ "the armies of Brazil and Argentina", "the leaders of China and Russia": each party."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            objs = [o for o in p.children if o.dep_ == "pobj"]
            if objs and conjuncts(objs[0]):
                return [objs[0], *conjuncts(objs[0])]
    return []


def _shared_head(tok) -> list:
    """ "U.S. and South Korean forces", "Afghan and German security forces": one actor for each
    coordinated modifier of a plural noun."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    for mod in tok.children:
        if (
            mod.dep_ in ("nmod", "amod", "compound")
            and mod.i < tok.i
            and conjuncts(mod)
            and (mod.ent_type_ in ("GPE", "NORP") or mod.pos_ == "PROPN")
        ):
            return [mod, *conjuncts(mod)]
    return []


def head_phrase(tok):
    """A noun and what comes before it in its phrase: "the FAA's approval" of "the FAA's approval
    of the aircraft"; what follows (prepositions, clauses) may name other actors."""
    before = [
        c for c in tok.children if c.i < tok.i and c.dep_ not in ("punct", "cc", "prep", "relcl", "acl")
    ]
    start = min((c.left_edge.i for c in before), default=tok.i)
    return tok.doc[start : tok.i + 1]


def entity_for(
    tok, actors, role: str = "recipient", depth: int = 0, avoid: frozenset = frozenset()
) -> Entity | None:
    """The actor a role filler stands for. A common noun stands for the actor named inside it:
    "SCO member states", "Bosnian Serb units", "the heads of UN bodies", "a bombing by the
    Islamic State", and for recipients "China's fight", "a request from the prime minister",
    "measures that the Chinese government has taken". An actor is a possessor only of a body
    or office ("Japan PM's office"), never of a thing: "Xi Jinping's initiative met with ..."
    is not a meeting of Xi Jinping."""
    ent = actors.entity_for_token(tok, avoid)
    if ent is not None and ent.country is None and ent.kind != "person":
        return _of_modifier_country(ent, tok, actors, avoid)
    if ent is not None or depth > MAX_DEPTH:
        return ent
    for inner in _inner_fillers(tok, role):
        found = entity_for(inner, actors, role, depth + 1, avoid)
        if found is not None:
            return found
    return None


def _of_modifier_country(ent: Entity, tok, actors, avoid) -> Entity:
    """ "five Syrian shipping companies": a group of no known country is of the country its
    modifier names."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            inner = actors.entity_for_token(c, avoid)
            if (
                inner is not None
                and inner.country
                and inner.country not in ("IGO", "NGO")
                and inner.kind != "person"
            ):
                return replace(ent, country=inner.country)
    return ent


def _inner_fillers(tok, role: str):
    """The tokens inside a phrase that may name its actor, in the order they are tried."""
    # Modifiers first: "his Jordanian counterpart" is Jordanian before it is "his".
    yield from (c for c in tok.children if c.dep_ in ("compound", "nmod", "amod", "npadvmod"))
    if role == "recipient" or tok.lower_ in BODY_NOUNS:
        yield from (c for c in tok.children if c.dep_ == "poss")
    preps = RECIPIENT_PREPS if role == "recipient" else ACTOR_PREPS
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            yield from (o for o in child.children if o.dep_ == "pobj")
        if child.dep_ == "acl" and role == "recipient":  # "the sanctions imposed on India"
            agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            yield from pobjs(child, ("on", "against", "to")) + agents  # "proposals laid out by X"
        if (
            child.dep_ == "relcl"
            and role == "recipient"
            and not any(c.lower_ in PERSON_RELATIVES for c in child.children)
        ):
            # "measures that X has taken"; not "the attacker, who police said held ..."
            yield from (s for s in child.children if s.dep_ == "nsubj" and s.lower_ not in RELATIVE_PRONOUNS)


def place_recipients(cand: Candidate, sent: Sentence, actors) -> list[Entity]:
    """Where no actor is acted upon, the place of the event stands for its people or its
    government, as PETRARCH and PLOVER's annotators code it: "attacks in Afghanistan" (AFG),
    "troops remained on alert in Manila" (PHL). Only the closest place phrase."""
    found = event_places(sent.span, cand.head.i, offset=sent.offset, described=False)
    if found:
        return [place_entity(p, p.text, p.span) for p in found[:1] if p.country_code]
    # "remained on alert in Bosnian Serb territory", "mobilised its men to the area"
    holders = [cand.head] + ([cand.noun] if cand.noun is not None else [])
    tok = next((o for h in holders for o in pobjs(h, PLACE_PREPS) if o.lemma_.lower() in PLACE_HEADS), None)
    if tok is None:
        return []
    phrase = head_phrase(tok)
    inside = entity_for(tok, actors)
    country = inside.country if inside is not None and inside.country != "IGO" else None
    start = sent.offset + phrase[0].idx
    return [
        Entity(
            name=phrase.text,
            text=phrase.text,
            span=(start, start + len(phrase.text)),
            kind="state",
            country=country,
        )
    ]


def political(e: Entity) -> bool:
    """An actor of political event data: a state, an organisation in the knowledge files, an office,
    a force or a social group with a sector (protesters, workers, students), or a person whose
    country or organisation is known. Unknown names alone ("the Cardinals", "Palmer") are not."""
    return bool(e.country or e.org or e.sector)


def others(found: list[Entity], taken: list[Entity]) -> list[Entity]:
    """The entities that are none of the actors already taken."""
    return [e for e in found if not any(same_actor(e, t) for t in taken)]


def same_actor(a: Entity, b: Entity) -> bool:
    if a.id and b.id and a.id == b.id:
        return True
    if a.kind == b.kind == "state" and a.country and a.country == b.country:
        return True  # "North Korea" and "the country"
    if a.org and a.org == b.org and a.kind != "person" and b.kind != "person":
        return True  # "the SCO" and "SCO member states"
    return a.kind == b.kind and a.name == b.name
