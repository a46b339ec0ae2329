"""WARC web archives: every HTML response record becomes an article with its URL and fetch date.

Request, metadata, revisit and non-HTML records (images, scripts,
redirects, errors) are not articles and are passed over; a record whose page has no article text
is reported.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from .article import RawArticle, normalise_date
from .html import page_article
from .skipped import Skipped

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

__all__ = ["iter_warc"]


def iter_warc(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[RawArticle | Skipped]:
    """Articles from a (possibly gzipped) WARC stream; a broken archive stops with a report."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    tail = _Tail(stream)
    try:
        for record in ArchiveIterator(tail):
            n += 1
            item = _article(record, f"{source}:{n}", max_bytes) if _is_html_response(record) else None
            if not record.rec_type or _drain(record) or tail.cut:
                yield _broken(source, n, "a record ends before its Content-Length")
                return
            if item is not None:
                yield item
    # warcio reads some cut headers as garbage and fails with AttributeError or TypeError
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, TypeError) as exc:
        yield _broken(source, n + 1, str(exc))
        return
    if tail.cut:  # a file cut early in a gzip member or in a record's headers reads as a clean end
        yield _broken(source, n + 1, "the file ends inside a record")


class _Tail:
    """A pass-through reader that notes how the file ends. warcio takes a file cut inside a
    gzip member, or inside the headers of an uncompressed record, for a clean end of file;
    ``cut`` tells those cases apart: a gzip file must end with a whole member, a plain WARC
    with the blank line that closes every record."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.gzip: bool | None = None
        self.member = None  # the zlib decompressor of the member being read
        self.ended = False
        self.last = b""

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.ended = self.ended or not data
        self.last = (self.last + data)[-4:]
        if self.gzip is None and data:
            self.gzip = data[:2] == b"\x1f\x8b"
        rest = data if self.gzip else b""
        try:
            while rest:
                self.member = self.member or zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.member.decompress(rest)  # only where the member ends matters, not its output
                rest, self.member = (self.member.unused_data, None) if self.member.eof else (b"", self.member)
        except zlib.error:
            self.gzip, self.member = False, None  # corrupt, not cut: warcio reports it
        return data

    @property
    def cut(self) -> bool:
        if not self.ended or self.gzip is None:
            return False
        return self.member is not None if self.gzip else self.last != b"\r\n\r\n"

    def __getattr__(self, name: str):
        return getattr(self.raw, name)


def _broken(source: str, n: int, why: str) -> Skipped:
    return Skipped(f"{source}:{n}", "malformed", f"the WARC file is corrupt or truncated at record {n} ({why}); "
                   f"the {n - 1} records before were read — re-create or re-download the archive")


def _drain(record: ArcWarcRecord) -> bool:
    """Read what is left of the record; True when the file ended before the record did (truncation)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return (getattr(raw, "limit", 0) or 0) > 0


def _is_html_response(record: ArcWarcRecord) -> bool:
    """A successful HTML response, or an HTML ``resource`` record (as wget writes for local files)."""
    if record.rec_type == "resource":
        return "html" in (record.rec_headers.get_header("Content-Type") or "").lower()
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in ctype


def _article(record: ArcWarcRecord, where: str, max_bytes: int) -> RawArticle | Skipped:
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{where} ({url})" if url else where
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Skipped(where, "too_large", f"the page is over {max_bytes:,} bytes; raise max_bytes to read it")
    raw = page_article(payload, url=url, source=where)
    if isinstance(raw, Skipped):
        return raw
    raw.url = raw.url or url
    raw.fetched = normalise_date(record.rec_headers.get_header("WARC-Date"))
    return raw
