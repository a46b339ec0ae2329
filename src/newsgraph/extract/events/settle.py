"""The event coder's reading of its arguments, written back into the actor list.

The coder reads more than the actor layer does about the phrases an event involves: the
country a phrase names ("the flooded Peruvian village"), the place an untargeted act is aimed
at ("eased the lockdown in Ghana"), the country of a group from its clause ("farmers
marching ... in Accra"), the international body an office belongs to. A record only
carries actor ids, so that reading is kept by the actors themselves:

* an argument with no actor becomes one, with its phrase as the mention: the state when the
  phrase is a place or a country word, else a person, organisation or group named by the
  phrase (by its entity label), with the country the coder read; pronouns stay unresolved,
  and a phrase that names no party ("the tax regime") stays null unless it names a
  country ("Peruvian interests" points to Peru). So does a phrase the coder read no country
  or sector on whose head is plainly no party (:func:`no_party`): an amount, a product, a
  currency, a weapon or vehicle, or a prefix the parse split off its hyphen ("anti" of
  "anti-tax"); the event keeps no side rather than a wrong one. A place an untargeted act is aimed at
  ("marched in Accra") points to the state; it becomes a mention of it only when the
  article has no other;
* a country word inside a longer mention of an actor of another country is a second party
  ("Czech and Slovak diplomats": "Slovak diplomats");
* a protest's crowd named only by the protest noun's modifier ("student protests",
  "Ruritanian strikes", read by :mod:`.crowds`) becomes a group of that modifier alone,
  with the sector and country the coder read;
* a new group actor's sector is its head noun's (the curated roles, else Phoenix's agent
  nouns: "passengers" CVL), so that a domestic one takes the story's country;
* an actor without a country takes the one the coder read on its phrase;
* an actor with no country that the coder read as part of an international body gets sector
  ``IGO`` (GUIDE: international bodies have ``country: null, sector: IGO``).

An actor whose country the text gives otherwise keeps it: the coder never overrides the
actor layer, so every event's countries are those of the actors in the record.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import data_rows, ext
from ...records import Actor, Span
from ..actors import country_of, load_knowledge, unique_id
from ..actors.knowledge import noun_sector
from ..actors.story import place_domestic
from .resolve import _text


def settle(doc: Doc, coded: list, is_party: Callable[[Token], bool]) -> None:
    """Point every coded source and target at an actor of ``doc._.actors`` that carries the
    country (or IGO sector) the coder read; events take the actor ids. ``is_party`` tells a
    phrase head that names a party ("200 farmers", "Ardmore") from one that does not ("the
    tax regime", "Peruvian interests")."""
    actors: list[Actor] = list(ext(doc, "actors") or [])
    by_id = {a.id: a for a in actors}
    for c in coded:
        for role in ("source", "target"):
            arg = getattr(c, role)
            if arg is None:
                continue
            actor = by_id.get(arg.actor) if arg.actor else None
            if actor is None:
                actor = _crowd_of_modifier(actors, by_id, arg) if c.extra.get(f"{role}_modifier") else \
                    _actor_for(doc, actors, by_id, arg, bool(c.extra.get(f"{role}_from_place")), is_party)
                if actor is None:
                    continue
                arg.actor = actor.id
            elif actor.country is None and actor.sector != "IGO":
                if arg.country:
                    actor.country = arg.country
                elif arg.sector == "IGO":
                    actor.sector = "IGO"
            elif arg.country and arg.country != actor.country and _inside(arg, actor) and " " in actor.name:
                # "Czech and Slovak diplomats": one phrase, two parties
                twin = _add(actors, by_id, Actor(
                    id="", name=f"{arg.text} {actor.name.rsplit(' ', 1)[1]}", kind=actor.kind,
                    country=arg.country, sector=actor.sector, mentions=[Span(start=arg.start, end=arg.end)]))
                arg.actor = twin.id
            setattr(c.event, role, arg.actor)  # pairs share argument objects: follow the argument
    for a in actors:
        a.mentions.sort(key=lambda m: (m.start, m.end))
    actors.sort(key=lambda a: (a.mentions[0].start if a.mentions else 0, a.id))  # first mention order
    sides = {a for c in coded for a in (c.event.source, c.event.target) if a}
    place_domestic(doc, actors, sides)  # "police", "the interior minister": the story's country
    doc._.actors = actors


def _inside(arg, actor: Actor) -> bool:
    """Is the argument a word inside one of the actor's longer mentions?"""
    return any(m.start <= arg.start and arg.end <= m.end and (m.start, m.end) != (arg.start, arg.end)
               for m in actor.mentions)


_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "state"}


