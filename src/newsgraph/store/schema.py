"""DDL of the newsgraph store, its version, and forward migrations.

The store identifies itself twice: ``PRAGMA user_version`` holds the schema
version (cheap to read, survives every tool) and the ``meta`` table says
``format = newsgraph-store`` so a foreign SQLite file is never mistaken for
one of ours. Every list of a ``newsgraph/1`` record has its own table keyed
by ``(article_id, idx)`` so a record reads back in its original order; each
table has an ``INTEGER PRIMARY KEY`` so FTS5 external content rowids stay
stable through ``VACUUM``. The article index is keyed by ``sort_key``
(publication day, then pk) so "newest first" is FTS5's own rowid order and a
search stops after the first page however common the word.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

FORMAT = "newsgraph-store"
SCHEMA_VERSION = 5

#: The tables that hold record data, in write order (parents first).
RECORD_TABLES = ("articles", "actors", "mentions", "times", "quantities", "places",
                 "quotes", "claims", "events")
#: Every table an export writes (record tables plus corpus-level ones).
EXPORT_TABLES = RECORD_TABLES + ("corpus_actors", "relations", "skipped")

_CHILD = "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL"

#: Version 4: what ``newsgraph stats`` shows, counted as articles come and go (store/aggregates.py).
COUNTS_DDL = """
CREATE TABLE counts (
    grp TEXT NOT NULL, key TEXT NOT NULL, null_key INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (grp, key, null_key)
) WITHOUT ROWID;
CREATE INDEX times_date_value ON times(type, value, article_id);
"""

#: Version 5: the facets and histograms of the web UI, counted as articles come and go
#: (store/aggregates.py): events per actor (or the whole store, ``cid`` 0) by role, polarity, day
#: (or month) and type; per place or country; source → target pairs summed over types; and the
#: indexes that make the remaining counts and top lists index reads.
FACETS_DDL = """
CREATE TABLE event_days (
    cid INTEGER NOT NULL, role TEXT NOT NULL, negated INTEGER NOT NULL, day TEXT NOT NULL, type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (cid, role, negated, day, type)
) WITHOUT ROWID;
CREATE TABLE event_months (
    cid INTEGER NOT NULL, role TEXT NOT NULL, negated INTEGER NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (cid, role, negated, month, type)
) WITHOUT ROWID;
CREATE TABLE event_places (
    cid INTEGER NOT NULL, role TEXT NOT NULL, negated INTEGER NOT NULL, country TEXT NOT NULL,
    place TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (cid, role, negated, country, place, lat, lon)
) WITHOUT ROWID;
CREATE TABLE relation_pairs (
    source_cid INTEGER NOT NULL, target_cid INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (source_cid, target_cid)
) WITHOUT ROWID;
CREATE INDEX relation_pairs_count ON relation_pairs(count DESC, source_cid, target_cid);
CREATE INDEX relation_pairs_source ON relation_pairs(source_cid, count);
CREATE INDEX relation_pairs_target ON relation_pairs(target_cid, count);
-- asserted events of a country (either side) above a confidence, counted or paged newest first,
-- read only an index
CREATE INDEX events_source_country_conf ON events(source_country, day, confidence, target_country)
    WHERE dup = 0 AND negated = 0;
CREATE INDEX events_target_country_conf ON events(target_country, day, confidence, source_country)
    WHERE dup = 0 AND negated = 0;
CREATE INDEX corpus_actors_events ON corpus_actors(events_as_source + events_as_target DESC, mentions DESC, id);
"""

#: Version 5 too: claims know their source's corpus actor (and, like quotations, their article's
#: day and whether it is a near-duplicate), so a profile lists the claims citing an actor from an index.
CLAIM_COLUMNS = """
    source_cid INTEGER REFERENCES corpus_actors(id) ON DELETE SET NULL,
    published TEXT,
    dup INTEGER NOT NULL DEFAULT 0,
"""

def _item_fts(table: str) -> str:
    """An external-content FTS5 index over ``table(text)``, kept by triggers."""
    return f"""
