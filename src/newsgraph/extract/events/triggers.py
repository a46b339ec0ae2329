"""Finding triggers: a verb with its particles, prepositions and objects ("crack down on",
"impose sanctions"), or a noun with its modifiers ("air strike"), matched against the lexicon."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.parts_of_speech import ADJ, AUX, CCONJ, NOUN, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import actor_for_span, data_rows, ext
from ..tokens import TokenView, lower_of, text_of, token_view

from .coded import _plover_table
from .countries import _OBJ, _PASS_SUBJ, _SUBJ, country_of
from .lexicon import LexEntry, Lexicon, plover_for
from .nominal import _DONE_BY, received_from, under_way
from .parties import party_nouns
from .syntax import (
    _SUBJ_H,
    _actor_like,
    _actor_like_at,
    _child_at,
    _counted_at,
    _headline_verb,
    _is_actorish,
    _pobj,
    small_clause,
)

# --------------------------------------------------------------------------- triggers

_AUX_DEPS = frozenset(get_string_id(d) for d in ("aux", "auxpass"))
_NNS = get_string_id("NNS")
_FAULT_DEPS = frozenset(get_string_id(d) for d in ("oprd", "acomp", "advmod", "xcomp", "advcl"))
_PREP, _AS, _AMOD = get_string_id("prep"), get_string_id("as"), get_string_id("amod")
_AUXPASS, _AGENT, _CCOMP = get_string_id("auxpass"), get_string_id("agent"), get_string_id("ccomp")
_POBJ, _AUX, _TO = get_string_id("pobj"), get_string_id("aux"), get_string_id("to")
_CONJ, _OF = get_string_id("conj"), get_string_id("of")
_NEG, _NO = get_string_id("neg"), get_string_id("no")
_PRT, _XCOMP, _OPRD, _DATIVE = (get_string_id(d) for d in ("prt", "xcomp", "oprd", "dative"))
_ACOMP = get_string_id("acomp")
_ADVMOD, _BACK = get_string_id("advmod"), get_string_id("back")  # "pulled its troops back": the tagger's adverb
_ADVCL, _DOBJ, _OBJ1 = get_string_id("advcl"), get_string_id("dobj"), get_string_id("obj")
_OBJ_H = frozenset(get_string_id(d) for d in _OBJ)
_PASS_SUBJ_H = frozenset(get_string_id(d) for d in _PASS_SUBJ)
_MOD_H = frozenset(get_string_id(d) for d in ("compound", "amod", "prt"))
_GROUNDS = frozenset(get_string_id(w) for w in ("for", "over"))  # the verb's own "for"/"over" phrase


@lru_cache(maxsize=1)
def _fault_table() -> dict[str, str]:
    """lemma -> "fault", "falsity" or "claim" (``data/faults.tsv``)."""
    table = {}
    for lemma, kind, *_ in data_rows("faults.tsv"):
        table[lemma] = kind
    return table


@lru_cache(maxsize=1)
def faults() -> frozenset[str]:
    """Lemmas that make a naming verb a criticism ("called the vote a fraud")."""
    return frozenset(w for w, kind in _fault_table().items() if kind != "claim")


def _fault_word(c: Token) -> str | None:
    """The fault a complement names, as the predicate of a naming verb ("called it a sham",
    "branded the ban illegal") or after "as" ("described the move as reckless"). Read from the
    token view: it is asked of every child of every verb with a pattern."""
    return _fault_at(c.doc, token_view(c.doc), c.i)


def _fault_at(doc: Doc, view: TokenView, i: int) -> str | None:
    """:func:`_fault_word` of token ``i``."""
    dep = view.dep[i]
    if (dep in _FAULT_DEPS or dep == _CCOMP and view.pos[i] == ADJ) and view.pos[i] in (ADJ, NOUN):
        return _fault_in(doc, view, i)  # "called the ban illegal", parsed as a clause: "called X's claims absurd"
    if dep == _PREP and view.lower[i] == _AS:
        return next((w for g in view.children[i] if (w := _fault_in(doc, view, g)) is not None), None)
    if dep == _DOBJ:  # "called the decision tasteless and unfair", the predicate parsed as a modifier after the noun
        return next((w for g in view.children[i] if g > i and view.dep[g] == _AMOD
                     and (w := _fault_in(doc, view, g)) is not None), None)
    return None


def _fault_in(doc: Doc, view: TokenView, i: int) -> str | None:
    """The fault a naming verb's predicate word names: the word itself, one of its conjuncts
    ("wrong and illegal"), a modifier of a predicate noun ("a cowardly act") or the noun its
    "of" governs ("an act of aggression")."""
    table = faults()
    kids = view.children[i]
    if any(view.dep[g] == _NEG or view.lower[g] == _NO for g in kids):
        return None  # "described the move as no stunt", "called it not illegal"
    if (lemma := lower_of(doc, view.lemma[i])) in table:
        return lemma
    for g in kids:
        gdep = view.dep[g]
        if gdep == _CONJ or gdep == _AMOD and view.pos[i] == NOUN:
            if (lemma := lower_of(doc, view.lemma[g])) in table:
                return lemma
        elif gdep == _PREP and view.lower[g] == _OF and view.pos[i] == NOUN:
            if (w := next((lower_of(doc, view.lemma[p]) for p in view.children[g] if view.dep[p] == _POBJ), None)) in table:
                return w
    return None


def _criticises(tok: Token, named: list[str]) -> bool:
    """Do the faults a naming verb gives its object criticise? Not when they only call a claim
    untrue: "called the accusations baseless" denies an accusation, it makes none."""
    if not named:
        return False
    table = _fault_table()
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and obj.tag_ == "WDT" and tok.dep_ == "relcl":
        obj = tok.head  # "the remarks, which he called baseless"
    if obj is None:  # "called the claims absurd" parsed as a clause: the adjective's subject
        obj = next((g for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "ADJ"
                    for g in c.children if g.dep_ == "nsubj"), None)
    said = obj is not None and table.get(obj.lemma_.lower()) == "claim"
    return not (said and all(table[w] == "falsity" for w in named))


def _grounds_of(view: TokenView, adj: int) -> bool:
    """Does a predicate adjective have its own "for"/"over" phrase ("responsible for the
    raid")? It gives the grounds a verb holds its object to, as the verb's own "for" does."""
    return any(view.dep[p] == _PREP and view.lower[p] in _GROUNDS for p in view.children[adj])


#: The pattern classes whose reading asks more of the parse than a word (see :func:`_verb_context`).
_READ_CLASSES = frozenset({"@fault", "@denial", "@recipient", "@actor", "@thing", "@report", "@crowd",
                           "@official", "@passive", "@assert", "@attributive"})
_ARGUMENT_CLASSES = frozenset({"@crowd", "@official", "@passive", "@assert", "@attributive"})


def _wanted_classes(entries: list[LexEntry]) -> frozenset[str]:
    """The ``_READ_CLASSES`` these patterns name."""
    return frozenset(w for e in entries for w in e.extras if w in _READ_CLASSES)


def _verb_context(tok: Token, wanted: frozenset[str] = _READ_CLASSES) -> tuple[set[str], list[Token]]:
    """Words a verb pattern may name, and the object tokens a match would consume. Of the
    classes that take a reading of the parse (``_READ_CLASSES``), only the ``wanted`` ones are
    read: the trigger search asks for those its candidate patterns name (a class no pattern
    names cannot change the match)."""
    faults_wanted = "@fault" in wanted or "@denial" in wanted
    parties_wanted = "@actor" in wanted or "@thing" in wanted or "@report" in wanted  # "@report": no "@actor"
    words: set[str] = set()
    objs: list[Token] = []
    named: list[str] = []
    report = False
    doc = tok.doc
    view = token_view(doc)
    deps, kids, lemmas, lowers = view.dep, view.children, view.lemma, view.lower
    for ci in kids[tok.i]:  # labels and words from the token view, compared as hashes
        dep = deps[ci]
        if faults_wanted and (fault := _fault_at(doc, view, ci)) is not None:
            named.append(fault)
        if dep == _PRT or dep == _ACOMP or (dep == _ADVMOD and lowers[ci] == _BACK):  # "pleaded guilty"
            words.add(text_of(doc, lowers[ci]))
        elif dep == _PREP or dep == _AGENT:
            if ci < tok.i or _when_at(view, ci):  # "On Monday, X called ...", "met on Friday": no pattern word
                continue
            words.add(text_of(doc, lowers[ci]))
            if lowers[ci] in _GROUNDS:
                words.add("@grounds")  # "attacked the minister for his silence", "... over the levy"
            for p in kids[ci]:
                if deps[p] == _POBJ:
                    words.add(lower_of(doc, lemmas[p]))
                    objs.append(doc[p])
                    if lowers[ci] == _TO and "@recipient" in wanted and _actor_like_at(view, p, owner=False):
                        words.add("@recipient")  # "provided maps to Ruritania": given to a party
        elif dep in _OBJ_H or dep in _PASS_SUBJ_H or dep == _XCOMP:
            words.add(lower_of(doc, lemmas[ci]))
            if dep != _XCOMP:
                objs.append(doc[ci])
            if dep != _OPRD:  # "called the plan a gift for Chile": the predicate's words are not the verb's
                for g in kids[ci]:
                    gdep = deps[g]
                    if gdep in _MOD_H:
                        words.add(lower_of(doc, lemmas[g]))
                        if view.pos[g] == ADJ and _grounds_of(view, g):
                            words.add("@grounds")  # "held the ministry responsible for the deaths"
                    elif gdep == _PREP:
                        words.add(text_of(doc, lowers[g]))
                        words.update(lower_of(doc, lemmas[p]) for p in kids[g] if deps[p] == _POBJ)
                        if lowers[g] == _TO and "@recipient" in wanted and any(
                                deps[p] == _POBJ and _actor_like_at(view, p, owner=False) for p in kids[g]):
                            words.add("@recipient")  # "provided maps to Ruritania", the "to" read with the object
                    elif gdep == _AUX and dep == _XCOMP:
                        words.add(text_of(doc, lowers[g]))
                    elif gdep == _POBJ and dep == _DATIVE:  # "sent troops to the border", parsed as a dative "to"
                        words.add(lower_of(doc, lemmas[g]))
                        if lowers[ci] == _TO and "@recipient" in wanted and _actor_like_at(view, g, owner=False):
                            words.add("@recipient")
        elif dep == _CCOMP and (sc := small_clause(tok)) is not None and sc[0].i == ci:
            words.add(lower_of(doc, lemmas[ci]))  # "hold Chad responsible": the adjective of the small clause
            if _grounds_of(view, ci):
                words.add("@grounds")
        elif dep == _CCOMP and "@report" in wanted and _reports_another(doc[ci]):
            report = True
        elif dep == _ADVCL and ci > tok.i and any(deps[g] == _AUX and lowers[g] == _TO for g in kids[ci]):
            words.update((lower_of(doc, lemmas[ci]), "to"))  # a purpose: "gathered to protest", "flew in to mediate"
            if _for_to_at(view, ci):
                words.add("for")  # "pressed for the governor to quit": the "for" of a for-to clause
        if not parties_wanted:
            continue
        if (dep in _OBJ_H or dep in _PASS_SUBJ_H) and _actor_like_at(view, ci, owner=False):
            words.add("@actor")  # the object is a party, not something a party owns ("welcomed Reagan's statement")
        elif (dep == _DOBJ or dep == _OBJ1) and view.pos[ci] == NOUN and not view.ent_type[ci]:
            words.add("@thing")  # a thing, not a party: "met the deadline", "supported the ban"
    if _criticises(tok, named):
        words.add("@fault")  # "called the vote a fraud": a criticism of the vote's party
    elif named:
        words.add("@denial")  # "called the allegations baseless": a claim denied, a rejection
    if report and "@actor" not in words:
        words.add("@report")  # "X warned that prices could rise": a statement about others, to no party
    if not _ARGUMENT_CLASSES.isdisjoint(wanted):
        words.update(_argument_classes_at(view, tok.i))
    return words, objs


def _argument_classes(tok: Token) -> set[str]:
    """Pattern classes read from a verb's subject and clause (docs/lexicon.md): ``@crowd``, its
    subject is a crowd ("demonstrators gathered": they protest; ``data/crowds.tsv``); ``@official``,
    its subject is an office-holder or a person ("envoys gathered": they meet;
    ``data/events_officials.tsv``);
    ``@passive``, it is passive with no agent ("was forced to cancel": a circumstance, nobody's
    act); ``@assert``, its clausal complement states a fact rather than asks for an act ("insisted
    the vote was fair", not "insisted that he resign" or "... that they must leave");
    ``@attributive``, it is a participle modifying a noun ("the alleged plot")."""
    return _argument_classes_at(token_view(tok.doc), tok.i)


def _argument_classes_at(view: TokenView, i: int) -> set[str]:
    """:func:`_argument_classes` of token ``i``."""
    out = set()
    doc = view.doc
    dep, kids = view.dep, view.children[i]
    subj = _child_at(view, i, _SUBJ_H)
    if subj is not None and lower_of(doc, view.lemma[_counted_at(view, subj)]) in _crowd_nouns():
        out.add("@crowd")  # "hundreds of demonstrators"
    if subj is None and dep[i] == _ACL:
        subj = view.head[i]  # "ministers gathered in Rome": the noun a participle modifies
    if subj is not None and ((view.ent_type[subj] == _PERSON and not _armed_group(doc, subj))
                             or lower_of(doc, view.lemma[_counted_at(view, subj)]) in _official_nouns()):
        out.add("@official")  # "envoys gathered": office-holders meet
    if any(dep[c] in _PASS_SUBJ_H or dep[c] == _AUXPASS for c in kids) and not any(dep[c] == _AGENT for c in kids):
        out.add("@passive")
    if any(dep[c] == _CCOMP and _states(doc[c]) for c in kids):
        out.add("@assert")
    if dep[i] == _AMOD and view.pos[view.head[i]] in (NOUN, PROPN):
        out.add("@attributive")
    return out


def _armed_group(doc: Doc, i: int) -> bool:
    """Is token ``i`` in the name of an armed group the actor layer knows? The tagger reads a
    few such names as persons ("Abu Sayyaf attacked the camp"); they are no office-holders."""
    tok = doc[i]
    ident = actor_for_span(doc, tok.idx, tok.idx + len(tok.text))
    return ident is not None and any(a.id == ident and a.sector in _ARMED for a in ext(doc, "actors") or ())


_ARMED = frozenset({"REB", "INS"})


def _states(clause: Token) -> bool:
    """Does a "that" clause state a fact? Not a subjunctive ("that he resign") nor an obligation
    ("that they must leave", "should"), which a demand asks for."""
    if clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children):
        return False  # "insisted that the minister resign"
    return not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in clause.children)


