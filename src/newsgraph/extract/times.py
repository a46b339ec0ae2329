"""The ``newsgraph_times`` component: TIMEX3 time expressions in ``doc._.times``.

Candidates come from our own recogniser (:func:`timex.find`, which knows
TimeML's extent conventions) plus spaCy's DATE/TIME entities that it missed.
Each is normalised against ``doc._.published`` and the tense of the verb
that governs it, so "on Sunday" in a report resolves to the past Sunday and
"will meet on Tuesday" to the coming one. ``dateparser`` is only a cached
fallback for entity text our rules cannot read.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Time
from . import doc_ents, doc_text, ext, register_extensions
from .timex import Tense, Timex, find, normalise

__all__ = ["TimeExtractor", "tense_of"]

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d", "gon"}
_PAST_AUX = {"had", "has", "have", "'ve", "'s", "did"}
_BE = {"is", "are", "am", "'re", "'m"}
# spaCy entities that are not time expressions in TimeML (ages, vague eras)
_ENT_STOP = re.compile(r"^(?:the )?(?:day|days|time|times|years? old|\d+ years? old|ages?|\d{1,3}|\d+ years?)$"
                       r"|(?:year|month|week|day)s?-old\b|\bage", re.I)


# words whose dates lie ahead even in a past-tense report ("a dividend payable Dec. 7")
_FUTURE_WORDS = {"payable", "effective", "upcoming"}
# verbs that put their own or their infinitive's date ahead unless pluperfect
# ("has scheduled a press briefing Friday", "is scheduled to meet Tuesday")
_PLAN_VERBS = {"plan", "schedule", "slate", "expect", "intend", "due", "set", "prepare", "hope", "aim"}


def _soon(span: Span) -> bool:
    """"as soon as Tuesday", "as early as next week" read as future."""
    doc, i = span.doc, span.start
    if i == 0:
        return False
    last = doc[i - 1]  # the three tokens before, as their Span's text: up to the end of the last
    before = doc_text(doc)[doc[max(0, i - 3)].idx:last.idx + len(last)].lower()
    return before.endswith("as soon as") or before.endswith("as early as")


def _until(span: Span) -> bool:
    """"until Tuesday": a deadline, ahead of the report unless in the pluperfect."""
    i = span.start
    return i > 0 and span.doc[i - 1].lower_ in ("until", "till")


def _verb_tense(tok: Token) -> Tense:
    """Tense of one verb from its tag and auxiliaries."""
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if words & _FUTURE_AUX or "going" in words:
        return "future"
    if tok.tag_ == "VBD" or words & _PAST_AUX and tok.tag_ == "VBN" or words & {"was", "were", "did", "had"}:
        return "past"
    if tok.tag_ == "VBG" and words & _BE:
        return "future"  # "is meeting Tuesday"
    if tok.tag_ in ("VBZ", "VBP") or words & _BE:
        return "present"
    return None


def tense_of(span: Span) -> Tense:
    """The tense of the clause governing ``span``: "past", "present", "future" or None.

    Walks up from the span's root to the nearest verb and reads its tag and
    auxiliaries ("will meet" future, "met"/"has met" past, "is meeting" future);
    an infinitive takes the tense of the verb it depends on, and "scheduled to",
    "expected to" look ahead unless they are themselves in the past.
    """
    tok = span.root
    chain = []
    for _ in range(6):
        chain.append(tok)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    else:
        return None
    if any(t.lemma_.lower() in _FUTURE_WORDS for t in chain[1:]) or _soon(span):
        return "future"
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if "had" not in words and (tok.lemma_.lower() in _PLAN_VERBS or _until(span)):
        return "future"  # "has scheduled a press briefing Friday", "postponed until Tuesday"
    if "to" in words and words & {"have", "'ve"}:
        return "past"  # "claims to have won the August 9 elections"
    if "to" in words and tok.head is not tok and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        head = tok.head
        head_tense = _verb_tense(head)
        head_aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if head.lemma_.lower() in _PLAN_VERBS and "had" not in head_aux:
            return "future"
        return head_tense if head_tense != "present" else "future"
    return _verb_tense(tok)


def _as_date(value: object) -> dt.date | None:
    """The publication date as a plain date (a datetime or ISO string is tolerated)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class TimeExtractor:
    """Fills ``doc._.times`` with :class:`newsgraph.records.Time` records."""

    def __init__(self, use_entities: bool = True, fallback: bool = True) -> None:
        self.use_entities = use_entities
        self.fallback = fallback

    def __call__(self, doc: Doc) -> Doc:
        anchor = _as_date(ext(doc, "published"))
        text = doc_text(doc)
        quarters = text.lower().count("quarter")
        fiscal = quarters >= 2  # an earnings story
        # the sentence only matters for "a year ago" next to a "quarter"; has_annotation is O(n)
        sents = quarters > 0 and doc.has_annotation("SENT_START")
        times: list[Time] = []
        for start, end in self._candidates(doc, text):
            rec = self._record(doc, text[start:end], start, end, anchor, fiscal, sents)
            if rec is not None:
                times.append(rec)
        doc._.times = times
        return doc

    def _candidates(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Our recogniser's spans, then spaCy DATE/TIME entities that overlap none."""
        spans = find(text)
        if not self.use_entities:
            return spans
        taken = [(s, e) for s, e in spans]
        extra = []
        for ent in doc_ents(doc):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            s, e = ent.start_char, ent.end_char
            if any(s < te and ts < e for ts, te in taken):
                continue
            if _ENT_STOP.search(ent.text):
                continue
            extra.append((s, e))
        return sorted(spans + extra)

    def _record(self, doc: Doc, text: str, start: int, end: int, anchor: dt.date | None,
                fiscal: bool = False, sents: bool = False) -> Time | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        tense = tense_of(span)
        ctx = span.sent.text if sents else ""
        tx = normalise(text, anchor, tense, context=ctx, fiscal=fiscal)
        if tx is None and self.fallback:
            tx = _dateparser_fallback(text, anchor)
        if tx is None:
            return None
        return Time(start=start, end=end, text=text, type=tx.type, value=tx.value, mod=tx.mod)


_DP_OK = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[/.-]\d{1,2}[/.-]\d", re.I)


@lru_cache(maxsize=2048)
def _dateparser_fallback(text: str, anchor: dt.date | None) -> Timex | None:
    """Last resort for absolute dates in odd formats; None when unsure or unanchored."""
    if anchor is None or not _DP_OK.search(text) or len(text) > 40:
        return None
    import dateparser

    base = dt.datetime(anchor.year, anchor.month, anchor.day)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        got = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if got is None:
        return None
    return Timex("DATE", got.date().isoformat())


@Language.factory("newsgraph_times", default_config={"use_entities": True, "fallback": True})
def make_times(nlp: Language, name: str, use_entities: bool, fallback: bool) -> TimeExtractor:
    """spaCy factory for :class:`TimeExtractor`."""
    register_extensions()
    return TimeExtractor(use_entities=use_entities, fallback=fallback)
