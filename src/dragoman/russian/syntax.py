"""Universal Dependencies (natasha's parse of Russian) in the labels the extractor reads.

The actor, event, date and place stages read spaCy's English scheme (ClearNLP labels): a
preposition heads its noun ("met -prep-> with -pobj-> Norov"), objects are `dobj`, passive
subjects `nsubjpass`, negation `neg`. UD makes the noun the head and hangs the preposition
under it as `case`. This module rewrites a UD tree into the English shape, so one set of role
rules runs on both languages:

    obl / nmod + case ADP   ->  ADP is `prep` of the noun's head, the noun its `pobj`
    obj -> dobj, iobj -> dative, nsubj:pass -> nsubjpass, aux:pass -> auxpass,
    acl:relcl -> relcl, flat:name -> compound, root -> ROOT, "не" -> neg,
    obl without a preposition: dative case -> dative, else npadvmod (a bare adverbial)

The Russian prepositions stay Russian words: the Russian trigger lexicon names the ones its
roles take (встретиться с, призвать к). Tags are Penn-like (NN, NNS, NNP, NNPS, VB, JJ ...)
from the UD part of speech and number, for the rules that read plurals.
"""

from __future__ import annotations

from dataclasses import dataclass

LABELS = {
    "root": "ROOT",
    "obj": "dobj",
    "iobj": "dative",
    "nsubj:pass": "nsubjpass",
    "csubj:pass": "csubj",
    "aux:pass": "auxpass",
    "acl:relcl": "relcl",
    "flat": "compound",
    "flat:name": "compound",
    "flat:foreign": "compound",
    "nummod:gov": "nummod",
    "nummod:entity": "nummod",
    "obl:agent": "obl",
    "orphan": "dep",
}
NEGATIONS = {"не", "ни"}
FROM_PREPS = {"из", "от"}
CASE_RELATIONS = {"obl", "obl:agent", "nmod"}
TAGS = {
    "NOUN": "NN",
    "PROPN": "NNP",
    "VERB": "VB",
    "AUX": "VB",
    "ADJ": "JJ",
    "ADV": "RB",
    "ADP": "IN",
    "PRON": "PRP",
    "DET": "DT",
    "NUM": "CD",
    "CCONJ": "CC",
    "SCONJ": "IN",
    "PART": "RP",
    "PUNCT": ".",
    "SYM": "SYM",
    "X": "XX",
    "INTJ": "UH",
}


@dataclass
class UDToken:
    text: str
    pos: str
    feats: dict
    head: int  # index in the sentence's token list; -1 for the root
    rel: str


def repair_tree(tokens: list[UDToken]) -> None:
    """Make the parse a tree with one root. slovnet picks each word's head on its own, so its
    output may have cycles, several roots or none; spaCy needs a tree. A word on a cycle, and
    every root but the first, is attached to the root."""
    n = len(tokens)
    for t in tokens:
        if not 0 <= t.head < n:
            t.head = -1
    roots = [i for i, t in enumerate(tokens) if t.head < 0]
    root = roots[0] if roots else next((i for i, t in enumerate(tokens) if t.pos == "VERB"), 0)
    tokens[root].head, tokens[root].rel = -1, "root"
    for i in roots[1:]:
        tokens[i].head, tokens[i].rel = root, "parataxis"
    for i in range(n):
        path, node = [], i
        while node >= 0 and node not in path:
            path.append(node)
            node = tokens[node].head
        if node >= 0:  # came back to a word on the path: a cycle through `node`
            tokens[node].head, tokens[node].rel = root, "dep"


