"""`newsgraph run` on Dask: identity with `analyze`, scaling, shard size, the Parquet sink's cost.

    .venv/bin/python benchmarks/dask_scaling.py [--n 1000] [--check 200] [--repeats 1]
                                                [--shard-sizes 25,100,250] [--sink 200] [--corpus PATH]
                                                [--before OLD_CHECKOUT/src] [--spawn] [--no-scaling]

In one run, on the first articles of the WikiNews corpus (../shared, or
$NEWSGRAPH_SHARED; the script exits 5 with a message when it is absent):

1. identity: the records of `newsgraph run --workers 2` (a LocalCluster of
   worker processes) on the first --check articles equal those of
   `newsgraph analyze --jsonl` on the same file (exit 1 if not);
2. scaling: wall time of `newsgraph run --workers 1`, `--workers 2` and
   `newsgraph analyze --processes 2 --jsonl` on the same --n articles, each a
   fresh command (cluster start and model loads included), interleaved
   --repeats times, medians; with the peak memory of each process tree;
   with --spawn, also `newsgraph run --workers 2` with spawned workers (each
   loads the pipeline itself) instead of forked ones;
   with --before, also `newsgraph run --workers 2` from another checkout's
   src/ (PYTHONPATH), to compare a change in the same run;
3. shard size: `newsgraph run --workers 2` with each --shard-sizes value;
4. the Parquet sink: per-article time of `record_tables` + `write_shard`
   against per-article analysis time, in this process.

Prints Markdown for docs/scale.md. Note the load (`uptime`) it prints: on a
shared machine the ratios are what to compare, and only within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def head(corpus: Path, n: int, out: Path) -> Path:
    """The first ``n`` lines of the corpus as a file every command reads."""
    with gzip.open(corpus, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, n))
    return out


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, dict]:
    """Wall seconds, peak resident MiB (the command and all its child processes), and the
    JSON summary of ``newsgraph run --json`` (empty for other commands) with the CPU the whole
    process tree used (``cpu``: user and system seconds, ``minflt``: minor page faults, ``roles``:
    CPU seconds by kind of process), which other people's load on the machine changes far less
    than wall time. Every process is sampled every 0.2 s, so the last moments of each are missing."""
    import json

    import psutil

    t0 = time.perf_counter()
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
    peak = 0.0
    done = threading.Event()
    last_cpu: dict[int, tuple[str, float, float, int]] = {}  # pid -> role, user s, system s, minor faults
    born: dict[str, float] = {}  # role -> seconds from the command's start to its first process of that role

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                procs = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20)
                for p in procs:
                    with contextlib.suppress(psutil.Error, OSError):  # a process may end between the two reads
                        t = p.cpu_times()
                        minflt = int(Path(f"/proc/{p.pid}/stat").read_text().rpartition(")")[2].split()[7])
                        last_cpu[p.pid] = (kind := role(p, proc.pid), t.user, t.system, minflt)
                        born[kind] = min(born.get(kind, float("inf")), p.create_time() - parent.create_time())
            except psutil.Error:
                pass
            time.sleep(0.2)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    # not the rusage of wait4: the workers a forkserver forks are not the command's descendants
    # once the forkserver, which reaps them, outlives the command; so every process is sampled
    _, status, _ = os.wait4(proc.pid, 0)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    done.set()
    elapsed = time.perf_counter() - t0
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    out.seek(0)
    summary = json.loads(out.read()) if "run" in cmd[:2] else {}
    summary["cpu"] = {"user": sum(c[1] for c in last_cpu.values()), "sys": sum(c[2] for c in last_cpu.values()),
                      "minflt": sum(c[3] for c in last_cpu.values()), "roles": {}, "born": born}
    for r, user, sys_, _ in last_cpu.values():
        summary["cpu"]["roles"][r] = summary["cpu"]["roles"].get(r, 0.0) + user + sys_
    return elapsed, peak, summary


def role(p, root: int) -> str:
    """What a process of a command's tree is: the command itself, a worker, the forkserver, ..."""
    if p.pid == root:
        return "client"
    cmd = " ".join(p.cmdline())
    if "resource_tracker" in cmd:
        return "resource_tracker"
    if "forkserver" in cmd and p.ppid() == root:  # its children, forked from it, are the workers
        return "forkserver"
    return "worker"


