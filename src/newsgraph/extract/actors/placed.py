"""A body's mention covers the place the text names it by: "Westland's High Court", "the
provincial government of Westland".

A story often names a court, a ministry or a government by the place whose body it is, before
the noun ("Ruritania's Interior Ministry", "Lakeport's city council") or after it ("the
government of Westland", "the Supreme Court of Ruritania"). The actor passes record the body's
own words; the place word is a mention of the state, or of nothing (a province, a city). A reader
names the body by the whole phrase, and the place says whose body it is: this pass widens the
mention of an organisation or group over

* a possessive place name right before it whose head is the mention's word ("Westland's High
  Court"; not "Westland's new court rules", where the place owns another noun);
* "of [the] <place>" right after it, when "of" hangs on the mention ("the government of
  Westland"; not "a member of Westland's court");

when the place is one (not "the presidents of Westland and Eastland") and the body's country,
or a province or big city of it (the gazetteer's
well-known places, one country only). A body with no country yet takes that place's country,
unless it is an international body. A place of another country is left out: "Ruritania's
Freedonian embassy" is not Ruritania's. The place's own mention (of the state) stays inside the
wider one; an event argument naming the whole phrase ("appealed to Westland's High Court") now
finds the court rather than the state of its city.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..tokens import token_view
from .knowledge import country_of
from .named_place import _countries
from .state import _State

_PLACES = frozenset({"GPE"})
_KINDS = frozenset({"organization", "group"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _country(doc: Doc, start: int, end: int) -> str | None:
    """The one country of the place named by tokens ``start:end`` ("the United States",
    "Westland"), or None."""
    words = [t.text for t in doc[start:end] if t.lower_ != "the"]
    name = " ".join(words)
    if code := country_of(name):
        return code
    from ..places import gazetteer

    found, _ = _countries(name, gazetteer())
    return next(iter(found)) if len(found) == 1 else None


def _joined(tok) -> bool:
    """Is the place one of several ("Westland and Eastland's courts")?"""
    return tok.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in tok.children)


def _place_before(doc: Doc, first: int, last: int) -> tuple[int, str | None] | None:
    """(first token, country) of the possessive place right before the mention ``first:last``."""
    i = first - 1
    if i < 1 or doc[i].text not in _POSSESSIVE or doc[i - 1].ent_type_ not in _PLACES:
        return None
    end = i
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    head = doc[end - 1]
    if head.dep_ != "poss" or not first <= head.head.i < last or _joined(head):
        return None
    return start, _country(doc, start, end)


def _place_after(doc: Doc, first: int, last: int) -> tuple[int, str | None] | None:
    """(token after the place, country) of "of [the] <place>" right after the mention."""
    if last >= len(doc) or doc[last].lower_ != "of" or not first <= doc[last].head.i < last:
        return None
    start = last + 1
    if start < len(doc) and doc[start].lower_ == "the" and doc[start].ent_type_ not in _PLACES:
        start += 1
    if start >= len(doc) or doc[start].ent_type_ not in _PLACES or doc[start].ent_iob_ != "B":
        return None
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[end - 1].dep_ != "pobj" or doc[end - 1].head.i != last or _joined(doc[end - 1]):
        return None  # "the court of Westland's capital", "the victims of the Westland bombing",
        # "the presidents of Westland and Eastland"
    return end, _country(doc, start, end)


def _placed(ent, country: str | None) -> bool:
    """May a place of ``country`` name this body: its own country, or the country it lacks?"""
    if country is None or ent.sector == "IGO":
        return False
    return ent.country in (None, country)


def widen_to_places(st: _State) -> None:
    """Widen each organisation's or group's mention over the place that names it (module
    docstring); a body with no country takes the place's."""
    doc, view = st.doc, token_view(st.doc)
    for ent in st.entities.values():
        if ent.kind not in _KINDS:
            continue
        for s, e in sorted(ent.mentions):
            span = view.token_range(s, e)
            if span is None:
                continue
            first, last = span
            start, end = s, e
            if (before := _place_before(doc, first, last)) and _placed(ent, before[1]):
                start = doc[before[0]].idx
                ent.country = ent.country or before[1]
            if (after := _place_after(doc, first, last)) and _placed(ent, after[1]):
                end = doc[after[0] - 1].idx + len(doc[after[0] - 1].text)
                ent.country = ent.country or after[1]
            if (start, end) != (s, e):
                ent.mentions.discard((s, e))
                ent.mentions.add((start, end))
