"""Session 11: actors and their country (hand-written texts).

* groups of students, teachers or doctors, and "leaders" with no sector, take the story's
  country; a group named with a region's or a community's word does not;
* an armed group the knowledge base leaves without a country takes the one its own name names;
* "the Ruritanian side" is the state acting and "the European side" the EU, but not a side of
  a border, a team ("his side") or several sides;
* a hyphenated surname opening a sentence ("Al-Rashid said") is the person named in full;
* the dated knowledge base knows more office-holders, news outlets and security services.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.extract.actors.armed import name_country, place_armed
from newsgraph.knowledge import lookup
from newsgraph.records import Actor, Span


def actor(name, kind="organization", country=None, sector=None):
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, country=country, sector=sector,
                 mentions=[Span(start=0, end=5)])


def named(rec, name):
    found = [a for a in rec.actors if a.name.lower() == name.lower()]
    assert found, (name, [(a.name, a.country) for a in rec.actors])
    return found[0]


# --------------------------------------------------------------------------- no model

def test_an_armed_group_takes_the_one_country_its_name_names():
    groups = [actor("Liberation Front of Chad", sector="REB"), actor("Islamic Army in Mali", sector="INS"),
              actor("Sahel Brigades", sector="INS"), actor("Front for Chad and Niger", sector="REB"),
              actor("Chad Farmers Union", sector="LAB"), actor("Chad Mountain Fighters", "person", sector="REB")]
    place_armed(groups)
    assert [g.country for g in groups] == ["TCD", "MLI", None, None, None, None]


def test_a_name_with_no_country_word_gives_none():
    assert name_country("Popular Brigades of the Desert") is None
    assert name_country("Army of Free Peru") == "PER"


@pytest.mark.parametrize("name, day, expected", [
    ("BBC", "2024-01-01", ("GBR", "MED")),
    ("Xinhua", "2024-01-01", ("CHN", "MED")),
    ("Mossad", "2024-01-01", ("ISR", "COP")),
    ("IDF", "2024-01-01", ("ISR", "MIL")),
    ("Joseph Aoun", "2020-06-01", ("LBN", "MIL")),  # army commander
    ("Joseph Aoun", "2025-06-01", ("LBN", "GOV")),  # president
    ("Yair Lapid", "2022-01-01", ("ISR", "GOV")),
    ("Yair Lapid", "2024-01-01", ("ISR", "OPP")),
    ("Maia Sandu", "2023-01-01", ("MDA", "GOV")),
    ("Popular Resistance Committees", "2007-01-01", ("PSE", "REB")),
])
def test_the_dated_knowledge_base_knows_more_actors(name, day, expected):
    assert lookup(name, dt.date.fromisoformat(day)) == expected


# --------------------------------------------------------------------------- model

@pytest.mark.model
def test_students_and_teachers_take_the_story_country(analyze):
    rec = analyze("Police in Valparaiso fired tear gas at a march on Tuesday. Chile's education minister said "
                  "the budget would not change. Students blocked roads in Santiago and teachers joined them. "
                  "Chilean police detained twelve people in Valparaiso.", published="2024-05-06")
    assert named(rec, "Students").country == "CHL"
    assert named(rec, "teachers").country == "CHL"


@pytest.mark.model
def test_leaders_with_no_sector_take_the_story_country_but_not_a_communitys(analyze):
    rec = analyze("Kenyan police broke up a march in Nakuru on Monday. Kenya's interior minister defended the "
                  "ban. The new leaders promised calm, and police in Nakuru lifted the curfew. Jewish students "
                  "protested the ban on Tuesday, Kenyan officials said.", published="2024-05-06")
    assert named(rec, "new leaders").country == "KEN"
    assert named(rec, "Jewish students").country is None  # a community's word: not the state's


@pytest.mark.model
def test_the_ruritanian_side_is_the_state_and_the_european_side_the_eu(analyze):
    rec = analyze("Trade talks in Geneva ended on Friday. The Japanese side offered lower quotas, but the "
                  "European side refused.", published="2024-05-06")
    japan = named(rec, "Japan")
    assert (japan.kind, japan.country, japan.sector) == ("state", "JPN", "GOV")
    eu = named(rec, "European Union")
    assert (eu.country, eu.sector) == (None, "IGO")
    texts = {rec.article.text[m.start:m.end] for m in eu.mentions}
    assert "European side" in texts


@pytest.mark.model
def test_a_side_of_a_border_a_team_or_both_sides_is_no_party(analyze):
    rec = analyze("Trucks waited on the Bolivian side of the border for a week. Coach Tomas Berg said his side "
                  "played well. Both sides agreed to meet again.", published="2024-05-06")
    assert not any(a.country == "BOL" for a in rec.actors)
    assert named(rec, "Tomas Berg").sector != "GOV"


@pytest.mark.model
def test_a_hyphenated_surname_at_a_sentence_start_is_the_person_named_in_full(analyze):
    rec = analyze("The cleric Omar al-Rashid spoke at a rally in Basra on Friday. Al-Rashid said the "
                  "governor must resign.", published="2024-05-06")
    people = [a for a in rec.actors if a.kind == "person"]
    assert [p.name for p in people] == ["Omar al-Rashid"]
    assert len(people[0].mentions) == 2


@pytest.mark.model
def test_a_title_before_a_comma_and_a_rank_is_the_named_person(analyze):
    rec = analyze("Gunmen attacked a checkpoint on Sunday and a 19-year-old French Soldier, Corporal Pierre "
                  "Lambert was taken hostage.", published="2024-05-06")
    people = [a for a in rec.actors if a.kind == "person"]
    assert [(p.name, p.country, p.sector) for p in people] == [("Pierre Lambert", "FRA", "MIL")]
