"""newsgraph: news articles in, an evidence-linked record of who did what to whom out."""

from typing import TYPE_CHECKING, Any

from .errors import InputError, ModelNotInstalled, NewsgraphError, StoreError

if TYPE_CHECKING:
    from .ingest.article import RawArticle, prepare
    from .pipeline import analyze_article, analyze_many, analyze_text, load_pipeline
    from .records import SCHEMA, Record

_LAZY = {"analyze_article": "pipeline", "analyze_many": "pipeline", "analyze_text": "pipeline",
         "load_pipeline": "pipeline", "RawArticle": "ingest.article", "prepare": "ingest.article",
         "SCHEMA": "records", "Record": "records"}


def __getattr__(name: str) -> Any:
    """Public names imported on first use: spaCy alone takes about a second to import, and
    ``newsgraph --version`` or a query over a store never needs it."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "SCHEMA",
    "InputError",
    "ModelNotInstalled",
    "NewsgraphError",
    "RawArticle",
    "Record",
    "StoreError",
    "analyze_article",
    "analyze_many",
    "analyze_text",
    "load_pipeline",
    "prepare",
]
__version__ = "0.1.0"
