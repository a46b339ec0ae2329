"""How ``newsgraph run`` starts its local cluster: the forkserver first, before the CLI's imports.

The forkserver's model load is the critical path of a run's start (docs/scale.md, "Session 9"),
so the ``newsgraph`` script starts it before it imports typer and the subcommands, and before it
imports Dask to read the nanny's environment (which the forkserver then applies itself). The
subprocesses here name a pipeline that does not exist, so their forkservers import spaCy, fail to
load it (as ``run.preload`` allows) and stay light.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.run.local import start_for_command

SCRIPT = str(Path(sys.executable).parent / "newsgraph")
LIGHT = {**{k: v for k, v in os.environ.items() if k not in ("NEWSGRAPH_START_METHOD", "DASK_CONFIG")},
         "NEWSGRAPH_MODEL": "newsgraph-test-no-such-pipeline"}
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


@pytest.mark.parametrize("argv", [
    ["run", "in.jsonl", "--out", "ds", "--scheduler", "tcp://10.0.0.9:8786"],
    ["run", "in.jsonl", "--out", "ds", "--scheduler=tcp://10.0.0.9:8786"],
    ["run", "--help"],
    ["run", "-h"],
    ["analyze", "in.jsonl"],
    ["ingest", "run"],
    ["run", "in.jsonl", "--out", "ds", "--model", "some/other/pipeline"],  # its workers load it themselves
    ["run", "in.jsonl", "--out", "ds", "--model=some/other/pipeline"],
])
def test_no_early_forkserver_where_the_run_would_not_use_it(argv: list[str]) -> None:
    assert start_for_command([SCRIPT, *argv], main_file=SCRIPT) is False


def test_no_early_forkserver_for_another_program() -> None:
    argv = ["/usr/lib/jupyter/kernel.py", "run", "in.jsonl", "--out", "ds"]
    assert start_for_command(argv, main_file=argv[0]) is False


_BEFORE_TYPER = """
import importlib.abc, sys, __main__
import multiprocessing.forkserver as fs

sys.argv = [{script!r}, "run", "in.jsonl", "--out", "ds", "--workers", "2"]
__main__.__file__ = sys.argv[0]          # as when the `newsgraph` script runs
seen = {{}}

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name in ("typer", "dask.config") and name not in seen:  # (find_spec("dask") only looks)
            seen[name] = fs._forkserver._forkserver_pid is not None
        return None

sys.meta_path.insert(0, Watch())
import newsgraph.cli
print(seen.get("typer"), seen.get("dask.config"), fs._forkserver._forkserver_pid is not None)
"""


@pytest.mark.slow
@linux
def test_the_run_command_starts_the_forkserver_before_importing_typer_or_dask() -> None:
    res = subprocess.run([sys.executable, "-c", _BEFORE_TYPER.format(script=SCRIPT)], capture_output=True,
                         text=True, check=True, env=LIGHT)
    assert res.stdout.split() == ["True", "True", "True"]


_SPAWNED_CHILD = """
import multiprocessing as mp
import multiprocessing.forkserver as fs
import newsgraph.cli  # a spawned child imports this script again, with the parent's argv

def has_forkserver():
    return fs._forkserver._forkserver_pid is not None

if __name__ == "__main__":
    with mp.get_context("spawn").Pool(1) as pool:
        print(has_forkserver(), pool.apply(has_forkserver))
"""


@pytest.mark.slow
@linux
def test_a_process_multiprocessing_spawns_from_the_run_command_starts_no_forkserver(tmp_path: Path) -> None:
    script = tmp_path / "newsgraph"
    script.write_text(_SPAWNED_CHILD, encoding="utf-8")
    res = subprocess.run([sys.executable, str(script), "run", "in.jsonl", "--out", str(tmp_path / "ds")],
                         capture_output=True, text=True, check=True, env=LIGHT)
    assert res.stdout.split() == ["True", "False"]


_CONFIGURED = """
import multiprocessing as mp, os
import multiprocessing.forkserver as fs
from newsgraph.run.local import start_forkserver

assert start_forkserver(None)
spawned_with = open(f"/proc/{fs._forkserver._forkserver_pid}/environ").read()
with mp.get_context("forkserver").Pool(1) as pool:   # forked from the forkserver: its environment
    print("NEWSGRAPH_PROBE" in spawned_with, pool.apply(os.getenv, ("NEWSGRAPH_PROBE",)),
          pool.apply(os.getenv, ("OMP_NUM_THREADS",)))
"""


@pytest.mark.slow
@linux
def test_the_nanny_environment_from_dask_configuration_reaches_the_forkserver(tmp_path: Path) -> None:
    """Spawned before the client imports Dask, the forkserver applies a configured
    ``distributed.nanny.pre-spawn-environ`` itself, before it imports numpy."""
    (tmp_path / "nanny.yaml").write_text("distributed:\n  nanny:\n    pre-spawn-environ:\n"
                                         "      NEWSGRAPH_PROBE: from-dask-config\n", encoding="utf-8")
    env = {k: v for k, v in LIGHT.items() if k not in ("OMP_NUM_THREADS", "NEWSGRAPH_PROBE")}
    res = subprocess.run([sys.executable, "-c", _CONFIGURED], capture_output=True, text=True, check=True,
                         env={**env, "DASK_CONFIG": str(tmp_path)})
    assert res.stdout.split() == ["False", "from-dask-config", "1"]


_COLLECTOR = """
import gc, multiprocessing as mp
from newsgraph.run.local import start_forkserver

assert start_forkserver(None)
with mp.get_context("forkserver").Pool(1) as pool:   # forked from the forkserver after its preload
    print(pool.apply(gc.isenabled), pool.apply(gc.get_freeze_count) > 0)
"""


@pytest.mark.slow
@linux
def test_workers_forked_after_the_preload_have_the_garbage_collector_running() -> None:
    """The forkserver pauses the collector for its imports and model load (``run.forkenv``) and
    starts it again, having frozen what it loaded, before it forks a worker (``run.preload``)."""
    res = subprocess.run([sys.executable, "-c", _COLLECTOR], capture_output=True, text=True, check=True, env=LIGHT)
    assert res.stdout.split() == ["True", "True"]
