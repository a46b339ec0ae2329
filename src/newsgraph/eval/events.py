"""Event coding evaluation: PLOVER type, CAMEO root and (source, type, target) triples.

Gold data (kept outside the repo, found through :mod:`newsgraph.eval.common`):

* ``petrarch/petr2_gsr_validation.jsonl``: 78 news sentences with hand-corrected CAMEO
  events; actor codes are compared by country (the first three letters; ``---`` = none).
* ``plover/PLOVER_GSR_CAMEO.json``: 322 sentences from the CAMEO manual labelled in an
  old PLOVER draft; labels are remapped (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
  FIGHT->ASSAULT). One gold event per sentence; coordinated actors with no target are
  read as a symmetric event (each acts on the others), as the coder does.
* ``petrarch/validation.jsonl``: PETRARCH2's unit records (fictional actors, WEIS codes):
  only whether a source/target pair is recovered is reported.

Gold country codes are read as ISO 3166 alpha-3, mapping the few old CAMEO codes that
differ (JAP, ITL, VTN). Matching is per sentence with multisets. Gold CAMEO 01 (statements) has no PLOVER type
and is left out of the type and triple scores; CAMEO 02 (appeals) is REQUEST, as in the
project lexicon. ``python -m newsgraph.eval.events [--limit N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .common import entry_point, eval_file, prf, read_jsonl

__all__ = ["evaluate", "report", "main"]

_OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


# old CAMEO country codes that differ from ISO 3166 alpha-3, which newsgraph emits
_CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _country(code: str | None) -> str | None:
    c = (code or "")[:3].upper()
    return None if not c or c.startswith("-") or not c.isalpha() else _CAMEO_TO_ISO.get(c, c)


def _gold_type(code: str, table) -> str | None:
    from ..extract.events.lexicon import plover_for

    if code.startswith("02"):
        return "REQUEST"
    p = plover_for(code, table)
    return p.type if p else None


def _date(value: str | None) -> dt.date | None:
    """Gold dates come as YYYY-MM-DD, YYYYMMDD or YYMMDD; None when unreadable."""
    v = (value or "").replace("-", "")
    for fmt in ("%Y%m%d", "%y%m%d"):
        try:
            return dt.datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    return None


def _run(nlp, items: list[tuple[str, str | None]]) -> list:
    """Docs for (text, date) pairs through the full pipeline."""
    docs = []
    for text, date in items:
        doc = nlp.make_doc(text)
        doc._.published = _date(date)
        docs.append(doc)
    return list(nlp.pipe(docs))


def _code(actor) -> str | None:
    """Country of an actor record, or "IGO" / "NGO" for a body without one (the gold codes
    international bodies IGO... and non-governmental ones NGO...)."""
    if actor is None:
        return None
    return actor.country or (actor.sector if actor.sector in ("IGO", "NGO") else None)


def _predicted(doc, min_conf: float) -> list[tuple[str, str, str | None, str | None]]:
    """(type, cameo root, source country, target country) per event, read from the record
    the user gets: the country of the actor the event's source and target ids point to."""
    actors = {a.id: a for a in doc._.actors or ()}
    out = []
    for ev in doc._.events or ():
        if ev.confidence < min_conf:
            continue
        out.append((ev.type, (ev.cameo or "")[:2], _code(actors.get(ev.source)), _code(actors.get(ev.target))))
    return out


class _Score:
    """Multiset counts for one measure."""

    def __init__(self) -> None:
        self.tp = self.n_sys = self.n_gold = 0

    def add(self, sys_items: Iterable, gold_items: Iterable) -> None:
        s, g = Counter(sys_items), Counter(gold_items)
        self.tp += sum((s & g).values())
        self.n_sys += sum(s.values())
        self.n_gold += sum(g.values())

    def as_dict(self) -> dict:
        r = prf(self.tp, self.n_sys, self.tp, self.n_gold)
        return {"precision": round(r.precision, 3), "recall": round(r.recall, 3), "f1": round(r.f1, 3),
                "tp": self.tp, "system": self.n_sys, "gold": self.n_gold}


