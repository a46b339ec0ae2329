"""One event, several mentions: later mentions of an event already coded in the article (same
source, type and target) are linked to it rather than counted again."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Event, EventMention
from .. import ext, kept_per_doc
from ..tokens import same_sentence
from .article import _mutual, referents
from .background import _words
from .coded import CodedEvent
from .context import _attach_token
from .syntax import Arg

# --------------------------------------------------------------------------- one event, several mentions

_DEFINITE = {"the", "this", "that", "these", "those"}


def _refers_back(tok: Token) -> bool:
    """A nominal mention that points to an act already told: "the raid", "Friday's raid"."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in tok.children)


def _same_event(doc: Doc, first: CodedEvent, later: CodedEvent) -> bool:
    """Does ``later`` report the event ``first`` reports? Same type and flags, and either the
    same source and target (both named, or one when the later mention points back), or a
    definite noun naming no other party ("the war" only for a war). Two verbs are two acts
    unless one word is retold in another sentence, the first is the headline's, or they are in
    one sentence between the same two parties."""
    a, b = first.event, later.event
    if (a.type, a.negated, a.hypothetical) != (b.type, b.negated, b.hypothetical) \
            or first.trigger_i == later.trigger_i or (a.date and b.date and a.date != b.date):
        return False
    if _elsewhere(doc, a, b):  # "the war in Ruritania" is not the raid told earlier in Freedonia
        return False
    tf, tl = doc[first.trigger_i], doc[later.trigger_i]
    retold = tl.lemma_ == tf.lemma_ and not same_sentence(doc, tl.i, tf.i) or _in_headline(tf)
    both = bool(a.source and a.target) and (a.source, a.target) == (b.source, b.target)
    if not (first.nominal or later.nominal or retold or (both and same_sentence(doc, tl.i, tf.i))):
        return False  # two verbs in other sentences and words tell two acts; in one sentence
        # between the same two parties, one ("shot and killed")
    if (a.source, a.target) == (b.source, b.target) and (a.source or a.target):
        # both parties named, or a mention that points back: "the offensive", "its threat"
        return bool(a.source and a.target) or (later.nominal and _refers_back(tl) and _names_act(tl, tf, a.type))
    if (_mutual(tl) or _mutual(tf)) and tl.lemma_ != tf.lemma_:
        return False  # "the war" is not one of its attacks
    if b.source is None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tl.children):
        return False  # "their attacks" with "their" unread: whose, is not known
    specific = a.source or (a.target and not first.extra.get("target_from_place")) or not first.nominal
    # not "attacks have become common", nor "they protest in Ruritania" (a place is no party)
    return bool(specific) and later.nominal and _refers_back(tl) and _names_act(tl, tf, a.type) and \
        _within(doc, first.source, later.source) and _within(doc, first.target, later.target)


def _names_act(noun: Token, first: Token, type_: str) -> bool:
    """Can a noun name the act ``first`` told: the same word ("arrested" ... "the arrests"), or
    a noun for acts of that type ("killed" ... "the attack", "imposed" ... "the sanctions";
    ``newsgraph/data/referents.tsv``)? Not "the occupation" for an arrest."""
    types = referents().get(noun.lemma_.lower())
    return noun.lemma_.lower() == first.lemma_.lower() or bool(types and type_ in types)


_BREAK: tuple[object, int, int | None] = (None, 0, None)
kept_per_doc(__name__, "_BREAK", lambda: (None, 0, None))


def _in_headline(tok: Token) -> bool:
    """Is the token in the headline (the text before the first blank line)? The blank line
    is looked for once per doc (this is asked for pairs of events)."""
    brk = _headline_break(tok.doc)
    return brk is not None and tok.i <= brk


def _headline_break(doc: Doc) -> int | None:
    """The token holding the first blank line, or None (kept for the last doc)."""
    global _BREAK
    if _BREAK[0] is not doc or _BREAK[1] != len(doc):
        _BREAK = (doc, len(doc), next((t.i for t in doc if "\n\n" in t.text_with_ws), None))
    return _BREAK[2]


def _a_time(doc: Doc, arg: Arg) -> bool:
    """Is an argument a time expression ("Friday's raid": the day is no party)?"""
    return arg.actor is None and any(t.start <= arg.start and arg.end <= t.end for t in ext(doc, "times") or ())


def _within(doc: Doc, first: Arg | None, later: Arg | None) -> bool:
    """Does a later mention's argument name no other party than the first's? ("the sanctions
    on Freedonian ministers" after "sanctions on Freedonia"; but "its backing for the
    Freedonian opposition" is not the backing of Freedonia's government)"""
    if later is None or first is None and later.actor is None and not later.country or _a_time(doc, later):
        return True
    if first is None:
        return False
    if later.actor == first.actor:
        return True
    sector = _sector(doc, later)
    return bool(later.country and later.country == first.country) and sector in (None, _sector(doc, first))


