"""Memory of a process tree from /proc (Linux): the sum of proportional set sizes (PSS).

A page a forked worker shares with its parent counts half to each, so the sum is what the
tree really occupies; the benchmarks use it to compare one process with several.
"""

from __future__ import annotations


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def pss_mib(pid: int) -> float:
    """PSS of ``pid`` and its descendants in MiB (0 where /proc does not tell)."""
    total_kib = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total_kib += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total_kib / 1024


def rss_mib() -> float:
    """Resident set size of this process now, in MiB (from /proc/self/statm)."""
    import os

    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