def _score_petrarch_gsr(nlp, path: Path, limit: int | None, min_conf: float, table) -> dict:
    recs = read_jsonl(path)
    recs = recs[:limit] if limit else recs
    docs = _run(nlp, [(r["text"], r.get("date")) for r in recs])
    typ, root, tri = _Score(), _Score(), _Score()
    for r, doc in zip(recs, docs):
        pred = _predicted(doc, min_conf)
        gold = [(_gold_type(e["code"], table), e["code"][:2], _country(e["source"]), _country(e["target"]))
                for e in r["expected"]]
        typed = [g for g in gold if g[0]]
        typ.add([p[0] for p in pred], [g[0] for g in typed])
        root.add([p[1] for p in pred], [g[1] for g in gold])
        tri.add([(p[2], p[0], p[3]) for p in pred], [(g[2], g[0], g[3]) for g in typed])
    return {"sentences": len(recs), "type": typ.as_dict(), "cameo_root": root.as_dict(),
            "triple": tri.as_dict()}


def _actor_list(value) -> list[dict]:
    """Actor entries; a few records hold a bare string (empty or a context word) instead."""
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _plover_gold(r: dict) -> list[tuple[str, str | None, str | None]]:
    typ = _OLD_LABELS.get(r["event"], r["event"])
    srcs = [_country(s.get("code")) for s in _actor_list(r.get("source"))] or [None]
    tgts = [_country(t.get("code")) for t in _actor_list(r.get("target"))]
    if not tgts and len(srcs) >= 2:
        return [(a, typ, b) for i, a in enumerate(srcs) for j, b in enumerate(srcs) if i != j]
    return [(s, typ, t) for s in srcs for t in (tgts or [None])]


def _score_plover(nlp, path: Path, limit: int | None, min_conf: float) -> dict:
    recs = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    recs = recs[:limit] if limit else recs
    docs = _run(nlp, [(r["text"], r.get("date")) for r in recs])
    typ, tri = _Score(), _Score()
    per_type: dict[str, _Score] = {}
    for r, doc in zip(recs, docs):
        pred = _predicted(doc, min_conf)
        gold = _plover_gold(r)
        typ.add([p[0] for p in pred], [g[1] for g in gold])
        tri.add([(p[2], p[0], p[3]) for p in pred], gold)
        gt = gold[0][1]
        per_type.setdefault(gt, _Score()).add([p[0] for p in pred if p[0] == gt], [g[1] for g in gold])
    return {"sentences": len(recs), "type": typ.as_dict(), "triple": tri.as_dict(),
            "type_recall": {k: round(v.tp / v.n_gold, 2) if v.n_gold else 0.0 for k, v in sorted(per_type.items())}}


def _score_units(nlp, path: Path, limit: int | None, min_conf: float) -> dict:
    recs = read_jsonl(path)
    recs = [r for r in recs if r.get("evaluate") and r["expected"]]
    recs = recs[:limit] if limit else recs
    docs = _run(nlp, [(r["text"], r.get("date")) for r in recs])
    expected = recovered = any_event = 0
    for r, doc in zip(recs, docs):
        pairs = [e for e in doc._.events or () if e.confidence >= min_conf and e.source and e.target]
        expected += len(r["expected"])
        recovered += min(len(pairs), len(r["expected"]))
        any_event += bool(doc._.events)
    return {"records": len(recs), "expected_pairs": expected, "recovered_pairs": recovered,
            "pair_recall": round(recovered / expected, 3) if expected else 0.0,
            "records_with_an_event": any_event}


def _timing(nlp, texts: list[str]) -> dict:
    """Share of analysis time spent coding events (the component re-run on parsed docs)."""
    t0 = time.perf_counter()
    docs = list(nlp.pipe(nlp.make_doc(t) for t in texts))
    total = time.perf_counter() - t0
    coder = nlp.get_pipe("newsgraph_events")
    t1 = time.perf_counter()
    for d in docs:
        coder(d)  # coding and settling its actors (a second run joins the actors it made)
    ev = time.perf_counter() - t1
    return {"docs": len(docs), "pipeline_s": round(total, 2), "events_s": round(ev, 3),
            "events_share": round(ev / max(total - ev, 1e-9), 3)}


