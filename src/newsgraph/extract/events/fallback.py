"""A side its own clause names but no reader attached: the last, in-clause fallback.

On unseen news most type-right events that fail their triple have a side with *nothing*
attached. Taking the nearest actor mention of the sentence fills many (it scores, as the
scorer checks countries only) but picks the wrong entity often: a passive's "by" agent read as
the target, a venue ("met in Moscow"), an actor in a told clause, the other side's own troops.
So after every other fill, an event (neither negated nor hypothetical) with a side still empty
— no argument phrase read at all — takes an actor mention only when the dependency path from
its trigger *down* to the mention says the role:

* a verb's subject or "by" agent is its source; its passive subject (not for a moved force:
  "troops were withdrawn"), object (not the goods of a transfer: "sent troops") or the owner of
  its object ("seized Ruritania's ships") its target;
* a noun's possessor is its source ("Ruritania's offer"), its target for an act the possessor
  undergoes ("the envoy's expulsion", ``.nominal``); its "by"/"from" party its source (not
  "withdrawal from X");
* a verb's or noun's "<preposition> X" is its target when the preposition names whom that type
  of act is aimed at (``newsgraph/data/fallback_preps.tsv``: "blamed on X", "negotiating with
  X", "opposed to X", "fired at X"; not "with X saying ...").

Only a coordinated name may lie below that dependent (an owner or a modifier of it, "X's
ships", "the X summit", only for a target whose doer is known); nothing is taken
across a clause (a told clause, a relative or adverbial clause: the mention must hang below the
trigger itself), nor a pronoun, a count ("dozens of X"), a dateline, a place after "in", "at",
"to" ..., an actor with no country (an international body excepted), the other side, its own
phrase or its coordinated partner ("British and Japanese leaders"). Candidates of different
countries for one side leave it empty; else the nearest in the tree. Prefer an empty side to a
guess.

A filled side is marked ``CodedEvent.extra["source_in_clause"]`` (``"target_in_clause"``): the
raw score stays as read, and the calibration counts such a side as not placed (``.confidence``),
so a fill does not raise the event's confidence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import data_rows, doc_text, ext
from .args import _given
from .coded import CodedEvent, _demand_entry
from .countries import _QUANT_HEADS
from .nominal import _PRONOUNS, owner_undergoes
from .syntax import Arg

#: Acts whose passive subject is the force moved, the acting side (.args reads it as the source).
_POSTURE = frozenset({"MOBILIZE", "RETREAT"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_SUBJ = frozenset({"nsubj"})
_PASS = frozenset({"nsubjpass"})
_OBJ = frozenset({"dobj", "dative", "obj"})
#: What may lie between the core dependent and the mention: a coordinated or compound name.
_TAIL = frozenset({"conj", "compound", "cc"})


def _placed(actor) -> bool:
    return bool(actor is not None and (actor.country or actor.sector == "IGO"))


def _mentions(doc: Doc, tok: Token) -> list[tuple[Token, object, int, int]]:
    """(head token, actor, start, end) of every actor mention in ``tok``'s sentence."""
    sent = tok.sent
    lo, hi = sent.start_char, sent.end_char
    out = []
    for a in ext(doc, "actors") or ():
        for m in a.mentions:
            if lo <= m.start and m.end <= hi:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span):
                    out.append((span.root, a, m.start, m.end))
    return out


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _role(trig: Token, nominal: bool, kind: str, m: Token, sourced: bool) -> str | None:
    """The side the mention headed by ``m`` plays in the act of ``trig``; None when the path
    from the trigger down to it is not one the construction tells (or ``m`` is not below it).
    The owner or modifier of the party phrase ("X's ships", "the X summit") is a target only
    when the doer is known (``sourced``) and so can be told from it ("was denied X's approval"
    with no doer is X's own act), and never a source ("agreed by the X shareholders")."""
    up = _chain(m)
    if trig not in up:
        return None
    path = list(reversed(up[:up.index(trig)]))  # the trigger's child ... m
    if not path:
        return None
    first = path[0]
    core = 2 if first.dep_ in ("prep", "agent") else 1  # "against X": the preposition and its object
    if len(path) < core or (core == 2 and path[1].dep_ != "pobj"):
        return None
    role = _core_role(first, nominal, kind, trig)
    tail = [t.dep_ for t in path[core:]]
    if any(d in ("poss", "compound") for d in tail) and not (role == "target" and sourced):
        return None  # an owner or modifier of the thing, with no doer known: "was denied X's approval"
    if tail[:1] == ["poss"] and role == "target" and first.dep_ in _OBJ | _PASS:
        tail = tail[1:]  # the owner of what the act is done to: "seized Ruritania's ships"
    return role if role is not None and all(d in _TAIL for d in tail) else None


