"""Who a named actor is, on a given date: people, armed groups, organisations.

Two sources, looked up in this order (the first that knows a name decides):

1. ``actors.tsv`` (this folder) and any files named in ``$NEWSGRAPH_ACTORS`` (paths separated
   by ``os.pathsep``, read first): hand-written rows, one role per row, for 2015 onwards —
   heads of state and government, ministers, officials of international bodies, armed groups,
   companies. Written from public facts; see docs/knowledge.md for the columns.
2. ``phoenix.sqlite``: PETRARCH2's Phoenix actor dictionaries (MIT licence, Open Event Data
   Alliance), compiled by ``python -m newsgraph.knowledge.build``; about 27,000 entries with
   date-ranged CAMEO codes, current to about 2014.

A role applies on the article's date when its range holds the date; else the undated
default; else the person is a former holder: the country of the nearest role, no sector
("Obama" in 2019: USA, no sector). Multi-word names are looked up everywhere; a single word
("Sharif") only in the hand-written files, where it is an explicit alias. Both sources and the
text's name are keyed by :func:`name_key`, so spellings that differ only in accents, hyphens,
full stops or apostrophes meet in one lookup. The index is opened on the first lookup (a
read-only SQLite connection; no load step), so importing costs nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sqlite3
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError
from ..runtime import env

ACTORS_ENV = "NEWSGRAPH_ACTORS"
GOV_BRANCHES = frozenset({"LEG", "JUD", "MIL", "COP"})  # a state body's branch is its sector
TSV_COLUMNS = ("name", "aliases", "country", "sector", "from", "to", "note")


_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})
_SEPARATORS = re.compile(r"[-‐‑–—.]")  # hyphens and dashes, full stops: word breaks
_APOSTROPHES = re.compile(r"['’‘`´]")


def name_key(name: str) -> str:
    """The lookup form of a name, the same for the sources and the text: lower case, accents
    folded ("Stéphane" = "stephane"), hyphens and full stops as spaces ("al-Rashid" = Phoenix's
    "AL_RASHID", "J.K." = "J. K."), apostrophes dropped ("O'Hara" = "OHARA"), spaces collapsed."""
    key = name.lower()
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key.translate(_FOLD)) if not unicodedata.combining(c))
    return " ".join(_APOSTROPHES.sub("", _SEPARATORS.sub(" ", key)).split())


class Role(NamedTuple):
    country: str | None
    sector: str | None
    start: str  # ISO date or ""
    end: str


def _here() -> Path:
    return Path(str(resources.files("newsgraph.knowledge")))


@cache
def _sectors() -> dict[str, str | None]:
    """CAMEO agent and actor-type codes -> the sectors newsgraph records ("~PTY" is LEG)."""
    return json.loads((_here() / "sectors.json").read_text("utf-8"))["codes"]


@cache
def _countries() -> dict[str, str]:
    """CAMEO country codes -> ISO alpha-3: the ISO codes themselves and CAMEO's own ("TMP")."""
    import pycountry

    cameo = json.loads((_here() / "sectors.json").read_text("utf-8"))["countries"]
    return {c.alpha_3: c.alpha_3 for c in pycountry.countries} | cameo


