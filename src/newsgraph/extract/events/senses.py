"""Senses of a trigger word the lexicon codes one way and news prose often means another
(session 12, issue 10). Read by construction around the trigger, with words as data
(``newsgraph/data/events_senses.tsv``):

* the noun "strike" is a stoppage of work (PROTEST 143) unless armed force makes or does it:
  a modifier, possessor or "by" agent of armed force ("a drone strike", "coalition-led strikes",
  "carried out by the army"), a verb of harm it is the subject of ("the strike killed four",
  "the strikes targeted a depot"), an "on" phrase naming what it hit ("strikes on the port", not
  "on Monday" or "on the railways"), or an armed force as the doer of the verb it is the
  object of ("the rebels carried out strikes"): then it is military force (ASSAULT 190);
* "attack" with a text, a speech or a programme as its doer ("the editorial attacked the plan",
  "a leaflet attacking the mayor") is criticism (ACCUSE 111), not violence;
* "fight", "battle" or "combat" told of a campaign (session 20, :func:`campaign_fight`): a social
  ill, a danger or a race as its object ("fight corruption", "battle climate change"), a cause in
  its "for" phrase ("fought for equal rights") or a "to" clause of keeping or winning ("fought to
  keep the plant open") is no violence and no event; a decision, rule or charge as its object
  ("fought the eviction") is opposition to it (REJECT 120);
* "beat" of a vote, a race, a bid, a prize or a score, or by a margin ("by 7%"), is a contest
  won, no event (:func:`contest_win`, sessions 14 and 23).
"""

from __future__ import annotations

from dataclasses import replace
from spacy.tokens import Doc, Token

from .. import ext, kind_words
from .coded import CodedEvent, _plover_table
from .lexicon import plover_for


def _table() -> dict[str, frozenset[str]]:
    """kind -> words, from ``events_senses.tsv``."""
    return kind_words("events_senses.tsv")


def _armed_word(tok: Token) -> bool:
    low = tok.lower_
    return low in _table()["armed"] or tok.lemma_.lower() in _table()["armed"] or low.endswith("-led")


def _armed_strike(tok: Token) -> bool:
    """Is the noun "strike" (``tok``) made or done by armed force? See the module docstring."""
    for ch in tok.children:
        if ch.dep_ in ("amod", "compound", "poss", "nmod") and (
                _armed_word(ch) or any(_armed_word(g) for g in ch.children if g.dep_ in ("compound", "amod"))):
            return True
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB":
        if tok.dep_ == "nsubj" and head.lemma_.lower() in _table()["harming"]:
            return True
        agent = next((ch for ch in head.children if ch.dep_ == "agent"), None)
        doer = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
        if doer is not None and (_armed_word(doer) or any(_armed_word(g) for g in doer.children)):
            return True  # "the strike was carried out by the navy"
    return False


def _struck_at(tok: Token) -> bool:
    """Has the noun "strike" an "on" phrase naming what it hit ("strikes on the port"), not a day,
    a date or a network of work (``struck_at``)?"""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME") \
                    and obj.lemma_.lower() not in _table()["struck_at"] and obj.lower_ not in _table()["struck_at"]:
                return True
    return False


def _armed_striker(doc: Doc, c: CodedEvent, tok: Token) -> bool:
    """Is the noun "strike" the object of a verb whose doer is an armed force ("the navy carried
    out strikes")? An army stops no work. Not a state: "the country observed a general strike"."""
    if tok.dep_ != "dobj" or c.source is None or c.source.actor is None:
        return False
    actor = next((a for a in ext(doc, "actors") or () if a.id == c.source.actor), None)
    return actor is not None and actor.sector in _striker_sectors()


def _striker_sectors() -> frozenset[str]:
    return kind_words("events_senses.tsv", lower=False).get("striker", frozenset())


def _text_doer(tok: Token) -> bool:
    """Is the doer of the verb "attack" (``tok``) a text: its subject, or the noun a participle
    clause of it modifies ("an editorial attacking the plan")?"""
    texts = _table()["text"]
    if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in texts:
        return True
    return any(ch.dep_ == "nsubj" and ch.lemma_.lower() in texts for ch in tok.children)


def _fight_object(tok: Token) -> Token | None:
    """The direct object of a "fight" verb, or the noun heading its "against" phrase."""
    for ch in tok.children:
        if ch.dep_ == "dobj":
            return ch
        if ch.dep_ == "prep" and ch.lower_ == "against":
            return next((p for p in ch.children if p.dep_ == "pobj"), None)
    return None


