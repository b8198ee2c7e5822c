"""Resolving an event's role tokens to actors: the entities each token names (pairs, plurals
and shared heads taken apart, groups standing for their members), recipients completed from
what the trigger governs, the parties of a dispute and last the event's place, and the checks
of who counts as a political actor. (Which tokens fill each role: roles.py.)
"""

from __future__ import annotations

from dataclasses import replace

from ..actors import place_entity
from ..actors.entities import is_place
from ..model import Entity, Sentence
from ..places import event_places
from ..syntax import (
    RELATIVE_PRONOUNS,
    agent_nouns,
    conjuncts,
    conjuncts_deep,
    pobjs,
)
from .acts import (
    names_doer,
    JUDGING_TYPES,
    act_noun,
    claim_answered,
    doer_tokens,
    hostile_act_answered,
    reference,
)
from .agents import (
    implicit_authority,
    without_place_modifiers,
)
from .candidates import Candidate
from .lexicon import Lexicon
from .roles import (
    MEETING_NOUNS,
    BODY_NOUNS,
    PLACE_HEADS,
    ADDRESSED_TYPES,
    NON_ACTOR_LABELS,
    ACTOR_PREPS,
    RECIPIENT_PREPS,
    PLACE_PREPS,
    ACT_PRONOUNS,
    PERSON_RELATIVES,
    MAX_DEPTH,
    Case,
    complement_objects,
    parties_between,
)


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
    if any(_reciprocal(t) for t in objects + preps):
        # "India and Pakistan accused each other": each acts on the other, and on no one else;
        # of a single actor it says nothing ("the two Koreas" unresolved, or a misread subject)
        case.recipient = list(case.actor) if len(case.actor) > 1 else []
        case.mutual = len(case.actor) > 1


def _reciprocal(tok) -> bool:
    """ "each other", "one another"."""
    return (
        tok.lower_ in ("other", "another")
        and any(c.lower_ in ("each", "one") for c in tok.children)
        or (tok.lower_ == "other" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "each")
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
        if any(names_doer(e, tok) for e in entities(doers, actors, avoid=avoid)):
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
    if any(_reciprocal(t) for t in case.tokens.objects + case.tokens.preps):
        return  # "each other" said who: the actors themselves (resolve_roles)
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
        # "Jordan and Britain agreed": each with the other
        case.recipient = list(actor) + others(case.recipient, actor)
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


def _coded(ent: Entity) -> bool:
    return bool(ent.country or ent.org or ent.sector or ent.stands_for_members or ent.kind == "person")


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
        if found is not None and inner.dep_ == "amod" and not _coded(found):
            continue  # "on the Korean peninsula": an adjective of no known country is no one
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
            agents = agent_nouns(child)
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
    found = event_places(
        sent.span, cand.head.i, near=_document_countries(actors), offset=sent.offset, described=False
    )
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


def _document_countries(actors) -> frozenset:
    """The countries the document's actors so far belong to (places standing for their people
    left out: their country is the gazetteer's guess), for the gazetteer to judge a name by."""
    doc = getattr(actors, "doc", None)
    return frozenset(
        e.country
        for e in (doc.entities if doc else [])
        if e.country and len(e.country) == 3 and not is_place(e)
    )


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
