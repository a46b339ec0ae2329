"""Reactions to an act told earlier in the same words: the target is whoever did that act.

A response names what it responds to, not who did it: "the opposition rejected the proposal",
"the union condemned the decision", "Ruritania denied the claims". The reader takes the
author from what the article told just before in the same word: "the cabinet proposed ...",
"the court decided ...", "Borduria claims that ...", "the rally organisers held a rally".
:mod:`.article` gives a response the author of an earlier *coded* act of the noun's kind
when that act had both sides; this module reads the word itself: a definite object noun of
a response ("the delay", "these claims", "the strike") whose word family (the same lemma, or
a nominalisation of the verb: "propose" -> "proposal", "decide" -> "decision", see
``newsgraph/data/nominalizations.tsv``) was told earlier by

* a verb with a named subject ("Borduria delayed the vote"), or
* a coded event with that trigger word whose source its own phrase names ("the miners'
  strike", "a raid by the army"),

in the response's sentence before it or in the ``_WINDOW`` sentences before; "the remarks"
and "the comments" are what a verb of saying told ("X said ...", by the table), and the
nearest such verb decides whoever it names ("Y, who said ...": Y; "she said" goes on about
a speaker named before). The nearest such telling gives the target, when its party is an actor of the article and not the
responder itself (nor a party of the responder's country and sector: a ministry denying its
own government's plan is not a dispute). A noun that names its own author ("Borduria's
claims", "the plan by the mayor") or its own party is left to :mod:`.args` and :mod:`.article`.

A refusal or an acceptance (REJECT, AGREE) with no target answers whoever asked, proposed or
offered (:func:`_asker`; the words in ``newsgraph/data/proposals.tsv``), when what it answers
is left out or is "it", "the offer", "the demand":

* the asking clause it is coordinated with or hangs on ("Chile proposed a joint patrol, but
  Peru refused"; "Peru declined when Chile offered");
* a request aimed at the responder told in its sentence or the one before ("Chile asked Peru
  to ... Peru refused": the coded request's source);
* the subject of the clause whose object is the demand or charge it answers, read through a
  relative clause ("Chile renewed its demand, which Peru rejected"; "Peru rejected the offer
  Chile made").

A filled target is marked ``CodedEvent.extra["target_from_reaction"]``; the event keeps the
confidence it was read with.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import actor_for_span, data_rows, doc_text
from .coded import CodedEvent
from .countries import _SUBJ
from .syntax import Arg, _pobj

#: Responses whose object can be an earlier act ("rejected", "condemned", "welcomed").
_RESPONSES = {"REJECT", "ACCUSE", "SUPPORT"}
_DEFINITE = {"the", "this", "these", "that", "those", "such"}
_WINDOW = 3  # sentences back in which the act responded to is looked for
#: Verbs of saying: "the remarks", "the statement", "the claims" are the nearest speaker's.
_SAYING = {"say", "state", "claim", "tell", "declare"}
_SUFFIXES = ("", "s", "al", "ment", "ion", "ation", "ition", "ance", "ence", "ure", "ing")


@lru_cache(maxsize=1)
def _proposals() -> dict[str, frozenset[str]]:
    """Words of asking and offering (``proposals.tsv``): kind ("verb", "noun" or "author") -> lemmas."""
    out: dict[str, set[str]] = {"verb": set(), "noun": set(), "author": set()}
    for word, kind, *_ in data_rows("proposals.tsv"):
        out[kind].add(word)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    """Nominalisations no suffix rule gives: noun lemma -> verb lemmas."""
    out: dict[str, set[str]] = {}
    for noun, verb, *_ in data_rows("nominalizations.tsv"):
        out.setdefault(noun, set()).add(verb)
    return {k: frozenset(v) for k, v in out.items()}


def same_word(noun: str, verb: str) -> bool:
    """Does ``noun`` name the act of ``verb`` ("delay"/"delay", "proposal"/"propose",
    "accusation"/"accuse", "decision"/"decide" by the table)?"""
    if noun == verb or verb in _irregular().get(noun, ()):
        return True
    if len(verb) >= 3 and noun.startswith(verb) and noun[len(verb):] in _SUFFIXES:
        return True  # "announcement", "withdrawal", "claims"
    # "accusation", "proposal": a final "e" dropped, only for longer verbs ("state" is not
    # "station", "rate" not "ration")
    return len(verb) >= 6 and verb.endswith("e") and noun.startswith(verb[:-1]) \
        and noun[len(verb) - 1:] in _SUFFIXES[1:]


def _object(tok: Token) -> Token | None:
    """The definite noun a response responds to: its direct object ("rejected the claims"),
    or a response noun's "of" phrase ("its rejection of the plan"); None if the noun names
    its own author or party (a possessor, a "by"/"from"/"of" phrase, a national modifier)."""
    noun = _pobj(tok, "of") if tok.pos_ == "NOUN" else next(
        (c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN")
           for c in noun.children) or any(c.dep_ == "poss" for c in noun.children):
        return None  # "Borduria's claims", "the Bordurian plan", "their claims": named by the phrase
    if any(c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "against", "on", "to") for c in noun.children):
        return None  # "the claims by Borduria", "the charges against the mayor"
    return noun


def _subject_actor(doc: Doc, verb: Token, by_id: dict[str, Actor]) -> Actor | None:
    """The actor a verb's active subject names (not a pronoun: its antecedent is not read here)."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.dep_ != "csubj"), None)
    if subj is None or subj.pos_ == "PRON" or subj.dep_ == "nsubjpass":
        return None
    aid = actor_for_span(doc, subj.idx, subj.idx + len(subj.text))
    return by_id.get(aid) if aid else None


