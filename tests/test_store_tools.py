"""The store as other tools see it: Datasette's search box on each full-text index, and the
migration that made the indexes visible to it."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.store import Store, schema
from test_query import _article


def _store(path: Path) -> Path:
    with Store(path) as s:
        s.write(_article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT", quote="met in Sochi"))
        s.write(_article("a2", "2021-03-01", "Putin Lukashenko criticised over the protests.", "ACCUSE",
                         quote="criticised over"))
        s.write(_article("a3", "2019-05-05", "Putin Lukashenko signed nothing.", "AGREE"))
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> list[dict]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())


def test_datasette_searches_each_full_text_index_without_metadata(tmp_path: Path) -> None:
    """quotes_fts was not detected (content='quotes' in single quotes), so ?_search= returned every row."""
    db = _store(tmp_path / "s.db")
    port = _free_port()
    datasette = Path(sys.executable).with_name("datasette")
    if not datasette.exists():
        pytest.skip("datasette is not installed (pip install -e '.[test]')")
    proc = subprocess.Popen([str(datasette), "serve", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/s"
        for _ in range(150):
            try:
                _get(f"{base}.json")
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(proc.stderr.read().decode())
                time.sleep(0.2)
        articles = _get(f"{base}/articles.json?_search=Sochi&_shape=array")
        assert [a["id"] for a in articles] == ["a1"]
        assert {a["id"] for a in _get(f"{base}/articles.json?_search=Lukashenko&_shape=array")} == {"a1", "a2", "a3"}
        quotes = _get(f"{base}/quotes.json?_search=criticised&_shape=array")
        assert [q["text"] for q in quotes] == ["criticised over"]
    finally:
        proc.terminate()
        proc.wait(10)


def _downgrade_to_v1(db: Path) -> None:
    """Give a store the version-1 layout: articles keyed by pk, FTS content named in single quotes."""
    conn = sqlite3.connect(db, isolation_level=None)
    v1_fts = schema.FTS.replace('content="articles", content_rowid="sort_key"', "content='articles', content_rowid='sort_key'")
    v1_fts = v1_fts.replace('content="quotes", content_rowid="pk"', "content='quotes', content_rowid='pk'")
    v1_table = (schema._statements(schema.ARTICLES)[0]
                .replace("sort_key INTEGER PRIMARY KEY", "sort_key INTEGER NOT NULL UNIQUE")
                .replace("pk INTEGER NOT NULL UNIQUE", "pk INTEGER PRIMARY KEY")
                .replace("CREATE TABLE articles (", "CREATE TABLE old ("))
    cols = "sort_key, pk, id, title, author, published, outlet, url, language, text, source, ingested_at, duplicate_of, similarity"
    conn.executescript(f"""BEGIN;
        DROP TRIGGER articles_ai; DROP TRIGGER articles_ad; DROP TRIGGER quotes_ai; DROP TRIGGER quotes_ad;
        DROP TABLE articles_fts; DROP TABLE quotes_fts;
        {v1_table};
        INSERT INTO old({cols}) SELECT {cols} FROM articles;
        DROP TABLE articles; ALTER TABLE old RENAME TO articles;
        {''.join(schema._statements(schema.ARTICLES)[1:])}
        {v1_fts}
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild'); INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
        PRAGMA user_version = 1; COMMIT;""")
    assert "content='quotes'" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
    conn.close()


def test_version_1_store_migrates_to_detectable_indexes(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db")
    with Store(db) as s:
        before = {t: s.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schema.RECORD_TABLES}
        records = [s.read(a) for a in s.article_ids()]
    _downgrade_to_v1(db)
    with Store(db) as s:
        conn = s.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        fts = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE '%_fts'")}
        assert 'content="articles"' in fts["articles_fts"] and 'content="quotes"' in fts["quotes_fts"]
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schema.RECORD_TABLES} == before
        assert [s.read(a) for a in s.article_ids()] == records
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM articles WHERE rowid != sort_key").fetchone()[0] == 0
        assert [r["id"] for r in query.search(s, "Lukashenko")] == ["a2", "a1", "a3"]
        assert [q["text"] for q in query.quotes(s, text="Sochi")] == ["met in Sochi"]
        s.delete("a1")  # the triggers of the new indexes work
        assert query.search(s, "Sochi") == [] and query.quotes(s, text="Sochi") == []
        assert s.conn.execute("SELECT count(*) FROM actors WHERE article_id = 'a1'").fetchone()[0] == 0
