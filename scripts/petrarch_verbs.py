# Reads PETRARCH-2's CAMEO verb pattern dictionary (CAMEO.2.0.txt) into candidate rows of
# dragoman's event lexicon (data/events/triggers.tsv columns). Used by import_petrarch.py.
#
# The dictionary is third-party data under the MIT License:
#   Copyright (c) 2015 Open Event Data Alliance; PETRARCH-2 by Philip A. Schrodt, Clayton
#   Norris, John Beieler and the Open Event Data Alliance (github.com/openeventdata/petrarch2).
# The licence text travels with every generated file (see import_petrarch.LICENCE).
"""The CAMEO verb dictionary as candidate trigger rows, each with its class and its source line.

A verb block is a set of synonymous verbs with a code, followed by patterns:
`- PRE * POST [code] # VERB`, where `*` is the verb, a bare word is the head of a noun
phrase, `{MOD HEAD}` a noun phrase, `(PREP ...)` a prepositional phrase, `&SET` a synonym set,
`$`/`+` the source/target. dragoman's lexicon is coarser: a verb (V), a verb and the noun
it governs (LV), a verb and its particle (VP), a noun (N). Each pattern that fits one of these
shapes becomes a row; the rest (subject constraints, several phrases) are not representable
and are left out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

# CAMEO root -> PLOVER type (DESIGN.md); 01 and 02 are not events.
ROOTS = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
# PLOVER mode by CAMEO code prefix (the longest prefix wins); codes not listed get no mode.
MODES = {
    "041": "phone",
    "042": "visit",
    "043": "visit",
    "044": "third-party",
    "045": "third-party",
    "062": "military",
    "064": "intelligence",
    "071": "economic",
    "072": "military",
    "075": "asylum",
    "084": "release",
    "086": "access",
    "087": "withdraw",
    "0871": "ceasefire",
    "0872": "access",
    "0873": "disarm",
    "09": "investigate",
    "111": "disapprove",
    "112": "allege",
    "113": "disapprove",
    "114": "disapprove",
    "115": "allege",
    "103": "assist",
    "104": "change",
    "105": "yield",
    "106": "yield",
    "107": "yield",
    "108": "meet",
    "122": "assist",
    "123": "change",
    "124": "yield",
    "125": "meet",
    "1312": "restrict",
    "1313": "relations",
    "132": "restrict",
    "137": "arrest",
    "138": "violence",
    "1382": "territory",
    "141": "demo",
    "142": "hunger",
    "143": "strike",
    "144": "obstruct",
    "145": "riot",
    "151": "police",
    "152": "troops",
    "153": "police",
    "154": "troops",
    "161": "discontinue",
    "162": "discontinue",
    "163": "restrict",
    "164": "withdraw",
    "165": "withdraw",
    "166": "expel",
    "171": "seize",
    "172": "restrict",
    "1723": "curfew",
    "1724": "martial-law",
    "173": "arrest",
    "174": "deport",
    "175": "restrict",
    "176": "cyber",
    "181": "abduct",
    "182": "beat",
    "1821": "sexual",
    "1822": "torture",
    "183": "explosives",
    "1831": "suicide-attack",
    "184": "abduct",
    "185": "targeted",
    "186": "targeted",
    "191": "blockade",
    "193": "firearms",
    "194": "heavy-weapons",
    "195": "aerial",
    "1952": "drone",
}
# Words after a verb that make a particle verb ("call off", "crack down"), not a verb and object.
PARTICLES = {
    "up",
    "down",
    "out",
    "off",
    "on",
    "in",
    "over",
    "back",
    "away",
    "for",
    "with",
    "against",
    "to",
    "into",
    "upon",
    "at",
    "from",
    "about",
    "through",
    "aside",
    "apart",
    "together",
    "forward",
    "behind",
    "around",
    "along",
    "across",
    "by",
}
# Prepositions whose object dragoman's light-verb reader looks at ("agreed to the plan").
LV_PREPS = {"to", "on", "upon", "as", "for", "under"}
CODE = re.compile(r"\[([^\]]*)\]")


def plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO code, with the project's exceptions (triggers.tsv comments):
    sanctions and embargoes (163) are COERCE; 080-083 CONCEDE, 084-087 RETREAT."""
    if code.startswith("163"):
        return "COERCE"
    if code[:2] == "08":
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    return ROOTS.get(code[:2])


