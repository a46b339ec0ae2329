"""The SQLite store: open or create, check the version, write and read records.

One connection in autocommit mode; every write is an explicit ``BEGIN
IMMEDIATE … COMMIT`` so a reader (WAL) sees a whole article or none of it,
and a process killed mid-article leaves nothing behind but a rolled-back
journal.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..periods import period_end, period_start, prefix_day
from . import aggregates, schema
from .actors import resolve
from .rows import ACTOR_COLUMNS, ARTICLE_COLUMNS, COLUMNS, list_rows, read_record

if TYPE_CHECKING:  # the record models load when a record is written or read, not with the store
    from ..records import Record

DEFAULT_DB = "newsgraph.db"


def _writable(path: Path) -> bool:
    """Whether the store file and its folder (for the journal files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else Path("."), os.W_OK)


def store_error(exc: sqlite3.Error, path: str | Path | None = None) -> StoreError:
    """A ``StoreError`` for an SQLite error, with what to do about it."""
    msg = str(exc)
    low = msg.lower()
    if "readonly" in low or "read-only" in low:
        advice = ("the store is read-only (permissions, an immutable file or a read-only disk); copy it "
                  "somewhere writable and pass --db with the copy")
    elif "locked" in low or "busy" in low:
        advice = "another process is writing to the store; wait for it to finish and run the command again"
    elif "not a database" in low:
        advice = ("this file is not a SQLite database (or its first page is damaged); pass --db with a "
                  "newsgraph store or a new file name")
    elif "malformed" in low or "decode" in low or "corrupt" in low:
        advice = ("the store file is damaged; restore it from a backup, or recover what is readable with "
                  "`sqlite3 STORE .recover | sqlite3 recovered.db` and re-run `newsgraph ingest` on the inputs")
    elif "full" in low or "disk i/o" in low:
        advice = "the disk is full or failing; free space or move the store, then run the command again"
    elif "unable to open" in low:
        advice = "the store cannot be opened; check the path and the permissions of the file and its folder"
    else:
        advice = "the store could not be used; check the file, or restore it from a backup"
    return StoreError(f"{advice} (SQLite: {msg})", source=str(path) if path is not None else None)


def default_db() -> Path:
    """``$NEWSGRAPH_DB``, else ``newsgraph.db`` in the working directory."""
    return Path(os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB)


@dataclass(frozen=True)
class WriteResult:
    """What ``Store.write`` did: ``status`` is ingested, duplicate or unchanged."""

    status: str
    article_id: str
    duplicate_of: str | None = None
    similarity: float | None = None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def event_day(date: str | None, published: str | None) -> str | None:
    """The date an event is filed under: the narrowest YYYY[-MM[-DD]] covering its own date
    (``2005-W06`` → ``2005-02``, see ``periods.prefix_day``), else its publication day."""
    for value in (date, published):
        day = prefix_day(value)
        if day:
            return day
    return None


def day_ordinal(date: str | None) -> int:
    """Days since 0001-01-01 of a YYYY-MM-DD date (0 when absent or not a date)."""
    try:
        return dt.date.fromisoformat((date or "")[:10]).toordinal()
    except ValueError:
        return 0


def sort_key(published: str | None, pk: int) -> int:
    """The FTS rowid of an article: ascending with publication day, then ingestion order."""
    return day_ordinal(published) << 32 | pk


