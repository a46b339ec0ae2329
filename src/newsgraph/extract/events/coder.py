"""Coding the events of one document: triggers -> arguments -> flags, date, place -> records."""

from __future__ import annotations

from dataclasses import replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ...records import Event, TextSpan
from ...records import Span as CharSpan
from .. import doc_text, ext
from ..tokens import sentence_chars, token_view
from .args import (
    _SPEECH_ACTS,
    _noun_args,
    _object_party,
    _verb_args,
    defied,
    reciprocal,
)
from .article import fill_from_article
from .coded import CodedEvent, _confidence, _demand_entry, _plover_table
from .context import (
    _attach_node,
    _attach_token,
    _claim_source,
    _clause_place,
    _group_country,
    _pick_date,
    _pick_place,
    _report_source,
)
from .countries import _OBJ, _PASS_SUBJ, _SUBJ, country_of
from .discourse import _accusation, _background, _inherit, _target_from_place, _venue
from .faulted import faulted_acts
from .appeals import asked_parties
from .denials import stated_denials
from .refusals import stated_refusals
from .statements import stated_accusations
from .implicit import _words
from .lexicon import LexEntry, Lexicon, plover_for
from .mentions import corefer
from .modality import _REPORT, _flags, _unless, intent_code, reject_code
from .nominal import _headline_args, _hyphen_agent, _means, _nominal_anchor, linked_parties
from .passives import passive_conjunct
from .resolve import _resolve
from .syntax import Arg, _actor_like, _child, _conjuncts, _pobj
from .triggers import _find_triggers

_JOINT = {"AGREE", "CONSULT", "COOPERATE"}  # acts that coordinated parties do together


def _distinct(args: list[Arg]) -> list[Arg]:
    """One argument per actor: "the Economic Community of West African States, or ECOWAS" is one party."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for a in args:  # by actor and country: "Swiss and Austrian monks" are one actor read twice
        if a.actor is None or (a.actor, a.country) not in seen:
            out.append(a)
            seen.add((a.actor, a.country))
    return out


def _own_party(arg: Token, noun: Token) -> bool:
    """Is a source token the noun's own possessor or "by"/"from" agent ("Chile's talks")?"""
    return (arg.head.i == noun.i and arg.dep_ == "poss") or (
        arg.head.head.i == noun.i and arg.head.lower_ in ("by", "from"))


def _word_party(tok: Token) -> Arg | None:
    """A country word read by itself ("Saudi" in "Saudi-funded"), whatever phrase it opens."""
    country = country_of(tok.text)
    return Arg(tok.idx, tok.idx + len(tok.text), tok.text, None, country, True) if country else None


def _hyphenated(doc: Doc, tok: Token, nominal: bool, s_toks: list[Token], srcs: list[Arg | None],
                tgts: list[Arg | None]) -> tuple[list[Arg | None], list[Arg | None], bool]:
    """Parties written with hyphens: "US-Chile talks" name both sides (before a clause subject:
    "Peru hosted US-Chile talks"; not before the noun's own "Chile's" or "by Chile"), and
    "Kremlin-backed separatists" are backed by the word before the hyphen, not by the phrase
    it opens, nor of its country. Also whether the sources are linked parties."""
    linked = linked_parties(tok) if nominal else []
    named = len(linked) >= 2 and not any(_own_party(t, tok) for t in s_toks)
    if named:
        srcs = [Arg(s, e, text, None, country, True) for s, e, text, country in linked]
    prefixed = not nominal and len(s_toks) == 1 and getattr(_hyphen_agent(tok), "i", None) == s_toks[0].i
    if not prefixed:  # one phrase is not both sides
        return srcs, [t for t in tgts if t is None or not any(s and s.start == t.start for s in srcs)], named
    src = _word_party(s_toks[0]) or srcs[0]
    if src is None:
        return [src], tgts, False
    after = doc[tok.i + 1].idx if tok.i + 1 < len(doc) else len(doc_text(doc))
    return [src], [replace(t, start=after, text=doc_text(doc)[after:t.end], actor=None, country=None, fallback=True)
                   if t is not None and t.start <= src.start and after < t.end else t for t in tgts], False


