"""newsgraph: news articles in, an evidence-linked record of who did what to whom out."""

from .errors import InputError, ModelNotInstalled, NewsgraphError, StoreError
from .ingest.article import RawArticle, prepare
from .pipeline import analyze_article, analyze_many, analyze_text, load_pipeline
from .records import SCHEMA, Record

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
