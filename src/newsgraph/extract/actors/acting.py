"""Named organisations that act in a story set in one country.

An organisation the knowledge base does not know and whose name says neither its country nor
its sector ("Harlow Water said", "the Greenway Trust announced") is, when it speaks or acts in
a story set in one country, almost always of that country: a foreign body acting in a home
story is named with its country ("the Ruritanian firm X") or known to the knowledge base. The
tagger also calls a lone surname or a party's name an organisation ("Ruiz said"); those are of
the story's country as well. Not a name with a foreign word ("International ..."), nor one the
knowledge base codes with no country, nor a law, agreement or event (the ``document_words``:
"the X Act", "the Y Expo"), nor a website ("Example.com": an online outlet reports
from anywhere), nor one whose sentences name another country.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...records import Actor
from .knowledge import load_knowledge

ACTING_DEPS = frozenset({"nsubj", "nsubjpass"})
_WEBSITE = re.compile(r"\.(?:com|org|net|info|co\.uk)\b", re.IGNORECASE)  # an online outlet reports from anywhere


def acts(span) -> bool:
    """Is the name the subject of a clause ("X said"), in apposition to one ("the campaign's
    manager, X, said") or the agent of a passive ("was stopped by X")?"""
    root = span.root
    if root.dep_ in ACTING_DEPS:
        return True
    if root.dep_ == "appos":
        return root.head.dep_ in ACTING_DEPS
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _acting(doc: Doc, actor: Actor, speakers: set[str]) -> list:
    """The spans naming the actor, when one of them acts (:func:`acts`) or the actor is quoted;
    else an empty list (an organisation named in passing says little of the story)."""
    spans = [s for m in actor.mentions
             if (s := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None and len(s)]
    if actor.id in speakers or any(acts(s) for s in spans):
        return spans
    return []


def _followed_by(span, word: str) -> bool:
    """Is the span followed (over a comma) by this word? "X for the No. 2 place" names no employer."""
    doc, i = span.doc, span.end
    i += 1 if i < len(doc) and doc[i].text == "," else 0
    return i < len(doc) and doc[i].lower_ == word


def place_acting(doc: Doc, actors: list[Actor], country: str) -> None:
    """Give the story's country to the named organisations with neither country nor sector
    that speak or act in it (see the module docstring)."""
    from .story import _employed, _foreign_word, _home_sentences, _names_another_country, _stateless

    speakers = {q.speaker for q in doc._.quotes or () if q.speaker}
    documents = load_knowledge().story_lists.get("document_words", frozenset())
    for actor in actors:
        if actor.kind != "organization" or actor.country or actor.sector or not actor.name[:1].isupper():
            continue
        if _foreign_word(actor.name) or _WEBSITE.search(actor.name) or _stateless(actor.name, doc._.published):
            continue
        if actor.name.split()[-1].lower() in documents:
            continue  # "the Clean Rivers Act", "the Trade Expo": a law or an event the tagger called a body
        spans = _acting(doc, actor, speakers)
        if not spans or _employed(spans[0]) and not _followed_by(spans[0], "for"):
            continue  # "X from the Y Division", "the Z Bank's X": a person the tagger misread, of a body
        sents = {s.sent for s in spans} if doc.has_annotation("SENT_START") else {doc[:]}
        if _names_another_country(doc, _home_sentences(spans, sents), country):
            continue
        actor.country = country
