"""Closed-class English grammar and helpers over spaCy's dependency tree.

The word classes here are grammar, not knowledge (open-class word lists are in
data/events/words.toml): auxiliaries, negations, relative pronouns, locative prepositions,
the dashes of a dateline and the dependency labels the rules climb through. The helpers take
and return spaCy tokens and know nothing of events.
"""

from __future__ import annotations

SUBJECT_DEPS = ("nsubj", "csubj")
# The labels a verb with no subject of its own climbs through to the clause it depends on.
CLIMB_DEPS = frozenset(
    {"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj", "attr", "oprd", "acomp"}
)
MAX_CLIMB = 6
OBJECT_DEPS = ("dobj", "attr", "nsubjpass", "oprd")
# The labels from a clause down to what it is about: "urged Serbia to withdraw", "accused
# Russia of shelling Kharkiv", "denied supplying arms", "said that X must go".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj"})
MAX_COMPLEMENT = 5

# "wo" is the first half of "won't"; "going" of "is going to".
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "going"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must"})
OBLIGATION_AUX = frozenset({"must", "should"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
FIRST_PERSON_PRONOUNS = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
# "until the government ...", "before the management is sacked": a condition set on a clause.
CONDITION_MARKS = ("until", "unless", "till", "before")
CONDITION_IF = ("if", "unless")

# Prepositions of a place where something happens: "in", "near", "outside of" ("to" names a
# place only after some heads; see places.py).
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "throughout",
        "around",
        "within",
        "into",
        "outside of",
        "off",
        "along",
    }
)
# "MOGADISHU, Somalia --", "Tehran, March 15, IRNA -": the dash that closes a dateline.
DATELINE_DASHES = frozenset({"-", "--", "—", "–"})
DATELINE_SPAN = 16  # a dateline's dash comes within the first tokens of a sentence


def agent_nouns(verb) -> list:
    """Who a passive verb or participle says did it: the object of its "by" phrase ("was
    attacked by militants"), or a noun that is the agent by its case (Russian "атакован
    боевиками", "выбранный стороной": russian.syntax labels it `agent` itself)."""
    out = []
    for a in verb.children:
        if a.dep_ == "agent":
            nominal = a.pos_ in ("NOUN", "PROPN", "PRON")
            out += [a] if nominal else [o for o in a.children if o.dep_ == "pobj"]
    return out


