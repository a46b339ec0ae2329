"""A person's fallback country from where their own clause happens (persons._locative_country):
not from a place in a quotation, in a clause about someone else, or in a modifier of another actor."""

from __future__ import annotations

import pytest


@pytest.mark.model
@pytest.mark.parametrize("text, name, country", [
    # a place in a relative clause is someone else's
    ("Maria Lindqvist, whose brother died in Chile last year, will travel to a conference next week.",
     "Maria Lindqvist", None),
    # a place in a quotation is not the speaker's
    ('Tomas Berglund said: "Our engineers have worked in Peru for many years."', "Tomas Berglund", None),
    # a modifier of other actors is theirs
    ("Rashid Karimov was blamed for the kidnapping of two Japan aid workers near the border.", "Rashid Karimov", None),
    # the place of the person's own clause counts
    ("In Kenya, Wanjiru Kamau opened a new clinic for children on Monday.", "Wanjiru Kamau", "KEN"),
    # so does the place of the event the person attends
    ("Ana Souza spoke to farmers at a rally held in Brasilia on Sunday.", "Ana Souza", "BRA"),
    # and a place in the person's own title
    ("The head of Peru's farmers' union, Luis Quispe, called for a national strike.", "Luis Quispe", "PER"),
])
def test_locative_country_of_a_person(analyze, text, name, country):
    found = [a for a in analyze(text).actors if a.name == name]
    assert found, f"no actor {name!r}"
    assert found[0].country == country
