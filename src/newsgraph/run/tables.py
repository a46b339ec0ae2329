"""``newsgraph/1`` records as pyarrow tables, and back.

The columns and their types are the SQLite store's (``store.schema.DDL``,
typed as ``export.arrow_schema`` types them, flags as booleans), so a table
of the dataset, a table of ``newsgraph export --format parquet`` and a table
of the store agree column for column. The flattening is the store's own
(``store.rows.list_rows`` / ``item_from_row``); this module only adds the
Arrow side. A few columns the store does not have say where a row came from:
``articles.shard``/``pos`` (input order) and ``skipped.shard``.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from ..export import arrow_schema
from ..ingest.skipped import Skipped
from ..records import Actor, Article, Record, Span
from ..store import neardup
from ..store import schema as store_schema
from ..store.rows import ACTOR_COLUMNS, ARTICLE_COLUMNS, COLUMNS, item_from_row, list_rows

#: Tables partitioned by the article's publication date, in write order.
RECORD_TABLES = ("articles", "actors", "mentions", *COLUMNS)
#: Every table one shard writes.
SHARD_TABLES = (*RECORD_TABLES, "bands", "skipped")
_CHILD = ("article_id", "idx")
#: table → (store table it mirrors, its columns, extra columns not in the store)
_LAYOUT: dict[str, tuple[str, tuple[str, ...], tuple[pa.Field, ...]]] = {
    "articles": ("articles", (*ARTICLE_COLUMNS, "source"),
                 (pa.field("shard", pa.string()), pa.field("pos", pa.int64()))),
    "actors": ("actors", (*_CHILD, *ACTOR_COLUMNS), ()),
    "mentions": ("mentions", ("article_id", "actor_id", "idx", "start", "end"), ()),
    **{t: (t, (*_CHILD, *cols), ()) for t, cols in COLUMNS.items()},
    "bands": ("article_bands", ("article_id", "band", "hash"), ()),
    "skipped": ("skipped", ("source", "kind", "reason", "at"), (pa.field("shard", pa.string()),)),
}


@functools.cache
def schemas() -> dict[str, pa.Schema]:
    """The explicit Arrow schema of every shard table, read off the store's DDL."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    store_schema.create(conn)
    out = {}
    for table, (store_table, cols, extra) in _LAYOUT.items():
        full = arrow_schema(conn, store_table)
        out[table] = pa.schema([full.field(c) for c in cols] + list(extra))
    conn.close()
    return out


def arrow_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as the table's schema types them: flags as booleans, days as dates, timestamps as datetimes."""
    schema = schemas()[name]
    flags = [f.name for f in schema if f.type == pa.bool_()]
    days = [f.name for f in schema if f.type == pa.date32()]
    stamps = [f.name for f in schema if pa.types.is_timestamp(f.type)]
    for row in rows:
        for f in flags:
            if row.get(f) is not None:
                row[f] = bool(row[f])
        for f in days:
            if isinstance(row.get(f), str):
                row[f] = dt.date.fromisoformat(row[f])
        for f in stamps:
            if isinstance(row.get(f), str):
                stamp = dt.datetime.fromisoformat(row[f])
                row[f] = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    return pa.Table.from_pylist(rows, schema=schema)


def iso(value: Any) -> Any:
    """A date or datetime read from a table as the ISO 8601 text the record carries."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def record_tables(records: Iterable[tuple[Record, str | None]], skipped: Iterable[Skipped] = (),
                  *, shard: str = "") -> dict[str, pa.Table]:
    """One Arrow table per record part (plus ``bands`` and ``skipped``) for analysed records.

    ``records`` are ``(record, source)`` pairs in input order; ``pos`` keeps that order.
    """
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in SHARD_TABLES}
    for pos, (record, source) in enumerate(records):
        art, aid = record.article, record.article.id
        rows["articles"].append({**{c: getattr(art, c) for c in ARTICLE_COLUMNS}, "source": source,
                                 "shard": shard, "pos": pos})
        for n, actor in enumerate(record.actors):
            rows["actors"].append({"article_id": aid, "idx": n, **{c: getattr(actor, c) for c in ACTOR_COLUMNS}})
            rows["mentions"].extend({"article_id": aid, "actor_id": actor.id, "idx": i, "start": m.start,
                                     "end": m.end} for i, m in enumerate(actor.mentions))
        for table, items in list_rows(record).items():
            rows[table].extend({"article_id": aid, **r} for r in items)
        rows["bands"].extend({"article_id": aid, "band": n, "hash": h}
                             for n, h in enumerate(neardup.bands(neardup.shingles(art.text))))
    at = _now()
    rows["skipped"] = [{"source": s.source, "kind": s.kind, "reason": s.reason, "at": at, "shard": shard}
                       for s in skipped]
    return {t: arrow_table(t, r) for t, r in rows.items()}


def empty_tables() -> dict[str, pa.Table]:
    """Every shard table with no rows (what a batch of nothing analyses to)."""
    return {t: s.empty_table() for t, s in schemas().items()}


def records_from_tables(tables: dict[str, pa.Table]) -> Iterator[tuple[Record, str | None]]:
    """The ``(record, source)`` pairs the record tables hold, articles in ``pos`` order.

    The inverse of :func:`record_tables`; partition columns and other extra
    columns are ignored.
    """
    children: dict[str, dict[str, list[dict]]] = {t: defaultdict(list) for t in ("actors", "mentions", *COLUMNS)}
    for table, by_article in children.items():
        if table in tables:
            for row in tables[table].to_pylist():
                by_article[row["article_id"]].append(row)
    articles = sorted(tables["articles"].to_pylist(), key=lambda r: (r.get("shard") or "", r.get("pos") or 0))
    for art in articles:
        aid = art["id"]
        mentions: dict[str, list[dict]] = defaultdict(list)
        for m in children["mentions"][aid]:
            mentions[m["actor_id"]].append(m)
        actors = [Actor(**{c: a[c] for c in ACTOR_COLUMNS},
                        mentions=[Span(start=m["start"], end=m["end"])
                                  for m in sorted(mentions[a["id"]], key=lambda m: m["idx"])])
                  for a in sorted(children["actors"][aid], key=lambda r: r["idx"])]
        lists = {t: [item_from_row(t, r) for r in sorted(children[t][aid], key=lambda r: r["idx"])]
                 for t in COLUMNS}
        yield Record(article=Article(**{c: iso(art[c]) for c in ARTICLE_COLUMNS}), actors=actors, **lists), art["source"]
