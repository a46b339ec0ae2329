"""Session 23 (issue 10): a titled person's office from the actor index when the text gives only
the country, and offices named by two words ending in "chief". Hand-written sentences."""

import pytest


def _actor(rec, name):
    return next(a for a in rec.actors if a.name == name)


@pytest.mark.model
def test_a_person_the_text_places_takes_the_index_office_of_that_country(analyze):
    rec = analyze("North Korean leader Kim Jong-il inspected a farm near the border.", published="2008-05-01")
    assert (_actor(rec, "Kim Jong-il").country, _actor(rec, "Kim Jong-il").sector) == ("PRK", "GOV")
    # the index's office is not taken when its country is not the one the text gives
    rec = analyze("Peruvian businessman Kim Jong-il opened a farm near the border.", published="2008-05-01")
    assert _actor(rec, "Kim Jong-il").sector != "GOV"


@pytest.mark.model
@pytest.mark.parametrize("text, name, sector", [
    ("Kessel police chief Ana Ruiz said the bombing was aimed at her officers.", "Ana Ruiz", "COP"),
    ("Army chief Bruno Salas told reporters the border was calm.", "Bruno Salas", "MIL"),
])
def test_an_office_ending_in_chief_is_a_title(analyze, text, name, sector):
    assert _actor(analyze(text), name).sector == sector


@pytest.mark.model
def test_chief_alone_is_no_one(analyze):
    assert not [a for a in analyze("The chief said the town was calm.").actors if a.kind == "person"]
