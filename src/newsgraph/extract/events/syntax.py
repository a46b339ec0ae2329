"""The dependency-parse helpers argument reading is built from, and :class:`Arg`, a source or target
as read from the text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.parts_of_speech import ADJ, ADP, ADV, AUX, NOUN, PRON, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Token

from .. import data_rows
from ..tokens import TokenView, lower_of, text_of, token_view
from .countries import _AGENT_NOUNS, _COUNTS, _PASS_SUBJ, _SUBJ, country_of
from .people import people_sector

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
    people: bool = False  # a word for people that only .people makes a party ("attackers")




def _actor_like(tok: Token, owner: bool = True) -> bool:
    """Could this phrase name an actor (entity, agent word, or a country modifier; with
    ``owner``, also a possessor: "Iran's scientist")? See :func:`_actor_like_at`."""
    return _actor_like_at(token_view(tok.doc), tok.i, owner)


def _actor_like_at(view: TokenView, i: int, owner: bool = True) -> bool:
    """:func:`_actor_like` of token ``i``. Kept per Doc and token: the coder asks ~20 times
    per event, mostly of the same few tokens."""
    memo = view.memo("actor_like")
    key = i if owner else -1 - i
    like = memo.get(key)
    if like is None:
        mods = _OWNER_MODS if owner else _MODS
        dep, orth, doc = view.dep, view.orth, view.doc
        like = memo[key] = _is_actorish_at(view, i) or any(
            dep[c] in mods and (_is_actorish_at(view, c) or country_of(text_of(doc, orth[c])))
            for c in view.children[i])
    return like


_MODS = frozenset(get_string_id(d) for d in ("compound", "amod", "nmod"))
_OWNER_MODS = _MODS | {get_string_id("poss")}


def _names_party(head: Token) -> bool:
    """Does an argument's head name a party (an entity, or an agent word not qualified by a
    thing: "300 people", "army troops", but not "the sanctions regime")?"""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or people_sector(head) is not None:
        return True  # a name, or a word for people ("attackers", "a suicide bomber": .people)
    return head.pos_ in ("NOUN", "PROPN") and head.lower_ in _AGENT_NOUNS and all(
        c.dep_ != "compound" or _is_actorish(c) or country_of(c.text) for c in head.children)


def _is_actorish(tok: Token) -> bool:
    """An entity, a pronoun or proper noun, or an agent noun (as a noun: not the adjective in
    "an official visit", "a general strike", "a military offensive"). Read from the token view
    (labels and words as hashes)."""
    return _is_actorish_at(token_view(tok.doc), tok.i)


def _is_actorish_at(view: TokenView, i: int) -> bool:
    """:func:`_is_actorish` of token ``i``."""
    pos = view.pos[i]
    return (view.ent_type[i] in _ACTOR_ENTS or pos == PRON or pos == PROPN
            or (view.lower[i] in _AGENT_HASHES and pos != ADJ))


_ACTOR_ENTS = frozenset(get_string_id(e) for e in ("PERSON", "ORG", "GPE", "NORP"))
_AGENT_HASHES = frozenset(get_string_id(w) for w in _AGENT_NOUNS)
_NNS = get_string_id("NNS")




def _headline_verb(tok: Token) -> bool:
    """Headlinese "Kremlin pressures Lukashenko": a plural noun between two names, with a
    name as its appositive, is a present-tense verb the tagger misread."""
    return _headline_verb_at(token_view(tok.doc), tok.i)


def _headline_verb_at(view: TokenView, i: int) -> bool:
    """:func:`_headline_verb` of token ``i``."""
    return (view.tag[i] == _NNS and 0 < i < view.n - 1 and view.sent_bounds(i)[0] == i - 1
            and view.pos[i - 1] == PROPN and view.pos[i + 1] in (PROPN, PRON) and view.head[i + 1] == i)


def _conjuncts(tok: Token) -> list[Token]:
    """The token and the nouns coordinated with it; "Hungarian and Romanian officials" gives
    the two country modifiers (one phrase, two actors). Read from the token view; Tokens are
    made for what is returned."""
    doc, i = tok.doc, tok.i
    view = token_view(doc)
    dep, orth = view.dep, view.orth
    for c in view.children[i]:
        if dep[c] in _MODS and c < i and country_of(text_of(doc, orth[c])):
            mods = [c, *[d for d in _coordinated(view, c) if d < i and country_of(text_of(doc, orth[d]))]]
            if len(mods) >= 2:
                return [doc[m] for m in mods]
    pos = view.pos
    return [tok, *[doc[c] for c in _coordinated(view, i) if c > i and pos[c] in (NOUN, PROPN, PRON, ADJ)]]


def _coordinated(view: TokenView, i: int) -> list[int]:
    """``doc[i].conjuncts`` by index: the first conjunct up the "conj" chain, then every "conj"
    right child of a conjunct, breadth first; token ``i`` left out."""
    if "conjuncts" in view.doc.user_token_hooks:
        return [t.i for t in view.doc[i].conjuncts]
    dep, head, kids = view.dep, view.head, view.children
    start = i
    while head[start] != start and dep[start] == _CONJ:
        start = head[start]
    out = [start]
    for w in out:  # grows while it is read: each conjunct's own conjuncts follow
        out.extend(c for c in kids[w] if c > w and dep[c] == _CONJ)
    return [w for w in out if w != i]


def _child(tok: Token, deps: Iterable[str]) -> Token | None:
    """The first child of ``tok`` whose dependency is one of ``deps`` (read from the token view:
    ``tok.children`` builds a Token per child and decodes each label)."""
    c = _child_at(token_view(tok.doc), tok.i, _dep_hashes(deps))
    return None if c is None else tok.doc[c]


def _child_at(view: TokenView, i: int, deps: frozenset[int]) -> int | None:
    """The first child of token ``i`` whose dependency label's hash is one of ``deps``."""
    dep = view.dep
    for c in view.children[i]:
        if dep[c] in deps:
            return c
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