_OBLIGATION = {"must", "should", "ought", "shall"}


_ACL, _PERSON = get_string_id("acl"), get_string_id("PERSON")


@lru_cache(maxsize=1)
def _official_nouns() -> frozenset[str]:
    """Nouns for office-holders and envoys (``data/events_officials.tsv``): class ``@official``."""
    return frozenset(r[1] for r in data_rows("events_officials.tsv") if len(r) > 1)


@lru_cache(maxsize=1)
def _crowd_nouns() -> frozenset[str]:
    from .crowds import crowd_words  # a late import: .crowds reads the coder's arguments
    return crowd_words().get("crowd", frozenset())


def _reports_another(clause: Token) -> bool:
    """Is a clausal complement a forecast ("warned that prices will rise", "that the rebels could
    strike"), not a stated act ("warned that it would retaliate", "... that its troops would
    respond", "that the guard will no longer allow marches")? Its subject is then no pronoun and
    has none, and it is no party or the party only may act ("could", "might"); or it is an
    expletive "there" clause with no condition ("warned there was a risk of unrest")."""
    subj = next((c for c in clause.children if c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ), None)
    if subj is None and any(c.dep_ == "expl" for c in clause.children):
        return not _conditioned(clause)  # "warned there was a real risk of ...": a state of things
    if subj is None or subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return False
    return not _party_phrase(subj) or any(
        c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "can") for c in clause.children)


