"""The UI's queries for one article, one event, one actor, search and the quote, claim and place lists."""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..query import _fts_query
from . import events as ev
from .db import ReadOnlyStore, Row
from .filters import BadFilter, Filters, decode_cursor, encode_cursor
from .highlight import Span, segments

LAYERS = ("actors", "events", "quotes", "claims", "figures", "times", "places")
#: Private-use characters that mark FTS5 snippet matches before the snippet is escaped.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


class NotFound(LookupError):
    """No such article, event or actor."""


# -- article reader ---------------------------------------------------------------------------
def article(store: ReadOnlyStore, article_id: str) -> Row:
    row = store.one("SELECT id, title, author, published, outlet, url, language, text, duplicate_of,"
                    " similarity FROM articles WHERE id = ?", [article_id])
    if row is None:
        raise NotFound(f"no article with id {article_id!r} in this store")
    return row


def article_items(store: ReadOnlyStore, aid: str) -> dict[str, list[Row]]:
    """Every extracted item of one article, by layer, each with ``start``/``end``/``label``/``item``."""
    q = lambda sql: store.rows(sql, [aid])  # noqa: E731
    items: dict[str, list[Row]] = {}
    items["actors"] = [dict(r, label=f"{r['name']}" + (f" ({r['country'] or '?'}/{r['sector'] or '?'})"),
                            item=f"actor-{r['actor_id']}")
                       for r in q("SELECT m.start, m.\"end\", m.actor_id, a.name, a.country, a.sector,"
                                  " a.corpus_actor_id FROM mentions m JOIN actors a ON a.article_id = m.article_id"
                                  " AND a.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start")]
    items["events"] = [dict(r, label=f"{r['type']}: {r['source'] or '?'} → {r['target'] or '?'}"
                            + (" (negated)" if r["negated"] else "") + (" (hypothetical)" if r["hypothetical"] else ""),
                            item=f"event-{r['id']}")
                       for r in q("SELECT e.id, e.type, e.trigger_start AS start, e.trigger_end AS \"end\","
                                  " e.negated, e.hypothetical, sa.name AS source, ta.name AS target FROM events e"
                                  " LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source"
                                  " LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target"
                                  " WHERE e.article_id = ? ORDER BY e.trigger_start")]
    items["quotes"] = [dict(r, label=f"{r['speaker_text'] or 'unattributed'} ({r['kind']})", item=f"quote-{r['idx']}")
                       for r in q("SELECT idx, start, \"end\", kind, speaker_text FROM quotes WHERE article_id = ?"
                                  " ORDER BY start")]
    items["claims"] = [dict(r, label=(r["source_text"] or "unsourced") + (" (hedged)" if r["hedged"] else ""),
                            item=f"claim-{r['idx']}")
                       for r in q("SELECT idx, start, \"end\", source_text, hedged FROM claims WHERE article_id = ?"
                                  " ORDER BY start")]
    items["figures"] = [dict(r, label=f"{r['value']:g} {r['unit'] or ''} {r['about'] or ''}".strip(),
                             item=f"figure-{r['idx']}")
                        for r in q("SELECT idx, start, \"end\", value, unit, about FROM quantities"
                                   " WHERE article_id = ? ORDER BY start")]
    items["times"] = [dict(r, label=f"{r['type']} {r['value'] or ''}".strip(), item=f"time-{r['idx']}")
                      for r in q("SELECT idx, start, \"end\", type, value FROM times WHERE article_id = ? ORDER BY start")]
    items["places"] = [dict(r, label=f"{r['name']} ({r['country'] or '?'})", item=f"place-{r['idx']}")
                       for r in q("SELECT idx, start, \"end\", name, country FROM places WHERE article_id = ?"
                                  " ORDER BY start")]
    return items


def reader(store: ReadOnlyStore, aid: str, layers: list[str], hl: str = "") -> dict[str, Any]:
    art = article(store, aid)
    items = article_items(store, aid)
    spans = [Span(r["start"], r["end"], layer, r["item"], r["label"])
             for layer in layers for r in items[layer]]
    side = sorted(((r["start"], layer, r) for layer in layers for r in items[layer]), key=lambda t: (t[0], t[1]))
    dups = store.rows("SELECT id, title, outlet, published FROM articles INDEXED BY articles_duplicate_of"
                      " WHERE duplicate_of = ? ORDER BY pk LIMIT 50",
                      [aid])
    return {"article": art, "segments": segments(art["text"], spans), "side": side,
            "counts": {k: len(v) for k, v in items.items()}, "hl": f"event-{hl}" if hl else "", "dups": dups}


