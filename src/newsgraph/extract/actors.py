"""Actors: who acts in the article, one ``records.Actor`` per real entity.

The component ``newsgraph_actors`` fills ``doc._.actors``. It reads spaCy's
entities and parse and a small knowledge file, and resolves

* people: full names, surname-only mentions ("Lavrov") and he/his/she/her
  pronouns, with title, country and sector read from premodifiers ("Russian
  foreign minister Sergey Lavrov") and appositions ("X, one of the main
  opposition leaders");
* states: a country acting, under its canonical name, with metonymy ("the
  Kremlin", "Moscow is ...", "the Lukashenko regime", "his government") as
  mentions of the same actor (kind ``state``, sector ``GOV``); a country in
  a locative phrase ("protests in Belarus") is a place, not an actor, but a
  capital an act is directed at ("a visit to Minsk") is the state;
* organisations: IGOs (``country`` None, ``sector`` IGO), companies, parties,
  newspapers;
* groups named by a role noun: "the Belarusian police" (BLR/COP), "the
  opposition", "protesters", "Russian media", "trade unions".

Knowledge file
--------------
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
``people``      ``{"Vladimir Putin": {"country": "RUS", "sector": "GOV",
                "aliases": ["Putin"]}}`` (a country the text does not give)

Names the text leaves without a country are looked up, by the article's publication date, in
the actor knowledge base (:mod:`newsgraph.knowledge`: hand-written dated rows, then PETRARCH2's
Phoenix dictionaries); the story's country is given to unplaced domestic agents afterwards
(:mod:`newsgraph.extract.story`); datelines and bylines are never actors
(:mod:`newsgraph.extract.dateline`).

Choices (docs/knowledge.md has the full list): political parties are ``LEG``
(an "opposition party" is ``OPP``); a government headed by a named person
("the Obama administration") is the state actor of that person's country; a
country after "at" is a target, not a place; a person's country comes from
the text (title, apposition), else from the ``people`` section (G20 leaders
and others, by a fixed rule), else from the one country the sentences
mentioning them are set in.

Public: ``country_of``, ``load_knowledge``, ``slug``, ``extract_actors``,
``not_nationality``, ``posted_to`` and the component class ``ActorExtractor``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import ENT_TYPE, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import NOUN, PRON, PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokSpan
from spacy.util import filter_spans

from ..errors import InputError
from ..records import Actor, Span
from . import register_extensions
from .dateline import not_actor_spans

__all__ = ["ActorExtractor", "Knowledge", "country_of", "extract_actors", "load_knowledge", "make_actors",
           "not_nationality", "posted_to", "slug", "unique_id"]

KNOWLEDGE_ENV = "NEWSGRAPH_KNOWLEDGE"

LOCATIVE_PREPS = frozenset({"in", "at", "across", "throughout", "within", "inside", "around", "near",
                            "outside", "over", "all"})
CAPITAL_LOCATIVE_PREPS = LOCATIVE_PREPS | {"to", "from", "into", "via", "through"}
# "fired at Russia", "angry at Iran": a country after "at" is a target, not a place
COUNTRY_LOCATIVE_PREPS = LOCATIVE_PREPS - {"at"}
# the prepositions that surely place a sentence, for a person's fallback country
PLACE_PREPS = frozenset({"in", "across", "throughout", "within", "inside"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "attr",
                           "agent", "dative", "iobj", "ROOT", "oprd", "npadvmod"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
MALE_NAMES_IN_A = frozenset({"nikita", "ilya", "luca", "joshua", "jonah", "elijah", "mustafa", "musa", "isa",
                             "yahya", "zakaria", "hamza", "osama", "usama", "taha", "reza", "mirza", "akira",
                             "sasha", "kosta", "andrea", "attila", "ezra"})
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sir": "m", "dame": "f", "madam": "f"}
FEMALE_TITLES = frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "policewoman",
                           "queen", "mrs", "ms", "madam", "actress", "mother", "wife", "daughter"})
MALE_TITLES = frozenset({"spokesman", "chairman", "congressman", "businessman", "policeman", "king",
                         "mr", "sir", "father", "husband", "son"})
PERSON_LOCATIVE_PREPS = frozenset({"in", "near", "across", "throughout", "inside", "outside"})
PLACE_NOUNS = frozenset({"village", "town", "city", "region", "province", "district", "county", "state",
                         "capital", "port", "island", "area", "suburb", "municipality", "oblast"})
BARE_GOVERNMENT = frozenset({"government", "regime", "administration", "authority", "authorities", "junta"})
SPEECH_VERBS = frozenset({"say", "tell", "state", "add", "declare", "insist", "reply", "write", "ask", "warn"})
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
QUOTE_RE = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")
# a modifier in these sectors does not decide the sector of what it modifies ("press secretary" is
# GOV, "public prosecutor" JUD) and alone names no actor ("press conference")
WEAK_MODIFIER_SECTORS = frozenset({None, "MED", "CVL"})
REPORT_NOUNS = frozenset({"report", "account", "claim", "allegation", "speculation", "estimate"})
NEEDS_MODIFIER = frozenset({"forces"})
REPORT_VERBS = frozenset({"report", "write", "publish", "quote", "cite"})
PORTFOLIOS = frozenset({"state", "defense", "defence", "justice", "interior", "finance", "treasury", "health",
                        "education", "commerce", "energy", "labor", "labour", "agriculture", "transport",
                        "foreign", "affairs", "home", "trade", "economy", "culture"})
FILLER_MODIFIERS = frozenset({"other", "such", "many", "several", "some", "these", "those", "all", "both", "main",
                              "various", "certain", "few", "more", "most"})
_TITLE_EDGE = frozenset({"the", "a", "an", ",", "-", "—", "–", "of"})


# --------------------------------------------------------------------------- knowledge

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
    return Knowledge(countries, entities, surface, roles, dict(raw.get("org_keywords", {})), demonym_of,
                     _people(raw.get("people", {})), tuple(raw.get("domestic_sectors", ())))


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
    return _load(os.environ.get(KNOWLEDGE_ENV) or None)


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


def slug(name: str) -> str:
    """A stable, readable id: ASCII, lower case, hyphens."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "actor"


# --------------------------------------------------------------------------- one pass over the tokens

@dataclass(frozen=True)
class _Scan:
    """Token indices each rule looks at, found in one vectorised pass (a
    Python loop over a long article's tokens costs more than all the rules)."""

    pronouns: list[int]  # he/his/she/her ...
    free_propn: list[int]  # proper nouns outside any entity
    who: list[int]
    roles: list[int]  # nouns whose lemma or form is a role noun, outside names


@lru_cache(maxsize=8)
def _hash_sets(kb: Knowledge) -> dict[str, np.ndarray]:
    def ids(words) -> np.ndarray:
        return np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)
    return {
        "pronouns": ids(MALE | FEMALE),
        "who": ids(["who"]),
        "roles": ids(kb.roles),
        "names": ids(["PERSON", "ORG", "GPE", "NORP"]),
    }


