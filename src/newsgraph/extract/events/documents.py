"""A text that speaks for its author: "the resolution called for ...", "the report accuses ...".

A story names who issued a text once ("The council passed a resolution on Monday") and then
lets the text itself act: "The resolution also calls for a ceasefire", "the statement
condemned the raids". The coder reads the document noun as the act's source, a phrase with
no party, and the act is left without one. The author is the named subject of the nearest
earlier clause, in the act's sentence or the ``_WINDOW`` sentences before, whose object is the
same noun and whose verb issues it ("passed a resolution", "issued a statement", "released
its report"; not "welcomed the resolution"), when that subject is an actor of the article and
not the act's own target. Document nouns and issuing verbs are data
(``newsgraph/data/documents.tsv``). A filled source is marked
``CodedEvent.extra["source_from_document"]``; the event keeps the confidence it was read with.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import data_rows, doc_text, ext
from .coded import CodedEvent
from .reactions import _subject_actor
from .syntax import Arg

#: Acts a text can do in its author's name.
_SPOKEN = {"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE", "SANCTION"}
_DEFINITE = {"the", "this", "that", "its", "their"}
_WINDOW = 3  # sentences back in which the document's issuing is looked for


@lru_cache(maxsize=2)
def _words(kind: str) -> frozenset[str]:
    """``documents.tsv`` words of one kind: "noun" (texts that speak for whoever issued
    them) or "verb" (verbs that issue such a text)."""
    return frozenset(word for k, word, *_ in data_rows("documents.tsv") if k == kind)


def _document_subject(trig: Token) -> Token | None:
    """The definite document noun that is the trigger's subject ("the resolution calls"), or
    None (a possessor or "by" phrase names its own author, left to the argument reader)."""
    verb = trig if trig.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    if subj is None and verb.dep_ in ("xcomp", "conj"):
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in _words("noun"):
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in subj.children):
        return None
    if any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in subj.children) or \
            any(c.dep_ == "prep" and c.lower_ in ("by", "from", "of") for c in subj.children):
        return None
    return subj


def _issuer(doc: Doc, noun: Token, by_id: dict[str, Actor], sents: list) -> Actor | None:
    """The named subject of the nearest earlier clause that issued ``noun``'s word."""
    here = next(n for n, s in enumerate(sents) if s.start <= noun.i < s.end)
    lo = sents[max(0, here - _WINDOW)].start
    lemma = noun.lemma_.lower()
    for i in range(noun.i - 1, lo - 1, -1):
        t = doc[i]
        if t.lemma_.lower() != lemma or t.dep_ not in ("dobj", "obj") or t.head.pos_ != "VERB" \
                or t.head.lemma_.lower() not in _words("verb"):
            continue
        return _subject_actor(doc, t.head, by_id)  # the nearest issuing decides, named or not
    return None


def fill_document_sources(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give a source-less act whose subject is a document the party that issued it
    (module docstring). Runs on settled actors."""
    by_id = {a.id: a for a in ext(doc, "actors") or ()}
    sents = None
    for c in coded:
        if c.event.type not in _SPOKEN or c.event.source is not None:
            continue
        noun = _document_subject(doc[c.trigger_i])
        if noun is None:
            continue
        sents = sents or list(doc.sents)
        author = _issuer(doc, noun, by_id, sents)
        if author is None or author.id == c.event.target:
            continue
        earlier = [m for m in author.mentions if m.end <= c.event.trigger.start]
        if not earlier:
            continue
        m = earlier[-1]
        c.source = Arg(m.start, m.end, doc_text(doc)[m.start:m.end], author.id, author.country, False, author.sector)
        c.event.source = author.id
        c.extra["source_from_document"] = True
