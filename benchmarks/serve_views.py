"""Every view of a running ``newsgraph serve`` over HTTP: does it render, and in under a second?

    .venv/bin/python benchmarks/serve_views.py --db STORE [--runs 3] [--limit-ms 1000]

Starts ``newsgraph serve`` on a free 127.0.0.1 port (stopped at the end), picks real
arguments from the store through the server's own JSON exports (the busiest actor, a
common type and country, an event, an article, a word from a headline), then requests
every view — plain and filtered, each export format — ``--runs`` times with httpx. Prints
one line per URL (status, median and slowest milliseconds) and exits 1 if any answer was
not 200 or took longer than ``--limit-ms``. Used for the WikiNews check in docs/serve.md.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(client: httpx.Client) -> list[str]:
    """The views to check, with arguments taken from the store."""
    overview = {(r["group"], r["key"]): r["count"] for r in client.get("/index.json").json()["rows"]}
    typ = max((k for g, k in overview if g == "types"), key=lambda k: overview["types", k])
    actors = client.get("/events/graph.json?top=5").json()["rows"]
    actor = actors[0]["source_id"] if actors else 1
    events = client.get(f"/events.json?actor={actor}").json()["rows"] or client.get("/events.json").json()["rows"]
    event, article = events[0]["id"], events[0]["article_id"]
    country = events[0]["source_country"] or "USA"
    word = next((w for w in (events[0]["title"] or "news").split() if len(w) > 4 and w.isalpha()), "minister")
    first = client.get("/events").text
    cursor = first.split('rel="next" href="/events?after=')[1].split('"')[0] if 'rel="next"' in first else ""
    plain = ["/", "/?period=week", "/events", f"/events?after={cursor}" if cursor else "/events?polarity=all",
             "/events/timeline", "/events/timeline?period=day", "/events/map", "/events/graph", f"/events/{quote(event)}",
             f"/articles/{quote(article)}", f"/articles/{quote(article)}?hl={quote(event.split('~')[1])}",
             f"/actors/{actor}", f"/search?q={word}", f"/search?q={word}&kind=quotes", f"/search?q={word}&kind=claims",
             "/quotes", f"/quotes?q={word}", "/claims", f"/claims?q={word}", "/places", f"/places?country={country}"]
    filtered = [f"/events?actor={actor}", f"/events/timeline?actor={actor}", f"/events/map?actor={actor}",
                f"/events/graph?actor={actor}", f"/events?type={typ}&from=2005&to=2005",
                f"/events/timeline?type={typ}", f"/events?country={country}&min_conf=0.8",
                f"/events/timeline?country={country}", "/events?polarity=negated", "/events?cameo=04",
                f"/search?q={word}&actor={actor}", f"/quotes?actor={actor}"]
    exports = ["/index.json", "/events.csv", f"/events.jsonl?actor={actor}", "/events/timeline.csv",
               "/events/graph.gexf", f"/events/map.json?actor={actor}", f"/search.json?q={word}",
               f"/actors/{actor}.json", f"/articles/{quote(article)}.csv"]
    return plain + filtered + exports


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit-ms", type=float, default=1000)
    args = ap.parse_args()
    port = _free_port()
    exe = Path(sys.executable).parent / "newsgraph"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(args.db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    bad = 0
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
        t0 = time.perf_counter()
        while True:
            try:
                client.get("/favicon.ico")
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.perf_counter() - t0 > 120:
                    print(proc.stdout.read() if proc.stdout else "", file=sys.stderr)
                    raise SystemExit("newsgraph serve did not start")
                time.sleep(0.2)
        todo = urls(client)
        times: dict[str, list[float]] = {u: [] for u in todo}
        statuses: dict[str, set[int]] = {u: set() for u in todo}
        for _ in range(args.runs):
            for u in todo:
                t = time.perf_counter()
                try:
                    r = client.get(u)
                except httpx.TransportError:  # a kept-alive connection closed under us: once more, anew
                    if proc.poll() is not None:
                        raise SystemExit(f"newsgraph serve died on {u}")
                    t = time.perf_counter()
                    r = client.get(u, headers={"Connection": "close"})
                times[u].append((time.perf_counter() - t) * 1000)
                statuses[u].add(r.status_code)
        print("| URL | status | median ms | slowest ms |\n|---|---|---:|---:|")
        for u in todo:
            worst = max(times[u])
            ok = statuses[u] == {200} and worst <= args.limit_ms
            bad += not ok
            print(f"| `{u}` | {','.join(map(str, sorted(statuses[u])))} | {statistics.median(times[u]):.0f} |"
                  f" {worst:.0f}{'' if ok else ' **!**'} |")
        print(f"\n{len(todo)} URLs × {args.runs} runs; {bad} failed (not 200, or slower than {args.limit_ms:.0f} ms)")
    finally:
        proc.terminate()
        proc.wait(10)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
