"""Export a store: JSONL records, one CSV/Parquet file per table, the actor network.

Column types come from one place, ``column_types`` (the declared SQLite
types, with the 0/1 flags typed as booleans), and every writer and reader
uses it, so a CSV or Parquet file reads back to exactly the table's rows.
CSV distinguishes NULL from the empty string: every value is quoted
(``QUOTE_NOTNULL``) and NULL is an unquoted empty field. Days are ``date32``
and timestamps ``timestamp[ms, UTC]`` in Parquet. CAMEO codes are text
everywhere ("040", not 40): quoting does not stop pandas from guessing a
number, so read CSV with ``dtype={"cameo": str}`` (docs/store.md).
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import datetime as dt
from typing import TYPE_CHECKING

from .errors import InputError
from .store import EXPORT_TABLES, Store

FORMATS = ("jsonl", "csv", "parquet", "graphml", "gexf")
BOOLEAN_COLUMNS = {"hedged", "negated", "hypothetical", "dup"}
#: Columns that hold a calendar day (YYYY-MM-DD) and a UTC timestamp: Parquet types them as
#: ``date32`` and ``timestamp[ms, UTC]``; CSV writes them in ISO 8601.
DATE_COLUMNS = {"published"}
TIMESTAMP_COLUMNS = {"ingested_at", "at"}

if TYPE_CHECKING:
    import networkx as nx
    import pyarrow as pa


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    return {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string(), "BOOLEAN": pa.bool_(),
            "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("ms", tz="UTC")}[kind]


def column_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column name → INTEGER | REAL | TEXT | BOOLEAN | DATE | TIMESTAMP, in table order."""
    out = {}
    for row in conn.execute(f"PRAGMA table_info({table})"):
        name = row["name"]
        out[name] = ("BOOLEAN" if name in BOOLEAN_COLUMNS else "DATE" if name in DATE_COLUMNS
                     else "TIMESTAMP" if name in TIMESTAMP_COLUMNS else row["type"])
    return out


def arrow_schema(conn: sqlite3.Connection, table: str) -> pa.Schema:
    """The explicit Parquet schema of one table (docs/store.md lists the columns)."""
    import pyarrow as pa

    return pa.schema([pa.field(name, _arrow_type(kind)) for name, kind in column_types(conn, table).items()])


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Rows of ``table`` in primary-key order, flags as booleans."""
    types = column_types(conn, table)
    pk = [r["name"] for r in sorted(conn.execute(f"PRAGMA table_info({table})"), key=lambda r: r["pk"]) if r["pk"]]
    for row in conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(pk)}"):
        yield {k: _typed(v, types[k], table, k) for k, v in dict(row).items()}


def _typed(value: Any, kind: str, table: str, column: str) -> Any:
    """A stored value as its column's type (flags as booleans, days as dates, timestamps as datetimes)."""
    if value is None:
        return None
    if kind == "BOOLEAN":
        return bool(value)
    try:
        if kind == "DATE":
            return dt.date.fromisoformat(value)
        if kind == "TIMESTAMP":
            stamp = dt.datetime.fromisoformat(value)
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    except (TypeError, ValueError):
        raise InputError(f"{table}.{column} holds {value!r}, which is not an ISO 8601 "
                         f"{'date' if kind == 'DATE' else 'timestamp'}; fix the row (or re-ingest its "
                         "article) and export again") from None
    return value


