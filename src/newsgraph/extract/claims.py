"""Reported speech from the dependency parse: indirect quotes and claims.

A cue verb (see :mod:`newsgraph.extract.cues`) with a clausal complement
(``ccomp``, or ``xcomp`` for "promised to …") reports content; its subject is
the source. "According to X, …" and sourceless "reportedly …" are claims too.

Where a quote ends and a claim begins (the rule the records follow):

* **quote** — a statement by a named person or an official body (a proper
  name, a title, a pronoun standing for one), introduced by a speech verb
  (said, told, stated, warned …): "Kolesnikova stated that …",
  "France said on Tuesday it would …".
* **claim** — everything attributed but not vouched for as someone's
  statement: reports and hearsay by media ("Russian media reported that"),
  unnamed or generic sources ("officials said", "analysts say", "the rights
  group said"), "according to …", reporting verbs (report, suggest, allege,
  rumour, estimate, claim), beliefs (think, believe, expect …), and clauses
  marked "reportedly"/"allegedly" with no source. A claim is ``hedged`` when
  the cue hedges (suggest, allege, claim …) or a hedge word (might, could,
  may, reportedly, allegedly, rumours …) sits in the frame or the content.

The module also holds the span helpers quotes share: the compact speaker
mention of a subject token and speaker resolution to actor ids (with a
pronoun fallback when the actors component has not covered the pronoun).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from collections.abc import Callable
from functools import lru_cache

from spacy.strings import get_string_id, hash_string
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..records import Claim, Quote
from ..records import Span as CharSpan
from . import actor_for_span, doc_ents, doc_text, ext, kept_per_doc
from .cues import Cues
from .tokens import lower_of, token_view

__all__ = ["speaker_mention", "subject_of", "resolve_speaker", "reported_speech", "is_claim_source",
           "hard_breaks", "crosses"]

_HARD_BREAK = re.compile(r"(?<=[.!?:;”\"»’)\]*_])[ \t]*\n[ \t]*\n")


def hard_breaks(text: str) -> list[int]:
    """Offsets of paragraph breaks that end a sentence. A break after a
    dangling word ("Lukashenko and Putin / struck a deal") is a page break
    inside a sentence and is not hard. The last text's are kept (quotes and claims each ask
    for the same article's); callers must not change the list."""
    global _BREAKS
    if _BREAKS[0] is not text:
        _BREAKS = (text, [m.start() for m in _HARD_BREAK.finditer(text)])
    return _BREAKS[1]


_BREAKS: tuple[str | None, list[int]] = (None, [])
kept_per_doc(__name__, "_BREAKS", lambda: (None, []))


def crosses(breaks: list[int], a: int, b: int) -> bool:
    """Whether a hard paragraph break lies between chars ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    k = bisect_left(breaks, lo)
    return k < len(breaks) and breaks[k] < hi

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_MENTION_DEPS = {"compound", "flat", "amod", "det", "poss", "nmod", "case", "nummod", "punct"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me"}
_GROUP_PRONOUNS = {"it", "they", "them", "we"}
_PRONOUN_ENTS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GPE", "NORP"),
                 "they": ("ORG", "GPE", "NORP", "PERSON"), "we": ("ORG", "GPE", "NORP")}


def speaker_mention(tok: Token) -> Span:
    """The compact noun phrase of ``tok``: its name, title and determiners,
    without appositions or relative clauses (which would swallow the clause
    the speaker is the subject of)."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _MENTION_DEPS and not (c.dep_ == "punct" and c.i > tok.i):
                keep.append(c)
                stack.append(c)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep)
    doc = tok.doc
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo:hi + 1]


