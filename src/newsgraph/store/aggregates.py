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
