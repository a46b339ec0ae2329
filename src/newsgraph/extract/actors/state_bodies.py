"""Public bodies named by a common noun and a country word: "the Ruritanian intelligence agency".

A state's agency, commission, council or fleet is often told only by its kind and its country
("Ruritania's electoral commission", "the Ruritanian Pacific fleet"). The Phoenix agent phrases
read some ("election commission", "supreme court", :func:`.roles._agent_group`); the rest became
the state of the country word, or nothing once the state was named elsewhere, so the body that
acts was not found. A definite singular of a noun of ``data/state_bodies.tsv`` whose own
modifiers name one country, and whose phrase holds no other actor's name, is one body (a group
actor named by the phrase) with that country and the sector of the modifier nearest the noun,
else the row's. The state's mention of the country word inside the phrase moves to the body.
Not read: an indefinite or plural noun ("a Ruritanian agency", "agencies": a kind, not a party),
a country told only by an of-phrase ("the council of the region"), two countries, a person's or
a company's body ("Ana Ruiz's office", "the Acme board"), a compound ("agency officials"). A phrase
in apposition with a name describes it: the name's actor takes the phrase and, if it has none, the
country.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Token

from ..tokens import lower_of, token_view
from .bodies import definite
from .groups import _named_inside, head_table
from .knowledge import _role, agent_phrase, agent_sector
from .roles import _country_of_token, _known, _modifiers
from .state import _entity_text, _span_chars, _State
from .titles import PORTFOLIOS, WEAK_MODIFIER_SECTORS


@lru_cache(maxsize=1)
def body_words() -> tuple[dict[str, str | None], dict[str, str], frozenset[str]]:
    """(head noun -> sector or None, modifier word -> sector, heads read bare), from
    ``data/state_bodies.tsv``."""
    return head_table("state_bodies.tsv", "bare")


def add_state_bodies(st: _State) -> None:
    """Make a body actor of each definite singular body noun a country word modifies. The tag,
    label and lemma are read from the token view (a Token for every token of the Doc cost more
    than the rule); a Token is made only for a body noun."""
    heads = body_words()[0]
    doc = st.doc
    view = token_view(doc)
    tags, deps, lemmas = view.tag, view.dep, view.lemma
    for i, tag in enumerate(tags):
        if (tag != _NN and tag != _NNP) or deps[i] == _COMPOUND or i in st.taken:
            continue
        lemma = lower_of(doc, lemmas[i])
        if lemma not in heads:
            continue
        tok = doc[i]
        if tag == _NNP and not _untagged_name(tok):
            continue
        if definite(tok) and not agent_phrase(st.kb, tok):
            _add_body(st, tok, heads[lemma])


_NN, _NNP, _COMPOUND = get_string_id("NN"), get_string_id("NNP"), get_string_id("compound")


def _untagged_name(tok: Token) -> bool:
    """A capitalised body's name the tagger left without an entity ("the Ruritanian Northern
    Fleet" read as no name): its head and every word before it capitalised, none in an entity."""
    words = [t for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det"]
    return all(not t.ent_type_ and (t.is_title or t.text == "-") for t in words)


def _country_word(st: _State, tok: Token) -> str | None:
    """The country a modifier names as a country or nationality word; not a capital or a seat of
    government ("the Ruritanian capital's bureau" of a newspaper), which names a place here."""
    country = _country_of_token(st, tok)
    if country is not None:
        hit = _known(st.kb, _entity_text(tok) if tok.ent_type_ else tok.text)
        if hit is not None and hit[0] in ("capital", "seat"):
            return None
    return country


def _named(tok: Token) -> Token | None:
    """The name in apposition that the phrase describes ("the Ruritanian watchdog, the Fair Trade
    Office," / "the Fair Trade Office, the Ruritanian watchdog"), else None."""
    if tok.dep_ == "appos" and (tok.head.ent_type_ or tok.head.pos_ == "PROPN"):
        return tok.head
    return next((c for c in tok.rights if c.dep_ == "appos" and (c.ent_type_ or c.pos_ == "PROPN")), None)


def _describe(st: _State, name: Token, start: int, end: int, country: str, sector: str) -> bool:
    """The described organisation takes the phrase as a mention, and its country and sector if it
    has none; False when the name is no organisation's (a person's: nothing is read then)."""
    for ent in st.entities.values():
        if ent.kind == "organization" and any(s <= name.idx < e for s, e in ent.mentions):
            ent.fill(country=country, sector=sector)
            st.mention(ent.key, start, end)
            return True
    return False


def _add_body(st: _State, tok: Token, head_sector: str | None) -> None:
    mods = [m for m in _modifiers(tok) if m.pos_ in ("ADJ", "NOUN", "PROPN") or m.text == "-"]
    if not mods or mods[-1].i != tok.i - 1 or any(m.i in st.pronouns or m.i in st.person_tokens for m in mods):
        return  # "the agency", "his office", "Ana Ruiz's council": no country word, or a person's
    countries = {c for m in mods if (c := _country_word(st, m))}
    if len(countries) != 1:
        return  # none, or "the joint Ruritanian-Freedonian commission"
    if tok.tag_ == "NNP" and not _country_word(st, mods[0]):
        return  # "the Senate Ruritanian Affairs Committee": the country word inside a longer name
    bare = body_words()[2]
    if tok.lemma_.lower() not in bare and all(_country_word(st, m) or m.text == "-" for m in mods):
        return  # "the Ruritanian agency": mostly an agency named before, which we do not resolve
    department = tok.lemma_.lower() == "department"
    sector = ("GOV" if department and any(m.lower_ in PORTFOLIOS for m in mods) else None) \
        or _modifier_sector(st, mods) or head_sector
    if sector is None:
        return  # "the Ruritanian memorial service": a ceremony, not a body
    start, end = _span_chars(mods + [tok])
    if _named_inside(st, tok, start) or any(m.ent_type_ in ("ORG", "FAC", "PERSON") and not _country_of_token(st, m)
                                            for m in mods) or any(m.dep_ == "poss" and not _country_of_token(st, m)
                                                                  for m in mods):
        return  # "the Acme board", "the Ruritanian parliament's committee": another body's
    country, name = next(iter(countries)), _named(tok)
    if name is not None and not _describe(st, name, start, end, country, sector):
        return
    for ent in st.entities.values():  # "Ruritanian" read as the state: inside the body's name now
        if ent.kind == "state":
            ent.mentions = {(s, e) for s, e in ent.mentions if not (start <= s and e <= end)}
    if name is None:
        key = f"group:{country}:{sector}:{st.text[start:end].lower()}"
        ent = st.entity(key, st.text[start:end], "group", country=country, sector=sector)
        st.mention(ent.key, start, end)
        st.bodies.add(key)  # "the agency" may name it again (:mod:`.bodies`)
    st.taken.update(m.i for m in mods)
    st.taken.add(tok.i)


def _modifier_sector(st: _State, mods: list[Token]) -> str | None:
    """The sector the modifier nearest the noun gives ("security" COP, "military" MIL), else None."""
    table = body_words()[1]
    for m in reversed(mods):
        if sector := table.get(m.lower_) or table.get(m.lemma_.lower()):
            return sector
        role = _role(st.kb, m)
        if role and role[0] in ("group", "org", "mod") and role[1] not in WEAK_MODIFIER_SECTORS:
            return role[1]
        if (sector := agent_sector(st.kb, m)) not in WEAK_MODIFIER_SECTORS:
            return sector
    return None
