"""The story's country, and the domestic actors the text does not place.

A wire story is usually about one country: "police", "the military", "protesters", "the
interior minister" or "the ruling party" with no country word of their own belong to it. The
actor layer reads countries phrase by phrase; this pass, run once the places are resolved,
reads the article as a whole:

* ``story_weights``: how strongly the article is set in each country: a dateline ("KAMPALA,
  Uganda —", "LIMA (Reuters) -") counts most, then every resolved place, nationality word
  ("the Kenyan capital") and mention of a state acting; then every mention of an actor the
  text already places whose sector acts at home (the ``home_sectors`` of the knowledge file:
  police, courts, legislatures, opposition, unions, civilians), since a power named as
  background ("Washington urged calm") acts through its government or army, not through
  these, outside the first sentence (the lead's own actors are placed by words already
  counted) and only for a country the text names (a misread name, "Democrats" read as the US
  party, must not make a story American); the first sentence counts double;
* ``story_country``: the leading country when it clearly leads (``LEAD`` times the next),
  else None: a story about several countries leaves its domestic actors without one rather
  than guess; an article that knows of one country only (every place, nationality word and
  actor with a country is of it, named in more than one sentence) is that country's even when
  it names it too little to weigh (``_sole_country``: a home story that never says "Britain");
* ``place_domestic``: first, a body or group named after a town or province takes that
  place's country (:mod:`.named_place`: "Leeds police", "the Kilkenny Farmers Council"); then an
  actor with no country whose sector is a domestic one (the
  ``domestic_sectors`` of the knowledge file) takes, first, the one country a placing phrase
  on it or on its verb names ("riot police in Lyon" in an article about Belgium is French; not for people, who
  travel, nor for armed forces, which fight abroad) and, failing that, the story's country. International bodies and their officials never do, nor do analysts,
  companies or media (their sector says nothing of where they are), nor people with neither
  a title nor a sector, nor diplomats ("the ambassador to Chile" serves abroad); with no
  story country, a group or body takes the one country its sector's actors have
  (``sector_countries``: "Ruritanian police ... the police"), armed forces excepted; first,
  troops or police a state deploys are its own (:mod:`.forces`). When the story had no
  country, it is read again once this round has placed its police, courts or unions (they act
  at home and weigh for it), and a country that now leads is given as above (a second look);
* ``place_people``: a person named by a full name with no title, employer or country of their
  own, who speaks or acts in a story set in one country, or is a side of one of its events
  (the event coder's ``sides``), takes it (sector left as the text gives it), unless a sentence naming them names another country, says they may be a visitor
  (the ``visitor_words``), or is a journalist's credit line (``credit_verbs``/``credit_nouns``);
  a one-word name after an honorific ("Mrs X", "Lord X") and a leader of a small body ("PCS
  leader X") count as such people;
* ``place_affiliations``: a group named by a religious, ethnic or political word (Shiites,
  Maoists) in a one-country story takes that country; ``place_bodies``: so does a named
  council, commission, association or federation with no sector of its own; ``place_acting``
  and ``place_named_orgs`` (:mod:`.acting`): so does a named organisation that acts, or that
  the text shows to be a body ("an economist at Cumbre Capital", a paper it quotes).

The tests an actor passes before it takes the story's country (stateless names, foreign and
visitor words, an employer, a credit line, another country in its sentences) are in :mod:`.home`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ...knowledge import lookup
from ...records import Actor
from .. import doc_ents, doc_text, ext, kept_per_doc
from .acting import acts, place_acting, place_named_orgs
from .armed import place_armed
from ..tokens import token_view
from .countries import not_nationality, posted_to
from .dateline import dateline
from .forces import place_forces
from .governing import govern
from .groups import group_words
from .home import (_credit, _employed, _foreign_word, _home_sentences, _honoured, _names_another_country,
                   _stateless, _visitor, _visitor_in, story_words)
from .named_place import place_named
from .person_names import shortened
from .staff import place_staff, staff_sectors
from .kin import place_kin
from .knowledge import country_of, load_knowledge
from .members import name_member_sector

LEAD = 2.0  # the story's country must weigh this many times the next one
MIN_WEIGHT = 3.0  # ... and at least this much
DATELINE_WEIGHT = 6.0
FIRST_SENTENCE_WEIGHT = 2.0
# a person is not where they visit, nor an army where it fights ("Ruritania has troops in X")
TRAVELLING_SECTORS = frozenset({"MIL", "REB", "INS"})
PLACING_PREPS = frozenset({"in", "across", "throughout", "inside", "within"})


def _dateline_country(text: str) -> str | None:
    found = dateline(text)
    if found is None:
        return None
    name = found[2]
    code = country_of(name) or country_of(name.title())
    if code:
        return code
    from ..places import gazetteer, resolve

    best = resolve(gazetteer(), name.title(), Counter())
    return best.country if best is not None else None


def _sentence_starts(doc: Doc) -> list[int]:
    """Each sentence's first character (``s.start_char`` for ``s`` in ``doc.sents``), from the
    token view's sentence starts: no Span per sentence."""
    view = token_view(doc)
    if not view.has_sents:
        return [0]
    return [doc[i].idx for i in view.sent_starts]


