"""Extractor components of an older source tree against this one, in one process, over the same Docs.

    git archive fb2f4bc src | tar -x -C /tmp/before
    .venv/bin/python benchmarks/components_ab.py --against /tmp/before/src [--n 200] [--rounds 5] [--per-doc]
    .venv/bin/python benchmarks/components_ab.py --against /tmp/before/src --lengths [--per-length 10]

The older ``newsgraph`` package is copied to a temporary directory as ``newsgraph_old`` (its
spaCy factory names prefixed ``old_`` so both can be registered), the first N WikiNews articles
are parsed once by this tree's full pipeline, and then each component of the old and of the new
tree runs over the same parsed Docs, alternating which goes first, ``--rounds`` times. A machine
shared with other work moves both alike within a round: the per-round ratio new / old is the
figure, printed with its median and spread, and each side's median as a share of the bare parse
(all timed in CPU time of this process: less moved by other work on a shared machine than wall time).
Components: actors, times, quantities, places, quotes (quotes and claims), events. The event
coder writes into the actor list (``settle``), so each events run starts from a fresh copy of
the actor layer's output (copied outside the timing).
"""

from __future__ import annotations

import argparse
import copy
import functools
import gc
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, load_articles  # noqa: E402

NAMES = ["actors", "times", "quantities", "places", "quotes", "events"]


def old_components(src: Path, tmp: Path, nlp) -> dict:
    """The old tree's components, imported as ``newsgraph_old``."""
    dst = tmp / "newsgraph_old"
    shutil.copytree(src / "newsgraph", dst)
    for py in dst.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        new = re.sub(r'Language\.(factory|component)\("newsgraph_', r'Language.\1("old_newsgraph_', text)
        if new != text:
            py.write_text(new, encoding="utf-8")
    sys.path.insert(0, str(tmp))
    from newsgraph_old.extract.actors import ActorExtractor
    from newsgraph_old.extract.cues import load_cues
    from newsgraph_old.extract.events import EventCoder
    from newsgraph_old.extract.places import PlaceExtractor
    from newsgraph_old.extract.quantities import QuantityExtractor
    from newsgraph_old.extract.quotes import QuoteExtractor
    from newsgraph_old.extract.times import TimeExtractor

    return {"actors": ActorExtractor(nlp, "old_newsgraph_actors"), "times": TimeExtractor(),
            "quantities": QuantityExtractor(), "places": PlaceExtractor(), "quotes": QuoteExtractor(load_cues(None)),
            "events": EventCoder()}


def _per_doc(name: str, pair: list, docs: list, fresh: list, r: int,
             columns: list[list[str]] | None = None) -> tuple[float, float]:
    """CPU seconds of the old and the new component over ``docs``, alternating on every Doc (which
    goes first alternates too). Each side's per-Doc caches of entities and token arrays are made
    outside the timing, as the earlier components of a pipeline would have made them: the
    entities, the token view, and the view's columns the actor layer read on that Doc
    (``columns``; a column the actor layer leaves unread is charged to the first component that
    reads it); the actor layer, which comes first in a pipeline, makes its own. Garbage
    collection is off meanwhile."""
    import importlib

    warm = []
    for pkg in ("newsgraph_old", "newsgraph"):
        ents = getattr(importlib.import_module(pkg + ".extract"), "doc_ents", None)
        try:  # an older tree may have neither
            view = importlib.import_module(pkg + ".extract.tokens").token_view
        except ImportError:
            view = None
        warm.append(functools.partial(_warm, ents, view))
    ns = [0, 0]
    columns = columns or [[] for _ in docs]
    gc.collect()
    gc.disable()
    try:
        for k, (doc, acts) in enumerate(zip(docs, fresh)):
            for side, comp in pair if (r + k) % 2 == 0 else pair[::-1]:
                if name == "events":
                    doc._.actors = copy.deepcopy(acts)
                if name != "actors":
                    warm[side](doc, columns[k])
                t = time.process_time_ns()
                comp(doc)
                ns[side] += time.process_time_ns() - t
    finally:
        gc.enable()
    return ns[0] / 1e9, ns[1] / 1e9


def _warm(ents, view, doc, columns: list[str]) -> None:
    """One side's per-Doc caches: its entities, its token view and the view's ``columns``."""
    if ents is not None:
        ents(doc)
    if view is not None:
        v = view(doc)
        for c in columns:
            getattr(v, c, None)  # a column an older view lacks is skipped


def _columns_read(doc) -> list[str]:
    """The token view's columns read so far on ``doc`` (made when first read, then kept)."""
    try:
        from newsgraph.extract.tokens import token_view
    except ImportError:
        return []
    view = token_view(doc)
    return [k for k in vars(view) if not k.startswith("_") and k not in ("doc", "n", "has_sents", "memos")]


