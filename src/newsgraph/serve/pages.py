"""The UI's queries for one article, one event, one actor, search and the quote, claim and place lists."""

from __future__ import annotations

import json
import re
from collections import Counter
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
    context = _role_context(art["text"], spans, s0, s1)
    return {"event": e, "article": art, "place": place, "sentence": segments(art["text"], spans, s0, s1),
            "context": context,
            "roles": sorted({s.layer for s in spans if s.start < s1 and s.end > s0} | {c["role"] for c in context}),
            "others": same_event(store, e), "reprints": store.one(
                "SELECT count(*) AS n FROM articles INDEXED BY articles_duplicate_of WHERE duplicate_of = ?", [aid])["n"]}


def _role_context(text: str, spans: list[Span], s0: int, s1: int) -> list[dict[str, Any]]:
    """For a source or target named only outside the evidence sentence (the coder took it from
    the article: "the group said ..." two sentences after naming the group), the nearest
    mention with the sentence around it, so the card still shows where the party comes from."""
    out = []
    for role in ("source", "target"):
        ms = [s for s in spans if s.layer == role]
        if not ms or any(m.start < s1 and m.end > s0 for m in ms):
            continue
        before = [m for m in ms if m.end <= s0]
        m = max(before, key=lambda x: x.start) if before else min(ms, key=lambda x: x.start)
        a = max(text.rfind(c, max(0, m.start - 240), m.start) for c in ".!?\n") + 1
        ends = [i for c in ".!?\n" if (i := text.find(c, m.end, m.end + 240)) >= 0]
        b = min(ends) + 1 if ends else min(len(text), m.end + 240)
        out.append({"role": role, "before": bool(before), "segments": segments(text, [m], a, b)})
    return out


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


#: What each search tab reads: its full-text index, the rows it joins, the indexed column the
#: snippet comes from, who said it, the corpus actor behind it, and what leaves near-duplicates out.
KINDS: dict[str, dict[str, Any]] = {
    "articles": {"fts": "articles_fts", "col": 1, "who": "NULL", "idx": "NULL", "cid": None,
                 "from": "articles_fts JOIN articles a ON a.sort_key = articles_fts.rowid",
                 "canonical": "a.duplicate_of IS NULL"},
    "quotes": {"fts": "quotes_fts", "col": 0, "who": "x.speaker_text", "idx": "x.idx", "cid": "x.speaker_corpus_id",
               "from": "quotes_fts JOIN quotes x ON x.pk = quotes_fts.rowid JOIN articles a ON a.id = x.article_id",
               "canonical": "x.dup = 0"},
    "claims": {"fts": "claims_fts", "col": 0, "who": "x.source_text", "idx": "x.idx", "cid": "x.source_cid",
               "from": "claims_fts JOIN claims x ON x.pk = claims_fts.rowid JOIN articles a ON a.id = x.article_id",
               "canonical": "x.dup = 0"},
}
#: Matches counted per tab; the newest matches the facets are counted over.
SEARCH_CAP = 1000
FACET_SAMPLE = 200


def _search_where(store: ReadOnlyStore, f: Filters, kind: str) -> tuple[str, list[Any]]:
    """The WHERE clause of one tab: the words, then outlet, dates, actor and country."""
    k = KINDS[kind]
    conds, params = [f"{k['fts']} MATCH ?", k["canonical"]], [_fts(store, k["fts"], f.q)]
    for cond, value in (("a.outlet = ?", f.outlet), ("a.published >= ?", f.date_from), ("a.published <= ?", f.date_to)):
        if value:
            conds.append(cond)
            params.append(value)
    if f.actor:
        ids = ev._in(ev.actor_ids(store, f.actor))
        conds.append(f"{k['cid']} IN {ids}" if k["cid"] else
                     f"EXISTS (SELECT 1 FROM actors y WHERE y.article_id = a.id AND y.corpus_actor_id IN {ids})")
    if f.country:
        conds.append(f"{k['cid']} IN (SELECT id FROM corpus_actors WHERE country = ?)" if k["cid"] else
                     "EXISTS (SELECT 1 FROM actors y WHERE y.article_id = a.id AND y.country = ?)")
        params.append(f.country)
    return " AND ".join(conds), params


def search(store: ReadOnlyStore, f: Filters, limit: int = 30) -> dict[str, Any]:
    """Articles, quotes or claims matching ``q``: the chosen tab's hits with keyword-in-context
    snippets, every tab's (capped) count, and facets with counts over the tab's newest matches."""
    kind = f.kind if f.kind in KINDS else "articles"
    if not f.q:
        return {"kind": kind, "hits": [], "counts": {}, "facets": {}, "next": None, "cap": SEARCH_CAP}
    counts = {}
    for name, k in KINDS.items():
        w, params = _search_where(store, f, name)
        counts[name] = store.one(f"SELECT count(*) AS n FROM (SELECT 1 FROM {k['from']} WHERE {w}"
                                 f" LIMIT {SEARCH_CAP + 1})", params)["n"]
    k = KINDS[kind]
    w, params = _search_where(store, f, kind)
    after = int(decode_cursor(f.after, 1)[0]) if f.after else None
    hits = store.rows(f"SELECT {k['fts']}.rowid AS k, a.id, {k['idx']} AS idx, a.title, a.published, a.outlet,"
                      f" {k['who']} AS speaker_text, snippet({k['fts']}, {k['col']}, '{MARK_OPEN}', '{MARK_CLOSE}',"
                      f" '…', 24) AS snippet FROM {k['from']} WHERE {w}" + (f" AND {k['fts']}.rowid < ?" if after else "")
                      + f" ORDER BY {k['fts']}.rowid DESC LIMIT ?", params + ([after] if after else []) + [limit + 1])
    nxt = encode_cursor(hits[limit - 1]["k"]) if len(hits) > limit else None
    for h in hits:
        h["parts"] = marked(h.pop("snippet"))
    return {"kind": kind, "hits": hits[:limit], "counts": counts, "cap": SEARCH_CAP, "sample": FACET_SAMPLE, "next": nxt,
            "facets": _search_facets(store, kind, w, params)}


