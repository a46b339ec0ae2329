"""The fixed cost of `newsgraph run`: when each step of its critical path ends, from the command's start.

    .venv/bin/python benchmarks/dask_start.py [--n 4] [--rounds 5] [--workers 2] [--before OLD/src ...]

Runs `newsgraph run INPUT --out DIR --workers W --no-corpus --json` on the first --n WikiNews
articles, --rounds times (interleaved with each --before tree, `PYTHONPATH=OLD/src`), with a
`sitecustomize` on the path that appends a timestamp per process to a trace file when a
watched module's import starts and ends, when a watched function is entered and left, at each
fork, and at exit. Prints the median second, after the command was started, at which each
milestone was reached (a step's own time is the difference between two lines), and the wall
time. The trace costs a little (a finder consulted on each import); both trees pay it alike.

Milestones: the forkserver's interpreter started, it imported Dask and `distributed`, newsgraph's
CLI, spaCy, `spacy.load` returned, the pipeline was assembled (its extractors), the first worker
was forked; the client's LocalCluster was up, every worker set up (`run.worker.setup`: pyarrow),
the first shard finished, `run` returned (cluster closed), the process exited.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")

TRACER = r'''
import os, sys, time
_F = os.environ.get("NG_TRACE")
if _F:
    _T0 = float(os.environ["NG_T0"])
    _fd = os.open(_F, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    def log(ev):
        os.write(_fd, f"{time.time() - _T0:.4f} {os.getpid()} {ev}\n".encode())
    log("python")
    import importlib.abc
    WATCH = {"distributed", "spacy", "pyarrow", "newsgraph.cli", "newsgraph.run.preload", "newsgraph.run.forkenv"}
    PATCH = {"newsgraph.run.cluster": ["connect", "run"], "newsgraph.run.worker": ["setup", "shard_task"],
             "spacy": ["load"], "newsgraph.pipeline": ["load_pipeline"]}
    def wrap(mod, name):
        f = getattr(mod, name, None)
        if f is None:
            return
        def w(*a, **k):
            log(f"> {mod.__name__}.{name}")
            try:
                return f(*a, **k)
            finally:
                log(f"< {mod.__name__}.{name}")
        setattr(mod, name, w)
    class Loader(importlib.abc.Loader):
        def __init__(self, inner):
            self.inner = inner
        def create_module(self, spec):
            return self.inner.create_module(spec)
        def exec_module(self, module):
            n = module.__name__
            if n in WATCH: log(f"import> {n}")
            self.inner.exec_module(module)
            if n in WATCH: log(f"import< {n}")
            for fn in PATCH.get(n, []):
                wrap(module, fn)
    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name not in WATCH and name not in PATCH:
                return None
            for f in sys.meta_path:
                if f is not self and hasattr(f, "find_spec"):
                    spec = f.find_spec(name, path, target)
                    if spec is not None:
                        if spec.loader is not None:
                            spec.loader = Loader(spec.loader)
                        return spec
            return None
    sys.meta_path.insert(0, Finder())
    sys.addaudithook(lambda ev, args: log("fork") if ev == "os.fork" else None)
    _exit = os._exit
    def _logged_exit(code):
        log("exit")
        _exit(code)
    os._exit = _logged_exit
'''

#: (label, process, event): the first line of the trace with that event in that kind of process
MILESTONES = [
    ("forkserver's interpreter started", "forkserver", "python"),
    ("forkserver: Dask and distributed imported", "forkserver", "import< distributed"),
    ("forkserver: newsgraph.cli imported", "forkserver", "import< newsgraph.cli"),
    ("forkserver: spaCy imported", "forkserver", "import< spacy"),
    ("forkserver: spacy.load returned", "forkserver", "< spacy.load"),
    ("forkserver: pipeline assembled (extractors)", "forkserver", "< newsgraph.pipeline.load_pipeline"),
    ("first worker forked", "forkserver", "fork"),
    ("client: LocalCluster up", "client", "< newsgraph.run.cluster.connect"),
    ("workers set up (pyarrow imported)", "worker", "< newsgraph.run.worker.setup"),
    ("first shard finished", "worker", "< newsgraph.run.worker.shard_task"),
    ("client: run returned (cluster closed)", "client", "< newsgraph.run.cluster.run"),
    ("client: process exit", "client", "exit"),
]


def head(n: int, out: Path) -> Path:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, n))
    return out


def traced(inp: Path, workers: int, tmp: Path, src: Path | None) -> dict[str, float]:
    """One command, traced: {milestone: seconds after the start, "wall": seconds}."""
    trace = tmp / "trace.txt"
    trace.unlink(missing_ok=True)
    out = tmp / "ds"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    path = [str(tmp / "site")] + ([str(src)] if src else [])
    t0 = time.time()
    env = {**os.environ, "NG_TRACE": str(trace), "NG_T0": repr(t0), "PYTHONPATH": os.pathsep.join(path)}
    started = time.perf_counter()
    subprocess.run([NEWSGRAPH, "run", str(inp), "--out", str(out), "--workers", str(workers), "--no-corpus",
                    "--json"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    lines = [ln.split(" ", 2) for ln in trace.read_text().splitlines()]
    client = next(pid for _, pid, ev in lines if ev == "python")
    forkserver = next((pid for _, pid, ev in lines if ev == "import> newsgraph.run.forkenv"), None)
    kind = {client: "client", forkserver: "forkserver"}
    got: dict[str, float] = {"wall": wall}
    for label, who, event in MILESTONES:
        hits = [float(t) for t, pid, ev in lines if ev == event and kind.get(pid, "worker") == who]
        if hits:
            got[label] = min(hits)
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--before", type=Path, action="append", default=[], help="another src/ tree (repeatable)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}; set NEWSGRAPH_SHARED to the shared/ folder", file=sys.stderr)
        return 5
    trees: dict[str, Path | None] = {"this tree": None, **{str(b): b.resolve() for b in args.before}}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        (tmp / "site").mkdir()
        (tmp / "site" / "sitecustomize.py").write_text(TRACER, encoding="utf-8")
        inp = head(args.n, tmp / "input.jsonl")
        load = [os.getloadavg()[0]]
        runs: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
        for _ in range(args.rounds):
            for key, src in trees.items():
                runs[key].append(traced(inp, args.workers, tmp, src))
        load.append(os.getloadavg()[0])
    print(f"## `newsgraph run --workers {args.workers}` on {args.n} articles: seconds after the command started "
          f"(median of {args.rounds} interleaved rounds, load average {load[0]:.1f} → {load[1]:.1f})\n")
    print("| milestone | " + " | ".join(trees) + " |")
    print("|---|" + "---:|" * len(trees))
    for label in [m[0] for m in MILESTONES] + ["wall"]:
        cells = []
        for key in trees:
            vals = [r[label] for r in runs[key] if label in r]
            cells.append(f"{statistics.median(vals):.2f} ({min(vals):.2f}–{max(vals):.2f})" if vals else "–")
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
