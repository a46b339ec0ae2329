"""A town qualified by its province or country ("Springfield, Manitoba") is in that area's
country, not a namesake abroad; the actors it places follow (session 12)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _places(record):
    return [(p.text, p.country) for p in record.places]


def test_a_town_takes_the_country_of_the_province_after_it(analyze):
    rec = analyze("Farmers blocked a highway near Springfield, Manitoba, on Monday.")
    assert ("Springfield", "CAN") in _places(rec)
    town = next(p for p in rec.places if p.text == "Springfield")
    assert town.lat is None  # no town of that name there in the gazetteer: country only, no namesake's point


def test_the_namesake_in_the_named_area_is_chosen(analyze):
    rec = analyze("Officers were called to a school in Paris, Ontario, after a fight.")
    town = next(p for p in rec.places if p.text == "Paris")
    assert town.country == "CAN" and town.lat is not None and 42 < town.lat < 45


def test_an_unresolved_town_takes_the_country_after_it(analyze):
    rec = analyze("The rally in Portland, Jamaica, drew hundreds of workers.")
    assert ("Portland", "JAM") in _places(rec)


def test_a_list_of_countries_is_left_alone(analyze):
    rec = analyze("Flights to Kenya, Uganda and Tanzania were cancelled.")
    assert _places(rec) == [("Kenya", "KEN"), ("Uganda", "UGA"), ("Tanzania", "TZA")]


def test_police_of_a_qualified_town_take_its_country(analyze):
    rec = analyze("Police in Springfield, Manitoba, arrested two farmers on Monday. "
                  "The police said the farmers had blocked a grain depot for three days. "
                  "Officers removed the tractors from the road.")
    police = [a for a in rec.actors if a.sector == "COP" and a.kind != "state"]
    assert police and all(a.country == "CAN" for a in police)


def test_later_mentions_follow_and_in_a_country_qualifies(analyze):
    rec = analyze("Farmers marched into Springfield, Manitoba, at dawn. By noon the square in "
                  "Springfield was full. Delegates later gathered in Paris in Canada.")
    assert [c for t, c in _places(rec) if t == "Springfield"] == ["CAN", "CAN"]
    assert ("Paris", "CAN") in _places(rec)


def test_a_state_that_shares_a_countrys_name_keeps_its_town(analyze):
    rec = analyze("The clinic in Savannah, Georgia, reported three new cases on Monday.")
    assert ("Savannah", "USA") in _places(rec)