def _sent_of(starts: list[int], char: int) -> int:
    return max(0, bisect_right(starts, char) - 1)


_BASED = re.compile(r"[-–]based\b")


class _TextWeights(NamedTuple):
    """What :func:`story_weights` reads from the text alone, the same on every call for a Doc."""

    second: float  # the second sentence's first character (inf for a one-sentence text)
    adds: list[tuple[str, float]]  # (country, weight) of places and nationality words, in text order
    seen: tuple[list[int], list[int]]  # their character ranges: starts sorted, running max of ends
    dateline: str | None
    starts: list[int]


_TEXT_WEIGHTS: tuple = (None,)
kept_per_doc(__name__, "_TEXT_WEIGHTS", lambda: (None,))


def _text_weights(doc: Doc) -> _TextWeights:
    """Places, nationality words and the dateline, weighed (see the module docstring); kept for
    the last Doc, its places list, entities and knowledge (the event coder asks up to three times)."""
    global _TEXT_WEIGHTS
    places, ents, kb = ext(doc, "places") or (), doc_ents(doc), load_knowledge()
    kept = _TEXT_WEIGHTS
    if kept[0] is doc and kept[1] is places and kept[2] == len(places) and kept[3] is ents and kept[4] is kb:
        return kept[5]
    starts = _sentence_starts(doc)
    second = starts[1] if len(starts) > 1 else float("inf")
    text = doc_text(doc)
    adds: list[tuple[str, float]] = []
    seen: set[tuple[int, int]] = set()
    for place in places:
        seen.add((place.start, place.end))
        if _BASED.match(text, place.end, place.end + 7):  # "a Lyon-based group": its seat
            continue
        if not place.country:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and len(span) and posted_to(kb, span):  # "the ambassador to Chile"
            continue
        adds.append((place.country, FIRST_SENTENCE_WEIGHT if place.start < second else 1.0))
    for ent in ents:  # "the Kenyan capital", "Sudanese authorities"
        if ent.label_ == "NORP" and not _of_a_person_or_cause(ent) and (code := country_of(ent.text)):
            seen.add((ent.start_char, ent.end_char))
            adds.append((code, FIRST_SENTENCE_WEIGHT if ent.start_char < second else 1.0))
    ranges = sorted(seen)
    reach, top = [], -1
    for _, b in ranges:
        top = max(top, b)
        reach.append(top)
    out = _TextWeights(second, adds, ([a for a, _ in ranges], reach), _dateline_country(text), starts)
    _TEXT_WEIGHTS = (doc, places, len(places), ents, kb, out)
    return out


