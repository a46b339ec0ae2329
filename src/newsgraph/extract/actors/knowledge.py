"""The knowledge file, and the lookups every actor rule makes in it.

``newsgraph/data/knowledge.json`` holds what the text rarely states. Set
``NEWSGRAPH_KNOWLEDGE`` to the path of an extra JSON file of the same shape
to extend it: objects merge key by key, lists are extended, other values are
replaced. Sections:

``countries``   ``{"RUS": {"name": "Russia", "demonyms": [...], "capitals": [...],
                "aliases": [...], "seats": ["Kremlin"]}}``; every ISO 3166 country
                not listed is added from ``pycountry`` at load time.
``igos``        ``{"NATO": {"aliases": [...], "sector": "IGO"}}``
``groups``      ``{"West": {"aliases": ["the West"], "kind": "group", "country": null,
                "sector": null}}``
``organizations`` ``{"Democratic Party": {"country": "USA", "sector": "LEG"}}``
``roles``       role noun lemma -> ``[kind, sector]``; kind is ``person`` (a title),
                ``group`` (a collective actor), ``org`` (a kind of organisation),
                ``gov`` (a government) or ``mod`` (a modifier only).
``org_keywords`` a word in an organisation's name -> sector ("Bank": "BUS").
``agent_nouns`` ``{"MIL": ["helicopter", ...]}``: agent nouns Phoenix lacks, read like its agents.
``speaker_titles`` ``{"nouns": ["spokesman", ...]}``: titles of people who speak for a body.
``ordinary_people`` ``{"CVL": ["witness", ...]}``: private persons' nouns, added to ``roles``.
``private_persons`` ``{"not_with": ["bomber", ...]}``: a person the text gives an age is a civilian
                unless a sentence naming them says one of these (:mod:`.private`).
``research_bodies`` ``{"titles": [...], "NGO": ["Institute", ...], "EDU": [...]}``: a person
                titled an analyst at an institute is NGO (:mod:`.employers`).
``seat_bodies`` ``{"nouns": ["office", ...]}``: "the White House Military Office" is GOV.
``generic_entity_names`` ``{"names": ["Democrats", ...]}``: entity names parties of many countries
                share; their entry's country needs the text's support (:func:`entity_country`).
``people``      ``{"Vladimir Putin": {"country": "RUS", "sector": "GOV",
                "aliases": ["Putin"]}}`` (a country the text does not give)

Names the text leaves without a country are looked up, by the article's publication date, in
the actor knowledge base (:mod:`newsgraph.knowledge`: hand-written dated rows, then PETRARCH2's
Phoenix dictionaries): ``_dated``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from ...errors import InputError
from ...knowledge import ACTORS_ENV
from .. import doc_text, ext
from ...runtime import env

if TYPE_CHECKING:
    from .state import _State

KNOWLEDGE_ENV = "NEWSGRAPH_KNOWLEDGE"


@dataclass(frozen=True, eq=False)  # hashed by identity: it is built once per file and cached
class Knowledge:
    """The merged knowledge file, indexed for lookups by surface text."""

    countries: dict[str, dict]
    entities: dict[str, dict]  # canonical name -> {kind, country, sector} for IGOs, groups, orgs
    surface: dict[str, tuple[str, str]]  # text -> (type, key): country|demonym|capital|seat|entity
    roles: dict[str, tuple[str, str | None]]
    org_keywords: dict[str, str]
    demonym_of: dict[str, str] = field(default_factory=dict)  # alpha-3 -> adjective
    people: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # name -> (country, sector)
    domestic_sectors: tuple[str, ...] = ()  # sectors of actors that take the story's country
    agents: dict[str, str] = field(default_factory=dict)  # Phoenix agent nouns not in ``roles`` -> sector
    armed_words: dict[str, frozenset[str]] = field(default_factory=dict)  # INS/REB -> lemmas naming them
    agent_phrases: dict[str, str] = field(default_factory=dict)  # Phoenix agent nouns of 2-3 words -> sector
    speaker_titles: frozenset[str] = frozenset()  # "spokesman", "official": a person who speaks for a body
    research_titles: frozenset[str] = frozenset()  # "analyst", "fellow": titles read with a research body
    research_words: dict[str, str] = field(default_factory=dict)  # "Institute" -> NGO, "University" -> EDU
    seat_bodies: frozenset[str] = frozenset()  # "office", "council": a body after a seat is the government's
    generic_names: frozenset[str] = frozenset()  # "Democrats", "Congress": entity names many countries share
    story_lists: dict[str, frozenset[str]] = field(default_factory=dict)  # story_country: list name -> words
    not_private: frozenset[str] = frozenset()  # lemmas saying an aged person is no civilian ("bomber")
    descriptors: dict[str, frozenset[str] | dict[str, str]] = field(default_factory=dict)  # "the ruling party"
    ranks: frozenset[str] = frozenset()  # "cpl", "gen": abbreviated ranks (also in ``roles``)
    seat_titles: frozenset[str] = frozenset()  # "staff", "counsel": a title after a seat is the government's
    kin_nouns: frozenset[str] = frozenset()  # "son", "widow": "son of X" says whose relative, not an office
    portfolio_heads: frozenset[str] = frozenset()  # "minister": a service word before it is a portfolio
    policy_phrases: frozenset[str] = frozenset()  # "national security": a policy area, no service
    policy_heads: frozenset[str] = frozenset()  # "adviser": a title a policy phrase names the area of


def _merge(base: dict, extra: dict) -> dict:
    """Objects merge key by key, lists extend, other values are replaced."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def _pycountry_names() -> dict[str, list[str]]:
    """Every ISO country's short, common and official names, so that no
    country needs listing by hand just to be recognised."""
    import pycountry

    names: dict[str, list[str]] = {}
    for c in pycountry.countries:
        forms = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names[c.alpha_3] = [f for f in forms if f and "," not in f]
    return names


