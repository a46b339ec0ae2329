"""Parties a clause leaves out because every reader knows them: the government a domestic
protest is aimed at, the police that made an arrest or a charge, the court that convicted.

A story about unrest says "Thousands of nurses marched through the capital" and "the strike
entered its third day" without naming whom the march or the strike is against: in a story
set in one country, a crowd of that country protesting is aimed at its government (the
event-data convention: CAMEO and PLOVER coders code such a protest as the crowd against its
own state). And it says "twelve people were arrested" without saying by whom: the police
the story names. This pass runs on settled actors (after :mod:`.settle`, :mod:`.pronouns`
and :mod:`.dyad`) and fills these sides from parties the article itself names; it never
invents an actor, and every side it fills points at one of the actor's mentions.

* A protest (``protest_code`` in ``newsgraph/data/implicit.tsv``) with no target whose
  source is a crowd (a group or organisation of a ``crowd_sector``, a crowd noun, or the
  people of a nation: "thousands of Ruritanians") of country X is aimed at X's government,
  when the story is set in X (:func:`..actors.story.story_country`), the act's place, if
  any, is in X, the article names X's government in the act's sentence or the one before (a
  government noun, "the government", "Ruritania's government", "the authorities", first;
  else a current head of state or government; never the state itself: "Ruritania" names the
  country, not who rules it), and nothing aims it elsewhere: its sentence names no party of
  another country, international body, company or embassy; what it is "against"/"over"
  belongs to nobody but a government and is no act of violence (a protest "against the
  killing" is aimed at the killer); its crowd is no counter-demonstration; the article names
  no company or church near the act (a strike: anywhere; protests and strikes are often
  against one). Measured on unseen text, a government named only further away is as often
  not the protest's counterpart; with none near, the country itself is the target (as the
  coder takes the country an act happens in), for a protest told as having happened, in an
  article none of whose protests is aimed elsewhere (:func:`_own_state`, session 10).
* An arrest or detention (``arrest_code``) with a target and no agent is made by the
  article's police, when all the police it names are of one country and the story or the
  act's place is in that country; a charge ("was charged with theft", ``charge_act``) by its
  police too, else by its prosecutors; a conviction, sentence or jailing ("was sentenced to
  ten years", ``court_act``, "found guilty") by its court (a judicial body named as a court,
  not a judge named in passing), on the same terms (session 15: on 300 unseen articles it
  fired 10 times in 6, all right).

A filled side is marked ``CodedEvent.extra["target_implicit"]`` (``"source_implicit"``); the
event keeps the confidence it was read with.
"""

from __future__ import annotations


from spacy.tokens import Doc, Token

from ...records import Actor
from .. import doc_text, ext, kind_words
from ..actors.knowledge import country_of
from ..actors.story import story_country, story_weights
from .article import referents
from .coded import CodedEvent
from .countries import _COUNTS
from .crowds import _OPPOSING, _is, _opposed, _owner, _singular
from .syntax import Arg, _names_party, counted

_VIOLENT = frozenset({"ASSAULT", "COERCE"})
_GENERIC = frozenset({"any", "no", "every", "each"})


def _table() -> dict[str, frozenset[str]]:
    """kind -> values, from ``data/implicit.tsv`` (as written: some are names)."""
    return kind_words("implicit.tsv", lower=False)


def _words(kind: str) -> frozenset[str]:
    return _table().get(kind, frozenset())


def fill_implicit(doc: Doc, coded: list[CodedEvent]) -> None:
    """Fill the government a domestic protest is aimed at and the police or court that made an
    arrest, a charge or a conviction (module docstring). Runs on settled actors."""
    todo = [c for c in coded if not (c.event.negated or c.event.hypothetical)
            and ((c.event.target is None and (c.event.cameo or "") in _words("protest_code"))
                 or (c.event.source is None and c.event.target is not None and _legal(doc, c)))]
    if not todo:
        return
    actors = list(ext(doc, "actors") or ())
    by_id = {a.id: a for a in actors}
    story = story_country(story_weights(doc, actors))
    places = list(ext(doc, "places") or ())
    for c in todo:
        place = places[c.event.place].country if c.event.place is not None and c.event.place < len(places) else None
        if c.event.target is None:
            own = _crowd_country(doc, c, by_id.get(c.event.source or ""), story)
            if own is None or own != story or place not in (None, own) or _aimed_elsewhere(doc, c, actors, own):
                continue
            gov = _government(doc, actors, own, c, exclude=c.event.source) or _own_state(doc, actors, coded, own, c)
            if gov is not None:
                _set(doc, c, "target", gov)
        else:
            doer = _authority(actors, _legal(doc, c), story, place, by_id.get(c.event.target))
            if doer is not None:
                _set(doc, c, "source", doer)