# -- event card -------------------------------------------------------------------------------
def event_card(store: ReadOnlyStore, key: str) -> dict[str, Any]:
    aid, _, eid = key.rpartition("~")
    e = store.one("SELECT e.*, cs.name AS source_name, ct.name AS target_name, cs.id AS source_cid,"
                  " ct.id AS target_cid FROM events e LEFT JOIN corpus_actors cs ON cs.id = e.source_cid"
                  " LEFT JOIN corpus_actors ct ON ct.id = e.target_cid WHERE e.article_id = ? AND e.id = ?",
                  [aid, eid])
    if e is None:
        raise NotFound(f"no event {key!r} in this store (event ids are ARTICLE~EVENT)")
    art = article(store, aid)
    spans = [Span(e["trigger_start"], e["trigger_end"], "trigger", "trigger", "event")]
    for role in ("source", "target"):
        if e[role]:
            spans += [Span(m["start"], m["end"], role, role, role) for m in store.rows(
                "SELECT start, \"end\" FROM mentions WHERE article_id = ? AND actor_id = ?", [aid, e[role]])]
    place = None
    if e["place"] is not None:
        place = store.one("SELECT start, \"end\", name, country, lat, lon FROM places WHERE article_id = ? AND idx = ?",
                          [aid, e["place"]])
        if place:
            spans.append(Span(place["start"], place["end"], "place", "place", "place"))
    if e["date"]:
        spans += [Span(t["start"], t["end"], "time", "time", "time") for t in store.rows(
            "SELECT start, \"end\" FROM times WHERE article_id = ? AND value = ?", [aid, e["date"]])]
    s0, s1 = e["sentence_start"], e["sentence_end"]
    return {"event": e, "article": art, "place": place, "sentence": segments(art["text"], spans, s0, s1),
            "roles": sorted({s.layer for s in spans if s.start < s1 and s.end > s0}),
            "others": same_event(store, e), "reprints": store.one(
                "SELECT count(*) AS n FROM articles INDEXED BY articles_duplicate_of WHERE duplicate_of = ?", [aid])["n"]}


def same_event(store: ReadOnlyStore, e: Row, limit: int = 20) -> list[Row]:
    """Other non-duplicate articles with an event of the same type between the same actors that day."""
    if e["source_cid"] is None and e["target_cid"] is None:
        return []
    return store.rows(
        f"SELECT {ev.EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN corpus_actors cs ON cs.id = e.source_cid LEFT JOIN corpus_actors ct ON ct.id = e.target_cid"
        " WHERE e.source_cid IS ? AND e.target_cid IS ? AND e.type = ? AND e.day IS ? AND e.dup = 0"
        " AND e.article_id != ? GROUP BY e.article_id ORDER BY a.published, a.pk LIMIT ?",
        [e["source_cid"], e["target_cid"], e["type"], e["day"], e["article_id"], limit])