def _speaker(doc: Doc, subj: Token | None, by_id: dict[str, Actor]) -> Actor | None:
    """The actor a verb of saying's subject names, a relative pronoun's through its noun
    ("the union, which said")."""
    if subj is None:
        return None
    if subj.pos_ == "PRON" and subj.head.dep_ == "relcl":
        subj = subj.head.head
    aid = actor_for_span(doc, subj.idx, subj.idx + len(subj.text))
    return by_id.get(aid) if aid else None


def _own_phrase(t: Token, o: CodedEvent) -> bool:
    """Was an earlier event's source read from the trigger's own clause or phrase: the subject
    of a verb, the possessor or "by" agent of a noun ("the miners' strike") - not a party
    the noun got from the clause around it ("X called the attacks ...": X did not attack)?"""
    if t.pos_ != "NOUN":
        return True
    lo, hi = t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
    return o.source is not None and lo <= o.source.start and o.source.end <= hi


def _same_party(a: Actor, b: Actor) -> bool:
    return a.id == b.id or (a.country is not None and a.country == b.country and a.sector == b.sector)


def _author(doc: Doc, c: CodedEvent, noun: Token, coded: list[CodedEvent], by_id: dict[str, Actor],
            sents: list) -> Actor | None:
    """The party of the nearest earlier telling of ``noun``'s act (see the module docstring)."""
    trig = doc[c.trigger_i]
    here = next(n for n, s in enumerate(sents) if s.start <= trig.i < s.end)
    lo = sents[max(0, here - _WINDOW)].start
    lemma = noun.lemma_.lower()
    events = {o.trigger_i: o for o in coded if o.event.source and o is not c}
    for i in range(trig.i - 1, lo - 1, -1):
        t = doc[i]
        if i == noun.i:
            continue
        party = None
        if i in events and same_word(lemma, t.lemma_.lower()) and _own_phrase(t, events[i]):
            party = by_id.get(events[i].event.source)
        elif t.pos_ == "VERB" and same_word(lemma, t.lemma_.lower()):
            if t.lemma_.lower() in _SAYING:  # the nearest speaker decides, named or not ...
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ == "PRON" and t.dep_ != "relcl":
                    continue  # ... but "she said" goes on about a speaker named before
                return _speaker(doc, subj, by_id)
            party = _subject_actor(doc, t, by_id)
        if party is not None:
            return party
    return None


_ANSWERS = {"REJECT", "AGREE"}  # a refusal or an acceptance answers whoever asked
_PLACEHOLDERS = {"it", "this", "that", "them"}


