"""Private persons: a named person the text describes by age, and by nothing else, is a civilian.

News gives an age to the people it quotes or reports on as witnesses, residents, protesters or
victims ("Ana Ruiz, 34, said", "a 61-year-old farmer", "Forty-year-old Li Wei"); officials get
a title instead. CAMEO codes such a person CVL (civilians), and a civilian with no country of
their own then takes the story's (``domestic_sectors``). The rule only fills a sector nothing
else gave (a title, an employer, the actor knowledge base decide first), and stays off:

* a name after a word that may be a rank or title the knowledge does not list ("Major Ana
  Ruiz", "L/Cpl Ana Ruiz"), after an agent noun of another sector ("cameraman Ana Ruiz"), or
  that begins with one ("Princess Ana");
* a person a sentence naming them calls an attacker (the ``private_persons`` and
  ``armed_group_words`` lemmas of the knowledge file: "bomber", "militant", "terrorist").
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan

from .knowledge import Knowledge, _dated, _role, agent_sector
from .state import _Entity, _State
from .titles import HONORIFICS

MAX_AGE = 110
_CLOSERS = frozenset({",", ".", ")", ";", "—", "–", "and", "who", "from", "of"})


def private_person(kb: Knowledge, span: TokSpan) -> bool:
    """Is this mention of a name one of a private person: given an age, after no title-like word,
    in a sentence that calls no one an attacker?"""
    return aged(span) and not _ranked(kb, span) and not _attacker_sentence(kb, span)


def aged(span: TokSpan) -> bool:
    """Is this name given an age: ", 29," right after it, "29-year-old" right before it, or
    "a 29-year-old ..." in an apposition after it?"""
    doc = span.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].text == "," and _age_number(doc[i + 1].text) and (
            i + 2 == len(doc) or doc[i + 2].lower_ in _CLOSERS):
        return True
    if _year_old(doc, span.start - 1):
        return True
    return any(_year_old(doc, t.i) for c in span.root.rights if c.dep_ == "appos" for t in c.subtree
               if t.i <= c.i)


def _age_number(text: str) -> bool:
    return text.isdigit() and 0 < int(text) <= MAX_AGE


def _year_old(doc, last: int) -> bool:
    """Do the tokens ending at ``last`` read "<number>-year-old" ("29-year-old", "Forty-year-old")?"""
    if last < 2 or doc[last].lower_ != "old":
        return False
    return any(t.lower_ == "year" for t in doc[last - 2:last]) and any(t.like_num for t in doc[max(0, last - 4):last])


def _ranked(kb: Knowledge, span: TokSpan) -> bool:
    """"Major Ana Ruiz", "L/Cpl Ana Ruiz", "Princess Ana Ruiz": a capitalised word the tagger did
    not take for a place or nationality right before the name, or a role word opening it."""
    doc = span.doc
    if len(span) > 1 and (_role(kb, span[0]) is not None or agent_sector(kb, span[0]) is not None):
        return True
    if span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_.rstrip(".") in HONORIFICS or prev.ent_type_ in ("NORP", "GPE", "LOC", "DATE", "TIME"):
        return False
    if prev.pos_ == "NOUN" and agent_sector(kb, prev) not in (None, "CVL"):
        return True  # "cameraman Ana Ruiz, 34,": an occupation of another sector
    return prev.pos_ in ("PROPN", "NOUN") and (prev.is_title or "/" in prev.text)


def _attacker_sentence(kb: Knowledge, span: TokSpan) -> bool:
    return any(t.lemma_.lower() in kb.not_private or t.lower_ in kb.not_private for t in span.sent)


def private(st: _State, ent: _Entity) -> bool:
    """May a person the text gives an age be coded CVL: nothing else gave a sector, their title
    (if any) names no office ("civil engineer"), no organisation is named in it or their
    apposition ("a member of the Andean Party"), and the actor knowledge base does not know the
    name (a public figure: "Lech Walesa, 62," is a former president, not a private person)?"""
    if ent.sector is not None or st.title_orgs.get(ent.key):
        return False
    if ent.title and any(st.kb.roles.get(w.lower()) for w in ent.title.split()):
        return False
    return _dated(st, ent.name) is None
