"""Who speaks a quotation the quote layer gives no speaker: the one whose quote it continues,
or the party whose statement a colon introduces.

A first-person "we" or "I" inside a quotation is its speaker's side (:func:`.resolve._speaker_of`),
but news text often quotes one speaker over several quotations and names them once:

* ``"We will not sign," said the minister. "But we are ready to talk."`` — the second quotation
  has no cue of its own; it goes on in the voice of the speaker named just before it. A
  quotation with no speaker that opens its sentence, and whose text before it, back to the
  sentence before its own, holds the end of a quote or report that has one, continues that
  speaker (a party told of in a sentence between breaks the chain);
* ``The ministry issued a statement: "We regret the decision."`` — a quotation opened right
  after a colon, with no speaker, is spoken by the subject of the clause the colon ends, when
  that subject is an actor.

Only quotation marks the quote layer pairs (:func:`..quotes.quote_spans`) count: a first person
outside quotation marks (an interview's answers, an opinion column) is left alone, and so is one
a quote or report with a speaker covers, or the actor layer links (session 15: on 600 unseen
articles 18 changes in 14, 16 right).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from .. import actor_for_span, doc_text, ext
from ..quotes import quote_spans
from ..tokens import doc_memo, sentence_chars, token_view
from .countries import _SUBJ


def _marks(doc: Doc) -> list[tuple[int, int]]:
    """The document's quotation-mark spans, once per doc."""
    memo = doc_memo(doc, "quote_marks")
    if "spans" not in memo:
        memo["spans"] = quote_spans(doc_text(doc))
    return memo["spans"]


def unnamed_speaker(doc: Doc, pron: Token) -> str | None:
    """The actor id of the speaker of the quotation a pronoun stands in, when the quote layer
    names none (module docstring); None outside quotation marks or when no one is found."""
    spans = _marks(doc)
    i = bisect_right(spans, (pron.idx, len(doc_text(doc)))) - 1
    if i < 0 or not spans[i][0] <= pron.idx < spans[i][1]:
        return None
    start, end = spans[i]
    quotes = list(ext(doc, "quotes") or ())
    if any(q.speaker and q.start <= pron.idx < q.end for q in quotes) \
            or actor_for_span(doc, pron.idx, pron.idx + len(pron.text)):
        return None  # the quote or actor layer's speaker ('"I ...," said X' read as a report)
    framed = any(q.start < end and start < q.end and q.kind != "indirect" for q in quotes)
    return _introduced(doc, start) or (None if framed else _continued(doc, quotes, start))


def _continued(doc: Doc, quotes: list, start: int) -> str | None:
    """The speaker of the quote or report that ends nearest before ``start``, back to the
    sentence before the quotation's own, when the quotation opens its sentence."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    start_tok = token_view(doc).sent_bounds(first.start)[0]
    if start_tok == 0 or any(not t.is_punct and not t.is_space for t in doc[start_tok:first.start]):
        return None  # "She was quoted as saying '...'": a quotation framed in its own sentence
    lo = sentence_chars(doc, start_tok - 1)[0]
    before = [q for q in quotes if q.speaker and lo <= q.end <= start]
    if not before:
        return None
    return max(before, key=lambda q: q.end).speaker


def _introduced(doc: Doc, start: int) -> str | None:
    """The actor subject of the clause a colon just before the quotation ends ("X issued a
    statement: '...'")."""
    text = doc_text(doc)
    if not text[max(0, start - 3):start].rstrip().endswith(":"):
        return None
    colon = doc.char_span(start - 3, start, alignment_mode="expand")
    tok = next((t for t in colon or () if t.text == ":"), None) if colon is not None else None
    if tok is None:
        return None
    verb = doc[tok.i - 1]
    while verb.head.i < tok.i and verb.head.i != verb.i:
        verb = verb.head  # up to the clause the colon ends (the parse may hang it on the quote)
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return actor_for_span(doc, subj.idx, subj.idx + len(subj.text))
