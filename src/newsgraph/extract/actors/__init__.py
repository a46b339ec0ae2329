"""Actors: who acts in the article, one ``records.Actor`` per real entity.

The component ``newsgraph_actors`` fills ``doc._.actors``. It reads spaCy's
entities and parse and a small knowledge file, and resolves

* people (:mod:`.persons`): full names, surname-only mentions ("Lavrov") and
  he/his/she/her pronouns, with title, country and sector read from premodifiers
  ("Russian foreign minister Sergey Lavrov") and appositions ("X, one of the main
  opposition leaders") (:mod:`.titles`);
* states (:mod:`.countries`): a country acting, under its canonical name, with
  metonymy ("the Kremlin", "Moscow is ...", "the Lukashenko regime", "his
  government") as mentions of the same actor (kind ``state``, sector ``GOV``); a
  country in a locative phrase ("protests in Belarus") is a place, not an actor,
  but a capital an act is directed at ("a visit to Minsk") is the state;
* organisations (:mod:`.orgs`): IGOs (``country`` None, ``sector`` IGO),
  companies, parties, newspapers;
* groups named by a role noun (:mod:`.roles`): "the Belarusian police"
  (BLR/COP), "the opposition", "protesters", "Russian media", "trade unions";
  one body named by a nationality and a Phoenix agent noun ("the Peruvian coast
  guard", "Peru's foreign office"), and named again by its head noun ("the
  ministry") (:mod:`.bodies`); a person who speaks for a body takes its
  country and sector ("a spokeswoman for the navy") (:mod:`.spokespeople`); an organisation
  described by a common noun of one kind of body ("X, a major Ruritanian newspaper", "X is a
  mining company") takes that noun's sector (:mod:`.descriptions`); a collective noun with a
  country or sector word before it ("Ruritanian groups", "separatist units", "Springfield
  troopers") is one group (:mod:`.groups`).
* private persons (:mod:`.private`): a person the text gives an age and no office ("Ana
  Ruiz, 34, said") is a civilian, CVL.
* names the tagger labels wrongly (:mod:`.mislabelled`): a surname it calls an organisation,
  "Ana Ruiz, the president of the tribunal," taken for one.
* parties in government or opposition on the publication date (:mod:`.governing`, run with the
  story's country): GOV or OPP instead of a party's default LEG.

The knowledge file and the lookups in it are in :mod:`.knowledge`; the working
state of one pass in :mod:`.state`. A body named after a town or province ("Leeds police")
takes that place's country (:mod:`.named_place`); the story's country is given to unplaced
domestic agents afterwards (:mod:`.story`), and to the unknown named organisations
that speak or act in it (:mod:`.acting`); datelines and bylines are never
actors (:mod:`.dateline`).

Choices (docs/knowledge.md has the full list): political parties are ``LEG``
(an "opposition party" is ``OPP``); a government headed by a named person
("the Obama administration") is the state actor of that person's country; a
country after "at" is a target, not a place; a person's country comes from
the text (title, apposition), else from the ``people`` section (G20 leaders
and others, by a fixed rule), else from the one country the sentences
mentioning them are set in.

Public: ``country_of``, ``load_knowledge``, ``slug``, ``extract_actors``,
``not_nationality``, ``posted_to`` and the component class ``ActorExtractor``.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens import Span as TokSpan
from spacy.util import filter_spans

from ...records import Actor, Span
from .. import doc_ents, doc_text, register_extensions
from ..tokens import token_view
from .clock import time_zone
from .countries import _add_known, _place_of, not_nationality, posted_to
from .dateline import not_actor_spans
from .descriptions import body_sector
from .employers import research_body
from .groups import add_modified_groups
from .state_bodies import add_state_bodies
from .knowledge import (  # noqa: F401  (tests import them from here)
    Knowledge,
    _dated,
    _lookup,
    _merge,
    _people,
    country_of,
    load_knowledge,
    person_dated,
    slug,
)
from .orgs import _add_org, _add_unlabelled_press, _appos_head, _merge_acronyms, _opposition_parties
from .persons import (
    _add_persons,
    _locative_country,
    _named_country,
    _org_noun_before,
    _person_spans,
)
from .pronouns import SPEECH_VERBS, _resolve_first_person, _resolve_pronouns
from .private import private
from .ranks import is_rank_title
from .roles import _add_role_nouns, _merge_bare_groups
from .parens import join_bracketed, widen_bracketed
from .party_names import party_names
from .placed import widen_to_places
from .spans import widen_mentions
from .spokespeople import give_bodies
from .state import _scan, _State
from .titles import _appositive

__all__ = ["ActorExtractor", "Knowledge", "country_of", "extract_actors", "load_knowledge", "make_actors",
           "not_nationality", "posted_to", "slug", "unique_id"]


def _candidates(doc: Doc, matcher: PhraseMatcher) -> list[TokSpan]:
    """Knowledge-file matches and spaCy entities (without a leading "the"),
    longest first where they overlap."""
    spans, facilities = [doc[s:e] for _, s, e in matcher(doc)], []
    lower = token_view(doc).lower
    for ent in doc_ents(doc):
        if (label := ent.label_) in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
            if time_zone(ent):
                continue  # "(06:00 UTC)": part of a time
            if len(ent) > 1 and lower[ent.start] == _THE:
                ent = TokSpan(doc, ent.start + 1, ent.end, label=label)
            (facilities if label == "FAC" else spans).append(ent)
        elif label == "WORK_OF_ART" and _speaking_name(ent):
            spans.append(TokSpan(doc, ent.start, ent.end, label="PERSON"))
    spans = filter_spans(spans)
    # a building ("FAC") only where nothing else was found: the tagger's label for a few armed
    # groups and bodies after "of the", which the knowledge base then names (_known_facility)
    taken = {i for s in spans for i in range(s.start, s.end)}
    return sorted(spans + [f for f in facilities if not taken & set(range(f.start, f.end))],
                  key=lambda s: s.start)


_THE = get_string_id("the")


def _speaking_name(ent: TokSpan) -> bool:
    """Is an entity the tagger calls a title a person's name that speaks? After a closing quote
    the tagger reads some names as titles ('"We will appeal," Ana Ruiz said'): two to four
    capitalised proper nouns, the subject of a verb of saying, and not itself in quotation marks
    (a quoted title that "says")."""
    if not 2 <= len(ent) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        return False
    root, doc = ent.root, ent.doc
    if root.dep_ != "nsubj" or root.head.lemma_ not in SPEECH_VERBS:
        return False
    quoted = ent.start > 0 and doc[ent.start - 1].is_quote and ent.end < len(doc) and doc[ent.end].is_quote
    return not quoted


def _known_facility(st: _State, span: TokSpan) -> bool:
    """Is a name the tagger calls a building one the actor knowledge base codes as a group with
    a country or a sector (an armed group's name after "of the" read as a facility)? Then it is that group."""
    hit = _dated(st, span.text, phoenix=True)
    return hit is not None and any(hit)


def _known_body(st: _State, span: TokSpan) -> bool:
    """Is a name the tagger calls a place or a nationality one the actor knowledge base codes as
    an international body, a company or an armed group ("Mercosur", "Gazprom")? Not other
    sectors: the knowledge base knows places by their country, and a few former states by odd ones."""
    hit = _dated(st, span.text, phoenix=True)
    return hit is not None and hit[1] in _BODY_SECTORS


_BODY_SECTORS = frozenset({"IGO", "BUS", "REB", "INS"})


def _sentence_numbers(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's sentence number, and each sentence's first token (one
    sentence when nothing set boundaries, so the rules still run)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc), [0]
    view = token_view(doc)  # doc.sents' bounds, without a Span per sentence
    return list(view.sent_of), list(view.sent_starts)


def extract_actors(doc: Doc, kb: Knowledge, matcher: PhraseMatcher) -> list[Actor]:
    """All actors of a parsed doc, in order of first mention, with stable ids."""
    sent_of, sent_start = _sentence_numbers(doc)
    st = _State(doc, kb, _scan(doc, kb), sent_of=sent_of, sent_start=sent_start, text=doc_text(doc))
    fenced = not_actor_spans(st.text)  # "QUITO, May 2 (Reuters) -", "By Jane Doe"
    candidates = [s for s in _candidates(doc, matcher)
                  if not any(a < s.end_char and s.start_char < b for a, b in fenced)
                  and not is_rank_title(kb, s)]  # "Lance Cpl" before a name is its title
    candidates, parties = party_names(st, candidates)  # "the Sweden Democrats": one party, named in full
    persons, rest = _person_spans(st, candidates)
    _add_persons(st, persons)
    for span in rest:
        if span.start in parties and any(i in st.taken for i in range(span.start, span.end)):
            for piece in parties[span.start]:  # a person's title took part of the name: read as before
                _add_candidate(st, piece, {})
            continue
        _add_candidate(st, span, parties)
    _add_unlabelled_press(st)
    _merge_acronyms(st)
    join_bracketed(st)  # "the Freedom Union (FU)": one body, whatever its initials
    for ent in st.entities.values():
        research_body(st, ent)  # "an analyst at the X Institute": NGO, whatever "analyst" says
        if ent.kind == "person" and ent.country is not None and ent.sector is None \
                and (employer := st.title_org(ent.key)[1]) != "IGO":  # a national in an international body
            ent.fill(sector=employer)  # "Ana Ruiz, director of the Andean Foundation"
        if ent.kind == "person" and ent.sector is None and (weak := st.weak_titles.get(ent.key)):
            ent.sector = weak  # "Former Ambassador X", "Professor X", and no other title: before the KB
        if ent.kind == "person" and ent.country is None:
            country, sector = st.title_org(ent.key)
            ent.fill(country=country, sector=sector)
            if sector == "IGO" and country is None:  # "General X, the NATO commander in Kosovo":
                ent.sector = "IGO"  # an international body's officer, whatever their rank says,
                continue  # has no country
            if ent.sector != "IGO":
                ent.fill(country=st.appos_country.get(ent.key))
            if ent.country is None and ent.sector != "IGO" and (dated := person_dated(st, ent.name)) is not None:
                ent.fill(country=dated[0], sector=dated[1])  # "Obama" in 2012: USA GOV; in 2019: USA
                if ent.country is None and dated[1] == "IGO":
                    ent.sector = "IGO"
            if ent.country is None and ent.sector != "IGO" and ent.name in kb.people:
                country, sector = kb.people[ent.name]  # "Putin": the knowledge file's people
                ent.fill(country=country, sector=sector)
            if ent.country is None and ent.sector != "IGO":  # "a Ruritanian farmer named X" (:mod:`.described`)
                ent.fill(country=st.described.get(ent.key))
            if ent.country is None and ent.sector != "IGO":  # an IGO official has no country
                ent.fill(country=_locative_country(st, ent))
            if ent.country is None and ent.title and ent.sector != "IGO":
                ent.fill(country=_named_country(st, ent))
        elif ent.kind == "person" and ent.sector is None and (dated := person_dated(st, ent.name)) is not None \
                and dated[0] == ent.country:
            ent.fill(sector=dated[1])  # "North Korean leader X": the text's country, the index's office on the date
        if ent.kind == "person" and ent.key in st.aged and private(st, ent):
            ent.sector = "CVL"  # "Ana Ruiz, 34, said": a private person (:mod:`.private`)
    _opposition_parties(st)  # "opposition leader X of the Y Party": Y is OPP
    _resolve_pronouns(st)
    _resolve_first_person(st)
    add_state_bodies(st)  # "the Ruritanian intelligence agency": one body, not the state
    _add_role_nouns(st)
    add_modified_groups(st)  # "Ruritanian groups", "separatist units": the phrase is one group
    _merge_bare_groups(st)
    give_bodies(st)  # "a spokeswoman for the navy": the navy's country and sector
    _opposition_parties(st)  # again: "the X Party opposition health spokesman" is OPP, whatever his body gave
    widen_bracketed(st)  # the name's mention covers its bracketed short form
    widen_to_places(st)  # "Westland's High Court", "the government of Westland"
    widen_mentions(st)  # "President Ruiz", "the government of Ruritania": the whole phrase
    return _assemble(st)


def _add_candidate(st: _State, span: TokSpan, parties: dict[int, list[TokSpan]]) -> None:
    """An actor for one candidate name not taken yet: a knowledge-file match, a party's own name
    (``parties``, by start token), an organisation; a place or a number is none."""
    kb = st.kb
    if any(i in st.taken for i in range(span.start, span.end)):
        return
    st.taken.update(range(span.start, span.end))
    hit = _lookup(kb, span)
    if span.start in parties and (hit is None or hit[0] != "entity"):
        _add_org(st, span, party=True)  # a party's own name: not the state its national word names
    elif hit is not None:
        _add_known(st, span, hit)
    elif _place_of(span) or span.text[:1].isdigit():
        return  # "280bn" tagged ORG
    elif span.label_ in ("GPE", "NORP") and _known_body(st, span):
        _add_org(st, span)  # "Mercosur" read as a place, "Gazprom" as a nationality
    elif span.label_ == "FAC":
        if _known_facility(st, span) or body_sector(kb, span):  # "X, a daily newspaper"
            _add_org(st, span)
    elif span.label_ == "ORG" or _org_noun_before(kb, span) or (
            span.label_ == "GPE" and (_appos_head(span) or _appositive(kb, span.root))):
        _add_org(st, span)


def unique_id(name: str, used: Collection[str]) -> str:
    """A stable actor id: the name's slug, numbered when an earlier actor has it."""
    base = slug(name) or "actor"
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}-{n}"
    return ident


