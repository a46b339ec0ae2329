"""Named organisations with neither country nor sector that act in a one-country story take its
country, and so do those the text shows to be bodies even when they do not act (actors/acting.py;
hand-written texts)."""

from __future__ import annotations

import pytest

LEAD = ("Farmers blocked roads across Bolivia on Monday in protest at fuel prices. Bolivian police "
        "cleared a highway near La Paz, and Bolivia's government said the blockades were illegal. ")
TAIL = " The blockades continued on Wednesday."


def country(rec, name):
    return {a.name: a.country for a in rec.actors}.get(name)  # None when no actor: "UTC" after a time is none


@pytest.mark.model
def test_an_unknown_firm_that_speaks_in_a_one_country_story_takes_its_country(analyze):
    rec = analyze(LEAD + "Altiplano Cement said on Tuesday that its plant near La Paz would close for a week." + TAIL)
    assert country(rec, "Altiplano Cement") == "BOL"


@pytest.mark.model
@pytest.mark.parametrize("sentence, name", [
    ("International Crisis Watch said on Tuesday that the talks should resume.", "International Crisis Watch"),
    ("The Chilean firm Norte Cobre said on Tuesday that its trucks were stuck.", "Norte Cobre"),
    ("Altiplano Cement said on Tuesday that its exports to Peru had stopped.", "Altiplano Cement"),
])
def test_a_foreign_or_international_body_does_not_take_the_story_country(analyze, sentence, name):
    assert country(analyze(LEAD + sentence + TAIL), name) != "BOL"


@pytest.mark.model
def test_an_armed_group_the_tagger_calls_a_building_is_still_the_group(analyze):
    # the tagger reads "the Abu Sayyaf" after "of" as a facility (FAC)
    rec = analyze("Omar Haddad of the Abu Sayyaf said the group would retaliate.")
    assert country(rec, "Abu Sayyaf") == "PHL"


@pytest.mark.model
def test_a_real_building_is_no_actor(analyze):
    rec = analyze("Protesters gathered outside the Lincoln Memorial on Sunday, and police said they were peaceful.")
    assert not any("Memorial" in a.name for a in rec.actors)


@pytest.mark.model
@pytest.mark.parametrize("sentence, name", [
    ("The organiser of the march, Rosa Mamani, said the farmers would not give up.", "Rosa Mamani"),
    ("The highway was cleared by Rosa Mamani and her neighbours on Tuesday.", "Rosa Mamani"),
])
def test_a_name_in_apposition_to_a_subject_or_the_agent_of_a_passive_acts(analyze, sentence, name):
    assert country(analyze(LEAD + sentence + TAIL), name) == "BOL"


@pytest.mark.model
def test_an_acronym_that_leaves_out_the_country_word_joins_the_full_name(analyze):
    rec = analyze(LEAD + "The US Federal Trade Board (FTB) opened an inquiry into Andes Copper on Monday. "
                  "The FTB said it had found irregularities." + TAIL)
    board = [a for a in rec.actors if a.name == "US Federal Trade Board"]
    assert board and board[0].country == "USA" and len(board[0].mentions) >= 2
    assert "FTB" not in {a.name for a in rec.actors}


@pytest.mark.model
def test_an_event_the_tagger_calls_an_organisation_takes_no_country(analyze):
    rec = analyze(LEAD + "The Altiplano Farm Expo was held in La Paz from 1990 to 1999." + TAIL)
    assert country(rec, "Altiplano Farm Expo") is None


@pytest.mark.model
def test_an_international_sports_body_in_a_home_story_keeps_no_country(analyze):
    rec = analyze("Two Bolivian runners were suspended on Monday. Bolivian police questioned their coach in "
                  "La Paz. The IAAF said the runners had missed three tests. The runners deny wrongdoing.")
    assert country(rec, "IAAF") is None


@pytest.mark.model
@pytest.mark.parametrize("sentence, name", [
    ("Ana Quispe, an economist at Cumbre Capital, said the losses would be large.", "Cumbre Capital"),
    ("The governor told Radio Illimani that talks would start.", "Radio Illimani"),
    ("Drivers used the ANDESNET network, said Ana Quispe, an analyst at Cumbre Securities.", "Cumbre Securities"),
])
def test_an_employer_or_an_outlet_named_in_passing_takes_the_story_country(analyze, sentence, name):
    assert country(analyze(LEAD + sentence + TAIL), name) == "BOL"


@pytest.mark.model
@pytest.mark.parametrize("sentence, name", [
    ("Ana Quispe, an economist at the Leeds Institute of Economics, said the losses would be large.",
     "Leeds Institute of Economics"),
    ("Drivers used the ANDESNET network, said Ana Quispe, an analyst at Cumbre Securities.", "ANDESNET"),
    ("The talks were broadcast live at 10:00 UTC on Tuesday.", "UTC"),
])
def test_a_body_named_after_a_foreign_city_or_a_name_that_is_no_body_does_not(analyze, sentence, name):
    assert country(analyze(LEAD + sentence + TAIL), name) != "BOL"
