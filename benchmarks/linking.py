"""Linking reports across articles, measured on the news-clusters corpus.

    PYTHONPATH=src .venv/bin/python benchmarks/linking.py [--records FILE] [--all] [--missed] [--json OUT]

The corpus (../shared/corpus/news-clusters/data) groups 383 articles by the real-world
event they report (`newsCluster`); its 153 "world" articles fall in 20 events (695 pairs
of articles about one event). The records are extracted once with
`dragoman extract DATA --format jsonl --workers 2` and cached (--records; default
/tmp/dragoman-linking/news-clusters.jsonl, made when missing); each article's records are
then linked, article by article in date order, as the store links them at ingest.

Printed, over the world articles (and with --all over all 383):
- pair precision / recall: of "these two articles have a record in one cluster" against
  "these two articles report the same corpus event";
- B-cubed precision / recall per corpus event: for each article, the share of the
  articles it is linked with (itself included) that report its event, and the share of
  its event's articles it is linked with; averaged per event, then over events;
- the same pair figures for exact matching (type, actor and recipient countries, date all
  equal), the baseline of issue 13;
- how many same-event pairs are out of reach: an article without records, or the two
  published more than 30 days apart; and the pair recall within reach (over the other
  pairs), which is what the rules can be judged by on these records;
- the pairs within reach linked, by days between their articles (0-2, 3-7, 8-30);
- the pair figures on two halves of the corpus events (every other event by name), one
  to tune rules on and one to check them: a linked pair counts for a half when either of
  its articles is in it.

With --missed: every world same-event pair within reach left unlinked, with its articles'
days apart, whether they tell one story, and why the record pair that came closest did
not link (the first rule of compare() that said no), counted by cause.
"""

from __future__ import annotations

import argparse
import ast
import itertools
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from dragoman.linking.articles import article_of, article_setting, compare_articles
from dragoman.linking.clustering import Linker
from dragoman.linking.neardup import signature
from dragoman.linking.rules import compare, report_of, type_pairs

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/news-clusters/data"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/news-clusters/data")
CACHE = Path("/tmp/dragoman-linking/news-clusters.jsonl")


def load_articles() -> dict[str, dict]:
    """{doc id: {event, category, date, source, text}} from the corpus files."""
    articles = {}
    for path in sorted(CORPUS.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        cluster = d["newsCluster"]
        cluster = ast.literal_eval(cluster) if isinstance(cluster, str) else cluster
        articles[path.stem] = {
            "event": cluster["Event"],
            "category": cluster["Category"],
            "date": (d.get("date_publish") or "")[:10] or None,
            "source": d.get("source_domain"),
            "text": d.get("text") or "",
        }
    return articles


def load_records(path: Path) -> dict[str, list[dict]]:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"extracting records into {path} ...", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "dragoman.cli",
                "extract",
                str(CORPUS),
                "--format",
                "jsonl",
                "--workers",
                "2",
                "-o",
                str(path),
            ],
            check=True,
        )
    records = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        records[r["doc_id"]].append(r)
    return records


def link(
    articles: dict, records: dict, ids: list[str], order: list[str] | None = None
) -> tuple[Linker, float]:
    """Link the articles' records as they would arrive: in order of publication (or in
    the order given)."""
    linker = Linker()
    start = time.perf_counter()
    for doc in order or sorted(ids, key=lambda d: (articles[d]["date"] or "", d)):
        sig = signature(articles[doc]["text"])
        near = frozenset(linker.copies(sig))
        setting = article_setting(records.get(doc, []))
        linker.add(
            [report_of(r, articles[doc]["date"], near, setting) for r in records.get(doc, [])],
            article_of(doc, records.get(doc, []), articles[doc]["date"], articles[doc]["text"]),
            sig,
        )
    return linker, time.perf_counter() - start


def linked_pairs(linker: Linker) -> set[tuple[str, str]]:
    pairs = set()
    for members in linker.members.values():
        docs = sorted({linker.reports[r].doc_id for r in members})
        pairs.update(itertools.combinations(docs, 2))
    return pairs


