"""Dates in Russian sentences, resolved against the document date like English ones.

Candidate expressions are found by patterns ("2 июня 2021 года", "13 июля", "во вторник",
"на прошлой неделе", "в 2025 году", "в феврале", "вчера", "три дня назад"); explicit and
relative dates are resolved by dateparser's Russian support, weekdays, weeks and bare months by
rules: a weekday is the most recent such day on or before the document date (Russian agencies
date an event of the day of the report by its weekday: "во вторник" in Tuesday's report), a week
is a range from Monday to Sunday. Of several expressions, the one attached closest to the
trigger in the parse wins (dates.attachment_distance), as in English.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..dates import DateResult, _day_without_year, _month_without_year, attachment_distance

MONTH_STEMS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]
MONTH_GENITIVE = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
MONTH_LOCATIVE = r"(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "среда": 2,
    "четверг": 3,
    "пятницу": 4,
    "пятница": 4,
    "субботу": 5,
    "суббота": 5,
    "воскресенье": 6,
}
PATTERNS = [
    (
        "day",
        re.compile(
            rf"\b\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?\s+{MONTH_GENITIVE}(?:\s+\d{{4}}\s*(?:года|г\.)?)?", re.I
        ),
    ),
    (
        "weekday",
        re.compile(r"\bв(?:о)?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.I),
    ),
    ("week", re.compile(r"\bна\s+(прошлой|этой|текущей|следующей)\s+неделе\b", re.I)),
    ("unit", re.compile(r"\b(?:в\s+)?(прошлом|этом|текущем|следующем)\s+(году|месяце)\b", re.I)),
    ("year", re.compile(r"\b(?:в\s+)?(\d{4})\s+(?:году|г\.)", re.I)),
    ("month", re.compile(rf"\b(?:в\s+)?({MONTH_LOCATIVE})(?:\s+(\d{{4}})\s+года)?", re.I)),
    ("deictic", re.compile(r"\b(сегодня|вчера|позавчера|завтра|послезавтра)\b", re.I)),
    # "Накануне Петров заявил": the day before the report (not "накануне выборов", a preposition)
    ("eve", re.compile(r"\bнакануне\b", re.I)),
    (
        "ago",
        re.compile(
            r"\b(\d+|один|одну|два|две|три|четыре|пять|несколько)\s+(дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)\s+назад\b",
            re.I,
        ),
    ),
]
FUTURE_AUX = {"будет", "будут", "буду", "будем", "будете", "будешь"}


def event_date(sentence, anchor: str | None, trigger_i: int | None = None) -> DateResult | None:
    """The date expression in a Russian sentence (spaCy Span) attached closest to the trigger."""
    future = _is_future(sentence.doc[trigger_i]) if trigger_i is not None else False
    scored, taken = [], set()
    for kind, rx in PATTERNS:
        for m in rx.finditer(sentence.text):
            chars = set(range(m.start(), m.end()))
            if chars & taken:
                continue
            result = resolve(kind, m, anchor, future)
            span = sentence.char_span(m.start(), m.end(), alignment_mode="expand")
            if result is None or span is None or _dates_a_reference_point(span, trigger_i):
                continue
            if kind == "eve" and any(c.dep_ == "pobj" for c in span.root.children):
                continue
            taken |= chars
            distance = attachment_distance(span.root, trigger_i) if trigger_i is not None else 0
            scored.append((distance, span.start, result))
    return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


# "первая встреча после расширения в 2023 году", "за неделю до выборов в марте": a date inside
# a phrase of these prepositions dates what the event is measured from, not the event.
REFERENCE_PREPS = {"после", "до", "перед", "накануне", "спустя"}


def _dates_a_reference_point(span, trigger_i: int | None) -> bool:
    if trigger_i is None:
        return False
    path = {trigger_i} | {a.i for a in span.doc[trigger_i].ancestors}
    for node in [span.root, *span.root.ancestors]:
        if node.i in path:
            return False
        if node.dep_ == "prep" and node.lower_ in REFERENCE_PREPS:
            return True
    return False


def resolve(kind: str, m: re.Match, anchor: str | None, future: bool = False) -> DateResult | None:
    words = m.group(0).strip()
    base = date.fromisoformat(anchor) if anchor else None
    if kind == "weekday" and base:
        target = WEEKDAYS[m.group(1).lower()]
        delta = (target - base.weekday()) % 7 if future else -((base.weekday() - target) % 7)
        return DateResult((base + timedelta(days=delta)).isoformat(), words, "day")
    if kind == "week" and base:
        step = {"прошлой": -1, "следующей": 1}.get(m.group(1).lower(), 0)
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return DateResult(monday.isoformat(), words, "range", (monday + timedelta(days=6)).isoformat())
    if kind == "month":
        month = _month(m.group(1))
        if m.group(2):
            return DateResult(f"{int(m.group(2)):04d}-{month:02d}", words, "month")
        found = _month_without_year(month, base, future) if base else None
        return DateResult(found[0], words, "month") if found else None
    if kind == "year":
        return DateResult(m.group(1), words, "year")
    if kind == "eve":
        return DateResult((base - timedelta(days=1)).isoformat(), words, "day") if base else None
    if kind == "day" and not re.search(r"\d{4}", words):
        day, month = int(re.match(r"\d+", words).group(0)), _month(words.split()[-1])
        found = _day_without_year(month, day, base, future)
        return DateResult(found[0], words, "day") if found else None
    return _dateparser(words, anchor, future) if anchor or kind == "day" else None


def _month(word: str) -> int:
    low = word.lower()
    for i, stem in enumerate(MONTH_STEMS):
        if low.startswith(stem) and (stem != "ма" or low in ("мая", "мае", "май")):
            return i + 1
    raise ValueError(word)


@lru_cache(maxsize=4096)
def _dateparser(words: str, anchor: str | None, future: bool) -> DateResult | None:
    parsed = _parser(anchor, future).get_date_data(re.sub(r"[-–—]\s*\d{1,2}\s+", " ", words))
    if not parsed or not parsed.date_obj:
        return None
    day = parsed.date_obj.date()
    if parsed.period == "year":
        return DateResult(str(day.year), words, "year")
    if parsed.period == "month":
        return DateResult(f"{day.year:04d}-{day.month:02d}", words, "month")
    return DateResult(day.isoformat(), words, "day")


@lru_cache(maxsize=64)
def _parser(anchor: str | None, future: bool):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past"}
    if anchor:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(anchor)
    return DateDataParser(languages=["ru"], settings=settings)


def _is_future(trigger) -> bool:
    """A trigger in the future tense ("подпишет") or with "будет" speaks of what is to come."""
    heads = [trigger] + [a for a in list(trigger.ancestors)[:2] if a.pos_ in ("VERB", "AUX")]
    return any(
        "Fut" in h.morph.get("Tense") or any(c.lower_ in FUTURE_AUX for c in h.children) for h in heads
    )
