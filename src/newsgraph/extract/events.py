"""Event coding: who did what to whom, in PLOVER with CAMEO codes.

Runs last. Triggers are read from the dependency parse against the project lexicon
(:mod:`.event_lexicon`): a verb with its particles, prepositions and objects ("crack
down on", "impose sanctions"), or a noun with its modifiers ("air strike",
"assassination"). Sources and targets come from the trigger's arguments (subject,
object, passive agent, prepositional objects, noun arguments "by"/"of"/"to",
possessives), read by :mod:`.event_args` and resolved to actor ids with
:func:`actor_for_span`; when the actor layer has nothing there, the phrase (with a
country read from entities and places) becomes an actor of the record
(:mod:`.event_actors`) and confidence drops. Flags, date, place and attribution
are read from the trigger's clause. A sentence reports one main event: acts in its
subordinate clauses and adjuncts are background (confidence at most 0.45), and a state
saying another party attacked is coded as an accusation. One pass over tokens; the lexicon
is loaded once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Event, EventMention, TextSpan
from ..records import Span as CharSpan
from . import register_extensions
from .event_actors import settle
from .event_confidence import calibrate, load_table
from .event_args import (
    _OBJ,
    _PASS_SUBJ,
    _PLACE_HEADS,
    _SELF_INTENT,
    _SPEECH_ACTS,
    _SUBJ,
    Arg,
    _actor_like,
    _child,
    _clause_subject,
    _conjuncts,
    _headline_args,
    _headline_verb,
    _means,
    _names_party,
    _noun_args,
    _nominal_anchor,
    _pobj,
    _resolve,
    _verb_args,
    actor_for_span,
    counted,
    country_of,
    defied,
)
from .event_lexicon import LexEntry, Lexicon, load_cameo2plover, load_lexicon, plover_for

__all__ = ["EventCoder", "CodedEvent", "Arg", "code_events", "country_of"]

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
# --------------------------------------------------------------------------- records


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
            cands = lex.candidates("verb", head)
            if not cands:
                continue
            if not cands[0].extras:  # only bare patterns (most specific first): no context to read
                found.append((tok, cands[0], []))
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
    # "off" rows name readings that are no event ("a trade war"): they win by being specific
    return [f for f in found if f[0].i not in consumed and "off" not in f[1].flags]


# --------------------------------------------------------------------------- flags


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod")}


_FUTURE = {"will", "would", "shall", "'ll", "wo"}
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
        c.dep_ == "det" and c.lower_ == "no" for c in trig.children) or _negative_subject(anchor)
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
            # a conjoined verb shares the first verb's auxiliaries and negation only in the
            # bare form ("will not sign or ratify it"); a finite one ("would not sign it and
            # called for talks") has its own
            if not any(c.dep_ in _SUBJ for c in v.children) and (v.tag_ == "VB" or v.tag_ == head.tag_ == "VBN"):
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
    if m.negated and m.intent:  # "stated it would not sign": a refusal
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
_REFUSERS = {"refuse", "decline", "reject", "fail"}  # coders read "failed to agree" as a rejection


_NOBODY = {"nobody", "none", "nothing", "no-one", "neither"}


def _negative_subject(verb: Token) -> bool:
    """A clause whose subject is negative did not happen: "nobody was arrested", "no
    troops were sent", "none of the envoys attended"."""
    for c in verb.children:
        if c.dep_ in _SUBJ | _PASS_SUBJ:
            return c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
    return False


def reject_code(cameo: str) -> str | None:
    """The CAMEO "reject" code for a refused or disavowed cooperative act, or None."""
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in _REJECT_CODES:
            return _REJECT_CODES[cameo[:n]]
    return None


def _unless(anchor: Token) -> bool:
    """Does a stated act come with an "unless" condition? CAMEO codes such an act as a
    threat (13), whatever the act."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in anchor.children)


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
    an untargeted act happens, for its target only (the event's place stays as attached).

    The walk up from a place does not depend on the event, so it is done once per document
    (:func:`_clause_place_index`) and each event looks its anchor up."""
    global _CLAUSE_PLACES
    if _CLAUSE_PLACES[0] is not places or _CLAUSE_PLACES[1] is not triggers:
        _CLAUSE_PLACES = (places, triggers, _clause_place_index(places, triggers))
    for r, idx in _CLAUSE_PLACES[2].get(anchor.i, ()):
        if src is not None and src.start <= r.idx < src.end:
            continue
        return idx
    return None


