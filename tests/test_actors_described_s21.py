"""People left with no country although their own phrase tells it (session 21; hand-written
texts): the nationality of the common noun that describes them (a reverse apposition, "a X
farmer named Y", "Y of the X farmers' group"), and the country of the organisation their phrase
ties them to once the story passes have placed it."""

from __future__ import annotations

import pytest


def _person(analyze, text: str, name: str):
    rec = analyze(text, published="2024-05-06")
    return next(a for a in rec.actors if a.name == name)


@pytest.mark.model
def test_a_reverse_apposition_gives_its_nationality(analyze):
    text = ("The Chilean detainee, Marco Rivas, told reporters in Buenos Aires that Argentina had "
            "treated him well. Argentine officials denied it.")
    assert _person(analyze, text, "Marco Rivas").country == "CHL"


@pytest.mark.model
def test_a_named_clause_gives_its_nationality(analyze):
    text = ("A Peruvian farmer named Tomas Quispe was arrested on Monday in Lima. Police in Bogota "
            "said Quispe had entered Colombia without papers.")
    assert _person(analyze, text, "Tomas Quispe").country == "PER"


@pytest.mark.model
def test_an_employer_phrase_gives_its_nationality(analyze):
    text = "Ana Ruiz of the Uruguayan farmers' group said Brazil was wrong. Brazil and Argentina signed the deal."
    assert _person(analyze, text, "Ana Ruiz").country == "URY"


@pytest.mark.model
def test_a_word_joined_to_another_by_a_hyphen_gives_no_nationality(analyze):
    text = ("The Anglo-Chilean detainee, Marco Rivas, told reporters in Buenos Aires that Argentina "
            "had treated him well. Argentine officials denied it.")
    assert _person(analyze, text, "Marco Rivas").country != "CHL"


@pytest.mark.model
def test_a_person_takes_the_country_the_story_gave_their_employer(analyze):
    text = ("Rates will rise, said Ana Ruiz of Cumbre Capital. The Peruvian central bank met in Lima "
            "on Monday. Peru's economy grew.")
    assert _person(analyze, text, "Ana Ruiz").country == "PER"
