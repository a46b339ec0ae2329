"""Read inputs (paths, directories, JSON Lines, stdin) into ``RawArticle``s.

Never raises for one bad input in a batch: a bad input yields a ``Skipped``
with a typed reason, so callers can report every one and carry on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .article import RawArticle


@dataclass
class Skipped:
    """An input that was not analysed, and why."""

    source: str  # a path, "path:line", a feed entry's link …
    kind: str  # short code: missing, empty, binary, encoding, too_large, not_english, malformed, no_text …
    reason: str  # one sentence for a person: what was wrong and what to do


def iter_inputs(paths: Iterable[str | Path], *, plain: bool = False,
                published: str | None = None) -> Iterator[RawArticle | Skipped]:
    """Every article found in ``paths`` ("-" is stdin), in order."""
    for p in paths:
        if str(p) == "-":
            yield _override(RawArticle(text=sys.stdin.read(), source="<stdin>", plain=plain), published)
            continue
        path = Path(p)
        if not path.exists():
            yield Skipped(str(p), "missing", "no such file or directory; check the path")
        elif path.is_dir():
            yield from iter_inputs(sorted(q for q in path.rglob("*") if q.is_file()), plain=plain,
                                   published=published)
        elif path.name.endswith(".jsonl"):
            yield from _jsonl(path, published)
        else:
            yield _override(RawArticle(text=path.read_text(encoding="utf-8"), source=str(path),
                                       plain=plain), published)


def _override(raw: RawArticle, published: str | None) -> RawArticle:
    if published:
        raw.published = published
    return raw


def _jsonl(path: Path, published: str | None) -> Iterator[RawArticle | Skipped]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            src = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skipped(src, "malformed", f"not valid JSON ({exc.msg}); fix or remove the line")
                continue
            yield _override(RawArticle(text=obj["text"], id=obj.get("id"), title=obj.get("title"),
                                       published=obj.get("date"), url=obj.get("url"),
                                       outlet=obj.get("source"), source=src), published)