def english_shape(tokens: list[UDToken]) -> tuple[list[int], list[str]]:
    """Heads (indices, a root heads itself) and English labels for one sentence."""
    repair_tree(tokens)
    heads = [t.head if t.head >= 0 else i for i, t in enumerate(tokens)]
    deps = [relabel(t) for t in tokens]
    for i, tok in enumerate(tokens):
        if tok.rel not in CASE_RELATIONS or tok.head < 0:
            continue
        prep = _case_preposition(tokens, i)
        if prep is None:
            if tok.rel.startswith("obl"):
                deps[i] = (
                    "dative" if tok.feats.get("Case") == "Dat" and _is_verb(tokens[tok.head]) else "npadvmod"
                )
            if _agent_by_case(tok, tokens[tok.head]):
                deps[i] = "agent"
            continue
        # the preposition takes the noun's place under its head, the noun hangs from it
        heads[prep], deps[prep] = heads[i], "prep"
        heads[i], deps[i] = prep, "pobj"
    _distribute_genitive_conjuncts(tokens, heads, deps)
    _subjects_of_joined_clauses(tokens, heads, deps)
    _attach_object_pronouns(tokens, heads, deps)  # (after: a subject found there may hold one)
    _small_clauses(tokens, heads, deps)
    _agreeing_participles(tokens, heads, deps)
    _copular_predicates(tokens, heads, deps)
    _direct_speech(tokens, heads, deps)
    _datives_of_objects(tokens, heads, deps)
    _counted_plurals(tokens, heads, deps)
    return heads, deps


# "обе страны", "двух государств", "три посла": after these numerals a noun stands in the
# singular genitive, but means several (the pair rules read the plural).
PAUCAL = {
    "два",
    "две",
    "двух",
    "двум",
    "двумя",
    "оба",
    "обе",
    "обоих",
    "обеих",
    "обоим",
    "обеим",
    "три",
    "трех",
    "трёх",
    "четыре",
    "четырех",
    "четырёх",
}


