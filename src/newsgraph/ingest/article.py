"""From raw text and metadata to the analysed ``Article``.

``prepare`` finds the headline, byline, date line, dateline and outlet in a
plain-text or Markdown article, drops footer boilerplate and Markdown markup,
re-joins paragraphs that a page break split mid-sentence, and builds
``article.text`` as headline, blank line, body (paragraphs separated by a
blank line). With ``plain=True`` the text is kept exactly as given, so
offsets match the input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..records import Article

__all__ = ["RawArticle", "Parsed", "article_id", "prepare", "parse_text", "parse_date", "normalise_date"]


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
    fetched: str | None = None  # when a crawler fetched it (WARC-Date); a fallback for ``published``
    warnings: list[str] = field(default_factory=list)  # read, but something was lost (e.g. an unreadable date)


@dataclass
class Parsed:
    """What ``parse_text`` read from an article's text: metadata and clean paragraphs."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def article_id(text: str) -> str:
    """Stable id: a hash of the NFC-normalised, whitespace-folded text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def prepare(raw: RawArticle) -> Article:
    """The ``Article`` whose ``text`` is analysed; metadata given in ``raw`` wins over the text's."""
    if raw.plain:
        text, title = raw.text, raw.title
        author, published, outlet = raw.author, normalise_date(raw.published), raw.outlet
        published = published or normalise_date(raw.fetched)
    else:
        parsed = parse_text(raw.text, title=raw.title)
        title = parsed.title
        text = f"{title}\n\n{parsed.body}" if title and parsed.body else (title or parsed.body)
        author = raw.author or parsed.author
        published = normalise_date(raw.published) or parsed.published or normalise_date(raw.fetched)
        outlet = raw.outlet or parsed.outlet
    return Article(id=raw.id or article_id(text), title=title, author=author, published=published,
                   outlet=outlet, url=raw.url, text=text)


# --- dates -----------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
_DATE = (rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
         rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
         rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}}))")
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_TIME = (r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{1,5}(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2}))?"
         r"|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)")
