"""Distributed runs: analyse inputs on a Dask cluster into a Parquet dataset (docs/scale.md).

``analyze_batch`` is the engine-neutral core (a batch in, Arrow tables out);
``run`` drives it on Dask; ``iter_records`` reads a dataset back.
"""

from .batch import analyze_batch
from .dataset import is_dataset, iter_records, read_table
from .shards import Planner, Shard, plan_shards
from .tables import record_tables, records_from_tables, schemas

__all__ = ["analyze_batch", "is_dataset", "iter_records", "read_table", "Planner", "Shard", "plan_shards",
           "record_tables", "records_from_tables", "schemas"]
