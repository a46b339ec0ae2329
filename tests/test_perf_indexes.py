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


def test_head_words_are_the_tokens_whose_lemma_or_form_heads_a_lexicon_entry():
    from newsgraph.extract.events.lexicon import load_lexicon
    from newsgraph.extract.events.triggers import _head_words

    lex = load_lexicon()
    heads = {e.head for e in lex.entries.values()}
    doc = NLP("The Envoys ATTACKED plans and Protesters marched, said Officials")
    for tok, lemma in zip(doc, ["the", "envoy", "Attack", "plan", "and", "Protester", "march", ",", "say",
                                "Officials"]):
        tok.lemma_ = lemma  # capitalised lemmas too: the lexicon is matched on their lower case
    want = [t.i for t in doc if t.lemma_.lower() in heads or t.lower_ in heads]
    assert "attack" in heads and "march" in heads and 2 in want and 6 in want
    assert _head_words(doc, lex) == want
    assert _head_words(doc, lex) == want  # the second time from the memo
    assert _head_words(NLP(""), lex) == []
