"""The shared EventExtractor with the Russian lexicon, and one rule Russian reports need.

Russian agency reports name a meeting as the circumstance of what its participants did:
"Главы государств ЕАЭС на саммите в Минске утвердили ...", "По итогам заседания, прошедшего
во вторник, министры утвердили ...". A meeting noun in an adverbial phrase of a clause
("на саммите", "в ходе встречи", "по итогам заседания") is then a meeting of the clause's
subject, as a light verb's noun is ("held talks"): the subject is its actor. (The rule would
serve English as well: "At the summit in Minsk, the leaders approved ..."; it lives here so
that English results do not move with this change.)
"""

from __future__ import annotations

from dataclasses import replace

from ..events import Candidate, EventExtractor
from ..events.candidates import TriggerFinder
from ..events.fillers import same_actor
from ..events.roles import RoleTokens

MEETING_TYPES = {"CONSULT"}
# "по итогам", "в ходе", "во время", "в рамках", "на полях", "в кулуарах", "по завершении"
CIRCUMSTANCE_NOUNS = {"итог", "ход", "время", "рамка", "поле", "кулуары", "кулуар", "завершение", "окончание"}


class RussianExtractor(EventExtractor):
    def __init__(self, lexicon, political_only: bool = True):
        super().__init__(lexicon, political_only=political_only)
        self.finder = RussianTriggerFinder(self.lex)

    def extract(self, sent, actors, doc_id: str):
        events = _one_per_act(super().extract(sent, actors, doc_id))
        return [one for e in events if not _home_visit(e) for one in _bilateral(e, sent)]

    def role_tokens(self, cand: Candidate):
        if cand.obliged is not None:
            found = super().role_tokens(cand)
            body = _indefinite_body(cand.head) if found is not None and not found.actor else None
            # "«...», — заявили в министерстве": said by the body the clause names
            return replace(found, actor=[body]) if body is not None else found
        if cand.bare_noun:
            roles = self._noun_roles(cand)
            return roles if roles is not None else super().role_tokens(cand)
        found = super().role_tokens(cand)
        found = found if found is not None else self._verb_roles(cand)
        if found is not None and not found.preps and cand.trigger.event in TOPIC_PARTNER_TYPES:
            found = replace(found, preps=_partners_in_topic(cand))
        if found is not None and cand.trigger.pair and cand.trigger.pos == "V":
            # "обсудили ситуацию на Украине": what is discussed is the topic, not a party; those
            # talked with are named by the trigger's prepositions ("обсудил с Макроном")
            found = replace(found, objects=[])
        return found

    def _verb_roles(self, cand: Candidate) -> RoleTokens | None:
        if cand.trigger.pos not in ("V", "LV"):
            return None
        body = _indefinite_body(cand.head)
        actor = [body] if body is not None else _meeting_participants(cand.head)
        if not actor:
            return None
        body = actor[0]
        objs = [c for c in cand.head.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
        if cand.noun is not None:
            objs = [c for c in objs if c.i != cand.noun.i]
        preps = [
            o
            for p in cand.head.children
            if p.dep_ == "prep" and p.lower_ in cand.trigger.preps
            for o in p.children
            if o.dep_ == "pobj" and o.i != body.i
        ]
        return RoleTokens(cand, actor, objs, preps)

    def _noun_roles(self, cand: Candidate) -> RoleTokens | None:
        verb = _governing_verb(cand.noun) if cand.occurrence else None
        if verb is None or verb.i != cand.head.i:
            return None
        # the clause's subject met; those the meeting is with are its own ("на встрече с X")
        actor = [c for c in cand.head.children if c.dep_ == "nsubj"]
        recipient = [
            o
            for p in cand.noun.children
            if p.dep_ == "prep" and p.lower_ in cand.trigger.preps
            for o in p.children
            if o.dep_ == "pobj"
        ]
        return RoleTokens(cand, actor, recipient, [])


class RussianTriggerFinder(TriggerFinder):
    def _verb(self, tok) -> Candidate | None:
        """ "разогнать протестующих", "среди погибших": a participle standing as a noun names
        people (the protesters), not an act of theirs nor of the clause's subject."""
        if "Part" in tok.morph.get("VerbForm") and tok.dep_ in NOMINAL_DEPS:
            return None
        return super()._verb(tok)

    def noun_candidates(self, sent, taken: set[int]) -> list[Candidate]:
        meetings = []
        for tok in sent:
            trigs = [t for t in self.lex.nouns.get(tok.lemma_.lower(), []) if t.event in MEETING_TYPES]
            verb = _governing_verb(tok) if trigs and tok.i not in taken and _described(tok) else None
            if verb is not None and any(c.dep_ == "nsubj" for c in verb.children):
                # an occurrence: the meeting needs no recipient; its roles are read below
                meetings.append(Candidate(trigs[0], [tok], verb, tok, occurrence=True))
        rest = super().noun_candidates(sent, taken | {c.noun.i for c in meetings})
        return meetings + [_own_meeting(c) for c in rest]


NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "nmod", "dative", "appos", "iobj"}


