"""The actor network in direct calls (no server): per kind of filter, the page of events
alone, the network from the records' JSON (the computation before migration 15, kept as
tests/network_reference.py) and from record_entities (Store.actor_network).

    PYTHONPATH=src:benchmarks .venv/bin/python benchmarks/network_calls.py --db STORE [--queries 48]

The filters are serve_latency.py's (network_queries), --queries per count (events, then
clusters); each page is found once first (so that each timing finds it warm), the two
computations run in alternating order and their answers are asserted equal. Prints the
median ms per kind and p50 / p95 over all calls, as a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from network_reference import network_from_records  # noqa: E402
from serve_latency import network_queries  # noqa: E402
from synthetic import SEED, load, percentile  # noqa: E402

from dragoman.store import open_store  # noqa: E402
from dragoman.store.query import ORDERS  # noqa: E402


def timed(call) -> tuple[object, float]:
    started = time.perf_counter()
    out = call()
    return out, (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", type=int, default=48, help="per count (events, clusters)")
    args = parser.parse_args()
    with open_store(args.db) as store:
        rng = random.Random(SEED + 1)
        print(load())
        times: dict[str, list[tuple[float, float, float]]] = {}
        calls = 0
        for count in ("events", "clusters"):
            for _, params in network_queries(rng, args.queries, count):
                filters = {k: v for k, v in params.items() if k != "count"}
                sql, values = store._page_sql(
                    f"e.seq, ROW_NUMBER() OVER (ORDER BY {ORDERS['-date']}) AS pos",
                    1000,
                    0,
                    "-date",
                    filters,
                    seq_first=True,
                )
                store._fetch_tuples(sql, values)

                def before():
                    return network_from_records(store, filters, 1000, 40, count)

                def after():
                    return store.actor_network(count=count, **filters)

                if calls % 2:
                    (old, t_old), (new, t_new) = timed(before), timed(after)
                else:
                    (new, t_new), (old, t_old) = timed(after), timed(before)
                assert old == new, filters
                _, t_page = timed(lambda: store._fetch_tuples(sql, values))
                times.setdefault("+".join(sorted(filters)) or "(none)", []).append((t_page, t_old, t_new))
                calls += 1
        print(f"{calls} calls, the same answers\n")
        print("| kind | page alone | before (records' JSON) | after (record_entities) |\n|---|---|---|---|")
        for kind, ts in sorted(times.items()):
            print(
                f"| {kind} | "
                + " | ".join(f"{statistics.median(t[i] for t in ts):.0f}" for i in range(3))
                + " |"
            )
        every = [t for ts in times.values() for t in ts]
        print(
            "| all: p50 / p95 | "
            + " | ".join(
                f"{statistics.median(t[i] for t in every):.0f} / {percentile([t[i] for t in every], 95):.0f}"
                for i in range(3)
            )
            + " |"
        )
        print(load())


if __name__ == "__main__":
    main()