def _actor_for(doc: Doc, actors: list[Actor], by_id: dict[str, Actor], arg, from_place: bool,
               is_party: Callable[[Token], bool]) -> Actor | None:
    """The state of a place or country word (found or made), a new actor for a phrase naming a
    party, the state of a country a non-party phrase names ("Peruvian interests"), or None."""
    span = Span(start=arg.start, end=arg.end)
    phrase = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if phrase is None or not len(phrase) or phrase.root.pos_ == "PRON":
        return None
    word = country_of(arg.text) == arg.country
    party = is_party(phrase.root)
    if not party and person_head(phrase.root):
        party = arg.people = True  # "the town mayor": a side, but one that saves no dropped act
    state = arg.country if (from_place or word or not party) else None
    if state:
        found = next((a for a in actors if a.kind == "state" and a.country == state), None)
        if found is not None:
            if span not in found.mentions and word and not from_place:  # not "in Accra", "Peruvian interests"
                found.mentions.append(span)
            return found
        name = load_knowledge().countries.get(state, {}).get("name", state)
        return _add(actors, by_id, Actor(id="", name=name, kind="state", country=state, sector="GOV",
                                         mentions=[span]))
    bare = not (arg.country or arg.sector)  # a side the coder read nothing of: its head decides
    if not party or (bare and no_party(phrase.root)):
        return None
    root = phrase.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and root.head.i > root.i \
            and not root.ent_type_:
        head = root.head  # "security" read off "security forces": the actor is the whole phrase
        if not is_party(head) or (bare and no_party(head)):
            return None  # "price rises", "formal notice": a thing, not a party
        span = Span(start=arg.start, end=head.idx + len(head.text))
    text = _text(doc, span.start, span.end) if span.end != arg.end else arg.text
    name = text[4:] if text.lower().startswith("the ") else text
    kind = _KIND_OF_LABEL.get(root.ent_type_, "group")
    if kind == "state" and arg.country is None:
        kind = "organization"  # a name tagged as a place that is no country's: a company, a group, a square
    head = doc.char_span(span.start, span.end, alignment_mode="expand")
    sector = arg.sector or ("GOV" if kind == "state" else None)
    if sector is None and kind == "group" and head is not None and len(head):
        sector = noun_sector(load_knowledge(), head.root)  # "passengers" -> CVL: then the story's country
    return _add(actors, by_id, Actor(id="", name=name, kind=kind, country=arg.country,
                                     sector=sector, mentions=[span]))


_NO_PARTY_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "PRODUCT"})


@lru_cache(maxsize=1)
def _no_party_words() -> frozenset[str]:
    """The words of ``data/nonparties.tsv`` (prefixes, currencies, weapons and vehicles)."""
    return frozenset(row[1] for row in data_rows("nonparties.tsv"))


def no_party(token: Token) -> bool:
    """Is this phrase head plainly no party? An amount ("£3m", a
    MONEY, QUANTITY or PERCENT entity, or a number after a currency sign), a PRODUCT, or a
    word of ``data/nonparties.tsv`` ("pro" of "pro-reform", "euros", "drones")."""
    if token.ent_type_ in _NO_PARTY_LABELS:
        return True
    if token.i > 0 and (token.doc[token.i - 1].is_currency or token.doc[token.i - 1].tag_ == "$"):
        return True  # "£2bn": the parse may label the amount an organisation
    words = _no_party_words()
    return token.lower_ in words or token.lemma_.lower() in words


@lru_cache(maxsize=1)
def _person_heads() -> frozenset[str]:
    """The nouns of ``data/person_heads.tsv``."""
    return frozenset(row[0] for row in data_rows("person_heads.tsv"))


def person_head(token: Token) -> bool:
    """Is this phrase head a noun for people that a plain noun compound leaves a party ("the
    town mayor", "donor countries")? The compounds must be nouns, none of them plainly no
    party; an adjective as the head ("an official visit") is not."""
    return token.pos_ == "NOUN" and token.lower_ in _person_heads() and all(
        c.pos_ in ("NOUN", "PROPN") and not no_party(c) for c in token.children if c.dep_ == "compound")


def _crowd_of_modifier(actors: list[Actor], by_id: dict[str, Actor], arg) -> Actor:
    """The group a protest noun's modifier names ("Student" of "Student protests"): not the
    state of a nationality word, whose people, not government, protest."""
    name = arg.text[4:] if arg.text.lower().startswith("the ") else arg.text
    return _add(actors, by_id, Actor(id="", name=name, kind="group", country=arg.country, sector=arg.sector,
                                     mentions=[Span(start=arg.start, end=arg.end)]))


def _add(actors: list[Actor], by_id: dict[str, Actor], actor: Actor) -> Actor:
    """Add ``actor`` with a fresh id, or join the one already made for the same name."""
    same = next((a for a in actors if (a.name, a.kind, a.country) == (actor.name, actor.kind, actor.country)), None)
    if same is not None:
        same.mentions.extend(m for m in actor.mentions if m not in same.mentions)
        return same
    actor.id = unique_id(actor.name, by_id)
    actors.append(actor)
    by_id[actor.id] = actor
    return actor
