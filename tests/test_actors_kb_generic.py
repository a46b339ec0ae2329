"""Party and legislature names many countries share ("Democrats", "Congress", "Labour Party"):
the knowledge file's entry gives its country only when the text supports it (knowledge.entity_country)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors import load_knowledge


def countries_of(record, name):
    return [a.country for a in record.actors if a.name == name]


def test_generic_names_are_listed_in_the_knowledge_file():
    kb = load_knowledge()
    assert {"Democrats", "Congress", "Labour Party"} <= kb.generic_names
    assert "U.S. Congress" not in kb.generic_names, "an exact, country-specific name keeps its country"


@pytest.mark.model
def test_a_possessor_country_gives_the_party_its_country(analyze):
    rec = analyze("Korea's main opposition Democratic Party walked out of the vote in Seoul on Tuesday.")
    assert countries_of(rec, "Democratic Party") == ["KOR"]


@pytest.mark.model
def test_the_tail_of_a_longer_party_name_is_another_party(analyze):
    rec = analyze("Voters in Bavaria were courted by the Free Democrats, who promised lower taxes for farmers.")
    assert not [a for a in rec.actors if a.country == "USA"], [(a.name, a.country) for a in rec.actors]


@pytest.mark.model
def test_a_story_set_elsewhere_does_not_make_the_name_foreign(analyze):
    rec = analyze("In Manila, Congress passed the budget after a long night. Philippine senators "
                  "had demanded more money for schools.")
    assert countries_of(rec, "US Congress") in ([None], ["PHL"]), "not the US Congress"


@pytest.mark.model
def test_the_entry_country_stands_when_the_text_names_it(analyze):
    rec = analyze("Democrats in Washington criticised the White House budget on Monday.")
    assert countries_of(rec, "Democratic Party") == ["USA"]
