"""The store, on real SQLite files in tmp_path, with documents built by hand."""

from __future__ import annotations

import datetime
import json
from collections import Counter
import sqlite3
from pathlib import Path

import pytest

import pg_cluster
from dragoman.errors import StoreError
from dragoman.model import Document, Entity, Event, Passage, Place, Sentence
from dragoman.store import QueryError, open_store
from dragoman.store.query import EventFilter, single_term

TEMPLATE = (
    "On 2 June 2021 SCO Secretary-General Vladimir Norov met Ying Yong in Wuhan. "
    "Ying Yong thanked the SCO for its {help} against COVID-19. "
    "Police arrested protesters in Dushanbe in May 2021.\n"
    "Фото: пресс-служба"
)
TEXT = TEMPLATE.format(help="help")
TABLES = pg_cluster.DATA_TABLES + ("schema_migrations",)  # every table a store holds


def span_of(text: str, words: str, start: int = 0) -> tuple[int, int]:
    i = text.index(words, start)
    return (i, i + len(words))


def entity(
    text: str, words: str, name: str, kind: str, country: str | None, id: str | None, **extra
) -> Entity:
    return Entity(
        name=name, text=words, span=span_of(text, words), kind=kind, country=country, id=id, **extra
    )


def sentences_of(text: str) -> list[Sentence]:
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if start + len(part) < len(text) else 0)
        out.append(Sentence(start, end, text[start:end]))
        start = end + 1
    return out


def event(doc_id, text, sentence_words, trigger_words, type_, actor, recipient, **kw) -> Event:
    span = span_of(text, sentence_words)
    return Event(
        doc_id=doc_id,
        event=type_,
        text=sentence_words,
        span=span,
        trigger={"text": trigger_words, "span": list(span_of(text, trigger_words))},
        actor=actor,
        recipient=recipient,
        **kw,
    )


def make_doc(doc_id: str = "seed-1", help: str = "help", tail: str = "") -> Document:
    text = TEMPLATE.format(help=help) + tail
    norov = entity(
        text,
        "Vladimir Norov",
        "Vladimir Norov",
        "person",
        "IGO",
        "act-norov",
        sector="GOV",
        org="SCO",
        title="Secretary-General",
    )
    ying = entity(text, "Ying Yong", "Ying Yong", "person", "CHN", "act-ying", sector="GOV")
    sco = entity(text, "the SCO", "Shanghai Cooperation Organisation", "organization", "IGO", "act-sco")
    police = entity(text, "Police", "police", "group", "TJK", None, sector="COP")
    protesters = entity(text, "protesters", "protesters", "group", None, None)
    wuhan = Place("Wuhan", "Wuhan", 1791247, 30.58, 114.27, "CHN", "Hubei", "city", span_of(text, "Wuhan"))
    first = "On 2 June 2021 SCO Secretary-General Vladimir Norov met Ying Yong in Wuhan."
    second = f"Ying Yong thanked the SCO for its {help} against COVID-19."
    third = "Police arrested protesters in Dushanbe in May 2021."
    events = [
        event(
            doc_id,
            text,
            first,
            "met",
            "CONSULT",
            [norov],
            [ying],
            mode="visit",
            context=["diplomatic"],
            cameo="043",
            date="2021-06-02",
            date_text="2 June 2021",
            location=wuhan,
            confidence=0.9,
        ),
        event(
            doc_id,
            text,
            second,
            "thanked",
            "SUPPORT",
            [ying],
            [sco],
            cameo="051",
            date="2021-06-02",
            confidence=0.71234,
        ),
        event(
            doc_id,
            text,
            third,
            "arrested",
            "COERCE",
            [police],
            [protesters],
            mode="arrest",
            cameo="173",
            date="2021-05",
            date_text="May 2021",
            context=["repression"],
            confidence=0.6,
        ),
    ]
    lines = text.split("\n")
    passages = [
        Passage(0, len(lines[0]), "en"),
        Passage(len(lines[0]) + 1, len(text), "ru", boilerplate=True),
    ]
    return Document(
        id=doc_id,
        text=text,
        date="2021-06-03",
        date_source="metadata",
        url="https://example.org/a",
        title="SCO visit",
        source="example",
        origin="seed.txt",
        passages=passages,
        sentences=sentences_of(lines[0]),
        entities=[norov, ying, sco, police, protesters],
        events=events,
        warnings=["a warning"],
    )


