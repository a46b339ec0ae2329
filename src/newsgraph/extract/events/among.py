"""Victims named as "among those shot": the subject of the clause is the act's target.

"A rebel commander was among those shot during the raid", "two reporters are among those
detained": the act is told by a participle on "those", and the people it hit are the subject
of the copula the "among" phrase hangs on. The argument reader takes the participle's own
arguments (none), so the act is left with no target. An act so told (the trigger is an
``acl`` participle on "those", the object of "among", and the clause's subject names an actor
of the article) with no target gets that actor; not one that is the act's own source, and
not when the clause is negated ("none of the soldiers was among those hurt" is the coder's
negation to read).

A filled target is marked ``CodedEvent.extra["target_from_among"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import actor_for_span, doc_text
from .coded import CodedEvent
from .countries import _SUBJ
from .syntax import Arg

_THOSE = frozenset({"those"})


def _victim(tok: Token) -> Token | None:
    """The subject of "X was among those <trigger>", or None when the trigger is not told so."""
    those = tok.head
    if tok.dep_ != "acl" or those.lower_ not in _THOSE or those.dep_ != "pobj":
        return None
    among = those.head
    if among.lower_ != "among" or among.dep_ != "prep":
        return None
    verb = among.head
    if any(ch.dep_ == "neg" for ch in verb.children):
        return None
    return next((ch for ch in verb.children if ch.dep_ in _SUBJ), None)


def fill_among(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act told as "X is among those <act>" the target X (module docstring)."""
    actors = {a.id: a for a in doc._.actors or ()}
    text = doc_text(doc)
    for c in coded:
        if c.event.target is not None or c.event.negated:
            continue
        subj = _victim(doc[c.trigger_i])
        if subj is None:
            continue
        span = doc[subj.left_edge.i:subj.right_edge.i + 1]
        head = doc[subj.i:subj.i + 1]
        aid = actor_for_span(doc, head.start_char, head.end_char) or actor_for_span(doc, span.start_char, span.end_char)
        actor = actors.get(aid or "")
        if actor is None or actor.id == c.event.source:
            continue
        m = min(actor.mentions, key=lambda m: abs(m.start - subj.idx))
        c.target = Arg(m.start, m.end, text[m.start:m.end], actor.id, actor.country, False, actor.sector)
        c.event.target = actor.id
        c.extra["target_from_among"] = True