# --------------------------------------------------------------------------- protests


def _crowd_country(doc: Doc, c: CodedEvent, src: Actor | None, story: str | None) -> str | None:
    """The country of a protest's source when it is a crowd: a group or organisation of a
    crowd sector or named by a crowd noun (of its own country, else of the story's, like the
    other domestic actors), or the people of a nation ("thousands of Ruritanians", read by
    the actor layer as the state); else None."""
    if src is None:
        return None
    if src.kind in ("group", "organization") and (src.sector in _words("crowd_sector")
                                                  or (src.sector is None and _is("crowd", src.name))):
        return src.country or story
    if c.source is None:
        return None
    span = doc.char_span(c.source.start, c.source.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = counted(span.root)  # "tens of thousands of Ruritanians": the Ruritanians
    people = root.tag_ in ("NNS", "NNPS") or root.i != span.root.i or (  # "Sudanese" is tagged singular
        root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _COUNTS)
    if root.ent_type_ == "NORP" and people and root.dep_ not in ("compound", "amod", "poss"):
        return src.country or country_of(root.text)
    return None


def _aimed_elsewhere(doc: Doc, c: CodedEvent, actors: list[Actor], own: str) -> bool:
    """Does the text aim the protest at another party than the government (module docstring)?"""
    tok = doc[c.trigger_i]
    if tok.lemma_.lower() == "demonstrate" and any(ch.dep_ in ("dobj", "obj", "ccomp") for ch in tok.children):
        return True  # "the strike demonstrated their anger": showing, not protesting
    if tok.sent.text.rstrip().endswith("?") or any(
            ch.dep_ == "det" and ch.lower_ in _GENERIC for ch in tok.children):
        return True  # "Should rallies be banned?", "every march at night": no one protest
    for x in _against(tok):
        if _names_party(x) or any(_names_party(o) or o.pos_ == "PROPN" for o in _owner(x)):
            return True  # a party the clause names (the coder found no actor for it) or owns the measure
        if (types := referents().get(x.lemma_.lower())) and types & _VIOLENT:
            return True  # "protesting the shooting": aimed at whoever shot
    sent = tok.sent
    if any(_singular(t.text) in _words("elsewhere") or t.lemma_.lower() in _words("elsewhere") for t in sent):
        return True
    lo, hi = sent.start_char, sent.end_char
    src = c.event.source
    name = next((a.name.lower() for a in actors if a.id == src), "")
    if any(w in name.replace("-", " ").split() for w in _words("counter")):
        return True  # counter-demonstrators: against the other crowd
    for a in actors:
        if a.id == src:
            continue
        here = any(lo <= m.start < hi for m in a.mentions)
        if a.sector in _words("elsewhere_sector") and _near_body(doc, c, a):
            return True  # a strike, or a protest near a company or church, may be against it
        if here and (a.sector in ("IGO", "BUS") or (a.country is not None and a.country != own)):
            return True
    return False


def _near_body(doc: Doc, c: CodedEvent, body: Actor) -> bool:
    """Could a company or church the article names be what a protest is against? A strike's
    counterpart is usually an employer, wherever the story names it; a march or rally is
    against one only when it is named in the act's sentence or the ``_BODY_WINDOW`` before it
    (a national march whose story mentions a firm in passing is still aimed at the
    government)."""
    if not body.mentions:
        return False
    if (c.event.cameo or "") in _words("strike_code"):
        return True
    sent = doc[c.trigger_i].sent
    first = sent
    for _ in range(_BODY_WINDOW):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    return any(first.start_char <= m.start < sent.end_char for m in body.mentions)


_BODY_WINDOW = 2  # sentences before a protest's own in which a company or church aims it


def _against(tok: Token) -> list[Token]:
    """What a protest is against (:func:`.crowds._opposed`), and the object of a purpose
    clause on it ("marched to protest the closure")."""
    found = list(_opposed(tok))
    for ch in tok.children:
        if ch.dep_ in ("xcomp", "advcl") and ch.lemma_.lower() in _OPPOSING:
            found.extend(o for o in ch.children if o.dep_ in ("dobj", "obj"))
    return found


def _government(doc: Doc, actors: list[Actor], country: str, c: CodedEvent, exclude: str | None):
    """The article's mention of ``country``'s government (module docstring) in the act's
    sentence or the one before, as (actor, start, end), or None."""
    mine = [a for a in actors if a.country == country and a.mentions and a.id != exclude]
    text = doc_text(doc)
    nouns = [(a, m.start, m.end) for a in mine for m in a.mentions
             if (a.kind in ("group", "organization") and a.sector == "GOV" and _seat(a.name))
             or (a.kind == "state" and _seat(text[m.start:m.end].removeprefix("'s ")))]  # "Ruritania's government"
    heads = [(a, m.start, m.end) for a in mine if a.kind == "person" and a.sector == "GOV" and a.title
             and _head(a.title) for m in a.mentions]
    sent = doc[c.trigger_i].sent
    lo = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    for group in (nouns, heads):  # not the state itself: "Ruritania" names the country, not who rules it
        found = _nearest_mention(c, [p for p in group if lo <= p[1] and p[2] <= sent.end_char])
        if found is not None:
            return found
    return None


def _own_state(doc: Doc, actors: list[Actor], coded: list[CodedEvent], country: str, c: CodedEvent):
    """The country itself as a domestic protest's target when no government is named near it,
    as the coder takes the country an untargeted act happens in ("marched in Ruritania"): its
    mention as a country (a place of feature "country", not a city), nearest the trigger.
    Only for a protest the text tells as having happened (a noun, a verb in the past or
    present, or one a phase verb in the past or present governs: "began protesting"; not
    "must first apply to rally"), in an article none of whose protests is aimed
    at anyone but its own government (a story of protests against a firm, a foreign state or
    a rival crowd keeps its untargeted ones untargeted; a strike whose story speaks of
    an employer, ``employer`` in ``data/implicit.tsv``, too)."""
    tok = doc[c.trigger_i]
    if (tok.pos_ == "VERB" and not _told(tok)) or any(
            ch.dep_ == "aux" and ch.tag_ == "MD" for t in (tok, *tok.ancestors) for ch in t.children):
        return None  # "to march", "must apply before they rally", "would strike"
    if (c.event.cameo or "") in _words("strike_code") and any(
            _singular(t.text) in _words("employer") or t.lemma_.lower() in _words("employer") for t in doc):
        return None  # a strike whose story speaks of an employer, a factory or its management
    by_id = {a.id: a for a in actors}
    for o in coded:
        t = by_id.get(o.event.target or "")
        if o.event.type == "PROTEST" and t is not None and o.target is not None and not o.extra.get("target_from_place") \
                and (t.country != country or t.sector not in ("GOV", "LEG")):
            return None
    spans = {(p.start, p.end) for p in ext(doc, "places") or () if p.feature == "country" and p.country == country}
    return _nearest_mention(c, [(a, m.start, m.end) for a in actors if a.kind == "state" and a.country == country
                                for m in a.mentions if (m.start, m.end) in spans])


_TOLD = frozenset({"VBD", "VBZ", "VBP", "VBN"})  # "marched", "marches", "have marched"; not "to march"


def _told(tok: Token) -> bool:
    """Is a protest verb told as having happened: in the past or present, or the complement of
    a phase verb that is ("began protesting", "continued to march": ``phase`` in
    ``data/implicit.tsv``)?"""
    if tok.tag_ in _TOLD:
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.tag_ in _TOLD and head.lemma_.lower() in _words("phase")


def _seat(name: str) -> bool:
    """Does a name call a government as a whole ("the government", "the Ruritanian
    authorities", "Mr Lee's administration"), not a body named after one ("the National
    Institute of Public Administration")?"""
    words = name.lower().split()
    return 0 < len(words) <= 3 and "of" not in words and words[-1] in _words("government")


def _head(title: str) -> bool:
    """Is a title that of a head of state or government ("President", "the prime minister"),
    not a deputy's or a former or deposed holder's (``not_head``)?"""
    t = title.lower()
    if any(w in t.replace("-", " ").split() for w in _words("not_head")):
        return False
    return any(t == h or t.endswith(" " + h) for h in _words("head"))


# --------------------------------------------------------------------------- arrests


def _legal(doc: Doc, c: CodedEvent) -> str | None:
    """Who does a legal act its clause leaves without a doer: ``"police"`` an arrest or
    detention (``arrest_code``), ``"charge"`` a charge or indictment (an accusation by
    ``charge_act``: "was charged with fraud"), ``"court"`` a conviction, sentence or jailing
    (``court_act``, or an accusation with a ``verdict``: "found guilty"); None for any other act."""
    tok = doc[c.trigger_i]
    lemma = tok.lemma_.lower()
    court = lemma in _words("court_act") or any(ch.lower_ in _words("verdict") for ch in tok.children)
    if court and c.event.type in ("ACCUSE", "COERCE"):
        return "court"
    if (c.event.cameo or "") in _words("arrest_code") and lemma not in _words("court_act"):
        return "police"
    if c.event.type == "ACCUSE" and lemma in _words("charge_act"):
        return "charge"
    return None


def _authority(actors: list[Actor], act: str | None, story: str | None, place: str | None,
               target: Actor | None) -> list[Actor] | None:
    """Who made an agentless legal act (:func:`_legal`): an arrest the article's police, a
    charge its police or else its prosecutors, a conviction or sentence its courts."""
    if act is None:
        return None
    if act == "court":
        return _force(_bodies(actors, "court"), story, place, target)
    found = _force([a for a in actors if a.sector == "COP" and a.kind != "state"], story, place, target)
    if found is None and act == "charge":
        found = _force(_bodies(actors, "prosecution"), story, place, target)
    return found


def _bodies(actors: list[Actor], kind: str) -> list[Actor]:
    """The article's judicial bodies (sector JUD, not a person: a judge named in a
    story of a nomination tried nobody) whose name ends in a ``kind`` noun (a court,
    prosecutors)."""
    return [a for a in actors if a.sector == "JUD" and a.kind not in ("state", "person")
            and _singular(a.name.lower().split()[-1]) in _words(kind)]


def _force(force: list[Actor], story: str | None, place: str | None, target: Actor | None) -> list[Actor] | None:
    """Of the article's police (or courts, or prosecutors), those who acted, when all are of
    one country, the story or the act's place is in it, and the one acted on is not of
    them."""
    force = [a for a in force if a.country and a.mentions]
    countries = {a.country for a in force}
    if len(countries) != 1:
        return None
    (home,) = countries
    if place not in (None, home) or (story != home and place != home):
        return None
    if target is not None and target.sector == force[0].sector and target.country == home:
        return None
    people = [a for a in force if a.kind != "person"]
    return people or force


def _nearest_mention(c: CodedEvent, pairs: list[tuple[Actor, int, int]]):
    """The (actor, start, end) mention nearest the trigger, before it if any is; None if none."""
    if not pairs:
        return None
    at = c.event.trigger.start
    before = [p for p in pairs if p[2] <= at]
    if before:
        return max(before, key=lambda p: p[2])
    return min(pairs, key=lambda p: abs(p[1] - at))


def _set(doc: Doc, c: CodedEvent, side: str, found) -> None:
    """Give the event its ``side`` from an actor (or the nearest of several), marked implicit."""
    if isinstance(found, list):
        found = _nearest_mention(c, [(a, m.start, m.end) for a in found for m in a.mentions])
    actor, start, end = found
    arg = Arg(start, end, doc_text(doc)[start:end], actor.id, actor.country, False, actor.sector)
    setattr(c, side, arg)
    setattr(c.event, side, actor.id)
    c.extra[f"{side}_implicit"] = True
