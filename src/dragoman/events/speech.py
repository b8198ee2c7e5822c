"""What a speaker says of another, as an event of the speaker (reported speech).

    "X said Y must withdraw", "X said Y needed to act", "X proposed that Y postpone the drills"
                                               REQUEST of X to Y (obligation)
    "X said Y was responsible for the attack"  ACCUSE (blame)
    "X said the launch was unacceptable",
    "Y is playing a dangerous game, X said",
    "X called the vote crazy", "X described the attack as a barbarous act",
    "X said these provocations deepen Y's isolation", "X reacted sharply to the launch"
                                               ACCUSE of X to Y, or to whoever did the act (judgement)
    "X said the charges were baseless", "the allegations do not accord with facts, X said"
                                               REJECT of X to whoever made them (denial)
    "X said Y would face fire and fury", "all options are on the table, X said"
                                               THREATEN of X to Y, or to who last did a hostile act
                                               (warning)
    "X was disappointed that Y vetoed it", "X is dismayed with Y"
                                               ACCUSE of X to Y (disapproval)

Which words condemn, name or judge are in words.toml; what each produces in rules.toml
[speech]. The speaker is the subject of the verb of saying or naming; the one spoken of is the
subject of the clause said, or the object named (an act: its doer, see acts.py).
"""

from __future__ import annotations

from ..syntax import FUTURE_AUX, HYPOTHETICAL_AUX, NEGATIONS, OBLIGATION_AUX, conjuncts, pobjs
from ..words import word_file, words
from .candidates import Candidate
from .lexicon import Lexicon

SPEECH_VERBS = words("speech_verbs")
BLAME_ADJECTIVES = words("blame_adjectives")
CONDEMNING_WORDS = words("condemning_words")
NAMING_VERBS = words("naming_verbs")
JUDGED_DOING_VERBS = words("judged_doing_verbs")
FALSITY_WORDS = words("falsity_words")
PROPOSING_VERBS = words("proposing_verbs")
OBLIGATION_VERBS = words("obligation_verbs")
REACTING_VERBS = words("reacting_verbs")
SHARP_ADVERBS = words("sharp_adverbs")
CONSEQUENCE_VERBS = words("consequence_verbs")
CONSEQUENCE_NOUNS = words("consequence_nouns")
THREAT_IDIOMS = {subj: tuple(v) for subj, v in word_file()["threat_idioms"].items()}
DISAPPROVAL_WORDS = words("disapproval_words")
DISAPPROVAL_PREPS = ("with", "by", "at", "over", "about", "in")
MAX_CLIMB = 3  # how far above a word of feeling its subject is looked for
TRUTH_WORDS = words("truth_words")
PREDICATE_DEPS = ("acomp", "attr", "oprd")
MODIFIER_DEPS = ("amod", "advmod", "compound", "npadvmod")


