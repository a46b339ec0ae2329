"""A rule-based TIMEX3 recogniser and normaliser, free of spaCy.

Two pure entry points, so the rules are testable without the model:

* :func:`find` scans raw text and returns candidate spans (longest match
  first, HeidelTime-style patterns written from scratch);
* :func:`normalise` turns one expression into ``Timex(type, value, mod)``,
  resolved against an anchor date (the publication date) and the tense of
  the clause that governs it.

Without an anchor, relative expressions get underspecified values
(``XXXX-11-27`` style or None), never today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Tense = Literal["past", "present", "future"] | None

__all__ = ["Timex", "find", "normalise", "shift_months"]


@dataclass(frozen=True)
class Timex:
    """A normalised time expression (TIMEX3 type, value and mod)."""

    type: str
    value: str | None
    mod: str | None = None


# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5,
}
VAGUE = {"a few", "few", "several", "some", "many", "a couple of", "couple of", "a couple", "numerous"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# unit -> (TIMEX3 duration letter, needs the T prefix)
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}
# Words before a core expression and the TIMEX3 mod they give. "almost"/"nearly" are LESS_THAN
# (TimeML: the true amount falls short of the one named), "about"/"around" APPROX.
MOD_WORDS = {
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "almost": "LESS_THAN", "nearly": "LESS_THAN",
    "just under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "circa": "APPROX", "the end of": "END", "the beginning of": "START",
    "the start of": "START", "the middle of": "MID", "the dawn of": "START",
}
EDGE_WORDS = {"early": "START", "late": "END", "mid": "MID"}

# --------------------------------------------------------------------------- regex pieces

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\."
          r"|jan|feb|aug|sept|oct|nov|dec)")
_WDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WORDNUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
            r"|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen)")
_NUM = rf"(?:\d+(?: \d/\d)?(?:\.\d+)?|{_WORDNUM}|a|an|half an?|an? half)"
_VAGUE = r"(?:a few|few|several|some|many|a couple of|couple of|numerous)"
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?"
         r"|centur(?:y|ies))")
_UNIT_SG = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_SPOKEN_YEAR = (rf"(?:nineteen (?:hundred(?: and)? )?{_WORDNUM}|nineteen hundred"
                r"|the year two thousand(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?)")
_HOLIDAY = (r"(?:christmas(?: day| eve)?|new year's (?:day|eve)|thanksgiving(?: day)?|independence day"
            r"|election day|halloween|easter(?: sunday)?|labor day|memorial day|valentine's day)")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_PART = r"(?:morning|afternoon|evening|night)"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midday|midnight)"
_REL = r"(?:last|this|next|past|coming|current|previous|present|latest|same|that|following|this past)"
_MODS = (r"(?:(?:less than|fewer than|more than|upwards of|at least|no less than|no more than|up to|at most"
         r"|almost|nearly|just under|just over|about|around|roughly|approximately|circa"
         r"|the end of|the beginning of|the start of|the middle of|the dawn of|well over|over) )")
_EDGE = r"(?:(?:the )?(?:early|late|mid|earlier|later)[- ])"

# Core patterns, tried by the recogniser (as one alternation) and by the normaliser (fullmatch).
CORE: list[tuple[str, str]] = [
    ("present_ref", r"now|currently|current|at present|presently|nowadays|these days|the present|right now"),
    ("past_ref", r"(?:more |most |very |until )?recently|recent|the past|in the past|formerly|lately|past years|recent (?:years|days)"),
    ("future_ref", r"the (?:near|short) term|the (?:near |distant )?future|future|a later date|later date|(?:the )?coming (?:years|months|quarters)|future quarters|future years"),
    ("wday_plural", rf"{_WDAY}s? (?:morning|afternoon|evening|night)s|{_WDAY}s"),
    ("clock_date", rf"{_CLOCK}(?: [a-z]{{3}})?(?:,? (?:on )?(?:{_WDAY}|{_MONTH} \d{{1,2}}(?:, {_YEAR})?|today|yesterday|tomorrow))?"),
    ("wday_clock", rf"{_WDAY},? (?:at )?{_CLOCK}"),
    ("mdy", rf"(?:{_WDAY},? )?{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? {_YEAR})?"),
    ("dmy", rf"(?:{_WDAY},? )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? {_YEAR})?"),
    ("iso", r"\d{4}-\d\d-\d\d"),
    ("slash", r"\d{1,2}/\d{1,2}/(?:\d\d){1,2}"),
    ("month_year", rf"{_MONTH},? (?:of )?(?:{_YEAR}|{_SPOKEN_YEAR})"),
    ("holiday", rf"(?:(?:last|this|next) )?{_HOLIDAY}(?:,? {_YEAR})?"),
    ("spoken_year", rf"(?:the year )?{_SPOKEN_YEAR}"),
    ("month_rel_year", rf"{_MONTH},? (?:of )?(?:this|last|next) year"),
    ("rel_month", rf"(?:last|this|next|this past|this coming) {_MONTH}(?!\.?\s*\d)"),
    ("month_range_year", rf"{_MONTH}-{_MONTH}"),
    ("quarter", rf"(?:(?:the|this|last|next|that) (?=\S+ quarter|\S+ \S+ quarter|\d{{4}} \S+ quarter))?(?:(?:{_YEAR}|(?:this|last|next) year's|year-(?:ago|earlier)) )?(?:fiscal[- ])?{_ORD}[- ]quarter(?: of (?:fiscal )?{_YEAR}| of (?:this|last|next) year)?"),
    ("quarter_ref", r"(?:the |this |that )?(?:comparable |flat )?(?:latest |last |current |previous |year-ago |year-earlier |same |\d{4} )?(?:fiscal )?quarter(?: a year (?:ago|earlier))?"),
    ("half", rf"(?:the )?(?:first|second|1st|2nd) half(?: of (?:{_YEAR}|(?:this|last|next) year))?"),
    ("fiscal_span", r"the (?:fiscal )?year(?= end(?:ed|ing)\b)|the full year|(?:the )?latest period"),
    ("year_len", r"the (?:fiscal )?year"),
    ("period_end", r"(?:the )?year(?:-| |'s )end|the end of the (?:year|month|week)"),
    ("year_ago_period", r"(?:the )?(?:comparable |corresponding )?year-(?:ago|earlier) (?:period|quarter|third quarter|nine months|months)|year-(?:ago|earlier)|the \d{4} period"),
    ("season", rf"(?:(?:this|last|next|this past|the) )?{_SEASON}(?: (?:of )?{_YEAR})?"),
    ("decade", r"(?:the )?(?:1[6-9]\d0|20[0-2]0)'?s|(?:the )?'[0-9]0s|the (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    ("century", r"(?:the )?(?:1?\d)(?:st|nd|rd|th) century"),
    ("fiscal_year", rf"(?:fiscal|fy) (?:year )?{_YEAR}|the (?:current |latest |last |next |previous )?fiscal year"),
    ("year", rf"(?:the year )?{_YEAR}"),
    ("ago", rf"(?:{_NUM}|{_VAGUE}) {_UNIT} (?:ago|earlier|from now|hence)"),
    ("unit_ago", r"(?:a |one )?(?:year|month|week|day|decade) (?:ago|earlier)"),
    ("rel_wday_part", rf"(?:(?:last|this|next|this past|this coming) )?{_WDAY}(?: {_PART})?"),
    ("day_part", rf"(?:(?:this|yesterday|tomorrow|today|that|last|early this|late) {_PART}|tonight|last night|overnight)"),
    ("rel_day", r"today|yesterday|tomorrow|the day before yesterday|the day after tomorrow"),
    ("rel_unit", rf"(?:{_REL}|the {_REL}|this past|this coming|earlier this|later this|earlier that|later that) (?:week|weekend|month|year|decade|century)"),
    ("the_weekend", r"the weekend"),
    ("every", rf"(?:every|each) (?:{_MONTH}|{_WDAY})|(?:every|each|per) (?:(?:other|{_NUM}) )?{_UNIT}|{_NUM} times? an? {_UNIT_SG}"),
    ("set_adv", r"daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"),
    ("past_dur", rf"(?:the )?(?:past|last|next|previous|coming|first|final|latest|recent|following|remaining) (?:(?:{_NUM}|{_VAGUE}) )?{_UNIT}"),
    ("month_name", rf"{_MONTH}"),
    ("duration", rf"(?:(?:the )?(?:{_NUM}|{_VAGUE})(?: more)? {_UNIT}(?: and an? half)?(?:'s)?|{_NUM}[- ]{_UNIT_SG}s?(?:[- ](?:old|long))?)"),
    ("unit_adj", r"(?:decade|century|month|week|day|hour)s?-(?:old|long)|centuries-(?:old|long)"),
    ("plural_unit", r"(?:recent |past |coming )?(?:years|months|weeks|days|hours|minutes|decades|centuries)"),
]

_CORE_RE = {name: re.compile(pat, re.I) for name, pat in CORE}
_MOD_RE = re.compile(rf"^(?P<mod>{_MODS[3:-2]})\s+", re.I)
_EDGE_RE = re.compile(r"^(?:the )?(?P<edge>early|late|mid|earlier|later)[- ]", re.I)

# refs are found through _REFS; "the year" only through fiscal_span's look-ahead ("the year ended ...")
_ALT = "|".join(f"(?:{p})" for _, p in CORE if _ not in {"future_ref", "past_ref", "present_ref", "year_len"})
_REFS = (r"the (?:near|short) term|(?:more |most )?recently|recent (?:years|days)|recent|past years|the past|lately|the (?:near |distant )?future|a later date|(?:the )?coming (?:years|months|quarters)|future quarters|now|currently|current|at present"
         r"|presently|nowadays|these days|right now")
FIND_RE = re.compile(
    rf"(?<![\w$£€.,-])(?P<mod>{_MODS})?(?P<edge>{_EDGE})?(?P<core>(?:{_ALT})|(?:{_REFS}))(?![\w%-]|\.\d|,\d)",
    re.I)
# a mod word ("about", "over") belongs to the extent only before an amount or a clock time
_AMOUNT_START = re.compile(rf"(?:\d|{_WORDNUM}\b|an?\b|half\b|{_VAGUE}\b)", re.I)
_AGE = re.compile(r"(?:year|month|week|day)s?-old\b", re.I)

# words that, lower-case, are not months
_NOT_MONTH = {"may", "march", "mar", "jan", "dec", "sept", "sep"}


# Words a time expression can start with: FIND_RE is only tried where one of these (or a
# digit) begins a word, which keeps the scan to a few ms on a long article.
_START_WORDS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen half
first second third fourth the this last next past coming current previous present latest same that
following early late mid earlier later less fewer more upwards at no up almost nearly just about around
roughly approximately circa well over every each per daily weekly monthly annually yearly hourly nightly
biweekly mondays tuesdays wednesdays thursdays fridays saturdays sundays today yesterday tomorrow tonight overnight now currently presently nowadays these right recently
recent formerly lately future fiscal fy year years month months week weeks weekend weekends day days night
nights hour hours minute minutes second seconds decade decades century centuries quarter quarters noon
midnight spring summer fall autumn winter few several some many couple numerous in most very until
comparable flat final remaining christmas new thanksgiving independence election halloween easter
labor memorial valentine midday
""".split())
# Function words and amounts that start a time expression only when a time word follows soon.
_WEAK = frozenset("""
the a an in at that this more over some no up less fewer just well about around per each every most very
until upwards roughly approximately circa nearly almost first second third fourth half one two three four
five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
twenty thirty forty fifty sixty seventy eighty ninety hundred dozen same following final remaining
comparable flat new several few many couple numerous these right fiscal fy its may march
""".split())


