"""The article's dyad: the other side of a party's main opponent, for an act that names none.

A story about a dispute tells most of its acts between two parties, and leaves the other side
unnamed where the reader knows it: "the rebels rejected the offer", "the ministry said it was
ready for talks", "the government accused them of stalling" after paragraphs on the same two
sides. For each party the article's events pair it with, its counterpart is the party it is
paired with most often: at least twice, and more often than with any other. An act of an
aimed type (``newsgraph/data/dyad.tsv``) with that party as its source and no party as its
target gets the counterpart, when the act's sentence names no third party (a sentence that
names another country, a watchdog or a company may be about it), the article named the
counterpart before the act (the reader knows the other side from what was told before), and,
for a meeting, its source is a person or a state ("parliament convened" is its members
meeting each other).

Parties are counted by side, not by actor record: a state's government, army and police
are one side against an armed group of the same country (``dyad.tsv``), so "the army" and
"the interior ministry" add up; civilians, business and media are no side. The counterpart is
counted over events of the act's kind: violence over violence, accusations and threats over
PLOVER's conflict types, meetings and agreements over the others, so that a group that
negotiates with one state and fights another is given the right one. The same counterparts
give violence on one side with no perpetrator named ("police officers were killed in
attacks") its perpetrator.

An insurgency's violence told with no one it hit ("the rebels stepped up their attacks") is
aimed at the state it fights: an armed non-state group (REB, INS) of the story's country (or,
when no country clearly leads, of the one the article weighs most) whose
attack names no object, no passive subject and no "on"/"against"/"of" phrase gets that
country's state side (its government or forces as the article's events name them, else the
state itself), when the article's violence gives the group no counterpart of its own and the
sentence names no third party (:func:`_fill_insurgency`).

A filled side is marked ``CodedEvent.extra["target_from_dyad"]`` (``"source_from_dyad"``);
the event keeps the confidence it was read with.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from ...records import Actor
from .. import data_rows, doc_text, ext
from .article import _SPEECH, _alleged, _generic, _mutual, _older
from .coded import CodedEvent
from ..actors.story import story_country, story_weights
from .countries import _OBJ, _PASS_SUBJ
from .syntax import Arg, _pobj

_FORCE = {"ASSAULT", "COERCE"}
_CONFLICT = _FORCE | {"ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE"}
_MIN_PAIRED = 2  # events with both sides the pair must have

Side = tuple[str | None, str]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(PLOVER type -> "force" | "conflict" | "peace", CAMEO sector -> side) from ``dyad.tsv``."""
    types: dict[str, str] = {}
    sides: dict[str, str] = {}
    for cols in data_rows("dyad.tsv"):
        if cols[0] == "side":
            sides[cols[1]] = cols[2]
        else:
            types[cols[0]] = cols[1]
    return types, sides


def _side(country: str | None, sector: str | None, actor: str | None, state: bool) -> Side | None:
    """The side a party stands on: its country and its sector's side ("state", "armed" ...);
    an international body is its own side; a party with no sector only if it is a state."""
    sides = _table()[1]
    if sector == "IGO":
        return (actor, "igo") if actor else None
    if country is None:
        return None
    if sector is None:
        return (country, "state") if state else None
    side = sides.get(sector)
    return (country, side) if side else None


def _actor_side(a: Actor | None) -> Side | None:
    return None if a is None else _side(a.country, a.sector, a.id, a.kind == "state")


def _pairs(coded: list[CodedEvent], by_id: dict[str, Actor], kind: str) -> Counter:
    """How many events of ``kind`` ("force", "conflict", "peace") each pair of sides has."""
    pairs: Counter[frozenset[Side]] = Counter()
    for c in coded:
        t = c.event.type
        if not (t in _FORCE if kind == "force" else t in _CONFLICT if kind == "conflict" else t not in _CONFLICT):
            continue
        if any(c.extra.get(k) for k in ("source_from_article", "target_from_article")):
            continue  # only what the sentences themselves say
        s, t = _actor_side(by_id.get(c.event.source)), _actor_side(by_id.get(c.event.target))
        if s is not None and t is not None and s != t:
            pairs[frozenset((s, t))] += 1
    return pairs