# -- actor profile ------------------------------------------------------------------------------
def actor(store: ReadOnlyStore, cid: int) -> dict[str, Any]:
    info = store.one("SELECT * FROM corpus_actors WHERE id = ?", [cid])
    if info is None:
        raise NotFound(f"no actor {cid} in this store")
    forms = "SELECT value, count FROM actor_forms WHERE corpus_actor_id = ? AND field = ? ORDER BY count DESC LIMIT 20"
    by_month: dict[str | None, Row] = {}
    for r in store.rows("SELECT month, role, sum(n) AS n FROM event_months WHERE cid = ? AND role IN ('source', 'target')"
                        " AND negated = 0 GROUP BY month, role", [cid]):  # kept at ingest: ~120 rows a role
        month = r["month"] or None
        by_month.setdefault(month, {"month": month, "source": 0, "target": 0})[r["role"]] = r["n"]
    counterparts = top_counterparts(store, cid)
    return {
        "actor": info,
        "names": store.rows(forms, [cid, "name"]), "titles": store.rows(forms, [cid, "title"]),
        "timeline": [by_month[k] for k in sorted(by_month, key=lambda k: k or "")],
        "counterparts": counterparts,
        "quotes": store.rows("SELECT q.article_id, q.idx, q.text, q.kind, q.cue, q.published, a.title FROM quotes q"
                             " JOIN articles a ON a.id = q.article_id WHERE q.speaker_corpus_id = ? AND q.dup = 0"
                             " ORDER BY q.published DESC, q.pk DESC LIMIT 20", [cid]),
        "claims": store.rows("SELECT c.article_id, c.idx, c.text, c.source_text, c.hedged, a.title, a.published"
                             " FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.source_cid = ? AND c.dup = 0"
                             " ORDER BY c.published DESC, c.pk DESC LIMIT 20", [cid]),
    }


def top_counterparts(store: ReadOnlyStore, cid: int, limit: int = 20) -> list[Row]:
    """The actors ``cid`` acts on or is acted on by, most events first: the top pairs of the
    ``relation_pairs`` aggregate (one index range per direction, however busy the actor), then
    their event types and first and last days from ``relations``."""
    side = "SELECT {other} AS other, '{dir}' AS dir, count FROM relation_pairs WHERE {me} = ? ORDER BY count DESC, other LIMIT ?"
    pairs = store.rows(
        f"SELECT * FROM ({side.format(other='target_cid', dir='acts on', me='source_cid')}) UNION ALL"
        f" SELECT * FROM ({side.format(other='source_cid', dir='acted on by', me='target_cid')})"
        " ORDER BY count DESC, other, dir LIMIT ?", [cid, limit, cid, limit, limit])
    actors = {r["id"]: r for r in store.rows(
        f"SELECT id, name, country, sector FROM corpus_actors WHERE id IN {ev._in([p['other'] for p in pairs])}")}
    out = []
    for p in pairs:
        s, t = (cid, p["other"]) if p["dir"] == "acts on" else (p["other"], cid)
        detail = store.one("SELECT group_concat(type) AS types, min(first) AS first, max(last) AS last FROM"
                           " (SELECT type, first, last FROM relations WHERE source_cid = ? AND target_cid = ?"
                           " ORDER BY type)", [s, t])
        out.append({**actors[p["other"]], "count": p["count"], **detail, "dir": p["dir"]})
    return out


# -- search -----------------------------------------------------------------------------------
def marked(snippet: str) -> list[tuple[bool, str]]:
    """A snippet as (matched?, text) parts; stray marker characters in the text are dropped."""
    out, on = [], False
    for part in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", snippet):
        if part == MARK_OPEN:
            on = True
        elif part == MARK_CLOSE:
            on = False
        elif part:
            out.append((on, part))
    return out


def _fts(store: ReadOnlyStore, table: str, q: str) -> str:
    try:
        return _fts_query(store.conn(), table, q)
    except InputError as exc:  # nothing searchable in q
        raise BadFilter(str(exc)) from None


