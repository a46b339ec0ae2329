"""The parties of collective action, read across the article.

A story about unrest names its crowd once ("Thousands of nurses marched through the
capital") and then speaks of "the protest", "the strike", "the rally" with no party of
their own; and it tells what police did to "them" or to "the crowd" without saying whose
crowd. This pass runs over the coded events of one document, after the coder and before
:mod:`.settle`, and fills what one clause leaves out from the article around it:

* a protest with no source is the crowd's: the nearest crowd mention before it (an actor of
  the actor layer named by a crowd noun, a labour union, or the source of another protest)
  in its sentence or the two before, else the first one after it in its sentence. A crowd is
  never invented: no mention, no source;
* a protest with no party as target is aimed at the government whose measure it opposes
  ("a march against the government's pension reform", "protesting a decree signed by the
  president", "rallies against the Ruritanian labour law"): the owner of what follows
  "against", "over" or "protesting", when that owner is a government or its officer.
  A measure with no owner leaves the target empty here (:mod:`.implicit` later gives a
  domestic crowd's protest its own government, on the settled actors);
* a protest held at a foreign mission ("rallied outside the Ruritanian embassy") is aimed
  at the state the mission represents, before the place it was held in;
* an "anti-" protest is aimed at the nation or person its modifier names ("anti-Ruritanian
  rallies"), and the prefix alone is no source;
* a protest noun whose crowd is named only by its modifier ("student protests", "a
  dockers' strike", "Ruritanian rallies") is that crowd's: a compound or possessive noun
  for people (with the sector the actor layer gives its word: students EDU, workers LAB,
  farmers CVL), or a nationality adjective (that country's civilians; not on "strikes",
  which with a nationality are as often air strikes), before any crowd
  read from the sentences around it. Not a state body ("government protests" are against
  it), nor a word for no people ("pension protests");
* a protest read from a verb that means protesting only with its phrase ("took to the
  avenues", "were on strike") needs that phrase on the verb itself;
* police acting on a crowd ("riot police fired tear gas", "officers detained dozens") with
  no target act on the nearest crowd; a crowd beaten or detained by no named agent is
  acted on by the nearest police mention;
* the crowd and police of these events, when nothing places them, are of the story's
  country (:mod:`..actors.story`), like the other domestic actors.

The words for crowds and for police are data (``newsgraph/data/crowds.tsv``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...records import Actor, TextSpan
from .. import doc_text, ext, kind_words
from ..tokens import token_view
from ..actors import load_knowledge
from ..actors.knowledge import country_of, noun_sector
from ..actors.story import story_country, story_weights
from .args import _made_by, _protested
from .coded import CodedEvent
from .countries import _AGENT_NOUNS, _PASS_SUBJ
from .resolve import _resolve
from .syntax import Arg, _actor_like, _names_party, _pobj

_FORCE_TYPES = {"COERCE", "ASSAULT"}
_OPPOSING = {"protest", "oppose", "denounce", "decry", "condemn", "defy"}  # "... protesting X"
_WINDOW = 2  # sentences before the event's own that a crowd mention may be read from
INFERRED_PENALTY = 0.1  # a party read from another sentence is less sure than one in the clause


def crowd_words() -> dict[str, frozenset[str]]:
    """kind ("crowd", "force") -> the singular nouns of that kind, from ``data/crowds.tsv``."""
    return kind_words("crowds.tsv")


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and w != "police" else w


def _is(kind: str, words: str | None) -> bool:
    """Does a phrase name a party of ``kind`` (its last word or, for police, any word)?"""
    if not words:
        return False
    toks = [_singular(w) for w in words.replace("-", " ").split()]
    vocab = crowd_words().get(kind, frozenset())
    return bool(toks) and (toks[-1] in vocab or (kind == "force" and any(t in vocab for t in toks)))


@dataclass
class _Mention:
    start: int
    end: int
    arg: Arg


def _arg_of(doc: Doc, actor: Actor, start: int, end: int) -> Arg:
    return Arg(start, end, doc_text(doc)[start:end], actor.id, actor.country, False, actor.sector)


def _mentions(doc: Doc, kind: str, coded: list[CodedEvent]) -> list[_Mention]:
    """Mentions of crowds (or police) in the article, in text order: the actor layer's groups
    named by a crowd (police) noun, labour organisations, and for crowds the sources other
    protests already have."""
    out: list[_Mention] = []
    for a in ext(doc, "actors") or ():
        if a.kind in ("person", "state") or (kind == "crowd" and a.sector in _NOT_CROWD):
            continue  # "the European Union", "the Soviet Union" are no unions of workers
        named = _is(kind, a.name) or (kind == "crowd" and a.sector == "LAB") or (kind == "force" and a.sector == "COP")
        if named:
            out.extend(_Mention(m.start, m.end, _arg_of(doc, a, m.start, m.end)) for m in a.mentions)
    if kind == "crowd":
        kinds = {a.id: a.kind for a in ext(doc, "actors") or ()}
        for c in coded:
            s = c.source
            if c.event.type == "PROTEST" and s is not None and s.sector not in _NOT_CROWD \
                    and kinds.get(s.actor or "") not in ("person", "state") \
                    and (s.actor is not None or _is("crowd", s.text)) and not _pronoun(doc, s):
                out.append(_Mention(s.start, s.end, s))
    quoted = [(q.start, q.end) for q in ext(doc, "quotes") or () if q.kind != "indirect"]
    out = [m for m in out if not any(a <= m.start and m.end <= b for a, b in quoted)]  # "... for workers," she said
    out.sort(key=lambda m: (m.start, m.end))
    return out


#: Sectors whose protest is not a crowd's: a government's or an official's protest is in words.
_NOT_CROWD = frozenset({"GOV", "IGO", "COP", "MIL", "JUD", "LEG"})


def _pronoun(doc: Doc, arg: Arg) -> bool:
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span is None or not len(span) or span.root.pos_ == "PRON"


class _Sentences:
    def __init__(self, doc: Doc) -> None:
        if doc.has_annotation("SENT_START"):  # each sentence's first character, without a Span per sentence
            view = token_view(doc)
            self.starts = [view.chars[0][i] for i in view.sent_starts]
        else:
            self.starts = [0]

    def of(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)


def _nearest(doc: Doc, mentions: list[_Mention], c: CodedEvent, sents: _Sentences, avoid: list[Arg],
             agent: bool = True) -> Arg | None:
    """The nearest mention before the trigger in its sentence, else the first after it in its
    sentence, else the nearest in the ``_WINDOW`` sentences before; for a crowd as source
    (``agent``), one after must act (:func:`_agentive`) and one before must not be only talked
    of (:func:`_talked_of`). Never a party the event's trigger already has."""
    at = c.event.trigger.start
    here = sents.of(at)
    taken = {a.actor for a in avoid if a.actor}
    ok = [m for m in mentions if not any(m.start < a.end and a.start < m.end for a in avoid)
          and (m.arg.actor is None or m.arg.actor not in taken)]
    ok = [m for m in ok if not (m.start <= at < m.end)]
    before = [m for m in ok if m.end <= at and here - _WINDOW <= sents.of(m.start) <= here]
    if before and sents.of(before[-1].start) == here:
        return before[-1].arg
    after = [m for m in ok if m.start > at and sents.of(m.start) == here and (not agent or _agentive(doc, m))]
    if after:  # "a strike, called by the rail unions": its own sentence's crowd first
        return after[0].arg
    if agent:
        before = [m for m in before if not _talked_of(doc, m)]
    return before[-1].arg if before else None


