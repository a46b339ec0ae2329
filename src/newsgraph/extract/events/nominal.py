"""Arguments an act noun carries in its own phrase or takes from the clause around it.

A nominal trigger ("the raid", "talks", "sanctions") names its parties differently from a
verb: by "by" agents and possessors ("a raid by Chile", "Peru's offensive"), by hyphenated
participles ("a Chilean-led offensive") and hyphen-linked countries ("US-Chile talks"), by the
clause it sits in (who "came under attack", who "claimed the raid", who spoke "during a visit")
and by the verb that governs it. :mod:`.args` reads a trigger's arguments with these helpers."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Token

from .. import actor_for_span, data_rows, doc_text, ext
from ..tokens import TokenView, lower_of, sentence_chars, text_of, token_view
from .countries import country_of
from .syntax import _actor_like, _actor_like_at, _clause_subject, _clause_subject_at, _conjuncts, _is_actorish, _pobj

def _made_by(noun: Token) -> list[Token]:
    """The agent of a participle on a noun: "a bill signed by the labour minister"."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and (by := _pobj(c, "by")) is not None and _actor_like(by):
            return _conjuncts(by)
    return []

_MEANS_NOUNS = {"shelling", "strike", "airstrike", "attack", "bombing", "raid", "bombardment",
                "crackdown", "fire", "offensive", "assault", "clash", "clashes", "fighting"}


def _means(verb: Token) -> Token | None:
    """The nominal act an agentless passive happened in ("were killed in a raid")."""
    for prep in ("in", "during", "by"):
        p = _pobj(verb, prep)
        if p is not None and p.lemma_.lower() in _MEANS_NOUNS:
            return p
    return None


def _nominal_agent(noun: Token) -> list[Token]:
    """Who carried out a nominal act: "by" object, possessor, a national modifier, or the
    agent of a participle after it ("a raid carried out by ...")."""
    by = _pobj(noun, "by")
    if by is not None:
        return _conjuncts(by)
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return _conjuncts(c)
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or country_of(c.text)):
            return [c]
    return _done_by(noun)

#: Participles whose hyphenated agent carries out the act they modify ("a Ruritanian-led
#: offensive"); not "backed" or "funded", whose agent helps someone else carry it out.
_LEAD_VERBS = {"lead", "spearhead", "command", "direct", "launch", "mount", "orchestrate", "organize",
               "organise", "sponsor", "stage", "conduct", "initiate", "plan"}


def _hyphen_agent(part: Token) -> Token | None:
    """The party written before a hyphenated participle: "Kremlin-backed", "Chilean-led"."""
    doc = part.doc
    if part.i < 2 or doc[part.i - 1].text not in ("-", "–"):
        return None
    c = doc[part.i - 2]
    if c.head.i == part.i and c.dep_ in ("npadvmod", "compound", "nmod", "amod", "nsubj", "advmod") \
            and (_is_actorish(c) or country_of(c.text)) and c.pos_ != "PRON":
        return c
    return None


def _led_by(noun: Token) -> list[Token]:
    """Who leads a nominal act by a hyphenated participle: "a Ruritanian-led offensive"."""
    for c in noun.lefts:
        if c.tag_ == "VBN" and c.lemma_.lower() in _LEAD_VERBS and (agent := _hyphen_agent(c)) is not None:
            return [agent]
    return []


#: Participles after an act noun whose "by" agent is the one who does the act ("a raid
#: carried out by", "sanctions imposed by"); not "condemned by", "backed by", "brokered by",
#: "hosted by", whose agent judges, helps or mediates it.
_DONE_BY = _LEAD_VERBS | {"carry", "perpetrate", "commit", "impose", "claim", "order", "declare", "announce",
                          "issue", "call", "hold", "sign", "execute", "launch", "unleash", "wage",
                          # words said against a party: "the allegations made / levelled by X"
                          "make", "level", "voice", "raise", "bring", "file", "lodge", "express"}


def received_from(noun: Token) -> list[Token]:
    """The party on the verb that receives an act noun: "came under criticism this week from
    X", "has drawn criticism over the plan from X" (the parser hangs "from" on the verb)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
    elif noun.dep_ in ("dobj", "obj"):
        verb = noun.head
    else:
        return []
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    frm = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i), None)
    p = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
    return _conjuncts(p) if p is not None and _actor_like(p) else []


def _done_by(noun: Token) -> list[Token]:
    """The doer of an act noun named by the participle after it: "the bombing carried out by
    the rebels", "the tariffs imposed by Ruritania last year"."""
    for c in noun.rights:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _DONE_BY \
                and (by := _pobj(c, "by")) is not None and _actor_like(by):
            return _conjuncts(by)
    return []


_CLAIM_VERBS = {"claim", "take", "accept", "admit", "assume", "bear"}
_CLAIMED = {"responsibility", "credit"}  # what is claimed for an act


