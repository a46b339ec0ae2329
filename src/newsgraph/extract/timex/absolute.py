"""Handlers for expressions that name their date: calendar dates, months, quarters, halves,
holidays, seasons, decades and years (a missing year comes from the anchor and the tense)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .dates import (
    Tense,
    Timex,
    _last_quarter,
    _month_of,
    _num,
    _quarter,
    _resolve_day,
    _resolve_month,
    _resolve_weekday,
    _week,
)
from .patterns import (
    _HOLIDAY,
    _MONTH,
    _ORD,
    _SEASON,
    _WDAY,
    _YEAR,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
)


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
    """"the year ended June 30" is a fiscal year's length; "the latest period" the last quarter."""
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


# the core pattern each handler normalises (patterns.CORE names them)
HANDLERS = {
    "clock_date": _h_clock_date, "wday_clock": _h_wday_clock, "mdy": _h_mdy, "dmy": _h_dmy,
    "iso": _h_iso, "slash": _h_slash, "month_year": _h_month_year, "month_range_year": _h_month_range,
    "quarter": _h_quarter, "quarter_ref": _h_quarter_ref, "half": _h_half,
    "year_ago_period": _h_year_ago_period, "fiscal_span": _h_fiscal_span, "year_len": _h_fiscal_span,
    "period_end": _h_period_end, "holiday": _h_holiday, "spoken_year": _h_spoken_year,
    "season": _h_season, "decade": _h_decade, "century": _h_century, "fiscal_year": _h_fiscal_year,
    "year": _h_year, "month_name": _h_month_name, "month_rel_year": _h_month_rel_year,
    "rel_month": _h_rel_month,
}