def exact_pairs(records: dict, ids: list[str]) -> set[tuple[str, str]]:
    """Issue 13's baseline: records equal in type, actor and recipient countries, date."""
    keyed = defaultdict(set)
    for doc in ids:
        for r in records.get(doc, []):
            key = (
                r["event"],
                tuple(sorted({e["country"] or "" for e in r["actor"]})),
                tuple(sorted({e["country"] or "" for e in r["recipient"]})),
                r["date"],
            )
            keyed[key].add(doc)
    return {p for docs in keyed.values() for p in itertools.combinations(sorted(docs), 2)}


def scores(pairs: set, articles: dict, ids: list[str]) -> dict:
    gold = {
        p
        for p in itertools.combinations(sorted(ids), 2)
        if articles[p[0]]["event"] == articles[p[1]]["event"]
    }
    found = {p for p in pairs if p[0] in articles and p[1] in articles and p[0] in ids and p[1] in ids}
    hits = len(found & gold)
    return {
        "gold_pairs": len(gold),
        "linked_pairs": len(found),
        "correct": hits,
        "pair_precision": hits / len(found) if found else 1.0,
        "pair_recall": hits / len(gold) if gold else 1.0,
    }


def bcubed(pairs: set, articles: dict, ids: list[str]) -> dict:
    """B-cubed over articles, averaged per corpus event, then over events."""
    linked = defaultdict(set)
    for a, b in pairs:
        linked[a].add(b)
        linked[b].add(a)
    per_event = defaultdict(list)
    for doc in ids:
        mine = linked[doc] | {doc}
        same = {d for d in ids if articles[d]["event"] == articles[doc]["event"]}
        per_event[articles[doc]["event"]].append((len(mine & same) / len(mine), len(mine & same) / len(same)))
    events = {e: (sum(p for p, _ in v) / len(v), sum(r for _, r in v) / len(v)) for e, v in per_event.items()}
    return {
        "precision": sum(p for p, _ in events.values()) / len(events),
        "recall": sum(r for _, r in events.values()) / len(events),
        "events": events,
    }


def reach(articles: dict, records: dict, ids: list[str]) -> dict:
    from datetime import date

    gold = [
        p
        for p in itertools.combinations(sorted(ids), 2)
        if articles[p[0]]["event"] == articles[p[1]]["event"]
    ]
    empty = [p for p in gold if not records.get(p[0]) or not records.get(p[1])]

    def apart(p):
        a, b = (articles[d]["date"] for d in p)
        return a and b and abs(date.fromisoformat(a).toordinal() - date.fromisoformat(b).toordinal())

    far = [p for p in gold if p not in empty and (apart(p) or 0) > 30]
    return {
        "without_records": len(empty),
        "over_30_days_apart": len(far),
        "within_reach": len(gold) - len(empty) - len(far),
        "pairs": set(gold) - set(empty) - set(far),
    }


def halves(pairs: set, articles: dict, ids: list[str]) -> dict:
    """Pair precision and recall on two halves of the corpus events (every other event
    by name): a linked pair counts for a half when either of its articles is in it."""
    events = sorted({articles[d]["event"] for d in ids})
    out = {}
    for name, mine in (("A", set(events[0::2])), ("B", set(events[1::2]))):
        docs = [d for d in ids if articles[d]["event"] in mine]
        touching = [p for p in pairs if articles[p[0]]["event"] in mine or articles[p[1]]["event"] in mine]
        right = sum(articles[a]["event"] == articles[b]["event"] for a, b in touching)
        out[name] = {
            "pair_precision": right / len(touching) if touching else 1.0,
            "pair_recall": scores(pairs, articles, docs)["pair_recall"],
            "linked_pairs": len(touching),
        }
    return out


