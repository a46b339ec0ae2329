"""Imported by the forkserver that starts a local cluster's workers: the pipeline, loaded once.

``newsgraph run --workers N`` starts its Dask workers from a ``multiprocessing``
forkserver (``worker.local_cluster_config``). The forkserver imports this module
before it forks any worker, so every worker starts with the imports done and the
default pipeline loaded, its pages shared with the forkserver until written
(``load_pipeline`` freezes them out of the garbage collector's reach), as the
workers of ``analyze --processes`` share their parent's. Without it, each worker
was spawned, imported spaCy and Dask and loaded the pipeline itself: seconds of
CPU per worker, and on two cores, seconds of wall time before the first shard.

Why forking a loaded pipeline is safe here: the forkserver is a fresh process
that still has one thread when it forks (not the client, whose Dask event loop
and scheduler threads a fork would copy mid-flight); spaCy forks a loaded
pipeline itself (``nlp.pipe(n_process=...)``); the CPU models multiply with
thinc's single-threaded blis, and numpy's OpenBLAS (one thread here: the
forkserver inherits ``OMP_NUM_THREADS=1`` and friends, which Dask's nanny sets
before it starts the first worker) re-creates its thread pool after a fork.
This module therefore imports the pipeline and nothing of ``newsgraph.run``
itself: pyarrow, which the workers need for the Parquet files, starts a
jemalloc background thread on import, so each worker imports it after the fork.
Where fork is not safe (macOS, Windows, or $NEWSGRAPH_START_METHOD=spawn, see
``pipeline.start_method``) the workers are spawned as before.
"""

from __future__ import annotations

import gc

try:
    from ..pipeline import resolve_model, shared_pipeline

    shared_pipeline(resolve_model())  # the cache a worker's ``run.worker.setup`` looks in
except Exception:  # noqa: BLE001 - a worker's own setup loads the pipeline again and reports the error
    pass
finally:  # ``run.forkenv`` paused the collector for the imports: the workers get it running
    gc.freeze()
    gc.enable()
