"""Time expressions against TempEval-3's TimeBank + AQUAINT training data.

Scored as TempEval-3 Task A: strict (exact) and relaxed (overlapping) extent
P/R/F1; type accuracy and value accuracy over relaxed matches; value F1 =
value-correct matches over system and over gold timexes (what TempEval-3
ranked by). Each document is analysed exactly as given, with its document
creation time as the publication date.

    python -m newsgraph.eval.times [--limit N] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

from .common import entry_point, eval_file, prf, read_jsonl, write_jsonl

__all__ = ["evaluate", "report", "load_gold"]

_OTHERS = ["actors", "quantities", "places", "quotes", "events"]


def load_gold(data: Path | None = None, limit: int | None = None) -> list[dict]:
    """The gold documents (``eval/timebank/train.jsonl`` unless ``data`` is given)."""
    path = eval_file("timebank", "train.jsonl", data=data)
    return read_jsonl(path, limit)


def _match(gold: list[dict], system: list) -> list[tuple[dict, object]]:
    """One-to-one relaxed matches (overlap), preferring exact ones."""
    pairs, used = [], set()
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or s.end <= g["start"] or s.start >= g["end"]:
                continue
            if best is None or (s.start, s.end) == (g["start"], g["end"]):
                best = i
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


class _Tally:
    """Counts for one slice of the data (all, TimeBank, AQUAINT)."""

    def __init__(self) -> None:
        self.c: Counter = Counter()

    def add(self, gold: list[dict], system: list) -> list[tuple[dict, object]]:
        pairs = _match(gold, system)
        exact = {(g["start"], g["end"]) for g in gold} & {(s.start, s.end) for s in system}
        self.c.update(gold=len(gold), sys=len(system), relaxed=len(pairs), strict=len(exact),
                      type_ok=sum(g["type"] == s.type for g, s in pairs),
                      value_ok=sum(g["value"] == s.value for g, s in pairs))
        return pairs

    def metrics(self) -> dict:
        c = self.c
        strict, relaxed = prf(c["strict"], c["sys"], n_gold=c["gold"]), prf(c["relaxed"], c["sys"], n_gold=c["gold"])
        value = prf(c["value_ok"], c["sys"], n_gold=c["gold"])
        n = c["relaxed"] or 1
        return {
            "documents": c["docs"], "gold": c["gold"], "system": c["sys"],
            "strict_p": strict.precision, "strict_r": strict.recall, "strict_f1": strict.f1,
            "relaxed_p": relaxed.precision, "relaxed_r": relaxed.recall, "relaxed_f1": relaxed.f1,
            "type_accuracy": c["type_ok"] / n, "value_accuracy": c["value_ok"] / n,
            "value_p": value.precision, "value_r": value.recall, "value_f1": value.f1,
        }


def evaluate(data: Path | None = None, *, nlp=None, limit: int | None = None,
             errors: list | None = None) -> dict:
    """Score ``newsgraph_times`` on the gold file; returns overall and per-corpus metrics.

    ``errors``, if a list, collects (doc_id, kind, gold, system) for inspection.
    """
    from ..pipeline import load_pipeline

    docs = load_gold(data, limit)
    nlp = nlp or load_pipeline(exclude=_OTHERS)
    made = []
    for d in docs:
        doc = nlp.make_doc(d["text"])
        doc._.published = dt.date.fromisoformat(d["dct"])
        made.append(doc)
    tallies = {"all": _Tally(), "TimeBank": _Tally(), "AQUAINT": _Tally()}
    t0 = time.perf_counter()
    for d, doc in zip(docs, nlp.pipe(made, batch_size=16)):
        system = doc._.times or []
        for key in ("all", d.get("corpus", "TimeBank")):
            tallies.setdefault(key, _Tally()).c["docs"] += 1
            pairs = tallies[key].add(d["timexes"], system)
        if errors is not None:
            _collect(errors, d, system, pairs)
    seconds = time.perf_counter() - t0
    out = {name: t.metrics() for name, t in tallies.items() if t.c["docs"]}
    out["seconds"] = seconds
    return out


def _collect(errors: list, d: dict, system: list, pairs: list) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g, s in pairs:
        if g["value"] != s.value or (g["start"], g["end"]) != (s.start, s.end):
            errors.append((d["doc_id"], d["dct"], "mismatch", g, s))
    for g in d["timexes"]:
        if id(g) not in matched_g:
            errors.append((d["doc_id"], d["dct"], "missed", g, None))
    for s in system:
        if id(s) not in matched_s:
            errors.append((d["doc_id"], d["dct"], "spurious", None, s))


def report(metrics: dict) -> str:
    """A Markdown table of the metrics, one row per slice."""
    rows = ["| slice | docs | gold | system | strict F1 | relaxed P | relaxed R | relaxed F1 "
            "| type acc | value acc | value F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, m in metrics.items():
        if not isinstance(m, dict):
            continue
        rows.append(f"| {name} | {m['documents']} | {m['gold']} | {m['system']} | {m['strict_f1']:.3f} "
                    f"| {m['relaxed_p']:.3f} | {m['relaxed_r']:.3f} | {m['relaxed_f1']:.3f} "
                    f"| {m['type_accuracy']:.3f} | {m['value_accuracy']:.3f} | **{m['value_f1']:.3f}** |")
    if "seconds" in metrics:
        rows.append(f"\nPipeline time: {metrics['seconds']:.1f} s.")
    return "\n".join(rows)


@entry_point
def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the report (and, with --errors, every error as JSON lines)."""
    ap = argparse.ArgumentParser(prog="python -m newsgraph.eval.times", description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--data", type=Path, default=None, help="gold JSONL (default: shared eval/timebank)")
    ap.add_argument("--errors", type=Path, default=None, help="write every error as JSONL to this file")
    args = ap.parse_args(argv)
    errs: list | None = [] if args.errors else None
    metrics = evaluate(args.data, limit=args.limit, errors=errs)
    print(report(metrics))
    if errs is not None:
        write_jsonl(args.errors, ({"doc": doc_id, "dct": dct, "kind": kind, "gold": g,
                                   "sys": s.model_dump() if s is not None else None}
                                  for doc_id, dct, kind, g, s in errs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