_STRONG = _START_WORDS - _WEAK
_WORD_RE = re.compile(r"[A-Za-z]+|\d+|'\d")


def _starts(text: str) -> list[int]:
    """Offsets where FIND_RE is worth trying: a time word, a digit, or a function word
    ("the", "about", "two") with a time word or digit among the next four words."""
    found = list(_WORD_RE.finditer(text))
    low = [w.group(0).lower() for w in found]
    timely = [x in _STRONG or x[0].isdigit() for x in low]  # what makes a function word worth trying
    out = []
    for i, lw in enumerate(low):
        if lw in _STRONG or not lw[0].isalpha():
            out.append(found[i].start())
        elif lw in _WEAK and True in timely[i + 1:i + 5]:
            out.append(found[i].start())
    return out


def find(text: str) -> list[tuple[int, int]]:
    """Candidate time-expression spans in ``text`` (non-overlapping, leftmost-longest)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for start in _starts(text):
        if start < pos:
            continue
        m = FIND_RE.match(text, start)
        if m is None:
            continue
        pos = m.end()
        s, e = m.start(), m.end()
        core = m.group("core")
        if m.group("mod") and not _AMOUNT_START.match(core):
            s = m.start("edge") if m.group("edge") else m.start("core")
        edge = (m.group("edge") or "").lower()
        if edge.startswith(("earlier", "later")) and re.match(_WDAY, core, re.I):
            s = m.start("core")
        if _AGE.search(text, s, min(len(text), e + 5)):
            continue
        frag = text[s:e]
        if _reject(frag, text, s, e):
            continue
        out.append((s, e))
    return out


_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]+,[ \t]*$")


def _reject(frag: str, text: str, s: int, e: int) -> bool:
    """Filter the recogniser's known false friends (modal "may", "a" alone, numbers)."""
    low = frag.lower()
    if low in _NOT_MONTH and frag[0].islower():
        return True
    if low in {"may", "march"}:  # capitalised but sentence-initial modal/verb
        nxt = text[e:e + 12].lstrip()
        if low == "may" and (not nxt or nxt[0].islower()) and not re.match(r"\d", nxt):
            return True
        if low == "march" and (not nxt or nxt[0].islower()) and not re.match(r"\d", nxt):
            return True
    if low in {"some", "a", "an", "a second"} or low in SEASONS:
        return True
    if re.search(r"\b(?:may|march)\b", frag):  # lower-case: the verb or the noun
        return True
    if re.search(r"years?$", low) and re.match(r"\s+old\b", text[e:e + 6]):
        return True  # "52 years old" is an age
    if _DATELINE.search(text, max(0, s - 40), s):
        return True  # "WASHINGTON, March 12 (Xinhua) --" restates the publication date
    if low in {"jan", "feb", "aug", "sept", "oct", "nov", "dec"} and not re.match(r" \d", text[e:e + 2]):
        return True
    if re.fullmatch(r"\w+-quarters", low):
        return True
    if re.fullmatch(r"\d{4}", frag):
        before = text[max(0, s - 2):s]
        after = text[e:e + 12].lower()
        if "$" in before or re.match(r"\s*(?:%|percent|people|members|troops|jobs|shares|units|tons)", after):
            return True
    return False


