"""Fit and check the event confidence calibration on the development stories (events_dev).

``NEWSGRAPH_EVENT_CALIBRATION=off newsgraph analyze --jsonl --plain STORIES > raw.jsonl``, then
``python -m newsgraph.eval.calibration raw.jsonl [--write]``: prints the reliability table of
the raw scores, of the fitted table on the same stories, and of a leave-one-story-out fit (each
story calibrated by a table fitted on the others: the honest figure); ``--write`` stores the
table fitted on all stories as package data. An event is right when a gold event of its type
(required or optional, not negated) is in its sentence: the scorer's type precision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..extract.events.confidence import TABLE, calibrate
from ..extract.events.lexicon import _data
from .common import entry_point, eval_file

Pair = tuple[float, bool, str]  # (raw confidence, right, story id)
BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def read_pairs(pred_path: Path, gold_dir: Path) -> list[Pair]:
    """(confidence, right, story) for every positive event of the records in ``pred_path``."""
    out: list[Pair] = []
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        sid = str(rec["article"]["id"])
        gold_path = gold_dir / f"{sid}.json"
        if not gold_path.is_file():
            continue
        text = rec["article"]["text"]
        live = []
        for g in json.loads(gold_path.read_text(encoding="utf-8"))["events"]:
            i = text.find(g["trigger_in"])
            if not g.get("negated") and i >= 0:
                live.append((i, i + len(g["trigger_in"]), g["types"]))
        for e in rec.get("events") or ():
            if e.get("negated"):
                continue
            s = e["sentence"]
            right = any(s["start"] < b and a < s["end"] and e["type"] in types for a, b, types in live)
            out.append((e["confidence"], right, sid))
    return out


def fit(pairs: list[Pair]) -> list[tuple[float, float]]:
    """Isotonic regression (pool adjacent violators) of rightness on the raw score, as
    (lowest raw score of a step, share right in the step), values rounded to 0.01."""
    by_score: dict[float, list[int]] = {}
    for c, ok, _ in pairs:
        by_score.setdefault(round(c, 2), [0, 0])
        by_score[round(c, 2)][0] += 1
        by_score[round(c, 2)][1] += ok
    blocks = [[c, n, k] for c, (n, k) in sorted(by_score.items())]  # [lowest score, count, right]
    i = 0
    while i < len(blocks) - 1:
        if blocks[i][2] / blocks[i][1] > blocks[i + 1][2] / blocks[i + 1][1]:
            blocks[i][1] += blocks[i + 1][1]
            blocks[i][2] += blocks[i + 1][2]
            del blocks[i + 1]
            i = max(i - 1, 0)
        else:
            i += 1
    return [(0.0 if i == 0 else lo, round(r / n, 2)) for i, (lo, n, r) in enumerate(blocks)]


def reliability(scored: list[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """(confidence bin, events, mean confidence, share right) per bin."""
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [(c, ok) for c, ok in scored if lo <= c < hi]
        if inside:
            rows.append((f"{lo:.1f}–{min(hi, 1.0):.1f}", len(inside),
                         round(sum(c for c, _ in inside) / len(inside), 2),
                         round(sum(ok for _, ok in inside) / len(inside), 2)))
    return rows


def leave_one_story_out(pairs: list[Pair]) -> list[tuple[float, bool]]:
    out = []
    for sid in sorted({s for _, _, s in pairs}):
        table = tuple(fit([p for p in pairs if p[2] != sid]))
        out += [(calibrate(c, table), ok) for c, ok, s in pairs if s == sid]
    return out


def _table(title: str, rows) -> str:
    lines = [f"{title}", "", "| confidence | events | mean confidence | share right |", "|---|---:|---:|---:|"]
    lines += [f"| {b} | {n} | {m:.2f} | {a:.2f} |" for b, n, m, a in rows]
    return "\n".join(lines)


@entry_point
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.eval.calibration", description=__doc__.split("\n")[0])
    ap.add_argument("predictions", type=Path, help="records analysed with NEWSGRAPH_EVENT_CALIBRATION=off")
    ap.add_argument("--write", action="store_true", help=f"store the fitted table as data/{TABLE}")
    ap.add_argument("--gold", type=Path, default=None,
                    help="a folder of gold stories in the events_dev format (default: events_dev's), "
                         "e.g. to check the shipped confidences on stories of your own")
    args = ap.parse_args(argv)
    gold = args.gold or eval_file("events_dev", "README.md").parent / "gold"
    if not gold.is_dir():
        raise SystemExit(f"--gold {gold}: no such folder of gold stories")
    pairs = read_pairs(args.predictions, gold)
    table = fit(pairs)
    print(_table("Raw scores", reliability([(c, ok) for c, ok, _ in pairs])), end="\n\n")
    print(_table("Calibrated, fitted on the same stories",
                 reliability([(calibrate(c, tuple(table)), ok) for c, ok, _ in pairs])), end="\n\n")
    print(_table("Calibrated, leave one story out", reliability(leave_one_story_out(pairs))))
    if args.write:
        lines = ["# Event confidence calibration: raw score (lowest of a step) -> share of events right.",
                 "# Fitted on events_dev by `python -m newsgraph.eval.calibration raw.jsonl --write`",
                 f"# ({len(pairs)} events, {len({s for *_, s in pairs})} stories); see docs/evaluation.md.",
                 "#raw_min\tconfidence"]
        lines += [f"{lo:.2f}\t{v:.2f}" for lo, v in table]
        _data(TABLE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
