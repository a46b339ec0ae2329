"""Ingest: turn files, feeds, archives and lines into prepared :class:`~newsgraph.records.Article`s.

``iter_inputs`` reads paths (text, Markdown, HTML, directories, JSON Lines,
RSS/Atom, WARC, stdin) into ``RawArticle``s or ``Skipped`` reports;
``prepare`` turns a ``RawArticle`` into the ``Article`` that is analysed.
"""

from importlib import import_module
from typing import Any

# Every name loads on first use: the readers (lxml, feedparser, warcio) and the record models
# (pydantic) are not needed by the query commands, whose start-up imports ``ingest.skipped``.
_FROM = {"RawArticle": "article", "article_id": "article", "prepare": "article",
         "Skipped": "skipped", "KINDS": "skipped", "DEFAULT_MAX_BYTES": "sources", "iter_inputs": "sources"}


def __getattr__(name: str) -> Any:
    if name in _FROM:
        return getattr(import_module(f".{_FROM[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = list(_FROM)
