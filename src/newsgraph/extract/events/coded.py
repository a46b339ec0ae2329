"""The coder's working record: an event with the evidence the record does not carry, and the
raw score of how it was read (mapped to a calibrated confidence by :mod:`.confidence`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...records import Event
from .lexicon import LexEntry, load_cameo2plover, plover_for
from .syntax import Arg


@dataclass
class CodedEvent:
    """An event with the evidence the record does not carry (for evaluation and debugging)."""

    event: Event
    source: Arg | None
    target: Arg | None
    nominal: bool
    entry: LexEntry
    anchor: int = -1  # token index of the clause verb the flags/date were read from
    trigger_i: int = -1
    extra: dict = field(default_factory=dict)





def _confidence(nominal: bool, src: Arg | None, tgt: Arg | None, background: bool = False) -> float:
    """0.9 for a verb, 0.7 for a noun; less without a source or target, with arguments
    read without an actor record, or in a background clause (relative or reduced relative)."""
    conf = (0.9 if not nominal else 0.7) - (0.2 if background else 0.0)
    if src is None:
        conf -= 0.25
    elif src.fallback:
        conf -= 0.1
    if tgt is None:
        conf -= 0.15
    elif tgt.fallback:
        conf -= 0.05
    return round(max(0.05, min(1.0, conf)), 2)


@lru_cache(maxsize=1)
def _demand_entry(table=None) -> LexEntry:
    from .lexicon import Plover
    p = plover_for("100", _plover_table()) or Plover("REQUEST", None, None)
    return LexEntry("verb", "must", frozenset(), "<said ... must>", "100", p)


@lru_cache(maxsize=1)
def _plover_table():
    return load_cameo2plover()
