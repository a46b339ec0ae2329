"""A person tied to a named organisation takes the organisation's country once the story passes
have placed it: "Ana Ruiz of Acme", "Acme's Ana Ruiz", "Ana Ruiz, a director at Acme".

At extraction an employer gives its country only when the knowledge base or the text already
placed it (``_State.title_org``); an organisation the story passes place later ("an analyst at
Acme" in a story set in one country, "the Leeds Farmers Council") left its people with none.
Only the one organisation the person's own phrase names, never the sentence around it; the
person's country is left alone when the phrase names bodies of two countries.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as TokSpan

from ...records import Actor
from .. import ext
from .home import _stateless

_TIES = frozenset({"of", "from", "at", "with"})


def _tied_chars(span: TokSpan) -> list[tuple[int, int]]:
    """Character ranges where an employer's name may start or lie: right after "of/from/at/with"
    following the name (over a comma and "the"), the possessor before it, its apposition."""
    doc, out = span.doc, []
    i = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if i + 1 < len(doc) and doc[i].lower_ in _TIES:
        j = i + 1 + (doc[i + 1].lower_ == "the" and i + 2 < len(doc))
        out.append((doc[j].idx, doc[j].idx + 1))  # the employer's name starts here
    if span.start >= 2 and doc[span.start - 1].tag_ == "POS":
        out.append((doc[span.start - 2].idx, doc[span.start - 2].idx + 1))  # ends at the possessor
    for child in span.root.rights:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            toks = sorted(child.subtree, key=lambda t: t.i)
            # a dash closes the apposition: "X—one of the lawyers—to Acme Radio" spoke to Acme
            last = next((k - 1 for k, t in enumerate(toks) if k and t.text in _DASHES), len(toks) - 1)
            out.append((toks[0].idx, toks[last].idx + len(toks[last])))
    return out


_DASHES = frozenset({"—", "–", "--"})


def _employer_countries(doc: Doc, actor: Actor, orgs: list[tuple[int, int, object]]) -> set:
    """The values (a country; a sector and country) of the organisations whose mentions lie
    where the person's own phrases tie them (``_tied_chars``)."""
    found: set = set()
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for a, b in _tied_chars(span):
            found.update(c for s, e, c in orgs if s < b and a < e)
    return found


def place_staff(doc: Doc, actors: list[Actor]) -> None:
    """Give a person with no country the one country of the placed organisations their own
    phrase ties them to. Not an international body's (IGO) staff, nor a stateless name."""
    orgs = [(m.start, m.end, a.country) for a in actors
            if a.kind == "organization" and a.country and a.sector != "IGO" for m in a.mentions]
    if not orgs:
        return
    for actor in actors:
        if actor.kind != "person" or actor.country or actor.sector == "IGO":
            continue
        found = _employer_countries(doc, actor, orgs)
        if len(found) == 1 and not _stateless(actor.name, ext(doc, "published")):
            actor.country = found.pop()


def staff_sectors(doc: Doc, actors: list[Actor]) -> None:
    """Give a person with no sector the one sector of the named organisations their own phrase
    ties them to ("Ana Ruiz of the Kestrel Peace Institute", "Acme's Tom Reyes", "Jo Kent from
    the Norland Labour Party"), read once every pass has coded the organisations (a party's
    standing on the story's date, a body's members). Not an international body's (its staff
    are coded by the title), nor a body of another country than the person's, nor a party
    with no standing (LEG: its member may be a mayor or a candidate), nor a "person" named by
    one capitalised word ("Acme's Zephyr": as often a product the tagger took for a person)."""
    orgs = [(m.start, m.end, (a.sector, a.country)) for a in actors
            if a.kind == "organization" and a.sector not in (None, "IGO", "LEG") for m in a.mentions]
    if not orgs:
        return
    for actor in actors:
        if actor.kind != "person" or actor.sector or not actor.mentions or _one_name(actor.name):
            continue
        found = {sector for sector, country in _employer_countries(doc, actor, orgs)
                 if actor.country is None or country in (None, actor.country)}
        if len(found) == 1:
            actor.sector = found.pop()


def _one_name(name: str) -> bool:
    """A name of one capitalised word: a product or a fragment as often as a person."""
    words = name.split()
    return len(words) == 1 and words[0][:1].isupper()
