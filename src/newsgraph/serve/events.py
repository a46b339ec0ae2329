"""The UI's event queries: the shared filters as SQL, the table page, the histogram, map and network.

Every query reads non-duplicate events (``events.dup = 0``) and, unless the
polarity filter says otherwise, asserted ones. Pages are keyset-paginated on
``(day, pk)`` newest first, through the ``events_*`` indexes, so page 1,000
costs what page 1 costs. Counts stop at ``COUNT_CAP``. Histograms, counts,
the map and the network read the aggregates the store keeps at ingest when
the filters allow (facets.py); ``direct=True`` makes them read the events
table instead (what the tests compare them with).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from ..query import find_actors
from ..store.aggregates import counts as kept_counts
from . import facets
from .db import BUDGET_MS, QueryTooSlow, ReadOnlyStore, Row
from .filters import EVENT_KEYS, Filters, decode_cursor, encode_cursor

PAGE = 50
COUNT_CAP = 10_000
COUNT_MS = 300
_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
EVENT_COLUMNS = (
    "e.article_id || '~' || e.id AS id, e.day, e.date, e.type, e.mode, e.cameo, e.source_cid, cs.name AS source,"
    " e.target_cid, ct.name AS target, e.source_country, e.target_country, e.negated, e.hypothetical,"
    " round(e.confidence, 2) AS confidence, e.trigger_text AS trigger, e.article_id, a.title, a.outlet,"
    f" a.published, {_SENTENCE} AS sentence, e.trigger_start - e.sentence_start AS trigger_at,"
    " e.trigger_end - e.sentence_start AS trigger_to")
EXPORT_COLUMNS = ["id", "day", "date", "type", "mode", "cameo", "source", "target", "source_country",
                  "target_country", "negated", "hypothetical", "confidence", "trigger", "article_id", "title",
                  "outlet", "published", "sentence"]


def actor_ids(store: ReadOnlyStore, value: str) -> list[int]:
    """Corpus actor ids for ``actor=``: a number is an id, anything else a name (as the CLI matches)."""
    if value.isdigit():
        return [int(value)]
    return find_actors(SimpleNamespace(conn=store.conn()), value)


def _in(ids: list[int]) -> str:
    return f"({', '.join(str(int(i)) for i in ids) or 'NULL'})"


def where(store: ReadOnlyStore, f: Filters) -> tuple[list[str], list[Any], list[tuple[str, str]]]:
    """SQL conditions on ``events e`` for the filters: (all-of, params, either-side pairs)."""
    conds, params = ["e.dup = 0"], []
    if f.polarity != "all":
        conds.append(f"e.negated = {1 if f.polarity == 'negated' else 0}")
    for cond, value in (("e.type = ?", f.type), ("e.cameo LIKE ? || '%'", f.cameo),
                        ("e.day >= ?", f.date_from), ("e.day <= ?", f.date_to),
                        ("e.confidence >= ?", float(f.min_conf) if f.min_conf else None),
                        ("e.article_id IN (SELECT id FROM articles WHERE outlet = ?)", f.outlet or None)):
        if value:
            conds.append(cond)
            params.append(value)
    if f.place:
        conds.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = e.article_id AND p.idx = e.place"
                     " AND (p.name = ? COLLATE NOCASE OR p.country = ?))")
        params += [f.place, f.place.upper()]
    for role in ("source", "target"):
        if f.get(role):
            conds.append(f"e.{role}_cid IN {_in(actor_ids(store, f.get(role)))}")
    either: list[tuple[str, str]] = []
    if f.actor:
        ids = _in(actor_ids(store, f.actor))
        either.append((f"e.source_cid IN {ids}", f"e.target_cid IN {ids}"))
    if f.country:
        c = f.country.replace("'", "")
        either.append((f"e.source_country = '{c}'", f"e.target_country = '{c}'"))
    if f.sector:
        sub = f"(SELECT id FROM corpus_actors WHERE sector = '{f.sector}')"
        either.append((f"e.source_cid IN {sub}", f"e.target_cid IN {sub}"))
    return conds, params, either


def _flat(conds: list[str], either: list[tuple[str, str]]) -> str:
    return " AND ".join(conds + [f"({s} OR {t})" for s, t in either])


def _wheres(conds: list[str], params: list[Any], either: list[tuple[str, str]]) -> list[tuple[str, list[Any]]]:
    """Disjoint WHERE clauses whose union is the filter: one per side for a single either-pair
    (each side then reads its own index instead of an OR over the whole table)."""
    if len(either) != 1:
        return [(_flat(conds, either), params)]
    s, t = either[0]
    return [(" AND ".join(conds + [s]), params), (" AND ".join(conds + [t, f"NOT coalesce({s}, 0)"]), params)]


def grouped(store: ReadOnlyStore, f: Filters, select: str, group: str, *, joins: str = "",
            extra: str = "", ms: int = BUDGET_MS) -> list[Row]:
    """``SELECT {select}, count(*) AS n FROM events e {joins} WHERE <filters> GROUP BY {group}``, summed over sides."""
    conds, params, either = where(store, f)
    keys = [k.strip() for k in group.split(",")]
    out: dict[tuple, Row] = {}
    for w, p in _wheres(conds, params, either):
        for r in store.rows(f"SELECT {select}, count(*) AS n FROM events e {joins} WHERE {w} {extra}"
                            f" GROUP BY {group}", p, ms=ms):
            key = tuple(r[k.split(".")[-1]] for k in keys)
            if key in out:
                out[key]["n"] += r["n"]
            else:
                out[key] = r
    return list(out.values())


def page(store: ReadOnlyStore, f: Filters, *, limit: int = PAGE) -> tuple[list[Row], str | None]:
    """One page of events, newest first, and the cursor of the next page (None at the end)."""
    conds, params, either = where(store, f)
    keyset, kparams = [], []
    if f.after:
        day, pk = decode_cursor(f.after, 2)
        if day:
            keyset = ["(e.day < ? OR (e.day = ? AND e.pk < ?) OR e.day IS NULL)"]
            kparams = [day, day, int(pk)]
        else:
            keyset, kparams = ["(e.day IS NULL AND e.pk < ?)"], [int(pk)]
    order = "ORDER BY e.day DESC, e.pk DESC LIMIT ?"
    if len(either) == 1:  # one ordered, limited scan per side, merged: fast for the busiest actor
        sides = [f"SELECT * FROM (SELECT e.pk, e.day FROM events e WHERE "
                 f"{' AND '.join(conds + keyset + [either[0][side]])} {order})" for side in (0, 1)]
        sql = f"SELECT pk, day FROM ({' UNION '.join(sides)}) e {order}"
        args = [*params, *kparams, limit + 1] * 2 + [limit + 1]
    else:
        sql = f"SELECT e.pk, e.day FROM events e WHERE {_flat(conds + keyset, either)} {order}"
        args = [*params, *kparams, limit + 1]
    found = store.rows(sql, args)
    more = len(found) > limit
    found = found[:limit]
    rows = by_pks(store, [r["pk"] for r in found])
    cursor = encode_cursor(found[-1]["day"], found[-1]["pk"]) if more else None
    return rows, cursor


def by_pks(store: ReadOnlyStore, pks: list[int]) -> list[Row]:
    return store.rows(f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                      " LEFT JOIN corpus_actors cs ON cs.id = e.source_cid LEFT JOIN corpus_actors ct"
                      f" ON ct.id = e.target_cid WHERE e.pk IN {_in(pks)} ORDER BY e.day DESC, e.pk DESC")


def count(store: ReadOnlyStore, f: Filters, *, direct: bool = False) -> tuple[int | None, bool]:
    """(matching events, capped?): exact from the aggregates when they cover the filters; otherwise
    counting stops at ``COUNT_CAP`` or after ``COUNT_MS`` (then ``(None, True)``: the page says
    "many" rather than wait)."""
    p = None if direct else facets.plan(store, f, facets.DAY_FILTERS)
    if p is not None:
        n = facets.total(store, p)
    else:
        n = 0
        try:
            for w, params in _wheres(*where(store, f)):  # disjoint sides, each through its own index
                n += store.one(f"SELECT count(*) AS n FROM (SELECT 1 FROM events e WHERE {w}"
                               f" LIMIT {COUNT_CAP + 1 - n})", params, ms=COUNT_MS)["n"]
                if n > COUNT_CAP:
                    break
        except QueryTooSlow:
            return None, True
    return min(n, COUNT_CAP), n > COUNT_CAP


# -- periods ---------------------------------------------------------------------------
def as_date(day: str) -> dt.date | None:
    """A YYYY-MM-DD day as SQLite's date functions read it: a day past the month's end runs into
    the next month ('2006-06-31' is 1 July), as an old store may hold; None if not a day at all."""
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        try:
            y, m, d = map(int, day.split("-"))
            return dt.date(y, m, 1) + dt.timedelta(days=d - 1) if 1 <= d <= 31 else None
        except ValueError:
            return None


def period_of(day: str, period: str) -> str | None:
    """The period a YYYY-MM-DD day falls in: the day, its ISO week's Monday, YYYY-MM or YYYY."""
    if period == "year":
        return day[:4]
    if period == "month":
        return day[:7] if len(day) >= 7 else None
    if len(day) < 10:
        return None
    if period == "week":
        d = as_date(day)
        return (d - dt.timedelta(days=d.weekday())).isoformat() if d else None
    return day