class SpeechFinder:
    """The candidates of a sentence that are what a speaker says of another."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def candidates(self, sent) -> list[Candidate]:
        found = []
        for tok in sent:
            said = _said_clause_of(tok)
            cand = self._reported(tok, said) if said is not None else None
            if cand is None and tok.lemma_.lower() in NAMING_VERBS and tok.pos_ == "VERB":
                cand = self._naming(tok)
            if cand is None and tok.lower_ in DISAPPROVAL_WORDS:
                cand = self._disapproval(tok)
            if cand is None and tok.lemma_.lower() in REACTING_VERBS:
                cand = self._reaction(tok)
            if cand is not None:
                found.append(cand)
        return found

    def _disapproval(self, word) -> Candidate | None:
        """ "X was disappointed that Y vetoed the resolution", "X is dismayed with Y",
        "tweeted: very disappointed that Y is allowing ...": X disapproves of Y."""
        holder = _subject_holder(word)
        if holder is None or negated(word) or negated(holder):
            return None
        about = [c for c in word.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        about += pobjs(word, DISAPPROVAL_PREPS)
        if not about:
            return None
        return Candidate(self.lex.speech["disapproval"], [word], holder, obliged=about[0])

    def _reported(self, clause, speaker_verb) -> Candidate | None:
        """A clause a speaker says: what another must do, is to blame for, or is condemned for."""
        verb = speaker_verb.lemma_.lower()
        active = not any(c.dep_ in ("nsubjpass", "auxpass") for c in speaker_verb.children)
        if (
            verb in PROPOSING_VERBS
            and subjunctive(clause)
            and any(c.dep_ == "nsubj" for c in clause.children)
            and active
            and not negated(speaker_verb)
        ):
            # "Moon proposed that Seoul and Washington postpone the drills": a request to them
            return Candidate(self.lex.speech["obligation"], [speaker_verb], speaker_verb, obliged=clause)
        if verb not in SPEECH_VERBS:
            return None
        must = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX]
        if (
            not must
            and clause.lemma_.lower() in OBLIGATION_VERBS
            and any(  # "X needed to take action"
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children
            )
        ):
            must = [clause]
        if must:
            return Candidate(self.lex.speech["obligation"], [must[0], clause], speaker_verb, obliged=clause)
        preds = predicates(clause)
        blame = [p for p in preds if p.pos_ == "ADJ" and p.lemma_.lower() in BLAME_ADJECTIVES]
        if blame:  # "the government said Taliban militants were responsible": an accusation
            return Candidate(self.lex.speech["blame"], [blame[0]], speaker_verb, obliged=clause)
        warning = consequences(clause) or threat_idiom(clause)
        if warning is not None:  # "said the North would face fire and fury", "all options are on the table"
            return Candidate(self.lex.speech["warning"], [warning], speaker_verb, obliged=clause)
        # "said the launch was unacceptable", "said these provocations only deepen X's isolation"
        # (not "it may seem outrageous", "it was irresponsible to blame others": no one is named)
        judged = [p for p in preds if condemning(p)] or [
            s for s in clause.children if s.dep_ == "nsubj" and condemning(s, own=True)
        ]
        if judged and not negated(clause) and not expletive(clause):
            return Candidate(self.lex.speech["judgement"], [judged[0]], speaker_verb, obliged=clause)
        falsity = false_claim(clause, preds)
        if falsity is not None:  # "said the charges do not accord with facts", "were baseless"
            return Candidate(self.lex.speech["denial"], [falsity], speaker_verb, obliged=clause)
        return None

    def _reaction(self, verb) -> Candidate | None:
        """ "Japan reacted sharply to the launch": a condemnation of whoever launched."""
        if not any(c.dep_ == "advmod" and c.lower_ in SHARP_ADVERBS for c in verb.children) or negated(verb):
            return None
        to = pobjs(verb, ("to",))
        return Candidate(self.lex.speech["judgement"], [verb], verb, obliged=to[0]) if to else None

    def _naming(self, verb) -> Candidate | None:
        """ "called the vote crazy", "described the attack as a barbarous act": the object named
        is condemned by the subject."""
        named_as = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp")]
        # (the object may be the subject of what it is named: "назвал действия позорными")
        named = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
            s for c in named_as for s in c.children if s.dep_ == "nsubj"
        ]  # (and what was called so: "the decision was called shameful")
        if not named or negated(verb):
            return None
        named_as += [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children
            if o.dep_ in ("pobj", "amod", "acomp")
        ]
        named_as += [
            o
            for d in verb.children
            if d.dep_ == "dobj"  # "described the attack as barbaric"
            for p in d.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children
            if o.dep_ in ("pobj", "amod", "acomp")
        ]
        if not any(condemning(p) for p in named_as):
            return None
        return Candidate(self.lex.speech["judgement"], [verb], verb)


def _said_clause_of(tok):
    """The verb a clause is said by: "X said [the launch was reckless]", and "X said the launch
    was reckless and [that the council needed to act]"; None if it is no said clause."""
    if tok.dep_ == "ccomp":
        return tok.head
    if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def _subject_holder(word):
    """The word, or the nearest word above it, with a subject: the one who feels it ("Germany
    is disappointed", "he was disappointed", "Trump tweeted: very disappointed ...")."""
    node = word
    for _ in range(MAX_CLIMB):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def predicates(clause) -> list:
    """What a clause says its subject is or does: "was unacceptable", "is a violation", "is
    playing a dangerous game", "would represent a serious violation"."""
    out = [c for c in clause.children if c.dep_ in PREDICATE_DEPS]
    if clause.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "nsubj" for c in clause.children):
        out.append(clause)  # (Russian has no copula in the present: "действия недопустимы")
    if clause.lemma_.lower() in JUDGED_DOING_VERBS:
        out += [c for c in clause.children if c.dep_ == "dobj"]
    return out


def condemning(tok, own: bool = False) -> bool:
    """A word or phrase that condemns: "unacceptable", "a barbarous act", "a serious violation",
    "politically motivated", "an act of cowardice", "reckless and irresponsible". `own`: by its
    own words, not what it is of ("these provocations", not "the threat of terrorism")."""
    for t in (tok, *conjuncts(tok)):
        words_ = [t, *(c for c in t.children if c.dep_ in MODIFIER_DEPS), *([] if own else pobjs(t, ("of",)))]
        if any(w.lower_ in CONDEMNING_WORDS or w.lemma_.lower() in CONDEMNING_WORDS for w in words_):
            return True
    return False


def consequences(clause):
    """ "the North would face fire and fury", "Iran will pay a heavy price": the consequence a
    speaker says another will meet, or None."""
    if (
        clause.lemma_.lower() not in CONSEQUENCE_VERBS
        or negated(clause)
        or not {c.lower_ for c in clause.children if c.dep_ == "aux"} & (FUTURE_AUX | HYPOTHETICAL_AUX)
    ):
        return None
    objs = [x for c in clause.children if c.dep_ == "dobj" for x in (c, *conjuncts(c))]
    return next((o for o in objs if o.lemma_.lower() in CONSEQUENCE_NOUNS), None)


def threat_idiom(clause):
    """ "All options are on the table", "nothing is off the table": a threat of force."""
    for subj in (c for c in clause.children if c.dep_ == "nsubj"):
        prep_obj = THREAT_IDIOMS.get(subj.lemma_.lower())
        if prep_obj and any(o.lemma_.lower() == prep_obj[1] for o in pobjs(clause, (prep_obj[0],))):
            return subj
    return None


def false_claim(clause, preds: list):
    """The word that says what the clause's subject claims is false: "the charges are
    baseless", "the reports are lies", "the allegations do not accord with facts", "are not
    true"; or None."""
    if negated(clause):
        truth = [t for t in (clause, *preds) if t.lemma_.lower() in TRUTH_WORDS]
        return truth[0] if truth else None
    return next((p for p in preds if p.lemma_.lower() in FALSITY_WORDS), None)


def subjunctive(clause) -> bool:
    """ "proposed that Seoul postpone the drills", "that the state of emergency be extended",
    "that X should", not "suggested North Korea fired a missile"."""
    base = clause.lower_ == clause.lemma_.lower() and clause.tag_ in ("VB", "VBP", "VBD")  # (tags vary)
    return base or any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children)


def expletive(clause) -> bool:
    """ "it may seem outrageous", "it was irresponsible to blame others": a clause of "it"."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in clause.children)


def negated(tok) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ == "advmod" for c in tok.children)
