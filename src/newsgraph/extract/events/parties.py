"""Acts of force done to a party the sentence names by a common noun, not by a name.

"gunmen killed six miners", "troops raided a militant hideout", "a rebel cell was broken
up", "the convoy of an army unit was ambushed": the object names a party only by what its
people do or by whose the unit, vehicle or post is. The argument reader takes only names and
a short list of agent words as parties, so such an act is left with no target; CAMEO coders
code it against that sector of the country the act happened in. The same holds for an
accusation or an investigation aimed at such a party.

An attack, act of coercion or accusation (ASSAULT, COERCE, ACCUSE: "rebel cells were
blamed for the blast"), neither negated nor hypothetical, with no
target (or only the state of the place it happened in, ``target_from_place``), whose object (:func:`.facilities.act_object`; "dozens of villagers" counts as the
villagers) is

* a word for people of one sector: the actor layer's (the curated roles, else Phoenix's agent
  nouns: "villagers" CVL, "pilgrims" REL) or a ``people`` row of
  ``newsgraph/data/party_nouns.tsv`` ("miners" LAB); a modifier with a sector of its own wins
  ("army recruits"); or
* a gathering (a ``crowd`` row: "police broke up the rally") for its people; or
* a ``unit`` row (a cell, convoy, vehicle, post, camp ...) with a modifier that has a sector
  ("a terrorist cell" INS, "a police post" COP, "an army truck" MIL)

gets a group actor named by the phrase, with that sector and the country of, in order: a
country word on the phrase ("a Ruritanian army post"), the place the act happened in (or a
country word on its "in" phrase: "in two Ruritanian towns"), for coercion by a government,
police or court body its own country (police break up cells at home), or the story's country (:func:`~newsgraph.extract.actors.story.story_country`; none when several
compete: then nothing is filled).

Left alone: a phrase naming its owner ("the rebels' camp", "the base of the militia": the
argument reader's), a generic phrase ("any soldier"), and a party the act's own source is
(the same country and sector: soldiers searching their own barracks); the story's country is
not taken for a state force's target when the source is a state force of that country, nor
for any target when the source is that country's army (its own forces abroad). A place a
facility row names ("a village") is left to :mod:`.facilities`.

A filled target is marked ``CodedEvent.extra["target_from_party_noun"]``; the act keeps its
confidence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import data_rows, doc_text
from ..actors import country_of, load_knowledge
from ..actors.knowledge import noun_sector
from .coded import CodedEvent
from .facilities import GroupTargets, _own_country, act_object, facilities, told_country
from .syntax import _pobj, counted

_TYPES = frozenset({"ASSAULT", "COERCE", "ACCUSE"})
_STATE = frozenset({"GOV", "MIL", "COP"})
_MODS = ("amod", "compound", "nmod")
_HOME = frozenset({"GOV", "COP", "JUD"})  # state bodies that coerce at home
_GENERIC = frozenset({"any", "no", "every", "each"})


@lru_cache(maxsize=1)
def party_nouns() -> tuple[frozenset[str], dict[str, str]]:
    """(unit noun lemmas, people noun lemma -> sector) from ``data/party_nouns.tsv``."""
    units: set[str] = set()
    people: dict[str, str] = {}
    for cols in data_rows("party_nouns.tsv"):
        if cols[0] == "unit":
            units.add(cols[1])
        elif cols[0] in ("people", "crowd"):
            people[cols[1]] = cols[2]
    return frozenset(units), people


def party_sector(obj: Token) -> str | None:
    """The sector of the party a common-noun phrase stands for (module docstring), or None."""
    if obj.pos_ != "NOUN" or obj.ent_type_:
        return None
    kb = load_knowledge()
    units, people = party_nouns()
    mod = next((s for c in obj.children if c.dep_ in _MODS and c.i < obj.i and not c.ent_type_
                and (s := noun_sector(kb, c))), None)
    lemma = obj.lemma_.lower()
    if lemma in facilities():
        return None  # the people a place serves: :mod:`.facilities` decides
    if lemma in units:
        return mod
    own = people.get(lemma) or noun_sector(kb, obj)
    return (mod or own) if own else None


def _in_country(trig: Token) -> str | None:
    """The country an act's "in" phrase names by a country word ("in two Ruritanian towns")."""
    where = _pobj(trig, "in")
    return (country_of(where.text) or _own_country(where)) if where is not None else None


def _owned(obj: Token) -> bool:
    """Does the phrase name its owner or say it is nobody in particular?"""
    return (any(c.dep_ == "poss" for c in obj.children) or _pobj(obj, "of") is not None
            or any(c.dep_ == "det" and c.lower_ in _GENERIC for c in obj.children)
            or any(c.dep_ == "compound" and c.ent_type_ for c in obj.children))


def fill_party_nouns(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act of force on a party named by a common noun that party (module docstring).
    Runs on settled actors; a new group actor is added for the phrase."""
    groups = GroupTargets(doc)
    for c in coded:
        ev = c.event
        if ev.type not in _TYPES or ev.negated or ev.hypothetical or (
                ev.target is not None and not c.extra.get("target_from_place")):
            continue
        obj = act_object(doc[c.trigger_i])
        obj = counted(obj) if obj is not None else None
        if obj is None or _owned(obj) or (sector := party_sector(obj)) is None:
            continue
        src = groups.by_id.get(ev.source) if ev.source else None
        country = told_country(c, obj, groups.places) or _in_country(doc[c.trigger_i])
        if country is None and ev.type == "COERCE" and src is not None and src.sector in _HOME:
            country = src.country  # "the Ruritanian police broke up a cell": at home
        if country is None:
            country = groups.story_country()
            if src is not None and src.country == country and src.sector in _STATE and (
                    sector in _STATE or src.sector == "MIL"):
                continue  # "troops raided an army depot"; a story of one country's army abroad
        if country is None or (src is not None and (src.country, src.sector) == (country, sector) and sector != "CVL"):
            continue  # a force's own ("troops searched an army depot"); civilians act on civilians
        left = min((t for t in obj.lefts if t.dep_ in ("compound", "nummod", "nmod") or (
            t.dep_ == "amod" and (country_of(t.text) or noun_sector(load_knowledge(), t)))), default=obj, key=lambda t: t.i)
        start, end = left.idx, obj.idx + len(obj.text)
        groups.aim(c, (start, end), doc_text(doc)[start:end], (country, sector))
        c.extra["target_from_party_noun"] = True
    groups.save()