#: The operating point the recorded figures use: background acts (subordinate clauses,
#: adjuncts; confidence capped at 0.45) stay in records but are not scored as main events.
DEFAULT_MIN_CONFIDENCE = 0.5


def evaluate(data: Path | None = None, *, nlp=None, limit: int | None = None,
             min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> dict:
    """Score event coding on the gold sets; ``data`` is the shared folder (default: found)."""
    from ..extract.events.lexicon import load_cameo2plover
    from ..pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    base = Path(data) if data is not None else None

    def f(*parts: str) -> Path:
        return eval_file(*parts, data=base.joinpath("eval", *parts) if base else None)

    table = load_cameo2plover()
    gsr = f("petrarch", "petr2_gsr_validation.jsonl")
    out = {
        "min_confidence": min_confidence,
        "petrarch_gsr": _score_petrarch_gsr(nlp, gsr, limit, min_confidence, table),
        "plover_gsr": _score_plover(nlp, f("plover", "PLOVER_GSR_CAMEO.json"), limit, min_confidence),
        "petrarch_units": _score_units(nlp, f("petrarch", "validation.jsonl"), limit, min_confidence),
    }
    texts = [r["text"] for r in read_jsonl(gsr)]
    try:
        seed = f("..", "seed", "belarus-2020-11-30.txt").read_text(encoding="utf-8")
        texts = [seed, *texts]
    except Exception:  # noqa: BLE001 - timing works without the seed
        pass
    out["timing"] = _timing(nlp, texts[: (limit or len(texts))])
    tot = {k: [out["petrarch_gsr"][k], out["plover_gsr"][k]] for k in ("type", "triple")}
    out["combined"] = {k: _combine(v) for k, v in tot.items()}
    return out


def _combine(scores: list[dict]) -> dict:
    tp = sum(s["tp"] for s in scores)
    n_sys = sum(s["system"] for s in scores)
    n_gold = sum(s["gold"] for s in scores)
    r = prf(tp, n_sys, tp, n_gold)
    return {"precision": round(r.precision, 3), "recall": round(r.recall, 3), "f1": round(r.f1, 3),
            "tp": tp, "system": n_sys, "gold": n_gold}


def _row(name: str, s: dict) -> str:
    return f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['tp']} / {s['system']} / {s['gold']} |"


def report(metrics: dict) -> str:
    """The metrics as Markdown."""
    g, p, u, t = metrics["petrarch_gsr"], metrics["plover_gsr"], metrics["petrarch_units"], metrics["timing"]
    lines = [
        f"Event coding (min confidence {metrics['min_confidence']}):",
        "",
        "| measure | precision | recall | F1 | tp / system / gold |",
        "|---|---|---|---|---|",
        _row(f"PETR2 GSR ({g['sentences']} sentences): PLOVER type", g["type"]),
        _row("PETR2 GSR: CAMEO root", g["cameo_root"]),
        _row("PETR2 GSR: (source country, type, target country)", g["triple"]),
        _row(f"PLOVER GSR ({p['sentences']} sentences): PLOVER type", p["type"]),
        _row("PLOVER GSR: (source country, type, target country)", p["triple"]),
        _row("both: PLOVER type", metrics["combined"]["type"]),
        _row("both: triples", metrics["combined"]["triple"]),
        "",
        f"PETRARCH2 unit records: {u['recovered_pairs']} of {u['expected_pairs']} expected source/target "
        f"pairs recovered ({u['pair_recall']:.3f}) over {u['records']} records; "
        f"{u['records_with_an_event']} records got at least one event.",
        "",
        "PLOVER GSR recall by gold type: " + ", ".join(f"{k} {v:.2f}" for k, v in p["type_recall"].items()),
        "",
        f"Speed: event coding took {t['events_s']} s of {t['pipeline_s']} s for {t['docs']} docs "
        f"({100 * t['events_share']:.1f}% on top of the rest of the pipeline).",
    ]
    return "\n".join(lines)


@entry_point
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.eval.events", description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records of each set")
    ap.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE,
                    help="score only events at or above this confidence (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = ap.parse_args(argv)
    metrics = evaluate(limit=args.limit, min_confidence=args.min_confidence)
    print(json.dumps(metrics, indent=2) if args.json else report(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
