"""The working state of one pass over a Doc, and the token helpers every rule shares.

``_scan`` finds, in one vectorised pass, the tokens each rule looks at; ``_State`` holds the
entities found so far and what the rules learn about the text (which tokens are taken, which
countries each sentence is set in, who the antecedents of a pronoun may be).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from spacy.attrs import ENT_TYPE, LEMMA, LOWER, POS
from spacy.parts_of_speech import ADJ, NOUN, PRON, PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .knowledge import Knowledge

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})


@dataclass(frozen=True)
class _Scan:
    """Token indices each rule looks at, found in one vectorised pass (a
    Python loop over a long article's tokens costs more than all the rules)."""

    pronouns: list[int]  # he/his/she/her ...
    free_propn: list[int]  # proper nouns outside any entity
    who: list[int]
    roles: list[int]  # nouns (and adjectives: "military") whose lemma or form is a role or agent noun, outside names


@lru_cache(maxsize=8)
def _hash_sets(kb: Knowledge) -> dict[str, np.ndarray]:
    def ids(words) -> np.ndarray:
        return np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)
    phrase_heads = {p.rsplit(" ", 1)[1] for p in kb.agent_phrases}  # "guard" of "coast guard"
    return {
        "pronouns": ids(MALE | FEMALE),
        "who": ids(["who"]),
        "roles": ids([*kb.roles, *kb.agents, *phrase_heads]),
        "names": ids(["PERSON", "ORG", "GPE", "NORP"]),
    }


def _isin(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``np.isin(values, ids)`` for the sorted ``ids`` of ``_hash_sets``, by bisection:
    ``np.isin`` sorts both arrays on every call (16 % of the actor layer's time)."""
    if not len(ids):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(ids, values)
    at[at == len(ids)] = 0
    return ids[at] == values


def _scan(doc: Doc, kb: Knowledge) -> _Scan:
    if len(doc) == 0:
        return _Scan([], [], [], [])
    arr = doc.to_array([LOWER, POS, ENT_TYPE, LEMMA])
    lower, pos, ent, lemma = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]
    h = _hash_sets(kb)
    nouns = (pos == NOUN) | (pos == PROPN)
    roles = (nouns | (pos == ADJ)) & ~_isin(ent, h["names"]) & (_isin(lemma, h["roles"]) | _isin(lower, h["roles"]))
    return _Scan(
        pronouns=np.flatnonzero((pos == PRON) & _isin(lower, h["pronouns"])).tolist(),
        free_propn=np.flatnonzero((pos == PROPN) & (ent == 0)).tolist(),
        who=np.flatnonzero(lower == h["who"][0]).tolist(),
        roles=np.flatnonzero(roles).tolist(),
    )


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
    described: dict[str, str] = field(default_factory=dict)  # person key -> country its describing noun gives
    bodies: set[str] = field(default_factory=set)  # keys of groups named by one body noun ("the coast guard")
    speaks_for: dict[str, list[int]] = field(default_factory=dict)  # person key -> head tokens of its bodies
    unnamed_speakers: set[str] = field(default_factory=set)  # "a spokesman for the army": no name of its own
    aged: set[str] = field(default_factory=set)  # person keys the text gives an age ("Ana Ruiz, 34,")
    weak_titles: dict[str, str | None] = field(default_factory=dict)  # person key -> sector of a former or courtesy title

    def title_org(self, key: str) -> tuple[str | None, str | None]:
        """(country, sector) of the organisation named in a person's title or
        apposition ("CEO of Belgprombank", "a spokeswoman for the Russian Foreign Ministry")."""
        for name in self.title_orgs.get(key, ()):
            hit = self.kb.surface.get(name)
            org = self.entities.get("org:" + name) or (self.entities.get("entity:" + hit[1]) if hit else None)
            if org and (org.country or org.sector):
                return org.country, org.sector
        for name in self.title_orgs.get(key, ()):  # not an actor of its own: its name's keywords
            if sector := next((self.kb.org_keywords[w] for w in name.split() if w in self.kb.org_keywords), None):
                return None, sector
        return None, None

    def entity(self, key: str, name: str, kind: str, **attrs) -> _Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = _Entity(key, name, kind)
        ent.fill(**attrs)
        return ent

    def mention(self, key: str, start: int, end: int) -> None:
        self.entities[key].mentions.add((start, end))


def _entity_text(tok: Token) -> str:
    """The text of the named entity a token is part of."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _phrase(tokens: list[Token]) -> str:
    """The words of these tokens as the text spaces them, with a space where tokens between two
    were left out (the "radical" opposition, less its quotes, is not "radicalopposition"), but
    a hyphen inside a word left out is put back ("al-Nur", not "al Nur")."""
    out = []
    for t, nxt in zip(tokens, [*tokens[1:], None]):
        out.append(t.text_with_ws)
        if nxt is None or nxt.i == t.i + 1 or t.whitespace_:
            continue
        left_out = t.doc[t.i + 1:nxt.i]
        inner = all(s.text == "-" and not s.whitespace_ for s in left_out)
        out.append("-" * len(left_out) if inner else " ")
    return "".join(out).strip()
