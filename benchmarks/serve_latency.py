"""Page latency of ``newsgraph serve`` on the synthetic 1,000,000-event store.

    .venv/bin/python benchmarks/serve_latency.py [--events 1000000] [--db /tmp/ng-serve-latency.db] [--reuse] [--runs 30]
    .venv/bin/python benchmarks/serve_latency.py --reuse --db AFTER.db --compare BASE_SRC --base-db BEFORE.db

``--compare`` renders every request twice, interleaved: once by this checkout on ``--db``, once
by the newsgraph source tree BASE_SRC (e.g. a ``git archive`` of an older commit) on
``--base-db`` (a copy of the same store at that version's schema), each in its own process,
and prints p50/p95 of both side by side.

Reuses the store builder of ``benchmarks/store_latency.py`` (real schema,
Zipf-distributed actors and words, ten years of dates), then renders every
view in-process through the ASGI app (routing, SQL, templates; no network),
with arguments drawn from the same laws, interleaving the views run by run.
Prints the time to build the cached whole-store aggregates once, then p50/p95
per view. Goal (issue 12): p95 < 300 ms per page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_latency import COUNTRIES, N_ACTORS, VOCAB, _words, _zipf, synthetic_store_args  # noqa: E402

from newsgraph.records import PLOVER_TYPES  # noqa: E402


def views(rng: np.random.Generator, cursor: str) -> dict[str, callable]:
    vocab = _words(VOCAB)
    actor = lambda: int(_zipf(rng, N_ACTORS, 1)[0]) + 1  # noqa: E731
    word = lambda: vocab[int(_zipf(rng, VOCAB, 1)[0])]  # noqa: E731
    typ = lambda: str(rng.choice(PLOVER_TYPES))  # noqa: E731
    year = lambda: int(rng.integers(2015, 2025))  # noqa: E731
    article = lambda: int(rng.integers(0, 100_000))  # noqa: E731
    return {
        "overview": lambda: "/",
        "events (no filter)": lambda: "/events",
        "events, page 21 (cursor)": lambda: "/events?after=" + cursor,
        "events ?actor= (Zipf)": lambda: f"/events?actor={actor()}",
        "events ?type=&from=&to=": lambda: f"/events?type={typ()}&from={(y := year())}-01&to={y}-06",
        "events ?country=&min_conf=": lambda: f"/events?country={rng.choice(COUNTRIES)}&min_conf=0.8",
        "timeline (no filter)": lambda: "/events/timeline",
        "timeline ?actor=": lambda: f"/events/timeline?actor={actor()}",
        "timeline ?type=&year": lambda: f"/events/timeline?type={typ()}&from={(y := year())}&to={y}",
        "map (no filter)": lambda: "/events/map",
        "map ?actor=": lambda: f"/events/map?actor={actor()}",
        "network (no filter)": lambda: "/events/graph",
        "network ?actor=": lambda: f"/events/graph.json?actor={actor()}&top=25",
        "event card": lambda: f"/events/a{article()}~e{int(rng.integers(0, 10))}",
        "article reader": lambda: f"/articles/a{article()}",
        "actor profile": lambda: f"/actors/{actor()}",
        "search (one word)": lambda: f"/search?q={word()}",
        "quotes": lambda: "/quotes",
        "quotes ?q=": lambda: f"/quotes?q={word()}",
        "claims": lambda: "/claims",
        "places": lambda: "/places",
        "events.csv ?actor=": lambda: f"/events.csv?actor={actor()}",
    }


def _client(db: Path):
    """A warmed-up in-process client of the app on ``db`` (cached aggregates built, if any)."""
    from starlette.testclient import TestClient

    from newsgraph.serve import create_app

    client = TestClient(create_app(db, warm=False), base_url="http://127.0.0.1")
    t = time.perf_counter()
    assert client.get("/").status_code == 200
    first = time.perf_counter() - t
    for path in ("/events/map", "/events/graph", "/places", "/events/timeline", "/index.json"):
        client.get(path)  # the other cached aggregates (if this version caches them) and the fingerprint
    return client, first


def _cursor(client) -> str:
    url = "/events"
    for _ in range(20):
        html = client.get(url).text
        url = "/events?after=" + html.split('rel="next" href="/events?after=')[1].split('"')[0]
    return url.split("after=")[1]


def worker(db: Path) -> None:
    """Serve paths read from stdin, one per line; answer 'ms status' per line (for --compare)."""
    client, first = _client(db)
    print(f"ready {first:.1f} {_cursor(client)}", flush=True)
    for line in sys.stdin:
        t = time.perf_counter()
        r = client.get(line.strip())
        print(f"{(time.perf_counter() - t) * 1000:.3f} {r.status_code}", flush=True)


def _quantiles(ts: list[float]) -> tuple[float, float]:
    return statistics.median(ts), statistics.quantiles(ts, n=20)[18]


def compare(args) -> None:
    """Before (BASE_SRC on --base-db) and after (this checkout on --db), request by request."""
    import os
    import subprocess

    here = Path(__file__).resolve()
    procs = {}
    for side, src, db in (("before", str(args.compare), args.base_db), ("after", str(here.parents[1] / "src"), args.db)):
        env = {**os.environ, "PYTHONPATH": src}
        procs[side] = subprocess.Popen([sys.executable, str(here), "--worker", "--reuse", "--db", str(db)], env=env,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    cursors = {}
    for side, p in procs.items():
        _, first, cursors[side] = p.stdout.readline().split()
        print(f"{side}: first overview {float(first):.1f} s (builds whatever that version caches)")
    rng = np.random.default_rng(11)
    kinds = views(rng, "CURSOR")
    times = {k: {"before": [], "after": []} for k in kinds}
    statuses = {k: {"before": set(), "after": set()} for k in kinds}
    for _ in range(args.runs):
        for label, make in kinds.items():
            path = make()
            for side, p in procs.items():
                p.stdin.write(path.replace("CURSOR", cursors[side]) + "\n")
                p.stdin.flush()
                ms, status = p.stdout.readline().split()
                times[label][side].append(float(ms))
                statuses[label][side].add(int(status))
    for p in procs.values():
        p.stdin.close()
        p.wait()
    print("| view | before p50 ms | before p95 ms | after p50 ms | after p95 ms | statuses |\n|---|---:|---:|---:|---:|---|")
    for label, ts in times.items():
        (b50, b95), (a50, a95) = _quantiles(ts["before"]), _quantiles(ts["after"])
        sts = "/".join(",".join(map(str, sorted(statuses[label][s]))) for s in ("before", "after"))
        print(f"| {label} | {b50:.0f} | {b95:.0f} | {a50:.0f} | {a95:.0f} | {sts} |")


def main() -> None:
    if "--worker" in sys.argv:
        sys.argv.remove("--worker")
        return worker(synthetic_store_args(__doc__.split("\n\n")[0], "/tmp/ng-serve-latency.db", 30).db)
    extra = argparse.ArgumentParser(add_help=False)
    extra.add_argument("--compare", type=Path)
    extra.add_argument("--base-db", type=Path)
    known, sys.argv[1:] = extra.parse_known_args()
    args = synthetic_store_args(__doc__.split("\n\n")[0], "/tmp/ng-serve-latency.db", 30)
    if known.compare:
        args.compare, args.base_db = known.compare, known.base_db
        return compare(args)

    client, first = _client(args.db)
    print(f"first overview (builds whatever is cached): {first:.1f} s")
    cursor = _cursor(client)
    rng = np.random.default_rng(11)
    kinds = views(rng, cursor)
    times: dict[str, list[float]] = {k: [] for k in kinds}
    statuses: dict[str, set[int]] = {k: set() for k in kinds}
    for _ in range(args.runs):  # interleaved: load on the machine hits every view alike
        for label, make in kinds.items():
            path = make()
            t = time.perf_counter()
            r = client.get(path)
            times[label].append((time.perf_counter() - t) * 1000)
            statuses[label].add(r.status_code)
    print("| view | p50 ms | p95 ms | statuses |\n|---|---:|---:|---|")
    for label, ts in times.items():
        p50, p95 = _quantiles(ts)
        print(f"| {label} | {p50:.0f} | {p95:.0f} | {', '.join(map(str, sorted(statuses[label])))} |")


if __name__ == "__main__":
    main()