def period_range(key: str, period: str) -> tuple[str, str]:
    """The from/to filter values that select one period."""
    if period == "week":
        d = dt.date.fromisoformat(key)
        return key, (d + dt.timedelta(days=6)).isoformat()
    return key, key


def auto_period(days: list[str]) -> str:
    full = sorted(d for d in (as_date(d) for d in days if d and len(d) >= 10) if d)
    if not full:
        return "year"
    span = (full[-1] - full[0]).days
    return "day" if span <= 120 else "week" if span <= 730 else "month" if span <= 365 * 15 else "year"


def histogram(day_type: list[Row], period: str) -> list[Row]:
    """Rows of (period, type, count) from (day, type, n) rows."""
    out: Counter = Counter()
    for r in day_type:
        key = period_of(r["day"] or "", period)
        if key:
            out[key, r["type"]] += r["n"]
    return [{"period": p, "type": t, "count": n} for (p, t), n in sorted(out.items())]


def day_type_counts(store: ReadOnlyStore, f: Filters) -> list[Row]:
    """Matching events per (day, type), from the events table."""
    return grouped(store, f, "e.day AS day, e.type AS type", "day, type", extra="AND e.day IS NOT NULL")


def timeline(store: ReadOnlyStore, f: Filters, *, direct: bool = False) -> tuple[str, list[Row]]:
    """(period, rows of (period, type, count)): ``f.period``, else one that suits the span of the
    matching events (auto_period)."""
    p = None if direct else facets.plan(store, f, facets.DAY_FILTERS)
    if p is None:
        day_type = day_type_counts(store, f)
        period = f.period or auto_period([r["day"] for r in day_type])
        return period, histogram(day_type, period)
    period = f.period or auto_period(list(facets.span(store, p) or ()))
    return period, facets.histogram(store, p, period)


