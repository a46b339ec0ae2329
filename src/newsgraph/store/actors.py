"""Merge per-article actors into corpus actors.

Each article names its actors in its own way ("Alexander Lukashenko",
"Alexander G. Lukashenko", "Lukashenko"). A corpus actor is the one entity
behind those names. The rules, cheapest first, run inside the writer's
transaction so the merge is as atomic as the article:

1. a name seen before (accents, case, punctuation and honorifics folded)
   with the same kind and a compatible country and sector (equal, or one
   unknown) is the same actor;
2. for people, first + last name: "Alexander G. Lukashenko" joins a plain
   "Alexander Lukashenko", and a plain name joins the one name with a middle
   part that reduces to it ("George W. Bush" and "George H. W. Bush" stay
   apart, and "George Bush" joins neither);
3. a surname alone joins the one person with that surname, the same known
   sector and the same country (or both unknown); a full name absorbs a
   surname-only actor the same way (and gives it its full name). Ambiguous
   surnames stay apart.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import Actor

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "madam"}
_PUNCT = re.compile(r"[^\w\s-]")
#: Prefix of the first + last name key registered for names with a middle part.
FL = "fl:"


def normalise(name: str) -> str:
    """Accent-, case- and punctuation-folded name without honorifics."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _PUNCT.sub(" ", bare).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _first_last(norm: str) -> str | None:
    """"george bush" for "george h w bush"; None when there is no middle part to drop."""
    words = norm.split()
    return f"{words[0]} {words[-1]}" if len(words) > 2 else None


def _compatible(row: sqlite3.Row, actor: Actor) -> bool:
    return all(getattr(actor, f) is None or row[f] is None or row[f] == getattr(actor, f)
               for f in ("country", "sector"))


def _by_name(conn: sqlite3.Connection, norm: str, actor: Actor, *, unique: bool = False) -> int | None:
    """The corpus actor registered under ``norm`` (with ``unique``: only if exactly one is)."""
    rows = conn.execute(
        "SELECT c.id, c.country, c.sector FROM corpus_actor_names n JOIN corpus_actors c"
        " ON c.id = n.corpus_actor_id WHERE n.norm = ? AND c.kind = ? ORDER BY c.id",
        (norm, actor.kind)).fetchall()
    exact = [r for r in rows if r["country"] == actor.country and r["sector"] == actor.sector]
    ok = exact or [r for r in rows if _compatible(r, actor)]
    if unique and len(ok) != 1:
        return None
    return ok[0]["id"] if ok else None


def _by_surname(conn: sqlite3.Connection, surname: str, actor: Actor, *, single: bool) -> int | None:
    """The one person with this surname, country and sector (single-word names only if ``single``).

    The sector must be known; the country must be equal, which includes both
    unknown (extractors often know "President Bush" is GOV but not his
    country). A second candidate makes the surname ambiguous: no merge.
    """
    if actor.kind != "person" or actor.sector is None:
        return None
    rows = conn.execute(
        "SELECT id, name FROM corpus_actors WHERE surname = ? AND country IS ? AND sector = ?"
        " AND kind = 'person'", (surname, actor.country, actor.sector)).fetchall()
    rows = [r for r in rows if (" " not in normalise(r["name"])) == single]
    return rows[0]["id"] if len(rows) == 1 else None


def resolve(conn: sqlite3.Connection, actor: Actor) -> int:
    """The corpus actor id for ``actor``, creating one if no rule matches."""
    norm = normalise(actor.name) or actor.name
    words = norm.split()
    surname = words[-1] if actor.kind == "person" and words else None
    cid = _by_name(conn, norm, actor)
    fl = _first_last(norm) if actor.kind == "person" else None
    if cid is None and actor.kind == "person":
        # "George W. Bush" joins a plain "George Bush"; a plain name joins the one
        # name with a middle part that reduces to it (W. and H. W. stay apart)
        cid = _by_name(conn, fl, actor) if fl else _by_name(conn, FL + norm, actor, unique=True)
        if cid is None and surname:
            if len(words) == 1:
                cid = _by_surname(conn, surname, actor, single=False)
            else:
                cid = _by_surname(conn, surname, actor, single=True)
                if cid is not None:  # a surname-only actor gets its full name
                    conn.execute("UPDATE corpus_actors SET name = ? WHERE id = ?", (actor.name, cid))
    if cid is None:
        cid = conn.execute(
            "INSERT INTO corpus_actors(name, kind, country, sector, surname) VALUES (?, ?, ?, ?, ?)",
            (actor.name, actor.kind, actor.country, actor.sector, surname)).lastrowid
    variants = {norm} | ({FL + fl} if fl else set())
    conn.executemany("INSERT OR IGNORE INTO corpus_actor_names(norm, corpus_actor_id) VALUES (?, ?)",
                     [(v, cid) for v in variants])
    return cid
