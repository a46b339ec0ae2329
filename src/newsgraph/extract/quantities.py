"""Quantities: the figures an article reports, with their hedges and what they count.

``newsgraph_quantities`` fills ``doc._.quantities`` with :class:`~newsgraph.records.Quantity`.
Candidates are spaCy's CARDINAL / MONEY / PERCENT / QUANTITY entities plus
number tokens the NER left unlabelled; tokens inside DATE, TIME and ORDINAL
entities belong to the times extractor and are never quantities.

The surface text is parsed by pure functions (:func:`parse_quantity`,
:func:`parse_number_words`, :func:`match_modifier`) so the rules can be tested
without a model. Choices worth knowing:

* "nearly" / "almost" / "less than" / "under" → ``lt`` (they assert the true
  figure is below the one given); "just under" and "up to" → ``le``;
  "about" / "around" / "some" / "roughly" / "an estimated" → ``approx``.
* vague plurals ("dozens", "hundreds of", "tens of thousands") → twice the
  unit with ``ge``: the plural says at least two of them.
* ranges ("between 200 and 300", "5-10 percent") → the lower bound with ``ge``.
* a lone "one" ("one of the main opposition leaders", "one side") is not a
  quantity; "one million" is.
* ``about`` is the noun the number modifies (``nummod``), else the object of
  "of" ("300 of the protesters"); a demonstrative ("37,000 of these") or a bare
  number used as a noun ("11,000 were added") inherits the ``about`` of the
  previous quantity in the same or the previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Approx, Quantity
from . import doc_ents, doc_text
from .tokens import TokenView, token_view

__all__ = ["ParsedQuantity", "match_modifier", "parse_number", "parse_number_words",
           "parse_quantity", "extract_quantities"]

# Longest phrases first is not needed: matching tries the longest suffix first.
MODIFIERS: dict[str, Approx] = {
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "a minimum of": "ge",
    "not less than": "ge", "not fewer than": "ge",
    "more than": "gt", "over": "gt", "just over": "gt", "above": "gt", "in excess of": "gt",
    "upwards of": "gt", "exceeding": "gt", "well over": "gt", "greater than": "gt",
    "at most": "le", "up to": "le", "no more than": "le", "a maximum of": "le", "just under": "le",
    "not more than": "le",
    "less than": "lt", "fewer than": "lt", "under": "lt", "below": "lt", "nearly": "lt",
    "almost": "lt", "just shy of": "lt", "close to": "lt", "well under": "lt",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "circa": "approx", "c.": "approx", "~": "approx", "nearly about": "approx",
    "around about": "approx", "more or less": "approx", "an approximate": "approx",
    "approx.": "approx", "some estimated": "approx",
}
_MAX_MOD_WORDS = 3
TRAILING: dict[str, Approx] = {"or more": "ge", "or so": "approx", "or less": "le",
                                "plus": "ge", "-plus": "ge", "+": "ge", "odd": "approx"}

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Vague plurals: "dozens", "hundreds", "tens of thousands".
PLURALS = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
           "millions": 1_000_000, "billions": 1_000_000_000}
SUFFIXES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
            "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
            "hundred": 1e2}

CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                    "₽": "RUB", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "r$": "BRL"}
CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "cny", "rub", "inr", "chf", "aud", "cad", "byn",
                  "uah", "try", "brl", "krw", "hkd", "sek", "nok", "dkk", "pln", "zar", "mxn"}
UNIT_WORDS = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage points": "percentage points",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "rubles": "RUB", "roubles": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupees": "INR", "francs": "CHF",
    "hryvnias": "UAH", "lira": "TRY",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2",
    "miles": "mi", "mile": "mi", "square miles": "mi2", "metres": "m", "meters": "m",
    "feet": "ft", "ft": "ft", "hectares": "ha", "acres": "acre",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t", "kg": "kg",
    "kilograms": "kg", "kilogrammes": "kg", "grams": "g", "barrels": "barrel", "barrel": "barrel",
    "litres": "l", "liters": "l", "gallons": "gal", "megawatts": "MW", "mw": "MW",
    "gigawatts": "GW", "gw": "GW", "degrees": "degree", "mph": "mph", "km/h": "km/h",
    "times": "times", "fold": "times",
}
_UNIT_MAX_WORDS = 2
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_NUM = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?:-\s*)?([a-z]+)?$")
_NUM_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_SKIP_LABELS = {"DATE", "TIME", "ORDINAL"}
_DEMONSTRATIVES = {"these", "those", "them", "which", "this", "that", "it", "they"}
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "ROOT"}


@dataclass(frozen=True, slots=True)
class ParsedQuantity:
    """What the surface text of a quantity says, before the parse adds ``about``."""

    value: float
    unit: str | None = None
    approx: Approx = "eq"
    prefix_chars: int = 0  # length of the modifier at the start (kept in the span)


def _words(text: str) -> list[str]:
    return text.lower().replace("-", " ").split()


def match_modifier(words: list[str]) -> tuple[Approx, int] | None:
    """The hedge that ends ``words`` ("at least", "just under"), and its length in words."""
    low = [w.lower() for w in words]
    for n in range(min(_MAX_MOD_WORDS, len(low)), 0, -1):
        approx = MODIFIERS.get(" ".join(low[-n:]))
        if approx:
            return approx, n
    return None


def parse_number_words(text: str) -> tuple[float, Approx] | None:
    """Value of a spelled-out number ("two dozen", "a million", "tens of thousands").

    Returns the value and "ge" for vague plurals, "eq" otherwise; None when
    the words are not a number.
    """
    words = [w for w in _words(text) if w != "and"]
    if not words:
        return None
    total, current, approx, seen = 0.0, 0.0, "eq", False
    for i, w in enumerate(words):
        if w in ("a", "an") and (i == 0 or words[i - 1] == "half") and len(words) > i + 1:
            current = current or 1
        elif w == "half" and i == 0:
            current = 0.5
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current, seen = 0, True
        elif w in PLURALS:
            current = (current or 1) * (2 if not seen else 1) * PLURALS[w]
            approx, seen = "ge", True
        elif w == "of" and approx == "ge":
            continue
        else:
            return None
    value = total + current
    return (value, approx) if seen and value > 0 else None


def parse_number(text: str) -> tuple[float, Approx] | None:
    """Value of a number in digits, with a scale ("9.5 million", "3.5bn", "20m"), or in words."""
    t = text.strip().lower()
    m = _NUM.match(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        suffix = m.group(2)
        if suffix:
            if suffix not in SUFFIXES:
                return None
            value *= SUFFIXES[suffix]
        return value, "eq"
    m = re.match(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(.+)$", t)
    if m:  # "9.5 million", "2 dozen"
        rest = parse_number_words("one " + m.group(2)) if m.group(2) != "dozen" else (12.0, "eq")
        if rest:
            return float(m.group(1).replace(",", "")) * rest[0], rest[1]
        return None
    return parse_number_words(t)


def _split_unit(text: str) -> tuple[str, str | None]:
    """Split a trailing unit ("percent", "km", "euros") off the number text."""
    low = text.lower().rstrip()
    if low.endswith("%"):
        return text.rstrip()[:-1], "percent"
    words = low.split()
    for n in range(min(_UNIT_MAX_WORDS, len(words) - 1), 0, -1):
        unit = UNIT_WORDS.get(" ".join(words[-n:]))
        if unit:
            return " ".join(text.split()[:-n]), unit
        if n == 1 and words[-1] in CURRENCY_CODES:
            return " ".join(text.split()[:-1]), words[-1].upper()
    m = re.match(r"^(.*\d)\s*(km|kg|mw|gw|mph|ft)$", low)
    if m:
        return text[: len(m.group(1))], UNIT_WORDS[m.group(2)]
    return text, None


def _split_currency(text: str) -> tuple[str, str | None]:
    """Split a leading currency symbol or code ("$", "US$", "€", "EUR ") off the text."""
    low = text.lower()
    for sym in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if low.startswith(sym):
            return text[len(sym):].lstrip(), CURRENCY_SYMBOLS[sym]
    head = low.split(" ", 1)
    if len(head) == 2 and head[0] in CURRENCY_CODES:
        return text[4:].lstrip(), head[0].upper()
    return text, None


def _tighter(a: Approx, b: Approx) -> Approx:
    """Combine two hedges: an explicit bound beats "eq" and "approx"."""
    return b if a in ("eq", "approx") and b != "eq" else a


def parse_quantity(text: str) -> ParsedQuantity | None:
    """Parse a whole quantity phrase: hedge, currency, number, scale, unit.

    "at least 300" → 300 ge; "$3.5 billion" → 3.5e9 USD; "roughly 2.5 percent"
    → 2.5 approx percent; "€20m" → 2e7 EUR. None when there is no number.
    """
    body = text.strip()
    words = body.split()
    approx: Approx = "eq"
    prefix_chars = 0
    for n in range(min(_MAX_MOD_WORDS, len(words) - 1), 0, -1):
        hit = MODIFIERS.get(" ".join(words[:n]).lower())
        if hit:
            approx = hit
            rest = body.split(None, n)[n]
            prefix_chars = len(body) - len(rest)
            body = rest
            break
    low = body.lower()
    for tail, hedge in TRAILING.items():
        if low.endswith(" " + tail) or (tail in ("+", "-plus") and low.endswith(tail)):
            body = body[: len(body) - len(tail)].rstrip(" -")
            approx = _tighter(approx, hedge)
            break
    body, unit = _split_currency(body)
    body, tail_unit = _split_unit(body)
    unit = unit or tail_unit
    parsed = parse_number(body.rstrip(" -")) or _parse_range(body)
    if parsed is None:
        return None
    value, vague = parsed
    return ParsedQuantity(value, unit, _tighter(approx, vague), prefix_chars)


_RANGE = re.compile(r"^(?:between\s+|from\s+)?(.+?)\s*(?:\band\b|\bto\b|-|–)\s*(.+)$", re.IGNORECASE)


def _parse_range(text: str) -> tuple[float, Approx] | None:
    """A range ("between 200 and 300", "5-10", "20 to 30 million") as its lower bound, ``ge``.

    The record holds one value per quantity; the lower bound keeps the claim true. A scale
    written only once ("20 to 30 million") applies to both ends.
    """
    m = _RANGE.match(text.strip())
    if not m:
        return None
    low, high = m.group(1), _split_currency(m.group(2))[0]
    lo, hi = parse_number(low), parse_number(high)
    if lo is None or hi is None:
        return None
    scale = next((SCALES[w] for w in high.lower().split() if w in SCALES), 1)
    value = lo[0] * scale if lo[0] * scale <= hi[0] and not any(w in SCALES for w in low.lower().split()) \
        else lo[0]
    return (value, "ge") if value <= hi[0] else None


# --- from the parse --------------------------------------------------------------------------

def _is_numeric(tok: Token) -> bool:
    low = tok.lower_
    return bool(tok.like_num or low in SMALL or low in SCALES or low in PLURALS or low == "dozen"
                or (tok.text[:1].isdigit()))


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of number phrases: numeric entities, then unlabelled number runs."""
    spans = [(e.start, e.end) for e in doc_ents(doc) if e.label_ in _NUM_LABELS]
    taken = {i for s, e in spans for i in range(s, e)}
    after = 0  # tokens before this are inside a run already found
    for i in _digit_tokens(doc):
        tok = doc[i]
        if i < after or i in taken or tok.ent_type_ or not _is_numeric(tok):
            continue
        j = i + 1
        while j < len(doc) and j not in taken and not doc[j].ent_type_ and doc[j].lower_ in SCALES:
            j += 1
        spans.append((i, j))
        after = j
    return sorted(spans)