def run_cmd(path: Path, out: Path, workers: int, shard: int) -> list[str]:
    return [NEWSGRAPH, "run", str(path), "--out", str(out), "--workers", str(workers),
            "--partition-size", str(shard), "--no-corpus", "--json"]


def check_identity(path: Path, tmp: Path) -> bool:
    from newsgraph.records import Record
    from newsgraph.run import iter_records

    res = subprocess.run([NEWSGRAPH, "analyze", "--jsonl", str(path)], capture_output=True, text=True, check=False)
    expected = [Record.model_validate_json(line) for line in res.stdout.splitlines()]
    subprocess.run([NEWSGRAPH, "run", str(path), "--out", str(tmp / "check"), "--workers", "2",
                    "--partition-size", "25"], capture_output=True, check=False)
    got = [item[0] for item in iter_records(tmp / "check") if isinstance(item, tuple)]
    same = got == expected
    print(f"identity: {len(got)} records from `run --workers 2` vs {len(expected)} from `analyze --jsonl`: "
          f"{'identical' if same else 'DIFFERENT'}")
    return same


def sink_cost(path: Path, tmp: Path, n: int = 200) -> None:
    from newsgraph.ingest.sources import iter_inputs
    from newsgraph.ingest.article import prepare
    from newsgraph.pipeline import analyze_many, load_pipeline
    from newsgraph.run import dataset
    from newsgraph.run.tables import record_tables

    articles = [prepare(i) for i in itertools.islice(iter_inputs([path]), n) if not hasattr(i, "kind")]
    nlp = load_pipeline()
    list(analyze_many(articles[:5], nlp))
    t0 = time.perf_counter()
    records = list(analyze_many(articles, nlp))
    analysis = (time.perf_counter() - t0) / len(records)
    dataset.create(tmp / "sink")
    t0 = time.perf_counter()
    for start in range(0, len(records), 25):
        batch = [(r, None) for r in records[start:start + 25]]
        key = f"s{start:05d}"
        dataset.write_shard(tmp / "sink", key, start, record_tables(batch, shard=key), "month")
    sink = (time.perf_counter() - t0) / len(records)
    print(f"\n| per article ({len(records)} articles, shards of 25) | ms |\n|---|---|\n"
          f"| analysis (`analyze_many`, one process) | {analysis * 1000:.1f} |\n"
          f"| Parquet sink (`record_tables` + `write_shard`) | {sink * 1000:.1f} ({sink / analysis:.1%}) |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--check", type=int, default=200, help="articles for the identity check (0: skip)")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--shard-sizes", default="25,100,250")
    ap.add_argument("--sink", type=int, default=200, help="articles for the Parquet sink's cost (0: skip)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--before", type=Path, help="src/ of another checkout: also time its `run --workers 2`")
    ap.add_argument("--no-scaling", dest="scaling", action="store_false",
                    help="skip the comparison of 1 worker, 2 workers and `analyze --processes 2`")
    ap.add_argument("--spawn", action="store_true",
                    help="also time `run --workers 2` with spawned workers (NEWSGRAPH_START_METHOD=spawn)")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}; set NEWSGRAPH_SHARED to the shared/ folder", file=sys.stderr)
        return 5
    load = lambda: os.getloadavg()[0]  # noqa: E731
    print(f"machine: {os.cpu_count()} cores; load at start {load():.2f}; `uptime`: "
          f"{subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
    with tempfile.TemporaryDirectory(prefix="newsgraph-dask-") as d:
        tmp = Path(d)
        ok = True
        if args.check:
            ok = check_identity(head(args.corpus, args.check, tmp / "check.jsonl"), tmp)
        path = head(args.corpus, args.n, tmp / "input.jsonl")
        if args.scaling:  # --no-scaling: only the shard sizes (and the sink)
            configs = {"run --workers 1": lambda p, o: run_cmd(p, o, 1, 100),
                       "run --workers 2": lambda p, o: run_cmd(p, o, 2, 100),
                       "analyze --processes 2": lambda p, o: [NEWSGRAPH, "analyze", "--jsonl", "--processes", "2",
                                                              str(p)]}
            envs = {}
            if args.spawn:
                configs["run --workers 2 (spawned)"] = lambda p, o: run_cmd(p, o, 2, 100)
                envs["run --workers 2 (spawned)"] = {**os.environ, "NEWSGRAPH_START_METHOD": "spawn"}
            if args.before:
                configs["run --workers 2 (before)"] = lambda p, o: run_cmd(p, o, 2, 100)
                envs["run --workers 2 (before)"] = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
            times: dict[str, list[float]] = {k: [] for k in configs}
            peaks: dict[str, list[float]] = {k: [] for k in configs}
            steady: dict[str, list[float]] = {k: [] for k in configs}
            cpus: dict[str, list[dict]] = {k: [] for k in configs}
            small = head(args.corpus, 4, tmp / "small.jsonl")
            fixed: dict[str, list[dict]] = {k: [] for k in configs}  # the same commands on 4 articles
            for rep in range(args.repeats):
                for name, cmd in configs.items():  # start-up: cluster or pool, model loads, imports
                    wall, _, summary = timed(cmd(small, tmp / f"small-{rep}-{name.replace(' ', '_')}"), envs.get(name))
                    fixed[name].append({**summary["cpu"], "wall": wall})
                # analyze's start-up wall time, to estimate its steady rate
                start = fixed["analyze --processes 2"][-1]["wall"]
                for name, cmd in configs.items():  # interleaved
                    out = tmp / f"out-{rep}-{len(times[name])}-{name.replace(' ', '_')}"
                    wall, peak, summary = timed(cmd(path, out), envs.get(name))
                    times[name].append(wall)
                    peaks[name].append(peak)
                    cpus[name].append(summary.pop("cpu"))
                    steady[name].append(summary["steady_articles_per_second"] if summary
                                        else args.n / max(wall - start, 1e-9))
            print(f"\n{args.n} WikiNews articles, medians of {args.repeats} interleaved run(s), each a fresh command "
                  f"(cluster start and model loads included); load at end {load():.2f}\n")
            print("| command | wall s | articles/s | vs 1 worker | once started, articles/s | vs 1 worker "
                  "| peak MiB |\n"
                  "|---|---|---|---|---|---|---|")
            base = statistics.median(times["run --workers 1"])
            base_steady = statistics.median(steady["run --workers 1"])
            for name in configs:
                t, r = statistics.median(times[name]), statistics.median(steady[name])
                print(f"| `newsgraph {name}` | {t:.1f} | {args.n / t:.2f} | {base / t:.2f}× | {r:.2f} | "
                      f"{r / base_steady:.2f}× | {statistics.median(peaks[name]):.0f} |")
            two, procs = statistics.median(times["run --workers 2"]), statistics.median(times["analyze --processes 2"])
            print(f"\n2 workers vs 1: {base / two:.2f}× wall, "
                  f"{statistics.median(steady['run --workers 2']) / base_steady:.2f}× once started (goal ≥ 1.8×); "
                  f"2 workers vs `analyze --processes 2`: {(two - procs) / procs:+.0%} wall time (goal within 10%). "
                  "`analyze`'s rate once started is estimated by subtracting its wall time on 4 articles.")
            if args.before:
                old = statistics.median(times["run --workers 2 (before)"])
                print(f"\n2 workers (before, {args.before}) vs `analyze --processes 2`: "
                      f"{(old - procs) / procs:+.0%} wall time; this checkout's 2 workers take {two / old:.2f}× "
                      "the wall time of the old ones.")
            print("\nCPU of each command's whole process tree (client, scheduler, forkserver, workers; model loads "
                  "included; sampled every 0.2 s, so the last moments of each process are missing), per article; "
                  "other load on the machine changes these far less than wall times:\n\n"
                  "| command | user ms | system ms | total ms | vs `analyze --processes 2` | minor page faults |\n"
                  "|---|---|---|---|---|---|")
            ref = statistics.median(c["user"] + c["sys"] for c in cpus["analyze --processes 2"])
            for name in configs:
                user = statistics.median(c["user"] for c in cpus[name]) / args.n * 1000
                sys_ = statistics.median(c["sys"] for c in cpus[name]) / args.n * 1000
                total = statistics.median(c["user"] + c["sys"] for c in cpus[name])
                faults = statistics.median(c["minflt"] for c in cpus[name])
                print(f"| `newsgraph {name}` | {user:.1f} | {sys_:.1f} | {total / args.n * 1000:.1f} | "
                      f"{total / ref:.2f}× | {faults:,.0f} |")
            print("\nFixed and per-article CPU (user + system, whole process tree): the command on 4 articles, "
                  "and what each further article adds, (CPU on --n − CPU on 4) / (--n − 4):\n\n"
                  "| command | wall s on 4 | CPU s on 4 | per further article ms | vs `analyze --processes 2` |\n"
                  "|---|---|---|---|---|")
            marginal = {name: (statistics.median(c["user"] + c["sys"] for c in cpus[name])
                               - statistics.median(c["user"] + c["sys"] for c in fixed[name])) / (args.n - 4)
                        for name in configs}
            for name in configs:
                print(f"| `newsgraph {name}` | {statistics.median(c['wall'] for c in fixed[name]):.1f} | "
                      f"{statistics.median(c['user'] + c['sys'] for c in fixed[name]):.1f} | "
                      f"{marginal[name] * 1000:.1f} | {marginal[name] / marginal['analyze --processes 2']:.2f}× |")
            print("\nStart-up on 4 articles (medians; process start times, which other load shifts less than wall "
                  "times): seconds from the command's start until the forkserver was spawned and until the first "
                  "worker existed (forked from it, or by `analyze`):\n\n"
                  "| command | forkserver spawned at s | first worker at s | wall s on 4 |\n|---|---|---|---|")
            for name in configs:
                at = {k: [c["born"][k] for c in fixed[name] if k in c["born"]] for k in ("forkserver", "worker")}
                cells = [f"{statistics.median(v):.2f}" if v else "–" for v in at.values()]
                print(f"| `newsgraph {name}` | {cells[0]} | {cells[1]} | "
                      f"{statistics.median(c['wall'] for c in fixed[name]):.2f} |")
            print("\nThe same CPU by process (user + system s, whole run; `analyze`'s forked workers count as "
                  "workers):\n")
            roles = sorted({r for name in configs for c in cpus[name] for r in c["roles"]})
            print("| command | " + " | ".join(roles) + " |\n|---|" + "---|" * len(roles))
            for name in configs:
                cells = [statistics.median(c["roles"].get(r, 0.0) for c in cpus[name]) for r in roles]
                print(f"| `newsgraph {name}` | " + " | ".join(f"{v:.1f}" for v in cells) + " |")
        sizes = [int(s) for s in args.shard_sizes.split(",") if s]  # --shard-sizes '': none
        if sizes:
            print(f"\n`run --workers 2` by shard size, {args.repeats} interleaved run(s) each (medians; CPU: "
                  "the whole process tree, per article, with the lowest and highest of the runs):\n\n"
                  "| shard size | shards | wall s | articles/s | once started | CPU ms per article | of which workers "
                  "| peak MiB |\n|---|---|---|---|---|---|---|---|")
        runs: dict[int, list[tuple[float, float, dict]]] = {size: [] for size in sizes}
        for rep in range(args.repeats if sizes else 0):
            for size in sizes:
                runs[size].append(timed(run_cmd(path, tmp / f"shard-{rep}-{size}", 2, size)))
        for size, rs in runs.items():
            wall, peak = statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs)
            cpu = sorted((r[2]["cpu"]["user"] + r[2]["cpu"]["sys"]) / args.n * 1000 for r in rs)
            workers = statistics.median(r[2]["cpu"]["roles"].get("worker", 0.0) for r in rs) / args.n * 1000
            print(f"| {size} | {-(-args.n // size)} | {wall:.1f} | {args.n / wall:.2f} | "
                  f"{statistics.median(r[2]['steady_articles_per_second'] for r in rs):.2f} | "
                  f"{statistics.median(cpu):.1f} ({cpu[0]:.1f}–{cpu[-1]:.1f}) | {workers:.1f} | {peak:.0f} |")
        if args.sink:
            sink_cost(path, tmp, args.sink)
    print(f"\nload at end {load():.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
