"""Questions to a store, each a function returning plain rows (dicts).

Every query leaves out near-duplicate articles (``articles.duplicate_of``
set, ``events.dup = 1``) so one story is never counted twice, and negated
events unless asked. Actor names are matched the way ingest merges them
(see ``store.actors``): folded variants, then first + last name, then
surname, then a substring of the canonical name. Limits are applied in SQL
with indexes that keep each query well under 100 ms on a million events
(``benchmarks/store_latency.py``).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from .errors import InputError
from .store import Store
from .store.sqlite import day_ordinal
from .store.actors import FL, normalise

Row = dict[str, Any]
_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


def _rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> list[Row]:
    return [dict(r) for r in conn.execute(sql, params)]


def find_actors(store: Store, name: str) -> list[int]:
    """Corpus actor ids that ``name`` can mean, best match first (most mentioned)."""
    conn, norm = store.conn, normalise(name)
    words = norm.split()
    order = "ORDER BY c.mentions DESC, c.id"
    tries = [("SELECT c.id FROM corpus_actor_names n JOIN corpus_actors c ON c.id = n.corpus_actor_id"
              f" WHERE n.norm = ? {order}", norm)]
    names_sql = ("SELECT c.id FROM corpus_actor_names n JOIN corpus_actors c ON"
                 f" c.id = n.corpus_actor_id WHERE n.norm = ? {order}")
    if len(words) > 2:
        tries.append((names_sql, f"{words[0]} {words[-1]}"))
    if len(words) == 2:
        tries.append((names_sql, FL + norm))
    if len(words) == 1:
        tries.append((f"SELECT c.id FROM corpus_actors c WHERE c.surname = ? {order}", words[0]))
    tries.append((f"SELECT c.id FROM corpus_actors c WHERE c.name LIKE ? ESCAPE '\\' {order} LIMIT 50",
                  "%" + re.sub(r"([%_\\])", r"\\\1", name.strip()) + "%"))
    for sql, arg in tries:
        ids = list(dict.fromkeys(r[0] for r in conn.execute(sql, (arg,))))
        if ids:
            return ids
    return []


def _in(ids: list[int]) -> str:
    return f"({', '.join(str(int(i)) for i in ids) or 'NULL'})"


def _fts_query(conn: sqlite3.Connection, table: str, query: str) -> str:
    """``query`` as FTS5 syntax if it parses, else each word as a quoted term."""
    try:
        conn.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1", (query,)).fetchall()
        return query
    except sqlite3.OperationalError:
        words = re.findall(r"\w+", query)
        if not words:
            raise InputError(f"nothing to search for in {query!r}; give one or more words") from None
        return " ".join('"' + w + '"' for w in words)


def _whole_date(value: str, *, end: bool) -> str:
    """YYYY or YYYY-MM as the first (or last) day it covers; a full date as it is."""
    import calendar

    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1] if end else 1
        return f"{value}-{last:02d}"
    return value


def search(store: Store, query: str, *, since: str | None = None, until: str | None = None,
           outlet: str | None = None, limit: int = 20, include_duplicates: bool = False) -> list[Row]:
    """Articles matching an FTS5 query, newest first, each with a snippet.

    The index's rowid is ``articles.sort_key`` (publication day, then pk), so
    "newest first" walks FTS5's rowid order backwards and stops at ``limit``;
    ``since``/``until`` become rowid bounds.
    """
    conn = store.conn
    where, params = ["articles_fts MATCH ?"], [_fts_query(conn, "articles_fts", query)]
    if since:
        where.append("articles_fts.rowid >= ?")
        params.append(max(1, day_ordinal(_whole_date(since, end=False))) << 32)
    if until:  # undated articles (day 0) are left out, as with --since
        where.append("articles_fts.rowid >= ? AND articles_fts.rowid < ?")
        params += [1 << 32, (day_ordinal(_whole_date(until, end=True)) + 1) << 32]
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if not include_duplicates:
        where.append("a.duplicate_of IS NULL")
    return _rows(conn, "SELECT a.id, a.title, a.published, a.outlet, a.url,"
                 " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet FROM articles_fts"
                 f" JOIN articles a ON a.sort_key = articles_fts.rowid WHERE {' AND '.join(where)}"
                 " ORDER BY articles_fts.rowid DESC LIMIT ?", [*params, limit])


_EVENT_COLUMNS = (
    "e.id AS event_id, e.day, e.date, e.type, e.mode, e.cameo, cs.name AS source, ct.name AS target,"
    " e.source_country, e.target_country, e.confidence, e.negated, e.hypothetical, e.trigger_text AS trigger,"
    f" e.article_id, a.title, a.published, {_SENTENCE} AS sentence")


def events(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           country: str | None = None, type: str | None = None, since: str | None = None,
           until: str | None = None, min_confidence: float | None = None, include_negated: bool = False,
           limit: int | None = 100) -> list[Row]:
    """Events matching every filter, newest first, each with its evidence sentence and article."""
    where: list[str] = [] if include_negated else ["e.negated = 0"]
    where.append("e.dup = 0")
    params: list[Any] = []
    for role, name in (("source", source), ("target", target)):
        if name:
            where.append(f"e.{role}_cid IN {_in(find_actors(store, name))}")
    for cond, value in (("e.type = ?", type.upper() if type else None), ("e.day >= ?", since),
                        ("e.day <= ?", until), ("e.confidence >= ?", min_confidence)):
        if value is not None:
            where.append(cond)
            params.append(value)
    either: list[tuple[str, str]] = []  # (source-side condition, target-side condition)
    if actor:
        ids = _in(find_actors(store, actor))
        either.append((f"e.source_cid IN {ids}", f"e.target_cid IN {ids}"))
    if country:
        either.append(("e.source_country = ?", "e.target_country = ?"))
    limit_sql = " LIMIT ?" if limit else ""
    lim = [limit] if limit else []
    if not either:
        pks_sql = f"SELECT e.pk FROM events e WHERE {' AND '.join(where) or '1'} ORDER BY e.day DESC, e.pk DESC{limit_sql}"
        pks_params = [*params, *lim]
    else:  # one indexed, ordered, limited scan per side, then merged: fast even for the busiest actor
        sides, pks_params = [], []
        for side in (0, 1):
            conds = where + [c[side] for c in either]
            sides.append(f"SELECT * FROM (SELECT e.pk, e.day FROM events e WHERE {' AND '.join(conds)}"
                         f" ORDER BY e.day DESC, e.pk DESC{limit_sql})")
            pks_params += [*params, *([country] if country else []), *lim]
        pks_sql = f"SELECT pk FROM ({' UNION '.join(sides)}) ORDER BY day DESC, pk DESC{limit_sql}"
        pks_params += lim
    pks = [r[0] for r in store.conn.execute(pks_sql, pks_params)]
    return _rows(store.conn, f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                 " LEFT JOIN corpus_actors cs ON cs.id = e.source_cid LEFT JOIN corpus_actors ct"
                 f" ON ct.id = e.target_cid WHERE e.pk IN {_in(pks)} ORDER BY e.day DESC, e.pk DESC")


def actors(store: Store, *, country: str | None = None, sector: str | None = None, kind: str | None = None,
           limit: int | None = 100) -> list[Row]:
    """Corpus actors with article, mention and event counts, most mentioned first."""
    where, params = ["1"], []
    for col, value in (("country", country), ("sector", sector), ("kind", kind)):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    return _rows(store.conn, "SELECT id, name, kind, country, sector, articles, mentions, events_as_source,"
                 " events_as_target, events_as_source + events_as_target AS events FROM corpus_actors"
                 f" WHERE {' AND '.join(where)} ORDER BY mentions DESC, id"
                 + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))


def actor_profile(store: Store, name: str, *, quotes_limit: int = 20) -> dict[str, Any]:
    """One actor: names and titles seen, who it acts on and who acts on it (by type), its quotations."""
    ids = find_actors(store, name)
    if not ids:
        raise InputError(f"no actor in the store matches {name!r}; `newsgraph actors` lists them")
    conn, cid = store.conn, ids[0]
    info = dict(conn.execute("SELECT id, name, kind, country, sector, articles, mentions, events_as_source,"
                             " events_as_target FROM corpus_actors WHERE id = ?", (cid,)).fetchone())
    relation = ("SELECT c.name AS {other}, r.type, r.count, r.first, r.last FROM relations r JOIN corpus_actors c"
                " ON c.id = r.{other}_cid WHERE r.{me}_cid = ? ORDER BY r.count DESC, c.name LIMIT 100")
    forms = ("SELECT value AS {field}, count FROM actor_forms WHERE corpus_actor_id = ? AND field = '{field}'"
             " ORDER BY count DESC, value LIMIT 20")
    return {
        **info,
        "names": [r["name"] for r in _rows(conn, forms.format(field="name"), (cid,))],
        "titles": _rows(conn, forms.format(field="title"), (cid,)),
        "acts_on": _rows(conn, relation.format(other="target", me="source"), (cid,)),
        "acted_on_by": _rows(conn, relation.format(other="source", me="target"), (cid,)),
        "quotes": quotes(store, speaker_ids=[cid], limit=quotes_limit),
        "other_matches": _rows(conn, f"SELECT id, name, country, sector FROM corpus_actors WHERE id IN {_in(ids[1:6])}"),
    }


def quotes(store: Store, *, speaker: str | None = None, speaker_ids: list[int] | None = None,
           text: str | None = None, limit: int | None = 100) -> list[Row]:
    """Quotations, newest first, with speaker, cue and article; ``text`` is an FTS5 query on the quote."""
    where, params = ["q.dup = 0"], []
    if speaker is not None:
        speaker_ids = find_actors(store, speaker)
    if speaker_ids is not None:
        where.append(f"q.speaker_corpus_id IN {_in(speaker_ids)}")
    if text:
        where.append("q.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_fts_query(store.conn, "quotes_fts", text))
    return _rows(store.conn, "SELECT c.name AS speaker, q.speaker_text, q.text, q.kind, q.cue, q.article_id,"
                 " a.title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
                 " LEFT JOIN corpus_actors c ON c.id = q.speaker_corpus_id"
                 f" WHERE {' AND '.join(where)} ORDER BY q.published DESC, q.pk DESC"
                 + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))


def timeline(store: Store, *, actor: str | None = None, since: str | None = None, until: str | None = None,
             limit: int | None = 500) -> list[Row]:
    """Events and dated time expressions in date order (oldest first).

    With ``actor``: its events, and the dates written in the articles it appears in.
    Dates come through the ``times(type, value)`` index (store schema 2).
    """
    rows = [{"date": r["day"], "item": "event", "type": r["type"],
             "what": f"{r['source'] or '?'} → {r['target'] or '?'}: {r['trigger']}",
             "article_id": r["article_id"], "title": r["title"], "evidence": r["sentence"]}
            for r in events(store, actor=actor, since=since, until=until, limit=limit)]
    where, params = ["t.type = 'DATE'", "a.duplicate_of IS NULL",
                     "t.value GLOB '[0-9][0-9][0-9][0-9]*'"], []
    for cond, value in (("t.value >= ?", since), ("t.value <= ?", until)):
        if value:
            where.append(cond)
            params.append(value)
    walk = "INDEXED BY times_date_value"  # dates newest first, stopping after ``limit``
    if actor:
        ids = _in(find_actors(store, actor))
        # An actor in few articles: read their dates and sort them. One in many: walk the dates
        # newest first and keep its own (a hit every N/n rows, ``limit`` hits), checking each
        # article's actors rather than listing the actor's articles first. The two cost about
        # the same where n² = limit × N (N articles in the store, n the actor's).
        n = store.conn.execute(f"SELECT count(*) FROM actors WHERE corpus_actor_id IN {ids}").fetchone()[0]
        total = store.conn.execute("SELECT n FROM counts WHERE grp = 'total' AND key = 'articles'").fetchone()
        if not limit or n * n < limit * (total[0] if total else 0):
            walk = ""
            where.append(f"t.article_id IN (SELECT article_id FROM actors WHERE corpus_actor_id IN {ids})")
        else:
            where.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = t.article_id"
                         f" AND x.corpus_actor_id IN {ids})")
    rows += [{"date": r["value"], "item": "date", "type": r["type"], "what": r["text"],
              "article_id": r["article_id"], "title": r["title"], "evidence": r["text"]}
             for r in store.conn.execute(
                 f"SELECT t.value, t.type, t.text, t.article_id, a.title FROM times t {walk} JOIN articles a"
                 f" ON a.id = t.article_id WHERE {' AND '.join(where)} ORDER BY t.value DESC"
                 + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))]
    rows.sort(key=lambda r: (r["date"] or "", r["item"]))
    return rows[-limit:] if limit else rows


def stats(store: Store, *, by_day_limit: int | None = None) -> list[Row]:
    """Counts by day, outlet and event type (rows of group, key, count), after totals.

    Read from the ``counts`` aggregate the writer keeps (store/aggregates.py): a
    few indexed reads however large the store, where counting scanned every event.
    """
    from .store import aggregates

    conn = store.conn
    kept = dict(aggregates.counts(conn, "total"))
    totals = [("articles", kept.get("articles", 0)),
              ("duplicates", conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]),
              ("corpus_actors", conn.execute("SELECT count(*) FROM corpus_actors WHERE articles > 0").fetchone()[0]),
              ("events", kept.get("events", 0)),
              ("quotes", kept.get("quotes", 0)),
              ("skipped", conn.execute("SELECT count(*) FROM skipped").fetchone()[0])]
    rows = [{"group": "total", "key": k, "count": n} for k, n in totals]
    for group in ("day", "outlet", "event_type"):
        found = aggregates.counts(conn, group)
        if group == "day" and by_day_limit:
            found = found[-by_day_limit:]
        elif group != "day":
            found.sort(key=lambda kn: -kn[1])  # stable: equal counts stay in key order
        rows += [{"group": group, "key": k, "count": n} for k, n in found]
    return rows
