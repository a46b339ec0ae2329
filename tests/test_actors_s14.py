"""Session 14: actors the text describes in one place and names in another (hand-written texts)."""

from __future__ import annotations

import pytest


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


@pytest.mark.model
def test_a_surname_the_tagger_calls_an_organisation_joins_the_full_name(analyze):
    rec = analyze("Robert Kilbride-Smythe, the party leader, spoke at the conference. Kilbride-Smythe said "
                  "the party would win. Critics of Kilbride-Smythe said the party had no policies.")
    found = named(rec, "Kilbride-Smythe")
    assert [a.kind for a in found] == ["person"]
    assert len(found[0].mentions) == 3


@pytest.mark.model
def test_an_acronym_the_text_calls_an_opposition_party_joins_its_full_name(analyze):
    rec = analyze("Both the Movement for National Renewal and the ruling Progress Party kept their seats. "
                  "The opposition party, the MNR, said the count was fair. MNR leader Ana Costa thanked voters.")
    movement = named(rec, "MNR")
    assert [a.name for a in movement] == ["Movement for National Renewal"]
    assert movement[0].sector == "OPP"
    assert named(rec, "Ana Costa")[0].sector == "OPP"  # her title names the party
    assert named(rec, "Progress Party")[0].sector == "GOV"  # "Party", a proper noun, is the head


@pytest.mark.model
def test_a_name_set_off_before_a_title_of_something_is_a_person(analyze):
    rec = analyze("Other attendees include Hermann Drobnik, the president of the UN tribunal.")
    drobnik = named(rec, "Drobnik")[0]
    assert (drobnik.kind, drobnik.country, drobnik.sector) == ("person", None, "IGO")


@pytest.mark.model
def test_an_opposition_title_beats_the_sector_of_the_body_spoken_for(analyze):
    rec = analyze("The Centre Party opposition health spokesman, Mark Ellery, said the plan would fail. "
                  "Mr Ellery called for an inquiry.")
    assert named(rec, "Mark Ellery")[0].sector == "OPP"


# --------------------------------------------------------------------------- governing parties by date

def test_a_party_holds_the_sector_of_its_dated_row():
    import datetime as dt

    from newsgraph.extract.actors.governing import party_sector

    assert party_sector("CAN", "Liberal Party", dt.date(2004, 6, 1)) == "GOV"
    assert party_sector("CAN", "Liberals", dt.date(2008, 6, 1)) == "OPP"
    assert party_sector("AUS", "Liberals", dt.date(2008, 6, 1)) == "OPP"
    assert party_sector("AUS", "Liberals", dt.date(2005, 6, 1)) == "GOV"
    assert party_sector("GBR", "Liberal Party", dt.date(2005, 6, 1)) is None  # no such row
    assert party_sector("USA", "Democratic Party", dt.date(2010, 6, 1)) is None  # not listed
    assert party_sector("CAN", "Liberals", None) is None  # no date, no guess


@pytest.mark.model
def test_a_party_and_its_leader_take_the_governing_or_opposition_sector_of_the_date(analyze):
    text = ("OTTAWA, Canada — The Liberal Party of Canada chose a new leader on Saturday. Liberal leader "
            "Paul Ardmore said the party would fight the next election on health care. The Canadian "
            "parliament will sit again in March.")
    later = analyze(text, published="2008-05-03")
    assert named(later, "Liberal Party of Canada")[0].sector == "OPP"
    assert named(later, "Paul Ardmore")[0].sector == "OPP"
    earlier = analyze(text, published="2004-05-03")
    assert named(earlier, "Liberal Party of Canada")[0].sector == "GOV"
    assert named(analyze(text, published=None), "Liberal Party of Canada")[0].sector == "LEG"


@pytest.mark.model
def test_a_person_named_after_their_party_takes_its_sector_of_the_date(analyze):
    text = ("BERLIN, Germany — Free Democrat Jana Keller criticised the German budget on Tuesday. Keller "
            "said the plan would cost Germany jobs. The Bundestag votes on Friday.")
    assert named(analyze(text, published="2011-03-01"), "Jana Keller")[0].sector == "GOV"
    assert named(analyze(text, published="2015-03-01"), "Jana Keller")[0].sector == "OPP"


def test_an_armed_group_that_led_a_government_is_gov_only_while_it_did():
    import datetime as dt

    from newsgraph.knowledge import lookup

    assert lookup("Hamas", dt.date(2006, 6, 1)) == ("PSE", "GOV")
    assert lookup("Hamas", dt.date(2005, 6, 1)) == ("PSE", "REB")
    assert lookup("Hamas", dt.date(2009, 6, 1)) == ("PSE", "REB")


@pytest.mark.model
def test_a_country_word_opening_a_name_keeps_it_from_another_countrys_entry(analyze):
    rec = analyze("The Malawi Peoples Defense Force said on Monday that it would send troops to the border.",
                  published="2008-05-01")
    assert named(rec, "Peoples Defense Force")[0].country == "MWI"