def plain(record: dict) -> dict:
    """A record as JSON gives it back (tuples become lists)."""
    return json.loads(json.dumps(record))


def dump(store) -> dict:
    """Every row of every table, and a full-text search, for before/after checks."""
    out = {table: sorted(map(repr, store._fetch(f"SELECT * FROM {table}"))) for table in TABLES}
    out["fts"] = [r["id"] for r in store.events(q="SCO")]
    return out


@pytest.fixture
def db(tmp_path):
    return tmp_path / "dragoman.db"


# The behaviour tests (those taking `store`) run on every backend: an SQLite file, and
# a real PostgreSQL server started for the session (tests/pg_cluster.py).
@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, db) -> str:
    return str(db) if request.param == "sqlite" else pg_cluster.database_or_skip()


@pytest.fixture
def store(location):
    with open_store(location) as s:
        assert s.ingest(make_doc())
        yield s


# ---- opening -------------------------------------------------------------------------------


def test_open_creates_file_with_migrations_recorded_once(db):
    with open_store(db) as s:
        first = s.migrations()
    with open_store(f"sqlite:///{db}") as s:  # sqlite:////abs/path, as in SQLAlchemy
        assert s.migrations() == first
    versions = [m["version"] for m in first]
    assert versions == sorted(set(versions)) and versions[0] == 1
    assert all(m["name"] and m["applied_at"] for m in first)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopen_keeps_data(db):
    with open_store(db) as s:
        s.ingest(make_doc())
    with open_store(db) as s:
        assert s.stats()["events"] == 3


def test_unknown_scheme_is_refused():
    with pytest.raises(StoreError, match="unknown store address"):
        open_store("mysql://localhost/x")


def test_not_a_database_says_what_to_do(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a dragoman store.*another path"):
        open_store(bogus)


def test_missing_folder_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "x.db")