def _fight_word(tok: Token, kind: str) -> bool:
    """Is ``tok`` a word of ``kind``, alone or with a modifier before it ("climate change")?"""
    words = _table()[kind]
    lemma = tok.lemma_.lower()
    return lemma in words or tok.lower_ in words or any(
        g.dep_ in ("compound", "amod") and f"{g.lower_} {lemma}" in words for g in tok.lefts)


def _is_fight(c: CodedEvent, tok: Token) -> bool:
    """A "fight" verb coded as armed force, done or promised (ASSAULT, or THREATEN 138)."""
    return ((c.event.type == "ASSAULT" or c.event.cameo == "138") and not c.nominal and tok.pos_ == "VERB"
            and _fight_word(tok, "fight_verb"))


def _opposed_policy(tok: Token) -> bool:
    """Is the object of a "fight" verb a decision, rule, charge or plan ("fought the eviction")?
    A social ill ("climate change") is not one, whatever its head word."""
    obj = _fight_object(tok)
    return obj is not None and _fight_word(obj, "fight_policy") and not _fight_word(obj, "fight_ill")


def campaign_fight(doc: Doc, c: CodedEvent) -> bool:
    """Is a "fight" verb told of a campaign, no violence (module docstring)?"""
    tok = doc[c.trigger_i]
    if not _is_fight(c, tok):
        return False
    obj = _fight_object(tok)
    if obj is not None and _fight_word(obj, "fight_ill"):
        return True
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ == "for" and any(
                p.dep_ == "pobj" and _fight_word(p, "fight_cause") for p in ch.children):
            return True
        if ch.dep_ in ("xcomp", "advcl") and ch.pos_ in ("VERB", "AUX") and _fight_word(ch, "fight_aim") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in ch.children):
            return True
    return False


def _retype(c: CodedEvent, cameo: str) -> None:
    p = plover_for(cameo, _plover_table())
    if p is None:
        return
    c.entry = replace(c.entry, cameo=cameo, plover=p)
    c.event.type, c.event.mode, c.event.cameo = p.type, p.mode, cameo


def retype_senses(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give a military "strike" and a text's "attack" their sense in news prose (module docstring)."""
    for c in coded:
        tok = doc[c.trigger_i]
        lemma = tok.lemma_.lower()
        if c.event.type == "PROTEST" and c.nominal and lemma == "strike" and (
                _armed_strike(tok) or _struck_at(tok) or _armed_striker(doc, c, tok)):
            _retype(c, "190")
        elif c.event.type == "ASSAULT" and not c.nominal and lemma == "attack" and _text_doer(tok):
            _retype(c, "111")
        elif _is_fight(c, tok) and _opposed_policy(tok):
            _retype(c, "120")


def _contest_word(tok: Token) -> bool:
    words = _table()["contest"]
    return tok.lemma_.lower() in words or tok.lower_ in words or (
        tok.dep_ == "npadvmod" and tok.like_num)  # a score: "beat Wales 6-0"


def contest_win(doc: Doc, c: CodedEvent) -> bool:
    """Is a verb of harm that also tells a contest ("beat") told of a contest won: "beating out
    her 38 percent", "beat the Liberals in the election", "beat bids from a rival", "beat Wales
    6-0"? Its object or subject, a preposition's object (its own or its object's) or an "out"
    particle names the contest
    (``contest`` in the data). "Police beat protesters with batons" names none and stays."""
    tok = doc[c.trigger_i]
    if c.nominal or c.event.type != "ASSAULT" or tok.lemma_.lower() not in _table()["contest_verb"]:
        return False
    objs = [ch for ch in tok.children if ch.dep_ == "dobj"]
    for ch in (*tok.children, *(g for o in objs for g in o.children if g.dep_ == "prep")):
        if ch.dep_ == "prt" and ch.lower_ == "out":
            return True
        if ch.dep_ in ("dobj", "nsubj", "nsubjpass", "npadvmod") and _contest_word(ch):
            return True
        if ch.dep_ in ("prep", "agent") and any(p.dep_ == "pobj" and _contest_word(p) for p in ch.children):
            return True  # the parser may hang "in the election" on the object
        if ch.dep_ == "prep" and ch.lower_ == "by" and any(
                g.lemma_.lower() in _table()["margin"] or g.lower_ in _table()["margin"] for g in ch.subtree):
            return True  # a margin: "by less than a percentage point", "by seven points"
    return False
