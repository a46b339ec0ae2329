"""``run``: analyse inputs on a Dask cluster into a Parquet dataset.

The client reads and prepares the inputs (``shards.Planner``) and submits
one task per shard, at most two per worker in flight so memory stays flat
however large the input. A task runs ``analyze_batch`` on the worker (one
spaCy pipeline per worker process, cached by ``pipeline.shared_pipeline``)
and writes the shard's files itself, atomically, so only a small marker
travels back. A rerun skips every shard whose marker exists. Dask retries a
task once when it raises and once when its worker dies; a shard that fails
twice is recorded in ``skipped`` and the run exits non-zero.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SchedulerUnreachable
from . import dataset
from .shards import Planner, Shard
from .local import local_cluster_config, start_forkserver
from .worker import setup, shard_task

#: progress(event, info): event is "start" (workers), "shard" (a marker), "failed"
#: ({key, reason}) or "corpus" (a step name).
Progress = Callable[[str, dict[str, Any]], None]
DEFAULT_TIMEOUT = 10.0


@dataclass
class RunSummary:
    """What a run did. ``articles`` and ``skipped`` count every input, also those an earlier
    run put in the dataset (``already``: articles and skipped inputs found there)."""

    out: str = ""
    articles: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    shards: int = 0
    already: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    repeated: int = 0
    workers: int = 0
    seconds: float = 0.0
    startup: float = 0.0  # cluster start and pipeline loads, within ``seconds``
    analysing: float = 0.0  # from the end of ``startup`` to the last shard, within ``seconds``
    analysed_now: int = 0
    corpus: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    @property
    def rate(self) -> float:
        """Articles analysed by this run per second of wall time."""
        return self.analysed_now / self.seconds if self.seconds else 0.0

    @property
    def steady_rate(self) -> float:
        """Articles analysed per second once the workers had loaded the pipeline."""
        return self.analysed_now / self.analysing if self.analysing > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**{k: v for k, v in vars(self).items()}, "articles_per_second": round(self.rate, 2),
                "steady_articles_per_second": round(self.steady_rate, 2), "ok": self.ok}


def connect(scheduler: str | None, workers: int | None, *, timeout: float = DEFAULT_TIMEOUT,
            model: str | None = None):
    """A ``distributed.Client`` on ``scheduler``, or on a new LocalCluster of ``workers`` processes.

    The caller closes both (the cluster is None for an external scheduler).
    An unreachable scheduler raises ``SchedulerUnreachable`` after ``timeout`` seconds.
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=timeout), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise SchedulerUnreachable(
                f"no Dask scheduler answered within {timeout:g} s ({type(exc).__name__}: {exc}); start one "
                "(`dask scheduler`), check the address and port, or run without --scheduler for a local "
                "cluster", source=scheduler) from None
    with dask.config.set(local_cluster_config(model)):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster, timeout=timeout), cluster