def _scan(doc: Doc, kb: Knowledge) -> _Scan:
    if len(doc) == 0:
        return _Scan([], [], [], [])
    arr = doc.to_array([LOWER, POS, ENT_TYPE, LEMMA])
    lower, pos, ent, lemma = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
    h = _hash_sets(kb)
    nouns = (pos == NOUN) | (pos == PROPN)
    roles = nouns & ~np.isin(ent, h["names"]) & (np.isin(lemma, h["roles"]) | np.isin(lower, h["roles"]))
    return _Scan(
        pronouns=np.flatnonzero((pos == PRON) & np.isin(lower, h["pronouns"])).tolist(),
        free_propn=np.flatnonzero((pos == PROPN) & (ent == 0)).tolist(),
        who=np.flatnonzero(lower == h["who"][0]).tolist(),
        roles=np.flatnonzero(roles).tolist(),
    )


# --------------------------------------------------------------------------- working state

@dataclass
class _Entity:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    gender: str | None = None  # from the name or title, or learned from a pronoun
    name_gender: str | None = None  # from the name or title only
    mentions: set[tuple[int, int]] = field(default_factory=set)

    def fill(self, country: str | None = None, sector: str | None = None, title: str | None = None) -> None:
        """Keep the first value found for each attribute."""
        self.country = self.country or country
        self.sector = self.sector or sector
        self.title = self.title or title


@dataclass
class _State:
    doc: Doc
    kb: Knowledge
    scan: _Scan
    entities: dict[str, _Entity] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # tokens already explained (names, titles)
    locatives: dict[int, list[str]] = field(default_factory=dict)  # sentence number -> countries
    antecedents: list[tuple[int, int, str, bool]] = field(default_factory=list)  # tok, sent, key, subj
    person_tokens: dict[int, str] = field(default_factory=dict)  # token index -> person key
    gov_mentions: list[tuple[int, str | None]] = field(default_factory=list)  # token index, country
    pronouns: dict[int, str] = field(default_factory=dict)  # token index -> person key
    sent_of: list[int] = field(default_factory=list)  # token index -> sentence number
    text: str = ""  # doc.text, which spaCy rebuilds on every access
    sent_start: list[int] = field(default_factory=list)  # sentence number -> first token
    gov_country: dict[int, str | None] = field(default_factory=dict)  # government noun -> country
    title_orgs: dict[str, list[str]] = field(default_factory=dict)  # person key -> orgs in title
    named: dict[int, set[str]] = field(default_factory=dict)  # sentence number -> countries it names
    appos_country: dict[str, str] = field(default_factory=dict)  # person key -> country its apposition gives

    def title_org(self, key: str) -> tuple[str | None, str | None]:
        """(country, sector) of the organisation named in a person's title or
        apposition ("CEO of Belgprombank", "a spokeswoman for the Russian Foreign Ministry")."""
        for name in self.title_orgs.get(key, ()):
            hit = self.kb.surface.get(name)
            org = self.entities.get("org:" + name) or (self.entities.get("entity:" + hit[1]) if hit else None)
            if org and (org.country or org.sector):
                return org.country, org.sector
        return None, None

    def entity(self, key: str, name: str, kind: str, **attrs) -> _Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = _Entity(key, name, kind)
        ent.fill(**attrs)
        return ent

    def mention(self, key: str, start: int, end: int) -> None:
        self.entities[key].mentions.add((start, end))


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_locative(span: TokSpan, preps: frozenset[str]) -> bool:
    """A place in a locative phrase ("in Belarus", "across Russia"), also
    when the parser misattached it (then the word before decides)."""
    head = _first_conjunct(span.root)
    if head.dep_ == "pobj" and head.head.lower_ in preps:
        return True
    i = span.start - 1
    while i >= 0 and span.doc[i].lower_ in ("the", "of"):
        i -= 1
    return i >= 0 and span.doc[i].lower_ in preps and span.doc[i].pos_ == "ADP"


def _role(kb: Knowledge, tok: Token) -> tuple[str, str | None] | None:
    return kb.roles.get(tok.lemma_.lower()) or kb.roles.get(tok.lower_)


def _country_in(kb: Knowledge, tokens) -> str | None:
    """The country a run of modifier tokens names ("Russian", "US", "White House")."""
    toks = list(tokens)
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            text = "".join(t.text_with_ws for t in toks[i:i + n]).strip()
            hit = kb.surface.get(_strip_text(text))
            if hit and hit[0] != "entity":
                return hit[1]
    return None


# --------------------------------------------------------------------------- titles

def _premodifier_tokens(doc: Doc, start: int) -> list[Token]:
    """Title-like words right before a name: "Russian foreign minister",
    "US Secretary of State", "president-elect"."""
    out: list[Token] = []
    i = start - 1
    while i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        i -= 1  # "Federal Reserve chairman Mr Greenspan"
    while i >= 0:
        t = doc[i]
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and (t.ent_type_ not in ("PERSON", "DATE", "CARDINAL")
                                                   or t.ent_type_ == "PERSON" and _role(load_knowledge(), t)):
            out.append(t)
        elif t.text in ("-", "of") and i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ") and out:
            out.append(t)
        elif t.tag_ == "POS" and i > 0 and doc[i - 1].pos_ == "PROPN" and out:
            out.append(t)  # "Iran's foreign minister"
        else:
            break
        i -= 1
    out.reverse()
    while out and out[0].text in _TITLE_EDGE:
        out.pop(0)
    return out


def _title_parts(kb: Knowledge, toks: list[Token]) -> tuple[str | None, str | None, str | None]:
    """(title, country, sector) from title words: country words are dropped
    from the title; a modifier's sector ("opposition leader") beats the head's."""
    if not toks:
        return None, None, None
    country = None
    igo = False  # "NATO Secretary General": an international body's official
    words: list[Token] = []
    i = 0
    while i < len(toks):
        matched = False
        for n in (3, 2, 1):
            chunk = toks[i:i + n]
            if len(chunk) < n:
                continue
            text = "".join(t.text_with_ws for t in chunk).strip()
            hit = kb.surface.get(_strip_text(text))
            if hit and hit[0] == "entity" and i == 0 and kb.entities[hit[1]].get("sector") == "IGO":
                igo = True
            if hit and hit[0] != "entity" and (i == 0 or toks[i - 1].text != "of"):
                country = country or hit[1]
                i += n
                matched = True
                break
        if not matched:
            if toks[i].tag_ != "POS" and toks[i].dep_ != "poss":  # "the country's minister"
                words.append(toks[i])
            i += 1
    head_sector, mod_sector = None, None
    for t in words:
        role = _role(kb, t)
        if role is None:
            continue
        if t.i == words[-1].i or role[0] == "person":
            head_sector = head_sector or role[1]
        elif role[0] in ("group", "org", "mod") and role[1] not in WEAK_MODIFIER_SECTORS:
            mod_sector = mod_sector or role[1]
    of_country = None
    for j, t in enumerate(words):
        if t.text == "of":
            of_country = _country_in(kb, words[j + 1:])
            if of_country is None and head_sector == "GOV" and any(_is_named_org(w) for w in words[j + 1:]):
                head_sector = None  # "president of ClearView Economics": the organisation decides
    title = _join(words).strip(" ,") or None
    if igo and not (country or of_country):
        return title, None, "IGO"
    return title, country or of_country, mod_sector or head_sector


