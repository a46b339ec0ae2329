"""The values a time expression normalises to (:class:`Timex`) and the calendar arithmetic its
handlers share: months, weeks, quarters, and month and weekday names resolved against an anchor."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .patterns import MONTHS, SMALL, UNITS

Tense = Literal["past", "present", "future"] | None


@dataclass(frozen=True)
class Timex:
    """A normalised time expression (TIMEX3 type, value and mod)."""

    type: str
    value: str | None
    mod: str | None = None



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