def first_conjunct(tok):
    """ "in Moscow, Islamabad and Tashkent": Tashkent stands where Moscow stands."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def conjuncts(tok) -> list:
    """The conjuncts hanging from a token ("X and Y": Y of X), one level down."""
    return [c for c in tok.children if c.dep_ == "conj"]


def conjuncts_deep(tok) -> list:
    """Every conjunct under a token, however the parser chained them."""
    out, todo = [], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return out


def pobjs(head, preps) -> list:
    """The objects of the prepositions `preps` hanging from `head`."""
    return [
        o
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in preps
        for o in p.children
        if o.dep_ == "pobj"
    ]


def prep_objects(prep) -> list:
    """The objects of a preposition, and the subject of a clause it takes: "cooperate with the
    United States to respond", which the parser reads as "with [the United States to respond]"."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    if not objs:
        objs = [
            s
            for c in prep.children
            if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    return objs


def objects(verb) -> list:
    return [c for c in verb.children if c.dep_ in OBJECT_DEPS]


def raised_objects(verb) -> list:
    """ "convicted the bank to pay", "allowed two airlines to land": spaCy parses the object of
    the verb as the subject of the infinitive that follows it (or "found X guilty")."""
    return [
        s
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp")
        and (
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            or c.pos_ == "ADJ"
            or c.tag_ == "VBG"
        )  # "accept refugees fleeing the war"
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def inherited_subject(verb) -> list:
    """A verb with no subject takes the subject of the clause it depends on (not that of a
    clause said it cannot be joined to: `said_clause_left`)."""
    node = verb
    for _ in range(MAX_CLIMB):
        if said_clause_left(node):
            node = node.head.head
            subj = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subj and node.pos_ in ("VERB", "AUX"):
                return subj
            continue
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            return []
        node = node.head
        subj = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subj and node.pos_ in ("VERB", "AUX"):
            return subj
    return []


def said_clause_left(verb) -> bool:
    """ "Moon has said the Games will be safe and proposed talks": the parser joins "proposed"
    to the clause said ("will be safe"), whose modal a past form cannot share ("will proposed"):
    the verb goes on from the one who said it. (Not a perfect's: the tagger reads "had attacked
    the town and killed" as a simple past as often as not.)"""
    first = verb.head
    if (
        verb.dep_ != "conj"
        or verb.tag_ not in ("VBD", "VBN")
        or first.dep_ != "ccomp"
        or first.head.i == first.i
        or any(c.dep_ in ("aux", "auxpass", *SUBJECT_DEPS, "nsubjpass") for c in verb.children)
    ):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in first.children)


def misread_clause_subject(verb, target_preps=(), noun=None) -> list:
    """The subject of a main clause the parser read as a reduced relative: in "A gunman killed
    at least 50 people" it takes "killed" for "a gunman (who was) killed", yet a passive
    participle has no direct object of its own: the noun it hangs from is its subject (and its
    conjuncts': "... and wounded 200"). Not a participle with an agent ("a man killed by ...").
    A sentence with no verb but the participle (the noun it hangs from is the root) is a main
    clause too when the participle names whom it is done to with one of `target_preps`, on
    itself or on its `noun` ("A man fired from a hotel room onto the crowd.", "Youths engaged
    in scuffles with police."): a headline's passive strands the preposition or names no
    target ("Protesters fired at in Caracas", "Three killed in attack")."""
    first = first_conjunct(verb)
    if (
        first.dep_ != "acl"
        or first.tag_ != "VBN"
        or first.head.i > first.i
        or first.head.pos_ not in ("NOUN", "PROPN")
        or any(c.dep_ == "agent" for c in first.children)
    ):
        return []
    if any(c.dep_ == "dobj" for c in verb.children):
        return [first.head]
    holders = [verb] + ([noun] if noun is not None else [])
    if first.head.dep_ == "ROOT" and any(pobjs(h, target_preps) for h in holders):
        return [first.head]
    return []


def in_complement(tok, head) -> bool:
    """Whether the token is inside what `head` is about: its complement clauses and their
    conjuncts, purposes and conditions ("urged X to take action to show they oppose ...", "said
    X would face fire if it threatened Y"), not a clause joined to it ("condemned X and
    attacked Y")."""
    node = tok
    for _ in range(MAX_COMPLEMENT):
        if node.head.i == node.i:
            return False
        # a purpose or a condition: "to show they oppose ...", "if it threatened the United States"
        purpose = node.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" or c.dep_ == "mark" and c.lower_ in CONDITION_IF
            for c in node.children
        )
        if (
            node.dep_ not in COMPLEMENT_DEPS
            and not purpose
            and not (node.dep_ == "conj" and node.head.i != head.i)
        ):
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False


def hyphenated(tok) -> list:
    """The tokens of a hyphenated word spaCy split ("cease", "-", "fire"), else [tok]."""
    doc = tok.doc
    if (
        tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and doc[tok.i - 2].idx + len(doc[tok.i - 2]) == doc[tok.i - 1].idx
    ):
        return [doc[tok.i - 2], doc[tok.i - 1], tok]
    return [tok]


def dateline_end(sent) -> int:
    """The first token after a dateline ("MOGADISHU, Somalia --", "Tehran, March 15, IRNA -"):
    names, numbers and punctuation before a dash at the start of a sentence."""
    for tok in sent[:DATELINE_SPAN]:
        if tok.text in DATELINE_DASHES and tok.i > sent.start:
            before = sent.doc[sent.start : tok.i]
            if all(t.pos_ in ("PROPN", "NUM") or t.is_punct or t.lower_ == "the" for t in before):
                return tok.i + 1
            break
    return sent.start


def past_dateline(subjects: list) -> list:
    """spaCy makes the dateline the subject and the real one its apposition: take the latter."""
    out = []
    for s in subjects:
        end = dateline_end(s.sent)
        if s.i >= end:
            out.append(s)
        else:
            out += [c for c in s.subtree if c.dep_ == "appos" and c.i >= end][:1]
    return out