CREATE VIRTUAL TABLE {table}_fts USING fts5(text, content="{table}", content_rowid="pk");
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts(rowid, text) VALUES (new.pk, new.text);
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;
"""


#: Version 5 too: claims are searchable like quotations.
CLAIMS_FTS = _item_fts("claims")

#: The rowid of ``articles`` is ``sort_key`` (publication day ordinal << 32 | pk), the rowid of its
#: full-text index too, so tools that join an index to its table by rowid (Datasette) find the right rows.
ARTICLES = """
CREATE TABLE articles (
    sort_key INTEGER PRIMARY KEY,  -- publication day ordinal << 32 | pk: the FTS rowid, newest last
    pk INTEGER NOT NULL UNIQUE,  -- ingestion order
    id TEXT NOT NULL UNIQUE,
    title TEXT, author TEXT, published TEXT, outlet TEXT, url TEXT, language TEXT,
    text TEXT NOT NULL,
    source TEXT,
    ingested_at TEXT NOT NULL,
    duplicate_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
    similarity REAL
);
CREATE INDEX articles_published ON articles(published, pk);
CREATE INDEX articles_outlet ON articles(outlet, published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
"""

#: External-content FTS5 indexes kept by triggers. ``content="…"`` is written with double quotes,
#: the form Datasette looks for when it decides a table has a search box.
FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="sort_key");
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.sort_key, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.sort_key, old.title, old.text);
END;

""" + _item_fts("quotes")

DDL = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

{ARTICLES}
CREATE TABLE article_bands (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band INTEGER NOT NULL, hash INTEGER NOT NULL,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article_id);

CREATE TABLE corpus_actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, sector TEXT,
    surname TEXT,
    articles INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0,
    events_as_source INTEGER NOT NULL DEFAULT 0, events_as_target INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corpus_actors_surname ON corpus_actors(surname, country, sector);
CREATE INDEX corpus_actors_name ON corpus_actors(name COLLATE NOCASE);

CREATE TABLE corpus_actor_names (
    norm TEXT NOT NULL,
    corpus_actor_id INTEGER NOT NULL REFERENCES corpus_actors(id) ON DELETE CASCADE,
    PRIMARY KEY (norm, corpus_actor_id)
) WITHOUT ROWID;
CREATE INDEX corpus_actor_names_actor ON corpus_actor_names(corpus_actor_id);

CREATE TABLE actors (
    pk INTEGER PRIMARY KEY, {_CHILD},
    id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, sector TEXT, title TEXT,
    corpus_actor_id INTEGER REFERENCES corpus_actors(id) ON DELETE SET NULL,
    UNIQUE (article_id, id), UNIQUE (article_id, idx)
);
CREATE INDEX actors_corpus ON actors(corpus_actor_id, article_id);

CREATE TABLE mentions (
    pk INTEGER PRIMARY KEY, article_id TEXT NOT NULL, actor_id TEXT NOT NULL, idx INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, id) ON DELETE CASCADE,
    UNIQUE (article_id, actor_id, idx)
);

CREATE TABLE times (
    pk INTEGER PRIMARY KEY, {_CHILD},
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT, mod TEXT, UNIQUE (article_id, idx)
);

CREATE TABLE quantities (
    pk INTEGER PRIMARY KEY, {_CHILD},
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value REAL NOT NULL, unit TEXT, approx TEXT NOT NULL, about TEXT, event TEXT,
    UNIQUE (article_id, idx)
);

CREATE TABLE places (
    pk INTEGER PRIMARY KEY, {_CHILD},
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT NOT NULL, country TEXT, lat REAL, lon REAL, geonameid INTEGER, feature TEXT,
    UNIQUE (article_id, idx)
);

CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY, {_CHILD},
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,
    cue TEXT, cue_start INTEGER, cue_end INTEGER,
    speaker_corpus_id INTEGER REFERENCES corpus_actors(id) ON DELETE SET NULL,
    published TEXT, dup INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_corpus_id, dup, published);

CREATE TABLE claims (
    pk INTEGER PRIMARY KEY, {_CHILD},
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    source TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER,
    hedged INTEGER NOT NULL, {CLAIM_COLUMNS.strip().rstrip(",")},
    UNIQUE (article_id, idx)
);
CREATE INDEX claims_source ON claims(source_cid, dup, published);

CREATE TABLE events (
    pk INTEGER PRIMARY KEY, {_CHILD},
    id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT,
    source TEXT, target TEXT, date TEXT, place INTEGER,
    negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, attributed_to TEXT,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    mentions TEXT,
    day TEXT,
    source_cid INTEGER REFERENCES corpus_actors(id) ON DELETE SET NULL,
    target_cid INTEGER REFERENCES corpus_actors(id) ON DELETE SET NULL,
    source_country TEXT, target_country TEXT,
    dup INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, idx)
);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type_day ON events(type, day);
CREATE INDEX events_source ON events(source_cid, day);
CREATE INDEX events_target ON events(target_cid, day);
CREATE INDEX events_source_country ON events(source_country, day);
CREATE INDEX events_target_country ON events(target_country, day);
CREATE INDEX events_pair ON events(source_cid, target_cid, type, dup, negated, day);

-- Aggregates kept in the writer's transaction, so profiles and the network
-- cost one indexed read however busy the actor (docs/store.md).
CREATE TABLE relations (
    source_cid INTEGER NOT NULL REFERENCES corpus_actors(id) ON DELETE CASCADE,
    target_cid INTEGER NOT NULL REFERENCES corpus_actors(id) ON DELETE CASCADE,
    type TEXT NOT NULL, count INTEGER NOT NULL, first TEXT, last TEXT,
    PRIMARY KEY (source_cid, target_cid, type)
) WITHOUT ROWID;
CREATE INDEX relations_target ON relations(target_cid, source_cid, type);

CREATE TABLE actor_forms (
    corpus_actor_id INTEGER NOT NULL REFERENCES corpus_actors(id) ON DELETE CASCADE,
    field TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (corpus_actor_id, field, value)
) WITHOUT ROWID;

