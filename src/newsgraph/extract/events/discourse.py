"""Readings across clauses: a state saying another party attacked is an accusation, acts in
subordinate clauses are background, relative clauses and pronouns inherit their antecedent's
parties."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Event, TextSpan
from .. import data_rows, doc_text, ext
from ..tokens import sentence_bounds, token_view
from .background import (
    alleged_act,
    appealed_act,
    averted_act,
    conditional_act,
    document_release,
    threat_as_danger,
    topic_talk,
    travel_at_home,
    forecast_of_others,
    habitual_act,
    meeting_as_venue,
    popular_support,
    question_asked,
    refused_permission,
    standing_mention,
    unheld_possibility,
    unrealised_act,
    war_as_setting,
)
from .coded import CodedEvent, _confidence, _plover_table
from .lexicon import LexEntry, plover_for
from .mentions import relink
from .modality import _REPORT, possibility
from .resolve import _resolve, actor_for_span
from .remembered import remembered_act
from .gerunds import doerless_gerund
from .rules import rule_content
from .doers import shown_not_protested, thing_doer
from .senses import campaign_fight, contest_win, retype_senses
from .syntax import Arg, _clause_subject, _pobj

_ACCUSING = {"say", "claim", "allege", "charge", "insist"}


def _pronoun(doc: Doc, arg: Arg) -> bool:
    """Is the side a pronoun ("they"), or a noun a possessive pronoun owns ("its troops", "our
    fighters")? Either way, after a verb of saying, most often the speaker's own side."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children)


@lru_cache(maxsize=1)
def _accuse_entry() -> LexEntry:
    from .lexicon import Plover
    p = plover_for("112", _plover_table()) or Plover("ACCUSE", None, None)
    return LexEntry("verb", "say", frozenset(), "<X said Y attacked>", "112", p)


def _accusation(doc: Doc, c: CodedEvent, places: list) -> CodedEvent | None:
    """"Chile said a rocket had hit its border post", "Peru claimed that the guerrillas had raided
    Iraq": a state or body saying another party attacked is an accusation (CAMEO 112), which
    is what the sentence reports as done; the attack itself is only reported, so it becomes
    background. Not for media or unnamed sources (no country), an actor telling of its own
    act, or a stated intention."""
    ev = c.event
    if ev.type != "ASSAULT" or ev.hypothetical or ev.negated or c.extra.get("background"):
        return None
    anchor = doc[c.anchor]
    verb = anchor.head
    if anchor.dep_ != "ccomp" or verb.lemma_.lower() not in _ACCUSING or verb.i > anchor.i:
        return None
    subj, passive = _clause_subject(verb)
    rep = _resolve(doc, subj, places) if subj is not None and not passive else None
    if rep is None or not (rep.country or rep.sector == "IGO"):
        return None
    src = c.source
    if src is not None and (_pronoun(doc, src) or (rep.actor and src.actor == rep.actor)
                            or (rep.country and src.country == rep.country)):
        return None  # "they had attacked": most often the speaker's own side
    ev.attributed_to = rep.actor or ev.attributed_to  # the attack is reported by X
    if src is None:
        src = _origin(doc, anchor, places)  # "a rocket had hit it, launched from across the river"
    if src is None or not (src.country or src.sector == "IGO"):
        return None  # no state or body is accused: the attack, as X reports it, is the event
    entry = _accuse_entry()
    acc = Event(
        id="", type=entry.plover.type, mode=entry.plover.mode, cameo=entry.cameo,
        source=rep.actor, target=src.actor if src else None, negated=False, hypothetical=False,
        trigger=TextSpan(start=verb.idx, end=verb.idx + len(verb.text), text=verb.text),
        sentence=ev.sentence, confidence=_confidence(False, rep, src), date=ev.date)
    c.extra["background"] = True
    ev.confidence = min(ev.confidence, BACKGROUND_CONFIDENCE)
    return CodedEvent(acc, rep, src, False, entry, verb.i, verb.i, {"accuses": c.trigger_i})


def _origin(doc: Doc, verb: Token, places: list) -> Arg | None:
    """The place an attack with no named attacker came from, as the party accused of it."""
    p = _pobj(verb, "from")
    place = next((pl for pl in places if p is not None and pl.start <= p.idx < pl.end
                  and getattr(pl, "country", None)), None)
    if place is None:
        return None
    return Arg(place.start, place.end, place.text, actor_for_span(doc, place.start, place.end), place.country, True)


