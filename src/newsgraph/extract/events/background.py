"""Mentions that are no event: background, conditions, allegations, possibilities and questions.

The events_dev guideline codes "every reported interaction" but not generic descriptions and not
what the story does not report as having happened; CAMEO codes a sentence's main event. These
kinds of mention fail those tests and were coded as events of their own
(:func:`.discourse.drop_non_events` drops them, once every party is filled):

* a noun for a standing state ("war", "truce", "deal", "withdrawal") in a subordinate phrase of
  a sentence whose main event is another, with no date of its own: "trading grain although each
  arms a militia in the border war", "the vote that the accord made possible" (:func:`standing_mention`);
* the act in the "of"/"for"/"with" complement of an accusation: "accused Ruritania of arming the
  rebels" reports the accusation; the arming is alleged (:func:`alleged_act`);
* an act in the condition of an "if" or "whether" clause ("will talk if the rebels hand in their
  arms", "asked whether the envoy would visit"): a condition is not reported as done
  (:func:`conditional_act`);
* an act only possible, intended or asked for, with nobody doing it ("urged the sides to open
  a corridor to evacuate the wounded", "could kill commuters", "expected to recognise the new
  state"): no party holds it (:func:`unheld_possibility`);
* a possible act that someone hopes, fears or expects of others ("hopes a truce could hold
  within days", "fears the army will move in"): a forecast, not an act (:func:`forecast_of_others`);
* a question asked ("asked whether the envoy had left", "asked about the budget"): it asks for
  an answer, not for an act (:func:`question_asked`);
* a state of war named as the setting of a sentence ("troops who served in the war", "his
  handling of the war", "the war was a mistake"), not as something that starts, is fought or
  ends: the events_dev guideline codes occurrences, not a standing state (:func:`war_as_setting`);
* an act named as what a right, a power or a possibility is for ("the right to defend itself",
  "authority to arrest the squatters", "the possibility of a boycott", "a date for withdrawal"):
  a capacity or an option, not an act done (:func:`unrealised_act`);
* a meeting named only as the place where something else happened, with no party of its own
  ("said at a public meeting", "the vote at a council meeting"): a venue, not talks between
  parties (:func:`meeting_as_venue`);
* a journey with no host abroad ("arrived in the capital", "the convoy travelled to the border
  town", "parliament convenes"): a visit with nobody on either side, or to a place in the
  traveller's own country (:func:`travel_at_home`).

Session 12 (issue 10, read off unseen WikiNews articles and checked on others): the act an
appeal asks for ("urged the council to accept", "called for a withdrawal":
:func:`appealed_act`), an act told as a habit ("routinely", "whenever", "every time":
:func:`habitual_act`), the release of a document (:func:`document_release`), an act averted
("foiled an attack", "escaped being captured": :func:`averted_act`) or not allowed ("will not
allow the rallies to go ahead": :func:`refused_permission`), and popularity named "support"
(:func:`popular_support`).

The words are data (``newsgraph/data/events_background.tsv``).
"""

from __future__ import annotations


from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .. import ext, kind_words
from ..tokens import lower_of, token_view
from .coded import CodedEvent


def _table() -> dict[str, frozenset[str]]:
    """kind -> lemmas, from ``events_background.tsv``."""
    return kind_words("events_background.tsv")


def _words(kind: str) -> frozenset[str]:
    return _table().get(kind, frozenset())


_CORE = {"nsubj", "nsubjpass", "dobj", "obj"}


def war_as_setting(doc: Doc, c: CodedEvent) -> bool:
    """A noun for a state of armed conflict (``state`` in the data: "war", "insurgency") that no
    verb of outbreak, conduct or end (``onset``: "broke out", "waged", "declared", "ended",
    "killed") takes as subject or object, or tells in a relative clause ("the war that broke out").
    Named so, the war is where the sentence's news happens
    or what it is about ("critics of the war", "the war in the south has been costly"), not an
    attack that occurred; its acts are coded from their own words."""
    tok = doc[c.trigger_i]
    if not c.nominal or tok.lemma_.lower() not in _words("state"):
        return False
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "the war and the blockade ended"
    onset = _words("onset")
    if any(c.dep_ == "relcl" and c.lemma_.lower() in onset for c in head.children):
        return False  # "the war that broke out in May"
    return not (head.dep_ in _CORE and head.head.lemma_.lower() in onset)