_CLAUSE_PLACES: tuple[object, object, dict[int, list[tuple[Token, int]]]] = (None, None, {})


def _clause_place_index(places: list[tuple[Token, Token, int]],
                        triggers: Collection[int]) -> dict[int, list[tuple[Token, int]]]:
    """Each locative place, in order, under every token its clause reaches: from the place up
    its heads, stopping at the root, a clause edge or another event's conjoined trigger."""
    index: dict[int, list[tuple[Token, int]]] = {}
    for r, _, idx in places:
        if r.dep_ in ("appos", "poss", "compound") and r.head.dep_ == "pobj":
            r = r.head  # "in East Timor's capital Dili"
        if r.dep_ != "pobj" or not (r.head.lower_ in _LOCATIVE or (
                r.head.lower_ == "of" and r.head.head.lower_ in _DIRECTIONS | _PLACE_HEADS)):
            continue  # "in Kirkuk", "southwest of Baghdad", "in the northern city of Kirkuk"
        a = r
        index.setdefault(a.i, []).append((r, idx))
        while a.head.i != a.i and a.dep_ not in _CLAUSE_EDGES \
                and not (a.dep_ == "conj" and a.i in triggers):  # another event's clause
            a = a.head
            index.setdefault(a.i, []).append((r, idx))
    return index


def _group_country(tok: Token, arg: Arg | None, place_at: list, places: list, anchor: Token,
                   triggers: Collection[int]) -> Arg | None:
    """A group named by a plain plural noun ("students", "prisoners", "demonstrators") with no
    country of its own is of the country its act takes place in ("demonstrators protesting
    in Monrovia"), as CAMEO coders read it; named people and organisations are not. So is a
    government that acts "in" a country ("the military government declared a state of siege in
    Haiti"), but not one acting "at" or "to" a place."""
    tok = counted(tok)
    government = tok.lower_ in _GOVERNMENTS
    if arg is None or arg.country or arg.sector == "IGO" or (tok.tag_ not in ("NNS", "NNPS") and not government) \
            or tok.ent_type_ not in ("", "NORP"):  # "ethnic Albanians" (NORP) have no country of their own
        return arg
    if any(c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper() and c.lower_ != "ethnic"
           for c in tok.lefts):
        return arg  # "South American leaders met in Lima", "Western diplomats in Kyiv": not locals
    where = _clause_place(place_at, anchor, arg, triggers)
    if where is not None and government and not any(i == where and "in" in (r.head.lower_, r.head.head.lower_)
                                                    for r, _, i in place_at):
        return arg  # "in Chad", "in Chad's capital N'Djamena"; not "sent troops to Chad"
    country = getattr(places[where], "country", None) if where is not None else None
    return replace(arg, country=country) if country else arg


_GOVERNMENTS = {"government", "regime", "junta", "administration", "cabinet", "authorities"}


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


def _distinct(args: list[Arg]) -> list[Arg]:
    """One argument per actor: "the International Atomic Energy Agency, or IAEA" is one party."""
    seen: set[tuple[str, str | None]] = set()
    out = []
    for a in args:  # by actor and country: "Swiss and Austrian monks" are one actor read twice
        if a.actor is None or (a.actor, a.country) not in seen:
            out.append(a)
            seen.add((a.actor, a.country))
    return out


def _pairs(entry: LexEntry, sources: list[Arg | None], targets: list[Arg | None],
           mutual: bool = True) -> list[tuple[Arg | None, Arg | None]]:
    """Source/target pairs. Coordinated sources of a symmetric or joint act with no target
    act on each other ("Jordan and Britain agreed to hold joint exercises"). A mutual act
    (talks) goes both ways, unless only one side states it intends it ("offered to negotiate")."""
    real_s = _distinct([s for s in sources if s is not None])
    real_t = _distinct([t for t in targets if t is not None and (t.actor or t.country or t.sector)])
    sym = "sym" in entry.flags or entry.plover.type in _JOINT
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
    for tok in doc:
        wish = tok.lower_ == "to" and tok.head.head.lemma_.lower() in _WISHES  # "Obama wants Putin to attack"
        if (tok.lower_ not in ("must", "should") and not wish) or tok.dep_ != "aux":
            continue
        verb = tok.head
        subj = _child(verb, _SUBJ)
        if verb.dep_ != "ccomp" or subj is None or subj.pos_ == "PRON" or (wish and not _actor_like(subj)):
            continue
        rep = verb.head
        if rep.lemma_.lower() in _DEMAND_REPORTERS | _WISHES and (rs := _child(rep, _SUBJ)) is not None \
                and rs.i != subj.i:
            out.append((rep, verb, subj))
    return out


