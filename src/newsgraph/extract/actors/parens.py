"""A body's name with its abbreviation in brackets: "the Freedom Union (FU)", "the Greens (GRV)".

A story introduces a body once by its name and the short form it will use after, often one whose
letters are not the name's initials (a name translated from another language, "the Farmers'
League (BSL)"), so the initials match of :func:`.orgs._merge_acronyms` does not join them. The
tagger reads the two as two names, and each becomes an actor: two actors for one body, the
knowledge base's country and sector on one half only, events split between them. This pass

* joins the bracketed short form's actor (or, when the bracket's words are none, the body the
  story names by them elsewhere: "the FU said") and the name's actor when they are one body by
  the brackets alone: both organisations, of no two countries unless one of them is the knowledge
  base's (that one is right: a text name got its country from the story);
* widens the name's mention over the brackets ("the Freedom Union (FU)"), as a reader names the
  body, and over the capitalised words before it that modify it and no actor has ("Green" of
  "Green Democrats (GD)" where only "Democrats" was read); the short form's own mention stays
  inside it, so the body weighs as often as before;
* gives the short form's actor the tagger's name before the bracket when that name is no actor
  ("the Freedom Union (FU)" with only "FU" read): one more mention, the whole phrase.

Not read: a person's bracket ("Ana Ruiz (Labour)" is her party), a place's ("Ruritania (24%)"),
brackets that hold words, numbers or a ticker ("(TSX:AB)", "(AB.L)"), a bracket after the end of
a longer name ("the Union of the Freedonian Republics (UFR)" is not the republics').
"""

from __future__ import annotations

import re

from .state import _Entity, _State

_OPEN = re.compile(r"[ \t]*\(([^()\n]{2,16})\)")
_PART = re.compile(r"/?[A-Z][A-Za-z&./-]*")
_BODIES = ("organization",)
_NAME_LABELS = frozenset({"ORG", "NORP"})


def short_form(text: str) -> bool:
    """Is a bracket's text an abbreviation: one to three capitalised parts, at least two
    capital letters and no fewer capitals than small letters ("FU", "FrU", "F.U.", "AB /CD")?"""
    parts = text.split()
    if not 1 <= len(parts) <= 3 or not all(_PART.fullmatch(p) for p in parts):
        return False
    if any(len(piece) > 1 for p in parts if "." in p for piece in p.split(".")):
        return False  # a ticker ("AB.L"), not initials ("A.B.C.")
    upper = sum(c.isupper() for c in text)
    return upper >= 2 and upper >= sum(c.islower() for c in text)


_INNER = frozenset({"of", "and", "for", "&", "de", "in", "on"})


def _whole_name(st: _State, s: int, e: int) -> bool:
    """Is the mention the whole name the bracket follows: not the end of a longer one ("the
    Union of the Freedonian Republics (UFR)", "Ministry of Trade and Industry (MTI)"), nor a
    person's name the tagger read as a body ("Ana Ruiz (FU)" is her party)?"""
    span = st.doc.char_span(s, e, alignment_mode="expand")
    if span is None or any(t.ent_type_ == "PERSON" for t in span):
        return False
    i = span.start - 1
    if i >= 0 and st.doc[i].lower_ == "the":
        i -= 1
    return not (i > 0 and st.doc[i].lower_ in _INNER and st.doc[i - 1].text[:1].isupper())


def _bracket_after(text: str, end: int) -> tuple[int, int, int] | None:
    """(start, end of the short form, end of the closing bracket) right after a mention ending
    at character ``end``; None when no abbreviation in brackets follows."""
    m = _OPEN.match(text, end)
    if m is None or not short_form(m.group(1).strip()):
        return None
    inner = m.group(1)
    lead = len(inner) - len(inner.lstrip())
    return m.start(1) + lead, m.start(1) + len(inner.rstrip()), m.end()


def _known(ent: _Entity) -> bool:
    return ent.key.startswith("entity:")


def _winner(name: _Entity, short: _Entity) -> tuple[_Entity, _Entity] | None:
    """(the actor that stays, the one joined into it), or None when the two may be two bodies:
    two countries and neither is the knowledge base's, or both are."""
    if name.country and short.country and name.country != short.country and _known(name) == _known(short):
        return None
    if _known(short) and not _known(name) or not _known(name) and short.country and not name.country:
        return short, name
    return name, short


