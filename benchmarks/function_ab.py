"""One function of an older source tree against this one, in place, inside a real run of the six components.

    git archive main src | tar -x -C /tmp/before
    .venv/bin/python benchmarks/function_ab.py --against /tmp/before/src \\
        newsgraph.extract.events.faulted:faulted_acts [module:function ...] [--n 200] [--rounds 3]

``components_ab.py`` times whole components; a change to one rule function moves a component by
less than its noise (an A/A run puts a component's median at 0.93-1.07). Here the older tree's
text of each named function is compiled into the current module's globals (with the old module's
imports), so both versions call the same helpers, read the same per-Doc caches and run in the same
place of the pipeline: every Doc goes through the six components twice per round, once with the
old versions and once with the new (which comes first alternates), and the CPU time of each
function's outermost calls is summed per version. Caches a function warms (the token view's
columns, memos) are warm for both versions alike; a helper changed in the same commit is the new
one in both, so name it too to compare it. Prints µs per article, old and new, and the median
ratio over rounds with its spread. The output is not compared: ``identical.py`` does that.
"""

from __future__ import annotations

import argparse
import ast
import collections
import gc
import importlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, load_articles  # noqa: E402

COMPONENTS = ("actors", "times", "quantities", "places", "quotes", "events")


def old_version(src: Path, target: str):
    """(current function, the older tree's function compiled in the current module's globals)."""
    modname, fn = target.rsplit(":", 1)
    mod = importlib.import_module(modname)
    path = src / (modname.replace(".", "/") + ".py")
    if not path.exists():
        path = src / modname.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == fn)
    imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))
               and not (isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    scope = dict(vars(mod))
    exec(compile(ast.Module(body=imports + [node], type_ignores=[]), str(path), "exec"), scope)
    return getattr(mod, fn), scope[fn]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="+", help="module:function, e.g. newsgraph.extract.events.coder:code_events")
    ap.add_argument("--against", type=Path, required=True, help="the older tree's src/ folder")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    import newsgraph.extract.actors  # noqa: F401  (every extractor module loaded before patching)
    import newsgraph.extract.events  # noqa: F401
    from newsgraph.pipeline import _make_doc, load_pipeline

    side, depth, spent = [0], [0], collections.Counter()

    def timed(new, old, key):
        def run(*a, **k):
            f = old if side[0] == 0 else new
            if depth[0]:
                return f(*a, **k)
            depth[0] += 1
            t = time.process_time_ns()
            try:
                return f(*a, **k)
            finally:
                spent[(key, side[0])] += time.process_time_ns() - t
                depth[0] -= 1
        return run

    for target in args.targets:
        new, old = old_version(args.against, target)
        wrapper = timed(new, old, target)
        for mod in list(sys.modules.values()):  # every module that imported the function by name
            if mod is not None and getattr(mod, "__name__", "").startswith("newsgraph"):
                for name, value in list(vars(mod).items()):
                    if value is new:
                        setattr(mod, name, wrapper)
    nlp = load_pipeline()
    docs = list(nlp.pipe((_make_doc(nlp, a) for a in load_articles(CORPUS, args.n)), batch_size=32))
    comps = [nlp.get_pipe("newsgraph_" + c) for c in COMPONENTS]
    per: dict[str, tuple[list[float], list[float]]] = {t: ([], []) for t in args.targets}
    gc.disable()
    try:
        for r in range(args.rounds):
            spent.clear()
            for k, doc in enumerate(docs):
                for s in ((0, 1) if (r + k) % 2 else (1, 0)):
                    side[0] = s
                    for comp in comps:
                        comp(doc)
            for t in args.targets:
                for s in (0, 1):
                    per[t][s].append(spent[(t, s)] / len(docs) / 1000)
    finally:
        gc.enable()
    print(f"{len(docs)} WikiNews articles, {args.rounds} rounds (CPU µs per article, outermost calls)\n")
    print("| function | old | new | new / old, median of rounds (min-max) |\n|---|---:|---:|---:|")
    for t in args.targets:
        old_us, new_us = per[t]
        ratios = [b / a if a else float("nan") for a, b in zip(old_us, new_us)]
        print(f"| `{t.rsplit('.', 1)[-1]}` | {statistics.median(old_us):.0f} | {statistics.median(new_us):.0f} | "
              f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
