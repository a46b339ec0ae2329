"""A claim said to be untrue in a quote or report is the speaker's rejection of it.

"These allegations are baseless," the ministry said; "that is simply not true," the minister
said; "nothing could be further from the truth": the speaker answers a claim, with no verb of
denying, and CAMEO codes the answer as a rejection (120; PLOVER REJECT), as
:mod:`.triggers` does for "called the accusations baseless". The clause is copular, its
predicate a ``falsity`` word of ``data/faults.tsv`` or a negated "true", and its subject a
claim noun (kind ``claim``: allegation, charge, report ...), a demonstrative ("that is
false") or an "it" with a "that" clause ("it is not true that ..."). The rejection's target is
the claim's author when the claim noun names one ("the Borduvian allegations", "claims by
X"), never the speaker's own side. The speaker is the quote layer's (:mod:`.statements`)."""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..tokens import sentence_chars, token_view
from .coded import CodedEvent, construction_entry, construction_event
from .lexicon import LexEntry
from .nominal import _nominal_agent
from .resolve import _resolve
from .statements import _other_party, _speaker_of
from .syntax import Arg, _child
from .triggers import _fault_table

_DEMONSTRATIVES = {"this", "that", "these", "those"}
_NEGATIONS = {"not", "n't", "never"}


@lru_cache(maxsize=1)
def _entry() -> LexEntry:
    return construction_entry("120", "REJECT", "verb", "denial", "<the claims are false, said Y>")


def negated(tok: Token) -> bool:
    """Is the word negated in its own phrase ("does not accept", "is not true", "never said")?"""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATIONS) for c in tok.children)


def _untrue(verb: Token) -> Token | None:
    """The predicate that calls the subject untrue: a falsity word ("baseless", "a lie") not
    negated, or "true" negated ("is not true"); or "further from the truth" after "nothing"."""
    for c in verb.children:
        if c.dep_ not in ("acomp", "attr"):
            continue
        lemma = c.lemma_.lower()
        if _fault_table().get(lemma) == "falsity" and not negated(verb) and not negated(c):
            return c
        if lemma == "true" and (negated(verb) or negated(c)):
            return c
    return None


def _truth_idiom(verb: Token) -> Token | None:
    """ "Nothing could be further from the truth", "there is nothing farther from the truth"."""
    subj = _child(verb, ("nsubj", "attr"))
    if subj is None or subj.lower_ != "nothing":
        return None
    doc = verb.doc
    return next((t for t in (*subj.subtree, *verb.children) if t.lower_ in ("further", "farther")
                 and doc[t.i + 1:t.i + 4].text.lower() == "from the truth"), None)


def _claim_subject(verb: Token) -> tuple[bool, Token | None]:
    """Is the subject a claim (a claim noun, a demonstrative, an "it" with a "that" clause)?
    And the claim noun, whose author the claim may name."""
    subj = _child(verb, ("nsubj",))
    if subj is None:
        return False, None
    if subj.pos_ in ("NOUN", "PROPN") and _fault_table().get(subj.lemma_.lower()) == "claim":
        return True, subj
    if subj.lower_ in _DEMONSTRATIVES:
        return True, None
    return subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children), None


def _author(doc: Doc, claim: Token | None, places: list) -> Arg | None:
    doers = [d for d in _nominal_agent(claim) if d.pos_ != "PRON"] if claim is not None else []
    author = _resolve(doc, doers[0], places) if doers else None
    return author if author is not None and (author.country or author.sector) else None


@lru_cache(maxsize=1)
def _cue_lemmas() -> frozenset[int]:
    """Lemma hashes of the predicate words a denial is found by."""
    words = {w for w, kind in _fault_table().items() if kind == "falsity"} | {"true", "nothing"}
    return frozenset(get_string_id(w) for w in words)


def _denials(doc: Doc, places: list):
    """(clause verb, trigger, claim author or None) for each claim a statement calls untrue."""
    heads = {j for i in token_view(doc).where("lemma", _cue_lemmas()) for j in (doc[i].head.i, doc[i].head.head.i)}
    for verb in (doc[i] for i in sorted(heads)):
        if verb.lemma_.lower() != "be":
            continue
        if (idiom := _truth_idiom(verb)) is not None:
            yield verb, idiom, None
            continue
        pred = _untrue(verb)
        if pred is None:
            continue
        is_claim, claim = _claim_subject(verb)
        if is_claim:
            yield verb, pred, _author(doc, claim, places)


def stated_denials(doc: Doc, coded: list[CodedEvent], places: list) -> list[CodedEvent]:
    """REJECT from the speaker of each statement that calls a claim untrue (module docstring)."""
    out: list[CodedEvent] = []
    rejected = {(c.event.source, c.event.sentence.start) for c in coded if c.event.type == "REJECT"}
    for verb, trig, author in _denials(doc, places):
        speaker = _speaker_of(doc, verb, places)
        if speaker is None or not (speaker.country or speaker.sector):
            continue
        if author is not None and not _other_party(speaker, author):
            continue  # a claim of the speaker's own side: no answer to another party
        sent = sentence_chars(doc, trig.i)
        if (speaker.actor, sent[0]) in rejected:
            continue
        rejected.add((speaker.actor, sent[0]))
        out.append(construction_event(doc, _entry(), speaker, author, trig, verb.i, False))
    return out
