"""Violence against a place with no party named: the people the place serves, of its country.

"militants attacked a hotel", "a bomb hit the market", "arsonists torched a school": the sentence
names the building, not a party; CAMEO coders code the act against the civilians (the
religious community, the students ...) of the country the place is in.
An attack (ASSAULT; not COERCE: shops "closed", a school "searched" are not done to the
people they serve) with no party as its target, or with only the state of the place it
happened in (``target_from_place``), whose object is a facility noun of
``newsgraph/data/facilities.tsv`` ("attacked the hotel", "an attack on a school", "the mosque
was bombed"), gets that party: a group named by the facility phrase, with the table's sector
and the country of, in order, the phrase's own country word ("a Ruritanian bus"), the place
the act happened in, or the story's country (:func:`~newsgraph.extract.actors.story.story_country`;
none when the story is about several countries: then nothing is filled). The story's
country is not taken when it is the own country of an attacking state force (a story about
one country's troops abroad).

Not filled: a facility someone owns in the phrase ("the rebels' base", "the homes of
settlers": that party is read by :mod:`.args` or left alone), a negated or hypothetical act,
and an act whose source is of the facility's own country and sector (students storming
their own university).

An attack on "it" right after such an attack ("shelled the depot, then stormed it") is aimed
where that attack is, when the first singular common noun back from the pronoun that is a
clause's subject or object (its sentence and the one before) is that attack's facility (:func:`_fill_it`, session 11).

A filled target is marked ``CodedEvent.extra["target_from_facility"]``; the act keeps its
confidence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Actor, Span
from ..actors import country_of
from ..actors.story import story_country, story_weights
from .. import data_rows, doc_text, ext
from .coded import CodedEvent
from .countries import _AGENT_NOUNS, _PASS_SUBJ
from .settle import _add
from .syntax import Arg, _actor_like, _is_actorish, _pobj

_NOUN_PREPS = ("on", "against", "at")
_STATE = {"GOV", "MIL", "COP"}  # "an attack on a school"
_CLAUSE_PARTY = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})  # what "it" can stand for


@lru_cache(maxsize=1)
def facilities() -> dict[str, str]:
    """Facility noun lemma -> CAMEO sector of the party it stands for."""
    return {noun: sector for noun, sector, *_ in data_rows("facilities.tsv")}


def act_object(trig: Token) -> Token | None:
    """What an act is done to: a verb's object or passive subject, else its or a noun's
    "on"/"against"/"at" object."""
    if trig.pos_ == "NOUN":
        return next((p for prep in _NOUN_PREPS if (p := _pobj(trig, prep)) is not None), None)
    obj = next((c for c in trig.children if c.dep_ in ("dobj", "obj") or c.dep_ in _PASS_SUBJ), None)
    return obj if obj is not None else next((p for prep in _NOUN_PREPS if (p := _pobj(trig, prep)) is not None), None)


def _facility(trig: Token) -> Token | None:
    """The facility an act of force is done to (:func:`act_object`); None if it is not in the
    table or names its owner."""
    obj = act_object(trig)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in facilities():
        return None
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in obj.children) or _pobj(obj, "of") is not None:
        return None  # "the rebels' base", "the homes of settlers"
    if any(c.dep_ == "compound" and (_is_actorish(c) or c.lower_ in _AGENT_NOUNS) and not country_of(c.text)
           for c in obj.children):
        return None  # "the Hilton hotel", "a Hamas base", "the platoon base": an owner named
    if any(c.dep_ in ("acl", "relcl") and any(o.dep_ in ("dobj", "obj") and (_actor_like(o) or o.lower_ in _AGENT_NOUNS)
                                                for o in c.children) for c in obj.children):
        return None  # "a bus carrying soldiers": the people on board are named
    return obj


def _own_country(obj: Token) -> str | None:
    """The country word on the facility's phrase: "a Ruritanian bus", "the Peruvian embassy"."""
    for c in obj.children:
        if c.dep_ in ("amod", "compound") and (code := country_of(c.text)):
            return code
    return None


def told_country(c: CodedEvent, obj: Token, places: list) -> str | None:
    """The country the sentence gives an act's object: a country word on its phrase, the
    place the act happened in, or the place of its clause the coder read as its target
    ("bombed hotels in Sinai")."""
    country = _own_country(obj)
    if country is None and c.event.place is not None and c.event.place < len(places):
        country = getattr(places[c.event.place], "country", None)
    if country is None and c.extra.get("target_from_place") and c.target is not None:
        country = c.target.country
    return country


