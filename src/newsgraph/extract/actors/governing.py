"""Parties in government or in opposition on the article's date.

CAMEO codes a governing party and its coalition partners GOV and a party in opposition OPP;
newsgraph's default for a party is LEG. When the text does not say ("the ruling X party", "the
opposition X"), the dated rows of ``data/governing_parties.tsv`` do, for the countries listed
there: a party actor of that country ("Labour", "the Liberal Party of Canada") takes the sector
its party held on the publication date, and so does a person whose title names the party ("SPD
chair", "Liberal leader"), unless the title makes them a legislator (an MP, a senator) or a
former holder. A story with no date gets nothing (no guess of which government it is about).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ...records import Actor
from .. import data_rows
from .knowledge import load_knowledge

PARTY_SECTORS = frozenset({None, "LEG"})  # what a row may replace: the default, or nothing


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(country, name or alias) -> [(sector, from, to)]."""
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for country, party, aliases, sector, start, end, *_ in data_rows("governing_parties.tsv"):
        if country == "country":
            continue  # the header
        for name in {party, *filter(None, aliases.split("|"))}:
            out.setdefault((country, name), []).append((sector, start, end))
    return out


@lru_cache(maxsize=64)
def _title_pattern(country: str) -> re.Pattern | None:
    """One regular expression for the names of a country's parties, longest first."""
    names = sorted({n for c, n in _table() if c == country}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None


def party_sector(country: str | None, name: str, when: dt.date | None) -> str | None:
    """GOV or OPP: the sector of the party of this country named ``name`` on ``when``."""
    if country is None or when is None:
        return None
    day = when.isoformat()
    name = name[4:] if name.startswith(("the ", "The ")) else name
    for sector, start, end in _table().get((country, name), ()):
        if start <= day and (not end or day < end):
            return sector
    return None


def govern(actors: list[Actor], when: dt.date | None, text: str = "") -> None:
    """Give party actors, people whose title names their party and people named right after
    their party's name ("Social Democrat Ana Ruiz", "Labour's Ana Ruiz") the sector their party
    held on ``when`` (see the module docstring)."""
    if when is None:
        return
    for actor in actors:
        if actor.country is None or actor.sector not in PARTY_SECTORS:
            continue
        if actor.kind in ("organization", "group"):
            actor.sector = party_sector(actor.country, actor.name, when) or actor.sector
            continue
        if actor.kind != "person" or (pattern := _title_pattern(actor.country)) is None:
            continue
        if actor.title and _party_title(actor) and (hit := pattern.search(actor.title)):
            actor.sector = party_sector(actor.country, hit.group(0), when) or actor.sector
        elif actor.sector is None and not actor.title and (party := _party_before(pattern, actor, text)):
            actor.sector = party_sector(actor.country, party, when)


def _party_before(pattern: re.Pattern, actor: Actor, text: str) -> str | None:
    """The party name written right before one of the person's mentions ("Christian Democrat Ana
    Ruiz", "Labour's Ana Ruiz"), if any."""
    for m in actor.mentions:
        before = text[max(0, m.start - 60):m.start]
        hit = None
        for hit in pattern.finditer(before):
            pass
        if hit is not None and re.fullmatch(r"(?:'s|’s)?\s", before[hit.end():]) \
                and not before[:hit.start()].rstrip().lower().endswith(PAST_BEFORE):
            return hit.group(0)
    return None


PAST_BEFORE = ("former", "ex-", "late")


def _party_title(actor: Actor) -> bool:
    """Does the title make its holder the party's (a leader, a chair), not a legislator ("Labour
    MP") or a former holder ("former Liberal leader")?"""
    kb = load_knowledge()
    words = actor.title.lower().split()
    past = kb.descriptors.get("past_words", frozenset())
    return not any(w in past or (kb.roles.get(w) or (None, None))[1] == "LEG" for w in words)