def order_effect(articles: dict, records: dict, ids: list[str], rounds: int) -> dict:
    """How much the clusters change when the articles arrive in another order: in two
    batches (the later half of the corpus first), and shuffled. Counted as record pairs
    in one cluster in one run and not in the other."""

    def pairs(order):
        linker, _ = link(articles, records, ids, order)
        return {p for m in linker.members.values() for p in itertools.combinations(sorted(m), 2)}

    by_date = sorted(ids, key=lambda d: (articles[d]["date"] or "", d))
    base = pairs(by_date)
    half = len(by_date) // 2
    orders = {"two batches, later half first": by_date[half:] + by_date[:half]}
    rng = random.Random(13)
    for i in range(rounds):
        orders[f"shuffled {i + 1}"] = rng.sample(by_date, len(by_date))
    return {name: len(base ^ pairs(order)) for name, order in orders.items()} | {
        "record pairs in one cluster (by date)": len(base)
    }


def report(name: str, articles: dict, records: dict, ids: list[str]) -> dict:
    linker, seconds = link(articles, records, ids)
    pairs = linked_pairs(linker)
    out = {
        "articles": len(ids),
        "records": sum(len(records.get(d, [])) for d in ids),
        "clusters": len(linker.members),
        "seconds": round(seconds, 2),
        "linked": scores(pairs, articles, ids),
        "bcubed": bcubed(pairs, articles, ids),
        "exact": scores(exact_pairs(records, ids), articles, ids),
        "reach": reach(articles, records, ids),
        "halves": halves(pairs, articles, ids),
    }
    reachable = out["reach"].pop("pairs")
    out["reach"]["linked"] = len(pairs & reachable)
    out["reach"]["by_days_apart"] = by_days_apart(pairs, articles, reachable)
    s, b, x = out["linked"], out["bcubed"], out["exact"]
    print(
        f"{name}: {out['articles']} articles, {out['records']} records, "
        f"{out['clusters']} clusters ({out['seconds']} s)"
    )
    print(
        f"  pair precision {s['pair_precision']:.3f}, recall {s['pair_recall']:.3f} "
        f"({s['correct']} of {s['linked_pairs']} linked pairs correct; "
        f"{s['gold_pairs']} same-event pairs)"
    )
    print(f"  B-cubed precision {b['precision']:.3f}, recall {b['recall']:.3f} (per event)")
    print(f"  exact matching: pair precision {x['pair_precision']:.3f}, recall {x['pair_recall']:.3f}")
    r = out["reach"]
    print(
        f"  same-event pairs: {r['without_records']} with an article without records, "
        f"{r['over_30_days_apart']} more than 30 days apart, {r['within_reach']} otherwise"
    )
    print(
        f"  recall within reach {r['linked'] / max(1, r['within_reach']):.3f} "
        f"({r['linked']} of the {r['within_reach']} pairs with records, <= 30 days apart)"
    )
    print(
        "  within reach, by days between the articles: "
        + "; ".join(f"{k} {n} of {m}" for k, (n, m) in r["by_days_apart"].items())
    )
    h = out["halves"]
    print(
        "  halves of the events: "
        + "; ".join(
            f"{k} precision {v['pair_precision']:.3f}, recall {v['pair_recall']:.3f}" for k, v in h.items()
        )
    )
    return out


def missed(articles: dict, records: dict, ids: list[str], linker: Linker) -> list[dict]:
    """The same-event pairs within reach that share no cluster, each with why its records
    did not link: the failure of the record pair that came closest (the first rule that
    said no, in compare()'s order), and whether the two articles tell one story."""
    pairs = linked_pairs(linker)
    reports = defaultdict(list)
    for r in linker.reports.values():
        reports[r.doc_id].append(r)
    arts = {d: article_of(d, records.get(d, []), articles[d]["date"], articles[d]["text"]) for d in ids}
    rank = ("types", "negation", "dates", "places", "parties", "too little", "linked")
    out = []
    for a, b in sorted(reach(articles, records, ids)["pairs"] - pairs):
        story = compare_articles(arts[a], arts[b])
        best = ("types", None, None, ())
        for x in reports[a]:
            for y in reports[b]:
                if x.event != y.event and (x.event, y.event) not in type_pairs():
                    continue
                v = compare(x, y, story)
                cause = "linked" if v.linked else _cause(v.reasons[-1])
                if rank.index(cause) > rank.index(best[0]):
                    best = (cause, x, y, v.reasons)
        out.append(
            {
                "pair": (a, b),
                "event": articles[a]["event"],
                "apart": _bucket(_days_apart(articles, (a, b))),
                "story": story.linked,
                "cause": best[0],
                "x": best[1],
                "y": best[2],
                "reasons": best[3],
            }
        )
    return out