def _conditioned(clause: Token) -> bool:
    """Does a clause carry an "unless" or "if" condition ("there will be walkouts unless ..."),
    which makes a warning a threat (CAMEO 13)?"""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
               for c in clause.children)


def _noun_context(view: TokenView, i: int) -> set[str]:
    """Words a noun pattern may name: token ``i``'s modifiers and prepositions."""
    doc, dep = view.doc, view.dep
    words = set()
    for c in view.children[i]:
        if dep[c] in _NOUN_MODS:
            words.add(lower_of(doc, view.lemma[c]))
        elif dep[c] == _PREP:
            words.add(text_of(doc, view.lower[c]))
    return words


def _when(prep: Token) -> bool:
    """A prepositional phrase that gives a time ("on Friday", "in March")."""
    return _when_at(token_view(prep.doc), prep.i)


def _when_at(view: TokenView, i: int) -> bool:
    """:func:`_when` of token ``i``."""
    dep, ent_type = view.dep, view.ent_type
    return any(dep[p] == _POBJ and ent_type[p] in _DATE_TIME for p in view.children[i])


_NOUN_MODS = frozenset(get_string_id(d) for d in ("compound", "amod", "nmod"))
_DATE_TIME = frozenset(get_string_id(e) for e in ("DATE", "TIME"))


