"""Mention spans that cover the whole phrase naming an actor.

The passes that find actors record the word that decided them: a person's name without the
title before it ("President" in "President Ruiz"), a country without the office or body it
names ("the government of Ruritania", "the prime minister of Ruritania"). A reader looking
for the actor, and a coder matching the text, looks for the phrase: this pass widens each
mention over

* the office words right before a person's name ("President Ruiz", "Prime Minister Ana Ruiz",
  "Vice-President Ruiz", "Minister of Justice Ruiz", "Mr Ruiz"): capitalised title words, at least one of them a role noun
  of the knowledge file, none of them part of another actor's mention nor a place, nationality,
  date or name;
* the office or government noun a country's name is the "of" object of, when that noun names
  the same state ("the government of Ruritania", also a mention of Ruritania's state) or no
  actor at all and is a government title ("the president of Ruritania"); its adjectives come
  with it ("the central government of Ruritania").

Nothing else changes: the actor, its country, its sector and its number of mentions (the
weight of a country in the story) stay as they were; an office that was a mention of its own
("government") stays one, inside the wider one.
"""

from __future__ import annotations

from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Token

from ..tokens import token_view
from .knowledge import _role
from .state import _State
from .titles import HONORIFICS

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_TITLE_ENTS = frozenset({"", "ORG"})  # the tagger reads "Trade" in "Trade Minister X" as a body's name


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A mention's token range (``doc.char_span(start, end, alignment_mode="expand")``'s), read
    from the token view: the pass reads each mention's tokens three times and needs no Span."""
    return token_view(doc).token_range(start, end)


def _covered(st: _State) -> set[int]:
    """Token indices inside any actor's mention."""
    out: set[int] = set()
    for ent in st.entities.values():
        for s, e in ent.mentions:
            if (span := _tokens(st.doc, s, e)) is not None:
                out.update(range(*span))
    return out


def _honorific(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in HONORIFICS and tok.text[:1].isupper()


def _title_start(st: _State, first: int, covered: set[int]) -> int:
    """Where the capitalised title right before a name starts ("Prime Minister", "Mr"); the
    name's own first token when there is none."""
    doc, i, role = st.doc, first - 1, False
    while i >= 0 and i not in covered:
        tok = doc[i]
        if _honorific(tok):
            role = True
        elif tok.text[:1].isupper() and tok.pos_ in _TITLE_POS and tok.ent_type_ in _TITLE_ENTS:
            role = role or (_role(st.kb, tok) or ("", None))[0] == "person"
        elif not (tok.text == "-" and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text[:1].isupper()
                  or tok.lower_ == "of" and i > 0 and doc[i - 1].text[:1].isupper()):
            break  # "Vice-President", "Secretary-General", "Minister of Justice": one title
        i -= 1
    i += 1
    while i < first and not doc[i].text[:1].isupper():
        i += 1  # not "of Justice X" when the words before "of" are no title
    return i if role else first


def _office_of(st: _State, name_start: int, covered: set[int], own: set[int]) -> int | None:
    """The first token of "the [central] government of" / "the president of" before a country's
    name at ``name_start``, when that noun is a mention of the same state (``own``) or of no actor
    and a government title; else None."""
    doc, i = st.doc, name_start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return None
    head = doc[i - 1]
    if head.pos_ not in _NOUN_POS or head.lower_.endswith("s") and head.lemma_.lower() != head.lower_:
        return None  # "the presidents of A, B and C": several offices, not this state's one
    if head.i in covered and head.i not in own:
        return None
    role = _role(st.kb, head)
    if head.i not in own and not (role and role[1] == "GOV"):
        return None
    start = head.i
    while start - 1 >= 0 and doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN") \
            and (start - 1 not in covered or start - 1 in own) and doc[start - 1].dep_ in ("amod", "compound"):
        start -= 1  # "the central government of", "the prime minister of"
    return start


def _states_at(st: _State) -> dict[int, tuple[str | None, int]]:
    """First token of each state mention -> (its country, its end character)."""
    out: dict[int, tuple[str | None, int]] = {}
    for ent in st.entities.values():
        if ent.kind == "state":
            for s, e in ent.mentions:
                if (span := _tokens(st.doc, s, e)) is not None:
                    out[span[0]] = (ent.country, e)
    return out


def _of_state(st: _State, ent, end: int, states: dict[int, tuple[str | None, int]]) -> int | None:
    """The end character of "of [the] Ruritania" right after an office noun ending at token
    ``end``, when Ruritania is a state mention of the office holder's own country; else None."""
    doc, i = st.doc, end
    if i >= len(doc) or doc[i].lower_ != "of" or ent.country is None:
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    country, stop = states.get(i, (None, None))
    return stop if country == ent.country else None


def _office_holder(st: _State, ent, states: dict[int, tuple[str | None, int]]) -> None:
    """"the president of Ruritania": an office holder named by the office only, with the state
    whose office it is (that state's mention stays one too)."""
    for s, e in sorted(ent.mentions):
        span = _tokens(st.doc, s, e)
        if span is not None and st.doc[span[0]:span[1]].root.pos_ == "NOUN" \
                and (stop := _of_state(st, ent, span[1], states)):
            ent.mentions.discard((s, e))
            ent.mentions.add((s, stop))


def widen_mentions(st: _State) -> None:
    """Widen every mention over the title or office phrase it heads (see the module docstring)."""
    doc, covered, states = st.doc, _covered(st), _states_at(st)
    view = token_view(doc)
    for ent in st.entities.values():
        if ent.kind not in ("person", "state"):
            continue
        if ent.kind == "person" and ent.title is None and ent.sector == "GOV":
            _office_holder(st, ent, states)
            continue
        own = {i for s, e in ent.mentions if (sp := _tokens(doc, s, e)) is not None for i in range(*sp)}
        for s, e in sorted(ent.mentions):
            span = _tokens(doc, s, e)
            if span is None:
                continue
            first = span[0]
            if ent.kind == "person":
                start = _title_start(st, first, covered) if view.pos[first] == PROPN else None
            else:
                start = _office_of(st, first, covered, own)
            if start is None or start == first:
                continue
            ent.mentions.discard((s, e))  # the office's own mention stays: as many mentions as before
            ent.mentions.add((view.chars[0][start], e))