def _answered(trig: Token) -> bool:
    """Does a refusal or acceptance leave out what it answers, or name it only as "it", "the
    offer", "the demand" (not "rejected the election results")?"""
    obj = next((c for c in trig.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return trig.pos_ == "VERB"
    if obj.pos_ == "PRON":
        return obj.lower_ in _PLACEHOLDERS
    return obj.pos_ == "NOUN" and obj.lemma_.lower() in _proposals()["noun"]


def _asking_clauses(trig: Token) -> list[Token]:
    """The verbs a response's clause is coordinated with or hangs on: "Chile asked ..., but
    Peru refused" (the first conjunct), "Peru refused when Chile offered" (an adverbial clause)."""
    out = []
    if trig.dep_ == "conj" and trig.head.i < trig.i:
        out.append(trig.head)
    out.extend(c for c in trig.children if c.dep_ == "advcl"
               and any(m.dep_ == "mark" and m.lower_ in ("when", "after") for m in c.children))
    return out


def _asked_noun_author(doc: Doc, trig: Token, by_id: dict[str, Actor]) -> Actor | None:
    """Who made the demand or charge a response answers, by the clause around that noun: the
    subject of the clause whose object it is, when the response is a relative clause on it
    ("Chile renewed its demand, which Peru rejected"), or the subject of the noun's own
    relative clause ("Peru rejected the offer Chile made")."""
    nouns = _proposals()["noun"]
    if trig.dep_ in ("relcl", "acl") and not any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON" for c in trig.children):
        noun = trig.head
        if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" and noun.lemma_.lower() not in nouns:
            noun = noun.head.head  # "its demand for compensation, which Peru rejected"
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            return None
        if noun.dep_ in ("dobj", "obj") and _authoring(noun.head):
            return _subject_actor(doc, noun.head, by_id)
        return None
    obj = next((c for c in trig.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in nouns:
        return None
    for c in obj.children:
        if c.dep_ == "relcl" and _authoring(c):
            return _subject_actor(doc, c, by_id)
    return None


def _authoring(verb: Token) -> bool:
    """Does the verb's subject make the demand or charge that is its object ("renewed", "made",
    "put forward"; not "welcomed")?"""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _proposals()["author"]


def _asker(doc: Doc, c: CodedEvent, coded: list[CodedEvent], by_id: dict[str, Actor],
           sents: list) -> Actor | None:
    """Whom a refusal or acceptance answers (module docstring), or None."""
    trig = doc[c.trigger_i]
    responder = by_id.get(c.event.source or "")
    if responder is None:
        return None
    if (made := _asked_noun_author(doc, trig, by_id)) is not None:
        return made
    if not _answered(trig):
        return None
    for verb in _asking_clauses(trig):
        if verb.lemma_.lower() in _proposals()["verb"] and (party := _subject_actor(doc, verb, by_id)):
            return party
    here = next(n for n, s in enumerate(sents) if s.start <= trig.i < s.end)
    lo = sents[max(0, here - 1)].start
    for o in reversed(coded):  # the nearest request aimed at the responder
        t = doc[o.trigger_i]
        if o.event.type != "REQUEST" or not lo <= t.i < trig.i or o.event.hypothetical \
                or o.event.target is None or o.event.source is None:
            continue
        target, source = by_id.get(o.event.target), by_id.get(o.event.source)
        if target is not None and source is not None and _same_party(target, responder):
            return source
    return None


def fill_reactions(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give a target-less response the author of the act it responds to, and a refusal or
    acceptance whoever asked (module docstring). Runs on settled actors."""
    by_id = {a.id: a for a in doc._.actors or ()}
    sents = None
    for c in coded:
        if c.event.type not in _RESPONSES | _ANSWERS or c.event.target is not None or c.event.source is None \
                or c.event.hypothetical:
            continue
        responder = by_id.get(c.event.source)
        if responder is None:
            continue
        sents = sents or list(doc.sents)
        author = None
        if c.event.type in _ANSWERS:
            author = _asker(doc, c, coded, by_id, sents)
        noun = None if author is not None or c.event.negated else _object(doc[c.trigger_i])
        if author is None and c.event.type in _RESPONSES and noun is not None:
            author = _author(doc, c, noun, coded, by_id, sents)
        if author is None or _same_party(author, responder):
            continue
        earlier = [m for m in author.mentions if m.end <= c.event.trigger.start]
        m = earlier[-1] if earlier else min(author.mentions, key=lambda m: abs(m.start - c.event.trigger.start))
        c.target = Arg(m.start, m.end, doc_text(doc)[m.start:m.end], author.id, author.country, False, author.sector)
        c.event.target = author.id
        c.extra["target_from_reaction"] = True
