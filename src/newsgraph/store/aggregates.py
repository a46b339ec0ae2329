"""Corpus-level aggregates kept up to date inside the writer's transaction.

Counting a busy actor's events, names or relations at query time means
scanning a hundred thousand rows; keeping the sums as articles come and go
makes every profile one indexed read. Additive sums (counters, forms) are
adjusted by ±1 per article; relations carry first/last dates, which cannot
be un-added, so each touched (source, target, type) group is recounted
from ``events`` through the ``events_pair`` index. Near-duplicates and
negated events are left out of relations; duplicates out of every sum.
"""

from __future__ import annotations

import sqlite3

Group = tuple[int, int, str]


def adjust(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    """Add (sign=+1) or remove (-1) one article's contribution to counters and forms."""
    conn.execute(
        "UPDATE corpus_actors SET articles = articles + ?, mentions = mentions + ? * (SELECT count(*)"
        " FROM mentions m JOIN actors a ON a.article_id = m.article_id AND a.id = m.actor_id"
        " WHERE a.article_id = ? AND a.corpus_actor_id = corpus_actors.id)"
        " WHERE id IN (SELECT corpus_actor_id FROM actors WHERE article_id = ?)",
        (sign, sign, article_id, article_id))
    for role in ("source", "target"):
        conn.execute(
            f"UPDATE corpus_actors SET events_as_{role} = events_as_{role} + ? * (SELECT count(*)"
            f" FROM events e WHERE e.article_id = ? AND e.{role}_cid = corpus_actors.id)"
            f" WHERE id IN (SELECT {role}_cid FROM events WHERE article_id = ?)",
            (sign, article_id, article_id))
    for field in ("name", "title"):
        conn.execute(
            f"INSERT INTO actor_forms(corpus_actor_id, field, value, count) SELECT corpus_actor_id, '{field}',"
            f" {field}, ? * count(*) FROM actors WHERE article_id = ? AND corpus_actor_id IS NOT NULL"
            f" AND {field} IS NOT NULL GROUP BY corpus_actor_id, {field}"
            " ON CONFLICT DO UPDATE SET count = count + excluded.count", (sign, article_id))
    conn.execute("DELETE FROM actor_forms WHERE count <= 0")
    adjust_counts(conn, article_id, sign)
    adjust_facets(conn, article_id, sign)


def groups(conn: sqlite3.Connection, article_id: str) -> list[Group]:
    """The (source, target, type) groups an article's events belong to."""
    return [tuple(r) for r in conn.execute(
        "SELECT DISTINCT source_cid, target_cid, type FROM events WHERE article_id = ?"
        " AND source_cid IS NOT NULL AND target_cid IS NOT NULL", (article_id,))]


def refresh_relations(conn: sqlite3.Connection, touched: list[Group]) -> None:
    """Recount each group from ``events``, and each pair's sum over types; a group or pair with
    no events left is removed."""
    for s, t, kind in touched:
        n, first, last = conn.execute(
            "SELECT count(*), min(day), max(day) FROM events WHERE source_cid = ? AND target_cid = ?"
            " AND type = ? AND dup = 0 AND negated = 0", (s, t, kind)).fetchone()
        if n:
            conn.execute("INSERT OR REPLACE INTO relations VALUES (?, ?, ?, ?, ?, ?)", (s, t, kind, n, first, last))
        else:
            conn.execute("DELETE FROM relations WHERE source_cid = ? AND target_cid = ? AND type = ?", (s, t, kind))
    for s, t in sorted({(s, t) for s, t, _ in touched}):
        conn.execute("DELETE FROM relation_pairs WHERE source_cid = ? AND target_cid = ?", (s, t))
        conn.execute("INSERT INTO relation_pairs SELECT source_cid, target_cid, sum(count) FROM relations"
                     " WHERE source_cid = ? AND target_cid = ? GROUP BY source_cid, target_cid", (s, t))


# -- the counts `newsgraph stats` shows ------------------------------------------------------
#
# Rows (grp, key, null_key, n) of table ``counts``: ('total', 'articles' | 'events' | 'quotes' |
# 'claims' | 'places' | 'events_all' | 'negated' | 'hypothetical' | 'partial' | 'low_confidence'),
# ('day', published), ('outlet', outlet), ('event_type', type). A missing date or outlet is
# key '' with null_key 1, so that the primary key never holds a NULL (an upsert would not
# find it). Kept by :func:`adjust` for canonical articles, like the actor counters; a group
# row that falls to 0 is removed.

#: Totals of every event (either polarity) of canonical articles, for the data-quality panel.
_EVENT_TOTALS = {"events_all": "count(*)", "negated": "sum(negated)", "hypothetical": "sum(hypothetical)",
                 "partial": "sum(source_cid IS NULL OR target_cid IS NULL)", "low_confidence": "sum(confidence < 0.5)"}


def _totals(sign: str, events: str, items: str) -> str:
    """SELECTs of the ('total', key) rows after articles: events (``events`` is a WHERE clause on
    ``events``), quotes, claims and places (``items`` one on the item table ``x``)."""
    out = [f" UNION ALL SELECT 'total', 'events', 0, {sign} * count(*) FROM events WHERE {events} AND negated = 0"]
    out += [f" UNION ALL SELECT 'total', '{key}', 0, {sign} * coalesce({expr}, 0) FROM events WHERE {events}"
            for key, expr in _EVENT_TOTALS.items()]
    out += [f" UNION ALL SELECT 'total', '{t}', 0, {sign} * count(*) FROM {t} x WHERE {items}"
            for t in ("quotes", "claims", "places")]
    return "".join(out)


_COUNT_ROWS = (
    "INSERT INTO counts(grp, key, null_key, n) SELECT 'total', 'articles', 0, :sign"
    + _totals(":sign", "article_id = :id", "x.article_id = :id") +
    " UNION ALL SELECT 'day', coalesce(published, ''), published IS NULL, :sign FROM articles WHERE id = :id"
    " UNION ALL SELECT 'outlet', coalesce(outlet, ''), outlet IS NULL, :sign FROM articles WHERE id = :id"
    " UNION ALL SELECT 'event_type', type, 0, :sign * count(*) FROM events WHERE article_id = :id AND negated = 0"
    "           GROUP BY type"
    " ON CONFLICT (grp, key, null_key) DO UPDATE SET n = n + excluded.n")


def adjust_counts(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    """Add (+1) or remove (-1) one canonical article's contribution to ``counts``."""
    conn.execute(_COUNT_ROWS, {"sign": sign, "id": article_id})
    conn.execute("DELETE FROM counts WHERE n = 0 AND grp <> 'total'")


def rebuild_counts(conn: sqlite3.Connection) -> None:
    """Recount ``counts`` from the record tables (a migration, or a bulk load that bypassed
    :func:`adjust`): the same figures the stats queries computed by scanning."""
    conn.execute("DELETE FROM counts")
    canonical = "x.article_id IN (SELECT id FROM articles WHERE duplicate_of IS NULL)"
    conn.execute(
        "INSERT INTO counts(grp, key, null_key, n)"
        " SELECT 'total', 'articles', 0, count(*) FROM articles WHERE duplicate_of IS NULL"
        + _totals("1", "dup = 0", canonical) +
        " UNION ALL SELECT 'day', coalesce(published, ''), published IS NULL, count(*) FROM articles"
        "           WHERE duplicate_of IS NULL GROUP BY published"
        " UNION ALL SELECT 'outlet', coalesce(outlet, ''), outlet IS NULL, count(*) FROM articles"
        "           WHERE duplicate_of IS NULL GROUP BY outlet"
        " UNION ALL SELECT 'event_type', type, 0, count(*) FROM events WHERE dup = 0 AND negated = 0"
        "           GROUP BY type")


def counts(conn: sqlite3.Connection, grp: str) -> list[tuple[str | None, int]]:
    """(key, count) rows of one group, in key order (a missing key first)."""
    return [(None if null else key, n) for key, null, n in conn.execute(
        "SELECT key, null_key, n FROM counts WHERE grp = ? ORDER BY null_key DESC, key", (grp,))]


# -- the web UI's facets and histograms ----------------------------------------------------------
#
# ``event_days``: the events of canonical articles by (cid, role, negated, day, type), for the
# whole store (cid 0, role 'all') and for each corpus actor as 'source', as 'target' (an event
# from an actor to itself is in both) and as 'self' (those events again, so that "either side"
# is source + target - self). A missing day is ''. ``event_months``: the same by month (the first
# seven characters of the day: a day of only a year stays a year), so a ten-year histogram reads
# 120 rows per type instead of 3,650. ``event_places``: the same events by
# map key: ``country`` is the event's place's country, else its source actor's ('' when neither);
# ``place``, ``lat``, ``lon`` the event's place when it has a name and coordinates, else '', 0, 0.

_ROLES = (("0", "'all'", "1"), ("e.source_cid", "'source'", "e.source_cid IS NOT NULL"),
          ("e.target_cid", "'target'", "e.target_cid IS NOT NULL"),
          ("e.source_cid", "'self'", "e.source_cid = e.target_cid"))
_POINT = "p.name IS NOT NULL AND p.name <> '' AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
#: table -> (key columns, their expressions after cid and role, joins)
FACETS = {
    "event_days": ("cid, role, negated, day, type", "e.negated, coalesce(e.day, ''), e.type", ""),
    "event_months": ("cid, role, negated, month, type", "e.negated, substr(coalesce(e.day, ''), 1, 7), e.type", ""),
    "event_places": ("cid, role, negated, country, place, lat, lon",
                     f"e.negated, coalesce(p.country, e.source_country, ''), CASE WHEN {_POINT} THEN p.name ELSE ''"
                     f" END, CASE WHEN {_POINT} THEN p.lat ELSE 0 END, CASE WHEN {_POINT} THEN p.lon ELSE 0 END",
                     "LEFT JOIN places p ON p.article_id = e.article_id AND p.idx = e.place"),
}


def _facet_rows(table: str, where: str, n: str | None) -> str:
    """The SELECT of ``table``'s keys (and ``n``, when given) over ``events e`` matching ``where``."""
    cols, exprs, joins = FACETS[table]
    k = len(cols.split(","))
    by = ", ".join(str(i) for i in range(1, k + 1))
    return " UNION ALL ".join(
        f"SELECT {cid}, {role}, {exprs}{', ' + n if n else ''} FROM events e {joins} WHERE {where} AND {cond}"
        f" GROUP BY {by}" for cid, role, cond in _ROLES)


def adjust_facets(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    """Add (+1) or remove (-1) one canonical article's events to ``event_days`` and ``event_places``;
    a row that falls to 0 is removed (only this article's keys are looked at)."""
    for table, (cols, _, _) in FACETS.items():
        conn.execute(f"INSERT INTO {table}({cols}, n) {_facet_rows(table, 'e.article_id = :id', ':sign * count(*)')}"
                     " ON CONFLICT DO UPDATE SET n = n + excluded.n", {"id": article_id, "sign": sign})
        if sign < 0:
            keys = conn.execute(_facet_rows(table, "e.article_id = :id", None), {"id": article_id}).fetchall()
            match = " AND ".join(f"{c.strip()} = ?" for c in cols.split(","))
            conn.executemany(f"DELETE FROM {table} WHERE n = 0 AND {match}", keys)


def rebuild_facets(conn: sqlite3.Connection) -> None:
    """Refill ``event_days``, ``event_places`` and ``relation_pairs`` from the record tables and
    ``relations`` (a migration, or a bulk load that bypassed :func:`adjust`)."""
    for table, (cols, _, _) in FACETS.items():
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table}({cols}, n) {_facet_rows(table, 'e.dup = 0', 'count(*)')}")
    conn.execute("DELETE FROM relation_pairs")
    conn.execute("INSERT INTO relation_pairs SELECT source_cid, target_cid, sum(count) FROM relations"
                 " GROUP BY source_cid, target_cid")
