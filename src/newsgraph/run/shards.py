"""Split the inputs of a run into shards named by their content.

The client only reads: the inputs go through the readers of ``analyze``
and ``ingest`` (``ingest.sources.iter_inputs``) without the language check,
and the workers do the costly part of preparing an article (language
check, headline and byline, the article id) in ``analyze_batch``, so one
client keeps many workers busy. What the readers or the workers reject is
rejected as ``analyze`` rejects it and ends in the ``skipped`` table. A
shard's key is a hash of what it holds (each raw article, each skipped
input, the pipeline name), so the same inputs cut the same way give the
same keys on every run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.article import RawArticle
from ..ingest.skipped import Skipped
from ..ingest.sources import iter_inputs

ShardItem = RawArticle | Skipped


@dataclass
class Shard:
    """A batch of raw articles and skipped inputs, in input order."""

    seq: int
    key: str
    items: list[ShardItem]

    @property
    def articles(self) -> int:
        return sum(1 for i in self.items if not isinstance(i, Skipped))


def shard_key(items: Iterable[ShardItem], model: str) -> str:
    """A name derived from the shard's content (and the pipeline that analyses it)."""
    h = hashlib.sha256(f"newsgraph-shard\0{model}\0".encode())
    for item in items:
        fields = {"skipped": [item.source, item.kind]} if isinstance(item, Skipped) else dataclasses.asdict(item)
        h.update(json.dumps(fields, sort_keys=True).encode() + b"\0")
    return h.hexdigest()[:24]


@dataclass
class Planner:
    """Reads the inputs and cuts them into shards.

    ``known`` maps the sources already in the dataset to None (an article)
    or the kind of skip; those inputs are counted in ``already`` and
    ``already_skipped`` (by kind) and left out of the shards. A text seen
    before in this run is analysed once (``repeated`` counts the others).
    With ``workers`` set, the input's tail goes out in smaller shards (see
    :meth:`shards`).
    """

    paths: list[str | Path]
    size: int = 1000
    model: str = ""
    plain: bool = False
    published: str | None = None
    known: dict[str, str | None] = field(default_factory=dict)
    workers: int = 0
    repeated: int = 0
    already: int = 0
    already_skipped: dict[str, int] = field(default_factory=dict)
    _seen: set[bytes] = field(default_factory=set)

    def _in_dataset(self, source: str) -> bool:
        if source not in self.known:
            return False
        kind = self.known[source]
        if kind is None:
            self.already += 1
        else:
            self.already_skipped[kind] = self.already_skipped.get(kind, 0) + 1
        return True

    def items(self) -> Iterator[ShardItem]:
        for item in iter_inputs(self.paths, plain=self.plain, published=self.published, check_language=False):
            item.source = item.source or "<input>"
            if self._in_dataset(item.source):
                continue
            if isinstance(item, RawArticle):
                digest = hashlib.sha256(item.text.encode("utf-8", "surrogatepass")).digest()
                if digest in self._seen:
                    self.repeated += 1
                    continue
                self._seen.add(digest)
            yield item

    def shards(self) -> Iterator[Shard]:
        """Shards of ``size`` items (articles and skipped inputs), streamed.

        With two or more ``workers`` (the cluster's, at most ``TAIL_WORKERS`` counted), the
        input's last ``(workers + 1) * size`` items go out in shards of decreasing work
        (:func:`tail`): otherwise a worker can be left analysing a whole last shard while
        the others wait. Keys follow the cut; a rerun leaves out what is in the dataset by
        source, whatever the cut.
        """
        if self.workers > 1:
            cuts = _with_tail(self.items(), self.size, min(self.workers, TAIL_WORKERS))
        else:
            cuts = _whole(self.items(), self.size)
        for seq, buf in enumerate(cuts):
            yield Shard(seq, shard_key(buf, self.model), buf)


#: the tail is cut for at most this many workers (the client holds ``(n + 1) * size`` items meanwhile)
TAIL_WORKERS = 8
#: no tail shard holds less work than this many of the tail's average articles (a shard has a
#: fixed cost: a task, eleven Parquet files and a marker, ~20-30 ms; an article ~50 ms)
MIN_TAIL_ARTICLES = 8
#: what an article costs besides its text, in characters of text (spaCy's and the extractors'
#: per-document work, the Arrow rows: ~8 ms, the time ~400 characters take)
ARTICLE_WORK = 400


def _with_tail(items: Iterable[ShardItem], size: int, workers: int) -> Iterator[list[ShardItem]]:
    """Whole shards while more than ``(workers + 1) * size`` items are left, then :func:`tail`.

    The look-ahead is bounded (the input may be endless): the tail is known once the input runs out.
    """
    ahead = (workers + 1) * size
    buf: list[ShardItem] = []
    for item in items:
        buf.append(item)
        if len(buf) > ahead:
            yield buf[:size]
            del buf[:size]
    yield from tail(buf, size, workers)


def _work(item: ShardItem) -> int:
    """What analysing an item costs, in characters: its text and a fixed part (nothing for a skip)."""
    return 0 if isinstance(item, Skipped) else len(item.text) + ARTICLE_WORK


def tail(items: list[ShardItem], size: int, workers: int) -> Iterator[list[ShardItem]]:
    """The input's last items in shards of decreasing work, so that the workers finish together.

    Guided self-scheduling: each shard takes ``1 / (2 × workers)`` of the work still left
    (the text's length stands for the work: articles differ ten-fold), at least the work of
    ``MIN_TAIL_ARTICLES`` average articles and at most ``size`` items. A worker that frees
    up takes the next (smaller) shard, so when the last one starts, what any other worker
    has left is about as small; shards of a fixed count left up to a whole shard of long
    articles running alone. The records do not depend on the cut.
    """
    work = [_work(i) for i in items]
    left = sum(work)
    floor = left / max(len(items), 1) * MIN_TAIL_ARTICLES
    start = 0
    while start < len(items):
        goal = max(left / (2 * workers), floor)
        end, got = start, 0
        while end < len(items) and end - start < size and (got < goal or end == start):
            got += work[end]
            end += 1
        yield items[start:end]
        left -= got
        start = end


def _whole(items: Iterable[ShardItem], size: int) -> Iterator[list[ShardItem]]:
    buf: list[ShardItem] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def plan_shards(paths: Iterable[str | Path], *, size: int = 1000, model: str = "") -> list[Shard]:
    """Every shard of ``paths`` (in memory; the runner streams them with ``Planner``)."""
    return list(Planner(list(paths), size=size, model=model).shards())
