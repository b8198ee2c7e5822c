"""The API's cluster routes: reports of one happening, grouped (store/cluster_reads.py).

    GET /api/clusters            clusters matching the event filters, most reported first
    GET /api/clusters/{id}       one cluster: each report side by side, its article, and why
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..store.cluster_reads import CLUSTER_ORDERS
from .app_state import service_of
from .errors import ApiError
from .views import FastJSON, Filters, Limit, Offset

router = APIRouter()


@router.get("/api/clusters", tags=["clusters"], response_class=FastJSON)
def list_clusters(request: Request, filters: Filters, limit: Limit = 100, offset: Offset = 0,
                  order: Annotated[str, Query(description=", ".join(CLUSTER_ORDERS))]
                  = "-articles") -> FastJSON:
    """Clusters (reports of one happening) with at least one event matching every filter
    given: each with its counts of articles, independent sources and mentions, the dates
    it was first and last reported, and its representative record. `next` is the offset
    of the next page, when this one is full."""
    clusters = service_of(request).store.clusters(**filters, limit=limit, offset=offset,
                                                  order=order)
    after = offset + len(clusters) if len(clusters) == limit else None
    return FastJSON({"clusters": clusters, "limit": limit, "offset": offset, "next": after})


@router.get("/api/clusters/{cluster_id}", tags=["clusters"], response_class=FastJSON)
def get_cluster(request: Request, cluster_id: str) -> FastJSON:
    """A cluster with each of its reports: the record (sentence, trigger and actors with
    their spans), its article (source, date, title, url, the source it counts as) and
    the report it was linked to, with the reasons."""
    found = service_of(request).store.cluster(cluster_id)
    if found is None:
        raise ApiError(404, f"no cluster {cluster_id!r}; list clusters at /api/clusters")
    return FastJSON(found)
