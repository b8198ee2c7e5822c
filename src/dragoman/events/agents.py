"""Who acts, and on whom, when the words that act are not an actor: the maker of a text that acts ("a
resolution slashing Iran's imports"), the actor of a noun that carries an event ("a Treasury
announcement of sanctions"), and the authorities behind a passive arrest or detention that
names no agent ("she was arrested at her home"), and the user of a weapon ("a car bomb driven by X").
"""

from __future__ import annotations

from ..model import Entity
from ..plover import MATERIAL_CONFLICT, having
from ..places import event_places
from ..syntax import SUBJECT_DEPS, agent_nouns, inherited_subject, pobjs
from .acts import doer_tokens, town_modifier
from ..words import words

CARRIER_NOUNS = words("carrier_nouns") | words("quantity_nouns")
INSTRUMENT_NOUNS = words("instrument_nouns")
WEAPON_NOUNS = words("weapon_nouns")
TOLL_VERBS = words("toll_verbs")
ADOPTING_VERBS = words("adopting_verbs")
AUTHORITY_SECTORS = words("authority_sectors")
ARRESTING_SECTORS = words("arresting_sectors")
CAPTIVE_VERBS = words("captive_verbs")
CROWD_CONTROL_WORDS = words("crowd_control_words")
PERCEPTION_VERBS = words("perception_verbs")
CLAUSE_LINKS = ("advcl", "xcomp", "oprd", "pcomp", "prep", "pobj", "conj", "acl")
NON_STATE = ("IGO", "NGO")
FORCE_TYPES = having("force")
PUNITIVE_TYPES = having("punitive")
TIME_LINKS = ("when", "as")  # "were killed when X opened fire"


def instrument_author(tok) -> list:
    """Who made a text that acts: the agent of "a resolution adopted by the council", or the
    subject of the verb that adopted it: "the UN passed a resolution", "the council voted in
    favour of a resolution". Its own modifiers ("a UN resolution") are found as for any noun."""
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ADOPTING_VERBS:
            agents = agent_nouns(c)
            if agents:
                return agents
    node = tok
    for _ in range(4):  # "in favour of a resolution": up through prepositions to the verb
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ == "VERB":
            if node.lemma_.lower() not in ADOPTING_VERBS:
                return []
            agents = agent_nouns(node)
            return agents or [c for c in node.children if c.dep_ in SUBJECT_DEPS] or inherited_subject(node)
    return []


def crowd_control_weapon(tok) -> bool:
    """ "rubber bullets", "tear gas canisters", "batons": a weapon of police and troops on crowds,
    by its noun or a word before it in its phrase."""
    words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    return any(w.lemma_.lower() in CROWD_CONTROL_WORDS or w.lower_ in CROWD_CONTROL_WORDS for w in words)


def crowd_controlled(verb) -> bool:
    """Force done with a weapon of crowd control: "were hit with rubber bullets", "had been shot
    by a rubber bullet", "were dispersed with tear gas"."""
    held = [
        o
        for p in verb.children
        if p.dep_ in ("prep", "agent") and p.lower_ in ("with", "by")
        for o in p.children
    ]
    return any(o.dep_ == "pobj" and crowd_control_weapon(o) for o in held)


def weapon_user(tok) -> list:
    """Who used a weapon that acts: the agent of the phrase that says so ("a car bomb driven by a
    Taliban bomber", "a device planted by militants"). With none, the weapon names no actor
    of its own (its modifiers may: "a Taliban car bomb")."""
    return [o for c in tok.children if c.dep_ in ("acl", "relcl") for o in agent_nouns(c)]


def victims_of(noun, head) -> list:
    """Whom an act named by a noun harmed, where the clause it is in says so: "the bombing left
    30 villagers dead" (head: the verb it is the subject of), "30 soldiers were killed in an
    attack by X" (those the passive verb tells of)."""
    if (
        noun.dep_ == "nsubj"
        and head.lemma_.lower() in TOLL_VERBS
        and any(c.dep_ == "oprd" for c in head.children)
    ):
        return [c for c in head.children if c.dep_ == "dobj"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        verb = noun.head.head
        if verb.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in verb.children):
            return [c for c in verb.children if c.dep_ == "nsubjpass"]
    return []


