"""Session 21: a party named by a modifier and a generic party word is its own actor, named in
full, and a country word inside its name is the name's, not the state (hand-written texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.extract.actors.governing import party_sector


def test_a_party_named_with_its_nation_takes_its_alias_standing():
    assert party_sector("AUS", "Australian Labor", dt.date(2010, 1, 5)) == "GOV"
    assert party_sector("AUS", "Australian Labor", dt.date(2005, 1, 5)) == "OPP"
    assert party_sector("CAN", "Ontario Liberals", dt.date(2005, 1, 5)) is None  # a province's party


def _actors_with(rec, words):
    text = rec.article.text
    return [a for a in rec.actors if any(words in text[m.start:m.end] for m in a.mentions)]


@pytest.mark.model
def test_two_parties_of_one_country_are_two_actors(analyze):
    rec = analyze("German voters went to the polls on Sunday. The Christian Democrats gained seats in the "
                  "German parliament, while the Free Democrats lost ground and blamed the German "
                  "chancellor.", published="2010-03-01")
    cdu, fdp = _actors_with(rec, "Christian Democrats"), _actors_with(rec, "Free Democrats")
    assert len(cdu) == 1 and len(fdp) == 1 and cdu[0].id != fdp[0].id
    assert (cdu[0].name, cdu[0].country, cdu[0].sector) == ("Christian Democrats", "DEU", "GOV")
    assert (fdp[0].name, fdp[0].country, fdp[0].sector) == ("Free Democrats", "DEU", "GOV")
    assert not any(a.name == "Democratic Party" for a in rec.actors)


@pytest.mark.model
def test_a_country_word_inside_a_party_name_is_not_the_state(analyze):
    rec = analyze("The Sweden Democrats criticised the new budget on Tuesday, saying it would raise taxes.",
                  published="2019-05-02")
    party = _actors_with(rec, "Sweden Democrats")
    assert len(party) == 1 and (party[0].name, party[0].country, party[0].sector) == ("Sweden Democrats", "SWE", "LEG")
    assert not any(a.kind == "state" for a in rec.actors)


@pytest.mark.model
def test_a_region_word_gives_the_party_its_country(analyze):
    rec = analyze("In Toronto, the Ontario Greens endorsed the transit plan, and the Progressive "
                  "Conservatives opposed it.", published="2007-09-20")
    greens, pcs = _actors_with(rec, "Ontario Greens"), _actors_with(rec, "Progressive Conservatives")
    assert len(greens) == 1 and (greens[0].kind, greens[0].country, greens[0].sector) == ("organization", "CAN", "LEG")
    assert len(pcs) == 1 and pcs[0].name == "Progressive Conservatives"


@pytest.mark.model
def test_a_wing_and_a_longer_name_keep_their_reading(analyze):
    rec = analyze("Senate Democrats blocked the bill in Washington. Progressive Democrats of America "
                  "said the vote was a mistake.", published="2006-05-02")
    assert not any(a.name in ("Senate Democrats", "Progressive Democrats") for a in rec.actors)
