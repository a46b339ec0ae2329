"""Calibrated event confidence: what a user reads in ``confidence``.

The coder scores how an event was read (verb or noun, source and target found, actors
resolved, main or background clause: :func:`.coded._confidence`). That raw score orders
events but is not a probability. At the end of the component :func:`calibrate_events` maps
it, with three things the record shows (the source is placed, the target is placed, the act
is hypothetical), to the share of such events that are right on the development stories
(events_dev: a gold event of that type in its sentence). The map is a logistic regression
(monotone in the raw score) whose weights are the data file ``data/event_confidence.tsv``,
fitted by ``python -m newsgraph.eval.calibration`` (docs/history/evaluation-log.md, "Session 7 — calibrated confidence").

Which events a record holds does not depend on it: ``analyze`` emits every event, and the
evaluations score that default output. Set ``NEWSGRAPH_EVENT_CALIBRATION=off`` for raw
scores (that is how the weights are refitted).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .. import ext
from .lexicon import _data

ENV_VAR = "NEWSGRAPH_EVENT_CALIBRATION"
TABLE = "event_confidence.tsv"
#: The model's inputs besides the intercept, in the order of the data file.
FEATURES = ("raw", "source_placed", "target_placed", "hypothetical")
#: Bodies that stand for no country yet are a placed party (the evaluations code them so).
_PLACELESS_SECTORS = ("IGO", "NGO")


@dataclass(frozen=True)
class Calibration:
    """Logistic weights: confidence = 1 / (1 + exp(-(intercept + sum(weight * feature))))."""

    intercept: float
    weights: Mapping[str, float]

    def __call__(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * float(features.get(k, 0.0)) for k, w in self.weights.items())
        return round(1.0 / (1.0 + math.exp(-z)), 2)


def placed(actor) -> bool:
    """An actor with a country, or an international or non-governmental body."""
    if actor is None:
        return False
    get = actor.get if isinstance(actor, dict) else lambda k: getattr(actor, k, None)
    return bool(get("country")) or get("sector") in _PLACELESS_SECTORS


def features(raw: float, event, actors: Mapping[str, object], inferred: Iterable[str] = ()) -> dict[str, float]:
    """The calibration's inputs for an event (a record ``Event`` or its JSON dict) and the
    article's actors by id: read from the record, so a fit on JSONL output sees what the
    component saw. A side in ``inferred`` ("source", "target": one the in-clause fallback
    attached, :mod:`.fallback`) counts as not placed: it is weaker evidence than a side the
    parse read, and the event was read without it (its raw score stays as read)."""
    get = event.get if isinstance(event, dict) else lambda k: getattr(event, k)
    side = {s: 0.0 if s in inferred else float(placed(actors.get(get(s)))) for s in ("source", "target")}
    return {"raw": raw, "source_placed": side["source"], "target_placed": side["target"],
            "hypothetical": float(bool(get("hypothetical")))}


def parse(lines: Iterable[str]) -> Calibration:
    """Weights from the data file's ``name<TAB>weight`` rows (``#`` comments)."""
    w: dict[str, float] = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            name, value = line.split("\t")[:2]
            w[name.strip()] = float(value)
    unknown = set(w) - {"intercept", *FEATURES}
    if "intercept" not in w or unknown:
        raise ValueError(f"{TABLE}: needs an intercept row and only {', '.join(FEATURES)} (got {sorted(w)})")
    return Calibration(w.pop("intercept"), w)


@lru_cache(maxsize=1)
def load_model() -> Calibration | None:
    """The packaged calibration; None when switched off (raw scores)."""
    if os.environ.get(ENV_VAR, "").lower() in ("off", "0", "raw"):
        return None
    return parse(_data(TABLE).read_text(encoding="utf-8").splitlines())


def calibrate_events(doc, coded) -> None:
    """Give each coded event its calibrated confidence, from the raw score it was read with
    and the parties the record finally holds (after every fill of the component)."""
    model = load_model()
    if model is None:
        return
    actors = {a.id: a for a in ext(doc, "actors") or ()}
    for c in coded:
        raw = c.extra.get("raw_confidence", c.event.confidence)
        inferred = [s for s in ("source", "target") if c.extra.get(f"{s}_in_clause") or c.extra.get(f"{s}_unnamed")]
        c.event.confidence = model(features(raw, _as_read(c), actors, inferred))


def _as_read(c) -> dict:
    """The event's sides as the parse read them: a quoted "we" swapped from its speaker to the
    speaker's body (:mod:`.ourside`) is scored as the speaker was placed."""
    ev = c.event
    return {"source": c.extra.get("source_speaker", ev.source), "target": c.extra.get("target_speaker", ev.target),
            "hypothetical": ev.hypothetical}

