"""The Ray engine on a local two-CPU cluster: shards in, event shards out, resumable.

Deselect with `-m "not ray"`; skipped only when Ray is not installed (pip install dragoman[ray]).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dragoman.errors import UsageError
from dragoman.read import iter_documents
from dragoman.scale.ray import event_schema, find_shards, output_for, pending_shards, run_ray, write_events

pytestmark = pytest.mark.ray

# Written for these tests.
TEXTS = [
    "Police in Nairobi arrested dozens of protesters on 3 May 2022, witnesses said.",
    "The foreign minister of Chile accused Peru of violating the border agreement.",
    "France and Germany signed a trade agreement in Paris on 9 May 2022.",
    "India imposed sanctions on Pakistan after the missile test, officials said.",
    "The president of Kenya met the prime minister of Somalia in Nairobi.",
    "Protesters marched in Lima against the government on Sunday.",
]


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shards")
    rows = [{"id": f"ray-{i}", "text": t, "date": "2022-05-10"} for i, t in enumerate(TEXTS)]
    for k in range(2):
        (folder / f"part-{k}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows[k * 2 : k * 2 + 2])
        )
    with (folder / "part-1.jsonl").open("a") as f:
        f.write('{"id": "no-text"}\n')  # a bad row, reported
    pa, pq = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist(rows[4:]), folder / "part-2.parquet")
    return folder


@pytest.fixture(scope="module")
def cluster():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def expected_records(pipeline, shard: Path) -> list[dict]:
    return [
        r
        for d in pipeline.run_many(iter_documents([str(shard)]))
        if hasattr(d, "records")
        for r in d.records()
    ]


def test_shards_are_found_and_named_apart(shards, tmp_path):
    found = find_shards([str(shards)])
    assert [p.name for p in found] == ["part-0.jsonl", "part-1.jsonl", "part-2.parquet"]
    other = tmp_path / "other" / "part-0.jsonl"
    other.parent.mkdir()
    other.write_text("")
    assert output_for(other, tmp_path) != output_for(found[0], tmp_path)
    with pytest.raises(UsageError, match="not a shard"):
        find_shards([str(tmp_path / "notes.txt")])


def test_a_field_new_to_the_schema_is_written_not_dropped(tmp_path):
    import pyarrow.parquet as pq

    record = {"id": "e1", "event": "PROTEST", "actor": [], "location": None, "new_field": "x"}
    write_events([record], tmp_path / "one.events.parquet")
    row = pq.read_table(tmp_path / "one.events.parquet").to_pylist()[0]
    assert row["new_field"] == "x" and row["event"] == "PROTEST" and row["actor"] == []


def test_a_partial_output_does_not_count_as_done(shards, tmp_path):
    shard = find_shards([str(shards)])[0]
    partial = output_for(shard, tmp_path)
    partial.with_name(f".{partial.name}.123.partial").write_text("half")
    assert pending_shards([shard], tmp_path) == [shard]
    write_events([], partial)
    assert pending_shards([shard], tmp_path) == []
    assert not list(tmp_path.glob(f".{partial.name}.{os.getpid()}.partial"))


def test_ray_run_writes_one_event_shard_per_input_and_resumes(cluster, shards, tmp_path, pipeline):
    import pyarrow.parquet as pq

    out = tmp_path / "events"
    first = run_ray([str(shards)], out, actors=2)
    assert len(first["done"]) == 3 and first["skipped"] == []
    by_shard = {Path(r["shard"]).name: r for r in first["done"]}
    assert by_shard["part-1.jsonl"]["failed"] == 1 and "no 'text'" in by_shard["part-1.jsonl"]["errors"][0]
    for shard in find_shards([str(shards)])[:2]:  # the JSONL shards, against one process
        table = pq.read_table(output_for(shard, out))
        for field in event_schema():  # the declared columns, with their types
            assert table.schema.field(field.name).type == field.type
        assert table.to_pylist() == expected_records(pipeline, shard)
    parquet_rows = pq.read_table(output_for(find_shards([str(shards)])[2], out)).to_pylist()
    assert {r["doc_id"] for r in parquet_rows} == {"ray-4", "ray-5"}
    assert sum(r["events"] for r in first["done"]) >= 5

    # Run again after losing one output: only that shard is done again.
    kept = output_for(find_shards([str(shards)])[0], out)
    mtime = kept.stat().st_mtime_ns
    output_for(find_shards([str(shards)])[2], out).unlink()
    second = run_ray([str(shards)], out, actors=1)
    assert [Path(r["shard"]).name for r in second["done"]] == ["part-2.parquet"]
    assert len(second["skipped"]) == 2 and kept.stat().st_mtime_ns == mtime
    assert run_ray([str(shards)], out)["done"] == []


def test_cli_skips_shards_already_done_without_starting_ray(shards, tmp_path):
    from click.testing import CliRunner

    from dragoman.cli import main

    for shard in find_shards([str(shards)]):
        write_events([], output_for(shard, tmp_path))
    result = CliRunner().invoke(main, ["ray-extract", str(shards), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "0 shards done (3 already done, skipped), 0 documents" in result.output
