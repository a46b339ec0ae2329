"""A passive act coordinated with an active clause: its "by" phrase is the doer, the shared
subject the one it was done to.

"The envoy arrived on Monday and was attacked by gunmen near the port": the argument reader
gives the second verb the first one's subject as its source, as it does for any coordinated
verb with no subject of its own ("met the minister and signed the deal"). For a passive verb
that subject is the victim, and the doer is the passive agent. :func:`passive_conjunct` turns
the arguments round, for the coder (:mod:`.coder`), before they are resolved to actors, so the
passes that follow (event coreference, the article's parties) see the right sides, when

* the act's verb is a past participle with a passive auxiliary ("was attacked"), coordinated
  ("conj") with a verb, with no subject of its own;
* the sources read for it are that verb's subject (and its conjuncts), and it has a "by"
  phrase: its object (and conjuncts) become the sources, the shared subject the target when
  no target was read.

Coordinated passives share one doer: "were detained by soldiers and later expelled", "were
beaten and arrested by police". :func:`share_agents` gives an act of force (``ASSAULT``,
``COERCE``) told in the passive with no doer of its own the "by" doer of the passive verb of
force it is coordinated with (coded or not: "were shot and wounded by X"), on the settled
events — not the doer of an act of another kind ("were attacked by gunmen and rescued by the
army": not by the army).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .coded import CodedEvent
from .countries import _PASS_SUBJ, _SUBJ
from .lexicon import Lexicon
from .syntax import Arg, _child


def passive_conjunct(tok: Token, sources: list[Token], targets: list[Token]) -> tuple[list[Token], list[Token]]:
    """The (sources, targets) of a verb trigger, with a coordinated passive's "by" phrase as its
    source and the shared subject as its target (see the module docstring)."""
    if not sources or not _coordinated_passive(tok):
        return sources, targets
    shared = _child(tok.head, _SUBJ)
    if shared is None or not all(t.i == shared.i or t in shared.conjuncts for t in sources):
        return sources, targets
    doer = next((p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
    if doer is None:
        return sources, targets
    return [doer, *doer.conjuncts], targets or sources


def _coordinated_passive(tok: Token) -> bool:
    """"... and was attacked": a passive participle coordinated with a verb, no subject of its own."""
    return (tok.tag_ == "VBN" and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")
            and any(ch.dep_ == "auxpass" for ch in tok.children)
            and _child(tok, _SUBJ | _PASS_SUBJ) is None)


_FORCE = {"ASSAULT", "COERCE"}


def share_agents(doc: Doc, coded: list[CodedEvent], lex: Lexicon,
                 settled: Callable[[Token], Arg | None]) -> None:
    """Give a passive act of force with no source the party of the "by" phrase of the passive
    verb of force it is coordinated with ("were shot and wounded by X"; see the module
    docstring). ``settled`` reads a phrase's actor."""
    for c in coded:
        if c.event.type not in _FORCE or c.event.negated or c.event.source is not None or c.source is not None:
            continue
        tok = doc[c.trigger_i]
        if not _told_passive(tok) or _agent(tok) is not None:
            continue
        doers = [a for v in tok.conjuncts if v.pos_ == "VERB" and _told_passive(v) and _one_subject(tok, v)
                 and (a := _agent(v)) is not None and _forceful(v, lex)]
        args = [arg for a in doers if (arg := settled(a)) is not None and arg.actor]
        if not args or len(args) != len(doers) or any(a.actor != args[0].actor for a in args):
            continue
        c.source = args[0]
        c.event.source = args[0].actor
        c.extra["source_from_conjunct"] = True


def _forceful(verb: Token, lex: Lexicon) -> bool:
    """Does the lexicon read the verb as an act of force ("beaten", "wounded", "detained")?"""
    entry = lex.match("verb", verb.lemma_.lower(), {w.lemma_.lower() for w in verb.children})
    return entry is not None and entry.plover.type in _FORCE


def _one_subject(a: Token, b: Token) -> bool:
    """Do two coordinated verbs share one subject (not "two men were held by police and three
    others were freed")?"""
    return _child(a, _SUBJ | _PASS_SUBJ) is None or _child(b, _SUBJ | _PASS_SUBJ) is None


def _told_passive(tok: Token) -> bool:
    """A passive participle: with its own passive auxiliary, or coordinated with one that has."""
    if tok.tag_ != "VBN":
        return False
    return any(ch.dep_ == "auxpass" for ch in tok.children) or (
        tok.dep_ == "conj" and any(ch.dep_ == "auxpass" for ch in tok.head.children))


def _agent(tok: Token) -> Token | None:
    """The object of the verb's "by" agent phrase."""
    return next((p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