def _venue(place_at: list[tuple[Token, Token, int]], where: int) -> bool:
    """Is the place where parties meet or agree ("met in Cairo", "talks at the UN in Geneva")?
    A venue is no party; a place visited ("a visit to Cairo") is its host."""
    return any(i == where and r.head.lower_ in ("in", "at", "inside", "near", "outside")
               for r, _, i in place_at)


_CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _target_from_place(doc: Doc, c: CodedEvent, place) -> None:
    """CAMEO coders take the country where an untargeted act happens as its target ("lifted a
    curfew in Montenegro", "protested in Beijing"); the event keeps a lower confidence."""
    actor = actor_for_span(doc, place.start, place.end)
    c.target = Arg(place.start, place.end, place.text, actor, place.country, True)
    c.event.target = actor
    c.extra["target_from_place"] = True
    c.event.confidence = round(max(0.05, _confidence(c.nominal, c.source, None) - 0.05), 2)


_REL_PREPS = {"in", "during", "at", "after"}


def _relative_antecedent(rel: Token, coded: list[CodedEvent]) -> CodedEvent | None:
    """The event a relative clause is about: its head, or, for "in which"/"during which"
    (the parser often hangs those on the wrong noun), the nearest nominal event before it."""
    by_tok = {c.trigger_i: c for c in coded}
    if rel.head.i in by_tok:
        return by_tok[rel.head.i]
    prep = next((c for c in rel.children if c.dep_ == "prep" and c.lower_ in _REL_PREPS
                 and any(p.lower_ == "which" for p in c.children)), None)
    if prep is None:
        return None
    first = sentence_bounds(rel.doc, rel.i)[0]
    before = [c for c in coded if c.nominal and first <= c.trigger_i < prep.i]
    return max(before, key=lambda c: c.trigger_i) if before else None


def _inherit(doc: Doc, coded: list[CodedEvent]) -> None:
    """Conjoined verbs share date, place and attribution ("On Sunday, police cracked down
    ... and arrested ..."). A nominal conflict event with a target but no source, opening the
    sentence right after a conflict event with its own source, takes that source ("The EU
    has been stepping up pressure ... a new round of sanctions targeting officials")."""
    by_tok = {c.trigger_i: c for c in coded}
    for c in coded:
        tok = doc[c.trigger_i]
        if tok.dep_ == "conj" and tok.head.i in by_tok:
            h = by_tok[tok.head.i]
            c.event.date = c.event.date or h.event.date
            if c.event.place is None:
                c.event.place = h.event.place
            if c.event.attributed_to is None:
                c.event.attributed_to = h.event.attributed_to
        h = _relative_antecedent(tok, coded) if tok.dep_ == "relcl" else None
        if h is not None:  # "a visit ... in which he stressed"
            c.event.date = c.event.date or h.event.date
            if c.event.place is None:
                c.event.place = h.event.place
    ordered = sorted(coded, key=lambda c: c.trigger_i)
    prev: CodedEvent | None = None
    for c in ordered:
        if (c.source is None and c.nominal and c.target is not None and prev is not None
                and prev.source is not None and not prev.extra.get("inherited")
                and prev.event.type in _CONFLICT and c.event.type in _CONFLICT
                and sentence_bounds(doc, prev.trigger_i)[1] == sentence_bounds(doc, c.trigger_i)[0]):
            c.source = prev.source
            c.event.source = prev.source.actor
            c.extra["inherited"] = True
            c.event.confidence = round(max(0.05, _confidence(True, c.source, c.target) - 0.15), 2)
        prev = c


_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "amod"}
BACKGROUND_CONFIDENCE = 0.45


def _embedding(tok: Token, triggers: set[int], control: set[int], segment: tuple[int, int]) -> int:
    """How many clauses (or prepositional phrases, for a noun) deep a trigger sits below its
    sentence's root; the complement of a plain reporting verb ("X said Y attacked Z") or of
    a control verb that yields to it ("refused to lift") is the sentence's own content and
    does not count."""
    np = tok
    while np.dep_ in ("compound", "amod") and np.head.i != np.i and np.head.pos_ in ("NOUN", "PROPN"):
        np = np.head  # "after the bombing casualties": the phrase's place decides
    depth = 1 if np.dep_ == "pobj" else 0
    lo, hi = segment
    for a in (tok, *tok.ancestors):
        if not lo <= a.i < hi:
            break  # a parse that runs on across a paragraph break (headline into lead)
        if a.dep_ in ("xcomp", "ccomp") and a.head.i in control:
            continue
        if a.dep_ in _CLAUSE_DEPS and not (
                a.dep_ == "ccomp" and a.head.lemma_.lower() in _REPORT and a.head.i not in triggers):
            depth += 1
    return depth


