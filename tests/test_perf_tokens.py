"""The per-document token view (``newsgraph.extract.tokens``) must read what the Token
attributes it replaces read. Hand-made Docs; no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract.tokens import lower_of, same_sentence, sentence_bounds, text_of, token_view

NLP = spacy.blank("en")


def _parsed() -> Doc:
    words = ["Ruritanian", "police", "Arrested", "two", "men", ".", "They", "denied", "it", "."]
    doc = Doc(NLP.vocab, words=words,
              heads=[1, 2, 2, 4, 2, 2, 7, 7, 7, 7],
              deps=["amod", "nsubj", "ROOT", "nummod", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
              pos=["ADJ", "NOUN", "VERB", "NUM", "NOUN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
              tags=["JJ", "NNS", "VBD", "CD", "NNS", ".", "PRP", "VBD", "PRP", "."],
              lemmas=["Ruritanian", "police", "Arrest", "two", "man", ".", "they", "deny", "it", "."])
    doc.ents = [Span(doc, 0, 1, label="NORP"), Span(doc, 3, 4, label="CARDINAL")]
    return doc


def test_view_columns_are_the_token_attributes():
    doc = _parsed()
    view = token_view(doc)
    assert view.n == len(doc)
    assert [text_of(doc, h) for h in view.dep] == [t.dep_ for t in doc]
    assert [text_of(doc, h) for h in view.lower] == [t.lower_ for t in doc]
    assert [text_of(doc, h) for h in view.lemma] == [t.lemma_ for t in doc]
    assert [lower_of(doc, h) for h in view.lemma] == [t.lemma_.lower() for t in doc]
    assert [text_of(doc, h) for h in view.tag] == [t.tag_ for t in doc]
    assert [text_of(doc, h) for h in view.ent_type] == [t.ent_type_ for t in doc]
    assert view.pos == [t.pos for t in doc]
    assert view.head == [t.head.i for t in doc]
    assert lower_of(doc, view.lemma[2]) == "arrest" and text_of(doc, view.ent_type[1]) == ""


def test_sentence_bounds_are_token_sent():
    doc = _parsed()
    assert [sentence_bounds(doc, t.i) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]
    assert [sentence_bounds(doc, t.i) for t in doc] == [(0, 6)] * 6 + [(6, 10)] * 4
    assert [same_sentence(doc, 1, t.i) for t in doc] == [t.sent == doc[1].sent for t in doc]
    assert token_view(doc).sent_of == [0] * 6 + [1] * 4 and token_view(doc).sent_starts == [0, 6]


def test_sentence_bounds_fall_back_to_spacy_without_boundaries():
    doc = NLP("no parse here at all")
    assert not doc.has_annotation("SENT_START")
    with pytest.raises(ValueError):
        doc[1].sent  # noqa: B018  (what the view must do too)
    with pytest.raises(ValueError):
        sentence_bounds(doc, 1)


def test_the_view_is_kept_for_the_last_doc_only():
    first, second = _parsed(), NLP("Another text .")
    view = token_view(first)
    assert token_view(first) is view
    assert token_view(second) is not view and token_view(second).n == 3
    assert token_view(first) is not view and token_view(first).lower == view.lower
    assert token_view(NLP("")).n == 0 and token_view(NLP("")).sent_starts == []
