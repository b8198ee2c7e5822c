"""The API's query parameters: the event filters, derived from dragoman.filters, and paging.

Each event filter of `FILTER_FIELDS` is one optional query parameter with the field's
help as its description; a closed set of values (type, quad) is declared as an
enumeration in the OpenAPI schema. The store checks the values themselves (type and
quad case-insensitively) and answers a bad one with a QueryError, which the API turns
into a 400 that says which values to use.
"""

from __future__ import annotations

import inspect
from typing import Annotated

from fastapi import Depends, Query

from ..filters import FILTER_FIELDS, FilterField, normalised
from ..store.cluster_reads import CLUSTER_ORDERS
from ..store.query import MAX_SEARCH_CHARS, ORDERS
from ..store.timeline import COUNTS, INTERVALS, TIMELINE_KEYS

MAX_LIMIT = 1000
# Further than any store reaches (and than SQLite's 64-bit integers once a page is added:
# offset=9223372036854775807 raised an OverflowError).
MAX_OFFSET = 1_000_000_000


# What the schema says of the values of some filters, beyond their type: the store still
# checks them, and answers a bad one with a 400 that says what to use. (Empty: no filter.)
YEAR = "([1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
DATE_PATTERN = rf"^({YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
DECLARED = {
    "since": {"pattern": DATE_PATTERN},
    "until": {"pattern": DATE_PATTERN},
    "q": {"maxLength": MAX_SEARCH_CHARS},
    "lang": {"pattern": "^([A-Za-z]{2})?$"},
}


def one_of(choices, description: str, declared: dict | None = None):
    """A query parameter whose values the schema enumerates (`choices`, or none when
    None); the values themselves are checked by the store, which says what to use."""
    enumeration = {"enum": list(choices)} if choices else {}
    return Query(description=description, json_schema_extra={**enumeration, **(declared or {})} or None)


def _filter_parameter(field: FilterField) -> inspect.Parameter:
    query = one_of(field.choices, field.help, DECLARED.get(field.name))
    return inspect.Parameter(
        field.name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[str | None, query]
    )


def event_filters(**values: str | None) -> dict:
    """The filters a request sets (empty values left out, codes in capitals)."""
    return normalised(values)


# FastAPI reads a dependency's parameters from its signature: one per filter field.
event_filters.__signature__ = inspect.Signature(
    [_filter_parameter(field) for field in FILTER_FIELDS], return_annotation=dict
)

Filters = Annotated[dict, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"at most {MAX_OFFSET:,}")]
Order = Annotated[str, one_of(ORDERS, "date, -date, confidence or -confidence")]
ClusterOrder = Annotated[
    str, one_of(CLUSTER_ORDERS, "-articles (most reported first), articles, date, -date or -reported")
]
Interval = Annotated[str, one_of(INTERVALS, "day, week or month")]
TimelineKey = Annotated[str, one_of(TIMELINE_KEYS, "quad or type")]
Count = Annotated[
    str,
    one_of(
        COUNTS,
        "events (records) or clusters (happenings: the reports of one happening counted once, "
        "as analysts count)",
    ),
]