# --------------------------------------------------------------------------- nouns that tell an occurrence

# Words in a noun phrase that point at one occurrence ("the raid", "Friday's raid", "two raids",
# "the latest raids"), as opposed to a kind of act ("raids have become common", "fear of raids").
_POINTING = {"the", "this", "that", "these", "those", "a", "an", "another", "its", "their", "his", "her",
             "our", "my", "your"}
_FRESH = {"latest", "recent", "fresh", "renewed", "last", "weekend", "overnight", "new", "further", "additional"}
# acts done in words: a noun for one needs a party ("the Turkish threat", "a threat by Iran");
# without one it names a danger or a stance ("a security threat", "appeals for support")
_VERBAL = {"THREATEN", "REQUEST", "SUPPORT", "ACCUSE", "REJECT", "APPEAL"}
_PARTY_PREPS = {"by", "of", "from", "on", "against", "to", "with", "between", "among", "toward", "towards"}
_WHERE = {"GPE", "LOC", "FAC"}
# nouns naming an undertaking: an act noun modifying one is the act ("a mediation mission", "a coup bid")
_UNDERTAKINGS = {"attempt", "bid", "effort", "mission", "campaign", "operation", "plot", "movement"}
# nouns that count or measure acts: "a new round of sanctions", "a wave of raids", "months of protests"
_MEASURES = {"round", "wave", "series", "spate", "string", "number", "day", "week", "month", "year"}