def next_period(key: str, period: str) -> str:
    """The period after ``key`` (a day, a week's Monday, YYYY-MM or YYYY)."""
    if period == "year":
        return str(int(key) + 1)
    if period == "month":
        y, m = map(int, key.split("-"))
        return f"{y + m // 12}-{m % 12 + 1:02d}"
    return (as_date(key) + dt.timedelta(days=7 if period == "week" else 1)).isoformat()


#: At most this many bars are drawn (about one per pixel of the SVG); a longer span is drawn by a
#: coarser period (days by week, weeks by month, months by year), and the caption says so.
MAX_BARS = 1000
COARSER = {"day": "week", "week": "month", "month": "year"}


def every_period(keys: list[str], period: str, limit: int = MAX_BARS) -> list[str] | None:
    """Every period from the first of ``keys`` to the last, so a quiet stretch is a zero bar;
    None when that is more than ``limit`` periods."""
    if not keys:
        return []
    out, key, last = [], min(keys), max(keys)
    while key <= last:
        if len(out) == limit:
            return None
        out.append(key)
        key = next_period(key, period)
    return out


def bars(hist: list[Row], period: str, f: Filters, *, width: int = 960, height: int = 120) -> dict:
    """An SVG histogram (one link per period, a zero bar for a period without events) from
    histogram rows: no JavaScript needed."""
    totals: Counter = Counter()
    for r in hist:  # (a day past its month's end is drawn where SQLite puts it)
        day = as_date(r["period"]) if period == "day" else None
        totals[day.isoformat() if day else r["period"]] += r["count"]
    asked, given = period, totals
    keys = every_period(list(totals), period)
    while keys is None and period in COARSER:  # too many to draw: regroup by the next period up
        period = COARSER[period]
        totals = Counter()
        for key, n in given.items():
            totals[period_of(key, period)] += n
        keys = every_period(list(totals), period)
    keys = keys if keys is not None else sorted(totals)
    top = max(totals.values(), default=0)
    step = width / max(len(keys), 1)
    pairs = f.pairs(EVENT_KEYS)  # each bar's link: these filters with its from/to, in canonical order
    before = [kv for kv in pairs if EVENT_KEYS.index(kv[0]) < EVENT_KEYS.index("from")]
    after = [kv for kv in pairs if EVENT_KEYS.index(kv[0]) > EVENT_KEYS.index("to")]
    out = []
    for i, key in enumerate(keys):
        lo, hi = period_range(key, period)
        n = totals.get(key, 0)
        h = max(1.0, height * n / top) if n else 1.0  # a zero bar is a 1-pixel baseline mark
        out.append({"key": key, "count": n, "x": round(i * step, 2), "w": round(max(step - 1, 1), 2),
                    "y": round(height - h, 2), "h": round(h, 2), "from": lo, "to": hi, "zero": not n,
                    "href": "/events?" + urlencode(before + [("from", lo), ("to", hi)] + after)})
    return {"bars": out, "width": width, "height": height, "period": period, "asked": asked, "max": top}


