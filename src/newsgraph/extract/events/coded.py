"""The coder's working record: an event with the evidence the record does not carry, and the
raw score of how it was read (mapped to a calibrated confidence by :mod:`.confidence`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Event, TextSpan
from ...records import Span as CharSpan
from ..tokens import sentence_chars
from .lexicon import LexEntry, Plover, load_cameo2plover, plover_for
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


def construction_entry(code: str, default_type: str, pos: str, word: str, example: str) -> LexEntry:
    """The lexicon entry of an event read from a construction rather than a lexicon row: CAMEO
    ``code`` with its PLOVER type from the mapping (``default_type`` if the mapping lacks it)."""
    p = plover_for(code, _plover_table()) or Plover(default_type, None, None)
    return LexEntry(pos, word, frozenset(), example, code, p)


def construction_event(doc: Doc, entry: LexEntry, src: Arg | None, tgt: Arg | None, trigger: Token,
                       anchor: int, nominal: bool) -> CodedEvent:
    """A positive, asserted event on ``trigger`` in its sentence, read from a construction (a
    statement, a claim called untrue, a call for a party to act); ``anchor`` is its clause's token."""
    sent = sentence_chars(doc, trigger.i)
    ev = Event(id="", type=entry.plover.type, mode=entry.plover.mode, cameo=entry.cameo,
               source=src.actor if src else None, target=tgt.actor if tgt else None, negated=False,
               hypothetical=False, trigger=TextSpan(start=trigger.idx, end=trigger.idx + len(trigger.text),
                                                    text=trigger.text),
               sentence=CharSpan(start=sent[0], end=sent[1]), confidence=_confidence(nominal, src, tgt))
    return CodedEvent(ev, src, tgt, nominal, entry, anchor, trigger.i)


@lru_cache(maxsize=1)
def _demand_entry(table=None) -> LexEntry:
    return construction_entry("100", "REQUEST", "verb", "must", "<said ... must>")


@lru_cache(maxsize=1)
def _plover_table():
    return load_cameo2plover()
