"""``newsgraph run`` on a real local Dask cluster of worker processes.

One 2-worker ``LocalCluster`` (processes, not threads) serves the module;
starting it and loading spaCy in each worker costs more than the tests.
The kill tests cut a run short with SIGKILL (a worker; the client and its
own cluster) and check that a rerun ends with every article exactly once.
Two worker plugins (Dask's own hook into a worker's task transitions) make
one chosen shard fail for real: its worker process exits whenever it starts
the shard, or the shard's marker path is blocked by a directory the first
time it runs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from distributed import WorkerPlugin

from newsgraph.cli import main
from newsgraph.records import Record
from newsgraph.pipeline import resolve_model
from newsgraph.run import dataset
from newsgraph.run.cluster import run
from newsgraph.run.shards import plan_shards

pytestmark = [pytest.mark.model, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[1]
_CITIES = ["Vilnius", "Warsaw", "Riga", "Tallinn", "Helsinki", "Oslo", "Prague", "Vienna", "Bern", "Dublin"]


def _generated(path: Path, n: int) -> Path:
    """``n`` short, distinct articles in JSON Lines."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            city = _CITIES[i % len(_CITIES)]
            text = (f"Ministers meet in {city}\n\nThe prime minister met union leaders in {city} on day {i}, "
                    f"the government said. Police detained {i + 3} protesters near the parliament.")
            fh.write(json.dumps({"id": f"gen-{i:03d}", "text": text, "date": f"2022-{1 + i % 12:02d}-15"}) + "\n")
    return path


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    from newsgraph.run.worker import local_cluster_config, setup

    import dask

    # the cluster `newsgraph run --workers 2` starts (on Linux: workers forked from a preloaded forkserver)
    with dask.config.set(local_cluster_config(None)), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc, \
            Client(lc) as client:
        client.run(setup, None)
        yield lc.scheduler_address, client


def _ids(out: Path) -> list[str]:
    return dataset.read_table(out, "articles", ["id"]).column("id").to_pylist()


def test_a_cluster_run_gives_the_records_of_analyze_jsonl(cluster, tmp_path: Path, capsys) -> None:
    address, _ = cluster
    paths = [str(REPO / "examples"), str(_generated(tmp_path / "gen.jsonl", 6))]
    assert main(["analyze", "--jsonl", *paths]) == 0
    expected = [Record.model_validate_json(line) for line in capsys.readouterr().out.splitlines()]
    summary = run(paths, tmp_path / "ds", scheduler=address, partition_size=2)
    assert summary.ok and summary.workers == 2 and summary.shards == 5
    assert [r for r, _ in dataset.iter_records(tmp_path / "ds")] == expected
    assert summary.corpus["actor_links"] == sum(len(r.actors) for r in expected)


