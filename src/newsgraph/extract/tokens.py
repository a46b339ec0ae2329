"""Integer views of a Doc's token attributes, built once per Doc, for the rules' hot loops.

Every ``tok.dep_``, ``lower_``, ``lemma_``, ``pos_`` decodes a string from the StringStore, and
``doc[i]``, ``tok.sent``, ``tok.children`` build new objects (``tok.sent`` walks the sentence
token by token): the rules read these hundreds of times per event. :func:`token_view` reads
the attributes once per Doc with one ``doc.to_array`` into plain lists (list indexing is
cheaper than numpy scalars), and :func:`text_of` decodes a hash once per process (bounded).
The last Doc's view is kept, as :func:`newsgraph.extract.doc_ents` keeps its entities: the
parse and the entities are fixed once the extractors run.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

from . import kept_per_doc

_ATTRS = [DEP, HEAD, LOWER, LEMMA, POS, TAG, ENT_TYPE, SENT_START, IS_PUNCT, ORTH]
_COLUMN = {"dep": 0, "lower": 2, "lemma": 3, "pos": 4, "tag": 5, "ent_type": 6, "is_punct": 8, "orth": 9}


class TokenView:
    """One Doc's token attributes as lists of ints, by token index: ``dep``, ``lower``,
    ``lemma``, ``tag``, ``ent_type``, ``orth`` (the text) are string hashes, ``pos`` a part-of-speech id
    (``spacy.parts_of_speech``), ``is_punct`` 1 or 0, ``head`` the head's index, ``children``
    each token's children, ``chars`` each token's character offsets; ``sent_of`` each token's
    sentence number and ``sent_starts`` each sentence's first token (as ``doc.sents`` gives
    them). Each list is made when first read (a hash column costs ~6 µs per 300 tokens) and is
    a plain attribute after that."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = n = len(doc)
        self._arr = doc.to_array(_ATTRS) if n else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
        self.has_sents = bool(n) and doc.has_annotation("SENT_START")

    def _col(self, name: str) -> list[int]:
        return self._arr[:, _COLUMN[name]].tolist()

    dep = cached_property(lambda self: self._col("dep"))
    lower = cached_property(lambda self: self._col("lower"))
    lemma = cached_property(lambda self: self._col("lemma"))
    pos = cached_property(lambda self: self._col("pos"))
    tag = cached_property(lambda self: self._col("tag"))
    ent_type = cached_property(lambda self: self._col("ent_type"))
    is_punct = cached_property(lambda self: self._col("is_punct"))
    orth = cached_property(lambda self: self._col("orth"))

    def column(self, name: str) -> np.ndarray:
        """Column ``name`` as the numpy array it was read into (for vector tests; not to be changed)."""
        return self._arr[:, _COLUMN[name]]

    def where(self, name: str, values: frozenset[int]) -> list[int]:
        """The indices of the tokens whose ``name`` column holds one of ``values`` (in order).
        One set lookup per token over the column's list: a numpy comparison per value cost
        ~5x more with the ~90 cue lemmas of a statement."""
        return [i for i, h in enumerate(getattr(self, name)) if h in values]

    @cached_property
    def head(self) -> list[int]:  # HEAD is an offset from the token
        return (self._arr[:, 1].view(np.int64) + np.arange(self.n, dtype=np.int64)).tolist()

    @cached_property
    def _offsets(self) -> tuple[list[int], list[int], list[int]]:
        if not self.n:
            return [], [], []
        arr = self.doc.to_array([IDX, LENGTH, SPACY]).astype(np.int64)
        ends = arr[:, 0] + arr[:, 1]
        return arr[:, 0].tolist(), ends.tolist(), (ends + arr[:, 2]).tolist()

    @property
    def chars(self) -> tuple[list[int], list[int]]:
        """Each token's first character and the character after its text (``tok.idx`` and
        ``tok.idx + len(tok.text)``): token range ``[i, j)`` covers ``text[starts[i]:ends[j - 1]]``,
        what ``doc[i:j].text`` joins and ``start_char``/``end_char`` give, without a Span."""
        starts, ends, _ = self._offsets
        return starts, ends

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens ``[i, j)`` of ``doc.char_span(start, end, alignment_mode="expand")``,
        without the Span: every token the characters touch (its text or trailing space), a start
        in a token's trailing space beginning at the next token; None where that gives None or
        no token (for a mention's offsets when only its token indices are read)."""
        starts, ends, spaced = self._offsets
        i, j = bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1  # spaCy's token_by_char
        if i < 0 or j < 0 or start >= spaced[i] or end - 1 >= spaced[j]:
            return None
        if start == ends[i]:
            i += 1
        return (i, j + 1) if j + 1 > i else None

    @cached_property
    def children(self) -> list[list[int]]:
        """Each token's children, in token order (as ``Token.children`` gives them)."""
        kids: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        return kids

    def subtree(self, i: int) -> list[int]:
        """Token ``i``'s subtree, in the order ``Token.subtree`` gives it (its left children's
        subtrees, the token, its right children's)."""
        out: list[int] = []
        kids = self.children
        todo = [(i, False)]
        while todo:
            t, expanded = todo.pop()
            if expanded:
                out.append(t)
                continue
            ks = kids[t]
            todo.extend((c, False) for c in reversed(ks) if c > t)
            todo.append((t, True))
            todo.extend((c, False) for c in reversed(ks) if c < t)
        return out

    @cached_property
    def memos(self) -> dict[str, dict]:
        """Per-Doc memos of rules that read only this Doc's parse, by rule (see :func:`doc_memo`)."""
        return {}

    def memo(self, name: str) -> dict:
        """The memo of rule ``name`` for this Doc (see :func:`doc_memo`)."""
        memo = self.memos.get(name)
        if memo is None:
            memo = self.memos[name] = {}
        return memo

    @cached_property
    def _sentences(self) -> tuple[list[int], list[int]]:
        starts = self._arr[:, 7].view(np.int64) == 1
        if self.n:
            starts[0] = True
        return (np.cumsum(starts) - 1).tolist(), np.flatnonzero(starts).tolist()

    @property
    def sent_of(self) -> list[int]:
        return self._sentences[0]

    @property
    def sent_starts(self) -> list[int]:
        return self._sentences[1]

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """(first token, end) of token ``i``'s sentence: ``doc[i].sent``'s start and end
        (which raises, as here, when nothing set sentence boundaries)."""
        if not self.has_sents:
            sent = self.doc[i].sent
            return sent.start, sent.end
        k = self.sent_of[i]
        starts = self.sent_starts
        return starts[k], (starts[k + 1] if k + 1 < len(starts) else self.n)


_VIEW: TokenView | None = None
kept_per_doc(__name__, "_VIEW", lambda: None)


def token_view(doc: Doc) -> TokenView:
    """The :class:`TokenView` of ``doc`` (the last Doc's is kept)."""
    global _VIEW
    view = _VIEW
    if view is None or view.doc is not doc or view.n != len(doc):
        view = _VIEW = TokenView(doc)
    return view


def doc_memo(doc: Doc, name: str) -> dict:
    """The memo of rule ``name`` for ``doc``: a dict kept with the Doc's :class:`TokenView`
    (so for the last Doc only), for rules whose answer depends on the parse alone and that
    the coder asks again for the same tokens (``_actor_like``: half its calls are repeats)."""
    return token_view(doc).memo(name)


_TEXT: dict[int, str] = {}
_LOWER: dict[int, str] = {}
#: Strings kept by :func:`text_of` and :func:`lower_of` each: ~500 WikiNews articles' worth (at
#: ~190 bytes an entry, 200,000 were ~38 MiB each, the largest growth of a long run's memory).
_KEEP = 20_000


def text_of(doc: Doc, h: int) -> str:
    """The string of hash ``h`` (a token attribute of ``doc``), decoded once per process."""
    s = _TEXT.get(h)
    if s is None:
        if len(_TEXT) > _KEEP:
            _TEXT.clear()
        s = _TEXT[h] = doc.vocab.strings[h] if h else ""
    return s


def lower_of(doc: Doc, h: int) -> str:
    """``text_of(doc, h).lower()``, kept as :func:`text_of` is (for ``tok.lemma_.lower()``)."""
    s = _LOWER.get(h)
    if s is None:
        if len(_LOWER) > _KEEP:
            _LOWER.clear()
        s = _LOWER[h] = text_of(doc, h).lower()
    return s


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """``doc[i].sent``'s (start, end) without building the Span (see :meth:`TokenView.sent_bounds`)."""
    return token_view(doc).sent_bounds(i)


def sentence_chars(doc: Doc, i: int) -> tuple[int, int]:
    """``doc[i].sent``'s (start_char, end_char), from the view's sentence starts and token
    offsets: ``Token.sent`` builds two Spans and walks the sentence on each call."""
    view = token_view(doc)
    start, end = view.sent_bounds(i)
    starts, ends = view.chars
    return starts[start], ends[end - 1]


def same_sentence(doc: Doc, i: int, j: int) -> bool:
    """``doc[i].sent == doc[j].sent``, read from the sentence numbers."""
    view = token_view(doc)
    if not view.has_sents:
        return doc[i].sent == doc[j].sent
    return view.sent_of[i] == view.sent_of[j]