_DATE_LINE_RE = re.compile(
    rf"^(?:(?:published|updated|posted|first published|last updated)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY}\s*)?{_DATE}(?:\s*[,;\-–—|]?\s*{_TIME})?\.?$", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The first full calendar date in ``text`` as YYYY-MM-DD ("30 November 2020", "Nov. 30, 2020")."""
    for m in _DATE_RE.finditer(text):
        iso = _iso_from_match(m)
        if iso:
            return iso
    return None


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date; ``None`` when there is no full date."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    return parse_date(value)


def _iso_from_match(m: re.Match[str]) -> str | None:
    if m["y3"]:
        return _valid(int(m["y3"]), int(m["m3"]), int(m["d3"]))
    year, month, day = (m["y1"], m["m1"], m["d1"]) if m["y1"] else (m["y2"], m["m2"], m["d2"])
    return _valid(int(year), _MONTHS[month[:3].lower()], int(day))


def _valid(year: int, month: int, day: int) -> str | None:
    import datetime as dt

    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- header: headline, byline, date line ----------------------------------

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|van|von|de|da|del|der|di|du|la|le|al|bin|ibn)"
_NAME_RE = re.compile(rf"^[A-Z][\w'’.\-]*(?:\s+{_NAME_WORD}){{1,4}}$")
_BY_RE = re.compile(r"^(?:by|written by|words by)\s*:?\s+(?P<name>.{2,120})$", re.IGNORECASE)
_ONE_NAME = rf"[A-Z][\w'’.\-]*(?:\s+{_NAME_WORD}){{0,4}}"
_NAMES_RE = re.compile(rf"^{_ONE_NAME}(?:\s*(?:,|and|&)\s*{_ONE_NAME})*$")
_SEPARATORS = re.compile(r"\s+[|·•/]\s+|\s+[—–]\s+")
_IGNORABLE_RE = re.compile(rf"^(?:{_TIME}|(?:updated|last updated)?\s*\d+\s+(?:minutes?|hours?|days?|mins?|hrs?)\s+ago"
                           rf"|updated|\d+\s+min(?:ute)?s?\s+read)$", re.IGNORECASE)
_POSTED_BY_RE = re.compile(r"^(?:posted|published)(?:\s+on)?\s+(?P<date>.+?)\s+by\s+(?P<name>[A-Z][\w'’.\- ]{1,50})$",
                           re.IGNORECASE)
#: Wire services whose name in a byline or on a line of its own is the outlet, not an author.
_AGENCIES = frozenset({"Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg",
                       "Bloomberg News", "dpa", "Deutsche Presse-Agentur", "Xinhua", "TASS", "Interfax",
                       "ANSA", "EFE", "Kyodo", "Kyodo News", "Yonhap", "UPI", "Anadolu Agency", "PTI",
                       "Press Association", "PA Media", "Canadian Press", "BBC News"})
_HEADER_LINES = 6  # metadata lines looked for right after the headline
_HEADER_MAX_CHARS = 200  # longer lines are body text


def _author_of(part: str) -> tuple[str | None, bool]:
    """The author's name when ``part`` is a byline ("By Jane Doe", "Clara Weiss"), and whether it
    was a bare name (no "By"), which counts only next to a date line."""
    m = _BY_RE.match(part)
    if m:
        name = re.split(r",\s*|\s+for\s+", m["name"], maxsplit=1)[0].strip()
        ok = bool(_NAMES_RE.match(name)) and not any(ch.isdigit() for ch in name)
        return (_name_case(name) if ok else None), False
    if len(part) <= 60 and _NAME_RE.match(part) and not _DATE_RE.search(part) and part not in _AGENCIES:
        return part, True
    return None, False


def _name_case(name: str) -> str:
    """"JANE DOE" → "Jane Doe"; mixed-case names stay as written."""
    return name.title() if name.isupper() else name


def _agency_of(part: str) -> str | None:
    """A news agency named in a byline ("Jane Doe, Associated Press") or alone on a line."""
    if part in _AGENCIES:
        return part
    m = _BY_RE.match(part)
    if m and "," in m["name"]:
        rest = m["name"].split(",", 1)[1].strip()
        return rest if rest in _AGENCIES else None
    return None


def _header_fields(line: str) -> dict[str, str] | None:
    """Author, date and agency when the whole line is a byline, a date line, or both."""
    found: dict[str, str] = {}
    m = _POSTED_BY_RE.match(line)
    if m and (date := parse_date(m["date"])):
        return {"published": date, "author": _name_case(m["name"])}
    for part in _SEPARATORS.split(line):
        part = part.strip().strip(",")
        if not part or _IGNORABLE_RE.match(part):
            continue
        if _DATE_LINE_RE.match(part):
            date = normalise_date(part)
            if date is None or "published" in found:
                return None
            found["published"] = date
            continue
        agency = _agency_of(part)
        if agency and "outlet" not in found:
            found["outlet"] = agency
        name, bare = _author_of(part)
        if name and "author" not in found:
            found["author"] = name
            if bare:
                found["bare"] = "yes"
        elif not agency:
            return None
    return found or None


def _split_header(lines: list[str], title: str | None) -> tuple[str | None, dict[str, str], list[str]]:
    """Headline, header fields and the remaining body lines."""
    i = _skip_blank(lines, 0)
    if i < len(lines):
        first = _clean_inline(lines[i].lstrip("#").strip())
        if title is None and _looks_like_headline(first, lines, i):
            title, i = first, i + 1
        elif title is not None and _same(first, title):
            i += 1
    fields: dict[str, str] = {}
    before_bare: tuple[int, dict[str, str]] | None = None
    for _ in range(_HEADER_LINES):
        j = _skip_blank(lines, i)
        if j >= len(lines):
            break
        if len(lines[j]) > _HEADER_MAX_CHARS:
            break  # a paragraph of body text, not a byline or date line
        got = _header_fields(_clean_inline(lines[j].strip()))
        if got is None or any(k in fields for k in got):
            break
        if "bare" in got:
            before_bare = (i, dict(fields))
        fields.update(got)
        i = j + 1
    if before_bare and "published" not in fields:
        i, fields = before_bare  # "Agreement Signed", "Ewood Park": a subheading, not a byline
    fields.pop("bare", None)
    return (_clean_inline(title) if title else None), fields, lines[i:]


def _looks_like_headline(line: str, lines: list[str], i: int) -> bool:
    """A first line is a headline if it is short, something follows it, and it is not body copy:
    a Markdown ``#`` line always is; a dateline or a long full sentence never is."""
    if not line or not any(ln.strip() for ln in lines[i + 1:]):
        return False
    if lines[i].lstrip().startswith("#"):
        return True
    if len(line) > 250 or _DATELINE_RE.match(line):
        return False
    return not (line.endswith(".") and len(line.split()) > 10)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


# --- body: paragraphs, markup, boilerplate ---------------------------------

_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER_RE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_HEADING_RE = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_QUOTE_RE = re.compile(r"^>\s?", re.MULTILINE)
_SPACES_RE = re.compile(r"[ \t]+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]\s+|\d+[.)]\s+)")
_LINK_ONLY = re.compile(r"^[\s*_>]*(?:(?:!?\[[^\]]*\]\([^)]*\)|<?https?://\S+>?|www\.\S+)[\s*_|,·•]*)+$")
# Clutter: never reporting, wherever it stands.
_CLUTTER = re.compile(
    r"^(?:share (?:this|on)\b|follow us\b|click here\b|read more\b|related(?: articles| coverage| news)?:?$"
    r"|related(?: articles| coverage)?:|advertisement$|sign up (?:for|to|now|here)\b|subscribe (?:to|now|for|here)\b"
    r"|get (?:our|the) (?:latest|newsletter)|download (?:our|the) app|©)", re.IGNORECASE)
# Footer lines: boilerplate only in the run of paragraphs that ends the article.
_FOOTER = re.compile(
    r"^(?:to contact\b|contact us\b|for (?:more information|media enquiries)\b|subscribe\b|sign up\b"
    r"|copyright\b|\(c\)\s*\d{4}|all rights reserved|this article (?:was|is) (?:originally )?published\b"
    r"|\(?(?:additional )?reporting by\b|\(?editing by\b|\(?writing by\b)", re.IGNORECASE)
_CLUTTER_MAX = 200  # longer paragraphs are content, whatever they start with
_FOOTER_MAX = 300
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]$")

