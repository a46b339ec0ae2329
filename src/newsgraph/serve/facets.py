"""Histograms, counts and map counts read from the aggregates the store keeps at ingest.

``event_days`` and ``event_months`` count the events of canonical articles per
actor and role (or the whole store), polarity, day (month) and type;
``event_places`` per map key (store/aggregates.py). A view whose filters they
cover — at most one of actor/source/target, plus type, from/to and polarity
(the map: polarity only) — reads a few hundred aggregate rows instead of every
matching event; any other filter falls back to the events table (events.py).
"Either side" is source + target - self, less the events between two of the
matched actors when a name matches several.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.aggregates import FACETS
from .db import ReadOnlyStore, Row
from .filters import Filters

#: The filters each aggregate answers, besides one of actor/source/target.
DAY_FILTERS = frozenset({"type", "from", "to", "polarity"})
MONTH_FILTERS = frozenset({"type", "polarity"})
PLACE_FILTERS = frozenset({"polarity"})
ROLE_KEYS = ("actor", "source", "target")
NEGATED = {"asserted": (0,), "negated": (1,), "all": (0, 1)}


def ids_sql(ids: list[int]) -> str:
    return f"({', '.join(str(int(i)) for i in ids) or 'NULL'})"


@dataclass(frozen=True)
class Plan:
    """How the aggregates answer a filter: signed (actor ids, role) parts, and the actors whose
    events among themselves are subtracted from the events table (a name matching several)."""

    parts: tuple[tuple[tuple[int, ...], str, int], ...]
    cross: tuple[int, ...]
    f: Filters

    @property
    def negated(self) -> str:
        return ids_sql(list(NEGATED[self.f.polarity]))


def plan(store: ReadOnlyStore, f: Filters, allowed: frozenset[str]) -> Plan | None:
    """The plan for ``f`` on an aggregate that answers ``allowed`` filters, or None."""
    from .events import actor_ids

    active = dict(f.active())
    roles = [k for k in ROLE_KEYS if k in active]
    if len(roles) > 1 or set(active) - set(roles) - allowed:
        return None
    if not roles:
        return Plan(((((0,), "all", 1)),), (), f)
    ids = tuple(actor_ids(store, active[roles[0]]))
    if roles[0] != "actor":
        return Plan(((ids, roles[0], 1),), (), f)
    return Plan(((ids, "source", 1), (ids, "target", 1), (ids, "self", -1)), ids if len(ids) > 1 else (), f)


def _conds(f: Filters, table: str, prefix: str = "") -> tuple[str, list]:
    """Type and date conditions on an aggregate's rows (``prefix`` 'e.' for the events table)."""
    sql, params = "", []
    if f.type:
        sql += f" AND {prefix}type = ?"
        params.append(f.type)
    if table == "event_days":
        if f.date_from:
            sql += f" AND {prefix}day >= ?"
            params.append(f.date_from)
        if f.date_to:  # a missing day is '' in the aggregate, NULL in events: neither is in a range
            sql += f" AND {prefix}day <= ? AND {prefix}day <> ''"
            params.append(f.date_to)
    return sql, params


def union(p: Plan, table: str) -> tuple[str, list]:
    """SELECT of ``table``'s key columns (after cid and role) and a signed ``n`` over the plan."""
    cols, exprs, joins = FACETS[table]
    keys = ", ".join(c.strip() for c in cols.split(",")[2:])
    conds, params = _conds(p.f, table)
    arms, args = [], []
    for ids, role, sign in p.parts:
        arms.append(f"SELECT {keys}, {'' if sign > 0 else '-'}n AS n FROM {table} WHERE cid IN {ids_sql(list(ids))}"
                    f" AND role = '{role}' AND negated IN {p.negated}{conds}")
        args += params
    if p.cross:
        ids = ids_sql(list(p.cross))
        econds, eparams = _conds(p.f, table, "e.")
        width = len(keys.split(","))
        arms.append(f"SELECT {exprs}, -count(*) AS n FROM events e {joins} WHERE e.source_cid IN {ids}"
                    f" AND e.target_cid IN {ids} AND e.source_cid != e.target_cid AND e.dup = 0"
                    f" AND e.negated IN {p.negated}{econds} GROUP BY {', '.join(str(i + 1) for i in range(width))}")
        args += eparams
    return " UNION ALL ".join(arms), args


def total(store: ReadOnlyStore, p: Plan) -> int:
    """The number of events the plan selects."""
    table = "event_days" if p.f.date_from or p.f.date_to else "event_months"
    sql, args = union(p, table)
    return store.one(f"SELECT coalesce(sum(n), 0) AS n FROM ({sql})", args)["n"]


def span(store: ReadOnlyStore, p: Plan) -> tuple[str, str] | None:
    """The first and last full day (YYYY-MM-DD) of the selected events: a probe at each end of
    the index per (actor, role, polarity), so it costs the same for one event or 100,000."""
    conds, params = _conds(p.f, "event_days")
    found: list[str] = []
    for ids, role, sign in p.parts:
        if sign < 0:  # the days of subtracted events are also in the parts they were counted in
            continue
        for cid in ids:
            for neg in NEGATED[p.f.polarity]:
                for order in ("", " DESC"):
                    row = store.one(f"SELECT day FROM event_days WHERE cid = ? AND role = ? AND negated = ?"
                                    f" AND length(day) = 10{conds} ORDER BY day{order} LIMIT 1",
                                    [cid, role, neg, *params])
                    if row:
                        found.append(row["day"])
    return (min(found), max(found)) if found else None


def period_sql(period: str, col: str) -> str:
    """The SQL of ``events.period_of``: the period a day (or month key) falls in, NULL if none."""
    if period == "year":
        return f"substr({col}, 1, 4)"
    if period == "month":
        return f"CASE WHEN length({col}) >= 7 THEN substr({col}, 1, 7) END"
    if period == "week":  # the Monday of the ISO week: back six days, then on to a Monday
        return f"CASE WHEN length({col}) = 10 THEN date({col}, '-6 days', 'weekday 1') END"
    return f"CASE WHEN length({col}) = 10 THEN {col} END"


def histogram(store: ReadOnlyStore, p: Plan, period: str) -> list[Row]:
    """Rows of (period, type, count), in period and type order."""
    by_month = period in ("month", "year") and not (p.f.date_from or p.f.date_to)
    table, col = ("event_months", "month") if by_month else ("event_days", "day")
    sql, args = union(p, table)
    return store.rows(f"SELECT {period_sql(period, col)} AS period, type, sum(n) AS count FROM ({sql})"
                      f" WHERE {col} <> '' GROUP BY 1, 2 HAVING period IS NOT NULL AND sum(n) <> 0 ORDER BY 1, 2",
                      args)


def places(store: ReadOnlyStore, p: Plan) -> list[Row]:
    """Rows of (country, place, lat, lon, n): '' for no country or no geocoded place."""
    sql, args = union(p, "event_places")
    return store.rows(f"SELECT country, place, lat, lon, sum(n) AS n FROM ({sql}) GROUP BY 1, 2, 3, 4"
                      " HAVING sum(n) <> 0", args)
