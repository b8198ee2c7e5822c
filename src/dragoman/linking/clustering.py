"""Event clusters: the reports of one happening, grown one article at a time.

A cluster is a connected group of reports that rules.compare() links: a new article's
reports join the clusters of the stored reports they link to, and clusters that a new
report links together merge. Since linking is symmetric and every link is found whatever
came first (the index finds stored reports by the keys and dates of the new one), the
clusters do not depend on the order articles arrive in, nor on how they are batched, as long
as no chain of links spans more than MAX_SPAN days (past it, the union that comes first
decides where the chain is cut: see _Sets).

plan_links() decides, from the new reports and the stored reports an index found for
them; the store (store/clusters.py) and the in-memory Linker below both apply its plan.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .articles import STORY_WINDOW, Article, article_keys, compare_articles
from .blocking import index_queries, index_rows
from .neardup import bands, copies
from .rules import (
    DAY_WINDOW,
    Party,
    Report,
    Spot,
    Verdict,
    compare,
    compatible_types,
    roles_either,
    type_pairs,
)

MAX_SPAN = 10  # days from a cluster's first to its last day-precise report


@dataclass(frozen=True)
class Stored:
    """A stored report found for a new one, with its cluster, that cluster's size and the
    first and last day of its day-precise reports (None when it has none; size None when
    plan_links is to ask for them: see `clusters` there)."""

    report: Report
    cluster: str
    size: int | None = None
    span: tuple[int, int] | None = None


@dataclass
class Plan:
    clusters: dict[str, str] = field(default_factory=dict)  # new report id -> its cluster
    merged: dict[str, str] = field(default_factory=dict)  # absorbed cluster -> survivor
    links: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # ^ new report id -> (the report it was linked to most strongly, why)


class _Sets:
    """Union-find over hashable items, each set with the span of days it covers: two sets
    join only while the span stays within MAX_SPAN, so that a dyad reported day after day
    ("X accuses Y") does not chain into one cluster over months."""

    def __init__(self):
        self.parent, self.span = {}, {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def add(self, x, span: tuple[int, int] | None) -> None:
        self.span[self.find(x)] = span

    def union(self, x, y) -> bool:
        a, b = self.find(x), self.find(y)
        if a == b:
            return True
        span = _joined(self.span.get(a), self.span.get(b))
        if span and span[1] - span[0] > MAX_SPAN:
            return False
        self.parent[a] = b
        self.span[b] = span
        return True


def _joined(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def span_of(r: Report) -> tuple[int, int] | None:
    """The days a report pins its cluster to: its own, when they are precise."""
    return (r.lo, r.hi) if r.precise and r.lo is not None else None


def plan_links(
    new: list[Report],
    found: list[Stored],
    stories: dict[str, Verdict] | None = None,
    found_for: dict[str, set[str]] | None = None,
    clusters: Callable[[set[str]], dict[str, tuple[int, tuple[int, int] | None]]] | None = None,
) -> Plan:
    """Which cluster each new report belongs to, which clusters merge, and why.
    `stories`: the stored articles that tell one story with the new one (by id);
    `found_for`: the stored reports each new report's own index lookups found (by id),
    when known: a new report is compared with those and its stories' reports only, not
    with every report the article's lookups found (the index finds a superset of what
    each may link to: blocking.py), which cost ten times the compare() calls;
    `clusters`: the size and span of these clusters, asked for those of the stored
    reports that link only (a few of the hundreds found), else the Stored ones hold them."""
    linked = _links(new, found, stories or {}, found_for)
    wanted = {node[1] for _, _, node, _ in linked if node[0] == "c"}
    if clusters is not None:
        info = clusters(wanted)
        wanted &= set(info)  # (a report whose cluster has no row is not found, as a join would not)
        linked = [link for link in linked if link[2][0] == "r" or link[2][1] in info]
    else:
        info = {s.cluster: (s.size, s.span) for s in found if s.cluster in wanted}
    sets, best = _Sets(), {}
    for r in new:
        sets.add(("r", r.id), span_of(r))
    for c in sorted(wanted):
        sets.add(("c", c), info[c][1])
    for r, other, node, verdict in linked:  # (the spans bound a union: in the order found)
        if sets.union(("r", r.id), node):
            _remember(best, r.id, other.id, verdict)
            if node[0] == "r":
                _remember(best, other.id, r.id, verdict)
    groups, joined = defaultdict(list), defaultdict(set)
    for r in new:
        groups[sets.find(("r", r.id))].append(r.id)
    for c in wanted:
        joined[sets.find(("c", c))].add(c)
    plan = Plan()
    for root, ids in groups.items():
        old = sorted(joined.get(root, ()), key=lambda c: (-info[c][0], c))
        survivor = old[0] if old else min(ids)  # a new cluster is named by its first report
        plan.clusters.update((rid, survivor) for rid in ids)
        plan.merged.update((c, survivor) for c in old[1:])
    plan.links = {rid: (other, why) for rid, (_, other, why) in best.items()}
    return plan


def _links(
    new: list[Report], found: list[Stored], stories: dict[str, Verdict], found_for: dict | None
) -> list[tuple]:
    """(new report, the report it links to, its node, verdict), in the order found. Each
    new report goes through the found reports of the types it may link to only (a story
    brings all its article's reports: at 1M events up to 800)."""
    linked, by_type = [], defaultdict(list)
    for n, s in enumerate(found):
        by_type[s.report.event].append(n)
    for i, r in enumerate(new):
        for other in new[i + 1 :]:
            _consider(r, other, ("r", other.id), linked)
        mine = found_for.get(r.id, set()) if found_for is not None else None
        for n in sorted(n for event in compatible_types(r.event) for n in by_type.get(event, ())):
            s = found[n]
            if mine is None or s.report.id in mine or s.report.doc_id in stories:
                _consider(r, s.report, ("c", s.cluster), linked, stories.get(s.report.doc_id))
    return linked


def _consider(r: Report, other: Report, node, linked: list, story: Verdict | None = None) -> None:
    if may_link(r, other):
        verdict = compare(r, other, story)
        if verdict.linked:
            linked.append((r, other, node, verdict))


def may_link(a: Report, b: Report) -> bool:
    """False when compare(a, b) cannot link the two, whatever story they tell: types
    that are not the same act, a report that did not happen and one that did, dates that
    do not meet (compare_dates), a side that names only other countries (compare_parties,
    each way round the types allow). A necessary condition, cheap: a new article's stories
    bring every report of theirs, and at 1M events ~1,100 of ~1,200 compare() calls per
    article (each wording its reasons) were of such pairs (tests/test_linking.py checks
    that it passes every pair compare() links)."""
    if a.event != b.event and (a.event, b.event) not in type_pairs():
        return False
    if b.doc_id in a.near or a.doc_id in b.near:
        return True  # (copies link their identical sentences whatever else they say)
    if a.negated != b.negated or a.lo is None or b.lo is None:
        return False
    window = DAY_WINDOW if a.precise and b.precise else 0
    if max(a.lo - b.hi, b.lo - a.hi) > window:
        return False
    if _sides_conflict(a.actor, b.actor) or _sides_conflict(a.recipient, b.recipient):
        return roles_either(a.event, b.event) and not (
            _sides_conflict(a.actor, b.recipient) or _sides_conflict(a.recipient, b.actor)
        )
    return True


def _sides_conflict(xs: tuple[Party, ...], ys: tuple[Party, ...]) -> bool:
    """Sides that compare_side finds in conflict for sure: each names countries, none of
    one side's is the other's, and they share no actor id and no organisation (the only
    other things a side may share)."""
    if not xs or not ys:
        return False
    # (places left out: compare_side may set them aside, see rules.side_countries)
    left = {x.country for x in xs if not x.place} - {None}
    right = {y.country for y in ys if not y.place} - {None}
    if not left or not right or left & right:
        return False
    return not ({x.id for x in xs if x.id} & {y.id for y in ys}) and not (
        {x.org for x in xs if x.org} & {y.org for y in ys}
    )


def _remember(best: dict, rid: str, other: str, verdict) -> None:
    if verdict.strength > best.get(rid, (-1,))[0]:
        best[rid] = (verdict.strength, other, verdict.reasons)


class Linker:
    """Clusters of reports in memory: what the store does, for benchmarks and tests."""

    def __init__(self):
        self.reports: dict[str, Report] = {}
        self.cluster: dict[str, str] = {}  # report id -> cluster id
        self.members: dict[str, set[str]] = {}  # cluster id -> report ids
        self.spans: dict[str, tuple[int, int] | None] = {}
        self.index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.articles: dict[str, Article] = {}
        self.article_reports: dict[str, list[str]] = defaultdict(list)
        self.article_index: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.why: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.signatures: dict[str, list[int]] = {}
        self.bands: dict[str, list[str]] = defaultdict(list)

    def copies(self, signature: list[int] | None) -> dict[str, float]:
        """The stored articles this text is a near-duplicate of: {doc id: similarity}."""
        if signature is None:
            return {}
        docs = {doc for band in bands(signature) for doc in self.bands.get(band, ())}
        return copies(signature, {doc: self.signatures[doc] for doc in sorted(docs)})

    def add(
        self, reports: list[Report], article: Article | None = None, signature: list[int] | None = None
    ) -> Plan:
        """Link one article's reports into the clusters (its reports made with `near`
        from copies())."""
        reports = [r for r in reports if r.id not in self.reports]
        stories = self._stories(article) if article else {}
        found = self._found(reports, stories)
        plan = plan_links(reports, found, stories)
        for absorbed, survivor in plan.merged.items():
            for rid in self.members.pop(absorbed):
                self.cluster[rid] = survivor
                self.members[survivor].add(rid)
            self.spans[survivor] = _joined(self.spans[survivor], self.spans.pop(absorbed))
        for r in reports:
            self.reports[r.id] = r
            self.article_reports[r.doc_id].append(r.id)
            cid = plan.clusters[r.id]
            self.cluster[r.id] = cid
            self.members.setdefault(cid, set()).add(r.id)
            self.spans[cid] = _joined(self.spans.get(cid), span_of(r))
            for key, day in index_rows(r):
                self.index[key].append((day, r.id))
        if article and signature is not None:
            self.signatures[article.doc_id] = signature
            for band in bands(signature):
                self.bands[band].append(article.doc_id)
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
            docs.update(
                doc for day, doc in self.article_index.get(key, ()) if abs(day - article.day) <= STORY_WINDOW
            )
        verdicts = {doc: compare_articles(article, self.articles[doc]) for doc in sorted(docs)}
        return {doc: v for doc, v in verdicts.items() if v.linked and doc != article.doc_id}

    def _found(self, reports: list[Report], stories: dict[str, Verdict]) -> list[Stored]:
        ids = {rid for doc in stories for rid in self.article_reports.get(doc, ())}
        for r in reports:
            for key, lo, hi in index_queries(r):
                ids.update(rid for day, rid in self.index.get(key, ()) if lo <= day <= hi)
        return [
            Stored(
                self.reports[rid],
                self.cluster[rid],
                len(self.members[self.cluster[rid]]),
                self.spans[self.cluster[rid]],
            )
            for rid in sorted(ids)
        ]

    def clusters(self) -> dict[str, set[str]]:
        return {cid: set(ids) for cid, ids in self.members.items()}


# ---------------------------------------------------------------- stored forms


def report_json(r: Report) -> str:
    """A report as the store keeps it (what linking reads of a record, compactly)."""
    return json.dumps(
        {
            "id": r.id,
            "doc": r.doc_id,
            "event": r.event,
            "actor": [_party(p) for p in r.actor],
            "recipient": [_party(p) for p in r.recipient],
            "lo": r.lo,
            "hi": r.hi,
            "precision": r.precision,
            "places": [_spot(s) for s in r.places],
            "location": _spot(r.location),
            "negated": r.negated,
            "sentence": r.sentence,
            "reported": r.reported,
            "setting": _spot(r.setting),
            "near": sorted(r.near),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _party(p: Party) -> list:  # (dataclasses.astuple deep-copies: ten times slower)
    return [p.id, p.name, p.country, p.sector, p.level, p.org, p.place]


def _spot(s: Spot | None) -> list | None:
    return [s.name, s.country, s.city, s.lat, s.lon] if s else None


def report_from_json(text: str) -> Report:
    """The report a stored form holds (reports are immutable: the store's writer reads the
    same stored reports for article after article of one story, so each text is parsed once)."""
    return _parsed(_REPORTS, text, _report_from_json)


_PARSED = 5_000  # stored forms kept parsed, of each kind (~1-2 KB each with their texts)
_REPORTS: dict[str, Report] = {}


def _parsed(cache: dict, text: str, parse):
    """The parse of a stored text, kept in `cache` (emptied when it holds _PARSED)."""
    found = cache.get(text)
    if found is None:
        if len(cache) >= _PARSED:
            cache.clear()
        found = cache[text] = parse(text)
    return found


def _report_from_json(text: str) -> Report:
    d = json.loads(text)
    return Report(
        id=d["id"],
        doc_id=d["doc"],
        event=d["event"],
        actor=tuple(_party_of(p) for p in d["actor"]),
        recipient=tuple(_party_of(p) for p in d["recipient"]),
        lo=d["lo"],
        hi=d["hi"],
        precision=d["precision"],
        places=tuple(Spot(*s) for s in d["places"]),
        location=Spot(*d["location"]) if d["location"] else None,
        negated=d["negated"],
        sentence=d["sentence"],
        reported=d["reported"],
        setting=Spot(*d["setting"]) if d["setting"] else None,
        near=frozenset(d["near"]),
    )


_PARTIES: dict[tuple, Party] = {}  # one Party per stored form: the same actors recur in report after report


def _party_of(stored: list) -> Party:
    # (stored before parties said whether they are places: six fields, compared as not)
    key = tuple(stored)
    party = _PARTIES.get(key)
    if party is None:
        if len(_PARTIES) >= 100_000:
            _PARTIES.clear()
        party = _PARTIES[key] = Party(*key)
    return party


def article_json(a: Article) -> str:
    return json.dumps(
        {
            "doc": a.doc_id,
            "day": a.day,
            "names": dict(a.labels),
            "countries": list(a.countries),
            "terms": sorted(a.terms),
        },
        ensure_ascii=False,
    )


def article_from_json(text: str) -> Article:
    """(Parsed once per text, as reports are.)"""
    return _parsed(_ARTICLES, text, _article_from_json)


_ARTICLES: dict[str, Article] = {}


def _article_from_json(text: str) -> Article:
    d = json.loads(text)
    return Article(
        d["doc"],
        d["day"],
        frozenset(d["names"]),
        tuple(d["countries"]),
        tuple(sorted(d["names"].items())),
        frozenset(d.get("terms", ())),  # (stored before articles kept their text's names: none)
    )