def _claimed_by(noun: Token) -> list[Token]:
    """Who owns up to an act: the subject of "claimed responsibility for the raid", the agent
    of "the raid was claimed by the group" (not who "denied responsibility")."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() == "claim" and (by := _pobj(head, "by")) is not None:
        return _conjuncts(by)
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _CLAIMED \
            and head.head.dep_ in ("dobj", "obj") and head.head.head.lemma_.lower() in _CLAIM_VERBS:
        s, passive = _clause_subject(head.head.head)
        if s is not None and not passive:
            return _conjuncts(s)
    return []


def _responsibility_clause(noun: Token) -> tuple[Token, Token] | None:
    """(copula, subject) of a clause that lays an act on a party: "Y was responsible for the
    bombing", "Y is behind the attacks". Not "who was behind it" (no party) nor a claim of
    one's own act, which :func:`_claimed_by` reads."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "for" and prep.head.lemma_.lower() == "responsible" and prep.head.dep_ == "acomp":
        cop = prep.head.head
    elif prep.lower_ == "behind":
        cop = prep.head
    else:
        return None
    if cop.lemma_.lower() != "be":
        return None
    s, passive = _clause_subject(cop)
    if s is None or passive or s.pos_ == "PRON" or not _actor_like(s):
        return None
    return cop, s


#: Passive verbs whose "by" agent is who did the act noun that is their subject ("the raid
#: was carried out by ...", "the attacks were orchestrated by ..."); "claim" is read by
#: :func:`_claimed_by`.
_PERPETRATE = _DONE_BY - {"claim", "call", "sign", "hold", "declare", "announce", "issue"}


def _blamed_on(noun: Token) -> list[Token]:
    """Whom a clause names as the doer of an act noun: the agent of "the bombing was carried out
    by the rebels", the subject of "the rebels were behind the bombing"."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in _PERPETRATE \
            and (by := _pobj(head, "by")) is not None and _actor_like(by):
        return _conjuncts(by)
    if (clause := _responsibility_clause(noun)) is not None:
        return _conjuncts(clause[1])
    return []


def _claimed_gerund_by(verb: Token) -> list[Token]:
    """Who owns up to an act told as a gerund: the subject of "claimed responsibility for
    attacking the convoy", "took credit for killing ...", whether the parse hangs "for" on the
    noun or on the verb (not who "denied responsibility")."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ != "for":
        return []
    owner = prep.head
    if owner.lemma_.lower() in _CLAIMED and owner.dep_ in ("dobj", "obj"):
        owner = owner.head
    elif not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _CLAIMED for c in owner.children):
        return []
    if owner.lemma_.lower() not in _CLAIM_VERBS:
        return []
    s, passive = _clause_subject(owner)
    return [] if s is None or passive else _conjuncts(s)



#: Acts the subject of the clause they are an adjunct of takes part in: "spoke during a
#: visit to Lima", "signed the deal after talks with Peru", "said at a meeting with ...".
_ADJUNCT_TYPES = {"CONSULT"}
_ADJUNCT_PREPS = {"during", "after", "at", "on", "following", "before"}


