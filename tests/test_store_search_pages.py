"""Pages of a search's matches in date order (store.events with q and order date/-date),
whether found by looking each match up or, for a plain word with many dated matches, by
walking the events in date order up to the date its counts per day give (read.py,
_date_walk): the same events, in the same order, on SQLite and PostgreSQL."""

from __future__ import annotations

from test_store import SEARCH_FILTERS, SEARCHES, db, location, make_doc, search_store, store  # noqa: F401

from dragoman.store.query import EventFilter


def in_order(events: list[dict], order: str) -> list[str]:
    """Event ids by date (undated last), then by storage order: as ORDER BY date, seq."""
    dated = [(e["date"], i, e["id"]) for i, e in enumerate(events) if e["date"]]
    undated = [(i, e["id"]) for i, e in enumerate(events) if not e["date"]]
    newest = order == "-date"
    return [e[-1] for e in sorted(dated, reverse=newest)] + [e[-1] for e in sorted(undated, reverse=newest)]


def test_search_pages_are_the_matches_in_date_order(store):  # noqa: F811
    search_store(store)
    for doc_id, dates in (
        ("seed-5", ("2021-05-30", "2021-06", "2021")),
        ("seed-6", ("2021-05-31", "2021-07-01", None)),
        ("seed-7", ("2021-06-02", "2021-06-02", "2021-06-02")),
    ):
        doc = make_doc(doc_id, help="aid and more aid")
        for event, date in zip(doc.events, dates):
            event.date = date
        store.ingest(doc)
    walked = 0
    for q in SEARCHES:
        for f in SEARCH_FILTERS:
            every = list(store.iter_events(q=q, **f))  # (storage order)
            for order in ("date", "-date"):
                expected = in_order(every, order)
                for limit, offset in ((1, 0), (2, 0), (2, 1), (3, 2), (4, 0), (1000, 0), (2, 50)):
                    walked += bool(
                        store._date_walk(store._planned(EventFilter(q=q, **f)), order, limit + offset)
                    )
                    got = [e["id"] for e in store.events(q=q, limit=limit, offset=offset, order=order, **f)]
                    assert got == expected[offset : offset + limit], (q, f, order, limit, offset)
    assert walked > 100  # (the walk was taken for many of them)
