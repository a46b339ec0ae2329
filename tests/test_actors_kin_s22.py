"""Actors left with no country that their own phrase or sector places (session 22; hand-written
texts): a person named as the relative of a placed person takes that person's country, and
gunmen are an armed group (REB) that, like other armed groups with no country word, takes the
country of a story set in one country."""

from __future__ import annotations

import pytest


def _actor(analyze, text: str, name: str):
    rec = analyze(text, published="2024-05-06")
    return next(a for a in rec.actors if a.name == name)


# a story about two countries: the story pass gives nobody its country
TWO = ("Chile and Argentina traded accusations on Monday over the detention of Marco Rivas. "
       "Argentine officials said the Chilean trader Marco Rivas had entered Argentina without papers. "
       "Chile's foreign ministry protested to Argentina. ")


@pytest.mark.model
def test_a_relative_in_apposition_takes_the_persons_country(analyze):
    text = TWO + "Pedro Rivas, the father of Marco Rivas, said his son was innocent."
    assert _actor(analyze, text, "Pedro Rivas").country == "CHL"


@pytest.mark.model
def test_a_relative_named_by_a_possessive_takes_the_persons_country(analyze):
    text = TWO + "Lucia Paredes, Rivas's wife, told reporters she would appeal."
    assert _actor(analyze, text, "Lucia Paredes").country == "CHL"


@pytest.mark.model
def test_a_person_with_no_kin_phrase_stays_unplaced(analyze):
    text = TWO + "Pedro Soto, a neighbour, said the trader was innocent."
    assert _actor(analyze, text, "Pedro Soto").country is None


@pytest.mark.model
def test_gunmen_are_an_armed_group_of_the_story_country(analyze):
    text = ("Gunmen attacked a police post in the Peruvian town of Ayacucho on Monday, killing two "
            "officers, police in Lima said. Peru's interior minister promised to find the attackers.")
    rec = analyze(text, published="2024-05-06")
    gunmen = next(a for a in rec.actors if a.name.lower() == "gunmen")
    assert (gunmen.country, gunmen.sector) == ("PER", "REB")