def _join(tokens: list[Token]) -> str:
    """Tokens as text, with a space where a dropped token ("'s") stood."""
    out = []
    for t, nxt in zip(tokens, [*tokens[1:], None]):
        out.append(t.text + (t.whitespace_ if nxt is None or nxt.i == t.i + 1 else " "))
    return "".join(out).strip()


def _has_title_word(kb: Knowledge, toks: list[Token]) -> bool:
    return any((r := _role(kb, t)) is not None and r[0] == "person" for t in toks)


def _appositive(kb: Knowledge, root: Token) -> list[Token]:
    """Tokens of an apposition after a name, cut at clauses and at
    prepositions other than "of" ("a farmer from the village" -> "farmer")."""
    for child in root.rights:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            toks: list[Token] = []
            for t in child.subtree:
                if t.dep_ in ("relcl", "acl") or (t.dep_ == "prep" and t.lower_ != "of" and t.head.i == child.i):
                    stop = t.left_edge.i
                    toks = [x for x in toks if x.i < stop]
                    break
                toks.append(t)
            while toks and toks[0].lower_ in _TITLE_EDGE:
                toks.pop(0)
            while toks and toks[-1].is_punct:
                toks.pop()
            if _has_title_word(kb, toks) or any(_role(kb, t) for t in toks):
                return toks
    return []


def _reverse_appositive(kb: Knowledge, span: TokSpan, sent_start: int) -> list[Token]:
    """"the ex-CEO of Belgprombank, ..., Viktor Babariko": a title noun
    earlier in the same clause, before a comma that precedes the name."""
    doc = span.doc
    start = span.start
    while start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
        start -= 1  # "the country's Minister of Agriculture, Mr. Mundia Sikatana"
    if start == 0 or doc[start - 1].text != ",":
        return []
    for i in range(start - 2, max(sent_start, start - 25) - 1, -1):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON":
            return []
        role = _role(kb, t)
        if role and role[0] == "person" and t.tag_ in ("NN", "NNP"):
            left = t.i
            while left > 0 and _extends_left(doc[left - 1], doc[left]):
                left -= 1
            right = t.i + 1
            if right + 1 < len(doc) and doc[right].lower_ == "of" and doc[right + 1].pos_ == "PROPN":
                right += 2
                while right < len(doc) and doc[right].pos_ == "PROPN":
                    right += 1
            return [x for x in doc[left:right] if x.lower_ not in ("the", "a", "an")]
    return []


def _extends_left(prev: Token, cur: Token) -> bool:
    """Whether ``prev`` belongs to the title phrase that starts at ``cur``:
    "ex-CEO", "Iran's foreign minister", but never across a comma."""
    if "-" in (prev.text, cur.text) or "POS" in (prev.tag_, cur.tag_):
        return True
    return not prev.is_punct and prev.dep_ in ("amod", "compound", "poss", "nmod") and prev.head.i >= cur.i


# --------------------------------------------------------------------------- persons

def _of_country_after(st: _State, span: TokSpan) -> str | None:
    """"President Emmanuel Macron of France": the country after the name."""
    doc = st.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (doc[i + 1].lower_ == "the")
        for n in (3, 2, 1):
            hit = _lookup(st.kb, doc[j:j + n]) if j + n <= len(doc) else None
            if hit and hit[0] == "country":
                st.taken.update(range(i, j + n))
                return hit[1]
    return None


def _org_names(doc: Doc, tokens: list[Token]) -> list[str]:
    """Names of the ORG entities that ``tokens`` touch, as the org actors are keyed."""
    names = []
    for t in tokens:
        if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            names.append(_strip_text(doc[t.i:end].text))
    return names


def _is_named_org(tok: Token) -> bool:
    """An organisation named inside a title ("CEO of Belgprombank") is an actor
    of its own; a portfolio ("Secretary of State") is part of the title."""
    if tok.ent_type_ != "ORG" or tok.lower_ in PORTFOLIOS:
        return False
    return _role(load_knowledge(), tok) is None  # "Minister" inside an ORG entity is a title word


def _honorific_gender(doc: Doc, start: int) -> str | None:
    """"Mrs Merkel" -> f, "Mr Greenspan" -> m."""
    return HONORIFICS.get(doc[start - 1].lower_.rstrip(".")) if start > 0 else None


def _gender_of(kb: Knowledge, name: str, title: str | None) -> str | None:
    """A cautious guess used only to keep "she" off a man and "he" off a woman."""
    words = {w.lower().strip(".") for w in (title or "").split()}
    if words & FEMALE_TITLES:
        return "f"
    if words & MALE_TITLES:
        return "m"
    parts = name.split()
    if parts and re.search(r"(ova|eva|ina|aya|skaya|ska)$", parts[-1]):
        return "f"
    if len(parts) > 1 and parts[0].endswith("a") and parts[0].lower() not in MALE_NAMES_IN_A:
        return "f"
    return None