def _build(raw: dict) -> Knowledge:
    countries: dict[str, dict] = {}
    surface: dict[str, tuple[str, str]] = {}
    demonym_of: dict[str, str] = {}
    listed = raw.get("countries", {})
    for a3, iso_names in _pycountry_names().items():
        entry = dict(listed.get(a3, {}))
        entry.setdefault("name", iso_names[0] if iso_names else a3)
        entry["aliases"] = list(entry.get("aliases", [])) + iso_names
        countries[a3] = entry
    for a3, entry in listed.items():
        countries.setdefault(a3, dict(entry))
    derived: dict[str, str] = {}
    for a3, entry in countries.items():
        if "demonyms" not in entry and entry["name"].endswith("a") and " " not in entry["name"]:
            derived[entry["name"] + "n"] = a3  # Samoa -> Samoan: matched, never used to name a group
    # order matters: later kinds never override earlier ones for the same text
    for a3, entry in countries.items():
        for text in [entry["name"], *entry.get("aliases", [])]:
            surface.setdefault(text, ("country", a3))
        for text in entry.get("seats", []):
            surface.setdefault(text, ("seat", a3))
        for text in entry.get("capitals", []):
            surface.setdefault(text, ("capital", a3))
        for text in entry.get("demonyms", []):
            surface.setdefault(text, ("demonym", a3))
        if entry.get("demonyms"):
            demonym_of[a3] = entry["demonyms"][0]
    for text, a3 in derived.items():
        surface.setdefault(text, ("demonym", a3))
    entities: dict[str, dict] = {}
    for section, defaults in (("igos", {"kind": "organization", "country": None, "sector": "IGO"}),
                              ("groups", {"kind": "group", "country": None, "sector": None}),
                              ("organizations", {"kind": "organization", "country": None, "sector": None})):
        for name, entry in raw.get(section, {}).items():
            info = {**defaults, **{k: v for k, v in entry.items() if k != "aliases"}}
            entities[name] = info
            for text in [name, *entry.get("aliases", [])]:
                surface[text] = ("entity", name)
    roles = {k: (v[0], v[1]) for k, v in raw.get("roles", {}).items()}
    for sector, nouns in raw.get("ordinary_people", {}).items():
        if sector != "about":
            for noun in nouns:  # "a witness", "a shopkeeper": a private person, read as a title
                roles.setdefault(noun, ("person", sector))
    for sector, ranks in raw.get("rank_abbreviations", {}).items():
        if sector != "about":
            for rank in ranks:  # "Cpl", "Gen.": a title before a name, as the curated roles read it
                roles.setdefault(rank, ("person", sector))
                roles.setdefault(rank + ".", ("person", sector))
    research = raw.get("research_bodies", {})
    return Knowledge(countries, entities, surface, roles, dict(raw.get("org_keywords", {})), demonym_of,
                     _people(raw.get("people", {})), tuple(raw.get("domestic_sectors", ())),
                     _agents(roles, raw.get("agent_nouns", {})),
                     {k: frozenset(v) for k, v in raw.get("armed_group_words", {}).items() if k != "about"},
                     _agent_phrases(), frozenset(raw.get("speaker_titles", {}).get("nouns", ())),
                     frozenset(research.get("titles", ())),
                     {w: sector for sector, words in research.items() if sector not in ("about", "titles")
                      for w in words},
                     frozenset(raw.get("seat_bodies", {}).get("nouns", ())),
                     frozenset(raw.get("generic_entity_names", {}).get("names", ())),
                     {k: frozenset(v) for k, v in raw.get("story_country", {}).items() if isinstance(v, list)},
                     frozenset(raw.get("private_persons", {}).get("not_with", ())).union(
                         *(v for k, v in raw.get("armed_group_words", {}).items() if k != "about")),
                     descriptors=_descriptors(raw.get("descriptors", {})),
                     ranks=frozenset(r for k, v in raw.get("rank_abbreviations", {}).items() if k != "about" for r in v),
                     seat_titles=frozenset(raw.get("seat_bodies", {}).get("titles", ())),
                     kin_nouns=frozenset(raw.get("kin_nouns", {}).get("nouns", ())),
                     portfolio_heads=frozenset(raw.get("portfolio_titles", {}).get("heads", ())),
                     policy_phrases=frozenset(raw.get("portfolio_titles", {}).get("policy_phrases", ())),
                     policy_heads=frozenset(raw.get("portfolio_titles", {}).get("policy_heads", ())))


