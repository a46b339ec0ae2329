"""What runs inside a Dask worker process: its set-up and the task for one shard.

A Dask worker spent more CPU per article than a plain process, partly in its
memory allocator (docs/scale.md, "Why a Dask worker was slower"). Dask's nanny starts every worker with
``MALLOC_TRIM_THRESHOLD_=65536``, to hand freed memory back to the operating
system at once. Setting that variable also switches off glibc's adaptive
``mmap`` threshold, so every allocation over 128 KiB (spaCy's arrays for
each document) is mapped and unmapped anew: 13 times the page faults of a
plain process, and seconds of kernel time per hundred articles. A local
cluster starts its workers without the variable (``run.local.LOCAL_CLUSTER_CONFIG``);
on a cluster started by someone else, :func:`setup` raises the thresholds
in the running worker with ``mallopt`` (glibc only).

The rest of the difference was fixed cost (docs/scale.md, "Session 6"): each
spawned worker imported spaCy and Dask and loaded the pipeline itself, where
``analyze --processes`` loads it once and forks. On Linux the local cluster's
workers are now forked from a forkserver that loaded the pipeline first
(``run.local``, ``run.preload``), and Dask's servers wake less often.
"""

from __future__ import annotations

import functools
import os

from .. import runtime
from . import dataset
from .batch import analyze_batch
from .local import LOCAL_CLUSTER_CONFIG, local_cluster_config  # noqa: F401 - where they were


@functools.cache
def tune_malloc() -> bool:
    """Undo a low ``MALLOC_TRIM_THRESHOLD_`` in this process (True if it was set and glibc took the fix):
    the thresholds every analysing process sets (:func:`newsgraph.runtime.tune_malloc`)."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    return runtime.tune_malloc()


def setup(model: str | None) -> str:
    """Prepare this worker process: the allocator, then the pipeline (loaded once; later tasks reuse it)."""
    from ..pipeline import resolve_model, shared_pipeline

    tune_malloc()
    shared_pipeline(resolve_model(model))
    return "ok"


def shard_task(items: list, key: str, seq: int, out: str, partition_by: str, model: str | None) -> dict:
    """What a worker runs for one shard: analyse, write the files, return the marker.

    A worker that Dask restarted after a crash gets its set-up here, with its first shard.
    """
    setup(model)
    tables = analyze_batch(items, model=model, shard=key)
    return dataset.write_shard(out, key, seq, tables, partition_by)
