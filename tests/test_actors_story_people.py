"""The story's country read from who acts at home, and given to the unplaced people it names
(hand-written texts)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.story import story_words

BOLIVIA = ("Farmers blocked roads across Bolivia on Monday in protest at fuel prices. Bolivian police "
           "cleared a highway near La Paz, and Bolivia's government said the blockades were illegal. ")


def countries_of(rec, name):
    """The countries of the actors named ``name`` (case-insensitive); there must be one."""
    found = [a.country for a in rec.actors if a.name.lower() == name]
    assert found, (name, [a.name for a in rec.actors])
    return set(found)


def person(rec, name):
    found = [a for a in rec.actors if a.name == name]
    assert found, (name, [a.name for a in rec.actors])
    return found[0]


def test_the_story_words_are_data():
    home, visitors = story_words()
    assert {"COP", "CVL"} <= home and "GOV" not in home and "MIL" not in home  # governments and armies act abroad
    assert {"tourist", "exile", "envoy"} <= visitors


# --------------------------------------------------------------------------- who acts at home

@pytest.mark.model
def test_the_country_of_those_who_act_at_home_outweighs_a_power_named_as_background(analyze):
    rec = analyze("Thousands of people marched in Kathmandu on Sunday against the new budget. The United "
                  "States said it was watching the situation, and the United States urged calm. Washington "
                  "also said it would send an envoy. Nepali police fired tear gas, and Nepali police "
                  "officers arrested dozens of students. The protesters vowed to return on Monday.",
                  published="2024-05-06")
    assert countries_of(rec, "protesters") == {"NPL"}


@pytest.mark.model
def test_foreign_soldiers_do_not_make_a_story_theirs(analyze):
    """An army acts abroad: American troops named often in Peru leave the story ambiguous."""
    rec = analyze("American troops arrived in Peru on Monday. American soldiers set up camp near Lima, "
                  "and American officers met the United States ambassador. The United States said the "
                  "mission would last a month. Peru said it welcomed the help. Police closed the road.",
                  published="2024-05-06")
    assert countries_of(rec, "police") == {None}


# --------------------------------------------------------------------------- unplaced people

@pytest.mark.model
def test_a_person_quoted_in_a_one_country_story_takes_its_country(analyze):
    rec = analyze(BOLIVIA + "\"We cannot pay these prices,\" said Rosa Quispe, who grows potatoes near "
                  "the capital. Bolivian officials said the talks would resume.", published="2024-05-06")
    quispe = person(rec, "Rosa Quispe")
    assert (quispe.country, quispe.sector) == ("BOL", None)  # no sector the text does not give


@pytest.mark.model
@pytest.mark.parametrize("sentence, name", [
    ("Mateo Vargas, who was visiting his cousins, said his bus had been stuck for a day. ", "Mateo Vargas"),
    ("Lucia Mamani of the Andean Rights Network said the police had used force. ", "Lucia Mamani"),
    ("Jorge Prado said farmers in Chile were watching closely. ", "Jorge Prado"),
])
def test_a_visitor_an_employee_or_a_sentence_abroad_leaves_a_person_unplaced(analyze, sentence, name):
    rec = analyze(BOLIVIA + sentence + "Bolivian officials said the talks would resume.", published="2024-05-06")
    assert person(rec, name).country != "BOL"


@pytest.mark.model
def test_an_envoy_to_the_story_country_is_not_its_national(analyze):
    rec = analyze(BOLIVIA + "Carla Diaz, the ambassador to Bolivia, said the embassy would stay open. "
                  "Bolivian officials said the talks would resume.", published="2024-05-06")
    assert person(rec, "Carla Diaz").country != "BOL"


@pytest.mark.model
def test_a_person_in_a_story_about_several_countries_stays_unplaced(analyze):
    rec = analyze("Chile and Peru traded accusations over a disputed fishing zone. Chile said Peru had "
                  "broken the treaty, and Peru said Chile was to blame. Rosa Quispe said the boats "
                  "had left the port.", published="2024-05-06")
    assert person(rec, "Rosa Quispe").country is None


@pytest.mark.model
def test_a_credit_line_names_no_national(analyze):
    rec = analyze(BOLIVIA + "Bolivian officials said the talks would resume. Marta Lindqvist contributed "
                  "additional reporting.", published="2024-05-06")
    assert person(rec, "Marta Lindqvist").country is None


@pytest.mark.model
@pytest.mark.parametrize("lead, weight", [
    ("The budget was debated in Wellington on Monday. ", 2.0 + 2.0),  # the place (doubled), two later mentions
    ("The budget was debated on Monday. ", 0.0),  # no word of the text names the country
])
def test_who_acts_at_home_weighs_only_for_a_country_the_text_names(nlp, lead, weight):
    """A legislature placed by the knowledge base alone (a misread name) makes no story its own."""
    from newsgraph.extract.actors.story import story_weights
    from newsgraph.records import Actor, Span

    text = lead + "The party said taxes would rise. The party also said the vote would be close."
    at = [text.index("The party"), text.index("The party also")]
    party = Actor(id="p", name="Rural Party", kind="organization", country="NZL", sector="LEG",
                  mentions=[Span(start=a, end=a + 9) for a in at])
    assert story_weights(nlp(text), [party])["NZL"] == weight
