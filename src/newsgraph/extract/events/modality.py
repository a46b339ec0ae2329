"""Flags read from a trigger's clause: negated, hypothetical (modal, intended, conditional),
reported; refusals and intentions recoded as CAMEO's own codes."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Token

from ..tokens import TokenView, text_of, token_view
from .countries import _PASS_SUBJ, _SELF_INTENT, _SUBJ
from .lexicon import LexEntry

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

# --------------------------------------------------------------------------- flags


def _aux_words(verb: Token) -> set[str]:
    view = token_view(verb.doc)  # the children's labels and words, without a Token each
    dep, lower = view.dep, view.lower
    return {text_of(view.doc, lower[c]) for c in view.children[verb.i] if dep[c] in _AUX_DEPS}


def _has_child(view: TokenView, i: int, dep: int, lower: int | None = None) -> bool:
    """Has token ``i`` a child with label ``dep`` (and word ``lower``, when given)? Hashes."""
    return any(view.dep[c] == dep and (lower is None or view.lower[c] == lower) for c in view.children[i])


_AUX_DEPS = frozenset(get_string_id(d) for d in ("aux", "auxpass", "neg", "mark", "advmod"))
_NEG, _DET, _NO = get_string_id("neg"), get_string_id("det"), get_string_id("no")
_AUX, _TO, _AMOD = get_string_id("aux"), get_string_id("to"), get_string_id("amod")
_ADVMOD, _YET = get_string_id("advmod"), get_string_id("yet")
_NOT_YET = {"have", "be"}  # "has yet to", "is yet to": the act has not happened
_SUBJ_H = frozenset(get_string_id(d) for d in _SUBJ)
_ANY_SUBJ_H = frozenset(get_string_id(d) for d in _SUBJ | _PASS_SUBJ)


_FUTURE = {"will", "would", "shall", "'ll", "wo"}
_INTENT_ADJ = {"willing", "ready", "prepared", "determined", "eager", "keen", "set", "poised", "about"}
_POSSIBLE = {"possible", "impossible", "likely", "unlikely"}
_HYPO_AMOD = {"possible", "potential", "planned", "proposed", "threatened", "further", "future"}
_HYPO_AMOD_H = frozenset(get_string_id(w) for w in _HYPO_AMOD)


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    intent: bool = False  # the source states it will do it: CAMEO's "express intent" codes
    refused: bool = False  # "refused to", "would not": CAMEO's reject codes


def _flags(anchor: Token, trig: Token, entry: LexEntry, ctl: dict[int, str]) -> Modality:
    """Negation and modality from the anchor clause and the verbs or adjectives governing it."""
    m = Modality()
    view = token_view(anchor.doc)
    m.negated = _has_child(view, anchor.i, _NEG) or _has_child(view, trig.i, _DET, _NO) or _negative_subject(anchor)
    words = _aux_words(anchor)
    m.hypothetical = bool(words & _MODALS) or "if" in words or "unless" in words
    m.intent = (bool(words & _FUTURE) or (anchor.i == trig.i and _own_possibility(anchor, words))) \
        and not ({"if", "unless"} & words)
    v = anchor
    for _ in range(3):
        if v.dep_ not in ("xcomp", "ccomp", "conj", "acomp") or v.head.i == v.i:
            break
        head = v.head
        lem = head.lemma_.lower()
        if v.dep_ == "xcomp":
            own_subject = any(view.dep[c] in _SUBJ_H for c in view.children[v.i])
            if lem in _NEGATORS or ctl.get(head.i) == "neg":
                m.negated = not m.negated
                m.refused = m.refused or lem in _REFUSERS or ctl.get(head.i) == "neg"
            elif lem in _NOT_YET and _has_child(view, head.i, _ADVMOD, _YET):  # "has yet to sign": not signed
                m.negated = True
            elif lem in _POSSIBLE:  # "it may be possible to reopen the port": a possibility, not an act
                m.hypothetical = True
            elif lem in _INTENT or ctl.get(head.i) == "ctl" or lem in _INTENT_ADJ:
                m.hypothetical = True
                m.intent = m.intent or (not own_subject and (lem in _SELF_INTENT or lem in _INTENT_ADJ
                                                             or ctl.get(head.i) == "ctl")
                                        and not _plan_told(head))
            if _has_child(view, head.i, _NEG):
                m.negated = True
            hws = _aux_words(head)
            if hws & _MODALS:
                m.hypothetical = True
                m.intent = m.intent or bool(hws & _FUTURE)
        elif v.dep_ == "acomp":  # "would (not) be possible to settle", "was ready to sign": the copula's modals
            m.hypothetical = m.hypothetical or bool(_aux_words(head) & _MODALS)
            m.negated = m.negated or _has_child(view, head.i, _NEG)
        elif v.dep_ == "conj":
            hws = _aux_words(head)
            # a conjoined verb shares the first verb's auxiliaries and negation only in the
            # bare form ("will not sign or ratify it", "nobody was hurt or detained"); a finite
            # one ("would not sign it and called for talks") has its own
            if not any(view.dep[c] in _SUBJ_H for c in view.children[v.i]) \
                    and (v.tag_ == "VB" or v.tag_ == head.tag_ == "VBN"):
                m.hypothetical = m.hypothetical or bool(hws & _MODALS)
                m.intent = m.intent or bool(hws & _FUTURE)
                m.negated = m.negated or _has_child(view, head.i, _NEG) or _negative_subject(head)
        if v.dep_ == "ccomp":
            break
        v = head
    if trig.tag_ == "VB" and anchor.i == trig.i and trig.dep_ not in ("xcomp",) and _has_child(view, trig.i, _AUX, _TO):
        m.hypothetical = True
    if any(view.dep[c] == _AMOD and view.lower[c] in _HYPO_AMOD_H for c in view.children[trig.i]) or _sought(trig):
        m.hypothetical = True
    m.intent = m.intent and m.hypothetical or m.intent and bool(words & _FUTURE)
    if m.negated and m.intent:  # "stated it would not sign": a refusal
        m.refused, m.intent = True, False
    return m


_MAYBE = {"could", "may", "might"}


def _own_possibility(anchor: Token, words: set[str]) -> bool:
    """A party stating it could do something ("X said it could retaliate", "hinted they might
    cut aid"): CAMEO codes the statement as the party's intent (03x, 13x: a threat for a
    hostile act), as for "will". Only the speaker's own act (a pronoun subject: "Y could be
    punished" is a forecast) under a verb of saying, and only the clause's own verb ("reported they
    held no file on any detention" states no detention)."""
    if not words & _MAYBE or anchor.dep_ != "ccomp" or anchor.head.lemma_.lower() not in _REPORT | _STATING:
        return False
    subj = next((c for c in anchor.children if c.dep_ in _SUBJ), None)
    return subj is not None and subj.pos_ == "PRON" and subj.lower_ in _OWN