class Store:
    """A newsgraph store in one SQLite file. Use as a context manager."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        """Open (or, with ``create``, make) the store at ``path``.

        ``readonly`` opens it for queries only: ``mode=ro``, else ``immutable=1``
        when SQLite cannot open it even for reading (a read-only mount where its
        ``-shm`` file cannot be made); nothing is migrated or written.
        """
        self.path = Path(path)
        self.create = create and not readonly
        self.readonly = readonly
        if not self.create and not self.path.exists():
            raise StoreError(f"no store at {self.path}; run `newsgraph ingest` first or pass --db",
                             source=str(self.path))
        if not readonly and self.path.exists() and not _writable(self.path):
            raise StoreError("the store is read-only (file or folder permissions, an immutable file or a "
                             "read-only disk), so nothing can be ingested into it; copy it somewhere writable "
                             "and pass --db with the copy (queries work as it is)", source=str(self.path))
        try:
            self.conn = self._connect()
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from None
        self.conn.row_factory = sqlite3.Row
        for name, fn in (("period_start", period_start), ("period_end", period_end)):  # for date filters
            self.conn.create_function(name, 1, fn, deterministic=True)
        self._check_version()
        pragmas = (("query_only = ON", "busy_timeout = 60000") if readonly else
                   ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL", "busy_timeout = 60000"))
        try:
            for pragma in pragmas:
                self.conn.execute(f"PRAGMA {pragma}")
        except sqlite3.Error as exc:
            self.conn.close()
            raise store_error(exc, self.path) from None

    def _connect(self) -> sqlite3.Connection:
        options = dict(isolation_level=None, timeout=60, check_same_thread=False)
        if not self.readonly:
            return sqlite3.connect(self.path, **options)
        from urllib.parse import quote

        base = "file:" + quote(str(self.path.resolve()))
        try:
            conn = sqlite3.connect(f"{base}?mode=ro", uri=True, **options)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:  # "unable to open": no -shm and no right to create it
            return sqlite3.connect(f"{base}?immutable=1", uri=True, **options)

    # -- opening -------------------------------------------------------------------
    def _check_version(self) -> None:
        """Create an empty file, migrate an older store, refuse anything else."""
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.OperationalError as exc:  # cannot open or read, which is not the file's fault
            self.conn.close()
            raise store_error(exc, self.path) from None
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"not a SQLite database ({exc}); pass --db with a newsgraph store "
                             "or a new file name", source=str(self.path)) from None
        if not tables and version == 0:
            if not self.create or self.readonly:  # an empty file is not an empty store: say so rather than make one
                self.conn.close()
                raise StoreError("the file is empty, not a newsgraph store (was it overwritten?); "
                                 "restore it from a backup or re-run `newsgraph ingest`", source=str(self.path))
            schema.create(self.conn)
            return
        fmt = None
        if "meta" in tables:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            fmt = row[0] if row else None
        if fmt != schema.FORMAT:
            self.conn.close()
            raise StoreError("this SQLite file is not a newsgraph store; pass --db with a new "
                             "file name", source=str(self.path))
        if version > schema.SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(f"the store has schema version {version}, newer than this newsgraph "
                             f"supports ({schema.SCHEMA_VERSION}); upgrade newsgraph",
                             source=str(self.path))
        if version < schema.SCHEMA_VERSION and not self.readonly:  # queries read an older layout as it is
            try:
                schema.migrate(self.conn, version)
            except sqlite3.Error as exc:
                self.conn.close()
                raise store_error(exc, self.path) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading -------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def read(self, article_id: str) -> Record | None:
        """The record of one article as it was written (None if absent)."""
        return read_record(self.conn, article_id)

    def article_ids(self) -> list[str]:
        """Every article id, in ingestion order."""
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY pk")]

    def records(self) -> Iterator[Record]:
        """Every record in ingestion order (one article in memory at a time)."""
        for article_id in self.article_ids():
            record = self.read(article_id)
            if record is not None:
                yield record

    # -- writing -------------------------------------------------------------------
    def write(self, record: Record, *, source: str | None = None, replace: bool = False) -> WriteResult:
        """Store one record in one transaction; an existing article is kept unless ``replace``."""
        from . import neardup  # numpy: imported by writers only, so queries start fast

        art = record.article
        try:
            with self.transaction() as conn:
                dependants: list[str] = []
                if self.has_article(art.id):
                    if not replace:
                        return WriteResult("unchanged", art.id)
                    dependants = [r[0] for r in conn.execute(
                        "SELECT id FROM articles WHERE duplicate_of = ?", (art.id,))]
                    self._delete(art.id)
                sh = neardup.shingles(art.text)
                bands = neardup.bands(sh)
                dup_of, sim = self._near_duplicate({art.id, *dependants}, sh, bands)
                pk = conn.execute("SELECT coalesce(max(pk), 0) + 1 FROM articles").fetchone()[0]
                conn.execute(
                    f"INSERT INTO articles({', '.join(ARTICLE_COLUMNS)}, source, ingested_at, duplicate_of,"
                    f" similarity, pk, sort_key) VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 6))})",
                    (*(getattr(art, c) for c in ARTICLE_COLUMNS), source, _now(), dup_of, sim, pk,
                     sort_key(art.published, pk)))
                conn.executemany("INSERT OR IGNORE INTO article_bands(article_id, band, hash) VALUES (?, ?, ?)",
                                 [(art.id, n, h) for n, h in enumerate(bands)])
                self._insert_items(record, dup=dup_of is not None)
                if dup_of is None:
                    aggregates.adjust(conn, art.id, +1)
                    aggregates.refresh_relations(conn, aggregates.groups(conn, art.id))
                conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                                 [(dup_of or art.id, d) for d in dependants])
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"record violates the store's constraints ({exc}); "
                             "each actor id must be unique within an article", source=art.id) from None
        status = "duplicate" if dup_of else "ingested"
        return WriteResult(status, art.id, dup_of, sim)

    def _near_duplicate(self, exclude: set[str], sh: set[str], bands: list[int]) -> tuple[str | None, float | None]:
        """The canonical article this text nearly repeats, and the Jaccard similarity.

        ``exclude`` holds the article itself and, on rebuild, the articles that
        were its duplicates: a rebuilt article stays canonical.
        """
        if not bands:
            return None, None
        from . import neardup

        cands = {r[0] for n, h in enumerate(bands) for r in self.conn.execute(
            "SELECT article_id FROM article_bands WHERE band = ? AND hash = ?", (n, h))} - exclude
        best: tuple[float, str] | None = None
        for cand in sorted(cands):
            row = self.conn.execute("SELECT text, duplicate_of FROM articles WHERE id = ?", (cand,)).fetchone()
            sim = neardup.jaccard(sh, neardup.shingles(row["text"]))
            if sim >= neardup.THRESHOLD and (best is None or sim > best[0]):
                best = (sim, row["duplicate_of"] or cand)
        return (best[1], best[0]) if best else (None, None)

    def _insert_items(self, record: Record, *, dup: bool) -> None:
        conn, aid = self.conn, record.article.id
        cids: dict[str, int] = {}
        countries: dict[str, str | None] = {}
        for n, actor in enumerate(record.actors):
            cids[actor.id] = resolve(conn, actor)
            countries[actor.id] = actor.country
            conn.execute(
                f"INSERT INTO actors(article_id, idx, {', '.join(ACTOR_COLUMNS)}, corpus_actor_id)"
                f" VALUES (?, ?, {', '.join('?' * len(ACTOR_COLUMNS))}, ?)",
                (aid, n, *(getattr(actor, c) for c in ACTOR_COLUMNS), cids[actor.id]))
            conn.executemany('INSERT INTO mentions(article_id, actor_id, idx, start, "end") VALUES (?, ?, ?, ?, ?)',
                             [(aid, actor.id, i, m.start, m.end) for i, m in enumerate(actor.mentions)])
        for table, rows in list_rows(record).items():
            extra: dict[str, object] = {}
            cols = ("idx",) + COLUMNS[table]
            for row in rows:
                if table == "quotes":
                    extra = {"speaker_corpus_id": cids.get(row["speaker"]),
                             "published": record.article.published, "dup": int(dup)}
                elif table == "claims":
                    extra = {"source_cid": cids.get(row["source"]), "published": record.article.published,
                             "dup": int(dup)}
                elif table == "events":
                    extra = {"day": event_day(row["date"], record.article.published),
                             "source_cid": cids.get(row["source"]), "target_cid": cids.get(row["target"]),
                             "source_country": countries.get(row["source"]),
                             "target_country": countries.get(row["target"]), "dup": int(dup)}
                names = ("article_id",) + cols + tuple(extra)
                quoted = ", ".join(f'"{c}"' for c in names)
                conn.execute(f"INSERT INTO {table}({quoted}) VALUES ({', '.join('?' * len(names))})",
                             (aid, *(row[c] for c in cols), *extra.values()))

    def _delete(self, article_id: str) -> None:
        """Remove one article (inside the caller's transaction); children cascade."""
        row = self.conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        touched = aggregates.groups(self.conn, article_id)
        if row["duplicate_of"] is None:
            aggregates.adjust(self.conn, article_id, -1)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        aggregates.refresh_relations(self.conn, touched)
        self.conn.execute(
            "DELETE FROM corpus_actors WHERE articles = 0 AND NOT EXISTS"
            " (SELECT 1 FROM actors WHERE corpus_actor_id = corpus_actors.id)")

    def delete(self, article_id: str) -> bool:
        """Remove one article and everything extracted from it; False if absent.

        Its near-duplicates stay: the first becomes canonical (counted in every aggregate)
        and the others its duplicates.
        """
        with self.transaction() as conn:
            if not self.has_article(article_id):
                return False
            dependants = [r[0] for r in conn.execute(
                "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY pk", (article_id,))]
            self._delete(article_id)
            if dependants:
                self._promote(dependants[0], dependants[1:])
        return True

    def _promote(self, article_id: str, duplicates: list[str]) -> None:
        """Make a near-duplicate canonical (inside the caller's transaction)."""
        conn = self.conn
        conn.execute("UPDATE articles SET duplicate_of = NULL, similarity = NULL WHERE id = ?", (article_id,))
        for table in ("events", "quotes", "claims"):
            conn.execute(f"UPDATE {table} SET dup = 0 WHERE article_id = ?", (article_id,))
        aggregates.adjust(conn, article_id, +1)
        aggregates.refresh_relations(conn, aggregates.groups(conn, article_id))
        conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?", [(article_id, d) for d in duplicates])

    def record_skipped(self, source: str, kind: str, reason: str) -> None:
        """Keep a skipped input (one row per source and kind; the latest reason wins)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO skipped(source, kind, reason, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(source, kind) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                (source, kind, reason, _now()))
