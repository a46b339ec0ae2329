"""Resolving an argument phrase to an :class:`~.syntax.Arg`: the actor layer's id where it has one,
and the country the phrase itself names ("Kenyan trade minister ..."), or its body, its place or
its clause gives."""

from __future__ import annotations

from bisect import bisect_left

from spacy.parts_of_speech import ADJ, PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ...records import Actor
from .. import actor_for_span, doc_ents, doc_text, ext, kept_per_doc
from ..actors import load_knowledge, not_nationality
from ..tokens import text_of, token_view
from .countries import (
    _AGENT_NOUNS,
    _IGO_PHRASES,
    _IGOS,
    _PASS_SUBJ,
    _QUANT_HEADS,
    _SUBJ,
    country_of,
)
from .people import people_sector
from .quoted import unnamed_speaker
from .syntax import Arg, _child, _is_actorish, _phrase, _pobj, counted


def _resolve(doc: Doc, tok: Token | None, places: list) -> Arg | None:
    """Actor id and country for the phrase headed by ``tok``: the actor layer's id, and the
    country the phrase itself names ("Kenyan trade minister ...") before the actor's."""
    if tok is None:
        return None
    count, tok = tok, counted(tok)
    example = _pobj(tok, "as")
    if example is not None and any(c.lower_ == "such" for c in example.head.children) and tok.pos_ == "NOUN":
        tok = example  # "forces such as the Belarusian opposition": the example names the party
    if tok.pos_ == "PRON" and tok.lower_ in _PERSONAL and not actor_for_span(doc, tok.idx, tok.idx + len(tok.text)):
        reporter = _reporter_of(tok)
        if reporter is not None and _agrees(doc, tok.lower_, reporter):
            return _resolve(doc, reporter, places)
    if tok.lower_ in BODY_POSS and tok.dep_ == "poss" and not actor_for_span(doc, tok.idx, tok.idx + len(tok.text)):
        owner = _owner_of(tok)
        agrees = owner is not None and _agrees(doc, BODY_POSS[tok.lower_], owner)
        return _resolve(doc, owner, places) if agrees else None  # an owner the clause does not name
    if tok.pos_ == "PRON" and tok.lower_ in _FIRST_PERSON and (said := _speaker_of(doc, tok)) is not None:
        return said
    start, end = _phrase(tok)
    own = start  # the phrase without its possessor: "his counterpart" is not "he"
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.i < tok.i), None)
    if poss is not None and poss.right_edge.i + 1 <= tok.i:
        own = doc[poss.right_edge.i + 1].idx
    actor = actor_for_span(doc, tok.idx, tok.idx + len(tok.text)) or actor_for_span(doc, own, end)
    if actor is None and (named := _named_group(doc, tok) or _named_again(doc, tok)) is not None:
        return Arg(start, end, _text(doc, start, end), named.id, named.country, False, named.sector)
    rec = _record(doc, actor)
    country = _fallback_country(doc, tok, start, end, places) or (rec.country if rec else None)
    sector = rec.sector if rec else None
    if country is None and _igo_in(doc, start, end):
        sector = "IGO"  # "African Union trade ministers": the body, not the office
    if country is None and (tok.lower_ in _AGENT_NOUNS or tok.tag_ in ("NNS", "NNPS")):
        country = _located_in(tok, places) or _located_in(count, places)  # "gunmen in the Sahel",
        # "the mayor of Gdansk", "thousands of nurses across Portugal"
    if country is None and tok.lower_ in _MEMBER_NOUNS:
        country = _body_country(doc, tok, places) or _employer_country(doc, tok, places)  # "a deputy
        # of the Bolivian senate", "a spokesman for the Chilean president"
    if country is None and poss is not None and poss.lower_ in _POSSESSIVE and tok.lower_ in _OWN_SIDE \
            and (rep := _reporter_of(tok)) is not None \
            and (sub := _resolve(doc, rep, places)) is not None:
        country = sub.country  # "the Peruvian navy said its ships had ...": the reporter's
    if actor is None:  # an appositive or possessor can carry the actor ("Iran's scientist")
        for c in tok.children:
            if c.dep_ == "appos" or (c.dep_ == "poss" and c.pos_ != "PRON"):
                sub = _resolve(doc, c, places)
                if sub and (sub.actor or sub.country):
                    actor, country, sector = sub.actor, country or sub.country, sector or sub.sector
                    break
    elif country is None and sector != "IGO":  # "Jane Doe, the WHO director"
        for c in tok.children:
            if c.dep_ == "appos" and (sub := _resolve(doc, c, places)) is not None and (
                    sub.country or sub.sector == "IGO"):
                country, sector = sub.country, sub.sector
                break
    if actor is None and country is None and sector is None and not _is_actorish(tok):
        of = _pobj(tok, "of")
        if of is not None and tok.lower_ in _AGENT_NOUNS | _QUANT_HEADS:
            return _resolve(doc, of, places)
        for c in tok.children:  # "opposition protests", "Israeli tank shelling"
            if c.dep_ in ("compound", "amod", "nmod") and (_is_actorish(c) or country_of(c.text)):
                return _resolve(doc, c, places)
        if (people := people_sector(tok)) is not None:  # "attackers", "a passerby" (.people)
            body = _pobj(tok, "from")
            if body is not None and body.ent_type_ == "ORG":
                return _resolve(doc, body, places)  # "a suicide bomber from the Ruritanian Front": the group
            return Arg(start, end, _text(doc, start, end), None, None, True, people, people=True)
        return None
    return Arg(start, end, _text(doc, start, end), actor, country, actor is None, sector)


#: Words for people who belong to a body: they share its country.
_MEMBER_NOUNS = _AGENT_NOUNS | _QUANT_HEADS | {"supporters", "inhabitants", "residents", "head", "chief",
                                               "delegation", "group", "leadership", "wing", "representatives"}


def _body_country(doc: Doc, tok: Token, places: list) -> str | None:
    """Country of the body a member noun belongs to ("leaders of the Fatah party",
    "a delegation from Ukraine's parliament")."""
    for prep in ("of", "from"):
        p = _pobj(tok, prep)
        if p is not None and p.i != tok.i and (sub := _resolve(doc, p, places)) is not None and sub.country:
            return sub.country
    for c in tok.children:  # "dockers affiliated with the Chilean port union", "militants loyal to"
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _AFFILIATION:
            for prep in ("with", "to"):
                p = _pobj(c, prep)
                if p is not None and (sub := _resolve(doc, p, places)) is not None and sub.country:
                    return sub.country
    return None


def _employer_country(doc: Doc, tok: Token, places: list) -> str | None:
    """Country of whom a member noun works for: "a spokesman for the Chilean president", by
    the actor layer's country for that party before the country its words suggest (a surname
    that reads like a demonym)."""
    p = _pobj(tok, "for")
    sub = _resolve(doc, p, places) if p is not None and p.i != tok.i else None
    if sub is None:
        return None
    rec = _record(doc, sub.actor)
    return (rec.country if rec is not None else None) or sub.country


_AFFILIATION = {"affiliate", "affiliated", "belong", "loyal", "attach", "attached", "link", "linked"}


_PLACE_HEADS = {"city", "town", "village", "province", "region", "state", "capital", "district", "port", "enclave"}


def _located_in(tok: Token, places: list) -> str | None:
    """Country of a group or office named by where it is: "opposition groups in Zimbabwe",
    "the governor of the Peruvian region of Cusco"."""
    for prep in ("in", "of", "throughout", "across", "from"):
        p = _pobj(tok, prep)
        for _ in range(2):
            if p is None:
                break
            if p.ent_type_ in ("GPE", "LOC") and (code := _place_country(p, places)):
                return code
            p = _pobj(p, "of") if p.lower_ in _PLACE_HEADS else None
    for c in tok.children:  # "families fleeing the floods in Malawi"
        if c.dep_ in ("acl", "relcl"):
            for t in c.subtree:
                if t.dep_ == "pobj" and t.head.lower_ in ("in", "from") and t.ent_type_ in ("GPE", "LOC") \
                        and (code := _place_country(t, places)):
                    return code
    return None


def _place_country(tok: Token, places: list) -> str | None:
    """Country of a place word: the whole place name's ("Northern Ireland", not "Ireland"),
    else the word's own."""
    longer = next((pl.country for pl in places if pl.start <= tok.idx < pl.end and getattr(pl, "country", None)
                   and pl.end - pl.start > len(tok.text)), None)
    return longer or country_of(tok.text) or next(
        (pl.country for pl in places if pl.start <= tok.idx < pl.end and getattr(pl, "country", None)), None)


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding the whole text (``doc.text`` joins all tokens)."""
    span = _char_span(doc, start, end)
    return span.text[: end - start] if span is not None else ""


_SPANS: tuple[object, dict[tuple[int, int], object]] = (None, {})
kept_per_doc(__name__, "_SPANS", lambda: (None, {}))


def _char_span(doc: Doc, start: int, end: int):
    """``doc.char_span(start, end, alignment_mode="expand")``, kept for the last Doc: a phrase's
    span is read for its text, its IGO words and its country words (callers must not change it)."""
    global _SPANS
    if _SPANS[0] is not doc:
        _SPANS = (doc, {})
    spans = _SPANS[1]
    key = (start, end)
    if key not in spans:
        spans[key] = doc.char_span(start, end, alignment_mode="expand")
    return spans[key]


_PERSONAL = {"he", "she", "it", "they", "we"}
_POSSESSIVE = {"his", "her", "its", "their"}  # of a reported clause's subject: the reporter's own
_OWN_SIDE = _AGENT_NOUNS | {"country", "nation"}  # "its troops", "his country"; not "his concerns"


#: Head nouns of a definite description that stands for a named organisation ("the group").
_GROUP_NOUNS = {"group", "organization", "organisation", "movement", "faction", "outfit"}
_ARMED = {"INS", "REB"}


def _named_group(doc: Doc, tok: Token) -> Actor | None:
    """"Boko Haram claimed the raid. ... The militant group said": a definite "the ... group"
    with no name of its own stands for the armed organisation (insurgents, rebels) named last
    before it: with a modifier of an armed sector ("militant", "separatist") the last armed one
    named, without ("the group") only when the organisation named last is an armed one, named
    in the last three sentences. Other readings of a bare "the group" (the protesters, a
    delegation, a charity an article names once) are too often the people of the clause, not
    an organisation named before."""
    if tok.lower_ not in _GROUP_NOUNS or tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts):
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
    named = [c for c in tok.rights if c.dep_ in ("appos", "compound", "flat", "npadvmod")]
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    if tok.ent_type_ or after.ent_type_ or any(c.ent_type_ or c.pos_ == "PROPN" for c in mods + named) \
            or _pobj(tok, "of"):
        return None  # "the Wagner group", "the armed group Ansar Dine", "the group of experts"
    roles = load_knowledge().roles
    armed = any((roles.get(c.lemma_.lower()) or roles.get(c.lower_) or ("", None))[1] in _ARMED for c in mods)
    best, best_end = None, -1
    for a in ext(doc, "actors") or ():
        if a.kind != "organization" or (armed and a.sector not in _ARMED):
            continue
        end = max((m.end for m in a.mentions if m.end <= tok.idx), default=-1)
        if end > best_end:
            best, best_end = a, end
    if best is None or best.sector not in _ARMED:
        return None
    if not armed:  # a bare "the group" reaches back three sentences at most
        last = doc.char_span(best_end - 1, best_end, alignment_mode="expand")
        if last is None or sum(1 for _ in doc[last.start:tok.i + 1].sents) > 4:
            return None
    return best


def _record(doc: Doc, actor_id: str | None) -> Actor | None:
    """The article's actor record with this id (None for None)."""
    return next((a for a in ext(doc, "actors") or () if a.id == actor_id), None) if actor_id else None


def _named_again(doc: Doc, tok: Token) -> Actor | None:
    """A name the entity tagger missed on a later mention ("Garcia" read as a common noun): the
    person the article named in full before, when a capitalised word with no entity of its own
    and no word before it in its phrase is the last word of exactly one person's name or
    mentions before it."""
    if tok.ent_type_ or not tok.is_title or tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in _AGENT_NOUNS \
            or any(c.dep_ in ("det", "amod", "compound", "poss") for c in tok.lefts):
        return None
    text = doc_text(doc)
    found = {a.id: a for a in ext(doc, "actors") or () if a.kind == "person" and any(
        m.end <= tok.idx and text[m.start:m.end].split()[-1:] == [tok.text] for m in a.mentions)}
    return next(iter(found.values())) if len(found) == 1 else None


#: First-person words that, inside a quote, stand for its speaker or the speaker's side
#: ("'We urge both sides to ...,' the minister said": the minister's side urges).
_FIRST_PERSON = {"i", "me", "we", "us"}


def _speaker_of(doc: Doc, pron: Token) -> Arg | None:
    """The speaker of the quote a first-person pronoun stands in, as the argument (the
    pronoun's span, the speaker's actor and country); None outside a quote or without a
    speaker. The actor layer links singular "I" to a speaker it names nearby; this covers
    the plural and any quote whose speaker the quote layer found, or that goes on in the voice
    of a speaker named just before or a party whose statement a colon opens (:mod:`.quoted`)."""
    said = next((q.speaker for q in ext(doc, "quotes") or ()
                 if q.start <= pron.idx < q.end and q.speaker and q.kind != "indirect"), None)
    rec = _record(doc, said or unnamed_speaker(doc, pron))
    if rec is None:
        return None
    end = pron.idx + len(pron.text)
    return Arg(pron.idx, end, pron.text, rec.id, rec.country, False, rec.sector)


def _reporter_of(pron: Token) -> Token | None:
    """"The premier said she would ...": a pronoun subject of a reported clause is most often the
    reporter (and "its troops" the reporter's troops). The subject of the nearest verb above whose complement holds the pronoun."""
    if pron.dep_ not in _SUBJ | _PASS_SUBJ:
        return None
    v = pron.head
    for _ in range(3):
        if v.dep_ not in ("ccomp", "xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
        subj = _child(v, _SUBJ)
        if subj is not None and subj.pos_ != "PRON":
            return subj
    return None


#: Possessive pronouns of a body or a group, with the subject pronoun they agree as (the actor
#: layer links only "his" and "her": :mod:`.args` reads these owners, this module resolves them).
BODY_POSS = {"its": "it", "their": "they"}


def _owner_of(pron: Token) -> Token | None:
    """Whom "its"/"their" before an act noun stands for: the subject of the clause whose object
    the noun is ("the army defended its offensive"), or, when the noun is that clause's subject,
    the subject of the clause above that reports it ("the rebels said their raid was a warning").
    Not through a preposition ("condemned the government for its crackdown": the government) nor
    a clause with no subject of its own ("urged the army to end its offensive")."""
    noun = pron.head
    if noun.dep_ in ("dobj", "obj"):
        subj = _child(noun.head, _SUBJ)
        return subj if subj is not None and subj.pos_ != "PRON" else None
    if noun.dep_ in _SUBJ:
        return _reporter_of(noun)
    return None


def _agrees(doc: Doc, pron: str, reporter: Token) -> bool:
    """Can the pronoun stand for its reporter? "They stormed the town, a police officer said":
    a plural pronoun is not one person, and "he"/"she" is neither a plural nor a body, "it" no
    person — unless the person speaks for a body ("a union spokesman said it would ...": the
    union). The actor layer's kind goes before the entity tagger's label (a firm read as a
    person's name). Who a pronoun the reporter cannot be stands for is read by :mod:`.pronouns`."""
    head = counted(reporter)
    rec = _record(doc, actor_for_span(doc, head.idx, head.idx + 1))
    role = load_knowledge().roles.get(head.lemma_.lower()) or load_knowledge().roles.get(head.lower_)
    if rec is not None:
        person, body = rec.kind == "person", rec.kind != "person"  # a group ("the police") is "they" too
    else:
        person = head.ent_type_ == "PERSON" or (role is not None and role[0] == "person")
        body = not person and (head.ent_type_ in ("ORG", "GPE", "NORP") or (role is not None and role[0] != "person"))
    plural = head is not reporter or head.tag_ == "NNS" or any(c.dep_ == "conj" for c in head.children) or (
        head.tag_ == "NNPS" and not body)
    speaks = person and (_speaks_for_body(head) or any(
        _speaks_for_body(c) for c in head.children if c.dep_ == "appos"))
    if pron == "we":
        return True  # a speaker's "we" is the speaker's side
    if pron == "they":  # not "a regional administrator"; "an army spokesman" speaks for the army
        return plural or body or speaks
    if pron == "it":
        return (not plural and not person) or speaks
    return not plural and not body  # he, she


def _speaks_for_body(person: Token) -> bool:
    """Does a person's phrase name the body they speak for ("a union spokesman", "an official
    of the Chilean navy", "the ministry's spokeswoman")?"""
    for c in person.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod") and c.i < person.i and (
                c.ent_type_ in ("ORG", "GPE", "NORP") or c.lower_ in _AGENT_NOUNS
                or (person.pos_ == "NOUN" and c.pos_ == "PROPN" and c.dep_ != "amod")):
            return True  # "a Yili spokesman", "the Registrars' spokesman"; not "Mark" of "Mark Rimmer"
    return any((p := _pobj(person, prep)) is not None and (p.ent_type_ in ("ORG", "GPE", "NORP") or p.lower_ in _AGENT_NOUNS
                                                          or load_knowledge().roles.get(p.lower_, ("person",))[0] != "person")
               for prep in ("for", "of", "with", "from"))


_ENTS: tuple[object, tuple, list[int]] = (None, (), [])
kept_per_doc(__name__, "_ENTS", lambda: (None, (), []))


def _ents_in(doc: Doc, span) -> list:
    """``span.ents`` without its cost: spaCy's builds a Span for every entity of the doc on
    each call; this keeps the doc's entities and their starts once per doc and bisects
    (same answer: the entities from the first starting in the span, while they end in it)."""
    global _ENTS
    if _ENTS[0] is not doc:
        ents = doc_ents(doc)
        _ENTS = (doc, ents, [e.start for e in ents])
    ents, starts = _ENTS[1], _ENTS[2]
    out = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def _igo_in(doc: Doc, start: int, end: int) -> bool:
    span = _char_span(doc, start, end)
    if span is None:
        return False
    words = _words(doc)
    if any(words.igo_entity(e) for e in _ents_in(doc, span)):
        return True
    low = " " + span.text.lower() + " "
    if any(f" {name} " in low for name in _IGO_PHRASES):
        return True
    view = token_view(doc)
    lower, pos = view.lower, view.pos
    return any(lower[i] in _IGO_HASHES and pos[i] == PROPN for i in range(span.start, span.end))


_IGO_HASHES = frozenset(get_string_id(name) for name in _IGOS)
_FALLBACK_ENTS = frozenset(get_string_id(label) for label in ("GPE", "NORP", "ORG", "LOC", ""))
_ENT_LABELS = frozenset(get_string_id(label) for label in ("GPE", "NORP", "LOC", "ORG"))
_ORG = get_string_id("ORG")


class _Words:
    """One Doc's country words and IGO names, by token index and entity, read once each: the
    phrases the event coder resolves overlap, and each read decodes strings and builds Tokens."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._country: dict[int, str | None] = {}
        self._ents: dict[tuple[int, int], str | None] = {}
        self._igo: dict[tuple[int, int], bool] = {}

    def country(self, i: int) -> str | None:
        """``country_of(tok.text)`` of a token that is not an ``not_nationality`` word, else None."""
        if i not in self._country:
            self._country[i] = _word_country(self.doc, i)
        return self._country[i]

    def ent_country(self, ent) -> str | None:
        """The country an entity's words name, None when one of them is not a nationality."""
        key = (ent.start, ent.end)
        if key not in self._ents:
            self._ents[key] = None if any(not_nationality(t) for t in ent) else country_of(ent.text)
        return self._ents[key]

    def igo_entity(self, ent) -> bool:
        key = (ent.start, ent.end)
        if key not in self._igo:
            self._igo[key] = ent.text.lower().removeprefix("the ") in _IGOS
        return self._igo[key]


def _word_country(doc: Doc, i: int) -> str | None:
    """:meth:`_Words.country` of token ``i``, read: the word's text from the token view, and the
    Token made only for a word that names a country (most do not) to ask ``not_nationality``."""
    code = country_of(text_of(doc, token_view(doc).orth[i]))
    return None if code is None or not_nationality(doc[i]) else code


_WORDS: _Words | None = None
kept_per_doc(__name__, "_WORDS", lambda: None)


def _words(doc: Doc) -> _Words:
    global _WORDS
    if _WORDS is None or _WORDS.doc is not doc:
        _WORDS = _Words(doc)
    return _WORDS


def _fallback_country(doc: Doc, tok: Token, start: int, end: int, places: list) -> str | None:
    """Country from entities/places inside the phrase, the head word first; the head's own
    country name before a gazetteer place on it (a place reading of "PRC" or "Hamas" is a
    namesake town, and an organisation is not a place)."""
    view, words = token_view(doc), _words(doc)
    ent_type, pos = view.ent_type, view.pos
    i = tok.i
    code = words.country(i) if ent_type[i] in _FALLBACK_ENTS or pos[i] == PROPN else None
    if code:
        return code
    if ent_type[i] != _ORG:
        tok_start = tok.idx
        tok_end = tok_start + len(tok.text) + 1
        for p in places:
            if p.start >= start and p.end <= end and getattr(p, "country", None) and tok_start <= p.start < tok_end:
                return p.country
    span = _char_span(doc, start, end)
    if span is None:
        return None
    for ent in _ents_in(doc, span):
        if ent.label in _ENT_LABELS and (code := words.ent_country(ent)):
            return code
    for t in range(span.start, span.end):  # not "the pro-Russian separatists", "a Turkish-backed militia"
        if (pos[t] == ADJ or pos[t] == PROPN) and t != i and (code := words.country(t)):
            return code
    for p in places:
        if p.start >= start and p.end <= end and getattr(p, "country", None):
            return p.country
    return None