def _party_word(tok: Token) -> bool:
    # "security" is an agent word ("security forces") but as a modifier a field: "a security threat"
    return (_is_actorish(tok) and tok.lower_ != "security") or bool(country_of(tok.text))


def _party_phrase(tok: Token) -> bool:
    """"Peru", "the Chilean envoy", "rebels"; not "national security" or "democracy"."""
    return _party_word(tok) or any(c.dep_ in ("compound", "amod", "nmod") and _party_word(c) for c in tok.children)


def _has_party(tok: Token) -> bool:
    """Does a noun trigger name a party: a possessor ("Iran's threat"), a party modifier ("US
    strikes", "Chilean protests"), a party in its prepositional phrase ("talks with Peru"), or the
    subject of the verb it is the object of ("Britain offered support")?"""
    for c in tok.children:
        if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") and _party_word(c):
            return True
        if c.dep_ in ("compound", "amod", "nmod") and _party_word(c):
            return True
        if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS and any(
                p.dep_ == "pobj" and any(_party_phrase(q) for q in (p, *p.conjuncts)) for p in c.children):
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(  # the doer: "warnings by aid agencies"
                p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for p in c.children):
            return True
    if _said_by(tok) or received_from(tok):
        return True
    if tok.dep_ in ("dobj", "obj") and tok.head.pos_ in ("VERB", "AUX"):
        return any(s.dep_ in _SUBJ and _actor_like(s) for s in tok.head.children)
    return False


