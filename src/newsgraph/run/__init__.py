"""Distributed runs: analyse inputs on a Dask cluster into a Parquet dataset (docs/scale.md).

``analyze_batch`` is the engine-neutral core (a batch in, Arrow tables out);
``run`` drives it on Dask; ``iter_records`` reads a dataset back.

The names below are imported on first use, so importing one submodule does not
import pyarrow: ``run.preload`` runs in the forkserver that forks the workers,
which must not start pyarrow's allocator thread before it forks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import analyze_batch
    from .dataset import is_dataset, iter_records, read_table
    from .shards import Planner, Shard, plan_shards
    from .tables import record_tables, records_from_tables, schemas

_WHERE = {"analyze_batch": "batch", "is_dataset": "dataset", "iter_records": "dataset", "read_table": "dataset",
          "Planner": "shards", "Shard": "shards", "plan_shards": "shards", "record_tables": "tables",
          "records_from_tables": "tables", "schemas": "tables"}

__all__ = ["analyze_batch", "is_dataset", "iter_records", "read_table", "Planner", "Shard", "plan_shards",
           "record_tables", "records_from_tables", "schemas"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
