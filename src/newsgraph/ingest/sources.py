"""Read inputs (files, directories, JSON Lines, feeds, WARCs, stdin) into ``RawArticle``s.

Never raises for one bad input in a batch: a bad input yields a ``Skipped``
with a typed reason (see ``skipped.KINDS``), so callers can report every one
and carry on. Everything streams: JSON Lines and WARC files are read record
by record, directories file by file.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .article import RawArticle, normalise_date
from .feeds import iter_feed
from .html import ExtractorMissing, page_article
from .language import guess_language
from .skipped import KINDS, Skipped
from .warc import iter_warc

__all__ = ["iter_inputs", "Skipped", "KINDS", "DEFAULT_MAX_BYTES", "EXTENSIONS", "decode"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_TEXT = (".txt", ".text", ".md", ".markdown")
_HTML = (".html", ".htm", ".xhtml")
_FEED = (".rss", ".atom", ".xml")
#: File kinds by extension (each also readable gzipped, e.g. ``.jsonl.gz``, ``.html.gz``).
EXTENSIONS: dict[str, str] = {
    **{e: "text" for e in _TEXT}, **{e: "html" for e in _HTML}, **{e: "feed" for e in _FEED},
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".warc": "warc",
}
_GZ_ERRORS = (OSError, EOFError, zlib.error)
_MAGIC = {b"%PDF-": "a PDF", b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx)", b"\x1f\x8b": "gzip data",
          b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image"}


@dataclass(frozen=True)
class _Options:
    plain: bool
    published: str | None
    max_bytes: int
    check_language: bool


def iter_inputs(paths: Iterable[str | Path], *, plain: bool = False, published: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, check_language: bool = True,
                stdin: BinaryIO | None = None) -> Iterator[RawArticle | Skipped]:
    """Every article found in ``paths`` ("-" is stdin, or ``stdin`` when given), in order.

    ``published`` overrides every article's date; ``max_bytes`` caps one file or
    one record; ``check_language`` skips articles that are clearly not English.
    """
    opts = _Options(plain, published, max_bytes, check_language)
    for p in paths:
        for item in _input(p, opts, stdin):
            yield _finish(item, opts)


#: Terminal escape sequences (CSI ``ESC [ … m``, OSC ``ESC ] … BEL``) and the other C0/C1 control
#: characters but tab, newline, carriage return, vertical tab and form feed (which text files use).
_CONTROLS = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_controls(text: str) -> str:
    """``text`` with escape sequences and control characters replaced by spaces, one for one, so
    offsets into the text stay where they were (``--plain``)."""
    return _CONTROLS.sub(lambda m: " " * len(m.group()), text)


def _finish(item: RawArticle | Skipped, opts: _Options) -> RawArticle | Skipped:
    """Apply the run's options and the checks every article gets, whatever its source."""
    if isinstance(item, Skipped):
        return item
    item.text = clean_controls(item.text)  # a title must not clear the screen where it is shown
    for name in ("title", "author", "outlet", "url"):
        value = getattr(item, name)
        if value:
            setattr(item, name, " ".join(clean_controls(value).split()) or None)
    if not item.text.strip():
        return Skipped(item.source or "?", "empty", "the article has no text")
    if opts.check_language:
        guess = guess_language(item.text)
        if not guess.is_english:
            return Skipped(item.source or "?", "not_english",
                           f"the text looks like {guess.name}, not English; newsgraph analyses English "
                           "articles only — translate it, or remove it from the batch")
    item.plain = item.plain or opts.plain
    if opts.published:
        item.published = opts.published
    return item


