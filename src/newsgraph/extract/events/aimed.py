"""Whom an act is aimed at beyond its direct object: the party its object names ("signed an
agreement with the EU", "rejected Peru's offer"), what it goes into ("a probe into Chile's arms
sales"), and the parties its adjuncts tell: a protest's "in protest against X", a complaint's
"over"/"about", a toll ("shelled the town, killing nine villagers"), a purpose ("to clear the
square of marchers"), a threat's condition ("unless Chile drops the tariff") and a demand's or
allegation's complement ("demanded that Peru pay"). Split from :mod:`.args`, which reads the
trigger's own phrase and clause and calls these."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from ..tokens import TokenView, token_view
from .countries import _PASS_SUBJ, _SUBJ, country_of
from .nominal import _made_by, _nominal_agent
from .syntax import _actor_like, _actor_like_at, _child, _conjuncts, _infinitive_at, _pobj, _pobj_at

_PARTY_PREPS = ("with", "against", "by", "to", "on", "between")

_OWNER_PREPS = ("from", "by", "of")


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


def _complained_of(trig: Token) -> list[Token]:
    """Who a complaint is about: the party of its "over"/"about" object."""
    for head in (trig, _child(trig, ("dobj", "obj"))):  # "stopped work over a decree"
        for prep in ("over", "about"):
            if head is not None and (p := _pobj(head, prep)) is not None:
                return _conjuncts(p) if _actor_like(p, owner=False) else (_nominal_agent(p) or _made_by(p))
    return []


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to disperse", "to complain")."""
    return _infinitive_at(token_view(verb.doc), verb.i)


def _struck(act: Token) -> list[Token]:
    """Whom an act of force hit, by the participle that tells its toll ("shelled the town,
    killing nine villagers", "escalated its shelling, inflicting losses on border guards")."""
    for c in act.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i < act.i or _child(c, _SUBJ | {"mark"}) is not None:
            continue  # not "was killed while preventing an attack on ..."
        o = _child(c, ("dobj", "obj"))
        if o is not None and _actor_like(o):
            return _conjuncts(o)
        if o is not None and (on := _pobj(o, "on") or _pobj(c, "on")) is not None and _actor_like(on):
            return _conjuncts(on)  # "inflicting heavy losses on the rebels"
    return []


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


def _object_party(obj: Token, transfer: bool = False) -> list[Token]:
    """The party an act's non-actor object names: "signed an agreement with the EU",
    "demanded an admission by Moscow", "launched a strike against Iraq"; for what a
    transfer verb gives, also whom it is for ("give 5 million euros of relief for Malawi")."""
    return _object_party_at(token_view(obj.doc), obj.i, transfer)


def _object_party_at(view: TokenView, obj: int, transfer: bool = False) -> list[Token]:
    """:func:`_object_party` of token ``obj``."""
    preps = (*_PARTY_PREPS, "for") if transfer else _PARTY_PREPS
    for _ in range(3):
        for prep in preps:
            p = _pobj_at(view, obj, prep)
            if p is not None and _actor_like_at(view, p):
                return _conjuncts(view.doc[p])
            if p is not None and prep in _MEASURED and (origin := _origin_at(view, p)):
                return origin  # "lifted duties on imports from Peru", "on Peruvian-made cars"
        nxt = _pobj_at(view, obj, "of")  # through "dollars of aid", "a series of talks"
        if nxt is None or _actor_like_at(view, nxt):
            break
        obj = nxt
    return []


def _origin_at(view: TokenView, goods: int) -> list[Token]:
    """The country goods come from, when a measure "on" or "against" them names no party:
    "imports from Peru" (a "from" party), "Peruvian-made cars", "Chilean- and Peruvian-built
    ships" (the nationality of a made/built/produced modifier, and of a national word
    coordinated before it). The measure is aimed at that country."""
    doc, dep, kids = view.doc, view.dep, view.children
    if (src := _pobj_at(view, goods, "from")) is not None and _actor_like_at(view, src):
        return _conjuncts(doc[src])
    out: list[Token] = []
    for c in kids[goods]:
        if dep[c] == _AMOD and doc[c].lemma_.lower() in _MADE:
            out += [doc[n] for n in kids[c] if dep[n] in _NATION_DEPS and _national(doc[n])]
    before = [doc[c] for c in kids[goods] if dep[c] in _NATION_DEPS and doc[c].text.endswith("-")
              and _national(doc[c])]  # "Chilean- and Peruvian-built": the parse hangs the first on the goods
    return (before + out) if out else []


def _national(tok: Token) -> bool:
    """A national word or country name ("Peruvian", "Chile", "Chilean-")."""
    return tok.ent_type_ in ("NORP", "GPE") or country_of(tok.text.rstrip("-")) is not None


#: Prepositions of a measure's goods ("duties on ...", "a campaign against ...").
_MEASURED = ("on", "against")
#: Participles that say where goods come from ("Peruvian-made").
_MADE = {"make", "build", "produce", "manufacture", "assemble", "grow"}
_AMOD = get_string_id("amod")
_NATION_DEPS = frozenset(get_string_id(d) for d in ("npadvmod", "compound", "nmod", "amod"))


def _owner(obj: Token, preps: tuple[str, ...] = _OWNER_PREPS) -> list[Token]:
    """Whose proposal, demand or offer an act answers ("rejected North Korea's demand",
    "a Chilean plan", "an offer from Peru", "a session of the AU council")."""
    for c in obj.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return _conjuncts(c)
    for prep in preps:
        p = _pobj(obj, prep)
        if p is not None and _actor_like(p):
            return _conjuncts(p)
    for c in obj.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or country_of(c.text)):
            return [c]
    return []


def _looked_into(head: Token, act: Token | None = None) -> list[Token]:
    """Whose conduct an inquiry or raid goes "into": the party itself, or the possessor or
    national modifier of what it goes into ("a probe into Chile's arms sales"; not "into the
    deaths of miners", whose "of" names the victims)."""
    into = _pobj(head, "into")
    if into is None or (act is not None and into.i == act.i):
        return []  # "looked into the police inquiry": the act itself
    return _conjuncts(into) if _actor_like(into, owner=False) else _owner(into, preps=())


def _demanded_party(trig: Token) -> list[Token]:
    """"demanded that Peru pay ...", "alleged that Chile knew", "called for Peru to pay": a
    demand's or an allegation's target is who is to act or is said to have acted, the
    subject of its complement clause (or of its "for ... to" clause, which spaCy attaches as
    an adverbial clause marked by "for")."""
    for c in trig.children:
        if (c.dep_ == "ccomp" or (c.dep_ == "advcl" and c.i > trig.i and _child(c, ("mark",)) is not None
                                  and _child(c, ("mark",)).lower_ == "for")) \
                and (s := _child(c, _SUBJ | _PASS_SUBJ)) is not None and s.pos_ != "PRON":
            return _conjuncts(s)
    return []


def _act_party(act: Token) -> list[Token]:
    """The party an act noun asked for names as its possessor or with "of" ("called for the
    governor's resignation", "pressed for the withdrawal of Borduvian troops"): who is to
    resign or withdraw, the party the demand is made of."""
    for c in act.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and _actor_like(c):
            return _conjuncts(c)
    p = _pobj(act, "of")
    return _conjuncts(p) if p is not None and _actor_like(p) else []