def _is_byline(span: TokSpan, text: str) -> bool:
    """A name alone on its line is the byline, not an actor."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return line.strip(" *_#") == span.text


def _name_span(span: TokSpan) -> TokSpan:
    """Drop a trailing possessive and a leading honorific ("Mr Greenspan's")."""
    start, end = span.start, span.end
    while end > start and span.doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    while end - start > 1 and span.doc[start].lower_.rstrip(".") in HONORIFICS:
        start += 1
    return TokSpan(span.doc, start, end, label=span.label_)


def _person_groups(spans: list[TokSpan]) -> dict[int, str]:
    """Map each person span (by start token) to a canonical full name:
    a surname alone joins the full name ending with it, nearest before
    first, else the first after."""
    full = [(s.start, s.text) for s in spans if " " in s.text]
    out: dict[int, str] = {}
    for s in spans:
        if " " in s.text:
            out[s.start] = s.text
            continue
        matches = [(i, n) for i, n in full if n.endswith(" " + s.text)] or \
            [(i, n) for i, n in full if n.startswith(s.text + " ")]
        before = [m for m in matches if m[0] < s.start]
        out[s.start] = (before[-1] if before else matches[0])[1] if matches else s.text
    return out


def _government_head(kb: Knowledge, tok: Token) -> Token | None:
    """The government noun a name or pronoun modifies ("the Lukashenko regime")."""
    head = tok.head
    if tok.dep_ in ("compound", "poss", "amod", "nmod") and head.i != tok.i:
        role = _role(kb, head)
        if role and role[0] == "gov":
            return head
    return None


def _add_persons(st: _State, spans: list[TokSpan]) -> None:
    kb, doc = st.kb, st.doc
    names = _person_groups(spans)
    for s in spans:
        full = names[s.start]
        key = "person:" + full
        ent = st.entity(key, full, "person")
        subj = s.root.dep_ in ("nsubj", "nsubjpass")
        st.antecedents.append((s.start, st.sent_of[s.start], key, subj))
        for t in s:
            st.person_tokens[t.i] = key
        st.taken.update(range(s.start, s.end))
        if _government_head(kb, s.root) is not None:
            ent.fill(sector="GOV")
            continue  # "the Obama administration" is the state, not the person
        st.mention(key, s.start_char, s.end_char)
        _read_title(st, ent, s)
        of_country = _of_country_after(st, s)
        if of_country:
            ent.fill(country=of_country)
        if ent.gender is None:
            ent.gender = ent.name_gender = _honorific_gender(doc, s.start) or _gender_of(kb, full, ent.title)


def _read_title(st: _State, ent: _Entity, s: TokSpan) -> None:
    """Title, country and sector from the words before a name, an apposition
    after it, or a title before a comma ("the ex-CEO of X, ..., Name"); the
    organisations named there are kept to give a country later."""
    kb, doc = st.kb, st.doc
    pre = _premodifier_tokens(doc, s.start)
    if pre and _has_title_word(kb, pre):
        title, country, sector = _title_parts(kb, pre)
        if country is None and sector != "IGO":  # "Texas Governor", "Bavarian premier": a region's office
            country = next((c for t in pre if t.ent_type_ == "GPE" and t.ent_iob_ == "B"
                            and (c := _place_country(_entity_text(t)))), None)
        ent.fill(country, sector, title)
        st.taken.update(t.i for t in pre if not _is_named_org(t))
    elif pre and (country := _country_in(kb, pre[-2:])) and pre[-1].dep_ in ("compound", "amod", "nmod"):
        ent.fill(country=country)  # "U.S. Colin Powell", "Iranian Kamal Kharazi"
        st.taken.update(t.i for t in pre[-2:])
    reverse = _reverse_appositive(kb, s, st.sent_start[st.sent_of[s.start]])
    for toks in (_appositive(kb, s.root), reverse):
        if toks:
            title, country, sector = _title_parts(kb, toks)
            ent.fill(country, sector, title)
            st.taken.update(t.i for t in toks if not _is_named_org(t))
    if reverse:  # "The EU special representative for X, Ana Ruiz, said": the title is the person too
        own = [t for t in reverse if not _is_named_org(t) and t.tag_ != "POS" and _country_in(kb, [t]) is None]
        own = [t for t in own if t.i >= own[-1].i - len(own) + 1] if own else own  # one contiguous run
        while own and own[-1].lower_ in _TITLE_EDGE:
            own.pop()  # "the ex-CEO of [Bank]": the title without its dangling "of"
        if own:
            st.mention(ent.key, *_span_chars(own))
    appos = [t for c in s.root.rights if c.dep_ == "appos" for t in c.subtree]
    st.title_orgs[ent.key] = st.title_orgs.get(ent.key, []) + _org_names(doc, [*pre, *appos, *reverse])
    if ent.key not in st.appos_country and (where := _appos_country(s)):
        st.appos_country[ent.key] = where


def _appos_country(s: TokSpan) -> str | None:
    """The country an apposition after a name gives: a nationality ("Ana Ortiz, a Chilean
    historian") or the place of the person's post ("a professor at a university in Hawaii",
    "a researcher from the University of Lyon in France")."""
    for child in s.root.rights:
        if child.dep_ != "appos" or child.ent_type_ == "PERSON":
            continue
        for t in child.subtree:
            if t.ent_type_ == "NORP" and t.ent_iob_ == "B" and not not_nationality(t):
                if code := country_of(_entity_text(t)):
                    return code
            if t.dep_ == "pobj" and t.ent_type_ in ("GPE", "LOC") and t.head.lower_ in ("in", "from"):
                if code := _place_country(_entity_text(t)):
                    return code
    return None


def _place_country(name: str) -> str | None:
    """A country word, or the country of a place the gazetteer knows ("Hawaii" -> USA)."""
    if code := country_of(name):
        return code
    from collections import Counter

    from .places import gazetteer, resolve

    best = resolve(gazetteer(), name, Counter())
    return best.country if best is not None else None


def _sentence_place(st: _State, sent: int) -> str | None:
    """The one country a sentence names as a place, if exactly one."""
    places = set(st.locatives.get(sent, ()))
    return places.pop() if len(places) == 1 else None


def _locative_country(st: _State, ent: _Entity) -> str | None:
    """Fallback country of a person: the country named most often as a place
    in the sentences that mention them; None on a tie."""
    counts: dict[str, int] = {}
    for sent in {a[1] for a in st.antecedents if a[2] == ent.key}:
        for c in st.locatives.get(sent, ()):
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _named_country(st: _State, ent: _Entity) -> str | None:
    """Fallback country of a titled person ("President Levy Mwanawasa ... the Zambian
    people"): the one country their sentences name, as a state, nationality or a named
    body's home. Other people's titles are not counted ("President Mitterrand welcomed
    South African leader de Klerk" leaves Mitterrand without one)."""
    named: set[str] = set()
    for sent in _sentences_of(st, ent):
        named |= st.named.get(sent, set())
    return named.pop() if len(named) == 1 else None


def _sentences_of(st: _State, ent: _Entity) -> set[int]:
    sents = {a[1] for a in st.antecedents if a[2] == ent.key}
    for start, _ in ent.mentions:
        span = st.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span):
            sents.add(st.sent_of[span.start])
    return sents


def _resolve_pronouns(st: _State) -> None:
    """he/his/she/her -> a person: the nearest compatible person earlier in
    the sentence, else the subject (or last person) of the nearest of the
    three sentences before that has one."""
    doc = st.doc
    ants = sorted(st.antecedents)
    for i in st.scan.pronouns:
        tok = doc[i]
        gender = "m" if tok.lower_ in MALE else "f"
        sent = st.sent_of[tok.i]
        cands = [a for a in ants if a[0] < tok.i and sent - a[1] <= 3
                 and st.entities[a[2]].gender in (None, gender)]
        if not cands:
            continue
        same = [a for a in cands if a[1] == sent]
        if same:
            choice = same[-1]
        else:
            last = max(a[1] for a in cands)
            in_sent = [a for a in cands if a[1] == last]
            known = [a for a in in_sent if st.entities[a[2]].name_gender == gender]
            choice = (known or [a for a in in_sent if a[3]] or in_sent)[-1]
        ent = st.entities[choice[2]]
        ent.gender = ent.gender or gender
        ent.mentions.add((tok.idx, tok.idx + len(tok)))
        st.pronouns[tok.i] = choice[2]
        ants.append((tok.i, sent, choice[2], tok.dep_ in ("nsubj", "nsubjpass")))
        ants.sort()


def _speaker_near(st: _State, tokens: range) -> str | None:
    """The person who is the subject of a speech verb among ``tokens``."""
    doc = st.doc
    for i in tokens:
        if 0 <= i < len(doc) and doc[i].lemma_ in SPEECH_VERBS:
            for child in doc[i].children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    key = st.pronouns.get(child.i) or st.person_tokens.get(child.i)
                    if key and st.entities[key].mentions:
                        return key
    return None


def _resolve_first_person(st: _State) -> None:
    """"I"/"me"/"my" inside a quotation belong to its speaker, read from the
    speech verb just before ('Lukashenko said, "I ...') or just after it."""
    doc = st.doc
    for match in QUOTE_RE.finditer(st.text):
        inside = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if inside is None:
            continue
        firsts = [t for t in inside if t.lower_ in FIRST_PERSON and t.pos_ == "PRON"]
        if not firsts:
            continue
        key = (_speaker_near(st, range(inside.start - 1, inside.start - 7, -1))
               or _speaker_near(st, range(inside.end, inside.end + 6)))
        if key:
            for t in firsts:
                st.entities[key].mentions.add((t.idx, t.idx + len(t)))


# --------------------------------------------------------------------------- candidates

def _candidates(doc: Doc, matcher: PhraseMatcher) -> list[TokSpan]:
    """Knowledge-file matches and spaCy entities (without a leading "the"),
    longest first where they overlap."""
    spans = [doc[s:e] for _, s, e in matcher(doc)]
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            if len(ent) > 1 and ent[0].lower_ == "the":
                ent = TokSpan(doc, ent.start + 1, ent.end, label=ent.label_)
            spans.append(ent)
    return filter_spans(spans)


def _lookup(kb: Knowledge, span: TokSpan) -> tuple[str, str] | None:
    return kb.surface.get(span.text) or kb.surface.get(_strip_text(span.text))


def _is_modifier_of_actor(kb: Knowledge, span: TokSpan) -> bool:
    """"Russian" in "Russian media", "US" in "US officials": a nationality,
    read by the actor it modifies, not a mention of the state."""
    root = span.root
    if root.dep_ not in ("amod", "compound", "nmod", "npadvmod") or root.head.i == root.i:
        return False
    head = root.head
    return head.ent_type_ == "PERSON" or _role(kb, head) is not None


def _person_spans(st: _State, spans: list[TokSpan]) -> tuple[list[TokSpan], list[TokSpan]]:
    """Split candidates into people and the rest. An ORG/GPE that is a known
    surname, a name in the knowledge file's people, or is followed by ", who", is a
    person the tagger mislabelled."""
    doc = st.doc
    persons, rest = [], []
    orgs = {s.text for s in spans if s.label_ == "ORG" or _org_noun_before(st.kb, s)}
    for s in spans:
        if s.label_ != "PERSON" or _is_byline(s, st.text) or _is_locative(s, PERSON_LOCATIVE_PREPS):
            continue
        if _org_noun_before(st.kb, s) or s.text in orgs:  # "the newspaper Novaya Gazeta"; "oil giant Yukos"
            rest.append(TokSpan(doc, s.start, s.end, label="ORG"))
            continue
        start = s.start
        while start < s.end - 1 and (r := _role(st.kb, doc[start])) is not None and r[0] == "person":
            start += 1  # "King Albert II": the title is read as a premodifier
        name = _name_span(doc[start:s.end])
        if len(name) and not (len(name) == 1 and _role(st.kb, name[0])):
            persons.append(name)
    persons += _untagged_who(doc, st.scan.who)
    surnames = {s.text.rsplit(" ", 1)[-1] for s in persons}
    full_surnames = {s.text.rsplit(" ", 1)[-1] for s in persons if " " in s.text}
    persons += [doc[i:i + 1] for i in st.scan.free_propn  # "Macron spoke": a surname the tagger missed
                if doc[i].text in full_surnames]
    for s in spans:
        if s.label_ == "PERSON":
            continue
        is_person = False
        if s.label_ in ("ORG", "GPE") and _lookup(st.kb, s) is None:
            nxt = doc[s.end:s.end + 2]
            is_person = s.text in surnames or s.text in st.kb.people or (
                len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ == "who")
        (persons if is_person else rest).append(_name_span(s) if is_person else s)
    persons.sort(key=lambda s: s.start)
    return persons, rest


def _org_noun_before(kb: Knowledge, span: TokSpan) -> bool:
    """A "person" right after an organisation noun is the organisation's name."""
    if span.start == 0:
        return False
    role = _role(kb, span.doc[span.start - 1])
    return role is not None and role[0] == "org"


def _untagged_who(doc: Doc, who: list[int]) -> list[TokSpan]:
    """A proper noun the tagger missed, followed by ", who", is a person."""
    out = []
    for i in who:
        tok = doc[i]
        if (tok.i >= 2 and doc[tok.i - 1].text == ","
                and doc[tok.i - 2].pos_ == "PROPN" and not doc[tok.i - 2].ent_type_):
            end = start = tok.i - 2
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
                start -= 1
            out.append(doc[start:end + 1])
    return out


def _dated(st: _State, name: str, phoenix: bool = True) -> tuple[str | None, str | None] | None:
    """(country, sector) of a named actor on the article's date, from the actor knowledge base
    (``newsgraph.knowledge``): the text has not said, so the role held that day decides."""
    from ..knowledge import lookup

    words = name.split()
    for i in range(max(1, len(words) - 1)):  # "Mawlawi Ana Ruiz": an honorific the tagger kept
        if (hit := lookup(" ".join(words[i:]), st.doc._.published, phoenix=phoenix)) is not None:
            return hit
    return None


def _add_state(st: _State, a3: str, start: int, end: int) -> None:
    entry = st.kb.countries.get(a3, {"name": a3})
    st.entity("state:" + a3, entry["name"], "state", country=a3, sector="GOV")
    st.mention("state:" + a3, start, end)


def _add_org(st: _State, span: TokSpan, sector: str | None = None) -> None:
    """An organisation; country and sector from its name, premodifiers
    ("the Russian state gas company Gazprom") or apposition ("Belgprombank,
    a Belarusian subsidiary")."""
    kb, doc = st.kb, st.doc
    span = _name_span(span)
    name = _strip_text(span.text)
    known = kb.entities.get(name, {})
    if (dated := _dated(st, name, phoenix=not known)) is not None:
        known = {"country": dated[0], "sector": dated[1]}  # "Baloch Liberation Army": the knowledge base
    sector = sector or known.get("sector") or next(
        (kb.org_keywords[t.text] for t in span if t.text in kb.org_keywords), None)
    country = known.get("country")
    if not known and (body := _igo_prefix(kb, span)):
        sector = sector or kb.entities[body].get("sector")  # "United Nations Emergency Relief Coordinator"
    for toks in (_premodifier_tokens(doc, span.start), _appositive(kb, span.root), _appos_head(span)):
        if toks and any(_role(kb, t) for t in toks):
            _, c, s = _title_parts(kb, toks)
            country, sector = country or c, sector or s
    if country is None and not known:
        country = _country_in(kb, [t for t in span if not not_nationality(t)])  # "Syrian Observatory ..."
    ent = st.entity("org:" + name, name, "organization", country=country, sector=sector)
    st.mention(ent.key, span.start_char, span.end_char)
    if country:
        st.named.setdefault(st.sent_of[span.start], set()).add(country)


def _igo_prefix(kb: Knowledge, span: TokSpan) -> str | None:
    """The international body a longer name opens with ("United Nations Emergency Relief
    Coordinator", "EU Naval Force"): a part or office of it."""
    for end in range(span.end - 1, span.start, -1):
        hit = kb.surface.get(_strip_text(span.doc[span.start:end].text))
        if hit and hit[0] == "entity" and kb.entities[hit[1]].get("sector") == "IGO":
            return hit[1]
    return None


def _appos_head(span: TokSpan) -> list[Token]:
    """"the company, Gazprom": the noun phrase a name is in apposition to."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        return [t for t in _left_phrase(head) if t.i < span.start and t.lower_ not in ("the", "a", "an")]
    return []


def _left_phrase(tok: Token) -> list[Token]:
    """A noun's left modifiers and the noun itself."""
    return [t for t in tok.doc[tok.left_edge.i:tok.i + 1]]


def _add_known(st: _State, span: TokSpan, hit: tuple[str, str]) -> None:
    """A knowledge-file match: a state acting, a nationality, an IGO or group."""
    kind, key = hit
    kb = st.kb
    sent = st.sent_of[span.start]
    country = kb.entities[key].get("country") if kind == "entity" else key
    if _currency(span):
        return  # "US $50 million", "US dollars": a currency, not the state
    if kind != "entity" and _in_title(kb, span):
        return  # "the US commander in Iraq": where an office is, not where the sentence is
    if country and not _of_one_person(kb, span) and not not_nationality(span[0]) and not posted_to(kb, span):
        # not "the US commander" (that person's country) nor "ethnic Albanians"
        st.named.setdefault(sent, set()).add(country)
    if kind == "entity":
        info = kb.entities[key]
        country, sector = _dated(st, key, phoenix=False) or (info.get("country"), info.get("sector"))
        st.entity("entity:" + key, key, info["kind"], country=country, sector=sector)
        st.mention("entity:" + key, span.start_char, span.end_char)
        return
    if kind == "demonym":
        if span.root.tag_ in ("NNPS", "NNS") and span.root.dep_ in ARGUMENT_DEPS and not _is_modifier_of_actor(kb, span):
            country = None if not_nationality(span[0]) else key  # "ethnic Albanians" live anywhere
            ent = st.entity(f"group:{country}:-:{span.text}", span.text, "group", country=country)
            st.mention(ent.key, span.start_char, span.end_char)
        return
    preps = COUNTRY_LOCATIVE_PREPS if kind == "country" else CAPITAL_LOCATIVE_PREPS
    if _is_locative(span, preps) and not _destination_of_act(span):
        # "nervousness in the Kremlin" and "a visit to Oslo" do not say where a sentence is
        if kind != "seat" and _is_locative(span, PLACE_PREPS):
            st.locatives.setdefault(sent, []).append(key)
        return
    if _is_modifier_of_actor(kb, span):
        return
    if span.root.dep_ in ("compound", "amod", "nmod"):
        st.locatives.setdefault(sent, []).append(key)  # "US elections" places the sentence
    _add_state(st, key, span.start_char, span.end_char)


def _of_one_person(kb: Knowledge, span: TokSpan) -> bool:
    """Is a country word one person's nationality ("the US commander", "South African leader")?"""
    head = span.root.head
    role = _role(kb, head)
    return _is_modifier_of_actor(kb, span) and head.tag_ == "NN" and role is not None and role[0] == "person"


def posted_to(kb: Knowledge, span: TokSpan) -> bool:
    """"the ambassador to Chile", "the envoy for Haiti", "the minister for Andean affairs":
    the country an office deals with, which says nothing of its holder's nationality."""
    tok = span.root
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in ("affair", "affairs", "relation"):
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "for"):
        return False
    role = _role(kb, tok.head.head)
    return role is not None and role[0] == "person"


