"""The two parties a joint act's "the two leaders" or "both sides" stands for.

"Chile's president flew to Lima to see his Peruvian counterpart. The two leaders agreed to
reopen the border": the subject of a joint act (talks, agreements, cooperation) is a plural
noun of ``newsgraph/data/pair_nouns.tsv`` after "the two" or "both", which stands for the last
two parties the article named before it (in that sentence or the five before). The pass gives
such an event the two as source and target and adds the event the other way round, as
coordinated subjects of a joint act are read (:func:`.coder._pairs`). A person noun
("leaders") takes the two last people, a state noun ("countries") the two last states or governments of
two different countries; an event that already names a party as its target keeps it. The events
so filled are marked ``CodedEvent.extra["two_sides"]``.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import data_rows
from .coded import CodedEvent
from .syntax import Arg

#: Joint acts two parties do together (PLOVER types of talks, agreements, cooperation).
_JOINT = {"CONSULT", "COOPERATE", "AGREE"}
_WINDOW = 5  # sentences before the act's own that may name the two


@lru_cache(maxsize=1)
def _pair_nouns() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows("pair_nouns.tsv")}


def fill_two_sides(doc: Doc, coded: list[CodedEvent]) -> list[CodedEvent]:
    """Give a joint act whose subject is "the two leaders" the two parties named before it,
    one event each way (module docstring). Runs on settled actors."""
    actors = list(doc._.actors or ())
    by_id = {a.id: a for a in actors}
    out: list[CodedEvent] = []
    added = False
    for c in coded:
        out.append(c)
        pair = _named_pair(doc, c, actors, by_id)
        if pair is None:
            continue
        a, b = pair
        other = deepcopy(c)
        for ev, (src, tgt) in ((c, (a, b)), (other, (b, a))):
            ev.source, ev.event.source = _arg(src), src.id
            ev.target, ev.event.target = _arg(tgt), tgt.id
            ev.extra["two_sides"] = True
        out.append(other)
        added = True
    if added:
        for n, c in enumerate(out, 1):
            c.event.id = f"e{n}"
    return out


def _named_pair(doc: Doc, c: CodedEvent, actors: list[Actor], by_id: dict[str, Actor]):
    """The two parties "the two <noun>" subject of this joint act stands for, or None."""
    ev = c.event
    if ev.type not in _JOINT or ev.negated or c.trigger_i < 0:
        return None
    noun = _pair_subject(doc, c)
    if noun is None:
        return None
    if ev.target is not None and ev.target in by_id and not _place_target(doc, c) \
            and not _covers(doc, c.target, noun):
        return None
    if ev.source is not None and ev.source in by_id and not _covers(doc, c.source, noun):
        return None  # "both countries started talks with the EU", told from the EU's side
    names = _pair_nouns()[noun.lower_]
    first = doc[c.trigger_i].sent
    for _ in range(_WINDOW):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    lo, hi = first.start_char, doc[noun.left_edge.i].idx
    seen: list[tuple[int, Actor]] = []
    for a in actors:
        if names == "person" and a.kind != "person":
            continue
        if names == "state" and (a.country is None or (a.kind != "state" and a.sector != "GOV")):
            continue  # "the two countries": states or their governments, not their firms
        last = max((m.start for m in a.mentions if lo <= m.start < hi), default=None)
        if last is not None:
            seen.append((last, a))
    seen.sort(key=lambda p: p[0], reverse=True)
    picked: list[Actor] = []
    for _, a in seen:
        if any(_same(a, p, names) for p in picked):
            continue
        picked.append(a)
        if len(picked) == 2:
            break
    if len(picked) < 2:
        return None
    later, earlier = picked
    return earlier, later


def _same(a: Actor, b: Actor, names: str) -> bool:
    """Are two actors one side ("the two countries" are two countries; two sides two parties)?"""
    if a.id == b.id:
        return True
    if names == "state":
        return a.country == b.country
    return names == "any" and a.country is not None and a.country == b.country and a.sector == b.sector


def _pair_subject(doc: Doc, c: CodedEvent) -> Token | None:
    """The pair noun the act is told of: its source phrase, the subject of its verb (or of the
    verb whose object it is: "the two sides signed a deal"), or its "between" object."""
    if c.source is not None and (noun := _pair_noun(_span_root(doc, c.source))) is not None:
        return noun
    trig = doc[c.trigger_i]
    verbs = [trig] + ([trig.head] if trig.dep_ in ("dobj", "obj", "xcomp") else [])
    for v in verbs:
        for ch in v.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and (noun := _pair_noun(ch)) is not None:
                return noun
    for ch in trig.children:
        if ch.dep_ == "prep" and ch.lower_ == "between":
            for p in ch.children:
                if p.dep_ == "pobj" and (noun := _pair_noun(p)) is not None:
                    return noun
    return None


def _span_root(doc: Doc, arg: Arg) -> Token | None:
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span.root if span is not None else None


def _covers(doc: Doc, arg: Arg | None, noun: Token) -> bool:
    """Is this argument the pair noun itself ("the two countries are agreed": read as a target)?"""
    return arg is not None and arg.start <= noun.idx < arg.end


def _pair_noun(head: Token | None) -> Token | None:
    """This token, when a pair noun after "the two" or "both" ("both sides", "the two leaders")."""
    if head is None or head.lower_ not in _pair_nouns():
        return None
    if any(t.lower_ in ("two", "both") and t.i < head.i for t in head.children):
        return head
    return None


def _place_target(doc: Doc, c: CodedEvent) -> bool:
    """Is the target read from an "in"/"at" phrase (where the act happened, not a party)?"""
    if c.target is None:
        return False
    span = doc.char_span(c.target.start, c.target.end, alignment_mode="expand")
    return span is not None and span.root.head.lower_ in ("in", "at") and span.root.dep_ == "pobj"


def _arg(a: Actor) -> Arg:
    m = a.mentions[0]
    return Arg(m.start, m.end, a.name, a.id, a.country, False, a.sector)