def _counterparts(pairs: Counter) -> dict[Side, Side]:
    """Each side's counterpart: the side it is paired with in at least ``_MIN_PAIRED`` events
    (either way round), strictly more often than with any other side."""
    out: dict[Side, Side] = {}
    for side in {x for p in pairs for x in p}:
        ranked = sorted(((n, p) for p, n in pairs.items() if side in p), key=lambda x: -x[0])
        if ranked[0][0] >= _MIN_PAIRED and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
            out[side] = next(x for x in ranked[0][1] if x != side)
    return out


def _third_party(doc: Doc, c: CodedEvent, own: Side, other: Side, co_sources: set[str]) -> bool:
    """Does the act's sentence name a party on neither side (a country, a body, a group of
    another country) that is not one of the act's own sources?"""
    sent = doc[c.trigger_i].sent
    lo, hi = sent.start_char, sent.end_char
    for a in ext(doc, "actors") or ():
        if a.id in co_sources or not any(lo <= m.start < hi for m in a.mentions):
            continue
        side = _actor_side(a)
        if side is None:  # an organisation of no side (a watchdog, a company) is a party; a
            # person or group of no side only by another country
            if a.kind in ("organization", "state") or (a.country and a.country not in (own[0], other[0])):
                return True
            continue
        if side not in (own, other):
            return True
    return False


def _counterpart_arg(doc: Doc, coded: list[CodedEvent], by_id: dict[str, Actor], side: Side,
                     at: int) -> Arg | None:
    """The counterpart as an argument: the actor of that side the article's events name most
    often, at its last mention before ``at``; None if the article has not named it before
    (the reader knows the other side only from what was told before)."""
    ids = Counter(i for c in coded for i in (c.event.source, c.event.target)
                  if i and _actor_side(by_id.get(i)) == side)
    for actor, _ in ids.most_common():
        earlier = [m for m in by_id[actor].mentions if m.end <= at]
        if earlier:
            rec, m = by_id[actor], earlier[-1]
            return Arg(m.start, m.end, doc_text(doc)[m.start:m.end], rec.id, rec.country, False, rec.sector)
    return None


def fill_dyads(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act with no target its source's counterpart in the article (see the module
    docstring). Runs on settled actors (every argument the coder read has its actor)."""
    by_id = {a.id: a for a in ext(doc, "actors") or ()}
    tables = {kind: _counterparts(_pairs(coded, by_id, kind)) for kind in ("force", "conflict", "peace")}
    if any(tables.values()):
        _fill_counterparts(doc, coded, by_id, tables)
    _fill_insurgency(doc, coded, by_id, tables["force"])


def _fill_counterparts(doc: Doc, coded: list[CodedEvent], by_id: dict[str, Actor],
                       tables: dict[str, dict[Side, Side]]) -> None:
    """Targets and perpetrators from the counterparts the article's events give."""
    types = _table()[0]
    sources: dict[int, set[str]] = {}
    for c in coded:
        if c.event.source:
            sources.setdefault(c.trigger_i, set()).add(c.event.source)
    for c in coded:
        kind = types.get(c.event.type)
        if kind is None or c.event.target is not None or c.event.source is None:
            continue
        source = by_id.get(c.event.source)
        if (c.event.type == "CONSULT" or "sym" in c.entry.flags) and (
                source is None or source.kind not in ("person", "state")):
            continue  # "the council met", "parliament is to convene": its members meet each other
        own = _actor_side(source)
        other = tables[kind].get(own) if own is not None else None
        if other is None or _third_party(doc, c, own, other, sources[c.trigger_i]):
            continue
        _fill(c, "target", _counterpart_arg(doc, coded, by_id, other, c.event.trigger.start))
    _fill_perpetrators(doc, coded, by_id, tables["force"])


