"""A body placed by the town or province in its own name.

"The Harlow Water Board", "Leeds police", "the Union of Journalists of Carinthia": a body or a
group whose name contains a city or a province is of that place's country, whatever country the
story as a whole is set in ("Lyon police" in a story about Belgium is French). The story's
country cannot place such bodies in a story naming several countries, and gives them the wrong
one when the story is about another country. This pass runs before the story's country is given.

Only places the gazetteer knows well enough under their main name: a division ("Carinthia",
"Texas") or a city of at least ``MIN_CITY`` people, of a country the story names elsewhere (a
name that is also a town abroad, "Unity", "Georgetown", is read only where its country is in
the story); a name with several such places of different countries ("Cambridge") takes the one
the story names, else none. The longest run of capitalised proper nouns the gazetteer knows
decides ("Niger Delta" is not Niger). A country's own name is the knowledge file's business (it reads nationality words and country names in names), and a person's name
is never read ("Jack London"). Not an international body, nor a name with a foreign word, nor
one the knowledge base codes with no country, nor a law or an event (the ``document_words``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc
from spacy.tokens import Span as TokSpan

from ...records import Actor
from .. import ext
from ..gazetteer import normalise
from .home import _foreign_word, _stateless
from .knowledge import load_knowledge

MIN_CITY = 150_000  # a smaller town's name is too often a word or a surname ("Liberal", "Independence")
MAX_RUN = 3  # longest place name read inside a body's name, in words
PLACED_KINDS = frozenset({"organization", "group"})


def _runs(span: TokSpan) -> list[TokSpan]:
    """Sub-spans of capitalised proper nouns inside the name, longest first, never the whole
    name (a name that is one place is a place, not a body; "Top officials" opens a sentence)."""
    caps = [t.i for t in span if t.text[:1].isupper() and t.is_alpha and t.pos_ == "PROPN"]
    out = []
    for n in range(MAX_RUN, 0, -1):
        for i in caps:
            if all(i + k in caps for k in range(n)) and not (i == span.start and n == len(span)):
                out.append(span.doc[i:i + n])
    return out


def _countries(name: str, gaz) -> tuple[set[str], bool]:
    """Countries of the well-known places called ``name`` (divisions and big cities), and whether
    the gazetteer knows the name at all (a smaller place's name blocks its shorter parts:
    "Niger Delta" is not Niger)."""
    key = normalise(name)
    if key in gaz.not_places:
        return set(), True
    cands = gaz.names.get(key, [])  # main names only: "Day", "Pew" are other names of big cities
    subs = gaz.subdivisions.get(key, [])
    known = bool(cands or subs)
    big = {c.country for c in cands if c.country and (c.feature == "admin" or
                                                       c.feature == "city" and c.population >= MIN_CITY)}
    return big | {s.country for s in subs if s.country}, known


def region_country(name: str) -> str | None:
    """The one country of a province or state so named ("Ontario", "Bavaria"), else of a big
    city: a province's party is the province's, whatever towns abroad share its name. Unlike
    :func:`_countries`, which pools divisions and big cities, a division wins here."""
    from ..places import gazetteer

    gaz = gazetteer()
    key = normalise(name)
    if key in gaz.not_places:
        return None
    cands = gaz.names.get(key, [])
    found = {c.country for c in cands if c.country and c.feature == "admin"} or \
        {s.country for s in gaz.subdivisions.get(key, []) if s.country} or \
        {c.country for c in cands if c.country and c.feature == "city" and c.population >= MIN_CITY}
    return next(iter(found)) if len(found) == 1 else None


def named_country(span: TokSpan, named: Counter[str]) -> str | None:
    """The one country of the place the name contains (see the module docstring), or None."""
    from ..places import gazetteer

    gaz = gazetteer()
    for run in _runs(span):
        if any(t.ent_type_ == "PERSON" for t in run):
            continue
        found, known = _countries(run.text, gaz)
        if not known:
            continue
        found = {c for c in found if named[c] > 0}
        return next(iter(found)) if len(found) == 1 else None
    return None


def place_named(doc: Doc, actors: list[Actor], named: Counter[str]) -> None:
    """Give a body or group with no country the country of the place its name contains;
    ``named`` weighs the countries the story names (it decides between places of one name)."""

    documents = load_knowledge().story_lists.get("document_words", frozenset())
    for actor in actors:
        if actor.country or actor.kind not in PLACED_KINDS or actor.sector == "IGO" or not actor.mentions:
            continue
        if actor.name.split()[-1].lower() in documents:
            continue  # "the Leeds Trade Show", "the Ohio Water Act": an event or a law, not a body
        if _foreign_word(actor.name) or _stateless(actor.name, ext(doc, "published")):
            continue
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span) > 1 and (code := named_country(span, named)) is not None:
                actor.country = code
                break
