"""Country words and the other knowledge-file matches: a state acting, a place, a nationality.

A country acts under its canonical name, with metonymy ("the Kremlin", "Moscow is ...") as
mentions of the same state actor (kind ``state``, sector ``GOV``); a country in a locative
phrase ("protests in Belarus") is a place, not an actor, but a capital an act is directed at
("a visit to Minsk") is the state; a country after "at" is a target, not a place. IGOs and
listed groups are actors of their own; a nationality used as a noun for people in an argument
("Belarusians", "thousands of Sudanese") is a group of that nation's people, never the state.
``not_nationality`` and ``posted_to`` tell when a country word says nothing of an actor's
nationality.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token
from spacy.tokens import Span as TokSpan

from ..tokens import token_view
from .knowledge import Knowledge, _role, entity_country
from .state import _State

LOCATIVE_PREPS = frozenset({"in", "at", "across", "throughout", "within", "inside", "around", "near",
                            "outside", "over", "all"})
CAPITAL_LOCATIVE_PREPS = LOCATIVE_PREPS | {"to", "from", "into", "via", "through"}
# "fired at Russia", "angry at Iran": a country after "at" is a target, not a place
COUNTRY_LOCATIVE_PREPS = LOCATIVE_PREPS - {"at"}
# the prepositions that surely place a sentence, for a person's fallback country
PLACE_PREPS = frozenset({"in", "across", "throughout", "within", "inside"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "attr",
                           "agent", "dative", "iobj", "ROOT", "oprd", "npadvmod"})
PLACE_NOUNS = frozenset({"village", "town", "city", "region", "province", "district", "county", "state",
                         "capital", "port", "island", "area", "suburb", "municipality", "oblast"})


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


def _is_modifier_of_actor(kb: Knowledge, span: TokSpan) -> bool:
    """"Russian" in "Russian media", "US" in "US officials": a nationality,
    read by the actor it modifies, not a mention of the state."""
    root = span.root
    if root.dep_ not in ("amod", "compound", "nmod", "npadvmod") or root.head.i == root.i:
        return False
    head = root.head
    return head.ent_type_ == "PERSON" or _role(kb, head) is not None


def _add_state(st: _State, a3: str, start: int, end: int) -> None:
    entry = st.kb.countries.get(a3, {"name": a3})
    st.entity("state:" + a3, entry["name"], "state", country=a3, sector="GOV")
    st.mention("state:" + a3, start, end)


def _add_known(st: _State, span: TokSpan, hit: tuple[str, str]) -> None:
    """A knowledge-file match: a state acting, a nationality, an IGO or group."""
    kind, key = hit
    kb = st.kb
    sent = st.sent_of[span.start]
    country = entity_country(st, key, span)[0] if kind == "entity" else key
    if _currency(span):
        return  # "US $50 million", "US dollars": a currency, not the state
    if kind != "entity" and _in_title(kb, span):
        return  # "the French ambassador in Mali": where an office is, not where the sentence is
    if country and not _of_one_person(kb, span) and not not_nationality(span[0]) and not posted_to(kb, span):
        # not "the US commander" (that person's country) nor "ethnic Albanians"
        st.named.setdefault(sent, set()).add(country)
    if kind == "entity":
        info = kb.entities[key]
        country, sector = entity_country(st, key, span)  # "Democrats" in Japan are not the US party
        st.entity("entity:" + key, key, info["kind"], country=country, sector=sector)
        st.mention("entity:" + key, span.start_char, span.end_char)
        return
    if kind == "demonym":
        people, sector = nation_people(span)
        if people and span.root.dep_ in ARGUMENT_DEPS and not _is_modifier_of_actor(kb, span):
            country = None if not_nationality(span[0]) else key  # "ethnic Albanians" live anywhere
            ent = st.entity(f"group:{country}:{sector or '-'}:{span.text}", span.text, "group", country=country,
                            sector=sector)
            st.mention(ent.key, span.start_char, span.end_char)
        return
    if based_at(span):
        return  # "a Lima-based think tank": the seat of a body, not the state acting
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


def nation_people(span: TokSpan) -> tuple[bool, str | None]:
    """Is a nationality word a noun for that nation's people, and of which sector? Counted
    ("thousands of Sudanese", "many French"), with a clause ("the Lebanese who fled") or a bare
    plural ("Kenyans voted", "Congolese fled") it names civilians (``CVL``); a bare definite
    "the Israelis", "the Chinese" is often the nation's side in a conflict or talks, so only
    its country is said (sector None), as CAMEO's dictionaries code it. A word whose plural is
    itself ("-ese", "Swiss") outside these is a language ("speaks Portuguese"), not people;
    a modifier ("Sudanese troops") is the nationality of the noun it modifies."""
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i != root.i:
        return False, None
    counted = (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _COUNT_WORDS) or any(
        c.dep_ in ("nummod", "amod", "quantmod") and (c.like_num or c.lower_ in _COUNT_WORDS) for c in root.children)
    if counted:
        return True, "CVL"
    lower = root.lower_
    invariant = lower.endswith(_INVARIANT_SUFFIX) or lower in _INVARIANT_DEMONYMS
    if root.tag_ not in ("NNPS", "NNS") and not invariant:
        return False, None  # "an Iraqi (who ...)", "British" alone
    if any(c.dep_ in ("relcl", "acl") for c in root.children):
        return True, "CVL"
    if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in root.children):
        return True, None
    if invariant and root.tag_ not in ("NNPS", "NNS") and (root.dep_ not in ("nsubj", "nsubjpass")
                                                           or _singular_verb(root.head)):
        return False, None  # "she speaks Portuguese", "Chinese is spoken"
    return True, "CVL"


def _singular_verb(verb: Token) -> bool:
    """Is a verb, or an auxiliary of it, in the third person singular ("is", "has", "speaks")?"""
    return verb.tag_ == "VBZ" or any(c.tag_ == "VBZ" and c.dep_ in ("aux", "auxpass") for c in verb.children)


# the nationality nouns whose plural is the word itself, and the words that count people
_INVARIANT_SUFFIX = "ese"
_INVARIANT_DEMONYMS = frozenset({"swiss"})
_COUNT_WORDS = frozenset({"tens", "dozens", "hundreds", "thousands", "millions", "scores", "many", "most",
                          "several", "some", "few", "more", "numbers", "number", "crowds", "group", "groups"})


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
    """Is a country or capital the place of a person's office ("the French ambassador in Mali",
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