# -- the overview ------------------------------------------------------------------------------
TOTALS = ("articles", "events", "events_all", "negated", "hypothetical", "partial", "low_confidence", "quotes",
          "claims", "places")


def overview(store: ReadOnlyStore) -> dict:
    """Totals, data quality, types, outlets, top actors and skipped inputs: index reads of the
    aggregates the store keeps (``counts``, the ``corpus_actors`` counters)."""
    with store.budget() as conn:
        kept = dict(kept_counts(conn, "total"))
        totals = {k: kept.get(k, 0) for k in TOTALS}
        totals["duplicates"] = conn.execute("SELECT count(*) FROM articles INDEXED BY articles_duplicate_of"
                                            " WHERE duplicate_of IS NOT NULL").fetchone()[0]
        totals["actors"] = conn.execute("SELECT count(*) FROM corpus_actors WHERE articles > 0").fetchone()[0]
        totals["skipped"] = conn.execute("SELECT count(*) FROM skipped").fetchone()[0]
        return {
            "totals": totals,
            "types": _top(kept_counts(conn, "event_type")),
            "outlets": _top(kept_counts(conn, "outlet"))[:10],
            "actors": [dict(r) for r in conn.execute(
                "SELECT id, name, country, sector, events_as_source + events_as_target AS count FROM corpus_actors"
                " WHERE kind != 'unnamed' ORDER BY events_as_source + events_as_target DESC, mentions DESC, id LIMIT 10")],
            "skipped": [dict(r) for r in conn.execute(
                "SELECT kind AS key, count(*) AS count FROM skipped GROUP BY kind ORDER BY count DESC, kind")],
        }


