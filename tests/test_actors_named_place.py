"""A body placed by the town or province in its own name (actors/named_place.py), hand-written texts."""

from __future__ import annotations

import pytest

ACCORD = "Chile and Peru signed a fishing accord on Monday{}. {} Chile and Peru said talks would go on."


@pytest.mark.model
@pytest.mark.parametrize("named, sentence, name, country", [
    (", and Ireland and Britain welcomed it", "The Kilkenny Farmers Council said the accord would hurt its members.",
     "Kilkenny Farmers Council", "IRL"),
    (", and Ireland and Britain welcomed it", "Students at Leeds University protested against the deal.",
     "Leeds University", "GBR"),
    ("", "The Kilkenny Farmers Council said the accord would hurt its members.",  # Ireland never named
     "Kilkenny Farmers Council", None),
    (" and Canada welcomed it", "The Alberta Mining Act was changed, the Alberta Mining Council said.",
     "Alberta Mining Council", "CAN"),
    (" and Canada welcomed it", "The Alberta Mining Act was changed, the Alberta Mining Council said.",
     "Alberta Mining Act", None),  # a law, not a body
])
def test_a_body_named_after_a_city_or_province(analyze, named, sentence, name, country):
    rec = analyze(ACCORD.format(named, sentence), published="2024-05-06")
    found = [a for a in rec.actors if a.name == name]
    if country is None:
        assert all(a.country in (None, "CHL", "PER") for a in found), found
    else:
        assert found and found[0].country == country, [(a.name, a.country) for a in rec.actors]
