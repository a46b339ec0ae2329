"""The store as the web UI sees it: read-only, one connection per thread, a time budget per query.

The UI never writes: SQLite is opened with a ``mode=ro`` URI, so even a bug
in a route cannot change the store. Every query runs under a budget (a
progress handler that interrupts SQLite), so a page over a huge store fails
fast with a message instead of hanging; pages then say how to narrow the
filters.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import StoreError
from ..store import schema

Row = dict[str, Any]
#: Milliseconds one query may take before it is interrupted.
BUDGET_MS = 2000


class QueryTooSlow(Exception):
    """A query ran out of its time budget."""


def upgrade(path: str | Path) -> tuple[int, int] | None:
    """Migrate an older store forward before serving it (the UI itself only reads): (from, to)
    versions, or None when there was nothing to do. A store that cannot be written raises the
    ``StoreError`` that says what to do (copy it somewhere writable)."""
    from ..store import Store

    target = Path(path)
    if not target.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(target.resolve()))}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # not SQLite: ReadOnlyStore says so
    if version >= schema.SCHEMA_VERSION:
        return None
    Store(target, create=False).close()  # migrates, one transaction per version
    return version, schema.SCHEMA_VERSION


class ReadOnlyStore:
    """A newsgraph store opened read-only; ``conn()`` gives this thread's connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise StoreError(f"no store at {self.path}; run `newsgraph ingest` first or pass --db",
                             source=str(path))
        self.uri = f"file:{quote(str(self.path))}?mode=ro"
        self._local = threading.local()
        self._cache: dict[str, tuple[tuple, Any]] = {}
        self._lock = threading.RLock()  # a cached value may be computed from another
        self._check()

    def _check(self) -> None:
        try:
            conn = self.conn()
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            fmt = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"not a newsgraph store ({exc}); pass --db with a store made by "
                             "`newsgraph ingest`", source=str(self.path)) from None
        if not fmt or fmt[0] != schema.FORMAT:
            raise StoreError("this SQLite file is not a newsgraph store; pass --db with a store "
                             "made by `newsgraph ingest`", source=str(self.path))
        if version != schema.SCHEMA_VERSION:
            advice = ("upgrade newsgraph" if version > schema.SCHEMA_VERSION else
                      "`newsgraph serve` upgrades a store it can write once before serving it; "
                      "if this one is read-only, copy it somewhere writable and serve the copy")
            raise StoreError(f"the store has schema version {version}, this newsgraph reads "
                             f"{schema.SCHEMA_VERSION}; {advice}", source=str(self.path))

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open the store read-only ({exc}); check the path and "
                                 "permissions", source=str(self.path)) from None
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def budget(self, ms: int = BUDGET_MS) -> Iterator[sqlite3.Connection]:
        """This thread's connection; queries inside are interrupted after ``ms``."""
        conn = self.conn()
        deadline = time.perf_counter() + ms / 1000
        conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2000)
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTooSlow(f"the query took longer than {ms} ms") from None
            raise
        finally:
            conn.set_progress_handler(None, 0)

    def rows(self, sql: str, params: list | tuple = (), *, ms: int = BUDGET_MS) -> list[Row]:
        with self.budget(ms) as conn:
            return [dict(r) for r in conn.execute(sql, params)]

    def one(self, sql: str, params: list | tuple = (), *, ms: int = BUDGET_MS) -> Row | None:
        with self.budget(ms) as conn:
            row = conn.execute(sql, params).fetchone()
            return dict(row) if row else None

    def version(self) -> tuple:
        """Changes whenever the store file (or its WAL) changes: the key of cached aggregates."""
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{suffix}")
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [0, 0]
        return tuple(out)

    def cached(self, key: str, compute, *, ms: int = 60_000):
        """``compute(self)`` once per store version (aggregates over the whole store)."""
        version = self.version()
        hit = self._cache.get(key)
        if hit and hit[0] == version:
            return hit[1]
        with self._lock:
            hit = self._cache.get(key)
            if hit and hit[0] == version:
                return hit[1]
            value = compute(self)
            self._cache[key] = (version, value)
            return value

    def fingerprint(self) -> str:
        """sha256 of the article ids and ingestion times, in order: which store an export came from."""
        def compute(store: ReadOnlyStore) -> str:
            h = hashlib.sha256()
            with store.budget(60_000) as conn:
                for aid, at in conn.execute("SELECT id, ingested_at FROM articles ORDER BY pk"):
                    h.update(f"{aid}\t{at}\n".encode("utf-8", "surrogatepass"))
            return "sha256:" + h.hexdigest()
        return self.cached("fingerprint", compute)