# --------------------------------------------------------------------------- date arithmetic


def shift_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, clamping the day to the month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _last_quarter(d: dt.date) -> str:
    """The most recently completed quarter: what a results story reports on."""
    y, q = _quarter(d)
    q -= 1
    if q == 0:
        y, q = y - 1, 4
    return f"{y}-Q{q}"


def _num(word: str) -> float | None:
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in SMALL:
        return SMALL[w]
    frac = re.fullmatch(r"(\d+) (\d)/(\d)", w)
    if frac:
        return int(frac.group(1)) + int(frac.group(2)) / int(frac.group(3))
    w = w.replace(" ", "-")
    if w in SMALL:
        return SMALL[w]
    if "-" in w:
        a, _, b = w.partition("-")
        if a in SMALL and b in SMALL:
            return SMALL[a] + SMALL[b]
    return None


def _unit(word: str) -> str:
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


def _duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3Y, PT48H, PXW (n None = unknown amount)."""
    letter, t = UNITS[unit]
    if unit == "decade":
        letter, n = "Y", None if n is None else n * 10
        if n is None:
            letter = "DE"
    elif unit == "century":
        letter, n = "Y", None if n is None else n * 100
        if n is None:
            letter = "CE"
    elif unit == "weekend":
        letter = "WE"
    if n is None:
        amount = "X"
    elif float(n).is_integer():
        amount = str(int(n))
    else:
        amount = str(n)
    return f"P{'T' if t else ''}{amount}{letter}"


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# How far back and ahead (in months) a date without a year may lie, by the clause's tense:
# news mostly reports the recent past, so the window leans back unless the verb looks ahead.
_WINDOW_MONTHS: dict[Tense, tuple[int, int]] = {
    "past": (10, 2), "present": (8, 3), None: (8, 3), "future": (1, 10),
}


def _resolve_month(month: int, anchor: dt.date | None, tense: Tense, rel: str | None = None) -> str:
    """YYYY-MM for a month named without a year."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    y = anchor.year
    if rel == "last" or rel == "this past":
        y = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next" or rel == "this coming":
        y = anchor.year if month > anchor.month else anchor.year + 1
    else:
        back, ahead = _WINDOW_MONTHS[tense]
        diff = month - anchor.month
        if diff > ahead:
            y -= 1
        elif -diff > back:
            y += 1
    return f"{y}-{month:02d}"