def unrealised_act(doc: Doc, c: CodedEvent) -> bool:
    """An act in the "to" infinitive or the "of"/"for" phrase of a noun of right, power or
    possibility (``unrealised`` in the data): "has the right to retaliate", "was given authority to
    detain", "raised the possibility of sanctions", "set no date for a pull-out". The noun says the
    act may happen, not that it did; whoever holds the right, the act is no occurrence."""
    tok = doc[c.trigger_i]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "the right to strike and picket"
    if tok.dep_ == "acl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children):
        noun = tok.head
    elif tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "for"):
        noun = tok.head.head
    else:
        return False
    if noun.lemma_.lower() == "event" and noun.tag_ != "NN":
        return False  # "the events of 1956" happened; "in the event of an invasion" did not
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _words("unrealised")


_VENUE_PREPS = {"at"}  # "during last-minute negotiations" tells talks held


def meeting_as_venue(doc: Doc, c: CodedEvent) -> bool:
    """A meeting, conference or summit named only as the place of another act ("told reporters at
    a news conference", "the motion passed at a council meeting"), with no party on either side:
    the object of "at" with no source and no target. A meeting with a party ("at talks
    with Chile", "during the premier's summit") keeps its event."""
    ev = c.event
    if not c.nominal or ev.type != "CONSULT" or ev.source is not None or ev.target is not None:
        return False
    tok = doc[c.trigger_i]
    return tok.dep_ == "pobj" and tok.head.lower_ in _VENUE_PREPS


def _country(doc: Doc, arg) -> str | None:
    """A party's country: its phrase's, else its actor record's ("the premier" of a story's state)."""
    if arg.country:
        return arg.country
    return next((a.country for a in ext(doc, "actors") or () if a.id == arg.actor), None)


def travel_at_home(doc: Doc, c: CodedEvent) -> bool:
    """A visit (CAMEO 042) is a party going to another state or to another party. One with no
    source and no target ("the new assembly convenes", "anyone visiting the website") or one whose
    target is a place of the traveller's own country ("the premier arrived in the port city",
    "the train was travelling to the northern province") is a journey, not an interaction. A host
    named as a party ("visited the governor") or a state abroad ("arrived in Cairo") keeps it."""
    ev = c.event
    if ev.type != "CONSULT" or ev.mode != "visit" or not ev.cameo.startswith("042"):
        return False
    if ev.source is None and ev.target is None:
        return True
    src, tgt = c.source, c.target
    if src is None or tgt is None or not (home := _country(doc, src)) or home != _country(doc, tgt):
        return False
    return bool(c.extra.get("target_from_place")) or any(
        p.start < tgt.end and tgt.start < p.end for p in ext(doc, "places") or ())


def topic_talk(doc: Doc, c: CodedEvent) -> bool:
    """A party talking about a topic ("talked about the future of the bank", "what we are
    talking about") with nobody it talks with: no target once every party is filled, and an
    "about"/"of" phrase (``topic`` and ``topic_prep`` in the data). Talks between parties
    ("talked with X about Y", "X and Y talked about trade") have a target and stay."""
    ev = c.event
    if ev.type != "CONSULT" or c.nominal or ev.target is not None:
        return False
    tok = doc[c.trigger_i]
    if tok.lemma_.lower() not in _words("topic"):
        return False
    return any(ch.dep_ == "prep" and ch.lower_ in _words("topic_prep") for ch in tok.children)


def threat_as_danger(doc: Doc, c: CodedEvent) -> bool:
    """The noun "threat" as what something is said to be ("posed a threat to peace", "deemed a
    threat to national security", "not considered a threat", "seen as a threat"): the predicate
    or object of a verb of being or judging (``danger_verb`` in the data) names a danger, not a
    threat someone made ("the threat by the rebels to cut the road" stays)."""
    if not c.nominal or c.event.type != "THREATEN":
        return False
    tok = doc[c.trigger_i]
    if tok.lemma_.lower() not in _words("danger_noun"):
        return False
    if any(ch.dep_ in ("acl", "relcl") and ch.pos_ == "VERB" for ch in tok.children):
        return False  # "what they say is the government's threat to seize the site": a threat made
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as":  # "seen as a threat"
        head = head.head
    elif tok.dep_ not in ("attr", "oprd", "dobj", "acomp"):
        return False
    return head.lemma_.lower() in _words("danger_verb")


def standing_mention(doc: Doc, c: CodedEvent) -> bool:
    """A standing conflict, settlement or process named in passing: a noun of that kind, read as
    background (below the clause of the sentence's main event, :func:`.discourse._background`),
    with no date and no other mention linked to it. With a date ("the truce agreed on Monday")
    it may be the news; as the sentence's main event ("the truce collapsed") it is not background."""
    if not c.nominal or not c.extra.get("background") or c.event.date or c.extra.get("mention_tokens"):
        return False
    return doc[c.trigger_i].lemma_.lower() in _words("standing")


