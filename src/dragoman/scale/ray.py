"""The pipeline on a Ray cluster: `dragoman ray-extract SHARDS... --output DIR` (cli/ray.py).

Input is a collection split into shards: JSON-lines files (.jsonl, .jsonl.gz; one document
a line, dragoman or news-please fields) or Parquet files (one document a row, the same
fields as columns). Ray Data hands the shards to a pool of actors; each actor loads ONE
Pipeline (one spaCy model) and turns a whole shard into one Parquet file of event records
(the columns of the event record contract, nested fields as Parquet structs and lists).

A run is resumable: each output shard is written under a temporary name and renamed when
complete, and shards whose output exists are skipped, so a killed run, started again,
does only what is left. The output folder and the inputs must be reachable by every node
(a shared file system) when the cluster has more than one machine.

Ray is an optional extra: `pip install dragoman[ray]`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, UsageError
from ..pipeline import Pipeline, Result
from ..run import run
from ..settings import Settings

SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
OUTPUT_SUFFIX = ".events.parquet"


def _need_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise UsageError(
            "the Ray engine needs Ray: `pip install dragoman[ray]` "
            "(or `pip install 'ray[data]'`), then run again"
        ) from exc
    return ray


# ---------------------------------------------------------------- shards in, shards out


def find_shards(inputs: list[str]) -> list[Path]:
    """The shard files named or found (recursively) in the folders named, in a stable order."""
    shards: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            shards.extend(sorted(p for p in path.rglob("*") if p.is_file() and _is_shard(p)))
        elif path.is_file() and _is_shard(path):
            shards.append(path)
        else:
            raise UsageError(
                f"{name}: not a shard; give .jsonl, .jsonl.gz or .parquet files, or folders holding them"
            )
    return shards


def _is_shard(path: Path) -> bool:
    return path.name.lower().endswith(SHARD_SUFFIXES) and not path.name.startswith(".")


def output_for(shard: Path, output_dir: Path) -> Path:
    """One output per input shard; the path's hash keeps part-0.jsonl of two folders apart."""
    stem = shard.name
    for suffix in SHARD_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    digest = hashlib.sha1(str(shard.resolve()).encode()).hexdigest()[:8]
    return output_dir / f"{stem}-{digest}{OUTPUT_SUFFIX}"


def pending_shards(shards: list[Path], output_dir: Path) -> list[Path]:
    """Shards whose complete output is not there yet (a partial one never has the final name)."""
    return [s for s in shards if not output_for(s, output_dir).exists()]


# ---------------------------------------------------------------- one shard, in an actor


def read_shard(shard: Path, settings: Settings) -> Iterator[Result]:
    if shard.name.lower().endswith(".parquet"):
        yield from _parquet_documents(shard)
    else:
        from ..read import iter_documents

        yield from iter_documents([str(shard)], settings)


def _parquet_documents(shard: Path) -> Iterator[Result]:
    import pyarrow.parquet as pq

    from ..read import document_from_record

    row = 0
    for batch in pq.ParquetFile(shard).iter_batches(batch_size=256):
        for record in batch.to_pylist():
            row += 1
            origin = f"{shard}:{row}"
            try:
                yield document_from_record(_plain(record), f"{shard.stem}-{row}", origin)
            except InputError as exc:
                yield exc


def _plain(record: dict) -> dict:
    """Parquet timestamps and dates as ISO strings, as JSON inputs give them."""
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in record.items()}


def extract_shard(pipeline, shard: Path, output: Path) -> dict:
    """Run the pipeline over one shard and write its events; returns a summary row."""
    records, errors = [], []
    results = run(read_shard(shard, pipeline.settings), pipeline=pipeline)
    for doc in results.documents(lambda error: errors.append(str(error))):  # "source: reason"
        records.extend(doc.records())
    write_events(records, output)
    return {
        "shard": str(shard),
        "output": str(output),
        "documents": results.stats.documents,
        "events": len(records),
        "failed": len(errors),
        "errors": errors,
    }


def write_events(records: list[dict], output: Path) -> None:
    """Parquet, written under a temporary name and renamed: the final name means complete."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    pq.write_table(pa.Table.from_pylist(records, schema=schema_for(records)), partial)
    os.replace(partial, output)


def schema_for(records: list[dict]):
    """event_schema(), plus any field the records carry that it does not know yet.

    The record contract (Event.to_record) may grow a field: it is written, with the
    type Arrow infers, rather than dropped. A field the schema knows keeps its declared type
    (an empty shard, or a column that is null in every row, still has the same columns).
    """
    import pyarrow as pa

    base = event_schema()
    if not records:
        return base
    fields = []
    for field in pa.Table.from_pylist(records).schema:
        known = base.field(field.name) if field.name in base.names else None
        if known is not None and _names(field.type) <= _names(known.type):
            fields.append(known)
        else:
            fields.append(pa.field(field.name, pa.string() if pa.types.is_null(field.type) else field.type))
    return pa.schema(fields)


def _names(arrow_type) -> set[str]:
    """The field names of a struct (or of a list's structs); empty for anything else."""
    import pyarrow as pa

    while pa.types.is_list(arrow_type):
        arrow_type = arrow_type.value_type
    if pa.types.is_struct(arrow_type):
        return {arrow_type.field(i).name for i in range(arrow_type.num_fields)}
    return set()


def event_schema():
    """The event record (model.Event.to_record) as an Arrow schema: the one `dragoman export`
    writes, without the cluster a stored record has."""
    from ..export import parquet_schema

    return parquet_schema(stored=False)


class ShardExtractor:
    """The callable class Ray Data runs on each actor: one Pipeline, many shards."""

    def __init__(self, settings_values: dict, output_dir: str):
        self.pipeline = Pipeline(Settings(settings_values))
        self.output_dir = Path(output_dir)

    def __call__(self, batch: dict) -> dict:
        rows = [
            extract_shard(self.pipeline, Path(s), output_for(Path(s), self.output_dir))
            for s in batch["shard"]
        ]
        return {
            key: [r[key] for r in rows]
            for key in ("shard", "output", "documents", "events", "failed", "errors")
        }


# ---------------------------------------------------------------- the driver


def run_ray(
    inputs: list[str],
    output_dir: str | Path,
    settings: Settings | None = None,
    address: str | None = None,
    num_cpus: int | None = None,
    actors: int | None = None,
) -> dict:
    """Extract events from every pending shard on Ray; returns {"done": rows, "skipped": [...]}.

    address: an existing cluster ("auto", "ray://host:10001"); None starts a local one
    (with num_cpus CPUs) unless this process is already connected to one.
    """
    settings = settings or Settings.load()
    output_dir = Path(output_dir)
    shards = find_shards(inputs)
    todo = pending_shards(shards, output_dir)
    skipped = [str(s) for s in shards if s not in todo]
    if not todo:
        return {"done": [], "skipped": skipped}
    ray = _need_ray()
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    size = actors or max(1, min(len(todo), int(ray.cluster_resources().get("CPU", 1))))
    dataset = ray.data.from_items([{"shard": str(s)} for s in todo], override_num_blocks=len(todo))
    results = dataset.map_batches(
        ShardExtractor,
        fn_constructor_args=(settings.values, str(output_dir)),
        batch_size=1,
        num_cpus=1,
        compute=ray.data.ActorPoolStrategy(size=size),
    )
    return {"done": sorted(results.take_all(), key=lambda r: r["shard"]), "skipped": skipped}
