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
project lexicon. The figures are for the default output, every event ``newsgraph analyze``
emits (``--min-confidence X`` scores what ``analyze --min-confidence X`` keeps); the coder's
main events (raw score >= 0.5, the operating point until session 7) are scored from the same
run. ``python -m newsgraph.eval.events [--limit N] [--min-confidence X]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from .common import entry_point, eval_file, prf, read_jsonl

__all__ = ["evaluate", "report", "main"]

Keep = Callable[[object], bool]  # which coded events a score counts

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


def _predicted(doc, keep: Keep) -> list[tuple[str, str, str | None, str | None]]:
    """(type, cameo root, source country, target country) per event ``keep`` takes, read from
    the record the user gets: the country of the actor the event's source and target ids point to."""
    actors = {a.id: a for a in doc._.actors or ()}
    out = []
    for c in _coded(doc):
        ev = c.event
        if keep(c):
            out.append((ev.type, (ev.cameo or "")[:2], _code(actors.get(ev.source)), _code(actors.get(ev.target))))
    return out


def _coded(doc) -> list:
    """The coder's events with their details (the record's ``events``, in order)."""
    return list(doc._.event_details or ())


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


def _score_petrarch_gsr(recs: list[dict], docs: list, keep: Keep, table) -> dict:
    typ, root, tri = _Score(), _Score(), _Score()
    for r, doc in zip(recs, docs):
        pred = _predicted(doc, keep)
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


def _score_plover(recs: list[dict], docs: list, keep: Keep) -> dict:
    typ, tri = _Score(), _Score()
    per_type: dict[str, _Score] = {}
    for r, doc in zip(recs, docs):
        pred = _predicted(doc, keep)
        gold = _plover_gold(r)
        typ.add([p[0] for p in pred], [g[1] for g in gold])
        tri.add([(p[2], p[0], p[3]) for p in pred], gold)
        gt = gold[0][1]
        per_type.setdefault(gt, _Score()).add([p[0] for p in pred if p[0] == gt], [g[1] for g in gold])
    return {"sentences": len(recs), "type": typ.as_dict(), "triple": tri.as_dict(),
            "type_recall": {k: round(v.tp / v.n_gold, 2) if v.n_gold else 0.0 for k, v in sorted(per_type.items())}}


def _score_units(recs: list[dict], docs: list, keep: Keep) -> dict:
    expected = recovered = any_event = 0
    for r, doc in zip(recs, docs):
        pairs = [c for c in _coded(doc) if keep(c) and c.event.source and c.event.target]
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


#: The operating point: the default output, every event ``newsgraph analyze`` emits (its
#: ``--min-confidence`` is 0 unless a user asks for more). ``confidence`` is a calibrated
#: probability (:mod:`..extract.events.confidence`); refitting it moves no event in or out here.
DEFAULT_MIN_CONFIDENCE = 0.0
#: The coder's main events, the operating point of sessions 2-6 (kept so their floors stay
#: comparable): a raw score of at least 0.5, which leaves out background acts (capped at 0.45)
#: and nouns read without a source; the earlier step table mapped exactly these to >= 0.5.
MAIN_RAW_SCORE = 0.5


def at_confidence(min_confidence: float) -> Keep:
    """The events a user keeps with ``--min-confidence`` (every event at 0)."""
    return lambda c: c.event.confidence >= min_confidence


def main_event(c) -> bool:
    """Read by the coder as a main event (raw score at least ``MAIN_RAW_SCORE``)."""
    return c.extra.get("raw_confidence", c.event.confidence) >= MAIN_RAW_SCORE - 1e-9


def _sets(nlp, f: Callable[..., Path], limit: int | None) -> dict[str, tuple[list[dict], list]]:
    """Each gold set's records and the analysed docs, run once for every operating point."""
    gsr = read_jsonl(f("petrarch", "petr2_gsr_validation.jsonl"))
    plover = [r for r in json.loads(f("plover", "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
              if r.get("event") != "DOCUMENT"]
    units = [r for r in read_jsonl(f("petrarch", "validation.jsonl")) if r.get("evaluate") and r["expected"]]
    out = {}
    for name, recs in (("petrarch_gsr", gsr), ("plover_gsr", plover), ("petrarch_units", units)):
        recs = recs[:limit] if limit else recs
        out[name] = (recs, _run(nlp, [(r["text"], r.get("date")) for r in recs]))
    return out


def _score_all(sets: dict, keep: Keep, table) -> dict:
    out = {"petrarch_gsr": _score_petrarch_gsr(*sets["petrarch_gsr"], keep, table),
           "plover_gsr": _score_plover(*sets["plover_gsr"], keep),
           "petrarch_units": _score_units(*sets["petrarch_units"], keep)}
    out["combined"] = {k: _combine([out["petrarch_gsr"][k], out["plover_gsr"][k]]) for k in ("type", "triple")}
    return out


def evaluate(data: Path | None = None, *, nlp=None, limit: int | None = None,
             min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> dict:
    """Score event coding on the gold sets; ``data`` is the shared folder (default: found).

    The figures are for the events a user gets with ``--min-confidence min_confidence`` (by
    default every event: the default output); ``main_events`` scores the coder's main events."""
    from ..extract.events.lexicon import load_cameo2plover
    from ..pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    base = Path(data) if data is not None else None

    def f(*parts: str) -> Path:
        return eval_file(*parts, data=base.joinpath("eval", *parts) if base else None)

    table = load_cameo2plover()
    sets = _sets(nlp, f, limit)
    out = {"min_confidence": min_confidence, "operating_point": _operating_point(min_confidence),
           **_score_all(sets, at_confidence(min_confidence), table),
           "main_events": _score_all(sets, main_event, table)}
    texts = [r["text"] for r in sets["petrarch_gsr"][0]]
    try:
        seed = f("..", "seed", "belarus-2020-11-30.txt").read_text(encoding="utf-8")
        texts = [seed, *texts]
    except Exception:  # noqa: BLE001 - timing works without the seed
        pass
    out["timing"] = _timing(nlp, texts[: (limit or len(texts))])
    return out


def _operating_point(min_confidence: float) -> str:
    if min_confidence <= 0:
        return "the default output: every event `newsgraph analyze` emits (--min-confidence 0)"
    return f"events at confidence >= {min_confidence} (`newsgraph analyze --min-confidence {min_confidence}`)"


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
    m = metrics["main_events"]
    lines = [
        f"Event coding, scored on {metrics['operating_point']}:",
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
        f"The coder's main events only (raw score >= {MAIN_RAW_SCORE}, the operating point of sessions 2-6): "
        f"both sets type F1 {m['combined']['type']['f1']:.3f}, triples F1 {m['combined']['triple']['f1']:.3f}; "
        f"unit pairs {m['petrarch_units']['pair_recall']:.3f}.",
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
                    help="score only events at or above this confidence, as `analyze --min-confidence` "
                         "keeps them (default: %(default)s, every event: the default output)")
    ap.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = ap.parse_args(argv)
    metrics = evaluate(limit=args.limit, min_confidence=args.min_confidence)
    print(json.dumps(metrics, indent=2) if args.json else report(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
