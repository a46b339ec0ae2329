"""Continuation quotations: a quotation with no frame of its own that goes on in the voice of
the speaker named just before it.

News text names a speaker once and quotes on over several sentences or paragraphs::

    "We will not give in," the mayor said. "The city has waited long enough."
    The union said it would strike on Monday. "Nobody wants this, but we have no choice."

The second quotation has no speech verb; a reader gives it the speaker of the quote or report
that ends just before it. This is the "previous speaker carries over" rule of quote
attributors, kept strict so that a quotation is never handed to the wrong person:

* the quotation stands as its own sentence (it opens its sentence, after a sentence end or a
  paragraph break, and ends it) and has at least four words (no scare quote or title);
* a quote or report with a speaker (not "I" or "nothing": a misread frame) ends in the
  sentence just before it (or is itself such a continuation: a chain of quoted sentences), and
  the words between that attribution and the quotation name no other party as a clause subject;
* no direct or mixed record covers it (an indirect report read inside the marks does not).

The paragraph convention (a quote left open at a paragraph's end and reopened) is handled
when the marks are paired (:func:`.quotes.quote_spans`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Claim, Quote
from .tokens import sentence_chars

__all__ = ["continued_quotes"]

_SENT_END = ".!?…"
_CLOSERS = "\"”’'"
_MIN_WORDS = 4
_SUBJECTS = ("nsubj", "nsubjpass")
_SPEAKING_PRONOUNS = ("he", "she", "they")


def _opens_sentence(text: str, qs: int) -> bool:
    """Only whitespace and a sentence end (maybe a closing mark after it) before ``qs``."""
    j = qs - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    while j > 0 and text[j] in _CLOSERS + ")":
        j -= 1
    return text[j] in _SENT_END


def _ends_sentence(text: str, qs: int, qe: int) -> bool:
    """The quotation's last word ends a sentence: a stop inside the marks, or right after."""
    inner = text[qs + 1:qe - 1].rstrip()
    if inner and inner[-1] in _SENT_END:
        return True
    rest = text[qe:qe + 2].lstrip(" \t")
    return not rest or rest[0] in ".\n"


def _standalone(text: str, qs: int, qe: int) -> bool:
    return len(text[qs + 1:qe - 1].split()) >= _MIN_WORDS and _opens_sentence(text, qs) \
        and _ends_sentence(text, qs, qe)


def _carried(doc: Doc, item: Quote | Claim) -> bool:
    """A speaker that can be carried on: not a pronoun other than he/she/they (a quote's "I",
    "nothing" or "everything" as its speaker is a misread frame)."""
    span = _speaker_span(item)
    mention = doc.char_span(span.start, span.end, alignment_mode="expand")
    if mention is None or len(mention) == 0:
        return False
    root = mention.root
    return root.pos_ != "PRON" or root.lower_ in _SPEAKING_PRONOUNS


def _frame_end(item: Quote | Claim) -> int:
    """Where an attribution's words end: its content, closing mark, cue or speaker."""
    ends = [item.end + 1]
    for span in (getattr(item, "cue_span", None), getattr(item, "speaker_span", None),
                 getattr(item, "source_span", None)):
        if span is not None:
            ends.append(span.end)
    return max(ends)


def _speaker_span(item: Quote | Claim):
    return item.speaker_span if isinstance(item, Quote) else item.source_span


def _who(item: Quote | Claim) -> tuple[str | None, str | None]:
    """The speaker's actor id and text of a quote, or the source of a claim."""
    return (item.speaker, item.speaker_text) if isinstance(item, Quote) else (item.source, item.source_text)


def _previous_sentence_start(doc: Doc, qs: int) -> int | None:
    """The start of the sentence before the one ``qs`` opens."""
    span = doc.char_span(max(0, qs - 3), qs, alignment_mode="expand")
    toks = [t for t in span or () if not t.is_space and t.idx < qs]
    if not toks:
        return None
    return sentence_chars(doc, toks[-1].i)[0]


def _other_subject(doc: Doc, start: int, end: int, speaker) -> bool:
    """A clause subject between the attribution and the quotation that is not its speaker
    (a party told of in a sentence between breaks the chain)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for tok in span or ():
        if tok.idx < start or tok.dep_ not in _SUBJECTS or tok.head.dep_ == "relcl":
            continue
        if speaker is not None and speaker.start <= tok.idx < speaker.end:
            continue
        return True
    return False


def continued_quotes(doc: Doc, text: str, spans: list[tuple[int, int]], quotes: list[Quote],
                     claims: list[Claim]) -> list[Quote]:
    """Direct quotes for the quotation-mark spans no record covers that continue the speaker
    of the attribution just before them (module docstring)."""
    attributions = [q for q in quotes if q.speaker_span is not None] + \
        [c for c in claims if c.source_span is not None]
    covered = [(q.start, q.end) for q in quotes if q.kind != "indirect"]  # a report read inside the marks
    added: list[Quote] = []
    for qs, qe in spans:
        if any(s < qe and qs < e for s, e in covered) or not _standalone(text, qs, qe):
            continue
        before = [a for a in attributions if _frame_end(a) <= qs]
        if not before:
            continue
        prev = max(before, key=_frame_end)
        lo = _previous_sentence_start(doc, qs)
        end = _frame_end(prev)
        speaker, speaker_text = _who(prev)
        if lo is None or end <= lo or not _carried(doc, prev):
            continue  # the attribution ends before the sentence just before the quotation
        if _other_subject(doc, end, qs, _speaker_span(prev)):
            continue
        quote = Quote(start=qs + 1, end=qe - 1, text=text[qs + 1:qe - 1], kind="direct", speaker=speaker,
                      speaker_text=speaker_text, speaker_span=_speaker_span(prev), cue=None, cue_span=None)
        added.append(quote)
        attributions.append(quote)
    return added

