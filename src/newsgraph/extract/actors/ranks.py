"""Abbreviated ranks before a name: "Lance Cpl. Ana Ruiz", "Maj. Gen. Ian Moss", "Det. Supt. X".

The knowledge file's ``rank_abbreviations`` are read as person titles (``roles``). Two things
keep them from being read: the tokenizer splits "Cpl." into a word and a full stop, which would
end the title before the name, and the entity tagger often tags the rank ("Lance Cpl", "Spc")
as a person or an organisation of its own. :func:`rank_stop` lets the title reader step over
the full stop; :func:`is_rank_title` tells that an entity is only the title of the next name.
"""

from __future__ import annotations

from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from .knowledge import Knowledge


def is_rank(kb: Knowledge, tok: Token) -> bool:
    """Is this token an abbreviated rank ("Cpl", "Gen.")?"""
    return tok.lower_.rstrip(".") in kb.ranks


def rank_stop(kb: Knowledge, tok: Token) -> bool:
    """Is this token the full stop of an abbreviated rank ("Cpl" + ".")?"""
    doc = tok.doc
    return tok.text == "." and tok.i > 0 and not doc[tok.i - 1].whitespace_ and is_rank(kb, doc[tok.i - 1])


def is_rank_title(kb: Knowledge, span: TokSpan) -> bool:
    """An entity that ends in an abbreviated rank right before a name ("Lance Cpl" in "Lance Cpl.
    Ana Ruiz") is that name's title, not an actor."""
    doc = span.doc
    if not is_rank(kb, span[-1]):
        return False
    nxt = span.end + (1 if span.end < len(doc) and rank_stop(kb, doc[span.end]) else 0)
    return nxt < len(doc) and doc[nxt].pos_ == "PROPN" and doc[nxt].text[:1].isupper()
