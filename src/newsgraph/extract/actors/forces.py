"""Forces a government sends: "Ruritania will deploy 3,000 troops" — the troops are Ruritania's.

Armed forces and police travel (``story.TRAVELLING_SECTORS``), so neither the story's
country nor a place in their sentence says whose they are. The verb that moves them does:
the object of a deploying verb (the ``deploy_verbs`` of the knowledge file: deploy, send,
dispatch, station, withdraw ...) belongs to the verb's subject when that subject is a state
acting or a body of its government ("urged Borduria to withdraw troops": Borduria, the
object the urging is addressed to); none when the subject is several ("Ruritania and
Borduria sent troops"). Only an object with no country of its own; a subject
with no country (an alliance, "the UN") gives none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Actor
from .knowledge import load_knowledge

FORCE_SECTORS = frozenset({"MIL", "COP"})
OWNER_SECTORS = frozenset({"GOV", "MIL"})


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing "plans to deploy", "was ordered to send", and a
    conjoined verb ("met and agreed to send")."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        if verb.dep_ == "xcomp" and (obj := next((c for c in verb.head.children if c.dep_ == "dobj"), None)):
            return obj  # "urged Borduria to withdraw its troops": Borduria withdraws
        verb = verb.head
    return None


def _actor_at(actors: list[Actor], tok: Token) -> Actor | None:
    start, end = tok.idx, tok.idx + len(tok)
    return next((a for a in actors for m in a.mentions if m.start < end and start < m.end), None)


def place_forces(doc: Doc, actors: list[Actor]) -> None:
    """Give a force with no country the country of the government that deploys it."""
    verbs = load_knowledge().story_lists.get("deploy_verbs", frozenset())
    for actor in actors:
        if actor.country or actor.kind != "group" or actor.sector not in FORCE_SECTORS or not actor.mentions:
            continue
        first = min(actor.mentions, key=lambda m: m.start)
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.dep_ != "dobj" or root.head.lemma_.lower() not in verbs:
            continue
        subj = _subject(root.head)
        if subj is None or any(c.dep_ == "conj" for c in subj.children):
            continue  # "Ruritania and Borduria sent troops": whose, the text does not say
        owner = _actor_at(actors, subj)
        if owner is not None and owner is not actor and owner.country and (
                owner.kind == "state" or owner.sector in OWNER_SECTORS):
            actor.country = owner.country
