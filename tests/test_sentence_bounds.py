"""Sentence bounds that cut a subject off its verb (issue 10): rank abbreviations stay one token
and end no sentence, so a title keeps its name and a clause its subject
(extract/abbreviations.py); the first words of a paragraph start no sentence of their own
(pipeline.paragraph_boundaries). Hand-written texts."""

import pytest
import spacy

from newsgraph.extract.abbreviations import abbreviations, add_abbreviations


def test_ranks_are_one_token_and_the_text_is_unchanged():
    nlp = spacy.blank("en")
    add_abbreviations(nlp)
    text = "Navy Capt. Ana Ruiz met Cpl. Tomas Vell and LT. Oren Dask."
    doc = nlp(text)
    assert [t.text for t in doc][:3] == ["Navy", "Capt.", "Ana"]
    assert "Cpl." in [t.text for t in doc] and "LT." in [t.text for t in doc]
    assert doc.text == text


def test_the_table_leaves_out_what_spacy_already_keeps():
    ranks = abbreviations()
    assert "Sgt." in ranks and "Maj." in ranks
    assert "Gen." not in ranks  # a spaCy exception already


@pytest.mark.model
def test_a_rank_ends_no_sentence_and_the_subject_keeps_its_act(analyze):
    rec = analyze("Convoy ambush\n\n"
                  "Army Sgt. Tomas Vell said rebels ambushed a supply convoy near Orvel on Monday.")
    text = rec.article.text
    (ambush,) = [e for e in rec.events if e.trigger.text == "ambushed"]
    assert text[ambush.sentence.start:].startswith("Army Sgt. Tomas Vell said")
    assert not any(a.name in ("Sgt", "Sgt.") for a in rec.actors)


@pytest.mark.model
@pytest.mark.parametrize("lead", [
    "Chile and its regional allies rejected the quota plan on Monday.",
    "Ardania has closed its border with Velan after a week of clashes.",
])
def test_a_lead_after_a_headline_keeps_its_subject(nlp, lead):
    doc = nlp("Quota row\n\n" + lead)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Quota row", lead]


@pytest.mark.model
def test_a_short_paragraph_still_ends_where_its_full_stop_is(nlp):
    doc = nlp("Talks end\n\nNo deal. Ministers left Orvel on Friday.")
    assert [s.text.strip() for s in doc.sents] == ["Talks end", "No deal.", "Ministers left Orvel on Friday."]
