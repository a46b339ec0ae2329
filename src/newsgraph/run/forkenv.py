"""Imported first by the forkserver of a local cluster: the nanny's environment from Dask's configuration.

``run.local.start_forkserver`` spawns the forkserver before the client has
imported Dask, with the nanny's defaults (``spawn_environ``); what a user's
Dask configuration changes in ``distributed.nanny.pre-spawn-environ`` is
applied here, in the forkserver, before the rest of its preload imports numpy
(OpenBLAS reads ``OMP_NUM_THREADS`` when it loads). ``import dask`` does not
import numpy.

The garbage collector is paused from here until ``run.preload`` has loaded the
pipeline (it freezes what is loaded and starts the collector again before any
worker is forked): the forkserver's imports and model load are the critical
path of a run's start, and the collector walked the fresh modules again and
again meanwhile (docs/history/performance-log.md, "Session 12 (issue 13)").
"""

from __future__ import annotations

import gc
import os

gc.disable()

from .local import pre_spawn_environ  # noqa: E402

os.environ.update({k: v for k, v in pre_spawn_environ().items() if k != "PYTHONHASHSEED"})
