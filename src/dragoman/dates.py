"""Time: when an event happened, resolved against the document date.

Two entry points:
- document_date_from_text(text): the dateline or first full date in the opening of a text.
- event_date(sentence, anchor, trigger_i): the date expression attached to an event's trigger,
  resolved to "YYYY-MM-DD" | "YYYY-MM" | "YYYY" (date_expressions.py resolves one expression).
"""

from __future__ import annotations

import re

from .date_expressions import (  # noqa: F401  (DateResult, resolve and the helpers the Russian dates use)
    COMPILED,
    FULL_DATE_KEYS,
    DateResult,
    _day_without_year,
    _full_date,
    _month_without_year,
    expressions,
    resolve,
)
from .date_shifts import day_shift, inside, measured_clauses, shifted
from .syntax import FUTURE_AUX
from .words import words as word_list

OPENING_CHARS = 600  # a dateline or "On 2 June 2021 ..." sits in the first lines
SPEECH_VERBS = word_list("speech_verbs")


def is_caption(text: str) -> bool:
    """Whether a sentence is a photo caption or credit: its dates are the picture's."""
    return any(rx.search(text) for rx in expressions()["captions"])


# --- document date ---------------------------------------------------------------------


def document_date_from_text(text: str) -> tuple[str, str] | None:
    """The first full date (day, month and year) in the opening of the text, with its words."""
    opening = text[:OPENING_CHARS]
    found = [(m.start(), key, m) for key in FULL_DATE_KEYS for m in COMPILED[key].finditer(opening)]
    for _, key, m in sorted(found, key=lambda f: f[0]):
        day = _full_date(m)
        if day:
            return day.isoformat(), _with_preposition(opening, m.start(), m.group(0))
    return None


def _with_preposition(text: str, start: int, words: str) -> str:
    before = re.search(r"\b(on|in|dated)\s+$", text[:start], re.I)
    return (before.group(0) + words) if before else words


# --- the date of an event in a parsed sentence -------------------------------------------


def event_date(
    sentence,
    anchor: str | None,
    trigger_i: int | None = None,
    act: bool = False,
    statement: bool = False,
) -> DateResult | None:
    """The date expression in the sentence (a spaCy Span) that attaches to the trigger.

    The day a thing was said is not the day of the act it reports: "said on Wednesday it had
    tested a missile" (past perfect, any event) and, for a material act (`act`), "were killed
    when a truck ploughed into the crowd, officials said Friday" (the saying's date reaches the
    act only from another clause) leave the act undated. A statement (a demand, accusation,
    refusal or threat) is made by the time it is reported: a date after the anchor is that of
    what it demands or threatens ("said Monday it is ready to launch rockets next month")."""
    scored = sentence_dates(sentence, anchor, trigger_i)
    if statement and anchor:
        scored = [s for s in scored if not _after(s[2], anchor)]
    if trigger_i is not None:
        trigger = sentence.doc[trigger_i]
        scored = [
            s
            for s in scored
            if not (
                s[3]
                and not _is_saying(trigger)
                and (_past_perfect(trigger) or (act and s[0] >= OTHER_CLAUSE))
            )
        ]
    if trigger_i is not None:
        scored = _measured(scored, sentence.doc[trigger_i])
    return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _measured(scored: list[tuple], trigger) -> list[tuple]:
    """Dates across a clause "the day after ..." (date_shifts.py): for the act it tells, a date
    of the clause it hangs on moves back by the measure ("marched on Sunday, the day after
    police arrested him": Saturday); for the act it hangs on, a date inside it moves forward."""
    own = day_shift(trigger)
    clauses = [(days, verb, measure, 1) for days, verb, measure in ([own] if own else [])]
    clauses += [(-days, verb, measure, -1) for days, verb, measure in measured_clauses(trigger)]
    for days, verb, measure, side in clauses:
        scored = [
            s if (side == 1) == inside(verb, s[1]) else (s[0], s[1], shifted(s[2], days), *s[3:])
            for s in scored
            if not inside(measure, s[1])
        ]
    return scored


