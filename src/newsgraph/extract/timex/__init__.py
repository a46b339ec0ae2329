"""A rule-based TIMEX3 recogniser and normaliser, free of spaCy.

Two pure entry points, so the rules are testable without the model:

* :func:`find` scans raw text and returns candidate spans (longest match
  first, HeidelTime-style patterns written from scratch);
* :func:`normalise` turns one expression into ``Timex(type, value, mod)``,
  resolved against an anchor date (the publication date) and the tense of
  the clause that governs it.

Without an anchor, relative expressions get underspecified values
(``XXXX-11-27`` style or None), never today's date.

The modules: :mod:`.patterns` (vocabulary, patterns, :func:`find`),
:mod:`.normalise` (:func:`normalise`), whose handlers live in :mod:`.absolute`
(dates that name themselves) and :mod:`.relative` (counted from the anchor),
over the arithmetic and the :class:`Timex` value of :mod:`.dates`.
"""

from .dates import Tense, Timex, shift_months
from .normalise import normalise
from .patterns import find

__all__ = ["Tense", "Timex", "find", "normalise", "shift_months"]
