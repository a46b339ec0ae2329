"""Fit and check the event confidence calibration on development stories (events_dev by default).

``NEWSGRAPH_EVENT_CALIBRATION=off newsgraph analyze --jsonl --plain STORIES > raw.jsonl``, then
``python -m newsgraph.eval.calibration raw.jsonl [--write]``: prints the Brier score and the
reliability table of the raw scores, of the model fitted on all stories (on the same stories),
and of a leave-one-story-out fit (each story calibrated by a model fitted on the others: the
honest figure); ``--write`` stores the model fitted on all stories as package data. The model is
a logistic regression on the raw score and the features of :mod:`..extract.events.confidence`
(monotone in the raw score: its weight must come out positive). An event is right when a gold
event of its type (required or optional, not negated) is in its sentence: the scorer's type
precision; the tables also show the share whose source and target countries agree too.
``--gold`` may be given several times (e.g. events_dev and a set of one's own annotated the same
way): the predictions file then holds the records of all their stories. ``--packaged`` fits
nothing and reports how the packaged model does on the given stories: the check on stories the
model was not fitted on (a held-out set).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..extract.events.confidence import FEATURES, TABLE, Calibration, features, parse
from ..extract.events.lexicon import _data
from .common import entry_point, eval_file

BINS = tuple(i / 10 for i in range(10)) + (1.01,)
#: Ridge penalty on the feature weights (not the intercept): 15 stories are few.
L2 = 1.0


@dataclass(frozen=True)
class Scored:
    """One positive predicted event: its model inputs, whether it is right, its story."""

    x: dict[str, float]
    right: bool
    story: str
    triple: bool = False  # right with the gold's source and target countries too


def _side_ok(gold_side: dict | None, actor: dict | None) -> bool:
    """The scorer's rule: a gold side with a country needs an actor with that country."""
    if gold_side is None:
        return True
    a = actor or {}
    if gold_side.get("country") is None:
        return a.get("country") is None and (gold_side.get("sector") != "IGO" or a.get("sector") == "IGO")
    return a.get("country") == gold_side["country"]


def _gold_path(gold_dirs: list[Path], sid: str) -> Path | None:
    """The first gold folder's file for story ``sid``."""
    return next((d / f"{sid}.json" for d in gold_dirs if (d / f"{sid}.json").is_file()), None)


def read_events(pred_path: Path, gold_dirs: Path | list[Path]) -> list[Scored]:
    """Every positive event of the records in ``pred_path`` whose story has gold in one of the folders."""
    gold_dirs = [gold_dirs] if isinstance(gold_dirs, Path) else list(gold_dirs)
    out: list[Scored] = []
    if not pred_path.is_file():
        raise InputError(f"{pred_path}: no such file; write it with "
                         "`NEWSGRAPH_EVENT_CALIBRATION=off newsgraph analyze --jsonl --plain STORIES > FILE`")
    for n, line in enumerate(pred_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            sid = str(rec["article"]["id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{pred_path}, line {n}: not a newsgraph/1 record ({exc}); "
                             "give the output of `newsgraph analyze --jsonl`") from None
        gold_path = _gold_path(gold_dirs, sid)
        if gold_path is None:
            continue
        text = rec["article"]["text"]
        actors = {a["id"]: a for a in rec.get("actors") or ()}
        live = []
        for g in json.loads(gold_path.read_text(encoding="utf-8"))["events"]:
            i = text.find(g["trigger_in"])
            if not g.get("negated") and i >= 0:
                live.append((i, i + len(g["trigger_in"]), g))
        for e in rec.get("events") or ():
            if e.get("negated"):
                continue
            s = e["sentence"]
            hits = [g for a, b, g in live if s["start"] < b and a < s["end"] and e["type"] in g["types"]]
            triple = any(_side_ok(g.get("source"), actors.get(e.get("source")))
                         and _side_ok(g.get("target"), actors.get(e.get("target"))) for g in hits)
            out.append(Scored(features(e["confidence"], e, actors), bool(hits), sid, triple))
    return out


def _matrix(rows: list[Scored]) -> np.ndarray:
    return np.array([[1.0, *(r.x[k] for k in FEATURES)] for r in rows])


def fit(rows: list[Scored], l2: float = L2) -> Calibration:
    """Logistic regression of rightness on the features (Newton steps, ridge on the weights)."""
    x, y = _matrix(rows), np.array([float(r.right) for r in rows])
    w = np.zeros(x.shape[1])
    ridge = l2 * np.diag([0.0] + [1.0] * len(FEATURES))
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        step = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]) + ridge, x.T @ (p - y) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return Calibration(round(float(w[0]), 3), {k: round(float(v), 3) for k, v in zip(FEATURES, w[1:])})


def reliability(scored: list[tuple[float, bool]] | list[tuple[float, bool, bool]]) -> list[tuple]:
    """(confidence bin, events, mean confidence, share right[, share right with both sides])."""
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [s for s in scored if lo <= s[0] < hi]
        if inside:
            row = (f"{lo:.1f}–{min(hi, 1.0):.1f}", len(inside), round(sum(s[0] for s in inside) / len(inside), 2),
                   round(sum(s[1] for s in inside) / len(inside), 2))
            if all(len(s) > 2 for s in inside):
                row += (round(sum(s[2] for s in inside) / len(inside), 2),)
            rows.append(row)
    return rows