def subject_of(verb: Token, depth: int = 4, skip: Callable[[int], bool] | None = None) -> Token | None:
    """The subject of ``verb``, inherited through conjunctions and participles
    ("stated" in "Lavrov pointed … and stated", "saying" in "…, saying …").

    A passive cue's subject is the addressee or the topic ("he was asked"), so
    the source is its ``by`` agent or nobody; a relative pronoun stands for
    the noun it modifies. ``skip(char)`` rules out candidates (those inside
    quotation marks, which the parser sometimes takes for subjects).
    """
    for _ in range(depth):
        participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "acl", "conj", "pcomp")
        if not participle:
            for c in verb.children:
                if c.dep_ in ("nsubj", "csubj"):
                    if skip is not None and skip(c.idx):
                        continue
                    if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                        return verb.head
                    return c
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.dep_ in ("nsubjpass", "auxpass"):
                    return None
        head = verb.head
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "relcl") and head is not verb:
            if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
                return head
            if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                if head.dep_ in ("nsubj",) or head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
                    return head  # "footage of Trump saying …"
                head = head.head  # "emailed supporters saying …"
            elif verb.dep_ == "pcomp" and head.pos_ == "ADP":
                head = head.head  # "by saying …"
            verb = head
        else:
            break
    return None


def _antecedent(doc: Doc, pron: Token) -> Span | None:
    """Nearest preceding compatible entity, subjects first, within three sentences.

    The fallback for pronoun speakers that no actor mention covers.
    """
    labels = _PRONOUN_ENTS.get(pron.lower_)
    if not labels:
        return None
    view = token_view(doc)
    if view.has_sents:  # the starts of doc.sents up to the pronoun, without a Span per sentence
        starts = view.sent_starts
        k = bisect_right(starts, pron.i)
    else:
        starts = [s.start for s in doc.sents]
        k = sum(1 for s in starts if s <= pron.i)
    floor = starts[k - 4] if k >= 4 else 0
    candidates = [e for e in doc_ents(doc) if e.label_ in labels and floor <= e.start and e.end <= pron.i]
    if not candidates:
        return None
    subjects = [e for e in candidates if e.root.dep_ in _SUBJ]
    return (subjects or candidates)[-1]


def resolve_speaker(doc: Doc, mention: Span) -> str | None:
    """Actor id for a speaker mention, via the actors' mentions: the actor of the phrase's head
    word first ("Electoral Commission chairman Ana Ruiz" is Ana Ruiz, though the body's name is
    longer), else the one covering most of it ("an Acme spokesman": Acme); a pronoun no actor
    covers is resolved to its antecedent entity first."""
    if ext(doc, "actors") is None:
        return None
    root = mention.root if len(mention) > 1 else None
    found = actor_for_span(doc, root.idx, root.idx + len(root.text)) if root is not None else None
    if found is None:
        found = actor_for_span(doc, mention.start_char, mention.end_char)
    if found is None and len(mention) == 1 and mention[0].pos_ == "PRON":
        ante = _antecedent(doc, mention[0])
        if ante is not None:
            found = actor_for_span(doc, ante.start_char, ante.end_char)
    return found


def is_claim_source(mention: Span | None, cues: Cues) -> bool:
    """Media, unnamed or generic sources make claims rather than quotes."""
    if mention is None:
        return True
    root = mention.root
    if root.pos_ == "PRON":
        return root.lower_ in ("some", "others", "many", "someone")
    words = {t.lower_ for t in mention} | {root.lemma_.lower()}
    if words & cues.media_sources and not any(t.ent_type_ == "PERSON" for t in mention):
        return True
    if root.pos_ != "PROPN" and (root.lower_ in cues.generic_sources or root.lemma_.lower() in cues.generic_sources):
        return not any(t.pos_ == "PROPN" and t.ent_type_ in ("PERSON",) for t in mention)
    return False


