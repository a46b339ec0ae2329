"""Arguments only the article gives: a party a sentence leaves unnamed that an earlier or nearby
sentence names.

* A response to an earlier act ("rejected the accusations", "condemned the attack", "welcomed
  the decision", "dismissed it") is aimed at whoever did that act: the source of the nearest
  earlier event of a type the noun can refer to (``newsgraph/data/referents.tsv``), when that
  party is not the responder itself; a party named in the noun's own phrase ("the charges
  made by Ruritania", "Ruritania's claims") comes first.
* Violence with no perpetrator ("were killed", "came under attack", "the siege") is the act of
  the group that claimed it, or that the article blames for it, in the same or an adjacent
  sentence; else of the article's one armed non-state side (rebels, insurgents: one group, or
  several records of groups of one country), if it is the source of other violence in the
  article, unless the text tells the act otherwise (violence of another country or of two
  sides in its sentence, an act done to an attack, an earlier year, a war with a perpetrator
  from abroad). With several candidates nothing is guessed.

Each filled argument is marked in ``CodedEvent.extra`` ("target_from_article",
"source_from_article"); the event keeps the confidence it was read with (a party found
elsewhere does not make the act itself any surer).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

from .. import data_rows, doc_text, ext, kept_per_doc
from ..actors.story import story_country, story_weights
from .coded import CodedEvent
from ..actors.knowledge import country_of
from ..tokens import lower_of, token_view
from .countries import _OBJ, _PASS_SUBJ, _SUBJ
from .nominal import _CLAIMED, _claimed_gerund_by
from .resolve import _resolve
from .syntax import Arg, _child, _pobj

#: Responses whose object can be an earlier act.
_RESPONSES = {"REJECT", "ACCUSE", "SUPPORT", "AGREE"}
#: Acts whose perpetrator the article may name elsewhere.
_VIOLENT = {"ASSAULT", "COERCE"}
_ARMED = {"REB", "INS"}
_SPEECH = {"ACCUSE", "REJECT", "REQUEST", "THREATEN"}
_BACK = {"it", "this", "that", "them", "these", "those"}
_WINDOW = 2  # sentences back in which an act responded to without naming its author is looked for
_NEAR = 3  # sentences: how close the armed group must be named to an act given to it


@lru_cache(maxsize=1)
def referents() -> dict[str, frozenset[str] | None]:
    """noun lemma -> PLOVER types of the earlier event it refers to (None: any type)."""
    out: dict[str, frozenset[str] | None] = {}
    for noun, types, *_ in data_rows("referents.tsv"):
        out[noun] = None if types == "*" else frozenset(t.strip() for t in types.split(","))
    return out


def _mutual(tok: Token) -> bool:
    """War, fighting, clashes: acts of two sides, with no one perpetrator to fill in."""
    return referents().get(tok.lemma_.lower()) == frozenset({"mutual"})


def fill_from_article(doc: Doc, coded: list[CodedEvent]) -> None:
    """Fill what the article gives: perpetrators first (a response to "the attack" is then
    aimed at them), then the targets of responses. ``coded`` is in text order."""
    places = list(ext(doc, "places") or [])
    speech = {c.trigger_i for c in coded if c.event.type in _SPEECH}
    for c in coded:
        if c.source is None and c.event.type in _VIOLENT and not (
                c.event.negated or c.event.hypothetical or _generic(doc[c.trigger_i])
                or "sym" in c.entry.flags or _mutual(doc[c.trigger_i]) or _alleged(doc[c.trigger_i], speech)):
            src = _perpetrator(doc, c, coded, places, armed=c.event.type == "ASSAULT")
            if src is not None:
                _set(c, "source", src)
    for n, c in enumerate(coded):
        if c.target is None and c.event.type in _RESPONSES and c.source is not None:
            tgt = _responded_to(doc, c, coded[:n], places)
            if tgt is not None:
                _set(c, "target", tgt)


def _set(c: CodedEvent, side: str, arg: Arg) -> None:
    setattr(c, side, arg)
    setattr(c.event, side, arg.actor)
    c.extra[f"{side}_from_article"] = True  # the confidence stays as read: the act is no surer


def _same_party(a: Arg | None, b: Arg | None) -> bool:
    if a is None or b is None:
        return False
    if a.actor and a.actor == b.actor:
        return True
    return bool(a.country and a.country == b.country and a.sector and a.sector == b.sector)


def _party(a: Arg | None) -> bool:
    return a is not None and bool(a.actor or a.country or a.sector)


# --------------------------------------------------------------------------- responses to an earlier act


def _object_noun(tok: Token) -> Token | None:
    """What a response responds to: its object ("rejected the claims", "dismissed it"), the
    noun a relative clause hangs on ("a charge the ministry rejected"), or a response noun's
    "of" phrase ("its rejection of the charges")."""
    if tok.pos_ == "NOUN":
        return _pobj(tok, "of")
    obj = _child(tok, _OBJ)
    if obj is not None:
        return obj
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PRON"):
        return tok.head
    return None


def _responded_to(doc: Doc, c: CodedEvent, before: list[CodedEvent], places: list) -> Arg | None:
    noun = _object_noun(doc[c.trigger_i])
    if noun is None:
        return None
    if noun.pos_ == "PRON":
        if noun.lower_ not in _BACK:
            return None
        types: frozenset[str] | None = None
        near = doc[c.trigger_i].sent.start - 1  # "it": told in this sentence or the one before
        lo = doc[near].sent.start if near >= 0 else 0
        before = [b for b in before if b.trigger_i >= lo]
    else:
        lemma = noun.lemma_.lower()
        if lemma not in referents() or _mutual(noun):
            return None
        types = referents()[lemma]
        named = _named_in(doc, noun, places)  # "the charges made by X", "X's claims"
        if named is not None:
            return None if _same_party(named, c.source) else named
    cands = [b for b in before if (types is None or b.event.type in types) and _party(b.source)
             and _party(b.target) and b.trigger_i != c.trigger_i and not b.event.hypothetical
             and not _same_party(b.source, c.source)]
    aimed = [b for b in cands if _same_party(b.target, c.source)]  # an act aimed at the responder
    if aimed:
        return aimed[-1].source
    if types is None:
        return None  # "the decision", "it": only an act aimed at the responder is sure enough
    sents = _sentence_index(doc)
    here = sents.get(doc[c.trigger_i].sent.start, -1)
    recent = [b.source for b in cands if here - sents.get(doc[b.trigger_i].sent.start, -9) <= _WINDOW]
    if recent:  # one party did the acts of that kind told just before, else it is not clear which
        return _one(recent)
    if types <= _VIOLENT:  # "condemned the attack": whoever claimed it
        return _perpetrator(doc, c, before, places, exclude=c.source, armed=False)
    return None


def _named_in(doc: Doc, noun: Token, places: list) -> Arg | None:
    """The party a referring noun names as the act's author: a possessor, a "by"/"from" phrase,
    or the agent of a participle ("made by", "levelled by")."""
    cands = [ch for ch in noun.children if ch.dep_ == "poss" and ch.pos_ != "PRON"]
    cands += [p for p in (_pobj(noun, "by"), _pobj(noun, "from")) if p is not None]
    for ch in noun.children:
        if ch.dep_ == "acl" and (agent := _pobj(ch, "by")) is not None:
            cands.append(agent)
    for tok in cands:
        arg = _resolve(doc, tok, places)
        if _party(arg):
            return arg
    return None


# --------------------------------------------------------------------------- violence with no perpetrator


def _perpetrator(doc: Doc, c: CodedEvent, coded: list[CodedEvent], places: list,
                 exclude: Arg | None = None, armed: bool = True) -> Arg | None:
    """Who did an act the sentence names no perpetrator for: a claimant near it, else the one
    armed group, with ``armed`` (not the act's target, nor ``exclude``, the party responding
    to it)."""
    if _older(doc, c.event.date):
        return None  # "the city was bombed in 1998 too": another act than the article's
    sents = _sentence_index(doc)
    here = sents.get(doc[c.trigger_i].sent.start, -1)
    near = [a for s, a in _claimants(doc, places) if abs(s - here) <= 1]
    found = _one(near)
    if found is None and not near and armed:
        found = _armed_group(doc, c, coded)
    if found is None or _same_party(found, c.target) or _same_party(found, exclude):
        return None
    return found


def _generic(tok: Token) -> bool:
    """An act named as a risk or a quality, not one that happened: "at risk of being attacked",
    "the besieged town"."""
    if tok.dep_ == "pcomp" and _claimed_gerund_by(tok):
        return False  # "claimed responsibility for attacking the convoy": an act that happened
    if tok.dep_ in ("amod", "pcomp") or (tok.dep_ == "pobj" and tok.tag_ == "VBG"):
        return True
    return any(ch.dep_ == "auxpass" and ch.lower_ == "being" for ch in tok.children)


def _alleged(tok: Token, speech: set[int]) -> bool:
    """Is the act what an accusation or a denial is about ("accused X of plotting the attack",
    "denied a role in the bombing")? Its author is the one that speech act names, if any."""
    return any(a.i in speech for a in tok.ancestors)


def _older(doc: Doc, date: str | None) -> bool:
    """Is an act dated more than a month before the article was published?"""
    published = ext(doc, "published")
    if not date or published is None or len(date) < 7 or not date[:4].isdigit() or not date[5:7].isdigit():
        return False
    return (published.year * 12 + published.month) - (int(date[:4]) * 12 + int(date[5:7])) > 1


def _one(args: list[Arg]) -> Arg | None:
    """The single party among ``args`` (one party named several times counts once)."""
    if not args or any(not _same_party(args[0], a) for a in args[1:]):
        return None
    return args[0]


_SENTS: tuple[object, int, dict[int, int]] = (None, 0, {})
kept_per_doc(__name__, "_SENTS", lambda: (None, 0, {}))


def _sentence_index(doc: Doc) -> dict[int, int]:
    """Sentence start token -> sentence number, built once per doc (it is asked per event;
    callers only read it)."""
    global _SENTS
    if _SENTS[0] is not doc or _SENTS[1] != len(doc):
        view = token_view(doc)  # doc.sents' starts, without a Span per sentence
        starts = view.sent_starts if view.has_sents else [s.start for s in doc.sents]
        _SENTS = (doc, len(doc), {s: n for n, s in enumerate(starts)})
    return _SENTS[2]


_CLAIM_VERBS = {"claim", "take", "accept", "admit"}
_CLAIMERS = frozenset(_CLAIM_VERBS | {"blame"})
_VERBS = frozenset({VERB})


def _claimants(doc: Doc, places: list) -> list[tuple[int, Arg]]:
    """(sentence number, party) for each group the article says claimed an act ("X claimed
    responsibility", "X took credit for", "was claimed by X") or blamed it on ("blamed the
    bombing on X", "blamed X for the raid"). A state blamed is an accusation, not a finding:
    only non-state parties are taken from blame."""
    sents = _sentence_index(doc)
    out = []
    view = token_view(doc)
    for i in view.where("pos", _VERBS):  # verbs only, their lemmas from the view: a Token per claim verb
        lemma = lower_of(doc, view.lemma[i])
        if lemma not in _CLAIMERS:
            continue
        tok = doc[i]
        who: Token | None = None
        if lemma == "blame":
            who = _pobj(tok, "on") or (_child(tok, _OBJ) if _pobj(tok, "for") is not None else None)
            if who is None and any(ch.dep_ in _PASS_SUBJ for ch in tok.children) and _pobj(tok, "for"):
                who = _child(tok, _PASS_SUBJ)  # "X was blamed for the attack"
        elif (obj := _child(tok, _OBJ)) is not None and obj.lemma_.lower() in _CLAIMED:
            who = _child(tok, _SUBJ)
        elif lemma == "claim" and (agent := _pobj(tok, "by")) is not None:
            who = agent  # "the bombing was claimed by X"
        arg = _resolve(doc, who, places) if who is not None and who.pos_ != "PRON" else None
        if not _party(arg) or (lemma == "blame" and arg.sector not in _ARMED | {None}):
            continue
        if lemma == "blame" and arg.sector is None and arg.country:
            continue  # a country blamed
        out.append((sents.get(tok.sent.start, -1), arg))
    return out


def _armed_group(doc: Doc, c: CodedEvent, coded: list[CodedEvent]) -> Arg | None:
    """The article's one armed non-state side, when it is the source of other violence in the
    article and not this act's target (its own fighters killed are someone else's act).

    A side is one group, or several records of armed groups of one country ("the BLA", "BLA
    insurgents", "the militants" in a story set in one insurgency; a group the text does not
    place is of the story's country): the act is given to the record that is the source of
    most of the article's other violence."""
    actors = list(ext(doc, "actors") or ())
    groups = {a.id: a for a in actors if a.sector in _ARMED}
    if len(groups) > 1:  # "the militants": of the story's country, as settled later; a named
        # group with no country (an international network) is a side of its own
        story = story_country(story_weights(doc, actors)) if any(a.country is None for a in groups.values()) else None
        countries = {a.country or (a.id if a.kind == "organization" else story) for a in groups.values()}
    else:
        countries = {a.country for a in groups.values()}
    if not groups or len(countries) != 1 or (len(groups) > 1 and None in countries):
        return None
    if c.target is not None and (c.target.actor in groups or c.target.sector in _ARMED):
        return None
    (side,) = countries
    if _other_violence(doc, c, coded, groups, side):
        return None
    acts = Counter(o.source.actor for o in coded if o is not c and o.event.type in _VIOLENT
                   and o.source is not None and o.source.actor in groups
                   and not o.extra.get("source_from_article"))
    if not acts:
        return None
    rec = groups[max(acts, key=lambda g: (acts[g], len(groups[g].mentions), g))]
    sents = _sentence_index(doc)
    here = sents.get(doc[c.trigger_i].sent.start, -1)
    if min(_distance(doc, sents, m, here) for g in groups.values() for m in g.mentions) > _NEAR:
        return None  # the side is named too far away to be taken as meant here
    m = min(rec.mentions, key=lambda m: abs(m.start - c.event.trigger.start))
    return Arg(m.start, m.end, doc_text(doc)[m.start:m.end], rec.id, rec.country, False, rec.sector)


def _other_violence(doc: Doc, c: CodedEvent, coded: list[CodedEvent], groups: dict, side: str | None) -> bool:
    """Does the text tell the act as another party's, or as one of two sides? Then the armed
    group is not the one to give it to: its sentence names violence of another country
    ("killed in a Ruritanian air strike"), of another coded source, or of two sides
    ("killed in fighting", "clashes between the army and the rebels"); the act is done to an
    attack ("the assault was repelled": by the defenders); or it is told as of an earlier year
    ("the 2003 invasion"); or, for a victim of the group's own country, the article's violence
    has another source from abroad hitting that country (a war of two perpetrators)."""
    tok = doc[c.trigger_i]
    sent = tok.sent
    for t in sent:
        if _mutual(t) or (_violent_noun(t) and any(ch.dep_ == "prep" and ch.lower_ == "between" for ch in t.children)):
            return True
        if _violent_noun(t) and any(ch.dep_ in ("amod", "compound", "poss") and country_of(ch.text) not in (None, side)
                                    for ch in t.children):
            return True
    if any(ch.dep_ in _PASS_SUBJ | _OBJ and _violent_noun(ch) for ch in tok.children):
        return True
    published = ext(doc, "published")
    if published is not None and any(ch.like_num and len(ch.text) == 4 and ch.text.isdigit()
                                      and int(ch.text) < published.year for ch in tok.children):
        return True
    if any(o is not c and o.event.type in _VIOLENT and sent.start <= o.trigger_i < sent.end
           and o.source is not None and o.source.actor not in groups and o.source.sector not in _ARMED
           for o in coded):
        return True
    if c.target is None or c.target.country in (None, side):
        return any(o.event.type in _VIOLENT and o.source is not None and o.target is not None
                   and o.source.country not in (None, side) and o.source.sector not in _ARMED
                   and o.target.country == side and not o.extra.get("source_from_article") for o in coded)
    return False


def _violent_noun(t: Token) -> bool:
    types = referents().get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
    return bool(types and types & _VIOLENT)


def _distance(doc: Doc, sents: dict[int, int], m, here: int) -> int:
    """How many sentences a mention is from sentence number ``here``."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return 99 if span is None else abs(sents.get(span.sent.start, -99) - here)
