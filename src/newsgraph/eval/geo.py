"""Places against GeoWebNews and GeoVirus (news toponyms with coordinates).

Recognition: P/R/F1 with one-to-one overlap matching of system places to gold
toponyms. Resolution: the share of matched toponyms whose system coordinates
lie within 161 km (100 miles) of the gold point (acc@161, the standard
geocoding metric), plus acc@161 over all gold toponyms, counting missed or
unresolved ones as wrong (what the README's population baseline reports:
0.568 on GeoWebNews, 0.621 on GeoVirus), and the mean error of resolved
matches.

    python -m newsgraph.eval.geo [--limit N] [--errors FILE]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

from .common import entry_point, eval_file, prf, read_jsonl, write_jsonl

__all__ = ["evaluate", "report", "haversine_km", "load_gold", "match"]

FILES = ("geowebnews", "geovirus")
KM = 161.0
_OTHERS = ["actors", "times", "quantities", "quotes", "events"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def load_gold(name: str, data: Path | None = None, limit: int | None = None) -> list[dict]:
    """Documents of one gold file (``<shared>/eval/geo/<name>.jsonl``, or under folder ``data``)."""
    path = eval_file("geo", f"{name}.jsonl", data=Path(data) / f"{name}.jsonl" if data else None)
    return read_jsonl(path, limit)


def match(gold: list[dict], system: list) -> list[tuple[dict, object]]:
    """One-to-one overlap matches, preferring the system span that overlaps most."""
    pairs, used = [], set()
    for g in gold:
        best, best_ov = None, 0
        for i, s in enumerate(system):
            ov = min(g["end"], s.end) - max(g["start"], s.start)
            if i not in used and ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


class _Tally:
    """Counts for one gold file."""

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.errors_km: list[float] = []
        self.by_type: Counter = Counter()
        self.by_type_found: Counter = Counter()

    def add(self, gold: list[dict], system: list) -> list[tuple[dict, object]]:
        pairs = match(gold, system)
        self.c.update(docs=1, gold=len(gold), sys=len(system), matched=len(pairs))
        found = {id(g) for g, _ in pairs}
        for g in gold:
            self.by_type[g.get("type", "-")] += 1
            self.by_type_found[g.get("type", "-")] += id(g) in found
        for g, s in pairs:
            if s.lat is None or s.lon is None:
                continue
            km = haversine_km(g["lat"], g["lon"], s.lat, s.lon)
            self.errors_km.append(km)
            self.c.update(resolved=1, within=km <= KM)
        return pairs

    def metrics(self) -> dict:
        c = self.c
        rec = prf(c["matched"], c["sys"], n_gold=c["gold"])
        return {
            "documents": c["docs"], "gold": c["gold"], "system": c["sys"], "matched": c["matched"],
            "precision": rec.precision, "recall": rec.recall, "f1": rec.f1,
            "acc161_matched": c["within"] / c["matched"] if c["matched"] else 0.0,
            "acc161_all": c["within"] / c["gold"] if c["gold"] else 0.0,
            "mean_km": sum(self.errors_km) / len(self.errors_km) if self.errors_km else 0.0,
            "recall_by_type": {t: self.by_type_found[t] / n for t, n in sorted(self.by_type.items())
                               if t != "-"},
        }


def evaluate(data: Path | None = None, *, nlp=None, limit: int | None = None,
             errors: list | None = None) -> dict:
    """Score ``newsgraph_places`` on both files (``data``: a folder holding them).

    ``limit`` takes the first N documents of each file; ``errors``, if a list,
    collects (doc_id, kind, gold, system, km) for inspection.
    """
    from ..pipeline import load_pipeline

    nlp = nlp or load_pipeline(exclude=_OTHERS)
    out: dict = {}
    t0 = time.perf_counter()
    for name in FILES:
        docs = load_gold(name, data, limit)
        tally = _Tally()
        for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=16)):
            system = doc._.places or []
            pairs = tally.add(d["toponyms"], system)
            if errors is not None:
                _collect(errors, d, system, pairs)
        out[name] = tally.metrics()
    out["seconds"] = time.perf_counter() - t0
    return out


def _collect(errors: list, d: dict, system: list, pairs: list) -> None:
    found = {id(g) for g, _ in pairs}
    used = {id(s) for _, s in pairs}
    for g, s in pairs:
        km = haversine_km(g["lat"], g["lon"], s.lat, s.lon) if s.lat is not None else None
        if km is None or km > KM:
            errors.append((d["doc_id"], "wrong", g, s, km))
    errors.extend((d["doc_id"], "missed", g, None, None) for g in d["toponyms"] if id(g) not in found)
    errors.extend((d["doc_id"], "spurious", None, s, None) for s in system if id(s) not in used)


def report(metrics: dict) -> str:
    """Markdown: one row per gold file, then GeoWebNews recall per toponym type."""
    rows = ["| file | docs | gold | system | P | R | F1 | acc@161 (matched) | acc@161 (all gold) "
            "| mean error km |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in FILES:
        m = metrics.get(name)
        if m:
            rows.append(f"| {name} | {m['documents']} | {m['gold']} | {m['system']} | {m['precision']:.3f} "
                        f"| {m['recall']:.3f} | {m['f1']:.3f} | **{m['acc161_matched']:.3f}** "
                        f"| {m['acc161_all']:.3f} | {m['mean_km']:.0f} |")
    types = (metrics.get("geowebnews") or {}).get("recall_by_type") or {}
    if types:
        rows += ["", "GeoWebNews recall by toponym type: "
                 + ", ".join(f"{t} {r:.2f}" for t, r in types.items()) + "."]
    if "seconds" in metrics:
        rows.append(f"\nPipeline time: {metrics['seconds']:.1f} s.")
    return "\n".join(rows)


@entry_point
def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the report (and, with --errors, every error as JSON lines)."""
    ap = argparse.ArgumentParser(prog="python -m newsgraph.eval.geo", description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each file")
    ap.add_argument("--data", type=Path, default=None, help="folder with geowebnews.jsonl and geovirus.jsonl")
    ap.add_argument("--errors", type=Path, default=None, help="write every error as JSONL to this file")
    args = ap.parse_args(argv)
    errs: list | None = [] if args.errors else None
    metrics = evaluate(args.data, limit=args.limit, errors=errs)
    print(report(metrics))
    if errs is not None:
        write_jsonl(args.errors, ({"doc": doc_id, "kind": kind, "gold": g, "km": km,
                                   "sys": s.model_dump() if s is not None else None}
                                  for doc_id, kind, g, s, km in errs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