def _currency(span: TokSpan) -> bool:
    """Is a country word part of a currency ("US $50 million", "US dollars")?"""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span.root.ent_type_ == "MONEY" or (nxt is not None and nxt.text[:1] in "$€£¥")


def _in_title(kb: Knowledge, span: TokSpan) -> bool:
    """Is a country or capital the place of a person's office ("the US commander in Iraq",
    "the ambassador in Moscow")?"""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "in":
        return False
    role = _role(kb, prep.head)
    return role is not None and role[0] == "person" and prep.head.tag_ == "NN"  # not "rebels in"


def _destination_of_act(span: TokSpan) -> bool:
    """"a visit by Lavrov to Minsk", "an envoy to Beijing": a capital after "to" on a noun
    is the party the act is directed at (metonymy), not only where it goes."""
    head = _first_conjunct(span.root)
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "NOUN" and prep.head.i != prep.i


def _place_of(span: TokSpan) -> bool:
    """"the village of Ostriv": a name after a place noun and "of" is a place."""
    head = span.root.head
    return (span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS)


def _add_unlabelled_press(st: _State) -> None:
    """A proper noun the tagger missed that "reported" or "wrote" is a news outlet
    ("The *Nezavisimaya Gazeta* reported")."""
    doc = st.doc
    for i in st.scan.free_propn:
        tok = doc[i]
        if (tok.dep_ == "nsubj" and tok.i not in st.taken
                and tok.head.lemma_ in REPORT_VERBS):
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            _add_org(st, doc[start:tok.i + 1], sector="MED")


