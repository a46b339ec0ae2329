"""HTML → article text and metadata.

Whole web pages go through trafilatura (main-text extraction plus title,
author, date and site name); small HTML fragments such as a feed entry's
content are already the article, so they are only flattened to text with
paragraph breaks kept.
"""

from __future__ import annotations

from typing import Any

from lxml import etree, html as lxml_html

from .article import RawArticle, normalise_date
from .skipped import Skipped

__all__ = ["extract_page", "page_article", "html_to_text", "ExtractorMissing"]

_BLOCK_TAGS = frozenset("p div h1 h2 h3 h4 h5 h6 li blockquote pre tr table ul ol section article "
                        "header footer figure figcaption dd dt".split())
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg")
_MIN_WORDS = 15  # extracted text shorter than this is not an article


class ExtractorMissing(RuntimeError):
    """trafilatura cannot be imported (e.g. lxml without its html-clean part)."""


def extract_page(page: bytes | str, *, url: str | None = None, source: str | None = None) -> RawArticle | None:
    """The article in a web page, or ``None`` when the page has no article text."""
    doc = _trafilatura_extract(page, url)
    if doc is None:
        return None
    text = (doc.get("text") or "").strip()
    if len(text.split()) < _MIN_WORDS:
        return None  # a menu, a cookie notice or a title: not an article
    # trafilatura puts one paragraph per line; prepare() wants blank lines between paragraphs.
    body = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    return RawArticle(text=body, title=_clean(doc.get("title")), author=_clean(doc.get("author")),
                      published=normalise_date(doc.get("date")), outlet=_clean(doc.get("sitename")),
                      url=doc.get("url") or url, source=source)


def page_article(page: bytes | str, *, url: str | None = None, source: str) -> RawArticle | Skipped:
    """``extract_page``, with a page that has no article text, or that breaks the extractor, reported."""
    try:
        raw = extract_page(page, url=url, source=source)
    except ExtractorMissing:
        raise
    except Exception as exc:  # lxml/trafilatura on a pathological page: skip the page, not the batch
        return Skipped(source, "malformed", f"the HTML could not be parsed ({type(exc).__name__}: {exc}); "
                       "check the page, or pass its text instead")
    if raw is None:
        return Skipped(source, "no_text", "no article text found in this HTML page (an index, a login wall "
                       "or a page built by JavaScript); save the article page itself, or pass its text")
    return raw


def _trafilatura_extract(page: bytes | str, url: str | None) -> dict[str, Any] | None:
    try:
        import trafilatura
    except ImportError as exc:  # lxml >= 5.2 split out lxml.html.clean
        raise ExtractorMissing(
            f"trafilatura cannot be imported ({exc}); install it with `pip install trafilatura "
            "lxml_html_clean`") from None
    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None:
        return None
    return doc if isinstance(doc, dict) else doc.as_dict()


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element, blank lines between."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    paragraphs = (" ".join(p.split()) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