def _resolve_day(month: int, day: int, anchor: dt.date | None, tense: Tense) -> str:
    """YYYY-MM-DD for a month and day named without a year."""
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    y = anchor.year
    try:
        cand = dt.date(y, month, day)
    except ValueError:
        return f"{y}-{month:02d}-{day:02d}"
    back, ahead = _WINDOW_MONTHS[tense]
    if (cand - anchor).days > ahead * 30.5 + 15:
        y -= 1
    elif (anchor - cand).days > back * 30.5 + 15:
        y += 1
    return f"{y}-{month:02d}-{day:02d}"


def _resolve_weekday(wd: int, anchor: dt.date, tense: Tense, rel: str | None) -> dt.date:
    """The date a weekday name refers to: last/next say it, else the clause's tense."""
    delta = (anchor.weekday() - wd) % 7  # days back to the most recent such weekday (0 = today)
    if rel in ("last", "this past"):
        return anchor - dt.timedelta(days=delta or 7)
    if rel in ("next", "this coming"):
        return anchor + dt.timedelta(days=((wd - anchor.weekday()) % 7) or 7)
    if rel == "this":
        return anchor + dt.timedelta(days=wd - anchor.weekday())
    if tense == "future":
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=delta)


# --------------------------------------------------------------------------- normalisation


def _strip_mods(phrase: str) -> tuple[str, str | None]:
    """Split leading modifiers ("almost", "early") off; return core phrase and TIMEX3 mod."""
    mod = None
    p = phrase.strip()
    for _ in range(3):
        m = _MOD_RE.match(p)
        if m:
            word = m.group("mod").lower()
            mod = MOD_WORDS.get(word, mod)
            p = p[m.end():]
            continue
        m = _EDGE_RE.match(p)
        if m:
            word = m.group("edge").lower()
            mod = EDGE_WORDS.get(word, mod)
            p = p[m.end():]
            continue
        break
    return p, mod


def normalise(phrase: str, anchor: dt.date | None, tense: Tense = None, *,
              context: str = "", fiscal: bool = False) -> Timex | None:
    """TIMEX3 type/value/mod for ``phrase`` or None if it is not a time expression.

    ``anchor`` is the publication date; ``tense`` that of the governing verb;
    ``context`` the sentence and ``fiscal`` whether the story reports quarterly
    results: there "a year ago" means the year-ago quarter, as annotators read it.
    """
    ctx = "quarter" if fiscal or "quarter" in context.lower() else ""
    core, mod = _strip_mods(phrase)
    res = None
    if core != phrase.strip():  # "the end of the year" is a pattern of its own
        res = _normalise_core(phrase.strip(), anchor, tense, ctx)
        if res is not None:
            return res
    res = _normalise_core(core.strip(), anchor, tense, ctx)
    if res is None:
        return None
    if mod and res.mod is None:
        res = Timex(res.type, res.value, mod)
    return res


@lru_cache(maxsize=4096)
def _normalise_core(core: str, anchor: dt.date | None, tense: Tense, context: str) -> Timex | None:
    low = re.sub(r"\s+", " ", core.lower())
    for name, rx in _CORE_RE.items():
        m = rx.fullmatch(low)
        if m:
            handler = _HANDLERS.get(name)
            if handler is None:
                continue
            res = handler(low, anchor, tense, context)
            if res is not None:
                return res
    return None


