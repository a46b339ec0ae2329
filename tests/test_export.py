"""Exports read back equal: JSONL records (and re-ingest), CSV and Parquet per table, the network."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.corpus import ingest
from newsgraph.errors import InputError
from newsgraph.export import arrow_schema, column_types, export, read_csv_table, table_rows
from newsgraph.records import Record
from newsgraph.store import EXPORT_TABLES, Store
from test_query import _article
from test_store import records

_settings = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_batches = st.lists(records(), min_size=1, max_size=3, unique_by=lambda r: r.article.id)


def _tables(store: Store) -> dict[str, list[dict]]:
    """Every exported table, without the columns that say when and from where a row came."""
    volatile = {"ingested_at", "source", "at"}
    return {t: [{k: v for k, v in r.items() if k not in volatile} for r in table_rows(store.conn, t)]
            for t in EXPORT_TABLES if t != "skipped"}


def _filled(path: Path, recs: list[Record]) -> Store:
    store = Store(path)
    for r in recs:
        store.write(r)
    return store


@_settings
@given(recs=_batches)
def test_jsonl_export_is_the_records_and_reingests_to_the_same_store(recs: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        with _filled(d / "a.db", recs) as store:
            export(store, "jsonl", d / "out.jsonl")
            original = _tables(store)
        lines = (d / "out.jsonl").read_text(encoding="utf-8").splitlines()
        assert [Record.model_validate_json(line) for line in lines] == recs
        assert all(json.loads(line)["schema"] == "newsgraph/1" for line in lines)
        summary = ingest([d / "out.jsonl"], d / "b.db")
        assert summary.ok and summary.ingested + summary.duplicates == len(recs)
        with Store(d / "b.db") as again:
            assert _tables(again) == original


@_settings
@given(recs=_batches)
def test_csv_and_parquet_read_back_each_table(recs: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        with _filled(d / "a.db", recs) as store:
            store.record_skipped("in.jsonl:3", "malformed", "not JSON, \"quoted\"\nand ''")
            export(store, "csv", d / "csv")
            export(store, "parquet", d / "pq")
            for table in EXPORT_TABLES:
                expected = list(table_rows(store.conn, table))
                assert read_csv_table(d / "csv" / f"{table}.csv", column_types(store.conn, table)) == expected
                parquet = pq.read_table(d / "pq" / f"{table}.parquet")
                assert parquet.schema.equals(arrow_schema(store.conn, table))
                assert parquet.to_pylist() == expected


def test_actor_network(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(_article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT"))
        store.write(_article("a2", "2020-11-28", "Putin Lukashenko consulted again.", "CONSULT"))
        store.write(_article("a3", "2020-11-27", "Putin Lukashenko criticised over it.", "ACCUSE"))
        store.write(_article("a4", "2020-11-29", "Putin Lukashenko will not sanction.", "SANCTION", negated=True))
        for fmt in ("graphml", "gexf"):
            export(store, fmt, tmp_path / f"net.{fmt}")
        with pytest.raises(InputError, match="unknown export format"):
            export(store, "xlsx", tmp_path / "x")
    g = nx.read_graphml(tmp_path / "net.graphml", force_multigraph=True)
    names = {n: d["label"] for n, d in g.nodes(data=True)}
    assert sorted(names.values()) == ["Alexander Lukashenko", "Vladimir Putin"]
    assert {d["country"] for _, d in g.nodes(data=True)} == {"RUS", "BLR"}
    edges = {(names[u], names[v], d["type"]): (d["count"], d["first"], d["last"])
             for u, v, d in g.edges(data=True)}
    assert edges == {("Vladimir Putin", "Alexander Lukashenko", "CONSULT"): (2, "2020-11-26", "2020-11-28"),
                     ("Vladimir Putin", "Alexander Lukashenko", "ACCUSE"): (1, "2020-11-27", "2020-11-27")}
    gexf = nx.read_gexf(tmp_path / "net.gexf")
    assert gexf.number_of_nodes() == 2 and gexf.number_of_edges() == 2


def _small_store(path: Path) -> Store:
    store = Store(path)
    store.write(_article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT"))
    return store


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "jsonl"])
def test_export_never_writes_over_the_store(tmp_path: Path, fmt: str) -> None:
    """`export --out newsgraph.db` used to overwrite (or truncate to 0 bytes) the store being exported."""
    db = tmp_path / "s.db"
    with _small_store(db) as store:
        before = db.read_bytes()
        for out in (db, tmp_path / "." / "s.db", Path(str(db) + "-wal")):
            with pytest.raises(InputError, match="store being exported"):
                export(store, fmt, out, force=True)
        assert db.read_bytes() == before
        assert store.article_ids() == ["a1"]


def test_export_keeps_existing_files_unless_forced(tmp_path: Path) -> None:
    with _small_store(tmp_path / "s.db") as store:
        out = tmp_path / "net.graphml"
        out.write_text("mine")
        with pytest.raises(InputError, match="already exists.*--force"):
            export(store, "graphml", out)
        assert out.read_text() == "mine"
        (tmp_path / "tables").mkdir()
        (tmp_path / "tables" / "events.csv").write_text("mine")
        with pytest.raises(InputError, match="events.csv already exists"):
            export(store, "csv", tmp_path / "tables")
        assert (tmp_path / "tables" / "events.csv").read_text() == "mine"
        export(store, "graphml", out, force=True)
        assert nx.read_graphml(out).number_of_nodes() == 2
        with pytest.raises(InputError, match="is a file"):
            export(store, "parquet", out, force=True)
        with pytest.raises(InputError, match="stdout"):
            export(store, "csv", "-")


def test_export_creates_missing_folders(tmp_path: Path) -> None:
    with _small_store(tmp_path / "s.db") as store:
        export(store, "jsonl", tmp_path / "new" / "deeper" / "out.jsonl")
        export(store, "parquet", tmp_path / "new" / "pq")
    assert len((tmp_path / "new" / "deeper" / "out.jsonl").read_text().splitlines()) == 1
    assert (tmp_path / "new" / "pq" / "events.parquet").exists()
    assert not list((tmp_path / "new").rglob(".*.tmp"))


def test_a_query_on_an_emptied_store_is_a_store_error(tmp_path: Path) -> None:
    """A store truncated to 0 bytes used to be re-created empty by `stats` (0 articles, exit 0)."""
    from newsgraph.errors import StoreError

    db = tmp_path / "s.db"
    db.write_bytes(b"")
    with pytest.raises(StoreError, match="empty"):
        Store(db, create=False)
    assert db.read_bytes() == b""


def test_parquet_types_days_and_timestamps_and_cameo_stays_text(tmp_path: Path) -> None:
    """Dates and timestamps were strings in Parquet; a CAMEO code like "040" must never become 40."""
    import datetime as dt

    rec = _article("a1", "2020-11-26", "Putin and Lukashenko met in Sochi.", "CONSULT")
    rec.events[0].cameo = "040"
    with Store(tmp_path / "s.db") as store:
        store.write(rec)
        export(store, "parquet", tmp_path / "pq")
        export(store, "csv", tmp_path / "csv")
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert str(articles.schema.field("published").type) == "date32[day]"
    assert str(articles.schema.field("ingested_at").type) == "timestamp[ms, tz=UTC]"
    assert articles.column("published").to_pylist() == [dt.date(2020, 11, 26)]
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert str(events.schema.field("cameo").type) == "string" and events.column("cameo").to_pylist() == ["040"]
    assert '"040"' in (tmp_path / "csv" / "events.csv").read_text()
    assert '"2020-11-26"' in (tmp_path / "csv" / "articles.csv").read_text()