def _core_role(first: Token, nominal: bool, kind: str, trig: Token) -> str | None:
    """The side the trigger's dependent ``first`` names, by the construction."""
    dep, word = first.dep_, first.lower_
    if not nominal:
        if dep in _SUBJ or (dep == "agent" and word == "by"):
            return "source"
        if dep in _PASS:
            return None if kind in _POSTURE else "target"
        if dep in _OBJ:
            return None if _given(trig, first) else "target"  # "sent troops": what goes
        return "target" if dep == "prep" and _aimed(first, kind) else None
    if dep == "poss":
        return "target" if owner_undergoes(trig, kind) else "source"
    if dep == "prep" and (word == "by" or (word == "from" and kind not in _POSTURE)):
        return "source"  # not "withdrawal from X": what is left, not who leaves
    return "target" if dep == "prep" and _aimed(first, kind) else None


@lru_cache(maxsize=1)
def _aimed_preps() -> dict[str, frozenset[str]]:
    """preposition -> the PLOVER types whose party it names (``newsgraph/data/fallback_preps.tsv``)."""
    return {p: frozenset(t.strip() for t in types.split(",")) for p, types, *_ in data_rows("fallback_preps.tsv")}


def _aimed(prep: Token, kind: str) -> bool:
    """Does "<prep> X" name whom an act of ``kind`` is aimed at? Not an absolute clause ("with X
    calling it ...": X acts)."""
    if kind not in _aimed_preps().get(prep.lower_, ()):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and not any(c.pos_ in ("VERB", "AUX") for c in obj.children)


def _beside(m: Token, other: Arg | None) -> bool:
    """Is the mention part of the other side's phrase or coordinated with it ("British and
    Japanese leaders", "X and Y were withdrawn")?"""
    if other is None:
        return False
    group = [m, *m.conjuncts]
    return any(other.start <= t.idx < other.end for t in group)


def _unfit(m: Token) -> bool:
    """A mention not to take: a pronoun (the actor layer's links of these go wrong too often
    here), a count of people ("dozens of tax inspectors": the actor layer's name for the
    count is not the party), a dateline ("LONDON (Reuters) -"), or a place phrase."""
    if m.lower_ in _PRONOUNS or m.pos_ == "PRON":
        return True
    if m.lower_ in _QUANT_HEADS and any(c.dep_ == "prep" and c.lower_ == "of" for c in m.children):
        return True
    first = m.left_edge
    nxt = m.doc[m.right_edge.i + 1] if m.right_edge.i + 1 < len(m.doc) else None
    if first.is_sent_start and first.is_upper and nxt is not None and nxt.text in ("(", "-", "\u2014", "\u2013", ":"):
        return True
    return _venue(m)


def _venue(m: Token) -> bool:
    """A place named after "in", "at", "to": where the act happened or went, not a party."""
    ent = m.ent_type_ in _PLACES
    return ent and m.dep_ == "pobj" and m.head.lower_ in ("in", "at", "to", "from", "near", "across", "inside")


def _outer(cands: list[tuple]) -> list[tuple]:
    """Candidates not inside another's span: "Pakistani Taliban militants", not its "Taliban"."""
    return [c for c in cands if not any(o is not c and o[2] <= c[2] and c[3] <= o[3] and (o[2], o[3]) != (c[2], c[3])
                                        for o in cands)]


def fill_in_clause(doc: Doc, coded: list[CodedEvent]) -> None:
    """Fill each empty side from its own clause (module docstring)."""
    text = None
    for c in coded:
        ev = c.event
        if ev.negated or ev.hypothetical:
            continue
        empty = [s for s in ("source", "target") if getattr(ev, s) is None and getattr(c, s) is None
                 and not (s == "target" and c.entry is _demand_entry())]  # "told X that Y must": Y is asked
        if not empty:
            continue
        trig = doc[c.trigger_i]
        found: dict[str, list] = {"source": [], "target": []}
        for m, actor, start, end in _mentions(doc, trig):
            if start < trig.idx + len(trig.text) and trig.idx < end:
                continue
            role = _role(trig, c.nominal, ev.type, m, ev.source is not None)
            if role is None or role not in empty or not _placed(actor) or _unfit(m):
                continue
            other = "target" if role == "source" else "source"
            if actor.id == getattr(ev, other) or _beside(m, getattr(c, other)):
                continue
            found[role].append((len(_chain(m)) - len(_chain(trig)), actor, start, end))
        for side in empty:
            cands = sorted(_outer(found[side]), key=lambda x: x[0])
            if not cands:
                continue
            best = cands[0]
            if any(a.country != best[1].country for _, a, _, _ in cands[1:]):
                continue  # parties of several countries: the parse does not say which
            _, actor, start, end = best
            if text is None:
                text = doc_text(doc)
            arg = Arg(start, end, text[start:end], actor.id, actor.country, False, actor.sector)
            setattr(c, side, arg)
            setattr(ev, side, actor.id)
            c.extra[f"{side}_in_clause"] = True
