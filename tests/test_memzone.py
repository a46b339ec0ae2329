"""Session 17: once a batch is done nothing of newsgraph keeps a spaCy object of it (its memory
zone freed the words those point at), a single-article call runs in a zone too, and the
vocabulary does not grow over a run."""

from __future__ import annotations

import importlib
import sys

import pytest
from spacy.tokens import Doc, Span, Token

from newsgraph import pipeline
from newsgraph.ingest.article import RawArticle, prepare

TEXTS = [
    "The Ruritanian trade minister Ilse Drovnak met the Borduria envoy in Quelm on Tuesday.",
    "Farmers blocked the ring road around Strelsau, demanding that Vostrick Panuul resign.",
    "The Grand Fenwick council approved a loan of 40 million dollars for the Oszkar dam.",
]


def _articles(texts=TEXTS):
    return [prepare(RawArticle(text=t, published="2022-05-10", plain=True)) for t in texts]


def _spacy_objects(value, depth=0):
    """spaCy Docs, Spans and Tokens reachable from ``value`` through tuples, lists, dicts and a
    ``doc`` attribute (the extractors' token views), a few levels deep."""
    if isinstance(value, (Doc, Span, Token)):
        yield value
        return
    if depth > 3:
        return
    if isinstance(value, (tuple, list)):
        items = value
    elif isinstance(value, dict):
        items = list(value.keys()) + list(value.values())
    elif hasattr(value, "__dict__") and isinstance(getattr(value, "doc", None), Doc):
        items = [value.doc]
    else:
        return
    for item in items:
        yield from _spacy_objects(item, depth + 1)


def _kept_spacy_objects():
    out = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("newsgraph") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if attr.startswith("__") or isinstance(value, type):
                continue
            if any(True for _ in _spacy_objects(value)):
                out.append(f"{name}.{attr}")
    return out


def test_every_declared_holder_exists_and_is_set_back():
    import newsgraph.extract as extract
    importlib.import_module("newsgraph.extract.events")  # the extractors declare their holders on import
    assert extract._LAST_DOC
    for name, attr, empty in extract._LAST_DOC:
        module = importlib.import_module(name)
        assert hasattr(module, attr), f"{name}.{attr} is declared with kept_per_doc but gone"
        setattr(module, attr, "stale")
    extract.forget_last_doc()
    assert all(getattr(sys.modules[name], attr) == empty() for name, attr, empty in extract._LAST_DOC)


@pytest.mark.model
def test_nothing_keeps_a_spacy_object_after_a_batch(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 0)  # every batch in a zone
    records = list(pipeline.analyze_many(_articles(), nlp, batch_size=2))
    assert len(records) == 3 and not nlp.vocab.in_memory_zone
    assert _kept_spacy_objects() == []
    pipeline.analyze_text(TEXTS[0], nlp, published="2022-05-10", plain=True)
    assert _kept_spacy_objects() == []


@pytest.mark.model
def test_a_single_article_runs_in_a_zone_with_the_same_record(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 0)
    text = "The Vantorian premier Zelmira Quoxbeck criticised the Ardanian customs agency on Friday."
    zoned = pipeline.analyze_text(text, nlp, published="2022-05-10", plain=True).to_dict()
    assert "Quoxbeck" not in nlp.vocab.strings and not nlp.vocab.in_memory_zone
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 10**12)
    plain = pipeline.analyze_text(text, nlp, published="2022-05-10", plain=True).to_dict()
    assert "Quoxbeck" in nlp.vocab.strings
    assert zoned == plain


@pytest.mark.model
def test_the_vocabulary_does_not_grow_over_a_run(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 0)
    list(pipeline.analyze_many(_articles(), nlp))  # the labels and common words are in
    strings = len(nlp.vocab.strings)
    new = [f"Minister Kavrilo Zemtrask{n}ov of Qarlesia{n}stan met envoys in Ulbrech{n}holm." for n in range(40)]
    list(pipeline.analyze_many(_articles(new), nlp, batch_size=8))
    assert len(nlp.vocab.strings) == strings


@pytest.mark.model
def test_a_failing_batch_keeps_no_spacy_object_either(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "_PERMANENT_WORDS", 0)

    def fail(doc, article):
        raise RuntimeError("a record that cannot be made")

    monkeypatch.setattr(pipeline, "doc_to_record", fail)
    with pytest.raises(RuntimeError):
        list(pipeline.analyze_many(_articles(), nlp))
    assert not nlp.vocab.in_memory_zone
    assert _kept_spacy_objects() == []
