"""The Parquet dataset a run writes, and how it is read back.

Layout (docs/scale.md)::

    DATASET/
      _newsgraph.json                       what this is, how it is partitioned
      _shards/<key>.json                    one marker per finished shard (its files, counts)
      articles/month=2020-11/<key>.parquet  record tables, Hive-partitioned by publication date
      actors/ mentions/ times/ quantities/ places/ quotes/ claims/ events/   (the same)
      bands/<key>.parquet                   MinHash bands of each article (near-duplicate lookup)
      skipped/<key>.parquet                 inputs not analysed, with their reasons
      near_duplicates/ corpus_actors/ actor_links/   corpus-level tables (newsgraph.run.corpus)

Every file is written to a hidden temporary name and renamed into place, so
a reader never sees half a file; a shard counts as done only once its marker
exists, and its files have fixed names, so a shard written again after a
crash replaces its own files instead of adding rows.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import InputError
from ..ingest.skipped import Skipped
from ..records import SCHEMA, Record
from .tables import RECORD_TABLES, arrow_table, empty_tables, iso, records_from_tables, schemas

FORMAT = "newsgraph-dataset"
MANIFEST = "_newsgraph.json"
MARKERS = "_shards"
#: Partition granularity → length of the YYYY-MM-DD prefix it keeps.
GRANULARITY = {"year": 4, "month": 7, "day": 10}
UNKNOWN = "unknown"


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a directory written by ``newsgraph run``."""
    return (Path(path) / MANIFEST).is_file()


def manifest(path: str | Path) -> dict[str, Any]:
    try:
        meta = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"not a newsgraph dataset ({exc}); pass the --out directory of `newsgraph run`",
                         source=str(path)) from None
    if meta.get("format") != FORMAT:
        raise InputError("not a newsgraph dataset; pass the --out directory of `newsgraph run`", source=str(path))
    return meta