def _overlaps(seen: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Does a range of ``seen`` overlap ``[start, end)`` (some ``a < end`` with ``start < b``)?"""
    k = bisect_left(seen[0], end)
    return k > 0 and seen[1][k - 1] > start


def story_weights(doc: Doc, actors: list[Actor]) -> Counter[str]:
    """How much the article is set in each country (see the module docstring)."""
    fixed = _text_weights(doc)
    second, seen = fixed.second, fixed.seen
    weights: Counter[str] = Counter()
    times: Counter[str] = Counter()  # how many words name each country
    for code, w in fixed.adds:
        weights[code] += w
        times[code] += 1
    home, bonus = story_words()[0], []
    for actor in actors:
        if actor.kind == "state":
            if not actor.country:
                continue
            for m in actor.mentions:
                if not _overlaps(seen, m.start, m.end):  # a place or nationality word is counted once
                    weights[actor.country] += FIRST_SENTENCE_WEIGHT if m.start < second else 1.0
                    times[actor.country] += 1
        elif actor.country and actor.sector in home and not (actor.sector == "CVL" and (
                actor.kind == "person" or load_knowledge().surface.get(actor.name, ("",))[0] == "demonym")):
            # "Nepali police", "a Quebec union": who acts at home (a private person or a nation's people may be abroad)
            for m in actor.mentions[:1] if actor.kind == "person" else actor.mentions:
                bonus.append((actor.country, m.start))
    if (code := fixed.dateline) is not None:
        weights[code] += DATELINE_WEIGHT
    named = set(weights)  # who acts at home decides between the countries the text names, never adds one
    for code, char in bonus:  # the body of the story: the lead's own actors are placed by words counted above
        if code in named and char >= second:
            weights[code] += 1.0
    if (sole := _sole_country(actors, weights, fixed.starts, times)) is not None:
        weights[sole] = max(weights[sole], MIN_WEIGHT)
    return weights


SOLE_WEIGHT = 2.0  # ... or at least two of its places and nationality words weigh this much
SOLE_MENTIONS = 3  # mentions of the actors of the one country an article names, to call it the story's


def _sole_country(actors: list[Actor], weights: Counter[str], starts: list[int],
                  times: Counter[str] | None = None) -> str | None:
    """The one country an article knows of: every place, nationality word and actor with a
    country is of it, and its actors are mentioned at least ``SOLE_MENTIONS`` times, in more
    than one sentence, or two words or more name it (``times``) with weight ``SOLE_WEIGHT`` in a
    text of several sentences (``starts``: each sentence's first character; a one-sentence
    text, or one nationality word on a place, "the Ruritanian side of the border", says too
    little). A national broadcaster's home story rarely names its own country ("the Home
    Secretary", "Tory MPs", "Mr Brown") but its known people and parties are all of it; no
    other country competes, so nothing is guessed between two."""
    codes = {a.country for a in actors if a.country} | {c for c, w in weights.items() if w > 0}
    if len(codes) != 1:
        return None
    code = next(iter(codes))
    times = times or Counter()
    chars = [m.start for a in actors if a.country == code for m in a.mentions]
    if len(starts) > 1 and weights[code] >= SOLE_WEIGHT and times[code] >= 2:
        return code  # "Ministers in Ruritania agreed ...": the only country named, in a text of several sentences
    if len(chars) < SOLE_MENTIONS or len({_sent_of(starts, c) for c in chars}) < 2:
        return None
    return code


def _of_a_person_or_cause(ent) -> bool:
    """"Chilean leader M. ...": one person's nationality; "pro-Iranian", "Syrian-backed":
    a cause or patron. Neither says where the story is."""
    if any(not_nationality(t) for t in ent):
        return True
    ent_type = token_view(ent.doc).ent_type
    return any(ent_type[i] == _PERSON for i in range(ent.end, min(len(ent_type), ent.end + 4)))


_PERSON = get_string_id("PERSON")


def story_country(weights: Counter[str]) -> str | None:
    """The country the story is about, when one clearly leads; None when several compete or
    the article names its country too little to tell (a one-sentence text)."""
    ranked = weights.most_common(2)
    if not ranked or ranked[0][1] < MIN_WEIGHT:
        return None
    if len(ranked) == 2 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def _placings(doc: Doc) -> dict[int, set[str]]:
    """Token index -> countries a placing phrase attached to it names: "police in Lyon" (the
    noun), "fired tear gas in the Kenyan capital" (the verb), "the southern Peruvian city of"
    (a place phrase without a place name, placed by its demonym)."""
    out: dict[int, set[str]] = {}
    for place in ext(doc, "places") or ():
        span = doc.char_span(place.start, place.end, alignment_mode="expand") if place.country else None
        if span is not None and len(span) and (prep := _placing_prep(doc, span.start)) is not None:
            out.setdefault(prep.head.i, set()).add(place.country)
    for ent in doc_ents(doc):
        if ent.label_ == "NORP" and ent.root.head.lemma_ in PLACE_NOUNS and (prep := _placing_prep(doc, ent.start)):
            if code := country_of(ent.text):
                out.setdefault(prep.head.i, set()).add(code)
    return out


def _placed(doc: Doc, actor: Actor, placings: dict[int, set[str]]) -> set[str]:
    """Countries placing the actor's first mention: a phrase on the actor itself or on its verb."""
    first = min(actor.mentions, key=lambda m: m.start)
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    root = span.root
    return placings.get(root.i, set()) | (placings.get(root.head.i, set()) if root.head.i != root.i else set())


PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "province", "region", "district", "port",
                         "state", "county", "border", "north", "south", "east", "west", "coast"})


