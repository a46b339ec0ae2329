"""Normalisation: a phrase's modifiers split off, its core matched against the patterns in order,
and the first handler that gives a value wins (:mod:`.absolute` and :mod:`.relative` hold them)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .absolute import HANDLERS as ABSOLUTE
from .dates import Tense, Timex
from .patterns import _CORE_RE, _EDGE_RE, _MOD_RE, EDGE_WORDS, MOD_WORDS
from .relative import HANDLERS as RELATIVE


def _strip_mods(phrase: str) -> tuple[str, str | None]:
    """Split leading modifiers ("almost", "early") off; return core phrase and TIMEX3 mod."""
    mod = None
    p = phrase.strip()
    for _ in range(3):
        m = _MOD_RE.match(p)
        if m:
            word = m.group("mod").lower()
            mod = MOD_WORDS.get(word, mod)
            p = p[m.end():]
            continue
        m = _EDGE_RE.match(p)
        if m:
            word = m.group("edge").lower()
            mod = EDGE_WORDS.get(word, mod)
            p = p[m.end():]
            continue
        break
    return p, mod


def normalise(phrase: str, anchor: dt.date | None, tense: Tense = None, *,
              context: str = "", fiscal: bool = False) -> Timex | None:
    """TIMEX3 type/value/mod for ``phrase`` or None if it is not a time expression.

    ``anchor`` is the publication date; ``tense`` that of the governing verb;
    ``context`` the sentence and ``fiscal`` whether the story reports quarterly
    results: there "a year ago" means the year-ago quarter, as annotators read it.
    """
    ctx = "quarter" if fiscal or "quarter" in context.lower() else ""
    core, mod = _strip_mods(phrase)
    res = None
    if core != phrase.strip():  # "the end of the year" is a pattern of its own
        res = _normalise_core(phrase.strip(), anchor, tense, ctx)
        if res is not None:
            return res
    res = _normalise_core(core.strip(), anchor, tense, ctx)
    if res is None:
        return None
    if mod and res.mod is None:
        res = Timex(res.type, res.value, mod)
    return res


@lru_cache(maxsize=4096)
def _normalise_core(core: str, anchor: dt.date | None, tense: Tense, context: str) -> Timex | None:
    low = re.sub(r"\s+", " ", core.lower())
    for name, rx in _CORE_RE.items():
        m = rx.fullmatch(low)
        if m:
            handler = _HANDLERS.get(name)
            if handler is None:
                continue
            res = handler(low, anchor, tense, context)
            if res is not None:
                return res
    return None




_HANDLERS = {**ABSOLUTE, **RELATIVE}