def _adjunct_subject(noun: Token, gov: Token) -> list[Token]:
    """The subject of the clause a nominal act is an adjunct of (through the clause's object:
    "made the remarks at a meeting with ..."), unless the act names parties between others."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _ADJUNCT_PREPS or _pobj(noun, "between") is not None:
        return []
    if prep.lower_ == "on" and _pobj(noun, "to") is None:
        return []  # "on a trip to Lima", not "reported on a meeting"
    h = prep.head
    if h.dep_ in ("dobj", "obj") and h.pos_ in ("NOUN", "PROPN"):
        h = h.head
    if h.i != gov.i or gov.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in gov.children):
        return []
    s, passive = _clause_subject(gov)  # not "Ruritania's remarks came during a visit ..."
    return _conjuncts(s) if s is not None and not passive and _actor_like(s, owner=False) else []


_NAME = r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*"
_LINKED = re.compile(rf"{_NAME}(?: ?[-–] ?{_NAME})+")


def linked_parties(noun: Token) -> list[tuple[int, int, str, str]]:
    """Countries joined by hyphens in a nominal act's modifiers ("U.S.-Chile talks", "the
    Peru-Ecuador border war", "Chilean-Bolivian negotiations"): (start, end, text, country) of
    each, when there are two or more and the whole is not one name ("Guinea-Bissau")."""
    doc = noun.doc
    start = noun.left_edge.idx
    if noun.i > 0 and (prev := doc[noun.i - 1]).i < noun.left_edge.i and _LINKED.fullmatch(prev.text):
        start = prev.idx  # "U.S.-Chile" as one token the parser hung elsewhere
    text = doc_text(doc)[start:noun.idx]
    for m in _LINKED.finditer(text):
        if text[m.end():].strip() and not text[m.end():].strip().replace(" ", "").isalpha():
            continue  # another phrase between the names and the act
        if country_of(m.group()):
            continue
        parts = []
        for pm in re.finditer(_NAME, m.group()):
            words = pm.group().split(" ")
            for k in range(len(words)):  # "The US" -> "US"
                cand = " ".join(words[k:])
                if words[k] in ("The", "A", "An"):
                    continue
                if (country := country_of(cand)) is not None:
                    s = start + m.start() + pm.end() - len(cand)
                    parts.append((s, s + len(cand), cand, country))
                    break
            else:
                parts = []
                break
        if len(parts) >= 2 and len({p[3] for p in parts}) == len(parts):
            return parts
    return []


#: Verbs whose subject undergoes the act their object names ("faced sanctions", "suffered
#: attacks", "received a visit"), and those that do with "under" ("came under fire").
_UNDERGO = {"face", "suffer", "endure", "receive", "sustain", "withstand", "weather", "incur"}
_UNDER = {"come", "be", "remain", "fall"}


def _undergoer(view: TokenView, noun: int, gov: int, force: bool = False) -> list[Token]:
    """The subject of a verb (token ``gov``) that makes it the target of the act (token
    ``noun``), not its agent; ``force``: the act is one of force, so those harmed in it are
    its target ("were injured in the protests" names no protest target)."""
    dep, head = view.dep, view.head
    lemma = lower_of(view.doc, view.lemma[gov])
    direct = dep[noun] in _DOBJ_OBJ and head[noun] == gov and lemma in _UNDERGO
    under = dep[noun] == _POBJ and view.lower[head[noun]] == _UNDER_WORD and head[head[noun]] == gov and lemma in _UNDER
    harmed = force and dep[noun] == _POBJ and view.lower[head[noun]] == _IN_WORD and head[head[noun]] == gov \
        and lemma in _harmed_in()
    if not (direct or under or harmed):
        return []
    s, passive = _clause_subject_at(view, gov)
    if harmed and not (direct or under):  # "were wounded in the raid", "died in the attack"
        return _conjuncts(view.doc[s]) if s is not None and passive == (_harmed_in()[lemma] == "passive") else []
    return _conjuncts(view.doc[s]) if s is not None and not passive else []


@lru_cache(maxsize=1)
def _harmed_in() -> dict[str, str]:
    """Verbs whose subject is harmed in the act of their "in" phrase (``data/harmed_in.tsv``)."""
    return {row[0]: row[1] for row in data_rows("harmed_in.tsv")}


_DOBJ_OBJ = frozenset(get_string_id(d) for d in ("dobj", "obj"))
_POBJ, _UNDER_WORD, _IN_WORD = get_string_id("pobj"), get_string_id("under"), get_string_id("in")

def _agent_above(trig: Token) -> list[Token]:
    """The "by" agent of a noun this nominal is in apposition or coordination with."""
    h = trig
    for _ in range(2):
        if h.dep_ not in ("appos", "conj") or h.head.i == h.i:
            return []
        h = h.head
        for n in (h, _pobj(h, "of")):
            b = _pobj(n, "by") if n is not None else None
            if b is not None:
                return _conjuncts(b)
    return []


def _nominal_anchor(trig: Token, gov: Token | None) -> Token:
    """The clause verb a nominal trigger is an argument of, through "a round of sanctions"."""
    if (clause := _responsibility_clause(trig)) is not None:
        return clause[0]  # "said Y was behind the raid": the clause that says so
    n = trig
    while n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        n = n.head.head
    if gov is not None and n.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "obj") and n.head.i == gov.i:
        return gov
    return trig


def _headline_args(tok: Token) -> tuple[list[Token], list[Token]]:
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    right = [c for c in tok.rights if c.dep_ in ("appos", "dobj", "compound")]
    return left[-1:], right[:1]


def _governing_verb_at(view: TokenView, h: int) -> int | None:
    """The nearest verb above token ``h`` (through prepositions and noun heads)."""
    head, pos = view.head, view.pos
    for _ in range(6):
        if head[h] == h:
            return h if pos[h] in (VERB, AUX) else None
        h = head[h]
        if pos[h] in (VERB, AUX):
            return h
    return None


def _modified_party(part: Token) -> Token | None:
    """The party a past participle in front of it says was acted on: "the detained
    Ruritanian fishermen", "the banned opposition party" (the participle's own agent, if any,
    is written with a hyphen and read by :func:`_hyphen_agent`)."""
    h = _modified_party_at(token_view(part.doc), part.i)
    return None if h is None else part.doc[h]


def _modified_party_at(view: TokenView, i: int) -> int | None:
    """:func:`_modified_party` of token ``i``."""
    h = view.head[i]
    if view.dep[i] != _AMOD or view.tag[i] != _VBN or i > h or view.pos[h] not in (NOUN, PROPN) \
            or (i > 0 and text_of(view.doc, view.orth[i - 1]) in ("-", "–")):
        return None  # not "under-funded", "Kremlin-backed"
    return h if _actor_like_at(view, h) else None


_AMOD, _VBN = get_string_id("amod"), get_string_id("VBN")


#: Verbs whose subject is characterised, not reported as under way ("strikes have become
#: routine", "marches have been rare", "riots have tended to follow").
_CHARACTERISING = frozenset({"be", "become", "remain", "seem", "appear", "prove", "look", "stay", "tend"})
_PERFECT = frozenset({"have", "has", "had", "'ve", "'d"})
_PROGRESSIVE = frozenset({"is", "are", "was", "were", "'s", "'re", "been"})


def under_way(noun: Token) -> bool:
    """Does a protest noun head a verb's subject, the verb in the perfect or the progressive and
    reporting it happening: "walkouts have shut the mills", "sit-ins are spreading to the suburbs",
    "the marches had drawn thousands"? Not a modal or future ("a walkout could halt ..."), nor a
    verb that characterises ("strikes have become routine"); the simple past is read by the
    trigger finder itself, and the simple present stays habitual ("strikes hit the docks every
    winter")."""
    verb = noun.head
    if noun.tag_ != "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False  # a mass use, "unrest has been growing", tells no one occurrence
    if any(c.dep_ == "prep" and c.lower_ in ("like", "as") for c in noun.children):
        return False  # "walkouts like this one have ...": a kind
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX") \
            or verb.lemma_.lower() in _CHARACTERISING:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ in ("to", "will", "would", "shall") for c in aux) \
            or any(c.dep_ in ("acomp", "attr", "oprd") for c in verb.children):
        return False  # "a stoppage might follow", "walkouts have grown frequent"
    if verb.tag_ == "VBN":
        return any(c.lower_ in _PERFECT for c in aux)
    return verb.tag_ == "VBG" and any(c.lower_ in _PROGRESSIVE for c in aux)


@lru_cache(maxsize=1)
def _undergone() -> frozenset[str]:
    """Act nouns whose possessor undergoes the act (``newsgraph/data/undergone.tsv``)."""
    return frozenset(row[0] for row in data_rows("undergone.tsv"))


#: Types whose act noun's possessor undergoes it ("his arrest", "her assassination", "its suspension").
_UNDERGONE_TYPES = {"ASSAULT", "COERCE", "SANCTION"}


@lru_cache(maxsize=1)
def _carried_out() -> frozenset[str]:
    """Act nouns of force and sanction whose possessor carries them out (``newsgraph/data/carried_out.tsv``)."""
    return frozenset(row[0] for row in data_rows("carried_out.tsv"))


#: Prepositions that name whom an act noun is done to ("its raid on X", "their killing of X").
_AIMED_AT = ("of", "on", "against")


def owner_undergoes(noun: Token, kind: str) -> bool:
    """Does the possessor of an act noun undergo the act ("his arrest", "her release") rather than
    carry it out ("its raid on the camp", "their offensive")? Not when the noun names whom it is
    done to: then that object undergoes it and the possessor acts ("their killing of civilians")."""
    if any(c.dep_ == "prep" and c.lower_ in _AIMED_AT and any(g.dep_ == "pobj" for g in c.children)
           for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    if kind in _UNDERGONE_TYPES:
        return lemma not in _carried_out()
    return lemma in _undergone()


def owner_named_before(noun: Token, owner: Token, kind: str) -> bool:
    """Is a pronoun possessor of an act noun its doer, read as a party named earlier in the
    sentence ("Peru's envoy ended his visit to Chile", "X, angry at his support for Y")? Not for
    acts the possessor undergoes ("his arrest", "her release"), nor when the actor layer links
    the pronoun to a party named only in other sentences or after it (its guesses there go wrong
    more often: "he said ... his visit" of a third person)."""
    if owner_undergoes(noun, kind):
        return False
    doc = owner.doc
    aid = actor_for_span(doc, owner.idx, owner.idx + len(owner.text))
    actor = next((a for a in ext(doc, "actors") or () if a.id == aid), None) if aid else None
    if actor is None:
        return False
    start, text = sentence_chars(doc, owner.i)[0], doc_text(doc)
    return any(start <= m.start and m.end <= owner.idx and text[m.start:m.end].lower() not in _PRONOUNS
               for m in actor.mentions)


#: Mentions that name no one by themselves (the actor layer links them too: "in my view").
_PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
             "it", "its", "they", "them", "their", "who", "whom", "whose", "which", "that"}