def _placing_prep(doc: Doc, start: int):
    """The placing preposition at most four words before ``start`` (over "the southern",
    "the Kenyan port of"), or None."""
    for i in range(start - 1, max(-1, start - 6), -1):
        t = doc[i]
        if t.lower_ in PLACING_PREPS and t.pos_ == "ADP":
            return t
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return None
    return None


def _domestic(actor: Actor, sectors: frozenset[str]) -> bool:
    if actor.country is not None or actor.sector == "IGO" or actor.kind == "state":
        return False
    if actor.sector not in sectors and not _home_group(actor):
        return False
    if actor.kind == "person" and actor.title and _visitor(_home_office(actor.title.lower().split())):
        return False  # "the ambassador to Chile", "an envoy": a diplomat serves abroad
    return not _foreign_word(actor.name)


def _home_group(actor: Actor) -> bool:
    """A group the text names by a common noun whose sector is not a state's but who live where
    the story is ("students", "teachers", "doctors": the ``home_group_sectors``), or who lead it
    ("the new leaders", "business leaders": the ``home_group_nouns``, whatever their sector)."""
    if actor.kind != "group" or any(w[:1].isupper() and w.lower() not in STOP_WORDS for w in actor.name.split()[:-1]):
        return False  # "Pacific Rim leaders", "Jewish students": a region's or a community's, not a state's
    lists = load_knowledge().story_lists
    words = actor.name.lower().split()
    if words and words[-1] in lists.get("home_group_nouns", frozenset()):
        return True  # "business leaders", "religious leaders": they lead where the story is
    return actor.sector in lists.get("home_group_sectors", frozenset())


def _home_office(words: list[str]) -> list[str]:
    """A title's words without a "foreign" that names a post of the home government ("foreign
    minister", "shadow foreign secretary": the ``home_office_words`` after it), which, unlike
    "foreign correspondent", says nothing of being abroad."""
    offices = load_knowledge().story_lists.get("home_office_words", frozenset())
    return [w for i, w in enumerate(words)
            if not (w == "foreign" and i + 1 < len(words) and words[i + 1] in offices)]