# --------------------------------------------------------------------------- role nouns

def _modifiers(tok: Token) -> list[Token]:
    """Left modifiers of a noun (adjectives, compounds, possessors) with their own modifiers."""
    out: list[Token] = []
    for child in tok.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod"):
            out.extend(child.subtree)
    hyphened = {t.i for t in out if t.i > 0 and t.doc[t.i - 1].text == "-"}  # "US-led", "Syrian-backed"
    return [t for t in out if (not t.is_punct or t.text == "-") and t.lower_ not in FILLER_MODIFIERS
            and (t.tag_ not in ("VBN", "VBG", "DT", "PDT") or t.i in hyphened)]


def _country_of_token(st: _State, tok: Token) -> str | None:
    """The country a modifier or possessor stands for: a country word, a
    person ("the Lukashenko regime"), a pronoun resolved to one ("his government")
    or a listed organisation with a country ("Hezbollah guerrillas")."""
    key = st.pronouns.get(tok.i) or st.person_tokens.get(tok.i)
    if key is not None:
        return st.entities[key].country
    text = tok.text
    if tok.ent_type_ in ("GPE", "LOC"):  # "Northern Ireland" is not "Ireland"
        text = _entity_text(tok)
    hit = st.kb.surface.get(text) or st.kb.surface.get(_strip_text(text))
    if hit and not not_nationality(tok):
        return st.kb.entities[hit[1]].get("country") if hit[0] == "entity" else hit[1]
    return None


def _entity_text(tok: Token) -> str:
    """The text of the named entity a token is part of."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


_PATRON_PARTICIPLES = {"backed", "sponsored", "funded", "supported", "allied", "aligned", "armed", "trained"}


_REGION_WORDS = {"latin", "south", "north", "central"}


def not_nationality(tok: Token) -> bool:
    """Is this country word not the actor's nationality? "pro-Russia rebels", "Syrian-backed
    militia": a cause or a patron ("US-led forces" are the US's, and stay so); "Latin
    American", "South American": a region; "ethnic Albanians": an ethnicity, coded by where
    they live, as CAMEO coders do."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"):
        return True
    if tok.i >= 1 and doc[tok.i - 1].lower_ == "ethnic":
        return True
    if tok.lower_ == "american" and tok.i >= 1:
        prev = doc[tok.i - 2] if doc[tok.i - 1].text == "-" and tok.i >= 2 else doc[tok.i - 1]
        if prev.lower_ in _REGION_WORDS:
            return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in _PATRON_PARTICIPLES