def _accusation_of(tok: Token) -> Token | None:
    """The accusing verb whose "of"/"for"/"with" complement ``tok`` heads, or None."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ not in ("of", "for", "with") or prep.dep_ != "prep":
        return None
    verb = prep.head  # a verb: not "in charge of disarming them"
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _words("alleging") else None


def alleged_act(doc: Doc, c: CodedEvent) -> bool:
    """An act told only as the charge of an accusation ("accused the guards of beating him",
    "blamed Ruritania for arming the rebels"): a verb heading the accusation's complement. The
    accusation is the event; the act is alleged, as in "alleged that ..." (which the coder
    already leaves out)."""
    return not c.nominal and _accusation_of(doc[c.trigger_i]) is not None


_CONDITION = {"if", "whether", "unless"}


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a token is in: itself, or the nearest verb above it."""
    for a in (tok, *tok.ancestors):
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


def conditional_act(doc: Doc, c: CodedEvent) -> bool:
    """An act in an "if", "whether" or "unless" clause ("differ on whether the guards fired"):
    the condition of another act or of a question, not an act the story reports. Not negated ones (the coder already reports those as negated)."""
    if c.event.negated:
        return False
    verb = _clause_verb(doc[c.trigger_i])
    while verb is not None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head  # "if they were to withdraw", "unless they threaten or attack"
    return verb is not None and verb.dep_ in ("advcl", "ccomp", "pcomp") and any(
        m.dep_ == "mark" and m.lower_ in _CONDITION for m in verb.children)


def unheld_possibility(doc: Doc, c: CodedEvent) -> bool:
    """Only possible and held by nobody: hypothetical, with no source and no date, whatever its
    target (:func:`.modality.possibility` takes those with no target either). CAMEO codes an
    intention as its holder's (03x, 13x); the purpose of another act ("deployed police to prevent
    riots"), the content of an appeal or a forecast with nobody acting is no interaction. A noun
    act forecast of a named party as its clause's subject ("further sanctions might target its
    officials") stays: a threat someone may act on; so does an act a decision, a vote or a plan
    is about (``deciding`` in the data)."""
    ev = c.event
    if not ev.hypothetical or ev.negated or ev.source is not None or ev.date:
        return False
    tok = doc[c.trigger_i]
    if tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in _words("deciding"):
        return False  # "the decision to expel Togo's envoy", "voted to extend": decided, not just possible
    return not (c.nominal and ev.target is not None and tok.dep_ in ("nsubj", "nsubjpass"))


_SPEAKER = {"i", "we", "he", "she", "it", "they"}


def _forecasting(verb: Token) -> bool:
    """Is a verb one of hoping, fearing or expecting? By its lemma or its form less an ending
    (the tagger reads "hopes" as an inflection of "hop" often enough)."""
    low = verb.lower_
    return bool({verb.lemma_.lower(), low, low[:-1], low[:-2]} & _words("forecasting"))


