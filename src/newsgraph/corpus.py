"""Ingest many inputs into a store: read, skip what is stored, analyse, write.

``ingest`` is the library function behind ``newsgraph ingest``. It is
resumable because it asks the store before analysing: an article whose id
(a hash of its normalised text, or the upstream id) is already stored is
"unchanged" and costs nothing, so a killed run started again only analyses
what is missing. JSON Lines files of ``newsgraph/1`` records (what
``newsgraph export --format jsonl`` writes) are stored as they are, without
re-analysis, so an export re-ingests to the same store.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import NewsgraphError
from .ingest.article import RawArticle, prepare
from .ingest.sources import Skipped, iter_inputs
from .records import SCHEMA, Article, Record
from .store import Store
from .store.sqlite import store_error

#: progress(status, source): status is ingested, duplicate, unchanged or skipped.
Progress = Callable[[str, str], None]


@dataclass
class IngestSummary:
    """Counts of one ingest run and every input that was not stored, with its reason."""

    ingested: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, what was lost) of stored articles

    @property
    def ok(self) -> bool:
        """True when every input was stored (or already was)."""
        return not self.skipped

    def as_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "unchanged": self.unchanged, "duplicates": self.duplicates,
                "skipped": [vars(s) for s in self.skipped],
                "warnings": [{"source": s, "warning": w} for s, w in self.warnings]}


def is_record_file(path: Path) -> bool:
    """Whether ``path`` is JSON Lines whose first object is a ``newsgraph/1`` record."""
    if not path.is_file() or not path.name.endswith((".jsonl", ".jsonl.gz")):
        return False
    try:
        with _open_text(path) as fh:
            for line in fh:
                if line.strip():
                    obj = json.loads(line)
                    return isinstance(obj, dict) and obj.get("schema") == SCHEMA and "article" in obj
    except (OSError, EOFError, UnicodeDecodeError, ValueError):
        return False  # let the ordinary reader report what is wrong with it
    return False


def _open_text(path: Path):
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_records(path: Path) -> Iterator[tuple[Record, str] | Skipped]:
    """Each line of a records file as a validated ``Record`` (or a ``Skipped`` with the reason)."""
    n = 0
    try:
        with _open_text(path) as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield Record.model_validate_json(line), f"{path}:{n}"
                except ValidationError as exc:
                    yield Skipped(f"{path}:{n}", "malformed",
                                  f"not a valid {SCHEMA} record ({exc.error_count()} errors, first: "
                                  f"{exc.errors()[0]['msg']}); fix or remove the line")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield Skipped(f"{path}:{n + 1}", "corrupt", f"cannot read past this line ({exc}); "
                      "the lines before it were kept")


def _inputs(paths: Iterable[str | Path]) -> Iterator[RawArticle | Skipped | tuple[Record, str]]:
    """Raw articles, stored records and skipped inputs, in the order given."""
    for p in paths:
        try:
            if str(p) != "-" and is_record_file(Path(p)):
                yield from read_records(Path(p))
            elif str(p) != "-" and Path(p).is_dir() and _is_dataset(Path(p)):
                yield from _dataset_records(Path(p))
            else:
                yield from iter_inputs([p])
        except (OSError, ValueError, KeyError, EOFError) as exc:  # a reader that raised: keep going
            yield Skipped(str(p), "unreadable", f"reading stopped ({type(exc).__name__}: {exc}); "
                          "what was read before it was kept")


def _is_dataset(path: Path) -> bool:
    from .run.dataset import is_dataset

    return is_dataset(path)


def _dataset_records(path: Path) -> Iterator[tuple[Record, str] | Skipped]:
    """The records and skipped inputs of a ``newsgraph run`` dataset, stored without re-analysis."""
    from .run.dataset import iter_records

    for item in iter_records(path):
        yield item if isinstance(item, Skipped) else (item[0], item[1] or f"{path}#{item[0].article.id}")


class _Run:
    """The state of one ingest: the store, the summary and the progress callback."""

    def __init__(self, store: Store, rebuild: bool, progress: Progress | None) -> None:
        self.store, self.rebuild, self.progress = store, rebuild, progress
        self.summary = IngestSummary()
        self.seen: set[str] = set()

    def skip(self, s: Skipped) -> None:
        self.store.record_skipped(s.source, s.kind, s.reason)
        self.summary.skipped.append(s)
        self._tick("skipped", s.source)

    def unchanged(self, source: str) -> None:
        self.summary.unchanged += 1
        self._tick("unchanged", source)

    def _tick(self, status: str, source: str) -> None:
        if self.progress:
            self.progress(status, source)

    def is_new(self, article_id: str) -> bool:
        """First time in this run, and not stored already (unless rebuilding)."""
        new = article_id not in self.seen and (self.rebuild or not self.store.has_article(article_id))
        self.seen.add(article_id)
        return new

    def write(self, record: Record, source: str) -> None:
        try:
            result = self.store.write(record, source=source, replace=self.rebuild)
        except NewsgraphError as exc:
            self.skip(Skipped(source, "invalid_record", str(exc)))
            return
        if result.status == "unchanged":
            self.unchanged(source)
            return
        if result.status == "duplicate":
            self.summary.duplicates += 1
        else:
            self.summary.ingested += 1
        self._tick(result.status, source)

    def pending(self, paths: Iterable[str | Path]) -> Iterator[tuple[Article, str]]:
        """Articles that need analysis; everything else is settled on the way."""
        for item in _inputs(paths):
            if isinstance(item, Skipped):
                self.skip(item)
            elif isinstance(item, tuple):
                record, source = item
                if self.is_new(record.article.id):
                    self.write(record, source)
                else:
                    self.unchanged(source)
            else:
                source = item.source or "<input>"
                self.summary.warnings += [(source, w) for w in item.warnings]
                try:
                    article = prepare(item)
                except NewsgraphError as exc:
                    self.skip(Skipped(source, "malformed", str(exc)))
                    continue
                if self.is_new(article.id):
                    yield article, source
                else:
                    self.unchanged(source)


def ingest(paths: Iterable[str | Path], db: str | Path | Store, *, model: str | None = None,
           processes: int = 1, rebuild: bool = False, progress: Progress | None = None,
           nlp: Any = None) -> IngestSummary:
    """Analyse and store every article in ``paths``; never stops for one bad input.

    ``nlp`` (a loaded pipeline) is used when ``processes == 1``; otherwise the
    pipeline named by ``model`` is loaded only if something needs analysis.
    """
    store = db if isinstance(db, Store) else Store(db)
    try:
        run = _Run(store, rebuild, progress)
        pending = run.pending(paths)
        first = next(pending, None)
        if first is not None:
            _analyse(run, chain([first], pending), model=model, processes=processes, nlp=nlp)
        return run.summary
    except sqlite3.Error as exc:  # what was committed stays; the message says what to do
        raise store_error(exc, store.path) from None
    finally:
        if store is not db:
            store.close()


def _analyse(run: _Run, pending: Iterator[tuple[Article, str]], *, model: str | None,
             processes: int, nlp: Any) -> None:
    """Stream articles through the pipeline in order; on a failure, go on one by one."""
    from .pipeline import analyze_many, load_pipeline

    queue: deque[tuple[Article, str]] = deque()

    def articles() -> Iterator[Article]:
        for article, source in pending:
            queue.append((article, source))
            yield article

    if processes <= 1 and nlp is None:
        nlp = load_pipeline(model)
    # closing(): an interruption (SIGTERM, Ctrl-C) or an error while a record is being written
    # stops the worker processes now, not whenever the suspended generator is collected
    with closing(analyze_many(articles(), nlp, model=model, n_process=processes)) as records:
        while True:  # only analysis errors switch to one-by-one; a store error ends the run
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception:  # noqa: BLE001 - one bad article must not lose the batch
                break
            run.write(record, queue.popleft()[1])
    nlp = nlp or load_pipeline(model)
    for article, source in chain(list(queue), ((a, s) for a, s in pending)):
        try:
            record = next(analyze_many([article], nlp))
        except Exception as exc:  # noqa: BLE001 - recorded with its reason, the run goes on
            run.skip(Skipped(source, "analysis_error", f"analysis failed ({type(exc).__name__}: {exc}); "
                             "please report it with this input"))
            continue
        run.write(record, source)
