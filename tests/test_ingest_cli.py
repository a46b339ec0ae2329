"""Ingest: summaries, skipped inputs, resuming after kill -9, record files, the CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy

from newsgraph.corpus import ingest, is_record_file
from newsgraph.store import Store
from test_store import make_record, person, story


@pytest.fixture(scope="module")
def blank():
    """A tokenizer-only pipeline: analysis yields article-only records, fast, no model."""
    from newsgraph.extract import register_extensions

    register_extensions()
    return spacy.blank("en")


def write_jsonl(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "actors", "events", "skipped")}


def test_summary_counts_every_input(tmp_path: Path, blank) -> None:
    (tmp_path / "one.txt").write_text(story(1), encoding="utf-8")
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": story(2), "id": "up-2", "title": "Two", "date": "2020-01-02"},
                                              {"text": story(1).replace("w1x3 ", "z ", 1), "title": "Story 1"}])
    with src.open("a") as fh:
        fh.write("{not json\n")
    db = tmp_path / "s.db"
    summary = ingest([tmp_path / "one.txt", src, tmp_path / "absent.txt"], db, nlp=blank)
    assert (summary.ingested, summary.duplicates, summary.unchanged) == (2, 1, 0), summary
    assert sorted(s.kind for s in summary.skipped) == ["malformed", "missing"]
    assert not summary.ok
    with Store(db) as store:
        assert store.read("up-2").article.published == "2020-01-02"
        kinds = {r["kind"] for r in store.conn.execute("SELECT kind FROM skipped")}
        assert kinds == {"malformed", "missing"}
    again = ingest([tmp_path / "one.txt", src], db, nlp=blank)
    assert (again.ingested, again.duplicates, again.unchanged) == (0, 0, 3)
    assert counts(db)["articles"] == 3


def test_rebuild_reanalyses(tmp_path: Path, blank) -> None:
    (tmp_path / "one.txt").write_text(story(1), encoding="utf-8")
    db = tmp_path / "s.db"
    ingest([tmp_path / "one.txt"], db, nlp=blank)
    summary = ingest([tmp_path / "one.txt"], db, nlp=blank, rebuild=True)
    assert (summary.ingested, summary.unchanged) == (1, 0)
    assert counts(db)["articles"] == 1


def test_record_files_are_stored_without_analysis(tmp_path: Path) -> None:
    rec = make_record("r1", story(1), [person("p", "Vladimir Putin"), person("q", "Boris Other")], 2)
    path = tmp_path / "records.jsonl"
    path.write_text(rec.to_json() + "\n" + '{"schema": "newsgraph/1", "article": {}}\n', encoding="utf-8")
    assert is_record_file(path)
    summary = ingest([path], tmp_path / "s.db")  # no nlp, no model: nothing is analysed
    assert summary.ingested == 1 and [s.kind for s in summary.skipped] == ["malformed"]
    with Store(tmp_path / "s.db") as store:
        assert store.read("r1") == rec


_WRITER = """
import sys
from newsgraph.corpus import ingest
ingest([sys.argv[1]], sys.argv[2])
"""


def test_kill_9_leaves_a_consistent_store_and_a_rerun_finishes(tmp_path: Path) -> None:
    n = 3000
    src = tmp_path / "records.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = make_record(f"k{i}", story(i), [person("p", f"Per Son{i % 50}"), person("q", "Boris Other")], 4)
            fh.write(rec.to_json() + "\n")
    db = tmp_path / "s.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(src), str(db)], env=env)
    deadline = time.monotonic() + 60
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:
            seen = counts(db)["articles"] if db.exists() else 0
        except sqlite3.Error:
            continue
        if seen >= 100:
            break
    assert proc.poll() is None, "the writer finished before it could be killed; raise n"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        bad = conn.execute("SELECT a.id FROM articles a WHERE (SELECT count(*) FROM events e WHERE"
                           " e.article_id = a.id) != 4 OR (SELECT count(*) FROM actors x WHERE"
                           " x.article_id = a.id) != 2").fetchall()
    assert 100 <= stored < n and bad == []
    summary = ingest([src], db)
    assert summary.ingested == n - stored and summary.unchanged == stored and summary.ok
    c = counts(db)
    assert (c["articles"], c["events"], c["actors"]) == (n, 4 * n, 2 * n)


def _cli(args: list[str]) -> int:
    from newsgraph.cli import main

    return main(args)


@pytest.fixture()
def record_file(tmp_path: Path) -> Path:
    from test_query import _article

    recs = [_article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT", quote="met in Sochi"),
            _article("a2", "2020-11-27", "Putin Lukashenko criticised over the protests.", "ACCUSE")]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.to_json() + "\n" for r in recs), encoding="utf-8")
    return path


def test_cli_ingest_then_query_and_export(tmp_path: Path, record_file: Path, capsys) -> None:
    db = tmp_path / "c.db"
    assert _cli(["ingest", str(record_file), "--db", str(db)]) == 0
    assert "2 ingested" in capsys.readouterr().err
    assert _cli(["events", "--db", str(db), "--source", "Putin", "--target", "Lukashenko", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["type"], r["sentence"]) for r in rows] == [
        ("ACCUSE", "Putin Lukashenko criticised over the protests."), ("CONSULT", "Putin and Lukashenko met in Sochi.")]
    assert _cli(["search", "Sochi", "--db", str(db), "--jsonl"]) == 0
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ["a1"]
    assert _cli(["actor", "Putin", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Vladimir Putin"
    for cmd in (["actors"], ["quotes", "--speaker", "Putin"], ["timeline", "--actor", "Putin"], ["stats"]):
        assert _cli([*cmd, "--db", str(db), "--csv"]) == 0, cmd
        assert capsys.readouterr().out.count("\n") >= 2, cmd
    assert _cli(["export", "--format", "jsonl", "--out", str(tmp_path / "out.jsonl"), "--db", str(db)]) == 0
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == record_file.read_text(encoding="utf-8")


def test_cli_exit_codes(tmp_path: Path, record_file: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "c.db"
    assert _cli(["ingest", str(record_file), str(tmp_path / "absent.txt"), "--db", str(db)]) == 1
    assert "absent.txt [missing]" in capsys.readouterr().err
    notdb = tmp_path / "notes.db"
    notdb.write_text("not a database " * 50)
    assert _cli(["stats", "--db", str(notdb)]) == 4
    assert "not a SQLite database" in " ".join(capsys.readouterr().err.split())  # main() may wrap lines
    assert _cli(["stats", "--db", str(tmp_path / "nothing.db")]) == 4
    assert not (tmp_path / "nothing.db").exists()
    monkeypatch.setenv("NEWSGRAPH_DB", str(db))  # the documented environment variable, not a seam
    assert _cli(["stats", "--json"]) == 0
    assert {"group": "total", "key": "articles", "count": 2} in json.loads(capsys.readouterr().out)


@pytest.mark.model
def test_real_analysis_of_the_examples_lands_in_the_store(tmp_path: Path, nlp) -> None:
    """The example articles, analysed for real: actors merged across articles, events with evidence."""
    examples = Path(__file__).parents[1] / "examples"
    db = tmp_path / "ex.db"
    summary = ingest([examples], db, nlp=nlp)
    assert summary.ok and summary.ingested == len(list(examples.iterdir()))
    from newsgraph import query

    with Store(db) as store:
        merged = [a for a in query.actors(store, limit=None) if a["articles"] >= 2]
        assert any("Lukashenko" in a["name"] for a in merged), merged
        rows = query.events(store, limit=None)
        assert rows and all(r["sentence"] and r["title"] for r in rows)
        for r in store.records():  # offsets still point at their text after the round trip
            assert all(r.article.text[e.trigger.start:e.trigger.end] == e.trigger.text for e in r.events)
    assert ingest([examples], db, nlp=nlp).unchanged == summary.ingested


def test_corrupt_gzip_keeps_what_was_stored(tmp_path: Path, blank) -> None:
    import gzip

    good = write_jsonl(tmp_path / "good.jsonl", [{"text": story(n), "title": f"S{n}"} for n in range(3)])
    db = tmp_path / "s.db"
    assert ingest([good], db, nlp=blank).ingested == 3
    data = gzip.compress("".join(json.dumps({"text": story(n)}) + "\n" for n in range(10, 60)).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])  # truncated mid-stream
    summary = ingest([tmp_path / "cut.jsonl.gz", good], db, nlp=blank)
    assert summary.skipped and summary.unchanged == 3
    assert any("cut.jsonl.gz" in s.source for s in summary.skipped)
    with Store(db) as store:
        assert len(store.article_ids()) == 3 + summary.ingested
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("SELECT count(*) FROM skipped WHERE source LIKE '%cut.jsonl.gz%'").fetchone()[0] >= 1


def test_an_article_that_breaks_analysis_is_skipped_and_the_rest_stored(tmp_path: Path) -> None:
    from spacy.language import Language

    from newsgraph.extract import register_extensions

    @Language.component("test_explode_on_boom")
    def explode(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("component failed")
        return doc

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_explode_on_boom")
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": story(1)}, {"text": story(2) + " BOOM"}, {"text": story(3)}])
    summary = ingest([src], tmp_path / "s.db", nlp=nlp)
    assert summary.ingested == 2
    assert [(s.source.endswith("in.jsonl:2"), s.kind) for s in summary.skipped] == [(True, "analysis_error")]
    assert counts(tmp_path / "s.db")["skipped"] == 1