def _sector(doc: Doc, arg: Arg) -> str | None:
    """The sector of the actor an argument names (its own, else its actor record's)."""
    if arg.sector or arg.actor is None:
        return arg.sector
    return next((a.sector for a in ext(doc, "actors") or () if a.id == arg.actor), None)


def _elsewhere(doc: Doc, a: Event, b: Event) -> bool:
    """Are two mentions placed in different countries?"""
    if a.place is None or b.place is None:  # (before reading the places: most events have none)
        return False
    places = ext(doc, "places") or []
    if max(a.place, b.place) >= len(places):
        return False
    first, later = places[a.place].country, places[b.place].country
    return bool(first and later and first != later)


def corefer(doc: Doc, coded: list[CodedEvent]) -> list[CodedEvent]:
    """One event per real-world act: the headline and the lead, "imposed sanctions on X" and
    "the sanctions", are linked (same article, source, type and target) and reported once,
    by the mention that names most parties, then read with most confidence, then the first
    outside the headline, with the others as ``Event.mentions``. ``coded`` is in text order; so is the result."""
    groups: list[list[CodedEvent]] = []
    for c in coded:
        home = next((g for g in reversed(groups) if _same_event(doc, g[0], c)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    out = []
    headline = -1
    if any(len(g) > 1 for g in groups):  # of equal mentions the lead's is reported, not the headline's
        headline = doc[brk].idx if (brk := _headline_break(doc)) is not None else -1
    for g in groups:
        best = max(g, key=lambda c: (bool(c.event.source) + bool(c.event.target), c.event.confidence,
                                     c.event.trigger.start > headline, -c.event.trigger.start))
        others = [c for c in g if c is not best]
        if others:
            best.event.mentions = [EventMention(trigger=c.event.trigger, sentence=c.event.sentence)
                                   for c in others]
            best.extra["mention_tokens"] = [c.trigger_i for c in others]
        out.append(best)
    out.sort(key=lambda c: c.event.trigger.start)
    return out


def relink(doc: Doc, coded: list[CodedEvent]) -> list[CodedEvent]:
    """Link again, once every party is filled (the article's, a pronoun's, the dyad's): a later
    definite or possessive noun that now has the parties of an event told before ("the ambush"
    once its attackers are filled in) is that event's mention, not a new event. Filled parties
    are weak evidence, so a bare noun ("came under attack", "recent attacks") stays an event,
    and so does a standing conflict or settlement ("X's long civil war" after a war elsewhere
    that a fill gave X's name). Uses :func:`_same_event`
    with the same choice of the reported mention as :func:`corefer`, and keeps the others'
    mentions. ``coded`` is in text order; so is the result."""
    out: list[CodedEvent] = []
    for c in coded:
        tok = doc[c.trigger_i]  # "the raid", "Friday's raid"; not "came under attack", nor "the war" (a setting)
        back = c.nominal and _refers_back(tok) and tok.lemma_.lower() not in _words("standing")
        home = next((g for g in reversed(out) if back and _same_event(doc, g, c)), None)
        if home is None:
            out.append(c)
            continue
        best, other = (home, c) if _rank(home) >= _rank(c) else (c, home)
        best.event.mentions = sorted(
            [*(best.event.mentions or ()), EventMention(trigger=other.event.trigger, sentence=other.event.sentence),
             *(other.event.mentions or ())], key=lambda m: m.trigger.start)
        best.extra["mention_tokens"] = [*best.extra.get("mention_tokens", ()), other.trigger_i,
                                        *other.extra.get("mention_tokens", ())]
        out[out.index(home)] = best
    return out


def _rank(c: CodedEvent) -> tuple:
    """Which of two mentions reports the event (:func:`corefer`'s order, without the headline)."""
    return (bool(c.event.source) + bool(c.event.target), c.event.confidence, -c.event.trigger.start)


def _link_quantities(doc: Doc, coded: list[CodedEvent]) -> None:
    """Set ``Quantity.event`` to the event whose trigger governs the quantity."""
    if not ext(doc, "quantities") or not coded:
        return
    by_tok: dict[int, str] = {}
    for c in coded:
        by_tok.setdefault(c.trigger_i, c.event.id)
        for i in c.extra.get("mention_tokens", ()):
            by_tok.setdefault(i, c.event.id)
    for q in ext(doc, "quantities"):
        h = _attach_token(doc, q.start, q.end)
        if h is None:
            continue
        for a in (h, *h.ancestors):
            if a.i in by_tok:
                q.event = by_tok[a.i]
                break
            if a.dep_ in ("ccomp", "relcl", "advcl"):
                break
