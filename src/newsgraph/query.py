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
from .periods import MAX_LENGTH, filter_period, period_start  # noqa: F401 (period_start is public here)
from .codes import PLOVER_TYPES, SECTORS
from .store import Store
from .store.sqlite import day_ordinal
from .store.actors import FL, normalise

ACTOR_KINDS = ("person", "organization", "state", "group", "unnamed")

Row = dict[str, Any]
_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


class Rows(list):
    """A list of rows that also knows its column names (so an empty result still has a header)."""

    columns: list[str]

    def __init__(self, rows: Any = (), columns: list[str] | None = None) -> None:
        super().__init__(rows)
        self.columns = columns or (list(self[0]) if self else [])


def _rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> Rows:
    cur = conn.execute(sql, params)
    return Rows((dict(r) for r in cur), [d[0] for d in cur.description])


def text_arg(value: str | None, option: str) -> str | None:
    """A filter or search argument, refused when it is too long to be meant (SQLite would give up
    with "LIKE or GLOB pattern too complex")."""
    if value is not None and len(value) > MAX_LENGTH:
        raise InputError(f"the value is {len(value):,} characters long; at most {MAX_LENGTH:,} are accepted",
                         source=option)
    return value


def choice(value: str | None, valid: tuple[str, ...], option: str) -> str | None:
    """``value`` as one of ``valid`` whatever its case; anything else is an error listing them."""
    if value is None:
        return None
    for v in valid:
        if value.strip().casefold() == v.casefold():
            return v
    import difflib

    close = difflib.get_close_matches(value.strip().lower(), [v.lower() for v in valid], n=1)
    hint = f"did you mean {next(v for v in valid if v.lower() == close[0])}? " if close else ""
    raise InputError(f"{value[:40]!r} is not one of the values; {hint}use one of {', '.join(valid)}", source=option)


def country_code(value: str | None, option: str = "--country") -> str | None:
    """ISO alpha-3 from an alpha-3 or alpha-2 code or a country name, in any case ("usa", "US",
    "Russia", "belarus" …); an unknown one is an error."""
    if value is None:
        return None
    import pycountry

    text_arg(value, option)
    try:
        return pycountry.countries.lookup(value.strip()).alpha_3
    except LookupError:
        pass
    try:
        found = list(dict.fromkeys(c.alpha_3 for c in pycountry.countries.search_fuzzy(value.strip())))
    except LookupError:
        found = []
    if len(found) == 1:
        return found[0]
    hint = f"; did you mean {', '.join(found[:5])}?" if found else ""
    raise InputError(f"{value[:40]!r} is not a country newsgraph knows{hint} Use an ISO 3166 code (BLR, BY) "
                     "or an English name", source=option)


