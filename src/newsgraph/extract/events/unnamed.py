"""The counterpart a domestic act leaves unnamed: a party of the story's own country.

A story set in one country tells most of its acts between that country's own parties, and
it often leaves one side unnamed: "Opposition leaders condemned the decision", "the ministry
rejected the request", "police detained dozens overnight". A coder who reads the whole story
knows the other side is someone of that country, and event data says so with the country
alone (CAMEO's country-only actor code, "BLR"; the events gold codes such a side by the
country the story makes obvious). Before this pass, every such event had a side with nothing
attached, the largest single cause of events whose type was right but whose parties were
not (session 20, ``docs/history/evaluation-log.md``).

So, after every fill that reads a side from the text (and after the drops of what is no
event), an event told as done (neither negated nor hypothetical) with exactly one side empty
takes, for that side, the article's **unnamed party** of country X (an actor of kind
``unnamed``, named "X (not named)", with no sector and no mentions) when:

* the story is set in X (:func:`..actors.story.story_country`; a story about several
  countries leaves the side empty);
* the side it has is an actor of X: the act is told between X's own parties;
* its sentence names no party of another country, no international body and no place
  outside X: the counterpart may be that one, named where no reader attached it;
* the article tells no act of the same type with that side abroad ("students protested against
  Ruritania ... thousands rallied on Saturday": the rally's counterpart may be Ruritania);
* it is not the doer of violence ("a roadside bomb killed six soldiers": the attacker is not
  known to be of the victims' country);
* violence's target is filled only when the doer is armed (forces, police, rebels): an ASSAULT
  told of anyone else is a figure of speech ("she battled an illness", "to kill the bill");
* a CONSULT is filled only when it is talks (meet, negotiate, mediate): its other words (a
  visit, an arrival, a trip, "was received") have a place, a thing or nobody on the other side;
* it is no RETREAT: what is withdrawn from is a race, a bid or a place, seldom a party.

An event with **both** sides empty takes the unnamed party on both sides (or on neither), on
the same terms for its sentence and its article, when it is a protest or an arrest
(``both_code``: CAMEO 14, 173): "hundreds marched in the capital", "dozens were arrested" are
told between a country's people and its state, as the guideline codes a domestic crowd's
protest against its own state. Not other types: an act told with no party at all is most
often no act between parties ("a deal", "the release of the film", "I agree").

The types and words are in ``data/unnamed.tsv``; each condition was read off unseen WikiNews and
BBC articles, where the fills it removes were mostly wrong (session 20, evaluation log).

The filled side is marked ``CodedEvent.extra["source_unnamed"]`` (``"target_unnamed"``); the
calibration counts it as not placed (:mod:`.confidence`), so the event's confidence is what it
was read with. Users who want only parties the text names drop actors of kind ``unnamed``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...records import Actor
from .. import ext, kind_words
from ..actors import unique_id
from ..actors.story import story_country, story_weights
from ..tokens import sentence_chars
from .coded import CodedEvent

KIND = "unnamed"


def _words(kind: str) -> frozenset[str]:
    """A word list of ``data/unnamed.tsv``."""
    return kind_words("unnamed.tsv", lower=False).get(kind, frozenset())


def fill_unnamed(doc: Doc, coded: list[CodedEvent]) -> None:
    """Give a domestic act's empty side the story country's unnamed party (module docstring)."""
    todo = [c for c in coded if (c.event.source is None or c.event.target is None)
            and not (c.event.negated or c.event.hypothetical)]
    if not todo:
        return
    actors = list(ext(doc, "actors") or ())
    story = story_country(story_weights(doc, actors))
    if story is None:
        return
    by_id = {a.id: a for a in actors}
    unnamed: Actor | None = None
    for c in todo:
        if c.event.source is None and c.event.target is None:
            if not (c.event.cameo or "").startswith(tuple(_words("both_code"))):
                continue
            sides, other = ["source", "target"], None
        else:
            sides = ["source" if c.event.source is None else "target"]
            other = by_id.get(c.event.target if sides[0] == "source" else c.event.source)
            if other is None or other.country != story or other.kind == KIND:
                continue
        fill = [side for side in sides if _may_fill(doc, c, side, other, actors, coded, by_id, story)]
        if len(fill) < len(sides):
            continue  # both or neither: one side blocked (arrests told elsewhere by foreign forces) is no domestic act
        for side in fill:
            if unnamed is None:
                unnamed = _unnamed_party(doc, story)
            setattr(c.event, side, unnamed.id)
            c.extra[f"{side}_unnamed"] = True


def _may_fill(doc: Doc, c: CodedEvent, side: str, other: Actor | None, actors: list[Actor],
              coded: list[CodedEvent], by_id: dict[str, Actor], story: str) -> bool:
    """May the act's empty ``side`` be the story country's unnamed party (module docstring)?"""
    if not _has_counterpart(doc, c, side, other):
        return False
    read = c.source if side == "source" else c.target
    if read is not None and read.country not in (None, story):
        return False  # its own phrase names another country
    return not (_elsewhere_in_sentence(doc, c, actors, story) or _abroad_in_kind(c, coded, by_id, side, story))


def _has_counterpart(doc: Doc, c: CodedEvent, side: str, other: Actor | None) -> bool:
    """May the act's empty ``side`` be a party at all (module docstring: doer of violence,
    armed doers, talks, withdrawals)?"""
    kind = c.event.type
    if kind in _words("no_counterpart") or (side == "source" and kind in _words("doer_not_implied")):
        return False
    if kind == "ASSAULT":
        return other is not None and other.sector in _words("armed_sector")
    if kind == "CONSULT":
        return c.trigger_i >= 0 and doc[c.trigger_i].lemma_.lower() in _words("talks_word")
    return True


def _elsewhere_in_sentence(doc: Doc, c: CodedEvent, actors: list[Actor], story: str) -> bool:
    """Does the act's sentence name a party of another country, an international body or a
    place outside the story's country?"""
    lo, hi = sentence_chars(doc, c.trigger_i)
    for a in actors:
        if (a.country not in (None, story) or a.sector == "IGO") and any(lo <= m.start < hi for m in a.mentions):
            return True
    return any(p.country not in (None, story) and lo <= p.start < hi for p in ext(doc, "places") or ())


def _abroad_in_kind(c: CodedEvent, coded: list[CodedEvent], by_id: dict[str, Actor], side: str,
                    story: str) -> bool:
    """Does the article tell an act of the same type whose ``side`` is a party of another country
    ("students protested against Ruritania ... thousands rallied on Saturday")? Then the
    unnamed counterpart may well be that party."""
    for o in coded:
        party = by_id.get(getattr(o.event, side) or "")
        if o is not c and o.event.type == c.event.type and party is not None \
                and (party.country not in (None, story) or party.sector == "IGO"):
            return True
    return False


def _unnamed_party(doc: Doc, country: str) -> Actor:
    """The article's one unnamed party of ``country``, added to its actors on first use."""
    actors = list(ext(doc, "actors") or ())
    for a in actors:
        if a.kind == KIND and a.country == country:
            return a
    # the name is the country code, not its name: "Peru" would read as the state (kind ``state``, GOV)
    actor = Actor(id=unique_id(f"{country} unnamed", {a.id for a in actors}), name=f"{country} (not named)",
                  kind=KIND, country=country)
    doc._.actors = [*actors, actor]
    return actor
