"""An act aimed at "him", "her" or "them": the party the pronoun stands for.

"The president met the envoy and urged him to ...", "police detained the suspects and
questioned them", "tariffs on Ruritania and Borduria to pressure them": the coder reads the
pronoun as the act's target, but the actor layer links pronouns only to speakers, so the
act is left with no target. This pass walks back from the pronoun over its sentence and the one before; the first word
that could be what it stands for ("him"/"her": a person's name, or a singular noun that is a
clause's subject or object; "them": a plural noun, or one of coordinated names) decides:

* a party that is the act's own source, or of its country and sector, is passed over (a
  pronoun object is someone else: "police detained the suspects and questioned them");
* a person's actor for "him"/"her", any other actor for "them", is the target; of
  coordinated names the first ("Ruritania, Borduria and Syldavia");
* a word no actor covers, or of the wrong kind, means no guess ("the crew herded the
  travellers ashore and searched them": the travellers are no actor, and nobody farther
  back is meant).

A subject pronoun of the same person on the way ("they" for "them") means no guess as well
(the object is whoever it is: "they feared the soldiers would shoot them"). Possessors are skipped ("the minister's aides ... them": the aides),
and so is the object of the pronoun's own verb ("threw stones at them": not the stones).

A pronoun inside a direct quotation is left alone (there, it is whoever the speaker means),
and so is "it" (mostly a thing: "rejected it", "signed it").

A filled target is marked ``CodedEvent.extra["target_from_pronoun"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import ext
from .coded import CodedEvent
from .pronouns import _previous
from .syntax import Arg

_PERSON = frozenset({"him", "her"})
_PLURAL = frozenset({"them"})
_SAME_PERSON = {"them": ("they", "we"), "they": ("they", "we"), "him": ("he",), "her": ("she",)}
_POSTURE = frozenset({"MOBILIZE", "RETREAT"})
_CLAUSE_PARTY = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})


def fill_pronoun_targets(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act aimed at an unresolved "him"/"her"/"them" the party it stands for (module
    docstring). Runs on settled actors."""
    actors = list(ext(doc, "actors") or ())
    by_id = {a.id: a for a in actors}
    quotes = [(q.start, q.end) for q in ext(doc, "quotes") or () if q.kind != "indirect"]
    for c in coded:
        arg = c.target
        if c.event.target is not None or arg is None or arg.actor:
            continue
        pron = _pronoun(doc, arg)
        if pron is None or any(s <= pron.idx < e for s, e in quotes) or (
                pron.lower_ == "they" and c.event.type in _POSTURE):
            continue  # "they were withdrawn": the force moved is the side that moves
        src = by_id.get(c.event.source) if c.event.source else None
        actor = _antecedent(doc, pron, actors, src)
        if actor is None:
            continue
        c.target = Arg(arg.start, arg.end, arg.text, actor.id, actor.country, False, actor.sector)
        c.event.target = actor.id
        c.extra["target_from_pronoun"] = True


def _pronoun(doc: Doc, arg: Arg) -> Token | None:
    """The target's token if it is "him", "her", "them", or the "they" a passive's act is done
    to ("They were released on Tuesday": whom the story told of before)."""
    span = doc.char_span(arg.start, arg.end)
    if span is None or len(span) != 1:
        return None
    tok = span[0]
    if tok.lower_ in _PERSON | _PLURAL or (tok.lower_ == "they" and tok.dep_ == "nsubjpass"):
        return tok
    return None


def _antecedent(doc: Doc, pron: Token, actors: list[Actor], src: Actor | None) -> Actor | None:
    """Walk back from the pronoun over its sentence and the one before: the first word that
    could be what it stands for decides (a party that is the act's own source is passed
    over; a word no actor covers, "herded the travellers ... searched them", means no guess)."""
    prev = _previous(doc, pron.sent)
    lo = (prev if prev is not None else pron.sent).start
    for i in range(pron.i - 1, lo - 1, -1):
        tok = doc[i]
        if tok.lower_ in _SAME_PERSON.get(pron.lower_, ()):
            return None  # "they feared the soldiers would shoot them": whoever "they" are
        if not _could_be(tok, pron) or _coargument(tok, pron) or any(
                a.dep_ == "poss" for a in (tok, *tok.ancestors)
                if a.i < pron.i and a.sent.start == tok.sent.start and a.i >= tok.i):
            continue
        actor = _actor_at(tok.idx, actors)
        if actor is not None and src is not None and (actor.id == src.id or (
                actor.country is not None and (actor.country, actor.sector) == (src.country, src.sector))):
            continue  # "police detained the suspects and questioned them": not the police
        if actor is None or (pron.lower_ in _PERSON) != (actor.kind == "person"):
            return None
        first = tok
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head  # "Ruritania, Borduria and Syldavia": the first
        lead = _actor_at(first.idx, actors)
        return lead if lead is not None and (src is None or lead.id != src.id) else actor
    return None


def _coargument(tok: Token, pron: Token) -> bool:
    """Is the word the object of the verb the pronoun hangs on ("threw stones at them",
    "sent letters to them")? A pronoun does not stand for its own verb's other argument."""
    verb = pron.head.head if pron.dep_ == "pobj" else pron.head
    return tok.dep_ in ("dobj", "obj") and tok.head.i == verb.i


def _could_be(tok: Token, pron: Token) -> bool:
    """Could the word be what the pronoun stands for: a person's name for "him"/"her"; a
    plural noun or one of coordinated names for "them"?"""
    if pron.lower_ in _PERSON:  # a name, or a singular noun that is a clause's party ("met the envoy")
        return (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B") or (
            tok.tag_ == "NN" and tok.dep_ in _CLAUSE_PARTY)
    if tok.pos_ == "NOUN" or tok.pos_ == "PROPN":
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].dep_ in ("compound", "flat") and tok.head.i > tok.i:
            return False  # a modifier, not the head
        return tok.tag_ in ("NNS", "NNPS") or tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)
    return False


def _actor_at(at: int, actors: list[Actor]) -> Actor | None:
    return next((a for a in actors if any(m.start <= at < m.end for m in a.mentions)), None)
