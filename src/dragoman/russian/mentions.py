"""Actor mentions in a Russian sentence, as actors.Mention objects the shared resolver codes.

A mention is a run of name-like tokens: words the Russian knowledge matches (titles, which
Russian writes in lower case, countries, demonyms, organisations), proper nouns and named
entities ("министр иностранных дел России Сергей Лавров", "российского посла"). Russian puts
the head first and its genitive modifiers after it, so the first role of a run is its role
("секретарь парткома провинции"), where English takes the last. A person's name is put in
the nominative, romanised and matched to people.tsv, so "Сергея Лаврова" is the actor Sergei
Lavrov with the id he has in English text; a person people.tsv does not know keeps the Russian
nominative ("Ивана Петрова" → "Иван Петров"), as records name actors without an English name.
"""

from __future__ import annotations

from .. import knowledge as K
from ..actors import Mention
from .knowledge import RussianKnowledge, morph
from .translit import transliterate

NAME_ENTS = {"PERSON", "ORG", "GPE"}
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
UD_TO_PYMORPHY_CASE = {
    "Nom": "nomn",
    "Gen": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
}


class RussianMentions:
    """find(span) → the mentions of one sentence (a spaCy Span from russian.annotate)."""

    def __init__(self, rk: RussianKnowledge, kb: K.Knowledge, gazetteer=None):
        self.rk, self.kb, self.places = rk, kb, gazetteer

    def find(self, sent) -> list[Mention]:
        matches = self.rk.match(sent)
        covered = {i for start, (end, _) in matches.items() for i in range(start, end)}
        namey = [t.i in covered or _name_like(t) for t in sent]
        runs, run, k = [], [], 0
        while k < len(sent):
            if namey[k]:
                run.append(sent[k])
                k += 1
                continue
            bridge = _genitive_bridge(sent, k, namey, run)
            if bridge:
                run.extend(sent[k:bridge])
                k = bridge
                continue
            if run:
                runs.append(run)
                run = []
            k += 1
        if run:
            runs.append(run)
        runs = [r for run in runs for part in _split_after_name(run) for r in _split_place_person(part)]
        runs = [r for r in runs if not _bare_modifier(r, covered)]
        return [self._code(r, matches) for r in _join_appositions(sent, runs)]

    def _code(self, run, matches) -> Mention:
        m = Mention(run[0].i, run[-1].i + 1, run)
        known = set()
        for start, (end, infos) in sorted(matches.items()):
            if start < m.start or end > m.end:
                continue
            known.update(range(start, end))
            _apply(m, infos, end - start)
        names = [t for t in run if t.i not in known and t.ent_type_ == "PERSON"]
        if m.known is None and names:
            m.known = self._known_person(names)
            m.person = m.known.name if m.known else russian_name(names)
        elif m.known is None:  # a known person's name NER missed: "Мирзиёев и Токаев обсудили"
            proper = [
                t for t in run if t.i not in known and t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "ORG")
            ]
            m.known = self._known_person(proper) if proper else None
            m.person = m.known.name if m.known else None
        elif m.known is not None:
            m.person = m.known.name
        if m.known is not None and m.known.country:
            m.country = m.known.country  # a known person's nationality, not a country beside the name
        if m.country is None:
            m.country = self._capital(run, known)
        if m.country is None and m.role is not None and m.org is None:
            m.country = self._from_country(run, matches)
        head = next((t for t in run if t.i in known and t.pos_ in ("NOUN", "PROPN")), None) or next(
            (t for t in run if t.pos_ in ("NOUN", "PROPN")), run[0]
        )
        m.plural = head.tag_ in ("NNS", "NNPS") and m.person is None
        return m

    def _known_person(self, names) -> K.Info | None:
        return self.rk.known_person(person_name(names))

    def _from_country(self, run, matches) -> str | None:
        """ "коллегами из Ирана", "представители от Казахстана": people from a country."""
        for tok in run:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in FROM_PREPS:
                    for obj in prep.children:
                        infos = matches.get(obj.i, (None, []))[1] if obj.dep_ == "pobj" else []
                        country = next((i.code for i in infos if i.category == K.COUNTRY), None)
                        if country:
                            return country
        return None

    def _capital(self, run, known) -> str | None:
        """ "Москва выделила ...": a capital stands for its state, as in English."""
        if self.places is None:
            return None
        words = [t for t in run if t.i not in known and t.ent_type_ == "GPE"]
        if not words:
            return None
        place = self.places.lookup(" ".join(t.text for t in words))
        if place is None or place.feature != "city":
            return None
        iso3 = self.rk.capitals.get(place.name)
        return iso3 if iso3 == place.country_code else None


