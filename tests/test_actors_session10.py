"""Session 10: actors in events that came out with no country (hand-written texts).

* an article that knows of one country only (every place, nationality word and actor with a
  country belongs to it) is set there, even when it names the country too little to weigh (a
  home-politics story of a national broadcaster);
* in a story about several countries, an unplaced domestic group takes the one country the
  actors of its sector have (``sector_countries``), but not an armed force.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.extract.actors.story import MIN_WEIGHT, _sole_country, sector_countries, story_country
from newsgraph.records import Actor, Span


def actor(name, kind="group", country=None, sector=None, mentions=1):
    return Actor(id=name.lower().replace(" ", "-"), name=name, kind=kind, country=country, sector=sector,
                 mentions=[Span(start=10 * i, end=10 * i + 5) for i in range(mentions)])


SENTENCES = [0, 15, 40]  # three sentences: mentions at 0, 10 | 20, 30 | 40 ...


def named(rec, name):
    found = [a for a in rec.actors if a.name.lower() == name.lower()]
    assert found, (name, [a.name for a in rec.actors])
    return found[0]


# --------------------------------------------------------------------------- no model

def test_one_country_only_is_the_story_country():
    actors = [actor("Olaf Berg", "person", "DEU", "GOV", mentions=3), actor("police", sector="COP")]
    weights = Counter()
    assert _sole_country(actors, weights, SENTENCES) == "DEU"
    assert _sole_country(actors, weights, [0]) is None  # a one-sentence text says too little
    assert story_country(Counter({"DEU": MIN_WEIGHT})) == "DEU"


def test_a_second_country_or_too_few_mentions_leave_no_sole_country():
    actors = [actor("Olaf Berg", "person", "DEU", "GOV", mentions=3)]
    assert _sole_country(actors + [actor("Ana Ruiz", "person", "ESP", "GOV")], Counter(), SENTENCES) is None
    assert _sole_country(actors, Counter({"FRA": 1.0}), SENTENCES) is None  # a place of another country
    assert _sole_country([actor("Olaf Berg", "person", "DEU", "GOV", mentions=2)], Counter(), SENTENCES) is None


def test_sector_countries_skip_states_and_foreign_groups():
    actors = [actor("Peru", "state", "PER", "GOV"), actor("Chilean ministers", country="CHL", sector="GOV"),
              actor("Peruvian farmers", country="PER", sector="CVL"),
              actor("foreign farmers", country="BOL", sector="CVL")]
    kin = sector_countries(actors)
    assert kin == {"GOV": {"CHL"}, "CVL": {"PER"}}


# --------------------------------------------------------------------------- on the parse

HOME = ("Angela Merkel defended the pension reform on Tuesday. Merkel told reporters the plan was fair "
        "to young families. Police cleared demonstrators off a plaza near the chancellery after a "
        "sit-in. Merkel said the cabinet would meet again next week.")


@pytest.mark.model
def test_a_home_story_naming_no_place_places_its_domestic_agents(analyze):
    rec = analyze(HOME, published="2021-03-10")
    assert named(rec, "Police").country == "DEU"
    assert named(rec, "demonstrators").country == "DEU"


@pytest.mark.model
def test_a_second_country_s_leader_keeps_them_unplaced(analyze):
    rec = analyze(HOME.replace("Merkel said the cabinet would meet again next week.",
                               "Emmanuel Macron praised the plan."), published="2021-03-10")
    assert named(rec, "Police").country is None


TWO = ("Chile and Peru traded accusations over a fishing dispute on Monday. Chile recalled its ambassador "
       "from Lima, and Peru summoned the Chilean envoy. Peruvian fishermen blocked the harbour on Sunday. "
       "{extra}Protesters later burned tyres and threw stones at the coast guard.")


@pytest.mark.model
def test_an_unplaced_group_takes_the_one_country_of_its_sector(analyze):
    rec = analyze(TWO.format(extra="The blockade angered Chile. "), published="2021-03-10")
    assert named(rec, "Protesters").country == "PER"


@pytest.mark.model
def test_two_countries_in_the_sector_leave_it_unplaced(analyze):
    rec = analyze(TWO.format(extra="Chilean farmers marched in support of their government. "),
                  published="2021-03-10")
    assert named(rec, "Protesters").country is None


@pytest.mark.model
def test_an_armed_force_is_not_placed_by_its_sector(analyze):
    rec = analyze("Chile and Peru traded accusations over a border incident on Monday. Chile recalled its "
                  "ambassador from Lima, and Peru summoned the Chilean envoy. Peruvian troops crossed a dry "
                  "riverbed on Sunday. The incursion angered Chile. Soldiers later fired warning shots at a "
                  "patrol.", published="2021-03-10")
    assert named(rec, "Soldiers").country is None


# --------------------------------------------------------------------------- parties and national bodies

@pytest.mark.model
def test_british_party_names_take_their_country_when_no_other_country_is_named(analyze):
    rec = analyze("Tory leader Mark Fenton accused Labour of wasting money on consultants. The Liberal "
                  "Democrats vowed to scrap the scheme. The Conservatives promised lower taxes.",
                  published="2005-02-01")
    assert named(rec, "Labour Party").country == "GBR"
    assert named(rec, "Liberal Democrats").country == "GBR"
    assert named(rec, "Conservative Party").country == "GBR"
    assert named(rec, "Mark Fenton").country == "GBR"  # "Tory leader"


@pytest.mark.model
def test_a_shared_party_name_in_another_country_s_story_is_that_country_s(analyze):
    rec = analyze("Canada's Conservatives accused the Liberal government of hiding the report. Toronto "
                  "police arrested two men. The Tories said the minister should resign.", published="2008-05-01")
    assert named(rec, "Conservative Party").country == "CAN"


@pytest.mark.model
def test_a_bare_party_name_joins_the_country_of_its_full_name(analyze):
    # a British brigade is named too, so "named somewhere in the text" would give Britain
    rec = analyze("The Maltese Labour Party won the vote in Valletta on Sunday. British troops left the "
                  "island decades ago. The outgoing prime minister said Labour had no plan for the economy.",
                  published="2005-09-14")
    parties = [a for a in rec.actors if a.kind == "organization" and "Labour" in a.name]
    assert parties and all(a.country == "MLT" for a in parties), parties


@pytest.mark.model
def test_a_department_or_treasury_is_a_government_body_of_the_story(analyze):
    rec = analyze("The Treasury reported higher borrowing on Monday. Gordon Brown defended the figures in "
                  "the Commons. Mr Brown called the economy stable. Brown also said the Department for "
                  "Transport would publish rail fares next week.", published="2005-02-01")
    assert named(rec, "Treasury").sector == "GOV" and named(rec, "Treasury").country == "GBR"
    assert named(rec, "Commons").country == "GBR"


@pytest.mark.model
def test_an_international_body_s_department_stays_international(analyze):
    rec = analyze("Chile and Peru traded accusations over a fishing dispute. The United Nations Department of "
                  "Political Affairs promised to send an envoy.", published="2021-03-10")
    igo = [a for a in rec.actors if "Department" in a.name]
    assert igo and all(a.sector == "IGO" and a.country is None for a in igo), igo


# --------------------------------------------------------------------------- one-word names

@pytest.mark.model
def test_a_surname_after_an_honorific_takes_the_story_country(analyze):
    rec = analyze("Chileans voted on Sunday in a tense runoff in Santiago. Chile's electoral service said "
                  "turnout was high across Chile. Mrs Ortuzar said the count had been fair. Lord Penhallow "
                  "praised the calm vote in Chile.", published="2021-03-10")
    assert named(rec, "Ortuzar").country == "CHL"


@pytest.mark.model
def test_a_bare_one_word_name_takes_the_story_country_only_when_it_acts(analyze):
    """Session 10 left every bare one-word name unplaced (often a misread name). Since session 14 a
    one-word name the tagger reads as an organisation and that speaks or acts in a one-country story
    takes that country (``actors.acting``, checked on unseen text); named in passing it stays unplaced."""
    story = ("Chileans voted on Sunday in a tense runoff in Santiago. Chile's electoral service said "
             "turnout was high across Chile. ")
    spoke = [a for a in analyze(story + "Ortuzar said the count had been fair.", published="2021-03-10").actors
             if a.name == "Ortuzar"]
    assert all(a.country == "CHL" for a in spoke if a.kind == "organization"), spoke
    passing = [a for a in analyze(story + "A column about Ortuzar ran in the paper.", published="2021-03-10").actors
               if a.name == "Ortuzar"]
    assert all(a.country is None for a in passing), passing


# --------------------------------------------------------------------------- people of the story's country

@pytest.mark.model
def test_a_leader_titled_by_a_small_body_takes_the_story_country(analyze):
    rec = analyze("Chileans voted on Sunday in a tense runoff in Santiago. Chile's electoral service said "
                  "turnout was high across Chile. FDS leader Camila Ortuzar said the count had been fair.",
                  published="2021-03-10")
    assert named(rec, "Camila Ortuzar").country == "CHL"


@pytest.mark.model
def test_an_analyst_is_still_not_placed_by_the_story(analyze):
    rec = analyze("Chileans voted on Sunday in a tense runoff in Santiago. Chile's electoral service said "
                  "turnout was high across Chile. Analyst Camila Ortuzar said the count had been fair.",
                  published="2021-03-10")
    assert named(rec, "Camila Ortuzar").country is None


@pytest.mark.model
def test_one_foreign_aside_does_not_unplace_a_much_named_politician(analyze):
    rec = analyze("Chileans voted on Sunday in a tense runoff in Santiago, and Chile's electoral service said "
                  "turnout was high. Tomas Errazuriz said the count had been fair. Errazuriz thanked his "
                  "volunteers in Valparaiso. Errazuriz said he would meet party leaders on Monday. Errazuriz "
                  "once praised Argentine wine at a rally. Errazuriz promised lower bus fares.", published="2021-03-10")
    assert named(rec, "Tomas Errazuriz").country == "CHL"


# --------------------------------------------------------------------------- religious, ethnic, political groups

AFFILIATION = ("Bahrain's parliament met in Manama on Sunday following seven days of unrest across Bahrain. Police in "
               "Manama said calm had returned. {who} accused the government of rigging the vote.")


@pytest.mark.model
def test_a_group_named_by_a_religious_word_takes_the_story_country(analyze):
    rec = analyze(AFFILIATION.format(who="Shiites"), published="2011-03-10")
    assert named(rec, "Shiites").country == "BHR"


@pytest.mark.model
def test_a_transnational_word_or_a_prefix_takes_no_story_country(analyze):
    rec = analyze(AFFILIATION.format(who="Arabs"), published="2011-03-10")
    assert all(a.country is None for a in rec.actors if a.name == "Arabs")
    rec = analyze(AFFILIATION.format(who="Anti-government bloggers"), published="2011-03-10")
    assert all(a.country is None for a in rec.actors if a.name.lower() == "anti")


# --------------------------------------------------------------------------- named bodies of public life

BODY = ("Malta's parliament debated the harbour bill in Valletta on Monday. Maltese ministers defended the "
        "plan. {body} predicted job losses under the bill, and the prime minister promised talks.")


@pytest.mark.model
def test_a_named_association_with_no_sector_takes_the_story_country(analyze):
    rec = analyze(BODY.format(body="The Harbour Pilots Association"), published="2021-03-10")
    found = [a for a in rec.actors if "Association" in a.name]
    assert found and all(a.country == "MLT" for a in found), found


@pytest.mark.model
def test_a_european_body_takes_no_story_country(analyze):
    rec = analyze(BODY.format(body="The European Harbour Pilots Association"), published="2021-03-10")
    found = [a for a in rec.actors if "Association" in a.name]
    assert all(a.country is None for a in found), found
