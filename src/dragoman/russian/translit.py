"""Russian names in Latin script, and a spelling-blind key to compare Latin names.

transliterate() follows the BGN/PCGN-style romanisation news agencies use ("Сергей Лавров" ->
"Sergey Lavrov", "Токаев" -> "Tokayev", "Мирзиёев" -> "Mirziyoyev"): е and ё are "ye"/"yo" at
the start of a word and after a vowel, ь and ъ are dropped. name_key() then folds the spelling
differences between romanisations and English usage (zh/j, kh/h, y/i, double letters), so
"Zhaparov" and "Japarov", "Kasym-Zhomart" and "Kassym-Jomart" compare equal.
"""

from __future__ import annotations

import re
import unicodedata

LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Cyrillic letters of the region's other languages, as written in Russian-language news
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ў": "u",
    "ҳ": "h",
    "ӣ": "i",
    "ӯ": "u",
    "ҷ": "j",
}
VOWELS = set("аеёиоуыэюяіїє")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
FOLDS = [
    ("shch", "sh"),
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("yo", "o"),
    ("ye", "e"),
    ("yu", "u"),
    ("ya", "a"),
    ("iy", "i"),
    ("y", "i"),
    ("w", "v"),
]


def is_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


def transliterate(text: str) -> str:
    out, prev = [], ""
    for ch in text:
        low = ch.lower()
        latin = LETTERS.get(low)
        if latin is None:
            out.append(ch)
        else:
            if low in ("е", "ё") and (not prev or prev in VOWELS or prev in "ьъ" or not prev.isalpha()):
                latin = "y" + ("e" if low == "е" else "o")
            elif low == "ё":
                latin = "yo"
            if ch.isupper() and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
        prev = low
    return "".join(out)


def name_key(name: str) -> str:
    """A romanised name folded so that common spelling variants compare equal."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z ]+", "", text.replace("-", " "))
    for a, b in FOLDS:
        text = text.replace(a, b)
    text = re.sub(r"(.)\1+", r"\1", text)  # Kassym/Kasym, Khamenei/Khamenei
    return " ".join(text.split())
