"""Page latency of ``newsgraph serve`` on the synthetic 1,000,000-event store.

    .venv/bin/python benchmarks/serve_latency.py [--events 1000000] [--db /tmp/ng-serve-latency.db] [--reuse] [--runs 30]

Reuses the store builder of ``benchmarks/store_latency.py`` (real schema,
Zipf-distributed actors and words, ten years of dates), then renders every
view in-process through the ASGI app (routing, SQL, templates; no network),
with arguments drawn from the same laws, interleaving the views run by run.
Prints the time to build the cached whole-store aggregates once, then p50/p95
per view. Goal (issue 12): p95 < 300 ms per page.
"""

from __future__ import annotations

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


def main() -> None:
    args = synthetic_store_args(__doc__.split("\n\n")[0], "/tmp/ng-serve-latency.db", 30)

    from starlette.testclient import TestClient

    from newsgraph.serve import create_app

    client = TestClient(create_app(args.db, warm=False), base_url="http://127.0.0.1")
    t = time.perf_counter()
    assert client.get("/").status_code == 200
    print(f"first overview (builds the cached whole-store aggregates): {time.perf_counter() - t:.1f} s")
    for path in ("/events/map", "/events/graph", "/places", "/events/timeline", "/index.json"):
        client.get(path)  # the other cached aggregates and the store fingerprint
    url = "/events"
    for _ in range(20):
        html = client.get(url).text
        url = "/events?after=" + html.split('rel="next" href="/events?after=')[1].split('"')[0]
    cursor = url.split("after=")[1]

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
        q = statistics.quantiles(ts, n=20)
        print(f"| {label} | {statistics.median(ts):.0f} | {q[18]:.0f} | {', '.join(map(str, sorted(statuses[label])))} |")


if __name__ == "__main__":
    main()
