"""Event clusters: the reports of one happening, grown one article at a time.

A cluster is a connected group of reports that linking.compare() links: a new article's
reports join the clusters of the stored reports they link to, and clusters that a new
report links together merge. Since linking is symmetric and every link is found whatever
came first (the index finds stored reports by the keys and dates of the new one), the
clusters do not depend on the order articles arrive in, nor on how they are batched.

plan_links() decides, from the new reports and the stored reports an index found for
them; the store (store/clusters.py) and the in-memory Linker below both apply its plan.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .linking import (STORY_WINDOW, Article, Report, Verdict, article_keys, compare,
                      compare_articles, index_queries, index_rows)


@dataclass(frozen=True)
class Stored:
    """A stored report found for a new one, with its cluster and that cluster's size."""
    report: Report
    cluster: str
    size: int


@dataclass
class Plan:
    clusters: dict[str, str] = field(default_factory=dict)  # new report id -> its cluster
    merged: dict[str, str] = field(default_factory=dict)    # absorbed cluster -> survivor
    links: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # ^ new report id -> (the report it was linked to most strongly, why)


class _Sets:
    """Union-find over hashable items."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x, y) -> None:
        self.parent[self.find(x)] = self.find(y)


def plan_links(new: list[Report], found: list[Stored],
               stories: dict[str, Verdict] | None = None) -> Plan:
    """Which cluster each new report belongs to, which clusters merge, and why.
    `stories`: the stored articles that tell one story with the new one (by id)."""
    stories = stories or {}
    sets, best = _Sets(), {}
    sizes = {s.cluster: s.size for s in found}
    for r in new:
        sets.find(("r", r.id))
    for i, r in enumerate(new):
        for other in new[i + 1:]:
            _consider(r, other, ("r", other.id), sets, best)
        for s in found:
            _consider(r, s.report, ("c", s.cluster), sets, best, stories.get(s.report.doc_id))
    groups = defaultdict(list)
    for r in new:
        groups[sets.find(("r", r.id))].append(r.id)
    plan = Plan()
    for root, ids in groups.items():
        old = sorted({c for kind, c in sets.parent if kind == "c" and sets.find((kind, c)) == root},
                     key=lambda c: (-sizes[c], c))
        survivor = old[0] if old else min(ids)  # a new cluster is named by its first report
        plan.clusters.update((rid, survivor) for rid in ids)
        plan.merged.update((c, survivor) for c in old[1:])
    plan.links = {rid: (other, why) for rid, (_, other, why) in best.items()}
    return plan


def _consider(r: Report, other: Report, node, sets: _Sets, best: dict,
              story: Verdict | None = None) -> None:
    verdict = compare(r, other, story)
    if not verdict.linked:
        return
    sets.union(("r", r.id), node)
    _remember(best, r.id, other.id, verdict)
    if node[0] == "r":
        _remember(best, other.id, r.id, verdict)


def _remember(best: dict, rid: str, other: str, verdict) -> None:
    if verdict.strength > best.get(rid, (-1,))[0]:
        best[rid] = (verdict.strength, other, verdict.reasons)


class Linker:
    """Clusters of reports in memory: what the store does, for benchmarks and tests."""

    def __init__(self):
        self.reports: dict[str, Report] = {}
        self.cluster: dict[str, str] = {}      # report id -> cluster id
        self.members: dict[str, set[str]] = {}  # cluster id -> report ids
        self.index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.articles: dict[str, Article] = {}
        self.article_reports: dict[str, list[str]] = defaultdict(list)
        self.article_index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.why: dict[str, tuple[str, tuple[str, ...]]] = {}

    def add(self, reports: list[Report], article: Article | None = None) -> Plan:
        """Link one article's reports into the clusters."""
        reports = [r for r in reports if r.id not in self.reports]
        stories = self._stories(article) if article else {}
        found = self._found(reports, stories)
        plan = plan_links(reports, found, stories)
        for absorbed, survivor in plan.merged.items():
            for rid in self.members.pop(absorbed):
                self.cluster[rid] = survivor
                self.members[survivor].add(rid)
        for r in reports:
            self.reports[r.id] = r
            self.article_reports[r.doc_id].append(r.id)
            cid = plan.clusters[r.id]
            self.cluster[r.id] = cid
            self.members.setdefault(cid, set()).add(r.id)
            for key, day in index_rows(r):
                self.index[key].append((day, r.id))
        if article and article.day is not None:
            self.articles[article.doc_id] = article
            for key in article_keys(article):
                self.article_index[key].append((article.day, article.doc_id))
        self.why.update(plan.links)
        return plan

    def _stories(self, article: Article) -> dict[str, Verdict]:
        if article.day is None:
            return {}
        docs = set()
        for key in article_keys(article):
            docs.update(doc for day, doc in self.article_index.get(key, ())
                        if abs(day - article.day) <= STORY_WINDOW)
        verdicts = {doc: compare_articles(article, self.articles[doc]) for doc in sorted(docs)}
        return {doc: v for doc, v in verdicts.items() if v.linked and doc != article.doc_id}

    def _found(self, reports: list[Report], stories: dict[str, Verdict]) -> list[Stored]:
        ids = {rid for doc in stories for rid in self.article_reports.get(doc, ())}
        for r in reports:
            for key, lo, hi in index_queries(r):
                ids.update(rid for day, rid in self.index.get(key, ()) if lo <= day <= hi)
        return [Stored(self.reports[rid], self.cluster[rid], len(self.members[self.cluster[rid]]))
                for rid in sorted(ids)]

    def clusters(self) -> dict[str, set[str]]:
        return {cid: set(ids) for cid, ids in self.members.items()}