def create(path: str | Path, partition_by: str = "month") -> dict[str, Any]:
    """Start a dataset at ``path`` or reopen one; refuse a directory that holds something else."""
    path = Path(path)
    if partition_by not in GRANULARITY:
        raise InputError(f"cannot partition by {partition_by!r}; use one of {', '.join(GRANULARITY)}")
    if is_dataset(path):
        meta = manifest(path)
        if meta["partition_by"] != partition_by:
            raise InputError(f"the dataset is partitioned by {meta['partition_by']}, not {partition_by}; "
                             f"pass --partition-by {meta['partition_by']} or a new --out", source=str(path))
        return meta
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InputError("--out exists and is not a newsgraph dataset; pass a new or empty directory",
                         source=str(path))
    meta = {"format": FORMAT, "schema": SCHEMA, "partition_by": partition_by}
    path.mkdir(parents=True, exist_ok=True)
    _atomic_bytes(path / MANIFEST, json.dumps(meta, indent=2).encode())
    return meta


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def _atomic_bytes(path: Path, data: bytes) -> None:
    tmp = _tmp(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_table(table: pa.Table, path: Path) -> None:
    """Write one Parquet file atomically (temporary name, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp(path)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def partition_value(published: str | None, by: str) -> str:
    n = GRANULARITY[by]
    return published[:n] if published and len(published) >= n and published[:4].isdigit() else UNKNOWN


def done_keys(path: str | Path) -> set[str]:
    """Keys of the shards whose output is complete."""
    d = Path(path) / MARKERS
    return {p.stem for p in d.glob("*.json")} if d.is_dir() else set()


def markers(path: str | Path) -> list[dict[str, Any]]:
    """The markers of finished shards, in the order they were planned."""
    d = Path(path) / MARKERS
    out = [json.loads(p.read_text(encoding="utf-8")) for p in d.glob("*.json")] if d.is_dir() else []
    return sorted(out, key=lambda m: (m["seq"], m["key"]))


def clean(path: str | Path) -> int:
    """Remove what an interrupted run left: files of shards without a marker, temporary files,
    and failure records (a rerun tries those inputs again). One run per dataset at a time."""
    root, done, removed = Path(path), done_keys(path), 0
    for table in (*RECORD_TABLES, "bands", "skipped"):
        d = root / table
        if not d.is_dir():
            continue
        for f in d.rglob("*"):
            stale = f.name.endswith(".tmp") or f.name.endswith(".failed.parquet") or (
                f.suffix == ".parquet" and f.stem not in done)
            if f.is_file() and stale:
                f.unlink()
                removed += 1
    return removed


def contents(path: str | Path) -> dict[str, str | None]:
    """The sources of the inputs a dataset holds: None for an article, else the kind of skip."""
    arts = read_table(path, "articles", ["source"]).column("source").to_pylist()
    sk = read_table(path, "skipped", ["source", "kind"])
    known: dict[str, str | None] = dict(zip(sk.column("source").to_pylist(), sk.column("kind").to_pylist(),
                                            strict=True))
    known.update((s, None) for s in arts if s is not None)
    return known


def write_shard(path: str | Path, key: str, seq: int, tables: dict[str, pa.Table],
                partition_by: str) -> dict[str, Any]:
    """Write a shard's tables under ``key``, then its marker; returns the marker."""
    root = Path(path)
    arts = tables["articles"]
    part_of = dict(zip(arts.column("id").to_pylist(),
                       (partition_value(iso(p), partition_by) for p in arts.column("published").to_pylist()),
                       strict=True))
    files: dict[str, list[str]] = {}
    for table in RECORD_TABLES:
        t = tables[table]
        ids = t.column("id" if table == "articles" else "article_id").to_pylist()
        parts = [part_of[i] for i in ids]
        for value in sorted(set(parts)):
            rel = f"{table}/{partition_by}={value}/{key}.parquet"
            write_table(t.filter(pa.array([p == value for p in parts])), root / rel)
            files.setdefault(table, []).append(rel)
    for table in ("bands", "skipped"):
        if tables[table].num_rows:
            rel = f"{table}/{key}.parquet"
            write_table(tables[table], root / rel)
            files[table] = [rel]
    (root / "skipped" / f"{key}.failed.parquet").unlink(missing_ok=True)
    skipped = tables["skipped"]
    marker = {"key": key, "seq": seq, "articles": arts.num_rows, "skipped": skipped.num_rows,
              "skipped_kinds": _counts(skipped.column("kind").to_pylist()), "files": files}
    (root / MARKERS).mkdir(exist_ok=True)
    _atomic_bytes(root / MARKERS / f"{key}.json", json.dumps(marker).encode())
    return marker


def _counts(values: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def write_failure(path: str | Path, key: str, sources: list[str], reason: str) -> None:
    """Record every input of a shard that could not be analysed (kept until the shard succeeds)."""
    from .tables import _now

    rows = [{"source": s, "kind": "shard_failed", "reason": reason, "at": _now(), "shard": key} for s in sources]
    write_table(arrow_table("skipped", rows),
                Path(path) / "skipped" / f"{key}.failed.parquet")


def shard_tables(path: str | Path, marker: dict[str, Any]) -> dict[str, pa.Table]:
    """A finished shard's tables, read from the files its marker lists."""
    root = Path(path)
    out = empty_tables()
    for table, rels in marker["files"].items():
        out[table] = pa.concat_tables([pq.read_table(root / r, schema=schemas()[table]) for r in rels])
    return out


def iter_records(path: str | Path) -> Iterator[tuple[Record, str | None] | Skipped]:
    """Every record of a dataset (with its source) and every skipped input, shard by shard."""
    manifest(path)
    for marker in markers(path):
        tables = shard_tables(path, marker)
        yield from records_from_tables(tables)
        for row in tables["skipped"].to_pylist():
            yield Skipped(row["source"], row["kind"], row["reason"])
    for failed in sorted((Path(path) / "skipped").glob("*.failed.parquet")):
        for row in pq.read_table(failed).to_pylist():
            yield Skipped(row["source"], row["kind"], row["reason"])


def read_table(path: str | Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """One table of the whole dataset (partition column included for record tables)."""
    import pyarrow.dataset as ds

    d = Path(path) / table
    if not d.is_dir() or next(d.rglob("*.parquet"), None) is None:
        empty = schemas()[table].empty_table() if table in schemas() else pa.table({})
        return empty.select(columns) if columns and table in schemas() else empty
    return ds.dataset(d, format="parquet", partitioning="hive").to_table(columns=columns)


def article_order(path: str | Path) -> pa.Table:
    """``id`` with ``order`` (input order across shards) for every article of the dataset."""
    seq = {m["key"]: m["seq"] for m in markers(path)}
    arts = read_table(path, "articles", ["id", "shard", "pos"])
    shard_seq = pa.array([seq.get(s, 1 << 40) for s in arts.column("shard").to_pylist()], pa.int64())
    order = pc.add(pc.multiply(shard_seq, 1 << 22), arts.column("pos"))
    return pa.table({"id": arts.column("id"), "order": order}).sort_by("order")
