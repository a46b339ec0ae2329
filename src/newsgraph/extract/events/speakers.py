"""Sides the telling gives: the speaker of a joint act told in the speaker's words, and the
target coordinated sources share.

"Talks with Ruritania must go on, the Bordurian foreign minister said", "our cooperation with
Chile is strong," the Peruvian envoy said": a noun of a joint act (talks, negotiations,
cooperation, an agreement) that names only the other party ("with Ruritania") leaves its own
side to the one who speaks of it, and a speaker who tells of their talks with someone is most
usually a side itself. The quote layer gives who speaks (``doc._.quotes``, direct and
indirect speech alike); this pass gives such a nominal act with a target and no source that
speaker, when the speaker is an actor of the article and not the target's own party, the
act names its other party on "with", "to" or "between" ("talks with", "a trip to") and has no
owner of its own ("his talks with the press": the man the pronoun stands for), and no other
person is named in the quote before it ("asked that the premier reveal what was said when he
met ...": the premier's meeting, not the speaker's).

Acts other than joint ones are left alone: a speaker telling of an attack, a protest or
sanctions is seldom the one who did it. A filled source is marked
``CodedEvent.extra["source_from_speaker"]``.

Coordinated sources of one speech act share its target ("Chile and Peru rejected the
claims"): when the passes before (:mod:`.reactions`, :mod:`.article`, :mod:`.dyad`) gave one of
them a target and the others none, :func:`_share_targets` gives the others that target too
(marked ``extra["target_shared"]``). Filled events keep the confidence they were read with.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import ext
from .coded import CodedEvent
from .syntax import Arg

#: Joint acts whose other side a speaker is (PLOVER types of talks, agreements, cooperation).
_JOINT = {"CONSULT", "COOPERATE", "AGREE"}


def fill_told_sides(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give a nominal joint act with a target and no source the speaker of the quote it is told
    in, and coordinated sources of a speech act the target one of them has (module docstring).
    Runs on settled actors, after the passes that fill targets."""
    by_id = {a.id: a for a in ext(doc, "actors") or ()}
    _speaker_sources(doc, coded, by_id)
    _share_targets(coded, by_id)


def _speaker_sources(doc: Doc, coded: list[CodedEvent], by_id: dict[str, Actor]) -> None:
    """A nominal joint act with a target and no source: the speaker of the quote it is told in."""
    quotes = [q for q in ext(doc, "quotes") or () if q.speaker and q.speaker_span is not None]
    if not quotes:
        return
    for c in coded:
        ev = c.event
        if not c.nominal or ev.type not in _JOINT or ev.source is not None or ev.target is None:
            continue
        at = ev.trigger.start
        q = next((q for q in quotes if q.start <= at < q.end), None)
        speaker, target = (by_id.get(q.speaker) if q else None), by_id.get(ev.target)
        if speaker is None or target is None or _same_party(speaker, target) \
                or not _with_party(doc[c.trigger_i], c.target) \
                or _other_party_before(doc, q.start, at, speaker, target, by_id.values()):
            continue
        span = q.speaker_span
        c.source = Arg(span.start, span.end, q.speaker_text or speaker.name, speaker.id, speaker.country,
                       False, speaker.sector)
        ev.source = speaker.id
        c.extra["source_from_speaker"] = True


_SHARED = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "SANCTION"}


def _share_targets(coded: list[CodedEvent], by_id: dict[str, Actor]) -> None:
    """One trigger, coordinated sources: those with no target take the one target the others
    have ("Chile and Peru rejected the claims"), unless it is their own party."""
    by_trigger: dict[int, list[CodedEvent]] = {}
    for c in coded:
        if c.event.type in _SHARED and c.event.source is not None and not c.event.hypothetical:
            by_trigger.setdefault(c.trigger_i, []).append(c)
    for group in by_trigger.values():
        found = {c.event.target for c in group if c.event.target is not None}
        if len(group) < 2 or len(found) != 1:
            continue
        have = next(c for c in group if c.event.target is not None)
        author = by_id.get(have.event.target)
        for c in group:
            responder = by_id.get(c.event.source)
            if c.event.target is None and author is not None and responder is not None \
                    and not _same_party(author, responder):
                c.target, c.event.target = have.target, author.id
                c.extra["target_shared"] = True


def _with_party(trig: Token, target: Arg | None) -> bool:
    """Does the act noun name its other party on "with", "to" or "between", and no owner of its
    own ("his talks", "Chile's talks", "the talks of the envoys")?"""
    if target is None or any(c.dep_ == "poss" for c in trig.children):
        return False
    for c in trig.children:
        if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and p.left_edge.idx <= target.start < p.right_edge.idx + len(p.right_edge.text):
                    return True
    return False


_PARTY_PREPS = {"with", "to", "between"}


def _other_party_before(doc: Doc, start: int, at: int, speaker: Actor, target: Actor, actors) -> bool:
    """Is a person other than the speaker (and not of the target's party) named in the quote
    before the act, in the act's sentence? Then the act may be theirs."""
    lo = max(start, doc[doc.char_span(at, at + 1, alignment_mode="expand").start].sent.start_char)
    return any(lo <= m.start < at for a in actors if a.kind == "person" and a.id != speaker.id
               and not _same_party(a, target) for m in a.mentions)


def _same_party(a: Actor, b: Actor) -> bool:
    return a.id == b.id or (a.country is not None and a.country == b.country and a.sector == b.sector)
