"""Handlers for expressions counted from the anchor: "three days ago", "next week", "last night",
sets ("every Monday") and durations ("the past two years")."""

from __future__ import annotations

import datetime as dt
import re

from .dates import (
    Tense,
    Timex,
    _duration,
    _last_quarter,
    _month_of,
    _num,
    _quarter,
    _resolve_weekday,
    _unit,
    _week,
    shift_months,
)
from .patterns import (
    _MONTH,
    _NUM,
    _PART,
    _UNIT,
    _UNIT_SG,
    _VAGUE,
    _WDAY,
    PARTS,
    SET_ADVERBS,
    UNITS,
    WEEKDAYS,
)


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


# the core pattern each handler normalises (patterns.CORE names them)
HANDLERS = {
    "ago": _h_ago, "unit_ago": _h_unit_ago, "rel_wday_part": _h_rel_wday_part, "day_part": _h_day_part,
    "rel_day": _h_rel_day, "rel_unit": _h_rel_unit, "the_weekend": _h_the_weekend, "every": _h_every,
    "wday_plural": _h_wday_plural, "set_adv": _h_set_adv, "past_dur": _h_past_dur,
    "duration": _h_duration, "plural_unit": _h_plural_unit, "unit_adj": _h_unit_adj,
    "present_ref": _h_ref("PRESENT_REF"), "past_ref": _h_ref("PAST_REF"),
    "future_ref": _h_ref("FUTURE_REF"),
}