# The outlet, when the text names it.
_OUTLET_PATTERNS = [
    re.compile(r"^(?i:to contact (?:the )?)(?P<o>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
               r"(?=\s+(?:and|or|visit|please|at|,|:)|\s*:|\s*$)"),
    re.compile(r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
               r"(?P<o>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,5}?)"
               r"(?:,?\s+(?:Ltd|Inc|LLC|plc|GmbH)\.?)?\s*(?:[.,;]|all rights|$)", re.IGNORECASE),
    re.compile(r"^(?i:this article (?:was|is) (?:originally )?published (?:by|in|on) )"
               r"(?P<o>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"),
]

# "KYIV, March 3, 2022 —", "GENEVA (Reuters) -", "WASHINGTON, Nov 30 (AP) -"
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\- ]{1,40}(?:,\s*[A-Z][^\W\d_.'’\- ]*(?:[.'’\- ]+[^\W\d_]+)*)?)"
    r"(?:,\s*(?P<date>[A-Za-z.]+\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z.]+(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?\s*[-—–]{1,2}\s")


def parse_text(text: str, *, title: str | None = None) -> Parsed:
    """Headline, byline, dates, outlet and clean paragraphs of a plain-text or Markdown article."""
    lines = unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, fields, body_lines = _split_header(lines, title)
    paragraphs = _paragraphs(body_lines)
    kept, dropped = _drop_boilerplate(paragraphs)
    outlet = fields.get("outlet") or next(filter(None, map(_outlet_of, dropped)), None)
    kept = _join_page_breaks(kept)
    parsed = Parsed(title=title or None, author=fields.get("author"), published=fields.get("published"),
                    outlet=outlet, paragraphs=kept)
    if kept:
        _read_dateline(kept[0], parsed)
    return parsed


def _paragraphs(lines: list[str]) -> list[str]:
    """Blocks separated by blank lines; soft-wrapped lines joined, list items kept on their own line."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    out = []
    for block in blocks:
        kept = [ln for ln in block if not _LINK_ONLY.match(ln)]
        if not kept:
            continue
        para = kept[0]
        for ln in kept[1:]:
            sep = "\n" if _LIST_ITEM.match(ln) or ln.startswith("#") else " "
            para += sep + ln
        para = _clean_inline(para)
        if para:
            out.append(para)
    return out


def _clean_inline(text: str) -> str:
    """Markdown links, emphasis and heading marks removed; the words stay."""
    if "](" in text:
        text = _LINK_RE.sub(r"\1", text)
    if "*" in text or "_" in text:  # most paragraphs have neither: skip the costly patterns
        text = _BOLD_RE.sub(r"\2", text)
        text = _EM_STAR_RE.sub(r"\1", text)
        text = _EM_UNDER_RE.sub(r"\1", text)
    if "#" in text or ">" in text:
        text = _HEADING_RE.sub("", text)
        text = _QUOTE_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip()


def _drop_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(kept, dropped): the footer run at the end goes, and clutter anywhere.

    "Copyright holders won a ruling…" in the middle of a story is news; at the end it is a footer."""
    end = len(paragraphs)
    while end and (_is_clutter(paragraphs[end - 1]) or
                   len(paragraphs[end - 1]) <= _FOOTER_MAX and _FOOTER.match(paragraphs[end - 1])):
        end -= 1
    kept = [p for p in paragraphs[:end] if not _is_clutter(p)]
    dropped = [p for p in paragraphs[:end] if _is_clutter(p)] + paragraphs[end:]
    return kept, dropped


def _is_clutter(para: str) -> bool:
    return len(para) <= _CLUTTER_MAX and bool(_CLUTTER.match(para))


def _outlet_of(para: str) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        m = pattern.match(para)
        if m:
            name = m["o"].strip(" .,")
            if name.lower() not in {"us", "the", "all", "this"}:
                return name
    return None


def _join_page_breaks(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the next one when that starts lowercase."""
    out: list[str] = []
    for para in paragraphs:
        if out and not _SENTENCE_END.search(out[-1]) and para[:1].islower():
            prev = out[-1]
            out[-1] = prev + para if prev.endswith("-") else f"{prev} {para}"
        else:
            out.append(para)
    return out


def _read_dateline(first: str, parsed: Parsed) -> None:
    """Outlet and date from a dateline that opens the body; the dateline stays in the text."""
    m = _DATELINE_RE.match(first)
    if not m:
        return
    if m["agency"] and not parsed.outlet:
        parsed.outlet = m["agency"].strip()
    if m["date"] and not parsed.published:
        parsed.published = parse_date(m["date"])