class GroupTargets:
    """The article's actors for a pass that aims acts at new group actors (facilities here,
    common-noun parties in :mod:`.parties`): the list and its index, the places, the story's
    country (computed once, when first asked), and the write-back of the list when it grew."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[Actor] = list(ext(doc, "actors") or [])
        self.by_id = {a.id: a for a in self.actors}
        self.places = list(ext(doc, "places") or [])
        self._story: list[str | None] = []
        self.changed = False

    def story_country(self) -> str | None:
        if not self._story:
            self._story.append(story_country(story_weights(self.doc, self.actors)))
        return self._story[0]

    def aim(self, c: CodedEvent, span: tuple[int, int], name: str, party: tuple[str, str]) -> None:
        """Aim ``c`` at a group actor named ``name`` for the phrase ``span`` (found among the
        actors or added to them) with ``party`` (country, sector)."""
        (start, end), (country, sector) = span, party
        actor = _add(self.actors, self.by_id, Actor(id="", name=name, kind="group", country=country,
                                                    sector=sector, mentions=[Span(start=start, end=end)]))
        c.target = Arg(start, end, doc_text(self.doc)[start:end], actor.id, country, False, sector)
        c.event.target = actor.id
        c.extra.pop("target_from_place", None)
        self.changed = True

    def save(self) -> None:
        """Write the actor list back, in text order, if a group was added or aimed at."""
        if self.changed:
            self.actors.sort(key=lambda a: (a.mentions[0].start if a.mentions else 0, a.id))
            self.doc._.actors = self.actors


def fill_facilities(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give an act of force on a facility with no party the facility's people (module
    docstring). Runs on settled actors; a new group actor is added for the facility phrase."""
    groups = GroupTargets(doc)
    aimed: dict[int, CodedEvent] = {}
    for c in coded:
        ev = c.event
        if ev.type != "ASSAULT" or ev.negated or ev.hypothetical:
            continue
        if ev.target is not None and not c.extra.get("target_from_place"):
            continue
        obj = _facility(doc[c.trigger_i])
        if obj is None:
            continue
        country = told_country(c, obj, groups.places)
        sector = facilities()[obj.lemma_.lower()]
        src = groups.by_id.get(ev.source) if ev.source else None
        if country is None:
            country = groups.story_country()
            if src is not None and src.country == country and src.sector in _STATE:
                continue  # a story about one country's forces: the place may be abroad
        if country is None or (src is not None and (src.country, src.sector) == (country, sector)):
            continue
        left = min((c2 for c2 in obj.lefts if c2.dep_ in ("det", "amod", "compound", "nummod")), default=obj,
                   key=lambda t: t.i)
        start, end = left.idx, obj.idx + len(obj.text)
        groups.aim(c, (start, end), doc_text(doc)[obj.idx:end], (country, sector))
        c.extra["target_from_facility"] = True
        aimed[obj.i] = c
    _fill_it(doc, coded, aimed)
    groups.save()


def _fill_it(doc: Doc, coded: list[CodedEvent], aimed: dict[int, CodedEvent]) -> None:
    """An attack on "it" whose "it" is a facility just attacked ("shelled the depot and then
    stormed it") is aimed where that attack is: walking back from the pronoun over its sentence
    and the one before, the first singular common noun that is a clause's subject or object
    decides ("with an explosion" is passed over), and it must be the facility
    an attack given its people was done to (``aimed``: facility token -> that attack)."""
    for c in coded:
        ev = c.event
        if ev.type != "ASSAULT" or ev.negated or ev.hypothetical or (
                ev.target is not None and not c.extra.get("target_from_place")):
            continue
        obj = act_object(doc[c.trigger_i])
        if obj is None or obj.lower_ != "it":
            continue
        sent = obj.sent
        lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        noun = next((doc[i] for i in range(obj.i - 1, lo - 1, -1)
                     if doc[i].tag_ == "NN" and doc[i].dep_ in _CLAUSE_PARTY), None)
        done = aimed.get(noun.i) if noun is not None else None
        if done is None or done is c or done.target is None:
            continue
        c.target = done.target
        ev.target = done.event.target
        c.extra.pop("target_from_place", None)
        c.extra["target_from_facility"] = True