def _descriptors(section: dict) -> dict[str, frozenset[str] | dict[str, str]]:
    """The ``descriptors`` section: its word lists as sets, its ``modifiers`` as a lemma -> sector map."""
    return {k: dict(v) if isinstance(v, dict) else frozenset(v) for k, v in section.items() if k != "about"}


def _agents(roles: dict, extra: dict) -> dict[str, str]:
    """One-word agent nouns of the Phoenix dictionary ("warship", "passenger") and of the file's
    ``agent_nouns`` ("helicopter") that the curated ``roles`` do not list: the curated entry
    decides where both have one."""
    from ...knowledge import agent_sectors

    nouns = {noun: sector for sector, words in extra.items() if sector != "about" for noun in words}
    return {noun: sector for noun, sector in {**agent_sectors(), **nouns}.items()
            if " " not in noun and noun not in roles}


def _agent_phrases() -> dict[str, str]:
    """Phoenix agent nouns of two or three plain words ("coast guard", "foreign office", "central
    bank"): a body named by a common noun phrase, read off the words before a head noun."""
    from ...knowledge import agent_sectors

    return {noun: sector for noun, sector in agent_sectors().items()
            if 2 <= len(words := noun.split()) <= 3 and all(w.isalpha() for w in words)}


def _people(section: dict) -> dict[str, tuple[str | None, str | None]]:
    """Full names and aliases -> (country, sector). An alias two entries share with different
    countries ("Kim") is dropped: a name that could be either gives neither."""
    out: dict[str, tuple[str | None, str | None]] = {}
    clash: set[str] = set()
    for name, entry in section.items():
        value = (entry.get("country"), entry.get("sector"))
        out[name] = value
        for alias in entry.get("aliases", []):
            if alias in out and out[alias][0] != value[0] and alias not in section:
                clash.add(alias)
            out.setdefault(alias, value)
    return {k: v for k, v in out.items() if k not in clash}


@lru_cache(maxsize=8)
def _load(extra_path: str | None) -> Knowledge:
    raw = json.loads(resources.files("newsgraph.data").joinpath("knowledge.json").read_text("utf-8"))
    if extra_path:
        path = Path(extra_path)
        try:
            extra = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{KNOWLEDGE_ENV}={extra_path} is not a readable JSON file ({exc}); "
                             "point it at a JSON object shaped like newsgraph/data/knowledge.json") from None
        raw = _merge(raw, extra)
    return _build(raw)


def load_knowledge() -> Knowledge:
    """The built-in knowledge merged with ``$NEWSGRAPH_KNOWLEDGE`` (cached per path)."""
    return _load(env(KNOWLEDGE_ENV) or None)


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=4096)
def _strip_text(text: str) -> str:
    """"the Kremlin's" -> "Kremlin": the form the knowledge file lists."""
    return _TRAILING_POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip())).strip()


