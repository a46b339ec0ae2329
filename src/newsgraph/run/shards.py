"""Split the inputs of a run into shards named by their content.

The inputs are read by the same readers as ``analyze`` and ``ingest``
(``ingest.sources.iter_inputs``) and prepared on the client, so an input
they reject is rejected the same way here and travels in its shard to the
``skipped`` table. A shard's key is a hash of what it holds (article ids
and sources, skipped inputs, and the pipeline name), so the same inputs
split the same way give the same keys on every run: that is what lets a
rerun skip the shards already written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsgraphError
from ..ingest.article import prepare
from ..ingest.skipped import Skipped
from ..ingest.sources import iter_inputs
from ..records import Article

ShardItem = tuple[Article, str | None] | Skipped


@dataclass
class Shard:
    """A batch of prepared articles and skipped inputs, in input order."""

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
        if isinstance(item, Skipped):
            h.update(f"S\0{item.source}\0{item.kind}\0".encode("utf-8", "surrogatepass"))
        else:
            article, source = item
            h.update(f"A\0{article.id}\0{source}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:24]


@dataclass
class Planner:
    """Reads the inputs and cuts them into shards; counts repeated articles on the way.

    An article whose id was already seen in this run (the same text twice)
    is analysed once, as ``ingest`` does; ``repeated`` says how many were.
    Articles in ``known_ids`` and skipped inputs in ``known_skipped``
    (``(source, kind)``) are in the dataset already: they are counted in
    ``already`` and ``already_skipped`` (by kind) and left out of the shards.
    """

    paths: list[str | Path]
    size: int = 1000
    model: str = ""
    plain: bool = False
    published: str | None = None
    known_ids: set[str] = field(default_factory=set)
    known_skipped: set[tuple[str, str]] = field(default_factory=set)
    repeated: int = 0
    already: int = 0
    already_skipped: dict[str, int] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def _known(self, source: str, kind: str) -> bool:
        if (source, kind) not in self.known_skipped:
            return False
        self.already_skipped[kind] = self.already_skipped.get(kind, 0) + 1
        return True

    def items(self) -> Iterator[ShardItem]:
        for item in iter_inputs(self.paths, plain=self.plain, published=self.published):
            if isinstance(item, Skipped):
                if not self._known(item.source, item.kind):
                    yield item
                continue
            source = item.source or "<input>"
            try:
                article = prepare(item)
            except NewsgraphError as exc:
                if not self._known(source, "malformed"):
                    yield Skipped(source, "malformed", str(exc))
                continue
            if article.id in self._seen:
                self.repeated += 1
                continue
            self._seen.add(article.id)
            if article.id in self.known_ids:
                self.already += 1
            elif not self._known(source, "analysis_error"):  # a failed analysis is not retried
                yield article, source

    def shards(self) -> Iterator[Shard]:
        """Shards of ``size`` items (articles and skipped inputs), streamed."""
        buf: list[ShardItem] = []
        seq = 0
        for item in self.items():
            buf.append(item)
            if len(buf) >= self.size:
                yield Shard(seq, shard_key(buf, self.model), buf)
                seq, buf = seq + 1, []
        if buf:
            yield Shard(seq, shard_key(buf, self.model), buf)


def plan_shards(paths: Iterable[str | Path], *, size: int = 1000, model: str = "") -> list[Shard]:
    """Every shard of ``paths`` (in memory; the runner streams them with ``Planner``)."""
    return list(Planner(list(paths), size=size, model=model).shards())
