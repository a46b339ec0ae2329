"""Time-zone abbreviations after a clock time are no actors.

The tagger often labels the zone of "(06:00 UTC)" or "at 1730 GMT" an organisation. Next to a
clock time such a word is part of the time, never a party; elsewhere it is left to the tagger.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .. import data_rows

_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|\d{4}|[ap]\.?m\.?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    """The abbreviations of ``data/time_zones.tsv``."""
    return frozenset(row[0] for row in data_rows("time_zones.tsv"))


def time_zone(span: Span) -> bool:
    """A one-word span that is a time zone's abbreviation right after a clock time
    ("07:00 BST", "(1730 UTC)", "10:00 a.m. EDT"; brackets between are skipped)."""
    if len(span) != 1 or span.text not in _zones():
        return False
    i = span.start - 1
    while i >= 0 and span.doc[i].is_punct and not _CLOCK.fullmatch(span.doc[i].text):
        i -= 1  # "11:00 (UTC +1)"
    return i >= 0 and _CLOCK.fullmatch(span.doc[i].text) is not None