#: Characters that some line splitters (``str.splitlines``, JavaScript) treat as line ends;
#: JSON allows them raw inside strings, so they are escaped to keep one record per line.
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def export_jsonl(store: Store, out: Path) -> int:
    """One ``newsgraph/1`` record per line, in ingestion order; returns the count."""
    with _replacing(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        return _write_jsonl(store, fh)


def _write_jsonl(store: Store, fh: TextIO) -> int:
    n = 0
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
        with _replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
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
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
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
    conv = {"INTEGER": int, "REAL": float, "TEXT": str, "BOOLEAN": lambda v: v == "1",
            "DATE": dt.date.fromisoformat, "TIMESTAMP": dt.datetime.fromisoformat}
    with path.open(encoding="utf-8", newline="") as fh:
        records = _csv_records(fh.read())
    header = next(records)
    return [{c: None if v is None else conv[types[c]](v) for c, v in zip(header, row, strict=True)}
            for row in records]


def export_parquet(store: Store, out: Path, *, batch: int = 10_000) -> list[Path]:
    """``<out>/<table>.parquet`` for every table, with the explicit schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in EXPORT_TABLES:
        schema = arrow_schema(store.conn, table)
        path = out / f"{table}.parquet"
        with _replacing(path) as tmp, pq.ParquetWriter(tmp, schema) as writer:
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
    import networkx as nx

    g = nx.MultiDiGraph()
    conn = store.conn
    for a in conn.execute("SELECT id, name, kind, country, sector, articles, mentions FROM corpus_actors"):
        g.add_node(str(a["id"]), label=a["name"], kind=a["kind"], country=a["country"] or "",
                   sector=a["sector"] or "", articles=a["articles"], mentions=a["mentions"])
    for e in conn.execute("SELECT * FROM relations"):
        g.add_edge(str(e["source_cid"]), str(e["target_cid"]), key=e["type"], type=e["type"],
                   count=e["count"], weight=e["count"], first=e["first"] or "", last=e["last"] or "")
    return g


#: Formats that are one file (and so can go to stdout with ``--out -``); the others are one file per table.
SINGLE_FILE = ("jsonl", "graphml", "gexf")


def targets(fmt: str, out: Path) -> list[Path]:
    """The files an export of ``fmt`` to ``out`` writes."""
    if fmt in SINGLE_FILE:
        return [out]
    return [out / f"{table}.{fmt}" for table in EXPORT_TABLES]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def check_targets(store: Store, fmt: str, out: Path, *, force: bool = False) -> list[Path]:
    """The files to write, after refusing anything that would lose data.

    An export never writes over the store (nor its journal files), nor over
    an existing file unless ``force``; a file where a directory is needed (or
    the reverse) is an error, not a surprise.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in SINGLE_FILE and out.is_dir():
        raise InputError(f"{out} is a directory; a {fmt} export is one file: give a file name")
    if fmt not in SINGLE_FILE and out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file; a {fmt} export writes one file per table into a directory: "
                         "give a directory name")
    store_files = [store.path, *(store.path.with_name(store.path.name + s) for s in ("-wal", "-shm", "-journal"))]
    paths = targets(fmt, out)
    for path in paths:
        if any(_same_file(path, f) for f in store_files if f.exists() or f == store.path):
            raise InputError(f"{path} is the store being exported; writing there would destroy it — "
                             "choose another --out")
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise InputError(f"{existing[0]}{more} already exists; pass --force to overwrite, or choose another --out")
    return paths


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` that replaces it only once complete, so an export that
    fails half-way leaves the old file (or nothing) behind, never a truncated one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export(store: Store, fmt: str, out: Path | str, *, force: bool = False) -> list[Path]:
    """Write ``store`` as ``fmt`` to ``out`` (a file, or a directory for csv/parquet).

    ``out`` "-" writes a single-file format to stdout. Missing folders are
    created. See :func:`check_targets` for what is refused.
    """
    if str(out) == "-":
        if fmt not in SINGLE_FILE:
            raise InputError(f"--out - (stdout) works for {', '.join(SINGLE_FILE)}; a {fmt} export is one "
                             "file per table: give a directory")
        _write(store, fmt, None)
        return []
    out = Path(out)
    paths = check_targets(store, fmt, out, force=force)
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
    _write(store, fmt, out)
    return paths


def _write(store: Store, fmt: str, out: Path | None) -> None:
    """Write one format to ``out`` (None: stdout), each file through :func:`_replacing`."""
    if fmt == "jsonl":
        if out is None:
            _write_jsonl(store, sys.stdout)
        else:
            with _replacing(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
                _write_jsonl(store, fh)
    elif fmt == "csv":
        export_csv(store, out)
    elif fmt == "parquet":
        export_parquet(store, out)
    else:
        import networkx as nx

        graph = actor_network(store)
        write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        if out is None:
            write(graph, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with _replacing(out) as tmp:
                write(graph, tmp)
