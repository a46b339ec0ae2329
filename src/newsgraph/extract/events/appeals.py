"""A demand told by a noun with a "for ... to" clause: "repeated their calls for Borduvia to
withdraw", "Y's call for the mayor to resign", "there have been calls for the minister to go".

The noun ("call", "demand", "plea", "appeal", "request": kind ``appeal`` of
``data/statements.tsv``) is a REQUEST whose target is the party its clause asks to act, the
subject of the infinitive. spaCy reads the "for" as the marker of an adverbial clause, hung on
the noun or on the verb before it, or as a preposition with the infinitive hung elsewhere, so
the noun pattern "call for" of the lexicon never sees its party (the verb "call for" is read in
:mod:`.triggers`). The demander is the noun's owner ("Y's call", "the EU demand"), or the
subject of a verb that makes or repeats it (kind ``repeat``: "X renewed its call"); a call
another verb answers ("rejected calls for X to resign") is that verb's business, and a call
whose party is only asked to undergo something ("for Alan to be released") names no party
asked. The code is the demand for the act asked when CAMEO pairs it with a concession
(``data/demands.tsv``: resign → 1041, withdraw → 1056)."""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..tokens import token_view
from .coded import CodedEvent, _plover_table, construction_event
from .lexicon import LexEntry, Lexicon, Plover, plover_for
from .resolve import _resolve
from .statements import statement_words
from .syntax import Arg, _actor_like, _child, _conjuncts
from .triggers import _demand_codes, _verb_context

_SUBJ = ("nsubj",)
_PASS = ("nsubjpass",)


def _asked_clause(noun: Token) -> tuple[Token | None, Token | None, bool]:
    """(infinitive verb, the party it names, passive) of the "for X to V" after ``noun``."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "for":
        return None, None, False
    f = doc[noun.i + 1]
    if f.dep_ == "mark":
        verb = f.head
        party = _child(verb, _SUBJ + _PASS) or _child(f, ("pobj",))
    elif f.dep_ == "prep" and (party := _child(f, ("pobj",))) is not None:
        nxt = party.right_edge.i + 1
        if nxt + 1 >= len(doc) or doc[nxt].lower_ != "to" or doc[nxt + 1].pos_ not in ("VERB", "AUX"):
            return None, None, False
        verb = doc[nxt + 1] if doc[nxt + 1].pos_ == "VERB" else doc[nxt + 1].head
    else:
        return None, None, False
    if verb.i <= noun.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None, None, False
    passive = any(c.dep_ == "auxpass" for c in verb.children) or party.dep_ in _PASS
    return verb, party, passive


def _demander(doc: Doc, noun: Token, places: list) -> tuple[list[Arg], bool]:
    """Who makes the call, and whether the noun may be read at all (not a call another verb
    answers: "rejected calls for ...")."""
    poss = _child(noun, ("poss",))
    if poss is not None and poss.pos_ != "PRON":
        return [a for c in _conjuncts(poss) if (a := _resolve(doc, c, places)) is not None], True
    mods = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and _actor_like(c)]
    head = noun.head
    repeats = noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in statement_words()["repeat"]
    if noun.dep_ in ("dobj", "obj") and not repeats:
        return [], False
    if noun.dep_ == "pobj" and head.lower_ not in ("of", "with"):
        return [], False  # "despite calls for ...", "in response to calls ...": told, not made here
    if mods:
        return [a for c in mods if (a := _resolve(doc, c, places)) is not None], True
    if repeats and (subj := _child(head, _SUBJ)) is not None and subj.pos_ != "PRON":
        return [a for c in _conjuncts(subj) if (a := _resolve(doc, c, places)) is not None], True
    return [], True


def _code(noun: Token, verb: Token, lex: Lexicon) -> tuple[str, Plover]:
    """The demand code for the act asked (a concession CAMEO pairs with a demand), else the
    noun's own code."""
    base = statement_words()["appeal"][noun.lemma_.lower()]
    table = _plover_table()
    if base == "100" and lex.candidates("verb", verb.lemma_.lower()):
        asked = lex.match("verb", verb.lemma_.lower(), _verb_context(verb)[0])
        if asked is not None and "off" not in asked.flags and asked.cameo.startswith("08"):
            code = next((d for y, d in _demand_codes() if asked.cameo.startswith(y)), None)
            if code and (p := plover_for(code, table)):
                return code, p
    return base, plover_for(base, table) or Plover("REQUEST", None, None)


@lru_cache(maxsize=1)
def _appeal_lemmas() -> frozenset[int]:
    return frozenset(get_string_id(w) for w in statement_words()["appeal"])


def asked_parties(doc: Doc, lex: Lexicon, coded: list[CodedEvent], places: list) -> list[CodedEvent]:
    """REQUEST events for appeal nouns with a "for X to V" clause; an event the lexicon already
    coded on the noun gets the party asked as its target when it has none."""
    out: list[CodedEvent] = []
    on = {c.trigger_i: c for c in coded}
    for i in token_view(doc).where("lemma", _appeal_lemmas()):
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue
        verb, party, passive = _asked_clause(noun)
        if verb is None:
            continue
        asked = [] if passive or not _actor_like(party) else [
            a for c in _conjuncts(party) if c.pos_ != "PRON" and (a := _resolve(doc, c, places)) is not None
            and (a.actor or a.country or a.sector)]
        if (have := on.get(noun.i)) is not None:
            if have.event.type == "REQUEST" and have.target is None and len(asked) == 1:
                have.target, have.event.target = asked[0], asked[0].actor
            continue
        sources, free = _demander(doc, noun, places)
        if not free or not (asked or sources):
            continue
        code, plover = _code(noun, verb, lex)
        entry = LexEntry("noun", noun.lemma_.lower(), frozenset({"for", "to"}), "<call for X to V>", code, plover)
        out += [construction_event(doc, entry, src, tgt, noun, noun.i, True)
                for src in sources or [None] for tgt in asked or [None]]
    return out
