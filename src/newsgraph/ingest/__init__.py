"""Ingest: turn files, feeds, archives and lines into prepared :class:`~newsgraph.records.Article`s.

``iter_inputs`` reads paths (text, Markdown, HTML, directories, JSON Lines,
RSS/Atom, WARC, stdin) into ``RawArticle``s or ``Skipped`` reports;
``prepare`` turns a ``RawArticle`` into the ``Article`` that is analysed.
"""

from .article import RawArticle, article_id, prepare
from .skipped import KINDS, Skipped
from .sources import DEFAULT_MAX_BYTES, iter_inputs

__all__ = ["RawArticle", "article_id", "prepare", "Skipped", "KINDS", "iter_inputs", "DEFAULT_MAX_BYTES"]
