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


def groups(conn: sqlite3.Connection, article_id: str) -> list[Group]:
    """The (source, target, type) groups an article's events belong to."""
    return [tuple(r) for r in conn.execute(
        "SELECT DISTINCT source_cid, target_cid, type FROM events WHERE article_id = ?"
        " AND source_cid IS NOT NULL AND target_cid IS NOT NULL", (article_id,))]


def refresh_relations(conn: sqlite3.Connection, touched: list[Group]) -> None:
    """Recount each group from ``events``; a group with no events left is removed."""
    for s, t, kind in touched:
        n, first, last = conn.execute(
            "SELECT count(*), min(day), max(day) FROM events WHERE source_cid = ? AND target_cid = ?"
            " AND type = ? AND dup = 0 AND negated = 0", (s, t, kind)).fetchone()
        if n:
            conn.execute("INSERT OR REPLACE INTO relations VALUES (?, ?, ?, ?, ?, ?)", (s, t, kind, n, first, last))
        else:
            conn.execute("DELETE FROM relations WHERE source_cid = ? AND target_cid = ? AND type = ?", (s, t, kind))


# -- the counts `newsgraph stats` shows ------------------------------------------------------
#
# Rows (grp, key, null_key, n) of table ``counts``: ('total', 'articles' | 'events' | 'quotes'),
# ('day', published), ('outlet', outlet), ('event_type', type). A missing date or outlet is
# key '' with null_key 1, so that the primary key never holds a NULL (an upsert would not
# find it). Kept by :func:`adjust` for canonical articles, like the actor counters; a group
# row that falls to 0 is removed.

_COUNT_ROWS = """
INSERT INTO counts(grp, key, null_key, n)
SELECT 'total', 'articles', 0, :sign
UNION ALL SELECT 'day', coalesce(published, ''), published IS NULL, :sign FROM articles WHERE id = :id
UNION ALL SELECT 'outlet', coalesce(outlet, ''), outlet IS NULL, :sign FROM articles WHERE id = :id
UNION ALL SELECT 'total', 'events', 0, :sign * count(*) FROM events WHERE article_id = :id AND negated = 0
UNION ALL SELECT 'event_type', type, 0, :sign * count(*) FROM events WHERE article_id = :id AND negated = 0
          GROUP BY type
UNION ALL SELECT 'total', 'quotes', 0, :sign * count(*) FROM quotes WHERE article_id = :id
ON CONFLICT (grp, key, null_key) DO UPDATE SET n = n + excluded.n
"""


def adjust_counts(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    """Add (+1) or remove (-1) one canonical article's contribution to ``counts``."""
    conn.execute(_COUNT_ROWS, {"sign": sign, "id": article_id})
    conn.execute("DELETE FROM counts WHERE n = 0 AND grp <> 'total'")


def rebuild_counts(conn: sqlite3.Connection) -> None:
    """Recount ``counts`` from the record tables (a migration, or a bulk load that bypassed
    :func:`adjust`): the same figures the stats queries computed by scanning."""
    conn.execute("DELETE FROM counts")
    conn.execute(
        "INSERT INTO counts(grp, key, null_key, n)"
        " SELECT 'total', 'articles', 0, count(*) FROM articles WHERE duplicate_of IS NULL"
        " UNION ALL SELECT 'total', 'events', 0, count(*) FROM events WHERE dup = 0 AND negated = 0"
        " UNION ALL SELECT 'total', 'quotes', 0, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
        "           WHERE a.duplicate_of IS NULL"
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