def _assemble(st: _State) -> list[Actor]:
    ents = sorted((e for e in st.entities.values() if e.mentions), key=lambda e: (min(e.mentions), e.key))
    actors, used = [], set()
    for e in ents:
        ident = unique_id(e.name, used)
        used.add(ident)
        actors.append(Actor(id=ident, name=e.name, kind=e.kind, country=e.country, sector=e.sector,
                            title=e.title, mentions=[Span(start=s, end=t)
                                                     for s, t in sorted(e.mentions)]))
    return actors


class ActorExtractor:
    """The spaCy component: knowledge and matcher are built once, here."""

    def __init__(self, nlp: Language, name: str = "newsgraph_actors") -> None:
        register_extensions()
        self.name = name
        self.kb = load_knowledge()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = sorted(t for t, (kind, _) in self.kb.surface.items() if kind != "demonym" or t[:1].isupper())
        self.matcher.add("KNOWN", list(nlp.tokenizer.pipe(surfaces)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = extract_actors(doc, self.kb, self.matcher)
        return doc


@Language.factory("newsgraph_actors", assigns=["doc._.actors"],
                  requires=["token.dep", "token.pos", "token.lemma", "doc.ents"])
def make_actors(nlp: Language, name: str) -> ActorExtractor:
    return ActorExtractor(nlp, name)