def mode_of(code: str) -> str:
    for n in range(len(code), 1, -1):
        if code[:n] in MODES:
            return MODES[code[:n]]
    return ""


def primary_code(raw: str) -> str | None:
    """`041:041` -> 041; `:173` (the subject is acted upon) and `---` (no event) -> None."""
    code = raw.split(":")[0].strip()
    return code if code.isdigit() else None


@dataclass
class Row:
    trigger: str
    pos: str
    event: str
    mode: str
    cameo: str
    cls: str  # shape:CAMEO root, the unit of keep-or-drop
    sources: list[str] = field(default_factory=list)
    needs: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.trigger, self.pos


def read_verb_dictionary(text: str, lemma) -> list[Row]:
    """Candidate rows (one per source line and shape). `lemma(word, pos)` gives the lemma
    spaCy would give the word ("sanctions" -> "sanction")."""
    synsets: dict[str, list[str]] = {}
    rows: list[Row] = []
    block_code, block_verbs, current = None, [], None
    in_patterns = False
    for n, line in enumerate(text.splitlines(), 1):
        body = line.split("#")[0].rstrip() if not line.startswith("#") else ""
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not body.strip():
            continue
        if not in_patterns:
            if body.startswith("&"):
                current = body.strip().rstrip("_")
                synsets[current] = []
            elif body.startswith("+") and current:
                synsets[current].append(body[1:].strip())
            continue
        where = f"CAMEO.2.0.txt:{n}: {line.strip()}"
        if body.startswith("---"):
            found = CODE.search(body)
            block_code = primary_code(found.group(1)) if found else None
            block_verbs = []
        elif body.startswith("-"):
            rows += _pattern_rows(body[1:], _pattern_verbs(line, block_verbs), synsets, lemma, where)
        else:
            verb = _verb_line(body, block_code, where)
            if verb is not None:
                block_verbs.append(verb)
                rows += [verb] if verb.event else []
    return rows


def _verb_line(body: str, block_code, where: str) -> Row | None:
    """A verb of a block: `SPEAK {SPOKE ...} [040]`, `+CALL_OFF [160]`; None for a prefixed
    form (`RE_+ARREST`), which spaCy does not split."""
    found = CODE.search(body)
    code = primary_code(found.group(1)) if found else block_code
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).split()[0].lower()
    if "+" in word.lstrip("+"):
        return None
    words = word.lstrip("+").strip("_").split("_")
    if len(words) > 2:
        return None
    event = plover(code) if code else None
    if len(words) == 1:  # a verb alone codes only with a target, as PETRARCH codes only dyads
        return Row(
            words[0],
            "V",
            event or "",
            mode_of(code or ""),
            code or "",
            f"verb:{(code or '--')[:2]}",
            [where],
            "recipient",
        )
    pos, shape = ("VP", "particle-verb") if words[1] in PARTICLES else ("LV", "verb-object")
    return Row(
        " ".join(words),
        pos,
        event or "",
        mode_of(code or ""),
        code or "",
        f"{shape}:{(code or '--')[:2]}",
        [where],
    )


def _pattern_verbs(line: str, block_verbs: list[Row]) -> list[str]:
    """The verb a pattern was written for, named in its comment (`# RUSH`): a pattern is
    about that verb, not about every synonym of its block ("abandon family" is no AID). Without
    a comment, every verb of the block."""
    comment = line.split("#", 1)[1].split() if "#" in line else []
    if comment and re.fullmatch(r"[A-Z]+", comment[0]):
        return [comment[0].lower()]
    return [v.trigger.split()[0] for v in block_verbs]


def _pattern_rows(pattern: str, verbs: list[str], synsets, lemma, where: str) -> list[Row]:
    found = CODE.search(pattern)
    code = primary_code(found.group(1)) if found else None
    event = plover(code) if code else None
    if not event or "*" not in pattern or not verbs:
        return []
    pre, post = pattern[: found.start()].split("*", 1)
    if pre.split():  # a condition on the subject: not representable
        return []
    out = []
    for shape, noun, prep in _post_shapes(post, synsets):
        for head in verbs:
            if shape == "prep":
                trigger, pos = f"{head} {prep}", "VP"
            else:
                trigger, pos = f"{head} {lemma(noun, 'NOUN')}", "LV"
            out.append(Row(trigger, pos, event, mode_of(code), code, f"{shape}:{code[:2]}", [where]))
    return out