def _days_apart(articles: dict, pair: tuple[str, str]) -> int:
    from datetime import date

    a, b = (date.fromisoformat(articles[d]["date"]).toordinal() for d in pair)
    return abs(a - b)


def _bucket(days: int) -> str:
    """Articles of one story appear within a couple of days (articles.STORY_WINDOW);
    a week or more apart, two articles of one corpus event mostly report two happenings
    of it (a second launch, the aftermath of a crash), which only a record dated back to
    the first can link."""
    return "0-2 days" if days <= 2 else ("3-7 days" if days <= 7 else "8-30 days")


def by_days_apart(pairs: set, articles: dict, reachable: set) -> dict[str, tuple[int, int]]:
    """Of the same-event pairs within reach, how many are linked, by how far apart their
    articles appeared: {bucket: (linked, pairs)}."""
    out = defaultdict(lambda: [0, 0])
    for p in reachable:
        row = out[_bucket(_days_apart(articles, p))]
        row[0] += p in pairs
        row[1] += 1
    return {k: tuple(v) for k, v in sorted(out.items())}


def _cause(reason: str) -> str:
    for prefix, cause in (
        ("one report says", "negation"),
        ("dates", "dates"),
        ("a year", "dates"),
        ("a report has no date", "dates"),
        ("different places", "places"),
        ("different actor", "parties"),
        ("different recipient", "parties"),
        ("too little", "too little"),
    ):
        if reason.startswith(prefix):
            return cause
    return "other: " + reason


def print_missed(rows: list[dict]) -> None:
    counts = defaultdict(int)
    for row in rows:
        counts[(row["apart"], row["cause"], row["story"])] += 1
    print(f"  unlinked same-event pairs within reach: {len(rows)}, by days apart and cause")
    for (apart, cause, story), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"    {apart:9} {n:4} {cause}{' (one story)' if story else ''}")
    for row in rows:
        a, b = row["pair"]
        print(
            f"  {row['event'][:30]:30} {a[:8]} {b[:8]} {row['apart']} {row['cause']}"
            + (" story" if row["story"] else "")
        )
        for r in (row["x"], row["y"]):
            if r is not None:
                who = lambda ps: ",".join(f"{p.name}/{p.country or '-'}/{p.id or '-'}" for p in ps)  # noqa: E731
                where = (r.location or r.setting).name if (r.location or r.setting) else "-"
                print(
                    f"      {r.event} [{who(r.actor)}] -> [{who(r.recipient)}] {r.precision} {r.lo} @{where}"
                )
        if row["reasons"]:
            print(f"      why not: {'; '.join(row['reasons'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, default=CACHE)
    parser.add_argument("--all", action="store_true", help="also over all 383 articles")
    parser.add_argument("--events", action="store_true", help="B-cubed of each event")
    parser.add_argument(
        "--orders", type=int, default=0, metavar="N", help="also link in two batches and in N shuffled orders"
    )
    parser.add_argument(
        "--missed",
        action="store_true",
        help="list the world same-event pairs within reach left unlinked, and why",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    articles, records = load_articles(), load_records(args.records)
    world = [d for d, a in articles.items() if a["category"] == "world"]
    results = {"world": report("world", articles, records, world)}
    if args.events:
        for event, (p, r) in sorted(results["world"]["bcubed"]["events"].items()):
            print(f"    {event[:60]:60} B-cubed P {p:.2f} R {r:.2f}")
    if args.missed:
        linker, _ = link(articles, records, world)
        print_missed(missed(articles, records, world, linker))
    if args.all:
        results["all"] = report("all", articles, records, list(articles))
    if args.orders:
        results["orders"] = order_effect(articles, records, list(articles), args.orders)
        for what, n in results["orders"].items():
            print(
                f"  {what}: {n}"
                + ("" if what.startswith("record") else " record pairs differ from arrival by date")
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
