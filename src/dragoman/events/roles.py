"""Filling an event's roles from the dependency parse: which tokens name its actor, its
recipient and the objects of its prepositions (resolving them to actors: fillers.py).

Subject or passive agent → actor; object, passive subject or the trigger's preposition →
recipient; a missing subject is inherited from the clause the trigger hangs from. A noun
trigger takes its actor from its possessor or modifiers ("Russia's strike on Kyiv"). Where no
one is named as acted upon, the recipient is looked for in what the trigger governs ("agreed
to allow access of UN aid workers"), in the parties of a dispute, and last in the place of the
event, which stands for its people or government.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Entity, Sentence
from ..plover import DEFAULT_PREPS, MATERIAL_CONFLICT, having
from ..syntax import (
    CONDITION_MARKS,
    LOCATIVE_PREPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    agent_nouns,
    conjuncts,
    inherited_subject,
    misread_clause_subject,
    past_dateline,
    pobjs,
    prep_objects,
    raised_objects,
)
from ..words import place_nouns, words
from .acts import (
    ActReference,
)
from .agents import (
    INSTRUMENT_NOUNS,
    WEAPON_NOUNS,
    accused_doer,
    captors,
    carrier_actor,
    crowd_control_weapon,
    crowd_controlled,
    doer_of_harm,
    depicted_doer,
    instrument_author,
    place_of_force,
    victims_of,
    weapon_user,
)
from .candidates import SMALL_CLAUSE_DEPS, Candidate, asked_by, by_agents, travelled_for
from .lexicon import Lexicon

OCCURRENCE_VERBS = words("occurrence_verbs")
DOCUMENT_NOUNS = words("document_nouns")
RECEIVING_VERBS = words("receiving_verbs")
TRAVEL_PREPS = words("travel_preps")
DEPARTURE_VERBS = words("departure_verbs")
LEGAL_ACCUSATION_VERBS = words("legal_accusation_verbs")
UNDERGOING_VERBS = words("undergoing_verbs")
MEETING_NOUNS = words("meeting_nouns")
DEMAND_VERBS = words("demand_verbs")
DISPUTE_NOUNS = words("dispute_nouns")
CLAIM_NOUNS = words("claim_nouns")
CLAIMING_VERBS = words("claiming_verbs")
BODY_NOUNS = words("body_nouns")
STANCE_VERBS = words("stance_verbs")
SPEECH_VERBS = words("speech_verbs")
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
    moved: bool = False  # "US troops were deployed": what is moved acts, if a state's or a group's


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
        if spoken_of.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in spoken_of.children):
            # the clause said: its subject (of a verb, or of a predicate without a copula,
            # Russian "действия недопустимы")
            return RoleTokens(
                cand, subj, [c for c in spoken_of.children if c.dep_ in ("nsubj", "nsubjpass")], []
            )
        return RoleTokens(cand, subj, [spoken_of], [])
    if cand.bare_noun:
        return noun_roles(cand)
    return verb_roles(cand, lex)


def verb_roles(cand: Candidate, lex: Lexicon) -> RoleTokens | None:
    verb = cand.head
    # (and a participle with its agent: "Asked by reporters, X said ...")
    # "the people killed when ...": done to the people, by whom it says, or by no one named
    # (not a main clause the parser misread as one: "A gunman killed at least 30 people")
    acl_participle = verb.tag_ == "VBN" and verb.dep_ == "acl" and not _misread_subject(cand)
    passive = (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        or verb.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in verb.children)
        or acl_participle
    )
    subj, objs, themes = _passive_roles(verb) if passive else _active_roles(cand)
    # "3,000 US troops were deployed to Poland": the forces move, for their state
    moved = passive and not subj and not acl_participle and _moved_forces(cand)
    subj, objs = (objs, []) if moved else (subj, objs)
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
        and not acl_participle
        and not subj
        and (
            cand.trigger.event in IMPLICIT_STATE_TYPES
            and cand.trigger.mode in AUTHORITY_MODES
            or cand.trigger.lemma in LEGAL_ACCUSATION_VERBS
            or cand.trigger.event in MATERIAL_CONFLICT
            and crowd_controlled(verb)  # "hit with rubber bullets"
        )
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
    undergone = cand.trigger.pos == "LV" and verb.lemma_.lower() in UNDERGOING_VERBS and not passive
    if undergone:  # "faces 12 counts of fraud": the subject is accused, by the authorities
        objs, subj, implicit = subj, [], True
    if implicit and cand.trigger.mode == "release":  # "girls abducted by X were released": by X
        subj = captors(verb)
        implicit = not subj
    subj = past_dateline(
        subj or ([] if undergone or acl_participle else _unnamed_subject(cand, lex, passive))
    )
    if not subj and not implicit:
        return None
    instrument = next((s for s in subj if s.lemma_.lower() in INSTRUMENT_NOUNS), None)
    if instrument is not None:  # "a resolution slashing Iran's imports": who passed it acts
        subj = instrument_author(instrument) or subj
    weapon = next((s for s in subj if s.lemma_.lower() in WEAPON_NOUNS), None)
    if weapon is not None and cand.trigger.event in MATERIAL_CONFLICT:  # "a car bomb driven by X rammed"
        subj = weapon_user(weapon) or subj
    preps = _prepositions(cand, lex, [verb, *([cand.noun] if cand.noun is not None else []), *objs, *themes])
    if cand.noun is not None and travelled_for(cand.noun) and verb.lemma_.lower() in DEPARTURE_VERBS:
        objs = []  # "departed Abuja for Berlin on a visit": Abuja is left, not visited
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
    # (not who asked for it: "stormed the village at the request of the governor")
    pobjects = [o for p in preps for o in prep_objects(p) if not asked_by(o)]
    return RoleTokens(cand, subj, objs, pobjects, instrument, implicit, moved)


def _passive_roles(verb) -> tuple[list, list, list]:
    subj = agent_nouns(verb)
    subj = [p for p in subj if not crowd_control_weapon(p)]  # "hit by rubber bullets": no one named
    objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not objs and verb.dep_ == "advcl":  # "Asked by reporters about X, the minister said": the minister
        objs = inherited_subject(verb)
    if not objs and verb.dep_ == "acl":  # "the 30 people killed": the people
        objs = [verb.head]
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


def _misread_subject(cand: Candidate) -> list:
    """The subject of a main clause of force the parser read as a reduced relative (syntax.py)."""
    if cand.trigger.event not in MATERIAL_CONFLICT:
        return misread_clause_subject(cand.head)
    return misread_clause_subject(cand.head, cand.trigger.preps, cand.noun)


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
        return _placed_doer(verb.head) or [verb.head]
    if not passive:  # "she was filmed kicking X", "indicted X for attacking Y": she, X
        deed = (cand.trigger.event in MATERIAL_CONFLICT and depicted_doer(verb)) or accused_doer(verb, lex)
        # "A gunman killed at least 50 people": force, which no double-object verb does
        # ("a woman denied entry"), misread as a reduced relative
        misread = cand.trigger.event in MATERIAL_CONFLICT and _misread_subject(cand)
        return deed or misread or _speakers_stance(cand) or inherited_subject(verb)
    if cand.trigger.event in IMPLICIT_STATE_TYPES:
        # "was arrested in Niger", "were expelled from North Korea": by that state's authorities
        return pobjs(verb, ("in",)) or [o for o in pobjs(verb, ("from",)) if o.ent_type_ in ("GPE", "LOC")]
    return []


def _moved_forces(cand: Candidate) -> bool:
    """A trigger of moving something ("deploy", "dispatch", "send") whose passive names what is
    moved and no one who moved it: what is moved is the actor, if it is one (troops, police)."""
    if cand.trigger.event not in THEME_NOUN_TYPES or any(
        c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in cand.head.children
    ):  # (not how things stand: "28,000 US troops are stationed in Japan")
        return False
    if cand.noun is not None:  # "troops were deployed": the light verb's noun is what is moved
        return cand.noun.dep_ == "nsubjpass"
    return cand.trigger.object_is_theme


def _speakers_stance(cand: Candidate) -> list:
    """ "It said the attacker had committed an act of cowardice and expressed solidarity with
    France": a stance voiced ("expressed solidarity", "voiced concern") that the parser joins to the
    clause said is voiced by the one who speaks."""
    verb = cand.head
    said = verb.head
    if (
        cand.trigger.pos != "LV"
        or verb.lemma_.lower() not in STANCE_VERBS
        or verb.dep_ != "conj"
        or said.dep_ != "ccomp"
        or said.head.lemma_.lower() not in SPEECH_VERBS
    ):
        return []
    return [c for c in said.head.children if c.dep_ in SUBJECT_DEPS]


def _placed_doer(place) -> list:
    """ "its forces operating in the region dislodging the fighters", "troops in the town firing
    on the crowd": a participle the parser hangs from a place does what is in that place, the
    subject of the verb the place phrase hangs from, or its noun."""
    if not (
        place.dep_ == "pobj"
        and place.head.lower_ in LOCATIVE_PREPS
        and (place.lemma_.lower() in PLACE_HEADS or place.ent_type_ in ("GPE", "LOC", "FAC"))
    ):
        return []
    holder = place.head.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return [holder]
    if holder.pos_ == "VERB":
        return [c for c in holder.children if c.dep_ in SUBJECT_DEPS] or inherited_subject(holder)
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
    if not recip and asked_by(noun):  # "the Council met at the request of Japan": the Council
        verb = noun.head.head
        recip = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or inherited_subject(verb)
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
            # (qprec) and of the acts joined to it: "promised to restore order and wipe out the
            # oligarchs"
            out += [
                o
                for v in c.children
                if v.dep_ == "conj" and v.pos_ == "VERB"
                for o in v.children
                if o.dep_ == "dobj"
            ]
            if depth > 1 and not out:
                out += complement_objects(c, depth - 1)
        elif c.dep_ == "ccomp" and verb.lemma_.lower() in DEMAND_VERBS:
            out += [o for o in c.children if o.dep_ in ("nsubj", "nsubjpass")]  # "demanded that X step down"
        elif c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark"):
            # "will not end the strike until the government ...", "... until their demands are met
            # by the authorities", "... before the management is sacked"
            agents = agent_nouns(c)
            out += agents or [o for o in c.children if o.dep_ in ("nsubj", "nsubjpass")]
    return out


def parties_between(head) -> list:
    """The parties of a dispute named in the clause of a trigger: "... between X and Y"."""
    out = []
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "between" and tok.head.lemma_.lower() in DISPUTE_NOUNS:
            out += [x for o in tok.children if o.dep_ == "pobj" for x in (o, *conjuncts(o))]
    return out
