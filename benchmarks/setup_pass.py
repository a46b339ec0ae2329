"""What a shared per-article set-up pass could save: the six extractors in pipeline order, per Doc,
with the per-Doc set-up made lazily by its first reader (as now) or up front in one pass.

    .venv/bin/python benchmarks/setup_pass.py [--n 200] [--rounds 8]

The set-up the extractors share is the :class:`~newsgraph.extract.tokens.TokenView` (every hash
column, heads, children, character offsets, sentence numbers and starts), the entities
(``doc_ents``) and the text (``doc_text``). Each is kept for the last Doc, so in a pipeline the
first extractor that reads one makes it and the others reuse it. This benchmark checks that
(how many views and columns are made per Doc) and times, over the same parsed Docs, CPU time,
garbage collection off, the two ways:

* ``lazy``: the caches are dropped before each Doc and the six components run (the pipeline);
* ``upfront``: one pass makes the whole set-up first (timed on its own), then the six run;

both on each Doc, which goes first alternating (steadier on a shared machine than whole passes).

If the set-up is made once either way, ``upfront`` only moves its cost: the extractors get
cheaper by about what the pass costs. The bare parse (the same pipeline without our
components, the faster of two warm passes) is printed for the shares.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, load_articles  # noqa: E402

_COLUMNS = ["dep", "lower", "lemma", "pos", "tag", "ent_type", "is_punct", "orth", "head", "children", "chars",
            "sent_starts"]


def _drop_caches() -> None:
    """Forget the last Doc's token view and entities, as a new Doc would."""
    import newsgraph.extract as ex
    import newsgraph.extract.tokens as tk

    tk._VIEW = None
    ex._ENTS = (None, b"", ())


def _setup(doc) -> None:
    """The shared set-up of one Doc, made in one pass."""
    from newsgraph.extract import doc_ents, doc_text
    from newsgraph.extract.tokens import token_view

    view = token_view(doc)
    for name in _COLUMNS:
        getattr(view, name)
    doc_ents(doc)
    doc_text(doc)


def _one(doc, comps, upfront: bool, ns: dict[str, int]) -> None:
    """Add the CPU nanoseconds of each component (and of the set-up pass) on ``doc`` to ``ns``."""
    _drop_caches()
    if upfront:
        t = time.process_time_ns()
        _setup(doc)
        ns["set-up pass"] += time.process_time_ns() - t
    for name, comp in comps:
        t = time.process_time_ns()
        comp(doc)
        ns[name] += time.process_time_ns() - t


def _builds(docs, comps) -> collections.Counter:
    """How many token views and view columns the six components make over ``docs``."""
    import newsgraph.extract.tokens as tk

    made: collections.Counter = collections.Counter()
    init, col = tk.TokenView.__init__, tk.TokenView._col

    def counted_init(self, doc):
        made["views"] += 1
        init(self, doc)

    def counted_col(self, name):
        made["columns"] += 1
        return col(self, name)

    tk.TokenView.__init__, tk.TokenView._col = counted_init, counted_col
    try:
        for doc in docs:
            _one(doc, comps, False, collections.Counter())
    finally:
        tk.TokenView.__init__, tk.TokenView._col = init, col
    return made


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    from newsgraph.pipeline import _make_doc, load_pipeline

    arts = load_articles(args.corpus, args.n)
    nlp = load_pipeline()
    ours = [p for p in nlp.pipe_names if p.startswith("newsgraph_")]
    comps = [(p, nlp.get_pipe(p)) for p in ours if p != "newsgraph_paragraphs"]  # it runs before the parser
    bares = []
    with nlp.select_pipes(disable=ours):
        for _ in range(3):  # the first pass warms up; the faster of the other two
            t = time.process_time()
            docs = list(nlp.pipe((_make_doc(nlp, a) for a in arts), batch_size=32))
            bares.append(time.process_time() - t)
    bare = min(bares[1:])
    made = _builds(docs, comps)
    print(f"{len(docs)} WikiNews articles, {sum(len(d) for d in docs):,} tokens; over them the six components made "
          f"{made['views']} token views and {made['columns']} hash columns (once per Doc: {len(docs)} and "
          f"{len(docs)} x the columns read)")
    rounds: dict[bool, list[dict[str, int]]] = {False: [], True: []}
    gc.collect()
    gc.disable()
    try:
        for r in range(args.rounds):  # both ways on each Doc, which goes first alternating
            lazy_ns, upfront_ns = collections.Counter(), collections.Counter()
            for k, doc in enumerate(docs):
                for upfront in (False, True) if (r + k) % 2 == 0 else (True, False):
                    _one(doc, comps, upfront, upfront_ns if upfront else lazy_ns)
            rounds[False].append(lazy_ns)
            rounds[True].append(upfront_ns)
    finally:
        gc.enable()
    per = 1e6 * len(docs)  # ns -> ms per article

    def med(upfront: bool, name: str | None = None) -> float:
        return statistics.median(sum(v for k, v in t.items() if name in (None, k)) for t in rounds[upfront]) / per

    print(f"\nbare parse {1000 * bare / len(docs):.2f} ms per article; {args.rounds} rounds, CPU ms per article "
          f"(median of rounds), load average {os.getloadavg()[0]:.1f}\n")
    print("| component | lazy (as now) | upfront |")
    print("|---|---:|---:|")
    for name, _ in comps:
        print(f"| {name} | {med(False, name):.3f} | {med(True, name):.3f} |")
    lazy, pass_, with_pass = med(False), med(True, "set-up pass"), med(True)
    print(f"| the set-up pass | | {pass_:.3f} |")
    print(f"| the six extractors | {lazy:.3f} ({100 * lazy / (1000 * bare / len(docs)):.1f} % of the parse) | "
          f"{with_pass - pass_:.3f} + pass = {with_pass:.3f} ({100 * with_pass / (1000 * bare / len(docs)):.1f} %) |")
    ratios = sorted(sum(b.values()) / sum(a.values()) for a, b in zip(rounds[False], rounds[True]))
    print(f"\nupfront / lazy, pass included: {statistics.median(ratios):.3f} ({ratios[0]:.3f}-{ratios[-1]:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