def test_read_only_folder_says_what_to_do(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if _can_write(folder):  # root writes anywhere; /proc refuses even root
            folder = Path("/proc")
        with pytest.raises(StoreError, match="permissions"):
            open_store(folder / "dragoman-test.db")
    finally:
        (tmp_path / "ro").chmod(0o755)


def test_read_only_file_says_what_to_do(tmp_path, db):
    open_store(db).close()
    for f in tmp_path.iterdir():
        f.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        if _can_write(tmp_path):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(StoreError, match="writable path"):
            open_store(db)
    finally:
        tmp_path.chmod(0o755)


def _can_write(folder) -> bool:
    try:
        (folder / ".probe").write_text("x")
        (folder / ".probe").unlink()
        return True
    except OSError:
        return False


def test_closed_store_refuses_politely(db):
    s = open_store(db)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.stats()


# ---- ingest --------------------------------------------------------------------------------


def test_ingest_twice_changes_nothing(store):
    before = dump(store)
    assert store.ingest(make_doc()) is False
    assert dump(store) == before
    assert store.ingest_many([make_doc(), make_doc("seed-2")]) == (1, 1)


def test_changed_content_replaces_the_document(store):
    changed = make_doc(help="generous help")
    changed.events = changed.events[1:2]
    changed.entities = changed.entities[1:3]
    assert store.ingest(changed) is True
    assert store.stats()["documents"] == 1
    assert store.count_events() == 1
    assert [r["id"] for r in store.events()] == [changed.events[0].id]
    assert "generous" in store.document("seed-1")["text"]
    assert store.events(q="arrested") == []  # the old sentence left the full-text index
    assert store.events(q="generous")[0]["event"] == "SUPPORT"
    assert store.actor("act-norov") is None  # nothing refers to him any more
    assert store.actor("act-ying")["events"] == 1
    assert store.timeline(interval="month") == [
        {"period": "2021-06", "key": "verbal_cooperation", "count": 1}
    ]


def test_replacement_happens_in_one_transaction(store):
    broken = make_doc(tail=" more")
    broken.events[0].event = "NOT_A_TYPE"  # to_record() fails half-way through ingest
    with pytest.raises(KeyError):
        store.ingest(broken)
    assert store.count_events() == 3
    assert store.document("seed-1")["text"] == TEXT


def test_records_round_trip(store):
    # (plus the cluster each is in: tests/test_clusters.py)
    doc = make_doc()
    for ev in doc.events:
        assert without_cluster(store.event(ev.id)) == plain(ev.to_record())
    assert [without_cluster(r) for r in store.events(doc="seed-1")] == [
        plain(ev.to_record()) for ev in sorted(doc.events, key=lambda e: e.date)
    ]


def without_cluster(record: dict) -> dict:
    assert record["cluster"]["id"]
    return {k: v for k, v in record.items() if k != "cluster"}


def test_document_view(store):
    d = store.document("seed-1")
    assert d["text"] == TEXT and d["date"] == "2021-06-03" and d["warnings"] == ["a warning"]
    assert [p["lang"] for p in d["passages"]] == ["en", "ru"]
    assert d["passages"][1]["boilerplate"] is True
    assert d["entities"][0] == make_doc().entities[0].to_dict() | {
        "span": [TEXT.index("Vladimir Norov"), TEXT.index("Vladimir Norov") + 14]
    }
    assert len(d["events"]) == 3 and d["sentences"][0]["text"].startswith("On 2 June")
    assert store.document("nope") is None and store.event("nope") is None


# ---- event filters -------------------------------------------------------------------------


def types(records) -> list[str]:
    return sorted(r["event"] for r in records)


def test_filter_by_actor_id_and_name_on_either_side(store):
    assert types(store.events(actor="act-ying")) == ["CONSULT", "SUPPORT"]
    assert types(store.events(actor="norov")) == ["CONSULT"]
    assert types(store.events(actor="YING")) == ["CONSULT", "SUPPORT"]
    assert types(store.events(actor="protest")) == ["COERCE"]  # unresolved, by name
    assert store.events(actor="100%_") == []


def test_filter_by_country_either_side(store):
    assert types(store.events(country="chn")) == ["CONSULT", "SUPPORT"]
    assert types(store.events(country="TJK")) == ["COERCE"]
    assert types(store.events(country="IGO")) == ["CONSULT", "SUPPORT"]


def test_filter_by_type_quad_doc(store):
    assert types(store.events(type="consult")) == ["CONSULT"]
    assert types(store.events(quad="material_conflict")) == ["COERCE"]
    assert store.count_events(doc="seed-1") == 3 and store.count_events(doc="x") == 0
    with pytest.raises(QueryError, match="unknown event type"):
        store.events(type="HUG")
    with pytest.raises(QueryError, match="unknown quad"):
        store.events(quad="friendly")


def test_filter_by_date_prefixes(store):
    assert types(store.events(since="2021-06")) == ["CONSULT", "SUPPORT"]
    assert types(store.events(until="2021-05")) == ["COERCE"]
    assert types(store.events(since="2021-05", until="2021-05-31")) == ["COERCE"]
    assert types(store.events(since="2021", until="2021")) == ["COERCE", "CONSULT", "SUPPORT"]
    assert store.events(since="2021-06-03") == []
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        store.events(since="June 2021")


def test_filters_combine_and_count_agrees(store):
    filters = {"country": "CHN", "since": "2021-06-01", "q": "thanked"}
    assert types(store.events(**filters)) == ["SUPPORT"]
    assert store.count_events(**filters) == 1
    assert store.count_events() == 3


def test_order_limit_offset(store):
    assert [r["date"] for r in store.events(order="-date")] == ["2021-06-02", "2021-06-02", "2021-05"]
    assert [r["confidence"] for r in store.events(order="-confidence", limit=2)] == [0.9, 0.712]
    assert len(store.events(limit=1, offset=2)) == 1
    with pytest.raises(QueryError):
        store.events(order="random")
    with pytest.raises(QueryError):
        store.events(limit=-1)


def test_full_text_search(store):
    assert types(store.events(q="thanked")) == ["SUPPORT"]
    assert types(store.events(q="COVID-19")) == ["SUPPORT"]
    assert types(store.events(q="arrest*")) == ["COERCE"]
    assert types(store.events(q="norov met")) == ["CONSULT"]


@pytest.mark.parametrize(
    "awkward",
    ['"', 'AND', '*', 'OR NOT', '"Ying', "NEAR(", "a:b", "(", "'; DROP TABLE events; --", "", "   ", "^"],
)
def test_full_text_search_never_breaks_on_awkward_input(store, awkward):
    assert isinstance(store.events(q=awkward), list)
    assert store.count_events(q=awkward) == len(store.events(q=awkward))
    assert store.count_events() == 3


def test_awkward_words_are_searched_as_words(store):
    assert types(store.events(q='"Ying')) == ["CONSULT", "SUPPORT"]
    assert store.events(q="AND") == []  # no sentence holds the word "and"
    assert types(store.events(q="in AND")) == []
    assert types(store.events(q="in")) == ["COERCE", "CONSULT"]


# ---- actors, timeline, stats ---------------------------------------------------------------


def test_actors_listing(store):
    listed = {a["id"]: a for a in store.actors()}
    assert set(listed) == {"act-norov", "act-ying", "act-sco"}
    assert listed["act-ying"] | {} == {
        "id": "act-ying",
        "name": "Ying Yong",
        "kind": "person",
        "country": "CHN",
        "sector": "GOV",
        "org": None,
        "title": None,
        "mentions": 1,
        "events": 2,
    }
    assert store.actors()[0]["id"] == "act-ying"  # most events first
    assert [a["id"] for a in store.actors(q="shanghai")] == ["act-sco"]
    assert [a["id"] for a in store.actors(country="chn")] == ["act-ying"]
    assert len(store.actors(limit=1, offset=1)) == 1


def test_actor_view(store):
    ying = store.actor("act-ying")
    assert [r["event"] for r in ying["as_actor"]] == ["SUPPORT"]
    assert [r["event"] for r in ying["as_recipient"]] == ["CONSULT"]
    assert {(c["id"], c["count"]) for c in ying["counterparts"]} == {("act-norov", 1), ("act-sco", 1)}
    assert store.actor("nobody") is None


def test_actor_upsert_keeps_known_codes(store):
    doc = make_doc("seed-2", tail=" extra")
    for e in doc.entities:
        if e.id == "act-ying":
            e.sector = None
            e.name = "YING Yong"
    store.ingest(doc)
    ying = store.actor("act-ying")
    assert (ying["name"], ying["sector"], ying["events"], ying["mentions"]) == ("YING Yong", "GOV", 4, 2)


def test_timeline(store):
    assert store.timeline(interval="month", by="quad") == [
        {"period": "2021-05", "key": "material_conflict", "count": 1},
        {"period": "2021-06", "key": "verbal_cooperation", "count": 2},
    ]
    assert store.timeline(interval="day", by="type") == [
        {"period": "2021-06-02", "key": "CONSULT", "count": 1},
        {"period": "2021-06-02", "key": "SUPPORT", "count": 1},
    ]
    # 2 June 2021 was a Wednesday: its week starts on Monday 31 May.
    assert store.timeline(interval="week") == [
        {"period": "2021-05-31", "key": "verbal_cooperation", "count": 2}
    ]


def test_timeline_with_filters_uses_the_same_counts(store):
    assert store.timeline(interval="month", country="TJK") == [
        {"period": "2021-05", "key": "material_conflict", "count": 1}
    ]
    assert store.timeline(interval="month", type="SUPPORT", since="2021-06") == [
        {"period": "2021-06", "key": "verbal_cooperation", "count": 1}
    ]
    assert store.timeline(interval="day", q="thanked", by="type") == [
        {"period": "2021-06-02", "key": "SUPPORT", "count": 1}
    ]
    with pytest.raises(QueryError):
        store.timeline(interval="hour")


def test_stats(store):
    stats = store.stats()
    assert (stats["documents"], stats["events"], stats["actors"]) == (1, 3, 3)


def test_delete(store):
    assert store.delete("seed-1") is True and store.delete("seed-1") is False
    stats = store.stats()
    assert (stats["documents"], stats["events"], stats["actors"]) == (0, 0, 0)
    assert store.timeline(interval="month") == []


def test_common_country_filter_gives_the_same_events(store, monkeypatch):
    from dragoman.store import plan

    expected = store.events(country="CHN", order="-date")
    monkeypatch.setattr(plan, "COMMON", 1)  # take the path used for frequent countries
    assert store.events(country="CHN", order="-date") == expected
    assert types(expected) == ["CONSULT", "SUPPORT"]


def test_filters_on_few_events_give_the_same_events_and_counts(store, monkeypatch):
    from dragoman.store import plan

    cases = [
        {"actor": "act-ying", "type": "support"},
        {"actor": "ying", "since": "2021-06"},
        {"actor": "protest", "quad": "material_conflict"},
        {"country": "CHN", "until": "2021-06-02"},
        {"country": "TJK", "type": "consult"},
    ]
    for few in (10**9, 0):  # every actor and country has few events, then none has
        monkeypatch.setattr(plan, "COMMON", few)
        assert [types(store.events(**f)) for f in cases] == [
            ["SUPPORT"],
            ["CONSULT", "SUPPORT"],
            ["COERCE"],
            ["CONSULT", "SUPPORT"],
            [],
        ]
        assert [store.count_events(**f) for f in cases] == [1, 2, 1, 2, 0]


def test_counts_include_undated_events_unless_dates_are_asked_for(store):
    undated = make_doc("seed-2")
    undated.events[2].date = None  # police arrested protesters (TJK), no date
    store.ingest(undated)
    assert store.count_events() == len(store.events()) == 6
    assert store.count_events(country="TJK") == len(store.events(country="TJK")) == 2
    assert store.count_events(actor="act-ying", type="support") == 2
    assert store.count_events(since="2021") == store.count_events(until="2022") == 5
    assert store.count_events(country="TJK", cap=1) == 1


def test_a_capped_count_stops_at_the_cap(store):
    assert [store.count_events(cap=n) for n in (0, 2, 3, 10)] == [0, 2, 3, 3]
    assert store.count_events(q="SCO", cap=1) == 1
    assert store.count_events(country="CHN", cap=1) == 1
    with pytest.raises(QueryError, match="cap"):
        store.count_events(cap=-1)


EVERY_TIMELINE = [(interval, by) for interval in ("day", "week", "month") for by in ("quad", "type")]


def timeline_from_events(store, interval, by, **filters) -> list[dict]:
    """What a timeline must say, counted here from the matching event records."""
    key = {"quad": "quad", "type": "event"}[by]
    width = {"day": 10, "week": 10, "month": 7}[interval]
    counts = {}
    for r in store.events(**filters, limit=10**6):
        if r["date"] and len(r["date"]) >= width and (interval == "month" or len(r["date"]) == 10):
            period = (monday_of(r["date"]) if interval == "week" else r["date"][:width], r[key])
            counts[period] = counts.get(period, 0) + 1
    return [{"period": p, "key": k, "count": n} for (p, k), n in sorted(counts.items())]


def monday_of(day: str) -> str:
    date = datetime.date.fromisoformat(day)
    return (date - datetime.timedelta(days=date.weekday())).isoformat()


def test_actor_and_country_timelines_agree_with_their_events(store):
    # Counts kept per actor and per country at ingest, through a replacement and a delete.
    other = make_doc("seed-2")
    other.events[0].date = "2021-07-04"
    store.ingest(other)
    store.ingest(make_doc(help="more help"))  # replaces seed-1
    store.ingest(make_doc("seed-3"))
    store.delete("seed-3")
    filters = [
        {"actor": "act-ying"},
        {"actor": "act-norov", "type": "consult"},
        {"actor": "Ying"},
        {"actor": "protest"},
        {"actor": "nobody"},
        {"country": "chn"},
        {"country": "IGO", "since": "2021-07"},
        {"country": "TJK"},
        {"actor": "act-sco", "country": "IGO"},
    ]
    for f in filters:
        for interval, by in EVERY_TIMELINE:
            expected = timeline_from_events(store, interval, by, **f)
            assert store.timeline(interval=interval, by=by, **f) == expected, (f, interval)
    assert store.timeline(interval="month", actor="act-ying") == [
        {"period": "2021-06", "key": "verbal_cooperation", "count": 3},
        {"period": "2021-07", "key": "verbal_cooperation", "count": 1},
    ]


def test_deleting_everything_empties_the_count_tables(store):
    store.ingest(make_doc("seed-2"))
    store.delete("seed-1")
    store.delete("seed-2")
    for table in ("event_counts", "actor_counts", "country_counts", "lang_counts"):
        assert store._fetch(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"] == 0


def test_migrating_an_older_store_fills_the_count_tables(db):
    with open_store(db) as s:
        s.ingest(make_doc())
        expected = {
            t: s._fetch(f"SELECT * FROM {t} ORDER BY 1, 2, 3")
            for t in (
                "actor_counts",
                "country_counts",
                "term_counts",
                "lang_counts",
                "cluster_counts",
                "cluster_actor_counts",
                "cluster_country_counts",
                "cluster_reports",
                "cluster_term_counts",
                "record_entities",
            )
        }
        assert all(expected.values())
    conn = sqlite3.connect(db)  # back to the store as schema version 3 left it
    conn.executescript(
        "DROP TABLE actor_counts; DROP TABLE country_counts; "
        "DROP TABLE term_counts; "
        "DELETE FROM schema_migrations WHERE version >= 4; "
        "DROP INDEX event_counts_cover; DROP INDEX event_counts_by_type; "
        "DROP INDEX events_id_cover; DROP INDEX event_counts_by_week; "
        "DROP INDEX event_counts_by_month; DROP VIEW events_fts_content; "
        "DROP INDEX events_seq_cover; DROP TABLE clusters; "
        "DROP TABLE cluster_members; DROP TABLE cluster_docs; "
        "DROP TABLE cluster_keys; DROP TABLE cluster_doc_keys; DROP TABLE cluster_counts; "
        "DROP TABLE cluster_actor_counts; DROP TABLE cluster_country_counts; "
        "DROP INDEX events_lang; ALTER TABLE events DROP COLUMN lang; DROP TABLE lang_counts; "
        "DROP TABLE cluster_reports; DROP TABLE cluster_term_counts; DROP TABLE record_entities;"
    )
    conn.close()
    with open_store(db) as s:
        assert [m["version"] for m in s.migrations()][-12:] == [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
        assert {t: s._fetch(f"SELECT * FROM {t} ORDER BY 1, 2, 3") for t in expected} == expected


def search_store(store) -> None:
    """Documents whose sentences share words, on several dates, one replaced, one deleted."""
    other = make_doc("seed-2", help="aid, aid and more AID")  # a word twice in one sentence
    other.events[0].date = "2021-07-04"
    other.events[1].date = "2021-06-07"  # the next week
    store.ingest(other)
    third = make_doc("seed-3", help="help in Düsseldorf")
    third.events[2].date = None  # undated: in no timeline
    store.ingest(third)
    store.ingest(make_doc(help="more help"))  # replaces seed-1: its old words leave
    store.ingest(make_doc("seed-4", help="thanks"))
    store.delete("seed-4")


SEARCHES = [
    "thanked",
    "SCO",
    " sco ",
    "Wuhan",
    "covid",
    "19",
    "aid",
    "more",
    "help",
    "Dusseldorf",
    "Düsseldorf",
    "nothing",
    "Ying Yong",
    "thanked SCO",
    "than*",
    "COVID-19",
    "2021",
]
SEARCH_FILTERS = [
    {},
    {"type": "SUPPORT"},
    {"quad": "verbal_cooperation"},
    {"since": "2021-06-03"},
    {"until": "2021-06"},
    {"country": "CHN"},
    {"actor": "act-ying"},
    {"type": "consult", "since": "2021"},
]


def test_search_timelines_agree_with_their_events(store):
    search_store(store)
    for q in SEARCHES:
        for f in SEARCH_FILTERS:
            for interval, by in EVERY_TIMELINE:
                expected = timeline_from_events(store, interval, by, q=q, **f)
                assert store.timeline(interval=interval, by=by, q=q, **f) == expected, (q, f, interval, by)
    assert store.timeline(interval="month", q="aid") == [
        {"period": "2021-06", "key": "verbal_cooperation", "count": 1}
    ]


def test_timelines_over_the_whole_store_agree_with_their_events(store):
    # Dates of every precision (a day, a month, a year) on both sides of a week and a
    # month boundary, counted from the event counts per period index.
    search_store(store)
    for doc_id, dates in (
        ("seed-5", ("2021-05-30", "2021-06", "2021")),
        ("seed-6", ("2021-05-31", "2021-07-01", "2020-12-31")),
    ):
        doc = make_doc(doc_id)
        for event, date in zip(doc.events, dates):
            event.date = date
        store.ingest(doc)
    for f in (
        {},
        {"type": "SUPPORT"},
        {"quad": "verbal_cooperation"},
        {"since": "2021-05-31"},
        {"until": "2021-06"},
        {"since": "2021", "until": "2021-06-02"},
        {"type": "consult", "since": "2021-06"},
        {"doc": "seed-5"},
    ):
        for interval, by in EVERY_TIMELINE:
            expected = timeline_from_events(store, interval, by, **f)
            assert store.timeline(interval=interval, by=by, **f) == expected, (f, interval, by)
            assert json.loads(store.timeline_json(interval, by, **f)) == expected


def test_weekly_and_monthly_counts_stream_along_their_index(db):
    # SQLite: the period expressions of a timeline's query are those of migration 7's
    # indexes, so no sort of the count rows happens (a sort of 58,000 took 60-130 ms).
    with open_store(db) as store:
        store.ingest(make_doc())
        for f in ({}, {"country": "CHN"}, {"actor": "act-ying"}, {"q": "thanked"}, {"since": "2021"}):
            for interval in ("week", "month"):
                flt = store._planned(EventFilter(**f))
                sql, params = store._timeline_sql(interval, "type", flt)
                plan = " | ".join(r["detail"] for r in store._fetch("EXPLAIN QUERY PLAN " + sql, params))
                assert f"_by_{interval}" in plan and "TEMP B-TREE" not in plan, (f, plan)


def test_one_word_searches_are_answered_from_the_term_counts(store):
    def source(**filters):
        counted = store._count_table_for(store._planned(EventFilter(**filters)), terms=True)
        return counted and counted[0]

    assert source(q=" Thanked ") == source(q="19", type="SUPPORT", since="2021") == "term_counts"
    for f in (
        {"q": "Ying Yong"},
        {"q": "than*"},
        {"q": "Düsseldorf"},
        {"q": "COVID-19"},
        {"q": "thanked", "country": "CHN"},
        {"q": "thanked", "actor": "act-ying"},
    ):
        assert source(**f) is None, f
    store._execute("UPDATE term_counts SET n = 40 WHERE term = 'thanked'")  # read from there
    assert store.timeline(interval="month", q="thanked") == [
        {"period": "2021-06", "key": "verbal_cooperation", "count": 40}
    ]


def test_searches_with_a_country_or_actor_agree_however_they_are_planned(store, monkeypatch):
    from dragoman.store import plan

    search_store(store)
    cases = [
        {"q": q, **f}
        for q in ("thanked", "Ying Yong", "aid", "nothing")
        for f in (
            {"country": "CHN"},
            {"country": "IGO", "since": "2021-06"},
            {"actor": "act-ying"},
            {"actor": "ying", "type": "support"},
        )
    ]
    expected = [(store.events(**f), timeline_from_events(store, "day", "type", **f)) for f in cases]
    assert any(events for events, _ in expected)
    for common, search in ((0, 0), (0, 10**9), (10**9, 0)):  # every way round
        monkeypatch.setattr(plan, "COMMON", common)
        monkeypatch.setattr(plan, "COMMON_SEARCH", search)
        assert [
            (store.events(**f), store.timeline(interval="day", by="type", **f)) for f in cases
        ] == expected, (common, search)


def test_searches_with_a_country_find_the_events_linked_to_it(store):
    # Checked against the links themselves: on SQLite the country is part of the
    # full-text query (migration 8), kept in step through replacement and delete.
    search_store(store)
    store.ingest(make_doc("seed-7", help="aid for IGO"))  # a code as a word of the text
    for q in SEARCHES + ["IGO", "CHN"]:
        for country in ("CHN", "igo", "TJK", "USA", "C-N"):
            linked = {
                r["event_id"]
                for r in store._fetch(
                    "SELECT event_id FROM event_actors WHERE country = ?", [country.upper()]
                )
            }
            expected = [r for r in store.events(q=q, limit=1000) if r["id"] in linked]
            f = {"q": q, "country": country}
            assert store.events(**f, limit=1000) == expected, f
            assert store.count_events(**f) == len(expected), f
            assert store.timeline(interval="day", by="type", **f) == [
                {"period": p, "key": k, "count": n}
                for (p, k), n in sorted(
                    Counter(
                        (r["date"], r["event"]) for r in expected if r["date"] and len(r["date"]) == 10
                    ).items()
                )
            ], f
    assert [r["doc_id"] for r in store.events(q="IGO")] == ["seed-7"]  # words: text only
    if store.dialect.name == "sqlite":  # the index holds what its content view says
        store._execute("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)")
        for f in ({"q": "aid", "country": "CHN"}, {"q": "Ying Yong"}):  # no event row read
            sql, params = store._timeline_sql("month", "type", store._planned(EventFilter(**f)))
            plan = [r["detail"] for r in store._fetch("EXPLAIN QUERY PLAN " + sql, params)]
            assert "SEARCH e USING COVERING INDEX events_seq_cover (seq=?)" in plan, plan


def test_pages_of_a_search_come_in_date_order(store):
    # A search's page is picked in the index of dates by seq first (SQLite), then read:
    # checked against every match (storage order) sorted here.
    search_store(store)
    for q, country in [(q, None) for q in SEARCHES] + [("aid", "CHN"), ("thanked", "IGO")]:
        rows = list(store.iter_events(q=q, country=country))
        stored = list(enumerate(rows))  # (storage order, record): ties go by it
        newest = sorted(stored, key=lambda ir: (ir[1]["date"] or "", ir[0]), reverse=True)
        orders = {
            "date": sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "")),
            "-date": [r for _, r in newest],
        }
        for order, expected in orders.items():
            for offset in range(0, len(rows) + 1, 2):
                assert (
                    store.events(q=q, country=country, order=order, limit=2, offset=offset)
                    == expected[offset : offset + 2]
                ), (q, order)


def test_single_term():
    assert [
        single_term(q) for q in ("Border", " b0rder2 ", "two words", "pre*", "naïve", "", "a-b", "a_b")
    ] == ["border", "b0rder2", None, None, None, None, None, None]


def test_term_counts_are_rebuilt_by_their_migration(store):
    search_store(store)
    expected = store._fetch("SELECT * FROM term_counts ORDER BY term, date, event")
    assert {"thanked", "aid", "covid", "19"} <= {r["term"] for r in expected}
    assert "help" in {r["term"] for r in expected} and "thanks" not in {r["term"] for r in expected}
    with store._transaction():
        store._execute("DROP TABLE term_counts")
        store._execute("DELETE FROM schema_migrations WHERE version = 6")
    store._migrate()
    assert store._fetch("SELECT * FROM term_counts ORDER BY term, date, event") == expected


def test_deleting_everything_empties_the_term_counts(store):
    search_store(store)
    for doc in ("seed-1", "seed-2", "seed-3"):
        store.delete(doc)
    assert store._fetch("SELECT COUNT(*) AS n FROM term_counts")[0]["n"] == 0


# ---- resuming and exporting ----------------------------------------------------------------


def test_known_documents_and_has_document(store):
    doc = make_doc()
    assert store.known_documents(["seed-1", "nope"]) == {"seed-1": doc.content_hash}
    assert store.known_documents([]) == {}
    assert store.has_document("seed-1") and store.has_document("seed-1", doc.content_hash)
    assert not store.has_document("seed-1", make_doc(help="more help").content_hash)
    assert not store.has_document("nope")


def test_known_documents_in_many_chunks(store):
    ids = [f"x-{i}" for i in range(1200)] + ["seed-1"]
    assert list(store.known_documents(ids)) == ["seed-1"]


def test_document_info_has_metadata_and_lead(store):
    info = store.document_info("seed-1")
    assert (info["url"], info["title"], info["content_hash"]) == (
        "https://example.org/a",
        "SCO visit",
        make_doc().content_hash,
    )
    assert info["lead_end"] == TEXT.index("\n") and info["ingested_at"]
    assert "text" not in info and store.document_info("nope") is None


def test_iter_events_pages_through_everything_once(store):
    for i in range(2, 6):
        store.ingest(make_doc(f"seed-{i}"))
    every = list(store.iter_events(page=2))
    assert len(every) == 15 == len({r["id"] for r in every})
    assert [r["id"] for r in store.iter_events(page=1000)] == [r["id"] for r in every]
    assert types(store.iter_events(country="TJK", page=2)) == ["COERCE"] * 5
    assert list(store.iter_events(doc="nope")) == []
    with pytest.raises(QueryError):
        list(store.iter_events(page=0))