MAX_BRIDGE = 4
FROM_PREPS = {"из", "от"}


MAX_GAP = 3


def _join_appositions(sent, runs: list[list]) -> list[list]:
    """ "российского посла в Баку Михаила Евдокимова": a name in apposition to a title a few
    words before it is the title's holder; the mention spans both (and the words between)."""
    out: list[list] = []
    for run in runs:
        first = run[0]
        target = None
        if first.ent_type_ == "PERSON" and first.dep_ == "appos":
            target = next(
                (
                    k
                    for k in range(len(out) - 1, max(len(out) - 3, -1), -1)
                    if first.head.i in {t.i for t in out[k]}
                ),
                None,
            )
        if (
            target is not None
            and first.i - out[target][-1].i - 1 <= MAX_GAP
            and not any(t.ent_type_ == "PERSON" for t in out[target])
        ):
            joined = list(sent.doc[out[target][0].i : run[-1].i + 1])
            out[target:] = [joined]
        else:
            out.append(run)
    return out


def _split_after_name(run) -> list[list]:
    """ "... секретарем комиссии Ли Си белорусский лидер отметил": a person's name, then the
    subject of the clause. A run goes on after a name only with words linked to it in the parse
    (as "Сергей Лавров" or "Ивана Петрова, посла ..."); otherwise the words after it are
    another mention."""
    for k in range(1, len(run)):
        before, after = run[:k], run[k:]
        if before[-1].ent_type_ != "PERSON" or after[0].ent_type_ == "PERSON":
            continue
        inside, rest = {t.i for t in before}, {t.i for t in after}
        if not any(t.head.i in rest for t in before) and not any(t.head.i in inside for t in after):
            return [before, *_split_after_name(after)]
    return [run]


def _split_place_person(run) -> list[list]:
    """ "посла в Баку Михаила Евдокимова": a place in a prepositional phrase is no part of the
    name that follows it (the ambassador in Baku is Russian)."""
    first = run[0]
    if first.dep_ != "pobj" or first.ent_type_ != "GPE":
        return [run]
    for k, tok in enumerate(run):
        if tok.ent_type_ == "PERSON":
            return [run[:k], run[k:]] if k else [run]
    return [run]


def _genitive_bridge(sent, k: int, namey: list[bool], run) -> int | None:
    """Lower-case genitive words (and brackets) inside one name: "Совета коллективной
    безопасности (СКБ) ОДКБ", "министров иностранных дел государств — членов ШОС". The run goes
    on over them when the next name-like word hangs (within a few steps) from the run: the
    index of that word, else None."""
    if not run:
        return None
    inside = {t.i for t in run}
    j = k
    while j < len(sent) and j - k < MAX_BRIDGE and not namey[j]:
        tok = sent[j]
        if not (tok.text in "()" or "Gen" in tok.morph.get("Case") and tok.pos_ in ("NOUN", "ADJ")):
            return None
        j += 1
    if j >= len(sent) or not namey[j] or j == k:
        return None
    node = sent[j]
    for _ in range(MAX_BRIDGE + 2):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i in inside:
            return j
    return None


def _bare_modifier(run, covered: set[int]) -> bool:
    """ "учредить Кыргызско-китайский инвестиционный фонд": a capitalised adjective the
    knowledge does not know, without a noun, modifies a thing; it names no actor."""
    return all(t.pos_ == "ADJ" and t.i not in covered for t in run)