def forecast_of_others(doc: Doc, c: CodedEvent) -> bool:
    """A possible act in the "that" clause of a verb of hoping, fearing or expecting
    (``forecasting`` in the data), with a subject of its own other than a pronoun for the
    speaker: "the minister hopes a truce could hold", "analysts expect the army will move in".
    The speaker states no intent of its own ("hopes it can sign" stays its intent) and the
    others are not reported acting."""
    ev = c.event
    if not ev.hypothetical or ev.negated:
        return False
    clause = _clause_verb(doc[c.anchor])
    if clause is None or clause.dep_ != "ccomp" or not _forecasting(clause.head):
        return False
    subj = next((t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subj is not None and subj.lower_ not in _SPEAKER


_WH = {"what", "why", "how", "who", "whom", "whose", "which", "when", "where", "whether", "if"}


def _asks_a_question(verb: Token) -> bool:
    """Has a verb of asking a question for its complement: a clause opened by a wh-word, "if"
    or "whether", an "about" phrase, or a quoted question ("'Is it over?' she asked")?"""
    for c in verb.children:
        if c.dep_ in ("xcomp", "dative") or (c.dep_ == "prep" and c.lower_ == "for"):
            return False  # "asked them to leave", "asked for aid": a request
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
        if c.dep_ in ("ccomp", "parataxis", "dobj") and c.i != verb.i:
            first = c.doc[c.left_edge.i]
            if first.lower_ in _WH or any(t.text == "?" for t in c.subtree):
                return True
    return verb.dep_ in ("parataxis", "ROOT") and any(t.text == "?" for t in verb.sent if t.i < verb.i)


def question_asked(doc: Doc, c: CodedEvent) -> bool:
    """A question asked, not an appeal: a REQUEST read from a verb of asking
    (``questioning`` in the data) whose complement is a question (:func:`_asks_a_question`).
    The events_dev guideline's REQUEST is asking someone to do something."""
    tok = doc[c.trigger_i]
    return c.event.type == "REQUEST" and not c.nominal and (
        tok.lemma_.lower() in _words("questioning") or tok.lower_ in _words("questioning")) \
        and _asks_a_question(tok)


# --------------------------------------------------------------------------- session 12

_APPEAL_DEPS = {"xcomp", "ccomp", "advcl", "acl"}


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "urged them to disarm and (to) leave"
    return tok


def appealed_act(doc: Doc, c: CodedEvent) -> bool:
    """The act an appeal or a demand asks for (``appealing`` in the data): in its "to" infinitive
    or "that" clause ("urged the council to accept the plan", "calls for the cabinet to resign",
    "demanded that Ruritania cut ties"), as its object ("demanded the minister's resignation") or
    in its "for" phrase ("called for a withdrawal", "pressed for an inquiry"); as an object only
    of a verb whose object is what is asked (``appealing_object``). The appeal is the
    event (CAMEO 10x, read from the appeal's own word); the act is wanted, not done. An appeal
    of an appeal ("urged them to demand ...") stays, and so does a strike called ("called a
    strike")."""
    ev = c.event
    if ev.type == "REQUEST" or ev.negated:
        return False
    tok = _first_conjunct(doc[c.trigger_i])
    head = tok.head
    appeal = _words("appealing")
    if tok.dep_ in _APPEAL_DEPS:
        if tok.dep_ in ("advcl", "acl") and not any(
                (ch.dep_ == "aux" and ch.lower_ == "to") or (ch.dep_ == "mark" and ch.lower_ in ("for", "that"))
                for ch in tok.children):
            return False  # "Threatening to kill them, the group demanded ...": a clause of its own
        return head.lemma_.lower() in appeal and head.i != tok.i
    if tok.dep_ == "dobj" and c.nominal:  # "demanded the release": not "pushed the attacks back"
        return head.pos_ == "VERB" and head.lemma_.lower() in _words("appealing_object")
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.dep_ == "prep":
        return head.head.lemma_.lower() in appeal
    return False


def _habitual_phrase(verb: Token, shared: bool = False) -> bool:
    """Does a clause verb carry a habit: an adverb of the ``habitual`` list ("routinely",
    "whenever"), "every/each time", or "on a daily/regular basis"? ``shared``: read for a verb
    conjoined to this one, which shares an adverb before the verbs ("routinely detain and beat")
    but not one after the first ("returned regularly and gave $5m")."""
    words, doc = _words("habitual"), verb.doc
    view = token_view(doc)  # labels and words as hashes: every event's clause verbs are asked
    for c in view.children[verb.i]:
        dep = view.dep[c]
        if dep == _ADVMOD or dep == _MARK:
            if lower_of(doc, view.lemma[c]) in words and not (shared and c > verb.i):
                return True
        elif dep == _NPADVMOD:
            if lower_of(doc, view.lemma[c]) == "time" and any(view.lower[d] in _EVERY for d in view.children[c]):
                return True
        elif dep == _PREP and view.lower[c] == _ON and any(
                p.lemma_.lower() == "basis" and any(a.lower_ in ("daily", "regular", "routine", "weekly") for a in p.children)
                for p in doc[c].children):
            return True
    return False


_ADVMOD, _MARK, _NPADVMOD, _PREP = (get_string_id(d) for d in ("advmod", "mark", "npadvmod", "prep"))
_ON = get_string_id("on")
_EVERY = frozenset(get_string_id(w) for w in ("every", "each"))


def habitual_act(doc: Doc, c: CodedEvent) -> bool:
    """An act told as a habit or a rule, not an occurrence: its clause (or a clause it is the
    condition of) carries "routinely", "regularly", "whenever", "every time", "on a daily basis"
    (``habitual`` in the data): "police routinely detain activists", "whenever a soldier is
    killed, the flag is lowered", "every time you arrest one, ten join". The events_dev guideline
    codes occurrences, not generic descriptions."""
    if c.event.negated:
        return False
    verb = _clause_verb(doc[c.trigger_i])
    seen, shared = 0, False
    while verb is not None and seen < 3:
        if _habitual_phrase(verb, shared):
            return True
        if verb.dep_ == "relcl" and verb.head.lemma_.lower() == "time" and any(
                d.lower_ in ("every", "each") for d in verb.head.children):
            return True  # "every time you arrest one"
        if verb.dep_ not in ("conj", "xcomp") or (verb.dep_ == "conj" and any(
                ch.dep_ == "cc" and ch.lower_ in ("but", "yet") for ch in verb.head.children)):
            return False  # "would not usually ... but I agree": the habit stays in its own clause
        shared = verb.dep_ == "conj"
        verb, seen = verb.head, seen + 1
    return False


def document_release(doc: Doc, c: CodedEvent) -> bool:
    """The release of a document, not of people (CAMEO 084 frees prisoners or hostages): the
    noun "release" whose "of" phrase names a thing published (``document`` in the data: "the
    release of a survey", "the release of the plans")."""
    tok = doc[c.trigger_i]
    if not c.nominal or tok.lemma_.lower() != "release":
        return False
    of = next((ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
    obj = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    return obj is not None and obj.lemma_.lower() in _words("document")


def _negated_chain(verb: Token) -> bool:
    """Is a verb negated, itself or through the verbs it is the complement of ("did not try to
    stop", "was not going to prevent")?"""
    for v in (verb, *verb.ancestors):
        if any(ch.dep_ == "neg" for ch in v.children):
            return True
        if v.dep_ not in ("xcomp", "aux"):
            return False
    return False


def averted_act(doc: Doc, c: CodedEvent) -> bool:
    """An act stopped before it happened: the object, the verbal complement or the "from"
    phrase of a verb of averting (``averting`` in the data: "foiled an attack on the base",
    "prevented the crowd from marching", "avoided arrest"), or the verbal complement of one of
    escaping (``escaping``: "escaped being captured"; "escaped the massacre" tells one that
    happened). Whoever stopped it, the act is no occurrence."""
    if c.event.negated:
        return False
    tok = _first_conjunct(doc[c.trigger_i])
    head = tok.head
    if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ == "from":
        head, verbal = head.head, True  # "prevented them from marching", "stopped them from crossing"
    elif tok.dep_ in ("xcomp", "ccomp"):
        verbal = True
    elif tok.dep_ == "dobj" and c.nominal:
        verbal = False
    else:
        return False
    if head.i == tok.i or head.pos_ != "VERB" or _negated_chain(head):
        return False  # "was not going to prevent them from attacking": the attacks were not averted
    lemma = head.lemma_.lower()
    if lemma in _words("escaping"):
        return verbal
    return lemma in _words("averting") and (verbal or lemma != "stop")  # "stopped the attacks": they were going on


def refused_permission(doc: Doc, c: CodedEvent) -> bool:
    """An act a negated verb of allowing is about (``permitting`` in the data): "will not allow
    the rallies to go ahead", "would not let its towns be attacked". The act is refused, not
    done; the refusal is coded, if at all, from the allowing verb."""
    tok = doc[c.trigger_i]
    if c.event.negated:
        return False
    if c.nominal:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        tok = tok.head  # "not allow the rallies to go ahead": the rallies' clause
    tok = _first_conjunct(tok)
    head = tok.head
    return (tok.dep_ in ("ccomp", "xcomp") and head.i != tok.i and head.lemma_.lower() in _words("permitting")
            and any(ch.dep_ == "neg" for ch in head.children))


def popular_support(doc: Doc, c: CodedEvent) -> bool:
    """A following in the public, not an act of support (SUPPORT 05x): the noun "support" with
    a modifier or an "of" phrase of the public (``popular`` in the data): "their public support
    fell", "the support of his people"; or in a sentence of a poll or a percentage (``measured``):
    "her support stood at 34%". Support by a named party ("the bloc's support for the
    plan") stays. (A first reading that also took "supported the claim" as evidence, not
    support, was wrong on held-back text: people backing a claim endorse it.)"""
    ev = c.event
    tok = doc[c.trigger_i]
    if ev.type != "SUPPORT" or ev.negated or not c.nominal or tok.lemma_.lower() != "support":
        return False
    popular = _words("popular")
    if any(t.lemma_.lower() in _words("measured") or t.lower_ in _words("measured") for t in tok.sent):
        return True  # "his support fell to 34% in the poll": a share a poll measures (session 23)
    for ch in tok.children:
        if ch.dep_ in ("amod", "compound") and ch.lemma_.lower() in popular:
            return True
        if ch.dep_ == "prep" and ch.lower_ == "of" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in popular for p in ch.children):
            return True
    return False
