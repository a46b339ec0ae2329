"""Start-up time of the query commands: they must not import spaCy.

    .venv/bin/python benchmarks/cli_startup.py [--runs 15] [--before SRC]

``--before SRC`` also times another checkout's ``src`` folder (e.g. from
``git archive <rev> src | tar -x -C /tmp/before``) in the same interleaved
runs, so a change is measured as a ratio under the same load.

Runs each command as a new process (what a person typing it waits for),
interleaved so that load on the machine hits every command alike, and
prints the median wall time, the median of ``python -c pass`` (the
interpreter alone) and of ``python -c "import spacy"`` for scale. The store
is a small one built here (start-up does not depend on its size). Target:
``stats``, ``search``, ``events``, ``--help`` under 0.3 s on an idle machine;
compare ratios, not absolute times, on a busy one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.records import Article, Record
from newsgraph.store import Store

BIN = str(Path(sys.executable).with_name("newsgraph"))


def _store(path: Path) -> None:
    with Store(path) as store:
        for n in range(50):
            text = f"Talks number {n}\n\nThe ministers met in Geneva on day {n} to discuss a ceasefire."
            store.write(Record(article=Article(id=f"a{n}", title=f"Talks number {n}", published="2020-11-30",
                                               outlet="Example Wire", text=text)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", type=Path, help="another checkout's src/ folder to time alongside")
    parser.add_argument("--make-store", type=Path, help=argparse.SUPPRESS)  # used for --before's own store
    args = parser.parse_args()
    if args.make_store:
        _store(args.make_store)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        _store(db)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            'python -c "import spacy"': [sys.executable, "-c", "import spacy"],
            "newsgraph --version": [BIN, "--version"],
            "newsgraph --help": [BIN, "--help"],
            "newsgraph stats": [BIN, "stats", "--db", str(db)],
            "newsgraph search ceasefire": [BIN, "search", "ceasefire", "--db", str(db)],
            "newsgraph events": [BIN, "events", "--db", str(db)],
        }
        envs = {name: None for name in commands}
        if args.before:
            run = [sys.executable, "-c", "from newsgraph.cli import run; run()"]
            before_env = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
            old_db = Path(tmp) / "before.db"  # written by the older code, whose schema may differ
            subprocess.run([sys.executable, __file__, "--make-store", str(old_db)], env=before_env, check=True)
            for name in ("--help", "stats", "search ceasefire", "events"):
                key = f"before: newsgraph {name}"
                cmd = commands[f"newsgraph {name}"][1:]
                commands[key] = run + [str(old_db) if c == str(db) else c for c in cmd]
                envs[key] = before_env
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                start = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=envs[name])
                times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    print(f"load average {os.getloadavg()[0]:.2f}, {args.runs} interleaved runs each\n")
    print("| command | median s | × bare interpreter |\n|---|---:|---:|")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"| `{name}` | {med:.3f} | {med / base:.1f} |")


if __name__ == "__main__":
    main()