def search(store: ReadOnlyStore, f: Filters, limit: int = 30) -> dict[str, Any]:
    """Articles, quotes or claims matching ``q``: the chosen tab's hits, every tab's (capped) count, facets."""
    kind = f.kind or "articles"
    if not f.q:
        return {"kind": kind, "hits": [], "counts": {}, "facets": [], "next": None}
    art_q, quote_q = _fts(store, "articles_fts", f.q), _fts(store, "quotes_fts", f.q)
    cap = 1000
    art_where, art_params = ["articles_fts MATCH ?", "a.duplicate_of IS NULL"], [art_q]
    if f.outlet:
        art_where.append("a.outlet = ?")
        art_params.append(f.outlet)
    for cond, value in (("a.published >= ?", f.date_from), ("a.published <= ?", f.date_to)):
        if value:
            art_where.append(cond)
            art_params.append(value)
    art_from = f"FROM articles_fts JOIN articles a ON a.sort_key = articles_fts.rowid WHERE {' AND '.join(art_where)}"
    counts = {
        "articles": store.one(f"SELECT count(*) AS n FROM (SELECT 1 {art_from} LIMIT {cap + 1})", art_params)["n"],
        "quotes": store.one(f"SELECT count(*) AS n FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ?"
                            f" LIMIT {cap + 1})", [quote_q])["n"],
        "claims": _claims_count(store, f.q, cap),
    }
    facets = store.rows(f"SELECT outlet AS key, count(*) AS count FROM (SELECT a.outlet {art_from} LIMIT {cap})"
                        " GROUP BY outlet ORDER BY count DESC LIMIT 10", art_params)
    after = int(decode_cursor(f.after, 1)[0]) if f.after else None
    hits: list[Row]
    if kind == "articles":
        hits = store.rows(f"SELECT articles_fts.rowid AS k, a.id, a.title, a.published, a.outlet,"
                          f" snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snippet {art_from}"
                          + (" AND articles_fts.rowid < ?" if after else "") + " ORDER BY articles_fts.rowid DESC LIMIT ?",
                          art_params + ([after] if after else []) + [limit + 1])
    elif kind == "quotes":
        hits = store.rows(f"SELECT quotes_fts.rowid AS k, q.article_id AS id, q.idx, a.title, a.published, a.outlet,"
                          f" q.speaker_text, snippet(quotes_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snippet"
                          " FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
                          " WHERE quotes_fts MATCH ? AND q.dup = 0" + (" AND quotes_fts.rowid < ?" if after else "")
                          + " ORDER BY quotes_fts.rowid DESC LIMIT ?", [quote_q] + ([after] if after else []) + [limit + 1])
    else:
        hits = _claims(store, f.q, after, limit + 1)
    nxt = encode_cursor(hits[limit - 1]["k"]) if len(hits) > limit else None
    for h in hits:
        h["parts"] = marked(h.pop("snippet"))
    return {"kind": kind, "hits": hits[:limit], "counts": counts, "cap": cap, "facets": facets, "next": nxt}


def _words(q: str) -> list[str]:
    return [w for w in re.findall(r"\w+", q) if w.upper() not in ("AND", "OR", "NOT", "NEAR")]


def _claims_count(store: ReadOnlyStore, q: str, cap: int) -> int:
    words = _words(q)
    if not words:
        return 0
    conds = " AND ".join("instr(lower(text), ?)" for _ in words)
    return store.one(f"SELECT count(*) AS n FROM (SELECT 1 FROM claims WHERE {conds} LIMIT {cap + 1})",
                     [w.lower() for w in words])["n"]


def _claims(store: ReadOnlyStore, q: str, after: int | None, limit: int) -> list[Row]:
    """Claims have no full-text index: every word as a case-insensitive substring, marked here."""
    words = [w.lower() for w in _words(q)]
    if not words:
        return []
    conds = " AND ".join("instr(lower(c.text), ?)" for _ in words)
    rows = store.rows(f"SELECT c.pk AS k, c.article_id AS id, c.idx, c.text, c.source_text AS speaker_text, a.title,"
                      f" a.published, a.outlet FROM claims c JOIN articles a ON a.id = c.article_id WHERE {conds}"
                      + (" AND c.pk < ?" if after else "") + " ORDER BY c.pk DESC LIMIT ?",
                      words + ([after] if after else []) + [limit])
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    for r in rows:
        text = r.pop("text").replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
        r["snippet"] = pattern.sub(lambda m: MARK_OPEN + m.group(0) + MARK_CLOSE, text)
    return rows


# -- quotes, claims, places lists -------------------------------------------------------------
def _article_filters(f: Filters, alias: str = "a") -> tuple[list[str], list[Any]]:
    conds, params = [f"{alias}.duplicate_of IS NULL"], []
    for cond, value in ((f"{alias}.outlet = ?", f.outlet), (f"{alias}.published >= ?", f.date_from),
                        (f"{alias}.published <= ?", f.date_to)):
        if value:
            conds.append(cond)
            params.append(value)
    return conds, params


def _keyset(f: Filters, col: str) -> tuple[list[str], list[Any]]:
    if not f.after:
        return [], []
    k, idx = decode_cursor(f.after, 2)
    return [f"({col} < ? OR ({col} = ? AND x.idx < ?))"], [int(k), int(k), int(idx)]