def _join(st: _State, keep: _Entity, gone: _Entity) -> None:
    """Move ``gone``'s mentions to ``keep``; a party's default sector (LEG) gives way to the
    other's GOV or OPP, an empty country or sector takes the other's; an IGO keeps no country."""
    keep.mentions |= gone.mentions
    if keep.sector == "LEG" and gone.sector in ("GOV", "OPP") and gone.country in (None, keep.country):
        keep.sector = gone.sector
    keep.fill(country=gone.country, sector=gone.sector)
    if "IGO" in (keep.sector, gone.sector):  # an international body has no country
        keep.country, keep.sector = None, "IGO"
    del st.entities[gone.key]
    for person, names in st.title_orgs.items():  # "FU leader X": the title names the kept actor
        st.title_orgs[person] = [keep.name if n == gone.name else n for n in names]


def _mention_owner(st: _State) -> dict[tuple[int, int], _Entity]:
    return {m: ent for ent in st.entities.values() for m in ent.mentions}


def _named(st: _State, short: str) -> _Entity | None:
    """The one body named by the short form elsewhere ("the FU said"), when the bracket's own
    words are no actor; None when none is, or several."""
    named = [e for e in st.entities.values() if e.kind in _BODIES and e.name == short]
    return named[0] if len(named) == 1 else None


def join_bracketed(st: _State) -> None:
    """Join a body's name and the abbreviation in brackets right after it (module docstring)."""
    owner = _mention_owner(st)
    for (s, e), ent in sorted(owner.items()):
        if ent.kind not in _BODIES or ent.key not in st.entities:
            continue
        found = _bracket_after(st.text, e)
        if found is None or not _whole_name(st, s, e):
            continue
        short = owner.get(found[:2]) or _named(st, st.text[found[0]:found[1]])
        if short is None or short is ent or short.kind not in _BODIES or short.key not in st.entities:
            continue
        pair = _winner(ent, short)
        if pair is not None:
            _join(st, *pair)
            owner = _mention_owner(st)
    name_unnamed(st)


def _name_before(st: _State, start: int):
    """The tagger's organisation or group name ending right before the bracket that opens at
    character ``start`` ("Freedom Union" of "Freedom Union (FU)"), or None."""
    before = st.text[:start].rstrip(" \t")
    return next((e for e in st.doc.ents if e.end_char == len(before) and e.label_ in _NAME_LABELS
                 and e.text[:1].isupper()), None)


def name_unnamed(st: _State) -> None:
    """"the Freedom Union (FU)" where only the short form is an actor: the name, with its
    bracket, is a mention of the short form's actor (none other may have a word of it)."""
    covered = [m for ent in st.entities.values() for m in ent.mentions]
    for ent in list(st.entities.values()):
        if ent.kind not in _BODIES:
            continue
        for s, e in sorted(ent.mentions):
            m = re.match(r"[ \t]*\)", st.text[e:])
            if m is None or not short_form(st.text[s:e]) or not st.text[:s].rstrip(" \t").endswith("("):
                continue
            name = _name_before(st, st.text[:s].rstrip(" \t").rfind("("))
            if name is None or any(a < name.end_char and name.start_char < b for a, b in covered):
                continue
            ent.mentions.add((name.start_char, e + m.end()))


def _name_start(st: _State, s: int, e: int) -> int:
    """Where the name a mention ends starts: the capitalised words right before it that modify
    it and no actor has ("Green" of "Green Democrats (GD)" where "Democrats" was read)."""
    span = st.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return s
    taken = {i for o in st.entities.values() for a, b in o.mentions if b <= s or a >= e
             if (sp := st.doc.char_span(a, b, alignment_mode="expand")) is not None for i in range(sp.start, sp.end)}
    i = span.start
    while i > 0 and (tok := st.doc[i - 1]).text[:1].isupper() and tok.i not in taken and not tok.is_sent_start \
            and tok.dep_ in ("compound", "amod") and span.start <= tok.head.i < span.end \
            and not re.search(r"-[a-z]", tok.text):  # not "Westland-backed"
        i -= 1
    return st.doc[i].idx


def widen_bracketed(st: _State) -> None:
    """Widen a body's mention over the abbreviation in brackets right after it; the short form's
    own mention, when it has one, stays inside."""
    for ent in st.entities.values():
        if ent.kind not in _BODIES:
            continue
        for s, e in sorted(ent.mentions):
            found = _bracket_after(st.text, e)
            if found is None or not _whole_name(st, s, e):
                continue
            others = [o for o in st.entities.values() if o is not ent and found[:2] in o.mentions
                      and o.kind in _BODIES]  # not a short form the tagger read as a person ("AB /CD")
            if others:
                continue  # another body's short form: not this name's
            ent.mentions.discard((s, e))
            ent.mentions.add((_name_start(st, s, e), found[2]))