def country_of(text: str) -> str | None:
    """ISO alpha-3 for a country name, alias, demonym, capital or seat of
    government ("Russian", "the Kremlin", "Minsk" -> RUS/RUS/BLR), else None."""
    kb = load_knowledge()
    key = _strip_text(text)
    hit = kb.surface.get(key) or kb.surface.get(text.strip())
    if hit is None:
        hit = _lower_surface(kb).get(key.lower())
    if hit and hit[0] != "entity":
        return hit[1]
    return None


@lru_cache(maxsize=8)
def _lower_surface(kb: Knowledge) -> dict[str, tuple[str, str]]:
    """Country words by lower case ("russian" -> RUS): the first listed of each, entities left out."""
    index: dict[str, tuple[str, str]] = {}
    for text, hit in kb.surface.items():
        if hit[0] != "entity":
            index.setdefault(text.lower(), hit)
    return index


@lru_cache(maxsize=8192)
def slug(name: str) -> str:
    """A stable, readable id: ASCII, lower case, hyphens."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "actor"


_WORD_MEMO: tuple[object, dict[tuple[int, int], tuple]] = (None, {})


def _word_entries(kb: Knowledge, tok: Token) -> tuple:
    """(role, agent sector) of a token's lower-cased lemma, else its lower-case form: kept per
    knowledge by the two string hashes (bounded), since the rules ask about the same tokens
    many times and decoding ``lemma_``/``lower_`` costs more than the lookups."""
    global _WORD_MEMO
    if _WORD_MEMO[0] is not kb or len(_WORD_MEMO[1]) > 20_000:  # ~1,000 articles' words
        _WORD_MEMO = (kb, {})
    key = (tok.lemma, tok.lower)
    hit = _WORD_MEMO[1].get(key)
    if hit is None:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        hit = _WORD_MEMO[1][key] = (kb.roles.get(lemma) or kb.roles.get(lower),
                                    kb.agents.get(lemma) or kb.agents.get(lower))
    return hit


def _role(kb: Knowledge, tok: Token) -> tuple[str, str | None] | None:
    return _word_entries(kb, tok)[0]


def agent_sector(kb: Knowledge, tok: Token) -> str | None:
    """The Phoenix sector of an agent noun the curated roles do not list ("warships" -> MIL)."""
    return _word_entries(kb, tok)[1]


def agent_phrase(kb: Knowledge, tok: Token) -> tuple[Token, str] | None:
    """The first word and sector of the longest agent phrase a head noun ends, read from the
    compound and adjective words right before it: "the Portuguese coast guard" -> ("coast", MIL),
    "Norway's foreign office" -> ("foreign", GOV)."""
    doc, start = tok.doc, tok.i
    while start > max(0, tok.i - 2) and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in ("compound", "amod"):
        start -= 1
    for first in range(start, tok.i):
        words = [t.lower_ for t in doc[first:tok.i]]
        for last in dict.fromkeys((tok.lower_, tok.lemma_.lower())):
            if (sector := kb.agent_phrases.get(" ".join([*words, last]))) is not None:
                return doc[first], sector
    return None


def noun_sector(kb: Knowledge, tok: Token) -> str | None:
    """The sector a head noun gives a group: the curated role's, else Phoenix's agent noun's
    ("civilians" -> CVL, "warships" -> MIL); None for a word that names no agent."""
    role = _role(kb, tok)
    if role is not None:
        return role[1] if role[0] != "mod" else None
    return agent_sector(kb, tok)


def _country_in(kb: Knowledge, tokens) -> str | None:
    """The country a run of modifier tokens names ("Russian", "US", "White House")."""
    words = [t.text_with_ws for t in tokens]  # decoded once, not once per n-gram
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            text = "".join(words[i:i + n]).strip()
            hit = kb.surface.get(_strip_text(text))
            if hit and hit[0] != "entity":
                return hit[1]
    return None


def _lookup(kb: Knowledge, span: TokSpan) -> tuple[str, str] | None:
    text = doc_text(span.doc)[span.start_char:span.end_char]  # = span.text, which joins its tokens on each access
    return kb.surface.get(text) or kb.surface.get(_strip_text(text))


def _dated(st: _State, name: str, phoenix: bool = True) -> tuple[str | None, str | None] | None:
    """(country, sector) of a named actor on the article's date, from the actor knowledge base
    (``newsgraph.knowledge``): the text has not said, so the role held that day decides.
    Kept per name, day, source and ``$NEWSGRAPH_ACTORS`` (bounded): the actor layer asks for
    the same names over and over."""
    when = ext(st.doc, "published")
    return _dated_on(name, when, when or dt.date.today(), phoenix, env(ACTORS_ENV))


def person_dated(st: _State, name: str) -> tuple[str | None, str | None] | None:
    """:func:`_dated` for a person, but not for a name of two words or more that is a province or
    a big city ("Rio Grande" read as a person): the index codes such places as their country,
    and a place the tagger took for a person is no one of that country."""
    from .acting import _big_place

    if " " in name and _big_place(name):
        return None
    return _dated(st, name)


@lru_cache(maxsize=8192)
def _dated_on(name: str, when, _day, phoenix: bool, _actors_file) -> tuple[str | None, str | None] | None:
    """:func:`_dated`'s lookups (``_day`` and ``_actors_file`` only key the cache)."""
    from ...knowledge import lookup

    words = name.split()
    dropped: set[str] = set()  # countries the words left off name
    for i in range(max(1, len(words) - 1)):  # "Mawlawi Ana Ruiz": an honorific the tagger kept
        if i and (country := country_of(words[i - 1])) is not None:
            dropped.add(country)
        if (hit := lookup(" ".join(words[i:]), when, phoenix=phoenix)) is not None:
            if hit[0] is not None and dropped - {hit[0]}:
                return None  # "Ruritania People's Defence Force" is not another country's "People's Defence Force"
            return hit
    return None


