"""The SQLite store: round-trips, idempotence, near-duplicates, actor merging, versions."""

from __future__ import annotations

import sqlite3
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import StoreError
from newsgraph.records import (PLOVER_TYPES, Actor, Article, Claim, Event, Place, Quantity, Quote,
                               Record, Span, TextSpan, Time)
from newsgraph.store import Store, schema

_opt_text = st.none() | st.text(max_size=12)
_floats = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def records(draw: st.DrawFn, article_id: str | None = None) -> Record:
    """Any record whose offsets are consistent with its arbitrary Unicode text."""
    text = draw(st.text(max_size=200))

    def span() -> tuple[int, int]:
        start = draw(st.integers(0, len(text)))
        return start, draw(st.integers(start, len(text)))

    def text_span() -> dict:
        s, e = span()
        return {"start": s, "end": e, "text": text[s:e]}

    def opt_span() -> Span | None:
        return draw(st.booleans()) and Span(start=(se := span())[0], end=se[1]) or None

    ids = draw(st.lists(st.text(min_size=1, max_size=6), unique=True, max_size=4))
    ref = st.none() | st.sampled_from(ids) | st.text(max_size=4) if ids else _opt_text
    small = st.integers(0, 4)
    actors = [Actor(id=i, name=draw(st.text(max_size=15)),
                    kind=draw(st.sampled_from(["person", "organization", "state", "group"])),
                    country=draw(st.none() | st.sampled_from(["RUS", "BLR", "USA"])),
                    sector=draw(st.none() | st.sampled_from(["GOV", "MIL", "IGO"])), title=draw(_opt_text),
                    mentions=[Span(start=(se := span())[0], end=se[1]) for _ in range(draw(small))])
              for i in ids]
    return Record(
        article=Article(id=article_id or draw(st.text(min_size=1, max_size=20)), title=draw(_opt_text),
                        author=draw(_opt_text), published=draw(st.none() | st.dates().map(str)),
                        outlet=draw(_opt_text), url=draw(_opt_text), language=draw(_opt_text), text=text),
        actors=actors,
        times=[Time(**text_span(), type=draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
                    value=draw(_opt_text), mod=draw(_opt_text)) for _ in range(draw(small))],
        quantities=[Quantity(**text_span(), value=draw(_floats), unit=draw(_opt_text),
                             approx=draw(st.sampled_from(["eq", "approx", "gt", "ge", "lt", "le"])),
                             about=draw(_opt_text), event=draw(_opt_text)) for _ in range(draw(small))],
        places=[Place(**text_span(), name=draw(st.text(max_size=10)), country=draw(_opt_text),
                      lat=draw(st.none() | _floats), lon=draw(st.none() | _floats),
                      geonameid=draw(st.none() | st.integers(-2**63, 2**63 - 1)), feature=draw(_opt_text))
                for _ in range(draw(small))],
        quotes=[Quote(**text_span(), kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                      speaker=draw(ref), speaker_text=draw(_opt_text), speaker_span=opt_span(),
                      cue=draw(_opt_text), cue_span=opt_span()) for _ in range(draw(small))],
        claims=[Claim(**text_span(), source=draw(ref), source_text=draw(_opt_text), source_span=opt_span(),
                      hedged=draw(st.booleans())) for _ in range(draw(small))],
        events=[Event(id=draw(st.text(max_size=6)), type=draw(st.sampled_from(PLOVER_TYPES)),
                      mode=draw(_opt_text), cameo=draw(_opt_text), source=draw(ref), target=draw(ref),
                      date=draw(st.none() | st.text(max_size=10)), place=draw(st.none() | small),
                      negated=draw(st.booleans()), hypothetical=draw(st.booleans()),
                      attributed_to=draw(ref), trigger=TextSpan(**text_span()),
                      sentence=Span(start=(se := span())[0], end=se[1]),
                      confidence=draw(st.floats(0, 1))) for _ in range(draw(small))],
    )


def make_record(article_id: str, text: str, actors: list[Actor] = (), events: int = 0,
                published: str | None = "2020-11-30") -> Record:
    """A small hand-built record; events link the first actor to the second."""
    src = actors[0].id if actors else None
    tgt = actors[1].id if len(actors) > 1 else None
    return Record(article=Article(id=article_id, title=text.split("\n")[0], published=published, text=text),
                  actors=list(actors),
                  events=[Event(id=f"e{n}", type="CONSULT", source=src, target=tgt,
                                trigger=TextSpan(start=0, end=1, text=text[:1]), sentence=Span(start=0, end=1),
                                confidence=0.9) for n in range(events)])


