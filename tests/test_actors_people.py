"""People as actors: private persons, research bodies in a title, offices of a seat of government."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors import load_knowledge
from newsgraph.extract.actors.employers import _body_sector


def by_name(record, name):
    found = [a for a in record.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in record.actors]}"
    return found[0]


def test_ordinary_people_nouns_are_civilian_titles():
    kb = load_knowledge()
    assert kb.roles["shopkeeper"] == ("person", "CVL")
    assert kb.roles["farmer"] == ("person", "CVL"), "the curated roles decide"


def test_research_body_words_university_beats_institute():
    words = load_knowledge().research_words
    assert _body_sector(words, "Quito Institute of Andean Studies") == "NGO"
    assert _body_sector(words, "University Institute of Lisbon") == "EDU"
    assert _body_sector(words, "Port Authority of Valparaiso") is None
    assert _body_sector(words, "Institutes Group") is None, "whole words only"


@pytest.mark.model
def test_a_witness_is_a_civilian_of_the_story_country(analyze):
    rec = analyze("ACCRA, Ghana — A fire destroyed a market in Accra on Friday. \"The smoke was everywhere,\" "
                  "said Kwame Boateng, a witness. Ghanaian firefighters worked through the night. "
                  "Ghana's government promised to rebuild the market in Accra.")
    person = by_name(rec, "Kwame Boateng")
    assert (person.country, person.sector, person.title) == ("GHA", "CVL", "witness")


@pytest.mark.model
def test_an_analyst_at_an_institute_is_ngo(analyze):
    rec = analyze("\"The ceasefire will not hold,\" said Ines Duarte, an analyst at the Lisbon Institute "
                  "of Security Studies.")
    person = by_name(rec, "Ines Duarte")
    assert person.sector == "NGO"
    assert by_name(rec, "Lisbon Institute of Security Studies").sector == "NGO"


@pytest.mark.model
def test_a_chairman_and_a_researcher_at_a_think_tank_are_ngo(analyze):
    rec = analyze("\"The law is unfair,\" said Omar Haddad, vice chairman of the Lebanese Center for Rights "
                  "and Legal Aid. Ola Berg, a researcher at the Bergen Institute for Peace, said it could work.")
    assert by_name(rec, "Omar Haddad").sector == "NGO"
    assert by_name(rec, "Ola Berg").sector == "NGO", "not EDU: the body is a think tank"


@pytest.mark.model
def test_a_professor_at_an_institute_stays_edu(analyze):
    rec = analyze("Helen Ward, a professor at the Glasgow Institute of Technology, said the bridge was safe.")
    assert by_name(rec, "Helen Ward").sector == "EDU"


@pytest.mark.model
def test_a_director_of_a_seat_of_government_office_is_gov(analyze):
    rec = analyze("Ruth Bell, director of the White House Office of Drug Policy, said the program "
                  "would expand.")
    person = by_name(rec, "Ruth Bell")
    assert (person.country, person.sector) == ("USA", "GOV")
    assert by_name(rec, "White House Office of Drug Policy").sector == "GOV"



@pytest.mark.model
def test_a_centre_at_a_university_is_edu(analyze):
    rec = analyze("\"Boards rarely pay,\" said Mark Olsen, chairman of the Centre for Board Studies at the "
                  "University of Tromso.")
    assert by_name(rec, "Mark Olsen").sector == "EDU"