_PATRON_PARTICIPLES = {"backed", "sponsored", "funded", "supported", "allied", "aligned", "armed", "trained"}
_REGION_WORDS = {"latin", "south", "north", "central"}


def based_at(span: TokSpan) -> bool:
    """"the Lima-based ...": a place named as the seat of what follows."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"


def not_nationality(tok: Token) -> bool:
    """Is this country word not the actor's nationality? "pro-Russia rebels", "Syrian-backed
    militia": a cause or a patron ("US-led forces" are the US's, and stay so); "Latin
    American", "South American": a region; "ethnic Albanians": an ethnicity, coded by where
    they live, as CAMEO coders do."""
    lower, i = token_view(tok.doc).lower, tok.i  # the words around, as hashes: no Token per word
    if i >= 2 and lower[i - 1] == _HYPHEN and lower[i - 2] in _PRO_ANTI:
        return True
    if i >= 1 and lower[i - 1] == _ETHNIC:
        return True
    if lower[i] == _AMERICAN and i >= 1:
        prev = i - 2 if lower[i - 1] == _HYPHEN and i >= 2 else i - 1
        if lower[prev] in _REGION_HASHES:
            return True
    return i + 2 < len(lower) and lower[i + 1] == _HYPHEN and lower[i + 2] in _PATRON_HASHES


_HYPHEN, _ETHNIC, _AMERICAN = (get_string_id(w) for w in ("-", "ethnic", "american"))
_PRO_ANTI = frozenset(get_string_id(w) for w in ("pro", "anti"))
_REGION_HASHES = frozenset(get_string_id(w) for w in _REGION_WORDS)
_PATRON_HASHES = frozenset(get_string_id(w) for w in _PATRON_PARTICIPLES)
