"""The local cluster ``newsgraph run --workers N`` starts: its Dask settings and its forkserver.

On Linux the workers are forked from a ``multiprocessing`` forkserver that
imported ``run.preload`` (the pipeline, loaded once) before it forks any
worker (docs/scale.md, "Session 6"). :func:`start_forkserver` starts that
forkserver first thing in a run, so that its imports and model load (~2.5 s
of one core) overlap what the client does meanwhile: import Dask, open the
dataset, start the scheduler and the nannies. The nannies then find it
running and ask it for workers.

This module imports neither spaCy, pyarrow nor Dask when it is loaded: it is
what a run does before anything else.
"""

from __future__ import annotations

import importlib.util
import os

#: Dask settings for the local cluster ``newsgraph run`` starts (applied while it starts).
LOCAL_CLUSTER_CONFIG = {
    # a shard whose worker dies twice is reported instead of being tried forever
    "distributed.scheduler.allowed-failures": 1,
    # one shard per worker thread at a time: a worker that dies counts against its running shard
    # only, not also against one queued behind it (the next shard arrives within milliseconds)
    "distributed.scheduler.worker-saturation": 1.0,
    # None removes the variable: glibc's adaptive thresholds, as in a plain process (run/worker.py)
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Dask's sampling profiler wakes every 10 ms to walk the task's stack (~6% of a worker's samples)
    "distributed.worker.profile.enabled": False,
    # every Dask server (scheduler, nannies, workers) measures its event loop's responsiveness every
    # 20 ms: ~5% of a core for an idle 2-worker cluster, and a GIL hand-over in a busy worker each time
    # (docs/scale.md, "Session 6"); once a second still warns about an event loop blocked for seconds
    "distributed.admin.tick.interval": "1s",
    # CPU, memory, disk and network figures for the dashboard, every 500 ms by default in every server
    "distributed.admin.system-monitor.interval": "2s",
    # the worker's and the nanny's memory checks (pause, spill, and the nanny's kill at 95% of the limit)
    # every 100 ms by default: 1.2% of a busy worker's samples under py-spy (docs/scale.md, "Session 7");
    # a worker grows by one article's arrays at a time, which 500 ms still catch
    "distributed.worker.memory.monitor-interval": "500ms",
}

# What Dask's own forkserver preloads (distributed.utils.get_mp_context: its required and optional
# packages), then newsgraph.cli (what the `newsgraph` script imports, which each worker imports again
# as __mp_main__) and the pipeline
_DASK_PRELOAD = ["distributed", "dask", "msgpack", "cloudpickle", "tornado", "toolz", "numpy", "pandas", "lz4"]
_OUR_PRELOAD = ["newsgraph.cli", "newsgraph.run.preload"]


def forked_workers(model: str | None) -> bool:
    """Whether the local cluster's workers are forked from the preloaded forkserver: where fork is
    safe, and for the default model only (the one the forkserver knows)."""
    from ..runtime import platform_start_method, resolve_model

    # the forkserver is a fresh single-threaded process: forking from it is safe whatever threads
    # this client runs (Dask's own), so only the platform decides
    return platform_start_method() == "fork" and resolve_model(model) == resolve_model(None)


def local_cluster_config(model: str | None) -> dict:
    """``LOCAL_CLUSTER_CONFIG``, and where :func:`forked_workers`, workers from a preloaded forkserver."""
    config = dict(LOCAL_CLUSTER_CONFIG)
    if forked_workers(model):
        config["distributed.worker.multiprocessing-method"] = "forkserver"
        start_forkserver(model)
    return config


def start_forkserver(model: str | None) -> bool:
    """Start this process's forkserver now, preloading the pipeline (True if it runs or was started).

    It gets the environment Dask's nanny gives the workers (``OMP_NUM_THREADS=1`` and the other
    ``distributed.nanny.pre-spawn-environ`` variables, which the nanny would set in this process
    only when it starts the first worker): the forkserver is started once, with the environment of
    that moment, and must have one thread when it forks (docs/scale.md). It is spawned before this
    process imports Dask (0.3 s) to read that configuration: it starts with the nanny's defaults
    and hash seed (:func:`spawn_environ`) and applies Dask's configuration itself, first thing
    (``run.forkenv``). No effect where :func:`forked_workers` is false, or once the forkserver runs
    (its preload list is then fixed).
    """
    if not forked_workers(model):
        return False
    import multiprocessing
    from multiprocessing import forkserver

    os.environ.update(spawn_environ())
    preload = ["newsgraph.run.forkenv", *(m for m in _DASK_PRELOAD if importlib.util.find_spec(m) is not None),
               *_OUR_PRELOAD]
    multiprocessing.get_context("forkserver").set_forkserver_preload(preload)
    forkserver.ensure_running()
    os.environ.update(pre_spawn_environ())  # this process's, as the nanny would set them
    _dask_preload_done()
    return True


def start_for_command(argv: list[str] | None = None, main_file: str | None = None) -> bool:
    """Start the forkserver if this process is the ``newsgraph run`` command on a local cluster.

    Called by ``newsgraph.cli`` before it imports anything else (typer, the subcommands: ~0.25 s), so
    the forkserver's model load, the critical path of a run's start, begins ~0.05 s after the
    command. Only for the ``newsgraph`` script itself (``__main__``), never in a process
    ``multiprocessing`` is preparing (a spawned worker imports the script again), and not with
    ``--scheduler`` or ``--help``; ``--model`` is passed on (:func:`forked_workers` decides). The
    run command starts the forkserver anyway if this did not.
    """
    import sys

    argv = sys.argv if argv is None else argv
    if main_file is None:
        main_file = getattr(sys.modules.get("__main__"), "__file__", None) or ""
    if os.path.basename(main_file) != "newsgraph" or argv[1:2] != ["run"]:
        return False
    from multiprocessing import process

    if getattr(process.current_process(), "_inheriting", False):
        return False
    model = None
    args = argv[2:]
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("-h", "--help", "--scheduler") or arg.startswith("--scheduler="):
            return False
        if arg == "--model" and n + 1 < len(args):
            model = args[n + 1]
        elif arg.startswith("--model="):
            model = arg.partition("=")[2]
    return start_forkserver(model)


#: Dask's defaults for ``distributed.nanny.pre-spawn-environ`` (distributed.yaml), less the trim
#: threshold: what the key holds before ``distributed`` is imported and registers them
_NANNY_ENV = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
#: the hash seed Dask's nanny gives its workers when the environment sets none (distributed/nanny.py)
_HASH_SEED = "6640"


def pre_spawn_environ() -> dict[str, str]:
    """The variables Dask's nanny sets before it starts a worker, with ``LOCAL_CLUSTER_CONFIG``
    applied (``distributed.nanny._get_env_variables`` and the nanny's fixed hash seed). Reads
    Dask's configuration without importing ``distributed`` (0.4 s), so the forkserver starts sooner."""
    import dask

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        wanted = {**_NANNY_ENV, **dask.config.get("distributed.nanny.pre-spawn-environ", default={})}
    env = {k: os.environ.get(k, str(v)) for k, v in wanted.items() if v is not None}
    if env.get("PYTHONHASHSEED") in (None, "0"):
        env["PYTHONHASHSEED"] = _HASH_SEED
    return env


def spawn_environ() -> dict[str, str]:
    """What :func:`pre_spawn_environ` gives with Dask's default configuration, without importing
    Dask: the thread counts and the nanny's fixed hash seed (which a process reads when it starts),
    this process's values where set. A hash seed set in Dask's YAML rather than the environment is
    therefore not the forkserver's; the other variables are (``run.forkenv``)."""
    env = {k: os.environ.get(k, str(v)) for k, v in _NANNY_ENV.items()}
    seed = os.environ.get("PYTHONHASHSEED")
    env["PYTHONHASHSEED"] = seed if seed not in (None, "0") else _HASH_SEED
    return env


def _dask_preload_done() -> None:
    """Tell Dask its forkserver preload is set: its ``get_mp_context`` would otherwise import every
    package on its list (pandas among them) in this process, only to check that they import."""
    import distributed.utils

    distributed.utils._forkserver_preload_set = True