def _h_clock_date(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s?(a\.m\.|p\.m\.|am|pm)|(noon|midday|midnight)", p)
    if not m:
        return None
    if m.group(4):
        hh, mm = (24, 0) if m.group(4) == "midnight" else (12, 0)
    else:
        hh, mm = int(m.group(1)) % 12, int(m.group(2) or 0)
        if m.group(3).startswith("p"):
            hh += 12
    rest = p[m.end():]
    day = None
    dm = re.search(rf"({_MONTH}) (\d{{1,2}})(?:, ({_YEAR}))?", rest)
    if dm:
        mon = _month_of(dm.group(1))
        day = f"{dm.group(3)}-{mon:02d}-{int(dm.group(2)):02d}" if dm.group(3) else \
            _resolve_day(mon, int(dm.group(2)), a, t)
    elif re.search(_WDAY, rest):
        wd = WEEKDAYS[re.search(_WDAY, rest).group(0)]
        day = _resolve_weekday(wd, a, t, None).isoformat() if a else None
    elif "yesterday" in rest and a:
        day = (a - dt.timedelta(days=1)).isoformat()
    elif "tomorrow" in rest and a:
        day = (a + dt.timedelta(days=1)).isoformat()
    elif a:
        day = a.isoformat()
    value = f"{day or 'XXXX-XX-XX'}T{hh:02d}:{mm:02d}"
    return Timex("TIME", value)


def _h_wday_clock(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    wd = re.match(_WDAY, p).group(0)
    clock = p[len(wd):].lstrip(", ").removeprefix("at ")
    base = _h_clock_date(clock + " " + wd, a, t, ctx)
    return base


def _h_mdy(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.search(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? ({_YEAR}))?$", p)
    if not m:
        return None
    return _ymd(m.group(3), _month_of(m.group(1)), int(m.group(2)), a, t)


def _h_dmy(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})(?:,? ({_YEAR}))?$", p)
    if not m:
        return None
    return _ymd(m.group(3), _month_of(m.group(2)), int(m.group(1)), a, t)


def _ymd(year: str | None, month: int, day: int, a: dt.date | None, t: Tense) -> Timex | None:
    if not 1 <= day <= 31:
        return None
    if year:
        return Timex("DATE", f"{year}-{month:02d}-{day:02d}")
    return Timex("DATE", _resolve_day(month, day, a, t))


def _h_iso(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    try:
        return Timex("DATE", dt.date.fromisoformat(p).isoformat())
    except ValueError:
        return None


def _h_slash(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    mo, d, y = (int(x) for x in p.split("/"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    try:
        return Timex("DATE", dt.date(y, mo, d).isoformat())
    except ValueError:
        return None


def _h_month_year(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(rf"({_MONTH}),? (?:of )?(.+)", p)
    year = _year_value(m.group(2))
    return None if year is None else Timex("DATE", f"{year}-{_month_of(m.group(1)):02d}")


def _year_value(words: str) -> int | None:
    """1996 from "1996" or "nineteen ninety-six"; 2000 from "the year two thousand"."""
    w = words.strip().removeprefix("the year ")
    if re.fullmatch(r"\d{4}", w):
        return int(w)
    m = re.fullmatch(r"nineteen(?: hundred(?: and)?)?(?: (.+))?", w)
    if m:
        n = _num(m.group(1)) if m.group(1) else 0
        return None if n is None else 1900 + int(n)
    m = re.fullmatch(r"two thousand(?: and (\w+))?", w)
    if m:
        n = _num(m.group(1)) if m.group(1) else 0
        return None if n is None else 2000 + int(n)
    return None


def _h_spoken_year(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    year = _year_value(p)
    return None if year is None else Timex("DATE", str(year))


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n > 0) or last (n = -1) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_date(name: str, year: int) -> dt.date:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "halloween": (10, 31), "valentine's day": (2, 14)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name == "election day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    return _easter(year)


def _h_holiday(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.fullmatch(rf"(?:(last|this|next) )?({_HOLIDAY})(?:,? ({_YEAR}))?", p)
    rel, name, year = m.group(1), m.group(2), m.group(3)
    if year:
        return Timex("DATE", _holiday_date(name, int(year)).isoformat())
    if a is None:
        return Timex("DATE", None)
    cands = [_holiday_date(name, y) for y in (a.year - 1, a.year, a.year + 1)]
    if rel == "last" or (rel is None and t == "past"):
        return Timex("DATE", max(c for c in cands if c <= a).isoformat())
    if rel == "next" or (rel is None and t == "future"):
        return Timex("DATE", min(c for c in cands if c >= a).isoformat())
    return Timex("DATE", min(cands, key=lambda c: abs((c - a).days)).isoformat())


def _h_month_range(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    first = p.split("-")[0]
    return Timex("DATE", _resolve_month(_month_of(first), a, t))


def _h_month_rel_year(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    mon = _month_of(re.match(_MONTH, p).group(0))
    if a is None:
        return Timex("DATE", f"XXXX-{mon:02d}")
    y = a.year - ("last year" in p) + ("next year" in p)
    return Timex("DATE", f"{y}-{mon:02d}")


def _h_rel_month(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    rel, _, name = p.rpartition(" ")
    return Timex("DATE", _resolve_month(_month_of(name), a, t, rel))


def _h_month_name(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    return Timex("DATE", _resolve_month(_month_of(p), a, t))


def _h_quarter(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    q = ORDINALS[re.search(_ORD, p).group(0)]
    ym = re.search(_YEAR, p)
    if ym:
        return Timex("DATE", f"{ym.group(0)}-Q{q}")
    if a is None:
        return Timex("DATE", f"XXXX-Q{q}")
    y, cur = _quarter(a)
    if re.search(r"last year|year-ago|year-earlier", p):
        y -= 1
    elif "next year" in p:
        y += 1
    elif re.match(r"(last|that) ", p) or (q > cur and t != "future"):
        y -= 1 if q > cur else 0
    return Timex("DATE", f"{y}-Q{q}")


def _h_quarter_ref(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    if a is None:
        return Timex("DATE", "XXXX-QX")
    last = _last_quarter(a)
    y, q = int(last[:4]), int(last[-1])
    if re.search(r"year-ago|year-earlier|a year (ago|earlier)", p):
        return Timex("DATE", f"{y - 1}-Q{q}")
    ym = re.search(r"\d{4}", p)
    if ym:
        return Timex("DATE", f"{ym.group(0)}-Q{q}")
    if re.search(r"\b(current|this)\b", p):
        y, q = _quarter(a)
        return Timex("DATE", f"{y}-Q{q}")
    return Timex("DATE", last)  # "the quarter", "the latest quarter": the one reported on


def _h_half(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    h = 1 if re.search(r"first|1st", p) else 2
    ym = re.search(_YEAR, p)
    if ym:
        y = ym.group(0)
    elif a is None:
        y = "XXXX"
    else:
        y = a.year - ("last year" in p) + ("next year" in p)
    return Timex("DATE", f"{y}-H{h}")


def _h_fiscal_span(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    """"the year ended Sept. 30" is a fiscal year's length; "the latest period" the last quarter."""
    if p.endswith("period"):
        return Timex("DATE", _last_quarter(a) if a else None)
    if "full" in p:
        return Timex("DATE", str(a.year) if a else None)
    return Timex("DURATION", "P1Y")


def _h_period_end(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    if a is None:
        return Timex("DATE", None, "END")
    if p.endswith("month"):
        return Timex("DATE", f"{a.year}-{a.month:02d}", "END")
    if p.endswith("week"):
        return Timex("DATE", _week(a), "END")
    return Timex("DATE", str(a.year), "END")


def _h_year_ago_period(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    if a is None:
        return Timex("DATE", None)
    if "nine months" in p or p.endswith("months"):
        return Timex("DURATION", "P9M")
    year = re.search(r"\d{4}", p)
    if year:  # "the 1988 period": that year's slice of the quarter reported on
        return Timex("DATE", f"{year.group(0)}-Q{_last_quarter(a)[-1]}" if "quarter" in ctx else year.group(0))
    if "quarter" in p or "period" in p or "quarter" in ctx.lower():
        last = _last_quarter(a)
        return Timex("DATE", f"{int(last[:4]) - 1}-Q{last[-1]}")
    return Timex("DATE", str(a.year - 1))


def _h_season(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    s = SEASONS[re.search(_SEASON, p).group(0)]
    ym = re.search(_YEAR, p)
    if ym:
        return Timex("DATE", f"{ym.group(0)}-{s}")
    if p.startswith("the ") and p == f"the {re.search(_SEASON, p).group(0)}":
        return None  # "the fall of the regime"
    if a is None:
        return Timex("DATE", f"XXXX-{s}")
    y = a.year
    if p.startswith("last "):
        y -= 1
    elif p.startswith("next "):
        y += 1
    return Timex("DATE", f"{y}-{s}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _h_century(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    n = int(re.search(r"\d+", p).group(0))
    return Timex("DATE", f"{n - 1:02d}")


def _h_decade(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    word = p.removeprefix("the ")
    if word in _DECADE_WORDS:
        return Timex("DATE", f"19{_DECADE_WORDS[word]}")
    m = re.search(r"(\d{4})'?s", p)
    if m:
        return Timex("DATE", m.group(1)[:3])
    m = re.search(r"'(\d)0s", p)
    return Timex("DATE", f"19{m.group(1)}")


def _h_fiscal_year(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    ym = re.search(_YEAR, p)
    if ym:
        return Timex("DATE", ym.group(0))
    if a is None:
        return Timex("DATE", None)
    y = a.year - bool(re.search(r"last|previous|latest", p)) + ("next" in p)
    return Timex("DATE", str(y))


def _h_year(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    return Timex("DATE", re.search(_YEAR, p).group(0))


def _h_ago(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(rf"({_NUM}|{_VAGUE}) ({_UNIT}) (ago|earlier|before|later|from now|hence)", p)
    if not m:
        return None
    return _offset(_num(m.group(1)), _unit(m.group(2)), m.group(3) in ("later", "from now", "hence"), a, ctx)


def _h_unit_ago(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.search(r"(year|month|week|day|decade) (ago|earlier)", p)
    return _offset(1, m.group(1), False, a, ctx)


def _offset(n: float | None, unit: str, forward: bool, a: dt.date | None, ctx: str) -> Timex:
    """A point n units before/after the anchor, at the unit's granularity."""
    if a is None or n is None:
        return Timex("DATE", "PAST_REF" if not forward else "FUTURE_REF")
    k = int(n) * (1 if forward else -1)
    if unit in ("day", "night"):
        return Timex("DATE", (a + dt.timedelta(days=k)).isoformat())
    if unit in ("week", "weekend"):
        return Timex("DATE", _week(a + dt.timedelta(weeks=k)))
    if unit == "month":
        d = shift_months(a, k)
        return Timex("DATE", f"{d.year}-{d.month:02d}")
    if unit == "quarter":
        d = shift_months(a, 3 * k)
        return Timex("DATE", f"{d.year}-Q{_quarter(d)[1]}")
    if unit == "year":
        if abs(k) == 1 and "quarter" in ctx.lower():
            last = _last_quarter(a)
            return Timex("DATE", f"{int(last[:4]) + k}-Q{last[-1]}")
        return Timex("DATE", str(a.year + k))
    if unit == "decade":
        return Timex("DATE", str(a.year + 10 * k))
    if unit == "century":
        return Timex("DATE", str(a.year + 100 * k))
    if unit in ("hour", "minute", "second"):
        return Timex("TIME", None)
    return Timex("DATE", None)


def _h_rel_wday_part(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(rf"(?:(last|this|next|this past|this coming|on) )?({_WDAY})(?: ({_PART}))?$", p)
    if not m:
        return None
    rel, wd, part = m.group(1), WEEKDAYS[m.group(2)], m.group(3)
    if rel == "on":
        rel = None
    if a is None:
        value = f"XXXX-WXX-{wd + 1}"
    else:
        value = _resolve_weekday(wd, a, t, rel).isoformat()
    if part == "night" and a is not None:
        return Timex("DATE", value)  # "Friday night" news usage: the day, as annotators mostly give it
    if part:
        return Timex("TIME", f"{value}T{PARTS[part]}")
    return Timex("DATE", value)


def _h_day_part(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    if p in ("tonight",):
        part, shift = "NI", 0
    elif p == "last night":
        part, shift = "NI", -1
    elif p == "overnight":
        part, shift = "NI", -1
    else:
        m = re.match(rf"(this|yesterday|tomorrow|today|that|last|early this|late) ({_PART})", p)
        if not m:
            return None
        part = PARTS[m.group(2)]
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(m.group(1), 0)
    if a is None:
        return Timex("TIME", None)
    return Timex("TIME", f"{(a + dt.timedelta(days=shift)).isoformat()}T{part}")


def _h_rel_day(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}[p]
    if a is None:
        return Timex("DATE", "PRESENT_REF" if shift == 0 else None)
    return Timex("DATE", (a + dt.timedelta(days=shift)).isoformat())


def _h_rel_unit(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(r"(.*) (week|weekend|month|year|decade|century)$", p)
    rel, unit = m.group(1), m.group(2)
    rel = rel.removeprefix("the ")
    mod = None
    if rel.startswith("earlier "):
        rel, mod = rel.removeprefix("earlier "), "START"
    elif rel.startswith("later "):
        rel, mod = rel.removeprefix("later "), "END"
    if rel == "past" and unit != "weekend":  # "the past month" is a stretch of time, not a date
        return Timex("DURATION", _duration(1, unit), mod)
    step = {"last": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "following": 1,
            "this coming": 1}.get(rel, 0)
    if rel in ("that", "same"):
        return Timex("DATE", None)
    if a is None:
        return Timex("DATE", None, mod)
    if unit == "week":
        return Timex("DATE", _week(a + dt.timedelta(weeks=step)), mod)
    if unit == "weekend":
        sat = _weekend_sat(a, step)
        return Timex("DATE", f"{_week(sat)}-WE", mod)
    if unit == "month":
        d = shift_months(a, step)
        return Timex("DATE", f"{d.year}-{d.month:02d}", mod)
    if unit == "year":
        return Timex("DATE", str(a.year + step), mod)
    if unit == "decade":
        return Timex("DATE", str((a.year // 10 + step))[:3], mod)
    return Timex("DATE", str(a.year // 100 + step + 1)[:2], mod)


def _weekend_sat(a: dt.date, step: int) -> dt.date:
    """The Saturday of the weekend meant: the latest one (step 0/-1) or the next (step 1)."""
    back = (a.weekday() - 5) % 7
    sat = a - dt.timedelta(days=back)
    if step > 0 and sat <= a and a.weekday() < 5:
        sat += dt.timedelta(days=7)
    return sat


def _h_the_weekend(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    if a is None:
        return Timex("DATE", None)
    return Timex("DATE", f"{_week(_weekend_sat(a, 1 if t == 'future' else 0))}-WE")


def _h_wday_plural(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    """"Tuesday nights", "on Sundays": every Tuesday night, every Sunday."""
    m = re.match(rf"({_WDAY})s?(?: ({_PART})s)?$", p)
    part = f"T{PARTS[m.group(2)]}" if m.group(2) else ""
    return Timex("SET", f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}{part}")


def _h_every(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(rf"(?:every|each) ({_MONTH}|{_WDAY})$", p)
    if m:
        w = m.group(1)
        if w in WEEKDAYS:
            return Timex("SET", f"XXXX-WXX-{WEEKDAYS[w] + 1}")
        return Timex("SET", f"XXXX-{_month_of(w):02d}")
    m = re.match(rf"(?:every|each|per) (?:(other|{_NUM}) )?({_UNIT})$", p)
    if m:
        n = 2 if m.group(1) == "other" else (_num(m.group(1)) if m.group(1) else 1)
        return Timex("SET", _duration(n or 1, _unit(m.group(2))))
    m = re.match(rf"({_NUM}) times? an? ({_UNIT_SG})$", p)
    if m:
        return Timex("SET", _duration(1, _unit(m.group(2))))
    return None


def _h_set_adv(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    return Timex("SET", SET_ADVERBS[p])


def _h_past_dur(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(rf"(?:the )?(\w+) (?:({_NUM}|{_VAGUE}) )?({_UNIT})$", p)
    if not m:
        return None
    rel, n, unit = m.group(1), m.group(2), _unit(m.group(3))
    if n is None and not m.group(3).endswith("s"):
        if not p.startswith("the ") and rel in ("last", "next"):
            return None  # "last week" is a date, handled by rel_unit
        if rel in ("first", "final", "latest", "remaining"):
            return None
        return Timex("DURATION", _duration(1, unit))
    amount = _num(n) if n else None
    return Timex("DURATION", _duration(amount, unit))


def _h_duration(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(rf"(?:the )?({_NUM}|{_VAGUE})(?: more)?[- ]({_UNIT})(?: and an? half)?", p)
    if not m:
        return None
    n = _num(m.group(1))
    unit = _unit(m.group(2))
    if n is not None and "and a half" in p or "and an half" in p:
        n += 0.5
    if n is not None and unit in UNITS and not float(n).is_integer():
        return Timex("DURATION", _half_duration(n, unit))
    return Timex("DURATION", _duration(n, unit))


def _half_duration(n: float, unit: str) -> str:
    """2.5 years → P2Y6M, 5.5 hours → PT5H30M: TIMEX3 wants integer amounts."""
    smaller = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24), "hour": ("minute", 60),
               "minute": ("second", 60), "week": ("day", 7), "decade": ("year", 10)}
    if unit not in smaller:
        return _duration(n, unit)
    u, k = smaller[unit]
    whole, rest = int(n), round((n - int(n)) * k)
    if whole == 0:
        return _duration(rest, u)
    big, small = _duration(whole, unit), _duration(rest, u)
    tail = small[2:] if small.startswith("PT") and "T" in big else small[1:]
    if UNITS[u][1] and not UNITS[unit][1]:
        tail = "T" + small[2:]
    return big + tail


def _h_unit_adj(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    word = p.split("-")[0]
    unit = _unit(word)
    return Timex("DURATION", _duration(None if word != unit else 1, unit))


def _h_plural_unit(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
    m = re.match(r"(?:(recent|past|coming) )?(\w+)$", p)
    unit = _unit(m.group(2))
    return Timex("DURATION", _duration(None, unit))


def _h_ref(value: str):
    def handler(p: str, a: dt.date | None, t: Tense, ctx: str) -> Timex | None:
        return Timex("DATE", value)
    return handler


_HANDLERS = {
    "clock_date": _h_clock_date, "wday_clock": _h_wday_clock, "mdy": _h_mdy, "dmy": _h_dmy,
    "iso": _h_iso, "slash": _h_slash, "month_year": _h_month_year, "month_range_year": _h_month_range,
    "quarter": _h_quarter, "quarter_ref": _h_quarter_ref, "half": _h_half,
    "year_ago_period": _h_year_ago_period, "fiscal_span": _h_fiscal_span, "year_len": _h_fiscal_span, "period_end": _h_period_end, "holiday": _h_holiday, "spoken_year": _h_spoken_year,
    "season": _h_season, "decade": _h_decade, "century": _h_century,
    "fiscal_year": _h_fiscal_year, "year": _h_year, "ago": _h_ago, "unit_ago": _h_unit_ago,
    "rel_wday_part": _h_rel_wday_part, "day_part": _h_day_part, "rel_day": _h_rel_day,
    "rel_unit": _h_rel_unit, "the_weekend": _h_the_weekend, "every": _h_every, "wday_plural": _h_wday_plural, "set_adv": _h_set_adv,
    "past_dur": _h_past_dur, "month_name": _h_month_name, "month_rel_year": _h_month_rel_year,
    "rel_month": _h_rel_month, "duration": _h_duration,
    "plural_unit": _h_plural_unit, "unit_adj": _h_unit_adj, "present_ref": _h_ref("PRESENT_REF"),
    "past_ref": _h_ref("PAST_REF"), "future_ref": _h_ref("FUTURE_REF"),
}