def _input(p: str | Path, opts: _Options, stdin: BinaryIO | None) -> Iterator[RawArticle | Skipped]:
    if str(p) == "-":
        yield _stream("<stdin>", stdin or sys.stdin.buffer, opts)
        return
    path = Path(p)
    try:
        if not path.exists():
            yield Skipped(str(p), "missing", "no such file or directory; check the path")
        elif path.is_dir():
            yield from _directory(path, opts)
        else:
            yield from _file(path, opts)
    except PermissionError as exc:
        yield Skipped(str(p), "unreadable", f"permission denied ({exc.strerror}); check the file's permissions")
    except ExtractorMissing as exc:
        yield Skipped(str(p), "unsupported", str(exc))
    except OSError as exc:
        yield Skipped(str(p), "unreadable", f"the file could not be read ({exc}); check the disk or the path")
    except Exception as exc:  # a parser choking on one odd input must not end the batch
        yield Skipped(str(p), "malformed", f"reading stopped ({type(exc).__name__}: {exc}); what was read "
                      "before was kept — check the input, and report it if it looks valid")


def _kind(name: str) -> tuple[str | None, bool]:
    """The file kind from its extension and whether it is gzipped; ``None`` for unknown extensions."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    stem = lower[:-3] if gz else lower
    suffix = stem[stem.rfind("."):] if "." in stem else ""
    return EXTENSIONS.get(suffix), gz


def _directory(path: Path, opts: _Options) -> Iterator[RawArticle | Skipped]:
    """Every file under ``path``, in name order: read, or reported with the reason it is not.

    Hidden files and folders (``.git``, ``.DS_Store``) are not read; each is
    reported once, as "hidden", so nothing under the directory goes unmentioned.
    """
    files, hidden = _listing(path)
    if not files and not hidden:
        yield Skipped(str(path), "empty", "the directory has no files")
    for q in files:
        if _kind(q.name)[0]:
            yield from _input(q, opts, None)
        else:
            yield _unknown_type(q)
    for q in hidden:
        yield Skipped(str(q), "hidden", "hidden file or folder, not read; pass it by name to read it")


def _listing(path: Path) -> tuple[list[Path], list[Path]]:
    """The files under a directory (in name order) and its hidden top-level entries."""
    entries = sorted(path.rglob("*"))
    hidden = [q for q in entries if q.name.startswith(".")
              and not any(part.startswith(".") for part in q.relative_to(path).parts[:-1])]
    files = [q for q in entries if q.is_file()
             and not any(part.startswith(".") for part in q.relative_to(path).parts)]
    return files, hidden


_COUNT_LIMIT = 2 * 1024**3  # bytes: past this, counting lines first costs more than a bar is worth


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many items (articles, records, skipped inputs) reading ``paths`` will give, for a progress
    bar with a total and an ETA; None when it cannot be known cheaply (stdin, feeds, WARC)."""
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        if path.is_dir():
            files, hidden = _listing(path)
            items = [_count_file(q) for q in files] + [1] * len(hidden)
            total += sum(items) if None not in items else 0
            if None in items:
                return None
        else:
            n = _count_file(path)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    kind, gz = _kind(path.name)
    try:
        if kind in (None, "text", "html") or not path.exists():
            return 1
        if kind == "jsonl" and path.stat().st_size < _COUNT_LIMIT:
            n = 0
            with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
                for line in fh:
                    n += bool(line.strip())
            return max(n, 1)
        if kind == "json" and not gz and path.stat().st_size < 64 * 1024**2:
            obj = json.loads(path.read_bytes())
            return max(len(obj), 1) if isinstance(obj, list) else 1
    except (OSError, EOFError, ValueError, zlib.error, RecursionError):
        return 1  # it will be reported as one skipped input
    return None


def _unknown_type(path: Path) -> Skipped:
    """Why a file with an extension newsgraph does not read is skipped (binary data named as such)."""
    known = ", ".join(sorted(EXTENSIONS))
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        return Skipped(str(path), "unreadable", f"the file could not be read ({exc.strerror or exc})")
    bad = _binary(head, str(path)) if head else None
    what = f"{bad.reason.split(';')[0]}; " if bad else ""
    return Skipped(str(path), bad.kind if bad else "unknown_type",
                   f"{what}not a file type newsgraph reads (known extensions: {known}, optionally .gz)")


