"""A quoted speaker's "we" is the body the speaker's own phrase ties them to.

:func:`.resolve._speaker_of` reads a "we"/"us" inside a quotation as its speaker. When the
speaker is a person, that is the person, but a person who says "we" speaks for a body: "'We
will appeal,' said Ana Ruiz, a lawyer with the Tenant Law Centre" — the centre appeals, not
Ruiz alone; "the agency's director Tom Reyes said 'we have no plans to ...'" — the agency.
This pass gives such a side the organisation the person's phrase names (measured in
docs/history/evaluation-log.md, branch h-quotewe): a possessor ("the institute's X"), a premodifier ("Union leader
X"), an apposition's body ("X, the agency's spokeswoman", "X, director of the centre"), an
employer after the name ("X of the firm", "X, from the centre"), or the title the name is in
apposition to ("The ministry's spokesman, X,"). A state counts as the body only for a person
in a government office of that state (a minister's "we" is the government); a person in a
national office (``data/national_offices.tsv``) whose phrase names no body speaks for the
article's one state actor of their country. A person whose
phrase names no body keeps their own "we": a private person's "we" is their family or town;
so does a person with a country whose body has none (the side would lose its place). The pass
runs after the non-event filters: it swaps a side, it adds or drops no event.

The side is marked ``CodedEvent.extra["source_speaker"]`` (``"target_speaker"``) with the
person's id: the calibration scores the side as the person was placed, so the swap never
raises the event's confidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import actor_for_span, data_rows, ext
from ..actors import load_knowledge
from .coded import CodedEvent
from .syntax import Arg

_WE = frozenset({"we", "us"})
_TIES = frozenset({"of", "from", "at", "with", "for"})  # "X of the firm", "director at the agency"
_AROUND = frozenset({"poss", "compound", "nmod", "amod", "appos"})


def fill_speaker_bodies(doc: Doc, coded: list[CodedEvent]) -> None:
    """Swap a person read for a quoted "we"/"us" for the body their phrase names."""
    actors = {a.id: a for a in ext(doc, "actors") or ()}
    quotes = [(q.start, q.end) for q in ext(doc, "quotes") or () if q.kind != "indirect"]
    cache: dict[str, Actor | None] = {}
    for c in coded:
        for side in ("source", "target"):
            arg: Arg | None = getattr(c, side)
            person = actors.get(getattr(c.event, side) or "")
            if arg is None or person is None or person.kind != "person" or not _we_side(doc, c, side, quotes):
                continue
            if person.id not in cache:
                cache[person.id] = _body_of(doc, person, actors)
            body = cache[person.id]
            if body is None or (person.country and not body.country and body.sector != "IGO"):
                continue  # never a side less placed than the speaker was
            setattr(c, side, Arg(arg.start, arg.end, arg.text, body.id, body.country, False, body.sector))
            setattr(c.event, side, body.id)
            c.extra[f"{side}_speaker"] = person.id


def _we_side(doc: Doc, c: CodedEvent, side: str, quotes: list[tuple[int, int]]) -> bool:
    """Was the side read from a "we" ("us") in a quotation? The coder writes the speaker's
    name for it, so ask the trigger's clause: its subject is "we" (source), its object or a
    preposition's object "us", or "we" as a passive subject (target), inside a direct or mixed
    quotation."""
    i = c.anchor if c.anchor >= 0 else c.trigger_i
    if i < 0:
        return False
    verb = doc[i]
    if not any(s <= verb.idx < e for s, e in quotes):
        return False
    deps = _SUBJECTS if side == "source" else _OBJECTS
    words = [t for t in verb.children if t.dep_ in deps]
    words += [g for t in verb.children if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"] \
        if side == "target" else []
    return any(t.lower_ in _WE and t.pos_ == "PRON" for t in words)


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "nsubjpass"})


def _body_of(doc: Doc, person: Actor, actors: dict[str, Actor]) -> Actor | None:
    """The body the first of the person's named mentions that ties them to one names, else the
    state of a person in a national office (:func:`_government`)."""
    return _named_body(doc, person, actors) or _government(person, actors)


def _government(person: Actor, actors: dict[str, Actor]) -> Actor | None:
    """A minister's or president's "we" is their state: the article's one state actor of their
    country, when the person is GOV and a word of the title is a national office
    (``data/national_offices.tsv``) and no word says it is past ("former president")."""
    words = set(re.split(r"[\s-]+", (person.title or "").lower()))
    past = load_knowledge().descriptors.get("past_words", frozenset())
    if person.sector != "GOV" or not person.country or not words & _offices() or words & past:
        return None  # "former president": no longer speaks for the state
    states = [a for a in actors.values() if a.kind == "state" and a.country == person.country]
    return states[0] if len(states) == 1 else None


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows("national_offices.tsv"))


def _named_body(doc: Doc, person: Actor, actors: dict[str, Actor]) -> Actor | None:
    """The organisation (or own state) that a named mention of the person is tied to, from the
    first mention that has one."""
    for m in sorted(person.mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or (len(span) == 1 and span[0].pos_ == "PRON"):
            continue
        for tok in _tied_tokens(span):
            body = actors.get(actor_for_span(doc, tok.idx, tok.idx + len(tok.text)) or "")
            if body is not None and body.id != person.id and _speaks_for(person, body):
                return body
    return None


def _speaks_for(person: Actor, body: Actor) -> bool:
    """An organisation; a state only for a person in its government ("Ruritania's minister")."""
    if body.kind == "organization":
        return True
    return body.kind == "state" and person.sector == "GOV" and body.country == person.country


def _tied_tokens(span) -> list[Token]:
    """Words outside the name that the parse ties to it: its premodifiers and possessor, its
    appositions and what they hang on, an employer after "of"/"from"/"at"/"with"/"for"."""
    root, inside = span.root, range(span.start, span.end)
    heads = [c for c in root.children if c.i not in inside and (c.dep_ in _AROUND or _employer(c))]
    if root.dep_ == "appos" and root.head.i not in inside:
        heads.append(root.head)  # "The ministry's spokesman, X,"
    return [t for h in heads for t in h.subtree if t.i not in inside and not _clause(t, h)]


def _employer(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in _TIES


def _clause(tok: Token, top: Token) -> bool:
    """Is the word inside a clause under ``top`` ("X, who ran the firm", "the man who said")?"""
    for a in tok.ancestors:
        if a.i == top.i:
            return False
        if a.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
    return False