def _said_by(tok: Token) -> bool:
    """A party as the agent of a participle that names the act's doer: "the allegations made by
    X", "demands levelled by X" (not "allegations denied by X", "pressure brought about by X")."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _DONE_BY
               and not any(g.dep_ == "prt" for g in c.children)
               and (by := _pobj(c, "by")) is not None and _actor_like(by) for c in tok.rights)


def _occurs(tok: Token, entry: LexEntry) -> bool:
    """Does a noun trigger tell an occurrence of the act, not the kind of act? Bare plurals and
    mass uses ("sanctions have hurt the economy", "fear of attack", "through negotiations"), a
    noun modifying another ("protest leaders", "the negotiation table") and a noun that
    characterises something ("the raid was an attack on democracy") tell none. Evidence of an
    occurrence: a party, a determiner, possessor or number, a time or place, being the object or
    subject of a verb in the past ("carried out raids", "clashes erupted"), not in the habitual
    present ("frequently carries out raids")."""
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        # the undertaking tells the occurrence: "a mediation mission between X and Y"
        return tok.head.lemma_.lower() in _UNDERTAKINGS and _occurs(tok.head, entry)
    if _has_party(tok):
        return True
    if entry.plover.type in _VERBAL:
        return False
    pointing = _POINTING
    if tok.dep_ == "attr":  # "there was a protest" tells one; "the raid was an attack on X" characterises
        if any(c.dep_ == "expl" for c in tok.head.children):
            return True
        pointing = _POINTING - {"a", "an", "another"}
    if tok.dep_ == "ROOT":
        return True  # a headline fragment
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _MEASURES:
        return True  # "ten days of war games", "a new round of sanctions"
    if tok.dep_ in ("dobj", "obj", *_SUBJ, *_PASS_SUBJ) and tok.head.tag_ in ("VBD", "VBN") and not (
            tok.dep_ in _SUBJ and any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in tok.head.children)):
        return True  # "staged protests", "clashes erupted", "raids were claimed"; not "raids have become common"
    if entry.plover.type == "PROTEST" and under_way(tok):
        return True  # "walkouts have shut the mills", "sit-ins are spreading" (.nominal)
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.tag_ in ("VBD", "VBN"):
        return True  # "the convoy came under attack", not "the empire is under attack"
    for c in tok.children:
        if (c.dep_ in ("det", "poss") and (c.lower_ in pointing or c.dep_ == "poss")) or c.dep_ == "nummod":
            return True
        if c.ent_type_ in ("DATE", "TIME") or (c.dep_ == "amod" and c.lower_ in _FRESH):
            return True
        if c.dep_ == "prep" and (_when(c) or any(p.dep_ == "pobj" and p.ent_type_ in _WHERE for p in c.children)):
            return True
    return False


_HEADS: tuple[object, int, frozenset[str], dict[int, bool]] = (None, 0, frozenset(), {})
#: String hashes :func:`_head_words` keeps answered: ~1,000 WikiNews articles' words (22,000 after
#: 500; with 200,000 it never emptied in a 5,000-article run and grew by ~4 MiB).
_KNOWN_HEADS = 30_000


def _head_words(doc: Doc, lex: Lexicon) -> list[int]:
    """The indices of the tokens whose lower-cased lemma or form heads a lexicon entry, in
    order: every other token is passed over by :func:`_find_triggers` (it has no
    candidates), and a Python pass over every Token costs more than the rest of the trigger
    search. Read from the Doc's :func:`~newsgraph.extract.tokens.token_view`; which strings
    head an entry is kept per lexicon (by string hash, bounded)."""
    global _HEADS
    if _HEADS[0] is not lex or _HEADS[1] != len(lex.entries) or len(_HEADS[3]) > _KNOWN_HEADS:
        _HEADS = (lex, len(lex.entries), frozenset(e.head for e in lex.entries.values()), {})
    heads, known = _HEADS[2], _HEADS[3]
    view = token_view(doc)
    out = []
    for i, (lemma, lower) in enumerate(zip(view.lemma, view.lower)):
        if (ok := known.get(lemma)) is None:
            ok = known[lemma] = lower_of(doc, lemma) in heads
        if not ok and (ok := known.get(lower)) is None:
            ok = known[lower] = lower_of(doc, lower) in heads
        if ok:
            out.append(i)
    return out


def _attributive(view: TokenView, i: int) -> bool:
    """A present participle (token ``i``) used as an adjective tells a kind, not an act: "a
    visiting delegation", "the investigating committee", "the defending champion". Violence
    still tells an act ("the shooting deaths", "attacking troops"): the caller keeps a head with
    an ASSAULT reading. A past participle tells an act done to its noun when the noun is a party
    ("a kidnapped envoy", "the detained reporters", "the banned group": ``party_nouns.tsv``)
    and is kept; modifying a thing it tells a kind or a state ("forced labour", "stolen goods",
    "a suspended sentence", "agreed procedures", session 15); "alleged" has its own
    ``@attributive`` row."""
    if view.dep[i] != _AMOD or view.pos[view.head[i]] not in (NOUN, PROPN):
        return False
    if view.tag[i] == _VBG:
        return True
    head = view.head[i]
    units, people = party_nouns()  # "the banned group", "the seized convoy": done to a party
    noun = lower_of(view.doc, view.lemma[head])
    misread = i > 0 and view.pos[i - 1] == CCONJ  # "hosted and mediated talks": a verb
    return view.tag[i] == _VBN and not misread and not _actor_like_at(view, head, False) \
        and noun not in units and noun not in people


_VBG, _VBN = get_string_id("VBG"), get_string_id("VBN")


def _find_triggers(doc: Doc, lex: Lexicon) -> list[tuple[Token, LexEntry, list[Token]]]:
    """(trigger token, entry, consumed object tokens) in token order, one per token.
    The dependency context is only built for words the lexicon has entries for; the
    attributes every head word is tested on come from the Doc's token view."""
    found: list[tuple[Token, LexEntry, list[Token]]] = []
    consumed: set[int] = set()
    view = token_view(doc)
    for i in _head_words(doc, lex):
        pos = view.pos[i]
        lemma = lower_of(doc, view.lemma[i])
        if pos == VERB or pos == AUX or (pos == NOUN and text_of(doc, view.tag[i]).startswith("VB")):
            if pos == AUX and view.dep[i] in _AUX_DEPS:
                continue
            head = lemma if lex.candidates("verb", lemma) else text_of(doc, view.lower[i])
            cands = lex.candidates("verb", head)
            if not cands:
                continue
            if _attributive(view, i) and not any(e.plover.type == "ASSAULT" for e in cands):
                continue  # "the visiting envoy"; violence still tells an act: "the shooting deaths"
            tok = doc[i]
            if not cands[0].extras:  # only bare patterns (most specific first): no context to read
                found.append((tok, cands[0], []))
                continue
            words, objs = _verb_context(tok, _wanted_classes(cands))
            entry = lex.match("verb", head, words)
            if entry:
                entry = _demand_of_act(tok, entry, lex)
                used = [o for o in objs if o.lemma_.lower() in entry.extras
                        or ("@fault" in entry.extras and o.lemma_.lower() in faults())]  # "aggression" named, not done
                consumed.update(o.i for o in used)
                found.append((tok, entry, used))
        elif pos == NOUN and view.tag[i] == _NNS and lex.candidates("verb", lemma) and _headline_verb(doc[i]) \
                and (entry := lex.match("verb", lemma, set())):
            found.append((doc[i], entry, []))
        elif (pos == NOUN or pos == PROPN) and i not in consumed and not (pos == PROPN and view.ent_type[i]):
            head = lemma if lex.candidates("noun", lemma) else text_of(doc, view.lower[i])
            if lex.candidates("noun", head) and (entry := lex.match("noun", head, _noun_context(view, i))) \
                    and _occurs(tok := doc[i], entry):
                found.append((tok, entry, []))
    # "off" rows name readings that are no event ("a trade war"): they win by being specific
    return [f for f in found if f[0].i not in consumed and "off" not in f[1].flags]