def _file(path: Path, opts: _Options) -> Iterator[RawArticle | Skipped]:
    kind, gz = _kind(path.name)
    src = str(path)
    if kind == "jsonl":
        yield from _jsonl(path, gz, opts)
        return
    if kind == "json":
        yield from _json_file(path, gz, opts)
        return
    if kind == "warc":
        with path.open("rb") as fh:
            yield from iter_warc(fh, src, max_bytes=opts.max_bytes)
        return
    data = _read(path, gz, opts.max_bytes)
    if isinstance(data, Skipped):
        yield data
    elif kind == "html":
        yield _html(data, src)
    elif kind == "feed":
        yield from iter_feed(data, src)
    else:
        yield _text(data, src)


def _read(path: Path, gz: bool, max_bytes: int) -> bytes | Skipped:
    """The file's bytes (decompressed), or why they cannot be used."""
    src = str(path)
    if not gz and path.stat().st_size > max_bytes:
        return _too_large(src, path.stat().st_size, max_bytes)
    try:
        with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
            data = fh.read(max_bytes + 1)
    except _GZ_ERRORS as exc:
        if isinstance(exc, PermissionError):
            raise
        return Skipped(src, "corrupt", f"the gzip data is corrupt or truncated ({exc}); re-download or "
                       "re-compress the file")
    if len(data) > max_bytes:
        return _too_large(src, None, max_bytes)
    if not data.strip():
        return Skipped(src, "empty", "the file is empty; nothing to analyse")
    return data


def _too_large(src: str, size: int | None, max_bytes: int) -> Skipped:
    got = f"{size:,} bytes" if size is not None else "more than that once decompressed"
    return Skipped(src, "too_large", f"the input is larger than the {max_bytes:,}-byte limit ({got}); split it, "
                   "or raise the limit with max_bytes= (e.g. max_bytes=200_000_000)")


def _stream(src: str, stream: BinaryIO, opts: _Options) -> RawArticle | Skipped:
    data = stream.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        return _too_large(src, None, opts.max_bytes)
    if not data.strip():
        return Skipped(src, "empty", "nothing was read from standard input")
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return _html(data, src)
    return _text(data, src)


def _text(data: bytes, src: str) -> RawArticle | Skipped:
    text = decode(data, src)
    if isinstance(text, Skipped):
        return text
    return RawArticle(text=text, source=src)


def _html(data: bytes, src: str) -> RawArticle | Skipped:
    bad = _binary(data, src)
    if bad:
        return bad
    return page_article(data, source=src)


# --- bytes to text ----------------------------------------------------------

def decode(data: bytes, src: str) -> str | Skipped:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a confident guess."""
    bad = _binary(data, src)
    if bad:
        return bad
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        error = exc
    guessed = _western(data) or _detect(data)
    if guessed is not None:
        return guessed
    return Skipped(src, "encoding", f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}) "
                   "and no other encoding was detected with confidence; convert it to UTF-8, e.g. "
                   "`iconv -f ENCODING -t UTF-8 FILE`")


def _western(data: bytes) -> str | None:
    """cp1252 (Windows Latin-1) when it decodes cleanly and only a few characters are non-ASCII."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 127]
    if len(non_ascii) > 0.1 * len(text):
        return None  # mostly non-ASCII: another script, cp1252 would be mojibake
    return text


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if (best is None or best.chaos > 0.2 or not best.coherence
            or best.encoding.startswith(("utf_16", "utf_32"))):
        return None
    return str(best)