{COUNTS_DDL}
{FACETS_DDL}
CREATE TABLE skipped (
    pk INTEGER PRIMARY KEY,
    source TEXT NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL,
    UNIQUE (source, kind)
);

{FTS}
{CLAIMS_FTS}"""

Migration = Callable[[sqlite3.Connection], None]


def _to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: full-text indexes Datasette detects without metadata.

    Version 1 wrote ``content='articles'`` (single quotes, which Datasette does
    not recognise) and keyed ``articles`` by ``pk`` while its index was keyed by
    ``sort_key``. The articles table is rebuilt with ``sort_key`` as its rowid
    (foreign keys are off while migrating, so nothing cascades) and both
    indexes are recreated and rebuilt from their tables.
    """
    if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("migrating to version 2 needs foreign keys off")
    for name in ("articles_ai", "articles_ad", "quotes_ai", "quotes_ad"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("DROP TABLE IF EXISTS articles_fts")
    conn.execute("DROP TABLE IF EXISTS quotes_fts")
    cols = ("sort_key, pk, id, title, author, published, outlet, url, language, text, source, ingested_at,"
            " duplicate_of, similarity")
    table, *indexes = _statements(ARTICLES)
    # The new table is built under another name and renamed: renaming the old one instead would
    # rewrite the children's REFERENCES clauses to follow it.
    conn.execute(table.replace("CREATE TABLE articles (", "CREATE TABLE articles_v2 (", 1))
    conn.execute(f"INSERT INTO articles_v2({cols}) SELECT {cols} FROM articles")
    conn.execute("DROP TABLE articles")
    conn.execute("ALTER TABLE articles_v2 RENAME TO articles")
    for statement in indexes + _statements(FTS):
        conn.execute(statement)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")


def _statements(sql: str) -> list[str]:
    """The statements of a DDL script (triggers kept whole)."""
    out, buf = [], ""
    for line in sql.strip().splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


#: ``MIGRATIONS[n]`` upgrades a store at version ``n`` to ``n + 1``. Version 1 is the first.
def _add_event_mentions(conn: sqlite3.Connection) -> None:
    """2 → 3: an event's other mentions in its article (JSON list of {trigger, sentence})."""
    if "mentions" not in [r[1] for r in conn.execute("PRAGMA table_info(events)")]:
        conn.execute("ALTER TABLE events ADD COLUMN mentions TEXT")


def _add_counts(conn: sqlite3.Connection) -> None:
    """3 → 4: the ``counts`` aggregate (filled from the existing rows) and the timeline's index."""
    from .aggregates import rebuild_counts

    for statement in COUNTS_DDL.split(";"):
        if statement.strip():
            conn.execute(statement.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS")
                         .replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))
    rebuild_counts(conn)


def _add_facets(conn: sqlite3.Connection) -> None:
    """4 → 5: the web UI's aggregates (filled from the existing rows) and the claims' full-text index.

    Idempotent: tables and indexes are created if missing and refilled from the record tables.
    """
    from .aggregates import rebuild_counts, rebuild_facets

    have = {r[1] for r in conn.execute("PRAGMA table_info(claims)")}
    for column in CLAIM_COLUMNS.strip().splitlines():
        if column.split()[0] not in have:
            conn.execute(f"ALTER TABLE claims ADD COLUMN {column.strip().rstrip(',')}")
    conn.execute("UPDATE claims SET source_cid = (SELECT x.corpus_actor_id FROM actors x WHERE x.article_id ="
                 " claims.article_id AND x.id = claims.source), published = (SELECT published FROM articles"
                 " WHERE id = claims.article_id), dup = (SELECT duplicate_of IS NOT NULL FROM articles"
                 " WHERE id = claims.article_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS claims_source ON claims(source_cid, dup, published)")
    for statement in _statements(FACETS_DDL) + _statements(CLAIMS_FTS):
        conn.execute(statement.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS")
                     .replace("CREATE VIRTUAL TABLE", "CREATE VIRTUAL TABLE IF NOT EXISTS")
                     .replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS")
                     .replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS"))
    conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
    rebuild_counts(conn)
    rebuild_facets(conn)


MIGRATIONS: dict[int, Migration] = {
    1: _to_v2,
    2: _add_event_mentions,
    3: _add_counts,
    4: _add_facets,
}


def create(conn: sqlite3.Connection) -> None:
    """Create every table of an empty store and stamp it, atomically.

    ``conn`` is in autocommit mode (``isolation_level=None``).
    """
    conn.executescript(
        "BEGIN IMMEDIATE;" + DDL
        + f"INSERT INTO meta(key, value) VALUES ('format', '{FORMAT}'), ('record_schema', 'newsgraph/1');"
        + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")


def migrate(conn: sqlite3.Connection, version: int, *, target: int = SCHEMA_VERSION,
            migrations: Mapping[int, Migration] = MIGRATIONS) -> int:
    """Apply migrations from ``version`` up to ``target``, each in its own transaction."""
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        version += 1
    return version