def _digit_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens with a digit in them, in order, found in the text rather than
    by visiting every token (a number is a few tokens in a hundred)."""
    text = doc_text(doc)
    # str.isdigit, as the rule has it: ASCII digits, and any other digit the text holds
    found = _ASCII_DIGIT if text.isascii() else _digit_class("".join(sorted(
        c for c in set(text) if c.isdigit() and not "0" <= c <= "9")))
    chars = [m.start() for m in found.finditer(text)]
    if not chars:
        return []
    starts = token_view(doc).chars[0]  # each token's first character
    return sorted(set((np.searchsorted(starts, chars, side="right") - 1).tolist()))


_ASCII_DIGIT = re.compile("[0-9]")


@lru_cache(maxsize=64)
def _digit_class(others: str) -> re.Pattern[str]:
    """ASCII digits and ``others`` (the text's other digits, usually none: one pattern serves)."""
    return re.compile("[0-9" + re.escape(others) + "]")


def _extend(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen a number phrase to a hedge before it ("at least") and a unit after it ("km").
    Words are sliced from the article (``starts``/``ends``: each token's characters), not
    joined from Spans."""
    text = doc_text(doc)
    starts, ends = token_view(doc).chars
    if start > 0 and doc[start - 1].lower_ in CURRENCY_SYMBOLS:
        start -= 1  # "€" "20" "m"
    elif start > 0 and doc[start - 1].lower_ in ("a", "an") and (doc[start].lower_ in SCALES
                                                                 or doc[start].lower_ == "dozen"):
        start -= 1  # "a million"
    if end < len(doc) and doc[end].lower_.rstrip(".") in SUFFIXES \
            and not doc[end - 1].whitespace_:
        end += 1  # "20" "m" (or "m." at the end of a sentence)
    words = [text[starts[k]:ends[k]] for k in range(max(0, start - _MAX_MOD_WORDS), start)]
    hit = match_modifier(words)
    if hit and all(not doc[k].ent_type_ or doc[k].ent_type_ in _NUM_LABELS
                   for k in range(start - hit[1], start)):
        start -= hit[1]
    if _split_unit(text[starts[start]:ends[end - 1]])[1] is None:
        for n in range(_UNIT_MAX_WORDS, 0, -1):
            if end + n <= len(doc) and text[starts[end]:ends[end + n - 1]].lower() in UNIT_WORDS \
                    and not doc[end].ent_type_ in _SKIP_LABELS:
                end += n
                break
    return start, end


def _root(span: Span) -> Token:
    """The number token that attaches the phrase to the sentence ("two" in "some two dozen")."""
    outside = [t for t in span if _is_numeric(t) and not (span.start <= t.head.i < span.end)]
    return outside[0] if outside else span.root


def _noun_text(tok: Token) -> str:
    """The counted noun with its compounds ("opposition leaders"), lower-cased unless a name."""
    left = [c for c in tok.lefts if c.dep_ == "compound" and c.i == tok.i - 1]
    words = [t.text if t.pos_ == "PROPN" or t.text[1:] != t.text[1:].lower() else t.lower_
             for t in [*left, tok]]
    return " ".join(words)


def _of_object(tok: Token) -> Token | None:
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _about(span: Span, unit: str | None, previous: str | None) -> str | None:
    """The thing counted, read from the dependency parse (see the module docstring)."""
    root = _root(span)
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i >= span.end and unit is None and head.ent_type_ not in _SKIP_LABELS:
        return _noun_text(head)
    obj = _of_object(root)
    if obj is not None:
        if obj.lower_ in _DEMONSTRATIVES:
            return previous or obj.lower_
        return _noun_text(obj)
    if root.pos_ == "NUM" and root.dep_ in _NOMINAL_DEPS and unit is None:
        return previous
    return None


def _skip(doc: Doc, start: int, end: int, text: str, parsed: ParsedQuantity) -> bool:
    """Numbers that are not figures: a lone "one", years, parts of dates or names."""
    if any(doc[k].ent_type_ in _SKIP_LABELS for k in range(start, end) if _is_numeric(doc[k])):
        return True
    if _next_to_month(doc, start, end):
        return True
    if start > 0 and doc[start - 1].lower_.rstrip(".") in _LABEL_WORDS:
        return True
    if end < len(doc) and doc[end].lower_ in _CLOCK_WORDS:
        return True  # "1200 GMT": a clock time the NER left unlabelled
    root = _root(doc[start:end])
    if start > 0 and doc[start - 1].pos_ == "PROPN" and parsed.prefix_chars == 0 \
            and parsed.unit is None and not (root.dep_ == "nummod" and root.head.i > root.i):
        return True  # "Radio 4", "BBC News 24", "Guildford Four": part of a name
    core = text[parsed.prefix_chars:].strip().lower()
    if core in ("one", "a", "an") and parsed.unit is None:
        return True
    if _YEAR.match(core) and parsed.unit is None:
        root = doc[start:end].root
        return not (root.dep_ == "nummod" and root.head.pos_ == "NOUN")
    return False


# "Part 2", "page 1", "number two in the polls": the number is a label, not a figure.
_LABEL_WORDS = {"part", "page", "pages", "no", "number", "article", "chapter", "section", "volume",
                "vol", "room", "flight", "route", "highway", "grade", "level", "phase", "stage",
                "category", "version", "episode", "season", "game", "resolution", "paragraph",
                "clause", "p", "pp", "figure", "table", "item", "line", "row", "platform", "gate"}
_CLOCK_WORDS = {"gmt", "utc", "bst", "est", "edt", "pst", "pdt", "cet", "cest", "msk", "am", "pm",
                "a.m.", "p.m.", "hrs", "h", "local"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}


def _next_to_month(doc: Doc, start: int, end: int) -> bool:
    """A date the NER missed ("30 November", "November 22")."""
    before = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    after = doc[end].lower_.rstrip(".") if end < len(doc) else ""
    return (before in _MONTHS and doc[start - 1].is_title) or (after in _MONTHS and doc[end].is_title)


def extract_quantities(doc: Doc) -> list[Quantity]:
    """All quantities of ``doc`` in text order."""
    out: list[Quantity] = []
    previous: tuple[int, str] | None = None  # (sentence start token, about)
    view = token_view(doc)  # sentences by token number: Span.sent and has_annotation walk the Doc
    has_sents, (starts, ends), doc_chars = view.has_sents, view.chars, doc_text(doc)
    for s0, e0 in _candidate_spans(doc):
        start, end = _extend(doc, s0, e0)
        span = doc[start:end]
        text = doc_chars[starts[start]:ends[end - 1]]  # span.text
        if doc[end - 1].lower_.rstrip(".") in SUFFIXES:
            text = text.removesuffix(".")
        parsed = parse_quantity(text)
        if parsed is None or _skip(doc, start, end, text, parsed):
            continue
        sent = view.sent_starts[view.sent_of[start]] if has_sents else None  # span.sent.start
        prev_about = None
        if previous and sent is not None and previous[0] >= _prev_sent_start(view, sent):
            prev_about = previous[1]
        about = _about(doc[s0:e0] if parsed.unit is None else span, parsed.unit, prev_about)
        out.append(Quantity(start=starts[start], end=starts[start] + len(text), text=text,
                            value=parsed.value, unit=parsed.unit, approx=parsed.approx,
                            about=about, event=None))
        if about and sent is not None:
            previous = (sent, about)
    return out


def _prev_sent_start(view: TokenView, sent: int) -> int:
    """Token index where the sentence before the one starting at token ``sent`` starts (or
    ``sent`` itself, for the first)."""
    if sent == 0:
        return 0
    return view.sent_starts[view.sent_of[sent - 1]]


@Language.factory("newsgraph_quantities", assigns=["doc._.quantities"],
                  requires=["token.dep", "doc.ents"])
def make_quantities(nlp: Language, name: str) -> "QuantityExtractor":
    return QuantityExtractor()


class QuantityExtractor:
    """The spaCy component: stateless, so the rules stay in plain functions."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = extract_quantities(doc)
        return doc
