"""Worker processes that never outlive the run that started them.

A batch on N processes (``--processes``) loads a spaCy pipeline in every
worker (~600 MB each). When the parent is killed (SIGTERM from a scheduler,
SIGHUP from a closed terminal, Ctrl-C), the workers must go with it:

- the parent turns SIGTERM and SIGHUP into :class:`Terminated` (a
  ``KeyboardInterrupt``), so open store transactions roll back and
  :func:`stop_pool` ends the workers before the parent exits;
- each worker asks the kernel to send it SIGTERM when its parent dies
  (``PR_SET_PDEATHSIG``, Linux) and also watches its parent id, so even a
  ``kill -9`` of the parent leaves no worker behind; workers ignore SIGINT
  (the parent, which gets the same Ctrl-C, decides what happens).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["Terminated", "batches", "exit_on_signals", "worker_setup", "stop_pool"]

_PR_SET_PDEATHSIG = 1


class Terminated(KeyboardInterrupt):
    """The process was asked to stop by a signal (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Received:
    """The stopping signal seen inside :func:`exit_on_signals` (None if none): frameworks such as
    typer turn the interrupt into an exit code, so the caller asks here what happened."""

    signum: int | None = None


@contextmanager
def exit_on_signals() -> Iterator[Received]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated` (cleanup runs, then exit)."""
    received = Received()
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def _raise(signum: int, frame: Any) -> None:
        received.signum = signum
        raise Terminated(signum)

    sigs = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    old = {s: signal.signal(s, _raise) for s in sigs}
    try:
        yield received
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def worker_setup(parent: int | None = None) -> None:
    """Call first in a worker process: die with the parent (``parent``: its pid, as the parent
    saw it), leave Ctrl-C to the parent. A forked worker inherits the parent's handlers, which
    turn SIGTERM and SIGHUP into an interrupt; it gets the default actions back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_DFL)
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="newsgraph-parent-watch").start()


def _watch_parent(parent: int, interval: float = 1.0) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)  # the parent is gone: nobody will read our results


def stop_pool(pool: Any) -> None:
    """End a ``ProcessPoolExecutor``'s workers now (not after their current batch).

    The processes are read before ``shutdown``, which forgets them.
    """
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)


def batches(items: Iterable[T], size: int, n_process: int, min_piece: int = 4) -> Iterator[list[T]]:
    """Batches of ``size`` for the workers, but the input's tail in small pieces.

    Workers take the next batch when they finish one, so a run ends when the last
    batch does: with whole batches one worker could be left parsing a full batch
    alone (200 articles in batches of 32 give one worker 128, the other 72). The
    last ``(n_process + 1) * size`` items are known once the input runs out (the
    look-ahead is bounded: the input may be endless) and go out in pieces of about
    a quarter of a worker's share, at least ``min_piece`` (a batch of 1 parses
    slower; a Dask shard has a fixed cost) and at most ``size``. The records do not
    depend on how the articles are batched.
    """
    it = iter(items)
    ahead = (n_process + 1) * size
    buf = list(islice(it, ahead))
    while len(buf) == ahead:  # more may follow: send a whole batch, read as many again
        yield buf[:size]
        buf = buf[size:] + list(islice(it, size))
    piece = min(size, max(min_piece, -(-len(buf) // (4 * n_process))))
    for i in range(0, len(buf), piece):
        yield buf[i:i + piece]