def _after(found: DateResult, anchor: str) -> bool:
    """Whether a date lies after the anchor (a day in local time may be the anchor's next)."""
    if "local time" in found.date_text.lower():
        return False
    return found.date[: len(anchor)] > anchor[: len(found.date)]


OTHER_CLAUSE = 20  # attachment distances from here on: the date is in another clause


def sentence_dates(sentence, anchor: str | None, head_i: int | None = None, own: bool = True) -> list[tuple]:
    """Every date the sentence gives, as (attachment distance to token `head_i`, start, date,
    whether it dates a saying, the verb it dates or None); with `own`, only those that can be the date of `head_i` (not
    those of another noun, see _dates_another_noun).

    A weekday looks ahead when the clause it dates speaks of the future ("will meet on Friday"),
    judged on that clause: "said on Tuesday that the launch would violate" is this Tuesday."""
    head_future = _is_future(sentence.doc[head_i]) if head_i is not None else False
    scored = []
    for start, end in _candidate_spans(sentence):
        root = sentence.doc[start:end].root
        result = resolve(_words(sentence.doc, start, end), anchor, _clause_future(root, head_future))
        if result and not (
            own and head_i is not None and _dates_another_noun(sentence.doc[start:end], head_i)
        ):
            distance = attachment_distance(root, head_i) if head_i is not None else 0
            scored.append(
                (distance, start, result, _dates_a_saying(sentence, start, root), _governing_verb(root))
            )
    return scored


def _dates_a_saying(sentence, start: int, root) -> bool:
    """Whether a date phrase dates a saying: it hangs on a verb of saying, or follows one
    straight away ("said on Wednesday it had tested", which the parser may hang on "tested")."""
    before = sentence.doc[start - 1] if start > sentence.start else None
    return _is_saying(_governing_verb(root)) or (before is not None and _is_saying(before))


def _is_saying(token) -> bool:
    return token is not None and token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def _past_perfect(trigger) -> bool:
    """ "had conducted": an act before the time of the telling."""
    verb = _governing_verb(trigger)
    return verb is not None and any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _governing_verb(token):
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _clause_future(token, default: bool) -> bool:
    """Whether the verb a date phrase hangs on speaks of the future (else `default`)."""
    verb = _governing_verb(token)
    return _is_future(verb) if verb is not None else default


def _dates_another_noun(span, trigger_i: int) -> bool:
    """Whether the date belongs to a noun off the trigger's path: a clause describing it ("the
    family of a writer held since March said ...") or its possessor ("the victims of Sunday's
    crash were ...") dates that noun only, never what the sentence's verb says."""
    trigger = span.doc[trigger_i]
    anchors = _trigger_anchors(trigger)
    above = {trigger_i} | {a.i for a in trigger.ancestors}
    owner = next((t.head for t in span if t.dep_ == "poss" and not span.start <= t.head.i < span.end), None)
    subject = owner is not None and owner.dep_ in ("nsubj", "nsubjpass") and owner.head.i in anchors
    if owner is not None and owner.i not in anchors and owner.i not in above and not subject:
        return True  # but "Sunday's vote approved the plan": the vote is the approving
    for node in [span.root] + list(span.root.ancestors):
        if node.i in anchors or node.i in above:
            return False
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return node.head.i not in anchors
    return False


def _candidate_spans(sentence) -> tuple[tuple[int, int], ...]:
    """Token ranges of DATE entities and of date patterns spaCy missed, with their prepositions.

    A TIME entity that names a day ("Saturday night") and an EVENT that names its year count.
    Found once per sentence (kept on the doc): each event and mention of a sentence asks again."""
    found = sentence.doc.user_data.setdefault("dragoman_date_spans", {})
    key = (sentence.start, sentence.end)
    if key not in found:
        found[key] = tuple(_find_candidate_spans(sentence))
    return found[key]