def _fill_perpetrators(doc: Doc, coded: list[CodedEvent], by_id: dict[str, Actor],
                       force: dict[Side, Side]) -> None:
    """Violence on one side of a fight with no perpetrator named ("soldiers were killed",
    "attacks on police") is the act of that side's counterpart in the article's violence,
    under the same conditions; not an act told as a risk, a war of two sides, an allegation
    or an act of an earlier time (:mod:`.article`'s tests)."""
    speech = {c.trigger_i for c in coded if c.event.type in _SPEECH}
    for c in coded:
        if c.event.type not in _FORCE or c.event.source is not None or c.event.target is None:
            continue
        tok = doc[c.trigger_i]
        if c.event.negated or c.event.hypothetical or _generic(tok) or _mutual(tok) or _alleged(tok, speech) \
                or "sym" in c.entry.flags or _older(doc, c.event.date):
            continue
        own = _actor_side(by_id.get(c.event.target))
        other = force.get(own) if own is not None else None
        if other is None or _third_party(doc, c, own, other, set()):
            continue
        _fill(c, "source", _counterpart_arg(doc, coded, by_id, other, c.event.trigger.start))


_ARMED = frozenset({"REB", "INS"})
_PATIENT_PREPS = ("on", "against", "of")


def _no_patient(tok) -> bool:
    """Does an act name nobody it was done to: no object, no passive subject, no "on",
    "against" or "of" phrase ("stepped up attacks", not "attacks on the convoy"), and is no
    participle on the noun it was done to ("the hostages kidnapped")?"""
    if tok.dep_ in ("acl", "relcl"):
        return False
    if any(ch.dep_ in _OBJ or ch.dep_ in _PASS_SUBJ for ch in tok.children):
        return False
    return all(_pobj(tok, p) is None for p in _PATIENT_PREPS)


def _fill_insurgency(doc: Doc, coded: list[CodedEvent], by_id: dict[str, Actor],
                     force: dict[Side, Side]) -> None:
    """An armed group's attack with no one it hit named is aimed at its own country's state
    (module docstring), when the story is set in that country."""
    todo = [c for c in coded if c.event.type == "ASSAULT" and c.event.target is None
            and (a := by_id.get(c.event.source or "")) is not None and a.sector in _ARMED and a.country]
    if not todo:
        return
    weights = story_weights(doc, list(by_id.values()))
    story = story_country(weights) or (weights.most_common(1)[0][0] if weights else None)
    speech = {c.trigger_i for c in coded if c.event.type in _SPEECH}
    for c in todo:
        src = by_id[c.event.source]
        own, state = (src.country, "armed"), (src.country, "state")
        tok = doc[c.trigger_i]
        if src.country != story or own in force or c.event.negated or c.event.hypothetical \
                or _generic(tok) or _mutual(tok) or _alleged(tok, speech) or "sym" in c.entry.flags \
                or _older(doc, c.event.date) or not _no_patient(tok):
            continue
        sources = {o.event.source for o in coded if o.trigger_i == c.trigger_i and o.event.source}
        if _third_party(doc, c, own, state, sources):
            continue
        arg = _counterpart_arg(doc, coded, by_id, state, c.event.trigger.start) \
            or _state_arg(doc, by_id, src.country, c.event.trigger.start)
        _fill(c, "target", arg)


def _state_arg(doc: Doc, by_id: dict[str, Actor], country: str, at: int) -> Arg | None:
    """The state ``country`` itself at its last mention before ``at``, if the article names it."""
    for rec in by_id.values():
        if rec.kind == "state" and rec.country == country:
            earlier = [m for m in rec.mentions if m.end <= at]
            if earlier:
                m = earlier[-1]
                return Arg(m.start, m.end, doc_text(doc)[m.start:m.end], rec.id, rec.country, False, rec.sector)
    return None


def _fill(c: CodedEvent, side: str, arg: Arg | None) -> None:
    """Give the event its ``side`` ("source" or "target") from the counterpart, marked as filled."""
    if arg is not None:
        setattr(c, side, arg)
        setattr(c.event, side, arg.actor)
        c.extra[f"{side}_from_dyad"] = True
