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

``place_named_orgs`` then places the named organisations left without a country, acting or
not, that the text shows to be bodies: a sector of their own (a paper, a company, a
university the actor layer coded), a quoted source, or a phrase only a body takes ("an
economist at Cumbre Capital", "the Acme chief executive", "according to Diario Andino", "told
Radio Illimani", "Acme's new plant"). Named in passing, an organisation is mostly of the
story's country: a foreign paper or firm in a home story is usually named with its country or
known to the knowledge base. The same exclusions hold, and more for names that are no body: a
lone capitalised word with no sector ("Education", a brand), a time zone after a time ("10:00
UTC"), table or image markup, a province or big city ("Ohio"), a name ending in a
``non_body_words`` word (a tax, a plan, a review, games) or a ``faith_words`` word ("Buddhism"),
and a name holding a big place of other countries only ("the Leeds Institute" in a story set
in Bolivia). The sector is left as it was: only the country is given.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ...records import Actor
from .. import ext
from .home import EMPLOYER_PREPS, _employed, _foreign_word, _home_sentences, _names_another_country, _stateless
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

    speakers = {q.speaker for q in ext(doc, "quotes") or () if q.speaker}
    documents = load_knowledge().story_lists.get("document_words", frozenset())
    for actor in actors:
        if actor.kind != "organization" or actor.country or actor.sector or not actor.name[:1].isupper():
            continue
        if _foreign_word(actor.name) or _WEBSITE.search(actor.name) or _stateless(actor.name, ext(doc, "published")):
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


def place_named_orgs(doc: Doc, actors: list[Actor], country: str) -> None:
    """Give the story's country to the named organisations still without one that the text
    shows to be bodies: a sector of their own, a quoted source, or a phrase only a body takes
    (:func:`_as_body`); see the module docstring."""

    kb = load_knowledge()
    lists = kb.story_lists
    people = _people_words(kb)
    speakers = {q.speaker for q in ext(doc, "quotes") or () if q.speaker}
    skip = lists.get("document_words", frozenset()) | lists.get("non_body_words", frozenset()) \
        | lists.get("faith_words", frozenset())
    for actor in actors:
        if actor.kind != "organization" or actor.country or actor.sector == "IGO" or not actor.name[:1].isupper():
            continue
        if _foreign_word(actor.name) or _WEBSITE.search(actor.name) or _stateless(actor.name, ext(doc, "published")):
            continue
        words = [w for w in actor.name.lower().split() if w.isalpha()]  # "the Y Act 1995": its last word
        if not words or words[-1] in skip:
            continue  # "the Clean Rivers Act", "the Harvest Games", "Buddhism": not a body
        spans = [s for m in actor.mentions
                 if (s := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None and len(s)]
        if not spans or _employed(spans[0]) and not _followed_by(spans[0], "for"):
            continue
        if not _body_name(actor) or _clock(spans[0]) or _markup(actor.name, spans[0]) or _big_place(actor.name):
            continue
        if _named_abroad(spans[0], country):
            continue  # "Bristol University" quoted in a story set elsewhere
        if not actor.sector and actor.id not in speakers and not any(_as_body(s, people) for s in spans):
            continue  # "SMS messages", "the Harbour Plan": a name the text does not treat as a body
        sents = {s.sent for s in spans} if doc.has_annotation("SENT_START") else {doc[:]}
        if _names_another_country(doc, _home_sentences(spans, sents), country):
            continue
        actor.country = country


@lru_cache(maxsize=4)
def _people_words(kb) -> frozenset[str]:
    """The one-word roles, research and speaker titles and staff nouns of the knowledge (a
    person's words, for :func:`_as_body`), gathered once per knowledge object, not per article."""
    return frozenset(w for w in kb.roles if " " not in w) | kb.research_titles | kb.speaker_titles \
        | kb.story_lists.get("staff_nouns", frozenset())



def _as_body(span, people: frozenset[str]) -> bool:
    """Does the text treat this name as a body? It acts (:func:`acts`), owns something ("X's
    new plant"), employs someone ("an analyst at X", "X chief economist", "Ana Ruiz of X"), is
    a source ("according to X") or is told something ("told X")."""
    root = span.root
    if acts(span) or root.dep_ == "poss" or any(t.tag_ == "POS" for t in span[-1:]):
        return True
    head = root.head
    if root.dep_ == "compound" and head.i > root.i:  # "Acme chief economist", not "the Acme Commissioner"
        return head.is_lower and head.lemma_ in people and head.lemma_ != "source"
    if root.dep_ in ("dobj", "dative") and head.lemma_ == "tell":
        return True
    if root.dep_ != "pobj":
        return False
    if head.lower_ == "to" and head.head.lower_ == "according":
        return True
    owner = head.head
    return head.lower_ in EMPLOYER_PREPS and (owner.ent_type_ == "PERSON" or owner.lemma_.lower() in people)


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]+$")


def _body_name(actor: Actor) -> bool:
    """A name that says it is a body: several words ("the Harbour Trust"), initials ("HPA") or a
    word the actor layer gave a sector (a known paper, a company); a lone capitalised word with
    no sector ("Education", "Forest", a brand) is as often a heading or a product."""
    return bool(actor.sector) or len(actor.name.split()) > 1 or bool(_ACRONYM.match(actor.name))


def _clock(span) -> bool:
    """"10:00 UTC", "9 p.m. EST": a time zone after a time, not a body."""
    prev = span.doc[span.start - 1] if span.start else None
    return prev is not None and (prev.like_num or prev.ent_type_ == "TIME" or any(c.isdigit() for c in prev.text))


def _markup(name: str, span) -> bool:
    """"| Index 100 = 3,932 |", "Photo.jpg|The": a name read off a table's or an image's markup."""
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    before = doc[span.start - 1].text if span.start else ""
    return "|" in name or bool(_FILE.search(name)) or after == "=" or before == "|"


_FILE = re.compile(r"\.(?:jpe?g|png|gif|svg)\b", re.IGNORECASE)


def _named_abroad(span, country: str) -> bool:
    """Does the name contain a province or a big city of other countries only ("the Leeds
    Institute" in a story set in Peru)? Then the story's country is not its own."""
    from ..places import gazetteer
    from .named_place import _countries, _runs

    gaz = gazetteer()
    for run in _runs(span) if len(span) > 1 else ():
        found = _countries(run.text, gaz)[0]
        if found:
            return country not in found
    return False


def _big_place(name: str) -> bool:
    """Is the whole name a province or a big city ("Ohio", "Quebec")? A place the tagger called
    an organisation is not a body; the places layer gives it its country."""
    from ..places import gazetteer
    from .named_place import _countries

    return bool(_countries(name, gazetteer())[0])