def _char_span(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Token range [lo, hi] as chars, trimmed of edge punctuation and ``that``."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in "”’\"»":
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


_TOPIC_PREPS = {"about", "on", "for", "of", "against", "over", "regarding", "concerning", "toward", "towards"}
_SETTING_NOUNS = {"statement", "interview", "speech", "conference", "tweet", "post", "show", "rally", "debate",
                  "radio", "television", "tv", "program", "programme", "broadcast", "hearing", "event", "call",
                  "meeting", "release", "briefing", "appearance", "email", "letter", "op", "remarks"}


def _is_setting(prep: Token) -> bool:
    """ "in a statement", "on Monday", "at a rally": where and when, not what."""
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return True
    if pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in _SETTING_NOUNS:
        return True
    return prep.lower_ not in _TOPIC_PREPS


def _parenthetical(verb: Token) -> tuple[int, int] | None:
    """ "The economy, the minister said, is recovering": the clause around
    the parenthetical cue, up to a semicolon."""
    head = verb.head
    lo, hi = head.left_edge.i, head.right_edge.i
    doc = verb.doc
    stop = next((t.i for t in doc[verb.i:hi + 1] if t.text == ";"), None)
    if stop is not None:
        hi = stop - 1
    if verb.left_edge.i <= lo:
        lo = verb.right_edge.i + 1
    elif verb.right_edge.i >= hi:
        hi = verb.left_edge.i - 1
    return (lo, hi) if hi > lo else None


def _content_range(verb: Token, cues: Cues) -> tuple[int, int] | None:
    """Token range of what ``verb`` reports: its clause (ccomp), its
    to-infinitive for "promised to …", or for topic verbs its object and
    about/on/for-phrases ("criticised Trump over his call …")."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "ccomp":
            return c.left_edge.i, c.right_edge.i
    if lemma in cues.infinitive:
        for c in verb.children:
            if c.dep_ == "xcomp" and c.i > verb.i:
                return c.left_edge.i, c.right_edge.i
    if verb.dep_ == "parataxis" and lemma in cues.speech:
        return _parenthetical(verb)
    if lemma not in cues.topic:
        return None
    parts = [c for c in verb.rights
             if c.dep_ in ("dobj", "attr", "oprd") or c.dep_ == "prep" and not _is_setting(c)]
    if not parts:
        return None
    return parts[0].left_edge.i, parts[-1].right_edge.i


def _dangling_that(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """Content of "reported that …" when a page break split the sentence:
    the rest of the sentence and the whole next one."""
    nxt = verb.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ != "that":
        return None
    sent_end = verb.sent.end
    if not any(doc[i].is_space and "\n" in doc[i].text for i in range(nxt, min(sent_end + 1, len(doc)))):
        return None
    follow = doc[sent_end].sent if sent_end < len(doc) else None
    if follow is None:
        return None
    if doc[follow.start].is_space and follow.end < len(doc):
        follow = doc[follow.end].sent
    return _char_span(doc, nxt + 1, follow.end - 1)


_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "al", "ing", "war", "ism")
_PEOPLE_PRONOUNS = {"he", "she", "they", "we", "i", "you", "who"}


def _source_like(doc: Doc, tok: Token, cues: Cues) -> bool:
    """Someone who can say, want or promise things: a person, an organisation,
    a people-pronoun, a known actor, or a media or generic source noun."""
    if tok.pos_ == "PRON":
        return tok.lower_ in _PEOPLE_PRONOUNS
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    if lemma in cues.generic_sources or lemma in cues.media_sources or tok.lower_ in cues.generic_sources:
        return True
    if ext(doc, "actors") is not None and actor_for_span(doc, tok.idx, tok.idx + len(tok.text)):
        return True
    return tok.pos_ == "PROPN" or not tok.lemma_.lower().endswith(_ABSTRACT)


def _hedged(doc: Doc, cue: Token | None, content: tuple[int, int], cues: Cues) -> bool:
    if cue is not None:
        if cue.lemma_.lower() in cues.hedge_cues or cue.lower_ in cues.hedges:
            return True
        if any(c.lower_ in cues.hedges for c in cue.children if c.dep_ in ("advmod", "aux")):
            return True
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return False
    lower, hedges = token_view(doc).lower, _ids(cues.hedges)  # t.lower_ in cues.hedges, as ids
    return any(lower[k] in hedges for k in range(span.start, span.end))


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]], share: float = 0.5) -> bool:
    """Whether ``a`` lies mostly inside the union of ``spans``."""
    inside = sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)
    return inside >= share * max(1, a[1] - a[0])


def _cspan(span: Span | None) -> CharSpan | None:
    return CharSpan(start=span.start_char, end=span.end_char) if span is not None else None


def _make(doc: Doc, text: str, content: tuple[int, int], cue: Token | Span, source: Span | None,
          claim: bool, hedged: bool) -> Quote | Claim:
    s, e = content
    text = text[s:e]
    if claim:
        return Claim(start=s, end=e, text=text, source=resolve_speaker(doc, source) if source is not None else None,
                     source_text=source.text if source is not None else None, source_span=_cspan(source),
                     hedged=hedged)
    cue_chars = (cue.idx, cue.idx + len(cue.text)) if isinstance(cue, Token) else (cue.start_char, cue.end_char)
    verbatim = any(t.text == ":" for t in doc[cue.i + 1:cue.i + 8] if t.idx < s) if isinstance(cue, Token) else False
    return Quote(start=s, end=e, text=text, kind="direct" if verbatim else "indirect", speaker=resolve_speaker(doc, source),
                 speaker_text=source.text if source is not None else None, speaker_span=_cspan(source),
                 cue=cue.text, cue_span=CharSpan(start=cue_chars[0], end=cue_chars[1]))


def _verb_frame(doc: Doc, text: str, verb: Token, cues: Cues, taken: list[tuple[int, int]],
                breaks: list[int]) -> Quote | Claim | None:
    """Indirect speech or a claim governed by a cue verb, if it has content."""
    lemma = verb.lemma_.lower()
    rng = _content_range(verb, cues)
    if rng is not None:
        lo, hi = rng
        if lo < verb.i < hi and verb.dep_ != "parataxis":  # "…, he said, …" inside its own content
            hi = verb.i - 1
        content = _char_span(doc, lo, hi)
    else:
        content = _dangling_that(doc, verb)
    if content is None or content[1] - content[0] < 3 or _overlaps(content, taken):
        return None
    if crosses(breaks, verb.idx, content[0]) or crosses(breaks, content[0], content[1]):
        return None
    subj = subject_of(verb)
    if subj is not None and crosses(breaks, subj.idx, verb.idx):
        subj = None
    view = token_view(doc)
    dep, kids = view.dep, view.children[verb.i]  # verb.children's labels, as ids
    clausal = any(dep[c] == _CCOMP for c in kids) or verb.dep_ == "parataxis"
    if subj is not None and not (clausal and lemma in cues.speech) and not _source_like(doc, subj, cues):
        return None  # "a prolongation threatens to provoke …": no one speaks
    source = speaker_mention(subj) if subj is not None else None
    passive = any(dep[c] in _PASSIVE for c in kids)
    if passive and subj is not None and subj.dep_ == "nsubjpass":
        source = None  # "he is said to …": the subject is the topic, not the source
    spoken = lemma in cues.speech or lemma in cues.topic
    claim = (lemma in cues.report or lemma in cues.belief or not spoken or passive
             or is_claim_source(source, cues))
    hedged = _hedged(doc, verb, content, cues) if claim else False
    return _make(doc, text, content, verb, source, claim, hedged)


def _according_to(doc: Doc, text: str, tok: Token, cues: Cues, taken: list[tuple[int, int]]) -> Claim | None:
    """ "According to X, …": X is the source, the rest of the clause the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in (to.children if to is not None else tok.children) if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_lo, phrase_hi = tok.i, pobj.right_edge.i
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and head.head is not head:
        head = head.head
    lo, hi = head.left_edge.i, head.right_edge.i
    if lo > phrase_lo:
        lo = phrase_lo
    left = (lo, phrase_lo - 1) if phrase_lo - 1 >= lo else None
    right = (phrase_hi + 1, hi) if hi > phrase_hi else None
    parts = [p for p in (left, right) if p is not None and p[1] - p[0] >= 2]
    if not parts:
        return None
    best = max(parts, key=lambda p: p[1] - p[0])
    content = _char_span(doc, *best)
    if content[1] - content[0] < 8 or _overlaps(content, taken):
        return None
    source = speaker_mention(pobj)
    return Claim(start=content[0], end=content[1], text=text[content[0]:content[1]],
                 source=resolve_speaker(doc, source), source_text=source.text, source_span=_cspan(source),
                 hedged=_hedged(doc, None, content, cues))


_FRAME_DEPS = {"advcl", "punct", "prep", "npadvmod", "cc", "mark", "intj"}


def _adverb_claim(doc: Doc, text: str, tok: Token, cues: Cues, taken: list[tuple[int, int]]) -> Claim | None:
    """ "it reportedly involves …": a sourceless, hedged claim of the clause."""
    head = tok.head
    core = [c for c in head.lefts if c.dep_ not in _FRAME_DEPS]  # not "While X is unclear, …"
    lo = min([c.left_edge.i for c in core] + [head.i])
    content = _char_span(doc, lo, head.right_edge.i)
    if content[1] - content[0] < 8 or _overlaps(content, taken):
        return None
    return Claim(start=content[0], end=content[1], text=text[content[0]:content[1]], hedged=True)


def reported_speech(doc: Doc, cues: Cues, taken: list[tuple[int, int]], text: str | None = None) -> list[Quote | Claim]:
    """Indirect quotes and claims in one pass over the tokens.

    ``taken`` are the direct quotes' spans: reported content mostly inside them
    is the direct quote's frame, not a second attribution.
    """
    out: list[Quote | Claim] = []
    verbs = cues.attribution
    text = doc_text(doc) if text is None else text
    breaks = hard_breaks(text)
    for i in _cue_candidates(doc, cues):
        tok = doc[i]
        low = tok.lower_
        if low == "according" and tok.dep_ in ("prep", "advmod", "ROOT"):
            item = _according_to(doc, text, tok, cues, taken)
        elif low in cues.claim_adverbs and tok.dep_ == "advmod":
            item = _adverb_claim(doc, text, tok, cues, taken)
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs:
            item = _verb_frame(doc, text, tok, cues, taken, breaks)
        else:
            continue
        if item is not None:
            out.append(item)
    return out


def _cue_candidates(doc: Doc, cues: Cues) -> list[int]:
    """Indices of the tokens :func:`reported_speech` looks at ("according", a claim adverb, a
    verb with an attribution lemma), read from the Doc's arrays: a Token object per token
    costs more than the rules run on the few that qualify."""
    view = token_view(doc)  # shared with the other extractors
    lower, pos, lemma = view.lower, view.pos, view.lemma
    words = _hashes(cues.claim_adverbs)
    verbs = cues.attribution
    seen: dict[int, bool] = {}  # lemma -> an attribution verb? (as the rule reads it: lower-cased)
    out = []
    for i, (w, p, m) in enumerate(zip(lower, pos, lemma, strict=True)):
        if w in words or w == _ACCORDING:
            out.append(i)
        elif p in _VERB_POS:
            hit = seen.get(m)
            if hit is None:
                hit = seen[m] = lower_of(doc, m) in verbs
            if hit:
                out.append(i)
    return out


@lru_cache(maxsize=16)
def _ids(words: frozenset[str]) -> frozenset[int]:
    """The ids the token view holds for ``words`` (a spaCy symbol's id, else the string's hash)."""
    return frozenset(map(get_string_id, words))


@lru_cache(maxsize=16)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """The string-store hashes of ``words`` (what ``doc.to_array(LOWER)`` holds)."""
    return frozenset(hash_string(w) for w in words)


_ACCORDING = hash_string("according")
_VERB_POS = {VERB, AUX}
_CCOMP = get_string_id("ccomp")  # a label's id in the token view: dependency labels are spaCy symbols
_PASSIVE = frozenset(map(get_string_id, ("auxpass", "nsubjpass")))