# --------------------------------------------------------------------------- what a demand asks for


def _for_to_at(view: TokenView, i: int) -> bool:
    """Is clause ``i`` a "for ... to" infinitive ("called for the mayor to resign")? spaCy reads
    its "for" as the clause's marker, not as the verb's preposition."""
    return any(view.dep[g] == _MARK and view.lower[g] == _FOR for g in view.children[i])


_MARK, _FOR = get_string_id("mark"), get_string_id("for")


@lru_cache(maxsize=1)
def _demand_codes() -> tuple[tuple[str, str], ...]:
    """(yield code prefix, demand code), longest prefix first (``data/demands.tsv``)."""
    rows = [(r[0], r[1]) for r in data_rows("demands.tsv") if len(r) > 1]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def yielder_named() -> frozenset[str]:
    """Demand codes whose asked act noun names the yielding party with "of" or a possessor
    (column "of" of ``data/demands.tsv``): the demand is made of that party."""
    return frozenset(r[1] for r in data_rows("demands.tsv") if len(r) > 2 and r[2] == "of")


def _asked_acts(tok: Token) -> list[Token]:
    """The act a demand verb asks for: its "for ... to" or "that" clause ("called for the
    mayor to resign", "demanded that he resign"), the object of its "for" ("called for the
    mayor's resignation") or its own object ("demanded the mayor's resignation")."""
    out = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ in ("advcl", "ccomp") and c.pos_ in ("VERB", "AUX") and (
                c.dep_ == "ccomp" or _for_to_at(token_view(tok.doc), c.i)):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "for":
            out.extend(p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN")
        elif c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN":
            out.append(c)
    return out


def _demand_of_act(tok: Token, entry: LexEntry, lex: Lexicon) -> LexEntry:
    """A plain demand (CAMEO 100) takes the demand code of the concession it asks for
    (``data/demands.tsv``): asking that a party do what CAMEO codes as yielding (resign,
    free prisoners, pull out troops) is the matching demand (1041, 1053, 1056)."""
    if entry.cameo != "100":
        return entry
    view = token_view(tok.doc)
    for act in _asked_acts(tok):
        lemma = act.lemma_.lower()
        if act.pos_ == "NOUN":
            asked = lex.match("noun", lemma, _noun_context(view, act.i))
        else:
            asked = lex.match("verb", lemma, _verb_context(act)[0]) if lex.candidates("verb", lemma) else None
        if asked is None or "off" in asked.flags or not asked.cameo.startswith("08"):
            continue
        code = next((d for y, d in _demand_codes() if asked.cameo.startswith(y)), None)
        plover = plover_for(code, _plover_table()) if code else None
        if plover is not None:
            return replace(entry, cameo=code, plover=plover)
    return entry