def _post_shapes(post: str, synsets) -> list[tuple[str, str, str]]:
    """(shape, noun, preposition) for what follows the verb:
    object `* TALKS`; phrase `* {PEACE TALKS}` (the head noun); prep `* (WITH)`;
    prep-object `* (TO TALKS)` (a preposition dragoman's light verbs read)."""
    toks = [t for t in re.sub(r"[$+^%]", " ", post).split()]
    if len(toks) == 1 and toks[0].startswith("&"):
        return [(_member_shape(m), _head(m), "") for m in synsets.get(toks[0].rstrip("_"), []) if _head(m)]
    if len(toks) == 1 and re.fullmatch(r"[A-Z]+", toks[0]):
        return [("object", toks[0].lower(), "")]
    joined = " ".join(toks)
    m = re.fullmatch(r"\{([A-Z' ]+)\}", joined)
    if m:
        return [("phrase", m.group(1).split()[-1].lower(), "")]
    m = re.fullmatch(r"\(([A-Z]+)\)", joined)
    if m and m.group(1).lower() in PARTICLES:
        return [("prep", "", m.group(1).lower())]
    m = re.fullmatch(r"\(([A-Z]+) ([A-Z]+|\{[A-Z ]+\})\)", joined)
    if m and m.group(1).lower() in LV_PREPS:
        return [("prep-object", m.group(2).strip("{}").split()[-1].lower(), m.group(1).lower())]
    return []


def _member_shape(member: str) -> str:
    return "phrase" if len(member.strip("_").split("_")) > 1 or " " in member.strip() else "object"


def _head(member: str) -> str:
    words = re.split(r"[_ ]+", member.strip().strip("_"))
    head = words[-1].lower() if words else ""
    return head if re.fullmatch(r"[a-z]+", head) else ""


def resolve(rows: list[Row], hand: dict[tuple[str, str], set[str]], classes) -> list[Row]:
    """One row per (trigger, pos) of the selected classes, none that triggers.tsv has: the
    PLOVER type most of its source lines give (a tie is ambiguous and left out), the CAMEO code
    most of those give, all the source lines kept. `hand` maps triggers.tsv's (trigger, pos) to
    their types. A verb triggers.tsv reads is read its way: a light verb or particle verb of it
    with another type is left out, since dragoman tries those before the verb ("support" is
    SUPPORT whatever PETRARCH says "support a plan" is)."""
    verbs = {t: types for (t, pos), types in hand.items() if pos == "V"}
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows:
        head = r.trigger.split()[0]
        overridden = r.pos in ("LV", "VP") and head in verbs and r.event not in verbs[head]
        if r.event and r.key not in hand and classes(r.cls) and not overridden:
            groups[r.key].append(r)
    out = []
    for key, group in sorted(groups.items()):
        votes = Counter(r.event for r in group).most_common()
        if len(votes) > 1 and votes[0][1] == votes[1][1]:
            continue
        event = votes[0][0]
        same = [r for r in group if r.event == event]
        code = Counter(r.cameo for r in same).most_common(1)[0][0]
        first = next(r for r in same if r.cameo == code)
        out.append(
            Row(
                first.trigger,
                first.pos,
                event,
                mode_of(code),
                code,
                first.cls,
                [s for r in same for s in r.sources],
                first.needs,
            )
        )
    return out


def noun_rows(rows: list[Row], lemma_ok, min_verbs: int = 2) -> list[Row]:
    """Nouns as triggers of their own: an object noun that patterns of at least `min_verbs`
    different verbs code as one PLOVER type, and never as another ("stage a demonstration",
    "hold a demonstration": a demonstration is a PROTEST)."""
    by_noun: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r.pos == "LV" and r.cls.startswith(("object:", "phrase:")):
            by_noun[r.trigger.split()[-1]].append(r)
    out = []
    for noun, group in sorted(by_noun.items()):
        types = Counter(r.event for r in group)
        verbs = {r.trigger.split()[0] for r in group}
        if len(types) == 1 and len(verbs) >= min_verbs and lemma_ok(noun):
            code = Counter(r.cameo for r in group).most_common(1)[0][0]
            out.append(
                Row(
                    noun,
                    "N",
                    group[0].event,
                    mode_of(code),
                    code,
                    f"noun:{code[:2]}",
                    [s for r in group for s in r.sources],
                )
            )
    return out