def brier(scored) -> float:
    return round(sum((s[0] - s[1]) ** 2 for s in scored) / len(scored), 3) if scored else 0.0


def leave_one_story_out(rows: list[Scored]) -> list[tuple[float, bool, bool]]:
    """Each story's events calibrated by a model fitted on the other stories."""
    out = []
    for sid in sorted({r.story for r in rows}):
        model = fit([r for r in rows if r.story != sid])
        out += [(model(r.x), r.right, r.triple) for r in rows if r.story == sid]
    return out


def table_text(title: str, rows) -> str:
    triple = rows and all(len(r) > 4 for r in rows)
    head = "| confidence | events | mean confidence | share right |" + (" right with both sides |" if triple else "")
    lines = [title, "", head, "|---|---:|---:|---:|" + ("---:|" if triple else "")]
    lines += ["| " + " | ".join([r[0], str(r[1])] + [f"{v:.2f}" for v in r[2:]]) + " |" for r in rows]
    return "\n".join(lines)


def write(model: Calibration, rows: list[Scored], sets: str = "events_dev") -> Path:
    """Store the model as the packaged data file, with how it was made (``sets``: the gold it was fitted on)."""
    n_stories = len({r.story for r in rows})
    lines = ["# Event confidence calibration: logistic regression of 'the event is right' on the coder's",
             "# raw score and three features of the record (source placed, target placed, hypothetical);",
             "# confidence = 1 / (1 + exp(-(intercept + sum(weight * feature)))), rounded to 0.01.",
             "# Right = a gold event of the event's type in its sentence (the events scorer's type precision).",
             f"# Fitted on {sets} ({len(rows)} positive events, {n_stories} stories, ridge {L2}) on "
             f"{dt.date.today().isoformat()} by",
             "# `python -m newsgraph.eval.calibration raw.jsonl --write`; see docs/history/evaluation-log.md, Session 7.",
             "#feature\tweight", f"intercept\t{model.intercept:.3f}"]
    lines += [f"{k}\t{v:.3f}" for k, v in model.weights.items()]
    path = _data(TABLE)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _report_packaged(rows: list[Scored]) -> int:
    """Brier score and reliability table of the packaged model on ``rows`` (read on raw scores)."""
    model = parse(_data(TABLE).read_text(encoding="utf-8").splitlines())
    share = sum(r.right for r in rows) / len(rows)
    scored = [(model(r.x), r.right, r.triple) for r in rows]
    print(f"{len(rows)} positive events, {share:.2f} right. Brier: one share for all {share * (1 - share):.3f}, "
          f"packaged model {brier(scored)}", end="\n\n")
    print(table_text("Packaged model", reliability(scored)))
    return 0


@entry_point
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.eval.calibration", description=__doc__.split("\n")[0])
    ap.add_argument("predictions", type=Path, help="records analysed with NEWSGRAPH_EVENT_CALIBRATION=off")
    what = ap.add_mutually_exclusive_group()
    what.add_argument("--write", action="store_true", help=f"store the fitted model as data/{TABLE}")
    ap.add_argument("--gold", type=Path, action="append", default=None,
                    help="a folder of gold stories in the events_dev format (default: events_dev's), "
                         "e.g. to check the calibration on stories of your own; may be repeated")
    what.add_argument("--packaged", action="store_true",
                    help="fit nothing: report the packaged model on these stories (e.g. a held-out set)")
    args = ap.parse_args(argv)
    golds = args.gold or [eval_file("events_dev", "README.md").parent / "gold"]
    for gold in golds:
        if not gold.is_dir():
            raise SystemExit(f"--gold {gold}: no such folder of gold stories")
    rows = read_events(args.predictions, golds)
    if not rows:
        raise SystemExit(f"{args.predictions}: no positive events in stories that "
                         f"{', '.join(map(str, golds))} have gold for")
    if args.packaged:
        return _report_packaged(rows)
    model = fit(rows)
    if model.weights["raw"] <= 0:
        raise SystemExit(f"the fitted weight of the raw score is {model.weights['raw']}: not monotone; not written")
    share = sum(r.right for r in rows) / len(rows)
    raw = [(r.x["raw"], r.right, r.triple) for r in rows]
    fitted = [(model(r.x), r.right, r.triple) for r in rows]
    held = leave_one_story_out(rows) if len({r.story for r in rows}) > 1 else []
    print(f"{len(rows)} positive events, {share:.2f} right. Model: intercept {model.intercept}, "
          + ", ".join(f"{k} {v}" for k, v in model.weights.items()))
    print(f"Brier: one share for all {share * (1 - share):.3f}, raw score {brier(raw)}, "
          f"fitted {brier(fitted)}, leave one story out {brier(held)}", end="\n\n")
    print(table_text("Raw scores", reliability(raw)), end="\n\n")
    print(table_text("Calibrated, fitted on the same stories", reliability(fitted)), end="\n\n")
    if held:
        print(table_text("Calibrated, leave one story out", reliability(held)))
    if args.write:
        sets = " + ".join(g.parent.name if g.name == "gold" else g.name for g in golds)
        print(f"\nwrote {write(model, rows, sets)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
