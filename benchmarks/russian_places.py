"""How many Russian place names of a gold set resolve to the gold place.

    PYTHONPATH=src .venv/bin/python benchmarks/russian_places.py [GOLD]

Reads the place alternatives of ../shared/eval/ru_dev.gold.jsonl (English, Russian nominative,
the inflected form in the text) and looks up each Cyrillic one with the gazetteer (GeoNames'
Cyrillic names, transliteration, data/ru/places.tsv): a name counts as resolved when the
gazetteer's answer has the gold country and the gold's English name (spelling variants folded:
GeoNames' "Nizhniy Novgorod" is the gold's "Nizhny Novgorod"). Prints each name and the total.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "ru_dev.gold.jsonl"


def gold_places(path: Path) -> list[tuple[str, str, str]]:
    """(Cyrillic name, English name, country) of every gold place, once each."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for event in json.loads(line)["events"] if line.strip() else []:
            alts = event.get("location") or []
            alts = alts if isinstance(alts, list) else [alts]
            english = next((a["name"] for a in alts if a["name"].isascii()), None)
            for a in alts:
                key = (a["name"], english, a["country"])
                if not a["name"].isascii() and english and key not in out:
                    out.append(key)
    return out


def main() -> None:
    from dragoman.places import get_gazetteer
    from dragoman.russian.translit import name_key

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    g = get_gazetteer()
    names = gold_places(path)
    resolved = 0
    for name, english, country in names:
        place = g.lookup(name)
        ok = (
            place is not None
            and place.country_code == country
            and name_key(english) in {name_key(place.name), name_key(place.admin1 or "")}
        )
        resolved += ok
        print(
            f"{'ok ' if ok else 'MISS'} {name:22} -> {place.name if place else None} (gold {english}, {country})"
        )
    print(f"resolved {resolved} of {len(names)} Cyrillic gold place names")


if __name__ == "__main__":
    main()