def _wait_for_markers(out: Path, n: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while len(dataset.done_keys(out)) < n:
        assert time.monotonic() < deadline, "the run wrote no shard in time"
        time.sleep(0.2)


def test_a_killed_worker_is_retried_and_a_rerun_adds_nothing(cluster, tmp_path: Path) -> None:
    address, client = cluster
    paths = [str(_generated(tmp_path / "gen.jsonl", 40))]
    out = tmp_path / "ds"
    result = {}
    thread = threading.Thread(target=lambda: result.update(s=run(paths, out, scheduler=address, partition_size=1)))
    thread.start()
    _wait_for_markers(out, 2)
    victim = next(iter(client.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)
    assert thread.is_alive(), "the run ended before the worker was killed"
    thread.join(600)
    assert result["s"].ok and result["s"].articles == 40
    again = run(paths, out, scheduler=address, partition_size=1, corpus=False)
    assert again.analysed_now == 0 and again.articles == 40
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == 40


def test_a_killed_client_leaves_a_dataset_that_a_rerun_completes(cluster, tmp_path: Path) -> None:
    address, _ = cluster
    paths = [str(_generated(tmp_path / "gen.jsonl", 40))]
    out = tmp_path / "ds"
    cmd = [str(Path(sys.executable).parent / "newsgraph"), "run", *paths, "--out", str(out), "--workers", "2",
           "--partition-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for_markers(out, 2)
        proc.send_signal(signal.SIGKILL)  # kill -9: no clean-up of any kind in the client
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
    finally:
        _reap(proc.pid)
    written = len(dataset.done_keys(out))
    assert written < 40, "the run ended before the client was killed"
    again = run(paths, out, scheduler=address, partition_size=1)
    assert again.ok and again.articles == 40 and again.analysed_now == 40 - written
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == 40


def _reap(pgid: int, wait: float = 30) -> None:
    """Wait for the killed client's worker processes to exit (they watch their parent); kill stragglers."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(pgid, signal.SIGKILL)


class _DieOnShard(WorkerPlugin):
    """A worker plugin: the worker process exits as it starts the shard ``key`` (each time)."""

    name = "newsgraph-test-die"

    def __init__(self, key: str, log: Path) -> None:
        self.key, self.log = f"newsgraph-shard-{key}", log

    def transition(self, key, start, finish, **kwargs) -> None:
        if key == self.key and finish == "executing":
            with self.log.open("a") as fh:
                fh.write(f"{os.getpid()}\n")
            os._exit(1)


class _BlockMarkerOnce(WorkerPlugin):
    """A worker plugin: the first time the shard ``key`` runs, a directory stands where its marker
    goes (the task raises when it renames the marker into place); it is gone when the task ends."""

    name = "newsgraph-test-block"

    def __init__(self, key: str, out: Path, log: Path) -> None:
        self.key, self.marker, self.log = f"newsgraph-shard-{key}", out / "_shards" / f"{key}.json", log

    def transition(self, key, start, finish, **kwargs) -> None:
        if key != self.key:
            return
        if finish == "executing" and not self.log.exists():
            self.marker.mkdir(parents=True)
            self.log.write_text("blocked\n")
        elif start == "executing":
            if self.marker.is_dir():
                self.marker.rmdir()
            with self.log.open("a") as fh:
                fh.write(f"{finish}\n")


def _shard_keys(paths: list[str], size: int) -> list[str]:
    return [s.key for s in plan_shards(paths, size=size, model=resolve_model(None))]


def test_a_shard_whose_worker_dies_twice_is_skipped_with_its_reason_and_the_run_exits_1(
        cluster, tmp_path: Path, capsys) -> None:
    address, client = cluster
    paths = [str(_generated(tmp_path / "gen.jsonl", 8))]
    keys = _shard_keys(paths, 2)
    doomed, deaths, out = keys[1], tmp_path / "deaths.log", tmp_path / "ds"
    client.register_plugin(_DieOnShard(doomed, deaths))
    try:
        code = main(["run", *paths, "--out", str(out), "--scheduler", address, "--partition-size", "2"])
    finally:
        client.unregister_worker_plugin(_DieOnShard.name)
    err = capsys.readouterr().err
    assert code == 1
    assert len(deaths.read_text().split()) == 2, "the shard was not tried exactly twice"
    rows = dataset.read_table(out, "skipped").to_pylist()
    assert sorted(r["source"] for r in rows) == [f"{paths[0]}:3", f"{paths[0]}:4"]
    assert {r["kind"] for r in rows} == {"shard_failed"} and {r["shard"] for r in rows} == {doomed}
    assert all("KilledWorker" in r["reason"] and "rerun `newsgraph run`" in r["reason"] for r in rows)
    assert doomed in err and "KilledWorker" in err
    assert sorted(_ids(out)) == ["gen-000", "gen-001", "gen-004", "gen-005", "gen-006", "gen-007"]
    again = run(paths, out, scheduler=address, partition_size=2)
    assert again.ok and again.analysed_now == 2 and again.articles == 8
    assert sorted(_ids(out)) == [f"gen-{i:03d}" for i in range(8)]


def test_a_shard_that_raises_once_is_retried_by_dask(cluster, tmp_path: Path) -> None:
    address, client = cluster
    paths = [str(_generated(tmp_path / "gen.jsonl", 6))]
    keys = _shard_keys(paths, 2)
    out, log = tmp_path / "ds", tmp_path / "block.log"
    dataset.create(out)
    client.register_plugin(_BlockMarkerOnce(keys[0], out, log))
    try:
        summary = run(paths, out, scheduler=address, partition_size=2)
    finally:
        client.unregister_worker_plugin(_BlockMarkerOnce.name)
    assert log.read_text().split() == ["blocked", "error", "memory"]  # failed once, then finished
    assert summary.ok and not summary.failed and summary.articles == summary.analysed_now == 6
    assert (out / "_shards" / f"{keys[0]}.json").is_file()
    ids = _ids(out)
    assert sorted(ids) == [f"gen-{i:03d}" for i in range(6)]
