"""Flatten a ``newsgraph/1`` record into table rows and build it back.

Nested spans become ``<name>_start``/``<name>_end`` columns; booleans are
0/1 integers; list order is kept in ``idx``. These two directions are the
whole mapping between the record and the store, so the round-trip tests
exercise exactly this module.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the record models (pydantic) load when a record is read: queries need rows only
    from ..records import Record, Span, TextSpan

Row = dict[str, Any]
#: Columns written from the record for each list table (besides ``article_id`` and ``idx``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "times": ("start", "end", "text", "type", "value", "mod"),
    "quantities": ("start", "end", "text", "value", "unit", "approx", "about", "event"),
    "places": ("start", "end", "text", "name", "country", "lat", "lon", "geonameid", "feature"),
    "quotes": ("start", "end", "text", "kind", "speaker", "speaker_text", "speaker_start",
               "speaker_end", "cue", "cue_start", "cue_end"),
    "claims": ("start", "end", "text", "source", "source_text", "source_start", "source_end",
               "hedged"),
    "events": ("id", "type", "mode", "cameo", "source", "target", "date", "place", "negated",
               "hypothetical", "attributed_to", "trigger_start", "trigger_end", "trigger_text",
               "sentence_start", "sentence_end", "confidence", "mentions"),
}
ARTICLE_COLUMNS = ("id", "title", "author", "published", "outlet", "url", "language", "text")
ACTOR_COLUMNS = ("id", "name", "kind", "country", "sector", "title")
_SPANS = {"quotes": ("speaker_span", "cue_span"), "claims": ("source_span",),
          "events": ("trigger", "sentence")}


@cache
def _models() -> dict[str, type]:
    """The record model of each list table."""
    from ..records import Claim, Event, Place, Quantity, Quote, Time

    return {"times": Time, "quantities": Quantity, "places": Place, "quotes": Quote,
            "claims": Claim, "events": Event}


def _flatten(item: Row, spans: tuple[str, ...]) -> Row:
    out = {k: v for k, v in item.items() if k not in spans}
    for name in spans:
        span = item.get(name)
        prefix = name.removesuffix("_span")
        out[f"{prefix}_start"] = span["start"] if span else None
        out[f"{prefix}_end"] = span["end"] if span else None
        if name == "trigger":
            out["trigger_text"] = span["text"]
    if out.get("mentions") is not None:  # an event's other mentions: one JSON column
        out["mentions"] = json.dumps(out["mentions"])
    return {k: int(v) if isinstance(v, bool) else v for k, v in out.items()}


def list_rows(record: Record) -> dict[str, list[Row]]:
    """Rows for every list table except actors/mentions, in record order."""
    out: dict[str, list[Row]] = {}
    for table, cols in COLUMNS.items():
        items = [i.model_dump() for i in getattr(record, table)]
        flat = [_flatten(i, _SPANS.get(table, ())) for i in items]
        out[table] = [{"idx": n, **{c: f[c] for c in cols}} for n, f in enumerate(flat)]
    return out


def _span(row: Row, prefix: str, with_text: bool = False) -> Span | TextSpan | None:
    from ..records import Span, TextSpan

    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    if start is None:
        return None
    if with_text:
        return TextSpan(start=start, end=end, text=row[f"{prefix}_text"])
    return Span(start=start, end=end)


def item_from_row(table: str, row: Row) -> Any:
    """The record item (Time, Quote, Event …) a row of ``table`` stores."""
    data = {c: row[c] for c in COLUMNS[table]}
    for name in _SPANS.get(table, ()):
        prefix = name.removesuffix("_span")
        data[name] = _span(row, prefix, with_text=name == "trigger")
        for c in (f"{prefix}_start", f"{prefix}_end") + ((f"{prefix}_text",) if name == "trigger" else ()):
            data.pop(c, None)
    if data.get("mentions") is not None:
        data["mentions"] = json.loads(data["mentions"])
    for flag in ("hedged", "negated", "hypothetical"):
        if flag in data:
            data[flag] = bool(data[flag])
    return _models()[table](**data)


def read_record(conn: sqlite3.Connection, article_id: str) -> Record | None:
    """Assemble the record of one article from its rows (None if absent)."""
    from ..records import Actor, Article, Record, Span

    art = conn.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    if art is None:
        return None
    mentions: dict[str, list[Span]] = defaultdict(list)
    for m in conn.execute('SELECT actor_id, start, "end" FROM mentions WHERE article_id = ?'
                          " ORDER BY actor_id, idx", (article_id,)):
        mentions[m["actor_id"]].append(Span(start=m["start"], end=m["end"]))
    actors = [Actor(**{c: a[c] for c in ACTOR_COLUMNS}, mentions=mentions[a["id"]])
              for a in conn.execute("SELECT * FROM actors WHERE article_id = ? ORDER BY idx",
                                    (article_id,))]
    lists = {t: [item_from_row(t, dict(r)) for r in conn.execute(
        f"SELECT * FROM {t} WHERE article_id = ? ORDER BY idx", (article_id,))] for t in COLUMNS}
    return Record(article=Article(**dict(art)), actors=actors, **lists)