# "подписали соглашение о свободной торговле с Ираном": the party of an agreement may hang from
# what it is about; the document's "о" phrase is read for the trigger's own prepositions.
TOPIC_PARTNER_TYPES = {"AGREE"}
TOPIC_PREPS = {"о", "об", "обо"}


def _partners_in_topic(cand: Candidate) -> list:
    if cand.noun is None:
        return []
    return [
        o
        for p in cand.noun.children
        if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS
        for topic in p.children
        if topic.dep_ == "pobj"
        for q in topic.children
        if q.dep_ == "prep" and q.lower_ in cand.trigger.preps
        for o in q.children
        if o.dep_ == "pobj"
    ]


def _own_meeting(cand: Candidate) -> Candidate:
    """ "прокомментировал встречу Путина и Байдена", "приветствовал визит Моди": a meeting noun
    whose genitive names its participants is theirs, not an act of the verb's subject."""
    noun = cand.noun
    if (
        cand.light
        and cand.trigger.event in MEETING_TYPES
        and noun is not None
        and noun.dep_ == "dobj"
        and any(c.dep_ == "nmod" and "Gen" in c.morph.get("Case") and c.ent_type_ for c in noun.children)
    ):
        return replace(cand, head=noun, light=False)
    return cand


def _indefinite_body(verb):
    """ "Посла вызвали в МИД", "его приговорили в Азербайджане": a clause in the third person
    plural without a subject has an unnamed actor, the body or state its "в" phrase names (as
    English passives without an agent have the state they happen in). So has a passive without
    an agent: "посол был вызван в МИД", "в министерство был приглашен посол"."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i and not _subject(clause):
        clause = clause.head
    indefinite = _indefinite(clause)
    if not (indefinite or _agentless_passive(verb)):
        return None
    for v in (verb, clause):
        for p in v.children:
            if p.dep_ == "prep" and p.lower_ in ("в", "во"):
                body = next((o for o in p.children if o.dep_ == "pobj"), None)
                author = _author(body) if body is not None else None
                if author is not None:
                    return author  # "в заявлении МИД ... названо": said in the ministry's statement
                if body is not None and not indefinite and "Acc" not in body.morph.get("Case"):
                    continue  # a passive's body is where one is called to ("в МИД"), not where it happened
                if body is not None and (
                    body.ent_type_ in ("ORG", "GPE")
                    or body.pos_ == "PROPN"
                    or body.text.isupper()
                    or body.lemma_ in BODY_NOUNS
                ):
                    return body
    return None


# "в заявлении МИД решение названо позорным", "в ноте министерства": what is said in a document
# is said by its author, the document's genitive (or, for "в котором", the antecedent's).
DOCUMENT_NOUNS = {
    "заявление",
    "сообщение",
    "письмо",
    "нота",
    "резолюция",
    "коммюнике",
    "обращение",
    "пресс-релиз",
}


def _author(body):
    doc = body
    if body.lower_ in RELATIVE_WORDS:  # "заявление клуба, в котором ...": the document before it
        before = [t for t in body.sent if t.i < body.i and t.lemma_.lower() in DOCUMENT_NOUNS]
        doc = before[-1] if before else body
    if doc.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    author = next((c for c in doc.children if c.dep_ == "nmod" and "Gen" in c.morph.get("Case")), None)
    if author is None and doc.dep_ == "dobj":  # "Посольство опубликовало заявление, в котором"
        author = next((c for c in doc.head.children if c.dep_ == "nsubj"), None)
    return author


RELATIVE_WORDS = {"котором", "которой", "которых"}
# "в министерство был приглашен посол": a common noun naming the body (the one the report has named)
BODY_NOUNS = {"министерство", "ведомство", "посольство", "правительство", "администрация"}


def _indefinite(clause) -> bool:
    return (
        not _subject(clause)
        and clause.pos_ == "VERB"
        and "Plur" in clause.morph.get("Number")
        and "Fin" in clause.morph.get("VerbForm")
        and "1" not in clause.morph.get("Person")
        and "2" not in clause.morph.get("Person")
    )


def _agentless_passive(verb) -> bool:
    return (
        "Pass" in verb.morph.get("Voice")
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and not any(c.dep_ in ("agent", "obl") for c in verb.children)
    )


def _meeting_participants(verb) -> list:
    """ "по итогам переговоров делегаций двух стран было подписано 15 документов": a passive
    without an agent, done as the outcome or in the course of a meeting, is done by those the
    meeting noun names (its genitive)."""
    if not _agentless_passive(verb):
        return []
    for p in verb.children:
        for outer in (o for o in p.children if p.dep_ == "prep" and o.dep_ == "pobj"):
            if outer.lemma_ not in CIRCUMSTANCE_NOUNS:
                continue
            for meeting in outer.children:
                if meeting.dep_ == "nmod" and meeting.lemma_ in MEETING_NOUN_WORDS:
                    return [c for c in meeting.children if c.dep_ == "nmod" and "Gen" in c.morph.get("Case")]
    return []


MEETING_NOUN_WORDS = {"переговоры", "встреча", "саммит", "заседание", "совещание", "визит", "консультация"}


def _subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


BILATERAL = {"двусторонний"}


def _home_visit(event) -> bool:
    """ "пригласил Эрдогана приехать в Казахстан" read with the inviter as traveller, "вернулся в
    Москву": travel to one's own country is no visit (PLOVER's CONSULT visit is to another)."""
    if event.event != "CONSULT" or event.mode != "visit" or not event.recipient:
        return False
    home = {a.country for a in event.actor if a.country}
    return bool(home) and all(r.country in home for r in event.recipient)