def _agentive(doc: Doc, m: _Mention) -> bool:
    """Is a mention after the trigger in a position that acts ("... as students marched", "a
    strike called by the unions", "opposition marches"), not in what the act is about ("to protest the arrests of
    fellow marchers")?"""
    root = _mention_root(doc, m)
    if root is None:
        return False
    return root.dep_ in ("nsubj", "nsubjpass", "compound", "poss") or (root.dep_ == "pobj" and root.head.lower_ == "by")


def _talked_of(doc: Doc, m: _Mention) -> bool:
    """A crowd named as the object of a preposition other than "by" ("the intervention of the
    unions", "wages for workers") is talked about, not acting: no source for a later sentence."""
    root = _mention_root(doc, m)
    if root is None:
        return True
    return root.dep_ == "pobj" and root.head.lower_ != "by"


def _mention_root(doc: Doc, m: _Mention) -> Token | None:
    """The head of a mention's phrase, climbing out of a coordination ("students and workers")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def _opposed(tok: Token) -> list[Token]:
    """What a protest is against: the object of "against"/"over" on the trigger (or on its
    object: "staged a sit-in against X"), of a participle "protesting X", or of the trigger
    itself when it is the verb "protest"."""
    found: list[Token] = []
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
    if tok.dep_ in ("dobj", "obj"):
        heads.append(tok.head)
    for h in heads:
        for prep in ("against", "over"):
            if (p := _pobj(h, prep)) is not None:
                found.append(p)
        for c in h.children:
            if c.dep_ in ("advcl", "acl", "xcomp", "conj") and c.lemma_.lower() in _OPPOSING and (
                    c.tag_ == "VBG" or _purpose(c)):  # "... protesting X", "marched to protest X"
                found.extend(o for o in c.children if o.dep_ in ("dobj", "obj"))
                found.extend(p for prep in ("against", "over") if (p := _pobj(c, prep)) is not None)
        for c in h.children:  # "walked out in protest against X"
            if c.dep_ == "prep" and c.lower_ == "in":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() == "protest":
                        found.extend(x for prep in ("against", "at", "over") if (x := _pobj(p, prep)) is not None)
    if tok.lemma_.lower() == "protest" and tok.pos_ == "VERB":
        found.extend(o for o in tok.children if o.dep_ in ("dobj", "obj"))
    found.extend(_protested(tok))
    return found


def _purpose(tok: Token) -> bool:
    """Is a verb a purpose clause ("to protest", "to oppose")?"""
    return tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _owner(tok: Token) -> list[Token]:
    """Who a measure belongs to: its possessor ("the government's plan"), its "of"/"by" party
    ("a decree by the president"), the agent of a participle on it ("a law passed by
    parliament") or its nationality ("the Ruritanian labour law")."""
    out = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    for prep in ("of", "by", "from"):
        if (p := _pobj(tok, prep)) is not None and _actor_like(p):
            out.append(p)
    out.extend(_made_by(tok))
    out.extend(c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
    return out


def _governmental(doc: Doc, arg: Arg, tok: Token) -> bool:
    """Is a measure's owner a government: a state, a government word, an officer of one?"""
    if arg.sector in ("GOV", "LEG") or _is("rule", tok.text):
        return True
    rec = next((a for a in ext(doc, "actors") or () if a.id == arg.actor), None) if arg.actor else None
    if rec is not None:
        return rec.kind == "state" or rec.sector in ("GOV", "LEG")
    return tok.ent_type_ in ("NORP", "GPE") and arg.country is not None


def _protest_target(doc: Doc, c: CodedEvent, places: list) -> Arg | None:
    """The party a protest is aimed at (see the module docstring), or None."""
    tok = doc[c.trigger_i]
    for x in _opposed(tok):
        if x.pos_ != "PRON" and _names_party(x):
            arg = _resolve(doc, x, places)
            if arg is not None and (arg.actor or arg.country):
                return arg
        for o in _owner(x):
            arg = _resolve(doc, o, places)
            if arg is not None and (arg.actor or arg.country or _names_party(o) or _is("rule", o.text)) \
                    and _governmental(doc, arg, o):
                if arg.sector is None and arg.actor is None:
                    arg.sector = "GOV"  # "the transport minister": the government's side
                return arg
    return None


#: Prepositions that place a protest at a building ("outside the embassy", "marched to the consulate").
_AT = frozenset({"outside", "at", "near", "before", "to", "toward", "towards", "in", "around", "into", "by"})


def _mission_target(doc: Doc, c: CodedEvent, places: list) -> Arg | None:
    """A protest held at a foreign mission ("rallied outside the Ruritanian embassy", "a
    sit-in before the consulate of Ruritania") is aimed at the state the mission
    represents: the mission's own phrase, with that state's country (``mission`` in
    ``data/crowds.tsv``)."""
    tok = doc[c.trigger_i]
    heads = [tok, tok.head] if tok.dep_ in ("dobj", "obj") else [tok]  # "staged a protest outside X"
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in _AT:
                continue
            for x in prep.children:
                if x.dep_ == "pobj" and x.lower_ == "front":  # "in front of" an embassy
                    x = _pobj(x, "of") or x
                if x.dep_ != "pobj" or _singular(x.text) not in crowd_words().get("mission", frozenset()):
                    continue
                arg = _resolve(doc, x, places)
                if arg is None or arg.country is None:
                    arg = _resolve(doc, _pobj(x, "of"), places)  # "the embassy of Ruritania"
                if arg is not None and arg.country is not None:
                    arg.sector = arg.sector or "GOV"
                    return arg
    return None


def _organiser(doc: Doc, c: CodedEvent, places: list) -> Arg | None:
    """Who held a protest told as a noun: the agent of a passive with the noun as its
    subject ("the rally was organised by the farmers' union") or of a participle on it ("a
    march called by the opposition"), when that agent names a party and is no state body."""
    tok = doc[c.trigger_i]
    if not c.nominal:
        return None
    agents = list(_made_by(tok))
    if tok.dep_ == "nsubjpass" and (by := _pobj(tok.head, "by")) is not None:
        agents.append(by)
    for by in agents:
        arg = _resolve(doc, by, places)
        if arg is not None and (arg.actor or arg.country or _names_party(by)) and arg.sector not in _NOT_CROWD:
            return arg
    return None


def _bare_modifier(c: CodedEvent) -> bool:
    """A source the coder read off a word before the trigger that the actor layer knows no
    actor for ("Student" of "Student protests", "Ruritanian" of "Ruritanian strikes")."""
    s = c.source
    return s is not None and s.actor is None and s.end <= c.event.trigger.start


def _modifier_crowd(doc: Doc, c: CodedEvent) -> Arg | None:
    """The crowd a protest noun's own modifier names (module docstring), or None."""
    tok = doc[c.trigger_i]
    if not c.nominal or _anti(tok) is not None:
        return None
    for m in tok.lefts:
        if m.dep_ not in ("compound", "poss", "amod") or m.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
            continue
        if m.ent_type_ == "NORP" or (m.pos_ == "ADJ" and country_of(m.text)):
            country, sector = country_of(m.text), "CVL"  # "Ruritanian protests": its people's
            if country is None or tok.lemma_.lower() == "strike":
                continue  # "Ruritanian strikes" are as often its air force's
        elif m.pos_ in ("NOUN", "PROPN"):
            country, sector = None, noun_sector(load_knowledge(), m)
            if sector is None or sector in _NOT_CROWD:
                continue
        else:
            continue
        first = next((t for t in m.lefts if t.dep_ == "compound"), m)  # "rail worker strikes"
        start = first.idx
        end = m.idx + len(m.text)
        return Arg(start, end, doc_text(doc)[start:end], None, country, False, sector)
    return None


def _anti(tok: Token) -> Token | None:
    """The word an "anti-" modifier of a protest word names ("anti-Ruritanian protests",
    "anti-junta rallies", "anti-Smith marchers"), as spaCy splits it: "anti", "-", the word."""
    doc = tok.doc
    for c in tok.children:
        if c.lower_ == "anti" and c.i + 2 < tok.i and doc[c.i + 1].text == "-":
            return doc[c.i + 2]
    return None


def _inside_token(arg: Arg, word: Token) -> bool:
    """Is a side read from no more than the "anti-" prefix before ``word``?"""
    return arg.end <= word.idx + len(word.text) and arg.start >= word.doc[word.i - 2].idx


def _anti_target(doc: Doc, word: Token, places: list) -> Arg | None:
    """The party an "anti-" protest is against, when the word names a nation ("anti-Ruritanian")
    or someone the actor layer knows ("anti-Smith"): that state or person. A government word
    ("anti-government") is left to :mod:`.implicit`, which gives the story's own; an issue
    ("anti-war") names nobody."""
    country = country_of(word.text)
    if country:
        state = next((a for a in ext(doc, "actors") or () if a.kind == "state" and a.country == country and a.mentions), None)
        if state is not None:
            m = state.mentions[0]
            return Arg(m.start, m.end, doc_text(doc)[m.start:m.end], state.id, country, False, state.sector or "GOV")
        return Arg(word.idx, word.idx + len(word.text), word.text, None, country, True, "GOV")
    if word.pos_ == "PROPN" and (arg := _resolve(doc, word, places)) is not None and arg.actor \
            and not arg.text.lower().startswith("anti"):  # not the crowd's own "Anti-Smith marchers"
        return arg
    return None


def _is_party(doc: Doc, arg: Arg | None) -> bool:
    if arg is None:
        return False
    if arg.actor or arg.country or arg.sector:
        return True
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _names_party(span.root)


def fill_crowds(doc: Doc, coded: list[CodedEvent]) -> None:
    """Fill the crowd and police sides of protests and of force against crowds (module
    docstring); events keep every party their own clause gave them."""
    _phrasal(doc, coded)
    named = [(m.start, m.end) for a in ext(doc, "actors") or () for m in a.mentions]
    todo = [c for c in coded if (c.event.type == "PROTEST" or c.event.type in _FORCE_TYPES)
            and not _names_a_group(doc[c.trigger_i], named)]
    if not todo:
        return
    crowds = _mentions(doc, "crowd", coded)
    police = _mentions(doc, "force", coded)
    sents = _Sentences(doc)
    by_trigger: dict[int, list[CodedEvent]] = {}
    for c in coded:  # the pairs one trigger was coded into: "attacks on police and workers"
        by_trigger.setdefault(c.trigger_i, []).append(c)
    places = list(ext(doc, "places") or [])
    country: list[str | None] = []  # the story's country, read once when first needed
    for c in todo:
        had = (not _missing(doc, c.source), c.target is not None)
        changed = False
        others = [a for o in by_trigger[c.trigger_i] for a in (o.source, o.target) if a is not None]
        if c.event.type == "PROTEST":
            opposed = _anti(doc[c.trigger_i])
            if opposed is not None and c.source is not None and _inside_token(c.source, opposed):
                c.source, changed = None, True  # "anti-Ruritanian protests": the prefix is nobody
            if (_missing(doc, c.source) or _bare_modifier(c)) and (src := _modifier_crowd(doc, c)) is not None:
                c.source, changed = src, True
                c.extra["source_modifier"] = True  # settle: the modifier alone is the actor
            if _missing(doc, c.source) and (src := _organiser(doc, c, places)
                                            or _nearest(doc, crowds, c, sents, others)) is not None:
                c.source, changed = src, True
            if opposed is not None and (tgt := _anti_target(doc, opposed, places)) is not None \
                    and (c.target is None or c.target.country != tgt.country):  # it says whom: over a place
                c.target, changed = tgt, True
                c.extra.pop("target_from_place", None)
            if (not _is_party(doc, c.target) or c.extra.get("target_from_place")) \
                    and (tgt := _mission_target(doc, c, places) or _protest_target(doc, c, places)) is not None \
                    and not (c.source is not None and c.source.actor and tgt.actor == c.source.actor):
                c.target, changed = tgt, True  # what it opposes tells its target better than where it was
                c.extra.pop("target_from_place", None)
        elif _police(c.source) and c.target is None and not _agentless(doc, c):
            if (tgt := _nearest(doc, crowds, c, sents, others, agent=False)) is not None:
                c.target, changed = tgt, True
        elif c.source is None and _crowd(c.target) and _policing(c):
            if (src := _nearest(doc, police, c, sents, others, agent=False)) is not None:
                c.source, changed = src, True
        for arg in (c.source, c.target):
            if arg is not None and arg.country is None and arg.sector != "IGO" and (
                    _crowd(arg) or _police(arg) or (arg is c.target and _ruling(arg))
                    or (arg is c.source and c.extra.get("source_modifier"))):  # "student protests"
                if not country:
                    country.append(story_country(story_weights(doc, list(ext(doc, "actors") or []))))
                if country[0] is not None:
                    arg.country, changed = country[0], True
        if changed:
            c.event.source = c.source.actor if c.source else None
            c.event.target = c.target.actor if c.target else None
            _rescore(c, had)


def _phrasal(doc: Doc, coded: list[CodedEvent]) -> None:
    """A protest read from a verb that means protesting only with its phrase (``phrasal`` in
    ``data/crowds.tsv``: "farmers took to the avenues", "remained on strike") needs that phrase on the
    verb itself: "took an hour to cross the old avenues" is no protest and is dropped. A
    state verb ("were on strike", "are to hold a strike") shows the noun that names the act
    as its trigger, not "be" (or yields to that noun's own event)."""
    keep = []
    triggers = {c.trigger_i for c in coded}
    for c in coded:
        tok = doc[c.trigger_i]
        lemma = tok.lemma_.lower()
        if c.event.type != "PROTEST" or c.entry.pos != "verb" or lemma not in crowd_words().get("phrasal", ()):
            keep.append(c)
            continue
        nouns = c.entry.extras - c.entry.preps
        own = next((p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in c.entry.preps
                    for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in nouns), None)
        if own is None and lemma in _STATE_VERBS:  # "are to hold a 24-hour strike"
            own = next((t for t in tok.subtree if t.i != tok.i and t.pos_ == "NOUN" and t.lemma_.lower() in nouns), None)
        if own is None or own.i in triggers:  # no phrase of its own, or the noun is coded already
            continue
        if lemma in _STATE_VERBS:
            c.event.trigger = TextSpan(start=own.idx, end=own.idx + len(own.text), text=own.text)
        keep.append(c)
    coded[:] = keep


_STATE_VERBS = frozenset({"be", "remain", "stay"})


def _rescore(c: CodedEvent, had: tuple[bool, bool]) -> None:
    """A side filled from the article counts, less a penalty, as one read in the clause would."""
    gain = (0.25 if not had[0] and c.source else 0.0) + (0.15 if not had[1] and c.target else 0.0)
    if gain:
        gain -= INFERRED_PENALTY
        raw = round(max(0.05, min(1.0, c.extra.get("raw_confidence", c.event.confidence) + gain)), 2)
        c.extra["raw_confidence"] = c.event.confidence = raw


def _missing(doc: Doc, arg: Arg | None) -> bool:
    """No source, or one that names nobody: a pronoun the actor layer left unresolved ("as
    they marched")."""
    return arg is None or (arg.actor is None and arg.country is None and _pronoun(doc, arg))


def _names_a_group(tok: Token, named: list[tuple[int, int]]) -> bool:
    """"protest leaders", "riot police", "strike committee members": a trigger word modifying
    a noun for people, or inside an actor's mention, names a group, not an act."""
    if any(a <= tok.idx and tok.idx + len(tok.text) <= b and b - a > len(tok.text) for a, b in named):
        return True
    head = tok.head
    return tok.dep_ in ("compound", "amod", "nmod") and head.i != tok.i and head.pos_ in ("NOUN", "PROPN") \
        and (head.lower_ in _AGENT_NOUNS or _is("crowd", head.text) or _is("force", head.text))


_POLICING = ("17", "18")  # coercion (arrest, detention, dispersal, repression) and beatings


def _policing(c: CodedEvent) -> bool:
    """Is the act one that, done to a crowd by no named agent, police do ("were detained",
    "were beaten"), not one anybody might (a shooting, an attack)?"""
    return (c.event.cameo or "").startswith(_POLICING)


def _crowd(arg: Arg | None) -> bool:
    return arg is not None and (_is("crowd", arg.text) or arg.sector == "LAB")


def _ruling(arg: Arg) -> bool:
    """A protest's target named by a government word alone ("the ministry", "the governor"):
    the story's own, like its crowds and police."""
    return arg.actor is None and arg.sector == "GOV" and _is("rule", arg.text)


def _police(arg: Arg | None) -> bool:
    return arg is not None and (arg.sector == "COP" or _is("force", arg.text))


def _agentless(doc: Doc, c: CodedEvent) -> bool:
    """A passive with its subject as the police side ("police were attacked"): the police are
    acted on, not acting."""
    tok = doc[c.trigger_i]
    return any(ch.dep_ in _PASS_SUBJ for ch in tok.children)
