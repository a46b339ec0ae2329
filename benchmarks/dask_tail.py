"""How long a worker idles at the end of `newsgraph run`: the tail's cut, simulated on real article lengths.

    .venv/bin/python benchmarks/dask_tail.py [--n 1000] [--size 100] [--workers 2] [--draws 500]

A run ends when its last shard does; a worker that finished first idles meanwhile.
This replays the cut of the first --n WikiNews articles (../shared, or $NEWSGRAPH_SHARED)
into shards two ways — fixed quarters of a worker's share, at least 25 inputs
(`workers.batches`, the cut before session 9) and shards of decreasing work
(`run.shards`, now) — and schedules them as Dask does with one shard per worker
at a time: the next shard to the first worker that is free. An article costs
8 ms plus 1 ms per 45 characters (~50 ms for 2,000 characters, this machine's
rate), ±15 % at random; a shard 20 ms more; workers start up to 0.3 s apart.
Prints the wall time lost to idling (the last worker's finish minus the mean
finish), mean and 90th percentile over --draws draws. It measures the cut, not
the machine: no load, no timing, the same figures on every run.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from newsgraph.run.shards import Planner
from newsgraph.workers import batches

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"


def idle(shards: list[list], workers: int, rng: random.Random) -> float:
    """Seconds the run lasts beyond a perfect split of the same work."""
    free = [rng.uniform(0, 0.3) for _ in range(workers)]
    for shard in shards:
        w = min(range(workers), key=free.__getitem__)
        free[w] += 0.02 + sum((0.008 + len(a.text) / 45000) * (1 + rng.gauss(0, 0.15)) for a in shard)
    return max(free) - sum(free) / workers


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--size", type=int, default=100, help="--partition-size")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--draws", type=int, default=500)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}; set NEWSGRAPH_SHARED to the shared/ folder", file=sys.stderr)
        return 5
    with tempfile.TemporaryDirectory(prefix="newsgraph-tail-") as d:
        path = Path(d) / "head.jsonl"
        with gzip.open(args.corpus, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, args.n))
        items = list(Planner([str(path)]).items())  # as `newsgraph run` reads them
        cuts = {"fixed quarters, at least 25 (before)": list(batches(items, args.size, args.workers, min_piece=25)),
                "decreasing work (now)": [s.items for s in Planner([str(path)], size=args.size,
                                                                   workers=args.workers).shards()]}
    print(f"{args.n} WikiNews articles, shards of {args.size}, {args.workers} workers, {args.draws} draws\n\n"
          "| tail cut | shards | last shards (articles) | idle at the end, mean s | 90th percentile s |\n"
          "|---|---:|---|---:|---:|")
    for name, shards in cuts.items():
        rng = random.Random(7)
        lost = sorted(idle(shards, args.workers, rng) for _ in range(args.draws))
        print(f"| {name} | {len(shards)} | {', '.join(str(len(s)) for s in shards[-5:])} | "
              f"{statistics.mean(lost):.2f} | {lost[int(0.9 * len(lost))]:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