def _segment(tok: Token) -> tuple[int, int]:
    """Token range of the stretch of the sentence a token is in, split at line breaks: a
    headline the sentencizer ran into the lead is a sentence of its own."""
    doc = tok.doc
    i = j = tok.i
    while i > 0 and not doc[i].is_sent_start and "\n" not in doc[i - 1].text:
        i -= 1
    while j < len(doc) - 1 and not doc[j + 1].is_sent_start and "\n" not in doc[j].text:
        j += 1
    return i, j + 1


_NEWLINE = re.compile("\n")


def _segment_starts(doc: Doc) -> list[int]:
    """The first token of every stretch :func:`_segment` returns, for the whole doc at once
    (walking each event's sentence token by token cost more than the rest of ``_background``)."""
    if not len(doc):
        return []
    view = token_view(doc)
    starts, n = view.chars[0], view.n
    cut = set(view.sent_starts)  # the first token and each one spaCy starts a sentence with
    for m in _NEWLINE.finditer(doc_text(doc)):  # the token after the one holding a line break
        at = bisect_right(starts, m.start()) - 1
        if 0 <= at < n - 1:
            cut.add(at + 1)
    return sorted(cut)


def _segment_of(starts: list[int], length: int, i: int) -> tuple[int, int]:
    """:func:`_segment` of token ``i`` from :func:`_segment_starts`."""
    k = bisect_right(starts, i)
    return starts[k - 1], starts[k] if k < len(starts) else length


def _background(doc: Doc, coded: list[CodedEvent], triggers: set[int], control: set[int] = frozenset()) -> None:
    """A sentence reports one main event; acts named in its subordinate clauses and
    adjuncts ("jailed a student for helping militants", "sought in the slaying of") are
    background, read with a raw score of at most ``BACKGROUND_CONFIDENCE``, as CAMEO coders
    code the main event only. Only an event read with more confidence than that can be
    the main one ("Israeli-occupied" or a bare noun does not push a clause down)."""
    starts = _segment_starts(doc) if coded else []
    seg = {c.trigger_i: _segment_of(starts, len(doc), c.trigger_i) for c in coded}
    depth = {i: _embedding(doc[i], triggers, control, seg[i]) for i in seg}
    top: dict[int, int] = {}
    for c in coded:
        if c.event.confidence <= BACKGROUND_CONFIDENCE:
            continue
        s = seg[c.trigger_i][0]
        top[s] = min(top.get(s, 99), depth[c.trigger_i])
    for c in coded:
        if depth[c.trigger_i] > top.get(seg[c.trigger_i][0], 99):
            c.extra["background"] = True
            c.event.confidence = min(c.event.confidence, BACKGROUND_CONFIDENCE)


# --------------------------------------------------------------------------- events that are no events

# types a deal, an offer or a match is read as; violence, coercion, protest and mobilisation stay
# events whoever their parties are ("gunmen robbed three shoppers"), and so do accusations (a
# charge against an executive is most often a prosecutor's or a regulator's)
_TRADE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "AID", "COOPERATE",
                "CONCEDE", "RETREAT"}


@lru_cache(maxsize=1)
def _trade_nouns() -> frozenset[str]:
    """Nouns for firms, their owners and trade, and sporting sides (``data/events_commerce.tsv``)."""
    return frozenset(r[1] for r in data_rows("events_commerce.tsv") if len(r) > 1)


def _trading(arg: Arg | None, sectors: dict[str, str | None]) -> bool:
    """Is a party a firm, its trade or a sporting side: a phrase whose last word is one of
    :func:`_trade_nouns` ("the two carmakers", "Kenyan insurers": the phrase says more than the
    country its actor may have been given), not a central bank (a government body in CAMEO),
    or else an actor of sector BUS?"""
    if arg is None:
        return False
    words = re.findall(r"[a-z]+", arg.text.lower())
    last = words[-1] if words else ""
    if (last in _trade_nouns() or (last.endswith("s") and last[:-1] in _trade_nouns())) and "central" not in words:
        return True
    return (sectors.get(arg.actor) if arg.actor else arg.sector) == "BUS"


