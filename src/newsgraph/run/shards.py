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

        With ``workers`` (the cluster's, at most ``TAIL_WORKERS`` counted), the last
        ``(workers + 1) * size`` items are cut into shards of about a quarter of a
        worker's share, at least ``MIN_TAIL_SHARD`` items (``workers.batches``, as
        ``analyze --processes`` cuts its batches): otherwise a worker can be left
        analysing a whole last shard while the others wait. Keys follow the cut;
        a rerun leaves out what is in the dataset by source, whatever the cut.
        """
        if self.workers > 0:
            from ..workers import batches

            cuts = batches(self.items(), self.size, min(self.workers, TAIL_WORKERS), min_piece=MIN_TAIL_SHARD)
        else:
            cuts = _whole(self.items(), self.size)
        for seq, buf in enumerate(cuts):
            yield Shard(seq, shard_key(buf, self.model), buf)


#: the tail is cut for at most this many workers (the client holds ``(n + 1) * size`` items meanwhile)
TAIL_WORKERS = 8
#: no tail shard smaller than this (a task, eleven Parquet files and a marker per shard)
MIN_TAIL_SHARD = 25


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