def _search_facets(store: ReadOnlyStore, kind: str, where: str, params: list[Any]) -> dict[str, list[Row]]:
    """Outlet, year, actor and country counts over the tab's newest ``FACET_SAMPLE`` matches
    (articles count the actors they name; quotes and claims the actor who said them)."""
    k = KINDS[kind]
    sample = store.rows(f"SELECT a.id AS article_id, a.outlet, substr(a.published, 1, 4) AS year,"
                        f" {k['cid'] or 'NULL'} AS cid FROM {k['from']} WHERE {where}"
                        f" ORDER BY {k['fts']}.rowid DESC LIMIT {FACET_SAMPLE}", params)
    top = lambda c: [{"key": key, "count": n} for key, n in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[:10]]  # noqa: E731
    facets = {"outlet": top(Counter(r["outlet"] for r in sample)),
              "year": top(Counter(r["year"] for r in sample if r["year"]))}
    if k["cid"]:  # who said it, and that actor's country
        cids = Counter(r["cid"] for r in sample if r["cid"] is not None)
        names = {r["id"]: r for r in store.rows(f"SELECT id, name, country FROM corpus_actors WHERE id IN {ev._in(list(cids))}")}
        countries = Counter()
        for cid, n in cids.items():
            if names[cid]["country"]:
                countries[names[cid]["country"]] += n
    else:  # the actors the matched articles name, and their countries, counted once per article
        named = store.rows("SELECT DISTINCT x.article_id AS a, x.corpus_actor_id AS cid, x.country FROM json_each(?) j"
                           " CROSS JOIN actors x ON x.article_id = j.value",
                           [json.dumps(sorted({r["article_id"] for r in sample}))])
        cids = Counter(cid for _, cid in {(r["a"], r["cid"]) for r in named if r["cid"] is not None})
        countries = Counter(country for _, country in {(r["a"], r["country"]) for r in named if r["country"]})
        names = {r["id"]: r for r in store.rows(
            f"SELECT id, name FROM corpus_actors WHERE id IN {ev._in([r['key'] for r in top(cids)])}")}
    facets["actor"] = [{**row, "name": names[row["key"]]["name"]} for row in top(cids)]
    facets["country"] = top(countries)
    return facets


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


#: Matches of ``q`` above which a list walks articles newest first instead of sorting the matches.
WALK_ABOVE = 2000


def _join(store: ReadOnlyStore, f: Filters, table: str) -> str:
    """Articles newest first, then their items: with no item filter, or words so common that a
    page of matches comes early, walking the articles' sort_key index and stopping after one page
    beats sorting every match (CROSS JOIN fixes that order)."""
    walk = not f.actor and (not f.q or store.one(
        f"SELECT count(*) AS n FROM (SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT {WALK_ABOVE + 1})",
        [_fts(store, f"{table}_fts", f.q)])["n"] > WALK_ABOVE)
    if walk:
        return f"articles a CROSS JOIN {table} x ON x.article_id = a.id"
    return f"{table} x JOIN articles a ON a.id = x.article_id"


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
                      f" x.speaker_corpus_id, c.name AS speaker, x.cue, a.title, a.outlet, a.published FROM {_join(store, f, 'quotes')}"
                      " LEFT JOIN corpus_actors c ON c.id = x.speaker_corpus_id"
                      f" WHERE {' AND '.join(conds + ks)} ORDER BY a.sort_key DESC, x.idx DESC LIMIT ?",
                      params + kp + [limit + 1])
    return _paged(rows, limit)


def claims(store: ReadOnlyStore, f: Filters, limit: int = ev.PAGE) -> tuple[list[Row], str | None]:
    if not ev.total(store, "claims"):
        return [], None  # walking every article to find none would be the slowest page of all
    conds, params = _article_filters(f)
    if f.actor:
        conds.append(f"x.source_cid IN {ev._in(ev.actor_ids(store, f.actor))}")
    if f.q:
        conds.append("x.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(_fts(store, "claims_fts", f.q))
    ks, kp = _keyset(f, "a.sort_key")
    rows = store.rows("SELECT a.sort_key AS k, x.article_id, x.idx, x.text, x.source_text, x.hedged,"
                      f" a.title, a.outlet, a.published FROM {_join(store, f, 'claims')}"
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