def person(aid: str, name: str, country: str | None = "RUS", sector: str | None = "GOV") -> Actor:
    return Actor(id=aid, name=name, kind="person", country=country, sector=sector,
                 mentions=[Span(start=0, end=1)])


def story(n: int) -> str:
    """A distinct text of 120 words that reads as English to the language check."""
    return f"Story {n}\n\n" + " ".join(f"the w{n}x{i} of" for i in range(40))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rec=records())
def test_any_record_reads_back_equal(rec: Record) -> None:
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "s.db") as store:
        assert store.write(rec).status == "ingested"
        assert store.read(rec.article.id) == rec


def test_same_record_twice_adds_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        rec = make_record("a", story(1), [person("p1", "Vladimir Putin"), person("p2", "Alexander Lukashenko")], 3)
        assert store.write(rec).status == "ingested"
        before = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schema.EXPORT_TABLES}
        assert store.write(rec).status == "unchanged"
        after = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schema.EXPORT_TABLES}
        assert before == after and before["events"] == 3


def test_replace_reanalyses_without_duplicating(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("a", story(1), [person("p1", "Vladimir Putin"), person("p2", "Boris Other")], 3))
        store.write(make_record("a", story(1), [person("p1", "Vladimir Putin"), person("p2", "Boris Other")], 1),
                    replace=True)
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
        counts = store.conn.execute("SELECT articles, events_as_source FROM corpus_actors WHERE name = "
                                    "'Vladimir Putin'").fetchall()
        assert [tuple(r) for r in counts] == [(1, 1)]


def test_near_duplicate_is_linked_and_left_out_of_counts(tmp_path: Path) -> None:
    text = story(1)
    edited = text.replace("w1x30 ", "changed ", 1)
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("orig", text, [person("p1", "Vladimir Putin"), person("p2", "Boris Other")], 2))
        res = store.write(make_record("copy", edited, [person("p1", "Vladimir Putin"), person("p2", "Boris Other")], 2))
        other = store.write(make_record("other", story(2)))
        assert (res.status, res.duplicate_of) == ("duplicate", "orig")
        assert 0.8 <= res.similarity < 1
        assert other.status == "ingested"
        row = store.conn.execute("SELECT articles, events_as_source FROM corpus_actors WHERE name = "
                                 "'Vladimir Putin'").fetchone()
        assert tuple(row) == (1, 2)
        assert store.conn.execute("SELECT count(*) FROM events WHERE dup = 1").fetchone()[0] == 2


def test_rebuilt_original_stays_canonical(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("orig", story(1)))
        store.write(make_record("copy", story(1).replace("w1x5 ", "x ", 1)))
        store.write(make_record("orig", story(1)), replace=True)
        rows = dict(store.conn.execute("SELECT id, duplicate_of FROM articles").fetchall())
        assert rows == {"orig": None, "copy": "orig"}


def corpus_ids(store: Store) -> dict[tuple[str, str], int]:
    return {(r["article_id"], r["id"]): r["corpus_actor_id"]
            for r in store.conn.execute("SELECT article_id, id, corpus_actor_id FROM actors")}


def test_actor_variants_merge_when_country_and_sector_agree(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("a", story(1), [person("x", "Lukashenko", "BLR")]))
        store.write(make_record("b", story(2), [person("x", "Alexander G. Lukashenko", "BLR")]))
        store.write(make_record("c", story(3), [person("x", "Mr. Alexander Lukashénko", "BLR")]))
        store.write(make_record("d", story(4), [person("x", "Lukashenko", "BLR", "OPP")]))
        store.write(make_record("e", story(5), [person("x", "Lukashenko", "BLR")]))
        ids = corpus_ids(store)
        assert ids[("a", "x")] == ids[("b", "x")] == ids[("c", "x")] == ids[("e", "x")]
        assert ids[("d", "x")] != ids[("a", "x")]
        name = store.conn.execute("SELECT name, articles FROM corpus_actors WHERE id = ?", (ids[("a", "x")],)).fetchone()
        assert tuple(name) == ("Alexander G. Lukashenko", 4)