def _bilateral(event, sent) -> list:
    """ "провел двусторонние встречи с коллегами из Ирана, Пакистана и Индии": bilateral
    meetings with several parties are one meeting with each."""
    if len(event.recipient) < 2 or event.event not in ("CONSULT", "COOPERATE", "AGREE"):
        return [event]
    start, end = (i - sent.offset for i in event.trigger["span"])
    words = [t for t in sent.span if start <= t.idx < end]
    if not any(c.lemma_ in BILATERAL for t in words for c in t.children if c.dep_ == "amod"):
        return [event]
    return [replace(event, recipient=[r]) for r in event.recipient]


def _one_per_act(events):
    """ "вызвал посла и вручил ему ноту протеста", "на переговорах стороны обсудили": two words
    for one act of the same actors on the same recipients are one event (the first)."""
    out = []
    for e in events:
        if not any(
            o.event == e.event and _same_side(o.actor, e.actor) and _same_side(o.recipient, e.recipient)
            for o in out
        ):
            out.append(e)
    return out


def _same_side(a, b) -> bool:
    return len(a) == len(b) and all(any(same_actor(x, y) for y in b) for x in a)


def _described(noun) -> bool:
    """A meeting noun with words of its own ("на саммите в Минске", "заседания, прошедшего во
    вторник", "на встрече с X"). A bare one ("по итогам встречи", "в саммите участвовали") refers
    back to a meeting the report has named: one meeting is one record."""
    return any(c.dep_ not in ("punct", "cc") for c in noun.children)


def _governing_verb(noun):
    """The verb of the clause a meeting noun is the circumstance of: "на саммите" (at), "по итогам
    заседания" (after), "в ходе встречи", "на полях саммита" (during). Not "призвал к переговорам"
    (called for talks): there the meeting is what is called for."""
    if noun.dep_ == "nmod":
        outer = noun.head
        if outer.dep_ != "pobj" or outer.lemma_.lower() not in CIRCUMSTANCE_NOUNS:
            return None
        prep = outer.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("на", "в", "во") and "Loc" in noun.morph.get("Case"):
        prep = noun.head
    else:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "acl" else None