def _counted_plurals(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    for i, tok in enumerate(tokens):
        if deps[i] == "nummod" and tok.text.lower() in PAUCAL and tokens[heads[i]].pos in ("NOUN", "PROPN"):
            tokens[heads[i]].feats = {**tokens[heads[i]].feats, "Number": "Plur"}


NOMINALS = ("NOUN", "PROPN", "PRON")


def _datives_of_objects(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "выразил соболезнования президенту Ирана", "оказала помощь Монголии": Russian order is
    free, and the parser hangs the addressee in the dative from the object noun after which it
    stands. A bare dative of a verb's object is the verb's `dative`, as in "выразил президенту
    Ирана соболезнования"."""
    for i, tok in enumerate(tokens):
        if deps[i] not in ("nmod", "dative") or tok.feats.get("Case") != "Dat" or tok.pos not in NOMINALS:
            continue
        obj = heads[i]
        if deps[obj] == "dobj" and obj < i and _is_verb(tokens[heads[obj]]):
            heads[i], deps[i] = heads[obj], "dative"


def _small_clauses(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "назвал Францию надежным партнером", "сочло неуместным протест": what a verb calls its
    object is said of the object, a small clause as English "declared X persona non grata",
    "found X guilty" (X the subject of the noun or adjective). UD hangs both from the verb; the
    object becomes the `nsubj` of the instrumental noun or adjective."""
    for n, noun in enumerate(tokens):
        if deps[n] != "xcomp" or noun.pos not in ("NOUN", "ADJ") or noun.feats.get("Case") != "Ins":
            continue
        verb = heads[n]
        # (the parser may hang the object from the adjective: "сочло неуместным протест")
        objs = [j for j in range(len(tokens)) if heads[j] in (verb, n) and deps[j] == "dobj" and j != n]
        if len(objs) == 1 and _is_verb(tokens[verb]):
            heads[objs[0]], deps[objs[0]] = n, "nsubj"


def _agreeing_participles(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "Выбранный стороной деструктивный подход по проведению кампании": a participle before its
    noun agrees with it in gender, number and case; the parser may hang it from a later noun
    that does not agree ("кампании"). It goes to the first noun after it that does."""
    for i, part in enumerate(tokens):
        head = heads[i]
        if deps[i] != "acl" or part.feats.get("VerbForm") != "Part" or head <= i:
            continue
        if _agrees(part, tokens[head]):
            continue
        noun = next(
            (j for j in range(i + 1, head) if tokens[j].pos == "NOUN" and _agrees(part, tokens[j])), None
        )
        if noun is not None and heads[noun] != i:
            heads[i] = noun


def _agrees(word: UDToken, noun: UDToken) -> bool:
    same = [word.feats.get(f) == noun.feats.get(f) for f in ("Gender", "Number") if word.feats.get(f)]
    cases = {word.feats.get("Case"), noun.feats.get("Case")}
    # (an inanimate noun's accusative is its nominative: the tagger often says one for the other)
    case_ok = len(cases) == 1 or cases == {"Nom", "Acc"} and noun.feats.get("Animacy") == "Inan"
    return all(same) and case_ok


def _agent_by_case(tok: UDToken, head: UDToken) -> bool:
    """ "подход, выбранный таджикской стороной", "был подписан президентом": an instrumental
    noun of a passive verb or participle is its agent (English "by"); it is labelled `agent`
    itself (syntax.agent_nouns reads both shapes)."""
    return (
        tok.rel.startswith("obl")
        and tok.feats.get("Case") == "Ins"
        and tok.pos in ("NOUN", "PROPN")
        and head.feats.get("Voice") == "Pass"
    )


def _copular_predicates(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "подход является деструктивным", "остается главным партнером": an instrumental adjective
    or noun of a verb with a subject and no object is what the subject is, as English "acomp"
    and "attr" of "is", "remains" (a verb with an object has a small clause: _small_clauses)."""
    for n, pred in enumerate(tokens):
        if deps[n] != "xcomp" or pred.pos not in ("NOUN", "ADJ") or pred.feats.get("Case") != "Ins":
            continue
        verb = heads[n]
        kids = [deps[j] for j in range(len(tokens)) if heads[j] == verb and j != verb]
        small = any(heads[j] == n and deps[j] == "nsubj" for j in range(len(tokens)))  # "назвал X позорным"
        if _is_verb(tokens[verb]) and "nsubj" in kids and "dobj" not in kids and not small:
            deps[n] = "acomp" if pred.pos == "ADJ" else "attr"


QUOTE_CLOSERS = {"»", '"', "“", "”"}
DASHES = {"—", "–", "-"}


def _direct_speech(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "«Подход является деструктивным», — заявили в министерстве": the words after a quote and
    a dash are its author's, the verb of saying the quote hangs from, as English "..., he said"
    is parsed (the verb the root, the quote its `ccomp`). The parser makes the quote the root."""
    root = next((i for i, h in enumerate(heads) if h == i), None)
    if root is None:
        return
    for v, verb in enumerate(tokens):
        if heads[v] != root or deps[v] != "parataxis" or verb.pos != "VERB" or v < root:
            continue
        before = [t.text for t in tokens[max(0, v - 3) : v] if t.pos == "PUNCT"]
        if not (set(before) & DASHES and set(before) & (QUOTE_CLOSERS | {","})):
            continue
        heads[v], deps[v] = v, "ROOT"
        heads[root], deps[root] = v, "ccomp"
        return


CLAUSE_CONJUNCTIONS = {"и", "а", "но"}


def _subjects_of_joined_clauses(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "он подчеркнул важность дороги «Китай — Вьетнам», и Нгуен его поддержал": the parser
    joins the second clause's subject to a noun of the first ("Вьетнам и Нгуен") and leaves
    its verb without one. A nominative noun right after the conjunction, before a joined verb
    with no subject and agreeing with it in number, is that verb's subject."""
    for v, verb in enumerate(tokens):
        if deps[v] != "conj" or verb.pos != "VERB" or verb.feats.get("VerbForm") != "Fin":
            continue
        if any(heads[j] == v and deps[j] in ("nsubj", "nsubjpass") for j in range(len(tokens))):
            continue
        for noun in range(v - 1, 0, -1):
            if _is_verb(tokens[noun]):
                break
            cc = noun - 1
            if (
                tokens[cc].text.lower() in CLAUSE_CONJUNCTIONS
                and heads[cc] in (noun, v)
                and deps[noun] == "conj"
                and heads[noun] < cc
                and _stray_subject(tokens[noun], verb)
            ):
                heads[noun], deps[noun] = v, "nsubj"
                if heads[cc] == noun:
                    heads[cc] = v
                break


def _stray_subject(tok: UDToken, verb: UDToken) -> bool:
    if tok.pos not in ("NOUN", "PROPN") or tok.feats.get("Case") != "Nom":
        return False
    number = verb.feats.get("Number")
    return number is None or tok.feats.get("Number") in (None, number)


def _attach_object_pronouns(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "Премьер Вьетнама его в этом поддержал": a personal pronoun in the accusative after the
    subject is the verb's object, though the parser hangs it from the subject as a genitive
    (a possessive "его" comes before its noun: "его позиция"). It becomes the verb's `dobj`."""
    for i, tok in enumerate(tokens):
        if tok.pos != "PRON" or tok.feats.get("Case") != "Acc" or deps[i] != "nmod":
            continue
        noun = heads[i]
        verb = heads[noun]
        if noun < i and deps[noun] in ("nsubj", "nsubjpass") and _is_verb(tokens[verb]) and verb > i:
            if not any(heads[j] == verb and deps[j] == "dobj" for j in range(len(tokens))):
                heads[i], deps[i] = verb, "dobj"


def _distribute_genitive_conjuncts(tokens: list[UDToken], heads: list[int], deps: list[str]) -> None:
    """ "Президенты Узбекистана и Казахстана", "лидеры России, Белоруссии и Армении", "коллеги
    из Ирана и Индии": each country is a party, as the English rules read "the leaders of X and
    Y". The conjuncts of a plural noun's genitive modifier become conjuncts of the plural noun."""
    for i, tok in enumerate(tokens):
        if tok.pos != "PROPN" or tok.feats.get("Case") != "Gen":
            continue
        if deps[i] == "nmod":
            plural = heads[i]
        elif deps[i] == "pobj" and tokens[heads[i]].text.lower() in FROM_PREPS:  # "коллеги из X и Y"
            plural = heads[heads[i]]
        else:
            continue
        if _office_word(tokens[plural], deps[plural]):  # "министров обороны России и Белоруссии"
            plural = heads[plural]
        if tokens[plural].pos != "NOUN" or tokens[plural].feats.get("Number") != "Plur":
            continue
        for j, other in enumerate(tokens):
            if heads[j] == i and deps[j] == "conj" and other.pos == "PROPN":
                heads[j] = plural


def _office_word(tok: UDToken, dep: str) -> bool:
    """A singular genitive noun naming the field of an office: "обороны" of "министров обороны"."""
    return (
        tok.pos == "NOUN"
        and dep == "nmod"
        and tok.feats.get("Case") == "Gen"
        and tok.feats.get("Number") == "Sing"
    )


def relabel(tok: UDToken) -> str:
    if tok.text.lower() in NEGATIONS and tok.pos == "PART":
        return "neg"
    if tok.rel == "nmod" and tok.pos == "VERB":  # "о готовности помочь": a clause of the noun
        return "acl"
    return LABELS.get(tok.rel, tok.rel)


def penn_tag(tok: UDToken) -> str:
    tag = TAGS.get(tok.pos, "XX")
    if tok.pos in ("NOUN", "PROPN") and tok.feats.get("Number") == "Plur":
        tag += "S"
    return tag


def _case_preposition(tokens: list[UDToken], i: int) -> int | None:
    """The preposition marking token i (its first `case` child that is an ADP), if any."""
    for j, t in enumerate(tokens):
        if t.head == i and t.rel == "case" and t.pos == "ADP" and j < i:
            return j
    return None


def _is_verb(tok: UDToken) -> bool:
    return tok.pos in ("VERB", "AUX")