def _of_object(tok: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    """The object of a preposition after a noun ("officials of his government")."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _np_country(st: _State, tok: Token, mods: list[Token]) -> str | None:
    for m in mods:
        c = _country_of_token(st, m)
        if c:
            return c
    obj = _of_object(tok, ("of", "in", "from"))  # "officials of his government", "a court in Guyana"
    if obj is not None:
        for t in [*_modifiers(obj), obj]:
            c = _country_of_token(st, t) or st.gov_country.get(t.i)
            if c:
                return c
    return None


def _np_sector(kb: Knowledge, mods: list[Token], default: str | None) -> str | None:
    """A modifier's sector ("opposition leaders", "military government") beats the noun's."""
    for m in mods:
        role = _role(kb, m)
        if role and role[0] in ("group", "org", "mod") and role[1] not in WEAK_MODIFIER_SECTORS:
            return role[1]
    return default


def _nearest_government(st: _State, tok: Token) -> str | None:
    """The country of the nearest earlier government mention, or government
    person, within three sentences: "the government" after "the Lukashenko government"."""
    sent = st.sent_of[tok.i]
    best: tuple[int, str] | None = None
    for i, c in st.gov_mentions:
        if i < tok.i and c and sent - st.sent_of[i] <= 5:
            best = (i, c)
    for i, _, key, _ in st.antecedents:
        ent = st.entities[key]
        if i < tok.i and ent.sector == "GOV" and ent.country and sent - st.sent_of[i] <= 5:
            if best is None or i > best[0]:
                best = (i, ent.country)
    return best[1] if best else None


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _phrase(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _add_government(st: _State, tok: Token, mods: list[Token]) -> None:
    """"the Lukashenko regime", "his government", "the Ukrainian governments":
    the state actor of that country (a military government is its own group)."""
    kb = st.kb
    if any(m.pos_ == "NOUN" and m.dep_ == "compound" and _role(kb, m) is None for m in mods):
        return  # "sanctions regime", "tax administration"
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.lefts):
        return
    named = [m for m in mods if m.i in st.person_tokens]
    country = _np_country(st, tok, mods)
    if country is None and any(m.pos_ == "PROPN" and m.dep_ == "compound" for m in mods):
        country = _sentence_place(st, st.sent_of[tok.i])  # "the Macron government" in a French sentence
    if country is None and not named and tok.lemma_.lower() not in BARE_GOVERNMENT:
        return  # "the leadership of the country": too vague on its own
    if country is None and not named and tok.tag_ == "NNS":  # "Western governments": several, none named
        own = [m for m in mods if m.dep_ != "poss" and m.lower_ not in ("the", "a")]
        start, end = _span_chars(own + [tok] if own and own[0].i < tok.i else [tok])
        ent = st.entity(f"group:None:GOV:{st.text[start:end]}", st.text[start:end], "group", sector="GOV")
        st.mention(ent.key, start, end)
        return
    country = country or _nearest_government(st, tok)
    for m in named:
        st.entities[st.person_tokens[m.i]].fill(country=country, sector="GOV")
    sector = _np_sector(kb, mods, "GOV")
    own = [m for m in mods if m.dep_ != "poss" and m.i not in st.pronouns and m.lower_ not in ("the", "a")]
    start, end = _span_chars(own + [tok] if own and own[0].i < tok.i else [tok])
    st.gov_mentions.append((tok.i, country))
    st.gov_country[tok.i] = country
    if sector == "GOV" and country:
        _add_state(st, country, start, end)
        return
    words = _phrase([m for m in own if _country_of_token(st, m) is None] + [tok])
    name = _with_demonym(kb, country, words)
    ent = st.entity(f"group:{country}:{sector}:{tok.lemma_}", name, "group", country=country, sector=sector)
    st.mention(ent.key, start, end)


def _with_demonym(kb: Knowledge, country: str | None, words: str) -> str:
    if country and country in kb.demonym_of:
        return f"{kb.demonym_of[country]} {words}"
    return words


def _add_role_group(st: _State, tok: Token, role: tuple[str, str | None], mods: list[Token]) -> None:
    """"the Belarusian police", "political experts", "Iran's top nuclear
    scientist", "trade unions": a group (or an unnamed person) named by its role."""
    kb = st.kb
    kind, sector = role
    plural = tok.tag_ in ("NNS", "NNPS") or kind == "group"
    country = _np_country(st, tok, mods)
    possessed = any(m.dep_ == "poss" and m.i not in st.pronouns for m in mods)
    if kind == "person" and not plural and _titled_antecedent(st, tok, mods, country):
        return  # "the president", "the French president": the person named with that title
    if (kind == "org" and not plural) or (kind == "person" and not plural and not (country or possessed)):
        return  # "a leader", "the company": coreference we do not attempt
    if tok.lower_ in NEEDS_MODIFIER and not (country or any(_role(kb, m) for m in mods)):
        return  # "forces such as ...", but "Syrian forces", "security forces"
    if not country and tok.dep_ in ("conj", "compound"):  # "Russian officials and businesses",
        head_mods = [m for m in _modifiers(tok.head) if m.i != tok.i and m.head.i == tok.head.i]
        country = _np_country(st, tok.head, head_mods) if tok.dep_ == "conj" else \
            next((c for m in head_mods if (c := _country_of_token(st, m))), None)  # "Russian press reports"
    sector = _np_sector(kb, mods, sector)
    keep = [m for m in mods if m.i not in st.pronouns and m.lower_ not in ("the", "a", "an")]
    tokens = (keep + [tok]) if keep and keep[0].i < tok.i else [tok]
    tokens = [t for t in tokens if t.i >= tokens[0].i]
    start, end = _span_chars(tokens)
    if plural:
        named = [m for m in keep if m.dep_ != "poss" and m.head.dep_ != "poss"] + [tok]
        says_whose = _country_in(kb, named) or any(kb.surface.get(t.text, ("",))[0] == "entity" for t in named)
        name = _phrase(named) if says_whose else _with_demonym(kb, country, _phrase(named))  # not "Turkish PKK rebels"
        key = f"group:{country}:{sector}:{tok.lemma_}"
        ent = st.entity(key, name, "group", country=country, sector=sector)
    else:
        name = st.text[start:end]
        ent = st.entity("person:" + name, name, "person", country=country, sector=sector)
    st.mention(ent.key, start, end)


def _titled_antecedent(st: _State, tok: Token, mods: list[Token], country: str | None) -> bool:
    """"President Ana Ortiz ... the president", "the foreign minister": a definite title noun is
    the person last named with that title (of that country, if it names one). The mention is
    added to that person; False when no earlier person holds the title."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts)
    if not (definite or (country and any(m.dep_ == "poss" for m in mods))):
        return False
    words = [m.lower_ for m in mods if m.pos_ in ("ADJ", "NOUN", "PROPN") and _country_of_token(st, m) is None]
    phrase = " ".join([*words, tok.lower_])
    best: tuple[int, str] | None = None
    for i, _, key, _ in st.antecedents:
        ent = st.entities[key]
        title = (ent.title or "").lower()
        if i >= tok.i or not title or not re.search(rf"\b{re.escape(phrase)}\b", title):
            continue
        if country and ent.country and ent.country != country:
            continue
        if best is None or i > best[0]:
            best = (i, key)
    if best is None:
        return False
    start, end = _span_chars([*[m for m in mods if m.i >= tok.left_edge.i and m.lower_ not in ("the", "a")], tok])
    st.mention(best[1], start, end)
    st.antecedents.append((tok.i, st.sent_of[tok.i], best[1], tok.dep_ in ("nsubj", "nsubjpass")))
    st.antecedents.sort()
    return True


def _add_role_nouns(st: _State) -> None:
    kb = st.kb
    for i in st.scan.roles:
        if i in st.taken:
            continue
        tok = st.doc[i]
        role = _role(kb, tok)
        if role is None or role[0] == "mod":
            continue
        head = tok.head
        if tok.dep_ in ("compound", "amod", "nmod") and head.i != tok.i and _role(kb, head) and head.i not in st.taken:
            continue  # part of a larger role phrase: "opposition leaders"
        if tok.dep_ == "compound" and role[1] in WEAK_MODIFIER_SECTORS and tok.head.lemma_ not in REPORT_NOUNS:
            continue  # "press conference", "public inquiry"; but "media reports" speak
        mods = _modifiers(tok)
        if role[0] == "gov":
            _add_government(st, tok, mods)
        else:
            _add_role_group(st, tok, role, mods)


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "de", "al"})


def _initials(name: str) -> str:
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _ACRONYM_SKIP and w[0].isalpha()).upper()


def _merge_acronyms(st: _State) -> None:
    """"the Northern Freedom Front (NFF) ... the NFF said": an acronym is the organisation whose
    initials it spells, when exactly one named in the article does."""
    orgs = [e for e in st.entities.values() if e.kind in ("organization", "group") and " " in e.name]
    for key, ent in list(st.entities.items()):
        if ent.kind != "organization" or not re.fullmatch(r"[A-Z]{2,6}", ent.name):
            continue
        if ent.country or ent.sector:
            continue
        full = [o for o in orgs if _initials(o.name) == ent.name]
        if len(full) == 1:
            full[0].mentions |= ent.mentions
            del st.entities[key]


def _merge_bare_groups(st: _State) -> None:
    """"the opposition" joins "the Belarusian opposition" when only one
    country's opposition is named."""
    for key, ent in list(st.entities.items()):
        if not key.startswith("group:None:"):
            continue
        _, _, sector, lemma = key.split(":", 3)
        same = [e for k, e in st.entities.items()
                if k.startswith("group:") and k.endswith(f":{sector}:{lemma}") and e.country]
        if len(same) == 1:
            same[0].mentions |= ent.mentions
            del st.entities[key]


# --------------------------------------------------------------------------- the component

def _sentence_numbers(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's sentence number, and each sentence's first token (one
    sentence when nothing set boundaries, so the rules still run)."""
    out, starts = [0] * len(doc), []
    if not doc.has_annotation("SENT_START"):
        return out, [0]
    for n, sent in enumerate(doc.sents):
        starts.append(sent.start)
        for i in range(sent.start, sent.end):
            out[i] = n
    return out, starts


def extract_actors(doc: Doc, kb: Knowledge, matcher: PhraseMatcher) -> list[Actor]:
    """All actors of a parsed doc, in order of first mention, with stable ids."""
    sent_of, sent_start = _sentence_numbers(doc)
    st = _State(doc, kb, _scan(doc, kb), sent_of=sent_of, sent_start=sent_start, text=doc.text)
    fenced = not_actor_spans(st.text)  # "QUITO, May 2 (Reuters) -", "By Jane Doe"
    candidates = [s for s in _candidates(doc, matcher)
                  if not any(a < s.end_char and s.start_char < b for a, b in fenced)]
    persons, rest = _person_spans(st, candidates)
    _add_persons(st, persons)
    for span in rest:
        if any(i in st.taken for i in range(span.start, span.end)):
            continue
        st.taken.update(range(span.start, span.end))
        hit = _lookup(kb, span)
        if hit is not None:
            _add_known(st, span, hit)
        elif _place_of(span):
            continue
        elif span.text[:1].isdigit():
            continue  # "280bn" tagged ORG
        elif span.label_ == "ORG" or _org_noun_before(kb, span) or (
                span.label_ == "GPE" and (_appos_head(span) or _appositive(kb, span.root))):
            _add_org(st, span)
    _add_unlabelled_press(st)
    _merge_acronyms(st)
    for ent in st.entities.values():
        if ent.kind == "person" and ent.country is None:
            country, sector = st.title_org(ent.key)
            ent.fill(country=country, sector=sector)
            if ent.sector != "IGO":
                ent.fill(country=st.appos_country.get(ent.key))
            if ent.country is None and ent.sector != "IGO" and (dated := _dated(st, ent.name)) is not None:
                ent.fill(country=dated[0], sector=dated[1])  # "Obama" in 2012: USA GOV; in 2019: USA
                if ent.country is None and dated[1] == "IGO":
                    ent.sector = "IGO"
            if ent.country is None and ent.sector != "IGO" and ent.name in kb.people:
                country, sector = kb.people[ent.name]  # "Putin": the knowledge file's people
                ent.fill(country=country, sector=sector)
            if ent.country is None and ent.sector != "IGO":  # an IGO official has no country
                ent.fill(country=_locative_country(st, ent))
            if ent.country is None and ent.title and ent.sector != "IGO":
                ent.fill(country=_named_country(st, ent))
    _resolve_pronouns(st)
    _resolve_first_person(st)
    _add_role_nouns(st)
    _merge_bare_groups(st)
    return _assemble(st)


def unique_id(name: str, used: Collection[str]) -> str:
    """A stable actor id: the name's slug, numbered when an earlier actor has it."""
    base = slug(name) or "actor"
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}-{n}"
    return ident


def _assemble(st: _State) -> list[Actor]:
    ents = sorted((e for e in st.entities.values() if e.mentions), key=lambda e: (min(e.mentions), e.key))
    actors, used = [], set()
    for e in ents:
        ident = unique_id(e.name, used)
        used.add(ident)
        actors.append(Actor(id=ident, name=e.name, kind=e.kind, country=e.country, sector=e.sector,
                            title=e.title, mentions=[Span.model_construct(start=s, end=t)
                                                     for s, t in sorted(e.mentions)]))
    return actors


class ActorExtractor:
    """The spaCy component: knowledge and matcher are built once, here."""

    def __init__(self, nlp: Language, name: str = "newsgraph_actors") -> None:
        register_extensions()
        self.name = name
        self.kb = load_knowledge()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = sorted(t for t, (kind, _) in self.kb.surface.items() if kind != "demonym" or t[:1].isupper())
        self.matcher.add("KNOWN", list(nlp.tokenizer.pipe(surfaces)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = extract_actors(doc, self.kb, self.matcher)
        return doc


@Language.factory("newsgraph_actors", assigns=["doc._.actors"],
                  requires=["token.dep", "token.pos", "token.lemma", "doc.ents"])
def make_actors(nlp: Language, name: str) -> ActorExtractor:
    return ActorExtractor(nlp, name)
