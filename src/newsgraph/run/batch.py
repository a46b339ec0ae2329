"""``analyze_batch``: the engine-neutral core of a distributed run.

A plain function from a batch of articles to Arrow tables, so any engine
that maps a function over batches can run newsgraph: the Dask runner
(``newsgraph.run.cluster``) calls it once per shard, and a Spark
``mapInPandas`` or Ray ``map_batches`` adapter is a few lines around it
(docs/scale.md). It loads the spaCy pipeline once per process and runs
``nlp.pipe`` over the batch; an article the pipeline fails on is retried
alone and, if it fails again, reported in the ``skipped`` table.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from ..errors import NewsgraphError
from ..ingest.article import RawArticle, prepare
from ..ingest.skipped import Skipped
from ..records import Article, Record
from .tables import record_tables

#: What a batch may hold: prepared articles (with their source), raw articles,
#: JSON-Lines-style objects ({"text": …, "id", "title", "date", "url", "source"}),
#: and inputs already skipped by a reader (passed through to ``skipped``).
Item = Article | tuple[Article, str | None] | RawArticle | Mapping[str, Any] | Skipped

# spaCy's Language is not meant to be shared by threads; a worker with several
# threads analyses one batch at a time (give dask workers --nthreads 1).
_lock = threading.Lock()


def _read_options():
    from ..ingest.sources import DEFAULT_MAX_BYTES, _Options

    return _Options(plain=False, published=None, max_bytes=DEFAULT_MAX_BYTES, check_language=True)


def _from_mapping(obj: Mapping[str, Any], n: int) -> RawArticle | Skipped:
    """A JSON-Lines-style object read exactly as ``ingest`` reads a line of a .jsonl file."""
    from ..ingest.sources import _json_line

    src = str(obj.get("source_path") or f"<batch>:{n}")
    fields = {k: v for k, v in obj.items()  # pandas gives NaN for a missing value
              if k != "source_path" and not (isinstance(v, float) and math.isnan(v))}
    line = json.dumps(fields, default=str).encode("utf-8")
    return _json_line(line, src, _read_options())


def prepare_items(items: Iterable[Item]) -> tuple[list[tuple[Article, str | None]], list[Skipped]]:
    """Prepared articles with their sources, and what was rejected (as ``analyze`` and ``ingest``
    reject it: the readers' checks on every raw article, including its language, then ``prepare``)."""
    from ..ingest.sources import _finish

    opts = _read_options()
    articles: list[tuple[Article, str | None]] = []
    skipped: list[Skipped] = []
    for n, item in enumerate(items, 1):
        if isinstance(item, Mapping):
            item = _from_mapping(item, n)
        if isinstance(item, RawArticle):
            item.source = item.source or f"<batch>:{n}"
            item = _finish(item, opts)
        if isinstance(item, Skipped):
            skipped.append(item)
        elif isinstance(item, Article):
            articles.append((item, item.url))
        elif isinstance(item, tuple):
            articles.append(item)
        else:
            try:
                articles.append((prepare(item), item.source))
            except NewsgraphError as exc:
                skipped.append(Skipped(item.source, "malformed", str(exc)))
    return articles, skipped


def analyse(articles: list[tuple[Article, str | None]], nlp: Any = None, *, model: str | None = None,
            ) -> tuple[list[tuple[Record, str | None]], list[Skipped]]:
    """Records for prepared articles through ``nlp.pipe``; a failing article is retried alone, then skipped."""
    from ..pipeline import analyze_many, resolve_model, shared_pipeline

    nlp = nlp or shared_pipeline(resolve_model(model))
    done: list[tuple[Record, str | None]] = []
    skipped: list[Skipped] = []
    with _lock:
        try:
            for record in analyze_many((a for a, _ in articles), nlp):
                done.append((record, articles[len(done)][1]))
            return done, skipped
        except Exception:  # noqa: BLE001 - one bad article must not lose the batch
            pass
        for article, source in articles[len(done):]:
            try:
                done.append((next(analyze_many([article], nlp)), source))
            except Exception as exc:  # noqa: BLE001 - reported with its reason
                skipped.append(Skipped(source or article.id, "analysis_error",
                                       f"analysis failed ({type(exc).__name__}: {exc}); please report it "
                                       "with this input"))
    return done, skipped


def analyze_batch(items: Iterable[Item], *, nlp: Any = None, model: str | None = None,
                  shard: str = "") -> dict[str, pa.Table]:
    """Analyse a batch into one Arrow table per record part, plus ``bands`` and ``skipped``.

    ``items`` may mix prepared articles, raw articles, JSON-Lines-style
    dicts and skipped inputs (see ``Item``). ``nlp`` defaults to the
    pipeline named by ``model`` (or $NEWSGRAPH_MODEL), loaded once per
    process. The tables' schemas are ``newsgraph.run.tables.schemas()``.
    """
    articles, rejected = prepare_items(items)
    records, failed = analyse(articles, nlp, model=model) if articles else ([], [])
    return record_tables(records, rejected + failed, shard=shard)