def _pobj(tok: Token, prep: str) -> Token | None:
    """The object of ``tok``'s preposition ``prep``, skipping dates ("On Sunday")."""
    p = _pobj_at(token_view(tok.doc), tok.i, prep)
    return None if p is None else tok.doc[p]


def _pobj_at(view: TokenView, i: int, prep: str) -> int | None:
    """:func:`_pobj` of token ``i``: the index of the object. Each token's prepositional objects
    are read once per Doc (kept with the view): the rules ask up to a dozen prepositions of the
    same few tokens."""
    objs = view.memo("pobj").get(i)  # the memo read here too: most calls find it
    return (prep_objects_at(view, i) if objs is None else objs).get(prep)


def prep_objects_at(view: TokenView, i: int) -> dict[str, int]:
    """Token ``i``'s prepositional objects by preposition (what :func:`_pobj_at` reads; kept
    with the view, not to be changed): a rule that asks many prepositions of one token reads
    the dict once."""
    memo = view.memo("pobj")
    objs = memo.get(i)
    if objs is None:
        objs = memo[i] = _prep_objects(view, i)
    return objs


def _prep_objects(view: TokenView, i: int) -> dict[str, int]:
    """The object of each of token ``i``'s prepositions, by word: of the first preposition with
    that word whose object is no date ("On Sunday"). A particle with an object is one too
    ("turned on Lukashenko")."""
    dep, lower, kids, doc = view.dep, view.lower, view.children, view.doc
    out: dict[str, int] = {}
    for c in kids[i]:
        if dep[c] in _PREP_DEPS and (word := text_of(doc, lower[c])) not in out:
            p = next((g for g in kids[c] if dep[g] == _POBJ_HASH), None)
            if p is not None and view.ent_type[p] not in _DATE_OR_TIME:
                out[word] = p
    return out


