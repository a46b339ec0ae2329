"""Who did violence a passive clause tells without its agent, when the article says it.

"Four guards were killed when the rebels stormed the depot", "a driver was wounded in a
Ruritanian air strike": the passive act names no agent, but the clause that tells how it
happened is itself an attack with a perpetrator. And a report often tells the attack first
and its toll in the next sentence: "Gunmen raided a market on Monday. Six traders were
killed." This pass, on settled actors (after :mod:`.pronouns`), gives such an act the
perpetrator the text gives it:

* **the attack that tells how**: a passive act of violence (``ASSAULT``) with no source, whose
  own adjunct — a "when"/"as"/"after" clause, or an "in"/"during"/"by" phrase — holds a coded
  act of violence with a source: that source (when several such acts have different sources,
  nothing is given). The coder folds a "when" clause of the same type into the act it
  explains ("were killed when troops attacked": one event), so such a clause's verb counts
  when the lexicon codes it as violence and its active subject is an actor;
* **the other side of a fight**: "were killed in fighting with X", "died in clashes with X":
  the victims fought X, so X did the violence (the fight nouns are ``referents.tsv``'s "mutual"
  rows), unless the victims are X's own; and coordinated passives of force share their "by"
  doer ("were detained by X and later expelled", :func:`.passives.share_agents`);
* **the author of the attack noun**: "killed by attacks carried out by X", "wounded in X's
  raid": the actor the noun's own phrase names as its author;
* **the toll after the attack**: a passive act of violence with no source and no adjunct that
  tells another act (or only "in the attack", an attack the reader already knows), in the
  sentence right after one that tells an attack with a source (an act of violence, not
  itself passive, neither negated nor hypothetical), gets that source,
  unless the victims are that party's own (its actor, or the same head noun: "militants
  attacked ... three militants were killed").

An act told as a risk ("at risk of being attacked") or a hypothesis is left alone. A victim
with an unknown perpetrator keeps no source: the pass only follows an attack the
article tells, never the article's usual opponent (that is :mod:`.dyad`, after it). Outside
direct quotations only, since a speaker's "they were killed" may be about another incident. A filled
source is marked ``CodedEvent.extra["source_from_attack"]``; the event keeps the confidence
it was read with.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...records import Actor
from .. import doc_text, ext
from .article import _generic, _mutual, _named_in, _party, _violent_noun
from .coded import CodedEvent
from .countries import _PASS_SUBJ, _SUBJ
from .lexicon import Lexicon
from .passives import share_agents
from .resolve import _resolve
from .syntax import Arg, _child, _pobj

_VIOLENCE = "ASSAULT"
_ADJUNCTS = frozenset({"advcl", "prep", "agent"})
_HOW = frozenset({"when", "as", "after", "while", "in", "during", "by", "amid"})


def fill_attack_agents(doc: Doc, coded: list[CodedEvent], lex: Lexicon) -> None:
    """Give passive violence with no agent the source of the attack the article tells it by
    (see the module docstring). Runs on settled actors."""
    quotes = [(q.start, q.end) for q in ext(doc, "quotes") or () if q.kind != "indirect"]
    places = list(ext(doc, "places") or [])
    share_agents(doc, coded, lex, lambda tok: _settled(doc, tok, places))  # "were shot and wounded by X" (.passives)
    attacks = [o for o in coded if _attack(doc, o)]
    for c in coded:
        if c.event.type != _VIOLENCE or c.event.source is not None or c.event.negated or c.event.hypothetical:
            continue
        tok = doc[c.trigger_i]
        if not _passive(tok) or _generic(tok) or any(s <= tok.idx < e for s, e in quotes):
            continue
        how = _adjunct_tokens(tok)
        donor = _one_source([o for o in attacks if o is not c and o.trigger_i in how])
        source = replace(donor.source) if donor is not None else None
        if source is None:  # a folded "when"/"after" attack tells it, whatever else the clause holds
            source = _folded_attack(doc, tok, lex)
        if source is None:  # "were killed in clashes with rebels": the other side of the fight
            source = _opponent(doc, tok, places)
        if source is None and not any(o.trigger_i in how for o in coded if o is not c):
            source = _noun_author(doc, tok, places)
            if source is None and (not how or _the_attack(tok)):  # a bare toll, or "in the
                donor = _one_source(_previous_attacks(doc, tok, attacks))  # attack": the one told before
                source = replace(donor.source) if donor is not None else None
        if source is None or _own_side(doc, c, source):
            continue
        c.source = source
        c.event.source = source.actor
        c.extra["source_from_attack"] = True


def _folded_attack(doc: Doc, tok: Token, lex: Lexicon) -> Arg | None:
    """The actor subject of a violent "when"/"as" clause the coder folded into the act."""
    found: list[Arg] = []
    for v in (c for w in (tok, *_participles(tok)) for c in w.children if c.dep_ == "advcl"):
        words = {w.lemma_.lower() for w in v.children}  # its particles and objects: "opened fire"
        if not _how_clause(v) or (entry := lex.match("verb", v.lemma_.lower(), words)) is None \
                or entry.plover.type != _VIOLENCE or "off" in entry.flags or (subj := _child(v, _SUBJ)) is None:
            continue
        actor = _actor_at(doc, subj)
        if actor is None:
            return None
        found.append(_settled(doc, subj, []))
    return found[0] if len(found) == 1 else None


def _actor_at(doc: Doc, tok: Token) -> Actor | None:
    return next((a for a in ext(doc, "actors") or () if any(m.start <= tok.idx < m.end for m in a.mentions)), None)


def _attack_nouns(tok: Token) -> list[Token]:
    """The attack nouns of the act's "in"/"during"/"by" phrases ("killed in the raid")."""
    return [p for w in (tok, *_participles(tok)) for ch in w.children
            if ch.dep_ in ("prep", "agent") and ch.lower_ in _HOW
            for p in ch.children if p.dep_ == "pobj" and _violent_noun(p)]


