"""Calibrated event confidence.

The coder scores how an event was read (verb or noun, source and target found, actors
resolved, main or background clause: :func:`.coded._confidence`). That raw score orders
events well but is not a probability. ``data/event_confidence.tsv`` maps it, by steps, to
the share of events with such a score that are right on the development stories
(events_dev: the event is there, with that type), fitted by isotonic regression with
``python -m newsgraph.eval.calibration`` (see docs/evaluation.md). Set
``NEWSGRAPH_EVENT_CALIBRATION=off`` for raw scores (that is how the table is refitted).
"""

from __future__ import annotations

import os
from functools import lru_cache

from .lexicon import _data

ENV_VAR = "NEWSGRAPH_EVENT_CALIBRATION"
TABLE = "event_confidence.tsv"


@lru_cache(maxsize=1)
def load_table() -> tuple[tuple[float, float], ...]:
    """(lowest raw score, calibrated confidence) steps, ascending; empty when switched off."""
    if os.environ.get(ENV_VAR, "").lower() in ("off", "0", "raw"):
        return ()
    rows = []
    for line in _data(TABLE).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lo, value = line.split("\t")[:2]
            rows.append((float(lo), float(value)))
    return tuple(sorted(rows))


def calibrate(raw: float, table: tuple[tuple[float, float], ...] | None = None) -> float:
    """The calibrated confidence of a raw score (the raw score itself without a table)."""
    table = load_table() if table is None else table
    out = raw
    for lo, value in table:
        if raw + 1e-9 >= lo:
            out = value
        else:
            break
    return out
