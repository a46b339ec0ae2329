"""Quotations, speakers and attributed claims: the ``newsgraph_quotes`` component.

Fills ``doc._.quotes`` (:class:`~newsgraph.records.Quote`) and
``doc._.claims`` (:class:`~newsgraph.records.Claim`). It runs after
``newsgraph_actors`` and links speakers with
:func:`newsgraph.extract.actor_for_span`; without actors, speaker ids are None
and ``speaker_text``/``speaker_span`` still say who spoke.

Four passes, each linear in the document:

1. **Quote marks** (:func:`quote_spans`, pure text): “…”, "…", «…», „…“ and
   ‘…’ pairs per paragraph. Apostrophes (Iran’s, voters’, ’90s) never pair. A
   quote left open at a paragraph end continues when the next paragraph
   reopens it (the multi-paragraph convention) and is dropped otherwise, so
   an unbalanced mark costs only its own quote. Quotes inside quotes stay
   part of the outer one.
2. **Frames** for each quote: a speech cue right after it ("“…,” he said",
   "“…,” said Zakharova") or before it ("Lukashenko said, “…”", "X told
   reporters: “…”", "Philip Bump: “…”", "“…” ― Carla Sanchez") makes a
   *direct* quote; only the tokens between the quote and its neighbours are
   searched, and subjects inside quotation marks are skipped. A quoted fragment inside a clause
   ("described rumours as “lies”", "referred to Biden as a “presidential
   candidate”") is *mixed*, spoken by the subject of the clause governing it.
   Fragments with no human subject up the tree (scare quotes, titles) are left out.
3. **Reported speech** (:mod:`newsgraph.extract.claims`): cue verbs with a
   clausal complement, "according to", "reportedly". Its docstring holds the
   rule that separates a quote from a claim.
4. **Continuations** (:mod:`newsgraph.extract.continued`): a quotation with no frame that stands
   as its own sentence after a quote or report with a speaker carries that speaker on
   ('"…," the mayor said. "The city has waited long enough."').

The cue lexicon is :mod:`newsgraph.extract.cues` (user-extendable through
``$NEWSGRAPH_CUES``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Claim, Quote
from ..records import Span as CharSpan
from . import doc_text
from .claims import _cspan, crosses, hard_breaks, reported_speech, resolve_speaker, speaker_mention, subject_of
from .continued import continued_quotes
from .cues import Cues, load_cues

__all__ = ["QuoteExtractor", "quote_spans", "is_apostrophe", "make_quotes"]

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_MARKS = re.compile(r"[\"“”«»„‘’]")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_OPENING_CONTEXT = " \t\n([{—–-/"


def is_apostrophe(text: str, i: int) -> bool:
    """Whether the ’ or ' at ``i`` is an apostrophe rather than a quote mark.

    Letters on both sides (Iran’s, don’t) or a digit after (’90s) make it an
    apostrophe. A plural possessive (voters’) is ambiguous and reported as
    not an apostrophe here; the pairing prefers other closers over it.
    """
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    return nxt.isdigit() and not prev.isalnum()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _is_opening_straight(text: str, i: int, start: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPENING_CONTEXT or not prev.isalnum() and prev not in ".,;:!?") and not nxt.isspace()


def _double_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs of double quote marks, as (open, close + 1)."""
    spans: list[tuple[int, int]] = []
    carried: int | None = None
    for n, (ps, pe) in enumerate(paragraphs):
        start = carried
        carried = None
        reopened = start is not None
        for m in _MARKS.finditer(text, ps, pe):
            ch, i = m.group(), m.start()
            if ch in "‘’":
                continue
            if reopened:  # the mark that reopens a continued quote
                reopened = False
                if ch in _DOUBLE_OPEN or ch == '"' and i == ps:
                    continue
                start = None
            if ch in _DOUBLE_OPEN or ch == '"' and start is None and _is_opening_straight(text, i, ps):
                start = i  # an unclosed earlier opener is dropped here
            elif ch in _DOUBLE_CLOSE or ch == '"':
                if start is not None:
                    spans.append((start, i + 1))
                    start = None
        if start is not None and n + 1 < len(paragraphs):
            nxt = text[paragraphs[n + 1][0]] if paragraphs[n + 1][0] < len(text) else ""
            if nxt in _DOUBLE_OPEN or nxt == '"':
                carried = start
    return spans


