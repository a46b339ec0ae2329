"""The ``counts`` aggregate behind ``newsgraph stats``: always what scanning would count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph import query
from newsgraph.records import Actor, Article, Event, Quote, Record, Span, TextSpan
from newsgraph.store import Store, schema


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
