"""Session 13: a long run keeps its memory level (spaCy memory zones per batch, the C heap's
free pages returned after each batch) and gives the same records."""

from __future__ import annotations

import pytest

from newsgraph import pipeline
from newsgraph.ingest.article import RawArticle, prepare
from newsgraph.runtime import release_free_memory

TEXTS = [
    "The Ruritanian foreign minister Ana Qorblatz met her Borduria counterpart in Zyxovia on Monday.",
    "Protesters gathered outside the parliament in Strelsau, demanding the release of Mirek Vantuuk.",
]


def _articles():
    return [prepare(RawArticle(text=t, published="2021-03-02", plain=True)) for t in TEXTS]


def test_release_free_memory_is_safe_to_call():
    release_free_memory()
    release_free_memory()


@pytest.mark.model
def test_words_read_in_a_zone_leave_the_vocabulary_and_the_records_do_not_change(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 0)  # every batch in a zone
    zoned = [r.to_dict() for r in pipeline.analyze_many(_articles(), nlp)]
    assert "Qorblatz" not in nlp.vocab.strings and "Vantuuk" not in nlp.vocab.strings
    assert not nlp.vocab.in_memory_zone
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 10**12)  # no zone: the words stay
    plain = [r.to_dict() for r in pipeline.analyze_many(_articles(), nlp)]
    assert "Qorblatz" in nlp.vocab.strings
    assert zoned == plain
    assert any(a["name"].endswith("Qorblatz") for a in plain[0]["actors"])


@pytest.mark.model
def test_a_consumer_that_stops_early_leaves_no_zone_open(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 0)
    first = next(pipeline.analyze_many(_articles(), nlp))
    assert first.article.text == TEXTS[0]
    assert not nlp.vocab.in_memory_zone


def test_env_reads_what_os_environ_get_reads(monkeypatch):
    import os

    from newsgraph.runtime import env

    monkeypatch.delenv("NEWSGRAPH_S13_PROBE", raising=False)
    assert env("NEWSGRAPH_S13_PROBE") is None
    monkeypatch.setenv("NEWSGRAPH_S13_PROBE", "/tmp/é kb.json")
    assert env("NEWSGRAPH_S13_PROBE") == os.environ.get("NEWSGRAPH_S13_PROBE") == "/tmp/é kb.json"
    monkeypatch.setenv("NEWSGRAPH_S13_PROBE", "")
    assert env("NEWSGRAPH_S13_PROBE") == ""
    monkeypatch.delenv("NEWSGRAPH_S13_PROBE")
    assert env("NEWSGRAPH_S13_PROBE") is None
    monkeypatch.setattr(os, "environ", {"NEWSGRAPH_S13_PROBE": "replaced"})  # a plain mapping
    assert env("NEWSGRAPH_S13_PROBE") == "replaced"


@pytest.mark.model
def test_the_lemmatizer_cache_is_bounded_and_emptying_it_changes_no_record(nlp, monkeypatch):
    lemmatizer = nlp.get_pipe("lemmatizer")
    first = [r.to_dict() for r in pipeline.analyze_many(_articles(), nlp)]
    assert lemmatizer.cache  # spaCy keeps what it lemmatised
    monkeypatch.setattr(pipeline, "_CACHE_ENTRIES", 10**9)
    pipeline._bound_caches(nlp)
    assert lemmatizer.cache  # under the bound: kept
    monkeypatch.setattr(pipeline, "_CACHE_ENTRIES", 0)
    pipeline._bound_caches(nlp)
    assert not lemmatizer.cache
    assert [r.to_dict() for r in pipeline.analyze_many(_articles(), nlp)] == first


def test_decoded_strings_are_kept_up_to_a_bound(monkeypatch):
    import spacy

    from newsgraph.extract import tokens

    doc = spacy.blank("en")("Strelsau and Zyxovia signed an accord")
    monkeypatch.setattr(tokens, "_KEEP", 3)
    monkeypatch.setattr(tokens, "_TEXT", {})
    monkeypatch.setattr(tokens, "_LOWER", {})
    assert [tokens.text_of(doc, t.orth) for t in doc] == [t.text for t in doc]
    assert [tokens.lower_of(doc, t.orth) for t in doc] == [t.text.lower() for t in doc]
    assert len(tokens._TEXT) <= 4 and len(tokens._LOWER) <= 4
