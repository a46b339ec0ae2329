"""newsgraph: news articles in, an evidence-linked record of who did what to whom out."""

from typing import TYPE_CHECKING, Any

from .errors import InputError, ModelNotInstalled, NewsgraphError, StoreError
from .ingest.article import RawArticle, prepare
from .records import SCHEMA, Record

if TYPE_CHECKING:
    from .pipeline import analyze_article, analyze_many, analyze_text, load_pipeline

_PIPELINE = ("analyze_article", "analyze_many", "analyze_text", "load_pipeline")


def __getattr__(name: str) -> Any:
    """The pipeline functions, imported on first use: importing spaCy takes about a second, and
    queries over a store (``newsgraph stats``) never need it."""
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
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