def _single_spans(text: str, paragraphs: list[tuple[int, int]], doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """‘…’ pairs outside double quotes, skipping apostrophes."""
    spans: list[tuple[int, int]] = []
    di = 0
    for ps, pe in paragraphs:
        marks = [m.start() for m in re.finditer("[‘’]", text[ps:pe])]
        k = 0
        while k < len(marks):
            i = ps + marks[k]
            while di < len(doubles) and doubles[di][1] <= i:
                di += 1
            inside = di < len(doubles) and doubles[di][0] < i < doubles[di][1]
            if text[i] != "‘" or inside or (i > 0 and text[i - 1].isalnum()):
                k += 1
                continue
            closers = [ps + j for j in marks[k + 1:] if text[ps + j] == "’" and not is_apostrophe(text, ps + j)]
            if not closers:
                break
            plain = [j for j in closers if not text[j - 1] in "sS"]
            close = plain[0] if plain else closers[0]
            spans.append((i, close + 1))
            k = next((n for n, j in enumerate(marks) if ps + j > close), len(marks))
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Well-formed top-level quotations in ``text`` as (start, end) char
    offsets including the marks, in text order; nested quotes are inside."""
    paragraphs = _paragraphs(text)
    doubles = _double_spans(text, paragraphs)
    singles = _single_spans(text, paragraphs, doubles)
    spans = sorted(doubles + singles)
    top: list[tuple[int, int]] = []
    for s, e in spans:
        if top and s < top[-1][1]:
            if e > top[-1][1]:
                top[-1] = (top[-1][0], e) if s > top[-1][0] else (s, e)
            continue
        top.append((s, e))
    return top


@dataclass
class _Frame:
    cue: Token | Span
    speaker: Span | None


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _token_at(doc: Doc, char: int) -> int | None:
    """Index of the first token starting at or after ``char`` (binary search)."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc) else None


def _cue_token(tok: Token, cues: Cues) -> bool:
    return tok.lemma_.lower() in cues.speech and tok.pos_ in ("VERB", "AUX", "NOUN")


def _paragraph_break(tok: Token) -> bool:
    return tok.is_space and "\n" in tok.text


_NOMINAL = ("PROPN", "PRON", "NOUN")
_NP_INNER = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART", "PUNCT", "ADV", "AUX", "ADP")


def _np_head(tok: Token) -> Token:
    """The head noun of the phrase ``tok`` sits in ("Bozell" in "Bozell notes"
    when the tagger took "notes" for a noun)."""
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head is not tok \
            and tok.head.pos_ in _NOMINAL and abs(tok.head.i - tok.i) <= 4:
        tok = tok.head
    return tok


_DASHES = "―—–"


def _dash_byline(doc: Doc, k: int, limit: int) -> _Frame | None:
    """ "“…” ― Carla Sanchez": a dash and a name right after the quote."""
    if k >= len(doc) or doc[k].text not in _DASHES:
        return None
    names = []
    for tok in doc[k + 1:k + 6]:
        if tok.idx >= limit or tok.is_space or not (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON"):
            break
        names.append(tok)
    if not names:
        return None
    return _Frame(doc[k], doc[names[0].i:names[-1].i + 1])


def _right_frame(doc: Doc, qend: int, cues: Cues, limit: int, strong: bool,
                 inside: Callable[[int], bool]) -> _Frame | None:
    """A cue just after the quote: "“…,” he said", "“…,” said Zakharova",
    "“…,” Trump barked" (any verb when ``strong``: the quote ends in a comma
    and a subject stands between it and the verb)."""
    k = _token_at(doc, qend)
    if k is None:
        return None
    byline = _dash_byline(doc, k, limit)
    if byline is not None:
        return byline
    nominals: list[Token] = []
    for tok in doc[k:min(len(doc), k + 14)]:
        if tok.idx >= limit or _paragraph_break(tok) or tok.text in ".!?;" or tok.text in _DOUBLE_OPEN:
            return None
        lemma = tok.lemma_.lower()
        speech = lemma in cues.speech and tok.pos_ in ("VERB", "AUX", "NOUN") and tok.tag_ not in ("VBG", "TO")
        if tok.tag_ == "VB" and tok.i > 0 and doc[tok.i - 1].lower_ == "to":
            return None  # "“…,” to describe those …": a purpose clause, not a frame
        if speech and tok.pos_ == "NOUN" and not nominals:
            speech = False  # "“…,” notes in the margin"
        if speech or (strong and tok.pos_ == "VERB" and nominals and tok.tag_ in ("VBD", "VBZ", "VBP")):
            if nominals:
                subj = subject_of(tok, skip=inside)
                if not speech and (subj is None or subj.i < k or tok.dep_ in ("relcl", "acl") or len(nominals) > 5):
                    return None
                head = subj if subj is not None and subj.i >= k else _np_head(nominals[-1])
                return _Frame(tok, speaker_mention(head))
            if not speech:
                return None
            after = next((t for t in doc[tok.i + 1:tok.i + 5] if t.pos_ in _NOMINAL), None)
            if after is None or after.idx >= limit:
                return _Frame(tok, None)
            return _Frame(tok, speaker_mention(_np_head(after)))
        if tok.pos_ in _NOMINAL:
            nominals.append(tok)
        elif tok.pos_ not in _NP_INNER:
            return None
        if len(nominals) > 8:
            return None
    return None


def _left_frame(doc: Doc, qstart: int, cues: Cues, floor: int, inside: Callable[[int], bool]) -> _Frame | None:
    """A cue before the quote: "Lukashenko said, “…”", "X told reporters: “…”",
    "Philip Bump: “…”". Only the last verb before the quote may be the cue."""
    before = _tokens(doc, max(floor, 0), qstart)
    if before is None or len(before) == 0:
        return None
    words = _words_back(doc, before, floor)  # the words before the quote, the last first
    toks = list(islice(words, 2))
    if not toks:
        return None
    last = toks[0]
    colon = last.text == ":"
    if last.text not in ",:—–-" and not _cue_token(last, cues):
        return None
    verb = None
    for tok in chain(toks, words):
        if tok.text in ".!?" and tok is not last:
            break
        if tok.lower_ == "according":
            pobj = next((g for c in tok.children for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None or pobj.idx < floor:
                return None
            return _Frame(doc[tok.i:tok.i + 2], speaker_mention(pobj))
        if tok.pos_ == "VERB" or _cue_token(tok, cues) and tok.pos_ != "NOUN":
            verb = tok
            break
    prev = toks[1] if len(toks) >= 2 else None
    if verb is not None and (_cue_token(verb, cues) or colon):
        subj = subject_of(verb, skip=inside)
        if subj is not None and inside(subj.idx):
            subj = None
        if _cue_token(verb, cues) or subj is not None and (_speaker_like(subj) or prev is None or prev.pos_ not in _NOMINAL):
            return _Frame(verb, speaker_mention(subj) if subj is not None else None)
    if colon and prev is not None:
        if prev.pos_ in _NOMINAL:
            return _Frame(last, speaker_mention(_np_head(prev)))
        ents = [e for e in before.ents if e.label_ in ("PERSON", "ORG", "NORP") and e.start_char >= floor]
        if ents:
            return _Frame(last, ents[-1])
    return None


def _words_back(doc: Doc, before: Span, floor: int) -> Iterator[Token]:
    """The tokens of ``before`` from ``floor`` on that are not whitespace, the last first, made
    as they are asked for: the rule reads back only to the cue (the span may reach back to the
    previous quote or the start of the article)."""
    for i in range(before.end - 1, before.start - 1, -1):
        tok = doc[i]
        if tok.idx < floor:
            return
        if not tok.is_space:
            yield tok


def _governing_frame(doc: Doc, span: Span, cues: Cues, breaks: list[int]) -> _Frame | None:
    """The clause a quoted fragment sits in: walk up to a verb with a subject;
    a cue verb on the way is the cue, else the nearest verb. The walk stays
    inside the paragraph."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    heads_out = [t for t in words if not span.start <= t.head.i < span.end]
    if not heads_out:
        return None
    tok = heads_out[0]
    first_verb: Token | None = None
    for _ in range(10):
        if tok.head is tok or crosses(breaks, tok.idx, tok.head.idx):
            break
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject_of(tok)
        lemma = tok.lemma_.lower()
        if subj is not None and crosses(breaks, subj.idx, tok.idx):
            subj = None
        if subj is not None and (lemma in cues.frame or lemma in cues.speech):
            return _Frame(tok, speaker_mention(subj))
        if subj is not None and first_verb is None:
            first_verb = tok
    if first_verb is not None:
        subj = subject_of(first_verb)
        if subj is not None and _speaker_like(subj):
            return _Frame(first_verb, speaker_mention(subj))
    return None


def _speaker_like(tok: Token) -> bool:
    """A person, organisation or people-pronoun: who can be quoted."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "i", "we")
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


_TITLE_BEFORE = {"’s", "'s", "on", "in", "of", "the", "titled", "entitled", "dubbed", "book", "show", "film",
                 "movie", "program", "programme", "song", "album", "series", "column", "headline", "slogan"}


def _is_title(text: str, qs: int, qe: int) -> bool:
    """A short capitalised name after "’s"/"on"/"titled" (“Morning Joe,”) names
    a show, a book or a slogan; it is not somebody's statement."""
    words = text[qs + 1:qe - 1].strip(" ,.").split()
    if not words or len(words) > 6 or not words[0][:1].isupper():
        return False
    head = text[max(0, qs - 12):qs].split()
    prev = head[-1].lower() if head else ""
    return prev in _TITLE_BEFORE or prev.endswith(("’s", "'s"))


_MINOR_WORDS = {"the", "of", "and", "a", "an", "in", "on", "for", "to", "is", "at", "with", "by", "or", "&"}


def _is_name_like(content: str) -> bool:
    """Title Case without a verb-like small word count (“Meet the Press”,
    “Fantastic Four”), or markup (“@cspan”, “2016-09-01”): a name, not speech."""
    words = content.strip(" ,.!?").split()
    if not words:
        return True
    if not any(c.isalpha() for c in content) or any(c in content for c in "@=<>/"):
        return True
    if len(words) > 6:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _MINOR_WORDS for w in words)


def _is_framed(text: str, qs: int, qe: int) -> bool:
    """A quote that stands as a statement: set off by , : or a paragraph
    start before it, or ending in , ? ! inside the marks."""
    j = qs - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    before = text[j] if j >= 0 else "\n"
    inner_end = text[qe - 2] if qe >= 2 else ""
    after = text[qe] if qe < len(text) else "\n"
    return before in ",:\n—–-" or inner_end in ",?!" or after == ","


class QuoteExtractor:
    """The ``newsgraph_quotes`` component (see the module docstring)."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Quote] = []
        claims: list[Claim] = []
        text = doc_text(doc)
        spans = quote_spans(text)
        breaks = hard_breaks(text)
        starts = [s for s, _ in spans]

        def inside(char: int) -> bool:
            k = bisect_right(starts, char) - 1
            return k >= 0 and char < spans[k][1]

        for n, (qs, qe) in enumerate(spans):
            prev_end = spans[n - 1][1] if n else 0
            next_start = spans[n + 1][0] if n + 1 < len(spans) else len(text)
            quote = self._quote(doc, text, (qs, qe), (prev_end, next_start), breaks, inside)
            if quote is not None:
                quotes.append(quote)
        direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        for item in reported_speech(doc, self.cues, direct, text):
            if isinstance(item, Claim):
                claims.append(item)
            else:
                quotes.append(item)
        quotes = _absorb_fragments(quotes, text)
        quotes += continued_quotes(doc, text, spans, quotes, claims)
        doc._.quotes = sorted(quotes, key=lambda q: (q.start, q.end))
        doc._.claims = sorted(claims, key=lambda c: (c.start, c.end))
        return doc

    def _quote(self, doc: Doc, text: str, span_chars: tuple[int, int], room: tuple[int, int], breaks: list[int],
               inside: Callable[[int], bool]) -> Quote | None:
        """One quotation with its frame, or None for an unattributed fragment.

        ``room`` is the gap to the neighbouring quotes, where its frame may be."""
        qs, qe = span_chars
        prev_end, next_start = room
        content_s, content_e = qs + 1, qe - 1
        if content_e - content_s < 1:
            return None
        framed = _is_framed(text, qs, qe) and not _is_title(text, qs, qe)
        frame = None
        if framed:
            ends_open = text[qe - 2] in ",?!" or (qe < len(text) and text[qe] == ",")
            comma = text[qe - 2] == "," or (qe < len(text) and text[qe] == ",")
            right = _right_frame(doc, qe, self.cues, next_start, comma, inside)
            left = _left_frame(doc, qs, self.cues, prev_end, inside)
            frame = (right or left) if ends_open else (left or right)
        kind = "direct"
        if frame is None:
            span = _tokens(doc, qs, qe)
            if span is None:
                return None
            if _is_name_like(text[content_s:content_e]):
                return None
            frame = _governing_frame(doc, span, self.cues, breaks)
            kind = "mixed"
            if frame is None:
                return None
            if framed and span.root.pos_ in ("VERB", "AUX"):
                kind = "direct"
        cue = frame.cue
        cue_span = (cue.idx, cue.idx + len(cue.text)) if isinstance(cue, Token) else (cue.start_char, cue.end_char)
        speaker = frame.speaker
        return Quote(start=content_s, end=content_e, text=text[content_s:content_e], kind=kind,
                     speaker=resolve_speaker(doc, speaker) if speaker is not None else None,
                     speaker_text=speaker.text if speaker is not None else None, speaker_span=_cspan(speaker),
                     cue=cue.text, cue_span=CharSpan(start=cue_span[0], end=cue_span[1]))


def _absorb_fragments(quotes: list[Quote], text: str) -> list[Quote]:
    """Indirect speech containing quoted fragments is mixed; its content is
    widened over their closing marks, and the fragments are not listed again."""
    fragments = [q for q in quotes if q.kind == "mixed" and q.cue_span is not None]
    drop: set[int] = set()
    for q in quotes:
        if q.kind != "indirect":
            continue
        inner = [f for f in fragments if q.start < f.end and f.start < q.end + 1]
        if not inner:
            continue
        q.kind = "mixed"
        q.start = min(q.start, min(f.start - 1 for f in inner))
        q.end = max(q.end, max(f.end + 1 for f in inner))
        q.text = text[q.start:q.end]
        drop.update(id(f) for f in inner)
    return [q for q in quotes if id(q) not in drop]


@Language.factory("newsgraph_quotes", assigns=["doc._.quotes", "doc._.claims"],
                  default_config={"cues_path": None})
def make_quotes(nlp: Language, name: str, cues_path: str | None) -> QuoteExtractor:
    """Factory: the lexicon is loaded and frozen once, here."""
    return QuoteExtractor(load_cues(cues_path))
