"""When a candidate makes no event: named rules on a Case, in three tables by the step of role
filling they read (the role tokens; the actors and recipients the trigger's phrase names; the
final roles). A rule that holds drops the candidate; its name says why. (When an event is
coded otherwise than its trigger says: recode.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..actors import is_place
from ..plover import COOPERATIVE, MATERIAL_CONFLICT, QUADS, having
from ..words import words
from ..syntax import FUTURE_AUX, HYPOTHETICAL_AUX, PERSON_PRONOUNS, PLURAL_PRONOUNS, first_conjunct, objects
from .candidates import BLOCKING_VERBS, through_quantity
from .modality import declined, deliberated, intent_above, predicted
from .responses import act_acted_upon
from .fillers import political, same_actor
from .roles import Case, responsible_party

FORCE_TYPES = having("force")
PUNITIVE_TYPES = having("punitive")
PUNISHMENTS = PUNITIVE_TYPES & MATERIAL_CONFLICT  # sanctions, arrests: not accusations
UNDIRECTED_TYPES = having("undirected")
RECIPROCAL_TYPES = having("reciprocal")
CONCESSIONS = having("concession")
NON_HOSTILE_CONTEXTS = words("non_hostile_contexts")
CIVILIAN_SECTORS = words("civilian_sectors")
AUTHORITY_SECTORS = words("authority_sectors")
VERBAL_TYPES = frozenset(t for t, quad in QUADS.items() if quad.startswith("verbal"))
FIGURATIVE_OBJECTS = words("figurative_objects")
ANSWERING_VERBS = words("answering_verbs")
MESSAGE_NOUNS = words("message_nouns")
OBJECT_FREE_VERBS = words("object_free_verbs")
KIN_NOUNS = words("kin_nouns")
SPEAKING_VERBS = words("speaking_verbs")
OCCASION_LABELS = ("EVENT", "DATE")  # spaCy's labels of days and occasions: "the Olympic Games"
OCCASION_NOUNS = words("occasion_nouns")
MONEY_SENSE_NOUNS = words("money_sense_nouns")
COMMISSIVE_VERBS = words("commissive_verbs")
SAID_THINGS = words("said_things")
LANGUAGE_VERBS = words("language_verbs")
REPORT_NOUNS = words("report_nouns")
HANDOVER_VERBS = words("handover_verbs")
WARNING_VERBS = words("warning_verbs")
INTENT_HEADS = words("intent_heads")


@dataclass(frozen=True)
class Rule:
    """A named condition on a Case; the table it is in says what follows when it holds."""

    name: str
    holds: Callable[[Case], bool]


def first_holding(rules: tuple[Rule, ...], case: Case) -> Rule | None:
    return next((rule for rule in rules if rule.holds(case)), None)


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


def _a_sum_of_money(case: Case) -> bool:
    """ "took a $6 billion charge", "a one-time charge of $300 million": a cost, not a charge
    against anyone (a "$300 million fraud charge against the bank" names its offence and whom
    it is brought against)."""
    return any(_costed(t) for t in _trigger_words(case) if t.lemma_.lower() in MONEY_SENSE_NOUNS)


def _costed(noun) -> bool:
    kids = list(noun.children)
    if any(c.dep_ == "compound" or c.dep_ == "prep" and c.lower_ == "against" for c in kids):
        return False
    return any(
        c.ent_type_ == "MONEY" or c.dep_ == "prep" and any(g.ent_type_ == "MONEY" for g in c.children)
        for c in kids
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


def _promises_what_is(case: Case) -> bool:
    """ "vowed that his goal is parity with the US", "she agrees it is a stretch", "I promise you
    the car is fine": a verb of commitment whose clause says what is, not what anyone will do,
    asserts; it commits to nothing ("promised that it would withdraw", "vowed to fight" do)."""
    head = case.cand.head
    if (
        case.cand.trigger.event != "AGREE"
        or case.cand.trigger.pos != "V"
        or head.lemma_.lower() not in COMMISSIVE_VERBS
        or any(c.dep_ == "xcomp" for c in head.children)
    ):
        return False  # (beside a clause, an object is whom it is said to: "I promise you it is fine")
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(_to_come(c) for c in clauses)


def _to_come(verb) -> bool:
    """A clause of what will or may be done: "would withdraw", "will investigate", "is ready to
    talk", "to hold talks"."""
    kids = list(verb.children)
    return (
        any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX | {"to"} for c in kids)
        or verb.lemma_.lower() in INTENT_HEADS
        or any(c.dep_ in ("xcomp", "acomp") and c.lemma_.lower() in INTENT_HEADS for c in kids)
    )


def _among_civilians(case: Case) -> bool:
    """Said or given among ordinary people only: no side of a country or an organisation, each a
    civilian (people, the press, a hospital, a school) or a name the knowledge files do not know.
    Force is another matter: an attack on a crowd is news whoever did it."""
    event, sides = case.cand.trigger.event, case.actor + case.recipient
    if event in VERBAL_TYPES and all(
        not (e.country or e.org) and e.sector in CIVILIAN_SECTORS for e in sides
    ):
        return True
    # (unknown names are no one's business only where only political actors are wanted)
    return (
        case.political_only
        and case.awaiting is None
        and event in VERBAL_TYPES | COOPERATIVE
        and all(
            not (e.country or e.org) and (e.sector in CIVILIAN_SECTORS or e.sector is None) for e in sides
        )
    )


