"""Throughput of `newsgraph analyze` against the bare spaCy pipeline, on the same texts.

    .venv/bin/python benchmarks/throughput.py [--n 500] [--repeats 3] [--corpus PATH] [--lengths] [--cpu]

Measures, in one run on the first N WikiNews articles:
* the bare ``nlp.pipe`` of the spaCy pipeline newsgraph loads (parse only);
* ``analyze_many`` end to end (parse + every extractor + record assembly);
  the two alternate ``--repeats`` times; the ratio is the median of the per-repeat ratios,
  with its spread (the machine is shared: compare ratios, never seconds);
* each newsgraph component's own time, run over the parsed Docs;
* with ``--lengths``: cost per 1,000 characters of the parse and of each component for
  articles of about 2k, 4k, 7k, 10k and 14k characters (flat is the goal);
* the wall time of one ``newsgraph analyze --json`` from a cold start, and peak memory.
Results go to stdout as Markdown for docs/performance.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _corpus import held_out

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"


def load_articles(path: Path, n: int):
    from newsgraph.ingest.article import RawArticle, prepare

    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if held_out(obj):
                continue
            out.append(prepare(RawArticle(text=obj["text"], title=obj.get("title"), published=obj.get("date"))))
            if len(out) == n:
                break
    return out


def by_length(path: Path, per_bucket: int):
    """Up to ``per_bucket`` articles of the corpus near each target length (±20 %)."""
    from newsgraph.ingest.article import RawArticle, prepare

    targets = (2_000, 4_000, 7_000, 10_000, 14_000)
    found: dict[int, list] = {t: [] for t in targets}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if held_out(obj):
                continue
            n = len(obj["text"])
            for t in targets:
                if abs(n - t) <= 0.2 * t and len(found[t]) < per_bucket:
                    found[t].append(prepare(RawArticle(text=obj["text"], title=obj.get("title"),
                                                       published=obj.get("date"))))
            if all(len(v) == per_bucket for v in found.values()):
                break
    return found


_CLOCK = [time.perf_counter]


def _clock() -> float:
    """Wall time, or with ``--cpu`` this process's CPU time (on a machine shared with other
    work, CPU time moves less with the load; the pipeline runs in this one thread)."""
    return _CLOCK[0]()


def component_times(nlp, docs) -> dict[str, float]:
    out = {}
    for name in nlp.pipe_names:
        if not name.startswith("newsgraph_") or name == "newsgraph_paragraphs":
            continue  # paragraphs runs before the parser and costs next to nothing
        comp = nlp.get_pipe(name)
        t = _clock()
        for doc in docs:
            comp(doc)
        out[name] = _clock() - t
    return out


def length_table(nlp, path: Path, per_bucket: int, ours: list[str]) -> None:
    from newsgraph.pipeline import _make_doc

    print("\n| article length | articles | parse ms / 1k chars | extractors ms / 1k chars | events | actors |")
    print("|---:|---:|---:|---:|---:|---:|")
    for target, arts in by_length(path, per_bucket).items():
        if not arts:
            continue
        kchars = sum(len(a.text) for a in arts) / 1000
        t = _clock()
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=8))
        parse = _clock() - t
        comp = component_times(nlp, docs)
        print(f"| ~{target:,} | {len(arts)} | {1000 * parse / kchars:.1f} | {1000 * sum(comp.values()) / kchars:.1f}"
              f" | {1000 * comp.get('newsgraph_events', 0) / kchars:.2f}"
              f" | {1000 * comp.get('newsgraph_actors', 0) / kchars:.2f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3, help="alternating runs of bare and full")
    ap.add_argument("--lengths", action="store_true", help="also the cost per character by article length")
    ap.add_argument("--per-length", type=int, default=12, help="articles per length bucket")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--cpu", action="store_true", help="time in CPU seconds of this process, not wall seconds")
    args = ap.parse_args()
    if args.cpu:
        _CLOCK[0] = time.process_time
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}; set NEWSGRAPH_SHARED to the shared/ folder", file=sys.stderr)
        return 5

    from newsgraph.pipeline import _make_doc, analyze_many, load_pipeline

    articles = load_articles(args.corpus, args.n)
    chars = sum(len(a.text) for a in articles)
    nlp = load_pipeline()
    ours = [name for name in nlp.pipe_names if name.startswith("newsgraph_")]

    # Warm up both paths so neither pays first-call costs in the timing.
    list(analyze_many(articles[:5], nlp))

    # Alternate the two runs; the machine's noise is ~10-50 %, so each repeat gives a ratio.
    bares, fulls = [], []
    for _ in range(args.repeats):
        t0 = _clock()
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe((_make_doc(nlp, a) for a in articles), batch_size=32))
        bares.append(_clock() - t0)
        t0 = _clock()
        records = list(analyze_many(articles, nlp))
        fulls.append(_clock() - t0)
    ratios = sorted(b / f for b, f in zip(bares, fulls))
    bare, full = statistics.median(bares), statistics.median(fulls)

    per_component = component_times(nlp, docs)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    seed = SHARED / "seed" / "belarus-2020-11-30.txt"
    cold = None
    exe = Path(sys.executable).with_name("newsgraph")
    if seed.exists() and exe.exists():
        t = time.perf_counter()
        subprocess.run([str(exe), "analyze", "--json", str(seed)], check=True, capture_output=True)
        cold = time.perf_counter() - t

    n = len(articles)
    print(f"## Throughput ({n} WikiNews articles, {chars / n:,.0f} chars on average, model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']})\n")
    print("| run | seconds | articles/s | relative to bare parse |")
    print("|---|---:|---:|---:|")
    print(f"| bare spaCy `nlp.pipe` | {bare:.1f} | {n / bare:.1f} | 1.00 |")
    print(f"| newsgraph `analyze_many` | {full:.1f} | {n / full:.1f} | {statistics.median(ratios):.2f} of bare"
          f" throughput (median of {len(ratios)} interleaved ratios, {ratios[0]:.2f}-{ratios[-1]:.2f}) |")
    print("\n| component | seconds | share of bare parse time |")
    print("|---|---:|---:|")
    for name, secs in per_component.items():
        print(f"| {name} | {secs:.2f} | {100 * secs / bare:.1f}% |")
    total = sum(per_component.values())
    print(f"| all extractors | {total:.2f} | {100 * total / bare:.1f}% |")
    if args.lengths:
        length_table(nlp, args.corpus, args.per_length, ours)
    if args.cpu:
        print("\nSeconds above are CPU seconds of this process (`--cpu`).")
    print(f"\nLoad average {os.getloadavg()[0]:.2f}. Peak memory (max RSS of the benchmark process): {peak_mb:,.0f} MB.")
    if cold is not None:
        print(f"Cold start, one article (`newsgraph analyze --json` on the seed article, process start to exit): {cold:.2f} s.")
    print(f"Records: {sum(len(r.events) for r in records)} events, {sum(len(r.quotes) for r in records)} quotes, "
          f"{sum(len(r.actors) for r in records)} actors.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
