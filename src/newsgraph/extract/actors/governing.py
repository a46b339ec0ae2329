"""Parties in government or in opposition on the article's date.

CAMEO codes a governing party and its coalition partners GOV and a party in opposition OPP;
newsgraph's default for a party is LEG. When the text does not say ("the ruling X party", "the
opposition X"), the dated rows of ``data/governing_parties.tsv`` do, for the countries listed
there: a party actor of that country ("Labour", "the Liberal Party of Canada") takes the sector
its party held on the publication date, and so does a person the text ties to the party
(``party_link``: "SPD chair X", "X, a Conservative", "X (Labour)") or whose title names it,
unless the tie or the title makes them a legislator (an MP, a senator: LEG), an office holder of
the state (a minister) or a former holder. A tie also gives a person with no country the party's
country when it is the story's. A story with no date gets nothing (no guess of which government).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc

from ...records import Actor
from .knowledge import country_of, load_knowledge
from .party_link import PartyTie, chamber_words, party_rows, party_tie, office_words, regional_title, suffix_words

PARTY_SECTORS = frozenset({None, "LEG"})  # what a row may replace: the default, or nothing
NAME_WORD_SECTORS = frozenset({"REL", "LAB"})  # what a word of a party's name may have given it


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(country, name or alias) -> [(sector, from, to)]."""
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for country, _, names, (sector, start, end, *_) in party_rows():
        for name in names:
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
    bare = _suffix_less(name)
    rows = next((r for n in (name, _national_rest(country, name), bare, _national_rest(country, bare))
                 if n and (r := _table().get((country, n)))), ())
    for sector, start, end in rows:
        if start <= day and (not end or day < end):
            return sector
    return None


def _suffix_less(name: str) -> str:
    """The name less a last word that only says what it is ("the New Democracy party" -> "New
    Democracy"): ``party_offices.tsv``'s suffixes, which the table's names mostly leave out."""
    rest, _, last = name.rpartition(" ")
    return rest if rest and last.lower() in suffix_words() else ""


def _national_rest(country: str, name: str) -> str:
    """The name less a first word or two that name its own country ("Australian Labor" -> "Labor",
    "New Zealand Labour" -> "Labour"):
    the party named with its nation, as its alias; a region's ("Ontario Liberals") is another party."""
    words = name.split()
    return next((" ".join(words[k:]) for k in (1, 2) if k < len(words)
                 and country_of(" ".join(words[:k])) == country), "")


def govern(actors: list[Actor], when: dt.date | None, doc: Doc | None = None, story: str | None = None) -> None:
    """Give party actors, and people the text ties to a party (``party_link``) or whose title
    names their party, the sector their party held on ``when`` (see the module docstring);
    ``story`` is the story's country, which decides between parties of one name."""
    if when is None:
        return
    for actor in actors:
        if actor.sector not in PARTY_SECTORS and not _named_party(actor, when) and not _party_office(actor):
            continue
        if actor.kind == "person" and doc is not None and _tied(actor, party_tie(doc, actor), when, story):
            continue
        if actor.country is None:
            continue
        if actor.kind in ("organization", "group"):
            actor.sector = party_sector(actor.country, actor.name, when) or actor.sector
            continue
        if actor.kind != "person" or (pattern := _title_pattern(actor.country)) is None:
            continue
        if actor.title and _party_title(actor) and (hit := pattern.search(actor.title)) \
                and not regional_title(actor.title, hit.start()):
            actor.sector = party_sector(actor.country, hit.group(0), when) or actor.sector


def _named_party(actor: Actor, when: dt.date) -> bool:
    """An organisation the table names, whose sector came from a word in its name ("the Muslim
    League" read as REL, a "Workers' Party" as LAB): the table's row decides. Not another sector:
    a news agency may share a party's letters (PTI)."""
    return actor.kind == "organization" and actor.sector in NAME_WORD_SECTORS \
        and party_sector(actor.country, actor.name, when) is not None


def _party_office(actor: Actor) -> bool:
    """A person GOV only through a portfolio before a party office ("the Conservative defence
    spokesman", "Labour health spokeswoman"): the portfolio is the party's, so a tie to the party
    or its name in the title decides (a government spokesman names no party and keeps GOV)."""
    words = (actor.title or "").lower().split()
    return actor.kind == "person" and actor.sector == "GOV" and len(words) > 1 \
        and words[-1] in office_words() and words[-1] not in ("leader", "member")


def _tied(actor: Actor, tie: PartyTie | None, when: dt.date, story: str | None) -> bool:
    """Give a person tied to a party the party's country when they have none, and LEG for a seat
    ("Labour MP X") or the party's standing for an office or the bare party word ("Liberal leader
    X", "X, a Conservative"); not over a legislator's title given elsewhere. Whether it did."""
    if tie is None:
        return False
    country = actor.country or story
    if country not in tie.countries:
        return False  # no country, or a party of another country's name ("Democrats" in an Australian story)
    seat = tie.kind == "legislator" or _legislator_title(actor)
    if not seat and actor.title and _past_title(actor):
        return False  # "former Liberal leader X": what they were
    actor.country = country
    if seat:
        actor.sector = actor.sector or "LEG"
        return True
    party = next(p for c, p in tie.parties if c == country)
    actor.sector = party_sector(country, party, when) or actor.sector
    return True


def _party_title(actor: Actor) -> bool:
    """Does the title make its holder the party's (a leader, a chair), not a legislator ("Labour
    MP") or a former holder ("former Liberal leader")?"""
    return not _legislator_title(actor) and not _past_title(actor)


def _legislator_title(actor: Actor) -> bool:
    """A title with a legislator's word in it (the curated roles' LEG people: MP, senator) or a
    chamber's ("Senate Minority Leader", ``party_offices.tsv``)."""
    roles, chambers = load_knowledge().roles, chamber_words()
    return any(tuple(roles.get(w) or ()) == ("person", "LEG") or w in chambers for w in (actor.title or "").lower().split())


def _past_title(actor: Actor) -> bool:
    past = load_knowledge().descriptors.get("past_words", frozenset())
    return any(w in past for w in (actor.title or "").lower().split())