def _join(f: Filters, table: str) -> str:
    """Articles newest first, then their items: with no item filter, walking the articles' sort_key
    index and stopping after one page beats sorting every item (CROSS JOIN fixes that order)."""
    if f.actor or f.q:
        return f"{table} x JOIN articles a ON a.id = x.article_id"
    return f"articles a CROSS JOIN {table} x ON x.article_id = a.id"


def quotes(store: ReadOnlyStore, f: Filters, limit: int = ev.PAGE) -> tuple[list[Row], str | None]:
    conds, params = _article_filters(f)
    conds.append("x.dup = 0")
    if f.actor:
        conds.append(f"x.speaker_corpus_id IN {ev._in(ev.actor_ids(store, f.actor))}")
    if f.q:
        conds.append("x.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_fts(store, "quotes_fts", f.q))
    ks, kp = _keyset(f, "a.sort_key")
    rows = store.rows("SELECT a.sort_key AS k, x.article_id, x.idx, x.text, x.kind, x.speaker_text,"
                      f" x.speaker_corpus_id, c.name AS speaker, x.cue, a.title, a.outlet, a.published FROM {_join(f, 'quotes')}"
                      " LEFT JOIN corpus_actors c ON c.id = x.speaker_corpus_id"
                      f" WHERE {' AND '.join(conds + ks)} ORDER BY a.sort_key DESC, x.idx DESC LIMIT ?",
                      params + kp + [limit + 1])
    return _paged(rows, limit)


def claims(store: ReadOnlyStore, f: Filters, limit: int = ev.PAGE) -> tuple[list[Row], str | None]:
    if not ev.total(store, "claims"):
        return [], None  # walking every article to find none would be the slowest page of all
    conds, params = _article_filters(f)
    if f.actor:
        conds.append("EXISTS (SELECT 1 FROM actors s WHERE s.article_id = x.article_id AND s.id = x.source"
                     f" AND s.corpus_actor_id IN {ev._in(ev.actor_ids(store, f.actor))})")
    for w in _words(f.q):
        conds.append("instr(lower(x.text), ?)")
        params.append(w.lower())
    ks, kp = _keyset(f, "a.sort_key")
    rows = store.rows("SELECT a.sort_key AS k, x.article_id, x.idx, x.text, x.source_text, x.hedged,"
                      f" a.title, a.outlet, a.published FROM {_join(f, 'claims')}"
                      f" WHERE {' AND '.join(conds + ks)} ORDER BY a.sort_key DESC, x.idx DESC LIMIT ?",
                      params + kp + [limit + 1])
    return _paged(rows, limit)


def _paged(rows: list[Row], limit: int) -> tuple[list[Row], str | None]:
    nxt = encode_cursor(rows[limit - 1]["k"], rows[limit - 1]["idx"]) if len(rows) > limit else None
    return [{k: v for k, v in r.items() if k != "k"} for r in rows[:limit]], nxt


def places(store: ReadOnlyStore, f: Filters, limit: int = 200) -> list[Row]:
    """Places named in the articles, most mentioned first (whole-store list cached per store version)."""
    if not (f.country or f.place or f.outlet or f.from_ or f.to):
        return store.cached("places", lambda s: _places(s, f, limit, ms=120_000))
    return _places(store, f, limit)


def _places(store: ReadOnlyStore, f: Filters, limit: int, ms: int = 2000) -> list[Row]:
    conds, params = _article_filters(f)
    if f.country:
        conds.append("p.country = ?")
        params.append(f.country)
    if f.place:
        conds.append("p.name = ? COLLATE NOCASE")
        params.append(f.place)
    return store.rows("SELECT p.name, p.country, p.feature, round(p.lat, 3) AS lat, round(p.lon, 3) AS lon,"
                      " count(*) AS mentions, count(DISTINCT p.article_id) AS articles FROM places p"
                      f" CROSS JOIN articles a ON a.id = p.article_id WHERE {' AND '.join(conds)}"
                      " GROUP BY p.name, p.country ORDER BY mentions DESC, p.name LIMIT ?", params + [limit], ms=ms)

