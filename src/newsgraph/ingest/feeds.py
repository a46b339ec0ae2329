"""RSS and Atom feeds: each entry's full content, or else its summary, becomes an article."""

from __future__ import annotations

import time
import xml.sax
from collections.abc import Iterator
from typing import Any

from .article import RawArticle
from .html import html_to_text
from .skipped import Skipped

__all__ = ["iter_feed"]


def iter_feed(data: bytes, source: str) -> Iterator[RawArticle | Skipped]:
    """The entries of a feed document, in feed order; a broken feed is reported, never raised."""
    import feedparser

    parsed = feedparser.parse(data)
    exc = parsed.get("bozo_exception")
    if not parsed.entries:
        if not parsed.get("version") and not parsed.bozo:
            yield Skipped(source, "malformed", "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> "
                          "root); only feed XML is read")
        elif parsed.bozo:
            yield Skipped(source, "malformed", f"not a readable RSS/Atom feed ({exc}); check that the "
                          "file is a complete feed document")
        else:
            yield Skipped(source, "empty", "the feed has no entries")
        return
    outlet = _clean(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, outlet, f"{source}#{n}")
    if parsed.bozo and isinstance(exc, xml.sax.SAXException):
        yield Skipped(source, "malformed", f"the feed is not well-formed XML ({exc}); {len(parsed.entries)} "
                      "entries were read, entries after the error may be missing — fetch the feed again")


def _entry(entry: Any, outlet: str | None, source: str) -> RawArticle | Skipped:
    html = _content(entry)
    text = html_to_text(html) if html else ""
    link = entry.get("link")
    where = f"{source} ({link})" if link else source
    if not text:
        return Skipped(where, "no_text", "the feed entry has neither content nor a summary")
    return RawArticle(text=text, id=None, title=_clean(entry.get("title")), author=_clean(entry.get("author")),
                      published=_date(entry), outlet=outlet, url=link, source=where)


def _content(entry: Any) -> str:
    """The longest full content (Atom ``content``, RSS ``content:encoded``), else the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) or []]
    best = max(contents, key=len, default="")
    return best if best.strip() else entry.get("summary", "") or ""


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _clean(value: str | None) -> str | None:
    value = " ".join(html_to_text(value).split()) if value else None
    return value or None
