"""Per-document indexes the event and actor layers use instead of walking every token: each
must give what the token walk it replaces gives. Hand-made Docs; no model needed."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.strings import get_string_id

from newsgraph.extract.actors.state import _isin
from newsgraph.extract.events.discourse import _segment, _segment_of, _segment_starts

NLP = spacy.blank("en")


def _doc(text: str, starts: set[int]):
    doc = NLP(text)
    for t in doc:
        t.is_sent_start = t.i in starts or t.i == 0
    return doc


def test_segment_starts_agree_with_the_token_walk():
    text = "Ruritania closes border\n\nThe army shut the crossing on Monday. Traders protested.\nMore later"
    doc = _doc(text, {11})
    starts = _segment_starts(doc)
    assert [_segment_of(starts, len(doc), t.i) for t in doc] == [_segment(t) for t in doc]
    assert len({_segment(t) for t in doc}) == 4  # headline, two sentences, the line after the break


def test_segment_starts_without_sentence_boundaries_split_at_line_breaks_only():
    doc = NLP("One line here\nanother line")
    assert not doc.has_annotation("SENT_START")
    starts = _segment_starts(doc)
    assert [_segment_of(starts, len(doc), t.i) for t in doc] == [_segment(t) for t in doc]
    assert _segment_starts(NLP("")) == []


def test_isin_by_bisection_is_numpy_isin():
    ids = np.array(sorted({get_string_id(w) for w in ("police", "army", "minister")}), dtype=np.uint64)
    values = np.array([get_string_id(w) for w in ("army", "the", "police", "zebra", "minister")], dtype=np.uint64)
    assert _isin(values, ids).tolist() == np.isin(values, ids).tolist() == [True, False, True, False, True]
    assert _isin(values, np.array([], dtype=np.uint64)).tolist() == [False] * 5
