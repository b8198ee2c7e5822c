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
from ..store.query import ORDERS
from ..store.timeline import INTERVALS, TIMELINE_KEYS

MAX_LIMIT = 1000


def one_of(choices, description: str):
    """A query parameter whose values the schema enumerates (`choices`, or none when
    None); the values themselves are checked by the store, which says what to use."""
    enumeration = {"enum": list(choices)} if choices else None
    return Query(description=description, json_schema_extra=enumeration)


def _filter_parameter(field: FilterField) -> inspect.Parameter:
    query = one_of(field.choices, field.help)
    return inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                             annotation=Annotated[str | None, query])


def event_filters(**values: str | None) -> dict:
    """The filters a request sets (empty values left out, codes in capitals)."""
    return normalised(values)


# FastAPI reads a dependency's parameters from its signature: one per filter field.
event_filters.__signature__ = inspect.Signature(
    [_filter_parameter(field) for field in FILTER_FIELDS], return_annotation=dict)

Filters = Annotated[dict, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0)]
Order = Annotated[str, one_of(ORDERS, "date, -date, confidence or -confidence")]
ClusterOrder = Annotated[str, one_of(CLUSTER_ORDERS, "-articles (most reported first), "
                                     "articles, date, -date or -reported")]
Interval = Annotated[str, one_of(INTERVALS, "day, week or month")]
TimelineKey = Annotated[str, one_of(TIMELINE_KEYS, "quad or type")]