def entity_country(st: _State, key: str, span: TokSpan) -> tuple[str | None, str | None]:
    """(country, sector) of a knowledge-file entity mentioned by ``span``, on the article's date.
    A name many countries' parties share ("Democrats", "Congress") takes the country a possessor
    or nationality before it gives ("Japan's Democratic Party"); none when it is the tail of a
    longer name ("the Social Democrats") or when the text names other countries but not the
    entry's (a story set elsewhere); else the entry's country."""
    info = st.kb.entities[key]
    country, sector = _dated(st, key, phoenix=False) or (info.get("country"), info.get("sector"))
    if country is None or _strip_text(span.text) not in st.kb.generic_names:
        return country, sector
    before = _modifiers_before(span)
    if (owner := _country_in(st.kb, before)) is not None:
        return owner, sector
    if (full := _fuller_name_country(st, span)) is not None:
        return full, sector  # "the Norwegian Labour Party ... Labour": the country its full name gave
    if before and before[-1].is_title and not before[-1].is_sent_start and before[-1].pos_ in ("PROPN", "ADJ") \
            and _role(st.kb, before[-1]) is None:
        return None, sector  # "Liberal Democrats", "Social Democrats": another party's name
    named = _countries_named(st.kb, st.doc)
    return (None if named and country not in named else country), sector


def _fuller_name_country(st: _State, span: TokSpan) -> str | None:
    """The one country of the organisations named earlier whose names hold these words
    ("Norwegian Labour Party", "Ruritania's Labour party" for "Labour")."""
    words = {t.lower_ for t in span}
    found = {e.country for e in st.entities.values()
             if e.kind == "organization" and e.country and e.name != span.text
             and words <= {w.lower() for w in e.name.replace("'s", " ").split()}}
    return found.pop() if len(found) == 1 else None


def _modifiers_before(span: TokSpan) -> list[Token]:
    """The words right before a name, back to a determiner, preposition, verb or punctuation
    ("Japan's main opposition", "the Thai", "Liberal")."""
    doc, start = span.doc, span.start
    while start > max(0, span.start - 4) and doc[start - 1].pos_ not in ("DET", "ADP", "VERB", "AUX", "PUNCT",
                                                                          "CCONJ", "PRON", "NUM", "SPACE"):
        start -= 1
    return list(doc[start:span.start])


def _countries_named(kb: Knowledge, doc) -> set[str]:
    """The countries a text names as a place or a nationality (its GPE and NORP entities)."""
    return {code for ent in doc.ents if ent.label_ in ("GPE", "NORP")
            and (hit := kb.surface.get(_strip_text(ent.text))) and hit[0] != "entity" for code in (hit[1],)}