def _pairs(entry: LexEntry, sources: list[Arg | None], targets: list[Arg | None],
           mutual: bool = True, agreed: bool = False) -> list[tuple[Arg | None, Arg | None]]:
    """Source/target pairs. Coordinated sources of a symmetric or joint act with no target
    act on each other ("Jordan and Britain agreed to hold joint exercises"), and so do those
    that ``agreed`` to do any act ("Chile and Peru agreed to reopen the border": with each
    other). A mutual act (talks) goes both ways, unless only one side states it intends it
    ("offered to negotiate")."""
    real_s = _distinct([s for s in sources if s is not None])
    real_t = _distinct([t for t in targets if t is not None and (t.actor or t.country or t.sector)])
    sym = "sym" in entry.flags or entry.plover.type in _JOINT or agreed
    if not real_t and not (sym and len(real_s) >= 2):  # pairing beats a topic
        real_t = [t for t in targets if t is not None][:1]  # unresolved targets: one event
    if sym and not real_t and len(real_s) >= 2:
        return [(a, b) for a in real_s for b in real_s if a is not b]
    if "mut" in entry.flags and mutual and real_s and real_t:  # negotiating is mutual: both directions
        return [p for s in real_s for t in real_t for p in ((s, t), (t, s))]
    return [(s, t) for s in (real_s or [None]) for t in (real_t or [None])]


_DEMAND_REPORTERS = _REPORT | {"declare", "conclude", "warn", "stress", "remind", "add", "argue"}


def _demands(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """(reporter, demanded verb, its subject) for "X said Y must/should do Z": CAMEO codes a
    reported obligation on another party as a demand (10) by the reporter."""
    out = []
    dep = token_view(doc).dep
    for i in token_view(doc).where("lower", _DEMAND_WORDS):
        if dep[i] != _AUX:  # only an auxiliary "must", "should" or "to" is read further
            continue
        tok = doc[i]
        wish = tok.lower_ == "to" and tok.head.head.lemma_.lower() in _WISHES  # "Berlin wants Moscow to free them"
        if tok.lower_ not in ("must", "should") and not wish:
            continue
        verb = tok.head
        subj = _child(verb, _SUBJ)
        if verb.dep_ != "ccomp" or subj is None or subj.pos_ == "PRON" or (wish and not _actor_like(subj)):
            continue
        rep = verb.head
        if rep.lemma_.lower() in _DEMAND_REPORTERS | _WISHES and (rs := _child(rep, _SUBJ)) is not None \
                and rs.i != subj.i:
            out.append((rep, verb, subj))
    return out + _needs(doc)


def _needs(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """(reporter, demanded verb, its subject) for "X said Y needs to / has to do Z": an obligation
    told with a verb of need rather than an auxiliary, a demand as "must" is (session 23)."""
    out = []
    for i in token_view(doc).where("lemma", _NEED_VERBS):
        need = doc[i]
        subj = _child(need, _SUBJ)
        rep = need.head
        if need.dep_ != "ccomp" or subj is None or subj.pos_ == "PRON" or not _actor_like(subj) \
                or rep.lemma_.lower() not in _DEMAND_REPORTERS:
            continue  # a party must be asked: not "the strategy had to be arranged"
        done = next((c for c in need.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if done is not None and (rs := _child(rep, _SUBJ)) is not None and rs.i != subj.i:
            out.append((rep, done, subj))
    return out


_WISHES = {"want", "wish", "need"}  # "X wants Y to do Z", "we need both sides to stop": an appeal to Y
_NEED_VERBS = frozenset(get_string_id(w) for w in ("need", "have"))  # "Y needs to", "Y has to"
_DEMAND_WORDS = frozenset(get_string_id(w) for w in ("must", "should", "to"))
_AUX = get_string_id("aux")


def _nested(tok: Token, entry: LexEntry, trig_idx: dict[int, LexEntry]) -> bool:
    """Is this trigger the content of another event ("condemned the raid", "accepted the
    demands") or a participle telling the same act again? CAMEO codes the governing event only."""
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
            return True  # "died in Ruritanian artillery fire": one event, agent from the noun
        return tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.i in trig_idx \
            and head.lower_ in ("of", "for", "against", "on", "about", "over", "to", "with") \
            and head.head.i != tok.i and trig_idx[head.head.i].pos == "verb"
    # a participle trailing an act of the same type tells the same act ("shelled the town,
    # killing nine"); one of another type is an act of its own ("raided the office,
    # detaining three") and is coded with the main clause's subject
    return (tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "acl") and head.i in trig_idx
            and not any(c.dep_ in _SUBJ for c in tok.children)
            and trig_idx[head.i].plover.type == entry.plover.type)


_COMMENT = {"comment", "elaborate", "speculate", "confirm"}


def _no_comment(tok: Token) -> bool:
    """Press etiquette is no event between the parties: "declined to comment", "would not
    elaborate", "did not reply to a request for comment", "questions for comment"."""
    if tok.pos_ == "VERB":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in _COMMENT
                   and not any(o.dep_ in _OBJ for o in c.children) for c in tok.children)
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in _COMMENT for p in c.children) for c in tok.children)