_OWN = {"it", "they", "we", "he", "she", "i"}


# verbs that tell an arrangement: the story may report it ("the opposition plans to hold a rally")
# or the party may state it ("Iran said it plans to retaliate"); only the second expresses intent.
# Wishes ("wants to", "seeks to", "hopes to") stay intents, as CAMEO codes them ("wants to attack": 138)
_PLANS = {"plan", "intend", "prepare"}


def _plan_told(verb: Token) -> bool:
    """Is ``verb`` a plan the story tells rather than one its party states? CAMEO's intent codes
    (03x, 13x) are for an expressed intention; a plan the reporter relates ("the union intends
    to hold another rally", "police planned to evict the strikers") is the act itself, not yet
    done (hypothetical): a rally, not a threat of one. A plan stated in a report by its party
    ("said it plans to ...", "announced it would seek to ...") or in its own quoted words ("we
    plan to ...") stays an intent."""
    if verb.lemma_.lower() not in _PLANS:
        return False
    for a in (verb, *verb.ancestors):
        if a.dep_ in ("ccomp", "parataxis") and a.head.lemma_.lower() in _REPORT | _STATING:
            return False
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return not (subj is not None and subj.lower_ in ("i", "we"))


_STATING = {"announce", "declare", "warn", "vow", "pledge", "promise", "threaten", "signal", "hint"}


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


# nouns and adjectives whose "for" phrase names an act sought, not done: "a proposal for a truce",
# "ready for talks", "the need for a ceasefire"
_SEEKING = {"proposal", "plan", "call", "demand", "hope", "need", "push", "bid", "appeal", "request", "ready",
            "prepared", "pressure", "plea"}


def _sought(trig: Token) -> bool:
    """Is a trigger the act a proposal, appeal or readiness is for: a noun ("ready for a
    ceasefire") or a gerund ("a plan for rearming the navy and supporting Kyiv"), with the
    gerunds coordinated with it?"""
    if trig.pos_ == "VERB" and trig.tag_ == "VBG":
        while trig.dep_ == "conj" and trig.head.tag_ == "VBG":
            trig = trig.head
        if trig.dep_ != "pcomp":
            return False
    elif trig.pos_ != "NOUN" or trig.dep_ != "pobj":
        return False
    return trig.head.lower_ == "for" and trig.head.head.lemma_.lower() in _SEEKING | _INTENT


_NOBODY = {"nobody", "none", "nothing", "no-one", "neither"}


def _negative_subject(verb: Token) -> bool:
    """A clause whose subject is negative did not happen: "nobody was arrested", "no
    troops were sent", "none of the envoys attended"."""
    view = token_view(verb.doc)
    for c in view.children[verb.i]:
        if view.dep[c] in _ANY_SUBJ_H:
            return text_of(view.doc, view.lower[c]) in _NOBODY or _has_child(view, c, _DET, _NO)
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


def possibility(c) -> bool:
    """Only possible, and nobody's: hypothetical, with no source, no target and no date ("a deal
    could follow", "an effort to prevent unrest", "anyone found there may be shot"). CAMEO codes an
    intention only as its holder's (03x, 13x); a possibility between no parties is no
    interaction. A party on either side ("further sanctions might target its officials") or a
    date ("will be lifted next year") keeps it: a threat or a schedule someone may act on."""
    ev = c.event
    return ev.hypothetical and not ev.negated and ev.source is None and ev.target is None and not ev.date