def doer_of_harm(verb, lex) -> list:
    """Who did the harm a passive verb of force tells of, where the clause of its time says:
    "30 civilians were killed when US aircraft carried out strikes", "... as a suicide bomber
    blew himself up at a mosque": the subject of that act of force."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ in ("advmod", "mark") and c.lower_ in TIME_LINKS for c in clause.children
        ):
            continue
        lemma = clause.lemma_.lower()
        readings = list(lex.verbs.get(lemma, ()))
        readings += [
            r
            for o in clause.children
            if o.dep_ == "dobj"
            for r in lex.light.get((lemma, o.lemma_.lower()), ())
        ]
        readings += [
            r for p in clause.children if p.dep_ == "prt" for r in lex.particles.get((lemma, p.lower_), ())
        ]
        if any(r.event in MATERIAL_CONFLICT for r in readings):
            return [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return []


def without_place_modifiers(cand, tokens: list, actors, lex) -> list:
    """ "the Nice attack", "the Kabul bombing", "the Las Vegas shooting": a place named before an
    act of force is where it was done, not who did it; a country or its people are ("US
    strikes", "a Russian attack"). So for the act's own actor, and for a verb of force whose
    subject is such an act ("the Kabul attack killed 12 people": whoever did it, if it says)."""
    if cand.trigger.event not in MATERIAL_CONFLICT:
        return tokens
    if cand.bare_noun:
        return [t for t in tokens if not _place_modifier(t, cand.noun)]
    out = []
    for t in tokens:
        places = [c for c in t.children if _place_modifier(c, t)]
        if places and any(r.event in MATERIAL_CONFLICT for r in lex.nouns.get(t.lemma_.lower(), ())):
            out += [d for d in doer_tokens(t, lex) if d not in places]
        else:
            out.append(t)
    return out


def _place_modifier(tok, noun) -> bool:
    """A town modifying the noun: "Kabul" of "the Kabul attack" (acts.town_modifier)."""
    return tok.head.i == noun.i and town_modifier(tok)


def carrier_actor(noun) -> list:
    """The actor of a noun that carries an event in its "of" phrase: "a U.S. Treasury
    announcement of sanctions", "the bloc's third package of sanctions"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in CARRIER_NOUNS:
        return []
    carrier = prep.head
    return [c for c in carrier.children if c.dep_ in ("poss", "compound", "nmod", "amod")] + pobjs(
        carrier, ("by",)
    )


def captors(verb) -> list:
    """Who held those a passive release frees: "schoolgirls abducted by X have been released",
    "200 girls were seized by X, and 21 of them were set free", "they were freed from X's camps"."""
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in CAPTIVE_VERBS:
        found = agent_nouns(verb.head)
        if found:
            return found
    for subj in (c for c in verb.children if c.dep_ == "nsubjpass"):
        for tok in subj.subtree:
            if tok.dep_ in ("acl", "relcl") and tok.lemma_.lower() in CAPTIVE_VERBS:
                found = agent_nouns(tok)
                if found:
                    return found
    return [p for o in pobjs(verb, ("from",)) for p in o.children if p.dep_ == "poss"]


def depicted_doer(verb) -> list:
    """Whom a passive verb of seeing shows doing something: "she was filmed kicking and
    slapping the soldiers", "he was seen firing at the crowd"."""
    if verb.tag_ != "VBG":
        return []
    for node in _clauses_above(verb):
        if node.pos_ == "VERB" and node.lemma_.lower() in PERCEPTION_VERBS:
            return [c for c in node.children if c.dep_ == "nsubjpass"]
    return []


def accused_doer(verb, lex) -> list:
    """Whom an accusation accuses of the deed it names: "the court indicted X on several counts,
    including attacking soldiers", "indicted a girl ... slapping troops", "X was charged with
    assaulting a guard"."""
    if verb.tag_ != "VBG":
        return []
    for node in _clauses_above(verb):
        if node.pos_ == "VERB" and any(t.event == "ACCUSE" for t in lex.verbs.get(node.lemma_.lower(), [])):
            return [c for c in node.children if c.dep_ in ("dobj", "nsubjpass")]
    return []


def _clauses_above(verb, depth: int = 5):
    node = verb
    for _ in range(depth):
        if node.dep_ not in CLAUSE_LINKS or node.head.i == node.i:
            return
        node = node.head
        yield node


def implicit_authority(head, sent, actors) -> list[Entity]:
    """Who made a passive arrest, detention or expulsion that names no agent: the police or a
    court the sentence names ("a man was arrested, police said"); else the state of the authority the
    document last named before it ("An Israeli military court indicted her ... She was arrested
    at her home", "police chief X said a suspect had been arrested"); else the state of the place
    where it happened ("a man was arrested in Ohio")."""
    start, end = sent.offset + sent.span[0].idx, sent.offset + sent.span[-1].idx + len(sent.span[-1])
    acted_upon = {t.i for c in head.children if c.dep_ == "nsubjpass" for t in c.subtree}
    here = [
        e
        for e in actors.doc.entities
        if start <= e.span[0] < end
        and _arrests(e, ("GOV",))
        and not any(sent.offset + t.idx == e.span[0] for t in sent.span if t.i in acted_upon)
    ]
    if here:  # the police or a court before a government office
        return sorted(here, key=lambda e: e.sector not in ARRESTING_SECTORS)[:1]
    at = sent.offset + head.idx
    named = [
        e
        for e in actors.doc.entities
        if e.span[0] < start and e.country and e.country not in NON_STATE and _arrests(e, AUTHORITY_SECTORS)
    ]
    if named:
        source = named[-1]
        return [_state(source.country, source.text, source.span, actors)]
    for place in event_places(sent.span, head.i, offset=sent.offset):
        if place.country_code and place.span[0] != at:
            return [_state(place.country_code, place.text, place.span, actors)]
    return []


def _arrests(e: Entity, offices) -> bool:
    """The police or a court; or a body (not a person: a prince, a lawmaker) of these sectors."""
    return e.sector in ARRESTING_SECTORS or e.sector in offices and e.kind != "person"


def _state(iso3: str, text: str, span, actors) -> Entity:
    return Entity(
        name=actors.kb.countries.get(iso3, iso3),
        text=text,
        span=tuple(span),
        kind="state",
        country=iso3,
        sector="GOV",
        id=iso3,
    )


def place_of_force(tok, trig) -> bool:
    """ "the Nice attack", "the Brussels bombings": a town or a capital that modifies an attack
    says where it was, not who made it ("the US strike", "a Hamas attack" do)."""
    return trig.event in FORCE_TYPES and town_modifier(tok)
