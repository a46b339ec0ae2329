"""Is the output byte-identical to a saved baseline? The check every optimisation must pass.

    .venv/bin/python benchmarks/identical.py --record            # save the baseline (untouched code)
    .venv/bin/python benchmarks/identical.py                     # compare against it
    .venv/bin/python benchmarks/identical.py --all --record      # the same over every article outside the held-out slice
    .venv/bin/python benchmarks/identical.py --processes 2       # the parallel path must agree too

Runs ``analyze_many`` over the seed article plus the first N WikiNews articles
(``--all``: every one outside the held-out slice, 5,248 of the 5,523; the resident memory is printed every 500 records, so the
same run checks that memory does not grow) and keeps one SHA-256 per record of its JSONL line, so a
mismatch names the articles that changed. Baselines live outside the repo
(``--baseline``, default ``/tmp/newsgraph-identical/``): they are measurements
of one machine's code state, not project data. Exit code 0 when identical, 1
when not, 2 when there is no baseline to compare with.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpora" / "wikinews_en_politics_economy.jsonl.gz"
SEED = SHARED / "seed" / "belarus-2020-11-30.txt"
BASELINES = Path(os.environ.get("NEWSGRAPH_IDENTICAL_DIR", "/tmp/newsgraph-identical"))


def articles(n: int | None):
    """The seed article (read as the CLI reads a file) then WikiNews articles, prepared."""
    from _corpus import held_out
    from newsgraph.ingest.article import RawArticle, prepare
    from newsgraph.ingest.sources import iter_inputs

    out = [prepare(item) for item in iter_inputs([str(SEED)])]
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if n is not None and len(out) > n:
                break
            obj = json.loads(line)
            if held_out(obj):
                continue
            out.append(prepare(RawArticle(text=obj["text"], title=obj.get("title"), published=obj.get("date"),
                                          url=obj.get("url"))))
    return out


def digests(n: int | None, processes: int, rss_every: int = 500) -> list[tuple[str, str]]:
    """One digest per record; RSS is printed every ``rss_every`` records (memory growth check)."""
    from _memory import pss_mib, rss_mib
    from newsgraph.pipeline import analyze_many, shared_pipeline

    batch = articles(n)
    nlp = None if processes > 1 else shared_pipeline()
    out = []
    for rec in analyze_many(batch, nlp, n_process=processes):
        out.append((rec.article.id, hashlib.sha256(rec.to_json().encode()).hexdigest()))
        if len(out) % rss_every == 0:
            print(f"memory (PSS) after {len(out)} records: {pss_mib(os.getpid()):,.0f} MiB"
                  f" (RSS {rss_mib():,.0f} MiB)", file=sys.stderr)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="WikiNews articles after the seed (default 300)")
    ap.add_argument("--all", action="store_true", help="every WikiNews article outside the held-out slice (5,248)")
    ap.add_argument("--record", action="store_true", help="save the digests as the baseline")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--baseline", type=Path, help="baseline file (default: by N under /tmp/newsgraph-identical)")
    args = ap.parse_args()
    n = None if args.all else args.n
    path = args.baseline or BASELINES / f"baseline-{'all' if n is None else n}.tsv"

    t0 = time.perf_counter()
    got = digests(n, args.processes)
    secs = time.perf_counter() - t0
    total = hashlib.sha256("".join(d for _, d in got).encode()).hexdigest()
    print(f"{len(got)} records in {secs:.1f} s, digest {total[:16]}", file=sys.stderr)
    if args.record:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(f"{i}\t{d}\n" for i, d in got))
        print(f"baseline written to {path}", file=sys.stderr)
        return 0
    if not path.exists():
        print(f"no baseline at {path}; record one with --record on the untouched code", file=sys.stderr)
        return 2
    want = [tuple(line.split("\t")) for line in path.read_text().splitlines()]
    if want == got:
        print(f"IDENTICAL to {path}", file=sys.stderr)
        return 0
    changed = [i for (i, d), (j, e) in zip(want, got) if i != j or d != e]
    print(f"DIFFERENT from {path}: {len(changed)} of {len(want)} records changed"
          f"{'' if len(want) == len(got) else f' ({len(want)} expected, {len(got)} produced)'}; "
          f"first: {', '.join(changed[:5])}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
