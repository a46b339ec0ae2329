"""Continuation quotations (extract/continued.py): a quotation with no frame of its own carries
on the speaker of the quote or report just before it; hand-written texts."""

from __future__ import annotations

import pytest


def quote_with(rec, words):
    found = [q for q in rec.quotes if words in q.text]
    return found[0] if found else None


@pytest.mark.model
def test_next_sentence_continues_the_speaker_of_the_quote(analyze):
    rec = analyze('"We will not give in," the mayor said. "The city has waited long enough for a new bridge."')
    q = quote_with(rec, "waited long enough")
    assert q is not None and q.kind == "direct"
    assert q.speaker_text == "the mayor" and q.cue is None
    assert rec.article.text[q.speaker_span.start:q.speaker_span.end] == "the mayor"


@pytest.mark.model
def test_chain_of_quoted_sentences_keeps_the_speaker(analyze):
    rec = analyze('"The river has risen again," said Anna Berg, the harbour master. '
                  '"Two boats broke loose overnight." "We are asking everyone to stay off the piers."')
    for words in ("Two boats broke loose", "stay off the piers"):
        q = quote_with(rec, words)
        assert q is not None and q.speaker_text == "Anna Berg", words


@pytest.mark.model
def test_new_paragraph_continues_a_reported_speaker(analyze):
    rec = analyze("Maria Costa said on Friday that the strike would go ahead.\n\n"
                  '"Nobody wants this, but the workers have run out of patience."')
    q = quote_with(rec, "run out of patience")
    assert q is not None and "Costa" in q.speaker_text


@pytest.mark.model
def test_another_party_in_between_breaks_the_chain(analyze):
    rec = analyze('"We will not give in," the mayor said. The council rejected the plan on Monday. '
                  '"It was a bad plan from the very start."')
    q = quote_with(rec, "bad plan")
    assert q is None or q.speaker_text != "the mayor"


@pytest.mark.model
def test_short_quoted_words_are_not_continued(analyze):
    rec = analyze('"We will not give in," the mayor said. "Never."')
    q = quote_with(rec, "Never")
    assert q is None or q.speaker_text is None