def test_middle_initials_keep_people_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("a", story(1), [person("x", "George W. Bush", "USA", "GOV")]))
        store.write(make_record("b", story(2), [person("x", "George H. W. Bush", "USA", "GOV")]))
        store.write(make_record("c", story(3), [person("x", "George Bush", "USA", "GOV")]))
        store.write(make_record("d", story(4), [person("x", "Alexander Lukashenko", "BLR", "GOV")]))
        store.write(make_record("e", story(5), [person("x", "Alexander G. Lukashenko", "BLR", "GOV")]))
        ids = corpus_ids(store)
        assert len({ids[("a", "x")], ids[("b", "x")], ids[("c", "x")]}) == 3
        assert ids[("d", "x")] == ids[("e", "x")]


@pytest.mark.parametrize(("country", "sector", "merged"), [
    (None, "GOV", True), (None, "MIL", False), ("USA", "GOV", False), (None, None, False)])
def test_surname_alone_merges_only_when_country_and_sector_agree(tmp_path: Path, country, sector, merged) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("a", story(1), [person("x", "George W. Bush", None, "GOV")]))
        store.write(make_record("b", story(2), [person("x", "Bush", country, sector)]))
        ids = corpus_ids(store)
        assert (ids[("a", "x")] == ids[("b", "x")]) is merged


def test_ambiguous_surname_stays_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(make_record("a", story(1), [person("x", "John Smith", "USA")]))
        store.write(make_record("b", story(2), [person("x", "Jane Smith", "USA")]))
        store.write(make_record("c", story(3), [person("x", "Smith", "USA")]))
        ids = corpus_ids(store)
        assert len({ids[("a", "x")], ids[("b", "x")], ids[("c", "x")]}) == 3


def test_bad_record_leaves_nothing_behind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        bad = make_record("bad", story(1), [person("same", "A B"), person("same", "C D")], 1)
        with pytest.raises(StoreError, match="unique"):
            store.write(bad)
        for table in schema.EXPORT_TABLES + ("article_bands", "corpus_actor_names", "articles_fts"):
            assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_not_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(path)
    assert path.read_text().startswith("just some text")


def test_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store(path)


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_missing_store_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent.db", create=False)


def test_migrations_run_in_order_and_stamp_version(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    seen: list[int] = []

    def step(n: int):
        return lambda c: (seen.append(n), c.execute(f"CREATE TABLE m{n} (x)"))

    version = schema.migrate(conn, 1, target=3, migrations={1: step(1), 2: step(2)})
    assert (version, seen) == (3, [1, 2])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3

    def failing(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        schema.migrate(conn, 3, target=4, migrations={3: failing})
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_reader_never_sees_half_an_article(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    done = threading.Event()
    partial: list[tuple] = []

    def writer() -> None:
        with Store(path) as store:
            for n in range(150):
                store.write(make_record(f"a{n}", story(n), [person("p", f"Per Son{n}"), person("q", "Q R")], 5))
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    reads = 0
    with Store(path) as reader:
        while not done.is_set() or reads == 0:
            reader.conn.execute("BEGIN")
            rows = reader.conn.execute(
                "SELECT a.id, (SELECT count(*) FROM events e WHERE e.article_id = a.id),"
                " (SELECT count(*) FROM actors x WHERE x.article_id = a.id) FROM articles a").fetchall()
            reader.conn.execute("COMMIT")
            partial += [tuple(r) for r in rows if (r[1], r[2]) != (5, 2)]
            reads += 1
    thread.join()
    assert reads > 1 and not partial


def test_aggregates_follow_deletes(tmp_path: Path) -> None:
    """Relations and name/title counts are kept in step with the articles."""
    with Store(tmp_path / "s.db") as store:
        for n in range(3):
            store.write(make_record(f"a{n}", story(n), [person("p", "Vladimir Putin"), person("q", "Boris Other")],
                                    2, published=f"2020-11-2{n}"))
        rel = store.conn.execute("SELECT count, first, last FROM relations").fetchall()
        assert [tuple(r) for r in rel] == [(6, "2020-11-20", "2020-11-22")]
        store.delete("a0")
        store.delete("a2")
        rel = store.conn.execute("SELECT count, first, last FROM relations").fetchall()
        assert [tuple(r) for r in rel] == [(2, "2020-11-21", "2020-11-21")]
        forms = store.conn.execute("SELECT value, count FROM actor_forms WHERE field = 'name' ORDER BY value")
        assert [tuple(r) for r in forms] == [("Boris Other", 1), ("Vladimir Putin", 1)]
        store.delete("a1")
        for table in ("relations", "actor_forms", "corpus_actors", "events", "actors"):
            assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
