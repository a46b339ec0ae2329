"""A verb of acting on others whose doer is a thing, not a party (session 21).

"Bad weather forced the ships back", "the crisis forced the minister to cut exports", "the evidence
supports her claim", "rising prices threaten the recovery", "a region threatened by instability":
a condition, a force of nature, a state of affairs or a piece of evidence (``thing_doer`` in
``events_senses.tsv``) as the subject of an active verb, the "by" agent of a passive one, the noun
a relative or participle clause of it tells of ("the drought which forced farmers to sell") names no
party and no act: the verb is used in its sense of causing, endangering or corroborating. A named
thing ("the Crisis Group"), a doer joined to a party ("the weather and the rebels") or a passive
with no agent ("the figures, which were released") keeps it. Not "economy": trade blocs call
their members so.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import kind_words
from .coded import CodedEvent


def _things() -> frozenset[str]:
    return kind_words("events_senses.tsv").get("thing_doer", frozenset())


def _doer(verb: Token) -> Token | None:
    """The verb's subject, its passive "by" agent, or the noun its relative or participle clause
    modifies when the clause has no subject of its own or a relative pronoun as subject."""
    marked = any(ch.dep_ in ("nsubjpass", "auxpass") for ch in verb.children)
    if marked or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        # a passive: its "by" agent, or nobody ("the figures, which were released"); the
        # parser also reads an active verb's "by necessity" as an agent, hence passives only
        agent = next((ch for ch in verb.children if ch.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "csubj")), None)
    if verb.dep_ in ("relcl", "acl") and (subj is None or subj.tag_ in ("WDT", "WP")):
        return verb.head if verb.dep_ == "relcl" or verb.tag_ == "VBG" else None
    return subj


def _thing(tok: Token) -> bool:
    """A common noun of the list, not part of a name, with no party joined to it."""
    if tok.tag_ not in ("NN", "NNS") or tok.ent_type_ or tok.lemma_.lower() not in _things():
        return False
    return all(c.tag_ in ("NN", "NNS") and not c.ent_type_ and c.lemma_.lower() in _things()
               for c in tok.conjuncts)


def thing_doer(doc: Doc, c: CodedEvent) -> bool:
    """Is ``c`` a verb whose doer is a thing of the list (see the module docstring)?"""
    if c.nominal or c.trigger_i < 0:
        return False
    verb = doc[c.trigger_i]
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    doer = _doer(verb)
    return doer is not None and _thing(doer)


def _show_verbs() -> frozenset[str]:
    return kind_words("events_senses.tsv").get("show_verb", frozenset())


def shown_not_protested(doc: Doc, c: CodedEvent) -> bool:
    """A verb of protest that also means showing ("demonstrate", ``show_verb`` in the data) with
    an object, a clause or a passive subject: "the vote demonstrated that the party is split",
    "the firm demonstrated its new phone", "the device was demonstrated at the fair" show
    something. A protest has none: "thousands demonstrated outside the embassy", "demonstrated
    against the war", "demonstrated to demand new elections"."""
    if c.nominal or c.event.type != "PROTEST" or c.trigger_i < 0:
        return False
    verb = doc[c.trigger_i]
    if verb.lemma_.lower() not in _show_verbs():
        return False
    return any(ch.dep_ in ("dobj", "ccomp", "nsubjpass", "auxpass") for ch in verb.children) or (
        verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN")
