"""Reactions to an act told earlier in the same words: the target is whoever did that act.

A response names what it responds to, not who did it: "the opposition rejected the proposal",
"the union condemned the decision", "Ruritania denied the claims". The reader takes the
author from what the article told just before in the same word: "the cabinet proposed ...",
"the court decided ...", "Borduria claims that ...", "the rally organisers held a rally".
:mod:`.article` gives a response the author of an earlier *coded* act of the noun's kind
when that act had both sides; this module reads the word itself: a definite object noun of
a response ("the delay", "these claims", "the strike") whose word family (the same lemma, or
a nominalisation of the verb: "propose" -> "proposal", "decide" -> "decision", see
``newsgraph/data/nominalizations.tsv``) was told earlier by

* a verb with a named subject ("Borduria delayed the vote"), or
* a coded event with that trigger word whose source its own phrase names ("the miners'
  strike", "a raid by the army"),

in the response's sentence before it or in the ``_WINDOW`` sentences before. The nearest
such telling gives the target, when its party is an actor of the article and not the
responder itself (nor a party of the responder's country and sector: a ministry denying its
own government's plan is not a dispute). A noun that names its own author ("Borduria's
claims", "the plan by the mayor") or its own party is left to :mod:`.args` and :mod:`.article`.

A filled target is marked ``CodedEvent.extra["target_from_reaction"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import actor_for_span, doc_text
from .coded import CodedEvent
from .countries import _SUBJ
from .syntax import Arg, _pobj

#: Responses whose object can be an earlier act ("rejected", "condemned", "welcomed").
_RESPONSES = {"REJECT", "ACCUSE", "SUPPORT"}
_DEFINITE = {"the", "this", "these", "that", "those", "such"}
_WINDOW = 3  # sentences back in which the act responded to is looked for
_SUFFIXES = ("", "s", "al", "ment", "ion", "ation", "ition", "ance", "ence", "ure", "ing")


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    """Nominalisations no suffix rule gives: noun lemma -> verb lemmas."""
    text = resources.files("newsgraph.data").joinpath("nominalizations.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            noun, verb = (c.strip() for c in line.split("\t")[:2])
            out.setdefault(noun, set()).add(verb)
    return {k: frozenset(v) for k, v in out.items()}


def same_word(noun: str, verb: str) -> bool:
    """Does ``noun`` name the act of ``verb`` ("delay"/"delay", "proposal"/"propose",
    "accusation"/"accuse", "decision"/"decide" by the table)?"""
    if noun == verb or verb in _irregular().get(noun, ()):
        return True
    if len(verb) >= 3 and noun.startswith(verb) and noun[len(verb):] in _SUFFIXES:
        return True  # "announcement", "withdrawal", "claims"
    # "accusation", "proposal": a final "e" dropped, only for longer verbs ("state" is not
    # "station", "rate" not "ration")
    return len(verb) >= 6 and verb.endswith("e") and noun.startswith(verb[:-1]) \
        and noun[len(verb) - 1:] in _SUFFIXES[1:]


def _object(tok: Token) -> Token | None:
    """The definite noun a response responds to: its direct object ("rejected the claims"),
    or a response noun's "of" phrase ("its rejection of the plan"); None if the noun names
    its own author or party (a possessor, a "by"/"from"/"of" phrase, a national modifier)."""
    noun = _pobj(tok, "of") if tok.pos_ == "NOUN" else next(
        (c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
           for c in noun.children) or any(c.dep_ == "poss" for c in noun.children):
        return None  # "Borduria's claims", "the Bordurian plan", "their claims": named by the phrase
    if any(c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "against", "on", "to") for c in noun.children):
        return None  # "the claims by Borduria", "the charges against the mayor"
    return noun


def _subject_actor(doc: Doc, verb: Token, by_id: dict[str, Actor]) -> Actor | None:
    """The actor a verb's active subject names (not a pronoun: its antecedent is not read here)."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.dep_ != "csubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.dep_ == "nsubjpass":
        return None
    aid = actor_for_span(doc, subj.idx, subj.idx + len(subj.text))
    return by_id.get(aid) if aid else None


def _own_phrase(t: Token, o: CodedEvent) -> bool:
    """Was an earlier event's source read from the trigger's own clause or phrase: the subject
    of a verb, the possessor or "by" agent of a noun ("the miners' strike") - not a party
    the noun got from the clause around it ("X called the attacks ...": X did not attack)?"""
    if t.pos_ != "NOUN":
        return True
    lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
    return o.source is not None and lo <= o.source.start and o.source.end <= hi


def _same_party(a: Actor, b: Actor) -> bool:
    return a.id == b.id or (a.country is not None and a.country == b.country and a.sector == b.sector)


def _author(doc: Doc, c: CodedEvent, noun: Token, coded: list[CodedEvent], by_id: dict[str, Actor],
            sents: list) -> Actor | None:
    """The party of the nearest earlier telling of ``noun``'s act (see the module docstring)."""
    trig = doc[c.trigger_i]
    here = next(n for n, s in enumerate(sents) if s.start <= trig.i < s.end)
    lo = sents[max(0, here - _WINDOW)].start
    lemma = noun.lemma_.lower()
    events = {o.trigger_i: o for o in coded if o.event.source and o is not c}
    for i in range(trig.i - 1, lo - 1, -1):
        t = doc[i]
        if i == noun.i:
            continue
        party = None
        if i in events and same_word(lemma, t.lemma_.lower()) and _own_phrase(t, events[i]):
            party = by_id.get(events[i].event.source)
        elif t.pos_ == "VERB" and same_word(lemma, t.lemma_.lower()):
            party = _subject_actor(doc, t, by_id)
        if party is not None:
            return party
    return None


def fill_reactions(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give a response with no target the author of the act it responds to (module docstring).
    Runs on settled actors."""
    by_id = {a.id: a for a in doc._.actors or ()}
    sents = None
    for c in coded:
        if c.event.type not in _RESPONSES or c.event.target is not None or c.event.source is None \
                or c.event.negated or c.event.hypothetical:
            continue
        responder = by_id.get(c.event.source)
        noun = _object(doc[c.trigger_i])
        if responder is None or noun is None:
            continue
        sents = sents or list(doc.sents)
        author = _author(doc, c, noun, coded, by_id, sents)
        if author is None or _same_party(author, responder):
            continue
        earlier = [m for m in author.mentions if m.end <= c.event.trigger.start]
        m = earlier[-1] if earlier else min(author.mentions, key=lambda m: abs(m.start - c.event.trigger.start))
        c.target = Arg(m.start, m.end, doc_text(doc)[m.start:m.end], author.id, author.country, False, author.sector)
        c.event.target = author.id
        c.extra["target_from_reaction"] = True