def total(store: ReadOnlyStore, key: str) -> int:
    """One of the store's kept totals (``TOTALS``)."""
    row = store.one("SELECT n FROM counts WHERE grp = 'total' AND key = ? AND null_key = 0", [key])
    return row["n"] if row else 0


def _top(rows: list[tuple[str | None, int]]) -> list[Row]:
    """(key, count) rows, most first (equal counts in key order)."""
    return [{"key": k, "count": n} for k, n in sorted(rows, key=lambda kn: -kn[1])]


# -- map and network -----------------------------------------------------------------------
def map_counts(store: ReadOnlyStore, f: Filters, *, places: int = 300, direct: bool = False) -> dict:
    """Events per country (of the event's place, else of its source) and per geocoded place."""
    p = None if direct else facets.plan(store, f, facets.PLACE_FILTERS)
    if p is not None:
        rows = [(r["country"] or None, r["place"] or None, r["lat"], r["lon"], r["n"]) for r in facets.places(store, p)]
    else:
        # aliases unlike any column: GROUP BY reads a bare name as a column of the joined tables first
        rows = [(r["m_country"], r["m_name"] if r["m_lat"] is not None and r["m_lon"] is not None else None, r["m_lat"],
                 r["m_lon"], r["n"]) for r in grouped(
                     store, f, "coalesce(p.country, e.source_country) AS m_country, p.name AS m_name, p.lat AS m_lat,"
                     " p.lon AS m_lon", "m_country, m_name, m_lat, m_lon",
                     joins="LEFT JOIN places p ON p.article_id = e.article_id AND p.idx = e.place")]
    countries: Counter = Counter()
    points: Counter = Counter()
    for country, name, lat, lon, n in rows:
        if country:
            countries[country] += n
        if name:
            points[name, country, lat, lon] += n
    pts = sorted(points.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1] or "", kv[0][2], kv[0][3]))
    return {"countries": [{"country": c, "numeric": _numeric(c), "count": n}
                          for c, n in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))],
            "places": [{"name": k[0], "country": k[1], "lat": k[2], "lon": k[3], "count": n} for k, n in pts[:places]]}


def _numeric(alpha3: str) -> str | None:
    """ISO numeric code (the world-atlas feature id) of an alpha-3 code."""
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3)
    return found.numeric if found else None


def graph(store: ReadOnlyStore, f: Filters, *, top: int = 60, direct: bool = False) -> dict:
    """Source → target edges weighted by event count, the ``top`` heaviest, with their actors."""
    if f.active() == [("actor", f.actor)]:  # an ego network: the relations aggregate, both directions
        ids = _in(actor_ids(store, f.actor))
        edges = store.rows(
            "SELECT s, t, sum(n) AS n FROM (SELECT source_cid AS s, target_cid AS t, count AS n FROM relations"
            f" WHERE source_cid IN {ids} UNION ALL SELECT source_cid, target_cid, count FROM relations"
            f" WHERE target_cid IN {ids} AND source_cid NOT IN {ids}) WHERE s != t GROUP BY s, t"
            " ORDER BY n DESC, s, t LIMIT ?", [top])
    elif not f.has_event_filters() and not direct:  # pairs summed over types, kept at ingest
        edges = store.rows("SELECT source_cid AS s, target_cid AS t, count AS n FROM relation_pairs"
                           " WHERE source_cid != target_cid ORDER BY count DESC, source_cid, target_cid LIMIT ?", [top])
    else:
        edges = grouped(store, f, "e.source_cid AS s, e.target_cid AS t", "s, t",
                        extra="AND e.source_cid IS NOT NULL AND e.target_cid IS NOT NULL AND e.source_cid != e.target_cid")
        edges = sorted(edges, key=lambda e: (-e["n"], e["s"], e["t"]))[:top]
    ids = sorted({e["s"] for e in edges} | {e["t"] for e in edges})
    nodes = store.rows(f"SELECT id, name, country, sector FROM corpus_actors WHERE id IN {_in(ids)}")
    return {"nodes": nodes, "edges": [{"source": e["s"], "target": e["t"], "count": e["n"]} for e in edges]}