_WISHES = {"want", "wish"}  # "X wants Y to do Z": an appeal to Y


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
    """The protest a demand or complaint is the purpose of ("began a hunger strike to demand the
    return of property", "rallied to protest against ..."): it says what the protest is for."""
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
            s_toks, t_toks = _verb_args(tok, entry)
            anchor = tok
            if tok.i in demand_target:
                t_toks = _conjuncts(demand_target[tok.i])
        srcs = [_resolve(doc, t, places) for t in s_toks]
        if nominal and entry.plover.type == "THREATEN" and not any(srcs):
            continue  # a threat nobody makes is a danger ("faces a growing threat"), not an act
        srcs = [_group_country(t, a, place_at, places, anchor, trig_idx) for t, a in zip(s_toks, srcs)]
        tgts = [_resolve(doc, t, places) for t in t_toks]
        tgts = [_group_country(t, a, place_at, places, anchor, trig_idx) for t, a in zip(t_toks, tgts)]
        tgts = [t for t in tgts if t is None or not any(s and s.start == t.start for s in srcs)]
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
        sent = tok.sent
        for src, tgt in _pairs(entry, srcs, tgts, mutual=intended is None):
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
            if tgt is None and where is not None and getattr(places[where], "country", None) \
                    and not (ptype == "CONSULT" and _venue(place_at, where)):
                _target_from_place(doc, c, places[where])
            coded.append(c)
    _inherit(doc, coded)
    coded.extend(a for c in list(coded) if (a := _accusation(doc, c, places)) is not None)
    _background(doc, coded, set(trig_idx), set(ctl))
    coded.sort(key=lambda c: c.event.trigger.start)  # stable: pairs keep their order
    coded = corefer(doc, coded)
    table = load_table()
    for n, c in enumerate(coded, 1):
        c.event.id = f"e{n}"
        c.extra["raw_confidence"] = c.event.confidence
        c.event.confidence = calibrate(c.event.confidence, table)
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
    """"Chile said a rocket had hit its border post", "Peru claimed that the guerrillas had raided
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
    ev.attributed_to = rep.actor or ev.attributed_to  # the attack is reported by X
    if src is None:
        src = _origin(doc, anchor, places)  # "a rocket had hit it, launched from across the river"
    if src is None or not (src.country or src.sector == "IGO"):
        return None  # no state or body is accused: the attack, as X reports it, is the event
    entry = _accuse_entry()
    acc = Event(
        id="", type=entry.plover.type, mode=entry.plover.mode, cameo=entry.cameo,
        source=rep.actor, target=src.actor if src else None, negated=False, hypothetical=False,
        trigger=TextSpan(start=verb.idx, end=verb.idx + len(verb.text), text=verb.text),
        sentence=ev.sentence, confidence=_confidence(False, rep, src), date=ev.date)
    c.extra["background"] = True
    ev.confidence = min(ev.confidence, BACKGROUND_CONFIDENCE)
    return CodedEvent(acc, rep, src, False, entry, verb.i, verb.i, {"accuses": c.trigger_i})


def _origin(doc: Doc, verb: Token, places: list) -> Arg | None:
    """The place an attack with no named attacker came from, as the party accused of it."""
    p = _pobj(verb, "from")
    place = next((pl for pl in places if p is not None and pl.start <= p.idx < pl.end
                  and getattr(pl, "country", None)), None)
    if place is None:
        return None
    return Arg(place.start, place.end, place.text, actor_for_span(doc, place.start, place.end), place.country, True)


def _venue(place_at: list[tuple[Token, Token, int]], where: int) -> bool:
    """Is the place where parties meet or agree ("met in Cairo", "talks at the UN in Geneva")?
    A venue is no party; a place visited ("a visit to Cairo") is its host."""
    return any(i == where and r.head.lower_ in ("in", "at", "inside", "near", "outside")
               for r, _, i in place_at)


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
    for c in ordered:  # (Token.sent walks the sentence: read last)
        if (c.source is None and c.nominal and c.target is not None and prev is not None
                and prev.source is not None and not prev.extra.get("inherited")
                and prev.event.type in _CONFLICT and c.event.type in _CONFLICT
                and doc[prev.trigger_i].sent.end == doc[c.trigger_i].sent.start):
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
        np = np.head  # "after the bombing casualties": the phrase's place decides
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


# --------------------------------------------------------------------------- one event, several mentions

_DEFINITE = {"the", "this", "that", "these", "those"}


def _refers_back(tok: Token) -> bool:
    """A nominal mention that points to an act already told: "the raid", "Friday's raid"."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in tok.children)