def _of_a_body(doc: Doc, actor: Actor, igo: list[tuple[int, int]]) -> bool:
    """"the UN's highest court", "judges of the African Union": a phrase owned by an
    international body is not the story country's."""
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        owners = [c for c in root.children if c.dep_ in ("poss", "compound", "nmod")]
        owners += [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if any(a <= t.idx < b for t in owners for a, b in igo):
            return True
    return False


def _hand_coded(name: str) -> bool:
    """Does a curated source (knowledge.json, actors.tsv) code this name? Then its sector stands."""
    return name in load_knowledge().entities or lookup(name, phoenix=False) is not None


def armed_sector(doc: Doc, actors: list[Actor]) -> None:
    """A named armed group that only the Phoenix dictionary codes, as REB (Phoenix has no INS), is
    INS when the sentences naming it speak of terrorists, jihadists or insurgents and none of
    rebels or separatists (the ``armed_group_words`` of the knowledge file)."""
    todo = [a for a in actors if a.sector == "REB" and a.kind == "organization" and not _hand_coded(a.name)]
    if not todo or not doc.has_annotation("SENT_START"):
        return
    words = load_knowledge().armed_words
    for actor in todo:
        said: Counter[str] = Counter()
        for sent in {doc.char_span(m.start, m.end, alignment_mode="expand").sent for m in actor.mentions}:
            lemmas = {t.lemma_.lower() for t in sent}
            said.update(k for k, ws in words.items() if lemmas & ws)
        if said["INS"] and not said["REB"]:
            actor.sector = "INS"


def place_domestic(doc: Doc, actors: list[Actor], sides: set[str] | frozenset[str] = frozenset()) -> str | None:
    """Give the domestic actors without a country their sentence's or the story's country, and
    the story's country to the unplaced people it names (``place_people``); return the story's
    country (None when there is no single one). Named armed groups get their sector from the
    article's words first (``armed_sector``)."""
    armed_sector(doc, actors)
    place_forces(doc, actors)  # "Ruritania will deploy troops": Ruritania's troops
    weights = story_weights(doc, actors)
    place_named(doc, actors, weights)  # "Leeds police", "the Union of Journalists of Carinthia"
    country = _place_todo(doc, actors, story_country(weights))
    place_armed(actors)  # "the Islamic State of Ruritania": a group the knowledge base leaves stateless
    if country is None and (country := story_country(story_weights(doc, actors))) is not None:
        _place_todo(doc, actors, country)  # the actors just placed make one country lead: a second look
    if country is not None:
        place_people(doc, actors, country, sides)
        place_affiliations(doc, actors, country)
        place_bodies(actors, country, ext(doc, "published"))
        place_acting(doc, actors, country)
        place_named_orgs(doc, actors, country)  # "Acme Radio reported", "an analyst at Acme"
    place_staff(doc, actors)  # "Ana Ruiz of Acme": the country the passes above gave Acme
    place_kin(doc, actors)  # "Pedro Ruiz, the father of Ana Ruiz": Ana Ruiz's country
    govern(actors, ext(doc, "published"), doc, country)  # "Labour" in 2005: GOV; "SPD chair X" in 2010: OPP
    staff_sectors(doc, actors)  # "Ana Ruiz of the Kestrel Peace Institute": the body's sector
    return country


def _place_todo(doc: Doc, actors: list[Actor], country: str | None) -> str | None:
    """Give the domestic actors without a country (``_domestic``) the one country a placing phrase
    names, else the story's ``country``, else their sector's one country; return ``country``."""
    sectors = frozenset(load_knowledge().domestic_sectors)
    todo = [a for a in actors if _domestic(a, sectors) and not _stateless(a.name, ext(doc, "published"))]
    if not todo:
        return country
    placings = _placings(doc)
    igo = [(m.start, m.end) for a in actors if a.sector == "IGO" for m in a.mentions]
    kin = sector_countries(actors) if country is None else {}
    for actor in todo:
        if _of_a_body(doc, actor, igo):
            actor.sector = "IGO"  # "the UN's top court": a body of an international organisation
            continue
        stays = actor.kind != "person" and actor.sector not in TRAVELLING_SECTORS
        here = _placed(doc, actor, placings) if actor.mentions and stays else set()
        if len(here) == 1:
            actor.country = next(iter(here))
        elif country is not None:
            actor.country = country
        elif stays and len(same := kin.get(actor.sector, ())) == 1:
            actor.country = next(iter(same))  # "Ruritanian police ... the police": the one country of its sector
    return country


def place_bodies(actors: list[Actor], country: str, when=None) -> None:
    """A named organisation with neither country nor sector whose head word says it is a body
    of public life (a council, a commission, an association, a federation: the
    ``national_body_words``) takes the story's country: "the Harbour Pilots' Association" in a
    story set in one country is that country's. Not a name with a foreign word ("International
    ..."), nor one the knowledge base codes with no country."""
    words = load_knowledge().story_lists.get("national_body_words", frozenset())
    for actor in actors:
        if actor.kind != "organization" or actor.country or not actor.name[:1].isupper() \
                or (actor.sector and actor.sector != _member_sector(actor.name)) or _foreign_word(actor.name):
            continue  # not a lower-case phrase the tagger called an organisation
        name = actor.name.replace("'s", " ").lower().split()
        head = name[name.index("of") - 1] if "of" in name[1:] else name[-1] if name else ""
        if head in words and not _stateless(actor.name, when):
            actor.country = country


def _member_sector(name: str) -> str | None:
    """The sector the words of a body's name give it ("the Harbour Pilots' Association": LAB):
    such a body is as much of public life as one with no sector."""
    words = name.replace("'s", " ").replace("'", " ").replace("’", " ").lower().split()
    return name_member_sector([(w, w) for w in words])


def place_affiliations(doc: Doc, actors: list[Actor], country: str) -> None:
    """A group named only by a religious, ethnic or political word ("Shiites", "the Baloch",
    "Maoists": a NORP entity that names no country) in a story set in one country is that
    country's: CAMEO codes such a group by the country it acts in. Not a word that spans
    countries or names no living group (the ``transnational_words``: Arab, European, Nazi)."""
    skip = load_knowledge().story_lists.get("transnational_words", frozenset())
    for actor in actors:
        if actor.country or actor.sector or actor.kind not in ("group", "person") or not actor.mentions:
            continue
        first = actor.mentions[0]
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        word = _affiliation_word(span) if span is not None and len(span) else None
        if word is None or country_of(word.text):
            continue
        if any(t.lemma_.lower() in skip or t.lower_ in skip for t in span) or _foreign_word(actor.name):
            continue
        if span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_:
            continue  # "anti-", "pro-": a prefix the tagger split off, not a group
        actor.country = country


def _affiliation_word(span):
    """The religious, ethnic or political word that names a group: the phrase's head ("the
    Maoists"), or its modifier when the head is a collective noun ("Maoist groups")."""
    root = span.root
    if root.ent_type_ == "NORP":
        return root
    if root.lemma_.lower() in group_words()[0]:
        return next((t for t in span if t.ent_type_ == "NORP" and t.head.i == root.i), None)
    return None


def sector_countries(actors: list[Actor]) -> dict[str, set[str]]:
    """Sector -> the countries the text gives the actors of that sector ("Ruritanian police",
    "Chief Constable X of the Ruritanian police": COP -> {RUR}). In a story about several
    countries, a domestic agent left unplaced ("the police", "protesters", "the cabinet") takes
    the one country its sector's actors have; none when they have several (no guess). Not for
    people, nor armed forces and armed groups (``TRAVELLING_SECTORS``: "Ruritanian troops" sent
    to fight overseas say nothing of "the soldiers" of the ally they fight beside).
    States are left out (a government named as background acts abroad), and so are groups
    with a foreign word."""
    out: dict[str, set[str]] = {}
    for actor in actors:
        if actor.country and actor.sector and actor.kind != "state" and not _foreign_word(actor.name):
            out.setdefault(actor.sector, set()).add(actor.country)
    return out


def place_people(doc: Doc, actors: list[Actor], country: str, sides: set[str] | frozenset[str] = frozenset()) -> None:
    """A person named by a full name with no title, no employer and no country of their own
    (a resident, an activist, a local official the text names only by name), who speaks or acts
    in a story set in one country, or is a side of one of its events (``sides``: "a donation from
    Ana Ruiz", "police arrested Ana Ruiz"), is of that country: CAMEO codes private people by
    where they are. Not when a sentence naming them names another country or says they may be a
    visitor (the ``visitor_words``: a tourist, an exile, a hostage), nor a name the knowledge
    base codes with no country (an international official)."""
    speakers = {q.speaker for q in ext(doc, "quotes") or () if q.speaker}
    for actor in actors:
        if actor.kind != "person" or actor.country or actor.sector == "IGO":
            continue
        if actor.title and not _leading(actor):
            continue
        if _stateless(actor.name, ext(doc, "published")):
            continue
        spans = [s for m in actor.mentions
                 if (s := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None and len(s)]
        if len(actor.name.split()) < 2 and not any(_honoured(s) for s in spans):
            continue  # one word: often a misread name ("Jiji"), unless an honorific says it is a person ("Mrs Ruiz")
        if not spans or _employed(spans[0]):
            continue
        if actor.id not in speakers and actor.id not in sides and not any(acts(s) for s in spans):
            continue  # named in passing
        sents = {s.sent for s in spans} if doc.has_annotation("SENT_START") else {doc[:]}
        if any(_visitor_in(doc, sent) for sent in sents):
            continue
        if any(_credit(sent) for sent in sents):
            continue
        own = [s for s in spans if not shortened(actor.name, s.text)] or spans
        if _names_another_country(doc, _home_sentences(own, {s.sent for s in own}), country):
            continue
        actor.country = country


def _leading(actor: Actor) -> bool:
    """A title with no sector of its own that names a place in the country's public life ("PCS
    leader", "the union's chairman": the ``leading_titles``), not an analyst's or a visitor's."""
    words = actor.title.lower().split() if actor.title else []
    leading = load_knowledge().story_lists.get("leading_titles", frozenset())
    return actor.sector is None and bool(words) and words[-1] in leading and not _visitor(words)


