"""Session 16: a person's party read from the parse gives their standing (hand-written texts)."""

from __future__ import annotations

import pytest


def named(rec, word):
    text = rec.article.text
    return [a for a in rec.actors if word in a.name or any(word in text[m.start:m.end] for m in a.mentions)]


def sector(rec, word):
    found = named(rec, word)
    return (found[0].country, found[0].sector) if found else None


UK = ("The British government's housing plan was debated in London on Monday. {} "
      "The vote is on Friday.")


@pytest.mark.model
def test_a_party_in_an_apposition_or_a_bracket_gives_its_standing(analyze):
    rec = analyze(UK.format("Bob Hale, a Conservative, called it a disgrace. Ann Lee (Liberal Democrat) "
                            "agreed. Mark Kent, leader of the Conservative Party, wants a new plan."),
                  published="2007-03-01")
    assert sector(rec, "Bob Hale") == ("GBR", "OPP")
    assert sector(rec, "Ann Lee") == ("GBR", "OPP")
    assert sector(rec, "Mark Kent") == ("GBR", "OPP")  # "party" in the title is no legislator's word


@pytest.mark.model
def test_a_seat_stays_legislative_and_a_state_office_decides(analyze):
    rec = analyze(UK.format("Labour MP Jane Doe said it was a shame. Jo Fox, the Labour defence minister, "
                            "disagreed. Former Conservative leader Ed Heath said nothing."),
                  published="2007-03-01")
    assert sector(rec, "Jane Doe") == ("GBR", "LEG")
    assert sector(rec, "Jo Fox") == ("GBR", "GOV")
    assert sector(rec, "Ed Heath")[1] is None  # what he was


@pytest.mark.model
def test_the_us_party_out_of_the_white_house_is_in_opposition(analyze):
    text = ("Senate Democratic Leader Jane Doe said the bill failed in Washington. Tom Lee (R-Texas) agreed. "
            "The Democrats want a new vote. Democratic presidential candidate Ann Ray called it a disgrace.")
    rec = analyze(text, published="2006-05-01")
    assert sector(rec, "Democrats") == ("USA", "OPP")
    assert sector(rec, "Ann Ray") == ("USA", "OPP")
    assert sector(rec, "Jane Doe") == ("USA", "LEG")  # a party office in a chamber
    assert sector(rec, "Tom Lee") == ("USA", "LEG")  # the bracket of a member of Congress
    assert sector(analyze(text, published="2010-05-01"), "Democrats") == ("USA", "LEG")  # the president's party


@pytest.mark.model
def test_a_provinces_party_is_not_coded_by_the_national_row(analyze):
    rec = analyze("The Canadian government's plan failed in Ottawa on Monday. The Ontario Liberal leader "
                  "Ann Bell spoke. Canadian Liberal leader Tom Kay spoke.", published="2007-03-01")
    assert sector(rec, "Ann Bell")[1] is None
    assert sector(rec, "Tom Kay") == ("CAN", "OPP")


@pytest.mark.model
def test_a_party_of_another_countrys_name_ties_no_one(analyze):
    rec = analyze("The Australian government's migration bill was debated in Canberra. Democrats Senator "
                  "Amy Cole said it was cruel. Democrat Tom Lee, the district attorney, agreed.",
                  published="2006-05-01")
    assert sector(rec, "Amy Cole")[0] != "USA"
    assert sector(rec, "Tom Lee")[1] != "OPP"


def test_party_office_words_are_read_from_the_data_file():
    from newsgraph.extract.actors.party_link import _words, party_names

    words = _words()
    assert "leader" in words["office"] and "mp" in words["legislator"] and "party" in words["suffix"]
    assert ("USA", "Democratic Party") in party_names()["Democrats"]
    assert {c for c, _ in party_names()["Liberal"]} >= {"CAN", "AUS"}
