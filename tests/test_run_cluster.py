"""``newsgraph run`` on a real local Dask cluster of worker processes.

One 2-worker ``LocalCluster`` (processes, not threads) serves the module;
starting it and loading spaCy in each worker costs more than the tests.
The kill tests cut a run short with SIGKILL (a worker; the client and its
own cluster) and check that a rerun ends with every article exactly once.
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

from newsgraph.cli import main
from newsgraph.records import Record
from newsgraph.run import dataset
from newsgraph.run.cluster import run

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

    from newsgraph.run.worker import LOCAL_CLUSTER_CONFIG, setup

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc, \
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