def decode(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code -> (country, sector): "USAGOV" -> (USA, GOV), "IGOUNO" -> (None, IGO),
    "PAKREB" -> (PAK, REB), "USAELI" -> (USA, None): a former official has no sector;
    "MNCJPN" -> (JPN, BUS): a multinational company and its home country."""
    code = code.lstrip("~")
    countries = _countries()
    country = countries.get(code[:3])
    if country is not None:
        code = code[3:]
    elif code.startswith("MNC") and (country := countries.get(code[3:6])) is not None:
        code = "MNC" + code[6:]
    sectors = _sectors()
    found = [sectors[code[i:i + 3]] for i in range(0, len(code) - 2, 3) if code[i:i + 3] in sectors]
    if not found:
        return country, None
    if found[0] == "GOV" and (branch := next((s for s in found[1:] if s in GOV_BRANCHES), None)):
        return country, branch  # "CHNGOVLEG": a legislature is LEG, not the executive
    return country, found[0]


# --------------------------------------------------------------------------- hand-written rows

def _read_tsv(path: Path) -> dict[str, list[Role]]:
    out: dict[str, list[Role]] = {}
    try:
        rows = list(csv.reader(path.read_text("utf-8").splitlines(), delimiter="\t"))
    except OSError as exc:
        raise InputError(f"{ACTORS_ENV}: cannot read {path} ({exc}); give tab-separated files with "
                         f"columns {', '.join(TSV_COLUMNS)}") from None
    for n, row in enumerate(rows, 1):
        if not row or row[0].startswith("#") or row[0] == "name":
            continue
        if len(row) < 4:
            raise InputError(f"{path}:{n}: expected the columns {', '.join(TSV_COLUMNS)} separated by tabs")
        row += [""] * (len(TSV_COLUMNS) - len(row))
        role = Role(row[2].strip() or None, row[3].strip() or None, row[4].strip(), row[5].strip())
        for name in [row[0], *row[1].split("|")]:
            if key := name_key(name):
                out.setdefault(key, []).append(role)
    return out


@lru_cache(maxsize=4)
def _hand_written(extra: str | None) -> dict[str, list[Role]]:
    table: dict[str, list[Role]] = {}
    paths = [Path(p) for p in (extra or "").split(os.pathsep) if p] + [_here() / "actors.tsv"]
    for path in paths:
        for name, roles in _read_tsv(path).items():
            table.setdefault(name, roles)  # the first file that lists a name decides
    return table


# --------------------------------------------------------------------------- Phoenix index

_conn: tuple[int, sqlite3.Connection] | None = None


def _db() -> sqlite3.Connection:
    """The index's connection for this process: a forked worker opens its own (SQLite: a
    connection must not be carried across a fork), as the gazetteer does."""
    global _conn
    if _conn is None or _conn[0] != os.getpid():
        uri = (_here() / "phoenix.sqlite").resolve().as_uri() + "?mode=ro&immutable=1"
        _conn = (os.getpid(), sqlite3.connect(uri, uri=True, check_same_thread=False))
    return _conn[1]


@lru_cache(maxsize=8192)
def phoenix_roles(name: str) -> tuple[Role, ...] | None:
    """The roles of the one Phoenix entry with this name key (:func:`name_key`); None when no
    entry or several entries of different countries share it."""
    rows = _db().execute("SELECT r.entry, r.code, r.start, r.end FROM names n JOIN roles r USING (entry)"
                         " WHERE n.name = ?", (name,)).fetchall()
    if not rows:
        return None
    roles = {}
    for entry, code, start, end in rows:
        roles.setdefault(entry, []).append(Role(*decode(code), start, end))
    countries = {r.country for rs in roles.values() for r in rs}
    if len(roles) > 1 and len(countries) > 1:
        return None
    return tuple(r for rs in roles.values() for r in rs)


@cache
def agent_sectors() -> dict[str, str]:
    """Phoenix's agent nouns (lower case, as listed: "warship", "passenger", "coast guard") ->
    the sector newsgraph records ("~UAF" is REB, "~GOVMED" is GOV); nouns whose code names no
    sector ("~CRM", "~ELI") are left out. About 3,000 nouns, read on the first call."""
    rows = _db().execute("SELECT noun, code FROM agents").fetchall()
    return {noun: sector for noun, code in rows if (sector := decode(code)[1]) is not None}


# --------------------------------------------------------------------------- lookup

def on_date(roles: tuple[Role, ...] | list[Role], when: dt.date | None) -> tuple[str | None, str | None]:
    """(country, sector) on ``when`` (see the module docstring); today when None."""
    day = (when or dt.date.today()).isoformat()
    dated = [r for r in roles if r.start or r.end]
    holding = [r for r in dated if (not r.start or r.start <= day) and (not r.end or day < r.end)]
    if holding:
        best = max(holding, key=lambda r: r.start)
        return best.country, best.sector
    default = [r for r in roles if not (r.start or r.end)]
    if default:
        return default[-1].country, default[-1].sector
    if not dated:
        return None, None
    nearest = min(dated, key=lambda r: min(abs(_days(r.start, day)), abs(_days(r.end, day))))
    return nearest.country, None  # a former (or future) holder: the country, not the office


def _days(a: str, b: str) -> int:
    if not a:
        return 10**6
    return (dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days


def _acronym(name: str) -> bool:
    """Is the name one word of three to six capitals ("ETA", "UNHCR")? Phoenix's one-word entries
    are mostly such short forms of bodies; a one-word name in other case is usually a surname."""
    return 3 <= len(name) <= 6 and name.isalpha() and name.isupper()


def lookup(name: str, when: dt.date | None = None, phoenix: bool = True) -> tuple[str | None, str | None] | None:
    """(country, sector) of a named actor on ``when``, or None when no source knows the name
    (``phoenix=False``: the hand-written files only)."""
    key = name_key(name)
    if not key or any(not _SEPARATORS.sub("", w) for w in name.split()):
        return None  # "- Ruritania", "Ana Ruiz -": a dash on its own is no part of a name
    hand = _hand_written(env(ACTORS_ENV) or None).get(key)
    if hand:  # a row with neither country nor sector marks a name several bodies share: no code
        return None if all(r.country is None and r.sector is None for r in hand) else on_date(hand, when)
    if not phoenix or ((" " not in key or len(name.split()) < 2) and not _acronym(name)):
        return None  # one word ("Al-Rashid", "- Ruritania") is no Phoenix name, unless an acronym
    roles = phoenix_roles(key)
    return on_date(roles, when) if roles else None
