"""A party's own name built on a generic party word: one organisation, named in full.

"The Christian Democrats won and the Social Democrats conceded": the tagger splits such names
("Christian" a nationality-like word, "Democrats" a name) and the knowledge file's generic alias
("Democrats", the US Democratic Party) captures the head word, so two parties of one country
became one actor, "Democratic Party"; "the Sweden Democrats" became the state Sweden beside a
"Democratic Party"; "the Ontario Greens" the state Canada; "the Social Democrats" a group with no
country or sector. Here a capitalised modifier that makes a party's name ("Christian", "Free",
"Social", ``data/party_names.tsv``) or a country, nationality or region word opening the name,
before a generic party word ("Democrats", "Greens", "Labour", "Party"), makes one span: the whole
name is an organisation (LEG, the party default; ``govern`` then reads the dated standing),
its country is the one its national word gives, else a region's (``place_named``), else the
story's, as for any party. A bare "the Greens" that nothing else reads is a party the same way.

Not widened: a person's or a number's word ("Bush Republicans", "three Democrats"), a wing's
("Young Socialists", "Congressional Democrats"), a possessor ("Ruritania's Democrats": the
knowledge file reads that), nor a name the tagger reads longer than ours.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.strings import get_string_id
from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from .. import kind_words
from ..tokens import token_view
from .knowledge import country_of
from .named_place import region_country
from .state import _State

_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the"})


def _words() -> dict[str, frozenset[str]]:
    """kind -> words of ``data/party_names.tsv`` (case kept)."""
    return kind_words("party_names.tsv", lower=False)


def _place_start(tok: Token) -> int | None:
    """The first token of a country, nationality or region name that ends at ``tok`` ("Sweden",
    "Australian", "Ontario", "New Zealand"), or None."""
    if not tok.text[:1].isupper() or tok.ent_type_ == "PERSON":
        return None
    start = tok.i
    if tok.ent_type_ in _PLACE_LABELS:
        while start > 0 and tok.doc[start].ent_iob_ == "I":
            start -= 1  # the entity may run on over the party word ("Ontario Greens" as one place)
    name = tok.doc[start:tok.i + 1].text
    return start if country_of(name) is not None or region_country(name) is not None else None


def _modifier_start(doc, j: int, modifiers: frozenset[str]) -> int | None:
    """The first token of the party-name modifier ending at token ``j``, or None."""
    tok = doc[j]
    if tok.text in _POSSESSIVE and j > 0 and doc[j - 1].text + tok.text in modifiers:
        return j - 1  # "People's", "Workers'"
    if tok.text in modifiers and tok.ent_type_ != "PERSON":
        return j
    return None


def party_span(doc, head: int) -> TokSpan | None:
    """The party name a generic party word at ``head`` ends ("the Sweden Democrats",
    "Pakistan People's Party"), when a modifier makes it one; else None."""
    words = _words()
    tok = doc[head]
    if tok.text not in words.get("head", ()) or not tok.is_title and not tok.is_upper:
        return None
    start, j = head, head - 1
    while j >= 0:
        if (m := _modifier_start(doc, j, words.get("modifier", frozenset()))) is not None:
            start, j = m, m - 1
            continue
        if (p := _place_start(doc[j])) is not None and not (j > 0 and doc[j - 1].text in _POSSESSIVE):
            start = p
        break
    if start == head or _named_on(doc, head):
        return None
    return TokSpan(doc, start, head + 1, label="ORG")


def _named_on(doc, head: int) -> bool:
    """Does the name go on after the party word ("Progressive Democrats of America", "the
    People's Party for Freedom", "the Workers Labour Union")? Then it is a longer name, not ours
    to cut."""
    if head + 1 >= len(doc):
        return False
    nxt = doc[head + 1]
    after = head + 3 if head + 2 < len(doc) and doc[head + 2].lower_ == "the" else head + 2
    if nxt.lower_ in ("of", "for") and after < len(doc) and doc[after].text[:1].isupper():
        return True  # "the Alliance for the Restoration of X"
    return nxt.is_title and nxt.pos_ == "PROPN" and doc[head].dep_ == "compound"


def _bare_span(doc, i: int) -> TokSpan | None:
    """"the Greens", "the Social Democrats": a bare party word after "the"."""
    bare = _words().get("bare", frozenset())
    for n in (2, 1):
        if i + n <= len(doc) and i > 0 and doc[i - 1].lower_ in _DETERMINERS \
                and doc[i:i + n].text in bare and (i + n == len(doc) or doc[i + n].text not in _words()["head"]):
            return TokSpan(doc, i, i + n, label="ORG")
    return None


@cache
def _first_words() -> frozenset[str]:
    """The words a party name can be found at: a generic party word (``head``) or the first word
    of a bare name ("Social" of "Social Democrats", "People" of "People's Party")."""
    words = _words()
    return words.get("head", frozenset()) | {re.split(r"[\s'’]", b)[0] for b in words.get("bare", ())}


@cache
def _first_hashes() -> frozenset[int]:
    """:func:`_first_words` as the ids the token view's ``orth`` column holds (a token's text is
    one of them exactly when its id is: a spaCy symbol's id, else the string's hash)."""
    return frozenset(map(get_string_id, _first_words()))


def party_names(st: _State, candidates: list[TokSpan]) -> tuple[list[TokSpan], dict[int, list[TokSpan]]]:
    """The candidates with each party name built on a generic word as one span (replacing the
    pieces the tagger and the knowledge file read inside it), and those spans' start tokens with
    the pieces they replace. A candidate that reaches outside the name keeps its reading."""
    doc, parties = st.doc, {}
    found: list[TokSpan] = []
    first = _first_hashes()
    for i, orth in enumerate(token_view(doc).orth):
        if orth not in first:
            continue  # neither a party word nor the first word of a bare name: most tokens
        span = party_span(doc, i) or _bare_span(doc, i)
        if span is not None and not any(s.start <= span.start < s.end or s.start < span.end <= s.end
                                        for s in found):
            found.append(span)
    out = list(candidates)
    for span in found:
        inside = [c for c in out if c.start < span.end and span.start < c.end]
        if any(c.start < span.start or c.end > span.end for c in inside):
            continue  # "the Young Christian Democrats": the tagger's longer name stands
        if any((c.start, c.end) == (span.start, span.end) and c.label_ == "ORG" for c in inside):
            parties[span.start] = [c for c in inside if (c.start, c.end) == (span.start, span.end)]
            continue  # "Scottish Labour": already read whole; a party all the same
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (span.start, span.end) \
                and st.kb.surface.get(inside[0].text, ("",))[0] == "entity":
            continue  # "Liberal Democrats": the knowledge file's own name
        out = [c for c in out if c not in inside] + [span]
        parties[span.start] = inside
    return sorted(out, key=lambda s: s.start), parties