def _length_table(args, nlp, old: dict, ours: list[str]) -> int:
    """Per 1,000 characters, by article length: the bare parse and each component, old / new."""
    from throughput import by_length

    from newsgraph.pipeline import _make_doc

    names = [k for k in NAMES if k in args.only.split(",")]
    print(f"{args.rounds} rounds per Doc, old and new alternating (CPU µs per 1,000 characters, old / new)\n")
    print("| article length | articles | parse ms / 1k chars | " + " | ".join(names) + " |")
    print("|---:|---:|---:|" + "---:|" * len(names))
    for target, arts in by_length(args.corpus, args.per_length).items():
        if not arts:
            continue
        kchars = sum(len(a.text) for a in arts) / 1000
        with nlp.select_pipes(disable=ours):
            t = time.process_time()
            list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=8))
            parse = time.process_time() - t
        docs = list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=8))
        actors = nlp.get_pipe("newsgraph_actors")
        fresh, columns = [], []
        for doc in docs:
            fresh.append(actors(doc)._.actors)
            columns.append(_columns_read(doc))
        cells = []
        for name in names:
            pair = [(0, old[name]), (1, nlp.get_pipe("newsgraph_" + name))]
            sides = [_per_doc(name, pair, docs, fresh, r, columns) for r in range(args.rounds)]
            o, n = (statistics.median(s[k] for s in sides) for k in (0, 1))
            cells.append(f"{1e6 * o / kchars:.0f} / {1e6 * n / kchars:.0f}")
        print(f"| ~{target:,} | {len(arts)} | {1000 * parse / kchars:.1f} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nLoad average {os.getloadavg()[0]:.1f}.")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", type=Path, required=True, help="the older tree's src/ folder")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--only", default=",".join(NAMES), help="comma-separated components (default: all six)")
    ap.add_argument("--per-doc", action="store_true",
                    help="alternate old and new on every Doc (not on every pass over all Docs), each side's "
                         "per-Doc caches (entities, token view) made outside the timing: steadier under load")
    ap.add_argument("--lengths", action="store_true",
                    help="instead: each component's cost per 1,000 characters, old and new (--per-doc), for "
                         "articles of about 2k, 4k, 7k, 10k and 14k characters (flat is the goal)")
    ap.add_argument("--per-length", type=int, default=10, help="articles per length bucket (--lengths)")
    args = ap.parse_args()
    from newsgraph.pipeline import _make_doc, load_pipeline

    arts = load_articles(args.corpus, args.n)
    nlp = load_pipeline()
    ours = [p for p in nlp.pipe_names if p.startswith("newsgraph_")]
    with tempfile.TemporaryDirectory() as tmp:
        old = old_components(args.against, Path(tmp), nlp)
        if args.lengths:
            return _length_table(args, nlp, old, ours)
        docs = list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=32))
        with nlp.select_pipes(disable=ours):
            t = time.process_time()  # CPU time like the components (thinc's blis is single-threaded)
            list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=32))
            bare = time.process_time() - t
        actors = nlp.get_pipe("newsgraph_actors")
        fresh, columns = [], []
        for doc in docs:
            fresh.append(actors(doc)._.actors)  # the actor layer's output, before the event coder
            columns.append(_columns_read(doc))
        names = [k for k in NAMES if k in args.only.split(",")]
        secs: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in names}
        for r in range(args.rounds):
            for name in names:
                pair = [(0, old[name]), (1, nlp.get_pipe("newsgraph_" + name))]
                if args.per_doc:
                    for side, t in enumerate(_per_doc(name, pair, docs, fresh, r, columns)):
                        secs[name][side].append(t)
                    continue
                for side, comp in pair if r % 2 == 0 else pair[::-1]:
                    if name == "events":
                        for doc, acts in zip(docs, fresh):
                            doc._.actors = copy.deepcopy(acts)
                    gc.collect()  # no collection of the previous run's garbage inside this one's timing
                    t = time.process_time()  # CPU time: the components are single-threaded Python
                    for doc in docs:
                        comp(doc)
                    secs[name][side].append(time.process_time() - t)
    print(f"{args.n} WikiNews articles, bare parse {bare:.2f} s, {args.rounds} rounds, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| component | old s (share of bare parse) | new s (share) | new / old, median of rounds (min-max) |")
    print("|---|---:|---:|---:|")
    tot_old = tot_new = 0.0
    for name, (o, n) in secs.items():
        ratios = sorted(b / a for a, b in zip(o, n))
        mo, mn = statistics.median(o), statistics.median(n)
        tot_old, tot_new = tot_old + mo, tot_new + mn
        print(f"| {name} | {mo:.3f} ({100 * mo / bare:.1f}%) | {mn:.3f} ({100 * mn / bare:.1f}%) | "
              f"{statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f}) |")
    print(f"| {'all six' if len(names) == len(NAMES) else ' + '.join(names)} | {tot_old:.3f} ({100 * tot_old / bare:.1f}%) | {tot_new:.3f} ({100 * tot_new / bare:.1f}%)"
          f" | {tot_new / tot_old:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
