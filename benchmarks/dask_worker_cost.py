"""What one shard costs inside a Dask worker against a plain process, in CPU and page faults.

    .venv/bin/python benchmarks/dask_worker_cost.py [--n 100] [--repeats 1] [--corpus PATH]

The same --n WikiNews articles go through ``run.batch.prepare_items`` and
``run.batch.analyse`` (``nlp.pipe``) in five places, interleaved --repeats times:

- a plain process (as a forked ``analyze --processes`` worker runs them);
- a worker of a LocalCluster with Dask's default settings (how `newsgraph run` started it before);
- a worker of the LocalCluster `newsgraph run` started in session 5 (spawned, with
  ``run.worker.LOCAL_CLUSTER_CONFIG``, then ``run.worker.setup``, which has nothing to undo there);
- a worker of the LocalCluster `newsgraph run` starts now (``run.worker.local_cluster_config``:
  forked from a forkserver that loaded the pipeline, ``run.preload``);
- a worker with Dask's defaults after ``run.worker.setup`` (a cluster someone else started).

It prints, per article, the analysing thread's user and system CPU time and
its minor page faults (``getrusage(RUSAGE_THREAD)``), which other people's
load on a shared machine changes far less than wall time, and the wall time.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"


def read_items(corpus: Path, n: int) -> list:
    from newsgraph.ingest.sources import iter_inputs

    lines = [line.encode("utf-8") for line in itertools.islice(gzip.open(corpus, "rt", encoding="utf-8"), n)]
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsgraph-worker-cost-{os.getpid()}.jsonl"
    path.write_bytes(b"".join(lines))
    try:
        return list(iter_inputs([path], check_language=False))
    finally:
        path.unlink()


def warm(items: list) -> str:
    """Load the pipeline and analyse a few articles (the first documents allocate more)."""
    from newsgraph.run.batch import analyse, prepare_items

    analyse(prepare_items(items[:3])[0])
    return "ok"


def cost(items: list) -> dict[str, float]:
    """CPU, faults and wall time of this thread analysing ``items``."""
    from newsgraph.run.batch import analyse, prepare_items

    before, t0 = resource.getrusage(resource.RUSAGE_THREAD), time.perf_counter()
    records, _ = analyse(prepare_items(items)[0])
    after = resource.getrusage(resource.RUSAGE_THREAD)
    return {"n": len(records), "wall": time.perf_counter() - t0, "user": after.ru_utime - before.ru_utime,
            "sys": after.ru_stime - before.ru_stime, "minflt": after.ru_minflt - before.ru_minflt}


def on_worker(items: list, config: dict, setup: bool) -> dict[str, float]:
    # a nanny puts its pre-spawn variables into this process's environment too, where the next
    # cluster's workers would inherit them: put the environment back afterwards
    saved = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    try:
        return _on_worker(items, config, setup)
    finally:
        os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)
        if saved is not None:
            os.environ["MALLOC_TRIM_THRESHOLD_"] = saved


def _on_worker(items: list, config: dict, setup: bool) -> dict[str, float]:
    import dask
    from distributed import Client, LocalCluster

    from newsgraph.run.worker import setup as worker_setup

    with dask.config.set(config), LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                               dashboard_address=":0", silence_logs=logging.ERROR) as lc, \
            Client(lc) as client:
        if setup:
            client.run(worker_setup, None)
        client.run(warm, items)
        return client.submit(cost, items, pure=False).result()


def main() -> int:
    from newsgraph.run.worker import LOCAL_CLUSTER_CONFIG, local_cluster_config

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}; set NEWSGRAPH_SHARED to the shared/ folder", file=sys.stderr)
        return 5
    uptime = lambda: subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()  # noqa: E731
    print(f"`uptime` at start: {uptime()}")
    items = read_items(args.corpus, args.n)
    places = {
        "plain process": lambda: (warm(items), cost(items))[1],
        "Dask worker, Dask's defaults (before)": lambda: on_worker(items, {}, setup=False),
        "Dask worker, spawned (`newsgraph run`'s local cluster in session 5)":
            lambda: on_worker(items, LOCAL_CLUSTER_CONFIG, setup=True),
        "Dask worker, forked from the preloaded forkserver (`newsgraph run`'s local cluster now)":
            lambda: on_worker(items, local_cluster_config(None), setup=True),
        "Dask worker, Dask's defaults + `run.worker.setup`": lambda: on_worker(items, {}, setup=True),
    }
    results: dict[str, list[dict]] = {k: [] for k in places}
    for _ in range(args.repeats):
        for name, measure in places.items():
            results[name].append(measure())
    print(f"\n{args.n} WikiNews articles, medians of {args.repeats} interleaved run(s); per article:\n")
    print("| where | user ms | system ms | CPU ms | vs plain | minor page faults | wall ms |\n|---|---|---|---|---|---|---|")
    med = {name: {k: statistics.median(r[k] for r in rs) / rs[0]["n"] for k in ("user", "sys", "minflt", "wall")}
           for name, rs in results.items()}
    plain = med["plain process"]["user"] + med["plain process"]["sys"]
    for name, m in med.items():
        total = m["user"] + m["sys"]
        print(f"| {name} | {m['user'] * 1000:.1f} | {m['sys'] * 1000:.1f} | {total * 1000:.1f} | "
              f"{total / plain:.2f}× | {m['minflt']:,.0f} | {m['wall'] * 1000:.0f} |")
    print(f"\n`uptime` at end: {uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