def _dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The first day of ``since`` and the last day of ``until`` (YYYY-MM-DD)."""
    return (filter_period(since, "--since")[0] if since else None,
            filter_period(until, "--until")[1] if until else None)


def find_actors(store: Store, name: str) -> list[int]:
    """Corpus actor ids that ``name`` can mean, best match first (most mentioned)."""
    text_arg(name, "actor name")
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


def search(store: Store, query: str, *, since: str | None = None, until: str | None = None,
           outlet: str | None = None, limit: int = 20, include_duplicates: bool = False) -> list[Row]:
    """Articles matching an FTS5 query, newest first, each with a snippet.

    The index's rowid is ``articles.sort_key`` (publication day, then pk), so
    "newest first" walks FTS5's rowid order backwards and stops at ``limit``;
    ``since``/``until`` become rowid bounds.
    """
    where, params = _search_where(store, query, since, until, outlet, include_duplicates)
    return _rows(store.conn, "SELECT a.id, a.title, a.published, a.outlet, a.url,"
                 " snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet FROM articles_fts"
                 f" JOIN articles a ON a.sort_key = articles_fts.rowid WHERE {' AND '.join(where)}"
                 " ORDER BY articles_fts.rowid DESC LIMIT ?", [*params, limit])


def count_search(store: Store, query: str, *, since: str | None = None, until: str | None = None,
                 outlet: str | None = None, include_duplicates: bool = False) -> int:
    """How many articles :func:`search` would return without a limit."""
    where, params = _search_where(store, query, since, until, outlet, include_duplicates)
    return store.conn.execute("SELECT count(*) FROM articles_fts JOIN articles a ON a.sort_key ="
                              f" articles_fts.rowid WHERE {' AND '.join(where)}", params).fetchone()[0]


def _search_where(store: Store, query: str, since: str | None, until: str | None, outlet: str | None,
                  include_duplicates: bool) -> tuple[list[str], list[Any]]:
    text_arg(query, "query")
    text_arg(outlet, "--outlet")
    first, last = _dates(since, until)
    where, params = ["articles_fts MATCH ?"], [_fts_query(store.conn, "articles_fts", query)]
    if first:
        where.append("articles_fts.rowid >= ?")
        params.append(max(1, day_ordinal(first)) << 32)
    if last:  # undated articles (day 0) are left out, as with --since
        where.append("articles_fts.rowid >= ? AND articles_fts.rowid < ?")
        params += [1 << 32, (day_ordinal(last) + 1) << 32]
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet.strip())
    if not include_duplicates:
        where.append("a.duplicate_of IS NULL")
    return where, params


_EVENT_COLUMNS = (
    "e.id AS event_id, e.day, e.date, e.type, e.mode, e.cameo, cs.name AS source, ct.name AS target,"
    " e.source_country, e.target_country, e.confidence, e.negated, e.hypothetical, e.trigger_text AS trigger,"
    f" e.article_id, a.title, a.published, {_SENTENCE} AS sentence")


def events(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           country: str | None = None, type: str | None = None, since: str | None = None,
           until: str | None = None, min_confidence: float | None = None, include_negated: bool = False,
           limit: int | None = 100) -> list[Row]:
    """Events matching every filter, newest first, each with its evidence sentence and article.

    ``since``/``until`` keep events whose day (``events.day``: YYYY, YYYY-MM or
    YYYY-MM-DD) overlaps the range; see ``newsgraph.periods``.
    """
    pks_sql, pks_params = _event_pks(store, actor=actor, source=source, target=target, country=country,
                                     type=type, since=since, until=until, min_confidence=min_confidence,
                                     include_negated=include_negated, limit=limit)
    pks = [r[0] for r in store.conn.execute(pks_sql, pks_params)]
    return _rows(store.conn, f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                 " LEFT JOIN corpus_actors cs ON cs.id = e.source_cid LEFT JOIN corpus_actors ct"
                 f" ON ct.id = e.target_cid WHERE e.pk IN {_in(pks)} ORDER BY e.day DESC, e.pk DESC")


def count_events(store: Store, **filters: Any) -> int:
    """How many events :func:`events` would return without a limit (same filters)."""
    sql, params = _event_pks(store, **{**filters, "limit": None})
    return store.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def _event_pks(store: Store, *, actor: str | None = None, source: str | None = None, target: str | None = None,
               country: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, min_confidence: float | None = None, include_negated: bool = False,
               limit: int | None = 100) -> tuple[str, list[Any]]:
    """SQL (and parameters) for the pks of matching events, newest first."""
    type = choice(type, PLOVER_TYPES, "--type")
    country = country_code(country)
    first, last = _dates(since, until)
    where: list[str] = [] if include_negated else ["e.negated = 0"]
    where.append("e.dup = 0")
    params: list[Any] = []
    for role, name in (("source", source), ("target", target)):
        if name:
            where.append(f"e.{role}_cid IN {_in(find_actors(store, name))}")
    # Overlap of the event's period with [first, last]. ``e.day`` (the narrowest YYYY[-MM[-DD]] covering
    # the event's date) narrows with the index; the period of the date itself (a week, a season) decides.
    if first:  # the day's period ends on or after `first`: a later day, or a year or month containing it
        where.append("(e.day >= ? OR e.day IN (?, ?)) AND coalesce(period_end(e.date), period_end(e.day)) >= ?")
        params += [first, first[:4], first[:7], first]
    if last:
        where.append("e.day <= ? AND coalesce(period_start(e.date), period_start(e.day)) <= ?")
        params += [last, last]
    for cond, value in (("e.type = ?", type), ("e.confidence >= ?", min_confidence)):
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
    return pks_sql, pks_params


def actors(store: Store, *, country: str | None = None, sector: str | None = None, kind: str | None = None,
           limit: int | None = 100) -> list[Row]:
    """Corpus actors with article, mention and event counts, most mentioned first."""
    where, params = _actor_where(country, sector, kind)
    return _rows(store.conn, "SELECT id, name, kind, country, sector, articles, mentions, events_as_source,"
                 " events_as_target, events_as_source + events_as_target AS events FROM corpus_actors"
                 f" WHERE {' AND '.join(where)} ORDER BY mentions DESC, id"
                 + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))


def count_actors(store: Store, *, country: str | None = None, sector: str | None = None,
                 kind: str | None = None) -> int:
    """How many actors :func:`actors` would return without a limit."""
    where, params = _actor_where(country, sector, kind)
    return store.conn.execute(f"SELECT count(*) FROM corpus_actors WHERE {' AND '.join(where)}", params).fetchone()[0]


def _actor_where(country: str | None, sector: str | None, kind: str | None) -> tuple[list[str], list[Any]]:
    where, params = ["1"], []
    for col, value in (("country", country_code(country)), ("sector", choice(sector, SECTORS, "--sector")),
                       ("kind", choice(kind, ACTOR_KINDS, "--kind"))):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    return where, params


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
    where, params = _quote_where(store, speaker, speaker_ids, text)
    return _rows(store.conn, "SELECT c.name AS speaker, q.speaker_text, q.text, q.kind, q.cue, q.article_id,"
                 " a.title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
                 " LEFT JOIN corpus_actors c ON c.id = q.speaker_corpus_id"
                 f" WHERE {' AND '.join(where)} ORDER BY q.published DESC, q.pk DESC"
                 + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))


def count_quotes(store: Store, *, speaker: str | None = None, text: str | None = None) -> int:
    """How many quotations :func:`quotes` would return without a limit."""
    where, params = _quote_where(store, speaker, None, text)
    return store.conn.execute(f"SELECT count(*) FROM quotes q WHERE {' AND '.join(where)}", params).fetchone()[0]


def _quote_where(store: Store, speaker: str | None, speaker_ids: list[int] | None,
                 text: str | None) -> tuple[list[str], list[Any]]:
    where, params = ["q.dup = 0"], []
    if speaker is not None:
        speaker_ids = find_actors(store, speaker)
    if speaker_ids is not None:
        where.append(f"q.speaker_corpus_id IN {_in(speaker_ids)}")
    if text:
        text_arg(text, "--search")
        where.append("q.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_fts_query(store.conn, "quotes_fts", text))
    return where, params


def timeline(store: Store, *, actor: str | None = None, since: str | None = None, until: str | None = None,
             limit: int | None = 500) -> list[Row]:
    """Events and dated time expressions in date order (oldest first).

    With ``actor``: its events, and the dates written in the articles it appears in.
    Dates come through the ``times(type, value)`` index (store schema 4).
    """
    rows = [{"date": r["day"], "item": "event", "type": r["type"],
             "what": f"{r['source'] or '?'} → {r['target'] or '?'}: {r['trigger']}",
             "article_id": r["article_id"], "title": r["title"], "evidence": r["sentence"]}
            for r in events(store, actor=actor, since=since, until=until, limit=limit)]
    where, params = ["t.type = 'DATE'", "a.duplicate_of IS NULL",
                     "t.value GLOB '[0-9][0-9][0-9][0-9]*'"], []
    first, last = _dates(since, until)  # a written date's period overlaps the range (newsgraph.periods)
    for cond, value in (("period_end(t.value) >= ?", first), ("period_start(t.value) <= ?", last)):
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
                 f" ON a.id = t.article_id WHERE {' AND '.join(where)}"
                 " ORDER BY t.value DESC"  # the index's order, so ``limit`` stops the walk; sorted by period below
                 + (" LIMIT ?" if limit else ""), params + ([limit] if limit else []))]
    rows.sort(key=lambda r: (period_start(r["date"]) or r["date"] or "", r["item"]))  # by each period's start
    return Rows(rows[-limit:] if limit else rows, ["date", "item", "type", "what", "article_id", "title", "evidence"])


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
