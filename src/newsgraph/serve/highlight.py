"""Highlighted text built from character offsets, never from HTML.

The article text is untrusted. It is cut at every span boundary into plain
segments, each carrying the spans that cover it; the template escapes each
segment and wraps it in an element whose classes name those spans. No
markup ever comes from the text, so a ``<script>`` in an article is shown as
the characters it is. Control characters are replaced one-for-one by
visible symbols, so offsets still line up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with control and bidi-override characters shown as symbols (same length)."""
    def sub(m: re.Match) -> str:
        c = ord(m.group(0))
        return chr(0x2400 + c) if c < 0x20 else "\u2421" if c == 0x7F else "\ufffd"
    return _CONTROL.sub(sub, text)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: str          # actors, events, quotes, claims, figures, times, places; or a role on a card
    item: str           # the side-list item this span belongs to, e.g. "event-e3"
    label: str = ""


@dataclass
class Segment:
    text: str
    start: int
    spans: list[Span] = field(default_factory=list)
    first: list[Span] = field(default_factory=list)  # spans that begin here (anchors, role tags)

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"l-{s.layer}" for s in self.spans}))

    @property
    def items(self) -> str:
        return " ".join(dict.fromkeys(s.item for s in self.spans))


def segments(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> list[Segment]:
    """``text[start:end]`` cut at every boundary of the (clipped, non-empty) spans."""
    end = len(text) if end is None else end
    spans = [s for s in spans if s.start < s.end and s.end > start and s.start < end]
    cuts = sorted({start, end, *(max(start, min(end, p)) for s in spans for p in (s.start, s.end))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [s for s in spans if s.start <= a and s.end >= b]
        out.append(Segment(visible(text[a:b]), a, cover, [s for s in cover if max(s.start, start) == a]))
    return out
