"""Groups named by a collective noun and the words before it.

"Ruritanian groups denounced the vote", "Springfield troopers arrested him", "separatist units
shelled the villages": a plural noun for a group of people (``data/group_heads.tsv``) names a
party only through its modifiers. When one of them names a country (a nationality or country
word, a place the gazetteer knows, a party or body with a country) or a sector (the knowledge
file's modifier and role words, the table's ``modifier`` rows), the whole phrase is one group
actor with that country and sector. The modifier was read on its own before ("Ruritanian" as
the state, "Republican" as the party): its mention inside the phrase moves to the group, so the
group, not the state, is the side of the group's acts. With no such modifier ("several groups",
"the factions") the noun is left alone: the group named earlier, which we do not resolve.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Token

from .. import data_rows
from ..tokens import token_view
from .knowledge import _role, agent_phrase, agent_sector
from .named_place import _countries
from .roles import _country_of_token, _modifiers
from .state import _phrase, _span_chars, _State
from .titles import WEAK_MODIFIER_SECTORS

_MOVABLE_KINDS = frozenset({"state", "group"})  # a nationality read as the state or its people
_PLURAL = frozenset({get_string_id("NNS")})


def head_table(name: str, extra: str) -> tuple[dict[str, str | None], dict[str, str], frozenset[str]]:
    """(head noun -> sector or None, modifier word -> sector, the words of kind ``extra``) from a
    table laid out as ``data/group_heads.tsv`` (kind, word, sector; "-" for no sector)."""
    heads: dict[str, str | None] = {}
    modifiers: dict[str, str] = {}
    words: set[str] = set()
    for kind, word, sector, *_ in data_rows(name):
        if kind == "head":
            heads[word] = None if sector == "-" else sector
        elif kind == "modifier":
            modifiers[word] = sector
        elif kind == extra:
            words.add(word)
    return heads, modifiers, frozenset(words)


@lru_cache(maxsize=1)
def group_words() -> tuple[dict[str, str | None], dict[str, str], frozenset[str]]:
    """(head noun -> sector or None, modifier word -> sector, generic modifiers), from
    ``data/group_heads.tsv``."""
    return head_table("group_heads.tsv", "generic")


def add_modified_groups(st: _State) -> None:
    """Make a group actor of each plural group noun a country or sector word modifies. Only the
    plural nouns (the token view's tag column) are made Tokens: a loop over every token's
    attributes cost twice as much."""
    heads = group_words()[0]
    for i in token_view(st.doc).where("tag", _PLURAL):
        tok = st.doc[i]
        if tok.pos_ != "NOUN" or tok.dep_ == "compound" or i in st.taken:
            continue
        lemma = tok.lemma_.lower()
        if lemma not in heads or _role(st.kb, tok) or agent_sector(st.kb, tok):
            continue
        _add_group(st, tok, heads[lemma])


def _add_group(st: _State, tok: Token, head_sector: str | None) -> None:
    mods = [m for m in _modifiers(tok) if m.i not in st.pronouns and m.i not in st.person_tokens
            and m.dep_ != "poss" and m.pos_ in ("ADJ", "NOUN", "PROPN")]
    if not mods or mods[-1].i != tok.i - 1:
        return  # "groups" alone, or a modifier cut off from the noun ("groups of ...")
    nxt = st.doc[tok.i + 1] if tok.i + 1 < len(st.doc) else None
    if (nxt is not None and nxt.pos_ == "PROPN") or any(c.dep_ == "appos" and c.ent_type_ for c in tok.rights):
        return  # "the militant groups X, Y and Z": the named groups are the parties
    start, end = _span_chars(mods + [tok])
    if _named_inside(st, tok, start):
        return
    owners = _modifier_actors(st, start, end)
    countries = {c for m in mods if (c := _country_of_token(st, m) or _place_country(m))}
    if len(countries) > 1:
        return  # "Ruritanian and Freedonian units": several countries' groups, not one actor
    country = next(iter(countries), None) or next((e.country for e in owners if e.country), None)
    if country is None and any(m.lower_ in group_words()[2] for m in mods):
        return  # "aiding terrorist groups": a kind of group, not a party the text names
    phrase = agent_phrase(st.kb, tok)  # Phoenix's "armed group", "human rights group"
    sector = head_sector or _modifier_sector(st, mods) or (phrase[1] if phrase else None)
    if country is None and sector is None and not owners and not any(m.ent_type_ == "NORP" for m in mods):
        return  # "several groups", "the other factions"; but "Republican groups", "Sunni groups"
    for ent in owners:  # "Ruritanian" read as the state: inside the group's name now
        ent.mentions = {(s, e) for s, e in ent.mentions if not (start <= s and e <= end)}
    name = _phrase(mods + [tok])
    ent = st.entity(f"group:{country}:{sector}:{name.lower()}", name, "group", country=country, sector=sector)
    st.mention(ent.key, start, end)
    st.taken.update(m.i for m in mods)
    st.taken.add(tok.i)


def _named_inside(st: _State, tok: Token, start: int) -> bool:
    """Does another reader's name lie in the phrase: a person, party or body ("Labour groups",
    "the Rights Groups Alliance"), or a group whose mention reaches before it? A state widened
    over the phrase ("some Ruritanian groups") is no name: the group takes its place."""
    end = tok.idx + len(tok)
    for ent in st.entities.values():
        for s, e in ent.mentions:
            if s < end and start < e and (ent.kind not in _MOVABLE_KINDS or (s < start and ent.kind != "state")):
                return True
    return False


def _modifier_actors(st: _State, start: int, end: int):
    """Actors of a kind a modifier may be read as, with a mention inside the phrase."""
    return [ent for ent in st.entities.values() if ent.kind in _MOVABLE_KINDS
            and any(start <= s and e <= end for s, e in ent.mentions)]


def _place_country(tok: Token) -> str | None:
    """The one country of a place the gazetteer knows well ("Springfield troopers")."""
    if tok.ent_type_ not in ("GPE", "LOC") or tok.pos_ != "PROPN":
        return None
    from ..places import gazetteer

    found, _ = _countries(tok.text, gazetteer())
    return next(iter(found)) if len(found) == 1 else None


def _modifier_sector(st: _State, mods: list[Token]) -> str | None:
    """The sector a modifier gives ("militant" INS, "student" EDU, "rights" NGO), else None; the
    word nearest the noun first, which says what kind of group it is ("Muslim separatist groups")."""
    table = group_words()[1]
    listed = st.kb.descriptors.get("modifiers", {})
    for m in reversed(mods):
        lemma = m.lemma_.lower()
        if sector := table.get(m.lower_) or table.get(lemma) or (listed.get(lemma) if isinstance(listed, dict) else None):
            return sector
        role = _role(st.kb, m)
        if role and role[0] in ("group", "person", "org", "mod") and role[1] not in WEAK_MODIFIER_SECTORS:
            return role[1]
        if (sector := agent_sector(st.kb, m)) not in WEAK_MODIFIER_SECTORS:
            return sector
    return None
