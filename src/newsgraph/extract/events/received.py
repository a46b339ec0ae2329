"""Acts told from the side of the party they are done to: the subject of the clause around
the act noun or participle is the act's target.

* "The minister drew criticism from lawmakers", "the plan won the backing of Ruritania", "the
  envoy faced accusations", "the minister came under pressure from Y": an act noun is the
  object of a verb of receiving, or of the preposition such a verb takes
  (``newsgraph/data/received.tsv``), and the one that receives it is the verb's subject.
* "A rebel commander was among those shot during the raid", "two reporters are among those
  detained": a participle on "those", the object of "among", and the people it hit are the
  subject of the verb the "among" phrase hangs on.

The argument reader takes the noun's or participle's own arguments, so such an act is left
with no target. An act so told with no target, neither negated nor in a negated clause,
whose clause subject names an actor of the article that is not the act's own source gets
that actor.

A filled target is marked ``CodedEvent.extra["target_from_receiver"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import actor_for_span, data_rows, doc_text, ext
from .coded import CodedEvent
from .countries import _SUBJ
from .syntax import Arg


@lru_cache(maxsize=1)
def _receiving() -> dict[str, str]:
    """verb lemma -> the slot the act noun takes ("object" or "with"), from ``received.tsv``."""
    return {verb: slot for verb, slot, *_ in data_rows("received.tsv")}


def _received_by(tok: Token) -> Token | None:
    """The verb an act noun is received by ("drew criticism", "came under pressure"), if any."""
    if tok.pos_ != "NOUN":
        return None
    head = tok.head
    if tok.dep_ in ("dobj", "obj") and _receiving().get(head.lemma_.lower()) == "object":
        return head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and _receiving().get(head.head.lemma_.lower()) == head.lower_:
        return head.head  # "came under pressure"
    return None


def _among_those(tok: Token) -> Token | None:
    """The verb of "X was among those <participle>", when ``tok`` is that participle."""
    those = tok.head
    if tok.dep_ != "acl" or those.lower_ != "those" or those.dep_ != "pobj":
        return None
    among = those.head
    return among.head if among.lower_ == "among" and among.dep_ == "prep" else None


def _victim(tok: Token) -> Token | None:
    """The subject of the clause an act is received in (module docstring), or None."""
    verb = _received_by(tok) or _among_those(tok)
    if verb is None or any(ch.dep_ == "neg" for ch in verb.children):
        return None
    return next((ch for ch in verb.children if ch.dep_ in _SUBJ), None)


def fill_received(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act told from the side of the party it is done to that party (module docstring)."""
    actors = {a.id: a for a in ext(doc, "actors") or ()}
    text = doc_text(doc)
    for c in coded:
        if c.event.target is not None or c.event.negated:
            continue
        subj = _victim(doc[c.trigger_i])
        if subj is None or subj.pos_ == "PRON":
            continue
        span = doc[subj.left_edge.i:subj.right_edge.i + 1]
        aid = actor_for_span(doc, subj.idx, subj.idx + len(subj.text)) or actor_for_span(
            doc, span.start_char, span.end_char)
        actor = actors.get(aid or "")
        if actor is None or actor.id == c.event.source:
            continue
        m = min(actor.mentions, key=lambda m: abs(m.start - subj.idx))
        c.target = Arg(m.start, m.end, text[m.start:m.end], actor.id, actor.country, False, actor.sector)
        c.event.target = actor.id
        c.extra["target_from_receiver"] = True
