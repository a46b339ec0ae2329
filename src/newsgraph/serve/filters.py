"""The one query string every list and view of the UI reads.

``Filters.parse`` validates the parameters (a bad value is a 400 page that
says what to write instead); ``Filters.qs`` writes them back in a canonical
order, so one view of the data has one URL and switching views keeps the
filters.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from ..periods import period, period_end, period_start
from ..records import PLOVER_TYPES, SECTORS

#: Canonical parameter order (also the order of the filter form).
EVENT_KEYS = ("actor", "source", "target", "type", "cameo", "country", "sector", "place", "outlet",
              "from", "to", "polarity", "min_conf")
VIEW_KEYS = ("q", "kind", "period", "layers", "hl", "after")
POLARITIES = ("asserted", "negated", "all")
PERIODS = ("day", "week", "month", "year")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadFilter(ValueError):
    """A query-string value that cannot be used; the message says what to write instead."""


@dataclass(frozen=True)
class Filters:
    actor: str = ""
    source: str = ""
    target: str = ""
    type: str = ""
    cameo: str = ""
    country: str = ""
    sector: str = ""
    place: str = ""
    outlet: str = ""
    from_: str = ""
    to: str = ""
    polarity: str = "asserted"
    min_conf: str = ""
    q: str = ""
    kind: str = ""
    period: str = ""
    layers: str = ""
    hl: str = ""
    after: str = ""

    @classmethod
    def parse(cls, params) -> Filters:
        raw = {k: (params.get(k) or "").strip() for k in EVENT_KEYS + VIEW_KEYS}
        raw["from_"] = raw.pop("from")
        if raw["type"]:
            raw["type"] = raw["type"].upper()
            if raw["type"] not in PLOVER_TYPES:
                raise BadFilter(f"type={raw['type']!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")
        for key in ("country", "sector"):
            raw[key] = raw[key].upper()
        if raw["country"] and not re.fullmatch(r"[A-Z]{3}", raw["country"]):
            raise BadFilter(f"country={raw['country']!r}: give an ISO 3166 alpha-3 code such as BLR")
        if raw["sector"] and raw["sector"] not in SECTORS:
            raise BadFilter(f"sector={raw['sector']!r}: use one of {', '.join(SECTORS)}")
        for key in ("from_", "to"):
            if raw[key] and (not _DATE.match(raw[key]) or period(raw[key]) is None):
                raise BadFilter(f"{key.rstrip('_')}={raw[key]!r}: write a date as YYYY, YYYY-MM or YYYY-MM-DD")
        raw["polarity"] = raw["polarity"] or "asserted"
        if raw["polarity"] not in POLARITIES:
            raise BadFilter(f"polarity={raw['polarity']!r}: use asserted, negated or all")
        if raw["min_conf"]:
            try:
                value = float(raw["min_conf"])
            except ValueError:
                value = -1.0
            if not 0 <= value <= 1:
                raise BadFilter(f"min_conf={raw['min_conf']!r}: give a number from 0 to 1")
        if raw["period"] and raw["period"] not in PERIODS:
            raise BadFilter(f"period={raw['period']!r}: use day, week, month or year")
        if raw["cameo"] and not re.fullmatch(r"\d{2,4}", raw["cameo"]):
            raise BadFilter(f"cameo={raw['cameo']!r}: give a CAMEO code of 2 to 4 digits, e.g. 036")
        if raw["after"]:
            decode_cursor(raw["after"])  # validates
        return cls(**raw)

    def get(self, key: str) -> str:
        return getattr(self, "from_" if key == "from" else key)

    @property
    def date_from(self) -> str | None:
        return period_start(self.from_) if self.from_ else None

    @property
    def date_to(self) -> str | None:
        return period_end(self.to) if self.to else None

    def pairs(self, keys=EVENT_KEYS + VIEW_KEYS) -> list[tuple[str, str]]:
        out = []
        for key in keys:
            value = self.get(key)
            if value and not (key == "polarity" and value == "asserted"):
                out.append((key, value))
        return out

    def qs(self, keys=EVENT_KEYS + VIEW_KEYS, **changes: str) -> str:
        """The canonical query string (with ``changes``; ``from_`` for ``from``), '' when empty."""
        f = replace(self, **changes) if changes else self
        pairs = f.pairs(keys)
        return "?" + urlencode(pairs) if pairs else ""

    def filter_qs(self, **changes: str) -> str:
        """Only the shared filters (what another view keeps)."""
        return self.qs(EVENT_KEYS, **changes)

    def active(self) -> list[tuple[str, str]]:
        return self.pairs(EVENT_KEYS)

    def has_event_filters(self) -> bool:
        return bool(self.active())


def encode_cursor(*values) -> str:
    """An opaque ``after=`` token for keyset pagination."""
    text = "\x1f".join("" if v is None else str(v) for v in values)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(token: str, n: int | None = None) -> list[str]:
    """The values of an ``after=`` token (``n`` of them when given; the last is always an integer)."""
    try:
        values = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().split("\x1f")
        if (n is not None and len(values) != n) or not values[-1].lstrip("-").isdigit():
            raise ValueError(token)
        return values
    except (ValueError, UnicodeDecodeError):
        raise BadFilter("after= is not a cursor this server made; follow the 'next page' link instead") from None

