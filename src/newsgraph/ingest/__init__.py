"""Ingest: turn files, feeds, archives and lines into prepared :class:`~newsgraph.records.Article`s.

``iter_inputs`` reads paths (text, Markdown, HTML, directories, JSON Lines,
RSS/Atom, WARC, stdin) into ``RawArticle``s or ``Skipped`` reports;
``prepare`` turns a ``RawArticle`` into the ``Article`` that is analysed.
"""

from typing import Any

from .article import RawArticle, article_id, prepare
from .skipped import KINDS, Skipped


def __getattr__(name: str) -> Any:
    """The readers (lxml, feedparser, warcio) load on first use; queries never need them."""
    if name in ("DEFAULT_MAX_BYTES", "iter_inputs"):
        from . import sources

        return getattr(sources, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["RawArticle", "article_id", "prepare", "Skipped", "KINDS", "iter_inputs", "DEFAULT_MAX_BYTES"]