def _thwarted(head) -> bool:
    """ "called on Baku to stop attempts to strike Karabakh", "urged them to end plans to
    attack": attempts or plans someone wants stopped (the object of an infinitive of stopping or
    preventing) are what the speaker alleges of another, no act reported. (Attempts that were
    stopped, "troops repelled an attempt to storm the base", were made.)"""
    node = intent_above(head)
    node = first_conjunct(node) if node is not None else None  # "stop the violence and attempts to"
    return (
        node is not None
        and node.dep_ in ("dobj", "nsubjpass")
        and node.head.lemma_.lower() in BLOCKING_VERBS
        and node.head.tag_ == "VB"
    )


def _gives_a_saying(case: Case) -> bool:
    """ "had given warnings to maritime authorities", "gave a speech to parliament": what is
    given is said, not aid."""
    return case.cand.trigger.event == "AID" and any(
        c.dep_ == "dobj" and through_quantity(c).lemma_.lower() in SAID_THINGS
        for c in case.cand.head.children
    )


def _warns_its_people(case: Case) -> bool:
    """ "the government warned residents to take cover", "Japan alerted citizens in the north": a
    state's warning to ordinary people, its own or of no country said, is a safety notice, not a
    threat (an armed group's warning to civilians is one: the state's authorities are asked)."""
    if case.cand.trigger.event != "THREATEN" or case.cand.head.lemma_.lower() not in WARNING_VERBS:
        return False
    states = {a.country for a in case.actor if a.country and a.sector in AUTHORITY_SECTORS}
    return (
        bool(states)
        and bool(case.recipient)
        and all(
            r.sector in CIVILIAN_SECTORS and not r.org and r.country in states | {None}
            for r in case.recipient
        )
    )


def _speaks_a_language(case: Case) -> bool:
    """ "many of these men were speaking German": one speaks a language, not to it."""
    head = case.cand.head
    return (
        case.cand.trigger.event == "CONSULT"
        and head.lemma_.lower() in LANGUAGE_VERBS
        and any(c.dep_ == "dobj" for c in head.children)
    )


def _credits_a_report(case: Case) -> bool:
    """ "Yuki Oda in Tokyo contributed to this report", "contributed reporting": a credit line."""
    return case.cand.trigger.event == "AID" and any(
        o.lemma_.lower() in REPORT_NOUNS for o in case.tokens.objects + case.tokens.preps
    )


def _goes_back(case: Case) -> bool:
    """ "President Hollande returned to Paris": a person going back hands nothing over; "returned
    the remains to Japan" (an object, or its passive subject) does."""
    head = case.cand.head
    return (
        case.cand.trigger.event == "RETREAT"
        and head.lemma_.lower() in HANDOVER_VERBS
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)
        and bool(case.actor)
        and all(a.kind == "person" for a in case.actor)
    )


# On the role tokens, before any actor is resolved.
DROPS_ON_TOKENS = (
    Rule("force against a disease, a disaster or nature", _force_against_nature),
    Rule("a figure of speech", _figure_of_speech),
    Rule("a detail of a punishment", _details_a_punishment),
    Rule("a refusal to answer", _refuses_to_answer),
    Rule("a message returned", _returns_a_message),
    Rule("a verb whose object changes its sense", _object_changes_sense),
    Rule("a sum of money", _a_sum_of_money),
    Rule("private life", _private_life),
    Rule("an act only weighed", lambda case: deliberated(case.cand.head)),
    Rule("an attempt or plan stopped", lambda case: _thwarted(case.cand.head)),
    Rule("a prediction", lambda case: predicted(case.cand.head)),
    Rule("a promise of what is", _promises_what_is),
    Rule("a saying given", _gives_a_saying),
    Rule("a language spoken", _speaks_a_language),
    Rule("a credit for reporting", _credits_a_report),
)


def _acts_on_itself(case: Case) -> bool:
    """Whom the phrase names is only the actor: no one else is acted upon. (Not an act that may be
    addressed to no one, done on the actor's own things: "the rebels laid down their arms",
    "the army pulled back its forces".)"""
    if not case.named or case.recipient or case.mutual:
        return False
    objs = case.tokens.objects
    own = bool(objs) and all(any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in o.children) for o in objs)
    return not (own and case.cand.trigger.event in UNDIRECTED_TYPES)


def _captors_freed(case: Case) -> bool:
    """ "They were freed from Boko Haram's camps": the freed are not of the captors' own kind (an
    armed group freeing fighters it held); a pronoun read so has found the wrong antecedent."""
    objs = case.tokens.objects
    if case.cand.trigger.mode != "release" or not objs or not case.recipient:
        return False
    if not all(o.lower_ in PLURAL_PRONOUNS | PERSON_PRONOUNS for o in objs):
        return False
    kinds = {a.sector for a in case.actor if a.sector}
    return all(r.sector in kinds for r in case.recipient)


# On the actors and recipients the trigger's own phrase names.
DROPS_ON_NAMED = (
    Rule("no actor", lambda case: not case.actor),
    Rule("acts on itself", lambda case: _acts_on_itself(case)),
    Rule("the captors freed", _captors_freed),
    # "more troops will be sent": moved by a state the sentence does not name
    Rule(
        "forces of no one moved",
        lambda case: case.tokens.moved and not any(a.country or a.org for a in case.actor),
    ),
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
    # event data; nor is what they do for each other (qprec: "the newspaper worked with
    # reporters", "the hospital treated 20 people", "he sent her a walker")
    Rule("among civilians", lambda case: _among_civilians(case)),
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
    Rule("a safety warning", _warns_its_people),
    Rule("a journey back", _goes_back),
    Rule("acts on no one", _acts_on_no_one),
)
