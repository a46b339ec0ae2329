"""The story's country: domestic actors the text does not place take it (hand-written texts)."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.extract.story import dateline, dateline_span, story_country


def actors_named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


# --------------------------------------------------------------------------- no model

@pytest.mark.parametrize("text, place", [
    ("KAMPALA, Uganda — The ruling party said ...", "Uganda"),
    ("LIMA (Reuters) - Farmers blocked roads ...", "LIMA"),
    ("OSLO, June 3 (Reuters) - The government ...", "OSLO"),
    ("HANOI -- Officials said ...", "HANOI"),
])
def test_dateline_place(text, place):
    found = dateline(text)
    assert found is not None and found[2] == place
    assert text[found[0]:found[1]] == place
    assert dateline_span(text)[0] == 0


@pytest.mark.parametrize("text", ["The ruling party said on Monday - as expected - that ...",
                                  "Police in the capital said ...", "By Ana Ruiz\nThe minister ..."])
def test_no_dateline(text):
    assert dateline(text) is None


def test_story_country_needs_a_clear_lead():
    assert story_country(Counter({"UGA": 9, "KEN": 2})) == "UGA"
    assert story_country(Counter({"UGA": 5, "KEN": 4})) is None  # two countries compete: no guess
    assert story_country(Counter()) is None


# --------------------------------------------------------------------------- on the parse

@pytest.mark.model
def test_domestic_agents_take_the_story_country(analyze):
    rec = analyze("Thousands marched through Tegucigalpa on Monday against a new tax law. "
                  "Police fired tear gas at the protesters near the Honduran parliament. "
                  "The interior minister said the security forces had acted within the law. "
                  "Honduras has seen weeks of unrest.", published="2024-05-06")
    for word in ("Police", "protesters", "security forces"):
        found = actors_named(rec, word)
        assert found and all(a.country == "HND" for a in found), (word, found)


@pytest.mark.model
def test_several_countries_leave_domestic_agents_unplaced(analyze):
    rec = analyze("Chile and Peru traded accusations over a disputed fishing zone. "
                  "Chile said Peru had broken the treaty, and Peru said Chile was to blame. "
                  "Police arrested two fishermen on Sunday.", published="2024-05-06")
    police = actors_named(rec, "Police")
    assert police and all(a.country is None for a in police)


@pytest.mark.model
def test_a_sentence_that_places_a_group_elsewhere_wins(analyze):
    rec = analyze("Ecuador's government declared a state of emergency on Tuesday. "
                  "Ecuador has deployed troops to its ports, and Ecuadorian officials said the army "
                  "would stay there for months. Riot police in Bogota also arrested dozens of people.",
                  published="2024-05-06")
    police = actors_named(rec, "Riot police")
    assert police and all(a.country == "COL" for a in police)
