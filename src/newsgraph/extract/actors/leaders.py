"""The sector of a group of leaders from the words that say whose leaders they are.

A leader has no sector of its own (a party's, a union's, a church's, a state's), so "Ruritanian
leaders" used to be a group with a country and no sector. The phrase decides: an agent phrase
of the Phoenix dictionary ("business leaders" BUS, "religious leaders" REL); else a country
word with only plain words beside it ("Ruritania's top leaders", "the leaders of Ruritania")
makes them the state's leaders (``leader_groups.tsv``); any other word ("tribal", "communist",
a party's or a movement's name) leaves them without one.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from .. import data_rows
from .knowledge import agent_phrase
from .state import _State

_COUNTRY_ENTS = ("GPE", "NORP", "LOC")


@lru_cache(maxsize=1)
def leader_words() -> tuple[dict[str, str], frozenset[str]]:
    """(plural head lemma -> sector of a country's leaders, plain modifiers), from the table."""
    heads: dict[str, str] = {}
    plain: set[str] = set()
    for kind, word, sector, *_ in data_rows("leader_groups.tsv"):
        if kind == "head":
            heads[word] = sector
        elif kind == "plain":
            plain.add(word)
    return heads, frozenset(plain)


def _placed(tok: Token) -> bool:
    """A word that names a country by itself: no pronoun ("its leaders"), person or organisation
    ("Hamas leaders" are the movement's, though it has a country)."""
    return tok.pos_ != "PRON" and tok.ent_type_ in ("", *_COUNTRY_ENTS)


def _body_sector(st: _State, mods: list[Token], country: str | None) -> str | None:
    """The sector of the one named organisation among the modifiers ("Hamas leaders", "Acme
    Union leaders"): they lead it. Only one whose country the group has: a body with none
    would leave the group to take the story's country through its new sector."""
    found = {ent.sector for m in mods if m.ent_type_ == "ORG" for ent in st.entities.values()
             if ent.kind == "organization" and ent.sector and country and ent.country == country
             and any(s <= m.idx < e for s, e in ent.mentions)}
    return found.pop() if len(found) == 1 else None


def leaders_sector(st: _State, tok: Token, mods: list[Token], country: str | None, country_of,
                   of_object) -> str | None:
    """The sector of a plural leader noun ``tok`` with modifiers ``mods`` and the group's
    ``country``, else None. ``country_of`` reads a token's country, ``of_object`` a noun's "of"
    object (roles.py's)."""
    heads, plain = leader_words()
    if tok.lemma_.lower() not in heads or tok.tag_ not in ("NNS", "NNPS"):
        return None
    if (phrase := agent_phrase(st.kb, tok)) is not None:
        return phrase[1]
    if (body := _body_sector(st, mods, country)) is not None:
        return body
    countries = {c for m in mods if _placed(m) and (c := country_of(m))}
    for m in mods:
        if m.lower_ in plain or m.like_num or m.tag_ == "POS" or m.text in ("-", ",") or m.dep_ == "cc" \
                or (_placed(m) and country_of(m)):
            continue
        if m.ent_type_ in _COUNTRY_ENTS and countries:
            continue  # "South" of "South Korean"
        return None  # "tribal leaders", "Hamas leaders": not the state's
    obj = of_object(tok)
    if obj is not None and obj.ent_type_ == "GPE" and (c := country_of(obj)):
        countries.add(c)
    elif obj is not None:
        return None  # "leaders of the movement"
    joined = any(m.dep_ == "cc" for m in mods)  # "British and Japanese leaders": each its state's
    return heads[tok.lemma_.lower()] if len(countries) == 1 or (countries and joined) else None