def _binary(data: bytes, src: str) -> Skipped | None:
    """Why ``data`` is binary (a known file type, NUL bytes, many control characters), else None."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return Skipped(src, "binary", f"this is {what}, not text; extract the article text first")
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v\x1b")
    if b"\x00" in sample or controls > 0.05 * len(sample):
        return Skipped(src, "binary", "binary data (NUL or control bytes), not text; pass a text, Markdown, "
                       "HTML, JSON Lines, feed or WARC file")
    return None


# --- JSON Lines -------------------------------------------------------------

def _jsonl(path: Path, gz: bool, opts: _Options) -> Iterator[RawArticle | Skipped]:
    """One article per line, streamed; a corrupt gzip stops the file with a report of lines read."""
    n = 0
    with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
        lines = iter(fh)
        while True:
            try:
                line = next(lines)
            except StopIteration:
                break
            except _GZ_ERRORS as exc:
                yield Skipped(f"{path}:{n + 1}", "corrupt", f"the gzip stream is corrupt or truncated after "
                              f"{n} lines ({exc}); the lines before were read — re-download the file")
                return
            n += 1
            if line.strip():
                yield _json_line(line, f"{path}:{n}", opts)
    if n == 0:
        yield Skipped(str(path), "empty", "the JSON Lines file is empty")


def _json_line(line: bytes, src: str, opts: _Options) -> RawArticle | Skipped:
    if len(line) > opts.max_bytes:
        return _too_large(src, len(line), opts.max_bytes)
    try:
        obj = json.loads(line)
    except UnicodeDecodeError:
        return Skipped(src, "encoding", "the line is not UTF-8; JSON Lines must be UTF-8")
    except json.JSONDecodeError as exc:
        return Skipped(src, "malformed", f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line")
    except RecursionError:
        return Skipped(src, "malformed", "the JSON is nested too deeply to read; fix or remove the line")
    if not isinstance(obj, dict):
        return Skipped(src, "malformed", "the line is not a JSON object; each line needs {\"text\": …}")
    return _json_object(obj, src)


def _json_file(path: Path, gz: bool, opts: _Options) -> Iterator[RawArticle | Skipped]:
    """A ``.json`` file: one article object, or an array of them (``path[n]`` names each)."""
    data = _read(path, gz, opts.max_bytes)
    if isinstance(data, Skipped):
        yield data
        return
    try:
        obj = json.loads(data)
    except UnicodeDecodeError:
        yield Skipped(str(path), "encoding", "the file is not UTF-8; JSON must be UTF-8")
        return
    except json.JSONDecodeError as exc:
        yield Skipped(str(path), "malformed", f"not valid JSON ({exc.msg} at line {exc.lineno} column "
                      f"{exc.colno}); fix the file")
        return
    except RecursionError:
        yield Skipped(str(path), "malformed", "the JSON is nested too deeply to read")
        return
    if isinstance(obj, dict):
        yield _json_object(obj, str(path))
    elif isinstance(obj, list):
        if not obj:
            yield Skipped(str(path), "empty", "the JSON array is empty")
        for n, item in enumerate(obj):
            src = f"{path}[{n}]"
            yield (_json_object(item, src) if isinstance(item, dict) else
                   Skipped(src, "malformed", "the array item is not an object; each needs {\"text\": …}"))
    else:
        yield Skipped(str(path), "malformed", "the JSON is neither an object nor an array of objects, "
                      "each with {\"text\": …}")


def _json_object(obj: dict, src: str) -> RawArticle | Skipped:
    """One article from a JSON object: ``{"text", id, title, date, url, source}`` or a newsgraph/1 record."""
    if isinstance(obj.get("article"), dict) and "schema" in obj:
        return _from_record(obj["article"], src)
    text = obj.get("text")
    if not isinstance(text, str):
        return Skipped(src, "malformed", "the object has no \"text\" string; each line needs {\"text\": …} "
                       "with optional id, title, date, url, source")
    date = _str(obj.get("date"))
    published = normalise_date(date)
    warnings = []
    if date and published is None:
        warnings.append(f"the date {date!r} could not be read, so the article has no date; "
                        "write dates as YYYY-MM-DD (or an ISO timestamp)")
    return RawArticle(text=text, id=_str(obj.get("id")), title=_str(obj.get("title")),
                      author=_str(obj.get("author")), published=published,
                      outlet=_str(obj.get("source")), url=_str(obj.get("url")), source=src, warnings=warnings)


def _from_record(article: dict, src: str) -> RawArticle | Skipped:
    """A ``newsgraph/1`` record (an export) re-read as its article, text kept exactly."""
    text = article.get("text")
    if not isinstance(text, str):
        return Skipped(src, "malformed", "the record's article has no text")
    return RawArticle(text=text, id=_str(article.get("id")), title=_str(article.get("title")),
                      author=_str(article.get("author")), published=_str(article.get("published")),
                      outlet=_str(article.get("outlet")), url=_str(article.get("url")), source=src, plain=True)


def _str(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)