def _noun_author(doc: Doc, tok: Token, places: list) -> Arg | None:
    """The author an attack noun of the act's phrases names ("by attacks carried out by X",
    "in X's raid"), when it is an actor."""
    found = [a for n in _attack_nouns(tok) if (a := _named_in(doc, n, places)) is not None and a.actor]
    return found[0] if len(found) == 1 else None


def _opponent(doc: Doc, tok: Token, places: list) -> Arg | None:
    """The one party a fight the act happened in is fought "with" or "against" ("were killed in
    fighting with rebels", "died in the raid and the gun battle with militants that followed"):
    the victims were on the other side, so that party did the violence (:func:`_own_side`
    keeps "rebels died in clashes with rebels" out)."""
    found: list[Arg] = []
    for w in (tok, *_participles(tok)):
        for ch in w.children:
            if ch.dep_ != "prep" or ch.lower_ not in _FIGHT_PREPS:
                continue
            for p in (n for pobj in ch.children if pobj.dep_ in ("pobj", "pcomp") for n in (pobj, *pobj.conjuncts)):
                if not _mutual(p):
                    continue
                for prep in ("with", "against"):
                    if (x := _pobj(p, prep)) is not None and _party(arg := _settled(doc, x, places)):
                        found.append(arg)
    return found[0] if len({a.actor or a.country or a.text for a in found}) == 1 else None


_FIGHT_PREPS = frozenset({"in", "during", "amid"})


def _settled(doc: Doc, tok: Token, places: list) -> Arg | None:
    """The party a phrase names: the settled actor whose mention covers its head, else as read."""
    actor = _actor_at(doc, tok)
    if actor is None:
        return _resolve(doc, tok, places)
    m = next(m for m in actor.mentions if m.start <= tok.idx < m.end)
    return Arg(m.start, m.end, doc_text(doc)[m.start:m.end], actor.id, actor.country, False, actor.sector)


def _the_attack(tok: Token) -> bool:
    """Is the act told as the toll of an attack the reader already knows ("in the attack")?"""
    nouns = _attack_nouns(tok)
    return len(nouns) == 1 and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in nouns[0].children)


def _how_clause(v: Token) -> bool:
    return any(m.dep_ in ("mark", "advmod") and m.lower_ in _HOW for m in v.children)


def _attack(doc: Doc, o: CodedEvent) -> bool:
    """An act of violence with a perpetrator, told as done (not passive: that is a toll)."""
    return (o.event.type == _VIOLENCE and o.event.source is not None and o.source is not None
            and not o.event.negated and not o.event.hypothetical and not _passive(doc[o.trigger_i]))


def _passive(tok: Token) -> bool:
    """"were killed", "those wounded in": a past participle told of its victims."""
    if tok.tag_ != "VBN":
        return False
    return tok.dep_ in ("acl", "relcl") or any(ch.dep_ == "auxpass" for ch in tok.children) \
        or any(ch.dep_ in _PASS_SUBJ for ch in tok.children)


def _adjunct_tokens(tok: Token) -> set[int]:
    """Token indices of the clauses and phrases that tell how the act happened, its own or
    those of a coordinated act ("were killed and dozens wounded in the raid")."""
    out: set[int] = set()
    for ch in (c for v in (tok, *_participles(tok)) for c in v.children):
        if ch.dep_ not in _ADJUNCTS:
            continue
        if ch.dep_ == "advcl" and not _how_clause(ch):
            continue
        if ch.dep_ != "advcl" and ch.lower_ not in _HOW:
            continue
        out.update(t.i for t in ch.subtree)
    return out


def _participles(tok: Token) -> list[Token]:
    return [v for v in tok.conjuncts if v.tag_ == "VBN"]


def _previous_attacks(doc: Doc, tok: Token, attacks: list[CodedEvent]) -> list[CodedEvent]:
    """The attacks of the sentence right before the act's own."""
    i = tok.sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0:
        return []
    prev = doc[i].sent
    return [o for o in attacks if prev.start <= o.trigger_i < prev.end]


def _one_source(donors: list[CodedEvent]) -> CodedEvent | None:
    """The donor, when all donors have one source."""
    if not donors or any(d.event.source != donors[0].event.source for d in donors[1:]):
        return None
    return donors[0]


def _own_side(doc: Doc, c: CodedEvent, source: Arg) -> bool:
    """Are the victims the perpetrator's own ("militants attacked ...; two militants died")?"""
    if c.target is None:
        return False
    if c.event.target is not None and c.event.target == source.actor:
        return True
    victim = doc.char_span(c.target.start, c.target.end, alignment_mode="expand")
    doer = doc.char_span(source.start, source.end, alignment_mode="expand")
    return victim is not None and doer is not None and _noun(victim.root) == _noun(doer.root)


def _noun(tok: Token) -> str:
    """A head noun without number ("Rebels" opening a sentence is tagged a proper noun)."""
    return tok.lemma_.lower().removesuffix("s")
