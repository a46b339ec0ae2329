"""Session 13: countries of actors an article names, from data rows and titles (hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.knowledge import lookup


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


# --------------------------------------------------------------------------- no model

@pytest.mark.parametrize("name, code", [
    ("Lufthansa", ("DEU", "BUS")), ("Wal-Mart", ("USA", "BUS")), ("Statoil", ("NOR", "BUS")),
    ("Kuomintang", ("TWN", "LEG")), ("ZANU-PF", ("ZWE", "LEG")), ("UKIP", ("GBR", "LEG")),
])
def test_companies_and_parties_have_a_home_country(name, code):
    assert lookup(name) == code


def test_a_name_parties_of_several_countries_share_has_no_row():
    assert lookup("Muslim Brotherhood", phoenix=False) is None
    assert lookup("Sinn Fein", phoenix=False) is None


# --------------------------------------------------------------------------- on the parse

@pytest.mark.model
def test_a_foreign_secretary_is_his_own_governments(analyze):
    rec = analyze("LISBON, Portugal — Portugal's parliament debated the budget on Tuesday. "
                  "The shadow foreign secretary, Rui Almeida, criticised the plans of the government. "
                  "Police in Lisbon said the protest outside parliament was peaceful. "
                  "Portuguese officials said the vote would take place on Friday.", published="2006-03-07")
    found = named(rec, "Almeida")
    assert found and all(a.country == "PRT" for a in found), found


@pytest.mark.model
def test_a_company_without_a_country_word_takes_its_home_country(analyze):
    rec = analyze("Qantas said on Monday that it would cancel flights to Bali for a week. "
                  "The airline blamed the ash cloud.", published="2011-06-13")
    found = named(rec, "Qantas")
    assert found and all((a.country, a.sector) == ("AUS", "BUS") for a in found), found


@pytest.mark.model
def test_the_one_country_a_short_story_names_is_its_country(analyze):
    rec = analyze("Ministers in Portugal agreed a new pension plan on Monday. "
                  "The opposition said the plan was too timid. "
                  "Police said a small protest outside the ministry was peaceful.", published="2005-02-14")
    found = named(rec, "Police")
    assert found and all(a.country == "PRT" for a in found), found


@pytest.mark.model
def test_a_one_sentence_text_still_says_too_little(analyze):
    rec = analyze("Ministers in Portugal said police would guard the ministry.", published="2005-02-14")
    found = named(rec, "police")
    assert found and all(a.country is None for a in found), found


@pytest.mark.model
def test_a_channel_or_unit_takes_its_parents_country(analyze):
    rec = analyze("The minister told BBC Radio 4 that the plan would go ahead. "
                  "Lufthansa Cargo said it would cut 200 jobs in Frankfurt.", published="2005-02-14")
    for word, code in (("BBC Radio 4", ("GBR", "MED")), ("Lufthansa Cargo", ("DEU", "BUS"))):
        found = [a for a in named(rec, word) if a.name == word]
        assert found and all((a.country, a.sector) == code for a in found), (word, found)


@pytest.mark.model
def test_a_joint_venture_of_two_countries_companies_takes_neither(analyze):
    rec = analyze("Sony Ericsson said on Monday that it would make cheaper phones.", published="2006-05-02")
    found = [a for a in named(rec, "Sony Ericsson") if a.name == "Sony Ericsson"]
    assert found and all(a.country is None for a in found), found
