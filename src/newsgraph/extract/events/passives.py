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
"""

from __future__ import annotations

from spacy.tokens import Token

from .countries import _PASS_SUBJ, _SUBJ
from .syntax import _child


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
