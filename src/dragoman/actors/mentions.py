"""Actor mentions in a sentence: runs of name-like tokens, coded from the knowledge files.

A mention is a run of name-like tokens ("SCO Secretary-General Vladimir Norov", "Ambassador of
Tajikistan Saidzoda Zohir Ozod", "the Chinese government"). It is coded compositionally from
what the knowledge files recognise inside it: a person's name, a role (title, office, sector
noun), an organisation, a country (name, demonym, capital used as metonym, or a place in it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..knowledge import CAPITAL, COUNTRY, DEMONYM, NON_ACTOR, ORG, PERSON, PLACE_NOUN, ROLE, Info, Knowledge
from ..model import Entity
from ..syntax import DATELINE_DASHES
from ..words import words

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Words inside names: "Ambassador of Tajikistan", "the WHO's Regional Office", "Osama bin Laden".
CONNECTORS = {"of", "'s", "-", "for", "the", "de", "al", "bin", "van", "von", "la"}
HONORIFICS = words("honorifics")
ORG_WORDS = words("organization_words")
FURNITURE_WORDS = words("furniture_words")


@dataclass
class Mention:
    start: int  # token indices in the spaCy Doc, end exclusive
    end: int
    tokens: list = field(repr=False)
    person: str | None = None  # a person's name as written
    role: Info | None = None
    org: Info | None = None
    country: str | None = None
    place_noun: str | None = None
    known: Info | None = None  # a known person
    demonym: bool = False  # the country came from an adjective: "Bosnian Serb units"
    plural: bool = False
    # "Chinese and Russian officials": one head noun shared by the countries of its conjoined
    # demonyms, in order; the mention stands for one group per country.
    countries: list[tuple[str, str]] = field(default_factory=list)  # (iso3, demonym as written)
    demonym_end: int | None = None  # the token after the demonym: "Russian| officials"
    body: Info | None = None  # the body a titled person belongs to: "Foreign Ministry spokeswoman"
    entity: Entity | None = None

    @property
    def text(self) -> str:
        return "".join(t.text_with_ws for t in self.tokens).strip()


# ---------------------------------------------------------------- matching knowledge in a sentence


def match_knowledge(kb: Knowledge, tokens) -> dict[int, tuple[int, list[Info]]]:
    """Longest phrase matches: start token index → (end index, infos). A phrase that names no
    actor ("nerve agent", "market forces") takes its words without a match, so that the role
    word inside it is not coded."""
    out, i, toks = {}, 0, list(tokens)
    while i < len(toks):
        longest = kb.longest_from(toks[i].text, toks[i].lemma_)
        for n in range(min(longest, len(toks) - i), 0, -1):
            span = toks[i : i + n]
            infos = [
                x for x in kb.lookup([t.text for t in span]) if _case_ok(x, span) and not _adjective(x, span)
            ]
            if not infos and span[-1].tag_ in ("NNS", "NNPS"):  # "soldiers" → "soldier"
                forms = [t.text for t in span[:-1]] + [span[-1].lemma_]
                infos = [x for x in kb.lookup(forms) if x.category in (ROLE, NON_ACTOR)]
            if infos:
                if any(x.category != NON_ACTOR for x in infos):
                    out[toks[i].i] = (toks[i].i + n, infos)
                i += n
                break
        else:
            i += 1
    return out


def _adjective(info: Info, span) -> bool:
    """ "an official visit", "a general strike": the word of a person's title used as an adjective."""
    tok = span[0]
    return (
        info.category == ROLE
        and info.kind == "person"
        and len(span) == 1
        and tok.pos_ == "ADJ"
        and tok.dep_ == "amod"
        and tok.text.islower()
    )


def _case_ok(info: Info, span) -> bool:
    if info.category in (ROLE, PLACE_NOUN, NON_ACTOR):
        return True
    first = span[1].text if len(span) > 1 and span[0].lower_ == "the" else span[0].text
    return first[:1].isupper() or first[:1].isdigit()  # "the Guardian" as well as "The Guardian"


# ---------------------------------------------------------------- mentions in one sentence


