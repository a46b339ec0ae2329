"""Export a store: JSONL records, one CSV/Parquet file per table, the actor network.

Column types come from one place, ``column_types`` (the declared SQLite
types, with the 0/1 flags typed as booleans), and every writer and reader
uses it, so a CSV or Parquet file reads back to exactly the table's rows.
CSV distinguishes NULL from the empty string: every value is quoted
(``QUOTE_NOTNULL``) and NULL is an unquoted empty field.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError
from .store import EXPORT_TABLES, Store

FORMATS = ("jsonl", "csv", "parquet", "graphml", "gexf")
BOOLEAN_COLUMNS = {"hedged", "negated", "hypothetical", "dup"}
_ARROW = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}


def column_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column name → INTEGER | REAL | TEXT | BOOLEAN, in table order."""
    out = {}
    for row in conn.execute(f"PRAGMA table_info({table})"):
        out[row["name"]] = "BOOLEAN" if row["name"] in BOOLEAN_COLUMNS else row["type"]
    return out


def arrow_schema(conn: sqlite3.Connection, table: str) -> pa.Schema:
    """The explicit Parquet schema of one table (docs/store.md lists the columns)."""
    return pa.schema([pa.field(name, pa.bool_() if kind == "BOOLEAN" else _ARROW[kind])
                      for name, kind in column_types(conn, table).items()])


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Rows of ``table`` in primary-key order, flags as booleans."""
    types = column_types(conn, table)
    pk = [r["name"] for r in sorted(conn.execute(f"PRAGMA table_info({table})"), key=lambda r: r["pk"]) if r["pk"]]
    for row in conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(pk)}"):
        yield {k: (bool(v) if types[k] == "BOOLEAN" and v is not None else v) for k, v in dict(row).items()}


#: Characters that some line splitters (``str.splitlines``, JavaScript) treat as line ends;
#: JSON allows them raw inside strings, so they are escaped to keep one record per line.
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def export_jsonl(store: Store, out: Path) -> int:
    """One ``newsgraph/1`` record per line, in ingestion order; returns the count."""
    n = 0
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for record in store.records():
            fh.write(record.to_json().translate(_LINE_BREAKS) + "\n")
            n += 1
    return n


def export_csv(store: Store, out: Path) -> list[Path]:
    """``<out>/<table>.csv`` for every table."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in EXPORT_TABLES:
        path = out / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_NOTNULL)
            cols = list(column_types(store.conn, table))
            writer.writerow(cols)
            for row in table_rows(store.conn, table):
                writer.writerow([_csv_cell(row[c]) for c in cols])
        paths.append(path)
    return paths


def _csv_cell(value: Any) -> Any:
    if isinstance(value, float):
        return repr(value)
    return int(value) if isinstance(value, bool) else value


_CSV_FIELD = re.compile(r'"([^"]*(?:""[^"]*)*)"|([^,\r\n"]*)')


def _csv_records(text: str) -> Iterator[list[str | None]]:
    """Parse CSV keeping NULL (unquoted empty) apart from "" (quoted empty).

    ``csv.reader`` cannot tell them apart before Python 3.13, so the few
    lines of RFC 4180 are done here.
    """
    pos, row = 0, []
    while pos < len(text):
        m = _CSV_FIELD.match(text, pos)
        quoted, bare = m.group(1), m.group(2)
        row.append(quoted.replace('""', '"') if quoted is not None else (bare or None))
        pos = m.end()
        if text.startswith(",", pos):
            pos += 1
            continue
        pos += 2 if text.startswith("\r\n", pos) else 1
        yield row
        row = []


def read_csv_table(path: Path, types: dict[str, str]) -> list[dict[str, Any]]:
    """Rows of one exported CSV file, typed by ``types`` (from :func:`column_types`)."""
    conv = {"INTEGER": int, "REAL": float, "TEXT": str, "BOOLEAN": lambda v: v == "1"}
    with path.open(encoding="utf-8", newline="") as fh:
        records = _csv_records(fh.read())
    header = next(records)
    return [{c: None if v is None else conv[types[c]](v) for c, v in zip(header, row, strict=True)}
            for row in records]


def export_parquet(store: Store, out: Path, *, batch: int = 10_000) -> list[Path]:
    """``<out>/<table>.parquet`` for every table, with the explicit schema."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in EXPORT_TABLES:
        schema = arrow_schema(store.conn, table)
        path = out / f"{table}.parquet"
        with pq.ParquetWriter(path, schema) as writer:
            rows: list[dict[str, Any]] = []
            for row in table_rows(store.conn, table):
                rows.append(row)
                if len(rows) >= batch:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        paths.append(path)
    return paths


def actor_network(store: Store) -> nx.MultiDiGraph:
    """Corpus actors as nodes; one edge per source → target and event type.

    Edges carry ``count``, ``first`` and ``last`` (event days); duplicates and
    negated events are left out, as in every aggregate.
    """
    g = nx.MultiDiGraph()
    conn = store.conn
    for a in conn.execute("SELECT id, name, kind, country, sector, articles, mentions FROM corpus_actors"):
        g.add_node(str(a["id"]), label=a["name"], kind=a["kind"], country=a["country"] or "",
                   sector=a["sector"] or "", articles=a["articles"], mentions=a["mentions"])
    for e in conn.execute("SELECT * FROM relations"):
        g.add_edge(str(e["source_cid"]), str(e["target_cid"]), key=e["type"], type=e["type"],
                   count=e["count"], weight=e["count"], first=e["first"] or "", last=e["last"] or "")
    return g


def export(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write ``store`` as ``fmt`` to ``out`` (a file, or a directory for csv/parquet)."""
    out = Path(out)
    if fmt == "jsonl":
        export_jsonl(store, out)
        return [out]
    if fmt == "csv":
        return export_csv(store, out)
    if fmt == "parquet":
        return export_parquet(store, out)
    if fmt in ("graphml", "gexf"):
        graph = actor_network(store)
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, out)
        return [out]
    raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
