"""An act whose doer is a description ("the group", "the rebels", "the organisation") of a
named organisation the article introduced before.

"The Velan Front said it planted the mine. The group also rejects any talks." — news names an
organisation once and then calls it by what it is. The coder reads no party in "the group" (or
reads a party without a country: "the rebels"), so the act loses its source. This pass, on
settled actors and before :mod:`.pronouns` (so that a "they" after the description follows it),
gives the act the named organisation the description stands for, when

* the act's doer is the subject of its clause (or of the clause it is coordinated with or
  controlled by: "The group met ... and rejected"; "The group vowed to fight"), or, for an act
  noun, its possessor ("the group's attack");
* that doer is a definite description: "the", at most plain adjectives ("the separatist
  group"; no country or proper name, which the actor layer reads itself), and a head noun of
  ``newsgraph/data/descriptions.tsv``, with no "of" phrase ("the group of farmers" is farmers);
* it stands outside any direct quotation, and has no named actor already;
* the organisation given is the most recent one named before the description that fits its
  noun — a body the actor layer calls an organisation, or a group whose mention holds a
  proper name ("Velan Front fighters"), whose sector is one the table lists for the noun
  ("the militants": INS, REB or MIL), or, for a noun marked ``name`` (none at present: the
  actor layer links those itself), whose own name holds the noun; it is at most
  :data:`_REACH` sentences back, and no organisation the actor layer left out is named
  between the two ("a spokesman for the Audit Office said the organisation ...").

A filled source is marked ``CodedEvent.extra["source_from_description"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from ...records import Actor
from .coded import CodedEvent
from .countries import _SUBJ
from .pronouns import _actor_at
from .syntax import Arg, _child

_REACH = 6  # sentences: further back, "the group" may be another one the article told of
_NAMED_KINDS = frozenset({"organization", "group"})
_PLACE_NAMES = frozenset({"GPE", "NORP", "LOC"})  # a country's forces are no named organisation


@lru_cache(maxsize=1)
def descriptions() -> dict[str, tuple[frozenset[str], bool]]:
    """Noun lemma -> (the sectors it can stand for, whether the body's name must hold it)."""
    out: dict[str, tuple[frozenset[str], bool]] = {}
    text = resources.files("newsgraph.data").joinpath("descriptions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        noun, fits = line.split("\t")
        parts = {p.strip() for p in fits.split(",")}
        out[noun.strip()] = (frozenset(parts - {"name"}), "name" in parts)
    return out


def fill_described_sources(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act done by "the group"/"the rebels"/"the organisation" the named organisation
    the description stands for (see the module docstring). Runs on settled actors."""
    actors = list(doc._.actors or ())
    quotes = [(q.start, q.end) for q in doc._.quotes or () if q.kind != "indirect"]
    for c in coded:
        doer = _doer(doc[c.trigger_i])
        if doer is None or any(s <= doer.idx < e for s, e in quotes) or not _fits_source(c, doer):
            continue
        if (own := _actor_at(doer.idx, actors)) is not None and _named(doc, own):
            continue
        actor = _antecedent(doc, doer, actors, coded)
        if actor is None:
            continue
        phrase = doc[min(t.i for t in doer.subtree):doer.i + 1]
        c.source = Arg(phrase.start_char, phrase.end_char, phrase.text, actor.id, actor.country, False, actor.sector)
        c.event.source = actor.id
        c.extra["source_from_description"] = True


def _doer(tok: Token) -> Token | None:
    """The description that does the act: its clause's subject, or an act noun's possessor."""
    if tok.pos_ in ("NOUN", "PROPN"):
        doer = _child(tok, {"poss"})
    else:
        doer = _subject(tok)
    return doer if doer is not None and _description(doer) else None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("met ... and rejected")
    or controlled by with no object between ("vowed to fight", not "urged X to fight")."""
    for _ in range(4):
        subj = _child(verb, _SUBJ)
        if subj is not None:
            return subj
        if verb.dep_ == "conj" or (verb.dep_ == "xcomp" and _child(verb.head, {"dobj", "dative"}) is None):
            verb = verb.head
            continue
        return None
    return None


def _description(tok: Token) -> bool:
    """"the group", "the separatist rebels": "the", plain adjectives, a noun of the table."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in descriptions():
        return False
    if tok.ent_type_:
        return False  # "the Popular Front": a name, read by the actor layer
    det = [ch for ch in tok.children if ch.dep_ == "det"]
    if len(det) != 1 or det[0].lower_ != "the":
        return False
    for ch in tok.children:
        if ch.dep_ in ("det", "punct"):
            continue
        if ch.dep_ != "amod" or ch.ent_type_ or ch.pos_ != "ADJ" or any(True for _ in ch.children):
            return False  # a country, a name, a count, an "of" phrase or a relative clause
    return True


def _fits_source(c: CodedEvent, doer: Token) -> bool:
    """Is the doer the act's source slot: empty, or the description itself?"""
    if c.source is None:
        return c.event.source is None
    return c.source.start <= doer.idx < c.source.end


def _named(doc: Doc, actor: Actor) -> bool:
    """An actor the text names ("the Velan Front"), not one read from a common noun."""
    if actor.kind in ("state", "person", "organization"):
        return True
    return any(t.pos_ == "PROPN" and t.ent_type_ not in _PLACE_NAMES  # "BLA fighters", not "U.S. forces"
               for m in actor.mentions for t in _tokens(doc, m.start, m.end))


def _tokens(doc: Doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else ()


def _antecedent(doc: Doc, doer: Token, actors: list[Actor], coded: list[CodedEvent]) -> Actor | None:
    """The most recent named organisation before the description, if it fits the noun. A
    phrase the coder read as an event's party counts as a mention of that party ("the
    separatist group" read as the front named before it)."""
    sectors, by_name = descriptions()[doer.lemma_.lower()]
    by_id = {a.id: a for a in actors}
    spans = [(m.start, m.end, a) for a in actors for m in a.mentions]
    spans += [(arg.start, arg.end, by_id[arg.actor]) for c in coded for arg in (c.source, c.target)
              if arg is not None and arg.actor in by_id]
    noun = doer.lemma_.lower()
    before = [(s, a) for s, e, a in spans if e <= doer.idx and a.kind in _NAMED_KINDS
              and _fits(a, noun, sectors, by_name) and _named(doc, a)]
    if not before:
        return None
    start, actor = max(before, key=lambda x: x[0])
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or _sentences_between(doc, first[0], doer) > _REACH:
        return None
    if any(start < e.start_char and e.end_char <= doer.idx and e.label_ == "ORG"
           and _actor_at(e.start_char, actors) is None for e in doc.ents):
        return None  # a body named since that the actor layer left out may be the one meant
    return actor


def _fits(actor: Actor, noun: str, sectors: frozenset[str], by_name: bool) -> bool:
    """Can the description's noun stand for this body: a sector the table lists for it, or
    (nouns marked ``name``) the noun in the body's own name?"""
    if actor.sector in sectors:
        return True
    words = {w.lower().strip(".,'’") for w in actor.name.split()}
    return by_name and (noun in words or noun + "s" in words)


def _sentences_between(doc: Doc, a: Token, b: Token) -> int:
    """How many sentence starts lie after ``a`` up to ``b``."""
    return sum(1 for t in doc[a.i + 1:b.i + 1] if t.is_sent_start and not t.is_space)
