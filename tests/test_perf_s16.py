"""Session 16's speed changes read what the code they replace read. Hand-made Docs; no model needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.tokens import TokenView

NLP = spacy.blank("en")


def _expand(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def test_token_range_gives_the_tokens_char_span_expands_to():
    texts = ["The envoy met  Ana Ruiz in Lima, then left.", "  Two spaces first\nand a line break ",
             "x", "Ruritania's  president."]
    for text in texts:
        doc = NLP(text)
        view = TokenView(doc)
        for start in range(-1, len(text) + 2):
            for end in range(start, len(text) + 3):
                assert view.token_range(start, end) == _expand(doc, start, end), (text, start, end)


def test_token_range_of_an_empty_doc_is_none():
    assert TokenView(NLP("")).token_range(0, 1) is None
