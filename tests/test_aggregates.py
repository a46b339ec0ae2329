"""The ``counts`` aggregate behind ``newsgraph stats``: always what scanning would count."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from newsgraph import query
from newsgraph.records import Actor, Article, Claim, Event, Place, Quote, Record, Span, TextSpan
from newsgraph.store import Store, aggregates, schema


def _record(aid: str, *, published: str | None, outlet: str | None, events: list[tuple[str, bool]],
            quotes: int = 0, text: str | None = None) -> Record:
    text = text or f"Headline {aid}\n\nPutin met Lukashenko on day {aid}. " + " ".join(
        f"w{aid}{i}" for i in range(40))
    t0 = text.index("met")
    actors = [Actor(id="p", name="Vladimir Putin", kind="person", country="RUS", sector="GOV",
                    mentions=[Span(start=t0 - 6, end=t0 - 1)]),
              Actor(id="l", name="Alexander Lukashenko", kind="person", country="BLR", sector="GOV",
                    mentions=[Span(start=t0 + 4, end=t0 + 14)])]
    evs = [Event(id=f"e{i + 1}", type=etype, source="p", target="l", negated=neg,
                 trigger=TextSpan(start=t0, end=t0 + 3, text="met"), sentence=Span(start=t0 - 6, end=t0 + 20),
                 confidence=0.8) for i, (etype, neg) in enumerate(events)]
    qs = [Quote(start=t0, end=t0 + 3, text="met", kind="direct", speaker="p", cue="said") for _ in range(quotes)]
    return Record(article=Article(id=aid, title=f"Headline {aid}", published=published, outlet=outlet, text=text),
                  actors=actors, events=evs, quotes=qs)


def _scanned(conn: sqlite3.Connection) -> dict:
    """The figures as the stats queries counted them before the aggregate, by scanning."""
    def one(sql: str) -> int:
        return conn.execute(sql).fetchone()[0]

    def rows(sql: str) -> list[tuple]:
        return sorted((tuple(r) for r in conn.execute(sql)), key=lambda r: (r[0] is not None, r[0] or ""))

    return {
        "articles": one("SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        "events": one("SELECT count(*) FROM events WHERE dup = 0 AND negated = 0"),
        "quotes": one("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
                      " WHERE a.duplicate_of IS NULL"),
        "day": rows("SELECT published, count(*) FROM articles WHERE duplicate_of IS NULL GROUP BY published"),
        "outlet": rows("SELECT outlet, count(*) FROM articles WHERE duplicate_of IS NULL GROUP BY outlet"),
        "event_type": rows("SELECT type, count(*) FROM events WHERE dup = 0 AND negated = 0 GROUP BY type"),
    }


def _reported(store: Store) -> dict:
    rows = query.stats(store)
    total = {r["key"]: r["count"] for r in rows if r["group"] == "total"}
    out = {k: total[k] for k in ("articles", "events", "quotes")}
    for group in ("day", "outlet", "event_type"):
        found = [(r["key"], r["count"]) for r in rows if r["group"] == group]
        out[group] = found if group == "day" else sorted(found, key=lambda r: (r[0] is not None, r[0] or ""))
    return out


def _fill(store: Store) -> None:
    store.write(_record("a1", published="2021-03-01", outlet="Wire", events=[("CONSULT", False), ("ACCUSE", True)],
                        quotes=2))
    store.write(_record("a2", published=None, outlet=None, events=[("CONSULT", False), ("AGREE", False)], quotes=1))
    store.write(_record("a3", published="2021-03-02", outlet="Wire", events=[("SANCTION", False)]))
    copy = _record("a1", published="2021-03-01", outlet="Copy", events=[("CONSULT", False)], quotes=1)
    copy.article.id = "a1-copy"  # a near-duplicate: left out of every count
    store.write(copy)


def test_counts_follow_writes_replacements_and_deletions(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _fill(store)
        assert _reported(store) == _scanned(store.conn)
        assert _reported(store)["events"] == 4 and _reported(store)["day"][0] == (None, 1)
        store.write(_record("a3", published="2021-03-05", outlet="Agency", events=[("AGREE", False)] * 3),
                    replace=True)
        assert _reported(store) == _scanned(store.conn)
        assert ("2021-03-02", 1) not in _reported(store)["day"]  # a day with no article left is gone
        assert store.delete("a2")
        assert _reported(store) == _scanned(store.conn)
        assert (None, 1) not in _reported(store)["outlet"]


def test_migration_fills_counts_from_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        _fill(store)
        expected = _reported(store)
    conn = sqlite3.connect(path)  # back to the version-3 layout: no counts, no timeline index
    conn.executescript("DROP TABLE counts; DROP INDEX times_date_value; PRAGMA user_version = 3;")
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert _reported(store) == expected == _scanned(store.conn)


# -- the web UI's aggregates (schema 5): always what the events table says ------------------------
_PEOPLE = [("Anna Weber", "person", "RTA", "GOV"), ("Karl Ost", "person", "BOR", "MIL"),
           ("Jan Novak", "person", "RTA", "OPP"), ("Eva Novak", "person", "RTA", "OPP"),
           ("Borduria", "state", "BOR", "GOV"), ("Ruritania", "state", "RTA", "GOV")]
_PLACES = [("Strelsau", "RTA", 50.1, 14.4), ("Zenda", "RTA", None, None), ("Szohod", None, 47.5, 19.0),
           ("Nowhere", None, None, None)]
_DATES = ["2021-03-01", "2021-03-02", "2021-04", "2021", None, "XXXX-11-30", "2020-12-31", "2019-06-15"]
_TYPES = ["CONSULT", "ACCUSE", "AGREE", "PROTEST"]


def _random_record(rng, aid: str, *, text: str | None = None) -> Record:
    """An article with random actors, events (self-loops, missing sides, partial dates), places."""
    names = rng.sample(_PEOPLE, rng.randint(2, 4))
    text = text or f"Story {aid}\n\n" + " and ".join(n for n, *_ in _PEOPLE) + f" met in {aid}. " + "word " * 5
    actors = []
    for i, (name, kind, country, sector) in enumerate(names):
        at = text.index(name)
        actors.append(Actor(id=f"x{i}", name=name, kind=kind, country=country, sector=sector,
                            mentions=[Span(start=at, end=at + len(name))]))
    places = [Place(start=0, end=5, text=p, name=p, country=c, lat=lat, lon=lon)
              for p, c, lat, lon in rng.sample(_PLACES, rng.randint(0, 2))]
    ids = [a.id for a in actors] + [None]
    events = []
    for i in range(rng.randint(0, 6)):
        source = rng.choice(ids)
        events.append(Event(id=f"e{i}", type=rng.choice(_TYPES), source=source,
                            target=source if rng.random() < 0.2 else rng.choice(ids), date=rng.choice(_DATES),
                            place=rng.randrange(len(places)) if places and rng.random() < 0.7 else None,
                            negated=rng.random() < 0.2, hypothetical=rng.random() < 0.2,
                            trigger=TextSpan(start=0, end=5, text="Story"), sentence=Span(start=0, end=10),
                            confidence=rng.choice([0.3, 0.5, 0.9])))
    claims = [Claim(start=0, end=5, text="Story", source="x0")] * rng.randint(0, 2)
    return Record(article=Article(id=aid, title=f"Story {aid}", published=rng.choice(_DATES[:4] + [None]),
                                  outlet=rng.choice(["Wire", "Daily", None]), text=text),
                  actors=actors, places=places, events=events, claims=claims)


def _random_store(path: Path, seed: int = 5) -> Store:
    import random

    rng = random.Random(seed)
    store = Store(path)
    for n in range(40):
        store.write(_random_record(rng, f"r{n}"))
    for n in range(0, 40, 9):  # near-duplicates of some: left out of every aggregate
        dup = _random_record(rng, f"r{n}-copy", text=store.read(f"r{n}").article.text)
        assert store.write(dup).status == "duplicate"
    for n in range(3, 40, 7):
        store.write(_random_record(rng, f"r{n}"), replace=True)
    for n in range(5, 40, 11):
        assert store.delete(f"r{n}")
    return store


def _facets_by_scanning(conn: sqlite3.Connection) -> dict[str, Counter]:
    """event_days, event_months and event_places recomputed in Python from the events table."""
    out: dict[str, Counter] = {t: Counter() for t in ("event_days", "event_months", "event_places")}
    rows = conn.execute("SELECT e.source_cid, e.target_cid, e.negated, e.day, e.type, e.source_country,"
                        " p.name, p.country, p.lat, p.lon FROM events e LEFT JOIN places p"
                        " ON p.article_id = e.article_id AND p.idx = e.place WHERE e.dup = 0").fetchall()
    for s, t, neg, day, typ, scountry, pname, pcountry, lat, lon in rows:
        scopes = [(0, "all")] + [(c, role) for c, role in ((s, "source"), (t, "target")) if c is not None]
        if s is not None and s == t:
            scopes.append((s, "self"))
        point = bool(pname) and lat is not None and lon is not None
        for cid, role in scopes:
            out["event_days"][cid, role, neg, day or "", typ] += 1
            out["event_months"][cid, role, neg, (day or "")[:7], typ] += 1
            out["event_places"][cid, role, neg, pcountry or scountry or "", pname if point else "",
                                lat if point else 0, lon if point else 0] += 1
    return out


def _kept_facets(conn: sqlite3.Connection) -> dict[str, Counter]:
    from newsgraph.store.aggregates import FACETS

    return {t: Counter({tuple(r[:-1]): r[-1] for r in conn.execute(f"SELECT {cols}, n FROM {t}")})
            for t, (cols, _, _) in FACETS.items()}


def _pairs_by_scanning(conn: sqlite3.Connection) -> Counter:
    return Counter({(s, t): n for s, t, n in conn.execute(
        "SELECT source_cid, target_cid, count(*) FROM events WHERE dup = 0 AND negated = 0 AND source_cid IS NOT NULL"
        " AND target_cid IS NOT NULL GROUP BY 1, 2")})


def test_ui_aggregates_follow_writes_replacements_and_deletions(tmp_path: Path) -> None:
    with _random_store(tmp_path / "r.db") as store:
        conn = store.conn
        kept = _kept_facets(conn)
        assert kept == _facets_by_scanning(conn)
        assert sum(kept["event_days"].values()) > 100 and any(k[1] == "self" for k in kept["event_days"])
        # r27 had a near-duplicate when it was deleted: the copy is now canonical and counted
        assert conn.execute("SELECT duplicate_of FROM articles WHERE id = 'r27-copy'").fetchone()[0] is None
        assert conn.execute("SELECT count(*) FROM events WHERE article_id = 'r27-copy' AND dup = 1").fetchone()[0] == 0
        assert all(n > 0 for c in kept.values() for n in c.values())  # rows that fell to 0 are gone
        assert Counter({(s, t): n for s, t, n in conn.execute("SELECT * FROM relation_pairs")}) == _pairs_by_scanning(conn)
        totals = dict(conn.execute("SELECT key, n FROM counts WHERE grp = 'total'").fetchall())
        canonical = "article_id IN (SELECT id FROM articles WHERE duplicate_of IS NULL)"
        assert totals == {**dict(zip(
            ("events_all", "negated", "hypothetical", "partial", "low_confidence", "events"), conn.execute(
                "SELECT count(*), sum(negated), sum(hypothetical), sum(source_cid IS NULL OR target_cid IS NULL),"
                " sum(confidence < 0.5), sum(negated = 0) FROM events WHERE dup = 0").fetchone())),
            **{t: conn.execute(f"SELECT count(*) FROM {t} WHERE {canonical}").fetchone()[0]
               for t in ("quotes", "claims", "places")},
            "articles": conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]}


def test_migration_to_5_builds_the_ui_aggregates_and_claim_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with _random_store(path) as store:
        expected = _kept_facets(store.conn)
    conn = sqlite3.connect(path)  # back to the version-4 layout
    conn.executescript("DROP TABLE event_days; DROP TABLE event_months; DROP TABLE event_places;"
                       " DROP TABLE relation_pairs; DROP TABLE claims_fts; DROP INDEX corpus_actors_events;"
                       " DROP INDEX events_source_country_conf; DROP INDEX events_target_country_conf;"
                       " DELETE FROM counts WHERE key IN ('claims', 'places', 'events_all', 'negated');"
                       " DROP INDEX claims_source; UPDATE claims SET source_cid = NULL, published = NULL, dup = 1;"
                       " PRAGMA user_version = 4;")
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 5
        assert _kept_facets(store.conn) == expected == _facets_by_scanning(store.conn)
        assert store.conn.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'story'").fetchone()[0] \
            == store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
        assert store.conn.execute(
            "SELECT count(*) FROM claims c JOIN actors x ON x.article_id = c.article_id AND x.id = c.source"
            " JOIN articles a ON a.id = c.article_id WHERE c.source_cid IS x.corpus_actor_id AND c.published IS a.published"
            " AND c.dup = (a.duplicate_of IS NOT NULL)").fetchone()[0] == store.conn.execute(
            "SELECT count(*) FROM claims").fetchone()[0]
        schema._add_facets(store.conn)  # idempotent: running it again changes nothing
        assert _kept_facets(store.conn) == expected


def test_ui_answers_from_aggregates_equal_the_events_table(tmp_path: Path) -> None:
    """Every histogram, count, map and network the UI reads from the aggregates is what the
    events table gives for the same filters (``direct=True``)."""
    from newsgraph.serve import events as ev
    from newsgraph.serve.db import ReadOnlyStore
    from newsgraph.serve.filters import Filters

    with _random_store(tmp_path / "r.db") as writer:  # an older store may hold a day past its month's end
        writer.conn.execute("UPDATE events SET day = '2021-02-30' WHERE pk = (SELECT min(pk) FROM events WHERE dup = 0)")
        writer.conn.execute("BEGIN IMMEDIATE")
        aggregates.rebuild_facets(writer.conn)
        writer.conn.execute("COMMIT")
    store = ReadOnlyStore(tmp_path / "r.db")
    cases = [{}, {"polarity": "all"}, {"polarity": "negated"}, {"type": "ACCUSE"}, {"from": "2021-03", "to": "2021"},
             {"to": "2021-03-01"}, {"from": "2021"}, {"actor": "Anna Weber"}, {"actor": "Novak"},
             {"actor": "Novak", "polarity": "all", "from": "2021"}, {"source": "Karl Ost", "type": "CONSULT"},
             {"target": "Borduria", "to": "2021-04"}, {"actor": "Ruritania", "type": "AGREE", "polarity": "negated"},
             {"actor": "nobody at all"}]
    assert len(ev.actor_ids(store, "Novak")) == 2  # a name that matches two actors
    compared = 0
    for params in cases:
        f = Filters.parse(params)
        assert ev.count(store, f) == ev.count(store, f, direct=True), params
        for period in ("", "day", "week", "month", "year"):
            g = Filters.parse({**params, "period": period})
            period_, hist = ev.timeline(store, g)
            assert (period_, hist) == ev.timeline(store, g, direct=True), (params, period)
            compared += len(hist)
            assert sum(b["count"] for b in ev.bars(hist, period_, g)["bars"]) == sum(r["count"] for r in hist)
        assert ev.map_counts(store, f) == ev.map_counts(store, f, direct=True), params
    assert compared > 200
    assert ev.map_counts(store, Filters())["places"]  # geocoded places were compared, not only countries
    assert ev.graph(store, Filters()) == ev.graph(store, Filters(), direct=True)
    assert ev.graph(store, Filters())["edges"]
