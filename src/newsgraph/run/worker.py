"""What runs inside a Dask worker process: its set-up and the task for one shard.

A Dask worker spent more CPU per article than a plain process, partly in its
memory allocator (docs/scale.md, "Why a Dask worker was slower"). Dask's nanny starts every worker with
``MALLOC_TRIM_THRESHOLD_=65536``, to hand freed memory back to the operating
system at once. Setting that variable also switches off glibc's adaptive
``mmap`` threshold, so every allocation over 128 KiB (spaCy's arrays for
each document) is mapped and unmapped anew: 13 times the page faults of a
plain process, and seconds of kernel time per hundred articles. A local
cluster starts its workers without the variable (``LOCAL_CLUSTER_CONFIG``);
on a cluster started by someone else, :func:`setup` raises the thresholds
in the running worker with ``mallopt`` (glibc only).

The rest of the difference was fixed cost (docs/scale.md, "Session 6"): each
spawned worker imported spaCy and Dask and loaded the pipeline itself, where
``analyze --processes`` loads it once and forks. On Linux the local cluster's
workers are now forked from a forkserver that loaded the pipeline first
(:func:`local_cluster_config`, ``run.preload``), and Dask's servers wake less
often (``LOCAL_CLUSTER_CONFIG``).
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys

from . import dataset
from .batch import analyze_batch

#: Dask settings for the local cluster ``newsgraph run`` starts (applied while it starts).
LOCAL_CLUSTER_CONFIG = {
    # a shard whose worker dies twice is reported instead of being tried forever
    "distributed.scheduler.allowed-failures": 1,
    # one shard per worker thread at a time: a worker that dies counts against its running shard
    # only, not also against one queued behind it (the next shard arrives within milliseconds)
    "distributed.scheduler.worker-saturation": 1.0,
    # None removes the variable: glibc's adaptive thresholds, as in a plain process
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Dask's sampling profiler wakes every 10 ms to walk the task's stack (~6% of a worker's samples)
    "distributed.worker.profile.enabled": False,
    # every Dask server (scheduler, nannies, workers) measures its event loop's responsiveness every
    # 20 ms: ~5% of a core for an idle 2-worker cluster, and a GIL hand-over in a busy worker each time
    # (docs/scale.md, "Session 6"); once a second still warns about an event loop blocked for seconds
    "distributed.admin.tick.interval": "1s",
    # CPU, memory, disk and network figures for the dashboard, every 500 ms by default in every server
    "distributed.admin.system-monitor.interval": "2s",
}

# glibc's mallopt parameters (malloc.h) and the thresholds the adaptive mode grows to at most on
# 64-bit Linux (DEFAULT_MMAP_THRESHOLD_MAX; the trim threshold follows at twice the mmap one)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 32 * 2**20
_TRIM_THRESHOLD = 2 * _MMAP_THRESHOLD


@functools.cache
def tune_malloc() -> bool:
    """Undo a low ``MALLOC_TRIM_THRESHOLD_`` in this process (True if it was set and glibc took the fix)."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))


def local_cluster_config(model: str | None) -> dict:
    """``LOCAL_CLUSTER_CONFIG``, and where fork is safe, workers forked from a forkserver that loaded
    the pipeline first (``run.preload``; the default model only, the one the forkserver knows)."""
    from ..pipeline import resolve_model, start_method

    config = dict(LOCAL_CLUSTER_CONFIG)
    if start_method() == "fork" and resolve_model(model) == resolve_model(None):
        config["distributed.worker.multiprocessing-method"] = "forkserver"
        _preload_forkserver(config)
    return config


def _preload_forkserver(config: dict) -> None:
    """Have this process's forkserver import ``run.preload`` (no effect once the forkserver runs)."""
    import multiprocessing

    import dask
    from distributed.utils import get_mp_context

    with dask.config.set(config):
        get_mp_context()  # Dask sets its own preload list once per process: ours goes after it
    # newsgraph.cli: what the `newsgraph` script imports, which each worker imports again (as __mp_main__)
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", "newsgraph.cli",
                                                                       "newsgraph.run.preload"])


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
