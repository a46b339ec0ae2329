"""The dependency-parse helpers argument reading is built from, and :class:`Arg`, a source or target
as read from the text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.parts_of_speech import ADJ, PRON, PROPN
from spacy.strings import get_string_id
from spacy.tokens import Token

from ..tokens import doc_memo, sentence_bounds, token_view
from .countries import _AGENT_NOUNS, _COUNTS, _PASS_SUBJ, _SUBJ, country_of

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
    ``owner``, also a possessor: "Iran's scientist")? Kept per Doc and token: the coder asks
    ~20 times per event, mostly of the same few tokens."""
    memo = doc_memo(tok.doc, "actor_like")
    key = tok.i if owner else -1 - tok.i
    like = memo.get(key)
    if like is None:
        mods = ("compound", "amod", "nmod", "poss") if owner else ("compound", "amod", "nmod")
        like = memo[key] = _is_actorish(tok) or any(
            c.dep_ in mods and (_is_actorish(c) or country_of(c.text)) for c in tok.children)
    return like


def _names_party(head: Token) -> bool:
    """Does an argument's head name a party (an entity, or an agent word not qualified by a
    thing: "300 people", "army troops", but not "the sanctions regime")?"""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ in _AGENT_NOUNS and all(
        c.dep_ != "compound" or _is_actorish(c) or country_of(c.text) for c in head.children)


def _is_actorish(tok: Token) -> bool:
    """An entity, a pronoun or proper noun, or an agent noun (as a noun: not the adjective in
    "an official visit", "a general strike", "a military offensive"). Read from the token view
    (labels and words as hashes)."""
    view = token_view(tok.doc)
    i = tok.i
    pos = view.pos[i]
    return (view.ent_type[i] in _ACTOR_ENTS or pos == PRON or pos == PROPN
            or (view.lower[i] in _AGENT_HASHES and pos != ADJ))


_ACTOR_ENTS = frozenset(get_string_id(e) for e in ("PERSON", "ORG", "GPE", "NORP"))
_AGENT_HASHES = frozenset(get_string_id(w) for w in _AGENT_NOUNS)
_NNS = get_string_id("NNS")




def _headline_verb(tok: Token) -> bool:
    """Headlinese "Kremlin pressures Lukashenko": a plural noun between two names, with a
    name as its appositive, is a present-tense verb the tagger misread."""
    doc = tok.doc
    view = token_view(doc)
    i = tok.i
    return (view.tag[i] == _NNS and 0 < i < len(doc) - 1 and sentence_bounds(doc, i)[0] == i - 1
            and view.pos[i - 1] == PROPN and view.pos[i + 1] in (PROPN, PRON) and view.head[i + 1] == i)


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
    """The first child of ``tok`` whose dependency is one of ``deps`` (read from the token view:
    ``tok.children`` builds a Token per child and decodes each label)."""
    hashes = _dep_hashes(deps)
    view = token_view(tok.doc)
    dep = view.dep
    for c in view.children[tok.i]:
        if dep[c] in hashes:
            return tok.doc[c]
    return None


_DEP_HASHES: dict[object, frozenset[int]] = {}


def _dep_hashes(deps: Iterable[str]) -> frozenset[int]:
    """The string hashes of a few dependency labels, kept per label set."""
    key = deps if isinstance(deps, (tuple, frozenset)) else frozenset(deps)
    hashes = _DEP_HASHES.get(key)
    if hashes is None:
        hashes = _DEP_HASHES[key] = frozenset(get_string_id(d) for d in key)
    return hashes


_PREP_DEPS = frozenset(get_string_id(d) for d in ("prep", "agent", "dative", "prt"))
_POBJ_HASH = get_string_id("pobj")
_DATE_OR_TIME = frozenset(get_string_id(d) for d in ("DATE", "TIME"))
_WORD_HASHES: dict[str, int] = {}


def _pobj(tok: Token, prep: str) -> Token | None:
    """The object of ``tok``'s preposition ``prep``, skipping dates ("On Sunday")."""
    view = token_view(tok.doc)
    dep, lower, kids = view.dep, view.lower, view.children
    word = _WORD_HASHES.get(prep) or _WORD_HASHES.setdefault(prep, get_string_id(prep))
    for c in kids[tok.i]:  # a particle with an object is one too: "turned on Lukashenko"
        if dep[c] in _PREP_DEPS and lower[c] == word:
            p = next((g for g in kids[c] if dep[g] == _POBJ_HASH), None)
            if p is not None and view.ent_type[p] not in _DATE_OR_TIME:
                return tok.doc[p]
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
                return _described(v.head), False
            return s, False
        sp = _child(v, _PASS_SUBJ)
        if sp is not None:
            if sp.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                return _described(v.head), not raised
            return sp, not raised
        if v.dep_ in ("relcl", "acl") and (ranked := _ranked_subject(v)) is not None:  # "Chile was the
            return ranked, any(c.dep_ == "auxpass" for c in v.children)  # first to recognise ...", "to be expelled"
        if v.dep_ == "relcl":
            return _described(v.head), False
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


def _described(noun: Token) -> Token:
    """The party an appositive description stands for: "Peru, a country that expelled ..." is
    Peru; a description that names a party itself ("Hamas, the militant group that ...") stays."""
    if noun.dep_ == "appos" and not _is_actorish(noun) and _is_actorish(noun.head):
        return noun.head
    return noun


def _ranked_subject(v: Token) -> Token | None:
    """The subject of "X was the first (state) to act", "X is the only party to oppose": an
    infinitive on the predicate noun of a copula is done by the copula's subject."""
    pred = v.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.lefts) or pred.dep_ != "attr" \
            or pred.head.lemma_ != "be" or not (pred.lower_ in _RANKS or any(
                c.dep_ in ("amod", "advmod") and c.lower_ in _RANKS for c in pred.children)):
        return None  # not "the crisis is a result of decisions to disband ..."
    return _child(pred.head, _SUBJ)


_RANKS = {"first", "last", "only", "latest", "second", "third", "next"}


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
