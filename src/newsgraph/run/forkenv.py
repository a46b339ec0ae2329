"""Imported first by the forkserver of a local cluster: the nanny's environment from Dask's configuration.

``run.local.start_forkserver`` spawns the forkserver before the client has
imported Dask, with the nanny's defaults (``spawn_environ``); what a user's
Dask configuration changes in ``distributed.nanny.pre-spawn-environ`` is
applied here, in the forkserver, before the rest of its preload imports numpy
(OpenBLAS reads ``OMP_NUM_THREADS`` when it loads). ``import dask`` does not
import numpy.
"""

from __future__ import annotations

import os

from .local import pre_spawn_environ

os.environ.update({k: v for k, v in pre_spawn_environ().items() if k != "PYTHONHASHSEED"})