def _name_like(tok) -> bool:
    if not tok.text[:1].isupper() or tok.is_punct:
        return False
    return tok.pos_ == "PROPN" or (tok.ent_type_ in NAME_ENTS and tok.pos_ in ("NOUN", "PROPN", "ADJ"))


def _apply(m: Mention, infos: list[K.Info], length: int) -> None:
    cats = {i.category: i for i in infos}
    if K.PERSON in cats:
        m.known = cats[K.PERSON]
    if K.ORG in cats and m.org is None:
        m.org = cats[K.ORG]
    for cat in (K.COUNTRY, K.DEMONYM):
        if cat in cats and m.country is None:
            m.country = cats[cat].code
            m.demonym = cat == K.DEMONYM
    if K.ROLE in cats and m.role is None:
        m.role = cats[K.ROLE]  # head first: "секретарь парткома", "министр ... России"
    if K.PLACE_NOUN in cats and length == 1:
        m.place_noun = cats[K.PLACE_NOUN].code


def person_name(tokens) -> str:
    """A person's name in the nominative and in Latin script: "Сергея Лаврова" → "Sergey Lavrov"
    (to find the person in people.tsv)."""
    case = name_case(tokens)
    return " ".join(transliterate(nominative(t, case)) for t in tokens)


def russian_name(tokens) -> str:
    """The name of a person people.tsv does not know, as records carry it: in the nominative,
    in Russian ("Ивана Петрова" → "Иван Петров")."""
    case = name_case(tokens)
    return " ".join(nominative(t, case) for t in tokens)


def name_case(tokens) -> str:
    """The case of a whole name. Its words agree in case, and the tagger often misreads a
    foreign surname's ending ("Назирмад Ализода" with the surname as a locative of "Ализод"):
    the case of the title the name is in apposition to ("посол ... Назирмад Ализода", "с послом
    Назирмадом Ализодой"), else the subject's nominative, else the first word's own; of these,
    the first the name's first word can be in (the parser may hang a name from the wrong title)."""
    first = tokens[0]
    own = (first.morph.get("Case") or [""])[0]
    cases = []
    if first.dep_ == "appos" and first.head.pos_ == "NOUN" and first.head.morph.get("Case"):
        cases.append(first.head.morph.get("Case")[0])
    if first.dep_ == "nsubj":
        cases.append("Nom")
    readings = {
        c for p in _name_parses(first.text) for c in UD_TO_PYMORPHY_CASE if UD_TO_PYMORPHY_CASE[c] in p.tag
    }
    return next((c for c in cases if c in readings), own)


def _name_parses(word: str) -> list:
    return [p for p in morph()(word) if "NOUN" in p.tag and "plur" not in p.tag]


def nominative(tok, case: str | None = None) -> str:
    """The nominative of a name in `case` (by default the token's own), keeping its gender
    ("Захаровой" → "Захарова"). A word with no reading in that case does not decline (foreign
    names: "с Саломе Зурабишвили") and is kept as written."""
    case = case if case is not None else (tok.morph.get("Case") or [""])[0]
    if case == "Nom" or not tok.text.isalpha():
        return tok.text
    want = UD_TO_PYMORPHY_CASE.get(case)
    if want is None:  # a case pymorphy has no grammeme for ("Par")
        return tok.text
    parses = [p for p in _name_parses(tok.text) if want in p.tag]
    named = [p for p in parses if NAME_GRAMMEMES & set(p.tag.grammemes)]
    for p in named + parses:
        return _cased(
            _feminine(p.normal_form) if {"Surn", "femn"} <= set(p.tag.grammemes) else p.normal_form,
            tok.text,
        )
    return tok.text


def _feminine(surname: str) -> str:
    """pymorphy's normal form of a surname is masculine: "Захаровой" → "захаров" → "захарова"."""
    for masc, fem in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая")):
        if surname.endswith(masc):
            return surname[: -len(masc)] + fem
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин", "ын")) else surname


def _cased(word: str, like: str) -> str:
    parts = word.split("-")
    if like[:1].isupper():
        parts = [p[:1].upper() + p[1:] for p in parts]
    return "-".join(parts)