class _Driver:
    """Submits shards with back-pressure and books their results."""

    def __init__(self, client, out: Path, partition_by: str, model: str | None, summary: RunSummary,
                 progress: Progress | None) -> None:
        self.client, self.out, self.partition_by, self.model = client, out, partition_by, model
        self.summary, self.progress = summary, progress or (lambda event, info: None)
        self.pending: dict[str, Shard] = {}
        if client is not None:
            from distributed import as_completed

            # on this client's event loop: without it, Dask takes the loop of the process's default
            # client, which is another one when the caller has a Client of its own
            self.done = as_completed(loop=client.loop)

    def submit(self, shard: Shard, limit: int) -> None:
        if self.client is None:  # Dask's synchronous scheduler: one shard at a time, here
            self._synchronous(shard)
            return
        fut = self.client.submit(shard_task, shard.items, shard.key, shard.seq, str(self.out),
                                 self.partition_by, self.model, key=f"newsgraph-shard-{shard.key}",
                                 retries=1, pure=False)
        self.pending[fut.key] = shard
        self.done.add(fut)
        while self.done.count() >= limit:
            self._collect(next(self.done))

    def _synchronous(self, shard: Shard) -> None:
        import dask

        task = dask.delayed(shard_task, pure=False)(shard.items, shard.key, shard.seq, str(self.out),
                                                    self.partition_by, self.model)
        try:
            marker = task.compute(scheduler="synchronous")
        except Exception as exc:  # noqa: BLE001 - recorded in skipped, the run goes on
            self._failed(shard, exc)
        else:
            self._finished(marker)

    def drain(self) -> None:
        if self.client is None:
            return
        for fut in self.done:
            self._collect(fut)

    def _collect(self, fut) -> None:
        shard = self.pending.pop(fut.key)
        if fut.status == "finished":
            self._finished(fut.result())
        else:
            self._failed(shard, fut.exception())
        fut.release()

    def _finished(self, marker: dict) -> None:
        self.book(marker)
        self.summary.analysed_now += marker["articles"]
        self.progress("shard", marker)

    def _failed(self, shard: Shard, exc: BaseException) -> None:
        reason = (f"the shard failed on every try ({type(exc).__name__}: {exc}); its inputs were not analysed — "
                  "rerun `newsgraph run` with the same arguments to try again")
        sources = [i.source or "<input>" for i in shard.items]
        dataset.write_failure(self.out, shard.key, sources, reason)
        self.summary.failed.append({"shard": shard.key, "reason": reason})
        self.progress("failed", {"key": shard.key, "reason": reason, "articles": shard.articles})

    def book(self, marker: dict) -> None:
        self.summary.articles += marker["articles"]
        for kind, n in marker["skipped_kinds"].items():
            self.summary.skipped[kind] = self.summary.skipped.get(kind, 0) + n


def run(paths: Iterable[str | Path], out: str | Path, *, scheduler: str | None = None,
        workers: int | None = None, partition_size: int = 1000, partition_by: str = "month",
        model: str | None = None, timeout: float = DEFAULT_TIMEOUT, corpus: bool = True,
        progress: Progress | None = None) -> RunSummary:
    """Analyse ``paths`` on Dask into the Parquet dataset ``out``; resumable and idempotent."""
    from ..runtime import resolve_model

    started = time.perf_counter()
    if scheduler is None:  # first: the forkserver loads the pipeline while the client starts the cluster
        start_forkserver(model)
    out = Path(out)
    dataset.create(out, partition_by)
    dataset.clean(out)
    summary = RunSummary(out=str(out))
    planner = Planner(list(paths), size=partition_size, model=resolve_model(model), known=dataset.contents(out))
    synchronous = scheduler == "synchronous"
    client, cluster = (None, None) if synchronous else connect(scheduler, workers, timeout=timeout, model=model)
    try:
        summary.workers = 1 if client is None else len(client.scheduler_info(n_workers=-1)["workers"])
        planner.workers = summary.workers if client is not None else 0  # cut the tail for them
        (progress or (lambda e, i: None))("start", {"workers": summary.workers})
        driver = _Driver(client, out, partition_by, model, summary, progress)
        warmed = False
        for shard in planner.shards():
            summary.shards += 1
            if not warmed:  # load the pipeline on every worker at once; a missing model fails here
                client.run(setup, model) if client is not None else setup(model)
                warmed = True
                summary.startup = time.perf_counter() - started
            driver.submit(shard, limit=2 * max(summary.workers, 1))
        driver.drain()
        if summary.startup:
            summary.analysing = time.perf_counter() - started - summary.startup
        summary.repeated = planner.repeated
        summary.already = planner.already + sum(planner.already_skipped.values())
        summary.articles += planner.already
        for kind, n in planner.already_skipped.items():
            summary.skipped[kind] = summary.skipped.get(kind, 0) + n
        if corpus and summary.articles:
            from .corpus import build

            summary.corpus = build(out, scheduler="synchronous" if synchronous else None, progress=progress)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary
