"""A party's act named with a fault word in someone's report is criticised by the speaker.

"We will stand by Ruritania against Borduvia's illegal occupation," the minister said: the
sentence reports support, but calling another party's act illegal, barbaric or cowardly (or
naming it an aggression) is itself a criticism of that party (CAMEO 111, PLOVER ACCUSE), as
"branded the occupation illegal" is for the naming verbs (``data/faults.tsv``). Only in a
report or quote of a party with a country (or an international body), about a party of another
country; an act the speaker's own verb already criticises ("condemned X's illegal raid") adds
nothing."""

from __future__ import annotations

from functools import lru_cache

from spacy.parts_of_speech import NOUN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..tokens import TokenView, lower_of, sentence_chars, token_view
from .coded import CodedEvent, construction_entry, construction_event
from .lexicon import LexEntry, Lexicon
from .modality import _REPORT
from .nominal import _nominal_agent
from .resolve import _resolve
from .syntax import Arg, _clause_subject
from .triggers import _fault_table

_HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}


@lru_cache(maxsize=1)
def _criticism_entry() -> LexEntry:
    return construction_entry("111", "ACCUSE", "noun", "fault", "<X's illegal act, said Y>")


def _fault_at(view: TokenView, i: int, lex: Lexicon) -> int | None:
    """The fault word that names a hostile act noun (token ``i``: "illegal occupation") or the
    noun itself when it is a fault ("aggression"), read from the Doc's token view: every noun
    of the article is asked."""
    table, doc = _fault_table(), view.doc
    lemma = lower_of(doc, view.lemma[i])
    if table.get(lemma) == "fault":
        return i
    fault = next((c for c in view.children[i]
                  if view.dep[c] == _AMOD and table.get(lower_of(doc, view.lemma[c])) == "fault"), None)
    if fault is None:  # the cheap test first: most nouns have no fault word
        return None
    entry = lex.match("noun", lemma, set())
    return fault if entry is not None and entry.plover.type in _HOSTILE and "off" not in entry.flags else None


_AMOD = get_string_id("amod")


def _fault_nouns(view: TokenView) -> list[int]:
    """The nouns :func:`_fault_at` can find a fault on, in token order: a fault word itself,
    or the head of one that modifies it. Most articles have none, and a noun with no fault
    word in reach needs no reading (the fault words are looked up once per distinct lemma)."""
    table, doc = _fault_table(), view.doc
    faulty = {h for h in set(view.lemma) if table.get(lower_of(doc, h)) == "fault"}
    if not faulty:
        return []
    found: set[int] = set()
    for i, h in enumerate(view.lemma):
        if h in faulty:
            found.add(i)
            if view.dep[i] == _AMOD:
                found.add(view.head[i])
    return [i for i in sorted(found) if view.pos[i] == NOUN]


def _speaker(doc: Doc, noun: Token, places: list) -> Arg | None:
    """The subject of the reporting verb whose complement (at any depth: a quote runs on over
    several clauses) the noun is in."""
    for a in (noun, *noun.ancestors):
        if a.dep_ in ("ccomp", "parataxis") and a.head.lemma_.lower() in _REPORT:
            subj, passive = _clause_subject(a.head)
            return None if subj is None or passive else _resolve(doc, subj, places)
    return None


def faulted_acts(doc: Doc, lex: Lexicon, coded: list[CodedEvent], places: list) -> list[CodedEvent]:
    """ACCUSE (111) from the speaker to the doer of each act a report names with a fault word."""
    out: list[CodedEvent] = []
    accused = {(c.source.country if c.source else None, c.target.country if c.target else None,
                c.event.sentence.start) for c in coded if c.event.type == "ACCUSE"}
    view = token_view(doc)
    for i in _fault_nouns(view):
        if (f := _fault_at(view, i, lex)) is None:
            continue
        noun, fault = doc[i], doc[f]
        doers = _nominal_agent(noun)
        doer = _resolve(doc, doers[0], places) if doers and doers[0].pos_ != "PRON" else None
        if doer is None or not doer.country:
            continue
        rep = _speaker(doc, noun, places)
        if rep is None or not (rep.country or rep.sector == "IGO") or rep.country == doer.country:
            continue
        sent = sentence_chars(doc, noun.i)
        if (rep.country, doer.country, sent[0]) in accused:
            continue  # "condemned Borduvia's illegal raid": the verb already says it
        accused.add((rep.country, doer.country, sent[0]))
        out.append(construction_event(doc, _criticism_entry(), rep, doer, fault, noun.i, True))
    return out
