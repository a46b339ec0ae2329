"""The unnamed rest of a coordinated source: "Ruritania and other coastal states protested".

The coder makes one event per coordinated source, so "Ruritania and other coastal states
protested" gives Ruritania's protest and a second one by "other coastal states", a party with
no country nobody can code, and "the front and its allies attacked" one by "its allies". The
second event repeats the first with no codable party. :func:`drop_unnamed_others` drops it, when

* its source is a conjunct (not the first of the coordination) marked as the unnamed rest by
  a word of ``newsgraph/data/others.tsv``: "other"/"another" modifying its head, or a head
  such as "allies" owned by a possessive pronoun ("its allies");
* neither that source nor its actor has a country;
* an event of the same type, trigger and target has as source the named conjunct that the
  unnamed one is coordinated with, and that source has a country (a meeting of the two,
  coded both ways, keeps both events).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import data_rows, ext
from .coded import CodedEvent


@lru_cache(maxsize=1)
def _words() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"modifier": set(), "head": set()}
    for word, role in data_rows("others.tsv"):
        out[role].add(word)
    return out


def drop_unnamed_others(doc: Doc, coded: list[CodedEvent]) -> list[CodedEvent]:
    """``coded`` without the events of an unnamed rest of a coordinated source (see the module
    docstring)."""
    countries = {a.id: a.country for a in ext(doc, "actors") or ()}
    drop: set[int] = set()
    for n, c in enumerate(coded):
        root = _root(doc, c)
        if root is None or root.dep_ != "conj" or not _unnamed_rest(root):
            continue
        if c.source.country or (c.event.source and countries.get(c.event.source)):
            continue
        if any(o is not c and o.trigger_i == c.trigger_i and o.event.type == c.event.type
               and o.event.target == c.event.target
               and o.source is not None and o.source.country and _at(_root(doc, o)) == root.head.i for o in coded):
            drop.add(n)
    return [c for n, c in enumerate(coded) if n not in drop]


def _at(tok: Token | None) -> int:
    return tok.i if tok is not None else -1


def _root(doc: Doc, c: CodedEvent) -> Token | None:
    if c.source is None:
        return None
    span = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    return span.root if span is not None else None


def _unnamed_rest(head: Token) -> bool:
    """"other coastal states", "another donor", "its allies"."""
    words = _words()
    if any(ch.lower_ in words["modifier"] and ch.dep_ in ("amod", "det") for ch in head.children):
        return True
    return head.lemma_.lower() in words["head"] and any(
        ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in head.children)