def _same_event(doc: Doc, first: CodedEvent, later: CodedEvent) -> bool:
    """Does ``later`` report the event ``first`` reports? Same type and flags, and either the
    same source and target (at least one named), or a definite noun naming no other party."""
    a, b = first.event, later.event
    if (a.type, a.negated, a.hypothetical) != (b.type, b.negated, b.hypothetical) \
            or first.trigger_i == later.trigger_i or (a.date and b.date and a.date != b.date):
        return False
    if _elsewhere(doc, a, b):  # "the war in Ruritania" is not the raid told earlier in Freedonia
        return False
    if (a.source, a.target) == (b.source, b.target) and (a.source or a.target):
        return True
    specific = a.source or a.target or not first.nominal  # not "attacks have become common"
    return bool(specific) and later.nominal and _refers_back(doc[later.trigger_i]) and \
        _within(doc, first.source, later.source) and _within(doc, first.target, later.target)


def _within(doc: Doc, first: Arg | None, later: Arg | None) -> bool:
    """Does a later mention's argument name no other party than the first's? ("the sanctions
    on Freedonian ministers" after "sanctions on Freedonia"; but "its backing for the
    Freedonian opposition" is not the backing of Freedonia's government)"""
    if later is None or first is None and later.actor is None and not later.country:
        return True
    if first is None:
        return False
    if later.actor == first.actor:
        return True
    sector = _sector(doc, later)
    return bool(later.country and later.country == first.country) and sector in (None, _sector(doc, first))


def _sector(doc: Doc, arg: Arg) -> str | None:
    """The sector of the actor an argument names (its own, else its actor record's)."""
    if arg.sector or arg.actor is None:
        return arg.sector
    return next((a.sector for a in doc._.actors or () if a.id == arg.actor), None)


def _elsewhere(doc: Doc, a: Event, b: Event) -> bool:
    """Are two mentions placed in different countries?"""
    places = doc._.places or []
    if a.place is None or b.place is None or max(a.place, b.place) >= len(places):
        return False
    first, later = places[a.place].country, places[b.place].country
    return bool(first and later and first != later)


def corefer(doc: Doc, coded: list[CodedEvent]) -> list[CodedEvent]:
    """One event per real-world act: the headline and the lead, "imposed sanctions on X" and
    "the sanctions", are linked (same article, source, type and target) and reported once,
    by the mention that names most parties, then read with most confidence, then the first
    outside the headline, with the others as ``Event.mentions``. ``coded`` is in text order; so is the result."""
    groups: list[list[CodedEvent]] = []
    for c in coded:
        home = next((g for g in reversed(groups) if _same_event(doc, g[0], c)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    out = []
    headline = -1
    if any(len(g) > 1 for g in groups):  # of equal mentions the lead's is reported, not the headline's
        headline = next((t.idx for t in doc if "\n\n" in t.text_with_ws), -1)
    for g in groups:
        best = max(g, key=lambda c: (bool(c.event.source) + bool(c.event.target), c.event.confidence,
                                     c.event.trigger.start > headline, -c.event.trigger.start))
        others = [c for c in g if c is not best]
        if others:
            best.event.mentions = [EventMention(trigger=c.event.trigger, sentence=c.event.sentence)
                                   for c in others]
            best.extra["mention_tokens"] = [c.trigger_i for c in others]
        out.append(best)
    out.sort(key=lambda c: c.event.trigger.start)
    return out


def _link_quantities(doc: Doc, coded: list[CodedEvent]) -> None:
    """Set ``Quantity.event`` to the event whose trigger governs the quantity."""
    if not doc._.quantities or not coded:
        return
    by_tok: dict[int, str] = {}
    for c in coded:
        by_tok.setdefault(c.trigger_i, c.event.id)
        for i in c.extra.get("mention_tokens", ()):
            by_tok.setdefault(i, c.event.id)
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