def _find_candidate_spans(sentence) -> list[tuple[int, int]]:
    spans = [(e.start, e.end) for e in sentence.ents if e.label_ == "DATE" or _names_a_day(e)]
    covered = {i for s, e in spans for i in range(s, e)}
    text = sentence.text  # built token by token: once, not once per pattern
    for rx in list(COMPILED.values())[:5] + expressions()["durations"]:
        for m in rx.finditer(text):
            span = sentence.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and not covered.intersection(range(span.start, span.end)):
                spans.append((span.start, span.end))
                covered.update(range(span.start, span.end))
    return [_extend_right(sentence, *_extend_left(sentence, s, e)) for s, e in spans]


def _names_a_day(ent) -> bool:
    """A TIME that names a day ("Saturday night"), an EVENT that names its year ("the 1967 war")
    or a holiday."""
    name = ent.text.lower().replace("’", "'")
    if ent.label_ in ("EVENT", "FAC") and any(h in name for h in expressions()["holidays"]):
        return True  # a holiday ("Kim's New Year's Day speech"; spaCy may call "Bastille Day" a FAC)
    if ent.label_ == "EVENT":
        return bool(YEAR.search(ent.text))
    return ent.label_ == "TIME" and bool(DAY_WORDS.search(ent.text))


YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
DAY_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tonight|last night)\b", re.I
)
LOCAL_TIME = re.compile(r"^(?:(?:morning|afternoon|evening|night)\s+)?local\s+time\b", re.I)


def _extend_right(sentence, start: int, end: int) -> tuple[int, int]:
    """Take in "(morning) local time" after a day: the day is told in the place's own time zone."""
    rest = sentence.doc[end : min(sentence.end, end + 3)]
    m = LOCAL_TIME.match(rest.text) if len(rest) else None
    if m:
        span = sentence.doc.char_span(rest.start_char, rest.start_char + m.end())
        if span is not None:
            return start, span.end
    return start, end


def _extend_left(sentence, start: int, end: int) -> tuple[int, int]:
    """Take in the preposition and qualifier words before a date ("at the beginning of")."""
    rules = expressions()
    words = (
        set(rules["prepositions"])
        | {w for q in rules["qualifiers"] for w in q.split()}
        | {"the", "over", "earlier", "later"}
    )
    while start > sentence.start and sentence.doc[start - 1].lower_ in words:
        start -= 1
    return start, end


def _words(doc, start: int, end: int) -> str:
    return doc[start:end].text


def _is_future(trigger) -> bool:
    """A trigger under will/would/shall/going to speaks of something still to come."""
    heads = [trigger] + [a for a in list(trigger.ancestors)[:2] if a.pos_ in ("VERB", "AUX")]
    return any(c.lower_ in FUTURE_AUX for h in heads for c in h.children if c.dep_ in ("aux", "auxpass"))


def attachment_distance(token, trigger_i: int) -> int:
    """How far a phrase headed by `token` sits from the trigger in the parse (lower is closer).

    0-9: the phrase hangs under the trigger or under the verb that governs it (steps up);
    20+: same sentence but another clause; the phrase is usable, just less likely.
    """
    anchors = _trigger_anchors(token.doc[trigger_i])
    steps = 0
    for node in [token] + list(token.ancestors):
        if node.i in anchors:
            return steps + anchors[node.i]
        steps += 1
    return 20 + abs(token.i - trigger_i) // 5


def _trigger_anchors(trigger) -> dict[int, int]:
    """The trigger and its heads up to the governing verb, with a cost for each step up."""
    anchors = {trigger.i: 0}
    node, cost = trigger, 0
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node, cost = node.head, cost + 1
        anchors[node.i] = cost
    if node.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl") and node.head.i != node.i:
        anchors.setdefault(node.head.i, cost + 2)  # "were the first to provide": the main verb
    return anchors