def _protest_of_purpose(tok: Token, entry: LexEntry, trig_idx: dict[int, LexEntry]) -> Token | None:
    """The protest a demand or complaint is the purpose of ("went on hunger strike to demand their
    back pay", "rallied to protest against ..."): it says what the protest is for."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.lefts)
    if entry.plover.type not in ("REQUEST", "ACCUSE", "PROTEST") or entry.pos != "verb" or not (
            tok.dep_ in ("advcl", "xcomp") or (tok.dep_ in ("acl", "relcl") and infinitive)):
        return None  # "... to demand", "a hunger strike to protest against X"
    head = tok.head
    for cand in (head, *(c for c in head.children if c.dep_ in ("dobj", "obj"))):
        e = trig_idx.get(cand.i)
        if e is not None and e.plover.type == "PROTEST" and cand.i != tok.i:
            return cand
    return None


def _demanded(tok: Token, trig_idx: dict[int, LexEntry]) -> bool:
    """Is this trigger in the clause a demand asks for ("demanded that the rebels lay down
    their weapons", "urged Iran to stop enrichment") or an allegation states ("alleged that
    the army killed ...")? It is asked for or alleged, not reported as done: CAMEO codes the
    demand or accusation only."""
    for a in (tok, *tok.ancestors):
        if a.dep_ in ("ccomp", "xcomp"):
            h = trig_idx.get(a.head.i)
            return h is not None and h.plover.type in _SPEECH_ACTS and a.head.i != tok.i
        if a.dep_ in ("advcl", "relcl", "acl", "parataxis"):
            return False
    return False


def code_events(doc: Doc, lex: Lexicon) -> list[CodedEvent]:
    """Code every trigger in ``doc``; events are numbered e1, e2 ... in trigger order."""
    places = list(ext(doc, "places") or [])
    times = [(r, _attach_node(r), t.value) for t in ext(doc, "times") or ()
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
    for rep, verb, subj in _demands(doc):  # "Turkey said Greece must return the boat"
        dropped.update(t.i for t, _, _ in triggers if t.i == verb.i or (t.head.i == verb.i and t.dep_ in _OBJ))
        if rep.i not in trig_idx:
            triggers.append((rep, demand, []))
            trig_idx[rep.i] = demand
        demand_target[rep.i] = subj
    for tok, entry, _ in triggers:  # events nested in another event's arguments
        if _nested(tok, entry, trig_idx) or _demanded(tok, trig_idx) or _no_comment(tok):
            dropped.add(tok.i)
    purpose: dict[int, Token] = {}
    for tok, entry, _ in triggers:  # "went on strike to demand ...": one protest
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
            if tok.i in purpose:  # the protest is aimed at whom it demands of or protests against
                aimed = _verb_args(purpose[tok.i], trig_idx[purpose[tok.i].i])[1]
                if aimed and (not t_toks or any(map(_actor_like, aimed))):
                    t_toks = aimed
        elif tok.pos_ == "NOUN":  # headline verb read as a noun: "Kremlin pressures Lukashenko"
            s_toks, t_toks = _headline_args(tok)
            anchor = tok
        else:
            s_toks, t_toks = passive_conjunct(tok, *_verb_args(tok, entry))  # "... and was hit by X" (.passives)
            anchor = tok
            if tok.i in purpose and not any(map(_actor_like, t_toks)):  # "went on strike to protest X's plan"
                t_toks = _verb_args(purpose[tok.i], trig_idx[purpose[tok.i].i])[1] or t_toks
            if tok.i in demand_target:  # "said talks with Peru must go on": Peru is asked
                subj = demand_target[tok.i]
                t_toks = (not _actor_like(subj) and _object_party(subj)) or _conjuncts(subj)
        srcs = [_resolve(doc, t, places) for t in s_toks]
        if nominal and entry.plover.type == "THREATEN" and not any(srcs):
            continue  # a threat nobody makes is a danger ("faces a growing threat"), not an act
        srcs = [_group_country(t, a, place_at, places, anchor, trig_idx) for t, a in zip(s_toks, srcs)]
        tgts = [_resolve(doc, t, places) for t in t_toks]
        tgts = [_group_country(t, a, place_at, places, anchor, trig_idx) for t, a in zip(t_toks, tgts)]
        srcs, tgts, linked = _hyphenated(doc, tok, nominal, s_toks, srcs, tgts)
        mod = _flags(anchor, tok, entry, ctl)
        negated, hypothetical = mod.negated, mod.hypothetical
        if mod.refused and not any(tgts):  # a refusal despite someone's pressure rejects it
            tgts = [_resolve(doc, t, places) for t in defied(tok)]
        intended = None
        if mod.intent and not negated and (code := intent_code(entry.cameo)) and (p := plover_for(code, table)):
            intended = (p.type, p.mode, code)
            if _unless(anchor) and not code.startswith("13") and (p := plover_for("130", table)):
                intended = (p.type, p.mode, "130")  # "will withdraw its force unless ...": a threat
        elif mod.refused and (code := reject_code(entry.cameo)) and (p := plover_for(code, table)):
            intended = (p.type, p.mode, code)
            negated = hypothetical = False  # a refusal is a REJECT that happened
        attributed = _claim_source(doc, tok)
        if attributed is None:
            attributed, _ = _report_source(doc, anchor, places)
        if attributed is not None and any(s is not None and s.actor == attributed for s in srcs):
            attributed = None  # an actor telling of its own act is not a second-hand report
        sent = sentence_chars(doc, tok.i)  # tok.sent's (start_char, end_char), without its Spans
        agreed = intended is not None and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "agree"
        pairs = _pairs(entry, srcs, tgts, mutual=intended is None, agreed=agreed)
        mutual = (linked or (not nominal and reciprocal(tok))) and len(_distinct([a for a in srcs if a])) >= 2
        if mutual and not any(t is not None and (t.actor or t.country) for t in tgts):
            parties = _distinct([a for a in srcs if a])  # "US-Chile talks", "accused each other"
            pairs = [(a, b) for a in parties for b in parties if a is not b]
        for src, tgt in pairs:
            ptype, pmode, cameo = entry.plover.type, entry.plover.mode, entry.cameo
            if cameo.startswith("14") and tok.lemma_.lower() == "protest" and src is not None \
                    and src.sector in ("GOV", "IGO") and (verbal := plover_for("111", table)):
                ptype, pmode, cameo = verbal.type, verbal.mode, "111"  # a government protests in words
            elif cameo == "111" and tok.lemma_.lower() == "protest" and src is not None \
                    and src.sector in _words("crowd_sector") and (street := plover_for("140", table)):
                ptype, pmode, cameo = street.type, street.mode, "140"  # a crowd protests in the street
            if intended and src is not None:  # a stated intent is its source's
                ptype, pmode, cameo = intended
            ev = Event(
                id="", type=ptype, mode=pmode, cameo=cameo,
                source=src.actor if src else None, target=tgt.actor if tgt else None,
                negated=negated, hypothetical=hypothetical, attributed_to=attributed,
                trigger=TextSpan(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text),
                sentence=CharSpan(start=sent[0], end=sent[1]),
                confidence=_confidence(nominal, src, tgt, tok.dep_ in ("relcl", "acl") and not nominal),
            )
            c = CodedEvent(ev, src, tgt, nominal, entry, anchor.i, tok.i)
            ev.date = _pick_date(times, tok, anchor, nominal, hypothetical)
            ev.place = _pick_place(place_at, {tok.i, anchor.i, *(u.i for u in used),
                                              *(o.i for o in tok.children if o.dep_ in ("dobj", "obj"))})
            # a subject noun's act ("the refusal by the Kremlin ...") has its own phrase as clause
            own = tok if nominal and tok.dep_ in _SUBJ | _PASS_SUBJ else anchor
            where = ev.place if ev.place is not None else _clause_place(place_at, own, src, trig_idx)
            if tgt is None and where is not None and getattr(places[where], "country", None) \
                    and not (ptype == "CONSULT" and _venue(place_at, where)):
                _target_from_place(doc, c, places[where])
            coded.append(c)
    _inherit(doc, coded)
    coded.extend(a for c in list(coded) if (a := _accusation(doc, c, places)) is not None)
    _background(doc, coded, set(trig_idx), set(ctl))
    coded.extend(faulted_acts(doc, lex, coded, places))  # "... X's illegal occupation," Y said: said, not background
    coded.extend(stated_accusations(doc, coded, places))  # "X violated the truce," Y said (.statements)
    coded.extend(asked_parties(doc, lex, coded, places))  # "renewed its call for X to resign" (.appeals)
    coded.extend(stated_denials(doc, coded, places))  # "these allegations are baseless," Y said (.denials)
    coded = stated_refusals(doc, coded, places)  # "does not recognize X", "ignored the demands" (.refusals)
    coded.sort(key=lambda c: c.event.trigger.start)  # stable: pairs keep their order
    fill_from_article(doc, coded)  # parties only other sentences name
    coded = corefer(doc, coded)
    for n, c in enumerate(coded, 1):
        c.event.id = f"e{n}"
        c.extra["raw_confidence"] = c.event.confidence  # calibrated at the end of the component (.confidence)
    return coded