def _clause_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, inherited through conj/xcomp/relcl/acl; and whether passive."""
    s, passive = _clause_subject_at(token_view(verb.doc), verb.i)
    return (None if s is None else verb.doc[s]), passive


def _clause_subject_at(view: TokenView, v: int) -> tuple[int | None, bool]:
    """:func:`_clause_subject` of token ``v``, by index: the rule walks up the parse and reads
    labels only, so it builds no Token."""
    dep, tag, head, pos, kids = view.dep, view.tag, view.head, view.pos, view.children
    raised = False  # climbed from an infinitive: "the envoy is due to visit" (the envoy visits)
    gerund = False  # climbed from "by/after ... -ing": its subject acts, whatever the voice above
    origin = start = v  # the verb and the complements it heads up to here ("said to have met")
    voice = _own_voice_at(view, v) if dep[v] == _CONJ and pos[head[v]] == VERB and tag[head[v]] != _VBG else None
    for _ in range(4):
        s = _child_at(view, v, _SUBJ_H)
        if s is not None and _headline_verb_at(view, s) and lower_of(view.doc, view.lemma[s]) in _OBJECT_CONTROL:
            return s + 1, False  # "Kremlin pressures Lukashenko to give up power"
        if s is not None:
            if tag[s] in _WH_TAGS and dep[v] == _RELCL:
                return _described_at(view, head[v]), False
            if v == head[origin] and (teller := _teller_past_clause_at(view, origin, v, s)) is not None:
                return teller, False  # "X said the plan was flawed and called for a review": X calls
            return s, bool(voice)
        sp = _child_at(view, v, _PASS_SUBJ_H)
        if sp is not None:
            if tag[sp] in _WH_TAGS and dep[v] == _RELCL:
                return _described_at(view, head[v]), not raised
            if v == head[origin] and (teller := _teller_past_clause_at(view, origin, v, sp)) is not None:
                return teller, False  # "X claimed the vote was rigged and demanded a recount"
            return sp, (not raised and not gerund) if voice is None else voice
        if (dep[v] == _RELCL or dep[v] == _ACL) and (ranked := _ranked_subject_at(view, v)) is not None:
            return ranked, any(dep[c] == _AUXPASS for c in kids[v])  # "Chile was the first to recognise ...", "to be expelled"
        if dep[v] == _RELCL:
            return _described_at(view, head[v]), False
        if dep[v] == _ACL and pos[head[v]] in (NOUN, PROPN):
            # a participle coordinated with a finite past verb is one too ("Zelenskiy, speaking
            # ..., called again for X and asked Y", which the parser hangs on the name)
            finite = any(dep[c] == _CONJ and tag[c] == _VBD for c in kids[v])
            return head[v], (tag[v] == _VBN or _reduced_relative_at(view, v)) and not finite
        if (controller := _object_controller_at(view, v)) is not None:
            return controller, False
        if (doer := _gerund_controller_at(view, v)) is not None:
            return doer, False  # "accused the army of abducting ...", "thanked Peru for hosting ..."
        if (subj := _subject_past_adverbial_at(view, v)) is not None:
            return subj, False  # "Chile at first imposed duties ...": the parse hung the verb on "at"
        if (verb := _gerund_head_at(view, v)) is not None:
            gerund, v = True, verb  # "responded by accusing X", "was fined after insulting Y"
            continue
        if dep[v] in _CLIMB_DEPS and pos[head[v]] in (VERB, AUX, ADJ, ADP, ADV):
            voice = voice if dep[v] == _CONJ else None  # only a chain of conjuncts shares the subject as is
            raised = raised or (dep[v] == _XCOMP and tag[v] == _VB) or (
                v == start and _active_complement_at(view, v))
            start = head[v] if v == start and dep[v] in _CHAIN_DEPS else -1
            v = head[v]
            continue
        break
    return None, False


def _reduced_relative_at(view: TokenView, v: int) -> bool:
    """Is a past-tense verb the parser hangs on the noun just before it, with no object of its
    own, a participle the tagger took for a past tense ("journalists kidnapped in Iraq")? Then
    the noun is what was done to. A finite verb hung on a name after an aside ("Ruiz, speaking
    in Lima, called for ...") is not next to it."""
    return view.tag[v] == _VBD and view.head[v] == v - 1 and _child_at(view, v, _DOBJ_H) is None


_SUBJ_H = frozenset(get_string_id(d) for d in _SUBJ)
_PASS_SUBJ_H = frozenset(get_string_id(d) for d in _PASS_SUBJ)
_WH_TAGS = frozenset(get_string_id(t) for t in ("WDT", "WP"))
_RELCL, _ACL, _CONJ, _XCOMP, _ADVCL = (get_string_id(d) for d in ("relcl", "acl", "conj", "xcomp", "advcl"))
_AUX, _AUXPASS, _ATTR, _APPOS = (get_string_id(d) for d in ("aux", "auxpass", "attr", "appos"))
_CLIMB_DEPS = frozenset(get_string_id(d) for d in ("conj", "xcomp", "advcl", "acomp"))
_CHAIN_DEPS = frozenset(get_string_id(d) for d in ("conj", "xcomp"))
_VB, _VBD, _VBN = (get_string_id(t) for t in ("VB", "VBD", "VBN"))
_TO, _BE = get_string_id("to"), get_string_id("be")
_DOBJ_H = frozenset({get_string_id("dobj")})


def _teller_past_clause_at(view: TokenView, conj: int, h: int, s: int) -> int | None:
    """The subject of the verb that tells a clause, for an active finite verb that the parse
    coordinated with the told clause's verb, when the clause's subject is a thing and the
    teller a party or a personal pronoun: "Peru said the plan was flawed and called for a review",
    "Chile believes the tariffs are unfair and urged Peru to drop them". Not when the told
    clause's subject could act ("said the army had crossed the border and shelled the town")."""
    dep, head, pos, kids = view.dep, view.head, view.pos, view.children[conj]
    if dep[conj] != _CONJ or head[conj] != h or dep[h] != _CCOMP or pos[s] not in (NOUN, PROPN) \
            or _actor_like_at(view, s) or any(dep[c] == _AUXPASS for c in kids) \
            or not (view.tag[conj] in _FINITE or any(dep[c] == _AUX for c in kids)):
        return None
    teller = _child_at(view, head[h], _SUBJ_H)
    if teller is None or not (_actor_like_at(view, teller) or view.lower[teller] in _PERSONAL_H):
        return None
    return teller


_CCOMP = get_string_id("ccomp")
_PERSONAL_H = frozenset(get_string_id(w) for w in ("he", "she", "they", "we"))


def _own_voice_at(view: TokenView, v: int) -> bool | None:
    """The voice a coordinated verb marks itself, whatever its subject's verb says: passive with
    its own passive auxiliary ("surrendered to police and was charged": the subject is charged),
    active when finite or with its own auxiliary, and with an object of its own ("is committed
    to talks and has urged Peru to ...": the subject urges). None otherwise: a bare participle
    shares the voice above ("was arrested and charged", "were sentenced and ordered to pay"),
    and so does an act with no object ("was indicted and will resign" is left as it was read).
    Asked only after a lexical verb that is no progressive: after a copula or "are
    strengthening" a coordinated verb is mostly one whose own subject the parse lost."""
    kids, dep = view.children[v], view.dep
    if any(dep[c] == _AUXPASS for c in kids):
        return True
    if any(dep[c] in _DOBJ_H for c in kids) and (view.tag[v] in _FINITE or any(dep[c] == _AUX for c in kids)):
        return False  # with an object of its own: "were kidnapped and shot" is a participle
    return None


_FINITE = frozenset(get_string_id(t) for t in ("VBD", "VBZ", "VBP"))


def _active_complement_at(view: TokenView, v: int) -> bool:
    """Is ``v`` an active complement, whose subject is the one above whatever that verb's voice?
    "are said to have met" (a perfect infinitive), "were seen firing on" (a participle after a
    verb of perception): the raised subject does the act. Not "is said to have been shot" (its
    own passive), nor an act that only hangs on such a complement ("were thought to be heading
    home when abducted": the caller asks for the act's own chain of complements only)."""
    if view.dep[v] != _XCOMP or any(view.dep[c] == _AUXPASS for c in view.children[v]):
        return False
    tag = view.tag[v]
    return tag == _VBG or (
        tag == _VBN and any(view.dep[c] == _AUX and view.lower[c] == _TO for c in view.children[v]))


_VBG = get_string_id("VBG")


def _gerund_head_at(view: TokenView, v: int) -> int | None:
    """The verb a gerund hangs on through a preposition of manner or time ("replied by
    calling on Peru to ...", "after meeting the envoy, she said ..."): its subject does what
    the gerund says. Not a passive's "by" agent, not a preposition on a noun ("a plan for
    rebuilding"), not "on" ("warned the militia on attacking civilians": the militia attacks)."""
    dep, head = view.dep, view.head
    prep = head[v]
    if dep[v] != _PCOMP or view.tag[v] != _VBG or dep[prep] != _PREP or view.lower[prep] not in _GERUND_PREPS:
        return None
    verb = head[prep]
    if view.pos[verb] not in (VERB, AUX) or verb == prep or (
            view.tag[verb] == _VBN and dep[verb] in _SMALL_CLAUSE and _child_at(view, verb, _AUXES) is None):
        return None  # not "get the editors fired by threatening ...": who threatens is not the editors
    return verb


_PCOMP, _PREP, _VBG = get_string_id("pcomp"), get_string_id("prep"), get_string_id("VBG")
_SMALL_CLAUSE = frozenset(get_string_id(d) for d in ("xcomp", "ccomp", "oprd"))
_AUXES = frozenset(get_string_id(d) for d in ("aux", "auxpass"))  # "seem to have made": no small clause
_GERUND_PREPS = frozenset(get_string_id(w) for w in (
    "by", "after", "before", "upon", "while", "without", "since", "through", "besides"))


def _gerund_controller_at(view: TokenView, v: int) -> int | None:
    """Who does what a gerund on "of", "for", "with", "from" or "against" says when the verb it
    hangs on has an object: that object ("accused the army of abducting ...", "arrested two men
    for looting", "stopped marchers from reaching ..."), or its passive subject ("were charged
    with attacking ..."). A verb with neither ("apologised for shelling") is left to the reader."""
    dep, head = view.dep, view.head
    prep = head[v]
    if dep[v] != _PCOMP or view.tag[v] != _VBG or dep[prep] != _PREP or view.lower[prep] not in _CONTROL_PREPS:
        return None
    verb = head[prep]
    if view.pos[verb] not in (VERB, AUX) or verb == prep:
        return None
    obj = _child_at(view, verb, _DOBJ_H)
    if obj is not None and view.pos[obj] in (NOUN, PROPN, PRON):
        return obj
    return _child_at(view, verb, _PASS_SUBJ_H)


_CONTROL_PREPS = frozenset(get_string_id(w) for w in ("of", "for", "with", "from", "against"))


def _subject_past_adverbial_at(view: TokenView, v: int) -> int | None:
    """The subject a finite verb with an object lost to an adverbial phrase between them ("Peru
    at first rejected the plan", "the envoy at once recalled his staff"): the parse reads the
    verb as the object of the phrase's preposition, which hangs on the subject of the next verb."""
    dep, head, tag = view.dep, view.head, view.tag
    prep = head[v]
    if dep[v] != _PCOMP or tag[v] not in (_VBD, _VBN) or dep[prep] != _PREP or _child_at(view, v, _DOBJ_H) is None:
        return None
    noun = head[prep]
    if not noun < prep < v or dep[noun] not in _SUBJ_H or view.pos[noun] not in (NOUN, PROPN):
        return None
    return noun


def _described_at(view: TokenView, n: int) -> int:
    """The party an appositive description (token ``n``) stands for: "Peru, a country that
    expelled ..." is Peru; a description that names a party itself ("Hamas, the militant group
    that ...") stays."""
    if view.dep[n] == _APPOS and not _is_actorish_at(view, n) and _is_actorish_at(view, view.head[n]):
        return view.head[n]
    return n


def _infinitive_at(view: TokenView, v: int) -> bool:
    """Is token ``v`` a "to" infinitive ("to disperse", "to complain")?"""
    return view.tag[v] == _VB and _to_before(view, v)


def _to_before(view: TokenView, v: int) -> bool:
    """Has token ``v`` an infinitive marker "to" among its left children?"""
    dep, lower = view.dep, view.lower
    return any(c < v and dep[c] == _AUX and lower[c] == _TO for c in view.children[v])


def _ranked_subject_at(view: TokenView, v: int) -> int | None:
    """The subject of "X was the first (state) to act", "X is the only party to oppose": an
    infinitive on the predicate noun of a copula is done by the copula's subject."""
    dep, lower, head = view.dep, view.lower, view.head
    pred = head[v]
    if not _to_before(view, v) or dep[pred] != _ATTR or view.lemma[head[pred]] != _BE \
            or not (lower[pred] in _RANKS_H or any(
                dep[c] in _RANK_MODS and lower[c] in _RANKS_H for c in view.children[pred])):
        return None  # not "the crisis is a result of decisions to disband ..."
    return _child_at(view, head[pred], _SUBJ_H)


_RANKS = {"first", "last", "only", "latest", "second", "third", "next"}
_RANKS_H = frozenset(get_string_id(w) for w in _RANKS)
_RANK_MODS = frozenset(get_string_id(d) for d in ("amod", "advmod"))


#: Verbs whose object, not subject, does what the following "to"-infinitive says
#: ("pressured Lukashenko to give up power": Lukashenko gives it up).
_OBJECT_CONTROL = {"pressure", "urge", "force", "ask", "call", "persuade", "press", "push", "compel",
                   "order", "tell", "allow", "encourage", "invite", "warn", "advise", "request", "require"}


def _object_controller_at(view: TokenView, v: int) -> int | None:
    """The object of the governing verb when ``v`` is its object-controlled infinitive.

    spaCy attaches such infinitives as xcomp, or as advcl after some verbs; an advcl
    counts only after a known control verb, so purpose clauses ("imposed sanctions
    to punish Minsk") keep the subject of the main verb."""
    dep = view.dep[v]
    if (dep != _XCOMP and dep != _ADVCL) or not _infinitive_at(view, v):
        return None
    if dep == _ADVCL and text_of(view.doc, view.lemma[view.head[v]]) not in _OBJECT_CONTROL:
        return None
    return _child_at(view, view.head[v], _DOBJ_H)


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
    """What a count counts: "tens of thousands of students" are the students, and "some of the
    strikers", "two of the envoys" (a part of a definite plural) are the strikers, the envoys."""
    i = _counted_at(token_view(tok.doc), tok.i)
    return tok if i == tok.i else tok.doc[i]  # the same object when nothing is counted: callers test `is`


def _counted_at(view: TokenView, i: int) -> int:
    """:func:`counted` of token ``i``."""
    while text_of(view.doc, view.lower[i]) in _COUNTS and (of := _pobj_at(view, i, "of")) is not None:
        i = of
    if (of := _part_of_at(view, i)) is not None:
        i = _counted_at(view, of)
    return i


def _part_of_at(view: TokenView, i: int) -> int | None:
    """The whole a partitive head ``i`` takes a part of: "some of the strikers", "three of
    Chile's envoys", "one of the rebel commanders", "two of them" (a quantifier of
    ``partitives.tsv`` or a number, on "of" with "them" or a plural noun that "the" or a
    possessor makes definite, and that could name a party). Not "most of the region" (no
    plural: a place, not a party), "two of five votes", "ten of its channels" (no party), "some
    of these workers" (the demonstrative points at a group the sentence does not name) nor "one
    of the bidders, the Dutch group Acme" (the apposition names the part)."""
    if text_of(view.doc, view.lower[i]) not in _partitives() and view.tag[i] != _CD \
            or any(view.dep[c] == _APPOS for c in view.children[i]):
        return None  # "one of the bidders, the Dutch group Acme": the apposition names the part
    of = _pobj_at(view, i, "of")
    if of is not None and view.lower[of] == _THEM:
        return of  # "some of them": whom "them" stands for (.objects)
    if of is None or view.tag[of] not in _PLURAL_TAGS or not _actor_like_at(view, of, owner=False):
        return None  # not "all 25 of its channels": things, not a party
    if not any(view.dep[c] == _POSS_DEP or (view.dep[c] == _DET and view.lower[c] == _THE)
               for c in view.children[of]):  # not "some of these workers": a demonstrative points back
        return None
    return of


@cache
def _partitives() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows("partitives.tsv"))


_CD, _POSS_DEP = get_string_id("CD"), get_string_id("poss")
_PLURAL_TAGS = frozenset(get_string_id(t) for t in ("NNS", "NNPS"))
_DET = get_string_id("det")
_THE, _THEM = get_string_id("the"), get_string_id("them")


def small_clause(verb: Token) -> tuple[Token, Token] | None:
    """(adjective, subject) of a verb's small clause parsed as a clausal complement: "hold Chad
    responsible", where the parser makes "Chad" the subject of "responsible" rather than the
    verb's object. The verb's patterns read the adjective as they read it after an object."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos == ADJ and c.i > verb.i:
            subj = next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)
            if subj is not None and subj.i > verb.i:
                return c, subj
    return None