def find_mentions(kb: Knowledge, sent) -> list[Mention]:
    matches = match_knowledge(kb, sent)
    covered = {}
    for start, (end, infos) in matches.items():
        for i in range(start, end):
            covered[i] = (start, end, infos)
    headline = title_case(sent)
    namey = [_is_namey(t, covered, headline) for t in sent]
    runs, i, n = [], 0, len(sent)
    while i < n:
        if not namey[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if namey[j]:
                j += 1
                continue
            k = _bridge(sent, j, namey)
            if k is None:
                break
            j = k
        j = _head_after(sent, j, namey)
        runs.append((i, j))
        i = j
    mentions = [_code_mention(kb, sent[a:b], matches) for a, b in runs]
    return share_heads([m for m in mentions if not _furniture(m)], sent.doc)


def _furniture(m: Mention) -> bool:
    """A label or button of the page ("by Email", "Share"), which spaCy may take for a name."""
    if m.known or m.org or m.country or m.role:
        return False
    words_ = [t.lower_ for t in m.tokens if t.is_alpha or "-" in t.text]
    return bool(words_) and all(w in FURNITURE_WORDS for w in words_)


def _head_after(sent, j: int, namey: list[bool]) -> int:
    """ "a group of media outlets": a word of the knowledge files that only modifies the common
    noun after it is part of that noun's phrase (the group is of outlets, not of "media")."""
    last = sent[j - 1]
    if j < len(sent) and not namey[j] and last.dep_ == "compound" and last.head.i == sent[j].i:
        if last.text.islower() and sent[j].pos_ == "NOUN" and sent[j].text.islower():
            return j + 1
    return j


# What may stand between conjoined demonyms: "Chinese, Russian and Iranian officials".
CONJOINERS = {",", "and", "or", "&"}


def share_heads(mentions: list[Mention], doc) -> list[Mention]:
    """Join a demonym to the mention of the head noun it shares with the demonym after it:
    "Chinese and Russian officials" is one mention that stands for Chinese officials and
    Russian officials; without this, the head noun goes to the last country alone."""
    out: list[Mention] = []
    for m in reversed(mentions):
        nxt = out[-1] if out else None
        if (
            nxt is not None
            and _bare_demonym(m)
            and nxt.demonym
            and nxt.role is not None
            and nxt.person is None
            and nxt.known is None
            and _only_conjoiners(doc[m.end : nxt.start], chained=bool(nxt.countries))
        ):
            own = nxt.countries or [(nxt.country, _words(doc[nxt.start : nxt.demonym_end or nxt.start]))]
            nxt.countries = [(m.country, _words(m.tokens))] + own
            nxt.tokens = list(doc[m.start : nxt.end])
            nxt.start = m.start
            continue
        out.append(m)
    return out[::-1]


def _words(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _bare_demonym(m: Mention) -> bool:
    """An adjective of a country and nothing else: "Chinese" (not "Iranians", not "China")."""
    last = m.tokens[-1]
    return bool(
        m.country
        and m.demonym
        and not (m.role or m.org or m.person or m.known)
        and last.tag_ in ("JJ", "NNP")
        and last.dep_ in ("amod", "conj", "compound")
    )


def _only_conjoiners(between, chained: bool) -> bool:
    """Only "and", "or" and commas; a comma alone only before a chain ("Chinese, Russian and ...")."""
    return (
        len(between) > 0
        and all(t.lower_ in CONJOINERS for t in between)
        and (chained or any(t.lower_ != "," for t in between))
    )


def title_case(sent) -> bool:
    """A headline in title case ("North Korea Fires Another Missile Over Japan"): every word of
    four letters or more is capitalised, so capitals do not mark names."""
    words = [t for t in sent if t.is_alpha and len(t) >= 4]
    return len(words) >= 3 and all(t.text[:1].isupper() for t in words)


def _is_namey(tok, covered, headline: bool = False) -> bool:
    if tok.i in covered:
        return True
    if tok.ent_type_ in NOT_NAMES or tok.is_punct or tok.is_space:
        return False
    if headline:  # a capital in a title-case headline is no sign of a name; spaCy's label is
        return tok.ent_type_ in NAME_ENTS
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return True
    return tok.ent_type_ in NAME_ENTS and tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.text[:1].isupper()


def _bridge(sent, j: int, namey: list[bool]) -> int | None:
    """Connector words joining two name-like tokens ("Ambassador of Tajikistan", "the WHO's
    Regional Office"): the index of the name-like token after them, or None."""
    k = j
    while k < len(sent) and sent[k].lower_ in CONNECTORS and not namey[k]:
        k += 1
    if k == j or k >= len(sent) or not namey[k] or not namey[j - 1] or sent[j].lower_ == "the":
        return None  # "told the Sydney Morning Herald the Kurdish authorities": two names
    words = [t.lower_ for t in sent[j:k]]
    if "for" in words:  # only inside names: "Regional Office for Europe" (not "left Nairobi for Berlin")
        places = (  # a place named after another name spaCy gives a label of its own
            sent[k].ent_type_ in ("GPE", "LOC")
            and sent[k].ent_iob_ == "B"
            and sent[j - 1].ent_type_ not in ("", "ORG")
        )
        return k if sent[j - 1].pos_ == "PROPN" and sent[k].pos_ == "PROPN" and not places else None
    if "'s" in words:  # "China's fight" stops; "the WHO's Regional Office", "Russia's army" go on
        return k if sent[k].text[:1].isupper() or sent[k].pos_ in ("NOUN", "ADJ") else None
    return k


def _code_mention(kb: Knowledge, span, matches) -> Mention:
    m = Mention(span.start, span.end, list(span))
    known_idx = set()
    of_i = next((t.i for t in span if t.lower_ == "of"), None)
    for start, (end, infos) in sorted(matches.items()):
        if start < span.start or end > span.end:
            continue
        known_idx.update(range(start, end))
        # "opponents of the government" are opponents: a role after "of" describes the complement
        keep_role = m.role is not None and of_i is not None and start > of_i
        _apply_infos(m, infos, span.doc[start:end], keep_role)
    if m.known is not None:
        m.person = m.known.name
    elif m.person is None:
        titled = m.role is not None and m.role.kind == "person"
        m.person = _person_name(span, known_idx, titled)
    head = span.root
    m.plural = m.person is None and (head.tag_ in ("NNS", "NNPS") or _mistagged_plural(head, m))
    return m


def _mistagged_plural(head, m: Mention) -> bool:
    """ "the oligarchs" tagged NN: a title word with a plural "-s" ("boss", "chorus" are not)."""
    low = head.lower_
    return (
        head.tag_ == "NN"
        and m.role is not None
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s"))
    )


def _apply_infos(m: Mention, infos: list[Info], toks, keep_role: bool = False) -> None:
    cats = {i.category: i for i in infos}
    if PERSON in cats:
        m.known = cats[PERSON]
    if ORG in cats and m.org is None:
        m.org = cats[ORG]
    for cat in (COUNTRY, CAPITAL, DEMONYM):
        if cat in cats and m.country is None:
            m.country = cats[cat].code
            m.demonym = cat == DEMONYM
            m.demonym_end = toks.end if m.demonym else None
    if ROLE in cats and not keep_role:
        if m.role is not None and m.role.kind == "organization" and cats[ROLE].kind == "person":
            m.body = m.role  # "Foreign Ministry spokeswoman": a spokeswoman of a ministry
        m.role = cats[ROLE]  # the last role wins: "CPC Committee Secretary"
    if PLACE_NOUN in cats and len(toks) == 1 and toks[0].dep_ != "compound":
        m.place_noun = cats[PLACE_NOUN].code  # (not "a country music festival", "a state fair")


def _person_name(span, known_idx: set[int], titled: bool) -> str | None:
    """The trailing run of unknown capitalised words: "Ambassador of Tajikistan Saidzoda Zohir Ozod"."""
    persons = [t for t in span if t.ent_type_ == "PERSON" and t.i not in known_idx]
    if not persons:
        if not titled:
            return None
        tail = []
        for t in reversed(span):
            if t.i in known_idx or t.pos_ != "PROPN" or t.lower_ in ORG_WORDS:
                break
            tail.insert(0, t)
        # Without NER support, only a name after a title counts ("President Emomali Rahmon").
        if not tail or tail[0].i == span.start:
            return None
        return " ".join(t.text for t in tail)
    last = persons[-1]
    toks = [last]
    for t in reversed(span[: last.i - span.start]):
        if (
            t.i in known_idx
            or t.pos_ != "PROPN"
            or t.lower_ in ORG_WORDS
            or t.is_punct
            or t.lower_ in HONORIFICS
            or t.ent_type_ in ("GPE", "LOC", "NORP")
        ):
            break
        toks.insert(0, t)
    while toks and toks[0].lower_ in HONORIFICS:
        toks.pop(0)
    name = " ".join(t.text for t in toks)
    return name if any(c.isalpha() for c in name) else None


def is_dateline(m: Mention, sent) -> bool:
    """ "CAIRO -- An Egyptian court ...": the place an article was filed from, not an actor."""
    if m.start != sent.start or not m.text.isupper():
        return False
    nxt = sent.doc[m.end] if m.end < len(sent.doc) else None
    return nxt is not None and (nxt.text in DATELINE_DASHES or nxt.text in (",", ":"))
