"""Dates as the periods they cover: one reading for every filter, sort and comparison.

A date filter (``--since``/``--until``) and a TIMEX3 value (``2005``,
``2005-02``, ``2005-02-10``, ``2005-W06``, ``2005-Q1``, ``2005-H2``,
``2005-SU``, ``200`` for the 2000s) each stand for a span of days. Filters
keep an item whose span overlaps the asked range, so ``--until 2005``
includes all of 2005 and ``--since 2005 --until 2005`` means the year 2005;
timelines sort by the first day of each span.

Seasons are the meteorological ones of the northern hemisphere (SP March–May,
SU June–August, FA September–November, WI December to February of the next
year).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from .errors import InputError

__all__ = ["period", "period_start", "period_end", "filter_period", "prefix_day"]

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?:-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$|^(?P<decade>\d{3})X?$|^(?P<century>\d{2})(?:XX)?$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month ``first`` to last day of month ``last`` (months past 12 run into the next year)."""
    ly, lm = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(ly, lm, calendar.monthrange(ly, lm)[1])


@functools.lru_cache(maxsize=65536)
def period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``value`` covers, or None when it names no calendar period
    ("XXXX-11-30", "PRESENT_REF", an impossible date)."""
    m = _VALUE.match((value or "").strip())
    if not m:
        return None
    try:
        if m["decade"]:
            y = int(m["decade"]) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        if m["century"]:
            y = int(m["century"]) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
        y = int(m["y"])
        if m["d"]:
            day = dt.date(y, int(m["m"]), int(m["d"]))
            return day, day
        if m["m"]:
            return _month_span(y, int(m["m"]), int(m["m"]))
        if m["w"]:
            monday = dt.date.fromisocalendar(y, int(m["w"]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m["q"]:
            q = int(m["q"])
            return _month_span(y, 3 * q - 2, 3 * q)
        if m["h"]:
            h = int(m["h"])
            return _month_span(y, 6 * h - 5, 6 * h)
        if m["s"]:
            return _month_span(y, *_SEASONS[m["s"]])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:  # month 13, week 54, day 0 …
        return None


def period_start(value: str | None) -> str | None:
    """The first day ``value`` covers, as YYYY-MM-DD (None if it is not a calendar period)."""
    p = period(value)
    return p[0].isoformat() if p else None


def period_end(value: str | None) -> str | None:
    """The last day ``value`` covers, as YYYY-MM-DD (None if it is not a calendar period)."""
    p = period(value)
    return p[1].isoformat() if p else None


def prefix_day(value: str | None) -> str | None:
    """The narrowest of YYYY-MM-DD, YYYY-MM, YYYY that covers ``value``'s period (None past a year).

    Events are filed under such a day so that plain string comparison in SQL
    finds overlaps: ``2005-W06`` is filed under ``2005-02``, ``2005-SU`` under ``2005``.
    """
    p = period(value)
    if p is None:
        return None
    start, end = p
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7]
    return f"{start.year:04d}" if start.year == end.year else None


MAX_LENGTH = 1000  # of a filter or search argument; longer ones are mistakes (and make SQLite give up)


def filter_period(value: str, option: str) -> tuple[str, str]:
    """First and last day (YYYY-MM-DD) of a date filter; an unreadable one is an ``InputError``
    naming the option (``--since``)."""
    p = period(value) if len(value) <= 32 and re.match(r"\d{4}(?:-|$)", value.strip()) else None
    if p is None:
        raise InputError(f"{value[:40]!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (a year or a month "
                         "means all of it)", source=option)
    return p[0].isoformat(), p[1].isoformat()