def _trade(c: CodedEvent, sectors: dict[str, str | None]) -> bool:
    """A deal, an offer or a match done by a firm or a side, with a firm, a side or nobody named
    as its other party. An act with no source may be a regulator's or a court's ("executives
    were asked to ..."): it stays."""
    return c.event.type in _TRADE_TYPES and _trading(c.source, sectors) and (
        c.target is None or _trading(c.target, sectors))


def _not_done_or_no_act(doc: Doc, c: CodedEvent) -> bool:
    """An act only asked for, averted or not allowed, a habit, a document released, popularity
    named "support" (:mod:`.background`), an act in general named by a gerund (:mod:`.gerunds`)."""
    return (appealed_act(doc, c) or averted_act(doc, c) or refused_permission(doc, c) or habitual_act(doc, c)
            or document_release(doc, c) or popular_support(doc, c) or doerless_gerund(doc, c))


def _kept(doc: Doc, c: CodedEvent, sectors: dict) -> bool:
    """Is ``c`` an event between political actors (:func:`drop_non_events`)?"""
    return (not possibility(c) and not _trade(c, sectors)
            and not standing_mention(doc, c) and not alleged_act(doc, c) and not conditional_act(doc, c)
            and not unheld_possibility(doc, c) and not forecast_of_others(doc, c) and not question_asked(doc, c)
            and not war_as_setting(doc, c) and not meeting_as_venue(doc, c) and not unrealised_act(doc, c)
            and not travel_at_home(doc, c)
            and not _not_done_or_no_act(doc, c) and not topic_talk(doc, c)
            and not contest_win(doc, c) and not campaign_fight(doc, c) and not threat_as_danger(doc, c)
            and not remembered_act(doc, c)
            and not rule_content(doc, c) and not thing_doer(doc, c)
            and not shown_not_protested(doc, c))


def _kept_without_people(doc: Doc, c: CodedEvent, sectors: dict) -> bool:
    """A side that only a word for people gives (:mod:`.people`: "crowds flocked", "families will
    welcome it") does not save an act the filters drop without it: such words are often in
    personal or generic talk, where a party-less act is no event."""
    roles = [r for r in ("source", "target") if (arg := getattr(c, r)) is not None and arg.people]
    if not roles:
        return True
    saved = {r: (getattr(c, r), getattr(c.event, r)) for r in roles}
    for r in roles:
        setattr(c, r, None)
        setattr(c.event, r, None)
    try:
        return _kept(doc, c, sectors)
    finally:
        for r, (arg, actor) in saved.items():
            setattr(c, r, arg)
            setattr(c.event, r, actor)


def drop_non_events(doc: Doc, coded: list[CodedEvent]) -> list[CodedEvent]:
    """Drop what is no event between political actors, once every party is filled (the
    article's, a pronoun's, the police's): a possibility nobody holds
    (:func:`.modality.possibility`), a deal, an offer or a match of a firm or a sporting side
    with no political party (:func:`_trade`), a standing conflict or settlement named in passing,
    an act told only as what someone is accused of, one in an "if" or "unless" clause, one only
    possible with nobody doing it, one hoped or feared of others, a question asked, a war named as
    a setting, a meeting named as a venue, an act a right or a possibility is for and a party
    talking about a topic with nobody, a threat that is a danger (:mod:`.background`), an act remembered
    or mourned (:func:`.remembered.remembered_act`), what a law states (:func:`.rules.rule_content`)
    and a contest won told with
    "beat" or a campaign told with "fight" (:func:`.senses.contest_win`, :func:`.senses.campaign_fight`). The remaining
    events are numbered again, e1, e2 ... in order."""
    sectors = {a.id: a.sector for a in ext(doc, "actors") or ()}
    retype_senses(doc, coded)  # a military "strike", a text's "attack" (.senses)
    told = len(coded)
    coded = relink(doc, coded)  # later mentions that now have an earlier event's parties (.mentions)
    kept = [c for c in coded if _kept(doc, c, sectors) and _kept_without_people(doc, c, sectors)]
    if len(kept) < told:
        for n, c in enumerate(kept, 1):
            c.event.id = f"e{n}"
    return kept
