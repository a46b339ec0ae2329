"""Datelines and bylines: the opening fragments of a wire story that are never actors.

"NAIROBI, Kenya —", "QUITO, May 2 (Reuters) -", "LAGOS —" name where a story was filed (the
story's country reads it) and who filed it; "By Jane Doe" names its writer.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .knowledge import load_knowledge

# "CITY, Country —", "CITY (Agency) -", "CITY, May 2 (Agency) -", "CITY: ": the opening line of a wire story
DATELINE_RE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z .'’-]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .'’-]{1,40}?))?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z .]{2,30}\))?\s*(?:[-—–]{1,2}|:)\s")


def _match(text: str) -> re.Match | None:
    """The dateline at the start of the text, or right after its byline lines."""
    pos = 0
    for start, end in byline_spans(text):
        if text[pos:start].strip() == "":
            pos = end
    return DATELINE_RE.match(text, pos)


def dateline(text: str) -> tuple[int, int, str] | None:
    """(start, end, place name) of the dateline's place, e.g. "NAIROBI, Kenya — ..." -> "Kenya"
    (the region after the city when there is one, else the city)."""
    m = _match(text)
    if m is None or m.group("city").strip().lower() in ("by", "update", "updated"):
        return None
    if m.group("region"):
        return m.start("region"), m.end("region"), m.group("region").strip()
    return m.start("city"), m.end("city"), m.group("city").strip()


def dateline_span(text: str) -> tuple[int, int] | None:
    """Characters of the whole dateline (never an actor)."""
    m = _match(text)
    return (m.start("city"), m.end()) if m and dateline(text) else None


# "By Jane Doe", "By Ana Ruiz and Li Wei, Reuters": capitalised words only, alone on the line
BYLINE_RE = re.compile(r"^[ \t]*(?:By|BY)[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|and|de|van|von|al-\w+))*"
                       r"[ \t]*(?:,[ \t]*[A-Z][^\n.]{0,60})?[ \t]*$", re.MULTILINE)


def byline_spans(text: str) -> list[tuple[int, int]]:
    """Characters of "By Jane Doe" lines in the first few lines of an article."""
    head = text[:400]
    return [(m.start(), m.end()) for m in BYLINE_RE.finditer(head)]


def not_actor_spans(text: str) -> list[tuple[int, int]]:
    """Dateline and bylines: character ranges no actor mention may touch."""
    out = byline_spans(text)
    if (span := dateline_span(text)) is not None:
        out.append(span)
    return out


# Tags of a word that opens a sentence and cannot go on a name before it ("Greece The ...",
# "Sudan In ...", "Poland A ...", "Israel During ...", "Nigeria According ...").
_OPENER_TAGS = frozenset({"DT", "IN", "CD", "PRP", "PRP$", "RB", "WRB", "WDT", "EX"})


def place_label_end(doc: Doc) -> int | None:
    """The index of the token after a place label glued to the lead, or None. Some sources
    (WikiNews) open a story with its country's name and no punctuation before the first
    sentence: "Greece The Greek government ...", "Iraq United States Secretary of State ...".
    The parser then reads the name into the sentence (a Secretary of State of Iraq). A label is
    a country's full name opening the text (not an abbreviation such as "U.S.", which stands
    before titles: "U.S. President ...") followed by a word that opens a sentence (a
    determiner, preposition, numeral, pronoun or adverb: "The", "In", "During") or by another
    country's name or nationality word. Reads the tagger's tags: runs before the parser."""
    surface = load_knowledge().surface

    def kind(text: str) -> str:  # "country", "demonym", "capital", ... or ""
        return (surface.get(text) or ("",))[0]

    words = [t for t in doc[:8] if not t.is_space]
    for n in (3, 2, 1):
        if len(words) <= n or any(w.i != words[0].i + k for k, w in enumerate(words[:n + 1])):
            continue  # the name and the word after it, with nothing between
        name = doc[words[0].i:words[n].i].text
        if kind(name) != "country" or not name[1:2].islower():
            continue
        nxt = words[n]
        if not nxt.text[:1].isupper():
            return None
        if nxt.tag_ in _OPENER_TAGS or kind(nxt.text) in ("country", "demonym") \
                or kind(doc[nxt.i:nxt.i + 2].text) == "country":
            return nxt.i
        return None
    return None
