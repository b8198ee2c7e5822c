"""Russian actor knowledge: data/ru/*.tsv and pycountry's Russian country names, matched on
lemmas and pointing at the same entries (codes, canonical names, roles) as the English files.

Russian inflects names, titles and adjectives for case, so a phrase matches when every word
shares a normal form with the text's word ("министра иностранных дел России" matches
"министр иностранных дел" and "Россия"): normal forms are pymorphy's, through natasha's
MorphVocab. Acronyms ("ШОС", "МИД") match as written.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import knowledge as K
from .translit import name_key

# Categories written with a capital in Russian (demonyms, titles and place nouns are not).
NAMES = {K.COUNTRY, K.ORG, K.PERSON, K.CAPITAL}
# Nouns that refer back to a place (as knowledge.PLACE_NOUNS for English).
PLACE_NOUNS = {
    "провинция": "admin1",
    "город": "city",
    "область": "admin1",
    "регион": "region",
    "республика": "country",
    "столица": "city",
    "край": "admin1",
    "сектор": "region",  # "сектор Газа"
}


@lru_cache(maxsize=1)
def morph():
    from natasha import MorphVocab

    return MorphVocab()


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """The word lower-cased and its normal forms (every reading pymorphy knows)."""
    found = {_plain(word)}
    if any(c.isalpha() for c in word):
        found.update(_plain(p.normal_form) for p in morph()(word))
    return frozenset(found)


def token_forms(tok) -> frozenset[str]:
    return forms(tok.text) | {_plain(tok.lemma_)}


def words_of(phrase: str) -> list[str]:
    from razdel import tokenize  # the tokenizer natasha's segmenter uses

    return [t.text for t in tokenize(phrase)]


# Case endings of a foreign name declined as a Russian noun: "Шольц" → "Шольцем", "Шольца".
NAME_ENDINGS = {"а", "я", "у", "ю", "ом", "ем", "ым", "им", "е"}


def declined_name(name: str, word: str) -> bool:
    """Whether `word` is `name` with a case ending (pymorphy's guesses at an unknown surname may
    take a vowel out: "Шольцем" → "шолец")."""
    stem, low = _plain(name).rstrip("ь"), _plain(word)
    return stem[-1:].isalpha() and low.startswith(stem) and low[len(stem) :] in NAME_ENDINGS


def name_stems(word: str) -> list[str]:
    """What `word` would be as a name without a case ending ("Шольцем" → "шольц", "шольць")."""
    low = _plain(word)
    stems = [low[: -len(e)] for e in NAME_ENDINGS if low.endswith(e) and len(low) > len(e) + 2]
    return stems + [s + "ь" for s in stems]


def is_acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 5


@dataclass
class Entry:
    words: tuple[str, ...]  # as written in the data file
    keys: tuple[frozenset, ...]  # normal forms of each word
    info: K.Info


@dataclass
class RussianKnowledge:
    by_first: dict[str, list[Entry]] = field(default_factory=dict)
    people: dict[str, list[K.Info]] = field(default_factory=dict)  # name_key → known people
    capitals: dict[str, str] = field(default_factory=dict)  # English capital name → iso3

    def add(self, phrase: str, info: K.Info) -> None:
        words = tuple(words_of(phrase))
        if not words:
            return
        keys = tuple(frozenset({w}) if is_acronym(w) else forms(w) for w in words)
        entry = Entry(words, keys, info)
        for key in keys[0]:
            self.by_first.setdefault(key, []).append(entry)

    def match(self, tokens) -> dict[int, tuple[int, list[K.Info]]]:
        """Longest phrase matches: start token index → (end index, infos)."""
        toks, out, i = list(tokens), {}, 0
        while i < len(toks):
            best, infos = 0, []
            for entry in self._candidates(toks[i]):
                n = len(entry.words)
                if n >= best and i + n <= len(toks) and self._fits(entry, toks[i : i + n]):
                    if n > best:
                        best, infos = n, []
                    if entry.info not in infos:
                        infos.append(entry.info)
            if best:
                out[toks[i].i] = (toks[i].i + best, infos)
                i += best
            else:
                i += 1
        return out

    def _candidates(self, tok) -> list[Entry]:
        seen = []
        for key in token_forms(tok) | {tok.text}:
            seen += self.by_first.get(key, [])
        if tok.text[:1].isupper():  # a declined foreign name: "Шольцем"
            for stem in name_stems(tok.text):
                seen += [
                    e for e in self.by_first.get(stem, []) if e.info.category == K.PERSON and e not in seen
                ]
        return seen

    @staticmethod
    def _fits(entry: Entry, toks) -> bool:
        if entry.info.category in NAMES and not toks[0].text[:1].isupper():
            return False  # "того" (of that) is not Togo
        for word, keys, tok in zip(entry.words, entry.keys, toks):
            if is_acronym(word):
                if tok.text != word:
                    return False
            elif not keys & token_forms(tok) and not (
                entry.info.category == K.PERSON and declined_name(word, tok.text)
            ):
                return False
        return True

    def known_person(self, latin_name: str) -> K.Info | None:
        """A person of people.tsv with this romanised name, or this surname if only one has it."""
        key = name_key(latin_name)
        found = self.people.get(key, [])
        if not found and " " not in key:
            found = self.people.get("surname:" + key, [])
        elif not found:
            surname = self.people.get("surname:" + key.split()[-1], [])
            first = key.split()[0]
            found = [p for p in surname if name_key(p.name).split()[0][:1] == first[:1]]
        return found[0] if len(found) == 1 else None


def _rows(name: str, extra_dirs: tuple[str, ...] = ()) -> list[dict]:
    sources = [resources.files("dragoman") / "data" / "ru" / name] + [
        Path(d) / "ru" / name for d in extra_dirs
    ]
    return K.tsv_rows(sources)


_LOADED: dict[tuple[int, tuple[str, ...]], tuple[K.Knowledge, RussianKnowledge]] = {}


def load_russian_knowledge(kb: K.Knowledge, extra_dirs: tuple[str, ...] = ()) -> RussianKnowledge:
    """The Russian phrase table over the English knowledge `kb` (its codes and names), built
    once per knowledge object."""
    key = (id(kb), tuple(extra_dirs))
    if key not in _LOADED or _LOADED[key][0] is not kb:
        _LOADED[key] = (kb, _build(kb, tuple(extra_dirs)))
    return _LOADED[key][1]


def _build(kb: K.Knowledge, extra_dirs: tuple[str, ...]) -> RussianKnowledge:
    rk = RussianKnowledge()
    _add_countries(rk, kb, extra_dirs)
    _add_organisations(rk, kb, extra_dirs)
    _add_roles(rk, extra_dirs)
    _add_people(rk, extra_dirs)
    for word, feature in PLACE_NOUNS.items():
        rk.add(word, K.Info(K.PLACE_NOUN, feature, word))
    return rk


def _add_organisations(rk: RussianKnowledge, kb: K.Knowledge, extra_dirs: tuple[str, ...]) -> None:
    for row in _rows("organizations.tsv", extra_dirs):
        org = kb.orgs.get(row["code"].strip())
        if org is None:
            raise ValueError(f"data/ru/organizations.tsv: unknown organisation code {row['code']!r}")
        for phrase in K.split_cell(row["aliases"]):
            rk.add(phrase, org)


def _add_roles(rk: RussianKnowledge, extra_dirs: tuple[str, ...]) -> None:
    roles = {r["phrase"].lower(): r for r in K._rows("roles.tsv", extra_dirs)}
    for row in _rows("roles.tsv", extra_dirs):
        en = roles.get(row["role"].strip().lower())
        if en is None:
            raise ValueError(f"data/ru/roles.tsv: {row['role']!r} is no role of actors/roles.tsv")
        rk.add(
            row["phrase"],
            K.Info(
                K.ROLE,
                en["phrase"].lower(),
                en["phrase"],
                sector=en.get("sector") or None,
                kind=en.get("kind") or "person",
                title=en["phrase"],
            ),
        )


def _add_people(rk: RussianKnowledge, extra_dirs: tuple[str, ...]) -> None:
    people = {}
    for row in K._rows("people.tsv", extra_dirs):
        info = K.Info(
            K.PERSON,
            row["name"].strip(),
            row["name"].strip(),
            kind="person",
            country=row.get("country") or None,
            org=row.get("org") or None,
            title=row.get("title") or None,
        )
        people[info.name] = info
        for name in [info.name, *K.split_cell(row.get("aliases"))]:
            key = name_key(name)
            rk.people.setdefault(key, []).append(info)
            if " " in key or name == info.name:
                rk.people.setdefault("surname:" + key.split()[-1], []).append(info)
    for key, infos in list(rk.people.items()):
        rk.people[key] = list(dict.fromkeys(infos))
    for row in _rows("people.tsv", extra_dirs):
        if row["name"].strip() not in people:
            raise ValueError(f"data/ru/people.tsv: {row['name']!r} is not in actors/people.tsv")
        for phrase in K.split_cell(row["aliases"]):
            rk.add(phrase, people[row["name"].strip()])


def _add_countries(rk: RussianKnowledge, kb: K.Knowledge, extra_dirs) -> None:
    def state(iso3):
        return K.Info(K.COUNTRY, iso3, kb.countries.get(iso3, iso3), sector="GOV", kind="state", country=iso3)

    for iso3, name in russian_country_names():
        if iso3 in kb.countries:
            rk.add(name, state(iso3))
    for row in _rows("countries.tsv", extra_dirs):
        iso3 = row["iso3"].strip()
        if iso3 not in kb.countries:
            raise ValueError(f"data/ru/countries.tsv: unknown country code {iso3!r}")
        for phrase in K.split_cell(row["aliases"]):
            rk.add(phrase, state(iso3))
        for phrase in K.split_cell(row["demonyms"]):
            rk.add(phrase, K.Info(K.DEMONYM, iso3, kb.countries[iso3], kind="group", country=iso3))
    for row in K._rows("countries.tsv", extra_dirs):
        for capital in K.split_cell(row.get("capitals")):
            rk.capitals.setdefault(capital, row["iso3"].strip())


@lru_cache(maxsize=1)
def russian_country_names() -> tuple[tuple[str, str], ...]:
    """(alpha-3, name) pairs: pycountry's ISO 3166 names in its Russian locale. Names with a
    comma are left out: "Иран, Исламская Республика" is a catalogue form news never writes."""
    import pycountry

    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return ()
    pairs = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            local = ru.gettext(value).replace("\u0301", "") if value else ""  # stress marks: "Респу́блика"
            if local and local != value and "," not in local and (c.alpha_3, local) not in pairs:
                pairs.append((c.alpha_3, local))
    return tuple(pairs)
