"""Acts named by a gerund that nobody does: a topic, a kind of act or its content (session 20).

A gerund with no subject of its own and no party on either side, once every side is filled, names
an act in general, not an occurrence: a clause's subject ("boycotting the vote would be a mistake",
"attacking my record won't fix the economy"), what a noun is about ("counts of breaching the act",
"views on combating piracy", "the practice of refusing comment", "nothing ideological about
opposing it"), what generic people do ("individuals refusing to pay will be fined", "those
pushing for reform") or an act not done ("voted against accepting the offer", "ended without
reaching a deal"; ``gerund_prep`` in ``events_background.tsv``). The events_dev guideline codes
occurrences, not generic descriptions. Kept: a gerund with a party on either side, with its own
subject ("despite the minister coming under fire", "the custom of the loser conceding"), whose
doer an adjective's subject gives ("the army was responsible for breaking the truce"), in a progressive
tense, after a verb's other prepositions ("took part in looting the store": the subject's act)
or one that tells the act was done ("in addition to closing the crossing"; ``gerund_done``),
and one a text does for its author ("a letter appealing for clemency", "a press release
supporting the bill").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .background import _words
from .coded import CodedEvent
from .documents import _words as _document_words
from .senses import _table as _sense_table

#: Children that give the gerund a tense or a doer of its own.
_OWN = {"aux", "auxpass", "nsubj", "nsubjpass", "expl", "csubj"}
_NOMINAL_HEADS = {"NOUN", "PRON", "ADJ", "ADV"}


def _authored(noun: Token) -> bool:
    """A text that acts for its author ("a letter appealing for ...", "a press release
    supporting ..."): ``noun`` of ``documents.tsv`` or ``text`` of ``events_senses.tsv``."""
    lemma = noun.lemma_.lower()
    return lemma in _document_words("noun") or lemma in _sense_table()["text"]


def _predicated(adj: Token) -> bool:
    """Is ``adj`` a clause's predicate with a subject ("the two armies are guilty of breaking
    the truce"): the subject is the gerund's doer?"""
    return adj.pos_ == "ADJ" and adj.dep_ == "acomp" and any(
        ch.dep_ in ("nsubj", "nsubjpass") for ch in adj.head.children)


def _general(tok: Token) -> bool:
    """Is the gerund ``tok`` a clause subject, a noun's modifier or the object of a preposition
    that hangs on a noun or tells the act is not done (module docstring)?"""
    if tok.dep_ == "csubj":
        return True
    if tok.dep_ == "acl":
        head = tok.head
        before = tok.doc[tok.i - 1] if tok.i else tok
        if any(n.dep_ == "pobj" and n.head.lower_ == "of" for n in (head, before) if n.i < tok.i):
            return False  # "the custom of one side conceding": that noun is the gerund's subject
        return head.pos_ in ("NOUN", "PRON") and not _authored(head)
    if tok.dep_ == "pcomp":
        prep = tok.head
        if prep.lower_ in _words("gerund_prep"):
            return True
        if prep.lower_ in _words("gerund_done") or prep.head.lower_ in _words("gerund_done"):
            return False  # "in addition to closing the crossing, the army barred ...": done
        return prep.head.pos_ in _NOMINAL_HEADS and not _predicated(prep.head)
    return False


def doerless_gerund(doc: Doc, c: CodedEvent) -> bool:
    """Is ``c`` told by a gerund with no doer and no party, naming an act in general?"""
    if c.nominal or c.event.source is not None or c.event.target is not None:
        return False
    tok = doc[c.trigger_i]
    if tok.tag_ != "VBG" or any(ch.dep_ in _OWN for ch in tok.children):
        return False
    return _general(tok)
