"""The corpus store: ``newsgraph/1`` records in normalised SQLite tables (see docs/store.md)."""

from .schema import EXPORT_TABLES, RECORD_TABLES, SCHEMA_VERSION
from .sqlite import Store, WriteResult, default_db, event_day

__all__ = ["EXPORT_TABLES", "RECORD_TABLES", "SCHEMA_VERSION", "Store", "WriteResult", "default_db",
           "event_day"]
